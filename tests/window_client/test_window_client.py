"""事项查询 in the counter client, keyboard first: search, filter, arrows, Enter, detail."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableWidget

from tests.window_client.conftest import log_in
from window_client.items import ItemBrowserPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def browser(qtbot, window) -> ItemBrowserPage:
    log_in(qtbot, window, "wh-wangfang")
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    page = window.page("items")
    assert isinstance(page, ItemBrowserPage)
    assert window.current_page() == "items"
    qtbot.waitUntil(lambda: page.items.is_showing(""))
    return page


def test_lists_every_active_item_at_start(browser):
    names = {hit.name for hit in browser.items.hits()}
    assert "普通护照签发" in names
    assert len(names) == 6  # the withdrawn item is found by search, not listed
    assert browser.items.count.text() == "共 6 项"


def test_slash_focuses_search_arrows_move_enter_opens(qtbot, browser):
    browser.items.list.setFocus()
    qtbot.keyClick(browser.items.list, Qt.Key.Key_Slash)
    assert browser.items.search.hasFocus()
    qtbot.keyClicks(browser.items.search, "canbao")
    qtbot.waitUntil(lambda: browser.items.is_showing("canbao"))
    names = [hit.name for hit in browser.items.hits()]
    assert "灵活就业人员参保登记" in names
    qtbot.keyClick(browser.items.search, Qt.Key.Key_Down)
    assert browser.items.list.hasFocus()
    qtbot.keyClick(browser.items.list, Qt.Key.Key_Down)
    second = browser.items.hits()[1]
    qtbot.keyClick(browser.items.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: browser.shown_item_id() == second.id)
    table = browser.detail.findChild(QTableWidget, "MaterialsTable")
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert "容缺" in headers
    assert "电子证照" in headers


def test_ctrl_f_and_enter_open_the_first_hit(qtbot, browser):
    browser.items.list.setFocus()
    qtbot.keyClick(browser.items.list, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert browser.items.search.hasFocus()
    qtbot.keyClicks(browser.items.search, "huzhao")
    qtbot.waitUntil(lambda: browser.items.is_showing("huzhao"))
    qtbot.keyClick(browser.items.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: browser.shown_item_id() == "370000-CR-001")
    assert browser.detail.findChild(QLabel, "FeeValue").text() == "护照工本费 120元/本"
    table = browser.detail.findChild(QTableWidget, "MaterialsTable")
    assert table.item(0, 0).text() == "居民身份证"
    assert table.item(0, 5).text() == "免提交"


def test_department_and_audience_filters(qtbot, browser):
    combo = browser.items.department
    index = combo.findData("威海市人力资源和社会保障局")
    combo.setCurrentIndex(index)
    qtbot.waitUntil(
        lambda: {h.department for h in browser.items.hits()} == {"威海市人力资源和社会保障局"}
    )
    audience = browser.items.audience
    audience.setCurrentIndex(audience.findData("法人"))
    qtbot.waitUntil(lambda: [h.name for h in browser.items.hits()] == ["企业职工参保登记"])


def test_withdrawn_item_is_marked_in_the_list(qtbot, browser):
    browser.items.search.insert("港澳")  # what the IME commits
    qtbot.waitUntil(lambda: browser.items.is_showing("港澳"))
    text = browser.items.model.item(0).text()
    assert text.startswith("【已停止办理】")


def test_english(qtbot, window, browser, language):
    language.set_language("en")
    qtbot.waitUntil(lambda: browser.items.count.text() == "6 services")
    assert window.windowTitle() == "One-window acceptance · Counter client"
