"""办件 state machine: every legal and illegal transition, and every acceptance rule."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import ValidationError

from core.calendar import Urgency, WorkingCalendar
from core.case import (
    ACTION_NAMES,
    STATE_NAMES,
    TRANSITIONS,
    Action,
    Actor,
    Agent,
    AgentKind,
    Applicant,
    Case,
    CaseRecord,
    CaseState,
    Channel,
    CheckStatus,
    MarkKind,
    MaterialMark,
    Role,
    format_provisional,
    normalise_phone,
    parse_provisional,
    redress_text,
)
from core.catalog import (
    Audience,
    DayUnit,
    DeliveryMethod,
    ItemKind,
    ItemStatus,
    ItemType,
    Level,
    Material,
    MaterialForm,
    ServiceItem,
    Situation,
    Step,
)
from core.elicence import make_identifier
from core.errors import IllegalTransition, NotPermitted, ValidationFailed
from core.identifiers import resident_id_check_char
from tests.helpers.clock import FakeClock

S = CaseState
A = Action
D = dt.date
HOLIDAYS = Path(__file__).resolve().parents[2] / "resources" / "holidays"
CAL = WorkingCalendar.from_dict(
    {"years": [json.loads(p.read_text(encoding="utf-8")) for p in HOLIDAYS.glob("*.json")]}
)
PERSON_ID = "37100219900101123" + resident_id_check_char("37100219900101123")
AGENT_ID = "11010519491231002X"
USCC = "91110000710925462X"
LICENCE = make_identifier(USCC + "011", USCC, "2024000123")
REDRESS = redress_text("威海市人民政府", "威海市环翠区人民法院")

ITEM = ServiceItem(
    id="11371000MB28541234300011110000",
    basic_code="000111000000",
    name="再生育服务证办理",
    type=ItemType.CONFIRMATION,
    audience=(Audience.PERSONAL,),
    department="威海市卫生健康委员会",
    level=Level.CITY,
    region="威海市",
    kind=ItemKind.PROMISED,
    conditions=("符合条件的夫妻",),
    materials=(
        Material(id="m1", name="申请表", form=MaterialForm.ORIGINAL, copies=1),
        Material(id="m2", name="居民身份证", form=MaterialForm.ORIGINAL, copies=0,
                 elicence_type="resident_id"),
        Material(id="m3", name="居民户口簿", form=MaterialForm.ORIGINAL, copies=0,
                 shared_data=True),
        Material(id="m4", name="结婚证", form=MaterialForm.COPY, copies=1, pending_allowed=True),
        Material(id="m5", name="其他证明材料", form=MaterialForm.COPY, copies=1, required=False),
        Material(id="m6", name="子女出生医学证明", form=MaterialForm.COPY, copies=1),
    ),
    situations=(
        Situation(id="s1", name="夫妻双方均为本市户籍",
                  material_ids=("m1", "m2", "m3", "m4", "m5", "m6")),
        Situation(id="s2", name="简易情形", material_ids=("m1", "m2")),
    ),
    steps=(Step(name="受理"), Step(name="审查"), Step(name="决定")),
    legal_days=20,
    promised_days=5,
    legal_basis=("《山东省人口与计划生育条例》",),
    result_name="再生育服务证",
    result_type="证照",
    delivery=(DeliveryMethod.WINDOW, DeliveryMethod.EMS, DeliveryMethod.LOCKER),
    hall_ids=("hall-hc",),
    phone="0631-5200000",
    plain_text="夫妻再生育的，带身份证和结婚证来办。",
    kiosk_enabled=True,
    window_decidable=True,
    commitment_allowed=True,
)

CLERK = Actor(id="clerk-01", role=Role.CLERK, channel=Channel.WINDOW, terminal_id="W03",
              hall_id="hall-hc")
CLERK2 = Actor(id="clerk-02", role=Role.CLERK, channel=Channel.WINDOW, terminal_id="W04",
               hall_id="hall-hc")
CHIEF = Actor(id="chief-01", role=Role.CHIEF, channel=Channel.WINDOW, terminal_id="W09",
              hall_id="hall-hc")
REVIEWER = Actor(id="wjw-审批科", role=Role.REVIEWER, channel=Channel.PLATFORM)
PLATFORM = Actor(id="sd-platform", role=Role.PLATFORM, channel=Channel.PLATFORM)
ISSUER = Actor(id="issuer-01", role=Role.ISSUER, channel=Channel.WINDOW, terminal_id="W10",
               hall_id="hall-hc")
KIOSK_USER = Actor(id="session-7f3a", role=Role.APPLICANT, channel=Channel.KIOSK,
                   terminal_id="K03", hall_id="hall-hc")

START = dt.datetime(2026, 9, 29, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def applicant(**over: object) -> Applicant:
    data: dict[str, object] = {
        "kind": Audience.PERSONAL,
        "name": "张三",
        "id_number": PERSON_ID,
        "phone": "13812345678",
    }
    data.update(over)
    return Applicant(**data)  # type: ignore[arg-type]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


def new_case(
    clock: FakeClock,
    *,
    item: ServiceItem = ITEM,
    situation: str = "s1",
    actor: Actor = CLERK,
    agent: Agent | None = None,
) -> Case:
    return Case.open(
        number=format_provisional("W03", clock.now().date(), 1),
        item=item,
        situation_id=situation,
        applicant=applicant(),
        agent=agent,
        actor=actor,
        clock=clock,
        calendar=CAL,
    )


def ok(material_id: str) -> MaterialMark:
    if material_id == "m2":
        return MaterialMark(material_id="m2", kind=MarkKind.ELICENCE, licence_id=LICENCE,
                            licence_type="resident_id")
    if material_id == "m3":
        return MaterialMark(material_id="m3", kind=MarkKind.SHARED_DATA)
    if material_id == "m5":
        return MaterialMark(material_id="m5", kind=MarkKind.NOT_APPLICABLE)
    return MaterialMark(material_id=material_id, kind=MarkKind.PAPER)


def missing(material_id: str) -> MaterialMark:
    return MaterialMark(material_id=material_id, kind=MarkKind.MISSING)


def defective(material_id: str, reason: str = "复印件不清晰") -> MaterialMark:
    return MaterialMark(material_id=material_id, kind=MarkKind.DEFECTIVE, reason=reason)


def mark_all_ok(case: Case) -> None:
    case.mark_all(ok(m.id) for m in case.materials())


def received(clock: FakeClock, **kw: object) -> Case:
    case = new_case(clock, **kw)  # type: ignore[arg-type]
    mark_all_ok(case)
    case.receive(CLERK)
    return case


# ---- driving a case into any state ------------------------------------------------


def drive(state: CaseState, clock: FakeClock) -> Case:
    """A case in ``state``, reached by legal steps."""
    case = new_case(clock)
    if state is S.DRAFT:
        return case
    mark_all_ok(case)
    case.receive(CLERK)
    steps: dict[CaseState, Callable[[Case], object]] = {
        S.RECEIVED: lambda c: None,
        S.ACCEPTED: lambda c: c.accept(CLERK),
        S.ACCEPTED_PENDING: lambda c: (c.mark(missing("m4")),
                                       c.accept_pending(CLERK, supply_by=D(2026, 10, 16))),
        S.ACCEPTED_ON_COMMITMENT: lambda c: c.accept_on_commitment(CLERK, applicant_chose=True),
        S.CORRECTION_REQUESTED: lambda c: (c.mark(missing("m6")), c.request_correction(CLERK)),
        S.REJECTED: lambda c: c.reject(CLERK, reason="不属于本机关职权范围", redress=REDRESS,
                                       approved_by=CHIEF),
        S.IN_REVIEW: lambda c: (c.accept(CLERK), c.forward(CLERK)),
        S.APPROVED: lambda c: (c.accept(CLERK), c.forward(CLERK), c.approve(REVIEWER)),
        S.DENIED: lambda c: (c.accept(CLERK), c.forward(CLERK),
                             c.deny(REVIEWER, reason="不符合条件", redress=REDRESS)),
        S.RESULT_READY: lambda c: (c.accept(CLERK), c.forward(CLERK), c.approve(REVIEWER),
                                   c.publish_result(REVIEWER, result_ref="ZS-2026-001")),
        S.DELIVERED: lambda c: (c.accept(CLERK), c.forward(CLERK), c.approve(REVIEWER),
                                c.publish_result(REVIEWER, result_ref="ZS-2026-001"),
                                c.deliver(ISSUER, method=DeliveryMethod.WINDOW,
                                          recipient="申请人")),
        S.WITHDRAWN: lambda c: c.withdraw(CLERK, reason="申请人书面申请撤回"),
    }
    steps[state](case)
    assert case.state is state
    return case


def _prepare(case: Case, action: Action, clock: FakeClock) -> None:
    if action is A.ACCEPT_PENDING:
        case.mark(missing("m4"))
    elif action is A.REQUEST_CORRECTION:
        case.mark(missing("m6"))
    elif action is A.SUPPLY_PENDING:
        case.mark(ok("m4"))
    elif action is A.REJECT and case.state is S.ACCEPTED_PENDING:
        clock.set_date(D(2026, 10, 19))  # the 容缺 deadline has passed


CALLS: dict[Action, Callable[[Case], object]] = {
    A.RECEIVE: lambda c: c.receive(CLERK),
    A.RESUBMIT: lambda c: c.resubmit(CLERK),
    A.ACCEPT: lambda c: c.accept(CLERK),
    A.ACCEPT_PENDING: lambda c: c.accept_pending(CLERK, supply_by=D(2026, 10, 16)),
    A.ACCEPT_ON_COMMITMENT: lambda c: c.accept_on_commitment(CLERK, applicant_chose=True),
    A.REQUEST_CORRECTION: lambda c: c.request_correction(CLERK),
    A.REJECT: lambda c: c.reject(CLERK, reason="不符合受理条件", redress=REDRESS,
                                 approved_by=CHIEF),
    A.SUPPLY_PENDING: lambda c: c.supply_pending(CLERK),
    A.FORWARD: lambda c: c.forward(CLERK),
    A.DECIDE_AT_WINDOW: lambda c: c.decide_at_window(CLERK, chief=CHIEF),
    A.APPROVE: lambda c: c.approve(REVIEWER),
    A.DENY: lambda c: c.deny(REVIEWER, reason="不符合条件", redress=REDRESS),
    A.PUBLISH_RESULT: lambda c: c.publish_result(REVIEWER, result_ref="ZS-2026-001"),
    A.DELIVER: lambda c: c.deliver(ISSUER, method=DeliveryMethod.WINDOW, recipient="申请人"),
    A.WITHDRAW: lambda c: c.withdraw(CLERK, reason="申请人书面申请撤回"),
    A.NUMBERED: lambda c: c.assign_official_number(PLATFORM, "3710002026092900001"),
}


def invoke(case: Case, action: Action, clock: FakeClock, *, prepare: bool) -> object:
    """Take ``action``; with ``prepare``, first make it valid where it is legal."""
    if prepare:
        _prepare(case, action, clock)
    return CALLS[action](case)


ACTIONS = [a for a in Action if a is not A.OPEN]
LEGAL = [(s, a) for a in ACTIONS for s in sorted(TRANSITIONS[a][0])]
ILLEGAL = [(s, a) for a in ACTIONS for s in CaseState if s not in TRANSITIONS[a][0]]


@pytest.mark.parametrize(("state", "action"), LEGAL)
def test_every_legal_transition(state: CaseState, action: Action, clock: FakeClock) -> None:
    case = drive(state, clock)
    before = len(case.events)
    invoke(case, action, clock, prepare=True)
    target = TRANSITIONS[action][1] or state
    assert case.state is target
    assert len(case.events) == before + 1
    event = case.last_event
    assert (event.action, event.from_state, event.to_state) == (action, state, target)
    assert event.sequence == before + 1


@pytest.mark.parametrize(("state", "action"), ILLEGAL)
def test_every_illegal_transition(state: CaseState, action: Action, clock: FakeClock) -> None:
    case = drive(state, clock)
    before = case.record
    with pytest.raises(IllegalTransition) as err:
        invoke(case, action, clock, prepare=False)
    assert STATE_NAMES[state] in err.value.message
    assert ACTION_NAMES[action] in err.value.message
    assert err.value.params == {"state": state.value, "action": action.value}
    assert case.record == before  # nothing changed


def test_transition_table_covers_the_design_states() -> None:
    reachable = {t for _, t in TRANSITIONS.values() if t is not None} | {S.DRAFT}
    assert reachable == set(CaseState)


# ---- the happy path and its events ----------------------------------------------


def test_window_path_from_draft_to_delivered(clock: FakeClock) -> None:
    case = new_case(clock)
    assert case.state is S.DRAFT
    mark_all_ok(case)
    case.receive(CLERK)
    clock.advance(minutes=12)
    accepted = case.accept(CLERK)
    # Tuesday 29 Sep 2026 + 5 working days across 国庆 → Monday 12 Oct.
    assert accepted.details["promised_by"] == "2026-10-12"
    assert case.record.promised_by == D(2026, 10, 12)
    case.forward(CLERK, handover_ref="YJ-20260929-03")
    case.approve(REVIEWER, decision_ref="威卫生育〔2026〕88号")
    case.publish_result(REVIEWER, result_ref="ZS-2026-001")
    delivered = case.deliver(ISSUER, method=DeliveryMethod.EMS, reference="1234567890123")
    assert case.state is S.DELIVERED
    assert [e.sequence for e in case.events] == list(range(1, 8))
    assert [e.action for e in case.events] == [
        A.OPEN, A.RECEIVE, A.ACCEPT, A.FORWARD, A.APPROVE, A.PUBLISH_RESULT, A.DELIVER
    ]
    assert delivered.details["method"] == "ems"
    assert delivered.details["reference"] == "1234567890123"


def test_event_carries_actor_channel_terminal_hall_and_clock_time(clock: FakeClock) -> None:
    case = new_case(clock)
    mark_all_ok(case)
    clock.advance(minutes=3)
    event = case.receive(CLERK)
    assert event.case_number == "TW03-20260929-1"
    assert event.actor_id == "clerk-01"
    assert event.actor_role is Role.CLERK
    assert event.channel is Channel.WINDOW
    assert event.terminal_id == "W03"
    assert event.hall_id == "hall-hc"
    assert event.at == START + dt.timedelta(minutes=3)
    assert event.details["received_on"] == "2026-09-29"
    assert event.details["correction_deadline"] == "2026-10-12"
    assert event.details["receipt"] == 1
    assert event.title == "收件"


def test_events_are_immutable(clock: FakeClock) -> None:
    case = received(clock)
    with pytest.raises(ValidationError):
        case.last_event.action = A.ACCEPT
    with pytest.raises(ValidationError):
        case.record.state = S.ACCEPTED


def test_acceptance_event_lists_every_material_with_its_mark(clock: FakeClock) -> None:
    case = received(clock)
    event = case.accept(CLERK)
    materials = event.details["materials"]
    assert isinstance(materials, list)
    by_id = {m["id"]: m for m in materials if isinstance(m, dict)}
    assert list(by_id) == ["m1", "m2", "m3", "m4", "m5", "m6"]
    assert by_id["m2"]["mark"] == "elicence"
    assert by_id["m2"]["licence_id"] == LICENCE
    assert by_id["m3"]["mark"] == "shared_data"
    assert by_id["m5"]["status"] == "not_applicable"


# ---- accept ----------------------------------------------------------------------


def test_accept_refuses_unchecked_materials(clock: FakeClock) -> None:
    case = new_case(clock)
    case.receive(CLERK)
    case.mark(ok("m1"))
    with pytest.raises(ValidationFailed) as err:
        case.accept(CLERK)
    assert err.value.code == "case.unchecked"
    assert "居民身份证" in err.value.message
    assert case.state is S.RECEIVED


def test_accept_refuses_missing_or_defective(clock: FakeClock) -> None:
    case = received(clock)
    case.mark(missing("m4"))
    case.mark(defective("m6"))
    with pytest.raises(ValidationFailed) as err:
        case.accept(CLERK)
    assert err.value.code == "case.incomplete"
    assert "结婚证" in err.value.message
    assert "子女出生医学证明" in err.value.message


def test_optional_material_left_unmarked_does_not_block(clock: FakeClock) -> None:
    case = new_case(clock)
    case.mark_all(ok(i) for i in ("m1", "m2", "m3", "m4", "m6"))
    case.receive(CLERK)
    assert {c.material.id: c.status for c in case.checklist()}["m5"] is CheckStatus.NOT_APPLICABLE
    case.accept(CLERK)
    assert case.state is S.ACCEPTED


def test_immediate_item_is_promised_the_same_day(clock: FakeClock) -> None:
    item = ITEM.model_copy(update={"kind": ItemKind.IMMEDIATE, "promised_days": 0})
    case = received(clock, item=item)
    assert case.accept(CLERK).details["promised_by"] == "2026-09-29"


def test_natural_day_promise_moves_off_the_holiday(clock: FakeClock) -> None:
    item = ITEM.model_copy(update={"promised_days": 3, "day_unit": DayUnit.NATURAL})
    case = received(clock, item=item)
    # 29 Sep + 3 natural days = 2 Oct (国庆) → first working day 8 Oct.
    assert case.accept(CLERK).details["promised_by"] == "2026-10-08"


def test_promise_countdown(clock: FakeClock) -> None:
    case = received(clock)
    assert case.promise_countdown() is None
    case.accept(CLERK)
    clock.set_date(D(2026, 10, 9))
    countdown = case.promise_countdown()
    assert countdown is not None
    assert countdown.working_days_left == 2  # Saturday 10 Oct (调休) and Monday 12 Oct


# ---- 一次性告知 ----------------------------------------------------------------


def test_correction_lists_every_missing_and_defective_material(clock: FakeClock) -> None:
    case = received(clock)
    case.mark(missing("m4"))
    case.mark(defective("m6", "出生医学证明姓名与申请表不一致"))
    case.mark(missing("m1"))
    event = case.request_correction(CLERK, note="请携带原件")
    problems = event.details["problems"]
    assert isinstance(problems, list)
    assert [(p["id"], p["status"]) for p in problems if isinstance(p, dict)] == [
        ("m1", "missing"), ("m4", "missing"), ("m6", "defective")
    ]
    assert {p.get("reason") for p in problems if isinstance(p, dict)} >= {
        "出生医学证明姓名与申请表不一致"
    }
    assert event.details["notice_deadline"] == "2026-10-12"
    assert event.details["note"] == "请携带原件"
    assert case.state is S.CORRECTION_REQUESTED


def test_correction_refused_when_nothing_is_wrong(clock: FakeClock) -> None:
    case = received(clock)
    with pytest.raises(ValidationFailed) as err:
        case.request_correction(CLERK)
    assert err.value.code == "case.nothing_to_correct"


def test_correction_refused_until_every_material_is_checked(clock: FakeClock) -> None:
    case = new_case(clock)
    case.receive(CLERK)
    case.mark(missing("m4"))
    with pytest.raises(ValidationFailed) as err:
        case.request_correction(CLERK)
    assert err.value.code == "case.unchecked"


def test_correction_allowed_on_the_fifth_working_day_and_refused_after(
    clock: FakeClock,
) -> None:
    case = received(clock)
    case.mark(missing("m4"))
    clock.set_date(D(2026, 10, 12))
    countdown = case.correction_countdown()
    assert countdown is not None
    assert countdown.urgency is Urgency.DUE_TODAY
    late_clock = FakeClock(START)
    late = received(late_clock)
    late.mark(missing("m4"))
    late_clock.set_date(D(2026, 10, 13))
    with pytest.raises(ValidationFailed) as err:
        late.request_correction(CLERK)
    assert err.value.code == "case.correction_overdue"
    assert "2026年10月12日" in err.value.message
    assert late.state is S.RECEIVED
    case.request_correction(CLERK)
    assert case.state is S.CORRECTION_REQUESTED


def test_resubmission_is_a_new_receipt_with_its_own_clock(clock: FakeClock) -> None:
    case = received(clock)
    case.mark(missing("m6"))
    case.request_correction(CLERK)
    clock.set_date(D(2026, 10, 15))
    case.mark(ok("m6"))  # the applicant came back with it
    event = case.resubmit(CLERK)
    assert case.state is S.RECEIVED
    assert case.record.receipts == 2
    assert event.details["receipt"] == 2
    assert event.details["received_on"] == "2026-10-15"
    assert event.details["correction_deadline"] == "2026-10-22"
    case.accept(CLERK)
    assert case.record.accepted_on == D(2026, 10, 15)


def test_each_receipt_has_exactly_one_outcome(clock: FakeClock) -> None:
    case = received(clock)
    case.accept(CLERK)
    for attempt in (
        lambda: case.accept(CLERK),
        lambda: case.request_correction(CLERK),
        lambda: case.accept_on_commitment(CLERK, applicant_chose=True),
        lambda: case.reject(CLERK, reason="x", redress=REDRESS, approved_by=CHIEF),
    ):
        with pytest.raises(IllegalTransition):
            attempt()
    outcomes = {A.ACCEPT, A.ACCEPT_PENDING, A.ACCEPT_ON_COMMITMENT, A.REQUEST_CORRECTION,
                A.REJECT}
    assert sum(e.action in outcomes for e in case.events) == 1


# ---- 容缺受理 ---------------------------------------------------------------------


def test_accept_pending_lists_materials_and_deadline(clock: FakeClock) -> None:
    case = received(clock)
    case.mark(missing("m4"))
    event = case.accept_pending(CLERK, supply_by=D(2026, 10, 16))
    assert case.state is S.ACCEPTED_PENDING
    pending = event.details["pending"]
    assert isinstance(pending, list)
    assert [p["name"] for p in pending if isinstance(p, dict)] == ["结婚证"]
    assert event.details["supply_by"] == "2026-10-16"
    assert event.details["promised_by"] == "2026-10-12"


@pytest.mark.parametrize(
    ("marks", "supply_by", "code"),
    [
        ([], D(2026, 10, 16), "case.nothing_pending"),
        ([missing("m6")], D(2026, 10, 16), "case.pending_not_allowed"),
        ([missing("m4"), missing("m6")], D(2026, 10, 16), "case.pending_not_allowed"),
        ([defective("m4")], D(2026, 10, 16), "case.pending_defective"),
        ([missing("m4")], D(2026, 9, 29), "case.pending_deadline"),
        ([missing("m4")], D(2026, 9, 1), "case.pending_deadline"),
    ],
)
def test_accept_pending_rules(
    marks: list[MaterialMark], supply_by: dt.date, code: str, clock: FakeClock
) -> None:
    case = received(clock)
    case.mark_all(marks)
    with pytest.raises(ValidationFailed) as err:
        case.accept_pending(CLERK, supply_by=supply_by)
    assert err.value.code == code
    assert case.state is S.RECEIVED


def test_pending_materials_supplied_in_time_go_to_review(clock: FakeClock) -> None:
    case = drive(S.ACCEPTED_PENDING, clock)
    with pytest.raises(ValidationFailed) as err:
        case.supply_pending(CLERK)
    assert err.value.code == "case.pending_missing"
    case.mark(ok("m4"))
    clock.set_date(D(2026, 10, 16))
    case.supply_pending(CLERK)
    assert case.state is S.IN_REVIEW


def test_pending_deadline_passed(clock: FakeClock) -> None:
    case = drive(S.ACCEPTED_PENDING, clock)
    with pytest.raises(ValidationFailed) as err:
        case.reject(CLERK, reason="未按期补齐材料", redress=REDRESS, approved_by=CHIEF)
    assert err.value.code == "case.pending_open"
    clock.set_date(D(2026, 10, 19))
    case.mark(ok("m4"))
    with pytest.raises(ValidationFailed) as late:
        case.supply_pending(CLERK)
    assert late.value.code == "case.pending_overdue"
    case.reject(CLERK, reason="未按期补齐容缺材料", redress=REDRESS, approved_by=CHIEF)
    assert case.state is S.REJECTED


# ---- 告知承诺 ---------------------------------------------------------------------


def test_commitment_needs_the_item_to_allow_it(clock: FakeClock) -> None:
    case = received(clock, item=ITEM.model_copy(update={"commitment_allowed": False}))
    with pytest.raises(ValidationFailed) as err:
        case.accept_on_commitment(CLERK, applicant_chose=True)
    assert err.value.code == "case.commitment_not_allowed"


def test_commitment_needs_the_applicants_choice(clock: FakeClock) -> None:
    case = received(clock)
    with pytest.raises(ValidationFailed) as err:
        case.accept_on_commitment(CLERK, applicant_chose=False)
    assert err.value.code == "case.commitment_not_chosen"
    assert "自主决定" in err.value.message


def test_commitment_replaces_missing_proof(clock: FakeClock) -> None:
    case = received(clock)
    case.mark(missing("m6"))
    event = case.accept_on_commitment(CLERK, applicant_chose=True, commitment_ref="CN-001")
    committed = event.details["committed"]
    assert isinstance(committed, list)
    assert [c["id"] for c in committed if isinstance(c, dict)] == ["m6"]
    assert event.details["commitment_ref"] == "CN-001"
    assert case.state is S.ACCEPTED_ON_COMMITMENT


# ---- 不予受理 ---------------------------------------------------------------------


def test_clerk_alone_cannot_reject(clock: FakeClock) -> None:
    case = received(clock)
    with pytest.raises(NotPermitted) as err:
        case.reject(CLERK, reason="不符合条件", redress=REDRESS, approved_by=CLERK2)
    assert "首席代表" in err.value.message
    assert case.state is S.RECEIVED


@pytest.mark.parametrize(
    ("reason", "redress", "code"),
    [
        ("", REDRESS, "case.reason"),
        ("   ", REDRESS, "case.reason"),
        ("不符合条件", "", "case.redress"),
        ("不符合条件", "可申请行政复议", "case.redress"),
        ("不符合条件", "可提起行政诉讼", "case.redress"),
    ],
)
def test_reject_needs_reason_and_redress(
    reason: str, redress: str, code: str, clock: FakeClock
) -> None:
    case = received(clock)
    with pytest.raises(ValidationFailed) as err:
        case.reject(CLERK, reason=reason, redress=redress, approved_by=CHIEF)
    assert err.value.code == code


def test_rejection_event_has_reason_redress_and_approver(clock: FakeClock) -> None:
    case = received(clock)
    event = case.reject(CLERK, reason="申请事项不属于本机关职权范围", redress=REDRESS,
                        approved_by=CHIEF)
    assert event.details["reason"] == "申请事项不属于本机关职权范围"
    assert "六十日" in str(event.details["redress"])
    assert "六个月" in str(event.details["redress"])
    assert event.details["approver"] == {"id": "chief-01", "role": "首席代表"}
    assert event.actor_id == "clerk-01"


def test_redress_text_needs_both_bodies() -> None:
    with pytest.raises(ValidationFailed):
        redress_text("", "某法院")


# ---- 最多签两次 ---------------------------------------------------------------------


def test_window_decision_with_two_signatures(clock: FakeClock) -> None:
    case = drive(S.ACCEPTED, clock)
    event = case.decide_at_window(CLERK, chief=CHIEF, opinion="符合条件，准予办理")
    assert case.state is S.APPROVED
    assert event.details["signatures"] == [
        {"id": "clerk-01", "role": "综合受理"},
        {"id": "chief-01", "role": "首席代表"},
    ]


@pytest.mark.parametrize("second", [CLERK2, CHIEF])
def test_window_decision_needs_a_different_chief(second: Actor, clock: FakeClock) -> None:
    case = drive(S.ACCEPTED, clock)
    actor = CHIEF if second is CHIEF else CLERK
    with pytest.raises(NotPermitted):
        case.decide_at_window(actor, chief=second)
    assert case.state is S.ACCEPTED


def test_window_decision_only_for_decidable_items(clock: FakeClock) -> None:
    case = received(clock, item=ITEM.model_copy(update={"window_decidable": False}))
    case.accept(CLERK)
    with pytest.raises(ValidationFailed) as err:
        case.decide_at_window(CLERK, chief=CHIEF)
    assert err.value.code == "case.not_decidable"


# ---- decisions, results, delivery, withdrawal -----------------------------------


def test_deny_needs_reason_and_redress_and_result_is_still_delivered(
    clock: FakeClock,
) -> None:
    case = drive(S.IN_REVIEW, clock)
    with pytest.raises(ValidationFailed):
        case.deny(REVIEWER, reason="", redress=REDRESS)
    case.deny(REVIEWER, reason="不符合再生育条件", redress=REDRESS, decision_ref="不予〔2026〕1号")
    event = case.publish_result(REVIEWER, result_ref="BY-2026-001")
    assert event.details["decision"] == "denied"
    assert event.details["delivery_options"] == ["window", "ems", "locker"]


@pytest.mark.parametrize(
    ("method", "reference", "recipient", "code"),
    [
        (DeliveryMethod.KIOSK_PRINT, "", "", "case.delivery_method"),
        (DeliveryMethod.EMS, "", "", "case.delivery_reference"),
        (DeliveryMethod.LOCKER, " ", "", "case.delivery_reference"),
        (DeliveryMethod.WINDOW, "", "", "case.delivery_signer"),
    ],
)
def test_delivery_rules(
    method: DeliveryMethod, reference: str, recipient: str, code: str, clock: FakeClock
) -> None:
    case = drive(S.RESULT_READY, clock)
    with pytest.raises(ValidationFailed) as err:
        case.deliver(ISSUER, method=method, reference=reference, recipient=recipient)
    assert err.value.code == code
    assert case.state is S.RESULT_READY


def test_publish_result_needs_a_reference(clock: FakeClock) -> None:
    case = drive(S.APPROVED, clock)
    with pytest.raises(ValidationFailed):
        case.publish_result(REVIEWER, result_ref="  ")


def test_withdraw_needs_a_reason(clock: FakeClock) -> None:
    case = drive(S.IN_REVIEW, clock)
    with pytest.raises(ValidationFailed):
        case.withdraw(CLERK, reason=" ")
    case.withdraw(CLERK, reason="申请人书面申请撤回")
    assert case.state is S.WITHDRAWN


# ---- roles -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "call"),
    [
        (S.RECEIVED, lambda c: c.accept(KIOSK_USER)),
        (S.RECEIVED, lambda c: c.accept(ISSUER)),
        (S.ACCEPTED, lambda c: c.decide_at_window(REVIEWER, chief=CHIEF)),
        (S.IN_REVIEW, lambda c: c.approve(CLERK)),
        (S.RECEIVED, lambda c: c.assign_official_number(CLERK, "3710002026092900001")),
    ],
)
def test_roles_are_enforced(
    state: CaseState, call: Callable[[Case], object], clock: FakeClock
) -> None:
    case = drive(state, clock)
    with pytest.raises(NotPermitted):
        call(case)
    assert case.state is state


def test_kiosk_applicant_can_open_and_receive_for_kiosk_items(clock: FakeClock) -> None:
    case = new_case(clock, actor=KIOSK_USER, situation="s2")
    case.mark_all([ok("m1"), ok("m2")])
    event = case.receive(KIOSK_USER)
    assert event.channel is Channel.KIOSK
    assert case.record.channel is Channel.KIOSK


# ---- opening a case ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "situation", "actor", "code"),
    [
        (ITEM.model_copy(update={"status": ItemStatus.WITHDRAWN,
                                 "withdrawn_note": "已并入新事项"}),
         "s1", CLERK, "case.item_withdrawn"),
        (ITEM.model_copy(update={"audience": (Audience.ENTERPRISE,)}), "s1", CLERK,
         "case.audience"),
        (ITEM.model_copy(update={"kiosk_enabled": False}), "s1", KIOSK_USER, "case.not_kiosk"),
        (ITEM, "s9", CLERK, "case.situation"),
    ],
)
def test_open_refuses(item: ServiceItem, situation: str, actor: Actor, code: str,
                      clock: FakeClock) -> None:
    with pytest.raises(ValidationFailed) as err:
        new_case(clock, item=item, situation=situation, actor=actor)
    assert err.value.code == code


def test_open_refuses_bad_number_and_issuer_role(clock: FakeClock) -> None:
    with pytest.raises(ValidationFailed):
        Case.open(number="2026-1", item=ITEM, situation_id="s1", applicant=applicant(),
                  actor=CLERK, clock=clock, calendar=CAL)
    with pytest.raises(NotPermitted):
        new_case(clock, actor=ISSUER)


def test_agent_is_recorded(clock: FakeClock) -> None:
    agent = Agent(kind=AgentKind.PROXY, name="李四", id_number=AGENT_ID, phone="13900001111",
                  authorisation_ref="WT-2026-0099")
    case = new_case(clock, agent=agent)
    assert case.record.agent == agent
    assert case.events[0].details["assisted"] is True


# ---- materials -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mark", "code"),
    [
        (MaterialMark(material_id="m1", kind=MarkKind.ELICENCE, licence_id=LICENCE,
                      licence_type="resident_id"), "mark.licence_type"),
        (MaterialMark(material_id="m2", kind=MarkKind.ELICENCE, licence_id=LICENCE,
                      licence_type="business_licence"), "mark.licence_type"),
        (MaterialMark(material_id="m1", kind=MarkKind.SHARED_DATA), "mark.shared"),
        (MaterialMark(material_id="m4", kind=MarkKind.NOT_APPLICABLE), "mark.required"),
        (MaterialMark(material_id="m9", kind=MarkKind.PAPER), "mark.material"),
    ],
)
def test_marks_must_fit_the_material(mark: MaterialMark, code: str, clock: FakeClock) -> None:
    case = new_case(clock)
    with pytest.raises(ValidationFailed) as err:
        case.mark(mark)
    assert err.value.code == code


def test_mark_outside_the_situation(clock: FakeClock) -> None:
    case = new_case(clock, situation="s2")
    with pytest.raises(ValidationFailed):
        case.mark(ok("m4"))


@pytest.mark.parametrize(
    "fields",
    [
        {"material_id": "m2", "kind": MarkKind.ELICENCE},
        {"material_id": "m2", "kind": MarkKind.ELICENCE, "licence_id": "1.2.156.3005.2.X",
         "licence_type": "resident_id"},
        {"material_id": "m1", "kind": MarkKind.PAPER, "licence_id": LICENCE},
        {"material_id": "m1", "kind": MarkKind.DEFECTIVE},
        {"material_id": "m1", "kind": MarkKind.DEFECTIVE, "reason": "  "},
    ],
)
def test_bad_marks(fields: dict[str, object]) -> None:
    with pytest.raises(ValidationFailed):
        MaterialMark(**fields)  # type: ignore[arg-type]


def test_marks_are_frozen_once_the_case_is_accepted(clock: FakeClock) -> None:
    case = drive(S.IN_REVIEW, clock)
    with pytest.raises(IllegalTransition):
        case.mark(ok("m1"))


def test_remarking_replaces_the_earlier_mark(clock: FakeClock) -> None:
    case = received(clock)
    case.mark(missing("m4"))
    case.mark(ok("m4"))
    assert [m.material_id for m in case.record.marks].count("m4") == 1
    assert not case.problems()


# ---- people ------------------------------------------------------------------------


def test_applicant_validation_and_masking() -> None:
    person = applicant(id_number=PERSON_ID.lower(), phone="138-1234-5678")
    assert person.phone == "13812345678"
    assert person.masked_id == PERSON_ID[:6] + "********" + PERSON_ID[-4:]
    assert person.masked_phone == "138****5678"
    assert PERSON_ID not in repr(person)
    assert "13812345678" not in repr(person)
    firm = Applicant(kind=Audience.ENTERPRISE, name="国家电网有限公司", id_number=USCC.lower(),
                     phone="010-63416475", contact_name="王五")
    assert firm.id_number == USCC
    assert firm.masked_id == "911100********462X"


@pytest.mark.parametrize(
    "over",
    [
        {"id_number": PERSON_ID[:-1] + ("0" if PERSON_ID[-1] != "0" else "1")},
        {"id_number": USCC},  # a person needs an ID number
        {"kind": Audience.ENTERPRISE},  # an enterprise needs a USCC
        {"phone": "12345"},
        {"phone": "23812345678"},
        {"name": "  "},
    ],
)
def test_bad_applicants(over: dict[str, object]) -> None:
    with pytest.raises((ValidationFailed, ValidationError)):
        applicant(**over)


@pytest.mark.parametrize(("raw", "norm"), [("+86 139 0000 1111", "13900001111"),
                                           ("0631-5201234", "06315201234")])
def test_normalise_phone(raw: str, norm: str) -> None:
    assert normalise_phone(raw) == norm


def test_actor_id_may_not_be_personal_data() -> None:
    with pytest.raises(ValidationFailed):
        Actor(id=PERSON_ID, role=Role.APPLICANT, channel=Channel.KIOSK)
    with pytest.raises(ValidationFailed):
        Actor(id="u13812345678", role=Role.APPLICANT, channel=Channel.KIOSK)


# ---- numbers -----------------------------------------------------------------------


def test_provisional_numbers_round_trip() -> None:
    text = format_provisional("WH-HC-03", D(2026, 3, 2), 17)
    assert text == "TWH-HC-03-20260302-17"
    parsed = parse_provisional(text)
    assert (parsed.terminal_id, parsed.day, parsed.serial) == ("WH-HC-03", D(2026, 3, 2), 17)
    assert str(parsed) == text


@pytest.mark.parametrize(
    "bad", ["", "W03-20260302-1", "TW03-2026032-1", "TW03-20260230-1", "TW03-20260302-0",
            "TW03-20260302-", "T-20260302-1", "TW 03-20260302-1"]
)
def test_bad_provisional_numbers(bad: str) -> None:
    with pytest.raises(ValidationFailed):
        parse_provisional(bad)


@pytest.mark.parametrize(("terminal", "serial"), [("W 03", 1), ("", 1), ("W03", 0),
                                                  ("W03", -2), ("W03", True)])
def test_bad_provisional_parts(terminal: str, serial: int) -> None:
    with pytest.raises(ValidationFailed):
        format_provisional(terminal, D(2026, 3, 2), serial)


def test_official_number_is_set_once_by_the_platform(clock: FakeClock) -> None:
    case = received(clock)
    event = case.assign_official_number(PLATFORM, "3710002026092900001")
    assert event is not None
    assert event.details == {"official_number": "3710002026092900001",
                             "provisional_number": "TW03-20260929-1"}
    assert event.from_state is event.to_state is S.RECEIVED
    assert case.number == "3710002026092900001"
    assert case.assign_official_number(PLATFORM, "3710002026092900001") is None
    with pytest.raises(IllegalTransition):
        case.assign_official_number(PLATFORM, "3710002026092900002")
    with pytest.raises(ValidationFailed):
        drive(S.ACCEPTED, clock).assign_official_number(PLATFORM, "12")


# ---- storage and logging -----------------------------------------------------------


def test_record_survives_a_json_round_trip_and_the_case_continues(clock: FakeClock) -> None:
    case = received(clock)
    case.mark(missing("m4"))
    case.accept_pending(CLERK, supply_by=D(2026, 10, 16))
    stored = case.record.model_dump_json()
    again = Case(record=CaseRecord.model_validate_json(stored), item=ITEM, clock=clock,
                 calendar=CAL)
    assert again.record == case.record
    again.mark(ok("m4"))
    again.supply_pending(CLERK)
    assert again.state is S.IN_REVIEW
    assert again.events[-1].sequence == 4


def test_record_must_match_the_item(clock: FakeClock) -> None:
    case = new_case(clock)
    other = ITEM.model_copy(update={"id": "other"})
    with pytest.raises(ValueError, match="item"):
        Case(record=case.record, item=other, clock=clock, calendar=CAL)


def test_logs_carry_no_personal_data(clock: FakeClock, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="core.case")
    case = received(clock)
    case.accept(CLERK)
    assert caplog.records
    text = caplog.text
    assert PERSON_ID not in text
    assert "13812345678" not in text
    assert "张三" not in text
