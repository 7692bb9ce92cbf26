"""Clerk accounts in ``journal.db``, and the demo clerks of the Weihai halls.

:class:`AccountStore` is the :class:`core.accounts.AccountRepository` of a terminal:
each account is one row (``accounts``: id, hall, JSON doc), and every save writes its
audit entry in the same transaction.

The demo clerks (``resources/demo/clerks.json``) carry scrypt hashes, never plain
passwords; the demo passwords are documented in the README.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from core.accounts import Account, AuditNote, Clerk, hash_params
from core.errors import ValidationFailed, msg
from sync.audit import AuditLog
from sync.store import Store

log = logging.getLogger(__name__)

DEMO_CLERKS = Path(__file__).resolve().parent.parent / "resources" / "demo" / "clerks.json"


class AccountStore:
    """Accounts kept in the journal.

    Args:
        store: the open store.
        audit: the audit log every change is recorded in.
    """

    def __init__(self, *, store: Store, audit: AuditLog) -> None:
        self._store = store
        self._audit = audit

    def get(self, account_id: str) -> Account | None:
        with self._store.journal.read() as conn:
            row = conn.execute("SELECT doc FROM accounts WHERE id = ?", (account_id,)).fetchone()
        return Account.model_validate_json(row[0]) if row else None

    def all(self) -> Sequence[Account]:
        with self._store.journal.read() as conn:
            rows = conn.execute("SELECT doc FROM accounts ORDER BY id").fetchall()
        return [Account.model_validate_json(r[0]) for r in rows]

    def save(self, account: Account, note: AuditNote) -> None:
        now = self._store.clock().isoformat()
        with self._store.local_change() as conn:
            conn.execute(
                "INSERT INTO accounts (id, hall_id, doc, updated_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET hall_id = excluded.hall_id,"
                " doc = excluded.doc, updated_at = excluded.updated_at",
                (account.id, account.clerk.hall_id, account.model_dump_json(), now),
            )
            self._audit.note(note, conn=conn)


class _DemoClerk(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    clerk: Clerk
    password_hash: str
    pin_hash: str | None = None
    must_change_password: bool = False


class _DemoFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    clerks: list[_DemoClerk] = Field(min_length=1)


def load_demo_clerks(path: Path = DEMO_CLERKS) -> list[Account]:
    """Read the demo clerks file.

    Raises:
        ValidationFailed: the file is missing or malformed (message names the file).
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        parsed = _DemoFile.model_validate(data)
    except OSError as exc:
        raise ValidationFailed(
            msg("无法读取演示账号文件 {path}：{strerror}", path=path.name, strerror=exc.strerror),
            code="accounts.demo_file",
        ) from exc
    except (ValueError, ValidationError) as exc:
        raise ValidationFailed(
            msg(
                "演示账号文件 {path} 格式有误：{problem}",
                path=path.name,
                problem=str(exc).splitlines()[0],
            ),
            code="accounts.demo_file",
        ) from exc
    accounts: list[Account] = []
    for entry in parsed.clerks:
        for secret in (entry.password_hash, entry.pin_hash):
            if secret is not None and hash_params(secret) is None:
                raise ValidationFailed(
                    msg("演示账号 {id} 的密码散列格式有误", id=entry.clerk.id),
                    code="accounts.demo_hash",
                )
        accounts.append(
            Account(
                clerk=entry.clerk,
                password_hash=entry.password_hash,
                pin_hash=entry.pin_hash,
                must_change_password=entry.must_change_password,
            )
        )
    return accounts


def seed_demo_clerks(accounts: AccountStore, path: Path = DEMO_CLERKS) -> int:
    """Add the demo clerks that are not there yet; returns how many were added.

    Existing accounts are left alone (a changed demo password survives a restart).
    """
    added = 0
    for account in load_demo_clerks(path):
        if accounts.get(account.id) is not None:
            continue
        accounts.save(
            account,
            AuditNote(
                actor="system",
                action="account.seeded",
                subject=f"account:{account.id}",
                details={"roles": [r.value for r in account.clerk.roles]},
            ),
        )
        added += 1
    if added:
        log.info("seeded %d demo clerk accounts", added)
    return added
