"""吐槽找茬 and 差评整改 on the gateway: one ticket list per hall.

Every ★1–2 evaluation that reached the gateway becomes a follow-up ticket by itself
(件件有回访、件件有整改、件件有记录, seed 003 §14); complaints a clerk takes by phone or
in person are added to the same list. The steps — call-back, rectification within 5
working days, the complainant's verdict, or a supervisor's close — follow the rules
of :class:`core.evaluation.FollowUps`, counted with the published holiday calendar.
Tickets live here, not on a window, so every window of the hall sees the same list.
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from core.calendar import WorkingCalendar
from core.case import Role, normalise_phone
from core.clock import HALL_TZ, hall_date
from core.errors import IllegalTransition, NotPermitted, UserFacingError, ValidationFailed, msg
from core.evaluation import (
    FOLLOW_UP_NAMES,
    RATING_NAMES,
    REASONS,
    RECTIFY_WORKING_DAYS,
    BadReviewFollowUp,
    FollowUps,
    FollowUpState,
    Rating,
)
from core.masking import mask_phone, scrub
from gateway.db import Tx
from gateway.help import Authenticate, json_response, refusal
from gateway.store import DeviceRecord, GatewayStore
from sync.protocol import canonical_json
from sync.stats_protocol import (
    ComplaintRequest,
    FollowUpBody,
    FollowUpList,
    FollowUpStepBody,
    FollowUpStepRequest,
)

log = logging.getLogger(__name__)

FOLLOWUP_SCHEMA = """
CREATE TABLE IF NOT EXISTS follow_ups (
    follow_up_id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    source TEXT NOT NULL,
    subject TEXT NOT NULL,
    level INTEGER NOT NULL,
    reasons TEXT NOT NULL,
    comment TEXT NOT NULL,
    channel TEXT NOT NULL,
    contact TEXT NOT NULL,
    clerk_id TEXT NOT NULL,
    item_name TEXT NOT NULL,
    raised_at DOUBLE PRECISION NOT NULL,
    state TEXT NOT NULL,
    doc TEXT NOT NULL,
    updated_at DOUBLE PRECISION NOT NULL
);
CREATE INDEX IF NOT EXISTS follow_ups_by_hall ON follow_ups (hall_id, state);
"""

CHANNEL_NAMES = {
    "kiosk": "自助终端评价",
    "window": "窗口评价器",
    "mobile": "网上/掌上评价",
    "phone": "电话投诉",
    "in_person": "现场投诉",
}
_COMPLAINT_SUBJECT = "大厅服务"
_COLUMNS = (
    "follow_up_id, source, subject, level, reasons, comment, channel, contact, clerk_id,"
    " item_name, raised_at, doc"
)


def hall_calendar(tx: Tx) -> WorkingCalendar:
    """The published holiday calendar (weekends only when none was published)."""
    docs = [
        json.loads(r[0])
        for r in tx.all(
            "SELECT doc FROM feed WHERE stream = 'holidays' AND scope = '' AND deleted = 0"
        )
        if r[0]
    ]
    try:
        return WorkingCalendar.from_dict({"years": docs})
    except ValidationFailed:
        log.warning("the published holiday calendar is unreadable; counting weekends only")
        return WorkingCalendar()


class FollowUpDesk:
    """Bad-review and complaint follow-up of every hall this gateway serves.

    Args:
        store: the gateway store (database and clock).
    """

    def __init__(self, *, store: GatewayStore) -> None:
        self._store = store
        store.db.script(FOLLOWUP_SCHEMA)

    def _rules(self, tx: Tx) -> FollowUps:
        return FollowUps(clock=self._store.clock, calendar=hall_calendar(tx))

    # ---------------------------------------------------------------- reading

    def tickets(self, hall_id: str, *, open_only: bool = False) -> FollowUpList:
        """The hall's tickets, most urgent first (new bad reviews are picked up first)."""
        with self._store.db.write() as tx:
            self._take_bad_reviews(tx, hall_id)
            rules = self._rules(tx)
            rows = tx.all(
                f"SELECT {_COLUMNS} FROM follow_ups WHERE hall_id = ? ORDER BY raised_at",
                (hall_id,),
            )
        items = [self._body(rules, r) for r in rows]
        if open_only:
            items = [i for i in items if i.state not in ("verified", "closed")]
        done = ("verified", "closed")
        items.sort(key=lambda i: (i.state in done, i.rectify_by, i.raised_at))
        return FollowUpList(items=items)

    def states(self, hall_id: str, start: float, end: float) -> dict[str, int]:
        """Tickets raised in ``[start, end)`` per follow-up state (for the statistics)."""
        with self._store.db.write() as tx:
            self._take_bad_reviews(tx, hall_id)
            rows = tx.all(
                "SELECT state, COUNT(*) FROM follow_ups WHERE hall_id = ? AND raised_at >= ?"
                " AND raised_at < ? GROUP BY state",
                (hall_id, start, end),
            )
        return {str(r[0]): int(r[1]) for r in rows}

    # ---------------------------------------------------------------- writing

    def add_complaint(self, device: DeviceRecord, request: ComplaintRequest) -> FollowUpBody:
        """吐槽找茬 taken at a window; the same ``complaint_id`` again returns the first.

        Raises:
            ValidationFailed: a reason not on the list, an unreadable phone number.
        """
        allowed = REASONS[Rating.VERY_DISSATISFIED]
        unknown = [r for r in request.reasons if r not in allowed]
        if unknown:
            raise ValidationFailed(
                msg("没有这些投诉原因：{unknown}", unknown="、".join(unknown)),
                code="complaint.reason",
            )
        if not request.comment:
            raise ValidationFailed(msg("请记录投诉的具体内容"), code="complaint.comment")
        phone = request.contact_phone
        contact = mask_phone(normalise_phone(phone)) if phone else ""
        subject = scrub(request.subject) or _COMPLAINT_SUBJECT
        with self._store.db.write() as tx:
            existing = tx.one(
                f"SELECT {_COLUMNS} FROM follow_ups WHERE follow_up_id = ?",
                (request.complaint_id,),
            )
            if existing is None:
                self._insert(
                    tx,
                    follow_up_id=request.complaint_id,
                    hall_id=device.hall_id,
                    source="complaint",
                    subject=subject,
                    level=int(Rating.VERY_DISSATISFIED),
                    reasons=list(request.reasons),
                    comment=scrub(request.comment),
                    channel=request.way,
                    contact=contact,
                    clerk_id=request.clerk_id,
                    at=self._store.now(),
                )
            row = tx.one(
                f"SELECT {_COLUMNS} FROM follow_ups WHERE follow_up_id = ?",
                (request.complaint_id,),
            )
            rules = self._rules(tx)
        assert row is not None
        log.info("complaint %s entered (%s)", request.complaint_id, request.way)
        return self._body(rules, row)

    def step(
        self, device: DeviceRecord, follow_up_id: str, request: FollowUpStepRequest
    ) -> FollowUpBody:
        """Apply one step with the rules of :class:`core.evaluation.FollowUps`.

        Raises:
            ValidationFailed: no such ticket in the hall, missing text, unknown role.
            IllegalTransition: the step does not follow from the current state.
            NotPermitted: a close by someone who is not 首席代表 or 管理员.
        """
        with self._store.db.write() as tx:
            row = tx.one(
                "SELECT hall_id, doc FROM follow_ups WHERE follow_up_id = ?", (follow_up_id,)
            )
            if row is None or row[0] != device.hall_id:
                raise ValidationFailed(msg("没有这条差评或投诉"), code="followup.unknown")
            rules = self._rules(tx)
            current = BadReviewFollowUp.model_validate_json(row[1])
            updated = self._apply(rules, current, request)
            tx.execute(
                "UPDATE follow_ups SET state = ?, doc = ?, updated_at = ? WHERE follow_up_id = ?",
                (updated.state.value, updated.model_dump_json(), self._store.now(), follow_up_id),
            )
            fresh = tx.one(
                f"SELECT {_COLUMNS} FROM follow_ups WHERE follow_up_id = ?", (follow_up_id,)
            )
        assert fresh is not None
        log.info("follow-up %s: %s -> %s", follow_up_id, request.step, updated.state.value)
        return self._body(rules, fresh)

    @staticmethod
    def _apply(
        rules: FollowUps, current: BadReviewFollowUp, request: FollowUpStepRequest
    ) -> BadReviewFollowUp:
        actor = scrub(request.actor_id)
        if request.step == "call_back":
            return rules.call_back(
                current, actor_id=actor, summary=request.text, reached=request.reached
            )
        if request.step == "rectify":
            return rules.rectify(current, actor_id=actor, measures=request.text)
        if request.step == "verdict":
            return rules.verdict(
                current, actor_id=actor, satisfied=request.satisfied, note=request.text
            )
        try:
            role = Role(request.role)
        except ValueError:
            raise NotPermitted(msg("未知的岗位"), code="followup.close_role") from None
        return rules.close(current, actor_id=actor, role=role, reason=request.text)

    # ---------------------------------------------------------------- internals

    def _take_bad_reviews(self, tx: Tx, hall_id: str) -> None:
        rows = tx.all(
            "SELECT e.event_id, e.case_number, e.level, e.payload, e.at FROM evaluations e"
            " WHERE e.hall_id = ? AND e.level <= 2 AND NOT EXISTS"
            " (SELECT 1 FROM follow_ups f WHERE f.follow_up_id = e.event_id)",
            (hall_id,),
        )
        for event_id, case_number, level, payload, at in rows:
            data: dict[str, Any] = json.loads(payload)
            item = tx.one(
                "SELECT item_name FROM cases WHERE case_number = ?", (case_number or "",)
            )
            self._insert(
                tx,
                follow_up_id=event_id,
                hall_id=hall_id,
                source="evaluation",
                subject=case_number or str(data.get("ticket_number") or "") or "未关联办件",
                level=int(level),
                reasons=[str(r) for r in data.get("reasons") or []],
                comment=scrub(str(data.get("comment") or "")),
                channel=str(data.get("channel") or "kiosk"),
                contact="",
                clerk_id=str(data.get("clerk_id") or ""),
                item_name=str(item[0]) if item else "",
                at=float(at),
            )
            log.info("bad review %s opened a follow-up", event_id)

    def _insert(  # noqa: PLR0913 - the ticket row's columns
        self,
        tx: Tx,
        *,
        follow_up_id: str,
        hall_id: str,
        source: str,
        subject: str,
        level: int,
        reasons: list[str],
        comment: str,
        channel: str,
        contact: str,
        clerk_id: str,
        at: float,
        item_name: str = "",
    ) -> None:
        opened = hall_date(_dt.datetime.fromtimestamp(at, HALL_TZ))
        calendar = hall_calendar(tx)
        follow_up = BadReviewFollowUp(
            evaluation_id=follow_up_id,
            subject=subject,
            opened_on=opened,
            rectify_by=calendar.add_working_days(opened, RECTIFY_WORKING_DAYS),
        )
        tx.execute(
            "INSERT INTO follow_ups (follow_up_id, hall_id, source, subject, level, reasons,"
            " comment, channel, contact, clerk_id, item_name, raised_at, state, doc, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                follow_up_id,
                hall_id,
                source,
                subject,
                level,
                canonical_json({"r": reasons}).decode(),
                comment,
                channel,
                contact,
                clerk_id,
                item_name,
                at,
                follow_up.state.value,
                follow_up.model_dump_json(),
                self._store.now(),
            ),
        )

    @staticmethod
    def _body(rules: FollowUps, row: Any) -> FollowUpBody:
        follow_up = BadReviewFollowUp.model_validate_json(row[11])
        countdown = rules.countdown(follow_up)
        level = int(row[3])
        return FollowUpBody(
            follow_up_id=row[0],
            source=row[1],
            subject=row[2],
            level=level,
            reasons=list(json.loads(row[4]).get("r", [])),
            comment=row[5],
            channel=CHANNEL_NAMES.get(row[6], row[6]),
            contact=row[7],
            clerk_id=row[8],
            item_name=row[9],
            raised_at=_dt.datetime.fromtimestamp(float(row[10]), HALL_TZ),
            state=follow_up.state.value,
            state_name=FOLLOW_UP_NAMES[follow_up.state],
            round=follow_up.round,
            opened_on=follow_up.opened_on,
            rectify_by=follow_up.rectify_by,
            rectified_late=follow_up.rectified_late,
            countdown=countdown.label() if countdown else "",
            warning="" if countdown is None or countdown.urgency.value == "ok"
            else countdown.urgency.value,
            steps=[
                FollowUpStepBody(
                    state=s.state.value,
                    state_name=FOLLOW_UP_NAMES[s.state],
                    at=s.at,
                    actor_id=s.actor_id,
                    note=s.note,
                )
                for s in follow_up.steps
            ],
        )


