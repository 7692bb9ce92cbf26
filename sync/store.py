"""The terminal's local store: ``cache.db`` + ``journal.db`` in one data directory.

- ``cache.db`` — server-owned rows, one table per synced stream
  (``id, version, deleted, doc``), cursors in ``sync_state``. Disposable: a corrupt
  cache is moved aside and recreated empty (:attr:`Store.cache_reset` says so), and
  the sync engine pulls it again.
- ``journal.db`` — terminal-owned facts: drafts, the outbox, print jobs, the audit
  log, search misses. Precious: ``synchronous=FULL``; a corrupt journal is never
  touched, :class:`JournalCorrupt` tells staff what to do.

Exactly one process may hold a store (a ``store.lock`` file with ``fcntl.flock``).
Within that process any thread may use it: each file has one connection, opened with
``check_same_thread=False`` and guarded by a re-entrant lock, so the UI's worker thread
and the sync thread take turns instead of corrupting each other's transactions.

Typical use::

    store = open_store(data_dir)
    with store.local_change() as conn:          # one journal transaction
        conn.execute("INSERT INTO drafts ...")  # the local change
        enqueue_event("case.submitted", payload, conn=conn)  # and its outbox event
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import logging
import os
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import sqlite_utils

from core.errors import EnvironmentProblem, msg
from sync.schema import (
    CACHE_MIGRATIONS,
    JOURNAL_MIGRATIONS,
    SEARCHABLE_STREAMS,
    STREAMS,
    Migration,
    migrate,
)
from sync.search_index import entry_for

log = logging.getLogger(__name__)

CACHE_FILE = "cache.db"
JOURNAL_FILE = "journal.db"
LOCK_FILE = "store.lock"

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


class StoreLocked(EnvironmentProblem):
    """Another process already holds this data directory."""

    def __init__(self, data_dir: Path, holder: str) -> None:
        if holder:
            text = msg(
                "数据目录 {data_dir} 正被另一个 govterm 程序使用（进程号 {holder}）。"
                "同一台终端只能运行一个 govterm：请关闭另一个窗口或重启终端后再试。",
                data_dir=data_dir,
                holder=holder,
            )
        else:
            text = msg(
                "数据目录 {data_dir} 正被另一个 govterm 程序使用。"
                "同一台终端只能运行一个 govterm：请关闭另一个窗口或重启终端后再试。",
                data_dir=data_dir,
            )
        super().__init__(text)
        self.data_dir = data_dir
        self.holder = holder


class JournalCorrupt(EnvironmentProblem):
    """``journal.db`` failed its integrity check; it may hold unsent cases."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            msg(
                "本机业务日志 {path} 已损坏，其中可能有尚未上传的办件和评价。"
                "请不要删除或覆盖该文件；请停止使用本终端，复制整个数据目录备份后联系运维人员"
                "（可用 sqlite3 的 .recover 命令恢复）。",
                path=path,
            )
        )
        self.path = path
        self.detail = detail


class StoreUnavailable(EnvironmentProblem):
    """The data directory cannot be used (missing permission, disk full …)."""


@dataclass(frozen=True, slots=True)
class CacheReset:
    """Why ``cache.db`` was recreated empty on open, and where the old file went."""

    reason: str
    moved_to: Path


