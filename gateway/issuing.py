"""统一出件 on the gateway: pickup codes for results handed to the self-service area.

A result the applicant will collect at a 24-hour kiosk or from a locker needs a pickup
code. The gateway makes it (six random digits), keeps it with the case's result,
publishes the hall's ``pickups`` doc with only its salted hash (as
:meth:`gateway.cases.CaseBook.transition` does for results that were meant for
self-service from the start) and returns it once to the window that asked, which
shows and prints it for the applicant. Asking again re-issues: the old code stops
working, so a lost notice is no risk.
"""

from __future__ import annotations

import logging
import secrets
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from core.errors import IllegalTransition, UserFacingError, ValidationFailed, msg
from core.masking import mask_name, scrub
from gateway.cases import STATE_LABELS, CaseBook
from gateway.help import Authenticate, json_response, refusal
from gateway.store import DeviceRecord, GatewayStore
from sync.protocol import Stream, canonical_json
from sync.results_protocol import PickupIssued, PickupIssueRequest

log = logging.getLogger(__name__)

_METHOD_NAMES = {"kiosk_print": "24小时自助终端打印", "locker": "智能文件柜"}


class ResultIssuing:
    """Pickup codes for results of the gateway's halls.

    Args:
        store: the gateway store.
        cases: the case book (its pickup publishing is reused).
    """

    def __init__(self, *, store: GatewayStore, cases: CaseBook) -> None:
        self._store = store
        self._cases = cases

    def issue_pickup(
        self, device: DeviceRecord, case_number: str, request: PickupIssueRequest
    ) -> PickupIssued:
        """Put a ready result into self-service pickup and return its new code.

        Raises:
            ValidationFailed: no such case in the device's hall, a locker without a
                compartment, or an item that does not offer the method.
            IllegalTransition: the result is not ready, or was already collected.
        """
        if request.method == "locker" and not request.compartment:
            raise ValidationFailed(msg("请选择放入结果的智能文件柜柜格"), code="pickup.compartment")
        if scrub(request.clerk_id) != request.clerk_id:
            raise ValidationFailed(msg("操作人标识不能使用身份证号码或手机号码"), code="actor.id")
        with self._store.db.write() as tx:
            record = self._cases.get(tx, case_number)
            if record is None or record.hall_id != device.hall_id:
                raise ValidationFailed(msg("本大厅没有这个办件编号"), code="case.unknown")
            if record.state != "result_ready":
                raise IllegalTransition(
                    msg(
                        "办件当前状态为“{state}”，没有待领取的结果",
                        state=STATE_LABELS.get(record.state, record.state),
                    ),
                    code="pickup.not_ready",
                )
            item = self._store.live_doc(tx, Stream.ITEMS, "", record.item_id) or {}
            offered = item.get("delivery") or []
            if offered and request.method not in offered:
                raise ValidationFailed(
                    msg(
                        "该事项不支持{method}出件", method=_METHOD_NAMES[request.method]
                    ),
                    code="case.delivery_method",
                )
            row = tx.one(
                "SELECT pickup_id, state FROM pickups WHERE case_number = ?", (case_number,)
            )
            if row is not None and row[1] != "waiting":
                raise IllegalTransition(
                    msg("该结果已被领取，不能重复出件"), code="pickup.collected"
                )
            code = f"{secrets.randbelow(10**6):06d}"
            result: dict[str, Any] = {
                **(record.result or {}),
                "pickup_code": code,
                "compartment": request.compartment if request.method == "locker" else "",
            }
            now = self._store.now()
            version = record.version + 1
            tx.execute(
                "UPDATE cases SET delivery = ?, result = ?, version = ?, updated_at = ?"
                " WHERE case_number = ?",
                (request.method, canonical_json(result).decode(), version, now, case_number),
            )
            where = _METHOD_NAMES[request.method]
            if request.compartment and request.method == "locker":
                where = f"{where}（{request.compartment}号柜格）"
            tx.execute(
                "INSERT INTO case_history (case_number, version, from_state, to_state, actor,"
                " channel, device_id, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    case_number,
                    version,
                    record.state,
                    record.state,
                    f"{request.clerk_id}（出件）",
                    "window",
                    device.device_id,
                    f"转{where}自助取件，已发取件码",
                    now,
                ),
            )
            updated = self._cases.get(tx, case_number)
            assert updated is not None
            # The case book's own publishing keeps the status and pickup docs in the one
            # format kiosks read (salted code hash, compartment in the public result).
            self._cases._publish(tx, updated)  # noqa: SLF001 - same service, shared format
            self._cases._publish_pickup(tx, updated)  # noqa: SLF001
            pickup = tx.one(
                "SELECT pickup_id FROM pickups WHERE case_number = ?", (case_number,)
            )
        assert pickup is not None
        applicant = updated.payload.get("applicant") or {}
        log.info("pickup code issued for case %s (%s)", case_number, request.method)
        return PickupIssued(
            case_number=case_number,
            pickup_id=str(pickup[0]),
            method=request.method,
            compartment=result["compartment"],
            code=code,
            item_name=updated.item_name,
            result_name=str(result.get("name") or item.get("result_name") or "办理结果"),
            applicant=mask_name(str(applicant.get("name", ""))),
            reissued=row is not None,
        )


def install_issuing_routes(
    app: FastAPI, issuing: ResultIssuing, *, authenticate: Authenticate
) -> None:
    """Add ``POST /v1/results/{case_number}/pickup``.

    The feeds it publishes wake the hall's ``pickups`` and ``case_status`` long-polls
    through the database's change notifications.
    """

    @app.post("/v1/results/{case_number}/pickup", response_model=PickupIssued, tags=["results"])
    async def issue_pickup(request: Request, case_number: str) -> Response:
        """Hand a ready result to the self-service area; returns the new pickup code."""
        device, raw = await authenticate(request)
        body = PickupIssueRequest.model_validate_json(raw)
        try:
            issued = await run_in_threadpool(
                lambda: issuing.issue_pickup(device, case_number, body)
            )
        except UserFacingError as exc:
            return refusal(exc, conflict=(IllegalTransition,))
        return json_response(issued)

