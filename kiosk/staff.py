"""Staff mode of the kiosk: a PIN-protected maintenance screen for the hall's staff.

DESIGN.md: "A kiosk session is wiped on finish or idle timeout … Staff exit from kiosk
mode needs a PIN (hashed)". A device fault must never trap a citizen, and the paper
that failed must be reprinted later: this is where staff do it.

- **Entry** is a deliberate but hidden gesture: five taps on the terminal number in
  the footer within three seconds (:class:`StaffEntryGesture`). The window ends the
  citizen's session (everything personal is wiped) and shows :class:`StaffScreen`,
  which opens on a large PIN pad: digits only, the PIN shown as dots, never echoed.
- The PIN is one of the hall's staff PINs (``core.accounts.Accounts.staff_for_pin``)
  or the terminal's configured ``kiosk.staff_pin_hash``, checked through a
  :class:`core.accounts.PinGate`: five wrong PINs lock the pad for 15 minutes, with a
  countdown on screen. Every entry, failure, lockout and action goes into the
  hash-chained audit log (``sync.audit``).
- The **console** shows device health (each device, its state, since when, what to
  do), failed and waiting print jobs (preview, reprint on a chosen printer, cancel),
  pickup claims left half-way (confirm or release after checking with the citizen),
  the lockers (all-status, open a compartment), the sync status (online, data age per
  stream, outbox, the rejected events that need attention with their reasons) and the
  terminal's facts (id, hall, version, data and log folders), with buttons to reload
  the catalog, print a test page and leave kiosk mode.
- Staff mode has its own longer idle timeout (:data:`STAFF_IDLE_S`); when it runs out
  the window goes home and the console locks. Leaving the screen in any way locks it.
- **Exiting kiosk mode** asks for a PIN again, then closes the program. A full-screen
  kiosk deployed with ``packaging/systemd/govterm-kiosk.service`` (``Restart=always``)
  is started again by systemd a few seconds later; staff who need it to stay closed
  stop the service (``systemctl stop govterm-kiosk``).

:class:`StaffDesk` is what the screen works with: plain methods, all blocking (SQLite,
scrypt, serial I/O), called through the task runner, never on the GUI thread.
"""

from __future__ import annotations

import datetime as _dt
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import partial
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QMarginsF,
    QObject,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QHideEvent,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPixmap,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.errors import EnvironmentProblem, ValidationFailed, msg
from widgets.i18n import arg, error_text, is_language_change, translate_text
from widgets.layout import MessageLine, card, clear_layout, heading, styled_label
from widgets.task_runner import TaskRunner

if TYPE_CHECKING:  # imported where used: the window imports this module at start-up
    from core.accounts import Accounts, Clerk, PinGate
    from core.clock import Clock
    from devices.health import DeviceHealth, HealthBoard
    from devices.lockers.board import CompartmentStatus, Locker
    from sync.audit import AuditLog
    from sync.cases import PickupLedger
    from sync.print_queue import PrintJob, PrintQueue
    from sync.status import SyncStatus
    from sync.store import Store

log = logging.getLogger(__name__)

STAFF_IDLE_S = 300
"""Idle seconds before staff mode goes home (a citizen screen waits 60)."""
TAPS_TO_ENTER = 5
TAP_WINDOW_S = 3.0
MAX_PIN_DIGITS = 12
PAD_ACTOR = "kiosk-staff-pad"
"""The audit actor of PIN attempts that named nobody."""
CONFIGURED_STAFF = "kiosk-admin"
"""The account id staff act under when they used the configured ``staff_pin_hash``."""
REFRESH_MS = 5000
"""How often the open console reads the queue, devices and sync status again."""


class Purpose(StrEnum):
    """What a PIN is asked for."""

    ENTER = "enter"  # open the staff console
    EXIT = "exit"  # close the program (leave kiosk mode)


# ---- what the console works with ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TerminalInfo:
    """Facts about this terminal that staff and support ask for.

    Attributes:
        terminal_id: the terminal number.
        hall: the hall's id and name.
        version: the govterm version.
        data_dir: the local store's folder.
        log_path: the log file.
    """

    terminal_id: str
    hall: str
    version: str
    data_dir: str
    log_path: str


@dataclass(frozen=True, slots=True)
class StuckClaim:
    """A pickup claimed on this terminal whose result never came out or was never confirmed.

    Attributes:
        pickup_id: the claim.
        case_number: the case.
        item_name: the service item.
        applicant: the applicant's masked name (to check with the citizen).
        method: ``"print"`` or ``"locker"``, as the result is handed out here.
    """

    pickup_id: str
    case_number: str
    item_name: str
    applicant: str
    method: str


@dataclass(frozen=True, slots=True)
class LockerView:
    """The lockers as the console shows them.

    Attributes:
        compartments: every compartment's status (empty when the board cannot list them).
        count: how many compartments the board drives (0 when unknown).
        problem: why the status could not be read ("" when it could).
    """

    compartments: tuple[CompartmentStatus, ...] = ()
    count: int = 0
    problem: str = ""


@dataclass(frozen=True, slots=True)
class StaffSnapshot:
    """One reading of everything the console shows.

    Attributes:
        devices: each device's health.
        failed: print jobs that need staff.
        pending: print jobs waiting or printing.
        stuck: pickup claims left half-way.
        sync: the sync status, or None on a terminal without a gateway link.
        at: when the reading was taken.
    """

    devices: tuple[DeviceHealth, ...]
    failed: tuple[PrintJob, ...]
    pending: tuple[PrintJob, ...]
    stuck: tuple[StuckClaim, ...]
    sync: SyncStatus | None
    at: _dt.datetime


class StatusSource(Protocol):
    """The sync status as the console reads it (``StatusBoard`` or ``SyncStatusModel``)."""

    @property
    def status(self) -> SyncStatus: ...


class PinCheck(Protocol):
    """Returns the staff member a PIN belongs to, or None."""

    def __call__(self, pin: str) -> Clerk | None: ...


def configured_staff(hall_id: str) -> Clerk:
    """The staff member the configured ``kiosk.staff_pin_hash`` stands for."""
    from core.accounts import Clerk
    from core.case import Role

    return Clerk(id=CONFIGURED_STAFF, name="终端管理员", roles=(Role.ADMIN,), hall_id=hall_id)


def staff_pin_check(*, accounts: Accounts | None, hall_id: str, pin_hash: str = "") -> PinCheck:
    """The check a :class:`PinGate` runs: the configured PIN, then the hall's staff PINs.

    Args:
        accounts: the terminal's accounts (staff PINs set in the window client), or None.
        hall_id: only this hall's staff may open this kiosk.
        pin_hash: the configured ``kiosk.staff_pin_hash`` ("" = none configured).
    """

    from core.accounts import verify_secret

    def check(pin: str) -> Clerk | None:
        if pin_hash and verify_secret(pin, pin_hash):
            return configured_staff(hall_id)
        if accounts is not None:
            return accounts.staff_for_pin(pin, hall_id)
        return None

    return check


