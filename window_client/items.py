"""事项查询: a searchable item list on the left, the item's 办事指南 on the right.

Keyboard first: ``/`` or Ctrl+F focuses the search box, ↓ moves into the list, the
arrows move, Enter opens the selected item. The list panel is reused by the acceptance
page to choose the item being applied for.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QKeySequence,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core.catalog import Audience
from core.search import CatalogQuery, HitKind, SearchHit
from widgets.guide_view import GuideData, ItemGuideView, load_guide
from widgets.i18n import arg, is_language_change
from widgets.labels import label
from widgets.layout import styled_label
from widgets.task_runner import TaskRunner
from window_client.pages import PageContext, PageSpec

log = logging.getLogger(__name__)

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_LIMIT = 200


def all_items(catalog: CatalogQuery) -> list[SearchHit]:
    """Every active item, department by department (runs on the catalog thread)."""
    hits: list[SearchHit] = []
    for department, _count in catalog.departments():
        hits.extend(catalog.by_department(department))
    return hits


class ItemListPanel(QWidget):
    """Search box, department and audience filters, and the list of items.

    Signals:
        item_opened(str): the clerk opened an item (Enter, double-click or click).
    """

    item_opened = Signal(str)

    def __init__(
        self,
        *,
        catalog: CatalogQuery,
        runner: TaskRunner,
        hall_id: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._runner = runner
        self._hall_id = hall_id
        self._hits: list[SearchHit] = []
        self._loaded_for: tuple[str, str, str] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        self.search = QLineEdit()
        self.search.setObjectName("ItemSearch")
        self.search.textChanged.connect(self.refresh)
        self.search.installEventFilter(self)
        self.search.returnPressed.connect(self._open_current_or_first)
        layout.addWidget(self.search)
        filters = QHBoxLayout()
        self.department = QComboBox()
        self.department.setObjectName("DepartmentFilter")
        self.department.currentIndexChanged.connect(self.refresh)
        self.audience = QComboBox()
        self.audience.setObjectName("AudienceFilter")
        self.audience.currentIndexChanged.connect(self.refresh)
        filters.addWidget(self.department, 3)
        filters.addWidget(self.audience, 1)
        layout.addLayout(filters)
        self.count = styled_label("", role="muted", wrap=False)
        layout.addWidget(self.count)
        self.model = QStandardItemModel(self)
        self.list = QListView()
        self.list.setObjectName("ItemList")
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(False)
        self.list.setWordWrap(True)
        # long names wrap to the list's width (re-laid out when it narrows beside a
        # paper preview) instead of scrolling sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.activated.connect(self._open_index)
        self.list.clicked.connect(self._open_index)
        layout.addWidget(self.list, 1)
        self._retranslate()
        self._load_departments()

    def hits(self) -> list[SearchHit]:
        """The hits listed, in order."""
        return list(self._hits)

    def is_showing(self, text: str) -> bool:
        """Whether the list answers the search ``text`` with the current filters."""
        return self._loaded_for is not None and self._loaded_for[0] == text.strip()

    def refresh(self) -> None:
        """Re-run the search with the current text and filters."""
        text = self.search.text().strip()
        department = self.department.currentData() or ""
        audience_value = self.audience.currentData() or ""
        audience = Audience(audience_value) if audience_value else None
        catalog = self._catalog
        hall_id = self._hall_id
        key = (text, department, audience_value)

        def fetch() -> list[SearchHit]:
            hits = (
                catalog.search(text, audience=audience, limit=SEARCH_LIMIT)
                if text
                else catalog.by_department(department)
                if department
                else all_items(catalog)
            )
            # The clerk accepts items; 一件事 are accepted item by item at the counter.
            return [
                h
                for h in hits
                if h.kind is HitKind.ITEM
                and (not department or h.department == department)
                and (audience is None or audience in h.audiences)
                and (not hall_id or hall_id in catalog.item(h.id).hall_ids)
            ]

        self._runner.run_catalog(
            fetch,
            on_done=lambda hits: self._show(key, hits),
            on_error=self._failed,
            key="window-items",
            owner=self,
        )

    def focus_search(self) -> None:
        """Put the cursor in the search box, its text selected for retyping."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def eventFilter(self, watched: object, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)
            and self.model.rowCount()
        ):
            self.list.setFocus()
            if not self.list.currentIndex().isValid():
                self.list.setCurrentIndex(self.model.index(0, 0))
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("搜索事项: 名称、拼音、首字母  ( / 或 Ctrl+F )"))
        if self.department.count():
            self.department.setItemText(0, self.tr("全部部门"))
        current = self.audience.currentIndex()
        self.audience.blockSignals(True)
        self.audience.clear()
        self.audience.addItem(self.tr("全部对象"), "")
        for audience in Audience:
            self.audience.addItem(label(audience), audience.value)
        self.audience.setCurrentIndex(max(current, 0))
        self.audience.blockSignals(False)
        self._update_count()

    def _load_departments(self) -> None:
        self._runner.run_catalog(
            self._catalog.departments,
            on_done=self._show_departments,
            on_error=self._failed,
            key="window-departments",
            owner=self,
        )

    def _show_departments(self, departments: list[tuple[str, int]]) -> None:
        self.department.blockSignals(True)
        self.department.clear()
        self.department.addItem(self.tr("全部部门"), "")
        for name, count in departments:
            self.department.addItem(f"{name} ({count})", name)
        self.department.blockSignals(False)
        self.refresh()

    def _show(self, key: tuple[str, str, str], hits: list[SearchHit]) -> None:
        self._loaded_for = key
        self._hits = hits
        self.model.clear()
        for hit in hits:
            text = f"{hit.name}\n{hit.department} · {hit.category}"
            if hit.status == "withdrawn":
                text = arg(self.tr("【已停止办理】%1"), text)
            row = QStandardItem(text)
            row.setEditable(False)
            row.setData(hit, HIT_ROLE)
            if hit.status == "withdrawn":
                row.setForeground(QColor("#A61B1B"))
            self.model.appendRow(row)
        self._update_count()

    def _update_count(self) -> None:
        if self._loaded_for is None:
            self.count.setText(self.tr("正在读取事项目录…"))
        elif not self._hits:
            self.count.setText(self.tr("没有符合条件的事项; 试试拼音首字母或清除筛选"))
        else:
            self.count.setText(arg(self.tr("共 %1 项"), len(self._hits)))

    def _failed(self, error: BaseException) -> None:
        log.error("item list failed", exc_info=(type(error), error, error.__traceback__))
        self.count.setText(self.tr("暂时无法读取事项目录, 请稍后再试"))

    def _open_index(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if isinstance(hit, SearchHit) and hit.kind is HitKind.ITEM:
            self.item_opened.emit(hit.id)

    def _open_current_or_first(self) -> None:
        index = self.list.currentIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0, 0)
        if index.isValid():
            self._open_index(index)


