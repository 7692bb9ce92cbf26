"""好差评 at the kiosk: after every service, and from the home tile by scanning a paper.

After a ticket, an application, a pickup or a progress query the window shows an
:class:`EvaluationInvite` strip: five levels, one tap. Tapping a level (or the 好差评
tile, then scanning the 受理凭证/取号小票/取件凭条 or typing its number) opens the
:class:`EvaluationScreen`: the level, the reasons offered for it
(:data:`core.evaluation.REASONS`), and a comment typed on the on-screen keyboard.
★1–2 needs at least one reason (what went wrong); "其他" needs a comment — the rules
of :class:`core.evaluation.Evaluation`, whose messages the screen shows.

The evaluation goes into the outbox as an ``evaluation.submitted`` event in one
journal transaction (:class:`EvaluationOutbox`), linked to the case (its official
number when known) or to the ticket; it reaches the gateway with the next push, and a
bad review there opens a follow-up for the hall by itself (``gateway.followups``).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QObject,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLayoutItem,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.catalog import Hall
from core.clock import Clock
from core.errors import ValidationFailed, msg
from core.evaluation import REASONS, Evaluation, EvaluationChannel, Rating
from core.queue import parse_ticket_number
from core.scan import ScanEvent
from documents.papers import PaperKind
from documents.verification import parse_qr_payload
from kiosk.citizen_parts import CodeEntry, action_button, message_of
from sync.cases import CaseRepository
from sync.protocol import EvaluationSubmitted, EventKind
from sync.store import Store, enqueue_event
from widgets.i18n import arg, is_language_change
from widgets.keyboard import OnScreenKeyboard
from widgets.layout import FlowLayout, MessageLine, clear_layout, heading, styled_label
from widgets.task_runner import TaskRunner

log = logging.getLogger(__name__)

LEVEL_NAMES: dict[Rating, str] = {
    Rating.VERY_SATISFIED: QT_TRANSLATE_NOOP("Evaluation", "非常满意"),
    Rating.SATISFIED: QT_TRANSLATE_NOOP("Evaluation", "满意"),
    Rating.BASICALLY_SATISFIED: QT_TRANSLATE_NOOP("Evaluation", "基本满意"),
    Rating.DISSATISFIED: QT_TRANSLATE_NOOP("Evaluation", "不满意"),
    Rating.VERY_DISSATISFIED: QT_TRANSLATE_NOOP("Evaluation", "非常不满意"),
}
"""The five levels, best first (the order the kiosk shows them)."""

REASON_NAMES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Evaluation", "服务态度热情"),
    QT_TRANSLATE_NOOP("Evaluation", "办事效率高"),
    QT_TRANSLATE_NOOP("Evaluation", "一次性告知到位"),
    QT_TRANSLATE_NOOP("Evaluation", "办事指南准确清晰"),
    QT_TRANSLATE_NOOP("Evaluation", "申请材料精简"),
    QT_TRANSLATE_NOOP("Evaluation", "办事流程便捷"),
    QT_TRANSLATE_NOOP("Evaluation", "不用跑腿或只跑一次"),
    QT_TRANSLATE_NOOP("Evaluation", "帮办代办贴心"),
    QT_TRANSLATE_NOOP("Evaluation", "自助设备好用"),
    QT_TRANSLATE_NOOP("Evaluation", "大厅环境舒适"),
    QT_TRANSLATE_NOOP("Evaluation", "其他"),
    QT_TRANSLATE_NOOP("Evaluation", "服务态度一般"),
    QT_TRANSLATE_NOOP("Evaluation", "办理时间较长"),
    QT_TRANSLATE_NOOP("Evaluation", "排队等候较久"),
    QT_TRANSLATE_NOOP("Evaluation", "办事指南不够清晰"),
    QT_TRANSLATE_NOOP("Evaluation", "材料要求较多"),
    QT_TRANSLATE_NOOP("Evaluation", "自助设备操作不便"),
    QT_TRANSLATE_NOOP("Evaluation", "服务态度差"),
    QT_TRANSLATE_NOOP("Evaluation", "办事效率低"),
    QT_TRANSLATE_NOOP("Evaluation", "排队等候时间过长"),
    QT_TRANSLATE_NOOP("Evaluation", "超过承诺时限"),
    QT_TRANSLATE_NOOP("Evaluation", "未一次性告知"),
    QT_TRANSLATE_NOOP("Evaluation", "要求提供办事指南以外的材料"),
    QT_TRANSLATE_NOOP("Evaluation", "办事指南与实际不符"),
    QT_TRANSLATE_NOOP("Evaluation", "流程繁琐"),
    QT_TRANSLATE_NOOP("Evaluation", "多次跑动"),
    QT_TRANSLATE_NOOP("Evaluation", "推诿扯皮"),
    QT_TRANSLATE_NOOP("Evaluation", "业务不熟练"),
    QT_TRANSLATE_NOOP("Evaluation", "系统或设备故障"),
    QT_TRANSLATE_NOOP("Evaluation", "收费不合理"),
)
"""Every reason of :data:`core.evaluation.REASONS`, marked for translation."""

_STARS = {rating: "★" * int(rating) for rating in Rating}


def _t(text: str) -> str:
    """A level or reason in the current language (context ``Evaluation``)."""
    return QCoreApplication.translate("Evaluation", text)


def level_text(rating: Rating) -> str:
    """Stars over the level's words, as the level buttons show them."""
    return f"{_STARS[rating]}\n{_t(LEVEL_NAMES[rating])}"


