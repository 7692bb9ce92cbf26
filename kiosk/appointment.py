"""预约签到: the appointment code, or the booker's 居民码/企业码 → a ticket.

The gateway holds the hall's appointments (``gateway.queue``, booked through the
platform's 预约 system) and knows which business area each is for, so a check-in by
code is one request (:meth:`sync.queue_client.QueueClient.check_in`). A scanned
居民码/企业码 is resolved through the gateway (:class:`kiosk.services.CodeResolver`);
the holder's number then finds today's bookings at this hall
(:meth:`~sync.queue_client.QueueClient.find_appointments`): one still open is checked
in at once, several are offered to choose from. The 取号小票 says 预约签到凭条.

Check-in needs the gateway: offline the kiosk says to ask at the service desk (there
is no block of numbers for appointments, and an unverified appointment must not jump
the queue).
"""

from __future__ import annotations

import datetime as _dt
import logging
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QPushButton, QStackedWidget, QVBoxLayout, QWidget

from core.clock import HALL_TZ
from core.errors import Offline, ValidationFailed, msg
from core.holders import Citizen
from core.identity_code import looks_like_code
from core.queue import GreenChannel
from core.scan import ScanEvent
from documents.verification import parse_qr_payload
from kiosk.citizen_parts import CodeEntry, JobWatcher, action_button, outcome_page
from kiosk.citizen_parts import message_of as _message_of
from kiosk.services import KioskServices
from kiosk.ticket import TicketResult, TicketTaken, print_ticket
from sync.identity import holder_from_resolved
from sync.queue_client import IssuedTicket, QueueRefused, QueueUnavailable
from sync.queue_protocol import AppointmentBody
from widgets.i18n import arg, is_language_change
from widgets.layout import MessageLine, clear_layout, heading, styled_label
from widgets.task_runner import TaskRunner

log = logging.getLogger(__name__)

MAX_REFERENCE = 40
OFFLINE = msg("网络中断，暂时无法预约签到，请到服务台由工作人员办理")


class AppointmentDesk(Protocol):
    """What 预约签到 needs of the queue client (``sync.queue_client.QueueClient``)."""

    def check_in(
        self, reference: str, *, green_channel: GreenChannel | None = None
    ) -> IssuedTicket: ...

    def find_appointments(
        self, *, reference: str | None = None, holder_id: str | None = None
    ) -> list[AppointmentBody]: ...


def appointment_reference(text: str) -> str:
    """The appointment code in a typed or scanned text (not a 居民码: see :func:`is_holder_code`).

    Raises:
        ValidationFailed: empty, too long, or another paper's QR code.
    """
    text = text.strip()
    if not text:
        raise ValidationFailed(msg("请输入预约码"), code="appointment.empty")
    if text.upper().startswith("GT1:"):
        paper = parse_qr_payload(text)
        raise ValidationFailed(
            msg("这是本大厅出具的凭条（{number}），请出示预约码", number=paper.number),
            code="appointment.paper",
        )
    if len(text) > MAX_REFERENCE or any(c.isspace() for c in text):
        raise ValidationFailed(msg("预约码格式不正确，请核对后重新输入"), code="appointment.format")
    return text.upper()


def is_holder_code(text: str) -> bool:
    """Whether ``text`` is a 居民码/企业码 (check-in by the booker) rather than a code."""
    return looks_like_code(text.strip())


def check_in(queue: AppointmentDesk, reference: str) -> IssuedTicket:
    """Worker thread: check the appointment in; the gateway knows its business area.

    Raises:
        QueueRefused: unknown, used, other-day or missed appointment (the message says).
        QueueUnavailable: the gateway cannot be reached.
    """
    try:
        return queue.check_in(reference)
    except Offline:
        raise QueueUnavailable(OFFLINE) from None


@dataclass(frozen=True, slots=True)
class Bookings:
    """Today's appointments of the person whose 居民码/企业码 was scanned.

    Attributes:
        open: not checked in and not over yet, by slot.
    """

    open: tuple[AppointmentBody, ...]


