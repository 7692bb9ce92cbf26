"""The idle watcher: timeouts per screen, countdown, activity, hold; the overlay."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from widgets.idle import CountdownOverlay, IdleTimeouts, IdleWatcher


class Seconds:
    """A monotonic clock the test moves."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Seconds:
    return Seconds()


@pytest.fixture
def watcher(qtbot, qapp, clock):
    watcher = IdleWatcher(timeout_s=60, warning_s=15, monotonic=clock)
    watcher.watch(qapp)
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


def test_a_touch_anywhere_starts_the_count_again(qtbot, watcher, clock):
    page = QWidget()
    button = QPushButton("办理", page)
    QVBoxLayout(page).addWidget(button)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    clock.now += 50
    watcher.poll()
    assert watcher.is_warning()
    with qtbot.waitSignal(watcher.resumed):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not watcher.is_warning()
    assert watcher.seconds_left() == 60
    clock.now += 30
    qtbot.keyClick(page, Qt.Key.Key_A)
    assert watcher.seconds_left() == 60


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
