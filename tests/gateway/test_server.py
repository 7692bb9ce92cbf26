"""Load shedding, socket options and the OpenAPI document kept in the repository."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import requests

from gateway.cli import openapi_text
from tests.helpers.gateway import RunningGateway, running_gateway, wait_until

OPENAPI = Path(__file__).resolve().parents[2] / "resources" / "openapi" / "gateway.json"


def test_sheds_load_with_503_and_retry_after(tmp_path: Path) -> None:
    with running_gateway(tmp_path / "gateway.db", max_concurrency=1) as gateway:
        client = gateway.enrol()
        # A request whose body never finishes arriving holds the only slot.
        slow = socket.create_connection(("127.0.0.1", int(gateway.url.rsplit(":", 1)[1])))
        try:
            slow.sendall(
                b"PUT /v1/blobs/" + b"0" * 64 + b" HTTP/1.1\r\nHost: x\r\n"
                b"Content-Length: 100\r\n\r\npartial"
            )
            wait_until(lambda: gateway.shedder.in_flight == 1)

            shed = client.get("/v1/sync/manifest")

            assert shed.status_code == 503
            assert shed.headers["Retry-After"] == "2"
            assert shed.json()["error"]["code"] == "gateway.busy"
        finally:
            slow.close()
        wait_until(lambda: gateway.shedder.in_flight == 0)
        assert client.get("/v1/sync/manifest").status_code == 200


def test_server_sockets_disable_nagle(gateway: RunningGateway) -> None:
    session = requests.Session()  # keep-alive: the connection stays open to inspect
    try:
        assert session.get(gateway.url + "/healthz", timeout=10).status_code == 200
        wait_until(lambda: len(gateway.connections()) == 1)
        (sock,) = gateway.connections()
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
    finally:
        session.close()


def test_openapi_file_matches_the_served_document(gateway: RunningGateway) -> None:
    served = requests.get(gateway.url + "/openapi.json", timeout=10).json()
    kept = json.loads(OPENAPI.read_text(encoding="utf-8"))

    assert served == kept, (
        "resources/openapi/gateway.json is out of date; regenerate it with "
        "`.venv/bin/python -m gateway openapi --output resources/openapi/gateway.json`"
    )
    assert openapi_text() == OPENAPI.read_text(encoding="utf-8")
    assert {"/v1/events:batch", "/v1/streams/{stream}/changes", "/v1/enrol"} <= set(served["paths"])
