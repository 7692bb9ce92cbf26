"""Scanner input as the domain sees it: one :class:`ScanEvent`, validated and debounced.

Every scanner source — a keyboard-wedge scanner typing into the application, a serial
scanner sending lines, the kiosk camera decoding frames, a code typed by hand — ends
up as one :class:`ScanEvent`. The rules that make hardware input trustworthy live here,
free of Qt and I/O, so they are tested without any device:

- :func:`sanitize_scan_text` strips control characters and rejects empty, over-long
  or unprintable input with a message a citizen can act on;
- :class:`ScanDebouncer` accepts a code once it has been seen consistently (a camera
  sees a code in many frames; a serial scanner in continuous mode repeats it) and
  ignores repeats of the same code for a cool-down;
- :class:`WedgeBurstClassifier` tells a keyboard-wedge scanner (a fast burst of keys
  ending in Enter) from a person typing.

Times are plain ``float`` seconds from an injected monotonic clock; event timestamps
are aware :class:`datetime.datetime` values supplied by the caller.
"""

from __future__ import annotations

import datetime as _dt
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from core.errors import ValidationFailed, msg

#: Longest scan text accepted. Our own identity codes stay far below this (QR ≤ v6);
#: the limit keeps a runaway device from filling memory or the screen.
MAX_SCAN_LENGTH = 2048

Clock = Callable[[], float]
"""A monotonic clock in seconds (``time.monotonic`` in production, a fake in tests)."""


class ScanSource(StrEnum):
    """Where a scan came from."""

    WEDGE = "wedge"  # USB HID scanner acting as a keyboard
    SERIAL = "serial"  # RS-232 / USB-CDC scanner sending lines
    CAMERA = "camera"  # kiosk camera, frames decoded with zbar
    MANUAL = "manual"  # a code typed by a person on the screen


class Symbology(StrEnum):
    """The barcode symbology, as far as the source knows it."""

    QR = "qr"
    CODE128 = "code128"
    CODE39 = "code39"
    EAN13 = "ean13"
    EAN8 = "ean8"
    PDF417 = "pdf417"
    DATAMATRIX = "datamatrix"
    UNKNOWN = "unknown"  # wedge and serial scanners do not say


class ScanRejected(ValidationFailed):
    """Scanner input that cannot be used; the message says what to do."""


@dataclass(frozen=True, slots=True)
class ScanEvent:
    """One accepted scan, whatever device produced it.

    Attributes:
        text: the sanitised content of the code.
        source: which kind of device produced it.
        device_id: the configured id of that device, e.g. ``"camera-0"``, ``"ttyACM0"``.
        at: when it was accepted (aware datetime).
        symbology: the barcode type, :attr:`Symbology.UNKNOWN` when the device is silent.
    """

    text: str
    source: ScanSource
    device_id: str
    at: _dt.datetime
    symbology: Symbology = Symbology.UNKNOWN

    def __repr__(self) -> str:
        # Codes can carry identity tokens: never put their content in a repr (logs).
        return (
            f"ScanEvent(source={self.source.value}, device_id={self.device_id!r}, "
            f"at={self.at.isoformat()}, symbology={self.symbology.value}, "
            f"length={len(self.text)})"
        )


def _is_control(char: str) -> bool:
    return unicodedata.category(char) == "Cc"


def _is_unusable(char: str) -> bool:
    # Cs: lone surrogates (undecodable bytes), Co: private use, Cn: unassigned,
    # U+FFFD: a replacement character left by a failed decode upstream.
    return char == "\ufffd" or unicodedata.category(char) in {"Cs", "Co", "Cn"}


