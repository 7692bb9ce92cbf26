"""Reading papers back the way a person or a scanner would: text, fonts, picture, QR."""

from __future__ import annotations

import io
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from pypdf import PdfReader
from pyzbar import pyzbar


@dataclass(frozen=True)
class EmbeddedFont:
    base_name: str
    subset: bool  # name carries the six-letter subset tag "ABCDEF+"
    embedded: bool  # descriptor holds the font program (FontFile2 for TrueType)


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def all_text(pdf: bytes) -> str:
    return "\n".join(page_texts(pdf))


def fonts(pdf: bytes) -> list[EmbeddedFont]:
    found: dict[str, EmbeddedFont] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources = page.get("/Resources")
        if resources is None:
            continue
        font_dict = resources.get_object().get("/Font")
        if font_dict is None:
            continue
        for ref in font_dict.get_object().values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descendant = font["/DescendantFonts"][0].get_object()
                descriptor = descendant.get("/FontDescriptor")
            name = str(font.get("/BaseFont", ""))
            embedded = False
            if descriptor is not None:
                d = descriptor.get_object()
                embedded = any(k in d for k in ("/FontFile2", "/FontFile", "/FontFile3"))
            tag = name.lstrip("/").split("+", 1)[0]
            found[name] = EmbeddedFont(
                base_name=name,
                subset="+" in name and len(tag) == 6 and tag.isupper(),
                embedded=embedded,
            )
    return list(found.values())


def render_png(pdf: bytes, *, page: int = 1, dpi: int = 150) -> Image.Image:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "paper.pdf"
        src.write_bytes(pdf)
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                str(dpi),
                "-f",
                str(page),
                "-l",
                str(page),
                "-png",
                "-singlefile",
                str(src),
                str(Path(tmp) / "page"),
            ],
            check=True,
            capture_output=True,
        )
        with Image.open(Path(tmp) / "page.png") as im:
            return im.convert("L")


def qr_codes(image: Image.Image) -> list[str]:
    return [
        code.data.decode("utf-8")
        for code in pyzbar.decode(image, symbols=[pyzbar.ZBarSymbol.QRCODE])
    ]
