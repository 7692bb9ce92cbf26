"""Offline tickets: blocks reserved by the gateway, issued while it is down, joined after."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from core.queue import GreenChannel
from sync.queue_client import QueueRefused, QueueUnavailable
from sync.queue_protocol import AreaSettings, OpeningWindow
from sync.store import Store, open_store
from tests.gateway.test_queue import AREAS, configure, device
from tests.helpers.gateway import RunningGateway, running_gateway, wait_until


@pytest.fixture
def gateway(tmp_path: Path) -> Iterator[RunningGateway]:
    with running_gateway(tmp_path / "gateway.db") as running:
        yield running


@pytest.fixture
def journal_store(tmp_path: Path, gateway: RunningGateway) -> Iterator[Store]:
    store = open_store(tmp_path / "kiosk", clock=gateway.clock.now)
    yield store
    store.close()


def _port(gateway: RunningGateway) -> int:
    return int(gateway.url.rsplit(":", 1)[1])


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def stop(gateway: RunningGateway) -> None:
    """Take the gateway off the network (its database stays)."""
    gateway.server.should_exit = True
    wait_until(lambda: not _listening(_port(gateway)), timeout=15)


def restart(gateway: RunningGateway) -> uvicorn.Server:
    """Serve the same gateway again on the same port."""
    config = uvicorn.Config(
        gateway.shedder,
        host="127.0.0.1",
        port=_port(gateway),
        log_level="warning",
        ws="none",
        lifespan="on",
    )
    server = uvicorn.Server(config)
    threading.Thread(target=server.run, name="gateway-again", daemon=True).start()
    wait_until(lambda: server.started, timeout=15)
    return server


def test_offline_tickets_join_in_issue_order_and_never_collide(
    gateway: RunningGateway, journal_store: Store, tmp_path: Path
) -> None:
    configure(gateway, AREAS)
    kiosk = device(gateway, "K01", journal=journal_store.journal, block_size=20)
    other_store = open_store(tmp_path / "kiosk2", clock=gateway.clock.now)
    other = device(gateway, "K02", journal=other_store.journal, block_size=20)
    window = device(gateway, "W01")
    blocks = kiosk.ensure_blocks()
    assert [(b.area, b.first, b.last) for b in blocks] == [
        ("A", 980, 999),
        ("B", 980, 999),
        ("C", 980, 999),
    ]
    assert kiosk.ensure_blocks() == []  # enough left: nothing new
    (other_a,) = other.ensure_blocks(["A"])
    assert (other_a.first, other_a.last) == (960, 979)  # never overlaps
    online = kiosk.issue("A")
    assert (online.number, online.online) == ("A001", True)

    stop(gateway)
    gateway.clock.advance(minutes=1)
    first = kiosk.issue("A")
    gateway.clock.advance(minutes=1)
    second = kiosk.issue("A", green_channel=GreenChannel.PREGNANT)
    gateway.clock.advance(minutes=1)
    from_other = other.issue("A")
    assert (first.number, second.number, from_other.number) == ("A980", "A981", "A960")
    assert not first.online
    assert first.estimated
    assert first.people_ahead == 1  # A001 was waiting when last seen
    assert second.people_ahead == 2
    assert "估计值" in first.waiting_note
    assert kiosk.pending_offline() == 2
    with pytest.raises(QueueUnavailable, match="预约签到"):
        kiosk.issue("A", appointment_ref="YY-1")

    server = restart(gateway)
    try:
        gateway.clock.advance(minutes=1)
        back = kiosk.issue("A")  # reports the offline ones first
        assert back.online
        assert back.number == "A002"
        assert back.people_ahead == 3
        assert kiosk.pending_offline() == 0
        other.report_offline()
        window.set_window_areas("1", ["A"])
        order = []
        for _ in range(5):
            called = window.call_next("1", clerk_id="c")
            order.append(called.number)
            window.no_show(called.number)
        # Green channel first, then by issue time: offline tickets keep their place.
        assert order == ["A981", "A001", "A980", "A960", "A002"]
        assert window.ticket("A980").offline
        assert kiosk.report_offline() is None
    finally:
        server.should_exit = True
        other_store.close()


def test_reporting_again_is_harmless_and_forged_numbers_are_refused(
    gateway: RunningGateway, journal_store: Store
) -> None:
    configure(gateway, AREAS)
    kiosk = device(gateway, "K01", journal=journal_store.journal, block_size=5)
    kiosk.ensure_blocks(["B"])
    stop(gateway)
    ticket = kiosk.issue("B")
    assert ticket.number == "B995"
    with journal_store.journal.transaction() as conn:
        # A tampered journal row: a number outside this terminal's block.
        conn.execute(
            "INSERT INTO queue_offline_tickets (request_id, day, number, area, block_id,"
            " green, issued_at) SELECT '6f1c1d9e-0000-4000-8000-000000000001', day, 'B500',"
            " area, block_id, green, issued_at FROM queue_offline_tickets"
        )
    server = restart(gateway)
    try:
        result = kiosk.report_offline()
        assert result is not None
        assert {r.number: r.status for r in result.results} == {
            "B995": "joined",
            "B500": "rejected",
        }
        problems = kiosk.offline_problems()
        assert [(p.number, p.message) for p in problems] == [
            ("B500", "号码 B500 不在本终端的离线号段内")
        ]
        with journal_store.journal.transaction() as conn:
            conn.execute("UPDATE queue_offline_tickets SET state = 'pending'")
        again = kiosk.report_offline()
        assert again is not None
        assert {r.number: r.status for r in again.results}["B995"] == "duplicate"
    finally:
        server.should_exit = True


def test_offline_without_numbers_or_outside_hours(
    gateway: RunningGateway, journal_store: Store
) -> None:
    configure(
        gateway,
        [
            AreaSettings(prefix="A", name="综合受理区"),
            AreaSettings(
                prefix="B", name="不动产登记区", hours=[OpeningWindow(start="08:30", end="09:30")]
            ),
        ],
    )
    kiosk = device(gateway, "K01", journal=journal_store.journal, block_size=1)
    kiosk.ensure_blocks(["A", "B"])
    stop(gateway)
    assert kiosk.issue("A").number == "A999"
    with pytest.raises(QueueUnavailable, match="离线号码已用完"):
        kiosk.issue("A")
    gateway.clock.advance(hours=1)
    with pytest.raises(QueueRefused, match="不在取号时间内"):
        kiosk.issue("B")
    assert kiosk.offline_numbers_left("B") == 1
