"""Local cases in ``journal.db``: numbering, saving with outbox events, platform status.

A terminal keeps every case it received (``cases``: one row per case, the whole
:class:`core.case.CaseRecord` as JSON plus the columns lists need). Rules:

- **Provisional numbers** ``T{terminal}-{yyyymmdd}-{n}`` are allocated from a counter
  row per terminal and hall day, in the same transaction that inserts the case: a
  case that fails to build gives its number back, so numbers are gapless per day and
  survive restarts (:meth:`CaseRepository.create`).
- **Saving a change** writes the record, its ``case.submitted`` or
  ``case.transition_requested`` outbox events and one audit entry per decision in one
  transaction (:meth:`CaseRepository.save`). A case is submitted once, with the last
  state a submission may carry (a window submits its acceptance outcome directly);
  later steps are transition requests. The gateway only knows official numbers, so a
  request made before the official number arrived is *held* and goes to the outbox in
  the transaction that applies the number.
- **Platform status** (``case_status`` stream) is applied to local records: the
  official number, and state changes made by the back office, replayed as platform
  events. While the terminal still has unsent requests for a case, its own state
  stands (the gateway will answer those requests).
- **Pickups** (``pickups`` stream) are claimed locally before a result is printed or
  a locker opens, and confirmed with the ``pickup.collected`` event, so a result
  cannot be handed out twice even offline (:class:`PickupLedger`).
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from core.calendar import Countdown, WorkingCalendar
from core.case import (
    ACTION_NAMES,
    ROLES,
    TRANSITIONS,
    Action,
    Actor,
    Case,
    CaseEvent,
    CaseRecord,
    CaseState,
    Channel,
    Role,
    format_provisional,
)
from core.catalog import DeliveryMethod, ServiceItem
from core.clock import Clock, hall_date
from core.errors import IllegalTransition, NotPermitted, ValidationFailed, msg
from core.masking import mask_name
from core.pickup import CollectedPickup, PickupOffer
from sync.audit import AuditLog
from sync.protocol import (
    CaseSubmitted,
    CaseTransitionRequested,
    EventKind,
    PickupCollected,
)
from sync.store import Store, enqueue_event

log = logging.getLogger(__name__)

SUBMITTABLE_STATES: frozenset[CaseState] = frozenset(
    {
        CaseState.RECEIVED,
        CaseState.ACCEPTED,
        CaseState.ACCEPTED_PENDING,
        CaseState.ACCEPTED_ON_COMMITMENT,
        CaseState.CORRECTION_REQUESTED,
    }
)
"""States a first submission may carry (the gateway's ``SUBMITTABLE_STATES``)."""

PLATFORM_ACTOR_ID = "platform"

_WIRE_CHANNEL: Mapping[Channel, Literal["kiosk", "window", "mobile"]] = {
    Channel.KIOSK: "kiosk",
    Channel.WINDOW: "window",
    Channel.ONLINE: "mobile",
    Channel.PLATFORM: "window",
}


class CaseConflict(ValidationFailed):
    """The case changed in the store since it was loaded (another window saved it)."""


@dataclass(frozen=True, slots=True)
class CaseSummary:
    """One line of a case list (no personal data beyond the masked name)."""

    number: str
    official_number: str | None
    item_id: str
    situation_id: str
    state: CaseState
    channel: Channel
    clerk_id: str
    delivery: str
    day: _dt.date
    received_on: _dt.date | None
    applicant: str  # masked name
    submitted: bool

    @property
    def shown_number(self) -> str:
        return self.official_number or self.number


@dataclass(frozen=True, slots=True)
class CorrectionWarning:
    """A received case whose 一次性告知 deadline (5 working days) is near or past."""

    case: CaseSummary
    countdown: Countdown


@dataclass(frozen=True, slots=True)
class StatusApplied:
    """What :meth:`CaseRepository.apply_status` changed on one local case."""

    number: str
    official_number: str | None
    numbered: bool
    states: tuple[CaseState, ...]  # states moved through, in order
    released: int  # held transition requests sent to the outbox


@dataclass(frozen=True, slots=True)
class HallCase:
    """A case of this hall as the ``case_status`` stream tells it (no personal data
    beyond the masked name): one accepted at a kiosk or another window.

    Attributes:
        case_number: the official number.
        provisional_number: the number the accepting terminal gave it.
        delivery: the 出件方式 chosen at acceptance (``DeliveryMethod`` value).
        result: the published result (name, document number …), without any code.
        version: the gateway's version of the case.
    """

    case_number: str
    provisional_number: str
    item_id: str
    item_name: str
    state: CaseState
    state_label: str
    delivery: str
    applicant: str
    result: Mapping[str, Any]
    version: int
    updated_at: str

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> HallCase | None:
        """Read a ``case_status`` doc; ``None`` for one that cannot be read."""
        try:
            state = CaseState(str(doc.get("state")))
        except ValueError:
            return None
        number = str(doc.get("case_number") or "")
        if not number:
            return None
        result = doc.get("result")
        return cls(
            case_number=number,
            provisional_number=str(doc.get("provisional_number") or ""),
            item_id=str(doc.get("item_id") or ""),
            item_name=str(doc.get("item_name") or ""),
            state=state,
            state_label=str(doc.get("state_label") or state.value),
            delivery=str(doc.get("delivery") or ""),
            applicant=str(doc.get("applicant") or ""),
            result=dict(result) if isinstance(result, dict) else {},
            version=int(doc.get("version") or 0),
            updated_at=str(doc.get("updated_at") or ""),
        )

    @property
    def result_name(self) -> str:
        name = self.result.get("name")
        return name if isinstance(name, str) else ""


_COLUMNS = (
    "number, official_number, item_id, situation_id, state, channel, clerk_id, delivery,"
    " day, received_on, submitted, record"
)


def _summary(row: Sequence[Any]) -> CaseSummary:
    record = json.loads(row[11])
    return CaseSummary(
        number=row[0],
        official_number=row[1],
        item_id=row[2],
        situation_id=row[3],
        state=CaseState(row[4]),
        channel=Channel(row[5]),
        clerk_id=row[6],
        delivery=row[7],
        day=_dt.date.fromisoformat(row[8]),
        received_on=_dt.date.fromisoformat(row[9]) if row[9] else None,
        applicant=mask_name(str(record.get("applicant", {}).get("name", ""))),
        submitted=bool(row[10]),
    )


def _action_between(source: CaseState, target: CaseState) -> Action | None:
    for action, (sources, to) in TRANSITIONS.items():
        if to is target and source in sources:
            return action
    return None


class CaseRepository:
    """The terminal's cases.

    Args:
        store: the open store.
        audit: where decisions are recorded (same transaction as the case).
        terminal_id: this terminal's id, the ``T…`` part of provisional numbers.
        clock: the hall clock (numbers use the hall's date).
    """

    def __init__(self, *, store: Store, audit: AuditLog, terminal_id: str, clock: Clock) -> None:
        format_provisional(terminal_id, _dt.date(2000, 1, 1), 1)  # validates the id
        self._store = store
        self._audit = audit
        self._terminal = terminal_id
        self._clock = clock

    # ---- creating and saving --------------------------------------------------------

    def create(
        self,
        build: Callable[[str], Case],
        *,
        delivery: DeliveryMethod,
        form: Mapping[str, Any] | None = None,
        attachments: Sequence[str] = (),
        ticket_number: str = "",
    ) -> Case:
        """Allocate the next provisional number and save the case ``build`` makes with it.

        ``build`` runs inside the transaction: if it raises (a rule was broken), nothing
        is saved and the number is not used up.

        Args:
            build: makes the case from its number (``Case.open`` and whatever steps
                were taken at once: marks, receipt, the outcome).
            delivery: how the applicant wants the result (出件方式).
            form: the application form's fields, sent with the submission.
            attachments: sha256 of digitised materials already uploaded as blobs.
            ticket_number: the 取号 ticket the case is taken in under (一号办到底);
                ``case.submitted`` names it and the gateway links the two.
        """
        day = hall_date(self._clock.now())
        with self._store.local_change() as conn:
            name = f"case_serial:{self._terminal}:{day:%Y%m%d}"
            conn.execute(
                "INSERT INTO counters (name, value) VALUES (?, 0) ON CONFLICT (name) DO NOTHING",
                (name,),
            )
            serial = conn.execute(
                "UPDATE counters SET value = value + 1 WHERE name = ? RETURNING value", (name,)
            ).fetchone()[0]
            number = format_provisional(self._terminal, day, int(serial))
            case = build(number)
            if case.record.number != number:
                raise ValueError("the built case does not carry the allocated number")
            if delivery not in case.item.delivery:
                raise ValidationFailed(msg("该事项不支持此出件方式"), code="case.delivery_method")
            now = self._store.clock().isoformat()
            conn.execute(
                f"INSERT INTO cases ({_COLUMNS}, event_count, created_at, updated_at)"
                " VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, NULL, 0, '{}', 0, ?, ?)",
                (
                    number,
                    case.record.item_id,
                    case.record.situation_id,
                    CaseState.DRAFT.value,
                    case.record.channel.value,
                    case.record.events[0].actor_id if case.record.channel is Channel.WINDOW else "",
                    delivery.value,
                    day.isoformat(),
                    now,
                    now,
                ),
            )
            self._write(conn, case, previous_count=0, form=form, attachments=attachments,
                        ticket_number=ticket_number)
        log.info("case %s created (%s)", number, case.state.value)
        return case

    def save(
        self,
        case: Case,
        *,
        form: Mapping[str, Any] | None = None,
        attachments: Sequence[str] = (),
        ticket_number: str = "",
    ) -> None:
        """Save the case's new events with their outbox events and audit entries.

        ``attachments`` (sha256 of blobs kept for the sync engine) go with the case's
        submission when this save submits it, otherwise with its last new step, so the
        engine uploads them before the gateway sees the step. ``ticket_number`` (the
        取号 ticket served) goes with the submission, when this save submits the case.

        Raises:
            CaseConflict: the stored case has events this one does not (it was changed
                elsewhere since it was loaded); reload and try again.
            ValidationFailed: the case is not in this store.
        """
        with self._store.local_change() as conn:
            row = conn.execute(
                "SELECT event_count FROM cases WHERE number = ?", (case.record.number,)
            ).fetchone()
            if row is None:
                raise ValidationFailed(msg("本机没有这个办件"), code="case.unknown")
            self._write(
                conn, case, previous_count=int(row[0]), form=form, attachments=attachments,
                ticket_number=ticket_number,
            )

    def _write(
        self,
        conn: sqlite3.Connection,
        case: Case,
        *,
        previous_count: int,
        form: Mapping[str, Any] | None,
        attachments: Sequence[str],
        ticket_number: str = "",
    ) -> None:
        record = case.record
        events = record.events
        if len(events) < previous_count:
            raise CaseConflict(
                msg("该办件已在其他窗口更新，请重新打开后再操作"), code="case.conflict"
            )
        stored = conn.execute(
            "SELECT record, submitted, official_number, last_outbox_seq FROM cases"
            " WHERE number = ?",
            (record.number,),
        ).fetchone()
        old_events = json.loads(stored[0]).get("events", []) if stored[0] != "{}" else []
        if previous_count and (
            len(old_events) != previous_count
            or CaseEvent.model_validate(old_events[-1]) != events[previous_count - 1]
        ):
            raise CaseConflict(
                msg("该办件已在其他窗口更新，请重新打开后再操作"), code="case.conflict"
            )
        new = events[previous_count:]
        submitted = bool(stored[1])
        official = stored[2] or record.official_number
        last_seq = stored[3]
        for event in new:
            self._audit_event(conn, event)
        outbox_seq, submitted = self._enqueue(
            conn, case, new, submitted=submitted, official=official, form=form,
            attachments=attachments, ticket_number=ticket_number,
        )
        conn.execute(
            "UPDATE cases SET state = ?, received_on = ?, event_count = ?, submitted = ?,"
            " last_outbox_seq = ?, record = ?, updated_at = ? WHERE number = ?",
            (
                record.state.value,
                record.received_on.isoformat() if record.received_on else None,
                len(events),
                int(submitted),
                outbox_seq if outbox_seq is not None else last_seq,
                record.model_dump_json(),
                self._store.clock().isoformat(),
                record.number,
            ),
        )

    def _audit_event(self, conn: sqlite3.Connection, event: CaseEvent) -> None:
        extra: dict[str, Any] = {
            "role": event.actor_role.value,
            "channel": event.channel.value,
            "from": event.from_state.value if event.from_state else "",
            "to": event.to_state.value,
        }
        approver = event.details.get("approver")
        approved_by = approver.get("id") if isinstance(approver, dict) else None
        signatures = event.details.get("signatures")
        if isinstance(signatures, list) and len(signatures) > 1:
            second = signatures[1]
            approved_by = second.get("id") if isinstance(second, dict) else approved_by
        reason = event.details.get("reason")
        self._audit.decided(
            event.actor_id,
            f"case:{event.case_number}",
            event.action.value,
            reason=reason if isinstance(reason, str) else "",
            approved_by=str(approved_by) if approved_by else None,
            details=extra,
            conn=conn,
        )

    def _enqueue(
        self,
        conn: sqlite3.Connection,
        case: Case,
        new: Sequence[CaseEvent],
        *,
        submitted: bool,
        official: str | None,
        form: Mapping[str, Any] | None,
        attachments: Sequence[str],
        ticket_number: str = "",
    ) -> tuple[int | None, bool]:
        """Outbox events for the new case events; returns (last seq, submitted)."""
        steps = [
            e
            for e in new
            if e.action is not Action.NUMBERED
            and e.actor_role is not Role.PLATFORM
            and e.from_state is not e.to_state
            and e.from_state is not None
        ]
        last_seq: int | None = None
        if not submitted:
            cut = max(
                (i for i, e in enumerate(steps) if e.to_state in SUBMITTABLE_STATES), default=-1
            )
            if cut < 0:
                return None, False  # still a draft, or withdrawn before it left the terminal
            last_seq = self._submit(
                conn, case, steps[cut], form=form, attachments=attachments,
                ticket_number=ticket_number,
            )
            submitted = True
            steps = steps[cut + 1 :]
            attachments = ()  # the submission carries them
        for index, event in enumerate(steps):
            request = _request_fields(event)
            if attachments and index == len(steps) - 1:
                # the files of this save belong to its last step (a 出件's signature)
                request["attachments"] = list(attachments)
            if official:
                last_seq = self._request(conn, official, request)
            else:
                conn.execute(
                    "INSERT INTO held_transitions (case_number, payload, created_at)"
                    " VALUES (?, ?, ?)",
                    (case.record.number, json.dumps(request, ensure_ascii=False),
                     self._store.clock().isoformat()),
                )
        return last_seq, submitted

    def _submit(
        self,
        conn: sqlite3.Connection,
        case: Case,
        event: CaseEvent,
        *,
        form: Mapping[str, Any] | None,
        attachments: Sequence[str],
        ticket_number: str = "",
    ) -> int:
        record = case.record
        delivery = conn.execute(
            "SELECT delivery FROM cases WHERE number = ?", (record.number,)
        ).fetchone()[0]
        materials = event.details.get("materials")
        payload = CaseSubmitted(
            provisional_number=record.number,
            item_id=record.item_id,
            situation_id=record.situation_id,
            state=event.to_state.value,
            channel=_WIRE_CHANNEL[record.channel],
            actor=event.actor_id if record.channel is Channel.WINDOW else "",
            delivery=delivery,
            applicant=record.applicant.model_dump(mode="json"),
            agent=record.agent.model_dump(mode="json") if record.agent else None,
            form=dict(form or {}),
            materials=[m for m in materials if isinstance(m, dict)]
            if isinstance(materials, list)
            else [m.model_dump(mode="json") for m in record.marks],
            attachments=list(attachments),
            ticket_number=ticket_number.strip().upper(),
        )
        out = enqueue_event(
            EventKind.CASE_SUBMITTED.value, payload.model_dump(mode="json"), conn=conn
        )
        return out.seq

    @staticmethod
    def _request(conn: sqlite3.Connection, official: str, request: Mapping[str, Any]) -> int:
        payload = CaseTransitionRequested(case_number=official, **request)
        out = enqueue_event(
            EventKind.CASE_TRANSITION_REQUESTED.value, payload.model_dump(mode="json"), conn=conn
        )
        return out.seq

    # ---- reading ------------------------------------------------------------------------

    def record(self, number: str) -> CaseRecord | None:
        """The stored record by provisional or official number."""
        with self._store.journal.read() as conn:
            row = conn.execute(
                "SELECT record FROM cases WHERE number = ? OR official_number = ?",
                (number, number),
            ).fetchone()
        if row is None or row[0] == "{}":
            return None
        return CaseRecord.model_validate_json(row[0])

    def load(
        self, number: str, *, item: ServiceItem, calendar: WorkingCalendar
    ) -> Case:
        """The case, ready for its next step.

        Raises:
            ValidationFailed: no such case on this terminal.
        """
        record = self.record(number)
        if record is None:
            raise ValidationFailed(msg("本机没有这个办件"), code="case.unknown")
        return Case(record=record, item=item, clock=self._clock, calendar=calendar)

    def list_cases(
        self,
        *,
        states: Iterable[CaseState] | None = None,
        clerk_id: str | None = None,
        day: _dt.date | None = None,
        limit: int = 500,
    ) -> list[CaseSummary]:
        """Cases by state, by clerk, by day (any combination), newest first."""
        sql = f"SELECT {_COLUMNS} FROM cases WHERE event_count > 0"
        args: list[Any] = []
        if states is not None:
            wanted = [s.value for s in states]
            sql += f" AND state IN ({', '.join('?' for _ in wanted)})"
            args += wanted
        if clerk_id is not None:
            sql += " AND clerk_id = ?"
            args.append(clerk_id)
        if day is not None:
            sql += " AND day = ?"
            args.append(day.isoformat())
        sql += " ORDER BY created_at DESC, number DESC LIMIT ?"
        args.append(limit)
        with self._store.journal.read() as conn:
            rows = conn.execute(sql, args).fetchall()
        return [_summary(r) for r in rows]

    def correction_warnings(
        self, calendar: WorkingCalendar, *, warn_within: int = 1
    ) -> list[CorrectionWarning]:
        """Received cases still waiting for their one outcome, most urgent first.

        The 一次性告知书 must be issued within 5 working days of receipt; every
        received case is listed with its countdown so the window client can colour it.
        """
        today = hall_date(self._clock.now())
        warnings = []
        for summary in self.list_cases(states=[CaseState.RECEIVED], limit=10_000):
            if summary.received_on is None:
                continue
            deadline = calendar.correction_deadline(summary.received_on)
            countdown = calendar.countdown(deadline, today, warn_within=warn_within)
            warnings.append(CorrectionWarning(case=summary, countdown=countdown))
        warnings.sort(key=lambda w: (w.countdown.deadline, w.case.number))
        return warnings

    def held_requests(self, number: str) -> int:
        """Transition requests waiting for the official number."""
        with self._store.journal.read() as conn:
            return int(
                conn.execute(
                    "SELECT COUNT(*) FROM held_transitions WHERE case_number = ?", (number,)
                ).fetchone()[0]
            )

    # ---- cases of the hall this terminal does not hold ----------------------------------

    def hall_cases(self, *, states: Iterable[CaseState] | None = None) -> list[HallCase]:
        """Cases of this hall known only from the ``case_status`` stream, oldest first.

        Cases accepted at a kiosk or another window show up here (their status is
        hall-scoped); cases this terminal holds are left out (:meth:`list_cases` has
        them), and so are cases with a step of this terminal still waiting to be
        answered by the gateway (:meth:`request_step`).
        """
        wanted = None if states is None else {s.value for s in states}
        with self._store.journal.read() as conn:
            held = {
                str(n)
                for row in conn.execute(
                    "SELECT number, official_number FROM cases WHERE event_count > 0"
                )
                for n in row
                if n
            }
            requested = self._open_requests(conn)
        out: list[HallCase] = []
        for doc in self._store.cached_docs("case_status"):
            case = HallCase.from_doc(doc)
            if case is None or (wanted is not None and case.state.value not in wanted):
                continue
            if {case.case_number, case.provisional_number} & held:
                continue
            if requested.get(case.case_number, case.state) is not case.state:
                continue  # a step of ours is on its way; the status has not caught up
            out.append(case)
        out.sort(key=lambda c: (c.updated_at, c.case_number))
        return out

    def hall_case(self, case_number: str) -> HallCase | None:
        """A case of this hall by its official number, from the ``case_status`` stream."""
        doc = self._store.cached_doc("case_status", case_number)
        return None if doc is None else HallCase.from_doc(doc)

    def request_step(
        self,
        case_number: str,
        *,
        action: Action,
        actor: Actor,
        reason: str = "",
        details: Mapping[str, Any] | None = None,
        attachments: Sequence[str] = (),
    ) -> int:
        """Ask the gateway to take a step on a case this terminal does not hold.

        The case is known from the hall's ``case_status`` stream (accepted at a kiosk
        or another window). The request goes to the outbox with its audit entry in one
        transaction; the gateway applies the rule book to the case as it stands there
        and answers per event (a refusal lands in the "needs attention" list). The
        checks here are the same rules against the cached state, so a clerk hears at
        once what the gateway would refuse.

        Args:
            case_number: the official number.
            action: the step (``Action.DELIVER`` at 统一出件).
            actor: who takes it (role and channel are sent).
            reason: what the gateway records with the step (``出件`` by default).
            details: further facts for the audit entry (method, waybill …).
            attachments: sha256 of blobs the step carries (uploaded first).

        Returns:
            The outbox sequence number of the request.

        Raises:
            ValidationFailed: no such case in this hall's status, or this terminal
                holds it (take the step on the case itself).
            IllegalTransition: the cached state does not allow the step.
            NotPermitted: the actor's role may not take it.
        """
        case = self.hall_case(case_number)
        if case is None:
            raise ValidationFailed(msg("本大厅没有这个办件编号"), code="case.unknown")
        if self.record(case.case_number) is not None or (
            case.provisional_number and self.record(case.provisional_number) is not None
        ):
            raise ValidationFailed(msg("本机保存有这个办件，请在办件上办理"), code="case.local")
        sources, target = TRANSITIONS[action]
        if case.state not in sources or target is None:
            raise IllegalTransition(
                msg(
                    "办件当前状态为“{state_label}”，不能“{action}”",
                    state_label=case.state_label,
                    action=ACTION_NAMES[action],
                ),
                code="case.illegal_transition",
                current=case.state.value,
            )
        if actor.role not in ROLES[action] or actor.role is Role.PLATFORM:
            raise NotPermitted(
                msg(
                    "“{role}”岗位不能“{action}”",
                    role=actor.role.value,
                    action=ACTION_NAMES[action],
                ),
                code="case.role",
            )
        text = (reason.strip() or ACTION_NAMES[action])[:200]
        payload = CaseTransitionRequested(
            case_number=case.case_number,
            to_state=target.value,
            action=action.value,
            role=actor.role.value,
            actor="" if actor.role is Role.APPLICANT else actor.id,
            reason=text,
            channel=_WIRE_CHANNEL[actor.channel],
            attachments=list(attachments),
        )
        with self._store.local_change() as conn:
            out = enqueue_event(
                EventKind.CASE_TRANSITION_REQUESTED.value,
                payload.model_dump(mode="json"),
                conn=conn,
            )
            self._audit.decided(
                actor,
                f"case:{case.case_number}",
                action.value,
                reason=text,
                details={
                    **(details or {}),
                    "from": case.state.value,
                    "to": target.value,
                    "status_version": case.version,
                },
                conn=conn,
            )
        log.info("case %s: %s requested (not held here)", case.case_number, action.value)
        return out.seq

    @staticmethod
    def _open_requests(conn: sqlite3.Connection) -> dict[str, CaseState]:
        """Case number → the state this terminal asked for, of every transition request
        the gateway has not refused (pending or answered): until the status shows that
        state, the case is not offered again; a refused request offers it again."""
        rows = conn.execute(
            "SELECT payload FROM outbox WHERE kind = ? AND state != 'rejected' ORDER BY seq",
            (EventKind.CASE_TRANSITION_REQUESTED.value,),
        ).fetchall()
        out: dict[str, CaseState] = {}
        for (raw,) in rows:
            payload = json.loads(raw)
            try:
                out[str(payload.get("case_number", ""))] = CaseState(str(payload["to_state"]))
            except (KeyError, ValueError):
                continue
        return out

    # ---- platform status -------------------------------------------------------------------

    def apply_status(self, docs: Iterable[Mapping[str, Any]] | None = None) -> list[StatusApplied]:
        """Apply ``case_status`` docs (the cached stream by default) to local cases.

        Idempotent: a doc already applied (same version) changes nothing.
        """
        source = self._store.cached_docs("case_status") if docs is None else docs
        applied: list[StatusApplied] = []
        for doc in source:
            provisional = str(doc.get("provisional_number") or "")
            if not provisional:
                continue
            with self._store.local_change() as conn:
                result = self._apply_one(conn, provisional, doc)
            if result is not None:
                applied.append(result)
        return applied

    def _apply_one(
        self, conn: sqlite3.Connection, number: str, doc: Mapping[str, Any]
    ) -> StatusApplied | None:
        row = conn.execute(
            "SELECT record, official_number, status_version, last_outbox_seq, event_count"
            " FROM cases WHERE number = ?",
            (number,),
        ).fetchone()
        if row is None or row[0] == "{}":
            return None  # another terminal's case
        record = CaseRecord.model_validate_json(row[0])
        official = str(doc.get("case_number") or "")
        version = int(doc.get("version") or 0)
        events = list(record.events)
        numbered = False
        if official and record.official_number is None:
            record = record.model_copy(update={"official_number": official})
            events.append(
                self._platform_event(
                    record,
                    sequence=len(events) + 1,
                    action=Action.NUMBERED,
                    source=record.state,
                    target=record.state,
                    at=_numbered_at(doc) or self._clock.now(),
                    details={"official_number": official, "provisional_number": record.number},
                )
            )
            numbered = True
        released = self._release_held(conn, number, official) if official else 0
        moved: list[CaseState] = []
        if version > int(row[2]) and not released and not self._unsent(conn, number, row[3]):
            record, events, moved = self._replay(record, events, doc)
            conn.execute(
                "UPDATE cases SET status_version = ? WHERE number = ?", (version, number)
            )
        if not numbered and not moved and not released:
            return None
        record = record.model_copy(update={"events": tuple(events)})
        conn.execute(
            "UPDATE cases SET official_number = ?, state = ?, event_count = ?, record = ?,"
            " updated_at = ? WHERE number = ?",
            (
                record.official_number,
                record.state.value,
                len(events),
                record.model_dump_json(),
                self._store.clock().isoformat(),
                number,
            ),
        )
        log.info("case %s: platform status applied (%d steps)", number, len(moved))
        return StatusApplied(
            number=number,
            official_number=record.official_number,
            numbered=numbered,
            states=tuple(moved),
            released=released,
        )

    def _release_held(self, conn: sqlite3.Connection, number: str, official: str) -> int:
        held = conn.execute(
            "SELECT id, payload FROM held_transitions WHERE case_number = ? ORDER BY id",
            (number,),
        ).fetchall()
        last = None
        for _, payload in held:
            last = self._request(conn, official, json.loads(payload))
        if held:
            conn.execute("DELETE FROM held_transitions WHERE case_number = ?", (number,))
            conn.execute(
                "UPDATE cases SET last_outbox_seq = ? WHERE number = ?", (last, number)
            )
        return len(held)

    @staticmethod
    def _unsent(conn: sqlite3.Connection, number: str, last_seq: int | None) -> bool:
        held = conn.execute(
            "SELECT 1 FROM held_transitions WHERE case_number = ? LIMIT 1", (number,)
        ).fetchone()
        if held is not None:
            return True
        if last_seq is None:
            return False
        row = conn.execute("SELECT state FROM outbox WHERE seq = ?", (last_seq,)).fetchone()
        return row is not None and row[0] == "pending"

    def _replay(
        self, record: CaseRecord, events: list[CaseEvent], doc: Mapping[str, Any]
    ) -> tuple[CaseRecord, list[CaseEvent], list[CaseState]]:
        """Move the local record along the platform's history, one event per step."""
        try:
            target = CaseState(str(doc.get("state")))
        except ValueError:
            log.warning("case %s: unknown platform state in status feed", record.number)
            return record, events, []
        if target is record.state:
            return record, events, []
        history: list[tuple[CaseState, _dt.datetime]] = []
        for h in doc.get("history") or []:
            try:
                history.append(
                    (CaseState(str(h["state"])), _dt.datetime.fromisoformat(str(h["at"])))
                )
            except (KeyError, TypeError, ValueError):
                continue
        states = [s for s, _ in history]
        start = (
            len(states) - 1 - states[::-1].index(record.state) if record.state in states else -1
        )
        steps = history[start + 1 :] if start >= 0 else [(target, self._clock.now())]
        moved: list[CaseState] = []
        for state, at in steps:
            action = _action_between(record.state, state)
            details: dict[str, Any] = {"source": "platform", "version": doc.get("version")}
            if action is None:
                # The platform is authoritative; record the jump as it reports it.
                log.warning(
                    "case %s: platform moved %s -> %s", record.number, record.state, state
                )
                details["jump"] = True
            if state is CaseState.RESULT_READY and isinstance(doc.get("result"), dict):
                details["result"] = doc["result"]
            events.append(
                self._platform_event(
                    record,
                    sequence=len(events) + 1,
                    action=action or Action.NUMBERED,
                    source=record.state,
                    target=state,
                    at=at,
                    details=details,
                )
            )
            record = record.model_copy(update={"state": state})
            moved.append(state)
        return record, events, moved

    @staticmethod
    def _platform_event(
        record: CaseRecord,
        *,
        sequence: int,
        action: Action,
        source: CaseState,
        target: CaseState,
        at: _dt.datetime,
        details: dict[str, Any],
    ) -> CaseEvent:
        return CaseEvent(
            case_number=record.number,
            sequence=sequence,
            action=action,
            from_state=source,
            to_state=target,
            actor_id=PLATFORM_ACTOR_ID,
            actor_role=Role.PLATFORM,
            channel=Channel.PLATFORM,
            terminal_id="",
            hall_id="",
            at=at,
            details=details,
        )


def _numbered_at(doc: Mapping[str, Any]) -> _dt.datetime | None:
    """When the platform gave the case its official number: its first history entry.

    The gateway numbers a case the moment it registers it, and that registration is
    the first row of the case's history. The terminal may learn the number much later
    (offline overnight) together with the states that followed; stamping the
    ``numbered`` event with the moment it was learnt put it after those states in time
    while it stands before them in the timeline (赋予正式办件编号 on 03-03 between two
    events of 03-02).
    """
    history = doc.get("history")
    if not isinstance(history, list) or not history:
        return None
    first = history[0]
    if not isinstance(first, Mapping):
        return None
    try:
        return _dt.datetime.fromisoformat(str(first["at"]))
    except (KeyError, TypeError, ValueError):
        return None


def _request_fields(event: CaseEvent) -> dict[str, Any]:
    """A ``case.transition_requested`` payload (without the official number) for an event.

    Carries what the gateway's rule book checks: the action and role, the reason and
    redress of a refusal, and the second signature (首席代表) of a rejection or a
    窗口办结.
    """
    fields: dict[str, Any] = {
        "to_state": event.to_state.value,
        "action": event.action.value,
        "role": event.actor_role.value,
        "actor": "" if event.actor_role is Role.APPLICANT else event.actor_id,
        "reason": _reason(event),
        "channel": _WIRE_CHANNEL[event.channel],
    }
    redress = event.details.get("redress")
    if isinstance(redress, str) and redress:
        fields["redress"] = redress
    approver = event.details.get("approver")
    signatures = event.details.get("signatures")
    if isinstance(signatures, list) and len(signatures) > 1:
        approver = signatures[1]
    if isinstance(approver, dict) and approver.get("id") and approver.get("role"):
        fields["approver"] = {"id": str(approver["id"]), "role": str(approver["role"])}
    return fields


def _reason(event: CaseEvent) -> str:
    reason = event.details.get("reason")
    text = reason if isinstance(reason, str) and reason else ACTION_NAMES[event.action]
    return text[:200]


# ---- pickups --------------------------------------------------------------------------


class PickupTaken(ValidationFailed):
    """The result was already collected (or is being handed out right now)."""


class PickupLedger:
    """Local claims on results awaiting self-service pickup.

    Args:
        store: the open store (``pickups`` stream in the cache, claims in the journal).
        audit: decisions and personal-data views go here.
    """

    def __init__(self, *, store: Store, audit: AuditLog) -> None:
        self._store = store
        self._audit = audit

    def offers(self) -> list[PickupOffer]:
        """Results of this hall waiting for pickup and not claimed on this terminal."""
        with self._store.journal.read() as conn:
            claimed = {r[0] for r in conn.execute("SELECT pickup_id FROM pickup_claims")}
        offers = []
        for doc in self._store.cached_docs("pickups"):
            try:
                offer = PickupOffer.from_doc(doc)
            except ValidationFailed:
                log.warning("malformed pickup doc in the cache; skipped")
                continue
            if offer.waiting and offer.pickup_id not in claimed:
                offers.append(offer)
        return offers

    def collected(self) -> list[CollectedPickup]:
        """Results of this hall already handed out, with when.

        Claimed or confirmed on this terminal (the claim's time: it came out here,
        perhaps offline), else marked collected by the gateway (its ``collected_at``).
        """
        with self._store.journal.read() as conn:
            local = {
                r[0]: r[1] or r[2]
                for r in conn.execute(
                    "SELECT pickup_id, collected_at, claimed_at FROM pickup_claims"
                )
            }
        found = []
        for doc in self._store.cached_docs("pickups"):
            try:
                offer = PickupOffer.from_doc(doc)
            except ValidationFailed:
                continue
            if offer.pickup_id in local:
                at = local[offer.pickup_id]
            elif not offer.waiting:
                at = doc.get("collected_at")
            else:
                continue
            found.append(CollectedPickup(offer=offer, at=_moment(at)))
        return found

    def claim(
        self,
        offer: PickupOffer,
        *,
        method: Literal["print", "locker"],
        verified_by: Literal["resident_code", "pickup_code"],
        actor: str,
    ) -> None:
        """Reserve the result before printing it or opening the locker.

        Raises:
            PickupTaken: already collected or claimed (on this terminal, even offline).
        """
        now = self._store.clock().isoformat()
        with self._store.local_change() as conn:
            row = conn.execute(
                "SELECT state FROM pickup_claims WHERE pickup_id = ?", (offer.pickup_id,)
            ).fetchone()
            cached = self._store.cached_doc("pickups", offer.pickup_id)
            if row is not None or (cached is not None and cached.get("state") != "waiting"):
                raise PickupTaken(
                    msg("该结果已被领取，不能重复领取，请联系窗口工作人员"),
                    code="pickup.already_collected",
                )
            conn.execute(
                "INSERT INTO pickup_claims (pickup_id, case_number, method, verified_by, state,"
                " claimed_at) VALUES (?, ?, ?, ?, 'dispensing', ?)",
                (offer.pickup_id, offer.case_number, method, verified_by, now),
            )
            self._audit.record(
                actor,
                "pickup.claimed",
                f"case:{offer.case_number}",
                {"pickup_id": offer.pickup_id, "method": method, "verified_by": verified_by},
                conn=conn,
            )

    def confirm(self, pickup_id: str, *, actor: str) -> int:
        """The result came out: mark it collected and queue ``pickup.collected``.

        Returns:
            the outbox seq of the event.

        Raises:
            ValidationFailed: nothing was claimed under this id.
        """
        now = self._store.clock().isoformat()
        with self._store.local_change() as conn:
            row = conn.execute(
                "SELECT case_number, method, verified_by, state FROM pickup_claims"
                " WHERE pickup_id = ?",
                (pickup_id,),
            ).fetchone()
            if row is None or row[3] != "dispensing":
                raise ValidationFailed(msg("没有待确认的取件"), code="pickup.not_claimed")
            payload = PickupCollected(pickup_id=pickup_id, method=row[1], verified_by=row[2])
            out = enqueue_event(
                EventKind.PICKUP_COLLECTED.value, payload.model_dump(mode="json"), conn=conn
            )
            conn.execute(
                "UPDATE pickup_claims SET state = 'collected', collected_at = ?, outbox_seq = ?"
                " WHERE pickup_id = ?",
                (now, out.seq, pickup_id),
            )
            self._audit.decided(
                actor, f"case:{row[0]}", "pickup", details={"pickup_id": pickup_id,
                                                            "method": row[1]}, conn=conn
            )
        return out.seq

    def release(self, pickup_id: str, *, actor: str, reason: str) -> None:
        """Printing or the locker failed before the result came out: free the claim."""
        with self._store.local_change() as conn:
            row = conn.execute(
                "SELECT case_number, state FROM pickup_claims WHERE pickup_id = ?", (pickup_id,)
            ).fetchone()
            if row is None or row[1] != "dispensing":
                return
            conn.execute("DELETE FROM pickup_claims WHERE pickup_id = ?", (pickup_id,))
            self._audit.record(
                actor, "pickup.released", f"case:{row[0]}",
                {"pickup_id": pickup_id, "reason": reason}, conn=conn,
            )

    def stuck(self) -> list[str]:
        """Claims left ``dispensing`` (a crash mid-pickup): staff must check them."""
        with self._store.journal.read() as conn:
            return [
                r[0]
                for r in conn.execute(
                    "SELECT pickup_id FROM pickup_claims WHERE state = 'dispensing'"
                    " ORDER BY claimed_at"
                )
            ]


def _moment(text: object) -> _dt.datetime | None:
    """An ISO 8601 time from the journal or a synced doc; ``None`` if absent or garbled."""
    if not isinstance(text, str) or not text:
        return None
    try:
        return _dt.datetime.fromisoformat(text)
    except ValueError:
        return None
