"""Clerk accounts in journal.db: saved with their audit entry, demo clerks seeded once."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.accounts import AccountLocked, Accounts, AuditNote, LoginRefused, ScryptParams
from core.case import Role
from core.errors import ValidationFailed
from sync.accounts_store import DEMO_CLERKS, AccountStore, load_demo_clerks, seed_demo_clerks
from sync.audit import AuditLog
from sync.store import Store, open_store
from tests.helpers.clock import FakeClock

DEMO_PASSWORDS = {
    "wh-wangfang": "Weihai@2026",
    "wh-liuyang": "Weihai@2026",
    "wh-chenjing": "Weihai@2026",
    "wh-zhaomin": "Chief@2026",
    "wh-zhoujian": "Chief@2026",
    "wh-admin": "Admin@2026",
    "hc-lixue": "Weihai@2026",
    "hc-yujun": "Chief@2026",
    "hc-wanglei": "Chief@2026",
}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "data")
    yield s
    s.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def audit(store: Store, clock: FakeClock) -> AuditLog:
    return AuditLog(store=store, now=clock.now, terminal_id="W02")


@pytest.fixture
def repo(store: Store, audit: AuditLog) -> AccountStore:
    return AccountStore(store=store, audit=audit)


def test_demo_file_has_every_role_and_no_plain_passwords() -> None:
    accounts = load_demo_clerks()
    roles = {r for a in accounts for r in a.clerk.roles}
    assert {Role.CLERK, Role.ISSUER, Role.CHIEF, Role.ADMIN} <= roles
    text = DEMO_CLERKS.read_text(encoding="utf-8")
    for password in set(DEMO_PASSWORDS.values()):
        assert password not in text
    assert {a.id for a in accounts} == set(DEMO_PASSWORDS)


def test_seeding_is_idempotent_and_audited(repo: AccountStore, audit: AuditLog) -> None:
    assert seed_demo_clerks(repo) == len(DEMO_PASSWORDS)
    assert seed_demo_clerks(repo) == 0
    assert [a.id for a in repo.all()] == sorted(DEMO_PASSWORDS)
    entries = audit.entries()
    assert [e.action for e in entries] == ["account.seeded"] * len(DEMO_PASSWORDS)
    assert audit.verify_chain().ok


def test_demo_clerks_log_in_with_the_documented_passwords(
    repo: AccountStore, clock: FakeClock
) -> None:
    seed_demo_clerks(repo)
    accounts = Accounts(repository=repo, clock=clock, terminal_id="W02")
    session = accounts.login("hc-lixue", DEMO_PASSWORDS["hc-lixue"])
    assert session.clerk.name == "李雪"
    assert accounts.staff_for_pin("582046", "hc-zwzx") is not None


def test_lockout_survives_a_restart(tmp_path: Path, clock: FakeClock) -> None:
    fast = ScryptParams(n=2**4)
    with open_store(tmp_path / "d") as s:
        repo = AccountStore(store=s, audit=AuditLog(store=s, now=clock.now))
        seed_demo_clerks(repo)
        accounts = Accounts(repository=repo, clock=clock, terminal_id="W02", params=fast)
        for _ in range(4):
            with pytest.raises(LoginRefused):
                accounts.login("hc-lixue", "wrong-pass-1")
    with open_store(tmp_path / "d") as s:
        repo = AccountStore(store=s, audit=AuditLog(store=s, now=clock.now))
        accounts = Accounts(repository=repo, clock=clock, terminal_id="W02", params=fast)
        with pytest.raises(AccountLocked):
            accounts.login("hc-lixue", "wrong-pass-1")
        with pytest.raises(AccountLocked):
            accounts.login("hc-lixue", DEMO_PASSWORDS["hc-lixue"])
        actions = [e.action for e in AuditLog(store=s).entries()]
        assert actions.count("account.login_failed") == 4
        assert actions[-1] == "account.locked"


def test_failed_save_leaves_no_audit_entry(repo: AccountStore, audit: AuditLog) -> None:
    seed_demo_clerks(repo)
    before = len(audit.entries())
    account = repo.get("hc-lixue")
    assert account is not None
    with pytest.raises(ValueError, match="empty"):
        repo.save(account, AuditNote(actor="x", action=" ", subject="account:hc-lixue"))
    assert len(audit.entries()) == before


def test_bad_demo_file_is_reported_by_name(tmp_path: Path) -> None:
    bad = tmp_path / "clerks.json"
    bad.write_text(json.dumps({"clerks": [{"clerk": {"id": "x"}}]}), encoding="utf-8")
    with pytest.raises(ValidationFailed, match=r"clerks\.json"):
        load_demo_clerks(bad)
    with pytest.raises(ValidationFailed, match="无法读取"):
        load_demo_clerks(tmp_path / "missing.json")
