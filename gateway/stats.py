"""Real-time statistics of a hall (seed 003 §12, §14; 004 二(三)3), computed on request.

Everything is aggregated from what the gateway already holds, so the numbers are as
current as the last event a terminal pushed: cases and their history (by item,
channel, clerk, outcome, 窗口办结), deliveries (window registrations from the audit
log, self-service pickups), queue tickets (waiting and handling times), evaluations
and the follow-up of bad reviews, and the plan's indicators over the published
catalog. Each indicator carries its definition, which the window shows as a tooltip.

Dates are hall dates (Beijing time); a range includes both ends.
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
import threading
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from core.case import STATE_NAMES, CaseState
from core.clock import HALL_TZ
from core.errors import UserFacingError, ValidationFailed, msg
from core.evaluation import FOLLOW_UP_NAMES, RATING_NAMES, FollowUpState, Rating
from gateway.cases import CaseBook
from gateway.db import Tx
from gateway.followups import FollowUpDesk, install_followup_routes
from gateway.help import Authenticate, HelpDesk, install_help_routes, json_response, refusal
from gateway.issuing import ResultIssuing, install_issuing_routes
from gateway.queue import QUEUE_SCHEMA
from gateway.store import GatewayStore
from sync.stats_protocol import MAX_RANGE_DAYS, Count, Duration, Indicator, StatsReport

log = logging.getLogger(__name__)

CHANNEL_NAMES: Mapping[str, str] = {"window": "窗口", "kiosk": "自助终端", "mobile": "网上/掌上"}
DELIVERY_NAMES: Mapping[str, str] = {
    "window": "窗口领取",
    "ems": "邮政寄递",
    "kiosk_print": "自助终端打印",
    "locker": "智能文件柜",
    "mobile": "手机端推送",
}
OUTCOMES = frozenset(
    {
        CaseState.ACCEPTED.value,
        CaseState.ACCEPTED_PENDING.value,
        CaseState.ACCEPTED_ON_COMMITMENT.value,
        CaseState.CORRECTION_REQUESTED.value,
        CaseState.REJECTED.value,
    }
)
DELIVERY_AUDIT_ACTION = "result.delivered"
"""Audit action the window writes for every delivery (details carry the method)."""

_STATE_LABELS = {s.value: n for s, n in STATE_NAMES.items()}
_FULLY_ACCEPTED = ("accepted", "accepted_on_commitment")

DEFINITIONS: Mapping[str, tuple[str, str, str]] = {
    "online_rate": (
        "在线申办率",
        "通过网上、掌上（爱山东）和24小时自助终端提交的办件数 ÷ 本期办件总数。",
        "",
    ),
    "window_coverage": (
        "综合窗口通办比例",
        "本期在综合受理窗口受理过的事项种数 ÷ 本大厅进驻的政务服务事项数"
        "（无差别“一窗受理”，进驻事项应100%纳入综合窗口）。",
        "100%",
    ),
    "immediate_share": (
        "即办件占比",
        "本大厅进驻事项中即办件（承诺时限为0）的事项数 ÷ 进驻事项总数。",
        "≥50%",
    ),
    "promise_reduction": (
        "承诺时限压减",
        "进驻事项（有法定时限的）“(法定办结时限 − 承诺办结时限) ÷ 法定办结时限”的平均值，"
        "时限取自事项清单。",
        "≥80%",
    ),
    "active_evaluation": (
        "主动评价率",
        "本期办件中收到“好差评”评价的办件数 ÷ 本期办件总数。",
        "≥60%",
    ),
    "rectification": (
        "差评整改率",
        "本期差评和投诉中已整改（含评价人认可）的件数 ÷（差评和投诉总数 − 经核实关闭的件数）。",
        "100%",
    ),
}


def day_range(start: _dt.date, end: _dt.date) -> tuple[float, float]:
    """Unix seconds of ``start`` 00:00 and of the day after ``end``, hall time.

    Raises:
        ValidationFailed: ``end`` before ``start``, or a range longer than a year.
    """
    if end < start:
        raise ValidationFailed(msg("结束日期不能早于开始日期"), code="stats.range")
    if (end - start).days >= MAX_RANGE_DAYS:
        raise ValidationFailed(msg("统计区间不能超过一年"), code="stats.range")
    t0 = _dt.datetime.combine(start, _dt.time(), HALL_TZ).timestamp()
    t1 = _dt.datetime.combine(end + _dt.timedelta(days=1), _dt.time(), HALL_TZ).timestamp()
    return t0, t1


@dataclass(frozen=True, slots=True)
class HallItems:
    """What the indicators need of the items a hall offers."""

    count: int
    immediate: int
    reduction_sum: float
    with_legal: int


def _counts(counter: Counter[str], labels: Mapping[str, str]) -> list[Count]:
    return [
        Count(key=k, label=labels.get(k, k), count=n)
        for k, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def _ratio(num: float, den: float) -> float | None:
    return num / den if den else None


def _seconds(later: Any, earlier: Any) -> float | None:
    if not later or not earlier:
        return None
    try:
        a = _dt.datetime.fromisoformat(str(later))
        b = _dt.datetime.fromisoformat(str(earlier))
    except ValueError:
        return None
    return max((a - b).total_seconds(), 0.0)


def _duration(values: Iterable[float]) -> Duration:
    data = list(values)
    if not data:
        return Duration(count=0)
    return Duration(count=len(data), average_seconds=sum(data) / len(data), max_seconds=max(data))


class HallStatistics:
    """Aggregates a hall's figures for a date range.

    Args:
        store: the gateway store.
        followups: the follow-up desk (bad reviews become tickets when counted).
    """

    def __init__(self, *, store: GatewayStore, followups: FollowUpDesk) -> None:
        self._store = store
        self._followups = followups
        self._lock = threading.Lock()
        self._items_cache: dict[str, tuple[int, HallItems]] = {}
        store.db.script(QUEUE_SCHEMA)  # waiting times read the queue's tickets

    def report(self, hall_id: str, start: _dt.date, end: _dt.date) -> StatsReport:
        """The hall's statistics for ``start``–``end`` (inclusive, hall dates)."""
        t0, t1 = day_range(start, end)
        follow_states = self._followups.states(hall_id, t0, t1)
        with self._store.db.read() as tx:
            cases = tx.all(
                "SELECT case_number, item_id, item_name, state, payload FROM cases"
                " WHERE hall_id = ? AND submitted_at >= ? AND submitted_at < ?",
                (hall_id, t0, t1),
            )
            history = tx.all(
                "SELECT h.case_number, h.from_state, h.to_state, h.channel FROM case_history h"
                " JOIN cases c ON c.case_number = h.case_number WHERE c.hall_id = ?"
                " AND c.submitted_at >= ? AND c.submitted_at < ? ORDER BY h.case_number,"
                " h.version",
                (hall_id, t0, t1),
            )
            deliveries = self._deliveries(tx, hall_id, t0, t1)
            tickets = tx.all(
                "SELECT doc FROM queue_tickets WHERE hall_id = ? AND issued_at >= ?"
                " AND issued_at < ?",
                (hall_id, t0, t1),
            )
            evaluations = tx.all(
                "SELECT level FROM evaluations WHERE hall_id = ? AND at >= ? AND at < ?",
                (hall_id, t0, t1),
            )
            evaluated = {
                str(r[0])
                for r in tx.all(
                    "SELECT DISTINCT case_number FROM evaluations WHERE hall_id = ?"
                    " AND case_number IS NOT NULL",
                    (hall_id,),
                )
            }
            items = self._hall_items(tx, hall_id)
        by_item: Counter[str] = Counter()
        item_names: dict[str, str] = {}
        by_channel: Counter[str] = Counter()
        by_clerk: Counter[str] = Counter()
        by_state: Counter[str] = Counter()
        window_items: set[str] = set()
        numbers: set[str] = set()
        for number, item_id, item_name, state, payload in cases:
            data = json.loads(payload)
            channel = str(data.get("channel") or "kiosk")
            numbers.add(str(number))
            by_item[item_id] += 1
            item_names[item_id] = item_name
            by_channel[channel] += 1
            by_state[state] += 1
            if channel == "window":
                window_items.add(item_id)
                by_clerk[str(data.get("actor") or "—")] += 1
        by_outcome, window_decisions = _outcomes(history)
        waiting, handling = _queue_times(doc for (doc,) in tickets)
        levels = Counter(int(r[0]) for r in evaluations)
        bad = sum(n for level, n in levels.items() if level <= 2)
        rectified = sum(
            follow_states.get(s, 0)
            for s in (FollowUpState.RECTIFIED.value, FollowUpState.VERIFIED.value)
        )
        tickets_total = sum(follow_states.values())
        closed = follow_states.get(FollowUpState.CLOSED.value, 0)
        online = by_channel.get("kiosk", 0) + by_channel.get("mobile", 0)
        total = len(cases)
        indicators = [
            _indicator("online_rate", online, total),
            _indicator("window_coverage", len(window_items), items.count),
            _indicator("immediate_share", items.immediate, items.count),
            _indicator("promise_reduction", items.reduction_sum, items.with_legal),
            _indicator("active_evaluation", len(numbers & evaluated), total),
            _indicator("rectification", rectified, tickets_total - closed),
        ]
        labels = {st.value: n for st, n in FOLLOW_UP_NAMES.items()}
        return StatsReport(
            hall_id=hall_id,
            start=start,
            end=end,
            generated_at=self._store.now(),
            total_cases=total,
            by_item=_counts(by_item, item_names),
            by_channel=_counts(by_channel, CHANNEL_NAMES),
            by_clerk=_counts(by_clerk, {}),
            by_outcome=_counts(by_outcome, _STATE_LABELS),
            by_state=_counts(by_state, _STATE_LABELS),
            window_decisions=window_decisions,
            deliveries=_counts(deliveries, DELIVERY_NAMES),
            tickets=len(tickets),
            waiting=waiting,
            handling=handling,
            evaluations=[
                Count(key=str(int(r)), label=RATING_NAMES[r], count=levels.get(int(r), 0))
                for r in sorted(Rating, reverse=True)
            ],
            evaluations_total=sum(levels.values()),
            bad_reviews=bad,
            follow_ups=[
                Count(key=st.value, label=labels[st.value], count=follow_states.get(st.value, 0))
                for st in FollowUpState
            ],
            indicators=indicators,
        )

    @staticmethod
    def _deliveries(tx: Tx, hall_id: str, t0: float, t1: float) -> Counter[str]:
        """Results handed out: window registrations (audit log) and self-service pickups."""
        methods: Counter[str] = Counter()
        for (payload,) in tx.all(
            "SELECT a.payload FROM audit_entries a JOIN devices d ON d.device_id = a.device_id"
            " WHERE d.hall_id = ? AND a.at >= ? AND a.at < ?",
            (hall_id, t0, t1),
        ):
            entry = json.loads(payload)
            if entry.get("action") != DELIVERY_AUDIT_ACTION:
                continue
            method = str((entry.get("details") or {}).get("method") or "")
            if method:
                methods[method] += 1
        for (delivery,) in tx.all(
            "SELECT c.delivery FROM pickups p JOIN cases c ON c.case_number = p.case_number"
            " WHERE p.hall_id = ? AND p.state = 'collected' AND p.collected_at >= ?"
            " AND p.collected_at < ?",
            (hall_id, t0, t1),
        ):
            methods[str(delivery)] += 1
        return methods

    def _hall_items(self, tx: Tx, hall_id: str) -> HallItems:
        """The hall's items for the indicators, cached per version of the items feed."""
        row = tx.one(
            "SELECT high_seq FROM streams WHERE stream = 'items' AND scope = ''"
        )
        version = int(row[0]) if row else 0
        with self._lock:
            cached = self._items_cache.get(hall_id)
        if cached is not None and cached[0] == version:
            return cached[1]
        count = immediate = with_legal = 0
        reduction = 0.0
        for (doc,) in tx.all(
            "SELECT doc FROM feed WHERE stream = 'items' AND scope = '' AND deleted = 0"
        ):
            item = json.loads(doc)
            if hall_id not in (item.get("hall_ids") or ()) or item.get("status") == "withdrawn":
                continue
            count += 1
            if item.get("kind") == "即办件":
                immediate += 1
            legal = int(item.get("legal_days") or 0)
            if legal > 0:
                with_legal += 1
                reduction += (legal - int(item.get("promised_days") or 0)) / legal
        items = HallItems(count, immediate, reduction, with_legal)
        with self._lock:
            self._items_cache[hall_id] = (version, items)
        return items


