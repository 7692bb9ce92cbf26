"""A lock board simulated on a pseudo-terminal, speaking :mod:`devices.lockers.protocol`.

Tests and the demo open :attr:`LockBoardSimulator.path` exactly as they would a real
board's serial port. The simulator can jam a compartment (its lock will not release),
leave a door open (the citizen walked away), put or take items, stay silent, or garble
its next replies.

Run ``python -m devices.lockers.simulator [--compartments N] [--board A]``: it prints
the pty path to use as the locker port and serves until interrupted.
"""

from __future__ import annotations

import argparse
import logging
import sys
import threading
from dataclasses import dataclass

from devices.lockers import protocol
from devices.lockers.protocol import Command, Frame, FrameError, OpenResult
from devices.pty_port import PtyPort, serve_until_stopped

log = logging.getLogger(__name__)


@dataclass(slots=True)
class SimulatedCompartment:
    door_open: bool = False
    item_present: bool = False
    jammed: bool = False


class LockBoardSimulator:
    """One simulated board behind a pty.

    Args:
        board: its address.
        compartments: how many compartments.
        item_sensor: whether it reports items (False: replies 0xFF, "no sensor").
        close_on_open: doors swing shut by themselves right after opening (for
            demos without anyone to close them); default False — a test closes them.
    """

    def __init__(
        self,
        *,
        board: int = 1,
        compartments: int = 24,
        item_sensor: bool = True,
        close_on_open: bool = False,
    ) -> None:
        self.board = board
        self.compartments = {n: SimulatedCompartment() for n in range(1, compartments + 1)}
        self.item_sensor = item_sensor
        self.close_on_open = close_on_open
        self.silent = False
        self.garble_next = 0
        self.received: list[Frame] = []
        self._lock = threading.Lock()
        self._port = PtyPort(name="lockboard-sim", received=self._drain)
        self.path = self._port.path

    # ---------------------------------------------------------------- scenario

    def jam(self, n: int, jammed: bool = True) -> None:
        with self._lock:
            self.compartments[n].jammed = jammed

    def close_door(self, n: int) -> None:
        with self._lock:
            self.compartments[n].door_open = False

    def open_door(self, n: int) -> None:
        """A door forced or left open (not by a command)."""
        with self._lock:
            self.compartments[n].door_open = True

    def put(self, n: int, present: bool = True) -> None:
        with self._lock:
            self.compartments[n].item_present = present

    def close(self) -> None:
        self._port.close()

    # ------------------------------------------------------------------ serving

    def _drain(self, buf: bytearray) -> None:
        while True:
            start = buf.find(bytes((protocol.STX,)))
            if start < 0:
                buf.clear()
                return
            del buf[:start]
            if len(buf) < protocol.HEADER_SIZE:
                return
            size = protocol.frame_length(bytes(buf))
            if len(buf) < size:
                return
            raw = bytes(buf[:size])
            del buf[:size]
            try:
                frame = protocol.decode(raw)
            except FrameError:
                log.info("simulator: dropped a bad frame %s", raw.hex(" "))
                continue
            self.received.append(frame)
            reply = self._handle(frame)
            if reply is not None and not self.silent:
                out = reply.encode()
                if self.garble_next:
                    self.garble_next -= 1
                    out = out[:-2] + bytes((out[-2] ^ 0x5A, out[-1]))
                self._port.write(out)

    def _handle(self, frame: Frame) -> Frame | None:
        if frame.board != self.board:
            return None  # another board on the bus
        reply_cmd = frame.cmd | protocol.REPLY_BIT
        with self._lock:
            if frame.cmd == Command.OPEN:
                data = bytes((self._open(frame.compartment),))
            elif frame.cmd == Command.STATUS:
                box = self.compartments.get(frame.compartment)
                data = self._pair(box) if box else bytes((0, protocol.NO_ITEM_SENSOR))
            elif frame.cmd == Command.ALL_STATUS:
                data = b"".join(self._pair(b) for _, b in sorted(self.compartments.items()))
            else:
                return None
        return Frame(frame.board, reply_cmd, frame.compartment, data)

    def _open(self, n: int) -> int:
        box = self.compartments.get(n)
        if box is None:
            return OpenResult.NO_SUCH_COMPARTMENT
        if box.jammed:
            return OpenResult.JAMMED
        box.door_open = not self.close_on_open
        return OpenResult.OPENED

    def _pair(self, box: SimulatedCompartment) -> bytes:
        item = (
            (protocol.ITEM_PRESENT if box.item_present else protocol.ITEM_ABSENT)
            if self.item_sensor
            else protocol.NO_ITEM_SENSOR
        )
        door = protocol.DOOR_OPEN if box.door_open else protocol.DOOR_CLOSED
        return bytes((door, item))


def main(argv: list[str] | None = None) -> int:
    """Serve a simulated board until interrupted; prints the pty path first."""
    parser = argparse.ArgumentParser(description="智能文件柜锁控板模拟器 (pty)")
    parser.add_argument("--board", type=int, default=1, help="锁控板地址")
    parser.add_argument("--compartments", type=int, default=24, help="格口数")
    parser.add_argument("--auto-close", action="store_true", help="开门后自动关门 (演示用)")
    args = parser.parse_args(argv)
    sim = LockBoardSimulator(
        board=args.board, compartments=args.compartments, close_on_open=args.auto_close
    )
    return serve_until_stopped(sim.path, sim.close)


if __name__ == "__main__":
    sys.exit(main())
