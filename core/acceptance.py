"""The acceptance flow (无差别"一窗受理") as a plain object both UIs drive.

STYLE.md §4: the window client (and later the kiosk) render this object's state and
call its methods; the rules live here and in :mod:`core.case`, tested without Qt.

Steps, in order (each may be revisited until the outcome is executed)::

    ITEM → SITUATION → APPLICANT → AGENT (optional) → MATERIALS → OUTCOME → DONE

- The applicant is typed, or comes from a resolved 居民码/企业码 identity: the form is
  pre-filled and every material whose e-licence type the holder has (valid today) is
  marked ``elicence`` automatically.
- :meth:`AcceptanceFlow.outcomes` lists the outcomes *actually available* for the
  marks and the item, each with the reason when it is not: accept only when complete;
  correction when anything is missing or defective; 容缺 only when every problem is a
  missing 容缺-allowed material; 告知承诺 when the item allows it (the applicant must
  choose it); reject only with a 首席代表's approval.
- :meth:`AcceptanceFlow.next_action` tells a keyboard-first screen what is required
  next; :meth:`AcceptanceFlow.problems` gives the validation messages of a step.
- :meth:`AcceptanceFlow.execute` opens the :class:`core.case.Case` under a provisional
  number, applies the marks, receives it and takes the chosen outcome; the returned
  event is what the paper is made from (``documents.from_case``).
"""

from __future__ import annotations

import datetime as _dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from core.calendar import WorkingCalendar
from core.case import (
    Actor,
    Agent,
    Applicant,
    Case,
    CaseEvent,
    CheckStatus,
    MarkKind,
    MaterialCheck,
    MaterialMark,
    Role,
    audience_text,
)
from core.catalog import Audience, DeliveryMethod, ItemStatus, ServiceItem, Situation
from core.clock import Clock, hall_date
from core.errors import IllegalTransition, NotPermitted, UserFacingError, ValidationFailed, msg
from core.holders import Citizen, Enterprise

log = logging.getLogger(__name__)

_SCRATCH_TERMINAL = "SCRATCH"


class Step(StrEnum):
    ITEM = "item"  # 选择事项
    SITUATION = "situation"  # 选择情形
    APPLICANT = "applicant"  # 申请人信息
    AGENT = "agent"  # 帮办代办 (optional)
    MATERIALS = "materials"  # 材料核验
    OUTCOME = "outcome"  # 受理结果
    DONE = "done"


STEP_NAMES = {
    Step.ITEM: "选择事项",
    Step.SITUATION: "选择办理情形",
    Step.APPLICANT: "填写申请人信息",
    Step.AGENT: "登记代办人（可选）",
    Step.MATERIALS: "核验申请材料",
    Step.OUTCOME: "选择受理结果",
    Step.DONE: "已完成",
}


class Outcome(StrEnum):
    ACCEPT = "accept"  # 受理 → 受理凭证
    CORRECTION = "correction"  # 一次性告知 → 一次性告知书
    PENDING = "pending"  # 容缺受理 → 容缺受理通知书
    COMMITMENT = "commitment"  # 告知承诺 → 告知承诺书
    REJECT = "reject"  # 不予受理 → 不予受理通知书 (首席代表 approval)


OUTCOME_NAMES = {
    Outcome.ACCEPT: "受理",
    Outcome.CORRECTION: "一次性告知（补正）",
    Outcome.PENDING: "容缺受理",
    Outcome.COMMITMENT: "告知承诺受理",
    Outcome.REJECT: "不予受理",
}


@dataclass(frozen=True, slots=True)
class OutcomeOption:
    """One outcome button: whether it can be chosen now, and why not."""

    outcome: Outcome
    available: bool
    reason: str = ""
    needs_chief: bool = False

    @property
    def name(self) -> str:
        return OUTCOME_NAMES[self.outcome]


@dataclass(frozen=True, slots=True)
class NextAction:
    """What the screen should ask for next."""

    step: Step
    message: str
    material_id: str | None = None  # the material to check next, on MATERIALS


