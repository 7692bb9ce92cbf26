"""Render every kiosk and window-client screen to PNG, to look at them.

Usage (from the repository root)::

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/render_screens.py [--only pickup]

The kiosk is wired as ``govterm kiosk`` wires it (``govterm.kiosk_setup``) against a
real gateway on loopback with the demo catalog and demo citizens, fake printers and a
lock board simulated on a pseudo-terminal. Every citizen service is driven through its
steps as a citizen would: 居民码 scanned (with e-licences) or refused, the application
form, review and receipt, the progress timeline, pickup by code (printed, paper out,
locker open and closed, several results to choose from), tickets online, green
channel and offline, appointment check-in, 好差评 with ★1 reasons, 呼叫帮办 sent and
offline; plus search, guides, browsing, the pinyin keyboard, the idle countdown and
the offline banner.

Pictures go to ``screenshots/out/`` (git-ignored), one per screen, orientation,
normal/长辈模式 and language, e.g. ``kiosk-pickup-printed-portrait-elder-en.png``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QEventLoop, QTimer, SignalInstance  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel  # noqa: E402

from core.catalog import DeliveryMethod  # noqa: E402
from core.clock import HALL_TZ  # noqa: E402
from core.evaluation import Rating  # noqa: E402
from core.holders import Citizen  # noqa: E402
from core.scan import ScanSource, make_scan_event  # noqa: E402
from core.search import CatalogQuery  # noqa: E402
from core.terminal import Orientation, TerminalProfile, Tile  # noqa: E402
from devices.health import HealthBoard  # noqa: E402
from devices.health import Role as HealthRole  # noqa: E402
from devices.lockers.board import SerialLockBoard  # noqa: E402
from devices.lockers.simulator import LockBoardSimulator  # noqa: E402
from documents.fonts import FontSet  # noqa: E402
from documents.maker import PaperMaker  # noqa: E402
from govterm.kiosk_setup import EnrolledDevice, KioskParts, build_kiosk_parts  # noqa: E402
from sync.catalog_cache import CatalogCache  # noqa: E402
from sync.catalog_files import load_catalog, load_demo_holders  # noqa: E402
from sync.print_queue import PrintQueue  # noqa: E402
from sync.queue_protocol import AreaSettings, AreaSettingsList  # noqa: E402
from tests.helpers.clock import FakeClock  # noqa: E402
from tests.helpers.faulty_proxy import FaultyProxy  # noqa: E402
from tests.helpers.gateway import RunningGateway, running_gateway  # noqa: E402
from tests.helpers.printer import FakePrinter  # noqa: E402
from tests.helpers.terminal_sync import Terminal, terminal  # noqa: E402
from tests.window_client.conftest import PAPER_KEY  # noqa: E402
from widgets.i18n import LanguageManager  # noqa: E402
from widgets.task_runner import TaskRunner  # noqa: E402
from widgets.theme import apply_theme  # noqa: E402

if TYPE_CHECKING:
    from kiosk.window import KioskWindow

log = logging.getLogger("render_screens")

OUT = REPO / "screenshots" / "out"
TRANSLATIONS = REPO / "resources" / "i18n"
HALL = "wh-zwzx"
PROOF = "11371000004183800M002038005000"  # 住房公积金缴存使用证明出具: kiosk print
AREAS = [AreaSettings(prefix="A", name="综合受理区"), AreaSettings(prefix="B", name="不动产登记区")]
VARIANTS = 8  # orientation x normal/长辈模式 x language

Scene = tuple[str, "Callable[[KioskWindow], None]"]
"""A scene's name and what brings the window there ('=' first: the same session)."""


