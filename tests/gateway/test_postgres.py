"""The PostgreSQL engine: URL choice, portable SQL, ordering with writers in several
processes, notifications across processes, recovery from dropped connections."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from core.clock import SystemClock
from gateway.cases import CaseBook
from gateway.db import ChangeKey, DatabaseUnavailable, SqliteDatabase, open_database
from gateway.pg import PostgresDatabase
from gateway.publishing import publish_catalog
from gateway.store import GatewayStore
from gateway.upstream import UpstreamDecision, UpstreamPump
from sync.protocol import Stream
from tests.helpers.catalog import small_catalog
from tests.helpers.clock import FakeClock
from tests.helpers.gateway import free_port, wait_until
from tests.helpers.postgres import PostgresServer

REPO = Path(__file__).resolve().parents[2]

WRITER = """
import sys
from core.clock import SystemClock
from gateway.pg import PostgresDatabase
from gateway.store import GatewayStore
from sync.protocol import Stream

url, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
store = GatewayStore(db=PostgresDatabase(url), clock=SystemClock())
print("ready", flush=True)
sys.stdin.readline()  # start together with the other writers
for n in range(count):
    with store.db.write() as tx:
        store.publish(tx, Stream.CONFIG, "", [(f"{name}-{n:04d}", {"n": n, "by": name})])
