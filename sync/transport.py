"""HTTP transport of the sync engine: one signed ``requests`` session to the gateway.

Everything that can go wrong on the wire is translated here, at the boundary, into
the typed errors below; the engine decides by type, never by message text:

=============================================  =====================================
what happened                                  raised
=============================================  =====================================
connection refused, DNS, connect/read timeout  :class:`core.errors.Offline`
TLS: certificate not trusted, for another      :class:`GatewayNotTrusted` (``reason``)
host, expired; CA bundle missing or unusable
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
import ssl
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

import requests
import urllib3.exceptions
from pydantic import BaseModel, ValidationError

from core.errors import EnvironmentProblem, Offline, UserFacingError, msg
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


class TlsFailure(StrEnum):
    """Why a secure connection to the gateway was refused (for screens and tests)."""

    UNTRUSTED = "untrusted"
    """The certificate's issuer is not trusted (not in the system store or ``ca_bundle``)."""
    WRONG_HOST = "wrong_host"
    """The certificate is valid but issued for another host name or address."""
    EXPIRED = "expired"
    """The certificate has expired or is not valid yet (or this terminal's clock is off)."""
    CA_BUNDLE = "ca_bundle"
    """The configured ``[gateway] ca_bundle`` is missing or holds no usable certificate."""
    HANDSHAKE = "handshake"
    """No TLS session could be set up (not an HTTPS server, no common protocol …)."""


class GatewayNotTrusted(TransportProblem):
    """The gateway's TLS certificate did not pass verification; nothing was sent or applied.

    Transient for the engine (staff may fix the settings or renew the certificate and
    sync resumes by itself), but never taken for a network outage: ``message`` tells
    staff what to check, usually ``[gateway] ca_bundle``.

    Args:
        message: Chinese text for staff, safe to show.
        reason: what failed.
    """

    def __init__(self, message: str, *, reason: TlsFailure) -> None:
        super().__init__(message)
        self.message = message
        self.reason = reason


# OpenSSL's X509_V_ERR_* codes (``ssl.SSLCertVerificationError.verify_code``).
_EXPIRED_CODES = frozenset({9, 10})  # CERT_NOT_YET_VALID, CERT_HAS_EXPIRED
_WRONG_HOST_CODES = frozenset({62, 64})  # HOSTNAME_MISMATCH, IP_ADDRESS_MISMATCH


def ca_bundle_missing(url: str, verify: bool | str) -> GatewayNotTrusted | None:
    """The error to raise before an HTTPS request when ``verify`` names no file.

    ``requests`` would raise a bare ``OSError`` for it; a missing bundle is a setting
    for staff to fix, so it is said in those words instead.
    """
    if isinstance(verify, str) and url.startswith("https:") and not Path(verify).exists():
        return GatewayNotTrusted(
            msg(
                "[gateway] ca_bundle 指定的 CA 证书文件不存在（{verify}）："
                "请把签发前置机证书的 CA 证书（PEM 格式）放到该位置，或改正该设置",
                verify=verify,
            ),
            reason=TlsFailure.CA_BUNDLE,
        )
    return None


