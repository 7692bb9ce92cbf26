"""Settings of one govterm installation, declared once.

Every setting lives in a section model below with its type, default and description.
Effective values come from, lowest to highest precedence:

1. the defaults declared here;
2. a TOML file: ``--config PATH``, else ``$GOVTERM_CONFIG``, else ``govterm.toml`` in the
   user's config dir, else in the system config dir (``/etc/xdg/govterm`` on Linux);
3. environment variables ``GOVTERM_<SECTION>_<KEY>`` (``GOVTERM_TERMINAL_HALL_ID``), plus
   ``GOVTERM_DATA_DIR`` as the short form of ``GOVTERM_PATHS_DATA_DIR``.

A malformed file, an unknown key or a bad value raises :class:`SettingsError` whose
message names the key and where the value came from; the CLI exits with status 2.
"""

from __future__ import annotations

import logging
import os
import tomllib
import types
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import ErrorDetails

from core.errors import GovtermError, Msg, msg
from core.terminal import ALL_TILES, Orientation, TerminalProfile, Tile

log = logging.getLogger(__name__)

APP_NAME = "govterm"
CONFIG_FILE_NAME = "govterm.toml"
ENV_PREFIX = "GOVTERM_"
MASK = "******"


class SettingsError(GovtermError):
    """The configuration cannot be used; ``str()`` is a message for the installer."""


def _default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME))


def _secret(description: str) -> Any:
    """A field whose value is never printed (``config show`` masks it)."""
    return Field(default="", description=description, json_schema_extra={"secret": True})


class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=True)


class TerminalSettings(_Section):
    """[terminal] — what this terminal is and where it stands."""

    id: str = Field(
        default="T001",
        pattern=r"^[A-Za-z0-9_-]{1,16}$",
        description="终端编号, also the prefix of provisional case numbers (T{id}-yyyymmdd-n)",
    )
    hall_id: str = Field(default="", description="所属大厅/网点 id from the catalog's halls")
    name: str = Field(
        default="自助终端", description="name shown in the kiosk footer and printed on papers"
    )
    tiles: tuple[Tile, ...] = Field(
        default=ALL_TILES,
        min_length=1,
        description="home-screen tiles this terminal offers (comma-separated in env vars)",
    )
    orientation: Orientation = Field(
        default=Orientation.LANDSCAPE, description="screen orientation: landscape or portrait"
    )
    elder_default: bool = Field(default=False, description="start the kiosk in elder mode")
    language: Literal["zh_CN", "en"] = Field(
        default="zh_CN", description="language at start: zh_CN or en"
    )


class GatewaySettings(_Section):
    """[gateway] — the platform gateway (前置机) this terminal syncs with."""

    url: str = Field(
        default="",
        description="gateway base URL, e.g. https://gw.hall.example:8443; empty = work offline",
    )
    ca_bundle: Path | None = Field(
        default=None, description="PEM file of the CA that signed the gateway's certificate"
    )
    timeout_s: float = Field(default=10.0, gt=0, le=300, description="HTTP timeout per request")
    enrolment_code: str = _secret(
        "one-time enrolment code from the gateway admin (govterm gateway enrol-code); "
        "used once on first start, the device credential is kept in the data dir"
    )

    @field_validator("url")
    @classmethod
    def _url_scheme(cls, value: str) -> str:
        if value and not value.startswith(("https://", "http://")):
            raise ValueError("须以 https:// 或 http:// 开头")
        return value.rstrip("/")


class PathsSettings(_Section):
    """[paths] — where govterm keeps its data."""

    data_dir: Path = Field(
        default_factory=_default_data_dir,
        description="local store, logs and crash reports (env GOVTERM_DATA_DIR)",
    )
    catalog_dir: Path | None = Field(
        default=None,
        description="a catalog folder imported at start (a hall without a gateway); "
        "empty = use what sync delivered",
    )

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def crash_dir(self) -> Path:
        return self.data_dir / "crash"


class KioskSettings(_Section):
    """[kiosk] — self-service terminal behaviour."""

    idle_timeout_s: int = Field(
        default=60, ge=15, le=600, description="idle seconds before a screen returns home"
    )
    home_idle_timeout_s: int = Field(
        default=100, ge=15, le=900, description="idle seconds on home before the attract screen"
    )
    elder_idle_factor: float = Field(
        default=2.0, ge=1.0, le=5.0, description="elder mode multiplies idle timeouts by this"
    )
    fullscreen: bool = Field(default=False, description="start full screen (a real kiosk)")
    staff_pin_hash: str = _secret("scrypt hash of the staff PIN that leaves kiosk mode")


PrinterBackendName = Literal["none", "folder", "cups", "qt", "escpos"]


