"""Voice calling for the hall display: "请 A 零 一 二 号到 三 号窗口办理", offline.

Speech is synthesised by espeak-ng (Mandarin voice ``cmn``) into a WAV file on a worker
thread, then played on the GUI thread. Announcements form a queue: a new call waits
until the current one has been spoken (each call is spoken twice), nothing is ever cut
off, and a recall is announced again.

A hall PC without a sound card still runs the queue at speaking pace (a silent player
waits for the WAV's duration) and reports "无音频输出" in :meth:`Announcer.health`.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import subprocess
import wave
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QTimer, QUrl, Signal

from core.errors import DeviceUnavailable, msg
from widgets.task_runner import TaskRunner

log = logging.getLogger(__name__)

_DIGITS = "零一二三四五六七八九"

# Health texts are reported to the gateway as written and translated where a screen
# shows them (``QCoreApplication.translate("Announcer", text)``).
HEALTH_OK = "正常"
HEALTH_NO_AUDIO = str(QT_TRANSLATE_NOOP("Announcer", "无音频输出"))
HEALTH_NO_SYNTHESIS = str(QT_TRANSLATE_NOOP("Announcer", "语音合成不可用（未安装 espeak-ng）"))
HEALTH_SYNTHESIS_FAILED = str(QT_TRANSLATE_NOOP("Announcer", "语音合成失败"))


def spoken_number(number: str) -> str:
    """A ticket number read digit by digit: ``"A012"`` → ``"A 零 一 二"``."""
    return " ".join(_DIGITS[int(c)] if c.isdigit() else c for c in number.strip().upper())


def spoken_window(window_no: str) -> str:
    """A window number as said in a hall: ``"3"`` → ``"三"``, ``"12"`` → ``"十二"``."""
    text = window_no.strip()
    if not text.isdigit() or not 0 < int(text) < 100:
        return " ".join(_DIGITS[int(c)] if c.isdigit() else c for c in text)
    n = int(text)
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    head = "十" if tens == 1 else _DIGITS[tens] + "十"
    return head + (_DIGITS[ones] if ones else "")


def announcement_text(number: str, window_no: str) -> str:
    """``"请 A 零 一 二 号到 三 号窗口办理"``."""
    return f"请 {spoken_number(number)} 号到 {spoken_window(window_no)} 号窗口办理"


def wav_seconds(path: Path) -> float:
    """The playing time of a WAV file."""
    with wave.open(str(path), "rb") as w:
        rate = w.getframerate()
        return w.getnframes() / rate if rate else 0.0


@dataclass(frozen=True, slots=True)
class Announcement:
    """One call to announce."""

    number: str
    window_no: str
    kind: str  # "call" or "recall"
    text: str


# ------------------------------------------------------------------ synthesis


class Synthesizer(Protocol):
    """Turns text into a WAV file (runs on a worker thread)."""

    def synthesize(self, text: str, path: Path) -> None: ...


class EspeakSynthesizer:
    """espeak-ng, fully offline.

    Args:
        voice: the espeak voice; ``cmn`` is Mandarin.
        words_per_minute: a calm pace for a hall (default speed is hurried).

    Raises:
        DeviceUnavailable: espeak-ng is not installed (Debian package ``espeak-ng``).
    """

    def __init__(self, *, voice: str = "cmn", words_per_minute: int = 140) -> None:
        executable = shutil.which("espeak-ng")
        if executable is None:
            raise DeviceUnavailable("voice", msg("未安装 espeak-ng，无法语音叫号"))
        self._exe = executable
        self._voice = voice
        self._wpm = words_per_minute

    def synthesize(self, text: str, path: Path) -> None:
        """Write ``text`` spoken to ``path``.

        Raises:
            DeviceUnavailable: espeak-ng failed or produced no audio.
        """
        tmp = path.with_suffix(".part")
        try:
            subprocess.run(  # noqa: S603 - fixed executable, text passed as one argument
                [self._exe, "-v", self._voice, "-s", str(self._wpm), "-w", str(tmp), "--", text],
                check=True,
                capture_output=True,
                timeout=30,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            raise DeviceUnavailable(
                "voice", msg("语音合成失败：{error}", error=type(exc).__name__)) from exc
        if not tmp.exists() or tmp.stat().st_size <= 44:
            raise DeviceUnavailable("voice", msg("语音合成没有产生声音"))
        tmp.replace(path)


# ------------------------------------------------------------------ playback


class Player(Protocol):
    """Plays one WAV on the GUI thread and calls back when it has finished."""

    def play(self, path: Path, on_finished: Callable[[], None]) -> None: ...


class SilentPlayer(QObject):
    """No audio device: "plays" for the WAV's duration so the queue keeps its pace."""

    def play(self, path: Path, on_finished: Callable[[], None]) -> None:
        QTimer.singleShot(max(1, int(wav_seconds(path) * 1000)), self, on_finished)


