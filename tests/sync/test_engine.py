"""The sync engine against the real gateway on loopback: pull, push, resets, outages."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.catalog import ItemStatus
from sync.engine import BlobFolder, EngineBusy, EngineConfig, SyncEngine
from sync.protocol import Stream
from sync.schema import STREAMS
from sync.snapshot import cache_digest
from tests.gateway.events import submission
from tests.helpers.catalog import small_catalog
from tests.helpers.faulty_proxy import FaultyProxy
from tests.helpers.gateway import RunningGateway
from tests.helpers.terminal_sync import (
    ENGINES,
    FAST,
    Terminal,
    digests_match,
    enqueue,
    gateway,  # noqa: F401  (fixture)
    gateway_digest,
    outbox,
    terminal,
)

pytestmark = pytest.mark.parametrize("gateway", ENGINES, indirect=True)  # SQLite and PostgreSQL

HALL = "371002001"


@pytest.fixture
def kiosk(gateway: RunningGateway, tmp_path: Path) -> Iterator[Terminal]:  # noqa: F811
    gateway.publish(small_catalog())
    t = terminal(gateway, tmp_path / "kiosk")
    yield t
    t.close()


def _inbox(gw: RunningGateway, device_id: str) -> list[tuple[str, str, str]]:
    with gw.store.db.read() as tx:
        return [
            (r[0], r[1], r[2])
            for r in tx.all(
                "SELECT event_id, sha256, status FROM inbox WHERE device_id = ? ORDER BY seq",
                (device_id,),
            )
        ]


# ------------------------------------------------------------------ pull


def test_first_sync_rebuilds_every_stream_from_snapshots(
    gateway: RunningGateway,  # noqa: F811
    kiosk: Terminal,
) -> None:
    report = kiosk.engine.pull()

    assert set(report.rebuilt) == set(STREAMS)
    assert digests_match(gateway, kiosk.store, HALL, STREAMS) == []
    assert cache_digest(kiosk.store, "items").count == len(small_catalog().items)
    withdrawn = kiosk.store.cached_doc("items", "370000-CR-009")
    assert withdrawn is not None
    assert withdrawn["status"] == ItemStatus.WITHDRAWN
    assert withdrawn["withdrawn_note"]
    assert set(kiosk.engine.status.last_pull) == set(STREAMS)

    # The first download made the gateway build snapshots, which the manifest names.
    assert sum(kiosk.engine.pull().applied.values()) == 0
    assert kiosk.engine.pull().unchanged  # 304: nothing moved


def test_a_publish_reaches_the_terminal_in_one_poll(
    gateway: RunningGateway,  # noqa: F811
    kiosk: Terminal,
) -> None:
    catalog = small_catalog()
    kiosk.engine.pull()
    renamed = catalog.items[0].model_copy(update={"name": "普通护照签发（含换发）"})
    removed = catalog.items[1].id
    gateway.publish(
        catalog.model_copy(update={"version": 2, "items": (renamed, *catalog.items[2:])})
    )

    report = kiosk.engine.pull()

    assert report.rebuilt == ()
    assert report.applied["items"] == 2
    doc = kiosk.store.cached_doc("items", renamed.id)
    assert doc is not None
    assert doc["name"] == "普通护照签发（含换发）"
    assert kiosk.store.cached_doc("items", removed) is None  # a tombstone
    with kiosk.store.cache.read() as conn:
        assert conn.execute("SELECT deleted FROM items WHERE id = ?", (removed,)).fetchone() == (1,)
    assert digests_match(gateway, kiosk.store, HALL, STREAMS) == []


def test_epoch_change_rebuilds_the_stream_and_leaves_unsent_events_alone(
    gateway: RunningGateway,  # noqa: F811
    kiosk: Terminal,
) -> None:
    kiosk.engine.pull()
    enqueue(kiosk.store, "search.miss", {"query": "火星移民"})
    before = outbox(kiosk.store)
    gateway.store.reset_epoch(Stream.ITEMS)

    report = kiosk.engine.pull()

    assert report.rebuilt == ("items",)
    assert outbox(kiosk.store) == before  # still pending, untouched
    assert kiosk.store.sync_state("items").epoch == "2"  # type: ignore[union-attr]
    assert kiosk.engine.status.resets_today == {"items": 1}
    assert digests_match(gateway, kiosk.store, HALL, STREAMS) == []


def test_a_410_on_the_change_feed_rebuilds_from_a_snapshot(
    gateway: RunningGateway,  # noqa: F811
    kiosk: Terminal,
) -> None:
    catalog = small_catalog()
    kiosk.engine.pull()
    gateway.publish(catalog.model_copy(update={"items": catalog.items[:-2]}))
    gateway.clock.advance(days=31)
    assert gateway.store.purge_tombstones() >= 2  # our cursor is now older than retention

    report = kiosk.engine.pull_streams(["items"])

    assert report.rebuilt == ("items",)
    assert cache_digest(kiosk.store, "items").count == len(catalog.items) - 2
    assert digests_match(gateway, kiosk.store, HALL, ["items"]) == []


def test_resets_are_capped_at_three_per_stream_per_day(
    gateway: RunningGateway,  # noqa: F811
    kiosk: Terminal,
) -> None:
    catalog = small_catalog()
    kiosk.engine.pull()
    for n in range(3):
        gateway.store.reset_epoch(Stream.ITEMS)
        gateway.publish(catalog.model_copy(update={"items": catalog.items[n + 1 :]}))
        assert kiosk.engine.pull().rebuilt == ("items",)
    gateway.store.reset_epoch(Stream.ITEMS)

    report = kiosk.engine.pull()

    assert report.rebuilt == ()
    assert "今天已重建 3 次" in kiosk.engine.status.last_error
    assert all(0 <= w <= FAST.reset_jitter for w in kiosk.sleeper.waits)
    assert len(kiosk.sleeper.waits) == 3  # each reset paused a random moment first

    gateway.clock.advance(days=1, minutes=1)
    assert kiosk.engine.pull().rebuilt == ("items",)


def test_a_cache_that_drifted_from_the_gateway_is_rebuilt(
    gateway: RunningGateway,  # noqa: F811
    kiosk: Terminal,
) -> None:
    kiosk.engine.pull()
    with kiosk.store.cache.transaction() as conn:  # a row lost behind the engine's back
        conn.execute("DELETE FROM halls WHERE id = (SELECT MIN(id) FROM halls)")
    gateway.publish(small_catalog().model_copy(update={"version": 3, "items": ()}))
    kiosk.mono.advance(FAST.verify_interval + 1)  # digests are checked now and then

    report = kiosk.engine.pull()

    assert "halls" in report.rebuilt
    assert digests_match(gateway, kiosk.store, HALL, STREAMS) == []


# ------------------------------------------------------------------ push


def test_push_acks_with_the_official_number_and_lists_rejections(
    gateway: RunningGateway,  # noqa: F811
    kiosk: Terminal,
) -> None:
    good = enqueue(kiosk.store, "case.submitted", submission("TK01-20260302-1"))
    bad = enqueue(
        kiosk.store, "case.submitted", submission("TK01-20260302-2", item_id="no-such-item")
    )
    enqueue(kiosk.store, "evaluation.submitted", {"level": 5})

    report = kiosk.engine.push()

    assert (report.sent, report.acked, report.rejected, report.deferred) == (3, 2, 1, 0)
    rows = {r[0]: r for r in outbox(kiosk.store)}
    assert rows[good.seq][3] == "acked"
    assert json.loads(rows[good.seq][4] or "{}")["case_number"]
    assert rows[bad.seq][3] == "rejected"
    status = kiosk.engine.status
    assert status.pending == 0
    assert [(a.seq, a.code) for a in status.needs_attention] == [(bad.seq, "case.unknown_item")]
    assert "事项不在当前发布的事项清单中" in status.needs_attention[0].message


def test_attachments_go_up_before_the_event_that_needs_them(
    gateway: RunningGateway,  # noqa: F811
    kiosk: Terminal,
) -> None:
    blobs = BlobFolder(kiosk.store.data_dir / "blobs")
    name = blobs.put(b"%PDF-1.7 scanned household register")
    event = enqueue(
        kiosk.store, "case.submitted", submission("TK01-20260302-3", attachments=[name])
    )

    assert kiosk.engine.push().acked == 1

    assert gateway.store.get_blob(name) == b"%PDF-1.7 scanned household register"
    assert outbox(kiosk.store)[0][:4] == (event.seq, event.event_id, event.sha256, "acked")


def test_a_missing_attachment_defers_the_event_and_keeps_it_pending(
    gateway: RunningGateway,  # noqa: F811
    kiosk: Terminal,
) -> None:
    enqueue(kiosk.store, "case.submitted", submission("TK01-20260302-4", attachments=["a" * 64]))
    enqueue(kiosk.store, "evaluation.submitted", {"level": 4})

    report = kiosk.engine.push()

    assert report.deferred == 2  # the second waits for the first: order is kept
    assert [r[3] for r in outbox(kiosk.store)] == ["pending", "pending"]
    assert kiosk.engine.push().sent == 0  # not due again yet
    gateway.clock.advance(minutes=10)
    assert kiosk.engine.push().sent == 2


def test_a_lost_acknowledgement_is_resent_and_comes_back_duplicate(
    gateway: RunningGateway,  # noqa: F811
    tmp_path: Path,
) -> None:
    from core.errors import Offline

    gateway.publish(small_catalog())
    with FaultyProxy(gateway.url) as proxy:
        t = terminal(gateway, tmp_path / "k", url=proxy.url)
        try:
            event = enqueue(t.store, "case.submitted", submission("TK01-20260302-5"))
            proxy.inject("drop", path="/v1/events:batch")

            with pytest.raises(Offline):
                t.engine.push()
            assert _inbox(gateway, t.device_id) == [(event.event_id, event.sha256, "applied")]
            assert outbox(t.store)[0][3] == "pending"

            assert t.engine.push().acked == 1
        finally:
            t.close()
    assert _inbox(gateway, t.device_id) == [(event.event_id, event.sha256, "applied")]
    with gateway.store.db.read() as tx:
        cases = tx.all("SELECT case_number FROM cases")
    assert len(cases) == 1
    reopened_result = json.loads(outbox_result(tmp_path / "k"))
    assert reopened_result["case_number"] == cases[0][0]  # the original number, not a new one


def outbox_result(data_dir: Path) -> str:
    from sync.store import open_store

    with open_store(data_dir) as store:
        return outbox(store)[0][4] or ""


def test_a_second_engine_on_the_same_store_is_refused(
    gateway: RunningGateway,  # noqa: F811
    kiosk: Terminal,
) -> None:
    with pytest.raises(EngineBusy):
        SyncEngine(store=kiosk.store, transport=kiosk.transport, config=EngineConfig())


def test_heartbeat_reports_cursors_depth_health_and_learns_the_clock(
    gateway: RunningGateway,  # noqa: F811
    tmp_path: Path,
) -> None:
    gateway.publish(small_catalog())
    t = terminal(gateway, tmp_path / "k", device_health=lambda: {"printer": "缺纸"})
    try:
        t.engine.pull()
        enqueue(t.store, "evaluation.submitted", {"level": 3})

        ack = t.engine.heartbeat()
    finally:
        t.close()

    assert ack.behind["items"] == 0
    (state,) = [s for s in gateway.store.devices() if s.device_id == t.device_id]
    assert state.heartbeat is not None
    assert state.heartbeat["outbox_depth"] == 1
    assert state.heartbeat["health"] == {"printer": "缺纸"}
    assert set(state.heartbeat["cursors"]) == set(STREAMS)
    assert t.engine.status.clock_offset_seconds == 0


def test_a_terminal_clock_far_off_is_corrected_from_the_gateway(
    gateway: RunningGateway,  # noqa: F811
    kiosk: Terminal,
) -> None:
    kiosk.engine.tick()  # first round fine
    kiosk.transport._clock = lambda: gateway.clock.now().timestamp() - 3600  # noqa: SLF001
    kiosk.engine.nudge()
    enqueue(kiosk.store, "evaluation.submitted", {"level": 5})
    kiosk.mono.advance(1)

    kiosk.engine.tick()

    assert kiosk.engine.status.online
    assert kiosk.transport.clock_offset == pytest.approx(3600, abs=2)
    assert outbox(kiosk.store)[0][3] == "acked"


def test_gateway_digests_are_the_hall_scoped_view(
    gateway: RunningGateway,  # noqa: F811
    kiosk: Terminal,
) -> None:
    window = terminal(gateway, kiosk.store.data_dir.parent / "w", slot="W01")
    try:
        enqueue(window.store, "case.submitted", submission("TW01-20260302-1"))
        window.engine.push()
        kiosk.engine.pull()
    finally:
        window.close()
    assert cache_digest(kiosk.store, "case_status").count == 1
    assert gateway_digest(gateway, "case_status", HALL).count == 1


def test_the_hall_directory_reaches_the_terminal_cache(
    gateway: RunningGateway,  # noqa: F811
    kiosk: Terminal,
) -> None:
    from gateway.publishing import publish_directory

    catalog = small_catalog()
    publish_directory(gateway.store, catalog)

    kiosk.engine.pull()

    hall = kiosk.store.cached_doc("directory", f"hall:{catalog.halls[0].id}")
    assert hall is not None
    assert hall["name"] == catalog.halls[0].name
    assert digests_match(gateway, kiosk.store, HALL, ("directory",)) == []
