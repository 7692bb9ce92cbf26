"""``govterm demo``: the embedded gateway on loopback, and both terminals syncing from it.

What a hall does on its first day, in one command:

1. the platform gateway (前置机) starts as its own process, ``govterm gateway serve`` on
   127.0.0.1 and a free port, its database in ``<data>/demo/gateway/gateway.db``,
   playing the provincial back office (``--simulate-upstream``);
2. once it answers ``/healthz`` the demo publishes to it the demo catalog and its
   directory, the demo citizens and enterprises (``resources/demo``) and the holiday
   calendar (``resources/holidays``); publishing an unchanged catalog again creates no
   new versions, so a second run reuses everything;
3. it issues one-time enrolment codes for a kiosk (slot ``K01``) and a window client
   (slot ``W03``) of 威海市政务服务中心 — the hall of the demo clerks — unless a terminal
   is already enrolled there;
4. it sets up the hall's queue: business areas with a daily cap and issuing hours
   (``govterm gateway queue areas``) and a few appointments for today
   (``govterm gateway queue appointments add``), so 取号 and 预约签到 can be tried;
5. it starts both terminals as processes of their own (``<data>/demo/kiosk`` and
   ``<data>/demo/window``), the gateway address and codes given through ``GOVTERM_*``
   environment variables: each enrols, takes its first catalog as a snapshot, and
   syncs like any terminal; and the hall display (``govterm display``, slot ``D01``,
   ``<data>/demo/display``), enrolled the same way, showing the window's calls;
6. it waits until the windows close, or Ctrl+C / SIGTERM, and stops everything,
   the gateway last.

``--exit-after-sync`` makes each terminal quit once its first sync is complete (tests,
a quick check of an installation).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TextIO

from core.clock import HALL_TZ
from core.errors import EnvironmentProblem, msg
from govterm.app import MODES, GuiOptions, Mode, child_command
from govterm.settings import Settings

log = logging.getLogger(__name__)

DEMO_HALL_ID = "wh-zwzx"
DEMO_HALL_NAME = "威海市政务服务中心"
UPSTREAM_ROUND_S = 20.0
"""The simulated provincial back office looks at open cases this often."""
HEALTH_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 15.0
GRACE_S = 2.0
CODE_VALID_S = 24 * 3600


@dataclass(frozen=True, slots=True)
class DemoTerminal:
    """One terminal of the demo hall."""

    mode: Mode | Literal["display"]
    slot: str
    name: str
    data_dir: Path


class DemoFailed(EnvironmentProblem):
    """The demo could not be set up; the message says what to look at."""


def demo_terminals(demo_dir: Path) -> tuple[DemoTerminal, ...]:
    """The kiosk and the window client of the demo hall."""
    names = {"kiosk": "24小时自助终端", "window": "综合受理窗口"}
    slots = {"kiosk": "K01", "window": "W03"}
    return tuple(
        DemoTerminal(
            mode=mode,
            slot=slots[mode],
            name=f"{DEMO_HALL_NAME} {names[mode]}",
            data_dir=demo_dir / mode,
        )
        for mode in MODES
    )


def demo_display(demo_dir: Path) -> DemoTerminal:
    """The hall display (叫号大屏) of the demo hall; it runs ``govterm display``."""
    return DemoTerminal(
        mode="display",
        slot="D01",
        name=f"{DEMO_HALL_NAME} 叫号屏",
        data_dir=demo_dir / "display",
    )


def gateway_dir(demo_dir: Path) -> Path:
    """The gateway's data dir: ``gateway.db``, its log and ``serve.log``."""
    return demo_dir / "gateway"


