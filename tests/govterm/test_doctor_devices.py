"""Devices in the composition root: settings → devices, ``govterm doctor``, the heartbeat."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from reportlab.pdfgen import canvas

from devices.factory import PrinterBackend, build_devices
from devices.health import Health, HealthBoard, Role
from devices.lockers.simulator import LockBoardSimulator
from devices.printers.folder import PAPER_OUT_FLAG
from govterm.__main__ import main
from govterm.app import GuiOptions, build_ui
from govterm.devices import device_checks, device_spec, heartbeat_health, open_devices
from govterm.doctor import DoctorContext, run_doctor
from govterm.settings import Settings, SettingsError, load_settings, resources_dir
from tests.helpers.clock import FakeClock
from tests.helpers.cups import PrivateCups, private_cups
from tests.helpers.gateway import RunningGateway
from tests.helpers.terminal_sync import gateway, terminal  # noqa: F401 (fixture)


def settings_for(tmp_path: Path, **env: str) -> Settings:
    values = {"GOVTERM_DATA_DIR": str(tmp_path), "GOVTERM_CONFIG": os.devnull}
    values.update({f"GOVTERM_{k.upper()}": v for k, v in env.items()})
    return load_settings(env=values)[0]


def doctor(settings: Settings, *, simulate: bool = False) -> tuple[int, str]:
    ctx = DoctorContext(settings=settings, resources=resources_dir(), config_path=Path(os.devnull))
    out = io.StringIO()
    status = run_doctor(
        ctx, out=out, checks=(), extra_checks=device_checks(settings, simulate=simulate)
    )
    return status, out.getvalue()


def a_pdf() -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawString(72, 720, "ticket")
    page.save()
    return out.getvalue()


@pytest.fixture
def board() -> Iterator[LockBoardSimulator]:
    simulator = LockBoardSimulator(compartments=16)
    try:
        yield simulator
    finally:
        simulator.close()


# ------------------------------------------------------------------ settings


def test_defaults_are_the_demo_folder_printers_and_the_wedge(tmp_path: Path) -> None:
    spec = device_spec(settings_for(tmp_path))
    receipt, a4 = spec.printers
    assert (receipt.device_id, receipt.backend, receipt.folder) == (
        "receipt", PrinterBackend.FOLDER, tmp_path / "papers" / "receipt"
    )
    assert (a4.device_id, a4.backend, a4.folder) == (
        "a4", PrinterBackend.FOLDER, tmp_path / "papers" / "a4"
    )
    assert spec.scanner.serial_ports == ()
    assert not spec.scanner.camera
    assert not spec.locker.configured
    assert not spec.idcard.configured
    simulated = device_spec(settings_for(tmp_path), simulate=True)
    assert simulated.locker.simulate
    assert simulated.idcard.simulate


def test_environment_configures_every_device(tmp_path: Path) -> None:
    settings = settings_for(
        tmp_path,
        printing_receipt_backend="escpos",
        printing_receipt_port="/dev/usb/lp0",
        printing_a4_backend="cups",
        printing_a4_printer="hall_a4",
        printing_cups_server="10.0.0.5:631",
        scanner_serial_ports="/dev/ttyACM0, /dev/ttyACM1",
        lockers_port="/dev/ttyUSB1",
        lockers_compartments="36",
        idcard_simulate="true",
    )
    spec = device_spec(settings)
    receipt, a4 = spec.printers
    assert (receipt.backend, receipt.port) == (PrinterBackend.ESCPOS, "/dev/usb/lp0")
    assert (a4.backend, a4.queue, a4.server) == (PrinterBackend.CUPS, "hall_a4", "10.0.0.5:631")
    assert spec.scanner.serial_ports == ("/dev/ttyACM0", "/dev/ttyACM1")
    assert (spec.locker.port, spec.locker.compartments) == ("/dev/ttyUSB1", 36)
    assert spec.idcard.simulate


def test_bad_device_settings_are_refused_naming_the_key(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="printing.a4_backend"):
        settings_for(tmp_path, printing_a4_backend="escpos")
    with pytest.raises(SettingsError, match="printing.receipt_backend"):
        settings_for(tmp_path, printing_receipt_backend="fax")
    with pytest.raises(SettingsError, match="lockers.compartments"):
        settings_for(tmp_path, lockers_compartments="0")


# -------------------------------------------------------------------- doctor


@pytest.mark.cups
def test_doctor_lists_each_device_with_its_state_and_what_to_do(
    tmp_path: Path, board: LockBoardSimulator
) -> None:
    cups: PrivateCups
    with private_cups() as cups:
        cups.add_queue("hall_a4")
        cups.set_reasons("hall_a4", "media-empty-error")
        settings = settings_for(
            tmp_path,
            printing_a4_backend="cups",
            printing_a4_printer="hall_a4",
            printing_cups_server=cups.server,
            scanner_serial_ports="/dev/no-such-scanner",
            lockers_port=board.path,
            lockers_compartments="16",
        )
        status, text = doctor(settings)
    lines = text.splitlines()
    assert status == 1
    assert any(
        ln.startswith("[OK  ] 小票打印机 receipt: PDF 归档目录") and ln.endswith(": 就绪")
        for ln in lines
    )
    assert f"[FAIL] A4 打印机 a4: CUPS 队列 hall_a4 @ {cups.server}: 缺纸" in lines
    assert any("怎么办: 打印机缺纸，请补充纸张" in ln for ln in lines)
    assert any(ln.startswith("[OK  ] 扫码器 wedge:") for ln in lines)
    assert "[FAIL] 扫码器 scanner-no-such-scanner: 串口扫码枪 /dev/no-such-scanner: 不可用" in lines
    locker = f"[OK  ] 智能文件柜 locker: 锁控板 {board.path}（地址 1）: 可连接，16 个格口"
    assert locker in lines
    assert any(ln.startswith("[OK  ] 身份证阅读器: 未配置") for ln in lines)


def test_doctor_warns_about_paper_out_on_a_folder_printer_and_an_open_locker_door(
    tmp_path: Path, board: LockBoardSimulator
) -> None:
    (tmp_path / "papers" / "receipt").mkdir(parents=True)
    (tmp_path / "papers" / "receipt" / PAPER_OUT_FLAG).touch()
    board.open_door(5)
    settings = settings_for(tmp_path, lockers_port=board.path, lockers_compartments="16")
    status, text = doctor(settings)
    assert status == 1  # paper out: the receipt printer is unavailable
    assert "[FAIL] 小票打印机 receipt:" in text
    assert "[WARN] 智能文件柜 locker:" in text
    assert "1 个柜门未关（5）" in text
    assert "→ 怎么办: 请到现场关好柜门" in text


def test_doctor_with_simulated_devices_passes(tmp_path: Path) -> None:
    status, text = doctor(settings_for(tmp_path), simulate=True)
    assert status == 0, text
    assert "[OK  ] 智能文件柜 locker: 锁控板模拟器（地址 1）: 可连接，24 个格口" in text
    assert "[OK  ] 身份证阅读器 idcard: 身份证阅读器模拟器: 自检通过" in text


def test_govterm_doctor_command_includes_the_devices(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOVTERM_CONFIG", os.devnull)
    main(["--data-dir", str(tmp_path), "--simulate-devices", "doctor"])
    out = capsys.readouterr().out
    assert "[OK  ] A4 打印机 a4: PDF 归档目录" in out
    assert "智能文件柜 locker: 锁控板模拟器" in out


# ----------------------------------------------------------------- heartbeat


def test_heartbeat_health_flattens_the_board(tmp_path: Path) -> None:
    board = HealthBoard(clock=FakeClock())
    board.report_ok("receipt", Role.RECEIPT_PRINTER)
    board.report("a4", Role.A4_PRINTER, Health.DEGRADED, staff_message="纸张将尽")
    board.report("locker", Role.LOCKER, Health.UNAVAILABLE, staff_message="锁控板无应答")
    assert heartbeat_health(board)() == {
        "receipt_printer:receipt": "ok",
        "a4_printer:a4": "degraded: 纸张将尽",
        "locker:locker": "unavailable: 锁控板无应答",
    }


def test_device_health_reaches_the_gateway_with_the_heartbeat(
    gateway: RunningGateway,  # noqa: F811
    tmp_path: Path,
) -> None:
    settings = settings_for(tmp_path / "data")
    devices = open_devices(settings, clock=FakeClock())
    try:
        (tmp_path / "data" / "papers" / "a4" / PAPER_OUT_FLAG).touch()
        devices.refresh()
        t = terminal(gateway, tmp_path / "k", device_health=heartbeat_health(devices.health))
        try:
            t.engine.heartbeat()
        finally:
            t.close()
    finally:
        devices.close()
    (state,) = [s for s in gateway.store.devices() if s.device_id == t.device_id]
    assert state.heartbeat is not None
    health = state.heartbeat["health"]
    assert health["receipt_printer:receipt"] == "ok"
    assert health["scanner:wedge"] == "ok"
    assert health["a4_printer:a4"].startswith("unavailable: 打印机缺纸")


# ------------------------------------------------------------ composition root


def test_built_ui_carries_devices_and_a_running_print_queue(
    qapp: object, qtbot: QtBot, tmp_path: Path
) -> None:
    settings = settings_for(tmp_path / "settings-data")
    ui = build_ui(
        "window",
        app=qapp,  # type: ignore[arg-type]
        settings=settings,
        resources=resources_dir(),
        options=GuiOptions(simulate_devices=True),
        data_dir=tmp_path / "data",
    )
    try:
        features = ui.devices.health.features_available()
        assert features.receipt_printing
        assert features.locker_pickup
        assert features.idcard_reading
        ui.print_queue.submit(a_pdf(), paper="ticket", title="取号小票 A001", printer="receipt")
        papers = tmp_path / "data" / "papers" / "receipt"
        qtbot.waitUntil(lambda: any(papers.glob("*.pdf")), timeout=10_000)
    finally:
        ui.close()
        ui.window.close()
        ui.window.deleteLater()
    assert not (tmp_path / "settings-data" / "papers").exists()


def test_build_devices_never_raises_for_a_broken_configuration(tmp_path: Path) -> None:
    settings = settings_for(
        tmp_path,
        printing_receipt_backend="qt",
        printing_receipt_printer="no-such-printer",
        printing_a4_backend="cups",
        printing_a4_printer="x",
        printing_cups_server="127.0.0.1:1",
        lockers_port="/dev/no-such-board",
        idcard_port="/dev/no-such-reader",
    )
    devices = build_devices(device_spec(settings), clock=FakeClock())
    try:
        assert devices.printers == {}
        assert {d.health for d in devices.health.devices() if d.device_id != "wedge"} == {
            Health.UNAVAILABLE
        }
        features = devices.health.features_available()
        assert not features.receipt_printing
        assert not features.locker_pickup
        assert not features.idcard_reading
    finally:
        devices.close()
