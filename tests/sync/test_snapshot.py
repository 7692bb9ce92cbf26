"""Snapshot rebuilds: resumable chunk by chunk, verified, swapped in whole, journal untouched."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.errors import Offline
from sync.protocol import SnapshotIndex, StreamDigest
from sync.snapshot import SnapshotBuilder, cache_digest
from sync.transport import BadAnswer, Transport
from tests.helpers.catalog import small_catalog
from tests.helpers.gateway import RunningGateway, wait_until
from tests.helpers.terminal_sync import (
    ENGINES,
    Terminal,
    enqueue,
    gateway,  # noqa: F401  (fixture)
    gateway_digest,
    outbox,
    terminal,
)

pytestmark = pytest.mark.parametrize("gateway", ENGINES, indirect=True)  # SQLite and PostgreSQL

HALL = "371002001"


class FlakySource:
    """The real transport, failing once after ``good`` chunks (an outage mid-download)."""

    def __init__(self, transport: Transport, *, good: int) -> None:
        self._transport = transport
        self._good = good
        self.fetched: list[str] = []

    def snapshot_index(self, stream: str) -> SnapshotIndex:
        return self._transport.snapshot_index(stream)

    def snapshot_chunk(self, url: str, *, expected_sha256: str) -> bytes:
        if len(self.fetched) == self._good:
            self._good = -1
            raise Offline("网络中断")
        self.fetched.append(url)
        return self._transport.snapshot_chunk(url, expected_sha256=expected_sha256)


@pytest.fixture
def kiosk(
    gateway: RunningGateway,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Terminal]:
    monkeypatch.setattr("gateway.store.SNAPSHOT_CHUNK_ROWS", 2)  # 7 items → 4 chunks
    gateway.publish(small_catalog())
    t = terminal(gateway, tmp_path / "kiosk")
    yield t
    t.close()


def _journal_bytes(t: Terminal) -> str:
    digest = hashlib.sha256()
    for suffix in ("", "-wal"):
        path = Path(str(t.store.data_dir / "journal.db") + suffix)
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def test_an_interrupted_download_resumes_at_the_missing_chunk(
    gateway: RunningGateway,  # noqa: F811
    kiosk: Terminal,
) -> None:
    enqueue(kiosk.store, "search.miss", {"query": "无人机备案"})
    journal_before, outbox_before = _journal_bytes(kiosk), outbox(kiosk.store)
    builder = SnapshotBuilder(store=kiosk.store)
    source = FlakySource(kiosk.transport, good=2)

    with pytest.raises(Offline):
        builder.rebuild("items", source)
    assert builder.in_progress("items")
    assert cache_digest(kiosk.store, "items").count == 0  # nothing swapped in yet

    report = builder.rebuild("items", source)
    builder.close()

    assert report is not None
    assert (report.resumed, report.fetched, report.rows) == (2, 2, 7)
    assert len(source.fetched) == 4  # every chunk downloaded exactly once
    assert not SnapshotBuilder(store=kiosk.store).in_progress("items")
    assert cache_digest(kiosk.store, "items") == gateway_digest(gateway, "items", HALL)
    assert kiosk.store.sync_state("items").cursor == report.cursor  # type: ignore[union-attr]
    assert _journal_bytes(kiosk) == journal_before  # the rebuild never touched journal.db
    assert outbox(kiosk.store) == outbox_before


class WrongDigest(FlakySource):
    def snapshot_index(self, stream: str) -> SnapshotIndex:
        index = super().snapshot_index(stream)
        return index.model_copy(update={"digest": StreamDigest(count=7, sum="0" * 16)})


def test_a_snapshot_that_fails_its_digest_is_dropped_and_the_old_cache_kept(
    kiosk: Terminal,
) -> None:
    kiosk.engine.pull()
    before = cache_digest(kiosk.store, "items")
    builder = SnapshotBuilder(store=kiosk.store)
    try:
        with pytest.raises(BadAnswer):
            builder.rebuild("items", WrongDigest(kiosk.transport, good=99))
        assert not builder.in_progress("items")  # the staged rows were dropped
    finally:
        builder.close()
    assert cache_digest(kiosk.store, "items") == before


def test_a_damaged_staging_file_is_started_afresh(kiosk: Terminal) -> None:
    (kiosk.store.data_dir / "snapshot-staging.db").write_bytes(b"not a database at all" * 100)
    builder = SnapshotBuilder(store=kiosk.store)
    try:
        assert builder.rebuild("items", kiosk.transport) is not None
    finally:
        builder.close()


def test_the_running_engine_hears_case_status_through_its_long_poll(
    gateway: RunningGateway,  # noqa: F811
    tmp_path: Path,
) -> None:
    from sync.engine import EngineConfig, SyncEngine
    from tests.helpers.terminal_sync import make_transport

    gateway.publish(small_catalog())
    window = terminal(gateway, tmp_path / "window", slot="W01")
    client = gateway.enrol(slot="K09")
    from sync.store import open_store

    store = open_store(tmp_path / "kiosk", clock=gateway.clock.now)
    engine = SyncEngine(
        store=store,
        transport=make_transport(gateway, client, read_timeout=5),
        config=EngineConfig(probe_interval=3600, long_poll_wait=2, push_debounce=0),
        wall=gateway.clock.now,
    )
    try:
        engine.start()
        wait_until(lambda: gateway.shedder.long_polls >= 1)  # first sync done, polling

        enqueue(
            window.store,
            "case.submitted",
            {"provisional_number": "TW01-1", "item_id": "370000-SB-010"},
        )
        window.engine.push()

        # The probe is an hour away: only the long-poll can bring it this soon.
        wait_until(lambda: cache_digest(store, "case_status").count == 1, timeout=8)
    finally:
        engine.close()
        store.close()
        window.close()
