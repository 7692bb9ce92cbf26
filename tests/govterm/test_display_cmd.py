"""``govterm display`` as a process: enrols with its code, follows the hall's calls, quits.

The gateway is a real one on loopback (its clock at the real time: the display signs
its requests with ``time.time()``); the display is ``python -m govterm display`` on the
offscreen platform, its own process with its own data dir, as in a hall.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from core.clock import HALL_TZ
from gateway.app import terminal_states
from gateway.publishing import publish_catalog, publish_directory
from sync.catalog_files import load_catalog
from sync.engine import load_enrolment
from sync.queue_client import HttpQueueTransport, QueueClient
from sync.queue_protocol import AreaSettings, AreaSettingsList
from tests.helpers.clock import FakeClock
from tests.helpers.gateway import RunningGateway, running_gateway, wait_until

ROOT = Path(__file__).resolve().parents[2]
HALL = "wh-zwzx"


@pytest.fixture(scope="module")
def demo_catalog():  # type: ignore[no-untyped-def]
    return load_catalog(ROOT / "resources" / "catalog")


@pytest.fixture
def gateway(tmp_path: Path, demo_catalog) -> Iterator[RunningGateway]:  # type: ignore[no-untyped-def]
    with running_gateway(tmp_path / "gateway.db", clock=FakeClock(dt.datetime.now(HALL_TZ))) as gw:
        publish_catalog(gw.store, demo_catalog)
        publish_directory(gw.store, demo_catalog)
        r = requests.put(
            f"{gw.url}/v1/admin/queue/halls/{HALL}/areas",
            data=AreaSettingsList(
                areas=[AreaSettings(prefix="A", name="综合受理区")]
            ).model_dump_json(),
            headers={"Authorization": f"Bearer {gw.admin_token}"},
            timeout=10,
        )
        assert r.status_code == 200, r.text
        yield gw


def _window_client(gateway: RunningGateway) -> QueueClient:
    enrolled = gateway.enrol(hall_id=HALL, slot="W03")
    transport = HttpQueueTransport(base_url=gateway.url, credential=enrolled.credential)
    return QueueClient(transport=transport, clock=gateway.clock)


def _display(data_dir: Path, *args: str, url: str = "", code: str = "") -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "GOVTERM_CONFIG": "",
        "GOVTERM_GATEWAY_URL": url,
        "GOVTERM_GATEWAY_ENROLMENT_CODE": code,
        "GOVTERM_TERMINAL_ID": "D01",
        "GOVTERM_TERMINAL_HALL_ID": HALL,
        "GOVTERM_TERMINAL_NAME": "大厅叫号屏",
    }
    command = [sys.executable, "-m", "govterm", "--data-dir", str(data_dir), "display", *args]
    with _stderr_file(data_dir).open("ab") as sink:
        return subprocess.Popen(command, env=env, cwd=ROOT, stderr=sink)


def _stderr_file(data_dir: Path) -> Path:
    return data_dir.with_name(data_dir.name + "-stderr.txt")


def _log(data_dir: Path) -> str:
    path = data_dir / "logs" / "govterm.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _stop(process: subprocess.Popen[bytes]) -> int:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    try:
        return process.wait(30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise


def test_display_enrols_shows_a_window_call_and_reuses_its_credential(
    gateway: RunningGateway, tmp_path: Path
) -> None:
    data = tmp_path / "display"
    code = gateway.store.create_enrolment_code(hall_id=HALL, slot="D01", valid_seconds=600).code
    process = _display(data, url=gateway.url, code=code)
    try:
        wait_until(lambda: "hall display built" in _log(data), timeout=60)
        wait_until((data / "device.json").exists, timeout=60)
        window = _window_client(gateway)
        window.set_window_areas("3", ["A"])
        window.issue("A")
        window.call_next("3", clerk_id="wh-wangfang")
        wait_until(lambda: "hall display shows A001 at window 3 (call)" in _log(data), timeout=60)
        window.recall("A001")
        wait_until(lambda: "hall display shows A001 at window 3 (recall)" in _log(data), timeout=60)
    finally:
        status = _stop(process)
    assert status == 0, _stderr_file(data).read_text(encoding="utf-8", errors="replace")
    assert load_enrolment(data).credential.hall_id == HALL
    assert "Traceback" not in _log(data)

    # A second start reuses the credential: the used code is not presented again.
    again = _display(data, "--exit-after-sync", url=gateway.url, code=code)
    assert again.wait(90) == 0, _stderr_file(data).read_text(encoding="utf-8", errors="replace")
    displays = [s for s in terminal_states(gateway.store) if s.slot == "D01"]
    assert len(displays) == 1
    assert "first sync and call feed done" in _log(data)


def test_display_without_a_gateway_says_so_and_keeps_running(tmp_path: Path) -> None:
    data = tmp_path / "display"
    process = _display(data)
    try:
        wait_until(lambda: "hall display feed failed: Offline" in _log(data), timeout=60)
        assert process.poll() is None, "the display must not crash without a gateway"
    finally:
        status = _stop(process)
    assert status == 0
    assert "hall display built (gateway not configured)" in _log(data)
