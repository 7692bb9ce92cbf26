"""Hall statistics, bad-review follow-up and pickup codes through a real gateway."""

from __future__ import annotations

import datetime as _dt
import uuid
from typing import Any

import pytest

from core.catalog import Catalog, DeliveryMethod
from core.clock import hall_date
from core.pickup import code_digest
from sync.help_client import DeskRefused, HttpDeskTransport, parse_answer
from sync.results_protocol import PickupIssued, PickupIssueRequest
from sync.stats_protocol import (
    ComplaintRequest,
    FollowUpBody,
    FollowUpList,
    FollowUpStepRequest,
    StatsReport,
)
from tests.gateway.events import event, submission
from tests.helpers.catalog import small_catalog
from tests.helpers.gateway import GatewayClient, RunningGateway

HALL = "H-WH-01"


def _catalog() -> Catalog:
    base = small_catalog()
    items = tuple(
        i.model_copy(update={"delivery": tuple(DeliveryMethod), "window_decidable": True})
        if i.id == "370000-CR-001"
        else i
        for i in base.items
    )
    return base.model_copy(update={"items": items})


def _push(client: GatewayClient, *events: dict[str, Any]) -> list[dict[str, Any]]:
    r = client.post("/v1/events:batch", json={"events": list(events)})
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert all(x["status"] == "applied" for x in results), results
    return results


def _transport(gateway: RunningGateway, client: GatewayClient) -> HttpDeskTransport:
    return HttpDeskTransport(
        base_url=gateway.url,
        credential=client.credential,
        clock=lambda: gateway.clock.now().timestamp(),
    )


def _window_case(n: int, *, item: str, state: str, actor: str) -> dict[str, Any]:
    return submission(
        f"TW03-20260302-{n}", item_id=item, state=state, channel="window", actor=actor,
        delivery="window", situation_id="s1",
    )


def _report(transport: HttpDeskTransport, day: _dt.date) -> StatsReport:
    raw = transport.send("GET", "/v1/stats", params={"start": day.isoformat(),
                                                     "end": day.isoformat()})
    return parse_answer(StatsReport, raw)


def test_statistics_count_what_the_terminals_sent(gateway: RunningGateway) -> None:
    gateway.publish(_catalog())
    window = gateway.enrol(hall_id=HALL, slot="W03")
    kiosk = gateway.enrol(hall_id=HALL, slot="K01")
    results = _push(
        window,
        event(1, "case.submitted", _window_case(1, item="370000-CR-001", state="accepted",
                                                actor="wh-wangfang")),
        event(2, "case.submitted", _window_case(2, item="370000-CR-001",
                                                state="correction_requested",
                                                actor="wh-wangfang")),
        event(3, "case.submitted", _window_case(3, item="370000-SB-010", state="accepted",
                                                actor="wh-liuyang")),
    )
    first = results[0]["result"]["case_number"]
    _push(
        kiosk,
        event(1, "case.submitted", submission("TK01-20260302-1", channel="kiosk")),
        event(2, "evaluation.submitted", {"level": 1, "case_number": first,
                                          "reasons": ["办事效率低"], "channel": "kiosk"}),
        event(3, "evaluation.submitted", {"level": 5, "case_number": first, "channel": "kiosk"}),
    )
    # 窗口办结 of the first case, with the 首席代表's signature.
    _push(window, event(4, "case.transition_requested", {
        "case_number": first, "to_state": "approved", "action": "decide_at_window",
        "role": "综合受理", "actor": "wh-wangfang", "reason": "窗口办结",
        "approver": {"id": "wh-zhaomin", "role": "首席代表"}, "channel": "window"}))

    day = hall_date(gateway.clock.now())
    report = _report(_transport(gateway, window), day)
    assert report.total_cases == 4
    assert {c.key: c.count for c in report.by_item} == {"370000-CR-001": 2, "370000-SB-010": 2}
    assert {c.key: c.count for c in report.by_channel} == {"window": 3, "kiosk": 1}
    assert {c.key: c.count for c in report.by_clerk} == {"wh-wangfang": 2, "wh-liuyang": 1}
    assert {c.key: c.count for c in report.by_outcome} == {
        "accepted": 2, "correction_requested": 1, "received": 1}
    assert report.window_decisions == 1
    assert report.evaluations_total == 2
    assert report.bad_reviews == 1
    assert {c.key: c.count for c in report.evaluations}["1"] == 1
    indicators = {i.key: i for i in report.indicators}
    assert indicators["online_rate"].value == pytest.approx(1 / 4)
    # Six active items in the hall (one withdrawn): two handled at the window, four 即办件.
    assert indicators["window_coverage"].value == pytest.approx(2 / 6)
    assert indicators["immediate_share"].value == pytest.approx(4 / 6)
    # Items with legal limits: 15→7, 5→1, 15→0.
    expected = ((15 - 7) / 15 + (5 - 1) / 5 + 1.0) / 3
    assert indicators["promise_reduction"].value == pytest.approx(expected)
    assert indicators["active_evaluation"].value == pytest.approx(1 / 4)
    assert indicators["rectification"].value == pytest.approx(0.0)
    assert "÷" in indicators["online_rate"].definition

    # Another day has nothing.
    empty = _report(_transport(gateway, window), day + _dt.timedelta(days=1))
    assert empty.total_cases == 0
    assert indicators["online_rate"].value is not None
    assert {i.key: i.value for i in empty.indicators}["online_rate"] is None


