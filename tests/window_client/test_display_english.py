"""The hall display in English: weekday, notice and what is wrong, with no Chinese left."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from core.clock import HALL_TZ
from tests.helpers.clock import FakeClock
from tests.window_client.test_display import FakePlayer, ScriptedFeed, _busy_hall
from widgets.i18n import LanguageManager
from window_client.display.voice import Announcer
from window_client.display.window import DEFAULT_NOTICE, HallDisplayWindow

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def display_language(qapp: QApplication) -> Iterator[LanguageManager]:
    """The display's language switch, without the desk theme (the display has its own look)."""
    manager = LanguageManager(qapp, translations_dir=REPO / "resources" / "i18n")
    yield manager
    manager.set_language("zh_CN")


def test_english_display_has_no_chinese_around_the_calls(qtbot, runner, display_language, tmp_path):
    clock = FakeClock(_dt.datetime(2026, 3, 2, 10, 15, tzinfo=HALL_TZ))  # a Monday
    source = ScriptedFeed()
    source.answer = _busy_hall(7, clock.now())
    announcer = Announcer(runner=runner, synthesizer=None, player=FakePlayer(), work_dir=tmp_path)
    display = HallDisplayWindow(
        queue=source,
        hall_name="威海市政务服务中心",
        announcer=announcer,
        runner=runner,
        clock=clock,
        notice=DEFAULT_NOTICE,
        poll_wait=0.0,
    )
    qtbot.addWidget(display)
    display.show()
    qtbot.waitUntil(lambda: display.now_number.text() == "A012")
    assert display.clock_label.text().startswith("2026年3月2日 星期一")
    assert display.ticker.text() == DEFAULT_NOTICE

    display_language.set_language("en")
    qtbot.waitUntil(lambda: display.clock_label.text().startswith("Monday 2026-03-02"))
    assert display.now_window.text() == "Window 3"
    assert display.ticker.text().startswith("Please listen for your number")
    status = display.status_label.text()
    assert status == "Calls are not spoken: speech synthesis unavailable (espeak-ng not installed)"
    for text in (
        display.clock_label.text(),
        display.ticker.text(),
        status,
        display.now_heading.text(),
        display.recent_labels[0].text(),
    ):
        assert not CJK.search(text), text
    hint = display.minimumSizeHint()
    assert hint.width() <= 1920, hint  # English still fits a hall's 1080p screen
    assert hint.height() <= 1080, hint

    display_language.set_language("zh_CN")
    qtbot.waitUntil(lambda: display.clock_label.text().startswith("2026年3月2日 星期一"))
    assert display.ticker.text() == DEFAULT_NOTICE
    assert "静默叫号" in display.status_label.text()
    display.close()


def test_a_halls_own_notice_is_shown_as_written(qtbot, runner, display_language):
    source = ScriptedFeed()
    clock = FakeClock(_dt.datetime(2026, 3, 2, 10, 15, tzinfo=HALL_TZ))
    source.answer = _busy_hall(7, clock.now())
    display = HallDisplayWindow(
        queue=source,
        hall_name="威海",
        runner=runner,
        clock=clock,
        notice="本周六上午正常办公",
        poll_wait=0.0,
    )
    qtbot.addWidget(display)
    display_language.set_language("en")
    qtbot.waitUntil(lambda: display.clock_label.text().startswith("Monday"))
    assert display.ticker.text() == "本周六上午正常办公"
    display.close()
