"""A terminal's link to a real gateway on loopback: enrolment once, sync, revocation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.clock import HALL_TZ
from gateway.publishing import publish_catalog, publish_directory
from govterm.settings import GatewaySettings
from govterm.sync_setup import (
    NO_GATEWAY,
    TerminalSync,
    catalog_fingerprint,
    first_sync_done,
    used_codes,
)
from sync.catalog_files import load_catalog
from sync.engine import EngineConfig, load_enrolment
from sync.store import Store, open_store
from tests.helpers.clock import FakeClock
from tests.helpers.gateway import RunningGateway, running_gateway, wait_until

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
HALL = "wh-zwzx"
FAST = EngineConfig(long_poll_wait=0, reset_jitter=0.0)


@pytest.fixture(scope="module")
def demo_catalog():  # type: ignore[no-untyped-def]
    return load_catalog(RESOURCES / "catalog")


@pytest.fixture
def gateway(tmp_path: Path, demo_catalog) -> Iterator[RunningGateway]:  # type: ignore[no-untyped-def]
    # The gateway's clock starts at the real time: the terminal signs with time.time().
    with running_gateway(tmp_path / "gateway.db", clock=FakeClock(dt.datetime.now(HALL_TZ))) as gw:
        publish_catalog(gw.store, demo_catalog)
        publish_directory(gw.store, demo_catalog)
        yield gw


def _code(gateway: RunningGateway, slot: str = "K01") -> str:
    return gateway.store.create_enrolment_code(hall_id=HALL, slot=slot, valid_seconds=600).code


def _settings(gateway: RunningGateway, code: str = "") -> GatewaySettings:
    return GatewaySettings(url=gateway.url, enrolment_code=code, timeout_s=10.0)


def _run(store: Store, settings: GatewaySettings) -> TerminalSync:
    sync = TerminalSync(
        store=store, gateway=settings, terminal_name="测试终端", hall_id=HALL, config=FAST
    )
    sync.start()
    return sync


def _active_devices(gateway: RunningGateway) -> list[str]:
    return [d.device_id for d in gateway.store.devices() if not d.revoked]


def test_first_start_enrols_and_pulls_the_catalog_second_start_reuses_the_credential(
    gateway: RunningGateway,
    tmp_path: Path,
    demo_catalog,  # type: ignore[no-untyped-def]
) -> None:
    settings = _settings(gateway, _code(gateway))
    data = tmp_path / "kiosk"
    with open_store(data) as store:
        before = catalog_fingerprint(store)
        sync = _run(store, settings)
        try:
            wait_until(lambda: first_sync_done(sync.status), timeout=30)
            assert len(store.cached_docs("items")) == len(demo_catalog.items)
            assert len(store.cached_docs("halls")) == len(demo_catalog.halls)
            assert catalog_fingerprint(store) != before
        finally:
            sync.close()
    device = load_enrolment(data).credential.device_id
    assert _active_devices(gateway) == [device]
    # the enrolment was audited and the audit entry reached the gateway
    with gateway.store.db.read() as tx:
        kinds = tx.all("SELECT kind, status FROM inbox WHERE device_id = ?", (device,))
    assert ("audit.entry", "applied") in [(k, s) for k, s in kinds]
    assert len(used_codes(data)) == 1
    assert settings.enrolment_code not in (data / "enrolment-codes.sha256").read_text()

    # second start, same settings (the code is still configured): no new enrolment
    with open_store(data) as store:
        sync = _run(store, settings)
        try:
            wait_until(lambda: first_sync_done(sync.status), timeout=30)
        finally:
            sync.close()
    assert load_enrolment(data).credential.device_id == device
    assert _active_devices(gateway) == [device]
    assert len(gateway.store.devices()) == 1


def test_a_revoked_terminal_says_so_and_stops(gateway: RunningGateway, tmp_path: Path) -> None:
    settings = _settings(gateway, _code(gateway))
    data = tmp_path / "kiosk"
    with open_store(data) as store:
        sync = _run(store, settings)
        try:
            wait_until(lambda: first_sync_done(sync.status), timeout=30)
        finally:
            sync.close()
    device = load_enrolment(data).credential.device_id
    assert gateway.store.revoke(device)

    with open_store(data) as store:
        sync = _run(store, settings)
        try:
            wait_until(lambda: not sync.status.authorised, timeout=30)
            assert "终端已被停用，请联系管理员" in sync.status.last_error
            assert not sync.status.online
        finally:
            sync.close()

    # staff issue a new code: the terminal enrols again and its engine runs
    renewed = _settings(gateway, _code(gateway))
    with open_store(data) as store:
        sync = _run(store, renewed)
        try:
            assert sync.wait_connected(timeout=30)
            wait_until(lambda: "items" in sync.status.last_pull, timeout=30)
            assert sync.status.authorised
        finally:
            sync.close()
    assert load_enrolment(data).credential.device_id != device
    assert len(used_codes(data)) == 2


def test_a_refused_code_is_shown_and_nothing_is_kept(
    gateway: RunningGateway, tmp_path: Path
) -> None:
    code = _code(gateway)
    gateway.enrol(hall_id=HALL, slot="K09")  # unrelated terminal
    with open_store(tmp_path / "first") as store:
        sync = _run(store, _settings(gateway, code))
        wait_until(lambda: sync.engine is not None, timeout=30)
        sync.close()
    with open_store(tmp_path / "second") as store:
        sync = _run(store, _settings(gateway, code))  # the same one-time code again
        try:
            wait_until(lambda: not sync.status.authorised, timeout=30)
            assert "注册码已被使用" in sync.status.last_error
            assert sync.engine is None
        finally:
            sync.close()
    assert not (tmp_path / "second" / "device.json").exists()


def test_without_a_code_an_unenrolled_terminal_asks_for_enrolment(
    gateway: RunningGateway, tmp_path: Path
) -> None:
    with open_store(tmp_path / "t") as store:
        sync = _run(store, _settings(gateway))
        try:
            wait_until(lambda: not sync.status.authorised, timeout=30)
            assert "尚未注册" in sync.status.last_error
        finally:
            sync.close()


def test_without_a_gateway_the_terminal_runs_from_its_cache(tmp_path: Path, demo_catalog) -> None:  # type: ignore[no-untyped-def]
    from sync.catalog_cache import import_catalog

    with open_store(tmp_path / "t") as store:
        import_catalog(store, demo_catalog)
        sync = TerminalSync(store=store, gateway=GatewaySettings(), hall_id=HALL)
        sync.start()
        try:
            assert sync.engine is None
            assert not sync.status.online
            assert sync.status.last_error == NO_GATEWAY
        finally:
            sync.close()


def test_an_unreachable_gateway_is_retried_while_the_status_says_offline(tmp_path: Path) -> None:
    from tests.helpers.gateway import free_port

    settings = GatewaySettings(url=f"http://127.0.0.1:{free_port()}", enrolment_code="ABCD-EFGH")
    with open_store(tmp_path / "t") as store:
        sync = _run(store, settings)
        try:
            wait_until(lambda: sync.status.offline_since is not None, timeout=30)
            assert sync.status.authorised
            # "offline since" is read by people in the hall: Beijing time
            since = sync.status.offline_since
            assert since is not None
            assert since.utcoffset() == dt.timedelta(hours=8)
            assert sync.engine is None
        finally:
            sync.close()
    assert used_codes(tmp_path / "t") == frozenset()
