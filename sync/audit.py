"""The append-only, hash-chained audit log in ``journal.db`` (DESIGN.md, Privacy).

Every view of personal data and every decision is recorded here, in the same journal
transaction as the change it records, and queued to the outbox as an ``audit.entry``
event so it reaches the gateway (which keeps its own copy of the chain).

Each entry's hash covers the previous entry's hash and the entry itself::

    hash = sha256(prev_hash + canonical_json({"action", "actor", "subject", "at", "details"}))

where the body is exactly the :class:`sync.protocol.AuditEntry` payload without its
two hash fields, and ``at`` is unix seconds — so the gateway can recompute every link
from what it received. The first entry's ``prev_hash`` is 64 zeros. Entry times
strictly increase (the gateway orders a device's entries by time to check links).

:meth:`AuditLog.verify_chain` finds edited, deleted, reordered and forged entries and
names the first bad ``seq``. Someone who rewrites the whole local chain *and* the
counter defeats the local check; the gateway's copy does not change with it.

Personal data never enters ``subject`` or ``details`` in full: every string is
passed through :func:`core.masking.scrub`, and fields named like an ID or phone
number are masked outright.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import logging
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from core.accounts import AuditNote
from core.case import Actor
from core.masking import mask_id_number, mask_phone, scrub
from sync.protocol import AuditEntry, EventKind
from sync.protocol import canonical_json as wire_json
from sync.store import Store, enqueue_event

log = logging.getLogger(__name__)

GENESIS = "0" * 64
"""``prev_hash`` of the first entry of a chain."""

_MIN_STEP = _dt.timedelta(milliseconds=1)
_ID_KEYS = ("id_number", "idnumber", "身份证", "证件号", "uscc", "信用代码")
_PHONE_KEYS = ("phone", "mobile", "电话", "手机")

Now = Callable[[], _dt.datetime]


def _utc_now() -> _dt.datetime:
    return _dt.datetime.now(_dt.UTC)


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """One entry of the log as stored."""

    seq: int
    at: _dt.datetime
    actor: str
    action: str
    subject: str
    details: dict[str, Any]
    prev_hash: str
    hash: str


@dataclass(frozen=True, slots=True)
class ChainReport:
    """What :meth:`AuditLog.verify_chain` found.

    Attributes:
        ok: the chain is intact.
        entries: how many entries were checked.
        first_bad_seq: the first entry that is wrong, missing or out of place.
        problem: a Chinese sentence for staff ("第12条记录内容被改动").
    """

    ok: bool
    entries: int
    first_bad_seq: int | None = None
    problem: str = ""


def entry_hash(prev_hash: str, body: Mapping[str, Any]) -> str:
    """The hash of one entry: ``sha256(prev_hash + canonical_json(body))`` in hex."""
    return hashlib.sha256(prev_hash.encode("ascii") + wire_json(dict(body))).hexdigest()


def _body(at: _dt.datetime, actor: str, action: str, subject: str, details: Any) -> dict[str, Any]:
    return {
        "action": action,
        "actor": actor,
        "subject": subject,
        "at": at.timestamp(),
        "details": details,
    }


def _mask_value(key: str, value: Any) -> Any:
    lowered = key.lower()
    if isinstance(value, str):
        if any(k in lowered for k in _ID_KEYS):
            return mask_id_number(value)
        if any(k in lowered for k in _PHONE_KEYS):
            return mask_phone(value)
        return scrub(value)
    return _masked(value)


def _masked(value: Any) -> Any:
    """A JSON-safe copy with personal data masked."""
    if isinstance(value, Mapping):
        return {str(k): _mask_value(str(k), v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_masked(v) for v in value]
    if isinstance(value, str):
        return scrub(value)
    if value is None or isinstance(value, bool | int | float):
        return value
    return scrub(str(value))


class AuditLog:
    """Writes and checks the terminal's audit chain.

    Args:
        store: the open store (its journal holds the chain).
        now: the time source (aware datetimes; UTC by default).
        terminal_id: added to every entry's details.
    """

    def __init__(self, *, store: Store, now: Now = _utc_now, terminal_id: str = "") -> None:
        self._store = store
        self._now = now
        self._terminal = terminal_id

    # ---- writing -------------------------------------------------------------------

    def record(
        self,
        actor: str | Actor,
        action: str,
        subject: str,
        details: Mapping[str, Any] | None = None,
        *,
        conn: sqlite3.Connection | None = None,
    ) -> AuditRecord:
        """Append one entry (and its ``audit.entry`` outbox event).

        Args:
            actor: an account id or a :class:`core.case.Actor` (its role is recorded).
            action: a stable action name, e.g. ``"case.accept"``, ``"personal_data.view"``.
            subject: what it concerns, e.g. ``"case:TW03-20260302-4"``.
            details: extra facts (masked before they are written).
            conn: the open journal transaction of the change being recorded; without it
                the entry gets a transaction of its own.
        """
        if not action.strip():
            raise ValueError("audit action must not be empty")
        facts: dict[str, Any] = dict(details or {})
        if isinstance(actor, Actor):
            facts.setdefault("role", actor.role.value)
            facts.setdefault("channel", actor.channel.value)
            actor_id = actor.id
        else:
            actor_id = actor
        if self._terminal:
            facts.setdefault("terminal", self._terminal)
        with self._transaction(conn) as tx:
            return self._append(tx, scrub(actor_id), action, scrub(subject), _masked(facts))

    def note(self, note: AuditNote, *, conn: sqlite3.Connection | None = None) -> AuditRecord:
        """Record an :class:`core.accounts.AuditNote` (account changes)."""
        return self.record(note.actor, note.action, note.subject, dict(note.details), conn=conn)

    def viewed_personal_data(
        self,
        actor: str | Actor,
        subject: str,
        what: str,
        *,
        purpose: str = "",
        conn: sqlite3.Connection | None = None,
    ) -> AuditRecord:
        """A person's data was shown in full (ID number, phone, address, materials …).

        Args:
            actor: who looked.
            subject: whose data, as a reference (``"case:…"``, ``"holder:<handle>"``).
            what: which data, in words ("申请人身份证号码", "材料扫描件").
            purpose: why (办件审查, 出件核验 …).
        """
        return self.record(
            actor,
            "personal_data.view",
            subject,
            {"what": what, "purpose": purpose},
            conn=conn,
        )

    def decided(
        self,
        actor: str | Actor,
        subject: str,
        decision: str,
        *,
        reason: str = "",
        approved_by: str | Actor | None = None,
        details: Mapping[str, Any] | None = None,
        conn: sqlite3.Connection | None = None,
    ) -> AuditRecord:
        """A decision was taken (受理, 不予受理, 容缺, 窗口办结, 出件 …).

        Args:
            actor: who decided.
            subject: what about (``"case:…"``).
            decision: the action taken (``core.case.Action`` value or similar).
            reason: the stated reason, if any.
            approved_by: the second signature (首席代表), if any.
            details: further facts.
        """
        facts: dict[str, Any] = {"decision": decision}
        if reason:
            facts["reason"] = reason
        if approved_by is not None:
            facts["approved_by"] = (
                approved_by.id if isinstance(approved_by, Actor) else approved_by
            )
        facts.update(details or {})
        return self.record(actor, f"decision.{decision}", subject, facts, conn=conn)

    @contextmanager
    def _transaction(self, conn: sqlite3.Connection | None) -> Iterator[sqlite3.Connection]:
        if conn is not None:
            if not conn.in_transaction:
                raise RuntimeError("audit entries need the caller's open journal transaction")
            yield conn
            return
        with self._store.local_change() as tx:
            yield tx

    def _append(
        self, tx: sqlite3.Connection, actor: str, action: str, subject: str, details: Any
    ) -> AuditRecord:
        last = tx.execute(
            "SELECT seq, at, hash FROM audit_log ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        at = self._now().astimezone(_dt.UTC)
        prev_hash = GENESIS
        if last is not None:
            prev_hash = last[2]
            previous_at = _dt.datetime.fromisoformat(last[1])
            at = max(at, previous_at + _MIN_STEP)  # keep times strictly increasing
        body = _body(at, actor, action, subject, details)
        digest = entry_hash(prev_hash, body)
        seq = tx.execute(
            "UPDATE counters SET value = value + 1 WHERE name = 'audit_seq' RETURNING value"
        ).fetchone()[0]
        tx.execute(
            "INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                seq,
                at.isoformat(timespec="microseconds"),
                actor,
                action,
                subject,
                wire_json(details).decode("utf-8"),
                prev_hash,
                digest,
            ),
        )
        payload = AuditEntry(
            entry_hash=digest,
            prev_hash=prev_hash,
            action=action,
            actor=actor,
            subject=subject,
            at=body["at"],
            details=details,
        )
        enqueue_event(
            EventKind.AUDIT_ENTRY.value,
            payload.model_dump(mode="json"),
            conn=tx,
            now=at,
        )
        log.debug("audit %d: %s", seq, action)
        return AuditRecord(
            seq=seq,
            at=at,
            actor=actor,
            action=action,
            subject=subject,
            details=details,
            prev_hash=prev_hash,
            hash=digest,
        )

    # ---- reading -------------------------------------------------------------------

    def entries(
        self, *, subject: str | None = None, after_seq: int = 0, limit: int = 500
    ) -> list[AuditRecord]:
        """Entries in order, optionally about one subject."""
        sql = (
            "SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM audit_log"
            " WHERE seq > ?"
        )
        args: list[Any] = [after_seq]
        if subject is not None:
            sql += " AND subject = ?"
            args.append(scrub(subject))
        sql += " ORDER BY seq LIMIT ?"
        args.append(limit)
        with self._store.journal.read() as conn:
            rows = conn.execute(sql, args).fetchall()
        return [_record(row) for row in rows]

    def verify_chain(self) -> ChainReport:
        """Check every entry and link; name the first bad ``seq``.

        Finds an edited entry (its hash no longer matches), a forged hash (the next
        entry still names the original), deleted entries (a gap, or fewer entries than
        were ever written), and reordered entries (links that do not join).
        """
        with self._store.journal.read() as conn:
            rows = conn.execute(
                "SELECT seq, at, actor, action, subject, details, prev_hash, hash"
                " FROM audit_log ORDER BY seq"
            ).fetchall()
            counter = conn.execute(
                "SELECT value FROM counters WHERE name = 'audit_seq'"
            ).fetchone()
        written = int(counter[0]) if counter else 0
        problem = _first_problem(rows)
        if problem is not None:
            seq, text = problem
            log.error("audit chain broken at entry %d", seq)
            return ChainReport(ok=False, entries=len(rows), first_bad_seq=seq, problem=text)
        if written != len(rows):
            seq = len(rows) + 1
            log.error("audit chain: %d entries written, %d present", written, len(rows))
            return ChainReport(
                ok=False,
                entries=len(rows),
                first_bad_seq=seq,
                problem=f"审计记录应有{written}条，实有{len(rows)}条：第{seq}条起的记录被删除",
            )
        return ChainReport(ok=True, entries=len(rows))


def _record(row: tuple[Any, ...]) -> AuditRecord:
    return AuditRecord(
        seq=int(row[0]),
        at=_dt.datetime.fromisoformat(row[1]),
        actor=row[2],
        action=row[3],
        subject=row[4],
        details=json.loads(row[5]),
        prev_hash=row[6],
        hash=row[7],
    )


def _recomputed(row: tuple[Any, ...]) -> str | None:
    try:
        at = _dt.datetime.fromisoformat(row[1])
        details = json.loads(row[5])
    except (TypeError, ValueError):
        return None
    return entry_hash(str(row[6]), _body(at, row[2], row[3], row[4], details))


def _first_problem(rows: list[tuple[Any, ...]]) -> tuple[int, str] | None:
    """The first bad seq and what is wrong with it, or ``None`` for a sound chain."""
    by_hash = {row[7]: int(row[0]) for row in rows}
    prev_hash = GENESIS
    expected_seq = 1
    for index, row in enumerate(rows):
        seq = int(row[0])
        if seq != expected_seq:
            return expected_seq, f"第{expected_seq}条审计记录缺失（被删除）"
        if _recomputed(row) != row[7]:
            return seq, f"第{seq}条审计记录的内容或校验值被改动"
        if row[6] != prev_hash:
            # Row ``seq`` is consistent in itself. If its prev_hash is another entry's
            # hash, entries were moved; otherwise it is the original hash of an entry
            # that is gone: the one before was altered and given a forged hash, or
            # entries in between were deleted and the rest renumbered.
            if index == 0:
                return seq, f"第{seq}条审计记录与链首不衔接（记录被删除或顺序被调换）"
            if row[6] in by_hash or row[6] == GENESIS:
                return seq, f"第{seq}条审计记录与上一条不衔接（记录顺序被调换）"
            # The two cannot be told apart from the file alone: name the earlier seq.
            bad = int(rows[index - 1][0])
            return bad, (
                f"第{bad}条审计记录被改动（校验值被伪造），或其后的记录被删除后重新编号"
            )
        prev_hash = row[7]
        expected_seq += 1
    return None