def run_demo(
    *,
    settings: Settings,
    resources: Path,
    options: GuiOptions,
    config: Path | None,
    out: TextIO | None = None,
) -> int:
    """Run the demo until both windows close (or Ctrl+C / SIGTERM); returns the status.

    Args:
        settings: effective settings (``paths.data_dir`` holds ``demo/``).
        resources: the ``resources/`` folder (catalog, demo holders, holidays).
        options: the command line's GUI choices, passed on to the kiosk;
            ``exit_after_sync`` makes both terminals quit after their first sync.
        config: the ``--config`` file, passed on to the terminals.
        out: where the instructions go (stdout by default).
    """
    out = out or sys.stdout
    demo_dir = settings.paths.data_dir / "demo"
    terminals = demo_terminals(demo_dir)
    # SIGTERM (a service manager, `kill`) ends the demo like Ctrl+C does.
    previous = signal.signal(signal.SIGTERM, _interrupt)
    server: subprocess.Popen[bytes] | None = None
    children: list[subprocess.Popen[bytes]] = []
    statuses: list[int] = []
    try:
        server, url = start_gateway(demo_dir)
        out.write(f"演示前置机已启动: {url} (数据 {gateway_dir(demo_dir) / 'gateway.db'})\n")
        publish_demo_data(demo_dir, resources, out=out)
        configure_demo_queue(demo_dir, out=out)
        display = demo_display(demo_dir)
        codes = enrolment_codes(demo_dir, (*terminals, display))
        _seed_demo_clerks(demo_dir / "window")
        for terminal in (*terminals, display):
            command = _terminal_command(terminal, options=options, config=config)
            env = terminal_env(terminal, url=url, code=codes.get(terminal.mode, ""))
            children.append(subprocess.Popen(command, env=env))
        _instructions(out, demo_dir, terminals, codes)
        out.write(
            f"大厅叫号屏 {display.slot} ({DEMO_HALL_NAME}): "
            f"{'注册后' if display.mode in codes else ''}显示窗口端的叫号 (窗口端 F2 叫号)\n"
            f"演示预约 (自助端预约签到): {', '.join(demo_appointment_refs())}\n"
        )
        out.flush()
        statuses = [child.wait() for child in children]
    except KeyboardInterrupt:
        log.info("demo interrupted; closing both windows and the gateway")
        statuses = [1]
    except DemoFailed as exc:
        log.error("demo could not start: %s", exc)
        sys.stderr.write(f"govterm demo: {exc}\n")
        statuses = [1]
    finally:
        # A second Ctrl+C must not cut the clean-up short and leave processes behind.
        previous_int = signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        for child in children:
            _stop(child)
        if server is not None:
            _stop(server, second_signal=True)
            log.info("demo gateway stopped")
        signal.signal(signal.SIGTERM, previous)
        signal.signal(signal.SIGINT, previous_int)
    status = max(statuses, default=0)
    log.info("demo ended with status %d", status)
    return status


# ------------------------------------------------------------------ the gateway


