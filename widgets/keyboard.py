"""The on-screen keyboard of the kiosk (a kiosk has no physical keyboard).

Letters type pinyin or pinyin initials (``hz`` finds 护照), digits type numbers.
A candidate bar above the keys is empty and hidden until someone calls
:meth:`OnScreenKeyboard.set_candidates`; the pinyin IME of a later release fills it
with hanzi, and choosing one emits :attr:`~OnScreenKeyboard.candidate_chosen`.

Keys never take focus, so the field being typed into keeps its cursor.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from widgets.i18n import is_language_change
from widgets.icons import icon, icon_size

log = logging.getLogger(__name__)

ROWS: tuple[str, ...] = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")
MAX_CANDIDATES = 8


class OnScreenKeyboard(QWidget):
    """Letter and digit keys with backspace and clear, and a hidden candidate bar.

    Signals:
        key_typed(str): a character key was tapped; the payload is the character.
        backspace_pressed(): the ⌫ key was tapped.
        clear_pressed(): the 清空 key was tapped.
        candidate_chosen(str): a candidate of the candidate bar was tapped.
    """

    key_typed = Signal(str)
    backspace_pressed = Signal()
    clear_pressed = Signal()
    candidate_chosen = Signal(str)

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Keyboard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._keys: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)

        self._candidate_bar = QWidget()
        self._candidate_layout = QHBoxLayout(self._candidate_bar)
        self._candidate_layout.setContentsMargins(0, 0, 0, 0)
        self._candidate_bar.hide()
        layout.addWidget(self._candidate_bar)

        for index, row in enumerate(ROWS):
            line = QHBoxLayout()
            line.setSpacing(8)
            line.addStretch(index)  # the staggered rows of a real keyboard
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

    def set_candidates(self, candidates: Sequence[str]) -> None:
        """Show up to :data:`MAX_CANDIDATES` candidates; an empty list hides the bar."""
        while self._candidate_layout.count():
            child = self._candidate_layout.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.deleteLater()
        for text in candidates[:MAX_CANDIDATES]:
            button = self._key(text, role="candidate")
            button.clicked.connect(lambda _=False, t=text: self.candidate_chosen.emit(t))
            self._candidate_layout.addWidget(button)
        self._candidate_layout.addStretch(1)
        self._candidate_bar.setVisible(bool(candidates))

    def attach(self, field: QLineEdit) -> None:
        """Type into ``field``: characters insert at the cursor, ⌫ deletes, 清空 clears."""
        self.key_typed.connect(field.insert)
        self.candidate_chosen.connect(field.insert)
        self.backspace_pressed.connect(field.backspace)
        self.clear_pressed.connect(field.clear)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._clear.setText(self.tr("清空"))
        self._backspace.setToolTip(self.tr("退格"))
        self._backspace.setAccessibleName(self.tr("退格"))

    @staticmethod
    def _key(text: str, *, role: str) -> QPushButton:
        button = QPushButton(text)
        button.setProperty("role", role)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button