class ItemBrowserPage(QWidget):
    """事项查询: the item list and, on the right, the opened item's 办事指南.

    Args:
        catalog: the synced catalog.
        runner: the task runner.
        parent: the Qt parent.

    Signals:
        item_shown(str): the guide of this item id is now on the right.
    """

    item_shown = Signal(str)

    def __init__(
        self, *, catalog: CatalogQuery, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ItemBrowserPage")
        self._catalog = catalog
        self._runner = runner
        self.items = ItemListPanel(catalog=catalog, runner=runner)
        self.detail = ItemGuideView(dense=True)
        self.detail.setObjectName("ItemDetail")
        self._placeholder = styled_label("", role="empty")
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self._placeholder, 1)
        right_layout.addWidget(self.detail, 1)
        self.detail.hide()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.items)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([520, 1200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.items.item_opened.connect(self.open_item)
        for sequence in ("/", QKeySequence.StandardKey.Find):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.items.focus_search)
        self._retranslate()

    def open_item(self, item_id: str) -> None:
        """Read item ``item_id`` and show it on the right."""
        catalog = self._catalog
        self._runner.run_catalog(
            lambda: load_guide(catalog, item_id),
            on_done=self._show_item,
            on_error=self._item_failed,
            key="window-detail",
            owner=self,
        )

    def shown_item_id(self) -> str | None:
        """The item on the right, if any."""
        item = self.detail.item()
        return item.id if item is not None and not self.detail.isHidden() else None

    def focus_first(self) -> None:
        """Where the cursor goes when the page is opened: the search box."""
        self.items.focus_search()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        if self.detail.isHidden():
            self._placeholder.setText(self.tr("在左侧搜索并选择事项, 这里显示办事指南"))

    def _show_item(self, data: GuideData) -> None:
        self._placeholder.hide()
        self.detail.show()
        self.detail.show_guide(data)
        self.item_shown.emit(data.item.id)

    def _item_failed(self, error: BaseException) -> None:
        self.detail.hide()
        self._placeholder.show()
        if isinstance(error, KeyError):
            self._placeholder.setText(self.tr("该事项已不在目录中, 请重新搜索"))
            return
        log.error("item detail failed", exc_info=(type(error), error, error.__traceback__))
        self._placeholder.setText(self.tr("暂时无法读取该事项, 请稍后再试"))


def _items_page(context: PageContext) -> QWidget:
    return ItemBrowserPage(catalog=context.services.catalog, runner=context.runner)


PAGE = PageSpec(
    key="items",
    title=QT_TRANSLATE_NOOP("WindowPages", "事项查询"),
    icon="search",
    factory=_items_page,
    roles=frozenset(),
    shortcut="Ctrl+5",
)
