"""24-hour pickup and progress on the kiosk window, wired as ``govterm kiosk`` wires it.

The window is built by the composition root (:func:`govterm.kiosk_setup.build_kiosk_parts`)
with fake printers, a lock board simulated on a pseudo-terminal and a fake clock,
against a real gateway on loopback reached through a proxy that can be cut. The
citizen only taps and types: a case applied for with a 居民码 goes through the
simulated back office, which issues a real result PDF; the citizen picks it up with
the SMS code and the ID tail (printed once, refused a second time online and
offline), from a locker compartment, or meets an empty printer; the receipt's QR,
scanned through the keyboard wedge, finds the case.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit
from pytestqt.exceptions import TimeoutError
from pyzbar.pyzbar import decode

from core.catalog import DeliveryMethod
from core.clock import HALL_TZ
from core.terminal import TerminalProfile, Tile
from devices.health import DeviceHealth, HealthBoard
from devices.health import Role as HealthRole
from devices.lockers.board import SerialLockBoard
from devices.lockers.simulator import LockBoardSimulator
from govterm.kiosk_setup import EnrolledDevice, KioskParts, build_kiosk_parts
from kiosk.window import KioskWindow
from sync.catalog_cache import CatalogCache
from sync.print_queue import JobState, PrintQueue
from sync.queue_protocol import AreaSettings, AreaSettingsList
from tests.e2e.test_kiosk_citizen import HALL, KEY, _catalog, _fonts, _holders
from tests.helpers.clock import FakeClock
from tests.helpers.faulty_proxy import FaultyProxy
from tests.helpers.gateway import RunningGateway, running_gateway
from tests.helpers.platform_input import scan_keys
from tests.helpers.printer import FakePrinter
from tests.helpers.scanner import SteppingClock
from tests.helpers.terminal_sync import Terminal, terminal
from widgets.i18n import LanguageManager
from widgets.scan_bridge import WedgeScanBridge
from widgets.task_runner import TaskRunner
from widgets.theme import apply_theme

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

REPO = Path(__file__).resolve().parents[2]
PROOF = "11371000004183800M002038005000"  # 住房公积金缴存使用证明出具: kiosk print
PROOF_RESULT = "住房公积金缴存使用证明"
COMPARTMENT = 3


@dataclass
class FakeDevices:
    """What the composition root reads from ``devices.factory.Devices``."""

    health: HealthBoard
    printers: dict[str, FakePrinter]
    locker: SerialLockBoard | None = None
    scanners: list[object] = field(default_factory=list)

    def refresh(self) -> None:
        """As ``Devices.refresh``: ask each printer and report it on the board."""
        roles = {"receipt": HealthRole.RECEIPT_PRINTER, "a4": HealthRole.A4_PRINTER}
        for name, printer in self.printers.items():
            self.health.report_printer(name, roles[name], printer.status())


@dataclass
class Kiosk:
    gateway: RunningGateway
    terminal: Terminal
    proxy: FaultyProxy
    window: KioskWindow
    parts: KioskParts
    receipt: FakePrinter
    a4: FakePrinter
    print_queue: PrintQueue
    lockers: LockBoardSimulator
    devices: FakeDevices
    wedge: WedgeScanBridge
    taps: list[str] = field(default_factory=list)
    keys: int = 0

    # -- what a person does -------------------------------------------------------------

    def tap(self, qtbot, button: QAbstractButton | QLineEdit) -> None:
        """One tap on something the person can see (counted).

        A row just added to a shown list appears on the next pass of the event loop,
        as it does for the person looking at the screen: wait for it briefly.
        """
        with contextlib.suppress(TimeoutError):  # reported with the widget chain below
            qtbot.waitUntil(button.isVisible, timeout=2000)
        if not button.isVisible():
            chain = []
            w = button
            while w is not None:
                chain.append((type(w).__name__, w.objectName(), w.isVisible(), w.isHidden()))
                w = w.parentWidget()
            raise AssertionError(f"{chain} current={type(self.window.current_screen()).__name__}")
        assert button.isEnabled(), button.objectName()
        self.taps.append(button.objectName())
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def type_on(self, qtbot, keyboard, text: str) -> None:
        """Type ``text`` on an on-screen keyboard, a tap per key (counted apart)."""
        for char in text:
            key = keyboard.key(char)
            assert key.isVisible(), char
            self.keys += 1
            qtbot.mouseClick(key, Qt.MouseButton.LeftButton)

    def wedge_scan(self, qtbot, text: str) -> None:
        """A USB scanner in keyboard mode 'types' the code and presses Enter."""
        scan_keys(self.window, text)  # through the window, as the scanner's keys come

    def count_from_here(self) -> None:
        self.taps.clear()
        self.keys = 0

    # -- the world around the kiosk -------------------------------------------------------

    def sync(self) -> None:
        self.terminal.engine.push()
        self.terminal.engine.pull()

    def issue_code(self, holder: str) -> str:
        return self.gateway.issue_code(holder)

    def back_office(self, case_number: str) -> dict[str, object]:
        """Let the simulated back office finish a case; returns its result record."""
        for _ in range(5):
            self.gateway.clock.advance(hours=3)
            self.gateway.services.run_upstream_once()
        with self.gateway.store.db.read() as tx:
            row = tx.one("SELECT state, result FROM cases WHERE case_number = ?",
                         (case_number,))
        assert row is not None
        assert row[0] == "result_ready"
        return dict(json.loads(row[1]))

    def official_number(self, provisional: str) -> str:
        with self.gateway.store.db.read() as tx:
            row = tx.one("SELECT case_number FROM cases WHERE provisional_number = ?",
                         (provisional,))
        assert row is not None
        return str(row[0])

    def pickup_state(self, case_number: str) -> str:
        with self.gateway.store.db.read() as tx:
            row = tx.one("SELECT state FROM pickups WHERE case_number = ?", (case_number,))
        assert row is not None
        return str(row[0])

    def text_of(self, printer: FakePrinter, index: int = -1) -> str:
        pdf = printer.printed[index].pdf
        return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def kiosk(qtbot, qapp, tmp_path: Path) -> Iterator[Kiosk]:
    apply_theme(qapp, mode="kiosk")
    clock = FakeClock(dt.datetime(2026, 3, 2, 9, 30, tzinfo=HALL_TZ))
    with running_gateway(tmp_path / "gateway.db", clock=clock) as gateway, \
            FaultyProxy(gateway.url) as proxy:
        gateway.publish(_catalog())
        gateway.services.identity.publish_holders(*_holders())
        r = requests.put(
            f"{gateway.url}/v1/admin/queue/halls/{HALL}/areas",
            data=AreaSettingsList(areas=[AreaSettings(prefix="A", name="综合受理区")])
            .model_dump_json(),
            headers={"Authorization": f"Bearer {gateway.admin_token}",
                     "Content-Type": "application/json"},
            timeout=10,
        )
        assert r.status_code == 200, r.text
        term = terminal(gateway, tmp_path / "kiosk", hall_id=HALL, slot="K01", url=proxy.url)
        term.engine.pull()
        store = term.store
        receipt, a4 = FakePrinter("receipt"), FakePrinter("a4")
        print_queue = PrintQueue(store, printers={"receipt": receipt, "a4": a4}, clock=clock)
        print_queue.start(poll_seconds=0.05)
        sim = LockBoardSimulator(compartments=6)
        board = SerialLockBoard(sim.path, compartments=6, timeout=1.0, poll_interval=0.02)
        devices = FakeDevices(HealthBoard(clock=clock), {"receipt": receipt, "a4": a4},
                              locker=board)
        devices.refresh()
        wedge = WedgeScanBridge(clock=SteppingClock(step=0.005), now=clock.now)
        profile = TerminalProfile(terminal_id="K01", hall_id=HALL, name="自助终端 01")
        parts = build_kiosk_parts(
            app=qapp, store=store, profile=profile, devices=devices, print_queue=print_queue,
            clock=clock, resources=REPO / "resources", gateway_url=proxy.url,
            device=EnrolledDevice(data_dir=store.data_dir, credential=term.client.credential),
            signing_clock=lambda: clock.now().timestamp(), papers=_papers(), wedge=wedge,
            block_size=20,
        )
        assert parts.services is not None
        parts.services.locker_close_timeout = 20.0
        runner = TaskRunner()
        window = KioskWindow(
            catalog=CatalogCache(store, terminal_id="K01", home_hall_id=HALL),
            profile=parts.tiles(profile),
            language=LanguageManager(qapp, translations_dir=REPO / "resources" / "i18n"),
            runner=runner, now=clock.now, health=devices.health, services=parts.services,
            queue=parts.queue, help_client=parts.help_client, scans=parts.scans,
        )
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        yield Kiosk(gateway, term, proxy, window, parts, receipt, a4, print_queue, sim,
                    devices, wedge)
        window.close()
        runner.shutdown()
        parts.close()
        print_queue.stop()
        board.close()
        sim.close()
        term.close()


def _papers():  # noqa: ANN202 - documents.maker.PaperMaker, one font load per module
    from documents.maker import PaperMaker

    return PaperMaker(fonts=_fonts(), key=KEY)


def apply_with_resident_code(qtbot, kiosk: Kiosk, item_id: str) -> str:
    """Scan a 居民码 on the home screen, tap the item, 下一步, 提交; the receipt's number."""
    window = kiosk.window
    citizen = _holders()[0][0]
    window.go_home()
    kiosk.parts.scans.submit(_event(kiosk, kiosk.issue_code(citizen.name)))
    assert window.scan is not None
    qtbot.waitUntil(lambda: window.current_screen() is window.scan, timeout=5000)
    qtbot.waitUntil(lambda: window.scan.identified() is not None
                    or window.scan.message.property("role") == "badge-danger", timeout=10000)
    assert window.scan.identified() is not None, window.scan.message.text()
    button = next(b for b in window.scan.item_buttons() if b.objectName() == f"apply-{item_id}")
    kiosk.tap(qtbot, button)
    apply = window.apply
    assert apply is not None
    assert window.current_screen() is apply
    kiosk.tap(qtbot, apply.next_button)
    qtbot.waitUntil(lambda: apply.pages.currentWidget() is apply.review_page, timeout=5000)
    kiosk.tap(qtbot, apply.submit_button)
    qtbot.waitUntil(lambda: apply.pages.currentWidget() is apply.done_page, timeout=10000)
    return apply.number_label.text().split()[-1]


