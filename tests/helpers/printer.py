"""A printer for tests: it records every PDF and can be told to fail.

Satisfies :class:`devices.printers.base.Printer` (and so the print queue's printer).
Other teams' UI tests use it to check what a screen printed without any hardware::

    printer = FakePrinter()
    ...  # drive the screen
    assert printer.printed[-1].title.startswith("受理凭证")
    printer.run_out_of_paper()   # the kiosk must now hide self-print and tell staff
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from core.errors import PrintFailed
from devices.printers.base import PrinterState, PrinterStatus, check_job, print_failure


@dataclass(frozen=True, slots=True)
class PrintedPaper:
    """One job the fake took."""

    pdf: bytes
    title: str
    copies: int


class FakePrinter:
    """Records jobs; its status and failures are set by the test.

    Args:
        name: the configured name.
    """

    def __init__(self, name: str = "fake") -> None:
        self._name = name
        self._lock = threading.Lock()
        self.printed: list[PrintedPaper] = []
        self.attempts = 0
        self._status = PrinterStatus.of(PrinterState.READY)
        self._failures: list[BaseException] = []

    @property
    def name(self) -> str:
        return self._name

    # -- what the test controls ------------------------------------------------------

    def set_state(self, state: PrinterState, *, detail: str = "") -> None:
        """Report ``state``; jobs sent while it cannot print fail accordingly."""
        self._status = PrinterStatus.of(state, detail=detail)

    def run_out_of_paper(self) -> None:
        self.set_state(PrinterState.PAPER_OUT)

    def refill(self) -> None:
        self.set_state(PrinterState.READY)

    def fail_next(self, error: BaseException, times: int = 1) -> None:
        """Raise ``error`` from the next ``times`` calls of :meth:`print_pdf`.

        ``error`` may be any exception, including a ``BaseException`` standing in for
        the process being killed mid-print.
        """
        self._failures.extend([error] * times)

    def fail_transiently(self, times: int = 1) -> None:
        """The next ``times`` jobs fail as if the printer were briefly offline."""
        self.fail_next(PrintFailed("打印机暂时离线", transient=True), times)

    # -- the Printer protocol --------------------------------------------------------

    def status(self) -> PrinterStatus:
        return self._status

    def print_pdf(self, pdf: bytes, *, title: str, copies: int = 1) -> None:
        check_job(pdf, title=title, copies=copies)
        with self._lock:
            self.attempts += 1
            if self._failures:
                raise self._failures.pop(0)
            if not self._status.can_print:
                raise print_failure(self._status)
            self.printed.append(PrintedPaper(pdf, title, copies))

    @property
    def titles(self) -> list[str]:
        return [p.title for p in self.printed]
