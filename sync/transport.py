"""HTTP transport of the sync engine: one signed ``requests`` session to the gateway.

Everything that can go wrong on the wire is translated here, at the boundary, into
the typed errors below; the engine decides by type, never by message text:

=============================================  =====================================
what happened                                  raised
=============================================  =====================================
connection refused, DNS, connect/read timeout  :class:`core.errors.Offline`
``503`` / ``429`` (load shed, with Retry-After) :class:`TryLater` (``retry_after``)
other ``5xx``                                  :class:`ServerError`
body not JSON / not the protocol model /       :class:`BadAnswer`
truncated / wrong sha256
``401`` with ``auth.clock``                    :class:`ClockSkew` (``server_time``)
other ``401`` / ``403`` (revoked, unknown)     :class:`NotAuthorised`
``410`` on a change feed                       :class:`StreamReset`
=============================================  =====================================

All of them except :class:`NotAuthorised` are transient: the engine backs off and
tries again. Nothing a bad answer carried is ever applied.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import requests
import urllib3.exceptions
from pydantic import BaseModel, ValidationError

from core.errors import EnvironmentProblem, Offline, UserFacingError
from sync.abortable import AbortableSession
from sync.auth import DeviceAuth
from sync.protocol import (
    BatchResult,
    BlobStored,
    ChangePage,
    DeviceCredential,
    EnrolRequest,
    ErrorBody,
    Event,
    EventBatch,
    Heartbeat,
    HeartbeatAck,
    Ledger,
    Manifest,
    ResetBody,
    SnapshotIndex,
)

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)

CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 30.0


class TransportProblem(EnvironmentProblem):
    """Base of the transient problems talking to the gateway (not our bug)."""


class TryLater(TransportProblem):
    """The gateway is shedding load (503/429): come back after ``retry_after`` seconds."""

    def __init__(self, message: str, *, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ServerError(TransportProblem):
    """The gateway answered with a 5xx (or another status the protocol does not know)."""

    def __init__(self, message: str, *, status: int) -> None:
        super().__init__(message)
        self.status = status


class BadAnswer(TransportProblem):
    """An answer that is garbage, truncated or not the protocol's shape; never applied."""


class ClockSkew(TransportProblem):
    """The gateway refused our timestamp; ``server_time`` lets the engine correct it."""

    def __init__(self, message: str, *, server_time: float) -> None:
        super().__init__(message)
        self.server_time = server_time


class NotAuthorised(EnvironmentProblem):
    """The device credential was refused (revoked, unknown, bad signature).

    Sync stops until staff enrol the terminal again; ``message`` is safe to show them.
    """

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class StreamReset(EnvironmentProblem):
    """``410``: the stream's cursor is no longer valid; rebuild it from a snapshot."""

    def __init__(self, stream: str, reason: str) -> None:
        super().__init__(f"{stream}: {reason}")
        self.stream = stream
        self.reason = reason


class EnrolmentRefused(UserFacingError):
    """The gateway refused an enrolment code (unknown, used, expired, malformed)."""


@dataclass(frozen=True, slots=True)
class ManifestAnswer:
    """A manifest probe: ``manifest`` is ``None`` when the gateway said 304."""

    manifest: Manifest | None
    etag: str | None


_TRANSIENT_STATUSES = frozenset({429, 503})


