"""Crash test: the terminal's sync engine killed with SIGKILL, again and again.

The engine runs in a separate process (this module's ``worker`` entry point) against
the real gateway on loopback. The worker keeps recording local facts (cases,
evaluations, search misses) with their outbox events and keeps pushing and pulling;
meanwhile the test publishes catalog changes and now and then starts a new epoch
(forcing snapshot rebuilds of multi-chunk snapshots). The test kills the worker with
``kill -9`` at random moments — mid-enqueue, mid-push, mid-page, mid-snapshot — and
restarts it, many times. Finally a drain run empties the outbox and catches up.

Afterwards: zero lost and zero duplicated events (gateway inbox against terminal
outbox by event id, sha256 and payload; one official case per submitted case, and
the terminal holds that case's original number) and a cache equal to the gateway's
(digest per stream).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import random
import selectors
import signal
import subprocess
import sys
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from sync.protocol import Stream
from sync.store import open_store

if TYPE_CHECKING:
    from core.catalog import Catalog
    from tests.helpers.gateway import RunningGateway

HALL = "371002001"
# Kills per gateway engine; each costs a worker start (~1 s) and a few rounds. The
# PostgreSQL run does fewer and still meets every phase many times: six catalog
# publishes, three epoch resets (kills 4, 13, 22) with multi-chunk snapshot rebuilds,
# kills mid-enqueue, mid-push and mid-page. 36 kills there took 90 s on a busy box.
KILLS = {"sqlite": 36, "postgres": 24}
# Written out, not imported from tests.helpers.terminal_sync: see _spawn.
ENGINES = ("sqlite", pytest.param("postgres", marks=pytest.mark.postgres))
REPO = Path(__file__).resolve().parents[2]


def _catalog(round_no: int, rng: random.Random) -> Catalog:
    """The small catalog plus 200 generated items, some renamed or gone this round."""
    from tests.helpers.catalog import small_catalog

    base = small_catalog()
    extra = []
    for n in range(200):
        if rng.random() < 0.1:
            continue  # withdrawn from the catalog this round: a tombstone
        template = base.items[n % len(base.items)]
        renamed = f"（第{round_no}版）" if rng.random() < 0.2 else ""
        extra.append(
            template.model_copy(
                update={"id": f"371000-GEN-{n:04d}", "name": template.name + renamed}
            )
        )
    return base.model_copy(update={"version": round_no + 1, "items": (*base.items, *extra)})


def _read_markers(proc: subprocess.Popen[bytes], count: int, *, timeout: float = 60) -> str:
    """Read ``count`` progress markers from the worker (or until it exits)."""
    assert proc.stdout is not None
    seen = ""
    with selectors.DefaultSelector() as selector:
        selector.register(proc.stdout, selectors.EVENT_READ)
        while len(seen) < count:
            if not selector.select(timeout):
                raise AssertionError(f"worker silent for {timeout} s after {seen!r}")
            chunk = os.read(proc.stdout.fileno(), 1)
            if not chunk:
                break
            seen += chunk.decode("ascii", "replace")
    return seen


def _spawn(data_dir: Path, mode: str) -> subprocess.Popen[bytes]:
    # The worker is this module run as a script, started once per kill: the module's
    # top level imports only what the worker needs, so a start takes about a second
    # instead of three (the gateway, FastAPI, psycopg and pypinyin are the test's).
    return subprocess.Popen(
        [sys.executable, "-m", "tests.e2e.test_sync_crash", mode, str(data_dir)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


@pytest.mark.slow
@pytest.mark.timeout(280)
@pytest.mark.parametrize("engine", ENGINES)
def test_kill_9_mid_pull_and_mid_push_loses_and_duplicates_nothing(
    engine: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("gateway.store.SNAPSHOT_CHUNK_ROWS", 40)  # several chunks to resume
    with contextlib.ExitStack() as stack:
        database: Path | str = tmp_path / "gateway.db"
        if engine == "postgres":
            from tests.helpers.postgres import running_postgres

            cluster = stack.enter_context(running_postgres())
            database = cluster.url(cluster.create_database())
        _kill_again_and_again(engine, database, tmp_path / "terminal")


def _kill_again_and_again(engine: str, database: Path | str, data_dir: Path) -> None:
    """Enrol, then start and ``kill -9`` the worker ``KILLS[engine]`` times; drain; check.

    Args:
        engine: ``sqlite`` or ``postgres``, the gateway's engine (picks the kill count).
        database: the gateway's SQLite file or PostgreSQL URL.
        data_dir: the terminal's data directory.
    """
    from tests.helpers.gateway import running_gateway

    rng = random.Random(20260302)
    with running_gateway(database) as gateway:
        gateway.publish(_catalog(0, rng))
        code = gateway.store.create_enrolment_code(hall_id=HALL, slot="K01", valid_seconds=600)
        from sync.engine import enrol

        credential = enrol(gateway.url, code.code, data_dir=data_dir)

        markers = ""
        for kill in range(KILLS[engine]):
            proc = _spawn(data_dir, "worker")
            try:
                if kill % 4 == 1:
                    gateway.publish(_catalog(kill, rng))
                if kill % 9 == 4:
                    gateway.store.reset_epoch(Stream.ITEMS)
                markers += _read_markers(proc, rng.randint(1, 40)) + "|"
            finally:
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait(timeout=30)
                assert proc.stdout is not None
                proc.stdout.close()

        drain = _spawn(data_dir, "drain")
        try:
            out, _ = drain.communicate(timeout=90)
        except subprocess.TimeoutExpired:
            drain.kill()
            out, _ = drain.communicate()
        log_tail = (data_dir / "worker.log").read_text(encoding="utf-8")[-3000:]
        assert drain.returncode == 0, log_tail
        assert out.endswith(b"DONE\n")

        _check_no_loss_no_duplicates(gateway, data_dir, credential.device_id)
        _check_cache_equals_gateway(gateway, data_dir)
    # The kills landed in every phase the worker reports.
    assert {"E", "P", "L", "."} <= set(markers)


def _check_no_loss_no_duplicates(gateway: RunningGateway, data_dir: Path, device_id: str) -> None:
    with open_store(data_dir) as store, store.journal.read() as conn:
        local = conn.execute(
            "SELECT seq, event_id, kind, sha256, payload, state, result FROM outbox ORDER BY seq"
        ).fetchall()
    with gateway.store.db.read() as tx:
        inbox = tx.all(
            "SELECT seq, event_id, kind, sha256, payload, status, result FROM inbox"
            " WHERE device_id = ? ORDER BY seq",
            (device_id,),
        )
        cases = dict(
            tx.all("SELECT event_id, case_number FROM cases WHERE device_id = ?", (device_id,))
        )
    assert len(local) > 50, "the worker recorded too few events to mean anything"
    assert [r[0] for r in local] == list(range(1, len(local) + 1))  # gapless
    assert [r[5] for r in local if r[5] == "pending"] == []
    assert [(r[0], r[1], r[2], r[3], r[4]) for r in local] == [
        (r[0], r[1], r[2], r[3], r[4]) for r in inbox
    ]  # every event arrived exactly once, byte for byte
    assert len({r[4] for r in inbox}) == len(inbox)  # no fact recorded twice
    for seq, event_id, kind, _, _, state, result in local:
        gateway_status = inbox[seq - 1][5]
        assert (state == "acked") == (gateway_status == "applied"), (seq, state, gateway_status)
        if kind == "case.submitted" and state == "acked":
            assert json.loads(result)["case_number"] == cases[event_id]
    submitted = [r for r in inbox if r[2] == "case.submitted" and r[5] == "applied"]
    assert len(cases) == len(submitted)


def _check_cache_equals_gateway(gateway: RunningGateway, data_dir: Path) -> None:
    from gateway.store import scope_of
    from sync.schema import STREAMS
    from sync.snapshot import cache_digest

    with open_store(data_dir) as store:
        for stream in STREAMS:
            which = Stream(stream)
            expected = gateway.store.stream_state(which, scope_of(which, HALL)).digest
            assert cache_digest(store, stream) == expected, stream


# ------------------------------------------------------------------ the worker process


class _Markers(logging.Handler):
    """One '.' on stdout per engine log line: the test kills after a random number."""

    def emit(self, record: logging.LogRecord) -> None:
        _mark(".")


def _mark(text: str) -> None:
    os.write(1, text.encode("ascii"))


def _record_some(store: object, rng: random.Random, items: list[str]) -> None:
    from sync.store import Store, enqueue_event

    assert isinstance(store, Store)
    with store.local_change() as conn:
        for _ in range(rng.randint(1, 3)):
            nonce = uuid.uuid4().hex
            choice = rng.random()
            if choice < 0.4:
                kind, payload = (
                    "case.submitted",
                    {
                        "provisional_number": f"TK01-20260302-{nonce[:10]}",
                        "item_id": rng.choice(items),
                        "applicant": {"name": "王小明"},
                    },
                )
            elif choice < 0.8:
                kind, payload = (
                    "evaluation.submitted",
                    {"level": rng.randint(1, 5), "comment": nonce},
                )
            else:
                kind, payload = "search.miss", {"query": f"查询{nonce[:8]}"}
            conn.execute(
                "INSERT INTO drafts (id, kind, created_at, updated_at, doc) VALUES (?, ?, ?, ?, ?)",
                (nonce, kind, "2026-03-02T09:00:00", "2026-03-02T09:00:00", json.dumps(payload)),
            )
            enqueue_event(kind, payload, conn=conn)
    _mark("E")


def worker(data_dir: Path, *, drain: bool) -> int:
    """Record, push and pull until killed (or, draining, until all is sent and pulled)."""
    from core.errors import EnvironmentProblem
    from sync.engine import EngineConfig, SyncEngine, load_enrolment
    from sync.transport import Transport

    logging.basicConfig(
        filename=data_dir / "worker.log",
        level=logging.INFO,
        format="%(asctime)s %(process)d %(name)s %(levelname)s %(message)s",
    )
    handler = _Markers(level=logging.DEBUG)
    for name in ("sync.engine", "sync.snapshot", "sync.store"):
        logging.getLogger(name).addHandler(handler)
        logging.getLogger(name).setLevel(logging.DEBUG)
    rng = random.Random()
    enrolment = load_enrolment(data_dir)
    store = open_store(data_dir)
    transport = Transport(base_url=enrolment.gateway_url, credential=enrolment.credential)
    config = EngineConfig(
        page_limit=25, batch_events=15, reset_jitter=0.05, resets_per_day=10_000, verify_interval=0
    )
    engine = SyncEngine(store=store, transport=transport, config=config, rng=rng)
    items = ["370000-CR-001", "370000-SB-010", *(f"371000-GEN-{n:04d}" for n in range(200))]
    rounds = 0
    while True:
        rounds += 1
        if not drain:
            _record_some(store, rng, items)
        try:
            engine._with_clock_fix(engine.push)  # noqa: SLF001 - the worker is the engine's loop
            _mark("P")
            engine._with_clock_fix(engine.pull)  # noqa: SLF001
            _mark("L")
        except EnvironmentProblem as exc:
            logging.getLogger("worker").info("round failed: %r", exc)
            _mark("X")
            continue
        if drain and engine.status.pending == 0 and engine.pull().unchanged:
            break
        if drain and rounds > 200:
            return 1
    engine.close()
    store.close()
    _mark("DONE\n")
    return 0


if __name__ == "__main__":
    sys.exit(worker(Path(sys.argv[2]), drain=sys.argv[1] == "drain"))
