"""The gateway as queue authority of its hall (取号 / 叫号, seed 004 三(五)1, 二(二)).

One queue per hall and day. The rules (states, recalls, transfer, 一号办到底) are the
ones of :mod:`core.queue`; this module numbers tickets, keeps the live queue and the
call feed in the gateway database, and serves them to signed devices.

- **Numbers** come from one counter row per (hall, day, business area) updated inside
  the serialized write transaction (:meth:`gateway.db.Database.write`), so many kiosks
  issuing at once never get the same number and walk-in numbers are gapless.
- **Offline blocks** are cut from the top of the same number space (A950–A999, then
  A900–A949 …) while walk-in numbers count up from 001; the two meet only when the day
  is full, and the check is in the same transaction, so a block never collides with an
  online number or another terminal's block.
- **Calling order** for a window is :func:`core.queue.next_ticket`: green channel
  (老年人、残疾人、孕期妇女、军人) first, then appointments whose slot is on — ordered by
  their slot, so checking in early does not overtake an earlier booking — then first
  come, first served by issue time. Transferred tickets keep their original issue
  time and channel.
- **潮汐窗口**: a window's business areas can be changed at any time; calling follows
  the areas it serves at the moment it calls.
- **Call feed**: every change bumps the hall's revision; the display long-polls
  ``/v1/queue/feed`` and wakes as soon as something changes.
"""

from __future__ import annotations