def _event(kiosk: Kiosk, text: str):  # noqa: ANN202 - core.scan.ScanEvent
    from core.scan import ScanSource, make_scan_event

    return make_scan_event(text, source=ScanSource.CAMERA, device_id="cam",
                           at=kiosk.gateway.clock.now())


def ready_for_pickup(qtbot, kiosk: Kiosk, item_id: str = PROOF) -> tuple[str, str]:
    """A case applied for at the kiosk and finished upstream: (official number, SMS code)."""
    provisional = apply_with_resident_code(qtbot, kiosk, item_id)
    kiosk.window.end_session()
    kiosk.sync()
    official = kiosk.official_number(provisional)
    result = kiosk.back_office(official)
    kiosk.sync()
    return official, str(result["pickup_code"])


def pick_up_by_code(qtbot, kiosk: Kiosk, code: str, tail: str) -> None:
    """From home: 自助取件, the code field, the code, the ID-tail field, the tail, 确定."""
    window = kiosk.window
    kiosk.tap(qtbot, window.home.tile_button(Tile.PICKUP))
    screen = window.pickup
    assert screen is not None
    assert window.current_screen() is screen
    kiosk.tap(qtbot, screen.code)
    qtbot.waitUntil(screen.code.hasFocus)
    kiosk.type_on(qtbot, screen.keyboard, code)
    kiosk.tap(qtbot, screen.tail)
    qtbot.waitUntil(screen.tail.hasFocus)
    kiosk.type_on(qtbot, screen.keyboard, tail.lower())
    kiosk.tap(qtbot, screen.ok)


