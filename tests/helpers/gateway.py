"""A real gateway on loopback for tests, and a signing client to talk to it.

Usage in a test module (or a conftest)::

    from tests.helpers.gateway import gateway  # noqa: F401  (the fixture)

    def test_x(gateway):
        client = gateway.enrol(hall_id="371002001", slot="K01")
        r = client.get("/v1/sync/manifest")

The server is uvicorn in a background thread on a free 127.0.0.1 port with a
:class:`tests.helpers.clock.FakeClock` (shared by the gateway and the signing client,
so moving the clock never breaks signatures). The ``gateway`` fixture runs every test
twice: on a temporary SQLite file and on a fresh database of the session's PostgreSQL
cluster (:mod:`tests.helpers.postgres`), so both engines show the same behaviour.
"""

from __future__ import annotations

import contextlib
import json
import secrets
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests
import uvicorn

from core.catalog import Catalog
from gateway.app import GatewayServices, LoadShedder, build_services, create_app, wrap
from gateway.db import Database, SqliteDatabase, open_database
from gateway.publishing import PublishReport, publish_catalog
from gateway.store import GatewayStore
from gateway.upstream import ReviewSchedule, ReviewSimulator
from sync.auth import DeviceAuth
from sync.protocol import DeviceCredential
from tests.helpers.clock import FakeClock


def wait_until(condition: Callable[[], bool], *, timeout: float = 10.0) -> None:
    """Wait for ``condition`` to hold, checking often; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    event = threading.Event()
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        event.wait(0.005)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class GatewayClient:
    """A signed HTTP client of one enrolled device."""

    def __init__(self, base_url: str, credential: DeviceCredential, clock: FakeClock) -> None:
        self.base_url = base_url
        self.credential = credential
        self.session = requests.Session()
        self.session.auth = DeviceAuth(
            device_id=credential.device_id,
            secret=credential.secret,
            clock=lambda: clock.now().timestamp(),
        )

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.session.get(self.base_url + path, timeout=30, **kwargs)

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        return self.session.post(self.base_url + path, timeout=30, **kwargs)

    def put(self, path: str, **kwargs: Any) -> requests.Response:
        return self.session.put(self.base_url + path, timeout=30, **kwargs)

    def close(self) -> None:
        self.session.close()


@dataclass
class RunningGateway:
    url: str
    services: GatewayServices
    clock: FakeClock
    shedder: LoadShedder
    server: uvicorn.Server
    admin_token: str
    clients: list[GatewayClient] = field(default_factory=list)

    @property
    def store(self) -> GatewayStore:
        return self.services.store

    def admin(self, method: str, path: str, body: str = "") -> dict[str, Any]:
        """One admin call with the gateway's admin token; its JSON answer (``{}`` if none).

        Raises:
            RuntimeError: the gateway answered other than 200/201 (with its answer).
        """
        r = requests.request(method, self.url + path, data=body, timeout=10,
                             headers={"Authorization": f"Bearer {self.admin_token}",
                                      "Content-Type": "application/json"})
        if r.status_code not in (200, 201):
            raise RuntimeError(f"{method} {path}: {r.status_code} {r.text}")
        return dict(r.json()) if r.content else {}

    def issue_code(self, holder: str) -> str:
        """A fresh 居民码 of the demo citizen ``holder``: the text their phone shows."""
        body = json.dumps({"kind": "citizen", "holder": holder})
        return str(self.admin("POST", "/v1/admin/identity/codes", body)["text"])

    def publish(self, catalog: Catalog) -> PublishReport:
        return publish_catalog(self.store, catalog)

    def enrol(self, *, hall_id: str = "371002001", slot: str = "K01") -> GatewayClient:
        """Create a code, enrol with it over HTTP, return the device's signed client."""
        code = self.store.create_enrolment_code(hall_id=hall_id, slot=slot, valid_seconds=600)
        r = requests.post(self.url + "/v1/enrol", json={"code": code.code}, timeout=10)
        assert r.status_code == 201, r.text
        client = GatewayClient(self.url, DeviceCredential.model_validate(r.json()), self.clock)
        self.clients.append(client)
        return client

    def connections(self) -> list[socket.socket]:
        """The server side sockets of open connections (to inspect socket options)."""
        state = self.server.server_state
        return [c.transport.get_extra_info("socket") for c in state.connections]  # type: ignore[attr-defined]


@contextlib.contextmanager
def running_gateway(
    db: Path | str,
    *,
    clock: FakeClock | None = None,
    max_concurrency: int = 64,
    schedule: ReviewSchedule | None = None,
) -> Iterator[RunningGateway]:
    """Start a gateway on a free loopback port; stop it on exit.

    Args:
        db: a SQLite file, or a database URL (``postgresql://…``).
    """
    fake = clock or FakeClock()
    database: Database = SqliteDatabase(db) if isinstance(db, Path) else open_database(db)
    store = GatewayStore(db=database, clock=fake)
    token = secrets.token_urlsafe(16)
    services = build_services(
        store=store,
        upstream=ReviewSimulator(clock=fake, schedule=schedule),
        admin_token=token,
    )
    shedder = wrap(create_app(services), max_concurrency=max_concurrency)
    port = free_port()
    config = uvicorn.Config(
        shedder, host="127.0.0.1", port=port, log_level="warning", ws="none", lifespan="on",
        # A long-poll whose client is still connected when the test ends (a thread of
        # the test waiting for news) would otherwise hold the shutdown for its wait.
        timeout_graceful_shutdown=2,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="gateway", daemon=True)
    thread.start()
    wait_until(lambda: server.started or not thread.is_alive())
    assert server.started, "gateway did not start"
    running = RunningGateway(
        url=f"http://127.0.0.1:{port}",
        services=services,
        clock=fake,
        shedder=shedder,
        server=server,
        admin_token=token,
    )
    try:
        yield running
    finally:
        for client in running.clients:
            client.close()
        server.should_exit = True
        thread.join(timeout=15)
        # Closing the database under a server still answering would fail its requests.
        assert not thread.is_alive(), "the gateway did not stop"
        store.db.close()


@pytest.fixture(params=["sqlite", "postgres"])
def gateway(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RunningGateway]:
    """A fresh gateway on loopback with an empty database of each engine in turn.

    The PostgreSQL run needs the ``postgres_url`` fixture of :mod:`tests.helpers.postgres`
    to be importable where this fixture is used (the gateway tests' conftest imports it).
    """
    target: Path | str = tmp_path / "gateway.db"
    if request.param == "postgres":
        target = str(request.getfixturevalue("postgres_url"))
    with running_gateway(target) as running:
        yield running
