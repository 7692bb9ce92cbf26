"""The wire protocol of the hall's statistics and of bad-review follow-up (好差评整改).

Statistics are aggregated on the gateway in real time from what terminals sent (cases,
their history, queue tickets, evaluations, deliveries, follow-ups; seed 003 §12, §14)
and returned as one :class:`StatsReport` per date range. Follow-up tickets are kept
on the gateway too, so every window of the hall works on the same list: a ★1–2
evaluation becomes a ticket by itself; a complaint (吐槽找茬) taken by phone or in
person is entered by a clerk.

Endpoints (signed; the hall is the device's own):

==========================================  ===========================================
``GET  /v1/stats?start=&end=``              → :class:`StatsReport` (hall dates, inclusive)
``GET  /v1/followups?open_only=``           → :class:`FollowUpList`
``POST /v1/followups/complaints``           :class:`ComplaintRequest` → :class:`FollowUpBody`
``POST /v1/followups/{id}/steps``           :class:`FollowUpStepRequest` → :class:`FollowUpBody`
==========================================  ===========================================
"""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

STATS_PREFIX = "/v1/stats"
FOLLOWUPS_PREFIX = "/v1/followups"

MAX_RANGE_DAYS = 366
"""Longest date range one statistics request may cover."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]


class _Wire(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ------------------------------------------------------------------ statistics


class Count(_Wire):
    """One bar of a breakdown: a key, its Chinese label and how many."""

    key: str
    label: str
    count: int = Field(ge=0)


class Duration(_Wire):
    """Waiting or handling times of queue tickets, in seconds."""

    count: int = Field(ge=0)
    average_seconds: float | None = None
    max_seconds: float | None = None


class Indicator(_Wire):
    """One indicator of the plan, with its definition (shown as a tooltip).

    ``value`` is a ratio in [0, 1]; ``None`` when the denominator is zero.
    """

    key: str
    name: str
    value: float | None
    numerator: float
    denominator: float
    definition: str
    target: str = ""


class StatsReport(_Wire):
    """Everything the statistics page shows for one hall and date range."""

    hall_id: str
    start: _dt.date
    end: _dt.date
    generated_at: float
    total_cases: int
    by_item: list[Count]
    by_channel: list[Count]
    by_clerk: list[Count]
    by_outcome: list[Count]
    by_state: list[Count]
    window_decisions: int
    deliveries: list[Count]
    tickets: int
    waiting: Duration
    handling: Duration
    evaluations: list[Count]  # per level, ★5 … ★1
    evaluations_total: int
    bad_reviews: int
    follow_ups: list[Count]  # per follow-up state
    indicators: list[Indicator]


# ------------------------------------------------------------------ follow-up


FollowUpSource = Literal["evaluation", "complaint"]
StepKind = Literal["call_back", "rectify", "verdict", "close"]


class FollowUpStepBody(_Wire):
    state: str
    state_name: str
    at: _dt.datetime
    actor_id: str
    note: str


class FollowUpBody(_Wire):
    """One bad review or complaint and where its follow-up stands.

    Attributes:
        follow_up_id: the evaluation's event id, or the complaint's id.
        subject: the case or ticket number (``""`` for a complaint about the hall).
        contact: the complainant's phone, masked (the clerk calls back through the
            hall's 12345 line, which has the full number).
        warning: ``""``, ``"near"``, ``"due_today"`` or ``"overdue"``.
    """

    follow_up_id: str
    source: FollowUpSource
    subject: str
    level: int = Field(ge=1, le=5)
    reasons: list[str]
    comment: str
    channel: str
    contact: str
    clerk_id: str
    item_name: str
    raised_at: _dt.datetime
    state: str
    state_name: str
    round: int
    opened_on: _dt.date
    rectify_by: _dt.date
    rectified_late: bool
    countdown: str
    warning: str
    steps: list[FollowUpStepBody]


class FollowUpList(_Wire):
    items: list[FollowUpBody]


class ComplaintRequest(_Wire):
    """吐槽找茬 taken by a clerk (by phone or in person).

    Attributes:
        complaint_id: a UUID the window makes (a retried post is not a second one).
        way: ``phone`` (12345 / hall line) or ``in_person``.
        subject: the case or ticket number the complaint is about, if any.
        reasons: from the ★1–2 reason list (:data:`core.evaluation.REASONS`).
        contact_phone: for the call-back; stored masked in lists.
    """

    complaint_id: Annotated[
        str,
        StringConstraints(
            pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
        ),
    ]
    way: Literal["phone", "in_person"]
    subject: Text = ""
    reasons: list[str] = Field(min_length=1, max_length=14)
    comment: Text
    contact_phone: Annotated[str, StringConstraints(strip_whitespace=True, max_length=20)] = ""
    clerk_id: Name


class FollowUpStepRequest(_Wire):
    """One step of a follow-up (rules in :class:`core.evaluation.FollowUps`).

    ``call_back`` needs ``text`` (what the complainant said) and ``reached``;
    ``rectify`` needs ``text`` (the measures); ``verdict`` needs ``satisfied``;
    ``close`` needs ``text`` (the reason) and a 首席代表 or 管理员 ``role``.
    """

    step: StepKind
    actor_id: Name
    role: Name
    text: Text = ""
    reached: bool = True
    satisfied: bool = False
