"""Pieces the citizen-service screens share: code entry, message line, action buttons.

A :class:`CodeEntry` takes a code three ways: a scanner (the window's
:class:`~widgets.scan_bridge.ScanRouter` hands scans to the screen on display), the
on-screen keyboard, or both fields of a pickup code. A :class:`MessageLine` says what
went wrong in plain Chinese, never modal: the citizen can always try again or go home.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from core.errors import msg
from devices.health import Health, HealthBoard
from devices.health import Role as HealthRole
from kiosk.services import A4_PRINTER
from sync.print_queue import JobState, PrintJob, PrintQueue
from widgets.i18n import error_text
from widgets.keyboard import OnScreenKeyboard
from widgets.layout import restyle, styled_label

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


class MessageLine(QLabel):
    """One line of feedback: an error (red) or a notice (blue); empty hides it."""

    def __init__(self, *, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def error(self, text: str) -> None:
        self._say(text, "badge-danger")

    def notice(self, text: str) -> None:
        self._say(text, "notice")

    def clear_message(self) -> None:
        self.setText("")
        self.hide()

    def _say(self, text: str, role: str) -> None:
        self.setProperty("role", role)
        restyle(self)
        # a label polished without a role keeps the frame width it had then: the
        # style's padding only reaches the text through a style change
        QCoreApplication.sendEvent(self, QEvent(QEvent.Type.StyleChange))
        self.setText(text)
        self.setVisible(bool(text))


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


def heading(text: str = "", *, name: str) -> QLabel:
    label = styled_label(text, role="title")
    label.setObjectName(name)
    return label


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
