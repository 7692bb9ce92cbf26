"""The pseudo-terminal end the serial simulators share, and their command-line entry."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import termios
from pathlib import Path

from devices.pty_port import PtyPort

REPO = Path(__file__).resolve().parents[2]


def _read(fd: int, size: int, timeout: float = 5.0) -> bytes:
    data = b""
    while len(data) < size:
        ready, _, _ = select.select([fd], [], [], timeout)
        assert ready, f"nothing more after {data!r}"
        data += os.read(fd, size - len(data))
    return data


def test_a_frame_written_in_pieces_is_answered_once_whole() -> None:
    """The buffer keeps what was not consumed: a line answered only when it is complete."""

    def lines(buf: bytearray) -> None:
        while (end := buf.find(b"\n")) >= 0:
            line = bytes(buf[:end])
            del buf[: end + 1]
            port.write(line.upper() + b"\n")

    port = PtyPort(name="echo-sim", received=lines)
    adapter = os.open(port.path, os.O_RDWR | os.O_NOCTTY)
    try:
        os.write(adapter, b"ab")
        termios.tcdrain(adapter)
        os.write(adapter, b"c\nd")
        assert _read(adapter, 4) == b"ABC\n"
        os.write(adapter, b"e\n")
        assert _read(adapter, 3) == b"DE\n"
    finally:
        os.close(adapter)
        port.close()


def test_the_simulators_print_their_port_and_stop_on_sigterm() -> None:
    for module in ("devices.lockers.simulator", "devices.idcard.simulator"):
        process = subprocess.Popen(
            [sys.executable, "-m", module],
            cwd=REPO,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert process.stdout is not None
            path = process.stdout.readline().strip()
            assert path.startswith("/dev/pts/"), path
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=10) == 0, module
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=5)
            if process.stdout is not None:
                process.stdout.close()
