"""Idle handling of an unattended kiosk: a per-screen timeout, a countdown, an end.

:class:`IdleWatcher` hears every touch, click, key and wheel turn in the kiosk window
and counts down from the current screen's timeout. Fifteen seconds before the end it reports a
warning, which the window shows as a :class:`CountdownOverlay` with a big 还需要时间
button; any touch starts the count again. At zero it reports :attr:`expired` and the
window ends the session (see ``kiosk.session``).

Timeouts come from the settings (``[kiosk] idle_timeout_s``, ``home_idle_timeout_s``,
``elder_idle_factor``) as one :class:`IdleTimeouts`; 长辈模式 multiplies them. A screen
opts in to a timeout of its own with an ``idle_timeout_s`` attribute (seconds, or
``None`` for the default); work that must not be interrupted (printing a result)
holds the watcher with :meth:`IdleWatcher.hold`.

Time comes from an injected monotonic clock, so tests move it by hand; the watcher
checks it on a short timer and in :meth:`IdleWatcher.poll`.

The watcher listens at the window's ``QWindow`` (see :mod:`widgets.window_input`),
where the platform delivers all input before any widget sees it, rather than on the
application, whose filters are called for every event of every widget.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from widgets.i18n import arg, is_language_change
from widgets.layout import card, styled_label
from widgets.theme import Colours
from widgets.window_input import unwatch_window_input, watch_window_input

log = logging.getLogger(__name__)

POLL_MS = 250

# What counts as a person being there. Mouse moves do not: a kiosk's touch screen
# reports none, and a dusty mouse left on a desk must not keep a session alive.
_ACTIVITY = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
    }
)


@dataclass(frozen=True, slots=True)
class IdleTimeouts:
    """How long the kiosk waits for a person, in seconds.

    Attributes:
        screen_s: any screen but home (settings ``kiosk.idle_timeout_s``).
        home_s: the home screen (``kiosk.home_idle_timeout_s``).
        elder_factor: 长辈模式 multiplies every timeout (``kiosk.elder_idle_factor``).
        warning_s: the countdown shown before the end.
    """

    screen_s: float = 60
    home_s: float = 100
    elder_factor: float = 2.0
    warning_s: float = 15

    def for_screen(self, screen: object, *, home: bool, elder: bool) -> float:
        """The timeout for ``screen``: its own ``idle_timeout_s`` or the default."""
        own = getattr(screen, "idle_timeout_s", None)
        base = float(own) if own else (self.home_s if home else self.screen_s)
        return base * (self.elder_factor if elder else 1.0)


class IdleWatcher(QObject):
    """Counts down while nobody touches the kiosk.

    Args:
        timeout_s: the first timeout.
        warning_s: seconds before the end at which :attr:`warning` is emitted.
        monotonic: the clock (seconds; ``time.monotonic`` in production).
        parent: the Qt parent.

    Signals:
        warning(int): the countdown began; the payload is the seconds left.
        countdown(int): a second passed during the countdown; seconds left.
        resumed(): someone touched the kiosk during the countdown.
        expired(): the timeout ran out; the count stops until :meth:`restart`.
    """

    warning = Signal(int)
    countdown = Signal(int)
    resumed = Signal()
    expired = Signal()

    # A class-level default: while a window is torn down, the garbage collector may
    # clear this wrapper's attributes before Qt stops sending it the window's events.
    _expired: bool = True

    def __init__(
        self,
        *,
        timeout_s: float = 60,
        warning_s: float = 15,
        monotonic: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = monotonic
        self._timeout = float(timeout_s)
        self._warning_s = float(warning_s)
        self._last = monotonic()
        self._warned = False
        self._shown_left: int | None = None
        self._expired = False
        self._holds = 0
        self._watched: list[QWidget] = []
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)
        self._timer.start()

    # -- public --------------------------------------------------------------------------

    def watch(self, window: QWidget) -> None:
        """Hear every touch, click, key and wheel turn in ``window`` (its top-level).

        May be called before the window is shown; every widget in it counts, the
        countdown overlay's 还需要时间 included.
        """
        window = window.window()
        if any(known is window for known in self._watched):
            return
        self._watched.append(window)
        watch_window_input(window, self)

    def stop(self) -> None:
        """Stop watching and counting (the window is closing)."""
        self._timer.stop()
        watched, self._watched = self._watched, []
        for window in watched:
            if shiboken6.isValid(window):
                unwatch_window_input(window, self)

    def set_timeout(self, seconds: float) -> None:
        """A new screen's timeout; the count starts again."""
        self._timeout = max(self._warning_s + 1, float(seconds))
        self.restart()

    def timeout(self) -> float:
        """The current timeout in seconds."""
        return self._timeout

    def restart(self) -> None:
        """Start the count again from the full timeout."""
        was_warning = self._warned
        self._last = self._clock()
        self._warned = False
        self._expired = False
        self._shown_left = None
        if was_warning:
            self.resumed.emit()

    def activity(self) -> None:
        """Someone is there (a touch, a key, the 还需要时间 button, a scan)."""
        self.restart()

    def hold(self) -> None:
        """Do not time out until :meth:`release` (printing, opening a locker …)."""
        self._holds += 1
        self.restart()

    def release(self) -> None:
        """End one :meth:`hold`; the count starts again."""
        self._holds = max(0, self._holds - 1)
        self.restart()

    def seconds_left(self) -> float:
        """Seconds until the timeout."""
        return max(0.0, self._timeout - (self._clock() - self._last))

    def is_warning(self) -> bool:
        """Whether the countdown is on."""
        return self._warned

    def poll(self) -> None:
        """Check the clock: warn, count down or expire (the timer calls this)."""
        if self._expired or self._holds:
            return
        left = self.seconds_left()
        if left <= 0:
            self._expired = True
            self._warned = False
            log.info("idle timeout after %.0f s", self._timeout)
            self.expired.emit()
            return
        if left <= self._warning_s:
            whole = math.ceil(left)
            if not self._warned:
                self._warned = True
                self._shown_left = whole
                self.warning.emit(whole)
            elif whole != self._shown_left:
                self._shown_left = whole
                self.countdown.emit(whole)

    # -- Qt ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # ``watched`` is a watched window's QWindow: input only, once per event.
        if event.type() in _ACTIVITY and not self._expired:
            self.activity()
        return False


