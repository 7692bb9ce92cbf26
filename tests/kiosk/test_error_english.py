"""In English mode a citizen or the staff sees why something was refused in English.

Error text comes from layers without Qt (``core.errors.msg``); the kiosk shows it
through ``widgets.i18n.error_text``. These tests drive real screens as a person would
and read what the person would read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from core.errors import EnvironmentProblem, UserFacingError
from devices.printers.base import PrinterState, PrinterStatus, print_failure
from kiosk.appointment import appointment_reference
from kiosk.citizen_parts import message_of
from kiosk.evaluation import EvaluationOutbox, EvaluationScreen
from sync.audit import AuditLog
from sync.cases import CaseRepository
from sync.store import Store, open_store
from tests.helpers.catalog import small_catalog
from tests.helpers.clock import FakeClock
from widgets.i18n import LanguageManager
from widgets.task_runner import TaskRunner

CJK = re.compile(r"[\u4e00-\u9fff]")
TERMINAL = "T-HC-03"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = open_store(tmp_path / "data")
    yield store
    store.close()


@pytest.fixture
def evaluation_screen(qtbot, kiosk_app, store: Store, runner: TaskRunner) -> EvaluationScreen:
    clock = FakeClock(dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8))))
    audit = AuditLog(store=store, now=clock.now, terminal_id=TERMINAL)
    cases = CaseRepository(store=store, audit=audit, terminal_id=TERMINAL, clock=clock)
    hall = next(h for h in small_catalog().halls if h.id == "H-HC-01")
    outbox = EvaluationOutbox(store=store, cases=cases, clock=clock, hall=hall)
    screen = EvaluationScreen(outbox=outbox, runner=runner)
    screen.resize(1080, 1700)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    screen.reset()
    return screen


def _type_number(qtbot, screen: EvaluationScreen, text: str) -> QLabel:
    field = screen.entry.field
    field.clear()
    qtbot.keyClicks(field, text)
    qtbot.mouseClick(screen.entry.ok, Qt.MouseButton.LeftButton)
    return screen.message


def test_a_malformed_number_on_the_rating_screen_is_refused_in_english(
    qtbot, language: LanguageManager, evaluation_screen: EvaluationScreen
) -> None:
    language.set_language("en")
    message = _type_number(qtbot, evaluation_screen, "12 34")
    qtbot.waitUntil(message.isVisible)
    assert message.text() == "The number is not valid; please check it and enter it again"
    assert evaluation_screen.pages.currentWidget() is evaluation_screen.subject_page


def test_the_same_refusal_reads_in_chinese_in_chinese_mode(
    qtbot, language: LanguageManager, evaluation_screen: EvaluationScreen
) -> None:
    message = _type_number(qtbot, evaluation_screen, "12 34")
    qtbot.waitUntil(message.isVisible)
    assert message.text() == "编号格式不正确，请核对后重新输入"


def _refusal(call) -> BaseException:
    with pytest.raises((UserFacingError, EnvironmentProblem)) as refused:
        call()
    return refused.value


def test_refusals_and_device_problems_read_in_english_with_their_values(
    language: LanguageManager,
) -> None:
    language.set_language("en")
    used = _refusal(lambda: appointment_reference("GT1:T1:2026:ABCD2345"))
    no_code = _refusal(lambda: appointment_reference("   "))
    paper_out = print_failure(PrinterStatus.of(PrinterState.PAPER_OUT))
    assert message_of(no_code) == "Please enter the appointment code"
    assert message_of(used) == (
        "This is a slip issued by this hall (2026); please show your appointment code")
    assert message_of(paper_out) == (
        "The printer is out of paper; refill it, then reprint the unfinished jobs from the "
        "staff screen")
    language.set_language("zh_CN")
    assert message_of(no_code) == "请输入预约码"
    assert message_of(used) == "这是本大厅出具的凭条（2026），请出示预约码"


def test_a_bug_is_never_shown_as_its_text(language: LanguageManager) -> None:
    language.set_language("en")
    shown = message_of(KeyError("applicant_id"))
    assert "applicant_id" not in shown
    assert not CJK.search(shown)
