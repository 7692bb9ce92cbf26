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
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from core.case import STATE_NAMES, Case, CaseRecord, CaseState
from core.errors import ValidationFailed, msg
from core.identity_code import looks_like_code
from core.search import CatalogQuery
from documents.from_case import progress_paper
from documents.layout import PaperSize
from documents.papers import PaperKind, ProgressEvent, format_date, format_time
from documents.verification import parse_qr_payload
from kiosk.citizen_parts import CodeEntry, action_button, message_of
from kiosk.services import KioskServices
from widgets.i18n import arg, is_language_change, translate_text
from widgets.layout import MessageLine, clear_layout, heading, restyle, styled_label
from widgets.task_runner import TaskRunner
from widgets.theme import resolve_colour

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


class TimelineRail(QWidget):
    """The dot and line beside one step of the timeline.

    The line joins the dots above and below (none above the newest step, none below
    the oldest); the newest step's dot is filled in the hall's blue and ringed, the
    older ones are hollow, so where the case stands is seen before anything is read.

    Args:
        newest: the step at the top (the state the case is in now).
        oldest: the step at the bottom (no line under it).
        dot_at: the height of the centre of the step's first line of text.
        parent: the Qt parent.
    """

    WIDTH = 40

    def __init__(
        self, *, newest: bool, oldest: bool, dot_at: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._newest = newest
        self._oldest = oldest
        self._dot_at = dot_at
        self.setFixedWidth(self.WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)

    def is_newest(self) -> bool:
        return self._newest

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        centre = self.WIDTH // 2
        line = QPen(QColor(resolve_colour("border")), 4)
        painter.setPen(line)
        if not self._newest:
            painter.drawLine(centre, 0, centre, self._dot_at)
        if not self._oldest:
            painter.drawLine(centre, self._dot_at, centre, self.height())
        primary = QColor(resolve_colour("primary"))
        if self._newest:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(resolve_colour("primary_light")))
            painter.drawEllipse(QPoint(centre, self._dot_at), 18, 18)
            painter.setBrush(primary)
            painter.drawEllipse(QPoint(centre, self._dot_at), 10, 10)
        else:
            painter.setPen(QPen(QColor(resolve_colour("muted")), 3))
            painter.setBrush(QColor(resolve_colour("surface")))
            painter.drawEllipse(QPoint(centre, self._dot_at), 8, 8)
        painter.end()


_BADGE_ROLES = {
    CaseState.REJECTED: "badge-danger",
    CaseState.DENIED: "badge-danger",
    CaseState.CORRECTION_REQUESTED: "badge-danger",
    CaseState.RESULT_READY: "good",
    CaseState.DELIVERED: "good",
    CaseState.APPROVED: "good",
}
"""How a state's badge looks: red where the citizen must act or was refused, green
where the result is there; blue (``badge``) while the hall is at work."""

PROGRESS_SIDE_BY_SIDE = 1300
"""From this width on (a landscape display) the timeline stands beside the case card."""


