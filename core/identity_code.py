"""居民码 / 企业码: the signed identity token a citizen shows on their phone.

The token is a compact binary payload followed by its signature, encoded with base45
(RFC 9285) behind the prefix ``GT1:``. Base45 only uses characters of the QR code's
alphanumeric mode, so a whole code fits a version 6 QR code at error correction M —
dense codes on a phone held at arm's length are what kiosk cameras fail to read.

Payload layout (big-endian, 33 bytes + the subject reference)::

    offset size  field
    0      1     version            (1)
    1      1     algorithm          (1 = Ed25519; 2 = SM2, reserved)
    2      4     key id             (which gateway key signed it; published in ``keys``)
    6      1     subject kind       (1 = citizen 居民, 2 = enterprise 企业)
    7      1     purposes           (bit flags, see :class:`Purpose`)
    8      4     issued at          (minutes since 1970-01-01 UTC)
    12     2     valid for          (minutes, 1 … 1440)
    14     8     nonce              (random; a code is accepted once)
    22     1     subject ref length (1 … 32)
    23     n     subject ref        (an opaque gateway handle — never an ID number)
    23+n   64    signature          (over bytes 0 … 22+n)

The subject reference is a random handle the gateway maps to the holder, so a
photographed code tells nobody who its holder is. This module parses, encodes and
checks times; the signature itself is checked by a callback (:data:`SignatureCheck`)
so the domain stays free of crypto libraries.
"""

from __future__ import annotations

import datetime as _dt
import struct
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import IntEnum, IntFlag

from core.errors import ValidationFailed, msg

PREFIX = "GT1:"
"""What a scanned text starts with when it is one of our identity codes."""

VERSION = 1
MAX_SUBJECT_REF = 32
MAX_VALID_MINUTES = 24 * 60
DEFAULT_SKEW = _dt.timedelta(minutes=2)
"""How far a terminal's clock may be off before a fresh code looks expired or future."""

_HEAD = struct.Struct(">BBIBBIH8sB")  # everything up to and including the ref length
_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.UTC)

_B45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_B45_INDEX = {c: i for i, c in enumerate(_B45)}


class Algorithm(IntEnum):
    """Signature algorithms a code may name."""

    ED25519 = 1
    SM2 = 2  # reserved: GM/T 0003 with r‖s (64 bytes); no verifier ships yet


SIGNATURE_LENGTH: dict[Algorithm, int] = {Algorithm.ED25519: 64, Algorithm.SM2: 64}


class SubjectKind(IntEnum):
    """Whose code it is."""

    CITIZEN = 1  # 居民码
    ENTERPRISE = 2  # 企业码

    @property
    def label(self) -> str:
        return "居民码" if self is SubjectKind.CITIZEN else "企业码"


class Purpose(IntFlag):
    """What the holder's app allowed this code to be used for."""

    NONE = 0
    OFFLINE_LOW_RISK = 1  # a terminal may accept it offline for low-risk uses (取件)
    PREFILL = 2  # forms may be pre-filled from the holder's data (表单预填)
    ELICENCES = 4  # the holder's e-licences may replace paper (免提交)


# ---------------------------------------------------------------------- refusals


class CodeRefused(ValidationFailed):
    """A code that must not be accepted; ``code`` says why (stable, for tests and UI)."""


class MalformedCode(CodeRefused):
    """Not a readable identity code (``code.malformed``); ``params['detail']`` says how."""

    def __init__(self, message: str, *, detail: str) -> None:
        super().__init__(message, code="code.malformed", detail=detail)
        self.detail = detail


class ExpiredCode(CodeRefused):
    """Past its expiry (or issued in the future beyond the clock skew)."""

    def __init__(self, message: str = "") -> None:
        super().__init__(
            message or msg("该码已过期，请在手机上刷新后重新出示"), code="code.expired"
        )


class ForgedCode(CodeRefused):
    """The signature does not verify: altered or not issued by the platform."""

    def __init__(self) -> None:
        super().__init__(
            msg("该码无法通过验证（可能被篡改或伪造），请出示手机上的实时码"), code="code.forged"
        )


class ReplayedCode(CodeRefused):
    """The code was already used once."""

    def __init__(self) -> None:
        super().__init__(msg("该码已使用过，请在手机上刷新后重新出示"), code="code.replayed")


class UnknownKey(CodeRefused):
    """Signed by a key this verifier does not (or no longer) know."""

    def __init__(self) -> None:
        super().__init__(
            msg("无法识别该码的签发密钥，请刷新手机上的码；如仍不行请到窗口办理"),
            code="code.unknown_key",
        )


class RevokedHolder(CodeRefused):
    """The holder's codes were revoked (lost phone, cancelled enterprise …)."""

    def __init__(self) -> None:
        super().__init__(
            msg("该码对应的身份已停用，请到窗口核验身份"), code="code.revoked_holder"
        )


# ------------------------------------------------------------------------ base45


