"""Snapshots across epoch resets: the newest epoch's snapshot is the one served and kept.

After ``reset_epoch`` with no publish in between, the old and the new epoch's
snapshots share a sequence number. The gateway must still serve (and keep) the new
epoch's snapshot, or a terminal's fresh cursor is refused with 410 forever.
"""

from __future__ import annotations

import pytest

from gateway.store import SNAPSHOTS_KEPT
from sync.protocol import Stream
from tests.helpers.catalog import small_catalog
from tests.helpers.gateway import GatewayClient, RunningGateway


def _snapshot_cursor(client: GatewayClient) -> tuple[int, str]:
    index = client.get("/v1/streams/items/snapshot")
    assert index.status_code == 200, index.text
    body = index.json()
    for chunk in body["chunks"]:
        assert client.get(chunk["url"]).status_code == 200
    return int(body["epoch"]), str(body["cursor"])


def _items_manifest(client: GatewayClient) -> dict[str, object]:
    manifest = client.get("/v1/sync/manifest").json()
    items: dict[str, object] = next(s for s in manifest["streams"] if s["stream"] == "items")
    return items


@pytest.mark.parametrize("resets", [1, 2, 3, 5])
def test_resets_without_a_publish_serve_the_new_epochs_snapshot(
    gateway: RunningGateway, resets: int
) -> None:
    gateway.publish(small_catalog())
    client = gateway.enrol()
    epoch, cursor = _snapshot_cursor(client)
    assert epoch == 1

    for n in range(resets):
        gateway.store.reset_epoch(Stream.ITEMS)
        refused = client.get("/v1/streams/items/changes", params={"cursor": cursor})
        assert refused.status_code == 410  # the old cursor is no good any more

        epoch, cursor = _snapshot_cursor(client)
        assert epoch == n + 2  # the new epoch's snapshot, not a leftover of an older one
        page = client.get("/v1/streams/items/changes", params={"cursor": cursor})
        assert page.status_code == 200, page.text  # its cursor is accepted
        assert page.json()["items"] == []

        pointer = _items_manifest(client)["snapshot"]
        assert isinstance(pointer, dict)
        assert pointer["cursor"] == cursor  # the manifest names the same snapshot

    with gateway.store.db.read() as tx:
        kept = tx.all(
            "SELECT epoch FROM snapshots WHERE stream = 'items' ORDER BY epoch DESC, seq DESC"
        )
    assert [int(r[0]) for r in kept] == list(range(resets + 1, 0, -1))[:SNAPSHOTS_KEPT]


def test_a_publish_after_resets_keeps_the_newest_snapshots(gateway: RunningGateway) -> None:
    catalog = small_catalog()
    gateway.publish(catalog)
    client = gateway.enrol()
    _snapshot_cursor(client)
    gateway.store.reset_epoch(Stream.ITEMS)
    _snapshot_cursor(client)
    gateway.store.reset_epoch(Stream.ITEMS)
    gateway.publish(catalog.model_copy(update={"items": catalog.items[:-1]}))

    epoch, cursor = _snapshot_cursor(client)

    assert epoch == 3
    assert client.get("/v1/streams/items/changes", params={"cursor": cursor}).status_code == 200
    with gateway.store.db.read() as tx:
        kept = tx.all("SELECT snapshot_id FROM snapshots WHERE stream = 'items'")
    assert len(kept) == SNAPSHOTS_KEPT
    state = gateway.store.stream_state(Stream.ITEMS, "")
    assert f"e3s{state.high_seq}" in {r[0] for r in kept}
