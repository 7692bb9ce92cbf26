"""Building and running the two GUIs: kiosk and window client, the demo, the smoke test.

The build order is the same for every mode and reads top to bottom in :func:`build_ui`:
application → theme → language → local store → catalog → window. Nothing here runs at
import time; Qt and the teammates' packages are imported when a GUI is actually built,
so ``govterm doctor`` and ``govterm --help`` start without them.

A kiosk must be interactive within a second of starting, so its gateway link (the sync
engine, the wire models, ``requests``), the search index and the upkeep are built when
the window has first painted (:attr:`kiosk.window.KioskWindow.first_painted`), not
before; only a first start, which waits for its hall, links up before the window.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from core.errors import EnvironmentProblem, GovtermError
from govterm.crash import CrashHandler
from govterm.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from core.terminal import TerminalProfile
    from devices.factory import Devices
    from govterm.kiosk_setup import KioskParts
    from govterm.settings import GatewaySettings
    from govterm.sync_setup import TerminalSync
    from sync.print_queue import PrintQueue
    from sync.status import StatusBoard
    from sync.store import Store
    from widgets.sync_status import SyncStatusModel

log = logging.getLogger(__name__)

Mode = Literal["kiosk", "window"]
MODES: tuple[Mode, ...] = ("kiosk", "window")
LINK_AT_THE_LATEST_MS = 3000
"""A kiosk window that has not painted by then (not shown) links to its gateway anyway."""
_LINK_MODULES = ("govterm.sync_setup", "govterm.devices", "sync.audit", "widgets.sync_status")
"""What :func:`_sync_link` imports; a kiosk imports them on a worker after its first paint."""


@dataclass(frozen=True, slots=True)
class GuiOptions:
    """What the command line asks of a GUI on top of the settings.

    Attributes:
        portrait: kiosk in portrait orientation (1080×1920).
        elder: kiosk starts in elder mode (长辈模式).
        language: ``"zh_CN"`` or ``"en"``; ``None`` = the setting.
        fullscreen: full screen (a real kiosk); ``None`` = the setting.
        simulate_devices: simulated lock board and ID-card reader (``--simulate-devices``).
        exit_after_sync: quit once the first sync is complete (``--exit-after-sync``).
    """

    portrait: bool = False
    elder: bool = False
    language: str | None = None
    fullscreen: bool | None = None
    simulate_devices: bool = False
    exit_after_sync: bool = False


@dataclass
class Ui:
    """One built mode: the objects that must stay alive while its window is open.

    ``devices.health`` tells screens what is unavailable; ``govterm.devices.heartbeat_health``
    of it is the sync engine's ``device_health``.
    """

    mode: Mode
    window: QWidget
    store: Store
    language: Any  # widgets.i18n.LanguageManager
    devices: Devices
    print_queue: PrintQueue
    sync: TerminalSync | None = None
    sync_status: SyncStatusModel | None = None
    kiosk: KioskParts | None = None
    _on_sync: list[Callable[[SyncStatusModel], None]] = field(default_factory=list)

    def when_linked(self, then: Callable[[SyncStatusModel], None]) -> None:
        """Call ``then`` with the sync status once the gateway link is built (now if it is)."""
        if self.sync_status is not None:
            then(self.sync_status)
        else:
            self._on_sync.append(then)

    def linked(self, sync: TerminalSync, status: SyncStatusModel) -> None:
        """The gateway link, built after the kiosk's first paint."""
        self.sync, self.sync_status = sync, status
        waiting, self._on_sync = self._on_sync, []
        for then in waiting:
            then(status)

    def close(self) -> None:
        """Stop syncing and printing, release the devices, close the store."""
        self._on_sync.clear()
        try:
            if self.kiosk is not None:
                self.kiosk.close()
            if self.sync_status is not None:
                self.sync_status.close()
            if self.sync is not None:
                self.sync.close()
            self.print_queue.stop()
            self.devices.close()
        finally:
            self.store.close()


def application(argv: list[str] | None = None) -> QApplication:
    """The process's QApplication, created on first use."""
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("govterm")
    app.setApplicationDisplayName("政务服务终端")
    app.setOrganizationName("govterm")
    return app


