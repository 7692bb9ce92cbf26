"""The kiosk's main window: header, the screens in a stack, footer.

The window only wires intents to screens: a tile or a row tapped on one screen asks
another screen to load something and shows it. Screens are built once and reused, so
a screen change is a stack switch, not a rebuild. Only home and search are built
before the window first shows: every other screen (and the module behind it, with
reportlab, pypdf, qrcode and requests behind the citizen services) is built on first
use, or in idle turns of the event loop right after the first paint
(:attr:`KioskWindow.first_painted`), one screen a turn, so home is on display in the
start-up budget and a tap is never kept waiting for more than one screen's build.

It also keeps the kiosk fit to be left alone: an idle countdown per screen that ends
the session (``kiosk.session`` wipes every bit of personal data), 长辈模式 with voice
read-out, and a status banner that says when the terminal is offline or a device is
down, hiding the tiles that cannot work.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Generic, TypeVar, cast

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.catalog import Audience
from core.search import CatalogQuery, HitKind, SearchHit
from core.terminal import Orientation, TerminalProfile, Tile
from kiosk.chrome import KioskFooter, KioskHeader
from kiosk.home import HomeScreen
from kiosk.search import SearchScreen
from kiosk.session import EndReason, KioskSession
from widgets.i18n import LanguageManager, is_language_change
from widgets.idle import CountdownOverlay, IdleTimeouts, IdleWatcher
from widgets.labels import label
from widgets.pinyin_ime import shared_engine
from widgets.scan_bridge import ScanRouter
from widgets.status_banner import (
    ONLINE,
    ConnectivityStatus,
    FeatureHealth,
    StatusBanner,
    StatusFeed,
    hidden_tiles,
    reported_down,
    unavailable_features,
)
from widgets.task_runner import TaskRunner
from widgets.theme import apply_theme, theme_metrics
from widgets.voice import VoiceReader

if TYPE_CHECKING:
    from core.evaluation import Rating
    from core.scan import ScanEvent
    from kiosk.apply import ApplyScreen, Submitted
    from kiosk.appointment import AppointmentScreen
    from kiosk.browse import DepartmentsScreen, HallMapScreen, HitListScreen, ThemesScreen
    from kiosk.evaluation import EvaluationInvite, EvaluationScreen, EvaluationSubject
    from kiosk.guide import BundleScreen, GuideScreen
    from kiosk.help import HelpButton, HelpRequester, HelpScreen
    from kiosk.pickup import Collected, PickupScreen
    from kiosk.progress import ProgressScreen
    from kiosk.scan_service import ScanServiceScreen
    from kiosk.services import KioskServices
    from kiosk.staff import StaffDesk, StaffScreen
    from kiosk.ticket import TicketIssuer, TicketScreen, TicketTaken

log = logging.getLogger(__name__)

T = TypeVar("T")

_CITIZEN_SCREENS = frozenset(
    {"scan", "apply", "progress", "pickup", "evaluation", "ticket", "appointment", "help",
     "invite"}
)
"""Parts that hold a citizen's data: registered with the session when built."""
_STRIPS = frozenset({"invite", "help_button"})
"""Parts that live outside the screen stack."""
_CATALOG_MODULES = ("kiosk.guide", "kiosk.browse")
_CITIZEN_MODULES = (
    "kiosk.evaluation", "kiosk.help", "kiosk.scan_service", "kiosk.apply", "kiosk.progress",
    "kiosk.pickup", "kiosk.ticket", "kiosk.appointment",
)  # fmt: skip
"""What the deferred screens import: imported on a worker thread after the first paint."""

PINYIN_WARM_UP_MS = 3000
LANDSCAPE_SIZE = (1920, 1080)
PORTRAIT_SIZE = (1080, 1920)
ELDER_LANDSCAPE_QSS = """
QPushButton[role="key"], QPushButton[role="key-action"], QPushButton[role="candidate"] {
    min-height: 60px;
}
QLineEdit, QPushButton { min-height: 72px; }
"""
"""长辈模式 on a landscape screen: 1080 px high holds header, footer, a form and the
keyboard only with keys and fields at 60–72 px. Touch targets stay ≥ 60 px (the elder
minimum); the text keeps its elder size."""


CITIZEN_TILES: dict[Tile, str] = {
    Tile.SCAN: "services",
    Tile.PROGRESS: "services",
    Tile.PICKUP: "services",
    Tile.EVALUATION: "services",
    Tile.TICKET: "queue",
    Tile.APPOINTMENT: "queue",
    Tile.HELP: "help",
}
"""The tiles whose screens need the citizen services, the queue client or help."""


class Later(Generic[T]):
    """A part made on first use, once, whichever thread asks first.

    The composition root hands the window its citizen services this way, so that
    their modules (requests, reportlab, pypdf …) are imported after home is on display.

    Args:
        make: builds the part.
    """

    def __init__(self, make: Callable[[], T]) -> None:
        self._make: Callable[[], T] | None = make
        self._value: T | None = None
        self._lock = threading.Lock()

    def get(self) -> T:
        """The part, made now if it was not yet."""
        with self._lock:
            if self._make is not None:
                self._value = self._make()
                self._make = None
            return cast(T, self._value)

    def made(self) -> bool:
        """Whether :meth:`get` has made the part."""
        return self._make is None