def tls_refusal(
    exc: requests.exceptions.SSLError, *, url: str, verify: bool | str
) -> GatewayNotTrusted:
    """Say in staff's words why TLS to the gateway at ``url`` failed.

    Decided by the OpenSSL verification code the error carries, never by its text.

    Args:
        exc: what ``requests`` raised.
        url: the gateway address asked for.
        verify: the session's ``verify``: ``True`` (system trust) or a CA bundle path.
    """
    host = urlsplit(url).hostname or url
    custom = isinstance(verify, str)
    failure = _verification_error(exc)
    if failure is None:
        if custom and not _bundle_loads(str(verify)):
            reason = TlsFailure.CA_BUNDLE
            message = msg(
                "[gateway] ca_bundle 指定的文件（{verify}）不是可用的 CA 证书："
                "请换成签发前置机证书的 CA 证书（PEM 格式）",
                verify=verify,
            )
        else:
            reason = TlsFailure.HANDSHAKE
            message = msg(
                "无法与前置机 {host} 建立安全连接（TLS 握手失败）："
                "请核对 [gateway] url 是前置机的 HTTPS 地址和端口",
                host=host,
            )
    elif failure.verify_code in _WRONG_HOST_CODES:
        reason = TlsFailure.WRONG_HOST
        message = msg(
            "前置机证书与地址 {host} 不符（证书是签发给其他名称的）："
            "请把 [gateway] url 改为证书上的名称，或请管理员为该地址签发证书",
            host=host,
        )
    elif failure.verify_code in _EXPIRED_CODES:
        reason = TlsFailure.EXPIRED
        message = msg(
            "前置机证书已过期或尚未生效：请检查本机日期时间是否正确，或请管理员更换前置机证书"
        )
    elif custom:
        reason = TlsFailure.UNTRUSTED
        message = msg(
            "前置机证书不受信任：它不是由 [gateway] ca_bundle（{verify}）中的 CA 签发的，"
            "请换成签发前置机证书的 CA 证书",
            verify=verify,
        )
    else:
        reason = TlsFailure.UNTRUSTED
        message = msg(
            "前置机证书不受信任（签发机构不在本机信任列表中）：请在配置文件的 "
            "[gateway] ca_bundle 中填写签发前置机证书的 CA 证书文件（PEM 格式）"
        )
    log.warning(
        "TLS to the gateway %s refused (%s, verify code %s)",
        host,
        reason.value,
        failure.verify_code if failure is not None else "-",
    )
    return GatewayNotTrusted(message, reason=reason)


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and everything it wraps (causes, contexts, urllib3's ``reason``, args)."""
    todo: list[BaseException] = [exc]
    seen: set[int] = set()
    while todo:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        inner = [current.__cause__, current.__context__, getattr(current, "reason", None)]
        inner.extend(current.args)
        todo.extend(e for e in inner if isinstance(e, BaseException))


def _verification_error(exc: BaseException) -> ssl.SSLCertVerificationError | None:
    for inner in _causes(exc):
        if isinstance(inner, ssl.SSLCertVerificationError):
            return inner
    return None


def _bundle_loads(path: str) -> bool:
    """Whether OpenSSL can read CA certificates from ``path`` (a file or a directory)."""
    try:
        if Path(path).is_dir():
            ssl.create_default_context(capath=path)
        else:
            ssl.create_default_context(cafile=path)
    except (OSError, ValueError):  # ssl.SSLError is an OSError
        return False
    return True


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
            raise BadAnswer(
                msg("前置机返回了其他数据流的变更（{stream}）", stream=page.stream.value)
            )
        return page

    def snapshot_index(self, stream: str) -> SnapshotIndex:
        """The stream's current snapshot: chunk list, digest and follow-on cursor."""
        response = self._request("GET", f"/v1/streams/{stream}/snapshot")
        index = _parse(SnapshotIndex, response.content, f"{stream} snapshot index")
        if index.stream.value != stream:
            raise BadAnswer(
                msg("前置机返回了其他数据流的快照（{stream}）", stream=index.stream.value)
            )
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
            raise BadAnswer(msg("快照数据块下载中断")) from exc
        finally:
            response.close()
        if hashlib.sha256(data).hexdigest() != expected_sha256:
            raise BadAnswer(msg("快照数据块校验值不符（传输损坏）"))
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
            raise BadAnswer(msg("前置机的事件结果与发送的事件不符"))
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
        missing = ca_bundle_missing(url, self._session.verify)
        if missing is not None:
            raise missing
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
        except requests.exceptions.SSLError as exc:  # a ConnectionError: caught first
            raise tls_refusal(exc, url=url, verify=self._session.verify) from exc
        except (requests.ConnectionError, requests.Timeout) as exc:
            # ConnectTimeout is both; a ReadTimeout means the gateway stopped answering.
            raise Offline(msg("无法连接前置机（网络中断或前置机未运行）")) from exc
        except requests.RequestException as exc:
            raise BadAnswer(msg("与前置机通信出错")) from exc
        if raw and response.status_code == 200:
            return response
        try:
            response.content  # noqa: B018 - reads the whole body now, inside the guard
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise Offline(msg("前置机应答中断")) from exc
        except requests.RequestException as exc:
            raise BadAnswer(msg("前置机应答不完整")) from exc
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
    return body.error.code, body.error.text(), body.error.server_time


def _check_status(response: requests.Response, path: str) -> None:
    status = response.status_code
    if status in (200, 201, 304):
        return
    if status == 410:
        try:
            reset = ResetBody.model_validate_json(response.content)
        except ValidationError as exc:
            raise BadAnswer(msg("前置机的重建通知格式错误")) from exc
        raise StreamReset(reset.stream.value, reset.reason)
    code, message, server_time = _error_detail(response)
    if status in _TRANSIENT_STATUSES:
        raise TryLater(message or msg("前置机繁忙，稍后重试"), retry_after=_retry_after(response))
    if status >= 500:
        raise ServerError(
            message or msg("前置机内部错误（{status}）", status=status), status=status
        )
    if status == 401 and code == "auth.clock" and server_time is not None:
        raise ClockSkew(message, server_time=server_time)
    if status in (401, 403):
        raise NotAuthorised(message or msg("前置机拒绝了本终端的凭据，请联系管理员"), code=code)
    log.warning("gateway answered %s to %s (%s)", status, path, code or "no code")
    raise ServerError(message or msg("前置机拒绝了请求（{status}）", status=status), status=status)


def _parse(model: type[M], content: bytes, what: str) -> M:
    try:
        return model.model_validate_json(content)
    except ValidationError as exc:
        log.warning("bad answer from the gateway for %s: %d bytes, %s", what, len(content), exc)
        raise BadAnswer(msg("前置机应答格式错误（{what}）", what=what)) from exc


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
        raise EnrolmentRefused(
            msg("注册码格式不正确，请核对后重新输入"), code="enrol.format"
        ) from exc
    body = request.model_dump_json(
        exclude={"first_seq"} if request.first_seq == 1 else set()
    ).encode("utf-8")
    url = base_url.rstrip("/") + "/v1/enrol"
    verify: bool | str = str(ca_bundle) if ca_bundle else True
    missing = ca_bundle_missing(url, verify)
    if missing is not None:
        raise missing
    with requests.Session() as session:
        session.trust_env = False
        try:
            response = session.post(
                url,
                data=body,
                headers={"Content-Type": "application/json"},
                timeout=(connect_timeout, read_timeout),
                verify=verify,
            )
        except requests.exceptions.SSLError as exc:  # a ConnectionError: caught first
            raise tls_refusal(exc, url=url, verify=verify) from exc
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise Offline(msg("无法连接前置机，请检查网络和前置机地址")) from exc
        except requests.RequestException as exc:
            raise BadAnswer(msg("与前置机通信出错")) from exc
    if response.status_code in (403, 422):
        code_, message, _ = _error_detail(response)
        raise EnrolmentRefused(message or msg("注册码无效"), code=code_ or "enrol.refused")
    _check_status(response, "/v1/enrol")
    return _parse(DeviceCredential, response.content, "enrolment")


__all__ = [
    "BadAnswer",
    "ClockSkew",
    "EnrolmentRefused",
    "GatewayNotTrusted",
    "ManifestAnswer",
    "NotAuthorised",
    "Offline",
    "ServerError",
    "StreamReset",
    "TlsFailure",
    "Transport",
    "TransportProblem",
    "TryLater",
    "ca_bundle_missing",
    "request_enrolment",
    "tls_refusal",
]
