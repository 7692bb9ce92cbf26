"""Device health: one board that every device reports to, and what screens may offer.

Each device (printers, scanners, lockers, the ID-card reader, the network link) is
``ok``, ``degraded`` (works, staff should look: paper low) or ``unavailable``, with a
message for citizens, one for staff, and the time it entered that state.
:meth:`HealthBoard.features_available` turns that into what the kiosk must hide (no
A4 printer → no self-print pickup; no locker → no locker pickup …); listeners (plain
callbacks; a Qt adapter re-emits them as signals) hear about every change;
:meth:`HealthBoard.heartbeat_payload` goes into the sync heartbeat and
:meth:`HealthBoard.doctor_checks` into ``govterm doctor``.
"""

from __future__ import annotations

import datetime as _dt
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from core.clock import Clock
from core.errors import DeviceUnavailable, msg
from devices.printers.base import PrinterState, PrinterStatus

log = logging.getLogger(__name__)


class Health(StrEnum):
    OK = "ok"
    DEGRADED = "degraded"
    UNAVAILABLE = "unavailable"


class Role(StrEnum):
    """What a device is for; features depend on roles, not on device ids."""

    RECEIPT_PRINTER = "receipt_printer"
    A4_PRINTER = "a4_printer"
    SCANNER = "scanner"
    LOCKER = "locker"
    IDCARD = "idcard"
    NETWORK = "network"


_ROLE_NAMES = {
    Role.RECEIPT_PRINTER: msg("小票打印机"),
    Role.A4_PRINTER: msg("A4 打印机"),
    Role.SCANNER: msg("扫码器"),
    Role.LOCKER: msg("智能文件柜"),
    Role.IDCARD: msg("身份证阅读器"),
    Role.NETWORK: msg("平台网络"),
}


@dataclass(frozen=True, slots=True)
class DeviceHealth:
    """One device's health.

    Attributes:
        device_id: the configured id, e.g. ``"receipt"``.
        role: what it is for.
        health: ok / degraded / unavailable.
        staff_message: Chinese text for staff (empty when ok).
        citizen_message: Chinese text safe for citizens (empty when nothing to say).
        since: when it entered this health (aware).
    """

    device_id: str
    role: Role
    health: Health
    staff_message: str
    citizen_message: str
    since: _dt.datetime

    @property
    def usable(self) -> bool:
        return self.health is not Health.UNAVAILABLE


@dataclass(frozen=True, slots=True)
class Features:
    """What the kiosk and window client may offer right now."""

    receipt_printing: bool  # 受理凭证, 取号小票 … (receipt printer, or A4 as fallback)
    self_print_pickup: bool  # 自助打印出件 (needs the A4 printer)
    locker_pickup: bool  # 智能文件柜取件
    scanning: bool  # 扫码办事, 居民码
    idcard_reading: bool  # 刷身份证
    online: bool  # the gateway is reachable


HealthListener = Callable[[DeviceHealth], None]


class HealthBoard:
    """The current health of every device of this terminal.

    Args:
        clock: stamps ``since``.
    """

    def __init__(self, *, clock: Clock) -> None:
        self._clock = clock
        self._devices: dict[str, DeviceHealth] = {}
        self._listeners: list[HealthListener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: HealthListener) -> Callable[[], None]:
        """Call ``listener`` on every change; returns an unsubscriber."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    # ------------------------------------------------------------------ reports

    def report(
        self,
        device_id: str,
        role: Role,
        health: Health,
        *,
        staff_message: str = "",
        citizen_message: str = "",
    ) -> DeviceHealth:
        """Record a device's health; listeners hear about it only when it changed."""
        with self._lock:
            old = self._devices.get(device_id)
            if old is not None and (old.health, old.staff_message, old.citizen_message) == (
                health, staff_message, citizen_message
            ):
                return old
            since = old.since if old is not None and old.health is health else self._clock.now()
            new = DeviceHealth(device_id, role, health, staff_message, citizen_message, since)
            self._devices[device_id] = new
        if old is None or old.health is not health:
            log.info("device %s (%s): %s", device_id, role, health)
        for listener in list(self._listeners):
            try:
                listener(new)
            except Exception:
                log.exception("health listener failed")
        return new

    def report_printer(self, device_id: str, role: Role, status: PrinterStatus) -> DeviceHealth:
        """Record a printer's :class:`PrinterStatus`."""
        health = {
            PrinterState.READY: Health.OK,
            PrinterState.PAPER_LOW: Health.DEGRADED,
        }.get(status.state, Health.UNAVAILABLE)
        staff = "" if health is Health.OK else status.staff_message
        return self.report(
            device_id, role, health, staff_message=staff, citizen_message=status.citizen_message
        )

    def report_unavailable(
        self, device_id: str, role: Role, error: DeviceUnavailable
    ) -> DeviceHealth:
        """Record a device that raised its typed unavailable error."""
        return self.report(
            device_id,
            role,
            Health.UNAVAILABLE,
            staff_message=error.reason,
            citizen_message=msg("本机{device}暂不可用，如需帮助请联系工作人员",
                                device=_ROLE_NAMES[role]),
        )

    def report_ok(self, device_id: str, role: Role) -> DeviceHealth:
        return self.report(device_id, role, Health.OK)

    # ------------------------------------------------------------------- reading

    def devices(self) -> list[DeviceHealth]:
        with self._lock:
            return sorted(self._devices.values(), key=lambda d: (d.role, d.device_id))

    def _usable(self, role: Role) -> bool:
        return any(d.usable for d in self.devices() if d.role is role)

    def features_available(self) -> Features:
        """What may be offered; a device never reported counts as absent."""
        a4 = self._usable(Role.A4_PRINTER)
        return Features(
            receipt_printing=self._usable(Role.RECEIPT_PRINTER) or a4,
            self_print_pickup=a4,
            locker_pickup=self._usable(Role.LOCKER),
            scanning=self._usable(Role.SCANNER),
            idcard_reading=self._usable(Role.IDCARD),
            online=self._usable(Role.NETWORK),
        )

    def heartbeat_payload(self) -> dict[str, Any]:
        """Device health for the sync heartbeat (staff text only; no personal data)."""
        return {
            "devices": [
                {
                    "id": d.device_id,
                    "role": d.role.value,
                    "health": d.health.value,
                    "since": d.since.isoformat(),
                    "message": d.staff_message,
                }
                for d in self.devices()
            ],
            "features": {
                name: getattr(self.features_available(), name)
                for name in Features.__dataclass_fields__
            },
        }

    def describe(self) -> list[str]:
        """One line per device for staff and ``govterm doctor``."""
        marks = {Health.OK: "正常", Health.DEGRADED: "需关注", Health.UNAVAILABLE: "不可用"}
        lines = []
        for d in self.devices():
            since = d.since.strftime("%Y-%m-%d %H:%M")
            text = f"{_ROLE_NAMES[d.role]} {d.device_id}: {marks[d.health]} (自 {since})"
            lines.append(text + (f" — {d.staff_message}" if d.staff_message else ""))
        return lines

    def doctor_checks(self) -> list[tuple[str, bool, str]]:
        """``(name, ok, message)`` per device, for ``govterm doctor`` (degraded counts as ok)."""
        return [
            (f"{_ROLE_NAMES[d.role]} {d.device_id}", d.usable, d.staff_message or "正常")
            for d in self.devices()
        ]
