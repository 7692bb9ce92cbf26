"""Result documents (证照 / 决定书) as the simulated back office issues them.

When the back office finishes a case it makes the result document — a licence, an
approval (准予行政许可决定书) or a certificate — and the platform hands the gateway a PDF.
The kiosk fetches that PDF by its sha256 (``document_sha256`` in the pickup record),
stamps it and prints it for 24-hour self-service pickup.

The gateway may not import ``documents`` (the terminals' paper package), so the page is
laid out here with reportlab directly. The font is found the way the papers find
theirs: a TrueType face that reportlab can embed (Noto CJK has CFF outlines and cannot
be), WenQuanYi Micro Hei first, then AR PL UMing, then the other Debian CJK faces.

The page carries what a real result document carries: the issuing department, the
document number and its GB/T 36904 e-licence identifier, the case number, the
applicant's *masked* name (the full name stays with the platform), the decision date
and a verification line.
"""

from __future__ import annotations

import datetime as _dt
import io
import logging
import shutil
import subprocess
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas

from core.errors import EnvironmentProblem, msg
from core.masking import mask_name

log = logging.getLogger(__name__)

FONT_NAME = "GovtermResultHei"
NO_FONT_MESSAGE = msg("前置机未找到可嵌入的中文字体，无法制作结果文书，请安装 fonts-wqy-microhei")

_FAMILIES: tuple[str, ...] = ("WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "AR PL UMing CN")
_KNOWN_FILES: tuple[Path, ...] = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
)
_PROBE = "准予行政许可决定书证照办件编号申请人发证机关〔〕：（）"

_lock = threading.Lock()
_registered: list[str] = []  # reportlab's registry is process-wide: register once

APPROVAL_TYPES = frozenset({"批文"})
"""Result types whose document is a decision (准予行政许可决定书) rather than a licence."""


def _fc_match(family: str) -> Path | None:
    fc = shutil.which("fc-match")
    if fc is None:
        return None
    try:
        out = subprocess.run(  # noqa: S603 - fixed program, no shell
            [fc, "--format=%{file}", family],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    path = Path(out)
    return path if out and path.suffix.lower() in {".ttf", ".ttc"} and path.exists() else None


def _candidates(configured: Sequence[Path]) -> list[Path]:
    found: list[Path] = list(configured)
    for family in _FAMILIES:
        path = _fc_match(family)
        if path is not None:
            found.append(path)
    found += [p for p in _KNOWN_FILES if p.exists()]
    return list(dict.fromkeys(found))


def register_font(configured: Sequence[Path] = ()) -> str:
    """Register an embeddable CJK face once; returns its reportlab name.

    Raises:
        EnvironmentProblem: no usable TrueType CJK face on this machine.
    """
    with _lock:
        if _registered:
            return _registered[0]
        for path in _candidates(configured):
            try:
                face = TTFont(FONT_NAME, str(path), subfontIndex=0)
            except (TTFError, OSError, ValueError) as exc:
                log.info("result font %s not usable: %s", path.name, exc)
                continue
            widths = face.face.charWidths
            if any(ord(c) not in widths for c in _PROBE):
                log.info("result font %s lacks common hanzi", path.name)
                continue
            pdfmetrics.registerFont(face)
            _registered.append(FONT_NAME)
            log.info("result documents set in %s", path.name)
            return FONT_NAME
    raise EnvironmentProblem(NO_FONT_MESSAGE)


def document_title(result: Mapping[str, object]) -> str:
    """The page's title: the result's own name, or the decision for an approval."""
    name = str(result.get("name") or "").strip()
    if str(result.get("type") or "") in APPROVAL_TYPES and "决定" not in name:
        return "准予行政许可决定书"
    return name or "准予行政许可决定书"


def render_result_document(
    *,
    case_number: str,
    item_name: str,
    applicant_name: str,
    result: Mapping[str, object],
    decided_at: _dt.datetime,
    fonts: Sequence[Path] = (),
) -> bytes:
    """One A4 page: the result document of a finished case, as a PDF.

    Args:
        case_number: the official case number.
        item_name: the service item (政务服务事项) the case was for.
        applicant_name: the applicant's name; only its masked form is printed.
        result: the result record (``name``, ``type``, ``document_id``,
            ``document_number``, ``issuer``, ``issued_on``).
        decided_at: when the back office decided (its date is printed).
        fonts: font files to try before discovery.

    Raises:
        EnvironmentProblem: no embeddable CJK font.
    """
    font = register_font(fonts)
    title = document_title(result)
    issuer = str(result.get("issuer") or "").strip() or "政务服务中心"
    number = str(result.get("document_number") or "")
    identifier = str(result.get("document_id") or "")
    masked = mask_name(applicant_name) or "（申请人）"
    decided = decided_at.date()

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1)
    canvas.setTitle(f"{title} {number}")
    canvas.setAuthor(issuer)
    canvas.setSubject(f"办件编号 {case_number}")
    width, height = A4
    left = 25 * mm

    canvas.setFont(font, 24)
    canvas.drawCentredString(width / 2, height - 45 * mm, title)
    canvas.setFont(font, 12)
    canvas.drawCentredString(width / 2, height - 55 * mm, f"文书编号：{number}")

    y = height - 75 * mm
    lines = _body_lines(
        masked=masked,
        item_name=item_name,
        title=title,
        case_number=case_number,
        decided=decided,
    )
    canvas.setFont(font, 13)
    for line in lines:
        for part in _wrap(line, font, 13, width - 2 * left):
            canvas.drawString(left, y, part)
            y -= 8 * mm
        y -= 2 * mm

    y -= 6 * mm
    canvas.setFont(font, 11)
    for label, value in (
        ("办件编号", case_number),
        ("申请人", masked),
        ("办理事项", item_name),
        ("发证（决定）机关", issuer),
        ("决定日期", f"{decided.year}年{decided.month}月{decided.day}日"),
        ("电子证照标识", identifier),
    ):
        canvas.drawString(left, y, f"{label}：{value}")
        y -= 7 * mm

    canvas.setFont(font, 14)
    canvas.drawRightString(width - left, 70 * mm, issuer)
    canvas.drawRightString(
        width - left, 62 * mm, f"{decided.year}年{decided.month}月{decided.day}日"
    )
    canvas.setFont(font, 9)
    canvas.drawString(
        left, 25 * mm, "本文书由一体化政务服务平台出具，可凭电子证照标识在平台核验真伪。"
    )
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _body_lines(
    *, masked: str, item_name: str, title: str, case_number: str, decided: _dt.date
) -> list[str]:
    when = f"{decided.year}年{decided.month}月{decided.day}日"
    return [
        f"{masked}：",
        f"    你（单位）申请办理的“{item_name}”（办件编号 {case_number}），"
        "经审查，符合法定条件和标准。",
        f"    依据有关法律法规，决定予以办理，于{when}出具本《{title}》。",
        "    如对本决定不服，可以自收到本决定之日起六十日内申请行政复议，"
        "或者在六个月内依法提起行政诉讼。",
    ]


def _wrap(text: str, font: str, size: float, limit: float) -> list[str]:
    """Break ``text`` into lines no wider than ``limit`` points (CJK breaks anywhere)."""
    lines: list[str] = []
    current = ""
    for char in text:
        if current and pdfmetrics.stringWidth(current + char, font, size) > limit:
            lines.append(current)
            current = char
        else:
            current += char
    if current.strip():
        lines.append(current)
    return lines
