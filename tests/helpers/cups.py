"""A private CUPS server for tests: its own config, spool, port and file-backed queues.

Nothing touches the system CUPS: :class:`PrivateCups` writes a ``cupsd.conf`` and a
``cups-files.conf`` (with ``FileDevice Yes``) into a fresh directory, starts ``cupsd -f``
on a free loopback port, and creates queues with ``lpadmin`` whose device is a file
(``file:/…/out/<queue>.pdf``) using the Generic PDF Printer driver from cups-filters, so
a printed job becomes a PDF the test can read back.

Needs the Debian packages cups-daemon, cups-client and cups-filters (all pulled in by
``cups``). The directory lives under ``/tmp`` with mode 0755 because CUPS runs its
filters as the unprivileged ``lp`` user when started as root.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from devices.printers import ipp

PDF_DRIVER = "lsb/usr/cupsfilters/Generic-PDF_Printer-PDF.ppd"
START_TIMEOUT = 20.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    """Poll ``condition`` until it holds; fail the test with ``what`` after ``timeout``."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)


class PrivateCups:
    """One running private ``cupsd``.

    Attributes:
        root: its directory (config, spool, logs, ``out/`` with printed files).
        port: the loopback port it listens on.
        server: ``"127.0.0.1:<port>"``, for :class:`devices.printers.cups.CupsPrinter`.
    """

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="govterm-cups-", dir="/tmp"))
        self.root.chmod(0o755)
        self.port = _free_port()
        self.server = f"127.0.0.1:{self.port}"
        self.out = self.root / "out"
        self._proc: subprocess.Popen[bytes] | None = None

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> None:
        etc = self.root / "etc"
        for sub in ("etc/ppd", "spool/tmp", "cache", "state", "log", "out"):
            (self.root / sub).mkdir(parents=True, exist_ok=True)
        self.out.chmod(0o777)  # filters and the file device run as lp
        (etc / "cups-files.conf").write_text(
            f"ServerRoot {etc}\n"
            f"RequestRoot {self.root}/spool\n"
            f"TempDir {self.root}/spool/tmp\n"
            f"CacheDir {self.root}/cache\n"
            f"StateDir {self.root}/state\n"
            f"AccessLog {self.root}/log/access_log\n"
            f"ErrorLog {self.root}/log/error_log\n"
            f"PageLog {self.root}/log/page_log\n"
            "ServerBin /usr/lib/cups\n"
            "DataDir /usr/share/cups\n"
            "FileDevice Yes\n"
            "Sandboxing Relaxed\n"
        )
        (etc / "cupsd.conf").write_text(
            "LogLevel info\n"
            f"Listen 127.0.0.1:{self.port}\n"
            "Browsing No\n"
            "DefaultAuthType None\n"
            "WebInterface No\n"
            "JobRetryLimit 0\n"
            "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
            "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n"
        )
        self._proc = subprocess.Popen(
            [
                _tool("cupsd"), "-f",
                "-c", str(etc / "cupsd.conf"),
                "-s", str(etc / "cups-files.conf"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(self._answers, START_TIMEOUT, f"private cupsd on port {self.port}")

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)
        shutil.rmtree(self.root, ignore_errors=True)

    def _answers(self) -> bool:
        if self._proc is not None and self._proc.poll() is not None:
            log = (self.root / "log" / "error_log")
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            pytest.fail(f"cupsd exited with {self._proc.returncode}:\n{tail}")
        try:
            self.ipp(ipp.Op.GET_PRINTER_ATTRIBUTES, "/", [])
        except ipp.IppError:
            return False
        return True

    # ------------------------------------------------------------------- control

    def run(self, *args: str) -> str:
        """Run a CUPS command-line tool against this server."""
        env = {**os.environ, "CUPS_SERVER": self.server, "LC_ALL": "C"}
        result = subprocess.run(
            [_tool(args[0]), *args[1:]], env=env, capture_output=True, text=True, timeout=30,
            check=False,
        )
        if result.returncode != 0:
            pytest.fail(f"{' '.join(args)} failed: {result.stderr.strip()}")
        return result.stdout

    def add_queue(self, name: str) -> Path:
        """A queue printing into ``out/<name>.pdf``; returns that path."""
        target = self.out / f"{name}.pdf"
        self.run("lpadmin", "-p", name, "-E", "-v", f"file:{target}", "-m", PDF_DRIVER)
        return target

    def pause(self, name: str, reason: str = "") -> None:
        self.run("cupsdisable", *(("-r", reason) if reason else ()), name)

    def resume(self, name: str) -> None:
        self.run("cupsenable", name)

    def reject(self, name: str) -> None:
        self.run("cupsreject", name)

    def accept(self, name: str) -> None:
        self.run("cupsaccept", name)

    def set_reasons(self, name: str, *reasons: str) -> None:
        """Set ``printer-state-reasons`` as a printer's backend would (e.g. media-empty-error)."""
        path = f"/admin/printers/{name}"
        uri = f"ipp://{self.server}/printers/{name}"
        reply = self.ipp(
            ipp.Op.CUPS_ADD_MODIFY_PRINTER,
            path,
            [],
            uri=uri,
            printer=[ipp.Attribute(ipp.Tag.KEYWORD, "printer-state-reasons", reasons or ("none",))],
        )
        if not reply.ok:
            pytest.fail(f"could not set reasons on {name}: {reply.message()}")

    def ipp(
        self,
        op: ipp.Op,
        path: str,
        extra: list[ipp.Attribute],
        *,
        uri: str | None = None,
        printer: list[ipp.Attribute] | None = None,
    ) -> ipp.Response:
        groups: list[tuple[ipp.Tag, list[ipp.Attribute]]] = [
            (ipp.Tag.OPERATION, ipp.operation_attributes(
                uri or f"ipp://{self.server}/", "root", *extra
            ))
        ]
        if printer:
            groups.append((ipp.Tag.PRINTER, printer))
        return ipp.post(
            "127.0.0.1", self.port, path, ipp.encode(op, groups), timeout=10
        )

    def jobs(self, name: str, which: str = "not-completed") -> list[str]:
        """Job ids (``queue-n``) CUPS lists for ``name``."""
        out = self.run("lpstat", "-W", which, "-o", name)
        return [line.split()[0] for line in out.splitlines() if line.strip()]


def _tool(name: str) -> str:
    for folder in ("/usr/sbin", "/usr/bin", "/sbin", "/bin"):
        candidate = Path(folder) / name
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (Debian package cups)")
    return found


@contextlib.contextmanager
def private_cups() -> Iterator[PrivateCups]:
    """Start a private CUPS server for the block."""
    server = PrivateCups()
    try:
        server.start()
        yield server
    finally:
        server.stop()
