"""呼叫帮办: a citizen calls a clerk to this kiosk, from any screen.

A big 呼叫帮办 button sits in the window's footer on every screen (and a tile on the
home screen). It opens :class:`HelpScreen`: the citizen taps what they need help
with, and the request goes to the gateway at once (``POST /v1/help``); the clerks'
window clients long-poll the hall's help feed and show it within a second.

Offline the kiosk says "网络中断，请到服务台" and queues nothing. The gateway takes help
requests only on ``/v1/help``, not as outbox events (``sync.protocol.EventKind`` has
no help kind), and that is right: a help call delivered when the network returns,
maybe an hour later, would send a clerk to a kiosk the citizen has long left. A retry
of the same press reuses its request id, so a lost answer never calls two clerks.
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.clock import HALL_TZ
from core.errors import Offline
from kiosk.citizen_parts import OutcomeCard, action_button, message_of, outcome_page
from sync.help_protocol import HelpTicket, HelpTopic
from widgets.i18n import is_language_change
from widgets.layout import FlowLayout, MessageLine, heading, styled_label
from widgets.task_runner import TaskRunner

log = logging.getLogger(__name__)

TOPICS: tuple[tuple[HelpTopic, str], ...] = (
    ("general", QT_TRANSLATE_NOOP("HelpScreen", "咨询引导")),
    ("search", QT_TRANSLATE_NOOP("HelpScreen", "查找事项")),
    ("apply", QT_TRANSLATE_NOOP("HelpScreen", "自助申办")),
    ("pickup", QT_TRANSLATE_NOOP("HelpScreen", "自助取件")),
    ("device", QT_TRANSLATE_NOOP("HelpScreen", "设备故障")),
    ("elder", QT_TRANSLATE_NOOP("HelpScreen", "老年人帮办")),
    ("other", QT_TRANSLATE_NOOP("HelpScreen", "其他")),
)
"""What a citizen can ask help for, as ``sync.help_protocol.TOPIC_NAMES`` names them."""

OFFLINE_TEXT = QT_TRANSLATE_NOOP("HelpScreen", "网络中断，无法呼叫工作人员，请到服务台寻求帮助")


class FittedColumns(FlowLayout):
    """Buttons in equal columns, as many to a row as fit the width (at most ``columns``).

    A ``QGridLayout`` with a fixed column count asks for the width of all its columns:
    three English topics in 长辈模式 wanted 1312 px on a 1080 px portrait screen, and
    the screen frame does not scroll sideways. Here a row holds as many buttons as fit
    at their natural width; the rest go to the next row.

    Args:
        columns: the most buttons to a row.
        spacing: between buttons, both ways.
        parent: the widget laid out, if any.
    """

    def __init__(self, *, columns: int, spacing: int = 12, parent: QWidget | None = None) -> None:
        super().__init__(spacing=spacing, parent=parent)
        self._columns = max(1, columns)

    def columns_for(self, width: int) -> int:
        """How many buttons go to a row ``width`` px wide."""
        shown = self._shown()
        if not shown:
            return 1
        margins = self.contentsMargins()
        room = width - margins.left() - margins.right()
        cell = max(item.sizeHint().width() for item in shown)
        fit = (room + self.spacing()) // max(1, cell + self.spacing())
        return max(1, min(self._columns, len(shown), fit))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        shown = self._shown()
        margins = self.contentsMargins()
        if not shown:
            return QSize(margins.left() + margins.right(), margins.top() + margins.bottom())
        columns = min(self._columns, len(shown))
        cell = max(item.sizeHint().width() for item in shown)
        width = columns * cell + (columns - 1) * self.spacing() + margins.left() + margins.right()
        return QSize(width, self.heightForWidth(width))

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        shown = self._shown()
        margins = self.contentsMargins()
        extra_w = margins.left() + margins.right()
        if not shown:
            return QSize(extra_w, margins.top() + margins.bottom())
        # as narrow as the widest button; the height is that of the widest arrangement:
        # the height at the width given comes from heightForWidth, which the box
        # layouts and the screen frame ask, so a minimum of one button a row would
        # make a landscape screen scroll for rows it never has
        width = max(item.minimumSize().width() for item in shown) + extra_w
        return QSize(width, self.heightForWidth(self.sizeHint().width()))

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        """Lay the rows out in ``rect`` (when ``place``); the height they take."""
        shown = self._shown()
        margins = self.contentsMargins()
        if not shown:
            return margins.top() + margins.bottom()
        columns = self.columns_for(rect.width())
        room = rect.width() - margins.left() - margins.right()
        gap = self.spacing()
        width = max(1, (room - (columns - 1) * gap) // columns)
        y = rect.y() + margins.top()
        for start in range(0, len(shown), columns):
            row = shown[start : start + columns]
            height = max(item.sizeHint().height() for item in row)
            if place:
                for column, item in enumerate(row):
                    x = rect.x() + margins.left() + column * (width + gap)
                    item.setGeometry(QRect(x, y, width, height))
            y += height + gap
        return y - gap - rect.y() + margins.bottom()


class HelpRequester(Protocol):
    """What the screen needs of ``sync.help_client.HelpClient``."""

    def request_help(
        self,
        *,
        topic: HelpTopic = "general",
        note: str = "",
        ticket_number: str = "",
        request_id: str | None = None,
    ) -> HelpTicket: ...


class HelpScreen(QWidget):
    """呼叫帮办: tap a topic, a clerk is called to this kiosk.

    Args:
        client: the help client, or ``None`` where the kiosk has no gateway (the screen
            then says to go to the service desk).
        runner: the request runs off the GUI thread.
        parent: the Qt parent.

    Signals:
        requested(HelpTicket): the gateway took the request.
        finished(): the citizen tapped 返回继续办理, or 完成 after the call went out.
    """

    requested = Signal(object)
    finished = Signal()

    def __init__(
        self, *, client: HelpRequester | None, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("HelpScreen")
        self._client = client
        self._runner = runner
        self._busy = False
        self._note = ""
        self._request_id: tuple[HelpTopic, str] | None = None
        self._ticket: HelpTicket | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 24)
        layout.setSpacing(16)
        self._title = heading(name="HelpTitle")
        self._hint = styled_label("", role="subtitle")
        self._hint.setObjectName("HelpHint")
        layout.addWidget(self._title)
        layout.addWidget(self._hint)
        self.message = MessageLine(name="HelpMessage")
        layout.addWidget(self.message)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        self._build_topics_page()
        self._build_sent_page()
        self._retranslate()

    def _build_topics_page(self) -> None:
        """The topics to choose from, and a way back."""
        self.topics_page = QWidget()
        page = QVBoxLayout(self.topics_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(16)
        grid = FittedColumns(columns=3, spacing=20)
        self.topic_buttons: dict[str, QPushButton] = {}
        for topic, _text in TOPICS:
            button = QPushButton()
            button.setObjectName(f"help-{topic}")
            button.setProperty("role", "tile")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(120)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            button.clicked.connect(lambda _=False, t=topic: self.call(t))
            grid.add(button)
            self.topic_buttons[topic] = button
        page.addLayout(grid)
        page.addStretch(1)
        self.back_button = action_button(name="HelpDone", primary=False)
        self.back_button.clicked.connect(self.finished)
        page.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.pages.addWidget(self.topics_page)

    def _build_sent_page(self) -> None:
        """After the call went out: who was called, for what, and what happens next.

        The topics are gone from the screen: a second tap would look like a second
        call, and the citizen's question now is whether someone is coming.
        """
        self.sent_card = OutcomeCard(name="HelpSent")
        self.sent_card.set_tone("wait")  # someone is on the way, not yet here
        self.status = styled_label("", role="title")
        self.status.setObjectName("HelpStatus")
        self.sent_card.add_headline(self.status)
        self.finish_button = action_button(name="HelpFinish")
        self.finish_button.setMinimumWidth(240)  # as wide as the other screens' 完成
        self.finish_button.clicked.connect(self.finished)
        self.sent_page = outcome_page(self.sent_card, self.finish_button)
        self.pages.addWidget(self.sent_page)

    # -- the session ---------------------------------------------------------------------

    def reset(self, *, note: str = "") -> None:
        """Entering the screen; ``note`` says where the citizen was (no personal data)."""
        self._busy = False
        self._note = note[:200]
        self._request_id = None
        self._ticket = None
        self.status.setText("")
        self.sent_card.set_facts([])
        self.message.clear_message()
        for button in self.topic_buttons.values():
            button.setEnabled(True)
        self._hint.show()
        self.pages.setCurrentWidget(self.topics_page)

    def holds_personal_data(self) -> bool:
        return False  # a topic and the screen's name; nobody is named

    def forget_personal_data(self) -> None:
        self.reset()

    def last_request(self) -> HelpTicket | None:
        return self._ticket

    def spoken_text(self) -> str:
        return "\n".join(t for t in (self._title.text(), self._hint.text(),
                                     self.status.text(), self.message.text()) if t)

    # -- calling -------------------------------------------------------------------------

    def call(self, topic: HelpTopic) -> None:
        """Call a clerk for ``topic``; tapped again after a failure, it is the same call."""
        if self._busy:
            return
        client = self._client
        if client is None:
            self.message.error(self.tr(OFFLINE_TEXT))
            return
        if self._request_id is None or self._request_id[0] != topic:
            self._request_id = (topic, str(uuid.uuid4()))
        request_id = self._request_id[1]
        note = self._note
        self._busy = True
        self.message.notice(self.tr("正在呼叫工作人员…"))
        self._runner.run(
            lambda: client.request_help(topic=topic, note=note, request_id=request_id),
            on_done=self._on_requested, on_error=self._on_error, key="kiosk-help", owner=self,
        )

    def _on_requested(self, ticket: HelpTicket) -> None:
        self._busy = False
        self._ticket = ticket
        self.message.clear_message()
        for button in self.topic_buttons.values():
            button.setEnabled(False)
        self._show_sent()
        self._hint.hide()
        self.pages.setCurrentWidget(self.sent_page)
        self.requested.emit(ticket)

    def _show_sent(self) -> None:
        """The confirmation of the call, in the current language."""
        ticket = self._ticket
        if ticket is None:
            return
        self.status.setText(self.tr("已通知工作人员，工作人员马上过来"))
        topic = dict(TOPICS).get(ticket.topic, "")
        raised = datetime.fromtimestamp(ticket.raised_at, HALL_TZ)
        self.sent_card.set_facts([
            (self.tr("求助事项"), self.tr(topic) if topic else ticket.topic_name),
            (self.tr("呼叫时间"), raised.strftime("%H:%M")),
            (self.tr("呼叫位置"), ticket.place),
        ])
        self.sent_card.set_steps(self.tr("接下来"), (
            self.tr("请在本机旁稍候，工作人员会到这里为您服务"),
            self.tr("您也可以先返回继续办理，呼叫不会取消"),
            self.tr("等候较久仍无人到达，请到服务台或拨打12345"),
        ))

    def _on_error(self, error: BaseException) -> None:
        self._busy = False
        if isinstance(error, Offline):
            log.warning("help request not delivered: gateway unreachable")
            self.message.error(self.tr(OFFLINE_TEXT))
        else:
            self.message.error(message_of(error))

    # -- text ----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._title.setText(self.tr("呼叫帮办"))
        self._hint.setText(self.tr("请选择需要帮助的事项，工作人员会到本机旁为您服务"))
        for topic, text in TOPICS:
            self.topic_buttons[topic].setText(self.tr(text))
        self.back_button.setText(self.tr("返回继续办理"))
        self.finish_button.setText(self.tr("完成"))
        self._show_sent()


class HelpButton(QPushButton):
    """The big 呼叫帮办 button on every screen (in the window's footer)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HelpButton")
        self.setProperty("role", "primary")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumHeight(64)
        # no vertical padding: the button's touch height is the theme's target, and the
        # footer it sits in stays as low as the button (every pixel counts at 1080 px)
        self.setStyleSheet("#HelpButton { background: #D9480F; color: white;"
                           " font-weight: bold; padding: 0 28px; }")
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setText(self.tr("呼叫帮办"))
