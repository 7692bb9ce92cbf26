"""The late hall: a kiosk's first start while its gateway cannot be reached.

The first start enrols and waits for the hall; with the gateway off it gives up
waiting and shows home with what the (empty) cache can serve — search and browsing,
no citizen services, since their papers need the hall's name. When the gateway answers
the sync engine enrols, pulls the hall, and the citizen tiles appear on the same
window, without a restart (``KioskParts.hall_known`` is asked again on every sync
status).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from core.terminal import ALL_TILES, Tile
from tests.govterm.test_kiosk_wiring import (  # noqa: F401 - fixtures
    CITIZEN,
    HALL,
    boot,
    close,
    demo_catalog,
    gateway,
    settings_for,
)
from tests.helpers.faulty_proxy import FaultyProxy
from tests.helpers.gateway import RunningGateway

pytestmark = [pytest.mark.e2e, pytest.mark.qt_log_ignore("propagateSizeHints")]

SERVED_BY_THE_HALL = CITIZEN - {Tile.HELP}
"""Citizen tiles that wait for the hall (呼叫帮办 waits only for the network)."""


def test_first_start_offline_offers_citizen_tiles_once_the_gateway_answers(
    qapp: object, qtbot: QtBot, tmp_path: Path, gateway: RunningGateway  # noqa: F811
) -> None:
    code = gateway.store.create_enrolment_code(hall_id=HALL, slot="K07", valid_seconds=600).code
    data = tmp_path / "kiosk"
    with FaultyProxy(gateway.url) as proxy:
        proxy.down = True
        settings = settings_for(data, gateway_url=proxy.url, gateway_enrolment_code=code)
        ui = boot(qapp, settings, data)
        try:
            window = ui.window
            window.show()
            qtbot.waitExposed(window)
            kiosk = ui.kiosk
            assert kiosk is not None
            assert not kiosk.hall_known()
            home = window.home  # type: ignore[attr-defined]
            shown = set(home.tiles())
            assert Tile.SEARCH in shown  # the cache serves search from the first paint
            assert not shown & SERVED_BY_THE_HALL, shown & SERVED_BY_THE_HALL
            for tile in SERVED_BY_THE_HALL:
                assert not _tile_visible(window, tile), tile

            proxy.down = False  # the gateway answers: no restart, the same window
            qtbot.waitUntil(lambda: set(home.tiles()) == set(ALL_TILES), timeout=60_000)
            assert kiosk.hall_known()
            assert ui.window is window
            for tile in CITIZEN:
                assert home.tile_button(tile).isVisible(), tile

            # and they lead somewhere: 取号 shows the hall's areas through the gateway
            qtbot.mouseClick(home.tile_button(Tile.TICKET), Qt.MouseButton.LeftButton)
            ticket = window.ticket  # type: ignore[attr-defined]
            assert window.current_screen() is ticket  # type: ignore[attr-defined]
            qtbot.waitUntil(lambda: bool(ticket.area_buttons()), timeout=15_000)
        finally:
            close(ui)
    with gateway.store.db.read() as tx:
        enrolled = tx.all("SELECT 1 FROM devices")
    assert enrolled  # the enrolment went through once the gateway answered


def _tile_visible(window: object, tile: Tile) -> bool:
    try:
        return bool(window.home.tile_button(tile).isVisible())  # type: ignore[attr-defined]
    except KeyError:
        return False
