"""Where the time comes from.

Everything that stamps a time or counts a deadline takes a :class:`Clock` through its
constructor, so tests drive time with a fake instead of patching ``time.time``.
Halls run on Beijing time; the working-day calendar counts dates in that zone.
"""

from __future__ import annotations

import datetime as _dt
from typing import Protocol
from zoneinfo import ZoneInfo

HALL_TZ = ZoneInfo("Asia/Shanghai")
"""The zone every hall date is counted in (中国标准时间)."""


class Clock(Protocol):
    """A source of the current time."""

    def now(self) -> _dt.datetime:
        """The current time, timezone-aware."""
        ...


class SystemClock:
    """The real clock, reporting time in the hall's zone.

    Args:
        tz: the zone to report in; Beijing time unless a test or a foreign
            deployment says otherwise.
    """

    def __init__(self, *, tz: _dt.tzinfo = HALL_TZ) -> None:
        self._tz = tz

    def now(self) -> _dt.datetime:
        return _dt.datetime.now(self._tz)


def hall_date(moment: _dt.datetime) -> _dt.date:
    """The calendar date of ``moment`` in the hall's zone.

    Raises:
        ValueError: ``moment`` is naive; a naive time has no date we could trust.
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("naive datetime: clocks must return timezone-aware times")
    return moment.astimezone(HALL_TZ).date()


def today(clock: Clock) -> _dt.date:
    """Today's date in the hall, according to ``clock``."""
    return hall_date(clock.now())
