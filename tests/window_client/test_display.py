"""The hall display and its voice: calls shown big, announced twice, queued, never cut off."""

from __future__ import annotations

import datetime as _dt
import wave
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QGridLayout

from sync.queue_client import QueueClient
from sync.queue_protocol import CallEvent, CallFeed, WaitingCount, WindowBody
from tests.gateway.test_queue import AREAS, configure, device
from tests.helpers.gateway import RunningGateway, running_gateway
from widgets.task_runner import TaskRunner
from window_client.display.voice import (
    HEALTH_NO_AUDIO,
    Announcement,
    Announcer,
    EspeakSynthesizer,
    SilentPlayer,
    announcement_text,
    spoken_number,
    spoken_window,
    wav_seconds,
)
from window_client.display.window import HallDisplayWindow


class FakePlayer:
    """Records what is played; the test says when playing ends."""

    def __init__(self) -> None:
        self.played: list[Path] = []
        self._finish: Callable[[], None] | None = None

    def play(self, path: Path, on_finished: Callable[[], None]) -> None:
        assert self._finish is None, "a new sound started while one was playing (cut off)"
        self.played.append(path)
        self._finish = on_finished

    @property
    def playing(self) -> bool:
        return self._finish is not None

    def finish(self) -> None:
        done, self._finish = self._finish, None
        assert done is not None
        done()


def tiny_wav(path: Path, seconds: float = 0.05) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\0\0" * int(8000 * seconds))


class TinySynth:
    def __init__(self) -> None:
        self.texts: list[str] = []

    def synthesize(self, text: str, path: Path) -> None:
        self.texts.append(text)
        tiny_wav(path)


@pytest.fixture
def runner(qapp: QApplication) -> Iterator[TaskRunner]:
    r = TaskRunner(pool_size=1)
    yield r
    r.shutdown()


def test_numbers_are_read_as_digits() -> None:
    assert spoken_number("A012") == "A 零 一 二"
    assert spoken_window("3") == "三"
    assert spoken_window("12") == "十二"
    assert spoken_window("20") == "二十"
    assert announcement_text("A012", "3") == "请 A 零 一 二 号到 三 号窗口办理"


def test_calls_are_queued_spoken_twice_and_never_cut_off(
    qtbot, runner: TaskRunner, tmp_path: Path
) -> None:
    player = FakePlayer()
    announcer = Announcer(
        runner=runner, synthesizer=EspeakSynthesizer(), player=player, work_dir=tmp_path
    )
    finished: list[Announcement] = []
    announcer.announcement_finished.connect(finished.append)
    announcer.announce("A012", "3")
    announcer.announce("B003", "5")
    qtbot.waitUntil(lambda: player.playing)
    assert announcer.current().number == "A012"
    assert announcer.pending() == 1
    wav = player.played[0]
    assert wav.exists()
    assert wav_seconds(wav) > 0.5  # real speech, synthesised offline
    player.finish()  # first time
    assert player.played == [wav, wav]  # spoken again before anything else
    announcer.announce("A012", "3", kind="recall")  # a recall waits its turn too
    player.finish()
    assert [a.number for a in finished] == ["A012"]
    qtbot.waitUntil(lambda: player.playing)
    assert announcer.current().number == "B003"
    player.finish()
    player.finish()
    qtbot.waitUntil(lambda: player.playing)
    assert announcer.current().kind == "recall"
    assert player.played[-1] == wav  # the same words, the same file
    player.finish()
    player.finish()
    assert [a.number for a in finished] == ["A012", "B003", "A012"]
    assert announcer.health() == "正常"


def test_without_audio_output_the_queue_still_runs_and_health_says_so(
    qtbot, runner: TaskRunner, tmp_path: Path
) -> None:
    synth = TinySynth()
    announcer = Announcer(
        runner=runner,
        synthesizer=synth,
        player=SilentPlayer(),
        work_dir=tmp_path,
        health=HEALTH_NO_AUDIO,
    )
    assert announcer.health() == "无音频输出"
    with qtbot.waitSignals([announcer.announcement_finished] * 2, timeout=5000):
        announcer.announce("A001", "1")
        announcer.announce("A002", "2")
    assert synth.texts == [announcement_text("A001", "1"), announcement_text("A002", "2")]


@pytest.fixture
def gateway(tmp_path: Path) -> Iterator[RunningGateway]:
    with running_gateway(tmp_path / "gateway.db") as running:
        yield running


def test_display_shows_and_announces_new_calls(
    qtbot, gateway: RunningGateway, runner: TaskRunner, tmp_path: Path
) -> None:
    configure(gateway, AREAS)
    kiosk, window = device(gateway, "K01"), device(gateway, "W01")
    display_client: QueueClient = device(gateway, "D01")
    for area in ("A", "A", "B", "C"):
        kiosk.issue(area)
    window.set_window_areas("3", ["A"])
    window.set_window_areas("5", ["B"])
    window.call_next("5", clerk_id="c")  # before the display starts: history, not spoken
    player = FakePlayer()
    synth = TinySynth()
    announcer = Announcer(runner=runner, synthesizer=synth, player=player, work_dir=tmp_path)
    display = HallDisplayWindow(
        queue=display_client,
        language="zh_CN",
        hall_name="威海市政务服务中心",
        announcer=announcer,
        runner=runner,
        clock=gateway.clock,
        notice="请携带身份证原件办理业务；老年人、残疾人、孕期妇女、军人可走绿色通道优先办理",
        poll_wait=0.5,
    )
    qtbot.addWidget(display)
    display.show()
    qtbot.waitUntil(lambda: display.now_number.text() == "B001")
    window.call_next("3", clerk_id="c")
    qtbot.waitUntil(lambda: display.now_number.text() == "A001", timeout=5000)
    assert display.now_window.text() == "3号窗口"
    assert display.recent_labels[0].text() == "B001  →  5号窗口"
    qtbot.waitUntil(lambda: player.playing)
    assert synth.texts == ["请 A 零 零 一 号到 三 号窗口办理"]
    window.recall("A001")
    qtbot.waitUntil(lambda: display.now_kind.text() == "重呼", timeout=5000)
    assert announcer.pending() == 1  # waits for the first announcement to finish
    assert display.clock_label.text().startswith("2026年3月2日 星期一")
    out = Path("/tmp/govterm_display.png")
    display.grab().save(str(out))
    assert out.stat().st_size > 0
    display.close()


