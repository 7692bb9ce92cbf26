"""Vector icons from ``resources/icons/*.svg``, tinted and rendered sharp at any size.

The SVGs draw with ``currentColor`` so one file serves blue-on-white tiles and
white-on-blue header buttons.
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

log = logging.getLogger(__name__)

ICONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"

# Rendered at this multiple of the requested size so high-DPI panels stay crisp.
_OVERSAMPLE = 2


@cache
def _svg_source(name: str) -> str:
    return (ICONS_DIR / f"{name}.svg").read_text(encoding="utf-8")


def icon_pixmap(name: str, *, size: int, colour: str = "#0F4C9E") -> QPixmap:
    """Render icon ``name`` in ``colour`` as a square pixmap of ``size`` logical px.

    Raises:
        FileNotFoundError: no such icon in ``resources/icons`` (a packaging bug).
    """
    svg = _svg_source(name).replace("currentColor", colour)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    pixels = size * _OVERSAMPLE
    pixmap = QPixmap(pixels, pixels)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, pixels, pixels))
    painter.end()
    pixmap.setDevicePixelRatio(_OVERSAMPLE)
    return pixmap


def icon(name: str, *, size: int, colour: str = "#0F4C9E") -> QIcon:
    """Icon ``name`` as a :class:`QIcon` (see :func:`icon_pixmap`)."""
    result = QIcon()
    result.addPixmap(icon_pixmap(name, size=size, colour=colour))
    return result


def icon_size(size: int) -> QSize:
    """A square :class:`QSize`, for ``setIconSize``."""
    return QSize(size, size)
