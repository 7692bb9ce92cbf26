"""办事指南: every element of a :class:`~core.catalog.ServiceItem`, for both modes.

The kiosk shows it large, with materials as cards (readable in portrait); the window
client shows it dense, with the materials as a table with 容缺 and e-licence columns.
The view only renders; choosing a 情形 re-filters the materials in place.

The phone QR codes of the last few guides are kept drawn: encoding one takes ≈ 25 ms,
a quarter of a guide's screen change; a citizen going back and forth between two
guides does not pay it again.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.catalog import Hall, ItemKind, ItemStatus, Material, ServiceItem
from core.search import CatalogQuery, other_places
from widgets.i18n import arg, is_language_change
from widgets.labels import label
from widgets.layout import card, clear_layout, styled_label
from widgets.qr import qr_pixmap

log = logging.getLogger(__name__)

QR_SIZE = 220
QR_CACHE = 8
"""Phone QR codes kept drawn (≈ 170 KB each)."""
_qr_cache: OrderedDict[str, QPixmap] = OrderedDict()


def _guide_qr(text: str) -> QPixmap:
    """The QR code of ``text``, from the small cache of recent guides when it is there."""
    pixmap = _qr_cache.get(text)
    if pixmap is None:
        pixmap = _qr_cache[text] = qr_pixmap(text, size=QR_SIZE)
        while len(_qr_cache) > QR_CACHE:
            _qr_cache.popitem(last=False)
    else:
        _qr_cache.move_to_end(text)
    return pixmap


@dataclass(frozen=True, slots=True)
class GuideData:
    """What a guide page shows: the item, the halls that accept it, and where else.

    ``other_halls`` handle the same service (基本编码) through another region's
    implementation: "本事项还可在以下地点办理".
    """

    item: ServiceItem
    halls: tuple[Hall, ...]
    other_halls: tuple[Hall, ...] = ()


def load_guide(catalog: CatalogQuery, item_id: str) -> GuideData:
    """Read an item, its halls and the other places handling it (catalog thread).

    Raises:
        KeyError: the item is not in the catalog (any more).
    """
    item = catalog.item(item_id)
    elsewhere = other_places(item, catalog.implementations(item.basic_code))
    return GuideData(
        item=item,
        halls=_known_halls(catalog, item, item.hall_ids),
        other_halls=_known_halls(catalog, item, elsewhere),
    )


def _known_halls(catalog: CatalogQuery, item: ServiceItem, ids: Sequence[str]) -> tuple[Hall, ...]:
    halls: list[Hall] = []
    for hall_id in ids:
        try:
            halls.append(catalog.hall(hall_id))
        except KeyError:
            log.warning("item %s names unknown hall %s", item.id, hall_id)
    return tuple(halls)


class ItemGuideView(QScrollArea):
    """A scrollable 办事指南.

    Args:
        dense: the window client's compact layout (materials as a table).
        show_qr: show the "continue on your phone" QR code (kiosk).
        parent: the Qt parent.

    Signals:
        situation_chosen(str): the person chose a 情形 (its id); materials now follow it.
    """

    situation_chosen = Signal(str)

    def __init__(self, *, dense: bool, show_qr: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self._dense = dense
        self._show_qr = show_qr
        self._data: GuideData | None = None
        self._qr_text = ""
        self._situation_id = ""
        self._materials_box: QVBoxLayout | None = None
        self._materials_heading: QWidget | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._body = QWidget()
        # as wide as the viewport, never wider (no sideways scrolling): what is long
        # wraps to it, or flows on to the next line (badges, 情形 chips)
        self._body.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._layout = QVBoxLayout(self._body)
        margin = 8 if dense else 24
        self._layout.setContentsMargins(margin, margin, margin, margin)
        self._layout.setSpacing(8 if dense else 16)
        self.setWidget(self._body)

    # -- public --------------------------------------------------------------------------

    def show_guide(self, data: GuideData, *, qr_text: str = "") -> None:
        """Render ``data``; ``qr_text`` is what the phone QR code encodes."""
        self._data = data
        self._qr_text = qr_text
        self._situation_id = data.item.situations[0].id
        self._render()
        self.verticalScrollBar().setValue(0)

    def item(self) -> ServiceItem | None:
        """The item shown, if any."""
        return self._data.item if self._data else None

    def situation_id(self) -> str:
        """The 情形 whose materials are shown."""
        return self._situation_id

    def choose_situation(self, situation_id: str) -> None:
        """Show the materials of 情形 ``situation_id``."""
        if self._data is None or situation_id == self._situation_id:
            return
        self._data.item.situation(situation_id)  # KeyError for an unknown 情形
        self._situation_id = situation_id
        self._fill_materials()
        self.situation_chosen.emit(situation_id)

    def scroll_to_materials(self) -> None:
        """Bring the materials section, from its heading, to the top of the view.

        A guide just rendered is laid out in later turns of the event loop (the body's
        height, then the scroll range), so the scroll is done now and once more after
        those turns.
        """
        self._scroll_to_materials()
        QTimer.singleShot(0, self, self._scroll_to_materials)

    def _scroll_to_materials(self) -> None:
        anchor = self._materials_heading
        if anchor is None or not shiboken6.isValid(anchor):
            return
        layout = self._body.layout()
        if layout is not None:
            layout.activate()
        self.verticalScrollBar().setValue(anchor.mapTo(self._body, QPoint(0, 0)).y())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event) and self._data is not None:
            self._render()
        super().changeEvent(event)

    # -- rendering -----------------------------------------------------------------------

    def _render(self) -> None:
        assert self._data is not None
        clear_layout(self._layout)
        self._materials_box = None
        self._materials_heading = None
        item = self._data.item
        self._add_heading(item)
        self._add_facts(item)
        self._add_list(self.tr("受理条件"), item.conditions)
        self._add_situations(item)
        self._add_steps(item)
        self._add_fees(item)
        self._add_list(self.tr("设定依据"), item.legal_basis)
        self._add_halls(self._data.halls)
        if self._data.other_halls:
            self._add_other_halls(self._data.other_halls)
        if self._show_qr and self._qr_text:
            self._add_qr()
        self._layout.addStretch(1)

    def _add_heading(self, item: ServiceItem) -> None:
        self._layout.addWidget(styled_label(item.name, role="title"))
        badges = _FlowRow()  # on to the next line when a portrait screen is too narrow
        texts = [label(item.type), label(item.kind), *(label(a) for a in item.audience)]
        if item.online_enabled:
            texts.append(self.tr("全程网办"))
        if item.kiosk_enabled:
            texts.append(self.tr("可自助办理"))
        if item.appointment_enabled:
            texts.append(self.tr("可预约"))
        if item.commitment_allowed:
            texts.append(self.tr("告知承诺制"))
        if item.window_decidable:
            texts.append(self.tr("窗口即审即办"))
        for text in texts:
            badges.add(styled_label(text, role="badge", wrap=False))
        self._layout.addWidget(badges)
        if item.status is ItemStatus.WITHDRAWN:
            notice = styled_label(
                arg(self.tr("已停止办理: %1"), item.withdrawn_note), role="notice"
            )
            notice.setObjectName("WithdrawnNotice")
            self._layout.addWidget(notice)

    def _days(self, days: int, item: ServiceItem) -> str:
        if days == 0:
            return self.tr("即时办结")
        return arg(self.tr("%1 个%2"), days, label(item.day_unit))

    def _add_facts(self, item: ServiceItem) -> None:
        frame, box = card()
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(6 if self._dense else 12)
        fees = (
            self.tr("不收费")
            if item.is_free
            else "; ".join(f"{fee.name} {fee.amount}" for fee in item.fees)
        )
        visits = (
            self.tr("零跑腿")
            if item.max_visits == 0
            else arg(self.tr("最多跑 %1 次"), item.max_visits)
        )
        rows = [
            (self.tr("实施主体"), item.department),
            (self.tr("行使层级"), f"{label(item.level)} · {item.region}"),
            (self.tr("办件类型"), label(item.kind)),
            (self.tr("法定办结时限"), self._days(item.legal_days, item)),
            (
                self.tr("承诺办结时限"),
                self.tr("即办")
                if item.kind is ItemKind.IMMEDIATE
                else self._days(item.promised_days, item),
            ),
            (self.tr("收费"), fees),
            (self.tr("办理结果"), f"{item.result_name} ({item.result_type})"),
            # the language's own list separator: 窗口领取、邮政寄递 / Collect at the window, By post
            (self.tr("出件方式"), self.tr("、", "between the names of a list")
             .join(label(d) for d in item.delivery)),
            (self.tr("到现场次数"), visits),
            (self.tr("咨询电话"), item.phone),
            (self.tr("监督投诉电话"), item.complaint_phone),
            (self.tr("实施编码"), item.id),
        ]
        columns = 2 if self._dense else 1
        for index, (name, value) in enumerate(rows):
            row, col = divmod(index, columns)
            key = styled_label(name, role="muted", wrap=False)
            key.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            val = styled_label(value)
            if self._dense:  # a clerk copies a code or a phone number; a touch screen does not
                val.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if name == self.tr("收费"):
                val.setObjectName("FeeValue")
            grid.addWidget(key, row, col * 2)
            grid.addWidget(val, row, col * 2 + 1)
            grid.setColumnStretch(col * 2 + 1, 1)
        box.addLayout(grid)
        self._layout.addWidget(frame)

    def _section(self, title: str) -> QVBoxLayout:
        self._layout.addWidget(styled_label(title, role="section", wrap=False))
        frame, box = card()
        self._layout.addWidget(frame)
        return box  # type: ignore[return-value]

    def _add_list(self, title: str, lines: Sequence[str]) -> None:
        box = self._section(title)
        for number, line in enumerate(lines, 1):
            box.addWidget(styled_label(f"{number}. {line}"))

    def _add_situations(self, item: ServiceItem) -> None:
        box = self._section(self.tr("办理情形与申请材料"))
        self._materials_heading = self._layout.itemAt(self._layout.count() - 2).widget()
        if len(item.situations) > 1:
            box.addWidget(styled_label(self.tr("请选择您的情形, 查看需要的材料:"), role="muted"))
        chips = _FlowRow()
        group = QButtonGroup(chips)
        group.setExclusive(True)
        for situation in item.situations:
            chip = QPushButton(situation.name)
            chip.setProperty("role", "chip")
            chip.setCheckable(True)
            chip.setChecked(situation.id == self._situation_id)
            chip.setObjectName(f"situation-{situation.id}")
            chip.clicked.connect(lambda _=False, sid=situation.id: self.choose_situation(sid))
            group.addButton(chip)
            chips.add(chip)
        box.addWidget(chips)
        holder = QWidget()
        self._materials_box = QVBoxLayout(holder)
        self._materials_box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(holder)
        self._fill_materials()

    def _fill_materials(self) -> None:
        assert self._data is not None
        assert self._materials_box is not None
        clear_layout(self._materials_box)
        item = self._data.item
        situation = item.situation(self._situation_id)
        if situation.description:
            self._materials_box.addWidget(styled_label(situation.description, role="muted"))
        materials = item.materials_for(situation.id)
        if self._dense:
            self._materials_box.addWidget(self._material_table(materials))
        else:
            for material in materials:
                self._materials_box.addWidget(self._material_card(material))

    def _material_facts(self, material: Material) -> list[str]:
        facts = [
            arg(self.tr("%1 %2 份"), label(material.form), material.copies) if material.copies
            else arg(self.tr("%1（核验后退还，不收取）"), label(material.form))
        ]
        facts.append(self.tr("必需") if material.required else self.tr("非必需"))
        if material.pending_allowed:
            facts.append(self.tr("可容缺后补"))
        if material.elicence_type is not None:
            facts.append(self.tr("可用电子证照免提交"))
        if material.shared_data:
            facts.append(self.tr("部门共享, 免提交"))
        return facts

    def _material_card(self, material: Material) -> QWidget:
        frame = QFrame()
        frame.setObjectName("MaterialCard")
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.setSpacing(4)
        name = styled_label(material.name, role="subtitle")
        layout.addWidget(name)
        facts = _FlowRow()
        for fact in self._material_facts(material):
            good = fact in (self.tr("可用电子证照免提交"), self.tr("部门共享, 免提交"))
            facts.add(styled_label(fact, role="good" if good else "badge", wrap=False))
        layout.addWidget(facts)
        notes = [label(material.source)]
        if material.notes:
            notes.append(material.notes)
        layout.addWidget(styled_label(" · ".join(notes), role="muted"))
        return frame

    def _material_table(self, materials: Sequence[Material]) -> QTableWidget:
        headers = [
            self.tr("材料名称"),
            self.tr("形式"),
            self.tr("份数"),
            self.tr("必需"),
            self.tr("容缺"),
            self.tr("电子证照"),
            self.tr("来源 / 备注"),
        ]
        table = QTableWidget(len(materials), len(headers))
        table.setObjectName("MaterialsTable")
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(True)
        yes, no = self.tr("是"), self.tr("否")
        for row, m in enumerate(materials):
            notes = label(m.source) + (f" · {m.notes}" if m.notes else "")
            cells = [
                m.name,
                label(m.form),
                str(m.copies) if m.copies else "—",
                yes if m.required else no,
                self.tr("可容缺") if m.pending_allowed else "—",
                self.tr("免提交")
                if m.elicence_type
                else (self.tr("共享") if m.shared_data else "—"),
                notes,
            ]
            for col, text in enumerate(cells):
                table.setItem(row, col, QTableWidgetItem(text))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()
        height = table.horizontalHeader().sizeHint().height() + 4
        height += sum(table.rowHeight(r) for r in range(table.rowCount()))
        table.setFixedHeight(height)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return table

    def _add_steps(self, item: ServiceItem) -> None:
        box = self._section(self.tr("办理流程"))
        for number, step in enumerate(item.steps, 1):
            text = f"{number}. {step.name}"
            if step.description:
                text += f" — {step.description}"
            box.addWidget(styled_label(text))

    def _add_fees(self, item: ServiceItem) -> None:
        box = self._section(self.tr("收费标准"))
        if item.is_free:
            box.addWidget(styled_label(self.tr("不收费"), role="good", wrap=False))
            return
        for fee in item.fees:
            line = f"{fee.name}: {fee.amount}"
            if fee.basis:
                line += " " + arg(self.tr("(依据: %1)"), fee.basis)
            box.addWidget(styled_label(line))

    def _add_halls(self, halls: Sequence[Hall]) -> None:
        box = self._section(self.tr("办理地点和时间"))
        if not halls:
            box.addWidget(styled_label(self.tr("请拨打咨询电话了解办理地点"), role="muted"))
        for hall in halls:
            box.addWidget(styled_label(hall.name, role="subtitle"))
            box.addWidget(styled_label(arg(self.tr("地址: %1"), hall.address)))
            box.addWidget(styled_label(arg(self.tr("时间: %1"), hall.hours)))
            box.addWidget(styled_label(arg(self.tr("电话: %1"), hall.phone)))

    def _add_other_halls(self, halls: Sequence[Hall]) -> None:
        box = self._section(self.tr("本事项还可在以下地点办理"))
        for hall in halls:
            line = styled_label(arg(self.tr("%1 · %2"), hall.name, hall.address))
            line.setObjectName("OtherPlace")
            box.addWidget(line)

    def _add_qr(self) -> None:
        box = self._section(self.tr("手机扫码, 继续办理"))
        row = QHBoxLayout()
        code = QLabel()
        code.setObjectName("GuideQr")
        code.setPixmap(_guide_qr(self._qr_text))
        row.addWidget(code)
        hint = styled_label(
            self.tr("用爱山东 App 或微信扫一扫, 在手机上查看本指南、网上申办或预约。"),
        )
        row.addWidget(hint, 1)
        box.addLayout(row)


class _FlowRow(QWidget):
    """Widgets laid out left to right, wrapping to new lines (chips, badges)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QWidget] = []
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def add(self, widget: QWidget) -> None:
        widget.setParent(self)
        self._items.append(widget)
        self.updateGeometry()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._place(width, apply=False)

    def sizeHint(self):  # noqa: N802, ANN201 - Qt override
        hint = super().sizeHint()
        hint.setHeight(self._place(max(self.width(), 400), apply=False))
        return hint

    def minimumSizeHint(self):  # noqa: N802, ANN201 - Qt override
        hint = super().minimumSizeHint()
        hint.setHeight(self._place(max(self.width(), 400), apply=False))
        return hint

    def resizeEvent(self, event: QEvent) -> None:  # type: ignore[override] # noqa: N802
        self._place(self.width(), apply=True)
        super().resizeEvent(event)  # type: ignore[arg-type]

    def _place(self, width: int, *, apply: bool) -> int:
        gap = 8
        x = y = line = 0
        for widget in self._items:
            size = widget.sizeHint()
            w = min(size.width(), width)
            if x and x + w > width:
                x, y, line = 0, y + line + gap, 0
            if apply:
                widget.setGeometry(x, y, w, size.height())
            x += w + gap
            line = max(line, size.height())
        return y + line
