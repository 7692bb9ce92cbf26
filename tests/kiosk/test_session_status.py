"""The status banner and tile hiding, driven by the real sync status and device health."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from core.errors import DeviceUnavailable
from core.terminal import Tile
from devices.health import HealthBoard, Role
from sync.status import StatusBoard, SyncStatus
from tests.helpers.clock import FakeClock
from widgets.status_banner import (
    LOCKER_PICKUP,
    ONLINE,
    SCANNING,
    SELF_PRINT_PICKUP,
    StatusBanner,
    age_text,
    hidden_tiles,
    unavailable_features,
)

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

NOW = datetime(2022, 6, 1, 2, 0)


def test_hidden_tiles_follow_the_features():
    assert hidden_tiles(set()) == frozenset()
    # pickup works from the printer or the locker: one of them is enough
    assert Tile.PICKUP not in hidden_tiles({SELF_PRINT_PICKUP})
    assert Tile.PICKUP not in hidden_tiles({LOCKER_PICKUP})
    assert Tile.PICKUP in hidden_tiles({SELF_PRINT_PICKUP, LOCKER_PICKUP})
    assert hidden_tiles({SCANNING}) == {Tile.SCAN}
    assert hidden_tiles({ONLINE}) == {Tile.HELP}


def test_unavailable_features_from_every_shape():
    assert unavailable_features({"scanning": False, "online": True}) == {"scanning"}
    assert SCANNING in unavailable_features(["online", "receipt_printing"])
    board = HealthBoard(clock=FakeClock())
    board.report_ok("cam", Role.SCANNER)
    down = unavailable_features(board.features_available())
    assert SCANNING not in down
    assert LOCKER_PICKUP in down  # never reported counts as absent


def test_banner_says_offline_since_and_data_age(qtbot, kiosk_app):
    banner = StatusBanner(now=lambda: NOW)
    qtbot.addWidget(banner)
    banner.show()
    banner.set_sync_status(SyncStatus(online=True, last_pull={"catalog": NOW}))
    assert banner.isHidden()
    offline = SyncStatus(
        online=False,
        offline_since=NOW - timedelta(minutes=35),
        last_pull={"catalog": NOW - timedelta(hours=3), "holidays": NOW - timedelta(hours=1)},
    )
    banner.set_sync_status(offline)
    assert banner.isVisible()
    assert "网络已断开（自 01:25 起）" in banner.text()
    assert "数据更新于 3 小时前" in banner.text()
    # online again but the catalog has not been refreshed for a day: still said
    stale = SyncStatus(online=True, last_pull={"catalog": NOW - timedelta(days=2)})
    banner.set_sync_status(stale)
    assert "网络已断开" not in banner.text()
    assert "2 天" in banner.text()


def test_age_is_said_in_plain_units():
    assert age_text(timedelta(seconds=20)) == "不到 1 分钟"
    assert age_text(timedelta(minutes=5)) == "5 分钟"
    assert age_text(timedelta(hours=5, minutes=59)) == "5 小时"
    assert age_text(timedelta(days=3)) == "3 天"


@pytest.fixture
def window_with(qtbot, language, runner, catalog, profile, monkeypatch):  # noqa: PLR0917
    import kiosk.home

    # the pickup, scan and help tiles join the grid as their screens land; let them in
    monkeypatch.setattr(
        kiosk.home,
        "AVAILABLE_TILES",
        (*kiosk.home.AVAILABLE_TILES, Tile.PICKUP, Tile.SCAN, Tile.HELP),
    )

    def make(**extra: object):
        from kiosk.window import KioskWindow

        window = KioskWindow(
            catalog=catalog,
            profile=profile,
            language=language,
            runner=runner,
            now=lambda: NOW,
            **extra,
        )
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


def test_a_printer_out_of_paper_hides_pickup_until_it_is_refilled(qtbot, window_with):
    health = HealthBoard(clock=FakeClock())
    health.report_ok("a4", Role.A4_PRINTER)
    health.report_ok("receipt", Role.RECEIPT_PRINTER)
    health.report_ok("cam", Role.SCANNER)
    health.report_ok("net", Role.NETWORK)
    window = window_with(health=health)
    pickup = window.home.tile_button(Tile.PICKUP)
    assert pickup.isVisible()
    assert window.banner.isHidden()

    health.report_unavailable("a4", Role.A4_PRINTER, DeviceUnavailable("printer", "缺纸"))
    qtbot.waitUntil(lambda: not pickup.isVisible())
    assert Tile.PICKUP not in window.home.tiles()
    assert "暂不可用" in window.banner.text()
    assert "文件打印" in window.banner.text()
    assert window.home.tile_button(Tile.SCAN).isVisible()

    health.report_ok("a4", Role.A4_PRINTER)  # staff refilled the paper
    qtbot.waitUntil(pickup.isVisible)
    assert Tile.PICKUP in window.home.tiles()


def test_going_offline_shows_the_banner_and_hides_help(qtbot, window_with):
    board = StatusBoard(SyncStatus(online=True, last_pull={"catalog": NOW}))
    window = window_with(sync_status=board)
    help_tile = window.home.tile_button(Tile.HELP)
    assert help_tile.isVisible()
    assert window.banner.isHidden()
    # the engine reports from its own thread in production; the feed queues it over
    board.went_offline(NOW - timedelta(minutes=10), "连接超时")
    qtbot.waitUntil(window.banner.isVisible)
    assert "自 01:50 起" in window.banner.text()
    qtbot.waitUntil(lambda: not help_tile.isVisible())
    board.went_online()
    qtbot.waitUntil(window.banner.isHidden)
    qtbot.waitUntil(help_tile.isVisible)


def test_english_banner(qtbot, window_with, language):
    board = StatusBoard(SyncStatus(online=False, offline_since=NOW, last_pull={"c": NOW}))
    window = window_with(sync_status=board)
    language.set_language("en")
    qtbot.waitUntil(lambda: "Offline" in window.banner.text() or "offline" in window.banner.text())
