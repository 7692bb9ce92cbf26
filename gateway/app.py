"""The gateway's HTTP API (FastAPI): enrolment, feeds, snapshots, events, admin.

Blocking database work runs on the worker-thread pool; long-polls wait on the event
loop (they hold no thread while waiting). Every device request is signed
(:func:`sync.protocol.sign_request`); admin requests carry a bearer token.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import re
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from fastapi import FastAPI, Query, Request
from fastapi.responses import Response
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from core.errors import UserFacingError, msg
from core.identity_code import CodeRefused
from gateway.cases import CaseBook
from gateway.events import EventProcessor
from gateway.identity import IdentityService
from gateway.keys import KeyRing
from gateway.queue import CLIENT_GONE, QueueAuthority, install_queue_routes
from gateway.stats import install_window_desk_routes
from gateway.store import (
    BadCursor,
    DeviceRecord,
    GatewayStore,
    decode_cursor,
    encode_cursor,
    scope_of,
)
from gateway.upstream import Upstream, UpstreamPump
from sync.protocol import (
    HEADER_DEVICE,
    HEADER_NONCE,
    HEADER_SIGNATURE,
    HEADER_TIMESTAMP,
    LONG_POLL_STREAMS,
    MAX_BATCH_BYTES,
    MAX_PAGE_LIMIT,
    MAX_WAIT_SECONDS,
    SIGNATURE_WINDOW_SECONDS,
    BatchResult,
    BlobStored,
    ChangePage,
    DemoCode,
    DemoCodeRequest,
    DeviceCredential,
    EnrolmentCode,
    EnrolmentCodeRequest,
    EnrolRequest,
    ErrorBody,
    ErrorDetail,
    EventBatch,
    Heartbeat,
    HeartbeatAck,
    IdentityResolveRequest,
    Ledger,
    LedgerEntry,
    Manifest,
    ResetBody,
    ResolvedIdentity,
    RevokeResult,
    SnapshotChunk,
    SnapshotIndex,
    Stream,
    StreamManifest,
    TerminalState,
    VerifyRequest,
    VerifyResult,
    signature,
    string_to_sign,
)

log = logging.getLogger(__name__)

T = TypeVar("T")
MAX_BLOB_BYTES = 20 * 1024 * 1024
_NONCE_RE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
_SHA_RE = re.compile(r"^[0-9a-f]{64}$")
NO_STORE = {"Cache-Control": "no-store"}


class ApiError(Exception):
    """An answer other than 2xx, with a stable code and a Chinese message."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        headers: dict[str, str] | None = None,
        server_time: float | None = None,
    ) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}
        self.server_time = server_time


class ResetRequired(Exception):
    """The client must rebuild a stream from a snapshot (410)."""

    def __init__(self, stream: Stream, reason: str) -> None:
        super().__init__(reason)
        self.stream = stream
        self.reason = reason


# ------------------------------------------------------------------ long-poll wake-up


class ChangeNotifier:
    """Wakes long-polls when a feed they wait on changes.

    Writers call :meth:`notify` from any thread after their transaction commits;
    waiters are futures on the server's event loop.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._waiters: dict[tuple[Stream, str], set[asyncio.Future[None]]] = {}

    def waiter(self, key: tuple[Stream, str]) -> asyncio.Future[None]:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[None] = loop.create_future()
        with self._lock:
            self._loop = loop
            self._waiters.setdefault(key, set()).add(future)
        return future

    def discard(self, key: tuple[Stream, str], future: asyncio.Future[None]) -> None:
        with self._lock:
            self._waiters.get(key, set()).discard(future)

    def notify(self, keys: set[tuple[Stream, str]]) -> None:
        with self._lock:
            loop = self._loop
            futures = [f for k in keys for f in self._waiters.get(k, ())]
        if loop is None or not futures:
            return

        def wake() -> None:
            for future in futures:
                if not future.done():
                    future.set_result(None)

        loop.call_soon_threadsafe(wake)


# ------------------------------------------------------------------ load shedding


LONG_POLL_PATHS: tuple[str, ...] = ("/changes", "/v1/queue/feed", "/v1/help/feed")
"""Paths that wait for news when asked with ``wait=``: the sync feeds, the hall's queue
feed and the window clients' help feed."""


