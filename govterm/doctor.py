"""``govterm doctor``: is this machine ready to run a terminal?

Each check is a plain function ``(DoctorContext) -> CheckResult``; :data:`CHECKS` lists
them in the order they are printed. Device checks (each configured printer, scanner,
locker board and ID-card reader, see :func:`govterm.devices.device_checks`) join the
list by passing ``extra_checks`` to :func:`run_doctor`.
"""

from __future__ import annotations

import functools
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import platformdirs

from govterm.settings import APP_NAME, Settings

log = logging.getLogger(__name__)

SUBPROCESS_TIMEOUT_S = 20
MIN_SQLITE = (3, 35, 0)


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The outcome of one check.

    Attributes:
        name: what was checked, e.g. ``"中文字体"``.
        ok: whether it is fine.
        detail: what was found (versions, names).
        advice: what to do when not ok.
        required: a failed required check makes ``doctor`` exit non-zero.
    """

    name: str
    ok: bool
    detail: str = ""
    advice: str = ""
    required: bool = True


@dataclass(frozen=True, slots=True)
class DoctorContext:
    """What the checks look at."""

    settings: Settings
    resources: Path
    config_path: Path


Check = Callable[[DoctorContext], CheckResult]


@functools.cache
def _qt_probe(platform: str) -> subprocess.CompletedProcess[str]:
    """Start a QGuiApplication on ``platform`` in a child process.

    A platform plugin that cannot load aborts the whole process (qFatal), so the probe
    runs apart from the doctor. It prints the platform name and the CJK font families.
    """
    code = (
        "import sys\n"
        "from PySide6.QtGui import QFontDatabase, QGuiApplication\n"
        f"app = QGuiApplication([sys.argv[0], '-platform', {platform!r}])\n"
        "ws = QFontDatabase.WritingSystem.SimplifiedChinese\n"
        "print(app.platformName())\n"
        "print('|'.join(QFontDatabase.families(ws)))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=SUBPROCESS_TIMEOUT_S,
        check=False,
    )


def qt_platform_loads(platform: str = "offscreen") -> bool:
    """Whether a QGuiApplication can start on ``platform`` (probed in a child process)."""
    return _qt_probe(platform).returncode == 0


def check_qt_platform(ctx: DoctorContext) -> CheckResult:
    """The offscreen plugin must load (smoke test, tests); xcb when there is a screen."""
    name = "Qt 平台插件"
    found: list[str] = []
    offscreen = _qt_probe("offscreen")
    if offscreen.returncode != 0:
        return CheckResult(
            name,
            False,
            _last_line(offscreen.stderr),
            "安装 Qt 运行库: ./run.sh setup (或 apt-get install libgl1 libegl1 libfontconfig1)",
        )
    found.append("offscreen")
    if os.environ.get("DISPLAY"):
        xcb = _qt_probe("xcb")
        if xcb.returncode != 0:
            return CheckResult(
                name,
                False,
                f"offscreen 可用; xcb 失败: {_last_line(xcb.stderr)}",
                "安装 xcb 运行库: ./run.sh setup (libxcb-cursor0 libxkbcommon-x11-0 …)",
            )
        found.append(f"xcb (DISPLAY={os.environ['DISPLAY']})")
    elif os.environ.get("WAYLAND_DISPLAY"):
        found.append("wayland 会话 (未单独检测)")
    else:
        return CheckResult(
            name,
            True,
            "offscreen 可用; 没有屏幕 (DISPLAY 未设置)",
            "在终端机上请从图形会话启动; 无屏幕的机器可用 ./run.sh demo (自动启动 Xvfb)",
        )
    return CheckResult(name, True, ", ".join(found))


def check_ui_font(ctx: DoctorContext) -> CheckResult:
    """A font with Simplified Chinese glyphs for the screens."""
    name = "界面中文字体"
    probe = _qt_probe("offscreen")
    lines = probe.stdout.splitlines()
    families = [f for f in lines[1].split("|") if f] if len(lines) > 1 else []
    if probe.returncode != 0 or not families:
        return CheckResult(
            name,
            False,
            "Qt 找不到简体中文字体",
            "安装字体: apt-get install fonts-noto-cjk (UOS/麒麟系统自带思源黑体亦可)",
        )
    preferred = [f for f in families if f.endswith((" SC", " CN")) or "Hei" in f]
    shown = ", ".join((preferred or families)[:3])
    return CheckResult(name, True, f"{len(families)} 个字体族, 如 {shown}")


def check_print_font(ctx: DoctorContext) -> CheckResult:
    """A TrueType Chinese font that the PDF papers can embed.

    The PDF library embeds TrueType outlines only; Noto CJK ships CFF outlines, so a
    glyf-based font such as WenQuanYi Micro Hei or AR PL UMing is needed as well.
    """
    name = "打印用中文字体 (TrueType)"
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return CheckResult(
            name, False, "没有 fc-list", "apt-get install fontconfig fonts-wqy-microhei"
        )
    out = subprocess.run(
        [fc_list, ":lang=zh", "file"],
        capture_output=True,
        text=True,
        timeout=SUBPROCESS_TIMEOUT_S,
        check=False,
    ).stdout
    files = sorted(
        {
            line.split(":")[0].strip()
            for line in out.splitlines()
            if line.split(":")[0].strip().lower().endswith((".ttf", ".ttc")) and "CJK" not in line
        }
    )
    if not files:
        return CheckResult(
            name,
            False,
            "没有可嵌入 PDF 的中文 TrueType 字体",
            "apt-get install fonts-wqy-microhei fonts-arphic-uming",
        )
    return CheckResult(name, True, ", ".join(Path(f).name for f in files[:3]))


def check_zbar(ctx: DoctorContext) -> CheckResult:
    """libzbar loads and reads a QR code we make ourselves."""
    name = "二维码识别 (libzbar)"
    try:
        import qrcode
        from pyzbar import pyzbar
    except ImportError as exc:  # pyzbar raises ImportError when libzbar is missing
        return CheckResult(name, False, str(exc), "apt-get install libzbar0")
    image = qrcode.make("govterm-doctor").get_image().convert("L")
    decoded = pyzbar.decode(image)
    if not decoded or decoded[0].data != b"govterm-doctor":
        return CheckResult(name, False, "libzbar 已加载但读不出测试二维码", "重装 libzbar0")
    return CheckResult(name, True, "已加载, 测试二维码读取成功")


def check_printers(ctx: DoctorContext) -> CheckResult:
    """CUPS printers (not required: a kiosk without a printer hides printing)."""
    name = "打印机 (CUPS)"
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return CheckResult(
            name, False, "没有 lpstat", "安装 CUPS: apt-get install cups cups-client", False
        )
    result = subprocess.run(
        [lpstat, "-p", "-d"],
        capture_output=True,
        text=True,
        timeout=SUBPROCESS_TIMEOUT_S,
        check=False,
    )
    printers = [ln.split()[1] for ln in result.stdout.splitlines() if ln.startswith("printer ")]
    if not printers:
        reason = _last_line(result.stderr) or "未配置打印机"
        return CheckResult(
            name,
            False,
            f"no printer: {reason}",
            "启动 CUPS (systemctl start cups) 并添加打印机: lpadmin 或 http://localhost:631",
            False,
        )
    default = next(
        (
            ln.split(":", 1)[1].strip()
            for ln in result.stdout.splitlines()
            if ":" in ln and ln.startswith("system default")
        ),
        "无默认打印机",
    )
    return CheckResult(name, True, f"{', '.join(printers)}; 默认: {default}", required=False)


def check_dirs(ctx: DoctorContext) -> CheckResult:
    """The data, log and config folders exist (or can be made) and are writable."""
    name = "数据/日志/配置目录可写"
    paths = ctx.settings.paths
    folders = {
        "数据": paths.data_dir,
        "日志": paths.log_dir,
        "配置": ctx.config_path.parent
        if ctx.config_path.exists()
        else Path(platformdirs.user_config_dir(APP_NAME)),
    }
    bad: list[str] = []
    for label, folder in folders.items():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-"):
                pass
        except OSError as exc:
            bad.append(f"{label} {folder}: {exc.strerror}")
    if bad:
        return CheckResult(
            name,
            False,
            "; ".join(bad),
            "修正目录权限, 或用 GOVTERM_DATA_DIR / --data-dir 指定可写目录",
        )
    return CheckResult(name, True, ", ".join(f"{k} {v}" for k, v in folders.items()))


def check_sqlite(ctx: DoctorContext) -> CheckResult:
    """SQLite is new enough and has FTS5 (the catalog search index)."""
    name = "SQLite 与 FTS5"
    version = sqlite3.sqlite_version
    if sqlite3.sqlite_version_info < MIN_SQLITE:
        return CheckResult(
            name, False, f"SQLite {version} 太旧", "需要 SQLite ≥ 3.35 (使用打包版本或升级系统)"
        )
    try:
        with sqlite3.connect(":memory:") as db:
            db.execute("CREATE VIRTUAL TABLE probe USING fts5(text)")
    except sqlite3.OperationalError as exc:
        return CheckResult(name, False, f"SQLite {version}: {exc}", "需要带 FTS5 的 SQLite")
    return CheckResult(name, True, f"SQLite {version}, FTS5 可用")


def check_demo_catalog(ctx: DoctorContext) -> CheckResult:
    """The demo catalog shipped in ``resources/catalog`` loads and validates."""
    name = "演示事项目录"
    folder = ctx.resources / "catalog"
    try:
        from sync.catalog_files import load_catalog
    except ImportError as exc:
        return CheckResult(name, False, f"目录加载模块缺失: {exc}", "安装完整的 govterm")
    try:
        catalog = load_catalog(folder)
    except Exception as exc:  # any failure is the finding: report it, keep checking
        return CheckResult(name, False, f"{type(exc).__name__}: {exc}", f"检查 {folder}")
    return CheckResult(
        name,
        True,
        f"第 {catalog.version} 版 ({catalog.published}), {len(catalog.items)} 个事项, "
        f"{len(catalog.bundles)} 个一件事, {len(catalog.halls)} 个点位",
    )


CHECKS: tuple[Check, ...] = (
    check_qt_platform,
    check_ui_font,
    check_print_font,
    check_zbar,
    check_printers,
    check_dirs,
    check_sqlite,
    check_demo_catalog,
)


def run_doctor(
    ctx: DoctorContext,
    *,
    out: TextIO,
    checks: Sequence[Check] = CHECKS,
    extra_checks: Sequence[Check] = (),
) -> int:
    """Run every check, print one line each (with what to do), return the exit status.

    Args:
        ctx: what the checks look at.
        out: where the report goes (stdout for the CLI).
        checks: the built-in checks, in order.
        extra_checks: more checks, e.g. from ``devices/`` for scanners and lockers.

    Returns:
        0 when every required check passed, 1 otherwise.
    """
    failed_required = 0
    for check in (*checks, *extra_checks):
        try:
            result = check(ctx)
        except (OSError, subprocess.SubprocessError) as exc:
            name = (check.__doc__ or check.__name__).strip().splitlines()[0]
            result = CheckResult(name, False, f"{type(exc).__name__}: {exc}", "见日志")
        mark = "OK  " if result.ok else "FAIL" if result.required else "WARN"
        out.write(f"[{mark}] {result.name}: {result.detail}\n")
        if result.advice and not result.ok:
            out.write(f"       → 怎么办: {result.advice}\n")
        elif result.advice:
            out.write(f"       → 提示: {result.advice}\n")
        log.info("doctor %s %s: %s", mark.strip(), result.name, result.detail)
        if not result.ok and result.required:
            failed_required += 1
    summary = "全部必需检查通过" if not failed_required else f"{failed_required} 项必需检查未通过"
    out.write(f"\n{summary}\n")
    return 1 if failed_required else 0


def _last_line(text: str) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return lines[-1] if lines else ""
