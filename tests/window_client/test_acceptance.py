"""收件受理 at the counter, driven by keys as a practised clerk would, against a real gateway.

The window client's store is a real terminal enrolled at a gateway on loopback; the
demo catalog is published there, so the gateway validates what the client submits,
assigns the official number, and the client shows it after the next pull.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from core.case import CaseState
from core.catalog import Catalog
from core.identifiers import resident_id_check_char
from sync.catalog_files import load_catalog
from tests.helpers.catalog import InMemoryCatalog
from tests.helpers.gateway import RunningGateway, running_gateway
from tests.helpers.printer import FakePrinter
from tests.helpers.terminal_sync import Terminal, terminal
from tests.window_client.conftest import build_services, log_in
from window_client.acceptance import AcceptancePage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

REPO = Path(__file__).resolve().parents[2]
GETIHU = "113710020041826000000126004000"  # 个体工商户设立登记, hall hc-zwzx
PERSON_ID = "371002199001011237"


@pytest.fixture(scope="module")
def demo() -> Catalog:
    return load_catalog(REPO / "resources" / "catalog")


@pytest.fixture
def gateway(tmp_path: Path, demo: Catalog) -> Iterator[RunningGateway]:
    with running_gateway(tmp_path / "gateway.db") as running:
        running.publish(demo)
        yield running


@pytest.fixture
def counter(gateway: RunningGateway, tmp_path: Path) -> Iterator[Terminal]:
    term = terminal(gateway, tmp_path / "window", hall_id="hc-zwzx", slot="W02")
    yield term
    term.close()


@pytest.fixture
def page_window(qtbot, make_window, counter, gateway, demo, paper_maker, printer):  # noqa: PLR0917 - fixtures
    services = build_services(
        store=counter.store,
        clock=gateway.clock,
        catalog=InMemoryCatalog(demo),
        hall_id="hc-zwzx",
        papers=paper_maker,
        printer=printer,
        terminal_id="W02",
    )
    window = make_window(services)
    log_in(qtbot, window, "hc-lixue")
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.page("acceptance")
    assert isinstance(page, AcceptancePage)
    return window, page


def resident_id(first17: str) -> str:
    return first17 + resident_id_check_char(first17)


def printed_text(printer: FakePrinter, services, index: int = -1) -> str:
    services.print_queue.run_once()
    pdf = printer.printed[index].pdf
    import io

    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def key(qtbot, widget, *keys) -> None:
    for k in keys:
        qtbot.keyClick(widget, k)


def take_in_routine_application(qtbot, page: AcceptancePage, marks: str) -> None:
    """Item by pinyin, the only 情形, a typed applicant, 本人办理, materials by keys."""
    assert page.items.search.hasFocus()
    qtbot.keyClicks(page.items.search, "getihu")
    qtbot.waitUntil(lambda: page.items.is_showing("getihu"))
    qtbot.keyClick(page.items.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.flow().item is not None or bool(page._context.messages.text()))
    assert not page._context.messages.text(), page._context.messages.text()
    assert page.flow().item.id == GETIHU
    assert page.code.hasFocus()  # one 情形 only: straight to the applicant
    page.name.setFocus()
    page.name.insert("张三")  # what the IME commits
    qtbot.keyClick(page.name, Qt.Key.Key_Return)
    qtbot.keyClicks(page.id_number, PERSON_ID)
    qtbot.keyClick(page.id_number, Qt.Key.Key_Return)
    qtbot.keyClicks(page.phone, "13812345678")
    qtbot.keyClick(page.phone, Qt.Key.Key_Return)
    assert page.flow().applicant is not None
    assert page.in_person.hasFocus()
    qtbot.keyClick(page.in_person, Qt.Key.Key_Return)
    assert page.checklist.hasFocus()
    for letter in marks:
        qtbot.keyClick(page.checklist, letter)


def test_routine_application_without_the_mouse_gets_a_receipt_and_an_official_number(
    qtbot, page_window, counter: Terminal, gateway: RunningGateway, printer: FakePrinter
):
    window, page = page_window
    services = window.services
    take_in_routine_application(qtbot, page, "PPP")
    assert page.flow().available()[0].value == "accept"
    qtbot.keyClick(page._outcome_card, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: page.done is not None, timeout=15000)
    number = page.done.number
    assert number.startswith("TW02-")
    assert not page.preview.pixmap().isNull()  # the PDF page rendered by QtPdf
    text = printed_text(printer, services)
    assert "受理" in text
    assert number in text
    assert "个体工商户设立登记" in text
    assert PERSON_ID not in text  # masked on paper

    assert page.case_number.text().startswith("临时编号: " + number)
    counter.engine.push()
    counter.engine.pull()
    applied = services.cases.apply_status()
    official = [a for a in applied if a.number == number]
    assert official
    assert official[0].official_number
    record = services.cases.record(number)
    assert record.official_number == official[0].official_number
    assert record.state is CaseState.ACCEPTED
    page.refresh_case()
    qtbot.waitUntil(lambda: page.case_number.text() == f"办件编号: {record.official_number}")
    chain = services.audit.verify_chain()
    assert chain.ok
    actions = [e.action for e in services.audit.entries()]
    assert "personal_data.view" in actions
    assert "decision.accept" in actions


def test_incomplete_application_cannot_be_accepted_and_the_notice_lists_everything(
    qtbot, page_window, printer: FakePrinter
):
    window, page = page_window
    take_in_routine_application(qtbot, page, "M")  # application form missing
    qtbot.keyClick(page.checklist, Qt.Key.Key_D)  # ID card: defective, with a reason
    assert page.defect_reason.hasFocus()
    page.defect_reason.insert("证件已过有效期")  # what the IME commits
    qtbot.keyClick(page.defect_reason, Qt.Key.Key_Return)
    qtbot.keyClick(page.checklist, Qt.Key.Key_M)  # premises proof missing
    assert not page.outcome_buttons[page.flow().outcomes()[0].outcome].isEnabled()
    qtbot.keyClick(page._outcome_card, Qt.Key.Key_1)
    assert "不能选择" in window.messages.text()
    assert page.done is None
    qtbot.keyClick(page._outcome_card, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: page.done is not None, timeout=15000)
    text = printed_text(printer, window.services)
    assert "一次性告知书" in text
    for name in (
        "个体工商户登记（备案）申请书",
        "居民身份证",
        "经营场所使用证明",
        "证件已过有效期",
    ):
        assert name in text.replace("\n", ""), name


def test_rejection_needs_a_chief(qtbot, page_window, printer: FakePrinter):
    window, page = page_window
    take_in_routine_application(qtbot, page, "PPP")
    page.reject_reason.setText("申请事项不属于本机关职权范围")
    page.reject_redress.setText(
        "如不服本决定，可于六十日内向威海市人民政府申请行政复议，或于六个月内向环翠区人民法院提起行政诉讼"
    )
    page.chief_account.setText("hc-lixue")  # the clerk alone cannot
    page.chief_password.setText("Weihai@2026")
    qtbot.keyClick(page._outcome_card, Qt.Key.Key_5)
    qtbot.waitUntil(lambda: "不是首席代表" in window.messages.text())
    assert page.done is None
    page.chief_account.setText("hc-yujun")
    qtbot.keyClicks(page.chief_password, "Chief@2026")
    qtbot.keyClick(page.chief_password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.done is not None or "不是首席代表" not in window.messages.text())
    assert page.done is not None, window.messages.text()
    text = printed_text(printer, window.services)
    assert "不予受理通知书" in text
    decisions = [e for e in window.services.audit.entries() if e.action == "decision.reject"]
    assert decisions
    assert json.dumps(decisions[-1].details, ensure_ascii=False).find("hc-yujun") >= 0


def test_pending_and_commitment_papers(qtbot, page_window, printer: FakePrinter):
    window, page = page_window
    take_in_routine_application(qtbot, page, "PPM")  # premises proof may be 容缺
    qtbot.keyClick(page._outcome_card, Qt.Key.Key_3)
    assert page.supply_by.hasFocus()
    assert page.supply_by.text()
    qtbot.keyClick(page.supply_by, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.done is not None, timeout=15000)
    text = printed_text(printer, window.services)
    assert "容缺受理通知书" in text
    assert "经营场所使用证明" in text.replace("\n", "")
    qtbot.keyClick(page, Qt.Key.Key_F9)
    assert page.done is None
    assert page.flow().item is None
    take_in_routine_application(qtbot, page, "PPP")
    qtbot.keyClick(page._outcome_card, Qt.Key.Key_4)
    assert page.commitment_ref.hasFocus()
    qtbot.keyClicks(page.commitment_ref, "CN-2026-0001")
    qtbot.keyClick(page.commitment_ref, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.done is not None, timeout=15000)
    window.services.print_queue.run_once()
    titles = [p.title for p in printer.printed]
    assert any(t.startswith("告知承诺书") for t in titles)


def test_agent_is_recorded(qtbot, page_window):
    window, page = page_window
    take_in_routine_application(qtbot, page, "")
    page.agent_name.setText("李四")
    page.agent_id.setText(resident_id("37100219850505123"))
    page.agent_phone.setText("13912345678")
    page.agent_ref.setFocus()
    qtbot.keyClicks(page.agent_ref, "WT-2026-07")
    qtbot.keyClick(page.agent_ref, Qt.Key.Key_Return)
    assert page.flow().agent is not None
    assert page.flow().agent.authorisation_ref == "WT-2026-07"
    assert "李四" in page.agent_summary.text()
    assert resident_id("37100219850505123") not in page.agent_summary.text()


def test_agent_number_is_masked_once_saved_and_the_case_keeps_it_whole(
    qtbot, page_window, counter: Terminal, gateway: RunningGateway
):
    window, page = page_window
    agent_id = resident_id("37100219850505123")
    take_in_routine_application(qtbot, page, "")
    qtbot.mouseClick(page.agent_name, Qt.MouseButton.LeftButton)
    page.agent_name.insert("李四")  # what the IME commits
    qtbot.mouseClick(page.agent_id, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.agent_id, agent_id)
    qtbot.mouseClick(page.agent_phone, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.agent_phone, "13912345678")
    qtbot.mouseClick(page.agent_ref, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.agent_ref, "WT-2026-07")
    qtbot.keyClick(page.agent_ref, Qt.Key.Key_Return)
    # what the clerk (and anyone at the counter) now sees: masked
    assert page.agent_id.text() == "371002********" + agent_id[-4:]
    assert page.agent_phone.text() == "139****5678"
    assert page.flow().agent is not None
    assert page.flow().agent.id_number == agent_id

    # The authorisation number corrected and saved again: the masked boxes still
    # stand for the full values.
    page.agent_ref.clear()
    qtbot.keyClicks(page.agent_ref, "WT-2026-08")
    qtbot.mouseClick(page.agent_button, Qt.MouseButton.LeftButton)
    assert not window.messages.text(), window.messages.text()
    assert page.flow().agent.authorisation_ref == "WT-2026-08"
    assert page.flow().agent.id_number == agent_id
    assert page.flow().agent.phone == "13912345678"
    assert page.agent_id.text() == "371002********" + agent_id[-4:]

    # A retyped box is taken as typed: a wrong number is refused, nothing is lost.
    page.agent_id.clear()
    qtbot.keyClicks(page.agent_id, "371002198505051230")
    qtbot.keyClick(page.agent_ref, Qt.Key.Key_Return)
    assert "身份" in window.messages.text()
    assert page.flow().agent.id_number == agent_id
    assert page.agent_id.text() == "371002198505051230"  # left for the clerk to correct
    page.agent_id.clear()
    qtbot.keyClicks(page.agent_id, agent_id)
    qtbot.keyClick(page.agent_ref, Qt.Key.Key_Return)
    assert page.agent_id.text() == "371002********" + agent_id[-4:]

    # The case and what goes to the platform keep the whole number.
    page.checklist.setFocus()
    for letter in "PPP":
        qtbot.keyClick(page.checklist, letter)
    qtbot.keyClick(page._outcome_card, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: page.done is not None, timeout=15000)
    record = window.services.cases.record(page.done.number)
    assert record.agent is not None
    assert record.agent.id_number == agent_id
    counter.engine.push()
    with gateway.store.db.write() as tx:
        row = tx.one("SELECT payload FROM cases WHERE payload LIKE ?", (f"%{agent_id}%",))
    assert row is not None


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_paper_fits_beside_the_form_on_a_1366_monitor(
    qtbot, page_window, language, lang: str, tmp_path: Path
):
    """With the paper shown the form needs no sideways scrolling; F9 brings the list back."""
    window, page = page_window
    language.set_language(lang)
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.width() == 1366)  # noqa: PLR2004 - the monitor
    take_in_routine_application(qtbot, page, "PPP")
    qtbot.keyClick(page._outcome_card, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: page.done is not None, timeout=15000)
    form = page._form_scroll
    qtbot.waitUntil(lambda: not page.preview.pixmap().isNull() and page.preview.isVisible())
    qtbot.waitUntil(lambda: form.widget().width() <= form.viewport().width())
    assert form.horizontalScrollBar().maximum() == 0
    paper = page.preview.pixmap()
    assert paper.width() <= page.preview.width()
    assert paper.height() <= page.preview.height()  # the whole page is in view
    assert paper.width() >= 300  # noqa: PLR2004 - still a readable page
    assert window.width() == 1366  # noqa: PLR2004 - nothing pushed the window wider
    window.grab().save(str(tmp_path / f"acceptance-paper-{lang}.png"))

    qtbot.keyClick(page, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: page.items.isVisible() and not page.preview.isVisible())
    assert page.items.width() >= 260  # noqa: PLR2004 - the list is usable again
    assert page.items.search.hasFocus()
