"""The frame around the counter client's pages: header, message bar, sync status relay.

- :class:`HeaderBar` shows who is at the window (clerk, role, window number, business
  areas) and whether the terminal is online, with the events still to be sent.
- :class:`MessageBar` is the non-modal place for recoverable conditions ("offline:
  identity codes cannot be resolved", "printer out of paper"): the clerk keeps
  working while it shows; it never blocks with a dialog.
- :class:`SyncStatusRelay` re-emits the sync engine's status (reported on the
  engine's thread) on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOption,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)

from core.accounts import ClerkSession
from sync.status import StatusBoard, SyncStatus
from widgets.i18n import arg, error_text, is_language_change
from widgets.layout import restyle, styled_label
from widgets.sync_status import StatusSource
from window_client.pages import role_name

log = logging.getLogger(__name__)


class Level(StrEnum):
    """How serious a message is (its colour)."""

    INFO = "info"
    SUCCESS = "success"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class Message:
    """One message on the bar: already translated text, its level, how long it stays,
    and the label of its action button (``""`` for none)."""

    text: str
    level: Level = Level.INFO
    seconds: float = 0.0  # 0: until closed or replaced
    action: str = ""


class MessageBar(QFrame):
    """A one-line, non-modal message under the header; closes with its × or by itself.

    A message may carry one action (:meth:`notify`): a button beside the text that
    does something about it ("响应并查看") and closes the message.

    Signals:
        shown(object): a :class:`Message` is now on the bar.
        action_triggered(object): the :class:`Message` whose action button was pressed.
    """

    shown = Signal(object)
    action_triggered = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MessageBar")
        self.setProperty("level", Level.INFO.value)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 6, 8, 6)
        self._text = QLabel()
        self._text.setObjectName("MessageText")
        self._text.setWordWrap(True)
        self._text.setTextFormat(Qt.TextFormat.PlainText)
        self._close = QPushButton("×")
        self._close.setObjectName("MessageClose")
        self._close.setFlat(True)
        self._close.setFixedWidth(48)
        self._close.clicked.connect(self.dismiss)
        self._action = QPushButton()
        self._action.setObjectName("MessageAction")
        self._action.setProperty("role", "primary")
        self._action.setMinimumHeight(40)
        self._action.clicked.connect(self._act)
        self._action.hide()
        self._on_action: Callable[[], None] | None = None
        layout.addWidget(self._text, 1)
        layout.addWidget(self._action)
        layout.addWidget(self._close)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.dismiss)
        self._current: Message | None = None
        self.hide()

    def show_message(
        self, message: Message, *, on_action: Callable[[], None] | None = None
    ) -> None:
        """Show ``message``, replacing the one on the bar.

        Args:
            message: what to show.
            on_action: what the action button does (shown when ``message.action`` is
                set and this is given).
        """
        self._current = message
        self._on_action = on_action if message.action else None
        self._action.setText(message.action)
        self._action.setVisible(self._on_action is not None)
        self._text.setText(message.text)
        self.setProperty("level", message.level.value)
        restyle(self)
        self.show()
        if message.seconds > 0:
            self._timer.start(int(message.seconds * 1000))
        else:
            self._timer.stop()
        self.shown.emit(message)

    def info(self, text: str, *, seconds: float = 6.0) -> None:
        self.show_message(Message(text, Level.INFO, seconds))

    def success(self, text: str, *, seconds: float = 6.0) -> None:
        self.show_message(Message(text, Level.SUCCESS, seconds))

    def warning(self, text: str, *, seconds: float = 0.0) -> None:
        self.show_message(Message(text, Level.WARNING, seconds))

    def error(self, text: str, *, seconds: float = 0.0) -> None:
        self.show_message(Message(text, Level.ERROR, seconds))

    def notify(
        self,
        text: str,
        *,
        action: str,
        on_action: Callable[[], None],
        level: Level = Level.WARNING,
        seconds: float = 0.0,
    ) -> None:
        """Show ``text`` with a button labelled ``action`` that runs ``on_action``."""
        self.show_message(Message(text, level, seconds, action), on_action=on_action)

    def action_text(self) -> str:
        """The action button's label (``""`` when the message has none)."""
        return self._action.text() if self._on_action is not None and not self.isHidden() else ""

    def trigger_action(self) -> None:
        """Press the action button (as a click does)."""
        if self._on_action is not None and not self.isHidden():
            self._act()

    def _act(self) -> None:
        message, callback = self._current, self._on_action
        self.dismiss()
        if callback is not None:
            callback()
        if message is not None:
            self.action_triggered.emit(message)

    def text(self) -> str:
        """What the bar says now (``""`` when hidden)."""
        return self._text.text() if not self.isHidden() else ""

    def current(self) -> Message | None:
        return self._current if not self.isHidden() else None

    def dismiss(self) -> None:
        self._timer.stop()
        self._current = None
        self._on_action = None
        self._action.hide()
        self.hide()


def user_text(error: BaseException) -> str:
    """What to tell the clerk about ``error``, in the current language.

    User-facing and environment errors carry Chinese text written for people; it goes
    through translation (context ``Errors``). Anything else is a bug: a generic line.
    """
    text = error_text(error)
    if text is not None:
        return text
    return QCoreApplication.translate("Errors", "出现了内部错误, 已记录日志; 请重试或联系管理员")


