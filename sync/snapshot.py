"""Rebuilding one cached stream from a gateway snapshot, and swapping it in.

Used on a stream's first sync and when the gateway says its cursor is no good any
more (``410``, a new epoch, a digest that does not match). SYNC.md, Pull:

1. fetch the snapshot index (chunk list, digest, follow-on cursor);
2. download chunks one by one — a helper thread fetches and unzips the next chunk
   while this one is parsed — each chunk's sha256 checked, its rows (and their search
   keys) written in one transaction together with "chunk *n* done", so a crash or an
   outage resumes at the next missing chunk instead of starting again;
3. check the staged rows against the snapshot's digest (count + 64-bit sum of
   ``row_hash(id, version)``);
4. swap: in **one** ``cache.db`` transaction replace the stream's rows, its search
   keys and its cursor. Screens keep reading the old rows until that commit.

Rows are staged in ``cache.db`` itself, in a scratch table shaped exactly like the
stream's table (``snapshot_rows_<stream>``); the swap drops the old table and renames
the staged one into its place, so 100,000 rows are written once, not copied again
from a staging file and then deleted from it. The scratch tables are not part of the
versioned schema: they live only while a rebuild is under way, and a staged table
whose shape no longer matches the stream's (a migration ran meanwhile) is dropped
and staged again. Docs are stored as the exact JSON text the gateway sent (after
parsing it once to check it and to build search keys), not re-serialised.

Nothing here opens or writes ``journal.db``: unsent cases and evaluations are never
touched by a rebuild. ``snapshot-staging.db`` beside the store keeps only the log of
recent resets (the daily cap); it is disposable, and a damaged one is recreated.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gzip
import json
import logging
import operator
import queue
import re
import sqlite3
import threading
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any, Protocol

from pydantic_core import from_json

from core.errors import msg
from sync.protocol import SnapshotChunk, SnapshotIndex, StreamDigest, digest_of
from sync.schema import SEARCHABLE_STREAMS, STREAMS
from sync.search_index import SearchEntry, entry_for
from sync.store import Store
from sync.transport import BadAnswer

log = logging.getLogger(__name__)

STAGING_FILE = "snapshot-staging.db"
DAY_SECONDS = 24 * 3600
PREFETCH_CHUNKS = 2
"""Chunks downloaded ahead of the one being parsed and written."""

_ENTRY_COLUMNS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(SearchEntry))
_entry_values: Callable[[SearchEntry], tuple[object, ...]] = operator.attrgetter(*_ENTRY_COLUMNS)
_LEGACY_TABLES = ("snap_meta", "snap_chunks", "snap_rows", "snap_search")

# Bookkeeping of rebuilds under way, in cache.db next to the rows it describes.
_CACHE_BOOKKEEPING = (
    "CREATE TABLE IF NOT EXISTS snapshot_staging (stream TEXT PRIMARY KEY,"
    " snapshot_id TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS snapshot_staged_chunks (stream TEXT NOT NULL,"
    " n INTEGER NOT NULL, PRIMARY KEY (stream, n))",
)
_CREATE_TABLE = re.compile(r'^\s*CREATE\s+TABLE\s+(?:"[^"]+"|\[[^\]]+\]|`[^`]+`|\w+)', re.I)


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


@dataclass(frozen=True, slots=True)
class _Chunk:
    """One parsed chunk, ready to stage.

    Attributes:
        rows: ``(id, version, doc_json)``, the doc's JSON text as the gateway sent it.
        entries: search-key rows in :data:`_ENTRY_COLUMNS` order (searchable streams).
    """

    rows: list[tuple[str, int, str]]
    entries: list[tuple[object, ...]]


def cache_digest(store: Store, stream: str) -> StreamDigest:
    """The digest of the live rows ``cache.db`` holds for ``stream``."""
    if stream not in STREAMS:
        raise ValueError(f"unknown stream {stream!r}")
    with store.cache.read() as conn:
        rows = conn.execute(f"SELECT id, version FROM [{stream}] WHERE deleted = 0").fetchall()
    return digest_of((r[0], int(r[1])) for r in rows)


def _rows_table(stream: str) -> str:
    return f"snapshot_rows_{stream}"


def _search_table(stream: str) -> str:
    return f"snapshot_search_{stream}"


class SnapshotBuilder:
    """Rebuilds streams of one store from snapshots (used only by the sync writer).

    Args:
        store: the open store; staged rows go into its ``cache.db``, the reset log
            into ``snapshot-staging.db`` in its data directory.
        should_stop: polled between chunks so a stopping engine does not finish a
            long download first (the staged chunks are kept for next time).
    """

    def __init__(self, *, store: Store, should_stop: Callable[[], bool] = lambda: False) -> None:
        self._store = store
        self._should_stop = should_stop
        self._path = store.data_dir / STAGING_FILE
        self._lock = threading.Lock()
        self._conn = self._open(self._path)
        with store.cache.transaction() as conn:
            for statement in _CACHE_BOOKKEEPING:
                conn.execute(statement)

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection:
        for attempt in (1, 2):
            conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
            try:
                if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                    raise sqlite3.DatabaseError("quick_check failed")
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS resets (stream TEXT NOT NULL, at REAL NOT NULL)"
                )
                _drop_legacy_staging(conn)
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
        with self._lock:
            conn = self._conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.execute("DELETE FROM resets WHERE at < ?", (at - 2 * DAY_SECONDS,))
                conn.execute("INSERT INTO resets (stream, at) VALUES (?, ?)", (stream, at))
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    # ------------------------------------------------------------------ rebuild

    def begin(self, stream: str) -> None:
        """Mark ``stream`` as being rebuilt, so a restart resumes instead of resetting again."""
        with self._store.cache.transaction() as conn:
            conn.execute(
                "INSERT INTO snapshot_staging (stream, snapshot_id) VALUES (?, '')"
                " ON CONFLICT (stream) DO NOTHING",
                (stream,),
            )

    def in_progress(self, stream: str) -> bool:
        """A rebuild of ``stream`` was begun and has not been swapped in yet."""
        with self._store.cache.read() as conn:
            row = conn.execute(
                "SELECT 1 FROM snapshot_staging WHERE stream = ?", (stream,)
            ).fetchone()
        return row is not None

    def rebuild(
        self, stream: str, source: SnapshotSource, *, min_epoch: int = 0
    ) -> RebuildReport | None:
        """Download, verify and swap in a snapshot of ``stream``.

        Args:
            stream: the stream to rebuild.
            source: where snapshots come from (the transport). Chunks are fetched by
                one helper thread while this thread parses; the two never use
                ``source`` at the same time.
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
            raise BadAnswer(msg("前置机提供的 {stream} 快照已过期，稍后重试", stream=stream))
        done = self._start(stream, index.snapshot_id)
        missing = [c for c in index.chunks if c.n not in done]
        fetched = 0
        with _Prefetch(source, stream, missing, self._should_stop) as chunks:
            for chunk, ndjson in chunks:
                parsed = _parse(ndjson, stream, chunk.n)
                if len(parsed.rows) != chunk.rows:
                    raise BadAnswer(
                        msg("快照数据块行数不符（{stream} 第 {n} 块）", stream=stream, n=chunk.n)
                    )
                self._stage(stream, chunk.n, parsed)
                fetched += 1
        if fetched < len(missing):
            log.info("%s snapshot paused after %d new chunks", stream, fetched)
            return None
        self._verify(stream, index)
        count = self._swap(stream, index)
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

    def _start(self, stream: str, snapshot_id: str) -> set[int]:
        """Chunks already staged for this snapshot; other snapshots' leftovers dropped."""
        with self._store.cache.transaction() as conn:
            row = conn.execute(
                "SELECT snapshot_id FROM snapshot_staging WHERE stream = ?", (stream,)
            ).fetchone()
            if row is not None and row[0] == snapshot_id and _staged_tables_fit(conn, stream):
                return {
                    int(r[0])
                    for r in conn.execute(
                        "SELECT n FROM snapshot_staged_chunks WHERE stream = ?", (stream,)
                    )
                }
            _drop_staged(conn, stream)
            _create_like(conn, stream, _rows_table(stream))
            if stream in SEARCHABLE_STREAMS:
                _create_like(conn, "search_entries", _search_table(stream))
            conn.execute(
                "INSERT INTO snapshot_staging (stream, snapshot_id) VALUES (?, ?)",
                (stream, snapshot_id),
            )
        return set()

    def _clear(self, stream: str) -> None:
        with self._store.cache.transaction() as conn:
            _drop_staged(conn, stream)

    def _stage(self, stream: str, n: int, chunk: _Chunk) -> None:
        """Write one chunk's rows, their search keys and "chunk n done" in one transaction."""
        with self._store.cache.transaction() as conn:
            conn.executemany(
                f"INSERT OR REPLACE INTO [{_rows_table(stream)}] (id, version, deleted, doc)"
                " VALUES (?, ?, 0, ?)",
                chunk.rows,
            )
            if chunk.entries:
                marks = ", ".join("?" for _ in _ENTRY_COLUMNS)
                conn.executemany(
                    f"INSERT OR REPLACE INTO [{_search_table(stream)}]"
                    f" ({', '.join(_ENTRY_COLUMNS)}) VALUES ({marks})",
                    chunk.entries,
                )
            conn.execute(
                "INSERT OR REPLACE INTO snapshot_staged_chunks (stream, n) VALUES (?, ?)",
                (stream, n),
            )

    def _verify(self, stream: str, index: SnapshotIndex) -> None:
        with self._store.cache.read() as conn:
            rows = conn.execute(f"SELECT id, version FROM [{_rows_table(stream)}]").fetchall()
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
            raise BadAnswer(msg("快照校验失败（{stream}），已丢弃，稍后重新下载", stream=stream))

    def _swap(self, stream: str, index: SnapshotIndex) -> int:
        """Replace the stream's cached rows, search keys and cursor in one transaction."""
        store = self._store
        searchable = stream in SEARCHABLE_STREAMS
        columns = ", ".join(_ENTRY_COLUMNS)
        now = store.clock().isoformat()
        with store.cache.transaction() as conn:
            indexes = [
                str(r[0])
                for r in conn.execute(
                    "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?"
                    " AND sql IS NOT NULL",
                    (stream,),
                )
            ]
            conn.execute(f"DROP TABLE main.[{stream}]")
            conn.execute(f"ALTER TABLE main.[{_rows_table(stream)}] RENAME TO [{stream}]")
            for statement in indexes:
                conn.execute(statement)
            if searchable:
                conn.execute("DELETE FROM main.search_entries WHERE stream = ?", (stream,))
                conn.execute(
                    f"INSERT INTO main.search_entries ({columns}) SELECT {columns}"
                    f" FROM main.[{_search_table(stream)}]",
                )
            _drop_staged(conn, stream)
            conn.execute(
                "INSERT INTO main.sync_state (stream, cursor, epoch, updated_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (stream) DO UPDATE SET"
                " cursor = excluded.cursor, epoch = excluded.epoch,"
                " updated_at = excluded.updated_at",
                (stream, index.cursor, str(index.epoch), now),
            )
            count = int(conn.execute(f"SELECT COUNT(*) FROM main.[{stream}]").fetchone()[0])
        if searchable:
            store.bump_cache_generation()
        return count


