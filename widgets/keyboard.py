"""The on-screen keyboard of the kiosk (a kiosk has no physical keyboard).

In 英 mode letters type themselves (search understands pinyin and initials: ``hz``
finds 护照); in 中 mode they compose pinyin, and a candidate bar above the keys shows
the letters typed and hanzi to choose, with 上一页/下一页 (``widgets.pinyin_ime`` does
the work; the keyboard only draws and reports taps). The 中/英 key switches; a field's
purpose decides where it starts (names in 中, search in 英). Digits type themselves.

Keys never take focus, so the field being typed into keeps its cursor.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.pinyin_ime import InputMethod, InputPurpose
from widgets.i18n import is_language_change
from widgets.icons import icon, icon_size
from widgets.pinyin_ime import MAX_CANDIDATES, KeyboardInput

log = logging.getLogger(__name__)

ROWS: tuple[str, ...] = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")


class OnScreenKeyboard(QWidget):
    """Letter and digit keys, backspace, clear, 中/英, and a pinyin candidate bar.

    Args:
        input_method: where hanzi candidates come from; the shared pinyin engine
            (loaded on first use) when omitted.
        parent: the Qt parent.

    Signals:
        key_typed(str): a character key was tapped; the payload is the character.
        backspace_pressed(): the ⌫ key was tapped.
        clear_pressed(): the 清空 key was tapped.
        candidate_index_chosen(int): candidate number n of the bar's page was tapped.
        candidate_chosen(str): hanzi from the candidate bar were entered into a field.
        page_requested(int): 上一页 (−1) or 下一页 (+1) was tapped.
        mode_toggle_requested(): the 中/英 key was tapped.
    """

    key_typed = Signal(str)
    backspace_pressed = Signal()
    clear_pressed = Signal()
    candidate_index_chosen = Signal(int)
    candidate_chosen = Signal(str)
    page_requested = Signal(int)
    mode_toggle_requested = Signal()

    def __init__(
        self, *, input_method: InputMethod | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Keyboard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._keys: dict[str, QPushButton] = {}
        self._chinese = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)

        self._candidate_bar = self._build_candidate_bar()
        layout.addWidget(self._candidate_bar)

        for index, row in enumerate(ROWS):
            line = QHBoxLayout()
            line.setSpacing(8)
            line.addStretch(index)  # the staggered rows of a real keyboard
            if index == len(ROWS) - 1:
                self._mode = self._key("", role="key-action")
                self._mode.setObjectName("key-mode")
                self._mode.clicked.connect(self.mode_toggle_requested)
                line.addWidget(self._mode, 3)
            for char in row:
                key = self._key(char, role="key")
                key.clicked.connect(lambda _=False, c=char: self.key_typed.emit(c))
                self._keys[char] = key
                line.addWidget(key, 2)
            if index == len(ROWS) - 1:
                self._backspace = self._key("", role="key-action")
                self._backspace.setIcon(icon("backspace", size=32, colour="#0A3772"))
                self._backspace.setIconSize(icon_size(32))
                self._backspace.setObjectName("key-backspace")
                self._backspace.clicked.connect(self.backspace_pressed)
                self._backspace.setAutoRepeat(True)
                line.addWidget(self._backspace, 3)
                self._clear = self._key("", role="key-action")
                self._clear.setObjectName("key-clear")
                self._clear.clicked.connect(self.clear_pressed)
                line.addWidget(self._clear, 3)
            line.addStretch(index)
            layout.addLayout(line)
        self.input = KeyboardInput(keyboard=self, input_method=input_method)
        self._retranslate()

    def key(self, char: str) -> QPushButton:
        """The button of character ``char`` (tests and the tutorial overlay use it)."""
        return self._keys[char]

    def backspace_key(self) -> QPushButton:
        """The ⌫ button."""
        return self._backspace

    def clear_key(self) -> QPushButton:
        """The 清空 button."""
        return self._clear

    def mode_key(self) -> QPushButton:
        """The 中/英 button."""
        return self._mode

    def candidate_buttons(self) -> list[QPushButton]:
        """The candidate buttons now shown, in order."""
        return [b for b in self._candidates if not b.isHidden()]

    def page_keys(self) -> tuple[QPushButton, QPushButton]:
        """The 上一页 and 下一页 buttons."""
        return self._previous_page, self._next_page

    def preedit_text(self) -> str:
        """The pinyin being composed, as shown on the bar."""
        return self._preedit.text()

    def show_composition(self, *, chinese: bool, preedit: str, candidates: Sequence[str]) -> int:
        """Draw the mode, the pinyin and as many candidates as fit; returns how many.

        ``KeyboardInput`` calls this, then :meth:`set_paging`. The bar stays up, empty,
        while in 中 mode, so the keys do not jump as typing starts and stops.
        """
        self._chinese = chinese
        self._candidate_bar.setVisible(chinese)
        self._retranslate()
        width = self._bar_width()
        metrics = self._preedit.fontMetrics()
        self._preedit.setText(
            metrics.elidedText(preedit, Qt.TextElideMode.ElideLeft, width * 3 // 10)
        )
        spacing = self._candidate_layout.spacing()
        room = width - self._preedit.sizeHint().width() - spacing
        room -= self._previous_page.sizeHint().width() + self._next_page.sizeHint().width()
        room -= 2 * spacing
        shown = 0
        for index, button in enumerate(self._candidates):
            text = candidates[index] if index < len(candidates) else ""
            button.setText(text)
            needed = button.sizeHint().width() + spacing
            fits = bool(text) and shown == index and (needed <= room or shown == 0)
            if fits:
                room -= needed
                shown += 1
            button.setVisible(fits)
        return shown

    def set_paging(self, *, has_previous: bool, has_next: bool) -> None:
        """Enable 上一页/下一页."""
        self._previous_page.setEnabled(has_previous)
        self._next_page.setEnabled(has_next)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self._chinese:
            self.input.refresh()  # a new width fits a different number of candidates

    def _bar_width(self) -> int:
        margins = self.contentsMargins()
        layout = self.layout()
        if layout is not None:
            margins = layout.contentsMargins()
        return max(320, self.width() - margins.left() - margins.right())

    def attach(self, field: QLineEdit, *, purpose: InputPurpose | None = None) -> None:
        """Type into ``field``: characters insert at the cursor, ⌫ deletes, 清空 clears.

        Several fields may be attached; keys go to the one with focus.

        Args:
            field: the field.
            purpose: name and free-text fields start in 中 (pinyin → hanzi), search
                fields in 英; see :func:`widgets.pinyin_ime.set_input_purpose`.
        """
        self.input.attach(field, purpose=purpose)

    def forget_personal_data(self) -> None:
        """Drop the pinyin being composed and its candidates (end of a session)."""
        self.input.reset()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._mode.setText(self.tr("中") if self._chinese else self.tr("英"))
        self._mode.setAccessibleName(self.tr("中英文切换"))
        self._previous_page.setText(self.tr("上一页"))
        self._next_page.setText(self.tr("下一页"))
        self._clear.setText(self.tr("清空"))
        self._backspace.setAccessibleName(self.tr("退格"))

    def _build_candidate_bar(self) -> QWidget:
        bar = QWidget()
        bar.setObjectName("CandidateBar")
        row = self._candidate_layout = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        self._preedit = QLabel()
        self._preedit.setObjectName("Preedit")
        self._preedit.setProperty("role", "preedit")
        row.addWidget(self._preedit)
        self._candidates: list[QPushButton] = []
        for index in range(MAX_CANDIDATES):
            button = self._key("", role="candidate")
            button.setObjectName(f"candidate-{index}")
            button.clicked.connect(lambda _=False, i=index: self.candidate_index_chosen.emit(i))
            button.hide()
            self._candidates.append(button)
            row.addWidget(button)
        row.addStretch(1)
        self._previous_page = self._key("", role="key-action")
        self._previous_page.setObjectName("key-previous-page")
        self._previous_page.clicked.connect(lambda: self.page_requested.emit(-1))
        self._next_page = self._key("", role="key-action")
        self._next_page.setObjectName("key-next-page")
        self._next_page.clicked.connect(lambda: self.page_requested.emit(1))
        row.addWidget(self._previous_page)
        row.addWidget(self._next_page)
        bar.hide()
        return bar

    @staticmethod
    def _key(text: str, *, role: str) -> QPushButton:
        button = QPushButton(text)
        button.setProperty("role", role)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button
