"""The task runner: work off the GUI thread, results on it, latest wins."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread

from core.errors import UserCancelled, ValidationFailed
from widgets.task_runner import TaskFailure, TaskRunner


@pytest.fixture
def runner(qtbot):
    runner = TaskRunner(pool_size=2)
    yield runner
    runner.shutdown()


def test_result_arrives_on_gui_thread_and_work_ran_elsewhere(qtbot, runner):
    gui = QThread.currentThread()
    seen: dict[str, object] = {}

    def work() -> str:
        seen["worker"] = threading.current_thread().name
        return "结果"

    def done(value: str) -> None:
        seen["value"] = value
        seen["gui"] = QThread.currentThread() is gui

    runner.run_catalog(work, on_done=done)
    qtbot.waitUntil(lambda: "value" in seen)
    assert seen == {"worker": seen["worker"], "value": "结果", "gui": True}
    assert str(seen["worker"]).startswith("govterm-catalog")


def test_catalog_lane_is_one_thread(qtbot, runner):
    threads: list[int] = []
    for _ in range(5):
        runner.run_catalog(threading.get_ident, on_done=threads.append)
    qtbot.waitUntil(lambda: len(threads) == 5)
    assert len(set(threads)) == 1
    assert threads[0] != threading.get_ident()


def test_latest_task_with_a_key_wins(qtbot, runner):
    release = threading.Event()
    delivered: list[str] = []

    def slow() -> str:
        release.wait(5)
        return "h"

    runner.run_catalog(slow, on_done=delivered.append, key="search")
    second = runner.run_catalog(lambda: "hz", on_done=delivered.append, key="search")
    release.set()
    qtbot.waitUntil(lambda: not runner.is_pending(second))
    # the first task finished too, but its stale result was dropped
    runner.run_catalog(lambda: "sentinel", on_done=delivered.append)
    qtbot.waitUntil(lambda: "sentinel" in delivered)
    assert delivered == ["hz", "sentinel"]


def test_cancel_drops_the_outcome(qtbot, runner):
    release = threading.Event()
    delivered: list[str] = []
    runner.run(lambda: release.wait(5) and "late", on_done=delivered.append, key="k")
    runner.cancel("k")
    release.set()
    runner.run(lambda: "after", on_done=delivered.append)
    qtbot.waitUntil(lambda: runner.pending_count() == 0)
    assert delivered == ["after"]


def test_error_goes_to_on_error(qtbot, runner):
    errors: list[BaseException] = []

    def fail() -> None:
        raise ValidationFailed("身份证号码校验位不正确")

    runner.run(fail, on_done=lambda _: None, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ValidationFailed)


def test_unhandled_error_is_reported_and_cancel_is_silent(qtbot, runner, caplog):
    def fail() -> None:
        raise OSError("disk gone")

    def cancelled() -> None:
        raise UserCancelled

    failures: list[TaskFailure] = []
    runner.task_failed.connect(failures.append)
    runner.run(cancelled, on_done=lambda _: None)
    with qtbot.waitSignal(runner.task_failed):
        runner.run(fail, on_done=lambda _: None)
    qtbot.waitUntil(lambda: runner.pending_count() == 0)
    assert len(failures) == 1
    assert isinstance(failures[0].error, OSError)
    assert "failed" in caplog.text


def test_result_for_a_deleted_owner_is_dropped(qtbot, runner):
    owner = QObject()
    release = threading.Event()
    delivered: list[str] = []
    ticket = runner.run(lambda: release.wait(5) and "x", on_done=delivered.append, owner=owner)

    shiboken6.delete(owner)
    release.set()
    qtbot.waitUntil(lambda: not runner.is_pending(ticket))
    assert delivered == []


def test_idle_changes_are_signalled(qtbot, runner):
    states: list[bool] = []
    runner.idle_changed.connect(states.append)
    with qtbot.waitSignal(runner.idle_changed, check_params_cb=lambda idle: idle):
        runner.run(lambda: 1, on_done=lambda _: None)
    assert states == [False, True]


def test_no_work_after_shutdown(qtbot, runner):
    runner.shutdown()
    ran = threading.Event()
    delivered: list[object] = []
    idle: list[bool] = []
    runner.idle_changed.connect(idle.append)
    for start in (runner.run, runner.run_catalog):
        ticket = start(ran.set, on_done=delivered.append, key="late")
        assert not runner.is_pending(ticket)
    QCoreApplication.processEvents()  # a wrongly queued delivery would arrive here
    assert not ran.is_set()
    assert delivered == []
    assert idle == []
    assert runner.pending_count() == 0
