"""Printing through Qt's print system: any printer ``QPrinterInfo`` lists.

On Linux Qt's print support talks to CUPS through libcups (so ``CUPS_SERVER`` and
``/etc/cups/client.conf`` choose the server); on Windows it uses the spooler. This is
the backend for a hall whose printers are set up in the operating system and for
Windows terminals, where there is no CUPS to speak IPP to.

Qt cannot send a PDF to a printer as such, so every page is rasterised with QtPdf
(:class:`PySide6.QtPdf.QPdfDocument`, the PDFium renderer) at the printer's resolution
— capped at :data:`MAX_DPI` so an A4 page stays a few tens of megabytes — and painted
onto the ``QPrinter`` page of the same size with ``QPainter``. What comes out is what
the PDF shows, fonts and QR code included.

Copies: when the print system can make copies itself (CUPS can), the page images are
sent once with the copy count; otherwise each copy is painted, collated.

Status comes from ``QPrinterInfo.state()``: Idle and Active are READY, Aborted is
ERROR, Error (what a stopped CUPS queue shows as) and a printer that has disappeared
are OFFLINE. Qt says nothing finer (paper out, paused with a reason): use the CUPS
backend where staff need that.

A ``QPrinter`` and ``QPainter`` on it may be used from a worker thread (Qt documents
painting on ``QPrinter`` outside the GUI thread as supported), so
:class:`sync.print_queue.PrintQueue` can call :meth:`QtPrinter.print_pdf` from its
thread; a ``QGuiApplication`` must exist, as for everything Qt paints.
"""

from __future__ import annotations

import contextlib
import logging
import tempfile
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRect, QSize, QSizeF
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from core.errors import PrintFailed, msg
from devices.printers.base import (
    PrinterState,
    PrinterStatus,
    PrinterUnavailable,
    check_job,
    print_failure,
)

log = logging.getLogger(__name__)

MAX_DPI = 300
MIN_DPI = 72
POINTS_PER_INCH = 72.0

_STATES: dict[QPrinter.PrinterState, PrinterState] = {
    QPrinter.PrinterState.Idle: PrinterState.READY,
    QPrinter.PrinterState.Active: PrinterState.READY,
    QPrinter.PrinterState.Aborted: PrinterState.ERROR,
    # CUPS reports a stopped (paused, or its backend gave up) queue as Error.
    QPrinter.PrinterState.Error: PrinterState.OFFLINE,
}


def available_printers() -> list[str]:
    """Names of the printers Qt sees (needs a ``QGuiApplication``)."""
    return list(QPrinterInfo.availablePrinterNames())


def _need_gui() -> None:
    if QGuiApplication.instance() is None:
        raise PrinterUnavailable(
            msg("Qt 打印需要图形界面程序已启动（QGuiApplication），请联系运维"))


