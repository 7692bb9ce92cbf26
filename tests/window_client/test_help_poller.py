"""呼叫帮办 reaches the counter whichever page is open: notice, badge, take from the notice.

The window's shell watches the hall's help feed for the whole session (the 帮办与告警
page is built only when first opened). Runs against the real gateway on loopback with
a kiosk of the same hall pressing 呼叫帮办.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from core.errors import Offline
from sync.help_client import HelpClient, HttpDeskTransport
from tests.helpers.gateway import GatewayClient, RunningGateway, free_port, running_gateway
from tests.window_client.conftest import build_services, log_in
from window_client.alerts import HelpPage
from window_client.help_poller import HelpPoller
from window_client.results_desk import DeskServices
from window_client.services import WindowServices
from window_client.window import HELP_PAGE, WindowClientWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

HALL = "H-WH-01"


@pytest.fixture
def gateway(tmp_path: Path) -> Iterator[RunningGateway]:
    with running_gateway(tmp_path / "gateway.db") as running:
        yield running


def _link(gateway: RunningGateway, device: GatewayClient, url: str = "") -> HttpDeskTransport:
    return HttpDeskTransport(base_url=url or gateway.url, credential=device.credential,
                             clock=lambda: gateway.clock.now().timestamp())


@pytest.fixture
def kiosk(gateway: RunningGateway) -> Iterator[HelpClient]:
    device = gateway.enrol(hall_id=HALL, slot="K01")
    link = _link(gateway, device)
    yield HelpClient(transport=link)
    link.close()
    device.close()


@pytest.fixture
def desk_services(
    gateway: RunningGateway, *, store, clock, catalog, paper_maker, printer
) -> Iterator[WindowServices]:
    device = gateway.enrol(hall_id=HALL, slot="W03")
    link = _link(gateway, device)
    yield build_services(
        store=store, clock=clock, catalog=catalog, hall_id=HALL, papers=paper_maker,
        printer=printer, desk=DeskServices(transport=link, help_wait=0.5),
    )
    link.close()
    device.close()


def nav_text(window: WindowClientWindow, key: str) -> str:
    for row in range(window.nav.count()):
        item = window.nav.item(row)
        if item is not None and item.data(Qt.ItemDataRole.UserRole + 1) == key:
            return item.text()
    raise AssertionError(f"no navigation entry {key}")


def test_a_call_is_announced_on_any_page_and_taken_from_the_notice(
    qtbot, *, make_window: Callable[[WindowServices], WindowClientWindow],
    desk_services: WindowServices, kiosk: HelpClient, gateway: RunningGateway,
    tmp_path: Path,
) -> None:
    window = make_window(desk_services)
    log_in(qtbot, window, "wh-wangfang")
    poller = window.help_poller
    assert isinstance(poller, HelpPoller)
    qtbot.waitUntil(lambda: poller.latest is not None, timeout=10_000)
    assert window.current_page() != HELP_PAGE
    assert HELP_PAGE not in window._widgets  # the page was never opened

    with qtbot.waitSignal(poller.help_requested, timeout=10_000):
        kiosk.request_help(topic="pickup", note="自助取件")
    bar = window.messages
    assert "K01" in bar.text()
    assert "呼叫帮办" in bar.text()
    assert "自助取件" in bar.text()
    assert bar.action_text() == "响应并查看"
    qtbot.waitUntil(lambda: "1 待响应" in nav_text(window, HELP_PAGE), timeout=5_000)
    window.grab().save(str(tmp_path / "help_notice.png"))

    with qtbot.waitSignal(window.page_changed, timeout=10_000) as opened:
        qtbot.mouseClick(bar.findChild(type(bar._action), "MessageAction"),
                         Qt.MouseButton.LeftButton)
    assert opened.args == [HELP_PAGE]
    qtbot.waitUntil(lambda: "已响应" in bar.text(), timeout=5_000)
    feed = kiosk.feed(after=0)  # what every window now sees
    assert feed.requests[0].acked_by == "wh-wangfang"
    assert feed.requests[0].acked_window == "3"
    page = window.page(HELP_PAGE)
    assert isinstance(page, HelpPage)
    qtbot.waitUntil(lambda: page.requests.count() == 1
                    and "王芳" in page.requests.item(0).text(), timeout=10_000)
    qtbot.waitUntil(lambda: "待响应" not in nav_text(window, HELP_PAGE), timeout=10_000)
    window.grab().save(str(tmp_path / "help_taken.png"))


def test_calls_before_login_are_counted_not_announced_and_logout_stops_watching(
    qtbot, make_window: Callable[[WindowServices], WindowClientWindow],
    desk_services: WindowServices, kiosk: HelpClient,
) -> None:
    kiosk.request_help(topic="elder", note="老年人帮办")
    window = make_window(desk_services)
    log_in(qtbot, window, "wh-wangfang")
    poller = window.help_poller
    assert poller is not None
    qtbot.waitUntil(lambda: poller.latest is not None, timeout=10_000)
    assert "呼叫帮办" not in window.messages.text()
    qtbot.waitUntil(lambda: "1 待响应" in nav_text(window, HELP_PAGE), timeout=5_000)

    # the page shows the poller's feed; it does not poll a second time
    window.open_page(HELP_PAGE)
    page = window.page(HELP_PAGE)
    assert isinstance(page, HelpPage)
    assert page.requests.count() == 1
    assert "老年人帮办" in page.requests.item(0).text()

    window.log_out()
    assert window.help_poller is None
    assert not poller.running


def test_an_unreachable_gateway_is_retried_and_said_on_the_page(
    qtbot, *, make_window: Callable[[WindowServices], WindowClientWindow],
    gateway: RunningGateway, store, clock, catalog, paper_maker, printer,
) -> None:
    device = gateway.enrol(hall_id=HALL, slot="W03")
    link = _link(gateway, device, url=f"http://127.0.0.1:{free_port()}")
    services = build_services(
        store=store, clock=clock, catalog=catalog, hall_id=HALL, papers=paper_maker,
        printer=printer, desk=DeskServices(transport=link, help_wait=0.5),
    )
    try:
        window = make_window(services)
        log_in(qtbot, window, "wh-wangfang")
        poller = window.help_poller
        assert poller is not None
        with qtbot.waitSignal(poller.failed, timeout=10_000):
            pass
        window.open_page(HELP_PAGE)
        page = window.page(HELP_PAGE)
        assert isinstance(page, HelpPage)
        assert "无法连接前置机" in page.status.text()
        assert poller.running  # it keeps trying
    finally:
        link.close()
        device.close()


def test_closing_the_window_ends_the_waiting_help_poll_at_once(
    qtbot, *, language, gateway: RunningGateway, store, clock, catalog, paper_maker, printer,
) -> None:
    device = gateway.enrol(hall_id=HALL, slot="W03")
    link = _link(gateway, device)
    desk = DeskServices(transport=link, help_wait=25.0)  # the production long-poll
    services = build_services(
        store=store, clock=clock, catalog=catalog, hall_id=HALL, papers=paper_maker,
        printer=printer, desk=desk,
    )
    try:
        window = WindowClientWindow(services=services, language=language)  # owns its runner
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        log_in(qtbot, window, "wh-wangfang")
        poller = window.help_poller
        assert poller is not None
        # The first feed answers at once; the next one waits at the gateway for news.
        qtbot.waitUntil(lambda: poller.latest is not None, timeout=10_000)
        qtbot.waitUntil(lambda: window.runner.pending_count() > 0, timeout=5_000)

        began = time.monotonic()
        window.close()
        took = time.monotonic() - began
        # Without ending the poll, closing waits for the gateway's answer (25 s).
        assert took < desk.help_wait / 5, f"closing took {took:.1f} s"
        with pytest.raises(Offline):
            desk.help.feed(after=0)  # the link is closed for good
    finally:
        link.close()
        device.close()
