"""Browsing screens: themes of 个人/法人服务, departments, lists of items, the service map."""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from core.catalog import Audience, Hall, HallKind
from core.search import CatalogQuery, SearchHit
from core.terminal import Orientation
from kiosk.rows import HitList
from widgets.i18n import arg, is_language_change
from widgets.labels import label
from widgets.layout import card, clear_layout, styled_label
from widgets.task_runner import TaskRunner

log = logging.getLogger(__name__)


class _Page(QWidget):
    """A title over a scrolling body. No translated text lives here."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 24, 48, 24)
        outer.setSpacing(16)
        self.title = styled_label("", role="title")
        self.title.setObjectName("ScreenTitle")
        outer.addWidget(self.title)
        self.message = styled_label("", role="empty")
        self.message.setObjectName("ScreenMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.hide()
        outer.addWidget(self.message)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body = QWidget()
        # as wide as the viewport, never wider: the rows wrap their names to it (a
        # long department name in 长辈模式 English must not ask for a sideways scroll)
        self.body.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 16, 0)
        self.body_layout.setSpacing(12)
        self.scroll.setWidget(self.body)
        outer.addWidget(self.scroll, 1)

    def show_message(self, text: str) -> None:
        """Replace the body by a centred message (empty list, read failure)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.scroll.setVisible(not text)


def _grid_columns(orientation: Orientation) -> int:
    return 1 if orientation is Orientation.PORTRAIT else 2


class ChoiceRow(QPushButton):
    """A large row to tap whose text wraps to the row's width (a theme, a department).

    A plain ``QPushButton`` keeps its text on one line and is as wide as it; a full
    department name with its count does not fit a portrait screen in 长辈模式.

    Args:
        text: what the row says.
        parent: the Qt parent.
    """

    def __init__(self, text: str, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "row")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(text)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(20, 8, 20, 8)
        self.label = styled_label(text, wrap=True)
        self.label.setObjectName("ChoiceText")
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        layout.addWidget(self.label)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self._layout_size(minimum=False)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self._layout_size(minimum=True)

    def _layout_size(self, *, minimum: bool) -> QSize:
        layout = self.layout()
        assert layout is not None
        size = layout.minimumSize() if minimum else layout.sizeHint()
        size.setHeight(max(size.height(), self.minimumHeight()))
        return size


def _choice_grid(
    choices: list[tuple[str, int]],
    *,
    key: str,
    text: Callable[[str, int], str],
    chosen: Callable[[str], None],
    columns: int,
) -> QGridLayout:
    """The rows of ``choices`` (name, count) in ``columns``; a tap calls ``chosen(name)``.

    Each row carries its name in the property ``key`` (``theme``, ``department``).
    """
    grid = QGridLayout()
    grid.setSpacing(16)
    for column in range(columns):
        grid.setColumnStretch(column, 1)  # equal columns, whatever their names' length
    for index, (name, count) in enumerate(choices):
        button = ChoiceRow(text(name, count))
        button.setProperty(key, name)
        button.clicked.connect(lambda _=False, n=name: chosen(n))
        grid.addWidget(button, *divmod(index, columns))
    return grid


class ThemesScreen(_Page):
    """个人服务 or 法人服务: the themes (主题) of one audience, with item counts.

    Signals:
        theme_chosen(str): the person tapped a theme; the audience is :meth:`audience`.
    """

    theme_chosen = Signal(str)

    def __init__(
        self,
        *,
        catalog: CatalogQuery,
        runner: TaskRunner,
        orientation: Orientation,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent=parent)
        self._catalog = catalog
        self._runner = runner
        self._orientation = orientation
        self._audience = Audience.PERSONAL
        self._themes: list[tuple[str, int]] = []

    def audience(self) -> Audience:
        """Whose services are shown."""
        return self._audience

    def show_audience(self, audience: Audience) -> None:
        """Load and show the themes of ``audience``."""
        self._audience = audience
        self._retranslate()
        catalog = self._catalog
        self._runner.run_catalog(
            lambda: catalog.themes(audience=audience),
            on_done=self._show,
            on_error=self._failed,
            key="kiosk-themes",
            owner=self,
        )

    def theme_button(self, theme: str) -> QPushButton:
        """The button of ``theme`` (``KeyError`` when not shown)."""
        for button in self.body.findChildren(QPushButton):
            if button.property("theme") == theme:
                return button
        raise KeyError(theme)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        title = self.tr("个人服务") if self._audience is Audience.PERSONAL else self.tr("法人服务")
        self.title.setText(title)
        if self._themes:
            self._show(self._themes)

    def _show(self, themes: list[tuple[str, int]]) -> None:
        self._themes = themes
        clear_layout(self.body_layout)
        if not themes:
            self.show_message(self.tr("暂无可办理的事项分类"))
            return
        self.show_message("")
        grid = _choice_grid(
            themes, key="theme", text=lambda name, count: arg(self.tr("%1  (%2 项)"), name, count),
            chosen=self.theme_chosen.emit, columns=_grid_columns(self._orientation),
        )
        self.body_layout.addLayout(grid)
        self.body_layout.addStretch(1)

    def _failed(self, error: BaseException) -> None:
        log.error("themes failed", exc_info=(type(error), error, error.__traceback__))
        self.show_message(self.tr("暂时无法读取事项目录, 请稍后再试或呼叫工作人员"))


