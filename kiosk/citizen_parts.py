"""Pieces the citizen-service screens share: code entry, message line, action buttons.

A :class:`CodeEntry` takes a code three ways: a scanner (the window's
:class:`~widgets.scan_bridge.ScanRouter` hands scans to the screen on display), the
on-screen keyboard, or both fields of a pickup code. A
:class:`~widgets.layout.MessageLine` says what went wrong in the citizen's language,
never modal: the citizen can always try again or go home.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import msg
from devices.health import Health, HealthBoard
from devices.health import Role as HealthRole
from kiosk.services import A4_PRINTER
from sync.print_queue import JobState, PrintJob, PrintQueue
from widgets.i18n import error_text
from widgets.keyboard import OnScreenKeyboard
from widgets.layout import clear_layout, restyle, styled_label

log = logging.getLogger(__name__)


def action_button(text: str = "", *, name: str, primary: bool = True) -> QPushButton:
    """A large touch button (≥ the theme's target height)."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.setProperty("role", "primary" if primary else "secondary")
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


def message_of(error: BaseException) -> str:
    """What to tell the citizen about ``error``, in the current language (never a traceback)."""
    text = error_text(error)
    if text is not None:
        return text
    log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
    return QCoreApplication.translate("CitizenServices", "系统繁忙，请稍后再试或呼叫工作人员")


class CodeEntry(QWidget):
    """A field for a typed code with the on-screen keyboard and a 确定 button.

    Signals:
        submitted(str): the citizen tapped 确定 with text in the field.
    """

    submitted = Signal(str)

    def __init__(self, *, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.field = QLineEdit()
        self.field.setObjectName(f"{name}Field")
        self.field.returnPressed.connect(self._submit)
        self.ok = action_button(name=f"{name}Ok")
        self.ok.clicked.connect(self._submit)
        row.addWidget(self.field, 1)
        row.addWidget(self.ok)
        layout.addLayout(row)
        self.keyboard = OnScreenKeyboard()
        self.keyboard.attach(self.field)
        layout.addWidget(self.keyboard)
        self.retranslate()

    def retranslate(self) -> None:
        self.ok.setText(self.tr("确定"))

    def _submit(self) -> None:
        text = self.field.text().strip()
        if text:
            self.submitted.emit(text)


OUTCOME_SIDE_BY_SIDE = 1300
"""From this card width on (a landscape display) the next steps stand beside the
summary instead of under it: 1080 px high in 长辈模式 has no room for both in a column."""

QUEUE_NUMBER_PX = 160
"""A queue number's size: read from the waiting area's seats, as the hall display is."""

_MARKS = {"good": "✓", "wait": "…", "bad": "!"}


class OutcomeCard(QFrame):
    """The end of a service at a glance: a mark, the summary, and what to do next.

    A white card with a round mark (✓ done, … under way, ! not done) beside the
    summary: the screen's own headline labels first (tests and 朗读 read them where
    the screen keeps them), a number to find at a glance (a compartment, a queue
    number) with the lines that belong to it, then the facts as caption/value rows,
    then lines the screen adds after the facts (a print state). The next steps, a
    numbered list, stand beside the summary on a wide card and under it on a narrow
    one. The card spans the screen's content width, as its title and buttons do.

    Args:
        name: the object name.
        marked: show the round mark (a review before submitting has none).
        wide_summary: side by side, the summary takes 3/5 of the width (many rows
            of facts, few steps) instead of half.
        parent: the Qt parent.
    """

    def __init__(
        self, *, name: str, marked: bool = True, wide_summary: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("role", "card")
        outer = QHBoxLayout(self)
        outer.setContentsMargins(28, 20, 28, 20)
        outer.setSpacing(24)
        self.mark = QLabel()
        self.mark.setObjectName(f"{name}Mark")
        self.mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        self.mark.setVisible(marked)
        self._parts = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._parts.setSpacing(16)
        summary = QVBoxLayout()
        summary.setSpacing(8)
        self._headlines = QVBoxLayout()
        self._headlines.setSpacing(8)
        summary.addLayout(self._headlines)
        self.big = styled_label("", role="big-number", wrap=False)
        self.big.setObjectName(f"{name}Big")
        self.big.hide()
        summary.addWidget(self.big)
        self._under_big = QVBoxLayout()
        self._under_big.setSpacing(8)
        summary.addLayout(self._under_big)
        facts = QWidget()
        self._facts = QGridLayout(facts)
        self._facts.setContentsMargins(0, 4, 0, 4)
        self._facts.setHorizontalSpacing(24)
        self._facts.setVerticalSpacing(8)
        self._facts.setColumnStretch(1, 1)
        summary.addWidget(facts)
        self._after = QVBoxLayout()
        summary.addLayout(self._after)
        summary.addStretch(1)
        # side by side, a summary of many rows (an address, a masked ID number beside
        # a name) gets the larger share: it wraps where the steps' sentences need not
        self._parts.addLayout(summary, 3 if wide_summary else 1)
        self._parts.addWidget(self._build_next(name), 2 if wide_summary else 1)
        outer.addLayout(self._parts, 1)
        self.set_tone("good")
        self.set_steps("", ())

    def _build_next(self, name: str) -> QWidget:
        """The next steps' column: its title, a line the screen puts there, the steps."""
        self._next = QWidget()
        column = QVBoxLayout(self._next)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        # a subtitle, flush with the steps under it and level with the headline
        # beside it (a section's bar and indent set it apart from its own steps)
        self._steps_title = styled_label("", role="subtitle", wrap=False)
        self._steps_title.setObjectName(f"{name}StepsTitle")
        column.addWidget(self._steps_title)
        self._before_steps = QVBoxLayout()
        column.addLayout(self._before_steps)
        self._steps = QVBoxLayout()
        self._steps.setSpacing(8)
        column.addLayout(self._steps)
        column.addStretch(1)
        return self._next

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        wide = event.size().width() >= OUTCOME_SIDE_BY_SIDE
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._parts.direction() != direction:
            self._parts.setDirection(direction)
            self._parts.setSpacing(40 if wide else 24)
        super().resizeEvent(event)

    def add_headline(self, widget: QWidget) -> None:
        """Put one of the screen's headline labels at the top of the column."""
        self._headlines.addWidget(widget)

    def set_big(self, text: str) -> None:
        """A number to find at a glance (a locker compartment); empty hides it."""
        self.big.setStyleSheet("")
        self.big.setText(text)
        self.big.setVisible(bool(text))

    def set_queue_number(self, number: str) -> None:
        """A queue number as the big number, as large as the hall display shows it.

        A CJK font's line is ≈1.45 em high, and letters and digits use its middle
        only: the empty top and bottom of the line are trimmed (never below the
        glyphs: a number has no descenders), so the people ahead stay next to it.
        """
        px = QUEUE_NUMBER_PX
        # only size and trim: colour and weight stay the theme's big-number look
        self.big.setStyleSheet(
            f"font-size: {px}px; margin-top: -{px * 3 // 16}px; margin-bottom: -{px // 8}px;")
        self.big.setText(number)
        self.big.setVisible(bool(number))

    def add_under_big(self, widget: QWidget) -> None:
        """Put a line right under the big number (the people ahead of a ticket)."""
        self._under_big.addWidget(widget)

    def add_before_steps(self, widget: QWidget) -> None:
        """Put a line at the head of the next steps (a print state: take the paper)."""
        self._before_steps.addWidget(widget)

    def add_after_facts(self, widget: QWidget) -> None:
        """Put a line under the facts (a print state)."""
        self._after.addWidget(widget)

    def set_tone(self, tone: str) -> None:
        """``"good"`` (done), ``"wait"`` (under way) or ``"bad"`` (not done)."""
        self.mark.setText(_MARKS[tone])
        self.mark.setProperty("role", f"mark-{tone}")
        restyle(self.mark)
        QCoreApplication.sendEvent(self.mark, QEvent(QEvent.Type.StyleChange))

    def tone(self) -> str:
        """The tone set last."""
        return str(self.mark.property("role")).removeprefix("mark-")

    def set_facts(self, facts: list[tuple[str, str]]) -> None:
        """Caption/value rows (事项, 办件编号 …); empty values are left out."""
        clear_layout(self._facts)
        row = 0
        for caption, value in facts:
            if not value:
                continue
            key = styled_label(caption, role="fact-key", wrap=False)
            key.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            shown = styled_label(value, role="fact-value")
            self._facts.addWidget(key, row, 0)
            self._facts.addWidget(shown, row, 1)
            row += 1
        _hide_when_empty(self._facts)

    def facts(self) -> list[tuple[str, str]]:
        """The rows shown, as caption and value."""
        found = []
        for row in range(self._facts.rowCount()):
            key, value = self._facts.itemAtPosition(row, 0), self._facts.itemAtPosition(row, 1)
            if key is not None and value is not None:
                found.append((key.widget().text(), value.widget().text()))  # type: ignore[union-attr]
        return found

    def set_steps(self, title: str, steps: tuple[str, ...] | list[str]) -> None:
        """What to do next, numbered under ``title``; no steps hides the section."""
        clear_layout(self._steps)
        for number, step in enumerate(steps, 1):
            line = styled_label(f"{number}. {step}", role="body")
            line.setObjectName("OutcomeStep")
            self._steps.addWidget(line)
        self._steps_title.setText(title)
        self._next.setVisible(bool(steps) or self._before_steps.count() > 0)

    def steps(self) -> list[str]:
        """The next steps shown, numbered."""
        return [
            w.text() for i in range(self._steps.count())
            if isinstance(w := self._steps.itemAt(i).widget(), QLabel)  # type: ignore[union-attr]
        ]

    def clear(self) -> None:
        """No facts, no steps, the done mark."""
        self.set_facts([])
        self.set_steps("", ())
        self.set_big("")
        self.set_tone("good")


def _hide_when_empty(layout: QLayout) -> None:
    """Hide the widget holding ``layout`` when it holds nothing (no gap is left)."""
    holder = layout.parentWidget()
    if holder is not None:
        holder.setVisible(layout.count() > 0)


def outcome_page(card: OutcomeCard, finish: QWidget | QLayout) -> QWidget:
    """A result page: the card under the screen's title, the finish button under it.

    The page reads from the top as the screen does: title, card, 完成 (or a row of
    buttons), and the 好差评 strip the window puts under the screen (on a portrait
    display right under the page, see ``kiosk.window``); the room left falls at the
    bottom. A card floating in the middle of a portrait screen left ≈300 px empty
    above and below it, and its 完成 far from what it closes.

    Args:
        card: the result card.
        finish: the 完成 button (centred), or a layout of buttons (full width).
    """
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 8, 0, 0)
    layout.setSpacing(16)
    layout.addWidget(card)
    if isinstance(finish, QLayout):
        layout.addLayout(finish)
    else:
        layout.addWidget(finish, 0, Qt.AlignmentFlag.AlignHCenter)
    layout.addStretch(1)
    return page


class JobWatcher(QObject):
    """Re-emits the print queue's job changes on the GUI thread, and tells staff.

    A job that fails (paper out, jam) stays in the queue for a reprint; the printer is
    reported on the health board so staff see it and the kiosk hides what needs it.

    Signals:
        job_changed(PrintJob): a job changed state (any thread → GUI thread).
    """

    job_changed = Signal(object)

    def __init__(
        self, *, queue: PrintQueue, health: HealthBoard, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._health = health
        self._unsubscribe = queue.subscribe(self._heard)

    def close(self) -> None:
        self._unsubscribe()

    def _heard(self, job: PrintJob) -> None:
        if job.state is JobState.FAILED:
            a4 = job.printer == A4_PRINTER
            role = HealthRole.A4_PRINTER if a4 else HealthRole.RECEIPT_PRINTER
            self._health.report(
                job.printer, role, Health.UNAVAILABLE,
                staff_message=job.last_error or msg("打印失败，请检查打印机"),
                citizen_message="打印机暂停服务，已通知工作人员",
            )
        if shiboken6.isValid(self):
            self.job_changed.emit(job)
