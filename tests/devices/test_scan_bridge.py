"""The keyboard-wedge bridge and the scan router, driven as a person and a scanner would.

Keys go in through the window (``tests.helpers.platform_input``), as a keyboard's and
a USB scanner's do: the bridge listens at the window's ``QWindow``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from core.scan import ScanEvent, ScanSource
from tests.helpers.platform_input import press_key, scan_keys, type_keys
from tests.helpers.scanner import FakeScanner, SteppingClock, fixed_now
from widgets.scan_bridge import ScanRouter, WedgeScanBridge
from widgets.window_input import window_input_watchers


@pytest.fixture
def clock() -> SteppingClock:
    return SteppingClock(step=0.15)  # a person: 150 ms per key


class RecordingBridge(WedgeScanBridge):
    """The bridge, noting every object whose events reach its filter."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.heard: list[tuple[str, QEvent.Type]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        self.heard.append((type(watched).__name__, event.type()))
        return super().eventFilter(watched, event)


# The offscreen platform plugin warns on every shown window; not our concern.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


_KEPT: list[QWidget] = []  # windows made in a helper, alive until their test ends


def _shown_field(qtbot: QtBot) -> QLineEdit:
    window = QWidget()
    _KEPT.append(window)
    layout = QVBoxLayout(window)
    edit = QLineEdit()
    layout.addWidget(edit)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    return edit


@pytest.fixture
def field(qtbot: QtBot) -> Iterator[QLineEdit]:
    edit = _shown_field(qtbot)
    yield edit
    for window in _KEPT:
        window.close()
    _KEPT.clear()


@pytest.fixture
def bridge(
    qapp: QApplication, clock: SteppingClock, field: QLineEdit
) -> Iterator[RecordingBridge]:
    b = RecordingBridge(clock=clock, now=fixed_now)
    b.watch(field.window())
    yield b
    b.stop()


def test_a_person_typing_reaches_the_field(
    qtbot: QtBot, bridge: RecordingBridge, field: QLineEdit
) -> None:
    scans: list[ScanEvent] = []
    bridge.scan_decoded.connect(scans.append)
    type_keys(field, "zhangsan 138")
    qtbot.waitUntil(lambda: not bridge.holding)
    assert field.text() == "zhangsan 138"
    assert scans == []


def test_a_scanner_burst_never_lands_in_the_field(
    qtbot: QtBot, bridge: RecordingBridge, field: QLineEdit, clock: SteppingClock
) -> None:
    type_keys(field, "ab")
    qtbot.waitUntil(lambda: field.text() == "ab")
    clock.step = 0.004  # the scanner: 4 ms per key
    with qtbot.waitSignal(bridge.scan_decoded, timeout=2000) as blocker:
        scan_keys(field, "GT1:RC:8N2K4M9Q")
    event: ScanEvent = blocker.args[0]
    assert event.text == "GT1:RC:8N2K4M9Q"
    assert event.source is ScanSource.WEDGE
    assert field.text() == "ab"
    clock.step = 0.15
    type_keys(field, "c")
    qtbot.waitUntil(lambda: field.text() == "abc")


def test_a_short_fast_run_with_enter_is_typing(
    qtbot: QtBot, bridge: RecordingBridge, field: QLineEdit, clock: SteppingClock
) -> None:
    entered: list[str] = []
    field.returnPressed.connect(lambda: entered.append(field.text()))
    clock.step = 0.004
    scan_keys(field, "ok")
    qtbot.waitUntil(lambda: entered == ["ok"])


def test_editing_keys_pass_straight_through(
    qtbot: QtBot, bridge: RecordingBridge, field: QLineEdit
) -> None:
    type_keys(field, "abc")
    press_key(field, Qt.Key.Key_Backspace)
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
    qtbot: QtBot, bridge: RecordingBridge, field: QLineEdit, clock: SteppingClock
) -> None:
    router = ScanRouter()
    router.attach_wedge(bridge)
    got: list[ScanEvent] = []
    router.set_handler(got.append)
    clock.step = 0.003
    with qtbot.waitSignal(router.scan_routed, timeout=2000):
        type_keys(field, "T0301-20220509-7")
        press_key(field, Qt.Key.Key_Enter)
    assert [e.text for e in got] == ["T0301-20220509-7"]
    assert field.text() == ""


