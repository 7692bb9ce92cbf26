"""The locker contract and the serial lock-board driver (protocol: :mod:`.protocol`)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from core.errors import DeviceUnavailable, msg
from devices.lockers import protocol
from devices.lockers.protocol import Command, Frame, FrameError, OpenResult

log = logging.getLogger(__name__)


class LockerUnavailable(DeviceUnavailable):
    """The locker cannot be used: port missing, board silent, replies garbled.

    Args:
        reason: plain-language Chinese text saying what is wrong and what to do.
    """

    def __init__(self, reason: str) -> None:
        super().__init__("locker", reason)


class CompartmentFault(LockerUnavailable):
    """One compartment cannot be used (jammed lock, no such compartment).

    The rest of the locker still works; staff must see to this compartment.

    Args:
        compartment: its number.
        reason: Chinese text for staff.
    """

    def __init__(self, compartment: int, reason: str) -> None:
        super().__init__(reason)
        self.compartment = compartment


@dataclass(frozen=True, slots=True)
class CompartmentStatus:
    """What the board reports about one compartment.

    Attributes:
        compartment: its number.
        door_open: whether the door is open.
        item_present: whether something is inside; None when the board has no sensor.
    """

    compartment: int
    door_open: bool
    item_present: bool | None


@runtime_checkable
class Locker(Protocol):
    """A bank of pickup compartments."""

    def open(self, compartment: int) -> None:
        """Release a compartment's lock.

        Raises:
            CompartmentFault: the lock is jammed or there is no such compartment.
            LockerUnavailable: the board does not answer properly.
        """
        ...

    def status(self, compartment: int) -> CompartmentStatus:
        """The compartment's door and item sensors."""
        ...

    def wait_closed(self, compartment: int, timeout: float) -> bool:
        """Wait until the door is closed; False when ``timeout`` seconds passed first."""
        ...


class SerialTransport(Protocol):
    """What the driver needs of a serial port (pyserial's ``Serial`` has it)."""

    timeout: float | None

    def write(self, data: bytes) -> int | None: ...

    def read(self, size: int = 1) -> bytes: ...

    def reset_input_buffer(self) -> None: ...

    def close(self) -> None: ...