def _run_until(
    condition: Callable[[], bool], *, timeout: float, wake: Sequence[SignalInstance] = ()
) -> bool:
    """Run the Qt event loop until ``condition()`` holds, at most ``timeout`` seconds.

    ``condition`` is asked whenever one of the ``wake`` signals is emitted; without
    them (a door, a printer, a page: nothing that signals here) it is asked every
    10 ms by a timer, as ``qtbot.waitUntil`` does. Returns whether it holds.
    """
    if condition():
        return True
    loop = QEventLoop()

    def check(*_args: object) -> None:
        if condition():
            loop.quit()

    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    poll = QTimer()
    poll.setInterval(10)
    poll.timeout.connect(check)
    for signal in wake:
        signal.connect(check)
    if not wake:
        poll.start()
    deadline.start(int(timeout * 1000))
    try:
        loop.exec()
    finally:
        poll.stop()
        deadline.stop()
        for signal in wake:
            signal.disconnect(check)
    return condition()


def _turn() -> None:
    """One turn of the event loop: what is posted now (a layout, a zero timer) runs."""
    loop = QEventLoop()
    QTimer.singleShot(0, loop.quit)
    loop.exec()


def _settle(app: QApplication, runner: TaskRunner, *, timeout: float = 10) -> None:
    """Let the screen come to rest: the runner's work delivered, the layouts done.

    A delivered result may start more work (a list, then its guide) and lays the
    screen out in later turns of the event loop, so the runner is waited for again
    until a few turns pass with nothing pending.
    """
    end = time.monotonic() + timeout
    while True:
        idle = _run_until(lambda: runner.pending_count() == 0, wake=[runner.idle_changed],
                          timeout=max(end - time.monotonic(), 0.001))
        for _ in range(3):
            _turn()
        if (idle and runner.pending_count() == 0) or time.monotonic() >= end:
            break
    app.processEvents()


def _browse_scenes(catalog: CatalogQuery) -> Iterator[Scene]:
    """Search, guides and browsing: what a citizen reads before doing anything."""
    def search(text: str) -> Callable[[KioskWindow], None]:
        def run(w: KioskWindow) -> None:
            w.open_tile(Tile.SEARCH)
            w.search.field.setText(text)

        return run

    hits = catalog.search("护照") or catalog.hot_items(limit=1)
    bundles = catalog.bundles()
    departments = catalog.departments()

    def guide(materials: bool) -> Callable[[KioskWindow], None]:
        def run(w: KioskWindow) -> None:
            w.open_hit(hits[0])
            if materials:  # once the guide has arrived and is laid out
                # the same guide may still be on the screen from the scene before: the
                # one just asked for arrives when the runner is done, and starts at the top
                _settle(QApplication.instance(), w.runner)  # type: ignore[arg-type]
                if not _run_until(lambda: w.guide.shown_item_id() == hits[0].id, timeout=10):
                    raise RuntimeError("the guide did not arrive")
                _turn()
                w.guide.guide.scroll_to_materials()

        return run

    def department(w: KioskWindow) -> None:
        w.open_tile(Tile.DEPARTMENTS)
        w._open_department(departments[0][0])  # noqa: SLF001 - the row a citizen taps

    yield "home", lambda w: None
    yield "search", search("hz")
    yield "search-empty", search("xyzq")
    yield "guide", guide(False)
    yield "guide-materials", guide(True)
    if bundles:
        yield "bundle", lambda w: w.open_hit(bundles[0])
    yield "personal", lambda w: w.open_tile(Tile.PERSONAL)
    yield "enterprise", lambda w: w.open_tile(Tile.ENTERPRISE)
    yield "bundles", lambda w: w.open_tile(Tile.BUNDLES)
    yield "departments", lambda w: w.open_tile(Tile.DEPARTMENTS)
    if departments:
        yield "department-items", department
    yield "map", lambda w: w.open_tile(Tile.MAP)


