"""Clerk accounts: scrypt hashes, password and PIN rules, lockout, admin reset, sessions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest

from core.accounts import (
    LOCKOUT,
    MAX_FAILURES,
    Account,
    AccountLocked,
    Accounts,
    AuditNote,
    Clerk,
    ClerkSession,
    LoginRefused,
    PinGate,
    ScryptParams,
    check_password_policy,
    check_pin_policy,
    hash_params,
    hash_secret,
    verify_secret,
)
from core.case import Channel, Role
from core.errors import NotPermitted, ValidationFailed
from tests.helpers.clock import FakeClock

FAST = ScryptParams(n=2**4)  # tests only: cheap hashes
STRONG = ScryptParams(n=2**6)


class MemoryRepo:
    """An AccountRepository in a dict, remembering every audit note."""

    def __init__(self) -> None:
        self.accounts: dict[str, Account] = {}
        self.notes: list[AuditNote] = []

    def get(self, account_id: str) -> Account | None:
        return self.accounts.get(account_id)

    def all(self) -> Sequence[Account]:
        return [self.accounts[k] for k in sorted(self.accounts)]

    def save(self, account: Account, note: AuditNote) -> None:
        self.accounts[account.id] = account
        self.notes.append(note)


CLERK = Clerk(id="hc-lixue", name="李雪", roles=(Role.CLERK, Role.ISSUER), hall_id="hc-zwzx",
              window="2", business_areas=("A 综合受理区",))
ADMIN = Clerk(id="hc-admin", name="孙立新", roles=(Role.ADMIN,), hall_id="hc-zwzx")
CHIEF = Clerk(id="hc-yujun", name="于军", roles=(Role.CHIEF,), hall_id="hc-zwzx", window="1")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def repo() -> MemoryRepo:
    r = MemoryRepo()
    for clerk, pw in ((CLERK, "Weihai@2026"), (ADMIN, "Admin@2026"), (CHIEF, "Chief@2026")):
        r.accounts[clerk.id] = Account(clerk=clerk, password_hash=hash_secret(pw, params=FAST))
    return r


@pytest.fixture
def accounts(repo: MemoryRepo, clock: FakeClock) -> Accounts:
    return Accounts(repository=repo, clock=clock, terminal_id="W02", params=FAST)


# ---- hashing -----------------------------------------------------------------------


def test_hash_is_salted_and_carries_its_parameters() -> None:
    a, b = hash_secret("Weihai@2026", params=FAST), hash_secret("Weihai@2026", params=FAST)
    assert a != b  # per-secret salt
    assert a.startswith("scrypt$16$8$1$")
    assert hash_params(a) == FAST
    assert verify_secret("Weihai@2026", a)
    assert not verify_secret("weihai@2026", a)


@pytest.mark.parametrize(
    "bad", ["", "bcrypt$x", "scrypt$16$8$1$!!$!!", "scrypt$15$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AA=="]
)
def test_malformed_hash_never_matches(bad: str) -> None:
    assert not verify_secret("anything", bad)
    assert hash_params(bad) is None


def test_default_parameters_are_real_scrypt_costs() -> None:
    assert ScryptParams().n >= 2**14


# ---- policies ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("Ab1!", "password.short"),
        ("abcdefgh", "password.classes"),
        ("12345678", "password.classes"),
        ("hc-lixue-2026", "password.contains_id"),
        ("HC-LIXUE-2026", "password.contains_id"),
        ("x" * 65 + "1", "password.long"),
        (" Weihai2026", "password.space"),
    ],
)
def test_password_policy_refuses(password: str, code: str) -> None:
    with pytest.raises(ValidationFailed) as info:
        check_password_policy(password, account_id="hc-lixue")
    assert info.value.code == code
    assert info.value.message  # Chinese text for the clerk


def test_password_policy_accepts_a_decent_password() -> None:
    check_password_policy("Weihai@2026", account_id="hc-lixue")
    check_password_policy("海边的风2026", account_id="hc-lixue")


@pytest.mark.parametrize("pin", ["12345", "1234567", "abcdef", "111111", "123456", "987654"])
def test_pin_policy_refuses(pin: str) -> None:
    with pytest.raises(ValidationFailed):
        check_pin_policy(pin)


def test_pin_policy_accepts() -> None:
    check_pin_policy("258036")


# ---- login and lockout -------------------------------------------------------------


def test_login_gives_a_session_with_the_clerks_window_and_areas(
    accounts: Accounts, repo: MemoryRepo, clock: FakeClock
) -> None:
    session = accounts.login("hc-lixue", "Weihai@2026")
    assert session.window == "2"
    assert session.business_areas == ("A 综合受理区",)
    assert repo.accounts["hc-lixue"].last_login == clock.now()
    assert repo.notes[-1].action == "account.login"
    actor = session.actor()
    assert (actor.id, actor.role, actor.channel, actor.hall_id) == (
        "hc-lixue", Role.CLERK, Channel.WINDOW, "hc-zwzx"
    )
    assert session.actor(Role.ISSUER).role is Role.ISSUER
    with pytest.raises(NotPermitted):
        session.actor(Role.CHIEF)


def test_login_at_another_window(accounts: Accounts) -> None:
    assert accounts.login("HC-LIXUE ", "Weihai@2026", window="7").window == "7"


def test_unknown_account_and_wrong_password_read_the_same(accounts: Accounts) -> None:
    with pytest.raises(LoginRefused) as unknown:
        accounts.login("nobody", "Weihai@2026")
    with pytest.raises(LoginRefused) as wrong:
        accounts.login("hc-lixue", "wrong-pass-1")
    assert unknown.value.message.startswith("账号或密码错误")
    assert wrong.value.message.startswith("账号或密码错误")


def test_five_failures_lock_for_fifteen_minutes(
    accounts: Accounts, repo: MemoryRepo, clock: FakeClock
) -> None:
    for i in range(MAX_FAILURES - 1):
        with pytest.raises(LoginRefused) as info:
            accounts.login("hc-lixue", "wrong-pass-1")
        assert info.value.params["left"] == MAX_FAILURES - 1 - i
    with pytest.raises(AccountLocked):
        accounts.login("hc-lixue", "wrong-pass-1")
    assert repo.notes[-1].action == "account.locked"
    # even the right password is refused while locked
    clock.advance(LOCKOUT - dt.timedelta(seconds=1))
    with pytest.raises(AccountLocked) as locked:
        accounts.login("hc-lixue", "Weihai@2026")
    assert "09:15" in locked.value.message
    clock.advance(seconds=1)
    session = accounts.login("hc-lixue", "Weihai@2026")
    assert session.clerk.id == "hc-lixue"
    assert repo.accounts["hc-lixue"].failures == 0


def test_after_a_lock_runs_out_the_count_starts_again(
    accounts: Accounts, clock: FakeClock
) -> None:
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(LoginRefused):
            accounts.login("hc-lixue", "wrong-pass-1")
    with pytest.raises(AccountLocked):
        accounts.login("hc-lixue", "wrong-pass-1")
    clock.advance(LOCKOUT)
    with pytest.raises(LoginRefused) as info:
        accounts.login("hc-lixue", "wrong-pass-1")
    assert info.value.params["left"] == MAX_FAILURES - 1


def test_success_resets_the_failure_count(accounts: Accounts, repo: MemoryRepo) -> None:
    for _ in range(3):
        with pytest.raises(LoginRefused):
            accounts.login("hc-lixue", "wrong-pass-1")
    accounts.login("hc-lixue", "Weihai@2026")
    assert repo.accounts["hc-lixue"].failures == 0


def test_disabled_account_cannot_log_in(accounts: Accounts) -> None:
    admin = accounts.login("hc-admin", "Admin@2026")
    accounts.set_active(admin, "hc-lixue", active=False)
    with pytest.raises(LoginRefused):
        accounts.login("hc-lixue", "Weihai@2026")
    with pytest.raises(ValidationFailed):
        accounts.set_active(admin, "hc-admin", active=False)


def test_weak_old_hash_is_upgraded_on_login(repo: MemoryRepo, clock: FakeClock) -> None:
    strong = Accounts(repository=repo, clock=clock, terminal_id="W02", params=STRONG)
    strong.login("hc-lixue", "Weihai@2026")
    assert hash_params(repo.accounts["hc-lixue"].password_hash) == STRONG
    assert verify_secret("Weihai@2026", repo.accounts["hc-lixue"].password_hash)


def test_notes_never_carry_secrets(accounts: Accounts, repo: MemoryRepo) -> None:
    with pytest.raises(LoginRefused):
        accounts.login("hc-lixue", "wrong-pass-1")
    accounts.login("hc-lixue", "Weihai@2026")
    for note in repo.notes:
        text = repr(note)
        assert "Weihai@2026" not in text
        assert "wrong-pass-1" not in text
        assert "scrypt$" not in text


# ---- administration -------------------------------------------------------------------


def test_admin_reset_unlocks_and_forces_a_change(
    accounts: Accounts, repo: MemoryRepo
) -> None:
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(LoginRefused):
            accounts.login("hc-lixue", "wrong-pass-1")
    with pytest.raises(AccountLocked):
        accounts.login("hc-lixue", "wrong-pass-1")
    admin = accounts.login("hc-admin", "Admin@2026")
    accounts.reset_password(admin, "hc-lixue", "Temp#2026x")
    assert repo.notes[-1] == AuditNote(
        actor="hc-admin", action="account.reset", subject="account:hc-lixue"
    )
    session = accounts.login("hc-lixue", "Temp#2026x")
    assert session.must_change_password
    with pytest.raises(ValidationFailed) as same:
        accounts.change_password(session, "Temp#2026x", "Temp#2026x")
    assert same.value.code == "password.same"
    with pytest.raises(LoginRefused):
        accounts.change_password(session, "not-the-old-1", "Haibin#2026")
    session = accounts.change_password(session, "Temp#2026x", "Haibin#2026")
    assert not session.must_change_password
    assert not accounts.login("hc-lixue", "Haibin#2026").must_change_password


def test_unlock_keeps_the_password(accounts: Accounts) -> None:
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(LoginRefused):
            accounts.login("hc-lixue", "wrong-pass-1")
    with pytest.raises(AccountLocked):
        accounts.login("hc-lixue", "wrong-pass-1")
    accounts.unlock(accounts.login("hc-admin", "Admin@2026"), "hc-lixue")
    assert accounts.login("hc-lixue", "Weihai@2026").clerk.id == "hc-lixue"


def test_only_admins_administer(accounts: Accounts) -> None:
    clerk = accounts.login("hc-lixue", "Weihai@2026")
    with pytest.raises(NotPermitted):
        accounts.reset_password(clerk, "hc-yujun", "Temp#2026x")
    with pytest.raises(NotPermitted):
        accounts.unlock(clerk, "hc-yujun")
    new = Clerk(id="hc-new", name="新人", roles=(Role.CLERK,), hall_id="hc-zwzx")
    with pytest.raises(NotPermitted):
        accounts.create(clerk, new, "Welcome#2026")


def test_admin_creates_an_account_that_must_change_its_password(
    accounts: Accounts, repo: MemoryRepo
) -> None:
    admin = accounts.login("hc-admin", "Admin@2026")
    new = Clerk(id="hc-new", name="新人", roles=(Role.CLERK,), hall_id="hc-zwzx", window="4")
    accounts.create(admin, new, "Welcome#2026")
    assert repo.accounts["hc-new"].must_change_password
    with pytest.raises(ValidationFailed):
        accounts.create(admin, new, "Welcome#2026")
    with pytest.raises(ValidationFailed):
        accounts.create(
            admin, new.model_copy(update={"id": "hc-other"}), "hc-other-2026"
        )


def test_clerk_record_is_validated() -> None:
    with pytest.raises(ValueError, match="账号"):
        Clerk(id="张三", name="张三", roles=(Role.CLERK,), hall_id="hc-zwzx")
    with pytest.raises(ValueError, match="岗位"):
        Clerk(id="hc-x", name="张三", roles=(Role.APPLICANT,), hall_id="hc-zwzx")
    with pytest.raises(ValueError, match="roles"):
        Clerk(id="hc-x", name="张三", roles=(), hall_id="hc-zwzx")


def test_tidal_window_changes_areas_for_the_session(
    accounts: Accounts, repo: MemoryRepo
) -> None:
    session = accounts.login("hc-lixue", "Weihai@2026")
    changed = accounts.set_business_areas(session, ["B 社保医保区", " ", "B 社保医保区"])
    assert changed.business_areas == ("B 社保医保区",)
    assert repo.notes[-1].action == "window.areas_changed"
    assert repo.accounts["hc-lixue"].clerk.business_areas == ("A 综合受理区",)
    with pytest.raises(ValidationFailed):
        accounts.set_business_areas(session, [])


# ---- kiosk PIN -------------------------------------------------------------------------


def test_pin_gate_finds_staff_of_the_hall_and_locks_after_five(
    accounts: Accounts, clock: FakeClock
) -> None:
    chief = accounts.login("hc-yujun", "Chief@2026")
    accounts.set_pin(chief, "582046")
    with pytest.raises(ValidationFailed):
        accounts.set_pin(chief, "123456")
    assert accounts.staff_for_pin("582046", "wh-zwzx") is None  # another hall's kiosk

    def check(pin: str) -> Clerk | None:
        return accounts.staff_for_pin(pin, "hc-zwzx")

    gate = PinGate(check=check, clock=clock)
    assert gate.enter("582046").id == "hc-yujun"
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(LoginRefused):
            gate.enter("000001")
    with pytest.raises(AccountLocked):
        gate.enter("000001")
    with pytest.raises(AccountLocked):
        gate.enter("582046")  # locked even for the right PIN
    clock.advance(LOCKOUT)
    assert gate.locked_until is None
    assert gate.enter("582046").id == "hc-yujun"


def test_session_is_plain_data() -> None:
    session = ClerkSession(
        clerk=CLERK, terminal_id="W02", window="2", business_areas=(), started_at=FakeClock().now()
    )
    assert session.actor().terminal_id == "W02"
