"""Cases on the gateway: official numbers, status authority, results awaiting pickup.

The gateway is authoritative for case status and official numbers (SYNC.md,
Authority). Every change is written to the ``cases`` table, appended to
``case_history`` and published to the hall's ``case_status`` feed in the caller's
transaction; a result ready for self-service pickup also appears in the hall's
``pickups`` feed.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import logging
import re
import secrets
from dataclasses import dataclass
from typing import Any

from core.case import ACTION_NAMES, ROLES, STATE_NAMES, TRANSITIONS, Action, CaseState, Role
from core.catalog import DeliveryMethod
from core.clock import HALL_TZ
from core.errors import IllegalTransition, NotPermitted, ValidationFailed, msg
from core.masking import mask_name, scrub
from gateway.db import Tx
from gateway.store import GatewayStore
from sync.protocol import CaseTransitionRequested, Stream, canonical_json

log = logging.getLogger(__name__)

DEFAULT_REGION_CODE = "371000"
"""威海市 administrative division code: the number prefix of halls without their own."""

STATE_LABELS: dict[str, str] = {state.value: name for state, name in STATE_NAMES.items()}

_ACCEPTED = ("accepted", "accepted_pending", "accepted_on_commitment")


def _next_states() -> dict[str, frozenset[str]]:
    """Target states reachable from each state, from the rule book in core.case."""
    reachable: dict[str, set[str]] = {state.value: set() for state in CaseState}
    for sources, target in TRANSITIONS.values():
        if target is None:  # numbering leaves the state as it is
            continue
        for source in sources:
            reachable[source.value].add(target.value)
    return {state: frozenset(targets) for state, targets in reachable.items()}


_NEXT = _next_states()

SUBMITTABLE_STATES = frozenset({"received", *_ACCEPTED, "correction_requested"})
"""States a terminal may report when it first submits a case (window outcomes)."""

_SELF_PICKUP = {DeliveryMethod.KIOSK_PRINT.value, DeliveryMethod.LOCKER.value}


def check_transition(current: str, target: str) -> None:
    """Raise :class:`IllegalTransition` unless ``current → target`` is allowed."""
    if target not in _NEXT:
        raise IllegalTransition(msg("未知的办件状态"), code="case.unknown_state", state=target)
    if target not in _NEXT.get(current, frozenset()):
        raise IllegalTransition(
            msg(
                "办件当前状态为“{current}”，不能变更为“{target}”",
                current=STATE_LABELS.get(current, current),
                target=STATE_LABELS[target],
            ),
            code="case.illegal_transition",
            current=current,
            target=target,
        )


TERMINAL_ROLES = frozenset({Role.CLERK, Role.ISSUER, Role.CHIEF, Role.ADMIN, Role.APPLICANT})
"""Roles a terminal may act in; 后台审批 and 平台 decisions come from the platform side."""

_NOT_REQUESTABLE = frozenset({Action.OPEN, Action.RECEIVE, Action.NUMBERED})
_NEEDS_REDRESS = frozenset({Action.REJECT, Action.DENY})


def _parse_action(request: CaseTransitionRequested) -> Action:
    try:
        action = Action(request.action)
    except ValueError:
        raise ValidationFailed(msg("未知的办件操作"), code="case.unknown_action") from None
    if action in _NOT_REQUESTABLE:
        raise ValidationFailed(
            msg("“{action}”不能由终端申请", action=ACTION_NAMES[action]),
            code="case.unknown_action",
        )
    target = TRANSITIONS[action][1]
    if target is None or request.to_state != target.value:
        raise ValidationFailed(
            msg("操作“{action}”与目标状态不一致", action=ACTION_NAMES[action]),
            code="case.action_mismatch",
        )
    return action


def _parse_role(request: CaseTransitionRequested, action: Action) -> Role:
    try:
        role = Role(request.role)
    except ValueError:
        raise NotPermitted(msg("未知的岗位"), code="case.role", role=request.role) from None
    if role not in TERMINAL_ROLES:
        raise NotPermitted(
            msg("“{role}”的决定只能由审批系统作出，终端不能提交", role=role.value),
            code="case.role_not_terminal",
        )
    if request.channel == "kiosk" and role is not Role.APPLICANT:
        raise NotPermitted(msg("自助终端只能以申请人身份操作"), code="case.role")
    if role not in ROLES[action]:
        raise NotPermitted(
            msg(
                "“{role}”岗位不能“{action}”",
                role=role.value,
                action=ACTION_NAMES[action],
            ),
            code="case.role",
            role=role.value,
            action=action.value,
        )
    if role is not Role.APPLICANT and not request.actor.strip():
        raise ValidationFailed(msg("请注明操作人（工作人员账号）"), code="actor.missing")
    for who in (request.actor, request.approver.id if request.approver else ""):
        if scrub(who) != who:
            raise ValidationFailed(msg("操作人标识不能使用身份证号码或手机号码"), code="actor.id")
    return role


def check_request(current: str, request: CaseTransitionRequested) -> tuple[Action, Role]:
    """Apply the rule book of :mod:`core.case` to a terminal's transition request.

    Checks, in order: the action exists and leads to ``to_state``; the case's current
    state is one the action starts from; the role is a terminal role allowed to take
    the action (a kiosk acts only as 申请人); 不予受理 carries a 首席代表's approval
    (窗口无否决权、否决权上移); 窗口办结 carries a second signature by a different
    首席代表; refusals state the reason and the rights of redress; withdrawals a reason.

    Raises:
        ValidationFailed: unknown or inconsistent action, missing reason or actor.
        IllegalTransition: not allowed from the current state (``params['current']``).
        NotPermitted: the role rules forbid it.
    """
    action = _parse_action(request)
    sources = TRANSITIONS[action][0]
    if current not in {s.value for s in sources}:
        label = STATE_LABELS.get(current, current)
        raise IllegalTransition(
            msg(
                "办件当前状态为“{label}”，不能“{action}”",
                label=label,
                action=ACTION_NAMES[action],
            ),
            code="case.illegal_transition",
            current=current,
            target=request.to_state,
        )
    role = _parse_role(request, action)
    approver = request.approver
    if action is Action.REJECT and (approver is None or approver.role != Role.CHIEF.value):
        raise NotPermitted(
            msg("窗口无否决权：不予受理须经首席代表审核同意"), code="case.reject_needs_chief"
        )
    if action is Action.DECIDE_AT_WINDOW and (
        approver is None
        or approver.role != Role.CHIEF.value
        or approver.id.strip() == request.actor.strip()
    ):
        raise NotPermitted(
            msg("窗口办结须经办人和首席代表两人签批"), code="case.needs_two_signatures"
        )
    if action in _NEEDS_REDRESS and not (request.reason.strip() and request.redress.strip()):
        raise ValidationFailed(
            msg("请写明理由，并告知申请人依法申请行政复议或者提起行政诉讼的权利"),
            code="case.reason",
        )
    if action is Action.WITHDRAW and not request.reason.strip():
        raise ValidationFailed(msg("请写明撤回原因"), code="case.withdraw_reason")
    return action, role


def number_prefix(hall_id: str) -> str:
    """The 6-digit division code a hall's case numbers start with."""
    match = re.match(r"^(\d{6})", hall_id)
    return match.group(1) if match else DEFAULT_REGION_CODE


