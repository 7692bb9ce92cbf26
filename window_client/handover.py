"""移交后台: the 材料移交清单 for the day's accepted cases, and 推送后台 (forward).

Front-desk acceptance, back-office approval (前台综合受理、后台分类审批, 004 二(一)3–4):
the clerk ticks the accepted cases going to one department, prints the 材料移交清单
(paper materials only: e-licences and shared data travel electronically) through the
durable print queue, and pushes the cases to the back office. 推送后台 is the
``forward`` step of each case (:meth:`core.case.Case.forward`) with the list's number as
its reference, saved with its ``case.transition_requested`` outbox event; offline it
waits for the official number and goes out with the next sync.
"""

from __future__ import annotations

import datetime as _dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.accounts import ClerkSession
from core.case import Case, CaseState, MarkKind, Role
from core.clock import hall_date
from core.errors import UserFacingError, ValidationFailed, msg
from documents.from_case import PaperData, handover_paper
from widgets.i18n import arg, is_language_change
from widgets.layout import card, styled_label
from widgets.task_runner import TaskRunner
from window_client.chrome import MessageBar, user_text
from window_client.pages import PageContext, PageSpec
from window_client.services import WindowServices

log = logging.getLogger(__name__)

LIST_STYLE = (
    "QListWidget::item { padding: 6px 8px; }"
    " QListWidget::item:selected { background: #DCE6F5; color: #0B2A5B; }"
)
"""Selected rows stay readable (the theme leaves list selection to the platform)."""

FORWARDABLE: tuple[CaseState, ...] = (CaseState.ACCEPTED, CaseState.ACCEPTED_ON_COMMITMENT)
"""Cases accepted outright (or on commitment) go to the back office for approval."""


@dataclass(frozen=True, slots=True)
class HandoverLine:
    """An accepted case waiting to go to the back office (masked applicant)."""

    number: str
    shown_number: str
    item_name: str
    department: str
    applicant: str
    paper_materials: int


@dataclass(frozen=True, slots=True)
class PrintedList:
    """A 材料移交清单 sent to the printer."""

    list_number: str
    cases: tuple[str, ...]
    job_id: str
    pdf: bytes


@dataclass(frozen=True, slots=True)
class Forwarded:
    """Cases pushed to the back office."""

    numbers: tuple[str, ...]
    handover_ref: str


class HandoverDesk:
    """The handover steps over the local store; every call blocks (catalog thread).

    Args:
        services: the window client's services.
    """

    def __init__(self, *, services: WindowServices) -> None:
        self._services = services

    def _load(self, number: str) -> Case:
        services = self._services
        record = services.cases.record(number)
        if record is None:
            raise ValidationFailed(msg("本机没有这个办件"), code="case.unknown")
        item = services.catalog.item(record.item_id)
        return services.cases.load(number, item=item, calendar=services.calendar)

    def waiting(self, *, day: _dt.date | None = None) -> list[HandoverLine]:
        """This terminal's accepted cases of ``day`` (default today) not yet forwarded."""
        services = self._services
        services.cases.apply_status()
        today = day or hall_date(services.clock.now())
        lines = []
        for summary in services.cases.list_cases(states=FORWARDABLE, day=today):
            case = self._load(summary.number)
            paper = sum(
                1 for c in case.checklist() if c.mark is not None and c.mark.kind is MarkKind.PAPER
            )
            lines.append(
                HandoverLine(
                    number=summary.number,
                    shown_number=summary.shown_number,
                    item_name=case.item.name,
                    department=case.item.department,
                    applicant=summary.applicant,
                    paper_materials=paper,
                )
            )
        return lines

    def print_list(
        self, numbers: Sequence[str], *, to_department: str, session: ClerkSession
    ) -> PrintedList:
        """Lay out the 材料移交清单 of ``numbers`` and queue it for printing.

        Raises:
            ValidationFailed: no case chosen, no department, or no paper materials.
        """
        if not numbers:
            raise ValidationFailed(msg("请勾选要移交的办件"), code="handover.none")
        if not to_department.strip():
            raise ValidationFailed(msg("请填写接收材料的后台部门"), code="handover.department")
        services = self._services
        cases = [self._load(n) for n in numbers]
        now = services.clock.now()
        list_number = f"YJ{services.terminal_id}{now:%Y%m%d%H%M%S}"
        try:
            paper = handover_paper(
                cases,
                hall=services.catalog.hall(services.hall_id),
                terminal_id=services.terminal_id,
                to_department=to_department.strip(),
                list_number=list_number,
                handed_by=session.clerk.name,
                at=now,
            )
        except PaperData:
            raise ValidationFailed(
                msg("所选办件没有纸质材料需要移交 (电子证照和共享数据随办件推送)"),
                code="handover.no_paper",
            ) from None
        rendered = services.papers.render(paper)
        job = services.print_queue.submit(
            rendered.pdf,
            paper=rendered.kind.value,
            title=f"材料移交清单 {list_number}",
            printer=services.a4_printer,
            case_ref=list_number,
        )
        services.audit.decided(
            session.clerk.id,
            f"handover:{list_number}",
            "handover.printed",
            details={"cases": [c.number for c in cases], "department": to_department.strip()},
        )
        log.info("handover list %s printed for %d cases", list_number, len(cases))
        return PrintedList(
            list_number=list_number,
            cases=tuple(c.number for c in cases),
            job_id=job,
            pdf=rendered.pdf,
        )

    def forward(
        self, numbers: Sequence[str], *, handover_ref: str, session: ClerkSession
    ) -> Forwarded:
        """推送后台: the ``forward`` step of each case, saved with its outbox event.

        Raises:
            ValidationFailed: nothing chosen; IllegalTransition / NotPermitted from the
                case rules (a case that is no longer accepted, a role that may not).
        """
        if not numbers:
            raise ValidationFailed(msg("请勾选要推送后台的办件"), code="handover.none")
        services = self._services
        actor = session.actor(Role.CLERK if session.clerk.has(Role.CLERK) else Role.CHIEF)
        done = []
        for number in numbers:
            case = self._load(number)
            case.forward(actor, handover_ref=handover_ref)
            services.cases.save(case)
            done.append(number)
        services.nudge_sync()
        log.info("%d cases forwarded to the back office", len(done))
        return Forwarded(numbers=tuple(done), handover_ref=handover_ref)


