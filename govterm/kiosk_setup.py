"""The kiosk's citizen services, built by the composition root in a visible order.

:func:`build_kiosk_parts` is what :func:`govterm.app.build_ui` calls for kiosk mode
(and what the end-to-end tests call with fake printers and a fake clock):

1. the device credential, read from the data directory once enrolment is done
   (:class:`EnrolledDevice`; enrolment itself runs in :mod:`govterm.sync_setup` on a
   background thread, so a first start does not wait for the gateway);
2. the signed links to the gateway — a ``requests`` session for 居民码 resolution and
   result documents, the queue and help-desk transports — each of which answers
   :class:`~core.errors.Offline` until the credential exists;
3. :class:`kiosk.services.KioskServices` over the store (cases, one-time pickup claims,
   papers with the terminal's verification key, the print queue, device health, the
   hall from the catalog, the working calendar, the locker);
4. the :class:`sync.queue_client.QueueClient` and the :class:`sync.help_client.HelpClient`;
5. the :class:`widgets.scan_bridge.ScanRouter` with the keyboard-wedge bridge attached
   (it hears the keys of the window that takes scans, :meth:`ScanRouter.watch`) and the
   configured serial/camera scanners attached;
6. :class:`KioskUpkeep`, a worker thread that keeps offline ticket blocks topped up,
   reports offline tickets after a reconnect and asks the devices how they are, so a
   refilled printer shows its tiles again.

Without a gateway the kiosk runs what its cache can serve (guides, search, map) and
offers nothing that would need the gateway: :attr:`KioskParts.services` is ``None`` and
:func:`kiosk.window.served_tiles` drops those tiles.

Only the scan routing is built before the home screen shows. Steps 2–4 are decided
(whether the terminal offers them) but made on first use, as :class:`kiosk.window.Later`
parts: the window builds its citizen screens after its first paint and the upkeep
starts then (:meth:`KioskParts.start`), so ``requests``, reportlab, pypdf and the wire
models are imported after home is on display, not before it.
"""

from __future__ import annotations

import json
import logging
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.calendar import WorkingCalendar
from core.clock import Clock
from core.errors import EnvironmentProblem, Offline, msg
from core.terminal import TerminalProfile, Tile
from sync.status import StatusBoard, SyncStatus
from sync.store import Store

if TYPE_CHECKING:
    import requests

    from kiosk.staff import StaffDesk
    from kiosk.window import Later
    from sync.protocol import DeviceCredential

log = logging.getLogger(__name__)

PAPER_KEY_FILE = "paper-key.bin"
RESULTS_DIR = "results"
UPKEEP_INTERVAL_S = 300.0
"""How often offline ticket blocks and device health are looked at."""
OFFLINE_RETRY_S = 30.0
FIRST_START_WAIT_S = 30.0
"""How long a first start waits for enrolment and the first pull to bring its hall."""
NOT_ENROLLED = msg("终端尚未完成注册，暂时无法连接政务服务平台，请稍后再试或联系工作人员")


class EnrolledDevice:
    """This terminal's device credential, once enrolment has kept one.

    Args:
        data_dir: where :func:`sync.engine.enrol` keeps the credential.
        credential: a credential already known (tests); read from ``data_dir`` otherwise.
    """

    def __init__(self, *, data_dir: Path, credential: DeviceCredential | None = None) -> None:
        self._data_dir = data_dir
        self._credential = credential
        self._lock = threading.Lock()

    def credential(self) -> DeviceCredential:
        """The credential.

        Raises:
            Offline: the terminal is not enrolled yet (enrolment may be under way).
        """
        from sync.signed_http import kept_enrolment

        with self._lock:
            if self._credential is not None:
                return self._credential
        # read each time (a small file): staff may re-enrol a revoked terminal
        return kept_enrolment(self._data_dir, not_enrolled=NOT_ENROLLED)[1]

    def enrolled(self) -> bool:
        """Whether a credential is available now."""
        try:
            self.credential()
        except Offline:
            return False
        return True