def level_line(rating: Rating) -> str:
    """Stars and the level's words on one line, as the 好差评 screen's levels show them.

    One line keeps a level tile as low as a reason chip: with the stars over the
    words, the levels took a third of a landscape screen in 长辈模式.
    """
    return f"{_STARS[rating]}  {_t(LEVEL_NAMES[rating])}"


@dataclass(frozen=True, slots=True)
class EvaluationSubject:
    """What is evaluated: a case or a ticket (a ticket names nobody).

    Attributes:
        case_number: the case (provisional or official number).
        ticket_number: the queue ticket.
        service: what the citizen did, for the screen ("取号", "自助取件" …).
    """

    case_number: str = ""
    ticket_number: str = ""
    service: str = ""

    @property
    def number(self) -> str:
        return self.case_number or self.ticket_number


def subject_from_text(text: str) -> EvaluationSubject:
    """The subject in a scanned paper QR or a typed number.

    A 取号小票's QR or a ticket number (``A012``) is a ticket; a 受理凭证, 取件凭条 or
    进度单 QR, or any other number, is a case.

    Raises:
        ValidationFailed: nothing usable.
    """
    text = text.strip()
    if not text:
        raise ValidationFailed(
            msg("请扫描凭条上的二维码，或输入办件编号、排队号"), code="evaluation.empty"
        )
    if text.upper().startswith("GT1:"):
        paper = parse_qr_payload(text)
        if paper.kind == PaperKind.TICKET.value:
            return EvaluationSubject(ticket_number=paper.number)
        return EvaluationSubject(case_number=paper.number)
    try:
        prefix, serial = parse_ticket_number(text)
    except ValidationFailed:
        pass
    else:
        return EvaluationSubject(ticket_number=f"{prefix}{serial:03d}")
    if len(text) > 64 or any(c.isspace() for c in text):  # noqa: PLR2004 - a case number
        raise ValidationFailed(msg("编号格式不正确，请核对后重新输入"), code="evaluation.number")
    return EvaluationSubject(case_number=text.upper())


class EvaluationOutbox:
    """Puts evaluations into the outbox (one journal transaction per evaluation).

    Args:
        store: the terminal's store.
        cases: to link an evaluation to the case's official number once it has one.
        clock: the evaluation's time.
        hall: the hall evaluated, or what reads it when an evaluation is made (the
            citizen services' hall, which a first start may learn only later).
    """

    def __init__(
        self, *, store: Store, cases: CaseRepository, clock: Clock, hall: Hall | Callable[[], Hall]
    ) -> None:
        self._store = store
        self._cases = cases
        self._clock = clock
        self._hall = hall

    def _hall_id(self) -> str:
        hall = self._hall
        return (hall if isinstance(hall, Hall) else hall()).id

    def evaluation(
        self, subject: EvaluationSubject, rating: Rating, reasons: tuple[str, ...], comment: str
    ) -> Evaluation:
        """The evaluation as the rules accept it.

        Raises:
            ValidationFailed: ★1–2 without a reason, "其他" without a comment …
        """
        return Evaluation(
            id=str(uuid.uuid4()),
            case_number=subject.case_number or None,
            ticket_number=subject.ticket_number or None,
            rating=rating,
            reasons=reasons,
            comment=comment,
            channel=EvaluationChannel.KIOSK,
            at=self._clock.now(),
            hall_id=self._hall_id(),
        )

    def submit(self, evaluation: Evaluation) -> str:
        """Worker thread: queue ``evaluation.submitted``; returns the event id."""
        case_number = evaluation.case_number
        if case_number:
            record = self._cases.record(case_number)
            if record is not None and record.official_number:
                case_number = record.official_number
        payload = EvaluationSubmitted(
            level=int(evaluation.rating),
            case_number=case_number,
            ticket_number=evaluation.ticket_number or "",
            reasons=list(evaluation.reasons),
            comment=evaluation.comment,
            channel="kiosk",
        )
        with self._store.local_change() as conn:
            event = enqueue_event(
                EventKind.EVALUATION_SUBMITTED.value, payload.model_dump(mode="json"), conn=conn
            )
        log.info("evaluation %d queued as event %s", int(evaluation.rating), event.event_id)
        return event.event_id


