"""The sync status on the GUI thread: the one Qt adapter over the engine's status board.

The sync engine reports through plain callbacks on its own threads
(:class:`sync.status.StatusBoard`); a page of 500 synced rows can mean many status
changes in a burst. :class:`SyncStatusModel` receives them on the GUI thread through a
posted event and coalesces them with a single-shot timer, so screens hear one
``status_changed`` per burst, and ``catalog_changed`` once when catalog rows arrived
(so lists and search refresh).

It also offers the board's own shape (``status`` and ``subscribe``), so the kiosk's
status banner feed and the window client's header relay can follow it as they would
follow a board, now with coalesced updates delivered on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Hashable
from functools import cache
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

from sync.status import SyncStatus

log = logging.getLogger(__name__)

COALESCE_MS = 200
"""How long a burst of status changes is gathered before one signal goes out."""

Listener = Callable[[SyncStatus], None]


@cache
def _arrived_type() -> QEvent.Type:
    """The event type that tells the model a status arrived (registered on first use)."""
    return QEvent.Type(QEvent.registerEventType())


class StatusSource(Protocol):
    """What the model follows (``sync.status.StatusBoard`` fits)."""

    @property
    def status(self) -> SyncStatus: ...

    def subscribe(self, listener: Listener) -> Callable[[], None]: ...


class SyncStatusModel(QObject):
    """Re-emits a status board's changes on the GUI thread, bursts coalesced.

    Args:
        board: the engine's status board (callbacks may come from any thread).
        catalog_version: returns a value that changes when catalog rows arrive
            (:func:`govterm.sync_setup.catalog_fingerprint`); read on the GUI thread
            once per coalesced burst. ``None``: ``catalog_changed`` never fires.
        coalesce_ms: how long a burst is gathered.
        parent: the Qt parent.

    Signals:
        status_changed(SyncStatus): the latest status after a burst of changes.
        catalog_changed(): catalog streams got rows; lists and search should refresh.
    """

    status_changed = Signal(object)  # SyncStatus
    catalog_changed = Signal()

    def __init__(
        self,
        *,
        board: StatusSource,
        catalog_version: Callable[[], Hashable] | None = None,
        coalesce_ms: int = COALESCE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._status = board.status
        self._latest = board.status
        self._arrival_lock = threading.Lock()
        self._posted = False
        self._closed = False
        self._catalog_version = catalog_version
        self._catalog_seen: Hashable = None
        self._catalog_seen = self._read_catalog_version()
        self._listeners: list[Listener] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(coalesce_ms)
        self._timer.timeout.connect(self._flush)
        # The board calls back on the engine's thread. One posted event per burst
        # carries the news over (thread-safe, and cheaper than a queued signal per
        # change: PySide6 6.12's Signal.emit also drops a reference to ``True`` on every
        # call, so 500 emits per sync page would add up in a kiosk running for weeks).
        self._unsubscribe: Callable[[], None] | None = board.subscribe(self._on_board)

    @property
    def status(self) -> SyncStatus:
        """The status last delivered to the screens."""
        return self._status

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` on the GUI thread after every coalesced burst.

        Returns the function that unsubscribes (the :class:`StatusSource` shape).
        """
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def pending(self) -> bool:
        """Whether a burst is still being gathered."""
        return self._timer.isActive()

    def flush(self) -> None:
        """Deliver a gathered burst now (at shutdown, or when a screen must be current)."""
        if self._timer.isActive():
            self._timer.stop()
            self._flush()

    def close(self) -> None:
        """Stop following the board (before the board's owner stops the engine)."""
        with self._arrival_lock:
            self._closed = True
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self._timer.stop()
        self._listeners.clear()

    # ------------------------------------------------------------------ internals

    def _on_board(self, status: SyncStatus) -> None:
        """The board's listener: any thread, must return at once."""
        with self._arrival_lock:
            self._latest = status
            if self._posted or self._closed:
                return
            self._posted = True
        QCoreApplication.postEvent(self, QEvent(_arrived_type()))

    def event(self, event: QEvent) -> bool:
        if event.type() != _arrived_type():
            return super().event(event)
        with self._arrival_lock:
            self._posted = False
            closed = self._closed
        if not closed and not self._timer.isActive():
            self._timer.start()
        return True

    def _flush(self) -> None:
        with self._arrival_lock:
            status = self._latest
        if status != self._status:
            self._status = status
            self.status_changed.emit(status)
            for listener in list(self._listeners):
                try:
                    listener(status)
                except Exception:
                    log.exception("sync status listener failed")
        version = self._read_catalog_version()
        if version != self._catalog_seen:
            self._catalog_seen = version
            log.info("catalog rows arrived: screens refresh")
            self.catalog_changed.emit()

    def _read_catalog_version(self) -> Hashable:
        if self._catalog_version is None:
            return None
        try:
            return self._catalog_version()
        except Exception:
            log.exception("catalog version could not be read")
            return self._catalog_seen
