"""The local store on real SQLite files: migrations, durability settings, healing, locking."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlite_utils

from core.errors import EnvironmentProblem
from sync.schema import CACHE_MIGRATIONS, JOURNAL_MIGRATIONS, STREAMS, SchemaTooNew
from sync.store import (
    CACHE_FILE,
    JOURNAL_FILE,
    ChangeRow,
    JournalCorrupt,
    StoreLocked,
    enqueue_event,
    open_store,
)

REPO = Path(__file__).resolve().parents[2]


def _fixed_clock() -> datetime:
    return datetime(2022, 5, 1, 9, 30, tzinfo=UTC)


def _raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(str(path))


# ------------------------------------------------------------------------ migrations


def test_fresh_store_has_every_table_at_newest_version(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        assert store.cache.pragma("user_version") == len(CACHE_MIGRATIONS)
        assert store.journal.pragma("user_version") == len(JOURNAL_MIGRATIONS)
        cache_tables = set(store.cache.db.table_names())
        journal_tables = set(store.journal.db.table_names())
    assert set(STREAMS) | {"sync_state", "search_entries"} <= cache_tables
    assert {"drafts", "outbox", "print_jobs", "audit_log", "search_misses"} <= journal_tables
    assert store.cache_reset is None


def test_print_jobs_has_the_columns_the_print_queue_uses(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        columns = set(store.journal.db["print_jobs"].columns_dict)
    assert columns == {
        "id", "created_at", "updated_at", "paper", "title", "pdf", "printer", "copies",
        "state", "attempts", "last_error", "case_ref",
    }  # fmt: skip


def _add_notes_column(db: sqlite_utils.Database) -> None:
    db.execute("ALTER TABLE drafts ADD COLUMN notes TEXT NOT NULL DEFAULT ''")


def test_v1_journal_is_migrated_by_code_that_knows_v2_and_keeps_its_data(tmp_path: Path) -> None:
    with open_store(tmp_path) as store, store.local_change() as conn:
        conn.execute(
            "INSERT INTO drafts (id, kind, created_at, updated_at, doc) VALUES ('d1', 'case',"
            " 't', 't', '{}')"
        )
    v2 = [*JOURNAL_MIGRATIONS, _add_notes_column]
    with open_store(tmp_path, journal_migrations=v2) as store:
        assert store.journal.pragma("user_version") == len(v2)
        with store.journal.read() as conn:
            row = conn.execute("SELECT id, notes FROM drafts").fetchone()
    assert row == ("d1", "")
    # opening again with the same code is a no-op
    with open_store(tmp_path, journal_migrations=v2) as store:
        assert store.journal.pragma("user_version") == len(v2)


def test_failed_migration_leaves_the_previous_version(tmp_path: Path) -> None:
    open_store(tmp_path).close()

    def broken(db: sqlite_utils.Database) -> None:
        db.execute("ALTER TABLE drafts ADD COLUMN half_done TEXT")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        open_store(tmp_path, journal_migrations=[*JOURNAL_MIGRATIONS, broken])
    conn = _raw(tmp_path / JOURNAL_FILE)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(JOURNAL_MIGRATIONS)
    columns = [r[1] for r in conn.execute("PRAGMA table_info(drafts)")]
    conn.close()
    assert "half_done" not in columns
    # and the directory was released: a correct program can open it
    open_store(tmp_path).close()


@pytest.mark.parametrize("filename", [JOURNAL_FILE, CACHE_FILE])
def test_database_from_a_newer_version_is_refused(tmp_path: Path, filename: str) -> None:
    open_store(tmp_path).close()
    conn = _raw(tmp_path / filename)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(SchemaTooNew) as caught:
        open_store(tmp_path)
    assert isinstance(caught.value, EnvironmentProblem)
    assert "更新版本" in str(caught.value)
    assert caught.value.found == 99
    # untouched, and the lock was released
    conn = _raw(tmp_path / filename)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 99
    conn.close()
    with pytest.raises(SchemaTooNew):
        open_store(tmp_path)


# ------------------------------------------------------------------ durability settings


def test_both_files_use_wal_journal_full_cache_normal(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        assert store.cache.pragma("journal_mode") == "wal"
        assert store.journal.pragma("journal_mode") == "wal"
        assert store.journal.pragma("synchronous") == 2  # FULL
        assert store.cache.pragma("synchronous") == 1  # NORMAL


# ---------------------------------------------------------------------------- healing


def test_garbage_cache_is_moved_aside_and_recreated(tmp_path: Path) -> None:
    open_store(tmp_path).close()
    (tmp_path / CACHE_FILE).write_bytes(b"this is not a database" * 100)
    with open_store(tmp_path, clock=_fixed_clock) as store:
        assert store.cache_reset is not None
        moved = store.cache_reset.moved_to
        assert moved.name == "cache.db.corrupt-20220501T093000"
        assert moved.read_bytes().startswith(b"this is not a database")
        store.apply_page("items", [], "c1")
        assert store.sync_state("items") is not None
    with open_store(tmp_path) as store:
        assert store.cache_reset is None


def test_cache_with_a_damaged_page_is_rebuilt_but_journal_kept(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        rows = [ChangeRow("upsert", f"h{n}", 1, {"name": "大厅" * 50, "n": n}) for n in range(400)]
        store.apply_page("halls", rows, "c1")
        with store.local_change() as conn:
            enqueue_event("case.submitted", {"n": 1}, conn=conn)
    path = tmp_path / CACHE_FILE
    data = bytearray(path.read_bytes())
    assert len(data) > 4096 * 6
    data[4096 * 3 : 4096 * 3 + 200] = b"\xff" * 200  # a b-tree page header smashed
    path.write_bytes(bytes(data))
    with open_store(tmp_path) as store:
        assert store.cache_reset is not None
        assert store.cached_docs("halls") == []
        with store.journal.read() as conn:
            assert conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == 1


def test_corrupt_journal_is_never_deleted_and_staff_are_told(tmp_path: Path) -> None:
    open_store(tmp_path).close()
    garbage = b"\x00\x01journal damaged by power loss" * 200
    (tmp_path / JOURNAL_FILE).write_bytes(garbage)
    with pytest.raises(JournalCorrupt) as caught:
        open_store(tmp_path)
    assert isinstance(caught.value, EnvironmentProblem)
    assert "请不要删除" in str(caught.value)
    assert (tmp_path / JOURNAL_FILE).read_bytes() == garbage
    assert not list(tmp_path.glob("journal.db.corrupt*"))
    # the lock was released: once staff restore the file the store opens
    (tmp_path / JOURNAL_FILE).unlink()
    open_store(tmp_path).close()


# ---------------------------------------------------------------------------- locking

_SECOND_WRITER = """
import sys
from pathlib import Path
from sync.store import StoreLocked, open_store
try:
    open_store(Path(sys.argv[1]))
