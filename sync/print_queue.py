"""The durable print queue: every paper is saved in ``journal.db`` before it is printed.

A job is a row of ``print_jobs`` (created by :mod:`sync.schema`). Its life::

    queued ──claim──▶ printing ──▶ done
      ▲                  │
      │ transient fault  ├──▶ failed (paper out, jam, too many attempts) ──reprint──▶ queued
      └──── (backoff) ───┘
    queued / failed ──cancel──▶ cancelled

- **Persisted first.** :meth:`PrintQueue.submit` commits the PDF before anything is
  sent, so a crash or a dead printer never loses a paper.
- **Crash recovery re-queues.** A job found ``printing`` when the queue starts was
  interrupted by a crash: we cannot know whether it came out. It is put back in the
  queue (its ``last_error`` says so), because a receipt printed twice is harmless — every
  paper carries a verification code and the second copy is identical — while a citizen
  who leaves without their 受理凭证 is not.
- **Transient faults are retried** with exponential backoff (a printer briefly offline);
  faults a person must fix (paper out, cover open) fail the job at once with the
  printer's own Chinese message, so staff see it in :meth:`PrintQueue.failed` and press
  reprint after refilling. After ``max_attempts`` a transient fault fails the job too.
- The backoff deadline is kept in memory only: after a restart a waiting job is tried
  at once, which costs one attempt and nothing else.

One queue object per store. :meth:`run_once` does one pass (tests, and the worker
thread of :meth:`start`); listeners added with :meth:`subscribe` hear about every
change of a job's state, on the thread that made it.
"""

from __future__ import annotations

import datetime as _dt
import logging
import sqlite3
import threading
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from core.clock import Clock
from core.errors import DeviceUnavailable, PrintFailed, ValidationFailed, msg
from sync.store import Store

log = logging.getLogger(__name__)

PDF_MAGIC = b"%PDF-"
MAX_COPIES = 20
DEFAULT_MAX_ATTEMPTS = 5
BACKOFF_BASE = _dt.timedelta(seconds=5)
BACKOFF_CAP = _dt.timedelta(minutes=5)
RECOVERED_NOTE = msg("上次打印时程序中断，无法确认是否已打出，已重新排队打印")

_COLUMNS = (
    "id, created_at, updated_at, paper, title, printer, copies, state, attempts, "
    "last_error, case_ref, length(pdf)"
)


class PrinterHealth(Protocol):
    """What the queue reads from a printer's status (``devices.printers.PrinterStatus``)."""

    @property
    def needs_staff(self) -> bool:
        """True when only a person can make the printer print again."""
        ...

    @property
    def staff_message(self) -> str:
        """Chinese text for staff."""
        ...


class Printer(Protocol):
    """The part of ``devices.printers.Printer`` the queue uses.

    Declared here because ``sync`` may not import ``devices``; every printer in
    ``devices.printers`` satisfies it.
    """

    def print_pdf(self, pdf: bytes, *, title: str, copies: int = 1) -> None:
        """Print; raises :class:`core.errors.PrintFailed` when the job did not print."""
        ...

    def status(self) -> PrinterHealth:
        """The printer's current status."""
        ...


class JobState(StrEnum):
    """``print_jobs.state``."""

    QUEUED = "queued"
    PRINTING = "printing"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class PrintJob:
    """One row of ``print_jobs``, without the PDF (see :meth:`PrintQueue.pdf`).

    Attributes:
        id: the job id.
        created_at: when it was submitted (aware).
        updated_at: when its state last changed (aware).
        paper: the kind of paper, e.g. ``"acceptance_receipt"``.
        title: what staff see in the job list, e.g. ``"受理凭证 T03-20260302-0007"``.
        printer: the configured printer name it goes to.
        copies: how many copies.
        state: see :class:`JobState`.
        attempts: how many times it was sent to a printer.
        last_error: Chinese text for staff about the last fault, or empty.
        case_ref: the case it belongs to, if any.
        size: PDF size in bytes.
    """

    id: str
    created_at: _dt.datetime
    updated_at: _dt.datetime
    paper: str
    title: str
    printer: str
    copies: int
    state: JobState
    attempts: int
    last_error: str
    case_ref: str | None
    size: int

    @classmethod
    def from_row(cls, row: tuple[object, ...]) -> PrintJob:
        (job_id, created, updated, paper, title, printer, copies, state, attempts, error,
         case_ref, size) = row
        return cls(
            id=str(job_id),
            created_at=_dt.datetime.fromisoformat(str(created)),
            updated_at=_dt.datetime.fromisoformat(str(updated)),
            paper=str(paper),
            title=str(title),
            printer=str(printer or ""),
            copies=int(str(copies)),
            state=JobState(str(state)),
            attempts=int(str(attempts)),
            last_error=str(error or ""),
            case_ref=None if case_ref is None else str(case_ref),
            size=int(str(size)),
        )