def start_gateway(demo_dir: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Start ``govterm gateway serve`` on a free loopback port and wait for ``/healthz``.

    Returns:
        The process and its base URL.

    Raises:
        DemoFailed: it exited or did not answer in time (see ``serve.log``).
    """
    folder = gateway_dir(demo_dir)
    folder.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    command = child_command(
        [
            "--data-dir",
            str(folder),
            "gateway",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--db",
            _db_url(demo_dir),
            "--simulate-upstream",
            str(UPSTREAM_ROUND_S),
        ]
    )
    serve_log = folder / "serve.log"
    with serve_log.open("ab") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    log.info("demo gateway starting at %s (pid %d)", url, process.pid)
    try:
        wait_healthy(url, process, timeout=HEALTH_TIMEOUT_S, serve_log=serve_log)
    except BaseException:
        _stop(process)
        raise
    return process, url


def wait_healthy(
    url: str, process: subprocess.Popen[bytes], *, timeout: float, serve_log: Path
) -> None:
    """Wait until the gateway answers ``GET /healthz``.

    Raises:
        DemoFailed: the process ended, or ``timeout`` seconds passed.
    """
    import requests

    deadline = time.monotonic() + timeout
    pause = threading.Event()
    with requests.Session() as session:
        session.trust_env = False  # a proxy must not catch loopback
        while True:
            if process.poll() is not None:
                raise DemoFailed(msg("前置机启动失败 (退出码 {code}), 见 {log}",
                                     code=process.returncode, log=str(serve_log)))
            try:
                if session.get(url + "/healthz", timeout=2).status_code == 200:
                    log.info("demo gateway answers at %s", url)
                    return
            except requests.RequestException:
                pass  # not listening yet
            if time.monotonic() > deadline:
                raise DemoFailed(msg("前置机 {seconds} 秒内未就绪, 见 {log}",
                                     seconds=round(timeout), log=str(serve_log)))
            pause.wait(0.1)


def publish_demo_data(demo_dir: Path, resources: Path, *, out: TextIO) -> None:
    """Publish the catalog (+ directory), demo holders and holidays to the demo gateway.

    Raises:
        DemoFailed: a publish command failed (its message was written to ``out``).
    """
    from gateway.cli import main as gateway_main
    from sync.catalog_files import load_catalog, load_demo_holders

    db = ["--db", _db_url(demo_dir)]
    for argv in (
        ["publish-catalog", str(resources / "catalog"), *db],
        ["publish-holders", str(resources / "demo"), *db],
        ["publish-holidays", str(resources / "holidays"), *db],
    ):
        with contextlib.redirect_stdout(out):
            status = gateway_main(
                argv, catalog_loader=load_catalog, holders_loader=load_demo_holders
            )
        if status != 0:
            raise DemoFailed(msg("演示数据发布失败: govterm gateway {command} (状态 {status})",
                                 command=argv[0], status=status))
    log.info("demo data published")


DEMO_AREAS: tuple[str, ...] = (
    "A=综合受理区",
    "B=不动产登记区,cap=120",
    "E=公安户籍出入境区,cap=80",
    "J=工程建设项目审批区,hours=08:30-12:00+13:30-17:30",
)
"""The demo hall's queue settings; its other areas keep the directory's names, no caps."""


def demo_appointment_refs(today: _dt.date | None = None) -> tuple[str, ...]:
    """Today's demo appointment codes (a new set each day, so check-in works every day)."""
    day = today or _dt.datetime.now(HALL_TZ).date()
    return tuple(f"YY{day:%m%d}{n:02d}" for n in (1, 2, 3))


def configure_demo_queue(demo_dir: Path, *, out: TextIO) -> None:
    """Business areas (caps, hours) and today's appointments of the demo hall.

    The appointments' slots start at the current half hour, so the first can be checked
    in at once, the second is on in half an hour and the third later; the first also
    names a demo citizen, whose 居民码 finds it.

    Raises:
        DemoFailed: a queue command failed (its message was written to ``out``).
    """
    from gateway.cli import main as gateway_main

    now = _dt.datetime.now(HALL_TZ)
    half_hour = now.replace(minute=now.minute - now.minute % 30, second=0, microsecond=0)
    db = ["--db", _db_url(demo_dir)]
    commands = [["queue", "areas", DEMO_HALL_ID, *DEMO_AREAS, *db]]
    holder = _first_demo_citizen_id(demo_dir)
    for n, (ref, area) in enumerate(zip(demo_appointment_refs(now.date()), "ABE", strict=True)):
        start = half_hour + _dt.timedelta(minutes=30 * n)
        if start.date() != now.date():
            break  # a demo run just before midnight books what is left of today
        argv = ["queue", "appointments", "add", DEMO_HALL_ID, "--ref", ref, "--area", area]
        argv += ["--date", start.date().isoformat(), "--at", f"{start:%H:%M}", *db]
        if n == 0 and holder:
            argv += ["--holder", holder]
        commands.append(argv)
    for argv in commands:
        with contextlib.redirect_stdout(out):
            status = gateway_main(argv)
        if status != 0:
            command = " ".join(argv[:3])
            raise DemoFailed(msg("演示排队设置失败: govterm gateway {command} (状态 {status})",
                                 command=command, status=status))
    log.info("demo queue areas and appointments set")


def _first_demo_citizen_id(demo_dir: Path) -> str:
    """The ID number of demo citizen 1 as the gateway holds it (``""`` if none)."""
    from core.clock import SystemClock
    from core.holders import Citizen
    from gateway.db import open_database
    from gateway.identity import HolderNotFound, IdentityService
    from gateway.keys import KeyRing
    from gateway.store import GatewayStore

    store = GatewayStore(db=open_database(_db_url(demo_dir)), clock=SystemClock())
    try:
        holder = IdentityService(store=store, keys=KeyRing(store=store)).find("citizen", "1")
    except HolderNotFound:
        log.info("no demo citizen to hold the first appointment")
        return ""
    finally:
        store.db.close()
    return holder.holder.id_number if isinstance(holder.holder, Citizen) else ""


def enrolment_codes(demo_dir: Path, terminals: Sequence[DemoTerminal]) -> dict[str, str]:
    """One-time codes for the terminals the gateway does not know as active devices."""
    from core.clock import SystemClock
    from gateway.app import terminal_states
    from gateway.db import open_database
    from gateway.store import GatewayStore
    from sync.engine import NotEnrolled, load_enrolment

    store = GatewayStore(db=open_database(_db_url(demo_dir)), clock=SystemClock())
    try:
        active = {s.device_id for s in terminal_states(store) if not s.revoked}
        codes: dict[str, str] = {}
        for terminal in terminals:
            try:
                device = load_enrolment(terminal.data_dir).credential.device_id
            except NotEnrolled:
                device = ""
            if device in active:
                log.info("demo %s is enrolled as %s", terminal.mode, device)
                continue
            code = store.create_enrolment_code(
                hall_id=DEMO_HALL_ID, slot=terminal.slot, valid_seconds=CODE_VALID_S
            )
            codes[terminal.mode] = code.code
            log.info(
                "enrolment code issued for the demo %s (slot %s)", terminal.mode, terminal.slot
            )
        return codes
    finally:
        store.db.close()


# ------------------------------------------------------------------ the terminals


def terminal_env(
    terminal: DemoTerminal, *, url: str, code: str, base: dict[str, str] | None = None
) -> dict[str, str]:
    """The environment a demo terminal runs with: its gateway, code, id and hall."""
    env = dict(os.environ if base is None else base)
    env.update(
        {
            "GOVTERM_GATEWAY_URL": url,
            "GOVTERM_GATEWAY_CA_BUNDLE": "",
            "GOVTERM_GATEWAY_ENROLMENT_CODE": code,
            "GOVTERM_TERMINAL_ID": terminal.slot,
            "GOVTERM_TERMINAL_HALL_ID": DEMO_HALL_ID,
            "GOVTERM_TERMINAL_NAME": terminal.name,
            "GOVTERM_PATHS_CATALOG_DIR": "",  # the catalog comes through sync
        }
    )
    return env


def _terminal_command(
    terminal: DemoTerminal, *, options: GuiOptions, config: Path | None
) -> list[str]:
    args = ["--data-dir", str(terminal.data_dir)]
    args += ["--simulate-devices"] * options.simulate_devices
    if config is not None:
        args += ["--config", str(config)]
    args.append(terminal.mode)
    if terminal.mode == "kiosk":
        args += ["--portrait"] * options.portrait + ["--elder"] * options.elder
        args += ["--lang", options.language] if options.language else []
    args += ["--exit-after-sync"] * options.exit_after_sync
    return child_command(args)


def _seed_demo_clerks(data_dir: Path) -> None:
    """The demo's Weihai clerks (passwords in the README), added once."""
    from sync.accounts_store import AccountStore, seed_demo_clerks
    from sync.audit import AuditLog
    from sync.store import open_store

    with open_store(data_dir) as store:
        seed_demo_clerks(AccountStore(store=store, audit=AuditLog(store=store)))


def _instructions(
    out: TextIO, demo_dir: Path, terminals: Sequence[DemoTerminal], codes: dict[str, str]
) -> None:
    labels = {"kiosk": "自助终端", "window": "窗口端"}
    for terminal in terminals:
        state = "首次注册并同步" if terminal.mode in codes else "已注册, 继续同步"
        out.write(f"{labels[terminal.mode]} {terminal.slot} ({DEMO_HALL_NAME}): {state}\n")
    govterm = "govterm" if getattr(sys, "frozen", False) else f"{sys.executable} -m govterm"
    out.write(
        "演示居民码 (二维码图片, 可在自助端扫码):\n"
        f"  {govterm} --data-dir {gateway_dir(demo_dir)} gateway codes issue"
        " --citizen 1 --out code.png\n"
        "窗口端登录: 综合受理 wh-wangfang / Weihai@2026;"
        " 首席代表 wh-zhaomin 或 wh-zhoujian / Chief@2026\n"
        "关闭两个窗口或按 Ctrl+C 结束演示 (前置机随之停止)\n"
    )
    out.flush()


# ------------------------------------------------------------------ helpers


def _db_url(demo_dir: Path) -> str:
    return f"sqlite:///{gateway_dir(demo_dir) / 'gateway.db'}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _stop(process: subprocess.Popen[bytes], *, second_signal: bool = False) -> None:
    """SIGTERM, then SIGKILL if it does not end in time; always reaped.

    Args:
        process: the child.
        second_signal: after a short grace period send SIGINT: uvicorn waits for
            open long-polls (up to their 25 s) after the first signal, and stops at
            once on a SIGINT after it.
    """
    if process.poll() is None:
        process.terminate()
    if second_signal:
        try:
            process.wait(GRACE_S)
        except subprocess.TimeoutExpired:
            log.info("process %d still finishing requests; asking again", process.pid)
            process.send_signal(signal.SIGINT)
    try:
        process.wait(STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        log.warning("process %d did not stop; killing it", process.pid)
        process.kill()
        process.wait()


def _interrupt(signum: int, _frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")
