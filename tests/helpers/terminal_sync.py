"""A terminal's sync engine wired to the loopback gateway, with time under test control.

``terminal(gateway, tmp_path)`` enrols a device, opens a real store in ``tmp_path`` and
builds a :class:`sync.engine.SyncEngine` whose monotonic clock and waits are fake (a
wait advances the fake clock instead of sleeping) and whose wall clock is the
gateway's :class:`tests.helpers.clock.FakeClock`, so signatures always verify.

The ``gateway`` fixture runs on a temporary SQLite file unless a test module asks for
both engines, like the gateway's own suite does::

    pytestmark = pytest.mark.parametrize("gateway", ENGINES, indirect=True)

Each test then runs twice, ids ``sqlite`` and ``postgres``; the PostgreSQL run gets a
fresh database on the session's cluster (:mod:`tests.helpers.postgres`), carries the
``postgres`` marker (``-m "not postgres"`` leaves it out), and needs the
``postgres_server``/``postgres_url`` fixtures visible where the test lives (the
``tests/sync`` conftest imports them).
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from gateway.store import scope_of
from sync.engine import EngineConfig, SyncEngine
from sync.protocol import Stream, StreamDigest
from sync.snapshot import cache_digest
from sync.store import OutboxEvent, Store, enqueue_event, open_store
from sync.transport import Transport
from tests.helpers.gateway import GatewayClient, RunningGateway, running_gateway

ENGINES = ("sqlite", pytest.param("postgres", marks=pytest.mark.postgres))
"""The gateway's database engines, for ``parametrize("gateway", ENGINES, indirect=True)``."""


def gateway_database(request: pytest.FixtureRequest, tmp_path: Path, engine: str) -> Path | str:
    """Where a test's gateway keeps its data: a SQLite file, or a fresh PostgreSQL URL."""
    if engine == "postgres":
        return str(request.getfixturevalue("postgres_url"))
    if engine != "sqlite":
        raise ValueError(f"unknown gateway engine {engine!r}")
    return tmp_path / "gateway.db"


@pytest.fixture
def gateway(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RunningGateway]:
    """The real gateway on loopback, on SQLite or on the engine the test is run with.

    The terminal must not be able to tell the engines apart: the same pulls, pushes,
    resets and faults give the same cache and the same inbox on both.
    """
    engine = str(getattr(request, "param", "sqlite"))
    with running_gateway(gateway_database(request, tmp_path, engine)) as running:
        yield running


class FakeMonotonic:
    """Seconds that move only when told to (or when the engine 'waits')."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class InstantSleeper:
    """A :class:`sync.engine.Sleeper` that advances the fake clock instead of sleeping."""

    clock: FakeMonotonic
    waits: list[float] = field(default_factory=list)

    def wait(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.clock.advance(max(0.0, seconds))

    def wake(self) -> None:
        """Nothing sleeps, so nothing needs waking."""


FAST = EngineConfig(long_poll_wait=0, reset_jitter=5.0, push_debounce=0.5)


@dataclass
class Terminal:
    """One enrolled terminal: its store, transport, engine and fake clocks."""

    store: Store
    engine: SyncEngine
    transport: Transport
    client: GatewayClient
    mono: FakeMonotonic
    sleeper: InstantSleeper

    @property
    def device_id(self) -> str:
        return self.client.credential.device_id

    def close(self) -> None:
        self.engine.close()
        self.store.close()


def make_transport(
    gateway: RunningGateway,
    client: GatewayClient,
    *,
    url: str | None = None,
    read_timeout: float = 10.0,
) -> Transport:
    return Transport(
        base_url=url or gateway.url,
        credential=client.credential,
        clock=lambda: gateway.clock.now().timestamp(),
        connect_timeout=2.0,
        read_timeout=read_timeout,
    )


def terminal(
    gateway: RunningGateway,
    data_dir: Path,
    *,
    url: str | None = None,
    slot: str = "K01",
    hall_id: str = "371002001",
    config: EngineConfig = FAST,
    read_timeout: float = 10.0,
    **engine_args: Any,
) -> Terminal:
    client = gateway.enrol(hall_id=hall_id, slot=slot)
    store = open_store(data_dir, clock=gateway.clock.now)
    transport = make_transport(gateway, client, url=url, read_timeout=read_timeout)
    mono = FakeMonotonic()
    sleeper = InstantSleeper(mono)
    engine = SyncEngine(
        store=store,
        transport=transport,
        config=config,
        monotonic=mono,
        wall=gateway.clock.now,
        rng=random.Random(4),
        sleeper=sleeper,
        **engine_args,
    )
    return Terminal(store, engine, transport, client, mono, sleeper)


def enqueue(store: Store, kind: str, payload: Mapping[str, Any]) -> OutboxEvent:
    """One local change with its outbox event, the way the UIs record facts."""
    with store.local_change() as conn:
        return enqueue_event(kind, payload, conn=conn)


def outbox(store: Store) -> list[tuple[int, str, str, str, str | None, str | None]]:
    """``(seq, event_id, sha256, state, result, last_error)`` of every outbox row."""
    with store.journal.read() as conn:
        rows = conn.execute(
            "SELECT seq, event_id, sha256, state, result, last_error FROM outbox ORDER BY seq"
        ).fetchall()
    return [tuple(r) for r in rows]


def gateway_digest(gateway: RunningGateway, stream: str, hall_id: str) -> StreamDigest:
    which = Stream(stream)
    return gateway.store.stream_state(which, scope_of(which, hall_id)).digest


def digests_match(gateway: RunningGateway, store: Store, hall_id: str, streams: Any) -> list[str]:
    """The streams whose cached rows differ from the gateway's (empty when all agree)."""
    return [s for s in streams if cache_digest(store, s) != gateway_digest(gateway, s, hall_id)]
