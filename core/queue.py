"""取号 / 叫号: tickets, their states, and who is called next.

These are the rules only; the queue authority of a hall (which hands out numbers and
holds the live queue) is the gateway, which applies them.

- A ticket number is the business area's prefix and three digits: ``A012``.
- States: waiting → called (recalled up to :data:`MAX_RECALLS` times) → serving → done;
  called → no_show; serving → transferred (to another business area, keeping its
  place) or suspended (挂起: the applicant steps away, e.g. to copy a document) →
  called again or no_show.
- Order of calling, for a window serving some business areas: green channel first
  (老年人、残疾人、孕期妇女、军人), then appointments whose slot is on — by their slot's
  start, so checking in early does not overtake an earlier booking — then first come,
  first served. Ties break on the issue time, then the number. :func:`call_order` is
  the one rule; the gateway calls with it.
- One ticket follows the person through the visit (一号办到底): the cases handled under
  it and the evaluation of the service are linked to it.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Mapping
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from core.catalog import NonEmpty
from core.errors import IllegalTransition, ValidationFailed, msg

MAX_RECALLS = 2
"""After the first call a ticket may be recalled twice; then it is a no-show (过号)."""

APPOINTMENT_GRACE = _dt.timedelta(minutes=15)
"""An appointment counts as on time from this long before its slot starts."""

_NUMBER = re.compile(r"^(?P<prefix>[A-Z]{1,2})(?P<n>\d{3})$")
_PREFIX = re.compile(r"^[A-Z]{1,2}$")


def format_ticket_number(prefix: str, serial: int) -> str:
    """``format_ticket_number("A", 12)`` → ``"A012"``.

    Raises:
        ValidationFailed: bad prefix or a serial outside 1–999.
    """
    if not _PREFIX.match(prefix):
        raise ValidationFailed(msg("业务类别前缀应为1至2位大写字母"), code="ticket.prefix")
    if isinstance(serial, bool) or not isinstance(serial, int) or not 1 <= serial <= 999:
        raise ValidationFailed(msg("排队号应在001至999之间"), code="ticket.serial")
    return f"{prefix}{serial:03d}"


def parse_ticket_number(text: str) -> tuple[str, int]:
    """``"A012"`` → ``("A", 12)``.

    Raises:
        ValidationFailed: not a ticket number.
    """
    match = _NUMBER.match(text.strip().upper())
    if not match or int(match["n"]) == 0:
        raise ValidationFailed(msg("排队号格式不正确"), code="ticket.number")
    return match["prefix"], int(match["n"])


class GreenChannel(StrEnum):
    """绿色通道 categories (seed 000 三(二)4, 004 三(五)1)."""

    NONE = "none"
    ELDERLY = "elderly"  # 老年人
    DISABLED = "disabled"  # 残疾人
    PREGNANT = "pregnant"  # 孕期妇女
    MILITARY = "military"  # 军人


GREEN_CHANNEL_NAMES: Mapping[GreenChannel, str] = {
    GreenChannel.NONE: "普通",
    GreenChannel.ELDERLY: "老年人",
    GreenChannel.DISABLED: "残疾人",
    GreenChannel.PREGNANT: "孕期妇女",
    GreenChannel.MILITARY: "军人",
}


class TicketState(StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    DONE = "done"
    NO_SHOW = "no_show"
    TRANSFERRED = "transferred"
    SUSPENDED = "suspended"


TICKET_STATE_NAMES: Mapping[TicketState, str] = {
    TicketState.WAITING: msg("等候中"),
    TicketState.CALLED: msg("已叫号"),
    TicketState.SERVING: msg("办理中"),
    TicketState.DONE: msg("已办结"),
    TicketState.NO_SHOW: msg("已过号"),
    TicketState.TRANSFERRED: msg("已转办"),
    TicketState.SUSPENDED: msg("已挂起"),
}


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Appointment(_Model):
    """预约: a reserved slot; checking in at the kiosk turns it into a ticket."""

    reference: NonEmpty
    slot_start: _dt.datetime
    slot_end: _dt.datetime

    @model_validator(mode="after")
    def _ordered(self) -> Appointment:
        if self.slot_start.tzinfo is None or self.slot_end.tzinfo is None:
            raise ValidationFailed(msg("预约时段缺少时区"), code="appointment.time")
        if self.slot_end <= self.slot_start:
            raise ValidationFailed(msg("预约时段结束时间应晚于开始时间"), code="appointment.slot")
        return self

    def is_on(self, now: _dt.datetime) -> bool:
        """Whether the slot is on (from the grace period before it until its end)."""
        return self.slot_start - APPOINTMENT_GRACE <= now <= self.slot_end


class Ticket(_Model):
    """One queue ticket; every change returns a new ticket.

    Attributes:
        number: ``A012``; unique per hall and day.
        area: the business area (its prefix), e.g. ``"A"`` for 综合受理.
        recalls: how many times it was called again after the first call.
        transferred_from: the number this ticket continues, when transferred.
    """

    number: NonEmpty
    area: NonEmpty
    issued_at: _dt.datetime
    green: GreenChannel = GreenChannel.NONE
    appointment: Appointment | None = None
    state: TicketState = TicketState.WAITING
    recalls: int = Field(default=0, ge=0)
    window_no: str = ""
    clerk_id: str = ""
    first_called_at: _dt.datetime | None = None
    serving_since: _dt.datetime | None = None
    finished_at: _dt.datetime | None = None
    suspended_reason: str = ""
    transferred_to: str = ""
    transferred_from: str = ""
    case_numbers: tuple[str, ...] = ()
    evaluation_id: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Ticket:
        prefix, _ = parse_ticket_number(self.number)
        if prefix != self.area:
            raise ValidationFailed(msg("排队号前缀与业务类别不一致"), code="ticket.area")
        if self.issued_at.tzinfo is None:
            raise ValidationFailed(msg("取号时间缺少时区"), code="ticket.time")
        return self

    # ---- transitions --------------------------------------------------------------

    def call(self, *, window_no: str, clerk_id: str, at: _dt.datetime) -> Ticket:
        """叫号: a waiting (or suspended) ticket is called to a window."""
        self._expect(msg("叫号"), TicketState.WAITING, TicketState.SUSPENDED)
        if not window_no.strip() or not clerk_id.strip():
            raise ValidationFailed(msg("叫号须注明窗口号和工作人员"), code="ticket.window")
        return self._to(
            TicketState.CALLED,
            window_no=window_no.strip(),
            clerk_id=clerk_id.strip(),
            first_called_at=self.first_called_at or at,
            suspended_reason="",
        )

    def recall(self) -> Ticket:
        """重呼: call the same ticket again, up to :data:`MAX_RECALLS` times."""
        self._expect(msg("重呼"), TicketState.CALLED)
        if self.recalls >= MAX_RECALLS:
            raise ValidationFailed(
                msg("已重呼{count}次，请按过号处理", count=MAX_RECALLS), code="ticket.recall_limit"
            )
        return self.model_copy(update={"recalls": self.recalls + 1})

    def start(self, *, at: _dt.datetime) -> Ticket:
        """The person arrived at the window: service starts."""
        self._expect(msg("开始办理"), TicketState.CALLED)
        return self._to(TicketState.SERVING, serving_since=at)

    def no_show(self, *, at: _dt.datetime) -> Ticket:
        """过号: the person did not come (after being called, or never back from 挂起)."""
        self._expect(msg("过号"), TicketState.CALLED, TicketState.SUSPENDED)
        return self._to(TicketState.NO_SHOW, finished_at=at)

    def finish(self, *, at: _dt.datetime) -> Ticket:
        """办结: service at the window is over."""
        self._expect(msg("办结"), TicketState.SERVING)
        return self._to(TicketState.DONE, finished_at=at)

    def suspend(self, *, reason: str) -> Ticket:
        """挂起: the applicant steps away and comes back to the same window."""
        self._expect(msg("挂起"), TicketState.SERVING)
        if not reason.strip():
            raise ValidationFailed(msg("请填写挂起原因"), code="ticket.suspend_reason")
        return self._to(TicketState.SUSPENDED, suspended_reason=reason.strip())

    def transfer(
        self, *, to_area: str, new_number: str, at: _dt.datetime
    ) -> tuple[Ticket, Ticket]:
        """转办: continue in another business area without queueing again.

        Returns:
            this ticket marked transferred, and the new waiting ticket, which keeps
            the original issue time, green channel and appointment.
        """
        self._expect(msg("转办"), TicketState.SERVING)
        if to_area == self.area:
            raise ValidationFailed(msg("转办须转到其他业务类别"), code="ticket.transfer_same")
        successor = Ticket(
            number=new_number,
            area=to_area,
            issued_at=self.issued_at,
            green=self.green,
            appointment=self.appointment,
            transferred_from=self.number,
            case_numbers=self.case_numbers,
        )
        old = self._to(TicketState.TRANSFERRED, transferred_to=new_number, finished_at=at)
        return old, successor

    # ---- 一号办到底 -------------------------------------------------------------------

    def link_case(self, case_number: str) -> Ticket:
        """Record a case handled under this ticket (idempotent)."""
        self._expect(msg("关联办件"), TicketState.SERVING, TicketState.SUSPENDED, TicketState.DONE)
        number = case_number.strip()
        if not number:
            raise ValidationFailed(msg("办件编号不能为空"), code="ticket.case")
        if number in self.case_numbers:
            return self
        return self.model_copy(update={"case_numbers": (*self.case_numbers, number)})

    def link_evaluation(self, evaluation_id: str) -> Ticket:
        """Record the evaluation of this service; one per ticket."""
        self._expect(msg("评价"), TicketState.DONE)
        if self.evaluation_id is not None and self.evaluation_id != evaluation_id:
            raise IllegalTransition(msg("该排队号已评价"), code="ticket.evaluated")
        return self.model_copy(update={"evaluation_id": evaluation_id})

    # ---- times -----------------------------------------------------------------------

    def waiting_time(self, now: _dt.datetime | None = None) -> _dt.timedelta | None:
        """From issue to the first call; up to ``now`` while still waiting."""
        if self.first_called_at is not None:
            return self.first_called_at - self.issued_at
        if now is not None and self.state is TicketState.WAITING:
            return now - self.issued_at
        return None

    def handling_time(self) -> _dt.timedelta | None:
        """From the start of service to its end (done or transferred)."""
        if self.serving_since is None or self.finished_at is None:
            return None
        return self.finished_at - self.serving_since

    # ---- machinery ------------------------------------------------------------------

    def _expect(self, what: str, *states: TicketState) -> None:
        if self.state not in states:
            raise IllegalTransition(
                msg("排队号{number}当前{state}，不能{action}",
                    number=self.number, state=TICKET_STATE_NAMES[self.state], action=what),
                code="ticket.illegal",
                state=self.state.value,
            )

    def _to(self, state: TicketState, **changes: object) -> Ticket:
        return self.model_copy(update={"state": state, **changes})


# ---- ordering ------------------------------------------------------------------------


CallOrder = tuple[int, _dt.datetime, _dt.datetime, str]
"""Sort key of a waiting ticket: (tier, tier's time, issue time, number)."""


def call_order(ticket: Ticket, now: _dt.datetime) -> CallOrder:
    """Where a waiting ticket stands at ``now``; smaller is called first.

    Tiers: 0 green channel (by issue time), 1 appointments whose slot is on (by the
    slot's start), 2 everybody else (by issue time). Transferred tickets keep their
    original issue time, channel and appointment, so they keep their place.
    """
    if ticket.green is not GreenChannel.NONE:
        return (0, ticket.issued_at, ticket.issued_at, ticket.number)
    if ticket.appointment is not None and ticket.appointment.is_on(now):
        return (1, ticket.appointment.slot_start, ticket.issued_at, ticket.number)
    return (2, ticket.issued_at, ticket.issued_at, ticket.number)


def _waiting_in(tickets: Iterable[Ticket], areas: Iterable[str]) -> list[Ticket]:
    wanted = set(areas)
    return [t for t in tickets if t.state is TicketState.WAITING and t.area in wanted]


def next_ticket(
    tickets: Iterable[Ticket], *, areas: Iterable[str], now: _dt.datetime
) -> Ticket | None:
    """The ticket a window serving ``areas`` calls next, or ``None`` if nobody waits.

    Green channel first, then appointments whose slot is on (earliest slot first),
    then first come first served (:func:`call_order`).
    """
    waiting = _waiting_in(tickets, areas)
    if not waiting:
        return None
    return min(waiting, key=lambda t: call_order(t, now))


def people_ahead(ticket: Ticket, tickets: Iterable[Ticket], *, now: _dt.datetime) -> int:
    """How many waiting tickets of the same business area will be called first.

    This is the figure printed on the ticket and shown on the hall display.
    """
    mine = call_order(ticket, now)
    return sum(
        1
        for t in _waiting_in(tickets, [ticket.area])
        if t.number != ticket.number and call_order(t, now) < mine
    )