def _answered(screen) -> bool:  # noqa: ANN001 - kiosk.pickup.PickupScreen
    text = screen.message.text()
    done = "取走" in screen.prompt.text() or "关好柜门" in screen.prompt.text()
    return done or (bool(text) and "请稍候" not in text)


def test_pickup_by_code_prints_the_result_once_and_a_second_attempt_is_refused_online_and_offline(
    qtbot, kiosk: Kiosk
):
    official, code = ready_for_pickup(qtbot, kiosk)
    tail = _holders()[0][0].id_number[-4:]

    kiosk.count_from_here()
    pick_up_by_code(qtbot, kiosk, code, tail)
    screen = kiosk.window.pickup
    qtbot.waitUntil(lambda: _answered(screen), timeout=20000)
    assert screen.prompt.text() == "结果文书已打印，请取走文件和取件凭条", screen.message.text()
    assert len(kiosk.taps) <= 4  # 自助取件, code field, tail field, 确定 (+ typing)
    assert kiosk.keys == len(code) + 4

    # the stamped result document: the platform's PDF with the kiosk's stamp
    result = kiosk.text_of(kiosk.a4)
    assert PROOF_RESULT in result
    assert official in result
    assert "张" in result or "*" in result  # the applicant appears masked only
    assert _holders()[0][0].name not in result
    assert "1.2.156.3005.2." in result  # the e-licence identifier
    # the 取件凭条
    qtbot.waitUntil(lambda: len(kiosk.receipt.printed) >= 2, timeout=10000)  # receipt, slip
    slip = kiosk.text_of(kiosk.receipt)
    assert "取件凭条" in slip
    assert official in slip
    assert _holders()[0][0].id_number not in slip

    # the gateway received pickup.collected
    kiosk.terminal.engine.push()
    assert kiosk.pickup_state(official) == "collected"
    with kiosk.gateway.store.db.read() as tx:
        kinds = [r[0] for r in tx.all("SELECT kind FROM inbox")]
    assert "pickup.collected" in kinds

    # the evaluation invitation follows the service; the citizen walks away instead
    assert kiosk.window.invite.isVisible()
    kiosk.window.end_session()
    printed = len(kiosk.a4.printed)

    # again, online (the collected record has been synced back): refused, nothing printed
    kiosk.sync()
    pick_up_by_code(qtbot, kiosk, code, tail)
    qtbot.waitUntil(lambda: _answered(screen), timeout=10000)
    assert "已于" in screen.message.text()
    kiosk.window.end_session()

    # again, with the gateway gone: still refused from this terminal's own claims
    kiosk.proxy.down = True
    pick_up_by_code(qtbot, kiosk, code, tail)
    qtbot.waitUntil(lambda: _answered(screen), timeout=10000)
    assert "已于" in screen.message.text()
    assert len(kiosk.a4.printed) == printed