import asyncio
import datetime as _dt
import hashlib
import json
import logging
import re
import secrets
import threading
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from fastapi import FastAPI, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from core.clock import HALL_TZ, hall_date
from core.errors import IllegalTransition, UserFacingError, ValidationFailed, msg
from core.identifiers import validate_resident_id, validate_uscc
from core.queue import (
    Appointment,
    Ticket,
    TicketState,
    format_ticket_number,
    next_ticket,
    parse_ticket_number,
    people_ahead,
)
from gateway.db import Database, Tx
from gateway.store import DeviceRecord, GatewayStore
from sync.protocol import ErrorBody, ErrorDetail, Stream
from sync.queue_protocol import (
    MAX_FEED_CALLS,
    MAX_FEED_WAIT,
    AppointmentBody,
    AppointmentIn,
    AppointmentQuery,
    AppointmentsFound,
    AppointmentsRequest,
    AppointmentsStored,
    AreaSettings,
    AreaSettingsList,
    BlockRequest,
    CallEvent,
    CallFeed,
    ClerkRequest,
    IssuedTicketBody,
    IssueRequest,
    OfflineTicket,
    OfflineTicketResult,
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

log = logging.getLogger(__name__)

TOP_SERIAL = 999
"""Highest serial of a ticket number (``A999``)."""

QUEUE_SCHEMA = """
CREATE TABLE IF NOT EXISTS queue_areas (
    hall_id TEXT NOT NULL,
    prefix TEXT NOT NULL,
    name TEXT NOT NULL,
    daily_cap INTEGER,
    hours TEXT NOT NULL,
    PRIMARY KEY (hall_id, prefix)
);
CREATE TABLE IF NOT EXISTS queue_tickets (
    hall_id TEXT NOT NULL,
    day TEXT NOT NULL,
    number TEXT NOT NULL,
    area TEXT NOT NULL,
    state TEXT NOT NULL,
    origin TEXT NOT NULL,
    issued_at DOUBLE PRECISION NOT NULL,
    window_no TEXT NOT NULL,
    request_id TEXT UNIQUE,
    device_id TEXT NOT NULL,
    block_id TEXT,
    doc TEXT NOT NULL,
    PRIMARY KEY (hall_id, day, number)
);
CREATE INDEX IF NOT EXISTS queue_tickets_waiting ON queue_tickets (hall_id, day, state, area);
CREATE TABLE IF NOT EXISTS queue_blocks (
    block_id TEXT PRIMARY KEY,
    request_id TEXT UNIQUE,
    hall_id TEXT NOT NULL,
    day TEXT NOT NULL,
    area TEXT NOT NULL,
    device_id TEXT NOT NULL,
    first_serial INTEGER NOT NULL,
    last_serial INTEGER NOT NULL,
    created_at DOUBLE PRECISION NOT NULL
);
CREATE TABLE IF NOT EXISTS queue_windows (
    hall_id TEXT NOT NULL,
    window_no TEXT NOT NULL,
    areas TEXT NOT NULL,
    paused INTEGER NOT NULL DEFAULT 0,
    pause_reason TEXT NOT NULL DEFAULT '',
    clerk_id TEXT NOT NULL DEFAULT '',
    updated_at DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (hall_id, window_no)
);
CREATE TABLE IF NOT EXISTS queue_calls (
    hall_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    day TEXT NOT NULL,
    number TEXT NOT NULL,
    area TEXT NOT NULL,
    window_no TEXT NOT NULL,
    kind TEXT NOT NULL,
    at DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (hall_id, seq)
);
CREATE TABLE IF NOT EXISTS queue_appointments (
    reference TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    area TEXT NOT NULL,
    slot_start DOUBLE PRECISION NOT NULL,
    slot_end DOUBLE PRECISION NOT NULL,
    ticket_number TEXT,
    checked_in_at DOUBLE PRECISION
);
CREATE TABLE IF NOT EXISTS queue_appointment_holders (
    reference TEXT PRIMARY KEY,
    holder_sha256 TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS queue_appointment_holders_by_holder
    ON queue_appointment_holders (holder_sha256);
"""

HOLDER_DIGEST_TAG = b"govterm-appointment-holder:"
"""Domain tag of the digest an appointment's holder is kept as."""


_AREA_TEXT = (
    re.compile(r"^\s*(?P<prefix>[A-Z]{1,2})[\s:：.、-]*(?P<name>\S.*?)\s*$"),
    re.compile(r"^\s*(?P<name>\S.*?)[\s:：-]*(?P<prefix>[A-Z]{1,2})\s*$"),
)


class QueueRefused(UserFacingError):
    """A queue request the rules refuse (closed, cap reached, wrong window …)."""


def parse_business_area(text: str) -> tuple[str, str] | None:
    """``"A 综合受理区"`` or ``"综合受理A"`` → ``("A", "综合受理区")``; ``None`` if no prefix."""
    for pattern in _AREA_TEXT:
        match = pattern.match(text)
        if match and match["name"].strip():
            return match["prefix"], match["name"].strip()
    return None


def hours_text(hours: Sequence[OpeningWindow]) -> str:
    """``"08:30-11:30、13:30-17:00"``; ``"全天"`` when unrestricted."""
    return "、".join(f"{w.start}-{w.end}" for w in hours) if hours else "全天"


def is_open(hours: Sequence[OpeningWindow], moment: _dt.datetime) -> bool:
    """Whether tickets of an area with these hours may be issued at ``moment``."""
    if not hours:
        return True
    now = moment.astimezone(HALL_TZ).strftime("%H:%M")
    return any(w.start <= now < w.end for w in hours)


def holder_digest(holder_id: str) -> str:
    """The digest an appointment's holder is kept and looked up by.

    Raises:
        ValidationFailed: neither a valid 公民身份号码 nor 统一社会信用代码.
    """
    text = holder_id.strip().upper()
    try:
        normal = validate_resident_id(text)
    except ValidationFailed:
        try:
            normal = validate_uscc(text)
        except ValidationFailed:
            raise ValidationFailed(
                msg("预约人证件号码无效（应为身份证号码或统一社会信用代码）"),
                code="queue.appointment_holder",
            ) from None
    return hashlib.sha256(HOLDER_DIGEST_TAG + normal.encode("ascii")).hexdigest()


def _ts(moment: _dt.datetime | None) -> float | None:
    return moment.timestamp() if moment is not None else None


def _dt_of(ts: float) -> _dt.datetime:
    return _dt.datetime.fromtimestamp(ts, HALL_TZ)


@dataclass(frozen=True, slots=True)
class _Stored:
    ticket: Ticket
    origin: str
    device_id: str


def ensure_queue_schema(db: Database) -> None:
    """Create the queue tables if they are missing (idempotent)."""
    db.script(QUEUE_SCHEMA)


def link_ticket(  # noqa: PLR0913 - the two links and where they belong
    tx: Tx,
    *,
    hall_id: str,
    number: str,
    days: Sequence[_dt.date],
    case_number: str | None = None,
    evaluation_id: str | None = None,
    at: _dt.datetime,
) -> str:
    """一号办到底 from an event: link a case or an evaluation to the ticket it names.

    Called by the event inbox (``case.submitted``, ``evaluation.submitted``) inside its
    transaction, so the link is made by the event itself. A ticket number is unique
    per hall and day: ``days`` are tried in turn (the event's own day first). A case
    under a ticket that is only called starts its service (the person is at the
    window). The link never refuses the event: a ticket that is unknown, or in a
    state the rules do not link from, is logged and left alone.

    Returns:
        The ticket number linked, or ``""`` when nothing was linked.
    """
    try:
        prefix, serial = parse_ticket_number(number)
    except ValidationFailed:
        log.warning("event names a malformed ticket number; not linked")
        return ""
    number = format_ticket_number(prefix, serial)
    for day in dict.fromkeys(d.isoformat() for d in days):
        stored = QueueAuthority.load(tx, hall_id, day, number)
        if stored is None:
            continue
        ticket = stored.ticket
        try:
            if case_number:
                if ticket.state is TicketState.CALLED:
                    ticket = ticket.start(at=at)
                ticket = ticket.link_case(case_number)
            if evaluation_id:
                ticket = ticket.link_evaluation(evaluation_id)
        except UserFacingError as exc:
            log.warning("ticket %s of hall %s not linked: %s", number, hall_id, exc.code)
            return ""
        if ticket != stored.ticket:
            QueueAuthority.save(tx, hall_id, day, ticket)
        return number
    log.info("ticket %s not found at hall %s; event not linked to it", number, hall_id)
    return ""


# ------------------------------------------------------------------ long-poll bell

CLIENT_GONE = 499
"""Status a long-poll ends with when its client has disconnected (nobody reads it).

A long-poll notices within one re-check (≤ 1 s) that the terminal went away (its
window closed, its link was aborted) instead of holding the request, a worker and the
server's shutdown for the rest of its ``wait``."""


class HallBell:
    """Wakes the long-polls of a hall (call feed, help feed) after a change commits."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._waiters: dict[str, set[asyncio.Future[None]]] = {}

    def waiter(self, hall_id: str) -> asyncio.Future[None]:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[None] = loop.create_future()
        with self._lock:
            self._loop = loop
            self._waiters.setdefault(hall_id, set()).add(future)
        return future

    def discard(self, hall_id: str, future: asyncio.Future[None]) -> None:
        with self._lock:
            self._waiters.get(hall_id, set()).discard(future)

    def ring(self, hall_id: str) -> None:
        with self._lock:
            loop = self._loop
            futures = list(self._waiters.get(hall_id, ()))
        if loop is None or not futures:
            return

        def wake() -> None:
            for future in futures:
                if not future.done():
                    future.set_result(None)

        loop.call_soon_threadsafe(wake)

    async def long_poll(
        self,
        request: Request,
        hall_id: str,
        *,
        changed: Callable[[], bool],
        answer: Callable[[], Awaitable[Response]],
        wait: float,
        recheck: float,
    ) -> Response:
        """Answer a feed request once the hall's feed changed, or after ``wait`` s.

        Args:
            request: the long-poll (left with :data:`CLIENT_GONE` once its client went).
            hall_id: the hall whose ring wakes it.
            changed: whether the feed moved past what the client has (blocking, run
                in the thread pool).
            answer: the feed's answer, made when it changed or the wait is over.
            wait: seconds to wait at the most.
            recheck: seconds between looks without a ring: changes made by another
                process (or heartbeats) are only seen by looking.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + wait
        while True:
            future = self.waiter(hall_id)
            try:
                moved = await run_in_threadpool(changed)
                remaining = deadline - loop.time()
                if moved or remaining <= 0:
                    return await answer()
                if await request.is_disconnected():
                    return Response(status_code=CLIENT_GONE)
                await asyncio.wait([future], timeout=min(recheck, remaining))
            finally:
                self.discard(hall_id, future)


# ------------------------------------------------------------------ the authority


class QueueAuthority:
    """The live queue of every hall this gateway serves.

    Every method runs one write (or read) transaction; the hall is always the calling
    device's own.

    Args:
        store: the gateway store (its database and clock).
    """

    def __init__(self, *, store: GatewayStore) -> None:
        self._store = store
        self.bell = HallBell()
        ensure_queue_schema(store.db)

    def _now(self) -> _dt.datetime:
        return self._store.clock.now().astimezone(HALL_TZ)

    # ---------------------------------------------------------------- configuration

    def configure_areas(self, hall_id: str, areas: Sequence[AreaSettings]) -> None:
        """Set a hall's business areas: names, daily caps, issuing hours."""
        prefixes = [a.prefix for a in areas]
        if len(set(prefixes)) != len(prefixes):
            raise ValidationFailed(msg("业务类别前缀重复"), code="queue.area_duplicate")
        for area in areas:
            for window in area.hours:
                if window.end <= window.start:
                    raise ValidationFailed(
                        msg(
                            "{area}的取号时段 {start}-{end} 结束时间应晚于开始时间",
                            area=area.name,
                            start=window.start,
                            end=window.end,
                        ),
                        code="queue.hours",
                    )
        with self._store.db.write() as tx:
            tx.execute("DELETE FROM queue_areas WHERE hall_id = ?", (hall_id,))
            for area in areas:
                tx.execute(
                    "INSERT INTO queue_areas (hall_id, prefix, name, daily_cap, hours)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (
                        hall_id,
                        area.prefix,
                        area.name,
                        area.daily_cap,
                        json.dumps([w.model_dump() for w in area.hours]),
                    ),
                )
            self._bump(tx, hall_id)
        log.info("queue areas of hall %s set: %s", hall_id, ",".join(prefixes))

    def add_appointments(self, hall_id: str, request: AppointmentsRequest) -> int:
        """Register booked appointments of a hall (from the platform's 预约 system).

        References are kept upper-case (codes are typed in any case); a holder's ID
        number or credit code only as a digest (:func:`holder_digest`).

        Raises:
            ValidationFailed: an area the hall does not have, a slot that ends before
                it starts, or a holder number with a wrong check character.
        """
        with self._store.db.write() as tx:
            areas = self._areas(tx, hall_id)
            for a in request.appointments:
                reference = a.reference.strip().upper()
                if a.area not in areas:
                    raise ValidationFailed(
                        msg(
                            "预约 {reference} 的业务类别 {area} 不在本大厅",
                            reference=reference,
                            area=a.area,
                        ),
                        code="queue.area",
                    )
                Appointment(reference=reference, slot_start=a.slot_start, slot_end=a.slot_end)
                digest = holder_digest(a.holder_id) if a.holder_id is not None else None
                tx.execute(
                    "INSERT INTO queue_appointments (reference, hall_id, area, slot_start,"
                    " slot_end) VALUES (?, ?, ?, ?, ?) ON CONFLICT (reference) DO UPDATE SET"
                    " area = excluded.area, slot_start = excluded.slot_start,"
                    " slot_end = excluded.slot_end",
                    (
                        reference,
                        hall_id,
                        a.area,
                        a.slot_start.timestamp(),
                        a.slot_end.timestamp(),
                    ),
                )
                tx.execute(
                    "DELETE FROM queue_appointment_holders WHERE reference = ?", (reference,)
                )
                if digest is not None:
                    tx.execute(
                        "INSERT INTO queue_appointment_holders (reference, holder_sha256)"
                        " VALUES (?, ?)",
                        (reference, digest),
                    )
        log.info("%d appointments stored for hall %s", len(request.appointments), hall_id)
        return len(request.appointments)

    def find_appointments(self, device: DeviceRecord, query: AppointmentQuery) -> AppointmentsFound:
        """预约查询 for 预约签到: one booking by its code, or a holder's bookings of today.

        Raises:
            ValidationFailed: the holder number is not a valid ID number or credit code.
        """
        hall, now = device.hall_id, self._now()
        with self._store.db.read() as tx:
            names = {a.prefix: a.name for a in self._areas(tx, hall).values()}
            columns = (
                "SELECT a.reference, a.area, a.slot_start, a.slot_end, a.ticket_number"
                " FROM queue_appointments a"
            )
            if query.reference is not None:
                rows = tx.all(
                    columns + " WHERE a.reference = ? AND a.hall_id = ?",
                    (query.reference.strip().upper(), hall),
                )
            else:
                assert query.holder_id is not None  # the query's validator
                day_start = _dt.datetime.combine(now.date(), _dt.time(), HALL_TZ)
                rows = tx.all(
                    columns + " JOIN queue_appointment_holders h ON h.reference = a.reference"
                    " WHERE h.holder_sha256 = ? AND a.hall_id = ? AND a.slot_start >= ?"
                    " AND a.slot_start < ? ORDER BY a.slot_start",
                    (
                        holder_digest(query.holder_id),
                        hall,
                        day_start.timestamp(),
                        (day_start + _dt.timedelta(days=1)).timestamp(),
                    ),
                )
        found = []
        for reference, booked, start, end, used in rows:
            area = str(booked)
            appointment = Appointment(
                reference=reference, slot_start=_dt_of(start), slot_end=_dt_of(end)
            )
            found.append(
                AppointmentBody(
                    reference=reference,
                    area=area,
                    area_name=names.get(area, area),
                    slot_start=appointment.slot_start,
                    slot_end=appointment.slot_end,
                    ticket_number=used,
                    on_time=appointment.is_on(now),
                )
            )
        return AppointmentsFound(appointments=found)

    def _areas(self, tx: Tx, hall_id: str) -> dict[str, AreaSettings]:
        """The hall's areas: from the published hall (``business_areas``), then settings."""
        found: dict[str, AreaSettings] = {}
        hall = self._store.live_doc(tx, Stream.HALLS, "", hall_id)
        for text in (hall or {}).get("business_areas", []):
            parsed = parse_business_area(str(text))
            if parsed is not None:
                found[parsed[0]] = AreaSettings(prefix=parsed[0], name=parsed[1])
        for prefix, name, cap, hours in tx.all(
            "SELECT prefix, name, daily_cap, hours FROM queue_areas WHERE hall_id = ?"
            " ORDER BY prefix",
            (hall_id,),
        ):
            found[prefix] = AreaSettings(
                prefix=prefix,
                name=name,
                daily_cap=cap,
                hours=[OpeningWindow.model_validate(w) for w in json.loads(hours)],
            )
        return dict(sorted(found.items()))

    def _area(self, tx: Tx, hall_id: str, prefix: str) -> AreaSettings:
        areas = self._areas(tx, hall_id)
        if not areas:
            raise QueueRefused(msg("本大厅未开通排队取号"), code="queue.no_areas")
        area = areas.get(prefix)
        if area is None:
            names = "、".join(f"{a.prefix} {a.name}" for a in areas.values())
            raise QueueRefused(
                msg("本大厅没有业务类别 {prefix}，可选：{names}", prefix=prefix, names=names),
                code="queue.area",
            )
        return area

    # ---------------------------------------------------------------- storage

    @staticmethod
    def load(tx: Tx, hall_id: str, day: str, number: str) -> _Stored | None:
        """One stored ticket of a day, with where it came from."""
        row = tx.one(
            "SELECT doc, origin, device_id FROM queue_tickets"
            " WHERE hall_id = ? AND day = ? AND number = ?",
            (hall_id, day, number),
        )
        if row is None:
            return None
        return _Stored(Ticket.model_validate_json(row[0]), row[1], row[2])

    def _require(self, tx: Tx, hall_id: str, day: str, number: str) -> Ticket:
        try:
            prefix, serial = parse_ticket_number(number)
        except ValidationFailed:
            raise QueueRefused(
                msg("排队号 {number} 格式不正确", number=number[:8]), code="queue.number"
            ) from None
        stored = self.load(tx, hall_id, day, format_ticket_number(prefix, serial))
        if stored is None:
            raise QueueRefused(
                msg("今天没有排队号 {number}", number=number), code="queue.unknown_ticket"
            )
        return stored.ticket

    @staticmethod
    def save(  # noqa: PLR0913 - the ticket row's columns
        tx: Tx,
        hall_id: str,
        day: str,
        ticket: Ticket,
        *,
        origin: str = "",
        device_id: str = "",
        request_id: str | None = None,
        block_id: str | None = None,
    ) -> None:
        """Update a ticket's row, or insert it with where it came from."""
        doc = ticket.model_dump_json()
        changed = tx.execute(
            "UPDATE queue_tickets SET state = ?, window_no = ?, doc = ?"
            " WHERE hall_id = ? AND day = ? AND number = ?",
            (ticket.state.value, ticket.window_no, doc, hall_id, day, ticket.number),
        )
        if changed:
            return
        tx.execute(
            "INSERT INTO queue_tickets (hall_id, day, number, area, state, origin, issued_at,"
            " window_no, request_id, device_id, block_id, doc)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                hall_id,
                day,
                ticket.number,
                ticket.area,
                ticket.state.value,
                origin,
                ticket.issued_at.timestamp(),
                ticket.window_no,
                request_id,
                device_id,
                block_id,
                doc,
            ),
        )

    @staticmethod
    def _counter(tx: Tx, name: str, start: int, step: int) -> int:
        """Add ``step`` to a counter row (created at ``start``) and return the new value."""
        tx.execute(
            "INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
            (name, start),
        )
        row = tx.one(
            "UPDATE counters SET value = value + ? WHERE name = ? RETURNING value", (step, name)
        )
        assert row is not None
        return int(row[0])

    @staticmethod
    def _peek(tx: Tx, name: str, default: int) -> int:
        row = tx.one("SELECT value FROM counters WHERE name = ?", (name,))
        return int(row[0]) if row else default

    def _bump(self, tx: Tx, hall_id: str) -> int:
        return self._counter(tx, f"queue_rev:{hall_id}", 0, 1)

    def _next_serial(self, tx: Tx, hall_id: str, day: str, area: AreaSettings) -> int:
        """The next walk-in serial, refused when it would reach the offline blocks."""
        up, floor = _counter_names(hall_id, day, area.prefix)
        serial = self._counter(tx, up, 0, 1)
        if serial >= self._peek(tx, floor, TOP_SERIAL + 1):
            raise QueueRefused(
                msg("今日{area}的号码已全部发出，请明天再来或通过预约办理", area=area.name),
                code="queue.numbers_exhausted",
            )
        return serial

    def _record_call(self, tx: Tx, hall_id: str, day: str, ticket: Ticket, kind: str) -> None:
        seq = self._bump(tx, hall_id)
        tx.execute(
            "INSERT INTO queue_calls (hall_id, seq, day, number, area, window_no, kind, at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                hall_id,
                seq,
                day,
                ticket.number,
                ticket.area,
                ticket.window_no,
                kind,
                self._now().timestamp(),
            ),
        )

    # ---------------------------------------------------------------- issuing

    def issue(self, device: DeviceRecord, request: IssueRequest) -> IssuedTicketBody:
        """取号 / 预约签到: a new ticket, numbered in this transaction.

        Raises:
            QueueRefused: unknown area, outside issuing hours, daily cap reached, numbers
                exhausted, or an appointment that is unknown, of another day or used.
        """
        hall, now = device.hall_id, self._now()
        day = now.date().isoformat()
        with self._store.db.write() as tx:
            if request.request_id:
                again = tx.one(
                    "SELECT number FROM queue_tickets WHERE request_id = ? AND hall_id = ?",
                    (request.request_id, hall),
                )
                if again is not None:
                    ticket = self._require(tx, hall, day, again[0])
                    return self._issued(tx, hall, day, ticket, now)
            prefix = request.area
            if prefix is None and request.appointment_ref is not None:
                prefix = self._booked_area(tx, hall, request.appointment_ref)
            area = self._area(tx, hall, prefix or "")
            appointment = None
            if request.appointment_ref is not None:
                appointment = self._check_in(tx, hall, area, request.appointment_ref, now)
            else:
                self._check_open(tx, hall, day, area, now)
            serial = self._next_serial(tx, hall, day, area)
            ticket = Ticket(
                number=format_ticket_number(area.prefix, serial),
                area=area.prefix,
                issued_at=now,
                green=request.green,
                appointment=appointment,
            )
            origin = "appointment" if appointment else "online"
            self.save(
                tx,
                hall,
                day,
                ticket,
                origin=origin,
                device_id=device.device_id,
                request_id=request.request_id,
            )
            if appointment is not None:
                tx.execute(
                    "UPDATE queue_appointments SET ticket_number = ?, checked_in_at = ?"
                    " WHERE reference = ?",
                    (ticket.number, now.timestamp(), appointment.reference),
                )
            self._bump(tx, hall)
            issued = self._issued(tx, hall, day, ticket, now)
        log.info("ticket %s issued at hall %s (%s)", ticket.number, hall, origin)
        return issued

    def _check_open(
        self, tx: Tx, hall: str, day: str, area: AreaSettings, now: _dt.datetime
    ) -> None:
        if not is_open(area.hours, now):
            raise QueueRefused(
                msg(
                    "{area}（{prefix}）取号时间为 {hours_text}，现在不在取号时间内",
                    area=area.name,
                    prefix=area.prefix,
                    hours_text=hours_text(area.hours),
                ),
                code="queue.closed",
            )
        if area.daily_cap is not None:
            row = tx.one(
                "SELECT COUNT(*) FROM queue_tickets WHERE hall_id = ? AND day = ? AND area = ?"
                " AND origin IN ('online', 'offline')",
                (hall, day, area.prefix),
            )
            if row is not None and int(row[0]) >= area.daily_cap:
                raise QueueRefused(
                    msg(
                        "今日{area}的号已取完（每日限 {daily_cap} 个），请明天再来或通过预约办理",
                        area=area.name,
                        daily_cap=area.daily_cap,
                    ),
                    code="queue.cap_reached",
                )

    @staticmethod
    def _booked_area(tx: Tx, hall: str, reference: str) -> str:
        row = tx.one(
            "SELECT area FROM queue_appointments WHERE reference = ? AND hall_id = ?",
            (reference.strip().upper(), hall),
        )
        if row is None:
            raise QueueRefused(
                msg("没有找到这个预约，请核对预约号"), code="queue.appointment_unknown"
            )
        return str(row[0])

    def _check_in(
        self, tx: Tx, hall: str, area: AreaSettings, reference: str, now: _dt.datetime
    ) -> Appointment:
        reference = reference.strip().upper()
        row = tx.one(
            "SELECT area, slot_start, slot_end, ticket_number FROM queue_appointments"
            " WHERE reference = ? AND hall_id = ?",
            (reference, hall),
        )
        if row is None:
            raise QueueRefused(
                msg("没有找到这个预约，请核对预约号"), code="queue.appointment_unknown"
            )
        booked_area, start, end, used = row
        if used:
            raise QueueRefused(
                msg("该预约已签到，排队号为 {used}", used=used),
                code="queue.appointment_used",
                number=used,
            )
        if booked_area != area.prefix:
            raise QueueRefused(
                msg(
                    "该预约的业务类别为 {booked_area}，请选择对应业务签到", booked_area=booked_area
                ),
                code="queue.appointment_area",
            )
        appointment = Appointment(
            reference=reference, slot_start=_dt_of(start), slot_end=_dt_of(end)
        )
        if hall_date(appointment.slot_start) != now.date():
            raise QueueRefused(
                msg(
                    "该预约的日期为 {date}，不是今天",
                    date=format(hall_date(appointment.slot_start), "%Y年%m月%d日"),
                ),
                code="queue.appointment_day",
            )
        if now > appointment.slot_end:
            raise QueueRefused(
                msg(
                    "预约时段 {start}-{end} 已过，请重新取号",
                    start=format(appointment.slot_start, "%H:%M"),
                    end=format(appointment.slot_end, "%H:%M"),
                ),
                code="queue.appointment_late",
            )
        return appointment

    def _issued(
        self, tx: Tx, hall: str, day: str, ticket: Ticket, now: _dt.datetime
    ) -> IssuedTicketBody:
        ahead = people_ahead(ticket, self._waiting(tx, hall, day, [ticket.area]), now=now)
        names = {a.prefix: a.name for a in self._areas(tx, hall).values()}
        origin = self.load(tx, hall, day, ticket.number)
        return IssuedTicketBody(
            ticket=ticket_body(ticket, names, offline=bool(origin and origin.origin == "offline")),
            people_ahead=ahead,
        )

    @staticmethod
    def _waiting(tx: Tx, hall: str, day: str, areas: Iterable[str]) -> list[Ticket]:
        wanted = list(dict.fromkeys(areas))
        if not wanted:
            return []
        marks = ",".join("?" * len(wanted))
        rows = tx.all(
            "SELECT doc FROM queue_tickets WHERE hall_id = ? AND day = ? AND state = 'waiting'"
            f" AND area IN ({marks})",  # noqa: S608 - placeholders only
            (hall, day, *wanted),
        )
        return [Ticket.model_validate_json(r[0]) for r in rows]

    # ---------------------------------------------------------------- offline blocks

    def allocate_block(self, device: DeviceRecord, request: BlockRequest) -> TicketBlockBody:
        """Reserve ``size`` numbers of an area, today, for one terminal's offline issuing.

        Raises:
            QueueRefused: unknown area, or not enough numbers left today.
        """
        hall, now = device.hall_id, self._now()
        day = now.date().isoformat()
        with self._store.db.write() as tx:
            area = self._area(tx, hall, request.area)
            again = tx.one(
                "SELECT block_id, first_serial, last_serial, day FROM queue_blocks"
                " WHERE request_id = ? AND device_id = ?",
                (request.request_id, device.device_id),
            )
            if again is not None:
                return _block_body(again[0], area, again[3], int(again[1]), int(again[2]))
            up, floor = _counter_names(hall, day, area.prefix)
            top = self._peek(tx, floor, TOP_SERIAL + 1) - 1
            first = top - request.size + 1
            if first <= self._peek(tx, up, 0) + 1:
                raise QueueRefused(
                    msg("今日{area}剩余号码不足，无法预留离线号段", area=area.name),
                    code="queue.block_exhausted",
                )
            self._counter(tx, floor, TOP_SERIAL + 1, -request.size)
            block_id = "blk-" + secrets.token_hex(6)
            tx.execute(
                "INSERT INTO queue_blocks (block_id, request_id, hall_id, day, area, device_id,"
                " first_serial, last_serial, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    block_id,
                    request.request_id,
                    hall,
                    day,
                    area.prefix,
                    device.device_id,
                    first,
                    top,
                    now.timestamp(),
                ),
            )
        log.info(
            "offline block %s%03d-%s%03d for device %s at hall %s",
            area.prefix,
            first,
            area.prefix,
            top,
            device.device_id,
            hall,
        )
        return _block_body(block_id, area, day, first, top)

    def join_offline(
        self, device: DeviceRecord, report: OfflineTicketsReport
    ) -> OfflineTicketsResult:
        """Offline tickets join the queue in issue-time order; each gets its own result."""
        results: list[OfflineTicketResult] = []
        with self._store.db.write() as tx:
            for item in sorted(report.tickets, key=lambda t: (t.issued_at, t.number)):
                try:
                    with tx.savepoint():
                        status = self._join_one(tx, device, item)
                    results.append(
                        OfflineTicketResult(
                            request_id=item.request_id, number=item.number, status=status
                        )
                    )
                except UserFacingError as exc:
                    log.warning(
                        "offline ticket %s of device %s refused: %s",
                        item.number,
                        device.device_id,
                        exc.code,
                    )
                    results.append(
                        OfflineTicketResult(
                            request_id=item.request_id,
                            number=item.number,
                            status="rejected",
                            message=exc.message,
                        )
                    )
            self._bump(tx, device.hall_id)
        return OfflineTicketsResult(results=results)

    def _join_one(
        self, tx: Tx, device: DeviceRecord, item: OfflineTicket
    ) -> Literal["joined", "duplicate"]:
        hall = device.hall_id
        seen = tx.one(
            "SELECT number, device_id FROM queue_tickets WHERE request_id = ?", (item.request_id,)
        )
        if seen is not None:
            if seen[0] != item.number or seen[1] != device.device_id:
                raise QueueRefused(
                    msg("同一取号请求已登记为其他号码"), code="queue.offline_conflict"
                )
            return "duplicate"
        block = tx.one(
            "SELECT area, day, first_serial, last_serial FROM queue_blocks"
            " WHERE block_id = ? AND device_id = ? AND hall_id = ?",
            (item.block_id, device.device_id, hall),
        )
        if block is None:
            raise QueueRefused(msg("离线号段不属于本终端"), code="queue.offline_block")
        area, day, first, last = block[0], block[1], int(block[2]), int(block[3])
        prefix, serial = parse_ticket_number(item.number)
        if prefix != area or not first <= serial <= last:
            raise QueueRefused(
                msg("号码 {number} 不在本终端的离线号段内", number=item.number),
                code="queue.offline_range",
            )
        if hall_date(item.issued_at).isoformat() != day:
            raise QueueRefused(msg("离线号码的取号日期与号段日期不符"), code="queue.offline_day")
        if self.load(tx, hall, day, item.number) is not None:
            raise QueueRefused(
                msg("号码 {number} 已被使用", number=item.number), code="queue.offline_taken"
            )
        ticket = Ticket(number=item.number, area=area, issued_at=item.issued_at, green=item.green)
        self.save(
            tx,
            hall,
            day,
            ticket,
            origin="offline",
            device_id=device.device_id,
            request_id=item.request_id,
            block_id=item.block_id,
        )
        return "joined"

    # ---------------------------------------------------------------- windows

    def set_window_areas(
        self, device: DeviceRecord, window_no: str, request: WindowAreasRequest
    ) -> WindowBody:
        """潮汐窗口: from now on the window calls the given business areas."""
        hall = device.hall_id
        with self._store.db.write() as tx:
            for prefix in request.areas:
                self._area(tx, hall, prefix)
            tx.execute(
                "INSERT INTO queue_windows (hall_id, window_no, areas, clerk_id, updated_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (hall_id, window_no) DO UPDATE SET"
                " areas = excluded.areas, clerk_id = excluded.clerk_id,"
                " updated_at = excluded.updated_at",
                (
                    hall,
                    window_no,
                    json.dumps(list(dict.fromkeys(request.areas))),
                    request.clerk_id,
                    self._now().timestamp(),
                ),
            )
            self._bump(tx, hall)
            body = self._window(tx, hall, window_no)
        log.info("window %s of hall %s now serves %s", window_no, hall, ",".join(request.areas))
        return body

    def pause(self, device: DeviceRecord, window_no: str, request: PauseRequest) -> WindowBody:
        """暂停服务 with a reason; calling is refused until :meth:`resume`."""
        return self._set_paused(device.hall_id, window_no, paused=True, reason=request.reason)

    def resume(self, device: DeviceRecord, window_no: str) -> WindowBody:
        return self._set_paused(device.hall_id, window_no, paused=False, reason="")

    def _set_paused(self, hall: str, window_no: str, *, paused: bool, reason: str) -> WindowBody:
        with self._store.db.write() as tx:
            self._window(tx, hall, window_no)
            tx.execute(
                "UPDATE queue_windows SET paused = ?, pause_reason = ?, updated_at = ?"
                " WHERE hall_id = ? AND window_no = ?",
                (int(paused), reason, self._now().timestamp(), hall, window_no),
            )
            self._bump(tx, hall)
            return self._window(tx, hall, window_no)

    def _window(self, tx: Tx, hall: str, window_no: str) -> WindowBody:
        row = tx.one(
            "SELECT areas, paused, pause_reason FROM queue_windows"
            " WHERE hall_id = ? AND window_no = ?",
            (hall, window_no),
        )
        if row is None:
            raise QueueRefused(
                msg("{window_no}号窗口尚未设置办理的业务类别", window_no=window_no),
                code="queue.window_unknown",
            )
        current = tx.one(
            "SELECT number FROM queue_tickets WHERE hall_id = ? AND day = ? AND window_no = ?"
            " AND state IN ('called', 'serving') ORDER BY issued_at LIMIT 1",
            (hall, self._now().date().isoformat(), window_no),
        )
        return WindowBody(
            window_no=window_no,
            areas=json.loads(row[0]),
            paused=bool(row[1]),
            pause_reason=row[2],
            current=current[0] if current else "",
        )

    # ---------------------------------------------------------------- calling

    def call_next(self, device: DeviceRecord, window_no: str, request: ClerkRequest) -> TicketBody:
        """叫号: the next ticket for the areas the window serves right now.

        Raises:
            QueueRefused: window paused or not set up, its previous ticket unfinished,
                or nobody waiting.
        """
        hall, now = device.hall_id, self._now()
        day = now.date().isoformat()
        with self._store.db.write() as tx:
            window = self._window(tx, hall, window_no)
            self._ready(window)
            chosen = next_ticket(
                self._waiting(tx, hall, day, window.areas), areas=window.areas, now=now
            )
            if chosen is None:
                raise QueueRefused(msg("当前没有等候的人"), code="queue.empty")
            called = chosen.call(window_no=window_no, clerk_id=request.clerk_id, at=now)
            self.save(tx, hall, day, called)
            self._record_call(tx, hall, day, called, "call")
            return self._body(tx, hall, day, called)

    @staticmethod
    def _ready(window: WindowBody) -> None:
        if window.paused:
            raise QueueRefused(
                msg(
                    "{window_no}号窗口暂停服务中（{pause_reason}），请先恢复服务",
                    window_no=window.window_no,
                    pause_reason=window.pause_reason,
                ),
                code="queue.window_paused",
            )
        if window.current:
            raise QueueRefused(
                msg(
                    "{window_no}号窗口的 {current} 尚未办结，请先办结、转办或按过号处理",
                    window_no=window.window_no,
                    current=window.current,
                ),
                code="queue.window_busy",
                number=window.current,
            )

    def act(  # noqa: C901, PLR0912 - one branch per window action
        self, device: DeviceRecord, number: str, action: str, request: TicketActionRequest
    ) -> TicketBody:
        """A window action on one ticket.

        Actions: ``call`` (a suspended or specific waiting ticket), ``recall``,
        ``no-show``, ``start``, ``finish``, ``suspend``, ``transfer``, ``link-case``,
        ``link-evaluation``.

        Raises:
            QueueRefused: unknown ticket or action; IllegalTransition / ValidationFailed
                from the ticket rules.
        """
        hall, now = device.hall_id, self._now()
        day = now.date().isoformat()
        with self._store.db.write() as tx:
            ticket = self._require(tx, hall, day, number)
            extra: Ticket | None = None
            if action == "call":
                window = self._window(tx, hall, request.window_no.strip())
                self._ready(window)
                ticket = ticket.call(window_no=window.window_no, clerk_id=request.clerk_id, at=now)
                self._record_call(tx, hall, day, ticket, "call")
            elif action == "recall":
                ticket = ticket.recall()
                self._record_call(tx, hall, day, ticket, "recall")
            elif action == "no-show":
                ticket = ticket.no_show(at=now)
            elif action == "start":
                ticket = ticket.start(at=now)
            elif action == "finish":
                ticket = ticket.finish(at=now)
            elif action == "suspend":
                ticket = ticket.suspend(reason=request.reason)
            elif action == "transfer":
                target = self._area(tx, hall, request.to_area.strip().upper())
                serial = self._next_serial(tx, hall, day, target)
                ticket, extra = ticket.transfer(
                    to_area=target.prefix,
                    new_number=format_ticket_number(target.prefix, serial),
                    at=now,
                )
            elif action == "link-case":
                ticket = ticket.link_case(request.case_number)
            elif action == "link-evaluation":
                if not request.evaluation_id.strip():
                    raise ValidationFailed(msg("评价编号不能为空"), code="ticket.evaluation")
                ticket = ticket.link_evaluation(request.evaluation_id.strip())
            else:
                raise QueueRefused(
                    msg("不支持的操作：{action}", action=action[:20]), code="queue.action"
                )
            self.save(tx, hall, day, ticket)
            if extra is not None:
                self.save(tx, hall, day, extra, origin="transfer", device_id=device.device_id)
            self._bump(tx, hall)
            return self._body(tx, hall, day, extra or ticket)

    # ---------------------------------------------------------------- reading

    def ticket(self, device: DeviceRecord, number: str) -> TicketBody:
        """One of today's tickets with its links (cases, evaluation)."""
        day = self._now().date().isoformat()
        with self._store.db.read() as tx:
            ticket = self._require(tx, device.hall_id, day, number)
            return self._body(tx, device.hall_id, day, ticket)

    def _body(self, tx: Tx, hall: str, day: str, ticket: Ticket) -> TicketBody:
        names = {a.prefix: a.name for a in self._areas(tx, hall).values()}
        stored = self.load(tx, hall, day, ticket.number)
        return ticket_body(ticket, names, offline=bool(stored and stored.origin == "offline"))

    def waiting_counts(self, hall_id: str) -> WaitingCounts:
        now = self._now()
        with self._store.db.read() as tx:
            return WaitingCounts(hall_id=hall_id, at=now, areas=self._counts(tx, hall_id, now))

    def _counts(self, tx: Tx, hall: str, now: _dt.datetime) -> list[WaitingCount]:
        day = now.date().isoformat()
        waiting = {
            r[0]: int(r[1])
            for r in tx.all(
                "SELECT area, COUNT(*) FROM queue_tickets WHERE hall_id = ? AND day = ?"
                " AND state = 'waiting' GROUP BY area",
                (hall, day),
            )
        }
        issued = {
            r[0]: int(r[1])
            for r in tx.all(
                "SELECT area, COUNT(*) FROM queue_tickets WHERE hall_id = ? AND day = ?"
                " AND origin IN ('online', 'offline') GROUP BY area",
                (hall, day),
            )
        }
        return [
            WaitingCount(
                area=a.prefix,
                name=a.name,
                waiting=waiting.get(a.prefix, 0),
                issued_today=issued.get(a.prefix, 0),
                daily_cap=a.daily_cap,
                open_now=is_open(a.hours, now),
                hours_text=hours_text(a.hours),
            )
            for a in self._areas(tx, hall).values()
        ]

    def revision(self, hall_id: str) -> int:
        with self._store.db.read() as tx:
            return self._peek(tx, f"queue_rev:{hall_id}", 0)

    def feed(self, hall_id: str, after: int) -> CallFeed:
        """Calls after revision ``after`` (the latest ones when ``after`` is 0)."""
        now = self._now()
        day = now.date().isoformat()
        with self._store.db.read() as tx:
            revision = self._peek(tx, f"queue_rev:{hall_id}", 0)
            if after > 0:
                rows = tx.all(
                    "SELECT seq, number, area, window_no, kind, at FROM queue_calls"
                    " WHERE hall_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                    (hall_id, after, MAX_FEED_CALLS),
                )
            else:
                rows = tx.all(
                    "SELECT seq, number, area, window_no, kind, at FROM queue_calls"
                    " WHERE hall_id = ? AND day = ? ORDER BY seq DESC LIMIT ?",
                    (hall_id, day, MAX_FEED_CALLS),
                )[::-1]
            windows = [
                self._window(tx, hall_id, r[0])
                for r in tx.all("SELECT window_no FROM queue_windows WHERE hall_id = ?", (hall_id,))
            ]
            windows.sort(key=lambda w: (len(w.window_no), w.window_no))
            return CallFeed(
                hall_id=hall_id,
                revision=revision,
                calls=[
                    CallEvent(
                        seq=int(r[0]),
                        number=r[1],
                        area=r[2],
                        window_no=r[3],
                        kind=r[4],
                        at=_dt_of(float(r[5])),
                    )
                    for r in rows
                ],
                waiting=self._counts(tx, hall_id, now),
                windows=windows,
            )


