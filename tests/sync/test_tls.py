"""TLS to the gateway is verified, and a hall's own CA is trusted through ``ca_bundle``.

The real gateway serves HTTPS on loopback with a certificate from a private CA
(:mod:`tests.helpers.tls`), which no system trust store knows, exactly like a hall's
前置机 with a certificate from the province's CA. A terminal given that CA as
``[gateway] ca_bundle`` enrols, pulls and pushes; one without it, or facing a
certificate issued for another host, is refused with a message telling staff what to
fix, and nothing is written or lost.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import certifi
import pytest
import requests

from core.clock import SystemClock
from core.errors import Offline
from gateway.db import SqliteDatabase
from gateway.publishing import publish_catalog
from gateway.store import GatewayStore
from govterm.settings import GatewaySettings
from govterm.sync_setup import TerminalSync, first_sync_done
from sync.engine import (
    CREDENTIAL_FILE,
    EngineConfig,
    NotEnrolled,
    engine_for,
    enrol,
    load_enrolment,
)
from sync.help_client import EnrolledDeskTransport, HelpClient
from sync.protocol import DeviceCredential
from sync.queue_client import HttpQueueTransport, QueueClient
from sync.queue_protocol import AreaSettings, AreaSettingsList
from sync.schema import STREAMS
from sync.signed_http import GatewayUntrusted
from sync.snapshot import cache_digest
from sync.store import Store, open_store
from sync.transport import GatewayNotTrusted, TlsFailure, Transport, request_enrolment
from tests.helpers.catalog import small_catalog
from tests.helpers.gateway import RunningGateway, free_port, wait_until
from tests.helpers.terminal_sync import digests_match, enqueue, outbox
from tests.helpers.tls import PrivateCA, ServerCertificate, running_tls_gateway

HALL = "371002001"
NO_PULLS = EngineConfig(long_poll_wait=0)  # no watcher threads: the test drives the engine


@pytest.fixture
def ca(tmp_path: Path) -> PrivateCA:
    return PrivateCA.create(tmp_path / "ca")


@pytest.fixture
def tls_gateway(tmp_path: Path, ca: PrivateCA) -> Iterator[RunningGateway]:
    """The gateway over HTTPS with a certificate for 127.0.0.1 from the private CA."""
    server = ca.issue(tmp_path / "server")
    with running_tls_gateway(tmp_path / "gateway.db", server=server) as running:
        running.publish(small_catalog())
        yield running


@pytest.fixture
def kiosk_store(tmp_path: Path) -> Iterator[Store]:
    store = open_store(tmp_path / "kiosk")
    yield store
    store.close()


def new_code(gateway: RunningGateway, slot: str = "K01") -> str:
    return gateway.store.create_enrolment_code(hall_id=HALL, slot=slot, valid_seconds=600).code


def enrolled(gateway: RunningGateway, store: Store, ca: PrivateCA) -> DeviceCredential:
    """Enrol ``store``'s terminal over HTTPS, trusting ``ca``."""
    return enrol(gateway.url, new_code(gateway), data_dir=store.data_dir, ca_bundle=ca.cert_file)


def cached_streams(store: Store) -> dict[str, str]:
    """Each stream's cache digest and cursor state, to show nothing was written."""
    return {s: f"{cache_digest(store, s)}|{store.sync_state(s)}" for s in STREAMS}


# ------------------------------------------------------------------ trusted


