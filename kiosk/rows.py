"""Touchable result rows and the grouped list that holds them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from core.search import HitKind, SearchHit
from widgets.i18n import is_language_change
from widgets.layout import clear_layout, styled_label


class HitRow(QPushButton):
    """One search hit as a large button: name, department, and a badge.

    Withdrawn items stay in the list, marked 已停止办理, so nobody wonders where the
    item they know went.
    """

    def __init__(self, hit: SearchHit, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hit = hit
        withdrawn = hit.status == "withdrawn"
        self.setProperty("role", "row-withdrawn" if withdrawn else "row")
        self.setObjectName(f"hit-{hit.id}")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(20, 8, 20, 8)
        texts = QVBoxLayout()
        texts.setSpacing(0)
        self.name_label = styled_label(hit.name, role="subtitle", wrap=True)
        self._department = styled_label(hit.department, role="muted", wrap=True)
        texts.addWidget(self.name_label)
        texts.addWidget(self._department)
        layout.addLayout(texts, 1)
        self._badge = styled_label("", role="badge-danger" if withdrawn else "badge", wrap=False)
        layout.addWidget(self._badge)
        for label in (self.name_label, self._department, self._badge):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self._retranslate()

    def badge_text(self) -> str:
        """The badge as shown (已停止办理 / 一件事 / empty)."""
        return self._badge.text()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = self.layout().sizeHint()
        hint.setHeight(max(hint.height(), self.minimumHeight()))
        return hint

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # QPushButton's own minimum is its whole text on one line; the labels inside
        # wrap, so a row may be as narrow as its layout allows (a long English name
        # in portrait 长辈模式 wraps instead of pushing the list wider than the screen)
        least = self.layout().minimumSize()
        least.setHeight(max(least.height(), self.minimumHeight()))
        return least

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        if self.hit.status == "withdrawn":
            text = self.tr("已停止办理")
        elif self.hit.kind is HitKind.BUNDLE:
            text = self.tr("一件事")
        else:
            text = ""
        self._badge.setText(text)
        self._badge.setVisible(bool(text))


class HitList(QWidget):
    """Hits as rows, optionally grouped under their category.

    Signals:
        hit_chosen(SearchHit): a row was tapped.
    """

    hit_chosen = Signal(object)

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(12)
        self._rows: list[HitRow] = []

    def rows(self) -> list[HitRow]:
        """The rows shown, in order."""
        return list(self._rows)

    def show_hits(self, hits: Sequence[SearchHit], *, grouped: bool) -> None:
        """Replace the rows; ``grouped`` puts a heading over each category."""
        clear_layout(self._layout)
        self._rows = []
        if grouped:
            order: list[str] = []
            groups: dict[str, list[SearchHit]] = {}
            for hit in hits:  # hits arrive best first; a group ranks by its best hit
                if hit.category not in groups:
                    order.append(hit.category)
                    groups[hit.category] = []
                groups[hit.category].append(hit)
            for category in order:
                heading = styled_label(category, role="section", wrap=False)
                heading.setObjectName("GroupHeading")
                self._layout.addWidget(heading)
                for hit in groups[category]:
                    self._add_row(hit)
        else:
            for hit in hits:
                self._add_row(hit)
        self._layout.addStretch(1)

    def _add_row(self, hit: SearchHit) -> None:
        row = HitRow(hit)
        row.clicked.connect(lambda _=False, h=hit: self.hit_chosen.emit(h))
        self._rows.append(row)
        self._layout.addWidget(row)
