"""The CUPS printer against a real, private CUPS server the tests start."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from pypdf import PdfReader
from reportlab.pdfgen import canvas

from core.errors import PrintFailed
from devices.printers import ipp
from devices.printers.base import Printer, PrinterState, PrinterStatus, PrinterUnavailable
from devices.printers.cups import CupsPrinter, classify, parse_server
from tests.helpers.cups import PrivateCups, private_cups

pytestmark = pytest.mark.cups


def a_pdf(pages: int = 1) -> bytes:
    out = io.BytesIO()
    doc = canvas.Canvas(out)
    for n in range(pages):
        doc.drawString(72, 720, f"page {n + 1}")
        doc.showPage()
    doc.save()
    return out.getvalue()


@pytest.fixture(scope="module")
def cups() -> Iterator[PrivateCups]:
    with private_cups() as server:
        yield server


@pytest.fixture
def queue(cups: PrivateCups, request: pytest.FixtureRequest) -> str:
    name = "gov_" + request.node.name.replace("[", "_").replace("]", "")[-40:]
    cups.add_queue(name)
    return name


def test_prints_a_pdf_into_the_queue_device(cups: PrivateCups, queue: str) -> None:
    printer = CupsPrinter(queue, name="a4", server=cups.server)
    assert isinstance(printer, Printer)
    assert printer.status().state is PrinterState.READY
    printer.print_pdf(a_pdf(pages=2), title="受理凭证 T03-20260302-0001", copies=1)
    out = cups.out / f"{queue}.pdf"
    assert out.exists()
    assert len(PdfReader(out).pages) == 2
    assert cups.jobs(queue) == []  # nothing left behind in CUPS


def test_unknown_queue_and_dead_server_are_unavailable_at_construction(cups: PrivateCups) -> None:
    with pytest.raises(PrinterUnavailable, match="没有名为"):
        CupsPrinter("no_such_queue", server=cups.server)
    with pytest.raises(PrinterUnavailable, match="无法连接打印服务"):
        CupsPrinter("x", server="127.0.0.1:1")


def test_paused_queue_is_offline_and_refuses_without_submitting(
    cups: PrivateCups, queue: str
) -> None:
    printer = CupsPrinter(queue, server=cups.server)
    cups.pause(queue, "维护中")
    status = printer.status()
    assert status.state is PrinterState.OFFLINE
    assert "维护中" in status.staff_message
    assert status.citizen_message
    with pytest.raises(PrintFailed) as failed:
        printer.print_pdf(a_pdf(), title="t")
    assert failed.value.transient
    assert cups.jobs(queue) == []
    cups.resume(queue)
    assert printer.status().state is PrinterState.READY


def test_rejecting_queue_is_offline(cups: PrivateCups, queue: str) -> None:
    printer = CupsPrinter(queue, server=cups.server)
    cups.reject(queue)
    assert printer.status().state is PrinterState.OFFLINE
    cups.accept(queue)
    assert printer.status().can_print


def test_media_empty_reason_is_paper_out_and_needs_staff(cups: PrivateCups, queue: str) -> None:
    printer = CupsPrinter(queue, server=cups.server)
    cups.set_reasons(queue, "media-empty-error")
    status = printer.status()
    assert status.state is PrinterState.PAPER_OUT
    assert "media-empty-error" in status.reasons
    with pytest.raises(PrintFailed) as failed:
        printer.print_pdf(a_pdf(), title="t")
    assert not failed.value.transient
    assert "缺纸" in failed.value.reason
    cups.set_reasons(queue)
    assert printer.status().state is PrinterState.READY


def test_media_low_still_prints(cups: PrivateCups, queue: str) -> None:
    printer = CupsPrinter(queue, server=cups.server)
    cups.set_reasons(queue, "media-low-warning")
    assert printer.status().state is PrinterState.PAPER_LOW
    printer.print_pdf(a_pdf(), title="t")
    assert (cups.out / f"{queue}.pdf").exists()


class PausedRightAfterTheCheck(CupsPrinter):
    """The race: the printer looked fine, then staff paused it before the job ran."""

    checked = False

    def status(self) -> PrinterStatus:
        if not self.checked:
            self.checked = True
            return PrinterStatus.of(PrinterState.READY)
        return super().status()


def test_a_job_held_by_a_stopped_queue_is_called_back(cups: PrivateCups, queue: str) -> None:
    # The job must be cancelled in CUPS, not left to come out later on its own next
    # to the print queue's retry.
    printer = PausedRightAfterTheCheck(queue, server=cups.server)
    cups.pause(queue, "卡纸")
    with pytest.raises(PrintFailed) as failed:
        printer.print_pdf(a_pdf(), title="t")
    assert failed.value.transient
    assert "卡纸" in failed.value.reason
    assert cups.jobs(queue) == []
    assert not (cups.out / f"{queue}.pdf").exists()  # nothing came out
    cups.resume(queue)


def test_classify_precedence() -> None:
    stopped = ipp.PrinterStateValue.STOPPED
    idle = ipp.PrinterStateValue.IDLE
    assert classify(state=idle, reasons=["media-jam-error"], accepting=True).state is (
        PrinterState.ERROR
    )
    assert classify(state=idle, reasons=["toner-low-warning"], accepting=True).state is (
        PrinterState.READY
    )
    assert classify(
        state=stopped, reasons=["media-empty-error", "paused"], accepting=True
    ).state is PrinterState.PAPER_OUT
    assert classify(state=stopped, reasons=["none"], accepting=True).state is (
        PrinterState.OFFLINE
    )
    assert parse_server("printhost") == ("printhost", 631)
    assert parse_server("127.0.0.1:6310") == ("127.0.0.1", 6310)