class Transport:
    """Signed HTTP calls to one gateway.

    One instance belongs to one thread (``requests.Session`` is not shared); use
    :meth:`clone` for another thread.

    Args:
        base_url: e.g. ``https://gateway.hall.example:8470``.
        credential: the device credential from enrolment.
        ca_bundle: a custom CA bundle (PEM) to verify the gateway's certificate with;
            ``None`` uses the system's trust store. TLS is always verified.
        clock: unix-seconds clock used to sign requests; the engine adds the clock
            offset the gateway reported through :attr:`clock_offset`.
        connect_timeout: seconds to connect.
        read_timeout: seconds to wait for an answer (long-polls add their ``wait``).
    """

    def __init__(
        self,
        *,
        base_url: str,
        credential: DeviceCredential,
        ca_bundle: Path | None = None,
        clock: Callable[[], float] = time.time,
        connect_timeout: float = CONNECT_TIMEOUT,
        read_timeout: float = READ_TIMEOUT,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.credential = credential
        self.ca_bundle = ca_bundle
        self.clock_offset = 0.0
        self._clock = clock
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self._session = AbortableSession()
        self._session.verify = str(ca_bundle) if ca_bundle else True
        self._session.trust_env = False  # a hall PC's proxy settings must not reroute us
        self._session.auth = DeviceAuth(
            device_id=credential.device_id,
            secret=credential.secret,
            clock=lambda: self._clock() + self.clock_offset,
        )

    def clone(self) -> Transport:
        """A transport with its own session for another thread (same offset)."""
        twin = Transport(
            base_url=self.base_url,
            credential=self.credential,
            ca_bundle=self.ca_bundle,
            clock=self._clock,
            connect_timeout=self.connect_timeout,
            read_timeout=self.read_timeout,
        )
        twin.clock_offset = self.clock_offset
        return twin

    def now(self) -> float:
        """The terminal's own clock (unix seconds), before the offset is applied."""
        return self._clock()

    def close(self) -> None:
        self._session.close()

    def abort(self) -> None:
        """End a request under way at once (it raises ``Offline``), from any thread.

        For a watcher's long-poll when the engine stops; the transport is not used
        again afterwards (every later request is ``Offline`` too).
        """
        self._session.abort()

    # ------------------------------------------------------------------ pull

    def manifest(self, etag: str | None = None) -> ManifestAnswer:
        """``GET /v1/sync/manifest``, conditional on ``etag``."""
        headers = {"If-None-Match": etag} if etag else {}
        response = self._request("GET", "/v1/sync/manifest", headers=headers)
        if response.status_code == 304:
            return ManifestAnswer(None, etag)
        return ManifestAnswer(
            _parse(Manifest, response.content, "manifest"), response.headers.get("ETag")
        )

    def changes(
        self, stream: str, cursor: str | None, *, limit: int = 1000, wait: float = 0
    ) -> ChangePage:
        """One change-feed page after ``cursor``.

        Raises:
            StreamReset: the gateway answered 410.
        """
        params: dict[str, str] = {"limit": str(limit)}
        if cursor:
            params["cursor"] = cursor
        if wait > 0:
            params["wait"] = f"{wait:g}"
        response = self._request(
            "GET", f"/v1/streams/{stream}/changes", params=params, extra_read=wait
        )
        page = _parse(ChangePage, response.content, f"{stream} changes")
        if page.stream.value != stream:
            raise BadAnswer(f"前置机返回了其他数据流的变更（{page.stream.value}）")
        return page

    def snapshot_index(self, stream: str) -> SnapshotIndex:
        """The stream's current snapshot: chunk list, digest and follow-on cursor."""
        response = self._request("GET", f"/v1/streams/{stream}/snapshot")
        index = _parse(SnapshotIndex, response.content, f"{stream} snapshot index")
        if index.stream.value != stream:
            raise BadAnswer(f"前置机返回了其他数据流的快照（{index.stream.value}）")
        return index

    def snapshot_chunk(self, url: str, *, expected_sha256: str) -> bytes:
        """The gzip bytes of one snapshot chunk, exactly as the gateway hashed them.

        Raises:
            BadAnswer: truncated, or the bytes do not match ``expected_sha256``.
        """
        response = self._request("GET", url, raw=True)
        try:
            data: bytes = response.raw.read(decode_content=False)
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            raise BadAnswer("快照数据块下载中断") from exc
        finally:
            response.close()
        if hashlib.sha256(data).hexdigest() != expected_sha256:
            raise BadAnswer("快照数据块校验值不符（传输损坏）")
        return data

    # ------------------------------------------------------------------ push

    def push(self, events: Sequence[Event]) -> BatchResult:
        """``POST /v1/events:batch``; one result per event."""
        body = EventBatch(events=list(events)).model_dump_json().encode("utf-8")
        response = self._request(
            "POST",
            "/v1/events:batch",
            data=body,
            headers={"Content-Type": "application/json"},
        )
        result = _parse(BatchResult, response.content, "event batch")
        sent = {e.event_id for e in events}
        if any(r.event_id not in sent for r in result.results):
            raise BadAnswer("前置机的事件结果与发送的事件不符")
        return result

    def put_blob(self, sha256: str, data: bytes) -> BlobStored:
        response = self._request(
            "PUT",
            f"/v1/blobs/{sha256}",
            data=data,
            headers={"Content-Type": "application/octet-stream"},
        )
        return _parse(BlobStored, response.content, "blob")

    def ledger(self, *, after_seq: int = 0, limit: int = 1000) -> Ledger:
        response = self._request(
            "GET",
            "/v1/devices/me/ledger",
            params={"after_seq": str(after_seq), "limit": str(limit)},
        )
        return _parse(Ledger, response.content, "ledger")

    def heartbeat(self, beat: Heartbeat) -> HeartbeatAck:
        response = self._request(
            "POST",
            "/v1/devices/me/heartbeat",
            data=beat.model_dump_json().encode("utf-8"),
            headers={"Content-Type": "application/json"},
        )
        return _parse(HeartbeatAck, response.content, "heartbeat")

    # ------------------------------------------------------------------ plumbing

    def _request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        data: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        extra_read: float = 0,
        raw: bool = False,
    ) -> requests.Response:
        url = path if path.startswith("http") else self.base_url + path
        try:
            response = self._session.request(
                method,
                url,
                params=params,
                data=data,
                headers=dict(headers or {}),
                timeout=(self.connect_timeout, self.read_timeout + extra_read),
                stream=True,  # read the body ourselves so truncation is caught here
            )
        except (requests.ConnectionError, requests.Timeout) as exc:
            # ConnectTimeout is both; a ReadTimeout means the gateway stopped answering.
            raise Offline("无法连接前置机（网络中断或前置机未运行）") from exc
        except requests.RequestException as exc:
            raise BadAnswer("与前置机通信出错") from exc
        if raw and response.status_code == 200:
            return response
        try:
            response.content  # noqa: B018 - reads the whole body now, inside the guard
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise Offline("前置机应答中断") from exc
        except requests.RequestException as exc:
            raise BadAnswer("前置机应答不完整") from exc
        finally:
            response.close()
        _check_status(response, path)
        return response


