"""The guide's phone QR code: one fixed mask, still read by a scanner, crisp modules."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from pytestqt.qtbot import QtBot
from pyzbar.pyzbar import decode

from widgets.qr import MASK_PATTERN, qr_matrix, qr_pixmap

TEXTS = (
    "https://zwfw.weihai.gov.cn/m/guide/11371000004296033X4370117002000?hall=wh-zwzx",
    "https://zwfw.weihai.gov.cn/m/guide/I-HK",
    "YY20260302A017",
    "T01-20261121-0042",  # alphanumeric mode
    "https://example.org/verify?code=" + "7Q2K" * 25,  # ~130 characters
)


def _decoded(path: Path) -> list[bytes]:
    with Image.open(path) as image:
        return [symbol.data for symbol in decode(image)]


@pytest.mark.parametrize("size", [120, 220, 480])
@pytest.mark.parametrize("text", TEXTS)
def test_the_drawn_code_decodes_to_its_text(
    qtbot: QtBot, tmp_path: Path, text: str, size: int
) -> None:
    pixmap = qr_pixmap(text, size=size)
    assert 0 < pixmap.width() == pixmap.height() <= max(size, 49)
    path = tmp_path / "qr.png"
    assert pixmap.save(str(path))
    assert _decoded(path) == [text.encode()]


def test_every_code_uses_the_fixed_mask() -> None:
    import qrcode
    import qrcode.constants

    for text in TEXTS:
        chosen = qrcode.QRCode(
            border=0,
            error_correction=qrcode.constants.ERROR_CORRECT_M,
            mask_pattern=MASK_PATTERN,
        )
        chosen.add_data(text)
        chosen.make(fit=True)
        assert qr_matrix(text) == chosen.get_matrix()


def test_a_guide_url_stays_small_enough_for_a_phone_at_arms_length() -> None:
    modules = len(qr_matrix(TEXTS[0]))
    assert modules <= 41  # version 6


def test_modules_are_whole_pixels_with_a_white_quiet_zone(qtbot: QtBot) -> None:
    matrix = qr_matrix(TEXTS[1])
    pixmap = qr_pixmap(TEXTS[1], size=220)
    image = pixmap.toImage()
    modules = len(matrix) + 8
    scale = pixmap.width() // modules
    assert pixmap.width() == modules * scale
    assert scale >= 4
    for y in range(modules):
        for x in range(modules):
            inside = 4 <= x < modules - 4 and 4 <= y < modules - 4
            dark = inside and matrix[y - 4][x - 4]
            # every pixel of a module has the module's colour: no blurred edges
            for dy in (0, scale - 1):
                for dx in (0, scale - 1):
                    grey = image.pixelColor(x * scale + dx, y * scale + dy).value()
                    assert grey == (0 if dark else 255), (x, y)
