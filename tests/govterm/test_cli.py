"""The ``govterm`` command line: help, usage errors, config, doctor and the smoke test."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from govterm.__main__ import COMMANDS, main
from govterm.doctor import CHECKS, CheckResult, DoctorContext, run_doctor
from govterm.settings import load_settings, resources_dir

ROOT = Path(__file__).resolve().parents[2]


def _govterm(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "govterm", *args],
        cwd=ROOT,
        env={**os.environ, "GOVTERM_CONFIG": os.devnull, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in COMMANDS:
        assert command.name in out
    assert "--smoke-test" in out
    assert "--config" in out


def test_kiosk_help_shows_its_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kiosk", "--help"]) == 0
    out = capsys.readouterr().out
    for option in ("--portrait", "--elder", "--lang", "--fullscreen"):
        assert option in out


def test_no_command_prints_usage_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage: govterm" in capsys.readouterr().err


def test_unknown_command_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["teleport"]) == 2
    assert "invalid choice" in capsys.readouterr().err


def test_bad_setting_exits_2_naming_the_key(tmp_path: Path) -> None:
    run = _govterm(
        "--data-dir",
        str(tmp_path),
        "config",
        "show",
        env={"GOVTERM_TERMINAL_ORIENTATION": "sideways"},
    )
    assert run.returncode == 2
    assert "terminal.orientation" in run.stderr
    assert "GOVTERM_TERMINAL_ORIENTATION" in run.stderr
    assert "Traceback" not in run.stderr


def test_bad_config_file_exits_2(tmp_path: Path) -> None:
    toml = tmp_path / "govterm.toml"
    toml.write_text("[kiosk]\nidle_timeout_s = 'soon'\n", encoding="utf-8")
    run = _govterm("--config", str(toml), "--data-dir", str(tmp_path), "config", "show")
    assert run.returncode == 2
    assert "kiosk.idle_timeout_s" in run.stderr


def test_config_show_prints_effective_settings(tmp_path: Path) -> None:
    toml = tmp_path / "govterm.toml"
    toml.write_text('[kiosk]\nstaff_pin_hash = "scrypt$abc"\n', encoding="utf-8")
    run = _govterm(
        "--config",
        str(toml),
        "--data-dir",
        str(tmp_path),
        "config",
        "show",
        env={"GOVTERM_TERMINAL_HALL_ID": "hall-hc"},
    )
    assert run.returncode == 0, run.stderr
    assert 'hall_id = "hall-hc"' in run.stdout
    assert f'data_dir = "{tmp_path}"' in run.stdout
    assert "scrypt$abc" not in run.stdout
    assert (tmp_path / "logs" / "govterm.log").exists()


def test_doctor_prints_every_check(tmp_path: Path) -> None:
    run = _govterm("--data-dir", str(tmp_path), "doctor")
    lines = run.stdout.splitlines()
    names = [
        "Qt 平台插件",
        "界面中文字体",
        "打印用中文字体",
        "二维码识别",
        "打印机 (CUPS)",
        "数据/日志/配置目录可写",
        "SQLite 与 FTS5",
        "演示事项目录",
    ]
    assert len(names) == len(CHECKS)
    for name in names:
        assert any(
            line.startswith(("[OK  ]", "[FAIL]", "[WARN]")) and name in line for line in lines
        )
    assert any(line.startswith("[OK  ] SQLite 与 FTS5: SQLite 3.") for line in lines)
    failed = [line for line in lines if line.startswith("[FAIL]")]
    assert run.returncode == (1 if failed else 0), run.stdout


def test_doctor_exit_status_follows_required_checks(tmp_path: Path) -> None:
    settings, path = load_settings(
        env={"GOVTERM_DATA_DIR": str(tmp_path), "GOVTERM_CONFIG": os.devnull}
    )
    ctx = DoctorContext(settings=settings, resources=resources_dir(), config_path=path)

    def fine(_: DoctorContext) -> CheckResult:
        return CheckResult("扫码枪", True, "HID")

    def no_printer(_: DoctorContext) -> CheckResult:
        return CheckResult("打印机", False, "no printer", "添加打印机", required=False)

    def no_locker(_: DoctorContext) -> CheckResult:
        return CheckResult("智能文件柜", False, "串口无应答", "检查 /dev/ttyUSB0 连线")

    out = io.StringIO()
    assert run_doctor(ctx, out=out, checks=(fine, no_printer)) == 0
    assert "[OK  ] 扫码枪: HID" in out.getvalue()
    assert "[WARN] 打印机: no printer" in out.getvalue()

    out = io.StringIO()
    assert run_doctor(ctx, out=out, checks=(fine,), extra_checks=(no_locker,)) == 1
    text = out.getvalue()
    assert "[FAIL] 智能文件柜: 串口无应答" in text
    assert "→ 怎么办: 检查 /dev/ttyUSB0 连线" in text
    assert "1 项必需检查未通过" in text


def test_smoke_test_boots_both_modes_and_exits_0() -> None:
    run = _govterm("--smoke-test", env={"QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0, run.stdout + run.stderr
    assert "smoke test passed" in run.stdout
