"""A second pickup attempt by the applicant is told when the result was collected.

Only someone holding the right pickup code and ID tail (or the applicant's 居民码)
learns that; anyone else still gets "wrong code", and wrong codes still lock code
entry after five in a row.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from core.clock import HALL_TZ
from core.errors import ValidationFailed
from core.holders import Citizen
from core.pickup import (
    MAX_CODE_FAILURES,
    CodeAttempts,
    CollectedPickup,
    PickupAlreadyCollected,
    PickupFlow,
    PickupLocked,
    PickupOffer,
    collected_message,
)
from sync.catalog_files import load_demo_holders
from tests.core.test_pickup import _doc
from tests.helpers.clock import FakeClock

REPO = Path(__file__).resolve().parents[2]
AT = dt.datetime(2026, 3, 2, 10, 5, tzinfo=HALL_TZ)


@pytest.fixture(scope="module")
def person() -> Citizen:
    return load_demo_holders(REPO / "resources" / "demo")[0][0]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(dt.datetime(2026, 3, 2, 14, 0, tzinfo=HALL_TZ))


def _taken(person: Citizen, *, at: dt.datetime | None = AT) -> CollectedPickup:
    doc = _doc("PCCCCCCCCCC01", "482913", person.id_number, person.name, state="collected")
    return CollectedPickup(offer=PickupOffer.from_doc(doc), at=at)


def _waiting(person: Citizen) -> PickupOffer:
    return PickupOffer.from_doc(_doc("PWWWWWWWWWW02", "731205", person.id_number, person.name))


def test_the_right_code_and_tail_hear_when_it_was_collected(
    person: Citizen, clock: FakeClock
) -> None:
    flow = PickupFlow(offers=[_waiting(person)], collected=[_taken(person)], clock=clock)
    with pytest.raises(PickupAlreadyCollected) as caught:
        flow.identify_by_code("482913", person.id_number[-4:])
    assert caught.value.message == (
        "该结果已于 2026年03月02日 10:05 领取，如有疑问请呼叫帮办或到窗口咨询"
    )
    assert caught.value.code == "pickup.already_collected"
    assert "不正确" not in caught.value.message
    # the other result of the same person is still there to collect
    assert flow.identify_by_code("731205", person.id_number[-4:]).pickup_id == "PWWWWWWWWWW02"


def test_a_wrong_tail_or_code_learns_nothing_and_counts(
    person: Citizen, clock: FakeClock
) -> None:
    attempts = CodeAttempts(clock=clock)
    wrong_tail = "0000" if person.id_number[-4:] != "0000" else "1111"
    for code, tail in (("482913", wrong_tail), ("482914", person.id_number[-4:])):
        flow = PickupFlow(offers=[], collected=[_taken(person)], clock=clock, failures=attempts)
        with pytest.raises(ValidationFailed) as caught:
            flow.identify_by_code(code, tail)
        assert not isinstance(caught.value, PickupAlreadyCollected)
        assert "不正确" in caught.value.message
        assert "领取" not in caught.value.message.replace("取件码", "")
    assert caught.value.params["left"] == MAX_CODE_FAILURES - 2


def test_a_known_used_code_neither_counts_nor_resets_the_lockout(
    person: Citizen, clock: FakeClock
) -> None:
    attempts = CodeAttempts(clock=clock)

    def flow() -> PickupFlow:
        return PickupFlow(offers=[], collected=[_taken(person)], clock=clock, failures=attempts)

    for _ in range(MAX_CODE_FAILURES - 1):
        with pytest.raises(ValidationFailed):
            flow().identify_by_code("999999", "0000")
    # guessing cannot be laundered by entering a code one already knows was used
    with pytest.raises(PickupAlreadyCollected):
        flow().identify_by_code("482913", person.id_number[-4:])
    with pytest.raises(ValidationFailed) as caught:
        flow().identify_by_code("999998", "0000")
    assert caught.value.params["left"] == 0
    with pytest.raises(PickupLocked):
        flow().identify_by_code("482913", person.id_number[-4:])


def test_the_applicants_resident_code_hears_it_too(person: Citizen, clock: FakeClock) -> None:
    flow = PickupFlow(offers=[], collected=[_taken(person, at=None)], clock=clock)
    with pytest.raises(PickupAlreadyCollected, match="该结果已被领取，如有疑问请呼叫帮办"):
        flow.identify_by_resident(person)
    stranger = person.model_copy(update={"name": "李四"})
    with pytest.raises(ValidationFailed) as caught:
        PickupFlow(offers=[], collected=[_taken(person)], clock=clock).identify_by_resident(
            stranger
        )
    assert caught.value.code == "pickup.none_for_person"


def test_a_result_still_waiting_is_offered_not_reported_collected(
    person: Citizen, clock: FakeClock
) -> None:
    waiting = _waiting(person)
    # a stale "collected" entry for a result the feed offers again (released claim)
    flow = PickupFlow(offers=[waiting], collected=[CollectedPickup(offer=waiting, at=AT)],
                      clock=clock)
    assert flow.identify_by_code("731205", person.id_number[-4:]) == waiting


def test_the_time_is_said_in_the_halls_time() -> None:
    utc = dt.datetime(2026, 3, 2, 2, 5, tzinfo=dt.UTC)
    assert "2026年03月02日 10:05" in collected_message(utc)
