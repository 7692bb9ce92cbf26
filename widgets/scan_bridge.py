"""Qt side of scanning: the keyboard-wedge filter and the one router for every scan.

:class:`WedgeScanBridge` listens to the key input of the windows it watches. A USB
scanner in keyboard mode "types" its code and presses Enter; without the bridge those
keys would land in whatever text field has focus. The bridge holds key presses back
while they could still be a scanner burst (core :class:`WedgeBurstClassifier`): a
burst that ends in Enter is swallowed and emitted as a :class:`ScanEvent`; anything
else — a person typing — is replayed, in order, within ``max_gap``, into the window,
which hands it to its focus widget as it would have.

It sits on each watched window's ``QWindow`` (see :mod:`widgets.window_input`), where
every key arrives once before any widget sees it, and not on the application, whose
filters are called for every event of every widget (half of a guide's opening time).

:class:`ScanRouter` receives every :class:`ScanEvent` (wedge, serial, camera,
manual), from any thread, and forwards it on the GUI thread to the handler the active
screen registered.
"""

from __future__ import annotations

import datetime as _dt
import logging
import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QKeyEvent, QWindow
from PySide6.QtWidgets import QWidget

from core.errors import ValidationFailed
from core.scan import (
    ENTER,
    Clock,
    ScanDebouncer,
    ScanEvent,
    ScanSource,
    WedgeBurstClassifier,
    WedgeTiming,
    WedgeVerdict,
    make_scan_event,
)
from devices.scanners.base import Scanner
from widgets.i18n import translate_text
from widgets.window_input import unwatch_window_input, watch_window_input

log = logging.getLogger(__name__)

ScanHandler = Callable[[ScanEvent], None]

_TERMINATORS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}
_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def _local_now() -> _dt.datetime:
    return _dt.datetime.now().astimezone()


def _copy(event: QKeyEvent) -> QKeyEvent:
    return QKeyEvent(
        event.type(),
        event.key(),
        event.modifiers(),
        event.text(),
        event.isAutoRepeat(),
        event.count(),
    )


