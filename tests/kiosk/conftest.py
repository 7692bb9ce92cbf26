"""Fixtures for kiosk UI tests: theme, language, task runner, catalog, window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from core.search import CatalogQuery
from core.terminal import TerminalProfile
from tests.helpers.catalog import InMemoryCatalog, small_catalog
from widgets.i18n import LanguageManager
from widgets.task_runner import TaskRunner
from widgets.theme import apply_theme

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def kiosk_app(qapp: QApplication) -> Iterator[QApplication]:
    apply_theme(qapp, mode="kiosk")
    yield qapp
    qapp.setStyleSheet("")


@pytest.fixture
def language(kiosk_app: QApplication) -> Iterator[LanguageManager]:
    manager = LanguageManager(kiosk_app, translations_dir=REPO / "resources" / "i18n")
    yield manager
    manager.set_language("zh_CN")


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


@pytest.fixture
def catalog() -> CatalogQuery:
    return InMemoryCatalog(small_catalog())


@pytest.fixture
def profile() -> TerminalProfile:
    return TerminalProfile(
        terminal_id="T-HC-03", hall_id="H-HC-01", name="环翠区政务服务中心 · 自助终端 03"
    )


@pytest.fixture
def make_window(qtbot, language, runner) -> Callable[..., object]:
    from kiosk.window import KioskWindow

    def make(*, catalog: CatalogQuery, profile: TerminalProfile) -> KioskWindow:
        window = KioskWindow(
            catalog=catalog,
            profile=profile,
            language=language,
            runner=runner,
            now=lambda: datetime(2022, 6, 1, 9, 30),
        )
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make
