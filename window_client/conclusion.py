"""窗口办结 ("最多签两次"): items the hall may decide are concluded at the window.

For an accepted case of a ``window_decidable`` item, the clerk writes the opinion and a
首席代表 signs on the spot with their own account and password (checked by
:mod:`core.accounts`, never remembered). :meth:`core.case.Case.decide_at_window`
enforces the two signatures by different people; the result record (its document
number) is registered at once, so the case is 待领取 and goes on to 统一出件. Both
steps are saved with their outbox events and audit entries in one transaction and
work offline (the requests wait for the official number).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from core.accounts import Accounts, ClerkSession
from core.case import CaseState, Role
from core.errors import NotPermitted, UserFacingError, ValidationFailed, msg
from widgets.i18n import arg, is_language_change
from widgets.layout import card, styled_label
from widgets.task_runner import TaskRunner
from window_client.chrome import MessageBar, user_text
from window_client.pages import CounterDesk, PageContext, PageSpec
from window_client.services import WindowServices
from window_client.work_list import WorkList

log = logging.getLogger(__name__)

_DECIDABLE_FROM = (CaseState.ACCEPTED, CaseState.ACCEPTED_ON_COMMITMENT)


@dataclass(frozen=True, slots=True)
class Decidable:
    """An accepted case the window may conclude (masked applicant only)."""

    number: str
    shown_number: str
    item_name: str
    situation: str
    applicant: str
    state: CaseState
    result_name: str


@dataclass(frozen=True, slots=True)
class Concluded:
    """A case concluded at the window: approved and its result ready to hand out."""

    number: str
    shown_number: str
    chief_name: str
    result_ref: str


class ConclusionDesk:
    """The 窗口办结 steps over the local store; every call blocks (catalog thread).

    Args:
        services: the window client's services.
    """

    def __init__(self, *, services: WindowServices) -> None:
        self._services = services

    def decidable(self) -> list[Decidable]:
        """This terminal's accepted cases whose item may be decided at the window."""
        services = self._services
        services.cases.apply_status()
        out: list[Decidable] = []
        for summary in services.cases.list_cases(states=_DECIDABLE_FROM):
            try:
                item = services.catalog.item(summary.item_id)
            except KeyError:
                continue
            if not item.window_decidable:
                continue
            try:
                situation = item.situation(summary.situation_id).name
            except KeyError:
                situation = ""
            out.append(
                Decidable(
                    number=summary.number,
                    shown_number=summary.shown_number,
                    item_name=item.name,
                    situation=situation,
                    applicant=summary.applicant,
                    state=summary.state,
                    result_name=item.result_name,
                )
            )
        return out

    def conclude(  # noqa: PLR0913 - the two signatures and what they sign
        self,
        number: str,
        *,
        session: ClerkSession,
        opinion: str,
        result_ref: str,
        chief_id: str,
        chief_password: str,
    ) -> Concluded:
        """Decide at the window with a 首席代表's signature and register the result.

        Raises:
            ValidationFailed: no chief credentials, no result number, item not decidable.
            LoginRefused / AccountLocked: the chief's credentials are wrong.
            NotPermitted: the second signer is not a 首席代表 of this hall, or is the
                clerk themself.
        """
        if not chief_id.strip() or not chief_password:
            raise NotPermitted(
                msg("窗口办结须经办人和首席代表两人签批：请首席代表输入账号和密码"),
                code="conclusion.needs_chief",
            )
        if not result_ref.strip():
            raise ValidationFailed(msg("请填写办理结果文书编号（证照编号或批准文号）"),
                                   code="case.result_ref")
        services = self._services
        record = services.cases.record(number)
        if record is None:
            raise ValidationFailed(msg("本机没有这个办件"), code="case.unknown")
        item = services.catalog.item(record.item_id)
        case = services.cases.load(number, item=item, calendar=services.calendar)
        actor = session.actor(Role.CLERK if session.clerk.has(Role.CLERK) else Role.CHIEF)
        accounts: Accounts = services.accounts
        chief = accounts.login(chief_id, chief_password, window=session.window)
        if not chief.clerk.has(Role.CHIEF) or chief.clerk.hall_id != session.clerk.hall_id:
            raise NotPermitted(msg("该账号不是本大厅的首席代表，不能签批窗口办结"),
                               code="conclusion.not_chief")
        chief_actor = chief.actor(Role.CHIEF)
        case.decide_at_window(actor, chief=chief_actor, opinion=opinion)
        case.publish_result(chief_actor, result_ref=result_ref)
        services.cases.save(case)
        services.nudge_sync()
        log.info("case %s concluded at the window", number)
        return Concluded(
            number=number,
            shown_number=case.number,
            chief_name=chief.clerk.name,
            result_ref=result_ref.strip(),
        )