class ScriptedFeed:
    """A call feed that answers what the test says: a feed, or an error."""

    def __init__(self) -> None:
        self.answer: object = None

    def feed(self, *, after: int, wait: float = 0.0) -> object:
        if isinstance(self.answer, BaseException):
            raise self.answer
        return self.answer


def _busy_hall(revision: int, at: _dt.datetime) -> CallFeed:
    calls = [
        CallEvent(seq=s, number=n, area=n[0], window_no=w, kind=k, at=at)
        for s, n, w, k in [
            (1, "B003", "5", "call"),
            (2, "A011", "1", "call"),
            (3, "E002", "8", "call"),
            (4, "A012", "3", "call"),
            (5, "C004", "6", "call"),
            (6, "A012", "3", "recall"),
        ]
    ]
    counts = [
        ("A", "综合受理区", 14),
        ("B", "不动产登记区", 6),
        ("C", "社保医保区", 3),
        ("E", "公安户籍出入境区", 9),
        ("J", "工程建设项目审批区", 0),
    ]
    return (
        CallFeed(
            hall_id="wh-zwzx",
            revision=revision,
            calls=calls,
            waiting=[
                WaitingCount(
                    area=a,
                    name=n,
                    waiting=w,
                    issued_today=w + 5,
                    daily_cap=None,
                    open_now=True,
                    hours_text="全天",
                )
                for a, n, w in counts
            ],
            windows=[
                WindowBody(
                    window_no="1", areas=["A"], paused=False, pause_reason="", current="A011"
                ),
                WindowBody(
                    window_no="3", areas=["A"], paused=False, pause_reason="", current="A012"
                ),
                WindowBody(
                    window_no="5", areas=["B"], paused=False, pause_reason="", current="B003"
                ),
                WindowBody(
                    window_no="6", areas=["C"], paused=False, pause_reason="", current="C004"
                ),
                WindowBody(
                    window_no="8", areas=["E"], paused=False, pause_reason="", current="E002"
                ),
                WindowBody(window_no="12", areas=["J"], paused=True, pause_reason="业务培训"),
            ],
        )
        if isinstance(at, _dt.datetime)
        else None
    )


def _grid_shown(grid: QGridLayout) -> bool:
    items = [grid.itemAt(i) for i in range(grid.count())]
    widgets = [item.widget() for item in items if item is not None]
    return bool(widgets) and all(w is not None and w.isVisible() for w in widgets)


def test_busy_hall_then_offline_rendered(qtbot, runner: TaskRunner, tmp_path: Path) -> None:
    from core.clock import HALL_TZ
    from core.errors import Offline
    from tests.helpers.clock import FakeClock

    clock = FakeClock(_dt.datetime(2026, 3, 2, 10, 15, tzinfo=HALL_TZ))
    source = ScriptedFeed()
    source.answer = _busy_hall(7, clock.now())
    announcer = Announcer(runner=runner, synthesizer=None, player=FakePlayer(), work_dir=tmp_path)
    display = HallDisplayWindow(
        queue=source,
        hall_name="威海市政务服务中心",
        announcer=announcer,
        runner=runner,
        clock=clock,
        notice="请留意叫号，过号请到服务台重新取号",
        poll_wait=0.0,
    )
    qtbot.addWidget(display)
    display.resize(1920, 1080)
    display.show()
    qtbot.waitUntil(lambda: display.now_number.text() == "A012")
    # New rows are laid out on the next pass of the event loop: wait until they show.
    qtbot.waitUntil(
        lambda: all(_grid_shown(g) for g in (display.windows_grid, display.waiting_grid))
    )
    hint = display.minimumSizeHint()
    assert hint.width() <= 1920, hint  # fits a hall's 1080p screen
    assert hint.height() <= 1080, hint
    assert display.now_kind.text() == "重呼"
    assert display.now_window.text() == "3号窗口"
    assert display.recent_labels[0].text() == "C004  →  6号窗口"
    assert "静默叫号" in display.status_label.text()  # no espeak-ng configured here
    display.grab().save("/tmp/govterm_display_busy.png")
    source.answer = Offline("无法连接排队系统（前置机）")
    qtbot.waitUntil(lambda: display.is_online() is False, timeout=5000)
    assert "未连接前置机" in display.status_label.text()
    assert "无法连接排队系统" in display.status_label.text()
    assert display.now_number.text() == "A012"  # the last known calls stay up
    hint = display.minimumSizeHint()
    assert hint.width() <= 1920, hint
    assert hint.height() <= 1080, hint
    display.grab().save("/tmp/govterm_display_offline.png")
    display.close()
