"""The terminal's sync engine: pull server-owned streams, push the outbox (SYNC.md).

Exactly one engine writes a store: constructing a second one for the same data
directory raises :class:`EngineBusy` (another *process* cannot even open the store,
see :func:`sync.store.open_store`), and every pull or push holds the engine's writer
lock, so work from the engine thread and from a caller never interleaves.

**Pull.** A manifest probe (``ETag``/304) says which streams moved. A stream without a
cursor, one whose epoch changed, one the gateway answers ``410`` for, or one whose
digest no longer matches is rebuilt from a snapshot (:mod:`sync.snapshot`); resets
are capped at three per stream per day and jittered. Otherwise the change feed is
paged from the stored cursor, each page applied with its cursor in one transaction
(:meth:`sync.store.Store.apply_page`), so a crash re-fetches a page harmlessly. Two
watcher threads long-poll ``pickups`` and ``case_status`` and only *wake* the engine;
the engine thread alone applies.

**Push.** Pending outbox events go in ``seq`` order, ≤ 200 events / 1 MB per batch,
attachments first. Per event: ``applied``/``duplicate`` → acked with the server's
result (the official case number …); ``rejected`` → the needs-attention list;
``deferred`` → tried again after a backoff. A lost acknowledgement is harmless: the
resend comes back ``duplicate`` with the original result.

**Timing.** Manifest probe every 60 s ± 20 %; push soon after :meth:`SyncEngine.nudge`
(debounced) and every 30 s while the outbox is not empty; heartbeat every 5 min.
Failures back off with full jitter (base 2 s, cap 5 min), ``Retry-After`` honoured;
push retries forever. Time and waiting are injected, so tests drive :meth:`tick`
with a fake clock and never sleep.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import random
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from pydantic import ValidationError

from core.errors import EnvironmentProblem, GovtermError, Offline, UserFacingError, msg
from sync.protocol import (
    LONG_POLL_STREAMS,
    MAX_BATCH_BYTES,
    MAX_BATCH_EVENTS,
    BatchResult,
    DeviceCredential,
    Event,
    EventResult,
    EventStatus,
    Heartbeat,
    HeartbeatAck,
    StreamManifest,
)
from sync.schema import STREAMS
from sync.snapshot import DAY_SECONDS, SnapshotBuilder, cache_digest
from sync.status import AttentionItem, StatusBoard, SyncStatus
from sync.store import ChangeRow, Store
from sync.transport import (
    BadAnswer,
    ClockSkew,
    NotAuthorised,
    StreamReset,
    Transport,
    TransportProblem,
    TryLater,
    request_enrolment,
)

log = logging.getLogger(__name__)

CREDENTIAL_FILE = "device.json"
BLOB_DIR = "blobs"
_BATCH_BYTES_BUDGET = MAX_BATCH_BYTES - 16_000  # headroom for the batch envelope
_EVENT_OVERHEAD = 320  # bytes of JSON around one event's payload
_LEDGER_PAGE = 5000  # most entries the gateway lists per ledger request


# ------------------------------------------------------------------ configuration


@dataclass(frozen=True, slots=True)
class EngineConfig:
    """Timings and limits of the engine (SYNC.md, Timing). Tests shrink them.

    Attributes:
        streams: the streams this terminal pulls (in this order).
        probe_interval: seconds between manifest probes (± ``probe_jitter``).
        push_interval: seconds between pushes while the outbox is not empty.
        push_debounce: seconds a :meth:`SyncEngine.nudge` waits for more events.
        heartbeat_interval: seconds between heartbeats.
        backoff_base, backoff_cap: full-jitter exponential backoff after failures.
        page_limit: rows per change page.
        long_poll_wait: the ``wait`` of a watcher's long-poll (0 disables watchers).
        reset_jitter: longest random pause before a reset's snapshot download.
        resets_per_day: most resets per stream in 24 hours.
        verify_interval: seconds between digest checks of a caught-up stream.
        batch_events, batch_bytes: most events and bytes per pushed batch.
        outbox_retention: seconds an acknowledged outbox event is kept for support
            before it may be purged (and only once the gateway's ledger confirms it).
        purge_interval: seconds between outbox purges (each runs after a heartbeat).
        purge_limit: most outbox rows one purge deletes.
    """

    streams: tuple[str, ...] = STREAMS
    probe_interval: float = 60.0
    probe_jitter: float = 0.2
    push_interval: float = 30.0
    push_debounce: float = 0.5
    heartbeat_interval: float = 300.0
    backoff_base: float = 2.0
    backoff_cap: float = 300.0
    page_limit: int = 1000
    long_poll_wait: float = 25.0
    reset_jitter: float = 30.0
    resets_per_day: int = 3
    verify_interval: float = 3600.0
    batch_events: int = MAX_BATCH_EVENTS
    batch_bytes: int = _BATCH_BYTES_BUDGET
    outbox_retention: float = 7 * DAY_SECONDS
    purge_interval: float = 3600.0
    purge_limit: int = 20_000


class Sleeper(Protocol):
    """How the engine waits: a wait that :meth:`wake` cuts short."""

    def wait(self, seconds: float) -> None: ...

    def wake(self) -> None: ...


class EventSleeper:
    """The real :class:`Sleeper`: a ``threading.Event`` wait."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def wait(self, seconds: float) -> None:
        if seconds > 0:
            self._event.wait(seconds)
        self._event.clear()

    def wake(self) -> None:
        self._event.set()


class BlobSource(Protocol):
    """Where the engine finds attachments named by their sha256 before pushing."""

    def blob(self, sha256: str) -> bytes | None: ...


class BlobFolder:
    """Attachments kept as files named by their sha256 (``<data dir>/blobs``).

    Args:
        root: the folder; created on first :meth:`put`.
    """

    def __init__(self, root: Path) -> None:
        self.root = root

    def put(self, data: bytes) -> str:
        """Keep ``data``; returns its sha256 (the name events refer to it by)."""
        digest = hashlib.sha256(data).hexdigest()
        target = self.root / digest
        if not target.exists():
            self.root.mkdir(parents=True, exist_ok=True)
            _write_atomically(target, data, mode=0o600)
        return digest

    def blob(self, sha256: str) -> bytes | None:
        path = self.root / sha256
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        if hashlib.sha256(data).hexdigest() != sha256:
            log.error("attachment %s is damaged on disk", sha256[:12])
            return None
        return data


class EngineBusy(GovtermError):
    """A sync engine already runs for this store (one writer per store)."""


@dataclass(frozen=True, slots=True)
class PullReport:
    """What one :meth:`SyncEngine.pull` did.

    Attributes:
        unchanged: the manifest answered 304.
        applied: stream → rows written from change pages.
        rebuilt: streams rebuilt from a snapshot.
    """

    unchanged: bool = False
    applied: Mapping[str, int] = field(default_factory=dict)
    rebuilt: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PushReport:
    """What one :meth:`SyncEngine.push` did."""

    sent: int = 0
    acked: int = 0
    rejected: int = 0
    deferred: int = 0


@dataclass(frozen=True, slots=True)
class PurgeReport:
    """What one :meth:`SyncEngine.purge_outbox` did.

    Attributes:
        purged: acknowledged events deleted from the outbox.
        through_seq: the highest sequence number purged (0 when none).
        unconfirmed: events past retention kept because the gateway's ledger does not
            (yet) show them arriving exactly as sent.
    """

    purged: int = 0
    through_seq: int = 0
    unconfirmed: int = 0


@dataclass(frozen=True, slots=True)
class _Pending:
    seq: int
    event_id: str
    kind: str
    schema_version: int
    payload: str
    sha256: str
    created_at: str
    attempts: int
    next_attempt_at: str | None


_claims: dict[Path, int] = {}
_claims_lock = threading.Lock()


def _utc_now() -> datetime:
    return datetime.now(UTC)


# ------------------------------------------------------------------ the engine


class SyncEngine:
    """Pulls and pushes for one store through one gateway transport.

    Args:
        store: the open store (this engine becomes its only sync writer).
        transport: the signed HTTP transport.
        config: timings and limits.
        status: the board the engine reports to (a fresh one by default).
        blobs: attachments by sha256 (default: ``<data dir>/blobs``).
        device_health: device → "ok" or a problem, sent with heartbeats.
        app_version: sent with heartbeats.
        monotonic: seconds for scheduling (fake in tests).
        wall: the current time, for data ages and outbox retry times (fake in tests).
        rng: randomness for jitter (seeded in tests).
        sleeper: how the engine thread waits (see :class:`Sleeper`).

    Raises:
        EngineBusy: another engine already holds this store.
    """

    def __init__(
        self,
        *,
        store: Store,
        transport: Transport,
        config: EngineConfig | None = None,
        status: StatusBoard | None = None,
        blobs: BlobSource | None = None,
        device_health: Callable[[], Mapping[str, str]] = dict,
        app_version: str = "",
        monotonic: Callable[[], float] = time.monotonic,
        wall: Callable[[], datetime] = _utc_now,
        rng: random.Random | None = None,
        sleeper: Sleeper | None = None,
    ) -> None:
        self._key = store.data_dir.resolve()
        with _claims_lock:
            if self._key in _claims:
                raise EngineBusy(
                    msg(
                        "数据目录 {data_dir} 已有同步程序在运行（每个存储只允许一个）",
                        data_dir=store.data_dir,
                    )
                )
            _claims[self._key] = id(self)
        self.store = store
        self.transport = transport
        self.config = config or EngineConfig()
        self.board = status or StatusBoard()
        self._blobs = blobs or BlobFolder(store.data_dir / BLOB_DIR)
        self._device_health = device_health
        self._app_version = app_version
        self._mono = monotonic
        self._wall = wall
        self._rng = rng or random.Random()
        self._sleeper = sleeper or EventSleeper()
        self._writer = threading.Lock()
        self._stopping = threading.Event()
        self._builder = SnapshotBuilder(store=store, should_stop=self._stopping.is_set)
        self._uploaded: set[str] = set()
        self._etag: str | None = None
        self._skipped = False
        self._last_verified: dict[str, float] = {}
        self._failures = 0
        self._authorised = True
        now = self._mono()
        self._backoff_until = 0.0
        self._next_probe = now
        self._push_at: float | None = now
        self._next_heartbeat = now
        self._next_purge = now
        self._pull_wanted: set[str] = set()
        self._flags = threading.Lock()
        self._pulled = threading.Condition()
        self._thread: threading.Thread | None = None
        self._watchers: list[threading.Thread] = []
        self._watch_links: list[Transport] = []  # the watchers' own, aborted on stop
        self._closed = False
        self._refresh_outbox_status()

    # ------------------------------------------------------------------ lifecycle

    @property
    def status(self) -> SyncStatus:
        return self.board.status

    def start(self) -> None:
        """Run the engine (and its long-poll watchers) in background threads."""
        if self._thread is not None:
            return
        self._stopping.clear()
        self._thread = threading.Thread(target=self.run, name="sync-engine", daemon=True)
        self._thread.start()
        if self.config.long_poll_wait > 0:
            for stream in self.config.streams:
                if stream in {s.value for s in LONG_POLL_STREAMS}:
                    watcher = threading.Thread(
                        target=self._watch, args=(stream,), name=f"sync-watch-{stream}", daemon=True
                    )
                    watcher.start()
                    self._watchers.append(watcher)

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the threads; a watcher's long-poll in flight is ended at once."""
        self._stopping.set()
        with self._flags:
            links, self._watch_links = self._watch_links, []
        for link in links:
            link.abort()
        self._sleeper.wake()
        with self._pulled:
            self._pulled.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        for watcher in self._watchers:
            watcher.join(timeout)
        self._watchers = []
        self.board.update(running=False)

    def close(self) -> None:
        """Stop, close the transport and the staging file, and release the store."""
        if self._closed:
            return
        self.stop()
        self._closed = True
        self._builder.close()
        self.transport.close()
        with _claims_lock:
            if _claims.get(self._key) == id(self):
                del _claims[self._key]

    def __enter__(self) -> SyncEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def run(self) -> None:
        """The engine thread: do what is due, wait until the next thing is due."""
        self.board.update(running=True)
        while not self._stopping.is_set():
            delay = self.tick()
            if self._stopping.is_set():
                break
            self._sleeper.wait(min(delay, 3600.0))
        self.board.update(running=False)

    def nudge(self) -> None:
        """Push soon: call after enqueueing events (bursts are debounced into one push)."""
        with self._flags:
            due = self._mono() + self.config.push_debounce
            if self._push_at is None or self._push_at > due:
                self._push_at = due
        self._sleeper.wake()

    def request_pull(self, stream: str) -> None:
        """Pull ``stream`` soon, without waiting for the next manifest probe."""
        with self._flags:
            self._pull_wanted.add(stream)
        self._sleeper.wake()

    # ------------------------------------------------------------------ scheduling

    def tick(self) -> float:
        """Do everything that is due now; return the seconds until something is due."""
        if not self._authorised:
            return math.inf
        now = self._mono()
        if now < self._backoff_until:
            return self._backoff_until - now
        try:
            self._due_work(now)
        except NotAuthorised as exc:
            self._authorised = False
            log.error("the gateway refused this terminal's credential (%s); sync stopped", exc.code)
            self.board.update(authorised=False, online=False, last_error=exc.message)
            return math.inf
        except (TransportProblem, Offline, StreamReset) as exc:
            self._failed(now, exc, str(exc))
        except EnvironmentProblem as exc:  # disk full, store busy …
            log.warning("sync paused: %s", exc)
            self._failed(now, exc, str(exc))
        except Exception as exc:
            log.exception("sync round failed")
            self._failed(now, exc, msg("同步出错，稍后自动重试"))
        else:
            self._failures = 0
            self.board.went_online()
        return max(0.0, self._next_due() - self._mono())

    def _due_work(self, now: float) -> None:
        with self._flags:
            push_due = self._push_at is not None and self._push_at <= now
            wanted = set(self._pull_wanted)
        if push_due:
            self._with_clock_fix(self.push)
            with self._flags:
                self._push_at = (
                    self._mono() + self.config.push_interval if self.status.pending else None
                )
        if now >= self._next_probe:
            self._with_clock_fix(self.pull)
            jitter = self.config.probe_jitter
            self._next_probe = self._mono() + self.config.probe_interval * self._rng.uniform(
                1 - jitter, 1 + jitter
            )
            with self._flags:
                self._pull_wanted -= wanted
        elif wanted:
            self._with_clock_fix(lambda: self.pull_streams(sorted(wanted)))
            with self._flags:
                self._pull_wanted -= wanted
        if now >= self._next_heartbeat:
            self._with_clock_fix(self.heartbeat)
            self._next_heartbeat = self._mono() + self.config.heartbeat_interval
            if now >= self._next_purge:
                self._with_clock_fix(self.purge_outbox)
                self._next_purge = self._mono() + self.config.purge_interval

    def _next_due(self) -> float:
        with self._flags:
            times = [self._next_probe, self._next_heartbeat, self._backoff_until]
            if self._push_at is not None:
                times.append(self._push_at)
            if self._pull_wanted:
                times.append(self._mono())
        return max(min(times), self._backoff_until)

    def _failed(self, now: float, exc: BaseException, message: str) -> None:
        self._failures += 1
        ceiling = min(
            self.config.backoff_cap, self.config.backoff_base * 2 ** min(self._failures - 1, 30)
        )
        delay = self._rng.uniform(0, ceiling)
        if isinstance(exc, TryLater):
            delay = max(delay, exc.retry_after)
        self._backoff_until = now + delay
        log.info("sync failed (%s), retry in %.1f s", type(exc).__name__, delay)
        self.board.went_offline(self._wall(), message)

    def backoff_remaining(self) -> float:
        """Seconds until the engine tries again after a failure (0 when not backing off)."""
        return max(0.0, self._backoff_until - self._mono())

    def _with_clock_fix(self, work: Callable[[], object]) -> None:
        """Run ``work``; after a clock complaint correct the offset and run it once more."""
        try:
            work()
        except ClockSkew as exc:
            self.transport.clock_offset = exc.server_time - self.transport.now()
            log.warning("clock off by %.0f s; corrected", self.transport.clock_offset)
            self.board.update(clock_offset_seconds=self.transport.clock_offset)
            work()

    # ------------------------------------------------------------------ pull

    def pull(self) -> PullReport:
        """Probe the manifest and bring every moved stream up to date."""
        with self._writer:
            answer = self.transport.manifest(self._etag)
            if answer.manifest is None:
                at = self._wall()
                for stream in self.config.streams:
                    if self.store.sync_state(stream) is not None:
                        self.board.pulled(stream, at)
                return PullReport(unchanged=True)
            by_name = {m.stream.value: m for m in answer.manifest.streams}
            self._skipped = False
            applied: dict[str, int] = {}
            rebuilt: list[str] = []
            for stream in self.config.streams:
                if self._stopping.is_set():
                    return PullReport(applied=applied, rebuilt=tuple(rebuilt))
                count, was_rebuilt = self._pull_stream(stream, by_name.get(stream))
                applied[stream] = count
                if was_rebuilt:
                    rebuilt.append(stream)
            # A stream left behind (reset refused) must be looked at again next probe,
            # so the manifest is not marked as seen.
            self._etag = None if self._skipped else answer.etag
        self._notify_pulled()
        return PullReport(applied=applied, rebuilt=tuple(rebuilt))

    def pull_streams(self, streams: Sequence[str]) -> PullReport:
        """Page the named streams from their cursors (no manifest probe)."""
        with self._writer:
            applied: dict[str, int] = {}
            rebuilt: list[str] = []
            for stream in streams:
                count, was_rebuilt = self._pull_stream(stream, None)
                applied[stream] = count
                if was_rebuilt:
                    rebuilt.append(stream)
        self._notify_pulled()
        return PullReport(applied=applied, rebuilt=tuple(rebuilt))

    def _notify_pulled(self) -> None:
        with self._pulled:
            self._pulled.notify_all()

    def _pull_stream(self, stream: str, manifest: StreamManifest | None) -> tuple[int, bool]:
        state = self.store.sync_state(stream)
        rebuild = state is None or not state.cursor or self._builder.in_progress(stream)
        if (
            not rebuild
            and state is not None
            and manifest is not None
            and state.epoch is not None
            and state.epoch != str(manifest.epoch)
        ):
            if not self._allow_reset(stream, "新的数据周期"):
                return 0, False
            rebuild = True
        if rebuild and not self._rebuild(stream, manifest):
            return 0, False
        try:
            applied = self._catch_up(stream, manifest)
        except StreamReset as exc:
            if rebuild:
                # A cursor from a snapshot just taken is already refused: the gateway
                # is inconsistent. Back off instead of looping (a counted reset each).
                raise BadAnswer(
                    msg("前置机的 {stream} 快照已过期，稍后重试", stream=stream)
                ) from exc
            if not self._allow_reset(stream, exc.reason) or not self._rebuild(stream, manifest):
                return 0, False
            rebuild = True
            applied = self._catch_up(stream, manifest)
        if (
            manifest is not None
            and self._digest_disagrees(stream, manifest)
            and self._allow_reset(stream, "本地数据与前置机校验不一致")
            and self._rebuild(stream, manifest)
        ):
            rebuild = True
            applied += self._catch_up(stream, manifest)
        self.board.pulled(stream, self._wall())
        return applied, rebuild

    def _rebuild(self, stream: str, manifest: StreamManifest | None) -> bool:
        report = self._builder.rebuild(
            stream, self.transport, min_epoch=manifest.epoch if manifest else 0
        )
        self._last_verified[stream] = self._mono()
        return report is not None

    def _catch_up(self, stream: str, manifest: StreamManifest | None) -> int:
        epoch = str(manifest.epoch) if manifest is not None else None
        applied = 0
        while not self._stopping.is_set():
            state = self.store.sync_state(stream)
            cursor = state.cursor if state else None
            if manifest is not None and cursor == manifest.cursor:
                break
            page = self.transport.changes(stream, cursor, limit=self.config.page_limit)
            rows = [ChangeRow(i.op, i.id, i.version, i.doc) for i in page.items]
            try:
                result = self.store.apply_page(stream, rows, page.next_cursor, epoch=epoch)
            except ValueError as exc:
                log.warning("%s page refused: %s", stream, exc)
                raise BadAnswer(
                    msg("前置机下发的 {stream} 数据有误，未写入", stream=stream)
                ) from exc
            applied += result.applied
            if not page.has_more:
                break
        return applied

    def _digest_disagrees(self, stream: str, manifest: StreamManifest) -> bool:
        """Check a caught-up stream's rows against the manifest digest (now and then)."""
        state = self.store.sync_state(stream)
        if state is None or state.cursor != manifest.cursor:
            return False  # moved on since the manifest; check next time
        last = self._last_verified.get(stream)
        if last is not None and self._mono() - last < self.config.verify_interval:
            return False
        self._last_verified[stream] = self._mono()
        local = cache_digest(self.store, stream)
        if local == manifest.digest:
            return False
        log.warning(
            "%s cache digest differs from the gateway's (%d vs %d rows)",
            stream,
            local.count,
            manifest.digest.count,
        )
        return True

    def _allow_reset(self, stream: str, reason: str) -> bool:
        """Count a reset against the daily cap; pause a random moment before it."""
        now = self._wall().timestamp()
        done = self._builder.resets_since(stream, now - DAY_SECONDS)
        if done >= self.config.resets_per_day:
            log.error("%s needs a rebuild (%s) but hit %d resets today", stream, reason, done)
            self._skipped = True
            self.board.update(
                last_error=f"{stream} 数据需要重建，但今天已重建 {done} 次；"
                "暂用现有数据，明天自动重试，或请运维人员检查前置机"
            )
            return False
        self._builder.note_reset(stream, now)
        self.board.update(
            resets_today={**self.status.resets_today, stream: done + 1},
        )
        log.warning("%s reset (%s): rebuilding from a snapshot", stream, reason)
        self._sleeper.wait(self._rng.uniform(0, self.config.reset_jitter))
        return not self._stopping.is_set()

    # ------------------------------------------------------------------ push

    def push(self) -> PushReport:
        """Send every due pending outbox event, batch by batch, in ``seq`` order."""
        sent = acked = rejected = deferred = 0
        repaired = False
        with self._writer:
            while not self._stopping.is_set():
                batch = self._due_batch()
                if not batch:
                    break
                events = self._events(batch)
                if not events:
                    continue  # every row was unsendable and is now rejected locally
                self._upload_blobs(events)
                result = self.transport.push(events)
                counts = self._record(events, result)
                sent += len(events)
                acked += counts[0]
                rejected += counts[1]
                deferred += counts[2]
                if not repaired:
                    # Once per push: should the resent events not close the gap (the
                    # gateway files them elsewhere), the next push looks again later
                    # instead of this one resending them in a loop.
                    repaired = self._repair_gaps(result.contiguous_through_seq)
                if counts[2]:
                    break  # the rest waits for its retry time
        self._refresh_outbox_status()
        return PushReport(sent=sent, acked=acked, rejected=rejected, deferred=deferred)

    def _due_batch(self) -> list[_Pending]:
        with self.store.journal.read() as conn:
            rows = conn.execute(
                "SELECT seq, event_id, kind, schema_version, payload, sha256, created_at,"
                " attempts, next_attempt_at FROM outbox WHERE state = 'pending'"
                " ORDER BY seq LIMIT ?",
                (self.config.batch_events,),
            ).fetchall()
        pending = [_Pending(*r) for r in rows]
        if not pending:
            return []
        first = pending[0].next_attempt_at
        if first is not None and datetime.fromisoformat(first) > self._wall():
            return []
        batch: list[_Pending] = []
        size = 0
        for row in pending:
            size += len(row.payload.encode("utf-8")) + _EVENT_OVERHEAD
            if batch and size > self.config.batch_bytes:
                break
            batch.append(row)
        return batch

    def _events(self, rows: list[_Pending]) -> list[Event]:
        """Wire events of outbox rows; a row that can never be sent is rejected locally."""
        events: list[Event] = []
        for row in rows:
            problem = ""
            if len(row.payload.encode("utf-8")) + _EVENT_OVERHEAD > self.config.batch_bytes:
                problem = msg("事件内容超过单批 1 MB 上限，无法上传")
            else:
                try:
                    events.append(
                        Event(
                            event_id=row.event_id,
                            seq=row.seq,
                            kind=row.kind,
                            schema_version=row.schema_version,
                            created_at=datetime.fromisoformat(row.created_at).timestamp(),
                            payload=json.loads(row.payload),
                            sha256=row.sha256,
                        )
                    )
                    continue
                except (ValidationError, ValueError):
                    problem = msg("事件格式错误，无法上传")
            log.error("outbox event %d (%s) cannot be sent: %s", row.seq, row.kind, problem)
            self._mark(row.seq, "rejected", problem, {"code": "event.unsendable"})
            if events:
                break  # keep seq order: send what came before, the rest next round
        return events

    def _upload_blobs(self, events: Sequence[Event]) -> None:
        for event in events:
            attachments = event.payload.get("attachments")
            if not isinstance(attachments, list):
                continue
            for name in attachments:
                if not isinstance(name, str) or name in self._uploaded:
                    continue
                data = self._blobs.blob(name)
                if data is None:
                    log.warning("attachment %s of event %d is missing here", name[:12], event.seq)
                    continue  # the gateway defers the event; staff see the reason
                self.transport.put_blob(name, data)
                self._uploaded.add(name)

    def _record(self, events: Sequence[Event], result: BatchResult) -> tuple[int, int, int]:
        """Store each event's outcome in one journal transaction; (acked, rejected, deferred).

        Acks and rejections are written with one statement each for the whole batch:
        the journal is ``synchronous=FULL``, and this runs once per 200 events.
        """
        by_id = {r.event_id: r for r in result.results}
        acks: list[tuple[str, int]] = []
        rejections: list[tuple[str, str, int]] = []
        later: list[tuple[int, str]] = []
        for event in events:
            outcome = by_id.get(event.event_id)
            if outcome is None:
                later.append((event.seq, msg("前置机未返回该事件的结果")))
                continue
            status = outcome.status
            if status is EventStatus.DUPLICATE and outcome.original is EventStatus.REJECTED:
                status = EventStatus.REJECTED
            if status in (EventStatus.APPLIED, EventStatus.DUPLICATE):
                acks.append((json.dumps(outcome.result, ensure_ascii=False), event.seq))
            elif status is EventStatus.REJECTED:
                log.warning("event %d (%s) rejected: %s", event.seq, event.kind, outcome.code)
                rejections.append((_rejection(outcome), outcome.message or outcome.code, event.seq))
            else:
                later.append((event.seq, outcome.message or outcome.code))
        now = self._wall()
        with self.store.journal.transaction() as conn:
            conn.executemany(
                "UPDATE outbox SET state = 'acked', result = ?, last_error = NULL"
                " WHERE seq = ? AND state = 'pending'",
                acks,
            )
            conn.executemany(
                "UPDATE outbox SET state = 'rejected', result = ?, last_error = ?"
                " WHERE seq = ? AND state = 'pending'",
                rejections,
            )
            for seq, message in later:
                self._defer(conn, seq, message, now)
        return len(acks), len(rejections), len(later)

    def _defer(self, conn: Any, seq: int, message: str, now: datetime) -> None:
        row = conn.execute("SELECT attempts FROM outbox WHERE seq = ?", (seq,)).fetchone()
        attempts = int(row[0]) + 1 if row else 1
        ceiling = min(self.config.backoff_cap, self.config.backoff_base * 2 ** min(attempts, 30))
        later = now + timedelta(seconds=self._rng.uniform(ceiling / 2, ceiling))
        conn.execute(
            "UPDATE outbox SET attempts = ?, last_error = ?, next_attempt_at = ?"
            " WHERE seq = ? AND state = 'pending'",
            (attempts, message, later.isoformat(), seq),
        )

    def _mark(self, seq: int, state: str, message: str, result: Mapping[str, Any]) -> None:
        with self.store.journal.transaction() as conn:
            conn.execute(
                "UPDATE outbox SET state = ?, last_error = ?, result = ? WHERE seq = ?",
                (state, message, json.dumps(result, ensure_ascii=False), seq),
            )

    def _repair_gaps(self, contiguous: int) -> bool:
        """Resend events we hold as acked that the gateway says it never got.

        Only happens when the gateway was restored from a backup; the ledger names the
        missing sequence numbers. Returns whether any event was put back to pending.
        """
        with self.store.journal.read() as conn:
            row = conn.execute(
                "SELECT state FROM outbox WHERE seq = ?", (contiguous + 1,)
            ).fetchone()
        if row is None or row[0] != "acked":
            return False
        ledger = self.transport.ledger(after_seq=contiguous, limit=1000)
        missing = set(ledger.missing) | {contiguous + 1}
        with self.store.journal.transaction() as conn:
            flipped = 0
            for seq in sorted(missing):
                flipped += conn.execute(
                    "UPDATE outbox SET state = 'pending', next_attempt_at = NULL"
                    " WHERE seq = ? AND state = 'acked'",
                    (seq,),
                ).rowcount
        log.warning("gateway lost %d acknowledged events; sending them again", flipped)
        return flipped > 0

    def _refresh_outbox_status(self) -> None:
        with self.store.journal.read() as conn:
            pending = int(
                conn.execute("SELECT COUNT(*) FROM outbox WHERE state = 'pending'").fetchone()[0]
            )
            rows = conn.execute(
                "SELECT seq, event_id, kind, result, last_error, created_at FROM outbox"
                " WHERE state = 'rejected' ORDER BY seq"
            ).fetchall()
        attention = tuple(
            AttentionItem(
                seq=int(r[0]),
                event_id=r[1],
                kind=r[2],
                code=_code_of(r[3]),
                message=r[4] or "",
                created_at=r[5],
            )
            for r in rows
        )
        self.board.update(pending=pending, needs_attention=attention)

    # ------------------------------------------------------------------ outbox purge

    def purge_outbox(self) -> PurgeReport:
        """Delete acknowledged outbox events the gateway has confirmed, after retention.

        An event goes only when all of these hold: it is ``acked`` (pending and
        rejected events are never purged: rejected ones stay in the needs-attention
        list until staff resolve them); it was created more than
        ``outbox_retention`` ago (kept meanwhile for support); and the gateway's
        ledger (``GET /v1/devices/me/ledger``) says every sequence number up to it
        arrived and holds it with the same event id and sha256, as applied. The
        per-device sequence survives purging (it is a counter, not ``MAX(seq)``).

        Raises:
            Offline | TransportProblem: the ledger could not be read; nothing is purged.
        """
        with self._writer:
            cutoff = self._wall() - timedelta(seconds=self.config.outbox_retention)
            with self.store.journal.read() as conn:
                rows = conn.execute(
                    "SELECT seq, event_id, sha256, created_at FROM outbox"
                    " WHERE state = 'acked' ORDER BY seq LIMIT ?",
                    (self.config.purge_limit,),
                ).fetchall()
            old = [(int(r[0]), r[1], r[2]) for r in rows if _created_before(r[3], cutoff)]
            if not old:
                return PurgeReport()
            confirmed = self._confirmed_by_ledger(old)
            if confirmed:
                with self.store.journal.transaction() as conn:
                    conn.executemany(
                        "DELETE FROM outbox WHERE seq = ? AND state = 'acked'",
                        [(seq,) for seq in confirmed],
                    )
        report = PurgeReport(
            purged=len(confirmed),
            through_seq=max(confirmed, default=0),
            unconfirmed=len(old) - len(confirmed),
        )
        if report.purged:
            log.info(
                "outbox: purged %d acknowledged events through seq %d",
                report.purged,
                report.through_seq,
            )
        if report.unconfirmed:
            log.warning(
                "outbox: %d acknowledged events past retention not confirmed by the gateway",
                report.unconfirmed,
            )
        return report

    def _confirmed_by_ledger(self, old: Sequence[tuple[int, str, str]]) -> list[int]:
        """The seqs among ``(seq, event_id, sha256)`` the ledger shows arrived as sent."""
        first, last = old[0][0], old[-1][0]
        ledger = self.transport.ledger(after_seq=first - 1, limit=_LEDGER_PAGE)
        through = min(ledger.contiguous_through_seq, last)
        held: dict[int, tuple[str, str, EventStatus]] = {}
        page = ledger
        while True:
            for entry in page.entries:
                held[entry.seq] = (entry.event_id, entry.sha256, entry.status)
            if not page.entries or page.entries[-1].seq >= through:
                break
            page = self.transport.ledger(after_seq=page.entries[-1].seq, limit=_LEDGER_PAGE)
        return [
            seq
            for seq, event_id, sha256 in old
            if seq <= through and held.get(seq) == (event_id, sha256, EventStatus.APPLIED)
        ]

    # ------------------------------------------------------------------ heartbeat

    def heartbeat(self) -> HeartbeatAck:
        """Tell the gateway how this terminal is doing; learn the clock offset."""
        cursors: dict[str, str] = {}
        for stream in self.config.streams:
            state = self.store.sync_state(stream)
            if state is not None and state.cursor:
                cursors[stream] = state.cursor
        with self.store.journal.read() as conn:
            depth, oldest = conn.execute(
                "SELECT COUNT(*), MIN(created_at) FROM outbox WHERE state = 'pending'"
            ).fetchone()
        waited = 0.0
        if oldest:
            waited = max(0.0, (self._wall() - datetime.fromisoformat(oldest)).total_seconds())
        try:
            health = {str(k): str(v)[:200] for k, v in self._device_health().items()}
        except Exception:
            log.exception("device health check failed")
            health = {"health_check": "设备自检程序出错"}
        beat = Heartbeat(
            app_version=self._app_version[:40],
            terminal_time=self.transport.now(),
            cursors=cursors,
            outbox_depth=int(depth),
            oldest_pending_seconds=waited,
            health=health,
        )
        ack = self.transport.heartbeat(beat)
        self.transport.clock_offset = ack.clock_offset_seconds
        self.board.update(clock_offset_seconds=ack.clock_offset_seconds)
        return ack

    # ------------------------------------------------------------------ watchers

    def _watch(self, stream: str) -> None:
        """Long-poll one stream and wake the engine when it has news (never applies)."""
        transport = self.transport.clone()
        with self._flags:
            if self._stopping.is_set():
                transport.close()
                return
            self._watch_links.append(transport)  # stop() aborts its long-poll
        failures = 0
        try:
            while not self._stopping.is_set() and self._authorised:
                state = self.store.sync_state(stream)
                cursor = state.cursor if state else None
                if not cursor:
                    self._wait_for_pull(stream, None, timeout=self.config.probe_interval)
                    continue
                transport.clock_offset = self.transport.clock_offset
                try:
                    page = transport.changes(
                        stream, cursor, limit=1, wait=self.config.long_poll_wait
                    )
                except (StreamReset, BadAnswer):
                    page = None
                except NotAuthorised:
                    return
                except (TransportProblem, Offline):
                    failures += 1
                    pause = self._rng.uniform(
                        0,
                        min(self.config.backoff_cap, self.config.backoff_base * 2**failures),
                    )
                    self._stopping.wait(pause)
                    continue
                failures = 0
                if page is None or page.items:
                    self.request_pull(stream)
                    self._wait_for_pull(stream, cursor, timeout=self.config.probe_interval)
        finally:
            transport.close()

    def _wait_for_pull(self, stream: str, cursor: str | None, *, timeout: float) -> None:
        """Wait until the engine moved ``stream`` past ``cursor`` (or is stopping)."""

        def ready() -> bool:
            if self._stopping.is_set():
                return True
            state = self.store.sync_state(stream)
            return state is not None and bool(state.cursor) and state.cursor != cursor

        with self._pulled:
            self._pulled.wait_for(ready, timeout=timeout)


def _rejection(outcome: EventResult) -> str:
    return json.dumps(
        {"code": outcome.code, "message": outcome.message, "result": outcome.result},
        ensure_ascii=False,
    )


def _created_before(created_at: str, cutoff: datetime) -> bool:
    """Whether an outbox row's ``created_at`` (ISO 8601) is before ``cutoff``."""
    try:
        created = datetime.fromisoformat(created_at)
    except ValueError:
        return False  # unreadable: keep it, staff can look at it
    if created.tzinfo is None:
        created = created.replace(tzinfo=UTC)
    return created < cutoff


def _code_of(result: str | None) -> str:
    if not result:
        return ""
    try:
        value = json.loads(result)
    except ValueError:
        return ""
    return str(value.get("code", "")) if isinstance(value, dict) else ""


# ------------------------------------------------------------------ enrolment


class NotEnrolled(UserFacingError):
    """The terminal has no device credential yet; staff must enrol it."""


@dataclass(frozen=True, slots=True)
class Enrolment:
    """What :func:`enrol` keeps in the data directory."""

    gateway_url: str
    credential: DeviceCredential


def enrol(
    gateway_url: str,
    code: str,
    *,
    data_dir: Path,
    terminal_name: str = "",
    app_version: str = "",
    ca_bundle: Path | None = None,
    first_seq: int = 1,
) -> DeviceCredential:
    """Enrol this terminal with a one-time code and keep the credential.

    The credential is written to ``<data dir>/device.json`` (mode 0600, atomically);
    the secret never appears in a log line. ``first_seq`` is the seq of the first event
    the new device will send (:func:`first_unsent_seq` of the store): a terminal that
    is enrolled again keeps its journal, and the gateway counts the new device's
    ledger from there instead of taking the events the old device delivered for lost.

    Raises:
        EnrolmentRefused: the code is malformed, unknown, used or expired.
        Offline: the gateway cannot be reached.
    """
    credential = request_enrolment(
        gateway_url,
        code,
        terminal_name=terminal_name,
        app_version=app_version,
        ca_bundle=ca_bundle,
        first_seq=first_seq,
    )
    save_enrolment(data_dir, Enrolment(gateway_url=gateway_url, credential=credential))
    log.info(
        "enrolled as device %s (hall %s, slot %s)",
        credential.device_id,
        credential.hall_id,
        credential.slot,
    )
    return credential


def first_unsent_seq(store: Store) -> int:
    """The seq of the first outbox event no device has delivered yet.

    The oldest pending event, or the next seq to be issued when nothing is pending.
    """
    with store.journal.read() as conn:
        row = conn.execute(
            "SELECT MIN(seq) FROM outbox WHERE state = 'pending'"
        ).fetchone()
        if row is not None and row[0] is not None:
            return int(row[0])
        counter = conn.execute(
            "SELECT value FROM counters WHERE name = 'outbox_seq'"
        ).fetchone()
    return int(counter[0]) + 1 if counter is not None else 1


def save_enrolment(data_dir: Path, enrolment: Enrolment) -> None:
    """Write the enrolment file (replacing an older one)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    body = json.dumps(
        {
            "gateway_url": enrolment.gateway_url,
            "credential": enrolment.credential.model_dump(mode="json"),
        },
        ensure_ascii=False,
        indent=2,
    ).encode("utf-8")
    _write_atomically(data_dir / CREDENTIAL_FILE, body, mode=0o600)


def load_enrolment(data_dir: Path) -> Enrolment:
    """The enrolment kept in ``data_dir``.

    Raises:
        NotEnrolled: there is none, or it cannot be read.
    """
    path = data_dir / CREDENTIAL_FILE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return Enrolment(
            gateway_url=str(raw["gateway_url"]),
            credential=DeviceCredential.model_validate(raw["credential"]),
        )
    except FileNotFoundError:
        raise NotEnrolled(
            msg("本终端尚未注册到前置机，请工作人员用注册码完成注册"), code="sync.not_enrolled"
        ) from None
    except (ValueError, KeyError, TypeError, ValidationError) as exc:
        raise NotEnrolled(
            msg("本终端的注册信息已损坏，请工作人员重新注册"), code="sync.enrolment_damaged"
        ) from exc


def engine_for(
    store: Store,
    *,
    ca_bundle: Path | None = None,
    config: EngineConfig | None = None,
    status: StatusBoard | None = None,
    device_health: Callable[[], Mapping[str, str]] = dict,
    app_version: str = "",
) -> SyncEngine:
    """The engine of an enrolled terminal's store, with a real transport.

    Raises:
        NotEnrolled: the terminal has not been enrolled.
        EngineBusy: an engine already runs for this store.
    """
    enrolment = load_enrolment(store.data_dir)
    transport = Transport(
        base_url=enrolment.gateway_url, credential=enrolment.credential, ca_bundle=ca_bundle
    )
    try:
        return SyncEngine(
            store=store,
            transport=transport,
            config=config,
            status=status,
            device_health=device_health,
            app_version=app_version,
        )
    except BaseException:
        transport.close()
        raise


def _write_atomically(path: Path, data: bytes, *, mode: int) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def running(engine: SyncEngine) -> Iterator[SyncEngine]:
    """Start ``engine`` for the block and close it afterwards."""
    engine.start()
    try:
        yield engine
    finally:
        engine.close()
