"""Serial (RS-232, USB-CDC) barcode scanners that send one line per scan.

A reader thread owns the port: it splits the byte stream into lines, sanitises and
debounces them (core rules), and hands each accepted :class:`ScanEvent` to the
callback — from the reader thread, so the Qt router marshals it to the GUI thread.
When the port disappears (cable pulled, USB re-enumerated) the thread reports
``DISCONNECTED`` and keeps trying to reopen the same path; a stable path such as
``/dev/serial/by-id/…`` brings the scanner back by itself.
"""

from __future__ import annotations

import datetime as _dt
import logging
import re
import threading
import time
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any

from core.errors import ValidationFailed, msg
from core.scan import (
    MAX_SCAN_LENGTH,
    Clock,
    ScanDebouncer,
    ScanSource,
    make_scan_event,
)
from devices.scanners.base import (
    ScanCallback,
    ScannerHealth,
    ScannerState,
    ScannerUnavailable,
)

log = logging.getLogger(__name__)

Now = Callable[[], _dt.datetime]


def _local_now() -> _dt.datetime:
    return _dt.datetime.now().astimezone()


class LineEnding(StrEnum):
    """How the scanner terminates a code (set in the scanner's own configuration)."""

    CR = "cr"
    LF = "lf"
    CRLF = "crlf"
    ANY = "any"  # CR, LF or CRLF


_CONNECTION_LOST = msg("串口扫码枪连接中断，正在重新连接")

_SPLIT = {
    LineEnding.CR: re.compile(rb"\r"),
    LineEnding.LF: re.compile(rb"\n"),
    LineEnding.CRLF: re.compile(rb"\r\n"),
    LineEnding.ANY: re.compile(rb"\r\n|\r|\n"),
}


def _load_pyserial() -> Any:
    try:
        import serial
    except ImportError as exc:
        raise ScannerUnavailable(
            msg("缺少串口支持库 pyserial，串口扫码枪不可用，请联系管理员")) from exc
    return serial


def _decode(line: bytes, encodings: Sequence[str]) -> str | None:
    for encoding in encodings:
        try:
            return line.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


