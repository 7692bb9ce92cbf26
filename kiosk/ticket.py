"""取号: choose a business area (and a green channel), get a ticket and its 取号小票.

The gateway is the queue authority; :class:`sync.queue_client.QueueClient` issues the
ticket online, or from this kiosk's pre-allocated block when the gateway cannot be
reached — then the slip says the number of people ahead is an estimate. A green
channel (老年人、残疾人、孕期妇女、军人) is the citizen's own choice here; the clerk
confirms it at the window, which the screen and the slip both say.

The slip is printed through the durable print queue; if the receipt printer fails the
screen says so, staff are told (the job stays in the queue for a reprint), and the
number on the screen is still valid — the hall display calls it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.catalog import Hall
from core.clock import HALL_TZ
from core.errors import Offline
from core.queue import GreenChannel
from documents.from_case import issuer_for
from documents.papers import TicketPaper
from kiosk.citizen_parts import (
    JobWatcher,
    OutcomeCard,
    action_button,
    message_of,
    outcome_page,
)
from kiosk.services import KioskServices
from sync.print_queue import JobState, PrintJob
from sync.queue_client import IssuedTicket
from sync.queue_protocol import WaitingCount
from widgets.i18n import arg, is_language_change
from widgets.layout import MessageLine, clear_layout, heading, styled_label
from widgets.task_runner import TaskRunner

log = logging.getLogger(__name__)

GREEN_CHOICES: tuple[tuple[GreenChannel, str], ...] = (
    (GreenChannel.ELDERLY, QT_TRANSLATE_NOOP("TicketScreen", "老年人")),
    (GreenChannel.DISABLED, QT_TRANSLATE_NOOP("TicketScreen", "残疾人")),
    (GreenChannel.PREGNANT, QT_TRANSLATE_NOOP("TicketScreen", "孕期妇女")),
    (GreenChannel.MILITARY, QT_TRANSLATE_NOOP("TicketScreen", "军人")),
)
"""The green-channel buttons, in the order the policy lists them (004 三(五)1)."""

SLIP_NOTICE = "请留意叫号屏幕和语音提示，过号请重新取号。"

_GREEN_PRINTED = {
    GreenChannel.ELDERLY: "老年人",
    GreenChannel.DISABLED: "残疾人",
    GreenChannel.PREGNANT: "孕期妇女",
    GreenChannel.MILITARY: "军人",
}


class TicketIssuer(Protocol):
    """What the screens need of the queue client (``sync.queue_client.QueueClient``)."""

    def issue(
        self,
        business: str,
        *,
        green_channel: GreenChannel | None = None,
        appointment_ref: str | None = None,
    ) -> IssuedTicket: ...

    def waiting_counts(self) -> list[WaitingCount]: ...


@dataclass(frozen=True, slots=True)
class AreaChoice:
    """One business area as the kiosk offers it.

    Attributes:
        waiting: people waiting now; ``None`` when the gateway could not be asked.
        open_now: tickets are issued now (``False`` greys the button out).
    """

    prefix: str
    name: str
    waiting: int | None
    open_now: bool = True
    hours_text: str = ""


@dataclass(frozen=True, slots=True)
class TicketTaken:
    """A ticket issued at this kiosk and its slip's print job (payload of ``issued``)."""

    ticket: IssuedTicket
    job_id: str

    @property
    def number(self) -> str:
        return self.ticket.number


def hall_areas(hall: Hall) -> list[AreaChoice]:
    """The hall's business areas from the synced catalog (what is known offline)."""
    found: list[AreaChoice] = []
    for text in hall.business_areas:
        parsed = _parse_area(text)
        if parsed is not None:
            found.append(AreaChoice(parsed[0], parsed[1], None))
    return found


def _parse_area(text: str) -> tuple[str, str] | None:
    """``"A 综合受理区"`` / ``"综合受理区 A"`` → ``("A", "综合受理区")``."""
    words = text.replace("：", " ").replace(":", " ").split()
    if len(words) < 2:  # noqa: PLR2004 - a prefix and a name
        return None
    first, last = words[0], words[-1]
    if first.isascii() and first.isalpha() and first.isupper() and len(first) <= 2:  # noqa: PLR2004
        return first, " ".join(words[1:])
    if last.isascii() and last.isalpha() and last.isupper() and len(last) <= 2:  # noqa: PLR2004
        return last, " ".join(words[:-1])
    return None


def load_areas(queue: TicketIssuer, hall: Hall) -> tuple[list[AreaChoice], bool]:
    """Worker thread: the areas with live waiting counts, or the catalog's when offline.

    Returns:
        The areas, and whether they came from the gateway.
    """
    try:
        counts = queue.waiting_counts()
    except Offline:
        log.info("queue offline: business areas from the catalog")
        return hall_areas(hall), False
    return [
        AreaChoice(c.area, c.name, c.waiting, c.open_now, c.hours_text) for c in counts
    ], True


