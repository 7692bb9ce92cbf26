"""Building a terminal's configured devices, without ever crashing the app over one.

The composition root turns the settings into a :class:`DeviceSpec` and calls
:func:`build_devices`. Every device is constructed here, in a fixed order (printers,
scanners, locker, ID-card reader); one that raises its typed unavailable error
(:class:`~core.errors.DeviceUnavailable`) is recorded on the
:class:`~devices.health.HealthBoard` with its Chinese reason, and the terminal starts
without it — the kiosk hides what needs it and staff see why.

:meth:`Devices.refresh` asks every built device how it is (printer status, scanner
health, the lock board's compartments) and reports to the board; :meth:`Devices.inspect`
returns the same as :class:`DeviceReport` lines for ``govterm doctor``.

Simulators (a lock board and an ID-card SAM on pseudo-terminals) stand in for the real
hardware when the spec asks for them: the demo, and a hall trying the software first.

Backends are imported when configured, so a terminal without Qt printing or a camera
never loads QtPrintSupport or QtMultimedia.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from core.clock import Clock
from core.errors import DeviceUnavailable, msg
from devices.health import Health, HealthBoard, Role
from devices.printers.base import Printer, PrinterState, PrinterStatus, PrinterUnavailable

log = logging.getLogger(__name__)

WEDGE_ID = "wedge"
LOCKER_ID = "locker"
IDCARD_ID = "idcard"
CAMERA_ID = "camera"


class PrinterBackend(StrEnum):
    """How a printer role is served."""

    NONE = "none"  # no such printer at this terminal
    FOLDER = "folder"  # PDF files in a directory (demo, archive)
    CUPS = "cups"  # a CUPS queue, over IPP
    QT = "qt"  # a printer Qt's print system sees (Windows, or CUPS via libcups)
    ESCPOS = "escpos"  # an 80 mm thermal printer on a serial port or /dev/usb/lp*


@dataclass(frozen=True, slots=True)
class PrinterSpec:
    """One printer role.

    Attributes:
        device_id: the name jobs are queued for, ``"receipt"`` or ``"a4"``.
        role: :attr:`Role.RECEIPT_PRINTER` or :attr:`Role.A4_PRINTER`.
        backend: see :class:`PrinterBackend`.
        queue: CUPS queue (cups) or system printer name (qt; empty = default printer).
        server: CUPS ``host:port`` (cups).
        port: serial port or printer device file (escpos).
        baudrate: serial speed (escpos).
        folder: where papers go (folder).
    """

    device_id: str
    role: Role
    backend: PrinterBackend
    queue: str = ""
    server: str = "localhost:631"
    port: str = ""
    baudrate: int = 115200
    folder: Path | None = None

    def describe(self) -> str:
        """Where this printer is, in words for staff."""
        match self.backend:
            case PrinterBackend.FOLDER:
                return f"PDF 归档目录 {self.folder}"
            case PrinterBackend.CUPS:
                return f"CUPS 队列 {self.queue or '(未配置)'} @ {self.server}"
            case PrinterBackend.QT:
                return f"系统打印机 {self.queue or '(默认打印机)'}"
            case PrinterBackend.ESCPOS:
                return f"ESC/POS 热敏打印机 {self.port or '(未配置端口)'}"
        return "未配置"


@dataclass(frozen=True, slots=True)
class ScannerSpec:
    """Scanners besides the keyboard wedge (which is always on).

    Attributes:
        serial_ports: one serial scanner per port.
        serial_baudrate: their line speed.
        camera: decode codes from the camera.
        camera_id: ``QCameraDevice.id()`` as text; empty = the default camera.
    """

    serial_ports: tuple[str, ...] = ()
    serial_baudrate: int = 9600
    camera: bool = False
    camera_id: str = ""


@dataclass(frozen=True, slots=True)
class LockerSpec:
    """The lock board of the pickup lockers.

    Attributes:
        port: its serial port; empty (and not simulated) = no locker.
        board: the board address.
        compartments: how many compartments it drives.
        baudrate: line speed.
        simulate: run :class:`devices.lockers.simulator.LockBoardSimulator` on a pty.
    """

    port: str = ""
    board: int = 1
    compartments: int = 24
    baudrate: int = 9600
    simulate: bool = False

    @property
    def configured(self) -> bool:
        return bool(self.port) or self.simulate


@dataclass(frozen=True, slots=True)
class IdCardSpec:
    """The ID-card reader.

    Attributes:
        port: the SAM's serial port; empty (and not simulated) = no reader.
        baudrate: line speed.
        simulate: run :class:`devices.idcard.simulator.SamSimulator` with a demo card.
    """

    port: str = ""
    baudrate: int = 115200
    simulate: bool = False

    @property
    def configured(self) -> bool:
        return bool(self.port) or self.simulate


@dataclass(frozen=True, slots=True)
class DeviceSpec:
    """Every device this terminal is configured with."""

    printers: tuple[PrinterSpec, ...] = ()
    scanner: ScannerSpec = field(default_factory=ScannerSpec)
    locker: LockerSpec = field(default_factory=LockerSpec)
    idcard: IdCardSpec = field(default_factory=IdCardSpec)


@dataclass(frozen=True, slots=True)
class DeviceReport:
    """One device as ``govterm doctor`` and staff see it.

    Attributes:
        device_id: the configured id.
        role: what it is for.
        where: which device: queue, port, folder, "模拟器" …
        health: ok / degraded / unavailable.
        state: its state in a few words (就绪, 缺纸, 24 个格口 …).
        advice: what to do (empty when nothing).
    """

    device_id: str
    role: Role
    where: str
    health: Health
    state: str
    advice: str = ""


class _Closable(Protocol):
    def close(self) -> None: ...


_PRINTER_WORDS = {
    PrinterState.READY: msg("就绪"),
    PrinterState.PAPER_LOW: msg("纸张将尽"),
    PrinterState.PAPER_OUT: msg("缺纸"),
    PrinterState.OFFLINE: msg("离线"),
    PrinterState.ERROR: msg("故障"),
}


@dataclass
class _Entry:
    device_id: str
    role: Role
    where: str
    device: Any = None  # the built device, or None when it failed
    error: DeviceUnavailable | None = None


class Devices:
    """The devices of one terminal, built from a :class:`DeviceSpec`.

    Attributes:
        health: the board every device reports to.
        printers: built printers by device id (``"receipt"``, ``"a4"``), for
            :class:`sync.print_queue.PrintQueue`.
        scanners: built serial and camera scanners, not yet started (attach them to
            :class:`widgets.scan_bridge.ScanRouter`).
        locker: the lock board, or None.
        idcard: the ID-card reader, or None.
    """

    def __init__(self, *, health: HealthBoard) -> None:
        self.health = health
        self.printers: dict[str, Printer] = {}
        self.scanners: list[Any] = []  # devices.scanners.base.Scanner
        self.locker: Any = None  # devices.lockers.board.SerialLockBoard
        self.idcard: Any = None  # devices.idcard.reader.SamSerialReader
        self._entries: list[_Entry] = []
        self._owned: list[_Closable] = []  # closed in reverse order

    # -------------------------------------------------------------- building

    def _add(self, device_id: str, role: Role, where: str, build: Callable[[], Any]) -> Any:
        entry = _Entry(device_id, role, where)
        self._entries.append(entry)
        try:
            entry.device = build()
        except DeviceUnavailable as exc:
            entry.error = exc
            log.warning("device %s (%s) unavailable: %s", device_id, role, exc.reason)
            self.health.report_unavailable(device_id, role, exc)
            return None
        self._inspect(entry)
        return entry.device

    def own(self, thing: _Closable) -> None:
        """Close ``thing`` (a simulator …) when the devices close."""
        self._owned.append(thing)

    # -------------------------------------------------------------- health

    def refresh(self) -> None:
        """Ask every built device how it is and report to :attr:`health`.

        Blocking (CUPS and serial round-trips): call it from a worker, not the GUI thread.
        """
        for entry in self._entries:
            if entry.device is not None:
                self._inspect(entry)

    def inspect(self) -> list[DeviceReport]:
        """Every configured device, asked now; also reported to :attr:`health`."""
        return [self._inspect(entry) for entry in self._entries]

    def _inspect(self, entry: _Entry) -> DeviceReport:
        if entry.device is None:
            reason = entry.error.reason if entry.error is not None else msg("未能初始化")
            return DeviceReport(
                entry.device_id, entry.role, entry.where, Health.UNAVAILABLE, msg("不可用"), reason
            )
        if entry.role in (Role.RECEIPT_PRINTER, Role.A4_PRINTER):
            return self._inspect_printer(entry)
        if entry.role is Role.SCANNER:
            return self._inspect_scanner(entry)
        if entry.role is Role.LOCKER:
            return self._inspect_locker(entry)
        self.health.report_ok(entry.device_id, entry.role)
        return DeviceReport(entry.device_id, entry.role, entry.where, Health.OK, msg("自检通过"))

    def _inspect_printer(self, entry: _Entry) -> DeviceReport:
        status: PrinterStatus = entry.device.status()
        board = self.health.report_printer(entry.device_id, entry.role, status)
        advice = "" if status.state is PrinterState.READY else status.staff_message
        return DeviceReport(
            entry.device_id,
            entry.role,
            entry.where,
            board.health,
            _PRINTER_WORDS[status.state],
            advice,
        )

    def _inspect_scanner(self, entry: _Entry) -> DeviceReport:
        if entry.device_id == WEDGE_ID:
            self.health.report_ok(entry.device_id, entry.role)
            return DeviceReport(
                entry.device_id,
                entry.role,
                entry.where,
                Health.OK,
                msg("随时可用（键盘输入，无法自检）"),
            )
        from devices.scanners.base import ScannerState

        snapshot = entry.device.health()
        words = {
            ScannerState.STOPPED: msg("就绪（未启动）"),
            ScannerState.READY: msg("就绪"),
            ScannerState.DISCONNECTED: msg("已断开，正在重连"),
            ScannerState.FAULT: msg("故障"),
        }
        health = (
            Health.OK
            if snapshot.state in (ScannerState.STOPPED, ScannerState.READY)
            else Health.UNAVAILABLE
        )
        self.health.report(
            entry.device_id,
            entry.role,
            health,
            staff_message=snapshot.problem,
            citizen_message="" if health is Health.OK else msg("扫码器暂不可用，请联系工作人员"),
        )
        return DeviceReport(
            entry.device_id,
            entry.role,
            entry.where,
            health,
            words[snapshot.state],
            snapshot.problem,
        )

    def _inspect_locker(self, entry: _Entry) -> DeviceReport:
        from devices.lockers.board import LockerUnavailable

        try:
            compartments = entry.device.all_status()
        except LockerUnavailable as exc:
            self.health.report_unavailable(entry.device_id, entry.role, exc)
            return DeviceReport(
                entry.device_id, entry.role, entry.where, Health.UNAVAILABLE, msg("无应答"),
                exc.reason,
            )
        open_doors = [c.compartment for c in compartments if c.door_open]
        state = msg("可连接，{count} 个格口", count=len(compartments))
        advice = ""
        health = Health.OK
        if open_doors:
            state = msg("可连接，{count} 个格口，{open} 个柜门未关（{doors}）",
                        count=len(compartments), open=len(open_doors),
                        doors="、".join(str(n) for n in open_doors[:10]))
            advice = msg("请到现场关好柜门；柜门长时间未关可能是取件人未关门或门锁故障")
            health = Health.DEGRADED
        self.health.report(entry.device_id, entry.role, health, staff_message=advice)
        return DeviceReport(entry.device_id, entry.role, entry.where, health, state, advice)

    # -------------------------------------------------------------- closing

    def close(self) -> None:
        """Stop scanners, close ports, stop simulators (idempotent)."""
        for scanner in self.scanners:
            _quietly(scanner.stop)
            if hasattr(scanner, "close"):
                _quietly(scanner.close)
        for thing in (*self.printers.values(), self.locker, self.idcard):
            if thing is not None and hasattr(thing, "close"):
                _quietly(thing.close)
        for owned in reversed(self._owned):
            _quietly(owned.close)
        self.scanners.clear()
        self.printers.clear()
        self.locker = self.idcard = None
        self._owned.clear()


def _quietly(action: Callable[[], object]) -> None:
    try:
        action()
    except Exception:
        log.exception("closing a device failed")


# ------------------------------------------------------------------ builders


def build_devices(spec: DeviceSpec, *, clock: Clock, health: HealthBoard | None = None) -> Devices:
    """Build every configured device; failures are recorded, never raised.

    Args:
        spec: what is configured.
        clock: stamps health changes.
        health: the board to report to; a new one when omitted.

    Returns:
        The devices; :meth:`Devices.close` releases them.
    """
    devices = Devices(health=health or HealthBoard(clock=clock))
    for printer in spec.printers:
        if printer.backend is PrinterBackend.NONE:
            continue
        built = devices._add(
            printer.device_id,
            printer.role,
            printer.describe(),
            functools.partial(_printer, printer),
        )
        if built is not None:
            devices.printers[printer.device_id] = built
    # The wedge is key events, handled by widgets.scan_bridge; it has no device object
    # and cannot be asked anything, so it is recorded as present.
    devices._add(WEDGE_ID, Role.SCANNER, "键盘式扫码枪（USB HID）", lambda: WEDGE_ID)
    for port in spec.scanner.serial_ports:
        scanner = devices._add(
            _port_id("scanner", port),
            Role.SCANNER,
            f"串口扫码枪 {port}",
            functools.partial(_serial_scanner, port, spec.scanner.serial_baudrate),
        )
        if scanner is not None:
            devices.scanners.append(scanner)
    if spec.scanner.camera:
        where = f"摄像头 {spec.scanner.camera_id or '(默认)'}"
        camera = devices._add(CAMERA_ID, Role.SCANNER, where, lambda: _camera(spec.scanner))
        if camera is not None:
            devices.scanners.append(camera)
    if spec.locker.configured:
        where = "锁控板模拟器" if spec.locker.simulate else f"锁控板 {spec.locker.port}"
        where += f"（地址 {spec.locker.board}）"
        devices.locker = devices._add(
            LOCKER_ID, Role.LOCKER, where, lambda: _locker(spec.locker, devices)
        )
    if spec.idcard.configured:
        where = "身份证阅读器模拟器" if spec.idcard.simulate else f"身份证阅读器 {spec.idcard.port}"
        devices.idcard = devices._add(
            IDCARD_ID, Role.IDCARD, where, lambda: _idcard(spec.idcard, devices)
        )
    return devices


def _port_id(kind: str, port: str) -> str:
    return f"{kind}-{port.rstrip('/').rsplit('/', 1)[-1]}"


def _printer(spec: PrinterSpec) -> Printer:
    match spec.backend:
        case PrinterBackend.FOLDER:
            from devices.printers.folder import FolderPrinter

            if spec.folder is None:
                raise PrinterUnavailable(msg("未配置打印归档目录（printing.folder）"))
            return FolderPrinter(spec.folder, name=spec.device_id)
        case PrinterBackend.CUPS:
            from devices.printers.cups import CupsPrinter

            if not spec.queue:
                raise PrinterUnavailable(msg(
                    "未配置 CUPS 打印队列名称（printing.{device}_printer），"
                    "请用 lpstat -p 查看队列名后填写",
                    device=spec.device_id,
                ))
            return CupsPrinter(spec.queue, name=spec.device_id, server=spec.server)
        case PrinterBackend.QT:
            from devices.printers.qt import QtPrinter

            return QtPrinter(spec.queue, name=spec.device_id)
        case PrinterBackend.ESCPOS:
            return _escpos(spec)
    raise PrinterUnavailable(msg("不支持的打印方式：{backend}", backend=spec.backend))


def _escpos(spec: PrinterSpec) -> Printer:
    from devices.printers.escpos import DeviceFileTransport, EscPosPrinter, SerialTransport

    if not spec.port:
        raise PrinterUnavailable(msg(
            "未配置小票打印机端口（printing.{device}_port），如 /dev/ttyUSB0 或 /dev/usb/lp0",
            device=spec.device_id,
        ))
    # USB printer-class devices are write-only files; anything else is a serial port.
    if spec.port.startswith(("/dev/usb/lp", "/dev/lp")):
        return EscPosPrinter(DeviceFileTransport(Path(spec.port)), name=spec.device_id)
    transport = SerialTransport(spec.port, baudrate=spec.baudrate)
    try:
        return EscPosPrinter(transport, name=spec.device_id)
    except PrinterUnavailable:
        transport.close()
        raise


def _serial_scanner(port: str, baudrate: int) -> Any:
    from devices.scanners.serial_port import SerialScanner

    return SerialScanner(port=port, device_id=_port_id("scanner", port), baudrate=baudrate)


def _camera(spec: ScannerSpec) -> Any:
    from devices.scanners.base import ScannerUnavailable

    try:
        from devices.scanners.camera import CameraScanner
    except ImportError as exc:  # QtMultimedia or libzbar missing
        raise ScannerUnavailable(
            msg("摄像头扫码组件缺失（{error}），请安装完整的 govterm", error=str(exc))
        ) from exc
    camera_id = spec.camera_id.encode() if spec.camera_id else None
    return CameraScanner(device_id=CAMERA_ID, camera_id=camera_id)


def _locker(spec: LockerSpec, devices: Devices) -> Any:
    from devices.lockers.board import SerialLockBoard

    port = spec.port
    if spec.simulate:
        from devices.lockers.simulator import LockBoardSimulator

        simulator = LockBoardSimulator(
            board=spec.board, compartments=spec.compartments, close_on_open=True
        )
        devices.own(simulator)
        port = simulator.path
    return SerialLockBoard(
        port, board=spec.board, compartments=spec.compartments, baudrate=spec.baudrate
    )


def _idcard(spec: IdCardSpec, devices: Devices) -> Any:
    from devices.idcard.reader import SamSerialReader

    port = spec.port
    if spec.simulate:
        from devices.idcard.simulator import DEMO_CARD, SamSimulator

        simulator = SamSimulator()
        simulator.place(**DEMO_CARD)
        devices.own(simulator)
        port = simulator.path
    return SamSerialReader(port, baudrate=spec.baudrate)
