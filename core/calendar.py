"""Working days: the synced holiday calendar and every deadline counted on it.

Deadlines follow the rules a clerk would apply by hand:

- The day something happens is not counted (期间开始之日不计算在期间内): a limit of
  5 working days from a Monday receipt ends on the following Monday.
- Working days are Monday to Friday, minus the State Council's holidays, plus its
  make-up working days (调休上班, always a Saturday or Sunday).
- A limit in natural days that ends on a holiday or weekend moves to the next working
  day (期间届满的最后一日是法定节假日的，以节假日后的第一日为期间届满的日期).

The calendar is built from one :class:`YearSchedule` per year. The gateway publishes
them; ``resources/holidays/<year>.json`` holds the official schedules we ship. A year
without a schedule is counted on weekends alone; :meth:`WorkingCalendar.covers` lets a
screen say so.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from core.catalog import DayUnit, NonEmpty
from core.errors import ValidationFailed, msg

CORRECTION_NOTICE_DAYS = 5
"""一次性告知 must be issued within 5 working days of receipt (行政许可法 第三十二条)."""

_MAX_SPAN_DAYS = 3660  # refuse nonsense spans (ten years) instead of looping on them
_EDGE = _dt.timedelta(days=31)  # a year's schedule may touch the neighbouring month


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class HolidayPeriod(_Model):
    """放假: consecutive days off, weekends inside the period included."""

    name: NonEmpty
    first: _dt.date
    last: _dt.date

    @model_validator(mode="after")
    def _ordered(self) -> HolidayPeriod:
        if self.last < self.first:
            raise ValueError(f"{self.name}: 放假结束日期早于开始日期")
        if (self.last - self.first).days > 31:
            raise ValueError(f"{self.name}: 放假时间超过一个月，数据有误")
        return self

    def days(self) -> Iterable[_dt.date]:
        day = self.first
        while day <= self.last:
            yield day
            day += _dt.timedelta(days=1)


class MakeUpDay(_Model):
    """调休上班: a Saturday or Sunday that is a working day."""

    name: NonEmpty
    day: _dt.date


class YearSchedule(_Model):
    """One year's official schedule (国务院办公厅关于某年部分节假日安排的通知)."""

    year: int = Field(ge=2000, le=2100)
    source: NonEmpty
    note: str = ""
    holidays: tuple[HolidayPeriod, ...] = Field(min_length=1)
    workdays: tuple[MakeUpDay, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> YearSchedule:
        low = _dt.date(self.year, 1, 1) - _EDGE
        high = _dt.date(self.year, 12, 31) + _EDGE
        off = [d for period in self.holidays for d in period.days()]
        if len(set(off)) != len(off):
            raise ValueError(f"{self.year}年: 放假日期有重复")
        for day in [*off, *(w.day for w in self.workdays)]:
            if not low <= day <= high:
                raise ValueError(f"{self.year}年: 日期 {day.isoformat()} 不属于该年度")
        for w in self.workdays:
            if w.day.weekday() < 5:
                raise ValueError(f"{self.year}年: 调休上班日 {w.day.isoformat()} 不是周末")
            if w.day in off:
                raise ValueError(f"{self.year}年: {w.day.isoformat()} 既是放假日又是上班日")
        return self


class Urgency(StrEnum):
    """How close a deadline is, for a screen's colour and wording."""

    OK = "ok"
    NEAR = "near"  # within the warning window: 即将到期
    DUE_TODAY = "due_today"  # 今日到期
    OVERDUE = "overdue"  # 已超期


@dataclass(frozen=True, slots=True)
class Countdown:
    """Where today stands against a deadline.

    Attributes:
        deadline: the last allowed day.
        working_days_left: working days after today up to and including the deadline
            (0 on the deadline itself; negative once overdue, counting the working
            days missed).
        urgency: a summary for the UI.
    """

    deadline: _dt.date
    working_days_left: int
    urgency: Urgency

    @property
    def overdue(self) -> bool:
        return self.urgency is Urgency.OVERDUE

    def label(self) -> str:
        """A short Chinese phrase: "剩余3个工作日", "今日到期", "已超期2个工作日"."""
        if self.urgency is Urgency.OVERDUE:
            if self.working_days_left == 0:
                return msg("已超期")
            return msg("已超期{days}个工作日", days=-self.working_days_left)
        if self.urgency is Urgency.DUE_TODAY:
            return msg("今日到期")
        return msg("剩余{days}个工作日", days=self.working_days_left)


def _as_date(value: _dt.date) -> _dt.date:
    # datetime is a date subclass; counting must use the calendar day only.
    if isinstance(value, _dt.datetime):
        return value.date()
    if not isinstance(value, _dt.date):
        raise ValidationFailed(msg("日期格式不正确"), code="calendar.date")
    return value


class WorkingCalendar:
    """The working-day calendar of the halls.

    Args:
        years: the official schedules to apply; later entries for the same year
            replace earlier ones (a re-published schedule wins).
    """

    def __init__(self, years: Iterable[YearSchedule] = ()) -> None:
        by_year: dict[int, YearSchedule] = {}
        for schedule in years:
            by_year[schedule.year] = schedule
        self._years = dict(sorted(by_year.items()))
        self._off: dict[_dt.date, str] = {}
        self._on: dict[_dt.date, str] = {}
        for schedule in self._years.values():
            for period in schedule.holidays:
                for day in period.days():
                    self._off[day] = period.name
            for w in schedule.workdays:
                self._on[w.day] = w.name

    # ---- loading ---------------------------------------------------------------

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> WorkingCalendar:
        """Build from the synced format: ``{"years": [<year schedule>, ...]}``.

        A single year's schedule (the shape of ``resources/holidays/<year>.json``) is
        accepted as well.

        Raises:
            ValidationFailed: the data is not a valid calendar; nothing is applied.
        """
        if not isinstance(data, Mapping):
            raise ValidationFailed(msg("节假日数据格式不正确"), code="calendar.format")
        raw_years = data.get("years", [data])
        if not isinstance(raw_years, list | tuple):
            raise ValidationFailed(msg("节假日数据格式不正确"), code="calendar.format")
        try:
            years = [YearSchedule.model_validate(y) for y in raw_years]
        except ValidationError as exc:
            first = exc.errors()[0]
            raise ValidationFailed(
                msg("节假日数据有误：{detail}", detail=first["msg"]), code="calendar.invalid"
            ) from None
        return cls(years)

    def to_dict(self) -> dict[str, Any]:
        """The synced format; :meth:`from_dict` reads it back unchanged."""
        return {"years": [y.model_dump(mode="json") for y in self._years.values()]}

    @property
    def years(self) -> tuple[int, ...]:
        """The years whose official schedule is known."""
        return tuple(self._years)

    def covers(self, day: _dt.date) -> bool:
        """Whether ``day``'s year has an official schedule (else weekends only)."""
        return _as_date(day).year in self._years

    # ---- single days -----------------------------------------------------------

    def is_working_day(self, day: _dt.date) -> bool:
        day = _as_date(day)
        if day in self._on:
            return True
        if day in self._off:
            return False
        return day.weekday() < 5

    def holiday_name(self, day: _dt.date) -> str | None:
        """The holiday ``day`` belongs to ("春节"), or ``None``."""
        return self._off.get(_as_date(day))

    def next_working_day(self, day: _dt.date) -> _dt.date:
        """``day`` itself when it is a working day, else the first one after it."""
        day = _as_date(day)
        for _ in range(_MAX_SPAN_DAYS):
            if self.is_working_day(day):
                return day
            day += _dt.timedelta(days=1)
        raise ValidationFailed(msg("日历数据异常：长期没有工作日"), code="calendar.no_workday")

    # ---- counting ---------------------------------------------------------------

    def add_working_days(self, start: _dt.date, n: int) -> _dt.date:
        """The ``n``-th working day after ``start`` (``start`` itself not counted).

        ``n == 0`` means the same day (即办件).

        Raises:
            ValidationFailed: ``n`` is negative or absurdly large.
        """
        start = _as_date(start)
        _check_days(n)
        day = start
        left = n
        while left:
            day += _dt.timedelta(days=1)
            if self.is_working_day(day):
                left -= 1
        return day

    def working_days_between(self, a: _dt.date, b: _dt.date) -> int:
        """Working days after ``a`` up to and including ``b``; negative if ``b < a``.

        The inverse of :meth:`add_working_days`:
        ``working_days_between(a, add_working_days(a, n)) == n``.
        """
        a, b = _as_date(a), _as_date(b)
        if b < a:
            return -self.working_days_between(b, a)
        if (b - a).days > _MAX_SPAN_DAYS:
            raise ValidationFailed(msg("日期跨度过大"), code="calendar.span")
        count = 0
        day = a
        while day < b:
            day += _dt.timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count

    def deadline(self, start: _dt.date, days: int, unit: DayUnit) -> _dt.date:
        """The last day of a limit of ``days`` counted from ``start``.

        Working days: see :meth:`add_working_days`. Natural days: ``start + days``,
        moved to the next working day if that is a day off.
        """
        start = _as_date(start)
        _check_days(days)
        if unit is DayUnit.WORKING:
            return self.add_working_days(start, days)
        if days == 0:
            return start
        return self.next_working_day(start + _dt.timedelta(days=days))

    def correction_deadline(self, received_on: _dt.date) -> _dt.date:
        """The last day to issue the 一次性告知书 for materials received on that day."""
        return self.add_working_days(received_on, CORRECTION_NOTICE_DAYS)

    def countdown(
        self, deadline: _dt.date, today: _dt.date, *, warn_within: int = 1
    ) -> Countdown:
        """How today stands against ``deadline``, for a warning on screen.

        Args:
            deadline: the last allowed day.
            today: the hall's date today.
            warn_within: ``NEAR`` when this many working days or fewer remain.
        """
        deadline, today = _as_date(deadline), _as_date(today)
        if warn_within < 0:
            raise ValidationFailed(msg("预警天数不能为负数"), code="calendar.warn")
        left = self.working_days_between(today, deadline)
        if today > deadline:
            urgency = Urgency.OVERDUE
        elif today == deadline:
            urgency = Urgency.DUE_TODAY
        elif left <= warn_within:
            urgency = Urgency.NEAR
        else:
            urgency = Urgency.OK
        return Countdown(deadline=deadline, working_days_left=left, urgency=urgency)


def _check_days(n: int) -> None:
    if isinstance(n, bool) or not isinstance(n, int):
        raise ValidationFailed(msg("天数应为整数"), code="calendar.days")
    if n < 0:
        raise ValidationFailed(msg("天数不能为负数"), code="calendar.days")
    if n > 2000:
        raise ValidationFailed(msg("天数过大，请核对时限"), code="calendar.days")