def base45_encode(data: bytes) -> str:
    """RFC 9285 base45: two bytes → three characters, a last odd byte → two."""
    out: list[str] = []
    for i in range(0, len(data) - 1, 2):
        n = data[i] * 256 + data[i + 1]
        c, n = n % 45, n // 45
        d, e = n % 45, n // 45
        out.extend((_B45[c], _B45[d], _B45[e]))
    if len(data) % 2:
        n = data[-1]
        out.extend((_B45[n % 45], _B45[n // 45]))
    return "".join(out)


def base45_decode(text: str) -> bytes:
    """Inverse of :func:`base45_encode`.

    Raises:
        MalformedCode: a character outside the alphabet, a dangling character, or a
            triple whose value does not fit two bytes.
    """
    try:
        values = [_B45_INDEX[c] for c in text]
    except KeyError:
        raise MalformedCode(
            msg("这不是居民码或企业码（含有无法识别的字符）"), detail="base45"
        ) from None
    if len(values) % 3 == 1:
        raise MalformedCode(msg("码内容不完整，请重新扫码"), detail="truncated")
    out = bytearray()
    for i in range(0, len(values), 3):
        chunk = values[i : i + 3]
        if len(chunk) == 3:
            n = chunk[0] + chunk[1] * 45 + chunk[2] * 45 * 45
            if n > 0xFFFF:
                raise MalformedCode(msg("这不是居民码或企业码（编码无效）"), detail="base45")
            out.extend(divmod(n, 256))
        else:
            n = chunk[0] + chunk[1] * 45
            if n > 0xFF:
                raise MalformedCode(msg("这不是居民码或企业码（编码无效）"), detail="base45")
            out.append(n)
    return bytes(out)


# ------------------------------------------------------------------------- token


def _minutes(moment: _dt.datetime) -> int:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("identity codes need timezone-aware times")
    return int((moment - _EPOCH).total_seconds() // 60)


@dataclass(frozen=True, slots=True)
class IdentityCode:
    """One 居民码/企业码 token, parsed or about to be encoded.

    Attributes:
        key_id: the signing key's id (32 bits), shown as 8 hex digits in ``keys``.
        kind: citizen or enterprise.
        subject_ref: the gateway's opaque handle of the holder (1–32 bytes).
        issued_minute: minutes since the unix epoch (UTC) when it was issued.
        valid_minutes: how long it is good for.
        nonce: 8 random bytes; with ``key_id`` it names this code for replay checks.
        purposes: what it may be used for.
        algorithm: the signature algorithm.
        signature: empty until signed.
        version: the format version (1).
    """

    key_id: int
    kind: SubjectKind
    subject_ref: bytes
    issued_minute: int
    valid_minutes: int
    nonce: bytes
    purposes: Purpose = Purpose.OFFLINE_LOW_RISK | Purpose.PREFILL | Purpose.ELICENCES
    algorithm: Algorithm = Algorithm.ED25519
    signature: bytes = b""
    version: int = VERSION

    def __post_init__(self) -> None:
        if not 0 <= self.key_id <= 0xFFFFFFFF:
            raise ValueError("key id must fit 32 bits")
        if not 1 <= len(self.subject_ref) <= MAX_SUBJECT_REF:
            raise ValueError("subject ref must be 1..32 bytes")
        if len(self.nonce) != 8:
            raise ValueError("nonce must be 8 bytes")
        if not 1 <= self.valid_minutes <= MAX_VALID_MINUTES:
            raise ValueError("a code is valid for 1..1440 minutes")
        if not 0 <= self.issued_minute <= 0xFFFFFFFF:
            raise ValueError("issue time out of range")

    @classmethod
    def new(  # noqa: PLR0913 - every field of the token
        cls,
        *,
        key_id: int,
        kind: SubjectKind,
        subject_ref: bytes,
        issued_at: _dt.datetime,
        valid_minutes: int,
        nonce: bytes,
        purposes: Purpose = Purpose.OFFLINE_LOW_RISK | Purpose.PREFILL | Purpose.ELICENCES,
        algorithm: Algorithm = Algorithm.ED25519,
    ) -> IdentityCode:
        """An unsigned code issued at ``issued_at`` (rounded down to the minute)."""
        return cls(
            key_id=key_id,
            kind=kind,
            subject_ref=subject_ref,
            issued_minute=_minutes(issued_at),
            valid_minutes=valid_minutes,
            nonce=nonce,
            purposes=purposes,
            algorithm=algorithm,
        )

    # ---- views ----------------------------------------------------------------------

    @property
    def issued_at(self) -> _dt.datetime:
        return _EPOCH + _dt.timedelta(minutes=self.issued_minute)

    @property
    def expires_at(self) -> _dt.datetime:
        return self.issued_at + _dt.timedelta(minutes=self.valid_minutes)

    @property
    def key_id_text(self) -> str:
        """The key id as published in the ``keys`` stream: 8 lower-case hex digits."""
        return f"{self.key_id:08x}"

    @property
    def nonce_text(self) -> str:
        return self.nonce.hex()

    @property
    def subject_ref_text(self) -> str:
        return self.subject_ref.hex()

    def allows(self, purpose: Purpose) -> bool:
        return purpose in self.purposes

    # ---- bytes ----------------------------------------------------------------------

    def signed_bytes(self) -> bytes:
        """The exact bytes the signature covers (the whole payload before it)."""
        head = _HEAD.pack(
            self.version,
            int(self.algorithm),
            self.key_id,
            int(self.kind),
            int(self.purposes),
            self.issued_minute,
            self.valid_minutes,
            self.nonce,
            len(self.subject_ref),
        )
        return head + self.subject_ref

    def with_signature(self, signature: bytes) -> IdentityCode:
        """This code, signed.

        Raises:
            ValueError: the signature has the wrong length for the algorithm.
        """
        if len(signature) != SIGNATURE_LENGTH[self.algorithm]:
            raise ValueError("signature length does not match the algorithm")
        return replace(self, signature=signature)

    def encode(self) -> str:
        """The text to put in the QR code: ``GT1:`` + base45(payload ‖ signature).

        Raises:
            ValueError: the code is not signed yet.
        """
        if not self.signature:
            raise ValueError("sign the code before encoding it")
        return PREFIX + base45_encode(self.signed_bytes() + self.signature)

    # ---- checks ---------------------------------------------------------------------

    def check_time(self, now: _dt.datetime, *, skew: _dt.timedelta = DEFAULT_SKEW) -> None:
        """Refuse a code that has expired or claims to be issued in the future.

        Args:
            now: the verifier's clock (aware).
            skew: how far that clock may be off from the issuer's.

        Raises:
            ExpiredCode: outside ``[issued_at - skew, expires_at + skew)``.
        """
        if now >= self.expires_at + skew:
            raise ExpiredCode()
        if now < self.issued_at - skew:
            raise ExpiredCode(msg("该码的签发时间晚于本机时间，请核对终端时钟或刷新手机上的码"))

    def check_signature(self, check: SignatureCheck) -> None:
        """Verify the signature with ``check``.

        Raises:
            UnknownKey: ``check`` does not know the key (it returns ``None``).
            ForgedCode: the signature does not verify.
        """
        verdict = check(self.algorithm, self.key_id_text, self.signed_bytes(), self.signature)
        if verdict is None:
            raise UnknownKey()
        if not verdict:
            raise ForgedCode()


SignatureCheck = Callable[[Algorithm, str, bytes, bytes], bool | None]
"""``(algorithm, key_id_text, message, signature) → True | False | None (unknown key)``."""


def looks_like_code(text: str) -> bool:
    """Whether a scanned text is meant to be one of our codes (cheap prefix test)."""
    return text.strip().upper().startswith(PREFIX)


def parse(text: str) -> IdentityCode:
    """Read a scanned text into an :class:`IdentityCode` (its signature is not checked).

    Raises:
        MalformedCode: wrong prefix (another QR code, a URL …), bad base45, truncated,
            trailing bytes, an unknown version, algorithm or subject kind, or fields out
            of range. ``detail`` names which.
    """
    raw_text = text.strip()
    if not raw_text.upper().startswith(PREFIX):
        raise MalformedCode(
            msg("这不是居民码或企业码，请出示手机上“爱山东”中的居民码/企业码"), detail="prefix"
        )
    data = base45_decode(raw_text[len(PREFIX) :])
    if not data:
        raise MalformedCode(msg("码内容不完整，请重新扫码"), detail="truncated")
    if data[0] != VERSION:
        raise MalformedCode(
            msg("该码的版本本终端不支持，请升级终端程序或到窗口办理"), detail="version"
        )
    if len(data) < _HEAD.size:
        raise MalformedCode(msg("码内容不完整，请重新扫码"), detail="truncated")
    version, alg, key_id, kind, purposes, issued, valid, nonce, ref_len = _HEAD.unpack_from(data)
    try:
        algorithm = Algorithm(alg)
    except ValueError:
        raise MalformedCode(msg("该码使用了本终端不支持的签名算法"), detail="algorithm") from None
    try:
        subject = SubjectKind(kind)
    except ValueError:
        raise MalformedCode(msg("该码的类型无法识别"), detail="kind") from None
    if not 1 <= ref_len <= MAX_SUBJECT_REF or not 1 <= valid <= MAX_VALID_MINUTES:
        raise MalformedCode(msg("码内容无效，请刷新后重新出示"), detail="field")
    end_ref = _HEAD.size + ref_len
    expected = end_ref + SIGNATURE_LENGTH[algorithm]
    if len(data) < expected:
        raise MalformedCode(msg("码内容不完整，请重新扫码"), detail="truncated")
    if len(data) > expected:
        raise MalformedCode(msg("码内容无效（多余数据），请刷新后重新出示"), detail="trailing")
    return IdentityCode(
        key_id=key_id,
        kind=subject,
        subject_ref=data[_HEAD.size : end_ref],
        issued_minute=issued,
        valid_minutes=valid,
        nonce=nonce,
        # Unknown bits are kept: they are signed, and a newer issuer may set them.
        purposes=Purpose(purposes),
        algorithm=algorithm,
        signature=data[end_ref:expected],
        version=version,
    )
