"""Three gateway processes on one PostgreSQL database, with no balancer in front.

Each process is a real ``python -m gateway serve --db postgresql://…`` on its own
loopback port; the test's clients spread their requests across them the way a
round-robin balancer would. What one gateway promises must hold for all three:
official case numbers unique and gapless, an event applied once whichever process
gets it, a nonce good once, an enrolment code good once, feeds pulled in order with
no skipped rows while all three write, and a long-poll on one woken by a commit on
another. ``serve --workers N`` (several workers on one port) is started too.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
import pytest
import requests

from core.clock import SystemClock
from gateway.pg import PostgresDatabase
from gateway.publishing import publish_catalog
from gateway.store import GatewayStore
from sync.auth import DeviceAuth
from sync.protocol import DeviceCredential
from tests.gateway.events import event, submission
from tests.helpers.catalog import small_catalog
from tests.helpers.gateway import GatewayClient, free_port, wait_until
from tests.helpers.postgres import PostgresServer

REPO = Path(__file__).resolve().parents[2]


def _start(args: list[str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "gateway", "serve", *args],
            cwd=REPO,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )


def _up(url: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    def answers() -> bool:
        if proc.poll() is not None:
            raise AssertionError(f"gateway exited:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            return requests.get(url + "/healthz", timeout=2).status_code == 200
        except requests.ConnectionError:
            return False

    wait_until(answers, timeout=60)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@dataclass
class Cluster:
    urls: list[str]
    db_url: str
    store: GatewayStore
    clients: list[GatewayClient] = field(default_factory=list)

    def enrol(self, hall_id: str, slot: str, via: int = 0) -> list[GatewayClient]:
        """Enrol a device through one process; its signed clients of every process."""
        code = self.store.create_enrolment_code(hall_id=hall_id, slot=slot, valid_seconds=600)
        r = requests.post(self.urls[via] + "/v1/enrol", json={"code": code.code}, timeout=10)
        assert r.status_code == 201, r.text
        cred = DeviceCredential.model_validate(r.json())
        mine = [GatewayClient(url, cred, SystemClock()) for url in self.urls]  # type: ignore[arg-type]
        self.clients += mine
        return mine


@pytest.fixture(scope="module")
def cluster(
    postgres_server: PostgresServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Cluster]:
    name = postgres_server.create_database()
    db_url = postgres_server.url(name)
    logs = tmp_path_factory.mktemp("gateways")
    # The schema and the catalog first, so the three start on a ready database.
    store = GatewayStore(db=PostgresDatabase(db_url), clock=SystemClock())
    publish_catalog(store, small_catalog())
    ports = [free_port() for _ in range(3)]
    procs = [_start(["--db", db_url, "--port", str(p)], logs / f"gateway-{p}.log") for p in ports]
    urls = [f"http://127.0.0.1:{p}" for p in ports]
    running = Cluster(urls=urls, db_url=db_url, store=store)
    try:
        for url, proc, port in zip(urls, procs, ports, strict=True):
            _up(url, proc, logs / f"gateway-{port}.log")
        yield running
    finally:
        for client in running.clients:
            client.close()
        for proc in procs:
            _stop(proc)
        store.db.close()
        postgres_server.drop_database(name)


def _submit(client: GatewayClient, *events: dict[str, Any]) -> list[dict[str, Any]]:
    r = client.post("/v1/events:batch", json={"events": list(events)})
    assert r.status_code == 200, r.text
    results: list[dict[str, Any]] = r.json()["results"]
    return results


def _in_threads(*targets: Any) -> None:
    errors: list[BaseException] = []

    def run(target: Any) -> None:
        try:
            target()
        except BaseException as exc:  # noqa: BLE001 - re-raised below in the test thread
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(t,)) for t in targets]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    if errors:
        raise errors[0]


def test_concurrent_submissions_get_unique_gapless_numbers(cluster: Cluster) -> None:
    devices = [cluster.enrol("371005001", f"K{n:02d}", via=n % 3) for n in range(6)]
    numbers: list[str] = []
    lock = threading.Lock()

    def device_work(index: int) -> None:
        clients = devices[index]
        for batch in range(6):
            seq = 2 * batch + 1
            prov = f"TK{index:02d}-20260302-"
            results = _submit(
                clients[(index + batch) % 3],  # round robin over the three processes
                event(seq, "case.submitted", submission(f"{prov}{seq}")),
                event(seq + 1, "case.submitted", submission(f"{prov}{seq + 1}")),
            )
            assert [r["status"] for r in results] == ["applied", "applied"], results
            with lock:
                numbers.extend(r["result"]["case_number"] for r in results)

    _in_threads(*(lambda i=i: device_work(i) for i in range(6)))

    assert len(numbers) == len(set(numbers)) == 72
    by_day = Counter(n[:14] for n in numbers)
    for day, count in by_day.items():
        assert day.startswith("371005")
        assert sorted(int(n[14:]) for n in numbers if n[:14] == day) == list(range(1, count + 1))


def test_one_event_sent_to_two_processes_is_applied_once(cluster: Cluster) -> None:
    clients = cluster.enrol("371006001", "W01")
    for seq in range(1, 7):
        same = event(seq, "case.submitted", submission(f"TW01-20260302-{seq}"))
        first, second = clients[seq % 3], clients[(seq + 1) % 3]
        barrier = threading.Barrier(2)
        answers: list[dict[str, Any]] = []

        def send(
            client: GatewayClient,
            barrier: threading.Barrier = barrier,
            answers: list[dict[str, Any]] = answers,
            same: dict[str, Any] = same,
        ) -> None:
            barrier.wait(timeout=10)
            answers.extend(_submit(client, same))

        _in_threads(*(lambda c=c: send(c) for c in (first, second)))

        assert sorted(a["status"] for a in answers) == ["applied", "duplicate"]
        assert answers[0]["result"]["case_number"] == answers[1]["result"]["case_number"]
    with cluster.store.db.read() as tx:
        assert tx.one("SELECT COUNT(*) FROM cases WHERE hall_id = ?", ("371006001",)) == (6,)


def test_a_nonce_used_on_one_process_is_refused_by_the_others(cluster: Cluster) -> None:
    cred = cluster.enrol("371002001", "K90")[0].credential
    auth = DeviceAuth(device_id=cred.device_id, secret=cred.secret)
    signed = requests.Request("GET", cluster.urls[0] + "/v1/sync/manifest", auth=auth).prepare()
    with requests.Session() as session:
        first = session.send(signed, timeout=10)
        replays = []
        for url in cluster.urls[1:]:
            again = signed.copy()
            again.url = url + "/v1/sync/manifest"  # same headers, same nonce
            replays.append(session.send(again, timeout=10))

    assert first.status_code == 200
    assert [r.status_code for r in replays] == [401, 401]
    assert {r.json()["error"]["code"] for r in replays} == {"auth.replay"}


def test_an_enrolment_code_works_once_across_processes(cluster: Cluster) -> None:
    for slot in ("K91", "K92", "K93"):
        code = cluster.store.create_enrolment_code(
            hall_id="371002001", slot=slot, valid_seconds=600
        )
        barrier = threading.Barrier(3)
        answers: list[requests.Response] = []

        def enrol(
            url: str,
            barrier: threading.Barrier = barrier,
            code: str = code.code,
            answers: list[requests.Response] = answers,
        ) -> None:
            barrier.wait(timeout=10)
            answers.append(requests.post(url + "/v1/enrol", json={"code": code}, timeout=10))

        _in_threads(*(lambda u=u: enrol(u) for u in cluster.urls))

        assert sorted(a.status_code for a in answers) == [201, 403, 403]
        assert {a.json()["error"]["code"] for a in answers if a.status_code == 403} == {
            "enrol.used"
        }


def test_feed_pulled_from_one_process_skips_nothing_while_all_write(cluster: Cluster) -> None:
    hall = "371007001"
    reader = cluster.enrol(hall, "R01")[2]
    writers = [cluster.enrol(hall, f"K{n:02d}")[n] for n in range(3)]
    submitted: list[str] = []
    lock = threading.Lock()
    done = threading.Event()
    pulled: list[str] = []

    def write(index: int) -> None:
        for batch in range(8):
            seq = 3 * batch + 1
            results = _submit(
                writers[index],
                *(
                    event(s, "case.submitted", submission(f"TK{index:02d}-20260302-{s}"))
                    for s in range(seq, seq + 3)
                ),
            )
            with lock:
                submitted.extend(r["result"]["case_number"] for r in results)

    def pull(cursor: str) -> tuple[str, bool]:
        r = reader.get("/v1/streams/case_status/changes", params={"cursor": cursor, "limit": 4})
        assert r.status_code == 200, r.text
        body = r.json()
        pulled.extend(item["id"] for item in body["items"])
        return body["next_cursor"], bool(body["items"])

    def read_along() -> None:
        cursor = ""
        while not done.is_set():
            cursor, _ = pull(cursor)
        more = True
        while more:  # drain what the last writes added
            cursor, more = pull(cursor)

    def writers_then_done() -> None:
        try:
            _in_threads(*(lambda i=i: write(i) for i in range(3)))
        finally:
            done.set()

    _in_threads(writers_then_done, read_along)

    assert len(submitted) == 72
    assert sorted(pulled) == sorted(submitted)  # each case once, none skipped


def test_a_long_poll_on_one_process_wakes_on_a_commit_in_another(cluster: Cluster) -> None:
    hall = "371008001"
    poller = cluster.enrol(hall, "R01")[0]
    writer = cluster.enrol(hall, "K01")[1]
    cursor = poller.get("/v1/streams/case_status/changes").json()["next_cursor"]
    answer: list[requests.Response] = []
    took: list[float] = []

    def poll() -> None:
        start = time.monotonic()
        answer.append(
            poller.get("/v1/streams/case_status/changes", params={"cursor": cursor, "wait": 20})
        )
        took.append(time.monotonic() - start)

    thread = threading.Thread(target=poll)
    thread.start()
    try:
        number = _submit(writer, event(1, "case.submitted", submission("TK01-20260302-1")))[0][
            "result"
        ]["case_number"]
    finally:
        thread.join(timeout=30)

    assert answer, "the long-poll did not return"
    assert [i["id"] for i in answer[0].json()["items"]] == [number]
    assert took[0] < 20  # woken, not timed out


def test_serve_with_workers_runs_several_processes_on_one_port(
    postgres_server: PostgresServer, tmp_path: Path
) -> None:
    name = postgres_server.create_database()
    db_url = postgres_server.url(name)
    port = free_port()
    log = tmp_path / "workers.log"
    proc = _start(["--db", db_url, "--port", str(port), "--workers", "2"], log)
    try:
        _up(f"http://127.0.0.1:{port}", proc, log)

        def worker_pids() -> set[str]:
            with psycopg.connect(db_url, autocommit=True) as conn:
                rows = conn.execute(
                    "SELECT DISTINCT application_name FROM pg_stat_activity"
                    " WHERE datname = %s AND application_name LIKE 'govterm-gateway-%%'",
                    (name,),
                ).fetchall()
            return {r[0] for r in rows}

        supervisor = f"govterm-gateway-{proc.pid}"  # opened the database before forking
        wait_until(lambda: len(worker_pids() - {supervisor}) == 2, timeout=60)
        store = GatewayStore(db=PostgresDatabase(db_url), clock=SystemClock())
        try:
            cluster = Cluster(urls=[f"http://127.0.0.1:{port}"], db_url=db_url, store=store)
            publish_catalog(store, small_catalog())
            client = cluster.enrol("371002001", "K01")[0]
            results = _submit(
                client, *(event(s, "case.submitted", submission(f"T-{s}")) for s in (1, 2))
            )
            assert [r["result"]["case_number"][-6:] for r in results] == ["000001", "000002"]
            client.close()
        finally:
            store.db.close()
    finally:
        _stop(proc)
        postgres_server.drop_database(name)
