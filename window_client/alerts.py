"""帮办请求与设备告警: kiosks' 呼叫帮办 and device problems, as they happen.

The page long-polls the gateway's help feed: a citizen's 呼叫帮办 shows up within the
poll, the new request is highlighted (no sound: the hall is quiet) and the message bar
says where to go, without a dialog. A clerk takes it with 响应 (Enter); the gateway
records who and when, and every window sees it taken. Device alerts from the kiosks'
heartbeats are listed with the time they were first seen.
"""

from __future__ import annotations

import datetime as _dt
import logging
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.accounts import ClerkSession
from core.clock import HALL_TZ
from sync.help_protocol import HelpFeed, HelpTicket
from widgets.i18n import arg, error_text, translate_text
from widgets.layout import styled_label
from widgets.task_runner import TaskRunner
from window_client.chrome import MessageBar, user_text
from window_client.help_poller import HelpPoller
from window_client.pages import PAGES_CONTEXT, PageContext, PageSpec
from window_client.results_desk import DeskServices

log = logging.getLogger(__name__)

RETRY_MS = 5000
_OPEN = QColor("#fff2cc")


def _time(ts: float) -> str:
    return _dt.datetime.fromtimestamp(ts, HALL_TZ).strftime("%H:%M:%S")


_HELP_CONTEXT = "HelpPage"
_TOPIC_NAMES = {  # sync.help_protocol.HelpTopic values; the gateway sends Chinese names
    "general": QT_TRANSLATE_NOOP("HelpPage", "咨询引导"),
    "search": QT_TRANSLATE_NOOP("HelpPage", "查找事项"),
    "apply": QT_TRANSLATE_NOOP("HelpPage", "自助申办"),
    "pickup": QT_TRANSLATE_NOOP("HelpPage", "自助取件"),
    "device": QT_TRANSLATE_NOOP("HelpPage", "设备故障"),
    "elder": QT_TRANSLATE_NOOP("HelpPage", "老年人帮办"),
    "other": QT_TRANSLATE_NOOP("HelpPage", "其他"),
}
_PART_NAMES = {  # devices.health.Role values, as the kiosks' heartbeats name their parts
    "receipt_printer": QT_TRANSLATE_NOOP("HelpPage", "小票打印机"),
    "a4_printer": QT_TRANSLATE_NOOP("HelpPage", "A4 打印机"),
    "scanner": QT_TRANSLATE_NOOP("HelpPage", "扫码器"),
    "locker": QT_TRANSLATE_NOOP("HelpPage", "智能文件柜"),
    "idcard": QT_TRANSLATE_NOOP("HelpPage", "身份证阅读器"),
    "network": QT_TRANSLATE_NOOP("HelpPage", "平台网络"),
}
_SLOT_PLACE = re.compile(r"(?P<slot>[A-Za-z0-9_-]+) 号终端")
"""The gateway's name for a kiosk that has no name of its own (``K01 号终端``)."""
_SLOT_NAME = QT_TRANSLATE_NOOP("HelpPage", "%1 号终端")


def topic_name(ticket: HelpTicket) -> str:
    """What the citizen asked help with, in the clerk's language."""
    source = _TOPIC_NAMES.get(str(ticket.topic))
    if source is None:
        return ticket.topic_name
    return QCoreApplication.translate(_HELP_CONTEXT, source)


def part_name(part: str) -> str:
    """A kiosk part (``receipt_printer``) by its name in the clerk's language."""
    source = _PART_NAMES.get(part)
    return part if source is None else QCoreApplication.translate(_HELP_CONTEXT, source)


def place_name(place: str) -> str:
    """Where the kiosk stands: its own name (data), or its slot in the clerk's language."""
    slot = _SLOT_PLACE.fullmatch(place)
    if slot is None:
        return place
    return arg(QCoreApplication.translate(_HELP_CONTEXT, _SLOT_NAME), slot["slot"])


