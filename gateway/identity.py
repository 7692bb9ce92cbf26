"""居民码/企业码 on the gateway: the holders behind codes, issuing, and resolving.

- **Holders.** Each citizen or enterprise gets a random 10-byte *subject reference*
  the first time it is published (:meth:`IdentityService.publish_holders`). Codes carry
  that handle instead of an ID number, so a photographed code tells nobody who its
  holder is. The reference stays the same across publishes (a terminal's pickup
  records may name it); a holder left out of a later publish is revoked.
- **Issuing** (:meth:`IdentityService.issue`) is what the holder's app does in
  production; here it serves the demo and the tests (``govterm gateway codes issue``,
  ``POST /v1/admin/identity/codes``).
- **Resolving** (:meth:`IdentityService.resolve`, ``POST /v1/identity/resolve``):
  signature, expiry, then — in one write transaction — the holder (revoked?), the
  code's single use (``identity_uses`` keyed on key id + nonce: the primary key makes
  a replay fail even when two gateway processes race) and an audit row. Any refusal
  rolls the transaction back: nothing changes.
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypeVar

import qrcode
import qrcode.constants
from pydantic import ValidationError as PydanticError

from core.clock import hall_date
from core.errors import ValidationFailed, msg
from core.holders import Citizen, Enterprise
from core.identity_code import (
    DEFAULT_SKEW,
    Algorithm,
    IdentityCode,
    Purpose,
    ReplayedCode,
    RevokedHolder,
    SubjectKind,
    parse,
)
from core.masking import mask_id_number, mask_name, mask_phone, mask_uscc
from gateway.db import Tx
from gateway.keys import KeyRing
from gateway.store import DeviceRecord, GatewayStore
from sync.protocol import DemoCode, ResolvedIdentity, ResolvedLicence

log = logging.getLogger(__name__)

SUBJECT_REF_BYTES = 10
DEFAULT_MINUTES = 5

SCHEMA = """
CREATE TABLE IF NOT EXISTS identity_holders (
    ref TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    holder_key TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    doc TEXT NOT NULL,
    published_at DOUBLE PRECISION NOT NULL,
    revoked_at DOUBLE PRECISION
);
CREATE TABLE IF NOT EXISTS identity_uses (
    key_id TEXT NOT NULL,
    nonce TEXT NOT NULL,
    used_at DOUBLE PRECISION NOT NULL,
    expires_at DOUBLE PRECISION NOT NULL,
    device_id TEXT NOT NULL,
    PRIMARY KEY (key_id, nonce)
);
CREATE TABLE IF NOT EXISTS identity_audit (
    entry_id TEXT PRIMARY KEY,
    at DOUBLE PRECISION NOT NULL,
    device_id TEXT NOT NULL,
    hall_id TEXT NOT NULL,
    code_id TEXT NOT NULL,
    subject_ref TEXT NOT NULL,
    kind TEXT NOT NULL,
    purpose TEXT NOT NULL
);
"""

Kind = Literal["citizen", "enterprise"]
H = TypeVar("H", Citizen, Enterprise)
_KINDS: dict[Kind, SubjectKind] = {
    "citizen": SubjectKind.CITIZEN,
    "enterprise": SubjectKind.ENTERPRISE,
}


class HolderNotFound(ValidationFailed):
    """No published holder matches what the operator typed."""


@dataclass(frozen=True, slots=True)
class HolderReport:
    """What :meth:`IdentityService.publish_holders` did."""

    added: int
    updated: int
    revoked: int


@dataclass(frozen=True, slots=True)
class HolderRow:
    ref: str
    kind: Kind
    holder: Citizen | Enterprise
    revoked: bool


def _holder_key(holder: Citizen | Enterprise) -> str:
    return holder.id_number if isinstance(holder, Citizen) else holder.uscc


class IdentityService:
    """Holders, issuing and resolving of identity codes.

    Args:
        store: the gateway store (database, clock).
        keys: the signing key ring.
    """

    def __init__(self, *, store: GatewayStore, keys: KeyRing) -> None:
        self._store = store
        self.keys = keys
        store.db.script(SCHEMA)

    # ------------------------------------------------------------------ holders

    def publish_holders(
        self, citizens: Sequence[Citizen], enterprises: Sequence[Enterprise]
    ) -> HolderReport:
        """Make the published holders exactly these; keep each one's reference.

        Holders missing from this publish are revoked (their codes are refused with
        ``code.revoked_holder``); a revoked holder published again is restored.
        """
        now = self._store.now()
        added = updated = 0
        seen: set[str] = set()
        entries: list[tuple[Kind, int, Citizen | Enterprise]] = [
            *(("citizen", n, c) for n, c in enumerate(citizens, start=1)),
            *(("enterprise", n, e) for n, e in enumerate(enterprises, start=1)),
        ]
        with self._store.db.write() as tx:
            for kind, position, holder in entries:
                key = _holder_key(holder)
                seen.add(key)
                doc = holder.model_dump_json()
                row = tx.one("SELECT ref FROM identity_holders WHERE holder_key = ?", (key,))
                if row is None:
                    tx.execute(
                        "INSERT INTO identity_holders (ref, kind, holder_key, position, name,"
                        " doc, published_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (self._new_ref(tx), kind, key, position, holder.name, doc, now),
                    )
                    added += 1
                else:
                    tx.execute(
                        "UPDATE identity_holders SET kind = ?, position = ?, name = ?, doc = ?,"
                        " published_at = ?, revoked_at = NULL WHERE ref = ?",
                        (kind, position, holder.name, doc, now, row[0]),
                    )
                    updated += 1
            revoked = 0
            for ref, key in tx.all(
                "SELECT ref, holder_key FROM identity_holders WHERE revoked_at IS NULL"
            ):
                if key not in seen:
                    revoked += tx.execute(
                        "UPDATE identity_holders SET revoked_at = ? WHERE ref = ?", (now, ref)
                    )
        # Terminals need the public key before the first code is shown.
        self.keys.ensure_current()
        log.info("identity holders published: +%d ~%d revoked %d", added, updated, revoked)
        return HolderReport(added, updated, revoked)

    @staticmethod
    def _new_ref(tx: Tx) -> str:
        while True:
            ref = secrets.token_hex(SUBJECT_REF_BYTES)
            if tx.one("SELECT 1 FROM identity_holders WHERE ref = ?", (ref,)) is None:
                return ref

    def revoke_holder(self, kind: Kind, selector: str) -> bool:
        """Stop every code of one holder at once (lost phone, cancelled enterprise)."""
        row = self.find(kind, selector)
        with self._store.db.write() as tx:
            changed = tx.execute(
                "UPDATE identity_holders SET revoked_at = ? WHERE ref = ? AND revoked_at IS NULL",
                (self._store.now(), row.ref),
            )
        return changed > 0

    def holders(self, kind: Kind) -> list[HolderRow]:
        """Published holders of a kind in their published order (revoked ones too)."""
        with self._store.db.read() as tx:
            rows = tx.all(
                "SELECT ref, kind, doc, revoked_at FROM identity_holders WHERE kind = ?"
                " ORDER BY position",
                (kind,),
            )
        return [self._row(r) for r in rows]

    @staticmethod
    def _row(r: tuple[object, ...]) -> HolderRow:
        kind: Kind = "citizen" if r[1] == "citizen" else "enterprise"
        model = Citizen if kind == "citizen" else Enterprise
        return HolderRow(str(r[0]), kind, model.model_validate_json(str(r[2])), r[3] is not None)

    def find(self, kind: Kind, selector: str) -> HolderRow:
        """A holder by name, 1-based position, ID number or USCC.

        Raises:
            HolderNotFound: none, or a name shared by several holders.
        """
        wanted = selector.strip()
        rows = self.holders(kind)
        if wanted.isdigit() and len(wanted) <= 4:
            index = int(wanted)
            if 1 <= index <= len(rows):
                return rows[index - 1]
        by_key = [r for r in rows if _holder_key(r.holder) == wanted.upper()]
        by_name = [r for r in rows if r.holder.name == wanted]
        matches = by_key or by_name
        label = "居民" if kind == "citizen" else "企业"
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise HolderNotFound(
                msg(
                    "没有找到{label}“{name}”（可用姓名/名称、序号或证件号码）",
                    label=label,
                    name=mask_name(wanted),
                ),
                code="holder.unknown",
            )
        raise HolderNotFound(
            msg("有多个同名{label}，请用序号或证件号码指定", label=label), code="holder.ambiguous"
        )

    # ------------------------------------------------------------------ issuing

    def issue(
        self,
        kind: Kind,
        selector: str,
        *,
        minutes: int = DEFAULT_MINUTES,
        offline: bool = True,
    ) -> tuple[IdentityCode, HolderRow]:
        """A fresh signed code for a published holder (what the holder's app shows).

        Raises:
            HolderNotFound: no such holder.
            ValidationFailed: the holder is revoked, or ``minutes`` is out of range.
        """
        row = self.find(kind, selector)
        if row.revoked:
            raise ValidationFailed(msg("该身份已停用，不能出示码"), code="holder.revoked")
        if not 1 <= minutes <= 24 * 60:
            raise ValidationFailed(msg("有效期应为1至1440分钟"), code="code.minutes")
        purposes = Purpose.PREFILL | Purpose.ELICENCES
        if offline:
            purposes |= Purpose.OFFLINE_LOW_RISK
        for _ in range(3):  # a rotation between reading the key and signing: try again
            key = self.keys.ensure_current()
            unsigned = IdentityCode.new(
                key_id=int(key.key_id, 16),
                kind=_KINDS[kind],
                subject_ref=bytes.fromhex(row.ref),
                issued_at=self._store.clock.now(),
                valid_minutes=minutes,
                nonce=secrets.token_bytes(8),
                purposes=purposes,
            )
            try:
                signature = self.keys.sign_with(key.key_id, unsigned.signed_bytes())
            except KeyError:
                continue
            log.info("identity code issued with key %s (%s)", key.key_id, kind)
            return unsigned.with_signature(signature), row
        raise RuntimeError("signing key kept changing while issuing a code")

    def demo_code(
        self, kind: Kind, selector: str, *, minutes: int = DEFAULT_MINUTES, offline: bool = True
    ) -> DemoCode:
        """:meth:`issue`, as the admin/demo endpoint answers it."""
        code, row = self.issue(kind, selector, minutes=minutes, offline=offline)
        return DemoCode(
            text=code.encode(),
            kind=kind,
            masked_name=mask_name(row.holder.name),
            key_id=code.key_id_text,
            expires_at=code.expires_at.timestamp(),
        )

    # ------------------------------------------------------------------ resolving

    def _check(self, alg: Algorithm, key_id: str, message: bytes, signature: bytes) -> bool | None:
        record = self.keys.key(key_id)
        if record is None:
            return None
        return record.algorithm is alg and record.verify(message, signature)

    def resolve(
        self, text: str, *, device: DeviceRecord, purpose: str = "case"
    ) -> ResolvedIdentity:
        """Verify a scanned code and return its holder; the code is used up.

        Raises:
            core.identity_code.CodeRefused: ``code.malformed``, ``code.unknown_key``,
                ``code.forged``, ``code.expired``, ``code.revoked_holder`` or
                ``code.replayed``; nothing is recorded then.
        """
        try:
            code = parse(text)
            code.check_signature(self._check)
            now_dt = self._store.clock.now()
            code.check_time(now_dt, skew=DEFAULT_SKEW)
        except ValidationFailed as exc:
            log.warning("identity code refused for device %s: %s", device.device_id, exc.code)
            raise
        now = now_dt.timestamp()
        code_id = f"{code.key_id_text}:{code.nonce_text}"
        kind: Kind = "citizen" if code.kind is SubjectKind.CITIZEN else "enterprise"
        with self._store.db.write() as tx:
            row = tx.one(
                "SELECT ref, kind, doc, revoked_at FROM identity_holders WHERE ref = ?"
                " AND kind = ?",
                (code.subject_ref_text, kind),
            )
            if row is None or row[3] is not None:
                log.warning("identity code of a revoked holder refused (%s)", code_id)
                raise RevokedHolder()
            tx.execute(
                "DELETE FROM identity_uses WHERE expires_at < ?",
                (now - 2 * DEFAULT_SKEW.total_seconds(),),
            )
            fresh = tx.execute(
                "INSERT INTO identity_uses (key_id, nonce, used_at, expires_at, device_id)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (key_id, nonce) DO NOTHING",
                (
                    code.key_id_text,
                    code.nonce_text,
                    now,
                    code.expires_at.timestamp(),
                    device.device_id,
                ),
            )
            if not fresh:
                log.warning("identity code replayed (%s) by device %s", code_id, device.device_id)
                raise ReplayedCode()
            tx.execute(
                "INSERT INTO identity_audit (entry_id, at, device_id, hall_id, code_id,"
                " subject_ref, kind, purpose) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    str(uuid.uuid4()),
                    now,
                    device.device_id,
                    device.hall_id,
                    code_id,
                    code.subject_ref_text,
                    kind,
                    purpose,
                ),
            )
        holder = self._row(row).holder
        log.info("identity code %s resolved for device %s (%s)", code_id, device.device_id, kind)
        return _resolved(holder, code, code_id, now_dt)

    def audit_entries(self) -> list[dict[str, object]]:
        """The resolution audit trail, oldest first (no personal data in it)."""
        with self._store.db.read() as tx:
            rows = tx.all(
                "SELECT at, device_id, hall_id, code_id, subject_ref, kind, purpose"
                " FROM identity_audit ORDER BY at, entry_id"
            )
        names = ("at", "device_id", "hall_id", "code_id", "subject_ref", "kind", "purpose")
        return [dict(zip(names, r, strict=True)) for r in rows]

    def uses(self) -> int:
        """How many codes are recorded as used (replay records kept)."""
        with self._store.db.read() as tx:
            row = tx.one("SELECT COUNT(*) FROM identity_uses")
        return int(row[0]) if row else 0


def _resolved(
    holder: Citizen | Enterprise, code: IdentityCode, code_id: str, now: _dt.datetime
) -> ResolvedIdentity:
    today = hall_date(now)
    licences = []
    if code.allows(Purpose.ELICENCES):
        licences = [
            ResolvedLicence(
                identifier=lic.identifier,
                type_code=lic.type_code,
                name=lic.name,
                number=lic.number,
                issuer=lic.issuer,
                issued_on=lic.issued_on.isoformat(),
                valid_until=lic.valid_until.isoformat() if lic.valid_until else None,
                valid_today=lic.is_valid_on(today),
                data=dict(lic.data),
            )
            for lic in holder.licences
        ]
    prefill = holder.prefill() if code.allows(Purpose.PREFILL) else {}
    if isinstance(holder, Citizen):
        kind: Kind = "citizen"
        number, masked, representative = (
            holder.id_number,
            mask_id_number(holder.id_number),
            "",
        )
    else:
        kind = "enterprise"
        number, masked, representative = (
            holder.uscc,
            mask_uscc(holder.uscc),
            holder.legal_representative,
        )
    return ResolvedIdentity(
        kind=kind,
        subject_ref=code.subject_ref_text,
        code_id=code_id,
        name=holder.name,
        masked_name=mask_name(holder.name),
        id_number=number,
        masked_id=masked,
        masked_phone=mask_phone(holder.phone),
        legal_representative=representative,
        licences=licences,
        prefill=prefill,
        expires_at=code.expires_at.timestamp(),
        resolved_at=now.timestamp(),
    )


MAX_QR_VERSION = 6


def write_code_png(text: str, path: Path, *, box_size: int = 10) -> int:
    """Write a code as a QR PNG (alphanumeric mode, error correction M).

    Returns:
        The QR version used (1–40).

    Raises:
        ValueError: the text needs a QR version above 6 — too dense for a kiosk camera
            to read off a phone at arm's length (DESIGN.md, Identity codes).
    """
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=box_size)
    qr.add_data(text, optimize=0)
    qr.make(fit=True)
    version = int(qr.version)
    if version > MAX_QR_VERSION:
        raise ValueError(f"QR version {version} exceeds {MAX_QR_VERSION}")
    path.parent.mkdir(parents=True, exist_ok=True)
    qr.make_image().save(str(path))
    return version


def _parse_list(text: str, model: type[H], what: str) -> list[H]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationFailed(
            msg("{what}文件不是有效的 JSON（第 {lineno} 行）", what=what, lineno=exc.lineno),
            code="holders.json",
        ) from None
    if not isinstance(data, list):
        raise ValidationFailed(msg("{what}文件应为列表", what=what), code="holders.shape")
    out: list[H] = []
    for n, entry in enumerate(data, start=1):
        try:
            out.append(model.model_validate(entry))
        except PydanticError:
            name = entry.get("name", "") if isinstance(entry, dict) else ""
            raise ValidationFailed(
                msg("第 {n} 个{what}“{name}”的数据不符合规则", n=n, what=what, name=name),
                code="holders.invalid",
            ) from None
    return out


def holders_from_json(people: str, enterprises: str) -> tuple[list[Citizen], list[Enterprise]]:
    """Parse the two demo files' texts (when no richer loader is injected).

    Raises:
        ValidationFailed: not JSON lists of valid holders (the message names the entry
            by position and name, never by ID number).
    """
    return _parse_list(people, Citizen, "居民"), _parse_list(enterprises, Enterprise, "企业")
