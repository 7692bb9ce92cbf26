"""一号办到底: the case a clerk takes in for the called ticket links itself by its event.

A citizen's ticket is issued at a kiosk and called to the window; the clerk takes the
application in on 收件受理 while serving it. ``case.submitted`` names the ticket, so
the gateway links the ticket to the *official* case number (and starts a ticket that
was only called) when the event arrives — after an outage too — and never to the
terminal's provisional number.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from sync.protocol import CaseSubmitted
from sync.queue_protocol import AreaSettings
from tests.gateway.test_queue import configure, device
from tests.helpers.gateway import RunningGateway
from tests.helpers.terminal_sync import Terminal
from tests.window_client import conftest as counter_fixtures
from tests.window_client import test_acceptance
from tests.window_client.test_acceptance import take_in_routine_application
from window_client.pages import ServedTicket

HALL = "hc-zwzx"

# the counter of 收件受理's tests: a window client enrolled at a gateway on loopback
demo = test_acceptance.demo
gateway = test_acceptance.gateway
counter = test_acceptance.counter
page_window = test_acceptance.page_window
window_app = counter_fixtures.window_app
language = counter_fixtures.language
runner = counter_fixtures.runner
make_window = counter_fixtures.make_window
paper_maker = counter_fixtures.paper_maker
printer = counter_fixtures.printer


def _submitted(counter: Terminal) -> list[CaseSubmitted]:
    with counter.store.journal.read() as conn:
        rows = conn.execute(
            "SELECT payload FROM outbox WHERE kind = 'case.submitted' ORDER BY seq"
        ).fetchall()
    return [CaseSubmitted.model_validate_json(r[0]) for r in rows]


def test_the_submission_names_the_served_ticket_and_the_gateway_links_the_official_number(
    qtbot, page_window, counter: Terminal, gateway: RunningGateway
):
    configure(gateway, [AreaSettings(prefix="A", name="综合受理区")], hall=HALL)
    kiosk = device(gateway, "K01", hall=HALL)
    issued = kiosk.issue("A")
    assert issued.number == "A001"
    calls = device(gateway, "W09", hall=HALL)
    calls.set_window_areas("2", ["A"])
    assert calls.call_next("2", clerk_id="hc-lixue").number == "A001"

    window, page = page_window
    window.desk.set_ticket(ServedTicket(number="A001", area="A", area_name="综合受理区"))
    take_in_routine_application(qtbot, page, "PPP")
    qtbot.keyClick(page._outcome_card, Qt.Key.Key_1)  # 受理
    qtbot.waitUntil(lambda: page.done is not None, timeout=15000)
    provisional = page.done.number
    (submission,) = _submitted(counter)
    assert submission.provisional_number == provisional
    assert submission.ticket_number == "A001"
    assert kiosk.ticket("A001").case_numbers == []  # nothing linked before the event

    counter.engine.push()
    with gateway.store.db.read() as tx:
        row = tx.one("SELECT case_number FROM cases WHERE provisional_number = ?",
                     (provisional,))
    assert row is not None
    official = str(row[0])
    ticket = kiosk.ticket("A001")
    assert ticket.case_numbers == [official]
    assert provisional not in ticket.case_numbers
    assert ticket.state == "serving"  # called, then started by the case taken in for it


def test_a_case_taken_in_with_no_ticket_served_names_none(
    qtbot, page_window, counter: Terminal, gateway: RunningGateway
):
    window, page = page_window
    assert window.desk.ticket is None
    take_in_routine_application(qtbot, page, "PPP")
    qtbot.keyClick(page._outcome_card, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: page.done is not None, timeout=15000)
    (submission,) = _submitted(counter)
    assert submission.ticket_number == ""