class ConclusionPage(QWidget):
    """窗口办结: accepted cases of window-decidable items, opinion, chief's signature.

    Keyboard: Enter moves through the fields and signs on the last, Esc clears the
    form, F5 refreshes.

    Signals:
        cases_shown(object): the list of :class:`Decidable` was rendered.
        concluded(object): a :class:`Concluded` came back.
    """

    cases_shown = Signal(object)
    concluded = Signal(object)

    def __init__(  # noqa: PLR0915 - the page's widgets, built once
        self,
        *,
        desk: ConclusionDesk,
        runner: TaskRunner,
        counter: CounterDesk,
        messages: MessageBar,
        open_page: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._counter = counter
        self._messages = messages
        self._open_page = open_page
        self._cases: list[Decidable] = []
        self.last: Concluded | None = None
        self.busy = False

        outer = QHBoxLayout(self)
        self.work = WorkList.add_to(
            outer, name="DecidableCases", chosen=self._chosen, refresh=self.refresh
        )
        self.heading, self.cases = self.work.heading, self.work.items
        self.refresh_button = self.work.refresh_button

        frame, right = card()
        self.detail = styled_label("", role="body", wrap=False)
        right.addWidget(self.detail)
        self.rule = styled_label("", role="caption")
        right.addWidget(self.rule)
        form = QFormLayout()
        self.opinion = QLineEdit()
        self.result_ref = QLineEdit()
        self.chief_account = QLineEdit()
        self.chief_password = QLineEdit()
        self.chief_password.setEchoMode(QLineEdit.EchoMode.Password)
        self._labels = [styled_label("", role="body") for _ in range(4)]
        for label, field in zip(
            self._labels,
            (self.opinion, self.result_ref, self.chief_account, self.chief_password),
            strict=True,
        ):
            field.setMinimumHeight(36)
            form.addRow(label, field)
        right.addLayout(form)
        self.outcome = styled_label("", role="body")
        self.outcome.setMinimumHeight(48)
        right.addWidget(self.outcome)
        right.addStretch(1)
        buttons = QHBoxLayout()
        self.sign = QPushButton()
        self.sign.setProperty("role", "primary")
        self.sign.setMinimumHeight(52)
        self.sign.setAutoDefault(True)
        self.sign.clicked.connect(self.conclude_selected)
        buttons.addWidget(self.sign, 2)
        self.to_issuing = QPushButton()
        self.to_issuing.setMinimumHeight(52)
        self.to_issuing.setAutoDefault(True)  # Enter on the focused button opens 统一出件
        self.to_issuing.clicked.connect(self._go_issuing)
        self.to_issuing.setEnabled(False)
        buttons.addWidget(self.to_issuing, 1)
        right.addLayout(buttons)
        outer.addWidget(frame, 3)

        self.opinion.returnPressed.connect(self.result_ref.setFocus)
        self.result_ref.returnPressed.connect(self.chief_account.setFocus)
        self.chief_account.returnPressed.connect(self.chief_password.setFocus)
        self.chief_password.returnPressed.connect(self.conclude_selected)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh)
        self._retranslate()
        self._show(None)

    def selected(self) -> Decidable | None:
        return self.work.selected(self._cases)

    def refresh(self) -> None:
        self._runner.run_catalog(
            self._desk.decidable,
            on_done=self._show_cases,
            on_error=self._failed,
            key=f"conclusion-list-{id(self)}",
            owner=self,
        )

    def _show_cases(self, cases: list[Decidable]) -> None:
        self._cases = cases
        self.cases.blockSignals(True)
        self.cases.clear()
        for c in cases:
            self.cases.addItem(arg(self.tr("%1  %2\n%3 · 申请人 %4"), c.shown_number, c.item_name,
                                   c.situation, c.applicant))
        self.cases.blockSignals(False)
        self.heading.setText(arg(self.tr("可窗口办结的办件（%1 件）"), len(cases)))
        if cases:
            self.cases.setCurrentRow(0)
            self._show(cases[0])
        else:
            self._show(None)
        self.cases_shown.emit(cases)

    def _chosen(self, row: int) -> None:
        self._show(self._cases[row] if 0 <= row < len(self._cases) else None)

    def _show(self, case: Decidable | None) -> None:
        for field in (self.opinion, self.result_ref, self.chief_account, self.chief_password):
            field.clear()
        self.sign.setEnabled(case is not None and not self.busy)
        if case is None:
            self.detail.setText(self.tr("没有可在窗口办结的办件（仅限已受理、可即办的事项）。"))
            return
        self.detail.setText(
            "\n".join(
                (
                    arg(self.tr("办件编号：%1"), case.shown_number),
                    arg(self.tr("事项：%1（%2）"), case.item_name, case.situation),
                    arg(self.tr("申请人：%1"), case.applicant),
                    arg(self.tr("办理结果：%1"), case.result_name),
                )
            )
        )
        self.opinion.setText(self.tr("材料齐全，符合法定形式，同意办理"))
        self.opinion.setFocus()
        self.opinion.selectAll()

    def conclude_selected(self) -> None:
        """Sign: the clerk's opinion plus the 首席代表's account and password."""
        case = self.selected()
        if case is None or self.busy:
            return
        session = self._counter.require_session()
        number = case.number
        opinion = self.opinion.text().strip()
        result_ref = self.result_ref.text().strip()
        chief_id = self.chief_account.text().strip()
        password = self.chief_password.text()
        self.chief_password.clear()  # never kept beyond this one check
        self.busy = True
        self.sign.setEnabled(False)
        self._runner.run_catalog(
            lambda: self._desk.conclude(number, session=session, opinion=opinion,
                                        result_ref=result_ref, chief_id=chief_id,
                                        chief_password=password),
            on_done=self._done,
            on_error=self._failed,
            owner=self,
        )

    def _done(self, done: Concluded) -> None:
        self.busy = False
        self.last = done
        text = arg(self.tr("%1 已窗口办结（首席代表 %2 签批），结果文书 %3 待出件。"),
                   done.shown_number, done.chief_name, done.result_ref)
        self.outcome.setText(text)
        self._messages.success(text, seconds=0)
        self.to_issuing.setEnabled(True)
        self.to_issuing.setFocus()
        self.concluded.emit(done)
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        if not isinstance(error, UserFacingError):
            log.error("conclusion failed", exc_info=(type(error), error, error.__traceback__))
        text = user_text(error)
        self.outcome.setText(text)
        self._messages.error(text)
        self.sign.setEnabled(self.selected() is not None)
        empty = next((f for f in (self.result_ref, self.chief_account) if not f.text().strip()),
                     self.chief_password)
        empty.setFocus()

    def _go_issuing(self) -> None:
        if self._open_page is not None:
            self._open_page("issuing")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self._show(self.selected())
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("可窗口办结的办件"))
        self.refresh_button.setText(self.tr("刷新 (F5)"))
        self.rule.setText(self.tr("最多签两次：经办人提出意见，首席代表当场输入本人账号和密码签批；"
                                  "同一人不能签两次。"))
        for label, text in zip(
            self._labels,
            (self.tr("经办人意见"), self.tr("结果文书编号"), self.tr("首席代表账号"),
             self.tr("首席代表密码")),
            strict=True,
        ):
            label.setText(text)
        self.result_ref.setPlaceholderText(self.tr("证照编号或批准文号"))
        self.sign.setText(self.tr("签批办结 (Enter)"))
        self.to_issuing.setText(self.tr("去统一出件"))


def _conclusion_page(context: PageContext) -> QWidget:
    page = ConclusionPage(
        desk=ConclusionDesk(services=context.services),
        runner=context.runner,
        counter=context.desk,
        messages=context.messages,
        open_page=context.open_page,
    )
    page.refresh()
    return page


PAGE = PageSpec(
    key="conclusion",
    title=QT_TRANSLATE_NOOP("WindowPages", "窗口办结"),
    icon="progress",
    factory=_conclusion_page,
    roles=frozenset({Role.CLERK, Role.CHIEF}),
    shortcut="Ctrl+7",
)