@dataclass(kw_only=True)
class StaffDesk:
    """What staff mode works with; every method blocks (call it through the task runner).

    Attributes:
        gate: the PIN pad's gate (wrong PINs lock it).
        audit: where every entry, failure and action is recorded.
        info: the terminal's facts.
        clock: the hall clock (lockout countdown, snapshot time).
        store: the local store (details of stuck claims from the synced pickups).
        print_queue: the durable print queue, or None.
        printers: the configured printers' names, for a reprint elsewhere.
        health: the device health board, or None.
        pickups: the pickup claims, or None.
        locker: the pickup lockers, or None.
        sync_status: the sync status, or None.
        refresh_devices: asks every device how it is now (``Devices.refresh``), or None.
        reload_catalog: pulls and re-reads the catalog the screens show, or None.
        quit: closes the program (leaving kiosk mode), or None (then only the screen's
            ``exit_confirmed`` signal tells the window).
    """

    gate: PinGate
    audit: AuditLog
    info: TerminalInfo
    clock: Clock
    store: Store | None = None
    print_queue: PrintQueue | None = None
    printers: tuple[str, ...] = ()
    health: HealthBoard | None = None
    pickups: PickupLedger | None = None
    locker: Locker | None = None
    sync_status: StatusSource | None = None
    refresh_devices: Callable[[], None] | None = None
    reload_catalog: Callable[[], None] | None = None
    quit: Callable[[], None] | None = None
    _unlocked: set[str] = field(default_factory=set)

    # -- the PIN ------------------------------------------------------------------------

    def enter(self, pin: str, purpose: Purpose) -> Clerk:
        """Check a PIN for ``purpose`` and record the outcome.

        Raises:
            LoginRefused: a wrong PIN (``params['left']`` attempts remain).
            AccountLocked: too many wrong PINs; the pad is locked (``params['until']``).
        """
        from core.accounts import AccountLocked, LoginRefused

        try:
            clerk = self.gate.enter(pin)
        except AccountLocked as locked:
            self.audit.record(PAD_ACTOR, "kiosk.staff_pin_locked", self._subject(),
                              {"purpose": purpose.value, "until": locked.params.get("until")})
            raise
        except LoginRefused as refused:
            self.audit.record(PAD_ACTOR, "kiosk.staff_pin_failed", self._subject(),
                              {"purpose": purpose.value, "left": refused.params.get("left")})
            raise
        action = "kiosk.staff_entered" if purpose is Purpose.ENTER else "kiosk.exit"
        self.audit.record(clerk.id, action, self._subject(), {"name": clerk.name})
        log.info("staff %s: %s", clerk.id, purpose.value)
        return clerk

    def locked_until(self) -> _dt.datetime | None:
        """When the PIN pad unlocks again (None: it is not locked)."""
        return self.gate.locked_until

    def left(self, clerk: Clerk, reason: str) -> None:
        """Staff mode closed (back to the citizen screens, idle, the window went away)."""
        self.audit.record(clerk.id, "kiosk.staff_left", self._subject(), {"reason": reason})

    # -- reading ------------------------------------------------------------------------

    def snapshot(self) -> StaffSnapshot:
        """Everything the console shows, read now."""
        queue = self.print_queue
        return StaffSnapshot(
            devices=tuple(self.health.devices()) if self.health is not None else (),
            failed=tuple(queue.failed()) if queue is not None else (),
            pending=tuple(queue.pending()) if queue is not None else (),
            stuck=tuple(self._stuck()),
            sync=self.sync_status.status if self.sync_status is not None else None,
            at=self.clock.now(),
        )

    def lockers(self) -> LockerView:
        """Every compartment's door and item sensor (serial I/O)."""
        locker = self.locker
        if locker is None:
            return LockerView()
        count = int(getattr(locker, "compartments", 0) or 0)
        read_all = getattr(locker, "all_status", None)
        try:
            if callable(read_all):
                return LockerView(tuple(read_all()), count)
            return LockerView(tuple(locker.status(n) for n in range(1, count + 1)), count)
        except EnvironmentProblem as exc:
            return LockerView((), count, getattr(exc, "reason", "") or str(exc))

    def preview(self, job_id: str) -> bytes:
        """The PDF of a print job."""
        queue = self._queue()
        return queue.pdf(job_id)

    def _stuck(self) -> list[StuckClaim]:
        from core.pickup import PickupOffer

        if self.pickups is None:
            return []
        found = []
        for pickup_id in self.pickups.stuck():
            doc = self.store.cached_doc("pickups", pickup_id) if self.store is not None else None
            try:
                offer = PickupOffer.from_doc(doc) if doc is not None else None
            except ValidationFailed:
                offer = None
            found.append(StuckClaim(
                pickup_id=pickup_id,
                case_number=offer.case_number if offer else "",
                item_name=offer.item_name if offer else "",
                applicant=offer.applicant if offer else "",
                method=(offer.method or "") if offer else "",
            ))
        return found

    # -- acting -------------------------------------------------------------------------

    def reprint(self, clerk: Clerk, job_id: str, printer: str) -> str:
        """Print a job again on ``printer``; returns the queued job's id."""
        queue = self._queue()
        job = queue.get(job_id)
        queued = queue.reprint(job_id, printer=printer)
        self.audit.record(clerk.id, "print.reprinted", f"print:{job_id}",
                          {"paper": job.paper, "printer": printer, "queued": queued,
                           "case": job.case_ref or ""})
        return queued

    def cancel(self, clerk: Clerk, job_id: str) -> None:
        """Cancel a waiting or failed job."""
        queue = self._queue()
        job = queue.get(job_id)
        queue.cancel(job_id)
        self.audit.record(clerk.id, "print.cancelled", f"print:{job_id}",
                          {"paper": job.paper, "case": job.case_ref or ""})

    def release(self, clerk: Clerk, pickup_id: str) -> None:
        """The result did not come out: free the claim so the citizen can pick it up again."""
        self._ledger().release(pickup_id, actor=clerk.id, reason="工作人员核实后释放")

    def confirm(self, clerk: Clerk, pickup_id: str) -> None:
        """The citizen has the result: mark it collected (the platform hears of it)."""
        self._ledger().confirm(pickup_id, actor=clerk.id)

    def open_compartment(self, clerk: Clerk, compartment: int) -> None:
        """Release one compartment's lock for maintenance."""
        if self.locker is None:
            raise ValidationFailed(msg("本机没有智能文件柜"), code="staff.no_locker")
        try:
            self.locker.open(compartment)
        except EnvironmentProblem as exc:
            self.audit.record(clerk.id, "locker.open_failed", f"locker:{compartment}",
                              {"reason": str(getattr(exc, "reason", "") or exc)})
            raise
        self.audit.record(clerk.id, "locker.opened", f"locker:{compartment}",
                          {"purpose": "maintenance"})

    def check_devices(self, clerk: Clerk) -> None:
        """Ask every device how it is now (after refilling paper, reconnecting …)."""
        if self.refresh_devices is not None:
            self.refresh_devices()
        if self.print_queue is not None:
            self.print_queue.wake()
        self.audit.record(clerk.id, "devices.checked", self._subject())

    def print_test_page(self, clerk: Clerk, printer: str, pdf: bytes) -> str:
        """Queue a test page on ``printer``; returns the job id."""
        job = self._queue().submit(pdf, paper="test_page", title="打印测试页", printer=printer)
        self.audit.record(clerk.id, "print.test_page", f"print:{job}", {"printer": printer})
        return job

    def reload(self, clerk: Clerk) -> None:
        """Pull the catalog now and rebuild what the screens show from it."""
        if self.reload_catalog is None:
            raise ValidationFailed(msg("本机无法重新加载目录"), code="staff.no_reload")
        self.reload_catalog()
        self.audit.record(clerk.id, "kiosk.catalog_reloaded", self._subject())

    # -- internals ----------------------------------------------------------------------

    def _subject(self) -> str:
        return f"terminal:{self.info.terminal_id}"

    def _queue(self) -> PrintQueue:
        if self.print_queue is None:
            raise ValidationFailed(msg("本机没有打印队列"), code="staff.no_queue")
        return self.print_queue

    def _ledger(self) -> PickupLedger:
        if self.pickups is None:
            raise ValidationFailed(msg("本机没有自助取件"), code="staff.no_pickups")
        return self.pickups