store.db.close()
"""


@pytest.fixture
def store(postgres_url: str) -> Iterator[GatewayStore]:
    s = GatewayStore(db=PostgresDatabase(postgres_url), clock=SystemClock())
    try:
        yield s
    finally:
        s.db.close()


def _writer(url: str, name: str, count: int) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, url, name, str(count)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    return proc


def test_open_database_picks_the_engine_by_url(tmp_path: Path, postgres_url: str) -> None:
    plain = open_database(str(tmp_path / "a.db"))
    prefixed = open_database(f"sqlite:///{tmp_path / 'b.db'}")
    pg = open_database(postgres_url)
    try:
        assert isinstance(plain, SqliteDatabase)
        assert isinstance(prefixed, SqliteDatabase)
        assert isinstance(pg, PostgresDatabase)
        assert pg.dialect == "postgresql"
    finally:
        for db in (plain, prefixed, pg):
            db.close()
    with pytest.raises(ValueError, match="不支持的数据库类型: mysql"):
        open_database("mysql://localhost/gateway")


def test_unreachable_server_is_a_clear_environment_problem() -> None:
    url = f"postgresql://gw:s3cret-pw@127.0.0.1:{free_port()}/gateway"

    with pytest.raises(DatabaseUnavailable) as caught:
        PostgresDatabase(url)

    message = str(caught.value)
    assert "无法连接数据库" in message
    assert "127.0.0.1" in message
    assert "s3cret-pw" not in message


def test_portable_sql_savepoints_and_bytes(store: GatewayStore) -> None:
    with store.db.write() as tx:
        assert tx.one("SELECT '100%' || ?", ("满意",)) == ("100%满意",)
        tx.execute("INSERT INTO counters (name, value) VALUES (?, ?)", ("keep", 1))

        def clash() -> None:
            with tx.savepoint():
                tx.execute("INSERT INTO counters (name, value) VALUES (?, ?)", ("gone", 1))
                tx.execute("INSERT INTO counters (name, value) VALUES (?, ?)", ("keep", 2))

        with pytest.raises(psycopg.errors.UniqueViolation):
            clash()
        assert tx.one("SELECT value FROM counters WHERE name = ?", ("keep",)) == (1,)
    with store.db.read() as tx:
        assert tx.one("SELECT COUNT(*) FROM counters WHERE name = ?", ("gone",)) == (0,)

    data = bytes(range(256)) * 3
    assert store.put_blob("ab" * 32, data) is True
    assert store.put_blob("ab" * 32, data) is False
    assert store.get_blob("ab" * 32) == data


def test_writers_in_several_processes_never_make_a_cursor_skip(
    store: GatewayStore, postgres_url: str
) -> None:
    per_writer = 150
    writers = [_writer(postgres_url, f"w{i}", per_writer) for i in range(3)]
    seen: list[str] = []
    seqs: list[int] = []
    after = 0
    try:
        for proc in writers:
            assert proc.stdin is not None
            proc.stdin.write("go\n")
            proc.stdin.flush()
        # Pull by cursor while the writers commit; small pages catch them mid-way.
        while (
            any(p.poll() is None for p in writers)
            or after < store.stream_state(Stream.CONFIG, "").high_seq
        ):
            _, rows, _ = store.changes(Stream.CONFIG, "", after, 7)
            for row in rows:
                seen.append(row.id)
                seqs.append(row.seq)
            after = rows[-1].seq if rows else after
    finally:
        for proc in writers:
            proc.communicate(timeout=60)
    assert [p.returncode for p in writers] == [0, 0, 0]

    expected = {f"w{i}-{n:04d}" for i in range(3) for n in range(per_writer)}
    assert len(seen) == len(expected)
    assert set(seen) == expected  # nothing committed late was skipped
    assert seqs == sorted(seqs)
    assert store.stream_state(Stream.CONFIG, "").digest.count == len(expected)


def test_a_commit_in_another_process_reaches_subscribers(
    store: GatewayStore, postgres_url: str
) -> None:
    got: list[ChangeKey] = []
    arrived = threading.Event()

    def listener(keys: set[ChangeKey]) -> None:
        got.extend(keys)
        arrived.set()

    store.db.subscribe(listener)
    writer = _writer(postgres_url, "other", 1)
    assert writer.stdin is not None
    writer.communicate("go\n", timeout=60)
    assert writer.returncode == 0

    assert arrived.wait(timeout=10)
    assert got == [("config", "")]


def test_connections_dropped_by_the_server_are_replaced(
    store: GatewayStore, postgres_server: PostgresServer
) -> None:
    got: list[ChangeKey] = []
    store.db.subscribe(got.extend)
    store.stream_state(Stream.ITEMS, "")

    with postgres_server.admin() as admin:
        killed = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE application_name = %s OR query LIKE 'LISTEN%%'",
            (f"govterm-gateway-{os.getpid()}",),
        ).fetchall()
    assert killed

    assert store.stream_state(Stream.ITEMS, "").high_seq == 0
    with store.db.write() as tx:
        store.publish(tx, Stream.CONFIG, "", [("after", {"ok": True})])

    probes = itertools.count()

    def notified_again() -> bool:  # the listener reconnects after a short back-off
        with store.db.write() as tx:
            store.publish(tx, Stream.CONFIG, "", [("probe", {"n": next(probes)})])
        return ("config", "") in got

    wait_until(notified_again, timeout=20)


class _TwoRounds:
    """An upstream whose answer waits until both gateway processes asked it."""

    def __init__(self, inner: object, barrier: threading.Barrier) -> None:
        self._inner = inner
        self._barrier = barrier

    def decisions(self, cases: list) -> list[UpstreamDecision]:  # type: ignore[type-arg]
        answer: list[UpstreamDecision] = self._inner.decisions(cases)  # type: ignore[attr-defined]
        self._barrier.wait(timeout=30)
        return answer


def test_two_processes_pumping_upstream_apply_each_decision_once(postgres_url: str) -> None:
    from gateway.upstream import ReviewSimulator
    from tests.gateway.events import submission

    clock = FakeClock()
    stores = [GatewayStore(db=PostgresDatabase(postgres_url), clock=clock) for _ in range(2)]
    try:
        publish_catalog(stores[0], small_catalog())
        book = CaseBook(store=stores[0])
        with stores[0].db.write() as tx:
            numbers = [
                book.submit(
                    tx,
                    hall_id="371002001",
                    device_id="dev-x",
                    event_id=f"e{n}",
                    provisional_number=f"TK01-20260302-{n}",
                    item_id="370000-SB-010",
                    state="received",
                    delivery="window",
                    actor="",
                    channel="kiosk",
                    payload=submission(f"TK01-20260302-{n}"),
                ).case_number
                for n in range(3)
            ]
        clock.advance(hours=1)
        barrier = threading.Barrier(2)
        pumps = [
            UpstreamPump(
                store=s,
                cases=CaseBook(store=s),
                upstream=_TwoRounds(ReviewSimulator(clock=clock), barrier),
            )
            for s in stores
        ]
        errors: list[BaseException] = []

        def run(pump: UpstreamPump) -> None:
            try:
                pump.run_once()
            except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
                errors.append(exc)

        threads = [threading.Thread(target=run, args=(p,)) for p in pumps]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)

        assert errors == []
        with stores[0].db.read() as tx:
            history = tx.all(
                "SELECT case_number, to_state FROM case_history ORDER BY case_number, version"
            )
        assert history == [(n, s) for n in sorted(numbers) for s in ("received", "accepted")]
    finally:
        for s in stores:
            s.db.close()
