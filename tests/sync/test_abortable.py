"""A request waiting on a silent server ends at once when its session is aborted."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest
import requests

from sync.abortable import AbortableSession


@pytest.fixture
def silent_server() -> Iterator[tuple[str, threading.Event]]:
    """A loopback server that accepts, reads the request and never answers."""
    listener = socket.create_server(("127.0.0.1", 0))
    got_request = threading.Event()
    accepted: list[socket.socket] = []

    def serve() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            accepted.append(conn)
            conn.recv(65536)
            got_request.set()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    port = listener.getsockname()[1]
    yield f"http://127.0.0.1:{port}/v1/help/feed", got_request
    listener.shutdown(socket.SHUT_RDWR)  # wakes the accept() above; close() alone does not
    listener.close()
    for conn in accepted:
        conn.close()
    thread.join(timeout=5)


def test_abort_ends_a_request_under_way_and_refuses_new_ones(
    silent_server: tuple[str, threading.Event],
) -> None:
    url, got_request = silent_server
    session = AbortableSession()
    outcome: list[BaseException] = []

    def long_poll() -> None:
        try:
            session.get(url, timeout=(5, 60))  # the server would keep it for 60 s
        except requests.RequestException as exc:
            outcome.append(exc)

    waiting = threading.Thread(target=long_poll)
    waiting.start()
    assert got_request.wait(timeout=10)  # the request is on the server, unanswered

    session.abort()
    waiting.join(timeout=10)
    assert not waiting.is_alive(), "the request kept waiting after abort()"
    assert len(outcome) == 1
    assert isinstance(outcome[0], requests.ConnectionError)
    assert session.aborted

    with pytest.raises(requests.ConnectionError):
        session.get(url, timeout=(5, 60))
    session.close()


def test_a_session_not_aborted_works_like_any_other(tmp_path) -> None:
    from tests.helpers.gateway import running_gateway

    with running_gateway(tmp_path / "gateway.db") as gateway, AbortableSession() as session:
        answer = session.get(gateway.url + "/healthz", timeout=(5, 10))
        assert answer.status_code == 200
        assert not session.aborted


def test_stopping_the_engine_ends_its_watchers_long_polls_at_once(tmp_path) -> None:
    from sync.engine import EngineConfig, SyncEngine
    from sync.store import open_store
    from tests.helpers.catalog import small_catalog
    from tests.helpers.gateway import running_gateway, wait_until
    from tests.helpers.terminal_sync import make_transport

    with running_gateway(tmp_path / "gateway.db") as gateway:
        gateway.publish(small_catalog())
        client = gateway.enrol(slot="K09")
        store = open_store(tmp_path / "kiosk", clock=gateway.clock.now)
        engine = SyncEngine(
            store=store,
            transport=make_transport(gateway, client),
            # the production wait: a watcher left waiting holds stop() for up to 25 s
            config=EngineConfig(probe_interval=3600, long_poll_wait=25, push_debounce=0),
            wall=gateway.clock.now,
        )
        try:
            engine.start()
            wait_until(lambda: gateway.shedder.long_polls >= 2)  # both watchers waiting
            watchers = list(engine._watchers)
            engine.stop(timeout=10)
            assert not any(w.is_alive() for w in watchers), "a watcher kept waiting"
            wait_until(lambda: gateway.shedder.long_polls == 0)  # the gateway let go too
        finally:
            engine.close()
            store.close()