def build_ui(
    mode: Mode,
    *,
    app: QApplication,
    settings: Settings,
    resources: Path,
    options: GuiOptions,
    data_dir: Path | None = None,
    catalog_dir: Path | None = None,
) -> Ui:
    """Build one mode's window, in the order every mode shares.

    Args:
        mode: ``"kiosk"`` or ``"window"``.
        app: the application (theme and translator are installed on it).
        settings: effective settings.
        resources: the ``resources/`` folder (themes, translations, catalog).
        options: command-line choices.
        data_dir: the store's folder; the settings' data dir when omitted.
        catalog_dir: a catalog folder imported into the store before the window is
            built; the setting ``paths.catalog_dir`` when omitted.

    Raises:
        GovtermError: a catalog that does not load, a missing translation …
    """
    from sync.store import open_store
    from widgets.i18n import LanguageManager
    from widgets.theme import apply_theme

    profile = settings.profile()
    if options.portrait:
        from core.terminal import Orientation

        profile = replace(profile, orientation=Orientation.PORTRAIT)
    elder = options.elder or profile.elder_mode_default
    if elder != profile.elder_mode_default:
        profile = replace(profile, elder_mode_default=elder)

    apply_theme(app, mode=mode, elder=elder and mode == "kiosk", themes_dir=resources / "themes")
    language = LanguageManager(app, translations_dir=resources / "i18n")
    language.set_language(options.language or settings.terminal.language)

    store = open_store(data_dir or settings.paths.data_dir)
    devices: Devices | None = None
    sync: TerminalSync | None = None
    sync_status: SyncStatusModel | None = None
    kiosk: KioskParts | None = None
    try:
        source = catalog_dir or settings.paths.catalog_dir
        if source is not None:
            import_catalog_dir(store, source)
        devices, print_queue = _open_devices(
            settings, store=store, data_dir=data_dir, simulate=options.simulate_devices
        )
        first_start = bool(settings.gateway.url) and (
            store.cached_doc("halls", profile.hall_id) is None
        )
        if mode == "window" or first_start:
            sync, sync_status = _sync_link(
                settings, store=store, devices=devices, profile=profile
            )
        if mode == "kiosk":
            kiosk = _kiosk_parts(
                app, settings=settings, store=store, profile=profile, devices=devices,
                print_queue=print_queue, sync=sync, resources=resources,
            )
            profile = kiosk.tiles(profile)
        window, prepare = _build_window(
            mode, store=store, profile=profile, language=language, print_queue=print_queue,
            resources=resources,
            sync_status=sync_status,
            board=sync.board if sync is not None else None,
            nudge=sync.nudge if sync is not None else None,
            kiosk=kiosk,
            health=devices.health,
            gateway=settings.gateway,
        )
    except BaseException:
        if kiosk is not None:
            kiosk.close()
        if sync is not None:
            sync.close()
        if devices is not None:
            devices.close()
        store.close()
        raise
    ui = Ui(
        mode=mode,
        window=window,
        store=store,
        language=language,
        devices=devices,
        print_queue=print_queue,
        kiosk=kiosk,
    )
    if sync is not None and sync_status is not None:
        ui.linked(sync, sync_status)
        sync.start()
        if kiosk is not None:
            kiosk.start()
    else:
        _link_after_first_paint(ui, settings=settings, profile=profile, prepare=prepare)
    log.info("%s window built for terminal %s", mode, profile.terminal_id)
    return ui


def _link_after_first_paint(
    ui: Ui, *, settings: Settings, profile: TerminalProfile, prepare: Callable[[], None]
) -> None:
    """The kiosk's gateway link, search index and upkeep, once home is on display.

    Also after :data:`LINK_AT_THE_LATEST_MS` if the window never paints (not shown), so
    a kiosk whose screen is off still syncs.
    """
    from PySide6.QtCore import QTimer

    window = ui.window
    runner = window.runner  # type: ignore[attr-defined]
    done = False

    def import_link() -> None:
        """On a worker thread: the link's modules (engine, wire models, requests)."""
        import importlib

        for name in _LINK_MODULES:
            importlib.import_module(name)

    def first_paint() -> None:
        runner.run(import_link, on_done=lambda _: link(), on_error=lambda _: link(),
                   key="gateway-link", owner=window)

    def link() -> None:
        nonlocal done
        if done:
            return
        done = True
        if ui.store.closed:
            return  # closed before it painted
        started = time.perf_counter()
        sync, status = _sync_link(settings, store=ui.store, devices=ui.devices, profile=profile)
        window.follow_sync(status)  # type: ignore[attr-defined]
        status.catalog_changed.connect(prepare)
        prepare()
        if ui.kiosk is not None:
            ui.kiosk.attach_sync(sync.board, sync.nudge)
            ui.kiosk.start()
        ui.linked(sync, status)
        sync.start()
        log.info("gateway link built in %.0f ms", (time.perf_counter() - started) * 1000)

    window.first_painted.connect(first_paint)  # type: ignore[attr-defined]
    QTimer.singleShot(LINK_AT_THE_LATEST_MS, window, link)


