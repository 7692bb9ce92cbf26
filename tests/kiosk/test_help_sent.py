"""呼叫帮办: once the call went out the topics give way to a confirmation."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kiosk.help import HelpScreen
from sync.help_protocol import HelpTicket, HelpTopic


class RecordingDesk:
    """Takes help requests as the gateway would (the real one is tested end to end)."""

    def __init__(self) -> None:
        self.calls: list[tuple[HelpTopic, str]] = []

    def request_help(
        self, *, topic: HelpTopic = "general", note: str = "", ticket_number: str = "",
        request_id: str | None = None,
    ) -> HelpTicket:
        self.calls.append((topic, note))
        return HelpTicket(help_id="H1", device_id="K03", place="K03 号终端", topic=topic,
                          topic_name="查找事项", note=note, ticket_number=ticket_number,
                          raised_at=1772502000.0)  # 2026-03-03 09:40 in Weihai


def test_the_call_is_confirmed_and_the_topics_are_gone(qtbot, kiosk_app, runner) -> None:
    desk = RecordingDesk()
    screen = HelpScreen(client=desk, runner=runner)
    qtbot.addWidget(screen)
    screen.resize(1080, 1500)
    screen.show()
    screen.reset(note="来自 SearchScreen")
    qtbot.mouseClick(screen.topic_buttons["search"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.last_request() is not None)
    assert desk.calls == [("search", "来自 SearchScreen")]
    assert not screen.topic_buttons["search"].isVisible()
    assert screen.pages.currentWidget() is screen.sent_page
    assert "工作人员马上过来" in screen.status.text()
    assert screen.sent_card.facts() == [
        ("求助事项", "查找事项"), ("呼叫时间", "09:40"), ("呼叫位置", "K03 号终端")]
    assert len(screen.sent_card.steps()) == 3
    with qtbot.waitSignal(screen.finished):
        qtbot.mouseClick(screen.finish_button, Qt.MouseButton.LeftButton)
    screen.reset()
    assert screen.topic_buttons["search"].isVisible()
    assert screen.topic_buttons["search"].isEnabled()
