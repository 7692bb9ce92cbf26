"""The gateway's signing keys for 居民码/企业码, and the ``keys`` stream terminals verify with.

Where the keys live: in the gateway database (table ``identity_keys``), not in a key
file. A city deployment runs several gateway processes against one PostgreSQL
database; each of them must sign with the same current key and know every retired
one, and a restore from backup must bring keys and the codes' replay records back
together. A key file per data directory would drift between processes. The private
key is as well protected as the database, which already holds every device secret.

Rotation: :meth:`KeyRing.rotate` retires the current key (it signs nothing more) and
makes a new one. A retired key keeps verifying — and stays in the ``keys`` stream —
until every code it could have signed has expired (:data:`RETIRED_KEY_GRACE`); then it
is dropped from the stream (a tombstone) and refused as ``code.unknown_key``.
"""

from __future__ import annotations

import base64
import datetime as _dt
import logging
import secrets
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from core.clock import HALL_TZ
from core.identity_code import DEFAULT_SKEW, MAX_VALID_MINUTES, Algorithm
from gateway.db import Tx
from gateway.store import GatewayStore
from sync.protocol import Stream

log = logging.getLogger(__name__)

RETIRED_KEY_GRACE = _dt.timedelta(minutes=MAX_VALID_MINUTES) + 2 * DEFAULT_SKEW
"""How long a retired key still verifies: the longest code life plus clock skew."""

ALGORITHM_NAMES = {Algorithm.ED25519: "ed25519", Algorithm.SM2: "sm2"}

SCHEMA = """
CREATE TABLE IF NOT EXISTS identity_keys (
    key_id TEXT PRIMARY KEY,
    algorithm INTEGER NOT NULL,
    public_key TEXT NOT NULL,
    private_key TEXT NOT NULL,
    created_at DOUBLE PRECISION NOT NULL,
    retired_at DOUBLE PRECISION,
    verify_until DOUBLE PRECISION
);
"""


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _iso(ts: float | None) -> str | None:
    if ts is None:
        return None
    return _dt.datetime.fromtimestamp(ts, HALL_TZ).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class KeyRecord:
    """One signing key as the gateway keeps it.

    Attributes:
        key_id: 8 hex digits, as codes name it.
        verify_until: unix seconds after which codes of this key are refused; ``None``
            while the key is current.
    """

    key_id: str
    algorithm: Algorithm
    public_key: bytes
    created_at: float
    retired_at: float | None
    verify_until: float | None

    @property
    def current(self) -> bool:
        return self.retired_at is None

    def usable_at(self, now: float) -> bool:
        return self.verify_until is None or now < self.verify_until

    def verify(self, message: bytes, signature: bytes) -> bool:
        if self.algorithm is not Algorithm.ED25519:
            return False
        try:
            Ed25519PublicKey.from_public_bytes(self.public_key).verify(signature, message)
        except InvalidSignature:
            return False
        return True

    def stream_doc(self) -> dict[str, Any]:
        """The row published in the ``keys`` stream (public material only)."""
        return {
            "key_id": self.key_id,
            "purpose": "identity_code",
            "algorithm": ALGORITHM_NAMES[self.algorithm],
            "public_key": _b64(self.public_key),
            "created_at": _iso(self.created_at),
            "retired_at": _iso(self.retired_at),
            "verify_until": _iso(self.verify_until),
        }


class KeyRing:
    """Creates, rotates and uses the identity-code signing keys.

    Args:
        store: the gateway store (database and clock).
    """

    def __init__(self, *, store: GatewayStore) -> None:
        self._store = store
        store.db.script(SCHEMA)

    # ------------------------------------------------------------------ reading

    def records(self) -> list[KeyRecord]:
        """Every key, newest first."""
        with self._store.db.read() as tx:
            return self._keys(tx)

    @staticmethod
    def _keys(tx: Tx) -> list[KeyRecord]:
        return [
            KeyRecord(
                key_id=r[0],
                algorithm=Algorithm(int(r[1])),
                public_key=_unb64(r[2]),
                created_at=float(r[3]),
                retired_at=None if r[4] is None else float(r[4]),
                verify_until=None if r[5] is None else float(r[5]),
            )
            for r in tx.all(
                "SELECT key_id, algorithm, public_key, created_at, retired_at, verify_until"
                " FROM identity_keys ORDER BY created_at DESC, key_id"
            )
        ]

    def key(self, key_id: str) -> KeyRecord | None:
        """A key still good for verifying now, or ``None`` (unknown or past its grace)."""
        now = self._store.now()
        for record in self.records():
            if record.key_id == key_id and record.usable_at(now):
                return record
        return None

    # ------------------------------------------------------------------ writing

    def ensure_current(self) -> KeyRecord:
        """The current key (the one that signs new codes), made and published on first use."""
        with self._store.db.write() as tx:
            current = next((k for k in self._keys(tx) if k.current), None)
            if current is None:
                current = self._create(tx)
                self.publish(tx)
        return current

    def rotate(self) -> KeyRecord:
        """Retire the current key and make a new one; both are published."""
        now = self._store.now()
        with self._store.db.write() as tx:
            tx.execute(
                "UPDATE identity_keys SET retired_at = ?, verify_until = ?"
                " WHERE retired_at IS NULL",
                (now, now + RETIRED_KEY_GRACE.total_seconds()),
            )
            record = self._create(tx)
            self.publish(tx)
        log.info("identity signing key rotated: now %s", record.key_id)
        return record

    def publish(self, tx: Tx) -> list[str]:
        """Make the ``keys`` stream hold exactly the keys that still verify.

        Runs in the caller's write transaction; call it after a rotation or now and then
        so keys past their grace leave the terminals too.
        """
        now = self._store.now()
        docs = {k.key_id: k.stream_doc() for k in self._keys(tx) if k.usable_at(now)}
        changed, gone = self._store.replace_stream(tx, Stream.KEYS, "", docs)
        return [*changed, *gone]

    def refresh(self) -> list[str]:
        """Publish the key set again (drops keys whose grace has passed)."""
        with self._store.db.write() as tx:
            return self.publish(tx)

    def _create(self, tx: Tx) -> KeyRecord:
        private = Ed25519PrivateKey.generate()
        public = private.public_key().public_bytes_raw()
        while True:
            key_id = secrets.token_hex(4)
            if tx.one("SELECT 1 FROM identity_keys WHERE key_id = ?", (key_id,)) is None:
                break
        now = self._store.now()
        tx.execute(
            "INSERT INTO identity_keys (key_id, algorithm, public_key, private_key, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (key_id, int(Algorithm.ED25519), _b64(public), _b64(private.private_bytes_raw()), now),
        )
        log.info("identity signing key %s created", key_id)
        return KeyRecord(key_id, Algorithm.ED25519, public, now, None, None)

    # ------------------------------------------------------------------ signing

    def sign_with(self, key_id: str, message: bytes) -> bytes:
        """Sign with a named key that is still current.

        Raises:
            KeyError: the key is unknown or retired (it signs nothing more).
        """
        with self._store.db.read() as tx:
            row = tx.one(
                "SELECT private_key FROM identity_keys WHERE key_id = ? AND retired_at IS NULL",
                (key_id,),
            )
        if row is None:
            raise KeyError(key_id)
        return Ed25519PrivateKey.from_private_bytes(_unb64(row[0])).sign(message)
