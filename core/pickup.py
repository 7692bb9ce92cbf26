"""24-hour self-service pickup (自助出件) as a plain object the kiosk drives.

PRODUCT.md (Kiosk): identify by 居民码 (must match the applicant) or pickup code +
last digits of the ID → print the result document or open the locker compartment →
print a pickup slip; the event syncs; a picked-up result cannot be picked up twice,
even offline.

The gateway publishes each result awaiting pickup in the hall's ``pickups`` stream
without the code itself: only ``sha256("{pickup_id}:{code}")`` and
``sha256("{pickup_id}:{last 4 of the ID}")`` (see ``gateway/cases.py``). The terminal
checks what the citizen typed against those salted hashes, so it can hand a result
out offline without holding any code.

A resolved 居民码 is matched on what the feed carries about the applicant: the last
four characters of the ID number (hashed) and the masked name. Wrong codes are
counted; five in a row lock pickup by code on this terminal for 15 minutes so the
6-digit codes cannot be guessed at the screen.

A result already handed out (claimed or confirmed on this terminal, or marked
collected by the gateway) is no longer offered, but a second attempt with its right
code and ID tail (or its applicant's 居民码) is told when it was collected
(:class:`PickupAlreadyCollected`) instead of "wrong code"; without both, nothing
about it is said.

Flow::

    flow = PickupFlow(offers=ledger.offers(), collected=ledger.collected(), clock=clock)
    flow.identify_by_code("482913", "123X")      # or identify_by_resident(citizen)
    flow.choose(flow.matches[0].pickup_id)       # when several results are waiting
    flow.method                                  # "print" or "locker"
    ledger.claim(...); printer/locker ...; ledger.confirm(...)
    flow.collected(...)                          # → PickupPaper data for the slip
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import hmac
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from core.catalog import DeliveryMethod
from core.clock import HALL_TZ, Clock
from core.errors import IllegalTransition, UserFacingError, ValidationFailed, msg
from core.holders import Citizen
from core.masking import mask_name

log = logging.getLogger(__name__)

MAX_CODE_FAILURES = 5
CODE_LOCKOUT = _dt.timedelta(minutes=15)
ID_TAIL_LENGTH = 4


def code_digest(pickup_id: str, code: str) -> str:
    """``sha256("{pickup_id}:{code}")`` as the gateway publishes it."""
    return hashlib.sha256(f"{pickup_id}:{code}".encode()).hexdigest()


def _same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode("ascii", "replace"), b.encode("ascii", "replace"))


class PickupOffer(BaseModel):
    """One result waiting in the ``pickups`` stream."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    pickup_id: str
    case_number: str
    item_name: str
    delivery: str
    applicant: str  # masked name
    code_sha256: str
    id_tail_sha256: str
    state: str
    result: dict[str, Any] | None = None
    ready_at: str = ""

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> PickupOffer:
        """Read a ``pickups`` stream doc.

        Raises:
            ValidationFailed: the doc lacks a field the pickup needs.
        """
        try:
            return cls.model_validate(doc)
        except ValidationError:
            raise ValidationFailed(msg("取件信息不完整"), code="pickup.malformed") from None

    @property
    def waiting(self) -> bool:
        return self.state == "waiting"

    @property
    def method(self) -> Literal["print", "locker"] | None:
        """How this kiosk hands it out, from the result's delivery method."""
        if self.delivery == DeliveryMethod.KIOSK_PRINT.value:
            return "print"
        if self.delivery == DeliveryMethod.LOCKER.value:
            return "locker"
        return None

    @property
    def result_name(self) -> str:
        result = self.result or {}
        return str(result.get("result_name") or result.get("name") or "办理结果")

    @property
    def compartment(self) -> str:
        """The locker compartment the result was put in (智能文件柜格口号), if known."""
        result = self.result or {}
        return str(result.get("compartment") or result.get("locker") or "")

    def matches_code(self, code: str, id_tail: str) -> bool:
        """Whether a typed pickup code and ID tail are this offer's."""
        return _same(code_digest(self.pickup_id, code), self.code_sha256) and _same(
            code_digest(self.pickup_id, id_tail), self.id_tail_sha256
        )

    def matches_person(self, citizen: Citizen) -> bool:
        """Whether a resolved 居民码 identity is this result's applicant."""
        tail = citizen.id_number[-ID_TAIL_LENGTH:]
        return _same(code_digest(self.pickup_id, tail), self.id_tail_sha256) and (
            mask_name(citizen.name) == self.applicant
        )