def test_the_bridge_hears_the_window_not_its_widgets(
    qtbot: QtBot, bridge: RecordingBridge, field: QLineEdit, clock: SteppingClock
) -> None:
    # a screen change: dozens of new widgets polished, laid out, shown and painted
    page = QWidget()
    column = QVBoxLayout(page)
    for n in range(40):
        column.addWidget(QLabel(f"材料 {n}"))
    layout = field.window().layout()
    assert layout is not None
    layout.addWidget(page)
    page.grab()
    qtbot.waitUntil(page.isVisible)
    type_keys(field, "ab")
    qtbot.waitUntil(lambda: field.text() == "ab")
    # every event the filter was called for was the window's own, never a widget's
    assert {kind for kind, _ in bridge.heard} == {"QWindow"}
    kinds = [event for _, event in bridge.heard]
    # each key once as typed, and once as let through to the field after the hold
    assert kinds.count(QEvent.Type.KeyPress) == 4
    assert len(bridge.heard) < 40


def test_a_scan_on_a_screen_without_a_text_field_is_routed(
    qtbot: QtBot, clock: SteppingClock
) -> None:
    window = QWidget()
    QVBoxLayout(window).addWidget(QLabel("请扫描居民码"))
    qtbot.addWidget(window)
    bridge = WedgeScanBridge(clock=clock, now=fixed_now)
    router = ScanRouter()
    router.attach_wedge(bridge)
    router.watch(window)  # before the window exists on the screen
    got: list[str] = []
    router.set_handler(lambda e: got.append(e.text))
    window.show()
    qtbot.waitExposed(window)
    clock.step = 0.004
    with qtbot.waitSignal(router.scan_routed, timeout=2000):
        scan_keys(window, "GT1:RC:8N2K4M9Q")
    assert got == ["GT1:RC:8N2K4M9Q"]
    bridge.stop()


def test_a_window_the_bridge_does_not_watch_gets_its_keys(
    qtbot: QtBot, bridge: RecordingBridge, clock: SteppingClock
) -> None:
    other = _shown_field(qtbot)  # e.g. the clerk's window client: scans go into the box
    clock.step = 0.004
    with qtbot.assertNotEmitted(bridge.scan_decoded):
        scan_keys(other, "GT1:RC:8N2K4M9Q")
    assert other.text() == "GT1:RC:8N2K4M9Q"


def test_a_re_created_window_is_still_watched(
    qtbot: QtBot, bridge: RecordingBridge, field: QLineEdit, clock: SteppingClock
) -> None:
    window = field.window()
    first = window.windowHandle()
    # a window taken into another and back out loses its QWindow and gets a new one
    host = QWidget()
    window.setParent(host)
    assert window.windowHandle() is None
    window.setParent(None)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitActive(window)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    second = window.windowHandle()
    assert isinstance(second, QWindow)
    assert second is not first
    assert window_input_watchers(window) == (bridge,)
    clock.step = 0.004
    with qtbot.waitSignal(bridge.scan_decoded, timeout=2000) as blocker:
        scan_keys(field, "T0301-20220509-7")
    assert blocker.args[0].text == "T0301-20220509-7"
    assert field.text() == ""


def test_a_stopped_bridge_lets_every_key_through(
    qtbot: QtBot, bridge: RecordingBridge, field: QLineEdit, clock: SteppingClock
) -> None:
    bridge.stop()
    assert window_input_watchers(field.window()) == ()
    clock.step = 0.004
    with qtbot.assertNotEmitted(bridge.scan_decoded):
        scan_keys(field, "T0301")
    assert field.text() == "T0301"