class CountdownOverlay(QWidget):
    """A dimmed cover with the seconds left and a big 还需要时间 button.

    It covers its parent (the window's central widget) and follows its size.

    Args:
        parent: the widget to cover.

    Signals:
        more_time_requested(): the person tapped 还需要时间.
    """

    more_time_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("CountdownOverlay")
        self._seconds = 0
        self._backdrop = QColor(Colours().text)
        self._backdrop.setAlpha(170)
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        panel, inner = card(spacing=24)
        panel.setObjectName("CountdownPanel")
        panel.setMaximumWidth(900)
        inner.setContentsMargins(48, 40, 48, 40)
        self._title = styled_label("", role="title")
        self._title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._seconds_label = styled_label("", role="countdown")
        self._seconds_label.setObjectName("CountdownSeconds")
        self._seconds_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message = styled_label("", role="body")
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.more_time = QPushButton()
        self.more_time.setObjectName("MoreTimeButton")
        self.more_time.setProperty("role", "primary")
        self.more_time.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.more_time.clicked.connect(self.more_time_requested)
        inner.addWidget(self._title)
        inner.addWidget(self._seconds_label)
        inner.addWidget(self._message)
        inner.addWidget(self.more_time)
        layout.addWidget(panel)
        parent.installEventFilter(self)
        self.hide()
        self._retranslate()

    def show_countdown(self, seconds: int) -> None:
        """Show the overlay with ``seconds`` left."""
        self.set_seconds(seconds)
        self._cover()
        self.raise_()
        self.show()

    def set_seconds(self, seconds: int) -> None:
        """Update the seconds shown."""
        self._seconds = seconds
        self._retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._cover()
        return False

    def _cover(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(self.rect(), self._backdrop)
        painter.end()
        super().paintEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._title.setText(self.tr("您还在操作吗?"))
        self._seconds_label.setText(arg(self.tr("%1 秒"), self._seconds))
        self._message.setText(
            self.tr("时间到后将返回首页，您输入和查询的信息会全部清除，以保护您的隐私。")
        )
        self.more_time.setText(self.tr("还需要时间"))
