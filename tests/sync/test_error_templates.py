"""A gateway's refusal reaches the terminal as a translatable message.

The gateway writes its refusals with :func:`core.errors.msg`; the error body carries the
template and its values next to the Chinese message, and the terminal rebuilds a
:class:`~core.errors.Msg` from them, so a kiosk in English shows the refusal in English.
A gateway that predates the template (simulated by a proxy that strips it) still gets
its plain Chinese message shown.
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import Thread
from typing import Any
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from core.clock import HALL_TZ
from core.errors import Msg, msg
from scripts.error_texts import ERRORS_QM
from sync.protocol import ErrorBody, ErrorDetail, WireMoment
from sync.queue_client import HttpQueueTransport, QueueClient, QueueRefused
from sync.transport import NotAuthorised, Transport
from tests.gateway.test_queue import AREAS, HALL, configure
from tests.helpers.clock import FakeClock
from tests.helpers.gateway import GatewayClient, RunningGateway, running_gateway
from widgets.i18n import error_text

NO_AREA = "本大厅没有业务类别 {prefix}，可选：{names}"


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
def english(qapp: Any) -> Iterator[None]:
    """The gateway's English error texts installed, as the kiosk's English mode does."""
    translator = QTranslator()
    assert translator.load(str(ERRORS_QM))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


class _OldGatewayHandler(BaseHTTPRequestHandler):
    """Forwards to the real gateway and strips ``template``/``params`` from errors."""

    upstream = ""

    def _forward(self) -> None:
        target = urlsplit(self.upstream)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host",)}
        conn = http.client.HTTPConnection(target.hostname or "", target.port, timeout=10)
        try:
            conn.request(self.command, self.path, body=body, headers=headers)
            answer = conn.getresponse()
            content = answer.read()
        finally:
            conn.close()
        if answer.status >= 400:  # noqa: PLR2004 - an error answer
            data = json.loads(content)
            if isinstance(data.get("error"), dict):
                data["error"].pop("template", None)
                data["error"].pop("params", None)
            content = json.dumps(data, ensure_ascii=False).encode("utf-8")
        self.send_response(answer.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    do_GET = do_POST = do_PUT = _forward  # noqa: N815 - http.server's handler names

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - base signature
        """Quiet: the test output is not the place for access logs."""


@pytest.fixture
def old_gateway(gateway: RunningGateway) -> Iterator[str]:
    handler = type("Handler", (_OldGatewayHandler,), {"upstream": gateway.url})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def _queue(url: str, gateway: RunningGateway, device: GatewayClient) -> QueueClient:
    link = HttpQueueTransport(
        base_url=url,
        credential=device.credential,
        clock=lambda: gateway.clock.now().timestamp(),
    )
    return QueueClient(transport=link, clock=gateway.clock)


def test_a_refusal_travels_with_its_template_and_reads_in_english(
    gateway: RunningGateway, device: GatewayClient, english: None
) -> None:
    with pytest.raises(QueueRefused) as caught:
        _queue(gateway.url, gateway, device).issue("Z")
    message = caught.value.message
    assert isinstance(message, Msg)
    assert message.template == NO_AREA
    assert message.params["prefix"] == "Z"
    assert message == "本大厅没有业务类别 Z，可选：A 综合受理区、B 不动产登记区、C 出入境区"
    assert error_text(caught.value) == (
        "This hall has no type of business Z. Available: "
        "A 综合受理区、B 不动产登记区、C 出入境区"
    )


def test_the_engines_transport_rebuilds_the_template_of_an_auth_refusal(
    gateway: RunningGateway, device: GatewayClient, english: None
) -> None:
    forged = device.credential.model_copy(update={"secret": "A" * 43})
    transport = Transport(
        base_url=gateway.url,
        credential=forged,
        clock=lambda: gateway.clock.now().timestamp(),
    )
    with pytest.raises(NotAuthorised) as caught:
        transport.manifest()
    transport.close()
    assert isinstance(caught.value.message, Msg)
    assert caught.value.message.template == "请求签名无效"
    assert error_text(caught.value) == "The request signature is invalid"


def test_an_old_gateway_without_templates_still_shows_its_chinese_message(
    gateway: RunningGateway, device: GatewayClient, old_gateway: str, english: None
) -> None:
    with pytest.raises(QueueRefused) as caught:
        _queue(old_gateway, gateway, device).issue("Z")
    message = caught.value.message
    assert not isinstance(message, Msg)
    assert message == "本大厅没有业务类别 Z，可选：A 综合受理区、B 不动产登记区、C 出入境区"
    assert error_text(caught.value) == message


def test_the_wire_detail_carries_a_msg_and_its_values_as_json() -> None:
    when = dt.date(2026, 3, 2)
    detail = ErrorDetail.of(
        "x.y", msg("{day} 起第 {n} 次，{ok} {rate:.1f}", day=when, n=3, ok=True, rate=0.25)
    )
    assert detail.template == "{day} 起第 {n} 次，{ok} {rate:.1f}"
    assert detail.params == {"day": WireMoment(kind="date", iso="2026-03-02"), "n": 3,
                             "ok": True, "rate": 0.25}
    read = ErrorBody.model_validate_json(ErrorBody(error=detail).model_dump_json()).error
    text = read.text()
    assert isinstance(text, Msg)
    assert text == "2026-03-02 起第 3 次，True 0.2"
    assert text.params == {"day": when, "n": 3, "ok": True, "rate": 0.25}


def test_nested_texts_and_moments_travel_so_the_terminal_can_translate_them() -> None:
    at = dt.datetime(2026, 3, 2, 10, 5, tzinfo=HALL_TZ)
    sent = msg("{who}于{at:%Y年%m月%d日 %H:%M}办结", who=msg("{n}号窗口", n=3), at=at)
    raw = ErrorBody(error=ErrorDetail.of("case.done", sent)).model_dump_json()
    text = ErrorBody.model_validate_json(raw).error.text()
    assert text == "3号窗口于2026年03月02日 10:05办结"
    assert isinstance(text, Msg)
    who = text.params["who"]
    assert isinstance(who, Msg)
    assert (who.template, who.params) == ("{n}号窗口", {"n": 3})
    assert text.params["at"] == at


def test_a_malformed_moment_keeps_the_plain_message() -> None:
    detail = ErrorDetail(code="x.y", message="于 2026年03月02日", template="于 {at:%Y年%m月%d日}",
                         params={"at": WireMoment(kind="date", iso="yesterday")})
    text = detail.text()
    assert text == "于 2026年03月02日"
    assert not isinstance(text, Msg)


def test_a_plain_message_travels_without_a_template() -> None:
    detail = ErrorDetail.of("x.y", "前置机繁忙")
    assert detail.template is None
    assert detail.params is None
    assert not isinstance(detail.text(), Msg)


@pytest.mark.parametrize(
    ("template", "params"),
    [
        ("还需 {days} 个工作日", {}),  # a value missing
        ("还需 {days:d} 个工作日", {"days": "三"}),  # a format that does not fit the value
        ("还需 {days} 个工作日", {"days": 4}),  # fills to other text than the message
    ],
)
def test_a_template_that_does_not_give_the_message_is_ignored(
    template: str, params: dict[str, str | int | float | bool | None]
) -> None:
    detail = ErrorDetail(code="x.y", message="还需 3 个工作日", template=template, params=params)
    text = detail.text()
    assert text == "还需 3 个工作日"
    assert not isinstance(text, Msg)


def test_a_terminal_reads_an_error_body_with_fields_it_does_not_know() -> None:
    raw = json.dumps({"error": {"code": "a.b", "message": "不行", "hint": "newer gateway"}})
    assert ErrorBody.model_validate_json(raw).error.text() == "不行"
