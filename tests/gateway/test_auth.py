"""Enrolment and signed requests against a real gateway on loopback."""

from __future__ import annotations

import datetime as dt

import requests

from sync.protocol import HEADER_NONCE, HEADER_TIMESTAMP
from tests.helpers.gateway import RunningGateway


def _enrol(gateway: RunningGateway, code: str) -> requests.Response:
    return requests.post(gateway.url + "/v1/enrol", json={"code": code}, timeout=10)


def test_enrolment_code_works_once(gateway: RunningGateway) -> None:
    code = gateway.store.create_enrolment_code(hall_id="371002001", slot="K01", valid_seconds=60)

    first = _enrol(gateway, code.code.lower())  # codes are read aloud and typed: case-free
    again = _enrol(gateway, code.code)

    assert first.status_code == 201
    body = first.json()
    assert body["hall_id"] == "371002001"
    assert body["terminal_id"] == "K01"
    assert again.status_code == 403
    assert again.json()["error"]["code"] == "enrol.used"
    assert "已被使用" in again.json()["error"]["message"]


def test_unknown_and_expired_codes_are_refused(gateway: RunningGateway) -> None:
    code = gateway.store.create_enrolment_code(hall_id="371002001", slot="K02", valid_seconds=60)
    gateway.clock.advance(minutes=2)

    expired = _enrol(gateway, code.code)
    unknown = _enrol(gateway, "ABCD-EFGH-JKLM")

    assert expired.status_code == 403
    assert expired.json()["error"]["code"] == "enrol.expired"
    assert unknown.status_code == 403
    assert unknown.json()["error"]["code"] == "enrol.unknown"


def test_signed_request_is_accepted_and_unsigned_refused(gateway: RunningGateway) -> None:
    client = gateway.enrol()

    signed = client.get("/v1/sync/manifest")
    unsigned = requests.get(gateway.url + "/v1/sync/manifest", timeout=10)

    assert signed.status_code == 200
    assert signed.json()["hall_id"] == "371002001"
    assert unsigned.status_code == 401
    assert unsigned.json()["error"]["code"] == "auth.missing"


def test_tampered_signature_is_refused(gateway: RunningGateway) -> None:
    client = gateway.enrol()
    prepared = client.session.prepare_request(
        requests.Request("POST", client.base_url + "/v1/streams/items/verify", json={"ids": ["a"]})
    )
    prepared.body = b'{"ids": ["b"]}'  # body changed after signing, same length

    r = client.session.send(prepared, timeout=10)

    assert r.status_code == 401
    assert r.json()["error"]["code"] == "auth.signature"


def test_stale_timestamp_is_refused_with_server_time(gateway: RunningGateway) -> None:
    client = gateway.enrol()
    prepared = client.session.prepare_request(
        requests.Request("GET", client.base_url + "/v1/sync/manifest")
    )
    server_now = gateway.clock.now().timestamp()
    gateway.clock.advance(dt.timedelta(seconds=301))  # the request was signed 301 s ago

    r = client.session.send(prepared, timeout=10)

    assert r.status_code == 401
    error = r.json()["error"]
    assert error["code"] == "auth.clock"
    assert error["server_time"] == server_now + 301


def test_replayed_request_is_refused(gateway: RunningGateway) -> None:
    client = gateway.enrol()
    prepared = client.session.prepare_request(
        requests.Request("GET", client.base_url + "/v1/sync/manifest")
    )

    first = client.session.send(prepared, timeout=10)
    replay = client.session.send(prepared, timeout=10)

    assert first.status_code == 200
    assert replay.status_code == 401
    assert replay.json()["error"]["code"] == "auth.replay"
    assert prepared.headers[HEADER_NONCE]
    assert prepared.headers[HEADER_TIMESTAMP]


def test_revocation_takes_effect_on_the_next_request(gateway: RunningGateway) -> None:
    client = gateway.enrol()
    assert client.get("/v1/sync/manifest").status_code == 200

    r = requests.post(
        f"{gateway.url}/v1/admin/devices/{client.credential.device_id}/revoke",
        headers={"Authorization": f"Bearer {gateway.admin_token}"},
        timeout=10,
    )
    after = client.get("/v1/sync/manifest")

    assert r.json() == {"device_id": client.credential.device_id, "revoked": True}
    assert after.status_code == 401
    assert after.json()["error"]["code"] == "auth.revoked"


def test_reenrolling_a_slot_revokes_the_old_terminal(gateway: RunningGateway) -> None:
    old = gateway.enrol(slot="K05")
    new = gateway.enrol(slot="K05")

    assert old.get("/v1/sync/manifest").status_code == 401
    assert new.get("/v1/sync/manifest").status_code == 200


def test_admin_endpoints_need_the_token(gateway: RunningGateway) -> None:
    denied = requests.post(
        gateway.url + "/v1/admin/enrolment-codes",
        json={"hall_id": "371002001", "slot": "K09"},
        headers={"Authorization": "Bearer wrong"},
        timeout=10,
    )
    made = requests.post(
        gateway.url + "/v1/admin/enrolment-codes",
        json={"hall_id": "371002001", "slot": "K09"},
        headers={"Authorization": f"Bearer {gateway.admin_token}"},
        timeout=10,
    )

    assert denied.status_code == 401
    assert made.status_code == 201
    assert _enrol(gateway, made.json()["code"]).status_code == 201
