"""The clerk's window, keyboard first: search, filter, arrows, Enter, detail."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QTableWidget

from tests.helpers.catalog import InMemoryCatalog, small_catalog
from widgets.i18n import LanguageManager
from widgets.task_runner import TaskRunner
from widgets.theme import apply_theme
from window_client.window import WindowClientWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot, qapp: QApplication) -> Iterator[WindowClientWindow]:
    apply_theme(qapp, mode="window")
    language = LanguageManager(qapp, translations_dir=REPO / "resources" / "i18n")
    runner = TaskRunner()
    window = WindowClientWindow(
        catalog=InMemoryCatalog(small_catalog()), language=language, runner=runner
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.items.is_showing(""))
    yield window
    language.set_language("zh_CN")
    runner.shutdown()
    qapp.setStyleSheet("")


def test_lists_every_active_item_at_start(window):
    names = {hit.name for hit in window.items.hits()}
    assert "普通护照签发" in names
    assert len(names) == 6  # the withdrawn item is found by search, not listed
    assert window.items.count.text() == "共 6 项"


def test_slash_focuses_search_arrows_move_enter_opens(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_Slash)
    assert window.items.search.hasFocus()
    qtbot.keyClicks(window.items.search, "canbao")
    qtbot.waitUntil(lambda: window.items.is_showing("canbao"))
    names = [hit.name for hit in window.items.hits()]
    assert "灵活就业人员参保登记" in names
    qtbot.keyClick(window.items.search, Qt.Key.Key_Down)
    assert window.items.list.hasFocus()
    qtbot.keyClick(window.items.list, Qt.Key.Key_Down)
    second = window.items.hits()[1]
    qtbot.keyClick(window.items.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.shown_item_id() == second.id)
    table = window.detail.findChild(QTableWidget, "MaterialsTable")
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert "容缺" in headers
    assert "电子证照" in headers


def test_ctrl_f_and_enter_open_the_first_hit(qtbot, window):
    window.items.list.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.items.search.hasFocus()
    qtbot.keyClicks(window.items.search, "huzhao")
    qtbot.waitUntil(lambda: window.items.is_showing("huzhao"))
    qtbot.keyClick(window.items.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.shown_item_id() == "370000-CR-001")
    assert window.detail.findChild(QLabel, "FeeValue").text() == "护照工本费 120元/本"
    table = window.detail.findChild(QTableWidget, "MaterialsTable")
    assert table.item(0, 0).text() == "居民身份证"
    assert table.item(0, 5).text() == "免提交"


def test_department_and_audience_filters(qtbot, window):
    combo = window.items.department
    index = combo.findData("威海市人力资源和社会保障局")
    combo.setCurrentIndex(index)
    qtbot.waitUntil(
        lambda: {h.department for h in window.items.hits()} == {"威海市人力资源和社会保障局"}
    )
    audience = window.items.audience
    audience.setCurrentIndex(audience.findData("法人"))
    qtbot.waitUntil(lambda: [h.name for h in window.items.hits()] == ["企业职工参保登记"])


def test_withdrawn_item_is_marked_in_the_list(qtbot, window):
    window.items.search.insert("港澳")  # what the IME commits
    qtbot.waitUntil(lambda: window.items.is_showing("港澳"))
    text = window.items.model.item(0).text()
    assert text.startswith("【已停止办理】")


def test_no_clerk_is_pretended(window):
    texts = [label.text() for label in window.statusBar().findChildren(QLabel)]
    assert "窗口人员登录将在后续版本提供" in texts


def test_english(qtbot, window):
    window._language.set_language("en")
    qtbot.waitUntil(lambda: window.items.count.text() == "6 services")
    assert window.windowTitle() == "One-window acceptance · Counter client"