class WedgeScanBridge(QObject):
    """Turns keyboard-wedge bursts typed into a window into scans.

    Call :meth:`watch` with each top-level window a scanner may type into (the kiosk
    window: it opens no other window that takes keys). Keys bound for windows it does
    not watch pass untouched.

    Args:
        clock: monotonic seconds, read once per key press (inject a fake in tests).
        now: wall-clock time stamped on events.
        timing: the burst rules (see :class:`WedgeTiming`).
        device_id: id stamped on events.
        cooldown: seconds a repeat of the same code is ignored.
        parent: Qt parent.

    Signals:
        scan_decoded(ScanEvent): a burst was recognised as a scan and swallowed.
        scan_rejected(str): a burst was a scan but unusable; why, in the current language.
    """

    scan_decoded = Signal(object)  # ScanEvent
    scan_rejected = Signal(str)

    # A class-level default: while a window is torn down, the garbage collector may
    # clear this wrapper's attributes before Qt stops sending it the window's events.
    _replaying: bool = False

    def __init__(
        self,
        *,
        clock: Clock = time.monotonic,
        now: Callable[[], _dt.datetime] = _local_now,
        timing: WedgeTiming | None = None,
        device_id: str = "wedge",
        cooldown: float = 1.5,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._now = now
        self._device_id = device_id
        self._classifier = WedgeBurstClassifier(timing=timing)
        self._debouncer = ScanDebouncer(clock=clock, cooldown=cooldown)
        self._held: list[tuple[QWindow, QKeyEvent]] = []
        self._windows: list[QWidget] = []
        self._replaying = False
        self._swallow_release: set[int] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # The timer fires after a pause longer than any scanner leaves between keys.
        self._timer.setInterval(max(1, round(self._classifier.timing.max_gap * 1000)) + 5)
        self._timer.timeout.connect(self._on_pause)

    # -- watching -----------------------------------------------------------------

    def watch(self, window: QWidget) -> None:
        """Hear the keys typed into ``window`` (its top-level window), shown or not yet."""
        window = window.window()
        if any(known is window for known in self._windows):
            return
        self._windows.append(window)
        watch_window_input(window, self)

    def unwatch(self, window: QWidget) -> None:
        """Stop hearing ``window``; keys held back are let through first."""
        self._release()
        alive = shiboken6.isValid(window)
        top = window.window() if alive else window
        self._windows = [
            known for known in self._windows if known is not top and shiboken6.isValid(known)
        ]
        if alive:
            unwatch_window_input(top, self)

    def stop(self) -> None:
        """Stop hearing every window (the kiosk is closing)."""
        for window in list(self._windows):
            self.unwatch(window)

    # -- the filter ---------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """Hold, release or swallow key events arriving at a watched window."""
        kind = event.type()
        if self._replaying or kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            return False
        # Keys reach a QWindow once each, before the widget with focus; anything else
        # (a filter left on a widget or the application) would see them more than once.
        if not isinstance(watched, QWindow):
            return False
        assert isinstance(event, QKeyEvent)
        if kind == QEvent.Type.KeyRelease:
            return self._on_release(watched, event)
        return self._on_press(watched, event)

    def _on_release(self, watched: QWindow, event: QKeyEvent) -> bool:
        if event.key() in self._swallow_release and not event.isAutoRepeat():
            self._swallow_release.discard(event.key())
            return True
        if self._held:
            self._held.append((watched, _copy(event)))
            return True
        return False

    def _on_press(self, watched: QWindow, event: QKeyEvent) -> bool:
        now = self._clock()
        if self._classifier.expire(now):
            self._release()
        char = self._char_of(event)
        if char is None:  # a command key (arrows, Backspace, Ctrl+…): never a scan
            self._classifier.reset()
            self._release()
            return False
        if not self._held and char == ENTER:
            return False  # a lone Enter: let it through untouched
        verdict = self._classifier.press(char, now)
        self._held.append((watched, _copy(event)))
        if verdict is WedgeVerdict.HOLD:
            self._timer.start()
        elif verdict is WedgeVerdict.TYPING:
            self._release()
        else:
            self._swallow(event)
        return True

    @staticmethod
    def _char_of(event: QKeyEvent) -> str | None:
        if event.key() in _TERMINATORS:
            return ENTER
        text = event.text()
        if len(text) != 1 or not text.isprintable() or event.modifiers() & _COMMAND_MODIFIERS:
            return None
        return text

    # -- outcomes -----------------------------------------------------------------

    def _swallow(self, enter: QKeyEvent) -> None:
        self._timer.stop()
        held, self._held = self._held, []
        self._swallow_release.add(enter.key())
        # Key releases of the burst already arrived and are in ``held``: drop them too.
        del held
        text = self._classifier.scanned_text
        try:
            event = make_scan_event(
                text, source=ScanSource.WEDGE, device_id=self._device_id, at=self._now()
            )
        except ValidationFailed as exc:
            log.info("wedge scan rejected: %s", exc.code)
            self.scan_rejected.emit(translate_text(exc.message))
            return
        if self._debouncer.offer(event.text):
            self.scan_decoded.emit(event)

    @Slot()
    def _on_pause(self) -> None:
        # The gap timer ran out: whatever is held was typed by a person.
        self._classifier.reset()
        self._release()

    def _release(self) -> None:
        self._timer.stop()
        held, self._held = self._held, []
        if not held:
            return
        self._replaying = True
        try:
            # Back to the window, which hands each key to its focus widget (and to
            # other filters on the window, such as the idle countdown) as it would have.
            for receiver, event in held:
                if shiboken6.isValid(receiver):
                    QGuiApplication.sendEvent(receiver, event)
        finally:
            self._replaying = False

    @property
    def holding(self) -> bool:
        """Whether key presses are being held back right now."""
        return bool(self._held)


class ScanRouter(QObject):
    """The one place every scan goes through, whatever its source.

    Sources call :meth:`submit` (thread-safe) or are attached with :meth:`attach`;
    the active screen calls :meth:`set_handler` when it is shown. Events are
    delivered on the GUI thread.

    Signals:
        scan_routed(ScanEvent): a scan was delivered to the active handler.
        scan_unclaimed(ScanEvent): a scan arrived while no screen takes scans.
    """

    scan_routed = Signal(object)  # ScanEvent
    scan_unclaimed = Signal(object)  # ScanEvent
    _submitted = Signal(object)  # ScanEvent, possibly from a device thread

    def __init__(self, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._handler: ScanHandler | None = None
        self._scanners: list[Scanner] = []
        self._wedges: list[WedgeScanBridge] = []
        self._windows: list[QWidget] = []
        # Queued: a serial or camera thread's submit() lands on this object's thread.
        self._submitted.connect(self._dispatch, Qt.ConnectionType.QueuedConnection)

    def set_handler(self, handler: ScanHandler | None) -> None:
        """Make ``handler`` receive every scan (``None``: scans are unclaimed)."""
        self._handler = handler

    def submit(self, event: ScanEvent) -> None:
        """Route ``event`` on the GUI thread; callable from any thread."""
        self._submitted.emit(event)

    def attach(self, scanner: Scanner) -> None:
        """Start ``scanner`` with this router as its callback."""
        scanner.start(self.submit)
        self._scanners.append(scanner)

    def attach_wedge(self, bridge: WedgeScanBridge) -> None:
        """Route the keyboard-wedge bridge's scans; it hears the windows of :meth:`watch`."""
        bridge.scan_decoded.connect(self.submit)
        self._wedges.append(bridge)
        self._windows = [window for window in self._windows if shiboken6.isValid(window)]
        for window in self._windows:
            bridge.watch(window)

    def watch(self, window: QWidget) -> None:
        """Let every attached keyboard wedge hear the keys typed into ``window``.

        The window that takes scans calls this for itself; a wedge attached later
        hears it too.
        """
        self._windows.append(window)
        for bridge in self._wedges:
            bridge.watch(window)

    def stop_all(self) -> None:
        """Stop every attached scanner."""
        for scanner in self._scanners:
            scanner.stop()
        self._scanners.clear()

    @Slot(object)
    def _dispatch(self, event: ScanEvent) -> None:
        handler = self._handler
        if handler is None:
            log.info("scan without a taker: %r", event)
            self.scan_unclaimed.emit(event)
            return
        handler(event)
        self.scan_routed.emit(event)
