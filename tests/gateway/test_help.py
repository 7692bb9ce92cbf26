"""呼叫帮办 and device alerts through a real gateway: kiosk client, window long-poll, ack."""

from __future__ import annotations

import threading
import time

import pytest

from core.errors import Offline
from sync.help_client import DeskRefused, HelpClient, HttpDeskTransport
from sync.help_protocol import HelpFeed
from sync.protocol import DeviceCredential
from tests.helpers.gateway import GatewayClient, RunningGateway, free_port

HALL = "371002001"


def _client(gateway: RunningGateway, device: GatewayClient) -> HelpClient:
    transport = HttpDeskTransport(
        base_url=gateway.url,
        credential=device.credential,
        clock=lambda: gateway.clock.now().timestamp(),
    )
    return HelpClient(transport=transport)


def test_a_kiosk_help_request_reaches_a_waiting_window_at_once(gateway: RunningGateway) -> None:
    kiosk = _client(gateway, gateway.enrol(hall_id=HALL, slot="K01"))
    window = _client(gateway, gateway.enrol(hall_id=HALL, slot="W03"))
    start = window.feed(after=0)
    assert start.requests == []

    answers: list[HelpFeed] = []
    waiting = threading.Thread(
        target=lambda: answers.append(window.feed(after=start.revision, wait=20))
    )
    began = time.monotonic()
    waiting.start()
    ticket = kiosk.request_help(topic="pickup", note="自助取件：取件码无效", ticket_number="A012")
    waiting.join(timeout=15)
    assert answers, "the long-poll did not answer"
    assert time.monotonic() - began < 10
    feed = answers[0]
    assert feed.revision > start.revision
    [shown] = feed.requests
    assert shown.help_id == ticket.help_id
    assert shown.topic_name == "自助取件"
    assert shown.note == "自助取件：取件码无效"
    assert shown.ticket_number == "A012"
    assert shown.place == "K01 号终端"
    assert shown.open


def test_a_retried_request_is_one_call_and_a_clerk_acknowledges_it(
    gateway: RunningGateway,
) -> None:
    kiosk = _client(gateway, gateway.enrol(hall_id=HALL, slot="K01"))
    window = _client(gateway, gateway.enrol(hall_id=HALL, slot="W03"))
    rid = "0f8fad5b-d9cb-469f-a165-70867728950e"
    first = kiosk.request_help(topic="apply", request_id=rid)
    again = kiosk.request_help(topic="apply", request_id=rid)
    assert first == again
    assert len(window.feed(after=0).requests) == 1

    gateway.clock.advance(minutes=2)
    taken = window.acknowledge(first.help_id, clerk_id="wh-wangfang", clerk_name="王芳",
                               window_no="3")
    assert not taken.open
    assert taken.acked_by == "wh-wangfang"
    assert taken.acked_at == pytest.approx(first.raised_at + 120)
    # The same clerk again is harmless; another clerk is told who took it.
    assert window.acknowledge(first.help_id, clerk_id="wh-wangfang", clerk_name="王芳").acked_at
    with pytest.raises(DeskRefused, match="王芳"):
        window.acknowledge(first.help_id, clerk_id="wh-liuyang", clerk_name="刘洋")
    with pytest.raises(DeskRefused, match="没有这条帮办请求"):
        window.acknowledge("nope", clerk_id="wh-liuyang", clerk_name="刘洋")


def test_another_halls_window_does_not_see_the_request(gateway: RunningGateway) -> None:
    kiosk = _client(gateway, gateway.enrol(hall_id=HALL, slot="K01"))
    elsewhere = _client(gateway, gateway.enrol(hall_id="371002002", slot="W01"))
    ticket = kiosk.request_help()
    assert elsewhere.feed(after=0).requests == []
    with pytest.raises(DeskRefused):
        elsewhere.acknowledge(ticket.help_id, clerk_id="wh-liuyang", clerk_name="刘洋")


def test_device_alerts_come_from_heartbeats_with_since_when(gateway: RunningGateway) -> None:
    kiosk_device = gateway.enrol(hall_id=HALL, slot="K02")
    window = _client(gateway, gateway.enrol(hall_id=HALL, slot="W03"))

    def beat(health: dict[str, str]) -> None:
        body = {"terminal_time": gateway.clock.now().timestamp(), "health": health}
        r = kiosk_device.post("/v1/devices/me/heartbeat", json=body)
        assert r.status_code == 200, r.text

    beat({"receipt_printer": "ok", "scanner": "ok"})
    assert window.feed(after=0).alerts == []
    first_seen = gateway.clock.now().timestamp()
    beat({"receipt_printer": "缺纸", "locker": "3号柜格门未关闭", "scanner": "ok"})
    feed = window.feed(after=0)
    assert {(a.part, a.problem) for a in feed.alerts} == {
        ("receipt_printer", "缺纸"),
        ("locker", "3号柜格门未关闭"),
    }
    assert all(a.since == pytest.approx(first_seen) for a in feed.alerts)

    # Still out of paper ten minutes later: the alert keeps its first time.
    gateway.clock.advance(minutes=10)
    beat({"receipt_printer": "缺纸", "locker": "ok"})
    feed = window.feed(after=feed.revision)
    [alert] = feed.alerts
    assert alert.part == "receipt_printer"
    assert alert.since == pytest.approx(first_seen)
    assert alert.place == "K02 号终端"

    beat({"receipt_printer": "ok"})
    assert window.feed(after=feed.revision).alerts == []


def test_without_a_gateway_help_says_offline() -> None:
    transport = HttpDeskTransport(
        base_url=f"http://127.0.0.1:{free_port()}",
        credential=DeviceCredential(
            # A well-formed secret (base64url of 32 bytes, as enrolment issues): the test
            # is about the unreachable gateway, not about a corrupt credential.
            device_id="d", secret="s" * 43, hall_id=HALL, slot="K01", terminal_id="K01",
            server_time=0.0,
        ),
    )
    with pytest.raises(Offline):
        HelpClient(transport=transport).request_help()
