"""On a portrait display the 好差评 strip follows a short result page.

A result page fills a third of a 1920 px high display; the strip asking to rate the
service stands right under its 完成 button, the room left falls under the strip. A
page taller than the room still fills it and scrolls, the strip under it; with the
strip gone the screens fill the window again.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.window import ScreenFrame, ScreenStack, StripFollowsPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


class ResultScreen(QWidget):
    """A title, some lines of result and a 完成 button, then the room left."""

    def __init__(self, lines: int) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("取号"))
        for number in range(lines):
            line = QLabel(f"第 {number + 1} 行: 请在等候区留意叫号屏幕和语音提示。")
            line.setWordWrap(True)
            layout.addWidget(line)
        self.finish = QPushButton("完成")
        self.finish.setMinimumHeight(72)
        layout.addWidget(self.finish)
        layout.addStretch(1)


class Window(QWidget):
    """The kiosk window's column: screens, the strip, a footer."""

    def __init__(self, screen: QWidget) -> None:
        super().__init__()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.stack = ScreenStack()
        self.stack.add_screen(screen)
        self.strip = QLabel("请评价本次服务")
        self.strip.setMinimumHeight(240)
        self.strip.hide()
        self.footer = QLabel("终端编号 K03")
        self.footer.setFixedHeight(80)
        column.addWidget(self.stack, 1)
        column.addWidget(self.strip)
        column.addWidget(self.footer)
        StripFollowsPage(layout=column, stack=self.stack, strip=self.strip)


def _window(qtbot, screen: QWidget) -> Window:
    window = Window(screen)
    qtbot.addWidget(window)
    window.resize(1080, 1920)
    window.show()
    qtbot.waitExposed(window)
    return window


def _bottom_of(widget: QWidget, window: QWidget) -> int:
    return widget.mapTo(window, QPoint(0, widget.height())).y()


def test_the_strip_stands_right_under_a_short_page(qtbot) -> None:
    screen = ResultScreen(lines=6)
    window = _window(qtbot, screen)
    assert screen.height() > 1500  # without the strip the screen fills the window

    window.strip.show()
    qtbot.waitUntil(lambda: window.strip.y() < 1000)
    done = _bottom_of(screen.finish, window)
    assert 0 <= window.strip.y() - done <= 40  # right under 完成
    assert window.footer.y() == 1920 - 80  # the footer stays at the bottom edge
    assert window.footer.y() - _bottom_of(window.strip, window) > 400  # the room is below

    window.strip.hide()
    qtbot.waitUntil(lambda: screen.height() > 1500)  # the screens fill the window again
    assert window.stack.height() == 1920 - 80


def test_a_page_taller_than_the_room_fills_it_and_scrolls(qtbot) -> None:
    screen = ResultScreen(lines=80)
    window = _window(qtbot, screen)
    window.strip.show()
    frame = screen.parentWidget().parentWidget()
    assert isinstance(frame, ScreenFrame)
    qtbot.waitUntil(lambda: frame.verticalScrollBar().maximum() > 0)
    # the strip and the footer keep their places at the bottom; the page scrolls above
    assert window.footer.y() == 1920 - 80
    assert window.strip.y() + window.strip.height() == window.footer.y()
    assert window.stack.height() == window.strip.y()
