"""The serial scanner against a real pseudo-terminal pair.

The test holds the master side (the "scanner hardware") and the scanner opens the
slave path, through a symlink as a udev ``/dev/serial/by-id/…`` link would be.
"""

from __future__ import annotations

import os
import queue
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from core.scan import ScanEvent, ScanSource
from devices.scanners.base import Scanner, ScannerState, ScannerUnavailable
from devices.scanners.serial_port import LineEnding, SerialScanner
from tests.helpers.scanner import fixed_now

WAIT = 5.0
WAIT_MS = 5000


class Pty:
    """One pseudo-terminal pair; ``write`` plays the scanner hardware."""

    def __init__(self) -> None:
        self.master, self.slave = os.openpty()
        self.path = os.ttyname(self.slave)
        self.closed = False

    def write(self, data: bytes) -> None:
        os.write(self.master, data)

    def unplug(self) -> None:
        if not self.closed:  # closing twice could hit a reused descriptor number
            self.closed = True
            os.close(self.master)
            os.close(self.slave)


class Received:
    """Collects events delivered on the reader thread."""

    def __init__(self) -> None:
        self.queue: queue.Queue[ScanEvent] = queue.Queue()

    def __call__(self, event: ScanEvent) -> None:
        self.queue.put(event)

    def next(self) -> ScanEvent:
        return self.queue.get(timeout=WAIT)

    def texts(self, n: int) -> list[str]:
        return [self.next().text for _ in range(n)]

    def nothing_more(self) -> bool:
        return self.queue.empty()


@pytest.fixture
def pty() -> Iterator[Pty]:
    pair = Pty()
    yield pair
    pair.unplug()


@pytest.fixture
def link(tmp_path: Path, pty: Pty) -> Path:
    path = tmp_path / "usb-Honeywell_Scanner-if00"
    path.symlink_to(pty.path)
    return path


@pytest.fixture
def scanner(link: Path) -> Iterator[SerialScanner]:
    s = SerialScanner(port=str(link), device_id="scanner-1", now=fixed_now,
                      reconnect_interval=0.05, cooldown=1.0)
    yield s
    s.stop()


def test_is_a_scanner_and_reads_lines_with_any_ending(scanner: SerialScanner, pty: Pty) -> None:
    assert isinstance(scanner, Scanner)
    got = Received()
    scanner.start(got)
    pty.write(b"T0301-20220509-7\r")
    pty.write(b"GT1:RC:ABC\n")
    pty.write(b"9787302\r\n")
    events = [got.next() for _ in range(3)]
    assert [e.text for e in events] == ["T0301-20220509-7", "GT1:RC:ABC", "9787302"]
    assert {e.source for e in events} == {ScanSource.SERIAL}
    assert {e.device_id for e in events} == {"scanner-1"}
    assert scanner.health().state is ScannerState.READY
    assert scanner.health().accepted == 3


def test_partial_writes_are_joined(scanner: SerialScanner, pty: Pty) -> None:
    got = Received()
    scanner.start(got)
    for piece in (b"GT1:", b"RC:8N2K", b"4M9Q", b"\r", b"\n", b"SECOND", b"-CODE\r\n"):
        pty.write(piece)
    assert got.texts(2) == ["GT1:RC:8N2K4M9Q", "SECOND-CODE"]


def test_chinese_content_in_utf8_and_gbk(scanner: SerialScanner, pty: Pty) -> None:
    got = Received()
    scanner.start(got)
    pty.write("取件码 123456\r".encode())
    pty.write("威海市 654321\r".encode("gbk"))
    assert got.texts(2) == ["取件码 123456", "威海市 654321"]


def test_garbage_bytes_are_rejected_and_reading_goes_on(
    scanner: SerialScanner, pty: Pty, qtbot: QtBot
) -> None:
    got = Received()
    scanner.start(got)
    pty.write(b"\xff\xfe\xfd\x80\r")  # line noise: not text in any encoding
    pty.write(b"\x00\x00\r\n")  # NUL padding: ignored silently
    pty.write(b"\x1b\x07\r")  # only control characters
    pty.write(b"GOOD-1\r")
    assert got.next().text == "GOOD-1"
    qtbot.waitUntil(lambda: scanner.health().rejected == 2, timeout=WAIT_MS)
    assert got.nothing_more()


def test_repeats_within_the_cooldown_are_ignored(scanner: SerialScanner, pty: Pty) -> None:
    got = Received()
    scanner.start(got)
    pty.write(b"SAME\rSAME\rSAME\rOTHER\r")
    assert got.texts(2) == ["SAME", "OTHER"]
    assert got.nothing_more()


def test_only_the_configured_ending_splits(link: Path, pty: Pty) -> None:
    scanner = SerialScanner(port=str(link), line_ending=LineEnding.CRLF, now=fixed_now)
    try:
        got = Received()
        scanner.start(got)
        pty.write(b"LINE\rSTILL\r\nNEXT\r\n")
        # A lone CR inside a CRLF-terminated line is a control character: dropped.
        assert got.texts(2) == ["LINESTILL", "NEXT"]
    finally:
        scanner.stop()


def test_unplug_reports_and_replug_reconnects(
    scanner: SerialScanner, pty: Pty, link: Path, qtbot: QtBot
) -> None:
    got = Received()
    scanner.start(got)
    pty.write(b"BEFORE\r")
    assert got.next().text == "BEFORE"
    pty.write(b"HALF-A-LI")
    pty.unplug()
    qtbot.waitUntil(
        lambda: scanner.health().state is ScannerState.DISCONNECTED, timeout=WAIT_MS
    )
    assert "重新连接" in scanner.health().problem
    replug = Pty()
    try:
        link.unlink()
        link.symlink_to(replug.path)
        qtbot.waitUntil(lambda: scanner.health().state is ScannerState.READY, timeout=WAIT_MS)
        replug.write(b"AFTER\r")
        assert got.next().text == "AFTER"  # the half line before the unplug is gone
    finally:
        scanner.stop()
        replug.unplug()


def test_missing_port_fails_at_construction(tmp_path: Path) -> None:
    with pytest.raises(ScannerUnavailable) as err:
        SerialScanner(port=str(tmp_path / "no-such-tty"))
    assert "串口扫码枪未连接" in err.value.reason
    assert err.value.device == "scanner"


def test_stop_is_idempotent_and_reports_stopped(scanner: SerialScanner) -> None:
    scanner.start(Received())
    scanner.stop()
    scanner.stop()
    assert scanner.health().state is ScannerState.STOPPED
