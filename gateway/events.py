"""The event inbox: ``POST /v1/events:batch`` processing.

One database transaction per batch, one savepoint per event (SYNC.md, Push). The
inbox is keyed on the event's UUID: the same payload again is a ``duplicate`` that
carries the original result; a different payload under a known id is a conflict and
``rejected``. A bad event never fails the batch — it gets its own result, so one
stuck record cannot block a terminal's queue.

Events of one device apply in ``seq`` order: once one is ``deferred`` (say, its
attachment has not been uploaded yet), the rest of the batch is deferred too, so a
later event never overtakes the one it depends on.
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from core.catalog import DeliveryMethod
from core.clock import HALL_TZ
from core.errors import IllegalTransition, UserFacingError, ValidationFailed, msg
from gateway.cases import CaseBook
from gateway.db import Tx
from gateway.queue import ensure_queue_schema, link_ticket
from gateway.store import DeviceRecord, GatewayStore
from sync.protocol import (
    AuditEntry,
    BatchResult,
    CaseMaterialsDigitised,
    CaseSubmitted,
    CaseTransitionRequested,
    ConsultationLogged,
    DeviceHealth,
    EvaluationSubmitted,
    Event,
    EventBatch,
    EventKind,
    EventResult,
    EventStatus,
    PickupCollected,
    SearchMiss,
    Stream,
    canonical_json,
    payload_sha256,
)

log = logging.getLogger(__name__)


class Rejected(Exception):
    """The event can never apply; the terminal lists it under "needs attention"."""

    def __init__(self, code: str, message: str, result: dict[str, Any] | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.message = message
        self.result = result or {}


class Deferred(Exception):
    """The event cannot apply yet; the terminal sends it again later."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(code)
        self.code = code
        self.message = message


@dataclass
class BatchOutcome:
    result: BatchResult
    touched: set[tuple[Stream, str]] = field(default_factory=set)


Handler = Callable[[Tx, DeviceRecord, Event, Any], dict[str, Any]]