def _unattended_scenes() -> Iterator[Scene]:
    """The pinyin candidate bar, the idle countdown and the offline banner."""
    from sync.status import SyncStatus

    def pinyin(w: KioskWindow) -> None:
        w.open_tile(Tile.SEARCH)
        keyboard = w.search.keyboard
        keyboard.forget_personal_data()
        keyboard.input.set_chinese(True)
        for char in "zhangxiaoming":
            keyboard.key_typed.emit(char)

    def countdown(w: KioskWindow) -> None:
        w.open_tile(Tile.SEARCH)
        w.search.keyboard.forget_personal_data()
        w.search.field.setText("hz")
        w.overlay.show_countdown(12)

    def offline(w: KioskWindow) -> None:
        moment = datetime(2026, 3, 3, 2, 0, tzinfo=HALL_TZ)
        w.set_sync_status(
            SyncStatus(
                online=False,
                offline_since=moment - timedelta(minutes=47),
                last_pull={"catalog": moment - timedelta(hours=5)},
            )
        )
        w.banner.set_unavailable({"a4_printer", "locker"})

    yield "keyboard-pinyin", pinyin
    yield "countdown", countdown
    yield "offline-banner", offline  # last: the banner stays up once set


@dataclass(frozen=True)
class Variants:
    """Which of the 8 variants to render (all by default)."""

    orientations: tuple[Orientation, ...] = tuple(Orientation)
    elder: tuple[bool, ...] = (False, True)
    languages: tuple[str, ...] = ("zh_CN", "en")

    def wants(self, orientation: Orientation, elder: bool, language: str) -> bool:
        """Whether this variant is to be rendered."""
        return (orientation in self.orientations and elder in self.elder
                and language in self.languages)


def render_kiosk(
    app: QApplication, only: Sequence[str] = (), variants: Variants | None = None
) -> int:
    """Every kiosk scene in every variant wanted; returns the count of pictures."""
    variants = variants or Variants()
    language = LanguageManager(app, translations_dir=TRANSLATIONS)
    runner = TaskRunner()
    count = 0
    with tempfile.TemporaryDirectory() as tmp, wired_hall(app, Path(tmp)) as hall:
        apply_theme(app, mode="kiosk")
        language.set_language("zh_CN")
        window = wired_window(app, hall, orientation=Orientation.LANDSCAPE,
                              language=language, runner=runner)
        window.show()
        prepare_results(app, window, hall, VARIANTS)
        window.close()
        window.deleteLater()
        variant = 0
        for orientation in Orientation:
            for elder in (False, True):
                for lang in ("zh_CN", "en"):
                    if not variants.wants(orientation, elder, lang):
                        variant += 1  # each variant keeps its own waiting results
                        continue
                    count += _render_variant(app, hall, runner, language, only=only,
                                             variant=(orientation, elder, lang, variant))
                    variant += 1
    language.set_language("zh_CN")
    runner.shutdown()
    return count


def _render_variant(
    app: QApplication, hall: WiredHall, runner: TaskRunner, language: LanguageManager,
    *, only: Sequence[str], variant: tuple[Orientation, bool, str, int],
) -> int:
    orientation, elder, lang, number = variant
    apply_theme(app, mode="kiosk", elder=elder)
    language.set_language(lang)
    window = wired_window(app, hall, orientation=orientation, language=language,
                          runner=runner, elder=elder)
    window.show()
    scenes = [
        *_browse_scenes(hall.catalog),
        *_citizen_scenes(app, hall, number),
        *_unattended_scenes(),
    ]
    count = 0
    for tagged, scene in scenes:
        same_session = tagged.startswith("=")
        name = tagged.lstrip("=")
        if only and not any(part in name for part in only):
            continue
        if not same_session:
            window.end_session()
        try:
            scene(window)
        except RuntimeError as error:  # one scene failing must not hide the others
            log.warning("%s (%s): %s", name, orientation.value, error)
        _settle(app, runner)
        mode = "elder" if elder else "normal"
        path = OUT / f"kiosk-{name}-{orientation.value}-{mode}-{lang}.png"
        window.grab().save(str(path))
        count += 1
    window.end_session()
    window.close()
    window.deleteLater()
    app.processEvents()
    return count


# -- the wired hall: a real gateway on loopback, the kiosk built as ``govterm kiosk`` builds it


@dataclass
class FakeDevices:
    """What the composition root reads from ``devices.factory.Devices``: fakes here."""

    health: HealthBoard
    printers: dict[str, FakePrinter]
    locker: SerialLockBoard | None = None
    scanners: list[object] = field(default_factory=list)

    def refresh(self) -> None:
        """Ask each printer and report it on the health board."""
        roles = {"receipt": HealthRole.RECEIPT_PRINTER, "a4": HealthRole.A4_PRINTER}
        for name, printer in self.printers.items():
            self.health.report_printer(name, roles[name], printer.status())


