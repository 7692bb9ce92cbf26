"""办事指南 and 一件事 pages of the kiosk."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from core.catalog import Bundle, Hall, ItemStatus
from core.search import CatalogQuery, HitKind, MatchedOn, SearchHit
from kiosk.rows import HitList
from widgets.guide_view import GuideData, ItemGuideView, load_guide
from widgets.i18n import arg, is_language_change
from widgets.labels import label
from widgets.layout import card, clear_layout, styled_label
from widgets.task_runner import TaskRunner

log = logging.getLogger(__name__)

# The QR code on a guide opens the item on the citizen's phone. It is an https URL,
# not a custom govterm:// deep link, because the scanners people actually use (WeChat,
# the 爱山东 app, the phone camera) open web links and refuse unknown schemes; the
# platform redirects it to the item's page in 爱山东. A terminal can point it elsewhere
# with ``TerminalProfile.extra["guide_url"]`` (``{item}`` is replaced by the item id).
DEFAULT_GUIDE_URL = "https://www.shandong.gov.cn/guide/item?code={item}"


class GuideScreen(QWidget):
    """One item's 办事指南 with a 白话版 tab and a QR code to continue on the phone.

    Args:
        catalog: where the item is read.
        runner: reads it off the GUI thread.
        guide_url: the phone link template, ``{item}`` replaced by the item id.
        parent: the Qt parent.
    """

    def __init__(
        self,
        *,
        catalog: CatalogQuery,
        runner: TaskRunner,
        guide_url: str = DEFAULT_GUIDE_URL,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._runner = runner
        self._guide_url = guide_url
        self._item_id = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 16, 32, 16)
        self.message = styled_label("", role="empty")
        self.message.setObjectName("ScreenMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.hide()
        layout.addWidget(self.message)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.guide = ItemGuideView(dense=False, show_qr=True)
        self.plain = QScrollArea()
        self.plain.setWidgetResizable(True)
        self.plain.setFrameShape(QFrame.Shape.NoFrame)
        plain_body = QWidget()
        plain_layout = QVBoxLayout(plain_body)
        plain_layout.setContentsMargins(24, 24, 24, 24)
        self._plain_title = styled_label("", role="title")
        self.plain_text = styled_label("", role="body")
        self.plain_text.setObjectName("PlainText")
        plain_layout.addWidget(self._plain_title)
        plain_layout.addWidget(self.plain_text)
        plain_layout.addStretch(1)
        self.plain.setWidget(plain_body)
        self.tabs.addTab(self.guide, "")
        self.tabs.addTab(self.plain, "")
        layout.addWidget(self.tabs, 1)
        self._retranslate()

    def show_item(self, item_id: str) -> None:
        """Read item ``item_id`` and show its guide, first tab, top of the page."""
        self._item_id = item_id
        self.tabs.setCurrentIndex(0)
        catalog = self._catalog
        self._runner.run_catalog(
            lambda: load_guide(catalog, item_id),
            on_done=self._show,
            on_error=self._failed,
            key="kiosk-guide",
            owner=self,
        )

    def shown_item_id(self) -> str | None:
        """The id of the item on screen, once it has arrived."""
        item = self.guide.item()
        return item.id if item is not None and self.tabs.isVisible() else None

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("办事指南"))
        self.tabs.setTabText(1, self.tr("白话版"))

    def _show(self, data: GuideData) -> None:
        self.message.hide()
        self.tabs.show()
        self.guide.show_guide(data, qr_text=self._guide_url.replace("{item}", data.item.id))
        self._plain_title.setText(data.item.name)
        text = data.item.plain_text
        if data.item.status is ItemStatus.WITHDRAWN:
            text = arg(self.tr("已停止办理: %1"), data.item.withdrawn_note) + "\n\n" + text
        self.plain_text.setText(text)

    def _failed(self, error: BaseException) -> None:
        self.tabs.hide()
        self.message.show()
        if isinstance(error, KeyError):
            log.warning("item %s is not in the catalog", self._item_id)
            self.message.setText(self.tr("该事项已不在目录中, 请返回重新查找"))
            return
        log.error("guide failed", exc_info=(type(error), error, error.__traceback__))
        self.message.setText(self.tr("暂时无法读取办事指南, 请稍后再试或呼叫工作人员"))


@dataclass(frozen=True, slots=True)
class BundleData:
    """What a 一件事 page shows."""

    bundle: Bundle
    items: tuple[SearchHit, ...]
    halls: tuple[Hall, ...]


def load_bundle(catalog: CatalogQuery, bundle_id: str) -> BundleData:
    """Read a 一件事, the items it joins and its halls (runs on the catalog thread)."""
    bundle = catalog.bundle(bundle_id)
    items: list[SearchHit] = []
    for item_id in bundle.item_ids:
        try:
            item = catalog.item(item_id)
        except KeyError:
            log.warning("bundle %s names unknown item %s", bundle.id, item_id)
            continue
        items.append(
            SearchHit(
                kind=HitKind.ITEM,
                id=item.id,
                name=item.name,
                department=item.department,
                category=bundle.name,
                audiences=item.audience,
                matched_on=MatchedOn.TEXT,
                score=0.0,
                status=item.status.value,
            )
        )
    halls: list[Hall] = []
    for hall_id in bundle.hall_ids:
        try:
            halls.append(catalog.hall(hall_id))
        except KeyError:
            log.warning("bundle %s names unknown hall %s", bundle.id, hall_id)
    return BundleData(bundle=bundle, items=tuple(items), halls=tuple(halls))


class BundleScreen(QWidget):
    """一件事: what it joins, one set of materials, one time limit, where.

    Signals:
        hit_chosen(SearchHit): the person tapped one of the joined items.
    """

    hit_chosen = Signal(object)

    def __init__(
        self, *, catalog: CatalogQuery, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._runner = runner
        self._data: BundleData | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 24, 48, 24)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        self._layout = QVBoxLayout(body)
        self._layout.setSpacing(16)
        self.scroll.setWidget(body)
        outer.addWidget(self.scroll)
        self.items = HitList()
        self.items.hit_chosen.connect(self.hit_chosen)

    def show_bundle(self, bundle_id: str) -> None:
        """Read 一件事 ``bundle_id`` and show it."""
        catalog = self._catalog
        self._runner.run_catalog(
            lambda: load_bundle(catalog, bundle_id),
            on_done=self._show,
            on_error=self._failed,
            key="kiosk-bundle",
            owner=self,
        )

    def shown_bundle_id(self) -> str | None:
        """The id of the 一件事 on screen, once it has arrived."""
        return self._data.bundle.id if self._data is not None else None

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event) and self._data is not None:
            self._show(self._data)
        super().changeEvent(event)

    def _show(self, data: BundleData) -> None:
        self._data = data
        self.items.setParent(None)
        clear_layout(self._layout)
        bundle = data.bundle
        self._layout.addWidget(styled_label(bundle.name, role="title"))
        self._layout.addWidget(styled_label(bundle.description))
        facts, box = card()
        days = (
            self.tr("即时办结")
            if bundle.promised_days == 0
            else arg(self.tr("%1 个%2"), bundle.promised_days, label(bundle.day_unit))
        )
        box.addWidget(styled_label(arg(self.tr("牵头部门: %1"), bundle.lead_department)))
        box.addWidget(styled_label(arg(self.tr("承诺办结时限: %1"), days)))
        box.addWidget(styled_label(self.tr("一次告知、一表申请、一套材料、一窗受理"), role="muted"))
        self._layout.addWidget(facts)
        self._layout.addWidget(styled_label(self.tr("包含的事项"), role="section", wrap=False))
        self.items.show_hits(list(data.items), grouped=False)
        self._layout.addWidget(self.items)
        self._layout.addWidget(styled_label(self.tr("一套材料"), role="section", wrap=False))
        materials, box = card()
        for number, material in enumerate(bundle.materials, 1):
            line = arg(
                self.tr("%1. %2 (%3 %4 份)"),
                number,
                material.name,
                label(material.form),
                material.copies,
            )
            if material.elicence_type is not None:
                line += " · " + self.tr("可用电子证照免提交")
            box.addWidget(styled_label(line))
        self._layout.addWidget(materials)
        self._layout.addWidget(styled_label(self.tr("办理地点和时间"), role="section", wrap=False))
        where, box = card()
        for hall in data.halls:
            box.addWidget(styled_label(hall.name, role="subtitle"))
            box.addWidget(styled_label(arg(self.tr("地址: %1"), hall.address)))
            box.addWidget(styled_label(arg(self.tr("时间: %1"), hall.hours)))
            box.addWidget(styled_label(arg(self.tr("电话: %1"), hall.phone)))
        self._layout.addWidget(where)
        self._layout.addStretch(1)
        self.scroll.verticalScrollBar().setValue(0)

    def _failed(self, error: BaseException) -> None:
        self._data = None
        self.items.setParent(None)
        clear_layout(self._layout)
        if isinstance(error, KeyError):
            text = self.tr("该一件事已不在目录中, 请返回重新查找")
        else:
            log.error("bundle failed", exc_info=(type(error), error, error.__traceback__))
            text = self.tr("暂时无法读取一件事, 请稍后再试或呼叫工作人员")
        self._layout.addWidget(styled_label(text, role="empty"))
