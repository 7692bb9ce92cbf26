"""The link to the provincial platform (一体化政务服务平台), and its simulator.

The gateway forwards accepted cases upstream and brings back what the back office
decided (后台分类审批). :class:`Upstream` is the small interface; the real adapter for
a province is a separate implementation of it. :class:`ReviewSimulator` plays the
back office for tests and demos: on a configurable schedule it moves cases through
review, approves them and issues a result record — the result's name and issuer come
from the item, its document carries a GB/T 36904 e-licence identifier with a valid
check character, and the document itself: a one-page PDF (:mod:`gateway.results_docs`)
stored as a blob and named by its sha256 in the result (``document_sha256``), which is
what a kiosk fetches for 24-hour self-service printing.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from core.clock import HALL_TZ, Clock
from core.elicence import make_identifier
from core.errors import EnvironmentProblem
from core.identifiers import uscc_check_char
from gateway.cases import CaseBook, CaseRecord
from gateway.results_docs import render_result_document
from gateway.store import GatewayStore
from sync.protocol import Stream

log = logging.getLogger(__name__)


DocumentRenderer = Callable[[Mapping[str, Any]], bytes]
"""Lays out a result document (PDF) from the gateway's completed result record."""


@dataclass(frozen=True, slots=True)
class UpstreamDecision:
    """One status change decided upstream for a case.

    Attributes:
        case_number: the case.
        to_state: its new state.
        reason: why (shown in the case history).
        result: the result record when the result is ready.
        document: the result document (PDF) the platform sent with it, if any.
        render_document: for a back office that makes the document from the final
            record (the simulator): called by the pump with the result completed from
            the catalog, so the page and the pickup record name the same result.
    """

    case_number: str
    to_state: str
    reason: str = ""
    result: dict[str, object] | None = None
    document: bytes | None = None
    render_document: DocumentRenderer | None = None


class Upstream(Protocol):
    """The provincial platform, as the gateway sees it."""

    def decisions(self, cases: list[CaseRecord]) -> list[UpstreamDecision]:
        """What the back office decided about ``cases`` (open cases of the gateway)."""
        ...


@dataclass(frozen=True, slots=True)
class ReviewSchedule:
    """How long the simulated back office takes at each step."""

    accept_after: _dt.timedelta = _dt.timedelta(minutes=10)  # received → accepted (预审)
    review_after: _dt.timedelta = _dt.timedelta(minutes=30)  # accepted* → in_review
    decide_after: _dt.timedelta = _dt.timedelta(hours=2)  # in_review → approved
    issue_after: _dt.timedelta = _dt.timedelta(minutes=30)  # approved → result_ready


# A licence-type code of a defining department (USCC + 3 digits) and an issuer USCC,
# both with valid check characters, for the simulator's result documents.
_TYPE_BASE = "11370000MB2851041"  # 山东省大数据局-style organisation code (synthetic)
_ISSUER_BASE = "11371000MB2858793"  # 威海市行政审批服务局-style (synthetic)


class ReviewSimulator:
    """A deterministic back office: every open case advances once its step is due.

    Args:
        clock: the time source (a fake clock in tests).
        schedule: how long each step takes.
    """

    def __init__(self, *, clock: Clock, schedule: ReviewSchedule | None = None) -> None:
        self._clock = clock
        self._schedule = schedule or ReviewSchedule()
        self._type_code = _TYPE_BASE + uscc_check_char(_TYPE_BASE) + "001"
        self._issuer = _ISSUER_BASE + uscc_check_char(_ISSUER_BASE)

    def decisions(self, cases: list[CaseRecord]) -> list[UpstreamDecision]:
        now = self._clock.now().timestamp()
        due: list[UpstreamDecision] = []
        s = self._schedule
        steps = {
            "received": ("accepted", s.accept_after, "后台预审通过"),
            "accepted": ("in_review", s.review_after, "进入审查"),
            "accepted_pending": ("in_review", s.review_after, "进入审查（容缺）"),
            "accepted_on_commitment": ("in_review", s.review_after, "进入审查（告知承诺）"),
            "in_review": ("approved", s.decide_after, "审查通过"),
            "approved": ("result_ready", s.issue_after, "结果已制作"),
        }
        for case in cases:
            step = steps.get(case.state)
            if step is None or now - case.updated_at < step[1].total_seconds():
                continue
            target, _, reason = step
            if target == "result_ready":
                due.append(
                    UpstreamDecision(
                        case.case_number,
                        target,
                        reason,
                        self._result(case),
                        render_document=self._renderer(case),
                    )
                )
            else:
                due.append(UpstreamDecision(case.case_number, target, reason))
        return due

    def _renderer(self, case: CaseRecord) -> DocumentRenderer:
        decided = self._clock.now().astimezone(HALL_TZ)
        applicant = case.payload.get("applicant") or {}
        name = str(applicant.get("name", "")) if isinstance(applicant, dict) else ""

        def render(result: Mapping[str, Any]) -> bytes:
            return render_result_document(
                case_number=case.case_number,
                item_name=case.item_name,
                applicant_name=name,
                result=result,
                decided_at=decided,
            )

        return render

    def _result(self, case: CaseRecord) -> dict[str, object]:
        issued = self._clock.now().astimezone(HALL_TZ)
        serial = hashlib.sha256(case.case_number.encode()).hexdigest()[:16].upper()
        digest = hashlib.sha256(f"{case.case_number}:{serial}".encode()).hexdigest()
        pickup_code = f"{int(digest[:8], 16) % 10**6:06d}"
        return {
            "name": case.payload.get("result_name") or case.item_name,
            "document_id": make_identifier(self._type_code, self._issuer, serial),
            "document_number": f"{case.case_number[:6]}{issued:%Y}{serial[:8]}",
            "issued_on": issued.date().isoformat(),
            "issuer": case.payload.get("department", ""),
            "pickup_code": pickup_code,
        }