class SerialLockBoard:
    """One lock board on a serial port.

    Args:
        port: the serial device, e.g. ``/dev/ttyUSB0`` or a simulator's pty.
        board: the board address (1…254).
        compartments: how many compartments the board drives.
        baudrate: line speed (boards default to 9600).
        timeout: seconds to wait for each reply.
        retries: extra attempts after a silent or garbled reply.
        poll_interval: seconds between status polls in :meth:`wait_closed`.
        sleep: how to wait between polls (injectable).

    Raises:
        LockerUnavailable: the port cannot be opened or the board does not answer.
    """

    def __init__(
        self,
        port: str,
        *,
        board: int = 1,
        compartments: int = 24,
        baudrate: int = 9600,
        timeout: float = 0.5,
        retries: int = 2,
        poll_interval: float = 0.25,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        import serial

        if not 1 <= board <= 254:
            raise LockerUnavailable(msg("锁控板地址应为1至254，配置为 {board}", board=board))
        if not 1 <= compartments <= 127:
            raise LockerUnavailable(
                msg("每块锁控板的格口数应为1至127，配置为 {count}", count=compartments))
        try:
            self._port: SerialTransport = serial.Serial(port, baudrate=baudrate, timeout=timeout)
        except (serial.SerialException, OSError) as exc:
            raise LockerUnavailable(msg(
                "无法打开智能文件柜串口 {port}：{error}。请检查连线和串口配置",
                port=port, error=str(exc),
            )) from exc
        self._board = board
        self._count = compartments
        self._timeout = timeout
        self._retries = retries
        self._poll = poll_interval
        self._sleep = sleep
        self._lock = threading.Lock()
        try:
            self.all_status()
        except LockerUnavailable:
            self._port.close()
            raise

    @property
    def compartments(self) -> int:
        return self._count

    def close(self) -> None:
        self._port.close()

    # ------------------------------------------------------------------ protocol

    def open(self, compartment: int) -> None:
        self._check(compartment)
        reply = self._exchange(Command.OPEN, compartment)
        result = reply.data[0] if reply.data else None
        if result == OpenResult.OPENED:
            log.info("locker board %d: compartment %d opened", self._board, compartment)
            return
        if result == OpenResult.JAMMED:
            raise CompartmentFault(compartment, msg(
                "{compartment}号格口锁舌未弹开（可能卡住），请工作人员检查",
                compartment=compartment,
            ))
        if result == OpenResult.NO_SUCH_COMPARTMENT:
            raise CompartmentFault(compartment, msg(
                "锁控板上没有{compartment}号格口，请检查配置", compartment=compartment))
        raise LockerUnavailable(
            msg("锁控板对开锁指令的应答无法识别：{reply}", reply=reply.data.hex(" ")))

    def status(self, compartment: int) -> CompartmentStatus:
        self._check(compartment)
        reply = self._exchange(Command.STATUS, compartment)
        if len(reply.data) != 2:
            raise LockerUnavailable(msg("锁控板状态应答长度不正确"))
        return _status(compartment, reply.data[0], reply.data[1])

    def all_status(self) -> list[CompartmentStatus]:
        """Every compartment of the board, in order."""
        reply = self._exchange(Command.ALL_STATUS, 0)
        if len(reply.data) != 2 * self._count:
            raise LockerUnavailable(msg(
                "锁控板报告 {found} 个格口，配置为 {count} 个，请检查配置",
                found=len(reply.data) // 2, count=self._count,
            ))
        pairs = zip(reply.data[0::2], reply.data[1::2], strict=True)
        return [_status(n, door, item) for n, (door, item) in enumerate(pairs, start=1)]

    def wait_closed(self, compartment: int, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while True:
            if not self.status(compartment).door_open:
                return True
            if time.monotonic() >= deadline:
                return False
            self._sleep(self._poll)

    # ----------------------------------------------------------------- internals

    def _check(self, compartment: int) -> None:
        if not 1 <= compartment <= self._count:
            raise CompartmentFault(compartment, msg(
                "格口号 {compartment} 超出范围（1至{count}）",
                compartment=compartment, count=self._count,
            ))

    def _exchange(self, cmd: Command, compartment: int) -> Frame:
        request = Frame(self._board, cmd, compartment).encode()
        problem = ""
        with self._lock:
            for attempt in range(1 + self._retries):
                self._port.reset_input_buffer()
                self._port.write(request)
                try:
                    reply = self._read_frame()
                except FrameError as exc:
                    problem = "garbled"
                    log.warning("locker board %d: bad reply (%s), attempt %d",
                                self._board, exc, attempt + 1)
                    continue
                except OSError as exc:
                    raise LockerUnavailable(
                        msg("智能文件柜串口出错：{error}", error=str(exc))) from exc
                if reply is None:
                    problem = problem or "silent"
                    log.warning("locker board %d: no reply, attempt %d", self._board, attempt + 1)
                    continue
                if (reply.board, reply.cmd, reply.compartment) != (
                    self._board, cmd | protocol.REPLY_BIT, compartment
                ):
                    problem = "garbled"
                    continue
                return reply
        if problem == "garbled":
            raise LockerUnavailable(
                msg("锁控板应答校验错误（线路干扰或波特率不符），请检查连线"))
        raise LockerUnavailable(msg(
            "锁控板（地址 {board}）无应答，请检查电源、连线和地址设置", board=self._board
        ))

    def _read_frame(self) -> Frame | None:
        """Read one frame; None when nothing arrived in time."""
        deadline = time.monotonic() + self._timeout
        # Skip noise until STX.
        while True:
            first = self._port.read(1)
            if first == bytes((protocol.STX,)):
                break
            if not first or time.monotonic() > deadline:
                return None
        header = first + self._read_exact(protocol.HEADER_SIZE - 1, deadline)
        if len(header) < protocol.HEADER_SIZE:
            raise FrameError("truncated header")
        rest = self._read_exact(protocol.frame_length(header) - len(header), deadline)
        return protocol.decode(header + rest)

    def _read_exact(self, size: int, deadline: float) -> bytes:
        data = b""
        while len(data) < size and time.monotonic() <= deadline:
            data += self._port.read(size - len(data))
        return data


def _status(compartment: int, door: int, item: int) -> CompartmentStatus:
    present = None if item == protocol.NO_ITEM_SENSOR else item == protocol.ITEM_PRESENT
    return CompartmentStatus(compartment, door == protocol.DOOR_OPEN, present)
