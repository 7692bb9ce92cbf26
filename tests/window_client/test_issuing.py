"""统一出件 at the counter against a real gateway, and the set-up 窗口办结 shares.

The demo catalog is published on a gateway on loopback; the counter's store is a real
terminal store with its sync engine; cases are accepted through the domain API as the
acceptance page would, pushed, and moved along by the gateway's back-office simulator.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPointF, Qt

from core.accounts import ClerkSession
from core.case import Applicant, Case, CaseState, MarkKind, MaterialMark, Role
from core.catalog import Audience, Catalog, DeliveryMethod
from core.errors import ValidationFailed
from sync.catalog_files import load_catalog
from sync.engine import BlobFolder
from sync.help_client import HttpDeskTransport
from tests.helpers.catalog import InMemoryCatalog
from tests.helpers.gateway import RunningGateway, running_gateway
from tests.helpers.printer import FakePrinter
from tests.helpers.terminal_sync import Terminal, terminal
from tests.window_client.conftest import DEMO_PASSWORDS, build_services
from widgets.task_runner import TaskRunner
from window_client.chrome import MessageBar
from window_client.issuing import IssuingDesk, IssuingPage, waybill_number
from window_client.pages import CounterDesk
from window_client.results_desk import DeskServices
from window_client.services import WindowServices

REPO = Path(__file__).resolve().parents[2]
HALL = "hc-zwzx"
WINDOW_TERMINAL = "W02"
PERSON_ID = "371002199001011237"
PERSON_PHONE = "13812345678"
GETIHU = "113710020041826000000126004000"  # 个体工商户设立登记: window, kiosk_print, mobile
ID_CARD = "11371002004181700E000117005000"  # 居民身份证换领: window, ems, locker


@dataclass
class Counter:
    """The window client's services over the enrolled terminal, and its gateway."""

    services: WindowServices
    terminal: Terminal
    gateway: RunningGateway
    printer: FakePrinter

    def login(self, account: str) -> ClerkSession:
        return self.services.accounts.login(account, DEMO_PASSWORDS[account], window="2")

    def sync(self) -> None:
        """One push and one pull, as the engine does in the background."""
        self.terminal.engine.push()
        self.terminal.engine.pull()

    def advance_back_office(self, until: str) -> None:
        """Let the simulated back office work until the case is in state ``until``."""
        for _ in range(6):
            self.gateway.clock.advance(_dt.timedelta(hours=3))
            self.gateway.services.run_upstream_once()
            with self.gateway.store.db.write() as tx:
                states = {r[0] for r in tx.all("SELECT state FROM cases")}
            if states == {until}:
                return
        raise AssertionError(f"the back office did not reach {until}: {states}")

    def gateway_case(self, official: str) -> tuple[str, str]:
        """(state, delivery) of a case on the gateway."""
        with self.gateway.store.db.write() as tx:
            row = tx.one("SELECT state, delivery FROM cases WHERE case_number = ?", (official,))
        assert row is not None
        return str(row[0]), str(row[1])

    def printed_text(self, index: int = -1) -> str:
        self.services.print_queue.run_once()
        pdf = self.printer.printed[index].pdf
        return "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def make_counter(
    gateway: RunningGateway, terminal: Terminal, demo: Catalog, paper_maker, printer: FakePrinter
) -> Counter:
    transport = HttpDeskTransport(
        base_url=gateway.url,
        credential=terminal.client.credential,
        clock=lambda: gateway.clock.now().timestamp(),
    )
    services = build_services(
        store=terminal.store,
        clock=gateway.clock,
        catalog=InMemoryCatalog(demo),
        hall_id=HALL,
        papers=paper_maker,
        printer=printer,
        terminal_id=WINDOW_TERMINAL,
        desk=DeskServices(transport=transport, help_wait=0.2),
    )
    return Counter(services=services, terminal=terminal, gateway=gateway, printer=printer)