class EnrolledAuth:
    """Signs a request with the device credential, once there is one.

    A ``requests`` auth callable (``session.auth = EnrolledAuth(...)``); it does not
    derive from ``requests.auth.AuthBase`` so that this module can be imported before
    ``requests`` is. Raises ``Offline`` from the request when the terminal is not
    enrolled yet, which the screens already handle as "the network is down".
    """

    def __init__(self, device: EnrolledDevice, *, clock: Callable[[], float]) -> None:
        self._device = device
        self._clock = clock

    def __call__(self, r: requests.PreparedRequest) -> requests.PreparedRequest:
        from sync.auth import DeviceAuth

        credential = self._device.credential()
        auth = DeviceAuth(
            device_id=credential.device_id, secret=credential.secret, clock=self._clock
        )
        return auth(r)


def paper_maker(store: Store, terminal_id: str) -> Any:
    """The papers' layout with this terminal's verification key (kept beside the store).

    The key is made on first use until the hall's key is distributed by the gateway's
    config stream; the window client keeps its key the same way.
    """
    from documents.fonts import FontSet
    from documents.maker import PaperMaker
    from documents.verification import VerificationKey

    key_file = store.data_dir / PAPER_KEY_FILE
    if not key_file.exists():
        key_file.write_bytes(secrets.token_bytes(32))
        key_file.chmod(0o600)
    return PaperMaker(
        fonts=FontSet(), key=VerificationKey(f"{terminal_id}-1", key_file.read_bytes())
    )


def working_calendar(store: Store, resources: Path) -> WorkingCalendar:
    """The holiday calendar from the synced ``holidays`` stream, else the shipped years."""
    years = store.cached_docs("holidays") or [
        json.loads(p.read_text(encoding="utf-8"))
        for p in sorted((resources / "holidays").glob("*.json"))
    ]
    return WorkingCalendar.from_dict({"years": years})


