"""Scanner test helpers: a fake scanner, a stepping clock, and generated QR frames.

The frame generator makes the pictures a kiosk camera really sees — codes on phone
screens held at an angle, out of focus, dim, inverted by a dark theme, with glare —
embedded in a 1280×720 frame. ``bench/devices_decode.py`` uses the same generator.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field

import qrcode
import qrcode.constants
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

from core.scan import ScanEvent, ScanSource, Symbology, make_scan_event
from devices.scanners.base import ScanCallback, ScannerHealth, ScannerState

FRAME_SIZE = (1280, 720)
CST = dt.timezone(dt.timedelta(hours=8))

#: A resident-code-like payload: alphanumeric (QR alphanumeric mode), QR version 5.
RESIDENT_CODE = "GT1:RC:" + "8N2K4M9QXR7T1VZ3B6D0FHJLPSWY5C8E2G4A7U9K3N6Q1R5T8V0X2Z4B7D9F1H3J5L"


def fixed_now() -> dt.datetime:
    return dt.datetime(2022, 5, 9, 9, 30, tzinfo=CST)


class SteppingClock:
    """A monotonic clock that moves by ``step`` seconds each time it is read.

    Lets a test send keys with ``qtbot.keyClicks`` and still control the gaps the
    wedge classifier sees: a step of 5 ms looks like a scanner, 150 ms like a person.
    """

    def __init__(self, *, start: float = 1000.0, step: float = 0.0) -> None:
        self.now = start
        self.step = step

    def __call__(self) -> float:
        current = self.now
        self.now += self.step
        return current

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class FakeScanner:
    """A :class:`devices.scanners.base.Scanner` driven by the test."""

    device_id: str = "fake-scanner"
    source: ScanSource = ScanSource.MANUAL
    started: bool = False
    callback: ScanCallback | None = None
    delivered: list[ScanEvent] = field(default_factory=list)

    def start(self, on_scan: ScanCallback) -> None:
        self.callback = on_scan
        self.started = True

    def stop(self) -> None:
        self.started = False

    def health(self) -> ScannerHealth:
        state = ScannerState.READY if self.started else ScannerState.STOPPED
        return ScannerHealth(self.device_id, state, fixed_now(), accepted=len(self.delivered))

    def scan(self, text: str, symbology: Symbology = Symbology.UNKNOWN) -> ScanEvent:
        """Deliver ``text`` as if the device had read it."""
        assert self.started, "scanner not started"
        assert self.callback is not None
        event = make_scan_event(
            text,
            source=self.source,
            device_id=self.device_id,
            at=fixed_now(),
            symbology=symbology,
        )
        self.delivered.append(event)
        self.callback(event)
        return event


# --- generated QR pictures --------------------------------------------------------


def qr_image(text: str = RESIDENT_CODE, *, module: int = 6, border: int = 4) -> Image.Image:
    """A clean black-on-white QR code, grayscale, ``module`` pixels per module."""
    code = qrcode.QRCode(
        box_size=module, border=border, error_correction=qrcode.constants.ERROR_CORRECT_M
    )
    code.add_data(text)
    code.make(fit=True)
    return code.make_image().get_image().convert("L")


def embed(code: Image.Image, *, at: tuple[int, int] | None = None, seed: int = 0) -> Image.Image:
    """Place a code in a 1280×720 frame with an uneven, textured background."""
    rng = random.Random(seed)
    frame = Image.linear_gradient("L").resize(FRAME_SIZE).point(lambda v: 70 + v // 3)
    draw = ImageDraw.Draw(frame)
    for _ in range(25):  # clutter: a counter edge, a sleeve, a sign
        x, y = rng.randrange(1280), rng.randrange(720)
        draw.rectangle(
            (x, y, x + rng.randrange(20, 200), y + rng.randrange(5, 60)),
            fill=rng.randrange(30, 220),
        )
    if at is None:
        at = ((1280 - code.width) // 2 + 140, (720 - code.height) // 2 - 40)
    frame.paste(code, at)
    return frame


def _rotated(code: Image.Image, degrees: float) -> Image.Image:
    return code.rotate(degrees, resample=Image.Resampling.BILINEAR, expand=True, fillcolor=255)


def _perspective(code: Image.Image) -> Image.Image:
    # A phone tilted back and to the side: the top edge is 30 % narrower.
    w, h = code.size
    src = [(0, 0), (w, 0), (w, h), (0, h)]
    dst = [(0.15 * w, 0.05 * h), (0.85 * w, 0.0), (w, h), (0, 0.95 * h)]
    coeffs = _perspective_coeffs(dst, src)
    return code.transform(
        (w, h), Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BILINEAR, fillcolor=255
    )


def _perspective_coeffs(
    dst: list[tuple[float, float]], src: list[tuple[int, int]]
) -> tuple[float, ...]:
    # Solve the 8 projective coefficients mapping output (dst) to input (src) points.
    rows: list[list[float]] = []
    rhs: list[float] = []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rhs.append(u)
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs.append(v)
    return tuple(_solve(rows, rhs))


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(n):
            if r != col:
                f = m[r][col] / m[col][col]
                m[r] = [a - f * c for a, c in zip(m[r], m[col], strict=True)]
    return [m[i][n] / m[i][i] for i in range(n)]


def _glare(frame: Image.Image, centre: tuple[int, int], radius: int) -> Image.Image:
    # A bright reflection: a radial white blob over part of the code.
    blob = ImageOps.invert(Image.radial_gradient("L")).resize((2 * radius, 2 * radius))
    blob = blob.point(lambda v: min(255, int(v * 1.1)))
    mask = Image.new("L", frame.size, 0)
    mask.paste(blob, (centre[0] - radius, centre[1] - radius))
    white = Image.new("L", frame.size, 255)
    return Image.composite(white, frame, mask)


def _noisy(frame: Image.Image, sigma: float, seed: int) -> Image.Image:
    random.seed(seed)  # effect_noise uses the C rand(); keep the Python side fixed too
    noise = Image.effect_noise(frame.size, sigma)
    return ImageChops.add(frame, noise, scale=1.0, offset=-128)


def _low_contrast(code: Image.Image) -> Image.Image:
    # A dim phone screen in a bright hall: 40 grey levels between dark and light.
    return code.point(lambda v: 105 + v * 40 // 255)


@dataclass(frozen=True)
class HardFrame:
    """One generated camera frame and the text it should decode to."""

    name: str
    frame: Image.Image
    text: str


def _centre_of(code: Image.Image) -> tuple[int, int]:
    return (1280 - code.width) // 2 + 140 + code.width // 2, (720 - code.height) // 2 - 40 + (
        code.height // 2
    )


def hard_frames(text: str = RESIDENT_CODE) -> list[HardFrame]:
    """The degraded 1280×720 frames the decoder must cope with, one per class."""
    base = qr_image(text)
    makers: dict[str, Callable[[], Image.Image]] = {
        "clean": lambda: embed(base),
        "rotated_15": lambda: embed(_rotated(base, 15)),
        "rotated_45": lambda: embed(_rotated(base, 45)),
        "rotated_90": lambda: embed(_rotated(base, 90)),
        "blurred": lambda: embed(base).filter(ImageFilter.GaussianBlur(2.2)),
        "low_contrast": lambda: embed(_low_contrast(base)),
        "small_2px": lambda: embed(qr_image(text, module=2)),
        "inverted": lambda: embed(ImageOps.invert(base)),
        "glare": lambda: _glare(embed(base), _shifted(_centre_of(base), base), base.width // 3),
        "perspective": lambda: embed(_perspective(base)),
        "noise": lambda: _noisy(embed(base), 40, seed=7),
    }
    return [HardFrame(name, make(), text) for name, make in makers.items()]


def _shifted(centre: tuple[int, int], code: Image.Image) -> tuple[int, int]:
    # Put the glare off-centre, over a third of the code, as a ceiling light would.
    return centre[0] + code.width // 5, centre[1] - code.height // 5


def blank_frame(seed: int = 0) -> Image.Image:
    """A 1280×720 frame with clutter and no code."""
    return embed(Image.new("L", (1, 1), 128), at=(0, 0), seed=seed)