# ------------------------------------------------------------------ staging tables


def _drop_staged(conn: sqlite3.Connection, stream: str) -> None:
    conn.execute(f"DROP TABLE IF EXISTS main.[{_rows_table(stream)}]")
    conn.execute(f"DROP TABLE IF EXISTS main.[{_search_table(stream)}]")
    conn.execute("DELETE FROM snapshot_staging WHERE stream = ?", (stream,))
    conn.execute("DELETE FROM snapshot_staged_chunks WHERE stream = ?", (stream,))


def _create_like(conn: sqlite3.Connection, source: str, target: str) -> None:
    """Create ``target`` with exactly the columns and keys of ``source`` (no indexes)."""
    row = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (source,)
    ).fetchone()
    if row is None or not _CREATE_TABLE.match(row[0]):
        raise sqlite3.DatabaseError(f"cache.db has no usable table {source!r}")
    conn.execute(_CREATE_TABLE.sub(f"CREATE TABLE [{target}]", row[0], count=1))


def _shape(conn: sqlite3.Connection, table: str) -> list[tuple[Any, ...]]:
    return [tuple(r[1:]) for r in conn.execute(f"PRAGMA main.table_info([{table}])")]


def _staged_tables_fit(conn: sqlite3.Connection, stream: str) -> bool:
    """The staged tables exist and match the live ones (no migration ran since)."""
    pairs = [(stream, _rows_table(stream))]
    if stream in SEARCHABLE_STREAMS:
        pairs.append(("search_entries", _search_table(stream)))
    for live, staged in pairs:
        shape = _shape(conn, staged)
        if not shape or shape != _shape(conn, live):
            return False
    return True