def _kiosk_parts(
    app: QApplication,
    *,
    settings: Settings,
    store: Store,
    profile: TerminalProfile,
    devices: Devices,
    print_queue: PrintQueue,
    sync: TerminalSync | None,
    resources: Path,
) -> KioskParts:
    """The kiosk's citizen services, queue, help desk and scan routing (kiosk mode).

    ``sync`` is the gateway link on a first start (it enrols and pulls before the
    screens are chosen); otherwise None, and the link is attached after the first paint.
    """
    from core.clock import SystemClock
    from govterm.kiosk_setup import FIRST_START_WAIT_S, build_kiosk_parts, wait_for_hall
    from govterm.logs import LOG_FILE_NAME
    from govterm.settings import product_version

    ca_bundle = settings.gateway.ca_bundle
    if sync is not None and store.cached_doc("halls", profile.hall_id) is None:
        sync.start()  # first start: enrol and pull before the screens are chosen
        wait_for_hall(store, sync.board, profile.hall_id, timeout=FIRST_START_WAIT_S)
    return build_kiosk_parts(
        app=app,
        store=store,
        profile=profile,
        devices=devices,
        print_queue=print_queue,
        clock=SystemClock(),
        resources=resources,
        gateway_url=settings.gateway.url,
        verify=str(ca_bundle) if ca_bundle else True,
        board=sync.board if sync is not None else None,
        nudge=sync.nudge if sync is not None else (lambda: None),
        staff_pin_hash=settings.kiosk.staff_pin_hash,
        version=product_version(),
        log_path=settings.paths.log_dir / LOG_FILE_NAME,
    )


def _sync_link(
    settings: Settings, *, store: Store, devices: Devices, profile: TerminalProfile
) -> tuple[TerminalSync, SyncStatusModel]:
    """The terminal's gateway link (enrolment, engine) and its Qt status model."""
    from functools import partial

    from govterm.devices import heartbeat_health
    from govterm.settings import product_version
    from govterm.sync_setup import TerminalSync, catalog_fingerprint
    from sync.audit import AuditLog
    from widgets.sync_status import SyncStatusModel

    sync = TerminalSync(
        store=store,
        gateway=settings.gateway,
        terminal_name=profile.name,
        hall_id=profile.hall_id,
        device_health=heartbeat_health(devices.health),
        audit=AuditLog(store=store, terminal_id=profile.terminal_id),
        app_version=product_version(),
    )
    model = SyncStatusModel(board=sync.board, catalog_version=partial(catalog_fingerprint, store))
    return sync, model


def _open_devices(
    settings: Settings, *, store: Store, data_dir: Path | None, simulate: bool
) -> tuple[Devices, PrintQueue]:
    """The configured devices (failures recorded, never raised) and the print queue."""
    from core.clock import SystemClock
    from govterm.devices import open_devices
    from sync.print_queue import PrintQueue

    if data_dir is not None:  # the demo and the smoke test keep papers with their store
        paths = settings.paths.model_copy(update={"data_dir": data_dir})
        settings = settings.model_copy(update={"paths": paths})
    clock = SystemClock()
    devices = open_devices(settings, clock=clock, simulate=simulate)
    try:
        queue = PrintQueue(store, printers=devices.printers, clock=clock)
        queue.start()
    except BaseException:
        devices.close()
        raise
    return devices, queue