@dataclass(frozen=True, slots=True)
class Executed:
    """The result of :meth:`AcceptanceFlow.execute`."""

    case: Case
    receipt: CaseEvent  # 收件
    outcome: CaseEvent  # the one outcome of this receipt
    delivery: DeliveryMethod


class AcceptanceFlow:
    """One application taken in at a counter (or a kiosk).

    Args:
        actor: the clerk (or kiosk session) taking it in.
        clock: the hall clock.
        calendar: the working-day calendar (deadlines on the papers).
    """

    def __init__(self, *, actor: Actor, clock: Clock, calendar: WorkingCalendar) -> None:
        self._actor = actor
        self._clock = clock
        self._calendar = calendar
        self._item: ServiceItem | None = None
        self._situation: Situation | None = None
        self._applicant: Applicant | None = None
        self._holder: Citizen | Enterprise | None = None
        self._agent: Agent | None = None
        self._agent_decided = False
        self._marks: dict[str, MaterialMark] = {}
        self._delivery: DeliveryMethod | None = None
        self._executed: Executed | None = None

    # ---- reading ---------------------------------------------------------------------

    @property
    def item(self) -> ServiceItem | None:
        return self._item

    @property
    def situation(self) -> Situation | None:
        return self._situation

    @property
    def applicant(self) -> Applicant | None:
        return self._applicant

    @property
    def agent(self) -> Agent | None:
        return self._agent

    @property
    def holder(self) -> Citizen | Enterprise | None:
        """The identity resolved from a scanned code, if any."""
        return self._holder

    @property
    def delivery(self) -> DeliveryMethod | None:
        return self._delivery

    @property
    def executed(self) -> Executed | None:
        return self._executed

    def prefill(self) -> dict[str, str]:
        """Form fields from the resolved identity (表单预填); empty when typed by hand."""
        return self._holder.prefill() if self._holder is not None else {}

    def situations(self) -> tuple[Situation, ...]:
        return self._item.situations if self._item is not None else ()

    # ---- steps -----------------------------------------------------------------------

    def choose_item(self, item: ServiceItem) -> None:
        """选择事项. Changing the item starts the checklist afresh.

        Raises:
            ValidationFailed: the item was withdrawn, is not handled in this hall, or
                not offered on this channel.
        """
        self._require_open()
        if item.status is ItemStatus.WITHDRAWN:
            raise ValidationFailed(
                msg("该事项已调整：{note}", note=item.withdrawn_note), code="case.item_withdrawn"
            )
        if self._actor.hall_id and self._actor.hall_id not in item.hall_ids:
            raise ValidationFailed(msg("该事项不在本大厅办理"), code="acceptance.other_hall")
        if self._item is None or item.id != self._item.id:
            self._marks.clear()
            self._situation = None
        self._item = item
        self._delivery = item.delivery[0]
        if len(item.situations) == 1:
            self._situation = item.situations[0]
        self._auto_marks()

    def choose_situation(self, situation_id: str) -> None:
        """选择办理情形; marks of materials outside the new 情形 are dropped."""
        item = self._need_item()
        self._require_open()
        try:
            self._situation = item.situation(situation_id)
        except KeyError:
            raise ValidationFailed(
                msg("所选办理情形不存在，请重新选择"), code="case.situation"
            ) from None
        wanted = set(self._situation.material_ids)
        self._marks = {k: v for k, v in self._marks.items() if k in wanted}
        self._auto_marks()

    def set_applicant(self, applicant: Applicant) -> None:
        """A typed applicant (validated by :class:`core.case.Applicant` already).

        Raises:
            ValidationFailed: the item does not serve this kind of applicant.
        """
        self._require_open()
        item = self._need_item()
        if applicant.kind not in item.audience:
            raise ValidationFailed(
                msg("该事项的服务对象为{audience}", audience=audience_text(item.audience)),
                code="case.audience",
            )
        if self._holder is not None and _holder_id(self._holder) != applicant.id_number:
            self._drop_identity()
        self._applicant = applicant

    def use_identity(self, holder: Citizen | Enterprise, *, contact_name: str = "") -> Applicant:
        """A resolved 居民码/企业码: pre-fill the applicant, mark e-licences held.

        Args:
            holder: the identity the gateway resolved.
            contact_name: the enterprise's 经办人 (defaults to its legal representative).
        """
        self._require_open()
        if isinstance(holder, Citizen):
            applicant = Applicant(
                kind=Audience.PERSONAL,
                name=holder.name,
                id_number=holder.id_number,
                phone=holder.phone,
                address=holder.residence_address,
            )
        else:
            applicant = Applicant(
                kind=Audience.ENTERPRISE,
                name=holder.name,
                id_number=holder.uscc,
                phone=holder.phone,
                contact_name=contact_name.strip() or holder.legal_representative,
                address=holder.address,
            )
        self._drop_identity()
        self._holder = holder
        self.set_applicant(applicant)
        self._auto_marks()
        log.info("acceptance: identity from a scanned code, %d licences", len(holder.licences))
        return applicant

    def set_agent(self, agent: Agent | None) -> None:
        """帮办代办 with its authorisation reference, or ``None`` for 本人办理."""
        self._require_open()
        self._agent = agent
        self._agent_decided = True

    def choose_delivery(self, method: DeliveryMethod) -> None:
        """出件方式 the applicant wants (one the item offers)."""
        item = self._need_item()
        if method not in item.delivery:
            raise ValidationFailed(msg("该事项不支持此出件方式"), code="case.delivery_method")
        self._delivery = method

    # ---- materials -----------------------------------------------------------------

    def mark(self, material_id: str, kind: MarkKind, *, reason: str = "") -> None:
        """Mark one material: paper seen, shared data, missing, defective (with reason).

        E-licence marks come from :meth:`use_identity` or :meth:`mark_elicence`.

        Raises:
            ValidationFailed: unknown material, or the mark does not fit it.
        """
        self._require_open()
        self._set_mark(MaterialMark(material_id=material_id, kind=kind, reason=reason.strip()))

    def mark_elicence(self, material_id: str, *, licence_id: str, licence_type: str) -> None:
        """Mark a material as satisfied by a named e-licence."""
        self._require_open()
        self._set_mark(
            MaterialMark(
                material_id=material_id,
                kind=MarkKind.ELICENCE,
                licence_id=licence_id,
                licence_type=licence_type,
            )
        )

    def clear_mark(self, material_id: str) -> None:
        self._require_open()
        self._marks.pop(material_id, None)

    def checklist(self) -> tuple[MaterialCheck, ...]:
        """Every material of the 情形 with its mark and status."""
        scratch = self._scratch()
        return scratch.checklist() if scratch is not None else ()

    # ---- outcomes --------------------------------------------------------------------

    def outcomes(self) -> tuple[OutcomeOption, ...]:
        """Each outcome and whether it can be chosen now."""
        checks = self.checklist()
        item = self._item
        unchecked = [c.material.name for c in checks if c.status is CheckStatus.UNCHECKED]
        problems = [c for c in checks if c.is_problem]
        missing = [c for c in problems if c.status is CheckStatus.MISSING]
        defective = [c for c in problems if c.status is CheckStatus.DEFECTIVE]
        ready = self._ready_for_outcome()
        blocked = ready or (
            msg("还有材料未核验：{materials}", materials="、".join(unchecked)) if unchecked else ""
        )

        def option(outcome: Outcome, reason: str, *, chief: bool = False) -> OutcomeOption:
            return OutcomeOption(outcome=outcome, available=not reason, reason=reason,
                                 needs_chief=chief)

        not_pending = [c.material.name for c in missing if not c.material.pending_allowed]
        commitment = item is not None and item.commitment_allowed
        return (
            option(Outcome.ACCEPT, blocked or (msg("材料不齐全或不符合要求") if problems else "")),
            option(Outcome.CORRECTION, blocked or ("" if problems else msg("材料齐全，无需补正"))),
            option(
                Outcome.PENDING,
                blocked
                or (msg("材料不符合要求的不能容缺") if defective else "")
                or (msg("没有缺少的材料") if not missing else "")
                or (msg("以下材料不允许容缺：{materials}", materials="、".join(not_pending))
                    if not_pending else ""),
            ),
            option(
                Outcome.COMMITMENT,
                blocked
                or ("" if commitment else msg("该事项未实行告知承诺制")),
            ),
            option(Outcome.REJECT, ready, chief=True),
        )

    def available(self) -> tuple[Outcome, ...]:
        return tuple(o.outcome for o in self.outcomes() if o.available)

    # ---- guidance --------------------------------------------------------------------

    def next_action(self) -> NextAction:  # noqa: PLR0911 - one return per step
        """The first thing still required, for a keyboard-first screen."""
        if self._executed is not None:
            return NextAction(Step.DONE, "已完成，请打印文书")
        if self._item is None:
            return NextAction(Step.ITEM, "请搜索并选择要办理的事项")
        if self._situation is None:
            return NextAction(Step.SITUATION, "请选择办理情形")
        if self._applicant is None:
            return NextAction(Step.APPLICANT, "请扫描居民码/企业码，或录入申请人信息")
        if not self._agent_decided:
            return NextAction(Step.AGENT, "是否由代办人办理？本人办理请直接继续")
        for check in self.checklist():
            if check.status is CheckStatus.UNCHECKED:
                return NextAction(
                    Step.MATERIALS,
                    f"请核验材料：{check.material.name}",
                    material_id=check.material.id,
                )
        return NextAction(Step.OUTCOME, "材料已全部核验，请选择受理结果")

    def problems(self, step: Step) -> tuple[str, ...]:
        """Validation messages for one step (empty when the step is complete)."""
        simple = {
            Step.ITEM: (self._item is not None, msg("尚未选择事项")),
            Step.SITUATION: (self._situation is not None, msg("尚未选择办理情形")),
            Step.APPLICANT: (self._applicant is not None, msg("尚未录入申请人")),
            Step.AGENT: (True, ""),
            Step.DONE: (self._executed is not None, msg("尚未完成受理")),
        }
        if step in simple:
            done, message = simple[step]
            return () if done else (message,)
        if step is Step.MATERIALS:
            return tuple(
                msg("“{material}”尚未核验", material=c.material.name)
                for c in self.checklist()
                if c.status is CheckStatus.UNCHECKED
            )
        return () if self.available() else (msg("当前没有可选的受理结果"),)

    # ---- execution -------------------------------------------------------------------

    def execute(
        self,
        outcome: Outcome,
        *,
        number: str,
        note: str = "",
        supply_by: _dt.date | None = None,
        applicant_chose: bool = False,
        commitment_ref: str = "",
        reason: str = "",
        redress: str = "",
        approved_by: Actor | None = None,
    ) -> Executed:
        """Open the case under ``number``, receive it and take ``outcome``.

        Call it from ``CaseRepository.create(lambda n: flow.execute(..., number=n).case)``
        so the number and the case are saved together.

        Args:
            outcome: one of :meth:`available`.
            number: the provisional number allocated by the store.
            note: remarks for the correction notice.
            supply_by: 容缺 deadline.
            applicant_chose: the applicant chose 告知承诺.
            commitment_ref: the signed letter's reference.
            reason, redress, approved_by: for a rejection (approved by a 首席代表).

        Raises:
            ValidationFailed, NotPermitted, IllegalTransition: a rule of
                :mod:`core.case` refused the outcome; nothing has happened.
        """
        self._require_open()
        for option in self.outcomes():
            if option.outcome is outcome and not option.available:
                raise ValidationFailed(option.reason, code="acceptance.outcome_unavailable")
        chief_ok = approved_by is not None and approved_by.role is Role.CHIEF
        if outcome is Outcome.REJECT and not chief_ok:
            raise NotPermitted(
                msg("窗口无否决权：不予受理须经首席代表审核同意"), code="case.reject_needs_chief"
            )
        if outcome is Outcome.PENDING and supply_by is None:
            raise ValidationFailed(msg("请填写容缺材料的补齐期限"), code="case.pending_deadline")
        case = self._open(number)
        receipt = case.receive(self._actor)
        if outcome is Outcome.ACCEPT:
            event = case.accept(self._actor)
        elif outcome is Outcome.CORRECTION:
            event = case.request_correction(self._actor, note=note)
        elif outcome is Outcome.PENDING:
            assert supply_by is not None
            event = case.accept_pending(self._actor, supply_by=supply_by)
        elif outcome is Outcome.COMMITMENT:
            event = case.accept_on_commitment(
                self._actor, applicant_chose=applicant_chose, commitment_ref=commitment_ref
            )
        else:
            assert approved_by is not None
            event = case.reject(
                self._actor, reason=reason, redress=redress, approved_by=approved_by
            )
        assert self._delivery is not None
        self._executed = Executed(case=case, receipt=receipt, outcome=event,
                                  delivery=self._delivery)
        return self._executed

    # ---- machinery -------------------------------------------------------------------

    def _open(self, number: str) -> Case:
        item = self._need_item()
        if self._situation is None or self._applicant is None:
            raise ValidationFailed(
                msg("请先选择办理情形并录入申请人"), code="acceptance.incomplete"
            )
        case = Case.open(
            number=number,
            item=item,
            situation_id=self._situation.id,
            applicant=self._applicant,
            actor=self._actor,
            clock=self._clock,
            calendar=self._calendar,
            agent=self._agent,
        )
        case.mark_all(self._marks.values())
        return case

    def _scratch(self) -> Case | None:
        """A throw-away case that applies core.case's rules to the current choices."""
        if self._item is None or self._situation is None or self._applicant is None:
            return None
        number = f"T{_SCRATCH_TERMINAL}-{hall_date(self._clock.now()):%Y%m%d}-1"
        try:
            return self._open(number)
        except UserFacingError:
            return None

    def _set_mark(self, mark: MaterialMark) -> None:
        self._need_item()
        if self._situation is None:
            raise ValidationFailed(msg("请先选择办理情形"), code="acceptance.no_situation")
        scratch = self._scratch()
        if scratch is None:
            raise ValidationFailed(
                msg("请先录入申请人，再核验材料"), code="acceptance.no_applicant"
            )
        scratch.mark(mark)  # core.case's rules: part of the 情形, fits the material
        self._marks[mark.material_id] = mark

    def _auto_marks(self) -> None:
        """免提交: materials whose e-licence the resolved holder has (valid today)."""
        if self._holder is None or self._item is None or self._situation is None:
            return
        today = hall_date(self._clock.now())
        for material in self._item.materials_for(self._situation.id):
            if material.elicence_type is None or material.id in self._marks:
                continue
            licence = self._holder.valid_licence(material.elicence_type, today)
            if licence is not None:
                self._marks[material.id] = MaterialMark(
                    material_id=material.id,
                    kind=MarkKind.ELICENCE,
                    licence_id=licence.identifier,
                    licence_type=material.elicence_type,
                )

    def _drop_identity(self) -> None:
        self._holder = None
        self._marks = {k: v for k, v in self._marks.items() if v.kind is not MarkKind.ELICENCE}

    def _ready_for_outcome(self) -> str:
        if self._item is None:
            return msg("尚未选择事项")
        if self._situation is None:
            return msg("尚未选择办理情形")
        if self._applicant is None:
            return msg("尚未录入申请人")
        return ""

    def _need_item(self) -> ServiceItem:
        if self._item is None:
            raise ValidationFailed(msg("请先选择事项"), code="acceptance.no_item")
        return self._item

    def _require_open(self) -> None:
        if self._executed is not None:
            raise IllegalTransition(msg("本次收件已完成，不能再修改"), code="acceptance.done")


def _holder_id(holder: Citizen | Enterprise) -> str:
    return holder.id_number if isinstance(holder, Citizen) else holder.uscc


def elicence_marks(checks: Sequence[MaterialCheck]) -> tuple[MaterialCheck, ...]:
    """The rows satisfied by an e-licence (免提交), for the screen's summary."""
    return tuple(c for c in checks if c.mark is not None and c.mark.kind is MarkKind.ELICENCE)
