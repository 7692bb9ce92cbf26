"""居民码/企业码 on a real gateway over loopback: issue, resolve, and every refusal."""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image
from pyzbar import pyzbar

from core.holders import Citizen, Enterprise
from core.identity_code import PREFIX, base45_decode, base45_encode, parse
from gateway.cli import main as gateway_main
from gateway.identity import write_code_png
from gateway.keys import RETIRED_KEY_GRACE
from sync.catalog_files import load_demo_holders
from tests.helpers.gateway import GatewayClient, RunningGateway

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"


@cache
def _holders() -> tuple[list[Citizen], list[Enterprise]]:
    return load_demo_holders(DEMO)


def _publish(gateway: RunningGateway) -> None:
    gateway.services.identity.publish_holders(*_holders())


def _issue(gateway: RunningGateway, holder: str, kind: str = "citizen", **extra: Any) -> str:
    r = requests.post(
        gateway.url + "/v1/admin/identity/codes",
        json={"kind": kind, "holder": holder, **extra},
        headers={"Authorization": f"Bearer {gateway.admin_token}"},
        timeout=10,
    )
    assert r.status_code == 201, r.text
    text: str = r.json()["text"]
    return text


def _resolve(client: GatewayClient, text: str) -> requests.Response:
    return client.post("/v1/identity/resolve", json={"code": text})


def _refusal(r: requests.Response) -> tuple[int, str]:
    return r.status_code, r.json()["error"]["code"]


def _nothing_recorded(gateway: RunningGateway) -> bool:
    identity = gateway.services.identity
    return identity.uses() == 0 and identity.audit_entries() == []


def test_a_citizen_code_resolves_to_identity_and_elicences(gateway: RunningGateway) -> None:
    _publish(gateway)
    client = gateway.enrol()
    citizen = _holders()[0][0]

    r = _resolve(client, _issue(gateway, citizen.name))

    assert r.status_code == 200, r.text
    body = r.json()
    assert body["kind"] == "citizen"
    assert body["name"] == citizen.name
    assert body["id_number"] == citizen.id_number
    assert body["masked_id"] == citizen.id_number[:6] + "*" * 8 + citizen.id_number[-4:]
    assert citizen.phone not in body["masked_phone"]
    assert {lic["type_code"] for lic in body["licences"]} == citizen.licence_types()
    assert all(lic["identifier"].startswith("1.2.156.3005.2.") for lic in body["licences"])
    assert body["prefill"]["公民身份号码"] == citizen.id_number
    (entry,) = gateway.services.identity.audit_entries()
    assert entry["device_id"] == client.credential.device_id
    assert entry["code_id"] == body["code_id"]
    assert citizen.id_number not in str(entry)
    assert citizen.name not in str(entry)


def test_an_enterprise_code_resolves_by_position(gateway: RunningGateway) -> None:
    _publish(gateway)
    client = gateway.enrol()
    enterprise = _holders()[1][1]

    body = _resolve(client, _issue(gateway, "2", kind="enterprise")).json()

    assert body["kind"] == "enterprise"
    assert body["id_number"] == enterprise.uscc
    assert body["legal_representative"] == enterprise.legal_representative
    assert "business_licence" in {lic["type_code"] for lic in body["licences"]}
    assert body["prefill"]["统一社会信用代码"] == enterprise.uscc


def test_the_code_itself_names_nobody(gateway: RunningGateway) -> None:
    _publish(gateway)
    citizen = _holders()[0][0]

    code = parse(_issue(gateway, citizen.name))

    raw = code.signed_bytes()
    assert citizen.id_number.encode() not in raw
    assert citizen.name.encode() not in raw
    assert len(code.subject_ref) == 10


def test_a_code_is_good_once(gateway: RunningGateway) -> None:
    _publish(gateway)
    client = gateway.enrol()
    text = _issue(gateway, "1")

    first = _resolve(client, text)
    second = _resolve(client, text)
    from_elsewhere = _resolve(gateway.enrol(slot="K02"), text)

    assert first.status_code == 200
    assert _refusal(second) == (409, "code.replayed")
    assert _refusal(from_elsewhere) == (409, "code.replayed")
    assert "已使用" in second.json()["error"]["message"]
    assert len(gateway.services.identity.audit_entries()) == 1


