"""The gateway's database connection layer: one small interface, two engines.

The gateway's repository (:mod:`gateway.store`) is written once, in plain SQL that
SQLite and PostgreSQL both accept (``?`` placeholders are rewritten for psycopg, the
schema has a ``{blob}`` type slot). This module supplies what differs per engine:

- :meth:`Database.write` — the **serialized publisher**: a write transaction during
  which no other writer, in this process or another, can write. In SQLite a
  process-wide lock plus ``BEGIN IMMEDIATE``; in PostgreSQL (:mod:`gateway.pg`) a
  transaction-scoped advisory lock taken as the transaction's first statement and
  held until commit. Either way sequence numbers commit in order, so every committed
  sequence number is below the "safe watermark" and readers never skip a late commit
  (SYNC.md, "Cursors that skip rows"); and every read-then-write in the repository
  (inbox dedupe, one-time enrolment codes, official numbering) sees all earlier
  writes, whichever gateway process made them.
- :meth:`Database.read` — a consistent read-only snapshot.
- :meth:`Tx.notify_change` / :meth:`Database.subscribe` — "feed changed" signals
  delivered after commit: in-process for SQLite, through ``LISTEN/NOTIFY`` to every
  gateway process for PostgreSQL (long-polls wake wherever they wait).

:func:`open_database` picks the engine from the URL.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, Protocol

from core.errors import EnvironmentProblem

log = logging.getLogger(__name__)

Row = tuple[Any, ...]

ChangeKey = tuple[str, str]
"""``(stream, scope)`` of a feed that changed."""

ChangeListener = Callable[[set[ChangeKey]], None]
"""Called after commit with the feeds a transaction changed (from any thread)."""


class DatabaseUnavailable(EnvironmentProblem):
    """The database server cannot be reached or refused the connection."""


class Tx(Protocol):
    """One open transaction."""

    def execute(self, sql: str, params: Sequence[object] = ()) -> int:
        """Run a statement; return the number of rows it changed."""

    def all(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        """Run a query and return every row."""

    def one(self, sql: str, params: Sequence[object] = ()) -> Row | None:
        """Run a query and return its first row, or ``None``."""

    def savepoint(self) -> AbstractContextManager[None]:
        """A context manager: roll back to here if its block raises."""

    def notify_change(self, stream: str, scope: str) -> None:
        """Tell subscribers, once this transaction commits, that a feed changed."""


class Database(Protocol):
    """A gateway database: serialized writes, snapshot reads."""

    dialect: str

    def write(self) -> AbstractContextManager[Tx]:
        """Context manager yielding a :class:`Tx`; commits on success."""

    def read(self) -> AbstractContextManager[Tx]:
        """Context manager yielding a read-only :class:`Tx`."""

    def script(self, sql: str) -> None:
        """Run several DDL statements (schema creation)."""

    def subscribe(self, listener: ChangeListener) -> None:
        """Call ``listener`` after every commit that changed feeds (see module doc)."""

    def close(self) -> None:
        """Close every connection."""


def deliver(listeners: Sequence[ChangeListener], keys: set[ChangeKey]) -> None:
    """Hand ``keys`` to every listener; one failing listener does not stop the rest."""
    for listener in list(listeners):
        try:
            listener(set(keys))
        except Exception:
            log.exception("change listener failed")


class _SqliteTx:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._depth = 0
        self.touched: set[ChangeKey] = set()

    def notify_change(self, stream: str, scope: str) -> None:
        self.touched.add((stream, scope))

    def execute(self, sql: str, params: Sequence[object] = ()) -> int:
        return self._conn.execute(sql, tuple(params)).rowcount

    def all(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        return list(self._conn.execute(sql, tuple(params)).fetchall())

    def one(self, sql: str, params: Sequence[object] = ()) -> Row | None:
        row: Row | None = self._conn.execute(sql, tuple(params)).fetchone()
        return row

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        self._depth += 1
        name = f"sp{self._depth}"
        self._conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            self._conn.execute(f"ROLLBACK TO {name}")
            self._conn.execute(f"RELEASE {name}")
            raise
        else:
            self._conn.execute(f"RELEASE {name}")
        finally:
            self._depth -= 1


class SqliteDatabase:
    """The embedded default: one SQLite file in WAL mode, used by one process.

    Connections live in a small pool (FastAPI runs handlers on worker threads); one
    process-wide lock serializes writers so they queue in Python rather than spin on
    ``SQLITE_BUSY``.

    Args:
        path: the database file (created when missing).
        pool_size: connections kept for concurrent readers.
    """

    dialect = "sqlite"

    def __init__(self, path: Path, *, pool_size: int = 8) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._write_lock = threading.Lock()
        self._listeners: list[ChangeListener] = []
        self._pool: queue.LifoQueue[sqlite3.Connection] = queue.LifoQueue()
        self._all: list[sqlite3.Connection] = []
        for _ in range(pool_size):
            conn = self._connect()
            self._pool.put(conn)
            self._all.append(conn)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30)
        conn.execute("PRAGMA journal_mode=WAL")
        # The inbox is the gateway's promise to terminals that an event is kept:
        # FULL so an acknowledged batch survives power loss (SYNC.md, Power loss).
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        return conn

    @contextmanager
    def _borrow(self) -> Iterator[sqlite3.Connection]:
        conn = self._pool.get()
        try:
            yield conn
        finally:
            self._pool.put(conn)

    @contextmanager
    def write(self) -> Iterator[Tx]:
        with self._write_lock, self._borrow() as conn:
            conn.execute("BEGIN IMMEDIATE")
            tx = _SqliteTx(conn)
            try:
                yield tx
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        if tx.touched:
            deliver(self._listeners, tx.touched)

    def subscribe(self, listener: ChangeListener) -> None:
        # Writers in other processes (a CLI publish) are not seen here; long-polls
        # re-check the database periodically for them.
        self._listeners.append(listener)

    @contextmanager
    def read(self) -> Iterator[Tx]:
        with self._borrow() as conn:
            conn.execute("BEGIN")
            try:
                yield _SqliteTx(conn)
            finally:
                conn.execute("ROLLBACK")

    def script(self, sql: str) -> None:
        with self._write_lock, self._borrow() as conn:
            conn.executescript(sql.replace("{blob}", "BLOB"))

    def close(self) -> None:
        for conn in self._all:
            conn.close()
        self._all.clear()


def open_database(url: str) -> Database:
    """Open a database from a URL or path.

    Args:
        url: ``sqlite:///path/to/gateway.db``, a plain file path, or
            ``postgresql://user@host:port/dbname`` (city scale: several gateway
            processes on one database).

    Raises:
        ValueError: the URL names an engine this build does not support.
        DatabaseUnavailable: the PostgreSQL server cannot be reached.
    """
    if url.startswith("sqlite:///"):
        return SqliteDatabase(Path(url.removeprefix("sqlite:///")))
    if url.startswith(("postgresql://", "postgres://")):
        from gateway.pg import PostgresDatabase  # psycopg only when PostgreSQL is used

        return PostgresDatabase(url)
    if "://" in url:
        engine = url.split("://", 1)[0]
        raise ValueError(
            f"不支持的数据库类型: {engine}（支持 sqlite:///路径 或 postgresql://主机/库名）"
        )
    return SqliteDatabase(Path(url))
