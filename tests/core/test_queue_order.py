"""One calling order for the hall: appointments whose slot is on go by their slot."""

from __future__ import annotations

import datetime as _dt

from core.clock import HALL_TZ
from core.queue import Appointment, GreenChannel, Ticket, call_order, next_ticket, people_ahead

NINE = _dt.datetime(2026, 3, 2, 9, 0, tzinfo=HALL_TZ)


def at(minutes: int) -> _dt.datetime:
    return NINE + _dt.timedelta(minutes=minutes)


def booked(number: str, issued: int, slot: int) -> Ticket:
    appointment = Appointment(reference=f"YY-{number}", slot_start=at(slot), slot_end=at(slot + 30))
    return Ticket(number=number, area="A", issued_at=at(issued), appointment=appointment)


def test_an_earlier_slot_goes_first_even_if_it_checked_in_later() -> None:
    late_slot = booked("A002", issued=16, slot=30)  # checked in first
    early_slot = booked("A003", issued=17, slot=20)
    walk_in = Ticket(number="A001", area="A", issued_at=at(0))
    elder = Ticket(number="A004", area="A", issued_at=at(18), green=GreenChannel.ELDERLY)
    queue = [walk_in, late_slot, early_slot, elder]
    now = at(28)
    order = sorted(queue, key=lambda t: call_order(t, now))
    assert [t.number for t in order] == ["A004", "A003", "A002", "A001"]
    assert next_ticket(queue, areas=["A"], now=now) == elder
    assert people_ahead(late_slot, queue, now=now) == 2
    # Before its slot is on, a booking waits like everybody else, by issue time.
    assert [t.number for t in sorted(queue, key=lambda t: call_order(t, at(0)))] == [
        "A004",
        "A001",
        "A002",
        "A003",
    ]