def _build_window(
    mode: Mode,
    *,
    store: Store,
    profile: TerminalProfile,
    language: Any,
    sync_status: SyncStatusModel | None = None,
    board: StatusBoard | None = None,
    nudge: Callable[[], None] | None = None,
    print_queue: PrintQueue,
    resources: Path,
    kiosk: KioskParts | None = None,
    health: Any = None,
    gateway: GatewaySettings | None = None,
) -> tuple[QWidget, Callable[[], None]]:
    """The mode's window, and what (re)builds the search index on the catalog thread."""
    from sync.catalog_cache import CatalogCache

    catalog = CatalogCache(store, terminal_id=profile.terminal_id, home_hall_id=profile.hall_id)

    window: QWidget
    if mode == "kiosk":
        from core.clock import SystemClock
        from kiosk.window import KioskWindow, Later

        window = KioskWindow(
            catalog=catalog,
            profile=profile,
            language=language,
            # aware local time: the banner compares it with the sync status' times
            now=SystemClock().now,
            sync_status=sync_status,
            health=health,
            # made when the window builds its citizen screens, after its first paint
            services=kiosk.later_services if kiosk is not None else None,
            queue=kiosk.later_queue if kiosk is not None else None,
            help_client=kiosk.later_help if kiosk is not None else None,
            scans=kiosk.scans if kiosk is not None else None,
            staff=_kiosk_staff(kiosk, catalog, Later),
            # a first start whose sync has not brought the hall yet: tiles come with it
            citizen_ready=(
                kiosk.hall_known if kiosk is not None and kiosk.later_services else None
            ),
        )
    else:
        from window_client.window import WindowClientWindow

        window = WindowClientWindow(
            services=_window_services(
                store=store,
                profile=profile,
                catalog=catalog,
                print_queue=print_queue,
                resources=resources,
                sync_status=sync_status,
                board=board,
                nudge=nudge,
                gateway=gateway,
            ),
            language=language,
        )
        desk = window.services.desk
        if desk is not None:
            window.destroyed.connect(lambda _obj=None, link=desk.transport: link.close())
    runner = window.runner  # type: ignore[attr-defined]

    def prepare() -> None:
        runner.run_catalog(catalog.prepare, on_done=lambda _: None, key="prepare")

    # The search index (about 2 s of work at 100k items) is built on the catalog
    # thread once the event loop runs: after the home screen is on display, not
    # before it, and not on the citizen's first keystroke. A kiosk without its sync
    # link yet builds it when the link is made, right after its first paint.
    from PySide6.QtCore import QTimer

    if sync_status is not None:
        QTimer.singleShot(0, window, prepare)
        # Rows the engine brought in: have the search index ready before the next
        # keystroke instead of rebuilding it on the first one.
        sync_status.catalog_changed.connect(prepare)
    return window, prepare


def _kiosk_staff(kiosk: KioskParts | None, catalog: Any, later: Any) -> Any:
    """Staff mode's desk as the window gets it: made when staff first open it.

    Reloading the catalog asks the sync engine to pull now and rebuilds the search
    index; leaving kiosk mode quits the program (systemd starts a kiosk again).
    """
    if kiosk is None or kiosk.staff is None:
        return None
    from PySide6.QtWidgets import QApplication

    desk = kiosk.staff

    def reload_catalog() -> None:
        kiosk.nudge()
        catalog.prepare()

    def made() -> Any:
        return replace(desk.get(), reload_catalog=reload_catalog, quit=QApplication.quit)

    return later(made)


