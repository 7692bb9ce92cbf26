"""Input as the platform delivers it: to a window's ``QWindow``, not to a widget.

``qtbot.keyClicks(widget, …)`` and ``qtbot.mouseClick(widget, …)`` hand their events
straight to the widget, past the window, so watchers that listen at the window (the
keyboard-wedge bridge, the idle countdown; see ``widgets.window_input``) never hear
them — nor would they hear a real keyboard, scanner or touch screen that way. These
helpers send the events through the ``QWindow`` as a keyboard, a USB scanner in
keyboard mode, a mouse or a touch screen does; Qt then hands them to the widget with
focus or under the finger.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPointingDevice, QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

_TOUCH_SCREEN: list[QPointingDevice] = []


def window_of(widget: QWidget) -> QWindow:
    """The ``QWindow`` of ``widget``'s top-level window (it must have been shown)."""
    handle = widget.window().windowHandle()
    assert handle is not None, "show the window first"
    return handle


def type_keys(widget: QWidget, text: str) -> None:
    """Type ``text`` (printable ASCII) on a keyboard, into ``widget``'s window."""
    handle = window_of(widget)
    for char in text:
        QTest.keyClick(handle, ord(char))  # the char overload: its key and its text


def press_key(widget: QWidget, key: Qt.Key) -> None:
    """Press and release one key (Enter, Backspace …) on a keyboard."""
    QTest.keyClick(window_of(widget), key)


def scan_keys(widget: QWidget, text: str) -> None:
    """What a USB scanner in keyboard mode does: types ``text`` and presses Enter."""
    type_keys(widget, text)
    press_key(widget, Qt.Key.Key_Return)


def _at(widget: QWidget) -> tuple[QWindow, QPoint]:
    top = widget.window()
    return window_of(widget), widget.mapTo(top, widget.rect().center())


def click(widget: QWidget) -> None:
    """A mouse click in the middle of ``widget``, through its window."""
    handle, point = _at(widget)
    QTest.mouseClick(handle, Qt.MouseButton.LeftButton, pos=point)


def touch(widget: QWidget) -> None:
    """A finger on the touch screen, down and up in the middle of ``widget``."""
    if not _TOUCH_SCREEN:
        _TOUCH_SCREEN.append(QTest.createTouchDevice())
    handle, point = _at(widget)
    QTest.touchEvent(handle, _TOUCH_SCREEN[0]).press(0, point, handle).commit()
    QTest.touchEvent(handle, _TOUCH_SCREEN[0]).release(0, point, handle).commit()


def wheel(widget: QWidget, notches: int = -1) -> None:
    """Turn the mouse wheel over ``widget`` (negative: down)."""
    handle, point = _at(widget)
    QTest.wheelEvent(handle, point, QPoint(0, 120 * notches))
