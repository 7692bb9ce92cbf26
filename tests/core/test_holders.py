"""Citizens and enterprises who hold e-licences."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from core.elicence import ELicence, make_identifier
from core.holders import Citizen, Enterprise
from core.identifiers import resident_id_check_char, uscc_check_char


def _id(first17: str) -> str:
    return first17 + resident_id_check_char(first17)


def _uscc(first17: str) -> str:
    return first17 + uscc_check_char(first17)


PERSON_ID = _id("37100219850315001")  # male (17th digit odd)
COMPANY = _uscc("91371000MA3D8K7Q2")
POLICE = _uscc("11371000004185401")
SAMR = _uscc("11371000MB2856123")


def _licence(holder_id: str, type_code: str, issued: dt.date, **data: str) -> ELicence:
    issuer = POLICE if type_code != "business_licence" else SAMR
    return ELicence(
        identifier=make_identifier("11100000000013127D001", issuer, f"{issued:%Y%m%d}01"),
        type_code=type_code,
        name={"resident_id": "居民身份证", "household_register": "居民户口簿"}.get(
            type_code, "营业执照"
        ),
        holder_name="于海涛",
        holder_id=holder_id,
        number=holder_id,
        issuer="威海市公安局环翠分局",
        issued_on=issued,
        valid_until=None,
        data=data,
    )


def _citizen(**changes: object) -> Citizen:
    fields: dict[str, object] = {
        "name": "于海涛",
        "id_number": PERSON_ID,
        "gender": "男",
        "ethnicity": "汉族",
        "birth_date": dt.date(1985, 3, 15),
        "household_address": "山东省威海市环翠区竹岛街道海滨北路",
        "residence_address": "山东省威海市环翠区竹岛街道海滨北路",
        "phone": "13906310000",
        "licences": (
            _licence(PERSON_ID, "resident_id", dt.date(2015, 4, 1), 住址="旧住址"),
            _licence(PERSON_ID, "household_register", dt.date(2018, 1, 1), 婚姻状况="已婚"),
        ),
    }
    fields.update(changes)
    return Citizen.model_validate(fields)


def test_citizen_licence_types_and_prefill() -> None:
    person = _citizen()
    assert person.licence_types() == {"resident_id", "household_register"}
    form = person.prefill()
    assert form["姓名"] == "于海涛"
    assert form["公民身份号码"] == PERSON_ID
    assert form["婚姻状况"] == "已婚"  # from the 户口簿 e-licence
    assert form["户籍地址"].startswith("山东省威海市")


def test_citizen_age_and_masking() -> None:
    person = _citizen()
    assert person.age_on(dt.date(2025, 3, 14)) == 39
    assert person.age_on(dt.date(2025, 3, 15)) == 40
    assert person.masked_id == PERSON_ID[:6] + "********" + PERSON_ID[-4:]
    assert PERSON_ID not in repr(person.model_copy(update={"licences": ()}))
    assert "13906310000" not in repr(person.model_copy(update={"licences": ()}))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"id_number": PERSON_ID[:-1] + ("0" if PERSON_ID[-1] != "0" else "1")}, "校验位"),
        ({"id_number": "12345"}, "18位"),
        ({"birth_date": dt.date(1985, 3, 16)}, "出生日期"),
        ({"gender": "女"}, "性别"),
        ({"gender": "M"}, "性别"),
        ({"phone": "12345"}, "联系电话"),
    ],
)
def test_citizen_refuses_inconsistent_data(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        _citizen(**changes)


def test_citizen_refuses_someone_elses_licence() -> None:
    other = _id("37100219900101002")
    with pytest.raises(ValidationError, match="持证主体"):
        _citizen(licences=(_licence(other, "resident_id", dt.date(2015, 4, 1)),))


def test_valid_licence_picks_newest_in_force() -> None:
    old = _licence(PERSON_ID, "resident_id", dt.date(2005, 4, 1)).model_copy(
        update={"valid_until": dt.date(2015, 4, 1)}
    )
    new = _licence(PERSON_ID, "resident_id", dt.date(2015, 4, 1))
    person = _citizen(licences=(old, new))
    assert person.valid_licence("resident_id", dt.date(2020, 1, 1)) == new
    assert person.valid_licence("resident_id", dt.date(2010, 1, 1)) == old
    assert person.valid_licence("driving_licence", dt.date(2020, 1, 1)) is None
    assert len(person.licences_of("resident_id")) == 2


def _enterprise(**changes: object) -> Enterprise:
    fields: dict[str, object] = {
        "uscc": COMPANY,
        "name": "威海海澜精密机械有限公司",
        "legal_representative": "于海涛",
        "legal_rep_id_number": PERSON_ID,
        "type": "有限责任公司（自然人投资或控股）",
        "registered_capital": "500万元人民币",
        "address": "山东省威海市经济技术开发区皇冠街道青岛中路",
        "business_scope": "一般项目：通用设备制造（不含特种设备制造）。",
        "established_on": dt.date(2016, 6, 8),
        "phone": "0631-5981234",
        "licences": (
            _licence(
                COMPANY, "business_licence", dt.date(2016, 6, 8), 登记机关="威海市市场监督管理局"
            ),
        ),
    }
    fields.update(changes)
    return Enterprise.model_validate(fields)


def test_enterprise_prefill_and_types() -> None:
    company = _enterprise()
    assert company.licence_types() == {"business_licence"}
    form = company.prefill()
    assert form["统一社会信用代码"] == COMPANY
    assert form["登记机关"] == "威海市市场监督管理局"
    assert form["联系电话"] == "06315981234"
    assert PERSON_ID not in repr(company)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"uscc": COMPANY[:-1] + ("0" if COMPANY[-1] != "0" else "1")}, "校验位"),
        ({"uscc": "91371000"}, "18位"),
        ({"legal_rep_id_number": "37100219850315001"}, "法定代表人"),
        ({"phone": "0531-1234"}, "联系电话"),
        ({"name": "  "}, "name"),
    ],
)
def test_enterprise_refuses_bad_data(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        _enterprise(**changes)
