"""Terminal side of 呼叫帮办 and of the window desk's other online requests.

:class:`DeskTransport` is the signed link to the gateway for requests that need an
answer now (help, follow-ups, statistics, pickup codes); :class:`HelpClient` is what
a kiosk calls when a citizen presses 呼叫帮办, and what a window client long-polls
to see help requests and device alerts at once::

    client = HelpClient(transport=HttpDeskTransport(base_url=url, credential=cred))
    ticket = client.request_help(topic="pickup", note="自助取件")      # kiosk
    feed = client.feed(after=0, wait=25)                               # window
    client.acknowledge(feed.requests[0].help_id, clerk_id=…, clerk_name=…, window_no="3")

Help needs the gateway: offline, :meth:`HelpClient.request_help` raises
:class:`core.errors.Offline` and the kiosk tells the citizen to ask at the service
desk instead.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Protocol, TypeVar
from urllib.parse import quote

import requests
from pydantic import BaseModel, ValidationError

from core.errors import EnvironmentProblem, Offline, UserFacingError
from sync.abortable import AbortableSession
from sync.auth import DeviceAuth, GatewayClock
from sync.engine import NotEnrolled, load_enrolment
from sync.help_protocol import HelpAck, HelpFeed, HelpRequest, HelpTicket, HelpTopic
from sync.protocol import DeviceCredential, ErrorBody

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)

CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 30.0


class DeskRefused(UserFacingError):
    """The gateway refused the request; ``message`` is Chinese and safe to show."""


class DeskNotAuthorised(EnvironmentProblem):
    """The gateway refused this terminal's credential (revoked or unknown)."""


class DeskTransport(Protocol):
    """Sends one signed request and returns the answer's JSON bytes.

    Raises:
        Offline: the gateway cannot be reached (or answered 5xx / 429).
        DeskRefused: the gateway refused the request (4xx with a message).
        DeskNotAuthorised: the credential was refused.
    """

    def send(
        self,
        method: str,
        path: str,
        *,
        body: BaseModel | None = None,
        params: Mapping[str, str | int | float | bool] | None = None,
        read_timeout: float = READ_TIMEOUT,
    ) -> bytes: ...

    def close(self) -> None:
        """Release the link; a request under way ends at once with ``Offline``."""


class HttpDeskTransport:
    """Signed HTTPS to the gateway, one ``requests`` session per thread.

    Args:
        base_url: the gateway, ``https://host:port``.
        credential: this device's enrolment credential.
        clock: unix seconds for signatures (apply the gateway's clock offset here).
        verify: ``True``, or the path of a custom CA bundle.
    """

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
                    raise Offline("与前置机的连接已关闭")
                self._sessions.append(session)
            self._local.session = session
        elif session.aborted:
            raise Offline("与前置机的连接已关闭")
        return session

    def send(
        self,
        method: str,
        path: str,
        *,
        body: BaseModel | None = None,
        params: Mapping[str, str | int | float | bool] | None = None,
        read_timeout: float = READ_TIMEOUT,
    ) -> bytes:
        data = body.model_dump_json().encode() if body is not None else b""
        query = {k: str(v).lower() if isinstance(v, bool) else v for k, v in (params or {}).items()}
        for attempt in range(2):
            try:
                response = self._session().request(
                    method,
                    self._base + path,
                    data=data,
                    params=query,
                    headers={"Content-Type": "application/json"},
                    timeout=(CONNECT_TIMEOUT, read_timeout),
                )
            except (requests.ConnectionError, requests.Timeout) as exc:
                raise Offline("无法连接前置机，请检查网络") from exc
            if (
                attempt == 0
                and isinstance(self._clock, GatewayClock)
                and self._clock.learn_from(response)
            ):
                continue  # refused for our clock before anything happened: sign again
            break
        status = response.status_code
        if status < 300:
            return response.content
        code, message = _error_of(response)
        if status in (401, 403):
            raise DeskNotAuthorised(f"前置机拒绝了本终端：{message}")
        if status >= 500 or status == 429:
            raise Offline(f"前置机暂时不可用（{status}）")
        raise DeskRefused(message or "前置机拒绝了该操作", code=code)

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


NOT_ENROLLED = "本终端尚未注册到前置机，帮办、统计、差评整改和取件码暂不可用；注册完成后自动恢复"