@dataclass
class Waiting:
    """A result ready at the kiosk: how the citizen names it."""

    case_number: str
    code: str
    tail: str
    compartment: int | None = None


@dataclass
class WiredHall:
    """The gateway, the kiosk's parts and its fake devices, shared by every variant."""

    gateway: RunningGateway
    proxy: FaultyProxy
    terminal: Terminal
    parts: KioskParts
    receipt: FakePrinter
    a4: FakePrinter
    lockers: LockBoardSimulator
    devices: FakeDevices
    catalog: CatalogCache
    citizens: list[Citizen]
    printable: list[Waiting] = field(default_factory=list)
    in_lockers: list[Waiting] = field(default_factory=list)
    appointments: list[str] = field(default_factory=list)

    def admin(self, method: str, path: str, body: str) -> dict[str, Any]:
        return self.gateway.admin(method, path, body)

    def issue_code(self, citizen: Citizen) -> str:
        return self.gateway.issue_code(citizen.name)

    def sync(self) -> None:
        self.terminal.engine.push()
        self.terminal.engine.pull()

    def scan(self, text: str) -> None:
        self.parts.scans.submit(make_scan_event(text, source=ScanSource.CAMERA,
                                                device_id="cam", at=self.gateway.clock.now()))

    def official(self, provisional: str) -> str:
        with self.gateway.store.db.read() as tx:
            row = tx.one("SELECT case_number FROM cases WHERE provisional_number = ?",
                         (provisional,))
        if row is None:
            raise RuntimeError(f"{provisional} did not reach the gateway")
        return str(row[0])

    def pickup_code(self, case_number: str) -> str:
        with self.gateway.store.db.read() as tx:
            row = tx.one("SELECT result FROM cases WHERE case_number = ?", (case_number,))
        if row is None:
            raise RuntimeError(f"{case_number} has no result")
        return str(json.loads(row[0])["pickup_code"])


def _failed(message: QLabel) -> bool:
    """Whether a screen's message line shows an error (not a 请稍候 notice)."""
    return bool(message.text()) and message.property("role") == "badge-danger"


def _wait(app: QApplication, condition: Callable[[], bool], *, timeout: float = 20) -> None:
    """Run the event loop until ``condition`` holds (its screen reached the state to render)."""
    if not _run_until(condition, timeout=timeout):
        raise RuntimeError("the screen did not reach the state to render")
    app.processEvents()


