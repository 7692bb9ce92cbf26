"""The printer contract every backend implements, its status and its typed failures.

A printer takes a finished PDF (every paper is a PDF, see :mod:`documents`) and puts
it on paper. Backends: :mod:`~devices.printers.cups` (any printer the system's CUPS
knows), :mod:`~devices.printers.qt` (printers Qt sees), :mod:`~devices.printers.escpos`
(80 mm thermal receipt printers spoken to directly) and :mod:`~devices.printers.folder`
(PDF files in a directory: archiving and the demo).

Durability and retries are not a backend's business: :class:`sync.print_queue.PrintQueue`
keeps every job in ``journal.db`` and decides what to retry, from the type of error a
backend raises:

- :class:`PrinterUnavailable` from a constructor: the printer cannot be used at all
  (queue unknown, port missing). The composition root hides printing and tells staff.
- :class:`core.errors.PrintFailed` from :meth:`Printer.print_pdf`: this job did not
  print. Its ``transient`` flag says whether trying again later may help (a printer
  that was briefly offline) or a person must act first (paper out, cover open).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol, runtime_checkable

from core.errors import DeviceUnavailable, PrintFailed, msg

PDF_MAGIC = b"%PDF-"
MAX_COPIES = 20


class PrinterState(StrEnum):
    """Coarse printer health, the same for every backend."""

    READY = "ready"
    PAPER_LOW = "paper_low"  # still prints; staff should refill soon
    PAPER_OUT = "paper_out"
    OFFLINE = "offline"  # unplugged, switched off, paused by staff, unreachable
    ERROR = "error"  # cover open, jam, cutter error, anything else needing a person


_STAFF_TEXT: dict[PrinterState, str] = {
    PrinterState.READY: msg("打印机正常"),
    PrinterState.PAPER_LOW: msg("打印机纸张将尽，请尽快补充纸张"),
    PrinterState.PAPER_OUT: msg("打印机缺纸，请补充纸张后在管理界面重新打印未完成的任务"),
    PrinterState.OFFLINE: msg("打印机离线或已暂停，请检查电源、连线和打印队列"),
    PrinterState.ERROR: msg("打印机故障（如卡纸、舱盖未关、切刀故障），请到现场处理"),
}

_NO_PRINTING = msg("本机暂时无法打印，请到服务窗口领取纸质材料")
_CITIZEN_TEXT: dict[PrinterState, str] = {
    PrinterState.READY: "",
    PrinterState.PAPER_LOW: "",
    PrinterState.PAPER_OUT: _NO_PRINTING,
    PrinterState.OFFLINE: _NO_PRINTING,
    PrinterState.ERROR: _NO_PRINTING,
}


def _staff_text(state: PrinterState, detail: str) -> str:
    """The staff message for ``state`` with the backend's ``detail`` in brackets.

    One template per state, so the sentence translates as a whole.
    """
    match state:
        case PrinterState.READY:
            return msg("打印机正常（{detail}）", detail=detail)
        case PrinterState.PAPER_LOW:
            return msg("打印机纸张将尽，请尽快补充纸张（{detail}）", detail=detail)
        case PrinterState.PAPER_OUT:
            return msg("打印机缺纸，请补充纸张后在管理界面重新打印未完成的任务（{detail}）",
                       detail=detail)
        case PrinterState.OFFLINE:
            return msg("打印机离线或已暂停，请检查电源、连线和打印队列（{detail}）",
                       detail=detail)
        case PrinterState.ERROR:
            return msg("打印机故障（如卡纸、舱盖未关、切刀故障），请到现场处理（{detail}）",
                       detail=detail)


@dataclass(frozen=True, slots=True)
class PrinterStatus:
    """What a printer reports about itself.

    Attributes:
        state: see :class:`PrinterState`.
        staff_message: Chinese text for hall staff: what is wrong and what to do.
        citizen_message: Chinese text safe to show a citizen (empty when all is well).
        reasons: the backend's own words (e.g. CUPS ``printer-state-reasons``), for logs.
    """

    state: PrinterState
    staff_message: str
    citizen_message: str
    reasons: tuple[str, ...] = field(default=())

    @classmethod
    def of(
        cls, state: PrinterState, *, detail: str = "", reasons: tuple[str, ...] = ()
    ) -> PrinterStatus:
        """The standard messages for ``state``; ``detail`` is appended for staff."""
        staff = _staff_text(state, detail) if detail else _STAFF_TEXT[state]
        return cls(state, staff, _CITIZEN_TEXT[state], reasons)

    @property
    def can_print(self) -> bool:
        """Whether a job sent now is expected to come out."""
        return self.state in (PrinterState.READY, PrinterState.PAPER_LOW)

    @property
    def needs_staff(self) -> bool:
        """Whether only a person can fix it (retrying alone will not help)."""
        return self.state in (PrinterState.PAPER_OUT, PrinterState.ERROR)


class PrinterUnavailable(DeviceUnavailable):
    """A printer cannot be used: not configured, not found, port or tool missing.

    Raised at construction so the composition root can hide what needs a printer.

    Args:
        reason: plain-language Chinese text saying what is wrong and what to do.
    """

    def __init__(self, reason: str) -> None:
        super().__init__("printer", reason)


def print_failure(status: PrinterStatus, *, detail: str = "") -> PrintFailed:
    """The :class:`~core.errors.PrintFailed` a printer in ``status`` causes.

    Transient unless a person must act (paper out, jam …).
    """
    reason = (msg("{message}（{detail}）", message=status.staff_message, detail=detail)
              if detail else status.staff_message)
    return PrintFailed(reason, transient=not status.needs_staff)


@runtime_checkable
class Printer(Protocol):
    """Something that puts a PDF on paper (or into an archive)."""

    @property
    def name(self) -> str:
        """The configured name, e.g. ``"receipt"`` or a CUPS queue name."""
        ...

    def print_pdf(self, pdf: bytes, *, title: str, copies: int = 1) -> None:
        """Print ``copies`` copies of ``pdf``; return once the printer has taken it.

        Raises:
            PrintFailed: the job did not print (see ``PrintFailed.transient``).
        """
        ...

    def status(self) -> PrinterStatus:
        """The printer's current status; never raises (an unreachable printer is OFFLINE)."""
        ...


def check_job(pdf: bytes, *, title: str, copies: int) -> None:
    """Reject a job no backend should be given.

    Raises:
        ValueError: not a PDF, empty title, or a copy count outside 1…20 (a bug in
            the caller, not something a citizen did).
    """
    if not pdf.startswith(PDF_MAGIC):
        raise ValueError("print job is not a PDF")
    if not title.strip():
        raise ValueError("print job needs a title")
    if not 1 <= copies <= MAX_COPIES:
        raise ValueError(f"copies must be 1..{MAX_COPIES}, got {copies}")