def accept_case(
    counter: Counter, item_id: str, *, delivery: DeliveryMethod, clerk: str = "hc-lixue",
    agent_name: str | None = None,
) -> str:
    """A complete application accepted at the window (all materials on paper)."""
    services = counter.services
    actor = counter.login(clerk).actor(Role.CLERK)
    item = services.catalog.item(item_id)

    def build(number: str) -> Case:
        case = Case.open(
            number=number,
            item=item,
            situation_id=item.situations[0].id,
            applicant=Applicant(
                kind=Audience.PERSONAL, name="张三", id_number=PERSON_ID, phone=PERSON_PHONE
            ),
            actor=actor,
            clock=services.clock,
            calendar=services.calendar,
        )
        case.mark_all(
            MaterialMark(material_id=m.id, kind=MarkKind.PAPER) for m in case.materials()
        )
        case.receive(actor)
        case.accept(actor)
        return case

    return services.cases.create(build, delivery=delivery).record.number


# ---- fixtures --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo() -> Catalog:
    return load_catalog(REPO / "resources" / "catalog")


@pytest.fixture
def gateway(tmp_path: Path, demo: Catalog) -> Iterator[RunningGateway]:
    with running_gateway(tmp_path / "gateway.db") as running:
        running.publish(demo)
        yield running


@pytest.fixture
def counter(gateway: RunningGateway, tmp_path: Path, demo: Catalog, paper_maker,
            printer: FakePrinter) -> Iterator[Counter]:
    term = terminal(gateway, tmp_path / "window", hall_id=HALL, slot=WINDOW_TERMINAL)
    try:
        yield make_counter(gateway, term, demo, paper_maker, printer)
    finally:
        term.close()


@pytest.fixture
def kiosk(gateway: RunningGateway, tmp_path: Path) -> Iterator[Terminal]:
    """A kiosk of the same hall: it pulls the ``pickups`` stream."""
    term = terminal(gateway, tmp_path / "kiosk", hall_id=HALL, slot="K01")
    try:
        yield term
    finally:
        term.close()


def make_page(qtbot, counter: Counter, runner: TaskRunner, tmp_path: Path,
              account: str = "hc-lixue") -> IssuingPage:
    desk = CounterDesk()
    desk.set_session(counter.login(account))
    messages = MessageBar()
    page = IssuingPage(
        # the sync engine's attachment folder: the signature is uploaded with the step
        desk=IssuingDesk(services=counter.services,
                         signatures=BlobFolder(counter.terminal.store.data_dir / "blobs")),
        runner=runner,
        counter=desk,
        messages=messages,
    )
    qtbot.addWidget(page)
    qtbot.addWidget(messages)
    page.resize(1280, 760)
    page.show()
    qtbot.waitExposed(page)
    return page


def ready_result(counter: Counter, item_id: str, delivery: DeliveryMethod) -> str:
    """Accept, push, let the back office produce the result, pull it back."""
    number = accept_case(counter, item_id, delivery=delivery)
    counter.sync()
    counter.advance_back_office("result_ready")
    counter.sync()
    counter.services.cases.apply_status()
    return number


def show(qtbot, page: IssuingPage, number: str) -> None:
    with qtbot.waitSignal(page.results_shown, timeout=10_000):
        page.refresh()
    numbers = [r.number for r in page._results]
    assert number in numbers
    page.results.setCurrentRow(numbers.index(number))
    qtbot.waitUntil(lambda: bool(page.recipient.text()))


def sign(page: IssuingPage) -> None:
    page.pad.add_stroke([QPointF(40 + 12 * i, 60 + (i % 5) * 9) for i in range(25)])


# ---- tests -----------------------------------------------------------------------------------


def test_waybill_numbers_are_checked():
    assert waybill_number("ea 123456785 cn") == "EA123456785CN"
    assert waybill_number("1012345678901") == "1012345678901"
    for bad in ("EA123456784CN", "12345", "EA12345678CN", "2012345678901", ""):
        with pytest.raises(ValidationFailed):
            waybill_number(bad)