except StoreLocked as exc:
    print(exc)
    sys.exit(3)
sys.exit(0)
"""


def _second_process(data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _SECOND_WRITER, str(data_dir)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_second_process_cannot_open_a_held_store(tmp_path: Path) -> None:
    with open_store(tmp_path):
        result = _second_process(tmp_path)
        assert result.returncode == 3, result.stderr
        assert "正被另一个 govterm 程序使用" in result.stdout
    assert _second_process(tmp_path).returncode == 0


def test_second_open_in_the_same_process_is_refused_too(tmp_path: Path) -> None:
    with open_store(tmp_path), pytest.raises(StoreLocked):
        open_store(tmp_path)


# ------------------------------------------------------------------------- apply_page


def _doc(name: str) -> dict[str, object]:
    return {"name": name}


def test_apply_page_upserts_and_saves_cursor_and_epoch(tmp_path: Path) -> None:
    with open_store(tmp_path, clock=_fixed_clock) as store:
        result = store.apply_page(
            "halls",
            [ChangeRow("upsert", "h1", 1, _doc("一")), ChangeRow("upsert", "h2", 1, _doc("二"))],
            "cur-1",
            epoch="e1",
        )
        assert (result.applied, result.skipped) == (2, 0)
        state = store.sync_state("halls")
        assert state is not None
        assert (state.cursor, state.epoch) == ("cur-1", "e1")
        assert state.updated_at.startswith("2022-05-01T09:30")
        assert store.cached_doc("halls", "h1") == {"name": "一"}
        # later pages keep the epoch when they do not name one
        store.apply_page("halls", [], "cur-2")
        state = store.sync_state("halls")
        assert state is not None
        assert (state.cursor, state.epoch) == ("cur-2", "e1")


def test_older_or_equal_version_never_overwrites_newer(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        store.apply_page("config", [ChangeRow("upsert", "k", 5, _doc("v5"))], "c1")
        result = store.apply_page(
            "config",
            [ChangeRow("upsert", "k", 4, _doc("v4")), ChangeRow("upsert", "k", 5, _doc("again"))],
            "c2",
        )
        assert (result.applied, result.skipped) == (0, 2)
        assert store.cached_doc("config", "k") == {"name": "v5"}
        store.apply_page("config", [ChangeRow("upsert", "k", 6, _doc("v6"))], "c3")
        assert store.cached_doc("config", "k") == {"name": "v6"}


def test_deletes_are_version_guarded_tombstones(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        store.apply_page("pickups", [ChangeRow("upsert", "p1", 2, _doc("箱1"))], "c1")
        store.apply_page("pickups", [ChangeRow("delete", "p1", 1)], "c2")  # stale delete
        assert store.cached_doc("pickups", "p1") == {"name": "箱1"}
        store.apply_page("pickups", [ChangeRow("delete", "p1", 3)], "c3")
        assert store.cached_doc("pickups", "p1") is None
        with store.cache.read() as conn:
            row = conn.execute("SELECT version, deleted, doc FROM pickups").fetchone()
        assert row == (3, 1, None)
        # a replayed older upsert cannot resurrect it
        store.apply_page("pickups", [ChangeRow("upsert", "p1", 2, _doc("箱1"))], "c2")
        assert store.cached_doc("pickups", "p1") is None


def test_exception_mid_page_applies_nothing_not_even_the_cursor(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        store.apply_page("halls", [ChangeRow("upsert", "h0", 1, _doc("旧"))], "c1")
        page = [
            ChangeRow("upsert", "h1", 1, _doc("一")),
            ChangeRow("upsert", "h0", 2, _doc("新")),
            ChangeRow("upsert", "h2", 1, None),  # malformed: an upsert without doc
        ]
        with pytest.raises(ValueError, match="without a doc"):
            store.apply_page("halls", page, "c2")
        assert store.cached_doc("halls", "h1") is None
        assert store.cached_doc("halls", "h0") == {"name": "旧"}
        state = store.sync_state("halls")
        assert state is not None
        assert state.cursor == "c1"


def test_unknown_stream_is_refused(tmp_path: Path) -> None:
    with open_store(tmp_path) as store, pytest.raises(ValueError, match="unknown stream"):
        store.apply_page("drafts", [], "c")


_CRASH_MID_PAGE = """
import os, sys
from pathlib import Path
import sync.store as store_module
from sync.store import ChangeRow, open_store