@dataclass(frozen=True, slots=True)
class CollectedPickup:
    """A result of this hall that was already handed out.

    Attributes:
        offer: its ``pickups`` record (the salted hashes identify it).
        at: when it was collected (this terminal's claim, else the gateway's record);
            ``None`` when neither says.
    """

    offer: PickupOffer
    at: _dt.datetime | None = None


class PickupAlreadyCollected(ValidationFailed):
    """The citizen proved to be this result's applicant, but it was already collected."""


def collected_message(at: _dt.datetime | None) -> str:
    """What a second pickup attempt is told (only after the code and ID tail matched)."""
    if at is None:
        return msg("该结果已被领取，如有疑问请呼叫帮办或到窗口咨询")
    moment = at.astimezone(HALL_TZ) if at.tzinfo is not None else at
    return msg("该结果已于 {at:%Y年%m月%d日 %H:%M} 领取，如有疑问请呼叫帮办或到窗口咨询",
               at=moment)


class PickupStep(StrEnum):
    IDENTIFY = "identify"  # 扫居民码 or 输入取件码
    CHOOSE = "choose"  # several results wait for this person
    DISPENSE = "dispense"  # print or open the locker
    DONE = "done"


class PickupFlow:
    """One citizen's pickup at one kiosk.

    Args:
        offers: the results waiting at this hall (``PickupLedger.offers()``).
        clock: for the code lockout.
        collected: the results already handed out (``PickupLedger.collected()``), so a
            second attempt by their applicant is told so.
        failures: wrong-code counter shared across sessions of this kiosk (pass the
            same :class:`CodeAttempts` to every flow).
    """

    def __init__(
        self,
        *,
        offers: Sequence[PickupOffer],
        clock: Clock,
        failures: CodeAttempts | None = None,
        collected: Sequence[CollectedPickup] = (),
    ) -> None:
        self._offers = tuple(o for o in offers if o.waiting)
        waiting = {o.pickup_id for o in self._offers}
        self._collected = tuple(c for c in collected if c.offer.pickup_id not in waiting)
        self._clock = clock
        self._attempts = failures or CodeAttempts(clock=clock)
        self._matches: tuple[PickupOffer, ...] = ()
        self._chosen: PickupOffer | None = None
        self._verified_by: Literal["resident_code", "pickup_code"] | None = None
        self._done = False

    # -- state ------------------------------------------------------------------

    @property
    def step(self) -> PickupStep:
        if self._done:
            return PickupStep.DONE
        if self._chosen is not None:
            return PickupStep.DISPENSE
        if self._matches:
            return PickupStep.CHOOSE
        return PickupStep.IDENTIFY

    @property
    def matches(self) -> tuple[PickupOffer, ...]:
        return self._matches

    @property
    def chosen(self) -> PickupOffer | None:
        return self._chosen

    @property
    def verified_by(self) -> Literal["resident_code", "pickup_code"] | None:
        return self._verified_by

    @property
    def method(self) -> Literal["print", "locker"]:
        """How the chosen result comes out.

        Raises:
            IllegalTransition: nothing chosen yet.
        """
        if self._chosen is None:
            raise IllegalTransition(msg("请先选择要领取的结果"), code="pickup.no_choice")
        method = self._chosen.method
        assert method is not None  # only self-pickup offers are matched
        return method

    def prompt(self) -> str:
        """What the screen asks for now."""
        return {
            PickupStep.IDENTIFY: msg("请扫描居民码，或输入取件码和身份证号码后4位"),
            PickupStep.CHOOSE: msg("您有多件办理结果待领取，请选择要领取的结果"),
            PickupStep.DISPENSE: (
                msg("正在打印办理结果，请稍候")
                if self._chosen is not None and self._chosen.method == "print"
                else msg("柜门即将打开，请取走文件后关好柜门")
            ),
            PickupStep.DONE: msg("领取完成，请取走取件凭条"),
        }[self.step]

    # -- identification -----------------------------------------------------------

    def identify_by_resident(self, citizen: Citizen) -> tuple[PickupOffer, ...]:
        """A resolved 居民码: every waiting result whose applicant this person is.

        Raises:
            PickupAlreadyCollected: nothing waits, but this person's result was collected.
            ValidationFailed: nothing waits for this person at this hall.
        """
        self._require_step(PickupStep.IDENTIFY)
        found = tuple(o for o in self._offers if o.method and o.matches_person(citizen))
        if not found:
            self._say_if_collected([c for c in self._collected
                                    if c.offer.matches_person(citizen)])
            raise ValidationFailed(
                msg("没有查到您在本大厅待领取的办理结果。如结果需窗口领取或邮寄，请咨询工作人员"),
                code="pickup.none_for_person",
            )
        return self._matched(found, "resident_code")

    def identify_by_code(self, code: str, id_tail: str) -> PickupOffer:
        """Pickup code (取件码) plus the last 4 characters of the applicant's ID number.

        Raises:
            ValidationFailed: malformed input, or no match (counts as a failure).
            PickupAlreadyCollected: the code and ID tail are those of a result already
                collected (neither a failure nor a success: a known used code must not
                reset the count of wrong guesses).
            PickupLocked: too many wrong codes on this kiosk.
        """
        self._require_step(PickupStep.IDENTIFY)
        self._attempts.check()
        code = code.strip()
        tail = id_tail.strip().upper()
        if not (code.isascii() and code.isdigit() and 4 <= len(code) <= 12):
            raise ValidationFailed(msg("取件码应为短信中的数字"), code="pickup.code_format")
        if len(tail) != ID_TAIL_LENGTH or not tail.isascii() or not tail.isalnum():
            raise ValidationFailed(msg("请输入身份证号码最后4位"), code="pickup.tail_format")
        found = tuple(o for o in self._offers if o.method and o.matches_code(code, tail))
        if not found:
            self._say_if_collected([c for c in self._collected
                                    if c.offer.matches_code(code, tail)])
            left = self._attempts.failed()
            raise ValidationFailed(
                msg("取件码或身份证号码后4位不正确，还可尝试{left}次", left=left),
                code="pickup.no_match",
                left=left,
            )
        self._attempts.succeeded()
        self._matched(found, "pickup_code")
        return found[0]

    @staticmethod
    def _say_if_collected(taken: Sequence[CollectedPickup]) -> None:
        """Raise :class:`PickupAlreadyCollected` for the latest of ``taken``, if any."""
        if not taken:
            return
        known = [c.at for c in taken if c.at is not None]
        at = max(known, key=lambda m: m.timestamp()) if known else None
        log.info("pickup attempt on %d result(s) already collected", len(taken))
        raise PickupAlreadyCollected(
            collected_message(at),
            code="pickup.already_collected",
            collected_at=at.isoformat() if at is not None else "",
        )

    def _matched(
        self, found: tuple[PickupOffer, ...], how: Literal["resident_code", "pickup_code"]
    ) -> tuple[PickupOffer, ...]:
        self._matches = found
        self._verified_by = how
        if len(found) == 1:
            self._chosen = found[0]
        log.info("pickup identified by %s: %d result(s)", how, len(found))
        return found

    def choose(self, pickup_id: str) -> PickupOffer:
        """Pick one of several waiting results."""
        if self.step not in (PickupStep.CHOOSE, PickupStep.DISPENSE):
            raise IllegalTransition(msg("请先验证身份"), code="pickup.not_identified")
        for offer in self._matches:
            if offer.pickup_id == pickup_id:
                self._chosen = offer
                return offer
        raise ValidationFailed(msg("所选结果不在待领取列表中"), code="pickup.not_matched")

    def collected(self) -> PickupOffer:
        """The result came out (after ``PickupLedger.confirm``)."""
        self._require_step(PickupStep.DISPENSE)
        assert self._chosen is not None
        self._done = True
        return self._chosen

    def _require_step(self, step: PickupStep) -> None:
        if self.step is not step:
            raise IllegalTransition(
                msg("当前步骤不能进行此操作"), code="pickup.step", step=step.value
            )


class PickupLocked(UserFacingError):
    """Too many wrong pickup codes at this kiosk; ``params['until']`` says until when."""


class CodeAttempts:
    """Wrong pickup codes at one kiosk: 5 in a row lock code entry for 15 minutes."""

    def __init__(self, *, clock: Clock) -> None:
        self._clock = clock
        self._failures = 0
        self._until: _dt.datetime | None = None

    def check(self) -> None:
        """Raises :class:`PickupLocked` while locked."""
        if self._until is None:
            return
        if self._clock.now() >= self._until:
            self._until = None
            self._failures = 0
            return
        raise PickupLocked(
            msg("错误次数过多，请于{until:%H:%M}后再试，或扫描居民码取件",
                until=self._until),
            code="pickup.locked",
            until=self._until.isoformat(),
        )

    def failed(self) -> int:
        """Count a failure; returns the attempts left (0 means now locked)."""
        self._failures += 1
        if self._failures >= MAX_CODE_FAILURES:
            self._until = self._clock.now() + CODE_LOCKOUT
            log.warning("pickup code entry locked after %d wrong codes", self._failures)
            return 0
        return MAX_CODE_FAILURES - self._failures

    def succeeded(self) -> None:
        self._failures = 0
