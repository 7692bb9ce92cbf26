"""The composition root gives the counter client its queue and 居民码 resolution.

Both sign with the device credential once enrolment has kept one; before that they
answer ``Offline`` with the reason, and without a gateway there are none (the pages
say so).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.clock import HALL_TZ
from core.errors import Offline
from core.identity_code import MalformedCode
from gateway.publishing import publish_catalog, publish_directory
from govterm.app import GuiOptions, Ui, build_ui
from govterm.settings import Settings, load_settings
from sync.catalog_files import load_catalog
from sync.identity import EnrolledResolver
from sync.queue_client import QueueClient
from tests.helpers.clock import FakeClock
from tests.helpers.gateway import RunningGateway, running_gateway

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
HALL = "wh-zwzx"


@pytest.fixture
def gateway(tmp_path: Path) -> Iterator[RunningGateway]:
    catalog = load_catalog(RESOURCES / "catalog")
    # The terminal signs with time.time(): the gateway's clock starts at the real time.
    clock = FakeClock(dt.datetime.now(HALL_TZ))
    with running_gateway(tmp_path / "gateway.db", clock=clock) as running:
        publish_catalog(running.store, catalog)
        publish_directory(running.store, catalog)
        yield running


def settings_for(data: Path, **env: str) -> Settings:
    values = {
        "GOVTERM_DATA_DIR": str(data),
        "GOVTERM_CONFIG": os.devnull,
        "GOVTERM_TERMINAL_ID": "W01",
        "GOVTERM_TERMINAL_HALL_ID": HALL,
        "GOVTERM_TERMINAL_NAME": "综合受理 1 号窗口",
    }
    values.update({f"GOVTERM_{k.upper()}": v for k, v in env.items()})
    return load_settings(env=values)[0]


def boot(qapp: object, settings: Settings, data: Path) -> Ui:
    return build_ui(
        "window", app=qapp, settings=settings, resources=RESOURCES,  # type: ignore[arg-type]
        options=GuiOptions(fullscreen=False), data_dir=data,
    )


def test_window_mode_resolves_codes_and_calls_once_enrolled(
    qapp: object, qtbot: QtBot, tmp_path: Path, gateway: RunningGateway
) -> None:
    code = gateway.store.create_enrolment_code(hall_id=HALL, slot="W01", valid_seconds=600).code
    data = tmp_path / "window"
    ui = boot(qapp, settings_for(data, gateway_url=gateway.url, gateway_enrolment_code=code),
              data)
    try:
        qtbot.addWidget(ui.window)
        services = ui.window.services  # type: ignore[attr-defined]
        assert isinstance(services.identity, EnrolledResolver)
        assert isinstance(services.queue, QueueClient)

        def enrolled() -> bool:
            try:
                services.queue.waiting_counts()
            except Offline:
                return False
            return True

        qtbot.waitUntil(enrolled, timeout=15_000)
        counts = services.queue.waiting_counts()
        assert counts  # the hall's business areas, from the published directory
        with pytest.raises(MalformedCode):
            services.identity("not a code")  # reached the gateway, which refused it
    finally:
        ui.close()
        ui.window.close()
        ui.window.deleteLater()


def test_before_enrolment_the_links_say_so(tmp_path: Path) -> None:
    resolver = EnrolledResolver(data_dir=tmp_path, gateway_url="http://127.0.0.1:9")
    with pytest.raises(Offline, match="尚未注册"):
        resolver("anything")


def test_without_a_gateway_there_is_no_queue_and_no_resolver(
    qapp: object, qtbot: QtBot, tmp_path: Path
) -> None:
    data = tmp_path / "window"
    ui = boot(qapp, settings_for(data), data)
    try:
        qtbot.addWidget(ui.window)
        services = ui.window.services  # type: ignore[attr-defined]
        assert services.identity is None
        assert services.queue is None
        assert services.store is not None
        QApplication.processEvents()  # let start-up work queued for the event loop run
    finally:
        ui.close()
        ui.window.close()
        ui.window.deleteLater()
