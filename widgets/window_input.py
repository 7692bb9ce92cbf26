"""Hearing a window's input without hearing every event of its widgets.

An event filter installed on the ``QApplication`` is called for every event of every
object: on the kiosk ≈ 3,800 a guide opening (child added, polish, resize, show, paint
of ≈ 80 new widgets), each crossing into Python. Watchers that need only input — the
keyboard-wedge bridge, the idle countdown — listen at the top-level window's
``QWindow`` instead (``QWidget.windowHandle()``, a ``QWidgetWindow``): the platform
delivers every key, mouse, touch and wheel event there first, and only then does Qt
hand it to the widget with focus or under the finger. A filter on the handle hears
each input event once, before any widget does, and apart from input only the window's
own few events (expose, update request, activation); nothing of the widget tree.

The handle exists only once the widget is created (on ``show()``), and Qt makes a new
one when a window is re-created (``destroy()`` and shown again, or made a child of
another widget and a window again with ``setParent``).
:func:`watch_window_input` therefore installs the filter on the handle there is now,
and again on every new one (``QEvent.WinIdChange``), keeping the filters of one window
in the order they were added: Qt calls the last installed first, so a later watcher
(the idle countdown) hears a key before an earlier one (the wedge bridge) may swallow
it, on the first handle and on every one after.

Input sent straight to a widget (``QApplication.sendEvent(widget, …)``, or
``QTest.mouseClick(widget, …)``) does not pass the window; tests that mean "a person
touched the screen" send it to the window handle, as the platform does.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

_FOLLOWER_NAME = "govterm_window_input"


class _HandleFollower(QObject):
    """Keeps input watchers installed on a top-level widget's current ``QWindow``.

    A child of the widget, so it goes with it. Its own filter sits on the widget (not
    on its children): a handful of events per screen change.
    """

    # Class-level defaults: while a window is torn down, the garbage collector may clear
    # this wrapper's attributes before Qt stops sending it the window's last events.
    _window: QWidget | None = None

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName(_FOLLOWER_NAME)
        self._window = window
        self._watchers: list[QObject] = []
        self._handle: QWindow | None = None
        window.installEventFilter(self)
        self._follow()

    def add(self, watcher: QObject) -> None:
        """Install ``watcher`` on the handle, now and on every new one."""
        if any(known is watcher for known in self._watchers):
            return
        self._watchers.append(watcher)
        if self._handle is not None:
            self._handle.installEventFilter(watcher)

    def remove(self, watcher: QObject) -> None:
        """Take ``watcher`` off the handle for good."""
        self._watchers = [known for known in self._watchers if known is not watcher]
        if self._handle is not None and shiboken6.isValid(self._handle):
            self._handle.removeEventFilter(watcher)

    def watching(self) -> tuple[QObject, ...]:
        """The watchers installed, in the order they were added."""
        return tuple(self._watchers)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (self._window is not None and watched is self._window
                and event.type() == QEvent.Type.WinIdChange):
            self._follow()
        return False

    def _follow(self) -> None:
        if self._window is None:
            return
        handle = self._window.windowHandle()
        if handle is self._handle:
            return
        old, self._handle = self._handle, handle
        # Qt takes a destroyed filter off the handle itself; drop its wrapper here.
        live = [known for known in self._watchers if shiboken6.isValid(known)]
        self._watchers = live
        if old is not None and shiboken6.isValid(old):
            for watcher in live:
                old.removeEventFilter(watcher)
        if handle is not None:
            for watcher in live:
                handle.installEventFilter(watcher)
            log.debug("input watchers on a new window handle: %d", len(live))


def _follower(window: QWidget, *, create: bool) -> _HandleFollower | None:
    found = window.findChild(
        _HandleFollower, _FOLLOWER_NAME, Qt.FindChildOption.FindDirectChildrenOnly
    )
    if isinstance(found, _HandleFollower):
        return found
    return _HandleFollower(window) if create else None


def watch_window_input(window: QWidget, watcher: QObject) -> None:
    """Call ``watcher.eventFilter`` with the events of ``window``'s ``QWindow``.

    ``watched`` is then the ``QWindow``; input events arrive there once each, before
    any widget of the window sees them. Works before the window is shown (the filter
    goes on when Qt creates the handle) and survives a re-created window.

    Args:
        window: a widget; its top-level window is watched.
        watcher: the event filter.
    """
    follower = _follower(window.window(), create=True)
    assert follower is not None
    follower.add(watcher)


def unwatch_window_input(window: QWidget, watcher: QObject) -> None:
    """Stop calling ``watcher`` for ``window``'s events (see :func:`watch_window_input`)."""
    follower = _follower(window.window(), create=False)
    if follower is not None:
        follower.remove(watcher)


def window_input_watchers(window: QWidget) -> tuple[QObject, ...]:
    """The watchers hearing ``window``'s input, in the order they were added."""
    follower = _follower(window.window(), create=False)
    return follower.watching() if follower is not None else ()