def _window_services(
    *, store: Store, profile: TerminalProfile, catalog: Any, print_queue: PrintQueue,
    resources: Path,
    sync_status: Any = None,
    board: StatusBoard | None = None,
    nudge: Callable[[], None] | None = None,
    gateway: GatewaySettings | None = None,
) -> Any:
    """The counter client's services over the local store, in dependency order.

    Every signed link to the gateway (queue, 居民码, desk) signs with one
    :class:`~sync.auth.GatewayClock` that follows the offset the sync engine reports
    on ``board``, so a counter PC whose clock is off calls tickets as well as it syncs.
    """
    import json
    import secrets

    from core.accounts import Accounts
    from core.calendar import WorkingCalendar
    from core.clock import SystemClock
    from documents.fonts import FontSet
    from documents.maker import PaperMaker
    from documents.verification import VerificationKey
    from sync.accounts_store import AccountStore
    from sync.audit import AuditLog
    from sync.auth import GatewayClock
    from sync.cases import CaseRepository
    from sync.engine import BLOB_DIR, BlobFolder
    from window_client.services import WindowServices

    clock = SystemClock()
    signing = GatewayClock(board=board)
    audit = AuditLog(store=store, terminal_id=profile.terminal_id)
    accounts = Accounts(
        repository=AccountStore(store=store, audit=audit),
        clock=clock,
        terminal_id=profile.terminal_id,
    )
    years = store.cached_docs("holidays") or [
        json.loads(p.read_text(encoding="utf-8"))
        for p in sorted((resources / "holidays").glob("*.json"))
    ]
    calendar = WorkingCalendar.from_dict({"years": years})
    # The paper verification key is kept beside the store until the hall's key is
    # distributed by the gateway's config stream.
    key_file = store.data_dir / "paper-key.bin"
    if not key_file.exists():
        key_file.write_bytes(secrets.token_bytes(32))
        key_file.chmod(0o600)
    papers = PaperMaker(
        fonts=FontSet(), key=VerificationKey(f"{profile.terminal_id}-1", key_file.read_bytes())
    )
    return WindowServices(
        catalog=catalog,
        accounts=accounts,
        terminal_id=profile.terminal_id,
        hall_id=profile.hall_id,
        clock=clock,
        audit=audit,
        cases=CaseRepository(
            store=store, audit=audit, terminal_id=profile.terminal_id, clock=clock
        ),
        calendar=calendar,
        papers=papers,
        print_queue=print_queue,
        sync_status=sync_status,
        nudge=nudge,
        desk=_window_desk(store, gateway, signing),
        blobs=BlobFolder(store.data_dir / BLOB_DIR),
        store=store,
        **_window_links(store, gateway, clock, signing),
    )


def _window_links(
    store: Store, gateway: GatewaySettings | None, clock: Any, signing: Callable[[], float]
) -> dict[str, Any]:
    """居民码/企业码 resolution and the hall queue of a window client with a gateway.

    Both sign with the device credential once enrolment has kept one (``Offline`` with
    the reason until then), timed by ``signing`` (the shared GatewayClock); none
    without a gateway (the pages say so).
    """
    from govterm.kiosk_setup import EnrolledDevice
    from sync.identity import EnrolledResolver
    from sync.queue_client import EnrolledQueueTransport, QueueClient

    if gateway is None or not gateway.url:
        return {}
    verify: bool | str = str(gateway.ca_bundle) if gateway.ca_bundle else True
    device = EnrolledDevice(data_dir=store.data_dir)
    transport = EnrolledQueueTransport(
        base_url=gateway.url, credential=device.credential, verify=verify, clock=signing
    )
    return {
        "identity": EnrolledResolver(
            data_dir=store.data_dir, gateway_url=gateway.url, verify=verify, clock=signing
        ),
        "queue": QueueClient(transport=transport, clock=clock),
    }


def _window_desk(
    store: Store, gateway: GatewaySettings | None, signing: Callable[[], float]
) -> Any:
    """The gateway desk (帮办, 统计, 差评整改, 取件码) of a window client with a gateway.

    Enrolment finishes on a background thread after the window is built, so the link
    reads the device credential on each call and answers ``Offline`` ("尚未注册") until
    then; ``None`` when no gateway is configured (the pages say so).
    """
    from sync.help_client import EnrolledDeskTransport
    from window_client.results_desk import DeskServices

    if gateway is None or not gateway.url:
        return None
    ca_bundle = gateway.ca_bundle
    transport = EnrolledDeskTransport(
        data_dir=store.data_dir,
        gateway_url=gateway.url,
        clock=signing,
        verify=str(ca_bundle) if ca_bundle else True,
    )
    return DeskServices(transport=transport)


def import_catalog_dir(store: Store, folder: Path) -> None:
    """Load a catalog folder, validate it and import it into the store."""
    from sync.catalog_cache import import_catalog
    from sync.catalog_files import load_catalog

    catalog = load_catalog(folder)
    import_catalog(store, catalog)
    log.info(
        "catalog %s (version %s, %d items) imported from %s",
        catalog.published,
        catalog.version,
        len(catalog.items),
        folder,
    )


