"""Working days across the official 2025/2026 schedules."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.calendar import Countdown, Urgency, WorkingCalendar, YearSchedule
from core.catalog import DayUnit
from core.errors import ValidationFailed

HOLIDAYS = Path(__file__).resolve().parents[2] / "resources" / "holidays"
D = dt.date


def load_official() -> WorkingCalendar:
    years = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(HOLIDAYS.glob("*.json"))]
    return WorkingCalendar.from_dict({"years": years})


CAL = load_official()


def test_shipped_years_are_2025_and_2026() -> None:
    assert CAL.years == (2025, 2026)
    assert CAL.covers(D(2026, 7, 1))
    assert not CAL.covers(D(2027, 1, 4))


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2026, 2, 13), True),  # Friday before 春节
        (D(2026, 2, 14), True),  # Saturday, 调休上班
        (D(2026, 2, 16), False),  # Monday in 春节
        (D(2026, 2, 23), False),  # Monday, last day of 春节
        (D(2026, 2, 24), True),
        (D(2026, 2, 28), True),  # Saturday, 调休上班
        (D(2026, 3, 1), False),  # ordinary Sunday
        (D(2026, 9, 20), True),  # Sunday, 国庆调休
        (D(2026, 10, 7), False),
        (D(2026, 10, 10), True),  # Saturday, 国庆调休
        (D(2026, 1, 4), True),  # Sunday, 元旦调休
        (D(2025, 10, 8), False),  # 国庆中秋 8 days in 2025
        (D(2025, 10, 11), True),
        (D(2027, 1, 1), True),  # no 2027 schedule yet: a Friday counts as working
    ],
)
def test_is_working_day(day: dt.date, working: bool) -> None:
    assert CAL.is_working_day(day) is working


def test_holiday_names() -> None:
    assert CAL.holiday_name(D(2026, 2, 17)) == "春节"
    assert CAL.holiday_name(D(2026, 2, 14)) is None


def test_correction_deadline_across_national_day_week() -> None:
    # Received Tuesday 29 Sep 2026: 30 Sep, then 国庆 1–7 Oct off, 8, 9, 10 (Sat 调休), 12.
    assert CAL.correction_deadline(D(2026, 9, 29)) == D(2026, 10, 12)


def test_add_working_days_across_spring_festival_with_make_up_saturdays() -> None:
    # Received Friday 13 Feb 2026: Sat 14 (调休) is day 1, then 24, 25, 26, 27.
    assert CAL.add_working_days(D(2026, 2, 13), 5) == D(2026, 2, 27)
    assert CAL.add_working_days(D(2026, 2, 13), 6) == D(2026, 2, 28)  # Saturday 调休
    assert CAL.add_working_days(D(2026, 2, 13), 7) == D(2026, 3, 2)


def test_year_boundary() -> None:
    # Wednesday 31 Dec 2025: 1–3 Jan off, Sunday 4 Jan works, then 5, 6 …
    assert CAL.add_working_days(D(2025, 12, 31), 1) == D(2026, 1, 4)
    assert CAL.add_working_days(D(2025, 12, 31), 3) == D(2026, 1, 6)
    assert CAL.working_days_between(D(2025, 12, 31), D(2026, 1, 6)) == 3


def test_start_on_a_holiday_counts_from_the_next_working_day() -> None:
    assert CAL.add_working_days(D(2026, 10, 3), 1) == D(2026, 10, 8)


def test_zero_days_is_the_same_day() -> None:
    assert CAL.add_working_days(D(2026, 3, 7), 0) == D(2026, 3, 7)
    assert CAL.deadline(D(2026, 3, 2), 0, DayUnit.NATURAL) == D(2026, 3, 2)


def test_natural_days_ending_on_a_holiday_move_to_next_working_day() -> None:
    assert CAL.deadline(D(2026, 9, 1), 30, DayUnit.NATURAL) == D(2026, 10, 8)
    assert CAL.deadline(D(2026, 3, 2), 10, DayUnit.NATURAL) == D(2026, 3, 12)
    # Ends on Saturday 14 Feb 2026, a make-up working day: stays.
    assert CAL.deadline(D(2026, 2, 4), 10, DayUnit.NATURAL) == D(2026, 2, 14)


def test_working_deadline_matches_add_working_days() -> None:
    # Thursday 30 Apr 2026: 劳动节 1–5 May off, then 6, 7, 8, and Saturday 9 (调休).
    assert CAL.deadline(D(2026, 4, 30), 3, DayUnit.WORKING) == D(2026, 5, 8)
    assert CAL.deadline(D(2026, 4, 30), 4, DayUnit.WORKING) == D(2026, 5, 9)


def test_working_days_between_is_signed() -> None:
    assert CAL.working_days_between(D(2026, 10, 12), D(2026, 9, 29)) == -5
    assert CAL.working_days_between(D(2026, 3, 2), D(2026, 3, 2)) == 0


def test_datetime_counts_as_its_date() -> None:
    moment = dt.datetime(2026, 9, 29, 16, 30)
    assert CAL.correction_deadline(moment) == D(2026, 10, 12)


@given(
    start=st.dates(min_value=D(2024, 12, 1), max_value=D(2027, 1, 31)),
    n=st.integers(min_value=0, max_value=40),
)
def test_between_inverts_add(start: dt.date, n: int) -> None:
    end = CAL.add_working_days(start, n)
    assert CAL.working_days_between(start, end) == n
    if n:
        assert CAL.is_working_day(end)


@pytest.mark.parametrize(
    ("today", "urgency", "left", "label"),
    [
        (D(2026, 9, 29), Urgency.OK, 5, "剩余5个工作日"),
        (D(2026, 10, 9), Urgency.NEAR, 2, "剩余2个工作日"),
        (D(2026, 10, 12), Urgency.DUE_TODAY, 0, "今日到期"),
        (D(2026, 10, 14), Urgency.OVERDUE, -2, "已超期2个工作日"),
        (D(2026, 10, 18), Urgency.OVERDUE, -4, "已超期4个工作日"),
    ],
)
def test_countdown(today: dt.date, urgency: Urgency, left: int, label: str) -> None:
    c = CAL.countdown(D(2026, 10, 12), today, warn_within=2)
    assert c == Countdown(deadline=D(2026, 10, 12), working_days_left=left, urgency=urgency)
    assert c.label() == label
    assert c.overdue is (urgency is Urgency.OVERDUE)


def test_overdue_on_a_day_off_right_after_the_deadline() -> None:
    c = CAL.countdown(D(2026, 10, 9), D(2026, 10, 11))  # Friday deadline, Sunday today
    assert c.urgency is Urgency.OVERDUE
    assert c.label() == "已超期1个工作日"  # Saturday 10 Oct is a 调休 working day


def test_round_trip_through_dict() -> None:
    again = WorkingCalendar.from_dict(CAL.to_dict())
    assert again.to_dict() == CAL.to_dict()
    assert again.add_working_days(D(2026, 2, 13), 5) == D(2026, 2, 27)


def test_single_year_file_is_accepted() -> None:
    data = json.loads((HOLIDAYS / "2026.json").read_text(encoding="utf-8"))
    assert WorkingCalendar.from_dict(data).years == (2026,)


def test_later_schedule_for_same_year_replaces_earlier() -> None:
    a = YearSchedule(year=2030, source="a", holidays=[{"name": "x", "first": "2030-01-01",
                                                       "last": "2030-01-01"}])
    b = YearSchedule(year=2030, source="b", holidays=[{"name": "y", "first": "2030-01-02",
                                                       "last": "2030-01-02"}])
    cal = WorkingCalendar([a, b])
    assert cal.is_working_day(D(2030, 1, 1))
    assert not cal.is_working_day(D(2030, 1, 2))


def _year(**over: object) -> dict[str, object]:
    base: dict[str, object] = {
        "year": 2030,
        "source": "测试",
        "holidays": [{"name": "元旦", "first": "2030-01-01", "last": "2030-01-01"}],
        "workdays": [],
    }
    base.update(over)
    return base


@pytest.mark.parametrize(
    "bad",
    [
        "not a dict",
        {"years": "2026"},
        _year(holidays=[]),
        _year(holidays=[{"name": "春节", "first": "2030-02-05", "last": "2030-02-01"}]),
        _year(holidays=[{"name": "春节", "first": "2031-02-05", "last": "2031-02-07"}]),
        _year(workdays=[{"name": "调休", "day": "2030-01-02"}]),  # a Wednesday
        _year(workdays=[{"name": "调休", "day": "2030-01-06"}],  # Sunday, but also off
              holidays=[{"name": "元旦", "first": "2030-01-01", "last": "2030-01-06"}]),
        _year(holidays=[{"name": "a", "first": "2030-01-01", "last": "2030-01-02"},
                        {"name": "b", "first": "2030-01-02", "last": "2030-01-03"}]),
        _year(extra="x"),
        _year(holidays=[{"name": "a", "first": "not-a-date", "last": "2030-01-02"}]),
    ],
)
def test_bad_calendar_data_is_refused_with_a_message(bad: object) -> None:
    with pytest.raises(ValidationFailed) as err:
        WorkingCalendar.from_dict(bad)  # type: ignore[arg-type]
    assert err.value.message.startswith("节假日数据")


@pytest.mark.parametrize("n", [-1, 2001, 1.5, True])
def test_bad_day_counts(n: object) -> None:
    with pytest.raises(ValidationFailed):
        CAL.add_working_days(D(2026, 3, 2), n)  # type: ignore[arg-type]


def test_bad_warning_window_and_span() -> None:
    with pytest.raises(ValidationFailed):
        CAL.countdown(D(2026, 3, 2), D(2026, 3, 2), warn_within=-1)
    with pytest.raises(ValidationFailed):
        CAL.working_days_between(D(2000, 1, 1), D(2026, 1, 1))
    with pytest.raises(ValidationFailed):
        CAL.is_working_day("2026-03-02")  # type: ignore[arg-type]
