"""``govterm demo`` for real, headless: gateway process, publishing, enrolment, sync, stop.

The demo runs as a person would start it (``python -m govterm demo``), offscreen and with
``--exit-after-sync`` so each terminal quits once its first sync is complete. What is
checked afterwards is what the processes left behind: the gateway's database, each
terminal's store, and the process table.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from core.clock import SystemClock
from gateway.db import SqliteDatabase
from gateway.store import GatewayStore
from govterm.demo import DEMO_HALL_ID, demo_display, demo_terminals
from sync.catalog_files import load_catalog
from sync.engine import load_enrolment
from sync.store import open_store

REPO = Path(__file__).resolve().parents[2]
DEMO_TIMEOUT_S = 240

pytestmark = pytest.mark.e2e


def _run_demo(data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "GOVTERM_CONFIG": str(data_dir / "none.toml"),
        "GOVTERM_GATEWAY_URL": "",
    }
    (data_dir / "none.toml").write_text("", encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "govterm", "--data-dir", str(data_dir), "demo", "--exit-after-sync"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=DEMO_TIMEOUT_S,
        check=False,
    )


def _processes_mentioning(text: str) -> list[str]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue  # ended meanwhile, or not ours to read
        if text in cmdline:
            found.append(f"{entry.name}: {cmdline}")
    return found


def _port_open(url: str) -> bool:
    host, port = url.removeprefix("http://").split(":")
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex((host, int(port))) == 0


def _gateway(data_dir: Path) -> GatewayStore:
    db = data_dir / "demo" / "gateway" / "gateway.db"
    assert db.exists()
    return GatewayStore(db=SqliteDatabase(db), clock=SystemClock())


def test_demo_starts_a_gateway_and_both_terminals_enrol_and_sync_from_it(tmp_path: Path) -> None:
    catalog = load_catalog(REPO / "resources" / "catalog")
    first = _run_demo(tmp_path)
    assert first.returncode == 0, first.stdout + first.stderr
    out = first.stdout
    url = re.search(r"演示前置机已启动: (http://127\.0\.0\.1:\d+)", out)
    assert url, out
    assert f"items: 更新 {len(catalog.items)} 条" in out
    assert "holidays: 更新" in out
    assert "居民 " in out
    assert "gateway codes issue --citizen 1 --out code.png" in out
    assert "wh-wangfang / Weihai@2026" in out
    assert "wh-zhaomin 或 wh-zhoujian / Chief@2026" in out
    assert out.count("首次注册并同步") == 2

    # everything stopped: no process of this demo, the gateway's port closed
    assert _processes_mentioning(str(tmp_path)) == []
    assert not _port_open(url.group(1))

    terminals = demo_terminals(tmp_path / "demo")
    devices = {t.mode: load_enrolment(t.data_dir).credential for t in terminals}
    for terminal in terminals:
        credential = devices[terminal.mode]
        assert (credential.hall_id, credential.slot) == (DEMO_HALL_ID, terminal.slot)
        with open_store(terminal.data_dir) as store:
            # the catalog came through sync (nothing imported it): every demo item
            assert len(store.cached_docs("items")) == len(catalog.items)
            assert len(store.cached_docs("bundles")) == len(catalog.bundles)
            assert store.sync_state("items") is not None
            with store.journal.read() as conn:
                states = {r[0] for r in conn.execute("SELECT state FROM outbox")}
            assert states == {"acked"}

    gateway = _gateway(tmp_path)
    try:
        active = {d.device_id for d in gateway.devices() if not d.revoked}
        display = load_enrolment(demo_display(tmp_path / "demo").data_dir).credential
        assert active == {c.device_id for c in devices.values()} | {display.device_id}
        with gateway.db.read() as tx:
            kiosk_events = tx.all(
                "SELECT kind, status FROM inbox WHERE device_id = ?",
                (devices["kiosk"].device_id,),
            )
        assert ("audit.entry", "applied") in [tuple(r) for r in kiosk_events]
    finally:
        gateway.db.close()

    # a second run reuses everything: nothing republished, nobody enrolled again
    second = _run_demo(tmp_path)
    assert second.returncode == 0, second.stdout + second.stderr
    for stream in ("items", "bundles", "halls", "licence_types", "holidays"):
        assert f"{stream}: 更新 0 条" in second.stdout
    assert second.stdout.count("已注册, 继续同步") == 2
    assert {t.mode: load_enrolment(t.data_dir).credential.device_id for t in terminals} == {
        mode: c.device_id for mode, c in devices.items()
    }
    assert _processes_mentioning(str(tmp_path)) == []
