"""The terminal's link to its gateway: enrolment on first start, then the sync engine.

:class:`TerminalSync` is what the composition root (:func:`govterm.app.build_ui`) builds
for every terminal process, kiosk or window client:

1. Without ``[gateway] url`` the terminal works from whatever its cache holds; the
   status says so (offline, data age from the cache) and the log says why.
2. With a URL, a background thread gets the device credential: on first start it
   trades ``[gateway] enrolment_code`` for one (:func:`sync.engine.enrol`, kept in
   ``<data dir>/device.json``, mode 0600, never logged) and records the enrolment in
   the audit log, which syncs like any other fact. A code is used once: its sha256 is
   remembered, so later starts reuse the credential; a *new* code (staff re-enrolling a
   revoked or replaced terminal) enrols again. While the gateway cannot be reached the
   thread retries with backoff; the screens already run on the cache.
3. Then the :class:`sync.engine.SyncEngine` starts on its own threads, reporting to the
   same :class:`sync.status.StatusBoard` the screens follow from the start. The first
   pull of an empty store is a snapshot; the catalog the screens see is the one the
   engine pulled into ``cache.db``.

A revoked terminal is told so by the gateway ("此终端已被停用，请联系管理员重新注册");
the engine stops and the status carries ``authorised=False`` with that message.
"""

from __future__ import annotations

import hashlib
import logging
import os
import random
import threading
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

from core.clock import SystemClock
from core.errors import EnvironmentProblem, Offline, msg
from govterm.settings import GatewaySettings
from sync.audit import AuditLog
from sync.engine import (
    CREDENTIAL_FILE,
    EngineConfig,
    Enrolment,
    NotEnrolled,
    SyncEngine,
    enrol,
    first_unsent_seq,
    load_enrolment,
    save_enrolment,
)
from sync.protocol import DeviceCredential
from sync.schema import STREAMS
from sync.status import StatusBoard, SyncStatus
from sync.store import Store
from sync.transport import EnrolmentRefused, Transport, TransportProblem

log = logging.getLogger(__name__)

USED_CODES_FILE = "enrolment-codes.sha256"
"""sha256 of every enrolment code this terminal has used, one per line."""

CATALOG_STREAMS: tuple[str, ...] = ("items", "bundles", "halls", "licence_types")
"""The streams whose rows the catalog screens show (lists, search, guides, map)."""

NO_GATEWAY = msg("未配置前置机地址，终端使用本机已有的数据运行")
ENROLMENT_BACKOFF_BASE = 2.0
ENROLMENT_BACKOFF_CAP = 300.0
CONNECT_TIMEOUT_CAP = 5.0


