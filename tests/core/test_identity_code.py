"""The 居民码/企业码 token format: base45, layout, parsing errors, time and signature checks."""

from __future__ import annotations

import datetime as _dt

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given
from hypothesis import strategies as st

from core.clock import HALL_TZ
from core.identity_code import (
    PREFIX,
    Algorithm,
    ExpiredCode,
    ForgedCode,
    IdentityCode,
    MalformedCode,
    Purpose,
    SubjectKind,
    UnknownKey,
    base45_decode,
    base45_encode,
    looks_like_code,
    parse,
)

NOW = _dt.datetime(2026, 3, 2, 9, 30, tzinfo=HALL_TZ)
KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))


def _signed(**overrides: object) -> IdentityCode:
    fields: dict[str, object] = {
        "key_id": 0x1A2B3C4D,
        "kind": SubjectKind.CITIZEN,
        "subject_ref": bytes.fromhex("00112233445566778899"),
        "issued_at": NOW,
        "valid_minutes": 5,
        "nonce": bytes.fromhex("0102030405060708"),
    }
    fields.update(overrides)
    code = IdentityCode.new(**fields)  # type: ignore[arg-type]
    return code.with_signature(KEY.sign(code.signed_bytes()))


def _check(alg: Algorithm, key_id: str, message: bytes, signature: bytes) -> bool | None:
    if key_id != "1a2b3c4d":
        return None
    try:
        KEY.public_key().verify(signature, message)
    except InvalidSignature:
        return False
    return True


# ---------------------------------------------------------------------- base45


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (b"AB", "BB8"),
        (b"Hello!!", "%69 VD92EX0"),
        (b"base-45", "UJCLQE7W581"),
        (b"ietf!", "QED8WEX0"),
    ],
)
def test_base45_matches_rfc_9285_examples(raw: bytes, text: str) -> None:
    assert base45_encode(raw) == text
    assert base45_decode(text) == raw


@given(st.binary(max_size=200))
def test_base45_round_trips(raw: bytes) -> None:
    assert base45_decode(base45_encode(raw)) == raw


@pytest.mark.parametrize(("text", "detail"), [("GGW", "base45"), ("a", "base45"), ("BB", "base45")])
def test_base45_refuses_bad_text(text: str, detail: str) -> None:
    with pytest.raises(MalformedCode) as err:
        base45_decode(text)
    assert err.value.detail == detail


def test_base45_refuses_a_dangling_character() -> None:
    with pytest.raises(MalformedCode) as err:
        base45_decode("BB8B")
    assert err.value.detail == "truncated"


# ---------------------------------------------------------------------- layout


def test_a_signed_code_round_trips_and_stays_small() -> None:
    code = _signed(kind=SubjectKind.ENTERPRISE, purposes=Purpose.PREFILL)

    text = code.encode()
    back = parse(text)

    assert text.startswith(PREFIX)
    assert back == code
    assert back.kind is SubjectKind.ENTERPRISE
    assert back.issued_at == NOW.astimezone(_dt.UTC)
    assert back.expires_at - back.issued_at == _dt.timedelta(minutes=5)
    assert back.allows(Purpose.PREFILL)
    assert not back.allows(Purpose.OFFLINE_LOW_RISK)
    # 97 bytes → 146 base45 characters: a version 6-M QR code holds 154.
    assert len(text) == 150
    assert set(text[len(PREFIX) :]) <= set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")


def test_the_payload_is_the_signed_bytes_then_the_signature() -> None:
    code = _signed()

    raw = base45_decode(code.encode()[len(PREFIX) :])

    assert raw[23:33] == code.subject_ref  # the gateway's handle, not an ID number
    assert code.signed_bytes() == raw[:-64]
    assert code.signature == raw[-64:]


def test_signed_bytes_cover_every_field() -> None:
    base = _signed()
    variants = [
        _signed(key_id=1),
        _signed(kind=SubjectKind.ENTERPRISE),
        _signed(subject_ref=b"\x00" * 10),
        _signed(issued_at=NOW + _dt.timedelta(minutes=1)),
        _signed(valid_minutes=6),
        _signed(nonce=b"\x00" * 8),
        _signed(purposes=Purpose.NONE),
    ]
    assert len({v.signed_bytes() for v in [base, *variants]}) == len(variants) + 1


def test_unknown_purpose_bits_are_kept_so_the_signature_still_checks() -> None:
    code = _signed(purposes=Purpose(0x80 | 1))

    back = parse(code.encode())

    assert int(back.purposes) == 0x81
    back.check_signature(_check)


