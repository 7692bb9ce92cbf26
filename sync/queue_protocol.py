"""The wire protocol of the hall queue (取号 / 叫号) between terminals and the gateway.

The gateway is the queue authority of its hall (``gateway.queue``); kiosks issue
tickets, window clients call them, the hall display follows the call feed. Every
request is signed like the rest of the device API (:mod:`sync.auth`); bodies and
answers are the models below, in the style of :mod:`sync.protocol`.

Endpoints (all under ``/v1/queue``, signed; the hall is the device's own):

=========================================  ==========================================
``POST /v1/queue/tickets``                 :class:`IssueRequest` → :class:`IssuedTicketBody`
``POST /v1/queue/appointments/lookup``     :class:`AppointmentQuery` →
                                           :class:`AppointmentsFound`
``GET  /v1/queue/tickets/{number}``        → :class:`TicketBody` (links to cases, evaluation)
``GET  /v1/queue/waiting``                 → :class:`WaitingCounts` ("前面还有 N 人")
``POST /v1/queue/blocks``                  :class:`BlockRequest` → :class:`TicketBlockBody`
``POST /v1/queue/offline-tickets``         :class:`OfflineTicketsReport` →
                                           :class:`OfflineTicketsResult`
``POST /v1/queue/windows/{no}/areas``      :class:`WindowAreasRequest` → :class:`WindowBody`
``POST /v1/queue/windows/{no}/pause``      :class:`PauseRequest` → :class:`WindowBody`
``POST /v1/queue/windows/{no}/resume``     → :class:`WindowBody`
``POST /v1/queue/windows/{no}/call-next``  :class:`ClerkRequest` → :class:`TicketBody`
``POST /v1/queue/tickets/{number}/{act}``  :class:`TicketActionRequest` → :class:`TicketBody`
                                           (act: call, recall, no-show, start, finish,
                                           suspend, transfer, link-case, link-evaluation)
``GET  /v1/queue/feed?after=&wait=``       → :class:`CallFeed` (long-poll, the display)
=========================================  ==========================================

Admin (bearer token): ``PUT /v1/admin/queue/halls/{hall}/areas`` (:class:`AreaSettingsList`),
``POST /v1/admin/queue/halls/{hall}/appointments`` (:class:`AppointmentsRequest`).

Refusals (closed for the day, cap reached, illegal state …) are ``409`` with an
:class:`sync.protocol.ErrorBody` whose ``message`` is Chinese and safe to show.
"""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from core.queue import GreenChannel, TicketState

QUEUE_PREFIX = "/v1/queue"

MAX_BLOCK_SIZE = 200
"""Largest offline block one terminal may hold for one business area per request."""

MAX_FEED_CALLS = 50
"""Most calls one feed answer carries (the display only shows the recent ones)."""

MAX_FEED_WAIT = 30.0
"""Longest long-poll wait on the call feed, seconds."""

