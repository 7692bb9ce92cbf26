"""Everything the counter client works with, built by the composition root.

The window and its pages never open a database or a connection themselves: the
composition root (``govterm.app``) builds these objects in a visible order and hands
them over as one :class:`WindowServices`. Tests build the same object over a temporary
store and a real gateway on loopback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from core.accounts import Accounts, Clerk
from core.calendar import WorkingCalendar
from core.clock import Clock
from core.holders import Citizen, Enterprise
from core.search import CatalogQuery
from documents.from_case import CasePaper
from documents.maker import PaperMaker, RenderedPaper
from sync.accounts_store import AccountStore
from sync.audit import AuditLog
from sync.cases import CaseRepository
from sync.engine import BlobFolder
from sync.print_queue import PrintQueue
from sync.queue_client import QueueClient
from sync.status import StatusBoard
from sync.store import Store
from widgets.sync_status import StatusSource
from window_client.results_desk import DeskServices

log = logging.getLogger(__name__)

IdentityResolver = Callable[[str], Citizen | Enterprise]
"""Resolves a scanned 居民码/企业码 through the gateway (online only); raises
``CodeRefused`` / ``Offline`` / ``UserFacingError``."""


@dataclass(frozen=True, slots=True)
class WindowServices:
    """The counter client's dependencies.

    Attributes:
        catalog: the synced catalog (items, halls).
        accounts: clerk login, lockout, 潮汐窗口 areas.
        terminal_id: this window client's terminal id.
        hall_id: the hall it stands in.
        clock: the terminal's clock.
        audit: the hash-chained audit log (views of personal data, decisions).
        cases: local cases (provisional numbers, outbox events in one transaction).
        calendar: the working-day calendar (deadlines, the 5-working-day warning).
        papers: lays out the legal papers.
        print_queue: durable print jobs.
        a4_printer: the configured printer name for A4 papers.
        sync_status: the sync engine's status board (online/offline, pending events);
            ``None`` when this client runs without a gateway.
        identity: resolves 居民码/企业码 online; ``None`` without a gateway.
        queue: the hall's queue authority; ``None`` without a gateway.
        nudge: asks the sync engine to push now (after a case is saved).
        desk: the gateway's desk for 出件, 差评整改, 统计 and 帮办; ``None`` without a
            gateway.
        store: the local store, for pages that record facts as outbox events
            (解答咨询, digitised materials and their blobs) and for the hall's clerk
            names (统计 by clerk); ``None`` where unused.
        blobs: where attachments wait, named by sha256, until the sync engine uploads
            them (the 出件 signature pad's PNG); ``None`` = the pad is not offered.
    """

    catalog: CatalogQuery
    accounts: Accounts
    terminal_id: str
    hall_id: str
    clock: Clock
    audit: AuditLog
    cases: CaseRepository
    calendar: WorkingCalendar
    papers: PaperMaker
    print_queue: PrintQueue
    a4_printer: str = "a4"
    sync_status: StatusBoard | StatusSource | None = None
    identity: IdentityResolver | None = None
    queue: QueueClient | None = None
    nudge: Callable[[], None] | None = None
    desk: DeskServices | None = None
    blobs: BlobFolder | None = None
    store: Store | None = None

    def hall_areas(self) -> tuple[str, ...]:
        """The hall's business areas (``"A 综合受理区"`` …) from the synced directory.

        Runs on the catalog thread (it reads the store).
        """
        try:
            return self.catalog.hall(self.hall_id).business_areas
        except KeyError:
            log.warning("hall %s is not in the catalog; no business areas", self.hall_id)
            return ()

    def hall_clerks(self) -> tuple[Clerk, ...]:
        """The staff of this hall known to this terminal (names for account ids).

        Runs on the catalog thread (it reads the store); without a store there is no
        directory and pages show account ids.
        """
        if self.store is None:
            return ()
        accounts = AccountStore(store=self.store, audit=self.audit).all()
        return tuple(a.clerk for a in accounts if a.clerk.hall_id == self.hall_id)

    def make_papers(self, papers: Sequence[CasePaper]) -> tuple[RenderedPaper, ...]:
        """Lay out ``papers`` (A4, as the window prints them)."""
        return tuple(self.papers.render(paper) for paper in papers)

    def link_ticket(self, ticket: str, case_number: str) -> None:
        """一号办到底: tell the queue authority which case the ticket led to.

        Offline the link is skipped with a log line; the case itself is saved.
        """
        if self.queue is None:
            return
        try:
            self.queue.link_case(ticket, case_number)
        except Exception as exc:  # noqa: BLE001 - the case is saved; the link is a nicety
            log.warning("ticket %s not linked to a case: %s", ticket, type(exc).__name__)

    def nudge_sync(self) -> None:
        if self.nudge is not None:
            self.nudge()
