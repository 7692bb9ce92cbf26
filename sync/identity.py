"""居民码/企业码 on the terminal: offline verification, and online resolution.

Offline (:class:`OfflineVerifier`) is for low-risk uses such as 24-hour pickup when the
gateway cannot be reached: the signature is checked against the public keys synced in
the ``keys`` stream (``cache.db``), the expiry against the terminal clock with a small
skew allowance, and the code is recorded in ``journal.db`` (``identity_code_uses``) so
it is accepted once on this terminal. Offline the terminal learns only the holder's
opaque reference — never a name or an ID number; a pickup matches it against the
reference hash the gateway put in the pickup record.

Online (:func:`resolve_online`) asks the gateway, which checks single use across all
terminals and returns the identity and e-licences.

Every refusal raises a :class:`core.identity_code.CodeRefused` subclass and changes
nothing.
"""

from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

import requests
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from core.errors import Offline, UserFacingError
from core.identity_code import (
    DEFAULT_SKEW,
    Algorithm,
    CodeRefused,
    ExpiredCode,
    ForgedCode,
    MalformedCode,
    Purpose,
    ReplayedCode,
    RevokedHolder,
    SubjectKind,
    UnknownKey,
    parse,
)
from sync.protocol import ErrorBody, IdentityResolveRequest, ResolvedIdentity
from sync.store import Store

log = logging.getLogger(__name__)

Clock = Callable[[], _dt.datetime]


class OnlineOnly(CodeRefused):
    """The holder did not allow this code to be used offline."""

    def __init__(self) -> None:
        super().__init__(
            "该码仅限联网核验，终端暂时无法连接平台，请稍后再试或到窗口办理",
            code="code.online_only",
        )


@dataclass(frozen=True, slots=True)
class VerifiedCode:
    """A code accepted offline.

    Attributes:
        code_id: ``"<key id>:<nonce>"``, the same id the gateway's audit uses.
        kind: citizen or enterprise.
        subject_ref: the holder's opaque reference (hex).
        expires_at: when the code stops being valid.
    """

    code_id: str
    kind: SubjectKind
    subject_ref: str
    expires_at: _dt.datetime

    def matches(self, salt: str, ref_sha256: str) -> bool:
        """Whether a record hashed as ``sha256("<salt>:<subject_ref>")`` is this holder's."""
        digest = hashlib.sha256(f"{salt}:{self.subject_ref}".encode()).hexdigest()
        return digest == ref_sha256


def _time(text: object) -> _dt.datetime | None:
    if not isinstance(text, str) or not text:
        return None
    return _dt.datetime.fromisoformat(text)


class OfflineVerifier:
    """Verifies identity codes with the synced ``keys`` and a local replay cache.

    Args:
        store: the terminal's store (keys in its cache, the replay cache in its journal).
        clock: the terminal clock (aware datetimes).
        skew: how far the terminal clock may be off from the gateway's.
    """

    def __init__(self, *, store: Store, clock: Clock, skew: _dt.timedelta = DEFAULT_SKEW) -> None:
        self._store = store
        self._clock = clock
        self._skew = skew

    def _check(self, alg: Algorithm, key_id: str, message: bytes, signature: bytes) -> bool | None:
        doc = self._store.cached_doc("keys", key_id)
        if doc is None or doc.get("purpose") != "identity_code":
            return None
        until = _time(doc.get("verify_until"))
        if until is not None and self._clock() >= until:
            return None
        if alg is not Algorithm.ED25519 or doc.get("algorithm") != "ed25519":
            return None
        raw = str(doc.get("public_key", ""))
        try:
            key = Ed25519PublicKey.from_public_bytes(
                base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4))
            )
            key.verify(signature, message)
        except (ValueError, InvalidSignature):
            return False
        return True

    def verify(self, text: str, *, purpose: str = "pickup") -> VerifiedCode:
        """Accept a code offline, once.

        Raises:
            MalformedCode, UnknownKey, ForgedCode, ExpiredCode: as the names say.
            OnlineOnly: the holder allowed only online use of this code.
            ReplayedCode: this terminal accepted the code before.
        """
        code = parse(text)
        code.check_signature(self._check)
        now = self._clock()
        code.check_time(now, skew=self._skew)
        if not code.allows(Purpose.OFFLINE_LOW_RISK):
            raise OnlineOnly()
        code_id = f"{code.key_id_text}:{code.nonce_text}"
        with self._store.journal.transaction() as conn:
            conn.execute(
                "DELETE FROM identity_code_uses WHERE expires_at < ?",
                ((now - 2 * self._skew).astimezone(_dt.UTC).isoformat(),),
            )
            try:
                conn.execute(
                    "INSERT INTO identity_code_uses (code_id, used_at, expires_at, purpose)"
                    " VALUES (?, ?, ?, ?)",
                    (
                        code_id,
                        now.astimezone(_dt.UTC).isoformat(),
                        code.expires_at.astimezone(_dt.UTC).isoformat(),
                        purpose,
                    ),
                )
            except sqlite3.IntegrityError:
                raise ReplayedCode() from None
        log.info("identity code %s accepted offline (%s)", code_id, purpose)
        return VerifiedCode(code_id, code.kind, code.subject_ref_text, code.expires_at)


_REFUSALS: dict[str, Callable[[], CodeRefused]] = {
    "code.expired": ExpiredCode,
    "code.forged": ForgedCode,
    "code.replayed": ReplayedCode,
    "code.unknown_key": UnknownKey,
    "code.revoked_holder": RevokedHolder,
}


def resolve_online(
    session: requests.Session, base_url: str, text: str, *, purpose: str = "case"
) -> ResolvedIdentity:
    """Resolve a code through the gateway (``session`` signs requests, see DeviceAuth).

    Raises:
        CodeRefused: the gateway refused the code (same classes as offline).
        Offline: the gateway cannot be reached or answered with a server error.
        UserFacingError: any other refusal (e.g. the device was revoked).
    """
    body = IdentityResolveRequest(code=text, purpose=purpose)  # type: ignore[arg-type]
    try:
        r = session.post(
            base_url.rstrip("/") + "/v1/identity/resolve",
            data=body.model_dump_json(),
            headers={"Content-Type": "application/json"},
            timeout=(5, 30),
        )
    except requests.RequestException as exc:
        raise Offline("无法连接政务服务平台，请稍后再试") from exc
    if r.status_code == 200:
        return ResolvedIdentity.model_validate_json(r.content)
    if r.status_code >= 500:
        raise Offline("政务服务平台暂时无法处理，请稍后再试")
    try:
        error = ErrorBody.model_validate_json(r.content).error
    except ValueError:
        raise Offline("政务服务平台的应答无法识别，请稍后再试") from None
    if error.code == "code.malformed":
        raise MalformedCode(error.message, detail="gateway")
    refusal = _REFUSALS.get(error.code)
    if refusal is not None:
        raise refusal()
    raise UserFacingError(error.message, code=error.code)