class UpstreamPump:
    """Applies upstream decisions to the gateway's cases.

    Args:
        store: the gateway store.
        cases: the case book.
        upstream: the provincial platform adapter (or the simulator).
    """

    def __init__(self, *, store: GatewayStore, cases: CaseBook, upstream: Upstream) -> None:
        self._store = store
        self._cases = cases
        self._upstream = upstream

    def run_once(self) -> set[str]:
        """One round: ask upstream about open cases, apply what it decided.

        Returns:
            The halls whose case status changed (for waking long-polls).
        """
        open_states = (
            "received",
            "accepted",
            "accepted_pending",
            "accepted_on_commitment",
            "in_review",
            "approved",
        )
        marks = ",".join("?" * len(open_states))
        with self._store.db.read() as tx:
            numbers = [
                r[0]
                for r in tx.all(
                    f"SELECT case_number FROM cases WHERE state IN ({marks})"  # noqa: S608
                    " ORDER BY updated_at LIMIT 1000",
                    open_states,
                )
            ]
            records = [r for r in (self._cases.get(tx, n) for n in numbers) if r is not None]
        decisions = self._upstream.decisions(records)
        asked = {r.case_number: r.version for r in records}
        by_number = {r.case_number: r for r in records}
        # Results are completed and their documents made and stored before the write
        # transaction: laying out a PDF must not hold the gateway's writer.
        results = {
            d.case_number: self._complete(d, by_number[d.case_number])
            for d in decisions
            if d.result is not None and d.case_number in by_number
        }
        halls: set[str] = set()
        with self._store.db.write() as tx:
            for decision in decisions:
                record = self._cases.get(tx, decision.case_number)
                # Changed since upstream was asked (another gateway process applied the
                # same decision, or a terminal moved it): ask again next round.
                if record is None or record.version != asked.get(decision.case_number):
                    continue
                self._cases.transition(
                    tx,
                    decision.case_number,
                    decision.to_state,
                    actor="upstream",
                    channel="platform",
                    device_id="",
                    reason=decision.reason,
                    result=results.get(decision.case_number),
                )
                halls.add(record.hall_id)
        if decisions:
            log.info("upstream moved %d cases", len(decisions))
        return halls

    def _complete(self, decision: UpstreamDecision, record: CaseRecord) -> dict[str, Any]:
        """The decision's result with the catalog's name, type and issuer, and its document.

        The document is stored as a blob and named by ``document_sha256``; a result
        whose document cannot be made is still registered without one (the kiosk then
        sends the citizen to the window rather than printing nothing).
        """
        assert decision.result is not None
        with self._store.db.read() as tx:
            item = self._store.live_doc(tx, Stream.ITEMS, "", record.item_id) or {}
        result: dict[str, Any] = {
            **decision.result,
            "name": item.get("result_name") or decision.result["name"],
            "type": item.get("result_type", ""),
            "issuer": item.get("department") or decision.result.get("issuer", ""),
        }
        document = decision.document
        if document is None and decision.render_document is not None:
            try:
                document = decision.render_document(result)
            except EnvironmentProblem as exc:
                log.error("result document of %s not made: %s", record.case_number, exc)
        if document is not None:
            digest = hashlib.sha256(document).hexdigest()
            self._store.put_blob(digest, document)
            result["document_sha256"] = digest
        return result
