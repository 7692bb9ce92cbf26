"""Queue tickets per second under concurrent issuing, beside a bare counter baseline.

Runs a real gateway on loopback (SQLite in a temp dir), enrols ``--devices`` kiosks and
issues ``--tickets`` tickets from each, ``--threads`` threads per device, through the
signed HTTP API (:class:`sync.queue_client.QueueClient`). The same run measures the
floor under it: a bare counter-row increment transaction on the same database, with the
same number of threads. Prints both figures and their ratio; checks that every number
is unique.

Usage::

    .venv/bin/python -m bench.queue --devices 4 --threads 2 --tickets 100
"""

from __future__ import annotations

import argparse
import socket
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import requests
import uvicorn

from core.clock import SystemClock
from gateway.app import build_services, create_app, wrap
from gateway.db import SqliteDatabase
from gateway.store import GatewayStore
from sync.protocol import DeviceCredential
from sync.queue_client import HttpQueueTransport, QueueClient
from sync.queue_protocol import AreaSettings


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _parallel(workers: int, job: Callable[[int], None]) -> float:
    threads = [threading.Thread(target=job, args=(i,)) for i in range(workers)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start


def run(devices: int, threads: int, tickets: int) -> None:
    clock = SystemClock()
    with tempfile.TemporaryDirectory() as tmp:
        db = SqliteDatabase(Path(tmp) / "gateway.db")
        store = GatewayStore(db=db, clock=clock)
        services = build_services(store=store)
        app = create_app(services)
        app.state.queue.configure_areas(
            "bench-hall", [AreaSettings(prefix=p, name=f"业务{p}") for p in "ABCD"]
        )
        port = _free_port()
        server = uvicorn.Server(
            uvicorn.Config(wrap(app), host="127.0.0.1", port=port, log_level="warning")
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.01)
        base = f"http://127.0.0.1:{port}"
        clients = []
        for n in range(devices):
            code = store.create_enrolment_code(hall_id="bench-hall", slot=f"K{n}", valid_seconds=60)
            cred = DeviceCredential.model_validate(
                requests.post(base + "/v1/enrol", json={"code": code.code}, timeout=10).json()
            )
            transport = HttpQueueTransport(base_url=base, credential=cred)
            clients.append(QueueClient(transport=transport, clock=clock))
        per_thread = max(1, tickets // threads)
        workers = devices * threads
        numbers: list[str] = []
        lock = threading.Lock()

        def issue(i: int) -> None:
            client = clients[i % devices]
            area = "ABCD"[i % 4]
            got = [client.issue(area).number for _ in range(per_thread)]
            with lock:
                numbers.extend(got)

        elapsed = _parallel(workers, issue)
        issued = len(numbers)
        assert len(set(numbers)) == issued, "duplicate ticket numbers"

        def bare(i: int) -> None:
            for _ in range(per_thread):
                with db.write() as tx:
                    tx.execute(
                        "INSERT INTO counters (name, value) VALUES (?, 0)"
                        " ON CONFLICT (name) DO NOTHING",
                        (f"bench:{i % 4}",),
                    )
                    tx.one(
                        "UPDATE counters SET value = value + 1 WHERE name = ? RETURNING value",
                        (f"bench:{i % 4}",),
                    )

        base_elapsed = _parallel(workers, bare)
        server.should_exit = True
        thread.join(timeout=10)
        db.close()
    through_gateway = issued / elapsed
    baseline = issued / base_elapsed
    print(f"devices × threads       : {devices} × {threads} ({workers} issuing at once)")
    print(f"tickets issued          : {issued}, all unique")
    print(f"through the gateway     : {through_gateway:8.0f} tickets/s (signed HTTP, loopback)")
    print(f"bare counter baseline   : {baseline:8.0f} increments/s (same DB, same threads)")
    print(f"ratio gateway/baseline  : {through_gateway / baseline:8.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=4)
    parser.add_argument("--threads", type=int, default=2, help="threads per device")
    parser.add_argument("--tickets", type=int, default=100, help="tickets per device")
    args = parser.parse_args()
    run(args.devices, args.threads, args.tickets)


if __name__ == "__main__":
    main()