def test_the_same_result_is_refused_offline_before_the_gateway_heard_of_the_pickup(
    qtbot, kiosk: Kiosk
):
    official, code = ready_for_pickup(qtbot, kiosk)
    tail = _holders()[0][0].id_number[-4:]
    kiosk.parts.upkeep.run_once()  # the background upkeep fetched the document ahead
    kiosk.proxy.down = True  # from now on the kiosk is cut off: the pickup is not synced
    pick_up_by_code(qtbot, kiosk, code, tail)
    screen = kiosk.window.pickup
    qtbot.waitUntil(lambda: _answered(screen), timeout=20000)
    assert "已打印" in screen.prompt.text(), screen.message.text()
    kiosk.window.end_session()
    pick_up_by_code(qtbot, kiosk, code, tail)
    qtbot.waitUntil(lambda: _answered(screen), timeout=10000)
    assert "已于" in screen.message.text()
    assert len(kiosk.a4.printed) == 1
    assert kiosk.pickup_state(official) == "waiting"  # the gateway has not heard yet
    kiosk.proxy.down = False
    kiosk.terminal.engine.push()
    assert kiosk.pickup_state(official) == "collected"


def test_printer_out_of_paper_tells_the_citizen_alerts_staff_and_the_result_waits(
    qtbot, kiosk: Kiosk
):
    official, code = ready_for_pickup(qtbot, kiosk)
    tail = _holders()[0][0].id_number[-4:]
    kiosk.a4.run_out_of_paper()
    pick_up_by_code(qtbot, kiosk, code, tail)
    screen = kiosk.window.pickup
    qtbot.waitUntil(lambda: _answered(screen), timeout=20000)
    assert "打印机故障" in screen.message.text()
    assert "出件窗口" in screen.message.text()
    # staff see it on the health board (and the heartbeat), the claim is released; the
    # failed job reaches the board through the print queue's own signal, which may be
    # delivered just after the screen's answer
    def a4_health() -> DeviceHealth:
        return next(d for d in kiosk.devices.health.devices() if d.device_id == "a4")

    qtbot.waitUntil(lambda: not a4_health().usable, timeout=5000)
    assert "缺纸" in a4_health().staff_message
    services = kiosk.parts.services
    assert services.pickups.stuck() == []
    assert [o.case_number for o in services.pickups.offers()] == [official]
    failed = [j for j in kiosk.print_queue.jobs_for_case(official) if j.paper == "result_document"]
    assert [j.state for j in failed] == [JobState.CANCELLED]  # never printed unclaimed later
    assert kiosk.a4.printed == []
    assert not kiosk.window.invite.isVisible()  # no service, no evaluation

    # refilled: the device check clears the alert and the citizen comes back for it
    kiosk.window.end_session()
    kiosk.a4.refill()
    kiosk.parts.upkeep.run_once()
    assert next(d for d in kiosk.devices.health.devices() if d.device_id == "a4").usable
    pick_up_by_code(qtbot, kiosk, code, tail)
    qtbot.waitUntil(lambda: _answered(screen), timeout=20000)
    assert "已打印" in screen.prompt.text(), screen.message.text()
    assert PROOF_RESULT in kiosk.text_of(kiosk.a4)


