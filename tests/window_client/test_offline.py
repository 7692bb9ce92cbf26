"""Acceptance goes on while the gateway is down, and catches up by itself afterwards.

A real gateway on loopback is stopped mid-session: the header says offline, the case
keeps its provisional ``T…`` number and its receipt says the number is provisional.
When the gateway is back, one sync brings the official number, and 收件受理 shows it
without the clerk doing anything.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
import uvicorn
from PySide6.QtCore import Qt

from core.catalog import Catalog
from sync.catalog_files import load_catalog
from tests.helpers.catalog import InMemoryCatalog
from tests.helpers.gateway import RunningGateway, running_gateway, wait_until
from tests.helpers.printer import FakePrinter
from tests.helpers.terminal_sync import Terminal, terminal
from tests.window_client.conftest import build_services, log_in
from tests.window_client.test_acceptance import printed_text, take_in_routine_application
from window_client.acceptance import AcceptancePage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

REPO = Path(__file__).resolve().parents[2]
HALL = "hc-zwzx"


@pytest.fixture(scope="module")
def demo() -> Catalog:
    return load_catalog(REPO / "resources" / "catalog")


@pytest.fixture
def gateway(tmp_path: Path, demo: Catalog) -> Iterator[RunningGateway]:
    with running_gateway(tmp_path / "gateway.db") as running:
        running.publish(demo)
        yield running


@pytest.fixture
def counter(gateway: RunningGateway, tmp_path: Path) -> Iterator[Terminal]:
    term = terminal(gateway, tmp_path / "window", hall_id=HALL, slot="W02", read_timeout=3.0)
    yield term
    term.close()


def reachable(url: str) -> bool:
    try:
        requests.get(url + "/v1/sync/manifest", timeout=1)
    except requests.ConnectionError:
        return False
    return True


def stop(gateway: RunningGateway) -> None:
    gateway.server.should_exit = True
    wait_until(lambda: not reachable(gateway.url), timeout=15)


@pytest.fixture
def restart(gateway: RunningGateway) -> Iterator[object]:
    """Starts the same gateway (same database, same port) again; stops it at the end."""
    servers: list[tuple[uvicorn.Server, threading.Thread]] = []

    def start() -> None:
        port = int(gateway.url.rsplit(":", 1)[1])
        config = uvicorn.Config(
            gateway.shedder, host="127.0.0.1", port=port, log_level="warning", ws="none",
            lifespan="on",
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, name="gateway-again", daemon=True)
        thread.start()
        servers.append((server, thread))
        wait_until(lambda: server.started or not thread.is_alive(), timeout=15)
        assert server.started, "gateway did not start again"

    yield start
    for server, thread in servers:
        server.should_exit = True
        thread.join(timeout=15)


def sync_round(counter: Terminal) -> None:
    """What the engine's thread does when its next round is due (time is fake here)."""
    counter.mono.advance(600)
    counter.engine.tick()


def test_acceptance_offline_then_official_number_after_the_gateway_is_back(  # noqa: PLR0917 - fixtures
    qtbot, make_window, counter: Terminal, gateway: RunningGateway, demo, paper_maker,
    printer: FakePrinter, restart,
):
    services = build_services(
        store=counter.store,
        clock=gateway.clock,
        catalog=InMemoryCatalog(demo),
        hall_id=HALL,
        papers=paper_maker,
        printer=printer,
        terminal_id="W02",
        sync_status=counter.engine.board,
        nudge=counter.engine.nudge,
    )
    sync_round(counter)
    window = make_window(services)
    log_in(qtbot, window, "hc-lixue")
    qtbot.waitUntil(lambda: window.header.link_text().startswith("在线"))

    stop(gateway)
    sync_round(counter)  # the next exchange fails: the terminal knows it is offline
    qtbot.waitUntil(lambda: window.header.link_text().startswith("离线"), timeout=10000)

    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.page("acceptance")
    assert isinstance(page, AcceptancePage)
    take_in_routine_application(qtbot, page, "PPP")
    qtbot.keyClick(page._outcome_card, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: page.done is not None, timeout=15000)
    number = page.done.number
    assert number.startswith("TW02-")
    assert page.case_number.text().startswith("临时编号: " + number)
    text = printed_text(printer, services)
    assert number in text
    assert "临时" in text  # the receipt says the number is provisional
    sync_round(counter)  # the push fails: still offline, nothing lost
    qtbot.waitUntil(lambda: "待上传" in window.header.link_text(), timeout=10000)
    assert services.cases.record(number).official_number is None

    restart()
    counter.engine.push()
    counter.engine.pull()  # brings the official number in the case_status stream
    sync_round(counter)
    qtbot.waitUntil(lambda: page.case_number.text().startswith("办件编号: "), timeout=15000)
    official = services.cases.record(number).official_number
    assert official
    assert page.case_number.text() == f"办件编号: {official}"
    assert window.header.link_text().startswith("在线")
