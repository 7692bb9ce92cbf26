"""The kiosk's search screen: a big field, the on-screen keyboard, results as you type."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from core.search import CatalogQuery, SearchHit
from kiosk.rows import HitList
from widgets.i18n import arg, is_language_change
from widgets.keyboard import OnScreenKeyboard
from widgets.layout import styled_label
from widgets.task_runner import TaskRunner

log = logging.getLogger(__name__)

SEARCH_LIMIT = 40


class SearchScreen(QWidget):
    """Type with the on-screen keyboard; results appear grouped by category.

    Every keystroke starts a catalog query on the task runner under one key, so a slow
    early query can never overwrite the results of a later one.

    Args:
        catalog: where to search.
        runner: runs the queries off the GUI thread.
        parent: the Qt parent.

    Signals:
        hit_chosen(SearchHit): the person tapped a result.
    """

    hit_chosen = Signal(object)

    def __init__(
        self, *, catalog: CatalogQuery, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._runner = runner
        self._shown_for: str | None = None
        self._failed = False
        self._hits: list[SearchHit] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 24)
        layout.setSpacing(16)

        self.field = QLineEdit()
        self.field.setObjectName("SearchField")
        self.field.setClearButtonEnabled(False)
        self.field.textChanged.connect(self._query)
        layout.addWidget(self.field)

        self._status = styled_label("", role="muted")
        self._status.setObjectName("SearchStatus")
        layout.addWidget(self._status)

        self.results = HitList()
        self.results.hit_chosen.connect(self.hit_chosen)
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setWidget(self.results)
        layout.addWidget(self._scroll, 1)

        self._empty = styled_label("", role="empty")
        self._empty.setObjectName("EmptyState")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.hide()
        # The hint takes the results' place and must not push the keyboard off a
        # 1080 px high screen in 长辈模式; it gets whatever height is left.
        self._empty.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        layout.addWidget(self._empty, 1)

        self.keyboard = OnScreenKeyboard()
        self.keyboard.attach(self.field)
        layout.addWidget(self.keyboard)
        self._retranslate()

    def reset(self) -> None:
        """Start afresh (entering the screen from home)."""
        self.field.clear()
        self.field.setFocus()

    def is_showing_results_for(self, text: str) -> bool:
        """Whether the results on screen answer ``text`` (tests wait on this)."""
        return self._shown_for == text.strip()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.field.setPlaceholderText(self.tr("输入事项名称、拼音或首字母，如 hz 护照"))
        self._update_status()

    def _query(self, text: str) -> None:
        text = text.strip()
        if not text:
            self._runner.cancel("kiosk-search")
            self._show(text, [])
            return
        catalog = self._catalog
        self._runner.run_catalog(
            lambda: catalog.search(text, limit=SEARCH_LIMIT),
            on_done=lambda hits: self._show(text, hits),
            on_error=self._on_error,
            key="kiosk-search",
            owner=self,
        )

    def _show(self, text: str, hits: list[SearchHit]) -> None:
        self._failed = False
        self._shown_for = text
        self._hits = hits
        self.results.show_hits(hits, grouped=True)
        self._scroll.verticalScrollBar().setValue(0)
        self._update_status()

    def _on_error(self, error: BaseException) -> None:
        log.error("search failed", exc_info=(type(error), error, error.__traceback__))
        self._failed = True
        self._shown_for = None
        self.results.show_hits([], grouped=False)
        self._update_status()

    def _update_status(self) -> None:
        text = self.field.text().strip()
        hits = self._hits
        empty = ""
        status = ""
        if self._failed:
            empty = self.tr("暂时无法查询事项目录，请稍后再试或呼叫工作人员")
        elif not text:
            status = self.tr("用下方键盘输入，结果会随输入立即显示")
        elif self._shown_for == text and not hits:
            empty = arg(
                self.tr(
                    "未找到“%1”相关事项\n\n试试：拼音首字母（如 hz）、事项简称（如 护照）\n"
                    "或呼叫工作人员帮您查找"
                ),
                text,
            )
        elif self._shown_for == text:
            status = arg(self.tr("找到 %1 个结果"), len(hits))
        self._status.setText(status)
        self._empty.setText(empty)
        self._empty.setVisible(bool(empty))
        self._scroll.setVisible(not empty)
