"""电子证照 (e-licences) and their identifiers.

The identifier structure is the one of GB/T 36904-2018 《电子证照 标识规范》 (the brief
and DESIGN.md say "GB/T 36903", which is the companion 元数据规范; the metadata standard
carries the identifier as its 证照标识 element, the identifier standard defines it)::

    1.2.156.3005.2 . 证照类型代码 . 证照颁发机构代码 . 流水号 . 版本号 . 校验位
    └ root OID ──┘   └ 21 chars ┘   └ 18 chars ────┘   └ 1-32 ┘ └ 3 ┘   └ 1 ┘

- **电子证照根代码** ``1.2.156.3005.2`` (ISO/ITU OID arc of China, 1.2.156, allocated to
  electronic licences).
- **证照类型代码**: the 统一社会信用代码 of the department that defines the licence type
  (e.g. 11100000000013338W, 住房和城乡建设部) followed by a 3-digit sequence number of the
  type within that department (``…13338W011``) — 21 characters.
- **证照颁发机构代码**: the 统一社会信用代码 of the issuing authority (18 characters, with
  its own GB 32100 check character, validated here too).
- **流水号**: the issuer's serial, 1-32 characters of ``0-9A-Z`` (deployed systems use
  year + sequence, or a 32-digit hex UUID).
- **版本号**: 3 digits, ``001`` for the first issue, increasing with each re-issue.
- **校验位**: one character of ``0-9A-Z`` computed with ISO/IEC 7064 MOD 37,36 (the hybrid
  system with modulus M = 36, alphabet 0-9A-Z mapped to 0-35) over the concatenation
  of 证照类型代码 + 证照颁发机构代码 + 流水号 + 版本号 **without the dots and without the
  root OID**.

Sources: the standard's text is not freely published; the structure above is the one
the public integration guides and deployed issuing code describe (e.g. a provincial
e-licence library guide: "电子证照根代码.证照类型代码.证照颁发机构代码.流水号.版本号.
校验位", check over type+issuer+serial+version with MOD 37 HYBRID 36). I checked the
rule against identifiers published in the wild (a 住建部 certificate spec example
``…13338W011.11430000006122244L.20230000403.001.U``, a Zhejiang OFD file name ending
``….2025052201.002.0``): the MOD 37,36 check over the dot-free body reproduces their
check characters. One published sample did not reproduce (a test fixture with a
random 32-digit hex serial); I take it to be made up. Some provinces put a 6-digit
area code where the issuer code goes; this module follows the national rule (USCC),
which is what the brief asks for.

Identifiers are upper case; lower case input is refused rather than silently
upper-cased, because the check character is computed on the exact characters.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from core.errors import ValidationFailed, msg
from core.identifiers import validate_uscc

ROOT_OID = "1.2.156.3005.2"
"""电子证照根代码."""

_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_MODULUS = 36
_TYPE_CODE_RE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{18}\d{3}$")
_SERIAL_RE = re.compile(r"^[0-9A-Z]{1,32}$")
_VERSION_RE = re.compile(r"^\d{3}$")
_PART_COUNT = 5  # type, issuer, serial, version, check

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def mod37_36_check_char(text: str) -> str:
    """The ISO/IEC 7064 MOD 37,36 check character of ``text``.

    Args:
        text: characters of ``0-9A-Z`` (upper case), at least one.

    Returns:
        One character of ``0-9A-Z`` that, appended to ``text``, makes it check.

    Raises:
        ValidationFailed: ``text`` is empty or has a character outside the alphabet.
    """
    if not text:
        raise ValidationFailed(msg("电子证照标识内容为空"), code="elicence.empty")
    product = _MODULUS
    for char in text:
        value = _ALPHABET.find(char)
        if value < 0:
            raise ValidationFailed(
                msg("电子证照标识只能包含数字和大写字母"), code="elicence.charset"
            )
        total = (product + value) % _MODULUS or _MODULUS
        product = (total * 2) % (_MODULUS + 1)
    return _ALPHABET[(_MODULUS + 1 - product) % _MODULUS]


def _check_type_code(type_code: str) -> None:
    if not _TYPE_CODE_RE.match(type_code):
        raise ValidationFailed(
            msg("电子证照标识中的证照类型代码应为21位（定义部门统一社会信用代码加3位序号）"),
            code="elicence.type_code",
        )
    try:
        validate_uscc(type_code[:18])
    except ValidationFailed:
        raise ValidationFailed(
            msg("电子证照标识中的证照类型代码所含统一社会信用代码无效"),
            code="elicence.type_code",
        ) from None


def _check_issuer(issuer_code: str) -> None:
    try:
        validate_uscc(issuer_code)
    except ValidationFailed:
        raise ValidationFailed(
            msg("电子证照标识中的颁发机构代码不是有效的统一社会信用代码"),
            code="elicence.issuer",
        ) from None
    if issuer_code != issuer_code.strip().upper():
        raise ValidationFailed(
            msg("电子证照标识中的颁发机构代码应为大写"), code="elicence.issuer"
        )


def _check_serial_and_version(serial: str, version: str) -> None:
    if not _SERIAL_RE.match(serial):
        raise ValidationFailed(
            msg("电子证照标识中的流水号应为1至32位数字或大写字母"), code="elicence.serial"
        )
    if not _VERSION_RE.match(version) or version == "000":
        raise ValidationFailed(
            msg("电子证照标识中的版本号应为3位数字（从001开始）"), code="elicence.version"
        )


def make_identifier(type_code: str, issuer_code: str, serial: str, version: int = 1) -> str:
    """Build a GB/T 36904 identifier with its check character.

    Args:
        type_code: 21-character 证照类型代码 (defining department's USCC + 3 digits).
        issuer_code: the issuing authority's 统一社会信用代码.
        serial: the issuer's 流水号, 1-32 characters of ``0-9A-Z``.
        version: 版本号, 1-999.

    Returns:
        ``1.2.156.3005.2.<type>.<issuer>.<serial>.<version>.<check>``.

    Raises:
        ValidationFailed: a part does not follow the rules.
    """
    if not 1 <= version <= 999:
        raise ValidationFailed(
            msg("电子证照标识中的版本号应为3位数字（从001开始）"), code="elicence.version"
        )
    version_text = f"{version:03d}"
    _check_type_code(type_code)
    _check_issuer(issuer_code)
    _check_serial_and_version(serial, version_text)
    check = mod37_36_check_char(type_code + issuer_code + serial + version_text)
    return ".".join((ROOT_OID, type_code, issuer_code, serial, version_text, check))


def validate_identifier(value: str) -> str:
    """Validate a GB/T 36904 电子证照标识 and return it (surrounding blanks removed).

    Raises:
        ValidationFailed: malformed, wrong root, a bad part, or a wrong check character;
            the message says which, in words a clerk can act on.
    """
    text = value.strip()
    if not text.startswith(ROOT_OID + "."):
        if text.lower().startswith(ROOT_OID + "."):
            raise ValidationFailed(msg("电子证照标识应使用大写字母"), code="elicence.case")
        raise ValidationFailed(
            msg("这不是电子证照标识：应以 1.2.156.3005.2 开头"), code="elicence.prefix"
        )
    parts = text[len(ROOT_OID) + 1 :].split(".")
    if len(parts) != _PART_COUNT or not all(parts):
        raise ValidationFailed(
            msg("电子证照标识不完整：应由类型代码、颁发机构代码、流水号、版本号和校验位组成"),
            code="elicence.malformed",
        )
    if text != text.upper():
        raise ValidationFailed(msg("电子证照标识应使用大写字母"), code="elicence.case")
    type_code, issuer_code, serial, version, check = parts
    _check_type_code(type_code)
    _check_issuer(issuer_code)
    _check_serial_and_version(serial, version)
    if len(check) != 1 or check not in _ALPHABET:
        raise ValidationFailed(
            msg("电子证照标识的校验位应为1位数字或大写字母"), code="elicence.malformed"
        )
    if mod37_36_check_char(type_code + issuer_code + serial + version) != check:
        raise ValidationFailed(
            msg("电子证照标识校验位不正确，请核对后重新输入"), code="elicence.check"
        )
    return text


def identifier_type_code(identifier: str) -> str:
    """The 21-character 证照类型代码 inside a valid identifier."""
    return validate_identifier(identifier)[len(ROOT_OID) + 1 :].split(".")[0]


class ELicence(BaseModel):
    """One 电子证照 held by a citizen or an enterprise.

    Attributes:
        identifier: the GB/T 36904 证照标识, validated on construction.
        type_code: the catalog's :class:`core.catalog.ELicenceType` code
            (``"resident_id"`` …); materials name the same code.
        name: the licence's name as printed (居民身份证, 营业执照 …).
        holder_name: 持证主体 name.
        holder_id: 持证主体代码 — a 身份号码 or a 统一社会信用代码.
        number: 证照编号 as printed on the licence.
        issuer: 颁发机构 name.
        issued_on: 颁证日期.
        valid_until: last day of validity; ``None`` means 长期.
        data: fields usable to pre-fill forms (户籍地址, 民族, 婚姻状况 …).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    identifier: NonEmpty
    type_code: NonEmpty
    name: NonEmpty
    holder_name: NonEmpty
    holder_id: NonEmpty
    number: NonEmpty
    issuer: NonEmpty
    issued_on: _dt.date
    valid_until: _dt.date | None = None
    data: dict[str, str] = Field(default_factory=dict)

    @field_validator("identifier")
    @classmethod
    def _valid_identifier(cls, value: str) -> str:
        # ValidationFailed is not a ValueError; re-raise so pydantic reports the field.
        try:
            return validate_identifier(value)
        except ValidationFailed as exc:
            raise ValueError(exc.message) from None

    def is_valid_on(self, day: _dt.date) -> bool:
        """Whether the licence is in force on ``day`` (长期 licences always are)."""
        if day < self.issued_on:
            return False
        return self.valid_until is None or day <= self.valid_until

    @property
    def validity_text(self) -> str:
        """有效期 as printed: ``2020-05-01至2040-05-01`` or ``2020-05-01至长期``."""
        end = "长期" if self.valid_until is None else self.valid_until.isoformat()
        return f"{self.issued_on.isoformat()}至{end}"
