"""The issued ticket on its result card, and the result page the card stands on.

取号 and 预约签到 end on one :class:`kiosk.ticket.TicketResult`: the number as large as
the hall display shows it, the people ahead under it, the area and time as facts, a
green channel or an appointment marked, the slip's print state heading the next
steps. The page puts the card under the screen's title with 完成 right under it; the
room left falls at the bottom (no card floating in the middle of a portrait screen).
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from core.clock import HALL_TZ
from core.queue import GreenChannel
from kiosk.citizen_parts import QUEUE_NUMBER_PX, action_button, outcome_page
from kiosk.ticket import TicketResult, TicketTaken
from sync.print_queue import JobState, PrintJob
from sync.queue_client import IssuedTicket
from widgets.i18n import LanguageManager

ISSUED = dt.datetime(2026, 3, 3, 9, 40, tzinfo=HALL_TZ)


def _taken(*, green: GreenChannel = GreenChannel.NONE, estimated: bool = False,
           appointment: str | None = None, ahead: int = 3) -> TicketTaken:
    ticket = IssuedTicket(number="A017", area="A", area_name="综合受理区", issued_at=ISSUED,
                          green=green, people_ahead=ahead, online=not estimated,
                          estimated=estimated, appointment_ref=appointment)
    return TicketTaken(ticket, job_id="job-1")


def _job(state: JobState, job_id: str = "job-1") -> PrintJob:
    return PrintJob(id=job_id, created_at=ISSUED, updated_at=ISSUED, paper="ticket",
                    title="取号小票 A017", printer="receipt", copies=1, state=state,
                    attempts=1, last_error="", case_ref=None, size=100)


def _page(qtbot, result: TicketResult, *, width: int, height: int) -> tuple[QWidget, QWidget]:
    """The card on a result page under a title, as a screen shows it; returns page, 完成."""
    screen = QWidget()
    layout = QVBoxLayout(screen)
    layout.addWidget(QLabel("取号"))
    finish = action_button("完成", name="TicketFinish")
    layout.addWidget(outcome_page(result, finish), 1)
    qtbot.addWidget(screen)
    screen.resize(width, height)
    screen.show()
    qtbot.waitExposed(screen)
    return screen, finish


def test_the_card_says_the_number_the_people_ahead_and_what_next(qtbot, kiosk_app) -> None:
    result = TicketResult(name="Ticket")
    qtbot.addWidget(result)
    result.show_ticket(_taken())
    assert result.headline.text() == "取号成功，请等候叫号"
    assert result.number.text() == "A017"
    assert result.number.font().pixelSize() == QUEUE_NUMBER_PX
    assert result.waiting.text() == "前面还有 3 人"
    assert result.facts() == [("办理业务", "综合受理区"), ("取号时间", "09:40")]
    assert result.note.isHidden()
    assert result.print_status.text() == "正在打印取号小票，请稍候…"
    assert result.steps()[0].startswith("1. 请在等候区留意叫号屏幕和语音提示")
    assert result.steps()[1] == "2. 过号请重新取号"
    assert result.tone() == "good"


def test_green_channel_appointment_and_offline_estimate_are_said(qtbot, kiosk_app) -> None:
    result = TicketResult(name="Ticket")
    qtbot.addWidget(result)
    result.show_ticket(_taken(green=GreenChannel.PREGNANT, estimated=True,
                              appointment="YY0130", ahead=5))
    assert result.headline.text() == "预约签到成功，请等候叫号"
    assert result.waiting.text() == "前面约有 5 人（网络中断，人数为估计值）"
    assert not result.note.isHidden()
    assert "绿色通道：孕期妇女" in result.note.text()
    assert "工作人员确认" in result.note.text()
    assert "预约已签到" in result.note.text()


def test_the_slip_state_follows_its_own_print_job_only(qtbot, kiosk_app) -> None:
    result = TicketResult(name="Ticket")
    qtbot.addWidget(result)
    result.show_ticket(_taken())
    result.show_job(_job(JobState.DONE, job_id="someone-else"))
    assert result.print_status.text() == "正在打印取号小票，请稍候…"
    result.show_job(_job(JobState.FAILED))
    assert "请记住上方排队号" in result.print_status.text()
    result.show_job(_job(JobState.DONE))
    assert result.print_status.text() == "取号小票已打印，请取走小票"


def test_clear_leaves_nothing_of_the_last_citizen(qtbot, kiosk_app) -> None:
    result = TicketResult(name="Ticket")
    qtbot.addWidget(result)
    result.show_ticket(_taken(green=GreenChannel.ELDERLY))
    result.clear()
    assert result.taken() is None
    shown = [w.text() for w in result.findChildren(QLabel)
             if not w.isHidden() and w is not result.mark]
    assert not any(shown)
    assert result.note.isHidden()
    assert result.number.isHidden()
    assert result.facts() == []


def test_english_card_in_english(qtbot, kiosk_app, language: LanguageManager) -> None:
    result = TicketResult(name="Ticket")
    qtbot.addWidget(result)
    result.show_ticket(_taken(green=GreenChannel.ELDERLY))
    language.set_language("en")
    qtbot.waitUntil(lambda: result.waiting.text() == "3 people ahead of you")
    assert "Senior" in result.note.text()  # the channel's name follows the language too
    assert not any("请" in step for step in result.steps())
    assert all(caption.isascii() for caption, _value in result.facts())


@pytest.mark.parametrize(("width", "height"), [(1824, 700), (984, 1500)])
def test_the_card_stands_under_the_title_and_done_follows_it(
    qtbot, kiosk_app: QApplication, width: int, height: int
) -> None:
    result = TicketResult(name="Ticket")
    screen, finish = _page(qtbot, result, width=width, height=height)
    result.show_ticket(_taken())
    qtbot.waitUntil(result.number.isVisible)
    kiosk_app.processEvents()
    card = result.geometry()
    top = result.mapTo(screen, QPoint(0, 0))
    assert top.y() < 120  # right under the title, not in the middle of the room
    done = finish.mapTo(screen, finish.rect().topLeft())
    bottom = top.y() + card.height()
    assert 0 < done.y() - bottom <= 40  # 完成 follows the card
    assert done.y() + finish.height() < screen.height() - 40  # the room is left below
    assert card.width() >= width - 40  # as wide as the title's column
    # the people ahead stand right under the number, not a line's height away
    number = result.number.mapTo(result, result.number.rect().bottomLeft()).y()
    waiting = result.waiting.mapTo(result, result.waiting.rect().topLeft()).y()
    assert waiting - number <= 16
