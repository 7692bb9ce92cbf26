"""Catalog publishing, snapshots, change feeds, resets, verify and long-poll."""

from __future__ import annotations

import gzip
import hashlib
import json
import threading
from typing import Any

from core.catalog import ItemStatus
from core.masking import mask_name
from sync.protocol import Stream, digest_of
from tests.gateway.events import event, submission
from tests.helpers.catalog import small_catalog
from tests.helpers.gateway import GatewayClient, RunningGateway, wait_until


def _pull_snapshot(client: GatewayClient, stream: str) -> tuple[dict[str, Any], str]:
    index = client.get(f"/v1/streams/{stream}/snapshot").json()
    rows: dict[str, Any] = {}
    for chunk in index["chunks"]:
        r = client.get(chunk["url"], stream=True)
        raw = r.raw.read(decode_content=False)  # the gzip bytes, as hashed by the gateway
        assert hashlib.sha256(raw).hexdigest() == chunk["sha256"]
        for line in gzip.decompress(raw).decode().splitlines():
            row = json.loads(line)
            rows[row["id"]] = row
    digest = digest_of((i, r["version"]) for i, r in rows.items())
    assert digest.model_dump() == index["digest"]
    return rows, index["cursor"]


def _pull_changes(client: GatewayClient, stream: str, cursor: str) -> tuple[list[Any], str]:
    items: list[Any] = []
    while True:
        page = client.get(f"/v1/streams/{stream}/changes", params={"cursor": cursor, "limit": 2})
        assert page.status_code == 200, page.text
        body = page.json()
        items += body["items"]
        cursor = body["next_cursor"]
        if not body["has_more"]:
            return items, cursor


def test_first_pull_by_snapshot_then_only_changes(gateway: RunningGateway) -> None:
    catalog = small_catalog()
    gateway.publish(catalog)
    client = gateway.enrol()

    rows, cursor = _pull_snapshot(client, "items")
    assert set(rows) == {i.id for i in catalog.items}
    withdrawn = rows["370000-CR-009"]["doc"]
    assert withdrawn["status"] == ItemStatus.WITHDRAWN
    assert withdrawn["withdrawn_note"]

    nothing, cursor = _pull_changes(client, "items", cursor)
    assert nothing == []

    renamed = catalog.items[0].model_copy(update={"name": "普通护照签发（含换发）"})
    removed = catalog.items[1].id
    new_catalog = catalog.model_copy(update={"version": 2, "items": (renamed, *catalog.items[2:])})
    report = gateway.publish(new_catalog)
    assert {(c.stream, c.changed, c.deleted) for c in report.streams if c.changed or c.deleted} == {
        (Stream.ITEMS, 1, 1)
    }

    items, cursor = _pull_changes(client, "items", cursor)
    assert [(i["op"], i["id"], i["version"]) for i in items] == [
        ("upsert", renamed.id, 2),
        ("delete", removed, 2),
    ]
    assert items[0]["doc"]["name"] == "普通护照签发（含换发）"
    assert items[1]["doc"] is None

    # Publishing the same catalog again changes nothing.
    gateway.publish(new_catalog)
    assert _pull_changes(client, "items", cursor)[0] == []


def test_manifest_reports_digest_and_answers_304_when_unchanged(gateway: RunningGateway) -> None:
    gateway.publish(small_catalog())
    client = gateway.enrol()

    first = client.get("/v1/sync/manifest")
    again = client.get("/v1/sync/manifest", headers={"If-None-Match": first.headers["ETag"]})

    assert first.status_code == 200
    items = next(s for s in first.json()["streams"] if s["stream"] == "items")
    assert items["digest"]["count"] == len(small_catalog().items)
    assert items["snapshot"]["rows"] == len(small_catalog().items)
    assert again.status_code == 304

    gateway.publish(small_catalog().model_copy(update={"items": small_catalog().items[:-1]}))
    changed = client.get("/v1/sync/manifest", headers={"If-None-Match": first.headers["ETag"]})
    assert changed.status_code == 200