class DepartmentsScreen(_Page):
    """Every department with its number of items.

    Signals:
        department_chosen(str): the person tapped a department.
    """

    department_chosen = Signal(str)

    def __init__(
        self,
        *,
        catalog: CatalogQuery,
        runner: TaskRunner,
        orientation: Orientation,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent=parent)
        self._catalog = catalog
        self._runner = runner
        self._orientation = orientation
        self._departments: list[tuple[str, int]] = []
        self._retranslate()

    def load(self) -> None:
        """Read the departments and show them."""
        self._runner.run_catalog(
            self._catalog.departments,
            on_done=self._show,
            on_error=self._failed,
            key="kiosk-departments",
            owner=self,
        )

    def department_button(self, department: str) -> QPushButton:
        """The button of ``department`` (``KeyError`` when not shown)."""
        for button in self.body.findChildren(QPushButton):
            if button.property("department") == department:
                return button
        raise KeyError(department)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.title.setText(self.tr("按部门查找"))
        if self._departments:
            self._show(self._departments)

    def _show(self, departments: list[tuple[str, int]]) -> None:
        self._departments = departments
        clear_layout(self.body_layout)
        if not departments:
            self.show_message(self.tr("暂无部门信息"))
            return
        self.show_message("")
        grid = _choice_grid(
            departments, key="department",
            text=lambda name, count: arg(self.tr("%1  (%2 项)"), name, count),
            chosen=self.department_chosen.emit, columns=_grid_columns(self._orientation),
        )
        self.body_layout.addLayout(grid)
        self.body_layout.addStretch(1)

    def _failed(self, error: BaseException) -> None:
        log.error("departments failed", exc_info=(type(error), error, error.__traceback__))
        self.show_message(self.tr("暂时无法读取事项目录, 请稍后再试或呼叫工作人员"))


class HitListScreen(_Page):
    """A titled list of items or 一件事 (one department, one theme, 热门事项 …).

    Signals:
        hit_chosen(SearchHit): the person tapped a row.
    """

    hit_chosen = Signal(object)

    def __init__(
        self, *, catalog: CatalogQuery, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent=parent)
        self._catalog = catalog
        self._runner = runner
        self._title: Callable[[], str] = str
        self._loaded = False
        self.list = HitList()
        self.list.hit_chosen.connect(self.hit_chosen)
        self.body_layout.addWidget(self.list)

    def show_list(
        self, *, title: Callable[[], str], fetch: Callable[[CatalogQuery], list[SearchHit]]
    ) -> None:
        """Load ``fetch(catalog)`` on the catalog thread and show it under ``title()``.

        ``title`` is called again whenever the language changes.
        """
        self._title = title
        self._loaded = False
        self.title.setText(title())
        self.list.show_hits([], grouped=False)
        catalog = self._catalog
        self._runner.run_catalog(
            lambda: fetch(catalog),
            on_done=self._show,
            on_error=self._failed,
            key="kiosk-list",
            owner=self,
        )

    def is_loaded(self) -> bool:
        """Whether the current list has arrived."""
        return self._loaded

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self.title.setText(self._title())
            if self.message.isVisible() and not self.list.rows():
                self.show_message(self.tr("这里暂时没有可办理的事项"))
        super().changeEvent(event)

    def _show(self, hits: list[SearchHit]) -> None:
        self._loaded = True
        self.list.show_hits(hits, grouped=False)
        self.scroll.verticalScrollBar().setValue(0)
        self.show_message("" if hits else self.tr("这里暂时没有可办理的事项"))

    def _failed(self, error: BaseException) -> None:
        log.error("list failed", exc_info=(type(error), error, error.__traceback__))
        self._loaded = True
        self.show_message(self.tr("暂时无法读取事项目录, 请稍后再试或呼叫工作人员"))


