"""好差评: levels, reasons, and the follow-up of bad reviews."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from core.calendar import Urgency, WorkingCalendar
from core.case import Role
from core.clock import HALL_TZ
from core.errors import IllegalTransition, NotPermitted, ValidationFailed
from core.evaluation import (
    OTHER,
    RATING_NAMES,
    REASONS,
    BadReviewFollowUp,
    Evaluation,
    EvaluationChannel,
    FollowUps,
    FollowUpState,
    Rating,
)
from tests.helpers.clock import FakeClock

HOLIDAYS = Path(__file__).resolve().parents[2] / "resources" / "holidays"
CAL = WorkingCalendar.from_dict(
    {"years": [json.loads(p.read_text(encoding="utf-8")) for p in HOLIDAYS.glob("*.json")]}
)
AT = dt.datetime(2026, 9, 29, 16, 0, tzinfo=HALL_TZ)


def evaluation(**over: object) -> Evaluation:
    data: dict[str, object] = {
        "id": "0d6f7a1e-ev-1",
        "case_number": "TW03-20260929-1",
        "rating": Rating.DISSATISFIED,
        "reasons": ("未一次性告知", "多次跑动"),
        "channel": EvaluationChannel.WINDOW_PAD,
        "at": AT,
        "hall_id": "hall-hc",
        "clerk_id": "clerk-01",
        "window_no": "3",
        "contact_phone": "13812345678",
    }
    data.update(over)
    return Evaluation(**data)  # type: ignore[arg-type]


def test_five_levels_with_names() -> None:
    assert [int(r) for r in Rating] == [1, 2, 3, 4, 5]
    assert [RATING_NAMES[r] for r in sorted(Rating, reverse=True)] == [
        "非常满意", "满意", "基本满意", "不满意", "非常不满意"
    ]
    assert [r.is_bad for r in Rating] == [True, True, False, False, False]


def test_every_level_offers_reasons_ending_in_other() -> None:
    for rating in Rating:
        assert REASONS[rating][-1] == OTHER
        assert len(set(REASONS[rating])) == len(REASONS[rating])
    assert "服务态度差" in REASONS[Rating.VERY_DISSATISFIED]
    assert "服务态度差" not in REASONS[Rating.VERY_SATISFIED]


def test_good_review_needs_no_reason() -> None:
    e = evaluation(rating=Rating.VERY_SATISFIED, reasons=(), contact_phone=None)
    assert not e.is_bad
    assert e.subject == "TW03-20260929-1"


def test_ticket_only_evaluation() -> None:
    e = evaluation(case_number=None, ticket_number="A012", rating=Rating.SATISFIED,
                   reasons=("办事效率高",))
    assert e.subject == "A012"


@pytest.mark.parametrize(
    ("over", "code"),
    [
        ({"reasons": ()}, "evaluation.bad_needs_reason"),
        ({"rating": Rating.VERY_DISSATISFIED, "reasons": ()}, "evaluation.bad_needs_reason"),
        ({"reasons": ("服务态度热情",)}, "evaluation.reason"),  # a good reason on a bad review
        ({"reasons": ("随便写的",)}, "evaluation.reason"),
        ({"reasons": ("流程繁琐", "流程繁琐")}, "evaluation.reason"),
        ({"reasons": (OTHER,)}, "evaluation.other_needs_comment"),
        ({"reasons": (OTHER,), "comment": "   "}, "evaluation.other_needs_comment"),
        ({"case_number": None}, "evaluation.subject"),
        ({"at": dt.datetime(2026, 9, 29, 16, 0)}, "evaluation.time"),
    ],
)
def test_bad_evaluations_are_refused(over: dict[str, object], code: str) -> None:
    with pytest.raises(ValidationFailed) as err:
        evaluation(**over)
    assert err.value.code == code


def test_other_with_comment_is_fine_and_phone_stays_out_of_repr() -> None:
    e = evaluation(reasons=(OTHER,), comment="  叫号屏不显示  ")
    assert e.comment == "叫号屏不显示"
    assert "13812345678" not in repr(e)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(AT)


@pytest.fixture
def follow_ups(clock: FakeClock) -> FollowUps:
    return FollowUps(clock=clock, calendar=CAL)


def test_follow_up_opens_with_five_working_days(follow_ups: FollowUps) -> None:
    f = follow_ups.open(evaluation())
    assert f.state is FollowUpState.OPEN
    assert f.opened_on == dt.date(2026, 9, 29)
    assert f.rectify_by == dt.date(2026, 10, 12)  # across 国庆, with the Saturday 调休
    assert f.subject == "TW03-20260929-1"


def test_good_review_has_no_follow_up(follow_ups: FollowUps) -> None:
    with pytest.raises(ValidationFailed):
        follow_ups.open(evaluation(rating=Rating.BASICALLY_SATISFIED, reasons=()))


def test_full_follow_up_to_verified(follow_ups: FollowUps, clock: FakeClock) -> None:
    f = follow_ups.open(evaluation())
    clock.advance(hours=18)
    f = follow_ups.call_back(f, actor_id="chief-01", summary="申请人反映补正清单漏项",
                             reached=True)
    assert f.state is FollowUpState.CALLED_BACK
    f = follow_ups.rectify(f, actor_id="chief-01", measures="修订一次性告知模板，窗口人员培训")
    assert f.state is FollowUpState.RECTIFIED
    assert not f.rectified_late
    f = follow_ups.verdict(f, actor_id="chief-01", satisfied=True)
    assert f.state is FollowUpState.VERIFIED
    assert f.done
    assert [s.state for s in f.steps] == [
        FollowUpState.CALLED_BACK, FollowUpState.RECTIFIED, FollowUpState.VERIFIED
    ]
    assert f.steps[0].at == AT + dt.timedelta(hours=18)


def test_unsatisfied_verdict_starts_a_new_round(follow_ups: FollowUps, clock: FakeClock) -> None:
    f = follow_ups.open(evaluation())
    f = follow_ups.call_back(f, actor_id="a", summary="核实", reached=True)
    f = follow_ups.rectify(f, actor_id="a", measures="整改")
    clock.set_date(dt.date(2026, 10, 9))
    f = follow_ups.verdict(f, actor_id="a", satisfied=False, note="仍不满意")
    assert f.state is FollowUpState.OPEN
    assert f.round == 2
    assert f.rectify_by == dt.date(2026, 10, 15)  # Sat 10 Oct (调休), 12, 13, 14, 15


def test_late_rectification_is_recorded(follow_ups: FollowUps, clock: FakeClock) -> None:
    f = follow_ups.open(evaluation())
    f = follow_ups.call_back(f, actor_id="a", summary="无人接听", reached=False)
    assert f.steps[-1].note.startswith("未联系上评价人")
    clock.set_date(dt.date(2026, 10, 12))
    countdown = follow_ups.countdown(f)
    assert countdown is not None
    assert countdown.urgency is Urgency.DUE_TODAY
    clock.set_date(dt.date(2026, 10, 13))
    overdue = follow_ups.countdown(f)
    assert overdue is not None
    assert overdue.overdue
    f = follow_ups.rectify(f, actor_id="a", measures="调整排班")
    assert f.rectified_late
    assert follow_ups.countdown(f) is None


def test_out_of_order_steps_are_refused(follow_ups: FollowUps) -> None:
    f = follow_ups.open(evaluation())
    with pytest.raises(IllegalTransition):
        follow_ups.rectify(f, actor_id="a", measures="x")
    with pytest.raises(IllegalTransition):
        follow_ups.verdict(f, actor_id="a", satisfied=True)
    f = follow_ups.call_back(f, actor_id="a", summary="核实", reached=True)
    with pytest.raises(IllegalTransition):
        follow_ups.call_back(f, actor_id="a", summary="again", reached=True)


@pytest.mark.parametrize("blank", ["", "   "])
def test_blank_texts_are_refused(follow_ups: FollowUps, blank: str) -> None:
    f = follow_ups.open(evaluation())
    with pytest.raises(ValidationFailed):
        follow_ups.call_back(f, actor_id="a", summary=blank, reached=True)
    with pytest.raises(ValidationFailed):
        follow_ups.call_back(f, actor_id=blank, summary="核实", reached=True)


def test_only_a_supervisor_closes_and_needs_a_reason(follow_ups: FollowUps) -> None:
    f = follow_ups.open(evaluation())
    with pytest.raises(NotPermitted):
        follow_ups.close(f, actor_id="clerk-01", role=Role.CLERK, reason="误评")
    with pytest.raises(ValidationFailed):
        follow_ups.close(f, actor_id="chief-01", role=Role.CHIEF, reason=" ")
    closed = follow_ups.close(f, actor_id="chief-01", role=Role.CHIEF,
                              reason="经调取录像核实为误评")
    assert closed.state is FollowUpState.CLOSED
    with pytest.raises(IllegalTransition):
        follow_ups.close(closed, actor_id="admin", role=Role.ADMIN, reason="再次关闭")


def test_follow_up_round_trips_through_json(follow_ups: FollowUps) -> None:
    f = follow_ups.open(evaluation())
    f = follow_ups.call_back(f, actor_id="a", summary="核实", reached=True)
    assert BadReviewFollowUp.model_validate_json(f.model_dump_json()) == f