class TerminalSync:
    """One terminal's enrolment and sync engine, started and stopped as one.

    Args:
        store: the terminal's open store.
        gateway: the ``[gateway]`` settings (url, ca_bundle, timeout_s, enrolment_code).
        terminal_name: sent with the enrolment (shown in the gateway's terminal list).
        hall_id: the hall the settings say this terminal stands in (checked against
            the credential; a mismatch is logged).
        device_health: the engine's heartbeat health callable
            (:func:`govterm.devices.heartbeat_health`).
        audit: where the enrolment is recorded (a fresh :class:`AuditLog` by default).
        app_version: sent with enrolment and heartbeats.
        config: engine timings (tests shrink them).
        wall: the current time (aware), for "offline since" and data ages; hall time
            by default, so screens show the times people read on the wall clock.
        rng: randomness for the enrolment retry jitter.
    """

    def __init__(
        self,
        *,
        store: Store,
        gateway: GatewaySettings,
        terminal_name: str = "",
        hall_id: str = "",
        device_health: Callable[[], Mapping[str, str]] = dict,
        audit: AuditLog | None = None,
        app_version: str = "",
        config: EngineConfig | None = None,
        wall: Callable[[], datetime] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.store = store
        self._gateway = gateway
        self._terminal_name = terminal_name
        self._hall_id = hall_id
        self._device_health = device_health
        self._audit = audit or AuditLog(store=store)
        self._app_version = app_version
        self._config = config or EngineConfig()
        self._wall = wall or SystemClock().now
        self._rng = rng or random.Random()
        self.board = StatusBoard(SyncStatus(last_pull=cached_pulls(store, self._config.streams)))
        self.engine: SyncEngine | None = None
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._started = False

    @property
    def configured(self) -> bool:
        """Whether a gateway URL is set (otherwise the terminal stays on its cache)."""
        return bool(self._gateway.url)

    @property
    def status(self) -> SyncStatus:
        return self.board.status

    def start(self) -> None:
        """Begin: enrol if needed and start the engine, on a background thread."""
        if self._started:
            return
        self._started = True
        if not self.configured:
            log.warning("no gateway URL configured: working from the local cache only")
            self.board.update(online=False, last_error=NO_GATEWAY)
            return
        self._thread = threading.Thread(target=self._connect, name="sync-connect", daemon=True)
        self._thread.start()

    def nudge(self) -> None:
        """Push soon (call after recording events); nothing happens before the engine runs."""
        engine = self.engine
        if engine is not None:
            engine.nudge()

    def wait_connected(self, timeout: float) -> bool:
        """Wait until the engine runs (or the start gave up); ``True`` if it runs."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        return self.engine is not None

    def close(self, timeout: float = 1.0) -> None:
        """Stop enrolling and syncing; the store stays open (its owner closes it).

        A long-poll in flight is not waited for beyond ``timeout``: its daemon thread
        only wakes the engine, which has stopped, and never writes.
        """
        self._stopping.set()
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
            self._thread = None
        with self._lock:
            engine, self.engine = self.engine, None
        if engine is not None:
            engine.stop(timeout)
            engine.close()
            log.info("sync stopped")

    # ------------------------------------------------------------------ internals

    def _connect(self) -> None:
        failures = 0
        while not self._stopping.is_set():
            try:
                credential = self._credential()
            except EnrolmentRefused as exc:
                log.error("enrolment refused (%s)", exc.code)
                self.board.update(authorised=False, online=False, last_error=exc.message)
                return
            except NotEnrolled as exc:
                log.error("terminal not enrolled and no usable enrolment code configured")
                self.board.update(authorised=False, online=False, last_error=exc.message)
                return
            except (Offline, TransportProblem, EnvironmentProblem) as exc:
                failures += 1
                ceiling = min(
                    ENROLMENT_BACKOFF_CAP, ENROLMENT_BACKOFF_BASE * 2 ** min(failures, 20)
                )
                delay = self._rng.uniform(ceiling / 2, ceiling)
                log.warning(
                    "gateway not reachable for enrolment (%s); retry in %.0f s",
                    type(exc).__name__,
                    delay,
                )
                # the message itself (not str()), so the status board can translate it
                first = exc.args[0] if exc.args else None
                self.board.went_offline(self._wall(), first if isinstance(first, str) else str(exc))
                self._stopping.wait(delay)
                continue
            self._start_engine(credential)
            return

    def _credential(self) -> DeviceCredential:
        """The device credential: a new enrolment for an unused code, else the kept one.

        Raises:
            NotEnrolled: no credential is kept and no unused code is configured.
            EnrolmentRefused: the gateway refused a new code.
            Offline: the gateway cannot be reached.
        """
        data_dir = self.store.data_dir
        code = self._gateway.enrolment_code.strip()
        if code and code_digest(code) not in used_codes(data_dir):
            try:
                credential = enrol(
                    self._gateway.url,
                    code,
                    data_dir=data_dir,
                    terminal_name=self._terminal_name,
                    app_version=self._app_version,
                    ca_bundle=self._gateway.ca_bundle,
                    # A re-enrolled terminal carries on its outbox sequence.
                    first_seq=first_unsent_seq(self.store),
                )
            except EnrolmentRefused as exc:
                if exc.code != "enrol.used" or not (data_dir / CREDENTIAL_FILE).exists():
                    raise
                # Enrolled with this code before, but stopped before noting it.
                log.info("enrolment code already used by this terminal; keeping its credential")
                remember_code(data_dir, code)
                return self._kept_credential()
            remember_code(data_dir, code)
            self._audit.record(
                "system",
                "terminal.enrolled",
                f"device:{credential.device_id}",
                {"hall": credential.hall_id, "slot": credential.slot},
            )
            self._check_place(credential)
            return credential
        return self._kept_credential()

    def _kept_credential(self) -> DeviceCredential:
        enrolment = load_enrolment(self.store.data_dir)
        if enrolment.gateway_url != self._gateway.url:
            log.info("gateway address changed; the device credential is kept")
            save_enrolment(
                self.store.data_dir,
                Enrolment(gateway_url=self._gateway.url, credential=enrolment.credential),
            )
        self._check_place(enrolment.credential)
        return enrolment.credential

    def _check_place(self, credential: DeviceCredential) -> None:
        if self._hall_id and credential.hall_id != self._hall_id:
            log.warning(
                "enrolled for hall %s but [terminal] hall_id is %s; the gateway scopes "
                "pickups and case status to the enrolled hall",
                credential.hall_id,
                self._hall_id,
            )

    def _start_engine(self, credential: DeviceCredential) -> None:
        timeout = self._gateway.timeout_s
        transport = Transport(
            base_url=self._gateway.url,
            credential=credential,
            ca_bundle=self._gateway.ca_bundle,
            connect_timeout=min(CONNECT_TIMEOUT_CAP, timeout),
            read_timeout=timeout,
        )
        try:
            engine = SyncEngine(
                store=self.store,
                transport=transport,
                config=self._config,
                status=self.board,
                device_health=self._device_health,
                wall=self._wall,
                app_version=self._app_version,
            )
        except BaseException:
            transport.close()
            raise
        with self._lock:
            if self._stopping.is_set():
                engine.close()
                return
            self.engine = engine
            engine.start()
        log.info("sync engine started for device %s", credential.device_id)


def first_sync_done(status: SyncStatus, streams: Sequence[str] = STREAMS) -> bool:
    """Whether a terminal has pulled every stream once and has nothing left to push."""
    return (
        status.online
        and status.authorised
        and status.pending == 0
        and all(stream in status.last_pull for stream in streams)
    )


def cached_pulls(store: Store, streams: Sequence[str]) -> dict[str, datetime]:
    """When each cached stream was last brought up to date, as the cache remembers it.

    The status starts with these so a terminal that starts offline tells its data age
    at once.
    """
    pulls: dict[str, datetime] = {}
    for stream in streams:
        state = store.sync_state(stream)
        if state is None or not state.updated_at:
            continue
        try:
            at = datetime.fromisoformat(state.updated_at)
        except ValueError:
            continue
        pulls[stream] = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    return pulls


def catalog_fingerprint(store: Store) -> tuple[tuple[str, str | None], ...]:
    """The catalog streams' cursors: it changes exactly when catalog rows arrive."""
    out: list[tuple[str, str | None]] = []
    for stream in CATALOG_STREAMS:
        state = store.sync_state(stream)
        out.append((stream, None if state is None else f"{state.epoch}:{state.cursor}"))
    return (*out, ("generation", str(store.cache_generation)))


def code_digest(code: str) -> str:
    return hashlib.sha256(code.strip().encode("utf-8")).hexdigest()


def used_codes(data_dir: Path) -> frozenset[str]:
    """Digests of the enrolment codes this terminal has used."""
    try:
        text = (data_dir / USED_CODES_FILE).read_text(encoding="ascii")
    except FileNotFoundError:
        return frozenset()
    except (OSError, UnicodeDecodeError):
        log.warning("list of used enrolment codes unreadable; treating every code as new")
        return frozenset()
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


def remember_code(data_dir: Path, code: str) -> None:
    """Note that ``code`` was used (only its sha256 is written)."""
    digests = sorted(used_codes(data_dir) | {code_digest(code)})
    path = data_dir / USED_CODES_FILE
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write("\n".join(digests) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