def _counter_names(hall: str, day: str, prefix: str) -> tuple[str, str]:
    """Counter rows of an area's day: walk-in serials (up) and the block floor (down)."""
    base = f"queue:{hall}:{day}:{prefix}"
    return base + ":up", base + ":floor"


def _block_body(
    block_id: str, area: AreaSettings, day: str, first: int, last: int
) -> TicketBlockBody:
    return TicketBlockBody(
        block_id=block_id,
        area=area.prefix,
        area_name=area.name,
        day=_dt.date.fromisoformat(day),
        first=first,
        last=last,
        hours=area.hours,
    )


def ticket_body(ticket: Ticket, names: dict[str, str], *, offline: bool = False) -> TicketBody:
    """The wire form of a core ticket."""
    waited = ticket.waiting_time()
    handled = ticket.handling_time()
    return TicketBody(
        number=ticket.number,
        area=ticket.area,
        area_name=names.get(ticket.area, ticket.area),
        day=hall_date(ticket.issued_at),
        state=ticket.state,
        green=ticket.green,
        issued_at=ticket.issued_at,
        appointment_ref=ticket.appointment.reference if ticket.appointment else None,
        appointment_slot_start=ticket.appointment.slot_start if ticket.appointment else None,
        recalls=ticket.recalls,
        window_no=ticket.window_no,
        first_called_at=ticket.first_called_at,
        serving_since=ticket.serving_since,
        finished_at=ticket.finished_at,
        waiting_seconds=waited.total_seconds() if waited is not None else None,
        handling_seconds=handled.total_seconds() if handled is not None else None,
        suspended_reason=ticket.suspended_reason,
        transferred_from=ticket.transferred_from,
        transferred_to=ticket.transferred_to,
        case_numbers=list(ticket.case_numbers),
        evaluation_id=ticket.evaluation_id,
        offline=offline,
    )