class ScreenStack(QStackedWidget):
    """The screens, asking only for the room the screen on display needs.

    A plain ``QStackedWidget`` asks for the largest minimum of all its pages, so one
    tall page (a form above the keyboard) would make every screen, and the kiosk
    window, taller than the display. Only the screen on display has to fit; and it is
    held in a :class:`ScreenFrame`, so even a screen taller than the room left (the
    offline banner and the 好差评 strip both up) scrolls instead of pushing the
    window past the display.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hugging = False
        self._hinted = -1
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def set_hugging(self, hugging: bool) -> None:
        """Ask for the height the screen on display needs, not for all the room.

        With the 好差评 strip following the page (a portrait display), a short result
        page asks only for its own height, and the strip stands right under 完成.
        """
        self._hugging = hugging
        self._hinted = -1
        self.updateGeometry()

    def page_height_changed(self) -> None:
        """The screen on display may need another height: ask the window again."""
        if self._hugging and self.needed_height() != self._hinted:
            self.updateGeometry()

    def needed_height(self) -> int:
        """The height the screen on display needs at the stack's width."""
        current = self.currentWidget()
        if not isinstance(current, ScreenFrame) or self.width() <= 0:
            return -1
        return current.needed_height(self.width())

    def add_screen(self, screen: QWidget) -> ScreenFrame:
        """Put ``screen`` in the stack inside its frame."""
        frame = ScreenFrame(screen, parent=self)
        self.addWidget(frame)
        return frame

    def show_screen(self, screen: QWidget) -> None:
        """Bring ``screen`` (added with :meth:`add_screen`) on display."""
        frame = screen.parentWidget()
        while frame is not None and not isinstance(frame, ScreenFrame):
            frame = frame.parentWidget()
        self.setCurrentWidget(frame if frame is not None else screen)

    def current_screen(self) -> QWidget:
        """The screen on display (not its frame)."""
        current = self.currentWidget()
        if isinstance(current, ScreenFrame):
            return current.held()
        return current

    def sizeHint(self) -> QSize:  # noqa: D102 - Qt override
        current = self.currentWidget()
        hint = current.sizeHint() if current is not None else super().sizeHint()
        if self._hugging:
            self._hinted = self.needed_height()
            if self._hinted > 0:
                hint.setHeight(self._hinted)
        return hint

    def minimumSizeHint(self) -> QSize:  # noqa: D102 - Qt override
        current = self.currentWidget()
        if current is None:
            return super().minimumSizeHint()
        return current.minimumSizeHint().expandedTo(current.minimumSize())


class ScreenFrame(QScrollArea):
    """One screen in the stack: as wide as the display, scrolled only if too tall.

    The frame sizes the screen itself rather than leaving it to ``QScrollArea``'s
    ``widgetResizable``: that asks the screen's ``heightForWidth``, and a screen with
    its own page stack (form → review → receipt) answers for its tallest page, since
    ``QStackedLayout::heightForWidth`` asks every page, the hidden ones too
    (qtbase src/widgets/kernel/qstackedlayout.cpp). A short receipt after a tall form
    would then stay as tall as the form and scroll. Here the screen is as tall as the
    room, or as its pages *on display* need when that is more; and whenever the
    screen or one of its pages changes, the frame goes back to the top.

    Args:
        screen: the screen.
        parent: the stack.
    """

    def __init__(self, screen: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ScreenFrame")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidgetResizable(False)
        self.setWidget(screen)
        self._refit_pending = False
        self._pages = screen.findChildren(QStackedWidget)
        for pages in self._pages:
            size_to_current_page(pages)
            pages.currentChanged.connect(self._page_changed)
        screen.installEventFilter(self)

    def held(self) -> QWidget:
        """The screen held."""
        widget = self.widget()
        assert widget is not None
        return widget

    def to_top(self) -> None:
        """Show the top of the screen (a new screen or page starts at its title)."""
        self.verticalScrollBar().setValue(0)

    def needed_height(self, width: int) -> int:
        """The height the screen needs at ``width``, counting only its pages on display."""
        screen = self.held()
        need = max(_least_height(screen), 0)
        layout = screen.layout()
        if layout is None or not layout.hasHeightForWidth():
            return need
        height = screen.heightForWidth(width)
        for pages in self._pages:
            current = pages.currentWidget()
            if current is None or not pages.isVisibleTo(screen):
                continue
            # what the hidden pages add over the page on display, at the stack's width;
            # the screens stack their pages in a column under a title, where the
            # heights add up (a stack beside a taller neighbour would be undercounted,
            # which the screen's minimum height above still guards)
            inner = max(pages.width() + width - screen.width(), 1)
            own = max(current.heightForWidth(inner), _least_height(current))
            height -= max(pages.heightForWidth(inner) - own, 0)
        return max(need, height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            # the screen's layout changed (a form page gave way to a short review):
            # size it to the room again, after its layout has been worked out
            self._refit_later()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._refit()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._refit()
        self.to_top()

    def _page_changed(self, _index: int) -> None:
        self._refit_later()
        self.to_top()

    def _refit_later(self) -> None:
        if not self._refit_pending:
            self._refit_pending = True
            QTimer.singleShot(0, self, self._refit)

    def _refit(self) -> None:
        self._refit_pending = False
        room = self.viewport().size()
        if room.width() <= 0:
            return
        width = room.width()
        height = max(room.height(), self.needed_height(width))
        if height > room.height() and self.verticalScrollBarPolicy() != (
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        ) and not self.verticalScrollBar().isVisible():
            # the scroll bar about to appear takes its width from the screen
            width = max(width - self.verticalScrollBar().sizeHint().width(), 1)
            height = max(room.height(), self.needed_height(width))
        screen = self.held()
        if screen.size() != QSize(width, height):
            screen.resize(width, height)
        stack = self.parentWidget()
        if isinstance(stack, ScreenStack) and stack.currentWidget() is self:
            stack.page_height_changed()


def _least_height(widget: QWidget) -> int:
    """The least height a layout gives ``widget``: its minimum, else its minimum hint.

    As Qt's layouts read it (``qSmartMinSize``): an ``Ignored`` vertical policy asks
    for nothing beyond an explicit minimum.
    """
    explicit = widget.minimumHeight()
    if widget.sizePolicy().verticalPolicy() == QSizePolicy.Policy.Ignored:
        return explicit
    return max(explicit, widget.minimumSizeHint().height())


def size_to_current_page(stack: QStackedWidget) -> None:
    """Make a screen's own page stack (form → review → done) ask only for its current page.

    The pages not on display get an ``Ignored`` size policy, so the tallest of them
    (the form with the keyboard) no longer sets the minimum or preferred height of the
    review or the receipt page; the page on display keeps its own policy. (Their
    height-for-width still counts in Qt: :class:`ScreenFrame` takes it out.)
    """

    def follow(_index: int = -1) -> None:
        current = stack.currentWidget()
        for index in range(stack.count()):
            page = stack.widget(index)
            kept = page.property("govterm_page_policy")
            if kept is None:
                kept = page.sizePolicy()
                page.setProperty("govterm_page_policy", kept)
            if page is current:
                page.setSizePolicy(kept)
            else:
                page.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        stack.updateGeometry()

    stack.currentChanged.connect(follow)
    follow()


class StripFollowsPage(QObject):
    """On a portrait display, the 好差评 strip stands under the page, not at the bottom.

    A result page (a ticket, a receipt) fills a third of a 1920 px high display: with
    the strip at the window's bottom edge, ≈550 px lay empty between 完成 and the
    strip asking to rate what was just done. While the strip is up, the screens ask
    only for the height they need and the room left falls under the strip, above the
    footer; a page taller than the room still fills it and scrolls, the strip under it.

    Args:
        layout: the window's column (header, screens, strip, footer).
        stack: the screens.
        strip: the 好差评 strip, already in ``layout`` under ``stack``.
    """

    def __init__(self, *, layout: QVBoxLayout, stack: ScreenStack, strip: QWidget) -> None:
        super().__init__(strip)
        self._layout = layout
        self._stack = stack
        # made and owned by the layout: a spacer made here would be deleted with this
        # object's wrapper while the layout still holds it
        below = layout.indexOf(strip) + 1
        layout.insertStretch(below, 0)
        room = layout.itemAt(below).spacerItem()
        assert room is not None
        self._room = room
        strip.installEventFilter(self)
        self._follow(not strip.isHidden())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent):
            self._follow(event.type() == QEvent.Type.ShowToParent)
        return super().eventFilter(watched, event)

    def _follow(self, shown: bool) -> None:
        self._layout.setStretchFactor(self._stack, 0 if shown else 1)
        self._layout.setStretch(self._layout.indexOf(self._room), 1 if shown else 0)
        self._stack.set_hugging(shown)
        # without the strip the spacer takes no room: the screens fill the window again
        self._room.changeSize(
            0, 0, QSizePolicy.Policy.Minimum,
            QSizePolicy.Policy.Expanding if shown else QSizePolicy.Policy.Fixed,
        )
        self._layout.invalidate()


def _resolved(part: T | Later[T] | None) -> T | None:
    return part.get() if isinstance(part, Later) else part


class _FirstPaint(QObject):
    """Watches the application until a widget of ``window`` paints, then tells once."""

    # Class-level defaults: while a window is torn down, the garbage collector may clear
    # this wrapper's attributes before Qt stops sending it the application's events.
    _window: QWidget | None = None
    _then: Callable[[], None] | None = None

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._then: Callable[[], None] | None = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            self._then is not None
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            then, self._then = self._then, None
            QApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]
            # after this paint has finished: the first zero-timer of the idle loop
            QTimer.singleShot(0, self._window, then)
        return False


