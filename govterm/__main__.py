"""The ``govterm`` command: the one place that builds everything and picks the mode.

Order of work in :func:`main`, top to bottom:

1. crash handler (faulthandler + excepthook), before anything else can fail;
2. command line;
3. settings (TOML + environment), exit 2 when they are bad;
4. logging into the data dir, then crash reports of earlier runs are picked up;
5. the chosen command.

Adding a command is one line in :data:`COMMANDS` (plus its ``run`` function).
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from govterm.app import GuiOptions, run_gui, smoke_test
from govterm.crash import CrashHandler
from govterm.settings import (
    Settings,
    SettingsError,
    describe,
    load_settings,
    product_version,
    resources_dir,
)

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


@dataclass(frozen=True, slots=True)
class Context:
    """What every command gets."""

    args: argparse.Namespace
    settings: Settings
    config_path: Path
    crash: CrashHandler
    resources: Path


@dataclass(frozen=True, slots=True)
class Command:
    """One subcommand: its name, help line, arguments and what it runs."""

    name: str
    help: str
    run: Callable[[Context], int]
    add_arguments: Callable[[argparse.ArgumentParser], None] | None = None


# -- commands ----------------------------------------------------------------------------


def _sync_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--exit-after-sync",
        action="store_true",
        help="首次同步完成 (全部数据已拉取、待上传为 0) 后退出 (安装检查、测试)",
    )


def _window_arguments(parser: argparse.ArgumentParser) -> None:
    _sync_arguments(parser)


def _kiosk_arguments(parser: argparse.ArgumentParser) -> None:
    _sync_arguments(parser)
    parser.add_argument("--portrait", action="store_true", help="竖屏 (1080×1920)")
    parser.add_argument("--elder", action="store_true", help="以长辈模式启动")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="界面语言 (默认取配置)")
    parser.add_argument(
        "--fullscreen", action="store_true", default=None, help="全屏 (正式部署的自助终端)"
    )


def _gui_options(args: argparse.Namespace) -> GuiOptions:
    return GuiOptions(
        portrait=getattr(args, "portrait", False),
        elder=getattr(args, "elder", False),
        language=getattr(args, "lang", None),
        fullscreen=getattr(args, "fullscreen", None),
        simulate_devices=args.simulate_devices,
        exit_after_sync=getattr(args, "exit_after_sync", False),
    )


def run_kiosk(ctx: Context) -> int:
    return run_gui(
        "kiosk",
        settings=ctx.settings,
        crash=ctx.crash,
        resources=ctx.resources,
        options=_gui_options(ctx.args),
    )


def run_window(ctx: Context) -> int:
    return run_gui(
        "window",
        settings=ctx.settings,
        crash=ctx.crash,
        resources=ctx.resources,
        options=GuiOptions(
            fullscreen=False,
            simulate_devices=ctx.args.simulate_devices,
            exit_after_sync=ctx.args.exit_after_sync,
        ),
    )


def _display_arguments(parser: argparse.ArgumentParser) -> None:
    _sync_arguments(parser)
    parser.add_argument("--fullscreen", action="store_true", help="全屏 (大厅叫号屏)")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="界面语言 (默认取配置)")


def run_display_command(ctx: Context) -> int:
    from govterm.display import DisplayOptions, run_display

    return run_display(
        settings=ctx.settings,
        crash=ctx.crash,
        resources=ctx.resources,
        options=DisplayOptions(
            fullscreen=ctx.args.fullscreen,
            language=ctx.args.lang,
            exit_after_sync=ctx.args.exit_after_sync,
        ),
    )


def run_demo_command(ctx: Context) -> int:
    from govterm.demo import run_demo

    return run_demo(
        settings=ctx.settings,
        resources=ctx.resources,
        options=_gui_options(ctx.args),
        config=ctx.args.config,
    )


def run_doctor(ctx: Context) -> int:
    from govterm.devices import device_checks
    from govterm.doctor import DoctorContext, run_doctor

    doctor_ctx = DoctorContext(
        settings=ctx.settings, resources=ctx.resources, config_path=ctx.config_path
    )
    checks = device_checks(ctx.settings, simulate=ctx.args.simulate_devices)
    return run_doctor(doctor_ctx, out=sys.stdout, extra_checks=checks)


def _config_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "action", choices=("show", "path"), help="show: 生效的配置 (密钥已遮盖); path: 配置文件路径"
    )


def run_config(ctx: Context) -> int:
    if ctx.args.action == "path":
        state = "" if ctx.config_path.exists() else "  (不存在, 使用默认值)"
        sys.stdout.write(f"{ctx.config_path}{state}\n")
        return EXIT_OK
    sys.stdout.write(f"# 来自 {ctx.config_path} 与 GOVTERM_* 环境变量\n")
    sys.stdout.write("\n".join(describe(ctx.settings)))
    return EXIT_OK


def _gateway_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "gateway_args",
        nargs=argparse.REMAINDER,
        metavar="...",
        help=(
            "serve | publish-catalog | publish-holders | publish-holidays | publish-config | "
            "enrol-code | revoke | terminals | codes | keys (see: gateway --help)"
        ),
    )


def run_gateway(ctx: Context) -> int:
    from gateway.cli import main as gateway_main
    from sync.catalog_files import load_catalog, load_demo_holders

    argv = list(ctx.args.gateway_args)
    if argv and argv[0] not in ("-h", "--help") and "--db" not in argv:
        # The gateway's database lives in govterm's data dir unless --db says otherwise.
        argv += ["--db", f"sqlite:///{ctx.settings.paths.data_dir / 'gateway.db'}"]
    return gateway_main(argv, catalog_loader=load_catalog, holders_loader=load_demo_holders)


COMMANDS: tuple[Command, ...] = (
    Command("kiosk", "24小时自助服务终端 (市民/企业自助)", run_kiosk, _kiosk_arguments),
    Command("window", "窗口端: 无差别一窗受理的收件、出件", run_window, _window_arguments),
    Command(
        "display",
        "大厅叫号屏: 当前叫号、各窗口、等候人数, 语音叫号",
        run_display_command,
        _display_arguments,
    ),
    Command(
        "demo",
        "演示: 本机前置机 (演示目录) + 自助端与窗口端, 两端注册并同步",
        run_demo_command,
        _kiosk_arguments,
    ),
    Command("doctor", "检查本机运行环境 (Qt、字体、扫码、打印、目录、SQLite)", run_doctor),
    Command("config", "查看生效的配置", run_config, _config_arguments),
    Command(
        "gateway", "平台前置机: 运行服务、发布事项目录、终端注册", run_gateway, _gateway_arguments
    ),
)


# -- entry point -------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The command-line parser, one subparser per entry of :data:`COMMANDS`."""
    parser = argparse.ArgumentParser(
        prog="govterm",
        description="政务服务终端: 24小时自助终端 (kiosk) 与一窗受理窗口端 (window)",
    )
    parser.add_argument("--version", action="version", version=f"govterm {product_version()}")
    parser.add_argument("--config", type=Path, help="配置文件 (TOML); 默认 $GOVTERM_CONFIG")
    parser.add_argument(
        "--data-dir", type=Path, help="数据目录 (本地库、日志、崩溃报告); 默认 $GOVTERM_DATA_DIR"
    )
    parser.add_argument(
        "--simulate-devices",
        action="store_true",
        help="用模拟的智能文件柜锁控板和身份证阅读器 (演示、试用)",
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="在临时数据目录中离屏启动两种模式, 显示窗口后退出 (0 = 正常)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        sub_parser = sub.add_parser(command.name, help=command.help, description=command.help)
        if command.add_arguments is not None:
            command.add_arguments(sub_parser)
        sub_parser.set_defaults(run=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run govterm; returns the process exit status (0 ok, 1 failed, 2 usage/config)."""
    crash = CrashHandler(version=product_version())
    crash.install()
    try:
        return _run(argv, crash)
    except Exception:  # before logging was up: the report and stderr are all there is
        crash.handle_exception(sys.exc_info())  # type: ignore[arg-type]
        return EXIT_FAILED
    finally:
        crash.close()


def _run(argv: Sequence[str] | None, crash: CrashHandler) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error argparse printed
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if args.command is None and not args.smoke_test:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        settings, config_path = load_settings(args.config)
    except SettingsError as exc:
        sys.stderr.write(f"govterm: {exc}\n")
        return EXIT_USAGE
    return _start(args, settings, config_path, crash)


def _start(
    args: argparse.Namespace, settings: Settings, config_path: Path, crash: CrashHandler
) -> int:
    smoke_dir = None
    if args.smoke_test:
        smoke_dir = tempfile.TemporaryDirectory(prefix="govterm-smoke-data-")
        args.data_dir = Path(smoke_dir.name)
    if args.data_dir is not None:
        paths = settings.paths.model_copy(update={"data_dir": args.data_dir})
        settings = settings.model_copy(update={"paths": paths})
    crash.mode = "smoke-test" if args.smoke_test else args.command

    from govterm.logs import setup_logging

    try:
        logs = setup_logging(
            log_dir=settings.paths.log_dir,
            level=settings.logging.level,
            max_bytes=settings.logging.max_bytes,
            backups=settings.logging.backups,
        )
        crash.use_dir(settings.paths.crash_dir)
    except OSError as exc:
        if args.command != "doctor":
            sys.stderr.write(
                f"govterm: 数据目录不可用 {settings.paths.data_dir}: {exc.strerror}; "
                "请用 --data-dir 或 GOVTERM_DATA_DIR 指定可写目录\n"
            )
            return EXIT_USAGE
        logs = None  # doctor reports the unwritable folder itself
    log.info("govterm %s: %s (config %s)", product_version(), crash.mode, config_path)
    ctx = Context(
        args=args,
        settings=settings,
        config_path=config_path,
        crash=crash,
        resources=resources_dir(),
    )
    try:
        if args.smoke_test:
            return smoke_test(settings=settings, crash=crash, resources=ctx.resources)
        run: Callable[[Context], int] = args.run
        return run(ctx)
    except Exception:
        # A bug: logged and reported while the log file is still open.
        report = crash.handle_exception(sys.exc_info())  # type: ignore[arg-type]
        sys.stderr.write(f"govterm 出错退出; 崩溃报告: {report}\n")
        return EXIT_FAILED
    finally:
        if logs is not None:
            logs.close()
        if smoke_dir is not None:
            crash.close()  # release the fault log before its folder goes
            smoke_dir.cleanup()


if __name__ == "__main__":
    sys.exit(main())
