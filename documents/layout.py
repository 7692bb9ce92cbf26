"""Typesetting shared by every paper: styles, CJK text runs, QR codes, page frames.

Two page kinds:

- **A4** (210 × 297 mm, 20 mm side margins): reportlab platypus flows the story over as
  many pages as it needs; every page gets a footer line (hall, terminal, time,
  verification code) and "第 n 页 共 N 页".
- **80 mm receipt** for a thermal roll with a 72 mm printable width: one page whose
  height is whatever the content needs.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from xml.sax.saxutils import escape

import qrcode
import qrcode.constants
from reportlab.lib import colors
from reportlab.lib import textsplit as _rl_textsplit
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import paragraph as _rl_paragraph

from documents.fonts import MISSING_MARK, FontSet, TextRun, assign_glyph_codes


class PaperSize(StrEnum):
    """The two paper kinds the hall's printers take."""

    A4 = "a4"
    RECEIPT_80MM = "80mm"


RECEIPT_WIDTH: float = 80 * mm
RECEIPT_PRINTABLE: float = 72 * mm
A4_WIDTH: float = A4[0]
A4_MARGIN_X: float = 20 * mm
A4_MARGIN_TOP = 14 * mm
A4_MARGIN_BOTTOM = 20 * mm
INK = colors.black
GREY = colors.Color(0.35, 0.35, 0.35)


@dataclass(frozen=True, slots=True)
class Footer:
    """What every page says at its foot."""

    hall_name: str
    hall_id: str
    terminal_id: str
    issued: str  # formatted time
    number: str
    code: str


# Chinese line-breaking rule (禁则): these may not begin a line. reportlab's list is
# Japanese-centric and lacks the full-width comma and friends, so a line could start
# with "，". Workaround: extend the module-level list reportlab's CJK splitter reads
# (reportlab.lib.textsplit.wordSplit for one-font paragraphs,
# reportlab.platypus.paragraph.cjkFragSplit for mixed ones); done when a typesetter is made.
_CANNOT_START = "，；：！？”’》〉）〕】』」、。…—·％℃"


def _teach_line_breaking() -> None:
    for module in (_rl_textsplit, _rl_paragraph):
        current: str = module.ALL_CANNOT_START
        extra = "".join(c for c in _CANNOT_START if c not in current)
        if extra:
            module.ALL_CANNOT_START = current + extra


