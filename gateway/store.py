"""The gateway's repository: devices, change feeds, snapshots, inbox, blobs.

Plain SQL against :class:`gateway.db.Tx`, portable to PostgreSQL (``?`` placeholders,
``ON CONFLICT``, ``RETURNING``, no engine-specific functions). Feed sequence numbers
come from one ``counters`` row updated inside the writer's transaction. Write
transactions are serialized by the database layer (SQLite's write lock, PostgreSQL's
advisory lock taken first thing in every write, see :mod:`gateway.db`), so sequence
numbers become visible in order and a cursor never skips a late commit, however many
gateway processes share the database.

Feed model: each ``(stream, scope, id)`` has one row holding its latest version,
``deleted`` flag and the global ``seq`` of its last change. "Changes after cursor *s*"
are the rows with ``seq > s`` in ``seq`` order — a log compacted by key. Tombstones are
kept for the retention period; purging them raises the stream's ``floor_seq``, and a
cursor below the floor gets a reset (410).
"""

from __future__ import annotations

import base64
import binascii
import gzip
import hashlib
import json
import logging
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from core.clock import Clock
from core.errors import UserFacingError, msg
from gateway.db import Database, Tx
from sync.protocol import (
    HALL_SCOPED_STREAMS,
    DeviceCredential,
    EnrolmentCode,
    SnapshotPointer,
    Stream,
    StreamDigest,
    canonical_json,
    row_hash,
)

log = logging.getLogger(__name__)

RETENTION_SECONDS = 30 * 24 * 3600
"""Tombstones older than this are purged; older cursors get a reset (SYNC.md)."""

SNAPSHOT_CHUNK_ROWS = 10_000
SNAPSHOTS_KEPT = 2
"""Older snapshots stay a while so a client half-way through one can finish it."""

