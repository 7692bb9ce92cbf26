"""预约签到: the appointment code (typed, or scanned from the booking's QR) → a ticket.

The gateway holds the hall's appointments (``gateway.queue``, booked through the
platform's 预约 system). Checking in issues a ticket that the queue orders by the
appointment's slot; its 取号小票 says 预约签到凭条. Check-in needs the gateway: offline,
the kiosk says to ask at the service desk (there is no block of numbers for
appointments, and an unverified appointment must not jump the queue).

The gateway's issue request names the business area, which the citizen does not know;
the kiosk tries the hall's areas in turn, and only an answer that the booking belongs
to *another* area (``queue.appointment_area``) moves on to the next one, so a used,
unknown, late or other-day appointment is reported at once.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from core.errors import Offline, ValidationFailed
from core.identity_code import looks_like_code
from core.scan import ScanEvent
from documents.verification import parse_qr_payload
from kiosk.citizen_parts import CodeEntry, JobWatcher, MessageLine, action_button, heading
from kiosk.citizen_parts import message_of as _message_of
from kiosk.services import KioskServices
from kiosk.ticket import TicketIssuer, TicketResult, TicketTaken, print_ticket
from sync.queue_client import IssuedTicket, QueueRefused, QueueUnavailable
from widgets.i18n import is_language_change
from widgets.layout import styled_label
from widgets.task_runner import TaskRunner

log = logging.getLogger(__name__)

WRONG_AREA = "queue.appointment_area"
MAX_REFERENCE = 40


def appointment_reference(text: str) -> str:
    """The appointment code in a typed or scanned text.

    Raises:
        ValidationFailed: empty, too long, a 居民码, or another paper's QR code.
    """
    text = text.strip()
    if not text:
        raise ValidationFailed("请输入预约码", code="appointment.empty")
    if looks_like_code(text):
        raise ValidationFailed(
            "预约签到请出示预约短信或“爱山东”APP中的预约码，而不是居民码",
            code="appointment.resident_code",
        )
    if text.upper().startswith("GT1:"):
        paper = parse_qr_payload(text)
        raise ValidationFailed(
            f"这是本大厅出具的凭条（{paper.number}），请出示预约码", code="appointment.paper"
        )
    if len(text) > MAX_REFERENCE or any(c.isspace() for c in text):
        raise ValidationFailed("预约码格式不正确，请核对后重新输入", code="appointment.format")
    return text.upper()


def check_in(queue: TicketIssuer, reference: str) -> IssuedTicket | None:
    """Worker thread: check the appointment in; ``None`` if the hall has no areas.

    Raises:
        QueueRefused: unknown, used, other-day or missed appointment (the message says).
        QueueUnavailable: the gateway cannot be reached.
    """
    try:
        areas = [c.area for c in queue.waiting_counts()]
    except Offline:
        raise QueueUnavailable("网络中断，暂时无法预约签到，请到服务台由工作人员办理") from None
    for area in areas:
        try:
            return queue.issue(area, appointment_ref=reference)
        except QueueRefused as refused:
            if refused.code != WRONG_AREA:
                raise

    return None


class AppointmentScreen(QWidget):
    """预约签到.

    Args:
        services: printing, the hall, device health.
        queue: the queue client.
        runner: check-in and printing off the GUI thread.
        terminal_id: printed on the slip.
        parent: the Qt parent.

    Signals:
        checked_in(TicketTaken): the appointment became a ticket and its slip was queued.
        finished(): the citizen tapped 完成.
    """

    checked_in = Signal(object)
    finished = Signal()

    def __init__(
        self,
        *,
        services: KioskServices,
        queue: TicketIssuer,
        runner: TaskRunner,
        terminal_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("AppointmentScreen")
        self._services = services
        self._queue = queue
        self._runner = runner
        self._terminal = terminal_id
        self._busy = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 24)
        layout.setSpacing(16)
        self._title = heading(name="AppointmentTitle")
        self._hint = styled_label("", role="subtitle")
        self._hint.setObjectName("AppointmentHint")
        layout.addWidget(self._title)
        layout.addWidget(self._hint)
        self.message = MessageLine(name="AppointmentMessage")
        layout.addWidget(self.message)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        self.entry_page = QWidget()
        entry = QVBoxLayout(self.entry_page)
        entry.setContentsMargins(0, 0, 0, 0)
        entry.addStretch(1)
        self.entry = CodeEntry(name="AppointmentCode")
        self.entry.submitted.connect(self.check_in)
        entry.addWidget(self.entry)
        self.pages.addWidget(self.entry_page)
        self.done_page = QWidget()
        done = QVBoxLayout(self.done_page)
        done.setContentsMargins(0, 0, 0, 0)
        self.result = TicketResult(name="Appointment")
        done.addWidget(self.result)
        done.addStretch(1)
        self.finish_button = action_button(name="AppointmentFinish")
        self.finish_button.clicked.connect(self.finished)
        done.addWidget(self.finish_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.pages.addWidget(self.done_page)
        self._watcher = JobWatcher(queue=services.print_queue, health=services.health,
                                   parent=self)
        self._watcher.job_changed.connect(self.result.show_job)
        self._retranslate()

    # -- the session ---------------------------------------------------------------------

    def reset(self) -> None:
        self.forget_personal_data()

    def holds_personal_data(self) -> bool:
        return self.result.taken() is not None

    def forget_personal_data(self) -> None:
        self._busy = False
        self.entry.field.setText("")
        self.result.clear()
        self.message.clear_message()
        self.pages.setCurrentWidget(self.entry_page)

    def spoken_text(self) -> str:
        if self.pages.currentWidget() is self.done_page:
            return "\n".join((self.result.number.text(), self.result.waiting.text()))
        return "\n".join((self._title.text(), self._hint.text()))

    # -- checking in ---------------------------------------------------------------------

    def handle_scan(self, event: ScanEvent) -> None:
        """The booking's QR code scanned on this screen."""
        self.check_in(event.text)

    def check_in(self, text: str) -> None:
        """Check the appointment in and print its slip."""
        if self._busy:
            return
        try:
            reference = appointment_reference(text)
        except ValidationFailed as error:
            self.message.error(_message_of(error))
            return
        self._busy = True
        services, queue, terminal = self._services, self._queue, self._terminal

        def work() -> TicketTaken:
            found = check_in(queue, reference)
            if found is None:
                raise QueueRefused("没有找到这个预约，请核对预约号",
                                   code="queue.appointment_unknown")
            return TicketTaken(found, print_ticket(services, found, terminal_id=terminal))

        self.message.notice(self.tr("正在签到，请稍候…"))
        self._runner.run(work, on_done=self._on_checked_in, on_error=self._on_error,
                         key="kiosk-appointment", owner=self)

    def _on_checked_in(self, taken: TicketTaken) -> None:
        self._busy = False
        self.entry.field.setText("")
        self.message.clear_message()
        self.result.show_ticket(taken)
        self.pages.setCurrentWidget(self.done_page)
        log.info("appointment checked in as ticket %s", taken.number)
        self.checked_in.emit(taken)

    def _on_error(self, error: BaseException) -> None:
        self._busy = False
        self.message.error(_message_of(error))

    # -- text ----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._title.setText(self.tr("预约签到"))
        self._hint.setText(self.tr(
            "请扫描预约短信或“爱山东”APP中的预约二维码，或在下方输入预约码"))
        self.finish_button.setText(self.tr("完成"))
        self.entry.retranslate()