RATING_LABELS = {int(r): name for r, name in RATING_NAMES.items()}
DONE_STATES = frozenset({FollowUpState.VERIFIED.value, FollowUpState.CLOSED.value})


def install_followup_routes(
    app: FastAPI, desk: FollowUpDesk, *, authenticate: Authenticate
) -> None:
    """Add ``/v1/followups`` (list, complaints, steps)."""

    async def run(fn: Any) -> Response:
        try:
            return json_response(await run_in_threadpool(fn))
        except UserFacingError as exc:
            return refusal(exc, conflict=(IllegalTransition,))

    @app.get("/v1/followups", response_model=FollowUpList, tags=["followups"])
    async def list_followups(request: Request, open_only: bool = Query(default=False)) -> Response:
        """The hall's bad reviews and complaints with their follow-up, most urgent first."""
        device, _ = await authenticate(request)
        return await run(lambda: desk.tickets(device.hall_id, open_only=open_only))

    @app.post("/v1/followups/complaints", response_model=FollowUpBody, tags=["followups"])
    async def complaint(request: Request) -> Response:
        """吐槽找茬 taken by a clerk; idempotent per ``complaint_id``."""
        device, raw = await authenticate(request)
        body = ComplaintRequest.model_validate_json(raw)
        return await run(lambda: desk.add_complaint(device, body))

    @app.post("/v1/followups/{follow_up_id}/steps", response_model=FollowUpBody, tags=["followups"])
    async def step(request: Request, follow_up_id: str) -> Response:
        """回访 / 整改 / 评价人意见 / 关闭."""
        device, raw = await authenticate(request)
        body = FollowUpStepRequest.model_validate_json(raw)
        return await run(lambda: desk.step(device, follow_up_id, body))