@contextlib.contextmanager
def wired_hall(app: QApplication, tmp: Path) -> Iterator[WiredHall]:
    """Start a gateway with the demo catalog, enrol a kiosk and build its parts."""
    clock = FakeClock(datetime(2026, 3, 2, 9, 30, tzinfo=HALL_TZ))
    catalog = load_catalog(REPO / "resources" / "catalog")
    # this hall also hands the certificate out from its lockers (统一出件 → 智能文件柜)
    items = tuple(
        i.model_copy(update={"delivery": (*i.delivery, DeliveryMethod.LOCKER)})
        if i.id == PROOF else i
        for i in catalog.items
    )
    catalog = catalog.model_copy(update={"items": items})
    citizens, enterprises = load_demo_holders(REPO / "resources" / "demo")
    with running_gateway(tmp / "gateway.db", clock=clock) as gateway, \
            FaultyProxy(gateway.url) as proxy:
        gateway.publish(catalog)
        gateway.services.identity.publish_holders(citizens, enterprises)
        term = terminal(gateway, tmp / "kiosk", hall_id=HALL, slot="K03", url=proxy.url)
        term.engine.pull()
        store = term.store
        receipt, a4 = FakePrinter("receipt"), FakePrinter("a4")
        print_queue = PrintQueue(store, printers={"receipt": receipt, "a4": a4}, clock=clock)
        print_queue.start(poll_seconds=0.05)
        sim = LockBoardSimulator(compartments=24)
        board = SerialLockBoard(sim.path, compartments=24, timeout=1.0, poll_interval=0.02)
        devices = FakeDevices(HealthBoard(clock=clock), {"receipt": receipt, "a4": a4},
                              locker=board)
        devices.refresh()
        profile = TerminalProfile(terminal_id="K03", hall_id=HALL,
                                  name="威海市政务服务中心 · 24小时自助终端 03")
        parts = build_kiosk_parts(
            app=app, store=store, profile=profile, devices=devices, print_queue=print_queue,
            clock=clock, resources=REPO / "resources", gateway_url=proxy.url,
            device=EnrolledDevice(data_dir=store.data_dir, credential=term.client.credential),
            signing_clock=lambda: clock.now().timestamp(),
            papers=PaperMaker(fonts=FontSet(), key=PAPER_KEY), block_size=20,
        )
        if parts.services is None:
            raise RuntimeError("the kiosk was built without citizen services")
        parts.services.locker_close_timeout = 60.0
        hall = WiredHall(gateway, proxy, term, parts, receipt, a4, sim, devices,
                         CatalogCache(store, terminal_id="K03", home_hall_id=HALL), citizens)
        hall.admin("PUT", f"/v1/admin/queue/halls/{HALL}/areas",
                   AreaSettingsList(areas=AREAS).model_dump_json())
        try:
            yield hall
        finally:
            parts.close()
            print_queue.stop()
            board.close()
            sim.close()
            term.close()


def wired_window(app: QApplication, hall: WiredHall, *, orientation: Orientation,
                 language: LanguageManager, runner: TaskRunner,
                 elder: bool = False) -> KioskWindow:
    """A kiosk window on the hall's parts, as the composition root builds it."""
    from kiosk.window import KioskWindow

    # 长辈模式 as the terminal's default, so that ending a session keeps it
    profile = TerminalProfile(terminal_id="K03", hall_id=HALL, orientation=orientation,
                              elder_mode_default=elder,
                              name="威海市政务服务中心 · 24小时自助终端 03")
    clock = hall.gateway.clock
    return KioskWindow(
        catalog=hall.catalog, profile=hall.parts.tiles(profile), language=language,
        runner=runner, now=clock.now, health=hall.devices.health, services=hall.parts.services,
        queue=hall.parts.queue, help_client=hall.parts.help_client, scans=hall.parts.scans,
    )


def prepare_results(app: QApplication, window: KioskWindow, hall: WiredHall, count: int) -> None:
    """Cases applied for with a 居民码, finished by the simulated back office.

    Half wait for self-print, half in a locker compartment (the clerk put them there).
    """
    provisional: list[tuple[str, Citizen]] = []
    for n in range(count * 2):
        citizen = hall.citizens[n % 3]  # three citizens: each has several results waiting
        window.end_session()
        provisional.append((_apply(app, window, hall, citizen), citizen))
    window.end_session()
    hall.sync()
    clock = hall.gateway.clock
    for _ in range(5):
        clock.advance(hours=3)
        hall.gateway.services.run_upstream_once()
    clerk = hall.gateway.enrol(hall_id=HALL, slot="W09")
    for n, (number, citizen) in enumerate(provisional):
        official = hall.official(number)
        tail = citizen.id_number[-4:].lower()
        if n % 2:
            compartment = 1 + len(hall.in_lockers)
            r = clerk.post(f"/v1/results/{official}/pickup", json={
                "method": "locker", "compartment": str(compartment), "clerk_id": "wh-zhaomin"})
            if r.status_code != 200:  # noqa: PLR2004 - HTTP OK
                raise RuntimeError(r.text)
            hall.lockers.put(compartment)
            hall.in_lockers.append(Waiting(official, str(r.json()["code"]), tail, compartment))
        else:
            hall.printable.append(Waiting(official, hall.pickup_code(official), tail))
    clock.set(datetime(2026, 3, 3, 9, 40, tzinfo=HALL_TZ))  # the next morning
    hall.sync()
    window.end_session()


