"""Building the configured devices: failures are recorded on the health board, not raised."""

from __future__ import annotations

import os
import tty
from collections.abc import Iterator
from pathlib import Path

import pytest

from devices.factory import (
    DeviceSpec,
    IdCardSpec,
    LockerSpec,
    PrinterBackend,
    PrinterSpec,
    ScannerSpec,
    build_devices,
)
from devices.health import Health, Role
from devices.lockers.simulator import LockBoardSimulator
from devices.printers.base import PrinterState
from devices.printers.folder import PAPER_OUT_FLAG, FolderPrinter
from tests.helpers.clock import FakeClock
from tests.helpers.cups import PrivateCups, private_cups


def folder_printers(root: Path) -> tuple[PrinterSpec, ...]:
    return (
        PrinterSpec("receipt", Role.RECEIPT_PRINTER, PrinterBackend.FOLDER, folder=root / "r"),
        PrinterSpec("a4", Role.A4_PRINTER, PrinterBackend.FOLDER, folder=root / "a4"),
    )


@pytest.fixture
def pty_port() -> Iterator[str]:
    master, slave = os.openpty()
    tty.setraw(slave)
    try:
        yield os.ttyname(slave)
    finally:
        os.close(master)
        os.close(slave)


def test_demo_defaults_build_folder_printers_and_the_wedge(tmp_path: Path) -> None:
    devices = build_devices(DeviceSpec(printers=folder_printers(tmp_path)), clock=FakeClock())
    try:
        assert sorted(devices.printers) == ["a4", "receipt"]
        assert all(isinstance(p, FolderPrinter) for p in devices.printers.values())
        features = devices.health.features_available()
        assert features.receipt_printing
        assert features.self_print_pickup
        assert features.scanning  # the keyboard wedge is always there
        assert not features.locker_pickup
        assert not features.idcard_reading
        assert devices.locker is None
        assert devices.idcard is None
        assert [r.device_id for r in devices.inspect()] == ["receipt", "a4", "wedge"]
    finally:
        devices.close()


def test_a_printer_that_cannot_be_built_is_recorded_not_raised(tmp_path: Path) -> None:
    spec = DeviceSpec(
        printers=(
            PrinterSpec("receipt", Role.RECEIPT_PRINTER, PrinterBackend.ESCPOS, port=""),
            PrinterSpec("a4", Role.A4_PRINTER, PrinterBackend.CUPS, queue=""),
        )
    )
    devices = build_devices(spec, clock=FakeClock())
    try:
        assert devices.printers == {}
        by_id = {d.device_id: d for d in devices.health.devices()}
        assert by_id["receipt"].health is Health.UNAVAILABLE
        assert "/dev/ttyUSB0" in by_id["receipt"].staff_message
        assert "lpstat -p" in by_id["a4"].staff_message
        assert by_id["a4"].citizen_message
        features = devices.health.features_available()
        assert not features.receipt_printing
        assert not features.self_print_pickup
        reports = {r.device_id: r for r in devices.inspect()}
        assert reports["a4"].health is Health.UNAVAILABLE
        assert "CUPS" in reports["a4"].where
    finally:
        devices.close()


def test_receipts_fall_back_to_the_a4_printer(tmp_path: Path) -> None:
    spec = DeviceSpec(
        printers=(
            PrinterSpec("receipt", Role.RECEIPT_PRINTER, PrinterBackend.NONE),
            PrinterSpec("a4", Role.A4_PRINTER, PrinterBackend.FOLDER, folder=tmp_path),
        )
    )
    devices = build_devices(spec, clock=FakeClock())
    try:
        assert list(devices.printers) == ["a4"]
        assert devices.health.features_available().receipt_printing
    finally:
        devices.close()


def test_refresh_reports_paper_out_and_refill(tmp_path: Path) -> None:
    devices = build_devices(DeviceSpec(printers=folder_printers(tmp_path)), clock=FakeClock())
    try:
        (tmp_path / "a4" / PAPER_OUT_FLAG).touch()
        devices.refresh()
        assert not devices.health.features_available().self_print_pickup
        report = next(r for r in devices.inspect() if r.device_id == "a4")
        assert (report.health, report.state) == (Health.UNAVAILABLE, "缺纸")
        assert "补充纸张" in report.advice
        (tmp_path / "a4" / PAPER_OUT_FLAG).unlink()
        devices.refresh()
        assert devices.health.features_available().self_print_pickup
    finally:
        devices.close()