class Typesetter:
    """Turns text into flowables in the paper's faces, noting characters no face has.

    One typesetter serves one paper: ``missing`` collects what had to be replaced by
    :data:`~documents.fonts.MISSING_MARK`, ``glyphs`` the characters set in each face
    (the renderers number them in sorted order, see
    :func:`~documents.fonts.assign_glyph_codes`).
    """

    def __init__(self, fonts: FontSet, size: PaperSize) -> None:
        _teach_line_breaking()
        self.fonts = fonts
        self.size = size
        self.missing: list[str] = []
        self.glyphs: dict[str, set[str]] = {}
        receipt = size is PaperSize.RECEIPT_80MM
        body_face = fonts.hei if receipt else fonts.song
        base = 9.0 if receipt else 11.0
        self.title = ParagraphStyle(
            "title",
            fontName=fonts.hei,
            fontSize=15 if receipt else 20,
            leading=20 if receipt else 28,
            alignment=TA_CENTER,
            wordWrap="CJK",
        )
        self.subtitle = ParagraphStyle(
            "subtitle",
            fontName=fonts.hei,
            fontSize=base + 1,
            leading=(base + 1) * 1.45,
            alignment=TA_CENTER,
            wordWrap="CJK",
        )
        self.heading = ParagraphStyle(
            "heading",
            fontName=fonts.hei,
            fontSize=base + 1,
            leading=(base + 1) * 1.5,
            spaceBefore=4 if receipt else 8,
            spaceAfter=2,
            wordWrap="CJK",
        )
        self.body = ParagraphStyle(
            "body",
            fontName=body_face,
            fontSize=base,
            leading=base * 1.55,
            wordWrap="CJK",
            alignment=TA_LEFT,
        )
        self.indented = ParagraphStyle(
            "indented",
            parent=self.body,
            firstLineIndent=2 * base,
        )
        self.cell = ParagraphStyle(
            "cell",
            fontName=body_face,
            fontSize=base - 1,
            leading=(base - 1) * 1.4,
            wordWrap="CJK",
        )
        self.cell_head = ParagraphStyle(
            "cell_head",
            parent=self.cell,
            fontName=fonts.hei,
            alignment=TA_CENTER,
        )
        self.small = ParagraphStyle(
            "small",
            fontName=fonts.hei,
            fontSize=base - 2,
            leading=(base - 2) * 1.45,
            textColor=GREY,
            wordWrap="CJK",
        )
        self.small_center = ParagraphStyle("small_center", parent=self.small, alignment=TA_CENTER)
        self.right = ParagraphStyle("right", parent=self.body, alignment=TA_RIGHT)
        self.center = ParagraphStyle("center", parent=self.body, alignment=TA_CENTER)

    @property
    def width(self) -> float:
        """The width text may take."""
        if self.size is PaperSize.RECEIPT_80MM:
            return RECEIPT_PRINTABLE
        return A4_WIDTH - 2 * A4_MARGIN_X

    def runs(self, text: str, font: str) -> list[TextRun]:
        """``text`` split into runs of one face each, noting missing characters."""
        runs, missing = self.fonts.runs(text, font)
        self.missing.extend(missing)
        for run in runs:
            self.glyphs.setdefault(run.font, set()).update(run.text)
        return runs

    def markup(self, text: str, font: str) -> str:
        """Paragraph markup for ``text``, switching face where ``font`` lacks a glyph."""
        return _markup_of(self.runs(text, font), font)

    def para(self, text: str, style: ParagraphStyle | None = None) -> Flowable:
        """A paragraph of plain text (not markup) in ``style`` (body by default)."""
        style = style or self.body
        runs = self.runs(text, style.fontName)
        markup = _markup_of(runs, style.fontName)
        if self.size is PaperSize.RECEIPT_80MM and TextLine.can_draw(text):
            return TextLine(runs, markup, style)
        return Paragraph(markup, style)

    def labelled(self, label: str, value: str, style: ParagraphStyle | None = None) -> Flowable:
        """``label：value`` with the label in the heading face."""
        style = style or self.body
        hei = self.fonts.hei
        label_runs = self.runs(label, hei)
        value_runs = self.runs(value, style.fontName)
        markup = f'<font face="{hei}">{_markup_of(label_runs, hei)}：</font>' + _markup_of(
            value_runs, style.fontName
        )
        if self.size is PaperSize.RECEIPT_80MM and TextLine.can_draw(label + "：" + value):
            return TextLine([*label_runs, TextRun(hei, "："), *value_runs], markup, style)
        return Paragraph(markup, style)

    def style(self, commands: Sequence[tuple[Any, ...]]) -> TableStyle:
        """A table style whose cell font is ours (reportlab would pick Helvetica)."""
        return TableStyle([("FONT", (0, 0), (-1, -1), self.fonts.hei, 9), *commands])

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        align_center: Sequence[int] = (),
        spans: Sequence[tuple[int, int, int]] = (),
    ) -> Table:
        """A bordered table whose cells wrap; the header repeats on every page.

        Args:
            header: column titles.
            rows: cell texts.
            widths: column widths as fractions of the text width.
            align_center: indices of columns to centre (numbers, short codes).
            spans: ``(column, first_row, last_row)`` cells merged vertically (data rows
                counted from 0, the header excluded).
        """
        centred = ParagraphStyle("cell_c", parent=self.cell, alignment=TA_CENTER)
        data: list[list[Any]] = [[self.para(h, self.cell_head) for h in header]]
        for row in rows:
            data.append(
                [
                    self.para(v, centred if i in align_center else self.cell)
                    for i, v in enumerate(row)
                ]
            )
        table = Table(data, colWidths=[w * self.width for w in widths], repeatRows=1, hAlign="LEFT")
        pad = 2 if self.size is PaperSize.RECEIPT_80MM else 4
        table.setStyle(
            self.style(
                [
                    ("GRID", (0, 0), (-1, -1), 0.6, INK),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), pad),
                    ("RIGHTPADDING", (0, 0), (-1, -1), pad),
                    ("TOPPADDING", (0, 0), (-1, -1), pad - 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
                    *[("SPAN", (c, a + 1), (c, b + 1)) for c, a, b in spans],
                ]
            )
        )
        return table

    def missing_note(self) -> list[Flowable]:
        """A visible footnote when characters had to be replaced by 〓."""
        if not self.missing:
            return []
        codes = "、".join(f"U+{ord(c):04X}" for c in dict.fromkeys(self.missing))
        return [
            Spacer(1, 2 * mm),
            self.para(
                f"注：“{MISSING_MARK}”处为本机字体无法显示的字（{codes}），以系统登记信息为准。",
                self.small,
            ),
        ]


