"""Crash handling: nothing that goes wrong is lost, and a kiosk never shows a traceback.

Installed from the first line of ``main``:

- :mod:`faulthandler` dumps the Python stacks of a hard crash (segfault, abort) — to
  stderr at first, then to ``crash/faulthandler-<pid>.log`` in the data dir once it is
  known;
- ``sys.excepthook`` writes a crash report ``crash/crash-<time>-<pid>.txt`` for every
  unhandled exception (including one raised in a Qt slot), logs it, and in kiosk mode
  asks the window to return to its home screen instead of showing anything;
- Qt's message handler routes Qt's own messages to logging; a fatal one writes a report
  before Qt aborts.

On the next start, :meth:`CrashHandler.use_dir` finds the reports (and non-empty
faulthandler logs) of earlier runs, logs them and moves them to ``crash/reported/``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import faulthandler
import io
import logging
import os
import platform
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from core.errors import UserCancelled
from core.masking import scrub

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")

REPORT_GLOB = "crash-*.txt"
FAULT_GLOB = "faulthandler-*.log"
REPORTED_DIR = "reported"
# Qt messages that say nothing is wrong: the offscreen platform (smoke test, headless
# runs) cannot pass size hints to a window manager it does not have.
BENIGN_QT_MESSAGES = ("This plugin does not support propagateSizeHints()",)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class CrashHandler:
    """Catches what nobody else caught and keeps a record of it.

    Args:
        mode: ``"kiosk"``, ``"window"``, ``"demo"`` … (written into reports; in
            ``"kiosk"`` an exception sends the window home instead of surfacing).
        version: the product version written into reports.
    """

    def __init__(self, *, mode: str = "cli", version: str = "") -> None:
        self.mode = mode
        self._version = version
        self._crash_dir: Path | None = None
        self._fault_file: IO[str] | None = None
        self._fault_path: Path | None = None
        self._return_home: Callable[[], object] | None = None
        self._previous_hook: Callable[..., Any] | None = None
        self._previous_qt_handler: object = None
        self._qt_installed = False
        self.reports_written: list[Path] = []

    # -- installation ------------------------------------------------------------------

    def install(self) -> None:
        """Hook into the interpreter: faulthandler to stderr and ``sys.excepthook``."""
        # stderr may be None (a windowed build) or have no file descriptor (captured).
        for stream in (sys.stderr, sys.__stderr__):
            try:
                faulthandler.enable(file=stream)  # type: ignore[arg-type]
            except (AttributeError, ValueError, io.UnsupportedOperation):
                continue
            break
        self._previous_hook = sys.excepthook
        sys.excepthook = self._excepthook

    def use_dir(self, crash_dir: Path) -> list[Path]:
        """Keep crash records in ``crash_dir`` and hand over those of earlier runs.

        Returns:
            The earlier records, as moved into ``crash_dir/reported/``.
        """
        crash_dir.mkdir(parents=True, exist_ok=True)
        self._crash_dir = crash_dir
        found = self._collect_previous(crash_dir)
        self._fault_path = crash_dir / f"faulthandler-{os.getpid()}.log"
        self._fault_file = self._fault_path.open("w", encoding="utf-8")
        faulthandler.enable(file=self._fault_file, all_threads=True)
        return found

    def set_return_home(self, callback: Callable[[], object] | None) -> None:
        """What to call after an unhandled exception in kiosk mode (the window's
        ``return_home``); ``None`` to forget it."""
        self._return_home = callback

    def install_qt_message_handler(self) -> None:
        """Route Qt's messages to the ``qt`` logger; a fatal message writes a report."""
        from PySide6.QtCore import qInstallMessageHandler

        self._previous_qt_handler = qInstallMessageHandler(self._qt_message)
        self._qt_installed = True

    def close(self) -> None:
        """Undo :meth:`install` on a clean exit; an empty fault log is removed."""
        if self._qt_installed:
            from PySide6.QtCore import qInstallMessageHandler

            qInstallMessageHandler(self._previous_qt_handler)  # type: ignore[arg-type]
            self._qt_installed = False
        if self._previous_hook is not None:
            sys.excepthook = self._previous_hook
            self._previous_hook = None
        if faulthandler.is_enabled():
            faulthandler.disable()
        if self._fault_file is not None:
            self._fault_file.close()
            self._fault_file = None
            if self._fault_path is not None and self._fault_path.stat().st_size == 0:
                self._fault_path.unlink()

    # -- reports -----------------------------------------------------------------------

    def write_report(self, title: str, details: str) -> Path | None:
        """Write one crash report; returns its path, or ``None`` before :meth:`use_dir`
        or when the disk refuses (the log still has it)."""
        if self._crash_dir is None:
            return None
        now = dt.datetime.now().astimezone()
        path = self._crash_dir / f"crash-{now:%Y%m%d-%H%M%S-%f}-{os.getpid()}.txt"
        text = "\n".join(
            [
                "govterm crash report",
                f"title: {title}",
                f"time: {now.isoformat(timespec='seconds')}",
                f"mode: {self.mode}",
                f"version: {self._version}",
                f"python: {platform.python_version()} ({sys.executable})",
                f"platform: {platform.platform()}",
                f"qt: {_qt_version()}",
                f"pid: {os.getpid()}",
                "",
                details,
            ]
        )
        try:
            path.write_text(scrub(text), encoding="utf-8")
        except OSError:
            log.exception("could not write crash report %s", path)
            return None
        self.reports_written.append(path)
        return path

    def _excepthook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt | SystemExit):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if issubclass(exc_type, UserCancelled):
            log.debug("cancelled: %s", exc_type.__name__)
            return
        try:
            self.handle_exception((exc_type, exc, tb))
        except Exception:  # the hook must never raise: fall back to the interpreter's
            sys.__excepthook__(exc_type, exc, tb)

    def handle_exception(self, info: ExcInfo) -> Path | None:
        """Record an exception nobody handled, then recover as the mode requires."""
        details = "".join(traceback.format_exception(*info))
        path = self.write_report(f"{info[0].__name__}", details)
        if not logging.getLogger().handlers:
            # Logging is not set up yet (a failure while starting): stderr it is.
            sys.__excepthook__(*info)
        log.critical("unhandled exception; crash report %s", path, exc_info=info)
        if self.mode == "kiosk" and self._return_home is not None:
            try:
                self._return_home()
            except Exception:
                log.exception("returning home after a crash failed as well")
        return path

    def _qt_message(self, msg_type: Any, context: Any, message: str) -> None:
        from PySide6.QtCore import QtMsgType

        level = {
            QtMsgType.QtDebugMsg: logging.DEBUG,
            QtMsgType.QtInfoMsg: logging.INFO,
            QtMsgType.QtWarningMsg: logging.WARNING,
            QtMsgType.QtCriticalMsg: logging.ERROR,
            QtMsgType.QtFatalMsg: logging.CRITICAL,
        }.get(msg_type, logging.WARNING)
        if message.startswith(BENIGN_QT_MESSAGES):
            level = logging.DEBUG
        where = f"{context.file}:{context.line}" if context is not None and context.file else ""
        qt_log.log(level, "%s %s", message, where)
        if msg_type == QtMsgType.QtFatalMsg:
            stack = "".join(traceback.format_stack())
            self.write_report("Qt fatal message", f"{message}\n{where}\n\n{stack}")

    # -- reports of earlier runs -------------------------------------------------------

    def _collect_previous(self, crash_dir: Path) -> list[Path]:
        reported = crash_dir / REPORTED_DIR
        moved: list[Path] = []
        for path in sorted(crash_dir.glob(REPORT_GLOB)):
            log.error("an earlier run crashed: %s — %s", path.name, _summary(path))
            moved.append(_move(path, reported))
        for path in sorted(crash_dir.glob(FAULT_GLOB)):
            if _pid_running(path):
                continue
            if path.stat().st_size == 0:  # killed without a fault: nothing to say
                path.unlink()
                continue
            log.error("an earlier run died hard (faulthandler): %s", path.name)
            try:
                moved.append(_move(path, reported))
            except OSError:
                log.warning("crash record %s is still in use; left in place", path.name)
        return moved


def _move(path: Path, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    target = folder / path.name
    path.replace(target)
    return target


def _summary(path: Path) -> str:
    """The last line of a report's traceback: the exception and its message."""
    try:
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    except (OSError, UnicodeDecodeError):
        return "unreadable"
    return lines[-1] if lines else "empty"


def _pid_running(path: Path) -> bool:
    """Whether the faulthandler file belongs to a process that is still alive."""
    pid_text = path.stem.rpartition("-")[2]
    if not pid_text.isdigit() or int(pid_text) == os.getpid():
        return False
    if sys.platform == "win32":
        # os.kill(pid, 0) would terminate the process there; a file still held open by
        # a live process cannot be moved, which _collect_previous tolerates.
        return False
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _qt_version() -> str:
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is None:
        return "not loaded"
    with contextlib.suppress(AttributeError):
        return f"{qtcore.qVersion()} (PySide6 {sys.modules['PySide6'].__version__})"
    return "unknown"
