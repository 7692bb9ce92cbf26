"""Fixtures for the counter client: a real store with the demo clerks, the window."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core.accounts import Accounts
from core.calendar import WorkingCalendar
from core.clock import Clock
from core.search import CatalogQuery
from documents.fonts import FontSet
from documents.maker import PaperMaker
from documents.verification import VerificationKey
from sync.accounts_store import AccountStore, seed_demo_clerks
from sync.audit import AuditLog
from sync.cases import CaseRepository
from sync.print_queue import PrintQueue
from sync.store import Store, open_store
from tests.helpers.catalog import InMemoryCatalog, small_catalog
from tests.helpers.clock import FakeClock
from tests.helpers.printer import FakePrinter
from widgets.i18n import LanguageManager
from widgets.task_runner import TaskRunner
from widgets.theme import apply_theme
from window_client.services import WindowServices
from window_client.window import WindowClientWindow

REPO = Path(__file__).resolve().parents[2]
TERMINAL = "T-WIN-03"

DEMO_PASSWORDS = {
    "wh-wangfang": "Weihai@2026",
    "wh-liuyang": "Weihai@2026",
    "wh-chenjing": "Weihai@2026",
    "wh-zhaomin": "Chief@2026",
    "wh-zhoujian": "Chief@2026",
    "wh-admin": "Admin@2026",
    "hc-lixue": "Weihai@2026",
    "hc-yujun": "Chief@2026",
    "hc-wanglei": "Chief@2026",
}


@pytest.fixture
def window_app(qapp: QApplication) -> Iterator[QApplication]:
    apply_theme(qapp, mode="window")
    yield qapp
    qapp.setStyleSheet("")


@pytest.fixture
def language(window_app: QApplication) -> Iterator[LanguageManager]:
    manager = LanguageManager(window_app, translations_dir=REPO / "resources" / "i18n")
    yield manager
    manager.set_language("zh_CN")


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[Store]:
    s = open_store(tmp_path / "window-store", clock=clock.now)
    yield s
    s.close()


@pytest.fixture
def catalog() -> CatalogQuery:
    return InMemoryCatalog(small_catalog())


CALENDAR = WorkingCalendar.from_dict(
    {
        "years": [
            json.loads(p.read_text(encoding="utf-8"))
            for p in (REPO / "resources" / "holidays").glob("*.json")
        ]
    }
)
PAPER_KEY = VerificationKey("hall-key-1", b"test-secret-for-papers-0123456789")


@pytest.fixture(scope="session")
def paper_maker() -> PaperMaker:
    return PaperMaker(fonts=FontSet(), key=PAPER_KEY)


@pytest.fixture
def printer() -> FakePrinter:
    return FakePrinter("a4")


def build_services(
    *,
    store: Store,
    clock: Clock,
    catalog: CatalogQuery,
    hall_id: str,
    papers: PaperMaker,
    printer: FakePrinter,
    terminal_id: str = TERMINAL,
    **extra: Any,
) -> WindowServices:
    """The window client's services over ``store``, as the composition root builds them."""
    audit = AuditLog(store=store, now=clock.now, terminal_id=terminal_id)
    repository = AccountStore(store=store, audit=audit)
    seed_demo_clerks(repository)
    queue = PrintQueue(store, printers={"a4": printer}, clock=clock)
    return WindowServices(
        catalog=catalog,
        accounts=Accounts(repository=repository, clock=clock, terminal_id=terminal_id),
        terminal_id=terminal_id,
        hall_id=hall_id,
        clock=clock,
        audit=audit,
        cases=CaseRepository(store=store, audit=audit, terminal_id=terminal_id, clock=clock),
        calendar=CALENDAR,
        papers=papers,
        print_queue=queue,
        **extra,
    )


@pytest.fixture
def services(
    store: Store, catalog: CatalogQuery, clock: FakeClock, paper_maker: PaperMaker,
    printer: FakePrinter,
) -> WindowServices:
    return build_services(
        store=store, clock=clock, catalog=catalog, hall_id="H-WH-01", papers=paper_maker,
        printer=printer,
    )


@pytest.fixture
def accounts(services: WindowServices) -> Accounts:
    return services.accounts


@pytest.fixture
def audit(services: WindowServices) -> AuditLog:
    return services.audit


@pytest.fixture
def make_window(
    qtbot, language: LanguageManager, runner: TaskRunner
) -> Callable[[WindowServices], WindowClientWindow]:
    def make(services: WindowServices) -> WindowClientWindow:
        window = WindowClientWindow(services=services, language=language, runner=runner)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def window(make_window, services: WindowServices) -> WindowClientWindow:
    return make_window(services)


def log_in(qtbot, window: WindowClientWindow, account: str, password: str | None = None) -> None:
    """Type the account and password as a clerk would, then start work with Enter."""
    login = window.login
    login.account.clear()
    qtbot.keyClicks(login.account, account)
    qtbot.keyClick(login.account, Qt.Key.Key_Return)
    qtbot.keyClicks(login.password, password or DEMO_PASSWORDS[account])
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: login.steps.currentIndex() == 2 or bool(login.error_text()))
    assert not login.error_text(), login.error_text()
    with qtbot.waitSignal(window.session_started):
        qtbot.keyClick(login.steps.currentWidget(), Qt.Key.Key_Return)