# ------------------------------------------------------------------ routes

Authenticate = Callable[[Request], Awaitable[tuple[DeviceRecord, bytes]]]
RequireAdmin = Callable[[Request], None]

_ACTIONS = frozenset(
    {
        "call",
        "recall",
        "no-show",
        "start",
        "finish",
        "suspend",
        "transfer",
        "link-case",
        "link-evaluation",
    }
)


def _json(model: Any, status: int = 200) -> Response:
    return Response(
        model.model_dump_json(),
        status_code=status,
        media_type="application/json",
        headers={"Cache-Control": "no-store"},
    )


def _refusal(exc: UserFacingError) -> Response:
    status = 409 if isinstance(exc, QueueRefused | IllegalTransition) else 422
    body = ErrorBody(error=ErrorDetail.of(exc.code or "queue.refused", exc.message))
    return _json(body, status)


def install_queue_routes(  # noqa: C901, PLR0915 - the route table
    app: FastAPI,
    queue: QueueAuthority,
    *,
    authenticate: Authenticate,
    require_admin: RequireAdmin,
) -> None:
    """Add the ``/v1/queue`` device routes and the queue admin routes to ``app``.

    Args:
        app: the gateway app.
        queue: the authority the routes drive.
        authenticate: checks a signed device request, returns its device and raw body.
        require_admin: checks an admin bearer token (raises the app's API error).
    """

    app.state.queue = queue

    async def run(fn: Callable[[], Any], hall: str | None = None) -> Response:
        try:
            result = await run_in_threadpool(fn)
        except UserFacingError as exc:
            return _refusal(exc)
        if hall is not None:
            queue.bell.ring(hall)
        return _json(result)

    @app.post("/v1/queue/tickets", response_model=IssuedTicketBody, tags=["queue"])
    async def issue(request: Request) -> Response:
        """取号 / 预约签到; idempotent per ``request_id``."""
        device, raw = await authenticate(request)
        body = IssueRequest.model_validate_json(raw)
        return await run(lambda: queue.issue(device, body), device.hall_id)

    @app.post(
        "/v1/queue/appointments/lookup", response_model=AppointmentsFound, tags=["queue"]
    )
    async def appointments(request: Request) -> Response:
        """预约签到: a booking by its code, or today's bookings of a scanned holder."""
        device, raw = await authenticate(request)
        body = AppointmentQuery.model_validate_json(raw)
        return await run(lambda: queue.find_appointments(device, body))

    @app.get("/v1/queue/tickets/{number}", response_model=TicketBody, tags=["queue"])
    async def ticket(request: Request, number: str) -> Response:
        """One of today's tickets, with the cases and evaluation linked to it."""
        device, _ = await authenticate(request)
        return await run(lambda: queue.ticket(device, number))

    @app.post("/v1/queue/tickets/{number}/{action}", response_model=TicketBody, tags=["queue"])
    async def ticket_action(request: Request, number: str, action: str) -> Response:
        """Window actions on one ticket (call, recall, no-show, start, finish …)."""
        device, raw = await authenticate(request)
        if action not in _ACTIONS:
            return _refusal(
                QueueRefused(msg("不支持的操作：{action}", action=action[:20]), code="queue.action")
            )
        body = TicketActionRequest.model_validate_json(raw or b"{}")
        return await run(lambda: queue.act(device, number, action, body), device.hall_id)

    @app.get("/v1/queue/waiting", response_model=WaitingCounts, tags=["queue"])
    async def waiting(request: Request) -> Response:
        """Waiting people per business area ("前面还有 N 人"), hours and caps."""
        device, _ = await authenticate(request)
        return await run(lambda: queue.waiting_counts(device.hall_id))

    @app.post("/v1/queue/blocks", response_model=TicketBlockBody, tags=["queue"])
    async def block(request: Request) -> Response:
        """Reserve numbers for offline issuing today; idempotent per ``request_id``."""
        device, raw = await authenticate(request)
        body = BlockRequest.model_validate_json(raw)
        return await run(lambda: queue.allocate_block(device, body))

    @app.post("/v1/queue/offline-tickets", response_model=OfflineTicketsResult, tags=["queue"])
    async def offline_tickets(request: Request) -> Response:
        """Tickets issued offline from a block join the queue (per-ticket results)."""
        device, raw = await authenticate(request)
        body = OfflineTicketsReport.model_validate_json(raw)
        return await run(lambda: queue.join_offline(device, body), device.hall_id)

    @app.post("/v1/queue/windows/{window_no}/areas", response_model=WindowBody, tags=["queue"])
    async def window_areas(request: Request, window_no: str) -> Response:
        """潮汐窗口: the business areas this window calls from now on."""
        device, raw = await authenticate(request)
        body = WindowAreasRequest.model_validate_json(raw)
        return await run(lambda: queue.set_window_areas(device, window_no, body), device.hall_id)

    @app.post("/v1/queue/windows/{window_no}/pause", response_model=WindowBody, tags=["queue"])
    async def window_pause(request: Request, window_no: str) -> Response:
        """暂停服务 with a reason."""
        device, raw = await authenticate(request)
        body = PauseRequest.model_validate_json(raw)
        return await run(lambda: queue.pause(device, window_no, body), device.hall_id)

    @app.post("/v1/queue/windows/{window_no}/resume", response_model=WindowBody, tags=["queue"])
    async def window_resume(request: Request, window_no: str) -> Response:
        """恢复服务."""
        device, _ = await authenticate(request)
        return await run(lambda: queue.resume(device, window_no), device.hall_id)

    @app.post("/v1/queue/windows/{window_no}/call-next", response_model=TicketBody, tags=["queue"])
    async def call_next(request: Request, window_no: str) -> Response:
        """叫号: the next ticket for the window's current business areas."""
        device, raw = await authenticate(request)
        body = ClerkRequest.model_validate_json(raw)
        return await run(lambda: queue.call_next(device, window_no, body), device.hall_id)

    @app.get("/v1/queue/feed", response_model=CallFeed, tags=["queue"])
    async def feed(
        request: Request,
        after: int = Query(default=0, ge=0),
        wait: float = Query(default=0, ge=0, le=MAX_FEED_WAIT),
    ) -> Response:
        """The hall's calls and counts after revision ``after``; long-polls ``wait`` s."""
        device, _ = await authenticate(request)
        hall = device.hall_id
        # Woken by a change here; re-checked each second for other processes.
        return await queue.bell.long_poll(
            request,
            hall,
            changed=lambda: queue.revision(hall) != after,
            answer=lambda: run(lambda: queue.feed(hall, after)),
            wait=wait,
            recheck=1.0,
        )

    @app.put("/v1/admin/queue/halls/{hall_id}/areas", tags=["admin"])
    async def admin_areas(request: Request, hall_id: str) -> Response:
        """Business areas of a hall: names, daily caps, issuing hours."""
        require_admin(request)
        body = AreaSettingsList.model_validate_json(await request.body())

        def configure() -> WaitingCounts:
            queue.configure_areas(hall_id, body.areas)
            return queue.waiting_counts(hall_id)

        return await run(configure, hall_id)

    @app.post(
        "/v1/admin/queue/halls/{hall_id}/appointments",
        response_model=AppointmentsStored,
        tags=["admin"],
    )
    async def admin_appointments(request: Request, hall_id: str) -> Response:
        """Booked appointments (预约) of a hall, from the platform."""
        require_admin(request)
        body = AppointmentsRequest.model_validate_json(await request.body())
        return await run(lambda: AppointmentsStored(stored=queue.add_appointments(hall_id, body)))