class LoadShedder:
    """Pure ASGI middleware: at most ``limit`` requests in progress, else 503.

    Long-polls count against their own, larger limit, because they mostly wait.

    Args:
        app: the wrapped ASGI app.
        limit: requests in progress at once.
        long_poll_limit: long-polls waiting at once.
        retry_after: seconds a shed client is told to wait.
    """

    def __init__(self, app: Any, *, limit: int, long_poll_limit: int, retry_after: int = 2) -> None:
        self.app = app
        self.limit = limit
        self.long_poll_limit = long_poll_limit
        self.retry_after = retry_after
        self.in_flight = 0
        self.long_polls = 0

    async def __call__(
        self,
        scope: MutableMapping[str, Any],
        receive: Callable[[], Awaitable[MutableMapping[str, Any]]],
        send: Callable[[MutableMapping[str, Any]], Awaitable[None]],
    ) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        long_poll = scope["path"].endswith(LONG_POLL_PATHS) and (
            b"wait=" in scope["query_string"]
        )
        if long_poll:
            if self.long_polls >= self.long_poll_limit:
                await self._shed(send)
                return
            self.long_polls += 1
        else:
            if self.in_flight >= self.limit:
                await self._shed(send)
                return
            self.in_flight += 1
        try:
            await self.app(scope, receive, send)
        finally:
            if long_poll:
                self.long_polls -= 1
            else:
                self.in_flight -= 1

    async def _shed(self, send: Callable[[MutableMapping[str, Any]], Awaitable[None]]) -> None:
        body = (
            ErrorBody(error=ErrorDetail.of("gateway.busy", msg("前置机繁忙，请稍后重试")))
            .model_dump_json()
            .encode()
        )
        await send(
            {
                "type": "http.response.start",
                "status": 503,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"retry-after", str(self.retry_after).encode()),
                    (b"cache-control", b"no-store"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


# ------------------------------------------------------------------ services


@dataclass
class GatewayServices:
    """Everything the API works with; built by the composition root or a test."""

    store: GatewayStore
    cases: CaseBook
    events: EventProcessor
    notifier: ChangeNotifier
    pump: UpstreamPump | None
    admin_token: str | None
    identity: IdentityService

    def run_upstream_once(self) -> set[str]:
        """One round of the upstream adapter; wakes the halls' long-polls."""
        if self.pump is None:
            return set()
        halls = self.pump.run_once()
        self.notifier.notify({(s, h) for h in halls for s in (Stream.CASE_STATUS, Stream.PICKUPS)})
        return halls


def build_services(
    *, store: GatewayStore, upstream: Upstream | None = None, admin_token: str | None = None
) -> GatewayServices:
    cases = CaseBook(store=store)
    pump = UpstreamPump(store=store, cases=cases, upstream=upstream) if upstream else None
    notifier = ChangeNotifier()
    # Feed changes committed by any gateway process on the database wake this
    # process's long-polls (PostgreSQL LISTEN/NOTIFY; in-process for SQLite).
    store.db.subscribe(lambda keys: notifier.notify({(Stream(s), sc) for s, sc in keys}))
    return GatewayServices(
        store=store,
        cases=cases,
        events=EventProcessor(store=store, cases=cases),
        notifier=notifier,
        pump=pump,
        admin_token=admin_token,
        identity=IdentityService(store=store, keys=KeyRing(store=store)),
    )


def _json(model: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(
        model.model_dump_json(),
        status_code=status,
        media_type="application/json",
        headers=headers,
    )


def _stream(name: str) -> Stream:
    try:
        return Stream(name)
    except ValueError:
        raise ApiError(404, "stream.unknown", msg("没有这个数据流")) from None


async def _in_thread(fn: Callable[..., T], *args: Any) -> T:
    return await run_in_threadpool(fn, *args)


def create_app(
    services: GatewayServices,
    *,
    upstream_interval: float | None = None,
) -> FastAPI:
    """The gateway ASGI app (serve it through :func:`wrap` for load shedding).

    Args:
        services: store and processors.
        upstream_interval: seconds between upstream rounds; ``None`` runs none (tests
            call :meth:`GatewayServices.run_upstream_once`).
    """

    async def upstream_loop() -> None:
        assert upstream_interval is not None
        while True:
            await asyncio.sleep(upstream_interval)
            try:
                await _in_thread(services.run_upstream_once)
            except Exception:
                log.exception("upstream round failed")

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        task = asyncio.create_task(upstream_loop()) if upstream_interval else None
        yield
        if task is not None:
            task.cancel()

    app = FastAPI(
        title="govterm platform gateway (前置机)",
        version="1",
        description="Terminal enrolment, catalog and status feeds, event inbox. See SYNC.md.",
        lifespan=lifespan,
    )
    app.state.services = services

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> Response:
        body = ErrorBody(
            error=ErrorDetail.of(exc.code, exc.message, server_time=exc.server_time)
        )
        return _json(body, exc.status, {**NO_STORE, **exc.headers})

    @app.exception_handler(ResetRequired)
    async def _reset(_: Request, exc: ResetRequired) -> Response:
        return _json(ResetBody(stream=exc.stream, reason=exc.reason), 410, NO_STORE)

    @app.exception_handler(ValidationError)
    async def _invalid(_: Request, exc: ValidationError) -> Response:
        where = ", ".join(".".join(str(p) for p in e["loc"]) for e in exc.errors()[:5])
        body = ErrorBody(
            error=ErrorDetail.of("request.invalid", msg("请求内容格式错误：{where}", where=where))
        )
        return _json(body, 422, NO_STORE)

    _pull_routes(app, services)
    _push_routes(app, services)
    _admin_routes(app, services)
    install_queue_routes(
        app,
        QueueAuthority(store=services.store),
        authenticate=lambda r: authenticate(services, r),
        require_admin=lambda r: require_admin(services, r),
    )
    _identity_routes(app, services)
    install_window_desk_routes(
        app,
        store=services.store,
        cases=services.cases,
        authenticate=lambda r: authenticate(services, r),
    )
    return app


async def authenticate(services: GatewayServices, request: Request) -> tuple[DeviceRecord, bytes]:
    """The signed request's device and raw body.

    Raises:
        ApiError: 401 for a missing, stale, replayed or bad signature, or a revoked device.
    """
    store = services.store
    body = await request.body()
    h = request.headers
    device_id, stamp = h.get(HEADER_DEVICE), h.get(HEADER_TIMESTAMP)
    nonce, sig = h.get(HEADER_NONCE), h.get(HEADER_SIGNATURE)
    if not (device_id and stamp and nonce and sig):
        raise ApiError(401, "auth.missing", msg("请求未签名"))
    now = store.now()
    if not stamp.isdigit() or abs(now - int(stamp)) > SIGNATURE_WINDOW_SECONDS:
        raise ApiError(
            401, "auth.clock", msg("终端时钟与前置机相差过大，请校准时间"), server_time=now
        )
    if not _NONCE_RE.match(nonce):
        raise ApiError(401, "auth.nonce", msg("请求随机数格式错误"))
    device = await _in_thread(store.device, device_id)
    if device is None:
        raise ApiError(401, "auth.unknown_device", msg("终端未注册"))
    if device.revoked:
        raise ApiError(401, "auth.revoked", msg("此终端已被停用，请联系管理员重新注册"))
    message = string_to_sign(
        method=request.method,
        path=request.scope.get("raw_path", b"").decode("latin-1") or request.url.path,
        query=request.query_params.multi_items(),
        timestamp=stamp,
        nonce=nonce,
        body_sha256=hashlib.sha256(body).hexdigest(),
    )
    if not hmac.compare_digest(signature(device.secret, message), sig):
        raise ApiError(401, "auth.signature", msg("请求签名无效"))
    fresh = await _in_thread(
        lambda: store.remember_nonce(device_id, nonce, keep_seconds=2 * SIGNATURE_WINDOW_SECONDS)
    )
    if not fresh:
        raise ApiError(401, "auth.replay", msg("重复的请求已被拒绝"))
    return device, body


def require_admin(services: GatewayServices, request: Request) -> None:
    token = services.admin_token
    if not token:
        raise ApiError(403, "admin.disabled", msg("管理接口未启用"))
    given = request.headers.get("Authorization", "").removeprefix("Bearer ")
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise ApiError(401, "admin.token", msg("管理令牌无效"))


# ---------------------------------------------------------------- enrolment


async def _changes_page(
    request: Request,
    services: GatewayServices,
    which: Stream,
    scope: str,
    *,
    cursor: str,
    limit: int,
    wait: float,
) -> Response:
    """A change page, waiting up to ``wait`` s for one that is not empty."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait
    key = (which, scope)
    while True:
        future = services.notifier.waiter(key)
        try:
            body = await _in_thread(read_page, services.store, which, scope, cursor, limit)
            remaining = deadline - loop.time()
            if b'"items":[]' not in body or remaining <= 0:
                return Response(body, media_type="application/json", headers=NO_STORE)
            if await request.is_disconnected():
                return Response(status_code=CLIENT_GONE)
            # Wake on a notification; re-check every second for writers in
            # other processes (a CLI publish into the same database).
            await asyncio.wait([future], timeout=min(1.0, remaining))
        finally:
            services.notifier.discard(key, future)


def _pull_routes(app: FastAPI, services: GatewayServices) -> None:  # noqa: PLR0915 - route table
    """Manifest, change feeds, snapshots, verify."""
    store = services.store

    async def device_of(request: Request) -> tuple[DeviceRecord, bytes]:
        return await authenticate(services, request)

    @app.get(
        "/v1/sync/manifest",
        response_model=Manifest,
        tags=["pull"],
        responses={304: {"description": "unchanged since If-None-Match"}},
    )
    async def manifest(request: Request) -> Response:
        """Per stream: epoch, high-water cursor, digest, newest snapshot."""
        device, _ = await device_of(request)
        body = await _in_thread(manifest_of, store, device)
        tag = _manifest_etag(body)
        headers = {"ETag": tag, "Cache-Control": "no-cache"}
        if request.headers.get("If-None-Match") == tag:
            return Response(status_code=304, headers=headers)
        return _json(body, headers=headers)

    @app.get(
        "/v1/streams/{stream}/changes",
        response_model=ChangePage,
        tags=["pull"],
        responses={410: {"model": ResetBody}},
    )
    async def changes(
        request: Request,
        stream: str,
        cursor: str = "",
        limit: int = Query(default=MAX_PAGE_LIMIT, ge=1, le=MAX_PAGE_LIMIT),
        wait: float = Query(default=0, ge=0, le=MAX_WAIT_SECONDS),
    ) -> Response:
        """Rows changed after ``cursor``; ``wait`` long-polls pickups and case status."""
        device, _ = await device_of(request)
        which = _stream(stream)
        scope = scope_of(which, device.hall_id)
        if which not in LONG_POLL_STREAMS:
            wait = 0
        return await _changes_page(
            request, services, which, scope, cursor=cursor, limit=limit, wait=wait
        )

    @app.get("/v1/streams/{stream}/snapshot", response_model=SnapshotIndex, tags=["pull"])
    async def snapshot_index(request: Request, stream: str) -> Response:
        """The current snapshot's chunk list (built on demand when behind)."""
        device, _ = await device_of(request)
        which = _stream(stream)
        scope = scope_of(which, device.hall_id)
        info = await _in_thread(store.snapshot, which, scope)
        index = SnapshotIndex(
            stream=which,
            snapshot_id=info.snapshot_id,
            epoch=info.epoch,
            cursor=encode_cursor(which, info.epoch, info.seq),
            digest=info.digest,
            chunks=[
                SnapshotChunk(
                    n=c.n,
                    rows=c.rows,
                    bytes=c.size,
                    sha256=c.sha256,
                    url=f"/v1/streams/{which.value}/snapshot/{c.n}?snapshot={info.snapshot_id}",
                )
                for c in info.chunks
            ],
        )
        return _json(index, headers=NO_STORE)

    @app.get(
        "/v1/streams/{stream}/snapshot/{n}",
        tags=["pull"],
        responses={
            200: {"content": {"application/x-ndjson": {}}, "description": "gzip NDJSON chunk"}
        },
    )
    async def snapshot_chunk(request: Request, stream: str, n: int, snapshot: str) -> Response:
        """One immutable gzip NDJSON chunk; fetch chunks one by one to resume."""
        device, _ = await device_of(request)
        which = _stream(stream)
        data = await _in_thread(
            store.snapshot_chunk, which, scope_of(which, device.hall_id), snapshot, n
        )
        if data is None:
            raise ApiError(404, "snapshot.gone", msg("快照已更新，请重新获取快照目录"))
        return Response(
            data,
            media_type="application/x-ndjson",
            headers={
                "Content-Encoding": "gzip",
                "ETag": '"' + hashlib.sha256(data).hexdigest() + '"',
                "Cache-Control": "private, max-age=31536000, immutable",
            },
        )

    @app.post("/v1/streams/{stream}/verify", response_model=VerifyResult, tags=["pull"])
    async def verify(request: Request, stream: str) -> Response:
        """Current versions of the ids a terminal holds; ids that are gone."""
        device, raw = await device_of(request)
        which = _stream(stream)
        asked = VerifyRequest.model_validate_json(raw)
        versions = await _in_thread(
            store.versions, which, scope_of(which, device.hall_id), asked.ids
        )
        gone = [i for i in dict.fromkeys(asked.ids) if i not in versions]
        return _json(VerifyResult(stream=which, versions=versions, gone=gone), headers=NO_STORE)

    # ---------------------------------------------------------------- push


def _push_routes(app: FastAPI, services: GatewayServices) -> None:
    """Event batches, blobs, ledger, heartbeat."""
    store = services.store

    async def device_of(request: Request) -> tuple[DeviceRecord, bytes]:
        return await authenticate(services, request)

    @app.post("/v1/events:batch", response_model=BatchResult, tags=["push"])
    async def events_batch(request: Request) -> Response:
        """Up to 200 events in seq order; one result per event, never a 4xx for one."""
        device, raw = await device_of(request)
        if len(raw) > MAX_BATCH_BYTES:
            raise ApiError(413, "batch.too_large", msg("单批事件超过 1 MB，请分批发送"))
        batch = EventBatch.model_validate_json(raw)
        outcome = await _in_thread(services.events.process, device, batch)
        services.notifier.notify(outcome.touched)
        return _json(outcome.result, headers=NO_STORE)

    @app.put("/v1/blobs/{sha256}", response_model=BlobStored, tags=["push"])
    async def put_blob(request: Request, sha256: str) -> Response:
        """Store an attachment under its sha256 (checked); idempotent."""
        _, raw = await device_of(request)
        if not _SHA_RE.match(sha256):
            raise ApiError(400, "blob.name", msg("附件名应为64位小写十六进制 sha256"))
        if len(raw) > MAX_BLOB_BYTES:
            raise ApiError(413, "blob.too_large", msg("附件超过 20 MB"))
        if hashlib.sha256(raw).hexdigest() != sha256:
            raise ApiError(400, "blob.hash", msg("附件内容与其 sha256 不符，请重新上传"))
        created = await _in_thread(store.put_blob, sha256, raw)
        return _json(
            BlobStored(sha256=sha256, bytes=len(raw), created=created),
            201 if created else 200,
            NO_STORE,
        )

    @app.get(
        "/v1/blobs/{sha256}",
        tags=["push"],
        responses={200: {"content": {"application/octet-stream": {}}}},
    )
    async def get_blob(request: Request, sha256: str) -> Response:
        """An attachment or result document by its sha256."""
        await device_of(request)
        data = await _in_thread(store.get_blob, sha256)
        if data is None:
            raise ApiError(404, "blob.unknown", msg("附件不存在"))
        return Response(
            data,
            media_type="application/octet-stream",
            headers={"Cache-Control": "private, max-age=31536000, immutable"},
        )

    @app.get("/v1/devices/me/ledger", response_model=Ledger, tags=["push"])
    async def ledger(
        request: Request,
        after_seq: int = Query(default=0, ge=0),
        limit: int = Query(default=1000, ge=1, le=5000),
    ) -> Response:
        """Which seqs the gateway holds for this device (confirm before purging)."""
        device, _ = await device_of(request)
        return _json(await _in_thread(ledger_of, store, device, after_seq, limit), headers=NO_STORE)

    @app.post("/v1/devices/me/heartbeat", response_model=HeartbeatAck, tags=["devices"])
    async def heartbeat(request: Request) -> Response:
        """Versions, cursors, outbox depth, health, clock → the terminals view."""
        device, raw = await device_of(request)
        beat = Heartbeat.model_validate_json(raw)
        now = store.now()
        behind = await _in_thread(behind_of, store, device, beat.cursors)
        record = {
            **beat.model_dump(mode="json"),
            "behind": behind,
            "clock_offset_seconds": now - beat.terminal_time,
        }
        await _in_thread(store.record_heartbeat, device.device_id, record)
        return _json(
            HeartbeatAck(
                server_time=now, clock_offset_seconds=now - beat.terminal_time, behind=behind
            ),
            headers=NO_STORE,
        )

    # ---------------------------------------------------------------- admin


def _admin_routes(app: FastAPI, services: GatewayServices) -> None:
    """Enrolment, enrolment codes, revocation, the terminals view, liveness."""
    store = services.store

    @app.post("/v1/enrol", response_model=DeviceCredential, tags=["devices"])
    async def enrol(body: EnrolRequest) -> Response:
        """Trade a one-time enrolment code for a device credential (unsigned)."""
        try:
            cred = await _in_thread(
                lambda: store.enrol(
                    code=body.code,
                    terminal_name=body.terminal_name,
                    app_version=body.app_version,
                    first_seq=body.first_seq,
                )
            )
        except UserFacingError as exc:
            raise ApiError(403, exc.code, exc.message) from None
        return _json(cred, 201, NO_STORE)

    # ---------------------------------------------------------------- pull

    @app.post("/v1/admin/enrolment-codes", response_model=EnrolmentCode, tags=["admin"])
    async def admin_enrolment_code(request: Request, body: EnrolmentCodeRequest) -> Response:
        """Create a one-time enrolment code for (hall, slot)."""
        require_admin(services, request)
        code = await _in_thread(
            lambda: store.create_enrolment_code(
                hall_id=body.hall_id, slot=body.slot, valid_seconds=body.valid_minutes * 60
            )
        )
        return _json(code, 201, NO_STORE)

    @app.post("/v1/admin/devices/{device_id}/revoke", response_model=RevokeResult, tags=["admin"])
    async def admin_revoke(request: Request, device_id: str) -> Response:
        """Revoke a device credential, effective on its next request."""
        require_admin(services, request)
        revoked = await _in_thread(store.revoke, device_id)
        return _json(RevokeResult(device_id=device_id, revoked=revoked), headers=NO_STORE)

    @app.get("/v1/admin/terminals", response_model=list[TerminalState], tags=["admin"])
    async def admin_terminals(request: Request) -> Response:
        """Every terminal with its last heartbeat: who is behind or unhealthy."""
        require_admin(services, request)
        states = await _in_thread(terminal_states, store)
        body = "[" + ",".join(s.model_dump_json() for s in states) + "]"
        return Response(body, media_type="application/json", headers=NO_STORE)

    @app.get("/healthz", tags=["admin"])
    async def healthz() -> dict[str, str]:
        """Liveness probe for the load balancer (unsigned)."""
        return {"status": "ok"}


# ---------------------------------------------------------------- identity codes

_REFUSAL_STATUS = {"code.malformed": 400, "code.replayed": 409}


def _identity_routes(app: FastAPI, services: GatewayServices) -> None:
    """居民码/企业码 resolution, and fresh demo codes for the admin/demo UI."""
    identity = services.identity

    @app.post(
        "/v1/identity/resolve",
        response_model=ResolvedIdentity,
        tags=["identity"],
        responses={
            400: {"model": ErrorBody, "description": "code.malformed"},
            403: {
                "model": ErrorBody,
                "description": "code.forged, code.expired, code.unknown_key, code.revoked_holder",
            },
            409: {"model": ErrorBody, "description": "code.replayed"},
        },
    )
    async def resolve(request: Request) -> Response:
        """Verify a scanned code (signature, expiry, single use) and return its holder.

        The answer carries the holder's name, masked and full ID (the case submission
        needs the full one), e-licences and pre-fill data; an audit row is written.
        A refused code changes nothing.
        """
        device, raw = await authenticate(services, request)
        asked = IdentityResolveRequest.model_validate_json(raw)
        try:
            resolved = await _in_thread(
                lambda: identity.resolve(asked.code, device=device, purpose=asked.purpose)
            )
        except CodeRefused as exc:
            raise ApiError(_REFUSAL_STATUS.get(exc.code, 403), exc.code, exc.message) from None
        return _json(resolved, headers=NO_STORE)

    @app.post("/v1/admin/identity/codes", response_model=DemoCode, tags=["admin"])
    async def demo_code(request: Request, body: DemoCodeRequest) -> Response:
        """A fresh code for a published demo holder (what the holder's phone would show)."""
        require_admin(services, request)
        try:
            code = await _in_thread(
                lambda: identity.demo_code(
                    body.kind, body.holder, minutes=body.minutes, offline=body.offline
                )
            )
        except UserFacingError as exc:
            raise ApiError(404, exc.code, exc.message) from None
        return _json(code, 201, NO_STORE)


def ledger_of(store: GatewayStore, device: DeviceRecord, after_seq: int, limit: int) -> Ledger:
    with store.db.read() as tx:
        row = tx.one(
            "SELECT contiguous_seq, max_seq FROM devices WHERE device_id = ?",
            (device.device_id,),
        )
        contiguous, top = (int(row[0]), int(row[1])) if row else (0, 0)
        entries = [
            LedgerEntry(seq=int(r[0]), event_id=r[1], sha256=r[2], status=r[3])
            for r in tx.all(
                "SELECT seq, event_id, sha256, status FROM inbox WHERE device_id = ?"
                " AND seq > ? ORDER BY seq LIMIT ?",
                (device.device_id, after_seq, limit),
            )
        ]
        present = {
            int(r[0])
            for r in tx.all(
                "SELECT seq FROM inbox WHERE device_id = ? AND seq > ? AND seq <= ?",
                (device.device_id, contiguous, top),
            )
        }
    missing = [s for s in range(contiguous + 1, top + 1) if s not in present][:1000]
    return Ledger(
        device_id=device.device_id,
        contiguous_through_seq=contiguous,
        max_seq=top,
        missing=missing,
        entries=entries,
    )


def behind_of(store: GatewayStore, device: DeviceRecord, cursors: dict[str, str]) -> dict[str, int]:
    behind: dict[str, int] = {}
    for name, cursor in cursors.items():
        try:
            stream = Stream(name)
            _, seq = decode_cursor(stream, cursor)
        except (ValueError, BadCursor):
            continue
        scope = scope_of(stream, device.hall_id)
        with store.db.read() as tx:
            row = tx.one(
                "SELECT COUNT(*) FROM feed WHERE stream = ? AND scope = ? AND seq > ?",
                (stream.value, scope, seq),
            )
        behind[name] = int(row[0]) if row else 0
    return behind


def manifest_of(store: GatewayStore, device: DeviceRecord) -> Manifest:
    streams = []
    for stream in Stream:
        scope = scope_of(stream, device.hall_id)
        state = store.stream_state(stream, scope)
        streams.append(
            StreamManifest(
                stream=stream,
                epoch=state.epoch,
                cursor=encode_cursor(stream, state.epoch, state.high_seq),
                digest=state.digest,
                snapshot=store.latest_snapshot(stream, scope),
            )
        )
    return Manifest(
        server_time=store.now(),
        hall_id=device.hall_id,
        device_id=device.device_id,
        streams=streams,
    )


def read_page(store: GatewayStore, stream: Stream, scope: str, cursor: str, limit: int) -> bytes:
    state = store.stream_state(stream, scope)
    after = 0
    if cursor:
        try:
            epoch, after = decode_cursor(stream, cursor)
        except BadCursor:
            raise ResetRequired(stream, msg("游标无法识别")) from None
        if epoch != state.epoch:
            raise ResetRequired(stream, msg("数据已重建（新的周期）"))
        if after < state.floor_seq:
            raise ResetRequired(stream, msg("游标已超过保留期限"))
    state, rows, more = store.changes(stream, scope, after, limit)
    last = rows[-1].seq if rows else after
    items = ",".join(
        f'{{"op":"delete","id":{json.dumps(r.id)},"version":{r.version},"doc":null}}'
        if r.deleted
        else (f'{{"op":"upsert","id":{json.dumps(r.id)},"version":{r.version},"doc":{r.doc_json}}}')
        for r in rows
    )
    head = json.dumps(stream.value)
    nxt = json.dumps(encode_cursor(stream, state.epoch, last))
    return (
        f'{{"stream":{head},"items":[{items}],"next_cursor":{nxt},'
        f'"has_more":{"true" if more else "false"}}}'
    ).encode()


def _manifest_etag(body: Manifest) -> str:
    """An ETag over the streams part (not ``server_time``, which always changes)."""
    streams = json.dumps([s.model_dump(mode="json") for s in body.streams]).encode()
    return '"' + hashlib.sha256(streams).hexdigest()[:32] + '"'


def terminal_states(store: GatewayStore) -> list[TerminalState]:
    """The "terminals behind / unhealthy" view, from the last heartbeats."""
    states = []
    for d in store.devices():
        beat = d.heartbeat or {}
        states.append(
            TerminalState(
                device_id=d.device_id,
                hall_id=d.hall_id,
                slot=d.slot,
                terminal_name=d.terminal_name,
                revoked=d.revoked,
                last_seen=d.last_seen,
                clock_offset_seconds=beat.get("clock_offset_seconds"),
                outbox_depth=beat.get("outbox_depth"),
                behind=beat.get("behind", {}),
                health=beat.get("health", {}),
            )
        )
    return states


def wrap(app: FastAPI, *, max_concurrency: int = 64, max_long_polls: int = 2000) -> LoadShedder:
    """The ASGI app to serve: ``app`` behind the load shedder.

    Args:
        app: from :func:`create_app`.
        max_concurrency: requests in progress before answering 503 + Retry-After.
        max_long_polls: long-polls waiting at once before answering 503.
    """
    return LoadShedder(app, limit=max_concurrency, long_poll_limit=max_long_polls)
