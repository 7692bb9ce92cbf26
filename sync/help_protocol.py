"""The wire protocol of 呼叫帮办 help requests and kiosk device alerts.

A citizen at a kiosk presses 呼叫帮办; the kiosk posts a :class:`HelpRequest` and the
clerks' window clients, which long-poll the hall's help feed, show it at once. A
clerk acknowledges it (who and when are recorded). Device alerts come from the
kiosks' heartbeats (``Heartbeat.health``: printer out of paper, locker fault …): the
gateway turns every non-``ok`` part into an alert with the time it was first seen
and clears it once the heartbeat says ``ok`` again.

Endpoints (signed like the rest of the device API; the hall is the device's own):

=======================================  ============================================
``POST /v1/help``                        :class:`HelpRequest` → :class:`HelpTicket`
                                         (idempotent per ``request_id``)
``GET  /v1/help/feed?after=&wait=``      → :class:`HelpFeed` (long-poll, window clients)
``POST /v1/help/{help_id}/ack``          :class:`HelpAck` → :class:`HelpTicket`
=======================================  ============================================

Refusals are ``409``/``422`` with a :class:`sync.protocol.ErrorBody` whose message is
Chinese and safe to show.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

HELP_PREFIX = "/v1/help"

MAX_HELP_WAIT = 30.0
"""Longest long-poll wait on the help feed, seconds."""

MAX_FEED_REQUESTS = 100
"""Most help requests one feed answer carries (open ones first, then recent ones)."""

RequestId = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]

HelpTopic = Literal["general", "search", "apply", "pickup", "device", "elder", "other"]
"""What the citizen needs help with (the kiosk screen they were on)."""

TOPIC_NAMES: dict[str, str] = {
    "general": "咨询引导",
    "search": "查找事项",
    "apply": "自助申办",
    "pickup": "自助取件",
    "device": "设备故障",
    "elder": "老年人帮办",
    "other": "其他",
}


class _Wire(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class HelpRequest(_Wire):
    """呼叫帮办 from a kiosk.

    Attributes:
        request_id: a UUID the kiosk makes once per press (a retried post is not a
            second call).
        topic: the screen the citizen was on.
        note: what the kiosk knows (item name, step), never personal data.
        ticket_number: the citizen's queue ticket, if they hold one.
    """

    request_id: RequestId
    topic: HelpTopic = "general"
    note: ShortText = ""
    ticket_number: ShortText = ""


class HelpAck(_Wire):
    """A clerk took the help request."""

    clerk_id: Name
    clerk_name: Name
    window_no: ShortText = ""


class HelpTicket(_Wire):
    """One help request as the window clients see it.

    Attributes:
        place: the kiosk's name (``terminal_name``) or slot, where to walk to.
        raised_at / acked_at: unix seconds.
    """

    help_id: str
    device_id: str
    place: str
    topic: HelpTopic
    topic_name: str
    note: str
    ticket_number: str
    raised_at: float
    acked_at: float | None = None
    acked_by: str = ""  # clerk id
    acked_by_name: str = ""
    acked_window: str = ""

    @property
    def open(self) -> bool:
        return self.acked_at is None


class DeviceAlert(_Wire):
    """A kiosk part that is not ``ok`` according to the kiosk's heartbeats.

    Attributes:
        part: the part as the heartbeat names it (``receipt_printer``, ``locker`` …).
        problem: what the heartbeat says about it.
        since: unix seconds, when this problem was first seen.
        last_seen: unix seconds of the terminal's last heartbeat.
    """

    device_id: str
    place: str
    part: str
    problem: str
    since: float
    last_seen: float | None = None


class HelpFeed(_Wire):
    """The hall's help requests and device alerts after revision ``after``."""

    revision: int = Field(ge=0)
    requests: list[HelpTicket]
    alerts: list[DeviceAlert]
    server_time: float
