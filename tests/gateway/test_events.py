"""The event inbox: per-event results, dedupe, conflicts, ordering, numbering, status."""

from __future__ import annotations

import hashlib
import re
import threading
from typing import Any

from tests.gateway.events import event, submission
from tests.helpers.catalog import small_catalog
from tests.helpers.gateway import GatewayClient, RunningGateway

NUMBER = re.compile(r"^371002\d{8}\d{6}$")


def _batch(client: GatewayClient, *events: dict[str, Any]) -> dict[str, Any]:
    r = client.post("/v1/events:batch", json={"events": list(events)})
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


def test_submit_gets_an_official_number_and_resend_is_a_duplicate(gateway: RunningGateway) -> None:
    gateway.publish(small_catalog())
    client = gateway.enrol(hall_id="371002001")
    submitted = event(1, "case.submitted", submission("TK01-20260302-1"))

    first = _batch(client, submitted)
    resent = _batch(client, submitted)  # the acknowledgement was lost; the terminal resends

    result = first["results"][0]
    assert result["status"] == "applied"
    assert NUMBER.match(result["result"]["case_number"])
    assert result["result"]["case_number"] == "37100220260302000001"
    assert resent["results"][0]["status"] == "duplicate"
    assert resent["results"][0]["original"] == "applied"
    assert resent["results"][0]["result"] == result["result"]
    assert first["contiguous_through_seq"] == resent["contiguous_through_seq"] == 1


def test_same_event_id_with_other_payload_is_a_conflict(gateway: RunningGateway) -> None:
    gateway.publish(small_catalog())
    client = gateway.enrol()
    original = event(1, "case.submitted", submission("TK01-20260302-1"))
    changed = event(
        1, "case.submitted", submission("TK01-20260302-9"), event_id=original["event_id"]
    )

    _batch(client, original)
    body = _batch(client, changed)

    assert body["results"][0]["status"] == "rejected"
    assert body["results"][0]["code"] == "event.conflict"


def test_one_bad_event_does_not_block_the_batch(gateway: RunningGateway) -> None:
    gateway.publish(small_catalog())
    client = gateway.enrol()
    corrupt = event(3, "search.miss", {"query": "护照"})
    corrupt["payload"] = {"query": "户口"}  # sha256 no longer matches

    body = _batch(
        client,
        event(1, "search.miss", {"query": "护照加急"}),
        event(2, "robot.dance", {"moves": 3}),
        corrupt,
        event(4, "case.submitted", submission("TK01-20260302-1", item_id="no-such-item")),
        event(5, "evaluation.submitted", {"level": 2, "reasons": ["等待时间长"]}),
    )

    statuses = [(r["seq"], r["status"], r["code"]) for r in body["results"]]
    assert statuses == [
        (1, "applied", ""),
        (2, "rejected", "event.unknown_kind"),
        (3, "rejected", "event.corrupt"),
        (4, "rejected", "case.unknown_item"),
        (5, "applied", ""),
    ]
    assert "不支持" in body["results"][1]["message"]
    assert body["results"][4]["result"] == {"follow_up": True}
    # seq 3 was refused without being kept (its content is unknown), so it is missing.
    assert body["contiguous_through_seq"] == 2


def test_a_deferred_event_holds_back_the_ones_after_it(gateway: RunningGateway) -> None:
    gateway.publish(small_catalog())
    client = gateway.enrol()
    photo = b"scanned household register page"
    sha = hashlib.sha256(photo).hexdigest()
    batch = [
        event(1, "search.miss", {"query": "落户"}),
        event(2, "case.submitted", submission("TK01-20260302-1", attachments=[sha])),
        event(3, "search.miss", {"query": "迁户"}),
    ]

    waiting = _batch(client, *batch)
    stored = client.put(f"/v1/blobs/{sha}", data=photo)
    stored_again = client.put(f"/v1/blobs/{sha}", data=photo)
    wrong = client.put(f"/v1/blobs/{'0' * 64}", data=photo)
    done = _batch(client, *batch)

    assert [r["status"] for r in waiting["results"]] == ["applied", "deferred", "deferred"]
    assert waiting["results"][1]["code"] == "blob.missing"
    assert waiting["contiguous_through_seq"] == 1
    assert (stored.status_code, stored_again.status_code, wrong.status_code) == (201, 200, 400)
    assert [r["status"] for r in done["results"]] == ["duplicate", "applied", "applied"]
    assert done["contiguous_through_seq"] == 3

    ledger = client.get("/v1/devices/me/ledger").json()
    assert ledger["contiguous_through_seq"] == 3
    assert [e["seq"] for e in ledger["entries"]] == [1, 2, 3]
    assert ledger["missing"] == []