def run_gui(
    mode: Mode,
    *,
    settings: Settings,
    crash: CrashHandler,
    resources: Path,
    options: GuiOptions,
) -> int:
    """Run one mode until its window closes; returns the exit status."""
    app = application()
    crash.install_qt_message_handler()
    ui = build_ui(mode, app=app, settings=settings, resources=resources, options=options)
    # A kiosk never shows a traceback: after an unhandled exception it goes home.
    crash.set_return_home(getattr(ui.window, "return_home", None))
    fullscreen = options.fullscreen
    if fullscreen is None:
        fullscreen = mode == "kiosk" and settings.kiosk.fullscreen
    if fullscreen:
        ui.window.showFullScreen()
    else:
        ui.window.show()
    _quit_on_sigterm(app)
    if options.exit_after_sync:
        ui.when_linked(lambda status: _quit_after_first_sync(app, status))
    try:
        status = app.exec()
    finally:
        crash.set_return_home(None)
        ui.close()
    log.info("%s closed with status %d", mode, status)
    return status


def _quit_after_first_sync(
    app: QApplication, model: SyncStatusModel, *, timeout_s: float = 120.0
) -> None:
    """Quit with 0 once every stream was pulled and the outbox is empty; 1 on timeout."""
    from PySide6.QtCore import QTimer

    from govterm.sync_setup import first_sync_done

    def check(status: Any) -> None:
        if first_sync_done(status):
            log.info("first sync complete: exiting (--exit-after-sync)")
            app.exit(0)
        elif not status.authorised:
            log.error("exit after sync: %s", status.last_error)
            app.exit(1)

    def give_up() -> None:
        log.error("first sync not complete after %.0f s: %s", timeout_s, model.status)
        app.exit(1)

    model.status_changed.connect(check)
    QTimer.singleShot(int(timeout_s * 1000), app, give_up)


def _quit_on_sigterm(app: QApplication) -> None:
    """Let systemd's SIGTERM (and Ctrl+C) close the window normally.

    Python runs signal handlers only between bytecodes; a periodic timer gives the
    interpreter a moment while Qt's loop runs.
    """
    from PySide6.QtCore import QTimer

    def quit_app(signum: int, _frame: object) -> None:
        log.info("signal %d: quitting", signum)
        app.quit()

    signal.signal(signal.SIGTERM, quit_app)
    signal.signal(signal.SIGINT, quit_app)
    timer = QTimer(app)
    timer.setObjectName("govterm_signal_wakeup")
    timer.timeout.connect(lambda: None)
    timer.start(250)


def child_command(settings_args: list[str]) -> list[str]:
    """How to start another govterm process (frozen build or Python package)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *settings_args]
    return [sys.executable, "-m", "govterm", *settings_args]


def smoke_test(*, settings: Settings, crash: CrashHandler, resources: Path) -> int:
    """Boot both modes offscreen on a temporary data dir, show each window, quit.

    Returns:
        0 when both windows were built and shown; 1 otherwise (the reason is logged
        and written to stderr).
    """
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = application()
    crash.install_qt_message_handler()
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="govterm-smoke-") as tmp:
        for mode in MODES:
            problem = _smoke_one(
                mode, app=app, settings=settings, resources=resources, data_dir=Path(tmp) / mode
            )
            if problem:
                failures.append(f"{mode}: {problem}")
    if failures:
        for failure in failures:
            log.error("smoke test failed: %s", failure)
            sys.stderr.write(f"smoke test failed: {failure}\n")
        return 1
    log.info("smoke test passed")
    sys.stdout.write("smoke test passed: kiosk and window client started and showed\n")
    return 0


def _smoke_one(
    mode: Mode, *, app: QApplication, settings: Settings, resources: Path, data_dir: Path
) -> str:
    from govterm.settings import GatewaySettings

    settings = settings.model_copy(update={"gateway": GatewaySettings()})
    try:
        ui = build_ui(
            mode,
            app=app,
            settings=settings,
            resources=resources,
            options=GuiOptions(),
            data_dir=data_dir,
            catalog_dir=resources / "catalog",
        )
    except ImportError as exc:
        return f"part of the program is missing ({exc.name or exc})"
    except (GovtermError, EnvironmentProblem, OSError) as exc:
        return f"{type(exc).__name__}: {exc}"
    window = ui.window
    try:
        window.show()
        app.processEvents()
        shown = window.isVisible() and window.width() > 0 and window.height() > 0
        window.close()
        window.deleteLater()
        app.processEvents()
    finally:
        ui.close()
    return "" if shown else "the window did not show"
