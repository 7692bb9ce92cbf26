"""Scan validation, debouncing and wedge-burst classification (no Qt, no devices)."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from core.scan import (
    ENTER,
    KeyStroke,
    ScanDebouncer,
    ScanEvent,
    ScanRejected,
    ScanSource,
    Symbology,
    WedgeBurstClassifier,
    WedgeTiming,
    WedgeVerdict,
    is_wedge_scan,
    make_scan_event,
    sanitize_scan_text,
)

AT = dt.datetime(2022, 5, 9, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))


class ManualClock:
    def __init__(self, start: float = 100.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


# --- sanitation -------------------------------------------------------------------


def test_sanitize_strips_terminators_padding_and_separators() -> None:
    assert sanitize_scan_text("GT1:RC:ABC123\r\n") == "GT1:RC:ABC123"
    assert sanitize_scan_text("\x00\x00 T0301-20220509-7 \x1b") == "T0301-20220509-7"
    # GS1 group separators are control characters, dropped between fields.
    assert sanitize_scan_text("(01)0695\x1d(10)AB") == "(01)0695(10)AB"
    # Chinese content in a code survives.
    chinese = "威海市政务服务中心 取件码 123456"
    assert sanitize_scan_text(chinese + "\n") == chinese


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "scan.empty"),
        ("\r\n\x00\t  ", "scan.empty"),
        ("A" * 2049, "scan.too_long"),
        ("A" * 100_000, "scan.too_long"),
        ("AB\ufffdCD", "scan.unprintable"),
        ("AB\ue000CD", "scan.unprintable"),
        (b"AB\xffCD".decode("utf-8", "surrogateescape"), "scan.unprintable"),
        ("AB\u0378CD", "scan.unprintable"),
    ],
)
def test_sanitize_rejects_with_a_clear_message(raw: str, code: str) -> None:
    with pytest.raises(ScanRejected) as err:
        sanitize_scan_text(raw)
    assert err.value.code == code
    assert "扫码" in err.value.message or "内容" in err.value.message
    assert "AB" not in err.value.message  # never echoes the content


def test_sanitize_respects_a_custom_length() -> None:
    assert sanitize_scan_text("123456", max_length=6) == "123456"
    with pytest.raises(ScanRejected):
        sanitize_scan_text("1234567", max_length=6)


def test_make_scan_event_sanitises_and_hides_content_in_repr() -> None:
    event = make_scan_event(
        "110105194912310021\r",
        source=ScanSource.SERIAL,
        device_id="ttyACM0",
        at=AT,
        symbology=Symbology.QR,
    )
    assert event == ScanEvent("110105194912310021", ScanSource.SERIAL, "ttyACM0", AT, Symbology.QR)
    assert "110105" not in repr(event)
    assert "length=18" in repr(event)


def test_make_scan_event_needs_an_aware_time() -> None:
    with pytest.raises(ValueError, match="timezone"):
        make_scan_event(
            "X1234", source=ScanSource.MANUAL, device_id="m", at=dt.datetime(2022, 1, 1)
        )


# --- debouncing -------------------------------------------------------------------


def test_camera_code_is_accepted_once_not_once_per_frame() -> None:
    clock = ManualClock()
    debouncer = ScanDebouncer(clock=clock, window=5, required=2, cooldown=3.0)
    accepted: list[str] = []
    for _ in range(60):  # two seconds of 30 fps video with the code in view
        accepted += debouncer.observe_frame(["CODE-A"])
        clock.advance(1 / 30)
    assert accepted == ["CODE-A"]


def test_a_single_frame_misread_is_never_accepted() -> None:
    clock = ManualClock()
    debouncer = ScanDebouncer(clock=clock, window=5, required=2)
    accepted: list[str] = []
    for frame in (["GARBLED"], [], [], [], [], [], ["OTHER"], []):
        accepted += debouncer.observe_frame(frame)
        clock.advance(0.033)
    assert accepted == []


def test_code_seen_in_two_of_the_last_frames_with_gaps_is_accepted() -> None:
    clock = ManualClock()
    debouncer = ScanDebouncer(clock=clock, window=4, required=2)
    assert debouncer.observe_frame(["A"]) == []
    assert debouncer.observe_frame([]) == []
    assert debouncer.observe_frame(["A", "A"]) == ["A"]


def test_code_held_in_view_is_not_reaccepted_after_the_cooldown() -> None:
    clock = ManualClock()
    debouncer = ScanDebouncer(clock=clock, window=3, required=2, cooldown=1.0)
    accepted: list[str] = []
    for _ in range(300):  # ten seconds in view
        accepted += debouncer.observe_frame(["A"])
        clock.advance(1 / 30)
    assert accepted == ["A"]


def test_same_code_again_after_the_cooldown_and_other_codes_at_once() -> None:
    clock = ManualClock()
    debouncer = ScanDebouncer(clock=clock, cooldown=3.0)
    assert debouncer.offer("PICKUP-1")
    clock.advance(1.0)
    assert not debouncer.offer("PICKUP-1")  # a repeat
    assert debouncer.offer("PICKUP-2")  # another code is not held up
    clock.advance(2.9)
    assert not debouncer.offer("PICKUP-1")  # the repeat renewed the cool-down
    clock.advance(3.0)
    assert debouncer.offer("PICKUP-1")  # a deliberate rescan later is accepted


def test_reset_forgets_cooldowns() -> None:
    clock = ManualClock()
    debouncer = ScanDebouncer(clock=clock)
    assert debouncer.offer("A")
    debouncer.reset()
    assert debouncer.offer("A")


def test_debouncer_rejects_impossible_settings() -> None:
    with pytest.raises(ValueError, match="required"):
        ScanDebouncer(clock=ManualClock(), window=2, required=3)
    with pytest.raises(ValueError, match="cooldown"):
        ScanDebouncer(clock=ManualClock(), cooldown=-1)


# --- wedge bursts -----------------------------------------------------------------


def strokes(text: str, gaps: list[float], start: float = 10.0) -> list[KeyStroke]:
    """Key strokes for ``text`` + Enter with the given gaps before each following key."""
    chars = [*text, ENTER]
    assert len(gaps) == len(chars) - 1
    at = start
    out = [KeyStroke(chars[0], at)]
    for char, gap in zip(chars[1:], gaps, strict=True):
        at += gap
        out.append(KeyStroke(char, at))
    return out


def scanner_gaps(n: int, rng: random.Random) -> list[float]:
    # USB HID scanners: 1–15 ms per character, jitter from the 8 ms polling interval.
    return [rng.uniform(0.001, 0.015) for _ in range(n)]


def typist_gaps(n: int, rng: random.Random, fast: bool = False) -> list[float]:
    # Measured typing: 60–250 ms between keys; a fast typist's rollover pairs reach
    # 25–45 ms, but not four keys in a row.
    lo, hi = (0.06, 0.14) if fast else (0.09, 0.25)
    gaps = [rng.uniform(lo, hi) for _ in range(n)]
    if fast:
        for i in range(0, n, 3):
            gaps[i] = rng.uniform(0.025, 0.045)
    return gaps


@pytest.mark.parametrize("seed", range(20))
def test_scanner_bursts_are_scans(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY:-"
    text = "".join(rng.choice(alphabet) for _ in range(rng.randint(6, 60)))
    assert is_wedge_scan(strokes(text, scanner_gaps(len(text), rng)))


@pytest.mark.parametrize("seed", range(20))
def test_people_typing_and_pressing_enter_are_not_scans(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice("zhangsan13800") for _ in range(rng.randint(2, 18)))
    assert not is_wedge_scan(strokes(text, typist_gaps(len(text), rng)))
    assert not is_wedge_scan(strokes(text, typist_gaps(len(text), rng, fast=True)))


def test_short_or_unterminated_bursts_are_not_scans() -> None:
    assert not is_wedge_scan(strokes("ab", [0.005, 0.005]))  # shorter than min_length
    burst = strokes("ABCDEF", [0.005] * 6)
    assert not is_wedge_scan(burst[:-1])  # no Enter
    assert not is_wedge_scan(strokes("ABCDEF", [0.005, 0.005, 0.2, 0.005, 0.005, 0.005]))
    assert not is_wedge_scan(strokes("ABCDEF", [0.005] * 5 + [0.4]))  # Enter pressed late


def test_incremental_classifier_holds_then_swallows_a_scan() -> None:
    classifier = WedgeBurstClassifier()
    verdicts = [classifier.press(s.char, s.at) for s in strokes("T0301-7", [0.004] * 7)]
    assert verdicts[:-1] == [WedgeVerdict.HOLD] * 7
    assert verdicts[-1] is WedgeVerdict.SCAN
    assert classifier.scanned_text == "T0301-7"
    assert not classifier.holding


def test_incremental_classifier_releases_typing_on_a_pause() -> None:
    classifier = WedgeBurstClassifier(timing=WedgeTiming(max_gap=0.05))
    assert classifier.press("z", 1.0) is WedgeVerdict.HOLD
    assert not classifier.expire(1.02)
    assert classifier.expire(1.06)  # the person paused: release "z" now
    assert not classifier.holding
    # A pause the caller did not report makes the next key typing too.
    assert classifier.press("h", 2.0) is WedgeVerdict.HOLD
    assert classifier.press("a", 2.3) is WedgeVerdict.TYPING
    # Enter after a short fast run is typing (below min_length).
    assert classifier.press("o", 3.0) is WedgeVerdict.HOLD
    assert classifier.press(ENTER, 3.01) is WedgeVerdict.TYPING


def test_incremental_classifier_gives_up_on_non_text_and_runaway_input() -> None:
    classifier = WedgeBurstClassifier(timing=WedgeTiming(max_length=8))
    assert classifier.press("a", 1.0) is WedgeVerdict.HOLD
    assert classifier.press("", 1.001) is WedgeVerdict.TYPING  # e.g. an arrow key
    at = 2.0
    verdicts = []
    for _ in range(9):
        at += 0.002
        verdicts.append(classifier.press("x", at))
    assert verdicts[-1] is WedgeVerdict.TYPING  # longer than any scan: let it through
