"""预约签到 on the wired kiosk against a real gateway: by code in one request, by 居民码.

The appointment code goes straight to the gateway, which knows the booking's
business area; a scanned 居民码 finds today's bookings of its holder: one is checked
in at once, several are offered to choose from, used or missed ones are said as such,
and nothing is checked in while the gateway is out of reach.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
import requests

from core.scan import ScanEvent, ScanSource
from core.terminal import Tile
from tests.e2e import test_kiosk_tasks
from tests.e2e.test_kiosk_citizen import _holders
from tests.e2e.test_kiosk_tasks import HALL, Hall

hall = test_kiosk_tasks.hall  # the wired kiosk fixture, shared

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _book(hall: Hall, *entries: dict[str, object]) -> None:
    hall.admin("POST", f"/v1/admin/queue/halls/{HALL}/appointments",
               json.dumps({"appointments": list(entries)}))


def _slot(hall: Hall, reference: str, area: str, start_min: int, *,
          holder: str | None = None) -> dict[str, object]:
    start = hall.gateway.clock.now() + dt.timedelta(minutes=start_min)
    entry: dict[str, object] = {
        "reference": reference, "area": area,
        "slot_start": start.isoformat(),
        "slot_end": (start + dt.timedelta(minutes=30)).isoformat(),
    }
    if holder is not None:
        entry["holder_id"] = holder
    return entry


def _resident_code(hall: Hall, name: str) -> str:
    r = requests.post(
        hall.gateway.url + "/v1/admin/identity/codes",
        json={"kind": "citizen", "holder": name},
        headers={"Authorization": f"Bearer {hall.gateway.admin_token}"},
        timeout=10,
    )
    assert r.status_code == 201, r.text
    return str(r.json()["text"])


def _scan(hall: Hall, text: str) -> ScanEvent:
    return ScanEvent(text=text, source=ScanSource.CAMERA, device_id="camera-0",
                     at=hall.gateway.clock.now())


def _open_screen(qtbot, hall: Hall):  # noqa: ANN202 - kiosk.appointment.AppointmentScreen
    window = hall.window
    hall.tap(qtbot, window.home.tile_button(Tile.APPOINTMENT))
    screen = window.appointment
    assert window.current_screen() is screen
    return screen


def _settled(screen) -> bool:  # noqa: ANN001
    return screen.pages.currentWidget() is not screen.entry_page or (
        screen.message.property("role") == "badge-danger")


def _record_paths(monkeypatch: pytest.MonkeyPatch, hall: Hall) -> list[str]:
    """The paths the kiosk's queue client sends from now on."""
    transport = hall.queue._transport  # noqa: SLF001 - watching the wire, not faking it
    send = transport.send
    seen: list[str] = []

    def recording(method: str, path: str, **kwargs: object) -> bytes:
        seen.append(path)
        return send(method, path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(transport, "send", recording)
    return seen


def test_a_code_checks_in_with_one_request_whatever_its_area(qtbot, hall, monkeypatch):
    _book(hall, _slot(hall, "YY-B-1", "B", 5))
    screen = _open_screen(qtbot, hall)
    seen = _record_paths(monkeypatch, hall)
    screen.check_in("yy-b-1")
    qtbot.waitUntil(lambda: _settled(screen), timeout=10000)
    assert screen.pages.currentWidget() is screen.done_page, screen.message.text()
    assert screen.result.number.text() == "B001"
    # no walking the hall's areas: one lookup-free issue request names the booking
    assert seen == ["/v1/queue/tickets"]

    window = hall.window
    window.end_session()
    screen = _open_screen(qtbot, hall)
    screen.check_in("NOPE-42")
    qtbot.waitUntil(lambda: _settled(screen), timeout=10000)
    assert "没有找到这个预约" in screen.message.text()


def test_a_resident_code_checks_in_the_holders_booking_of_today(qtbot, hall):
    citizen = _holders()[0][0]
    other = _holders()[0][1]
    _book(
        hall,
        _slot(hall, "YY-MINE", "B", 10, holder=citizen.id_number),
        _slot(hall, "YY-TOMORROW", "A", 24 * 60, holder=citizen.id_number),
        _slot(hall, "YY-OTHER", "A", 10, holder=other.id_number),
    )
    screen = _open_screen(qtbot, hall)
    screen.handle_scan(_scan(hall, _resident_code(hall, citizen.name)))
    qtbot.waitUntil(lambda: _settled(screen), timeout=10000)
    assert screen.pages.currentWidget() is screen.done_page, screen.message.text()
    assert screen.result.number.text() == "B001"
    assert "预约已签到" in screen.result.note.text()
    hall.print_queue.run_once()
    qtbot.waitUntil(lambda: len(hall.printer.printed) == 1)
    text = hall.printed_text()
    assert "预约签到凭条" in text
    assert citizen.id_number not in text
    (mine,) = hall.queue.find_appointments(reference="YY-MINE")
    assert mine.ticket_number == "B001"
    (theirs,) = hall.queue.find_appointments(reference="YY-OTHER")
    assert theirs.ticket_number is None

    hall.window.end_session()
    assert not screen.holds_personal_data()
    screen = _open_screen(qtbot, hall)
    screen.handle_scan(_scan(hall, _resident_code(hall, citizen.name)))
    qtbot.waitUntil(lambda: _settled(screen), timeout=10000)
    assert screen.message.text() == "您今天的预约已签到，排队号为 B001"


def test_several_bookings_are_offered_and_the_one_tapped_is_checked_in(qtbot, hall):
    citizen = _holders()[0][1]
    _book(
        hall,
        _slot(hall, "YY-LATER", "A", 90, holder=citizen.id_number),
        _slot(hall, "YY-SOON", "B", 5, holder=citizen.id_number),
        _slot(hall, "YY-GONE", "A", -60, holder=citizen.id_number),
    )
    screen = _open_screen(qtbot, hall)
    screen.handle_scan(_scan(hall, _resident_code(hall, citizen.name)))
    qtbot.waitUntil(lambda: _settled(screen), timeout=10000)
    assert screen.pages.currentWidget() is screen.choose_page, screen.message.text()
    buttons = screen.choice_buttons()
    # by slot; the missed one is not offered
    assert [b.objectName() for b in buttons] == ["appointment-YY-SOON", "appointment-YY-LATER"]
    assert "不动产登记区" in buttons[0].text()
    assert "预约码 YY-SOON" in buttons[0].text()
    assert screen.holds_personal_data()
    qtbot.waitUntil(lambda: all(b.isVisible() for b in screen.choice_buttons()))
    hall.tap(qtbot, buttons[1])
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.done_page, timeout=10000)
    assert screen.result.number.text() == "A001"
    (soon,) = hall.queue.find_appointments(reference="YY-SOON")
    assert soon.ticket_number is None


def test_no_booking_a_missed_one_and_an_outage_are_said_plainly(qtbot, hall):
    citizen, late = _holders()[0][2], _holders()[0][3]
    _book(hall, _slot(hall, "YY-MISSED", "A", -60, holder=late.id_number))
    screen = _open_screen(qtbot, hall)
    screen.handle_scan(_scan(hall, _resident_code(hall, citizen.name)))
    qtbot.waitUntil(lambda: _settled(screen), timeout=10000)
    assert "没有查到您今天在本大厅的预约" in screen.message.text()

    screen.handle_scan(_scan(hall, _resident_code(hall, late.name)))
    qtbot.waitUntil(lambda: "时段已过" in screen.message.text(), timeout=10000)

    _book(hall, _slot(hall, "YY-DOWN", "A", 5, holder=citizen.id_number))
    hall.proxy.down = True
    screen.check_in("YY-DOWN")
    qtbot.waitUntil(lambda: "服务台" in screen.message.text(), timeout=15000)
    assert screen.pages.currentWidget() is screen.entry_page
    hall.proxy.down = False
    (down,) = hall.queue.find_appointments(reference="YY-DOWN")
    assert down.ticket_number is None
