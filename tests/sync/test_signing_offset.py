"""A terminal whose clock is 10 minutes off takes tickets and calls for help, not only syncs.

The gateway refuses signatures more than 300 s off its clock. The sync engine learns
the offset (``401 auth.clock`` with the gateway's time, then heartbeats) and reports it
on its status board; the queue and help-desk clients sign with one shared
:class:`sync.auth.GatewayClock` that follows the board, and correct it themselves when
they are refused first. Everything runs against the real gateway on loopback with a
fake clock; only the terminal's own clock is skewed.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.clock import HALL_TZ
from sync.auth import GatewayClock
from sync.engine import SyncEngine
from sync.help_client import HelpClient, HttpDeskTransport
from sync.queue_client import (
    EnrolledQueueTransport,
    HttpQueueTransport,
    QueueClient,
    QueueNotAuthorised,
)
from sync.status import StatusBoard
from sync.store import Store, open_store
from sync.transport import Transport
from tests.gateway.test_queue import AREAS, HALL, configure
from tests.helpers.clock import FakeClock
from tests.helpers.gateway import GatewayClient, RunningGateway, running_gateway
from tests.helpers.terminal_sync import FAST, FakeMonotonic, InstantSleeper

SKEW_S = -600.0  # the terminal's clock is 10 minutes slow


@pytest.fixture
def gateway(tmp_path: Path) -> Iterator[RunningGateway]:
    clock = FakeClock(dt.datetime(2026, 3, 2, 9, 30, tzinfo=HALL_TZ))
    with running_gateway(tmp_path / "gateway.db", clock=clock) as running:
        configure(running, AREAS)
        yield running


@pytest.fixture
def device(gateway: RunningGateway) -> GatewayClient:
    return gateway.enrol(hall_id=HALL, slot="K01")


def _terminal_clock(gateway: RunningGateway) -> float:
    """The kiosk's own clock: the hall's time, 10 minutes slow."""
    return gateway.clock.now().timestamp() + SKEW_S


def _queue(gateway: RunningGateway, device: GatewayClient, clock: object) -> QueueClient:
    transport = HttpQueueTransport(
        base_url=gateway.url, credential=device.credential, clock=clock  # type: ignore[arg-type]
    )
    return QueueClient(transport=transport, clock=gateway.clock)


def _engine(
    gateway: RunningGateway, device: GatewayClient, store: Store
) -> SyncEngine:
    transport = Transport(
        base_url=gateway.url,
        credential=device.credential,
        clock=lambda: _terminal_clock(gateway),
        connect_timeout=2.0,
        read_timeout=10.0,
    )
    mono = FakeMonotonic()
    return SyncEngine(
        store=store, transport=transport, config=FAST, monotonic=mono,
        wall=gateway.clock.now, rng=random.Random(4), sleeper=InstantSleeper(mono),
    )


def test_a_plain_skewed_clock_syncs_but_cannot_take_a_ticket(
    gateway: RunningGateway, device: GatewayClient
) -> None:
    queue = _queue(gateway, device, lambda: _terminal_clock(gateway))
    with pytest.raises(QueueNotAuthorised, match="时钟"):
        queue.issue("A")


def test_ticket_and_help_sign_with_the_offset_the_engine_learnt(
    gateway: RunningGateway, device: GatewayClient, tmp_path: Path
) -> None:
    store = open_store(tmp_path / "kiosk", clock=gateway.clock.now)
    engine = _engine(gateway, device, store)
    clock = GatewayClock(base=lambda: _terminal_clock(gateway), board=engine.board)
    try:
        assert clock.offset == 0.0
        engine.tick()  # refused for its clock once, corrected, pulled and heartbeat sent
        assert engine.board.status.online
        offset = engine.board.status.clock_offset_seconds
        assert offset == pytest.approx(-SKEW_S, abs=2)
        assert clock.offset == offset
        assert abs(clock() - gateway.clock.now().timestamp()) <= 2

        queue = _queue(gateway, device, clock)
        ticket = queue.issue("A")
        assert (ticket.number, ticket.online) == ("A001", True)
        help_desk = HelpClient(transport=HttpDeskTransport(
            base_url=gateway.url, credential=device.credential, clock=clock))
        help_desk.request_help(topic="general", note="取号后求助")
        assert [r.note for r in help_desk.feed(after=0).requests] == ["取号后求助"]

        # the terminal's clock is set right: the engine's heartbeat says so, and so do we
        engine.transport.clock_offset = 0.0
        engine.board.update(clock_offset_seconds=0.0)
        assert clock.offset == 0.0
    finally:
        clock.close()
        engine.close()
        store.close()


def test_a_client_refused_before_the_engine_noticed_corrects_the_shared_clock(
    gateway: RunningGateway, device: GatewayClient
) -> None:
    board = StatusBoard()
    clock = GatewayClock(base=lambda: _terminal_clock(gateway), board=board)
    queue = _queue(gateway, device, clock)
    assert queue.issue("B").number == "B001"  # refused once, corrected, signed again
    assert clock.offset == pytest.approx(-SKEW_S, abs=2)
    # the help desk shares the clock: no refusal for it at all now
    help_desk = HelpClient(transport=HttpDeskTransport(
        base_url=gateway.url, credential=device.credential, clock=clock))
    help_desk.request_help()
    assert len(help_desk.feed(after=0).requests) == 1
    clock.close()


def test_the_queue_link_made_after_enrolment_signs_with_the_shared_clock(
    gateway: RunningGateway, device: GatewayClient
) -> None:
    board = StatusBoard()
    board.update(clock_offset_seconds=-SKEW_S)  # what the engine learnt
    clock = GatewayClock(base=lambda: _terminal_clock(gateway))
    clock.follow(board)  # the sync link is attached after the window is built
    transport = EnrolledQueueTransport(
        base_url=gateway.url, credential=lambda: device.credential, clock=clock
    )
    queue = QueueClient(transport=transport, clock=gateway.clock)
    assert [c.area for c in queue.waiting_counts()] == ["A", "B", "C"]
    assert queue.issue("C").number == "C001"
    transport.close()
    clock.close()
