"""A printer for tests: it records every PDF and can be told to fail.

Satisfies :class:`devices.printers.base.Printer` (and so the print queue's printer).
Other teams' UI tests use it to check what a screen printed without any hardware::

    printer = FakePrinter()
    ...  # drive the screen
    assert printer.printed[-1].title.startswith("受理凭证")
    printer.run_out_of_paper()   # the kiosk must now hide self-print and tell staff
"""

from __future__ import annotations

import os
import select
import threading
import tty
from dataclasses import dataclass

from PIL import Image

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


# --------------------------------------------------------------------------- ESC/POS


class EscPosDecoder:
    """The inverse of :func:`devices.printers.escpos.encode_job`, fed byte by byte.

    Understands exactly what a printer would see from us: ``ESC @``, ``GS v 0`` raster
    bands, ``ESC d n``, ``GS V`` cuts and ``DLE EOT n`` status queries. Anything else
    is an error (the encoder must never send stray bytes to a printer).

    Attributes:
        cuts: one image per cut: the bands printed since the previous cut, stacked.
        queries: the ``n`` of every ``DLE EOT n`` seen.
        raster_bytes: how many raster data bytes were received.
    """

    def __init__(self) -> None:
        self._buf = bytearray()
        self._bands: list[Image.Image] = []
        self.cuts: list[Image.Image] = []
        self.queries: list[int] = []
        self.raster_bytes = 0
        self.inits = 0

    def feed(self, data: bytes) -> list[int]:
        """Consume ``data``; returns the status queries completed by it."""
        self._buf += data
        found: list[int] = []
        while self._buf:
            used = self._one(found)
            if used == 0:
                break
            del self._buf[:used]
        return found

    def _one(self, found: list[int]) -> int:
        """Bytes used by the command at the start of the buffer (0: incomplete)."""
        head = bytes(self._buf[:2])
        if head == b"\x1d\x76":
            return self._raster()
        if head == b"\x1d\x56":
            return self._cut()
        size = _FIXED_SIZE.get(head)
        if size is None:
            if len(self._buf) < 2 and self._buf[0] in (0x1B, 0x10, 0x1D):
                return 0
            raise ValueError(f"unexpected bytes sent to the printer: {head.hex(' ')}")
        if len(self._buf) < size:
            return 0
        if head == b"\x1b\x40":
            self.inits += 1
        elif head == b"\x10\x04":
            found.append(self._buf[2])
            self.queries.append(self._buf[2])
        return size

    def _raster(self) -> int:
        buf = self._buf
        if len(buf) < 8:
            return 0
        if buf[2] != 0x30:
            raise ValueError("GS v is only valid as GS v 0")
        width_bytes = buf[4] | buf[5] << 8
        rows = buf[6] | buf[7] << 8
        size = width_bytes * rows
        if len(buf) < 8 + size:
            return 0
        data = bytes(b ^ 0xFF for b in buf[8 : 8 + size])
        self._bands.append(Image.frombytes("1", (width_bytes * 8, rows), data))
        self.raster_bytes += size
        return 8 + size

    def _cut(self) -> int:
        if len(self._buf) < 3:
            return 0
        used = 4 if self._buf[2] in (65, 66) else 3
        if len(self._buf) < used:
            return 0
        self.cuts.append(_stack(self._bands))
        self._bands = []
        return used


_FIXED_SIZE = {b"\x1b\x40": 2, b"\x1b\x64": 3, b"\x10\x04": 3}


def _stack(bands: list[Image.Image]) -> Image.Image:
    if not bands:
        return Image.new("1", (0, 0))
    page = Image.new("1", (bands[0].width, sum(b.height for b in bands)), 1)
    top = 0
    for band in bands:
        page.paste(band, (0, top))
        top += band.height
    return page


# Real-time status answers of a healthy printer (fixed bits 1 and 4 set).
ESCPOS_OK = {1: 0x16, 2: 0x12, 3: 0x12, 4: 0x12}
ESCPOS_PAPER_NEAR_END = {**ESCPOS_OK, 4: 0x12 | 0x0C}
ESCPOS_PAPER_END = {1: 0x16 | 0x08, 2: 0x12 | 0x20, 3: 0x12, 4: 0x12 | 0x60}
ESCPOS_COVER_OPEN = {1: 0x16 | 0x08, 2: 0x12 | 0x04, 3: 0x12, 4: 0x12}


class EscPosSimulator:
    """A thermal printer on the master side of a pseudo-terminal pair.

    The printer under test opens :attr:`path` (the slave) like a serial port. The
    simulator decodes everything it receives and answers ``DLE EOT n`` from
    :attr:`answers`; :meth:`run_out_after` makes the paper end once that many raster
    bytes have arrived; :attr:`silent` stops all answers (a printer switched off).
    """

    def __init__(self) -> None:
        self.master, self._slave = os.openpty()
        tty.setraw(self._slave)
        self.path = os.ttyname(self._slave)
        self.decoder = EscPosDecoder()
        self.answers: dict[int, int] = dict(ESCPOS_OK)
        self.silent = False
        self._paper_left: int | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="escpos-sim", daemon=True)
        self._thread.start()

    def run_out_after(self, raster_bytes: int) -> None:
        self._paper_left = raster_bytes

    def _serve(self) -> None:
        while not self._stop.is_set():
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            for n in self.decoder.feed(chunk):
                self._answer(n)

    def _answer(self, n: int) -> None:
        if self._paper_left is not None and self.decoder.raster_bytes >= self._paper_left:
            self.answers = dict(ESCPOS_PAPER_END)
        if not self.silent:
            os.write(self.master, bytes((self.answers[n],)))

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        os.close(self.master)
        os.close(self._slave)
