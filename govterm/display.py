"""``govterm display``: the hall display (叫号大屏) as a terminal of its own.

Built in this order, top to bottom in :func:`build_display`:

1. translations (the display follows ``[terminal] language`` or ``--lang``);
2. the local store in the data dir and :class:`govterm.sync_setup.TerminalSync` with
   only the streams a display needs (the directory, for the hall's name, and the
   config): the same enrolment as the kiosk and the window client — the one-time
   ``[gateway] enrolment_code`` traded for a credential kept in ``<data>/device.json``
   and reused on every later start — and heartbeats carrying the voice's health;
3. the queue client over an :class:`~sync.queue_client.EnrolledQueueTransport`, which
   answers "not connected" with the reason until the credential exists;
4. the voice: espeak-ng (offline, Mandarin) on the task runner, played on the sound
   card, or silently at speaking pace without one; without espeak-ng there is no
   synthesiser and the screen says 静默叫号;
5. the :class:`~window_client.display.window.HallDisplayWindow`.

Without ``[gateway] url`` the display starts all the same and says 未连接前置机 with
the reason, instead of failing. ``--exit-after-sync`` quits once the first sync is
complete and the call feed has been drawn (installation checks, tests).
"""

from __future__ import annotations

import logging
import signal
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.errors import Offline, msg
from govterm.crash import CrashHandler
from govterm.settings import Settings
from govterm.sync_setup import TerminalSync
from sync.engine import EngineConfig, NotEnrolled, load_enrolment
from sync.protocol import DeviceCredential
from sync.status import SyncStatus

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from sync.queue_client import (
        EnrolledQueueTransport,
        QueueClient,
        UnconfiguredQueueTransport,
    )
    from sync.store import Store
    from widgets.sync_status import SyncStatusModel
    from widgets.task_runner import TaskRunner
    from window_client.display.voice import Announcer
    from window_client.display.window import HallDisplayWindow

log = logging.getLogger(__name__)

DISPLAY_STREAMS: tuple[str, ...] = ("halls", "config")
"""What a display pulls: the directory (its hall's name) and the terminal config."""

NOT_ENROLLED = msg("叫号屏尚未注册，正在向前置机注册")
EXIT_AFTER_SYNC_TIMEOUT_S = 120.0


@dataclass(frozen=True, slots=True)
class DisplayOptions:
    """What the command line asks of the display.

    Attributes:
        fullscreen: full screen (a real hall screen).
        language: ``"zh_CN"`` or ``"en"``; ``None`` = the setting.
        exit_after_sync: quit once the first sync and the first feed are done.
    """

    fullscreen: bool = False
    language: str | None = None
    exit_after_sync: bool = False


@dataclass
class Display:
    """A built display: what must stay alive while its window is open."""

    window: HallDisplayWindow
    store: Store
    sync: TerminalSync
    sync_status: SyncStatusModel
    queue: QueueClient
    transport: EnrolledQueueTransport | UnconfiguredQueueTransport
    runner: TaskRunner
    announcer: Announcer
    language: Any  # widgets.i18n.LanguageManager

    def close(self) -> None:
        """Stop syncing and the task runner, close the link and the store."""
        try:
            self.sync_status.close()
            self.sync.close()
            # The link first: it ends the call feed's long-poll, which the runner's
            # shutdown would otherwise wait out (up to 20 s).
            self.transport.close()
            self.runner.shutdown()
        finally:
            self.store.close()


def hall_name(store: Store, hall_id: str) -> str:
    """The hall's name from the synced directory, or ``""`` when it is not there yet."""
    doc = store.cached_doc("halls", hall_id) if hall_id else None
    return str(doc.get("name") or "") if doc else ""


def enrolled_hall(data_dir: Path, fallback: str) -> str:
    """The hall the credential is for (the gateway's word), else the configured one."""
    try:
        return load_enrolment(data_dir).credential.hall_id
    except NotEnrolled:
        return fallback


def build_display(
    *,
    app: QApplication,
    settings: Settings,
    resources: Path,
    options: DisplayOptions,
    data_dir: Path | None = None,
) -> Display:
    """Build the hall display in the order of the module docstring."""
    from core.clock import SystemClock
    from govterm.settings import product_version
    from govterm.sync_setup import catalog_fingerprint
    from sync.audit import AuditLog
    from sync.queue_client import QueueClient
    from sync.store import open_store
    from widgets.i18n import LanguageManager
    from widgets.sync_status import SyncStatusModel
    from widgets.task_runner import TaskRunner
    from window_client.display.window import DEFAULT_NOTICE, HallDisplayWindow

    language = LanguageManager(app, translations_dir=resources / "i18n")
    language.set_language(options.language or settings.terminal.language)
    folder = data_dir or settings.paths.data_dir
    store = open_store(folder)
    runner: TaskRunner | None = None
    sync: TerminalSync | None = None
    try:
        runner = TaskRunner(pool_size=2)
        announcer = _announcer(runner, folder / "voice")
        sync = TerminalSync(
            store=store,
            gateway=settings.gateway,
            terminal_name=settings.terminal.name,
            hall_id=settings.terminal.hall_id,
            device_health=lambda: {"voice:display": _health_word(announcer.health())},
            audit=AuditLog(store=store, terminal_id=settings.terminal.id),
            app_version=product_version(),
            config=EngineConfig(streams=DISPLAY_STREAMS),
        )
        transport = _queue_link(settings, folder, sync)
        queue = QueueClient(transport=transport, clock=SystemClock())
        status = SyncStatusModel(
            board=sync.board, catalog_version=lambda: catalog_fingerprint(store)
        )
        hall_id = enrolled_hall(folder, settings.terminal.hall_id)
        window = HallDisplayWindow(
            queue=queue,
            language=options.language or settings.terminal.language,
            hall_name=hall_name(store, hall_id) or settings.terminal.name,
            announcer=announcer,
            runner=runner,
            notice=DEFAULT_NOTICE,
        )
    except BaseException:
        if sync is not None:
            sync.close()
        if runner is not None:
            runner.shutdown()
        store.close()
        raise

    def follow_hall() -> None:
        name = hall_name(store, enrolled_hall(folder, settings.terminal.hall_id))
        if name:
            window.set_hall_name(name)

    status.catalog_changed.connect(follow_hall)
    sync.start()
    configured = "configured" if settings.gateway.url else "not configured"
    log.info("hall display built (gateway %s)", configured)
    return Display(
        window=window,
        store=store,
        sync=sync,
        sync_status=status,
        queue=queue,
        transport=transport,
        runner=runner,
        announcer=announcer,
        language=language,
    )