def sanitize_scan_text(raw: str, *, max_length: int = MAX_SCAN_LENGTH) -> str:
    """Clean scanner output and check it is usable.

    Control characters (CR/LF terminators, NUL padding, GS separators, stray escape
    bytes) are removed and surrounding whitespace is stripped; the result must be
    non-empty, at most ``max_length`` characters, and made of printable characters.

    Args:
        raw: the text as the device delivered it.
        max_length: the longest acceptable result.

    Returns:
        The cleaned text.

    Raises:
        ScanRejected: with ``code`` ``scan.empty``, ``scan.too_long`` or
            ``scan.unprintable``. The message never echoes the content.
    """
    # Check the raw size first so a runaway device cannot make us scan megabytes.
    if len(raw) > max_length * 2:
        raise ScanRejected(
            msg("扫码内容过长，无法识别，请确认扫描的是办事二维码"), code="scan.too_long"
        )
    text = "".join(c for c in raw if not _is_control(c)).strip()
    if not text:
        raise ScanRejected(msg("未识别到有效内容，请重新扫码"), code="scan.empty")
    if len(text) > max_length:
        raise ScanRejected(
            msg("扫码内容过长，无法识别，请确认扫描的是办事二维码"), code="scan.too_long"
        )
    if any(_is_unusable(c) for c in text):
        raise ScanRejected(msg("扫码内容含有无法识别的字符，请重新扫码"), code="scan.unprintable")
    return text


def make_scan_event(
    raw: str,
    *,
    source: ScanSource,
    device_id: str,
    at: _dt.datetime,
    symbology: Symbology = Symbology.UNKNOWN,
    max_length: int = MAX_SCAN_LENGTH,
) -> ScanEvent:
    """Build a :class:`ScanEvent` from raw device text, sanitising it.

    Raises:
        ScanRejected: the text is empty, too long or unprintable.
        ValueError: ``at`` is a naive datetime (a programming error).
    """
    if at.tzinfo is None:
        raise ValueError("ScanEvent times must be timezone-aware")
    text = sanitize_scan_text(raw, max_length=max_length)
    return ScanEvent(text=text, source=source, device_id=device_id, at=at, symbology=symbology)


class ScanDebouncer:
    """Accepts a code once it has been seen consistently, then ignores it for a while.

    Two ways in:

    - :meth:`observe_frame` for a camera: the texts decoded from one frame. A text is
      accepted when it appears in at least ``required`` of the last ``window`` frames,
      so a one-frame misread never fires and a code is accepted once, not per frame.
    - :meth:`offer` for sources that deliver a code once per trigger (wedge, serial).

    After acceptance, the same text is ignored until ``cooldown`` seconds have passed
    since it was *last seen*: a phone held in front of the camera for ten seconds, or
    a serial scanner in continuous mode repeating the code, yields a single scan. A
    different code is accepted at once.

    Args:
        clock: monotonic seconds.
        window: how many recent frames are remembered.
        required: in how many of them a text must appear.
        cooldown: seconds a repeat of an accepted code is ignored.
    """

    def __init__(
        self,
        *,
        clock: Clock,
        window: int = 5,
        required: int = 2,
        cooldown: float = 3.0,
    ) -> None:
        if not 1 <= required <= window:
            raise ValueError("need 1 <= required <= window")
        if cooldown < 0:
            raise ValueError("cooldown must not be negative")
        self._clock = clock
        self._required = required
        self._cooldown = cooldown
        self._frames: deque[frozenset[str]] = deque(maxlen=window)
        self._last_seen: dict[str, float] = {}  # accepted texts still cooling down

    def _cooling(self, text: str, now: float) -> bool:
        seen = self._last_seen.get(text)
        return seen is not None and now - seen < self._cooldown

    def _forget_expired(self, now: float) -> None:
        expired = [t for t, seen in self._last_seen.items() if now - seen >= self._cooldown]
        for text in expired:
            del self._last_seen[text]

    def _accept_or_renew(self, texts: Iterable[str], now: float, *, seen_enough: bool) -> list[str]:
        accepted: list[str] = []
        for text in texts:
            if self._cooling(text, now):
                self._last_seen[text] = now  # still in view: extend the cool-down
            elif seen_enough or self._count(text) >= self._required:
                self._last_seen[text] = now
                accepted.append(text)
        return accepted

    def _count(self, text: str) -> int:
        return sum(1 for frame in self._frames if text in frame)

    def observe_frame(self, texts: Iterable[str]) -> list[str]:
        """Record the texts decoded from one camera frame (empty for no code).

        Returns:
            The texts accepted by this frame, in first-seen order, usually none.
        """
        now = self._clock()
        self._forget_expired(now)
        unique = list(dict.fromkeys(texts))
        self._frames.append(frozenset(unique))
        return self._accept_or_renew(unique, now, seen_enough=False)

    def offer(self, text: str) -> bool:
        """Offer one code from a single-shot source; True if it is accepted."""
        now = self._clock()
        self._forget_expired(now)
        return bool(self._accept_or_renew([text], now, seen_enough=True))

    def reset(self) -> None:
        """Forget everything (a new session starts; the same code may be scanned again)."""
        self._frames.clear()
        self._last_seen.clear()


