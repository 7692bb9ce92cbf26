"""A re-enrolled terminal carries on: its sequence continues, nothing is sent twice.

Re-enrolling a slot (a revoked or reinstalled credential) gives the terminal a new
device id while its journal keeps the outbox and its per-device sequence. The new
device's ledger must start where the terminal's unsent events start, or the engine
takes every event the old device already delivered for "lost by the gateway" and
sends it again, for ever.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from sync.engine import SyncEngine, enrol, first_unsent_seq
from sync.transport import Transport
from tests.gateway.events import submission
from tests.helpers.catalog import small_catalog
from tests.helpers.faulty_proxy import FaultyProxy
from tests.helpers.gateway import RunningGateway
from tests.helpers.terminal_sync import (
    FAST,
    FakeMonotonic,
    InstantSleeper,
    Terminal,
    enqueue,
    gateway,  # noqa: F401  (fixture)
    outbox,
    terminal,
)

HALL = "371002001"


def _reenrol(
    gateway: RunningGateway,  # noqa: F811
    old: Terminal,
    data_dir: Path,
) -> tuple[SyncEngine, str]:
    """What staff do with a new enrolment code for the same slot; the store stays."""
    old.engine.close()
    code = gateway.store.create_enrolment_code(hall_id=HALL, slot="K01", valid_seconds=600)
    credential = enrol(
        gateway.url, code.code, data_dir=data_dir, first_seq=first_unsent_seq(old.store)
    )
    assert credential.device_id != old.device_id
    transport = Transport(
        base_url=gateway.url,
        credential=credential,
        clock=lambda: gateway.clock.now().timestamp(),
        connect_timeout=2.0,
        read_timeout=10.0,
    )
    mono = FakeMonotonic()
    engine = SyncEngine(
        store=old.store,
        transport=transport,
        config=FAST,
        monotonic=mono,
        wall=gateway.clock.now,
        rng=random.Random(4),
        sleeper=InstantSleeper(mono),
    )
    return engine, credential.device_id


def _ledger(gw: RunningGateway, device_id: str) -> tuple[int, list[int]]:
    with gw.store.db.read() as tx:
        row = tx.one("SELECT contiguous_seq FROM devices WHERE device_id = ?", (device_id,))
        seqs = [int(r[0]) for r in tx.all(
            "SELECT seq FROM inbox WHERE device_id = ? ORDER BY seq", (device_id,)
        )]
    assert row is not None
    return int(row[0]), seqs


def test_after_re_enrolment_only_new_events_are_sent(
    gateway: RunningGateway,  # noqa: F811
    tmp_path: Path,
) -> None:
    gateway.publish(small_catalog())
    data_dir = tmp_path / "kiosk"
    t = terminal(gateway, data_dir)
    for n in range(3):
        enqueue(t.store, "case.submitted", submission(f"TK01-20260302-{n + 1}"))
    assert t.engine.push().acked == 3

    engine, device_id = _reenrol(gateway, t, data_dir)
    try:
        enqueue(t.store, "case.submitted", submission("TK01-20260302-4"))
        report = engine.push()
        assert (report.sent, report.acked) == (1, 1)  # the three old ones stay delivered
        assert [row[3] for row in outbox(t.store)] == ["acked"] * 4
        assert _ledger(gateway, device_id) == (4, [4])
        assert engine.push().sent == 0
    finally:
        engine.close()
        t.store.close()


def test_an_event_whose_ack_was_lost_before_re_enrolment_counts_for_the_new_device(
    gateway: RunningGateway,  # noqa: F811
    tmp_path: Path,
) -> None:
    from core.errors import Offline

    gateway.publish(small_catalog())
    data_dir = tmp_path / "kiosk"
    with FaultyProxy(gateway.url) as proxy:
        t = terminal(gateway, data_dir, url=proxy.url)
        enqueue(t.store, "case.submitted", submission("TK01-20260302-1"))
        assert t.engine.push().acked == 1
        enqueue(t.store, "case.submitted", submission("TK01-20260302-2"))
        proxy.inject("drop", path="/v1/events:batch")
        with pytest.raises(Offline):
            t.engine.push()  # the gateway applied it; the terminal never heard
    assert [row[3] for row in outbox(t.store)] == ["acked", "pending"]

    engine, device_id = _reenrol(gateway, t, data_dir)
    try:
        enqueue(t.store, "case.submitted", submission("TK01-20260302-3"))
        report = engine.push()
        assert (report.sent, report.acked) == (2, 2)  # seq 2 comes back duplicate
        assert [row[3] for row in outbox(t.store)] == ["acked"] * 3
        assert _ledger(gateway, device_id) == (3, [2, 3])
        assert engine.push().sent == 0
        with gateway.store.db.read() as tx:
            assert len(tx.all("SELECT case_number FROM cases")) == 3  # none applied twice
    finally:
        engine.close()
        t.store.close()
