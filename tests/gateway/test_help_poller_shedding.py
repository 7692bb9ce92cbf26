"""Window clients' help long-polls wait in the long-poll lane, not the short one.

Every counter client holds a help feed long-poll open all day; counted as ordinary
requests they would use up the gateway's short-request limit and shed enrolments,
pushes and identity lookups with 503.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from gateway.app import LoadShedder

Message = MutableMapping[str, Any]


def _scope(path: str, query: bytes = b"") -> Message:
    return {"type": "http", "path": path, "query_string": query, "method": "GET"}


async def _status(shedder: LoadShedder, scope: Message) -> int:
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    await shedder(scope, receive, send)
    return int(sent[0]["status"])


def test_waiting_help_feeds_leave_room_for_short_requests_and_have_their_own_cap() -> None:
    async def run() -> tuple[list[int], int, int]:
        release = asyncio.Event()

        async def app(
            scope: Message,
            receive: Callable[[], Awaitable[Message]],
            send: Callable[[Message], Awaitable[None]],
        ) -> None:
            if scope["path"] == "/v1/help/feed":
                await release.wait()  # a long-poll waiting for news
            await send({"type": "http.response.start", "status": 200, "headers": []})
            await send({"type": "http.response.body", "body": b"{}"})

        shedder = LoadShedder(app, limit=1, long_poll_limit=2)
        polls = [
            asyncio.ensure_future(_status(shedder, _scope("/v1/help/feed", b"after=3&wait=25")))
            for _ in range(2)
        ]
        while shedder.long_polls < 2:  # both are waiting inside the app
            await asyncio.sleep(0)
        short = await _status(shedder, _scope("/v1/stats", b"start=2026-01-01"))
        third = await _status(shedder, _scope("/v1/help/feed", b"after=3&wait=25"))
        release.set()
        return list(await asyncio.gather(*polls)), short, third

    polls, short, third = asyncio.run(run())

    assert polls == [200, 200]
    assert short == 200  # the short lane was free although two feeds were waiting
    assert third == 503  # the long-poll lane has its own cap