def test_encoding_needs_a_signature() -> None:
    unsigned = IdentityCode.new(
        key_id=1,
        kind=SubjectKind.CITIZEN,
        subject_ref=b"x",
        issued_at=NOW,
        valid_minutes=5,
        nonce=b"\x00" * 8,
    )
    with pytest.raises(ValueError, match="sign"):
        unsigned.encode()
    with pytest.raises(ValueError, match="length"):
        unsigned.with_signature(b"short")


# ---------------------------------------------------------------------- parsing


def _raw(code: IdentityCode) -> bytes:
    return base45_decode(code.encode()[len(PREFIX) :])


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("", "prefix"),
        ("https://www.weihai.gov.cn/art/2026/3/2/art_1.html", "prefix"),
        ("370102199003071234", "prefix"),
        ("GT1:", "truncated"),
        ("GT1:hello world", "base45"),
        ("GT1:BB8", "version"),
    ],
)
def test_junk_is_refused_as_malformed(text: str, detail: str) -> None:
    with pytest.raises(MalformedCode) as err:
        parse(text)
    assert err.value.code == "code.malformed"
    assert err.value.detail == detail
    assert err.value.message  # a sentence for the person at the screen


def test_truncated_and_overlong_codes_are_refused() -> None:
    raw = _raw(_signed())
    for cut in (1, 10, 40, len(raw) - 1):
        with pytest.raises(MalformedCode) as err:
            parse(PREFIX + base45_encode(raw[:cut]))
        assert err.value.detail == "truncated", cut
    with pytest.raises(MalformedCode) as err:
        parse(PREFIX + base45_encode(raw + b"\x00"))
    assert err.value.detail == "trailing"


@pytest.mark.parametrize(
    ("offset", "value", "detail"),
    [(0, 2, "version"), (1, 9, "algorithm"), (6, 3, "kind"), (22, 0, "field"), (22, 99, "field")],
)
def test_unknown_fields_are_refused(offset: int, value: int, detail: str) -> None:
    raw = bytearray(_raw(_signed()))
    raw[offset] = value

    with pytest.raises(MalformedCode) as err:
        parse(PREFIX + base45_encode(bytes(raw)))

    assert err.value.detail == detail


def test_the_prefix_may_come_in_lower_case_and_with_blanks() -> None:
    code = _signed()
    text = code.encode()

    assert parse(" gt1:" + text[len(PREFIX) :] + "\n") == code
    assert looks_like_code(text)
    assert not looks_like_code("https://example.org")


def test_sm2_is_named_but_has_no_verifier() -> None:
    code = _signed(algorithm=Algorithm.SM2)

    back = parse(code.encode())

    assert back.algorithm is Algorithm.SM2
    with pytest.raises(UnknownKey):
        back.check_signature(lambda alg, *_: None if alg is Algorithm.SM2 else True)


# ---------------------------------------------------------------------- checks


def test_time_window_with_skew() -> None:
    code = _signed()
    skew = _dt.timedelta(minutes=2)

    code.check_time(NOW, skew=skew)
    code.check_time(NOW + _dt.timedelta(minutes=6, seconds=59), skew=skew)
    code.check_time(NOW - _dt.timedelta(minutes=2), skew=skew)
    with pytest.raises(ExpiredCode) as late:
        code.check_time(NOW + _dt.timedelta(minutes=7), skew=skew)
    with pytest.raises(ExpiredCode) as early:
        code.check_time(NOW - _dt.timedelta(minutes=2, seconds=1), skew=skew)

    assert late.value.code == early.value.code == "code.expired"
    assert "过期" in late.value.message
    assert "时钟" in early.value.message


def test_signature_checks() -> None:
    code = _signed()
    raw = bytearray(_raw(code))
    raw[-1] ^= 0x01
    flipped = parse(PREFIX + base45_encode(bytes(raw)))
    foreign_key = Ed25519PrivateKey.generate()
    foreign = code.with_signature(foreign_key.sign(code.signed_bytes()))
    other_key_id = _signed(key_id=7)

    code.check_signature(_check)
    with pytest.raises(ForgedCode):
        flipped.check_signature(_check)
    with pytest.raises(ForgedCode):
        foreign.check_signature(_check)
    with pytest.raises(UnknownKey) as unknown:
        other_key_id.check_signature(_check)
    assert unknown.value.code == "code.unknown_key"


def test_naive_times_are_a_programming_error() -> None:
    with pytest.raises(ValueError, match="aware"):
        _signed(issued_at=_dt.datetime(2026, 3, 2, 9, 30))