def _announcer(runner: TaskRunner, work_dir: Path) -> Announcer:
    """Voice calling: espeak-ng on the sound card; silent (and saying so) without."""
    from core.errors import DeviceUnavailable
    from window_client.display import voice

    player, health = voice.default_player()
    synthesizer: voice.Synthesizer | None
    try:
        synthesizer = voice.EspeakSynthesizer()
    except DeviceUnavailable as exc:
        log.warning("no speech synthesis (%s): calls are shown silently", exc.reason)
        synthesizer = None
    return voice.Announcer(
        runner=runner, synthesizer=synthesizer, player=player, work_dir=work_dir, health=health
    )


def _queue_link(
    settings: Settings, data_dir: Path, sync: TerminalSync
) -> EnrolledQueueTransport | UnconfiguredQueueTransport:
    """The signed link to the gateway's queue, or one that says none is configured."""
    from sync.queue_client import EnrolledQueueTransport, UnconfiguredQueueTransport

    gateway = settings.gateway
    if not gateway.url:
        return UnconfiguredQueueTransport()
    return EnrolledQueueTransport(
        base_url=gateway.url,
        credential=lambda: _credential(data_dir, sync.status),
        verify=str(gateway.ca_bundle) if gateway.ca_bundle else True,
    )


def _health_word(text: str) -> str:
    from window_client.display.voice import HEALTH_OK

    return "ok" if text == HEALTH_OK else f"degraded: {text}"


def _credential(data_dir: Path, status: SyncStatus) -> DeviceCredential:
    """The kept credential; ``Offline`` saying why while there is none."""
    try:
        return load_enrolment(data_dir).credential
    except NotEnrolled:
        if not status.authorised and status.last_error:
            raise Offline(status.last_error) from None
        raise Offline(NOT_ENROLLED) from None


def run_display(
    *, settings: Settings, crash: CrashHandler, resources: Path, options: DisplayOptions
) -> int:
    """Run the hall display until its window closes (or SIGTERM); returns the status."""
    from govterm.app import application

    app = application()
    crash.install_qt_message_handler()
    display = build_display(app=app, settings=settings, resources=resources, options=options)
    if options.fullscreen:
        display.window.showFullScreen()
    else:
        display.window.show()
    _quit_on_signals(app)
    if options.exit_after_sync:
        _quit_after_first_sync(app, display)
    try:
        status = app.exec()
    finally:
        display.close()
    log.info("hall display closed with status %d", status)
    return status


def _quit_after_first_sync(app: QApplication, display: Display) -> None:
    """Quit with 0 once the first sync is done and a feed was drawn; 1 otherwise."""
    from PySide6.QtCore import QTimer

    from govterm.sync_setup import first_sync_done

    def check(_: object = None) -> None:
        status = display.sync_status.status
        if first_sync_done(status, DISPLAY_STREAMS) and display.window.is_online():
            log.info("first sync and call feed done: exiting (--exit-after-sync)")
            app.exit(0)
        elif not status.authorised:
            log.error("exit after sync: %s", status.last_error)
            app.exit(1)

    def give_up() -> None:
        log.error("display: first sync not complete after %.0f s", EXIT_AFTER_SYNC_TIMEOUT_S)
        app.exit(1)

    display.sync_status.status_changed.connect(check)
    display.window.feed_applied.connect(check)
    QTimer.singleShot(int(EXIT_AFTER_SYNC_TIMEOUT_S * 1000), app, give_up)


def _quit_on_signals(app: QApplication) -> None:
    """SIGTERM (systemd) and Ctrl+C close the display normally.

    Python runs signal handlers between bytecodes only; a periodic timer gives the
    interpreter that moment while Qt's loop runs.
    """
    from PySide6.QtCore import QTimer

    def quit_app(signum: int, _frame: object) -> None:
        log.info("signal %d: quitting", signum)
        app.quit()

    signal.signal(signal.SIGTERM, quit_app)
    signal.signal(signal.SIGINT, quit_app)
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(250)