@pytest.mark.cups
def test_cups_printer_state_reaches_the_health_board() -> None:
    server: PrivateCups
    with private_cups() as server:
        server.add_queue("hall_a4")
        spec = DeviceSpec(
            printers=(
                PrinterSpec(
                    "a4", Role.A4_PRINTER, PrinterBackend.CUPS, queue="hall_a4",
                    server=server.server,
                ),
            )
        )
        devices = build_devices(spec, clock=FakeClock())
        try:
            assert devices.printers["a4"].status().state is PrinterState.READY
            server.set_reasons("hall_a4", "media-empty-error")
            report = devices.inspect()[0]
            assert (report.health, report.state) == (Health.UNAVAILABLE, "缺纸")
            assert not devices.health.features_available().self_print_pickup
            server.set_reasons("hall_a4")
            devices.refresh()
            assert devices.health.features_available().self_print_pickup
        finally:
            devices.close()


def test_serial_scanners_open_their_ports_or_are_recorded(pty_port: str) -> None:
    spec = DeviceSpec(scanner=ScannerSpec(serial_ports=(pty_port, "/dev/no-such-scanner")))
    devices = build_devices(spec, clock=FakeClock())
    try:
        assert len(devices.scanners) == 1
        assert devices.scanners[0].device_id == "scanner-" + pty_port.rsplit("/", 1)[-1]
        by_id = {r.device_id: r for r in devices.inspect()}
        assert by_id["scanner-no-such-scanner"].health is Health.UNAVAILABLE
        assert "/dev/no-such-scanner" in by_id["scanner-no-such-scanner"].advice
        assert by_id[devices.scanners[0].device_id].health is Health.OK
        assert devices.health.features_available().scanning
    finally:
        devices.close()


def test_locker_on_a_board_reports_compartments_and_open_doors() -> None:
    board = LockBoardSimulator(compartments=12)
    try:
        devices = build_devices(
            DeviceSpec(locker=LockerSpec(port=board.path, compartments=12)), clock=FakeClock()
        )
        try:
            report = next(r for r in devices.inspect() if r.role is Role.LOCKER)
            assert (report.health, report.state) == (Health.OK, "可连接，12 个格口")
            assert devices.health.features_available().locker_pickup
            board.open_door(3)
            report = next(r for r in devices.inspect() if r.role is Role.LOCKER)
            assert report.health is Health.DEGRADED
            assert "3" in report.state
            assert devices.health.features_available().locker_pickup
            board.silent = True
            report = next(r for r in devices.inspect() if r.role is Role.LOCKER)
            assert report.health is Health.UNAVAILABLE
            assert not devices.health.features_available().locker_pickup
        finally:
            devices.close()
    finally:
        board.close()


def test_locker_with_wrong_compartment_count_or_no_port_is_unavailable() -> None:
    board = LockBoardSimulator(compartments=12)
    try:
        devices = build_devices(
            DeviceSpec(
                locker=LockerSpec(port=board.path, compartments=24),
                idcard=IdCardSpec(port="/dev/no-such-reader"),
            ),
            clock=FakeClock(),
        )
        try:
            by_id = {d.device_id: d for d in devices.health.devices()}
            assert by_id["locker"].health is Health.UNAVAILABLE
            assert "12" in by_id["locker"].staff_message
            assert by_id["idcard"].health is Health.UNAVAILABLE
            assert devices.locker is None
            assert devices.idcard is None
        finally:
            devices.close()
    finally:
        board.close()


def test_simulated_locker_and_idcard_reader_work_like_real_ones() -> None:
    spec = DeviceSpec(
        locker=LockerSpec(simulate=True, compartments=8),
        idcard=IdCardSpec(simulate=True),
    )
    devices = build_devices(spec, clock=FakeClock())
    try:
        features = devices.health.features_available()
        assert features.locker_pickup
        assert features.idcard_reading
        devices.locker.open(2)
        assert devices.locker.wait_closed(2, timeout=5)  # the demo board closes by itself
        card = devices.idcard.read()
        assert card.masked.startswith("张*")
        where = {r.device_id: r.where for r in devices.inspect()}
        assert "模拟器" in where["locker"]
        assert "模拟器" in where["idcard"]
    finally:
        devices.close()
    devices.close()  # idempotent


# QtMultimedia's FFmpeg backend notes optional system libraries it did not find.
@pytest.mark.qt_log_ignore(r"Couldn't (load|resolve) (pipewire|va)")
def test_camera_without_a_camera_is_recorded(qapp: object) -> None:
    devices = build_devices(DeviceSpec(scanner=ScannerSpec(camera=True)), clock=FakeClock())
    try:
        by_id = {d.device_id: d for d in devices.health.devices()}
        assert by_id["camera"].health is Health.UNAVAILABLE
        assert "摄像头" in by_id["camera"].staff_message
        assert devices.health.features_available().scanning  # the wedge still scans
    finally:
        devices.close()
