"""扫码办事: scan a 居民码/企业码 → identity confirmed → e-licences → items to apply for.

The code is resolved online through the gateway (single use across all terminals);
the screen then shows the masked name and ID number, the e-licences the holder has
(免提交), and this hall's kiosk-enabled items for that kind of applicant. Tapping an
item emits :attr:`ScanServiceScreen.item_chosen`; the window opens the application.
Forged, expired, replayed or malformed codes get the refusal's own message and change
nothing. Everything personal is dropped by :meth:`forget_personal_data`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QPushButton, QScrollArea, QVBoxLayout, QWidget

from core.catalog import Audience, ServiceItem
from core.holders import Citizen, Enterprise
from core.scan import ScanEvent
from kiosk.citizen_parts import CodeEntry, message_of
from kiosk.services import KioskServices, holder_from_resolved
from widgets.i18n import arg, is_language_change
from widgets.layout import MessageLine, clear_layout, heading, styled_label
from widgets.task_runner import TaskRunner

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Identified:
    """A resolved code, as the screens use it (held for one session only)."""

    holder: Citizen | Enterprise
    masked_name: str
    masked_id: str


@dataclass(frozen=True, slots=True)
class ItemChosen:
    """Payload of :attr:`ScanServiceScreen.item_chosen`."""

    identified: Identified
    item: ServiceItem


class ScanServiceScreen(QWidget):
    """扫码办事.

    Args:
        services: the kiosk's citizen services.
        runner: runs resolution off the GUI thread.
        parent: the Qt parent.

    Signals:
        item_chosen(ItemChosen): the citizen chose an item to apply for.
    """

    item_chosen = Signal(object)

    def __init__(
        self, *, services: KioskServices, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self._identified: Identified | None = None
        self._items: list[ServiceItem] = []
        self._busy = False
        layout = QVBoxLayout(self)
        # a refusal line above the keyboard fills a landscape screen in 长辈模式
        layout.setContentsMargins(48, 16, 48, 16)
        layout.setSpacing(16)
        self._title = heading(name="ScanTitle")
        self._hint = styled_label("", role="muted")
        self._hint.setObjectName("ScanHint")
        layout.addWidget(self._title)
        layout.addWidget(self._hint)
        self.message = MessageLine(name="ScanMessage")
        layout.addWidget(self.message)

        self._who = styled_label("", role="subtitle")
        self._who.setObjectName("IdentityLine")
        self._licences = styled_label("", role="body")
        self._licences.setObjectName("LicenceLine")
        self._items_title = styled_label("", role="section")
        layout.addWidget(self._who)
        layout.addWidget(self._licences)
        layout.addWidget(self._items_title)
        self._list = QWidget()
        self._rows = QVBoxLayout(self._list)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setSpacing(12)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._list)
        layout.addWidget(scroll, 1)
        self.entry = CodeEntry(name="ScanCode")
        self.entry.submitted.connect(self.take_code)
        layout.addWidget(self.entry)
        self._show_identity()
        self._retranslate()

    # -- the session ---------------------------------------------------------------------

    def reset(self) -> None:
        """Start afresh (entering from home)."""
        self.forget_personal_data()

    def identified(self) -> Identified | None:
        return self._identified

    def holds_personal_data(self) -> bool:
        return self._identified is not None

    def forget_personal_data(self) -> None:
        self._identified = None
        self._items = []
        self.entry.field.setText("")
        self.message.clear_message()
        self._show_identity()

    def item_buttons(self) -> list[QPushButton]:
        """The item rows now shown (tests tap them)."""
        return [self._rows.itemAt(i).widget() for i in range(self._rows.count())
                if isinstance(self._rows.itemAt(i).widget(), QPushButton)]

    # -- input ---------------------------------------------------------------------------

    def handle_scan(self, event: ScanEvent) -> None:
        """A scan routed to this screen."""
        self.take_code(event.text)

    def take_code(self, text: str) -> None:
        """Resolve a scanned or typed code (ignored while one is being resolved)."""
        if self._busy:
            return
        self._busy = True
        self.message.notice(self.tr("正在核验，请稍候…"))
        services = self._services

        def work() -> tuple[Identified, list[ServiceItem]]:
            resolved = services.codes.resolve(text, purpose="case")
            holder = holder_from_resolved(resolved)
            audience = Audience.PERSONAL if isinstance(holder, Citizen) else Audience.ENTERPRISE
            identified = Identified(holder, resolved.masked_name, resolved.masked_id)
            return identified, services.items(audience)

        self._runner.run(work, on_done=self._on_identified, on_error=self._on_refused,
                         key="kiosk-scan-service", owner=self)

    def _on_identified(self, result: tuple[Identified, list[ServiceItem]]) -> None:
        self._busy = False
        self._identified, self._items = result
        self.entry.field.setText("")
        self.message.clear_message()
        log.info("scan service: identity confirmed, %d items offered", len(self._items))
        self._show_identity()

    def _on_refused(self, error: BaseException) -> None:
        self._busy = False
        self.entry.field.setText("")
        self.message.error(message_of(error))

    # -- drawing -------------------------------------------------------------------------

    def _show_identity(self) -> None:
        clear_layout(self._rows)
        identified = self._identified
        known = identified is not None
        self._who.setVisible(known)
        self._licences.setVisible(known)
        self._items_title.setVisible(known)
        self.entry.setVisible(not known)
        self._hint.setVisible(not known)
        if identified is None:
            return
        holder = identified.holder
        kind = self.tr("居民") if isinstance(holder, Citizen) else self.tr("企业")
        self._who.setText(arg(self.tr("%1：%2　证件号码：%3"), kind, identified.masked_name,
                              identified.masked_id))
        names = sorted({lic.name for lic in holder.licences})
        self._licences.setText(
            arg(self.tr("已关联电子证照（可免提交）：%1"), "、".join(names))
            if names else self.tr("暂无关联的电子证照")
        )
        if not self._items:
            self._items_title.setText(self.tr("本终端暂无可为您自助申请的事项，请到窗口办理"))
            return
        self._items_title.setText(self.tr("请选择要办理的事项"))
        for item in self._items:
            button = QPushButton(item.name)
            button.setObjectName(f"apply-{item.id}")
            button.setProperty("role", "row")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, i=item: self._choose(i))
            self._rows.addWidget(button)
        self._rows.addStretch(1)

    def _choose(self, item: ServiceItem) -> None:
        if self._identified is not None:
            self.item_chosen.emit(ItemChosen(self._identified, item))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._title.setText(self.tr("扫码办事"))
        self._hint.setText(self.tr(
            "请将手机上的居民码或企业码对准扫码口；也可以在下方输入码内容"))
        self.entry.retranslate()
        self._show_identity()
