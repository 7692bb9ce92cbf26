"""Camera decoding within its budget: texture check, learnt costs, fallback rotation.

Time here comes from a clock the test drives (each zbar pass "takes" what the test
says), so the budget decisions are checked without timing anything.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

import pytest
from PIL import Image, ImageChops, ImageFilter

from devices.scanners import decode as decode_module
from devices.scanners.decode import (
    CAMERA_STRATEGIES,
    PLAIN_FRAME_FALLBACK_EVERY,
    BarcodeDecoder,
    Strategy,
    code_texture,
)
from tests.helpers.scanner import RESIDENT_CODE, blank_frame, hard_frames

FRAMES = {hf.name: hf.frame for hf in hard_frames()}
FULL_SIZE = {Strategy.AS_IS, Strategy.INVERTED_FULL, Strategy.LOCAL_FULL, Strategy.UPSCALED}


def noisy(frame: Image.Image, sigma: float, seed: int = 0) -> Image.Image:
    random.seed(seed)
    return ImageChops.add(frame, Image.effect_noise(frame.size, sigma), scale=1.0, offset=-128)


class PassClock:
    """A clock that moves only when a zbar pass runs, by that pass's set cost."""

    def __init__(self, costs: dict[Strategy, float], default: float = 0.004) -> None:
        self.now = 100.0
        self.costs = costs
        self.default = default

    def __call__(self) -> float:
        return self.now

    def charge(self, strategy: Strategy) -> None:
        self.now += self.costs.get(strategy, self.default)


@pytest.fixture
def timed_decoder(monkeypatch: pytest.MonkeyPatch) -> tuple[BarcodeDecoder, PassClock]:
    clock = PassClock({})
    decoder = BarcodeDecoder(strategies=CAMERA_STRATEGIES, budget=0.02, clock=clock)
    prepare = dict(decode_module._PREPARE)

    def charging(strategy: Strategy):  # type: ignore[no-untyped-def]
        def run(picture: object) -> Image.Image:
            clock.charge(strategy)
            return prepare[strategy](picture)  # type: ignore[arg-type]

        return run

    monkeypatch.setattr(decode_module, "_PREPARE", {s: charging(s) for s in prepare})
    return decoder, clock


@pytest.mark.parametrize("name", list(FRAMES))
def test_every_hard_frame_has_code_texture(name: str) -> None:
    assert code_texture(FRAMES[name].reduce(2)) > 0


@pytest.mark.parametrize("sigma", [0, 3])
def test_plain_scenes_have_none(sigma: float) -> None:
    for seed in range(8):
        frame = blank_frame(seed) if sigma == 0 else noisy(blank_frame(seed), sigma, seed)
        assert code_texture(frame.reduce(2)) == 0


def test_a_plain_frame_gets_the_cheap_pass_and_a_spare_round_now_and_then() -> None:
    decoder = BarcodeDecoder(strategies=CAMERA_STRATEGIES, budget=0.02)
    outcomes = [
        decoder.decode(blank_frame(seed % 4)) for seed in range(2 * PLAIN_FRAME_FALLBACK_EVERY)
    ]
    assert all(o.code_like is False and o.symbols == () for o in outcomes)
    spare = [i for i, o in enumerate(outcomes) if len(o.tried) > 1]
    assert [o.tried for i, o in enumerate(outcomes) if i not in spare] == [(Strategy.HALF,)] * (
        len(outcomes) - len(spare)
    )
    assert spare == [PLAIN_FRAME_FALLBACK_EVERY - 1, 2 * PLAIN_FRAME_FALLBACK_EVERY - 1]


def test_a_noisy_frame_is_spared_the_full_size_passes() -> None:
    decoder = BarcodeDecoder(strategies=CAMERA_STRATEGIES, budget=10.0)  # all would fit
    for seed in range(3):
        outcome = decoder.decode(noisy(blank_frame(seed), 8, seed))
        assert outcome.code_like is True
        assert not FULL_SIZE & set(outcome.tried)
    # the generator's noisy frame with a code is still read
    found = decoder.decode(FRAMES["noise"])
    assert [s.text for s in found.symbols] == [RESIDENT_CODE]


def test_a_fallback_expected_to_overrun_waits_for_the_next_frame(
    timed_decoder: tuple[BarcodeDecoder, PassClock],
) -> None:
    decoder, clock = timed_decoder
    clock.costs = {Strategy.HALF: 0.004, Strategy.INVERTED: 0.004, Strategy.AS_IS: 0.015}
    frame = FRAMES["inverted"]  # only INVERTED, the third strategy, reads it
    first = decoder.decode(frame)
    # HALF, then AS_IS (forced: the first fallback always runs), and no more:
    # INVERTED was guessed to cost as much as HALF, and 4 + 15 + 4 > 20 ms.
    assert first.tried == (Strategy.HALF, Strategy.AS_IS)
    assert first.symbols == ()
    second = decoder.decode(frame)
    assert second.tried == (Strategy.HALF, Strategy.INVERTED)
    assert [s.text for s in second.symbols] == [RESIDENT_CODE]


def test_fallbacks_rotate_through_every_strategy_even_when_each_overruns(
    timed_decoder: tuple[BarcodeDecoder, PassClock],
) -> None:
    decoder, clock = timed_decoder
    clock.default = 0.03  # every pass alone is over budget: a very loaded machine
    # A code too smeared for any camera strategy: nothing stops the rotation early.
    frame = FRAMES["blurred"].filter(ImageFilter.GaussianBlur(3))
    fallbacks: list[Strategy] = []
    for _ in range(len(CAMERA_STRATEGIES) - 1):
        outcome = decoder.decode(frame)
        assert outcome.code_like is True
        assert outcome.symbols == ()
        assert len(outcome.tried) == 2  # the first pass and one fallback
        fallbacks.append(outcome.tried[1])
    assert sorted(fallbacks) == sorted(CAMERA_STRATEGIES[1:])  # each had its turn


def test_the_learnt_cost_of_a_slow_strategy_keeps_it_out_of_a_full_frame(
    timed_decoder: tuple[BarcodeDecoder, PassClock],
) -> None:
    decoder, clock = timed_decoder
    clock.costs = {Strategy.HALF: 0.006, Strategy.AS_IS: 0.016}
    frames: Sequence[Image.Image] = [
        blank_frame(seed) for seed in range(PLAIN_FRAME_FALLBACK_EVERY * 2)
    ]
    spare = [o for o in (decoder.decode(f) for f in frames) if len(o.tried) > 1]
    assert spare
    for outcome in spare:
        # 6 + 16 > 20: AS_IS is guessed (4 × HALF) too slow for a plain frame's spare
        # round, which takes only what fits
        assert Strategy.AS_IS not in outcome.tried
        assert outcome.seconds <= 0.02 + 1e-9