# ------------------------------------------------------------------ command line

_AREA_SPEC = re.compile(r"^(?P<prefix>[A-Za-z]{1,2})=(?P<name>[^,]+)(?P<rest>(,.*)?)$")
_HOURS_SPEC = re.compile(r"^(?P<start>\d{1,2}:\d{2})-(?P<end>\d{1,2}:\d{2})$")


def _spec_refused(text: str) -> str:
    return msg(
        "{spec}：业务类别写法：前缀=名称[,cap=每日限号][,hours=08:30-11:30+13:30-17:00]",
        spec=text[:40],
    )


def parse_area_spec(text: str) -> AreaSettings:
    """``"B=不动产登记区,cap=120,hours=08:30-11:30+13:30-17:00"`` → area settings.

    Raises:
        ValidationFailed: the text does not follow that form (the message shows it).
    """
    match = _AREA_SPEC.match(text.strip())
    if match is None:
        raise ValidationFailed(_spec_refused(text), code="queue.area_spec")
    fields: dict[str, Any] = {"prefix": match["prefix"].upper(), "name": match["name"].strip()}
    for part in filter(None, match["rest"].split(",")):
        key, _, value = part.partition("=")
        key = key.strip().lower()
        if key == "cap" and value.strip().isdigit():
            fields["daily_cap"] = int(value)
        elif key == "hours":
            spans = [_HOURS_SPEC.match(v.strip()) for v in value.split("+")]
            if not all(spans):
                raise ValidationFailed(_spec_refused(text), code="queue.area_spec")
            fields["hours"] = [
                OpeningWindow(start=s["start"].zfill(5), end=s["end"].zfill(5))
                for s in spans
                if s is not None
            ]
        else:
            raise ValidationFailed(_spec_refused(text), code="queue.area_spec")
    try:
        return AreaSettings.model_validate(fields)
    except ValueError:
        raise ValidationFailed(_spec_refused(text), code="queue.area_spec") from None


