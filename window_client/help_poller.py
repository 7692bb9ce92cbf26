"""The window's watch on the hall's help feed, for as long as a clerk is logged in.

The 帮办与告警 page is built only when first opened, so a citizen's 呼叫帮办 would go
unnoticed at a counter whose clerk never opened it. The shell therefore owns one
:class:`HelpPoller` per session: it long-polls the gateway's help feed through the
task runner's pool (one request waiting at a time), tells the shell about requests it
has not seen before, keeps the number of open requests for the navigation badge, and
hands every feed to the page once it exists, so the page never polls on its own.

A request raised before the clerk logged in is not announced as new: the first feed
only sets what has been seen (the badge still counts it). Failures (offline, not yet
enrolled) are retried after a pause; the page shows the reason.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from sync.help_protocol import HelpFeed, HelpTicket
from widgets.task_runner import TaskRunner
from window_client.results_desk import DeskServices

log = logging.getLogger(__name__)

RETRY_MS = 5000
"""Pause before polling again after a failure."""


class HelpPoller(QObject):
    """Long-polls ``/v1/help/feed`` and reports what changed.

    Args:
        desk: the gateway desk (its help client and long-poll wait).
        runner: the task runner (the poll runs in its pool lane).
        retry_ms: pause after a failed poll.
        parent: the Qt parent (the window).

    Signals:
        feed_received(object): every :class:`HelpFeed` the gateway answered.
        help_requested(object): a :class:`HelpTicket` that is open and was not seen
            in an earlier feed of this session.
        open_count_changed(int): the number of open (not yet taken) help requests.
        failed(object): a poll failed (the exception); polling resumes by itself.
    """

    feed_received = Signal(object)
    help_requested = Signal(object)
    open_count_changed = Signal(int)
    failed = Signal(object)

    def __init__(
        self,
        *,
        desk: DeskServices,
        runner: TaskRunner,
        retry_ms: int = RETRY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._key = f"help-poller-{id(self)}"
        self._revision = 0
        self._seen: set[str] | None = None  # None until the first feed
        self._open_count = 0
        self._running = False
        self._in_flight = False
        self.latest: HelpFeed | None = None
        self.last_error: BaseException | None = None
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(retry_ms)
        self._retry.timeout.connect(self._poll)

    @property
    def desk(self) -> DeskServices:
        return self._desk

    @property
    def running(self) -> bool:
        return self._running

    @property
    def open_count(self) -> int:
        """Open help requests in the latest feed."""
        return self._open_count

    def start(self) -> None:
        """Begin polling (idempotent)."""
        if self._running:
            return
        self._running = True
        self._poll()

    def stop(self) -> None:
        """Stop polling; an answer still on its way is dropped."""
        self._running = False
        self._retry.stop()
        self._runner.cancel(self._key)
        self._in_flight = False

    def poll_now(self) -> None:
        """Ask again at once (after a clerk took a request), unless a poll is waiting."""
        if self._running and not self._in_flight:
            self._retry.stop()
            self._poll()

    # -- internals ------------------------------------------------------------------

    def _poll(self) -> None:
        if not self._running or self._in_flight:
            return
        after = self._revision
        # The first request answers at once; later ones wait for news.
        wait = self._desk.help_wait if self._seen is not None else 0.0
        help_client = self._desk.help
        self._in_flight = True
        self._runner.run(
            lambda: help_client.feed(after=after, wait=wait),
            on_done=self._fed,
            on_error=self._failed,
            key=self._key,
            owner=self,
        )

    def _fed(self, feed: HelpFeed) -> None:
        self._in_flight = False
        if not self._running:
            return
        self.last_error = None
        self._revision = feed.revision
        self.latest = feed
        open_tickets = [t for t in feed.requests if t.open]
        fresh: list[HelpTicket] = []
        if self._seen is not None:
            fresh = [t for t in open_tickets if t.help_id not in self._seen]
            self._seen |= {t.help_id for t in feed.requests}
        else:
            self._seen = {t.help_id for t in feed.requests}
        self.feed_received.emit(feed)
        if len(open_tickets) != self._open_count:
            self._open_count = len(open_tickets)
            self.open_count_changed.emit(self._open_count)
        for ticket in sorted(fresh, key=lambda t: t.raised_at):
            log.info("help requested at %s (%s)", ticket.place, ticket.topic)
            self.help_requested.emit(ticket)
        self._poll()

    def _failed(self, error: BaseException) -> None:
        self._in_flight = False
        if not self._running:
            return
        if self.last_error is None:  # once per outage, not every retry
            log.warning("help feed poll failed: %s", type(error).__name__)
        self.last_error = error
        self.failed.emit(error)
        self._retry.start()