SCHEMA = """
CREATE TABLE IF NOT EXISTS counters (
    name TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS streams (
    stream TEXT NOT NULL,
    scope TEXT NOT NULL,
    epoch BIGINT NOT NULL,
    floor_seq BIGINT NOT NULL DEFAULT 0,
    high_seq BIGINT NOT NULL DEFAULT 0,
    live_count BIGINT NOT NULL DEFAULT 0,
    digest_sum TEXT NOT NULL DEFAULT '0000000000000000',
    PRIMARY KEY (stream, scope)
);
CREATE TABLE IF NOT EXISTS feed (
    stream TEXT NOT NULL,
    scope TEXT NOT NULL,
    id TEXT NOT NULL,
    version BIGINT NOT NULL,
    deleted INTEGER NOT NULL,
    doc TEXT,
    doc_hash TEXT,
    seq BIGINT NOT NULL,
    changed_at DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (stream, scope, id)
);
CREATE INDEX IF NOT EXISTS feed_by_seq ON feed (stream, scope, seq);
CREATE TABLE IF NOT EXISTS snapshots (
    stream TEXT NOT NULL,
    scope TEXT NOT NULL,
    snapshot_id TEXT NOT NULL,
    epoch BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    rows BIGINT NOT NULL,
    digest_sum TEXT NOT NULL,
    created_at DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (stream, scope, snapshot_id)
);
CREATE TABLE IF NOT EXISTS snapshot_chunks (
    stream TEXT NOT NULL,
    scope TEXT NOT NULL,
    snapshot_id TEXT NOT NULL,
    n INTEGER NOT NULL,
    rows BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    data {blob} NOT NULL,
    PRIMARY KEY (stream, scope, snapshot_id, n)
);
CREATE TABLE IF NOT EXISTS enrolment_codes (
    code_hash TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    slot TEXT NOT NULL,
    created_at DOUBLE PRECISION NOT NULL,
    expires_at DOUBLE PRECISION NOT NULL,
    used_at DOUBLE PRECISION,
    device_id TEXT
);
CREATE TABLE IF NOT EXISTS devices (
    device_id TEXT PRIMARY KEY,
    secret TEXT NOT NULL,
    hall_id TEXT NOT NULL,
    slot TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    terminal_name TEXT NOT NULL,
    app_version TEXT NOT NULL,
    enrolled_at DOUBLE PRECISION NOT NULL,
    revoked_at DOUBLE PRECISION,
    contiguous_seq BIGINT NOT NULL DEFAULT 0,
    max_seq BIGINT NOT NULL DEFAULT 0,
    last_seen DOUBLE PRECISION,
    heartbeat TEXT
);
CREATE TABLE IF NOT EXISTS nonces (
    device_id TEXT NOT NULL,
    nonce TEXT NOT NULL,
    expires_at DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (device_id, nonce)
);
CREATE INDEX IF NOT EXISTS nonces_by_expiry ON nonces (expires_at);
CREATE TABLE IF NOT EXISTS inbox (
    event_id TEXT PRIMARY KEY,
    device_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    kind TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    status TEXT NOT NULL,
    result TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    payload TEXT NOT NULL,
    received_at DOUBLE PRECISION NOT NULL,
    UNIQUE (device_id, seq)
);
CREATE TABLE IF NOT EXISTS blobs (
    sha256 TEXT PRIMARY KEY,
    size BIGINT NOT NULL,
    data {blob} NOT NULL,
    created_at DOUBLE PRECISION NOT NULL
);
CREATE TABLE IF NOT EXISTS cases (
    case_number TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    event_id TEXT NOT NULL UNIQUE,
    provisional_number TEXT NOT NULL,
    item_id TEXT NOT NULL,
    item_name TEXT NOT NULL,
    state TEXT NOT NULL,
    version BIGINT NOT NULL,
    delivery TEXT NOT NULL,
    submitted_at DOUBLE PRECISION NOT NULL,
    updated_at DOUBLE PRECISION NOT NULL,
    payload TEXT NOT NULL,
    result TEXT
);
CREATE INDEX IF NOT EXISTS cases_by_state ON cases (state, updated_at);
CREATE TABLE IF NOT EXISTS case_history (
    case_number TEXT NOT NULL,
    version BIGINT NOT NULL,
    from_state TEXT NOT NULL,
    to_state TEXT NOT NULL,
    actor TEXT NOT NULL,
    channel TEXT NOT NULL,
    device_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    at DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (case_number, version)
);
CREATE TABLE IF NOT EXISTS pickups (
    pickup_id TEXT PRIMARY KEY,
    case_number TEXT NOT NULL UNIQUE,
    hall_id TEXT NOT NULL,
    state TEXT NOT NULL,
    collected_at DOUBLE PRECISION,
    collected_by TEXT
);
CREATE TABLE IF NOT EXISTS evaluations (
    event_id TEXT PRIMARY KEY,
    device_id TEXT NOT NULL,
    hall_id TEXT NOT NULL,
    case_number TEXT,
    level INTEGER NOT NULL,
    payload TEXT NOT NULL,
    at DOUBLE PRECISION NOT NULL
);
CREATE TABLE IF NOT EXISTS search_misses (
    hall_id TEXT NOT NULL,
    query TEXT NOT NULL,
    hits BIGINT NOT NULL,
    last_at DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (hall_id, query)
);
CREATE TABLE IF NOT EXISTS audit_entries (
    event_id TEXT PRIMARY KEY,
    device_id TEXT NOT NULL,
    entry_hash TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    chain_ok INTEGER NOT NULL,
    payload TEXT NOT NULL,
    at DOUBLE PRECISION NOT NULL
);
CREATE TABLE IF NOT EXISTS device_health (
    device_id TEXT NOT NULL,
    at DOUBLE PRECISION NOT NULL,
    payload TEXT NOT NULL
);
INSERT INTO counters (name, value) VALUES ('feed', 0) ON CONFLICT (name) DO NOTHING;
"""