@dataclass(frozen=True, slots=True)
class KeyStroke:
    """One key press as the wedge classifier sees it.

    Attributes:
        char: the text the key produced; ``"\\r"`` for Enter/Return.
        at: monotonic seconds.
    """

    char: str
    at: float


ENTER = "\r"


class WedgeVerdict(StrEnum):
    """What to do with the keys held so far."""

    HOLD = "hold"  # could still be a scan: keep the keys back
    TYPING = "typing"  # a person: deliver every held key, in order, now
    SCAN = "scan"  # a scanner burst ended in Enter: swallow the keys, take the text


@dataclass(frozen=True, slots=True)
class WedgeTiming:
    """The timing rules that separate a wedge scanner from a person.

    Scanners type at 1–15 ms per character (USB HID polling); people, even fast
    typists, leave 60–250 ms between keys and rarely four or more keys in a row under
    ``max_gap``. A scan is at least ``min_length`` characters, every gap (including the
    one before Enter) below ``max_gap``, and ends in Enter.
    """

    max_gap: float = 0.05
    min_length: int = 4
    max_length: int = MAX_SCAN_LENGTH


def is_wedge_scan(strokes: Sequence[KeyStroke], timing: WedgeTiming | None = None) -> bool:
    """Whether a complete key sequence (ending in Enter) is a scanner burst."""
    rules = timing or WedgeTiming()
    if len(strokes) < 2 or strokes[-1].char != ENTER:
        return False
    body = strokes[:-1]
    if not rules.min_length <= len(body) <= rules.max_length:
        return False
    if any(s.char == ENTER for s in body):
        return False
    gaps = (b.at - a.at for a, b in zip(strokes, strokes[1:], strict=False))
    return all(0 <= gap < rules.max_gap for gap in gaps)


class WedgeBurstClassifier:
    """Incremental form of :func:`is_wedge_scan` for a live key stream.

    The caller (the Qt scan bridge) holds each key back while the verdict is
    :attr:`WedgeVerdict.HOLD`, releases the held keys on
    :attr:`WedgeVerdict.TYPING`, and swallows them on :attr:`WedgeVerdict.SCAN`.
    Before each key, and when its gap timer fires, it calls :meth:`expire` so keys
    held by a pause are released promptly.

    Args:
        timing: the thresholds; defaults suit common USB scanners.
    """

    def __init__(self, *, timing: WedgeTiming | None = None) -> None:
        self.timing = timing or WedgeTiming()
        self._held: list[KeyStroke] = []
        #: The text of the last burst classified as :attr:`WedgeVerdict.SCAN`.
        self.scanned_text = ""

    @property
    def holding(self) -> bool:
        """Whether any key is being held back."""
        return bool(self._held)

    def expire(self, now: float) -> bool:
        """Give up on a burst that paused too long.

        Returns:
            True if keys were held and must now be released as typing.
        """
        if self._held and now - self._held[-1].at >= self.timing.max_gap:
            self._held.clear()
            return True
        return False

    def press(self, char: str, at: float) -> WedgeVerdict:
        """Classify the sequence held so far plus one more key.

        Args:
            char: the key's text (:data:`ENTER` for Enter/Return).
            at: monotonic seconds; call :meth:`expire` first so a stale burst is cut.
        """
        if self._held and at - self._held[-1].at >= self.timing.max_gap:
            # The caller skipped expire(): the old keys and this one are typing.
            self._held.clear()
            return WedgeVerdict.TYPING
        stroke = KeyStroke(char, at)
        if char == ENTER:
            candidate = [*self._held, stroke]
            self._held.clear()
            if is_wedge_scan(candidate, self.timing):
                self.scanned_text = "".join(s.char for s in candidate[:-1])
                return WedgeVerdict.SCAN
            return WedgeVerdict.TYPING
        if len(char) != 1 or len(self._held) >= self.timing.max_length:
            self._held.clear()
            return WedgeVerdict.TYPING
        self._held.append(stroke)
        return WedgeVerdict.HOLD

    def reset(self) -> None:
        """Drop whatever is held (the bridge released or swallowed it)."""
        self._held.clear()
