"""The idle watcher: timeouts per screen, countdown, activity, hold; the overlay.

Touches, clicks, keys and wheel turns go in through the window
(``tests.helpers.platform_input``), as the platform delivers them: the watcher listens
at the window's ``QWindow``.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from tests.helpers.platform_input import click, press_key, touch, type_keys, wheel
from widgets.idle import CountdownOverlay, IdleTimeouts, IdleWatcher
from widgets.window_input import window_input_watchers


class Seconds:
    """A monotonic clock the test moves."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Seconds:
    return Seconds()


class RecordingWatcher(IdleWatcher):
    """The watcher, noting every object whose events reach its filter."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.heard: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        self.heard.append(type(watched).__name__)
        return super().eventFilter(watched, event)


@pytest.fixture
def page(qtbot):
    """A kiosk-like window: a button and a text field inside a nested panel."""
    page = QWidget()
    panel = QWidget(page)
    column = QVBoxLayout(panel)
    page.button = QPushButton("办理", panel)
    page.field = QLineEdit(panel)
    column.addWidget(page.button)
    column.addWidget(page.field)
    QVBoxLayout(page).addWidget(panel)
    page.resize(600, 400)
    qtbot.addWidget(page)
    return page


@pytest.fixture
def watcher(qtbot, page, clock):
    watcher = RecordingWatcher(timeout_s=60, warning_s=15, monotonic=clock)
    watcher.watch(page)  # before the window is shown, as the kiosk window does
    page.show()
    qtbot.waitExposed(page)
    yield watcher
    watcher.stop()


def test_warns_fifteen_seconds_before_and_then_expires(qtbot, watcher, clock):
    clock.now += 44
    watcher.poll()
    assert not watcher.is_warning()
    with qtbot.waitSignal(watcher.warning) as warned:
        clock.now += 1
        watcher.poll()
    assert warned.args == [15]
    with qtbot.waitSignal(watcher.countdown) as counted:
        clock.now += 5
        watcher.poll()
    assert counted.args == [10]
    with qtbot.waitSignal(watcher.expired):
        clock.now += 10
        watcher.poll()
    # expired once; it stays quiet until restarted
    with qtbot.assertNotEmitted(watcher.expired):
        clock.now += 100
        watcher.poll()
    watcher.restart()
    assert watcher.seconds_left() == 60


def test_a_click_anywhere_starts_the_count_again_and_still_clicks(qtbot, watcher, page, clock):
    clicked = []
    page.button.clicked.connect(lambda: clicked.append(True))
    clock.now += 50
    watcher.poll()
    assert watcher.is_warning()
    with qtbot.waitSignal(watcher.resumed):
        click(page.button)
    assert clicked == [True]  # the watcher only listens
    assert not watcher.is_warning()
    assert watcher.seconds_left() == 60


@pytest.mark.parametrize(
    "person",
    [
        pytest.param(lambda page: touch(page.button), id="touch"),
        pytest.param(lambda page: click(page.field), id="click"),
        pytest.param(lambda page: wheel(page.field), id="wheel"),
        pytest.param(lambda page: type_keys(page.field, "a"), id="key"),
        pytest.param(lambda page: press_key(page.field, Qt.Key.Key_Backspace), id="edit-key"),
    ],
)
def test_every_kind_of_activity_counts(qtbot, watcher, page, clock, person):
    page.field.setFocus()
    clock.now += 30
    assert watcher.seconds_left() == 30
    person(page)
    assert watcher.seconds_left() == 60


def test_the_watcher_hears_the_window_not_its_widgets(qtbot, watcher, page, clock):
    # a screen change: dozens of new widgets polished, laid out, shown and painted
    screen = QWidget()
    column = QVBoxLayout(screen)
    for n in range(40):
        column.addWidget(QLabel(f"材料 {n}"))
    layout = page.layout()
    layout.addWidget(screen)
    screen.grab()
    qtbot.waitUntil(screen.isVisible)
    clock.now += 30
    click(page.button)
    assert watcher.seconds_left() == 60
    assert set(watcher.heard) == {"QWindow"}
    assert len(watcher.heard) < 40


def test_a_stopped_watcher_hears_nothing(qtbot, watcher, page, clock):
    watcher.stop()
    assert window_input_watchers(page) == ()
    clock.now += 30
    click(page.button)
    assert watcher.seconds_left() == 30


def test_the_poll_timer_runs_by_itself(qtbot, watcher, clock):
    clock.now += 61
    with qtbot.waitSignal(watcher.expired, timeout=2000):
        pass  # the watcher's own timer polls


def test_a_hold_keeps_the_session_while_a_paper_prints(qtbot, watcher, clock):
    watcher.hold()
    clock.now += 500
    with qtbot.assertNotEmitted(watcher.expired):
        watcher.poll()
    watcher.release()
    assert watcher.seconds_left() == 60


def test_a_new_screen_brings_its_own_timeout(watcher, clock):
    watcher.set_timeout(100)
    assert watcher.timeout() == 100
    clock.now += 80
    assert watcher.seconds_left() == 20
    watcher.set_timeout(5)  # never shorter than the countdown itself
    assert watcher.timeout() == 16


def test_timeouts_per_screen_and_elder_mode():
    timeouts = IdleTimeouts(screen_s=60, home_s=100, elder_factor=2.0)

    class Form(QWidget):
        idle_timeout_s = 180  # a long form opts in to more time

    screen = object()
    assert timeouts.for_screen(screen, home=False, elder=False) == 60
    assert timeouts.for_screen(screen, home=True, elder=False) == 100
    assert timeouts.for_screen(screen, home=False, elder=True) == 120
    assert timeouts.for_screen(screen, home=True, elder=True) == 200
    assert timeouts.for_screen(Form, home=False, elder=False) == 180
    assert timeouts.for_screen(Form, home=False, elder=True) == 360


def test_overlay_covers_its_parent_and_offers_more_time(qtbot, qapp):
    from widgets.theme import apply_theme

    apply_theme(qapp, mode="kiosk")
    page = QWidget()
    page.resize(1200, 800)
    overlay = CountdownOverlay(page)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    assert not overlay.isVisible()
    overlay.show_countdown(15)
    assert overlay.isVisible()
    assert overlay.geometry() == page.rect()
    assert overlay.findChild(QWidget, "CountdownSeconds").text() == "15 秒"
    overlay.set_seconds(9)
    assert overlay.findChild(QWidget, "CountdownSeconds").text() == "9 秒"
    assert overlay.more_time.text() == "还需要时间"
    assert overlay.more_time.height() >= 60
    page.resize(900, 1400)
    qtbot.waitUntil(lambda: overlay.geometry() == page.rect())
    with qtbot.waitSignal(overlay.more_time_requested):
        qtbot.mouseClick(overlay.more_time, Qt.MouseButton.LeftButton)
    qapp.setStyleSheet("")