@dataclass(frozen=True, slots=True)
class ChangeRow:
    """One row of a change-feed page (see SYNC.md, Pull).

    Attributes:
        op: ``"upsert"`` or ``"delete"`` (a tombstone).
        id: the row id within its stream.
        version: the server's version; an older one never overwrites a newer one.
        doc: the row itself (JSON object); ``None`` for a delete.
    """

    op: Literal["upsert", "delete"]
    id: str
    version: int
    doc: Mapping[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class PageResult:
    """What :meth:`Store.apply_page` did."""

    applied: int  # rows written (new or newer)
    skipped: int  # rows older than or equal to what the cache holds


@dataclass(frozen=True, slots=True)
class SyncState:
    """A stream's cursor as of the last applied page."""

    stream: str
    cursor: str | None
    epoch: str | None
    updated_at: str


@dataclass(frozen=True, slots=True)
class OutboxEvent:
    """The outbox row :func:`enqueue_event` wrote."""

    seq: int
    event_id: str
    kind: str
    schema_version: int
    sha256: str
    created_at: str


class Database:
    """One SQLite file: its connection, a sqlite-utils handle and the lock around both.

    Use :meth:`read` for queries and :meth:`transaction` for writes; both hold the lock
    for the whole block, so a block is never interleaved with another thread's.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        self.lock = threading.RLock()

    @contextlib.contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """The connection, held for this thread for the block."""
        with self.lock:
            yield self.conn

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A ``BEGIN IMMEDIATE`` transaction: committed at the end, rolled back on error.

        Nested use (same thread) becomes a savepoint inside the outer transaction.
        """
        with self.lock:
            conn = self.conn
            if conn.in_transaction:
                name = f"sp_{uuid.uuid4().hex}"
                conn.execute(f"SAVEPOINT {name}")
                try:
                    yield conn
                except BaseException:
                    conn.execute(f"ROLLBACK TO {name}")
                    conn.execute(f"RELEASE {name}")
                    raise
                conn.execute(f"RELEASE {name}")
                return
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise _translate(exc, self.path) from exc
            try:
                yield conn
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            try:
                conn.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise _translate(exc, self.path) from exc

    def pragma(self, name: str) -> Any:
        with self.read() as conn:
            return conn.execute(f"PRAGMA {name}").fetchone()[0]

    def close(self) -> None:
        with self.lock:
            self.conn.close()


class Store:
    """Both databases of one data directory, held by this process.

    Attributes:
        data_dir: the directory.
        cache: ``cache.db``.
        journal: ``journal.db``.
        cache_reset: set when ``cache.db`` was found corrupt and recreated empty on open.
    """

    def __init__(
        self,
        *,
        data_dir: Path,
        cache: Database,
        journal: Database,
        lock_fd: int,
        cache_reset: CacheReset | None,
        clock: Clock,
    ) -> None:
        self.data_dir = data_dir
        self.cache = cache
        self.journal = journal
        self.cache_reset = cache_reset
        self.clock = clock
        self._lock_fd: int | None = lock_fd
        self._generation = 0
        self._generation_lock = threading.Lock()

    # ----------------------------------------------------------------- lifecycle

    def close(self) -> None:
        """Close both files and release the directory. Safe to call twice."""
        if self._lock_fd is None:
            return
        for database in (self.cache, self.journal):
            with contextlib.suppress(sqlite3.Error):
                database.close()
        fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
        os.close(self._lock_fd)
        self._lock_fd = None
        log.info("store closed: %s", self.data_dir)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        return self._lock_fd is None

    # -------------------------------------------------------------------- cache

    @property
    def cache_generation(self) -> int:
        """Bumped after every committed change to searchable cache rows.

        Readers that keep derived data in memory (the search index) compare it to
        know when to rebuild.
        """
        return self._generation

    def bump_cache_generation(self) -> None:
        with self._generation_lock:
            self._generation += 1

    def apply_page(
        self,
        stream: str,
        rows: Sequence[ChangeRow],
        cursor: str | None,
        *,
        epoch: str | None = None,
    ) -> PageResult:
        """Apply one change-feed page and its cursor in one ``BEGIN IMMEDIATE`` transaction.

        Upserts and deletes are guarded by version: a row only replaces a strictly older
        one, so a page applied twice (a crash before the cursor was saved) changes
        nothing. Deletes are kept as tombstones (``deleted = 1``, no doc).

        Args:
            stream: one of :data:`sync.schema.STREAMS`.
            rows: the page's rows in feed order.
            cursor: the page's ``next_cursor``, saved with the rows.
            epoch: the stream's epoch from the manifest.

        Raises:
            ValueError: unknown stream or a malformed row (nothing is applied).
        """
        if stream not in STREAMS:
            raise ValueError(f"unknown stream {stream!r}")
        applied = skipped = 0
        now = self.clock().isoformat()
        searchable = stream in SEARCHABLE_STREAMS
        with self.cache.transaction() as conn:
            for row in rows:
                if _upsert(conn, stream, row):
                    applied += 1
                    if searchable:
                        index_search_entry(conn, stream, row)
                else:
                    skipped += 1
            conn.execute(
                "INSERT INTO sync_state (stream, cursor, epoch, updated_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (stream) DO UPDATE SET cursor = excluded.cursor,"
                " epoch = COALESCE(excluded.epoch, sync_state.epoch),"
                " updated_at = excluded.updated_at",
                (stream, cursor, epoch, now),
            )
        if searchable and applied:
            self.bump_cache_generation()
        log.debug("applied %s page: %d rows, %d skipped", stream, applied, skipped)
        return PageResult(applied=applied, skipped=skipped)

    def sync_state(self, stream: str) -> SyncState | None:
        """The saved cursor of a stream, or ``None`` before its first page."""
        with self.cache.read() as conn:
            row = conn.execute(
                "SELECT cursor, epoch, updated_at FROM sync_state WHERE stream = ?", (stream,)
            ).fetchone()
        if row is None:
            return None
        return SyncState(stream=stream, cursor=row[0], epoch=row[1], updated_at=row[2])

    def cached_doc(self, stream: str, row_id: str) -> dict[str, Any] | None:
        """A live (not deleted) row's doc, or ``None``."""
        if stream not in STREAMS:
            raise ValueError(f"unknown stream {stream!r}")
        with self.cache.read() as conn:
            row = conn.execute(
                f"SELECT doc FROM [{stream}] WHERE id = ? AND deleted = 0", (row_id,)
            ).fetchone()
        if row is None or row[0] is None:
            return None
        doc: dict[str, Any] = json.loads(row[0])
        return doc

    def cached_docs(self, stream: str) -> list[dict[str, Any]]:
        """Every live row's doc of a stream (small streams: halls, holidays, config)."""
        if stream not in STREAMS:
            raise ValueError(f"unknown stream {stream!r}")
        with self.cache.read() as conn:
            rows = conn.execute(
                f"SELECT doc FROM [{stream}] WHERE deleted = 0 ORDER BY id"
            ).fetchall()
        return [json.loads(r[0]) for r in rows]

    # ------------------------------------------------------------------ journal

    @contextlib.contextmanager
    def local_change(self) -> Iterator[sqlite3.Connection]:
        """One journal transaction for a local change and the outbox events it makes.

        Call :func:`enqueue_event` with the yielded connection; an exception anywhere in
        the block leaves neither the change nor its events behind.
        """
        with self.journal.transaction() as conn:
            yield conn


def _upsert(conn: sqlite3.Connection, stream: str, row: ChangeRow) -> bool:
    """Write one row if it is newer than the cached one; True when written."""
    if row.op == "upsert":
        if row.doc is None:
            raise ValueError(f"{stream}/{row.id}: upsert without a doc")
        deleted, doc = 0, json.dumps(row.doc, ensure_ascii=False, separators=(",", ":"))
    elif row.op == "delete":
        deleted, doc = 1, None
    else:
        raise ValueError(f"{stream}/{row.id}: unknown op {row.op!r}")
    if not isinstance(row.version, int) or row.version < 0:
        raise ValueError(f"{stream}/{row.id}: bad version {row.version!r}")
    cur = conn.execute(
        f"INSERT INTO [{stream}] (id, version, deleted, doc) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (id) DO UPDATE SET version = excluded.version,"
        " deleted = excluded.deleted, doc = excluded.doc"
        f" WHERE excluded.version > [{stream}].version",
        (row.id, row.version, deleted, doc),
    )
    return cur.rowcount > 0


def index_search_entry(conn: sqlite3.Connection, stream: str, row: ChangeRow) -> None:
    """Keep ``search_entries`` in step with a written items/bundles row."""
    if row.op == "delete" or row.doc is None:
        conn.execute("DELETE FROM search_entries WHERE stream = ? AND id = ?", (stream, row.id))
        return
    try:
        entry = entry_for(stream, row.doc)
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{stream}/{row.id}: cannot index: {exc}") from exc
    values = entry.as_row()
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    conn.execute(
        f"INSERT OR REPLACE INTO search_entries ({columns}) VALUES ({marks})",
        tuple(values.values()),
    )


def canonical_json(payload: Mapping[str, Any]) -> str:
    """The one JSON text of a payload that its sha256 is taken over."""
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def enqueue_event(
    kind: str,
    payload: Mapping[str, Any],
    *,
    conn: sqlite3.Connection,
    schema_version: int = 1,
    now: datetime | None = None,
) -> OutboxEvent:
    """Append an event to the outbox **inside the caller's open journal transaction**.

    The sequence number is gapless per device: it comes from a counter row updated in
    the same transaction, so a rolled-back change gives its number back.

    Args:
        kind: event kind, e.g. ``"case.submitted"``.
        payload: JSON-serialisable event body.
        conn: the journal connection with an open transaction (from
            :meth:`Store.local_change`).
        schema_version: version of the payload's schema.
        now: creation time (defaults to the current UTC time).

    Raises:
        RuntimeError: ``conn`` has no open transaction (the event would not be atomic
            with the change it records).
    """
    if not conn.in_transaction:
        raise RuntimeError("enqueue_event needs the caller's open journal transaction")
    if not kind:
        raise ValueError("event kind must not be empty")
    body = canonical_json(payload)
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    created = (now or _utc_now()).isoformat()
    seq = conn.execute(
        "UPDATE counters SET value = value + 1 WHERE name = 'outbox_seq' RETURNING value"
    ).fetchone()[0]
    event_id = str(uuid.uuid4())
    conn.execute(
        "INSERT INTO outbox (seq, event_id, kind, schema_version, payload, sha256, state,"
        " attempts, created_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?)",
        (seq, event_id, kind, schema_version, body, digest, created),
    )
    return OutboxEvent(
        seq=seq,
        event_id=event_id,
        kind=kind,
        schema_version=schema_version,
        sha256=digest,
        created_at=created,
    )


# ------------------------------------------------------------------------- opening


def open_store(
    data_dir: Path,
    *,
    cache_migrations: Sequence[Migration] = CACHE_MIGRATIONS,
    journal_migrations: Sequence[Migration] = JOURNAL_MIGRATIONS,
    clock: Clock = _utc_now,
) -> Store:
    """Open (creating if needed) the store in ``data_dir`` for this process.

    Checks both files (``PRAGMA quick_check``), migrates them forward, and takes the
    directory's writer lock.

    Raises:
        StoreLocked: another process holds the directory.
        JournalCorrupt: ``journal.db`` is damaged (it is left exactly as found).
        SchemaTooNew: a file was written by a newer govterm.
        StoreUnavailable: the directory cannot be created or written.
    """
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        lock_fd = os.open(data_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise StoreUnavailable(
            msg("无法使用数据目录 {data_dir}：{strerror}", data_dir=data_dir, strerror=exc.strerror)
        ) from exc
    try:
        fcntl.flock(lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        holder = os.pread(lock_fd, 32, 0).decode("ascii", "replace").strip()
        os.close(lock_fd)
        if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
            raise StoreLocked(data_dir, holder) from exc
        raise StoreUnavailable(
            msg("无法锁定数据目录 {data_dir}：{strerror}", data_dir=data_dir, strerror=exc.strerror)
        ) from exc
    os.ftruncate(lock_fd, 0)
    os.pwrite(lock_fd, str(os.getpid()).encode("ascii"), 0)

    opened: list[Database] = []
    try:
        journal = _open_journal(data_dir / JOURNAL_FILE, journal_migrations)
        opened.append(journal)
        cache, reset = _open_cache(data_dir / CACHE_FILE, cache_migrations, clock)
        opened.append(cache)
    except BaseException:
        for database in opened:
            database.close()
        fcntl.flock(lock_fd, fcntl.LOCK_UN)
        os.close(lock_fd)
        raise
    log.info("store opened: %s%s", data_dir, " (cache rebuilt)" if reset else "")
    return Store(
        data_dir=data_dir,
        cache=cache,
        journal=journal,
        lock_fd=lock_fd,
        cache_reset=reset,
        clock=clock,
    )


def _connect(path: Path, *, synchronous: str) -> Database:
    conn = sqlite3.connect(
        str(path),
        isolation_level=None,  # we issue BEGIN/COMMIT ourselves
        check_same_thread=False,  # shared between threads under Database.lock
        timeout=5.0,
    )
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            raise sqlite3.DatabaseError(f"quick_check: {result}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise sqlite3.OperationalError(f"cannot switch to WAL (journal_mode={mode})")
        conn.execute(f"PRAGMA synchronous = {synchronous}")
        conn.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        conn.close()
        raise
    return Database(path, conn)


def _open_journal(path: Path, migrations: Sequence[Migration]) -> Database:
    try:
        journal = _connect(path, synchronous="FULL")
    except sqlite3.DatabaseError as exc:
        if _is_corruption(exc):
            log.error("journal.db failed its integrity check: %s", exc)
            raise JournalCorrupt(path, str(exc)) from exc
        raise _translate(exc, path) from exc
    try:
        migrate(journal.db, migrations, path=path)
    except BaseException:
        journal.close()
        raise
    return journal


def _open_cache(
    path: Path, migrations: Sequence[Migration], clock: Clock
) -> tuple[Database, CacheReset | None]:
    reset: CacheReset | None = None
    try:
        cache = _connect(path, synchronous="NORMAL")
    except sqlite3.DatabaseError as exc:
        if not _is_corruption(exc):
            raise _translate(exc, path) from exc
        moved = _move_aside(path, clock)
        log.warning("cache.db was corrupt (%s); moved to %s, starting empty", exc, moved.name)
        reset = CacheReset(reason=str(exc), moved_to=moved)
        cache = _connect(path, synchronous="NORMAL")
    try:
        migrate(cache.db, migrations, path=path)
    except BaseException:
        cache.close()
        raise
    return cache, reset


def _is_corruption(exc: sqlite3.DatabaseError) -> bool:
    """Corrupt or not-a-database, as opposed to locked/readonly/disk-full."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
    # quick_check reports problems as rows, not as an error code
    return not isinstance(exc, sqlite3.OperationalError)


def _move_aside(path: Path, clock: Clock) -> Path:
    stamp = clock().strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    return target


def _translate(exc: sqlite3.Error, path: Path) -> EnvironmentProblem:
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    if code == sqlite3.SQLITE_FULL:
        return StoreUnavailable(
            msg("磁盘已满，无法写入 {file}。请通知工作人员清理终端磁盘。", file=path.name)
        )
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return StoreUnavailable(msg("{file} 正忙（被其他程序占用），请稍后重试。", file=path.name))
    if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM):
        return StoreUnavailable(msg("无法写入 {path}，请检查数据目录的权限。", path=path))
    return StoreUnavailable(msg("无法使用 {file}：{problem}", file=path.name, problem=exc))