def _drop_legacy_staging(conn: sqlite3.Connection) -> None:
    """Free the space rows staged in this file by an older govterm took."""
    names = {
        r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    } & set(_LEGACY_TABLES)
    if not names:
        return
    for name in sorted(names):
        conn.execute(f"DROP TABLE IF EXISTS [{name}]")
    conn.execute("VACUUM")
    log.info("dropped rows staged by an older version (%d tables)", len(names))


# ------------------------------------------------------------------ download and parse


class _Prefetch:
    """Download (and unzip) chunks on one helper thread, a few ahead of the consumer.

    Iterating yields ``(chunk, ndjson_bytes)`` in order; a download error is raised
    in the consumer at the chunk it belongs to. Leaving the block — finished, failed
    or stopped — ends the helper before returning, so the source is never used by
    two threads at once.
    """

    def __init__(
        self,
        source: SnapshotSource,
        stream: str,
        chunks: Sequence[SnapshotChunk],
        should_stop: Callable[[], bool],
    ) -> None:
        self._source = source
        self._stream = stream
        self._chunks = chunks
        self._should_stop = should_stop
        self._queue: queue.Queue[tuple[SnapshotChunk, bytes] | BaseException | None] = queue.Queue(
            maxsize=PREFETCH_CHUNKS
        )
        self._cancel = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"snapshot-{stream}", daemon=True)

    def __enter__(self) -> Iterator[tuple[SnapshotChunk, bytes]]:
        if self._chunks:
            self._thread.start()
        return self._items()

    def __exit__(self, *exc: object) -> None:
        self._cancel.set()
        while self._thread.is_alive():
            with contextlib.suppress(queue.Empty):
                self._queue.get(timeout=0.05)  # unblock a helper waiting to put
        self._thread.join()

    def _items(self) -> Iterator[tuple[SnapshotChunk, bytes]]:
        for _ in self._chunks:
            if self._should_stop():
                return
            item = self._queue.get()
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield item

    def _put(self, item: tuple[SnapshotChunk, bytes] | BaseException | None) -> bool:
        while not self._cancel.is_set():
            with contextlib.suppress(queue.Full):
                self._queue.put(item, timeout=0.05)
                return True
        return False

    def _run(self) -> None:
        for chunk in self._chunks:
            if self._cancel.is_set() or self._should_stop():
                self._put(None)
                return
            try:
                data = self._source.snapshot_chunk(chunk.url, expected_sha256=chunk.sha256)
                text = _unzip(data, self._stream, chunk.n)
            except BaseException as exc:  # handed to the consumer, raised there
                self._put(exc)
                return
            if not self._put((chunk, text)):
                return