def _apply(app: QApplication, window: KioskWindow, hall: WiredHall, citizen: Citizen) -> str:
    """Scan a 居民码 at home, choose the certificate, 下一步, 提交: the provisional number."""
    _scan_identified(app, window, hall, citizen)
    _choose_item(app, window)
    apply = window.apply
    assert apply is not None
    apply.next_button.click()
    _wait(app, lambda: apply.pages.currentWidget() is apply.review_page)
    apply.submit_button.click()
    _wait(app, lambda: apply.pages.currentWidget() is apply.done_page)
    return apply.number_label.text().split()[-1]


def _scan_identified(app: QApplication, window: KioskWindow, hall: WiredHall,
                     citizen: Citizen) -> None:
    hall.scan(hall.issue_code(citizen))
    scan = window.scan
    assert scan is not None
    _wait(app, lambda: window.current_screen() is scan)
    _wait(app, lambda: scan.identified() is not None
          or scan.message.property("role") == "badge-danger")
    if scan.identified() is None:
        raise RuntimeError(scan.message.text())


def _choose_item(app: QApplication, window: KioskWindow) -> None:
    assert window.scan is not None
    button = next(b for b in window.scan.item_buttons() if b.objectName() == f"apply-{PROOF}")
    button.click()
    _wait(app, lambda: window.current_screen() is window.apply)


def _citizen_scenes(app: QApplication, hall: WiredHall, variant: int) -> Iterator[Scene]:
    """Every citizen service in its important states, driven as a citizen would."""
    citizen = hall.citizens[variant % 3]

    def scan_identified(w: KioskWindow) -> None:
        _scan_identified(app, w, hall, citizen)

    def scan_refused(w: KioskWindow) -> None:
        w.open_tile(Tile.SCAN)
        assert w.scan is not None
        w.scan.take_code("GT1:" + "A" * 40)
        _wait(app, lambda: w.scan.message.property("role") == "badge-danger")  # type: ignore[union-attr]

    def apply_form(w: KioskWindow) -> None:
        _scan_identified(app, w, hall, citizen)
        _choose_item(app, w)

    def apply_review(w: KioskWindow) -> None:
        apply_form(w)
        assert w.apply is not None
        w.apply.next_button.click()
        _wait(app, lambda: w.apply.pages.currentWidget() is w.apply.review_page)  # type: ignore[union-attr]

    def apply_receipt(w: KioskWindow) -> None:
        apply_review(w)
        assert w.apply is not None
        printed = len(hall.receipt.printed)
        w.apply.submit_button.click()
        _wait(app, lambda: w.apply.pages.currentWidget() is w.apply.done_page)  # type: ignore[union-attr]
        _wait(app, lambda: len(hall.receipt.printed) > printed)

    def progress_entry(w: KioskWindow) -> None:
        w.open_tile(Tile.PROGRESS)
        assert w.progress is not None
        w.progress.entry.field.setText(hall.printable[0].case_number[:10])

    def progress_timeline(w: KioskWindow) -> None:
        w.open_tile(Tile.PROGRESS)
        progress = w.progress
        assert progress is not None
        progress.query(hall.printable[-1].case_number)
        _wait(app, lambda: progress.current() is not None or _failed(progress.message))

    yield "scan-identified", scan_identified
    yield "scan-refused", scan_refused
    yield "apply-form", apply_form
    yield "apply-review", apply_review
    yield "apply-receipt", apply_receipt
    yield "progress-entry", progress_entry
    yield "progress-timeline", progress_timeline
    yield from _pickup_scenes(app, hall, variant)
    yield from _queue_scenes(app, hall, variant)
    yield from _help_scenes(app, hall)