def test_page_pdf(info: TerminalInfo, *, printer: str, now: _dt.datetime, receipt: bool) -> bytes:
    """A one-page printer test: terminal, hall, printer, time, a ruler and a grey ramp.

    80 mm wide for the receipt printer, A4 otherwise. Drawn with Qt's PDF writer on the
    GUI thread (one small page, a few milliseconds).
    """
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle("打印测试页")
    writer.setResolution(300)
    size = (QPageSize(QSizeF(80, 120), QPageSize.Unit.Millimeter, "80mm",
                      QPageSize.SizeMatchPolicy.ExactMatch) if receipt
            else QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait,
                                     QMarginsF(4, 4, 4, 4), QPageLayout.Unit.Millimeter))
    painter = QPainter(writer)
    try:
        area = writer.pageLayout().paintRectPixels(writer.resolution())
        width = area.width()
        font = QFont("Noto Sans CJK SC")
        font.setPointSizeF(10 if receipt else 14)
        painter.setFont(font)
        lines = [
            "打印测试页 / Printer test page",
            f"终端 {info.terminal_id}",
            info.hall,
            f"打印机 {printer}",
            now.strftime("%Y-%m-%d %H:%M:%S"),
            f"govterm {info.version}",
            "中文字体：政务服务 一窗受理 自助终端",
        ]
        line_height = painter.fontMetrics().height() * 1.4
        y = 0.0
        for text in lines:
            painter.drawText(QRectF(0, y, width, line_height), Qt.AlignmentFlag.AlignLeft, text)
            y += line_height
        y += line_height / 2
        steps = 10
        block = width / steps
        for step in range(steps):
            grey = 255 - step * 25
            painter.fillRect(QRectF(step * block, y, block, line_height),
                             QColor(grey, grey, grey))
        y += line_height * 1.5
        painter.drawLine(0, int(y), int(width), int(y))
        for mark in range(steps + 1):
            x = min(width - 1, mark * block)
            painter.drawLine(int(x), int(y), int(x), int(y + line_height / 2))
    finally:
        painter.end()
    buffer.close()
    return bytes(buffer.data().data())


# ---- small parts ----------------------------------------------------------------------