def _unzip(data: bytes, stream: str, n: int) -> bytes:
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise BadAnswer(
            msg("快照数据块无法解压（{stream} 第 {n} 块）", stream=stream, n=n)
        ) from exc


def _parse(ndjson: bytes, stream: str, n: int) -> _Chunk:
    """Parse one NDJSON chunk, keeping each doc's JSON text as sent.

    ``pydantic_core.from_json`` parses (and checks the UTF-8 of) each line about half
    again as fast as :func:`json.loads`. A parsed doc is dropped as soon as its search
    keys are built: holding 10,000 docs of a hundred objects each until the chunk is
    written made the garbage collector walk the whole heap again and again.
    """
    searchable = stream in SEARCHABLE_STREAMS
    chunk = _Chunk(rows=[], entries=[])
    for line in ndjson.split(b"\n"):
        if not line.strip():
            continue
        try:
            row = from_json(line)
            row_id, version, doc = row["id"], row["version"], row["doc"]
        except (ValueError, KeyError, TypeError) as exc:
            raise BadAnswer(
                msg("快照数据行格式错误（{stream} 第 {n} 块）", stream=stream, n=n)
            ) from exc
        ok = isinstance(row_id, str) and type(version) is int and isinstance(doc, dict)
        if not ok or version < 1:
            raise BadAnswer(msg("快照数据行格式错误（{stream} 第 {n} 块）", stream=stream, n=n))
        doc_json = _doc_text(line, row, row_id, version)
        if doc_json is None:
            doc_json = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
        chunk.rows.append((row_id, version, doc_json))
        if searchable:
            try:
                chunk.entries.append(_entry_values(entry_for(stream, doc)))
            except (KeyError, TypeError, ValueError) as exc:
                raise BadAnswer(
                    msg(
                        "快照中的 {stream}/{row_id} 无法建立检索", stream=stream, row_id=row_id[:40]
                    )
                ) from exc
    return chunk


def _doc_text(line: bytes, row: dict[str, Any], row_id: str, version: int) -> str | None:
    """The doc's JSON text cut out of a line the gateway wrote, or ``None``.

    The gateway writes ``{"id":…,"version":…,"doc":…}`` in that order. The line has
    already parsed as an object with exactly those three keys; when its bytes before
    ``,"doc":`` are exactly the id and version part, the rest up to the closing brace
    is exactly the doc. Any other layout is re-serialised instead.
    """
    head = b'{"id":%s,"version":%d,"doc":' % (encode_basestring(row_id).encode(), version)
    if len(row) != 3 or not line.startswith(head) or not line.endswith(b"}"):
        return None
    return line[len(head) : -1].decode()
