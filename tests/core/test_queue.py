"""取号 tickets: states, times, links, and the calling order."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import HALL_TZ
from core.errors import IllegalTransition, ValidationFailed
from core.queue import (
    MAX_RECALLS,
    Appointment,
    GreenChannel,
    Ticket,
    TicketState,
    format_ticket_number,
    next_ticket,
    parse_ticket_number,
    people_ahead,
)

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=HALL_TZ)


def at(minutes: int) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def ticket(number: str, minute: int, **over: object) -> Ticket:
    prefix, _ = parse_ticket_number(number)
    return Ticket(number=number, area=prefix, issued_at=at(minute), **over)  # type: ignore[arg-type]


def appointment(start_min: int, end_min: int) -> Appointment:
    return Appointment(reference="YY-0001", slot_start=at(start_min), slot_end=at(end_min))


# ---- numbers -------------------------------------------------------------------------


def test_numbers() -> None:
    assert format_ticket_number("A", 12) == "A012"
    assert format_ticket_number("BD", 999) == "BD999"
    assert parse_ticket_number(" a012 ") == ("A", 12)


@pytest.mark.parametrize("bad", ["", "A12", "A0120", "012", "A000", "ABC012", "A-12"])
def test_bad_numbers(bad: str) -> None:
    with pytest.raises(ValidationFailed):
        parse_ticket_number(bad)


@pytest.mark.parametrize(("prefix", "n"), [("a", 1), ("", 1), ("A1", 1), ("A", 0),
                                           ("A", 1000), ("A", True)])
def test_bad_number_parts(prefix: str, n: int) -> None:
    with pytest.raises(ValidationFailed):
        format_ticket_number(prefix, n)


def test_ticket_prefix_must_match_area() -> None:
    with pytest.raises(ValidationFailed):
        Ticket(number="A012", area="B", issued_at=T0)
    with pytest.raises(ValidationFailed):
        Ticket(number="A012", area="A", issued_at=dt.datetime(2026, 3, 2, 9, 0))


# ---- states ----------------------------------------------------------------------------


def test_service_path_and_times() -> None:
    t = ticket("A012", 0)
    assert t.waiting_time(at(7)) == dt.timedelta(minutes=7)
    t = t.call(window_no="3", clerk_id="clerk-01", at=at(10))
    t = t.recall()
    t = t.start(at=at(12))
    t = t.link_case("TW03-20260302-1").link_case("TW03-20260302-1")
    t = t.finish(at=at(30))
    t = t.link_evaluation("ev-1")
    assert t.state is TicketState.DONE
    assert t.recalls == 1
    assert t.case_numbers == ("TW03-20260302-1",)
    assert t.evaluation_id == "ev-1"
    assert t.waiting_time() == dt.timedelta(minutes=10)
    assert t.handling_time() == dt.timedelta(minutes=18)
    with pytest.raises(IllegalTransition):
        t.link_evaluation("ev-2")
    assert t.link_evaluation("ev-1") == t  # the same evaluation synced twice


def test_recall_limit_then_no_show() -> None:
    t = ticket("A001", 0).call(window_no="1", clerk_id="c", at=at(5))
    for _ in range(MAX_RECALLS):
        t = t.recall()
    with pytest.raises(ValidationFailed) as err:
        t.recall()
    assert err.value.code == "ticket.recall_limit"
    t = t.no_show(at=at(9))
    assert t.state is TicketState.NO_SHOW
    assert t.handling_time() is None


def test_suspend_and_resume_keeps_first_call_time() -> None:
    t = ticket("A001", 0).call(window_no="1", clerk_id="c", at=at(5)).start(at=at(6))
    with pytest.raises(ValidationFailed):
        t.suspend(reason=" ")
    t = t.suspend(reason="申请人去复印身份证")
    assert t.state is TicketState.SUSPENDED
    t = t.link_case("TW01-20260302-4")
    t = t.call(window_no="1", clerk_id="c", at=at(20))
    assert t.state is TicketState.CALLED
    assert t.first_called_at == at(5)
    assert t.suspended_reason == ""


def test_suspended_ticket_can_lapse() -> None:
    t = ticket("A001", 0).call(window_no="1", clerk_id="c", at=at(5)).start(at=at(6))
    t = t.suspend(reason="补材料").no_show(at=at(120))
    assert t.state is TicketState.NO_SHOW


def test_transfer_keeps_place_and_priority() -> None:
    t = ticket("A001", 0, green=GreenChannel.ELDERLY).call(window_no="1", clerk_id="c",
                                                           at=at(5)).start(at=at(6))
    t = t.link_case("TW01-20260302-4")
    old, new = t.transfer(to_area="B", new_number="B031", at=at(15))
    assert old.state is TicketState.TRANSFERRED
    assert old.transferred_to == "B031"
    assert old.handling_time() == dt.timedelta(minutes=9)
    assert new.state is TicketState.WAITING
    assert new.issued_at == at(0)
    assert new.green is GreenChannel.ELDERLY
    assert new.transferred_from == "A001"
    assert new.case_numbers == ("TW01-20260302-4",)
    with pytest.raises(ValidationFailed):
        t.transfer(to_area="A", new_number="A099", at=at(15))
    with pytest.raises(ValidationFailed):
        t.transfer(to_area="B", new_number="C031", at=at(15))


ILLEGAL = [
    ("waiting", lambda t: t.recall()),
    ("waiting", lambda t: t.start(at=at(1))),
    ("waiting", lambda t: t.finish(at=at(1))),
    ("waiting", lambda t: t.no_show(at=at(1))),
    ("waiting", lambda t: t.suspend(reason="x")),
    ("waiting", lambda t: t.link_case("TW01-20260302-1")),
    ("waiting", lambda t: t.link_evaluation("ev")),
    ("called", lambda t: t.call(window_no="2", clerk_id="c", at=at(1))),
    ("called", lambda t: t.finish(at=at(1))),
    ("called", lambda t: t.transfer(to_area="B", new_number="B001", at=at(1))),
    ("serving", lambda t: t.call(window_no="2", clerk_id="c", at=at(1))),
    ("serving", lambda t: t.no_show(at=at(1))),
    ("serving", lambda t: t.link_evaluation("ev")),
    ("done", lambda t: t.call(window_no="2", clerk_id="c", at=at(1))),
    ("done", lambda t: t.suspend(reason="x")),
    ("no_show", lambda t: t.start(at=at(1))),
    ("no_show", lambda t: t.call(window_no="2", clerk_id="c", at=at(1))),
]


def _in_state(state: str) -> Ticket:
    t = ticket("A001", 0)
    if state == "waiting":
        return t
    t = t.call(window_no="1", clerk_id="c", at=at(1))
    if state == "called":
        return t
    if state == "no_show":
        return t.no_show(at=at(2))
    t = t.start(at=at(2))
    if state == "serving":
        return t
    return t.finish(at=at(3))


@pytest.mark.parametrize(("state", "call"), ILLEGAL)
def test_illegal_ticket_transitions(state: str, call: object) -> None:
    t = _in_state(state)
    with pytest.raises(IllegalTransition) as err:
        call(t)  # type: ignore[operator]
    assert "A001" in err.value.message
    assert err.value.params == {"state": state}


def test_call_needs_window_and_clerk() -> None:
    with pytest.raises(ValidationFailed):
        ticket("A001", 0).call(window_no=" ", clerk_id="c", at=at(1))


# ---- ordering -------------------------------------------------------------------------


def test_fifo_within_the_windows_areas() -> None:
    queue = [ticket("A002", 2), ticket("B001", 0), ticket("A001", 1), ticket("C001", -5)]
    first = next_ticket(queue, areas=["A", "B"], now=at(10))
    assert first is not None
    assert first.number == "B001"
    first_a = next_ticket(queue, areas=["A"], now=at(10))
    assert first_a is not None
    assert first_a.number == "A001"
    assert next_ticket(queue, areas=["D"], now=at(10)) is None
    assert next_ticket([], areas=["A"], now=at(10)) is None


def test_green_channel_goes_first() -> None:
    queue = [ticket("A001", 0), ticket("A002", 1),
             ticket("A003", 2, green=GreenChannel.PREGNANT),
             ticket("A004", 3, green=GreenChannel.MILITARY)]
    first = next_ticket(queue, areas=["A"], now=at(5))
    assert first is not None
    assert first.number == "A003"
    assert people_ahead(queue[0], queue, now=at(5)) == 2
    assert people_ahead(queue[3], queue, now=at(5)) == 1


def test_appointment_has_priority_only_during_its_slot() -> None:
    queue = [ticket("A001", 0), ticket("A002", 1, appointment=appointment(30, 60))]
    early = next_ticket(queue, areas=["A"], now=at(5))
    assert early is not None
    assert early.number == "A001"  # slot not on yet: first come first served
    on = next_ticket(queue, areas=["A"], now=at(20))  # within the 15-minute grace
    assert on is not None
    assert on.number == "A002"
    late = next_ticket(queue, areas=["A"], now=at(61))
    assert late is not None
    assert late.number == "A001"  # slot over: no priority any more
    green = ticket("A003", 2, green=GreenChannel.DISABLED)
    first = next_ticket([*queue, green], areas=["A"], now=at(40))
    assert first is not None
    assert first.number == "A003"


def test_only_waiting_tickets_are_called_or_counted() -> None:
    called = ticket("A001", 0).call(window_no="1", clerk_id="c", at=at(1))
    suspended = ticket("A002", 1).call(window_no="1", clerk_id="c", at=at(2)).start(
        at=at(2)).suspend(reason="复印")
    waiting = ticket("A003", 2)
    queue = [called, suspended, waiting]
    first = next_ticket(queue, areas=["A"], now=at(5))
    assert first is not None
    assert first.number == "A003"
    assert people_ahead(waiting, queue, now=at(5)) == 0


def test_people_ahead_counts_same_area_only() -> None:
    queue = [ticket("A001", 0), ticket("B001", 1), ticket("A002", 2), ticket("A003", 3)]
    assert [people_ahead(t, queue, now=at(5)) for t in queue] == [0, 0, 1, 2]


def test_bad_appointment_slot() -> None:
    with pytest.raises(ValidationFailed):
        Appointment(reference="YY", slot_start=at(30), slot_end=at(30))
    with pytest.raises(ValidationFailed):
        Appointment(reference="YY", slot_start=dt.datetime(2026, 3, 2, 9),
                    slot_end=dt.datetime(2026, 3, 2, 10))
