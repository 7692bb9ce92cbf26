"""解答咨询 logged at the counter and received by the real gateway on loopback."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from core.catalog import Catalog
from sync.catalog_files import load_catalog
from tests.helpers.catalog import InMemoryCatalog
from tests.helpers.gateway import RunningGateway, running_gateway
from tests.helpers.terminal_sync import Terminal, terminal
from tests.window_client.conftest import build_services, log_in
from window_client.consultation import ConsultationPage
from window_client.pages import ServedTicket

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


@pytest.fixture
def counter(gateway: RunningGateway, tmp_path: Path) -> Iterator[Terminal]:
    term = terminal(gateway, tmp_path / "window", hall_id=HALL, slot="W02")
    yield term
    term.close()


@pytest.fixture
def consult(qtbot, make_window, counter, gateway, demo, paper_maker, printer):  # noqa: PLR0917 - fixtures
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
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = window.page("consultation")
    assert isinstance(page, ConsultationPage)
    assert window.current_page() == "consultation"
    return window, page


def received(gateway: RunningGateway, kind: str) -> list[dict]:
    with gateway.store.db.read() as tx:
        rows = tx.all("SELECT payload, status FROM inbox WHERE kind = ?", (kind,))
    return [dict(json.loads(r[0]), _status=r[1]) for r in rows]


def test_consultation_is_logged_with_item_and_ticket_and_reaches_the_gateway(
    qtbot, consult, counter: Terminal, gateway: RunningGateway
):
    window, page = consult
    window.desk.set_ticket(ServedTicket(number="A007", area="A", area_name="综合受理区"))
    assert page.items.search.hasFocus()
    qtbot.keyClicks(page.items.search, "getihu")
    qtbot.waitUntil(lambda: page.items.is_showing("getihu"))
    qtbot.keyClick(page.items.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.topic.text() == "个体工商户设立登记")
    assert page.answer.hasFocus()
    page.answer.insertPlainText("告知所需材料：申请书、身份证、经营场所证明；可网上办理")
    qtbot.keyClick(page.answer, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(page.history) == 1)
    assert "咨询已登记" in window.messages.text()
    assert page.topic.text() == ""
    entry = page.history[0].payload
    assert entry.ticket_number == "A007"
    assert entry.item_id
    assert entry.window_no == "2"

    report = counter.engine.push()
    assert report.acked >= 1
    logged = received(gateway, "consultation.logged")
    assert len(logged) == 1
    assert logged[0]["_status"] == "applied"
    assert logged[0]["item_name"] == "个体工商户设立登记"
    assert logged[0]["ticket_number"] == "A007"
    assert logged[0]["clerk_id"] == "hc-lixue"


def test_an_answer_is_required_and_nothing_is_lost(qtbot, consult, counter: Terminal):
    window, page = consult
    page.topic.setText("公积金提取政策")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "请填写答复摘要" in window.messages.text())
    assert page.topic.text() == "公积金提取政策"  # what was typed stays
    assert page.history == []
    with counter.store.journal.read() as conn:
        kinds = [r[0] for r in conn.execute("SELECT kind FROM outbox")]
    assert "consultation.logged" not in kinds