def test_old_epoch_or_retention_gives_an_uncacheable_reset(gateway: RunningGateway) -> None:
    gateway.publish(small_catalog())
    client = gateway.enrol()
    _, cursor = _pull_snapshot(client, "items")

    gateway.store.reset_epoch(Stream.ITEMS)
    after_epoch = client.get("/v1/streams/items/changes", params={"cursor": cursor})
    garbage = client.get("/v1/streams/items/changes", params={"cursor": "not-a-cursor"})

    assert after_epoch.status_code == 410
    assert after_epoch.json()["reset"] == "snapshot"
    assert after_epoch.headers["Cache-Control"] == "no-store"
    assert garbage.status_code == 410

    # Tombstones past retention: a cursor from before them can no longer catch up.
    _, cursor = _pull_snapshot(client, "items")
    gateway.publish(small_catalog().model_copy(update={"items": small_catalog().items[:-2]}))
    gateway.clock.advance(days=31)
    assert gateway.store.purge_tombstones() == 2
    stale = client.get("/v1/streams/items/changes", params={"cursor": cursor})
    assert stale.status_code == 410
    fresh_rows, _ = _pull_snapshot(client, "items")
    assert len(fresh_rows) == len(small_catalog().items) - 2


def test_verify_names_stale_and_gone_ids(gateway: RunningGateway) -> None:
    catalog = small_catalog()
    gateway.publish(catalog)
    gateway.publish(catalog.model_copy(update={"items": catalog.items[1:]}))
    client = gateway.enrol()

    r = client.post(
        "/v1/streams/items/verify",
        json={"ids": [catalog.items[0].id, catalog.items[1].id, "no-such-item"]},
    )

    assert r.status_code == 200
    assert r.json()["versions"] == {catalog.items[1].id: 1}
    assert r.json()["gone"] == [catalog.items[0].id, "no-such-item"]


def test_long_poll_returns_as_soon_as_a_case_status_arrives(gateway: RunningGateway) -> None:
    gateway.publish(small_catalog())
    kiosk = gateway.enrol(slot="K01")
    window = gateway.enrol(slot="W01")
    start = kiosk.get("/v1/streams/case_status/changes").json()["next_cursor"]
    answer: dict[str, Any] = {}

    def poll() -> None:
        answer["page"] = kiosk.get(
            "/v1/streams/case_status/changes", params={"cursor": start, "wait": 25}
        ).json()

    poller = threading.Thread(target=poll)
    poller.start()
    wait_until(lambda: gateway.shedder.long_polls == 1)
    assert "page" not in answer

    r = window.post(
        "/v1/events:batch",
        json={"events": [event(1, "case.submitted", submission("TW01-20260302-1"))]},
    )
    assert r.json()["results"][0]["status"] == "applied"

    poller.join(timeout=5)  # far below the 25 s wait: the submit woke the poll
    assert not poller.is_alive()
    assert [i["doc"]["provisional_number"] for i in answer["page"]["items"]] == ["TW01-20260302-1"]


def test_long_poll_times_out_with_an_empty_page(gateway: RunningGateway) -> None:
    client = gateway.enrol()
    start = client.get("/v1/streams/pickups/changes").json()["next_cursor"]

    page = client.get("/v1/streams/pickups/changes", params={"cursor": start, "wait": 0.2}).json()

    assert page["items"] == []
    assert page["next_cursor"] == start


def test_hall_scoped_streams_stay_in_their_hall(gateway: RunningGateway) -> None:
    gateway.publish(small_catalog())
    here = gateway.enrol(hall_id="371002001", slot="W01")
    other = gateway.enrol(hall_id="371003001", slot="W01")

    here.post(
        "/v1/events:batch",
        json={"events": [event(1, "case.submitted", submission("TW01-20260302-1"))]},
    )

    mine = here.get("/v1/streams/case_status/changes").json()["items"]
    theirs = other.get("/v1/streams/case_status/changes").json()["items"]
    assert len(mine) == 1
    assert mine[0]["doc"]["applicant"] == mask_name("张三丰")  # no full names in the feed
    assert "张三丰" not in json.dumps(mine, ensure_ascii=False)
    assert theirs == []