def add_queue_commands(sub: Any) -> None:
    """``queue areas`` and ``queue appointments add`` under the gateway's command line.

    Args:
        sub: the gateway parser's subparsers (``argparse``'s ``_SubParsersAction``).
    """
    queue = sub.add_parser("queue", help="排队叫号：业务类别（限号、取号时段）与预约")
    queue_sub = queue.add_subparsers(dest="queue_command", required=True)
    areas = queue_sub.add_parser(
        "areas", help="查看或设置大厅的业务类别（替换已有设置；未设置的沿用目录中的名称）"
    )
    areas.add_argument("hall", help="大厅 id，例如 wh-zwzx")
    areas.add_argument(
        "specs",
        nargs="*",
        metavar="SPEC",
        help="前缀=名称[,cap=每日限号][,hours=08:30-11:30+13:30-17:00]；不写则只查看",
    )
    appointments = queue_sub.add_parser("appointments", help="预约")
    appointments_sub = appointments.add_subparsers(dest="appointments_command", required=True)
    add = appointments_sub.add_parser("add", help="登记一个预约（同一预约码再次登记即修改）")
    add.add_argument("hall", help="大厅 id")
    add.add_argument("--ref", required=True, help="预约码")
    add.add_argument("--area", required=True, help="业务类别前缀，例如 B")
    add.add_argument("--at", required=True, help="时段开始，HH:MM（大厅时间）")
    add.add_argument("--date", type=_dt.date.fromisoformat, help="日期 YYYY-MM-DD（默认今天）")
    add.add_argument("--minutes", type=int, default=30, help="时段长度（分钟）")
    add.add_argument("--holder", help="预约人身份证号码或统一社会信用代码（可扫居民码签到）")
    for leaf in (areas, add):
        leaf.add_argument("--db", default=None, help="sqlite:///path or postgresql://host/db")


