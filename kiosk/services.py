"""What the kiosk's citizen services (扫码办事, 自助申报, 办件查询, 自助取件) work with.

The composition root builds one :class:`KioskServices` and hands it to the window;
each screen takes it through its constructor. Everything here blocks (HTTP, SQLite,
PDF) and is called from the task runner, never from the GUI thread.

- :class:`CodeResolver` resolves a scanned 居民码/企业码 through the gateway, or
  verifies it offline for the low-risk pickup (``sync.identity``).
- :func:`holder_from_resolved` (now in :mod:`sync.identity`, shared with the window
  client; re-exported here) turns the gateway's answer into the domain's
  :class:`~core.holders.Citizen` / :class:`~core.holders.Enterprise`.
- :class:`ResultDocuments` fetches a result document (证照/批文 PDF) the platform put
  on the gateway as a blob named in the pickup record, and keeps it for reprints.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import requests

from core.calendar import WorkingCalendar
from core.catalog import Audience, Hall, ServiceItem
from core.clock import Clock, hall_date
from core.errors import EnvironmentProblem, Offline, UserFacingError, msg
from core.pickup import CodeAttempts, PickupOffer
from devices.health import HealthBoard
from devices.lockers.board import Locker
from documents.maker import PaperMaker
from sync.cases import CaseRepository, PickupLedger
from sync.identity import (
    NoPrefill,
    OfflineVerifier,
    VerifiedCode,
    holder_from_resolved,
    resolve_online,
)
from sync.print_queue import PrintQueue
from sync.protocol import ResolvedIdentity
from sync.store import Store

log = logging.getLogger(__name__)

# Moved to sync.identity (the window client resolves codes too); kept importable here.
__reexported__ = (NoPrefill, holder_from_resolved)

RECEIPT_PRINTER = "receipt"
A4_PRINTER = "a4"

class CodeResolver:
    """Resolves 居民码/企业码 online, or verifies them offline for pickups.

    Args:
        session: a signed session of this device (``sync.auth.DeviceAuth``).
        base_url: the gateway.
        offline: the offline verifier (synced keys, local replay journal).
    """

    def __init__(
        self, *, session: requests.Session, base_url: str, offline: OfflineVerifier
    ) -> None:
        self._session = session
        self._base_url = base_url
        self._offline = offline
        self._lock = threading.Lock()  # one requests.Session, several pool threads

    def resolve(self, text: str, *, purpose: str = "case") -> ResolvedIdentity:
        """Online resolution: identity and e-licences.

        Raises:
            CodeRefused: malformed, expired, forged, replayed, revoked …
            Offline: the gateway cannot be reached.
        """
        with self._lock:
            return resolve_online(self._session, self._base_url, text, purpose=purpose)

    def verify_offline(self, text: str) -> VerifiedCode:
        """Offline acceptance for the low-risk pickup (once per code on this terminal)."""
        return self._offline.verify(text, purpose="pickup")


class ResultDocuments:
    """Result documents (PDF) named in pickup records, fetched once and kept.

    The platform stores the document on the gateway as a blob and names it in the
    result (``document_sha256``); the kiosk fetches it with its device credential and
    keeps it in ``<data>/results`` so a reprint works offline.

    Args:
        session: a signed session of this device.
        base_url: the gateway.
        folder: where fetched documents are kept.
    """

    def __init__(self, *, session: requests.Session, base_url: str, folder: Path) -> None:
        self._session = session
        self._base_url = base_url.rstrip("/")
        self._folder = folder
        self._lock = threading.Lock()

    def fetch(self, offer: PickupOffer) -> bytes:
        """The offer's result document.

        Raises:
            UserFacingError: the platform sent no electronic document for it.
            Offline: not kept here and the gateway cannot be reached.
        """
        digest = str((offer.result or {}).get("document_sha256") or "")
        if len(digest) != 64:  # noqa: PLR2004 - hex sha256
            raise UserFacingError(
                msg("该结果的电子文书尚未送达本终端，暂时无法自助打印，请到出件窗口领取"),
                code="pickup.no_document",
            )
        kept = self._folder / f"{digest}.pdf"
        if kept.exists():
            return kept.read_bytes()
        try:
            with self._lock:
                r = self._session.get(f"{self._base_url}/v1/blobs/{digest}", timeout=(5, 30))
        except requests.RequestException as exc:
            raise Offline(msg("网络中断，暂时无法取得结果文书，请稍后再试")) from exc
        if r.status_code != 200:  # noqa: PLR2004 - HTTP OK
            raise Offline(msg("暂时无法取得结果文书，请稍后再试或到出件窗口领取"))
        data = r.content
        if hashlib.sha256(data).hexdigest() != digest:
            raise EnvironmentProblem(msg("结果文书传输不完整，请稍后再试"))
        self._folder.mkdir(parents=True, exist_ok=True)
        kept.write_bytes(data)
        return data


HALL_NOT_KNOWN = msg("尚未获取本大厅信息，暂时无法办理，请稍后再试或联系工作人员")
"""Why citizen services wait on a terminal whose first sync has not brought its hall."""


@dataclass(kw_only=True)
class _ServiceParts:
    store: Store
    cases: CaseRepository
    pickups: PickupLedger
    codes: CodeResolver
    results: ResultDocuments
    papers: PaperMaker
    print_queue: PrintQueue
    health: HealthBoard
    calendar: WorkingCalendar
    clock: Clock
    items: Callable[[Audience], list[ServiceItem]]
    hall: Hall | None = None
    hall_id: str = ""
    locker: Locker | None = None
    sync_now: Callable[[], None] = lambda: None
    online: Callable[[], bool] = lambda: True
    code_attempts: CodeAttempts | None = None
    locker_close_timeout: float = 120.0
    receipt_printer: str = RECEIPT_PRINTER
    a4_printer: str = A4_PRINTER
    _sessions: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def __post_init__(self) -> None:
        """Declared here so the generated ``__init__`` calls the subclass's version.

        :class:`KioskServices` is not itself a dataclass (its ``hall`` is a property),
        and a dataclass only calls a ``__post_init__`` it had when it was decorated.
        """


class KioskServices(_ServiceParts):
    """Everything the citizen-service screens need (built by the composition root).

    Attributes:
        store: the terminal's store.
        cases: local cases (provisional numbers, outbox in one transaction).
        pickups: one-time pickup claims.
        codes: 居民码/企业码 resolution.
        results: result documents for self-print.
        papers: lays out receipts, slips and progress sheets.
        print_queue: durable printing.
        health: device health (printer paper, locker, network) for staff.
        hall: this hall (papers print its name and phone). Given, or read from the
            synced ``halls`` stream on first use by ``hall_id``: a terminal whose first
            sync has not brought its hall yet offers its services once it has, without
            a restart (see :meth:`hall_known`).
        hall_id: this hall's id, for the lazy read.
        calendar: the working-day calendar.
        clock: the hall clock.
        items: this hall's kiosk-enabled items for an audience (cached after first use).
        locker: the pickup lockers, or None.
        sync_now: asks the sync engine to push and pull now (after a submission).
        online: whether the gateway was reachable at the last exchange.
        code_attempts: wrong pickup codes on this kiosk (shared by every session).
        locker_close_timeout: seconds to wait for a locker door to be closed.
    """

    _known_hall: Hall | None = None
    _hall_lock = threading.Lock()  # one read of the cache at a time, for every instance

    def __post_init__(self) -> None:
        if self.code_attempts is None:
            self.code_attempts = CodeAttempts(clock=self.clock)
        if self._known_hall is not None:
            self.hall_id = self.hall_id or self._known_hall.id
        elif not self.hall_id:
            raise ValueError("KioskServices needs the hall or its id")

    @property  # type: ignore[override]  # the field is the given hall; this reads it lazily
    def hall(self) -> Hall:
        """This hall.

        Raises:
            Offline: the synced catalog does not hold this hall yet.
        """
        known = self._known_hall
        if known is not None:
            return known
        with self._hall_lock:
            if self._known_hall is None:
                doc = self.store.cached_doc("halls", self.hall_id)
                if doc is None:
                    raise Offline(HALL_NOT_KNOWN)
                self._known_hall = Hall.model_validate(doc)
                log.info("hall %s read from the synced catalog", self.hall_id)
            return self._known_hall

    @hall.setter
    def hall(self, value: Hall | None) -> None:
        self._known_hall = value

    def hall_known(self) -> bool:
        """Whether the hall is known now (given, or in the synced catalog)."""
        try:
            self.hall  # noqa: B018 - read for its effect: the lazy lookup
        except Offline:
            return False
        return True

    def next_session_id(self) -> str:
        """An actor id for one citizen's session (never a personal number)."""
        serial = next(self._sessions)
        return f"kiosk-session-{hall_date(self.clock.now()):%Y%m%d}-{serial}"


def hall_kiosk_items(store: Store, hall_id: str) -> Callable[[Audience], list[ServiceItem]]:
    """This hall's kiosk-enabled active items from the synced catalog, read once."""
    cache: dict[str, list[ServiceItem]] = {}
    lock = threading.Lock()

    def items(audience: Audience) -> list[ServiceItem]:
        with lock:
            if "all" not in cache:
                found = []
                for doc in store.cached_docs("items"):
                    if not doc.get("kiosk_enabled") or doc.get("status") == "withdrawn":
                        continue
                    if hall_id not in (doc.get("hall_ids") or ()):
                        continue
                    try:
                        found.append(ServiceItem.model_validate(doc))
                    except ValueError:
                        log.warning("cached item %s does not validate; skipped", doc.get("id"))
                found.sort(key=lambda i: -i.popularity)
                if not found:
                    return []  # nothing synced yet: read again next time
                cache["all"] = found
            return [i for i in cache["all"] if audience in i.audience]

    return items
