"""Wiring the terminal's devices into the app, the sync heartbeat and ``govterm doctor``.

- :func:`device_spec` turns the ``[printing]``, ``[scanner]``, ``[lockers]`` and
  ``[idcard]`` settings into a :class:`devices.factory.DeviceSpec`.
- :func:`open_devices` builds them (failures land on the health board, see
  :mod:`devices.factory`).
- :func:`heartbeat_health` is the ``device_health`` callable the sync engine sends
  with every heartbeat (:class:`sync.engine.SyncEngine`).
- :func:`device_checks` gives ``govterm doctor`` one line per configured device.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from core.clock import Clock, SystemClock
from devices.factory import (
    DeviceReport,
    Devices,
    DeviceSpec,
    IdCardSpec,
    LockerSpec,
    PrinterBackend,
    PrinterSpec,
    ScannerSpec,
    build_devices,
)
from devices.health import Health, HealthBoard, Role
from govterm.doctor import Check, CheckResult, DoctorContext, qt_platform_loads
from govterm.settings import Settings

log = logging.getLogger(__name__)

PAPERS_DIR = "papers"
DEFAULT_CUPS_SERVER = "localhost:631"
HEARTBEAT_TEXT_MAX = 200

_ROLE_LABELS = {
    Role.RECEIPT_PRINTER: "小票打印机",
    Role.A4_PRINTER: "A4 打印机",
    Role.SCANNER: "扫码器",
    Role.LOCKER: "智能文件柜",
    Role.IDCARD: "身份证阅读器",
    Role.NETWORK: "平台网络",
}


def device_spec(settings: Settings, *, simulate: bool = False) -> DeviceSpec:
    """The devices ``settings`` configure.

    Args:
        settings: effective settings.
        simulate: use the lock-board and ID-card simulators whatever the settings say
            (``--simulate-devices``).
    """
    printing = settings.printing
    folder = printing.folder or settings.paths.data_dir / PAPERS_DIR
    server = printing.cups_server or os.environ.get("CUPS_SERVER") or DEFAULT_CUPS_SERVER
    printers = (
        PrinterSpec(
            "receipt",
            Role.RECEIPT_PRINTER,
            PrinterBackend(printing.receipt_backend),
            queue=printing.receipt_printer,
            server=server,
            port=printing.receipt_port,
            baudrate=printing.receipt_baudrate,
            folder=folder / "receipt",
        ),
        PrinterSpec(
            "a4",
            Role.A4_PRINTER,
            PrinterBackend(printing.a4_backend),
            queue=printing.a4_printer,
            server=server,
            folder=folder / "a4",
        ),
    )
    scanner = settings.scanner
    lockers = settings.lockers
    idcard = settings.idcard
    return DeviceSpec(
        printers=printers,
        scanner=ScannerSpec(
            serial_ports=scanner.serial_ports,
            serial_baudrate=scanner.serial_baudrate,
            camera=scanner.camera,
            camera_id=scanner.camera_id,
        ),
        locker=LockerSpec(
            port=lockers.port,
            board=lockers.board,
            compartments=lockers.compartments,
            baudrate=lockers.baudrate,
            simulate=lockers.simulate or simulate,
        ),
        idcard=IdCardSpec(
            port=idcard.port, baudrate=idcard.baudrate, simulate=idcard.simulate or simulate
        ),
    )


def open_devices(
    settings: Settings,
    *,
    clock: Clock | None = None,
    simulate: bool = False,
    health: HealthBoard | None = None,
) -> Devices:
    """Build the configured devices; never raises for a missing or broken device."""
    spec = device_spec(settings, simulate=simulate)
    devices = build_devices(spec, clock=clock or SystemClock(), health=health)
    for line in devices.health.describe():
        log.info("device: %s", line)
    return devices


def heartbeat_health(board: HealthBoard) -> Callable[[], dict[str, str]]:
    """The sync engine's ``device_health``: ``"role:id"`` → ``"ok"`` or the problem.

    Built from :meth:`HealthBoard.heartbeat_payload` (staff text only, no personal
    data); a degraded device reads ``"degraded: <what to do>"``.
    """

    def health() -> dict[str, str]:
        payload = board.heartbeat_payload()
        result: dict[str, str] = {}
        for device in payload["devices"]:
            key = f"{device['role']}:{device['id']}"
            if device["health"] == Health.OK.value:
                result[key] = "ok"
            else:
                text = f"{device['health']}: {device['message']}".rstrip(": ")
                result[key] = text[:HEARTBEAT_TEXT_MAX]
        return result

    return health


# ----------------------------------------------------------------------- doctor


def _needs_qt(spec: DeviceSpec) -> bool:
    return spec.scanner.camera or any(p.backend is PrinterBackend.QT for p in spec.printers)


def device_checks(
    settings: Settings, *, simulate: bool = False, clock: Clock | None = None
) -> list[Check]:
    """One ``govterm doctor`` check per configured device, plus hints for absent ones.

    The devices are built and asked once, here, then closed; the checks return what
    was found. A configured device that is unavailable fails (FAIL), one that works but
    needs staff (paper low, a door left open) warns (WARN).
    """
    spec = device_spec(settings, simulate=simulate)
    app = _gui_for(spec)
    devices = build_devices(spec, clock=clock or SystemClock())
    try:
        reports = devices.inspect()
    finally:
        devices.close()
        del app
    results = [_result(report) for report in reports]
    if not spec.locker.configured:
        results.append(
            CheckResult(
                "智能文件柜",
                True,
                "未配置 (不提供柜机取件)",
                "有文件柜时在 [lockers] 中填写 port (锁控板串口)",
                required=False,
            )
        )
    if not spec.idcard.configured:
        results.append(
            CheckResult(
                "身份证阅读器",
                True,
                "未配置 (不提供刷身份证)",
                "有阅读器时在 [idcard] 中填写 port (SAM 串口)",
                required=False,
            )
        )
    return [_constant(result) for result in results]


def _gui_for(spec: DeviceSpec) -> object:
    """A QGuiApplication when Qt printers or the camera must be asked (doctor runs
    without one); None when not needed or Qt's platform plugin cannot load."""
    if not _needs_qt(spec):
        return None
    from PySide6.QtGui import QGuiApplication

    existing = QGuiApplication.instance()
    if existing is not None:
        return existing
    platform = "xcb" if os.environ.get("DISPLAY") else "offscreen"
    if not qt_platform_loads(platform):
        return None  # QtPrinter/CameraScanner then report themselves unavailable
    return QGuiApplication(["govterm-doctor", "-platform", platform])


def _result(report: DeviceReport) -> CheckResult:
    name = f"{_ROLE_LABELS[report.role]} {report.device_id}"
    detail = f"{report.where}: {report.state}"
    return CheckResult(
        name,
        report.health is Health.OK,
        detail,
        report.advice,
        required=report.health is Health.UNAVAILABLE,
    )


def _constant(result: CheckResult) -> Check:
    def check(_ctx: DoctorContext) -> CheckResult:
        return result

    check.__doc__ = result.name
    return check


def papers_dir(settings: Settings) -> Path:
    """Where the folder printers file papers."""
    return settings.printing.folder or settings.paths.data_dir / PAPERS_DIR
