"""Voice read-out (朗读) for 长辈模式 and anyone who cannot read the screen well.

Offline: espeak-ng speaks Mandarin (``-v cmn``) and English. The text is synthesised
to a WAV file in the task runner's pool (never on the GUI thread), then played on the
GUI thread with QtMultimedia. Utterances queue up; :meth:`VoiceReader.cancel` (a new
screen, the end of a session) stops the current one, drops the queue and ignores
synthesis still running.

Both halves are small Protocols with a real adapter that raises
:class:`VoiceUnavailable` at construction when it cannot work (no espeak-ng, no audio
output). :func:`make_voice` builds what the machine has; a reader without them reports
itself unavailable and the kiosk hides its 朗读 button instead of offering one that is
silent.

What is read can be personal (a name on a confirmation screen), so the WAV files live
in a private temporary folder, are deleted as soon as they are played or dropped, and
the text goes to espeak-ng on its standard input, not its command line (which other
users of the machine can see).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
import wave
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QUrl, Signal

from core.errors import DeviceUnavailable, msg
from widgets.i18n import translate_text
from widgets.task_runner import TaskRunner

log = logging.getLogger(__name__)

ESPEAK_VOICES = {"zh_CN": "cmn", "en": "en"}
SYNTH_TIMEOUT_S = 30


class VoiceUnavailable(DeviceUnavailable):
    """Speech cannot work on this machine (no synthesiser or no audio output)."""

    def __init__(self, reason: str) -> None:
        super().__init__("voice", reason)


class Synthesizer(Protocol):
    """Turns text into a WAV file; blocking, called off the GUI thread."""

    def synthesize(self, text: str, *, language: str, out: Path) -> None:
        """Write ``text`` spoken in ``language`` (``"zh_CN"``/``"en"``) to ``out``."""
        ...


class AudioPlayer(Protocol):
    """Plays a WAV file; called on the GUI thread."""

    def play(self, path: Path, *, on_finished: Callable[[], None]) -> None:
        """Start playing ``path``; call ``on_finished`` once when it ends or fails."""
        ...

    def stop(self) -> None:
        """Stop at once; ``on_finished`` of the stopped file is not called."""
        ...


class EspeakSynthesizer:
    """espeak-ng, offline, Mandarin and English.

    Args:
        executable: the program (``espeak-ng``, found on ``PATH``).
        speed: words per minute; slower than espeak's 175 for older listeners.

    Raises:
        VoiceUnavailable: espeak-ng is not installed.
    """

    def __init__(self, *, executable: str = "espeak-ng", speed: int = 140) -> None:
        found = shutil.which(executable)
        if found is None:
            raise VoiceUnavailable(msg("未安装语音合成程序 espeak-ng (Debian 软件包 espeak-ng)"))
        self._executable = found
        self._speed = speed

    def synthesize(self, text: str, *, language: str, out: Path) -> None:
        voice = ESPEAK_VOICES.get(language, "cmn")
        command = [self._executable, "-v", voice, "-s", str(self._speed), "-w", str(out), "--stdin"]
        try:
            subprocess.run(  # noqa: S603 - fixed program, text on stdin
                command,
                input=text.encode("utf-8"),
                capture_output=True,
                timeout=SYNTH_TIMEOUT_S,
                check=True,
            )
        except subprocess.CalledProcessError as exc:
            raise VoiceUnavailable(
                msg("语音合成失败 (espeak-ng 退出码 {code})", code=exc.returncode)) from exc
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise VoiceUnavailable(
                msg("语音合成失败: {error}", error=type(exc).__name__)) from exc


class QtAudioPlayer(QObject):
    """Plays WAV files with ``QSoundEffect`` on the default audio output.

    Raises:
        VoiceUnavailable: the machine has no audio output (or QtMultimedia is missing).
    """

    def __init__(self, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except ImportError as exc:  # a build without QtMultimedia
            raise VoiceUnavailable(msg("缺少 QtMultimedia 组件")) from exc
        if not QMediaDevices.audioOutputs():
            raise VoiceUnavailable(msg("没有可用的音频输出设备 (扬声器)"))
        self._effect = QSoundEffect(self)
        self._effect.playingChanged.connect(self._on_playing_changed)
        self._effect.statusChanged.connect(self._on_status_changed)
        self._on_finished: Callable[[], None] | None = None
        self._started = False

    def play(self, path: Path, *, on_finished: Callable[[], None]) -> None:
        self._on_finished = on_finished
        self._started = False
        self._effect.setSource(QUrl.fromLocalFile(str(path)))
        self._effect.play()

    def stop(self) -> None:
        self._on_finished = None
        self._effect.stop()

    def _on_playing_changed(self) -> None:
        if self._effect.isPlaying():
            self._started = True
        elif self._started:
            self._finish()

    def _on_status_changed(self) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        if self._effect.status() == QSoundEffect.Status.Error:
            log.warning("voice: the audio file could not be played")
            self._finish()

    def _finish(self) -> None:
        callback, self._on_finished = self._on_finished, None
        if callback is not None:
            callback()


@dataclass(frozen=True, slots=True)
class Utterance:
    """One queued read-out."""

    text: str
    language: str
    generation: int


class VoiceReader(QObject):
    """Reads texts aloud, one after another; cancellable.

    Args:
        runner: synthesis runs in its pool lane.
        synthesizer: text → WAV; ``None`` when the machine has none.
        player: WAV → speaker; ``None`` when the machine has none.
        unavailable_reason: why speech cannot work, for staff (when a half is missing).
        parent: the Qt parent.

    Signals:
        speaking_changed(bool): something is being read out (``True``) or nothing is.
        failed(str): synthesis or playback failed; the reason is for staff, in the current
            language.
    """

    speaking_changed = Signal(bool)
    failed = Signal(str)

    def __init__(
        self,
        *,
        runner: TaskRunner,
        synthesizer: Synthesizer | None,
        player: AudioPlayer | None,
        unavailable_reason: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._synth = synthesizer
        self._player = player
        self._reason = unavailable_reason or ("" if self.available() else msg("语音不可用"))
        self._queue: deque[Utterance] = deque()
        self._generation = 0
        self._busy = False
        self._current: Path | None = None
        self._dir = Path(tempfile.mkdtemp(prefix="govterm-voice-"))
        self._count = 0

    def available(self) -> bool:
        """Whether read-out can work here (the 朗读 button is shown only then)."""
        return self._synth is not None and self._player is not None

    def unavailable_reason(self) -> str:
        """Why not, for staff and device health ("" when available)."""
        return "" if self.available() else self._reason

    def is_speaking(self) -> bool:
        """Whether an utterance is being synthesised or played."""
        return self._busy

    def pending(self) -> list[str]:
        """Texts waiting their turn (not the one being read)."""
        return [u.text for u in self._queue]

    def speak(self, text: str, *, language: str = "zh_CN") -> None:
        """Read ``text`` after what is already queued; ignored when unavailable."""
        text = text.strip()
        if not text or not self.available():
            return
        self._queue.append(Utterance(text, language, self._generation))
        self._next()

    def cancel(self) -> None:
        """Stop now and drop the queue (a new screen; the end of a session)."""
        self._generation += 1
        self._queue.clear()
        self._runner.cancel("voice")
        if self._player is not None:
            self._player.stop()
        self._discard_current()
        self._set_busy(False)

    def forget_personal_data(self) -> None:
        """End of a session: nothing said stays queued or on disk."""
        self.cancel()
        for leftover in self._dir.glob("*.wav"):
            leftover.unlink(missing_ok=True)

    def close(self) -> None:
        """Stop and remove the temporary folder."""
        self.cancel()
        shutil.rmtree(self._dir, ignore_errors=True)

    # -- internals -----------------------------------------------------------------------

    def _next(self) -> None:
        if self._busy or not self._queue or self._synth is None:
            return
        utterance = self._queue.popleft()
        self._count += 1
        out = self._dir / f"u{self._count}.wav"
        synth = self._synth
        self._set_busy(True)
        self._runner.run(
            lambda: synth.synthesize(utterance.text, language=utterance.language, out=out),
            on_done=lambda _: self._play(utterance, out),
            on_error=lambda error: self._on_error(utterance, out, error),
            key="voice",
            owner=self,
        )

    def _play(self, utterance: Utterance, path: Path) -> None:
        if utterance.generation != self._generation or self._player is None:
            path.unlink(missing_ok=True)
            return
        self._current = path
        self._player.play(path, on_finished=lambda: self._on_finished(utterance))

    def _on_finished(self, utterance: Utterance) -> None:
        if utterance.generation != self._generation:
            return
        self._discard_current()
        self._set_busy(False)
        self._next()

    def _on_error(self, utterance: Utterance, path: Path, error: BaseException) -> None:
        path.unlink(missing_ok=True)
        if utterance.generation != self._generation:
            return
        reason = error.reason if isinstance(error, DeviceUnavailable) else type(error).__name__
        log.warning("voice read-out failed: %s", reason)
        self.failed.emit(translate_text(reason))
        self._set_busy(False)
        self._next()

    def _discard_current(self) -> None:
        if self._current is not None:
            self._current.unlink(missing_ok=True)
            self._current = None

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.speaking_changed.emit(busy)


def make_voice(*, runner: TaskRunner, parent: QObject | None = None) -> VoiceReader:
    """A reader with what this machine has; unavailable (never an error) without it."""
    synthesizer: Synthesizer | None = None
    player: AudioPlayer | None = None
    reasons = []
    try:
        synthesizer = EspeakSynthesizer()
    except VoiceUnavailable as exc:
        reasons.append(exc.reason)
    try:
        player = QtAudioPlayer(parent=parent)
    except VoiceUnavailable as exc:
        reasons.append(exc.reason)
    if reasons:
        log.info("voice read-out unavailable: %s", "; ".join(reasons))
    return VoiceReader(
        runner=runner,
        synthesizer=synthesizer,
        player=player,
        unavailable_reason="; ".join(reasons),
        parent=parent,
    )


def wav_duration(path: Path) -> float:
    """Seconds of audio in a WAV file (tests and health checks use it)."""
    with wave.open(str(path), "rb") as audio:
        return audio.getnframes() / float(audio.getframerate())
