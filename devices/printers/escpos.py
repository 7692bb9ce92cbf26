"""80 mm thermal receipt printers spoken to directly in ESC/POS, as raster images.

Why raster: the printers' built-in Chinese fonts (GB18030 code pages) differ from
model to model and miss rare characters in names and addresses; a rasterised page
prints exactly what the PDF shows, QR code included.

The byte stream for one job::

    ESC @                               initialise
    GS v 0 m xL xH yL yH d1…dk          one raster band (m=0 normal density;
    …                                   x = bytes per row, y = rows; 1 bit = 1 dot,
                                        most significant bit leftmost, 1 = black)
    ESC d n                             feed n lines so the cut clears the text
    GS V 1                              partial cut
    (repeated per copy)

Bands are at most :data:`BAND_ROWS` rows, because many printers' receive buffers cannot
hold a whole receipt. Pages are rendered by ``pdftoppm`` (poppler-utils) at 203 dpi,
scaled to the 576-dot print width and thresholded to 1 bit; blank paper at the end of a
page is trimmed.

Status (where the transport can be read, e.g. a serial port) uses real-time status
transmission ``DLE EOT n`` (0x10 0x04 n), answered with one byte:

- n=1 printer status: bit 3 = offline.
- n=2 offline cause: bit 2 = cover open, bit 5 = stopped by paper end, bit 6 = error.
- n=3 error cause: bit 3 = auto-cutter error, bit 5 = unrecoverable, bit 6 = auto-recoverable.
- n=4 paper roll sensor: bits 2–3 = paper near end, bits 5–6 = paper end.

A write-only transport (``/dev/usb/lp0`` opened for writing) reports READY: the printer
cannot tell us otherwise, and CUPS or staff will.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol

from PIL import Image

from core.errors import PrintFailed, msg
from devices.printers.base import (
    PrinterState,
    PrinterStatus,
    PrinterUnavailable,
    check_job,
    print_failure,
)

log = logging.getLogger(__name__)

DPI = 203
WIDTH_DOTS = 576  # 72 mm printable on 80 mm paper at 8 dots/mm
BAND_ROWS = 256
THRESHOLD = 160  # grey level below which a dot is printed
BOTTOM_MARGIN_ROWS = 24
FEED_LINES = 4

ESC_INIT = b"\x1b\x40"
GS_RASTER = b"\x1d\x76\x30"
ESC_FEED = b"\x1b\x64"
GS_CUT_PARTIAL = b"\x1d\x56\x01"
DLE_EOT = b"\x10\x04"

RASTERISE_TIMEOUT_S = 60


class Transport(Protocol):
    """Where the bytes go."""

    @property
    def readable(self) -> bool:
        """Whether the printer's answers can be read (status queries work)."""
        ...

    def write(self, data: bytes) -> None:
        """Send all of ``data``; raises OSError when the device is gone."""
        ...

    def read(self, size: int, timeout: float) -> bytes:
        """Read up to ``size`` bytes, waiting at most ``timeout`` seconds."""
        ...

    def close(self) -> None:
        ...


class SerialTransport:
    """A serial (or USB-serial) port, via pyserial.

    Raises:
        PrinterUnavailable: the port cannot be opened.
    """

    readable = True

    def __init__(self, port: str, *, baudrate: int = 115200, write_timeout: float = 30.0) -> None:
        import serial

        try:
            self._port = serial.Serial(
                port, baudrate=baudrate, timeout=0.5, write_timeout=write_timeout
            )
        except (serial.SerialException, OSError) as exc:
            raise PrinterUnavailable(msg(
                "无法打开小票打印机串口 {port}：{error}。请检查连线和串口配置",
                port=port, error=str(exc),
            )) from exc
        self._serial_error: type[Exception] = serial.SerialException

    def write(self, data: bytes) -> None:
        try:
            self._port.write(data)
            self._port.flush()
        except self._serial_error as exc:
            raise OSError(str(exc)) from exc

    def read(self, size: int, timeout: float) -> bytes:
        self._port.timeout = timeout
        try:
            return bytes(self._port.read(size))
        except self._serial_error as exc:
            raise OSError(str(exc)) from exc

    def close(self) -> None:
        self._port.close()


