"""The kiosk window's queue, evaluation and help tasks against a real gateway on loopback.

Everything is tapped on the window as a person would: the 取号 tile and a business
area (the taps are counted), a green channel, a ticket from the offline block when the
gateway is off, an appointment checked in by its code typed on the on-screen keyboard,
the 好差评 invitation after the service (★1 refused without a reason), and 呼叫帮办
reaching the clerks' help feed. What the gateway received is read from it.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton

from core.clock import HALL_TZ
from core.terminal import TerminalProfile, Tile
from devices.health import HealthBoard
from kiosk.services import CodeResolver, KioskServices, ResultDocuments, hall_kiosk_items
from kiosk.window import KioskWindow
from sync.audit import AuditLog
from sync.cases import CaseRepository, PickupLedger
from sync.catalog_cache import CatalogCache
from sync.help_client import HelpClient, HttpDeskTransport
from sync.identity import OfflineVerifier
from sync.print_queue import PrintQueue
from sync.queue_client import HttpQueueTransport, QueueClient
from sync.queue_protocol import AreaSettings, AreaSettingsList
from tests.e2e.test_kiosk_citizen import HALL, KEY, _calendar, _catalog, _fonts, _holders
from tests.helpers.clock import FakeClock
from tests.helpers.faulty_proxy import FaultyProxy
from tests.helpers.gateway import RunningGateway, running_gateway
from tests.helpers.printer import FakePrinter
from tests.helpers.terminal_sync import Terminal, terminal
from widgets.i18n import LanguageManager
from widgets.scan_bridge import ScanRouter
from widgets.task_runner import TaskRunner
from widgets.theme import apply_theme

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

REPO = Path(__file__).resolve().parents[2]
AREAS = [AreaSettings(prefix="A", name="综合受理区"), AreaSettings(prefix="B", name="不动产登记区")]


@dataclass
class Hall:
    gateway: RunningGateway
    terminal: Terminal
    proxy: FaultyProxy
    window: KioskWindow
    queue: QueueClient
    printer: FakePrinter
    print_queue: PrintQueue
    scans: ScanRouter
    taps: list[str] = field(default_factory=list)

    def tap(self, qtbot, button: QAbstractButton) -> None:
        assert button.isVisible(), button.objectName()
        assert button.isEnabled(), button.objectName()
        self.taps.append(button.objectName())
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def printed_text(self, index: int = -1) -> str:
        pdf = self.printer.printed[index].pdf
        return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)

    def admin(self, method: str, path: str, body: str) -> None:
        self.gateway.admin(method, path, body)


@pytest.fixture
def hall(qtbot, qapp, tmp_path: Path) -> Iterator[Hall]:
    apply_theme(qapp, mode="kiosk")
    clock = FakeClock(dt.datetime(2026, 3, 2, 9, 30, tzinfo=HALL_TZ))
    with running_gateway(tmp_path / "gateway.db", clock=clock) as gateway, \
            FaultyProxy(gateway.url) as proxy:
        gateway.publish(_catalog())
        gateway.services.identity.publish_holders(*_holders())
        term = terminal(gateway, tmp_path / "kiosk", hall_id=HALL, slot="K01")
        term.engine.pull()
        store = term.store
        printer, a4 = FakePrinter("receipt"), FakePrinter("a4")
        print_queue = PrintQueue(store, printers={"receipt": printer, "a4": a4}, clock=clock)
        audit = AuditLog(store=store, now=clock.now, terminal_id="K01")
        catalog = CatalogCache(store, terminal_id="K01")
        services = KioskServices(
            store=store,
            cases=CaseRepository(store=store, audit=audit, terminal_id="K01", clock=clock),
            pickups=PickupLedger(store=store, audit=audit),
            codes=CodeResolver(session=term.client.session, base_url=gateway.url,
                               offline=OfflineVerifier(store=store, clock=clock.now)),
            results=ResultDocuments(session=term.client.session, base_url=gateway.url,
                                    folder=tmp_path / "results"),
            papers=PaperMakerHolder.make(),
            print_queue=print_queue,
            health=HealthBoard(clock=clock),
            hall=catalog.hall(HALL),
            calendar=_calendar(),
            clock=clock,
            items=hall_kiosk_items(store, HALL),
        )
        signing = {"credential": term.client.credential,
                   "clock": lambda: clock.now().timestamp()}
        queue = QueueClient(
            transport=HttpQueueTransport(base_url=proxy.url, **signing),  # type: ignore[arg-type]
            journal=store.journal, clock=clock, block_size=20,
        )
        helpdesk = HelpClient(transport=HttpDeskTransport(base_url=proxy.url, **signing))  # type: ignore[arg-type]
        runner = TaskRunner()
        scans = ScanRouter()
        language = LanguageManager(qapp, translations_dir=REPO / "resources" / "i18n")
        window = KioskWindow(
            catalog=catalog,
            profile=TerminalProfile(terminal_id="K01", hall_id=HALL, name="自助终端 01"),
            language=language, runner=runner, now=clock.now, services=services, queue=queue,
            help_client=helpdesk, scans=scans,
        )
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        result = Hall(gateway, term, proxy, window, queue, printer, print_queue, scans)
        result.admin("PUT", f"/v1/admin/queue/halls/{HALL}/areas",
                     AreaSettingsList(areas=AREAS).model_dump_json())
        yield result
        window.close()
        runner.shutdown()
        term.close()


class PaperMakerHolder:
    """One paper maker for the module (fonts are slow to load)."""

    @staticmethod
    def make():  # noqa: ANN205 - documents.maker.PaperMaker
        from documents.maker import PaperMaker

        return PaperMaker(fonts=_fonts(), key=KEY)


def _areas_shown(screen) -> bool:
    buttons = screen.area_buttons()
    return bool(buttons) and all(b.isVisible() for b in buttons)


def _take_ticket(qtbot, hall: Hall, area: str = "A") -> str:
    window = hall.window
    hall.tap(qtbot, window.home.tile_button(Tile.TICKET))
    assert window.ticket is not None
    qtbot.waitUntil(lambda: _areas_shown(window.ticket), timeout=10000)
    hall.tap(qtbot, window.ticket.area_button(area))
    qtbot.waitUntil(lambda: window.ticket.pages.currentWidget() is window.ticket.done_page
                    or window.ticket.message.property("role") == "badge-danger", timeout=10000)
    assert window.ticket.pages.currentWidget() is window.ticket.done_page, \
        window.ticket.message.text()
    return window.ticket.result.number.text()


def test_a_ticket_takes_two_taps_prints_its_slip_and_is_evaluated_at_once(qtbot, hall):
    first = _take_ticket(qtbot, hall)
    assert first == "A001"
    assert len(hall.taps) <= 3  # 取号, the business area
    assert hall.window.ticket.result.waiting.text() == "前面还有 0 人"
    hall.print_queue.run_once()
    qtbot.waitUntil(lambda: "已打印" in hall.window.ticket.result.print_status.text())
    slip = hall.printed_text()
    assert "A001" in slip
    assert "综合受理区" in slip

    # the invitation under the screen: ★1 without a reason is refused
    invite = hall.window.invite
    assert invite.isVisible()
    hall.tap(qtbot, invite.level_buttons[min(invite.level_buttons)])
    screen = hall.window.evaluation
    assert hall.window.current_screen() is screen
    assert "A001" in screen.subject_line.text()
    hall.tap(qtbot, screen.submit_button)
    assert "至少选择一项" in screen.message.text()
    hall.tap(qtbot, screen.reason_button("排队等候时间过长"))
    hall.tap(qtbot, screen.submit_button)
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.done_page, timeout=10000)
    assert "整改" in screen.thanks.text()

    hall.terminal.engine.push()
    with hall.gateway.store.db.read() as tx:
        rows = tx.all("SELECT level, payload FROM evaluations")
    assert len(rows) == 1
    level, payload = rows[0]
    assert level == 1
    data = json.loads(payload)
    assert data["ticket_number"] == "A001"
    assert data["reasons"] == ["排队等候时间过长"]

    hall.tap(qtbot, screen.finish_button)
    assert hall.window.current_screen() is hall.window.home
    assert hall.window.session.leftovers() == []


def test_green_channel_goes_first_and_an_offline_ticket_says_it_is_an_estimate(qtbot, hall):
    _take_ticket(qtbot, hall)
    hall.window.go_home()
    hall.tap(qtbot, hall.window.home.tile_button(Tile.TICKET))
    ticket = hall.window.ticket
    qtbot.waitUntil(lambda: _areas_shown(ticket), timeout=10000)
    hall.tap(qtbot, ticket.green_buttons[next(iter(ticket.green_buttons))])
    hall.tap(qtbot, ticket.area_button("A"))
    qtbot.waitUntil(lambda: ticket.pages.currentWidget() is ticket.done_page, timeout=10000)
    assert ticket.result.waiting.text() == "前面还有 0 人"  # ahead of the walk-in A001
    assert "绿色通道" in ticket.result.note.text()
    assert "工作人员确认" in ticket.result.note.text()

    hall.queue.ensure_blocks(["A"])
    hall.proxy.down = True
    hall.window.end_session()
    hall.tap(qtbot, hall.window.home.tile_button(Tile.TICKET))
    qtbot.waitUntil(lambda: _areas_shown(ticket), timeout=10000)
    assert "估计值" in ticket.message.text()
    hall.tap(qtbot, ticket.area_button("A"))
    qtbot.waitUntil(lambda: ticket.pages.currentWidget() is ticket.done_page, timeout=10000)
    number = ticket.result.number.text()
    assert number.startswith("A9")
    assert "估计值" in ticket.result.waiting.text()
    hall.print_queue.run_once()
    qtbot.waitUntil(lambda: len(hall.printer.printed) == 3)
    assert "估计值" in hall.printed_text()

    hall.proxy.down = False
    hall.queue.report_offline()
    with hall.gateway.store.db.read() as tx:
        origin = tx.one("SELECT origin FROM queue_tickets WHERE number = ?", (number,))
    assert origin is not None
    assert origin[0] == "offline"


def test_an_appointment_typed_on_the_keyboard_checks_in_as_a_ticket(qtbot, hall):
    start = hall.gateway.clock.now()
    hall.admin("POST", f"/v1/admin/queue/halls/{HALL}/appointments", json.dumps({
        "appointments": [{
            "reference": "YY0930", "area": "B",
            "slot_start": (start + dt.timedelta(minutes=5)).isoformat(),
            "slot_end": (start + dt.timedelta(minutes=35)).isoformat(),
        }]
    }))
    window = hall.window
    hall.tap(qtbot, window.home.tile_button(Tile.APPOINTMENT))
    screen = window.appointment
    assert window.current_screen() is screen
    qtbot.waitUntil(screen.isVisible)
    hall.tap(qtbot, screen.entry.field)
    for char in "yy0930":
        hall.tap(qtbot, screen.entry.keyboard.key(char))
    hall.tap(qtbot, screen.entry.ok)
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.done_page, timeout=10000)
    assert screen.result.number.text() == "B001"
    assert "预约已签到" in screen.result.note.text()
    hall.print_queue.run_once()
    qtbot.waitUntil(lambda: len(hall.printer.printed) == 1)
    assert "预约签到凭条" in hall.printed_text()

    window.end_session()
    hall.tap(qtbot, window.home.tile_button(Tile.APPOINTMENT))
    screen.check_in("YY0930")  # the booking's QR code scanned again
    qtbot.waitUntil(lambda: "已签到" in screen.message.text(), timeout=10000)
    assert "B001" in screen.message.text()


def test_help_reaches_the_clerks_feed_and_offline_sends_the_citizen_to_the_desk(qtbot, hall):
    window = hall.window
    hall.tap(qtbot, window.home.tile_button(Tile.SEARCH))
    hall.tap(qtbot, window.help_button)  # on every screen
    assert window.current_screen() is window.help
    hall.tap(qtbot, window.help.topic_buttons["search"])
    qtbot.waitUntil(lambda: window.help.last_request() is not None, timeout=10000)
    assert "工作人员马上过来" in window.help.status.text()

    clerk = hall.gateway.enrol(hall_id=HALL, slot="W01")
    desk = HelpClient(transport=HttpDeskTransport(
        base_url=hall.gateway.url, credential=clerk.credential,
        clock=lambda: hall.gateway.clock.now().timestamp()))
    feed = desk.feed(after=0)
    assert [(r.topic, r.note) for r in feed.requests] == [("search", "来自 SearchScreen")]

    hall.proxy.down = True
    window.end_session()
    hall.tap(qtbot, window.help_button)
    hall.tap(qtbot, window.help.topic_buttons["device"])
    qtbot.waitUntil(lambda: "服务台" in window.help.message.text(), timeout=15000)
    assert len(desk.feed(after=0).requests) == 1