class HandoverPage(QWidget):
    """移交后台: tick cases, print the 材料移交清单, push them to the back office.

    Keys: Space ticks the case under the cursor, Ctrl+P prints the list, Ctrl+Enter
    pushes the ticked cases.

    Signals:
        printed(object): a :class:`PrintedList` went to the print queue.
        forwarded(object): :class:`Forwarded` cases were saved.
    """

    printed = Signal(object)
    forwarded = Signal(object)

    def __init__(  # noqa: PLR0915 - the page's widgets, built once
        self,
        *,
        desk: HandoverDesk,
        runner: TaskRunner,
        session: Callable[[], ClerkSession],
        messages: MessageBar,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("HandoverPage")
        self._desk = desk
        self._runner = runner
        self._session = session
        self._messages = messages
        self._lines: list[HandoverLine] = []
        self.last_list: PrintedList | None = None
        self._busy = False

        frame, box = card(spacing=8)
        self._title = styled_label("", role="subtitle", wrap=False)
        self._hint = styled_label("", role="muted")
        self.case_list = QListWidget()
        self.case_list.setStyleSheet(LIST_STYLE)
        self.case_list.setObjectName("HandoverCases")
        self.department = QLineEdit()
        self.department.setObjectName("HandoverDepartment")
        self.list_ref = QLineEdit()
        self.list_ref.setObjectName("HandoverRef")
        form = QFormLayout()
        self._department_label = styled_label("", wrap=False)
        self._ref_label = styled_label("", wrap=False)
        form.addRow(self._department_label, self.department)
        form.addRow(self._ref_label, self.list_ref)
        self.print_button = QPushButton()
        self.print_button.setObjectName("PrintHandover")
        self.print_button.setProperty("role", "secondary")
        self.print_button.clicked.connect(self.print_list)
        self.forward_button = QPushButton()
        self.forward_button.setObjectName("ForwardCases")
        self.forward_button.setProperty("role", "primary")
        self.forward_button.clicked.connect(self.forward)
        self.refresh_button = QPushButton()
        self.refresh_button.setProperty("role", "secondary")
        self.refresh_button.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.forward_button)
        box.addWidget(self._title)
        box.addWidget(self._hint)
        box.addWidget(self.case_list, 1)
        box.addLayout(form)
        box.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(frame)
        for sequence, slot in (
            ("Ctrl+P", self.print_list),
            ("Ctrl+Return", self.forward),
            ("Ctrl+Enter", self.forward),
        ):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.case_list.itemChanged.connect(lambda _i: self._suggest_department())
        self._retranslate()
        self.refresh()

    def focus_first(self) -> None:
        self.refresh()
        self.case_list.setFocus()

    def refresh(self) -> None:
        self._runner.run_catalog(
            self._desk.waiting, on_done=self._show, on_error=self._failed,
            key="handover-cases", owner=self,
        )

    def ticked(self) -> list[str]:
        """The numbers of the ticked cases."""
        out = []
        for row, line in enumerate(self._lines):
            item = self.case_list.item(row)
            if item is not None and item.checkState() is Qt.CheckState.Checked:
                out.append(line.number)
        return out

    def tick(self, number: str, on: bool = True) -> None:
        for row, line in enumerate(self._lines):
            item = self.case_list.item(row)
            if item is not None and number in (line.number, line.shown_number):
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def print_list(self) -> None:
        if self._busy:
            return
        desk, numbers = self._desk, self.ticked()
        department, session = self.department.text(), self._session()
        self._busy = True
        self._runner.run_catalog(
            lambda: desk.print_list(numbers, to_department=department, session=session),
            on_done=self._printed,
            on_error=self._failed,
            key="handover-print",
            owner=self,
        )

    def forward(self) -> None:
        if self._busy:
            return
        desk, numbers = self._desk, self.ticked()
        ref, session = self.list_ref.text().strip(), self._session()
        self._busy = True
        self._runner.run_catalog(
            lambda: desk.forward(numbers, handover_ref=ref, session=session),
            on_done=self._forwarded,
            on_error=self._failed,
            key="handover-forward",
            owner=self,
        )

    def _printed(self, printed: PrintedList) -> None:
        self._busy = False
        self.last_list = printed
        self.list_ref.setText(printed.list_number)
        self._messages.success(
            arg(self.tr("材料移交清单 %1 已送打印 (%2 件); Ctrl+Enter 推送后台"),
                printed.list_number, len(printed.cases))
        )
        self.printed.emit(printed)

    def _forwarded(self, done: Forwarded) -> None:
        self._busy = False
        self._messages.success(
            arg(self.tr("已推送后台 %1 件, 联网后同步到平台"), len(done.numbers))
        )
        self.list_ref.clear()
        self.forwarded.emit(done)
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        if not isinstance(error, UserFacingError):
            log.error("handover step failed", exc_info=(type(error), error, error.__traceback__))
        self._messages.error(user_text(error))

    def _show(self, lines: list[HandoverLine]) -> None:
        ticked = set(self.ticked())
        self._lines = lines
        self.case_list.blockSignals(True)
        self.case_list.clear()
        for line in lines:
            text = arg(
                self.tr("%1 · %2 · %3 · 纸质材料 %4 件 → %5"),
                line.shown_number, line.item_name, line.applicant, line.paper_materials,
                line.department,
            )
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if line.number in ticked else Qt.CheckState.Unchecked
            )
            self.case_list.addItem(item)
        self.case_list.blockSignals(False)
        if lines and self.case_list.currentRow() < 0:
            self.case_list.setCurrentRow(0)
        self._hint.setText(
            arg(self.tr("今日待推送后台的受理办件 %1 件 (空格勾选)"), len(lines))
            if lines
            else self.tr("今日没有待推送后台的受理办件")
        )

    def _suggest_department(self) -> None:
        if self.department.text().strip():
            return
        chosen = {line.department for line in self._lines if line.number in self.ticked()}
        if len(chosen) == 1:
            self.department.setText(chosen.pop())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._title.setText(self.tr("材料移交与推送后台"))
        self._department_label.setText(self.tr("接收部门"))
        self._ref_label.setText(self.tr("移交清单编号"))
        self.department.setPlaceholderText(self.tr("后台审批部门 (按所选办件自动填写)"))
        self.list_ref.setPlaceholderText(self.tr("打印清单后自动填写; 无纸质材料可空"))
        self.print_button.setText(self.tr("打印材料移交清单 (Ctrl+P)"))
        self.forward_button.setText(self.tr("推送后台 (Ctrl+Enter)"))
        self.refresh_button.setText(self.tr("刷新"))


def _handover_page(context: PageContext) -> QWidget:
    return HandoverPage(
        desk=HandoverDesk(services=context.services),
        runner=context.runner,
        session=context.desk.require_session,
        messages=context.messages,
    )


PAGE = PageSpec(
    key="handover",
    title=QT_TRANSLATE_NOOP("WindowPages", "移交后台"),
    icon="departments",
    factory=_handover_page,
    roles=frozenset({Role.CLERK, Role.CHIEF}),
    shortcut="Ctrl+Shift+4",
)
