"""The counter client's frame: login with lockout, areas of the window, pages by role."""

from __future__ import annotations

import dataclasses
import datetime as _dt

import pytest
from PySide6.QtCore import Qt

from core.accounts import MAX_FAILURES
from sync.status import StatusBoard, SyncStatus
from tests.window_client.conftest import log_in
from window_client.registry import PAGES

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def type_login(qtbot, window, account: str, password: str) -> None:
    login = window.login
    login.account.clear()
    qtbot.keyClicks(login.account, account)
    qtbot.keyClick(login.account, Qt.Key.Key_Return)
    assert login.password.hasFocus()
    qtbot.keyClicks(login.password, password)
    qtbot.keyClick(login.password, Qt.Key.Key_Return)


def test_login_shows_clerk_role_window_and_areas(qtbot, window, audit):
    assert window.body.currentIndex() == 0
    assert window.login.account.hasFocus()
    log_in(qtbot, window, "wh-zhaomin")
    session = window.session
    assert session is not None
    assert session.clerk.name == "赵敏"
    assert window.header.clerk.text() == "赵敏 (首席代表、综合受理)"
    assert window.header.window_no.text() == "1 号窗口"
    assert "A 综合受理区" in window.header.areas.text()
    assert window.header.link_text() == "未连接平台 (单机)"
    assert window.page_keys()[0] == window.current_page()
    actions = [e.action for e in audit.entries()]
    assert "account.login" in actions


def test_wrong_password_then_lockout(qtbot, window, clock):
    for attempt in range(1, MAX_FAILURES):
        type_login(qtbot, window, "wh-wangfang", "wrong-password")
        qtbot.waitUntil(lambda n=attempt: f"再错{MAX_FAILURES - n}次" in window.login.error_text())
        assert window.login.password.text() == ""
        assert window.login.password.hasFocus()
    type_login(qtbot, window, "wh-wangfang", "wrong-password")
    qtbot.waitUntil(lambda: "账号已锁定至" in window.login.error_text())
    # the right password does not help while the lock lasts
    type_login(qtbot, window, "wh-wangfang", "Weihai@2026")
    qtbot.waitUntil(lambda: "账号已锁定至" in window.login.error_text())
    assert window.session is None
    clock.advance(minutes=16)
    log_in(qtbot, window, "wh-wangfang")
    assert window.session is not None


def test_unknown_account_gets_the_same_message(qtbot, window):
    type_login(qtbot, window, "nobody", "whatever-123")
    qtbot.waitUntil(lambda: window.login.error_text() == "账号或密码错误")


def test_empty_fields_are_asked_for(qtbot, window):
    qtbot.keyClick(window.login.password, Qt.Key.Key_Return)
    assert window.login.error_text() == "请输入账号和密码"
    assert window.login.account.hasFocus()


def test_areas_chosen_at_login_are_the_session_areas(qtbot, window):
    type_login(qtbot, window, "wh-wangfang", "Weihai@2026")
    login = window.login
    qtbot.waitUntil(lambda: login.steps.currentIndex() == 2)
    offered = [box.property("area") for box in login.area_boxes]
    assert offered[:3] == ["综合受理A", "不动产B", "出入境C"]  # the hall's areas first
    assert [b.isChecked() for b in login.area_boxes] == [False, False, False, True]
    page = login.steps.currentWidget()
    qtbot.keyClick(page, Qt.Key.Key_2)  # 不动产B on
    qtbot.keyClick(page, Qt.Key.Key_4)  # the clerk's own area off
    with qtbot.waitSignal(window.session_started):
        qtbot.keyClick(page, Qt.Key.Key_Return)
    assert window.session.business_areas == ("不动产B",)
    assert "不动产B" in window.header.areas.text()


def test_no_area_is_refused(qtbot, window):
    type_login(qtbot, window, "wh-wangfang", "Weihai@2026")
    login = window.login
    qtbot.waitUntil(lambda: login.steps.currentIndex() == 2)
    qtbot.keyClick(login.steps.currentWidget(), Qt.Key.Key_4)
    qtbot.keyClick(login.steps.currentWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: login.error_text() == "请至少选择一个业务区")
    assert window.session is None


def test_pages_follow_roles(qtbot, window):
    log_in(qtbot, window, "wh-chenjing")  # 出件 only
    for page in PAGES:
        shown = page.key in window.page_keys()
        assert shown == (not page.roles or any(r in page.roles for r in window.session.clerk.roles))


def test_page_shortcuts_are_unique():
    shortcuts = [p.shortcut for p in PAGES if p.shortcut]
    assert len(shortcuts) == len(set(shortcuts))
    assert len({p.key for p in PAGES}) == len(PAGES)


def test_logout_drops_every_page(qtbot, window):
    log_in(qtbot, window, "wh-wangfang")
    first = window.page(window.current_page())
    with qtbot.waitSignal(window.session_ended):
        qtbot.mouseClick(window.header.logout, Qt.MouseButton.LeftButton)
    assert window.body.currentIndex() == 0
    assert window.page_keys() == []
    assert window.login.account.text() == ""
    qtbot.waitUntil(lambda: window.stack.indexOf(first) == -1)


def test_header_follows_sync_status(qtbot, make_window, services):
    board = StatusBoard(SyncStatus(online=True, pending=0))
    services = dataclasses.replace(services, sync_status=board)
    window = make_window(services)
    assert window.header.link_text() == "在线 · 已同步"
    board.went_offline(_dt.datetime.now(_dt.UTC), "网关无法连接")
    board.update(pending=3)
    qtbot.waitUntil(lambda: window.header.link_text() == "离线 · 待上传 3 条")


def test_message_bar_is_not_modal(qtbot, window):
    log_in(qtbot, window, "wh-wangfang")
    window.messages.warning("打印机缺纸, 请联系工作人员")
    assert window.messages.text() == "打印机缺纸, 请联系工作人员"
    assert window.messages.isVisible()
    # the clerk keeps working while it shows: the search box still takes the focus
    window.open_page("items")
    assert window.messages.isVisible()
    qtbot.mouseClick(window.messages._close, Qt.MouseButton.LeftButton)
    assert window.messages.text() == ""
