"""A "printer" that files every paper as a PDF in a directory.

A real backend, not a fake: halls use it to archive what a terminal printed, a terminal
without a printer uses it so staff can print from another machine, and the demo uses
it to show printing without hardware. Files are written atomically (temporary name,
``fsync``, rename), so a crash never leaves half a PDF behind.

For the demo the folder can show the fault path: a file named ``PAPER_OUT`` in the
directory makes the printer report 缺纸 and refuse jobs, ``OFFLINE`` makes it report
离线; deleting the file "refills" it. Nothing else reads these names.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import tempfile
from pathlib import Path

from core.clock import Clock, SystemClock
from core.errors import PrintFailed, msg
from devices.printers.base import (
    PrinterState,
    PrinterStatus,
    PrinterUnavailable,
    check_job,
    print_failure,
)

log = logging.getLogger(__name__)

PAPER_OUT_FLAG = "PAPER_OUT"
OFFLINE_FLAG = "OFFLINE"
_UNSAFE = re.compile(r"[^\w\u4e00-\u9fff.-]+")


def _safe(title: str) -> str:
    cleaned = _UNSAFE.sub("_", title.strip()).strip("._")
    return cleaned[:60] or "paper"


class FolderPrinter:
    """Writes each job as ``<yyyymmdd-hhmmss>-<title>[-<n>份]-<k>.pdf`` into ``directory``.

    Args:
        directory: where papers go; created if missing.
        name: the configured name of this printer.
        clock: stamps file names.

    Raises:
        PrinterUnavailable: the directory cannot be created or written.
    """

    def __init__(
        self, directory: Path, *, name: str = "folder", clock: Clock | None = None
    ) -> None:
        self._dir = directory
        self._name = name
        self._clock: Clock = clock or SystemClock()
        try:
            directory.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=directory, prefix=".probe-"):
                pass
        except OSError as exc:
            raise PrinterUnavailable(msg(
                "无法写入打印归档目录 {directory}（{error}），请检查目录权限或配置",
                directory=str(directory), error=exc.strerror,
            )) from exc

    @property
    def name(self) -> str:
        return self._name

    @property
    def directory(self) -> Path:
        return self._dir

    def status(self) -> PrinterStatus:
        if not self._dir.is_dir():
            return PrinterStatus.of(
                PrinterState.OFFLINE, detail=msg("目录 {folder} 不存在", folder=str(self._dir)))
        if (self._dir / PAPER_OUT_FLAG).exists():
            return PrinterStatus.of(PrinterState.PAPER_OUT, reasons=("flag:PAPER_OUT",))
        if (self._dir / OFFLINE_FLAG).exists():
            return PrinterStatus.of(PrinterState.OFFLINE, reasons=("flag:OFFLINE",))
        return PrinterStatus.of(PrinterState.READY)

    def print_pdf(self, pdf: bytes, *, title: str, copies: int = 1) -> None:
        check_job(pdf, title=title, copies=copies)
        status = self.status()
        if not status.can_print:
            raise print_failure(status)
        stamp = self._clock.now().strftime("%Y%m%d-%H%M%S")
        stem = f"{stamp}-{_safe(title)}" + (f"-{copies}份" if copies > 1 else "")
        try:
            target = self._unused(stem)
            fd, tmp = tempfile.mkstemp(dir=self._dir, prefix=".part-", suffix=".pdf")
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(pdf)
                    out.flush()
                    os.fsync(out.fileno())
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            full = exc.errno in (errno.ENOSPC, errno.EDQUOT)
            state = PrinterState.ERROR if full else PrinterState.OFFLINE
            status = PrinterStatus.of(state, detail=msg(
                "写入 {folder} 失败：{error}", folder=str(self._dir), error=exc.strerror))
            raise PrintFailed(status.staff_message, transient=not full) from exc
        log.info("paper filed: %s (%d bytes)", target.name, len(pdf))

    def _unused(self, stem: str) -> Path:
        for k in range(1, 10_000):
            candidate = self._dir / f"{stem}-{k}.pdf"
            if not candidate.exists():
                return candidate
        raise OSError(errno.EEXIST, "too many files with the same name", stem)
