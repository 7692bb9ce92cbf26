"""Pinyin on the on-screen keyboard: the dictionary file and the keyboard's input logic.

:class:`KeyboardInput` sits between an :class:`~widgets.keyboard.OnScreenKeyboard` and
the fields it types into. In 中 mode letters go into a :class:`~core.pinyin_ime.Composition`
and the keyboard's candidate bar shows hanzi; in 英 mode letters are typed as they are
(catalog search understands pinyin and initials, so the search field starts in 英).
Digits always type themselves.

The dictionary (``resources/ime/pinyin.tsv.gz``, ~0.8 MB) is read once per process, on
the first letter typed in 中 mode — never at start-up, which has a 1 s budget. Another
input method (a bridge to fcitx, say) can be passed to :class:`KeyboardInput` instead;
anything with the :class:`~core.pinyin_ime.InputMethod` shape works.
"""

from __future__ import annotations

import gzip
import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLineEdit

from core.errors import EnvironmentProblem, msg
from core.pinyin_ime import (
    Candidate,
    Composition,
    InputMethod,
    InputPurpose,
    PinyinDictionary,
    PinyinEngine,
)

MAX_CANDIDATES = 8  # candidate buttons on the bar; fewer show when the bar is narrow

if TYPE_CHECKING:
    from widgets.keyboard import OnScreenKeyboard

log = logging.getLogger(__name__)

DICTIONARY_PATH = Path(__file__).resolve().parent.parent / "resources" / "ime" / "pinyin.tsv.gz"

_PROPERTY_PURPOSE = "govterm_input_purpose"


def load_engine(path: Path = DICTIONARY_PATH) -> PinyinEngine:
    """Read the pinyin dictionary file and build the engine.

    Raises:
        EnvironmentProblem: the file is missing or corrupt (a broken installation).
    """
    try:
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            dictionary = PinyinDictionary.parse(lines)
    except (OSError, EOFError, UnicodeDecodeError, ValueError) as exc:
        raise EnvironmentProblem(
            msg("拼音输入法词库缺失或损坏: {path} ({error})", path=str(path), error=str(exc))
        ) from exc
    log.info("pinyin dictionary loaded: %d syllables", len(dictionary.chars))
    return PinyinEngine(dictionary=dictionary)


class LazyPinyinEngine:
    """An :class:`InputMethod` that reads its dictionary on first use.

    Several keyboards share one instance (see :func:`shared_engine`), so the dictionary
    is in memory once. Thread-safe, so a warm-up task may load it off the GUI thread.

    Args:
        path: the dictionary file.
    """

    def __init__(self, *, path: Path = DICTIONARY_PATH) -> None:
        self._path = path
        self._engine: PinyinEngine | None = None
        self._lock = threading.Lock()

    def engine(self) -> PinyinEngine:
        """The loaded engine (loads it now if needed).

        Raises:
            EnvironmentProblem: the dictionary file is missing or corrupt.
        """
        with self._lock:
            if self._engine is None:
                self._engine = load_engine(self._path)
            return self._engine

    def is_loaded(self) -> bool:
        """Whether the dictionary has been read."""
        return self._engine is not None

    def candidates(
        self, letters: str, *, purpose: InputPurpose = InputPurpose.TEXT, at_start: bool = True
    ) -> list[Candidate]:
        return self.engine().candidates(letters, purpose=purpose, at_start=at_start)


_shared: LazyPinyinEngine | None = None


def shared_engine() -> LazyPinyinEngine:
    """The process's pinyin engine, loaded lazily; keyboards share it."""
    global _shared  # noqa: PLW0603 - one read-only dictionary per process, like a font cache
    if _shared is None:
        _shared = LazyPinyinEngine()
    return _shared


def set_input_purpose(field: QLineEdit, purpose: InputPurpose) -> None:
    """Mark what ``field`` holds (a screen may do this before attaching a keyboard)."""
    field.setProperty(_PROPERTY_PURPOSE, purpose.value)


def input_purpose(field: QLineEdit) -> InputPurpose:
    """What ``field`` holds; :attr:`InputPurpose.SEARCH` unless marked otherwise."""
    value = field.property(_PROPERTY_PURPOSE)
    try:
        return InputPurpose(value) if value else InputPurpose.SEARCH
    except ValueError:
        return InputPurpose.SEARCH


