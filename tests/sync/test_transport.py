"""The transport's error translation, and the engine through outages and bad answers.

A misbehaving proxy (:mod:`tests.helpers.faulty_proxy`) sits between the terminal and
the real gateway on loopback and drops, truncates, corrupts, stalls or refuses.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.errors import Offline
from sync.engine import enrol, load_enrolment
from sync.snapshot import cache_digest
from sync.transport import (
    BadAnswer,
    ClockSkew,
    EnrolmentRefused,
    NotAuthorised,
    ServerError,
    StreamReset,
    TryLater,
)
from tests.helpers.catalog import small_catalog
from tests.helpers.faulty_proxy import FaultyProxy
from tests.helpers.gateway import RunningGateway, free_port
from tests.helpers.terminal_sync import (
    ENGINES,
    Terminal,
    enqueue,
    gateway,  # noqa: F401  (fixture)
    make_transport,
    outbox,
    terminal,
)

pytestmark = pytest.mark.parametrize("gateway", ENGINES, indirect=True)  # SQLite and PostgreSQL


@pytest.fixture
def proxy(gateway: RunningGateway) -> Iterator[FaultyProxy]:  # noqa: F811
    gateway.publish(small_catalog())
    with FaultyProxy(gateway.url) as running:
        yield running


@pytest.fixture
def kiosk(gateway: RunningGateway, proxy: FaultyProxy, tmp_path: Path) -> Iterator[Terminal]:  # noqa: F811
    t = terminal(gateway, tmp_path / "kiosk", url=proxy.url, read_timeout=0.5)
    yield t
    proxy.release()
    t.close()


# ------------------------------------------------------------------ translation


def test_nobody_listening_is_offline(gateway: RunningGateway) -> None:  # noqa: F811
    client = gateway.enrol()
    transport = make_transport(gateway, client, url=f"http://127.0.0.1:{free_port()}")
    with pytest.raises(Offline):
        transport.manifest()


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        ("status500", ServerError),
        ("busy", TryLater),
        ("garbage", BadAnswer),
        ("truncate", BadAnswer),
        ("drop", Offline),
        ("refuse", Offline),
        ("stall", Offline),  # beyond the read timeout
    ],
)
def test_each_fault_becomes_its_typed_error(
    kiosk: Terminal, proxy: FaultyProxy, fault: str, error: type[Exception]
) -> None:
    proxy.inject(fault, path="/v1/sync/manifest")
    with pytest.raises(error) as caught:
        kiosk.transport.manifest()
    if isinstance(caught.value, TryLater):
        assert caught.value.retry_after == 7
    proxy.release()
    assert kiosk.transport.manifest().manifest is not None  # and the next call is fine


def test_a_truncated_or_corrupt_snapshot_chunk_is_a_bad_answer(
    kiosk: Terminal, proxy: FaultyProxy
) -> None:
    index = kiosk.transport.snapshot_index("items")
    chunk = index.chunks[0]
    for fault in ("truncate", "garbage"):
        proxy.inject(fault, path="/snapshot/0")
        with pytest.raises(BadAnswer):
            kiosk.transport.snapshot_chunk(chunk.url, expected_sha256=chunk.sha256)
    data = kiosk.transport.snapshot_chunk(chunk.url, expected_sha256=chunk.sha256)
    assert len(data) == chunk.bytes


def test_revoked_device_is_not_authorised(gateway: RunningGateway, kiosk: Terminal) -> None:  # noqa: F811
    gateway.store.revoke(kiosk.device_id)
    with pytest.raises(NotAuthorised) as caught:
        kiosk.transport.manifest()
    assert caught.value.code == "auth.revoked"
    assert "停用" in caught.value.message


def test_a_clock_far_off_is_reported_with_the_gateway_time(
    gateway: RunningGateway,  # noqa: F811
    kiosk: Terminal,
) -> None:
    kiosk.transport.clock_offset = -3600
    with pytest.raises(ClockSkew) as caught:
        kiosk.transport.manifest()
    assert caught.value.server_time == gateway.clock.now().timestamp()


def test_410_is_a_stream_reset(gateway: RunningGateway, kiosk: Terminal) -> None:  # noqa: F811
    with pytest.raises(StreamReset) as caught:
        kiosk.transport.changes("items", "bm90LWEtY3Vyc29y")
    assert caught.value.stream == "items"


# ------------------------------------------------------------------ the engine through faults


def _cached_items(t: Terminal) -> int:
    return cache_digest(t.store, "items").count


@pytest.mark.parametrize("fault", ["status500", "garbage", "truncate", "stall", "drop"])
def test_a_bad_answer_mid_pull_applies_nothing_and_the_next_round_recovers(
    gateway: RunningGateway,  # noqa: F811
    kiosk: Terminal,
    proxy: FaultyProxy,
    fault: str,
) -> None:
    catalog = small_catalog()
    kiosk.engine.tick()
    assert kiosk.engine.status.online
    before = kiosk.store.sync_state("items")
    gateway.publish(catalog.model_copy(update={"version": 2, "items": catalog.items[1:]}))
    proxy.inject(fault, path="/v1/streams/items/changes")
    kiosk.mono.advance(120)  # the next manifest probe is due

    kiosk.engine.tick()

    status = kiosk.engine.status
    assert not status.online
    assert status.offline_since == gateway.clock.now()
    assert status.last_error
    assert kiosk.store.sync_state("items") == before  # nothing half-applied
    assert _cached_items(kiosk) == len(catalog.items)
    wait = kiosk.engine.backoff_remaining()
    assert 0 <= wait <= 2.0  # first failure: full jitter below the 2 s base
    proxy.release()

    kiosk.mono.advance(wait)
    kiosk.engine.tick()

    assert kiosk.engine.status.online
    assert kiosk.engine.status.offline_since is None
    assert _cached_items(kiosk) == len(catalog.items) - 1


def test_gateway_down_backs_off_exponentially_then_recovers(
    gateway: RunningGateway,  # noqa: F811
    kiosk: Terminal,
    proxy: FaultyProxy,
) -> None:
    enqueue(kiosk.store, "evaluation.submitted", {"level": 5})
    proxy.down = True
    ceilings = []
    for _ in range(12):
        kiosk.engine.tick()
        wait = kiosk.engine.backoff_remaining()
        ceilings.append(wait)
        kiosk.mono.advance(wait)
    assert not kiosk.engine.status.online
    assert max(ceilings) <= 300  # capped at 5 minutes
    assert max(ceilings[6:]) > 2 * 2  # and it grew beyond the base
    assert outbox(kiosk.store)[0][3] == "pending"

    proxy.down = False
    kiosk.engine.tick()

    assert kiosk.engine.status.online
    assert outbox(kiosk.store)[0][3] == "acked"


def test_load_shedding_retry_after_is_honoured(kiosk: Terminal, proxy: FaultyProxy) -> None:
    proxy.inject("busy", path="/v1/sync/manifest")
    kiosk.engine.tick()
    assert kiosk.engine.backoff_remaining() >= 7


def test_a_garbage_push_answer_is_not_applied_and_the_resend_is_a_duplicate(
    gateway: RunningGateway,  # noqa: F811
    kiosk: Terminal,
    proxy: FaultyProxy,
) -> None:
    event = enqueue(kiosk.store, "evaluation.submitted", {"level": 1, "comment": "等太久"})
    proxy.inject("garbage", path="/v1/events:batch")
    kiosk.engine.tick()
    assert outbox(kiosk.store)[0][3] == "pending"

    kiosk.mono.advance(kiosk.engine.backoff_remaining())
    kiosk.engine.nudge()
    kiosk.mono.advance(1)
    kiosk.engine.tick()

    assert outbox(kiosk.store)[0][3] == "acked"
    with gateway.store.db.read() as tx:
        rows = tx.all("SELECT event_id FROM evaluations")
    assert rows == [(event.event_id,)]


def test_a_revoked_terminal_stops_syncing_and_tells_staff(
    gateway: RunningGateway,  # noqa: F811
    kiosk: Terminal,
) -> None:
    enqueue(kiosk.store, "evaluation.submitted", {"level": 5})
    gateway.store.revoke(kiosk.device_id)

    delay = kiosk.engine.tick()

    status = kiosk.engine.status
    assert delay == float("inf")
    assert not status.authorised
    assert "停用" in status.last_error
    assert outbox(kiosk.store)[0][3] == "pending"  # kept for after re-enrolment


def test_nudges_are_debounced_into_one_push(kiosk: Terminal, proxy: FaultyProxy) -> None:
    kiosk.engine.tick()
    for n in range(5):
        enqueue(kiosk.store, "search.miss", {"query": f"查不到{n}"})
        kiosk.engine.nudge()
    kiosk.engine.tick()
    assert all(r[3] == "pending" for r in outbox(kiosk.store))  # still within the debounce

    kiosk.mono.advance(0.5)
    kiosk.engine.tick()

    assert all(r[3] == "acked" for r in outbox(kiosk.store))
    assert [p for m, p, _ in proxy.seen if m == "POST"].count("/v1/events:batch") == 1


# ------------------------------------------------------------------ enrolment


def test_enrolment_keeps_the_credential_private_and_never_logs_the_secret(
    gateway: RunningGateway,  # noqa: F811
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    code = gateway.store.create_enrolment_code(hall_id="371002001", slot="K07", valid_seconds=60)
    caplog.set_level(logging.DEBUG)

    credential = enrol(gateway.url, code.code.lower(), data_dir=tmp_path, terminal_name="K07")

    path = tmp_path / "device.json"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert load_enrolment(tmp_path).credential == credential
    assert load_enrolment(tmp_path).gateway_url == gateway.url
    assert credential.secret not in caplog.text
    with pytest.raises(EnrolmentRefused) as used:
        enrol(gateway.url, code.code, data_dir=tmp_path / "again")
    assert used.value.code == "enrol.used"
    with pytest.raises(EnrolmentRefused):
        enrol(gateway.url, "!", data_dir=tmp_path / "bad")
    with pytest.raises(Offline):
        enrol(f"http://127.0.0.1:{free_port()}", "ABCD-EFGH-JKLM", data_dir=tmp_path / "off")