def _markup_of(runs: Sequence[TextRun], font: str) -> str:
    out: list[str] = []
    for run in runs:
        piece = escape(run.text).replace("\n", "<br/>")
        out.append(piece if run.font == font else f'<font face="{run.font}">{piece}</font>')
    return "".join(out)


class TextLine(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """A paragraph that fits on one line, drawn straight onto the canvas.

    Receipts are mostly one-line ``label：value`` paragraphs; reportlab's Paragraph
    parses markup and splits CJK text into one fragment per character to wrap it,
    most of a receipt's layout time. A line that fits is drawn where Paragraph would
    draw it (baseline ``fontSize`` below the top of a ``leading``-high box, aligned
    as the style says); one that does not becomes the Paragraph made of ``markup``.

    Args:
        runs: the text, in runs of one face each.
        markup: the same text as Paragraph markup, used if it has to wrap.
        style: the paragraph style.
    """

    def __init__(self, runs: Sequence[TextRun], markup: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.runs = _merged(runs)
        self.markup = markup
        self.style = style
        self._paragraph: Paragraph | None = None
        self._line_width = 0.0

    @staticmethod
    def can_draw(text: str) -> bool:
        """Whether Paragraph would set ``text`` as it is (on one line, if it fits).

        Paragraph drops leading and trailing spaces, folds runs of whitespace and
        breaks at newlines; such text, and empty text, is left to it.
        """
        return (
            bool(text)
            and text.strip() == text
            and "  " not in text
            and all(c == " " or not c.isspace() for c in text)
        )

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        style = self.style
        size = style.fontSize
        self.width = avail_width
        self._line_width = sum(stringWidth(r.text, r.font, size) for r in self.runs)
        room = avail_width - style.leftIndent - style.rightIndent - style.firstLineIndent
        if self._paragraph is None and self._line_width <= room - _FIT_MARGIN:
            self.height = style.leading
            return avail_width, self.height
        if self._paragraph is None:
            self._paragraph = Paragraph(self.markup, style)
        width, height = self._paragraph.wrap(avail_width, avail_height)
        self.height = height
        return width, height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        if self._paragraph is None:
            self._paragraph = Paragraph(self.markup, self.style)
        result: list[Flowable] = self._paragraph.split(avail_width, avail_height)
        return result

    def drawOn(  # noqa: N802  (reportlab's name)
        self, canvas: Canvas, x: float, y: float, _sW: float = 0
    ) -> None:
        if self._paragraph is not None:
            self._paragraph.drawOn(canvas, x, y, _sW)
        else:
            super().drawOn(canvas, x, y, _sW)

    def draw(self) -> None:
        style = self.style
        x = style.leftIndent + style.firstLineIndent
        room = self.width - style.leftIndent - style.rightIndent - style.firstLineIndent
        if style.alignment == TA_CENTER:
            x += 0.5 * (room - self._line_width)
        elif style.alignment == TA_RIGHT:
            x += room - self._line_width
        canvas = self.canv
        canvas.saveState()
        t = canvas.beginText(x, self.height - style.fontSize)
        t.setFillColor(style.textColor)
        for run in self.runs:
            t.setFont(run.font, style.fontSize, style.leading)
            t.textOut(run.text)
        canvas.drawText(t)
        canvas.restoreState()


# A line this close to the full width is left to Paragraph, whose own sums decide.
_FIT_MARGIN = 0.01


def _merged(runs: Sequence[TextRun]) -> list[TextRun]:
    out: list[TextRun] = []
    for run in runs:
        if out and out[-1].font == run.font:
            out[-1] = TextRun(run.font, out[-1].text + run.text)
        else:
            out.append(run)
    return out


class QrCode(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """A QR code drawn as vector squares (crisp at any printer resolution).

    Args:
        payload: the text to encode.
        size: edge length in points, quiet zone included.
    """

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        # A fixed mask skips qrcode's trial of all eight (≈8 ms a code on a busy 2-core box);
        # any mask decodes, the choice only tunes the pattern's penalty score.
        qr = qrcode.QRCode(
            error_correction=qrcode.constants.ERROR_CORRECT_M,
            border=2,
            box_size=1,
            mask_pattern=2,
        )
        qr.add_data(payload)
        qr.make(fit=True)
        self.matrix: list[list[bool]] = qr.get_matrix()
        self.size = size
        self.hAlign = "CENTER"

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canvas = self.canv
        n = len(self.matrix)
        cell = self.size / n
        canvas.setFillColor(INK)
        path = canvas.beginPath()
        for r, row in enumerate(self.matrix):
            y = self.size - (r + 1) * cell
            c = 0
            while c < n:
                if row[c]:
                    start = c
                    while c < n and row[c]:
                        c += 1
                    # a hair of overlap so anti-aliased viewers show no seams
                    path.rect(start * cell, y, (c - start) * cell + 0.05, cell + 0.05)
                else:
                    c += 1
        canvas.drawPath(path, stroke=0, fill=1)


class SealArea(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """A dashed circle where the hall's seal goes, with the issuing body and date beside it."""

    def __init__(
        self, typesetter: Typesetter, lines: Sequence[str], diameter: float, *, left: str = ""
    ) -> None:
        super().__init__()
        self.ts = typesetter
        self.lines = list(lines)
        self.diameter = diameter
        self.left = left

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.diameter + 4

    def draw(self) -> None:
        canvas = self.canv
        r = self.diameter / 2
        cx = self.width - r - 10 * mm
        cy = r + 2
        canvas.saveState()
        canvas.setStrokeColor(GREY)
        canvas.setDash(3, 2)
        canvas.circle(cx, cy, r, stroke=1, fill=0)
        canvas.restoreState()
        draw_text(
            self.ts,
            canvas,
            cx,
            cy - 3,
            "（盖章处）",
            font=self.ts.fonts.hei,
            size=8,
            align="center",
            color=GREY,
        )
        size = self.ts.body.fontSize
        if self.left:
            draw_text(
                self.ts,
                canvas,
                0,
                cy - size * 0.4,
                self.left,
                font=self.ts.body.fontName,
                size=size,
            )
        y = cy + (len(self.lines) - 1) * size * 0.8
        for line in self.lines:
            draw_text(
                self.ts,
                canvas,
                cx - r - 6 * mm,
                y,
                line,
                font=self.ts.body.fontName,
                size=size,
                align="right",
            )
            y -= size * 1.6


class BigText(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """One line of large text, faux-bold (fill + stroke), centred: a ticket number."""

    def __init__(self, typesetter: Typesetter, text: str, size: float) -> None:
        super().__init__()
        self.ts = typesetter
        self.text = text
        self.font_size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.font_size * 1.15

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setLineWidth(self.font_size / 30)
        canvas.setStrokeColor(INK)
        canvas.setFillColor(INK)
        draw_text(
            self.ts,
            canvas,
            self.width / 2,
            self.font_size * 0.2,
            self.text,
            font=self.ts.fonts.hei,
            size=self.font_size,
            align="center",
            mode=2,
        )
        canvas.restoreState()


class Banner(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """White text on a black band (green-channel mark on a thermal ticket)."""

    def __init__(self, typesetter: Typesetter, text: str, size: float) -> None:
        super().__init__()
        self.ts = typesetter
        self.text = text
        self.font_size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.font_size * 1.8

    def draw(self) -> None:
        canvas = self.canv
        h = self.font_size * 1.8
        canvas.saveState()
        canvas.setFillColor(INK)
        canvas.rect(0, 0, self.width, h, stroke=0, fill=1)
        draw_text(
            self.ts,
            canvas,
            self.width / 2,
            h / 2 - self.font_size * 0.35,
            self.text,
            font=self.ts.fonts.hei,
            size=self.font_size,
            align="center",
            color=colors.white,
        )
        canvas.restoreState()


class Rule(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """A horizontal line across the text width (dashed on receipts)."""

    def __init__(self, *, dashed: bool = False, space: float = 3) -> None:
        super().__init__()
        self.dashed = dashed
        self.space = space

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, 2 * self.space

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setLineWidth(0.6)
        if self.dashed:
            canvas.setDash(2, 2)
        canvas.line(0, self.space, self.width, self.space)
        canvas.restoreState()


def draw_text(
    ts: Typesetter,
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    *,
    font: str,
    size: float,
    align: str = "left",
    color: colors.Color = INK,
    mode: int = 0,
) -> None:
    """Draw one line straight onto a canvas, switching face per glyph coverage."""
    runs, missing = ts.fonts.runs(text, font)
    ts.missing.extend(missing)
    total = sum(stringWidth(r.text, r.font, size) for r in runs)
    if align == "center":
        x -= total / 2
    elif align == "right":
        x -= total
    for run in runs:
        t = canvas.beginText(x, y)
        t.setTextRenderMode(mode)
        t.setFont(run.font, size)
        t.setFillColor(color)
        t.textOut(run.text)
        canvas.drawText(t)
        x += stringWidth(run.text, run.font, size)


def render_a4(ts: Typesetter, story: list[Flowable], footer: Footer, *, title: str) -> bytes:
    """Lay ``story`` out on A4 pages with the footer and page numbers on each."""
    buf = io.BytesIO()
    width, height = A4
    frame = Frame(
        A4_MARGIN_X,
        A4_MARGIN_BOTTOM,
        width - 2 * A4_MARGIN_X,
        height - A4_MARGIN_TOP - A4_MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc = BaseDocTemplate(
        buf,
        pagesize=A4,
        title=title,
        author=footer.hall_name,
        creator="govterm",
        leftMargin=A4_MARGIN_X,
        rightMargin=A4_MARGIN_X,
        topMargin=A4_MARGIN_TOP,
        bottomMargin=A4_MARGIN_BOTTOM,
        pageTemplates=[PageTemplate("page", [frame])],
        initialFontName=ts.fonts.hei,
        invariant=True,
    )
    doc.build(story, canvasmaker=_numbered_canvas(ts, footer))
    return buf.getvalue()


def _numbered_canvas(ts: Typesetter, footer: Footer) -> type[Canvas]:
    """A canvas class that writes "第 n 页 共 N 页" once the page count is known."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type hints
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # every page starts in our face, so no unembedded Helvetica is referenced
            kwargs.setdefault("initialFontName", ts.fonts.hei)
            super().__init__(*args, **kwargs)
            assign_glyph_codes(self._doc, ts.glyphs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802  (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for n, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._draw_footer(n, total)
                super().showPage()
            super().save()

        def _draw_footer(self, page: int, total: int) -> None:
            width = A4[0]
            y = A4_MARGIN_BOTTOM - 9 * mm
            self.saveState()
            self.setStrokeColor(GREY)
            self.setLineWidth(0.4)
            self.line(A4_MARGIN_X, y + 10, width - A4_MARGIN_X, y + 10)
            left = (
                f"{footer.hall_name}（{footer.hall_id}）· 终端 {footer.terminal_id}"
                f" · {footer.issued} · 编号 {footer.number} · 校验码 {footer.code}"
            )
            draw_text(ts, self, A4_MARGIN_X, y, left, font=ts.fonts.hei, size=7.5, color=GREY)
            draw_text(
                ts,
                self,
                width - A4_MARGIN_X,
                y,
                f"第 {page} 页 共 {total} 页",
                font=ts.fonts.hei,
                size=8,
                align="right",
                color=GREY,
            )
            self.restoreState()

    return NumberedCanvas


def render_receipt(
    story: list[Flowable],
    *,
    title: str,
    author: str,
    font: str,
    glyphs: Mapping[str, Iterable[str]] | None = None,
) -> bytes:
    """Lay ``story`` out on one 80 mm page exactly as tall as the content.

    Args:
        story: the flowables, top to bottom.
        title: the PDF's title.
        author: the PDF's author (the hall).
        font: the face the page starts in.
        glyphs: characters the story sets in each face (``Typesetter.glyphs``),
            numbered in sorted order before drawing so the font subsets are cached.
    """
    margin_x = (RECEIPT_WIDTH - RECEIPT_PRINTABLE) / 2
    top, bottom = 4 * mm, 8 * mm  # room at the foot for the cutter
    placed: list[tuple[Flowable, float, float, float]] = []
    y = 0.0
    for flowable in story:
        w, h = flowable.wrap(RECEIPT_PRINTABLE, 10_000)
        y += flowable.getSpaceBefore()
        align = getattr(flowable, "hAlign", "LEFT")
        x = margin_x
        if align == "CENTER":
            x += (RECEIPT_PRINTABLE - w) / 2
        elif align == "RIGHT":
            x += RECEIPT_PRINTABLE - w
        placed.append((flowable, x, y, h))
        y += h + flowable.getSpaceAfter()
    height = top + y + bottom
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=(RECEIPT_WIDTH, height), invariant=True, initialFontName=font)
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setCreator("govterm")
    if glyphs:
        assign_glyph_codes(canvas._doc, glyphs)
    for flowable, x, offset, h in placed:
        flowable.drawOn(canvas, x, height - top - offset - h)
    canvas.showPage()
    canvas.save()
    return buf.getvalue()
