"""Settings: defaults, TOML file, environment overrides, and messages for bad values."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.terminal import Orientation, Tile
from govterm.settings import MASK, SettingsError, config_path, describe, load_settings


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "govterm.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_from_an_empty_file(tmp_path: Path) -> None:
    settings, path = load_settings(_write(tmp_path, ""), env={"GOVTERM_DATA_DIR": str(tmp_path)})
    assert path == tmp_path / "govterm.toml"
    assert settings.terminal.orientation is Orientation.LANDSCAPE
    assert settings.terminal.tiles == tuple(Tile)
    assert settings.kiosk.idle_timeout_s == 60
    assert settings.kiosk.home_idle_timeout_s == 100
    assert settings.gateway.url == ""
    assert settings.paths.data_dir == tmp_path
    assert settings.paths.log_dir == tmp_path / "logs"
    assert settings.paths.crash_dir == tmp_path / "crash"


def test_file_values_then_environment_overrides(tmp_path: Path) -> None:
    toml = _write(
        tmp_path,
        """
        [terminal]
        id = "K03"
        hall_id = "hall-hc"
        name = "环翠区政务服务中心 · 自助终端 03"
        tiles = ["search", "pickup", "ticket"]
        orientation = "portrait"

        [gateway]
        url = "https://gw.example:8443/"

        [kiosk]
        idle_timeout_s = 90
        """,
    )
    env = {
        "GOVTERM_CONFIG": str(toml),
        "GOVTERM_TERMINAL_ID": "K04",
        "GOVTERM_TERMINAL_TILES": "search, progress",
        "GOVTERM_KIOSK_ELDER_IDLE_FACTOR": "3",
        "GOVTERM_PATHS_DATA_DIR": str(tmp_path / "a"),
        "GOVTERM_DATA_DIR": str(tmp_path / "b"),  # the short form loses to the long one
        "GOVTERM_PRINTING_FOLDER": "",
    }
    settings, path = load_settings(env=env)
    assert path == toml
    assert settings.terminal.id == "K04"  # env beats file
    assert settings.terminal.hall_id == "hall-hc"  # file beats default
    assert settings.terminal.tiles == (Tile.SEARCH, Tile.PROGRESS)
    assert settings.terminal.orientation is Orientation.PORTRAIT
    assert settings.gateway.url == "https://gw.example:8443"
    assert settings.kiosk.idle_timeout_s == 90
    assert settings.kiosk.elder_idle_factor == 3.0
    assert settings.paths.data_dir == tmp_path / "a"
    assert settings.printing.folder is None

    profile = settings.profile()
    assert profile.terminal_id == "K04"
    assert profile.name == "环翠区政务服务中心 · 自助终端 03"
    assert not profile.offers(Tile.TICKET)


def test_explicit_config_beats_environment_path(tmp_path: Path) -> None:
    chosen = tmp_path / "chosen.toml"
    chosen.write_text('[terminal]\nid = "C1"\n', encoding="utf-8")
    other = _write(tmp_path, '[terminal]\nid = "O1"\n')
    settings, path = load_settings(chosen, env={"GOVTERM_CONFIG": str(other)})
    assert (settings.terminal.id, path) == ("C1", chosen)
    assert config_path(None, env={"GOVTERM_CONFIG": str(other)}) == other


def test_bad_value_names_the_key_and_where_it_came_from(tmp_path: Path) -> None:
    toml = _write(tmp_path, '[terminal]\norientation = "diagonal"\n')
    with pytest.raises(SettingsError) as caught:
        load_settings(toml, env={"GOVTERM_KIOSK_IDLE_TIMEOUT_S": "一分钟"})
    message = str(caught.value)
    assert "terminal.orientation" in message
    assert f"配置文件 {toml}" in message
    assert "kiosk.idle_timeout_s" in message
    assert "环境变量 GOVTERM_KIOSK_IDLE_TIMEOUT_S" in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[terminal\nid = 1", "格式错误 (TOML)"),
        ("[terminal]\ncolour = 'red'\n", "未知的配置项 terminal.colour"),
        ("[printer]\nname = 'x'\n", "未知的配置节 printer"),
        ("[gateway]\nurl = 'ftp://x'\n", "gateway.url"),
        ("[kiosk]\nidle_timeout_s = 5\n", "kiosk.idle_timeout_s"),
        ("[terminal]\ntiles = ['search', 'casino']\n", "terminal.tiles"),
        ("[terminal]\nid = 'has space'\n", "terminal.id"),
        ("terminal = 3\n", "terminal"),
    ],
)
def test_malformed_files_are_refused_with_a_message(
    tmp_path: Path, text: str, expected: str
) -> None:
    with pytest.raises(SettingsError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        load_settings(_write(tmp_path, text), env={})


def test_missing_explicit_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="配置文件不存在"):
        load_settings(tmp_path / "absent.toml", env={})


def test_describe_masks_secrets_and_lists_every_section(tmp_path: Path) -> None:
    toml = _write(tmp_path, '[kiosk]\nstaff_pin_hash = "scrypt$secret-hash"\n')
    settings, _ = load_settings(toml, env={})
    text = "\n".join(describe(settings))
    assert "secret-hash" not in text
    assert f'staff_pin_hash = "{MASK}"' in text
    for section in ("terminal", "gateway", "paths", "kiosk", "printing", "logging"):
        assert f"[{section}]" in text
    assert 'orientation = "landscape"  # ' in text