def holder_bookings(
    services: KioskServices, queue: AppointmentDesk, text: str
) -> Bookings:
    """Worker thread: resolve the scanned code and find the holder's open bookings today.

    Raises:
        CodeRefused: the code is malformed, expired, forged or used.
        QueueUnavailable: the gateway cannot be reached.
        QueueRefused: no booking today, or every one is used or over (the message says
            which, with the ticket numbers of those already checked in).
    """
    try:
        resolved = services.codes.resolve(text.strip(), purpose="query")
        holder = holder_from_resolved(resolved)
        holder_id = holder.id_number if isinstance(holder, Citizen) else holder.uscc
        found = queue.find_appointments(holder_id=holder_id)
    except Offline:
        raise QueueUnavailable(OFFLINE) from None
    now = services.clock.now()
    open_ = tuple(
        sorted(
            (a for a in found if a.ticket_number is None and a.slot_end >= now),
            key=lambda a: a.slot_start,
        )
    )
    if open_:
        return Bookings(open=open_)
    used = [a.ticket_number for a in found if a.ticket_number]
    if used:
        raise QueueRefused(
            msg("您今天的预约已签到，排队号为 {numbers}", numbers="、".join(used)),
            code="queue.appointment_used",
        )
    if found:
        raise QueueRefused(
            msg("您今天的预约时段已过，请重新取号或咨询服务台"), code="queue.appointment_late"
        )
    raise QueueRefused(
        msg("没有查到您今天在本大厅的预约。如已预约，请输入预约短信中的预约码"),
        code="queue.appointment_none_for_holder",
    )


def slot_text(appointment: AppointmentBody) -> str:
    """``09:00-09:30`` in the hall's time."""
    return f"{_hall_time(appointment.slot_start)}-{_hall_time(appointment.slot_end)}"


def _hall_time(moment: _dt.datetime) -> str:
    return moment.astimezone(HALL_TZ).strftime("%H:%M")


