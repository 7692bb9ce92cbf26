"""The local store's schema: ordered, forward-only migrations for both files.

``cache.db`` holds server-owned rows (disposable, rebuilt from a snapshot);
``journal.db`` holds terminal-owned facts (precious, never deleted by the program).
Each file records how far it has been migrated in ``PRAGMA user_version``.

How to change the schema (teammates, read this):

- **Never edit a migration that has shipped.** Append a new function to the end of
  :data:`CACHE_MIGRATIONS` or :data:`JOURNAL_MIGRATIONS`. Migration ``n`` (1-based,
  its position in the list) takes a database from version ``n - 1`` to ``n``.
- A migration runs inside the transaction :func:`migrate` opens, together with the
  ``user_version`` bump, so it either happens entirely or not at all. Use
  ``db.execute`` (never ``executescript``, which commits behind our back).
- A database whose version is *newer* than the last migration this code knows is
  refused with :class:`SchemaTooNew`: an older program must not write data it does
  not understand.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

import sqlite_utils

from core.errors import EnvironmentProblem, msg

log = logging.getLogger(__name__)

Migration = Callable[[sqlite_utils.Database], None]
"""One schema step; receives the database inside the migration transaction."""

_V1_STREAMS: tuple[str, ...] = (
    "items",
    "bundles",
    "halls",
    "licence_types",
    "holidays",
    "config",
    "keys",
    "pickups",
    "case_status",
)

STREAMS: tuple[str, ...] = (*_V1_STREAMS, "directory")
"""Server-owned streams pulled from the gateway; one cache table each, same name."""

SEARCHABLE_STREAMS: tuple[str, ...] = ("items", "bundles")
"""Streams whose rows get precomputed search keys in ``search_entries``."""


class SchemaTooNew(EnvironmentProblem):
    """The database was written by a newer govterm than the one running.

    Args:
        path: the database file.
        found: its ``user_version``.
        known: the newest version this program can handle.
    """

    def __init__(self, path: Path, found: int, known: int) -> None:
        super().__init__(
            msg(
                "数据文件 {file} 由更新版本的 govterm 写入（数据版本 {found}，"
                "本程序只认识到 {known}）。请安装最新版本的 govterm，"
                "不要删除该文件；如需回退版本请联系运维人员。",
                file=path.name,
                found=found,
                known=known,
            )
        )
        self.path = path
        self.found = found
        self.known = known


# --------------------------------------------------------------------------- cache.db


def _cache_v1(db: sqlite_utils.Database) -> None:
    """Per-stream change-feed tables, cursors, and precomputed search keys."""
    for stream in _V1_STREAMS:
        db.create_table(
            stream,
            {"id": str, "version": int, "deleted": int, "doc": str},
            pk="id",
            not_null={"id", "version", "deleted"},
            defaults={"deleted": 0},
        )
    db.create_table(
        "sync_state",
        {"stream": str, "cursor": str, "epoch": str, "updated_at": str},
        pk="stream",
    )
    # One row per searchable item/bundle, derived from its doc when the row is
    # written, so building the in-memory search index never parses a doc or runs
    # pypinyin. Lists are joined with \x1f (aliases, themes, codes) or "|" (pinyin
    # variants, syllables separated by spaces).
    db.create_table(
        "search_entries",
        {
            "stream": str,
            "id": str,
            "name": str,
            "department": str,
            "category": str,
            "audiences": str,
            "status": str,
            "popularity": int,
            "themes": str,
            "aliases": str,
            "pinyin": str,
            "codes": str,
        },
        pk=("stream", "id"),
        not_null={"stream", "id", "name", "status", "popularity"},
    )
    db.execute("CREATE INDEX search_entries_rank ON search_entries (status, popularity DESC, id)")


def _cache_v2(db: sqlite_utils.Database) -> None:
    """The hall directory stream: windows, terminals, departments and their phones."""
    db.create_table(
        "directory",
        {"id": str, "version": int, "deleted": int, "doc": str},
        pk="id",
        not_null={"id", "version", "deleted"},
        defaults={"deleted": 0},
    )


CACHE_MIGRATIONS: list[Migration] = [_cache_v1, _cache_v2]
"""Migrations of ``cache.db``, oldest first. Append only."""


# ------------------------------------------------------------------------- journal.db


def _journal_v1(db: sqlite_utils.Database) -> None:
    """Drafts, outbox, print jobs, audit log, search misses."""
    db.create_table(
        "drafts",
        {"id": str, "kind": str, "created_at": str, "updated_at": str, "doc": str},
        pk="id",
        not_null={"id", "kind", "created_at", "updated_at", "doc"},
    )
    db.execute(
        """
        CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY,
            event_id TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            schema_version INTEGER NOT NULL,
            payload TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'acked', 'rejected')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT,
            last_error TEXT,
            result TEXT,
            created_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX outbox_pending ON outbox (state, seq)")
    # Gapless per-device sequences survive purging acknowledged outbox rows.
    db.create_table("counters", {"name": str, "value": int}, pk="name", not_null={"value"})
    db.execute("INSERT INTO counters (name, value) VALUES ('outbox_seq', 0)")
    db.execute(
        """
        CREATE TABLE print_jobs (
            id TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            paper TEXT NOT NULL,
            title TEXT NOT NULL,
            pdf BLOB NOT NULL,
            printer TEXT,
            copies INTEGER NOT NULL DEFAULT 1,
            state TEXT NOT NULL DEFAULT 'queued'
                CHECK (state IN ('queued', 'printing', 'done', 'failed', 'cancelled')),
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            case_ref TEXT
        )
        """
    )
    db.execute("CREATE INDEX print_jobs_state ON print_jobs (state, created_at)")
    db.execute(
        """
        CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            subject TEXT NOT NULL,
            details TEXT NOT NULL DEFAULT '{}',
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE search_misses (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            query TEXT NOT NULL,
            terminal_id TEXT NOT NULL DEFAULT ''
        )
        """
    )


