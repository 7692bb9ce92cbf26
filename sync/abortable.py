"""A ``requests`` session whose requests under way can be ended from another thread.

A window client long-polls the gateway (the help feed waits up to 25 s for news) on a
worker thread. Closing a ``requests.Session`` only drops its idle connections: a
request blocked in ``recv`` keeps waiting, and whoever joins that thread (the task
runner's shutdown when the window closes) waits with it. :meth:`AbortableSession.abort`
shuts down the socket of every connection the session opened, so such a request
ends at once with ``requests.ConnectionError`` (which the transports translate to
:class:`core.errors.Offline`), and refuses any connection opened afterwards.

Only direct connections are tracked; a request through an HTTP proxy (``HTTPS_PROXY``)
is not ended early and times out as usual.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import weakref
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

log = logging.getLogger(__name__)


class _Connections:
    """The open connections of one session, and whether it was aborted."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open: weakref.WeakSet[HTTPConnection] = weakref.WeakSet()
        self.aborted = False

    def opened(self, connection: HTTPConnection) -> None:
        with self._lock:
            if not self.aborted:
                self._open.add(connection)
                return
        _shut(connection)
        raise ConnectionAbortedError("the session was aborted")

    def closed(self, connection: HTTPConnection) -> None:
        with self._lock:
            self._open.discard(connection)

    def abort(self) -> int:
        with self._lock:
            self.aborted = True
            connections = list(self._open)
            self._open.clear()
        for connection in connections:
            _shut(connection)
        return len(connections)


def _shut(connection: HTTPConnection) -> None:
    sock = getattr(connection, "sock", None)
    if sock is None:
        return
    # The plain socket's shutdown, also for TLS: it wakes a thread blocked in recv on
    # this socket, which close() from another thread does not. OSError: already
    # closed by the peer or by urllib3.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _pool_classes(connections: _Connections) -> dict[str, type[HTTPConnectionPool]]:
    class TrackedHTTPConnection(HTTPConnection):
        def connect(self) -> None:
            super().connect()
            connections.opened(self)

        def close(self) -> None:
            connections.closed(self)
            super().close()

    class TrackedHTTPSConnection(HTTPSConnection):
        def connect(self) -> None:
            super().connect()
            connections.opened(self)

        def close(self) -> None:
            connections.closed(self)
            super().close()

    class TrackedHTTPPool(HTTPConnectionPool):
        ConnectionCls = TrackedHTTPConnection

    class TrackedHTTPSPool(HTTPSConnectionPool):
        ConnectionCls = TrackedHTTPSConnection

    return {"http": TrackedHTTPPool, "https": TrackedHTTPSPool}


class _TrackingAdapter(HTTPAdapter):
    def __init__(self, connections: _Connections) -> None:
        self._connections = connections
        super().__init__()

    def init_poolmanager(
        self, connections: int, maxsize: int, block: bool = False, **pool_kwargs: Any
    ) -> None:
        super().init_poolmanager(connections, maxsize, block, **pool_kwargs)
        self.poolmanager.pool_classes_by_scheme = _pool_classes(self._connections)


class AbortableSession(requests.Session):
    """A ``requests.Session`` with :meth:`abort` (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__()
        self._connections = _Connections()
        adapter = _TrackingAdapter(self._connections)
        self.mount("http://", adapter)
        self.mount("https://", adapter)

    @property
    def aborted(self) -> bool:
        """Whether :meth:`abort` was called."""
        return self._connections.aborted

    def abort(self) -> None:
        """End every request under way at once and refuse new connections.

        Safe to call from any thread; a request under way raises
        ``requests.ConnectionError`` in its own thread.
        """
        ended = self._connections.abort()
        if ended:
            log.debug("aborted %d open connection(s)", ended)
