"""The terminal side of the hall queue: kiosks issue tickets, windows call them.

The gateway is the queue authority (:mod:`gateway.queue`); this client talks to it
over the signed device API (:mod:`sync.queue_protocol`). When the gateway cannot be
reached a kiosk still issues tickets, from a **block of numbers** the gateway reserved
for this terminal today (:meth:`QueueClient.ensure_blocks`, e.g. A950–A999). Offline
tickets are kept in ``journal.db`` and reported as soon as the gateway answers again
(:meth:`QueueClient.report_offline`, also done before every online issue); the gateway
lets them join the queue in issue-time order. A block range is cut from the gateway's
own counter, so it can never collide with an online number or another terminal's block.

Window actions (call, recall …) need the gateway: there is one queue per hall, and a
window that cannot reach it must not call anyone (:class:`core.errors.Offline`).
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import quote

from pydantic import BaseModel

from core.clock import HALL_TZ, Clock
from core.errors import EnvironmentProblem, Offline, UserFacingError, msg
from core.queue import GreenChannel, format_ticket_number
from sync.protocol import DeviceCredential
from sync.queue_protocol import (
    AppointmentBody,
    AppointmentQuery,
    AppointmentsFound,
    BlockRequest,
    CallFeed,
    ClerkRequest,
    IssuedTicketBody,
    IssueRequest,
    OfflineTicket,
    OfflineTicketsReport,
    OfflineTicketsResult,
    OpeningWindow,
    PauseRequest,
    TicketActionRequest,
    TicketBlockBody,
    TicketBody,
    WaitingCount,
    WaitingCounts,
    WindowAreasRequest,
    WindowBody,
)
from sync.signed_http import (
    READ_TIMEOUT,
    EnrolledSignedTransport,
    LinkErrors,
    Params,
    SignedLink,
    SignedTransport,
    parse_answer,
)
from sync.store import Database
from sync.transport import NotAuthorised

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)


class QueueRefused(UserFacingError):
    """The gateway refused a queue request; ``message`` is Chinese and safe to show."""


class QueueUnavailable(EnvironmentProblem):
    """No ticket can be issued: the gateway is unreachable and no offline block is left."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class QueueNotAuthorised(NotAuthorised):
    """The gateway refused this terminal's credential (revoked or unknown)."""


QUEUE_ERRORS = LinkErrors(
    name="排队系统",
    unreachable=msg("无法连接排队系统（前置机）"),
    garbled=msg("与排队系统通信出错"),
    unreadable=msg("排队系统的应答格式错误"),
    unavailable=lambda status: msg("排队系统暂时不可用（{status}）", status=status),
    device_refused=lambda reason: msg("排队系统拒绝了本终端：{reason}", reason=reason),
    action_refused=msg("排队系统拒绝了该操作"),
    refused=QueueRefused,
    not_authorised=QueueNotAuthorised,
)


# ------------------------------------------------------------------ transport

QueueTransport = SignedLink
"""Sends one queue request and returns the answer's JSON bytes (see :class:`SignedLink`).

Raises ``Offline`` (unreachable, 5xx / 429), :class:`QueueRefused` (4xx with a message)
or :class:`QueueNotAuthorised` (the credential was refused).
"""


class HttpQueueTransport(SignedTransport):
    """Signed HTTPS to the gateway's queue (see :class:`~sync.signed_http.SignedTransport`)."""

    errors = QUEUE_ERRORS


