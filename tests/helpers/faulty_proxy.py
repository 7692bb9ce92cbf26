"""A misbehaving HTTP proxy on loopback, in front of the real gateway.

It forwards requests to the gateway byte for byte and, when told to, spoils the
answer the way real networks and overloaded servers do::

    with FaultyProxy(gateway.url) as proxy:
        proxy.inject("drop", path="/v1/events:batch")   # the gateway applies, the ack is lost
        proxy.inject("garbage", path="/changes", times=2)

Faults (each consumed by the next request whose path contains ``path``):

- ``pass`` — forward unchanged (the default);
- ``status500`` — answer 500 without asking the gateway;
- ``busy`` — answer 503 with ``Retry-After: 7`` without asking the gateway;
- ``garbage`` — forward, then replace the body with bytes that are not JSON;
- ``truncate`` — forward, then send only half the body under the full Content-Length;
- ``drop`` — forward, then close the connection without answering (lost ack);
- ``refuse`` — close the connection without forwarding;
- ``stall`` — hold the request until :meth:`release` (or 30 s), then close silently.

Setting :attr:`down` closes every connection at once, like a gateway that is off.
"""

from __future__ import annotations

import http.client
import socket
import threading
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

_HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "content-length", "host"}


@dataclass
class _Fault:
    mode: str
    path: str
    times: int


class FaultyProxy:
    """The proxy; use as a context manager (``url`` is where clients connect)."""

    def __init__(self, upstream: str) -> None:
        parts = urlsplit(upstream)
        self._upstream = (parts.hostname or "127.0.0.1", parts.port or 80)
        self._faults: deque[_Fault] = deque()
        self._lock = threading.Lock()
        self._released = threading.Event()
        self.down = False
        self.seen: list[tuple[str, str, str]] = []  # (method, path, fault applied)
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:
                super().setup()
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib name
                """Quiet: tests read :attr:`FaultyProxy.seen` instead."""

            def do_GET(self) -> None:
                proxy._handle(self)

            do_POST = do_GET
            do_PUT = do_GET

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> FaultyProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._released.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)

    def inject(self, mode: str, *, path: str = "", times: int = 1) -> None:
        """Spoil the next ``times`` requests whose path contains ``path``."""
        with self._lock:
            self._faults.append(_Fault(mode, path, times))

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def release(self) -> None:
        """Let stalled requests end (they close without an answer)."""
        self._released.set()

    def faults_left(self) -> int:
        with self._lock:
            return sum(f.times for f in self._faults)

    def _take(self, path: str) -> str:
        with self._lock:
            for fault in self._faults:
                if fault.path in path:
                    fault.times -= 1
                    if fault.times <= 0:
                        self._faults.remove(fault)
                    return fault.mode
        return "pass"

    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        length = int(h.headers.get("Content-Length") or 0)
        body = h.rfile.read(length) if length else b""
        mode = "refuse" if self.down else self._take(h.path)
        self.seen.append((h.command, h.path, mode))
        h.close_connection = True
        if mode == "refuse":
            return
        if mode == "stall":
            self._released.wait(30)
            return
        if mode in ("status500", "busy"):
            status, payload = (
                (500, b"Internal Server Error")
                if mode == "status500"
                else (503, b'{"error":{"code":"gateway.busy","message":"\xe5\xbf\x99"}}')
            )
            h.send_response(status)
            if mode == "busy":
                h.send_header("Retry-After", "7")
            h.send_header("Content-Length", str(len(payload)))
            h.send_header("Connection", "close")
            h.end_headers()
            h.wfile.write(payload)
            return
        status, headers, data = self._forward(h.command, h.path, dict(h.headers.items()), body)
        if mode == "drop":
            return
        if mode == "garbage":
            data = b"<html><body>502 upstream hiccup \x00\xff</body>"
        h.send_response(status)
        for name, value in headers:
            if name.lower() not in _HOP_HEADERS:
                h.send_header(name, value)
        h.send_header("Content-Length", str(len(data)))
        h.send_header("Connection", "close")
        h.end_headers()
        if mode == "truncate":
            h.wfile.write(data[: len(data) // 2])
            h.wfile.flush()
            h.connection.shutdown(socket.SHUT_RDWR)
            return
        h.wfile.write(data)

    def _forward(
        self, method: str, path: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, list[tuple[str, str]], bytes]:
        conn = http.client.HTTPConnection(*self._upstream, timeout=60)
        try:
            sent = {k: v for k, v in headers.items() if k.lower() not in _HOP_HEADERS}
            conn.request(method, path, body=body or None, headers=sent)
            response = conn.getresponse()
            return response.status, response.getheaders(), response.read()
        finally:
            conn.close()