def test_a_slip_the_receipt_printer_could_not_print_is_reprinted_after_refilling(
    qtbot, kiosk: Kiosk
):
    official, code = ready_for_pickup(qtbot, kiosk)
    kiosk.receipt.run_out_of_paper()
    pick_up_by_code(qtbot, kiosk, code, _holders()[0][0].id_number[-4:])
    screen = kiosk.window.pickup
    qtbot.waitUntil(lambda: _answered(screen), timeout=20000)
    assert "已打印" in screen.prompt.text()  # the result itself came out of the A4 printer

    def slip_failed() -> bool:
        jobs = kiosk.print_queue.jobs_for_case(official)
        return any(j.paper == "pickup_slip" and j.state is JobState.FAILED for j in jobs)

    qtbot.waitUntil(slip_failed, timeout=10000)
    receipt = next(d for d in kiosk.devices.health.devices() if d.device_id == "receipt")
    assert not receipt.usable
    kiosk.receipt.refill()
    (slip,) = [j for j in kiosk.print_queue.failed() if j.paper == "pickup_slip"]
    kiosk.print_queue.reprint(slip.id)  # staff, from the health board
    qtbot.waitUntil(lambda: kiosk.print_queue.get(slip.id).state is JobState.DONE,
                    timeout=10000)
    assert "取件凭条" in kiosk.text_of(kiosk.receipt)


