"""How many taps the top kiosk tasks take, counted on the wired kiosk against a real gateway.

Every tap goes through :meth:`Kiosk.tap` (a counted ``qtbot.mouseClick``); letters
typed on the on-screen keyboard are counted apart. A citizen at 2 a.m. should reach a
guide, a ticket, a result or a submitted application in a handful of taps; these
numbers are kept small on purpose, and a change that adds a step fails here.
"""

from __future__ import annotations

import pytest

from core.terminal import Tile
from tests.e2e import test_kiosk_pickup
from tests.e2e.test_kiosk_citizen import _holders
from tests.e2e.test_kiosk_pickup import (
    PROOF,
    Kiosk,
    apply_with_resident_code,
    pick_up_by_code,
    ready_for_pickup,
)

kiosk = test_kiosk_pickup.kiosk  # the wired kiosk fixture, shared

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

GUIDE_TAPS = 4
TICKET_TAPS = 3
PICKUP_TAPS = 8
APPLY_TAPS = 5


def test_find_a_guide(qtbot, kiosk: Kiosk):
    window = kiosk.window
    kiosk.count_from_here()
    kiosk.tap(qtbot, window.home.tile_button(Tile.SEARCH))
    kiosk.type_on(qtbot, window.search.keyboard, "gjj")  # initials of 公积金
    qtbot.waitUntil(lambda: window.search.is_showing_results_for("gjj"), timeout=10000)
    kiosk.tap(qtbot, window.search.results.rows()[0])
    qtbot.waitUntil(lambda: window.guide.shown_item_id() is not None, timeout=10000)
    assert window.current_screen() is window.guide
    assert len(kiosk.taps) <= GUIDE_TAPS, kiosk.taps
    assert kiosk.keys == 3


def test_take_a_ticket(qtbot, kiosk: Kiosk):
    window = kiosk.window
    kiosk.count_from_here()
    kiosk.tap(qtbot, window.home.tile_button(Tile.TICKET))
    ticket = window.ticket
    qtbot.waitUntil(lambda: bool(ticket.area_buttons()) and ticket.area_buttons()[0].isVisible(),
                    timeout=10000)
    kiosk.tap(qtbot, ticket.area_button("A"))
    qtbot.waitUntil(lambda: ticket.pages.currentWidget() is ticket.done_page, timeout=10000)
    assert ticket.result.number.text() == "A001"
    assert len(kiosk.taps) <= TICKET_TAPS, kiosk.taps
    assert kiosk.keys == 0


def test_apply_with_a_resident_code(qtbot, kiosk: Kiosk):
    kiosk.count_from_here()
    number = apply_with_resident_code(qtbot, kiosk, PROOF)  # the code is scanned, not tapped
    assert number.startswith("TK01-")
    assert len(kiosk.taps) <= APPLY_TAPS, kiosk.taps
    assert kiosk.keys == 0


def test_pick_up_a_result(qtbot, kiosk: Kiosk):
    _, code = ready_for_pickup(qtbot, kiosk)
    kiosk.count_from_here()
    pick_up_by_code(qtbot, kiosk, code, _holders()[0][0].id_number[-4:])
    screen = kiosk.window.pickup
    qtbot.waitUntil(lambda: "已打印" in screen.prompt.text(), timeout=20000)
    assert len(kiosk.taps) <= PICKUP_TAPS, kiosk.taps
    assert kiosk.keys == len(code) + 4  # the SMS code and the ID tail
