"""Verification codes printed on every paper, and the QR payload that carries them.

Scheme (version 1):

1. Each paper names its *key fields* — the values printed on it that matter (kind,
   number, time, hall, terminal, item, the masked personal data shown …) — as ordered
   ``(name, value)`` pairs.
2. The message is ``"GTV1" US kind US name=value RS name=value …`` (US = U+001F, RS =
   U+001E; values are NFC-normalised and stripped), encoded UTF-8.
3. ``HMAC-SHA256(secret, message)``; the first 40 bits, written in Crockford base32
   (digits and capitals without I, L, O, U), give 8 characters printed as ``XXXX-XXXX``.

Whoever holds the key (the hall and the platform) recomputes the code from what the
paper says: if any key field was altered, or the paper was made without the key, the
codes differ. 40 bits make a blind guess a one-in-a-trillion event, which is plenty for
a paper checked by a person or by scanning its QR. The key is passed in (per hall, from
the synced config), never hard-coded; ``key_id`` lets keys rotate.

The QR code carries ``GT1:<KIND>:<number>:<code>`` — upper-case, digits, ``-`` and ``:``
only, so it fits QR's alphanumeric mode and stays small — or, when a verification URL is
configured, ``<url>?t=<KIND>&n=<number>&c=<code>``.
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from core.errors import ValidationFailed, msg

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CODE_CHARS = 8
KeyFields = Sequence[tuple[str, str]]


@dataclass(frozen=True, slots=True)
class VerificationKey:
    """The hall's secret for paper verification codes.

    Attributes:
        key_id: names the key, so a rotated key can still verify older papers.
        secret: at least 16 bytes of key material.
    """

    key_id: str
    secret: bytes

    def __post_init__(self) -> None:
        if len(self.secret) < 16:
            raise ValidationFailed(msg("校验密钥长度不足（至少16字节）"), code="paper.key_short")


def _message(kind: str, fields: KeyFields) -> bytes:
    parts = [f"{name}={unicodedata.normalize('NFC', value).strip()}" for name, value in fields]
    return ("GTV1\x1f" + kind + "\x1f" + "\x1e".join(parts)).encode("utf-8")


def verification_code(key: VerificationKey, kind: str, fields: KeyFields) -> str:
    """The code printed on a paper, ``XXXX-XXXX``."""
    digest = hmac.new(key.secret, _message(kind, fields), hashlib.sha256).digest()
    value = int.from_bytes(digest[:5], "big")
    chars = "".join(_CROCKFORD[(value >> (5 * i)) & 31] for i in reversed(range(_CODE_CHARS)))
    return f"{chars[:4]}-{chars[4:]}"


def normalise_code(text: str) -> str:
    """A typed or scanned code in printed form: case, spaces and look-alikes forgiven."""
    raw = text.strip().upper().replace("-", "").replace(" ", "")
    raw = raw.translate(str.maketrans("OIL", "011"))
    if len(raw) != _CODE_CHARS or any(c not in _CROCKFORD for c in raw):
        raise ValidationFailed(
            msg("校验码应为8位数字或字母，请核对后重新输入"), code="paper.code_format"
        )
    return f"{raw[:4]}-{raw[4:]}"


def code_matches(key: VerificationKey, kind: str, fields: KeyFields, code: str) -> bool:
    """Whether ``code`` is the code of these key fields (constant-time comparison)."""
    try:
        given = normalise_code(code)
    except ValidationFailed:
        return False
    return hmac.compare_digest(verification_code(key, kind, fields), given)


def qr_payload(kind: str, number: str, code: str, *, url: str = "") -> str:
    """What a paper's QR code says: the paper kind, its number and its code."""
    if url:
        sep = "&" if "?" in url else "?"
        return url + sep + urlencode({"t": kind, "n": number, "c": code})
    return f"GT1:{kind}:{number}:{code}"


@dataclass(frozen=True, slots=True)
class ScannedPaper:
    """A paper's QR code, read back."""

    kind: str
    number: str
    code: str


def parse_qr_payload(text: str) -> ScannedPaper:
    """Read a paper QR code in the compact form (``GT1:KIND:number:code``).

    Raises:
        ValidationFailed: the text is not a govterm paper code.
    """
    parts = text.strip().split(":")
    if len(parts) != 4 or parts[0].upper() != "GT1" or not parts[1] or not parts[2]:
        raise ValidationFailed(msg("这不是本系统出具的凭证二维码"), code="paper.qr_format")
    return ScannedPaper(parts[1].upper(), parts[2], normalise_code(parts[3]))
