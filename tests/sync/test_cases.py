"""Local cases: gapless provisional numbers, atomic outbox events, platform status, pickups."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from core.acceptance import AcceptanceFlow, Outcome
from core.calendar import Urgency, WorkingCalendar
from core.case import Action, Actor, Applicant, Case, CaseState, Channel, MarkKind, Role
from core.catalog import Audience, Catalog, DeliveryMethod
from core.clock import HALL_TZ
from core.errors import ValidationFailed
from core.pickup import PickupFlow, PickupOffer
from gateway.cases import SUBMITTABLE_STATES as GATEWAY_SUBMITTABLE
from gateway.cases import check_request
from sync.audit import AuditLog
from sync.cases import (
    SUBMITTABLE_STATES,
    CaseConflict,
    CaseRepository,
    PickupLedger,
    PickupTaken,
)
from sync.catalog_files import load_catalog
from sync.protocol import CaseSubmitted, CaseTransitionRequested, PickupCollected
from sync.store import ChangeRow, Store, open_store
from tests.helpers.clock import FakeClock

REPO = Path(__file__).resolve().parents[2]
GETIHU = "113710020041826000000126004000"
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
OTHER = Actor(id="hc-wanghai", role=Role.CLERK, channel=Channel.WINDOW, terminal_id="W02",
              hall_id="hc-zwzx")
PERSON_ID = "371002199001011237"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(REPO / "resources" / "catalog")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(dt.datetime(2026, 3, 2, 9, 30, tzinfo=HALL_TZ))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "data")
    yield s
    s.close()


@pytest.fixture
def audit(store: Store, clock: FakeClock) -> AuditLog:
    return AuditLog(store=store, now=clock.now, terminal_id="W02")


@pytest.fixture
def repo(store: Store, audit: AuditLog, clock: FakeClock) -> CaseRepository:
    return CaseRepository(store=store, audit=audit, terminal_id="W02", clock=clock)


def _flow(catalog: Catalog, clock: FakeClock, actor: Actor = CLERK, *,
          missing: bool = False) -> AcceptanceFlow:
    flow = AcceptanceFlow(actor=actor, clock=clock, calendar=CAL)
    flow.choose_item(catalog.item(GETIHU))
    flow.set_applicant(Applicant(kind=Audience.PERSONAL, name="张三", id_number=PERSON_ID,
                                 phone="13812345678"))
    flow.set_agent(None)
    flow.mark("m1", MarkKind.PAPER)
    flow.mark("m2", MarkKind.PAPER)
    flow.mark("m3", MarkKind.MISSING if missing else MarkKind.PAPER)
    return flow


def _accept(repo: CaseRepository, catalog: Catalog, clock: FakeClock,
            actor: Actor = CLERK) -> Case:
    flow = _flow(catalog, clock, actor)
    return repo.create(lambda n: flow.execute(Outcome.ACCEPT, number=n).case,
                       delivery=DeliveryMethod.KIOSK_PRINT)


def _outbox(store: Store, kind: str | None = None) -> list[dict[str, Any]]:
    with store.journal.read() as conn:
        rows = conn.execute("SELECT kind, payload FROM outbox ORDER BY seq").fetchall()
    return [json.loads(p) for k, p in rows if kind is None or k == kind]


def _ack_all(store: Store) -> None:
    """What the sync engine does when the gateway answered."""
    with store.local_change() as conn:
        conn.execute("UPDATE outbox SET state = 'acked'")


def _status(number: str, official: str, states: list[str], version: int,
            result: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "case_number": official,
        "provisional_number": number,
        "state": states[-1],
        "version": version,
        "history": [{"state": s, "at": f"2026-03-0{2 + i}T10:00:00+08:00"}
                    for i, s in enumerate(states)],
        "result": result,
    }


# ---- numbers ---------------------------------------------------------------------------


def test_numbers_are_gapless_per_day_and_survive_restart(
    tmp_path: Path, catalog: Catalog, clock: FakeClock
) -> None:
    with open_store(tmp_path / "d") as s:
        repo = CaseRepository(store=s, audit=AuditLog(store=s, now=clock.now),
                              terminal_id="W02", clock=clock)
        assert _accept(repo, catalog, clock).record.number == "TW02-20260302-1"
        flow = _flow(catalog, clock, missing=True)
        with pytest.raises(ValidationFailed):  # accept refused: nothing saved
            repo.create(lambda n: flow.execute(Outcome.ACCEPT, number=n).case,
                        delivery=DeliveryMethod.WINDOW)
        assert _accept(repo, catalog, clock).record.number == "TW02-20260302-2"
    with open_store(tmp_path / "d") as s:
        repo = CaseRepository(store=s, audit=AuditLog(store=s, now=clock.now),
                              terminal_id="W02", clock=clock)
        assert _accept(repo, catalog, clock).record.number == "TW02-20260302-3"
        clock.set(dt.datetime(2026, 3, 3, 0, 5, tzinfo=HALL_TZ))  # a new hall day
        assert _accept(repo, catalog, clock).record.number == "TW02-20260303-1"
        assert len(repo.list_cases()) == 4


def test_delivery_must_be_one_the_item_offers(
    repo: CaseRepository, catalog: Catalog, clock: FakeClock
) -> None:
    flow = _flow(catalog, clock)
    with pytest.raises(ValidationFailed, match="出件方式"):
        repo.create(lambda n: flow.execute(Outcome.ACCEPT, number=n).case,
                    delivery=DeliveryMethod.EMS)
    assert repo.list_cases() == []


# ---- saving with outbox events ------------------------------------------------------------


def test_window_outcome_is_submitted_once_with_its_state(
    repo: CaseRepository, store: Store, audit: AuditLog, catalog: Catalog, clock: FakeClock
) -> None:
    case = _accept(repo, catalog, clock)
    submitted = _outbox(store, "case.submitted")
    assert len(submitted) == 1
    payload = CaseSubmitted.model_validate(submitted[0])
    assert payload.provisional_number == case.record.number
    assert payload.state == "accepted"
    assert payload.state in GATEWAY_SUBMITTABLE
    assert payload.channel == "window"
    assert payload.actor == "hc-lixue"
    assert payload.delivery == "kiosk_print"
    assert payload.applicant["id_number"] == PERSON_ID  # the platform needs it in full
    assert [m["id"] for m in payload.materials] == ["m1", "m2", "m3"]
    decisions = [e.action for e in audit.entries(subject=f"case:{case.record.number}")]
    assert decisions == ["decision.open", "decision.receive", "decision.accept"]
    for entry in audit.entries():
        assert PERSON_ID not in json.dumps(entry.details, ensure_ascii=False)
    assert audit.verify_chain().ok


def test_submittable_states_match_the_gateway() -> None:
    assert {s.value for s in SUBMITTABLE_STATES} == set(GATEWAY_SUBMITTABLE)


def test_later_steps_wait_for_the_official_number_then_go_out_in_order(
    repo: CaseRepository, store: Store, catalog: Catalog, clock: FakeClock
) -> None:
    case = _accept(repo, catalog, clock)
    case.forward(CLERK, handover_ref="HND-0001")
    repo.save(case)
    assert _outbox(store, "case.transition_requested") == []  # no official number yet
    assert repo.held_requests(case.record.number) == 1
    applied = repo.apply_status([_status(case.record.number, "37100020260302000001",
                                         ["accepted"], 1)])
    assert applied[0].numbered
    assert applied[0].released == 1
    requests = _outbox(store, "case.transition_requested")
    assert len(requests) == 1
    request = CaseTransitionRequested.model_validate(requests[0])
    assert request.case_number == "37100020260302000001"
    assert request.to_state == "in_review"
    assert check_request("accepted", request) == (Action.FORWARD, Role.CLERK)  # gateway rules
    record = repo.record("37100020260302000001")
    assert record is not None
    assert record.official_number == "37100020260302000001"
    assert record.state is CaseState.IN_REVIEW  # the local request stands until answered
    assert record.events[-1].action.value == "numbered"
    # a step once the number is known goes straight to the outbox
    loaded = repo.load(case.record.number, item=catalog.item(GETIHU), calendar=CAL)
    loaded.withdraw(CLERK, reason="申请人书面申请撤回")
    repo.save(loaded)
    assert len(_outbox(store, "case.transition_requested")) == 2


def test_platform_states_are_replayed_when_nothing_is_pending(
    repo: CaseRepository, store: Store, catalog: Catalog, clock: FakeClock
) -> None:
    case = _accept(repo, catalog, clock)
    number = case.record.number
    repo.apply_status([_status(number, "37100020260302000007", ["accepted"], 1)])
    # the submission is still unacknowledged: the platform's later state waits
    doc = _status(number, "37100020260302000007",
                  ["accepted", "in_review", "approved", "result_ready"], 4,
                  {"result_name": "营业执照", "compartment": ""})
    assert repo.apply_status([doc]) == []
    _ack_all(store)
    applied = repo.apply_status([doc])
    assert applied[0].states == (CaseState.IN_REVIEW, CaseState.APPROVED,
                                 CaseState.RESULT_READY)
    record = repo.record(number)
    assert record is not None
    assert record.state is CaseState.RESULT_READY
    assert [e.action.value for e in record.events[-3:]] == [
        "forward", "approve", "publish_result"
    ]
    assert all(e.actor_role is Role.PLATFORM for e in record.events[-3:])
    assert repo.apply_status([doc]) == []  # idempotent
    assert _outbox(store, "case.transition_requested") == []  # platform steps are not echoed


def test_status_arrives_through_the_cached_stream(
    repo: CaseRepository, store: Store, catalog: Catalog, clock: FakeClock
) -> None:
    case = _accept(repo, catalog, clock)
    doc = _status(case.record.number, "37100020260302000009", ["accepted"], 1)
    store.apply_page("case_status", [ChangeRow("upsert", doc["case_number"], 1, doc)], "c1")
    assert repo.apply_status()[0].official_number == "37100020260302000009"
    assert repo.apply_status([{"provisional_number": "TK01-20260302-1",
                               "case_number": "X", "version": 1}]) == []  # not ours


def test_stale_case_cannot_overwrite_a_newer_one(
    repo: CaseRepository, catalog: Catalog, clock: FakeClock
) -> None:
    case = _accept(repo, catalog, clock)
    first = repo.load(case.record.number, item=catalog.item(GETIHU), calendar=CAL)
    second = repo.load(case.record.number, item=catalog.item(GETIHU), calendar=CAL)
    first.forward(CLERK)
    repo.save(first)
    second.withdraw(CLERK, reason="申请人撤回")
    with pytest.raises(CaseConflict):
        repo.save(second)
    record = repo.record(case.record.number)
    assert record is not None
    assert record.state is CaseState.IN_REVIEW


def test_draft_withdrawn_before_it_left_sends_nothing(
    repo: CaseRepository, store: Store, catalog: Catalog, clock: FakeClock
) -> None:
    flow = _flow(catalog, clock)

    def build(number: str) -> Case:
        case = Case.open(number=number, item=catalog.item(GETIHU), situation_id="s1",
                         applicant=flow.applicant, actor=CLERK, clock=clock,  # type: ignore[arg-type]
                         calendar=CAL)
        case.withdraw(CLERK, reason="申请人改日再来")
        return case

    repo.create(build, delivery=DeliveryMethod.WINDOW)
    assert _outbox(store, "case.submitted") == []


# ---- lists and warnings ----------------------------------------------------------------


def test_lists_by_state_clerk_and_day(
    repo: CaseRepository, catalog: Catalog, clock: FakeClock
) -> None:
    _accept(repo, catalog, clock)
    _accept(repo, catalog, clock, OTHER)
    flow = _flow(catalog, clock, missing=True)
    repo.create(lambda n: flow.execute(Outcome.CORRECTION, number=n).case,
                delivery=DeliveryMethod.WINDOW)
    assert len(repo.list_cases(states=[CaseState.ACCEPTED])) == 2
    assert [c.state for c in repo.list_cases(clerk_id="hc-lixue")] == [
        CaseState.CORRECTION_REQUESTED, CaseState.ACCEPTED
    ]
    assert repo.list_cases(day=dt.date(2026, 3, 1)) == []
    summary = repo.list_cases(day=dt.date(2026, 3, 2))[0]
    assert summary.applicant == "张*"


def test_correction_deadline_warnings(
    repo: CaseRepository, catalog: Catalog, clock: FakeClock
) -> None:
    flow = _flow(catalog, clock, missing=True)

    def receive_only(number: str) -> Case:
        case = flow.execute(Outcome.CORRECTION, number=number).case
        return case

    # a case received and left waiting: open + receive without an outcome yet
    def received(number: str) -> Case:
        case = Case.open(number=number, item=catalog.item(GETIHU), situation_id="s1",
                         applicant=flow.applicant, actor=CLERK, clock=clock,  # type: ignore[arg-type]
                         calendar=CAL)
        case.receive(CLERK)
        return case

    repo.create(received, delivery=DeliveryMethod.WINDOW)
    repo.create(receive_only, delivery=DeliveryMethod.WINDOW)
    warnings = repo.correction_warnings(CAL)
    assert len(warnings) == 1  # the corrected one no longer waits
    assert warnings[0].countdown.deadline == dt.date(2026, 3, 9)
    assert warnings[0].countdown.urgency is Urgency.OK
    clock.set(dt.datetime(2026, 3, 6, 9, 0, tzinfo=HALL_TZ))
    assert repo.correction_warnings(CAL)[0].countdown.urgency is Urgency.NEAR
    clock.set(dt.datetime(2026, 3, 10, 9, 0, tzinfo=HALL_TZ))
    assert repo.correction_warnings(CAL)[0].countdown.overdue


# ---- pickups ------------------------------------------------------------------------------


def _pickup_doc(pickup_id: str, code: str, id_number: str, *, state: str = "waiting",
                delivery: str = "kiosk_print") -> dict[str, Any]:
    # exactly as gateway/cases.py publishes it
    return {
        "pickup_id": pickup_id,
        "case_number": "37100020260302000001",
        "item_name": "个体工商户设立登记",
        "result": {"result_name": "营业执照"},
        "delivery": delivery,
        "applicant": "张*",
        "code_sha256": hashlib.sha256(f"{pickup_id}:{code}".encode()).hexdigest(),
        "id_tail_sha256": hashlib.sha256(f"{pickup_id}:{id_number[-4:]}".encode()).hexdigest(),
        "state": state,
        "ready_at": "2026-03-02T10:00:00+08:00",
    }


def test_pickup_cannot_be_taken_twice_even_offline(
    store: Store, audit: AuditLog, clock: FakeClock
) -> None:
    doc = _pickup_doc("PA1B2C3D4E5F6", "482913", PERSON_ID)
    store.apply_page("pickups", [ChangeRow("upsert", doc["pickup_id"], 1, doc)], "p1")
    ledger = PickupLedger(store=store, audit=audit)
    offers = ledger.offers()
    flow = PickupFlow(offers=offers, clock=clock)
    offer = flow.identify_by_code("482913", "1237")
    ledger.claim(offer, method=flow.method, verified_by="pickup_code", actor="kiosk-session-1")
    assert ledger.offers() == []  # claimed: no longer offered on this terminal
    with pytest.raises(PickupTaken):
        ledger.claim(offer, method="print", verified_by="pickup_code", actor="kiosk-session-2")
    seq = ledger.confirm(offer.pickup_id, actor="kiosk-session-1")
    events = _outbox(store, "pickup.collected")
    assert PickupCollected.model_validate(events[0]) == PickupCollected(
        pickup_id="PA1B2C3D4E5F6", method="print", verified_by="pickup_code"
    )
    assert seq >= 1
    with pytest.raises(ValidationFailed):
        ledger.confirm(offer.pickup_id, actor="kiosk-session-1")
    assert audit.verify_chain().ok


def test_failed_dispensing_frees_the_claim(store: Store, audit: AuditLog) -> None:
    doc = _pickup_doc("PFFFFFF000001", "111222", PERSON_ID, delivery="locker")
    store.apply_page("pickups", [ChangeRow("upsert", doc["pickup_id"], 1, doc)], "p1")
    ledger = PickupLedger(store=store, audit=audit)
    offer = ledger.offers()[0]
    ledger.claim(offer, method="locker", verified_by="resident_code", actor="kiosk-session-1")
    assert ledger.stuck() == ["PFFFFFF000001"]
    ledger.release(offer.pickup_id, actor="kiosk-session-1", reason="柜门未打开")
    assert ledger.stuck() == []
    assert [o.pickup_id for o in ledger.offers()] == ["PFFFFFF000001"]
    assert _outbox(store, "pickup.collected") == []


def test_collected_in_the_feed_is_not_offered(store: Store, audit: AuditLog) -> None:
    doc = _pickup_doc("P000000000001", "111222", PERSON_ID, state="collected")
    store.apply_page("pickups", [ChangeRow("upsert", doc["pickup_id"], 2, doc)], "p2")
    ledger = PickupLedger(store=store, audit=audit)
    assert ledger.offers() == []
    with pytest.raises(PickupTaken):
        ledger.claim(PickupOffer.from_doc(doc), method="print", verified_by="pickup_code",
                     actor="kiosk-session-1")


def test_window_decision_request_carries_both_signatures(
    repo: CaseRepository, store: Store, catalog: Catalog, clock: FakeClock
) -> None:
    chief = Actor(id="hc-yujun", role=Role.CHIEF, channel=Channel.WINDOW, terminal_id="W01",
                  hall_id="hc-zwzx")
    case = _accept(repo, catalog, clock)
    repo.apply_status([_status(case.record.number, "37100020260302000011", ["accepted"], 1)])
    loaded = repo.load(case.record.number, item=catalog.item(GETIHU), calendar=CAL)
    loaded.decide_at_window(CLERK, chief=chief, opinion="同意")
    repo.save(loaded)
    request = CaseTransitionRequested.model_validate(
        _outbox(store, "case.transition_requested")[-1]
    )
    assert request.approver is not None
    assert request.approver.id == "hc-yujun"
    assert check_request("accepted", request) == (Action.DECIDE_AT_WINDOW, Role.CLERK)
