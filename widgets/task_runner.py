"""All blocking work of the UI goes through one :class:`TaskRunner`.

Two lanes, after Anki's ``taskman``:

- the **catalog lane** is one dedicated thread that owns catalog/database access, so the
  SQLite connection is only ever used from one thread and queries never overlap;
- the **pool lane** is a small thread pool for everything else (HTTP, PDF rendering,
  image decoding).

Results come back to the GUI thread through a queued signal; worker code only runs the
function it is given and never touches a widget. A task started with a ``key``
supersedes every earlier task with the same key: when a stale result arrives it is
dropped, so "latest keystroke wins" needs no bookkeeping in the screens.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

from core.errors import UserCancelled

log = logging.getLogger(__name__)

T = TypeVar("T")


class Lane(StrEnum):
    """Where a task runs."""

    CATALOG = "catalog"  # the one thread that owns the catalog/database
    POOL = "pool"  # the small pool for HTTP, PDF, decoding


@dataclass(frozen=True, slots=True)
class TaskTicket:
    """A handle for a started task."""

    id: int
    lane: Lane
    key: str | None


@dataclass(frozen=True, slots=True)
class TaskFailure:
    """Payload of :attr:`TaskRunner.task_failed`: a task raised and nobody handled it."""

    ticket: TaskTicket
    error: BaseException


@dataclass(slots=True)
class _Pending:
    ticket: TaskTicket
    on_done: Callable[[Any], None]
    on_error: Callable[[BaseException], None] | None
    owner: QObject | None


@dataclass(frozen=True, slots=True)
class _Outcome:
    ticket_id: int
    value: object = None
    error: BaseException | None = None


class TaskRunner(QObject):
    """Runs blocking functions off the GUI thread and delivers results on it.

    Args:
        pool_size: threads in the pool lane.
        parent: the Qt parent.

    Signals:
        task_failed(TaskFailure): a task raised and was started without ``on_error``;
            the error was logged. :class:`~core.errors.UserCancelled` is never reported.
        idle_changed(bool): ``True`` when the last pending task finished, ``False`` when
            the first one starts; screens use it to show a delayed busy hint.
    """

    task_failed = Signal(object)
    idle_changed = Signal(bool)
    # Internal: emitted from worker threads, received on the GUI thread (queued).
    _delivered = Signal(object)

    def __init__(self, *, pool_size: int = 3, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalog_lane = ThreadPoolExecutor(max_workers=1, thread_name_prefix="govterm-catalog")
        self._pool_lane = ThreadPoolExecutor(
            max_workers=max(1, pool_size), thread_name_prefix="govterm-pool"
        )
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._latest: dict[str, int] = {}
        self._closed = False
        self._delivered.connect(self._on_delivered, Qt.ConnectionType.QueuedConnection)

    # -- starting work -------------------------------------------------------------------

    def run_catalog(
        self,
        fn: Callable[[], T],
        *,
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
        key: str | None = None,
        owner: QObject | None = None,
    ) -> TaskTicket:
        """Run ``fn`` on the catalog thread.

        Args:
            fn: the blocking work; it must not touch widgets.
            on_done: called on the GUI thread with ``fn``'s result.
            on_error: called on the GUI thread with the exception ``fn`` raised; without
                it the error is logged and reported through :attr:`task_failed`.
            key: tasks with the same key supersede each other: only the latest one's
                outcome is delivered.
            owner: when this object has been deleted by the time the result arrives,
                the result is dropped (the screen that asked is gone).

        Returns:
            A ticket for :meth:`is_pending`.
        """
        return self._submit(
            Lane.CATALOG, fn, on_done=on_done, on_error=on_error, key=key, owner=owner
        )

    def run(
        self,
        fn: Callable[[], T],
        *,
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
        key: str | None = None,
        owner: QObject | None = None,
    ) -> TaskTicket:
        """Run ``fn`` in the pool lane; arguments as for :meth:`run_catalog`."""
        return self._submit(Lane.POOL, fn, on_done=on_done, on_error=on_error, key=key, owner=owner)

    def cancel(self, key: str) -> None:
        """Forget the task started under ``key``; its outcome will be dropped."""
        ticket_id = self._latest.pop(key, None)
        if ticket_id is not None:
            self._forget(ticket_id)

    def is_pending(self, ticket: TaskTicket) -> bool:
        """Whether ``ticket``'s outcome is still to be delivered."""
        return ticket.id in self._pending

    def pending_count(self) -> int:
        """Tasks whose outcome is still to be delivered."""
        return len(self._pending)

    def shutdown(self) -> None:
        """Stop accepting work, drop queued tasks and wait for running ones to end.

        Work submitted afterwards is dropped: a window that is closing still gets
        queued events (a start-up timer, a sync signal) whose tasks nobody is left
        to receive. Such a task never runs and its ticket is never pending.
        """
        if self._closed:
            return
        self._closed = True
        self._pending.clear()
        self._latest.clear()
        self._catalog_lane.shutdown(wait=True, cancel_futures=True)
        self._pool_lane.shutdown(wait=True, cancel_futures=True)
        log.debug("task runner shut down")

    # -- internals -----------------------------------------------------------------------

    def _submit(
        self,
        lane: Lane,
        fn: Callable[[], T],
        *,
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None,
        key: str | None,
        owner: QObject | None,
    ) -> TaskTicket:
        ticket = TaskTicket(id=next(self._ids), lane=lane, key=key)
        if self._closed:
            log.debug("task %s in lane %s dropped: the runner is shut down", ticket.id, lane)
            return ticket
        if key is not None:
            superseded = self._latest.get(key)
            if superseded is not None:
                self._forget(superseded)
            self._latest[key] = ticket.id
        was_idle = not self._pending
        self._pending[ticket.id] = _Pending(ticket, on_done, on_error, owner)
        if was_idle:
            self.idle_changed.emit(False)
        executor = self._catalog_lane if lane is Lane.CATALOG else self._pool_lane
        future: Future[None] = executor.submit(self._work, ticket.id, fn)
        del future  # outcomes travel through the signal, never through the future
        return ticket

    def _work(self, ticket_id: int, fn: Callable[[], object]) -> None:
        # Runs on a worker thread: call the function, hand the outcome to the GUI thread.
        try:
            outcome = _Outcome(ticket_id, value=fn())
        except BaseException as error:  # noqa: BLE001 - delivered to the GUI thread
            outcome = _Outcome(ticket_id, error=error)
        if shiboken6.isValid(self):
            self._delivered.emit(outcome)

    def _forget(self, ticket_id: int) -> None:
        if self._pending.pop(ticket_id, None) is not None and not self._pending:
            self.idle_changed.emit(True)

    @Slot(object)
    def _on_delivered(self, outcome: _Outcome) -> None:
        pending = self._pending.get(outcome.ticket_id)
        if pending is None:
            return  # superseded or cancelled: latest wins
        key = pending.ticket.key
        if key is not None and self._latest.get(key) == outcome.ticket_id:
            del self._latest[key]
        self._forget(outcome.ticket_id)
        if pending.owner is not None and not shiboken6.isValid(pending.owner):
            return
        if outcome.error is None:
            pending.on_done(outcome.value)
            return
        self._deliver_error(pending, outcome.error)

    def _deliver_error(self, pending: _Pending, error: BaseException) -> None:
        if isinstance(error, UserCancelled):
            return
        if pending.on_error is not None:
            pending.on_error(error)
            return
        log.error(
            "task %s in lane %s failed",
            pending.ticket.id,
            pending.ticket.lane,
            exc_info=(type(error), error, error.__traceback__),
        )
        self.task_failed.emit(TaskFailure(pending.ticket, error))
