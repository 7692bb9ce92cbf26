"""Request signing for ``requests``: the terminal side of the gateway's device auth.

Usage::

    session = requests.Session()
    session.auth = DeviceAuth(device_id=cred.device_id, secret=cred.secret)

Every prepared request gets the headers of :func:`sync.protocol.sign_request`, computed
over the exact method, path, query and body that go on the wire.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from urllib.parse import parse_qsl, urlsplit

import requests

from sync.protocol import sign_request


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