class KeyboardInput(QObject):
    """Routes an on-screen keyboard's keys into fields, through pinyin in 中 mode.

    Args:
        keyboard: the keyboard whose signals it follows and whose candidate bar it fills.
        input_method: where candidates come from; the shared pinyin engine by default.
        parent: the Qt parent (the keyboard when omitted).
    """

    def __init__(
        self,
        *,
        keyboard: OnScreenKeyboard,
        input_method: InputMethod | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else keyboard)
        self._keyboard = keyboard
        self._composition = Composition(
            engine=input_method if input_method is not None else shared_engine(),
            page_size=MAX_CANDIDATES,
        )
        self._fields: list[QLineEdit] = []
        self._target: QLineEdit | None = None
        self._chinese = False
        keyboard.key_typed.connect(self._on_key)
        keyboard.backspace_pressed.connect(self._on_backspace)
        keyboard.clear_pressed.connect(self._on_clear)
        keyboard.candidate_index_chosen.connect(self._on_candidate)
        keyboard.page_requested.connect(self._on_page)
        keyboard.mode_toggle_requested.connect(self.toggle_mode)

    # -- public --------------------------------------------------------------------------

    def attach(self, field: QLineEdit, *, purpose: InputPurpose | None = None) -> None:
        """Type into ``field`` (when it has focus, or was the last to have it).

        Args:
            field: the field.
            purpose: what it holds; name and text fields start in 中, search in 英.
                Defaults to what :func:`set_input_purpose` marked, else search.
        """
        if purpose is not None:
            set_input_purpose(field, purpose)
        if field in self._fields:
            return
        self._fields.append(field)
        field.installEventFilter(self)
        field.destroyed.connect(lambda _=None, f=field: self._forget_field(f))
        if self._target is None or field.hasFocus():
            self._retarget(field)

    def is_chinese(self) -> bool:
        """Whether letters compose hanzi (中) or type themselves (英)."""
        return self._chinese

    def set_chinese(self, chinese: bool) -> None:
        """Switch 中/英; letters being composed are typed as they are, never lost."""
        if chinese == self._chinese:
            return
        if not chinese and self._composition.is_active():
            self._insert(self._composition.commit_letters())
        self._chinese = chinese
        self._show()

    def toggle_mode(self) -> None:
        """The 中/英 key."""
        self.set_chinese(not self._chinese)

    def preedit(self) -> str:
        """The letters being composed."""
        return self._composition.preedit

    def candidates(self) -> list[str]:
        """The candidates on the bar's current page."""
        return [c.text for c in self._composition.page()]

    def reset(self) -> None:
        """Forget the letters being composed (end of a session)."""
        self._composition.reset()
        self._show()

    def target(self) -> QLineEdit | None:
        """The field keys go into."""
        focused = next((f for f in self._fields if f.hasFocus()), None)
        if focused is not None and focused is not self._target:
            self._retarget(focused)
        return self._target

    # -- Qt ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        focus_in = event.type() == QEvent.Type.FocusIn
        if focus_in and isinstance(watched, QLineEdit) and watched is not self._target:
            self._retarget(watched)
        return False

    # -- internals -----------------------------------------------------------------------

    def _retarget(self, field: QLineEdit) -> None:
        self._target = field
        purpose = input_purpose(field)
        self._composition.set_purpose(purpose, at_start=self._at_start(field))
        self._chinese = purpose is not InputPurpose.SEARCH
        self._show()

    def _forget_field(self, field: QLineEdit) -> None:
        self._fields = [f for f in self._fields if f is not field]
        if self._target is field:
            self._target = self._fields[-1] if self._fields else None

    @staticmethod
    def _at_start(field: QLineEdit) -> bool:
        return not field.text()[: field.cursorPosition()].strip()

    def _on_key(self, char: str) -> None:
        if self._chinese and char.isalpha():
            field = self.target()
            if not self._composition.is_active() and field is not None:
                self._composition.at_start = self._at_start(field)
            try:
                self._composition.type(char)
            except EnvironmentProblem:
                log.exception("pinyin input unavailable; typing letters")
                self._chinese = False
                self._composition.reset()
                self._insert(char)
            self._show()
            return
        if self._composition.is_active():
            self._insert(self._composition.commit_letters())
        self._insert(char)
        self._show()

    def _on_backspace(self) -> None:
        if self._composition.backspace():
            self._show()
            return
        field = self.target()
        if field is not None:
            field.backspace()

    def _on_clear(self) -> None:
        self._composition.reset()
        field = self.target()
        if field is not None:
            field.clear()
        self._show()

    def _on_candidate(self, index: int) -> None:
        try:
            text = self._composition.choose(index)
        except IndexError:
            return  # a stale tap on a bar that has changed
        self._insert(text)
        self._keyboard.candidate_chosen.emit(text)
        self._show()

    def _on_page(self, step: int) -> None:
        if step > 0:
            self._composition.next_page()
        else:
            self._composition.previous_page()
        self._show()

    def _insert(self, text: str) -> None:
        field = self.target()
        if field is not None and text:
            field.insert(text)

    def refresh(self) -> None:
        """Draw the bar again (the keyboard changed size)."""
        self._show()

    def _show(self) -> None:
        keyboard = self._keyboard
        composition = self._composition
        shown = keyboard.show_composition(
            chinese=self._chinese, preedit=composition.preedit, candidates=self.candidates()
        )
        composition.set_shown(shown)
        keyboard.set_paging(
            has_previous=composition.has_previous_page(), has_next=composition.has_next_page()
        )
