"""The Qt adapter of the sync status: bursts coalesced, GUI thread, catalog refresh."""

from __future__ import annotations

import datetime as dt
import sys
import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from sync.status import StatusBoard, SyncStatus
from widgets.sync_status import SyncStatusModel


@pytest.fixture
def board() -> StatusBoard:
    return StatusBoard()


@pytest.fixture
def model(qtbot: QtBot, board: StatusBoard) -> Iterator[SyncStatusModel]:
    version = {"value": 0}
    model = SyncStatusModel(board=board, catalog_version=lambda: version["value"], coalesce_ms=50)
    model.catalog_version_box = version  # type: ignore[attr-defined]
    yield model
    model.close()


def _record(model: SyncStatusModel) -> list[SyncStatus]:
    seen: list[SyncStatus] = []
    model.status_changed.connect(seen.append)
    return seen


def test_500_changes_in_a_burst_give_one_signal(
    qtbot: QtBot, board: StatusBoard, model: SyncStatusModel
) -> None:
    seen = _record(model)
    trues = sys.getrefcount(True)
    with qtbot.waitSignal(model.status_changed, timeout=5000) as blocker:
        for pending in range(1, 501):
            board.update(pending=pending)
    qtbot.waitUntil(lambda: not model.pending(), timeout=5000)
    assert len(seen) == 1
    # PySide6 6.12's Signal.emit drops a reference to True on each call: the burst
    # must not cost one emit per change (a long-running kiosk would abort).
    assert trues - sys.getrefcount(True) < 50
    assert blocker.args == [seen[0]]
    assert seen[0].pending == 500
    assert model.status.pending == 500


def test_changes_from_the_engine_thread_arrive_on_the_gui_thread(
    qtbot: QtBot, board: StatusBoard, model: SyncStatusModel
) -> None:
    threads: list[threading.Thread] = []
    model.status_changed.connect(lambda _s: threads.append(threading.current_thread()))

    def engine() -> None:
        for pending in range(1, 501):
            board.update(pending=pending)

    worker = threading.Thread(target=engine, name="sync-engine")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: model.status.pending == 500, timeout=5000)
    assert threads
    assert all(t is threading.main_thread() for t in threads)
    assert len(threads) < 5  # a burst, not 500 refreshes


def test_a_new_burst_after_a_quiet_spell_is_signalled_again(
    qtbot: QtBot, board: StatusBoard, model: SyncStatusModel
) -> None:
    seen = _record(model)
    with qtbot.waitSignal(model.status_changed, timeout=5000):
        board.went_online()
    with qtbot.waitSignal(model.status_changed, timeout=5000):
        board.update(pending=3)
    assert [s.online for s in seen] == [True, True]
    assert [s.pending for s in seen] == [0, 3]


def test_catalog_changed_only_when_catalog_rows_arrived(
    qtbot: QtBot, board: StatusBoard, model: SyncStatusModel
) -> None:
    catalog: list[bool] = []
    model.catalog_changed.connect(lambda: catalog.append(True))
    with qtbot.waitSignal(model.status_changed, timeout=5000):
        board.update(pending=1)  # an outbox change: the catalog is as it was
    assert catalog == []
    with qtbot.waitSignal(model.catalog_changed, timeout=5000):
        model.catalog_version_box["value"] = 1  # type: ignore[attr-defined]
        for n in range(100):
            board.update(pending=n + 2)
    qtbot.waitUntil(lambda: not model.pending(), timeout=5000)
    assert catalog == [True]


def test_subscribers_follow_like_a_board_and_close_stops_delivery(
    qtbot: QtBot, board: StatusBoard, model: SyncStatusModel
) -> None:
    heard: list[SyncStatus] = []
    unsubscribe = model.subscribe(heard.append)
    with qtbot.waitSignal(model.status_changed, timeout=5000):
        board.went_offline(dt.datetime.now(dt.UTC), "无法连接前置机")
    assert [s.last_error for s in heard] == ["无法连接前置机"]
    unsubscribe()
    with qtbot.waitSignal(model.status_changed, timeout=5000):
        board.went_online()
    assert len(heard) == 1

    model.close()
    board.update(pending=7)
    qtbot.waitUntil(lambda: not model.pending(), timeout=1000)
    assert model.status.pending == 0  # nothing delivered after close
    assert board.status.pending == 7

