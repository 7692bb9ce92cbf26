"""Kiosk mode as ``govterm kiosk`` builds it: the composition root against a real gateway.

The kiosk enrols with a one-time code on its first start, waits for the first pull to
bring its hall, and offers every tile of its profile; its queue, help desk and
citizen services sign with the credential enrolment kept; its upkeep reserves offline
ticket numbers. Without a gateway it offers what the cache can serve and nothing
that would lead nowhere; a printer out of paper hides what needs it until refilled.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from core.clock import HALL_TZ
from core.terminal import ALL_TILES, Tile
from devices.printers.folder import PAPER_OUT_FLAG
from gateway.publishing import publish_catalog, publish_directory
from govterm.app import GuiOptions, Ui, build_ui
from govterm.settings import Settings, load_settings
from sync.catalog_files import load_catalog
from sync.queue_protocol import AreaSettings, AreaSettingsList
from tests.helpers.clock import FakeClock
from tests.helpers.gateway import RunningGateway, running_gateway

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
HALL = "wh-zwzx"
CITIZEN = {Tile.SCAN, Tile.PROGRESS, Tile.PICKUP, Tile.TICKET, Tile.APPOINTMENT,
           Tile.EVALUATION, Tile.HELP}


@pytest.fixture(scope="module")
def demo_catalog():  # type: ignore[no-untyped-def]
    return load_catalog(RESOURCES / "catalog")


@pytest.fixture
def gateway(tmp_path: Path, demo_catalog) -> Iterator[RunningGateway]:  # type: ignore[no-untyped-def]
    # The terminal signs with time.time(): the gateway's clock starts at the real time.
    with running_gateway(tmp_path / "gateway.db", clock=FakeClock(dt.datetime.now(HALL_TZ))) as gw:
        publish_catalog(gw.store, demo_catalog)
        publish_directory(gw.store, demo_catalog)
        r = requests.put(
            f"{gw.url}/v1/admin/queue/halls/{HALL}/areas",
            data=AreaSettingsList(areas=[AreaSettings(prefix="A", name="综合受理区")])
            .model_dump_json(),
            headers={"Authorization": f"Bearer {gw.admin_token}",
                     "Content-Type": "application/json"},
            timeout=10,
        )
        assert r.status_code == 200, r.text
        yield gw


def settings_for(data: Path, **env: str) -> Settings:
    values = {
        "GOVTERM_DATA_DIR": str(data),
        "GOVTERM_CONFIG": os.devnull,
        "GOVTERM_TERMINAL_ID": "K01",
        "GOVTERM_TERMINAL_HALL_ID": HALL,
        "GOVTERM_TERMINAL_NAME": "自助终端 01",
    }
    values.update({f"GOVTERM_{k.upper()}": v for k, v in env.items()})
    return load_settings(env=values)[0]


def boot(qapp: object, settings: Settings, data: Path) -> Ui:
    return build_ui(
        "kiosk",
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


def test_first_start_with_an_enrolment_code_offers_every_tile_and_they_work(
    qapp: object, qtbot: QtBot, tmp_path: Path, gateway: RunningGateway
) -> None:
    code = gateway.store.create_enrolment_code(hall_id=HALL, slot="K01", valid_seconds=600).code
    data = tmp_path / "kiosk"
    ui = boot(qapp, settings_for(data, gateway_url=gateway.url, gateway_enrolment_code=code),
              data)
    try:
        window = ui.window
        window.show()
        # 呼叫帮办 shows once the sync status says the gateway answers
        qtbot.waitUntil(lambda: set(window.home.tiles()) == set(ALL_TILES), timeout=15_000)  # type: ignore[attr-defined]
        for tile in ALL_TILES:
            assert window.home.tile_button(tile).isVisible(), tile  # type: ignore[attr-defined]
        kiosk = ui.kiosk
        assert kiosk is not None
        assert kiosk.services is not None
        assert kiosk.services.hall.id == HALL
        # the upkeep reserved offline numbers with the credential enrolment kept
        qtbot.waitUntil(lambda: kiosk.queue.offline_numbers_left("A") > 0, timeout=15_000)

        # 取号 by two taps goes through the signed queue link
        qtbot.mouseClick(window.home.tile_button(Tile.TICKET), Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        ticket = window.ticket  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: bool(ticket.area_buttons()) and
                        ticket.area_buttons()[0].isVisible(), timeout=10_000)
        qtbot.mouseClick(ticket.area_button("A"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: ticket.pages.currentWidget() is ticket.done_page, timeout=10_000)
        assert ticket.result.number.text() == "A001"
        # its slip reaches the folder printer through the running print queue
        receipts = data / "papers" / "receipt"
        qtbot.waitUntil(lambda: any(receipts.glob("*.pdf")), timeout=15_000)

        # a scan on the home screen reaches the screen on display through the router
        window.go_home()  # type: ignore[attr-defined]
        window.end_session()  # type: ignore[attr-defined]
        kiosk.scans.submit(_scan("GT1:ACC:TK01-20990101-9:ABCD2345"))
        qtbot.waitUntil(lambda: window.current_screen() is window.progress, timeout=5_000)  # type: ignore[attr-defined]
    finally:
        close(ui)
    with gateway.store.db.read() as tx:
        issued = tx.all("SELECT number, origin FROM queue_tickets")
    assert ("A001", "online") in [(r[0], r[1]) for r in issued]

    # the second start reuses the credential and needs no wait for its hall
    ui = boot(qapp, settings_for(data, gateway_url=gateway.url, gateway_enrolment_code=code),
              data)
    try:
        assert ui.kiosk is not None
        assert ui.kiosk.services is not None
        qtbot.waitUntil(lambda: set(ui.window.home.tiles()) == set(ALL_TILES), timeout=15_000)  # type: ignore[attr-defined]
    finally:
        close(ui)


def test_without_a_gateway_only_what_the_cache_serves_is_offered(
    qapp: object, qtbot: QtBot, tmp_path: Path
) -> None:
    data = tmp_path / "kiosk"
    settings = settings_for(data, paths_catalog_dir=str(RESOURCES / "catalog"))
    ui = boot(qapp, settings, data)
    try:
        window = ui.window
        window.show()
        qapp.processEvents()  # type: ignore[attr-defined]  # the deferred index build starts
        shown = set(window.home.tiles())  # type: ignore[attr-defined]
        assert shown == set(ALL_TILES) - CITIZEN
        assert ui.kiosk is not None
        assert ui.kiosk.services is None
        assert not window.help_button.isVisible()  # type: ignore[attr-defined]
        qtbot.mouseClick(window.home.tile_button(Tile.SEARCH), Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        assert window.current_screen() is window.search  # type: ignore[attr-defined]
    finally:
        close(ui)


def test_a_printer_out_of_paper_hides_its_tiles_until_refilled(
    qapp: object, qtbot: QtBot, tmp_path: Path, gateway: RunningGateway
) -> None:
    code = gateway.store.create_enrolment_code(hall_id=HALL, slot="K02", valid_seconds=600).code
    data = tmp_path / "kiosk"
    ui = boot(qapp, settings_for(data, gateway_url=gateway.url, gateway_enrolment_code=code),
              data)
    try:
        window = ui.window
        window.show()
        assert ui.kiosk is not None
        upkeep = ui.kiosk.upkeep
        assert upkeep is not None
        # receipts fall back to the A4 printer: both out of paper, nothing can print
        flags = [data / "papers" / which / PAPER_OUT_FLAG for which in ("receipt", "a4")]
        for flag in flags:
            flag.parent.mkdir(parents=True, exist_ok=True)
            flag.touch()
        upkeep.wake()
        qtbot.waitUntil(lambda: Tile.TICKET not in window.home.tiles(), timeout=10_000)  # type: ignore[attr-defined]
        shown = set(window.home.tiles())  # type: ignore[attr-defined]
        assert not shown & {Tile.APPOINTMENT, Tile.PICKUP}  # no locker fitted either
        assert Tile.SEARCH in shown
        assert "凭条打印" in window.banner.text()  # type: ignore[attr-defined]
        for flag in flags:
            flag.unlink()
        upkeep.wake()
        qtbot.waitUntil(lambda: Tile.TICKET in window.home.tiles(), timeout=10_000)  # type: ignore[attr-defined]
    finally:
        close(ui)


def _scan(text: str):  # type: ignore[no-untyped-def]
    from core.scan import ScanSource, make_scan_event

    return make_scan_event(text, source=ScanSource.WEDGE, device_id="wedge",
                           at=dt.datetime.now(HALL_TZ))
