"""Rebuilding one cached stream from a gateway snapshot, and swapping it in.

Used on a stream's first sync and when the gateway says its cursor is no good any
more (``410``, a new epoch, a digest that does not match). SYNC.md, Pull:

1. fetch the snapshot index (chunk list, digest, follow-on cursor);
2. download chunks one by one into ``snapshot-staging.db`` beside the store — each
   chunk's sha256 checked, its rows (and their search keys) written in one staging
   transaction together with "chunk *n* done", so a crash or an outage resumes at the
   next missing chunk instead of starting again;
3. check the staged rows against the snapshot's digest (count + 64-bit sum of
   ``row_hash(id, version)``);
4. swap: in **one** ``cache.db`` transaction replace the stream's rows, its search
   keys and its cursor. Screens keep reading the old rows until that commit.

Nothing here opens or writes ``journal.db``: unsent cases and evaluations are never
touched by a rebuild. The staging file is disposable; a damaged one is recreated.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gzip
import json
import logging
import sqlite3
import threading
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from sync.protocol import SnapshotIndex, StreamDigest, digest_of
from sync.schema import SEARCHABLE_STREAMS, STREAMS
from sync.search_index import SearchEntry, entry_for
from sync.store import Store
from sync.transport import BadAnswer

log = logging.getLogger(__name__)

STAGING_FILE = "snapshot-staging.db"
DAY_SECONDS = 24 * 3600

_ENTRY_COLUMNS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(SearchEntry))

_STAGING_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS snap_meta (stream TEXT PRIMARY KEY, snapshot_id TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS snap_chunks (stream TEXT NOT NULL, n INTEGER NOT NULL,"
    " PRIMARY KEY (stream, n))",
    "CREATE TABLE IF NOT EXISTS snap_rows (stream TEXT NOT NULL, id TEXT NOT NULL,"
    " version INTEGER NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (stream, id))",
    "CREATE TABLE IF NOT EXISTS snap_search ("
    + ", ".join(f"{c} {'INTEGER' if c == 'popularity' else 'TEXT'}" for c in _ENTRY_COLUMNS)
    + ", PRIMARY KEY (stream, id))",
    "CREATE TABLE IF NOT EXISTS resets (stream TEXT NOT NULL, at REAL NOT NULL)",
)


class SnapshotSource(Protocol):
    """The two calls a rebuild needs (:class:`sync.transport.Transport` has them)."""

    def snapshot_index(self, stream: str) -> SnapshotIndex: ...

    def snapshot_chunk(self, url: str, *, expected_sha256: str) -> bytes: ...


@dataclass(frozen=True, slots=True)
class RebuildReport:
    """What one rebuild did.

    Attributes:
        stream: the stream rebuilt.
        snapshot_id: the gateway's snapshot.
        rows: live rows now cached.
        fetched: chunks downloaded in this run.
        resumed: chunks already staged by an earlier, interrupted run.
        cursor: the follow-on cursor stored with the rows.
    """

    stream: str
    snapshot_id: str
    rows: int
    fetched: int
    resumed: int
    cursor: str


def cache_digest(store: Store, stream: str) -> StreamDigest:
    """The digest of the live rows ``cache.db`` holds for ``stream``."""
    if stream not in STREAMS:
        raise ValueError(f"unknown stream {stream!r}")
    with store.cache.read() as conn:
        rows = conn.execute(f"SELECT id, version FROM [{stream}] WHERE deleted = 0").fetchall()
    return digest_of((r[0], int(r[1])) for r in rows)


class SnapshotBuilder:
    """Rebuilds streams of one store from snapshots (used only by the sync writer).

    Args:
        store: the open store; the staging file lives in its data directory.
        should_stop: polled between chunks so a stopping engine does not finish a
            long download first (the staged chunks are kept for next time).
    """

    def __init__(self, *, store: Store, should_stop: Callable[[], bool] = lambda: False) -> None:
        self._store = store
        self._should_stop = should_stop
        self._path = store.data_dir / STAGING_FILE
        self._lock = threading.Lock()
        self._conn = self._open(self._path)

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection:
        for attempt in (1, 2):
            conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
            try:
                if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                    raise sqlite3.DatabaseError("quick_check failed")
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
                for statement in _STAGING_SCHEMA:
                    conn.execute(statement)
            except sqlite3.DatabaseError:
                conn.close()
                if attempt == 2:
                    raise
                log.warning("snapshot staging file was damaged; starting it afresh")
                for suffix in ("", "-wal", "-shm"):
                    Path(str(path) + suffix).unlink(missing_ok=True)
                continue
            return conn
        raise AssertionError("unreachable")

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # ------------------------------------------------------------------ resets

    def resets_since(self, stream: str, since: float) -> int:
        """Rebuilds of ``stream`` started after ``since`` (unix seconds) that were resets."""
        with self._lock:
            row = self._conn.execute(
                "SELECT COUNT(*) FROM resets WHERE stream = ? AND at > ?", (stream, since)
            ).fetchone()
        return int(row[0])

    def note_reset(self, stream: str, at: float) -> None:
        """Record a reset, and forget those older than a day."""
        with self._lock, self._transaction() as conn:
            conn.execute("DELETE FROM resets WHERE at < ?", (at - 2 * DAY_SECONDS,))
            conn.execute("INSERT INTO resets (stream, at) VALUES (?, ?)", (stream, at))

    # ------------------------------------------------------------------ rebuild

    def begin(self, stream: str) -> None:
        """Mark ``stream`` as being rebuilt, so a restart resumes instead of resetting again."""
        with self._lock:
            if self._conn.execute("SELECT 1 FROM snap_meta WHERE stream = ?", (stream,)).fetchone():
                return
            with self._transaction() as conn:
                conn.execute(
                    "INSERT INTO snap_meta (stream, snapshot_id) VALUES (?, '')", (stream,)
                )

    def in_progress(self, stream: str) -> bool:
        """A rebuild of ``stream`` was begun and has not been swapped in yet."""
        with self._lock:
            row = self._conn.execute(
                "SELECT 1 FROM snap_meta WHERE stream = ?", (stream,)
            ).fetchone()
        return row is not None

    def rebuild(
        self, stream: str, source: SnapshotSource, *, min_epoch: int = 0
    ) -> RebuildReport | None:
        """Download, verify and swap in a snapshot of ``stream``.

        Args:
            stream: the stream to rebuild.
            source: where snapshots come from (the transport).
            min_epoch: the stream's epoch according to the manifest; an older snapshot
                would be refused at once by the change feed, so it is not downloaded.

        Returns:
            What was done, or ``None`` when stopped part-way (staged chunks are kept).

        Raises:
            BadAnswer: a chunk or the digest does not match (the staged copy is dropped).
            Offline | TryLater | ServerError: the download failed; staged chunks are kept.
        """
        if stream not in STREAMS:
            raise ValueError(f"unknown stream {stream!r}")
        self.begin(stream)
        index = source.snapshot_index(stream)
        if index.epoch < min_epoch:
            log.warning(
                "%s snapshot of epoch %d offered for epoch %d", stream, index.epoch, min_epoch
            )
            raise BadAnswer(f"前置机提供的 {stream} 快照已过期，稍后重试")
        done = self._start(stream, index.snapshot_id)
        fetched = 0
        for chunk in index.chunks:
            if chunk.n in done:
                continue
            if self._should_stop():
                log.info("%s snapshot paused after %d new chunks", stream, fetched)
                return None
            data = source.snapshot_chunk(chunk.url, expected_sha256=chunk.sha256)
            rows = _rows_of(data, stream, chunk.n)
            if len(rows) != chunk.rows:
                raise BadAnswer(f"快照数据块行数不符（{stream} 第 {chunk.n} 块）")
            self._stage(stream, chunk.n, rows)
            fetched += 1
        self._verify(stream, index)
        count = self._swap(stream, index)
        self._clear(stream)
        log.info(
            "%s rebuilt from snapshot %s: %d rows (%d chunks fetched, %d resumed)",
            stream,
            index.snapshot_id,
            count,
            fetched,
            len(done),
        )
        return RebuildReport(
            stream=stream,
            snapshot_id=index.snapshot_id,
            rows=count,
            fetched=fetched,
            resumed=len(done),
            cursor=index.cursor,
        )

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def _start(self, stream: str, snapshot_id: str) -> set[int]:
        """Chunks already staged for this snapshot; other snapshots' leftovers dropped."""
        with self._lock:
            row = self._conn.execute(
                "SELECT snapshot_id FROM snap_meta WHERE stream = ?", (stream,)
            ).fetchone()
            if row is not None and row[0] == snapshot_id:
                return {
                    int(r[0])
                    for r in self._conn.execute(
                        "SELECT n FROM snap_chunks WHERE stream = ?", (stream,)
                    )
                }
            with self._transaction() as conn:
                self._drop(conn, stream)
                conn.execute(
                    "INSERT INTO snap_meta (stream, snapshot_id) VALUES (?, ?)",
                    (stream, snapshot_id),
                )
        return set()

    @staticmethod
    def _drop(conn: sqlite3.Connection, stream: str) -> None:
        for table in ("snap_meta", "snap_chunks", "snap_rows", "snap_search"):
            conn.execute(f"DELETE FROM {table} WHERE stream = ?", (stream,))

    def _clear(self, stream: str) -> None:
        with self._lock, self._transaction() as conn:
            self._drop(conn, stream)

    def _stage(self, stream: str, n: int, rows: list[tuple[str, int, str, dict[str, Any]]]) -> None:
        searchable = stream in SEARCHABLE_STREAMS
        entries: list[tuple[object, ...]] = []
        if searchable:
            for row_id, _, _, doc in rows:
                try:
                    entry = entry_for(stream, doc)
                except (KeyError, TypeError, ValueError) as exc:
                    raise BadAnswer(f"快照中的 {stream}/{row_id[:40]} 无法建立检索") from exc
                entries.append(tuple(entry.as_row()[c] for c in _ENTRY_COLUMNS))
        marks = ", ".join("?" for _ in _ENTRY_COLUMNS)
        with self._lock, self._transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO snap_rows (stream, id, version, doc) VALUES (?, ?, ?, ?)",
                [(stream, r[0], r[1], r[2]) for r in rows],
            )
            if entries:
                conn.executemany(
                    f"INSERT OR REPLACE INTO snap_search ({', '.join(_ENTRY_COLUMNS)})"
                    f" VALUES ({marks})",
                    entries,
                )
            conn.execute("INSERT INTO snap_chunks (stream, n) VALUES (?, ?)", (stream, n))

    def _verify(self, stream: str, index: SnapshotIndex) -> None:
        with self._lock:
            rows = self._conn.execute(
                "SELECT id, version FROM snap_rows WHERE stream = ?", (stream,)
            ).fetchall()
        got = digest_of((r[0], int(r[1])) for r in rows)
        if got != index.digest:
            self._clear(stream)
            log.warning(
                "%s snapshot %s failed its digest: %d rows staged, %d expected",
                stream,
                index.snapshot_id,
                got.count,
                index.digest.count,
            )
            raise BadAnswer(f"快照校验失败（{stream}），已丢弃，稍后重新下载")

    def _swap(self, stream: str, index: SnapshotIndex) -> int:
        """Replace the stream's cached rows, search keys and cursor in one transaction."""
        store = self._store
        searchable = stream in SEARCHABLE_STREAMS
        columns = ", ".join(_ENTRY_COLUMNS)
        now = store.clock().isoformat()
        with self._lock, store.cache.lock:
            conn = store.cache.conn
            conn.execute("ATTACH DATABASE ? AS staging", (str(self._path),))
            try:
                with store.cache.transaction():
                    conn.execute(f"DELETE FROM main.[{stream}]")
                    conn.execute(
                        f"INSERT INTO main.[{stream}] (id, version, deleted, doc)"
                        " SELECT id, version, 0, doc FROM staging.snap_rows WHERE stream = ?",
                        (stream,),
                    )
                    if searchable:
                        conn.execute("DELETE FROM main.search_entries WHERE stream = ?", (stream,))
                        conn.execute(
                            f"INSERT INTO main.search_entries ({columns}) SELECT {columns}"
                            " FROM staging.snap_search WHERE stream = ?",
                            (stream,),
                        )
                    conn.execute(
                        "INSERT INTO main.sync_state (stream, cursor, epoch, updated_at)"
                        " VALUES (?, ?, ?, ?) ON CONFLICT (stream) DO UPDATE SET"
                        " cursor = excluded.cursor, epoch = excluded.epoch,"
                        " updated_at = excluded.updated_at",
                        (stream, index.cursor, str(index.epoch), now),
                    )
                    count = int(conn.execute(f"SELECT COUNT(*) FROM main.[{stream}]").fetchone()[0])
            finally:
                conn.execute("DETACH DATABASE staging")
        if searchable:
            store.bump_cache_generation()
        return count


def _rows_of(data: bytes, stream: str, n: int) -> list[tuple[str, int, str, dict[str, Any]]]:
    """Parse one gzip NDJSON chunk into ``(id, version, doc_json, doc)``."""
    try:
        text = gzip.decompress(data).decode("utf-8")
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as exc:
        raise BadAnswer(f"快照数据块无法解压（{stream} 第 {n} 块）") from exc
    rows: list[tuple[str, int, str, dict[str, Any]]] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            row_id, version, doc = row["id"], row["version"], row["doc"]
        except (ValueError, KeyError, TypeError) as exc:
            raise BadAnswer(f"快照数据行格式错误（{stream} 第 {n} 块）") from exc
        ok = isinstance(row_id, str) and isinstance(version, int) and isinstance(doc, dict)
        if not ok or version < 1:
            raise BadAnswer(f"快照数据行格式错误（{stream} 第 {n} 块）")
        doc_json = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
        rows.append((row_id, version, doc_json, doc))
    return rows
