"""长辈模式: contrast, sizes, longer timeouts, and 朗读."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel

from core.terminal import Tile
from widgets.idle import IdleTimeouts
from widgets.theme import TEXT_PAIRS, Colours, contrast_ratio, resolve_colour, theme_metrics
from widgets.voice import VoiceReader

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.mark.parametrize(("role", "foreground", "background"), TEXT_PAIRS)
def test_every_text_colour_pair_reaches_4_5_to_1(role, foreground, background):
    ratio = contrast_ratio(resolve_colour(foreground), resolve_colour(background))
    assert ratio >= 4.5, f"{role}: {foreground} on {background} is {ratio:.2f}:1"


def test_contrast_formula_matches_wcag():
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert resolve_colour("primary") == Colours().primary


class SilentSynth:
    def synthesize(self, text: str, *, language: str, out: Path) -> None:
        import wave

        # the file first: a wave writer that cannot open its file fails again in __del__
        with out.open("wb") as file, wave.open(file, "wb") as audio:
            audio.setnchannels(1)
            audio.setsampwidth(2)
            audio.setframerate(8000)
            audio.writeframes(b"\0\0" * 80)


class RecordingPlayer:
    def __init__(self) -> None:
        self.played: list[Path] = []
        self.stops = 0

    def play(self, path: Path, *, on_finished: Callable[[], None]) -> None:
        self.played.append(path)

    def stop(self) -> None:
        self.stops += 1


class SpyVoice(VoiceReader):
    """The real reader with a silent synthesiser, remembering what it was asked."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.spoken: list[tuple[str, str]] = []

    def speak(self, text: str, *, language: str = "zh_CN") -> None:
        self.spoken.append((text, language))
        super().speak(text, language=language)


@pytest.fixture
def make(qtbot, language, runner, catalog, profile):
    from kiosk.window import KioskWindow

    def build(**extra: object) -> KioskWindow:
        window = KioskWindow(
            catalog=catalog,
            profile=profile,
            language=language,
            runner=runner,
            now=lambda: datetime(2022, 6, 1, 2, 0),
            timeouts=IdleTimeouts(screen_s=60, home_s=100, elder_factor=2.0),
            **extra,
        )
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return build


def tap(qtbot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_elder_mode_text_targets_and_timeouts(qtbot, make, kiosk_app):
    window = make()
    tap(qtbot, window.home.tile_button(Tile.SEARCH))
    assert window.idle.timeout() == 60
    tap(qtbot, window.header.elder_button)
    assert window.is_elder()
    assert window.idle.timeout() == 120  # longer in 长辈模式
    metrics = theme_metrics(kiosk_app)
    assert metrics.body >= 30
    assert metrics.small >= 30
    tap(qtbot, window.search.keyboard.mode_key())  # the candidate bar is up too
    for char in "wang":
        tap(qtbot, window.search.keyboard.key(char))
    qtbot.waitUntil(lambda: bool(window.search.keyboard.candidate_buttons()))
    # the candidate bar must not push a 1080 px landscape screen taller
    assert (window.width(), window.height()) == (1920, 1080)
    buttons = [
        b
        for b in window.findChildren(QAbstractButton)
        if b.isVisible() and b.window() is window and b is not window.overlay.more_time
    ]
    assert buttons
    small = [b.objectName() or b.text() for b in buttons if b.height() < 60]
    assert small == []
    labels = [lab for lab in window.search.findChildren(QLabel) if lab.isVisible() and lab.text()]
    assert all(lab.font().pixelSize() >= 30 or lab.fontInfo().pixelSize() >= 30 for lab in labels)
    tap(qtbot, window.header.home_button)
    assert window.idle.timeout() == 200
    tap(qtbot, window.header.elder_button)
    assert window.idle.timeout() == 100


def test_read_aloud_is_hidden_without_voice(qtbot, make, runner):
    assert not make().header.read_button.isVisible()
    silent = VoiceReader(runner=runner, synthesizer=SilentSynth(), player=None)
    assert not make(voice=silent).header.read_button.isVisible()
    silent.close()


def test_read_aloud_reads_the_screen_in_the_current_language(qtbot, make, runner, language):
    player = RecordingPlayer()
    voice = SpyVoice(runner=runner, synthesizer=SilentSynth(), player=player)
    window = make(voice=voice)
    button = window.header.read_button
    assert button.isVisible()
    assert button.height() >= 60
    tap(qtbot, button)
    assert "您好，欢迎使用政务服务自助终端" in voice.spoken[-1][0]
    assert voice.spoken[-1][1] == "zh_CN"
    qtbot.waitUntil(lambda: len(player.played) == 1)

    language.set_language("en")
    qtbot.waitUntil(lambda: window.header.read_button.text() != "朗读")
    tap(qtbot, window.header.read_button)
    assert voice.spoken[-1][1] == "en"
    language.set_language("zh_CN")
    voice.close()


def test_elder_mode_reads_each_new_screen_and_cancels_the_last(qtbot, make, runner):
    player = RecordingPlayer()
    voice = SpyVoice(runner=runner, synthesizer=SilentSynth(), player=player)
    window = make(voice=voice)
    tap(qtbot, window.header.elder_button)
    before = len(voice.spoken)
    stops = player.stops
    tap(qtbot, window.home.tile_button(Tile.MAP))
    assert player.stops > stops  # the previous screen's speech stopped
    assert len(voice.spoken) == before + 1
    qtbot.waitUntil(lambda: len(player.played) >= 1)
    # without 长辈模式 a new screen is silent until 朗读 is tapped
    tap(qtbot, window.header.elder_button)
    count = len(voice.spoken)
    tap(qtbot, window.header.home_button)
    assert len(voice.spoken) == count
    voice.close()
