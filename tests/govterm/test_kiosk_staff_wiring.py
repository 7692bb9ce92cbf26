"""Staff mode in ``govterm kiosk`` as the composition root builds it.

The kiosk's second start (enrolled, hall known) makes its gateway link after the first
paint; staff mode is still there: five taps on the footer's terminal number, the PIN
pad, a demo clerk's PIN (王芳 of 威海市政务服务中心), and the console shows the devices,
the print job that failed on paper out and the sync status of the link made later.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from core.terminal import Tile
from devices.printers.folder import PAPER_OUT_FLAG
from sync.accounts_store import AccountStore, seed_demo_clerks
from sync.audit import AuditLog
from sync.print_queue import JobState
from sync.store import open_store
from tests.govterm.test_kiosk_wiring import (  # noqa: F401 - fixtures
    HALL,
    boot,
    close,
    demo_catalog,
    gateway,
    settings_for,
)
from tests.helpers.gateway import RunningGateway

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

DEMO_PIN = "258036"  # 王芳 (wh-wangfang), resources/demo/clerks.json


def _tap(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.waitUntil(widget.isVisible, timeout=5000)
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _shown_text(widget: QWidget) -> str:
    return "\n".join(w.text() for w in widget.findChildren(QLabel) if w.isVisible())


def _visible_button(widget: QWidget, name: str) -> QAbstractButton | None:
    shown = [b for b in widget.findChildren(QAbstractButton, name) if b.isVisible()]
    return shown[0] if shown else None


def test_five_taps_and_a_demo_clerks_pin_open_staff_mode_in_a_real_run(
    qapp: object, qtbot: QtBot, tmp_path: Path, gateway: RunningGateway  # noqa: F811
) -> None:
    data = tmp_path / "kiosk"
    settings = _enrolled_with_demo_clerks(qapp, qtbot, gateway, data)

    ui = boot(qapp, settings, data)  # type: ignore[arg-type]  # the second start links after the first paint
    try:
        window = ui.window
        assert ui.sync is None  # not linked before the window shows
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: ui.sync is not None, timeout=10_000)
        # a paper that failed while the receipt printer was out of paper
        flags = [data / "papers" / which / PAPER_OUT_FLAG for which in ("receipt", "a4")]
        for flag in flags:
            flag.parent.mkdir(parents=True, exist_ok=True)
            flag.touch()
        job = ui.print_queue.submit(b"%PDF-1.4\n%%EOF\n", paper="test_page",
                                    title="打印测试页", printer="receipt")
        qtbot.waitUntil(lambda: ui.print_queue.get(job).state is JobState.FAILED,
                        timeout=10_000)

        label = window.footer.findChild(QLabel, "FooterTerminal")  # type: ignore[attr-defined]
        assert label is not None
        qtbot.mouseClick(window.home.tile_button(Tile.SEARCH), Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: _gesture_ready(window), timeout=5000)
        for _ in range(5):
            qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
        staff = window.staff  # type: ignore[attr-defined]
        assert staff is not None
        assert window.current_screen() is staff  # type: ignore[attr-defined]
        assert staff.pages.currentWidget() is staff.pad_page
        for digit in DEMO_PIN:
            _tap(qtbot, staff.pad.keys[digit])
        _tap(qtbot, staff.pad.ok_button)
        qtbot.waitUntil(lambda: staff.pages.currentWidget() is staff.console, timeout=10_000)
        assert "王芳" in staff.who.text()

        # devices: the printers the composition root opened, out of paper
        qtbot.waitUntil(lambda: "receipt" in _shown_text(staff), timeout=5000)
        # print jobs: the paper that failed, to reprint after a refill
        _tap(qtbot, staff.section_buttons["printing"])
        qtbot.waitUntil(lambda: _visible_button(staff, f"StaffJob-{job}") is not None,
                        timeout=5000)
        # sync status: the link made after the first paint
        _tap(qtbot, staff.section_buttons["sync"])
        qtbot.waitUntil(lambda: "在线" in _shown_text(staff.sections.currentWidget()),
                        timeout=15_000)
        for flag in flags:
            flag.unlink()
    finally:
        close(ui)
    store = open_store(data)
    try:
        audit = AuditLog(store=store)
        actions = [(e.actor, e.action) for e in audit.entries()]
    finally:
        store.close()
    assert ("wh-wangfang", "kiosk.staff_entered") in actions


def _enrolled_with_demo_clerks(
    qapp: object, qtbot: QtBot, gateway: RunningGateway, data: Path  # noqa: F811
) -> object:
    """A first start (enrolment, the hall pulled), then the demo clerks seeded."""
    code = gateway.store.create_enrolment_code(hall_id=HALL, slot="K05", valid_seconds=600).code
    settings = settings_for(data, gateway_url=gateway.url, gateway_enrolment_code=code)
    ui = boot(qapp, settings, data)
    try:
        qtbot.waitUntil(lambda: ui.store.cached_doc("halls", HALL) is not None, timeout=15_000)
    finally:
        close(ui)
    store = open_store(data)
    try:
        seed_demo_clerks(AccountStore(store=store, audit=AuditLog(store=store)))
    finally:
        store.close()
    return settings


def _gesture_ready(window: QWidget) -> bool:
    from kiosk.staff import StaffEntryGesture

    return window.findChild(StaffEntryGesture) is not None