class KioskUpkeep:
    """Background upkeep of a kiosk: queue blocks, offline tickets, device health.

    One daemon thread. It runs a round at start, every ``interval`` seconds, and at
    once when the sync status comes back online (offline tickets are reported then,
    so the hall's queue learns of them as soon as it can).

    It also fetches the result documents of the results waiting at this hall ahead of
    time, so a citizen whose pickup code the kiosk can verify offline also gets the
    paper while the network is down.

    Args:
        queue: the kiosk's queue client (or a ``Later`` one, made on the upkeep's
            thread), or None on terminals without a queue.
        refresh_devices: asks every device how it is (blocking; ``Devices.refresh``).
        board: the sync status, followed for "back online".
        services: the citizen services (waiting pickups and their documents), a
            ``Later`` one, or None.
        interval: seconds between rounds.
    """

    def __init__(
        self,
        *,
        queue: Any | None,
        refresh_devices: Callable[[], None] | None,
        board: StatusBoard | None,
        services: Any | None = None,
        interval: float = UPKEEP_INTERVAL_S,
    ) -> None:
        self._queue = queue
        self._services = services
        self._refresh = refresh_devices
        self._interval = interval
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._was_online = False
        self._unsubscribe: Callable[[], None] | None = None
        if board is not None:
            self.follow(board)
        self._thread = threading.Thread(target=self._run, name="kiosk-upkeep", daemon=True)
        self.rounds = 0

    def follow(self, board: StatusBoard) -> None:
        """Follow ``board`` for "back online" (the sync link may come after the upkeep)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
        self._was_online = board.status.online
        self._unsubscribe = board.subscribe(self._heard)

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        """Run a round now."""
        self._wake.set()

    def close(self, timeout: float = 2.0) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _heard(self, status: SyncStatus) -> None:
        back = status.online and not self._was_online
        self._was_online = status.online
        if back:
            self._wake.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            delay = self.run_once()
            self._wake.wait(delay)
            self._wake.clear()

    def run_once(self) -> float:
        """One round; returns the seconds until the next one."""
        delay = self._interval
        if self._refresh is not None:
            try:
                self._refresh()
            except Exception:
                log.exception("device health could not be refreshed")
        services = _made(self._services)
        if services is not None and not self._prefetch(services):
            delay = min(delay, OFFLINE_RETRY_S)
        queue = _made(self._queue)
        if queue is not None:
            try:
                if queue.pending_offline():
                    queue.report_offline()
                queue.ensure_blocks()
            except (Offline, EnvironmentProblem) as exc:
                log.info("queue upkeep postponed: %s", type(exc).__name__)
                delay = min(delay, OFFLINE_RETRY_S)
            except Exception:
                log.exception("queue upkeep failed")
        self.rounds += 1
        return delay

    @staticmethod
    def _prefetch(services: Any) -> bool:
        """Fetch the documents of waiting print pickups; ``False`` if some could not be."""
        from core.errors import UserFacingError

        complete = True
        for offer in services.pickups.offers():
            if offer.method != "print":
                continue
            try:
                services.results.fetch(offer)  # kept in the results folder after the first
            except UserFacingError:
                continue  # no electronic document: the citizen is sent to the window
            except (Offline, EnvironmentProblem) as exc:
                log.info("result document not fetched yet: %s", type(exc).__name__)
                complete = False
                break
            except Exception:
                log.exception("result document prefetch failed")
                complete = False
        return complete


def _made(part: Any | None) -> Any | None:
    """``part``, or what a ``Later`` part makes (now, on first use)."""
    from kiosk.window import Later

    return part.get() if isinstance(part, Later) else part


@dataclass
class KioskParts:
    """What the kiosk window is built with, and what must be closed with it.

    The citizen links are ``Later`` parts: :attr:`services`, :attr:`queue` and
    :attr:`help_client` make them on first use; the window is handed the ``Later``
    parts themselves (:attr:`later_services` …) and makes them after its first paint.

    Attributes:
        scans: the one router every scan goes through.
        wedge: the keyboard-wedge bridge (on the windows the router watches).
        later_services: the citizen services, or None without a gateway.
        later_queue: the queue client (取号, 预约签到), or None.
        later_help: 呼叫帮办, or None.
        upkeep: the background upkeep, or None; started by :meth:`start`.
        board: the sync status the services and the upkeep follow (see
            :meth:`attach_sync`), or None.
        staff: staff mode's desk (PIN, devices, print jobs, sync status …), made when
            staff first open it (``kiosk.staff`` is imported after the first paint).
        hall_id: this terminal's hall (see :meth:`hall_known`).
    """

    scans: Any  # widgets.scan_bridge.ScanRouter
    wedge: Any | None = None  # widgets.scan_bridge.WedgeScanBridge
    later_services: Later[Any] | None = None  # kiosk.services.KioskServices
    later_queue: Later[Any] | None = None  # sync.queue_client.QueueClient
    later_help: Later[Any] | None = None  # sync.help_client.HelpClient
    upkeep: KioskUpkeep | None = None
    board: StatusBoard | None = None
    staff: Later[StaffDesk] | None = None
    hall_id: str = ""
    _store: Store | None = None
    _hall_known: bool = False
    _nudge: Callable[[], None] = lambda: None
    _clock: Later[Any] | None = None  # sync.auth.GatewayClock
    _closers: list[Callable[[], None]] = field(default_factory=list)

    def attach_sync(self, board: StatusBoard, nudge: Callable[[], None]) -> None:
        """The sync link, made after the window's first paint: follow its status."""
        self.board = board
        self._nudge = nudge
        if self.upkeep is not None:
            self.upkeep.follow(board)
        if self._clock is not None and self._clock.made():
            clock = self._clock.get()
            follow = getattr(clock, "follow", None)  # a GatewayClock; tests pass time.time
            if follow is not None:
                follow(board)  # made before the link: follow the offset from now on

    def nudge(self) -> None:
        """Ask the sync engine to push now (nothing before the link is attached)."""
        self._nudge()

    def hall_known(self) -> bool:
        """Whether this hall is in the synced catalog, so citizen services can serve.

        A first start whose first sync did not bring the hall in time offers them as
        soon as the ``halls`` stream does; once known, it stays known.
        """
        if not self._hall_known and self._store is not None and not self._store.closed:
            self._hall_known = self._store.cached_doc("halls", self.hall_id) is not None
            if self._hall_known:
                log.info("hall %s is in the local catalog: citizen services offered", self.hall_id)
        return self._hall_known

    def sync_status(self) -> SyncStatus:
        """The sync status now (a blank, offline one before the link is attached)."""
        if self.board is not None:
            return self.board.status
        return SyncStatus(last_error=msg("尚未连接前置机"))

    def online(self) -> bool:
        """Whether the sync status says the gateway answers (true until it is known)."""
        return self.board.status.online if self.board is not None else True

    @property
    def services(self) -> Any | None:
        """The citizen services (made now if not yet), or None."""
        return _made(self.later_services)

    @property
    def queue(self) -> Any | None:
        """The queue client (made now if not yet), or None."""
        return _made(self.later_queue)

    @property
    def help_client(self) -> Any | None:
        """The help-desk client (made now if not yet), or None."""
        return _made(self.later_help)

    def tiles(self, profile: TerminalProfile) -> TerminalProfile:
        """``profile`` with only the tiles these parts can serve."""
        from dataclasses import replace

        from kiosk.window import served_tiles

        tiles = served_tiles(
            profile,
            services=self.later_services is not None,
            queue=self.later_queue is not None,
            helpdesk=self.later_help is not None,
        )
        return replace(profile, tiles=tiles)

    def start(self) -> None:
        """Start the upkeep (after the window's first paint)."""
        if self.upkeep is not None:
            self.upkeep.start()

    def close(self) -> None:
        """Stop upkeep and scanners, take the wedge off its windows, close the links."""
        if self.upkeep is not None:
            self.upkeep.close()
        self.scans.stop_all()
        if self.wedge is not None:
            self.wedge.stop()
        for close in reversed(self._closers):
            try:
                close()
            except Exception:
                log.exception("closing a kiosk link failed")
        self._closers.clear()


