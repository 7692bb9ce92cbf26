"""PostgreSQL behind the gateway's database interface: one database, many gateway processes.

At city scale several stateless gateway processes (``govterm gateway serve --db
postgresql://… --workers N``, or several ``serve`` processes behind a balancer) share
one PostgreSQL database. Everything a process must agree on with the others lives in
the database; nothing that matters is held in process memory:

- **Feed order — a serialized publisher.** Every write transaction takes one
  transaction-scoped advisory lock (:data:`WRITE_LOCK_KEY`) as its first statement and
  holds it until commit. PostgreSQL makes a commit visible before it releases the
  transaction's locks, so the next writer allocates its sequence numbers only after
  the previous writer's rows are visible: sequence numbers become visible strictly in
  order, every committed number is below the safe watermark, and a cursor can never
  skip a late commit (SYNC.md, "Cursors that skip rows"). The alternative — an ``xid``
  column and serving only below ``pg_snapshot_xmin(pg_current_snapshot())`` — lets
  writers overlap, but any long transaction (a vacuum, a report) then holds back
  every feed, and the repository's read-then-write steps (inbox dedupe, one-time
  enrolment codes, case transitions) would each need their own row locks. A gateway
  write is a handful of index lookups and one commit, a few milliseconds. Measured
  (2 shared, busy cores, loopback, ``fsync=off``): 3 processes committing 900
  single-row feed publishes through the one lock at ~190 transactions/s, ~5 ms each
  including the Python around it. A whole event batch (up to 200 events) is one
  transaction, so case traffic fits easily; the hottest writer is the per-request
  nonce record, which caps signed requests at about that rate for the whole city —
  enough for hall scale, and the first thing to move out of the lock (its
  ``INSERT … ON CONFLICT DO NOTHING`` is already safe without it) if a city needs more.
  Inside the lock a write runs at READ COMMITTED, so each statement sees every
  earlier writer's commit, whichever process made it: exactly the model the SQLite
  engine gives, and the repository code is the same for both.
- **Reads** run in a REPEATABLE READ, READ ONLY transaction: one consistent snapshot
  per read, like SQLite's read transaction; they never wait for writers.
- **Official case numbers, nonces, enrolment codes, the event inbox** are rows read
  and written under the write lock, so two processes never hand out one number, never
  both accept one nonce or one enrolment code, and never both apply one event (the
  second sees the first's inbox row and answers ``duplicate``).
- **Long-poll wake-up** crosses processes with ``LISTEN/NOTIFY``: a writer that changed
  a feed sends ``pg_notify`` inside its transaction (delivered at commit, dropped on
  rollback); each process runs one listener thread that hands the ``(stream, scope)``
  keys to its subscribers. Long-polls also re-check the database every second, so a
  lost notification (the listener reconnecting) only delays a wake-up.

Connections come from a small thread-safe pool; writers of one process queue on a
process-local lock first, so a process holds at most one connection waiting for the
database-wide lock and readers always find a free connection.
"""

from __future__ import annotations

import functools
import logging
import os
import queue
import secrets
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import psycopg
from psycopg import pq
from psycopg.rows import TupleRow

from core.errors import msg
from gateway.db import ChangeKey, ChangeListener, DatabaseUnavailable, Row, deliver

log = logging.getLogger(__name__)

WRITE_LOCK_KEY = 0x676F_7674_6572_6D01
"""The advisory lock every write transaction holds ("govterm" + 1); per database."""

SCHEMA_LOCK_KEY = 0x676F_7674_6572_6D02
"""Held while a process creates or checks the schema, so two starting processes
do not race on ``CREATE TABLE IF NOT EXISTS``."""

CHANNEL = "govterm_feed"
"""The ``LISTEN/NOTIFY`` channel of feed changes; payload ``stream<US>scope``."""

_SEP = "\x1f"
_Conn = psycopg.Connection[TupleRow]


@functools.lru_cache(maxsize=1024)
def portable(sql: str) -> str:
    """The repository's SQL for psycopg: ``?`` → ``%s``, a literal ``%`` doubled."""
    return sql.replace("%", "%%").replace("?", "%s")


def _where(url: str) -> str:
    """Host, port and database of ``url`` without user or password (for messages)."""
    try:
        info = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "（地址格式错误）"
    host = str(info.get("host") or "localhost")
    return f"{host}:{info.get('port') or 5432}/{info.get('dbname') or ''}"


