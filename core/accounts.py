"""Clerk accounts of the window client: roles, passwords, lockout, the kiosk staff PIN.

DESIGN.md (Privacy and security): clerks log in with a password hashed with scrypt,
repeated failures lock the account, roles are 综合受理 / 出件 / 首席代表 / 管理员, and
leaving kiosk mode needs a hashed staff PIN.

- Secrets are hashed with :func:`hashlib.scrypt` under a per-secret random salt; the
  parameters travel with the hash (``scrypt$n$r$p$salt$digest``), so stronger
  parameters can be introduced later and old hashes still verify (and are upgraded on
  the next successful login). Comparison is constant-time.
- Five failed logins in a row lock the account for 15 minutes (the clock is injected).
  An administrator can unlock it and set a temporary password, which must be changed
  at the next login.
- The kiosk's staff PIN is hashed the same way and has its own failure counter per
  terminal (:class:`PinGate`), so a passer-by cannot try PINs at leisure.
- An unknown account and a wrong password get the same message, so the login screen
  does not tell strangers which accounts exist.

Storage is behind :class:`AccountRepository` (``sync.accounts_store`` implements it);
each change is saved together with an :class:`AuditNote` so the audit log records it
in the same transaction.
"""

from __future__ import annotations

import base64
import binascii
import datetime as _dt
import hashlib
import hmac
import logging
import re
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import NoReturn, Protocol

from pydantic import BaseModel, ConfigDict, Field, field_validator

from core.case import ROLE_NAMES, Actor, Channel, Role
from core.catalog import NonEmpty
from core.clock import Clock
from core.errors import NotPermitted, UserFacingError, ValidationFailed, msg

log = logging.getLogger(__name__)

STAFF_ROLES: tuple[Role, ...] = (Role.CLERK, Role.ISSUER, Role.CHIEF, Role.ADMIN)
"""The roles a window-client account may hold (综合受理, 出件, 首席代表, 管理员)."""

MAX_FAILURES = 5
"""Failed logins in a row that lock an account."""

LOCKOUT = _dt.timedelta(minutes=15)
"""How long a locked account (or a locked kiosk PIN pad) stays locked."""

MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 64
PIN_LENGTH = 6

_ACCOUNT_ID = re.compile(r"^[a-z][a-z0-9_.-]{2,31}$")
_WINDOW = re.compile(r"^[0-9A-Za-z-]{1,8}$")


# ---- hashing ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ScryptParams:
    """scrypt cost parameters (RFC 7914).

    The default (N=2**14, r=8, p=1) takes about 16 MiB and a few tens of
    milliseconds: slow for a guesser, unnoticeable at a login.
    """

    n: int = 2**14
    r: int = 8
    p: int = 1
    salt_bytes: int = 16
    key_bytes: int = 32

    def __post_init__(self) -> None:
        if self.n < 2 or self.n & (self.n - 1):
            raise ValueError("scrypt n must be a power of two")
        if self.r < 1 or self.p < 1 or self.salt_bytes < 16 or self.key_bytes < 16:
            raise ValueError("scrypt parameters too weak")

    def at_least(self, other: ScryptParams) -> bool:
        """Whether these parameters are at least as costly as ``other``."""
        return self.n >= other.n and self.r >= other.r and self.p >= other.p


DEFAULT_PARAMS = ScryptParams()


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _scrypt(secret: str, salt: bytes, params: ScryptParams) -> bytes:
    return hashlib.scrypt(
        secret.encode("utf-8"),
        salt=salt,
        n=params.n,
        r=params.r,
        p=params.p,
        maxmem=256 * params.n * params.r + 1024 * 1024,
        dklen=params.key_bytes,
    )


def hash_secret(secret: str, *, params: ScryptParams = DEFAULT_PARAMS) -> str:
    """Hash a password or PIN: ``scrypt$<n>$<r>$<p>$<salt b64>$<digest b64>``."""
    salt = secrets.token_bytes(params.salt_bytes)
    digest = _scrypt(secret, salt, params)
    return f"scrypt${params.n}${params.r}${params.p}${_b64(salt)}${_b64(digest)}"


