"""The link to the provincial platform (一体化政务服务平台), and its simulator.

The gateway forwards accepted cases upstream and brings back what the back office
decided (后台分类审批). :class:`Upstream` is the small interface; the real adapter for
a province is a separate implementation of it. :class:`ReviewSimulator` plays the
back office for tests and demos: on a configurable schedule it moves cases through
review, approves them and issues a result record — the result's name and issuer come
from the item, its document carries a GB/T 36904 e-licence identifier with a valid
check character.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import logging
from dataclasses import dataclass
from typing import Protocol

from core.clock import HALL_TZ, Clock
from core.elicence import make_identifier
from core.identifiers import uscc_check_char
from gateway.cases import CaseBook, CaseRecord
from gateway.store import GatewayStore
from sync.protocol import Stream

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class UpstreamDecision:
    """One status change decided upstream for a case."""

    case_number: str
    to_state: str
    reason: str = ""
    result: dict[str, object] | None = None


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
            result = self._result(case) if target == "result_ready" else None
            due.append(UpstreamDecision(case.case_number, target, reason, result))
        return due

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
        halls: set[str] = set()
        with self._store.db.write() as tx:
            for decision in decisions:
                record = self._cases.get(tx, decision.case_number)
                # Changed since upstream was asked (another gateway process applied the
                # same decision, or a terminal moved it): ask again next round.
                if record is None or record.version != asked.get(decision.case_number):
                    continue
                item = self._store.live_doc(tx, Stream.ITEMS, "", record.item_id) or {}
                result = decision.result
                if result is not None:
                    result = {
                        **result,
                        "name": item.get("result_name") or result["name"],
                        "type": item.get("result_type", ""),
                        "issuer": item.get("department") or result.get("issuer", ""),
                    }
                self._cases.transition(
                    tx,
                    decision.case_number,
                    decision.to_state,
                    actor="upstream",
                    channel="platform",
                    device_id="",
                    reason=decision.reason,
                    result=result,
                )
                halls.add(record.hall_id)
        if decisions:
            log.info("upstream moved %d cases", len(decisions))
        return halls
