"""QR codes drawn straight into a :class:`QPixmap` (no temporary image files)."""

from __future__ import annotations

import qrcode
import qrcode.constants
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap

# A quiet zone of 4 modules is what the QR specification asks for; phone scanners
# fail on codes drawn flush against a coloured background.
_QUIET_ZONE = 4


def qr_pixmap(text: str, *, size: int) -> QPixmap:
    """``text`` as a black-on-white QR code, ``size`` logical px square.

    Medium error correction keeps a URL of ~100 characters at version ≤ 6, which kiosk
    users' phones read at arm's length.
    """
    code = qrcode.QRCode(border=0, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text)
    code.make(fit=True)
    matrix: list[list[bool]] = code.get_matrix()
    modules = len(matrix) + 2 * _QUIET_ZONE
    scale = max(1, size // modules)
    side = modules * scale
    pixmap = QPixmap(side, side)
    pixmap.fill(QColor("#FFFFFF"))
    painter = QPainter(pixmap)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#000000"))
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.drawRect(
                    QRect((x + _QUIET_ZONE) * scale, (y + _QUIET_ZONE) * scale, scale, scale)
                )
    painter.end()
    return pixmap