def test_a_terminal_given_the_halls_ca_enrols_and_syncs_over_https(
    tls_gateway: RunningGateway, ca: PrivateCA, kiosk_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Many Linux images set this; it must not replace the configured CA bundle.
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", certifi.where())
    assert tls_gateway.url.startswith("https://")
    credential = enrolled(tls_gateway, kiosk_store, ca)
    assert credential.hall_id == HALL
    assert load_enrolment(kiosk_store.data_dir).gateway_url == tls_gateway.url
    enqueue(kiosk_store, "search.miss", {"query": "火星移民"})

    with engine_for(kiosk_store, ca_bundle=ca.cert_file, config=NO_PULLS) as engine:
        pulled = engine.pull()
        pushed = engine.push()

    assert "items" in pulled.rebuilt  # a first sync builds the cache from a snapshot
    assert cache_digest(kiosk_store, "items").count == len(small_catalog().items)
    assert digests_match(tls_gateway, kiosk_store, HALL, STREAMS) == []
    assert pushed.acked == 1
    assert [row[3] for row in outbox(kiosk_store)] == ["acked"]


# ------------------------------------------------------------------ not trusted


def test_without_the_ca_bundle_enrolment_is_refused_and_says_to_configure_it(
    tls_gateway: RunningGateway, kiosk_store: Store
) -> None:
    with pytest.raises(GatewayNotTrusted) as refused:
        enrol(tls_gateway.url, new_code(tls_gateway), data_dir=kiosk_store.data_dir)
    error = refused.value
    assert not isinstance(error, Offline)  # not "the network is down"
    assert error.reason is TlsFailure.UNTRUSTED
    assert "不受信任" in error.message
    assert "[gateway] ca_bundle" in error.message
    assert not (kiosk_store.data_dir / CREDENTIAL_FILE).exists()
    with pytest.raises(NotEnrolled):
        load_enrolment(kiosk_store.data_dir)


def test_without_the_ca_bundle_sync_stops_with_the_reason_and_loses_nothing(
    tls_gateway: RunningGateway, ca: PrivateCA, kiosk_store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    enrolled(tls_gateway, kiosk_store, ca)
    enqueue(kiosk_store, "search.miss", {"query": "火星移民"})
    before_outbox = outbox(kiosk_store)
    before_cache = cached_streams(kiosk_store)

    with engine_for(kiosk_store, config=NO_PULLS) as engine:  # system trust only
        with pytest.raises(GatewayNotTrusted) as refused:
            engine.pull()
        assert refused.value.reason is TlsFailure.UNTRUSTED
        with pytest.raises(GatewayNotTrusted):
            engine.push()
        caplog.clear()
        with caplog.at_level(logging.INFO):
            engine.tick()  # what the engine thread does: back off, tell staff
        status = engine.status

    assert not status.online
    assert status.authorised  # the credential is fine; only TLS failed
    assert "[gateway] ca_bundle" in status.last_error
    assert "不受信任" in status.last_error
    assert not any(r.exc_info for r in caplog.records)  # no traceback anywhere
    assert outbox(kiosk_store) == before_outbox
    assert cached_streams(kiosk_store) == before_cache


def test_a_certificate_for_another_host_is_refused_even_with_the_ca_bundle(
    tmp_path: Path, ca: PrivateCA, kiosk_store: Store
) -> None:
    elsewhere = ca.issue(tmp_path / "elsewhere", names=("gateway.example",))
    with running_tls_gateway(tmp_path / "gw.db", server=elsewhere) as gateway:
        gateway.publish(small_catalog())
        with pytest.raises(GatewayNotTrusted) as refused:
            enrolled(gateway, kiosk_store, ca)
        assert refused.value.reason is TlsFailure.WRONG_HOST
        assert "127.0.0.1" in refused.value.message
        assert "[gateway] url" in refused.value.message
        assert not (kiosk_store.data_dir / CREDENTIAL_FILE).exists()

        # A terminal enrolled before the certificate was replaced is refused too,
        # before its signed request leaves it.
        credential = gateway.store.enrol(code=new_code(gateway), terminal_name="", app_version="")
        transport = Transport(base_url=gateway.url, credential=credential, ca_bundle=ca.cert_file)
        try:
            with pytest.raises(GatewayNotTrusted) as again:
                transport.manifest()
        finally:
            transport.close()
        assert again.value.reason is TlsFailure.WRONG_HOST


def test_an_expired_certificate_is_refused_and_the_clock_named(
    tmp_path: Path, ca: PrivateCA, kiosk_store: Store
) -> None:
    last_year = dt.datetime.now(dt.UTC) - dt.timedelta(days=365)
    expired = ca.issue(
        tmp_path / "expired",
        valid_from=last_year,
        valid_until=last_year + dt.timedelta(days=30),
    )
    with (
        running_tls_gateway(tmp_path / "gw.db", server=expired) as gateway,
        pytest.raises(GatewayNotTrusted) as refused,
    ):
        enrolled(gateway, kiosk_store, ca)
    assert refused.value.reason is TlsFailure.EXPIRED
    assert "过期" in refused.value.message
    assert "本机日期时间" in refused.value.message
    assert not (kiosk_store.data_dir / CREDENTIAL_FILE).exists()


def test_a_ca_that_did_not_sign_the_certificate_is_refused(
    tls_gateway: RunningGateway, tmp_path: Path, kiosk_store: Store
) -> None:
    stranger = PrivateCA.create(tmp_path / "other-ca", name="另一个 CA")
    with pytest.raises(GatewayNotTrusted) as refused:
        enrol(
            tls_gateway.url,
            new_code(tls_gateway),
            data_dir=kiosk_store.data_dir,
            ca_bundle=stranger.cert_file,
        )
    assert refused.value.reason is TlsFailure.UNTRUSTED
    assert str(stranger.cert_file) in refused.value.message


@pytest.mark.parametrize("bundle", ["missing", "garbage"])
def test_a_missing_or_unreadable_ca_bundle_is_named_to_staff(
    tls_gateway: RunningGateway, tmp_path: Path, kiosk_store: Store, bundle: str
) -> None:
    path = tmp_path / "ca-bundle.pem"
    if bundle == "garbage":
        path.write_text("这不是证书\n", encoding="utf-8")
    with pytest.raises(GatewayNotTrusted) as refused:
        enrol(tls_gateway.url, new_code(tls_gateway), data_dir=kiosk_store.data_dir, ca_bundle=path)
    assert refused.value.reason is TlsFailure.CA_BUNDLE
    assert "[gateway] ca_bundle" in refused.value.message
    assert str(path) in refused.value.message
    assert not (kiosk_store.data_dir / CREDENTIAL_FILE).exists()


# ------------------------------------------------------------------ signed links


def test_the_signed_queue_and_help_links_trust_the_same_ca_bundle(
    tls_gateway: RunningGateway, ca: PrivateCA, kiosk_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Many Linux images set this; requests would prefer it to the session's CA bundle.
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", certifi.where())
    credential = enrolled(tls_gateway, kiosk_store, ca)
    bundle = str(ca.cert_file)
    areas = AreaSettingsList(areas=[AreaSettings(prefix="A", name="综合受理区")])
    r = requests.put(
        f"{tls_gateway.url}/v1/admin/queue/halls/{HALL}/areas",
        data=areas.model_dump_json(),
        headers={"Authorization": f"Bearer {tls_gateway.admin_token}"},
        timeout=10,
        verify=bundle,
    )
    assert r.status_code == 200, r.text

    queue_link = HttpQueueTransport(base_url=tls_gateway.url, credential=credential, verify=bundle)
    desk_link = EnrolledDeskTransport(data_dir=kiosk_store.data_dir, verify=bundle)
    try:
        ticket = QueueClient(transport=queue_link, clock=tls_gateway.clock).issue("A")
        called = HelpClient(transport=desk_link).request_help(topic="general")
    finally:
        queue_link.close()
        desk_link.close()
    assert (ticket.number, ticket.online) == ("A001", True)
    assert called.help_id


def test_the_signed_links_without_the_ca_bundle_say_so_and_count_as_offline(
    tls_gateway: RunningGateway, ca: PrivateCA, kiosk_store: Store
) -> None:
    credential = enrolled(tls_gateway, kiosk_store, ca)
    queue_link = HttpQueueTransport(base_url=tls_gateway.url, credential=credential)
    desk_link = EnrolledDeskTransport(data_dir=kiosk_store.data_dir)
    try:
        with pytest.raises(GatewayUntrusted) as queue_refused:
            QueueClient(transport=queue_link, clock=tls_gateway.clock).waiting_counts()
        with pytest.raises(GatewayUntrusted) as help_refused:
            HelpClient(transport=desk_link).request_help(topic="general")
    finally:
        queue_link.close()
        desk_link.close()
    for refused in (queue_refused.value, help_refused.value):
        # Screens that say "not connected" for Offline keep working, with staff's reason.
        assert isinstance(refused, Offline)
        assert isinstance(refused, GatewayNotTrusted)
        assert refused.reason is TlsFailure.UNTRUSTED
        assert "[gateway] ca_bundle" in str(refused)


# ------------------------------------------------------------------ the serve command


@contextlib.contextmanager
def served_by_the_cli(db: Path, server: ServerCertificate, log: Path) -> Iterator[str]:
    """``python -m gateway serve --ssl-certfile … --ssl-keyfile …`` on a free port."""
    port = free_port()
    command = [
        sys.executable, "-m", "gateway", "serve", "--db", f"sqlite:///{db}",
        "--host", "127.0.0.1", "--port", str(port),
        "--ssl-certfile", str(server.cert_file), "--ssl-keyfile", str(server.key_file),
    ]  # fmt: skip
    with log.open("wb") as out:
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            command, cwd=Path(__file__).parents[2], stdout=out, stderr=out
        )
    try:
        wait_until(lambda: _listening(port) or process.poll() is not None, timeout=30)
        assert process.poll() is None, log.read_text(encoding="utf-8", errors="replace")
        yield f"https://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def _listening(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        return True
    return False


def test_the_gateway_serve_command_serves_tls_that_terminals_verify(
    tmp_path: Path, ca: PrivateCA, kiosk_store: Store
) -> None:
    db = tmp_path / "gateway.db"
    store = GatewayStore(db=SqliteDatabase(db), clock=SystemClock())
    try:
        publish_catalog(store, small_catalog())
        code = store.create_enrolment_code(hall_id=HALL, slot="K01", valid_seconds=600).code
        other = store.create_enrolment_code(hall_id=HALL, slot="K02", valid_seconds=600).code
    finally:
        store.db.close()

    with served_by_the_cli(db, ca.issue(tmp_path / "server"), tmp_path / "serve.log") as url:
        with pytest.raises(GatewayNotTrusted):
            request_enrolment(url, other)  # system trust only
        enrol(url, code, data_dir=kiosk_store.data_dir, ca_bundle=ca.cert_file)
        with engine_for(kiosk_store, ca_bundle=ca.cert_file, config=NO_PULLS) as engine:
            engine.pull()
    assert cache_digest(kiosk_store, "items").count == len(small_catalog().items)


# ------------------------------------------------------------------ settings to sync


def test_the_terminal_started_from_its_settings_trusts_the_configured_ca(
    tls_gateway: RunningGateway, ca: PrivateCA, tmp_path: Path
) -> None:
    settings = GatewaySettings(
        url=tls_gateway.url, ca_bundle=ca.cert_file, enrolment_code=new_code(tls_gateway)
    )
    with open_store(tmp_path / "kiosk") as store:
        sync = TerminalSync(store=store, gateway=settings, hall_id=HALL, config=NO_PULLS)
        sync.start()
        try:
            wait_until(lambda: first_sync_done(sync.status), timeout=30)
        finally:
            sync.close()
        assert cache_digest(store, "items").count == len(small_catalog().items)


def test_the_terminal_started_without_a_ca_bundle_tells_staff_and_keeps_trying(
    tls_gateway: RunningGateway, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = GatewaySettings(url=tls_gateway.url, enrolment_code=new_code(tls_gateway))
    with open_store(tmp_path / "kiosk") as store, caplog.at_level(logging.INFO):
        sync = TerminalSync(store=store, gateway=settings, hall_id=HALL, config=NO_PULLS)
        sync.start()
        try:
            wait_until(lambda: "[gateway] ca_bundle" in sync.status.last_error)
            status = sync.status
            assert sync.engine is None  # still waiting to enrol, not given up
        finally:
            sync.close()
    assert not status.online
    assert "不受信任" in status.last_error
    assert not (tmp_path / "kiosk" / CREDENTIAL_FILE).exists()
    assert tls_gateway.store.devices() == []
    assert not any(r.exc_info for r in caplog.records)
