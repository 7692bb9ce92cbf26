"""Request signing for ``requests``: the terminal side of the gateway's device auth.

Usage::

    session = requests.Session()
    session.auth = DeviceAuth(device_id=cred.device_id, secret=cred.secret)

Every prepared request gets the headers of :func:`sync.protocol.sign_request`, computed
over the exact method, path, query and body that go on the wire.

The gateway refuses a signature whose time is more than 300 s off its own. The sync
engine learns this terminal's offset (a heartbeat, or a ``401 auth.clock`` with the
gateway's time) and reports it on its :class:`~sync.status.StatusBoard`; every other
signing client (queue, help desk, 居民码 resolution, result documents) signs with one
shared :class:`GatewayClock` that follows it, so a terminal whose clock is 10 minutes
off takes tickets as well as it syncs.
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from collections.abc import Callable
from urllib.parse import parse_qsl, urlsplit

import requests
from pydantic import ValidationError

from sync.protocol import ErrorBody, sign_request
from sync.status import StatusBoard, SyncStatus

log = logging.getLogger(__name__)


class GatewayClock:
    """Unix seconds as the gateway counts them: this terminal's clock plus its offset.

    Call it like ``time.time``; pass the one instance to every signing client of a
    terminal. The offset follows the sync engine's status board
    (``clock_offset_seconds``); a client that is refused for its clock before the
    engine noticed corrects it at once with :meth:`correct`.

    Args:
        base: this terminal's own clock (unix seconds).
        board: the sync status to follow; more can be followed later (:meth:`follow`,
            when the sync link is made after the window).
    """

    def __init__(
        self, *, base: Callable[[], float] = time.time, board: StatusBoard | None = None
    ) -> None:
        self._base = base
        self._offset = 0.0
        self._lock = threading.Lock()
        self._unsubscribe: Callable[[], None] | None = None
        if board is not None:
            self.follow(board)

    def __call__(self) -> float:
        return self._base() + self._offset

    @property
    def offset(self) -> float:
        """Gateway time minus this terminal's time, as last learnt (0 until then)."""
        return self._offset

    def follow(self, board: StatusBoard) -> None:
        """Take the offset the sync engine reports on ``board`` (now and from now on)."""
        with self._lock:
            if self._unsubscribe is not None:
                self._unsubscribe()
            self._unsubscribe = board.subscribe(self._heard)
        self._heard(board.status)

    def correct(self, server_time: float) -> None:
        """The gateway refused our time and said its own: sign with that from now on."""
        offset = server_time - self._base()
        with self._lock:
            self._offset = offset
        log.warning("signing clock off by %.0f s; corrected", offset)

    def learn_from(self, response: requests.Response) -> bool:
        """Correct the offset from a ``401 auth.clock`` answer; whether it was one.

        A signed client sends its request once more when this returns ``True``: the
        gateway refused it before doing anything.
        """
        if response.status_code != 401:  # noqa: PLR2004 - HTTP Unauthorized
            return False
        try:
            detail = ErrorBody.model_validate_json(response.content).error
        except ValidationError:
            return False
        if detail.code != "auth.clock" or detail.server_time is None:
            return False
        self.correct(detail.server_time)
        return True

    def close(self) -> None:
        """Stop following the board."""
        with self._lock:
            unsubscribe, self._unsubscribe = self._unsubscribe, None
        if unsubscribe is not None:
            unsubscribe()

    def _heard(self, status: SyncStatus) -> None:
        if status.clock_offset_seconds is not None:
            with self._lock:
                self._offset = status.clock_offset_seconds


class DeviceAuth(requests.auth.AuthBase):
    """Signs requests with a device credential (HMAC-SHA256, headers only).

    Args:
        device_id: the enrolled device's id.
        secret: the device secret returned by enrolment.
        clock: unix-seconds clock; inject one that applies the offset the gateway
            reported (heartbeat / clock errors) when the terminal's clock is off.
    """

    def __init__(
        self, *, device_id: str, secret: str, clock: Callable[[], float] = time.time
    ) -> None:
        self._device_id = device_id
        self._secret = secret
        self._clock = clock

    def __call__(self, r: requests.PreparedRequest) -> requests.PreparedRequest:
        parts = urlsplit(r.url or "")
        body = r.body or b""
        if isinstance(body, str):
            body = body.encode("utf-8")
        if not isinstance(body, bytes):
            raise TypeError("signed requests need an in-memory body (bytes or str)")
        headers = sign_request(
            device_id=self._device_id,
            secret=self._secret,
            method=r.method or "GET",
            path=parts.path or "/",
            query=parse_qsl(parts.query, keep_blank_values=True),
            body=body,
            timestamp=int(self._clock()),
            nonce=secrets.token_hex(16),
        )
        r.headers.update(headers)
        return r
