"""补正时限: the 5-working-day correction limit, counted with the holiday calendar."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from core.case import Actor, Applicant, Case, Channel, Role
from core.catalog import Audience, Catalog, DeliveryMethod
from core.clock import HALL_TZ
from sync.catalog_files import load_catalog
from sync.store import open_store
from tests.helpers.catalog import InMemoryCatalog
from tests.helpers.clock import FakeClock
from tests.window_client.conftest import CALENDAR, build_services, log_in
from window_client.deadlines import DeadlinesPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

REPO = Path(__file__).resolve().parents[2]
GETIHU = "113710020041826000000126004000"
CLERK = Actor(id="hc-lixue", role=Role.CLERK, channel=Channel.WINDOW, terminal_id="W02",
              hall_id="hc-zwzx")


@pytest.fixture(scope="module")
def demo() -> Catalog:
    return load_catalog(REPO / "resources" / "catalog")


@pytest.fixture
def monday() -> FakeClock:
    return FakeClock(dt.datetime(2026, 3, 2, 9, 30, tzinfo=HALL_TZ))


@pytest.fixture
def services(tmp_path: Path, monday: FakeClock, demo: Catalog, paper_maker, printer):
    store = open_store(tmp_path / "store", clock=monday.now)
    built = build_services(
        store=store, clock=monday, catalog=InMemoryCatalog(demo), hall_id="hc-zwzx",
        papers=paper_maker, printer=printer, terminal_id="W02",
    )
    yield replace(built, store=store)
    store.close()


def receive(services, clock: FakeClock) -> str:
    item = services.catalog.item(GETIHU)

    def build(number: str) -> Case:
        case = Case.open(
            number=number, item=item, situation_id=item.situations[0].id,
            applicant=Applicant(kind=Audience.PERSONAL, name="张三",
                                id_number="371002199001011237", phone="13812345678"),
            actor=CLERK, clock=clock, calendar=CALENDAR,
        )
        case.receive(CLERK)
        return case

    return services.cases.create(build, delivery=DeliveryMethod.WINDOW).number


def test_due_today_warns_on_the_message_bar_and_lists_the_case(
    qtbot, make_window, services, monday: FakeClock
):
    number = receive(services, monday)  # Monday 2 March: limit is Monday 9 March
    window = make_window(services)
    log_in(qtbot, window, "hc-lixue")
    qtbot.keyClick(window, Qt.Key.Key_5,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    page = window.page("deadlines")
    assert isinstance(page, DeadlinesPage)
    qtbot.waitUntil(lambda: page.summary is not None)
    assert page.table.rowCount() == 1
    assert page.table.item(0, 0).text() == number
    assert page.table.item(0, 3).text() == "2026-03-09"
    assert page.table.item(0, 4).text() == "剩余 5 个工作日"
    assert "补正时限" not in window.messages.text()

    monday.set(dt.datetime(2026, 3, 9, 9, 0, tzinfo=HALL_TZ))  # the last day
    page.refresh()
    qtbot.waitUntil(lambda: page.table.item(0, 4).text() == "今日到期")
    assert "今日到期 1 件" in page.badge.text()
    assert "补正时限" in window.messages.text()

    monday.set(dt.datetime(2026, 3, 11, 9, 0, tzinfo=HALL_TZ))
    page.refresh()
    qtbot.waitUntil(lambda: page.table.item(0, 4).text() == "已超期 2 个工作日")
    assert "已超期 1 件" in page.badge.text()


def test_clerk_is_warned_at_login(qtbot, make_window, services, monday: FakeClock):
    receive(services, monday)
    monday.set(dt.datetime(2026, 3, 9, 10, 0, tzinfo=HALL_TZ))
    window = make_window(services)
    log_in(qtbot, window, "hc-lixue")
    qtbot.waitUntil(lambda: "补正时限" in window.messages.text())
    assert "1 件" in window.messages.text()
