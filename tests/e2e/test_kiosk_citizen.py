"""The kiosk's citizen services against a real gateway on loopback, tapped as a person would.

扫码办事 with a code the gateway issued, forged/replayed codes refused, a self-service
application printed as an 80 mm 受理凭证 (the PDF text read back), online and offline,
and 自助取件 of a result whose electronic document the platform did not send (the
citizen is sent to the window; printing, lockers and refusals are in
``test_kiosk_pickup``).
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import pytest
import requests
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel

from core.calendar import WorkingCalendar
from core.catalog import Catalog
from core.clock import HALL_TZ
from core.holders import Citizen, Enterprise
from core.pickup import code_digest
from devices.health import HealthBoard
from documents.fonts import FontSet
from documents.maker import PaperMaker
from documents.verification import VerificationKey
from gateway.cases import CaseRecord
from gateway.upstream import ReviewSimulator, UpstreamDecision, UpstreamPump
from kiosk.apply import ApplyScreen
from kiosk.pickup import PickupScreen
from kiosk.progress import ProgressScreen
from kiosk.scan_service import ScanServiceScreen
from kiosk.services import CodeResolver, KioskServices, ResultDocuments, hall_kiosk_items
from sync.audit import AuditLog
from sync.cases import CaseRepository, PickupLedger
from sync.catalog_cache import CatalogCache
from sync.catalog_files import load_catalog, load_demo_holders
from sync.identity import OfflineVerifier
from sync.print_queue import PrintQueue
from tests.helpers.clock import FakeClock
from tests.helpers.gateway import RunningGateway, running_gateway
from tests.helpers.printer import FakePrinter
from tests.helpers.terminal_sync import Terminal, terminal
from widgets.task_runner import TaskRunner
from widgets.theme import apply_theme

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

REPO = Path(__file__).resolve().parents[2]
HALL = "wh-zwzx"
PROOF = "11371000004183800M002038005000"  # 住房公积金缴存使用证明出具: 身份证 only, kiosk print
KEY = VerificationKey("hall-key-1", b"test-secret-for-papers-0123456789")


@cache
def _catalog() -> Catalog:
    return load_catalog(REPO / "resources" / "catalog")


@cache
def _holders() -> tuple[list[Citizen], list[Enterprise]]:
    return load_demo_holders(REPO / "resources" / "demo")


@cache
def _fonts() -> FontSet:
    return FontSet()


def _calendar() -> WorkingCalendar:
    years = [json.loads(p.read_text(encoding="utf-8"))
             for p in (REPO / "resources" / "holidays").glob("*.json")]
    return WorkingCalendar.from_dict({"years": years})


def tap(qtbot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@dataclass
class Kiosk:
    gateway: RunningGateway
    terminal: Terminal
    services: KioskServices
    printer: FakePrinter
    a4: FakePrinter
    queue: PrintQueue
    scan: ScanServiceScreen
    apply: ApplyScreen
    progress: ProgressScreen
    pickup: PickupScreen
    taps: int = 0

    def tap(self, qtbot, button: QAbstractButton) -> None:
        self.taps += 1
        tap(qtbot, button)

    def issue(self, holder: str, **extra: object) -> str:
        r = requests.post(
            self.gateway.url + "/v1/admin/identity/codes",
            json={"kind": "citizen", "holder": holder, **extra},
            headers={"Authorization": f"Bearer {self.gateway.admin_token}"},
            timeout=10,
        )
        assert r.status_code == 201, r.text
        return str(r.json()["text"])

    def sync(self) -> None:
        self.terminal.engine.push()
        self.terminal.engine.pull()

    def printed_text(self, index: int = -1, printer: FakePrinter | None = None) -> str:
        pdf = (printer or self.printer).printed[index].pdf
        return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def kiosk(qtbot, qapp, tmp_path: Path) -> Iterator[Kiosk]:
    apply_theme(qapp, mode="kiosk")
    clock = FakeClock(dt.datetime(2026, 3, 2, 9, 30, tzinfo=HALL_TZ))
    with running_gateway(tmp_path / "gateway.db", clock=clock) as gateway:
        gateway.publish(_catalog())
        gateway.services.identity.publish_holders(*_holders())
        term = terminal(gateway, tmp_path / "kiosk", hall_id=HALL, slot="K01")
        term.engine.pull()
        store = term.store
        printer, a4 = FakePrinter("receipt"), FakePrinter("a4")
        queue = PrintQueue(store, printers={"receipt": printer, "a4": a4}, clock=clock)
        audit = AuditLog(store=store, now=clock.now, terminal_id="K01")
        catalog = CatalogCache(store, terminal_id="K01")
        health = HealthBoard(clock=clock)
        services = KioskServices(
            store=store,
            cases=CaseRepository(store=store, audit=audit, terminal_id="K01", clock=clock),
            pickups=PickupLedger(store=store, audit=audit),
            codes=CodeResolver(session=term.client.session, base_url=gateway.url,
                               offline=OfflineVerifier(store=store, clock=clock.now)),
            results=ResultDocuments(session=term.client.session, base_url=gateway.url,
                                    folder=tmp_path / "results"),
            papers=PaperMaker(fonts=_fonts(), key=KEY),
            print_queue=queue,
            health=health,
            hall=catalog.hall(HALL),
            calendar=_calendar(),
            clock=clock,
            items=hall_kiosk_items(store, HALL),
        )
        runner = TaskRunner()
        screens = (
            ScanServiceScreen(services=services, runner=runner),
            ApplyScreen(services=services, runner=runner, terminal_id="K01"),
            ProgressScreen(services=services, catalog=catalog, runner=runner,
                           terminal_id="K01"),
            PickupScreen(services=services, runner=runner, terminal_id="K01"),
        )
        for screen in screens:
            qtbot.addWidget(screen)
            screen.resize(1920, 1000)
        kiosk = Kiosk(gateway, term, services, printer, a4, queue, *screens)
        yield kiosk
        runner.shutdown()
        term.close()


def _scan_and_choose(qtbot, kiosk: Kiosk, code: str, item_id: str) -> None:
    kiosk.scan.take_code(code)  # the scanner hands the screen its text
    qtbot.waitUntil(lambda: kiosk.scan.identified() is not None or
                    kiosk.scan.message.property("role") == "badge-danger", timeout=10000)
    assert kiosk.scan.identified() is not None, kiosk.scan.message.text()
    button = next(b for b in kiosk.scan.item_buttons() if b.objectName() == f"apply-{item_id}")
    kiosk.apply.submitted.connect(lambda _r: None)
    kiosk.scan.item_chosen.connect(kiosk.apply.start)
    kiosk.tap(qtbot, button)


def test_scan_apply_online_prints_the_receipt_and_the_gateway_numbers_it(qtbot, kiosk):
    citizen = _holders()[0][0]
    _scan_and_choose(qtbot, kiosk, kiosk.issue(citizen.name), PROOF)

    who = kiosk.scan.findChild(QLabel, "IdentityLine")
    assert citizen.name not in who.text()
    assert citizen.id_number[:6] + "********" + citizen.id_number[-4:] in who.text()
    assert "居民身份证" in kiosk.scan.findChild(QLabel, "LicenceLine").text()
    material = kiosk.apply.findChild(QLabel, "material-m1")
    assert "免提交" in material.text()
    assert kiosk.apply.phone.text() == citizen.phone

    kiosk.tap(qtbot, kiosk.apply.next_button)
    assert kiosk.apply.pages.currentWidget() is kiosk.apply.review_page
    kiosk.tap(qtbot, kiosk.apply.submit_button)
    qtbot.waitUntil(lambda: kiosk.apply.pages.currentWidget() is kiosk.apply.done_page)
    number = kiosk.apply.number_label.text().split()[-1]
    assert number.startswith("TK01-20260302-")
    assert kiosk.taps <= 4  # the item, 下一步, 提交 (the code is scanned, not tapped)

    kiosk.queue.run_once()
    qtbot.waitUntil(lambda: "已打印" in kiosk.apply.print_status.text())
    text = kiosk.printed_text()
    assert "受理凭证" in text
    assert number in text
    assert "住房公积金缴存使用证明出具" in text
    assert citizen.id_number not in text

    kiosk.sync()
    with kiosk.gateway.store.db.read() as tx:
        rows = tx.all("SELECT case_number, provisional_number, state FROM cases")
    assert len(rows) == 1
    official, provisional, state = rows[0]
    assert provisional == number
    assert state == "received"
    assert official != number


def test_a_replayed_or_forged_code_is_refused_and_nothing_changes(qtbot, kiosk):
    citizen = _holders()[0][0]
    code = kiosk.issue(citizen.name)
    kiosk.scan.take_code(code)
    qtbot.waitUntil(lambda: kiosk.scan.identified() is not None, timeout=10000)
    kiosk.scan.forget_personal_data()

    kiosk.scan.take_code(code)
    qtbot.waitUntil(lambda: "使用过" in kiosk.scan.message.text(), timeout=10000)
    assert kiosk.scan.identified() is None

    forged = code[:-3] + ("AAA" if not code.endswith("AAA") else "BBB")
    kiosk.scan.take_code(forged)
    qtbot.waitUntil(lambda: "使用过" not in kiosk.scan.message.text()
                    and kiosk.scan.message.property("role") == "badge-danger"
                    and "请稍候" not in kiosk.scan.message.text(), timeout=10000)
    assert kiosk.scan.identified() is None
    assert kiosk.services.cases.list_cases() == []


def test_apply_offline_gives_a_provisional_receipt_that_syncs_later(qtbot, kiosk):
    citizen = _holders()[0][0]
    _scan_and_choose(qtbot, kiosk, kiosk.issue(citizen.name), PROOF)
    kiosk.services.online = lambda: False  # the engine reports the outage
    kiosk.tap(qtbot, kiosk.apply.next_button)
    kiosk.tap(qtbot, kiosk.apply.submit_button)
    qtbot.waitUntil(lambda: kiosk.apply.pages.currentWidget() is kiosk.apply.done_page)
    assert "网络中断，已保存，编号为临时编号 TK01-" in kiosk.apply.done_text.text()
    kiosk.queue.run_once()
    qtbot.waitUntil(lambda: len(kiosk.printer.printed) == 1)
    assert "临时" in kiosk.printed_text()

    number = kiosk.apply.number_label.text().split()[-1]
    kiosk.sync()  # the network is back
    kiosk.progress.query(number)
    qtbot.waitUntil(lambda: kiosk.progress.current() is not None, timeout=10000)
    official = kiosk.progress.current().record.official_number
    assert official is not None
    assert official in kiosk.progress.state.text()


class WithoutDocuments:
    """A platform that sends result records but not their electronic documents."""

    def __init__(self, inner: ReviewSimulator) -> None:
        self._inner = inner

    def decisions(self, cases: list[CaseRecord]) -> list[UpstreamDecision]:
        return [replace(d, render_document=None) for d in self._inner.decisions(cases)]


def _ready_result(kiosk: Kiosk, case_number: str, *, documents: bool = True) -> tuple[str, str]:
    """Let the simulated back office finish a case; returns (pickup code, id tail)."""
    clock = kiosk.gateway.clock
    services = kiosk.gateway.services
    pump = services.pump
    if not documents:
        pump = UpstreamPump(store=services.store, cases=services.cases,
                            upstream=WithoutDocuments(ReviewSimulator(clock=clock)))
    assert pump is not None
    for _ in range(5):
        clock.advance(hours=3)
        pump.run_once()
    with kiosk.gateway.store.db.read() as tx:
        state = tx.one("SELECT state, result FROM cases WHERE case_number = ?",
                       (case_number,))
    assert state is not None
    assert state[0] == "result_ready"
    return json.loads(state[1])["pickup_code"], ""


def test_a_result_without_its_electronic_document_is_not_claimed(qtbot, kiosk):
    citizen = _holders()[0][0]
    _scan_and_choose(qtbot, kiosk, kiosk.issue(citizen.name), PROOF)
    kiosk.tap(qtbot, kiosk.apply.next_button)
    kiosk.tap(qtbot, kiosk.apply.submit_button)
    qtbot.waitUntil(lambda: kiosk.apply.pages.currentWidget() is kiosk.apply.done_page)
    kiosk.sync()
    with kiosk.gateway.store.db.read() as tx:
        official = tx.one("SELECT case_number FROM cases")[0]
    code, _ = _ready_result(kiosk, official, documents=False)
    kiosk.sync()
    offers = kiosk.services.pickups.offers()
    assert len(offers) == 1
    assert offers[0].code_sha256 == code_digest(offers[0].pickup_id, code)

    kiosk.taps = 0
    screen = kiosk.pickup
    screen.reset()
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    kiosk.tap(qtbot, screen.code)  # type code, then tap the ID-tail field
    for char in code:
        kiosk.tap(qtbot, screen.keyboard.key(char))
    kiosk.tap(qtbot, screen.tail)
    qtbot.waitUntil(screen.tail.hasFocus)
    for char in citizen.id_number[-4:].lower():
        kiosk.tap(qtbot, screen.keyboard.key(char))
    kiosk.tap(qtbot, screen.ok)
    # no electronic document from the platform: the kiosk says so, claims nothing
    qtbot.waitUntil(lambda: bool(screen.message.text()) and "请稍候" not in screen.message.text(),
                    timeout=10000)
    assert "电子文书尚未送达" in screen.message.text(), (screen.code.text(), screen.tail.text(),
                                                     screen.message.text())
    assert kiosk.services.pickups.stuck() == []
    assert kiosk.services.pickups.offers() != []