def _outcomes(history: Iterable[Any]) -> tuple[Counter[str], int]:
    """Each case's receipt outcome (the last one it got), and the 窗口办结 count."""
    outcome: dict[str, str] = {}
    window_decisions = 0
    for number, source, target, channel in history:
        if target in OUTCOMES:
            outcome[number] = target
        elif number not in outcome and target == "received":
            outcome[number] = "received"
        if source in _FULLY_ACCEPTED and target == "approved" and channel == "window":
            window_decisions += 1
    return Counter(outcome.values()), window_decisions


def _queue_times(docs: Iterable[str]) -> tuple[Duration, Duration]:
    """Waiting (issued → first called) and handling (serving → finished) times."""
    waits, handles = [], []
    for doc in docs:
        ticket = json.loads(doc)
        wait = _seconds(ticket.get("first_called_at"), ticket.get("issued_at"))
        handle = _seconds(ticket.get("finished_at"), ticket.get("serving_since"))
        if wait is not None:
            waits.append(wait)
        if handle is not None:
            handles.append(handle)
    return _duration(waits), _duration(handles)


def _indicator(key: str, numerator: float, denominator: float) -> Indicator:
    name, definition, target = DEFINITIONS[key]
    return Indicator(
        key=key,
        name=name,
        value=_ratio(numerator, denominator),
        numerator=numerator,
        denominator=denominator,
        definition=definition,
        target=target,
    )


