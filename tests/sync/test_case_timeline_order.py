"""A case's timeline stays in time order when the platform's news arrives late."""

from __future__ import annotations

import datetime as dt

from core.case import Action, CaseState
from core.catalog import Catalog
from core.clock import HALL_TZ
from sync.cases import CaseRepository
from sync.store import Store
from tests.helpers.clock import FakeClock
from tests.sync.test_cases import (  # noqa: F401 - the fixtures are used by name
    _accept,
    _ack_all,
    audit,
    catalog,
    clock,
    repo,
    store,
)

OFFICIAL = "37100020260302000015"


def _doc(number: str) -> dict[str, object]:
    """The platform's status: registered (numbered) 09:35, then four steps that day."""
    steps = [("accepted", "09:35"), ("in_review", "15:30"), ("approved", "18:30"),
             ("result_ready", "21:30")]
    return {
        "case_number": OFFICIAL,
        "provisional_number": number,
        "state": "result_ready",
        "version": 4,
        "history": [{"state": s, "at": f"2026-03-02T{t}:00+08:00"} for s, t in steps],
        "result": {"result_name": "营业执照", "compartment": ""},
    }


def test_a_number_learnt_the_next_morning_keeps_the_platforms_time(
    repo: CaseRepository, store: Store, catalog: Catalog, clock: FakeClock  # noqa: F811
) -> None:
    case = _accept(repo, catalog, clock)
    _ack_all(store)
    clock.set(dt.datetime(2026, 3, 3, 9, 40, tzinfo=HALL_TZ))  # offline overnight
    applied = repo.apply_status([_doc(case.record.number)])
    assert applied[0].numbered
    record = repo.record(OFFICIAL)
    assert record is not None
    assert record.state is CaseState.RESULT_READY
    numbered = next(e for e in record.events if e.action is Action.NUMBERED)
    assert numbered.at == dt.datetime(2026, 3, 2, 9, 35, tzinfo=HALL_TZ)
    times = [e.at for e in record.events]
    assert times == sorted(times), [(e.action.value, e.at.isoformat()) for e in record.events]


def test_a_status_without_history_is_numbered_when_learnt(
    repo: CaseRepository, store: Store, catalog: Catalog, clock: FakeClock  # noqa: F811
) -> None:
    case = _accept(repo, catalog, clock)
    _ack_all(store)
    clock.set(dt.datetime(2026, 3, 3, 9, 40, tzinfo=HALL_TZ))
    doc = {**_doc(case.record.number), "history": "garbled", "state": "accepted"}
    repo.apply_status([doc])
    record = repo.record(OFFICIAL)
    assert record is not None
    assert record.events[-1].action is Action.NUMBERED
    assert record.events[-1].at == clock.now()
