"""Sync through the real gateway on loopback, beside same-run baselines.

Run::

    .venv/bin/python -m bench.sync                 # 100,000 items (the budget's size)
    .venv/bin/python -m bench.sync --items 20000 --terminals 200

Measures (DESIGN.md budgets):

- first pull of the whole catalog by a fresh terminal (snapshot download, verify,
  search keys, swap) — budget ≤ 10 s — beside a baseline that downloads the same
  snapshot bytes and inserts the raw rows into SQLite with no checks or search keys;
- incremental pull of 500 changed items — budget ≤ 250 ms;
- outbox push through the real gateway — budget ≥ 2,000 events/s;
- the gateway under many simulated terminals each probing the manifest and asking
  for changes (a bounded number of requests from a thread pool), p50/p99 latency.

Figures and ratios only; nothing asserts on time. Beside each wall time the bench
prints the CPU seconds this process spent (terminal *and* the in-process gateway):
on a machine shared with other work the wall time stretches, the CPU time much less.
"""

from __future__ import annotations

import argparse
import gzip
import sqlite3
import statistics
import tempfile
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import uvicorn

from bench.search import generate_catalog
from core.clock import SystemClock
from gateway.app import build_services, create_app, wrap
from gateway.db import SqliteDatabase
from gateway.publishing import publish_catalog
from gateway.store import GatewayStore
from sync.engine import EngineConfig, SyncEngine
from sync.store import enqueue_event, open_store
from sync.transport import Transport

HALL = "371002001"


def _serve(store: GatewayStore) -> tuple[uvicorn.Server, threading.Thread, str]:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    app = wrap(create_app(build_services(store=store)), max_concurrency=256)
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error", lifespan="on")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    ready = threading.Event()
    while not server.started:
        ready.wait(0.01)
    return server, thread, f"http://127.0.0.1:{port}"


def _transport(store: GatewayStore, url: str, slot: str) -> Transport:
    code = store.create_enrolment_code(hall_id=HALL, slot=slot, valid_seconds=600)
    credential = store.enrol(code=code.code, terminal_name=slot, app_version="bench")
    return Transport(base_url=url, credential=credential)


def _engine(data_dir: Path, transport: Transport) -> SyncEngine:
    store = open_store(data_dir)
    return SyncEngine(
        store=store, transport=transport, config=EngineConfig(long_poll_wait=0, reset_jitter=0)
    )


class _Timer:
    """Wall and process CPU seconds of a block."""

    def __enter__(self) -> _Timer:
        self.wall = self.cpu = 0.0
        self._wall, self._cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self._wall
        self.cpu = time.process_time() - self._cpu


def _baseline_first_pull(transport: Transport, db_path: Path) -> None:
    """Download the items snapshot and insert the raw rows, nothing else."""
    index = transport.snapshot_index("items")
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE items (id TEXT PRIMARY KEY, line TEXT)")
    for chunk in index.chunks:
        data = transport.snapshot_chunk(chunk.url, expected_sha256=chunk.sha256)
        lines = gzip.decompress(data).decode("utf-8").splitlines()
        conn.executemany(
            "INSERT INTO items VALUES (?, ?)",
            ((f"{chunk.n}:{n}", line) for n, line in enumerate(lines)),
        )
    conn.commit()
    conn.close()


def _percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _terminals(store: GatewayStore, url: str, count: int, workers: int) -> list[float]:
    """Each simulated terminal probes the manifest and asks items for changes once."""
    transports = [_transport(store, url, f"T{n:04d}") for n in range(count)]
    cursor = transports[0].manifest().manifest
    assert cursor is not None
    items_cursor = next(s.cursor for s in cursor.streams if s.stream.value == "items")
    latencies: list[float] = []
    lock = threading.Lock()

    def one(t: Transport) -> None:
        for call in (t.manifest, lambda: t.changes("items", items_cursor, limit=100)):
            started = time.perf_counter()
            call()
            with lock:
                latencies.append(time.perf_counter() - started)
        t.close()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(one, transports))
    return latencies


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--terminals", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=32)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        print(f"generating a catalog of {args.items:,} items …", flush=True)  # noqa: T201
        catalog = generate_catalog(args.items)
        store = GatewayStore(db=SqliteDatabase(tmp / "gateway.db"), clock=SystemClock())
        started = time.perf_counter()
        publish_catalog(store, catalog)
        print(f"published in {time.perf_counter() - started:.1f} s", flush=True)  # noqa: T201
        server, thread, url = _serve(store)
        try:
            engine = _engine(tmp / "terminal", _transport(store, url, "K01"))
            with _Timer() as first:
                report = engine.pull()
            with _Timer() as baseline:
                _baseline_first_pull(_transport(store, url, "K02"), tmp / "raw.db")
            print(  # noqa: T201
                f"first pull ({len(report.rebuilt)} streams, {args.items:,} items):"
                f" {first.wall:.2f} s, CPU {first.cpu:.2f} s (budget 10 s);"
                f" raw download+insert baseline {baseline.wall:.2f} s, CPU {baseline.cpu:.2f} s;"
                f" ratio {first.wall / baseline.wall:.1f}x"
            )

            changed = tuple(
                item.model_copy(update={"name": item.name + "（修订）"})
                for item in catalog.items[:500]
            )
            publish_catalog(
                store, catalog.model_copy(update={"items": (*changed, *catalog.items[500:])})
            )
            engine.pull()  # the manifest names the rebuilt snapshots: settle that first
            publish_catalog(store, catalog)
            with _Timer() as incremental:
                report = engine.pull()
            print(  # noqa: T201
                f"incremental pull of {report.applied.get('items', 0)} changes:"
                f" {incremental.wall * 1000:.0f} ms, CPU {incremental.cpu * 1000:.0f} ms"
                " (budget 250 ms)"
            )

            with engine.store.local_change() as conn:
                for n in range(args.events):
                    enqueue_event(
                        "evaluation.submitted", {"level": 1 + n % 5, "comment": f"#{n}"}, conn=conn
                    )
            with _Timer() as push:
                pushed = engine.push()
            print(  # noqa: T201
                f"push: {pushed.acked:,} events in {push.wall:.2f} s, CPU {push.cpu:.2f} s ="
                f" {pushed.acked / push.wall:,.0f} events/s (budget ≥ 2,000/s)"
            )
            engine.close()
            engine.store.close()

            started = time.perf_counter()
            latencies = _terminals(store, url, args.terminals, args.workers)
            wall = time.perf_counter() - started
            print(  # noqa: T201
                f"{args.terminals:,} terminals × (manifest + changes), {args.workers} at once:"
                f" {len(latencies):,} requests in {wall:.1f} s"
                f" ({len(latencies) / wall:,.0f}/s);"
                f" p50 {statistics.median(latencies) * 1000:.1f} ms,"
                f" p99 {_percentile(latencies, 0.99) * 1000:.1f} ms"
            )
        finally:
            server.should_exit = True
            thread.join(timeout=15)
            store.db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
