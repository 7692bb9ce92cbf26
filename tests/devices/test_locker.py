"""The lock-board driver against its simulator, through a real pseudo-terminal pair."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from devices.lockers import protocol
from devices.lockers.board import (
    CompartmentFault,
    Locker,
    LockerUnavailable,
    SerialLockBoard,
)
from devices.lockers.protocol import Command, Frame, FrameError
from devices.lockers.simulator import LockBoardSimulator

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def sim() -> Iterator[LockBoardSimulator]:
    board = LockBoardSimulator(board=3, compartments=6)
    yield board
    board.close()


@pytest.fixture
def locker(sim: LockBoardSimulator) -> Iterator[SerialLockBoard]:
    board = SerialLockBoard(sim.path, board=3, compartments=6, timeout=1.0, retries=2)
    yield board
    board.close()


def test_frame_round_trip_and_checksum() -> None:
    frame = Frame(1, Command.OPEN, 5)
    raw = frame.encode()
    assert raw == bytes((0x02, 0x01, 0x31, 0x05, 0x00, 0x01 ^ 0x31 ^ 0x05, 0x03))
    assert protocol.decode(raw) == frame
    with_data = Frame(1, Command.STATUS | 0x80, 2, bytes((0x02, 0x03)))  # STX/ETX in data
    assert protocol.decode(with_data.encode()) == with_data
    bad = bytearray(raw)
    bad[-2] ^= 0xFF
    with pytest.raises(FrameError, match="checksum"):
        protocol.decode(bytes(bad))


def test_open_then_door_closed_by_the_citizen(
    sim: LockBoardSimulator, locker: SerialLockBoard
) -> None:
    assert isinstance(locker, Locker)
    sim.put(2)
    locker.open(2)
    status = locker.status(2)
    assert status.door_open
    assert status.item_present is True
    sim.put(2, present=False)  # the citizen takes the licence …
    threading.Timer(0.1, sim.close_door, args=(2,)).start()  # … and shuts the door
    assert locker.wait_closed(2, timeout=5.0)
    status = locker.status(2)
    assert not status.door_open
    assert status.item_present is False


def test_door_left_open_times_out(sim: LockBoardSimulator, locker: SerialLockBoard) -> None:
    locker.open(4)
    assert not locker.wait_closed(4, timeout=0.3)
    assert locker.all_status()[3].door_open


def test_jammed_compartment_is_reported_and_the_rest_still_work(
    sim: LockBoardSimulator, locker: SerialLockBoard
) -> None:
    sim.jam(1)
    with pytest.raises(CompartmentFault, match="卡住") as jammed:
        locker.open(1)
    assert jammed.value.compartment == 1
    assert not locker.status(1).door_open
    locker.open(5)
    assert locker.status(5).door_open


def test_out_of_range_compartment(locker: SerialLockBoard) -> None:
    with pytest.raises(CompartmentFault, match="超出范围"):
        locker.open(7)


def test_a_bad_checksum_is_retried(sim: LockBoardSimulator, locker: SerialLockBoard) -> None:
    sim.garble_next = 1
    locker.open(3)
    assert locker.status(3).door_open
    opens = [f for f in sim.received if f.cmd == Command.OPEN]
    assert len(opens) == 2  # the garbled reply cost one retry


def test_persistent_bad_checksums_are_reported(
    sim: LockBoardSimulator, locker: SerialLockBoard
) -> None:
    sim.garble_next = 10
    with pytest.raises(LockerUnavailable, match="校验错误"):
        locker.status(1)


def test_silent_board_is_unavailable(sim: LockBoardSimulator) -> None:
    sim.silent = True
    with pytest.raises(LockerUnavailable, match="无应答"):
        SerialLockBoard(sim.path, board=3, compartments=6, timeout=0.2, retries=1)


def test_wrong_address_is_silent_and_wrong_count_is_explained(sim: LockBoardSimulator) -> None:
    with pytest.raises(LockerUnavailable, match="地址 9"):
        SerialLockBoard(sim.path, board=9, compartments=6, timeout=0.2, retries=0)
    with pytest.raises(LockerUnavailable, match="配置为 24"):
        SerialLockBoard(sim.path, board=3, compartments=24, timeout=1.0)


def test_missing_port() -> None:
    with pytest.raises(LockerUnavailable, match="无法打开"):
        SerialLockBoard("/dev/no-such-locker")


def test_no_item_sensor(sim: LockBoardSimulator, locker: SerialLockBoard) -> None:
    sim.item_sensor = False
    assert locker.status(1).item_present is None


def test_simulator_command_prints_its_pty_path() -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "devices.lockers.simulator", "--compartments", "4"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    ) as proc:
        try:
            assert proc.stdout is not None
            path = proc.stdout.readline().strip()
            board = SerialLockBoard(path, compartments=4, timeout=2.0)
            try:
                board.open(4)
                assert board.status(4).door_open
            finally:
                board.close()
        finally:
            proc.terminate()
            proc.wait(10)
