"""A counter PC whose clock is 10 minutes off calls tickets and uses the desk, not only syncs.

``govterm window`` builds its queue, 居民码 and desk links with one
:class:`sync.auth.GatewayClock` that follows the offset its sync engine learns. Here
the gateway's clock runs 10 minutes ahead of this machine's, so every signature made
with the machine's own time would be refused (the gateway allows 300 s).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from core.catalog import Catalog
from core.clock import HALL_TZ
from gateway.publishing import publish_catalog, publish_directory
from sync.help_client import EnrolledDeskTransport
from tests.helpers.clock import FakeClock
from tests.helpers.gateway import RunningGateway, running_gateway
from tests.window_client.test_desk_wiring import HALL, boot, close, settings_for

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

AHEAD = dt.timedelta(minutes=10)


@pytest.fixture
def gateway(tmp_path: Path, demo_catalog: Catalog) -> Iterator[RunningGateway]:
    clock = FakeClock(dt.datetime.now(HALL_TZ) + AHEAD)
    with running_gateway(tmp_path / "gateway.db", clock=clock) as gw:
        publish_catalog(gw.store, demo_catalog)
        publish_directory(gw.store, demo_catalog)
        yield gw


@pytest.fixture(scope="module")
def demo_catalog() -> Catalog:
    from sync.catalog_files import load_catalog

    return load_catalog(Path(__file__).resolve().parents[2] / "resources" / "catalog")


def test_the_queue_and_desk_sign_with_the_offset_the_sync_engine_learnt(
    qapp: object, qtbot: QtBot, tmp_path: Path, gateway: RunningGateway
) -> None:
    code = gateway.store.create_enrolment_code(hall_id=HALL, slot="W01", valid_seconds=600).code
    data = tmp_path / "window"
    ui = boot(qapp, settings_for(data, gateway_url=gateway.url, gateway_enrolment_code=code),
              data)
    try:
        qtbot.addWidget(ui.window)
        assert ui.sync is not None
        board = ui.sync.board
        services = ui.window.services  # type: ignore[attr-defined]
        link = services.desk.transport
        assert isinstance(link, EnrolledDeskTransport)
        qtbot.waitUntil(lambda: link.enrolled, timeout=15_000)
        qtbot.waitUntil(lambda: board.status.clock_offset_seconds is not None, timeout=15_000)
        offset = board.status.clock_offset_seconds
        assert offset == pytest.approx(AHEAD.total_seconds(), abs=30)

        counts = services.queue.waiting_counts()  # signed with the learnt offset
        assert "A" in [c.area for c in counts]  # the hall's areas, from its catalog
        today = gateway.clock.now().date()
        assert services.desk.stats.report(today, today).hall_id == HALL
    finally:
        close(ui)
