"""Terminal side of 居民码/企业码: offline checks with synced keys, and online resolution."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.errors import Offline
from core.identity_code import (
    ExpiredCode,
    ForgedCode,
    MalformedCode,
    ReplayedCode,
    SubjectKind,
    UnknownKey,
    parse,
)
from sync.catalog_files import load_demo_holders
from sync.identity import OfflineVerifier, OnlineOnly, resolve_online
from sync.store import ChangeRow, Store, open_store
from tests.helpers.gateway import GatewayClient, RunningGateway, running_gateway

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"


@pytest.fixture
def gateway(tmp_path: Path) -> Iterator[RunningGateway]:
    with running_gateway(tmp_path / "gateway.db") as running:
        running.services.identity.publish_holders(*load_demo_holders(DEMO))
        yield running


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "terminal") as opened:
        yield opened


def _pull(client: GatewayClient, store: Store, stream: str) -> None:
    """Pull a stream into the store page by page, as the sync engine does."""
    state = store.sync_state(stream)
    cursor = state.cursor if state else ""
    while True:
        page = client.get(f"/v1/streams/{stream}/changes", params={"cursor": cursor or ""}).json()
        rows = [ChangeRow(i["op"], i["id"], i["version"], i["doc"]) for i in page["items"]]
        store.apply_page(stream, rows, page["next_cursor"])
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return


def _issue(gateway: RunningGateway, holder: str = "1", **kw: object) -> str:
    code, _ = gateway.services.identity.issue("citizen", holder, **kw)  # type: ignore[arg-type]
    return code.encode()


def _uses(store: Store) -> int:
    with store.journal.read() as conn:
        return int(conn.execute("SELECT COUNT(*) FROM identity_code_uses").fetchone()[0])


def test_a_code_is_accepted_offline_once(gateway: RunningGateway, store: Store) -> None:
    client = gateway.enrol()
    text = _issue(gateway)
    _pull(client, store, "keys")
    verifier = OfflineVerifier(store=store, clock=gateway.clock.now)

    verified = verifier.verify(text)
    with pytest.raises(ReplayedCode):
        verifier.verify(text)

    assert verified.kind is SubjectKind.CITIZEN
    assert verified.subject_ref == gateway.services.identity.holders("citizen")[0].ref
    assert verified.code_id == f"{parse(text).key_id_text}:{parse(text).nonce_text}"
    assert _uses(store) == 1


def test_refusals_change_nothing(gateway: RunningGateway, store: Store) -> None:
    client = gateway.enrol()
    verifier = OfflineVerifier(store=store, clock=gateway.clock.now)
    early = _issue(gateway)
    with pytest.raises(UnknownKey):  # keys not synced yet
        verifier.verify(early)
    _pull(client, store, "keys")
    text = _issue(gateway, minutes=5)
    code = parse(text)
    forged = code.with_signature(bytes(64)).encode()
    online_only = _issue(gateway, "2", offline=False)

    with pytest.raises(ForgedCode):
        verifier.verify(forged)
    with pytest.raises(MalformedCode):
        verifier.verify("https://example.org/qr")
    with pytest.raises(OnlineOnly):
        verifier.verify(online_only)
    gateway.clock.advance(minutes=5 + 3)
    with pytest.raises(ExpiredCode):
        verifier.verify(text)
    assert _uses(store) == 0


def test_clock_skew_is_allowed_within_limits(gateway: RunningGateway, store: Store) -> None:
    _pull(gateway.enrol(), store, "keys")
    text = _issue(gateway, minutes=5)
    behind = gateway.clock.now() - _dt.timedelta(minutes=1)

    verified = OfflineVerifier(store=store, clock=lambda: behind).verify(text)

    assert verified.expires_at > behind


def test_rotated_keys_verify_until_they_leave_the_stream(
    gateway: RunningGateway, store: Store
) -> None:
    client = gateway.enrol()
    ring = gateway.services.identity.keys
    old = _issue(gateway, minutes=30)
    ring.rotate()
    new = _issue(gateway, "2")
    _pull(client, store, "keys")
    verifier = OfflineVerifier(store=store, clock=gateway.clock.now)

    verifier.verify(old)
    verifier.verify(new)
    gateway.clock.advance(days=2)
    ring.refresh()
    _pull(client, store, "keys")
    stale = _issue(gateway, "3")  # signed by the new key, still in the stream

    assert [d["key_id"] for d in store.cached_docs("keys")] == [parse(new).key_id_text]
    verifier.verify(stale)


def test_online_resolution_through_the_gateway(gateway: RunningGateway) -> None:
    client = gateway.enrol()
    text = _issue(gateway, "5")

    resolved = resolve_online(client.session, gateway.url, text)
    with pytest.raises(ReplayedCode):
        resolve_online(client.session, gateway.url, text)
    with pytest.raises(MalformedCode):
        resolve_online(client.session, gateway.url, "GT1:")

    assert resolved.kind == "citizen"
    assert resolved.masked_id.count("*") == 8
    assert resolved.licences


def test_online_resolution_reports_an_unreachable_gateway(gateway: RunningGateway) -> None:
    client = gateway.enrol()

    with pytest.raises(Offline):
        resolve_online(client.session, "http://127.0.0.1:9", _issue(gateway))