def build_kiosk_parts(  # noqa: PLR0913 - the composition root's ingredients, by name
    *,
    app: Any,
    store: Store,
    profile: TerminalProfile,
    devices: Any,
    print_queue: Any,
    clock: Clock,
    resources: Path,
    gateway_url: str,
    device: EnrolledDevice | None = None,
    verify: bool | str = True,
    signing_clock: Callable[[], float] | None = None,
    board: StatusBoard | None = None,
    nudge: Callable[[], None] = lambda: None,
    papers: Any | None = None,
    wedge: Any | None = None,
    block_size: int = 50,
    upkeep_interval: float = UPKEEP_INTERVAL_S,
    staff_pin_hash: str = "",
    version: str = "",
    log_path: Path | None = None,
) -> KioskParts:
    """Build the kiosk's citizen services, queue, help desk and scan routing.

    Args:
        app: the QApplication (parent of the router and the wedge bridge).
        store: the terminal's store.
        profile: this terminal.
        devices: the terminal's devices (health, printers' ids, scanners, locker).
        print_queue: the durable print queue.
        clock: the hall clock.
        resources: the ``resources/`` folder (shipped holidays).
        gateway_url: the gateway; empty = no gateway, cache-only features.
        device: the credential source; read from the store's folder when omitted.
        verify: TLS verification (``True`` or a CA bundle path).
        signing_clock: unix seconds for request signatures (``time.time``).
        board: the sync status (online, for the services and the upkeep).
        nudge: asks the sync engine to push now.
        papers: the paper maker (tests share one; made with the terminal's key if None).
        wedge: the keyboard-wedge bridge (tests pass one with a stepping clock).
        block_size: offline ticket numbers reserved per area.
        upkeep_interval: seconds between upkeep rounds.
        staff_pin_hash: the configured staff PIN (``kiosk.staff_pin_hash``); the hall's
            staff PINs (set in the window client) open staff mode too.
        version: the program's version, shown to staff.
        log_path: the log file, shown to staff.
    """
    import time

    from widgets.scan_bridge import ScanRouter, WedgeScanBridge

    scans = ScanRouter(parent=app)
    bridge = wedge if wedge is not None else WedgeScanBridge(now=clock.now, parent=app)
    scans.attach_wedge(bridge)  # on the kiosk window once it calls scans.watch(window)
    for scanner in getattr(devices, "scanners", []):
        try:
            scans.attach(scanner)
        except Exception:
            log.exception("scanner %s could not be started", type(scanner).__name__)
    parts = KioskParts(scans=scans, wedge=bridge, board=board, hall_id=profile.hall_id,
                       _store=store, _nudge=nudge)

    from kiosk.window import Later

    parts.staff = Later(lambda: _staff_desk(
        store=store, profile=profile, devices=devices, print_queue=print_queue, clock=clock,
        pin_hash=staff_pin_hash, version=version, log_path=log_path, status=parts,
    ))
    if not gateway_url:
        log.warning("no gateway: the kiosk offers only what its cache can serve")
        return parts
    if not parts.hall_known():
        log.warning(
            "hall %s is not in the local catalog yet: citizen services are offered once "
            "the first sync brings it", profile.hall_id,
        )

    device = device or EnrolledDevice(data_dir=store.data_dir)
    closers = parts._closers  # noqa: SLF001 - filled while building
    given = signing_clock

    def make_clock() -> Callable[[], float]:
        """One clock for every signed link, following the offset the sync engine learnt.

        Made with the first link (``sync.auth`` imports requests); the links need the
        ``GatewayClock`` itself, which corrects itself from a clock complaint.
        """
        if given is not None:
            return given
        from sync.auth import GatewayClock

        shared = GatewayClock(base=time.time, board=parts.board)
        closers.append(shared.close)
        return shared

    clock_part: Later[Callable[[], float]] = Later(make_clock)
    parts._clock = clock_part  # noqa: SLF001 - filled while building
    parts.later_services = Later(lambda: _services(
        store=store,
        profile=profile,
        devices=devices,
        print_queue=print_queue,
        clock=clock,
        resources=resources,
        gateway_url=gateway_url,
        device=device,
        verify=verify,
        signing=clock_part.get(),
        online=parts.online,
        nudge=parts.nudge,
        papers=papers,
        closers=closers,
    ))
    links = Later(lambda: _desk_links(
        store=store,
        clock=clock,
        gateway_url=gateway_url,
        device=device,
        verify=verify,
        signing=clock_part.get(),
        block_size=block_size,
        closers=closers,
    ))
    parts.later_queue = Later(lambda: links.get()[0])
    parts.later_help = Later(lambda: links.get()[1])
    parts.upkeep = KioskUpkeep(
        queue=parts.later_queue if profile.offers(Tile.TICKET) else None,
        refresh_devices=getattr(devices, "refresh", None),
        board=board,
        services=parts.later_services,
        interval=upkeep_interval,
    )
    return parts