class EvaluationInvite(QWidget):
    """The strip shown after a service: "请对本次服务作出评价" and five levels.

    Signals:
        rated(Rating): the citizen tapped a level.
        dismissed(): the citizen tapped 不评价.
    """

    rated = Signal(object)
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None, *, columns: int = 0) -> None:
        """The strip; ``columns`` > 0 puts the prompt above the buttons, that many a row.

        A portrait screen (1080 px) cannot hold the prompt and six buttons in one row
        in 长辈模式 or in English; a landscape one can, and is short of height.
        """
        super().__init__(parent)
        self.setObjectName("EvaluationInvite")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#EvaluationInvite { background: #EAF2FC; }")
        # the ask, and under it the service asked about: two short lines stay two
        # lines beside six 长辈模式 buttons, where one long sentence wrapped to three
        self._prompt = styled_label("", role="subtitle")
        self._prompt.setObjectName("EvaluationInvitePrompt")
        self._prompt.setWordWrap(True)
        self._service = styled_label("", role="muted")
        self._service.setObjectName("EvaluationInviteService")
        prompt = QVBoxLayout()
        prompt.setSpacing(0)
        prompt.addWidget(self._prompt)
        prompt.addWidget(self._service)
        self.level_buttons: dict[Rating, QPushButton] = {}
        for rating in LEVEL_NAMES:
            button = action_button(name=f"invite-{int(rating)}", primary=False)
            button.clicked.connect(lambda _=False, r=rating: self.rated.emit(r))
            self.level_buttons[rating] = button
        self.skip_button = action_button(name="EvaluationInviteSkip", primary=False)
        self.skip_button.clicked.connect(self.dismissed)
        buttons = [*self.level_buttons.values(), self.skip_button]
        if columns > 0:
            column = QVBoxLayout(self)
            column.setContentsMargins(24, 8, 24, 8)
            column.setSpacing(8)
            column.addLayout(prompt)
            grid = QGridLayout()
            grid.setSpacing(12)
            for index, button in enumerate(buttons):
                grid.addWidget(button, *divmod(index, columns))
            column.addLayout(grid)
        else:
            row = QHBoxLayout(self)
            row.setContentsMargins(24, 8, 24, 8)
            row.setSpacing(12)
            row.addLayout(prompt, 1)
            for button in buttons:
                row.addWidget(button)
        self._subject = EvaluationSubject()
        self._retranslate()
        self.hide()

    def invite(self, subject: EvaluationSubject) -> None:
        """Ask for an evaluation of ``subject``."""
        self._subject = subject
        self._retranslate()
        self.show()

    def subject(self) -> EvaluationSubject:
        return self._subject

    def holds_personal_data(self) -> bool:
        return bool(self._subject.number)

    def forget_personal_data(self) -> None:
        self._subject = EvaluationSubject()
        self.hide()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        service = self.tr(self._subject.service) if self._subject.service else ""
        self._prompt.setText(self.tr("请评价本次服务"))
        self._service.setText(service)
        self._service.setVisible(bool(service))
        for rating, button in self.level_buttons.items():
            button.setText(level_text(rating))
        self.skip_button.setText(self.tr("不评价"))


