"""The acceptance flow on real demo catalog items: steps, auto e-licence marks, outcomes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from core.acceptance import AcceptanceFlow, Outcome, Step, elicence_marks
from core.calendar import WorkingCalendar
from core.case import (
    Actor,
    Agent,
    AgentKind,
    Applicant,
    CaseState,
    Channel,
    CheckStatus,
    MarkKind,
    Role,
    redress_text,
)
from core.catalog import Audience, Catalog, DeliveryMethod
from core.clock import HALL_TZ
from core.errors import IllegalTransition, NotPermitted, ValidationFailed
from core.holders import Citizen, Enterprise
from sync.catalog_files import load_catalog, load_demo_holders
from tests.helpers.clock import FakeClock

REPO = Path(__file__).resolve().parents[2]
GETIHU = "113710020041826000000126004000"  # 个体工商户设立登记, 环翠区 (即办件, 告知承诺)
QIYE = "113710020041826000000126001000"  # 企业设立登记, 环翠区 (two 情形)
DIBAO = "11371002004189050M000511010000"  # 最低生活保障审核确认, 竹岛街道 (shared data)
CAL = WorkingCalendar.from_dict(
    {
        "years": [
            json.loads(p.read_text(encoding="utf-8"))
            for p in (REPO / "resources" / "holidays").glob("*.json")
        ]
    }
)
CLERK = Actor(id="hc-lixue", role=Role.CLERK, channel=Channel.WINDOW, terminal_id="W02",
              hall_id="hc-zwzx")
CHIEF = Actor(id="hc-yujun", role=Role.CHIEF, channel=Channel.WINDOW, terminal_id="W01",
              hall_id="hc-zwzx")
REDRESS = redress_text("威海市环翠区人民政府", "威海市环翠区人民法院")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(REPO / "resources" / "catalog")


@pytest.fixture(scope="module")
def people() -> tuple[list[Citizen], list[Enterprise]]:
    return load_demo_holders(REPO / "resources" / "demo")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(dt.datetime(2026, 3, 2, 9, 30, tzinfo=HALL_TZ))


@pytest.fixture
def flow(clock: FakeClock) -> AcceptanceFlow:
    return AcceptanceFlow(actor=CLERK, clock=clock, calendar=CAL)


def _citizen(people: tuple[list[Citizen], list[Enterprise]]) -> Citizen:
    return next(p for p in people[0] if "resident_id" in p.licence_types())


def _typed() -> Applicant:
    return Applicant(kind=Audience.PERSONAL, name="张三", id_number="371002199001011237",
                     phone="13812345678")


def test_next_action_walks_the_steps(
    flow: AcceptanceFlow, catalog: Catalog, people: tuple[list[Citizen], list[Enterprise]]
) -> None:
    assert flow.next_action().step is Step.ITEM
    flow.choose_item(catalog.item(QIYE))
    assert flow.next_action().step is Step.SITUATION
    assert flow.problems(Step.SITUATION) == ("尚未选择办理情形",)
    flow.choose_situation(catalog.item(QIYE).situations[0].id)
    assert flow.next_action().step is Step.APPLICANT
    enterprise = people[1][0]
    flow.use_identity(enterprise)
    assert flow.next_action().step is Step.AGENT
    flow.set_agent(None)
    action = flow.next_action()
    assert action.step is Step.MATERIALS
    assert action.material_id is not None
    assert action.message.startswith("请核验材料：")
    for check in flow.checklist():
        if check.status is CheckStatus.UNCHECKED:
            flow.mark(check.material.id, MarkKind.PAPER)
    assert flow.next_action().step is Step.OUTCOME
    assert flow.problems(Step.MATERIALS) == ()


def test_single_situation_is_chosen_for_the_clerk(flow: AcceptanceFlow, catalog: Catalog) -> None:
    flow.choose_item(catalog.item(GETIHU))
    assert flow.situation is not None
    assert flow.delivery is DeliveryMethod.WINDOW


def test_item_of_another_hall_is_refused(flow: AcceptanceFlow, catalog: Catalog) -> None:
    with pytest.raises(ValidationFailed) as info:
        flow.choose_item(catalog.item(DIBAO))  # handled at 竹岛街道, not 环翠区 hall
    assert info.value.code == "acceptance.other_hall"


def test_resolved_identity_prefills_and_marks_elicences(
    flow: AcceptanceFlow, catalog: Catalog, people: tuple[list[Citizen], list[Enterprise]]
) -> None:
    person = _citizen(people)
    flow.choose_item(catalog.item(GETIHU))
    applicant = flow.use_identity(person)
    assert applicant.name == person.name
    assert flow.prefill()["姓名"] == person.name
    auto = elicence_marks(flow.checklist())
    assert [c.material.name for c in auto] == ["居民身份证"]
    assert auto[0].mark is not None
    assert auto[0].mark.licence_id == person.valid_licence("resident_id", dt.date(2026, 3, 2)
                                                           ).identifier  # type: ignore[union-attr]
    # typing another applicant drops the e-licence marks of the scanned one
    flow.set_applicant(_typed())
    assert elicence_marks(flow.checklist()) == ()
    assert flow.holder is None


def _getihu(flow: AcceptanceFlow, catalog: Catalog, **marks: MarkKind) -> None:
    flow.choose_item(catalog.item(GETIHU))
    flow.set_applicant(_typed())
    flow.set_agent(None)
    for material_id, kind in marks.items():
        reason = "复印件不清晰" if kind is MarkKind.DEFECTIVE else ""
        flow.mark(material_id, kind, reason=reason)


def test_outcomes_when_complete(flow: AcceptanceFlow, catalog: Catalog) -> None:
    _getihu(flow, catalog, m1=MarkKind.PAPER, m2=MarkKind.PAPER, m3=MarkKind.PAPER)
    assert flow.available() == (Outcome.ACCEPT, Outcome.COMMITMENT, Outcome.REJECT)
    options = {o.outcome: o for o in flow.outcomes()}
    assert options[Outcome.CORRECTION].reason == "材料齐全，无需补正"
    assert options[Outcome.REJECT].needs_chief


def test_outcomes_with_a_missing_pending_allowed_material(
    flow: AcceptanceFlow, catalog: Catalog
) -> None:
    _getihu(flow, catalog, m1=MarkKind.PAPER, m2=MarkKind.PAPER, m3=MarkKind.MISSING)
    assert flow.available() == (
        Outcome.CORRECTION, Outcome.PENDING, Outcome.COMMITMENT, Outcome.REJECT
    )


def test_outcomes_with_a_missing_key_material(flow: AcceptanceFlow, catalog: Catalog) -> None:
    _getihu(flow, catalog, m1=MarkKind.MISSING, m2=MarkKind.PAPER, m3=MarkKind.PAPER)
    options = {o.outcome: o for o in flow.outcomes()}
    assert not options[Outcome.PENDING].available
    assert "不允许容缺" in options[Outcome.PENDING].reason
    assert not options[Outcome.ACCEPT].available


def test_outcomes_with_a_defective_material(flow: AcceptanceFlow, catalog: Catalog) -> None:
    _getihu(flow, catalog, m1=MarkKind.PAPER, m2=MarkKind.PAPER, m3=MarkKind.DEFECTIVE)
    options = {o.outcome: o for o in flow.outcomes()}
    assert options[Outcome.CORRECTION].available
    assert options[Outcome.PENDING].reason == "材料不符合要求的不能容缺"


def test_nothing_but_rejection_before_every_material_is_checked(
    flow: AcceptanceFlow, catalog: Catalog
) -> None:
    _getihu(flow, catalog, m1=MarkKind.PAPER)
    assert flow.available() == (Outcome.REJECT,)
    reason = {o.outcome: o.reason for o in flow.outcomes()}[Outcome.ACCEPT]
    assert "还有材料未核验" in reason


def test_defective_needs_a_reason_and_marks_must_fit(
    flow: AcceptanceFlow, catalog: Catalog
) -> None:
    _getihu(flow, catalog)
    with pytest.raises(ValidationFailed, match="原因"):
        flow.mark("m3", MarkKind.DEFECTIVE)
    with pytest.raises(ValidationFailed, match="共享数据"):
        flow.mark("m1", MarkKind.SHARED_DATA)
    with pytest.raises(ValidationFailed):
        flow.mark("m9", MarkKind.PAPER)


def test_marks_wait_for_the_applicant(flow: AcceptanceFlow, catalog: Catalog) -> None:
    flow.choose_item(catalog.item(GETIHU))
    with pytest.raises(ValidationFailed) as info:
        flow.mark("m1", MarkKind.PAPER)
    assert info.value.code == "acceptance.no_applicant"


def test_accept_executes_on_the_case(flow: AcceptanceFlow, catalog: Catalog) -> None:
    _getihu(flow, catalog, m1=MarkKind.PAPER, m2=MarkKind.PAPER, m3=MarkKind.PAPER)
    flow.choose_delivery(DeliveryMethod.KIOSK_PRINT)
    done = flow.execute(Outcome.ACCEPT, number="TW02-20260302-1")
    assert done.case.state is CaseState.ACCEPTED
    assert done.receipt.to_state is CaseState.RECEIVED
    assert done.outcome.details["promised_by"] == "2026-03-02"  # 即办件
    assert done.delivery is DeliveryMethod.KIOSK_PRINT
    assert flow.next_action().step is Step.DONE
    with pytest.raises(IllegalTransition):
        flow.mark("m1", MarkKind.MISSING)


def test_correction_lists_every_problem(flow: AcceptanceFlow, catalog: Catalog) -> None:
    _getihu(flow, catalog, m1=MarkKind.MISSING, m2=MarkKind.PAPER, m3=MarkKind.DEFECTIVE)
    done = flow.execute(Outcome.CORRECTION, number="TW02-20260302-2", note="请一次补齐")
    problems = done.outcome.details["problems"]
    assert isinstance(problems, list)
    assert [p["name"] for p in problems] == [  # type: ignore[index]
        "个体工商户登记（备案）申请书", "经营场所使用证明"
    ]
    assert done.case.state is CaseState.CORRECTION_REQUESTED


def test_pending_needs_a_deadline(flow: AcceptanceFlow, catalog: Catalog) -> None:
    _getihu(flow, catalog, m1=MarkKind.PAPER, m2=MarkKind.PAPER, m3=MarkKind.MISSING)
    with pytest.raises(ValidationFailed, match="期限"):
        flow.execute(Outcome.PENDING, number="TW02-20260302-3")
    done = flow.execute(Outcome.PENDING, number="TW02-20260302-3",
                        supply_by=dt.date(2026, 3, 9))
    assert done.case.state is CaseState.ACCEPTED_PENDING


def test_commitment_needs_the_applicants_choice(flow: AcceptanceFlow, catalog: Catalog) -> None:
    _getihu(flow, catalog, m1=MarkKind.PAPER, m2=MarkKind.PAPER, m3=MarkKind.MISSING)
    with pytest.raises(ValidationFailed, match="申请人自主决定"):
        flow.execute(Outcome.COMMITMENT, number="TW02-20260302-4")
    assert flow.executed is None  # refused: nothing happened, the flow is still open
    done = flow.execute(Outcome.COMMITMENT, number="TW02-20260302-4", applicant_chose=True,
                        commitment_ref="CN-001")
    assert done.case.state is CaseState.ACCEPTED_ON_COMMITMENT


def test_reject_only_with_a_chief(flow: AcceptanceFlow, catalog: Catalog) -> None:
    _getihu(flow, catalog, m1=MarkKind.PAPER, m2=MarkKind.PAPER, m3=MarkKind.PAPER)
    with pytest.raises(NotPermitted):
        flow.execute(Outcome.REJECT, number="TW02-20260302-5", reason="经营范围属于禁止类",
                     redress=REDRESS, approved_by=CLERK)
    done = flow.execute(Outcome.REJECT, number="TW02-20260302-5", reason="经营范围属于禁止类",
                        redress=REDRESS, approved_by=CHIEF)
    assert done.case.state is CaseState.REJECTED
    approver = done.outcome.details["approver"]
    assert isinstance(approver, dict)
    assert approver["id"] == "hc-yujun"


def test_unavailable_outcome_is_refused_with_its_reason(
    flow: AcceptanceFlow, catalog: Catalog
) -> None:
    _getihu(flow, catalog, m1=MarkKind.PAPER, m2=MarkKind.PAPER, m3=MarkKind.MISSING)
    with pytest.raises(ValidationFailed, match="材料不齐全"):
        flow.execute(Outcome.ACCEPT, number="TW02-20260302-6")


def test_agent_is_recorded(flow: AcceptanceFlow, catalog: Catalog) -> None:
    _getihu(flow, catalog, m1=MarkKind.PAPER, m2=MarkKind.PAPER, m3=MarkKind.PAPER)
    flow.set_agent(Agent(kind=AgentKind.ASSISTANT, name="帮办员刘静",
                         id_number="11010519491231002X", phone="13912345678",
                         authorisation_ref="BB-2026-0031"))
    done = flow.execute(Outcome.ACCEPT, number="TW02-20260302-7")
    assert done.case.record.agent is not None
    assert done.case.events[0].details["assisted"] is True


def test_shared_data_marks_on_a_town_item(
    clock: FakeClock, catalog: Catalog, people: tuple[list[Citizen], list[Enterprise]]
) -> None:
    station = Actor(id="zd-clerk", role=Role.CLERK, channel=Channel.WINDOW, terminal_id="W01",
                    hall_id="zd-bmzx")
    flow = AcceptanceFlow(actor=station, clock=clock, calendar=CAL)
    flow.choose_item(catalog.item(DIBAO))
    person = next(p for p in people[0] if {"resident_id", "household_register"}
                  <= p.licence_types())
    flow.use_identity(person)
    kinds = {c.material.id: c.mark.kind if c.mark else None for c in flow.checklist()}
    assert kinds["m2"] is MarkKind.ELICENCE
    assert kinds["m3"] is MarkKind.ELICENCE  # the 户口簿 e-licence, shared data not needed
    flow.clear_mark("m3")
    flow.mark("m3", MarkKind.SHARED_DATA)
    flow.mark("m1", MarkKind.PAPER)
    flow.mark("m4", MarkKind.PAPER)
    flow.mark("m5", MarkKind.MISSING)
    assert Outcome.PENDING in flow.available()
    done = flow.execute(Outcome.PENDING, number="TW01-20260302-1", supply_by=dt.date(2026, 3, 16))
    assert done.outcome.details["promised_by"] == "2026-03-30"  # 20 working days
