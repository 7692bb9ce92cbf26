"""A citizen walks away: the countdown, 还需要时间, and a wipe that leaves nothing behind."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from core.pinyin_ime import InputPurpose
from core.terminal import Tile
from kiosk.session import EndReason, KioskSession
from tests.helpers.catalog import InMemoryCatalog, small_catalog
from widgets.idle import IdleTimeouts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


class Seconds:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class FlushingCatalog(InMemoryCatalog):
    """The small catalog, with the zero-result flush the real one has."""

    def __init__(self) -> None:
        super().__init__(small_catalog())
        self.flushes = 0

    def flush_misses(self) -> None:
        self.flushes += 1


class Screen(QWidget):
    """A screen holding a resolved identity, as a pickup or application screen does."""

    def __init__(self) -> None:
        super().__init__()
        self.identity: str | None = None
        self.name = QLabel(self)

    def show_person(self, name: str) -> None:
        self.identity = name
        self.name.setText(name)

    def holds_personal_data(self) -> bool:
        return self.identity is not None

    def forget_personal_data(self) -> None:
        self.identity = None
        self.name.setText("")


@pytest.fixture
def clock() -> Seconds:
    return Seconds()


@pytest.fixture
def catalog() -> FlushingCatalog:
    return FlushingCatalog()


@pytest.fixture
def window(qtbot, language, runner, catalog, profile, clock):  # noqa: PLR0917 - fixtures
    from kiosk.window import KioskWindow

    window = KioskWindow(
        catalog=catalog,
        profile=profile,
        language=language,
        runner=runner,
        now=lambda: datetime(2022, 6, 1, 2, 0),
        timeouts=IdleTimeouts(screen_s=60, home_s=100, elder_factor=2.0),
        idle_clock=clock,
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def tap(qtbot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def texts_in(root: QWidget) -> list[str]:
    found = [w.text() for w in root.findChildren(QLineEdit)]
    found += [w.text() for w in root.findChildren(QLabel)]
    found += [w.toPlainText() for w in root.findChildren(QTextEdit)]
    found += [w.toPlainText() for w in root.findChildren(QPlainTextEdit)]
    found += [w.text() for w in root.findChildren(QAbstractButton)]
    return found


def run_out(qtbot, window, clock: Seconds) -> None:
    clock.now += window.idle.timeout() + 1
    window.idle.poll()


def test_walking_away_wipes_everything_that_was_typed(qtbot, window, clock, catalog, language):
    holder = Screen()
    window.stack.addWidget(holder)
    window.session.register(holder)
    holder.show_person("张晓明")
    window.session.keep("identity", {"name": "张晓明", "id": "370102199003077777"})
    window.session.keep("elicences", ["身份证"])

    tap(qtbot, window.home.tile_button(Tile.SEARCH))
    for char in "qxzy":  # a search nobody will find: its text shows on screen
        tap(qtbot, window.search.keyboard.key(char))
    qtbot.waitUntil(lambda: window.search.is_showing_results_for("qxzy"))
    assert any("qxzy" in text for text in texts_in(window))
    # pinyin being composed counts too
    tap(qtbot, window.search.keyboard.mode_key())
    for char in "zhang":
        tap(qtbot, window.search.keyboard.key(char))
    assert window.search.keyboard.preedit_text() == "zhang"
    window.set_elder(True)
    language.set_language("en")
    assert window.session.holds_personal_data()

    clock.now += 120 - 15  # elder mode: 60 s × 2
    window.idle.poll()
    assert window.overlay.isVisible()
    run_out(qtbot, window, clock)

    assert window.current_screen() is window.home
    assert not window.overlay.isVisible()
    assert window.session.leftovers() == []
    assert window.session.get("identity") is None
    assert holder.identity is None
    everything = texts_in(window)
    for typed in ("qxzy", "zhang", "张晓明", "3701"):
        assert not any(typed in text for text in everything), typed
    assert window.search.keyboard.candidate_buttons() == []
    assert window.search.field.isUndoAvailable() is False  # no Ctrl+Z back to it
    assert catalog.flushes == 1
    assert not window.is_elder()  # the next person starts as the terminal is set up
    assert language.language() == "zh_CN"
    # results gone too: entering search again shows an empty screen
    tap(qtbot, window.home.tile_button(Tile.SEARCH))
    assert window.search.results.rows() == []


def test_more_time_keeps_the_session(qtbot, window, clock):
    tap(qtbot, window.home.tile_button(Tile.SEARCH))
    for char in "hz":
        tap(qtbot, window.search.keyboard.key(char))
    clock.now += 46
    window.idle.poll()
    overlay = window.overlay
    assert overlay.isVisible()
    assert overlay.findChild(QLabel, "CountdownSeconds").text() == "14 秒"
    clock.now += 4
    window.idle.poll()
    assert overlay.findChild(QLabel, "CountdownSeconds").text() == "10 秒"
    tap(qtbot, overlay.more_time)
    assert not overlay.isVisible()
    assert window.idle.seconds_left() == 60
    assert window.search.field.text() == "hz"
    assert window.current_screen() is window.search


def test_home_has_its_own_longer_timeout_and_an_empty_home_stays_quiet(qtbot, window, clock):
    assert window.current_screen() is window.home
    assert window.idle.timeout() == 100
    clock.now += 90
    window.idle.poll()
    assert not window.overlay.isVisible()  # nothing to wipe, nothing to warn about
    run_out(qtbot, window, clock)
    assert window.idle.seconds_left() == 100  # the count simply starts again
    tap(qtbot, window.home.tile_button(Tile.MAP))
    assert window.idle.timeout() == 60


def test_finishing_ends_the_session_like_a_timeout(qtbot, window, catalog):
    received = []
    window.session.ended.connect(received.append)
    window.session.keep("pickup_code", "884211")
    window.end_session(EndReason.FINISHED)
    assert received[0].reason is EndReason.FINISHED
    assert received[0].values == 1
    assert window.session.leftovers() == []
    window.return_home()  # the crash handler's way home wipes as well
    assert received[-1].reason is EndReason.ERROR


def test_one_broken_screen_does_not_stop_the_wipe(qtbot):
    class Broken:
        def forget_personal_data(self) -> None:
            raise RuntimeError("bug")

    session = KioskSession()
    broken = Broken()
    holder = Screen()
    qtbot.addWidget(holder)
    session.register(broken)
    session.register(holder)
    session.register(holder)  # once is enough
    holder.show_person("李雷")
    assert session.leftovers() == ["holder Screen"]
    result = session.end(EndReason.IDLE)
    assert result.holders == 2
    assert holder.identity is None
    with pytest.raises(TypeError):
        session.register(object())  # type: ignore[arg-type]


def test_fields_of_any_screen_are_emptied(qtbot, window):
    form = QWidget()
    name = QLineEdit(form)
    name.setObjectName("ApplicantName")
    notes = QTextEdit(form)
    window.stack.addWidget(form)
    window.search.keyboard.attach(name, purpose=InputPurpose.NAME)
    name.setText("王芳")
    notes.setPlainText("联系电话 13800138000")
    assert "field ApplicantName" in window.session.leftovers()
    result = window.session.end(EndReason.IDLE)
    assert result.fields >= 2
    assert name.text() == ""
    assert notes.toPlainText() == ""
    assert not notes.document().isUndoAvailable()


def test_registered_holders_are_held_weakly(qtbot):
    session = KioskSession()
    holder = Screen()
    session.register(holder)
    holder.show_person("韩梅梅")
    assert session.holds_personal_data()
    holder.deleteLater()
    del holder
    qtbot.waitUntil(lambda: not session.holds_personal_data())


def test_the_pinyin_dictionary_is_read_in_the_background_after_start(qtbot, window):
    from widgets.pinyin_ime import shared_engine

    qtbot.waitUntil(shared_engine().is_loaded, timeout=15_000)
    assert window.search.keyboard.input.is_chinese() is False  # search starts in 英
