"""Device health: states, listeners, features to hide, heartbeat and doctor lines."""

from __future__ import annotations

import dataclasses
import datetime as _dt

from devices.health import DeviceHealth, Health, HealthBoard, Role
from devices.lockers.board import LockerUnavailable
from devices.printers.base import PrinterState, PrinterStatus
from tests.helpers.clock import FakeClock


def test_nothing_reported_means_nothing_offered() -> None:
    features = HealthBoard(clock=FakeClock()).features_available()
    assert not any(dataclasses.astuple(features))


def test_paper_out_hides_printing_and_tells_staff_since_when() -> None:
    clock = FakeClock()
    board = HealthBoard(clock=clock)
    seen: list[DeviceHealth] = []
    board.subscribe(seen.append)
    board.report_printer("a4", Role.A4_PRINTER, PrinterStatus.of(PrinterState.READY))
    board.report_printer("receipt", Role.RECEIPT_PRINTER, PrinterStatus.of(PrinterState.READY))
    board.report_ok("locker-1", Role.LOCKER)
    assert board.features_available().self_print_pickup

    clock.advance(minutes=5)
    out = board.report_printer("a4", Role.A4_PRINTER, PrinterStatus.of(PrinterState.PAPER_OUT))
    assert out.health is Health.UNAVAILABLE
    assert out.since == clock.now()
    assert "缺纸" in out.staff_message
    assert out.citizen_message
    features = board.features_available()
    assert not features.self_print_pickup
    assert features.receipt_printing  # the receipt printer still works
    assert features.locker_pickup

    clock.advance(minutes=1)
    again = board.report_printer("a4", Role.A4_PRINTER, PrinterStatus.of(PrinterState.PAPER_OUT))
    assert again.since == out.since  # unchanged: no new event
    assert [d.health for d in seen] == [Health.OK, Health.OK, Health.OK, Health.UNAVAILABLE]


def test_paper_low_is_degraded_but_usable() -> None:
    board = HealthBoard(clock=FakeClock())
    low = board.report_printer(
        "receipt", Role.RECEIPT_PRINTER, PrinterStatus.of(PrinterState.PAPER_LOW)
    )
    assert low.health is Health.DEGRADED
    assert board.features_available().receipt_printing


def test_unavailable_locker_hides_locker_pickup() -> None:
    board = HealthBoard(clock=FakeClock())
    board.report_unavailable("locker-1", Role.LOCKER, LockerUnavailable("锁控板无应答"))
    assert not board.features_available().locker_pickup
    [(name, ok, message)] = board.doctor_checks()
    assert (name, ok, message) == ("智能文件柜 locker-1", False, "锁控板无应答")


def test_heartbeat_and_describe() -> None:
    clock = FakeClock(_dt.datetime(2026, 3, 2, 9, 30, tzinfo=_dt.UTC))
    board = HealthBoard(clock=clock)
    board.report_ok("net", Role.NETWORK)
    board.report_printer("a4", Role.A4_PRINTER, PrinterStatus.of(PrinterState.OFFLINE))
    payload = board.heartbeat_payload()
    assert payload["devices"][0]["id"] == "a4"
    assert payload["devices"][0]["health"] == "unavailable"
    assert payload["features"]["online"] is True
    assert payload["features"]["self_print_pickup"] is False
    lines = board.describe()
    assert lines[0].startswith("A4 打印机 a4: 不可用 (自 2026-03-02 09:30)")
    assert "离线" in lines[0]
