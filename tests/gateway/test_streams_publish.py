"""Holidays, config and directory publishing reach a terminal; role rules on transitions."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

import pytest

from core.calendar import WorkingCalendar
from core.errors import ValidationFailed
from gateway.publishing import (
    load_config,
    load_holidays,
    publish_config,
    publish_directory,
    publish_holidays,
)
from sync.store import ChangeRow, Store, open_store
from tests.gateway.events import event, submission
from tests.helpers.catalog import small_catalog
from tests.helpers.gateway import GatewayClient, RunningGateway

HOLIDAYS = Path(__file__).resolve().parents[2] / "resources" / "holidays"


def _pull(client: GatewayClient, store: Store, stream: str) -> None:
    cursor = ""
    while True:
        page = client.get(f"/v1/streams/{stream}/changes", params={"cursor": cursor}).json()
        rows = [ChangeRow(i["op"], i["id"], i["version"], i["doc"]) for i in page["items"]]
        store.apply_page(stream, rows, page["next_cursor"])
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return


def test_holidays_and_config_reach_a_terminal_cache(
    gateway: RunningGateway, tmp_path: Path
) -> None:
    config_file = tmp_path / "terminal.toml"
    config_file.write_text(
        "[kiosk]\nidle_seconds = 90\nelder_idle_seconds = 180\n\n[identity]\noffline = true\n",
        encoding="utf-8",
    )
    client = gateway.enrol()

    holidays = publish_holidays(gateway.store, load_holidays(HOLIDAYS))
    config = publish_config(gateway.store, load_config(config_file))
    with open_store(tmp_path / "terminal") as store:
        _pull(client, store, "holidays")
        _pull(client, store, "config")
        calendar = WorkingCalendar.from_dict({"years": store.cached_docs("holidays")})
        rows = {d.get("idle_seconds", "identity"): d for d in store.cached_docs("config")}

    assert holidays.streams[0].changed == 2
    assert config.streams[0].changed == 2
    assert calendar.years == (2025, 2026)
    assert calendar.holiday_name(_dt.date(2026, 2, 17)) == "春节"
    assert calendar.is_working_day(_dt.date(2026, 2, 14))  # 调休上班 (Saturday)
    assert rows[90]["elder_idle_seconds"] == 180
    again = publish_holidays(gateway.store, load_holidays(HOLIDAYS))
    assert again.streams[0].changed == 0  # unchanged years are not republished


def test_bad_holiday_and_config_files_are_refused_by_name(tmp_path: Path) -> None:
    (tmp_path / "2027.json").write_text('{"year": 2027, "holidays": []}', encoding="utf-8")
    flat = tmp_path / "flat.toml"
    flat.write_text("idle_seconds = 90\n", encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")

    with pytest.raises(ValidationFailed, match="2027.json"):
        load_holidays(tmp_path)
    with pytest.raises(ValidationFailed, match="idle_seconds"):
        load_config(flat)
    with pytest.raises(ValidationFailed) as err:
        load_config(broken)
    assert err.value.code == "config.syntax"


def test_directory_lists_halls_windows_departments_and_terminals(
    gateway: RunningGateway,
) -> None:
    catalog = small_catalog()
    hall = catalog.halls[0]
    client = gateway.enrol(hall_id=hall.id, slot="K07")
    gateway.publish(catalog)

    publish_directory(gateway.store, catalog)
    items = {i["id"]: i["doc"] for i in client.get("/v1/streams/directory/changes").json()["items"]}

    doc = items[f"hall:{hall.id}"]
    assert doc["hours"] == hall.hours
    assert [w["code"] + w["name"] for w in doc["windows"]] == list(hall.business_areas)
    assert [t["slot"] for t in doc["terminals"]] == ["K07"]
    departments = {i.department for i in catalog.items if hall.id in i.hall_ids}
    assert {d["name"] for d in doc["departments"]} == departments
    assert all(f"dept:{d}" in items for d in departments)


# ---------------------------------------------------------------------- role rules


def _submit(gateway: RunningGateway, client: GatewayClient) -> str:
    gateway.publish(small_catalog())
    body = client.post(
        "/v1/events:batch",
        json={"events": [event(1, "case.submitted", submission("TW01-20260302-1"))]},
    ).json()
    number: str = body["results"][0]["result"]["case_number"]
    return number


def _ask(client: GatewayClient, seq: int, number: str, **fields: Any) -> dict[str, Any]:
    payload = {"case_number": number, "actor": "clerk01", **fields}
    body = client.post(
        "/v1/events:batch", json={"events": [event(seq, "case.transition_requested", payload)]}
    ).json()
    result: dict[str, Any] = body["results"][0]
    return result


REJECT = {"action": "reject", "to_state": "rejected", "reason": "不属于本机关职权范围"}
REDRESS = "可自收到本通知之日起六十日内向威海市人民政府申请行政复议"


def test_rejection_needs_a_chief_representative(gateway: RunningGateway) -> None:
    client = gateway.enrol(slot="W01")
    number = _submit(gateway, client)

    alone = _ask(client, 2, number, role="综合受理", redress=REDRESS, **REJECT)
    clerk_approves = _ask(
        client,
        3,
        number,
        role="综合受理",
        redress=REDRESS,
        approver={"id": "clerk02", "role": "综合受理"},
        **REJECT,
    )
    no_redress = _ask(
        client, 4, number, role="综合受理", approver={"id": "chief01", "role": "首席代表"}, **REJECT
    )
    approved = _ask(
        client,
        5,
        number,
        role="综合受理",
        redress=REDRESS,
        approver={"id": "chief01", "role": "首席代表"},
        **REJECT,
    )

    assert (alone["status"], alone["code"]) == ("rejected", "case.reject_needs_chief")
    assert "首席代表" in alone["message"]
    assert clerk_approves["code"] == "case.reject_needs_chief"
    assert no_redress["code"] == "case.reason"
    assert (approved["status"], approved["result"]["state"]) == ("applied", "rejected")
    with gateway.store.db.read() as tx:
        row = tx.one(
            "SELECT actor, reason FROM case_history WHERE case_number = ? AND to_state = ?",
            (number, "rejected"),
        )
    assert row is not None
    assert row[0] == "clerk01（综合受理）"
    assert "chief01（首席代表）" in row[1]


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        (
            {"action": "approve", "to_state": "approved", "role": "综合受理"},
            "case.illegal_transition",
        ),
        ({"action": "accept", "to_state": "accepted", "role": "出件"}, "case.role"),
        ({"action": "accept", "to_state": "accepted", "role": "平台"}, "case.role_not_terminal"),
        (
            {"action": "accept", "to_state": "accepted", "role": "后台审批"},
            "case.role_not_terminal",
        ),
        ({"action": "accept", "to_state": "accepted", "role": "首长"}, "case.role"),
        ({"action": "accept", "to_state": "in_review", "role": "综合受理"}, "case.action_mismatch"),
        ({"action": "fly", "to_state": "accepted", "role": "综合受理"}, "case.unknown_action"),
        ({"action": "numbered", "to_state": "received", "role": "综合受理"}, "case.unknown_action"),
        (
            {"action": "accept", "to_state": "accepted", "role": "综合受理", "channel": "kiosk"},
            "case.role",
        ),
        (
            {"action": "accept", "to_state": "accepted", "role": "综合受理", "actor": ""},
            "actor.missing",
        ),
        (
            {
                "action": "accept",
                "to_state": "accepted",
                "role": "综合受理",
                "actor": "370102199003071234",
            },
            "actor.id",
        ),
        ({"action": "withdraw", "to_state": "withdrawn", "role": "申请人"}, "case.withdraw_reason"),
    ],
)
def test_role_rules_refuse_with_a_stable_code(
    gateway: RunningGateway, fields: dict[str, Any], code: str
) -> None:
    client = gateway.enrol(slot="W01")
    number = _submit(gateway, client)

    result = _ask(client, 2, number, **fields)

    assert (result["status"], result["code"]) == ("rejected", code)
    with gateway.store.db.read() as tx:
        record = gateway.services.cases.get(tx, number)
    assert record is not None
    assert record.state == "received"  # nothing changed


def test_window_decision_needs_two_different_signatures(gateway: RunningGateway) -> None:
    client = gateway.enrol(slot="W01")
    number = _submit(gateway, client)
    accept = _ask(client, 2, number, action="accept", to_state="accepted", role="综合受理")
    decide = {"action": "decide_at_window", "to_state": "approved", "role": "综合受理"}

    same = _ask(client, 3, number, approver={"id": "clerk01", "role": "首席代表"}, **decide)
    other = _ask(client, 4, number, approver={"id": "chief01", "role": "首席代表"}, **decide)

    assert accept["status"] == "applied"
    assert same["code"] == "case.needs_two_signatures"
    # The signatures are right, but this item may not be decided at the window.
    assert not small_catalog().item(submission("x")["item_id"]).window_decidable
    assert other["code"] == "case.not_decidable"