@dataclass(frozen=True, slots=True)
class _Parsed:
    params: ScryptParams
    salt: bytes
    digest: bytes


def _parse_hash(encoded: str) -> _Parsed | None:
    parts = encoded.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return None
    try:
        salt = base64.b64decode(parts[4], validate=True)
        digest = base64.b64decode(parts[5], validate=True)
        params = ScryptParams(
            n=int(parts[1]),
            r=int(parts[2]),
            p=int(parts[3]),
            salt_bytes=len(salt),
            key_bytes=len(digest),
        )
    except (ValueError, binascii.Error):
        return None
    return _Parsed(params=params, salt=salt, digest=digest)


def verify_secret(secret: str, encoded: str) -> bool:
    """Whether ``secret`` matches a hash made by :func:`hash_secret` (constant-time).

    A malformed hash never matches.
    """
    parsed = _parse_hash(encoded)
    if parsed is None:
        log.warning("stored secret hash is malformed; treating it as a mismatch")
        return False
    candidate = _scrypt(secret, parsed.salt, parsed.params)
    return hmac.compare_digest(candidate, parsed.digest)


def hash_params(encoded: str) -> ScryptParams | None:
    """The parameters a stored hash was made with, or ``None`` if it is malformed."""
    parsed = _parse_hash(encoded)
    return parsed.params if parsed else None


# ---- policies ----------------------------------------------------------------------