class SoundEffectPlayer(QObject):
    """QtMultimedia's ``QSoundEffect`` on the default audio output.

    Raises:
        DeviceUnavailable: the machine has no audio output.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QMediaDevices, QSoundEffect  # only with audio

        if not QMediaDevices.audioOutputs():
            raise DeviceUnavailable("audio", HEALTH_NO_AUDIO)
        self._effect = QSoundEffect(self)
        self._on_finished: Callable[[], None] | None = None
        self._effect.playingChanged.connect(self._playing_changed)

    def play(self, path: Path, on_finished: Callable[[], None]) -> None:
        self._on_finished = on_finished
        self._effect.setSource(QUrl.fromLocalFile(str(path)))
        self._effect.play()

    def _playing_changed(self) -> None:
        if not self._effect.isPlaying() and self._on_finished is not None:
            done, self._on_finished = self._on_finished, None
            done()


def default_player(parent: QObject | None = None) -> tuple[Player, str]:
    """The sound card's player, or a silent one and the health text saying why."""
    try:
        return SoundEffectPlayer(parent), HEALTH_OK
    except DeviceUnavailable as exc:
        log.warning("hall display has no audio output; calls are shown only")
        return SilentPlayer(parent), exc.reason


# ------------------------------------------------------------------ the queue


class Announcer(QObject):
    """Speaks calls one after another, each twice, never cutting one off.

    Args:
        runner: runs the synthesis off the GUI thread.
        synthesizer: text → WAV; ``None`` when none is installed (calls are skipped,
            health says so).
        player: plays on the GUI thread (:func:`default_player` picks one).
        work_dir: where WAV files are kept (one per distinct text, reused for recalls).
        health: the starting health text, e.g. :data:`HEALTH_NO_AUDIO`.
        repeats: how many times each call is spoken.
        parent: the Qt parent.

    Signals:
        announcement_started(Announcement): it starts being spoken.
        announcement_finished(Announcement): it was spoken ``repeats`` times (or skipped).
        health_changed(str): the voice's health text changed.
    """

    announcement_started = Signal(object)
    announcement_finished = Signal(object)
    health_changed = Signal(str)

    def __init__(
        self,
        *,
        runner: TaskRunner,
        synthesizer: Synthesizer | None,
        player: Player,
        work_dir: Path,
        health: str = HEALTH_OK,
        repeats: int = 2,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._synth = synthesizer
        self._player = player
        self._dir = work_dir
        self._dir.mkdir(parents=True, exist_ok=True)
        self._repeats = max(1, repeats)
        self._queue: deque[Announcement] = deque()
        self._current: Announcement | None = None
        self._left = 0
        self._health = health if synthesizer is not None else HEALTH_NO_SYNTHESIS

    def health(self) -> str:
        """``"正常"`` or what is wrong (``"无音频输出"`` …)."""
        return self._health

    def pending(self) -> int:
        """Announcements waiting behind the current one."""
        return len(self._queue)

    def current(self) -> Announcement | None:
        return self._current

    def announce(self, number: str, window_no: str, *, kind: str = "call") -> Announcement:
        """Queue a call (or a recall: it is announced again in full)."""
        item = Announcement(number, window_no, kind, announcement_text(number, window_no))
        self._queue.append(item)
        self._pump()
        return item

    def _pump(self) -> None:
        if self._current is not None or not self._queue:
            return
        item = self._current = self._queue.popleft()
        self.announcement_started.emit(item)
        if self._synth is None:
            self._done()
            return
        synth = self._synth
        path = self._dir / (hashlib.sha1(item.text.encode()).hexdigest()[:16] + ".wav")

        def make() -> Path:
            if not path.exists():
                synth.synthesize(item.text, path)
            return path

        self._runner.run(make, on_done=self._speak, on_error=self._failed, owner=self)

    def _speak(self, path: Path) -> None:
        self._left = self._repeats
        self._player.play(path, self._played)

    def _played(self) -> None:
        self._left -= 1
        current = self._current
        if self._left > 0 and current is not None:
            path = self._dir / (hashlib.sha1(current.text.encode()).hexdigest()[:16] + ".wav")
            self._player.play(path, self._played)
            return
        self._done()

    def _failed(self, error: BaseException) -> None:
        log.error("announcement could not be synthesised: %s", type(error).__name__)
        self._set_health(HEALTH_SYNTHESIS_FAILED)
        self._done()

    def _done(self) -> None:
        finished, self._current = self._current, None
        if finished is not None:
            self.announcement_finished.emit(finished)
        self._pump()

    def _set_health(self, text: str) -> None:
        if text != self._health:
            self._health = text
            self.health_changed.emit(text)