class ProgressScreen(QWidget):
    """办件查询.

    A case on screen is a card (its number with the state as a badge, the item, the
    next step, the promised date and the working days left) and its timeline, newest
    step first: a dot and a line, the time, what happened. Beside each other on a
    landscape screen, one under the other on a portrait one.

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
        found_layout.setSpacing(16)
        self._list = QVBoxLayout()
        found_layout.addLayout(self._list)
        self._parts = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._parts.setSpacing(16)
        top = Qt.AlignmentFlag.AlignTop  # side by side, both cards start at the top
        self._parts.addWidget(self._build_case_card(), 2, top)
        self._parts.addWidget(self._build_timeline_card(), 3, top)
        found_layout.addLayout(self._parts)
        found_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("ProgressFound")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(found)
        # the room the title and the keyboard leave, never more: an empty scroll area
        # asks for a default height of its own, which pushed the keyboard off a
        # landscape screen before anything was looked up
        scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        layout.addWidget(scroll, 1)
        self.entry = CodeEntry(name="ProgressCode")
        self.entry.submitted.connect(self.query)
        layout.addWidget(self.entry)
        self._show_parts(False)
        self._retranslate()

    def _build_case_card(self) -> QFrame:
        """The case at a glance: number and state badge, item, next step, deadline."""
        self.case_card = QFrame()
        self.case_card.setObjectName("ProgressCase")
        self.case_card.setProperty("role", "card")
        self.case_card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        column = QVBoxLayout(self.case_card)
        column.setContentsMargins(28, 20, 28, 20)
        column.setSpacing(12)
        top = QHBoxLayout()
        top.setSpacing(16)
        self.state = styled_label("", role="subtitle")
        self.state.setObjectName("ProgressState")
        self.badge = styled_label("", role="badge", wrap=False)
        self.badge.setObjectName("ProgressBadge")
        top.addWidget(self.state, 1)
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(top)
        facts = QWidget()
        self._facts = QGridLayout(facts)
        self._facts.setContentsMargins(0, 0, 0, 0)
        self._facts.setHorizontalSpacing(24)
        self._facts.setVerticalSpacing(8)
        self._facts.setColumnStretch(1, 1)
        column.addWidget(facts)
        self.provisional = styled_label("", role="muted")
        self.provisional.setObjectName("ProgressProvisional")
        column.addWidget(self.provisional)
        self.print_button = action_button(name="ProgressPrint")
        self.print_button.clicked.connect(self.print_sheet)
        column.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)
        return self.case_card

    def _build_timeline_card(self) -> QFrame:
        """The steps of the case, newest first."""
        self.timeline_card = QFrame()
        self.timeline_card.setObjectName("ProgressTimeline")
        self.timeline_card.setProperty("role", "card")
        self.timeline_card.setSizePolicy(QSizePolicy.Policy.Preferred,
                                         QSizePolicy.Policy.Maximum)
        column = QVBoxLayout(self.timeline_card)
        column.setContentsMargins(28, 20, 28, 20)
        column.setSpacing(8)
        self._timeline_title = styled_label("", role="section", wrap=False)
        column.addWidget(self._timeline_title)
        steps = QWidget()
        self._timeline = QGridLayout(steps)
        self._timeline.setContentsMargins(0, 0, 0, 0)
        self._timeline.setHorizontalSpacing(16)
        self._timeline.setVerticalSpacing(0)
        self._timeline.setColumnStretch(2, 1)
        column.addWidget(steps)
        return self.timeline_card

    def _show_parts(self, shown: bool) -> None:
        self.case_card.setVisible(shown)
        self.timeline_card.setVisible(shown)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        wide = event.size().width() >= PROGRESS_SIDE_BY_SIDE
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._parts.direction() != direction:
            self._parts.setDirection(direction)
        super().resizeEvent(event)

    def reset(self) -> None:
        self.forget_personal_data()

    def holds_personal_data(self) -> bool:
        return bool(self._cases)

    def forget_personal_data(self) -> None:
        self._cases = ()
        self._current = None
        self.entry.field.setText("")
        self.state.setText("")
        self.badge.setText("")
        self.provisional.setText("")
        clear_layout(self._facts)
        clear_layout(self._timeline)
        self._show_parts(False)
        self._hint.show()
        self.entry.show()  # the next person types a number again
        clear_layout(self._list)
        self.message.clear_message()

    def current(self) -> Case | None:
        return self._current

    def timeline(self) -> list[tuple[str, str]]:
        """The steps shown, newest first, as time and what happened."""
        steps = []
        for row in range(self._timeline.rowCount()):
            at, what = self._timeline.itemAtPosition(row, 1), self._timeline.itemAtPosition(row, 2)
            if at is not None and what is not None:
                steps.append((at.widget().text(), what.widget().text()))  # type: ignore[union-attr]
        return steps

    def facts(self) -> list[tuple[str, str]]:
        """The case card's rows, as caption and value."""
        found = []
        for row in range(self._facts.rowCount()):
            key, value = self._facts.itemAtPosition(row, 0), self._facts.itemAtPosition(row, 1)
            if key is not None and value is not None:
                found.append((key.widget().text(), value.widget().text()))  # type: ignore[union-attr]
        return found

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
        """Draw one case's progress: its card and its timeline."""
        self._current = case
        paper = progress_paper(case, hall=self._services.hall, terminal_id=self._terminal,
                               at=self._services.clock.now())
        self.state.setText(arg(self.tr("办件编号 %1"), case.number))
        self.badge.setText(case_text(paper.state))
        self.badge.setProperty("role", _BADGE_ROLES.get(case.state, "badge"))
        restyle(self.badge)
        self._set_facts([
            (self.tr("事项"), case.item.name),
            (self.tr("下一步"), case_text(paper.next_step)),
            (self.tr("办结期限"), self._deadline(case, paper.deadline)),
        ])
        self.provisional.setText(
            self.tr("临时编号：网络恢复后取得正式编号")
            if case.record.official_number is None else "")
        self.provisional.setVisible(case.record.official_number is None)
        self._set_timeline(paper.events)
        self._hint.hide()
        self._show_parts(True)
        self.entry.hide()
        self.shown.emit(case.number)

    def _deadline(self, case: Case, deadline: date | None) -> str:
        """The promised date and, while the hall is deciding, the working days left."""
        if deadline is None:
            return self.tr("即办件或无承诺期限") if case.item.promised_days == 0 else "—"
        shown = format_date(deadline)
        countdown = case.promise_countdown()
        if countdown is None:
            return arg(self.tr("%1", "the promised date; %2 is its ISO form"), shown,
                       deadline.isoformat())
        return arg(self.tr("%1（%2）", "the promised date (working days left); %3 is the ISO date"),
                   shown, translate_text(countdown.label()), deadline.isoformat())

    def _set_facts(self, facts: list[tuple[str, str]]) -> None:
        clear_layout(self._facts)
        for row, (caption, value) in enumerate(facts):
            key = styled_label(caption, role="fact-key", wrap=False)
            key.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self._facts.addWidget(key, row, 0)
            self._facts.addWidget(styled_label(value, role="fact-value"), row, 1)

    def _set_timeline(self, events: tuple[ProgressEvent, ...]) -> None:
        clear_layout(self._timeline)
        # newest first; of two steps in the same minute the later one in the record
        newest_first = sorted(reversed(events), key=lambda e: e.at, reverse=True)
        for row, event in enumerate(newest_first):
            newest, oldest = row == 0, row == len(newest_first) - 1
            at = styled_label(
                arg(self.tr("%1", "the time of a timeline step; %2 is its ISO form"),
                    format_time(event.at), f"{event.at:%Y-%m-%d %H:%M}"),
                role="body" if newest else "fact-key", wrap=False)
            at.setObjectName("ProgressStepTime")
            what = styled_label(case_text(event.what), role="fact-value" if newest else "body")
            what.setObjectName("ProgressStepWhat")
            for label in (at, what):
                label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                label.setContentsMargins(0, 6, 0, 18)  # the line runs on between steps
            # the dot sits at the middle of the first line of text
            dot_at = 6 + what.fontMetrics().height() // 2
            rail = TimelineRail(newest=newest, oldest=oldest, dot_at=dot_at)
            self._timeline.addWidget(rail, row, 0)
            self._timeline.addWidget(at, row, 1)
            self._timeline.addWidget(what, row, 2)

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
        self._timeline_title.setText(self.tr("办理进度"))
        self.entry.retranslate()
        if self._current is not None:
            self.show_case(self._current)