def _pickup_scenes(  # noqa: PLR0915 - one closure per scene
    app: QApplication, hall: WiredHall, variant: int
) -> Iterator[Scene]:
    printable = hall.printable[variant]
    in_locker = hall.in_lockers[variant]

    def by_code(w: KioskWindow, waiting: Waiting) -> None:
        w.open_tile(Tile.PICKUP)
        pickup = w.pickup
        assert pickup is not None
        pickup.code.setText(waiting.code)
        pickup.tail.setText(waiting.tail)
        pickup.ok.click()

    def answered(w: KioskWindow) -> Callable[[], bool]:
        pickup = w.pickup
        assert pickup is not None
        return lambda: _failed(pickup.message) or (
            pickup.entry.isHidden() and not pickup.prompt.text().endswith(("…", "...")))

    def entry(w: KioskWindow) -> None:
        w.open_tile(Tile.PICKUP)
        assert w.pickup is not None
        w.pickup.code.setText(printable.code[:4])
        w.pickup.code.setFocus()

    def choose(w: KioskWindow) -> None:
        w.open_tile(Tile.PICKUP)
        hall.scan(hall.issue_code(hall.citizens[variant % 3]))
        pickup = w.pickup
        assert pickup is not None
        _wait(app, lambda: pickup.entry.isHidden() or _failed(pickup.message))

    def paper_out(w: KioskWindow) -> None:
        hall.a4.run_out_of_paper()
        by_code(w, printable)
        _wait(app, answered(w), timeout=30)

    def printed(w: KioskWindow) -> None:
        hall.a4.refill()
        hall.devices.refresh()
        assert hall.parts.upkeep is not None
        hall.parts.upkeep.run_once()
        by_code(w, printable)
        _wait(app, lambda: bool(hall.a4.printed) and answered(w)(), timeout=30)

    def locker_open(w: KioskWindow) -> None:
        by_code(w, in_locker)
        assert in_locker.compartment is not None
        door = hall.lockers.compartments[in_locker.compartment]
        _wait(app, lambda: door.door_open)

    def locker_closed(w: KioskWindow) -> None:
        assert in_locker.compartment is not None
        pickup = w.pickup
        assert pickup is not None
        waiting = pickup.prompt.text()  # "… 号格口即将打开 …" until the door is shut
        hall.lockers.put(in_locker.compartment, present=False)
        hall.lockers.close_door(in_locker.compartment)
        _wait(app, lambda: pickup.prompt.text() != waiting or _failed(pickup.message))

    yield "pickup-entry", entry
    yield "pickup-choose", choose
    yield "pickup-paper-out", paper_out
    yield "pickup-printed", printed
    yield "pickup-locker-open", locker_open
    yield "=pickup-locker-done", locker_closed  # '=': same session, no reset before


def _queue_scenes(  # noqa: PLR0915 - one closure per scene
    app: QApplication, hall: WiredHall, variant: int
) -> Iterator[Scene]:
    reference = f"YY{variant:02d}30"
    start = hall.gateway.clock.now()
    hall.admin("POST", f"/v1/admin/queue/halls/{HALL}/appointments", json.dumps({
        "appointments": [{
            "reference": reference, "area": "B",
            "slot_start": (start + timedelta(minutes=5)).isoformat(),
            "slot_end": (start + timedelta(minutes=35)).isoformat(),
        }]
    }))

    def areas(w: KioskWindow) -> None:
        w.open_tile(Tile.TICKET)
        ticket = w.ticket
        assert ticket is not None
        _wait(app, lambda: bool(ticket.area_buttons()) or _failed(ticket.message))

    def issued(w: KioskWindow, *, green: bool = False) -> None:
        areas(w)
        ticket = w.ticket
        assert ticket is not None
        if green:
            next(iter(ticket.green_buttons.values())).click()
        ticket.area_button("A").click()
        _wait(app, lambda: ticket.pages.currentWidget() is ticket.done_page
              or ticket.message.property("role") == "badge-danger")

    def rate(w: KioskWindow) -> None:
        w.evaluate(w.invite.subject())

    def rate_badly(w: KioskWindow) -> None:
        screen = w.evaluation
        assert screen is not None
        screen.choose_level(min(Rating))
        screen.submit()  # without a reason: refused, the citizen is told to choose one
        screen.reason_buttons()[0].click()

    def thanks(w: KioskWindow) -> None:
        screen = w.evaluation
        assert screen is not None
        screen.submit()
        _wait(app, lambda: screen.pages.currentWidget() is screen.done_page
              or _failed(screen.message))

    def offline(w: KioskWindow) -> None:
        assert hall.parts.queue is not None
        hall.parts.queue.ensure_blocks(["A"])
        hall.proxy.down = True
        areas(w)

    def offline_issued(w: KioskWindow) -> None:
        ticket = w.ticket
        assert ticket is not None
        ticket.area_button("A").click()
        _wait(app, lambda: ticket.pages.currentWidget() is ticket.done_page
              or ticket.message.property("role") == "badge-danger")
        hall.proxy.down = False

    def appointment_entry(w: KioskWindow) -> None:
        w.open_tile(Tile.APPOINTMENT)
        assert w.appointment is not None
        w.appointment.entry.field.setText(reference[:4])

    def appointment_done(w: KioskWindow) -> None:
        w.open_tile(Tile.APPOINTMENT)
        screen = w.appointment
        assert screen is not None
        screen.check_in(reference)
        _wait(app, lambda: screen.pages.currentWidget() is screen.done_page
              or _failed(screen.message))

    yield "ticket-areas", areas
    yield "ticket-issued", issued
    yield "=evaluation-levels", rate
    yield "=evaluation-bad-reasons", rate_badly
    yield "=evaluation-thanks", thanks
    yield "ticket-green", lambda w: issued(w, green=True)
    yield "ticket-offline-areas", offline
    yield "=ticket-offline-issued", offline_issued
    yield "appointment-entry", appointment_entry
    yield "appointment-checked-in", appointment_done


