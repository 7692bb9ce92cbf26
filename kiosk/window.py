"""The kiosk's main window: header, the screens in a stack, footer.

The window only wires intents to screens: a tile or a row tapped on one screen asks
another screen to load something and shows it. Screens are built once and reused, so
a screen change is a stack switch, not a rebuild.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from core.catalog import Audience
from core.search import CatalogQuery, HitKind, SearchHit
from core.terminal import Orientation, TerminalProfile, Tile
from kiosk.browse import DepartmentsScreen, HallMapScreen, HitListScreen, ThemesScreen
from kiosk.chrome import KioskFooter, KioskHeader
from kiosk.guide import DEFAULT_GUIDE_URL, BundleScreen, GuideScreen
from kiosk.home import HomeScreen
from kiosk.search import SearchScreen
from widgets.i18n import LanguageManager, is_language_change
from widgets.labels import label
from widgets.task_runner import TaskRunner
from widgets.theme import apply_theme, theme_metrics

log = logging.getLogger(__name__)

LANDSCAPE_SIZE = (1920, 1080)
PORTRAIT_SIZE = (1080, 1920)


class KioskWindow(QMainWindow):
    """The self-service terminal's window.

    Args:
        catalog: the synced catalog.
        profile: this terminal (tiles, orientation, name).
        language: switches 中文/English at run time.
        runner: the task runner for catalog work; when omitted the window makes one and
            shuts it down when it closes.
        now: the clock shown in the header.
        parent: the Qt parent.
    """

    def __init__(
        self,
        *,
        catalog: CatalogQuery,
        profile: TerminalProfile,
        language: LanguageManager,
        runner: TaskRunner | None = None,
        now: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("KioskWindow")
        self._profile = profile
        self._language = language
        self._owns_runner = runner is None
        self.runner = runner if runner is not None else TaskRunner(parent=self)
        self._history: list[QWidget] = []
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._app = app
        metrics = theme_metrics(app)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = KioskHeader(profile=profile, now=now)
        self.header.set_elder(metrics.elder)
        self.header.set_english(language.language() == "en")
        self.stack = QStackedWidget()
        self.footer = KioskFooter(profile=profile)
        layout.addWidget(self.header)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.footer)
        self.setCentralWidget(central)

        orientation = profile.orientation
        self.home = HomeScreen(profile=profile, metrics=metrics)
        self.search = SearchScreen(catalog=catalog, runner=self.runner)
        self.themes = ThemesScreen(catalog=catalog, runner=self.runner, orientation=orientation)
        self.departments = DepartmentsScreen(
            catalog=catalog, runner=self.runner, orientation=orientation
        )
        self.list = HitListScreen(catalog=catalog, runner=self.runner)
        self.guide = GuideScreen(
            catalog=catalog,
            runner=self.runner,
            guide_url=profile.extra.get("guide_url", DEFAULT_GUIDE_URL),
        )
        self.bundle = BundleScreen(catalog=catalog, runner=self.runner)
        self.map = HallMapScreen(catalog=catalog, runner=self.runner)
        for screen in (
            self.home,
            self.search,
            self.themes,
            self.departments,
            self.list,
            self.guide,
            self.bundle,
            self.map,
        ):
            self.stack.addWidget(screen)

        self.header.back_requested.connect(self.go_back)
        self.header.home_requested.connect(self.go_home)
        self.header.elder_toggled.connect(self.set_elder)
        self.header.language_toggle_requested.connect(language.toggle)
        language.language_changed.connect(self._on_language_changed)
        self.home.tile_chosen.connect(self.open_tile)
        self.search.hit_chosen.connect(self.open_hit)
        self.list.hit_chosen.connect(self.open_hit)
        self.bundle.hit_chosen.connect(self.open_hit)
        self.themes.theme_chosen.connect(self._open_theme)
        self.departments.department_chosen.connect(self._open_department)

        width, height = PORTRAIT_SIZE if orientation is Orientation.PORTRAIT else LANDSCAPE_SIZE
        self.resize(width, height)
        self._retranslate()
        self.go_home()

    # -- navigation ----------------------------------------------------------------------

    def current_screen(self) -> QWidget:
        """The screen on display."""
        return self.stack.currentWidget()

    def go_home(self) -> None:
        """Back to the home screen, forgetting the way there."""
        self._history.clear()
        self._show(self.home)

    def go_back(self) -> None:
        """Back to the previous screen (home when there is none)."""
        if self._history:
            self._history.pop()
        self._show(self._history[-1] if self._history else self.home, remember=False)

    def open_tile(self, tile: Tile) -> None:
        """Open what a home tile stands for."""
        if tile is Tile.SEARCH:
            self.search.reset()
            self._show(self.search)
        elif tile in (Tile.PERSONAL, Tile.ENTERPRISE):
            audience = Audience.PERSONAL if tile is Tile.PERSONAL else Audience.ENTERPRISE
            self.themes.show_audience(audience)
            self._show(self.themes)
        elif tile is Tile.BUNDLES:
            self.list.show_list(title=lambda: label(Tile.BUNDLES), fetch=lambda c: c.bundles())
            self._show(self.list)
        elif tile is Tile.HOT:
            self.list.show_list(title=lambda: label(Tile.HOT), fetch=lambda c: c.hot_items())
            self._show(self.list)
        elif tile is Tile.DEPARTMENTS:
            self.departments.load()
            self._show(self.departments)
        elif tile is Tile.MAP:
            self.map.load()
            self._show(self.map)
        else:
            log.warning("tile %s has no screen in this release", tile)

    def open_hit(self, hit: SearchHit) -> None:
        """Open a result: an item's guide or a 一件事 page."""
        if hit.kind is HitKind.BUNDLE:
            self.bundle.show_bundle(hit.id)
            self._show(self.bundle)
        else:
            self.guide.show_item(hit.id)
            self._show(self.guide)

    def set_elder(self, elder: bool) -> None:
        """Switch 长辈模式: larger text and targets, fewer tiles per row."""
        apply_theme(self._app, mode="kiosk", elder=elder)
        self.header.set_elder(elder)
        self.home.apply_metrics(theme_metrics(self._app))

    # -- internals -----------------------------------------------------------------------

    def _open_theme(self, theme: str) -> None:
        audience = self.themes.audience()
        self.list.show_list(
            title=lambda: theme, fetch=lambda c: c.by_theme(theme, audience=audience)
        )
        self._show(self.list)

    def _open_department(self, department: str) -> None:
        self.list.show_list(title=lambda: department, fetch=lambda c: c.by_department(department))
        self._show(self.list)

    def _show(self, screen: QWidget, *, remember: bool = True) -> None:
        if remember and screen is not self.home:
            if screen in self._history:  # never two entries for one screen
                del self._history[self._history.index(screen) :]
            self._history.append(screen)
        self.stack.setCurrentWidget(screen)
        self.header.set_navigation_visible(screen is not self.home)
        log.debug("screen %s", type(screen).__name__)

    def _on_language_changed(self, language: str) -> None:
        self.header.set_english(language == "en")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("政务服务自助终端"))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self._owns_runner:
            self.runner.shutdown()
        super().closeEvent(event)