class SyncStatusRelay(QObject):
    """Re-emits a :class:`StatusBoard`'s changes on the GUI thread.

    Signals:
        changed(object): the new :class:`SyncStatus`.
    """

    changed = Signal(object)

    def __init__(self, board: StatusBoard | StatusSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._board = board
        # The board calls back on the engine's thread; a signal emitted there reaches
        # this GUI-thread object through a queued connection.
        self._unsubscribe = board.subscribe(self.changed.emit)
        self.destroyed.connect(lambda _obj=None: self._unsubscribe())

    def status(self) -> SyncStatus:
        return self._board.status

    def close(self) -> None:
        self._unsubscribe()


class ElidedLabel(QLabel):
    """A one-line label that shortens its text with "…" rather than widen its row.

    :meth:`text` stays the whole text; when it does not fit it is the tooltip.
    """

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), _ELIDED_MIN_WIDTH), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        _tooltip_if_cut(self, self.contentsRect().width())

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setText(text)
        _tooltip_if_cut(self, self.contentsRect().width())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                              rect.width())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(self.alignment()), shown)
        painter.end()


class ElidedButton(QPushButton):
    """A push button whose text is shortened with "…" when its row is narrow.

    :meth:`text` stays the whole text; when it does not fit it is the tooltip.
    """

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), _ELIDED_MIN_WIDTH), hint.height())

    def _room(self, option: QStyleOptionButton) -> int:
        return self.style().subElementRect(
            QStyle.SubElement.SE_PushButtonContents, option, self
        ).width()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        _tooltip_if_cut(self, self._room(option))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, self._room(option)
        )
        painter = QStylePainter(self)
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
        painter.end()


_ELIDED_MIN_WIDTH = 120
"""The least an eliding header piece keeps: a few characters and the "…"."""


def _tooltip_if_cut(widget: QLabel | QPushButton, room: int) -> None:
    text = widget.text()
    cut = widget.fontMetrics().horizontalAdvance(text) > room
    widget.setToolTip(text if cut else "")


class HeaderBar(QFrame):
    """Clerk, role, window number, business areas, online/offline and pending events.

    Signals:
        logout_requested(): the clerk pressed 退出登录.
        areas_requested(): the clerk wants to change the window's business areas.
        language_requested(): 中文/English.
    """

    logout_requested = Signal()
    areas_requested = Signal()
    language_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WindowHeader")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 6, 16, 6)
        layout.setSpacing(10)  # the English header still fits a 1366 px counter monitor
        # On a 1366 px monitor in English, offline, the header's pieces would need more
        # than the screen: the title gives way first, then the clerk and the areas.
        self.title = ElidedLabel()
        self.title.setProperty("role", "subtitle")
        self.title.setObjectName("HeaderTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.clerk = ElidedLabel()
        self.clerk.setTextFormat(Qt.TextFormat.PlainText)
        self.clerk.setProperty("role", "body")
        self.clerk.setObjectName("HeaderClerk")
        self.window_no = styled_label("", role="badge", wrap=False)
        self.window_no.setObjectName("HeaderWindow")
        self.areas = ElidedButton()
        self.areas.setObjectName("HeaderAreas")
        self.areas.setProperty("role", "secondary")
        self.areas.clicked.connect(self.areas_requested)
        self.link = styled_label("", role="badge", wrap=False)
        self.link.setObjectName("HeaderLink")
        self.language = QPushButton()
        self.language.setObjectName("LanguageButton")
        self.language.setProperty("role", "secondary")
        self.language.clicked.connect(self.language_requested)
        self.logout = QPushButton()
        self.logout.setObjectName("LogoutButton")
        self.logout.setProperty("role", "secondary")
        self.logout.clicked.connect(self.logout_requested)
        layout.addWidget(self.title, 1)
        for widget in (
            self.clerk,
            self.window_no,
            self.areas,
            self.link,
            self.language,
            self.logout,
        ):
            layout.addWidget(widget)
        self._session: ClerkSession | None = None
        self._status: SyncStatus | None = None
        self._retranslate()

    def show_session(self, session: ClerkSession | None) -> None:
        self._session = session
        self._retranslate()

    def show_status(self, status: SyncStatus | None) -> None:
        self._status = status
        self._show_link()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.title.setText(self.tr("一窗受理 · 窗口端"))
        self.language.setText(self.tr("English"))
        self.logout.setText(self.tr("退出登录"))
        session = self._session
        for widget in (self.clerk, self.window_no, self.areas, self.logout):
            widget.setVisible(session is not None)
        if session is not None:
            separator = self.tr("、")
            roles = separator.join(role_name(role) for role in session.clerk.roles)
            self.clerk.setText(arg(self.tr("%1 (%2)"), session.clerk.name, roles))
            self.window_no.setText(arg(self.tr("%1 号窗口"), session.window or "—"))
            areas = separator.join(session.business_areas) or self.tr("未设置业务区")
            self.areas.setText(arg(self.tr("业务区: %1"), areas))
        self._show_link()

    def _show_link(self) -> None:
        status = self._status
        if status is None:
            self.link.setText(self.tr("未连接平台 (单机)"))
            self.link.setProperty("role", "badge-danger")
        elif not status.authorised:
            self.link.setText(self.tr("终端未授权, 请联系管理员重新注册"))
            self.link.setProperty("role", "badge-danger")
        elif status.online:
            text = (
                arg(self.tr("在线 · 待上传 %1 条"), status.pending)
                if status.pending
                else self.tr("在线 · 已同步")
            )
            self.link.setText(text)
            self.link.setProperty("role", "badge")
        else:
            self.link.setText(arg(self.tr("离线 · 待上传 %1 条"), status.pending))
            self.link.setProperty("role", "badge-danger")
        restyle(self.link)

    def link_text(self) -> str:
        return self.link.text()
