"""Check characters of the national identifiers the product handles.

- 公民身份号码 (GB 11643): 17 digits + ISO 7064 MOD 11-2 check character.
- 统一社会信用代码 (GB 32100): 17 characters + a MOD 31 check character.

Both validators return the normalised value or raise :class:`ValidationFailed` with a
message a citizen can act on. Neither ever puts the number itself in the message.
"""

from __future__ import annotations

import datetime as _dt
import re

from core.errors import ValidationFailed, msg

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID_RE = re.compile(r"^\d{17}[\dX]$")

_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_USCC_RE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")


def resident_id_check_char(first17: str) -> str:
    """The 18th character of a 身份号码 whose first 17 digits are given."""
    if len(first17) != 17 or not first17.isdigit():
        raise ValidationFailed(msg("身份证号码前17位应为数字"), code="id.format")
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def validate_resident_id(value: str) -> str:
    """Normalise and validate an 18-character 身份号码 (upper-case X)."""
    text = value.strip().upper()
    if not _ID_RE.match(text):
        raise ValidationFailed(msg("身份证号码应为18位，最后一位可为数字或X"), code="id.format")
    try:
        _dt.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        raise ValidationFailed(msg("身份证号码中的出生日期无效"), code="id.birthdate") from None
    if resident_id_check_char(text[:17]) != text[17]:
        raise ValidationFailed(msg("身份证号码校验位不正确，请核对后重新输入"), code="id.check")
    return text


def uscc_check_char(first17: str) -> str:
    """The 18th character of a 统一社会信用代码 whose first 17 characters are given."""
    text = first17.upper()
    if len(text) != 17 or any(c not in _USCC_CHARS for c in text):
        raise ValidationFailed(msg("统一社会信用代码含有无效字符"), code="uscc.format")
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(text, _USCC_WEIGHTS, strict=True))
    return _USCC_CHARS[(31 - total % 31) % 31]


def validate_uscc(value: str) -> str:
    """Normalise and validate an 18-character 统一社会信用代码."""
    text = value.strip().upper()
    if not _USCC_RE.match(text):
        raise ValidationFailed(msg("统一社会信用代码应为18位数字或大写字母"), code="uscc.format")
    if uscc_check_char(text[:17]) != text[17]:
        raise ValidationFailed(
            msg("统一社会信用代码校验位不正确，请核对后重新输入"), code="uscc.check"
        )
    return text