def wait_for_hall(store: Store, board: StatusBoard, hall_id: str, *, timeout: float) -> bool:
    """First start: wait until the first sync has brought this terminal's hall.

    The citizen services print the hall's name and phone on every paper, so their
    tiles show only once the hall is known (:meth:`KioskParts.hall_known`). On a
    terminal's very first start the cache is empty; waiting a little for enrolment and
    the first pull lets it offer every service at once instead of a moment later.
    The wait ends early when the gateway cannot be reached or refuses
    the terminal: then the kiosk starts with what the cache can serve.

    Returns:
        Whether the hall is in the cache now.
    """
    done = threading.Event()

    def heard(status: SyncStatus) -> None:
        gave_up = not status.authorised or (not status.online and bool(status.last_error))
        if gave_up or store.cached_doc("halls", hall_id) is not None:
            done.set()

    unsubscribe = board.subscribe(heard)
    try:
        heard(board.status)
        done.wait(timeout)
    finally:
        unsubscribe()
    return store.cached_doc("halls", hall_id) is not None


def _staff_desk(  # noqa: PLR0913 - passed on from build_kiosk_parts
    *,
    store: Store,
    profile: TerminalProfile,
    devices: Any,
    print_queue: Any,
    clock: Clock,
    pin_hash: str,
    version: str,
    log_path: Path | None,
    status: KioskParts,
) -> StaffDesk:
    """Staff mode's desk over the store, the hall's staff accounts and the devices."""
    from core.accounts import Accounts
    from kiosk.staff import TerminalInfo, build_staff_desk
    from sync.accounts_store import AccountStore
    from sync.audit import AuditLog

    audit = AuditLog(store=store, now=clock.now, terminal_id=profile.terminal_id)
    accounts = Accounts(
        repository=AccountStore(store=store, audit=audit),
        clock=clock,
        terminal_id=profile.terminal_id,
    )
    return build_staff_desk(
        store=store,
        audit=audit,
        accounts=accounts,
        hall_id=profile.hall_id,
        info=TerminalInfo(
            terminal_id=profile.terminal_id,
            hall=f"{profile.hall_id} {profile.name}",
            version=version,
            data_dir=str(store.data_dir),
            log_path=str(log_path) if log_path is not None else "",
        ),
        clock=clock,
        pin_hash=pin_hash,
        print_queue=print_queue,
        printers=tuple(devices.printers),
        health=devices.health,
        locker=getattr(devices, "locker", None),
        sync_status=_LinkedStatus(status),
        refresh_devices=getattr(devices, "refresh", None),
    )


