"""Barcode decoding of still pictures and camera frames with zbar (pyzbar).

zbar reads a clean code quickly but gives up on what kiosk cameras really see: a phone
in dark mode (light modules on dark), glare from the ceiling lights, a dim screen,
sensor noise. :class:`BarcodeDecoder` tries a short list of preprocessing
strategies, cheapest first, and stops at the first that yields a code. For camera
frames it keeps to a time budget per frame and starts with the strategy that worked
last, so a steady scene costs one cheap pass per frame.

Most camera frames show no code at all (the hall, a passer-by). A camera decoder
looks at a frame's texture before it spends anything on fallbacks: a code, however
degraded, is a patch where the brightness steps often both across and down; a wall,
a face or a sleeve is not. Frames without such a patch get the cheap pass only (and a
budgeted round of fallbacks every few frames, in case a code was missed).

The pictures are PIL images; nothing here needs numpy.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from types import ModuleType
from typing import Any

from PIL import Image, ImageChops, ImageFilter, ImageOps

from core.errors import msg
from core.scan import Symbology
from devices.scanners.base import ScannerUnavailable

log = logging.getLogger(__name__)

ZBAR_MISSING = msg(
    "扫码模块缺少解码库 libzbar0，摄像头扫码不可用。请联系管理员安装 libzbar0 后重启终端。"
)


def load_zbar() -> ModuleType:
    """Import pyzbar, translating a missing libzbar into :class:`ScannerUnavailable`.

    pyzbar raises ImportError at import time when the shared library libzbar0 is
    not installed (or cannot be loaded on Windows).
    """
    try:
        from pyzbar import pyzbar
    except ImportError as exc:
        log.warning("zbar cannot be loaded: %s", exc)
        raise ScannerUnavailable(ZBAR_MISSING) from exc
    module: ModuleType = pyzbar
    return module


class Strategy(StrEnum):
    """Preprocessing tried before handing a picture to zbar."""

    HALF = "half"  # 2×2 average: fast, and averages away sensor noise
    AS_IS = "as_is"  # full resolution: small codes (2 px modules) need it
    INVERTED = "inverted"  # light-on-dark codes (phone dark themes)
    LOCAL_THRESHOLD = "local_threshold"  # glare, uneven light: threshold on local mean
    STRETCHED = "stretched"  # dim screens: stretch the histogram
    INVERTED_FULL = "inverted_full"  # small light-on-dark codes
    LOCAL_FULL = "local_full"  # local threshold at full resolution
    UPSCALED = "upscaled"  # tiny, soft codes: bicubic 2× and sharpen (slow: ~100 ms)


#: For live frames: each pass is cheap (≤ ~15 ms on a 720p frame).
CAMERA_STRATEGIES: tuple[Strategy, ...] = (
    Strategy.HALF,
    Strategy.AS_IS,
    Strategy.INVERTED,
    Strategy.LOCAL_THRESHOLD,
    Strategy.STRETCHED,
    Strategy.INVERTED_FULL,
)

#: For a still picture (an uploaded photo, a document camera shot): try everything.
THOROUGH_STRATEGIES: tuple[Strategy, ...] = (
    *CAMERA_STRATEGIES,
    Strategy.LOCAL_FULL,
    Strategy.UPSCALED,
)

# How many times the pixels of the half-size picture a strategy hands zbar: the first
# guess of its cost, relative to the pass that ran first, until it has been timed.
_PIXELS: dict[Strategy, float] = {
    Strategy.HALF: 1,
    Strategy.AS_IS: 4,
    Strategy.INVERTED: 1,
    Strategy.LOCAL_THRESHOLD: 1.5,
    Strategy.STRETCHED: 1,
    Strategy.INVERTED_FULL: 4,
    Strategy.LOCAL_FULL: 6,
    Strategy.UPSCALED: 24,
}
_COST_SMOOTHING = 0.3  # weight of the newest timing in a strategy's expected cost

# Texture test (on the half-size picture): a step of more than _STEP grey levels
# between neighbours (sensor noise at half size stays well below), counted per 8×8
# block both across and down; a block is code-like when at least _DENSITY/255 of its
# pixels step both ways, and a frame when 3×3 such blocks touch (≥ 48 px square at
# full size: a version-6 code with 1.5 px modules still is).
_STEP = 6
_STEP_LUT = [0] * (_STEP + 1) + [255] * (255 - _STEP)
_DENSITY = 20
# Above this share of code-like blocks the texture is noise (a dim hall, a noisy
# sensor), not a code: zbar is slow on such frames at full size and reads nothing
# there it cannot read at half size, so only the half-size fallbacks are tried.
_NOISE_SHARE = 0.5
#: Frames without a code-like patch still get a budgeted round of fallbacks this often.
PLAIN_FRAME_FALLBACK_EVERY = 8


def code_texture(half: Image.Image) -> float:
    """The share of a half-size grayscale frame textured like a barcode (0 to 1).

    About 1 ms on a 640×360 picture. Tuned so that every generated hard frame (low
    contrast, 16 grey levels, blur, noise, 2 px modules) has some, and a plain scene
    with camera noise of a few grey levels has none.
    """
    across = ImageChops.difference(half, ImageChops.offset(half, 1, 0)).point(_STEP_LUT)
    down = ImageChops.difference(half, ImageChops.offset(half, 0, 1)).point(_STEP_LUT)
    both = ImageChops.darker(across.reduce(8), down.reduce(8))
    blocks = both.filter(ImageFilter.MinFilter(3)).histogram()
    return sum(blocks[_DENSITY:]) / max(1, sum(blocks))


def _local_threshold(image: Image.Image, offset: int = 10) -> Image.Image:
    # Background estimate: a heavily reduced and blurred copy brought back to size.
    # A pixel darker than its surroundings by more than ``offset`` is a dark module.
    factor = max(1, min(image.width, image.height) // 90)
    background = (
        image.reduce(factor)
        .filter(ImageFilter.BoxBlur(3))
        .resize(image.size, Image.Resampling.BILINEAR)
    )
    diff = ImageChops.subtract(image, background, scale=1.0, offset=128)
    return diff.point(lambda v: 0 if v < 128 - offset else 255)


class _Picture:
    """One grayscale picture and its half-size copy, made once and shared by strategies."""

    __slots__ = ("_half", "full")

    def __init__(self, full: Image.Image) -> None:
        self.full = full
        self._half: Image.Image | None = None

    @property
    def half(self) -> Image.Image:
        if self._half is None:
            self._half = self.full.reduce(2)  # 2×2 average
        return self._half


_PREPARE: dict[Strategy, Callable[[_Picture], Image.Image]] = {
    Strategy.HALF: lambda p: p.half,
    Strategy.AS_IS: lambda p: p.full,
    Strategy.INVERTED: lambda p: ImageOps.invert(p.half),
    Strategy.LOCAL_THRESHOLD: lambda p: _local_threshold(p.half),
    Strategy.STRETCHED: lambda p: ImageOps.autocontrast(p.half, cutoff=2),
    Strategy.INVERTED_FULL: lambda p: ImageOps.invert(p.full),
    Strategy.LOCAL_FULL: lambda p: _local_threshold(p.full),
    Strategy.UPSCALED: lambda p: p.full.resize(
        (p.full.width * 2, p.full.height * 2), Image.Resampling.BICUBIC
    ).filter(ImageFilter.UnsharpMask(radius=2, percent=200, threshold=0)),
}

_SYMBOLOGY = {
    "QRCODE": Symbology.QR,
    "CODE128": Symbology.CODE128,
    "CODE39": Symbology.CODE39,
    "EAN13": Symbology.EAN13,
    "EAN8": Symbology.EAN8,
    "PDF417": Symbology.PDF417,
}


@dataclass(frozen=True, slots=True)
class DecodedSymbol:
    """One code found in a picture.

    Attributes:
        text: the decoded content (not yet sanitised).
        symbology: its barcode type.
    """

    text: str
    symbology: Symbology


@dataclass(frozen=True, slots=True)
class DecodeOutcome:
    """What one :meth:`BarcodeDecoder.decode` call found and what it cost.

    Attributes:
        symbols: the codes found, usually zero or one.
        strategy: the strategy that found them, ``None`` if none did.
        tried: the strategies tried, in order.
        seconds: time spent.
        undecodable: codes zbar found whose bytes are neither UTF-8 nor GB 18030.
        code_like: whether the frame had a patch textured like a code (``None``: not
            looked at, because the first pass found a code or the decoder is thorough).
    """

    symbols: tuple[DecodedSymbol, ...]
    strategy: Strategy | None
    tried: tuple[Strategy, ...]
    seconds: float
    undecodable: int = 0
    code_like: bool | None = None


def _text_of(data: bytes) -> str | None:
    # zbar hands QR content over as UTF-8; some Chinese scanners' codes are GB 18030.
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


class BarcodeDecoder:
    """Finds barcodes in grayscale pictures, with preprocessing fallbacks.

    With a budget (camera frames), a picture gets the strategy that worked last (or
    the first). If that finds nothing and the frame has a code-like patch (see
    :func:`looks_like_code`), fallbacks follow: at least one, then as many as are
    expected to fit in the budget (each strategy's cost is learnt from its own recent
    timings). The next picture continues the fallbacks where this one stopped, so over
    a few frames every strategy gets its turn while each frame stays near its budget.
    A frame without a code-like patch gets fallbacks only every
    :data:`PLAIN_FRAME_FALLBACK_EVERY` frames, and only those that fit.

    Without a budget (still pictures), every strategy is tried in order.

    Not thread-safe: one decoder per worker (the camera pipeline has one worker).

    Args:
        strategies: the strategies, in the order to try them.
        budget: seconds per picture no fallback is expected to overrun (``None``: try
            them all).
        symbologies: zbar symbol names to look for, e.g. ``("QRCODE", "CODE128")``.
        clock: a monotonic clock for the budget.

    Raises:
        ScannerUnavailable: libzbar is not installed.
    """

    def __init__(
        self,
        *,
        strategies: Sequence[Strategy] = THOROUGH_STRATEGIES,
        budget: float | None = None,
        symbologies: Sequence[str] = ("QRCODE", "CODE128", "EAN13"),
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        if not strategies:
            raise ValueError("at least one strategy is needed")
        self._zbar = load_zbar()
        self._symbols = [self._zbar.ZBarSymbol[name] for name in symbologies]
        self._strategies = tuple(strategies)
        self._budget = budget
        self._clock = clock
        self._sticky: Strategy | None = None
        self._next_fallback = 0  # where the next picture resumes the fallback list
        self._cost: dict[Strategy, float] = {}  # expected seconds, learnt per strategy
        self._plain_frames = 0  # frames in a row without a code-like patch

    def _order(self) -> list[Strategy]:
        first = self._sticky or self._strategies[0]
        rest = [s for s in self._strategies if s is not first]
        k = self._next_fallback % len(rest) if rest else 0
        return [first, *rest[k:], *rest[:k]]

    def decode(self, image: Image.Image) -> DecodeOutcome:
        """Decode every code in ``image`` (any mode; converted to grayscale)."""
        start = self._clock()
        picture = _Picture(image if image.mode == "L" else image.convert("L"))
        tried: list[Strategy] = []
        first, *fallbacks = self._order()
        found = self._attempt(first, picture, tried)
        if found is not None or not fallbacks:
            return self._outcome(found, tried, start)
        code_like: bool | None = None
        noisy = False
        if self._budget is not None:
            texture = code_texture(picture.half)
            code_like, noisy = texture > 0, texture > _NOISE_SHARE
            self._plain_frames = 0 if code_like else self._plain_frames + 1
            if not code_like and self._plain_frames % PLAIN_FRAME_FALLBACK_EVERY:
                return self._outcome(None, tried, start, code_like)
        for passed, strategy in enumerate(fallbacks):
            if noisy and _PIXELS[strategy] > _PIXELS[Strategy.LOCAL_THRESHOLD]:
                continue
            # A code-like frame always gets one fallback, so the fallbacks keep
            # rotating even on a machine too loaded to fit more into the budget
            # (not a noisy one: it would mostly be a slow pass over noise).
            forced = code_like is not False and not noisy and len(tried) == 1
            if not forced and not self._fits(strategy, first, start):
                if code_like is False:
                    continue  # a plain frame's spare round: whatever fits
                self._next_fallback += passed
                break
            found = self._attempt(strategy, picture, tried)
            if found is not None:
                break
        return self._outcome(found, tried, start, code_like)

    def _attempt(self, strategy: Strategy, picture: _Picture, tried: list[Strategy]) -> Any:
        """One zbar pass; the symbols found, or ``None``. Learns the strategy's cost."""
        began = self._clock()
        tried.append(strategy)
        found = self._zbar.decode(_PREPARE[strategy](picture), symbols=self._symbols)
        took = self._clock() - began
        known = self._cost.get(strategy)
        self._cost[strategy] = took if known is None else known + _COST_SMOOTHING * (took - known)
        if found:
            self._sticky = strategy
            return found
        return None

    def _fits(self, strategy: Strategy, first: Strategy, start: float) -> bool:
        """Whether ``strategy`` is expected to finish within this picture's budget."""
        if self._budget is None:
            return True
        expected = self._cost.get(strategy)
        if expected is None:  # not timed yet: scale the first pass by the pixels
            expected = self._cost[first] * _PIXELS[strategy] / _PIXELS[first]
        return self._clock() - start + expected <= self._budget

    def _outcome(
        self,
        found: Any,
        tried: list[Strategy],
        start: float,
        code_like: bool | None = None,
    ) -> DecodeOutcome:
        seconds = self._clock() - start
        if found is None:
            return DecodeOutcome((), None, tuple(tried), seconds, code_like=code_like)
        symbols, undecodable = self._symbols_of(found)
        return DecodeOutcome(symbols, tried[-1], tuple(tried), seconds, undecodable, code_like)

    @staticmethod
    def _symbols_of(found: Sequence[Any]) -> tuple[tuple[DecodedSymbol, ...], int]:
        symbols: dict[str, DecodedSymbol] = {}
        undecodable = 0
        for item in found:
            text = _text_of(item.data)
            if text is None:
                undecodable += 1
                continue
            symbology = _SYMBOLOGY.get(str(item.type), Symbology.UNKNOWN)
            symbols.setdefault(text, DecodedSymbol(text, symbology))
        return tuple(symbols.values()), undecodable