class SerialScanner:
    """A scanner on a serial port, read line by line.

    Args:
        port: device path, e.g. ``/dev/ttyACM0`` or a ``/dev/serial/by-id/…`` link.
        device_id: id used in events and health; defaults to the port's last part.
        baudrate: line speed set in the scanner (9600 is the factory default of most).
        line_ending: the terminator the scanner sends.
        encodings: tried in order to turn a line into text (GB 18030 for Chinese
            scanners configured for GBK output).
        clock: monotonic seconds for debouncing.
        now: the wall-clock time stamped on events.
        cooldown: seconds a repeat of the same code is ignored.
        reconnect_interval: seconds between attempts to reopen a lost port.
        max_length: longest code accepted; longer lines are discarded.

    Raises:
        ScannerUnavailable: pyserial is missing or the port cannot be opened.
    """

    def __init__(
        self,
        *,
        port: str,
        device_id: str | None = None,
        baudrate: int = 9600,
        line_ending: LineEnding = LineEnding.ANY,
        encodings: Sequence[str] = ("utf-8", "gb18030"),
        clock: Clock = time.monotonic,
        now: Now = _local_now,
        cooldown: float = 1.5,
        reconnect_interval: float = 1.0,
        max_length: int = MAX_SCAN_LENGTH,
    ) -> None:
        self._serial_mod = _load_pyserial()
        self._port_path = port
        self._device_id = device_id or port.rstrip("/").rsplit("/", 1)[-1]
        self._baudrate = baudrate
        self._splitter = _SPLIT[line_ending]
        self._encodings = tuple(encodings)
        self._now = now
        self._debouncer = ScanDebouncer(clock=clock, cooldown=cooldown)
        self._reconnect_interval = reconnect_interval
        self._max_length = max_length
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._callback: ScanCallback | None = None
        self._accepted = 0
        self._rejected = 0
        self._state = ScannerState.STOPPED
        self._since = now()
        self._problem = ""
        self._port: Any = self._open()  # fails at construction if the port is absent

    @property
    def device_id(self) -> str:
        """The configured id of this scanner."""
        return self._device_id

    def _open(self) -> Any:
        try:
            return self._serial_mod.Serial(self._port_path, self._baudrate, timeout=0.1)
        except (self._serial_mod.SerialException, OSError) as exc:
            log.warning("serial scanner %s cannot be opened: %s", self._device_id, exc)
            raise ScannerUnavailable(msg(
                "串口扫码枪未连接或无法打开（{port}），请检查连线后重启终端", port=self._port_path
            )) from exc

    def _set_state(self, state: ScannerState, problem: str = "") -> None:
        with self._lock:
            if state is not self._state:
                log.info("serial scanner %s: %s -> %s", self._device_id, self._state, state)
                self._state = state
                self._since = self._now()
            self._problem = problem

    def health(self) -> ScannerHealth:
        """The current health snapshot (thread-safe)."""
        with self._lock:
            return ScannerHealth(
                self._device_id,
                self._state,
                self._since,
                self._problem,
                accepted=self._accepted,
                rejected=self._rejected,
            )

    def start(self, on_scan: ScanCallback) -> None:
        """Start the reader thread; scans go to ``on_scan`` from that thread."""
        if self._thread is not None and self._thread.is_alive():
            self._callback = on_scan
            return
        self._callback = on_scan
        self._stop.clear()
        if self._port is None:
            self._set_state(ScannerState.DISCONNECTED, _CONNECTION_LOST)
        else:
            self._set_state(ScannerState.READY)
        self._thread = threading.Thread(
            target=self._run, name=f"scanner-{self._device_id}", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop reading and close the port."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout=2.0)
        self._close()
        self._set_state(ScannerState.STOPPED)

    def _close(self) -> None:
        port, self._port = self._port, None
        if port is not None:
            try:
                port.close()
            except (self._serial_mod.SerialException, OSError):
                log.debug("closing %s failed", self._device_id, exc_info=True)

    def _run(self) -> None:
        buffer = b""
        while not self._stop.is_set():
            if self._port is None:
                buffer = b""  # a partial line from before the unplug is worthless
                if not self._reconnect():
                    continue
            try:
                chunk: bytes = self._port.read(self._port.in_waiting or 1)
            except (self._serial_mod.SerialException, OSError) as exc:
                log.warning("serial scanner %s lost: %s", self._device_id, exc)
                self._close()
                self._set_state(ScannerState.DISCONNECTED, _CONNECTION_LOST)
                continue
            if chunk:
                buffer = self._consume(buffer + chunk)

    def _reconnect(self) -> bool:
        try:
            self._port = self._open()
        except ScannerUnavailable:
            self._stop.wait(self._reconnect_interval)
            return False
        self._set_state(ScannerState.READY)
        return True

    def _consume(self, buffer: bytes) -> bytes:
        *lines, rest = self._splitter.split(buffer)
        for line in lines:
            self._handle_line(line)
        if len(rest) > self._max_length * 4:  # no terminator in sight: drop, stay bounded
            self._reject("line too long without terminator")
            return b""
        return rest

    def _reject(self, why: str) -> None:
        with self._lock:
            self._rejected += 1
        log.warning("serial scanner %s: input discarded (%s)", self._device_id, why)

    def _handle_line(self, line: bytes) -> None:
        if not line.strip(b"\x00\r\n\t "):
            return  # empty line or padding between codes
        text = _decode(line, self._encodings)
        if text is None:
            self._reject("bytes are not text in any configured encoding")
            return
        try:
            event = make_scan_event(
                text,
                source=ScanSource.SERIAL,
                device_id=self._device_id,
                at=self._now(),
                max_length=self._max_length,
            )
        except ValidationFailed as exc:
            self._reject(exc.code)
            return
        if not self._debouncer.offer(event.text):
            return
        with self._lock:
            self._accepted += 1
        callback = self._callback
        if callback is not None:
            callback(event)
