"""Barcode decoding of still pictures and camera frames with zbar (pyzbar).

zbar reads a clean code quickly but gives up on what kiosk cameras really see: a phone
in dark mode (light modules on dark), glare from the ceiling lights, a dim screen,
sensor noise. :class:`BarcodeDecoder` tries a short list of preprocessing
strategies, cheapest first, and stops at the first that yields a code. For camera
frames it keeps to a time budget per frame and starts with the strategy that worked
last, so a steady scene costs one cheap pass per frame.

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

from core.scan import Symbology
from devices.scanners.base import ScannerUnavailable

log = logging.getLogger(__name__)

ZBAR_MISSING = (
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


_PREPARE: dict[Strategy, Callable[[Image.Image], Image.Image]] = {
    Strategy.HALF: lambda im: im.reduce(2),
    Strategy.AS_IS: lambda im: im,
    Strategy.INVERTED: lambda im: ImageOps.invert(im.reduce(2)),
    Strategy.LOCAL_THRESHOLD: lambda im: _local_threshold(im.reduce(2)),
    Strategy.STRETCHED: lambda im: ImageOps.autocontrast(im.reduce(2), cutoff=2),
    Strategy.INVERTED_FULL: ImageOps.invert,
    Strategy.LOCAL_FULL: _local_threshold,
    Strategy.UPSCALED: lambda im: im.resize(
        (im.width * 2, im.height * 2), Image.Resampling.BICUBIC
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
    """

    symbols: tuple[DecodedSymbol, ...]
    strategy: Strategy | None
    tried: tuple[Strategy, ...]
    seconds: float
    undecodable: int = 0


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

    With a budget, a picture gets the strategy that worked last (or the first) and
    then as many fallbacks as fit; the next picture continues the fallbacks where this
    one stopped, so over a few camera frames every strategy gets its turn while each
    frame stays within budget.

    Not thread-safe: one decoder per worker (the camera pipeline has one worker).

    Args:
        strategies: the strategies, in the order to try them.
        budget: seconds per picture after which no further strategy is started
            (``None``: try them all). The first strategy and one fallback always run.
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

    def _order(self) -> list[Strategy]:
        first = self._sticky or self._strategies[0]
        rest = [s for s in self._strategies if s is not first]
        k = self._next_fallback % len(rest) if rest else 0
        return [first, *rest[k:], *rest[:k]]

    def decode(self, image: Image.Image) -> DecodeOutcome:
        """Decode every code in ``image`` (any mode; converted to grayscale)."""
        start = self._clock()
        gray = image if image.mode == "L" else image.convert("L")
        tried: list[Strategy] = []
        order = self._order()
        for strategy in order:
            # The first strategy and one fallback always run, so the fallbacks keep
            # rotating even on a machine too loaded to fit more into the budget.
            over = self._budget is not None and self._clock() - start >= self._budget
            if len(tried) >= 2 and over:
                self._next_fallback += len(tried) - 1
                break
            tried.append(strategy)
            found = self._zbar.decode(_PREPARE[strategy](gray), symbols=self._symbols)
            if found:
                self._sticky = strategy
                symbols, undecodable = self._symbols_of(found)
                return DecodeOutcome(
                    symbols, strategy, tuple(tried), self._clock() - start, undecodable
                )
        return DecodeOutcome((), None, tuple(tried), self._clock() - start)

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
