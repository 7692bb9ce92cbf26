"""呼叫帮办 and kiosk device alerts: the hall's help desk on the gateway.

Kiosks post help requests (:class:`sync.help_protocol.HelpRequest`); window clients
long-poll the hall's help feed and acknowledge requests (who and when). Device alerts
are derived from the kiosks' heartbeats: each part a heartbeat reports as not ``ok``
becomes an alert with the time it was first seen, and is cleared when a later
heartbeat reports it ``ok`` (or stops mentioning it). Heartbeats are written by the
heartbeat route; the help desk compares them with its alert table whenever the feed
is read or polled, so a new problem reaches the window within a second of the
heartbeat that reported it, from any gateway process.

A revision counter per hall (``counters`` row ``help:<hall>``) changes with every
request, acknowledgement and alert change; the feed answers as soon as it moves.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from core.errors import UserFacingError, ValidationFailed, msg
from gateway.db import Tx
from gateway.queue import HallBell
from gateway.store import DeviceRecord, GatewayStore
from sync.help_protocol import (
    MAX_FEED_REQUESTS,
    MAX_HELP_WAIT,
    TOPIC_NAMES,
    DeviceAlert,
    HelpAck,
    HelpFeed,
    HelpRequest,
    HelpTicket,
)
from sync.protocol import ErrorBody, ErrorDetail

log = logging.getLogger(__name__)

HELP_SCHEMA = """
CREATE TABLE IF NOT EXISTS help_requests (
    help_id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    place TEXT NOT NULL,
    topic TEXT NOT NULL,
    note TEXT NOT NULL,
    ticket_number TEXT NOT NULL,
    raised_at DOUBLE PRECISION NOT NULL,
    acked_at DOUBLE PRECISION,
    acked_by TEXT NOT NULL DEFAULT '',
    acked_by_name TEXT NOT NULL DEFAULT '',
    acked_window TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS help_requests_by_hall ON help_requests (hall_id, raised_at);
CREATE TABLE IF NOT EXISTS device_alerts (
    hall_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    part TEXT NOT NULL,
    problem TEXT NOT NULL,
    since DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (device_id, part)
);
"""

RECENT_SECONDS = 8 * 3600
"""Acknowledged requests stay in the feed this long (the shift's history)."""

_OK = frozenset({"ok", "正常", ""})


class HelpRefused(UserFacingError):
    """A help request or acknowledgement the desk cannot take."""


def _place(device: DeviceRecord) -> str:
    return device.terminal_name or f"{device.slot} 号终端"


@dataclass(frozen=True, slots=True)
class _Beat:
    device_id: str
    hall_id: str
    place: str
    last_seen: float | None
    problems: dict[str, str]


class HelpDesk:
    """Help requests and device alerts of every hall this gateway serves.

    Args:
        store: the gateway store (database and clock).
    """

    def __init__(self, *, store: GatewayStore) -> None:
        self._store = store
        self.bell = HallBell()
        store.db.script(HELP_SCHEMA)

    # ---------------------------------------------------------------- requests

    def raise_request(self, device: DeviceRecord, request: HelpRequest) -> HelpTicket:
        """Record a kiosk's 呼叫帮办; the same ``request_id`` again returns the first."""
        help_id = request.request_id
        with self._store.db.write() as tx:
            existing = self._ticket(tx, help_id)
            if existing is not None:
                if existing.device_id != device.device_id:
                    raise HelpRefused(msg("帮办请求编号冲突，请重新呼叫"), code="help.conflict")
                return existing
            tx.execute(
                "INSERT INTO help_requests (help_id, hall_id, device_id, place, topic, note,"
                " ticket_number, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    help_id,
                    device.hall_id,
                    device.device_id,
                    _place(device),
                    request.topic,
                    request.note,
                    request.ticket_number,
                    self._store.now(),
                ),
            )
            self._bump(tx, device.hall_id)
            ticket = self._ticket(tx, help_id)
        assert ticket is not None
        log.info("help request %s from %s (%s)", help_id, device.device_id, request.topic)
        return ticket

    def acknowledge(self, device: DeviceRecord, help_id: str, ack: HelpAck) -> HelpTicket:
        """A clerk takes the request; a second acknowledgement is refused with who took it.

        Raises:
            ValidationFailed: no such request in the device's hall.
            HelpRefused: another clerk already took it.
        """
        with self._store.db.write() as tx:
            row = tx.one("SELECT hall_id FROM help_requests WHERE help_id = ?", (help_id,))
            if row is None or row[0] != device.hall_id:
                raise ValidationFailed(msg("没有这条帮办请求"), code="help.unknown")
            current = self._ticket(tx, help_id)
            assert current is not None
            if current.acked_at is not None:
                if current.acked_by == ack.clerk_id:
                    return current
                raise HelpRefused(
                    msg(
                        "该请求已由{clerk}（{window}号窗口）响应",
                        clerk=current.acked_by_name,
                        window=current.acked_window or "—",
                    ),
                    code="help.taken",
                )
            tx.execute(
                "UPDATE help_requests SET acked_at = ?, acked_by = ?, acked_by_name = ?,"
                " acked_window = ? WHERE help_id = ?",
                (self._store.now(), ack.clerk_id, ack.clerk_name, ack.window_no, help_id),
            )
            self._bump(tx, device.hall_id)
            ticket = self._ticket(tx, help_id)
        assert ticket is not None
        log.info("help request %s taken by clerk %s", help_id, ack.clerk_id)
        return ticket

    # ---------------------------------------------------------------- feed

    def revision(self, hall_id: str) -> int:
        """The hall's help revision, after folding in the latest heartbeats."""
        self.refresh_alerts(hall_id)
        with self._store.db.read() as tx:
            return self._revision(tx, hall_id)

    def feed(self, hall_id: str) -> HelpFeed:
        """Open requests (oldest first), then recent acknowledged ones; active alerts."""
        now = self._store.now()
        self.refresh_alerts(hall_id)
        with self._store.db.read() as tx:
            revision = self._revision(tx, hall_id)
            rows = tx.all(
                f"SELECT {_TICKET_COLUMNS} FROM help_requests WHERE hall_id = ?"
                " AND (acked_at IS NULL OR raised_at >= ?)"
                " ORDER BY CASE WHEN acked_at IS NULL THEN 0 ELSE 1 END, raised_at LIMIT ?",
                (hall_id, now - RECENT_SECONDS, MAX_FEED_REQUESTS),
            )
            alerts = tx.all(
                "SELECT device_id, part, problem, since FROM device_alerts WHERE hall_id = ?"
                " ORDER BY since, device_id, part",
                (hall_id,),
            )
            places = {
                r[0]: (r[1] or f"{r[2]} 号终端", r[3])
                for r in tx.all(
                    "SELECT device_id, terminal_name, slot, last_seen FROM devices"
                    " WHERE hall_id = ?",
                    (hall_id,),
                )
            }
        return HelpFeed(
            revision=revision,
            requests=[_ticket_of(r) for r in rows],
            alerts=[
                DeviceAlert(
                    device_id=a[0],
                    place=places.get(a[0], (a[0], None))[0],
                    part=a[1],
                    problem=a[2],
                    since=float(a[3]),
                    last_seen=_float(places.get(a[0], ("", None))[1]),
                )
                for a in alerts
            ],
            server_time=now,
        )

    def refresh_alerts(self, hall_id: str) -> bool:
        """Fold the hall's latest heartbeats into the alert table; True if it changed."""
        with self._store.db.read() as tx:
            beats = self._beats(tx, hall_id)
            stored = {
                (r[0], r[1]): r[2]
                for r in tx.all(
                    "SELECT device_id, part, problem FROM device_alerts WHERE hall_id = ?",
                    (hall_id,),
                )
            }
        wanted = {(b.device_id, part): text for b in beats for part, text in b.problems.items()}
        if wanted == stored:
            return False
        since = {b.device_id: b.last_seen or self._store.now() for b in beats}
        with self._store.db.write() as tx:
            for key in stored.keys() - wanted.keys():
                tx.execute("DELETE FROM device_alerts WHERE device_id = ? AND part = ?", key)
            for (device_id, part), problem in wanted.items():
                old = stored.get((device_id, part))
                if old == problem:
                    continue
                if old is not None:
                    tx.execute(
                        "UPDATE device_alerts SET problem = ? WHERE device_id = ? AND part = ?",
                        (problem, device_id, part),
                    )
                else:
                    tx.execute(
                        "INSERT INTO device_alerts (hall_id, device_id, part, problem, since)"
                        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (device_id, part) DO UPDATE SET"
                        " problem = excluded.problem",
                        (hall_id, device_id, part, problem, since[device_id]),
                    )
            self._bump(tx, hall_id)
        log.info("device alerts of hall %s changed (%d active)", hall_id, len(wanted))
        return True

    # ---------------------------------------------------------------- internals

    @staticmethod
    def _beats(tx: Tx, hall_id: str) -> list[_Beat]:
        beats = []
        for device_id, name, slot, last_seen, heartbeat in tx.all(
            "SELECT device_id, terminal_name, slot, last_seen, heartbeat FROM devices"
            " WHERE hall_id = ? AND revoked_at IS NULL AND heartbeat IS NOT NULL",
            (hall_id,),
        ):
            try:
                health = json.loads(heartbeat).get("health") or {}
            except (TypeError, ValueError, AttributeError):
                log.warning("unreadable heartbeat of device %s", device_id)
                continue
            problems = {
                str(part): str(text)
                for part, text in health.items()
                if str(text).strip().lower() not in _OK
            }
            beats.append(
                _Beat(device_id, hall_id, name or f"{slot} 号终端", _float(last_seen), problems)
            )
        return beats

    @staticmethod
    def _revision(tx: Tx, hall_id: str) -> int:
        row = tx.one("SELECT value FROM counters WHERE name = ?", (f"help:{hall_id}",))
        return int(row[0]) if row else 0

    @staticmethod
    def _bump(tx: Tx, hall_id: str) -> None:
        name = f"help:{hall_id}"
        tx.execute(
            "INSERT INTO counters (name, value) VALUES (?, 0) ON CONFLICT (name) DO NOTHING",
            (name,),
        )
        tx.execute("UPDATE counters SET value = value + 1 WHERE name = ?", (name,))

    @staticmethod
    def _ticket(tx: Tx, help_id: str) -> HelpTicket | None:
        row = tx.one(
            f"SELECT {_TICKET_COLUMNS} FROM help_requests WHERE help_id = ?", (help_id,)
        )
        return _ticket_of(row) if row is not None else None


_TICKET_COLUMNS = (
    "help_id, device_id, place, topic, note, ticket_number, raised_at, acked_at, acked_by,"
    " acked_by_name, acked_window"
)


def _float(value: Any) -> float | None:
    return float(value) if value is not None else None


def _ticket_of(row: Any) -> HelpTicket:
    return HelpTicket(
        help_id=row[0],
        device_id=row[1],
        place=row[2],
        topic=row[3],
        topic_name=TOPIC_NAMES.get(row[3], row[3]),
        note=row[4],
        ticket_number=row[5],
        raised_at=float(row[6]),
        acked_at=_float(row[7]),
        acked_by=row[8],
        acked_by_name=row[9],
        acked_window=row[10],
    )


# ------------------------------------------------------------------ routes

Authenticate = Callable[[Request], Awaitable[tuple[DeviceRecord, bytes]]]


def json_response(model: Any, status: int = 200) -> Response:
    """A no-store JSON answer of a wire model."""
    return Response(
        model.model_dump_json(),
        status_code=status,
        media_type="application/json",
        headers={"Cache-Control": "no-store"},
    )


def refusal(exc: UserFacingError, *, conflict: tuple[type[Exception], ...] = ()) -> Response:
    """A refused request: 409 for conflicts, 404 for unknown things, 422 otherwise."""
    code = exc.code or "request.refused"
    status = 409 if isinstance(exc, conflict) else 404 if code.endswith(".unknown") else 422
    body = ErrorBody(error=ErrorDetail.of(code, exc.message))
    return json_response(body, status)


def install_help_routes(app: FastAPI, desk: HelpDesk, *, authenticate: Authenticate) -> None:
    """Add ``/v1/help`` (kiosks' 呼叫帮办, the window clients' feed and acknowledgement)."""
    app.state.help_desk = desk

    async def run(fn: Callable[[], Any], hall: str | None = None) -> Response:
        try:
            result = await run_in_threadpool(fn)
        except UserFacingError as exc:
            return refusal(exc, conflict=(HelpRefused,))
        if hall is not None:
            desk.bell.ring(hall)
        return json_response(result)

    @app.post("/v1/help", response_model=HelpTicket, tags=["help"])
    async def raise_help(request: Request) -> Response:
        """呼叫帮办 from a kiosk; idempotent per ``request_id``."""
        device, raw = await authenticate(request)
        body = HelpRequest.model_validate_json(raw)
        return await run(lambda: desk.raise_request(device, body), device.hall_id)

    @app.post("/v1/help/{help_id}/ack", response_model=HelpTicket, tags=["help"])
    async def acknowledge(request: Request, help_id: str) -> Response:
        """A clerk takes a help request (recorded with who and when)."""
        device, raw = await authenticate(request)
        body = HelpAck.model_validate_json(raw)
        return await run(lambda: desk.acknowledge(device, help_id, body), device.hall_id)

    @app.get("/v1/help/feed", response_model=HelpFeed, tags=["help"])
    async def feed(
        request: Request,
        after: int = Query(default=0, ge=0),
        wait: float = Query(default=0, ge=0, le=MAX_HELP_WAIT),
    ) -> Response:
        """Help requests and device alerts of the hall; long-polls ``wait`` s for a change."""
        device, _ = await authenticate(request)
        hall = device.hall_id
        # Woken at once by a request here; heartbeats and other processes are picked
        # up by the re-check every half second.
        return await desk.bell.long_poll(
            request,
            hall,
            changed=lambda: desk.revision(hall) != after,
            answer=lambda: run(lambda: desk.feed(hall)),
            wait=wait,
            recheck=0.5,
        )
