"""The counter client's gateway desk as ``govterm window`` builds it, against a real gateway.

Enrolment runs on a background thread after the window is built, so the desk link
reads the credential on every call: before enrolment it answers ``Offline`` with a
message staff understand, afterwards statistics, help and pickup codes work, and a
re-enrolled terminal signs with its new credential without a restart.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from core.clock import HALL_TZ
from core.errors import Offline
from gateway.publishing import publish_catalog, publish_directory
from govterm.app import GuiOptions, Ui, build_ui
from govterm.settings import Settings, load_settings
from sync.catalog_files import load_catalog
from sync.engine import BlobFolder, Enrolment, save_enrolment
from sync.help_client import EnrolledDeskTransport, HelpClient
from tests.helpers.clock import FakeClock
from tests.helpers.gateway import RunningGateway, running_gateway
from window_client.results_desk import DeskServices

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
HALL = "wh-zwzx"


@pytest.fixture(scope="module")
def demo_catalog():  # type: ignore[no-untyped-def]
    return load_catalog(RESOURCES / "catalog")


@pytest.fixture
def gateway(tmp_path: Path, demo_catalog) -> Iterator[RunningGateway]:  # type: ignore[no-untyped-def]
    # The terminal signs with time.time(): the gateway's clock starts at the real time.
    with running_gateway(tmp_path / "gateway.db", clock=FakeClock(dt.datetime.now(HALL_TZ))) as gw:
        publish_catalog(gw.store, demo_catalog)
        publish_directory(gw.store, demo_catalog)
        yield gw


def settings_for(data: Path, **env: str) -> Settings:
    values = {
        "GOVTERM_DATA_DIR": str(data),
        "GOVTERM_CONFIG": os.devnull,
        "GOVTERM_TERMINAL_ID": "W01",
        "GOVTERM_TERMINAL_HALL_ID": HALL,
        "GOVTERM_TERMINAL_NAME": "综合受理 1 号窗口",
    }
    values.update({f"GOVTERM_{k.upper()}": v for k, v in env.items()})
    return load_settings(env=values)[0]


def boot(qapp: object, settings: Settings, data: Path) -> Ui:
    return build_ui(
        "window",
        app=qapp,  # type: ignore[arg-type]
        settings=settings,
        resources=RESOURCES,
        options=GuiOptions(fullscreen=False),
        data_dir=data,
    )


def close(ui: Ui) -> None:
    ui.close()
    ui.window.close()
    ui.window.deleteLater()


def test_window_mode_gets_its_desk_and_signature_store_and_uses_them_once_enrolled(
    qapp: object, qtbot: QtBot, tmp_path: Path, gateway: RunningGateway
) -> None:
    code = gateway.store.create_enrolment_code(hall_id=HALL, slot="W01", valid_seconds=600).code
    data = tmp_path / "window"
    ui = boot(qapp, settings_for(data, gateway_url=gateway.url, gateway_enrolment_code=code),
              data)
    try:
        qtbot.addWidget(ui.window)
        services = ui.window.services  # type: ignore[attr-defined]
        desk = services.desk
        assert isinstance(desk, DeskServices)
        assert isinstance(services.blobs, BlobFolder)
        assert services.blobs.root == data / "blobs"
        link = desk.transport
        assert isinstance(link, EnrolledDeskTransport)

        qtbot.waitUntil(lambda: link.enrolled, timeout=15_000)
        today = dt.datetime.now(HALL_TZ).date()
        report = desk.stats.report(today, today)
        assert report.hall_id == HALL
        feed = desk.help.feed(after=0)
        assert feed.requests == []
        assert desk.followups.tickets() == []
    finally:
        close(ui)


def test_without_a_gateway_the_window_has_no_desk_but_keeps_signatures(
    qapp: object, qtbot: QtBot, tmp_path: Path
) -> None:
    data = tmp_path / "window"
    ui = boot(qapp, settings_for(data), data)
    try:
        qtbot.addWidget(ui.window)
        services = ui.window.services  # type: ignore[attr-defined]
        assert services.desk is None
        assert isinstance(services.blobs, BlobFolder)
    finally:
        close(ui)


def test_desk_link_says_not_enrolled_then_signs_with_each_new_credential(
    tmp_path: Path, gateway: RunningGateway
) -> None:
    data = tmp_path / "window"
    link = EnrolledDeskTransport(
        data_dir=data, gateway_url=gateway.url,
        clock=lambda: gateway.clock.now().timestamp(),
    )
    help_client = HelpClient(transport=link)
    try:
        assert not link.enrolled
        with pytest.raises(Offline, match="尚未注册"):
            help_client.feed(after=0)

        first = gateway.enrol(hall_id=HALL, slot="W01")
        save_enrolment(data, Enrolment(gateway_url=gateway.url, credential=first.credential))
        assert help_client.request_help(note="窗口测试").device_id == first.credential.device_id

        # staff re-enrol the terminal: the next call signs with the new credential
        second = gateway.enrol(hall_id=HALL, slot="W01")
        save_enrolment(data, Enrolment(gateway_url=gateway.url, credential=second.credential))
        assert help_client.request_help(note="窗口测试").device_id == second.credential.device_id

        # a damaged credential file is "not enrolled" again, never a crash
        (data / "device.json").write_text("{", encoding="utf-8")
        with pytest.raises(Offline, match="尚未注册"):
            help_client.feed(after=0)
        first.close()
        second.close()
    finally:
        link.close()
