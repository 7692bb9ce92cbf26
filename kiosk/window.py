"""The kiosk's main window: header, the screens in a stack, footer.

The window only wires intents to screens: a tile or a row tapped on one screen asks
another screen to load something and shows it. Screens are built once and reused, so
a screen change is a stack switch, not a rebuild.

It also keeps the kiosk fit to be left alone: an idle countdown per screen that ends
the session (``kiosk.session`` wipes every bit of personal data), 长辈模式 with voice
read-out, and a status banner that says when the terminal is offline or a device is
down, hiding the tiles that cannot work.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.catalog import Audience
from core.evaluation import Rating
from core.scan import ScanEvent
from core.search import CatalogQuery, HitKind, SearchHit
from core.terminal import Orientation, TerminalProfile, Tile
from kiosk.apply import ApplyScreen, Submitted
from kiosk.appointment import AppointmentScreen
from kiosk.browse import DepartmentsScreen, HallMapScreen, HitListScreen, ThemesScreen
from kiosk.chrome import KioskFooter, KioskHeader
from kiosk.evaluation import (
    EvaluationInvite,
    EvaluationOutbox,
    EvaluationScreen,
    EvaluationSubject,
    subject_service,
)
from kiosk.guide import DEFAULT_GUIDE_URL, BundleScreen, GuideScreen
from kiosk.help import HelpButton, HelpRequester, HelpScreen
from kiosk.home import HomeScreen
from kiosk.pickup import Collected, PickupScreen
from kiosk.progress import ProgressScreen, is_paper_qr
from kiosk.scan_service import ScanServiceScreen
from kiosk.search import SearchScreen
from kiosk.services import KioskServices
from kiosk.session import EndReason, KioskSession
from kiosk.ticket import TicketIssuer, TicketScreen, TicketTaken
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
    from kiosk.staff import StaffDesk, StaffScreen

log = logging.getLogger(__name__)

PINYIN_WARM_UP_MS = 3000
LANDSCAPE_SIZE = (1920, 1080)
PORTRAIT_SIZE = (1080, 1920)


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
            without them their tiles are hidden.
        queue: the queue client for 取号 and 预约签到; without it their tiles are hidden.
        help_client: 呼叫帮办 to the clerks; without it the tile and button are hidden.
        scans: the scan router; each scan goes to the screen on display.
        staff: staff mode (five taps on the terminal number, then a staff PIN);
            without it the kiosk has none.
        parent: the Qt parent.
    """

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
        services: KioskServices | None = None,
        queue: TicketIssuer | None = None,
        help_client: HelpRequester | None = None,
        scans: ScanRouter | None = None,
        staff: StaffDesk | None = None,
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
        self._citizen_services(
            layout, catalog=catalog, services=services, queue=queue, help_client=help_client,
            scans=scans,
        )
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

        self._register_citizen_screens()
        width, height = PORTRAIT_SIZE if orientation is Orientation.PORTRAIT else LANDSCAPE_SIZE
        self.resize(width, height)
        self._retranslate()
        self.go_home()
        self._staff_desk = staff
        self.staff: StaffScreen | None = None
        # the gesture's module is read after the first turn of the event loop
        QTimer.singleShot(0, self, lambda: self._watch_staff_gesture(idle_clock))

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
        elif tile is Tile.HELP:
            self.open_help()
        elif (screen := self._tile_screens.get(tile)) is not None:
            screen.reset()  # type: ignore[attr-defined]
            self._show(screen)
        else:
            log.warning("tile %s has no screen on this terminal", tile)

    def open_help(self) -> None:
        """呼叫帮办 (the footer button or the tile): topics, then the call."""
        if self.help is None:
            return
        where = type(self.current_screen()).__name__
        if self.current_screen() is not self.help:
            self.help.reset(note=f"来自 {where}")
            self._show(self.help)

    def evaluate(self, subject: EvaluationSubject, rating: Rating | None = None) -> None:
        """Open 好差评 for ``subject`` (after a service), with the level if tapped."""
        if self.evaluation is None:
            return
        self.invite.forget_personal_data()
        self.evaluation.start(subject, rating)
        self._show(self.evaluation)

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
        self.header.set_elder(elder)
        self.home.apply_metrics(theme_metrics(self._app))
        self._start_idle(self.current_screen())

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
        if self._staff_desk is None:
            return
        if self.staff is None:
            from kiosk.staff import StaffScreen

            self.staff = StaffScreen(desk=self._staff_desk, runner=self.runner)
            self.staff.left.connect(self.go_home)
            if self._staff_desk.quit is None:
                self.staff.exit_confirmed.connect(self.close)
            self.stack.addWidget(self.staff)
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
        self.home.set_hidden_tiles(hidden_tiles(down))

    # -- internals -----------------------------------------------------------------------

    def _citizen_services(
        self,
        layout: QVBoxLayout,
        *,
        catalog: CatalogQuery,
        services: KioskServices | None,
        queue: TicketIssuer | None,
        help_client: HelpRequester | None,
        scans: ScanRouter | None,
    ) -> None:
        """The citizen-service screens this terminal can run, wired to each other."""
        self._scans = scans
        terminal = self._profile.terminal_id
        runner = self.runner
        self.scan = self.apply = self.progress = self.pickup = None
        self.ticket = self.appointment = self.evaluation = None
        self._tile_screens: dict[Tile, QWidget] = {}
        if services is not None:
            self.scan = ScanServiceScreen(services=services, runner=runner)
            self.apply = ApplyScreen(services=services, runner=runner, terminal_id=terminal)
            self.progress = ProgressScreen(services=services, catalog=catalog, runner=runner,
                                           terminal_id=terminal)
            self.pickup = PickupScreen(services=services, runner=runner, terminal_id=terminal)
            self.evaluation = EvaluationScreen(
                outbox=EvaluationOutbox(store=services.store, cases=services.cases,
                                        clock=services.clock, hall=services.hall),
                runner=runner,
            )
            self.scan.item_chosen.connect(self._start_application)
            self.apply.submitted.connect(self._applied)
            self.progress.shown.connect(
                lambda number: self._invite(EvaluationSubject(case_number=number,
                                                              service=subject_service("progress"))))
            self.pickup.collected.connect(self._picked_up)
            self.evaluation.finished.connect(lambda: self.end_session(EndReason.FINISHED))
            self._tile_screens |= {Tile.SCAN: self.scan, Tile.PROGRESS: self.progress,
                                   Tile.PICKUP: self.pickup, Tile.EVALUATION: self.evaluation}
            if queue is not None:
                self.ticket = TicketScreen(services=services, queue=queue, runner=runner,
                                           terminal_id=terminal)
                self.appointment = AppointmentScreen(services=services, queue=queue,
                                                     runner=runner, terminal_id=terminal)
                self.ticket.issued.connect(lambda t: self._ticketed(t, "ticket"))
                self.appointment.checked_in.connect(lambda t: self._ticketed(t, "appointment"))
                for done in (self.ticket.finished, self.appointment.finished):
                    done.connect(lambda: self.end_session(EndReason.FINISHED))
                self._tile_screens |= {Tile.TICKET: self.ticket,
                                       Tile.APPOINTMENT: self.appointment}
        self.help = HelpScreen(client=help_client, runner=runner) if help_client else None
        self.help_button = HelpButton()
        self.help_button.clicked.connect(self.open_help)
        self.help_button.setVisible(self.help is not None)
        if self.help is not None:
            self.help.finished.connect(self.go_back)
        self._citizen: list[QWidget] = [
            s for s in (self.scan, self.apply, self.progress, self.pickup, self.ticket,
                        self.appointment, self.evaluation, self.help) if s is not None
        ]
        for screen in self._citizen:
            self.stack.addWidget(screen)
        footer = self.footer.layout()
        assert footer is not None
        footer.addWidget(self.help_button)  # on every screen, beside the hotline
        self.invite = EvaluationInvite()
        self.invite.rated.connect(lambda rating: self.evaluate(self.invite.subject(), rating))
        self.invite.dismissed.connect(self.invite.forget_personal_data)
        layout.insertWidget(layout.indexOf(self.footer), self.invite)

    def _register_citizen_screens(self) -> None:
        """Every citizen screen forgets with the session."""
        for screen in self._citizen:
            self.session.register(screen)  # type: ignore[arg-type]
        self.session.register(self.invite)

    def _scan_at_home(self, event: ScanEvent) -> None:
        """A scan on the home screen: a paper's QR is a progress query, else 扫码办事."""
        if is_paper_qr(event.text) and self.progress is not None:
            self.progress.reset()
            self._show(self.progress)
            self.progress.handle_scan(event)
        elif self.scan is not None:
            self.scan.reset()
            self._show(self.scan)
            self.scan.handle_scan(event)

    def _start_application(self, chosen: object) -> None:
        assert self.apply is not None
        self.apply.start(chosen)  # type: ignore[arg-type]
        self._show(self.apply)

    def _applied(self, submitted: Submitted) -> None:
        self._invite(EvaluationSubject(case_number=submitted.number,
                                       service=subject_service("apply")))

    def _picked_up(self, collected: Collected) -> None:
        self._invite(EvaluationSubject(case_number=collected.case_number,
                                       service=subject_service("pickup")))

    def _ticketed(self, taken: TicketTaken, kind: str) -> None:
        self._invite(EvaluationSubject(ticket_number=taken.number,
                                       service=subject_service(kind)))

    def _invite(self, subject: EvaluationSubject) -> None:
        """After a service: the 好差评 strip under the screen."""
        if self.evaluation is not None:
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
        self.stack.setCurrentWidget(screen)
        self.header.set_navigation_visible(screen is not self.home)
        if screen is self.home or screen is self.evaluation:
            self.invite.hide()
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
        idle.watch(self._app)
        idle.warning.connect(self._on_idle_warning)
        idle.countdown.connect(self.overlay.set_seconds)
        idle.resumed.connect(self.overlay.hide)
        idle.expired.connect(self._on_idle_expired)
        self.overlay.more_time_requested.connect(idle.activity)
        return idle

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
