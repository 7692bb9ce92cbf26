"""叫号: call the next person to this window, and follow them through the visit.

The hall's queue authority is the gateway (:mod:`gateway.queue`); this page drives it
through :class:`sync.queue_client.QueueClient`. Keys: F2 叫号, F3 重呼, F4 过号,
F5 开始办理 (the person arrived: opens 收件受理), F6 办结; 转办 to another business
area and 暂停服务 with a reason / 恢复服务 are buttons.

The ticket being served is put on the :class:`~window_client.pages.CounterDesk`, so the
case the clerk opens for it is linked to it (一号办到底); when a case is saved for a
ticket that is still only called, the page starts the service and links the case. The
window's business areas follow the header's 潮汐窗口 change. There is one queue per
hall, so calling needs the gateway: offline, the buttons stay disabled and the page
says why.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from core.accounts import ClerkSession
from core.case import Role
from core.errors import EnvironmentProblem, Offline, UserFacingError, ValidationFailed, msg
from core.queue import GreenChannel, TicketState
from sync.queue_client import QueueClient
from sync.queue_protocol import TicketBody, WaitingCount, WindowBody
from sync.status import SyncStatus
from widgets.i18n import arg, is_language_change
from widgets.layout import card, restyle, styled_label
from widgets.task_runner import TaskRunner
from window_client.chrome import MessageBar, SyncStatusRelay, user_text
from window_client.deadlines import warn_due_deadlines
from window_client.pages import CounterDesk, PageContext, PageSpec, ServedTicket, join_list

log = logging.getLogger(__name__)

CONTEXT = "QueuePage"
REFRESH_MS = 15_000
"""Waiting counts are re-read this often while the page lives."""

GREEN_NAMES: dict[GreenChannel, str] = {
    GreenChannel.ELDERLY: QT_TRANSLATE_NOOP("QueuePage", "老年人"),
    GreenChannel.DISABLED: QT_TRANSLATE_NOOP("QueuePage", "残疾人"),
    GreenChannel.PREGNANT: QT_TRANSLATE_NOOP("QueuePage", "孕期妇女"),
    GreenChannel.MILITARY: QT_TRANSLATE_NOOP("QueuePage", "军人"),
}
STATE_NAMES: dict[TicketState, str] = {
    TicketState.WAITING: QT_TRANSLATE_NOOP("QueuePage", "等候中"),
    TicketState.CALLED: QT_TRANSLATE_NOOP("QueuePage", "已叫号, 等候到窗口"),
    TicketState.SERVING: QT_TRANSLATE_NOOP("QueuePage", "办理中"),
    TicketState.DONE: QT_TRANSLATE_NOOP("QueuePage", "已办结"),
    TicketState.NO_SHOW: QT_TRANSLATE_NOOP("QueuePage", "已过号"),
    TicketState.TRANSFERRED: QT_TRANSLATE_NOOP("QueuePage", "已转办"),
    TicketState.SUSPENDED: QT_TRANSLATE_NOOP("QueuePage", "已挂起"),
}
_ACTIVE = (TicketState.CALLED, TicketState.SERVING)


def area_prefix(area: str) -> str:
    """``"A 综合受理区"`` → ``"A"`` (a window's areas are stored with their names)."""
    return area.strip().split(" ", 1)[0].upper()


@dataclass(frozen=True, slots=True)
class QueueView:
    """What the page shows after each exchange with the queue authority.

    Attributes:
        window: this window's areas, pause state and current ticket number.
        waiting: waiting people per business area of the hall.
        current: the ticket called to or served at this window (``None``: nobody).
        last: the ticket the last action was about (a no-show, a transfer's new ticket).
    """

    window: WindowBody
    waiting: tuple[WaitingCount, ...]
    current: TicketBody | None
    last: TicketBody | None = None


class QueueDesk:
    """The window's queue actions; every method blocks (run it in the pool lane).

    Args:
        queue: the hall's queue client.
        session: returns the logged-in clerk (window number, clerk id, areas).
    """

    def __init__(self, *, queue: QueueClient, session: Callable[[], ClerkSession]) -> None:
        self._queue = queue
        self._session = session

    def _window(self) -> str:
        window = self._session().window.strip()
        if not window:
            raise ValidationFailed(msg("登录时未填写窗口号, 不能叫号"), code="queue.no_window")
        return window

    def open(self, areas: Sequence[str]) -> QueueView:
        """潮汐窗口: tell the authority which areas this window calls, then read."""
        prefixes = [area_prefix(a) for a in areas if a.strip()]
        if not prefixes:
            raise ValidationFailed(
                msg("本窗口尚未设置业务区, 请在页首“业务区”中选择后再叫号"), code="queue.no_areas"
            )
        self._queue.set_window_areas(self._window(), prefixes, clerk_id=self._session().clerk.id)
        return self.view()

    def view(self, last: TicketBody | None = None) -> QueueView:
        """The window and the hall's waiting counts as the authority sees them now."""
        window_no = self._window()
        feed = self._queue.feed(after=0)
        window = next((w for w in feed.windows if w.window_no == window_no), None)
        if window is None:
            raise ValidationFailed(
                msg("本窗口尚未在排队系统中登记业务区"), code="queue.window_unknown"
            )
        current = self._queue.ticket(window.current) if window.current else None
        return QueueView(window=window, waiting=tuple(feed.waiting), current=current, last=last)

    def call_next(self) -> QueueView:
        called = self._queue.call_next(self._window(), clerk_id=self._session().clerk.id)
        return self.view(called)

    def recall(self, number: str) -> QueueView:
        return self.view(self._queue.recall(number))

    def no_show(self, number: str) -> QueueView:
        return self.view(self._queue.no_show(number))

    def start(self, number: str) -> QueueView:
        return self.view(self._queue.start(number))

    def finish(self, number: str) -> QueueView:
        return self.view(self._queue.finish(number))

    def transfer(self, number: str, to_area: str) -> QueueView:
        return self.view(self._queue.transfer(number, area_prefix(to_area)))

    def pause(self, reason: str) -> QueueView:
        if not reason.strip():
            raise ValidationFailed(msg("请填写暂停服务的原因"), code="queue.pause_reason")
        self._queue.pause(self._window(), reason.strip(), clerk_id=self._session().clerk.id)
        return self.view()

    def resume(self) -> QueueView:
        self._queue.resume(self._window())
        return self.view()

    def case_taken(self, number: str) -> QueueView:
        """A case was saved for ticket ``number``: its service has started; read again.

        一号办到底 is done by the case itself: ``case.submitted`` names the ticket and
        the gateway links the official case number when the submission arrives (a link
        made here could only name the provisional one). A ticket still only called is
        started (the person is at the window: a case was just saved for them).
        """
        ticket = self._queue.ticket(number)
        if ticket.state is TicketState.CALLED:
            ticket = self._queue.start(number)
        return self.view(ticket)


class QueuePage(QWidget):
    """叫号 at this window.

    Args:
        desk: the queue actions (``None``: this client runs without a gateway).
        counter: the logged-in clerk and the served ticket.
        runner: the task runner (HTTP in the pool lane).
        messages: the message bar.
        sync_status: followed to disable calling while offline.
        open_page: opens another page (F5 opens 收件受理).
        parent: the Qt parent.

    Signals:
        view_shown(object): a :class:`QueueView` was rendered.
    """

    view_shown = Signal(object)

    def __init__(  # noqa: PLR0913, PLR0915 - the page's widgets, built once
        self,
        *,
        desk: QueueDesk | None,
        counter: CounterDesk,
        runner: TaskRunner,
        messages: MessageBar,
        sync_status: SyncStatusRelay | None = None,
        open_page: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("QueuePage")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._desk = desk
        self._counter = counter
        self._runner = runner
        self._messages = messages
        self._open_page = open_page
        self._status = sync_status
        self._online = sync_status is None or sync_status.status().online
        self._busy = False
        self._unreachable = False
        self.view: QueueView | None = None

        ticket_card, ticket_box = card(spacing=6)
        self._current_title = styled_label("", role="section", wrap=False)
        self.number = QLabel("—")
        self.number.setObjectName("TicketNumber")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The theme sets label fonts by role; the called number is the page's headline.
        self.number.setStyleSheet("font-size: 96px; font-weight: 700; color: #0B3D91;")
        self.green = styled_label("", role="badge-danger", wrap=False)
        self.green.setObjectName("GreenChannel")
        self.green.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state = styled_label("", role="subtitle")
        self.state.setObjectName("TicketState")
        self.state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.details = styled_label("", role="muted")
        self.details.setObjectName("TicketDetails")
        self.details.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for widget in (self._current_title, self.number, self.green, self.state, self.details):
            ticket_box.addWidget(widget)

        self.call_button = QPushButton()
        self.call_button.setObjectName("CallNext")
        self.call_button.setProperty("role", "primary")
        self.recall_button = QPushButton()
        self.no_show_button = QPushButton()
        self.start_button = QPushButton()
        self.finish_button = QPushButton()
        for button in (self.recall_button, self.no_show_button, self.start_button,
                       self.finish_button):
            button.setProperty("role", "secondary")
        self.call_button.clicked.connect(self.call_next)
        self.recall_button.clicked.connect(self.recall)
        self.no_show_button.clicked.connect(self.no_show)
        self.start_button.clicked.connect(self.start_service)
        self.finish_button.clicked.connect(self.finish)
        actions = QGridLayout()
        actions.addWidget(self.call_button, 0, 0, 1, 2)
        actions.addWidget(self.recall_button, 1, 0)
        actions.addWidget(self.no_show_button, 1, 1)
        actions.addWidget(self.start_button, 2, 0)
        actions.addWidget(self.finish_button, 2, 1)
        ticket_box.addLayout(actions)

        self._transfer_title = styled_label("", role="section", wrap=False)
        self.transfer_area = QComboBox()
        self.transfer_area.setObjectName("TransferArea")
        self.transfer_button = QPushButton()
        self.transfer_button.setProperty("role", "secondary")
        self.transfer_button.clicked.connect(self.transfer)
        transfer_row = QHBoxLayout()
        transfer_row.addWidget(self.transfer_area, 1)
        transfer_row.addWidget(self.transfer_button)
        ticket_box.addWidget(self._transfer_title)
        ticket_box.addLayout(transfer_row)

        self._pause_title = styled_label("", role="section", wrap=False)
        self.pause_reason = QLineEdit()
        self.pause_reason.setObjectName("PauseReason")
        self.pause_reason.returnPressed.connect(self.pause)
        self.pause_button = QPushButton()
        self.pause_button.setProperty("role", "secondary")
        self.pause_button.clicked.connect(self.pause)
        self.resume_button = QPushButton()
        self.resume_button.setProperty("role", "secondary")
        self.resume_button.clicked.connect(self.resume)
        pause_row = QHBoxLayout()
        pause_row.addWidget(self.pause_reason, 1)
        pause_row.addWidget(self.pause_button)
        pause_row.addWidget(self.resume_button)
        ticket_box.addWidget(self._pause_title)
        ticket_box.addLayout(pause_row)

        waiting_card, waiting_box = card(spacing=6)
        self._waiting_title = styled_label("", role="section", wrap=False)
        self.window_state = styled_label("", role="badge", wrap=False)
        self.window_state.setObjectName("WindowState")
        self.reason = styled_label("", role="notice")
        self.reason.setObjectName("QueueUnavailable")
        self.waiting = QTableWidget(0, 4)
        self.waiting.setObjectName("WaitingCounts")
        self.waiting.verticalHeader().hide()
        self.waiting.horizontalHeader().setStretchLastSection(True)
        self.waiting.setColumnWidth(0, 80)
        self.waiting.setColumnWidth(1, 260)
        self.waiting.setColumnWidth(2, 120)
        self.waiting.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.waiting.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.retry_button = QPushButton()
        self.retry_button.setProperty("role", "secondary")
        self.retry_button.clicked.connect(self.refresh)
        waiting_box.addWidget(self._waiting_title)
        waiting_box.addWidget(self.window_state)
        waiting_box.addWidget(self.reason)
        waiting_box.addWidget(self.waiting, 1)
        waiting_box.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignRight)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(24)
        layout.addWidget(ticket_card, 2)
        layout.addWidget(waiting_card, 3)

        for key, slot in (
            (Qt.Key.Key_F2, self.call_next),
            (Qt.Key.Key_F3, self.recall),
            (Qt.Key.Key_F4, self.no_show),
            (Qt.Key.Key_F5, self.start_service),
            (Qt.Key.Key_F6, self.finish),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._tick)
        counter.session_changed.connect(self._session_changed)
        counter.case_linked.connect(self._case_linked)
        if sync_status is not None:
            sync_status.changed.connect(self._status_changed)
        self._retranslate()
        self._render()
        if desk is not None and counter.session is not None:
            self._open(counter.session)
            self._timer.start()

    # -- what the keys do ----------------------------------------------------------------

    def focus_first(self) -> None:
        """The cursor rests on 叫号 (or on the page, so F2–F6 work while it is disabled)."""
        if self.call_button.isEnabled():
            self.call_button.setFocus()
        else:
            self.setFocus()

    def available(self) -> bool:
        """Whether calling can work now (a gateway, online, no request in flight)."""
        return self._desk is not None and self._online and not self._unreachable

    def refresh(self) -> None:
        self._unreachable = False
        session = self._counter.session
        if self._desk is not None and session is not None:
            self._open(session)

    def call_next(self) -> None:
        desk = self._desk
        if self._ready() and desk is not None:
            self._do(desk.call_next)

    def recall(self) -> None:
        desk, number = self._desk, self._current_number()
        if self._ready() and desk is not None and number:
            self._do(lambda: desk.recall(number))

    def no_show(self) -> None:
        desk, number = self._desk, self._current_number()
        if self._ready() and desk is not None and number:
            self._do(lambda: desk.no_show(number))

    def start_service(self) -> None:
        """F5: the person is at the window; service starts and 收件受理 opens."""
        if not self._ready():
            return
        desk, number = self._desk, self._current_number()
        if desk is None or not number:
            return
        current = self.view.current if self.view else None
        if current is not None and current.state is TicketState.SERVING:
            self._open_acceptance()
            return
        self._do(lambda: desk.start(number), then=self._open_acceptance)

    def finish(self) -> None:
        desk, number = self._desk, self._current_number()
        if self._ready() and desk is not None and number:
            self._do(lambda: desk.finish(number))

    def transfer(self) -> None:
        if not self._ready():
            return
        desk, number = self._desk, self._current_number()
        area = str(self.transfer_area.currentData() or "")
        if desk is None or not number:
            return
        if not area:
            self._messages.warning(self.tr("请选择要转去的业务区"))
            return
        self._do(lambda: desk.transfer(number, area))

    def pause(self) -> None:
        desk = self._desk
        reason = self.pause_reason.text().strip()
        if not self._ready() or desk is None:
            return
        if not reason:
            self._messages.warning(self.tr("请填写暂停服务的原因 (如: 系统维护、临时离开)"))
            self.pause_reason.setFocus()
            return
        self._do(lambda: desk.pause(reason))

    def resume(self) -> None:
        desk = self._desk
        if self._ready() and desk is not None:
            self._do(desk.resume)

    # -- machinery ---------------------------------------------------------------------------

    def _ready(self) -> bool:
        if self._busy:
            return False
        if not self.available():
            self._messages.warning(self._unavailable_text())
            return False
        return True

    def _current_number(self) -> str:
        current = self.view.current if self.view else None
        if current is None:
            self._messages.info(self.tr("当前没有叫到的号, 请先叫号 (F2)"))
            return ""
        return current.number

    def _open(self, session: ClerkSession) -> None:
        desk = self._desk
        if desk is None:
            return
        areas = session.business_areas
        self._do(lambda: desk.open(areas), quiet=True)

    def _do(
        self,
        work: Callable[[], QueueView],
        *,
        then: Callable[[], None] | None = None,
        quiet: bool = False,
    ) -> None:
        self._busy = True
        self._render()

        def done(view: QueueView) -> None:
            self._show(view)
            if then is not None:
                then()

        self._runner.run(
            work,
            on_done=done,
            on_error=lambda error: self._failed(error, quiet=quiet),
            key="queue-action",
            owner=self,
        )

    def _show(self, view: QueueView) -> None:
        self._busy = False
        self._unreachable = False
        self.view = view
        current = view.current
        if current is not None and current.state in _ACTIVE:
            self._counter.set_ticket(
                ServedTicket(
                    number=current.number,
                    area=current.area,
                    area_name=current.area_name,
                    green="" if current.green is GreenChannel.NONE else current.green.value,
                )
            )
        else:
            self._counter.set_ticket(None)
        last = view.last
        if last is not None:
            self._announce(last)
        self._render()
        focused = QApplication.focusWidget()
        if self.isVisible() and (
            focused is None or not focused.isEnabled() or not self.isAncestorOf(focused)
        ):
            self.focus_first()
        self.view_shown.emit(view)

    def _announce(self, ticket: TicketBody) -> None:
        if ticket.state is TicketState.CALLED and ticket.recalls:
            text = arg(self.tr("已重呼 %1 (第 %2 次)"), ticket.number, ticket.recalls)
        elif ticket.state is TicketState.CALLED:
            text = arg(self.tr("请 %1 号到 %2 号窗口"), ticket.number, ticket.window_no)
        elif ticket.state is TicketState.NO_SHOW:
            text = arg(self.tr("%1 已按过号处理"), ticket.number)
        elif ticket.transferred_from:
            text = arg(
                self.tr("%1 已转到 %2, 新号 %3, 保留原排队顺序"),
                ticket.transferred_from, ticket.area_name, ticket.number,
            )
        elif ticket.state is TicketState.DONE:
            text = arg(self.tr("%1 已办结"), ticket.number)
        else:
            return
        self._messages.success(text)

    def _failed(self, error: BaseException, *, quiet: bool = False) -> None:
        self._busy = False
        if isinstance(error, Offline | EnvironmentProblem):
            self._unreachable = True
            log.warning("queue authority unreachable: %s", type(error).__name__)
        elif not isinstance(error, UserFacingError):
            log.error("queue action failed", exc_info=(type(error), error, error.__traceback__))
        if not quiet or not isinstance(error, Offline):
            self._messages.warning(user_text(error))
        self._render()

    def _case_linked(self, case_number: str) -> None:
        """A case was saved under the served ticket (its event carries the ticket)."""
        desk, ticket = self._desk, self._counter.ticket
        if desk is None or ticket is None or not self._online:
            return
        number = ticket.number
        log.debug("case %s saved under ticket %s; linked on submission", case_number, number)
        self._runner.run(
            lambda: desk.case_taken(number),
            on_done=self._show,
            on_error=lambda error: self._failed(error, quiet=True),
            key="queue-link",
            owner=self,
        )

    def _session_changed(self, session: object) -> None:
        if isinstance(session, ClerkSession):
            self.refresh()
        else:
            self._timer.stop()

    def _status_changed(self, status: SyncStatus) -> None:
        was = self._online
        self._online = status.online
        if self._online and not was:
            self.refresh()
        self._render()

    def _tick(self) -> None:
        if self.isVisible() and not self._busy and self.available():
            desk = self._desk
            if desk is not None:
                self._runner.run(
                    desk.view,
                    on_done=self._show,
                    on_error=lambda error: self._failed(error, quiet=True),
                    key="queue-action",
                    owner=self,
                )

    def _open_acceptance(self) -> None:
        if self._open_page is not None:
            self._open_page("acceptance")

    def _unavailable_text(self) -> str:
        if self._desk is None:
            return self.tr("本窗口端未连接排队系统 (前置机): 叫号不可用, 请按现场叫号办理")
        return self.tr("网络中断: 叫号须连接前置机的排队系统, 恢复联网后自动可用")

    # -- rendering -----------------------------------------------------------------------

    def _render(self) -> None:  # noqa: C901, PLR0912, PLR0915 - one branch per thing shown
        view = self.view
        current = view.current if view else None
        usable = self.available() and not self._busy
        has_ticket = current is not None
        state = current.state if current else None
        paused = bool(view and view.window.paused)
        self.call_button.setEnabled(usable and not has_ticket and not paused)
        self.recall_button.setEnabled(usable and state is TicketState.CALLED)
        self.no_show_button.setEnabled(usable and state is TicketState.CALLED)
        self.start_button.setEnabled(usable and has_ticket)
        self.finish_button.setEnabled(usable and state is TicketState.SERVING)
        self.transfer_button.setEnabled(usable and state is TicketState.SERVING)
        self.transfer_area.setEnabled(usable and state is TicketState.SERVING)
        self.pause_button.setEnabled(usable and not paused and not has_ticket)
        self.pause_reason.setEnabled(usable and not paused and not has_ticket)
        self.resume_button.setEnabled(usable and paused)
        self.retry_button.setVisible(self._desk is not None and not self.available())
        self.reason.setVisible(not self.available())
        self.reason.setText(self._unavailable_text() if not self.available() else "")
        if current is None:
            self.number.setText("—")
            self.state.setText(self.tr("当前没有叫到的号"))
            self.details.setText(self.tr("按 F2 叫下一位"))
            self.green.hide()
        else:
            self.number.setText(current.number)
            self.state.setText(QCoreApplication.translate(CONTEXT, STATE_NAMES[current.state]))
            cases = join_list(current.case_numbers)
            details = arg(self.tr("%1 · 取号 %2"), current.area_name,
                          current.issued_at.strftime("%H:%M"))
            if current.recalls:
                details += " · " + arg(self.tr("已重呼 %1 次"), current.recalls)
            if current.transferred_from:
                details += " · " + arg(self.tr("由 %1 转来"), current.transferred_from)
            if cases:
                details += " · " + arg(self.tr("关联办件: %1"), cases)
            self.details.setText(details)
            green = GREEN_NAMES.get(current.green)
            self.green.setVisible(green is not None)
            if green is not None:
                self.green.setText(
                    arg(self.tr("绿色通道 · %1"), QCoreApplication.translate(CONTEXT, green))
                )
        if view is None:
            self.window_state.setText(self.tr("本窗口: —"))
        elif view.window.paused:
            self.window_state.setText(
                arg(self.tr("本窗口暂停服务中: %1"), view.window.pause_reason)
            )
            self.window_state.setProperty("role", "badge-danger")
        else:
            areas = join_list(view.window.areas)
            self.window_state.setText(arg(self.tr("本窗口叫号业务区: %1"), areas))
            self.window_state.setProperty("role", "badge")
        restyle(self.window_state)
        self._render_waiting(view)

    def _render_waiting(self, view: QueueView | None) -> None:
        counts = view.waiting if view else ()
        mine = set(view.window.areas) if view else set()
        self.waiting.setRowCount(len(counts))
        for row, count in enumerate(counts):
            open_text = self.tr("取号中") if count.open_now else self.tr("未到取号时间")
            cells = (count.area, count.name, str(count.waiting), open_text)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                font = cell.font()
                font.setBold(count.area in mine)
                cell.setFont(font)
                self.waiting.setItem(row, column, cell)
        chosen = self.transfer_area.currentData()
        self.transfer_area.blockSignals(True)
        self.transfer_area.clear()
        current = view.current if view else None
        for count in counts:
            if current is None or count.area != current.area:
                self.transfer_area.addItem(f"{count.area} {count.name}", count.area)
        index = self.transfer_area.findData(chosen)
        if index >= 0:
            self.transfer_area.setCurrentIndex(index)
        self.transfer_area.blockSignals(False)

    def waiting_for(self, area: str) -> int | None:
        """The waiting count shown for ``area`` (tests read what the clerk sees)."""
        for row in range(self.waiting.rowCount()):
            item = self.waiting.item(row, 0)
            if item is not None and item.text() == area:
                cell = self.waiting.item(row, 2)
                return int(cell.text()) if cell is not None else None
        return None

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._current_title.setText(self.tr("当前号"))
        self.call_button.setText(self.tr("叫下一位 (F2)"))
        self.recall_button.setText(self.tr("重呼 (F3)"))
        self.no_show_button.setText(self.tr("过号 (F4)"))
        self.start_button.setText(self.tr("开始办理 (F5)"))
        self.finish_button.setText(self.tr("办结 (F6)"))
        self._transfer_title.setText(self.tr("转办到其他业务区"))
        self.transfer_button.setText(self.tr("转办"))
        self._pause_title.setText(self.tr("暂停服务"))
        self.pause_reason.setPlaceholderText(self.tr("暂停原因 (必填)"))
        self.pause_button.setText(self.tr("暂停"))
        self.resume_button.setText(self.tr("恢复服务"))
        self._waiting_title.setText(self.tr("各业务区等候人数"))
        self.retry_button.setText(self.tr("重新连接"))
        self.waiting.setHorizontalHeaderLabels(
            [self.tr("业务区"), self.tr("名称"), self.tr("等候人数"), self.tr("取号")]
        )
        if hasattr(self, "_timer"):
            self._render()


def _queue_page(context: PageContext) -> QWidget:
    services = context.services
    desk = (
        QueueDesk(queue=services.queue, session=context.desk.require_session)
        if services.queue is not None
        else None
    )
    relay = SyncStatusRelay(services.sync_status) if services.sync_status is not None else None
    page = QueuePage(
        desk=desk,
        counter=context.desk,
        runner=context.runner,
        messages=context.messages,
        sync_status=relay,
        open_page=context.open_page,
    )
    if relay is not None:
        relay.setParent(page)
    # The first page a clerk sees: tell them at once about correction limits due.
    warn_due_deadlines(context, page)
    return page


PAGE = PageSpec(
    key="queue",
    title=QT_TRANSLATE_NOOP("WindowPages", "叫号"),
    icon="ticket",
    factory=_queue_page,
    roles=frozenset({Role.CLERK, Role.CHIEF, Role.ISSUER}),
    shortcut="Ctrl+1",
)
