"""Voice read-out: real espeak-ng WAVs, the queue and cancel, and no audio device here."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from widgets.task_runner import TaskRunner
from widgets.voice import (
    EspeakSynthesizer,
    QtAudioPlayer,
    VoiceReader,
    VoiceUnavailable,
    make_voice,
    wav_duration,
)

needs_espeak = pytest.mark.skipif(
    shutil.which("espeak-ng") is None, reason="espeak-ng is not installed (apt install espeak-ng)"
)


@pytest.fixture
def runner(qtbot):
    runner = TaskRunner()
    yield runner
    runner.shutdown()


class FakePlayer:
    """Records what is played; the test says when a file has finished."""

    def __init__(self) -> None:
        self.played: list[Path] = []
        self.durations: list[float] = []
        self.stops = 0
        self._finish: Callable[[], None] | None = None

    def play(self, path: Path, *, on_finished: Callable[[], None]) -> None:
        self.played.append(path)
        self.durations.append(wav_duration(path))
        self._finish = on_finished

    def stop(self) -> None:
        self.stops += 1
        self._finish = None

    def playing(self) -> bool:
        return self._finish is not None

    def finish(self) -> None:
        callback, self._finish = self._finish, None
        assert callback is not None
        callback()


class RecordingSynth:
    """Writes a real, tiny WAV per text and remembers the texts."""

    def __init__(self) -> None:
        self.texts: list[tuple[str, str]] = []

    def synthesize(self, text: str, *, language: str, out: Path) -> None:
        import wave

        self.texts.append((text, language))
        # the file first: a wave writer that cannot open its file fails again in __del__
        with out.open("wb") as file, wave.open(file, "wb") as audio:
            audio.setnchannels(1)
            audio.setsampwidth(2)
            audio.setframerate(8000)
            audio.writeframes(b"\0\0" * 800)


@needs_espeak
@pytest.mark.parametrize(
    ("language", "text"),
    [("zh_CN", "您好, 欢迎使用政务服务自助终端"), ("en", "Welcome to the self-service terminal")],
)
def test_espeak_writes_a_wav_with_sound(tmp_path, language, text):
    out = tmp_path / "hello.wav"
    EspeakSynthesizer().synthesize(text, language=language, out=out)
    assert wav_duration(out) > 0.5


def test_missing_espeak_is_reported_not_raised_later():
    with pytest.raises(VoiceUnavailable, match="espeak-ng"):
        EspeakSynthesizer(executable="no-such-espeak")


@needs_espeak
def test_utterances_are_read_in_order(qtbot, runner):
    player = FakePlayer()
    voice = VoiceReader(runner=runner, synthesizer=EspeakSynthesizer(), player=player)
    assert voice.available()
    with qtbot.waitSignal(voice.speaking_changed) as started:
        voice.speak("第一句")
        voice.speak("第二句")
    assert started.args == [True]
    assert voice.pending() == ["第二句"]
    qtbot.waitUntil(lambda: len(player.played) == 1)
    assert player.durations[0] > 0
    first = player.played[0]
    player.finish()
    assert not first.exists()  # played files do not linger (they may hold a name)
    qtbot.waitUntil(lambda: len(player.played) == 2)
    with qtbot.waitSignal(voice.speaking_changed) as stopped:
        player.finish()
    assert stopped.args == [False]
    voice.close()


def test_cancel_drops_the_queue_and_synthesis_in_flight(qtbot, runner):
    player = FakePlayer()
    synth = RecordingSynth()
    voice = VoiceReader(runner=runner, synthesizer=synth, player=player)
    voice.speak("屏幕一")
    voice.speak("屏幕一 第二段")
    qtbot.waitUntil(player.playing)
    voice.cancel()  # a new screen
    assert player.stops == 1
    assert voice.pending() == []
    assert not voice.is_speaking()
    voice.speak("屏幕二", language="en")
    qtbot.waitUntil(lambda: len(player.played) == 2)
    assert synth.texts == [("屏幕一", "zh_CN"), ("屏幕二", "en")]
    # a stale "finished" from the cancelled file must not start anything
    player.finish()
    qtbot.waitUntil(lambda: not voice.is_speaking())
    voice.forget_personal_data()
    assert list(voice._dir.glob("*.wav")) == []
    voice.close()


def test_cancel_while_synthesising_plays_nothing(qtbot, runner):
    player = FakePlayer()
    voice = VoiceReader(runner=runner, synthesizer=RecordingSynth(), player=player)
    voice.speak("马上取消")
    voice.cancel()
    voice.speak("之后这句")
    qtbot.waitUntil(lambda: len(player.played) == 1)
    assert voice.is_speaking()
    voice.close()


def test_without_audio_output_voice_is_unavailable(qtbot, runner):
    voice = VoiceReader(runner=runner, synthesizer=RecordingSynth(), player=None)
    assert not voice.available()
    assert voice.unavailable_reason()
    voice.speak("没有声音")
    assert not voice.is_speaking()
    voice.close()


@pytest.mark.qt_log_ignore("PulseAudio", "Couldn.t (load|resolve)", "ALSA", "[Aa]udio")
def test_this_machine_reports_what_it_has(qtbot, runner, qapp):
    from PySide6.QtMultimedia import QMediaDevices

    has_output = bool(QMediaDevices.audioOutputs())
    voice = make_voice(runner=runner)
    assert voice.available() == (has_output and shutil.which("espeak-ng") is not None)
    if not has_output:
        with pytest.raises(VoiceUnavailable, match="音频输出"):
            QtAudioPlayer()
        assert "音频输出" in voice.unavailable_reason()
    voice.close()