class EnrolledQueueTransport(EnrolledSignedTransport):
    """The queue link of a terminal whose enrolment may not be done yet.

    A terminal starts before its enrolment is done (that runs in the background);
    until then every request raises what ``credential`` raises — ``Offline`` with
    the reason, which screens show as "not connected".

    Args:
        base_url: the gateway.
        credential: returns the device credential, or raises ``Offline`` /
            :class:`QueueNotAuthorised` saying why there is none yet.
        verify: ``True``, or the path of a custom CA bundle.
        clock: unix seconds for signatures: the terminal's shared
            :class:`~sync.auth.GatewayClock`, which applies the gateway's clock offset.
    """

    link = HttpQueueTransport

    def __init__(
        self,
        *,
        base_url: str,
        credential: Callable[[], DeviceCredential],
        verify: bool | str = True,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(locate=lambda: (base_url, credential()), clock=clock, verify=verify)


class UnconfiguredQueueTransport:
    """No gateway address is configured: every request is ``Offline`` saying so."""

    def __init__(self, reason: str = msg("未配置前置机地址（[gateway] url）")) -> None:
        self._reason = reason

    def send(
        self,
        method: str,
        path: str,
        *,
        body: BaseModel | None = None,
        params: Params | None = None,
        read_timeout: float = READ_TIMEOUT,
    ) -> bytes:
        raise Offline(self._reason)

    def close(self) -> None:
        """Nothing to release."""


def _parse(model: type[M], raw: bytes) -> M:
    return parse_answer(model, raw, errors=QUEUE_ERRORS)


# ------------------------------------------------------------------ results


@dataclass(frozen=True, slots=True)
class IssuedTicket:
    """A ticket as the kiosk prints it.

    Attributes:
        online: issued by the gateway (``False``: from this terminal's offline block).
        people_ahead: printed as "前面还有 N 人".
        estimated: ``people_ahead`` is an estimate (offline): the paper must say so.
    """

    number: str
    area: str
    area_name: str
    issued_at: _dt.datetime
    green: GreenChannel
    people_ahead: int
    online: bool
    estimated: bool
    appointment_ref: str | None = None

    @property
    def waiting_note(self) -> str:
        """The line printed under the number."""
        if self.estimated:
            return f"前面约有 {self.people_ahead} 人（网络中断，人数为估计值）"
        return f"前面还有 {self.people_ahead} 人"


@dataclass(frozen=True, slots=True)
class OfflineIssue:
    """One offline ticket as kept in the journal (for the "needs attention" list)."""

    number: str
    area: str
    issued_at: _dt.datetime
    state: str
    message: str


# ------------------------------------------------------------------ the client


class QueueClient:
    """Queue operations of one terminal.

    Args:
        transport: the signed link to the gateway.
        journal: ``journal.db`` of the terminal's store (offline blocks and tickets);
            ``None`` on terminals that never issue offline (window, display).
        clock: the terminal's clock (issue times of offline tickets).
        block_size: numbers reserved per area and request.
        low_water: :meth:`ensure_blocks` asks for more below this many left.
    """

    def __init__(
        self,
        *,
        transport: QueueTransport,
        journal: Database | None = None,
        clock: Clock,
        block_size: int = 50,
        low_water: int = 10,
    ) -> None:
        self._transport = transport
        self._journal = journal
        self._clock = clock
        self._block_size = block_size
        self._low_water = low_water
        self._lock = threading.Lock()
        self._known_waiting: dict[str, int] = {}
        self._offline_since_known: dict[str, int] = {}

    def _now(self) -> _dt.datetime:
        return self._clock.now().astimezone(HALL_TZ)

    def _post(self, path: str, body: BaseModel | None, model: type[M]) -> M:
        return _parse(model, self._transport.send("POST", path, body=body))

    # ---------------------------------------------------------------- kiosk

    def find_appointments(
        self, *, reference: str | None = None, holder_id: str | None = None
    ) -> list[AppointmentBody]:
        """预约签到 lookup: one booking by its code, or today's bookings of a holder.

        Args:
            reference: the appointment code (any case).
            holder_id: the 公民身份号码 / 统一社会信用代码 a scanned 居民码/企业码 resolved
                to; sent in the signed body, never in a URL, never logged.

        Raises:
            Offline: the gateway cannot be reached.
            QueueRefused: the holder number is invalid.
        """
        query = AppointmentQuery(
            reference=reference.strip() if reference is not None else None,
            holder_id=holder_id.strip() if holder_id is not None else None,
        )
        found = self._post("/v1/queue/appointments/lookup", query, AppointmentsFound)
        return found.appointments

    def check_in(
        self, reference: str, *, green_channel: GreenChannel | None = None
    ) -> IssuedTicket:
        """预约签到: the appointment becomes a ticket of the area it was booked for.

        Raises:
            QueueRefused: unknown, used, other-day or missed appointment (the message says).
            QueueUnavailable: the gateway cannot be reached (check-in needs it).
        """
        return self.issue(None, green_channel=green_channel, appointment_ref=reference.strip())

    def issue(
        self,
        business: str | None,
        *,
        green_channel: GreenChannel | None = None,
        appointment_ref: str | None = None,
    ) -> IssuedTicket:
        """取号 (or 预约签到): online if the gateway answers, else from an offline block.

        Args:
            business: the business area's prefix; ``None`` only with ``appointment_ref``
                (the appointment names its area).
            green_channel: 绿色通道 category.
            appointment_ref: check this appointment in.

        Raises:
            QueueRefused: the gateway refused (closed, cap reached, bad appointment) or,
                offline, the area is outside its issuing hours.
            QueueUnavailable: offline and no block number left (staff issue by hand).
        """
        area = business.strip().upper() if business is not None else None
        if area is None and appointment_ref is None:
            raise QueueRefused(msg("请选择业务类别"), code="queue.area")
        green = green_channel or GreenChannel.NONE
        request = IssueRequest(
            request_id=str(uuid.uuid4()),
            area=area,
            green=green,
            appointment_ref=appointment_ref,
        )
        try:
            self.report_offline()
            # A lost answer is retried once with the same request id: never two tickets.
            try:
                answer = self._post("/v1/queue/tickets", request, IssuedTicketBody)
            except Offline:
                answer = self._post("/v1/queue/tickets", request, IssuedTicketBody)
        except Offline:
            if appointment_ref is not None or area is None:
                raise QueueUnavailable(
                    msg("网络中断，暂时无法预约签到，请到服务台由工作人员办理")
                ) from None
            return self._issue_offline(area, green)
        t = answer.ticket
        with self._lock:
            self._known_waiting[t.area] = answer.people_ahead + 1
            self._offline_since_known[t.area] = 0
        return IssuedTicket(
            number=t.number,
            area=t.area,
            area_name=t.area_name,
            issued_at=t.issued_at,
            green=t.green,
            people_ahead=answer.people_ahead,
            online=True,
            estimated=False,
            appointment_ref=t.appointment_ref,
        )

    def _issue_offline(self, area: str, green: GreenChannel) -> IssuedTicket:
        if self._journal is None:
            raise QueueUnavailable(msg("无法连接排队系统，请到服务台取号"))
        now = self._now()
        day = now.date().isoformat()
        with self._journal.transaction() as conn:
            row = conn.execute(
                "SELECT block_id, area_name, next_serial, hours FROM queue_blocks"
                " WHERE day = ? AND area = ? AND next_serial <= last_serial"
                " ORDER BY received_at, rowid LIMIT 1",
                (day, area),
            ).fetchone()
            if row is None:
                raise QueueUnavailable(
                    msg("无法连接排队系统，本机的离线号码已用完，请到服务台由工作人员取号")
                )
            block_id, area_name, serial, hours_json = row
            hours = [OpeningWindow.model_validate(w) for w in json.loads(hours_json)]
            if hours and not _is_open(hours, now):
                spans = "、".join(f"{w.start}-{w.end}" for w in hours)
                raise QueueRefused(
                    msg(
                        "{area_name}（{area}）取号时间为 {spans}，现在不在取号时间内",
                        area_name=area_name,
                        area=area,
                        spans=spans,
                    ),
                    code="queue.closed",
                )
            number = format_ticket_number(area, int(serial))
            conn.execute(
                "UPDATE queue_blocks SET next_serial = next_serial + 1 WHERE block_id = ?",
                (block_id,),
            )
            conn.execute(
                "INSERT INTO queue_offline_tickets (request_id, day, number, area, block_id,"
                " green, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (str(uuid.uuid4()), day, number, area, block_id, green.value, now.isoformat()),
            )
        with self._lock:
            ahead = self._known_waiting.get(area, 0) + self._offline_since_known.get(area, 0)
            self._offline_since_known[area] = self._offline_since_known.get(area, 0) + 1
        log.warning("gateway unreachable: ticket %s issued from offline block", number)
        return IssuedTicket(
            number=number,
            area=area,
            area_name=area_name,
            issued_at=now,
            green=green,
            people_ahead=ahead,
            online=False,
            estimated=True,
        )

    def ensure_blocks(self, areas: Iterable[str] | None = None) -> list[TicketBlockBody]:
        """Reserve offline numbers for today where fewer than ``low_water`` are left.

        Call it when the terminal starts and periodically while online.

        Args:
            areas: the business areas to cover; all of the hall's when ``None``.

        Returns:
            The blocks newly reserved.

        Raises:
            Offline: the gateway cannot be reached.
        """
        if self._journal is None:
            raise QueueUnavailable(msg("本终端没有本地日志库，不能离线取号"))
        wanted = list(areas) if areas is not None else [c.area for c in self.waiting_counts()]
        day = self._now().date().isoformat()
        new: list[TicketBlockBody] = []
        for area in wanted:
            with self._journal.read() as conn:
                row = conn.execute(
                    "SELECT COALESCE(SUM(last_serial - next_serial + 1), 0) FROM queue_blocks"
                    " WHERE day = ? AND area = ?",
                    (day, area),
                ).fetchone()
            if int(row[0]) >= self._low_water:
                continue
            request = BlockRequest(request_id=str(uuid.uuid4()), area=area, size=self._block_size)
            block = self._post("/v1/queue/blocks", request, TicketBlockBody)
            with self._journal.transaction() as conn:
                conn.execute(
                    "INSERT OR IGNORE INTO queue_blocks (block_id, day, area, area_name,"
                    " first_serial, last_serial, next_serial, hours, received_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        block.block_id,
                        block.day.isoformat(),
                        block.area,
                        block.area_name,
                        block.first,
                        block.last,
                        block.first,
                        json.dumps([w.model_dump() for w in block.hours]),
                        self._now().isoformat(),
                    ),
                )
            new.append(block)
        return new

    def offline_numbers_left(self, area: str) -> int:
        """Numbers left in today's blocks of ``area``."""
        if self._journal is None:
            return 0
        with self._journal.read() as conn:
            row = conn.execute(
                "SELECT COALESCE(SUM(last_serial - next_serial + 1), 0) FROM queue_blocks"
                " WHERE day = ? AND area = ?",
                (self._now().date().isoformat(), area.upper()),
            ).fetchone()
        return int(row[0])

    def pending_offline(self) -> int:
        """Offline tickets not yet reported to the gateway."""
        if self._journal is None:
            return 0
        with self._journal.read() as conn:
            row = conn.execute(
                "SELECT COUNT(*) FROM queue_offline_tickets WHERE state = 'pending'"
            ).fetchone()
        return int(row[0])

    def report_offline(self) -> OfflineTicketsResult | None:
        """Send unreported offline tickets (oldest first); ``None`` when there are none.

        Joined and duplicate ones are marked joined; refused ones are kept with the
        gateway's message (:meth:`offline_problems`), never dropped.

        Raises:
            Offline: the gateway cannot be reached (the tickets stay pending).
        """
        if self._journal is None:
            return None
        with self._journal.read() as conn:
            rows = conn.execute(
                "SELECT request_id, number, block_id, green, issued_at"
                " FROM queue_offline_tickets WHERE state = 'pending'"
                " ORDER BY issued_at, number LIMIT 500"
            ).fetchall()
        if not rows:
            return None
        report = OfflineTicketsReport(
            tickets=[
                OfflineTicket(
                    request_id=r[0],
                    number=r[1],
                    block_id=r[2],
                    green=GreenChannel(r[3]),
                    issued_at=_dt.datetime.fromisoformat(r[4]),
                )
                for r in rows
            ]
        )
        result = self._post("/v1/queue/offline-tickets", report, OfflineTicketsResult)
        with self._journal.transaction() as conn:
            for item in result.results:
                state = "rejected" if item.status == "rejected" else "joined"
                conn.execute(
                    "UPDATE queue_offline_tickets SET state = ?, message = ? WHERE request_id = ?",
                    (state, item.message, item.request_id),
                )
        rejected = sum(1 for r in result.results if r.status == "rejected")
        if rejected:
            log.error("%d offline tickets were refused by the gateway", rejected)
        log.info("%d offline tickets reported", len(result.results))
        return result

    def offline_problems(self) -> list[OfflineIssue]:
        """Offline tickets the gateway refused (for staff: "needs attention")."""
        if self._journal is None:
            return []
        with self._journal.read() as conn:
            rows = conn.execute(
                "SELECT number, area, issued_at, state, message FROM queue_offline_tickets"
                " WHERE state = 'rejected' ORDER BY issued_at"
            ).fetchall()
        return [
            OfflineIssue(r[0], r[1], _dt.datetime.fromisoformat(r[2]), r[3], r[4]) for r in rows
        ]

    def waiting_counts(self) -> list[WaitingCount]:
        """Waiting people per business area, with hours and caps (online only).

        Raises:
            Offline: the gateway cannot be reached.
        """
        counts = _parse(WaitingCounts, self._transport.send("GET", "/v1/queue/waiting"))
        with self._lock:
            for c in counts.areas:
                self._known_waiting[c.area] = c.waiting
                self._offline_since_known[c.area] = 0
        return counts.areas

    # ---------------------------------------------------------------- window

    def set_window_areas(
        self, window: str, areas: Iterable[str], *, clerk_id: str = ""
    ) -> WindowBody:
        """潮汐窗口: the business areas ``window`` calls from now on."""
        body = WindowAreasRequest(areas=[a.strip().upper() for a in areas], clerk_id=clerk_id)
        return self._post(f"/v1/queue/windows/{_seg(window)}/areas", body, WindowBody)

    def pause(self, window: str, reason: str, *, clerk_id: str = "") -> WindowBody:
        """暂停服务 with a reason; calling is refused until :meth:`resume`."""
        body = PauseRequest(reason=reason, clerk_id=clerk_id)
        return self._post(f"/v1/queue/windows/{_seg(window)}/pause", body, WindowBody)

    def resume(self, window: str) -> WindowBody:
        return self._post(f"/v1/queue/windows/{_seg(window)}/resume", None, WindowBody)

    def call_next(self, window: str, *, clerk_id: str) -> TicketBody:
        """叫号: the next ticket for the window's business areas."""
        body = ClerkRequest(clerk_id=clerk_id)
        return self._post(f"/v1/queue/windows/{_seg(window)}/call-next", body, TicketBody)

    def call(self, number: str, *, window: str, clerk_id: str) -> TicketBody:
        """Call a specific ticket (one back from 挂起, or one picked by hand)."""
        return self._act(number, "call", TicketActionRequest(window_no=window, clerk_id=clerk_id))

    def recall(self, number: str) -> TicketBody:
        """重呼 (announced again on the hall display)."""
        return self._act(number, "recall")

    def no_show(self, number: str) -> TicketBody:
        """过号."""
        return self._act(number, "no-show")

    def start(self, number: str) -> TicketBody:
        """The person arrived: service starts."""
        return self._act(number, "start")

    def finish(self, number: str) -> TicketBody:
        """办结."""
        return self._act(number, "finish")

    def suspend(self, number: str, reason: str) -> TicketBody:
        """挂起: the person steps away and comes back to this window."""
        return self._act(number, "suspend", TicketActionRequest(reason=reason))

    def transfer(self, number: str, to_area: str) -> TicketBody:
        """转办: returns the new ticket, which keeps its place (issue time, channel)."""
        return self._act(number, "transfer", TicketActionRequest(to_area=to_area))

    def link_case(self, number: str, case_number: str) -> TicketBody:
        """一号办到底: a case handled under this ticket."""
        return self._act(number, "link-case", TicketActionRequest(case_number=case_number))

    def link_evaluation(self, number: str, evaluation_id: str) -> TicketBody:
        """The evaluation (好差评) of the service under this ticket."""
        return self._act(
            number, "link-evaluation", TicketActionRequest(evaluation_id=evaluation_id)
        )

    def ticket(self, number: str) -> TicketBody:
        """One of today's tickets with its state, times and links."""
        return _parse(TicketBody, self._transport.send("GET", f"/v1/queue/tickets/{_seg(number)}"))

    def _act(self, number: str, action: str, body: TicketActionRequest | None = None) -> TicketBody:
        return self._post(
            f"/v1/queue/tickets/{_seg(number)}/{action}",
            body or TicketActionRequest(),
            TicketBody,
        )

    # ---------------------------------------------------------------- display

    def feed(self, *, after: int, wait: float = 0.0) -> CallFeed:
        """Calls and counts after revision ``after``; waits up to ``wait`` s for a change."""
        raw = self._transport.send(
            "GET",
            "/v1/queue/feed",
            params={"after": after, "wait": wait},
            read_timeout=READ_TIMEOUT + wait,
        )
        return _parse(CallFeed, raw)


def _seg(text: str) -> str:
    """A path segment: window numbers and ticket numbers are short plain text."""
    cleaned = text.strip()
    if not cleaned or "/" in cleaned or len(cleaned) > 16:
        raise QueueRefused(msg("窗口号或排队号格式不正确"), code="queue.segment")
    return quote(cleaned, safe="")


def _is_open(hours: list[OpeningWindow], moment: _dt.datetime) -> bool:
    now = moment.astimezone(HALL_TZ).strftime("%H:%M")
    return any(w.start <= now < w.end for w in hours)