def check_password_policy(password: str, *, account_id: str, previous_hash: str = "") -> None:
    """The password rules a new password must meet.

    At least 8 and at most 64 characters, at least two of letters / digits / symbols,
    not containing the account name, not one repeated character, not the old password.

    Raises:
        ValidationFailed: the first rule broken, in words the clerk understands.
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationFailed(
            msg("密码至少需要{min}位", min=MIN_PASSWORD_LENGTH),
            code="password.short",
            min=MIN_PASSWORD_LENGTH,
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValidationFailed(
            msg("密码不能超过{max}位", max=MAX_PASSWORD_LENGTH), code="password.long"
        )
    if password != password.strip() or any(ord(c) < 32 for c in password):
        raise ValidationFailed(msg("密码首尾不能有空格，也不能含控制字符"), code="password.space")
    classes = sum(
        (
            any(c.isalpha() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
        )
    )
    if classes < 2:
        raise ValidationFailed(
            msg("密码须包含字母、数字、符号中的至少两类"), code="password.classes"
        )
    if account_id and account_id.lower() in password.lower():
        raise ValidationFailed(msg("密码不能包含账号名"), code="password.contains_id")
    if len(set(password)) == 1:
        raise ValidationFailed(msg("密码不能由同一个字符组成"), code="password.repeated")
    if previous_hash and verify_secret(password, previous_hash):
        raise ValidationFailed(msg("新密码不能与原密码相同"), code="password.same")


def check_pin_policy(pin: str) -> None:
    """A kiosk staff PIN: 6 digits, not all the same, not a straight run (123456).

    Raises:
        ValidationFailed: the PIN breaks a rule.
    """
    if len(pin) != PIN_LENGTH or not pin.isascii() or not pin.isdigit():
        raise ValidationFailed(
            msg("退出密码应为{length}位数字", length=PIN_LENGTH), code="pin.format"
        )
    digits = [int(c) for c in pin]
    steps = {b - a for a, b in zip(digits, digits[1:], strict=False)}
    if len(set(digits)) == 1 or steps in ({1}, {-1}):
        raise ValidationFailed(msg("退出密码过于简单，请避免连续或重复数字"), code="pin.weak")


# ---- records ------------------------------------------------------------------------


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Clerk(_Model):
    """A member of hall staff who may log in to the window client.

    Attributes:
        id: the account name (``hc-wangfang``): lower-case letters, digits, ``._-``.
        name: the clerk's name as printed on papers (窗口工作人员).
        roles: one or more of :data:`STAFF_ROLES`; the first is the default role.
        hall_id: the hall the account belongs to.
        window: the usual window number (窗口号); a session may sit at another.
        business_areas: business areas the clerk handles (潮汐窗口 may change them
            during the day, per session).
        active: a disabled account cannot log in.
    """

    id: NonEmpty
    name: NonEmpty
    roles: tuple[Role, ...] = Field(min_length=1)
    hall_id: NonEmpty
    window: str = ""
    business_areas: tuple[str, ...] = ()
    active: bool = True

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not _ACCOUNT_ID.match(value):
            raise ValueError("账号应以小写字母开头，由3到32位小写字母、数字和._-组成")
        return value

    @field_validator("roles")
    @classmethod
    def _roles(cls, value: tuple[Role, ...]) -> tuple[Role, ...]:
        for role in value:
            if role not in STAFF_ROLES:
                raise ValueError(f"“{role}”不是窗口工作人员的岗位")
        if len(set(value)) != len(value):
            raise ValueError("岗位重复")
        return value

    @field_validator("window")
    @classmethod
    def _window(cls, value: str) -> str:
        if value and not _WINDOW.match(value):
            raise ValueError("窗口号只能由字母、数字和连字符组成")
        return value

    def has(self, role: Role) -> bool:
        return role in self.roles


class Account(_Model):
    """A clerk with their secrets and login state, as stored."""

    clerk: Clerk
    password_hash: str = Field(repr=False)
    pin_hash: str | None = Field(default=None, repr=False)
    failures: int = Field(default=0, ge=0)
    locked_until: _dt.datetime | None = None
    must_change_password: bool = False
    last_login: _dt.datetime | None = None

    @property
    def id(self) -> str:
        return self.clerk.id

    def locked_at(self, now: _dt.datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until


@dataclass(frozen=True, slots=True)
class AuditNote:
    """What the audit log should record about an account change.

    Attributes:
        actor: who did it (account id, or ``"system"``).
        action: a stable action name (``account.login_failed`` …).
        subject: what it concerns (``account:<id>``).
        details: extra facts; never a password, PIN or hash.
    """

    actor: str
    action: str
    subject: str
    details: Mapping[str, object] = field(default_factory=dict)


class AccountRepository(Protocol):
    """Where accounts live (``sync.accounts_store.AccountStore``)."""

    def get(self, account_id: str) -> Account | None:
        """The account, or ``None``."""
        ...

    def all(self) -> Sequence[Account]:
        """Every account, by id."""
        ...

    def save(self, account: Account, note: AuditNote) -> None:
        """Insert or replace the account and record ``note``, in one transaction."""
        ...


# ---- errors --------------------------------------------------------------------------


class LoginRefused(UserFacingError):
    """Wrong account or password (one message for both)."""


class AccountLocked(UserFacingError):
    """Too many failures; ``params['until']`` is when the lock ends."""


# ---- sessions ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClerkSession:
    """A clerk logged in at one window of one terminal.

    Attributes:
        clerk: who.
        terminal_id: the window client's terminal id.
        window: the window number for this session.
        business_areas: what this window handles now (潮汐窗口: changeable).
        started_at: login time.
        must_change_password: the UI must ask for a new password before anything else.
    """

    clerk: Clerk
    terminal_id: str
    window: str
    business_areas: tuple[str, ...]
    started_at: _dt.datetime
    must_change_password: bool = False

    def actor(self, role: Role | None = None) -> Actor:
        """The :class:`core.case.Actor` for case actions in ``role`` (default: first role).

        Raises:
            NotPermitted: the clerk does not hold ``role``.
        """
        chosen = role or self.clerk.roles[0]
        if not self.clerk.has(chosen):
            raise NotPermitted(
                msg("您没有“{role}”岗位权限", role=ROLE_NAMES[chosen]),
                code="account.role",
                role=chosen.value,
            )
        return Actor(
            id=self.clerk.id,
            role=chosen,
            channel=Channel.WINDOW,
            terminal_id=self.terminal_id,
            hall_id=self.clerk.hall_id,
        )


# ---- the service -----------------------------------------------------------------------


class Accounts:
    """Login, lockout, passwords and PINs over an :class:`AccountRepository`.

    Args:
        repository: where accounts are stored.
        clock: the time source for lockouts and login times.
        terminal_id: this terminal, for sessions and audit details.
        params: scrypt parameters for new hashes.
    """

    def __init__(
        self,
        *,
        repository: AccountRepository,
        clock: Clock,
        terminal_id: str,
        params: ScryptParams = DEFAULT_PARAMS,
    ) -> None:
        self._repo = repository
        self._clock = clock
        self._terminal = terminal_id
        self._params = params
        # Hashing a throwaway secret for unknown accounts keeps their timing like a
        # wrong password's.
        self._decoy = hash_secret(secrets.token_hex(8), params=params)

    # -- login ------------------------------------------------------------------

    def login(self, account_id: str, password: str, *, window: str = "") -> ClerkSession:
        """Log a clerk in.

        Raises:
            LoginRefused: unknown or disabled account, or wrong password.
            AccountLocked: too many failures; wait or ask an administrator.
        """
        now = self._clock.now()
        account = self._repo.get(account_id.strip().lower())
        if account is None or not account.clerk.active:
            verify_secret(password, self._decoy)
            log.info("login refused for an unknown or disabled account")
            raise LoginRefused(msg("账号或密码错误"), code="login.refused")
        if account.locked_at(now):
            raise self._locked(account)
        if account.locked_until is not None:  # the lock has run out: start afresh
            account = account.model_copy(update={"failures": 0, "locked_until": None})
        if not verify_secret(password, account.password_hash):
            self._failed(account, now)
        updates: dict[str, object] = {"failures": 0, "locked_until": None, "last_login": now}
        params = hash_params(account.password_hash)
        if params is None or not params.at_least(self._params):
            updates["password_hash"] = hash_secret(password, params=self._params)
        account = account.model_copy(update=updates)
        session = ClerkSession(
            clerk=account.clerk,
            terminal_id=self._terminal,
            window=window.strip() or account.clerk.window,
            business_areas=account.clerk.business_areas,
            started_at=now,
            must_change_password=account.must_change_password,
        )
        self._repo.save(
            account,
            AuditNote(
                actor=account.id,
                action="account.login",
                subject=f"account:{account.id}",
                details={"terminal": self._terminal, "window": session.window},
            ),
        )
        log.info("clerk %s logged in at window %s", account.id, session.window)
        return session

    def _failed(self, account: Account, now: _dt.datetime) -> NoReturn:
        failures = account.failures + 1
        locked = now + LOCKOUT if failures >= MAX_FAILURES else None
        account = account.model_copy(update={"failures": failures, "locked_until": locked})
        self._repo.save(
            account,
            AuditNote(
                actor=account.id,
                action="account.locked" if locked else "account.login_failed",
                subject=f"account:{account.id}",
                details={"terminal": self._terminal, "failures": failures},
            ),
        )
        if locked is not None:
            log.warning("account %s locked after %d failed logins", account.id, failures)
            raise self._locked(account)
        left = MAX_FAILURES - failures
        raise LoginRefused(
            msg("账号或密码错误，再错{left}次账号将被锁定{minutes}分钟",
                left=left, minutes=LOCKOUT.seconds // 60),
            code="login.refused",
            left=left,
        )

    @staticmethod
    def _locked(account: Account) -> AccountLocked:
        until = account.locked_until
        assert until is not None
        return AccountLocked(
            msg("密码错误次数过多，账号已锁定至{until:%H:%M}；如需立即使用请联系管理员解锁",
                until=until),
            code="login.locked",
            until=until.isoformat(),
        )

    # -- passwords -----------------------------------------------------------------

    def change_password(self, session: ClerkSession, old: str, new: str) -> ClerkSession:
        """The clerk changes their own password (required after an admin reset).

        Raises:
            LoginRefused: the old password is wrong.
            ValidationFailed: the new password breaks the policy.
        """
        account = self._require(session.clerk.id)
        if not verify_secret(old, account.password_hash):
            raise LoginRefused(msg("原密码不正确"), code="password.old_wrong")
        check_password_policy(new, account_id=account.id, previous_hash=account.password_hash)
        account = account.model_copy(
            update={
                "password_hash": hash_secret(new, params=self._params),
                "must_change_password": False,
            }
        )
        self._repo.save(
            account,
            AuditNote(actor=account.id, action="account.password_changed",
                      subject=f"account:{account.id}"),
        )
        return ClerkSession(
            clerk=session.clerk,
            terminal_id=session.terminal_id,
            window=session.window,
            business_areas=session.business_areas,
            started_at=session.started_at,
            must_change_password=False,
        )

    def set_business_areas(self, session: ClerkSession, areas: Sequence[str]) -> ClerkSession:
        """潮汐窗口: what this window handles from now on (this session only)."""
        cleaned = tuple(dict.fromkeys(a.strip() for a in areas if a.strip()))
        if not cleaned:
            raise ValidationFailed(msg("请至少选择一个业务区"), code="account.areas")
        account = self._require(session.clerk.id)
        self._repo.save(
            account,
            AuditNote(
                actor=account.id,
                action="window.areas_changed",
                subject=f"window:{session.window}",
                details={"areas": list(cleaned), "before": list(session.business_areas)},
            ),
        )
        return ClerkSession(
            clerk=session.clerk,
            terminal_id=session.terminal_id,
            window=session.window,
            business_areas=cleaned,
            started_at=session.started_at,
            must_change_password=session.must_change_password,
        )

    # -- administration -------------------------------------------------------------

    def create(self, admin: ClerkSession, clerk: Clerk, password: str) -> Account:
        """An administrator adds an account with a first password (to be changed).

        Raises:
            NotPermitted: ``admin`` is not a 管理员.
            ValidationFailed: the account exists or the password breaks the policy.
        """
        self._require_admin(admin)
        if self._repo.get(clerk.id) is not None:
            raise ValidationFailed(msg("该账号已存在"), code="account.exists")
        check_password_policy(password, account_id=clerk.id)
        account = Account(
            clerk=clerk,
            password_hash=hash_secret(password, params=self._params),
            must_change_password=True,
        )
        self._repo.save(
            account,
            AuditNote(
                actor=admin.clerk.id,
                action="account.created",
                subject=f"account:{clerk.id}",
                details={"roles": [r.value for r in clerk.roles]},
            ),
        )
        return account

    def reset_password(self, admin: ClerkSession, account_id: str, temporary: str) -> None:
        """An administrator unlocks an account and sets a temporary password.

        The clerk must change it at the next login.

        Raises:
            NotPermitted: ``admin`` is not a 管理员.
            ValidationFailed: no such account, or the password breaks the policy.
        """
        self._require_admin(admin)
        account = self._require(account_id)
        check_password_policy(temporary, account_id=account.id)
        account = account.model_copy(
            update={
                "password_hash": hash_secret(temporary, params=self._params),
                "failures": 0,
                "locked_until": None,
                "must_change_password": True,
            }
        )
        self._repo.save(
            account,
            AuditNote(actor=admin.clerk.id, action="account.reset",
                      subject=f"account:{account.id}"),
        )
        log.info("account %s reset by %s", account.id, admin.clerk.id)

    def unlock(self, admin: ClerkSession, account_id: str) -> None:
        """An administrator lifts a lockout without changing the password."""
        self._require_admin(admin)
        account = self._require(account_id)
        account = account.model_copy(update={"failures": 0, "locked_until": None})
        self._repo.save(
            account,
            AuditNote(actor=admin.clerk.id, action="account.unlocked",
                      subject=f"account:{account.id}"),
        )

    def set_active(self, admin: ClerkSession, account_id: str, *, active: bool) -> None:
        """Enable or disable an account (a clerk who left the hall)."""
        self._require_admin(admin)
        if account_id == admin.clerk.id and not active:
            raise ValidationFailed(msg("不能停用自己的账号"), code="account.self")
        account = self._require(account_id)
        clerk = account.clerk.model_copy(update={"active": active})
        self._repo.save(
            account.model_copy(update={"clerk": clerk}),
            AuditNote(
                actor=admin.clerk.id,
                action="account.enabled" if active else "account.disabled",
                subject=f"account:{account.id}",
            ),
        )

    # -- kiosk staff PIN -------------------------------------------------------------

    def set_pin(self, session: ClerkSession, pin: str) -> None:
        """Set the clerk's own kiosk-exit PIN.

        Raises:
            ValidationFailed: the PIN breaks :func:`check_pin_policy`.
        """
        check_pin_policy(pin)
        account = self._require(session.clerk.id)
        self._repo.save(
            account.model_copy(update={"pin_hash": hash_secret(pin, params=self._params)}),
            AuditNote(actor=account.id, action="account.pin_set",
                      subject=f"account:{account.id}"),
        )

    def staff_for_pin(self, pin: str, hall_id: str) -> Clerk | None:
        """The active staff member of ``hall_id`` whose kiosk PIN this is, or ``None``.

        Use it through a :class:`PinGate`, which limits the attempts.
        """
        for account in self._repo.all():
            if (
                account.pin_hash
                and account.clerk.active
                and account.clerk.hall_id == hall_id
                and verify_secret(pin, account.pin_hash)
            ):
                return account.clerk
        return None

    # -- helpers ----------------------------------------------------------------------

    def _require(self, account_id: str) -> Account:
        account = self._repo.get(account_id)
        if account is None:
            raise ValidationFailed(msg("账号不存在"), code="account.unknown")
        return account

    @staticmethod
    def _require_admin(session: ClerkSession) -> None:
        if not session.clerk.has(Role.ADMIN):
            raise NotPermitted(msg("只有管理员可以管理账号"), code="account.not_admin")


class PinGate:
    """The kiosk's staff-exit PIN pad: five wrong PINs lock it for 15 minutes.

    Args:
        check: returns the staff member for a PIN, or ``None``
            (e.g. ``functools.partial(accounts.staff_for_pin, hall_id=...)``).
        clock: the time source.
    """

    def __init__(self, *, check: _PinCheck, clock: Clock) -> None:
        self._check = check
        self._clock = clock
        self._failures = 0
        self._locked_until: _dt.datetime | None = None

    @property
    def locked_until(self) -> _dt.datetime | None:
        now = self._clock.now()
        if self._locked_until is not None and now >= self._locked_until:
            self._locked_until = None
            self._failures = 0
        return self._locked_until

    def enter(self, pin: str) -> Clerk:
        """Try a PIN.

        Raises:
            AccountLocked: too many wrong PINs; staff must wait.
            LoginRefused: wrong PIN.
        """
        until = self.locked_until
        if until is not None:
            raise AccountLocked(
                msg("错误次数过多，请于{until:%H:%M}后再试", until=until),
                code="pin.locked",
                until=until.isoformat(),
            )
        clerk = self._check(pin) if pin.isascii() and pin.isdigit() else None
        if clerk is not None:
            self._failures = 0
            return clerk
        self._failures += 1
        if self._failures >= MAX_FAILURES:
            self._locked_until = self._clock.now() + LOCKOUT
            log.warning("kiosk staff PIN pad locked after %d wrong PINs", self._failures)
            raise AccountLocked(
                msg("错误次数过多，请于{until:%H:%M}后再试", until=self._locked_until),
                code="pin.locked",
                until=self._locked_until.isoformat(),
            )
        raise LoginRefused(
            msg("退出密码错误"), code="pin.refused", left=MAX_FAILURES - self._failures
        )


class _PinCheck(Protocol):
    def __call__(self, pin: str) -> Clerk | None: ...