class EventProcessor:
    """Applies event batches from devices.

    Args:
        store: the gateway store.
        cases: the case book (numbering, transitions, pickups).
    """

    def __init__(self, *, store: GatewayStore, cases: CaseBook) -> None:
        self._store = store
        self._cases = cases
        ensure_queue_schema(store.db)  # cases and evaluations link to queue tickets
        self._handlers: dict[str, tuple[type[BaseModel], int, Handler]] = {
            EventKind.CASE_SUBMITTED: (CaseSubmitted, 1, self._case_submitted),
            EventKind.CASE_TRANSITION_REQUESTED: (
                CaseTransitionRequested,
                1,
                self._case_transition,
            ),
            EventKind.EVALUATION_SUBMITTED: (EvaluationSubmitted, 1, self._evaluation),
            EventKind.SEARCH_MISS: (SearchMiss, 1, self._search_miss),
            EventKind.AUDIT_ENTRY: (AuditEntry, 1, self._audit_entry),
            EventKind.DEVICE_HEALTH: (DeviceHealth, 1, self._device_health),
            EventKind.PICKUP_COLLECTED: (PickupCollected, 1, self._pickup_collected),
            EventKind.CONSULTATION_LOGGED: (ConsultationLogged, 1, self._consultation),
            EventKind.CASE_MATERIALS_DIGITISED: (
                CaseMaterialsDigitised,
                1,
                self._materials_digitised,
            ),
        }

    def process(self, device: DeviceRecord, batch: EventBatch) -> BatchOutcome:
        """Apply a batch in one transaction and say what happened to each event."""
        outcome = BatchOutcome(BatchResult(results=[], contiguous_through_seq=0))
        results: list[EventResult] = []
        with self._store.db.write() as tx:
            blocked = False
            for event in sorted(batch.events, key=lambda e: e.seq):
                if blocked:
                    results.append(
                        _result(
                            event,
                            EventStatus.DEFERRED,
                            "event.waiting",
                            msg("等待前序事件处理完成"),
                        )
                    )
                    continue
                result = self._one(tx, device, event, outcome.touched)
                blocked = result.status is EventStatus.DEFERRED
                results.append(result)
            contiguous = self._advance_ledger(tx, device.device_id)
        outcome.result = BatchResult(results=results, contiguous_through_seq=contiguous)
        return outcome

    def _one(  # noqa: PLR0911 - one return per inbox outcome reads best here
        self, tx: Tx, device: DeviceRecord, event: Event, touched: set[tuple[Stream, str]]
    ) -> EventResult:
        if payload_sha256(event.payload) != event.sha256:
            return _result(
                event,
                EventStatus.REJECTED,
                "event.corrupt",
                msg("事件内容与校验值不符，请联系技术支持"),
            )
        seen = tx.one(
            "SELECT sha256, status, result, code, message, device_id, seq FROM inbox"
            " WHERE event_id = ?",
            (event.event_id,),
        )
        if seen is not None:
            if seen[0] != event.sha256:
                return _result(
                    event,
                    EventStatus.REJECTED,
                    "event.conflict",
                    msg("同一事件编号已提交过不同的内容（冲突），请人工核对"),
                )
            if seen[5] != device.device_id and int(seen[6]) == event.seq:
                self._adopt(tx, device, event, predecessor=seen[5])
            return EventResult(
                event_id=event.event_id,
                seq=event.seq,
                status=EventStatus.DUPLICATE,
                result=json.loads(seen[2]),
                code=seen[3],
                message=seen[4],
                original=EventStatus(seen[1]),
            )
        other = tx.one(
            "SELECT event_id FROM inbox WHERE device_id = ? AND seq = ?",
            (device.device_id, event.seq),
        )
        if other is not None:
            return _result(
                event,
                EventStatus.REJECTED,
                "event.seq_conflict",
                msg("事件序号已被另一事件使用，请联系技术支持"),
            )
        try:
            with tx.savepoint():
                result = self._apply(tx, device, event)
        except Rejected as exc:
            return self._record(
                tx, device, event, EventStatus.REJECTED, exc.result, exc.code, exc.message
            )
        except Deferred as exc:
            return _result(event, EventStatus.DEFERRED, exc.code, exc.message)
        except Exception:
            log.exception("event %s (%s) failed on the gateway", event.event_id, event.kind)
            return _result(
                event, EventStatus.DEFERRED, "gateway.error", msg("前置机处理出错，稍后自动重试")
            )
        touched.add((Stream.CASE_STATUS, device.hall_id))
        touched.add((Stream.PICKUPS, device.hall_id))
        return self._record(tx, device, event, EventStatus.APPLIED, result, "", "")

    @staticmethod
    def _adopt(tx: Tx, device: DeviceRecord, event: Event, *, predecessor: str) -> None:
        """Count a resent event for the terminal's new device after a re-enrolment.

        The terminal sent it as ``predecessor`` (the slot's revoked credential) and did
        not hear the answer; it resends it under its new device with the same seq. The
        inbox row moves to the new device, so its ledger has no hole there.
        """
        old = tx.one(
            "SELECT hall_id, slot, revoked_at FROM devices WHERE device_id = ?", (predecessor,)
        )
        if old is None or (old[0], old[1]) != (device.hall_id, device.slot) or old[2] is None:
            return  # another terminal's event: a duplicate, not ours to take over
        if tx.one(
            "SELECT 1 FROM inbox WHERE device_id = ? AND seq = ?", (device.device_id, event.seq)
        ):
            return
        tx.execute(
            "UPDATE inbox SET device_id = ? WHERE event_id = ?",
            (device.device_id, event.event_id),
        )
        log.info(
            "event seq %d of re-enrolled device %s taken over from %s",
            event.seq, device.device_id, predecessor,
        )

    def _apply(self, tx: Tx, device: DeviceRecord, event: Event) -> dict[str, Any]:
        entry = self._handlers.get(event.kind)
        if entry is None:
            raise Rejected(
                "event.unknown_kind", msg("前置机不支持此类事件（{kind}）", kind=event.kind[:40])
            )
        model, max_version, handler = entry
        if event.schema_version > max_version:
            raise Deferred(
                "event.schema_ahead", msg("前置机版本较旧，尚不支持该事件格式，升级后自动处理")
            )
        try:
            payload = model.model_validate(event.payload)
        except ValidationError as exc:
            fields = ", ".join(".".join(str(p) for p in e["loc"]) for e in exc.errors()[:5])
            raise Rejected(
                "event.invalid", msg("事件内容不完整或格式错误：{fields}", fields=fields)
            ) from None
        try:
            return handler(tx, device, event, payload)
        except IllegalTransition as exc:
            raise Rejected(
                exc.code or "case.illegal_transition",
                exc.message,
                {"current_state": exc.params.get("current", "")},
            ) from None
        except UserFacingError as exc:
            raise Rejected(exc.code or "event.refused", exc.message) from None

    def _record(  # noqa: PLR0917 - the inbox row's columns
        self,
        tx: Tx,
        device: DeviceRecord,
        event: Event,
        status: EventStatus,
        result: dict[str, Any],
        code: str,
        message: str,
        /,
    ) -> EventResult:
        tx.execute(
            "INSERT INTO inbox (event_id, device_id, seq, kind, schema_version, sha256, status,"
            " result, code, message, payload, received_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                event.event_id,
                device.device_id,
                event.seq,
                event.kind,
                event.schema_version,
                event.sha256,
                status.value,
                canonical_json(result).decode(),
                code,
                message,
                canonical_json(event.payload).decode(),
                self._store.now(),
            ),
        )
        return EventResult(
            event_id=event.event_id,
            seq=event.seq,
            status=status,
            result=result,
            code=code,
            message=message,
        )

    @staticmethod
    def _advance_ledger(tx: Tx, device_id: str) -> int:
        row = tx.one("SELECT contiguous_seq FROM devices WHERE device_id = ?", (device_id,))
        contiguous = int(row[0]) if row else 0
        top = contiguous
        for (seq,) in tx.all(
            "SELECT seq FROM inbox WHERE device_id = ? AND seq > ? ORDER BY seq",
            (device_id, contiguous),
        ):
            top = max(top, int(seq))
            if int(seq) == contiguous + 1:
                contiguous += 1
        tx.execute(
            "UPDATE devices SET contiguous_seq = ?, max_seq = CASE WHEN max_seq > ? THEN max_seq"
            " ELSE ? END WHERE device_id = ?",
            (contiguous, top, top, device_id),
        )
        return contiguous

    # ------------------------------------------------------------------ handlers

    def _case_submitted(
        self, tx: Tx, device: DeviceRecord, event: Event, p: CaseSubmitted
    ) -> dict[str, Any]:
        if p.delivery not in {d.value for d in DeliveryMethod}:
            raise ValidationFailed(msg("出件方式无效"), code="case.bad_delivery")
        missing = [h for h in p.attachments if not self._store.has_blob(tx, h)]
        if missing:
            raise Deferred(
                "blob.missing", msg("有 {count} 个附件尚未上传，上传后自动重试", count=len(missing))
            )
        record = self._cases.submit(
            tx,
            hall_id=device.hall_id,
            device_id=device.device_id,
            event_id=event.event_id,
            provisional_number=p.provisional_number,
            item_id=p.item_id,
            state=p.state,
            delivery=p.delivery,
            actor=p.actor,
            channel=p.channel,
            payload=p.model_dump(mode="json"),
        )
        result = {
            "case_number": record.case_number,
            "state": record.state,
            "provisional_number": p.provisional_number,
        }
        if p.ticket_number:
            result["ticket_number"] = self._link_ticket(
                tx, device, event, p.ticket_number, case_number=record.case_number
            )
        return result

    def _case_transition(
        self, tx: Tx, device: DeviceRecord, event: Event, p: CaseTransitionRequested
    ) -> dict[str, Any]:
        # A step may carry files (the recipient's signature of a 出件): they come first.
        missing = [h for h in p.attachments if not self._store.has_blob(tx, h)]
        if missing:
            raise Deferred(
                "blob.missing", msg("有 {count} 个附件尚未上传，上传后自动重试", count=len(missing))
            )
        updated = self._cases.request_transition(
            tx, p, hall_id=device.hall_id, device_id=device.device_id
        )
        return {
            "case_number": updated.case_number,
            "state": updated.state,
            "version": updated.version,
        }

    def _evaluation(
        self, tx: Tx, device: DeviceRecord, event: Event, p: EvaluationSubmitted
    ) -> dict[str, Any]:
        tx.execute(
            "INSERT INTO evaluations (event_id, device_id, hall_id, case_number, level, payload,"
            " at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                event.event_id,
                device.device_id,
                device.hall_id,
                p.case_number,
                p.level,
                canonical_json(p.model_dump(mode="json")).decode(),
                self._store.now(),
            ),
        )
        # ★1–2 is a bad review: the hall must follow up (回访, 整改 within 5 working days).
        result: dict[str, Any] = {"follow_up": p.level <= 2}
        if p.ticket_number:
            result["ticket_number"] = self._link_ticket(
                tx, device, event, p.ticket_number, evaluation_id=event.event_id
            )
        return result

    def _link_ticket(
        self,
        tx: Tx,
        device: DeviceRecord,
        event: Event,
        number: str,
        *,
        case_number: str | None = None,
        evaluation_id: str | None = None,
    ) -> str:
        """一号办到底: the ticket the event names gets the link ("" if it cannot)."""
        now = self._store.clock.now().astimezone(HALL_TZ)
        made = _dt.datetime.fromtimestamp(event.created_at, HALL_TZ)
        return link_ticket(
            tx,
            hall_id=device.hall_id,
            number=number,
            days=(made.date(), now.date()),
            case_number=case_number,
            evaluation_id=evaluation_id,
            at=now,
        )

    def _search_miss(
        self, tx: Tx, device: DeviceRecord, event: Event, p: SearchMiss
    ) -> dict[str, Any]:
        tx.execute(
            "INSERT INTO search_misses (hall_id, query, hits, last_at) VALUES (?, ?, 1, ?)"
            " ON CONFLICT (hall_id, query) DO UPDATE SET hits = search_misses.hits + 1,"
            " last_at = excluded.last_at",
            (device.hall_id, p.query, self._store.now()),
        )
        return {}

    def _audit_entry(
        self, tx: Tx, device: DeviceRecord, event: Event, p: AuditEntry
    ) -> dict[str, Any]:
        last = tx.one(
            "SELECT entry_hash FROM audit_entries WHERE device_id = ? ORDER BY at DESC,"
            " event_id DESC LIMIT 1",
            (device.device_id,),
        )
        chain_ok = (last is None and p.prev_hash in ("", "0" * 64)) or (
            last is not None and last[0] == p.prev_hash
        )
        if not chain_ok:
            log.warning("audit chain of device %s does not link up", device.device_id)
        tx.execute(
            "INSERT INTO audit_entries (event_id, device_id, entry_hash, prev_hash, chain_ok,"
            " payload, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                event.event_id,
                device.device_id,
                p.entry_hash,
                p.prev_hash,
                int(chain_ok),
                canonical_json(p.model_dump(mode="json")).decode(),
                p.at,
            ),
        )
        return {"chain_ok": chain_ok}

    def _device_health(
        self, tx: Tx, device: DeviceRecord, event: Event, p: DeviceHealth
    ) -> dict[str, Any]:
        tx.execute(
            "INSERT INTO device_health (device_id, at, payload) VALUES (?, ?, ?)",
            (device.device_id, self._store.now(), canonical_json(p.devices).decode()),
        )
        return {}

    def _pickup_collected(
        self, tx: Tx, device: DeviceRecord, event: Event, p: PickupCollected
    ) -> dict[str, Any]:
        case_number = self._cases.collect_pickup(tx, p.pickup_id, device.hall_id, device.device_id)
        record = self._cases.get(tx, case_number)
        if record is not None and record.state == "result_ready":
            self._cases.transition(
                tx,
                case_number,
                "delivered",
                actor="",
                channel="kiosk",
                device_id=device.device_id,
                reason=f"自助取件（{p.method}）",
            )
        return {"case_number": case_number}

    def _consultation(
        self, tx: Tx, device: DeviceRecord, event: Event, p: ConsultationLogged
    ) -> dict[str, Any]:
        # The inbox row keeps the payload; statistics count consultations from it.
        log.debug("consultation %s logged at window %s", p.consultation_id, p.window_no)
        return {}

    def _materials_digitised(
        self, tx: Tx, device: DeviceRecord, event: Event, p: CaseMaterialsDigitised
    ) -> dict[str, Any]:
        missing = [h for h in p.attachments if not self._store.has_blob(tx, h)]
        if missing:
            raise Deferred(
                "blob.missing", msg("有 {count} 个附件尚未上传，上传后自动重试", count=len(missing))
            )
        if {m.sha256 for m in p.materials} - set(p.attachments):
            raise ValidationFailed(msg("材料清单与附件不一致"), code="case.attachments")
        row = tx.one(
            "SELECT case_number FROM cases WHERE case_number = ?"
            " OR (provisional_number = ? AND device_id = ?)",
            (p.case_number, p.case_number, device.device_id),
        )
        if row is None:
            raise ValidationFailed(msg("平台上没有这个办件"), code="case.unknown")
        # The inbox row keeps the material list; the blobs are stored by sha256.
        return {"case_number": row[0], "count": len(p.materials)}


def _result(event: Event, status: EventStatus, code: str, message: str) -> EventResult:
    return EventResult(
        event_id=event.event_id, seq=event.seq, status=status, code=code, message=message
    )