class DeviceFileTransport:
    """A printer device file such as ``/dev/usb/lp0`` (write-only use).

    Raises:
        PrinterUnavailable: the device cannot be opened for writing.
    """

    readable = False

    def __init__(self, path: Path) -> None:
        self._path = path
        try:
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        except OSError as exc:
            raise PrinterUnavailable(msg(
                "无法打开小票打印机设备 {path}（{error}），请检查连线和权限",
                path=str(path), error=exc.strerror,
            )) from exc
        os.close(fd)

    def write(self, data: bytes) -> None:
        with open(self._path, "ab", buffering=0) as out:
            out.write(data)

    def read(self, size: int, timeout: float) -> bytes:
        return b""

    def close(self) -> None:
        return None


# --------------------------------------------------------------------- rasterising


def rasterise_pdf(pdf: bytes, *, dpi: int = DPI, width: int = WIDTH_DOTS) -> list[Image.Image]:
    """Render every page of ``pdf`` as a 1-bit image ``width`` dots wide.

    Raises:
        PrintFailed: pdftoppm is missing or cannot read the PDF (not transient).
    """
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise PrintFailed(
            msg("缺少 pdftoppm（请安装 poppler-utils），无法打印小票"), transient=False)
    with tempfile.TemporaryDirectory(prefix="govterm-escpos-") as tmp:
        source = Path(tmp) / "job.pdf"
        source.write_bytes(pdf)
        result = subprocess.run(
            [tool, "-r", str(dpi), "-gray", "-png", str(source), str(Path(tmp) / "page")],
            capture_output=True,
            timeout=RASTERISE_TIMEOUT_S,
            check=False,
        )
        if result.returncode != 0:
            detail = result.stderr.decode("utf-8", "replace").strip()[-200:]
            raise PrintFailed(
                msg("无法把打印内容转换为小票图像：{detail}", detail=detail), transient=False)
        pages = sorted(Path(tmp).glob("page*.png"))
        return [_to_print_width(Image.open(p), width) for p in pages]


def _to_print_width(page: Image.Image, width: int) -> Image.Image:
    grey = page.convert("L")
    if grey.width != width:
        height = max(1, round(grey.height * width / grey.width))
        grey = grey.resize((width, height), Image.Resampling.LANCZOS)
    mono = grey.point(lambda v: 0 if v < THRESHOLD else 255).convert("1", dither=Image.Dither.NONE)
    return _trim_bottom(mono)


def _trim_bottom(image: Image.Image) -> Image.Image:
    inverted = Image.eval(image.convert("L"), lambda v: 255 - v)
    box = inverted.getbbox()
    if box is None:
        return image.crop((0, 0, image.width, 1))
    bottom = min(image.height, box[3] + BOTTOM_MARGIN_ROWS)
    return image.crop((0, 0, image.width, bottom))


# ------------------------------------------------------------------------ encoding


def raster_bands(image: Image.Image, *, band_rows: int = BAND_ROWS) -> Iterator[bytes]:
    """``GS v 0`` commands for ``image`` (1-bit, width a multiple of 8), band by band."""
    mono = image.convert("1")
    if mono.width % 8:
        raise ValueError("raster width must be a multiple of 8 dots")
    row_bytes = mono.width // 8
    # PIL packs mode "1" rows MSB-first with 1 = white; printers want 1 = black.
    packed = bytes(b ^ 0xFF for b in mono.tobytes())
    for top in range(0, mono.height, band_rows):
        rows = min(band_rows, mono.height - top)
        data = packed[top * row_bytes : (top + rows) * row_bytes]
        header = GS_RASTER + bytes(
            (0, row_bytes & 0xFF, row_bytes >> 8, rows & 0xFF, rows >> 8)
        )
        yield header + data


def encode_job(pages: list[Image.Image], *, copies: int = 1) -> bytes:
    """The whole ESC/POS byte stream for ``copies`` copies of ``pages`` (one cut per copy)."""
    out = bytearray(ESC_INIT)
    for _ in range(copies):
        for page in pages:
            for band in raster_bands(page):
                out += band
        out += ESC_FEED + bytes((FEED_LINES,)) + GS_CUT_PARTIAL
    return bytes(out)


# -------------------------------------------------------------------------- status


