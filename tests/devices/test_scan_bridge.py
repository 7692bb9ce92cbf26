"""The keyboard-wedge bridge and the scan router, driven as a person and a scanner would."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from core.scan import ScanEvent, ScanSource
from tests.helpers.scanner import FakeScanner, SteppingClock, fixed_now
from widgets.scan_bridge import ScanRouter, WedgeScanBridge


@pytest.fixture
def clock() -> SteppingClock:
    return SteppingClock(step=0.15)  # a person: 150 ms per key


@pytest.fixture
def bridge(qapp: QApplication, clock: SteppingClock) -> Iterator[WedgeScanBridge]:
    b = WedgeScanBridge(clock=clock, now=fixed_now)
    qapp.installEventFilter(b)
    yield b
    qapp.removeEventFilter(b)


# The offscreen platform plugin warns on every shown window; not our concern.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def field(qtbot: QtBot) -> Iterator[QLineEdit]:
    window = QWidget()
    layout = QVBoxLayout(window)
    edit = QLineEdit()
    layout.addWidget(edit)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    yield edit
    window.close()


def test_a_person_typing_reaches_the_field(
    qtbot: QtBot, bridge: WedgeScanBridge, field: QLineEdit
) -> None:
    scans: list[ScanEvent] = []
    bridge.scan_decoded.connect(scans.append)
    qtbot.keyClicks(field, "zhangsan 138")
    qtbot.waitUntil(lambda: not bridge.holding)
    assert field.text() == "zhangsan 138"
    assert scans == []


def test_a_scanner_burst_never_lands_in_the_field(
    qtbot: QtBot, bridge: WedgeScanBridge, field: QLineEdit, clock: SteppingClock
) -> None:
    qtbot.keyClicks(field, "ab")
    qtbot.waitUntil(lambda: field.text() == "ab")
    clock.step = 0.004  # the scanner: 4 ms per key
    with qtbot.waitSignal(bridge.scan_decoded, timeout=2000) as blocker:
        qtbot.keyClicks(field, "GT1:RC:8N2K4M9Q")
        qtbot.keyClick(field, Qt.Key.Key_Return)
    event: ScanEvent = blocker.args[0]
    assert event.text == "GT1:RC:8N2K4M9Q"
    assert event.source is ScanSource.WEDGE
    assert field.text() == "ab"
    clock.step = 0.15
    qtbot.keyClicks(field, "c")
    qtbot.waitUntil(lambda: field.text() == "abc")


def test_a_short_fast_run_with_enter_is_typing(
    qtbot: QtBot, bridge: WedgeScanBridge, field: QLineEdit, clock: SteppingClock
) -> None:
    entered: list[str] = []
    field.returnPressed.connect(lambda: entered.append(field.text()))
    clock.step = 0.004
    qtbot.keyClicks(field, "ok")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: entered == ["ok"])


def test_editing_keys_pass_straight_through(
    qtbot: QtBot, bridge: WedgeScanBridge, field: QLineEdit
) -> None:
    qtbot.keyClicks(field, "abc")
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: field.text() == "ab")


def test_router_sends_every_source_to_the_active_screen(qtbot: QtBot) -> None:
    router = ScanRouter()
    fake = FakeScanner(device_id="serial-1", source=ScanSource.SERIAL)
    router.attach(fake)
    screen_a: list[str] = []
    screen_b: list[str] = []
    router.set_handler(lambda e: screen_a.append(e.text))
    with qtbot.waitSignal(router.scan_routed, timeout=2000):
        fake.scan("FIRST")
    router.set_handler(lambda e: screen_b.append(e.text))
    with qtbot.waitSignal(router.scan_routed, timeout=2000):
        fake.scan("SECOND")
    router.set_handler(None)
    with qtbot.waitSignal(router.scan_unclaimed, timeout=2000):
        fake.scan("NOBODY")
    assert (screen_a, screen_b) == (["FIRST"], ["SECOND"])
    router.stop_all()
    assert not fake.started


def test_router_takes_wedge_scans(
    qtbot: QtBot, bridge: WedgeScanBridge, field: QLineEdit, clock: SteppingClock
) -> None:
    router = ScanRouter()
    router.attach_wedge(bridge)
    got: list[ScanEvent] = []
    router.set_handler(got.append)
    clock.step = 0.003
    with qtbot.waitSignal(router.scan_routed, timeout=2000):
        qtbot.keyClicks(field, "T0301-20220509-7")
        qtbot.keyClick(field, Qt.Key.Key_Enter)
    assert [e.text for e in got] == ["T0301-20220509-7"]
    assert field.text() == ""