class EnrolledDeskTransport:
    """A :class:`DeskTransport` for a terminal whose enrolment may not have happened yet.

    Enrolment runs on a background thread after the window is built, and staff may
    re-enrol a revoked terminal while it runs; so the credential is read from the data
    directory on every call (:func:`sync.engine.load_enrolment`, a small file) and the
    signed :class:`HttpDeskTransport` is rebuilt when it changes.

    Args:
        data_dir: where enrolment keeps ``device.json``.
        gateway_url: the configured gateway; ``""`` = the one the enrolment names.
        clock: unix seconds for signatures.
        verify: ``True``, or the path of a custom CA bundle.

    Raises (from :meth:`send`):
        Offline: not enrolled yet (or the kept credential is unreadable), or the
            gateway cannot be reached.
    """

    def __init__(
        self,
        *,
        data_dir: Path,
        gateway_url: str = "",
        clock: Callable[[], float] = time.time,
        verify: bool | str = True,
    ) -> None:
        self._data_dir = data_dir
        self._url = gateway_url
        self._clock = clock
        self._verify = verify
        self._lock = threading.Lock()
        self._inner: HttpDeskTransport | None = None
        self._key: tuple[str, str, str] | None = None
        self._closed = False

    def _transport(self) -> HttpDeskTransport:
        if self._closed:
            raise Offline("与前置机的连接已关闭")
        try:
            enrolment = load_enrolment(self._data_dir)
        except NotEnrolled as exc:
            log.info("desk link waits for enrolment (%s)", exc.code)
            raise Offline(NOT_ENROLLED) from None
        url = self._url or enrolment.gateway_url
        credential = enrolment.credential
        key = (url, credential.device_id, credential.secret)
        stale: HttpDeskTransport | None = None
        with self._lock:
            if self._closed:
                raise Offline("与前置机的连接已关闭")
            if self._inner is None or key != self._key:
                stale = self._inner
                self._inner = HttpDeskTransport(
                    base_url=url, credential=credential, clock=self._clock, verify=self._verify
                )
                self._key = key
                log.info("desk link uses device %s", credential.device_id)
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
        params: Mapping[str, str | int | float | bool] | None = None,
        read_timeout: float = READ_TIMEOUT,
    ) -> bytes:
        """Sign and send with the credential kept now (see :class:`DeskTransport`)."""
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


def _error_of(response: requests.Response) -> tuple[str, str]:
    try:
        detail = ErrorBody.model_validate_json(response.content).error
    except ValidationError:
        return "", ""
    return detail.code, detail.message


def parse_answer(model: type[M], raw: bytes) -> M:
    """Read a gateway answer.

    Raises:
        Offline: the answer is not what the protocol says (a proxy's error page …).
    """
    try:
        return model.model_validate_json(raw)
    except ValidationError as exc:
        raise Offline("前置机的应答格式错误") from exc


def segment(text: str) -> str:
    """One URL path segment."""
    return quote(text, safe="")


class HelpClient:
    """呼叫帮办 for kiosks; the help feed and acknowledgement for window clients.

    Args:
        transport: the signed link to the gateway.
    """

    def __init__(self, *, transport: DeskTransport) -> None:
        self._transport = transport

    def request_help(
        self,
        *,
        topic: HelpTopic = "general",
        note: str = "",
        ticket_number: str = "",
        request_id: str | None = None,
    ) -> HelpTicket:
        """Call a clerk to this kiosk (a retry with the same ``request_id`` is one call).

        Args:
            topic: the screen the citizen was on.
            note: what the kiosk knows (item, step) — never personal data.
            ticket_number: the citizen's queue ticket, if any.

        Raises:
            Offline: the gateway cannot be reached; tell the citizen to go to the desk.
        """
        body = HelpRequest(
            request_id=request_id or str(uuid.uuid4()),
            topic=topic,
            note=note,
            ticket_number=ticket_number,
        )
        ticket = parse_answer(HelpTicket, self._transport.send("POST", "/v1/help", body=body))
        log.info("help requested (%s), id %s", topic, ticket.help_id)
        return ticket

    def feed(self, *, after: int, wait: float = 0.0) -> HelpFeed:
        """Help requests and device alerts; waits up to ``wait`` s for a change."""
        raw = self._transport.send(
            "GET",
            "/v1/help/feed",
            params={"after": after, "wait": wait},
            read_timeout=READ_TIMEOUT + wait,
        )
        return parse_answer(HelpFeed, raw)

    def acknowledge(
        self, help_id: str, *, clerk_id: str, clerk_name: str, window_no: str = ""
    ) -> HelpTicket:
        """Take a help request (the gateway records who and when).

        Raises:
            DeskRefused: another clerk already took it (the message names them).
        """
        body = HelpAck(clerk_id=clerk_id, clerk_name=clerk_name, window_no=window_no)
        raw = self._transport.send("POST", f"/v1/help/{segment(help_id)}/ack", body=body)
        return parse_answer(HelpTicket, raw)
