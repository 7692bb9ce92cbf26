"""Staff mode of the kiosk: the PIN pad and the maintenance console, driven by taps.

A real store (print queue, pickup claims, audit chain, accounts) on a temporary folder,
fake printers that record what they print, the lock board simulated on a
pseudo-terminal; only the scrypt cost of the test PINs is lowered.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from reportlab.pdfgen.canvas import Canvas

from core.accounts import Account, Accounts, AuditNote, Clerk, ScryptParams, hash_secret
from core.case import Role
from core.terminal import Tile
from devices.health import Health, HealthBoard
from devices.health import Role as DeviceRole
from kiosk.staff import (
    CONFIGURED_STAFF,
    STAFF_IDLE_S,
    Purpose,
    StaffDesk,
    StaffEntryGesture,
    StaffScreen,
    TerminalInfo,
    build_staff_desk,
    staff_pin_check,
)
from sync.accounts_store import AccountStore
from sync.audit import AuditLog
from sync.cases import PickupLedger
from sync.print_queue import JobState, PrintQueue
from sync.status import AttentionItem, StatusBoard, SyncStatus
from sync.store import ChangeRow, Store, open_store
from tests.helpers.clock import FakeClock
from tests.helpers.printer import FakePrinter
from widgets.task_runner import TaskRunner

HALL = "H-HC-01"
PIN = "258036"
OTHER_HALL_PIN = "582046"
CHEAP = ScryptParams(n=2**4)  # the real cost is for attackers, not for tests


def _account(account_id: str, name: str, pin: str, hall: str = HALL) -> Account:
    return Account(
        clerk=Clerk(id=account_id, name=name, roles=(Role.CLERK,), hall_id=hall),
        password_hash=hash_secret("Passw0rd!", params=CHEAP),
        pin_hash=hash_secret(pin, params=CHEAP),
    )


def _pdf(text: str) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(226, 300))
    canvas.drawString(20, 250, text)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


@dataclasses.dataclass
class Desk:
    store: Store
    clock: FakeClock
    audit: AuditLog
    queue: PrintQueue
    receipt: FakePrinter
    a4: FakePrinter
    health: HealthBoard
    board: StatusBoard
    desk: StaffDesk
    quits: list[str]

    def actions(self) -> list[str]:
        return [e.action for e in self.audit.entries()]


@pytest.fixture
def world(tmp_path: Path) -> Iterator[Desk]:
    clock = FakeClock(dt.datetime(2026, 3, 2, 2, 10, tzinfo=dt.timezone(dt.timedelta(hours=8))))
    store = open_store(tmp_path / "data")
    audit = AuditLog(store=store, now=clock.now, terminal_id="T-HC-03")
    repository = AccountStore(store=store, audit=audit)
    for account in (_account("hc-wangfang", "王芳", PIN),
                    _account("rs-zhaolei", "赵磊", OTHER_HALL_PIN, hall="H-RS-01")):
        repository.save(account, AuditNote(actor="system", action="account.seeded",
                                           subject=f"account:{account.id}"))
    accounts = Accounts(repository=repository, clock=clock, terminal_id="T-HC-03", params=CHEAP)
    receipt, a4 = FakePrinter("receipt"), FakePrinter("a4")
    queue = PrintQueue(store, printers={"receipt": receipt, "a4": a4}, clock=clock)
    queue.start(poll_seconds=0.05)
    health = HealthBoard(clock=clock)
    health.report_ok("receipt", DeviceRole.RECEIPT_PRINTER)
    health.report_ok("a4", DeviceRole.A4_PRINTER)
    board = StatusBoard(SyncStatus(online=True, last_pull={"items": clock.now()}))
    quits: list[str] = []
    desk = build_staff_desk(
        store=store, audit=audit, accounts=accounts, hall_id=HALL, clock=clock,
        info=TerminalInfo(terminal_id="T-HC-03", hall="H-HC-01 环翠区政务服务中心",
                          version="1.4.0", data_dir=str(tmp_path / "data"),
                          log_path=str(tmp_path / "data" / "logs" / "govterm.log")),
        print_queue=queue, printers=("receipt", "a4"), health=health, sync_status=board,
    )
    desk = dataclasses.replace(desk, quit=lambda: quits.append("quit"),
                               reload_catalog=lambda: quits.append("reload"))
    yield Desk(store, clock, audit, queue, receipt, a4, health, board, desk, quits)
    queue.stop()
    store.close()


@pytest.fixture
def screen(qtbot, kiosk_app: QApplication, world: Desk, runner: TaskRunner) -> StaffScreen:
    widget = StaffScreen(desk=world.desk, runner=runner)
    widget.resize(1920, 1000)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.reset()
    return widget


def tap(qtbot, button: QAbstractButton) -> None:
    qtbot.waitUntil(button.isVisible, timeout=3000)
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_pin(qtbot, screen: StaffScreen, pin: str) -> None:
    for digit in pin:
        tap(qtbot, screen.pad.keys[digit])
        assert not any(c.isdigit() for c in screen.pad.dots.text())  # never echoed
    tap(qtbot, screen.pad.ok_button)


def sign_in(qtbot, screen: StaffScreen, pin: str = PIN) -> None:
    type_pin(qtbot, screen, pin)
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.console, timeout=5000)


def find(screen: QWidget, cls: type, name: str) -> QWidget | None:
    """The visible widget ``name`` (rows being replaced linger hidden until deleted)."""
    shown = [w for w in screen.findChildren(cls, name) if w.isVisible()]
    return shown[0] if shown else None


def wait_for(qtbot, screen: QWidget, name: str) -> QWidget:
    qtbot.waitUntil(lambda: find(screen, QWidget, name) is not None, timeout=5000)
    widget = find(screen, QWidget, name)
    assert widget is not None
    return widget


def wait_button(qtbot, screen: QWidget, name: str) -> QAbstractButton:
    qtbot.waitUntil(lambda: find(screen, QAbstractButton, name) is not None, timeout=5000)
    return find(screen, QAbstractButton, name)  # type: ignore[return-value]


# ---- the PIN ------------------------------------------------------------------------------


def test_wrong_pins_lock_the_pad_with_a_countdown_and_every_try_is_audited(
    qtbot, screen: StaffScreen, world: Desk
):
    for attempt in range(1, 5):
        type_pin(qtbot, screen, "111111")
        qtbot.waitUntil(lambda: "不正确" in screen.pad.message.text(), timeout=5000)
        assert str(5 - attempt) in screen.pad.message.text()
        assert screen.pad.keys["1"].isEnabled()
        screen.pad.message.clear_message()
    type_pin(qtbot, screen, OTHER_HALL_PIN)  # another hall's clerk: no entry here
    qtbot.waitUntil(lambda: "已锁定" in screen.pad.message.text(), timeout=5000)
    assert "02:25" in screen.pad.message.text()  # until 15 minutes from now
    assert "15 分 00 秒" in screen.pad.message.text() or "14 分" in screen.pad.message.text()
    assert not screen.pad.keys["2"].isEnabled()
    assert screen.pages.currentWidget() is screen.pad_page
    actions = world.actions()
    assert actions.count("kiosk.staff_pin_failed") == 4
    assert actions.count("kiosk.staff_pin_locked") == 1
    assert "kiosk.staff_entered" not in actions

    # the countdown runs out: the pad takes PINs again
    world.clock.advance(minutes=15, seconds=1)
    qtbot.waitUntil(screen.pad.keys["2"].isEnabled, timeout=3000)
    assert screen.pad.message.text() == ""
    sign_in(qtbot, screen)


def test_the_right_pin_opens_the_console_and_is_audited(qtbot, screen: StaffScreen, world: Desk):
    sign_in(qtbot, screen)
    assert screen.staff() is not None
    assert "王芳" in screen.who.text()
    entered = [e for e in world.audit.entries() if e.action == "kiosk.staff_entered"]
    assert [e.actor for e in entered] == ["hc-wangfang"]
    assert world.audit.verify_chain().ok
    # the device list shows each device, its state and since when
    device = wait_button(qtbot, screen, "StaffCheckDevices")
    assert device.isVisible()
    texts = [w.text() for w in screen.findChildren(QLabel) if w.isVisible()]
    assert any("小票打印机 receipt：正常" in t for t in texts), texts
    assert any("2026-03-02 02:10" in t for t in texts)


def test_the_configured_terminal_pin_opens_staff_mode_too(world: Desk):
    check = staff_pin_check(accounts=None, hall_id=HALL,
                            pin_hash=hash_secret("700913", params=CHEAP))
    clerk = check("700913")
    assert clerk is not None
    assert clerk.id == CONFIGURED_STAFF
    assert check(PIN) is None
    assert world.desk.enter(PIN, Purpose.ENTER).id == "hc-wangfang"


# ---- printing ------------------------------------------------------------------------------


def test_a_paper_that_failed_on_paper_out_is_listed_previewed_and_reprinted_after_refill(
    qtbot, screen: StaffScreen, world: Desk
):
    world.receipt.run_out_of_paper()
    slip = _pdf("pickup slip 0007")
    job_id = world.queue.submit(slip, paper="pickup_slip", title="取件凭条 T-HC-03-0007",
                                printer="receipt")
    qtbot.waitUntil(lambda: world.queue.get(job_id).state is JobState.FAILED, timeout=5000)
    sign_in(qtbot, screen)
    tap(qtbot, screen.section_buttons["printing"])
    row = wait_button(qtbot, screen, f"StaffJob-{job_id}")
    assert "打印失败" in row.text()
    assert "取件凭条 T-HC-03-0007" in row.text()
    assert "纸" in row.text()  # the printer's own words: out of paper
    tap(qtbot, row)
    qtbot.waitUntil(lambda: not screen.preview.pixmap().isNull(), timeout=5000)
    assert screen.job_title.text() == "取件凭条 T-HC-03-0007"

    world.receipt.refill()
    tap(qtbot, screen.printer_buttons["receipt"])
    tap(qtbot, screen.reprint_button)
    qtbot.waitUntil(lambda: len(world.receipt.printed) == 1, timeout=5000)
    assert world.receipt.printed[0].pdf == slip
    assert "pickup slip 0007" in PdfReader(io.BytesIO(world.receipt.printed[0].pdf)).pages[0] \
        .extract_text()
    qtbot.waitUntil(lambda: "重新送往" in screen.message.text(), timeout=5000)
    reprinted = [e for e in world.audit.entries() if e.action == "print.reprinted"]
    assert reprinted[0].actor == "hc-wangfang"
    assert reprinted[0].details["printer"] == "receipt"


def test_a_failed_paper_goes_to_another_printer_or_is_cancelled(
    qtbot, screen: StaffScreen, world: Desk
):
    world.receipt.run_out_of_paper()
    first = world.queue.submit(_pdf("receipt one"), paper="acceptance_receipt",
                               title="受理凭证 1", printer="receipt")
    second = world.queue.submit(_pdf("receipt two"), paper="acceptance_receipt",
                                title="受理凭证 2", printer="receipt")
    qtbot.waitUntil(lambda: len(world.queue.failed()) == 2, timeout=5000)
    sign_in(qtbot, screen)
    tap(qtbot, screen.section_buttons["printing"])
    tap(qtbot, wait_button(qtbot, screen, f"StaffJob-{first}"))
    tap(qtbot, screen.printer_buttons["a4"])  # the receipt printer is still empty
    tap(qtbot, screen.reprint_button)
    qtbot.waitUntil(lambda: len(world.a4.printed) == 1, timeout=5000)
    assert world.a4.printed[0].title == "受理凭证 1"

    tap(qtbot, wait_button(qtbot, screen, f"StaffJob-{second}"))
    qtbot.waitUntil(screen.cancel_job_button.isEnabled, timeout=5000)
    tap(qtbot, screen.cancel_job_button)
    qtbot.waitUntil(lambda: world.queue.get(second).state is JobState.CANCELLED, timeout=5000)
    qtbot.waitUntil(lambda: find(screen, QAbstractButton, f"StaffJob-{second}") is None,
                    timeout=5000)
    assert world.receipt.printed == []
    assert "print.cancelled" in world.actions()


def test_a_test_page_prints_on_the_chosen_printer(qtbot, screen: StaffScreen, world: Desk):
    sign_in(qtbot, screen)
    tap(qtbot, screen.section_buttons["printing"])
    tap(qtbot, wait_button(qtbot, screen, "StaffTestPage"))
    qtbot.waitUntil(lambda: len(world.receipt.printed) == 1, timeout=5000)
    text = PdfReader(io.BytesIO(world.receipt.printed[0].pdf)).pages[0].extract_text()
    assert "Printer" in text  # Qt's PDF maps CJK-font digits oddly for text extraction
    assert "receipt" in text
    assert "print.test_page" in world.actions()


# ---- pickups, lockers, sync, terminal ------------------------------------------------------


def _stuck_claim(world: Desk) -> str:
    pickup_id = "PA1B2C3D4E5F6"
    doc = {
        "pickup_id": pickup_id,
        "case_number": "37100020260302000001",
        "item_name": "住房公积金缴存使用证明出具",
        "result": {"result_name": "缴存证明"},
        "delivery": "kiosk_print",
        "applicant": "张*",
        "code_sha256": hashlib.sha256(b"x").hexdigest(),
        "id_tail_sha256": hashlib.sha256(b"y").hexdigest(),
        "state": "waiting",
        "ready_at": "2026-03-01T10:00:00+08:00",
    }
    world.store.apply_page("pickups", [ChangeRow("upsert", pickup_id, 1, doc)], "p1")
    ledger = PickupLedger(store=world.store, audit=world.audit)
    (offer,) = ledger.offers()
    ledger.claim(offer, method="print", verified_by="pickup_code", actor="kiosk-session-1")
    return pickup_id


def test_a_stuck_pickup_claim_is_released_after_checking_with_the_citizen(
    qtbot, screen: StaffScreen, world: Desk
):
    pickup_id = _stuck_claim(world)
    ledger = PickupLedger(store=world.store, audit=world.audit)
    assert ledger.stuck() == [pickup_id]
    sign_in(qtbot, screen)
    tap(qtbot, screen.section_buttons["pickups"])
    release = wait_button(qtbot, screen, f"StaffRelease-{pickup_id}")
    card = wait_for(qtbot, screen, f"StaffClaim-{pickup_id}")
    shown = " ".join(w.text() for w in card.findChildren(QLabel))
    assert "37100020260302000001" in shown
    assert "张*" in shown
    tap(qtbot, release)
    qtbot.waitUntil(lambda: ledger.stuck() == [], timeout=5000)
    assert [o.pickup_id for o in ledger.offers()] == [pickup_id]  # can be picked up again
    released = [e for e in world.audit.entries() if e.action == "pickup.released"]
    assert released[0].actor == "hc-wangfang"
    qtbot.waitUntil(lambda: find(screen, QAbstractButton, f"StaffRelease-{pickup_id}")
                    is None, timeout=5000)


def test_a_stuck_claim_the_citizen_did_get_is_confirmed(qtbot, screen: StaffScreen, world: Desk):
    pickup_id = _stuck_claim(world)
    sign_in(qtbot, screen)
    tap(qtbot, screen.section_buttons["pickups"])
    tap(qtbot, wait_button(qtbot, screen, f"StaffConfirm-{pickup_id}"))
    ledger = PickupLedger(store=world.store, audit=world.audit)
    qtbot.waitUntil(lambda: ledger.stuck() == [], timeout=5000)
    assert ledger.offers() == []  # collected: not offered again
    assert "decision.pickup" in world.actions()


def test_a_locker_compartment_is_opened_for_maintenance(
    qtbot, kiosk_app, world: Desk, runner: TaskRunner
):
    from devices.lockers.board import SerialLockBoard
    from devices.lockers.simulator import LockBoardSimulator

    sim = LockBoardSimulator(compartments=6)
    board = SerialLockBoard(sim.path, compartments=6, timeout=1.0, poll_interval=0.02)
    try:
        sim.put(2)
        desk = dataclasses.replace(world.desk, locker=board)
        widget = StaffScreen(desk=desk, runner=runner)
        qtbot.addWidget(widget)
        widget.show()
        widget.reset()
        sign_in(qtbot, widget)
        tap(qtbot, widget.section_buttons["lockers"])
        compartment = wait_button(qtbot, widget, "StaffCompartment-2")
        assert "有件" in compartment.text()
        assert "门关" in compartment.text()
        tap(qtbot, compartment)
        qtbot.waitUntil(lambda: sim.compartments[2].door_open, timeout=5000)
        qtbot.waitUntil(lambda: "门开" in wait_button(qtbot, widget, "StaffCompartment-2")
                        .text(), timeout=5000)
        opened = [e for e in world.audit.entries() if e.action == "locker.opened"]
        assert opened[0].subject == "locker:2"
        assert opened[0].actor == "hc-wangfang"
    finally:
        board.close()
        sim.close()


def test_sync_status_shows_data_age_pending_events_and_rejections_with_reasons(
    qtbot, screen: StaffScreen, world: Desk
):
    world.board.update(
        online=False,
        offline_since=world.clock.now() - dt.timedelta(minutes=20),
        pending=7,
        last_pull={"items": world.clock.now() - dt.timedelta(hours=3),
                   "pickups": world.clock.now() - dt.timedelta(minutes=20)},
        needs_attention=(AttentionItem(seq=41, event_id="e-41", kind="case.submitted",
                                       code="case.unknown_item", message="事项已停用",
                                       created_at="2026-03-01T16:05:00+08:00"),),
    )
    sign_in(qtbot, screen)
    tap(qtbot, screen.section_buttons["sync"])

    def shown() -> str:
        page = screen.sections.currentWidget()
        return "\n".join(w.text() for w in page.findChildren(QLabel))

    qtbot.waitUntil(lambda: "事项已停用" in shown(), timeout=5000)
    text = shown()
    assert "离线（自 03-02 01:50 起）" in text
    assert "待上传事件 7 条" in text
    assert "items：3 小时前" in text
    assert "pickups：20 分钟前" in text
    assert "case.unknown_item" in text


def test_terminal_info_and_reloading_the_catalog(qtbot, screen: StaffScreen, world: Desk):
    sign_in(qtbot, screen)
    tap(qtbot, screen.section_buttons["terminal"])
    reload_button = wait_button(qtbot, screen, "StaffReload")
    page = screen.sections.currentWidget()
    text = "\n".join(w.text() for w in page.findChildren(QLabel))
    for fact in ("T-HC-03", "环翠区政务服务中心", "1.4.0", "govterm.log", "systemctl"):
        assert fact in text
    tap(qtbot, reload_button)
    qtbot.waitUntil(lambda: "reload" in world.quits, timeout=5000)
    assert "kiosk.catalog_reloaded" in world.actions()


# ---- leaving ---------------------------------------------------------------------------------


def test_exit_asks_for_the_pin_again_then_closes_the_program(
    qtbot, screen: StaffScreen, world: Desk
):
    sign_in(qtbot, screen)
    tap(qtbot, screen.section_buttons["terminal"])
    tap(qtbot, wait_button(qtbot, screen, "StaffExit"))
    assert screen.pages.currentWidget() is screen.pad_page
    assert screen.pad.title.text() == "退出自助模式"
    assert world.quits == []
    # 取消 goes back to the console, still signed in
    tap(qtbot, screen.pad.cancel_button)
    assert screen.pages.currentWidget() is screen.console
    tap(qtbot, wait_button(qtbot, screen, "StaffExit"))
    type_pin(qtbot, screen, "999999")
    qtbot.waitUntil(lambda: "不正确" in screen.pad.message.text(), timeout=5000)
    assert world.quits == []
    with qtbot.waitSignal(screen.exit_confirmed, timeout=5000):
        type_pin(qtbot, screen, PIN)
    assert world.quits == ["quit"]
    assert world.actions()[-1] == "kiosk.exit"


def test_leaving_the_screen_locks_the_console(qtbot, screen: StaffScreen, world: Desk):
    sign_in(qtbot, screen)
    with qtbot.waitSignal(screen.left, timeout=2000):
        tap(qtbot, screen.back_button)
    screen.hide()
    assert screen.staff() is None
    assert screen.pages.currentWidget() is screen.pad_page
    qtbot.waitUntil(lambda: "kiosk.staff_left" in world.actions(), timeout=5000)


# ---- in the kiosk window --------------------------------------------------------------------


@pytest.fixture
def staffed_window(qtbot, language, runner, catalog, profile, world: Desk):  # noqa: PLR0917
    from kiosk.window import KioskWindow

    ticks = [1000.0]
    window = KioskWindow(catalog=catalog, profile=profile, language=language, runner=runner,
                         now=lambda: dt.datetime(2026, 3, 2, 2, 10),
                         idle_clock=lambda: ticks[0], staff=world.desk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.findChild(StaffEntryGesture) is not None, timeout=3000)
    return window, ticks


def _footer_terminal(window: QWidget) -> QLabel:
    label = window.footer.findChild(QLabel, "FooterTerminal")
    assert label is not None
    return label


def test_five_taps_on_the_terminal_number_wipe_the_session_and_ask_for_a_pin(
    qtbot, staffed_window, world: Desk
):
    window, ticks = staffed_window
    window.open_tile(Tile.SEARCH)  # a citizen is searching
    window.session.keep("identity", "张三 370102199001011237")
    label = _footer_terminal(window)
    for _ in range(4):
        qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
    assert window.current_screen() is window.search  # four taps are not the gesture
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
    staff = window.staff
    assert staff is not None
    assert window.current_screen() is staff
    assert window.session.get("identity") is None  # the citizen's session was wiped
    assert staff.pages.currentWidget() is staff.pad_page

    sign_in(qtbot, staff)
    # nobody touches it: staff mode has its longer timeout, then home and locked
    assert STAFF_IDLE_S > 60
    ticks[0] += 120
    window.idle.poll()
    assert window.current_screen() is staff
    ticks[0] += STAFF_IDLE_S
    window.idle.poll()
    qtbot.waitUntil(lambda: window.current_screen() is window.home, timeout=5000)
    assert staff.staff() is None
    qtbot.waitUntil(lambda: "kiosk.staff_left" in world.actions(), timeout=5000)


def test_taps_spread_over_more_than_three_seconds_do_not_open_staff_mode(
    qtbot, staffed_window
):
    window, ticks = staffed_window
    label = _footer_terminal(window)
    for _ in range(5):
        qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
        ticks[0] += 1.0
    assert window.current_screen() is window.home


# ---- pictures ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("size", "lang"), [((1920, 1000), "zh_CN"), ((1080, 1800), "en")])
def test_render_the_pin_pad_and_the_console(  # noqa: PLR0917 - pytest fixtures
    qtbot, screen: StaffScreen, world: Desk, language, size, lang, tmp_path: Path
):
    out = Path(os.environ.get("GOVTERM_RENDER_DIR", tmp_path))
    world.receipt.run_out_of_paper()
    world.queue.submit(_pdf("slip"), paper="pickup_slip", title="取件凭条 T-HC-03-0007",
                       printer="receipt")
    qtbot.waitUntil(lambda: bool(world.queue.failed()), timeout=5000)
    world.health.report("receipt", DeviceRole.RECEIPT_PRINTER, Health.UNAVAILABLE,
                        staff_message="小票打印机缺纸，请更换纸卷后点“重新检测设备”")
    language.set_language(lang)
    screen.resize(*size)
    tag = f"{size[0]}x{size[1]}-{lang}"
    pictures: dict[str, Callable[[], None]] = {
        "pad": lambda: None,
        "devices": lambda: (sign_in(qtbot, screen),
                            wait_for(qtbot, screen, "StaffDevice-receipt")),
        "printing": lambda: _open_job(qtbot, screen),
    }
    for name, step in pictures.items():
        step()
        QApplication.processEvents()
        image = screen.grab()
        assert image.width() == size[0]
        assert image.save(str(out / f"staff-{name}-{tag}.png"))
    language.set_language("zh_CN")


def _open_job(qtbot, screen: StaffScreen) -> None:
    tap(qtbot, screen.section_buttons["printing"])

    def rows() -> list[QAbstractButton]:
        return [b for b in screen.findChildren(QAbstractButton)
                if b.objectName().startswith("StaffJob-") and b.isVisible()]

    qtbot.waitUntil(lambda: bool(rows()), timeout=5000)
    tap(qtbot, rows()[0])
    qtbot.waitUntil(lambda: not screen.preview.pixmap().isNull(), timeout=5000)