def action_button(text: str = "", *, name: str, primary: bool = True) -> QPushButton:
    """A large touch button."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.setProperty("role", "primary" if primary else "secondary")
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setMinimumHeight(72)
    return button


# ---- the entry gesture ----------------------------------------------------------------


class StaffEntryGesture(QObject):
    """Five taps on one widget (the footer's terminal number) within three seconds.

    Args:
        target: the widget tapped.
        clock: monotonic seconds (tests pass their own).
        taps: how many taps.
        window_s: within how many seconds.
        parent: the Qt parent.

    Signals:
        triggered(): the gesture was made.
    """

    triggered = Signal()

    def __init__(
        self,
        *,
        target: QWidget,
        clock: Callable[[], float] = time.monotonic,
        taps: int = TAPS_TO_ENTER,
        window_s: float = TAP_WINDOW_S,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._taps = taps
        self._window = window_s
        self._times: list[float] = []
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            now = self._clock()
            self._times = [t for t in self._times if now - t <= self._window] + [now]
            if len(self._times) >= self._taps:
                self._times.clear()
                log.info("staff entry gesture")
                self.triggered.emit()
        return False


# ---- the PIN pad ------------------------------------------------------------------------


class PinPad(QWidget):
    """A large digits-only PIN pad; the PIN shows as dots, never as digits.

    Signals:
        entered(str): 确定 was tapped with at least one digit.
        cancelled(): 取消 was tapped.
    """

    entered = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StaffPinPad")
        # the theme's keys are sized for a keyboard row; a PIN pad wants big targets
        self.setStyleSheet(
            '#StaffPinPad QPushButton[role="key"], #StaffPinPad QPushButton[role="key-action"]'
            " { min-width: 180px; min-height: 100px; }"
            ' #StaffPinPad QPushButton[role="key"] { font-size: 40px; }'
            " #StaffPinOk, #StaffPinCancel { min-width: 240px; min-height: 88px; }"
        )
        self._digits = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        self.title = heading(name="StaffPinTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = styled_label("", role="muted")
        self.hint.setObjectName("StaffPinHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dots = QLabel()
        self.dots.setObjectName("StaffPinDots")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dots.setStyleSheet("#StaffPinDots { font-size: 48px; letter-spacing: 12px;"
                                " color: #0F4C9E; min-height: 72px; }")
        self.message = MessageLine(name="StaffPinMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for widget in (self.title, self.hint, self.dots, self.message):
            layout.addWidget(widget)
        grid = QGridLayout()
        grid.setSpacing(16)
        self.keys: dict[str, QPushButton] = {}
        for index, digit in enumerate("123456789"):
            self._key(grid, digit, *divmod(index, 3))
        self.clear_button = self._button("StaffPinClear", grid, 3, 0)
        self.clear_button.clicked.connect(self.clear)
        self._key(grid, "0", 3, 1)
        self.delete_button = self._button("StaffPinDelete", grid, 3, 2)
        self.delete_button.clicked.connect(self._delete)
        pad = QWidget()
        pad.setLayout(grid)
        pad.setMaximumWidth(640)
        layout.addWidget(pad, 0, Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout()
        row.setSpacing(24)
        self.cancel_button = action_button(name="StaffPinCancel", primary=False)
        self.cancel_button.clicked.connect(self.cancelled)
        self.ok_button = action_button(name="StaffPinOk")
        self.ok_button.clicked.connect(self._submit)
        for button in (self.cancel_button, self.ok_button):
            button.setMinimumSize(240, 88)
            row.addWidget(button)
        layout.addLayout(row)
        layout.setAlignment(row, Qt.AlignmentFlag.AlignHCenter)
        self._show_dots()

    def clear(self) -> None:
        """Forget the digits typed so far."""
        self._digits = ""
        self._show_dots()

    def typed(self) -> int:
        """How many digits are typed (never which)."""
        return len(self._digits)

    def set_enabled_keys(self, enabled: bool) -> None:
        """Enable or disable every key (while checking, or while locked)."""
        for button in (*self.keys.values(), self.clear_button, self.delete_button,
                       self.ok_button):
            button.setEnabled(enabled)

    def retranslate(self) -> None:
        self.clear_button.setText(self.tr("清空"))
        self.delete_button.setText(self.tr("删除"))
        self.cancel_button.setText(self.tr("取消"))
        self.ok_button.setText(self.tr("确定"))

    def _key(self, grid: QGridLayout, digit: str, row: int, column: int) -> None:
        button = QPushButton(digit)
        button.setObjectName(f"StaffPinKey{digit}")
        button.setProperty("role", "key")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda _=False, d=digit: self._press(d))
        grid.addWidget(button, row, column)
        self.keys[digit] = button

    def _button(self, name: str, grid: QGridLayout, row: int, column: int) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.setProperty("role", "key-action")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setMinimumSize(180, 100)
        grid.addWidget(button, row, column)
        return button

    def _press(self, digit: str) -> None:
        if len(self._digits) < MAX_PIN_DIGITS:
            self._digits += digit
            self._show_dots()

    def _delete(self) -> None:
        self._digits = self._digits[:-1]
        self._show_dots()

    def _submit(self) -> None:
        if self._digits:
            pin, self._digits = self._digits, ""
            self._show_dots()
            self.entered.emit(pin)

    def _show_dots(self) -> None:
        shown = max(6, len(self._digits))
        self.dots.setText("●" * len(self._digits) + "○" * (shown - len(self._digits)))


# ---- the console -----------------------------------------------------------------------

_DEVICE_NAMES = {  # devices.health.Role values
    "receipt_printer": QT_TRANSLATE_NOOP("StaffScreen", "小票打印机"),
    "a4_printer": QT_TRANSLATE_NOOP("StaffScreen", "A4 打印机"),
    "scanner": QT_TRANSLATE_NOOP("StaffScreen", "扫码器"),
    "locker": QT_TRANSLATE_NOOP("StaffScreen", "智能文件柜"),
    "idcard": QT_TRANSLATE_NOOP("StaffScreen", "身份证阅读器"),
    "network": QT_TRANSLATE_NOOP("StaffScreen", "平台网络"),
}
_HEALTH_NAMES = {  # devices.health.Health values
    "ok": QT_TRANSLATE_NOOP("StaffScreen", "正常"),
    "degraded": QT_TRANSLATE_NOOP("StaffScreen", "需关注"),
    "unavailable": QT_TRANSLATE_NOOP("StaffScreen", "不可用"),
}
_JOB_STATES = {  # sync.print_queue.JobState values
    "queued": QT_TRANSLATE_NOOP("StaffScreen", "排队中"),
    "printing": QT_TRANSLATE_NOOP("StaffScreen", "打印中"),
    "failed": QT_TRANSLATE_NOOP("StaffScreen", "打印失败"),
    "done": QT_TRANSLATE_NOOP("StaffScreen", "已打印"),
    "cancelled": QT_TRANSLATE_NOOP("StaffScreen", "已取消"),
}
_PRINTER_NAMES = {
    "receipt": QT_TRANSLATE_NOOP("StaffScreen", "小票打印机"),
    "a4": QT_TRANSLATE_NOOP("StaffScreen", "A4 打印机"),
}
SECTIONS: tuple[tuple[str, str], ...] = (
    ("devices", QT_TRANSLATE_NOOP("StaffScreen", "设备状态")),
    ("printing", QT_TRANSLATE_NOOP("StaffScreen", "打印任务")),
    ("pickups", QT_TRANSLATE_NOOP("StaffScreen", "取件异常")),
    ("lockers", QT_TRANSLATE_NOOP("StaffScreen", "智能文件柜")),
    ("sync", QT_TRANSLATE_NOOP("StaffScreen", "同步状态")),
    ("terminal", QT_TRANSLATE_NOOP("StaffScreen", "终端信息")),
)
"""The console's sections, in the order of its navigation."""


class StaffScreen(QWidget):
    """Staff mode: the PIN pad, then the maintenance console.

    Args:
        desk: what staff mode works with.
        runner: every desk call runs through it.
        parent: the Qt parent.

    Signals:
        left(): staff tapped 返回自助服务 (or cancelled the PIN pad): go home.
        exit_confirmed(): a PIN confirmed leaving kiosk mode; the program closes.
    """

    left = Signal()
    exit_confirmed = Signal()

    idle_timeout_s = STAFF_IDLE_S

    def __init__(
        self, *, desk: StaffDesk, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("StaffScreen")
        self._desk = desk
        self._runner = runner
        self._clerk: Clerk | None = None
        self._purpose = Purpose.ENTER
        self._checking = False
        self._snapshot: StaffSnapshot | None = None
        self._lockers = LockerView()
        self._job: str | None = None
        self._printer = desk.printers[0] if desk.printers else ""
        self._current_section = SECTIONS[0][0]
        self.job_buttons: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 16, 32, 16)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages)
        self.pad_page = self._build_pad_page()
        self.console = self._build_console()
        self.pages.addWidget(self.pad_page)
        self.pages.addWidget(self.console)
        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(1000)
        self._lock_timer.timeout.connect(self._tick_lock)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._retranslate()

    # -- public ------------------------------------------------------------------------

    def reset(self) -> None:
        """Entering staff mode: the PIN pad, nobody signed in."""
        self._sign_out("reset")
        self._ask_pin(Purpose.ENTER)

    def staff(self) -> Clerk | None:
        """Who is signed in, or None while the PIN pad shows."""
        return self._clerk

    def holds_personal_data(self) -> bool:
        return self._clerk is not None or self.pad.typed() > 0

    def forget_personal_data(self) -> None:
        """The session ends (idle, home): lock the console, drop typed digits."""
        self._sign_out("session_end")
        self._ask_pin(Purpose.ENTER)

    def show_section(self, key: str) -> None:
        """Show one section of the console (``devices``, ``printing`` …)."""
        self._current_section = key
        self.sections.setCurrentWidget(self._section_pages[key])
        for name, button in self.section_buttons.items():
            button.setChecked(name == key)
        if key == "lockers":
            self._read_lockers()

    def refresh(self) -> None:
        """Read the queue, devices, claims and sync status again."""
        if self._clerk is None:
            return
        self._runner.run_catalog(self._desk.snapshot, on_done=self._show_snapshot,
                                 on_error=self._failed, key="staff-snapshot", owner=self)

    # -- the PIN ---------------------------------------------------------------------------

    def _ask_pin(self, purpose: Purpose) -> None:
        self._purpose = purpose
        self._checking = False
        self.pad.clear()
        self.pad.message.clear_message()
        self._refresh_timer.stop()
        self._retranslate_pad()
        self.pages.setCurrentWidget(self.pad_page)
        self._tick_lock()

    def _on_pin(self, pin: str) -> None:
        if self._checking:
            return
        self._checking = True
        self.pad.set_enabled_keys(False)
        self.pad.message.notice(self.tr("正在核验…"))
        purpose = self._purpose
        self._runner.run(lambda: self._desk.enter(pin, purpose), on_done=self._on_verified,
                         on_error=self._on_refused, key="staff-pin", owner=self)

    def _on_verified(self, clerk: Clerk) -> None:
        self._checking = False
        self.pad.set_enabled_keys(True)
        self.pad.message.clear_message()
        if self._purpose is Purpose.EXIT:
            log.info("leaving kiosk mode at staff request")
            self._clerk = None
            self._refresh_timer.stop()
            self.exit_confirmed.emit()
            if self._desk.quit is not None:
                self._desk.quit()
            return
        self._clerk = clerk
        self.who.setText(arg(self.tr("工作人员模式 · %1（%2）"), clerk.name, clerk.id))
        self.pages.setCurrentWidget(self.console)
        self.show_section(self._current_section)
        self.refresh()
        self._refresh_timer.start()

    def _on_refused(self, error: BaseException) -> None:
        from core.accounts import AccountLocked, LoginRefused

        self._checking = False
        self.pad.set_enabled_keys(True)
        if isinstance(error, AccountLocked):
            self._tick_lock()
        elif isinstance(error, LoginRefused):
            left = error.params.get("left")
            self.pad.message.error(arg(self.tr("PIN 不正确，还可尝试 %1 次"), left)
                                   if left is not None else self.tr("PIN 不正确"))
        else:
            self._failed(error)

    def _tick_lock(self) -> None:
        """Show the lockout and its countdown; unlock the pad when it has run out."""
        until = self._desk.locked_until()
        if until is None:
            if self._lock_timer.isActive():
                self._lock_timer.stop()
                self.pad.message.clear_message()
            if not self._checking:
                self.pad.set_enabled_keys(True)
            return
        left = max(0, int((until - self._desk.clock.now()).total_seconds()))
        minutes, seconds = divmod(left, 60)
        self.pad.set_enabled_keys(False)
        self.pad.clear()
        self.pad.message.error(arg(
            self.tr("PIN 错误次数过多，已锁定。请于 %1 后再试（还剩 %2 分 %3 秒）"),
            until.strftime("%H:%M"), minutes, f"{seconds:02d}",
        ))
        if not self._lock_timer.isActive():
            self._lock_timer.start()

    def _sign_out(self, reason: str) -> None:
        clerk, self._clerk = self._clerk, None
        self._refresh_timer.stop()
        self._job = None
        self._snapshot = None
        if clerk is None:
            return
        try:
            self._runner.run_catalog(lambda: self._desk.left(clerk, reason),
                                     on_done=lambda _: None, on_error=self._log_error)
        except RuntimeError:  # the runner is shut down: the window is closing
            self._desk.left(clerk, reason)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        # Whatever took the screen away (home, back, idle), the console locks.
        if self._clerk is not None and not event.spontaneous():
            self._sign_out("left_screen")
            self._ask_pin(Purpose.ENTER)
        super().hideEvent(event)

    # -- building ------------------------------------------------------------------------

    def _build_pad_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        self.pad = PinPad()
        self.pad.entered.connect(self._on_pin)
        self.pad.cancelled.connect(self._cancel_pin)
        layout.addWidget(self.pad)
        layout.addStretch(2)
        return page

    def _cancel_pin(self) -> None:
        if self._purpose is Purpose.EXIT and self._clerk is not None:
            self._purpose = Purpose.ENTER
            self.pages.setCurrentWidget(self.console)
            self._refresh_timer.start()
        else:
            self.left.emit()

    def _build_console(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        top = QHBoxLayout()
        self.who = heading(name="StaffWho")
        self.who.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.back_button = action_button(name="StaffBack", primary=False)
        self.back_button.clicked.connect(self.left)
        self.updated = styled_label("", role="muted", wrap=False)
        self.updated.setObjectName("StaffUpdated")
        top.addWidget(self.who, 1)
        top.addWidget(self.updated)
        top.addWidget(self.back_button)
        layout.addLayout(top)
        self.message = MessageLine(name="StaffMessage")
        layout.addWidget(self.message)
        nav = QGridLayout()
        nav.setSpacing(8)
        self.section_buttons: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        for index, (key, _text) in enumerate(SECTIONS):
            button = QPushButton()
            button.setObjectName(f"StaffSection-{key}")
            button.setProperty("role", "chip")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(72)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, k=key: self.show_section(k))
            group.addButton(button)
            nav.addWidget(button, *divmod(index, 3))
            self.section_buttons[key] = button
        layout.addLayout(nav)
        self.sections = QStackedWidget()
        self._section_pages: dict[str, QWidget] = {}
        self.device_rows = self._section("devices")
        self.job_rows = self._section("printing")
        self.claim_rows = self._section("pickups")
        self.locker_rows = self._section("lockers")
        self.sync_rows = self._section("sync")
        self.terminal_rows = self._section("terminal")
        self._build_job_detail()
        layout.addWidget(self.sections, 1)
        return page

    def _section(self, key: str) -> QVBoxLayout:
        """A scrolling section page; returns the layout its rows go in."""
        area = QScrollArea()
        area.setObjectName(f"StaffPage-{key}")
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        inner = QWidget()
        outer = QVBoxLayout(inner)
        outer.setContentsMargins(0, 0, 8, 0)
        rows = QVBoxLayout()
        rows.setSpacing(10)
        outer.addLayout(rows)
        outer.addStretch(1)
        area.setWidget(inner)
        self.sections.addWidget(area)
        self._section_pages[key] = area
        return rows

    def _build_job_detail(self) -> None:
        """Under the job list: the chosen job's paper, a printer to send it to, the actions."""
        frame, layout = card()
        frame.setObjectName("StaffJobDetail")
        self.job_title = styled_label("", role="subtitle")
        self.job_title.setObjectName("StaffJobTitle")
        self.preview = QLabel()
        self.preview.setObjectName("StaffPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumHeight(240)
        self.preview.setStyleSheet("#StaffPreview { background: #E4E9F0; padding: 8px; }")
        printers = QHBoxLayout()
        self.printer_label = styled_label("", role="body", wrap=False)
        printers.addWidget(self.printer_label)
        self.printer_buttons: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        for name in self._desk.printers:
            button = QPushButton()
            button.setObjectName(f"StaffPrinter-{name}")
            button.setProperty("role", "chip")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(64)
            button.clicked.connect(lambda _=False, n=name: self._choose_printer(n))
            group.addButton(button)
            printers.addWidget(button)
            self.printer_buttons[name] = button
        printers.addStretch(1)
        actions = QHBoxLayout()
        self.reprint_button = action_button(name="StaffReprint")
        self.reprint_button.clicked.connect(self._reprint)
        self.cancel_job_button = action_button(name="StaffCancelJob", primary=False)
        self.cancel_job_button.clicked.connect(self._cancel_job)
        actions.addWidget(self.reprint_button)
        actions.addWidget(self.cancel_job_button)
        actions.addStretch(1)
        for part in (self.job_title, self.preview):
            layout.addWidget(part)
        layout.addLayout(printers)
        layout.addLayout(actions)
        self.job_detail = frame
        frame.hide()

    # -- showing a snapshot ----------------------------------------------------------------

    def _show_snapshot(self, snapshot: StaffSnapshot) -> None:
        if self._clerk is None:
            return
        self._snapshot = snapshot
        self._fill_devices(snapshot)
        self._fill_jobs(snapshot)
        self._fill_claims(snapshot)
        self._fill_sync(snapshot)
        self._fill_terminal()
        self.updated.setText(arg(self.tr("更新于 %1"), snapshot.at.strftime("%H:%M:%S")))

    def _fill_devices(self, snapshot: StaffSnapshot) -> None:
        rows = self.device_rows
        clear_layout(rows)
        rows.addWidget(self._row_button("StaffCheckDevices", self.tr("重新检测设备"),
                                        self._check_devices))
        if not snapshot.devices:
            rows.addWidget(self._empty(self.tr("本机没有登记的设备")))
        for device in snapshot.devices:
            frame, layout = card()
            frame.setObjectName(f"StaffDevice-{device.device_id}")
            role = _DEVICE_NAMES.get(device.role.value)
            head = arg(self.tr("%1 %2：%3"), self.tr(role) if role else device.role.value,
                       device.device_id, self.tr(_HEALTH_NAMES[device.health.value]))
            title = styled_label(head, role="subtitle" if device.usable else "badge-danger")
            since = arg(self.tr("自 %1 起"), device.since.strftime("%Y-%m-%d %H:%M"))
            todo = translate_text(device.staff_message) if device.staff_message else (
                self.tr("无需处理") if device.health.value == "ok"
                else self.tr("请检查设备的电源、连线和耗材"))
            layout.addWidget(title)
            layout.addWidget(styled_label(since, role="muted"))
            layout.addWidget(styled_label(arg(self.tr("处理办法：%1"), todo)))
            rows.addWidget(frame)

    def _fill_jobs(self, snapshot: StaffSnapshot) -> None:
        rows = self.job_rows
        rows.removeWidget(self.job_detail)  # kept across refreshes; the rows are rebuilt
        clear_layout(rows)
        jobs = (*snapshot.failed, *snapshot.pending)
        test = self._row_button("StaffTestPage", self.tr("打印测试页"), self._test_page)
        test.setEnabled(bool(self._desk.printers))
        rows.addWidget(test)
        if not jobs:
            rows.addWidget(self._empty(self.tr("没有待处理的打印任务")))
        self.job_buttons = {}
        for job in jobs:
            state = self.tr(_JOB_STATES[job.state.value])
            text = arg(self.tr("%1 · %2 · %3 · %4"), state, job.title,
                       self._printer_name(job.printer), job.created_at.strftime("%m-%d %H:%M"))
            if job.last_error:
                text += "\n" + translate_text(job.last_error)
            button = self._row_button(f"StaffJob-{job.id}", text,
                                      partial(self._choose_job, job.id))
            button.setCheckable(True)
            button.setChecked(job.id == self._job)
            self.job_buttons[job.id] = button
            rows.addWidget(button)
        if self._job is not None and self._job not in self.job_buttons:
            self._job = None
        rows.addWidget(self.job_detail)
        self.job_detail.setVisible(self._job is not None)
        self._update_job_actions()

    def _fill_claims(self, snapshot: StaffSnapshot) -> None:
        rows = self.claim_rows
        clear_layout(rows)
        rows.addWidget(styled_label(self.tr(
            "这些取件已开始但未完成（打印或开柜中断）。请先与申请人核实：已拿到结果的点“已取走”，"
            "没拿到的点“释放”，申请人即可重新取件。"), role="muted"))
        if not snapshot.stuck:
            rows.addWidget(self._empty(self.tr("没有中断的取件")))
        for claim in snapshot.stuck:
            frame, layout = card()
            frame.setObjectName(f"StaffClaim-{claim.pickup_id}")
            method = self.tr("柜取") if claim.method == "locker" else self.tr("自助打印")
            layout.addWidget(styled_label(
                arg(self.tr("办件 %1 · %2"), claim.case_number or claim.pickup_id,
                    claim.item_name or "—"), role="subtitle"))
            layout.addWidget(styled_label(arg(self.tr("申请人 %1 · %2"),
                                              claim.applicant or "—", method), role="muted"))
            actions = QHBoxLayout()
            confirm = action_button(self.tr("已取走"), name=f"StaffConfirm-{claim.pickup_id}")
            confirm.clicked.connect(lambda _=False, p=claim.pickup_id: self._claim(p, True))
            release = action_button(self.tr("释放"), name=f"StaffRelease-{claim.pickup_id}",
                                    primary=False)
            release.clicked.connect(lambda _=False, p=claim.pickup_id: self._claim(p, False))
            actions.addWidget(confirm)
            actions.addWidget(release)
            actions.addStretch(1)
            layout.addLayout(actions)
            rows.addWidget(frame)

    def _fill_sync(self, snapshot: StaffSnapshot) -> None:
        rows = self.sync_rows
        clear_layout(rows)
        status = snapshot.sync
        if status is None:
            rows.addWidget(self._empty(self.tr("本机未连接政务服务平台（未配置网关）")))
            return
        if status.online:
            state = self.tr("在线")
        elif status.offline_since is not None:
            state = arg(self.tr("离线（自 %1 起）"), status.offline_since.strftime("%m-%d %H:%M"))
        else:
            state = self.tr("离线")
        if not status.authorised:
            state += " · " + self.tr("平台拒绝了本机的凭证，需要重新注册终端")
        rows.addWidget(styled_label(state, role="subtitle" if status.online else "badge-danger"))
        if status.last_error:
            rows.addWidget(styled_label(arg(self.tr("最近的问题：%1"),
                                            translate_text(status.last_error))))
        rows.addWidget(styled_label(arg(self.tr("待上传事件 %1 条"), status.pending)))
        frame, layout = card()
        layout.addWidget(styled_label(self.tr("各类数据的更新时间"), role="section"))
        if not status.last_pull:
            layout.addWidget(styled_label(self.tr("尚未同步过数据"), role="muted"))
        for stream in sorted(status.last_pull):
            age = status.data_age(stream, snapshot.at)
            layout.addWidget(styled_label(arg(self.tr("%1：%2"), stream, self._age(age))))
        rows.addWidget(frame)
        rows.addWidget(styled_label(
            arg(self.tr("需要处理的事件（平台退回）%1 条"), len(status.needs_attention)),
            role="section"))
        for item in status.needs_attention:
            item_frame, item_layout = card()
            item_layout.addWidget(styled_label(
                arg(self.tr("#%1 %2 · %3"), item.seq, item.kind, item.created_at[:16]),
                role="subtitle"))
            reason = translate_text(item.message)
            item_layout.addWidget(styled_label(arg(self.tr("原因：%1（%2）"), reason, item.code)))
            rows.addWidget(item_frame)

    def _fill_terminal(self) -> None:
        rows = self.terminal_rows
        clear_layout(rows)
        info = self._desk.info
        for label, value in (
            (self.tr("终端编号"), info.terminal_id),
            (self.tr("所在大厅"), info.hall),
            (self.tr("程序版本"), info.version),
            (self.tr("数据目录"), info.data_dir),
            (self.tr("日志文件"), info.log_path),
        ):
            rows.addWidget(styled_label(arg(self.tr("%1：%2"), label, value)))
        reload_button = self._row_button("StaffReload", self.tr("重新加载服务目录"), self._reload)
        reload_button.setEnabled(self._desk.reload_catalog is not None)
        rows.addWidget(reload_button)
        rows.addWidget(styled_label(self.tr(
            "退出自助模式将关闭本程序。由系统服务启动的全屏终端会在数秒后自动重新启动；"
            "如需停止，请在系统中执行 systemctl stop govterm-kiosk。"), role="muted"))
        exit_button = self._row_button("StaffExit", self.tr("退出自助模式"),
                                       lambda: self._ask_pin(Purpose.EXIT))
        exit_button.setProperty("role", "secondary")
        rows.addWidget(exit_button)

    def _fill_lockers(self, view: LockerView) -> None:
        rows = self.locker_rows
        clear_layout(rows)
        if self._desk.locker is None:
            rows.addWidget(self._empty(self.tr("本机没有智能文件柜")))
            return
        rows.addWidget(self._row_button("StaffLockerRead", self.tr("重新读取柜门状态"),
                                        self._read_lockers))
        if view.problem:
            rows.addWidget(styled_label(arg(self.tr("读取失败：%1"), translate_text(view.problem)),
                                        role="badge-danger"))
        grid = QGridLayout()
        grid.setSpacing(10)
        statuses = {c.compartment: c for c in view.compartments}
        numbers = sorted(statuses) or list(range(1, view.count + 1))
        for index, number in enumerate(numbers):
            status = statuses.get(number)
            text = arg(self.tr("%1 号"), number)
            if status is not None:
                door = self.tr("门开") if status.door_open else self.tr("门关")
                item = ("" if status.item_present is None
                        else self.tr("有件") if status.item_present else self.tr("空"))
                text += "\n" + " · ".join(p for p in (door, item) if p)
            button = QPushButton(text)
            button.setObjectName(f"StaffCompartment-{number}")
            button.setProperty("role", "row")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(96)
            button.clicked.connect(lambda _=False, n=number: self._open_compartment(n))
            grid.addWidget(button, *divmod(index, 4))
        box = QWidget()
        box.setLayout(grid)
        rows.addWidget(box)
        rows.addWidget(styled_label(self.tr("点格口即开启该格口（用于检修、取出滞留文件）"),
                                    role="muted"))

    # -- acting ----------------------------------------------------------------------------

    def _choose_job(self, job_id: str) -> None:
        self._job = job_id
        for key, button in self.job_buttons.items():
            button.setChecked(key == job_id)
        job = self._job_by_id(job_id)
        if job is not None and job.printer in self.printer_buttons:
            self._choose_printer(job.printer)
        self.job_title.setText(job.title if job is not None else "")
        self.preview.clear()
        self.job_detail.show()
        self._update_job_actions()
        self._runner.run_catalog(lambda: self._desk.preview(job_id), on_done=self._show_preview,
                                 on_error=self._failed, key="staff-preview", owner=self)

    def _choose_printer(self, name: str) -> None:
        self._printer = name
        for key, button in self.printer_buttons.items():
            button.setChecked(key == name)

    def _show_preview(self, pdf: bytes) -> None:
        from PySide6.QtPdf import QPdfDocument

        document = QPdfDocument(self)
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document.load(buffer)
        if document.pageCount() > 0:
            page = document.pagePointSize(0)
            height = 420
            width = int(height * page.width() / max(1.0, page.height()))
            image = document.render(0, QSize(width, height))
            self.preview.setPixmap(QPixmap.fromImage(image))
        else:
            self.preview.setText(self.tr("无法预览该打印件"))
        document.close()
        buffer.close()
        buffer.deleteLater()
        document.deleteLater()

    def _update_job_actions(self) -> None:
        job = self._job_by_id(self._job) if self._job is not None else None
        state = job.state.value if job is not None else ""
        self.reprint_button.setEnabled(state in ("failed", "cancelled") and bool(self._printer))
        self.cancel_job_button.setEnabled(state in ("queued", "failed"))

    def _job_by_id(self, job_id: str | None) -> PrintJob | None:
        snapshot = self._snapshot
        if snapshot is None or job_id is None:
            return None
        return next((j for j in (*snapshot.failed, *snapshot.pending) if j.id == job_id), None)

    def _reprint(self) -> None:
        job_id, printer = self._job, self._printer
        if job_id is None or not printer:
            return
        self._act(lambda clerk: self._desk.reprint(clerk, job_id, printer),
                  arg(self.tr("已重新送往%1打印"), self._printer_name(printer)))

    def _cancel_job(self) -> None:
        job_id = self._job
        if job_id is not None:
            self._act(lambda clerk: self._desk.cancel(clerk, job_id), self.tr("打印任务已取消"))

    def _claim(self, pickup_id: str, collected: bool) -> None:
        if collected:
            self._act(lambda clerk: self._desk.confirm(clerk, pickup_id),
                      self.tr("已记为取走，平台将收到取件记录"))
        else:
            self._act(lambda clerk: self._desk.release(clerk, pickup_id),
                      self.tr("已释放，申请人可以重新取件"))

    def _open_compartment(self, number: int) -> None:
        self._act(lambda clerk: self._desk.open_compartment(clerk, number),
                  arg(self.tr("%1 号格口已开启，检修后请关好柜门"), number), pool=True,
                  then=self._read_lockers)

    def _check_devices(self) -> None:
        self._act(self._desk.check_devices, self.tr("已重新检测设备"), pool=True)

    def _reload(self) -> None:
        self._act(self._desk.reload, self.tr("服务目录已重新加载"))

    def _test_page(self) -> None:
        printer = self._printer or (self._desk.printers[0] if self._desk.printers else "")
        if not printer:
            return
        pdf = test_page_pdf(self._desk.info, printer=printer, now=self._desk.clock.now(),
                            receipt=printer == "receipt")
        self._act(lambda clerk: self._desk.print_test_page(clerk, printer, pdf),
                  arg(self.tr("测试页已送往%1"), self._printer_name(printer)))

    def _read_lockers(self) -> None:
        if self._clerk is None:
            return
        self._runner.run(self._desk.lockers, on_done=self._on_lockers, on_error=self._failed,
                         key="staff-lockers", owner=self)

    def _on_lockers(self, view: LockerView) -> None:
        self._lockers = view
        if self._clerk is not None:
            self._fill_lockers(view)

    def _act(self, work: Callable[[Clerk], object], done: str, *, pool: bool = False,
             then: Callable[[], None] | None = None) -> None:
        """Run one staff action as the signed-in clerk, then say so and read again."""
        clerk = self._clerk
        if clerk is None:
            return
        self.message.notice(self.tr("正在处理…"))

        def finished(_result: object) -> None:
            self.message.notice(done)
            self.refresh()
            if then is not None:
                then()

        start = self._runner.run if pool else self._runner.run_catalog
        start(lambda: work(clerk), on_done=finished, on_error=self._failed, owner=self)

    def _failed(self, error: BaseException) -> None:
        text = error_text(error)
        if text is None:
            self._log_error(error)
            text = self.tr("操作失败，详情已写入日志")
        self.message.error(text)
        if self.pages.currentWidget() is self.pad_page:
            self.pad.message.error(self.message.text())

    @staticmethod
    def _log_error(error: BaseException) -> None:
        log.error("staff action failed", exc_info=(type(error), error, error.__traceback__))

    # -- small parts ------------------------------------------------------------------------

    def _row_button(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setProperty("role", "row")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setMinimumHeight(72)
        button.clicked.connect(lambda _=False: slot())
        return button

    @staticmethod
    def _empty(text: str) -> QLabel:
        return styled_label(text, role="empty")

    def _printer_name(self, name: str) -> str:
        known = _PRINTER_NAMES.get(name)
        return self.tr(known) if known is not None else name

    def _age(self, age: _dt.timedelta | None) -> str:
        if age is None:
            return self.tr("尚未同步")
        minutes = int(age.total_seconds() // 60)
        if minutes < 1:
            return self.tr("刚刚")
        if minutes < 60:  # noqa: PLR2004 - an hour
            return arg(self.tr("%1 分钟前"), minutes)
        if minutes < 24 * 60:
            return arg(self.tr("%1 小时前"), minutes // 60)
        return arg(self.tr("%1 天前"), minutes // (24 * 60))

    # -- text -------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
            if self._snapshot is not None:
                self._show_snapshot(self._snapshot)
                self._fill_lockers(self._lockers)
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.pad.retranslate()
        self._retranslate_pad()
        self.back_button.setText(self.tr("返回自助服务"))
        for key, text in SECTIONS:
            self.section_buttons[key].setText(self.tr(text))
        self.printer_label.setText(self.tr("打印机："))
        for name, button in self.printer_buttons.items():
            button.setText(self._printer_name(name))
        self.reprint_button.setText(self.tr("重新打印"))
        self.cancel_job_button.setText(self.tr("取消任务"))
        if self._clerk is not None:
            self.who.setText(arg(self.tr("工作人员模式 · %1（%2）"), self._clerk.name,
                                 self._clerk.id))

    def _retranslate_pad(self) -> None:
        if self._purpose is Purpose.EXIT:
            self.pad.title.setText(self.tr("退出自助模式"))
            self.pad.hint.setText(self.tr("请再次输入工作人员 PIN。退出后本程序将关闭。"))
        else:
            self.pad.title.setText(self.tr("工作人员登录"))
            self.pad.hint.setText(self.tr("请输入工作人员 PIN（仅限本大厅工作人员）"))


def build_staff_desk(  # noqa: PLR0913 - the composition root's ingredients, by name
    *,
    store: Store,
    audit: AuditLog,
    accounts: Accounts | None,
    hall_id: str,
    info: TerminalInfo,
    clock: Clock,
    pin_hash: str = "",
    print_queue: PrintQueue | None = None,
    printers: Sequence[str] = (),
    health: HealthBoard | None = None,
    locker: Locker | None = None,
    sync_status: StatusSource | None = None,
    refresh_devices: Callable[[], None] | None = None,
) -> StaffDesk:
    """A :class:`StaffDesk` over the terminal's store, devices and accounts."""
    from core.accounts import PinGate
    from sync.cases import PickupLedger

    return StaffDesk(
        gate=PinGate(check=staff_pin_check(accounts=accounts, hall_id=hall_id,
                                           pin_hash=pin_hash), clock=clock),
        audit=audit,
        info=info,
        clock=clock,
        store=store,
        print_queue=print_queue,
        printers=tuple(printers),
        health=health,
        pickups=PickupLedger(store=store, audit=audit),
        locker=locker,
        sync_status=sync_status,
        refresh_devices=refresh_devices,
    )