def served_tiles(
    profile: TerminalProfile, *, services: bool, queue: bool, helpdesk: bool
) -> tuple[Tile, ...]:
    """The profile's tiles this window can serve with what the composition root built.

    A terminal without a gateway credential has no citizen services: its tiles must
    not be shown at all rather than lead nowhere.
    """
    have = {"services": services, "queue": queue and services, "help": helpdesk}
    return tuple(t for t in profile.tiles if have.get(CITIZEN_TILES.get(t, ""), True))


class KioskWindow(QMainWindow):
    """The self-service terminal's window.

    Args:
        catalog: the synced catalog.
        profile: this terminal (tiles, orientation, name).
        language: switches 中文/English at run time.
        runner: the task runner for catalog work; when omitted the window makes one and
            shuts it down when it closes.
        now: the clock shown in the header and the status banner.
        timeouts: idle timeouts (from the ``[kiosk]`` settings).
        session: holds and wipes the citizen's data; made here when omitted.
        voice: read-out (朗读); ``None`` or unavailable hides the button.
        sync_status: the sync engine's ``StatusBoard`` (offline banner), if any.
        health: the device-health model (``features_available()``), if any.
        idle_clock: monotonic seconds for the idle countdown (tests move it).
        services: the citizen services (扫码办事, 自助申请, 办件查询, 自助取件, 好差评);
            without them their tiles are hidden. A :class:`Later` is made when the first
            citizen screen is built.
        queue: the queue client for 取号 and 预约签到 (or a :class:`Later`); without it
            their tiles are hidden.
        help_client: 呼叫帮办 to the clerks (or a :class:`Later`); without it the tile
            and button are hidden.
        scans: the scan router; each scan goes to the screen on display, and its
            keyboard wedges hear the keys typed into this window.
        staff: staff mode (five taps on the terminal number, then a staff PIN), or a
            :class:`Later` one made when staff first open it; without it the kiosk has
            none.
        citizen_ready: whether the citizen services can serve now (a first start
            whose sync has not yet brought the hall cannot); asked again on every
            sync status, their tiles are hidden until it says yes.
        parent: the Qt parent.

    Signals:
        first_painted: the window's first paint is done and the event loop turned once
            (home is interactive); deferred start-up work hangs on it.
        screens_built: every deferred screen has been built (a start-up figure).
    """

    first_painted = Signal()
    screens_built = Signal()

    _sync: ConnectivityStatus | None

    def __init__(  # noqa: PLR0915 - the window's parts, built in a visible order
        self,
        *,
        catalog: CatalogQuery,
        profile: TerminalProfile,
        language: LanguageManager,
        runner: TaskRunner | None = None,
        now: Callable[[], datetime] = datetime.now,
        timeouts: IdleTimeouts | None = None,
        session: KioskSession | None = None,
        voice: VoiceReader | None = None,
        sync_status: object | None = None,
        health: FeatureHealth | None = None,
        idle_clock: Callable[[], float] = time.monotonic,
        services: KioskServices | Later[KioskServices] | None = None,
        queue: TicketIssuer | Later[TicketIssuer] | None = None,
        help_client: HelpRequester | Later[HelpRequester] | None = None,
        scans: ScanRouter | None = None,
        staff: StaffDesk | Later[StaffDesk] | None = None,
        citizen_ready: Callable[[], bool] | None = None,
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
        self._fit_elder(metrics.elder)
        self.header.set_elder(metrics.elder)
        self.header.set_english(language.language() == "en")
        self.stack = ScreenStack()
        self.footer = KioskFooter(profile=profile)
        layout.addWidget(self.header)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.footer)
        self.setCentralWidget(central)

        self._catalog = catalog
        self._layout = layout
        # built now: what home shows and the first tap most people make
        self.home = HomeScreen(profile=profile, metrics=metrics)
        self.search = SearchScreen(catalog=catalog, runner=self.runner)
        self.stack.add_screen(self.home)
        self.stack.add_screen(self.search)
        # built on first use, or after the first paint: name → maker (None = not offered)
        self._parts: dict[str, QWidget | None] = {}
        self._makers: dict[str, Callable[[], QWidget | None]] = {
            "guide": self._make_guide,
            "list": self._make_list,
            "themes": self._make_themes,
            "departments": self._make_departments,
            "bundle": self._make_bundle,
            "map": self._make_map,
        }

        self._citizen_ready = citizen_ready
        self.header.back_requested.connect(self.go_back)
        self.header.home_requested.connect(self.go_home)
        self.header.elder_toggled.connect(self.set_elder)
        self.header.language_toggle_requested.connect(language.toggle)
        language.language_changed.connect(self._on_language_changed)
        self.home.tile_chosen.connect(self.open_tile)
        self.search.hit_chosen.connect(self.open_hit)
        self._citizen_services(services=services, queue=queue, help_client=help_client,
                               scans=scans)
        self._unattended(
            layout,
            catalog=catalog,
            now=now,
            timeouts=timeouts,
            session=session,
            voice=voice,
            idle_clock=idle_clock,
            sync_status=sync_status,
            health=health,
        )

        portrait = profile.orientation is Orientation.PORTRAIT
        self._display = PORTRAIT_SIZE if portrait else LANDSCAPE_SIZE
        self.resize(*self._display)
        self._retranslate()
        self.go_home()
        self._staff_desk = staff
        self.staff: StaffScreen | None = None
        self._idle_clock = idle_clock
        self._first_paint = _FirstPaint(self, self._on_first_paint)
        app.installEventFilter(self._first_paint)

    # -- navigation ----------------------------------------------------------------------

    def current_screen(self) -> QWidget:
        """The screen on display."""
        return self.stack.current_screen()

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
        elif tile is Tile.HELP:
            self.open_help()
        elif tile in self._tile_screens and (screen := self._part(self._tile_screens[tile])):
            screen.reset()  # type: ignore[attr-defined]
            self._show(screen)
        else:
            log.warning("tile %s has no screen on this terminal", tile)

    def open_help(self) -> None:
        """呼叫帮办 (the footer button or the tile): topics, then the call."""
        help_screen = self.help
        if help_screen is None:
            return
        where = type(self.current_screen()).__name__
        if self.current_screen() is not help_screen:
            help_screen.reset(note=f"来自 {where}")
            self._show(help_screen)

    def evaluate(self, subject: EvaluationSubject, rating: Rating | None = None) -> None:
        """Open 好差评 for ``subject`` (after a service), with the level if tapped."""
        evaluation = self.evaluation
        if evaluation is None:
            return
        self.invite.forget_personal_data()
        evaluation.start(subject, rating)
        self._show(evaluation)

    def open_hit(self, hit: SearchHit) -> None:
        """Open a result: an item's guide or a 一件事 page."""
        if hit.kind is HitKind.BUNDLE:
            self.bundle.show_bundle(hit.id)
            self._show(self.bundle)
        else:
            self.guide.show_item(hit.id)
            self._show(self.guide)

    def set_elder(self, elder: bool) -> None:
        """Switch 长辈模式: larger text and targets, fewer tiles per row, longer timeouts."""
        apply_theme(self._app, mode="kiosk", elder=elder)
        self._fit_elder(elder)
        self.header.set_elder(elder)
        self.home.apply_metrics(theme_metrics(self._app))
        self._start_idle(self.current_screen())

    def _fit_elder(self, elder: bool) -> None:
        """长辈模式 in landscape: keys and fields that leave the keyboard on the screen."""
        landscape = self._profile.orientation is not Orientation.PORTRAIT
        wanted = ELDER_LANDSCAPE_QSS if elder and landscape else ""
        if self.styleSheet() != wanted:
            self.setStyleSheet(wanted)

    def is_elder(self) -> bool:
        """Whether 长辈模式 is on."""
        return theme_metrics(self._app).elder

    # -- sessions, idle, voice, status ---------------------------------------------------

    def end_session(self, reason: EndReason = EndReason.FINISHED) -> None:
        """Wipe the citizen's data and make the kiosk ready for the next person.

        Back home, in the terminal's default language and mode, every field empty.
        """
        self.overlay.hide()
        if self.voice is not None:
            self.voice.cancel()
        self.go_home()
        self.session.end(reason)
        if self.is_elder() != self._profile.elder_mode_default:
            self.set_elder(self._profile.elder_mode_default)
        if self._language.language() != self._default_language:
            self._language.set_language(self._default_language)
        self.idle.restart()

    def return_home(self) -> None:
        """After an unexpected error (the crash handler): wipe and go home."""
        self.end_session(EndReason.ERROR)

    def open_staff(self) -> None:
        """Staff mode: the citizen's session is wiped, then the staff PIN pad."""
        desk = _resolved(self._staff_desk)
        if desk is None:
            return
        if self.staff is None:
            from kiosk.staff import StaffScreen

            self.staff = StaffScreen(desk=desk, runner=self.runner)
            self.staff.left.connect(self.go_home)
            if desk.quit is None:
                self.staff.exit_confirmed.connect(self.close)
            self.stack.add_screen(self.staff)
        self.end_session(EndReason.STAFF)
        self.staff.reset()
        self._show(self.staff)

    def _watch_staff_gesture(self, clock: Callable[[], float]) -> None:
        """Five taps on the footer's terminal number open staff mode."""
        target = self.footer.findChild(QLabel, "FooterTerminal")
        if self._staff_desk is not None and target is not None:
            from kiosk.staff import StaffEntryGesture

            gesture = StaffEntryGesture(target=target, clock=clock, parent=self)
            gesture.triggered.connect(self.open_staff)

    def read_aloud(self) -> None:
        """Read the current screen's main text (朗读), in the current language."""
        if self.voice is None or not self.voice.available():
            return
        self.voice.cancel()
        self.voice.speak(self.spoken_text(), language=self._language.language())

    def spoken_text(self) -> str:
        """What 朗读 reads: the screen's ``spoken_text()``, else its visible labels."""
        screen = self.current_screen()
        own = getattr(screen, "spoken_text", None)
        if callable(own):
            return str(own())
        texts = [
            widget.text()
            for widget in screen.findChildren(QLabel)
            if widget.isVisibleTo(screen) and widget.text() and not widget.pixmap()
        ]
        return "\n".join(dict.fromkeys(texts))

    def set_sync_status(self, status: ConnectivityStatus) -> None:
        """A new sync status: the banner, and the tiles that need the network."""
        self._sync = status
        self.banner.set_sync_status(status)
        self.refresh_health()

    def refresh_health(self) -> None:
        """Read device health again: hide what cannot work, say so on the banner."""
        down: set[str] = set()
        broken: set[str] = set()
        if self._health is not None:
            try:
                down |= unavailable_features(self._health.features_available())
                reported = reported_down(self._health)
                broken |= down if reported is None else reported
            except Exception:
                log.exception("device health could not be read")
        if self._sync is not None:
            # the sync engine knows best whether the gateway answers, and the banner
            # says "offline since" itself: the network is not listed twice
            down.discard(ONLINE)
            broken -= {ONLINE, "network"}
            if not self._sync.online:
                down.add(ONLINE)
        self.banner.set_unavailable(broken)
        hidden = hidden_tiles(down)
        if self._citizen_ready is not None and not self._citizen_ready():
            hidden |= {tile for tile, need in CITIZEN_TILES.items() if need != "help"}
        self.home.set_hidden_tiles(hidden)

    # -- internals -----------------------------------------------------------------------

    def _citizen_services(
        self,
        *,
        services: KioskServices | Later[KioskServices] | None,
        queue: TicketIssuer | Later[TicketIssuer] | None,
        help_client: HelpRequester | Later[HelpRequester] | None,
        scans: ScanRouter | None,
    ) -> None:
        """Which citizen-service screens this terminal can run; each is built on first use."""
        self._scans = scans
        if scans is not None:
            # the keyboard wedge hears this window's keys (before the idle watcher is
            # added, so that one hears every key first, a swallowed scan's too)
            scans.watch(self)
        self._services = services
        self._queue = queue
        self._help_client = help_client
        self._tile_screens: dict[Tile, str] = {}
        if services is not None:
            self._makers |= {
                "scan": self._make_scan,
                "apply": self._make_apply,
                "progress": self._make_progress,
                "pickup": self._make_pickup,
                "evaluation": self._make_evaluation,
            }
            self._tile_screens |= {Tile.SCAN: "scan", Tile.PROGRESS: "progress",
                                   Tile.PICKUP: "pickup", Tile.EVALUATION: "evaluation"}
            if queue is not None:
                self._makers |= {"ticket": self._make_ticket,
                                 "appointment": self._make_appointment}
                self._tile_screens |= {Tile.TICKET: "ticket", Tile.APPOINTMENT: "appointment"}
        if help_client is not None:
            self._makers["help"] = self._make_help
        # the help button first: it is on every screen and makes the footer taller, so
        # it is laid out right after the first paint rather than under a citizen's finger
        self._makers = {"help_button": self._make_help_button, **self._makers,
                        "invite": self._make_invite}

    # -- the screens, built on first use -------------------------------------------------

    def _part(self, name: str) -> QWidget | None:
        """The screen (or strip) ``name``, built now if it was not yet; None if not offered.

        Makers build inside the window (``parent=``): a parentless widget that shows
        itself while being built would be a top-level window for a moment, and taking
        it into the stack afterwards leaves the kiosk without an active window.
        """
        if name in self._parts:
            return self._parts[name]
        maker = self._makers.get(name)
        started = time.perf_counter()
        part = maker() if maker is not None else None
        self._parts[name] = part
        if part is not None and name in _CITIZEN_SCREENS:
            self.session.register(part)  # type: ignore[arg-type]
        if part is not None and name not in _STRIPS:
            self.stack.add_screen(part)
        log.debug("%s built in %.0f ms", name, (time.perf_counter() - started) * 1000)
        return part

    @property
    def guide(self) -> GuideScreen:
        """办事指南 of one item."""
        return cast("GuideScreen", self._part("guide"))

    @property
    def list(self) -> HitListScreen:
        """A list of results (hot items, a theme, a department, 一件事)."""
        return cast("HitListScreen", self._part("list"))

    @property
    def themes(self) -> ThemesScreen:
        """个人/法人 themes."""
        return cast("ThemesScreen", self._part("themes"))

    @property
    def departments(self) -> DepartmentsScreen:
        """Departments of the hall."""
        return cast("DepartmentsScreen", self._part("departments"))

    @property
    def bundle(self) -> BundleScreen:
        """A 一件事 page."""
        return cast("BundleScreen", self._part("bundle"))

    @property
    def map(self) -> HallMapScreen:
        """The hall map."""
        return cast("HallMapScreen", self._part("map"))

    @property
    def scan(self) -> ScanServiceScreen | None:
        """扫码办事 (None without citizen services)."""
        return cast("ScanServiceScreen | None", self._part("scan"))

    @property
    def apply(self) -> ApplyScreen | None:
        """自助申请."""
        return cast("ApplyScreen | None", self._part("apply"))

    @property
    def progress(self) -> ProgressScreen | None:
        """办件查询."""
        return cast("ProgressScreen | None", self._part("progress"))

    @property
    def pickup(self) -> PickupScreen | None:
        """自助取件."""
        return cast("PickupScreen | None", self._part("pickup"))

    @property
    def evaluation(self) -> EvaluationScreen | None:
        """好差评."""
        return cast("EvaluationScreen | None", self._part("evaluation"))

    @property
    def ticket(self) -> TicketScreen | None:
        """取号 (None without the queue)."""
        return cast("TicketScreen | None", self._part("ticket"))

    @property
    def appointment(self) -> AppointmentScreen | None:
        """预约签到 (None without the queue)."""
        return cast("AppointmentScreen | None", self._part("appointment"))

    @property
    def help(self) -> HelpScreen | None:
        """呼叫帮办 (None without the help desk)."""
        return cast("HelpScreen | None", self._part("help"))

    @property
    def invite(self) -> EvaluationInvite:
        """The 好差评 strip under the screen after a service."""
        return cast("EvaluationInvite", self._part("invite"))

    @property
    def help_button(self) -> HelpButton:
        """The 呼叫帮办 button in the footer (hidden without the help desk)."""
        return cast("HelpButton", self._part("help_button"))

    def _make_guide(self) -> QWidget:
        from kiosk.guide import DEFAULT_GUIDE_URL, GuideScreen

        return GuideScreen(
            catalog=self._catalog,
            runner=self.runner,
            guide_url=self._profile.extra.get("guide_url", DEFAULT_GUIDE_URL),
            parent=self.stack,
        )

    def _make_list(self) -> QWidget:
        from kiosk.browse import HitListScreen

        screen = HitListScreen(catalog=self._catalog, runner=self.runner, parent=self.stack)
        screen.hit_chosen.connect(self.open_hit)
        return screen

    def _make_themes(self) -> QWidget:
        from kiosk.browse import ThemesScreen

        screen = ThemesScreen(
            catalog=self._catalog, runner=self.runner, orientation=self._profile.orientation,
            parent=self.stack,
        )
        screen.theme_chosen.connect(self._open_theme)
        return screen

    def _make_departments(self) -> QWidget:
        from kiosk.browse import DepartmentsScreen

        screen = DepartmentsScreen(
            catalog=self._catalog, runner=self.runner, orientation=self._profile.orientation,
            parent=self.stack,
        )
        screen.department_chosen.connect(self._open_department)
        return screen

    def _make_bundle(self) -> QWidget:
        from kiosk.guide import BundleScreen

        screen = BundleScreen(catalog=self._catalog, runner=self.runner, parent=self.stack)
        screen.hit_chosen.connect(self.open_hit)
        return screen

    def _make_map(self) -> QWidget:
        from kiosk.browse import HallMapScreen

        return HallMapScreen(catalog=self._catalog, runner=self.runner,
                             here=self._profile.hall_id, parent=self.stack)

    def _citizen(self) -> KioskServices:
        services = _resolved(self._services)
        assert services is not None  # the makers that ask exist only with services
        return services

    def _make_scan(self) -> QWidget:
        from kiosk.scan_service import ScanServiceScreen

        screen = ScanServiceScreen(services=self._citizen(), runner=self.runner,
                                   parent=self.stack)
        screen.item_chosen.connect(self._start_application)
        return screen

    def _make_apply(self) -> QWidget:
        from kiosk.apply import ApplyScreen

        screen = ApplyScreen(services=self._citizen(), runner=self.runner,
                             terminal_id=self._profile.terminal_id, parent=self.stack)
        screen.submitted.connect(self._applied)
        screen.finished.connect(lambda: self.end_session(EndReason.FINISHED))
        return screen

    def _make_progress(self) -> QWidget:
        from kiosk.evaluation import EvaluationSubject, subject_service
        from kiosk.progress import ProgressScreen

        screen = ProgressScreen(services=self._citizen(), catalog=self._catalog,
                                runner=self.runner, terminal_id=self._profile.terminal_id,
                                parent=self.stack)
        screen.shown.connect(
            lambda number: self._invite(EvaluationSubject(case_number=number,
                                                          service=subject_service("progress"))))
        return screen

    def _make_pickup(self) -> QWidget:
        from kiosk.pickup import PickupScreen

        screen = PickupScreen(services=self._citizen(), runner=self.runner,
                              terminal_id=self._profile.terminal_id, parent=self.stack)
        screen.collected.connect(self._picked_up)
        screen.finished.connect(lambda: self.end_session(EndReason.FINISHED))
        return screen

    def _make_evaluation(self) -> QWidget:
        from kiosk.evaluation import EvaluationOutbox, EvaluationScreen

        services = self._citizen()
        screen = EvaluationScreen(
            outbox=EvaluationOutbox(store=services.store, cases=services.cases,
                                    clock=services.clock, hall=lambda: services.hall),
            runner=self.runner, parent=self.stack,
        )
        screen.finished.connect(lambda: self.end_session(EndReason.FINISHED))
        return screen

    def _queue_client(self) -> TicketIssuer:
        queue = _resolved(self._queue)
        assert queue is not None  # the makers that ask exist only with the queue
        return queue

    def _make_ticket(self) -> QWidget:
        from kiosk.ticket import TicketScreen

        screen = TicketScreen(services=self._citizen(), queue=self._queue_client(),
                              runner=self.runner, terminal_id=self._profile.terminal_id,
                              parent=self.stack)
        screen.issued.connect(lambda t: self._ticketed(t, "ticket"))
        screen.finished.connect(lambda: self.end_session(EndReason.FINISHED))
        return screen

    def _make_appointment(self) -> QWidget:
        from kiosk.appointment import AppointmentScreen

        screen = AppointmentScreen(services=self._citizen(), queue=self._queue_client(),
                                   runner=self.runner, terminal_id=self._profile.terminal_id,
                                parent=self.stack)
        screen.checked_in.connect(lambda t: self._ticketed(t, "appointment"))
        screen.finished.connect(lambda: self.end_session(EndReason.FINISHED))
        return screen

    def _make_help(self) -> QWidget:
        from kiosk.help import HelpScreen

        client = _resolved(self._help_client)
        assert client is not None  # the maker exists only with the help desk
        screen = HelpScreen(client=client, runner=self.runner, parent=self.stack)
        screen.finished.connect(self.go_back)
        return screen

    def _make_help_button(self) -> QWidget:
        from kiosk.help import HelpButton

        button = HelpButton(parent=self.footer)
        button.hide()  # placed by the footer's layout before it is first seen
        button.clicked.connect(self.open_help)
        footer = self.footer.layout()
        assert footer is not None
        footer.addWidget(button)  # on every screen, beside the hotline
        button.setVisible(self._help_client is not None)
        # lay the window out now, not in a later turn of the event loop: the footer
        # grows to the button's height and the screen above gives up that room before
        # anything is painted, so the button is never seen at (0, 0) or squeezed
        central = self.centralWidget()
        if central is not None and central.layout() is not None:
            central.layout().activate()  # type: ignore[union-attr]
        footer.activate()
        return button

    def _make_invite(self) -> QWidget:
        from kiosk.evaluation import EvaluationInvite

        portrait = self._profile.orientation is Orientation.PORTRAIT
        invite = EvaluationInvite(parent=self.centralWidget(), columns=3 if portrait else 0)
        invite.rated.connect(lambda rating: self.evaluate(invite.subject(), rating))
        invite.dismissed.connect(invite.forget_personal_data)
        self._layout.insertWidget(self._layout.indexOf(self.footer), invite)
        if portrait:
            StripFollowsPage(layout=self._layout, stack=self.stack, strip=invite)
        return invite

    def _on_first_paint(self) -> None:
        """Home is on display: build the rest.

        The modules and the citizen services are made on a worker thread (no widget
        there); then the screens are built on this thread, one per turn of the event
        loop, so a tap waits for one screen's construction at most.
        """
        self.first_painted.emit()
        # staff mode's module is read once home is on display
        self._watch_staff_gesture(self._idle_clock)
        self.runner.run(
            self._ahead,
            on_done=lambda _: self._build_next(),
            on_error=self._ahead_failed,
            key="screens-ahead",
            owner=self,
        )

    def _ahead(self) -> None:
        """On a worker thread: import what the screens need and make the services."""
        import importlib

        modules = _CATALOG_MODULES
        if self._services is not None:
            modules += _CITIZEN_MODULES
        for name in modules:
            importlib.import_module(name)
        for part in (self._services, self._queue, self._help_client):
            _resolved(part)

    def _ahead_failed(self, error: BaseException) -> None:
        # each screen is built on the GUI thread anyway, and says there what is wrong
        log.warning("preparing the kiosk screens ahead failed: %r", error)
        self._build_next()

    def _build_next(self) -> None:
        waiting = [name for name in self._makers if name not in self._parts]
        if not waiting:
            log.info("kiosk screens built")
            self.screens_built.emit()
            return
        name = waiting[0]
        try:
            self._part(name)
        except Exception:
            # built again when opened, and it says then what is wrong; the rest go on
            log.exception("building %s ahead failed", name)
            self._makers.pop(name, None)
        QTimer.singleShot(0, self, self._build_next)

    def _scan_at_home(self, event: ScanEvent) -> None:
        """A scan on the home screen: a paper's QR is a progress query, else 扫码办事."""
        from kiosk.progress import is_paper_qr

        progress, scan = self.progress, self.scan
        if is_paper_qr(event.text) and progress is not None:
            progress.reset()
            self._show(progress)
            progress.handle_scan(event)
        elif scan is not None:
            scan.reset()
            self._show(scan)
            scan.handle_scan(event)

    def _start_application(self, chosen: object) -> None:
        apply = self.apply
        assert apply is not None
        apply.start(chosen)  # type: ignore[arg-type]
        self._show(apply)

    def _applied(self, submitted: Submitted) -> None:
        from kiosk.evaluation import EvaluationSubject, subject_service

        self._invite(EvaluationSubject(case_number=submitted.number,
                                       service=subject_service("apply")))

    def _picked_up(self, collected: Collected) -> None:
        from kiosk.evaluation import EvaluationSubject, subject_service

        self._invite(EvaluationSubject(case_number=collected.case_number,
                                       service=subject_service("pickup")))

    def _ticketed(self, taken: TicketTaken, kind: str) -> None:
        from kiosk.evaluation import EvaluationSubject, subject_service

        self._invite(EvaluationSubject(ticket_number=taken.number,
                                       service=subject_service(kind)))

    def _invite(self, subject: EvaluationSubject) -> None:
        """After a service: the 好差评 strip under the screen."""
        if "evaluation" in self._makers:
            self.invite.invite(subject)

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
        self.stack.show_screen(screen)
        if not (self.isFullScreen() or self.isMaximized()):
            # a screen that needed more room earlier must not leave the window larger
            self.resize(*self._display)
        self.header.set_navigation_visible(screen is not self.home)
        invite = self._parts.get("invite")
        if invite is not None and (screen is self.home or screen is self._parts.get("evaluation")):
            invite.hide()
        if self._scans is not None:
            handler = getattr(screen, "handle_scan", None)
            self._scans.set_handler(self._scan_at_home if screen is self.home else handler)
        log.debug("screen %s", type(screen).__name__)
        if hasattr(self, "idle"):
            self._start_idle(screen)
        if self.voice is not None:
            self.voice.cancel()  # a new screen silences the last one
            if self.is_elder():
                self.read_aloud()

    def _unattended(  # noqa: PLR0913 - the constructor's arguments, passed on
        self,
        layout: QVBoxLayout,
        *,
        catalog: CatalogQuery,
        now: Callable[[], datetime],
        timeouts: IdleTimeouts | None,
        session: KioskSession | None,
        voice: VoiceReader | None,
        idle_clock: Callable[[], float],
        sync_status: object | None,
        health: FeatureHealth | None,
    ) -> None:
        """Session, idle countdown, banner, voice: what lets the kiosk run unattended."""
        self._default_language = self._language.language()
        self._timeouts = timeouts or IdleTimeouts()
        self._health: FeatureHealth | None = None
        self._sync = None
        self.voice = voice
        self.session = session or KioskSession(catalog=catalog, now=now)
        self.session.set_root(self)
        self.banner = StatusBanner(now=now)
        layout.insertWidget(1, self.banner)  # under the header, above the screens
        central = self.centralWidget()
        assert central is not None  # set before the screens are built
        self.overlay = CountdownOverlay(central)
        self.idle = self._watch_idle(idle_clock)
        self.header.read_aloud_requested.connect(self.read_aloud)
        voice = self.voice
        self.header.set_read_aloud_available(voice is not None and voice.available())
        if voice is not None:
            self.session.register(voice)
        self._health = health
        self.status_feed = self._follow_status(sync_status, health)
        # the pinyin dictionary takes a few hundred ms to read: do it in the background
        # once the kiosk is up, not on the first letter a citizen types in 中
        QTimer.singleShot(PINYIN_WARM_UP_MS, self, self._warm_up_pinyin)

    def _warm_up_pinyin(self) -> None:
        if not self.isVisible():
            return
        self.runner.run(
            shared_engine().engine,
            on_done=lambda _engine: None,
            on_error=lambda error: log.warning("pinyin dictionary not loaded: %s", error),
            key="pinyin-warm-up",
            owner=self,
        )

    def _watch_idle(self, clock: Callable[[], float]) -> IdleWatcher:
        idle = IdleWatcher(
            timeout_s=self._timeouts.home_s,
            warning_s=self._timeouts.warning_s,
            monotonic=clock,
            parent=self,
        )
        idle.watch(self)  # its QWindow: input only, not every widget's events
        idle.warning.connect(self._on_idle_warning)
        idle.countdown.connect(self.overlay.set_seconds)
        idle.resumed.connect(self.overlay.hide)
        idle.expired.connect(self._on_idle_expired)
        self.overlay.more_time_requested.connect(idle.activity)
        return idle

    def follow_sync(self, sync_status: object) -> None:
        """Follow the sync engine's status from now on (the banner, the network tiles).

        The composition root builds the sync link after the first paint and hands its
        status over here; a window built with ``sync_status`` follows it from the start.
        """
        self.status_feed.follow_sync(sync_status)
        current = getattr(sync_status, "status", None)
        if current is not None:
            self.set_sync_status(current)

    def _follow_status(self, sync_status: object | None, health: object | None) -> StatusFeed:
        feed = StatusFeed(parent=self)
        feed.sync_changed.connect(self.set_sync_status)
        feed.health_changed.connect(self.refresh_health)
        if sync_status is not None:
            feed.follow_sync(sync_status)
            current = getattr(sync_status, "status", None)
            if current is not None:
                self.set_sync_status(current)
        if health is not None:
            feed.follow_health(health)
            self.refresh_health()
        return feed

    def _start_idle(self, screen: QWidget) -> None:
        self.overlay.hide()
        self.idle.set_timeout(
            self._timeouts.for_screen(screen, home=screen is self.home, elder=self.is_elder())
        )

    def _needs_reset(self) -> bool:
        return (
            self.current_screen() is not self.home
            or self.session.holds_personal_data()
            or self.is_elder() != self._profile.elder_mode_default
            or self._language.language() != self._default_language
        )

    def _on_idle_warning(self, seconds: int) -> None:
        if self._needs_reset():
            self.overlay.show_countdown(seconds)

    def _on_idle_expired(self) -> None:
        if self._needs_reset():
            log.info("kiosk idle: ending the session")
            self.end_session(EndReason.IDLE)
        else:
            self.idle.restart()  # an empty home screen: nothing to wipe

    def _on_language_changed(self, language: str) -> None:
        self.header.set_english(language == "en")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("政务服务自助终端"))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.idle.stop()
        self.status_feed.close()
        if self.voice is not None:
            self.voice.cancel()
        if self._owns_runner:
            self.runner.shutdown()
        super().closeEvent(event)
