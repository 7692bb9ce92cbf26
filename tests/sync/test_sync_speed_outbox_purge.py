"""Purging the outbox: only acknowledged events, only after retention, only when the
gateway's ledger confirms they arrived exactly as sent. Rejected events stay."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from sync.engine import PurgeReport
from sync.store import OutboxEvent, enqueue_event
from tests.gateway.events import submission
from tests.helpers.catalog import small_catalog
from tests.helpers.gateway import RunningGateway
from tests.helpers.terminal_sync import (
    Terminal,
    gateway,  # noqa: F401  (fixture)
    outbox,
    terminal,
)

DAYS_AGO = 10  # past the default 7-day retention


@pytest.fixture
def kiosk(gateway: RunningGateway, tmp_path: Path) -> Iterator[Terminal]:  # noqa: F811
    gateway.publish(small_catalog())
    t = terminal(gateway, tmp_path / "kiosk")
    yield t
    t.close()


def _enqueue(
    gw: RunningGateway, t: Terminal, kind: str, payload: Mapping[str, Any], *, days_ago: int
) -> OutboxEvent:
    with t.store.local_change() as conn:
        return enqueue_event(
            kind, payload, conn=conn, now=gw.clock.now() - timedelta(days=days_ago)
        )


def _seqs(t: Terminal) -> dict[int, str]:
    return {row[0]: row[3] for row in outbox(t.store)}


def test_only_confirmed_acknowledged_events_past_retention_are_purged(
    gateway: RunningGateway,  # noqa: F811
    kiosk: Terminal,
) -> None:
    old = [
        _enqueue(gateway, kiosk, "evaluation.submitted", {"level": n}, days_ago=DAYS_AGO)
        for n in (1, 2)
    ]
    rejected = _enqueue(
        gateway,
        kiosk,
        "case.submitted",
        submission("TK01-20260220-9", item_id="no-such-item"),
        days_ago=DAYS_AGO,
    )
    recent = _enqueue(gateway, kiosk, "evaluation.submitted", {"level": 5}, days_ago=1)
    assert kiosk.engine.push().acked == 3
    pending = _enqueue(gateway, kiosk, "evaluation.submitted", {"level": 4}, days_ago=DAYS_AGO)

    report = kiosk.engine.purge_outbox()

    assert report == PurgeReport(purged=2, through_seq=old[-1].seq, unconfirmed=0)
    assert _seqs(kiosk) == {
        rejected.seq: "rejected",  # stays until staff resolve it
        recent.seq: "acked",  # inside the support window
        pending.seq: "pending",  # never sent yet
    }
    assert [a.seq for a in kiosk.engine.status.needs_attention] == [rejected.seq]
    # The per-device sequence carries on after the purge, gapless.
    after = _enqueue(gateway, kiosk, "evaluation.submitted", {"level": 3}, days_ago=0)
    assert after.seq == pending.seq + 1
    assert kiosk.engine.push().acked == 2
    # The long-pending one goes once acknowledged and confirmed; the new one stays.
    assert kiosk.engine.purge_outbox() == PurgeReport(purged=1, through_seq=pending.seq)
    assert kiosk.engine.purge_outbox() == PurgeReport()


def test_events_the_gateway_lost_or_holds_differently_are_kept(
    gateway: RunningGateway,  # noqa: F811
    kiosk: Terminal,
) -> None:
    events = [
        _enqueue(gateway, kiosk, "evaluation.submitted", {"level": n}, days_ago=DAYS_AGO)
        for n in (1, 2, 3, 4)
    ]
    assert kiosk.engine.push().acked == 4
    device = kiosk.device_id
    with gateway.store.db.write() as tx:
        # Restored from a backup that missed the third event; the first is held with
        # other bytes than the terminal sent.
        tx.execute("DELETE FROM inbox WHERE device_id = ? AND seq = ?", (device, events[2].seq))
        tx.execute(
            "UPDATE devices SET contiguous_seq = ? WHERE device_id = ?", (events[1].seq, device)
        )
        tx.execute(
            "UPDATE inbox SET sha256 = ? WHERE device_id = ? AND seq = ?",
            ("0" * 64, device, events[0].seq),
        )

    report = kiosk.engine.purge_outbox()

    # Only the second is confirmed: the first differs, the third never arrived, and
    # the fourth lies beyond the gap (the gateway cannot vouch for every seq up to it).
    assert report == PurgeReport(purged=1, through_seq=events[1].seq, unconfirmed=3)
    assert sorted(_seqs(kiosk)) == [events[0].seq, events[2].seq, events[3].seq]


def test_the_running_engine_purges_after_a_heartbeat(
    gateway: RunningGateway,  # noqa: F811
    kiosk: Terminal,
) -> None:
    config = kiosk.engine.config
    _enqueue(gateway, kiosk, "evaluation.submitted", {"level": 2}, days_ago=DAYS_AGO)
    kiosk.engine.tick()  # push, pull, heartbeat, then the first purge
    assert _seqs(kiosk) == {}

    later = _enqueue(gateway, kiosk, "evaluation.submitted", {"level": 4}, days_ago=DAYS_AGO)
    kiosk.engine.push()
    kiosk.mono.advance(config.heartbeat_interval + 1)
    kiosk.engine.tick()  # a heartbeat, but the next purge is not due yet
    assert _seqs(kiosk) == {later.seq: "acked"}

    kiosk.mono.advance(config.purge_interval)
    kiosk.engine.tick()
    assert _seqs(kiosk) == {}
    assert kiosk.engine.status.pending == 0


def test_a_purge_needs_the_ledger_and_deletes_nothing_without_it(
    gateway: RunningGateway,  # noqa: F811
    tmp_path: Path,
) -> None:
    from core.errors import Offline
    from tests.helpers.terminal_sync import make_transport

    gateway.publish(small_catalog())
    t = terminal(gateway, tmp_path / "kiosk")
    try:
        old = _enqueue(gateway, t, "evaluation.submitted", {"level": 1}, days_ago=DAYS_AGO)
        t.engine.push()
        t.engine.transport.close()
        t.engine.transport = make_transport(gateway, t.client, url="http://127.0.0.1:9")

        with pytest.raises(Offline):
            t.engine.purge_outbox()
        assert _seqs(t) == {old.seq: "acked"}
    finally:
        t.close()
