"""The left column of the counter's work pages: what there is to work on, and 刷新.

统一出件 (results ready), 办结签批 (cases to decide) and 差评整改 (follow-up tickets)
each list their work on the left and show the chosen one on the right; the column is
built here once so that it looks and behaves the same on every page::

    column = WorkList.add_to(outer, name="ReadyResults", chosen=self._chosen,
                             refresh=self.refresh)
    self.heading, self.results = column.heading, column.items

The page translates the heading and the button (it knows what it lists).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QPushButton,
    QVBoxLayout,
)

from widgets.layout import styled_label

T = TypeVar("T")

REFRESH_HEIGHT = 44
"""The 刷新 button's height (a touch target on a counter touch screen)."""
COLUMN_STRETCH = 2
"""The column's share of the page's width (the detail pane takes 3)."""


@dataclass(frozen=True, slots=True)
class WorkList:
    """The column's widgets.

    Attributes:
        heading: the page's subtitle above the list (the page sets its text).
        items: the list (``objectName`` as given; tests and QSS find it by it).
        refresh_button: 刷新 (F5 does the same on every page).
    """

    heading: QLabel
    items: QListWidget
    refresh_button: QPushButton

    @classmethod
    def add_to(
        cls,
        outer: QBoxLayout,
        *,
        name: str,
        chosen: Callable[[int], object],
        refresh: Callable[[], object],
    ) -> WorkList:
        """Build the column at the left of ``outer``.

        Args:
            outer: the page's horizontal layout.
            name: the list's object name.
            chosen: called with the chosen row (``-1``: none) when the choice changes.
            refresh: what 刷新 does.
        """
        column = QVBoxLayout()
        heading = styled_label("", role="subtitle")
        column.addWidget(heading)
        items = QListWidget()
        items.setObjectName(name)
        # a long item or result name wraps to the column instead of scrolling sideways
        items.setWordWrap(True)
        items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        items.setResizeMode(QListView.ResizeMode.Adjust)
        items.currentRowChanged.connect(chosen)
        column.addWidget(items, 1)
        refresh_button = QPushButton()
        refresh_button.setMinimumHeight(REFRESH_HEIGHT)
        refresh_button.clicked.connect(refresh)
        column.addWidget(refresh_button)
        outer.addLayout(column, COLUMN_STRETCH)
        return cls(heading=heading, items=items, refresh_button=refresh_button)

    def selected(self, rows: Sequence[T]) -> T | None:
        """The entry of ``rows`` (what the list shows, in order) that is chosen now."""
        row = self.items.currentRow()
        return rows[row] if 0 <= row < len(rows) else None