# (which answer: 0=DLE EOT 1 … 3=DLE EOT 4, bit mask, reason, state, detail for staff),
# most serious first: the first that applies decides the state.
_STATUS_BITS: tuple[tuple[int, int, str, PrinterState, str], ...] = (
    (3, 0x60, "paper-end", PrinterState.PAPER_OUT, ""),
    (1, 0x20, "paper-end", PrinterState.PAPER_OUT, ""),
    (1, 0x04, "cover-open", PrinterState.ERROR, msg("舱盖未关")),
    (2, 0x08, "cutter-error", PrinterState.ERROR, msg("切刀故障")),
    (2, 0x20, "unrecoverable-error", PrinterState.ERROR, msg("打印机报告不可恢复的错误")),
    (2, 0x40, "auto-recoverable-error", PrinterState.ERROR, msg("打印机报告错误（如过热）")),
    (0, 0x08, "offline", PrinterState.OFFLINE, ""),
    (3, 0x0C, "paper-near-end", PrinterState.PAPER_LOW, ""),
)


def status_from_bytes(printer: int, offline: int, error: int, paper: int) -> PrinterStatus:
    """Interpret the answers to ``DLE EOT 1``, ``2``, ``3`` and ``4``."""
    answers = (printer, offline, error, paper)
    hits = [row for row in _STATUS_BITS if answers[row[0]] & row[1]]
    reasons = tuple(dict.fromkeys(row[2] for row in hits))
    if not hits:
        return PrinterStatus.of(PrinterState.READY)
    _, _, _, state, detail = hits[0]
    return PrinterStatus.of(state, detail=detail, reasons=reasons)


class EscPosPrinter:
    """An ESC/POS thermal printer on a transport.

    Args:
        transport: where the bytes go (:class:`SerialTransport`, :class:`DeviceFileTransport`).
        name: the configured name.
        status_timeout: seconds to wait for each ``DLE EOT`` answer.
        rasterise: PDF → 1-bit pages (injectable for tests; defaults to pdftoppm).

    Raises:
        PrinterUnavailable: pdftoppm is missing, or a readable printer does not answer.
    """

    def __init__(
        self,
        transport: Transport,
        *,
        name: str = "receipt",
        status_timeout: float = 1.0,
        rasterise: Callable[[bytes], list[Image.Image]] = rasterise_pdf,
    ) -> None:
        if rasterise is rasterise_pdf and shutil.which("pdftoppm") is None:
            raise PrinterUnavailable(msg("缺少 pdftoppm（请安装 poppler-utils），无法打印小票"))
        self._transport = transport
        self._name = name
        self._timeout = status_timeout
        self._rasterise = rasterise
        if transport.readable and self._query(1) is None:
            raise PrinterUnavailable(msg("小票打印机没有应答，请检查电源、连线和波特率"))

    @classmethod
    def on_serial(
        cls, port: str, *, baudrate: int = 115200, name: str = "receipt"
    ) -> EscPosPrinter:
        """A printer on a serial port (raises :class:`PrinterUnavailable`)."""
        return cls(SerialTransport(port, baudrate=baudrate), name=name)

    @property
    def name(self) -> str:
        return self._name

    def close(self) -> None:
        self._transport.close()

    def status(self) -> PrinterStatus:
        if not self._transport.readable:
            return PrinterStatus.of(PrinterState.READY, reasons=("write-only",))
        answers = [self._query(n) for n in (1, 2, 3, 4)]
        if any(a is None for a in answers):
            return PrinterStatus.of(PrinterState.OFFLINE, detail=msg("打印机没有应答"))
        printer, offline, error, paper = (int(a or 0) for a in answers)
        return status_from_bytes(printer, offline, error, paper)

    def print_pdf(self, pdf: bytes, *, title: str, copies: int = 1) -> None:
        check_job(pdf, title=title, copies=copies)
        before = self.status()
        if not before.can_print:
            raise print_failure(before)
        stream = encode_job(self._rasterise(pdf), copies=copies)
        try:
            self._transport.write(stream)
        except OSError as exc:
            raise PrintFailed(
                msg("发送到小票打印机失败：{error}", error=str(exc)), transient=True) from exc
        after = self.status()
        if after.needs_staff:  # ran out or jammed during this job: it is incomplete
            raise print_failure(after, detail=msg("本次打印未完成"))
        log.info("receipt printed on %s (%d bytes, %d copies)", self._name, len(stream), copies)

    def _query(self, n: int) -> int | None:
        try:
            self._transport.write(DLE_EOT + bytes((n,)))
            answer = self._transport.read(1, self._timeout)
        except OSError:
            return None
        return answer[0] if answer else None
