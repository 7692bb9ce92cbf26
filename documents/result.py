"""Result documents synced from the platform: checked, then stamped for printing.

A result (证照/批文) arrives as PDF bytes. Before it reaches a printer it must be a real,
readable PDF; then every page gets a line at its foot saying where and when it was
printed, with a verification code tied to the document's SHA-256 (so a stamp copied
onto another document does not verify). The platform's content is never altered
otherwise.
"""

from __future__ import annotations

import hashlib
import io
import logging

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PdfReadError, PyPdfError
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from core.errors import UserFacingError, msg
from documents.layout import GREY, Typesetter, draw_text
from documents.papers import PaperKind, ResultStamp, format_time
from documents.verification import VerificationKey, qr_payload, verification_code

log = logging.getLogger(__name__)

INVALID_RESULT_MESSAGE = msg("结果文书文件已损坏或格式不正确，无法打印，请到出件窗口咨询")


def result_digest(pdf_bytes: bytes) -> str:
    """SHA-256 of the document as synced (hex), part of the stamp's key fields."""
    return hashlib.sha256(pdf_bytes).hexdigest()


def read_result_pdf(pdf_bytes: bytes) -> PdfReader:
    """Open a synced result document, or say clearly why it cannot be printed.

    Raises:
        UserFacingError: (code ``paper.result_invalid``) not a PDF, damaged, encrypted
            with a password, or without pages.
    """
    if not pdf_bytes.lstrip()[:5] == b"%PDF-":
        raise UserFacingError(INVALID_RESULT_MESSAGE, code="paper.result_invalid")
    try:
        reader = PdfReader(io.BytesIO(pdf_bytes), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise UserFacingError(INVALID_RESULT_MESSAGE, code="paper.result_invalid")
        pages = len(reader.pages)
        for page in reader.pages:
            _ = page.mediabox  # a page without a usable box cannot be stamped
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
        # pypdf reports damage through many exception types; none of them is our bug
        log.warning("result document unreadable: %s", type(exc).__name__)
        raise UserFacingError(INVALID_RESULT_MESSAGE, code="paper.result_invalid") from exc
    if pages == 0:
        raise UserFacingError(INVALID_RESULT_MESSAGE, code="paper.result_invalid")
    return reader


def stamp_result(
    pdf_bytes: bytes,
    *,
    stamp: ResultStamp,
    key: VerificationKey,
    typesetter: Typesetter,
    verify_url: str = "",
) -> tuple[bytes, str, str]:
    """The result document with a stamp line on every page.

    Returns:
        (stamped PDF, verification code, QR payload).
    """
    reader = read_result_pdf(pdf_bytes)
    code = verification_code(
        key, PaperKind.RESULT.value, stamp.key_fields(digest=result_digest(pdf_bytes))
    )
    payload = qr_payload(PaperKind.RESULT.value, stamp.case_number, code, url=verify_url)
    writer = PdfWriter(clone_from=reader)
    total = len(writer.pages)
    for n, page in enumerate(writer.pages, start=1):
        # Draw in the page's own (unrotated) user space, at the foot of the visible box.
        box = page.cropbox
        width, height = float(box.width), float(box.height)
        overlay = io.BytesIO()
        canvas = Canvas(overlay, pagesize=(width, height), invariant=True)
        canvas.translate(float(box.left), float(box.bottom))
        rotation = page.rotation % 360
        if rotation:
            # keep the stamp at the reader's foot of a rotated page
            canvas.translate(width / 2, height / 2)
            canvas.rotate(rotation)
            if rotation in (90, 270):
                width, height = height, width
            canvas.translate(-width / 2, -height / 2)
        text = (
            f"{stamp.issuer.hall_name}（{stamp.issuer.hall_id}）· 终端 {stamp.issuer.terminal_id}"
            f" · 打印 {format_time(stamp.printed_at)} · 编号 {stamp.case_number}"
            f" · 校验码 {code} · 第 {n}/{total} 页"
        )
        size = 6.5 if width < 400 else 7.5
        canvas.setFillColor(GREY)
        draw_text(
            typesetter,
            canvas,
            width / 2,
            4 * mm,
            text,
            font=typesetter.fonts.hei,
            size=size,
            align="center",
            color=GREY,
        )
        canvas.showPage()
        canvas.save()
        page.merge_page(PdfReader(io.BytesIO(overlay.getvalue())).pages[0])
    writer.add_metadata({"/Creator": "govterm", "/Title": stamp.result_name})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), code, payload