def run_queue_command(args: Any, store: GatewayStore, out: Any) -> int:
    """Run ``queue areas`` / ``queue appointments add``; returns the exit status.

    Raises:
        ValidationFailed: a bad area spec, time or holder number (the CLI prints it).
    """
    queue = QueueAuthority(store=store)
    if args.queue_command == "areas":
        if args.specs:
            queue.configure_areas(args.hall, [parse_area_spec(s) for s in args.specs])
        for area in queue.waiting_counts(args.hall).areas:
            cap = f"每日限 {area.daily_cap} 个" if area.daily_cap else "不限号"
            out.write(f"{area.area}\t{area.name}\t{cap}\t取号时段 {area.hours_text}\n")
        return 0
    match = _HOURS_SPEC.match(f"{args.at}-{args.at}")
    if match is None or args.minutes < 1:
        raise ValidationFailed(msg("时段开始应写作 HH:MM，时长至少 1 分钟"), code="queue.slot")
    day = args.date or store.clock.now().astimezone(HALL_TZ).date()
    try:
        start = _dt.datetime.combine(
            day, _dt.time.fromisoformat(args.at.zfill(5)), tzinfo=HALL_TZ
        )
    except ValueError:
        raise ValidationFailed(msg("时间 {at} 无效", at=args.at[:8]), code="queue.slot") from None
    try:
        entry = AppointmentIn(
            reference=args.ref,
            area=args.area.strip().upper(),
            slot_start=start,
            slot_end=start + _dt.timedelta(minutes=args.minutes),
            holder_id=args.holder,
        )
    except ValueError:
        raise ValidationFailed(
            msg("预约码应为1至200个字符，业务类别为1至2位字母"), code="queue.appointment"
        ) from None
    queue.add_appointments(args.hall, AppointmentsRequest(appointments=[entry]))
    out.write(
        f"预约 {entry.reference.upper()}：{entry.area} 区，"
        f"{start:%Y-%m-%d %H:%M}-{entry.slot_end:%H:%M}"
        f"{'，已登记预约人' if args.holder else ''}\n"
    )
    return 0