class PrintingSettings(_Section):
    """[printing] — where papers go: a receipt printer (80 mm) and an A4 printer.

    Backends: ``folder`` (PDF files; the demo), ``cups`` (a CUPS queue), ``qt`` (a
    printer the system's print dialog lists), ``escpos`` (a thermal printer on a serial
    port or ``/dev/usb/lp*``), ``none``. Receipts go to the A4 printer when there is
    no receipt printer.
    """

    receipt_backend: PrinterBackendName = Field(
        default="folder", description="receipt printer: none, folder, cups, qt or escpos"
    )
    receipt_printer: str = Field(
        default="",
        description="CUPS queue (cups) or system printer name (qt; empty = system default)",
    )
    receipt_port: str = Field(
        default="", description="ESC/POS port (escpos): /dev/ttyUSB0 … or /dev/usb/lp0"
    )
    receipt_baudrate: int = Field(
        default=115200, ge=1200, le=921600, description="ESC/POS serial speed (escpos)"
    )
    a4_backend: PrinterBackendName = Field(
        default="folder", description="A4 printer: none, folder, cups or qt"
    )
    a4_printer: str = Field(
        default="",
        description="CUPS queue (cups) or system printer name (qt; empty = system default)",
    )
    cups_server: str = Field(
        default="", description="CUPS server host:port; empty = $CUPS_SERVER or localhost:631"
    )
    folder: Path | None = Field(
        default=None,
        description="folder backend: papers go to <folder>/receipt and <folder>/a4; "
        "empty = <data_dir>/papers",
    )

    @field_validator("a4_backend")
    @classmethod
    def _a4_not_thermal(cls, value: str) -> str:
        if value == "escpos":
            raise ValueError("A4 打印机不能使用 escpos (80 mm 热敏小票打印机)")
        return value


class ScannerSettings(_Section):
    """[scanner] — code scanners; the keyboard-wedge (USB HID) scanner is always on."""

    serial_ports: tuple[str, ...] = Field(
        default=(), description="serial scanners' ports (comma-separated in env vars)"
    )
    serial_baudrate: int = Field(
        default=9600, ge=1200, le=921600, description="serial scanners' line speed"
    )
    camera: bool = Field(default=False, description="read QR codes with the kiosk camera")
    camera_id: str = Field(default="", description="camera device id; empty = default camera")


class LockersSettings(_Section):
    """[lockers] — the pickup lockers' lock board (智能文件柜)."""

    port: str = Field(default="", description="lock board serial port; empty = no lockers")
    board: int = Field(default=1, ge=1, le=254, description="lock board address")
    compartments: int = Field(default=24, ge=1, le=127, description="compartments on the board")
    baudrate: int = Field(default=9600, ge=1200, le=921600, description="lock board line speed")
    simulate: bool = Field(
        default=False,
        description="use a simulated lock board (demo, trials); also --simulate-devices",
    )


class IdCardSettings(_Section):
    """[idcard] — the second-generation ID-card reader (二代证阅读器)."""

    port: str = Field(default="", description="reader (SAM) serial port; empty = no reader")
    baudrate: int = Field(default=115200, ge=1200, le=921600, description="SAM line speed")
    simulate: bool = Field(
        default=False,
        description="use a simulated reader with a demo card; also --simulate-devices",
    )