def test_result_from_the_back_office_is_delivered_at_the_window_with_a_signature(
    qtbot, counter: Counter, runner: TaskRunner, tmp_path: Path
):
    number = ready_result(counter, GETIHU, DeliveryMethod.WINDOW)
    record = counter.services.cases.record(number)
    assert record is not None
    assert record.state is CaseState.RESULT_READY
    official = record.official_number
    assert official is not None

    page = make_page(qtbot, counter, runner, tmp_path)
    show(qtbot, page, number)
    assert official in page.detail.text()
    assert page.method() is DeliveryMethod.WINDOW
    assert page.recipient.text() == "张三"
    # Enter without a signature is refused with a message, nothing is saved.
    qtbot.keyClick(page.recipient, Qt.Key.Key_Return)
    assert page.last is None
    assert "签名板" in page._messages.text()
    sign(page)
    page.grab().save(str(tmp_path / "issuing.png"))
    with qtbot.waitSignal(page.delivered, timeout=10_000):
        qtbot.keyClick(page.recipient, Qt.Key.Key_Return)
    done = page.last
    assert done is not None
    assert done.signature_sha256
    blobs = counter.terminal.store.data_dir / "blobs"
    assert (blobs / done.signature_sha256).read_bytes().startswith(b"\x89PNG")

    text = counter.printed_text()
    assert "出件签收单" in text or "领取人签字" in text
    assert official in text
    assert "个体工商户" in text
    assert "窗口领取" in text
    assert PERSON_ID not in counter.printer.printed[-1].title

    entries = [e for e in counter.services.audit.entries() if e.action == "result.delivered"]
    assert [e.details["method"] for e in entries] == ["window"]
    assert entries[0].details["signature"] == "pad"
    assert counter.services.audit.verify_chain().ok

    counter.sync()
    assert counter.gateway_case(official)[0] == "delivered"
    qtbot.waitUntil(lambda: number not in [r.number for r in page._results], timeout=10_000)


def test_signed_on_paper_is_also_a_delivery(
    qtbot, counter: Counter, runner: TaskRunner, tmp_path: Path
):
    number = ready_result(counter, GETIHU, DeliveryMethod.WINDOW)
    page = make_page(qtbot, counter, runner, tmp_path)
    show(qtbot, page, number)
    page.signed_on_paper.setChecked(True)
    with qtbot.waitSignal(page.delivered, timeout=10_000):
        qtbot.keyClick(page.recipient, Qt.Key.Key_Return)
    entry = next(e for e in counter.services.audit.entries() if e.action == "result.delivered")
    assert entry.details["signature"] == "paper"


def test_ems_waybill_is_checked_and_recorded(
    qtbot, counter: Counter, runner: TaskRunner, tmp_path: Path
):
    number = ready_result(counter, ID_CARD, DeliveryMethod.EMS)
    official = counter.services.cases.record(number).official_number
    page = make_page(qtbot, counter, runner, tmp_path)
    show(qtbot, page, number)
    assert page.method() is DeliveryMethod.EMS
    assert page.waybill.hasFocus()
    qtbot.keyClicks(page.waybill, "EA123456784CN")  # wrong check digit
    qtbot.keyClick(page.waybill, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "校验位" in page.outcome.text(), timeout=10_000)
    assert counter.services.cases.record(number).state is CaseState.RESULT_READY
    page.waybill.clear()
    qtbot.keyClicks(page.waybill, "EA123456785CN")
    page.grab().save(str(tmp_path / "issuing_ems.png"))
    with qtbot.waitSignal(page.delivered, timeout=10_000):
        qtbot.keyClick(page.waybill, Qt.Key.Key_Return)
    assert "EA123456785CN" in counter.printed_text()
    entry = next(e for e in counter.services.audit.entries() if e.action == "result.delivered")
    assert entry.details["method"] == "ems"
    assert entry.details["reference"] == "EA123456785CN"
    deliver = counter.services.cases.record(number).events[-1]
    assert deliver.details["reference"] == "EA123456785CN"
    counter.sync()
    assert counter.gateway_case(official)[0] == "delivered"