def _retry_after(response: requests.Response) -> float:
    value = response.headers.get("Retry-After", "")
    try:
        return max(0.0, float(value))
    except ValueError:
        return 0.0  # an HTTP date or garbage: fall back to our own backoff


def _error_detail(response: requests.Response) -> tuple[str, str, float | None]:
    try:
        body = ErrorBody.model_validate_json(response.content)
    except ValidationError:
        return "", "", None
    return body.error.code, body.error.message, body.error.server_time


def _check_status(response: requests.Response, path: str) -> None:
    status = response.status_code
    if status in (200, 201, 304):
        return
    if status == 410:
        try:
            reset = ResetBody.model_validate_json(response.content)
        except ValidationError as exc:
            raise BadAnswer("前置机的重建通知格式错误") from exc
        raise StreamReset(reset.stream.value, reset.reason)
    code, message, server_time = _error_detail(response)
    if status in _TRANSIENT_STATUSES:
        raise TryLater(message or "前置机繁忙，稍后重试", retry_after=_retry_after(response))
    if status >= 500:
        raise ServerError(message or f"前置机内部错误（{status}）", status=status)
    if status == 401 and code == "auth.clock" and server_time is not None:
        raise ClockSkew(message, server_time=server_time)
    if status in (401, 403):
        raise NotAuthorised(message or "前置机拒绝了本终端的凭据，请联系管理员", code=code)
    log.warning("gateway answered %s to %s (%s)", status, path, code or "no code")
    raise ServerError(message or f"前置机拒绝了请求（{status}）", status=status)


def _parse(model: type[M], content: bytes, what: str) -> M:
    try:
        return model.model_validate_json(content)
    except ValidationError as exc:
        log.warning("bad answer from the gateway for %s: %d bytes, %s", what, len(content), exc)
        raise BadAnswer(f"前置机应答格式错误（{what}）") from exc


# ------------------------------------------------------------------ enrolment


def request_enrolment(
    base_url: str,
    code: str,
    *,
    terminal_name: str = "",
    app_version: str = "",
    ca_bundle: Path | None = None,
    connect_timeout: float = CONNECT_TIMEOUT,
    read_timeout: float = READ_TIMEOUT,
    first_seq: int = 1,
) -> DeviceCredential:
    """Trade a one-time enrolment code for a device credential (an unsigned call).

    ``first_seq`` (see :class:`sync.protocol.EnrolRequest`) is sent only when it is
    not 1, so a fresh terminal can still enrol with a gateway that predates it.

    Raises:
        EnrolmentRefused: the code is malformed, unknown, used or expired.
        Offline: the gateway cannot be reached.
        BadAnswer | ServerError | TryLater: the gateway answered badly; try again.
    """
    try:
        request = EnrolRequest(
            code=code, terminal_name=terminal_name, app_version=app_version, first_seq=first_seq
        )
    except ValidationError as exc:
        raise EnrolmentRefused("注册码格式不正确，请核对后重新输入", code="enrol.format") from exc
    body = request.model_dump_json(
        exclude={"first_seq"} if request.first_seq == 1 else set()
    ).encode("utf-8")
    with requests.Session() as session:
        session.trust_env = False
        try:
            response = session.post(
                base_url.rstrip("/") + "/v1/enrol",
                data=body,
                headers={"Content-Type": "application/json"},
                timeout=(connect_timeout, read_timeout),
                verify=str(ca_bundle) if ca_bundle else True,
            )
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise Offline("无法连接前置机，请检查网络和前置机地址") from exc
        except requests.RequestException as exc:
            raise BadAnswer("与前置机通信出错") from exc
    if response.status_code in (403, 422):
        code_, message, _ = _error_detail(response)
        raise EnrolmentRefused(message or "注册码无效", code=code_ or "enrol.refused")
    _check_status(response, "/v1/enrol")
    return _parse(DeviceCredential, response.content, "enrolment")


__all__ = [
    "BadAnswer",
    "ClockSkew",
    "EnrolmentRefused",
    "ManifestAnswer",
    "NotAuthorised",
    "Offline",
    "ServerError",
    "StreamReset",
    "Transport",
    "TransportProblem",
    "TryLater",
    "request_enrolment",
]
