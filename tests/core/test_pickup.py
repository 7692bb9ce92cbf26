"""24-hour pickup flow: identify by code or 居民码 against the gateway's salted hashes."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

import pytest

from core.errors import IllegalTransition, ValidationFailed
from core.holders import Citizen
from core.masking import mask_name
from core.pickup import (
    CODE_LOCKOUT,
    MAX_CODE_FAILURES,
    CodeAttempts,
    PickupFlow,
    PickupLocked,
    PickupOffer,
    PickupStep,
)
from sync.catalog_files import load_demo_holders
from tests.helpers.clock import FakeClock

REPO = Path(__file__).resolve().parents[2]


def _doc(pickup_id: str, code: str, id_number: str, name: str, *,
         delivery: str = "kiosk_print", state: str = "waiting",
         result: dict[str, Any] | None = None) -> dict[str, Any]:
    """A ``pickups`` doc built the way gateway/cases.py builds it."""
    return {
        "pickup_id": pickup_id,
        "case_number": "371000202603020000" + pickup_id[-2:],
        "item_name": "个体工商户设立登记",
        "result": result or {"result_name": "营业执照"},
        "delivery": delivery,
        "applicant": mask_name(name),
        "code_sha256": hashlib.sha256(f"{pickup_id}:{code}".encode()).hexdigest(),
        "id_tail_sha256": hashlib.sha256(f"{pickup_id}:{id_number[-4:]}".encode()).hexdigest(),
        "state": state,
        "ready_at": "2026-03-02T10:00:00+08:00",
    }


@pytest.fixture(scope="module")
def person() -> Citizen:
    return load_demo_holders(REPO / "resources" / "demo")[0][0]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def offers(person: Citizen) -> list[PickupOffer]:
    return [
        PickupOffer.from_doc(_doc("PAAAAAAAAAA01", "482913", person.id_number, person.name)),
        PickupOffer.from_doc(_doc("PAAAAAAAAAA02", "731205", person.id_number, person.name,
                                  delivery="locker",
                                  result={"result_name": "社会保障卡", "compartment": "B07"})),
        PickupOffer.from_doc(_doc("PAAAAAAAAAA03", "555000", "37100219800101001X", "李四")),
        PickupOffer.from_doc(_doc("PAAAAAAAAAA04", "999999", person.id_number, person.name,
                                  delivery="window")),
        PickupOffer.from_doc(_doc("PAAAAAAAAAA05", "123123", person.id_number, person.name,
                                  state="collected")),
    ]


def test_code_and_id_tail_identify_one_result(offers: list[PickupOffer], person: Citizen,
                                              clock: FakeClock) -> None:
    flow = PickupFlow(offers=offers, clock=clock)
    assert flow.step is PickupStep.IDENTIFY
    assert "取件码" in flow.prompt()
    offer = flow.identify_by_code(" 482913 ", person.id_number[-4:].lower())
    assert offer.pickup_id == "PAAAAAAAAAA01"
    assert flow.step is PickupStep.DISPENSE
    assert flow.method == "print"
    assert flow.verified_by == "pickup_code"
    assert flow.collected().result_name == "营业执照"
    assert flow.step is PickupStep.DONE


def test_resident_code_finds_every_self_pickup_result_of_the_person(
    offers: list[PickupOffer], person: Citizen, clock: FakeClock
) -> None:
    flow = PickupFlow(offers=offers, clock=clock)
    found = flow.identify_by_resident(person)
    # not 李四's, not the window-only one, not the one already collected
    assert [o.pickup_id for o in found] == ["PAAAAAAAAAA01", "PAAAAAAAAAA02"]
    assert flow.step is PickupStep.CHOOSE
    with pytest.raises(IllegalTransition):
        _ = flow.method
    locker = flow.choose("PAAAAAAAAAA02")
    assert flow.method == "locker"
    assert locker.compartment == "B07"
    assert flow.verified_by == "resident_code"


def test_someone_else_gets_nothing(offers: list[PickupOffer], clock: FakeClock) -> None:
    other = load_demo_holders(REPO / "resources" / "demo")[0][1]
    flow = PickupFlow(offers=offers, clock=clock)
    with pytest.raises(ValidationFailed) as info:
        flow.identify_by_resident(other)
    assert info.value.code == "pickup.none_for_person"
    assert flow.step is PickupStep.IDENTIFY


@pytest.mark.parametrize(("code", "tail", "error"), [
    ("48a913", "1234", "pickup.code_format"),
    ("482913", "12", "pickup.tail_format"),
    ("482913", "12 4", "pickup.tail_format"),
])
def test_malformed_input_is_explained(offers: list[PickupOffer], clock: FakeClock,
                                      code: str, tail: str, error: str) -> None:
    with pytest.raises(ValidationFailed) as info:
        PickupFlow(offers=offers, clock=clock).identify_by_code(code, tail)
    assert info.value.code == error


def test_wrong_codes_lock_the_kiosk_for_a_while(
    offers: list[PickupOffer], person: Citizen, clock: FakeClock
) -> None:
    attempts = CodeAttempts(clock=clock)
    tail = person.id_number[-4:]
    for i in range(MAX_CODE_FAILURES):
        flow = PickupFlow(offers=offers, clock=clock, failures=attempts)  # a new session
        with pytest.raises(ValidationFailed) as info:
            flow.identify_by_code("000000", tail)
        assert info.value.params["left"] == MAX_CODE_FAILURES - 1 - i
    flow = PickupFlow(offers=offers, clock=clock, failures=attempts)
    with pytest.raises(PickupLocked):
        flow.identify_by_code("482913", tail)  # even the right code waits
    flow.identify_by_resident(person)  # the 居民码 still works
    clock.advance(CODE_LOCKOUT + dt.timedelta(seconds=1))
    flow = PickupFlow(offers=offers, clock=clock, failures=attempts)
    assert flow.identify_by_code("482913", tail).pickup_id == "PAAAAAAAAAA01"


def test_right_code_wrong_tail_is_refused(offers: list[PickupOffer], clock: FakeClock) -> None:
    with pytest.raises(ValidationFailed) as info:
        PickupFlow(offers=offers, clock=clock).identify_by_code("482913", "0000")
    assert info.value.code == "pickup.no_match"


def test_malformed_doc_is_refused() -> None:
    with pytest.raises(ValidationFailed):
        PickupOffer.from_doc({"pickup_id": "P1"})