def test_locker_pickup_code_reaches_the_kiosk_only_as_a_hash(
    qtbot, counter: Counter, kiosk: Terminal, runner: TaskRunner, tmp_path: Path
):
    number = ready_result(counter, ID_CARD, DeliveryMethod.WINDOW)
    official = counter.services.cases.record(number).official_number
    page = make_page(qtbot, counter, runner, tmp_path)
    show(qtbot, page, number)
    page.choose(DeliveryMethod.LOCKER)
    assert page.compartment.hasFocus()
    qtbot.keyClick(page.compartment, Qt.Key.Key_Return)  # no compartment: refused
    qtbot.waitUntil(lambda: "柜格" in page.outcome.text(), timeout=10_000)
    qtbot.keyClicks(page.compartment, "A07")
    with qtbot.waitSignal(page.delivered, timeout=10_000):
        qtbot.keyClick(page.compartment, Qt.Key.Key_Return)
    done = page.last
    assert done is not None
    assert done.issued is not None
    code = done.issued.code
    assert code in page.code_view.text()
    assert "待发送短信" in page.outcome.text()
    page.grab().save(str(tmp_path / "issuing_locker.png"))
    text = counter.printed_text()
    assert "A07" in text
    assert "智能文件柜" in text

    entry = next(
        e for e in counter.services.audit.entries() if e.action == "result.pickup_code_issued"
    )
    assert entry.details["sms"] == "待发送短信"
    assert entry.details["compartment"] == "A07"
    assert PERSON_PHONE not in str(entry.details)
    assert code not in str(entry.details)

    kiosk.engine.pull()
    docs = [d for d in kiosk.store.cached_docs("pickups") if d.get("case_number") == official]
    assert len(docs) == 1
    doc = docs[0]
    assert doc["state"] == "waiting"
    assert doc["code_sha256"] == hashlib.sha256(f"{doc['pickup_id']}:{code}".encode()).hexdigest()
    assert code not in str(doc)
    assert counter.gateway_case(official) == ("result_ready", "locker")


def test_mobile_push_is_recorded(qtbot, counter: Counter, runner: TaskRunner, tmp_path: Path):
    number = ready_result(counter, GETIHU, DeliveryMethod.MOBILE)
    page = make_page(qtbot, counter, runner, tmp_path)
    show(qtbot, page, number)
    assert page.method() is DeliveryMethod.MOBILE
    printed = len(counter.printer.printed)
    with qtbot.waitSignal(page.delivered, timeout=10_000):
        qtbot.keyClick(page, Qt.Key.Key_Return)
    entry = next(e for e in counter.services.audit.entries() if e.action == "result.delivered")
    assert entry.details["method"] == "mobile"
    counter.services.print_queue.run_once()
    assert len(counter.printer.printed) == printed  # nothing to sign for a phone push


def test_pages_open_from_the_navigation_by_shortcut(
    qtbot, make_window, counter: Counter, tmp_path: Path
):
    from tests.window_client.conftest import log_in
    from window_client.complaints import ComplaintsPage
    from window_client.conclusion import ConclusionPage

    window = make_window(counter.services)
    log_in(qtbot, window, "hc-lixue")  # 综合受理 + 出件
    for key, kind, name in ((Qt.Key.Key_6, IssuingPage, "issuing"),
                            (Qt.Key.Key_7, ConclusionPage, "conclusion"),
                            (Qt.Key.Key_0, ComplaintsPage, "complaints")):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        page = window.page(name)
        assert isinstance(page, kind)
        qtbot.waitUntil(page.isVisible)
        assert window.grab().save(str(tmp_path / f"window_{name}.png"))
    issuing = window.page("issuing")
    # No signature store is wired in this client: the pad is not offered, paper is.
    assert not issuing.signed_on_pad.isEnabled()
