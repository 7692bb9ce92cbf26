"""What the window's part-B pages (出件, 差评整改, 统计, 帮办) need beyond the shell.

:class:`DeskServices` is built by the composition root next to
:class:`~window_client.services.WindowServices` (its ``desk`` field) and carries the
signed link to the gateway's desk endpoints as small clients. Every call blocks: pages
run them through the task runner.
"""

from __future__ import annotations

import datetime as _dt
import logging
import uuid
from dataclasses import dataclass, field

from sync.help_client import DeskTransport, HelpClient, segment
from sync.results_protocol import PickupIssued, PickupIssueRequest
from sync.signed_http import parse_answer
from sync.stats_protocol import (
    ComplaintRequest,
    FollowUpBody,
    FollowUpList,
    FollowUpStepRequest,
    StatsReport,
)

log = logging.getLogger(__name__)


class StatsClient:
    """``GET /v1/stats`` for the window's hall."""

    def __init__(self, *, transport: DeskTransport) -> None:
        self._transport = transport

    def report(self, start: _dt.date, end: _dt.date) -> StatsReport:
        raw = self._transport.send(
            "GET", "/v1/stats", params={"start": start.isoformat(), "end": end.isoformat()}
        )
        return parse_answer(StatsReport, raw)


class FollowUpClient:
    """Bad reviews and complaints of the hall (``/v1/followups``)."""

    def __init__(self, *, transport: DeskTransport) -> None:
        self._transport = transport

    def tickets(self, *, open_only: bool = False) -> list[FollowUpBody]:
        raw = self._transport.send("GET", "/v1/followups", params={"open_only": open_only})
        return parse_answer(FollowUpList, raw).items

    def add_complaint(
        self,
        *,
        way: str,
        reasons: list[str],
        comment: str,
        clerk_id: str,
        subject: str = "",
        contact_phone: str = "",
        complaint_id: str | None = None,
    ) -> FollowUpBody:
        body = ComplaintRequest(
            complaint_id=complaint_id or str(uuid.uuid4()),
            way=way,  # type: ignore[arg-type]  # validated by the model
            subject=subject,
            reasons=reasons,
            comment=comment,
            contact_phone=contact_phone,
            clerk_id=clerk_id,
        )
        raw = self._transport.send("POST", "/v1/followups/complaints", body=body)
        return parse_answer(FollowUpBody, raw)

    def step(self, follow_up_id: str, request: FollowUpStepRequest) -> FollowUpBody:
        raw = self._transport.send(
            "POST", f"/v1/followups/{segment(follow_up_id)}/steps", body=request
        )
        return parse_answer(FollowUpBody, raw)


class PickupCodes:
    """Pickup codes for results handed to the self-service area."""

    def __init__(self, *, transport: DeskTransport) -> None:
        self._transport = transport

    def issue(self, case_number: str, request: PickupIssueRequest) -> PickupIssued:
        raw = self._transport.send(
            "POST", f"/v1/results/{segment(case_number)}/pickup", body=request
        )
        return parse_answer(PickupIssued, raw)


@dataclass(frozen=True)
class DeskServices:
    """The gateway desk as the window's pages use it.

    Attributes:
        transport: the signed link (one per window client).
        help_wait: seconds each help long-poll waits (shorter in tests).
    """

    transport: DeskTransport
    help_wait: float = 25.0
    help: HelpClient = field(init=False)
    stats: StatsClient = field(init=False)
    followups: FollowUpClient = field(init=False)
    pickups: PickupCodes = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "help", HelpClient(transport=self.transport))
        object.__setattr__(self, "stats", StatsClient(transport=self.transport))
        object.__setattr__(self, "followups", FollowUpClient(transport=self.transport))
        object.__setattr__(self, "pickups", PickupCodes(transport=self.transport))
