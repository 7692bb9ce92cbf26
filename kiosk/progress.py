"""办件查询: by the receipt's QR code, a typed case number, or 居民码.

A receipt QR (``GT1:KIND:number:code``) or a number finds the case on this terminal
(with the platform's status applied first, so an official number that arrived while
the citizen was away is shown); a 居民码 lists the holder's cases here. The screen
shows the state, the next step, the promised date and the timeline, and prints the
办件进度单 (names masked).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QPushButton, QScrollArea, QVBoxLayout, QWidget

from core.case import STATE_NAMES, Case, CaseRecord
from core.errors import ValidationFailed, msg
from core.identity_code import looks_like_code
from core.search import CatalogQuery
from documents.from_case import progress_paper
from documents.layout import PaperSize
from documents.papers import PaperKind, format_time
from documents.verification import parse_qr_payload
from kiosk.citizen_parts import CodeEntry, MessageLine, action_button, heading, message_of
from kiosk.services import KioskServices
from widgets.i18n import arg, is_language_change
from widgets.layout import clear_layout, styled_label
from widgets.task_runner import TaskRunner

log = logging.getLogger(__name__)

_PAPER_KINDS = {k.value for k in PaperKind}

CASE_TEXT_CONTEXT = "CaseProgress"
CASE_TEXTS = (
    # core.case.STATE_NAMES
    QT_TRANSLATE_NOOP("CaseProgress", "草稿"),
    QT_TRANSLATE_NOOP("CaseProgress", "已收件"),
    QT_TRANSLATE_NOOP("CaseProgress", "已受理"),
    QT_TRANSLATE_NOOP("CaseProgress", "容缺受理"),
    QT_TRANSLATE_NOOP("CaseProgress", "告知承诺受理"),
    QT_TRANSLATE_NOOP("CaseProgress", "待补正"),
    QT_TRANSLATE_NOOP("CaseProgress", "不予受理"),
    QT_TRANSLATE_NOOP("CaseProgress", "审查中"),
    QT_TRANSLATE_NOOP("CaseProgress", "准予办理"),
    QT_TRANSLATE_NOOP("CaseProgress", "不予办理"),
    QT_TRANSLATE_NOOP("CaseProgress", "待领取"),
    QT_TRANSLATE_NOOP("CaseProgress", "已出件"),
    QT_TRANSLATE_NOOP("CaseProgress", "已撤回"),
    # core.case.ACTION_NAMES (the timeline)
    QT_TRANSLATE_NOOP("CaseProgress", "创建办件"),
    QT_TRANSLATE_NOOP("CaseProgress", "收件"),
    QT_TRANSLATE_NOOP("CaseProgress", "补正后重新收件"),
    QT_TRANSLATE_NOOP("CaseProgress", "受理"),
    QT_TRANSLATE_NOOP("CaseProgress", "出具一次性告知书"),
    QT_TRANSLATE_NOOP("CaseProgress", "补齐容缺材料"),
    QT_TRANSLATE_NOOP("CaseProgress", "推送后台审批"),
    QT_TRANSLATE_NOOP("CaseProgress", "窗口办结"),
    QT_TRANSLATE_NOOP("CaseProgress", "办理结果待领取"),
    QT_TRANSLATE_NOOP("CaseProgress", "出件"),
    QT_TRANSLATE_NOOP("CaseProgress", "撤回申请"),
    QT_TRANSLATE_NOOP("CaseProgress", "赋予正式办件编号"),
    # the 办件进度单's next steps (documents.from_case)
    QT_TRANSLATE_NOOP("CaseProgress", "请提交申请"),
    QT_TRANSLATE_NOOP("CaseProgress", "等待窗口审查材料"),
    QT_TRANSLATE_NOOP("CaseProgress", "请按一次性告知书补齐补正材料后再次提交"),
    QT_TRANSLATE_NOOP("CaseProgress", "已受理，等待审批"),
    QT_TRANSLATE_NOOP("CaseProgress", "请在期限内补齐容缺材料"),
    QT_TRANSLATE_NOOP("CaseProgress", "已受理，等待审批；审批后将核查承诺内容"),
    QT_TRANSLATE_NOOP("CaseProgress", "审批中，请耐心等待"),
    QT_TRANSLATE_NOOP("CaseProgress", "已准予办理，等待出件"),
    QT_TRANSLATE_NOOP("CaseProgress", "已作出不予办理决定，请领取决定书"),
    QT_TRANSLATE_NOOP("CaseProgress", "结果已可领取"),
    QT_TRANSLATE_NOOP("CaseProgress", "已办结"),
    QT_TRANSLATE_NOOP("CaseProgress", "已作出不予受理决定"),
    QT_TRANSLATE_NOOP("CaseProgress", "申请已撤回"),
)
"""The case texts the 办件进度单 prints (states, timeline, next steps), marked for
translation so the screen can show them in English; the paper stays Chinese. A test
checks that every text core and documents can produce is listed here."""


def case_text(text: str) -> str:
    """A case state, timeline entry or next step from the 办件进度单, in the current language."""
    return QCoreApplication.translate(CASE_TEXT_CONTEXT, text)


@dataclass(frozen=True, slots=True)
class Found:
    """The cases a query found (one for a number, several for a 居民码)."""

    cases: tuple[Case, ...]


def is_paper_qr(text: str) -> bool:
    """Whether scanned text is one of our papers' QR codes (``GT1:KIND:number:code``).

    A 居民码 also starts with ``GT1:`` (its base45 body may even hold ``:``), so the
    prefix alone does not tell the two apart; the paper kinds do.
    """
    parts = text.strip().split(":")
    return len(parts) == 4 and parts[1].upper() in _PAPER_KINDS  # noqa: PLR2004


class ProgressScreen(QWidget):
    """办件查询.

    Args:
        services: the kiosk's citizen services.
        catalog: the items cases are for.
        runner: look-ups and printing off the GUI thread.
        terminal_id: printed on the progress sheet.
        parent: the Qt parent.

    Signals:
        shown(str): a case's progress is on screen (its number as shown).
    """

    shown = Signal(str)

    def __init__(
        self, *, services: KioskServices, catalog: CatalogQuery, runner: TaskRunner,
        terminal_id: str, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._catalog = catalog
        self._runner = runner
        self._terminal = terminal_id
        self._cases: tuple[Case, ...] = ()
        self._current: Case | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 24)
        layout.setSpacing(12)
        self._title = heading(name="ProgressTitle")
        self._hint = styled_label("", role="muted")
        layout.addWidget(self._title)
        layout.addWidget(self._hint)
        self.message = MessageLine(name="ProgressMessage")
        layout.addWidget(self.message)
        # a long timeline (or several cases) scrolls here instead of pushing the
        # kiosk's window past the bottom of the screen
        found = QWidget()
        found_layout = QVBoxLayout(found)
        found_layout.setContentsMargins(0, 0, 0, 0)
        found_layout.setSpacing(12)
        self._list = QVBoxLayout()
        found_layout.addLayout(self._list)
        self.state = styled_label("", role="subtitle")
        self.state.setObjectName("ProgressState")
        self.details = styled_label("", role="body")
        self.details.setObjectName("ProgressDetails")
        found_layout.addWidget(self.state)
        found_layout.addWidget(self.details)
        self.print_button = action_button(name="ProgressPrint")
        self.print_button.clicked.connect(self.print_sheet)
        self.print_button.hide()
        found_layout.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)
        found_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("ProgressFound")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(found)
        layout.addWidget(scroll, 1)
        self.entry = CodeEntry(name="ProgressCode")
        self.entry.submitted.connect(self.query)
        layout.addWidget(self.entry)
        self._retranslate()

    def reset(self) -> None:
        self.forget_personal_data()

    def holds_personal_data(self) -> bool:
        return bool(self._cases)

    def forget_personal_data(self) -> None:
        self._cases = ()
        self._current = None
        self.entry.field.setText("")
        self.state.setText("")
        self.details.setText("")
        self.print_button.hide()
        self.entry.show()  # the next person types a number again
        clear_layout(self._list)
        self.message.clear_message()

    def current(self) -> Case | None:
        return self._current

    def handle_scan(self, event: object) -> None:
        """A receipt QR or a 居民码 scanned on this screen."""
        self.query(str(getattr(event, "text", "")))

    def query(self, text: str) -> None:
        """Look a case up by QR text, number or 居民码."""
        services = self._services
        catalog = self._catalog
        text = text.strip()
        if not text:
            return

        def by_id() -> str | None:
            if is_paper_qr(text):
                return parse_qr_payload(text).number
            if looks_like_code(text):
                return None
            return text.upper()

        def work() -> Found:
            number = by_id()
            services.cases.apply_status()
            if number is not None:
                record = services.cases.record(number)
                if record is None:
                    raise ValidationFailed(
                        msg("本终端没有查到该办件。在其他地方申请的办件，请登录“爱山东”APP或到窗口查询"),
                        code="progress.unknown",
                    )
                return Found((self._case(record, catalog),))
            resolved = services.codes.resolve(text, purpose="query")
            records = [
                r for r in (services.cases.record(s.number)
                            for s in services.cases.list_cases(limit=200))
                if r is not None and r.applicant.id_number == resolved.id_number
            ]
            if not records:
                raise ValidationFailed(msg("本终端没有查到您的办件"), code="progress.none")
            return Found(tuple(self._case(r, catalog) for r in records))

        self.message.notice(self.tr("正在查询，请稍候…"))
        self._runner.run_catalog(work, on_done=self._on_found, on_error=self._on_error,
                                 key="kiosk-progress", owner=self)

    def _case(self, record: CaseRecord, catalog: CatalogQuery) -> Case:
        services = self._services
        return Case(record=record, item=catalog.item(record.item_id), clock=services.clock,
                    calendar=services.calendar)

    def _on_found(self, found: Found) -> None:
        self._cases = found.cases
        self.entry.field.setText("")
        self.message.clear_message()
        clear_layout(self._list)
        if len(found.cases) == 1:
            self.show_case(found.cases[0])
            return
        for case in found.cases:
            button = QPushButton(arg(self.tr("%1　%2　%3"), case.number, case.item.name,
                                     case_text(STATE_NAMES[case.state])))
            button.setObjectName(f"case-{case.record.number}")
            button.setProperty("role", "row")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, c=case: self.show_case(c))
            self._list.addWidget(button)

    def show_case(self, case: Case) -> None:
        """Draw one case's progress."""
        self._current = case
        paper = progress_paper(case, hall=self._services.hall, terminal_id=self._terminal,
                               at=self._services.clock.now())
        self.state.setText(arg(self.tr("办件编号 %1　当前状态：%2"), case.number,
                               case_text(paper.state)))
        lines = [
            arg(self.tr("事项：%1"), case.item.name),
            arg(self.tr("下一步：%1"), case_text(paper.next_step)),
            arg(self.tr("办结期限：%1"), paper.deadline.isoformat() if paper.deadline else "—"),
        ]
        if case.record.official_number is None:
            lines.append(self.tr("（临时编号，网络恢复后取得正式编号）"))
        # %3 is the ISO form of the moment, for a language that writes dates that way.
        lines += [arg(self.tr("%1　%2"), format_time(e.at), case_text(e.what),
                      f"{e.at:%Y-%m-%d %H:%M}")
                  for e in paper.events]
        self.details.setText("\n".join(lines))
        self.print_button.show()
        self.entry.hide()
        self.shown.emit(case.number)

    def print_sheet(self) -> None:
        """打印办件进度单 (80 mm, names masked)."""
        case = self._current
        if case is None:
            return
        services = self._services
        terminal = self._terminal

        def work() -> str:
            paper = progress_paper(case, hall=services.hall, terminal_id=terminal,
                                   at=services.clock.now())
            rendered = services.papers.progress(paper, size=PaperSize.RECEIPT_80MM)
            return services.print_queue.submit(
                rendered.pdf, paper="progress", title=f"办件进度单 {case.number}",
                printer=services.receipt_printer, case_ref=case.record.number,
            )

        self._runner.run(work, on_done=lambda _job: self.message.notice(
            self.tr("办件进度单正在打印，请取走")), on_error=self._on_error, owner=self)

    def _on_error(self, error: BaseException) -> None:
        self.message.error(message_of(error))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._title.setText(self.tr("办件查询"))
        self._hint.setText(self.tr("请扫描受理凭证上的二维码或居民码，或输入办件编号"))
        self.print_button.setText(self.tr("打印办件进度单"))
        self.entry.retranslate()
        if self._current is not None:
            self.show_case(self._current)
