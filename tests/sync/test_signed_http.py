"""The one signed link the queue and help-desk clients share: errors by type, close, enrolment.

A misbehaving proxy (:mod:`tests.helpers.faulty_proxy`) sits in front of the real
gateway on loopback and sheds load, fails, corrupts, refuses or stalls.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.clock import HALL_TZ
from core.errors import Offline
from sync.engine import Enrolment, save_enrolment
from sync.help_client import (
    NOT_ENROLLED,
    DeskNotAuthorised,
    DeskRefused,
    EnrolledDeskTransport,
    HelpClient,
    HttpDeskTransport,
)
from sync.help_protocol import HelpFeed
from sync.queue_client import HttpQueueTransport, QueueClient, QueueNotAuthorised
from sync.signed_http import (
    CLOSED,
    GatewayBusy,
    GatewayFailed,
    UnreadableAnswer,
    parse_answer,
)
from sync.transport import BadAnswer, NotAuthorised, ServerError, TryLater
from tests.gateway.test_queue import AREAS, HALL, configure
from tests.helpers.clock import FakeClock
from tests.helpers.faulty_proxy import FaultyProxy
from tests.helpers.gateway import GatewayClient, RunningGateway, running_gateway, wait_until


@pytest.fixture
def gateway(tmp_path: Path) -> Iterator[RunningGateway]:
    clock = FakeClock(dt.datetime(2026, 3, 2, 9, 30, tzinfo=HALL_TZ))
    with running_gateway(tmp_path / "gateway.db", clock=clock) as running:
        configure(running, AREAS)
        yield running


@pytest.fixture
def device(gateway: RunningGateway) -> GatewayClient:
    return gateway.enrol(hall_id=HALL, slot="K01")


@pytest.fixture
def proxy(gateway: RunningGateway) -> Iterator[FaultyProxy]:
    with FaultyProxy(gateway.url) as running:
        yield running


def _clock(gateway: RunningGateway) -> float:
    return gateway.clock.now().timestamp()


def _desk(url: str, gateway: RunningGateway, device: GatewayClient) -> HttpDeskTransport:
    return HttpDeskTransport(
        base_url=url, credential=device.credential, clock=lambda: _clock(gateway)
    )


def test_load_shedding_is_offline_and_says_when_to_come_back(
    gateway: RunningGateway, device: GatewayClient, proxy: FaultyProxy
) -> None:
    link = _desk(proxy.url, gateway, device)
    proxy.inject("busy", path="/v1/help/feed")
    with pytest.raises(GatewayBusy, match=r"前置机暂时不可用（503）") as caught:
        HelpClient(transport=link).feed(after=0)
    assert isinstance(caught.value, Offline)
    assert isinstance(caught.value, TryLater)
    assert caught.value.retry_after == 7
    link.close()


def test_a_server_error_is_offline_with_its_status(
    gateway: RunningGateway, device: GatewayClient, proxy: FaultyProxy
) -> None:
    queue = HttpQueueTransport(
        base_url=proxy.url, credential=device.credential, clock=lambda: _clock(gateway)
    )
    proxy.inject("status500", path="/v1/queue/waiting")
    with pytest.raises(GatewayFailed, match=r"排队系统暂时不可用（500）") as caught:
        QueueClient(transport=queue, clock=gateway.clock).waiting_counts()
    assert isinstance(caught.value, Offline)
    assert isinstance(caught.value, ServerError)
    assert caught.value.status == 500
    queue.close()


def test_an_answer_that_is_not_the_protocol_is_never_used(
    gateway: RunningGateway, device: GatewayClient, proxy: FaultyProxy
) -> None:
    link = _desk(proxy.url, gateway, device)
    proxy.inject("garbage", path="/v1/help/feed")
    with pytest.raises(UnreadableAnswer, match="前置机的应答格式错误") as caught:
        HelpClient(transport=link).feed(after=0)
    assert isinstance(caught.value, Offline)
    assert isinstance(caught.value, BadAnswer)
    assert parse_answer(HelpFeed, link.send("GET", "/v1/help/feed")).requests == []
    link.close()


def test_no_connection_says_whom_it_could_not_reach(
    gateway: RunningGateway, device: GatewayClient, proxy: FaultyProxy
) -> None:
    proxy.inject("refuse", path="/v1/queue/waiting")
    queue = HttpQueueTransport(
        base_url=proxy.url, credential=device.credential, clock=lambda: _clock(gateway)
    )
    with pytest.raises(Offline, match=r"无法连接排队系统（前置机）"):
        queue.send("GET", "/v1/queue/waiting")
    queue.close()


def test_refusals_carry_the_gateways_message_and_the_clients_type(
    gateway: RunningGateway, device: GatewayClient
) -> None:
    link = _desk(gateway.url, gateway, device)
    with pytest.raises(DeskRefused, match="没有这条帮办请求"):
        HelpClient(transport=link).acknowledge("nope", clerk_id="c1", clerk_name="王芳")
    forged = device.credential.model_copy(update={"secret": "A" * 43})
    for refused in (
        HttpDeskTransport(base_url=gateway.url, credential=forged),
        HttpQueueTransport(base_url=gateway.url, credential=forged),
    ):
        with pytest.raises(NotAuthorised, match="拒绝了本终端") as caught:
            refused.send("GET", "/v1/queue/waiting")
        assert isinstance(caught.value, DeskNotAuthorised | QueueNotAuthorised)
        assert caught.value.code
        refused.close()
    link.close()


def test_close_ends_a_long_poll_under_way_at_once(
    gateway: RunningGateway, device: GatewayClient, proxy: FaultyProxy
) -> None:
    queue = HttpQueueTransport(
        base_url=proxy.url, credential=device.credential, clock=lambda: _clock(gateway)
    )
    proxy.inject("stall", path="/v1/queue/feed")
    ended: list[BaseException] = []

    def poll() -> None:
        try:
            QueueClient(transport=queue, clock=gateway.clock).feed(after=0, wait=25)
        except Offline as exc:
            ended.append(exc)

    poller = threading.Thread(target=poll)
    poller.start()
    wait_until(lambda: any(path.startswith("/v1/queue/feed") for _, path, _ in proxy.seen))
    queue.close()
    poller.join(timeout=5)
    assert not poller.is_alive()
    assert len(ended) == 1
    with pytest.raises(Offline, match=CLOSED):
        queue.send("GET", "/v1/queue/waiting")
    proxy.release()


def test_the_enrolled_link_waits_for_enrolment_and_follows_a_new_one(
    gateway: RunningGateway, device: GatewayClient, tmp_path: Path
) -> None:
    data_dir = tmp_path / "terminal"
    link = EnrolledDeskTransport(data_dir=data_dir, clock=lambda: _clock(gateway))
    with pytest.raises(Offline, match=NOT_ENROLLED):
        link.send("GET", "/v1/help/feed")
    assert not link.enrolled

    save_enrolment(data_dir, Enrolment(gateway_url=gateway.url, credential=device.credential))
    assert link.enrolled
    HelpClient(transport=link).request_help(topic="general", note="旧注册")

    # staff enrolled the terminal again: the next request signs as the new device
    again = gateway.enrol(hall_id=HALL, slot="K02")
    save_enrolment(data_dir, Enrolment(gateway_url=gateway.url, credential=again.credential))
    ticket = HelpClient(transport=link).request_help(topic="general", note="新注册")
    assert ticket.device_id == again.credential.device_id

    link.close()
    with pytest.raises(Offline, match=CLOSED):
        link.send("GET", "/v1/help/feed")