def install_stats_routes(
    app: FastAPI, stats: HallStatistics, *, authenticate: Authenticate
) -> None:
    """Add ``GET /v1/stats``."""

    @app.get("/v1/stats", response_model=StatsReport, tags=["stats"])
    async def hall_stats(
        request: Request,
        start: _dt.date,
        end: _dt.date,
    ) -> Response:
        """The device's hall: cases, deliveries, queue times, evaluations, indicators."""
        device, _ = await authenticate(request)
        try:
            report = await run_in_threadpool(stats.report, device.hall_id, start, end)
        except UserFacingError as exc:
            return refusal(exc)
        return json_response(report)


def install_window_desk_routes(
    app: FastAPI, *, store: GatewayStore, cases: CaseBook, authenticate: Authenticate
) -> None:
    """Everything the window clients' part-B pages and the kiosks' 呼叫帮办 use.

    ``/v1/help`` (help requests, device alerts), ``/v1/followups`` (bad reviews and
    complaints), ``/v1/stats`` and ``/v1/results/{case}/pickup`` (pickup codes).
    """
    followups = FollowUpDesk(store=store)
    install_help_routes(app, HelpDesk(store=store), authenticate=authenticate)
    install_followup_routes(app, followups, authenticate=authenticate)
    install_stats_routes(
        app, HallStatistics(store=store, followups=followups), authenticate=authenticate
    )
    install_issuing_routes(
        app, ResultIssuing(store=store, cases=cases), authenticate=authenticate
    )
