"""The kiosk window's screen frame and footer.

A screen is as wide as the frame and as tall as the room, or as the page on display
needs when that is more; a new page starts at its top. (The kiosk's receipt after a
long form, and 签到 done after its entry, are walked in every mode by
``test_elder_fit.py``; here the frame's rules are checked on a small paged screen.)
The footer's 呼叫帮办 button is laid out in the turn it is added.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QStackedWidget, QVBoxLayout, QWidget

from kiosk.window import LANDSCAPE_SIZE, KioskWindow, ScreenFrame
from sync.help_protocol import HelpTicket, HelpTopic

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


class PagedScreen(QWidget):
    """A title over a page stack: a long form page and a short receipt page."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.title = QLabel("自助申请")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.pages = QStackedWidget()
        self.form = QWidget()
        form = QVBoxLayout(self.form)
        for number in range(30):
            line = QLabel(f"第 {number + 1} 项: 请如实填写申请人信息, 以及与本事项有关的全部情况。")
            line.setWordWrap(True)
            form.addWidget(line)
        self.receipt = QWidget()
        receipt = QVBoxLayout(self.receipt)
        self.number = QLabel("办件编号 TK03-20260303-1")
        self.number.setWordWrap(True)
        receipt.addWidget(self.number)
        receipt.addStretch(1)
        self.pages.addWidget(self.form)
        self.pages.addWidget(self.receipt)
        layout.addWidget(self.pages, 1)


def frame_of(qtbot, screen: QWidget, *, height: int) -> ScreenFrame:
    frame = ScreenFrame(screen)
    qtbot.addWidget(frame)
    frame.resize(600, height)
    frame.show()
    qtbot.waitExposed(frame)
    return frame


def test_a_short_page_after_a_tall_one_fits_and_starts_at_the_top(qtbot, kiosk_app):
    screen = PagedScreen()
    frame = frame_of(qtbot, screen, height=400)
    # the form is taller than the room: the frame scrolls, and the citizen scrolls down
    qtbot.waitUntil(lambda: screen.height() > frame.viewport().height())
    frame.verticalScrollBar().setValue(frame.verticalScrollBar().maximum())
    assert frame.verticalScrollBar().value() > 0

    screen.pages.setCurrentWidget(screen.receipt)

    qtbot.waitUntil(lambda: screen.height() == frame.viewport().height())
    assert frame.verticalScrollBar().value() == 0
    assert frame.verticalScrollBar().maximum() == 0
    top = screen.title.mapTo(frame.viewport(), screen.title.rect().topLeft())
    assert top.y() >= 0  # the title is on display, not above the frame
    assert screen.width() == frame.viewport().width()


def test_the_tall_page_again_scrolls_from_its_top(qtbot, kiosk_app):
    screen = PagedScreen()
    screen.pages.setCurrentWidget(screen.receipt)
    frame = frame_of(qtbot, screen, height=400)
    qtbot.waitUntil(lambda: screen.height() == frame.viewport().height())

    screen.pages.setCurrentWidget(screen.form)

    need = screen.form.heightForWidth(screen.pages.width())
    qtbot.waitUntil(lambda: screen.height() > frame.viewport().height())
    assert screen.pages.height() >= need  # every line of the form can be scrolled to
    assert frame.verticalScrollBar().value() == 0


def test_a_screen_without_pages_fills_the_room(qtbot, kiosk_app):
    screen = QWidget()
    layout = QVBoxLayout(screen)
    text = QLabel("请选择您要办理的事项")
    text.setWordWrap(True)
    layout.addWidget(text)
    frame = frame_of(qtbot, screen, height=500)
    qtbot.waitUntil(lambda: screen.size() == frame.viewport().size())
    assert frame.verticalScrollBar().maximum() == 0


class RecordingHelpDesk:
    """The clerks' help desk: remembers each call and hands back its ticket."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def request_help(
        self, *, topic: HelpTopic = "general", note: str = "", ticket_number: str = "",
        request_id: str | None = None,
    ) -> HelpTicket:
        self.calls.append((topic, note))
        return HelpTicket(help_id=request_id or f"H{len(self.calls)}", device_id="T-HC-03",
                          place="自助终端 03", topic=topic, topic_name=topic, note=note,
                          ticket_number=ticket_number, raised_at=0.0)


def test_the_help_button_sits_in_the_footer_as_soon_as_it_is_added(
    qtbot, language, runner, catalog, profile
):
    window = KioskWindow(catalog=catalog, profile=profile, language=language, runner=runner,
                         now=lambda: datetime(2022, 6, 1, 9, 30), help_client=RecordingHelpDesk())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    footer = window.footer
    button = window.help_button  # built now unless the idle turns after the first paint did

    # laid out in the same turn it was added: inside the footer, as large as its text
    geometry = button.geometry()
    assert button.isVisible()
    assert footer.layout().indexOf(button) >= 0
    assert footer.rect().contains(geometry)
    assert geometry.height() >= button.minimumHeight()
    assert geometry.width() >= button.fontMetrics().horizontalAdvance(button.text())
    QApplication.processEvents()
    assert button.geometry() == geometry  # nothing moves once the event loop turns
    assert window.size().toTuple() == LANDSCAPE_SIZE  # the footer grew, the window did not

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.current_screen() is window.help


def test_the_help_button_is_hidden_without_a_help_desk(qtbot, make_window, catalog, profile):
    window = make_window(catalog=catalog, profile=profile)
    assert not window.help_button.isVisible()