_EARTH_RADIUS_KM = 6371.0

_KIND_ORDER = (HallKind.CENTRE, HallKind.STATION, HallKind.KIOSK_POINT, HallKind.PARTNER)


def distance_km(a: Hall, b: Hall) -> float:
    """The great-circle distance between two halls, in kilometres."""
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat = lat2 - lat1
    dlon = math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def nearest_first(halls: Sequence[Hall], here: str) -> list[Hall]:
    """The halls as a citizen standing in hall ``here`` wants them listed.

    This terminal's own hall first, then the others from the nearest to the farthest.
    A terminal whose hall is not in the list (a first start) lists the service
    centres first, then the stations, the self-service areas and the partner outlets,
    each by district.
    """
    own = next((h for h in halls if h.id == here), None)
    if own is None:
        return sorted(halls, key=lambda h: (_KIND_ORDER.index(h.kind)
                                            if h.kind in _KIND_ORDER else len(_KIND_ORDER),
                                            h.region, h.name))
    others = sorted((h for h in halls if h is not own),
                    key=lambda h: (distance_km(own, h), h.region, h.name))
    return [own, *others]


class HallMapScreen(_Page):
    """政务服务地图: every hall, station and partner outlet with hours and directions.

    This terminal's own hall comes first, marked as where the citizen is; the others
    follow from the nearest, each with its distance.

    Args:
        catalog: where the halls are read.
        runner: the read runs off the GUI thread.
        here: the id of this terminal's hall.
        parent: the Qt parent.
    """

    def __init__(
        self, *, catalog: CatalogQuery, runner: TaskRunner, here: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent=parent)
        self._catalog = catalog
        self._runner = runner
        self._here = here
        self._halls: list[Hall] = []
        self._retranslate()

    def load(self) -> None:
        """Read the halls and show them."""
        self._runner.run_catalog(
            self._catalog.halls,
            on_done=self._show,
            on_error=self._failed,
            key="kiosk-halls",
            owner=self,
        )

    def hall_names(self) -> list[str]:
        """Names of the halls shown, in order."""
        return [hall.name for hall in self._halls]

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.title.setText(self.tr("政务服务地图"))
        if self._halls:
            self._show(self._halls)

    def _show(self, halls: list[Hall]) -> None:
        self._halls = halls = nearest_first(halls, self._here)
        clear_layout(self.body_layout)
        if not halls:
            self.show_message(self.tr("暂无服务网点信息"))
            return
        self.show_message("")
        own = halls[0] if halls[0].id == self._here else None
        for hall in halls:
            frame, box = card()
            top = QHBoxLayout()
            top.setSpacing(16)
            top.addWidget(styled_label(hall.name, role="subtitle"), 1)
            if hall is own:
                where = styled_label(self.tr("您在这里"), role="good", wrap=False)
            elif own is not None:
                where = styled_label(
                    arg(self.tr("约 %1 公里"), f"{distance_km(own, hall):.1f}"),
                    role="badge", wrap=False)
            else:
                where = None
            if where is not None:
                where.setObjectName("HallDistance")
                top.addWidget(where, 0, Qt.AlignmentFlag.AlignTop)
            box.addLayout(top)
            box.addWidget(
                styled_label(
                    f"{label(hall.kind)} · {label(hall.level)} · {hall.region}", role="muted"
                )
            )
            box.addWidget(styled_label(arg(self.tr("地址: %1"), hall.address)))
            box.addWidget(styled_label(arg(self.tr("时间: %1"), hall.hours)))
            box.addWidget(styled_label(arg(self.tr("电话: %1"), hall.phone)))
            if hall.directions:
                box.addWidget(styled_label(arg(self.tr("交通: %1"), hall.directions)))
            if hall.business_areas:
                box.addWidget(
                    styled_label(
                        arg(self.tr("业务区: %1"),
                            self.tr("、", "between the names of a list").join(hall.business_areas)),
                        role="muted",
                    )
                )
            self.body_layout.addWidget(frame)
        self.body_layout.addStretch(1)

    def _failed(self, error: BaseException) -> None:
        log.error("halls failed", exc_info=(type(error), error, error.__traceback__))
        self.show_message(self.tr("暂时无法读取服务网点, 请稍后再试或呼叫工作人员"))