class QtPrinter:
    """One printer Qt knows, by its system name.

    Args:
        printer_name: the system's name for it (``lpstat -p``, Windows' printer list);
            empty means the system default printer.
        name: the configured name; defaults to ``printer_name``.
        dpi: rasterising resolution; the printer's own (≤ :data:`MAX_DPI`) when omitted.
        output_file: paint into this PDF file instead of the printer (Qt's own PDF
            engine; archiving, and checking the rasterisation without paper).

    Raises:
        PrinterUnavailable: there is no ``QGuiApplication``, no such printer, or no
            default printer.
    """

    def __init__(
        self,
        printer_name: str = "",
        *,
        name: str | None = None,
        dpi: int | None = None,
        output_file: Path | None = None,
    ) -> None:
        _need_gui()
        if dpi is not None and not MIN_DPI <= dpi <= MAX_DPI:
            raise PrinterUnavailable(msg(
                "Qt 打印分辨率应为 {low} 至 {high} dpi，配置为 {dpi}",
                low=MIN_DPI, high=MAX_DPI, dpi=dpi,
            ))
        if output_file is None:
            info = self._lookup(printer_name)
            if info is None:
                known = "、".join(available_printers()) or "-"
                raise PrinterUnavailable(
                    msg("系统中没有名为“{printer}”的打印机（现有：{known}），"
                        "请在系统打印设置中添加或修改配置", printer=printer_name, known=known)
                    if printer_name else
                    msg("系统中没有默认打印机（现有：{known}），请在系统打印设置中添加或修改配置",
                        known=known)
                )
            printer_name = info.printerName()
        self._printer_name = printer_name
        self._name = name or printer_name or "qt"
        self._dpi = dpi
        self._output = output_file

    @staticmethod
    def _lookup(printer_name: str) -> QPrinterInfo | None:
        info = (
            QPrinterInfo.printerInfo(printer_name)
            if printer_name
            else QPrinterInfo.defaultPrinter()
        )
        return None if info.isNull() else info

    @property
    def name(self) -> str:
        return self._name

    @property
    def printer_name(self) -> str:
        """The system's name of the printer (empty when painting into a file)."""
        return self._printer_name

    # ----------------------------------------------------------------- protocol

    def status(self) -> PrinterStatus:
        if self._output is not None:
            folder = self._output.parent
            if not folder.is_dir():
                return PrinterStatus.of(
                    PrinterState.OFFLINE, detail=msg("目录 {folder} 不存在", folder=str(folder)))
            return PrinterStatus.of(PrinterState.READY, reasons=("pdf-file",))
        info = self._lookup(self._printer_name)
        if info is None:
            return PrinterStatus.of(
                PrinterState.OFFLINE,
                detail=msg("系统中已找不到打印机“{printer}”", printer=self._printer_name),
            )
        qt_state = info.state()
        state = _STATES.get(qt_state, PrinterState.ERROR)
        return PrinterStatus.of(state, reasons=(f"qt:{qt_state.name}",))

    def print_pdf(self, pdf: bytes, *, title: str, copies: int = 1) -> None:
        check_job(pdf, title=title, copies=copies)
        before = self.status()
        if not before.can_print:
            raise print_failure(before)
        with tempfile.TemporaryDirectory(prefix="govterm-qtprint-") as tmp:
            source = Path(tmp) / "job.pdf"
            source.write_bytes(pdf)
            document = QPdfDocument()
            try:
                error = document.load(str(source))
                if error != QPdfDocument.Error.None_ or document.pageCount() < 1:
                    raise ValueError(f"print job PDF does not load in QtPdf: {error.name}")
                self._paint(document, title=title, copies=copies)
            finally:
                document.close()
        log.info("printed on Qt printer %s: %d copies", self._name, copies)

    # ---------------------------------------------------------------- internals

    def _new_printer(self, title: str) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self._output is not None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(self._output))
        else:
            printer.setPrinterName(self._printer_name)
        printer.setDocName(title[:200])
        printer.setFullPage(True)  # our papers carry their own margins
        dpi = self._dpi or min(MAX_DPI, max(MIN_DPI, printer.resolution()))
        printer.setResolution(dpi)
        return printer

    def _paint(self, document: QPdfDocument, *, title: str, copies: int) -> None:
        printer = self._new_printer(title)
        device_copies = self._output is None and printer.supportsMultipleCopies()
        printer.setCopyCount(copies if device_copies else 1)
        printer.setCollateCopies(True)
        passes = 1 if device_copies else copies
        pages = document.pageCount()
        painter = QPainter()
        started = False
        try:
            for copy in range(passes):
                for page in range(pages):
                    layout = _page_layout(document.pagePointSize(page))
                    if not started:
                        printer.setPageLayout(layout)
                        if not painter.begin(printer):
                            raise PrintFailed(msg(
                                "无法开始打印（打印机“{printer}”拒绝了任务）", printer=self._name
                            ), transient=True)
                        started = True
                    else:
                        printer.setPageLayout(layout)
                        if not printer.newPage():
                            raise PrintFailed(msg("打印中途出错（无法换页）"), transient=True)
                    _draw_page(painter, printer, document, page)
                log.debug("Qt printer %s: copy %d of %d painted", self._name, copy + 1, passes)
        finally:
            if started and not painter.end():
                raise PrintFailed(
                    msg("打印任务未能交给打印机“{printer}”", printer=self._name), transient=True)
        if printer.printerState() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
            raise print_failure(self.status(), detail=msg("打印系统报告任务出错"))


def _page_layout(points: QSizeF) -> QPageLayout:
    size = QPageSize(points, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = (
        QPageLayout.Orientation.Landscape
        if points.width() > points.height()
        else QPageLayout.Orientation.Portrait
    )
    if orientation is QPageLayout.Orientation.Landscape:
        size = QPageSize(
            QSizeF(points.height(), points.width()),
            QPageSize.Unit.Point,
            "",
            QPageSize.SizeMatchPolicy.FuzzyMatch,
        )
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0))


def _draw_page(painter: QPainter, printer: QPrinter, document: QPdfDocument, page: int) -> None:
    target = printer.pageLayout().fullRectPixels(printer.resolution())
    pixels = _render_size(document.pagePointSize(page), printer.resolution())
    image = _render(document, page, pixels)
    painter.drawImage(QRect(0, 0, target.width(), target.height()), image)


def _render_size(points: QSizeF, dpi: int) -> QSize:
    scale = dpi / POINTS_PER_INCH
    return QSize(max(1, round(points.width() * scale)), max(1, round(points.height() * scale)))


def _render(document: QPdfDocument, page: int, pixels: QSize) -> QImage:
    image = document.render(page, pixels)
    if image.isNull():
        raise PrintFailed(msg("第 {page} 页无法渲染", page=page + 1), transient=False)
    if image.hasAlphaChannel():
        # PDFium leaves unpainted paper transparent; printers want white.
        flat = QImage(image.size(), QImage.Format.Format_RGB32)
        flat.fill(0xFFFFFF)
        with _painting(flat) as p:
            p.drawImage(0, 0, image)
        return flat
    return image


@contextlib.contextmanager
def _painting(image: QImage) -> Iterator[QPainter]:
    """A painter on ``image`` that is always ended."""
    painter = QPainter(image)
    try:
        yield painter
    finally:
        painter.end()
