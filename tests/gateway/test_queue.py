"""The gateway as queue authority: devices issuing and calling against a real gateway."""

from __future__ import annotations

import datetime as _dt
import threading
from collections import defaultdict
from pathlib import Path

import pytest
import requests

from core.clock import HALL_TZ
from core.queue import GreenChannel, TicketState
from gateway.queue import parse_business_area
from sync.queue_client import HttpQueueTransport, QueueClient, QueueRefused
from sync.queue_protocol import AppointmentQuery, AreaSettings, AreaSettingsList, OpeningWindow
from tests.helpers.catalog import small_catalog
from tests.helpers.gateway import RunningGateway, wait_until

HALL = "371002001"

AREAS = [
    AreaSettings(prefix="A", name="综合受理区"),
    AreaSettings(prefix="B", name="不动产登记区"),
    AreaSettings(prefix="C", name="出入境区"),
]


def configure(gateway: RunningGateway, areas: list[AreaSettings], hall: str = HALL) -> None:
    r = requests.put(
        f"{gateway.url}/v1/admin/queue/halls/{hall}/areas",
        data=AreaSettingsList(areas=areas).model_dump_json(),
        headers={"Authorization": f"Bearer {gateway.admin_token}"},
        timeout=10,
    )
    assert r.status_code == 200, r.text


def device(gateway: RunningGateway, slot: str, hall: str = HALL, **kwargs: object) -> QueueClient:
    """A queue client of a newly enrolled device of ``hall``."""
    enrolled = gateway.enrol(hall_id=hall, slot=slot)
    transport = HttpQueueTransport(
        base_url=gateway.url,
        credential=enrolled.credential,
        clock=lambda: gateway.clock.now().timestamp(),
    )
    return QueueClient(transport=transport, clock=gateway.clock, **kwargs)  # type: ignore[arg-type]


def test_business_areas_are_read_in_both_catalog_spellings() -> None:
    assert parse_business_area("A 综合受理区") == ("A", "综合受理区")
    assert parse_business_area("不动产B") == ("B", "不动产")
    assert parse_business_area("综合受理") is None