class _PgTx:
    """One open transaction on a pooled connection."""

    def __init__(self, conn: _Conn) -> None:
        self._conn = conn
        self._depth = 0
        self.touched: set[ChangeKey] = set()

    def _run(self, sql: str, params: Sequence[object]) -> psycopg.Cursor[TupleRow]:
        return self._conn.execute(portable(sql), tuple(params))

    def execute(self, sql: str, params: Sequence[object] = ()) -> int:
        return self._run(sql, params).rowcount

    def all(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        return self._run(sql, params).fetchall()

    def one(self, sql: str, params: Sequence[object] = ()) -> Row | None:
        return self._run(sql, params).fetchone()

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        self._depth += 1
        name = f"sp{self._depth}"
        self._conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            self._conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
            self._conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        else:
            self._conn.execute(f"RELEASE SAVEPOINT {name}")
        finally:
            self._depth -= 1

    def notify_change(self, stream: str, scope: str) -> None:
        self.touched.add((stream, scope))


class _Pool:
    """At most ``size`` connections, made on demand and reused; broken ones dropped."""

    def __init__(self, url: str, *, size: int, timeout: float) -> None:
        self._url = url
        self._timeout = timeout
        self._slots = threading.BoundedSemaphore(size)
        self._idle: queue.LifoQueue[_Conn] = queue.LifoQueue()
        self._lock = threading.Lock()
        self._open: set[_Conn] = set()
        self._closed = False

    def connect(self) -> _Conn:
        try:
            conn = psycopg.connect(self._url, autocommit=True, connect_timeout=10)
        except psycopg.OperationalError as exc:
            raise DatabaseUnavailable(
                msg("无法连接数据库 {where}：{exc}", where=_where(self._url), exc=exc)
            ) from exc
        # "relation already exists, skipping" and the like are not worth a log line.
        conn.execute("SET client_min_messages TO warning")
        conn.execute(
            "SELECT set_config('application_name', %s, false)", (f"govterm-gateway-{os.getpid()}",)
        )
        return conn

    @contextmanager
    def borrow(self) -> Iterator[_Conn]:
        if self._closed:
            raise DatabaseUnavailable(msg("数据库连接已关闭"))
        if not self._slots.acquire(timeout=self._timeout):
            raise DatabaseUnavailable(msg("数据库连接全部占用，请稍后重试"))
        try:
            try:
                conn = self._idle.get_nowait()
            except queue.Empty:
                conn = self.connect()
                with self._lock:
                    self._open.add(conn)
            try:
                yield conn
            finally:
                self._give_back(conn)
        finally:
            self._slots.release()

    def drop_idle(self) -> None:
        """Close every idle connection (after one turned out dead: the rest likely are)."""
        while True:
            try:
                conn = self._idle.get_nowait()
            except queue.Empty:
                return
            with self._lock:
                self._open.discard(conn)
            conn.close()

    def _give_back(self, conn: _Conn) -> None:
        healthy = (
            not conn.closed
            and not conn.broken
            and conn.info.transaction_status == pq.TransactionStatus.IDLE
        )
        if healthy and not self._closed:
            self._idle.put(conn)
            return
        with self._lock:
            self._open.discard(conn)
        conn.close()

    def close(self) -> None:
        self._closed = True
        with self._lock:
            conns = list(self._open)
            self._open.clear()
        for conn in conns:
            conn.close()


class _Listener:
    """One thread per process: ``LISTEN`` for feed changes, hand them to subscribers."""

    def __init__(self, url: str, listeners: list[ChangeListener]) -> None:
        self._url = url
        self._listeners = listeners
        self._stop = threading.Event()
        self.ready = threading.Event()
        # A private channel to interrupt the wait at close, without waking other processes.
        self._stop_channel = f"govterm_stop_{os.getpid()}_{secrets.token_hex(4)}"
        self._thread = threading.Thread(target=self._run, name="pg-listen", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        backoff = 0.5
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._url, autocommit=True, connect_timeout=10) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    conn.execute(f"LISTEN {self._stop_channel}")
                    self.ready.set()
                    backoff = 0.5
                    self._receive(conn)
            except psycopg.OperationalError as exc:
                if self._stop.is_set():
                    return
                log.warning(
                    "change notifications interrupted (%s); reconnecting", type(exc).__name__
                )
                self._stop.wait(backoff)
                backoff = min(backoff * 2, 30.0)

    def _receive(self, conn: _Conn) -> None:
        while not self._stop.is_set():
            for note in conn.notifies(timeout=5.0):
                if note.channel != CHANNEL:
                    return
                stream, _, scope = note.payload.partition(_SEP)
                deliver(self._listeners, {(stream, scope)})

    def stop(self, pool: _Pool) -> None:
        self._stop.set()
        if not self._thread.is_alive():
            return
        try:
            with pool.borrow() as conn:
                conn.execute("SELECT pg_notify(%s, '')", (self._stop_channel,))
        except (DatabaseUnavailable, psycopg.Error):
            log.debug("listener stop signal not sent; it stops at its next timeout")
        self._thread.join(timeout=10)


class PostgresDatabase:
    """The gateway database on PostgreSQL (see the module doc for the ordering model).

    Args:
        url: a libpq URL, ``postgresql://user:password@host:port/dbname``.
        pool_size: connections kept for this process (readers plus one writer).
        pool_timeout: seconds to wait for a free connection before giving up.

    Raises:
        DatabaseUnavailable: the server cannot be reached.
    """

    dialect = "postgresql"

    def __init__(self, url: str, *, pool_size: int = 8, pool_timeout: float = 30.0) -> None:
        self._url = url
        self._pool = _Pool(url, size=pool_size, timeout=pool_timeout)
        self._write_lock = threading.Lock()
        self._listeners: list[ChangeListener] = []
        self._listener: _Listener | None = None
        with self._pool.borrow() as conn:
            version = conn.info.server_version
        log.info("gateway database: PostgreSQL %d at %s", version, _where(url))

    @contextmanager
    def _begin(self, statement: str) -> Iterator[_Conn]:
        """A pooled connection inside a transaction opened with ``statement``.

        An idle connection the server dropped (a restart, a failover) is noticed at
        ``BEGIN``, before anything was done, so it is safe to try once more on a
        fresh connection; a connection lost later raises :class:`DatabaseUnavailable`.
        """
        for attempt in (1, 2):
            with self._pool.borrow() as conn:
                try:
                    conn.execute(statement)
                except psycopg.OperationalError as exc:
                    if not conn.broken or attempt == 2:
                        raise self._unavailable(exc) from exc
                    log.warning("database connection was dropped by the server; reconnecting")
                    self._pool.drop_idle()
                    continue
                try:
                    yield conn
                except psycopg.OperationalError as exc:
                    _rollback(conn)
                    if conn.broken:
                        raise self._unavailable(exc) from exc
                    raise
                except BaseException:
                    _rollback(conn)
                    raise
                return

    def _unavailable(self, exc: Exception) -> DatabaseUnavailable:
        return DatabaseUnavailable(
            msg(
                "与数据库 {where} 的连接中断（{problem}），请稍后重试",
                where=_where(self._url),
                problem=type(exc).__name__,
            )
        )

    @contextmanager
    def write(self) -> Iterator[_PgTx]:
        # Queue in Python first: one connection per process waits for the database lock.
        with self._write_lock, self._begin("BEGIN ISOLATION LEVEL READ COMMITTED") as conn:
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))
            tx = _PgTx(conn)
            yield tx
            for stream, scope in sorted(tx.touched):
                conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, stream + _SEP + scope))
            conn.execute("COMMIT")

    @contextmanager
    def read(self) -> Iterator[_PgTx]:
        with self._begin("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") as conn:
            yield _PgTx(conn)
            conn.execute("ROLLBACK")

    def script(self, sql: str) -> None:
        statements = [s.strip() for s in sql.replace("{blob}", "BYTEA").split(";")]
        with self._pool.borrow() as conn:
            conn.execute("BEGIN")
            try:
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK_KEY,))
                for statement in statements:
                    if statement:
                        conn.execute(statement)
            except BaseException:
                _rollback(conn)
                raise
            conn.execute("COMMIT")

    def subscribe(self, listener: ChangeListener) -> None:
        """Deliver feed changes committed by any process to ``listener``.

        The first subscription starts the listener thread and waits (briefly) until it
        listens, so a change committed after this call returns is not missed.
        """
        self._listeners.append(listener)
        if self._listener is None:
            self._listener = _Listener(self._url, self._listeners)
            self._listener.start()
            if not self._listener.ready.wait(timeout=10):
                log.warning("change notifications not listening yet; long-polls re-check")

    def close(self) -> None:
        if self._listener is not None:
            self._listener.stop(self._pool)
            self._listener = None
        self._pool.close()


def _rollback(conn: _Conn) -> None:
    """Roll back if the connection still can; a broken one is dropped by the pool."""
    if conn.broken or conn.closed:
        return
    try:
        conn.execute("ROLLBACK")
    except psycopg.OperationalError:
        log.warning("rollback failed; the connection is dropped")