@dataclass(frozen=True, slots=True)
class CaseRecord:
    case_number: str
    hall_id: str
    item_id: str
    item_name: str
    state: str
    version: int
    delivery: str
    payload: dict[str, Any]
    result: dict[str, Any] | None
    updated_at: float


def _iso(ts: float) -> str:
    return _dt.datetime.fromtimestamp(ts, HALL_TZ).isoformat(timespec="seconds")


class CaseBook:
    """Official numbering and status changes, always inside a caller's transaction.

    Args:
        store: the gateway store (feeds and clock).
    """

    def __init__(self, *, store: GatewayStore) -> None:
        self._store = store

    def next_number(self, tx: Tx, hall_id: str, at: float) -> str:
        """The next official case number of a hall: division code + date + 6 digits.

        ``37100020261121000123`` = 371000 (division) · 20261121 (Beijing date) ·
        000123 (sequence of that prefix on that day). The counter row is locked until
        the caller commits, so concurrent submits never share a number.
        """
        prefix = number_prefix(hall_id)
        day = _dt.datetime.fromtimestamp(at, HALL_TZ).strftime("%Y%m%d")
        name = f"case:{prefix}:{day}"
        tx.execute(
            "INSERT INTO counters (name, value) VALUES (?, 0) ON CONFLICT (name) DO NOTHING",
            (name,),
        )
        row = tx.one(
            "UPDATE counters SET value = value + 1 WHERE name = ? RETURNING value", (name,)
        )
        assert row is not None
        return f"{prefix}{day}{int(row[0]):06d}"

    def get(self, tx: Tx, case_number: str) -> CaseRecord | None:
        row = tx.one(
            "SELECT case_number, hall_id, item_id, item_name, state, version, delivery, payload,"
            " result, updated_at FROM cases WHERE case_number = ?",
            (case_number,),
        )
        if row is None:
            return None
        return CaseRecord(
            case_number=row[0],
            hall_id=row[1],
            item_id=row[2],
            item_name=row[3],
            state=row[4],
            version=int(row[5]),
            delivery=row[6],
            payload=json.loads(row[7]),
            result=json.loads(row[8]) if row[8] else None,
            updated_at=float(row[9]),
        )

    def submit(
        self,
        tx: Tx,
        *,
        hall_id: str,
        device_id: str,
        event_id: str,
        provisional_number: str,
        item_id: str,
        state: str,
        delivery: str,
        actor: str,
        channel: str,
        payload: dict[str, Any],
    ) -> CaseRecord:
        """Register a submitted case and give it its official number.

        Raises:
            ValidationFailed: the item is not in the published catalog, or the state
                is not one a submission may carry.
        """
        item = self._store.live_doc(tx, Stream.ITEMS, "", item_id)
        if item is None:
            raise ValidationFailed(
                msg("事项不在当前发布的事项清单中，请更新事项后重新提交"), code="case.unknown_item"
            )
        if item.get("status") == "withdrawn":
            raise ValidationFailed(msg("该事项已停止办理"), code="case.item_withdrawn")
        if state not in SUBMITTABLE_STATES:
            raise ValidationFailed(
                msg("提交的办件状态无效"), code="case.bad_initial_state", state=state
            )
        now = self._store.now()
        number = self.next_number(tx, hall_id, now)
        tx.execute(
            "INSERT INTO cases (case_number, hall_id, device_id, event_id, provisional_number,"
            " item_id, item_name, state, version, delivery, submitted_at, updated_at, payload)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)",
            (
                number,
                hall_id,
                device_id,
                event_id,
                provisional_number,
                item_id,
                item["name"],
                state,
                delivery,
                now,
                now,
                canonical_json(payload).decode(),
            ),
        )
        self._history(tx, number, 1, "draft", state, actor, channel, device_id, "", now)
        record = self.get(tx, number)
        assert record is not None
        self._publish(tx, record)
        return record

    def transition(
        self,
        tx: Tx,
        case_number: str,
        target: str,
        *,
        actor: str,
        channel: str,
        device_id: str,
        reason: str = "",
        result: dict[str, Any] | None = None,
    ) -> CaseRecord:
        """Move a case to ``target`` if its life cycle allows it.

        Raises:
            ValidationFailed: no such case.
            IllegalTransition: not allowed from the current state (``params`` carries
                ``current``).
        """
        record = self.get(tx, case_number)
        if record is None:
            raise ValidationFailed(msg("办件编号不存在"), code="case.unknown")
        check_transition(record.state, target)
        now = self._store.now()
        version = record.version + 1
        tx.execute(
            "UPDATE cases SET state = ?, version = ?, updated_at = ?,"
            " result = COALESCE(?, result) WHERE case_number = ?",
            (
                target,
                version,
                now,
                canonical_json(result).decode() if result is not None else None,
                case_number,
            ),
        )
        self._history(
            tx, case_number, version, record.state, target, actor, channel, device_id, reason, now
        )
        updated = self.get(tx, case_number)
        assert updated is not None
        self._publish(tx, updated)
        if target == "result_ready" and updated.delivery in _SELF_PICKUP:
            self._publish_pickup(tx, updated)
        log.info("case %s: %s → %s", case_number, record.state, target)
        return updated

    def request_transition(
        self, tx: Tx, request: CaseTransitionRequested, *, hall_id: str, device_id: str
    ) -> CaseRecord:
        """A terminal's transition request, checked against the role rules first.

        Raises:
            ValidationFailed: no such case in this hall, or a rule of
                :func:`check_request` (also ``case.not_decidable`` for 窗口办结 of an
                item that may not be decided at the window).
            IllegalTransition: not allowed from the current state.
            NotPermitted: the role rules forbid it.
        """
        record = self.get(tx, request.case_number)
        if record is None or record.hall_id != hall_id:
            raise ValidationFailed(msg("本大厅没有这个办件编号"), code="case.unknown")
        action, role = check_request(record.state, request)
        if action is Action.DECIDE_AT_WINDOW:
            item = self._store.live_doc(tx, Stream.ITEMS, "", record.item_id) or {}
            if not item.get("window_decidable"):
                raise ValidationFailed(
                    msg("该事项不能在窗口直接办结，请推送后台审批"), code="case.not_decidable"
                )
        actor = f"{request.actor.strip() or '申请人'}（{role.value}）"
        reason = request.reason.strip()
        if request.redress.strip():
            reason = f"{reason}；救济途径：{request.redress.strip()}"
        if request.approver is not None:
            reason = f"{reason}；审核：{request.approver.id}（{request.approver.role}）".lstrip(
                "；"
            )
        return self.transition(
            tx,
            request.case_number,
            request.to_state,
            actor=actor,
            channel=request.channel,
            device_id=device_id,
            reason=reason,
        )

    def collect_pickup(self, tx: Tx, pickup_id: str, hall_id: str, device_id: str) -> str:
        """Mark a result as picked up; returns the case number.

        Raises:
            ValidationFailed: unknown pickup, another hall's, or already collected.
        """
        row = tx.one(
            "SELECT case_number, hall_id, state, collected_at FROM pickups WHERE pickup_id = ?",
            (pickup_id,),
        )
        if row is None or row[1] != hall_id:
            raise ValidationFailed(msg("取件记录不存在"), code="pickup.unknown")
        if row[2] != "waiting":
            raise ValidationFailed(
                msg("该结果已被领取，不能重复领取，请联系窗口工作人员"),
                code="pickup.already_collected",
                collected_at=row[3],
            )
        now = self._store.now()
        tx.execute(
            "UPDATE pickups SET state = 'collected', collected_at = ?, collected_by = ?"
            " WHERE pickup_id = ?",
            (now, device_id, pickup_id),
        )
        doc = self._store.live_doc(tx, Stream.PICKUPS, hall_id, pickup_id) or {}
        self._store.publish(
            tx,
            Stream.PICKUPS,
            hall_id,
            [(pickup_id, {**doc, "state": "collected", "collected_at": _iso(now)})],
        )
        return str(row[0])

    @staticmethod
    def _history(  # noqa: PLR0917 - one history row, column by column
        tx: Tx,
        number: str,
        version: int,
        from_state: str,
        to_state: str,
        actor: str,
        channel: str,
        device_id: str,
        reason: str,
        at: float,
    ) -> None:
        tx.execute(
            "INSERT INTO case_history (case_number, version, from_state, to_state, actor,"
            " channel, device_id, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (number, version, from_state, to_state, actor, channel, device_id, reason, at),
        )

    def _publish(self, tx: Tx, record: CaseRecord) -> None:
        history = [
            {"state": r[0], "label": STATE_LABELS.get(r[0], r[0]), "at": _iso(float(r[1]))}
            for r in tx.all(
                "SELECT to_state, at FROM case_history WHERE case_number = ? ORDER BY version",
                (record.case_number,),
            )
        ]
        applicant = record.payload.get("applicant") or {}
        doc = {
            "case_number": record.case_number,
            "provisional_number": record.payload.get("provisional_number", ""),
            "item_id": record.item_id,
            "item_name": record.item_name,
            "state": record.state,
            "state_label": STATE_LABELS.get(record.state, record.state),
            "version": record.version,
            "delivery": record.delivery,
            "applicant": mask_name(str(applicant.get("name", ""))),
            "updated_at": _iso(record.updated_at),
            "history": history,
            "result": _public_result(record.result),
        }
        self._store.publish(tx, Stream.CASE_STATUS, record.hall_id, [(record.case_number, doc)])

    def _publish_pickup(self, tx: Tx, record: CaseRecord) -> None:
        pickup_id = "P" + hashlib.sha256(record.case_number.encode()).hexdigest()[:12].upper()
        code = (record.result or {}).get("pickup_code") or f"{secrets.randbelow(10**6):06d}"
        applicant = record.payload.get("applicant") or {}
        id_tail = str(applicant.get("id_number", ""))[-4:]
        tx.execute(
            "INSERT INTO pickups (pickup_id, case_number, hall_id, state) VALUES (?, ?, ?,"
            " 'waiting') ON CONFLICT (pickup_id) DO NOTHING",
            (pickup_id, record.case_number, record.hall_id),
        )
        doc = {
            "pickup_id": pickup_id,
            "case_number": record.case_number,
            "item_name": record.item_name,
            "result": _public_result(record.result),
            "delivery": record.delivery,
            "applicant": mask_name(str(applicant.get("name", ""))),
            # The terminal checks what the citizen types against these salted hashes,
            # so it can hand out a result offline without holding the code itself.
            "code_sha256": hashlib.sha256(f"{pickup_id}:{code}".encode()).hexdigest(),
            "id_tail_sha256": hashlib.sha256(f"{pickup_id}:{id_tail}".encode()).hexdigest(),
            "state": "waiting",
            "ready_at": _iso(record.updated_at),
        }
        self._store.publish(tx, Stream.PICKUPS, record.hall_id, [(pickup_id, doc)])


def _public_result(result: dict[str, Any] | None) -> dict[str, Any] | None:
    """The result record without the pickup code (which only reaches the applicant)."""
    if result is None:
        return None
    return {k: v for k, v in result.items() if k != "pickup_code"}
