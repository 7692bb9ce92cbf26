"""What the sync engine tells the screens: a :class:`SyncStatus` snapshot and listeners.

The engine owns one :class:`StatusBoard` and updates it as it works; the UI (through
a Qt adapter that re-emits on the GUI thread) and the staff pages read immutable
:class:`SyncStatus` snapshots. Listeners are plain callbacks called on the engine's
thread; they must return quickly and never raise (an exception is logged and
ignored, so one broken listener cannot stop sync).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class AttentionItem:
    """An outbox event the gateway rejected: staff must look at it (never dropped).

    Attributes:
        seq: the event's per-device sequence number.
        event_id: its UUID.
        kind: e.g. ``"case.submitted"``.
        code: the gateway's machine-readable reason (``"case.unknown_item"`` …).
        message: the gateway's reason in Chinese, safe to show to staff.
        created_at: when the terminal recorded the event (ISO 8601).
    """

    seq: int
    event_id: str
    kind: str
    code: str
    message: str
    created_at: str


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """One moment of the sync engine's state, for screens and the staff page.

    Attributes:
        online: the last exchange with the gateway succeeded.
        offline_since: when the current outage began (``None`` while online).
        authorised: ``False`` once the gateway refused the credential; sync has stopped
            and staff must enrol the terminal again.
        running: the engine's thread is running.
        last_pull: stream → when it was last brought up to date.
        pending: outbox events not yet decided by the gateway.
        needs_attention: rejected events, oldest first.
        last_error: what went wrong last, in words safe to show to staff ("" if none).
        clock_offset_seconds: gateway time minus terminal time, from the last heartbeat.
        resets_today: stream → snapshot rebuilds started today.
    """

    online: bool = False
    offline_since: datetime | None = None
    authorised: bool = True
    running: bool = False
    last_pull: Mapping[str, datetime] = field(default_factory=dict)
    pending: int = 0
    needs_attention: tuple[AttentionItem, ...] = ()
    last_error: str = ""
    clock_offset_seconds: float | None = None
    resets_today: Mapping[str, int] = field(default_factory=dict)

    def data_age(self, stream: str, now: datetime) -> timedelta | None:
        """How old the cached rows of ``stream`` are (``None`` before the first pull)."""
        pulled = self.last_pull.get(stream)
        return None if pulled is None else max(timedelta(0), now - pulled)

    def oldest_data_age(self, now: datetime) -> timedelta | None:
        """The age of the stalest stream (what a "data may be out of date" banner shows)."""
        ages = [a for a in (self.data_age(s, now) for s in self.last_pull) if a is not None]
        return max(ages) if ages else None


Listener = Callable[[SyncStatus], None]


class StatusBoard:
    """Holds the current :class:`SyncStatus` and tells listeners when it changes.

    Thread-safe: the engine writes, any thread reads.
    """

    def __init__(self, initial: SyncStatus | None = None) -> None:
        self._status = initial or SyncStatus()
        self._lock = threading.Lock()
        self._listeners: list[Listener] = []

    @property
    def status(self) -> SyncStatus:
        return self._status

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with every new status; returns the function that unsubscribes."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def update(self, **changes: Any) -> SyncStatus:
        """Replace some fields; listeners hear about it only if something changed."""
        with self._lock:
            old = self._status
            new = replace(old, **changes)
            if new == old:
                return old
            self._status = new
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(new)
            except Exception:
                log.exception("sync status listener failed")
        return new

    def went_online(self) -> None:
        self.update(online=True, offline_since=None, last_error="")

    def went_offline(self, now: datetime, error: str) -> None:
        current = self._status
        since = current.offline_since if current.offline_since is not None else now
        self.update(online=False, offline_since=since, last_error=error)

    def pulled(self, stream: str, at: datetime) -> None:
        self.update(last_pull={**self._status.last_pull, stream: at})