def test_four_devices_issuing_at_once_get_unique_gapless_numbers(
    gateway: RunningGateway,
) -> None:
    configure(gateway, AREAS)
    kiosks = [device(gateway, f"K0{n}") for n in range(1, 5)]
    issued: list[str] = []
    lock = threading.Lock()
    errors: list[BaseException] = []

    def work(kiosk: QueueClient, area: str) -> None:
        try:
            for _ in range(25):
                ticket = kiosk.issue(area)
                assert ticket.online
                with lock:
                    issued.append(ticket.number)
        except BaseException as exc:  # reported below, on the test thread
            errors.append(exc)

    # Two threads per device, each device issuing both A and B: 4 × 50 tickets.
    threads = [threading.Thread(target=work, args=(k, area)) for k in kiosks for area in ("A", "B")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    assert len(issued) == 200
    assert len(set(issued)) == 200, "duplicate numbers"
    by_area: dict[str, list[int]] = defaultdict(list)
    for number in issued:
        by_area[number[0]].append(int(number[1:]))
    assert sorted(by_area["A"]) == list(range(1, 101))
    assert sorted(by_area["B"]) == list(range(1, 101))


def test_people_ahead_and_waiting_counts(gateway: RunningGateway) -> None:
    configure(gateway, AREAS)
    kiosk = device(gateway, "K01")
    first = kiosk.issue("A")
    gateway.clock.advance(minutes=1)
    second = kiosk.issue("A")
    assert (first.number, first.people_ahead) == ("A001", 0)
    assert (second.number, second.people_ahead) == ("A002", 1)
    assert second.waiting_note == "前面还有 1 人"
    counts = {c.area: c.waiting for c in kiosk.waiting_counts()}
    assert counts == {"A": 2, "B": 0, "C": 0}


def test_green_channel_is_called_first_and_appointments_by_slot(
    gateway: RunningGateway,
) -> None:
    configure(gateway, AREAS)
    kiosk, window = device(gateway, "K01"), device(gateway, "W01")
    start = gateway.clock.now()
    r = requests.post(
        f"{gateway.url}/v1/admin/queue/halls/{HALL}/appointments",
        json={
            "appointments": [
                {
                    "reference": "YY-0930",
                    "area": "A",
                    "slot_start": (start + _dt.timedelta(minutes=30)).isoformat(),
                    "slot_end": (start + _dt.timedelta(minutes=60)).isoformat(),
                },
                {
                    "reference": "YY-0920",
                    "area": "A",
                    "slot_start": (start + _dt.timedelta(minutes=20)).isoformat(),
                    "slot_end": (start + _dt.timedelta(minutes=50)).isoformat(),
                },
            ]
        },
        headers={"Authorization": f"Bearer {gateway.admin_token}"},
        timeout=10,
    )
    assert r.status_code == 200, r.text
    walk_in = kiosk.issue("A")
    gateway.clock.advance(minutes=16)
    late_slot = kiosk.issue("A", appointment_ref="YY-0930")  # checks in first
    gateway.clock.advance(minutes=1)
    early_slot = kiosk.issue("A", appointment_ref="YY-0920")
    gateway.clock.advance(minutes=1)
    elder = kiosk.issue("A", green_channel=GreenChannel.ELDERLY)
    assert elder.people_ahead == 0
    with pytest.raises(QueueRefused, match="已签到"):
        kiosk.issue("A", appointment_ref="YY-0920")
    gateway.clock.advance(minutes=10)  # 9:28: both slots are on
    window.set_window_areas("3", ["A"])
    order = []
    for _ in range(4):
        called = window.call_next("3", clerk_id="clerk-1")
        order.append(called.number)
        window.start(called.number)
        window.finish(called.number)
    assert order == [elder.number, early_slot.number, late_slot.number, walk_in.number]
    with pytest.raises(QueueRefused, match="没有等候"):
        window.call_next("3", clerk_id="clerk-1")


def test_caps_and_issuing_hours_refuse_with_clear_messages(gateway: RunningGateway) -> None:
    configure(
        gateway,
        [
            AreaSettings(prefix="A", name="综合受理区", daily_cap=2),
            AreaSettings(
                prefix="B",
                name="不动产登记区",
                hours=[
                    OpeningWindow(start="09:30", end="11:30"),
                    OpeningWindow(start="13:30", end="16:30"),
                ],
            ),
        ],
    )
    kiosk = device(gateway, "K01")
    kiosk.issue("A")
    kiosk.issue("A")
    with pytest.raises(QueueRefused, match=r"今日综合受理区的号已取完（每日限 2 个）"):
        kiosk.issue("A")
    with pytest.raises(
        QueueRefused, match=r"取号时间为 09:30-11:30、13:30-16:30，现在不在取号时间内"
    ):
        kiosk.issue("B")  # 9:00
    gateway.clock.advance(minutes=30)
    assert kiosk.issue("B").number == "B001"
    with pytest.raises(QueueRefused, match="没有业务类别 Z"):
        kiosk.issue("Z")
    counts = {c.area: c for c in kiosk.waiting_counts()}
    assert counts["A"].issued_today == 2
    assert counts["A"].daily_cap == 2


def test_tidal_window_calls_follow_its_areas(gateway: RunningGateway) -> None:
    configure(gateway, AREAS)
    kiosk, window = device(gateway, "K01"), device(gateway, "W01")
    a1 = kiosk.issue("A")
    b1 = kiosk.issue("B")
    window.set_window_areas("5", ["B"])
    assert window.call_next("5", clerk_id="c").number == b1.number
    window.no_show(b1.number)
    window.set_window_areas("5", ["A", "B"])  # 潮汐窗口: 综合受理 is busy now
    assert window.call_next("5", clerk_id="c").number == a1.number


def test_recalls_then_no_show(gateway: RunningGateway) -> None:
    configure(gateway, AREAS)
    kiosk, window = device(gateway, "K01"), device(gateway, "W01")
    ticket = kiosk.issue("A")
    window.set_window_areas("2", ["A"])
    window.call_next("2", clerk_id="c")
    with pytest.raises(QueueRefused, match="尚未办结"):
        window.call_next("2", clerk_id="c")
    assert window.recall(ticket.number).recalls == 1
    assert window.recall(ticket.number).recalls == 2
    with pytest.raises(QueueRefused, match="已重呼2次，请按过号处理"):
        window.recall(ticket.number)
    assert window.no_show(ticket.number).state is TicketState.NO_SHOW
    feed = window.feed(after=0)
    assert [c.kind for c in feed.calls] == ["call", "recall", "recall"]


def test_pause_with_reason_stops_calling(gateway: RunningGateway) -> None:
    configure(gateway, AREAS)
    kiosk, window = device(gateway, "K01"), device(gateway, "W01")
    kiosk.issue("A")
    window.set_window_areas("1", ["A"])
    assert window.pause("1", "业务咨询").paused
    with pytest.raises(QueueRefused, match="暂停服务中（业务咨询）"):
        window.call_next("1", clerk_id="c")
    window.resume("1")
    assert window.call_next("1", clerk_id="c").number == "A001"


def test_transfer_keeps_the_place_in_line(gateway: RunningGateway) -> None:
    configure(gateway, AREAS)
    kiosk, window = device(gateway, "K01"), device(gateway, "W01")
    first = kiosk.issue("A", green_channel=GreenChannel.MILITARY)
    gateway.clock.advance(minutes=5)
    b_walk_in = kiosk.issue("B")
    window.set_window_areas("1", ["A"])
    window.call_next("1", clerk_id="c")
    window.start(first.number)
    moved = window.transfer(first.number, "B")
    assert moved.transferred_from == first.number
    assert moved.green is GreenChannel.MILITARY
    assert window.ticket(first.number).transferred_to == moved.number
    window.set_window_areas("1", ["B"])
    assert window.call_next("1", clerk_id="c").number == moved.number
    assert b_walk_in.number == "B001"


def test_ticket_links_its_cases_and_evaluation(gateway: RunningGateway) -> None:
    configure(gateway, AREAS)
    kiosk, window = device(gateway, "K01"), device(gateway, "W01")
    ticket = kiosk.issue("A")
    window.set_window_areas("1", ["A"])
    window.call_next("1", clerk_id="c")
    gateway.clock.advance(minutes=2)
    window.start(ticket.number)
    window.link_case(ticket.number, "371002-20260302-000001")
    window.link_case(ticket.number, "371002-20260302-000002")
    gateway.clock.advance(minutes=10)
    window.finish(ticket.number)
    with pytest.raises(QueueRefused, match="评价编号不能为空"):
        window.link_evaluation(ticket.number, " ")
    done = window.link_evaluation(ticket.number, "ev-1")
    assert done.case_numbers == ["371002-20260302-000001", "371002-20260302-000002"]
    assert done.evaluation_id == "ev-1"
    assert done.waiting_seconds == 0
    assert done.handling_seconds == 600
    with pytest.raises(QueueRefused, match="已评价"):
        window.link_evaluation(ticket.number, "ev-2")


def test_call_feed_long_poll_wakes_on_a_call(gateway: RunningGateway) -> None:
    configure(gateway, AREAS)
    kiosk, window, display = (device(gateway, s) for s in ("K01", "W01", "D01"))
    kiosk.issue("A")
    window.set_window_areas("3", ["A"])
    start = display.feed(after=0)
    got = []
    poller = threading.Thread(
        target=lambda: got.append(display.feed(after=start.revision, wait=25))
    )
    poller.start()
    wait_until(lambda: gateway.shedder.long_polls == 1)
    window.call_next("3", clerk_id="c")
    poller.join(timeout=10)
    assert got, "the call did not wake the display's long-poll"
    assert [(c.number, c.window_no) for c in got[0].calls] == [("A001", "3")]
    assert {w.window_no: w.current for w in got[0].windows} == {"3": "A001"}


def test_areas_come_from_the_published_hall(gateway: RunningGateway) -> None:
    gateway.publish(small_catalog())
    kiosk = device(gateway, "K01", hall="H-WH-01")
    names = {c.area: c.name for c in kiosk.waiting_counts()}
    assert names == {"A": "综合受理", "B": "不动产", "C": "出入境"}
    assert kiosk.issue("C").area_name == "出入境"
    today = _dt.datetime(2026, 3, 2, tzinfo=HALL_TZ).date()
    assert kiosk.issue("C").issued_at.date() == today


def _appointments(gateway: RunningGateway, *entries: dict[str, object]) -> None:
    r = requests.post(
        f"{gateway.url}/v1/admin/queue/halls/{HALL}/appointments",
        json={"appointments": list(entries)},
        headers={"Authorization": f"Bearer {gateway.admin_token}"},
        timeout=10,
    )
    assert r.status_code == 200, r.text


CITIZEN_ID = "371002199003071233"


def test_appointments_are_found_by_code_or_holder_and_check_in_needs_no_area(
    gateway: RunningGateway,
) -> None:
    configure(gateway, AREAS)
    kiosk = device(gateway, "K01")
    start = gateway.clock.now()
    _appointments(
        gateway,
        {
            "reference": "yy-b-0910",  # codes are typed in any case
            "area": "B",
            "slot_start": (start + _dt.timedelta(minutes=10)).isoformat(),
            "slot_end": (start + _dt.timedelta(minutes=40)).isoformat(),
            "holder_id": CITIZEN_ID,
        },
        {
            "reference": "YY-C-TOMORROW",
            "area": "C",
            "slot_start": (start + _dt.timedelta(days=1)).isoformat(),
            "slot_end": (start + _dt.timedelta(days=1, minutes=30)).isoformat(),
            "holder_id": CITIZEN_ID,
        },
    )
    (by_code,) = kiosk.find_appointments(reference="YY-B-0910")
    assert (by_code.area, by_code.area_name, by_code.on_time) == ("B", "不动产登记区", True)
    assert by_code.ticket_number is None
    # By the holder a scanned 居民码 resolved to: today's bookings only.
    assert [a.reference for a in kiosk.find_appointments(holder_id=CITIZEN_ID)] == ["YY-B-0910"]
    assert kiosk.find_appointments(holder_id="110101199003074514") == []
    with pytest.raises(QueueRefused, match="证件号码无效"):
        kiosk.find_appointments(holder_id="371002199003071234")
    assert kiosk.find_appointments(reference="NOPE") == []

    ticket = kiosk.check_in("yy-b-0910")
    assert (ticket.number, ticket.appointment_ref) == ("B001", "YY-B-0910")
    (after,) = kiosk.find_appointments(reference="YY-B-0910")
    assert after.ticket_number == "B001"
    with pytest.raises(QueueRefused, match="已签到，排队号为 B001"):
        kiosk.check_in("YY-B-0910")
    with pytest.raises(QueueRefused, match="不是今天"):
        kiosk.check_in("YY-C-TOMORROW")
    with pytest.raises(QueueRefused, match="没有找到这个预约"):
        kiosk.check_in("YY-UNKNOWN")


def test_case_and_evaluation_events_link_themselves_to_their_ticket(
    gateway: RunningGateway,
) -> None:
    from tests.gateway.events import event, submission

    gateway.publish(small_catalog())
    configure(gateway, AREAS)
    kiosk, window = device(gateway, "K01"), device(gateway, "W01")
    window_events = gateway.clients[-1]
    ticket = kiosk.issue("A")
    window.set_window_areas("1", ["A"])
    window.call_next("1", clerk_id="c")  # called, not started: the case starts it
    case = event(1, "case.submitted", submission("TW01-20260302-1", ticket_number=ticket.number))
    r = window_events.post("/v1/events:batch", json={"events": [case]})
    assert r.status_code == 200, r.text
    (result,) = r.json()["results"]
    assert result["status"] == "applied", result
    assert result["result"]["ticket_number"] == ticket.number
    case_number = result["result"]["case_number"]
    linked = window.ticket(ticket.number)
    assert linked.case_numbers == [case_number]
    assert linked.state is TicketState.SERVING
    window.finish(ticket.number)
    review = event(2, "evaluation.submitted", {"level": 5, "ticket_number": ticket.number})
    stray = event(3, "evaluation.submitted", {"level": 4, "ticket_number": "Z999"})
    r = window_events.post("/v1/events:batch", json={"events": [review, stray]})
    first, second = r.json()["results"]
    assert (first["status"], first["result"]["ticket_number"]) == ("applied", ticket.number)
    # An unknown ticket never refuses the evaluation: it is kept, just not linked.
    assert (second["status"], second["result"]["ticket_number"]) == ("applied", "")
    assert window.ticket(ticket.number).evaluation_id == review["event_id"]


def test_command_line_sets_areas_and_adds_appointments(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from core.clock import SystemClock
    from gateway.cli import main as gateway_main
    from gateway.db import SqliteDatabase
    from gateway.queue import QueueAuthority
    from gateway.store import DeviceRecord, GatewayStore

    db = ["--db", f"sqlite:///{tmp_path / 'gw.db'}"]
    spec = "J=工程建设项目审批区,cap=40,hours=8:30-11:30+13:30-17:00"
    assert gateway_main(["queue", "areas", HALL, "A=综合受理区", spec, *db]) == 0
    assert "J\t工程建设项目审批区\t每日限 40 个\t取号时段 08:30-11:30、13:30-17:00" in (
        capsys.readouterr().out
    )
    assert gateway_main(["queue", "areas", HALL, "J=审批,hours=morning", *db]) == 2
    assert "前缀=名称" in capsys.readouterr().out
    assert (
        gateway_main(
            [
                "queue",
                "appointments",
                "add",
                HALL,
                "--ref",
                "yy-9",
                "--area",
                "Z",
                "--at",
                "10:00",
                "--date",
                "2026-03-02",
                *db,
            ]
        )
        == 2
    )
    assert "不在本大厅" in capsys.readouterr().out
    assert (
        gateway_main(
            [
                "queue",
                "appointments",
                "add",
                HALL,
                "--ref",
                "yy-9",
                "--area",
                "J",
                "--at",
                "9:30",
                "--date",
                "2026-03-02",
                "--minutes",
                "45",
                "--holder",
                CITIZEN_ID,
                *db,
            ]
        )
        == 0
    )
    assert "预约 YY-9：J 区，2026-03-02 09:30-10:15，已登记预约人" in capsys.readouterr().out
    store = GatewayStore(db=SqliteDatabase(tmp_path / "gw.db"), clock=SystemClock())
    try:
        found = QueueAuthority(store=store).find_appointments(
            DeviceRecord("D01", "", HALL, "D01", "D01", "", False, 0, 0, None, None),
            AppointmentQuery(reference="YY-9"),
        )
    finally:
        store.db.close()
    assert [(a.area, a.slot_start.hour, a.slot_start.minute) for a in found.appointments] == [
        ("J", 9, 30)
    ]