def test_a_bad_review_becomes_a_follow_up_with_five_working_days(gateway: RunningGateway) -> None:
    gateway.publish(_catalog())
    kiosk = gateway.enrol(hall_id=HALL, slot="K01")
    window = _transport(gateway, gateway.enrol(hall_id=HALL, slot="W03"))
    [res] = _push(kiosk, event(1, "case.submitted", submission("TK01-20260302-1")))
    number = res["result"]["case_number"]
    _push(kiosk, event(2, "evaluation.submitted", {
        "level": 2, "case_number": number, "reasons": ["排队等候时间过长"], "channel": "kiosk"}))

    listed = parse_answer(FollowUpList, window.send("GET", "/v1/followups"))
    [ticket] = listed.items
    assert ticket.source == "evaluation"
    assert ticket.subject == number
    assert ticket.state == "open"
    # Opened Monday 2 March 2026 → five working days → Monday 9 March.
    assert ticket.rectify_by == _dt.date(2026, 3, 9)
    assert ticket.countdown == "剩余5个工作日"

    def step(**fields: Any) -> FollowUpBody:
        body = FollowUpStepRequest(actor_id="wh-wangfang", role="综合受理", **fields)
        raw = window.send("POST", f"/v1/followups/{ticket.follow_up_id}/steps", body=body)
        return parse_answer(FollowUpBody, raw)

    with pytest.raises(DeskRefused, match="不能整改"):
        step(step="rectify", text="增开窗口")
    step(step="call_back", text="申请人反映上午排队一小时", reached=True)
    gateway.clock.set_date(_dt.date(2026, 3, 6))
    step(step="rectify", text="上午高峰增开两个综合受理窗口")
    done = step(step="verdict", satisfied=True, text="申请人表示认可")
    assert done.state == "verified"
    assert [s.state for s in done.steps] == ["called_back", "rectified", "verified"]
    assert not done.rectified_late


def test_complaints_are_entered_and_only_a_supervisor_closes(gateway: RunningGateway) -> None:
    gateway.publish(_catalog())
    window = _transport(gateway, gateway.enrol(hall_id=HALL, slot="W03"))
    request = ComplaintRequest(
        complaint_id=str(uuid.uuid4()), way="phone", reasons=["服务态度差"],
        comment="窗口人员态度生硬", contact_phone="13906310000", clerk_id="wh-liuyang",
    )
    first = parse_answer(FollowUpBody, window.send("POST", "/v1/followups/complaints",
                                                    body=request))
    again = parse_answer(FollowUpBody, window.send("POST", "/v1/followups/complaints",
                                                    body=request))
    assert first.follow_up_id == again.follow_up_id
    assert first.channel == "电话投诉"
    assert first.contact == "139****0000"
    assert first.subject == "大厅服务"
    path = f"/v1/followups/{first.follow_up_id}/steps"
    clerk_close = FollowUpStepRequest(step="close", actor_id="wh-liuyang", role="综合受理",
                                      text="不实")
    with pytest.raises(DeskRefused, match="首席代表"):
        window.send("POST", path, body=clerk_close)
    chief_close = FollowUpStepRequest(step="close", actor_id="wh-zhaomin", role="首席代表",
                                      text="经核实为误解，已当面解释")
    closed = parse_answer(FollowUpBody, window.send("POST", path, body=chief_close))
    assert closed.state == "closed"
    with pytest.raises(DeskRefused, match="没有这些投诉原因"):
        window.send("POST", "/v1/followups/complaints", body=request.model_copy(
            update={"complaint_id": str(uuid.uuid4()), "reasons": ["天气不好"]}))


def test_a_ready_result_gets_a_pickup_code_for_the_locker(gateway: RunningGateway) -> None:
    gateway.publish(_catalog())
    client = gateway.enrol(hall_id=HALL, slot="W03")
    window = _transport(gateway, client)
    [res] = _push(client, event(1, "case.submitted", _window_case(
        1, item="370000-CR-001", state="accepted", actor="wh-wangfang")))
    number = res["result"]["case_number"]
    ask = PickupIssueRequest(method="locker", compartment="B03", clerk_id="wh-chenjing")
    with pytest.raises(DeskRefused, match="没有待领取的结果"):
        window.send("POST", f"/v1/results/{number}/pickup", body=ask)
    for _ in range(4):
        gateway.clock.advance(hours=3)
        gateway.services.run_upstream_once()
    with pytest.raises(DeskRefused, match="柜格"):
        window.send("POST", f"/v1/results/{number}/pickup",
                    body=ask.model_copy(update={"compartment": ""}))
    issued = parse_answer(PickupIssued, window.send("POST", f"/v1/results/{number}/pickup",
                                                    body=ask))
    assert issued.compartment == "B03"
    assert len(issued.code) == 6
    assert issued.code.isdigit()
    assert not issued.reissued
    docs = client.get("/v1/streams/pickups/changes").json()["items"]
    doc = next(i["doc"] for i in docs if i["id"] == issued.pickup_id)
    assert doc["delivery"] == "locker"
    assert doc["result"]["compartment"] == "B03"
    assert "pickup_code" not in doc["result"]
    assert doc["code_sha256"] == code_digest(issued.pickup_id, issued.code)
    again = parse_answer(PickupIssued, window.send("POST", f"/v1/results/{number}/pickup",
                                                   body=ask))
    assert again.reissued
    docs = client.get("/v1/streams/pickups/changes").json()["items"]
    doc = [i["doc"] for i in docs if i["id"] == issued.pickup_id][-1]
    assert doc["code_sha256"] == code_digest(issued.pickup_id, again.code)