class HelpPage(QWidget):
    """Open and recent help requests, active device alerts; 响应 takes a request.

    Signals:
        feed_shown(object): a :class:`HelpFeed` was rendered.
    """

    feed_shown = Signal(object)

    def __init__(
        self,
        *,
        desk: DeskServices,
        runner: TaskRunner,
        session: ClerkSession,
        messages: MessageBar | None = None,
        feed: HelpPoller | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._session = session
        self._messages = messages
        self._feed = feed
        self._revision = 0
        self._seen: set[str] = set()
        self._stopped = False
        layout = QVBoxLayout(self)
        self.status = styled_label(self.tr("正在连接前置机…"), role="body")
        layout.addWidget(self.status)
        layout.addWidget(styled_label(self.tr("呼叫帮办"), role="subtitle"))
        self.requests = QListWidget()
        self.requests.setObjectName("HelpRequests")
        self.requests.itemActivated.connect(lambda _item: self.acknowledge_selected())
        layout.addWidget(self.requests, 2)
        row = QHBoxLayout()
        self.take = QPushButton(self.tr("响应 (Enter)"))
        self.take.setProperty("role", "primary")
        self.take.setMinimumHeight(48)
        self.take.clicked.connect(self.acknowledge_selected)
        row.addWidget(self.take)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(styled_label(self.tr("设备告警"), role="subtitle"))
        self.alerts = QListWidget()
        self.alerts.setObjectName("DeviceAlerts")
        layout.addWidget(self.alerts, 1)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self.poll)
        if feed is not None:
            # The shell's poller watches the feed (and announces new requests): show
            # what it receives instead of polling a second time.
            feed.feed_received.connect(self._show_watched)
            feed.failed.connect(self._watch_failed)
            if feed.latest is not None:
                self._show_watched(feed.latest)
            elif feed.last_error is not None:
                self._watch_failed(feed.last_error)

    # ---------------------------------------------------------------- polling

    def poll(self) -> None:
        """One long-poll of the feed; the next starts when it answers.

        With the shell's poller (``feed``) the page does not poll: it asks the poller
        to look again now.
        """
        if self._stopped:
            return
        if self._feed is not None:
            self._feed.poll_now()
            return
        after = self._revision
        wait = self._desk.help_wait if after else 0.0
        self._runner.run(
            lambda: self._desk.help.feed(after=after, wait=wait),
            on_done=self._fed,
            on_error=self._poll_failed,
            key=f"help-feed-{id(self)}",
            owner=self,
        )

    def stop(self) -> None:
        """Stop polling (the page is closing)."""
        self._stopped = True
        self._retry.stop()

    def _poll_failed(self, error: BaseException) -> None:
        text = user_text(error)
        self.status.setText(arg(self.tr("无法获取帮办请求（%1），稍后自动重试"), text))
        log.warning("help feed failed: %s", type(error).__name__)
        if not self._stopped:
            self._retry.start(RETRY_MS)

    def _show_watched(self, feed: HelpFeed) -> None:
        if not self._stopped:
            # what the poller has announced counts as seen
            self._seen |= {t.help_id for t in feed.requests}
            self.show_feed(feed)

    def _watch_failed(self, error: BaseException) -> None:
        text = user_text(error)
        self.status.setText(arg(self.tr("无法获取帮办请求（%1），稍后自动重试"), text))

    def _fed(self, feed: HelpFeed) -> None:
        self._revision = feed.revision
        self.show_feed(feed)
        self.poll()

    def show_feed(self, feed: HelpFeed) -> None:
        """Render the feed; new open requests are highlighted and announced."""
        self.status.setText(arg(self.tr("已连接 · 更新于 %1"), _time(feed.server_time)))
        selected = self.selected_id()
        self.requests.clear()
        fresh: list[HelpTicket] = []
        for ticket in feed.requests:
            item = QListWidgetItem(self._describe(ticket))
            item.setData(Qt.ItemDataRole.UserRole, ticket.help_id)
            if ticket.open:
                item.setBackground(QBrush(_OPEN))
                if ticket.help_id not in self._seen:
                    fresh.append(ticket)
            self.requests.addItem(item)
            if ticket.help_id == selected:
                self.requests.setCurrentItem(item)
        self._seen |= {t.help_id for t in feed.requests}
        if self.requests.currentItem() is None and self.requests.count():
            self.requests.setCurrentRow(0)
        self.alerts.clear()
        for alert in feed.alerts:
            self.alerts.addItem(
                arg(self.tr("%1 · %2：%3（自 %4 起）"), place_name(alert.place),
                    part_name(alert.part), translate_text(alert.problem), _time(alert.since))
            )
        if not feed.alerts:
            self.alerts.addItem(self.tr("所有自助终端设备正常"))
        if fresh and self._messages is not None:
            first = fresh[0]
            self._messages.warning(
                arg(self.tr("%1 呼叫帮办（%2），请前往协助"), place_name(first.place),
                    topic_name(first))
            )
        self.feed_shown.emit(feed)

    def _describe(self, ticket: HelpTicket) -> str:
        head = arg(self.tr("%1  %2 · %3"), _time(ticket.raised_at), place_name(ticket.place),
                   topic_name(ticket))
        if ticket.note:
            head += f" · {ticket.note}"
        if ticket.ticket_number:
            head += arg(self.tr(" · 排队号 %1"), ticket.ticket_number)
        if ticket.open:
            return head + self.tr("  —  待响应")
        return head + arg(
            self.tr("  —  %1（%2号窗口）%3 已响应"),
            ticket.acked_by_name,
            ticket.acked_window or "—",
            _time(ticket.acked_at or 0),
        )

    # ---------------------------------------------------------------- acknowledging

    def selected_id(self) -> str | None:
        item = self.requests.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def acknowledge_selected(self) -> None:
        """响应: take the selected request."""
        help_id = self.selected_id()
        if help_id is None:
            return
        clerk = self._session.clerk
        window = self._session.window
        self._runner.run(
            lambda: self._desk.help.acknowledge(
                help_id, clerk_id=clerk.id, clerk_name=clerk.name, window_no=window
            ),
            on_done=self._taken,
            on_error=self._take_failed,
            owner=self,
        )

    def _taken(self, ticket: HelpTicket) -> None:
        if self._messages is not None:
            self._messages.success(arg(self.tr("已响应 %1 的帮办请求"), place_name(ticket.place)))
        self.status.setText(arg(self.tr("已响应 %1 的帮办请求"), place_name(ticket.place)))
        if self._feed is not None:
            self._feed.poll_now()

    def _take_failed(self, error: BaseException) -> None:
        text = error_text(error) or self.tr("响应失败")
        if self._messages is not None:
            self._messages.error(text)
        self.status.setText(text)


_NO_GATEWAY = QT_TRANSLATE_NOOP("WindowPages", "未连接前置机：帮办请求和设备告警需要联网")


def _help_page(context: PageContext) -> QWidget:
    desk = context.services.desk
    if desk is None:
        return styled_label(QCoreApplication.translate(PAGES_CONTEXT, _NO_GATEWAY), role="body")
    page = HelpPage(
        desk=desk,
        runner=context.runner,
        session=context.desk.require_session(),
        messages=context.messages,
        feed=context.help_feed,
    )
    if context.help_feed is None:
        page.poll()
    return page


PAGE = PageSpec(
    key="help",
    title=QT_TRANSLATE_NOOP("WindowPages", "帮办与告警"),
    icon="help",
    factory=_help_page,
    roles=frozenset(),
    shortcut="Ctrl+9",
)