def test_concurrent_resolves_of_one_code_let_exactly_one_win(gateway: RunningGateway) -> None:
    _publish(gateway)
    clients = [gateway.enrol(slot=f"K0{n}") for n in range(1, 5)]
    text = _issue(gateway, "3")
    start = threading.Barrier(len(clients))
    statuses: list[int] = []
    lock = threading.Lock()

    def race(client: GatewayClient) -> None:
        start.wait()
        r = _resolve(client, text)
        with lock:
            statuses.append(r.status_code)

    threads = [threading.Thread(target=race, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)

    assert sorted(statuses) == [200, 409, 409, 409]
    assert gateway.services.identity.uses() == 1


def test_a_forged_code_is_refused_and_changes_nothing(gateway: RunningGateway) -> None:
    _publish(gateway)
    client = gateway.enrol()
    text = _issue(gateway, "1")
    raw = bytearray(base45_decode(text[len(PREFIX) :]))
    raw[-5] ^= 0x10  # one bit of the signature
    flipped = PREFIX + base45_encode(bytes(raw))
    code = parse(text)
    foreign = code.with_signature(Ed25519PrivateKey.generate().sign(code.signed_bytes()))
    raw_subject = bytearray(raw)
    raw_subject[-5] ^= 0x10
    raw_subject[24] ^= 0x01  # another holder's handle, signature left as it was
    retargeted = PREFIX + base45_encode(bytes(raw_subject))

    refusals = [_refusal(_resolve(client, t)) for t in (flipped, foreign.encode(), retargeted)]

    assert refusals == [(403, "code.forged")] * 3
    assert _nothing_recorded(gateway)
    assert _resolve(client, text).status_code == 200  # the genuine code was not used up


def test_an_expired_code_is_refused(gateway: RunningGateway) -> None:
    _publish(gateway)
    client = gateway.enrol()
    text = _issue(gateway, "1", minutes=5)

    gateway.clock.advance(minutes=8)
    r = _resolve(client, text)

    assert _refusal(r) == (403, "code.expired")
    assert "过期" in r.json()["error"]["message"]
    assert _nothing_recorded(gateway)


@pytest.mark.parametrize(
    "junk",
    [
        "hello",
        "https://zwfw.weihai.gov.cn/qr?id=12345",
        "370102199003071234",
        "GT1:",
        "GT1:%%%%",
        "GT9:ABCDEF",
    ],
)
def test_malformed_codes_are_refused(gateway: RunningGateway, junk: str) -> None:
    _publish(gateway)
    client = gateway.enrol()

    r = _resolve(client, junk)

    assert _refusal(r) == (400, "code.malformed")
    assert r.json()["error"]["message"]
    assert _nothing_recorded(gateway)


def test_a_truncated_code_is_refused(gateway: RunningGateway) -> None:
    _publish(gateway)
    client = gateway.enrol()
    text = _issue(gateway, "1")

    r = _resolve(client, text[:-12])

    assert _refusal(r) == (400, "code.malformed")
    assert _nothing_recorded(gateway)


def test_a_code_of_an_unknown_key_is_refused(gateway: RunningGateway) -> None:
    _publish(gateway)
    client = gateway.enrol()
    code = parse(_issue(gateway, "1"))
    other = type(code)(
        key_id=code.key_id ^ 0xFFFF,
        kind=code.kind,
        subject_ref=code.subject_ref,
        issued_minute=code.issued_minute,
        valid_minutes=code.valid_minutes,
        nonce=code.nonce,
    )
    signed = other.with_signature(Ed25519PrivateKey.generate().sign(other.signed_bytes()))

    assert _refusal(_resolve(client, signed.encode())) == (403, "code.unknown_key")
    assert _nothing_recorded(gateway)


def test_a_revoked_holder_is_refused(gateway: RunningGateway) -> None:
    _publish(gateway)
    client = gateway.enrol()
    text = _issue(gateway, "4")

    assert gateway.services.identity.revoke_holder("citizen", "4")
    r = _resolve(client, text)

    assert _refusal(r) == (403, "code.revoked_holder")
    assert _nothing_recorded(gateway)
    refused = requests.post(
        gateway.url + "/v1/admin/identity/codes",
        json={"kind": "citizen", "holder": "4"},
        headers={"Authorization": f"Bearer {gateway.admin_token}"},
        timeout=10,
    )
    assert refused.status_code == 404
    assert refused.json()["error"]["code"] == "holder.revoked"


def test_demo_codes_need_the_admin_token_and_a_known_holder(gateway: RunningGateway) -> None:
    _publish(gateway)
    url = gateway.url + "/v1/admin/identity/codes"

    no_token = requests.post(url, json={"holder": "1"}, timeout=10)
    unknown = requests.post(
        url,
        json={"holder": "李雷"},
        headers={"Authorization": f"Bearer {gateway.admin_token}"},
        timeout=10,
    )

    assert no_token.status_code == 401
    assert unknown.status_code == 404
    assert unknown.json()["error"]["code"] == "holder.unknown"


def test_key_rotation_keeps_old_codes_verifiable_until_they_expire(
    gateway: RunningGateway,
) -> None:
    _publish(gateway)
    client = gateway.enrol()
    ring = gateway.services.identity.keys
    old_text = _issue(gateway, "1", minutes=30)
    old_key = parse(old_text).key_id_text

    new_key = ring.rotate().key_id
    new_text = _issue(gateway, "2")
    published = {i["id"]: i for i in client.get("/v1/streams/keys/changes").json()["items"]}

    assert parse(new_text).key_id_text == new_key != old_key
    assert _resolve(client, old_text).status_code == 200
    assert _resolve(client, new_text).status_code == 200
    assert set(published) == {old_key, new_key}
    assert published[old_key]["doc"]["verify_until"] is not None
    assert "private" not in str(published)

    gateway.clock.advance(RETIRED_KEY_GRACE)
    ring.refresh()
    after = {i["id"]: i["op"] for i in client.get("/v1/streams/keys/changes").json()["items"]}

    assert after == {old_key: "delete", new_key: "upsert"}
    assert ring.key(old_key) is None


def test_republishing_holders_keeps_references_and_revokes_the_missing(
    gateway: RunningGateway,
) -> None:
    citizens, enterprises = _holders()
    identity = gateway.services.identity
    identity.publish_holders(citizens, enterprises)
    before = {r.holder.name: r.ref for r in identity.holders("citizen")}

    report = identity.publish_holders(citizens[1:], enterprises)

    after = identity.holders("citizen")
    assert (report.added, report.revoked) == (0, 1)
    assert {r.holder.name: r.ref for r in after} == before
    assert [r.holder.name for r in after if r.revoked] == [citizens[0].name]


# ---------------------------------------------------------------------- the QR picture


def _qr_version(png: Path, box_size: int = 10, border: int = 4) -> int:
    with Image.open(png) as image:
        modules = image.width // box_size - 2 * border
    return (modules - 17) // 4


def test_the_cli_writes_a_qr_png_that_decodes_to_the_printed_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'gateway.db'}"
    png = tmp_path / "code.png"

    assert gateway_main(["publish-holders", str(DEMO), "--db", db]) == 0
    assert gateway_main(["codes", "issue", "--enterprise", "1", "--out", str(png), "--db", db]) == 0
    printed = capsys.readouterr().out.splitlines()

    text = next(line for line in printed if line.startswith(PREFIX))
    with Image.open(png) as image:
        (decoded,) = pyzbar.decode(image)
    assert decoded.data.decode("ascii") == text
    assert decoded.type == "QRCODE"
    assert _qr_version(png) <= 6
    assert parse(text).kind.label == "企业码"
    assert gateway_main(["codes", "issue", "--citizen", "无此人", "--db", db]) == 2
    assert "没有找到" in capsys.readouterr().out


def test_every_code_fits_qr_version_6(tmp_path: Path, gateway: RunningGateway) -> None:
    _publish(gateway)
    for n, kind in ((1, "citizen"), (9, "citizen"), (5, "enterprise")):
        png = tmp_path / f"{kind}{n}.png"
        text = _issue(gateway, str(n), kind=kind, minutes=1440)

        version = write_code_png(text, png)

        with Image.open(png) as image:
            assert pyzbar.decode(image)[0].data.decode("ascii") == text
        assert version == _qr_version(png) <= 6
