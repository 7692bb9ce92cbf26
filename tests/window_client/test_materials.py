"""Digitised materials, the 材料移交清单 and 推送后台, against the real gateway on loopback.

A clerk accepts a routine application with the keyboard, imports the scanned
application form, prints the handover list for the back office and pushes the case
there; the gateway stores the scan before it takes the event that names it, and
moves the case to 审查中.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from core.case import CaseState
from core.catalog import Catalog
from sync.catalog_files import load_catalog
from tests.helpers.catalog import InMemoryCatalog
from tests.helpers.gateway import RunningGateway, running_gateway
from tests.helpers.printer import FakePrinter
from tests.helpers.terminal_sync import Terminal, terminal
from tests.window_client.conftest import build_services, log_in
from tests.window_client.test_acceptance import take_in_routine_application
from window_client.acceptance import AcceptancePage
from window_client.handover import HandoverPage
from window_client.materials import MaterialsPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

REPO = Path(__file__).resolve().parents[2]
HALL = "hc-zwzx"
SCAN = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


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
    term = terminal(gateway, tmp_path / "window", hall_id=HALL, slot="W02")
    yield term
    term.close()


@pytest.fixture
def accepted(qtbot, make_window, counter, gateway, demo, paper_maker, printer):  # noqa: PLR0917 - fixtures
    services = replace(
        build_services(
            store=counter.store,
            clock=gateway.clock,
            catalog=InMemoryCatalog(demo),
            hall_id=HALL,
            papers=paper_maker,
            printer=printer,
            terminal_id="W02",
        ),
        store=counter.store,
    )
    window = make_window(services)
    log_in(qtbot, window, "hc-lixue")
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.page("acceptance")
    assert isinstance(page, AcceptancePage)
    take_in_routine_application(qtbot, page, "PPP")
    qtbot.keyClick(page._outcome_card, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: page.done is not None, timeout=15000)
    return window, page.done.number


def inbox(gateway: RunningGateway, kind: str) -> list[tuple[dict, str, dict]]:
    with gateway.store.db.read() as tx:
        rows = tx.all(
            "SELECT payload, status, result FROM inbox WHERE kind = ? ORDER BY seq", (kind,)
        )
    return [(json.loads(r[0]), r[1], json.loads(r[2])) for r in rows]


def pdf_text(pdf: bytes) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).replace("\n", "")


def open_materials(qtbot, window) -> MaterialsPage:
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = window.page("materials")
    assert isinstance(page, MaterialsPage)
    qtbot.waitUntil(lambda: page.material_list.count() > 0, timeout=10000)
    return page


def test_scanned_material_is_uploaded_before_the_event_that_links_it(
    qtbot, accepted, counter: Terminal, gateway: RunningGateway, tmp_path: Path
):
    window, number = accepted
    page = open_materials(qtbot, window)
    assert page.case_list.count() == 1
    assert number in page.case_list.item(0).text()
    assert "高拍仪" in page.camera_note.text()

    wrong = tmp_path / "申请书.pdf"
    wrong.write_bytes(b"just some text, not a scan")
    page.import_file(wrong)
    qtbot.waitUntil(lambda: "只能导入 PDF、JPG 或 PNG" in window.messages.text())
    renamed = tmp_path / "photo.png"
    renamed.write_bytes(SCAN)
    page.import_file(renamed)
    qtbot.waitUntil(lambda: "扩展名与内容不符" in window.messages.text())
    assert page.imported == []

    scan = tmp_path / "申请书.pdf"
    scan.write_bytes(SCAN)
    page.material_list.setCurrentRow(0)
    page.import_file(scan)
    qtbot.waitUntil(lambda: len(page.imported) == 1)
    sha = page.imported[0].material.sha256
    assert "已数字化" in window.messages.text()
    assert (counter.store.data_dir / "blobs" / sha).read_bytes() == SCAN

    counter.engine.push()
    r = counter.client.get(f"/v1/blobs/{sha}")
    assert r.status_code == 200
    assert r.content == SCAN
    [(payload, status, result)] = inbox(gateway, "case.materials_digitised")
    assert status == "applied"  # applied only once the blob was on the gateway
    assert payload["case_number"] == number
    assert payload["materials"][0]["content_type"] == "application/pdf"
    [(_submitted, _s, submitted_result)] = inbox(gateway, "case.submitted")
    assert result["case_number"] == submitted_result["case_number"]


def test_handover_list_printed_and_cases_pushed_to_the_back_office(
    qtbot, accepted, counter: Terminal, gateway: RunningGateway, printer: FakePrinter
):
    window, number = accepted
    services = window.services
    qtbot.keyClick(
        window, Qt.Key.Key_4,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    page = window.page("handover")
    assert isinstance(page, HandoverPage)
    qtbot.waitUntil(lambda: page.case_list.count() == 1, timeout=10000)
    assert "纸质材料 3 件" in page.case_list.item(0).text()
    qtbot.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "请勾选" in window.messages.text())

    page.tick(number)
    assert page.department.text()  # the item's department, filled in
    page.case_list.setFocus()
    qtbot.keyClick(page.case_list, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.last_list is not None, timeout=10000)
    list_number = page.last_list.list_number
    assert page.list_ref.text() == list_number
    services.print_queue.run_once()
    handed = printer.printed[-1]
    text = pdf_text(handed.pdf)
    assert "材料移交清单" in text
    assert list_number in text
    assert number in text
    assert "个体工商户登记（备案）申请书" in text
    assert "经营场所使用证明" in text

    counter.engine.push()
    counter.engine.pull()
    services.cases.apply_status()
    official = services.cases.record(number).official_number
    assert official

    qtbot.keyClick(page.case_list, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "已推送后台 1 件" in window.messages.text(), timeout=10000)
    assert services.cases.record(number).state is CaseState.IN_REVIEW
    qtbot.waitUntil(lambda: page.case_list.count() == 0, timeout=10000)

    counter.engine.push()
    transitions = inbox(gateway, "case.transition_requested")
    assert [(p["action"], p["case_number"], s) for p, s, _r in transitions] == [
        ("forward", official, "applied")
    ]
    assert transitions[0][0]["role"]
    with gateway.store.db.read() as tx:
        state = tx.one("SELECT state FROM cases WHERE case_number = ?", (official,))
    assert state[0] == "in_review"
