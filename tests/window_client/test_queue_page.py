"""叫号 at the counter against the real queue authority on loopback.

A kiosk of the same hall issues tickets; the clerk calls them with the keys a
practised clerk uses, and the gateway's record of each ticket is checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import Qt

from core.catalog import Catalog
from core.queue import GreenChannel, TicketState
from sync.catalog_files import load_catalog
from sync.queue_client import HttpQueueTransport, QueueClient
from tests.helpers.catalog import InMemoryCatalog
from tests.helpers.gateway import RunningGateway, running_gateway
from tests.helpers.terminal_sync import Terminal, terminal
from tests.window_client.conftest import build_services, log_in
from window_client.queue_page import QueuePage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

REPO = Path(__file__).resolve().parents[2]
HALL = "hc-zwzx"


@pytest.fixture(scope="module")
def demo() -> Catalog:
    return load_catalog(REPO / "resources" / "catalog")


@pytest.fixture
def gateway(tmp_path: Path, demo: Catalog) -> Iterator[RunningGateway]:
    with running_gateway(tmp_path / "gateway.db") as running:
        running.publish(demo)
        yield running


def queue_client(gateway: RunningGateway, slot: str) -> QueueClient:
    enrolled = gateway.enrol(hall_id=HALL, slot=slot)
    transport = HttpQueueTransport(
        base_url=gateway.url,
        credential=enrolled.credential,
        clock=lambda: gateway.clock.now().timestamp(),
    )
    return QueueClient(transport=transport, clock=gateway.clock)


@pytest.fixture
def counter(gateway: RunningGateway, tmp_path: Path) -> Iterator[Terminal]:
    term = terminal(gateway, tmp_path / "window", hall_id=HALL, slot="W02")
    yield term
    term.close()


@pytest.fixture
def kiosk(gateway: RunningGateway) -> QueueClient:
    return queue_client(gateway, "K01")


@pytest.fixture
def queue_window(qtbot, make_window, counter, gateway, demo, paper_maker, printer):  # noqa: PLR0917 - fixtures
    services = build_services(
        store=counter.store,
        clock=gateway.clock,
        catalog=InMemoryCatalog(demo),
        hall_id=HALL,
        papers=paper_maker,
        printer=printer,
        terminal_id="W02",
        queue=QueueClient(
            transport=HttpQueueTransport(
                base_url=gateway.url,
                credential=counter.client.credential,
                clock=lambda: gateway.clock.now().timestamp(),
            ),
            clock=gateway.clock,
        ),
    )
    window = make_window(services)
    log_in(qtbot, window, "hc-lixue")  # window 2, areas A and K
    assert window.current_page() == "queue"
    page = window.page("queue")
    assert isinstance(page, QueuePage)
    qtbot.waitUntil(lambda: page.view is not None, timeout=10000)
    return window, page


def test_call_next_green_channel_first_and_a_saved_case_starts_service(
    qtbot, queue_window, kiosk: QueueClient
):
    window, page = queue_window
    first = kiosk.issue("A")
    elder = kiosk.issue("A", green_channel=GreenChannel.ELDERLY)
    page.refresh()
    qtbot.waitUntil(lambda: page.waiting_for("A") == 2, timeout=10000)
    assert not page.recall_button.isEnabled()

    qtbot.keyClick(page, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: page.number.text() == elder.number, timeout=10000)
    assert page.green.isVisible()
    assert "老年人" in page.green.text()
    assert window.desk.ticket is not None
    assert window.desk.ticket.number == elder.number
    assert window.desk.ticket.green == "elderly"
    assert f"请 {elder.number} 号到 2 号窗口" in window.messages.text()
    assert page.waiting_for("A") == 1
    assert not page.call_button.isEnabled()  # one person at a time

    # a case saved for the called ticket (as 收件受理 announces it): the person is here,
    # so service starts; the case's own submission links it (一号办到底), with the official
    # number, never this page with the provisional one
    with qtbot.waitSignal(page.view_shown, timeout=10000):
        window.desk.case_linked.emit("TW02-20260101-1")
    served = kiosk.ticket(elder.number)
    assert served.state is TicketState.SERVING
    assert served.case_numbers == []
    assert "关联办件" not in page.details.text()

    qtbot.keyClick(page, Qt.Key.Key_F5)  # already serving: 收件受理 opens
    qtbot.waitUntil(lambda: window.current_page() == "acceptance", timeout=10000)
    assert kiosk.ticket(elder.number).state is TicketState.SERVING
    window.open_page("queue")
    qtbot.keyClick(page, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: page.number.text() == "—", timeout=10000)
    assert window.desk.ticket is None
    assert kiosk.ticket(elder.number).state is TicketState.DONE
    assert first.number != elder.number


def test_recall_no_show_and_transfer(qtbot, queue_window, kiosk: QueueClient):
    window, page = queue_window
    absent = kiosk.issue("A")
    moving = kiosk.issue("A")
    page.refresh()
    qtbot.waitUntil(lambda: page.waiting_for("A") == 2, timeout=10000)
    qtbot.keyClick(page, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: page.number.text() == absent.number, timeout=10000)
    qtbot.keyClick(page, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: "已重呼 1 次" in page.details.text(), timeout=10000)
    assert kiosk.ticket(absent.number).recalls == 1
    qtbot.keyClick(page, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: page.number.text() == "—", timeout=10000)
    assert kiosk.ticket(absent.number).state is TicketState.NO_SHOW
    assert "已按过号处理" in window.messages.text()

    qtbot.keyClick(page, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: page.number.text() == moving.number, timeout=10000)
    qtbot.keyClick(page, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.current_page() == "acceptance", timeout=10000)
    window.open_page("queue")
    qtbot.waitUntil(page.transfer_button.isEnabled, timeout=10000)
    page.transfer_area.setCurrentIndex(page.transfer_area.findData("B"))
    qtbot.mouseClick(page.transfer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.number.text() == "—", timeout=10000)
    old = kiosk.ticket(moving.number)
    assert old.state is TicketState.TRANSFERRED
    new = kiosk.ticket(old.transferred_to)
    assert new.area == "B"
    assert new.state is TicketState.WAITING
    assert new.issued_at == old.issued_at  # keeps its place in the queue
    assert old.transferred_to in window.messages.text()
    assert page.waiting_for("B") == 1


def test_pause_needs_a_reason_and_blocks_calling_until_resumed(
    qtbot, queue_window, kiosk: QueueClient
):
    window, page = queue_window
    kiosk.issue("K")
    qtbot.mouseClick(page.pause_button, Qt.MouseButton.LeftButton)
    assert "原因" in window.messages.text()
    page.pause_reason.insert("系统维护")  # what the IME commits
    qtbot.keyClick(page.pause_reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "暂停服务中: 系统维护" in page.window_state.text(), timeout=10000)
    assert not page.call_button.isEnabled()
    assert page.resume_button.isEnabled()
    qtbot.mouseClick(page.resume_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.call_button.isEnabled, timeout=10000)
    qtbot.keyClick(page, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: page.number.text().startswith("K"), timeout=10000)


def test_tidal_area_change_moves_what_the_window_calls(qtbot, queue_window, kiosk: QueueClient):
    window, page = queue_window
    kiosk.issue("B")
    session = window.session
    changed = window.services.accounts.set_business_areas(session, ("B 社保医保区",))
    window.desk.set_session(changed)
    qtbot.waitUntil(
        lambda: page.view is not None and page.view.window.areas == ["B"], timeout=10000
    )
    qtbot.keyClick(page, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: page.number.text().startswith("B"), timeout=10000)


def refused(url: str) -> bool:
    try:
        requests.get(url + "/v1/queue/waiting", timeout=1)
    except requests.ConnectionError:
        return True
    return False


def test_gateway_down_disables_calling_and_says_why(qtbot, queue_window, gateway):
    window, page = queue_window
    gateway.server.should_exit = True
    qtbot.waitUntil(lambda: refused(gateway.url), timeout=15000)
    page.call_next()
    qtbot.waitUntil(lambda: not page.available(), timeout=15000)
    assert not page.call_button.isEnabled()
    assert page.reason.isVisible()
    assert "前置机" in page.reason.text()


def test_without_a_gateway_the_page_says_calling_is_unavailable(qtbot, window):
    log_in(qtbot, window, "wh-wangfang")
    page = window.page("queue")
    assert isinstance(page, QueuePage)
    assert not page.call_button.isEnabled()
    assert "未连接排队系统" in page.reason.text()
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page, Qt.Key.Key_F2)
    assert "未连接排队系统" in window.messages.text()
