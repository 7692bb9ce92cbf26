"""差评整改 / 吐槽找茬 against a real gateway: a ★1 review followed up to the chief's close."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from tests.helpers.terminal_sync import enqueue
from tests.window_client.test_issuing import (  # noqa: F401  (fixtures)
    Counter,
    counter,
    demo,
    gateway,
)
from widgets.task_runner import TaskRunner
from window_client.chrome import MessageBar
from window_client.complaints import ComplaintsPage
from window_client.pages import CounterDesk


def make_page(qtbot, at: Counter, runner: TaskRunner, account: str) -> ComplaintsPage:
    desk = CounterDesk()
    desk.set_session(at.login(account))
    host = QWidget()
    layout = QVBoxLayout(host)
    messages = MessageBar()
    layout.addWidget(messages)
    assert at.services.desk is not None
    page = ComplaintsPage(desk=at.services.desk, runner=runner, counter=desk, messages=messages)
    page.host = host  # type: ignore[attr-defined]  # keeps the host alive
    page.messages = messages  # type: ignore[attr-defined]
    layout.addWidget(page)
    qtbot.addWidget(host)
    host.resize(1280, 800)
    host.show()
    qtbot.waitExposed(host)
    with qtbot.waitSignal(page.tickets_shown, timeout=10_000):
        page.refresh()
    return page


def step(qtbot, page: ComplaintsPage, text: str, button=None) -> None:
    page.step_text.setFocus()
    page.step_text.insert(text)  # what the input method commits
    with qtbot.waitSignal(page.ticket_changed, timeout=10_000):
        if button is None:
            qtbot.keyClick(page.step_text, Qt.Key.Key_Return)
        else:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_bad_review_is_called_back_rectified_judged_and_closed_by_a_chief(
    qtbot, counter: Counter, runner: TaskRunner, tmp_path: Path  # noqa: F811 - fixture
):
    enqueue(counter.terminal.store, "evaluation.submitted", {
        "level": 1, "reasons": ["办事效率低"], "comment": "等了很久", "ticket_number": "A012",
        "channel": "window", "clerk_id": "hc-lixue",
    })
    counter.sync()
    page = make_page(qtbot, counter, runner, "hc-lixue")
    assert len(page._tickets) == 1
    ticket = page._tickets[0]
    assert ticket.level == 1
    assert ticket.subject == "A012"
    assert ticket.countdown  # 5 working days to rectify
    assert "A012" in page.tickets.item(0).text()
    assert "等了很久" in page.detail.text()

    step(qtbot, page, "已电话联系，情况属实")
    assert page.selected().state == "called_back"
    step(qtbot, page, "窗口增派人员，开设潮汐窗口")
    assert page.selected().state == "rectified"
    step(qtbot, page, "仍不满意", page.not_satisfied)
    again = page.selected()
    assert again.state == "open"
    assert again.round == 2
    page.grab().save(str(tmp_path / "complaints.png"))

    # A clerk may not close it: the gateway refuses, the message says who may.
    page.step_text.setFocus()
    page.step_text.insert("核实为不实差评")
    qtbot.mouseClick(page.close_ticket, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "首席代表" in page.messages.text() and not page.busy,
                    timeout=10_000)
    assert page.selected().state == "open"

    chief = make_page(qtbot, counter, runner, "hc-yujun")
    step(qtbot, chief, "经核实已整改到位，评价人无法再联系", chief.close_ticket)
    closed = chief.selected()
    assert closed.state == "closed"
    assert [s.state for s in closed.steps] == [
        "called_back", "rectified", "open", "closed"]
    assert closed.steps[-1].actor_id == "hc-yujun"


def test_complaint_taken_by_phone(
    qtbot, counter: Counter, runner: TaskRunner, tmp_path: Path  # noqa: F811 - fixture
):
    page = make_page(qtbot, counter, runner, "hc-lixue")
    page.tabs.setCurrentIndex(1)
    qtbot.mouseClick(page.submit, Qt.MouseButton.LeftButton)  # nothing filled in: refused
    assert "原因" in page.messages.text()
    page.reasons.item(0).setCheckState(Qt.CheckState.Checked)
    page.comment.setFocus()
    page.comment.insert("窗口人员态度生硬")
    qtbot.keyClicks(page.contact, "13812345678")
    page.window().grab().save(str(tmp_path / "complaint_new.png"))
    with qtbot.waitSignal(page.ticket_changed, timeout=10_000):
        qtbot.mouseClick(page.submit, Qt.MouseButton.LeftButton)
    ticket = page.selected()
    assert ticket.source == "complaint"
    assert ticket.channel == "电话投诉"
    assert ticket.contact != "13812345678"  # masked
    assert page.tabs.currentIndex() == 0