store = open_store(Path(sys.argv[1]))
real = store_module.index_search_entry
calls = []

def crash_after_first(conn, stream, row):
    real(conn, stream, row)
    calls.append(row.id)
    if len(calls) == 2:
        os._exit(9)  # power cut: no rollback, no close

store_module.index_search_entry = crash_after_first
doc = {"id": "x", "name": "护照签发", "audience": ["个人"]}
store.apply_page(
    "items",
    [ChangeRow("upsert", f"i{n}", 1, {**doc, "id": f"i{n}"}) for n in range(5)],
    "after-crash",
)
"""


def test_process_killed_mid_page_leaves_nothing_applied(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        store.apply_page("items", [], "before")
    result = subprocess.run(
        [sys.executable, "-c", _CRASH_MID_PAGE, str(tmp_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 9, result.stderr
    with open_store(tmp_path) as store:
        state = store.sync_state("items")
        assert state is not None
        assert state.cursor == "before"
        with store.cache.read() as conn:
            assert conn.execute("SELECT count(*) FROM items").fetchone()[0] == 0
            assert conn.execute("SELECT count(*) FROM search_entries").fetchone()[0] == 0


# ----------------------------------------------------------------------------- outbox


def _outbox(store_conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    return store_conn.execute(
        "SELECT seq, event_id, kind, state, attempts, payload, sha256 FROM outbox ORDER BY seq"
    ).fetchall()


def test_outbox_event_is_written_with_the_local_change(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        with store.local_change() as conn:
            conn.execute(
                "INSERT INTO drafts (id, kind, created_at, updated_at, doc)"
                " VALUES ('c1', 'case', 't', 't', '{}')"
            )
            event = enqueue_event("case.submitted", {"b": 2, "a": "护照"}, conn=conn)
        with store.journal.read() as conn:
            rows = _outbox(conn)
    assert event.seq == 1
    assert len(event.event_id) == 36
    (seq, event_id, kind, state, attempts, payload, digest) = rows[0]
    assert (seq, event_id, kind, state, attempts) == (1, event.event_id, "case.submitted",
                                                      "pending", 0)  # fmt: skip
    assert payload == '{"a":"护照","b":2}'  # canonical: sorted keys, no spaces, UTF-8
    import hashlib

    assert digest == hashlib.sha256(payload.encode()).hexdigest() == event.sha256


def test_exception_leaves_neither_the_change_nor_its_event(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:

        def submit_then_fail() -> None:
            with store.local_change() as conn:
                conn.execute(
                    "INSERT INTO drafts (id, kind, created_at, updated_at, doc)"
                    " VALUES ('c1', 'case', 't', 't', '{}')"
                )
                enqueue_event("case.submitted", {"n": 1}, conn=conn)
                raise RuntimeError("printer jammed")

        with pytest.raises(RuntimeError, match="printer jammed"):
            submit_then_fail()
        with store.journal.read() as conn:
            assert conn.execute("SELECT count(*) FROM drafts").fetchone()[0] == 0
            assert _outbox(conn) == []


def test_sequence_is_gapless_across_rollbacks_and_purges(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        for n in range(3):
            with store.local_change() as conn:
                enqueue_event("evaluation", {"n": n}, conn=conn)

        def enqueue_then_fail() -> None:
            with store.local_change() as conn:
                enqueue_event("evaluation", {"n": "lost"}, conn=conn)
                raise RuntimeError("rolled back")

        with pytest.raises(RuntimeError, match="rolled back"):
            enqueue_then_fail()
        with store.local_change() as conn:  # acknowledged rows purged after the ledger check
            conn.execute("DELETE FROM outbox WHERE seq <= 2")
        with store.local_change() as conn:
            event = enqueue_event("evaluation", {"n": 3}, conn=conn)
        assert event.seq == 4
    with open_store(tmp_path) as store, store.local_change() as conn:
        assert enqueue_event("evaluation", {"n": 4}, conn=conn).seq == 5


def test_enqueue_outside_a_transaction_is_a_bug(tmp_path: Path) -> None:
    with open_store(tmp_path) as store, store.journal.read() as conn:
        with pytest.raises(RuntimeError, match="open journal transaction"):
            enqueue_event("case.submitted", {}, conn=conn)
        assert _outbox(conn) == []


def test_concurrent_enqueues_from_threads_get_distinct_gapless_seqs(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:

        def one(n: int) -> int:
            with store.local_change() as conn:
                return enqueue_event("queue.called", {"n": n}, conn=conn).seq

        with ThreadPoolExecutor(max_workers=4) as pool:
            seqs = sorted(pool.map(one, range(60)))
    assert seqs == list(range(1, 61))


# ------------------------------------------------------------------------------ threads


def test_store_opened_on_one_thread_is_usable_from_another(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    errors: list[BaseException] = []
    done = threading.Event()

    def worker() -> None:
        try:
            store.apply_page("halls", [ChangeRow("upsert", "h1", 1, _doc("一"))], "c1")
            assert store.cached_doc("halls", "h1") == {"name": "一"}
        except BaseException as exc:  # reported to the main thread below
            errors.append(exc)
        finally:
            done.set()

    thread = threading.Thread(target=worker)
    thread.start()
    assert done.wait(30)
    thread.join()
    store.close()
    assert errors == []


def test_close_is_idempotent(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    store.close()
    store.close()
    assert store.closed
