"""帮办请求 from a simulated kiosk reach the window page within the long-poll; ack recorded."""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path

from core.accounts import Clerk, ClerkSession
from core.case import Role
from sync.help_client import HelpClient, HttpDeskTransport
from tests.helpers.gateway import GatewayClient, RunningGateway, gateway  # noqa: F401  (fixture)
from widgets.i18n import LanguageManager
from widgets.task_runner import TaskRunner
from window_client.alerts import HelpPage
from window_client.chrome import MessageBar
from window_client.results_desk import DeskServices

HALL = "H-WH-01"
CJK = re.compile(r"[\u4e00-\u9fff]")


def _transport(gateway: RunningGateway, client: GatewayClient) -> HttpDeskTransport:  # noqa: F811
    return HttpDeskTransport(base_url=gateway.url, credential=client.credential,
                             clock=lambda: gateway.clock.now().timestamp())


def test_a_kiosk_call_appears_in_the_window_and_is_acknowledged(
    qtbot, gateway: RunningGateway, tmp_path: Path  # noqa: F811 - the fixture
) -> None:
    _call_and_acknowledge(qtbot, gateway, tmp_path, english=False)


def test_in_english_the_kiosk_its_part_and_the_topic_read_in_english(
    qtbot, gateway: RunningGateway, tmp_path: Path, language: LanguageManager,  # noqa: F811
) -> None:
    language.set_language("en")
    _call_and_acknowledge(qtbot, gateway, tmp_path, english=True)


def _call_and_acknowledge(
    qtbot, gateway: RunningGateway, tmp_path: Path, *, english: bool  # noqa: F811
) -> None:
    kiosk_device = gateway.enrol(hall_id=HALL, slot="K01")
    kiosk = HelpClient(transport=_transport(gateway, kiosk_device))
    window_device = gateway.enrol(hall_id=HALL, slot="W03")
    clerk = Clerk(id="wh-wangfang", name="王芳", roles=(Role.CLERK,), hall_id=HALL, window="3")
    session = ClerkSession(clerk=clerk, terminal_id="T-WIN-03", window="3", business_areas=(),
                           started_at=gateway.clock.now())
    runner = TaskRunner()
    bar = MessageBar()
    qtbot.addWidget(bar)
    link = _transport(gateway, window_device)
    page = HelpPage(desk=DeskServices(transport=link, help_wait=5),
                    runner=runner, session=session, messages=bar)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    try:
        with qtbot.waitSignal(page.feed_shown, timeout=10_000):
            page.poll()
        assert page.requests.count() == 0
        body = {"terminal_time": gateway.clock.now().timestamp(),
                "health": {"receipt_printer": "缺纸"}}
        assert kiosk_device.post("/v1/devices/me/heartbeat", json=body).status_code == 200
        kiosk.request_help(topic="pickup", note="")
        qtbot.waitUntil(lambda: page.requests.count() == 1, timeout=8_000)
        qtbot.waitUntil(lambda: page.alerts.item(0).text() != page.tr("所有自助终端设备正常"),
                        timeout=8_000)
        request, alert = page.requests.item(0).text(), page.alerts.item(0).text()
        page.grab().save(str(tmp_path / "help.png"))
        if english:
            assert "Terminal K01 · Result pickup" in request
            assert "waiting for a clerk" in request
            assert "Terminal K01" in bar.text()
            assert alert.startswith("Terminal K01 · Receipt printer: ")
            assert not CJK.search(request + alert + bar.text()), (request, alert, bar.text())
        else:
            assert "K01 号终端 · 自助取件" in request
            assert "待响应" in request
            assert "K01 号终端" in bar.text()
            assert alert.startswith("K01 号终端 · 小票打印机：缺纸")

        gateway.clock.advance(_dt.timedelta(minutes=1))
        page.requests.setCurrentRow(0)
        page.acknowledge_selected()
        qtbot.waitUntil(lambda: "王芳" in page.requests.item(0).text(), timeout=8_000)
        assert ("window 3" if english else "3号窗口") in page.requests.item(0).text()
    finally:
        page.stop()
        link.close()  # ends the waiting poll, as closing the window does
        runner.shutdown()