def print_ticket(
    services: KioskServices, ticket: IssuedTicket, *, terminal_id: str
) -> str:
    """Worker thread: lay out the 取号小票 and queue it; returns the print job's id.

    An offline ticket's slip says the number of people ahead is an estimate
    (:attr:`IssuedTicket.waiting_note`).
    """
    notice = SLIP_NOTICE
    if ticket.estimated:
        notice = f"{ticket.waiting_note}。{notice}"
    paper = TicketPaper(
        issuer=issuer_for(services.hall, department=services.hall.name,
                          terminal_id=terminal_id),
        ticket_number=ticket.number,
        business=ticket.area_name,
        waiting_ahead=ticket.people_ahead,
        issued_at=ticket.issued_at,
        green_channel=_GREEN_PRINTED.get(ticket.green, ""),
        appointment=ticket.appointment_ref is not None,
        notice=notice,
    )
    rendered = services.papers.ticket(paper)
    return services.print_queue.submit(
        rendered.pdf, paper="ticket", title=f"取号小票 {ticket.number}",
        printer=services.receipt_printer,
    )


class TicketResult(OutcomeCard):
    """The issued ticket on a result card: the number at a glance and what to do next.

    Shared by 取号 and 预约签到. The headline says what happened, the number stands as
    large as the hall display shows it with the people ahead under it, the business
    area and the time follow as facts, a green channel or an appointment as a marked
    line; the slip's print state heads the next steps.

    Args:
        name: the prefix of the object names (``Ticket``, ``Appointment``).
        parent: the Qt parent.
    """

    def __init__(self, *, name: str, parent: QWidget | None = None) -> None:
        super().__init__(name=f"{name}Result", parent=parent)
        self.headline = styled_label("", role="subtitle")
        self.headline.setObjectName(f"{name}Headline")
        self.add_headline(self.headline)
        self.number = self.big
        self.number.setObjectName(f"{name}Number")
        self.waiting = styled_label("", role="subtitle")
        self.waiting.setObjectName(f"{name}Waiting")
        self.add_under_big(self.waiting)
        self.print_status = styled_label("", role="body")
        self.print_status.setObjectName(f"{name}PrintStatus")
        self.add_before_steps(self.print_status)
        # a green channel or an appointment: the citizen's priority, marked green,
        # with the next steps (what to show when called)
        self.note = styled_label("", role="good")
        self.note.setObjectName(f"{name}Note")
        self.note.hide()
        self.add_before_steps(self.note)
        self._taken: TicketTaken | None = None
        self._job_state: JobState | None = None

    def taken(self) -> TicketTaken | None:
        return self._taken

    def show_ticket(self, taken: TicketTaken) -> None:
        """Show ``taken``; its slip's state follows with :meth:`show_job`."""
        if self._taken is not taken:
            self._job_state = None
        self._taken = taken
        ticket = taken.ticket
        if ticket.appointment_ref is not None:
            self.headline.setText(self.tr("预约签到成功，请等候叫号"))
        else:
            self.headline.setText(self.tr("取号成功，请等候叫号"))
        self.set_queue_number(ticket.number)
        if ticket.estimated:
            self.waiting.setText(arg(self.tr("前面约有 %1 人（网络中断，人数为估计值）"),
                                     ticket.people_ahead))
        else:
            self.waiting.setText(arg(self.tr("前面还有 %1 人"), ticket.people_ahead))
        self.set_facts([
            (self.tr("办理业务"), ticket.area_name),
            (self.tr("取号时间"), ticket.issued_at.astimezone(HALL_TZ).strftime("%H:%M")),
        ])
        notes = []
        if ticket.green is not GreenChannel.NONE:
            notes.append(arg(self.tr("绿色通道：%1。叫号时请向窗口工作人员出示相关证件，由工作人员确认"),
                             QCoreApplication.translate("TicketScreen",
                                                        dict(GREEN_CHOICES)[ticket.green])))
        if ticket.appointment_ref is not None:
            notes.append(self.tr("预约已签到，将按预约时段优先叫号"))
        self.note.setText("\n".join(notes))
        self.note.setVisible(bool(notes))
        self._show_print_state()
        self.set_steps(self.tr("接下来"), [
            self.tr("请在等候区留意叫号屏幕和语音提示，叫到您的号码时请到屏幕显示的窗口办理"),
            self.tr("过号请重新取号"),
        ])

    def show_job(self, job: PrintJob) -> None:
        """A print job changed: the slip's state if it is this ticket's."""
        if self._taken is None or job.id != self._taken.job_id:
            return
        self._job_state = job.state
        self._show_print_state()

    def _show_print_state(self) -> None:
        if self._job_state is JobState.DONE:
            self.print_status.setText(self.tr("取号小票已打印，请取走小票"))
        elif self._job_state is JobState.FAILED:
            self.print_status.setText(self.tr(
                "打印机暂时无法打印（已通知工作人员），请记住上方排队号，叫号时同样有效"))
        else:
            self.print_status.setText(self.tr("正在打印取号小票，请稍候…"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event) and self._taken is not None:
            self.show_ticket(self._taken)
        super().changeEvent(event)

    def clear(self) -> None:
        """No ticket: nothing of the last citizen's stays on the card."""
        super().clear()
        self._taken = None
        self._job_state = None
        for label in (self.headline, self.waiting, self.note, self.print_status):
            label.setText("")
        self.note.hide()


class TicketScreen(QWidget):
    """取号.

    Args:
        services: printing, the hall, device health.
        queue: the queue client (online, or from this kiosk's offline block).
        runner: issuing and printing run off the GUI thread.
        terminal_id: printed on the slip.
        parent: the Qt parent.

    Signals:
        issued(TicketTaken): a ticket was issued and its slip queued.
        finished(): the citizen tapped 完成.
    """

    issued = Signal(object)
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
        self.setObjectName("TicketScreen")
        self._services = services
        self._queue = queue
        self._runner = runner
        self._terminal = terminal_id
        self._busy = False
        self._areas: list[AreaChoice] = []
        self._online = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 24)
        layout.setSpacing(16)
        self._title = heading(name="TicketTitle")
        layout.addWidget(self._title)
        self.message = MessageLine(name="TicketMessage")
        layout.addWidget(self.message)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)

        self._build_choose()
        self.result = TicketResult(name="Ticket")
        self.finish_button = action_button(name="TicketFinish")
        self.finish_button.clicked.connect(self.finished)
        self.done_page = outcome_page(self.result, self.finish_button)
        self.pages.addWidget(self.done_page)

        self._watcher = JobWatcher(queue=services.print_queue, health=services.health,
                                   parent=self)
        self._watcher.job_changed.connect(self.result.show_job)
        self._retranslate()

    def _build_choose(self) -> None:
        """The first page: green-channel toggles over the business areas."""
        self.choose_page = QWidget()
        choose = QVBoxLayout(self.choose_page)
        choose.setContentsMargins(0, 0, 0, 0)
        choose.setSpacing(16)
        self._green_hint = styled_label("", role="subtitle")
        choose.addWidget(self._green_hint)
        green_row = QHBoxLayout()
        self._green = QButtonGroup(self)
        self._green.setExclusive(False)
        self.green_buttons: dict[GreenChannel, QPushButton] = {}
        for channel, _text in GREEN_CHOICES:
            button = action_button(name=f"green-{channel.value}", primary=False)
            button.setCheckable(True)
            button.toggled.connect(lambda on, c=channel: self._green_toggled(c, on))
            self._green.addButton(button)
            self.green_buttons[channel] = button
            green_row.addWidget(button)
        choose.addLayout(green_row)
        self._green_note = styled_label("", role="muted")
        choose.addWidget(self._green_note)
        self._area_hint = styled_label("", role="subtitle")
        choose.addWidget(self._area_hint)
        # a hall with many business areas scrolls here instead of pushing the kiosk's
        # window past the bottom of the screen
        areas = QWidget()
        self._area_grid = QGridLayout(areas)
        self._area_grid.setContentsMargins(0, 0, 0, 0)
        self._area_grid.setSpacing(16)
        self._area_grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setObjectName("TicketAreas")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(areas)
        choose.addWidget(scroll, 1)
        self.pages.addWidget(self.choose_page)

    # -- the session ---------------------------------------------------------------------

    def reset(self) -> None:
        """Start afresh (entering from home): the areas and their waiting counts now."""
        self.forget_personal_data()
        clear_layout(self._area_grid)  # the counts of a minute ago are wrong now
        queue, hall = self._queue, self._services.hall
        self._runner.run(lambda: load_areas(queue, hall), on_done=self._on_areas,
                         on_error=self._on_error, key="kiosk-ticket-areas", owner=self)

    def holds_personal_data(self) -> bool:
        # A ticket names nobody, but the choice of 孕期妇女/残疾人 is the citizen's own.
        return self.result.taken() is not None or self.green() is not GreenChannel.NONE

    def forget_personal_data(self) -> None:
        self._busy = False
        for button in self.green_buttons.values():
            button.blockSignals(True)
            button.setChecked(False)
            button.blockSignals(False)
        self.result.clear()
        self.message.clear_message()
        self.pages.setCurrentWidget(self.choose_page)
        self._update_green_note()

    def green(self) -> GreenChannel:
        """The green channel chosen, or ``NONE``."""
        for channel, button in self.green_buttons.items():
            if button.isChecked():
                return channel
        return GreenChannel.NONE

    def area_buttons(self) -> list[QPushButton]:
        """The business-area buttons shown (tests tap them)."""
        found = (self._area_grid.itemAt(i) for i in range(self._area_grid.count()))
        return [
            w for w in (item.widget() for item in found if item is not None)
            if isinstance(w, QPushButton)
        ]

    def area_button(self, prefix: str) -> QPushButton:
        """The button of one business area; ``LookupError`` when not shown."""
        for button in self.area_buttons():
            if button.objectName() == f"area-{prefix}":
                return button
        raise LookupError(prefix)

    def spoken_text(self) -> str:
        if self.pages.currentWidget() is self.done_page:
            return "\n".join((self.result.number.text(), self.result.waiting.text()))
        return "\n".join((self._title.text(), self._area_hint.text()))

    # -- choosing ------------------------------------------------------------------------

    def _green_toggled(self, channel: GreenChannel, on: bool) -> None:
        if on:  # one channel at most; tapping it again clears it
            for other, button in self.green_buttons.items():
                if other is not channel and button.isChecked():
                    button.blockSignals(True)
                    button.setChecked(False)
                    button.blockSignals(False)
        self._update_green_note()

    def _on_areas(self, result: tuple[list[AreaChoice], bool]) -> None:
        self._areas, self._online = result
        clear_layout(self._area_grid)
        if not self._areas:
            self.message.error(self.tr("本大厅暂未设置排队业务，请到服务台咨询"))
            return
        if not self._online:
            self.message.notice(self.tr(
                "网络中断：仍可取号，但前面等候人数为估计值"))
        columns = 2 if len(self._areas) > 3 else 1  # noqa: PLR2004 - a short list in one column
        for index, area in enumerate(self._areas):
            button = QPushButton(self._area_text(area))
            button.setObjectName(f"area-{area.prefix}")
            button.setProperty("role", "tile")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            button.setMinimumHeight(100)
            button.setEnabled(area.open_now)
            button.clicked.connect(lambda _=False, p=area.prefix: self.take(p))
            row, column = divmod(index, columns)
            self._area_grid.addWidget(button, row, column)

    def _area_text(self, area: AreaChoice) -> str:
        head = arg(self.tr("%1  %2"), area.prefix, area.name)
        if not area.open_now:
            return head + "\n" + arg(self.tr("取号时间 %1"), area.hours_text)
        if area.waiting is None:
            return head
        return head + "\n" + arg(self.tr("当前等候 %1 人"), area.waiting)

    def take(self, prefix: str) -> None:
        """Issue a ticket for ``prefix`` with the chosen green channel, then print it."""
        if self._busy:
            return
        self._busy = True
        services, queue, terminal = self._services, self._queue, self._terminal
        green = self.green()

        def work() -> TicketTaken:
            ticket = queue.issue(prefix, green_channel=green)
            return TicketTaken(ticket, print_ticket(services, ticket, terminal_id=terminal))

        self.message.notice(self.tr("正在取号，请稍候…"))
        self._runner.run(work, on_done=self._on_issued, on_error=self._on_error,
                         key="kiosk-ticket", owner=self)

    def _on_issued(self, taken: TicketTaken) -> None:
        self._busy = False
        self.message.clear_message()
        self.result.show_ticket(taken)
        self.pages.setCurrentWidget(self.done_page)
        log.info("ticket %s issued (%s)", taken.number,
                 "online" if taken.ticket.online else "offline block")
        self.issued.emit(taken)

    def _on_error(self, error: BaseException) -> None:
        self._busy = False
        self.message.error(message_of(error))

    # -- text ----------------------------------------------------------------------------

    def _update_green_note(self) -> None:
        if self.green() is GreenChannel.NONE:
            self._green_note.setText(self.tr("符合条件的可先选择绿色通道，再选择业务"))
        else:
            self._green_note.setText(self.tr("已选择绿色通道，请到窗口出示相关证件，由工作人员确认"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._title.setText(self.tr("取号"))
        self._green_hint.setText(self.tr("绿色通道（老年人、残疾人、孕期妇女、军人优先）"))
        for channel, text in GREEN_CHOICES:
            self.green_buttons[channel].setText(self.tr(text))
        self._area_hint.setText(self.tr("请选择要办理的业务"))
        self.finish_button.setText(self.tr("完成"))
        self._update_green_note()
        for button in self.area_buttons():
            area = next((a for a in self._areas if f"area-{a.prefix}" == button.objectName()),
                        None)
            if area is not None:
                button.setText(self._area_text(area))
