"""QR codes drawn straight into a :class:`QPixmap` (no temporary image files).

Encoding uses one fixed mask pattern. The QR specification lets an encoder pick any
of eight masks and suggests scoring all of them (runs, blocks, finder-like patterns,
dark/light balance) to keep the symbol easy to read; every decoder reads every mask.
qrcode scores all eight in pure Python: ≈ 16 ms of the ≈ 22 ms a guide's QR code
took (now ≈ 1.7 ms, drawn as one image instead of a rectangle per module).
:data:`MASK_PATTERN` is the mask whose penalty score was lowest on average over guide
and receipt URLs (lower than qrcode's own choice, whose score is taken before the
format bits are placed), so the fixed choice costs readability nothing measurable;
``tests/widgets/test_qr.py`` decodes the drawn codes with pyzbar.
"""

from __future__ import annotations

import qrcode
import qrcode.constants
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap

# A quiet zone of 4 modules is what the QR specification asks for; phone scanners
# fail on codes drawn flush against a coloured background.
_QUIET_ZONE = 4

MASK_PATTERN = 2
"""The mask of every code: dark where the column is a multiple of three (ISO 18004 mask 2).

Penalty score (ISO 18004 §7.8.3) over 63 guide and receipt texts: mean 695, worst 1174;
qrcode's per-code choice: mean 707; the worst fixed mask (1): mean 959.
"""

_DARK, _LIGHT = b"\x00", b"\xff"


def qr_matrix(text: str) -> list[list[bool]]:
    """The modules of ``text``'s QR code (True is dark), without the quiet zone.

    Medium error correction keeps a URL of ~100 characters at version ≤ 6, which kiosk
    users' phones read at arm's length.
    """
    code = qrcode.QRCode(
        border=0, error_correction=qrcode.constants.ERROR_CORRECT_M, mask_pattern=MASK_PATTERN
    )
    code.add_data(text)
    code.make(fit=True)
    matrix: list[list[bool]] = code.get_matrix()
    return matrix


def qr_pixmap(text: str, *, size: int) -> QPixmap:
    """``text`` as a black-on-white QR code, at most ``size`` logical px square.

    Every module is the same whole number of pixels (no blurred edges): the code is
    drawn one pixel per module and scaled up without smoothing.
    """
    matrix = qr_matrix(text)
    modules = len(matrix) + 2 * _QUIET_ZONE
    stride = (modules + 3) // 4 * 4  # QImage rows are 32-bit aligned
    blank = _LIGHT * stride
    margin = _LIGHT * _QUIET_ZONE
    pad = _LIGHT * (stride - modules + _QUIET_ZONE)
    rows = [blank] * _QUIET_ZONE
    rows.extend(
        margin + b"".join(_DARK if dark else _LIGHT for dark in row) + pad for row in matrix
    )
    rows.extend([blank] * _QUIET_ZONE)
    data = b"".join(rows)
    image = QImage(data, modules, modules, stride, QImage.Format.Format_Grayscale8)
    side = modules * max(1, size // modules)
    # scaled() copies, so the image no longer needs ``data`` once this returns
    scaled = image.scaled(
        side,
        side,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.FastTransformation,
    )
    return QPixmap.fromImage(scaled)
