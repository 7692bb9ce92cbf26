"""Masking personal data for screens, paper and logs.

One rule per kind of value, used everywhere so a citizen sees the same shape on the
kiosk, on the receipt and in the window client:

=================  =======================  ==========================================
what               example                  rule
=================  =======================  ==========================================
身份号码            ``371002********123X``   first 6 (region) and last 4 kept
统一社会信用代码    ``913710********462X``   same shape as an ID number
手机号码            ``138****5678``          first 3 and last 4 kept
固定电话            ``0631-****234``         area code and last 3 kept
姓名                ``张*``, ``欧阳**``       surname kept (compound surnames too)
=================  =======================  ==========================================

Masking never raises: it runs on log lines and printouts, where losing the line would
be worse than masking too much. Anything that does not look like the expected value is
masked completely.
"""

from __future__ import annotations

import re

STAR = "*"

_COMPOUND_SURNAMES = frozenset(
    (
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
        "宇文", "司徒", "夏侯", "轩辕", "令狐", "端木", "南宫", "西门", "独孤", "百里",
        "呼延", "东郭", "申屠", "公羊", "澹台", "太史", "万俟", "闻人", "赫连", "拓跋",
        "钟离", "濮阳", "淳于", "单于", "司空", "左丘", "第五", "谷梁", "公冶", "乐正",
        "漆雕", "梁丘", "宗政", "东门", "公良", "仲孙", "叱干",
    )
)

# Boundaries: an identifier is not part of a longer run of letters or digits.
_ALNUM_BEFORE = r"(?<![0-9A-Za-z])"
_ALNUM_AFTER = r"(?![0-9A-Za-z])"
_ID_IN_TEXT = re.compile(_ALNUM_BEFORE + r"\d{17}[\dXx]" + _ALNUM_AFTER)
_USCC_IN_TEXT = re.compile(
    _ALNUM_BEFORE + r"[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}" + _ALNUM_AFTER
)
_MOBILE_IN_TEXT = re.compile(
    r"(?<![\d*])(?P<cc>(?:\+|00)?86[- ]?)?(?P<num>1[3-9]\d[- ]?\d{4}[- ]?\d{4})(?![\d*])"
)
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^(?P<area>0\d{2,3})[- ]?(?P<local>\d{7,8})(?:-(?P<ext>\d{1,6}))?$")


def _stars(n: int) -> str:
    return STAR * max(n, 0)


def _keep_ends(text: str, head: int, tail: int) -> str:
    if len(text) <= head + tail:
        return _stars(len(text))
    return text[:head] + _stars(len(text) - head - tail) + text[len(text) - tail :]


def mask_id_number(value: str | None) -> str:
    """``371002199001011234`` → ``371002********1234``.

    Old 15-digit numbers keep the same ends (``371002*****1234``); anything shorter
    than 15 characters is masked completely.
    """
    text = (value or "").strip().upper()
    if len(text) < 15:
        return _stars(len(text))
    return _keep_ends(text, 6, 4)


def mask_uscc(value: str | None) -> str:
    """``91371000MA3C4XXX2X`` → ``913710********XX2X`` (same shape as an ID number)."""
    text = (value or "").strip().upper()
    if len(text) != 18:
        return _stars(len(text))
    return _keep_ends(text, 6, 4)


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def mask_phone(value: str | None) -> str:
    """``13812345678`` → ``138****5678``; ``0631-5201234`` → ``0631-****234``.

    Spaces, hyphens and a ``+86`` prefix are accepted on mobile numbers; the result is
    always the bare masked number.
    """
    text = (value or "").strip()
    if not text:
        return ""
    digits = _digits(text)
    for prefix in ("0086", "86"):
        if len(digits) == 11 + len(prefix) and digits.startswith(prefix):
            digits = digits[len(prefix) :]
    if _MOBILE.match(digits):
        return digits[:3] + _stars(4) + digits[7:]
    landline = _LANDLINE.match(text)
    if landline:
        local = landline["local"]
        masked = landline["area"] + "-" + _stars(len(local) - 3) + local[-3:]
        return masked + ("-" + landline["ext"] if landline["ext"] else "")
    if len(digits) >= 7:
        return _stars(len(digits) - 3) + digits[-3:]
    return _stars(len(text))


def _mask_word(word: str, keep: int) -> str:
    return word[:keep] + _stars(len(word) - keep)


def mask_name(value: str | None) -> str:
    """``张三`` → ``张*``; ``欧阳娜娜`` → ``欧阳**``; ``李小明`` → ``李**``.

    Names written with a middle dot (``买买提·艾力``) keep the first character of each
    part (``买**·艾*``); Latin names keep each word's initial (``J*** S****``).
    """
    text = " ".join((value or "").split())
    if not text:
        return ""
    if len(text) == 1:
        return STAR
    for dot in ("·", "•", "・", "."):
        if dot in text and not text.isascii():
            return dot.join(_mask_word(part, 1) for part in text.split(dot))
    if text.isascii():
        return " ".join(_mask_word(word, 1) for word in text.split(" "))
    keep = 2 if text[:2] in _COMPOUND_SURNAMES and len(text) > 2 else 1
    return _mask_word(text, keep)


def _mask_mobile_match(match: re.Match[str]) -> str:
    return (match["cc"] or "") + mask_phone(match["num"])


def scrub(text: str) -> str:
    """Mask every ID number, USCC and mobile number found in free text.

    Meant for log lines and free-text notes. An 18-character run that looks like an ID
    number is masked even if its check character is wrong: a mistyped ID number is
    still personal data.
    """
    if not text:
        return text
    out = _ID_IN_TEXT.sub(lambda m: mask_id_number(m[0]), text)
    out = _USCC_IN_TEXT.sub(lambda m: mask_uscc(m[0]), out)
    return _MOBILE_IN_TEXT.sub(_mask_mobile_match, out)
