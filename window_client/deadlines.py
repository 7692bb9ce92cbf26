"""补正时限: received cases whose 5-working-day 一次性告知 limit nears or is past.

行政许可法 §32: a correction notice must be issued within 5 working days of receipt,
counted with the synced holiday calendar (调休 included). The page lists every received
case still waiting for its one outcome, most urgent first, coloured by urgency; the
message bar warns as soon as one is due today or overdue.

:class:`CaseStatusFollower` re-applies the platform's case status after each sync
(official numbers, back-office changes) on the catalog thread and tells whoever
listens: this page recounts its warnings, and 收件受理 shows the official number of
the case on screen as soon as it arrives.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.calendar import Countdown, Urgency
from core.case import Role
from sync.cases import CorrectionWarning
from widgets.i18n import arg, is_language_change
from widgets.layout import card, styled_label
from widgets.task_runner import TaskRunner
from window_client.chrome import MessageBar, SyncStatusRelay, user_text
from window_client.pages import PageContext, PageSpec
from window_client.services import WindowServices

log = logging.getLogger(__name__)

COALESCE_MS = 300
"""Sync reports within this long lead to one status refresh."""

CHECK_MS = 10 * 60 * 1000
"""The list is recounted this often while open (the day may turn)."""

_URGENCY_COLOURS = {
    Urgency.OVERDUE: "#FDECEC",
    Urgency.DUE_TODAY: "#FFF6E0",
    Urgency.NEAR: "#FFF6E0",
}


@dataclass(frozen=True, slots=True)
class DeadlineSummary:
    """The warnings and what the message bar should say about them."""

    warnings: tuple[CorrectionWarning, ...]

    @property
    def due_today(self) -> int:
        return sum(1 for w in self.warnings if w.countdown.urgency is Urgency.DUE_TODAY)

    @property
    def overdue(self) -> int:
        return sum(1 for w in self.warnings if w.countdown.urgency is Urgency.OVERDUE)

    @property
    def near(self) -> int:
        return sum(1 for w in self.warnings if w.countdown.urgency is Urgency.NEAR)


def correction_deadlines(services: WindowServices) -> DeadlineSummary:
    """Apply the synced case status, then count the deadlines (blocks: catalog thread)."""
    services.cases.apply_status()
    return DeadlineSummary(tuple(services.cases.correction_warnings(services.calendar)))


class CaseStatusFollower(QObject):
    """After sync activity, applies the platform's case status and says so.

    The engine reports every push and pull; a burst of reports is coalesced with a
    single-shot timer into one ``apply_status`` on the catalog thread (a cheap local
    read when nothing new arrived).

    Signals:
        applied(): local cases were brought up to date with the platform.
    """

    applied = Signal()

    def __init__(
        self,
        *,
        services: WindowServices,
        runner: TaskRunner,
        relay: SyncStatusRelay,
        coalesce_ms: int = COALESCE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(coalesce_ms)
        self._timer.timeout.connect(self._apply)
        relay.changed.connect(lambda _status: self._timer.start())

    def _apply(self) -> None:
        cases = self._services.cases
        self._runner.run_catalog(
            cases.apply_status,
            on_done=lambda applied: self.applied.emit() if applied else None,
            on_error=lambda error: log.warning(
                "case status not applied: %s", type(error).__name__
            ),
            key="case-status-follow",
            owner=self,
        )


def follow_case_status(context: PageContext, page: QWidget, refresh: Callable[[], None]) -> None:
    """Call ``refresh`` after each sync that brought case status (nothing without sync)."""
    services = context.services
    if services.sync_status is None:
        return
    relay = SyncStatusRelay(services.sync_status, page)
    follower = CaseStatusFollower(
        services=services, runner=context.runner, relay=relay, parent=page
    )
    follower.applied.connect(refresh)


class DeadlinesPage(QWidget):
    """补正时限 for the received cases of this window client.

    Signals:
        counted(object): a :class:`DeadlineSummary` was shown.
    """

    counted = Signal(object)

    def __init__(
        self,
        *,
        services: WindowServices,
        runner: TaskRunner,
        messages: MessageBar,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("DeadlinesPage")
        self._services = services
        self._runner = runner
        self._messages = messages
        self.summary: DeadlineSummary | None = None
        frame, box = card(spacing=8)
        self._title = styled_label("", role="subtitle", wrap=False)
        self.badge = styled_label("", role="badge", wrap=False)
        self.badge.setObjectName("DeadlineBadge")
        self._hint = styled_label("", role="muted")
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("DeadlineTable")
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for column, width in enumerate((300, 320, 140, 160)):
            self.table.setColumnWidth(column, width)
        self.refresh_button = QPushButton()
        self.refresh_button.setProperty("role", "secondary")
        self.refresh_button.clicked.connect(self.refresh)
        box.addWidget(self._title)
        box.addWidget(self.badge)
        box.addWidget(self._hint)
        box.addWidget(self.table, 1)
        box.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(frame)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self._retranslate()
        self.refresh()

    def focus_first(self) -> None:
        self.refresh()
        self.table.setFocus()

    def refresh(self) -> None:
        services = self._services
        self._runner.run_catalog(
            lambda: correction_deadlines(services),
            on_done=self._show,
            on_error=lambda error: self._messages.error(user_text(error)),
            key="deadlines",
            owner=self,
        )

    def _show(self, summary: DeadlineSummary) -> None:
        self.summary = summary
        names = {}
        for warning in summary.warnings:
            item_id = warning.case.item_id
            if item_id not in names:
                try:
                    names[item_id] = self._services.catalog.item(item_id).name
                except KeyError:
                    names[item_id] = item_id
        self.table.setRowCount(len(summary.warnings))
        for row, warning in enumerate(summary.warnings):
            countdown = warning.countdown
            cells = (
                warning.case.shown_number,
                names[warning.case.item_id],
                warning.case.applicant,
                countdown.deadline.isoformat(),
                self._left(countdown),
            )
            colour = _URGENCY_COLOURS.get(countdown.urgency)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if colour is not None:
                    cell.setBackground(QBrush(QColor(colour)))
                self.table.setItem(row, column, cell)
        urgent = summary.overdue + summary.due_today
        self.badge.setProperty("role", "badge-danger" if urgent else "badge")
        self.badge.style().unpolish(self.badge)
        self.badge.style().polish(self.badge)
        self.badge.setText(
            arg(
                self.tr("已超期 %1 件 · 今日到期 %2 件 · 即将到期 %3 件 · 待处理共 %4 件"),
                summary.overdue, summary.due_today, summary.near, len(summary.warnings),
            )
        )
        if urgent:
            self._messages.warning(
                arg(
                    self.tr("有 %1 件收件今日到期或已超过 5 个工作日的补正时限, "
                            "请立即出具一次性告知书或受理决定"),
                    urgent,
                )
            )
        self.counted.emit(summary)

    def _left(self, countdown: Countdown) -> str:
        days = countdown.working_days_left
        if countdown.urgency is Urgency.OVERDUE:
            return arg(self.tr("已超期 %1 个工作日"), -days) if days else self.tr("已超期")
        if countdown.urgency is Urgency.DUE_TODAY:
            return self.tr("今日到期")
        return arg(self.tr("剩余 %1 个工作日"), days)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._title.setText(self.tr("补正时限提醒"))
        self._hint.setText(
            self.tr("收件后须在 5 个工作日内一次性告知需补正的全部材料 (按节假日和调休计算)")
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("办件编号"), self.tr("事项"), self.tr("申请人"), self.tr("期限"),
             self.tr("剩余")]
        )
        self.refresh_button.setText(self.tr("刷新"))


def warn_due_deadlines(context: PageContext, owner: QObject) -> None:
    """Check once (at login) and warn on the message bar when a limit is due today or past."""
    services, messages = context.services, context.messages

    def warn(summary: DeadlineSummary) -> None:
        urgent = summary.overdue + summary.due_today
        if urgent:
            messages.warning(
                arg(
                    QCoreApplication.translate(
                        "DeadlinesPage",
                        "有 %1 件收件今日到期或已超过 5 个工作日的补正时限, "
                        "请立即出具一次性告知书或受理决定",
                    ),
                    urgent,
                )
            )

    context.runner.run_catalog(
        lambda: correction_deadlines(services),
        on_done=warn,
        on_error=lambda error: log.warning("deadlines not counted: %s", type(error).__name__),
        key="deadlines-login",
        owner=owner,
    )


def _deadlines_page(context: PageContext) -> QWidget:
    page = DeadlinesPage(
        services=context.services, runner=context.runner, messages=context.messages
    )
    follow_case_status(context, page, page.refresh)
    return page


PAGE = PageSpec(
    key="deadlines",
    title=QT_TRANSLATE_NOOP("WindowPages", "补正时限"),
    icon="clock",
    factory=_deadlines_page,
    roles=frozenset({Role.CLERK, Role.CHIEF}),
    shortcut="Ctrl+Shift+5",
)