JobListener = Callable[[PrintJob], None]


class PrintQueue:
    """Durable print jobs in ``journal.db``, sent to configured printers.

    Args:
        store: the terminal's store (its ``journal`` holds ``print_jobs``).
        printers: configured printers by name (``"receipt"``, ``"a4"`` …).
        clock: stamps jobs and times the backoff.
        max_attempts: how many sends a transient fault may cost before the job fails.

    On construction, jobs left ``printing`` by a crash are re-queued (see module doc).
    """

    def __init__(
        self,
        store: Store,
        *,
        printers: Mapping[str, Printer],
        clock: Clock,
        max_attempts: int = DEFAULT_MAX_ATTEMPTS,
    ) -> None:
        if max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        self._journal = store.journal
        self._printers = dict(printers)
        self._clock = clock
        self._max_attempts = max_attempts
        self._not_before: dict[str, _dt.datetime] = {}
        self._listeners: list[JobListener] = []
        self._run_lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.recovered: tuple[str, ...] = self._recover()

    # ------------------------------------------------------------------ listeners

    def subscribe(self, listener: JobListener) -> Callable[[], None]:
        """Call ``listener`` with the job after every state change; returns an unsubscriber."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _notify(self, job_id: str) -> None:
        job = self.get(job_id)
        for listener in list(self._listeners):
            try:
                listener(job)
            except Exception:
                log.exception("print job listener failed")

    # -------------------------------------------------------------------- writing

    def submit(
        self,
        pdf: bytes,
        *,
        paper: str,
        title: str,
        printer: str,
        copies: int = 1,
        case_ref: str | None = None,
    ) -> str:
        """Save a job (committed before anything prints) and wake the worker.

        Args:
            pdf: the finished paper.
            paper: its kind, e.g. ``"acceptance_receipt"``.
            title: for the staff job list; must not contain a full ID number.
            printer: a configured printer name.
            copies: 1…20.
            case_ref: the case it belongs to.

        Returns:
            The job id.

        Raises:
            ValidationFailed: not a PDF, empty title, bad copy count or unknown printer.
        """
        if not pdf.startswith(PDF_MAGIC):
            raise ValidationFailed(msg("打印内容不是有效的 PDF 文件"), code="print.not_pdf")
        if not title.strip():
            raise ValidationFailed(msg("打印任务缺少标题"), code="print.title")
        if not 1 <= copies <= MAX_COPIES:
            raise ValidationFailed(
                msg("打印份数应为1至{max}份", max=MAX_COPIES), code="print.copies", max=MAX_COPIES
            )
        if printer not in self._printers:
            raise ValidationFailed(
                msg("未配置打印机“{printer}”", printer=printer),
                code="print.unknown_printer",
                printer=printer,
            )
        job_id = uuid.uuid4().hex
        now = self._stamp()
        with self._journal.transaction() as conn:
            conn.execute(
                "INSERT INTO print_jobs (id, created_at, updated_at, paper, title, pdf, "
                "printer, copies, state, attempts, case_ref) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?)",
                (job_id, now, now, paper, title.strip(), pdf, printer, copies, case_ref),
            )
        log.info("print job %s queued: %s on %s", job_id, paper, printer)
        self._notify(job_id)
        self._wake.set()
        return job_id

    def reprint(self, job_id: str, *, printer: str | None = None) -> str:
        """Print a job again.

        A failed or cancelled job goes back in the queue as it is (same id, attempts
        reset). A job that was printed is copied into a new job, so the history keeps
        both. ``printer`` sends it elsewhere (e.g. the A4 printer when the receipt
        printer is broken).

        Returns:
            The id of the queued job.

        Raises:
            ValidationFailed: unknown job, unknown printer, or the job is still queued
                or printing.
        """
        job = self.get(job_id)
        target = printer or job.printer
        if target not in self._printers:
            raise ValidationFailed(
                msg("未配置打印机“{printer}”", printer=target),
                code="print.unknown_printer",
                printer=target,
            )
        if job.state in (JobState.QUEUED, JobState.PRINTING):
            raise ValidationFailed(
                msg("该打印任务正在排队或打印中，无需重新打印"), code="print.busy"
            )
        if job.state is JobState.DONE:
            pdf = self.pdf(job_id)
            return self.submit(
                pdf,
                paper=job.paper,
                title=job.title,
                printer=target,
                copies=job.copies,
                case_ref=job.case_ref,
            )
        self._set(job_id, JobState.QUEUED, error=None, attempts=0, printer=target,
                  expect=(JobState.FAILED, JobState.CANCELLED))
        self._not_before.pop(job_id, None)
        log.info("print job %s re-queued on %s", job_id, target)
        self._wake.set()
        return job_id

    def cancel(self, job_id: str) -> None:
        """Cancel a queued or failed job (a job being printed cannot be called back).

        Raises:
            ValidationFailed: unknown job, or it is printing, done or already cancelled.
        """
        job = self.get(job_id)
        if job.state not in (JobState.QUEUED, JobState.FAILED):
            raise ValidationFailed(msg("该打印任务已完成或正在打印，无法取消"), code="print.cancel")
        self._set(job_id, JobState.CANCELLED, error=job.last_error or None,
                  expect=(JobState.QUEUED, JobState.FAILED))
        self._not_before.pop(job_id, None)

    # -------------------------------------------------------------------- reading

    def get(self, job_id: str) -> PrintJob:
        """One job.

        Raises:
            ValidationFailed: there is no such job.
        """
        with self._journal.read() as conn:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM print_jobs WHERE id = ?", (job_id,)
            ).fetchone()
        if row is None:
            raise ValidationFailed(msg("找不到该打印任务"), code="print.unknown_job")
        return PrintJob.from_row(row)

    def pdf(self, job_id: str) -> bytes:
        """The PDF of a job (for a preview or a reprint elsewhere)."""
        with self._journal.read() as conn:
            row = conn.execute("SELECT pdf FROM print_jobs WHERE id = ?", (job_id,)).fetchone()
        if row is None:
            raise ValidationFailed(msg("找不到该打印任务"), code="print.unknown_job")
        return bytes(row[0])

    def pending(self) -> list[PrintJob]:
        """Jobs not yet printed (queued or printing), oldest first."""
        return self._where("state IN ('queued', 'printing')")

    def failed(self) -> list[PrintJob]:
        """Jobs that need staff (paper out, jams, too many attempts), oldest first."""
        return self._where("state = 'failed'")

    def jobs_for_case(self, case_ref: str) -> list[PrintJob]:
        """Every job printed for one case, oldest first."""
        return self._where("case_ref = ?", (case_ref,))

    def _where(self, condition: str, params: tuple[object, ...] = ()) -> list[PrintJob]:
        with self._journal.read() as conn:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM print_jobs WHERE {condition} "
                "ORDER BY created_at, rowid",
                params,
            ).fetchall()
        return [PrintJob.from_row(r) for r in rows]

    # ------------------------------------------------------------------- printing

    def run_once(self) -> list[PrintJob]:
        """Send every due queued job once, oldest first.

        A printer that needs staff (paper out …) fails its due jobs without sending
        them; after a transient fault the printer's other jobs wait for a later pass.

        Returns:
            The jobs that were looked at, as they stand after this pass.
        """
        with self._run_lock:
            now = self._clock.now()
            due = [
                job
                for job in self._where("state = 'queued'")
                if self._not_before.get(job.id, now) <= now
            ]
            health: dict[str, PrinterHealth | None] = {}
            outcomes: list[PrintJob] = []
            for job in due:
                printer = self._printers.get(job.printer)
                if printer is None:
                    self._fail(
                        job.id,
                        msg(
                            "未配置打印机“{printer}”，请在管理界面改用其他打印机重新打印",
                            printer=job.printer,
                        ),
                    )
                elif job.printer not in health:
                    health[job.printer] = printer.status()
                if printer is not None:
                    status = health[job.printer]
                    if status is None:
                        continue  # a transient fault this pass: try it next time
                    health[job.printer] = self._send(job, printer, status)
                outcomes.append(self.get(job.id))
            return outcomes

    def _send(
        self, job: PrintJob, printer: Printer, status: PrinterHealth
    ) -> PrinterHealth | None:
        """Print one job; returns the status to assume for the printer's next jobs.

        None means "leave its other jobs for the next pass".
        """
        if status.needs_staff:
            self._fail(job.id, status.staff_message)
            return status
        if not self._claim(job.id):
            return status  # cancelled meanwhile
        try:
            pdf = self.pdf(job.id)
            printer.print_pdf(pdf, title=job.title, copies=job.copies)
        except PrintFailed as exc:
            self._fault(job, exc.reason, transient=exc.transient)
            return None if exc.transient else printer.status()
        except DeviceUnavailable as exc:
            self._fault(job, exc.reason, transient=True)
            return None
        except Exception:
            log.exception("printer %s failed on job %s", job.printer, job.id)
            self._fail(job.id, msg("打印程序出错，请联系运维人员；可改用其他打印机重新打印"))
            return status
        self._set(job.id, JobState.DONE, error=None, expect=(JobState.PRINTING,))
        self._not_before.pop(job.id, None)
        log.info("print job %s done on %s", job.id, job.printer)
        return status

    def _fault(self, job: PrintJob, reason: str, *, transient: bool) -> None:
        attempts = job.attempts + 1
        if transient and attempts < self._max_attempts:
            delay = min(BACKOFF_BASE * 2 ** (attempts - 1), BACKOFF_CAP)
            self._not_before[job.id] = self._clock.now() + delay
            self._set(job.id, JobState.QUEUED, error=reason, expect=(JobState.PRINTING,))
            log.warning(
                "print job %s: transient fault on %s, retry in %ss (attempt %d)",
                job.id, job.printer, int(delay.total_seconds()), attempts,
            )
            return
        self._fail(job.id, reason)

    def _fail(self, job_id: str, reason: str) -> None:
        self._set(job_id, JobState.FAILED, error=reason,
                  expect=(JobState.QUEUED, JobState.PRINTING))
        self._not_before.pop(job_id, None)
        log.warning("print job %s failed: %s", job_id, reason)

    def next_due(self) -> _dt.datetime | None:
        """When the earliest queued job may be tried, or None when nothing is queued."""
        queued = self._where("state = 'queued'")
        if not queued:
            return None
        now = self._clock.now()
        return min(self._not_before.get(job.id, now) for job in queued)

    # --------------------------------------------------------------------- worker

    def start(self, *, poll_seconds: float = 2.0) -> None:
        """Print in a background thread until :meth:`stop` (idempotent)."""
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._work, args=(poll_seconds,), name="print-queue", daemon=True
        )
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the worker after the job it is printing (idempotent)."""
        thread = self._thread
        if thread is None:
            return
        self._stop.set()
        self._wake.set()
        thread.join(timeout)
        self._thread = None

    def wake(self) -> None:
        """Make the worker look at the queue now (e.g. after staff refilled paper)."""
        self._wake.set()

    def _work(self, poll_seconds: float) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                self.run_once()
            except sqlite3.Error:
                log.exception("print queue pass failed; will try again")
            except Exception:
                log.exception("print queue pass failed (bug); will try again")
            self._wake.wait(poll_seconds)

    # ------------------------------------------------------------------ internals

    def _stamp(self) -> str:
        return self._clock.now().isoformat()

    def _recover(self) -> tuple[str, ...]:
        with self._journal.transaction() as conn:
            rows = conn.execute("SELECT id FROM print_jobs WHERE state = 'printing'").fetchall()
            ids = tuple(str(r[0]) for r in rows)
            conn.execute(
                "UPDATE print_jobs SET state = 'queued', last_error = ?, updated_at = ? "
                "WHERE state = 'printing'",
                (RECOVERED_NOTE, self._stamp()),
            )
        for job_id in ids:
            log.warning("print job %s was interrupted by a crash; re-queued", job_id)
        return ids

    def _claim(self, job_id: str) -> bool:
        with self._journal.transaction() as conn:
            cur = conn.execute(
                "UPDATE print_jobs SET state = 'printing', attempts = attempts + 1, "
                "updated_at = ? WHERE id = ? AND state = 'queued'",
                (self._stamp(), job_id),
            )
            claimed = cur.rowcount == 1
        if claimed:
            self._notify(job_id)
        return claimed

    def _set(
        self,
        job_id: str,
        state: JobState,
        *,
        error: str | None,
        expect: tuple[JobState, ...],
        attempts: int | None = None,
        printer: str | None = None,
    ) -> None:
        sets = ["state = ?", "last_error = ?", "updated_at = ?"]
        params: list[object] = [state.value, error, self._stamp()]
        if attempts is not None:
            sets.append("attempts = ?")
            params.append(attempts)
        if printer is not None:
            sets.append("printer = ?")
            params.append(printer)
        marks = ", ".join("?" for _ in expect)
        with self._journal.transaction() as conn:
            cur = conn.execute(
                f"UPDATE print_jobs SET {', '.join(sets)} WHERE id = ? AND state IN ({marks})",
                (*params, job_id, *(s.value for s in expect)),
            )
            changed = cur.rowcount == 1
        if changed:
            self._notify(job_id)
        else:
            log.info("print job %s not moved to %s: state changed meanwhile", job_id, state)
