"""The Qt print backend: pages rasterised by QtPdf, painted on a QPrinter.

Printed through Qt's CUPS support into a real private CUPS server (libcups reads
``CUPS_SERVER``), and into a PDF file with Qt's own engine; the output is read back:
page count, page size, and the paper's QR code decoded from the printed page.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import io
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from core.errors import PrintFailed
from devices.printers.base import Printer, PrinterState, PrinterUnavailable
from devices.printers.qt import QtPrinter, available_printers
from documents.fonts import FontSet
from documents.maker import PaperMaker, RenderedPaper
from documents.verification import VerificationKey
from sync.print_queue import JobState, PrintQueue
from sync.store import open_store
from tests.documents import samples
from tests.documents.pdfcheck import qr_codes, render_png
from tests.helpers.clock import FakeClock
from tests.helpers.cups import PrivateCups, private_cups, wait_for

MM = 72 / 25.4


@pytest.fixture(scope="module")
def maker() -> PaperMaker:
    key = VerificationKey("k1", b"qt-print-test-secret-0123456789")
    return PaperMaker(fonts=FontSet(), key=key)


@pytest.fixture(scope="module")
def a4_paper(maker: PaperMaker) -> RenderedPaper:
    return maker.correction(samples.correction())


@pytest.fixture(scope="module")
def receipt_paper(maker: PaperMaker) -> RenderedPaper:
    return maker.ticket(samples.ticket())


def _use_cups_server(server: str | None) -> None:
    """Point libcups (which Qt's print plugin uses) at ``server``.

    libcups remembers the server per thread after its first use; ``cupsSetServer(NULL)``
    makes it read ``CUPS_SERVER`` again, so tests that ran earlier cannot pin it.
    """
    if server is None:
        os.environ.pop("CUPS_SERVER", None)
    else:
        os.environ["CUPS_SERVER"] = server
    name = ctypes.util.find_library("cups")
    if name is not None:
        ctypes.CDLL(name).cupsSetServer(None)


@pytest.fixture(scope="module")
def cups() -> Iterator[PrivateCups]:
    previous = os.environ.get("CUPS_SERVER")
    with private_cups() as server:
        _use_cups_server(server.server)
        try:
            yield server
        finally:
            _use_cups_server(previous)


@pytest.fixture
def queue(cups: PrivateCups, request: pytest.FixtureRequest) -> str:
    name = "qt_" + request.node.name[-40:].replace("[", "_").replace("]", "")
    cups.add_queue(name)
    return name


def _printed(cups: PrivateCups, queue: str) -> bytes:
    """The file the queue's device wrote, once CUPS has finished the job."""
    out = cups.out / f"{queue}.pdf"
    wait_for(
        lambda: out.exists() and out.stat().st_size > 0 and not cups.jobs(queue),
        30,
        f"CUPS to finish the job on {queue}",
    )
    data = out.read_bytes()
    # The Generic PDF driver puts a PJL header before the PDF.
    return data[data.index(b"%PDF-") :]


def _pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


# --------------------------------------------------------------------- real CUPS


@pytest.mark.cups
def test_qt_sees_the_cups_queue_and_prints_a_paper_whose_qr_reads_back(
    qapp: object, cups: PrivateCups, queue: str, a4_paper: RenderedPaper
) -> None:
    assert queue in available_printers()
    printer = QtPrinter(queue, name="a4")
    assert isinstance(printer, Printer)
    assert printer.name == "a4"
    assert printer.status().state is PrinterState.READY
    printer.print_pdf(a4_paper.pdf, title="一次性告知书", copies=1)
    printed = _printed(cups, queue)
    assert _pages(printed) == _pages(a4_paper.pdf)
    page = render_png(printed, dpi=150)
    assert a4_paper.qr_payload in qr_codes(page)


@pytest.mark.cups
def test_copies_are_honoured_through_cups(
    qapp: object, cups: PrivateCups, queue: str, a4_paper: RenderedPaper
) -> None:
    QtPrinter(queue).print_pdf(a4_paper.pdf, title="一次性告知书", copies=3)
    assert _pages(_printed(cups, queue)) == 3 * _pages(a4_paper.pdf)


@pytest.mark.cups
def test_unknown_printer_is_unavailable_at_construction(qapp: object, cups: PrivateCups) -> None:
    with pytest.raises(PrinterUnavailable, match="no_such_printer"):
        QtPrinter("no_such_printer")


@pytest.mark.cups
def test_stopped_queue_is_offline_refuses_and_recovers(
    qapp: object, cups: PrivateCups, queue: str, a4_paper: RenderedPaper
) -> None:
    printer = QtPrinter(queue)
    cups.pause(queue, "维护中")
    status = printer.status()
    assert status.state is PrinterState.OFFLINE
    assert status.citizen_message
    with pytest.raises(PrintFailed) as failed:
        printer.print_pdf(a4_paper.pdf, title="t")
    assert failed.value.transient
    assert cups.jobs(queue) == []
    cups.resume(queue)
    assert printer.status().state is PrinterState.READY


@pytest.mark.cups
def test_durable_queue_prints_through_qt_from_its_worker_thread(
    qapp: object, cups: PrivateCups, queue: str, receipt_paper: RenderedPaper, tmp_path: Path
) -> None:
    printer = QtPrinter(queue, name="receipt")
    with open_store(tmp_path / "data") as store:
        jobs = PrintQueue(store, printers={"receipt": printer}, clock=FakeClock())
        job_id = jobs.submit(
            receipt_paper.pdf, paper="ticket", title="取号小票 A012", printer="receipt"
        )
        jobs.start(poll_seconds=0.05)
        try:
            wait_for(lambda: jobs.get(job_id).state is JobState.DONE, 30, "the job to print")
        finally:
            jobs.stop()
    assert _pages(_printed(cups, queue)) == _pages(receipt_paper.pdf)


# ------------------------------------------------------------- PDF file output


def test_pdf_file_output_keeps_page_size_and_qr(
    qapp: object, tmp_path: Path, receipt_paper: RenderedPaper
) -> None:
    target = tmp_path / "out.pdf"
    printer = QtPrinter(output_file=target, dpi=203)
    assert printer.status().state is PrinterState.READY
    printer.print_pdf(receipt_paper.pdf, title="取号小票", copies=2)
    printed = target.read_bytes()
    source_pages = PdfReader(io.BytesIO(receipt_paper.pdf)).pages
    out_pages = PdfReader(io.BytesIO(printed)).pages
    assert len(out_pages) == 2 * len(source_pages)  # painted twice: a file makes no copies
    width = float(out_pages[0].mediabox.width)
    assert width == pytest.approx(float(source_pages[0].mediabox.width), abs=1.0)
    assert width == pytest.approx(80 * MM, abs=1.0)
    assert receipt_paper.qr_payload in qr_codes(render_png(printed, dpi=203))


def test_printing_from_a_worker_thread_paints_every_page(
    qapp: object, qtbot: QtBot, tmp_path: Path, maker: PaperMaker
) -> None:
    paper = maker.handover(samples.handover(cases=40))  # several A4 pages
    assert _pages(paper.pdf) > 1
    target = tmp_path / "handover.pdf"
    printer = QtPrinter(output_file=target, dpi=150)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            printer.print_pdf(paper.pdf, title="材料移交清单")
        except BaseException as exc:  # handed to the test thread
            errors.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    qtbot.waitUntil(lambda: not worker.is_alive(), timeout=60_000)
    assert errors == []
    printed = target.read_bytes()
    assert _pages(printed) == _pages(paper.pdf)
    last = render_png(printed, page=_pages(printed), dpi=60)
    assert last.getextrema()[0] < 100  # the last page has ink on it, not a blank sheet


def test_output_folder_missing_is_offline(qapp: object, tmp_path: Path) -> None:
    printer = QtPrinter(output_file=tmp_path / "gone" / "out.pdf")
    assert printer.status().state is PrinterState.OFFLINE
    with pytest.raises(PrintFailed):
        printer.print_pdf(b"%PDF-1.4\n", title="t")


def test_jobs_no_backend_should_get_are_refused(qapp: object, tmp_path: Path) -> None:
    printer = QtPrinter(output_file=tmp_path / "out.pdf")
    with pytest.raises(ValueError, match="not a PDF"):
        printer.print_pdf(b"hello", title="t")
    with pytest.raises(ValueError, match="copies"):
        printer.print_pdf(b"%PDF-1.4\n", title="t", copies=0)
    with pytest.raises(PrinterUnavailable, match="dpi"):
        QtPrinter(output_file=tmp_path / "x.pdf", dpi=5000)
    assert not (tmp_path / "out.pdf").exists()
