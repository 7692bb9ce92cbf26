"""Packaging stays consistent with the program: commands it runs exist, its example
settings validate, and the .deb and run.sh read one package list."""

from __future__ import annotations

import configparser
import os
import re
import shlex
import subprocess
from pathlib import Path

import pytest

from govterm.__main__ import build_parser
from govterm.settings import load_settings

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def _govterm_args(command_line: str) -> list[str]:
    words = shlex.split(command_line)
    assert Path(words[0]).name in ("govterm", "govterm.exe"), command_line
    return words[1:]


def _exec_lines() -> list[tuple[str, str]]:
    lines = []
    for unit in (PACKAGING / "systemd").glob("*.service"):
        for line in unit.read_text(encoding="utf-8").splitlines():
            if line.startswith("ExecStart="):
                lines.append((unit.name, line.removeprefix("ExecStart=")))
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.read(PACKAGING / "autostart" / "govterm-kiosk.desktop", encoding="utf-8")
    lines.append(("govterm-kiosk.desktop", desktop["Desktop Entry"]["Exec"]))
    iss = (PACKAGING / "windows" / "govterm.iss").read_text(encoding="utf-8")
    for params in re.findall(r'Filename: "\{app\}\\govterm\.exe"; Parameters: "([^"]*)"', iss):
        lines.append(("govterm.iss", f"govterm {params}"))
    return lines


@pytest.mark.parametrize(("where", "command_line"), _exec_lines(), ids=str)
def test_units_and_installers_run_commands_the_cli_accepts(where: str, command_line: str) -> None:
    args = _govterm_args(command_line)
    # `govterm gateway` arrives with the gateway service; its unit is checked from then on.
    if args[:1] == ["gateway"] and "gateway" not in build_parser().format_help():
        pytest.skip("the gateway subcommand is not part of the CLI yet")
    parsed = build_parser().parse_args(args)
    assert parsed.command or parsed.smoke_test, f"{where}: {command_line}"


def test_example_settings_validate() -> None:
    settings, _ = load_settings(PACKAGING / "govterm.toml.example", env={})
    assert settings.terminal.id == "K03"
    assert settings.kiosk.fullscreen


def test_deb_depends_and_run_sh_read_the_same_list() -> None:
    listed = [
        line.split()
        for line in (PACKAGING / "apt-packages.txt").read_text(encoding="utf-8").splitlines()
        if line.split("#")[0].strip()
    ]
    runtime = [words[0] for words in listed if words[1:] != ["dev"]]
    script = (PACKAGING / "deb" / "build-deb.sh").read_text(encoding="utf-8")
    command = re.search(r"depends=\$\((.*)\)\n", script)
    assert command is not None
    out = subprocess.run(
        ["bash", "-c", command.group(1)], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out.split(", ") == runtime
    assert "postgresql" not in runtime  # a dev/test dependency only
    assert {"libzbar0", "fonts-noto-cjk", "cups-client"} <= set(runtime)
    assert "packaging/apt-packages.txt" in (ROOT / "run.sh").read_text(encoding="utf-8")


def test_run_sh_and_ci_are_executable() -> None:
    for path in (ROOT / "run.sh", ROOT / ".ci" / "run", PACKAGING / "deb" / "build-deb.sh"):
        assert os.access(path, os.X_OK), path
