"""Who holds e-licences: citizens (个人) and enterprises (法人).

These are the identities a 居民码/企业码 resolves to. Their e-licences satisfy materials
without paper (免提交) and their data pre-fills forms (表单预填). Numbers are validated
on construction; ``repr`` never shows a full ID or phone number.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, StringConstraints, field_validator, model_validator

from core.elicence import ELicence
from core.errors import ValidationFailed
from core.identifiers import validate_resident_id, validate_uscc

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

_PHONE_LENGTH = 11


def _phone(value: str) -> str:
    text = value.strip().replace("-", "").replace(" ", "")
    # Mobile numbers (11 digits, 1…) or Weihai fixed lines (0631 + 7 or 8 digits).
    if text.isdigit() and (
        (len(text) == _PHONE_LENGTH and text.startswith("1"))
        or (text.startswith("0631") and len(text) in (11, 12))
    ):
        return text
    raise ValueError("联系电话应为11位手机号码或带区号的固定电话")


def _mask(text: str, keep_head: int, keep_tail: int) -> str:
    if len(text) <= keep_head + keep_tail:
        return "*" * len(text)
    return text[:keep_head] + "*" * (len(text) - keep_head - keep_tail) + text[-keep_tail:]


class _Holder(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    licences: tuple[ELicence, ...] = ()

    def licence_types(self) -> set[str]:
        """The catalog e-licence type codes this holder has a licence of."""
        return {licence.type_code for licence in self.licences}

    def licences_of(self, type_code: str) -> tuple[ELicence, ...]:
        """Every licence of one type (e.g. a renewed 驾驶证 and its predecessor)."""
        return tuple(lic for lic in self.licences if lic.type_code == type_code)

    def valid_licence(self, type_code: str, on: _dt.date) -> ELicence | None:
        """The licence of ``type_code`` in force on ``on``, the newest first; or None."""
        candidates = [lic for lic in self.licences_of(type_code) if lic.is_valid_on(on)]
        if not candidates:
            return None
        return max(candidates, key=lambda lic: lic.issued_on)


def _check_licences_belong(licences: tuple[ELicence, ...], own_id: str) -> None:
    for lic in licences:
        if lic.holder_id != own_id:
            raise ValueError(f"电子证照“{lic.name}”的持证主体与本人（本单位）不一致")


class Citizen(_Holder):
    """A person (个人) with the data of the 居民身份证 and 户口簿.

    Attributes:
        id_number: 公民身份号码, validated with its check character.
        gender: 男 / 女 — must agree with the 17th digit of the ID number.
        household_address: 户籍地址. residence_address: 居住地址.
    """

    name: NonEmpty
    id_number: NonEmpty
    gender: NonEmpty
    ethnicity: NonEmpty
    birth_date: _dt.date
    household_address: NonEmpty
    residence_address: NonEmpty
    phone: NonEmpty

    @field_validator("id_number")
    @classmethod
    def _valid_id(cls, value: str) -> str:
        try:
            return validate_resident_id(value)
        except ValidationFailed as exc:
            raise ValueError(exc.message) from None

    @field_validator("phone")
    @classmethod
    def _valid_phone(cls, value: str) -> str:
        return _phone(value)

    @field_validator("gender")
    @classmethod
    def _valid_gender(cls, value: str) -> str:
        if value not in ("男", "女"):
            raise ValueError("性别应为“男”或“女”")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Citizen:
        born = self.id_number[6:14]
        if born != self.birth_date.strftime("%Y%m%d"):
            raise ValueError("出生日期与身份证号码不一致")
        odd = int(self.id_number[16]) % 2 == 1
        if (self.gender == "男") != odd:
            raise ValueError("性别与身份证号码不一致")
        _check_licences_belong(self.licences, self.id_number)
        return self

    def age_on(self, day: _dt.date) -> int:
        """Age in whole years on ``day`` (green channel for the elderly, retirement …)."""
        years = day.year - self.birth_date.year
        if (day.month, day.day) < (self.birth_date.month, self.birth_date.day):
            years -= 1
        return years

    @property
    def masked_id(self) -> str:
        """The ID number as screens and papers show it: ``371002********123X``."""
        return _mask(self.id_number, 6, 4)

    @property
    def masked_phone(self) -> str:
        return _mask(self.phone, 3, 4)

    def prefill(self) -> dict[str, str]:
        """Form fields (申请表 labels → values) from the person and their licences.

        Licence data comes first so the person record (the identity the code resolved
        to) wins where both say the same thing.
        """
        fields: dict[str, str] = {}
        for lic in sorted(self.licences, key=lambda lic: lic.issued_on):
            fields.update(lic.data)
        fields.update(
            {
                "姓名": self.name,
                "公民身份号码": self.id_number,
                "性别": self.gender,
                "民族": self.ethnicity,
                "出生日期": self.birth_date.isoformat(),
                "户籍地址": self.household_address,
                "居住地址": self.residence_address,
                "联系电话": self.phone,
            }
        )
        return fields

    def __repr_args__(self) -> Iterator[tuple[str | None, Any]]:
        for key, value in super().__repr_args__():
            if key == "id_number":
                yield key, self.masked_id
            elif key == "phone":
                yield key, self.masked_phone
            else:
                yield key, value


class Enterprise(_Holder):
    """An enterprise (法人) with the data of its 营业执照.

    Attributes:
        uscc: 统一社会信用代码, validated with its check character.
        legal_rep_id_number: 法定代表人身份号码, validated.
        type: 企业类型 (有限责任公司（自然人投资或控股） …).
        registered_capital: 注册资本 as printed (``"500万元人民币"``).
    """

    uscc: NonEmpty
    name: NonEmpty
    legal_representative: NonEmpty
    legal_rep_id_number: NonEmpty
    type: NonEmpty
    registered_capital: NonEmpty
    address: NonEmpty
    business_scope: NonEmpty
    established_on: _dt.date
    phone: NonEmpty

    @field_validator("uscc")
    @classmethod
    def _valid_uscc(cls, value: str) -> str:
        try:
            return validate_uscc(value)
        except ValidationFailed as exc:
            raise ValueError(exc.message) from None

    @field_validator("legal_rep_id_number")
    @classmethod
    def _valid_rep_id(cls, value: str) -> str:
        try:
            return validate_resident_id(value)
        except ValidationFailed as exc:
            raise ValueError("法定代表人" + exc.message) from None

    @field_validator("phone")
    @classmethod
    def _valid_phone(cls, value: str) -> str:
        return _phone(value)

    @model_validator(mode="after")
    def _consistent(self) -> Enterprise:
        _check_licences_belong(self.licences, self.uscc)
        return self

    @property
    def masked_rep_id(self) -> str:
        return _mask(self.legal_rep_id_number, 6, 4)

    def prefill(self) -> dict[str, str]:
        """Form fields (申请表 labels → values) from the enterprise and its licences."""
        fields: dict[str, str] = {}
        for lic in sorted(self.licences, key=lambda lic: lic.issued_on):
            fields.update(lic.data)
        fields.update(
            {
                "单位名称": self.name,
                "统一社会信用代码": self.uscc,
                "法定代表人": self.legal_representative,
                "法定代表人身份号码": self.legal_rep_id_number,
                "企业类型": self.type,
                "注册资本": self.registered_capital,
                "住所": self.address,
                "经营范围": self.business_scope,
                "成立日期": self.established_on.isoformat(),
                "联系电话": self.phone,
            }
        )
        return fields

    def __repr_args__(self) -> Iterator[tuple[str | None, Any]]:
        for key, value in super().__repr_args__():
            if key == "legal_rep_id_number":
                yield key, self.masked_rep_id
            else:
                yield key, value
