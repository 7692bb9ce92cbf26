"""GB/T 36904 e-licence identifiers and the ELicence model."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from core.elicence import (
    ROOT_OID,
    ELicence,
    identifier_type_code,
    make_identifier,
    mod37_36_check_char,
    validate_identifier,
)
from core.errors import ValidationFailed

# Identifiers published by issuing systems (a 住建部 data-exchange spec example and a
# Zhejiang OFD file name): the MOD 37,36 rule must reproduce their check characters.
PUBLISHED = (
    "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U",
    "1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0",
)
TYPE = "11100000000013127D001"
ISSUER = "11371000MB2856451X"


def _issuer() -> str:
    from core.identifiers import uscc_check_char

    return ISSUER[:17] + uscc_check_char(ISSUER[:17])


@pytest.mark.parametrize("identifier", PUBLISHED)
def test_published_identifiers_validate(identifier: str) -> None:
    assert validate_identifier(identifier) == identifier


def test_check_char_known_values() -> None:
    # ISO 7064 MOD 37,36 over the dot-free body of the first published identifier.
    assert mod37_36_check_char("11100000000013338W01111430000006122244L20230000403001") == "U"
    # Changing any one character changes the check character (single-error detection).
    body = "11100000000013338W01111430000006122244L20230000403001"
    for i in range(len(body)):
        for c in "0A":
            if body[i] != c:
                changed = body[:i] + c + body[i + 1 :]
                assert mod37_36_check_char(changed) != "U"


def test_make_and_validate_round_trip() -> None:
    ident = make_identifier(TYPE, _issuer(), "2024000123", version=2)
    assert ident.startswith(ROOT_OID + "." + TYPE + ".")
    assert ident.split(".")[-2] == "002"
    assert validate_identifier("  " + ident + " ") == ident
    assert identifier_type_code(ident) == TYPE


PREFIX = "1.2.156.3005.2."
T = "11100000000013338W011."  # type code of the first published identifier
ISS = "11430000006122244L."  # its issuer


@pytest.mark.parametrize(
    ("bad", "code"),
    [
        ("", "elicence.prefix"),
        ("hello", "elicence.prefix"),
        ("1.2.156.3005.1." + T + ISS + "20230000403.001.U", "elicence.prefix"),
        (PREFIX + T + ISS + "20230000403.001", "elicence.malformed"),
        (PREFIX + T + ".20230000403.001.U", "elicence.malformed"),
        (PREFIX + "11100000000013338w011.11430000006122244l.20230000403.001.u", "elicence.case"),
        (PREFIX + T + ISS + "20230000403.001.V", "elicence.check"),
        (PREFIX + T + ISS + "20230000404.001.U", "elicence.check"),
        (PREFIX + "111000000000133." + ISS + "20230000403.001.U", "elicence.type_code"),
        (PREFIX + "11100000000013338X011." + ISS + "20230000403.001.U", "elicence.type_code"),
        (PREFIX + T + "11430000006122244M.20230000403.001.U", "elicence.issuer"),
        (PREFIX + T + ISS + "2023-0403.001.U", "elicence.serial"),
        (PREFIX + T + ISS + "20230000403.01.U", "elicence.version"),
        (PREFIX + T + ISS + "20230000403.000.U", "elicence.version"),
        (PREFIX + T + ISS + "20230000403.001.UU", "elicence.malformed"),
        (PREFIX + T + ISS + "20230000403.001.#", "elicence.malformed"),
    ],
)
def test_bad_identifiers_are_refused_with_a_reason(bad: str, code: str) -> None:
    with pytest.raises(ValidationFailed) as exc:
        validate_identifier(bad)
    assert exc.value.code == code
    assert exc.value.message  # a Chinese sentence a clerk can act on
    assert any("\u4e00" <= ch <= "\u9fff" for ch in exc.value.message)


def test_truncated_identifiers_never_pass() -> None:
    ident = PUBLISHED[0]
    for cut in range(1, len(ident)):
        with pytest.raises(ValidationFailed):
            validate_identifier(ident[:cut])


def test_check_char_rejects_junk() -> None:
    with pytest.raises(ValidationFailed):
        mod37_36_check_char("")
    with pytest.raises(ValidationFailed):
        mod37_36_check_char("abc")
    with pytest.raises(ValidationFailed):
        mod37_36_check_char("证照")


def test_make_identifier_refuses_bad_parts() -> None:
    with pytest.raises(ValidationFailed):
        make_identifier(TYPE, _issuer(), "2024-1")
    with pytest.raises(ValidationFailed):
        make_identifier(TYPE, _issuer(), "20241", version=0)
    with pytest.raises(ValidationFailed):
        make_identifier(TYPE, _issuer(), "20241", version=1000)
    with pytest.raises(ValidationFailed):
        make_identifier(TYPE[:-1], _issuer(), "20241")
    with pytest.raises(ValidationFailed):
        make_identifier(TYPE, _issuer().lower(), "20241")


def _licence(**changes: object) -> ELicence:
    fields: dict[str, object] = {
        "identifier": make_identifier(TYPE, _issuer(), "2020000001"),
        "type_code": "resident_id",
        "name": "居民身份证",
        "holder_name": "于海涛",
        "holder_id": "371002198503150017",
        "number": "371002198503150017",
        "issuer": "威海市公安局环翠分局",
        "issued_on": dt.date(2020, 5, 1),
        "valid_until": dt.date(2040, 5, 1),
        "data": {"民族": "汉", "住址": "山东省威海市环翠区"},
    }
    fields.update(changes)
    return ELicence.model_validate(fields)


def test_elicence_validity() -> None:
    lic = _licence()
    assert lic.is_valid_on(dt.date(2024, 1, 1))
    assert not lic.is_valid_on(dt.date(2040, 5, 2))
    assert not lic.is_valid_on(dt.date(2019, 1, 1))
    assert lic.validity_text == "2020-05-01至2040-05-01"
    forever = _licence(valid_until=None)
    assert forever.is_valid_on(dt.date(2099, 1, 1))
    assert forever.validity_text.endswith("长期")


def test_elicence_refuses_bad_identifier() -> None:
    good = _licence().identifier
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    with pytest.raises(ValidationError, match="校验位不正确"):
        _licence(identifier=bad)


def test_elicence_is_frozen() -> None:
    lic = _licence()
    with pytest.raises(ValidationError):
        lic.name = "别的证"  # type: ignore[misc]