def test_ledger_shows_gaps(gateway: RunningGateway) -> None:
    client = gateway.enrol()

    body = _batch(
        client,
        event(1, "search.miss", {"query": "a"}),
        event(4, "search.miss", {"query": "b"}),
    )

    assert body["contiguous_through_seq"] == 1
    ledger = client.get("/v1/devices/me/ledger").json()
    assert ledger["missing"] == [2, 3]
    assert ledger["max_seq"] == 4


def test_official_numbers_are_unique_under_concurrent_submits(gateway: RunningGateway) -> None:
    gateway.publish(small_catalog())
    clients = [gateway.enrol(slot=f"K{n:02d}") for n in range(4)]
    numbers: list[str] = []
    lock = threading.Lock()

    def submit(client: GatewayClient, n: int) -> None:
        for seq in range(1, 11):
            body = _batch(
                client,
                event(seq, "case.submitted", submission(f"TK{n:02d}-20260302-{seq}")),
            )
            with lock:
                numbers.append(body["results"][0]["result"]["case_number"])

    threads = [threading.Thread(target=submit, args=(c, n)) for n, c in enumerate(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)

    assert len(numbers) == 40
    assert len(set(numbers)) == 40
    assert sorted(int(n[-6:]) for n in numbers) == list(range(1, 41))


def _move(number: str, action: str, to_state: str, role: str) -> dict[str, Any]:
    return {
        "case_number": number,
        "action": action,
        "to_state": to_state,
        "role": role,
        "actor": "clerk01",
    }


def test_transitions_follow_the_case_life_cycle(gateway: RunningGateway) -> None:
    gateway.publish(small_catalog())
    client = gateway.enrol(slot="W01")
    number = _batch(client, event(1, "case.submitted", submission("TW01-20260302-1")))["results"][
        0
    ]["result"]["case_number"]

    body = _batch(
        client,
        event(2, "case.transition_requested", _move(number, "deliver", "delivered", "出件")),
        event(3, "case.transition_requested", _move(number, "accept", "accepted", "综合受理")),
        event(
            4,
            "case.transition_requested",
            _move("37100220990101000001", "accept", "accepted", "综合受理"),
        ),
    )

    bad, good, unknown = body["results"]
    assert bad["status"] == "rejected"
    assert bad["result"] == {"current_state": "received"}
    assert "已收件" in bad["message"]
    assert good["status"] == "applied"
    assert good["result"]["state"] == "accepted"
    assert unknown["status"] == "rejected"
    states = [
        i["doc"]["state"] for i in client.get("/v1/streams/case_status/changes").json()["items"]
    ]
    assert states == ["accepted"]  # the feed holds the latest status of each case


def test_simulated_back_office_issues_a_result_for_pickup(gateway: RunningGateway) -> None:
    gateway.publish(small_catalog())
    client = gateway.enrol(slot="K01")
    number = _batch(
        client,
        event(1, "case.submitted", submission("TK01-20260302-1", delivery="kiosk_print")),
    )["results"][0]["result"]["case_number"]

    seen = []
    for _ in range(5):
        gateway.clock.advance(hours=3)
        gateway.services.run_upstream_once()
        with gateway.store.db.read() as tx:
            record = gateway.services.cases.get(tx, number)
        assert record is not None
        seen.append(record.state)
    assert seen == ["accepted", "in_review", "approved", "result_ready", "result_ready"]

    status = client.get("/v1/streams/case_status/changes").json()["items"][-1]["doc"]
    assert status["result"]["name"] == "参保登记信息"
    assert status["result"]["document_id"].startswith("1.2.156.3005.2.")
    assert "pickup_code" not in status["result"]
    pickups = client.get("/v1/streams/pickups/changes").json()["items"]
    assert [p["doc"]["case_number"] for p in pickups] == [number]
    pickup_id = pickups[0]["id"]

    taken = _batch(
        client,
        event(
            2,
            "pickup.collected",
            {"pickup_id": pickup_id, "method": "print", "verified_by": "pickup_code"},
        ),
    )
    twice = _batch(
        client,
        event(
            3,
            "pickup.collected",
            {"pickup_id": pickup_id, "method": "print", "verified_by": "pickup_code"},
        ),
    )
    assert taken["results"][0]["status"] == "applied"
    assert twice["results"][0]["status"] == "rejected"
    assert twice["results"][0]["code"] == "pickup.already_collected"
    with gateway.store.db.read() as tx:
        record = gateway.services.cases.get(tx, number)
    assert record is not None
    assert record.state == "delivered"