class EnrolmentRefused(UserFacingError):
    """An enrolment code that is unknown, expired or already used."""


# --------------------------------------------------------------------------- cursors


class BadCursor(ValueError):
    """A cursor that cannot be read (truncated, forged, for another stream)."""


def encode_cursor(stream: Stream, epoch: int, seq: int) -> str:
    """An opaque cursor: base64url of ``"1.<stream>.<epoch>.<seq>"``."""
    raw = f"1.{stream.value}.{epoch}.{seq}".encode("ascii")
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def decode_cursor(stream: Stream, cursor: str) -> tuple[int, int]:
    """``(epoch, seq)`` of a cursor for ``stream``.

    Raises:
        BadCursor: the cursor is not one the gateway made for this stream.
    """
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
        version, name, epoch, seq = raw.split(".")
        if version != "1" or name != stream.value:
            raise BadCursor(cursor)
        return int(epoch), int(seq)
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise BadCursor(cursor) from exc


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class DeviceRecord:
    device_id: str
    secret: str
    hall_id: str
    slot: str
    terminal_id: str
    terminal_name: str
    revoked: bool
    contiguous_seq: int
    max_seq: int
    last_seen: float | None
    heartbeat: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class StreamState:
    stream: Stream
    scope: str
    epoch: int
    floor_seq: int
    high_seq: int
    digest: StreamDigest


@dataclass(frozen=True, slots=True)
class FeedRow:
    id: str
    version: int
    deleted: bool
    doc_json: str | None  # canonical JSON text, served as is
    seq: int


@dataclass(frozen=True, slots=True)
class ChunkInfo:
    n: int
    rows: int
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class SnapshotInfo:
    snapshot_id: str
    epoch: int
    seq: int
    rows: int
    digest: StreamDigest
    chunks: tuple[ChunkInfo, ...]


def scope_of(stream: Stream, hall_id: str) -> str:
    """The feed scope a device of ``hall_id`` reads for ``stream``."""
    return hall_id if stream in HALL_SCOPED_STREAMS else ""


def _hash_code(code: str) -> str:
    normalised = code.strip().upper().replace("-", "").replace(" ", "")
    return hashlib.sha256(normalised.encode("ascii", "replace")).hexdigest()


_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed


class GatewayStore:
    """Everything the gateway keeps, over one :class:`Database`.

    Args:
        db: the database (SQLite embedded, or another engine behind the same interface).
        clock: the time source (injected so tests control time).
    """

    def __init__(self, *, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock
        db.script(SCHEMA)

    def now(self) -> float:
        """The current time as unix seconds."""
        return self.clock.now().timestamp()

    # ------------------------------------------------------------------ enrolment

    def create_enrolment_code(
        self, *, hall_id: str, slot: str, valid_seconds: float
    ) -> EnrolmentCode:
        """A new one-time code for (hall, slot), valid for ``valid_seconds``."""
        raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(12))
        code = "-".join(raw[i : i + 4] for i in range(0, 12, 4))
        now = self.now()
        with self.db.write() as tx:
            tx.execute(
                "INSERT INTO enrolment_codes (code_hash, hall_id, slot, created_at, expires_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (_hash_code(code), hall_id, slot, now, now + valid_seconds),
            )
        log.info("enrolment code created for hall %s slot %s", hall_id, slot)
        return EnrolmentCode(code=code, hall_id=hall_id, slot=slot, expires_at=now + valid_seconds)

    def enrol(
        self, *, code: str, terminal_name: str, app_version: str, first_seq: int = 1
    ) -> DeviceCredential:
        """Trade a one-time code for a device credential.

        Enrolling a slot again (a replaced terminal) revokes the slot's old credential.
        ``first_seq`` is the first event seq the device will send: a re-enrolled terminal
        carries on its outbox's sequence, so its ledger counts from there.

        Raises:
            EnrolmentRefused: unknown, expired or used code.
        """
        now = self.now()
        with self.db.write() as tx:
            row = tx.one(
                "SELECT hall_id, slot, expires_at, used_at FROM enrolment_codes"
                " WHERE code_hash = ?",
                (_hash_code(code),),
            )
            if row is None:
                raise EnrolmentRefused(msg("注册码无效，请向管理员核对"), code="enrol.unknown")
            hall_id, slot, expires_at, used_at = row
            if used_at is not None:
                raise EnrolmentRefused(
                    msg("注册码已被使用，请向管理员申请新的注册码"), code="enrol.used"
                )
            if expires_at < now:
                raise EnrolmentRefused(
                    msg("注册码已过期，请向管理员申请新的注册码"), code="enrol.expired"
                )
            device_id = "dev-" + secrets.token_hex(8)
            secret = base64.urlsafe_b64encode(secrets.token_bytes(32)).rstrip(b"=").decode()
            tx.execute(
                "UPDATE devices SET revoked_at = ? WHERE hall_id = ? AND slot = ?"
                " AND revoked_at IS NULL",
                (now, hall_id, slot),
            )
            tx.execute(
                "UPDATE enrolment_codes SET used_at = ?, device_id = ? WHERE code_hash = ?",
                (now, device_id, _hash_code(code)),
            )
            tx.execute(
                "INSERT INTO devices (device_id, secret, hall_id, slot, terminal_id,"
                " terminal_name, app_version, enrolled_at, contiguous_seq, max_seq)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    device_id, secret, hall_id, slot, slot, terminal_name, app_version, now,
                    first_seq - 1, first_seq - 1,
                ),
            )
        log.info("device %s enrolled at hall %s slot %s", device_id, hall_id, slot)
        return DeviceCredential(
            device_id=device_id,
            secret=secret,
            hall_id=hall_id,
            slot=slot,
            terminal_id=slot,
            server_time=now,
        )

    def revoke(self, device_id: str) -> bool:
        """Revoke a device at once; ``False`` when unknown or already revoked."""
        with self.db.write() as tx:
            changed = tx.execute(
                "UPDATE devices SET revoked_at = ? WHERE device_id = ? AND revoked_at IS NULL",
                (self.now(), device_id),
            )
        if changed:
            log.warning("device %s revoked", device_id)
        return changed > 0

    def device(self, device_id: str) -> DeviceRecord | None:
        with self.db.read() as tx:
            return self._device(tx, device_id)

    @staticmethod
    def _device(tx: Tx, device_id: str) -> DeviceRecord | None:
        row = tx.one(
            "SELECT device_id, secret, hall_id, slot, terminal_id, terminal_name, revoked_at,"
            " contiguous_seq, max_seq, last_seen, heartbeat FROM devices WHERE device_id = ?",
            (device_id,),
        )
        if row is None:
            return None
        return DeviceRecord(
            device_id=row[0],
            secret=row[1],
            hall_id=row[2],
            slot=row[3],
            terminal_id=row[4],
            terminal_name=row[5],
            revoked=row[6] is not None,
            contiguous_seq=int(row[7]),
            max_seq=int(row[8]),
            last_seen=row[9],
            heartbeat=json.loads(row[10]) if row[10] else None,
        )

    def devices(self) -> list[DeviceRecord]:
        with self.db.read() as tx:
            ids = [r[0] for r in tx.all("SELECT device_id FROM devices ORDER BY hall_id, slot")]
            return [d for d in (self._device(tx, i) for i in ids) if d is not None]

    def remember_nonce(self, device_id: str, nonce: str, *, keep_seconds: float) -> bool:
        """Record a request nonce; ``False`` when the device used it already (a replay)."""
        now = self.now()
        with self.db.write() as tx:
            tx.execute("DELETE FROM nonces WHERE expires_at < ?", (now,))
            inserted = tx.execute(
                "INSERT INTO nonces (device_id, nonce, expires_at) VALUES (?, ?, ?)"
                " ON CONFLICT (device_id, nonce) DO NOTHING",
                (device_id, nonce, now + keep_seconds),
            )
            tx.execute("UPDATE devices SET last_seen = ? WHERE device_id = ?", (now, device_id))
        return inserted > 0

    def record_heartbeat(self, device_id: str, heartbeat: Mapping[str, Any]) -> None:
        with self.db.write() as tx:
            tx.execute(
                "UPDATE devices SET heartbeat = ?, last_seen = ? WHERE device_id = ?",
                (canonical_json(heartbeat).decode(), self.now(), device_id),
            )

    # ------------------------------------------------------------------ feed writes

    def _stream_row(self, tx: Tx, stream: Stream, scope: str) -> StreamState:
        row = tx.one(
            "SELECT epoch, floor_seq, high_seq, live_count, digest_sum FROM streams"
            " WHERE stream = ? AND scope = ?",
            (stream.value, scope),
        )
        if row is None:
            return StreamState(stream, scope, 1, 0, 0, StreamDigest(count=0, sum="0" * 16))
        return StreamState(
            stream,
            scope,
            int(row[0]),
            int(row[1]),
            int(row[2]),
            StreamDigest(count=int(row[3]), sum=row[4]),
        )

    def publish(
        self,
        tx: Tx,
        stream: Stream,
        scope: str,
        changes: Iterable[tuple[str, Mapping[str, Any] | None]],
    ) -> list[str]:
        """Write changed rows into a feed inside the caller's write transaction.

        Args:
            tx: an open write transaction (``db.write()``).
            stream: the stream.
            scope: ``""`` for city-wide streams, the hall id for hall-scoped ones.
            changes: ``(id, doc)`` pairs; ``doc=None`` deletes (a tombstone).

        Returns:
            The ids that actually changed (an identical doc is not republished).
        """
        pending: list[tuple[str, int, bool, str | None, str | None, int | None]] = []
        for row_id, doc in changes:
            current = tx.one(
                "SELECT version, deleted, doc_hash FROM feed"
                " WHERE stream = ? AND scope = ? AND id = ?",
                (stream.value, scope, row_id),
            )
            text = canonical_json(doc).decode() if doc is not None else None
            digest = hashlib.sha256(text.encode()).hexdigest() if text is not None else None
            if current is None:
                if doc is None:
                    continue  # deleting what never existed
                pending.append((row_id, 1, False, text, digest, None))
                continue
            version, deleted, old_hash = int(current[0]), bool(current[1]), current[2]
            unchanged = doc is not None and not deleted and digest == old_hash
            if unchanged or (doc is None and deleted):
                continue
            live_version = None if deleted else version
            pending.append((row_id, version + 1, doc is None, text, digest, live_version))
        if not pending:
            return []
        state = self._stream_row(tx, stream, scope)
        top = tx.one(
            "UPDATE counters SET value = value + ? WHERE name = 'feed' RETURNING value",
            (len(pending),),
        )
        assert top is not None
        seq = int(top[0]) - len(pending)
        count = state.digest.count
        total = int(state.digest.sum, 16)
        now = self.now()
        for row_id, version, deleted, text, digest, old_live_version in pending:
            seq += 1
            if old_live_version is not None:
                count -= 1
                total = (total - row_hash(row_id, old_live_version)) % 2**64
            if not deleted:
                count += 1
                total = (total + row_hash(row_id, version)) % 2**64
            tx.execute(
                "INSERT INTO feed (stream, scope, id, version, deleted, doc, doc_hash, seq,"
                " changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (stream, scope, id) DO UPDATE SET version = excluded.version,"
                " deleted = excluded.deleted, doc = excluded.doc, doc_hash = excluded.doc_hash,"
                " seq = excluded.seq, changed_at = excluded.changed_at",
                (stream.value, scope, row_id, version, int(deleted), text, digest, seq, now),
            )
        tx.notify_change(stream.value, scope)
        tx.execute(
            "INSERT INTO streams (stream, scope, epoch, floor_seq, high_seq, live_count,"
            " digest_sum) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (stream, scope) DO UPDATE"
            " SET high_seq = excluded.high_seq, live_count = excluded.live_count,"
            " digest_sum = excluded.digest_sum",
            (stream.value, scope, state.epoch, state.floor_seq, seq, count, f"{total:016x}"),
        )
        return [p[0] for p in pending]

    def replace_stream(
        self, tx: Tx, stream: Stream, scope: str, docs: Mapping[str, Mapping[str, Any]]
    ) -> tuple[list[str], list[str]]:
        """Make a feed hold exactly ``docs``: changed rows upserted, missing rows deleted.

        Returns:
            ``(changed_ids, deleted_ids)``.
        """
        live = {
            r[0]
            for r in tx.all(
                "SELECT id FROM feed WHERE stream = ? AND scope = ? AND deleted = 0",
                (stream.value, scope),
            )
        }
        gone = sorted(live - set(docs))
        changed = self.publish(tx, stream, scope, [*docs.items(), *((g, None) for g in gone)])
        gone_set = set(gone)
        return [c for c in changed if c not in gone_set], gone

    def reset_epoch(self, stream: Stream) -> None:
        """Start a new epoch: every client of ``stream`` rebuilds from a snapshot.

        Used after restoring the gateway from a backup, when cursors handed out since
        then no longer mean anything.
        """
        with self.db.write() as tx:
            tx.execute("UPDATE streams SET epoch = epoch + 1 WHERE stream = ?", (stream.value,))
        log.warning("stream %s moved to a new epoch", stream.value)

    def purge_tombstones(self, *, older_than: float | None = None) -> int:
        """Drop tombstones past retention and raise each stream's floor accordingly."""
        cutoff = older_than if older_than is not None else self.now() - RETENTION_SECONDS
        purged = 0
        with self.db.write() as tx:
            for stream, scope, top in tx.all(
                "SELECT stream, scope, MAX(seq) FROM feed WHERE deleted = 1 AND changed_at < ?"
                " GROUP BY stream, scope",
                (cutoff,),
            ):
                purged += tx.execute(
                    "DELETE FROM feed WHERE stream = ? AND scope = ? AND deleted = 1 AND seq <= ?",
                    (stream, scope, top),
                )
                tx.execute(
                    "UPDATE streams SET floor_seq = ? WHERE stream = ? AND scope = ?"
                    " AND floor_seq < ?",
                    (top, stream, scope, top),
                )
        return purged

    # ------------------------------------------------------------------ feed reads

    def stream_state(self, stream: Stream, scope: str) -> StreamState:
        with self.db.read() as tx:
            return self._stream_row(tx, stream, scope)

    def changes(
        self, stream: Stream, scope: str, after_seq: int, limit: int
    ) -> tuple[StreamState, list[FeedRow], bool]:
        """Rows changed after ``after_seq``, oldest first, and whether more follow."""
        with self.db.read() as tx:
            state = self._stream_row(tx, stream, scope)
            rows = tx.all(
                "SELECT id, version, deleted, doc, seq FROM feed"
                " WHERE stream = ? AND scope = ? AND seq > ? ORDER BY seq LIMIT ?",
                (stream.value, scope, after_seq, limit + 1),
            )
        feed = [FeedRow(r[0], int(r[1]), bool(r[2]), r[3], int(r[4])) for r in rows[:limit]]
        return state, feed, len(rows) > limit

    def versions(self, stream: Stream, scope: str, ids: Iterable[str]) -> dict[str, int]:
        """Current versions of the live ids among ``ids``."""
        wanted = list(dict.fromkeys(ids))
        found: dict[str, int] = {}
        with self.db.read() as tx:
            for start in range(0, len(wanted), 500):
                part = wanted[start : start + 500]
                marks = ",".join("?" * len(part))
                for row_id, version in tx.all(
                    f"SELECT id, version FROM feed WHERE stream = ? AND scope = ?"  # noqa: S608
                    f" AND deleted = 0 AND id IN ({marks})",
                    (stream.value, scope, *part),
                ):
                    found[row_id] = int(version)
        return found

    def live_doc(self, tx: Tx, stream: Stream, scope: str, row_id: str) -> dict[str, Any] | None:
        row = tx.one(
            "SELECT doc FROM feed WHERE stream = ? AND scope = ? AND id = ? AND deleted = 0",
            (stream.value, scope, row_id),
        )
        return json.loads(row[0]) if row and row[0] else None

    # ------------------------------------------------------------------ snapshots

    def latest_snapshot(self, stream: Stream, scope: str) -> SnapshotPointer | None:
        with self.db.read() as tx:
            row = tx.one(
                "SELECT snapshot_id, epoch, seq, rows FROM snapshots WHERE stream = ?"
                " AND scope = ? ORDER BY epoch DESC, seq DESC LIMIT 1",
                (stream.value, scope),
            )
            state = self._stream_row(tx, stream, scope)
        if row is None or int(row[1]) != state.epoch:
            return None
        return SnapshotPointer(
            snapshot_id=row[0],
            rows=int(row[3]),
            cursor=encode_cursor(stream, int(row[1]), int(row[2])),
        )

    def snapshot(self, stream: Stream, scope: str, snapshot_id: str | None = None) -> SnapshotInfo:
        """A snapshot of the stream's live rows, building one when the newest is behind.

        Args:
            snapshot_id: a specific (still kept) snapshot; ``None`` for the current one.

        Raises:
            KeyError: ``snapshot_id`` is not (or no longer) kept.
        """
        if snapshot_id is None:
            state = self.stream_state(stream, scope)
            snapshot_id = f"e{state.epoch}s{state.high_seq}"
            if self._snapshot_info(stream, scope, snapshot_id) is None:
                self._build_snapshot(stream, scope)
                state = self.stream_state(stream, scope)
                snapshot_id = f"e{state.epoch}s{state.high_seq}"
        info = self._snapshot_info(stream, scope, snapshot_id)
        if info is None:
            # A publish can land between building and reading; the built one is kept.
            with self.db.read() as tx:
                row = tx.one(
                    "SELECT snapshot_id FROM snapshots WHERE stream = ? AND scope = ?"
                    " ORDER BY epoch DESC, seq DESC LIMIT 1",
                    (stream.value, scope),
                )
            info = self._snapshot_info(stream, scope, row[0]) if row else None
        if info is None:
            raise KeyError(snapshot_id)
        return info

    def _snapshot_info(self, stream: Stream, scope: str, snapshot_id: str) -> SnapshotInfo | None:
        with self.db.read() as tx:
            head = tx.one(
                "SELECT epoch, seq, rows, digest_sum FROM snapshots WHERE stream = ?"
                " AND scope = ? AND snapshot_id = ?",
                (stream.value, scope, snapshot_id),
            )
            if head is None:
                return None
            chunks = tx.all(
                "SELECT n, rows, LENGTH(data), sha256 FROM snapshot_chunks WHERE stream = ?"
                " AND scope = ? AND snapshot_id = ? ORDER BY n",
                (stream.value, scope, snapshot_id),
            )
        return SnapshotInfo(
            snapshot_id=snapshot_id,
            epoch=int(head[0]),
            seq=int(head[1]),
            rows=int(head[2]),
            digest=StreamDigest(count=int(head[2]), sum=head[3]),
            chunks=tuple(ChunkInfo(int(c[0]), int(c[1]), int(c[2]), c[3]) for c in chunks),
        )

    def _build_snapshot(self, stream: Stream, scope: str) -> None:
        chunks: list[tuple[int, int, str, bytes]] = []
        with self.db.read() as tx:
            state = self._stream_row(tx, stream, scope)
            rows = tx.all(
                "SELECT id, version, doc FROM feed WHERE stream = ? AND scope = ?"
                " AND deleted = 0 ORDER BY id",
                (stream.value, scope),
            )
        for n, start in enumerate(range(0, max(len(rows), 1), SNAPSHOT_CHUNK_ROWS)):
            part = rows[start : start + SNAPSHOT_CHUNK_ROWS]
            lines = "".join(
                f'{{"id":{json.dumps(r[0], ensure_ascii=False)},"version":{int(r[1])},'
                f'"doc":{r[2]}}}\n'
                for r in part
            )
            data = gzip.compress(lines.encode("utf-8"), compresslevel=6, mtime=0)
            chunks.append((n, len(part), hashlib.sha256(data).hexdigest(), data))
        snapshot_id = f"e{state.epoch}s{state.high_seq}"
        with self.db.write() as tx:
            tx.execute(
                "INSERT INTO snapshots (stream, scope, snapshot_id, epoch, seq, rows, digest_sum,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (stream, scope, snapshot_id) DO NOTHING",
                (
                    stream.value,
                    scope,
                    snapshot_id,
                    state.epoch,
                    state.high_seq,
                    len(rows),
                    state.digest.sum,
                    self.now(),
                ),
            )
            for n, count, sha, data in chunks:
                tx.execute(
                    "INSERT INTO snapshot_chunks (stream, scope, snapshot_id, n, rows, sha256,"
                    " data) VALUES (?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (stream, scope, snapshot_id, n) DO NOTHING",
                    (stream.value, scope, snapshot_id, n, count, sha, data),
                )
            # Newest first by epoch, then seq: after a reset with no publish since, the
            # old and the new epoch's snapshots share a seq, and the new one must stay.
            old = tx.all(
                "SELECT snapshot_id FROM snapshots WHERE stream = ? AND scope = ?"
                " ORDER BY epoch DESC, seq DESC",
                (stream.value, scope),
            )[SNAPSHOTS_KEPT:]
            for (old_id,) in old:
                tx.execute(
                    "DELETE FROM snapshot_chunks WHERE stream = ? AND scope = ?"
                    " AND snapshot_id = ?",
                    (stream.value, scope, old_id),
                )
                tx.execute(
                    "DELETE FROM snapshots WHERE stream = ? AND scope = ? AND snapshot_id = ?",
                    (stream.value, scope, old_id),
                )
        log.info("snapshot %s of %s built: %d rows", snapshot_id, stream.value, len(rows))

    def snapshot_chunk(self, stream: Stream, scope: str, snapshot_id: str, n: int) -> bytes | None:
        with self.db.read() as tx:
            row = tx.one(
                "SELECT data FROM snapshot_chunks WHERE stream = ? AND scope = ?"
                " AND snapshot_id = ? AND n = ?",
                (stream.value, scope, snapshot_id, n),
            )
        return bytes(row[0]) if row else None

    # ------------------------------------------------------------------ blobs

    def put_blob(self, sha256: str, data: bytes) -> bool:
        """Store a blob under its (already verified) hash; ``False`` if it was there."""
        with self.db.write() as tx:
            return (
                tx.execute(
                    "INSERT INTO blobs (sha256, size, data, created_at) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT (sha256) DO NOTHING",
                    (sha256, len(data), data, self.now()),
                )
                > 0
            )

    def get_blob(self, sha256: str) -> bytes | None:
        with self.db.read() as tx:
            row = tx.one("SELECT data FROM blobs WHERE sha256 = ?", (sha256,))
        return bytes(row[0]) if row else None

    @staticmethod
    def has_blob(tx: Tx, sha256: str) -> bool:
        return tx.one("SELECT 1 FROM blobs WHERE sha256 = ?", (sha256,)) is not None
