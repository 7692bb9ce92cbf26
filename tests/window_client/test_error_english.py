"""In English mode a clerk reads why the counter client refused an action in English.

The refusal is raised with ``core.errors.msg`` in a desk (no Qt) and shown through
``window_client.chrome.user_text``; the clerk works as they would, by keyboard.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from core.errors import Offline, msg
from tests.window_client.conftest import log_in
from widgets.i18n import LanguageManager
from window_client.chrome import user_text
from window_client.handover import HandoverPage
from window_client.window import WindowClientWindow

CJK = re.compile(r"[\u4e00-\u9fff]")


def _open_handover(qtbot, window: WindowClientWindow) -> HandoverPage:
    qtbot.keyClick(
        window, Qt.Key.Key_4,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    page = window.page("handover")
    assert isinstance(page, HandoverPage)
    return page


def test_printing_a_handover_list_with_nothing_ticked_is_refused_in_english(
    qtbot, window: WindowClientWindow, language: LanguageManager
) -> None:
    log_in(qtbot, window, "wh-wangfang")
    language.set_language("en")
    page = _open_handover(qtbot, window)
    qtbot.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(window.messages.text()))
    assert window.messages.text() == "Please tick the cases to hand over"


def test_the_same_refusal_reads_in_chinese_in_chinese_mode(
    qtbot, window: WindowClientWindow, language: LanguageManager
) -> None:
    log_in(qtbot, window, "wh-wangfang")
    page = _open_handover(qtbot, window)
    qtbot.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(window.messages.text()))
    assert window.messages.text() == "请勾选要移交的办件"


def test_user_text_translates_with_values_and_hides_bugs(language: LanguageManager) -> None:
    language.set_language("en")
    full = Offline(msg("无法写入导出文件：{error}", error="No space left on device"))
    assert user_text(full) == "Cannot write the export file: No space left on device"
    bug = user_text(KeyError("applicant_id"))
    assert "applicant_id" not in bug
    assert not CJK.search(bug), bug