Prefix = Annotated[str, StringConstraints(pattern=r"^[A-Z]{1,2}$")]
TicketNumber = Annotated[str, StringConstraints(pattern=r"^[A-Z]{1,2}\d{3}$")]
WindowNo = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=16)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
RequestId = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
]
HourMinute = Annotated[str, StringConstraints(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]


class _Wire(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ------------------------------------------------------------------ configuration


class OpeningWindow(_Wire):
    """A time of day during which tickets of a business area are issued (取号时段)."""

    start: HourMinute
    end: HourMinute


class AreaSettings(_Wire):
    """One business area (业务类别) of a hall as the queue serves it.

    Attributes:
        prefix: the ticket prefix, ``"A"``.
        name: 综合受理区 …
        daily_cap: most walk-in tickets per day (每日限号); ``None`` for no limit.
        hours: when tickets are issued; empty means whenever the hall is open.
    """

    prefix: Prefix
    name: ShortText
    daily_cap: int | None = Field(default=None, ge=1, le=999)
    hours: list[OpeningWindow] = Field(default_factory=list)


class AreaSettingsList(_Wire):
    """``PUT /v1/admin/queue/halls/{hall}/areas``: replaces the hall's settings."""

    areas: list[AreaSettings]


class AppointmentIn(_Wire):
    """One booked appointment (预约) the platform passed to the hall.

    Attributes:
        reference: the appointment code on the booking SMS / QR (case-insensitive).
        holder_id: who booked it — 公民身份号码 or 统一社会信用代码 — when the booking
            system says; then a scanned 居民码/企业码 finds it too. The gateway keeps
            only its digest.
    """

    reference: ShortText
    area: Prefix
    slot_start: _dt.datetime
    slot_end: _dt.datetime
    holder_id: ShortText | None = None


class AppointmentsRequest(_Wire):
    appointments: list[AppointmentIn] = Field(min_length=1, max_length=1000)


class AppointmentsStored(_Wire):
    stored: int


class AppointmentQuery(_Wire):
    """``POST /v1/queue/appointments/lookup``: by code, or by holder (today's only).

    The holder's number travels in the signed body, never in a URL.
    """

    reference: ShortText | None = None
    holder_id: ShortText | None = None

    @model_validator(mode="after")
    def _one_key(self) -> AppointmentQuery:
        if (self.reference is None) == (self.holder_id is None):
            raise ValueError("give exactly one of reference and holder_id")
        return self


class AppointmentBody(_Wire):
    """An appointment as a kiosk sees it (no personal data).

    Attributes:
        ticket_number: the ticket it was checked in as, if it was.
        on_time: its slot is on now (check-in from 15 minutes before to the end).
    """

    reference: str
    area: Prefix
    area_name: str
    slot_start: _dt.datetime
    slot_end: _dt.datetime
    ticket_number: str | None = None
    on_time: bool = False


class AppointmentsFound(_Wire):
    appointments: list[AppointmentBody]


# ------------------------------------------------------------------ tickets


class IssueRequest(_Wire):
    """``POST /v1/queue/tickets``: 取号 (or 预约签到 with ``appointment_ref``).

    ``request_id`` makes the request idempotent: sending it again (a lost answer)
    returns the ticket already issued instead of a second one. A check-in may leave
    ``area`` out: the appointment says which business area it is for.
    """

    request_id: RequestId
    area: Prefix | None = None
    green: GreenChannel = GreenChannel.NONE
    appointment_ref: ShortText | None = None

    @model_validator(mode="after")
    def _area_or_appointment(self) -> IssueRequest:
        if self.area is None and self.appointment_ref is None:
            raise ValueError("area is required unless checking in an appointment")
        return self


class TicketBody(_Wire):
    """A ticket as terminals see it (no personal data: a ticket names nobody)."""

    number: TicketNumber
    area: Prefix
    area_name: str
    day: _dt.date
    state: TicketState
    green: GreenChannel
    issued_at: _dt.datetime
    appointment_ref: str | None = None
    appointment_slot_start: _dt.datetime | None = None
    recalls: int
    window_no: str
    first_called_at: _dt.datetime | None = None
    serving_since: _dt.datetime | None = None
    finished_at: _dt.datetime | None = None
    waiting_seconds: float | None = None
    handling_seconds: float | None = None
    suspended_reason: str = ""
    transferred_from: str = ""
    transferred_to: str = ""
    case_numbers: list[str] = Field(default_factory=list)
    evaluation_id: str | None = None
    offline: bool = False


class IssuedTicketBody(_Wire):
    """The issued ticket and the figure printed on it."""

    ticket: TicketBody
    people_ahead: int


class TicketActionRequest(_Wire):
    """Body of ``POST /v1/queue/tickets/{number}/{act}``; fields per action."""

    window_no: str = ""
    clerk_id: str = ""
    reason: str = ""
    to_area: str = ""
    case_number: str = ""
    evaluation_id: str = ""


# ------------------------------------------------------------------ waiting counts


class WaitingCount(_Wire):
    area: Prefix
    name: str
    waiting: int
    issued_today: int
    daily_cap: int | None
    open_now: bool
    hours_text: str


class WaitingCounts(_Wire):
    hall_id: str
    at: _dt.datetime
    areas: list[WaitingCount]


# ------------------------------------------------------------------ offline blocks


class BlockRequest(_Wire):
    """``POST /v1/queue/blocks``: reserve numbers for offline issuing today."""

    request_id: RequestId
    area: Prefix
    size: int = Field(default=50, ge=1, le=MAX_BLOCK_SIZE)


class TicketBlockBody(_Wire):
    """Numbers ``first``–``last`` of ``area`` are this terminal's alone for ``day``."""

    block_id: str
    area: Prefix
    area_name: str
    day: _dt.date
    first: int
    last: int
    hours: list[OpeningWindow] = Field(default_factory=list)


class OfflineTicket(_Wire):
    """A ticket a terminal issued from its block while the gateway was unreachable."""

    request_id: RequestId
    number: TicketNumber
    block_id: str
    green: GreenChannel = GreenChannel.NONE
    issued_at: _dt.datetime


class OfflineTicketsReport(_Wire):
    """``POST /v1/queue/offline-tickets``, in issue order; idempotent per ``request_id``."""

    tickets: list[OfflineTicket] = Field(min_length=1, max_length=500)


class OfflineTicketResult(_Wire):
    request_id: str
    number: str
    status: Literal["joined", "duplicate", "rejected"]
    message: str = ""


class OfflineTicketsResult(_Wire):
    results: list[OfflineTicketResult]


# ------------------------------------------------------------------ windows and calls


class WindowAreasRequest(_Wire):
    """潮汐窗口: the business areas a window serves from now on (in calling order)."""

    areas: list[Prefix] = Field(min_length=1, max_length=20)
    clerk_id: str = ""


class PauseRequest(_Wire):
    reason: ShortText
    clerk_id: str = ""


class ClerkRequest(_Wire):
    clerk_id: ShortText


class WindowBody(_Wire):
    window_no: str
    areas: list[str]
    paused: bool
    pause_reason: str
    current: str = ""  # the number called to or served at this window


class CallEvent(_Wire):
    """One call (叫号) or recall (重呼) of a ticket to a window."""

    seq: int
    number: TicketNumber
    area: Prefix
    window_no: str
    kind: Literal["call", "recall"]
    at: _dt.datetime


class CallFeed(_Wire):
    """``GET /v1/queue/feed``: what changed in the hall after revision ``after``.

    ``revision`` goes up with every queue change (issue, call, finish …); pass it back
    as ``after``. ``calls`` holds the calls after ``after`` (oldest first) — or the
    most recent ones when ``after`` is 0, so a display starting up shows history.
    """

    hall_id: str
    revision: int
    calls: list[CallEvent]
    waiting: list[WaitingCount]
    windows: list[WindowBody]
