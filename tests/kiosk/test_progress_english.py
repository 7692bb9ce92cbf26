"""办件查询 in English: every state, timeline entry and next step the 办件进度单 prints."""

from __future__ import annotations

import re

from core.case import ACTION_NAMES, STATE_NAMES
from documents.from_case import _NEXT_STEPS
from kiosk.progress import CASE_TEXTS, case_text

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_case_text_the_progress_paper_prints_is_marked_for_translation():
    marked = set(CASE_TEXTS)
    assert set(STATE_NAMES.values()) <= marked
    assert set(ACTION_NAMES.values()) <= marked
    assert set(_NEXT_STEPS.values()) <= marked


def test_case_texts_read_in_english_and_back(language):
    language.set_language("en")
    english = {text: case_text(text) for text in CASE_TEXTS}
    assert english["待补正"] == "Corrections requested"
    assert all(not CJK.search(shown) for shown in english.values()), english
    language.set_language("zh_CN")
    assert case_text("待补正") == "待补正"