class ChipFlow(FlowLayout):
    """Toggle chips in rows, each as wide as its text, a row as full as it fits.

    Reasons differ in length ("其他" and "要求提供办事指南以外的材料"); equal columns
    sized to the longest left two English reasons to a row in 长辈模式 and pushed the
    list below the keyboard. Chips of their own width fill four or five to a row.

    Args:
        spacing: between chips, both ways.
        parent: the widget laid out, if any.
    """

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        shown = self._shown()
        if not shown:
            return QSize(0, 0)
        # as narrow as the widest chip; the height is the one at the width given
        width = max(i.sizeHint().width() for i in shown)
        return QSize(width, max(i.sizeHint().height() for i in shown))

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        """Lay the chips out in ``rect`` (when ``place``); the height they take.

        A row's chips share out what is left of its width, so the rows end flush.
        """
        gap = self.spacing()
        rows: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._shown():
            need = item.sizeHint().width()
            if rows[-1] and used + gap + need > rect.width():
                rows.append([])
                used = 0
            used += need + (gap if rows[-1] else 0)
            rows[-1].append(item)
        y = rect.y()
        for row in (r for r in rows if r):
            height = max(i.sizeHint().height() for i in row)
            if place:
                natural = sum(i.sizeHint().width() for i in row) + gap * (len(row) - 1)
                extra = max(0, rect.width() - natural) // len(row) if len(rows) > 1 else 0
                x = rect.x()
                for item in row:
                    width = min(item.sizeHint().width() + extra, rect.width())
                    item.setGeometry(QRect(x, y, width, height))
                    x += width + gap
            y += height + gap
        return max(0, y - gap - rect.y())


_CHOICES_MIN_HEIGHT = 240
"""The least height of the levels and reasons above the keyboard: a row of levels and
the first row of reasons in 长辈模式; the rest scrolls."""


