"""Font discovery errors, missing glyphs, verification codes and result documents."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from core.errors import EnvironmentProblem, UserFacingError, ValidationFailed
from documents.fonts import MISSING_MARK, NO_FONT_MESSAGE, FontFile, FontSet, FontSettings
from documents.maker import PaperMaker
from documents.papers import Party
from documents.verification import (
    VerificationKey,
    normalise_code,
    parse_qr_payload,
    verification_code,
)
from tests.documents import pdfcheck, samples
from tests.documents.conftest import KEY

UMING = FontFile(Path("/usr/share/fonts/truetype/arphic/uming.ttc"), 0)
MICROHEI = FontFile(Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), 0)
NOTO_CFF = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


def test_no_font_is_a_clear_environment_problem(tmp_path: Path) -> None:
    settings = FontSettings(song=FontFile(tmp_path / "missing.ttf"), hei=None)
    with pytest.raises(EnvironmentProblem) as caught:
        FontSet(settings=settings, discover=False)
    assert str(caught.value) == NO_FONT_MESSAGE
    assert "fonts-wqy-microhei" in NO_FONT_MESSAGE


def test_garbage_font_file_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttf"
    bad.write_bytes(b"not a font at all" * 100)
    with pytest.raises(EnvironmentProblem):
        FontSet(settings=FontSettings(song=FontFile(bad), hei=FontFile(bad)), discover=False)


@pytest.mark.skipif(not NOTO_CFF.is_file(), reason="Noto CJK (CFF outlines) not installed")
def test_cff_font_cannot_be_embedded_and_is_refused() -> None:
    settings = FontSettings(song=FontFile(NOTO_CFF), hei=FontFile(NOTO_CFF))
    with pytest.raises(EnvironmentProblem):
        FontSet(settings=settings, discover=False)


def test_configured_font_is_used_first() -> None:
    fonts = FontSet(settings=FontSettings(song=MICROHEI, hei=MICROHEI), discover=False)
    assert fonts.files[fonts.song] == MICROHEI
    assert fonts.song == fonts.hei


def test_character_no_font_has_is_marked_visibly() -> None:
    fonts = FontSet(settings=FontSettings(song=UMING, hei=MICROHEI), discover=False)
    maker = PaperMaker(fonts=fonts, key=KEY)
    rare = "吉\U00020bb7"  # 𠮷 (CJK Extension B), a real surname character
    paper = dataclasses.replace(samples.acceptance(), applicant=Party(name=rare))
    out = maker.acceptance(paper)
    assert out.missing_glyphs == ("\U00020bb7",)
    text = "".join(pdfcheck.all_text(out.pdf).split())
    assert f"吉{MISSING_MARK}" in text
    assert "U+20BB7" in text


def test_fallback_face_draws_rare_characters_when_installed(
    fonts: FontSet, maker: PaperMaker
) -> None:
    if not any(fonts.covers(name, "\U00020bb7") for name in fonts.files):
        pytest.skip("no installed font covers CJK Extension B (install fonts-hanazono)")
    paper = dataclasses.replace(samples.acceptance(), applicant=Party(name="吉\U00020bb7"))
    out = maker.acceptance(paper)
    assert out.missing_glyphs == ()


# --- verification codes ---------------------------------------------------------------


def test_code_depends_on_key_and_every_field() -> None:
    fields = [("number", "A1"), ("item", "护照")]
    code = verification_code(KEY, "ACC", fields)
    assert len(code) == 9
    assert code[4] == "-"
    other = VerificationKey("k2", b"another-secret-0123456789")
    assert verification_code(other, "ACC", fields) != code
    assert verification_code(KEY, "ACC", [("number", "A1"), ("item", "护照 ")]) == code
    assert verification_code(KEY, "ACC", [("number", "A1"), ("item", "户照")]) != code
    assert verification_code(KEY, "COR", fields) != code


def test_short_key_is_refused() -> None:
    with pytest.raises(ValidationFailed):
        VerificationKey("k", b"short")


def test_typed_codes_are_forgiven_and_bad_ones_explained() -> None:
    assert normalise_code(" 7fnc fwxs ") == "7FNC-FWXS"
    assert normalise_code("7FNC-FWXO") == "7FNC-FWX0"
    with pytest.raises(ValidationFailed, match="8位"):
        normalise_code("123")


def test_qr_payload_must_be_ours() -> None:
    assert parse_qr_payload("GT1:ACC:3710:7FNC-FWXS").number == "3710"
    with pytest.raises(ValidationFailed):
        parse_qr_payload("https://example.com/anything")


def test_verify_url_form(fonts: FontSet) -> None:
    maker = PaperMaker(fonts=fonts, key=KEY, verify_url="https://zwfw.example.gov.cn/v")
    out = maker.ticket(samples.ticket())
    assert out.qr_payload.startswith("https://zwfw.example.gov.cn/v?t=TKT&n=A012&c=")
    assert pdfcheck.qr_codes(pdfcheck.render_png(out.pdf)) == [out.qr_payload]


# --- result documents -----------------------------------------------------------------


def _platform_pdf(pages: int = 2, *, rotated: bool = False) -> bytes:
    buf = io.BytesIO()
    size = landscape(A4) if rotated else A4
    canvas = Canvas(buf, pagesize=size)
    for n in range(pages):
        canvas.setFont("Helvetica", 14)
        canvas.drawString(72, size[1] - 72, f"Licence page {n + 1}")
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def test_result_document_is_stamped_on_every_page(maker: PaperMaker) -> None:
    original = _platform_pdf(3)
    stamp = samples.result_stamp()
    out = maker.print_result_document(original, stamp=stamp)
    texts = ["".join(t.split()) for t in pdfcheck.page_texts(out.pdf)]
    assert len(texts) == 3
    for n, text in enumerate(texts, start=1):
        assert f"Licencepage{n}" in text  # the platform's content is kept
        assert out.verification_code in text
        assert "WH-HC-01" in text
        assert "K07" in text
        assert f"第{n}/3页" in text
    assert maker.verify_result(original, stamp, out.verification_code)
    assert not maker.verify_result(_platform_pdf(2), stamp, out.verification_code)
    for font in pdfcheck.fonts(out.pdf):
        if "Helvetica" not in font.base_name:  # the platform's own font, not ours
            assert font.embedded
            assert font.subset


def test_rotated_result_pages_keep_their_size(maker: PaperMaker) -> None:
    original = _platform_pdf(1, rotated=True)
    out = maker.print_result_document(original, stamp=samples.result_stamp())
    page = PdfReader(io.BytesIO(out.pdf)).pages[0]
    assert float(page.mediabox.width) == pytest.approx(landscape(A4)[0])
    assert out.verification_code in "".join(pdfcheck.all_text(out.pdf).split())


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"<html>not a pdf</html>",
        b"%PDF-1.4\n" + b"\x00garbage" * 50,
        _platform_pdf(1)[:200],
    ],
    ids=["empty", "html", "garbage", "truncated"],
)
def test_invalid_result_document_gets_a_clear_error(maker: PaperMaker, data: bytes) -> None:
    with pytest.raises(UserFacingError) as caught:
        maker.print_result_document(data, stamp=samples.result_stamp())
    assert caught.value.code == "paper.result_invalid"
    assert "无法打印" in caught.value.message
