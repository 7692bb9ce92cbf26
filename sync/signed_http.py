"""One signed HTTPS link to the gateway for requests that need an answer now.

The queue (:mod:`sync.queue_client`), the help desk and the window's other online
requests (:mod:`sync.help_client`) all talk to the gateway the same way: a JSON body,
the device signature of :class:`sync.auth.DeviceAuth`, a connect and a read timeout,
one ``requests`` session per thread that :meth:`SignedTransport.close` can end while
a long-poll is under way (:class:`sync.abortable.AbortableSession`), and a request
sent once more when the gateway refused it only for this terminal's clock (the shared
:class:`sync.auth.GatewayClock` corrects itself from the answer).

What can go wrong is translated here into types, never left to message text:

=============================================  =========================================
what happened                                  raised
=============================================  =========================================
connection refused, DNS, connect/read timeout  :class:`core.errors.Offline`
TLS verification failed, CA bundle missing     :class:`GatewayUntrusted` (``reason``)
``429`` / ``503`` (load shed)                  :class:`GatewayBusy` (``retry_after``)
other ``5xx``                                  :class:`GatewayFailed` (``status``)
a body that is not the protocol's shape        :class:`UnreadableAnswer`
``401`` / ``403`` (revoked, unknown, clock)    ``errors.not_authorised``
other ``4xx``, with the gateway's message      ``errors.refused``
=============================================  =========================================

The four transient ones are also :class:`~core.errors.Offline`, so a screen that
says "the network is down" for one says it for all of them.

The enrolled variant (:class:`EnrolledSignedTransport`) serves a terminal whose
enrolment runs in the background: it asks for the credential on every request and
answers ``Offline`` with the reason until there is one.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Protocol, TypeVar

import requests
from pydantic import BaseModel, ValidationError

from core.errors import Offline, UserFacingError, msg
from sync.abortable import AbortableSession
from sync.auth import DeviceAuth, GatewayClock
from sync.engine import NotEnrolled, load_enrolment
from sync.protocol import DeviceCredential, ErrorBody
from sync.transport import (
    BadAnswer,
    GatewayNotTrusted,
    NotAuthorised,
    ServerError,
    TryLater,
    ca_bundle_missing,
    tls_refusal,
)

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)

CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 30.0
CLOSED = msg("与前置机的连接已关闭")
_SHED_STATUSES = frozenset({429, 503})

Params = Mapping[str, str | int | float | bool]
"""Query parameters; booleans go on the wire as ``true`` / ``false``."""


class GatewayBusy(TryLater, Offline):
    """The gateway is shedding load (429/503): try again after ``retry_after`` seconds."""


class GatewayFailed(ServerError, Offline):
    """The gateway answered with a server error (5xx other than 503)."""


class UnreadableAnswer(BadAnswer, Offline):
    """An answer that is not the protocol's shape (a proxy's error page …); never used."""


class GatewayUntrusted(GatewayNotTrusted, Offline):
    """The gateway's TLS certificate failed verification (see ``reason``); nothing was sent.

    Its message tells staff what to fix (usually ``[gateway] ca_bundle``), instead of
    the "network is down" of a plain :class:`~core.errors.Offline`.
    """


class GatewayRefused(UserFacingError):
    """The gateway refused the request; ``message`` is Chinese and safe to show."""


class SignedLink(Protocol):
    """Sends one signed request to the gateway and returns the answer's JSON bytes.

    Raises:
        Offline: the gateway cannot be reached, sheds load or failed
            (:class:`GatewayBusy`, :class:`GatewayFailed` are ``Offline`` too).
        UserFacingError: the gateway refused the request (the link's ``refused`` type).
        NotAuthorised: the credential was refused (the link's ``not_authorised`` type).
    """

    def send(
        self,
        method: str,
        path: str,
        *,
        body: BaseModel | None = None,
        params: Params | None = None,
        read_timeout: float = READ_TIMEOUT,
    ) -> bytes: ...

    def close(self) -> None:
        """Release the link; a request under way ends at once with ``Offline``."""


@dataclass(frozen=True, slots=True)
class LinkErrors:
    """How one client words its link's failures, and its refusal types.

    Every message is a whole sentence written with :func:`~core.errors.msg`, so the
    screen can show it in the person's language; the ones with a value are functions
    of it.

    Attributes:
        name: the other side as logs call it (``前置机``, ``排队系统``).
        unreachable: the ``Offline`` message when no connection can be made.
        garbled: the message when the exchange broke off in a way ``requests`` reports.
        unreadable: the message for an answer that is not the protocol's shape.
        unavailable: the message for a shed (429/503) or failed (5xx) answer, given its
            HTTP status.
        device_refused: the message when the credential is refused, given the gateway's
            reason (its own sentence, shown after ours).
        action_refused: the message of a 4xx refusal that carried no message.
        refused: raised for a 4xx refusal, with the gateway's (Chinese) message.
        not_authorised: raised when the credential is refused.
    """

    name: str
    unreachable: str
    garbled: str
    unreadable: str
    unavailable: Callable[[int], str]
    device_refused: Callable[[str], str]
    action_refused: str
    refused: type[UserFacingError]
    not_authorised: type[NotAuthorised]


GATEWAY_ERRORS = LinkErrors(
    name="前置机",
    unreachable=msg("无法连接前置机，请检查网络"),
    garbled=msg("与前置机通信出错"),
    unreadable=msg("前置机的应答格式错误"),
    unavailable=lambda status: msg("前置机暂时不可用（{status}）", status=status),
    device_refused=lambda reason: msg("前置机拒绝了本终端：{reason}", reason=reason),
    action_refused=msg("前置机拒绝了该操作"),
    refused=GatewayRefused,
    not_authorised=NotAuthorised,
)


class SignedTransport:
    """Signed HTTPS to the gateway, one abortable ``requests`` session per thread.

    A client names the gateway its own way and raises its own refusal types by
    overriding :attr:`errors` in a subclass (``HttpQueueTransport``, ``HttpDeskTransport``).

    Args:
        base_url: the gateway, ``https://host:port``.
        credential: this device's enrolment credential.
        clock: unix seconds for signatures: the terminal's shared
            :class:`~sync.auth.GatewayClock`, which applies the gateway's clock offset
            and is corrected (and the request signed again, once) on ``401 auth.clock``.
        verify: ``True``, or the path of a custom CA bundle.
    """

    errors: ClassVar[LinkErrors] = GATEWAY_ERRORS

    def __init__(
        self,
        *,
        base_url: str,
        credential: DeviceCredential,
        clock: Callable[[], float] = time.time,
        verify: bool | str = True,
    ) -> None:
        self._base = base_url.rstrip("/")
        self._credential = credential
        self._clock = clock
        self._verify = verify
        self._local = threading.local()
        self._sessions: list[AbortableSession] = []
        self._lock = threading.Lock()
        self._closed = False

    def _session(self) -> AbortableSession:
        session: AbortableSession | None = getattr(self._local, "session", None)
        if session is None:
            session = AbortableSession()
            session.auth = DeviceAuth(
                device_id=self._credential.device_id,
                secret=self._credential.secret,
                clock=self._clock,
            )
            session.verify = self._verify
            with self._lock:
                if self._closed:
                    raise Offline(CLOSED)
                self._sessions.append(session)
            self._local.session = session
        elif session.aborted:
            raise Offline(CLOSED)
        return session

    def send(
        self,
        method: str,
        path: str,
        *,
        body: BaseModel | None = None,
        params: Params | None = None,
        read_timeout: float = READ_TIMEOUT,
    ) -> bytes:
        """Sign and send one request; the answer's bytes (see :class:`SignedLink`)."""
        data = body.model_dump_json().encode() if body is not None else b""
        query = {k: str(v).lower() if isinstance(v, bool) else v for k, v in (params or {}).items()}
        response = self._request(method, path, data, query, read_timeout)
        if isinstance(self._clock, GatewayClock) and self._clock.learn_from(response):
            # refused for our clock before anything happened: sign again, once
            response = self._request(method, path, data, query, read_timeout)
        return self._content(response)

    def _request(
        self,
        method: str,
        path: str,
        data: bytes,
        query: Mapping[str, str | int | float],
        read_timeout: float,
    ) -> requests.Response:
        url = self._base + path
        missing = ca_bundle_missing(url, self._verify)
        if missing is not None:
            raise GatewayUntrusted(missing.message, reason=missing.reason)
        try:
            return self._session().request(
                method,
                url,
                data=data,
                params=dict(query),
                headers={"Content-Type": "application/json"},
                timeout=(CONNECT_TIMEOUT, read_timeout),
                # Per request, not only on the session: with REQUESTS_CA_BUNDLE set (as
                # on many Linux images) requests prefers it to ``Session.verify``, and
                # the configured [gateway] ca_bundle would be ignored.
                # https://github.com/psf/requests/issues/3829
                verify=self._verify,
            )
        except requests.exceptions.SSLError as exc:  # a ConnectionError: caught first
            refusal = tls_refusal(exc, url=url, verify=self._verify)
            raise GatewayUntrusted(refusal.message, reason=refusal.reason) from exc
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise Offline(self.errors.unreachable) from exc
        except requests.RequestException as exc:
            raise UnreadableAnswer(self.errors.garbled) from exc

    def _content(self, response: requests.Response) -> bytes:
        status = response.status_code
        if status < 300:  # noqa: PLR2004 - HTTP success
            return response.content
        errors = self.errors
        code, message = _error_of(response)
        if status in (401, 403):
            raise errors.not_authorised(
                errors.device_refused(message) if message else errors.action_refused, code=code
            )
        if status in _SHED_STATUSES:
            raise GatewayBusy(
                errors.unavailable(status),
                retry_after=_retry_after(response),
            )
        if status >= 500:  # noqa: PLR2004 - HTTP server error
            raise GatewayFailed(
                errors.unavailable(status),
                status=status,
            )
        raise errors.refused(message or errors.action_refused, code=code)

    def close(self) -> None:
        """Release the link; a request under way (a long-poll) ends at once as Offline.

        Later requests are refused with :class:`~core.errors.Offline`.
        """
        with self._lock:
            self._closed = True
            sessions, self._sessions = self._sessions, []
        for session in sessions:
            session.abort()
            session.close()


Locate = Callable[[], tuple[str, DeviceCredential]]
"""Returns the gateway's address and the device credential, or raises ``Offline``."""


class EnrolledSignedTransport:
    """A :class:`SignedTransport` for a terminal whose enrolment may not be done yet.

    Enrolment runs on a background thread after the window is built, and staff may
    re-enrol a revoked terminal while it runs; so ``locate`` is asked on every request
    and the signed transport (:attr:`link`, overridden by a client) is made again when
    the address or credential changes.

    Args:
        locate: the gateway address and credential now; raises ``Offline`` saying why
            there is none yet (see :func:`kept_enrolment`).
        clock: unix seconds for signatures (the terminal's shared GatewayClock).
        verify: ``True``, or the path of a custom CA bundle.
    """

    link: ClassVar[type[SignedTransport]] = SignedTransport

    def __init__(
        self,
        *,
        locate: Locate,
        clock: Callable[[], float] = time.time,
        verify: bool | str = True,
    ) -> None:
        self._locate = locate
        self._clock = clock
        self._verify = verify
        self._lock = threading.Lock()
        self._inner: SignedTransport | None = None
        self._key: tuple[str, str, str] | None = None
        self._closed = False

    def _transport(self) -> SignedTransport:
        if self._closed:
            raise Offline(CLOSED)
        url, credential = self._locate()
        key = (url, credential.device_id, credential.secret)
        stale: SignedTransport | None = None
        with self._lock:
            if self._closed:
                raise Offline(CLOSED)
            if self._inner is None or key != self._key:
                stale = self._inner
                self._inner = self.link(
                    base_url=url, credential=credential, clock=self._clock, verify=self._verify
                )
                self._key = key
                log.info("signed link uses device %s", credential.device_id)
            inner = self._inner
        if stale is not None:
            stale.close()
        return inner

    @property
    def enrolled(self) -> bool:
        """Whether a usable credential is kept now."""
        try:
            self._transport()
        except Offline:
            return False
        return True

    def send(
        self,
        method: str,
        path: str,
        *,
        body: BaseModel | None = None,
        params: Params | None = None,
        read_timeout: float = READ_TIMEOUT,
    ) -> bytes:
        """Sign and send with the credential kept now (see :class:`SignedLink`)."""
        return self._transport().send(
            method, path, body=body, params=params, read_timeout=read_timeout
        )

    def close(self) -> None:
        """End the link for good: a request under way ends at once with ``Offline``."""
        with self._lock:
            self._closed = True
            inner, self._inner, self._key = self._inner, None, None
        if inner is not None:
            inner.close()


def kept_enrolment(
    data_dir: Path, gateway_url: str = "", *, not_enrolled: str
) -> tuple[str, DeviceCredential]:
    """The gateway address and credential enrolment kept in ``data_dir``.

    Args:
        data_dir: where :func:`sync.engine.enrol` keeps ``device.json``.
        gateway_url: the configured gateway; ``""`` = the one the enrolment names.
        not_enrolled: the ``Offline`` message while there is no credential.

    Raises:
        Offline: not enrolled yet, or the kept credential is unreadable.
    """
    try:
        enrolment = load_enrolment(data_dir)
    except NotEnrolled as exc:
        log.info("signed link waits for enrolment (%s)", exc.code)
        raise Offline(not_enrolled) from None
    return gateway_url or enrolment.gateway_url, enrolment.credential


def parse_answer(model: type[M], raw: bytes, *, errors: LinkErrors = GATEWAY_ERRORS) -> M:
    """Read a gateway answer as ``model``.

    Raises:
        UnreadableAnswer: the answer is not what the protocol says (it is ``Offline``).
    """
    try:
        return model.model_validate_json(raw)
    except ValidationError as exc:
        raise UnreadableAnswer(errors.unreadable) from exc


def _error_of(response: requests.Response) -> tuple[str, str]:
    try:
        detail = ErrorBody.model_validate_json(response.content).error
    except ValidationError:
        return "", ""
    return detail.code, detail.text()


def _retry_after(response: requests.Response) -> float:
    """Seconds from a ``Retry-After`` header; 0 for a date or garbage (own backoff)."""
    try:
        return max(0.0, float(response.headers.get("Retry-After", "")))
    except ValueError:
        return 0.0