class _LinkedStatus:
    """The sync status for staff mode: the link is made after the first paint."""

    def __init__(self, parts: KioskParts) -> None:
        self._parts = parts

    @property
    def status(self) -> SyncStatus:
        return self._parts.sync_status()


def _services(  # noqa: PLR0913 - passed on from build_kiosk_parts
    *,
    store: Store,
    profile: TerminalProfile,
    devices: Any,
    print_queue: Any,
    clock: Clock,
    resources: Path,
    gateway_url: str,
    device: EnrolledDevice,
    verify: bool | str,
    signing: Callable[[], float],
    online: Callable[[], bool],
    nudge: Callable[[], None],
    papers: Any | None,
    closers: list[Callable[[], None]],
) -> Any:
    import requests

    from kiosk.services import CodeResolver, KioskServices, ResultDocuments, hall_kiosk_items
    from sync.audit import AuditLog
    from sync.cases import CaseRepository, PickupLedger
    from sync.identity import OfflineVerifier

    session = requests.Session()
    session.auth = EnrolledAuth(device, clock=signing)
    session.verify = verify
    # REQUESTS_CA_BUNDLE must not replace the configured [gateway] ca_bundle
    # (psf/requests#3829); the sync transport does the same.
    session.trust_env = False
    closers.append(session.close)
    audit = AuditLog(store=store, now=clock.now, terminal_id=profile.terminal_id)

    return KioskServices(
        store=store,
        cases=CaseRepository(
            store=store, audit=audit, terminal_id=profile.terminal_id, clock=clock
        ),
        pickups=PickupLedger(store=store, audit=audit),
        codes=CodeResolver(
            session=session,
            base_url=gateway_url,
            offline=OfflineVerifier(store=store, clock=clock.now),
        ),
        results=ResultDocuments(
            session=session, base_url=gateway_url, folder=store.data_dir / RESULTS_DIR
        ),
        papers=papers if papers is not None else paper_maker(store, profile.terminal_id),
        print_queue=print_queue,
        health=devices.health,
        hall_id=profile.hall_id,  # read from the synced catalog on first use
        calendar=working_calendar(store, resources),
        clock=clock,
        items=hall_kiosk_items(store, profile.hall_id),
        locker=getattr(devices, "locker", None),
        sync_now=nudge,
        online=online,
    )


def _desk_links(
    *,
    store: Store,
    clock: Clock,
    gateway_url: str,
    device: EnrolledDevice,
    verify: bool | str,
    signing: Callable[[], float],
    block_size: int,
    closers: list[Callable[[], None]],
) -> tuple[Any, Any]:
    """The queue and help-desk links: one signed transport each, as the counter's."""
    from sync.help_client import HelpClient, HttpDeskTransport
    from sync.queue_client import EnrolledQueueTransport, QueueClient
    from sync.signed_http import EnrolledSignedTransport

    class EnrolledKioskDesk(EnrolledSignedTransport):
        """The help desk with the credential of :class:`EnrolledDevice` (desk errors)."""

        link = HttpDeskTransport

    queue_link = EnrolledQueueTransport(
        base_url=gateway_url, credential=device.credential, verify=verify, clock=signing
    )
    desk_link = EnrolledKioskDesk(
        locate=lambda: (gateway_url, device.credential()), clock=signing, verify=verify
    )
    closers += [queue_link.close, desk_link.close]
    queue = QueueClient(
        transport=queue_link, journal=store.journal, clock=clock, block_size=block_size
    )
    return queue, HelpClient(transport=desk_link)
