"""A clock the test sets and advances by hand."""

from __future__ import annotations

import datetime as _dt

from core.clock import HALL_TZ


class FakeClock:
    """A :class:`core.clock.Clock` that stands still until told otherwise.

    Args:
        start: the initial time; aware. Defaults to a Monday morning in Beijing.
    """

    def __init__(self, start: _dt.datetime | None = None) -> None:
        self._now = start or _dt.datetime(2026, 3, 2, 9, 0, tzinfo=HALL_TZ)
        self._check(self._now)

    @staticmethod
    def _check(moment: _dt.datetime) -> None:
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError("FakeClock needs timezone-aware times")

    def now(self) -> _dt.datetime:
        return self._now

    def set(self, moment: _dt.datetime) -> None:
        """Jump to ``moment`` (aware)."""
        self._check(moment)
        self._now = moment

    def set_date(self, day: _dt.date, hour: int = 9, minute: int = 0) -> None:
        """Jump to a time of day on ``day`` in Beijing."""
        self._now = _dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=HALL_TZ)

    def advance(self, delta: _dt.timedelta | None = None, **kwargs: float) -> None:
        """Move forward by ``delta`` or by ``timedelta(**kwargs)``."""
        step = delta if delta is not None else _dt.timedelta(**kwargs)
        if step < _dt.timedelta(0):
            raise ValueError("FakeClock only moves forward; use set() to go back")
        self._now += step