class LoggingSettings(_Section):
    """[logging] — log files."""

    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        default="INFO", description="level written to logs/govterm.log"
    )
    max_bytes: int = Field(
        default=5_000_000, ge=10_000, description="rotate the log file at this size"
    )
    backups: int = Field(default=5, ge=1, le=100, description="rotated log files kept")

    @field_validator("level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value


class Settings(_Section):
    """All settings; one attribute per TOML section."""

    terminal: TerminalSettings = TerminalSettings()
    gateway: GatewaySettings = GatewaySettings()
    paths: PathsSettings = Field(default_factory=PathsSettings)
    kiosk: KioskSettings = KioskSettings()
    printing: PrintingSettings = PrintingSettings()
    scanner: ScannerSettings = ScannerSettings()
    lockers: LockersSettings = LockersSettings()
    idcard: IdCardSettings = IdCardSettings()
    logging: LoggingSettings = LoggingSettings()

    def profile(self) -> TerminalProfile:
        """The terminal profile the kiosk is built with."""
        t = self.terminal
        return TerminalProfile(
            terminal_id=t.id,
            hall_id=t.hall_id,
            name=t.name,
            tiles=t.tiles,
            orientation=t.orientation,
            elder_mode_default=t.elder_default,
        )


SECTIONS: dict[str, type[_Section]] = {
    name: info.annotation  # type: ignore[misc]
    for name, info in Settings.model_fields.items()
}


def config_path(explicit: Path | None = None, *, env: Mapping[str, str] | None = None) -> Path:
    """The TOML file to read: ``--config``, ``$GOVTERM_CONFIG``, user dir, system dir.

    Returns the user-dir path when no file exists anywhere (settings then stay default).
    """
    env = os.environ if env is None else env
    if explicit is not None:
        return explicit
    if env.get("GOVTERM_CONFIG"):
        return Path(env["GOVTERM_CONFIG"])
    user = Path(platformdirs.user_config_dir(APP_NAME)) / CONFIG_FILE_NAME
    site = Path(platformdirs.site_config_dir(APP_NAME)) / CONFIG_FILE_NAME
    return site if not user.exists() and site.exists() else user


def load_settings(
    config: Path | None = None, *, env: Mapping[str, str] | None = None
) -> tuple[Settings, Path]:
    """Read the effective settings.

    Args:
        config: the ``--config`` path; must exist when given.
        env: environment variables (``os.environ`` when omitted).

    Returns:
        The settings and the TOML path they were read from (which may not exist).

    Raises:
        SettingsError: the file is unreadable or malformed, or a key or value is bad.
    """
    env = os.environ if env is None else env
    path = config_path(config, env=env)
    explicit = config is not None or bool(env.get("GOVTERM_CONFIG"))
    raw: dict[str, Any] = {}
    if path.exists():
        raw = _read_toml(path)
    elif explicit:
        raise SettingsError(msg("配置文件不存在: {path}", path=str(path)))
    # Where each value came from: only environment variables are named here; every
    # other value came from the file.
    from_env: dict[tuple[str, str], str] = {}
    for section, key, value, var in _env_overrides(env):
        raw.setdefault(section, {})
        if not isinstance(raw[section], dict):
            raise SettingsError(msg("配置文件 {path}: [{section}] 应是一个表 (section)",
                                    path=str(path), section=section))
        raw[section][key] = value
        from_env[(section, key)] = var
    return _validate(raw, from_env, path), path


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(
            msg("配置文件 {path} 格式错误 (TOML): {detail}", path=str(path), detail=str(exc))
        ) from exc
    except OSError as exc:
        raise SettingsError(
            msg("无法读取配置文件 {path}: {reason}", path=str(path), reason=exc.strerror)
        ) from exc


def _env_overrides(env: Mapping[str, str]) -> Iterator[tuple[str, str, object, str]]:
    if env.get("GOVTERM_DATA_DIR"):
        yield "paths", "data_dir", env["GOVTERM_DATA_DIR"], "GOVTERM_DATA_DIR"
    for section, model in SECTIONS.items():
        for key, info in model.model_fields.items():
            var = f"{ENV_PREFIX}{section}_{key}".upper()
            if var not in env:
                continue
            value: object = env[var]
            if _is_sequence(info.annotation):
                value = tuple(v.strip() for v in env[var].split(",") if v.strip())
            yield section, key, value, var


def _is_sequence(annotation: object) -> bool:
    return get_origin(annotation) in (tuple, list)


def _is_optional(annotation: object) -> bool:
    return get_origin(annotation) in (types.UnionType,) and type(None) in get_args(annotation)


def _validate(raw: dict[str, Any], from_env: dict[tuple[str, str], str], path: Path) -> Settings:
    # TOML and the environment have no null: an empty string unsets an optional value.
    for section, model in SECTIONS.items():
        values = raw.get(section)
        if not isinstance(values, dict):
            continue
        for key, info in model.model_fields.items():
            if values.get(key) == "" and _is_optional(info.annotation):
                values[key] = None
    try:
        return Settings.model_validate(raw)
    except ValidationError as exc:
        problems = [_problem(error, from_env, path) for error in exc.errors()]
        if len(problems) == 1:
            raise SettingsError(problems[0]) from exc
        raise SettingsError(
            msg("配置有 {count} 处问题: {problems}", count=len(problems),
                problems="; ".join(problems))
        ) from exc


def _problem(error: ErrorDetails, from_env: dict[tuple[str, str], str], path: Path) -> Msg:
    """One bad key or value, naming where it came from (the file or a variable)."""
    loc = [str(part) for part in error["loc"]]
    key = ".".join(loc[:2])
    var = from_env.get((loc[0], loc[1]), "") if len(loc) >= 2 else ""
    if error["type"] == "extra_forbidden":  # only a file names unknown keys
        if len(loc) < 2:
            return msg("未知的配置节 {key} (配置文件 {path})", key=key, path=str(path))
        return msg("未知的配置项 {key} (配置文件 {path})", key=key, path=str(path))
    if var:
        return msg("配置项 {key} 的值无效 (环境变量 {var}): {detail}",
                   key=key, var=var, detail=error["msg"])
    return msg("配置项 {key} 的值无效 (配置文件 {path}): {detail}",
               key=key, path=str(path), detail=error["msg"])


def describe(settings: Settings) -> Iterator[str]:
    """Effective settings as TOML lines with descriptions; secrets masked."""
    for section, model in SECTIONS.items():
        yield f"[{section}]"
        values = getattr(settings, section)
        for key, info in model.model_fields.items():
            value = getattr(values, key)
            extra = info.json_schema_extra
            secret = isinstance(extra, dict) and extra.get("secret")
            shown = (f'"{MASK}"' if value else '""') if secret else _toml_value(value)
            yield f"{key} = {shown}  # {info.description}"
        yield ""


def _toml_value(value: object) -> str:
    if value is None:
        return '""'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def resources_dir() -> Path:
    """The ``resources/`` folder: next to the packages in a checkout or an installed
    bundle (PyInstaller puts it beside them too); ``$GOVTERM_RESOURCES`` overrides."""
    override = os.environ.get("GOVTERM_RESOURCES")
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent / "resources"


def product_version() -> str:
    """The installed govterm version, or ``"0+unknown"`` when run from bare sources."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(APP_NAME)
    except PackageNotFoundError:
        return "0+unknown"
