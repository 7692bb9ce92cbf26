"""The kiosk window's input watchers: idle countdown and keyboard wedge, at its QWindow.

Touches and keys go in through the window, as the platform delivers them
(``tests.helpers.platform_input``). Neither watcher, nor any other Python filter of
the window, hears the events of the widgets a screen change builds.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QEvent, QObject

from core.terminal import Tile
from tests.helpers.platform_input import click, scan_keys, touch, type_keys
from tests.helpers.scanner import SteppingClock, fixed_now
from widgets.scan_bridge import ScanRouter, WedgeScanBridge
from widgets.window_input import window_input_watchers

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


class Seconds:
    """The idle countdown's monotonic clock, moved by the test."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def first_paint_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every call of the window's first-paint filter (application-wide until it fires)."""
    from kiosk import window as window_module

    calls: list[int] = []
    original = window_module._FirstPaint.eventFilter  # noqa: SLF001 - what is counted

    def counted(self: QObject, watched: QObject, event: QEvent) -> bool:
        calls.append(1)
        return original(self, watched, event)

    monkeypatch.setattr(window_module._FirstPaint, "eventFilter", counted)  # noqa: SLF001
    return calls


@pytest.fixture
def kiosk(qtbot, language, runner, catalog, profile, first_paint_calls):  # noqa: PLR0913, PLR0917
    from kiosk.window import KioskWindow

    clock = Seconds()
    wedge_clock = SteppingClock(step=0.15)
    wedge = WedgeScanBridge(clock=wedge_clock, now=fixed_now)
    scans = ScanRouter()
    scans.attach_wedge(wedge)
    window = KioskWindow(
        catalog=catalog, profile=profile, language=language, runner=runner,
        now=lambda: datetime(2022, 6, 1, 9, 30), idle_clock=clock, scans=scans,
    )  # fmt: skip
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_painted, timeout=5000):
        window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitActive(window)
    yield window, wedge, wedge_clock, clock
    wedge.stop()


def test_both_watchers_sit_on_the_window_idle_first(kiosk) -> None:
    window, wedge, _, _ = kiosk
    # Qt calls the last added first: the countdown hears every key, a scan's too,
    # before the wedge may swallow it
    assert window_input_watchers(window) == (wedge, window.idle)


def test_a_screen_change_runs_no_python_filter_of_the_application(
    qtbot, kiosk, first_paint_calls
) -> None:
    window, _, _, _ = kiosk
    assert first_paint_calls  # it watched until the first paint …
    first_paint_calls.clear()
    click(window.home.tile_button(Tile.SEARCH))
    qtbot.waitUntil(lambda: window.current_screen() is window.search)
    window.open_tile(Tile.HOT)
    qtbot.waitUntil(lambda: window.current_screen() is window.list)
    window.go_home()
    assert first_paint_calls == []  # … and removed itself then


def test_a_tap_anywhere_restarts_the_countdown(qtbot, kiosk) -> None:
    window, _, _, clock = kiosk
    click(window.home.tile_button(Tile.SEARCH))
    qtbot.waitUntil(lambda: window.current_screen() is window.search)
    full = window.idle.seconds_left()
    clock.now += 50
    window.idle.poll()
    assert window.overlay.isVisible()
    touch(window.search.keyboard.key("h"))
    assert window.idle.seconds_left() == full
    qtbot.waitUntil(lambda: not window.overlay.isVisible())
    qtbot.waitUntil(lambda: window.search.field.text() == "h")  # and the key was pressed


def test_a_wedge_scan_never_lands_in_the_search_field(qtbot, kiosk) -> None:
    window, wedge, wedge_clock, clock = kiosk
    click(window.home.tile_button(Tile.SEARCH))
    qtbot.waitUntil(lambda: window.current_screen() is window.search)
    field = window.search.field
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    type_keys(field, "hz")  # a person on a keyboard
    qtbot.waitUntil(lambda: field.text() == "hz")
    clock.now += 30
    wedge_clock.step = 0.004  # the scanner
    with qtbot.waitSignal(wedge.scan_decoded, timeout=2000) as scanned:
        scan_keys(field, "GT1:RC:8N2K4M9Q")
    assert scanned.args[0].text == "GT1:RC:8N2K4M9Q"
    assert field.text() == "hz"
    assert window.idle.seconds_left() == window.idle.timeout()  # the scan was activity
