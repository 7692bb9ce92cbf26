"""Pinyin on the on-screen keyboard: the engine on the real dictionary, and typing."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QVBoxLayout, QWidget

from core.errors import EnvironmentProblem
from core.pinyin_ime import Candidate, Composition, InputPurpose, PinyinEngine
from widgets.pinyin_ime import DICTIONARY_PATH, LazyPinyinEngine, load_engine

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture(scope="module")
def engine() -> PinyinEngine:
    return load_engine()


def texts(candidates: list[Candidate], n: int = 8) -> list[str]:
    return [c.text for c in candidates[:n]]


# -- the engine, no Qt --------------------------------------------------------------------


def test_a_syllable_gives_its_common_characters(engine):
    found = texts(engine.candidates("zhang"), 5)
    assert "张" in found
    assert "章" in found
    assert all(c.consumed == 5 for c in engine.candidates("zhang"))


def test_a_name_field_puts_surnames_first(engine):
    assert texts(engine.candidates("zhang", purpose=InputPurpose.NAME), 2) == ["张", "章"]
    assert texts(engine.candidates("li", purpose=InputPurpose.NAME), 1) == ["李"]
    assert texts(engine.candidates("wang", purpose=InputPurpose.NAME), 2) == ["王", "汪"]
    # 刘 is far commoner than 柳, although 《百家姓》 lists 柳 first
    assert texts(engine.candidates("liu", purpose=InputPurpose.NAME), 1) == ["刘"]
    # a surname read unlike its character: 单 is shan as a surname
    assert texts(engine.candidates("shan", purpose=InputPurpose.NAME), 1) == ["单"]
    assert texts(engine.candidates("ouyang", purpose=InputPurpose.NAME), 1) == ["欧阳"]
    # not at the start of the name: no surname preference
    given = texts(engine.candidates("zhang", purpose=InputPurpose.NAME, at_start=False), 1)
    assert given == texts(engine.candidates("zhang"), 1)


def test_a_whole_name_is_composed_character_by_character(engine):
    found = texts(engine.candidates("zhangxiaoming", purpose=InputPurpose.NAME), 3)
    assert found[0] == "张晓明"
    assert "小明" in texts(engine.candidates("xiaoming"), 8)
    assert "晓明" in texts(engine.candidates("xiaoming", purpose=InputPurpose.NAME), 3)


def test_ambiguous_syllables_offer_both_readings(engine):
    assert engine.segmentations("xian")[:3] == [("xian",), ("xia", "n"), ("xi", "an")]
    found = texts(engine.candidates("xian"), 5)
    assert "先" in found
    assert "西安" in found
    assert texts(engine.candidates("xi'an"), 1) == ["西安"]


def test_u_umlaut_is_typed_as_v(engine):
    assert texts(engine.candidates("lvzhou"), 1) == ["绿洲"]
    assert texts(engine.candidates("lüzhou"), 1) == ["绿洲"]
    assert texts(engine.candidates("LVZHOU"), 1) == ["绿洲"]
    assert "略" in texts(engine.candidates("lue"), 3)  # lue for lve, as every IME
    assert "女" in texts(engine.candidates("nv"), 3)


def test_phrases_and_partial_syllables(engine):
    assert texts(engine.candidates("shenfenzheng"), 1) == ["身份证"]
    assert texts(engine.candidates("huzhao"), 1) == ["护照"]
    # the last syllable is still being typed
    assert engine.segmentations("huzh")[0] == ("hu", "zh")
    assert "护照" in texts(engine.candidates("huzh"), 8)
    # a first letter already offers the commonest characters
    assert texts(engine.candidates("z"), 3)
    assert engine.candidates("") == []
    assert engine.candidates("xyzq") == []


def test_composition_chooses_the_first_syllables_and_keeps_the_rest(engine):
    composition = Composition(engine=engine, purpose=InputPurpose.NAME, page_size=5)
    for letter in "zhangxiaoming":
        composition.type(letter)
    assert composition.preedit == "zhangxiaoming"
    zhang = next(i for i, c in enumerate(composition.page()) if c.text == "张")
    assert composition.choose(zhang) == "张"
    assert composition.preedit == "xiaoming"
    assert composition.page()[0].text == "晓明"  # the given name, not a surname now
    assert composition.choose(0) == "晓明"
    assert not composition.is_active()


def test_composition_pages_and_backspace(engine):
    composition = Composition(engine=engine, page_size=4)
    for letter in "shi":
        composition.type(letter)
    first = texts(composition.page())
    assert not composition.has_previous_page()
    assert composition.has_next_page()
    composition.next_page()
    second = texts(composition.page())
    assert second != first
    assert not set(first) & set(second)
    composition.previous_page()
    assert texts(composition.page()) == first
    assert composition.backspace()
    assert composition.preedit == "sh"
    composition.reset()
    assert not composition.backspace()
    with pytest.raises(IndexError):
        composition.choose(0)


def test_a_missing_dictionary_is_an_environment_problem(tmp_path):
    with pytest.raises(EnvironmentProblem, match="词库"):
        load_engine(tmp_path / "none.tsv.gz")
    broken = tmp_path / "broken.tsv.gz"
    with gzip.open(broken, "wt", encoding="utf-8") as out:
        out.write("X\tnot a dictionary\n")
    with pytest.raises(EnvironmentProblem):
        LazyPinyinEngine(path=broken).candidates("a")


def test_the_committed_dictionary_is_compact():
    assert DICTIONARY_PATH.stat().st_size < 1_500_000
    assert Path(DICTIONARY_PATH.parent / "build_dictionary.py").exists()


# -- typing on the keyboard --------------------------------------------------------------


def tap(qtbot, button: QAbstractButton) -> None:
    assert button.isVisible(), f"{button.objectName()} is not on screen"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_letters(qtbot, keyboard, letters: str) -> None:
    for char in letters:
        tap(qtbot, keyboard.key(char))


@pytest.fixture
def form(qtbot, kiosk_theme, engine):
    from widgets.keyboard import OnScreenKeyboard

    page = QWidget()
    layout = QVBoxLayout(page)
    name = QLineEdit()
    name.setObjectName("name")
    search = QLineEdit()
    search.setObjectName("search")
    keyboard = OnScreenKeyboard(input_method=engine)
    layout.addWidget(name)
    layout.addWidget(search)
    layout.addWidget(keyboard)
    keyboard.attach(name, purpose=InputPurpose.NAME)
    keyboard.attach(search)  # search is the default purpose
    qtbot.addWidget(page)
    page.resize(1600, 700)
    page.show()
    qtbot.waitExposed(page)
    name.setFocus()
    qtbot.waitUntil(name.hasFocus)
    return page, name, search, keyboard


@pytest.fixture
def kiosk_theme(qapp):
    from widgets.theme import apply_theme

    apply_theme(qapp, mode="kiosk")
    yield qapp
    qapp.setStyleSheet("")


def test_typing_zhang_and_choosing_puts_zhang_in_the_focused_field(qtbot, form):
    _, name, search, keyboard = form
    assert keyboard.mode_key().text() == "中"
    type_letters(qtbot, keyboard, "zhang")
    assert name.text() == ""  # letters wait on the bar
    assert keyboard.preedit_text() == "zhang"
    buttons = keyboard.candidate_buttons()
    assert [b.text() for b in buttons[:2]] == ["张", "章"]
    assert all(b.height() >= 60 for b in buttons)
    tap(qtbot, buttons[0])
    assert name.text() == "张"
    assert keyboard.preedit_text() == ""
    assert search.text() == ""


def test_a_full_name_in_steps_and_backspace_edits_pinyin_first(qtbot, form):
    _, name, _, keyboard = form
    type_letters(qtbot, keyboard, "zhangxiaominh")
    tap(qtbot, keyboard.backspace_key())  # the pinyin loses its last letter …
    assert keyboard.preedit_text() == "zhangxiaomin"
    assert name.text() == ""
    tap(qtbot, keyboard.key("g"))
    tap(qtbot, keyboard.candidate_buttons()[0])
    assert name.text() == "张晓明"
    tap(qtbot, keyboard.backspace_key())  # … then the text
    assert name.text() == "张晓"


def test_paging_through_candidates(qtbot, form):
    _, name, _, keyboard = form
    type_letters(qtbot, keyboard, "shi")
    previous, following = keyboard.page_keys()
    assert following.isEnabled()
    assert not previous.isEnabled()
    first = [b.text() for b in keyboard.candidate_buttons()]
    tap(qtbot, following)
    second = [b.text() for b in keyboard.candidate_buttons()]
    assert second
    assert not set(first) & set(second)
    assert previous.isEnabled()
    tap(qtbot, keyboard.candidate_buttons()[0])
    assert name.text() == second[0]


def test_search_field_types_letters_and_the_mode_key_switches(qtbot, form):
    _, name, search, keyboard = form
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    assert keyboard.mode_key().text() == "英"
    type_letters(qtbot, keyboard, "hz")  # initials search, as before
    assert search.text() == "hz"
    tap(qtbot, keyboard.key("1"))
    assert search.text() == "hz1"
    tap(qtbot, keyboard.mode_key())
    assert keyboard.mode_key().text() == "中"
    type_letters(qtbot, keyboard, "huzhao")
    tap(qtbot, keyboard.candidate_buttons()[0])
    assert search.text() == "hz1护照"
    # switching back with pinyin pending types the letters; nothing is lost
    type_letters(qtbot, keyboard, "sheb")
    tap(qtbot, keyboard.mode_key())
    assert search.text() == "hz1护照sheb"
    assert name.text() == ""


def test_lv_is_typed_with_v(qtbot, form):
    _, name, _, keyboard = form
    name.setText("")
    tap(qtbot, keyboard.mode_key())
    tap(qtbot, keyboard.mode_key())  # back in 中
    type_letters(qtbot, keyboard, "lvzhou")
    assert "绿洲" in [b.text() for b in keyboard.candidate_buttons()]


def test_clear_drops_pinyin_and_text(qtbot, form):
    _, name, _, keyboard = form
    name.setText("王")
    name.setCursorPosition(1)
    type_letters(qtbot, keyboard, "fang")
    assert keyboard.candidate_buttons()[0].text() == "芳"  # a given name, after the surname
    tap(qtbot, keyboard.clear_key())
    assert name.text() == ""
    assert keyboard.preedit_text() == ""
    assert keyboard.candidate_buttons() == []


def test_forget_personal_data_empties_the_bar(qtbot, form):
    _, _, _, keyboard = form
    type_letters(qtbot, keyboard, "wang")
    assert keyboard.candidate_buttons()
    keyboard.forget_personal_data()
    assert keyboard.preedit_text() == ""
    assert keyboard.candidate_buttons() == []