def test_pickup_from_a_locker_opens_the_compartment_and_prints_the_slip(qtbot, kiosk: Kiosk):
    # this hall also hands the certificate out from its lockers
    catalog = _catalog()
    items = tuple(
        i.model_copy(update={"delivery": (*i.delivery, DeliveryMethod.LOCKER)})
        if i.id == PROOF else i
        for i in catalog.items
    )
    kiosk.gateway.publish(catalog.model_copy(update={"version": catalog.version + 1,
                                                     "items": items}))
    kiosk.sync()
    official, _ = ready_for_pickup(qtbot, kiosk)
    # the clerk puts the card in compartment 3 and sends the code (统一出件 at the window)
    clerk = kiosk.gateway.enrol(hall_id=HALL, slot="W01")
    r = clerk.post(f"/v1/results/{official}/pickup", json={
        "method": "locker", "compartment": str(COMPARTMENT), "clerk_id": "wh-clerk"})
    assert r.status_code == 200, r.text
    code = r.json()["code"]
    kiosk.lockers.put(COMPARTMENT)
    kiosk.sync()

    pick_up_by_code(qtbot, kiosk, code, _holders()[0][0].id_number[-4:])
    qtbot.waitUntil(lambda: kiosk.lockers.compartments[COMPARTMENT].door_open, timeout=10000)
    screen = kiosk.window.pickup
    kiosk.lockers.put(COMPARTMENT, present=False)  # the citizen takes the card …
    kiosk.lockers.close_door(COMPARTMENT)  # … and shuts the door
    qtbot.waitUntil(lambda: "号格口" in screen.prompt.text(), timeout=10000)
    assert f"{COMPARTMENT} 号格口" in screen.prompt.text()
    qtbot.waitUntil(lambda: len(kiosk.receipt.printed) >= 2, timeout=10000)
    slip = kiosk.text_of(kiosk.receipt)
    assert "取件凭条" in slip
    assert official in slip
    assert kiosk.a4.printed == []
    kiosk.terminal.engine.push()
    assert kiosk.pickup_state(official) == "collected"
    assert not any(d.device_id == "locker" and not d.usable
                   for d in kiosk.devices.health.devices())


def test_progress_by_the_receipt_qr_through_the_wedge_and_by_the_typed_number(
    qtbot, kiosk: Kiosk, tmp_path: Path
):
    provisional = apply_with_resident_code(qtbot, kiosk, PROOF)
    qtbot.waitUntil(lambda: len(kiosk.receipt.printed) == 1, timeout=10000)
    kiosk.window.end_session()
    kiosk.sync()

    # the QR printed on the 受理凭证, read off the paper as a camera would
    pdf = tmp_path / "receipt.pdf"
    pdf.write_bytes(kiosk.receipt.printed[0].pdf)
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-singlefile", str(pdf),
                    str(tmp_path / "receipt")], check=True)
    codes = decode(Image.open(tmp_path / "receipt.png"))
    payload = next(c.data.decode() for c in codes if c.data.startswith(b"GT1:"))

    kiosk.count_from_here()
    window = kiosk.window
    assert window.current_screen() is window.home
    kiosk.wedge_scan(qtbot, payload)  # the USB scanner types it on the home screen
    progress = window.progress
    qtbot.waitUntil(lambda: progress.current() is not None, timeout=10000)
    assert window.current_screen() is progress
    assert kiosk.taps == []  # no tap at all: scanning the paper is the whole task
    official = kiosk.official_number(provisional)
    assert official in progress.state.text() or official in progress.details.text()

    # by the number typed on the keyboard
    window.end_session()
    kiosk.tap(qtbot, window.home.tile_button(Tile.PROGRESS))
    kiosk.tap(qtbot, progress.entry.field)
    kiosk.type_on(qtbot, progress.entry.keyboard, official)
    kiosk.tap(qtbot, progress.entry.ok)
    qtbot.waitUntil(lambda: progress.current() is not None, timeout=10000)
    assert progress.current().record.official_number == official