class AppointmentScreen(QWidget):
    """预约签到.

    Args:
        services: printing, the hall, device health, 居民码 resolution.
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
        queue: AppointmentDesk,
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
        self._offered: tuple[AppointmentBody, ...] = ()
        layout = QVBoxLayout(self)
        # as the apply screen: a landscape screen in 长辈模式 holds the ticket, 完成 and
        # the 好差评 strip under it with little to spare
        layout.setContentsMargins(48, 12, 48, 12)
        layout.setSpacing(8)
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
        self.choose_page = QWidget()
        choose = QVBoxLayout(self.choose_page)
        choose.setContentsMargins(0, 0, 0, 0)
        self._choices = QVBoxLayout()
        self._choices.setSpacing(12)
        choose.addLayout(self._choices)
        choose.addStretch(1)
        self.pages.addWidget(self.choose_page)
        self.result = TicketResult(name="Appointment")
        self.finish_button = action_button(name="AppointmentFinish")
        self.finish_button.clicked.connect(self.finished)
        self.done_page = outcome_page(self.result, self.finish_button)
        self.pages.addWidget(self.done_page)
        self.pages.currentChanged.connect(self._page_changed)
        self._watcher = JobWatcher(queue=services.print_queue, health=services.health,
                                   parent=self)
        self._watcher.job_changed.connect(self.result.show_job)
        self._retranslate()

    # -- the session ---------------------------------------------------------------------

    def reset(self) -> None:
        self.forget_personal_data()

    def holds_personal_data(self) -> bool:
        return self.result.taken() is not None or bool(self._offered)

    def forget_personal_data(self) -> None:
        self._busy = False
        self._offered = ()
        clear_layout(self._choices)
        self.entry.field.setText("")
        self.result.clear()
        self.message.clear_message()
        self.pages.setCurrentWidget(self.entry_page)
        self._retranslate()

    def spoken_text(self) -> str:
        if self.pages.currentWidget() is self.done_page:
            return "\n".join((self.result.number.text(), self.result.waiting.text()))
        if self.pages.currentWidget() is self.choose_page:
            return "\n".join([self._hint.text(), *(b.text() for b in self.choice_buttons())])
        return "\n".join((self._title.text(), self._hint.text()))

    def choice_buttons(self) -> list[QPushButton]:
        """The bookings offered after a 居民码 found several (one button each)."""
        return [
            w for i in range(self._choices.count())
            if isinstance(w := self._choices.itemAt(i).widget(), QPushButton)  # type: ignore[union-attr]
        ]

    # -- checking in ---------------------------------------------------------------------

    def handle_scan(self, event: ScanEvent) -> None:
        """The booking's QR code, or the booker's 居民码/企业码, scanned on this screen."""
        self.check_in(event.text)

    def check_in(self, text: str) -> None:
        """Check in by the appointment code, or find the bookings of a 居民码/企业码."""
        if self._busy:
            return
        if is_holder_code(text):
            self._find_bookings(text)
            return
        try:
            reference = appointment_reference(text)
        except ValidationFailed as error:
            self.message.error(_message_of(error))
            return
        self._check_in_reference(reference)

    def _check_in_reference(self, reference: str) -> None:
        self._busy = True
        services, queue, terminal = self._services, self._queue, self._terminal

        def work() -> TicketTaken:
            found = check_in(queue, reference)
            return TicketTaken(found, print_ticket(services, found, terminal_id=terminal))

        self.message.notice(self.tr("正在签到，请稍候…"))
        self._runner.run(work, on_done=self._on_checked_in, on_error=self._on_error,
                         key="kiosk-appointment", owner=self)

    def _find_bookings(self, text: str) -> None:
        self._busy = True
        services, queue, terminal = self._services, self._queue, self._terminal

        def work() -> TicketTaken | Bookings:
            bookings = holder_bookings(services, queue, text)
            if len(bookings.open) > 1:
                return bookings
            found = check_in(queue, bookings.open[0].reference)
            return TicketTaken(found, print_ticket(services, found, terminal_id=terminal))

        self.message.notice(self.tr("正在查询您的预约，请稍候…"))
        self._runner.run(work, on_done=self._on_found, on_error=self._on_error,
                         key="kiosk-appointment", owner=self)

    def _on_found(self, found: TicketTaken | Bookings) -> None:
        if isinstance(found, TicketTaken):
            self._on_checked_in(found)
            return
        self._busy = False
        self._offered = found.open
        self.entry.field.setText("")
        self.message.clear_message()
        clear_layout(self._choices)
        for booking in found.open:
            button = QPushButton()
            button.setObjectName(f"appointment-{booking.reference}")
            button.setProperty("role", "row")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, b=booking: self._choose(b))
            self._choices.addWidget(button)
        self.pages.setCurrentWidget(self.choose_page)
        self._retranslate()
        log.info("%d open appointments offered for check-in", len(found.open))

    def _choose(self, booking: AppointmentBody) -> None:
        if self._busy:
            return
        self._check_in_reference(booking.reference)

    def _on_checked_in(self, taken: TicketTaken) -> None:
        self._busy = False
        self._offered = ()
        clear_layout(self._choices)
        self.entry.field.setText("")
        self.message.clear_message()
        self.result.show_ticket(taken)
        self.pages.setCurrentWidget(self.done_page)
        self._retranslate()
        log.info("appointment checked in as ticket %s", taken.number)
        self.checked_in.emit(taken)

    def _on_error(self, error: BaseException) -> None:
        self._busy = False
        self.message.error(_message_of(error))

    def _page_changed(self, _index: int) -> None:
        # once checked in, the entry hint (scan or type a code) no longer applies, and
        # the ticket with its 好差评 strip needs the room
        self._hint.setVisible(self.pages.currentWidget() is not self.done_page)

    # -- text ----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._title.setText(self.tr("预约签到"))
        if self.pages.currentWidget() is self.choose_page:
            self._hint.setText(self.tr("您今天有多个预约，请选择要签到的预约"))
        else:
            self._hint.setText(self.tr(
                "请扫描预约二维码或居民码/企业码，或在下方输入预约短信中的预约码"))
        for booking, button in zip(self._offered, self.choice_buttons(), strict=False):
            button.setText(arg(self.tr("%1  %2  预约码 %3"), slot_text(booking),
                               booking.area_name, booking.reference))
        self.finish_button.setText(self.tr("完成"))
        self.entry.retranslate()
