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
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import requests
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from core.elicence import ELicence
from core.errors import Offline, UserFacingError, ValidationFailed, msg
from core.holders import Citizen, Enterprise
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
from sync.auth import DeviceAuth
from sync.protocol import ErrorBody, IdentityResolveRequest, ResolvedIdentity
from sync.signed_http import kept_enrolment
from sync.store import Store

log = logging.getLogger(__name__)

Clock = Callable[[], _dt.datetime]

_CITIZEN_FIELDS = ("性别", "民族", "出生日期", "户籍地址", "居住地址", "联系电话")
_ENTERPRISE_FIELDS = (
    "法定代表人身份号码", "企业类型", "注册资本", "住所", "经营范围", "成立日期", "联系电话"
)


class NoPrefill(ValidationFailed):
    """The holder's app did not allow form pre-fill for this code."""

    def __init__(self) -> None:
        super().__init__(
            msg("该码未授权填表信息，无法自助申请。请在手机上允许“表单预填”后重新出示，或到窗口办理"),
            code="code.no_prefill",
        )


def holder_from_resolved(resolved: ResolvedIdentity) -> Citizen | Enterprise:
    """The resolved identity as the domain's holder, with its e-licences.

    Raises:
        NoPrefill: the code did not carry the data a form needs.
    """
    data = resolved.prefill
    licences = tuple(
        ELicence(
            identifier=lic.identifier,
            type_code=lic.type_code,
            name=lic.name,
            holder_name=resolved.name,
            holder_id=resolved.id_number,
            number=lic.number,
            issuer=lic.issuer,
            issued_on=_dt.date.fromisoformat(lic.issued_on),
            valid_until=_dt.date.fromisoformat(lic.valid_until) if lic.valid_until else None,
            data=dict(lic.data),
        )
        for lic in resolved.licences
    )
    try:
        if resolved.kind == "citizen":
            if any(not data.get(k) for k in _CITIZEN_FIELDS):
                raise NoPrefill()
            return Citizen(
                name=resolved.name,
                id_number=resolved.id_number,
                gender=data["性别"],
                ethnicity=data["民族"],
                birth_date=_dt.date.fromisoformat(data["出生日期"]),
                household_address=data["户籍地址"],
                residence_address=data["居住地址"],
                phone=data["联系电话"],
                licences=licences,
            )
        if any(not data.get(k) for k in _ENTERPRISE_FIELDS):
            raise NoPrefill()
        return Enterprise(
            uscc=resolved.id_number,
            name=resolved.name,
            legal_representative=resolved.legal_representative or data.get("法定代表人", ""),
            legal_rep_id_number=data["法定代表人身份号码"],
            type=data["企业类型"],
            registered_capital=data["注册资本"],
            address=data["住所"],
            business_scope=data["经营范围"],
            established_on=_dt.date.fromisoformat(data["成立日期"]),
            phone=data["联系电话"],
            licences=licences,
        )
    except ValueError:
        # the platform's data does not pass our own checks: not the citizen's fault
        log.warning("resolved identity failed validation (%s)", resolved.kind)
        raise UserFacingError(
            msg("平台返回的身份信息不完整，请到窗口办理"), code="code.bad_identity"
        ) from None



class OnlineOnly(CodeRefused):
    """The holder did not allow this code to be used offline."""

    def __init__(self) -> None:
        super().__init__(
            msg("该码仅限联网核验，终端暂时无法连接平台，请稍后再试或到窗口办理"),
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
        raise Offline(msg("无法连接政务服务平台，请稍后再试")) from exc
    if r.status_code == 200:
        return ResolvedIdentity.model_validate_json(r.content)
    if r.status_code >= 500:
        raise Offline(msg("政务服务平台暂时无法处理，请稍后再试"))
    try:
        error = ErrorBody.model_validate_json(r.content).error
    except ValueError:
        raise Offline(msg("政务服务平台的应答无法识别，请稍后再试")) from None
    if error.code == "code.malformed":
        raise MalformedCode(error.text(), detail="gateway")
    refusal = _REFUSALS.get(error.code)
    if refusal is not None:
        raise refusal()
    raise UserFacingError(error.text(), code=error.code)


NOT_ENROLLED = msg("本终端尚未注册到前置机，居民码/企业码暂不能联网核验；注册完成后自动恢复")


class EnrolledResolver:
    """Resolves 居民码/企业码 online with the device credential kept by enrolment.

    Enrolment finishes on a background thread after the window is built (and staff may
    re-enrol), so the credential is read on each call (:func:`sync.engine.load_enrolment`)
    and the signed session is rebuilt when it changes.

    Args:
        data_dir: where enrolment keeps the device credential.
        gateway_url: the configured gateway; ``""`` = the one the enrolment names.
        clock: unix seconds for signatures.
        verify: ``True``, or the path of a custom CA bundle.
    """

    def __init__(
        self,
        *,
        data_dir: Path,
        gateway_url: str = "",
        clock: Callable[[], float] = time.time,
        verify: bool | str = True,
    ) -> None:
        self._data_dir = data_dir
        self._url = gateway_url
        self._clock = clock
        self._verify = verify
        self._lock = threading.Lock()
        self._session: requests.Session | None = None
        self._key: tuple[str, str, str] | None = None

    def _signed(self) -> tuple[requests.Session, str]:
        url, credential = kept_enrolment(self._data_dir, self._url, not_enrolled=NOT_ENROLLED)
        key = (url, credential.device_id, credential.secret)
        with self._lock:
            if self._session is None or key != self._key:
                if self._session is not None:
                    self._session.close()
                session = requests.Session()
                session.auth = DeviceAuth(
                    device_id=credential.device_id, secret=credential.secret, clock=self._clock
                )
                session.verify = self._verify
                # Like the sync transport: REQUESTS_CA_BUNDLE in the environment must not
                # replace the configured [gateway] ca_bundle (psf/requests#3829).
                session.trust_env = False
                self._session, self._key = session, key
            return self._session, url

    def __call__(self, text: str) -> Citizen | Enterprise:
        """The holder of a scanned code, with e-licences (see :func:`resolve_online`)."""
        session, url = self._signed()
        with self._lock:  # one requests.Session, several pool threads
            resolved = resolve_online(session, url, text, purpose="case")
        return holder_from_resolved(resolved)

    def close(self) -> None:
        with self._lock:
            session, self._session, self._key = self._session, None, None
        if session is not None:
            session.close()

