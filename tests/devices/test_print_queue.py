"""The durable print queue on a real journal.db: crashes, faults, retries, reprints."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from core.errors import PrintFailed, ValidationFailed
from sync.print_queue import RECOVERED_NOTE, JobState, PrintJob, PrintQueue
from sync.store import Store, open_store
from tests.helpers.clock import FakeClock
from tests.helpers.printer import FakePrinter


class SimulatedKill(BaseException):
    """Stands in for the process dying while the printer has the job."""


def a_pdf(text: str = "receipt") -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawString(72, 720, text)
    page.save()
    return out.getvalue()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "data") as opened:
        yield opened


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def receipt() -> FakePrinter:
    return FakePrinter("receipt")


@pytest.fixture
def queue(store: Store, receipt: FakePrinter, clock: FakeClock) -> PrintQueue:
    return PrintQueue(store, printers={"receipt": receipt}, clock=clock)


def submit(queue: PrintQueue, title: str = "受理凭证 T03-20260302-1", **kw: object) -> str:
    args: dict[str, object] = {"paper": "acceptance_receipt", "printer": "receipt"}
    args.update(kw)
    return queue.submit(a_pdf(title), title=title, **args)  # type: ignore[arg-type]


def test_job_is_saved_before_anything_prints(
    queue: PrintQueue, receipt: FakePrinter, tmp_path: Path, store: Store
) -> None:
    job_id = submit(queue, case_ref="T03-20260302-1")
    assert receipt.attempts == 0
    [job] = queue.pending()
    assert (job.id, job.state, job.case_ref, job.copies) == (
        job_id, JobState.QUEUED, "T03-20260302-1", 1
    )
    # Another connection sees the committed row, PDF included.
    import sqlite3

    other = sqlite3.connect(tmp_path / "data" / "journal.db")
    try:
        pdf, state = other.execute(
            "SELECT pdf, state FROM print_jobs WHERE id=?", (job_id,)
        ).fetchone()
    finally:
        other.close()
    assert pdf.startswith(b"%PDF-")
    assert state == "queued"


def test_run_once_prints_in_order_and_marks_done(queue: PrintQueue, receipt: FakePrinter) -> None:
    first = submit(queue, "取号小票 A001")
    second = submit(queue, "取号小票 A002", copies=2)
    outcomes = queue.run_once()
    assert [j.id for j in outcomes] == [first, second]
    assert all(j.state is JobState.DONE and j.attempts == 1 for j in outcomes)
    assert receipt.titles == ["取号小票 A001", "取号小票 A002"]
    assert receipt.printed[1].copies == 2
    assert queue.pending() == []


def test_kill_mid_print_then_recovery_requeues_and_prints(
    tmp_path: Path, clock: FakeClock
) -> None:
    printer = FakePrinter("receipt")
    data = tmp_path / "data"
    with open_store(data) as store:
        queue = PrintQueue(store, printers={"receipt": printer}, clock=clock)
        job_id = submit(queue)
        printer.fail_next(SimulatedKill())
        with pytest.raises(SimulatedKill):
            queue.run_once()
        assert queue.get(job_id).state is JobState.PRINTING  # abandoned, as after a crash
    # The process "restarts": a new store and a new queue on the same files.
    with open_store(data) as store:
        queue = PrintQueue(store, printers={"receipt": printer}, clock=clock)
        assert queue.recovered == (job_id,)
        job = queue.get(job_id)
        assert job.state is JobState.QUEUED
        assert job.last_error == RECOVERED_NOTE
        [done] = queue.run_once()
        assert done.state is JobState.DONE
        assert done.attempts == 2
        assert done.last_error == ""
    assert printer.titles == ["受理凭证 T03-20260302-1"]


def test_paper_out_fails_with_reason_then_reprint_after_refill(
    queue: PrintQueue, receipt: FakePrinter
) -> None:
    receipt.run_out_of_paper()
    job_id = submit(queue)
    [job] = queue.run_once()
    assert job.state is JobState.FAILED
    assert "缺纸" in job.last_error
    assert receipt.attempts == 0  # known paper-out: nothing was sent
    assert [j.id for j in queue.failed()] == [job_id]

    receipt.refill()
    assert queue.reprint(job_id) == job_id
    assert queue.get(job_id).state is JobState.QUEUED
    [job] = queue.run_once()
    assert job.state is JobState.DONE
    assert queue.failed() == []
    assert receipt.titles == ["受理凭证 T03-20260302-1"]


def test_paper_running_out_during_a_job_fails_it_and_the_rest_wait_for_staff(
    queue: PrintQueue, receipt: FakePrinter
) -> None:
    first = submit(queue, "A")
    second = submit(queue, "B")
    receipt.fail_next(PrintFailed("打印机缺纸", transient=False))

    def paper_is_gone(job: PrintJob) -> None:
        if job.state is JobState.FAILED:
            receipt.run_out_of_paper()

    queue.subscribe(paper_is_gone)
    outcomes = queue.run_once()
    assert [(j.id, j.state) for j in outcomes] == [
        (first, JobState.FAILED), (second, JobState.FAILED)
    ]
    assert receipt.attempts == 1  # the second job was not thrown at an empty printer


def test_transient_fault_retries_with_backoff(
    queue: PrintQueue, receipt: FakePrinter, clock: FakeClock
) -> None:
    job_id = submit(queue)
    receipt.fail_transiently(times=2)
    [job] = queue.run_once()
    assert job.state is JobState.QUEUED
    assert job.last_error == "打印机暂时离线"
    assert queue.run_once() == []  # not due yet
    due = queue.next_due()
    assert due is not None
    assert due > clock.now()
    clock.advance(seconds=5)
    [job] = queue.run_once()
    assert (job.state, job.attempts) == (JobState.QUEUED, 2)
    clock.advance(seconds=5)
    assert queue.run_once() == []  # backoff doubled to 10 s
    clock.advance(seconds=5)
    [job] = queue.run_once()
    assert (job.state, job.attempts) == (JobState.DONE, 3)
    assert receipt.printed
    assert queue.get(job_id).state is JobState.DONE


def test_transient_fault_gives_up_after_max_attempts(
    store: Store, receipt: FakePrinter, clock: FakeClock
) -> None:
    queue = PrintQueue(store, printers={"receipt": receipt}, clock=clock, max_attempts=2)
    job_id = submit(queue)
    receipt.fail_transiently(times=5)
    queue.run_once()
    clock.advance(minutes=10)
    [job] = queue.run_once()
    assert job.state is JobState.FAILED
    assert job.attempts == 2
    assert queue.failed()[0].id == job_id


def test_a_bug_in_a_printer_fails_the_job_and_keeps_the_queue_going(
    queue: PrintQueue, receipt: FakePrinter
) -> None:
    submit(queue, "A")
    submit(queue, "B")
    receipt.fail_next(RuntimeError("driver bug"))
    outcomes = queue.run_once()
    assert [j.state for j in outcomes] == [JobState.FAILED, JobState.DONE]
    assert "打印程序出错" in outcomes[0].last_error


def test_reprint_of_a_printed_job_is_a_new_job_on_any_printer(
    store: Store, receipt: FakePrinter, clock: FakeClock
) -> None:
    a4 = FakePrinter("a4")
    queue = PrintQueue(store, printers={"receipt": receipt, "a4": a4}, clock=clock)
    job_id = submit(queue, case_ref="C1")
    queue.run_once()
    again = queue.reprint(job_id, printer="a4")
    assert again != job_id
    queue.run_once()
    assert a4.printed[0].pdf == receipt.printed[0].pdf
    assert [j.printer for j in queue.jobs_for_case("C1")] == ["receipt", "a4"]


def test_bad_submissions_are_refused_with_chinese_messages(queue: PrintQueue) -> None:
    with pytest.raises(ValidationFailed, match="PDF"):
        queue.submit(b"hello", paper="x", title="t", printer="receipt")
    with pytest.raises(ValidationFailed, match="份数"):
        submit(queue, copies=0)
    with pytest.raises(ValidationFailed, match="未配置打印机"):
        submit(queue, printer="nowhere")
    with pytest.raises(ValidationFailed, match="找不到"):
        queue.reprint("nope")
    assert queue.pending() == []


def test_cancel_and_busy_reprint(queue: PrintQueue, receipt: FakePrinter) -> None:
    job_id = submit(queue)
    with pytest.raises(ValidationFailed, match="排队或打印中"):
        queue.reprint(job_id)
    queue.cancel(job_id)
    assert queue.run_once() == []
    assert receipt.attempts == 0
    assert queue.get(job_id).state is JobState.CANCELLED
    with pytest.raises(ValidationFailed, match="无法取消"):
        queue.cancel(job_id)


def test_listeners_hear_each_state(queue: PrintQueue) -> None:
    seen: list[JobState] = []
    unsubscribe = queue.subscribe(lambda job: seen.append(job.state))
    submit(queue)
    queue.run_once()
    unsubscribe()
    submit(queue)
    assert seen == [JobState.QUEUED, JobState.PRINTING, JobState.DONE]


def test_worker_thread_prints_submitted_jobs(queue: PrintQueue, receipt: FakePrinter) -> None:
    import threading

    done = threading.Event()
    queue.subscribe(lambda job: done.set() if job.state is JobState.DONE else None)
    queue.start(poll_seconds=30)
    try:
        submit(queue)
        assert done.wait(10)
    finally:
        queue.stop()
    assert receipt.titles == ["受理凭证 T03-20260302-1"]