class EvaluationScreen(QWidget):
    """好差评: the level, reasons for it, a comment, submit.

    Args:
        outbox: where evaluations go.
        runner: the outbox write runs off the GUI thread.
        parent: the Qt parent.

    Signals:
        submitted(str): an evaluation was queued (its event id).
        finished(): the citizen tapped 完成.
    """

    submitted = Signal(str)
    finished = Signal()

    def __init__(
        self, *, outbox: EvaluationOutbox, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("EvaluationScreen")
        self._outbox = outbox
        self._runner = runner
        self._subject = EvaluationSubject()
        self._rating: Rating | None = None
        self._busy = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 24)
        layout.setSpacing(12)
        self._title = heading(name="EvaluationTitle")
        self.subject_line = styled_label("", role="subtitle")
        self.subject_line.setObjectName("EvaluationSubject")
        layout.addWidget(self._title)
        layout.addWidget(self.subject_line)
        self.message = MessageLine(name="EvaluationMessage")
        layout.addWidget(self.message)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        self._build_subject_page()
        self._build_rating_page()
        self._build_done_page()
        self._retranslate()

    def _build_subject_page(self) -> None:
        self.subject_page = QWidget()
        page = QVBoxLayout(self.subject_page)
        page.setContentsMargins(0, 0, 0, 0)
        self._subject_hint = styled_label("", role="subtitle")
        page.addWidget(self._subject_hint)
        page.addStretch(1)
        self.entry = CodeEntry(name="EvaluationCode")
        self.entry.submitted.connect(self.take_subject)
        page.addWidget(self.entry)
        self.pages.addWidget(self.subject_page)

    def _build_levels(self) -> ChipFlow:
        """The five levels, one checkable tile each, as many to a row as fit."""
        levels = ChipFlow(spacing=12)
        self._levels = QButtonGroup(self)
        self._levels.setExclusive(True)
        self.level_buttons: dict[Rating, QPushButton] = {}
        for rating in LEVEL_NAMES:
            button = QPushButton()
            button.setObjectName(f"level-{int(rating)}")
            button.setProperty("role", "tile")
            # one line of text needs no tile's height: the theme's touch height stays
            button.setStyleSheet("padding-top: 4px; padding-bottom: 4px;")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            button.clicked.connect(lambda _=False, r=rating: self.choose_level(r))
            self._levels.addButton(button)
            self.level_buttons[rating] = button
            levels.add(button)
        return levels

    def _build_rating_page(self) -> None:
        self.rating_page = QWidget()
        outer = QVBoxLayout(self.rating_page)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(12)
        # levels, reasons and the comment scroll above the keyboard when they do not
        # fit (长辈模式), instead of pushing the window past the bottom of the screen
        choices = QWidget()
        page = QVBoxLayout(choices)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(12)
        # levels and reasons fill their rows as far as they fit: five English levels or
        # four reasons side by side were wider than the screen, and the choices do not
        # scroll sideways
        page.addLayout(self._build_levels())
        self._reason_hint = styled_label("", role="subtitle")
        self._reason_hint.setObjectName("EvaluationReasonHint")
        page.addWidget(self._reason_hint)
        self._reasons = ChipFlow(spacing=10)
        page.addLayout(self._reasons)
        # the comment and 提交评价 share a row under the choices, always in view; the
        # keyboard comes up only when the comment is touched, so the levels and
        # reasons fit the screen without it
        send = QHBoxLayout()
        send.setSpacing(16)
        self.comment = QLineEdit()
        self.comment.setObjectName("EvaluationComment")
        self.comment.setMaxLength(200)
        self.comment.installEventFilter(self)
        send.addWidget(self.comment, 1)
        self.submit_button = action_button(name="EvaluationSubmit")
        self.submit_button.clicked.connect(self.submit)
        send.addWidget(self.submit_button)
        page.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("EvaluationChoices")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(choices)
        # the choices take the height the keyboard leaves, never more: their full
        # height would be what the screen asks for, and the keyboard's last row would
        # fall below a landscape screen in 长辈模式
        scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        scroll.setMinimumHeight(_CHOICES_MIN_HEIGHT)
        outer.addWidget(scroll, 1)
        outer.addLayout(send)
        self.keyboard = OnScreenKeyboard()
        self.keyboard.attach(self.comment)
        self.keyboard.hide()
        outer.addWidget(self.keyboard)
        self.pages.addWidget(self.rating_page)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.comment and event.type() in {
            QEvent.Type.MouseButtonPress, QEvent.Type.FocusIn
        }:
            self.open_keyboard()
        return super().eventFilter(watched, event)

    def open_keyboard(self) -> None:
        """The comment was touched: the keyboard comes up under the choices."""
        self.keyboard.show()

    def _build_done_page(self) -> None:
        self.done_page = QWidget()
        page = QVBoxLayout(self.done_page)
        page.setSpacing(40)  # the thanks and 完成 apart: two things, not one block
        self.thanks = styled_label("", role="title")
        self.thanks.setObjectName("EvaluationThanks")
        self.thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        page.addStretch(1)
        page.addWidget(self.thanks)
        self.finish_button = action_button(name="EvaluationFinish")
        self.finish_button.clicked.connect(self.finished)
        page.addWidget(self.finish_button, 0, Qt.AlignmentFlag.AlignHCenter)
        page.addStretch(1)
        self.pages.addWidget(self.done_page)

    # -- the session ---------------------------------------------------------------------

    def reset(self) -> None:
        """From the home tile: ask which service (scan a paper or type its number)."""
        self.forget_personal_data()

    def start(self, subject: EvaluationSubject, rating: Rating | None = None) -> None:
        """Evaluate ``subject`` (after a service), optionally with the level chosen."""
        self.forget_personal_data()
        self._subject = subject
        self._show_subject()
        self.pages.setCurrentWidget(self.rating_page)
        if rating is not None:
            self.choose_level(rating)

    def holds_personal_data(self) -> bool:
        return bool(self._subject.number) or self._rating is not None

    def forget_personal_data(self) -> None:
        self._subject = EvaluationSubject()
        self._rating = None
        self._busy = False
        self._levels.setExclusive(False)
        for button in self.level_buttons.values():
            button.setChecked(False)
        self._levels.setExclusive(True)
        clear_layout(self._reasons)
        self.comment.setText("")
        self.keyboard.hide()
        self.entry.field.setText("")
        self.subject_line.setText("")
        self.message.clear_message()
        self.pages.setCurrentWidget(self.subject_page)
        self._update_reason_hint()

    def subject(self) -> EvaluationSubject:
        return self._subject

    def rating(self) -> Rating | None:
        return self._rating

    def reason_buttons(self) -> list[QPushButton]:
        """The reason toggles shown for the chosen level."""
        found = (self._reasons.itemAt(i) for i in range(self._reasons.count()))
        return [
            w for w in (item.widget() for item in found if item is not None)
            if isinstance(w, QPushButton)
        ]

    def reason_button(self, reason: str) -> QPushButton:
        """The toggle of one reason (its Chinese text); ``LookupError`` if not shown."""
        for button in self.reason_buttons():
            if button.property("reason") == reason:
                return button
        raise LookupError(reason)

    def chosen_reasons(self) -> tuple[str, ...]:
        return tuple(
            str(b.property("reason")) for b in self.reason_buttons() if b.isChecked()
        )

    def spoken_text(self) -> str:
        if self.pages.currentWidget() is self.done_page:
            return self.thanks.text()
        return "\n".join((self._title.text(), self.subject_line.text(),
                          self._reason_hint.text()))

    # -- choosing ------------------------------------------------------------------------

    def handle_scan(self, event: ScanEvent) -> None:
        """A 受理凭证, 取号小票 or 取件凭条 scanned on this screen."""
        if self.pages.currentWidget() is self.subject_page:
            self.take_subject(event.text)

    def take_subject(self, text: str) -> None:
        """The paper scanned or the number typed: evaluate that service."""
        try:
            subject = subject_from_text(text)
        except ValidationFailed as error:
            self.message.error(message_of(error))
            return
        self.start(subject)

    def choose_level(self, rating: Rating) -> None:
        """A level tapped: the reasons offered for it."""
        self._rating = rating
        self.level_buttons[rating].setChecked(True)
        self.message.clear_message()
        clear_layout(self._reasons)
        for index, reason in enumerate(REASONS[rating]):
            button = QPushButton(_t(reason))
            button.setObjectName(f"reason-{index}")
            button.setProperty("reason", reason)
            button.setProperty("role", "secondary")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self._reasons.add(button)
        self._update_reason_hint()

    def submit(self) -> None:
        """提交评价: checked by the rules, then queued for the gateway."""
        if self._busy:
            return
        if self._rating is None:
            self.message.error(self.tr("请先选择满意程度"))
            return
        try:
            evaluation = self._outbox.evaluation(
                self._subject, self._rating, self.chosen_reasons(), self.comment.text()
            )
        except ValidationFailed as error:
            self.message.error(message_of(error))
            return
        self._busy = True
        outbox = self._outbox
        self._runner.run_catalog(lambda: outbox.submit(evaluation), on_done=self._on_submitted,
                                 on_error=self._on_error, key="kiosk-evaluation", owner=self)

    def _on_submitted(self, event_id: str) -> None:
        self._busy = False
        self.message.clear_message()
        bad = self._rating is not None and self._rating.is_bad
        self.thanks.setText(
            self.tr("感谢您的评价！您反映的问题将由工作人员核实整改，5个工作日内反馈")
            if bad else self.tr("感谢您的评价！")
        )
        self.comment.setText("")
        self.pages.setCurrentWidget(self.done_page)
        self.submitted.emit(event_id)

    def _on_error(self, error: BaseException) -> None:
        self._busy = False
        self.message.error(message_of(error))

    # -- text ----------------------------------------------------------------------------

    def _show_subject(self) -> None:
        subject = self._subject
        if subject.ticket_number:
            self.subject_line.setText(arg(self.tr("评价对象：排队号 %1"), subject.ticket_number))
        elif subject.case_number:
            self.subject_line.setText(arg(self.tr("评价对象：办件编号 %1"), subject.case_number))
        else:
            self.subject_line.setText("")

    def _update_reason_hint(self) -> None:
        if self._rating is None:
            self._reason_hint.setText(self.tr("请选择您对本次服务的满意程度"))
        elif self._rating.is_bad:
            self._reason_hint.setText(self.tr(
                "请选择不满意的原因（至少一项，必选），也可在下方补充说明"))
        else:
            self._reason_hint.setText(self.tr("可选择评价原因（可多选），也可在下方补充说明"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._title.setText(self.tr("好差评"))
        self._subject_hint.setText(self.tr(
            "请扫描受理凭证、取号小票或取件凭条上的二维码，或输入办件编号、排队号"))
        for rating, button in self.level_buttons.items():
            button.setText(level_line(rating))
        for button in self.reason_buttons():
            button.setText(_t(str(button.property("reason"))))
        self.comment.setPlaceholderText(self.tr("补充说明（选填；选择“其他”时必填）"))
        self.submit_button.setText(self.tr("提交评价"))
        self.finish_button.setText(self.tr("完成"))
        self.entry.retranslate()
        self._show_subject()
        self._update_reason_hint()


def subject_service(kind: str) -> str:
    """The service names an invitation shows (marked for translation)."""
    return _SERVICES.get(kind, "")


_SERVICES: dict[str, str] = {
    "ticket": QT_TRANSLATE_NOOP("EvaluationInvite", "取号"),
    "appointment": QT_TRANSLATE_NOOP("EvaluationInvite", "预约签到"),
    "apply": QT_TRANSLATE_NOOP("EvaluationInvite", "自助申请"),
    "pickup": QT_TRANSLATE_NOOP("EvaluationInvite", "自助取件"),
    "progress": QT_TRANSLATE_NOOP("EvaluationInvite", "办件查询"),
}
