"""ESC/POS raster printing: a Chinese receipt goes out as bands and comes back whole.

The status tests talk to a printer simulator over a real pseudo-terminal pair.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from pyzbar import pyzbar
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from core.errors import PrintFailed
from devices.printers.base import PrinterState, PrinterUnavailable
from devices.printers.escpos import (
    BAND_ROWS,
    WIDTH_DOTS,
    DeviceFileTransport,
    EscPosPrinter,
    SerialTransport,
    encode_job,
    rasterise_pdf,
    status_from_bytes,
)
from documents.fonts import FontSet
from tests.helpers.gateway import wait_until
from tests.helpers.printer import (
    ESCPOS_COVER_OPEN,
    ESCPOS_PAPER_END,
    ESCPOS_PAPER_NEAR_END,
    EscPosDecoder,
    EscPosSimulator,
)

SHOTS = Path(__file__).resolve().parents[2] / "screenshots" / "out"


@pytest.fixture(scope="module")
def receipt_pdf() -> bytes:
    # The papers' own Chinese face, as documents registers it: registering the same
    # file again under another name would make reportlab hand that plain font to the
    # papers made later in this process (it keeps one font per face name).
    font = FontSet().hei
    out = io.BytesIO()
    width, height = 80 * mm, 150 * mm
    page = canvas.Canvas(out, pagesize=(width, height))
    page.setFont(font, 15)
    page.drawCentredString(width / 2, height - 14 * mm, "威海市环翠区政务服务中心")
    page.setFont(font, 20)
    page.drawCentredString(width / 2, height - 26 * mm, "受理凭证")
    page.setFont(font, 11)
    lines = ["办件编号：T03-20260302-0007", "申请人：张*", "事项：个体工商户设立登记",
             "承诺时限：3个工作日", "验证码：7K4Q-9M2X"]
    for i, line in enumerate(lines):
        page.drawString(6 * mm, height - (40 + 8 * i) * mm, line)
    qr = QrCodeWidget("https://zwfw.example/verify/7K4Q9M2X")
    drawing = Drawing(30 * mm, 30 * mm)
    drawing.add(qr)
    renderPDF.draw(drawing, page, width / 2 - 15 * mm, 20 * mm)
    page.save()
    return out.getvalue()


@pytest.fixture
def simulator() -> Iterator[EscPosSimulator]:
    sim = EscPosSimulator()
    yield sim
    sim.close()


def same(a: Image.Image, b: Image.Image) -> bool:
    diff = ImageChops.difference(a.convert("L"), b.convert("L"))
    return a.size == b.size and diff.getbbox() is None


def test_rasterised_receipt_is_576_dots_and_shows_the_chinese_text(receipt_pdf: bytes) -> None:
    [page] = rasterise_pdf(receipt_pdf)
    assert page.mode == "1"
    assert page.width == WIDTH_DOTS
    assert page.height > BAND_ROWS  # needs several bands
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.save(SHOTS / "escpos_receipt.png")
    # The title row (受理凭证, 20 pt at ~26 mm) is ink, not empty paper:
    title = page.crop((0, 135, WIDTH_DOTS, 200)).convert("L")
    assert 1500 < title.histogram()[0] < 20000
    # and the 1-bit QR code still scans, so the verification code survives the printer.
    [code] = pyzbar.decode(page.convert("L"))
    assert code.data == b"https://zwfw.example/verify/7K4Q9M2X"


def test_encoded_stream_decodes_back_to_the_same_image(receipt_pdf: bytes) -> None:
    pages = rasterise_pdf(receipt_pdf)
    stream = encode_job(pages, copies=2)
    decoder = EscPosDecoder()
    assert decoder.feed(stream) == []
    assert decoder.inits == 1
    assert len(decoder.cuts) == 2
    assert all(same(cut, pages[0]) for cut in decoder.cuts)


def test_prints_over_a_serial_pty_and_queries_status(
    receipt_pdf: bytes, simulator: EscPosSimulator
) -> None:
    printer = EscPosPrinter(SerialTransport(simulator.path), name="receipt", status_timeout=2.0)
    try:
        assert printer.status().state is PrinterState.READY
        printer.print_pdf(receipt_pdf, title="受理凭证", copies=1)
        wait_until(lambda: len(simulator.decoder.cuts) == 1)
    finally:
        printer.close()
    assert same(simulator.decoder.cuts[0], rasterise_pdf(receipt_pdf)[0])
    assert set(simulator.decoder.queries) == {1, 2, 3, 4}


@pytest.mark.parametrize(
    ("answers", "state", "reason"),
    [
        (ESCPOS_PAPER_NEAR_END, PrinterState.PAPER_LOW, "paper-near-end"),
        (ESCPOS_PAPER_END, PrinterState.PAPER_OUT, "paper-end"),
        (ESCPOS_COVER_OPEN, PrinterState.ERROR, "cover-open"),
    ],
)
def test_status_from_real_dle_eot_replies(
    simulator: EscPosSimulator, answers: dict[int, int], state: PrinterState, reason: str
) -> None:
    printer = EscPosPrinter(SerialTransport(simulator.path), status_timeout=2.0)
    try:
        simulator.answers = dict(answers)
        status = printer.status()
    finally:
        printer.close()
    assert status.state is state
    assert reason in status.reasons
    assert status.staff_message


def test_paper_out_refuses_and_paper_ending_mid_job_fails_for_staff(
    receipt_pdf: bytes, simulator: EscPosSimulator
) -> None:
    printer = EscPosPrinter(SerialTransport(simulator.path), status_timeout=2.0)
    try:
        simulator.answers = dict(ESCPOS_PAPER_END)
        with pytest.raises(PrintFailed, match="缺纸") as refused:
            printer.print_pdf(receipt_pdf, title="t")
        assert not refused.value.transient
        assert simulator.decoder.raster_bytes == 0

        simulator.answers = dict(ESCPOS_PAPER_NEAR_END)
        simulator.run_out_after(raster_bytes=1)
        with pytest.raises(PrintFailed, match="本次打印未完成") as cut_short:
            printer.print_pdf(receipt_pdf, title="t")
        assert not cut_short.value.transient
    finally:
        printer.close()


def test_a_silent_printer_is_unavailable_at_construction(simulator: EscPosSimulator) -> None:
    simulator.silent = True
    transport = SerialTransport(simulator.path)
    try:
        with pytest.raises(PrinterUnavailable, match="没有应答"):
            EscPosPrinter(transport, status_timeout=0.2)
    finally:
        transport.close()


def test_missing_port_is_unavailable() -> None:
    with pytest.raises(PrinterUnavailable, match="串口"):
        EscPosPrinter.on_serial("/dev/does-not-exist")


def test_device_file_transport_writes_the_stream(receipt_pdf: bytes, tmp_path: Path) -> None:
    device = tmp_path / "lp0"
    printer = EscPosPrinter(DeviceFileTransport(device))
    assert printer.status().state is PrinterState.READY  # write-only: cannot know more
    printer.print_pdf(receipt_pdf, title="t", copies=1)
    decoder = EscPosDecoder()
    decoder.feed(device.read_bytes())
    assert len(decoder.cuts) == 1


def test_status_bits() -> None:
    assert status_from_bytes(0x16, 0x12, 0x12, 0x12).state is PrinterState.READY
    assert status_from_bytes(0x1E, 0x12, 0x12, 0x12).state is PrinterState.OFFLINE
    cutter = status_from_bytes(0x16, 0x12, 0x1A, 0x12)
    assert cutter.state is PrinterState.ERROR
    assert "切刀" in cutter.staff_message
