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
import time
import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote

from core.errors import UserFacingError, msg
from sync.help_protocol import HelpAck, HelpFeed, HelpRequest, HelpTicket, HelpTopic
from sync.signed_http import (
    GATEWAY_ERRORS,
    READ_TIMEOUT,
    EnrolledSignedTransport,
    SignedLink,
    SignedTransport,
    kept_enrolment,
    parse_answer,
)
from sync.transport import NotAuthorised

log = logging.getLogger(__name__)


class DeskRefused(UserFacingError):
    """The gateway refused the request; ``message`` is Chinese and safe to show."""


class DeskNotAuthorised(NotAuthorised):
    """The gateway refused this terminal's credential (revoked or unknown)."""


DESK_ERRORS = replace(GATEWAY_ERRORS, refused=DeskRefused, not_authorised=DeskNotAuthorised)

DeskTransport = SignedLink
"""Sends one signed request and returns the answer's JSON bytes (see :class:`SignedLink`).

Raises ``Offline`` (unreachable, 5xx / 429), :class:`DeskRefused` (4xx with a message)
or :class:`DeskNotAuthorised` (the credential was refused); ``close`` ends a request
under way at once with ``Offline``.
"""


class HttpDeskTransport(SignedTransport):
    """Signed HTTPS to the gateway's desk (see :class:`~sync.signed_http.SignedTransport`)."""

    errors = DESK_ERRORS


NOT_ENROLLED = msg(
    "本终端尚未注册到前置机，帮办、统计、差评整改和取件码暂不可用；注册完成后自动恢复"
)


class EnrolledDeskTransport(EnrolledSignedTransport):
    """A :class:`DeskTransport` for a terminal whose enrolment may not have happened yet.

    The credential is read from the data directory on every call
    (:func:`sync.signed_http.kept_enrolment`, a small file) and the signed link is
    made again when it changes (staff re-enrolled a revoked terminal).

    Args:
        data_dir: where enrolment keeps ``device.json``.
        gateway_url: the configured gateway; ``""`` = the one the enrolment names.
        clock: unix seconds for signatures (the terminal's shared GatewayClock).
        verify: ``True``, or the path of a custom CA bundle.

    Raises (from :meth:`send`):
        Offline: not enrolled yet (or the kept credential is unreadable), or the
            gateway cannot be reached.
    """

    link = HttpDeskTransport

    def __init__(
        self,
        *,
        data_dir: Path,
        gateway_url: str = "",
        clock: Callable[[], float] = time.time,
        verify: bool | str = True,
    ) -> None:
        super().__init__(
            locate=lambda: kept_enrolment(data_dir, gateway_url, not_enrolled=NOT_ENROLLED),
            clock=clock,
            verify=verify,
        )


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