def _journal_v2(db: sqlite_utils.Database) -> None:
    """Clerk accounts, local cases, held transition requests, pickup claims, audit head."""
    db.execute(
        """
        CREATE TABLE accounts (
            id TEXT PRIMARY KEY,
            hall_id TEXT NOT NULL,
            doc TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE cases (
            number TEXT PRIMARY KEY,
            official_number TEXT UNIQUE,
            item_id TEXT NOT NULL,
            situation_id TEXT NOT NULL,
            state TEXT NOT NULL,
            channel TEXT NOT NULL,
            clerk_id TEXT NOT NULL DEFAULT '',
            delivery TEXT NOT NULL,
            day TEXT NOT NULL,
            received_on TEXT,
            event_count INTEGER NOT NULL,
            submitted INTEGER NOT NULL DEFAULT 0,
            status_version INTEGER NOT NULL DEFAULT 0,
            last_outbox_seq INTEGER,
            record TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX cases_state ON cases (state, day)")
    db.execute("CREATE INDEX cases_clerk ON cases (clerk_id, day)")
    db.execute("CREATE INDEX cases_day ON cases (day)")
    # Transition requests made before the platform's official number arrived; they
    # go to the outbox, in order, in the transaction that applies the number.
    db.execute(
        """
        CREATE TABLE held_transitions (
            id INTEGER PRIMARY KEY,
            case_number TEXT NOT NULL REFERENCES cases (number),
            payload TEXT NOT NULL,
            created_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE pickup_claims (
            pickup_id TEXT PRIMARY KEY,
            case_number TEXT NOT NULL,
            method TEXT NOT NULL,
            verified_by TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('dispensing', 'collected')),
            claimed_at TEXT NOT NULL,
            collected_at TEXT,
            outbox_seq INTEGER
        )
        """
    )
    # The number of audit entries ever written: a deleted last entry shows as a gap.
    db.execute(
        "INSERT INTO counters (name, value) VALUES ('audit_seq', (SELECT COUNT(*) FROM audit_log))"
    )


def _journal_v3(db: sqlite_utils.Database) -> None:
    """Queue tickets issued offline from blocks of numbers the gateway reserved."""
    db.execute(
        """
        CREATE TABLE queue_blocks (
            block_id TEXT PRIMARY KEY,
            day TEXT NOT NULL,
            area TEXT NOT NULL,
            area_name TEXT NOT NULL,
            first_serial INTEGER NOT NULL,
            last_serial INTEGER NOT NULL,
            next_serial INTEGER NOT NULL,
            hours TEXT NOT NULL,
            received_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX queue_blocks_day ON queue_blocks (day, area)")
    db.execute(
        """
        CREATE TABLE queue_offline_tickets (
            request_id TEXT PRIMARY KEY,
            day TEXT NOT NULL,
            number TEXT NOT NULL,
            area TEXT NOT NULL,
            block_id TEXT NOT NULL REFERENCES queue_blocks (block_id),
            green TEXT NOT NULL,
            issued_at TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'joined', 'rejected')),
            message TEXT NOT NULL DEFAULT '',
            UNIQUE (day, number)
        )
        """
    )
    db.execute("CREATE INDEX queue_offline_pending ON queue_offline_tickets (state, issued_at)")


def _journal_v4(db: sqlite_utils.Database) -> None:
    """Identity codes this terminal accepted offline: each is good only once."""
    db.execute(
        """
        CREATE TABLE identity_code_uses (
            code_id TEXT PRIMARY KEY,
            used_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            purpose TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX identity_code_uses_expiry ON identity_code_uses (expires_at)")


JOURNAL_MIGRATIONS: list[Migration] = [_journal_v1, _journal_v2, _journal_v3, _journal_v4]
"""Migrations of ``journal.db``, oldest first. Append only."""


# ------------------------------------------------------------------------ the runner


def schema_version(conn: sqlite3.Connection) -> int:
    """The ``user_version`` of a connection's main database."""
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(db: sqlite_utils.Database, migrations: Sequence[Migration], *, path: Path) -> int:
    """Bring a database up to the newest version in ``migrations``.

    Each pending migration runs in its own ``BEGIN IMMEDIATE`` transaction together
    with its ``user_version`` bump.

    Args:
        db: the database (its connection must be in autocommit mode, no open transaction).
        migrations: the ordered list for this file.
        path: the file, for messages.

    Returns:
        The version the database is at afterwards (``len(migrations)``).

    Raises:
        SchemaTooNew: the file was written by a newer program.
    """
    conn = db.conn
    current = schema_version(conn)
    target = len(migrations)
    if current > target:
        raise SchemaTooNew(path, current, target)
    for version in range(current + 1, target + 1):
        step = migrations[version - 1]
        log.info("migrating %s to schema version %d (%s)", path.name, version, step.__name__)
        conn.execute("BEGIN IMMEDIATE")
        try:
            step(db)
            conn.execute(f"PRAGMA user_version = {version:d}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return target