def _help_scenes(app: QApplication, hall: WiredHall) -> Iterator[Scene]:
    def topics(w: KioskWindow) -> None:
        w.open_tile(Tile.SEARCH)
        w.open_help()

    def sent(w: KioskWindow) -> None:
        topics(w)
        assert w.help is not None
        w.help.topic_buttons["search"].click()
        _wait(app, lambda: w.help.last_request() is not None  # type: ignore[union-attr]
              or _failed(w.help.message))  # type: ignore[union-attr]

    def offline(w: KioskWindow) -> None:
        hall.proxy.down = True
        topics(w)
        assert w.help is not None
        w.help.topic_buttons["device"].click()
        _wait(app, lambda: _failed(w.help.message), timeout=30)  # type: ignore[union-attr]
        hall.proxy.down = False

    yield "help-topics", topics
    yield "help-sent", sent
    yield "help-offline", offline


def render_window_client(app: QApplication, only: Sequence[str] = ()) -> int:
    """Every window-client page (``--only`` with a part of "window" keeps them)."""
    if only and not any(part in "window" for part in only):
        return 0
    from scripts.render_window_client import render
    from tests.helpers.catalog import real_catalog

    with tempfile.TemporaryDirectory() as tmp, real_catalog(Path(tmp)) as real:
        if real is None:
            raise RuntimeError("the demo catalog could not be loaded")
        return render(app, real, "demo", HALL)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", action="append", default=[],
                        help="render only scenes whose name contains this (may be repeated)")
    parser.add_argument("--kiosk-only", action="store_true", help="skip the window client")
    parser.add_argument("--orientation", choices=[o.value for o in Orientation], action="append",
                        help="render only this orientation (may be given twice)")
    parser.add_argument("--mode", choices=["normal", "elder"], action="append",
                        help="render only normal or 长辈模式 (may be given twice)")
    parser.add_argument("--language", choices=["zh_CN", "en"], action="append",
                        help="render only this language (may be given twice)")
    args = parser.parse_args()
    variants = Variants(
        orientations=tuple(Orientation(o) for o in args.orientation or Orientation),
        elder=tuple(m == "elder" for m in args.mode or ["normal", "elder"]),
        languages=tuple(args.language or ["zh_CN", "en"]),
    )
    logging.basicConfig(level=logging.WARNING)
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    count = render_kiosk(app, args.only, variants)
    if not args.kiosk_only:
        count += render_window_client(app, args.only)
    sys.stdout.write(f"{count} screens rendered to {OUT}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
