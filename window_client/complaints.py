"""吐槽找茬 / 差评整改: every bad review and complaint of the hall, followed up to the end.

The tickets live on the gateway (every window of the hall sees the same list): each
★1–2 evaluation opens one by itself, and a clerk enters complaints taken by phone or
in person here. A ticket moves by the rules of :class:`core.evaluation.FollowUps`:
call-back (回访核实) → rectification (整改) within 5 working days → the complainant's
verdict (认可 closes it; 不认可 starts a new round with a fresh limit); a 首席代表 or
管理员 may close it with a reason. The list shows the countdown and highlights tickets
whose limit is near, due today or past.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.accounts import ClerkSession
from core.case import Role
from core.errors import UserFacingError
from core.evaluation import REASONS, Rating
from sync.stats_protocol import FollowUpBody, FollowUpStepRequest
from widgets.i18n import arg, is_language_change
from widgets.layout import card, styled_label
from widgets.task_runner import TaskRunner
from window_client.chrome import MessageBar, user_text
from window_client.pages import PAGES_CONTEXT, CounterDesk, PageContext, PageSpec, join_list
from window_client.results_desk import DeskServices
from window_client.work_list import WorkList

log = logging.getLogger(__name__)

_WARN_COLOURS = {"near": "#fff2cc", "due_today": "#ffe0b2", "overdue": "#ffcdd2"}
_SUPERVISORS = (Role.CHIEF, Role.ADMIN)


def step_role(session: ClerkSession) -> Role:
    """The role a clerk acts in on a follow-up: 首席代表 or 管理员 when they hold one."""
    for role in _SUPERVISORS:
        if session.clerk.has(role):
            return role
    return session.clerk.roles[0]


class ComplaintsPage(QWidget):
    """Tickets with countdowns, the ticket's record and its next step; new complaints.

    Keyboard: ↑/↓ choose a ticket, Enter records the step the ticket is waiting for
    with the typed text, Esc clears the text, F5 refreshes.

    Signals:
        tickets_shown(object): the list of ``FollowUpBody`` was rendered.
        ticket_changed(object): a step or a new complaint came back (``FollowUpBody``).
    """

    tickets_shown = Signal(object)
    ticket_changed = Signal(object)

    def __init__(  # noqa: PLR0915 - the page's widgets, built once
        self,
        *,
        desk: DeskServices,
        runner: TaskRunner,
        counter: CounterDesk,
        messages: MessageBar,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._counter = counter
        self._messages = messages
        self._tickets: list[FollowUpBody] = []
        self.busy = False

        outer = QHBoxLayout(self)
        self.work = WorkList.add_to(
            outer,
            name="FollowUps",
            chosen=lambda _row: self._show(self.selected()),
            refresh=self.refresh,
        )
        self.heading, self.tickets = self.work.heading, self.work.items
        self.refresh_button = self.work.refresh_button

        self.tabs = QTabWidget()
        # -- the ticket
        ticket = QWidget()
        tl = QVBoxLayout(ticket)
        self.detail = styled_label("", role="body")
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        tl.addWidget(self.detail)
        self.history = QListWidget()
        self.history.setObjectName("FollowUpSteps")
        tl.addWidget(self.history, 1)
        self.step_text = QLineEdit()
        self.step_text.setMinimumHeight(36)
        self.step_text.returnPressed.connect(self.next_step)
        tl.addWidget(self.step_text)
        self.reached = QCheckBox()
        self.reached.setChecked(True)
        tl.addWidget(self.reached)
        row = QHBoxLayout()
        self.call_back = QPushButton()
        self.rectify = QPushButton()
        self.satisfied = QPushButton()
        self.not_satisfied = QPushButton()
        self.close_ticket = QPushButton()
        for button in (self.call_back, self.rectify, self.satisfied, self.not_satisfied,
                       self.close_ticket):
            button.setMinimumHeight(48)
            row.addWidget(button)
        self.call_back.clicked.connect(lambda: self.record_step("call_back"))
        self.rectify.clicked.connect(lambda: self.record_step("rectify"))
        self.satisfied.clicked.connect(lambda: self.record_step("verdict", satisfied=True))
        self.not_satisfied.clicked.connect(lambda: self.record_step("verdict", satisfied=False))
        self.close_ticket.clicked.connect(lambda: self.record_step("close"))
        tl.addLayout(row)
        self.tabs.addTab(ticket, "")
        # -- a new complaint
        frame, nl = card()
        form = QFormLayout()
        self.way = QComboBox()
        self.way.addItem("", "phone")
        self.way.addItem("", "in_person")
        self.subject = QLineEdit()
        self.contact = QLineEdit()
        self.contact.setMaxLength(20)
        self.comment = QLineEdit()
        self.comment.setMaxLength(500)
        self.reasons = QListWidget()
        self.reasons.setObjectName("ComplaintReasons")
        for reason in REASONS[Rating.VERY_DISSATISFIED]:
            item = QListWidgetItem(reason)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.reasons.addItem(item)
        self._form_labels = [styled_label("", role="body") for _ in range(5)]
        for label, field in zip(
            self._form_labels,
            (self.way, self.subject, self.contact, self.comment, self.reasons),
            strict=True,
        ):
            form.addRow(label, field)
        nl.addLayout(form)
        self.submit = QPushButton()
        self.submit.setProperty("role", "primary")
        self.submit.setMinimumHeight(48)
        self.submit.clicked.connect(self.add_complaint)
        nl.addWidget(self.submit)
        self.tabs.addTab(frame, "")
        outer.addWidget(self.tabs, 3)

        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh)
        self._retranslate()
        self._show(None)

    # -- the list -------------------------------------------------------------------------

    def selected(self) -> FollowUpBody | None:
        return self.work.selected(self._tickets)

    def refresh(self) -> None:
        self._runner.run(
            self._desk.followups.tickets,
            on_done=self._show_tickets,
            on_error=self._failed,
            key=f"followups-{id(self)}",
            owner=self,
        )

    def _show_tickets(self, tickets: list[FollowUpBody]) -> None:
        previous = self.selected()
        self._tickets = list(tickets)
        self.tickets.blockSignals(True)
        self.tickets.clear()
        for t in self._tickets:
            item = QListWidgetItem(self._line(t))
            colour = _WARN_COLOURS.get(t.warning)
            if colour:
                item.setBackground(QBrush(QColor(colour)))
            self.tickets.addItem(item)
        self.tickets.blockSignals(False)
        open_count = sum(1 for t in self._tickets if t.state not in ("verified", "closed"))
        late = sum(1 for t in self._tickets if t.warning == "overdue")
        self.heading.setText(
            arg(self.tr("差评与投诉：待办 %1 件，已超期 %2 件"), open_count, late)
        )
        ids = [t.follow_up_id for t in self._tickets]
        if self._tickets:
            keep = previous.follow_up_id if previous is not None else None
            self.tickets.setCurrentRow(ids.index(keep) if keep in ids else 0)
        self._show(self.selected())
        self.tickets_shown.emit(self._tickets)

    def _line(self, t: FollowUpBody) -> str:
        kind = self.tr("投诉") if t.source == "complaint" else arg(self.tr("差评★%1"), t.level)
        head = f"{kind} · {t.subject or '—'} · {t.state_name}"
        if t.round > 1:
            head += arg(self.tr("（第%1轮）"), t.round)
        if t.countdown:
            head += arg(self.tr("\n整改期限 %1 · %2"), t.rectify_by.isoformat(), t.countdown)
        elif t.rectified_late:
            head += self.tr("\n整改超期")
        return head

    def _show(self, t: FollowUpBody | None) -> None:
        self.step_text.clear()
        self.history.clear()
        if t is None:
            self.detail.setText(self.tr("没有差评或投诉。"))
            self._enable(None)
            return
        lines = [
            arg(self.tr("来源：%1（%2）"), t.channel,
                self.tr("投诉") if t.source == "complaint" else arg(self.tr("★%1"), t.level)),
            arg(self.tr("对象：%1 %2"), t.subject or "—", t.item_name),
            arg(self.tr("原因：%1"), join_list(t.reasons) or "—"),
            arg(self.tr("内容：%1"), t.comment or "—"),
            arg(self.tr("联系电话：%1"), t.contact or self.tr("未留")),
            arg(self.tr("状态：%1 · 整改期限 %2 %3"), t.state_name, t.rectify_by.isoformat(),
                t.countdown),
        ]
        self.detail.setText("\n".join(lines))
        for s in t.steps:
            self.history.addItem(f"{s.at:%Y-%m-%d %H:%M} {s.state_name} · {s.actor_id} · {s.note}")
        self._enable(t)

    def _enable(self, t: FollowUpBody | None) -> None:
        state = t.state if t is not None and not self.busy else ""
        self.call_back.setEnabled(state == "open")
        self.reached.setEnabled(state == "open")
        self.rectify.setEnabled(state == "called_back")
        self.satisfied.setEnabled(state == "rectified")
        self.not_satisfied.setEnabled(state == "rectified")
        self.close_ticket.setEnabled(state in ("open", "called_back", "rectified"))
        self.step_text.setEnabled(bool(state) and state not in ("verified", "closed"))
        hints = {
            "open": self.tr("回访核实情况（Enter 记录回访）"),
            "called_back": self.tr("整改措施（Enter 记录整改）"),
            "rectified": self.tr("评价人意见（认可或不认可）"),
        }
        self.step_text.setPlaceholderText(hints.get(state, ""))

    # -- steps ------------------------------------------------------------------------------

    def next_step(self) -> None:
        """Enter: the step the selected ticket is waiting for (a verdict needs a button)."""
        t = self.selected()
        if t is None:
            return
        if t.state == "open":
            self.record_step("call_back")
        elif t.state == "called_back":
            self.record_step("rectify")

    def record_step(self, step: str, *, satisfied: bool = False) -> None:
        """回访 / 整改 / 评价人意见 / 关闭 for the selected ticket."""
        t = self.selected()
        if t is None or self.busy:
            return
        session = self._counter.require_session()
        request = FollowUpStepRequest(
            step=step,  # type: ignore[arg-type]  # one of the buttons' steps
            actor_id=session.clerk.id,
            role=step_role(session).value,
            text=self.step_text.text().strip(),
            reached=self.reached.isChecked(),
            satisfied=satisfied,
        )
        follow_up_id = t.follow_up_id
        self._busy(True)
        self._runner.run(
            lambda: self._desk.followups.step(follow_up_id, request),
            on_done=self._changed,
            on_error=self._failed,
            owner=self,
        )

    def add_complaint(self) -> None:
        """Enter a complaint taken by phone or in person."""
        reasons = [
            self.reasons.item(i).text()
            for i in range(self.reasons.count())
            if self.reasons.item(i).checkState() == Qt.CheckState.Checked
        ]
        if not reasons:
            self._messages.info(self.tr("请至少勾选一项投诉原因"))
            self.reasons.setFocus()
            return
        if not self.comment.text().strip():
            self._messages.info(self.tr("请记录投诉的具体内容"))
            self.comment.setFocus()
            return
        session = self._counter.require_session()
        way = str(self.way.currentData())
        subject = self.subject.text().strip()
        phone = self.contact.text().strip()
        comment = self.comment.text().strip()
        self._busy(True)
        self._runner.run(
            lambda: self._desk.followups.add_complaint(
                way=way, reasons=reasons, comment=comment, clerk_id=session.clerk.id,
                subject=subject, contact_phone=phone,
            ),
            on_done=self._complaint_added,
            on_error=self._failed,
            owner=self,
        )

    def _complaint_added(self, ticket: FollowUpBody) -> None:
        for field in (self.subject, self.contact, self.comment):
            field.clear()
        for i in range(self.reasons.count()):
            self.reasons.item(i).setCheckState(Qt.CheckState.Unchecked)
        self.tabs.setCurrentIndex(0)
        self._messages.success(
            arg(self.tr("投诉已登记，整改期限 %1"), ticket.rectify_by.isoformat())
        )
        self._changed(ticket)

    def _changed(self, ticket: FollowUpBody) -> None:
        self._busy(False)
        self._tickets = [ticket if t.follow_up_id == ticket.follow_up_id else t
                         for t in self._tickets]
        if ticket.follow_up_id not in {t.follow_up_id for t in self._tickets}:
            self._tickets.insert(0, ticket)
        self._show_tickets(self._tickets)
        ids = [t.follow_up_id for t in self._tickets]
        self.tickets.setCurrentRow(ids.index(ticket.follow_up_id))
        self._messages.success(arg(self.tr("已记录：%1"), ticket.state_name))
        self.ticket_changed.emit(ticket)
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        if not isinstance(error, UserFacingError):
            log.error("follow-up step failed", exc_info=(type(error), error, error.__traceback__))
        self._messages.error(user_text(error))

    def _busy(self, busy: bool) -> None:
        self.busy = busy
        self._enable(self.selected())
        self.submit.setEnabled(not busy)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.step_text.clear()
            return
        super().keyPressEvent(event)

    # -- language ------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("差评与投诉"))
        self.refresh_button.setText(self.tr("刷新 (F5)"))
        self.tabs.setTabText(0, self.tr("整改跟踪"))
        self.tabs.setTabText(1, self.tr("登记投诉"))
        self.reached.setText(self.tr("已联系上评价人"))
        self.call_back.setText(self.tr("记录回访"))
        self.rectify.setText(self.tr("记录整改"))
        self.satisfied.setText(self.tr("评价人认可"))
        self.not_satisfied.setText(self.tr("不认可，重新整改"))
        self.close_ticket.setText(self.tr("关闭（首席代表）"))
        self.way.setItemText(0, self.tr("电话投诉"))
        self.way.setItemText(1, self.tr("现场投诉"))
        for label, text in zip(
            self._form_labels,
            (self.tr("投诉方式"), self.tr("涉及办件/排队号"), self.tr("联系电话"),
             self.tr("投诉内容"), self.tr("投诉原因")),
            strict=True,
        ):
            label.setText(text)
        self.submit.setText(self.tr("登记投诉"))
        self._enable(self.selected())


_NO_GATEWAY = QT_TRANSLATE_NOOP("WindowPages", "未连接前置机：差评整改和投诉登记需要联网")


def _complaints_page(context: PageContext) -> QWidget:
    desk = context.services.desk
    if desk is None:
        return styled_label(QCoreApplication.translate(PAGES_CONTEXT, _NO_GATEWAY), role="body")
    page = ComplaintsPage(
        desk=desk, runner=context.runner, counter=context.desk, messages=context.messages
    )
    page.refresh()
    return page


PAGE = PageSpec(
    key="complaints",
    title=QT_TRANSLATE_NOOP("WindowPages", "差评整改"),
    icon="evaluation",
    factory=_complaints_page,
    roles=frozenset(),
    shortcut="Ctrl+0",
)
