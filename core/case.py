"""办件: one application, its material checklist and its state machine.

States (DESIGN.md, Cases)::

    draft → received → accepted ──────────────┬→ in_review → approved ─┐
                     → accepted_on_commitment ┤              → denied ──┴→ result_ready
                     → accepted_pending (补齐) ┘                            → delivered
                     → correction_requested ── (补正后重新收件) → received
                     → rejected
    accepted / accepted_on_commitment → approved      (窗口办结, 最多签两次)
    accepted_pending → rejected                       (补齐期限已过)
    any state before a decision → withdrawn          (申请人撤回)

The rules are enforced here, not in a screen: a case is accepted only when every
required material is satisfied; a correction notice lists every missing and defective
material at once and only within 5 working days of receipt; 容缺 needs every missing
material to be 容缺-allowed and a deadline; 告知承诺 needs the item to allow it and the
applicant to choose it; a rejection needs a reason, the rights of redress and a
首席代表's approval (窗口无否决权、否决权上移). Each receipt ends in exactly one outcome.

Every transition appends an immutable :class:`CaseEvent` carrying what the printed
paper for it needs. A :class:`Case` wraps an immutable :class:`CaseRecord` (what the
store keeps) and replaces it on every change.
"""

from __future__ import annotations

import copy
import datetime as _dt
import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    ValidationInfo,
    field_validator,
    model_validator,
)

from core.calendar import Countdown, WorkingCalendar
from core.catalog import Audience, DeliveryMethod, ItemStatus, Material, NonEmpty, ServiceItem
from core.clock import Clock, hall_date
from core.elicence import validate_identifier
from core.errors import IllegalTransition, NotPermitted, ValidationFailed, msg
from core.identifiers import validate_resident_id, validate_uscc
from core.masking import mask_id_number, mask_phone, mask_uscc, scrub

log = logging.getLogger(__name__)


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# ---- vocabulary -----------------------------------------------------------------


class CaseState(StrEnum):
    DRAFT = "draft"
    RECEIVED = "received"
    ACCEPTED = "accepted"
    ACCEPTED_PENDING = "accepted_pending"
    ACCEPTED_ON_COMMITMENT = "accepted_on_commitment"
    CORRECTION_REQUESTED = "correction_requested"
    REJECTED = "rejected"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    DENIED = "denied"
    RESULT_READY = "result_ready"
    DELIVERED = "delivered"
    WITHDRAWN = "withdrawn"


STATE_NAMES: Mapping[CaseState, str] = {
    CaseState.DRAFT: msg("草稿"),
    CaseState.RECEIVED: msg("已收件"),
    CaseState.ACCEPTED: msg("已受理"),
    CaseState.ACCEPTED_PENDING: msg("容缺受理"),
    CaseState.ACCEPTED_ON_COMMITMENT: msg("告知承诺受理"),
    CaseState.CORRECTION_REQUESTED: msg("待补正"),
    CaseState.REJECTED: msg("不予受理"),
    CaseState.IN_REVIEW: msg("审查中"),
    CaseState.APPROVED: msg("准予办理"),
    CaseState.DENIED: msg("不予办理"),
    CaseState.RESULT_READY: msg("待领取"),
    CaseState.DELIVERED: msg("已出件"),
    CaseState.WITHDRAWN: msg("已撤回"),
}

FINAL_STATES = frozenset({CaseState.REJECTED, CaseState.DELIVERED, CaseState.WITHDRAWN})


class Action(StrEnum):
    """What happened to a case; each event names one."""

    OPEN = "open"
    RECEIVE = "receive"
    RESUBMIT = "resubmit"  # 补正后重新收件
    ACCEPT = "accept"
    ACCEPT_PENDING = "accept_pending"
    ACCEPT_ON_COMMITMENT = "accept_on_commitment"
    REQUEST_CORRECTION = "request_correction"
    REJECT = "reject"
    SUPPLY_PENDING = "supply_pending"  # 容缺材料补齐
    FORWARD = "forward"  # 推送后台审批
    DECIDE_AT_WINDOW = "decide_at_window"  # 窗口办结 (最多签两次)
    APPROVE = "approve"
    DENY = "deny"
    PUBLISH_RESULT = "publish_result"
    DELIVER = "deliver"
    WITHDRAW = "withdraw"
    NUMBERED = "numbered"  # 平台赋予正式办件编号


ACTION_NAMES: Mapping[Action, str] = {
    Action.OPEN: msg("创建办件"),
    Action.RECEIVE: msg("收件"),
    Action.RESUBMIT: msg("补正后重新收件"),
    Action.ACCEPT: msg("受理"),
    Action.ACCEPT_PENDING: msg("容缺受理"),
    Action.ACCEPT_ON_COMMITMENT: msg("告知承诺受理"),
    Action.REQUEST_CORRECTION: msg("出具一次性告知书"),
    Action.REJECT: msg("不予受理"),
    Action.SUPPLY_PENDING: msg("补齐容缺材料"),
    Action.FORWARD: msg("推送后台审批"),
    Action.DECIDE_AT_WINDOW: msg("窗口办结"),
    Action.APPROVE: msg("准予办理"),
    Action.DENY: msg("不予办理"),
    Action.PUBLISH_RESULT: msg("办理结果待领取"),
    Action.DELIVER: msg("出件"),
    Action.WITHDRAW: msg("撤回申请"),
    Action.NUMBERED: msg("赋予正式办件编号"),
}

_S = CaseState
_BEFORE_DECISION = frozenset(
    {
        _S.DRAFT,
        _S.RECEIVED,
        _S.CORRECTION_REQUESTED,
        _S.ACCEPTED,
        _S.ACCEPTED_PENDING,
        _S.ACCEPTED_ON_COMMITMENT,
        _S.IN_REVIEW,
    }
)
_ACCEPTED_FULLY = frozenset({_S.ACCEPTED, _S.ACCEPTED_ON_COMMITMENT})
# Materials are checked before and at receipt, when corrections come in, and while
# 容缺 materials are being supplied.
_MARKABLE = frozenset({_S.DRAFT, _S.RECEIVED, _S.CORRECTION_REQUESTED, _S.ACCEPTED_PENDING})

TRANSITIONS: Mapping[Action, tuple[frozenset[CaseState], CaseState | None]] = {
    Action.RECEIVE: (frozenset({_S.DRAFT}), _S.RECEIVED),
    Action.RESUBMIT: (frozenset({_S.CORRECTION_REQUESTED}), _S.RECEIVED),
    Action.ACCEPT: (frozenset({_S.RECEIVED}), _S.ACCEPTED),
    Action.ACCEPT_PENDING: (frozenset({_S.RECEIVED}), _S.ACCEPTED_PENDING),
    Action.ACCEPT_ON_COMMITMENT: (frozenset({_S.RECEIVED}), _S.ACCEPTED_ON_COMMITMENT),
    Action.REQUEST_CORRECTION: (frozenset({_S.RECEIVED}), _S.CORRECTION_REQUESTED),
    Action.REJECT: (frozenset({_S.RECEIVED, _S.ACCEPTED_PENDING}), _S.REJECTED),
    Action.SUPPLY_PENDING: (frozenset({_S.ACCEPTED_PENDING}), _S.IN_REVIEW),
    Action.FORWARD: (_ACCEPTED_FULLY, _S.IN_REVIEW),
    Action.DECIDE_AT_WINDOW: (_ACCEPTED_FULLY, _S.APPROVED),
    Action.APPROVE: (frozenset({_S.IN_REVIEW}), _S.APPROVED),
    Action.DENY: (frozenset({_S.IN_REVIEW}), _S.DENIED),
    Action.PUBLISH_RESULT: (frozenset({_S.APPROVED, _S.DENIED}), _S.RESULT_READY),
    Action.DELIVER: (frozenset({_S.RESULT_READY}), _S.DELIVERED),
    Action.WITHDRAW: (_BEFORE_DECISION, _S.WITHDRAWN),
    Action.NUMBERED: (frozenset(CaseState) - {_S.DRAFT}, None),  # None: state unchanged
}
"""Which states each action may start from, and where it leads."""


class Channel(StrEnum):
    """Where an action was taken."""

    KIOSK = "kiosk"  # 自助端
    WINDOW = "window"  # 窗口端
    ONLINE = "online"  # 网上/掌上 (爱山东)
    PLATFORM = "platform"  # 平台/后台审批系统


class Role(StrEnum):
    """Who acts: clerk roles of the window client, the back office, the applicant."""

    CLERK = "综合受理"
    ISSUER = "出件"
    CHIEF = "首席代表"
    ADMIN = "管理员"
    REVIEWER = "后台审批"
    APPLICANT = "申请人"
    PLATFORM = "平台"


ROLE_NAMES: Mapping[Role, str] = {
    Role.CLERK: msg("综合受理"),
    Role.ISSUER: msg("出件"),
    Role.CHIEF: msg("首席代表"),
    Role.ADMIN: msg("管理员"),
    Role.REVIEWER: msg("后台审批"),
    Role.APPLICANT: msg("申请人"),
    Role.PLATFORM: msg("平台"),
}
"""Each role's name as shown to people (translatable; the same text as its value)."""

AUDIENCE_NAMES: Mapping[Audience, str] = {
    Audience.PERSONAL: msg("个人"),
    Audience.ENTERPRISE: msg("法人"),
}
"""Each 服务对象 as shown to people (translatable; the same text as its value)."""


def audience_text(audience: Iterable[Audience]) -> str:
    """Who an item serves, as one text: ``"个人"``, ``"法人"`` or ``"个人、法人"``."""
    names = [AUDIENCE_NAMES[a] for a in audience]
    return names[0] if len(names) == 1 else "、".join(names)


_R = Role
_FRONT_DESK = frozenset({_R.CLERK, _R.CHIEF})
_DECIDERS = frozenset({_R.REVIEWER, _R.CHIEF, _R.PLATFORM})
ROLES: Mapping[Action, frozenset[Role]] = {
    Action.OPEN: frozenset({_R.CLERK, _R.CHIEF, _R.APPLICANT, _R.PLATFORM}),
    Action.RECEIVE: frozenset({_R.CLERK, _R.CHIEF, _R.APPLICANT, _R.PLATFORM}),
    Action.RESUBMIT: frozenset({_R.CLERK, _R.CHIEF, _R.APPLICANT, _R.PLATFORM}),
    Action.ACCEPT: _FRONT_DESK | {_R.REVIEWER, _R.PLATFORM},
    Action.ACCEPT_PENDING: _FRONT_DESK | {_R.REVIEWER, _R.PLATFORM},
    Action.ACCEPT_ON_COMMITMENT: _FRONT_DESK | {_R.REVIEWER, _R.PLATFORM},
    Action.REQUEST_CORRECTION: _FRONT_DESK | {_R.REVIEWER, _R.PLATFORM},
    Action.REJECT: _FRONT_DESK | {_R.REVIEWER, _R.PLATFORM},
    Action.SUPPLY_PENDING: _FRONT_DESK | {_R.REVIEWER, _R.PLATFORM},
    Action.FORWARD: _FRONT_DESK | {_R.PLATFORM},
    Action.DECIDE_AT_WINDOW: _FRONT_DESK,
    Action.APPROVE: _DECIDERS,
    Action.DENY: _DECIDERS,
    Action.PUBLISH_RESULT: _DECIDERS | {_R.ISSUER},
    Action.DELIVER: frozenset({_R.ISSUER, _R.CLERK, _R.CHIEF, _R.APPLICANT, _R.PLATFORM}),
    Action.WITHDRAW: frozenset({_R.APPLICANT, _R.CLERK, _R.CHIEF, _R.PLATFORM}),
    Action.NUMBERED: frozenset({_R.PLATFORM}),
}
"""Which roles may take each action."""


# ---- numbers ---------------------------------------------------------------------

_PROVISIONAL = re.compile(
    r"^T(?P<terminal>[A-Za-z0-9][A-Za-z0-9-]*)-(?P<day>\d{8})-(?P<n>\d{1,9})$"
)
_TERMINAL_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]*$")
_OFFICIAL = re.compile(r"^[0-9A-Za-z][0-9A-Za-z-]{5,63}$")


@dataclass(frozen=True, slots=True)
class ProvisionalNumber:
    """A terminal-made case number ``T{terminal}-{yyyymmdd}-{n}`` (临时编号)."""

    terminal_id: str
    day: _dt.date
    serial: int

    def __str__(self) -> str:
        return format_provisional(self.terminal_id, self.day, self.serial)


def format_provisional(terminal_id: str, day: _dt.date, serial: int) -> str:
    """``format_provisional("K03", date(2026, 3, 2), 17)`` → ``"TK03-20260302-17"``.

    Raises:
        ValidationFailed: the terminal id has characters a number cannot carry, or the
            serial is not a positive integer.
    """
    if not _TERMINAL_ID.match(terminal_id):
        raise ValidationFailed(msg("终端编号只能由字母、数字和连字符组成"), code="case.terminal_id")
    if isinstance(serial, bool) or not isinstance(serial, int) or not 1 <= serial < 10**9:
        raise ValidationFailed(msg("办件流水号应为正整数"), code="case.serial")
    return f"T{terminal_id}-{day:%Y%m%d}-{serial}"


def parse_provisional(text: str) -> ProvisionalNumber:
    """Read a provisional number back.

    Raises:
        ValidationFailed: not a provisional number.
    """
    match = _PROVISIONAL.match(text.strip())
    if not match:
        raise ValidationFailed(msg("临时办件编号格式不正确"), code="case.number")
    try:
        day = _dt.datetime.strptime(match["day"], "%Y%m%d").date()
    except ValueError:
        raise ValidationFailed(msg("临时办件编号中的日期无效"), code="case.number") from None
    serial = int(match["n"])
    if serial < 1:
        raise ValidationFailed(msg("临时办件编号的流水号应从1开始"), code="case.number")
    return ProvisionalNumber(terminal_id=match["terminal"], day=day, serial=serial)


# ---- people ----------------------------------------------------------------------

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}\d{7,8}$")


def normalise_phone(value: str) -> str:
    """A mobile (11 digits) or a fixed line with area code, separators removed.

    Raises:
        ValidationFailed: neither.
    """
    text = re.sub(r"[\s-]", "", value or "")
    if text.startswith("+86"):
        text = text[3:]
    if _MOBILE.match(text) or _LANDLINE.match(text):
        return text
    raise ValidationFailed(msg("联系电话应为11位手机号码或带区号的固定电话"), code="phone.format")


class Actor(_Model):
    """Who took an action, in which role, through which channel and terminal.

    ``id`` is a staff account, a platform system name or a kiosk session id — never
    a person's ID number or phone (it ends up in events and logs).
    """

    id: NonEmpty
    role: Role
    channel: Channel
    terminal_id: str = ""
    hall_id: str = ""

    @field_validator("id")
    @classmethod
    def _no_personal_data(cls, value: str) -> str:
        if scrub(value) != value:
            raise ValidationFailed(msg("操作人标识不能使用身份证号码或手机号码"), code="actor.id")
        return value


class Applicant(_Model):
    """申请人: a person (个人) or an enterprise (法人).

    ``id_number`` is the 身份号码 of a person or the 统一社会信用代码 of an enterprise;
    both are validated. ``contact_name`` is the enterprise's 经办人.
    """

    kind: Audience
    name: NonEmpty
    id_number: str = Field(repr=False)
    phone: str = Field(repr=False)
    contact_name: str = ""
    address: str = ""

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str) -> str:
        return normalise_phone(value)

    @field_validator("id_number")
    @classmethod
    def _id(cls, value: str, info: ValidationInfo) -> str:
        if info.data.get("kind") is Audience.ENTERPRISE:
            return validate_uscc(value)
        return validate_resident_id(value)

    @property
    def masked_id(self) -> str:
        if self.kind is Audience.PERSONAL:
            return mask_id_number(self.id_number)
        return mask_uscc(self.id_number)

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.phone)


class AgentKind(StrEnum):
    ASSISTANT = "帮办代办员"  # hall staff or volunteer, free of charge
    PROXY = "委托代理人"  # someone the applicant authorised


class Agent(_Model):
    """帮办代办: someone acting for the applicant, with the authorisation on file."""

    kind: AgentKind
    name: NonEmpty
    id_number: str = Field(repr=False)
    phone: str = Field(repr=False)
    authorisation_ref: NonEmpty  # 授权委托书编号 / 帮办代办登记号

    @field_validator("id_number")
    @classmethod
    def _id(cls, value: str) -> str:
        return validate_resident_id(value)

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str) -> str:
        return normalise_phone(value)


# ---- materials -------------------------------------------------------------------


class MarkKind(StrEnum):
    """How the clerk found one material."""

    PAPER = "paper"  # 纸质材料已核验
    ELICENCE = "elicence"  # 电子证照免提交
    SHARED_DATA = "shared_data"  # 部门共享数据免提交
    MISSING = "missing"  # 缺少
    DEFECTIVE = "defective"  # 不符合要求
    NOT_APPLICABLE = "not_applicable"  # 非必要材料, 本次不涉及


MARK_NAMES: Mapping[MarkKind, str] = {
    MarkKind.PAPER: "纸质材料",
    MarkKind.ELICENCE: "电子证照",
    MarkKind.SHARED_DATA: "共享数据",
    MarkKind.MISSING: "缺少",
    MarkKind.DEFECTIVE: "不符合要求",
    MarkKind.NOT_APPLICABLE: "不涉及",
}

SATISFIED = frozenset({MarkKind.PAPER, MarkKind.ELICENCE, MarkKind.SHARED_DATA})


class MaterialMark(_Model):
    """The clerk's mark on one material of the chosen 情形."""

    material_id: NonEmpty
    kind: MarkKind
    licence_id: str | None = None  # GB/T 36904 identifier, for ELICENCE
    licence_type: str | None = None  # catalog e-licence type code, for ELICENCE
    reason: str = ""  # what is wrong, for DEFECTIVE

    @model_validator(mode="after")
    def _complete(self) -> MaterialMark:
        if self.kind is MarkKind.ELICENCE:
            if not self.licence_id or not self.licence_type:
                raise ValidationFailed(msg("电子证照须注明证照标识和证照类型"), code="mark.licence")
            validate_identifier(self.licence_id)
        elif self.licence_id or self.licence_type:
            raise ValidationFailed(msg("只有电子证照才填写证照标识"), code="mark.licence")
        if self.kind is MarkKind.DEFECTIVE and not self.reason.strip():
            raise ValidationFailed(msg("请写明材料不符合要求的具体原因"), code="mark.reason")
        return self

    @property
    def satisfied(self) -> bool:
        return self.kind in SATISFIED


class CheckStatus(StrEnum):
    SATISFIED = "satisfied"
    MISSING = "missing"
    DEFECTIVE = "defective"
    NOT_APPLICABLE = "not_applicable"
    UNCHECKED = "unchecked"


@dataclass(frozen=True, slots=True)
class MaterialCheck:
    """One row of the acceptance checklist."""

    material: Material
    mark: MaterialMark | None
    status: CheckStatus

    @property
    def is_problem(self) -> bool:
        """Missing or defective: it goes on the 一次性告知书."""
        return self.status in (CheckStatus.MISSING, CheckStatus.DEFECTIVE)


def _status(material: Material, mark: MaterialMark | None) -> CheckStatus:
    if mark is None:
        return CheckStatus.UNCHECKED if material.required else CheckStatus.NOT_APPLICABLE
    if mark.satisfied:
        return CheckStatus.SATISFIED
    if mark.kind is MarkKind.DEFECTIVE:
        return CheckStatus.DEFECTIVE
    if mark.kind is MarkKind.MISSING:
        return CheckStatus.MISSING if material.required else CheckStatus.NOT_APPLICABLE
    return CheckStatus.NOT_APPLICABLE


# ---- events and the record ------------------------------------------------------


class CaseEvent(_Model):
    """One appended, immutable step in a case's life; papers are made from it."""

    case_number: NonEmpty
    sequence: int = Field(ge=1)
    action: Action
    from_state: CaseState | None
    to_state: CaseState
    actor_id: NonEmpty
    actor_role: Role
    channel: Channel
    terminal_id: str
    hall_id: str
    at: _dt.datetime
    details: dict[str, JsonValue] = Field(default_factory=dict)

    @property
    def title(self) -> str:
        return ACTION_NAMES[self.action]


class CaseRecord(_Model):
    """Everything the store keeps about one case; replaced, never mutated."""

    number: NonEmpty  # provisional number, made on the terminal
    official_number: str | None = None  # set by the platform only
    item_id: NonEmpty
    item_version: int = Field(ge=1)
    situation_id: NonEmpty
    applicant: Applicant
    agent: Agent | None = None
    channel: Channel  # where the application came in
    state: CaseState
    marks: tuple[MaterialMark, ...] = ()
    receipts: int = Field(default=0, ge=0)  # 收件次数 (1 + corrections answered)
    received_on: _dt.date | None = None
    accepted_on: _dt.date | None = None
    promised_by: _dt.date | None = None
    pending_until: _dt.date | None = None
    events: tuple[CaseEvent, ...] = ()


# ---- helpers for the paper texts ------------------------------------------------


def redress_text(review_body: str, court: str) -> str:
    """The standard rights-of-redress sentence for a rejection or a denial.

    60 days for 行政复议 (行政复议法 第二十条), six months for 行政诉讼 (行政诉讼法 第四十六条).
    """
    if not review_body.strip() or not court.strip():
        raise ValidationFailed(msg("请填写行政复议机关和管辖法院"), code="case.redress")
    return (
        f"如对本决定不服，可以自收到本决定之日起六十日内向{review_body.strip()}申请行政复议，"
        f"或者自收到本决定之日起六个月内依法向{court.strip()}提起行政诉讼。"
    )


def _check_reason_and_redress(reason: str, redress: str) -> None:
    if not reason.strip():
        raise ValidationFailed(msg("请写明不予受理（不予办理）的理由"), code="case.reason")
    if "行政复议" not in redress or "行政诉讼" not in redress:
        raise ValidationFailed(
            msg("救济途径须告知申请人申请行政复议和提起行政诉讼的权利及期限"), code="case.redress"
        )


def _material_entry(check: MaterialCheck) -> dict[str, JsonValue]:
    m = check.material
    entry: dict[str, JsonValue] = {
        "id": m.id,
        "name": m.name,
        "form": m.form.value,
        "copies": m.copies,
        "required": m.required,
        "status": check.status.value,
    }
    if check.mark is not None:
        entry["mark"] = check.mark.kind.value
        if check.mark.licence_id:
            entry["licence_id"] = check.mark.licence_id
        if check.mark.reason:
            entry["reason"] = check.mark.reason
    return entry


def _actor_entry(actor: Actor) -> dict[str, JsonValue]:
    return {"id": actor.id, "role": actor.role.value}


# ---- the case ----------------------------------------------------------------------


class Case:
    """One application and the rules it moves by.

    Args:
        record: the stored state.
        item: the 事项 the case is for (the version it was received under).
        clock: where event times and "today" come from.
        calendar: the working-day calendar for every deadline.
    """

    def __init__(
        self,
        *,
        record: CaseRecord,
        item: ServiceItem,
        clock: Clock,
        calendar: WorkingCalendar,
    ) -> None:
        if record.item_id != item.id:
            raise ValueError(f"case {record.number} is for item {record.item_id}, not {item.id}")
        self._record = record
        self._item = item
        self._clock = clock
        self._calendar = calendar

    # ---- creation ------------------------------------------------------------

    @classmethod
    def open(
        cls,
        *,
        number: str,
        item: ServiceItem,
        situation_id: str,
        applicant: Applicant,
        actor: Actor,
        clock: Clock,
        calendar: WorkingCalendar,
        agent: Agent | None = None,
    ) -> Case:
        """Start a draft application.

        Raises:
            ValidationFailed: bad number, unknown 情形, item withdrawn or not offered
                to this applicant or on this channel.
            NotPermitted: the actor's role cannot open cases.
        """
        parse_provisional(number)
        if actor.role not in ROLES[Action.OPEN]:
            raise NotPermitted(
                msg("“{role}”不能创建办件", role=ROLE_NAMES[actor.role]), code="case.role"
            )
        _check_item_offered(item, applicant, actor.channel)
        try:
            situation = item.situation(situation_id)
        except KeyError:
            raise ValidationFailed(
                msg("所选办理情形不存在，请重新选择"), code="case.situation"
            ) from None
        record = CaseRecord(
            number=number,
            item_id=item.id,
            item_version=item.version,
            situation_id=situation.id,
            applicant=applicant,
            agent=agent,
            channel=actor.channel,
            state=CaseState.DRAFT,
        )
        case = cls(record=record, item=item, clock=clock, calendar=calendar)
        case._append(
            Action.OPEN,
            actor,
            None,
            CaseState.DRAFT,
            {
                "item_id": item.id,
                "item_name": item.name,
                "situation_id": situation.id,
                "situation_name": situation.name,
                "assisted": agent is not None,
            },
        )
        return case

    # ---- reading -------------------------------------------------------------

    @property
    def record(self) -> CaseRecord:
        return self._record

    @property
    def number(self) -> str:
        """The official number once the platform gave one, else the provisional one."""
        return self._record.official_number or self._record.number

    @property
    def state(self) -> CaseState:
        return self._record.state

    @property
    def item(self) -> ServiceItem:
        return self._item

    @property
    def events(self) -> tuple[CaseEvent, ...]:
        return self._record.events

    @property
    def last_event(self) -> CaseEvent:
        return self._record.events[-1]

    def materials(self) -> tuple[Material, ...]:
        """The materials of the chosen 情形."""
        return self._item.materials_for(self._record.situation_id)

    def checklist(self) -> tuple[MaterialCheck, ...]:
        """Every material of the 情形 with its mark and status, in the item's order."""
        marks = {m.material_id: m for m in self._record.marks}
        return tuple(
            MaterialCheck(material=m, mark=marks.get(m.id), status=_status(m, marks.get(m.id)))
            for m in self.materials()
        )

    def problems(self) -> tuple[MaterialCheck, ...]:
        """Missing and defective materials, all of them."""
        return tuple(c for c in self.checklist() if c.is_problem)

    def today(self) -> _dt.date:
        return hall_date(self._clock.now())

    def correction_countdown(self) -> Countdown | None:
        """How long is left to issue a 一次性告知书 (only while ``received``)."""
        if self.state is not CaseState.RECEIVED or self._record.received_on is None:
            return None
        deadline = self._calendar.correction_deadline(self._record.received_on)
        return self._calendar.countdown(deadline, self.today())

    def promise_countdown(self) -> Countdown | None:
        """How long is left of the promised time limit, until a decision is made."""
        if self._record.promised_by is None or self.state not in _BEFORE_DECISION:
            return None
        return self._calendar.countdown(self._record.promised_by, self.today())

    # ---- materials -------------------------------------------------------------

    def mark(self, mark: MaterialMark) -> None:
        """Record how one material was found (replacing an earlier mark).

        Raises:
            IllegalTransition: materials cannot change in the current state.
            ValidationFailed: the material is not part of this 情形, or the mark does not
                fit it (shared data it has none, an e-licence of the wrong type …).
        """
        if self.state not in _MARKABLE:
            raise IllegalTransition(
                msg("办件当前状态为“{state}”，不能再修改材料核验结果",
                    state=STATE_NAMES[self.state]),
                code="case.mark_state",
            )
        material = next((m for m in self.materials() if m.id == mark.material_id), None)
        if material is None:
            raise ValidationFailed(msg("该材料不属于所选办理情形"), code="mark.material")
        _check_mark_fits(material, mark)
        others = tuple(m for m in self._record.marks if m.material_id != mark.material_id)
        self._record = self._record.model_copy(update={"marks": (*others, mark)})

    def mark_all(self, marks: Iterable[MaterialMark]) -> None:
        """Apply several marks; stops at the first that does not fit."""
        for m in marks:
            self.mark(m)

    # ---- receipt -----------------------------------------------------------------

    def receive(self, actor: Actor) -> CaseEvent:
        """收件: the application and its materials are handed in."""
        self._allowed(Action.RECEIVE, actor)
        return self._receive(Action.RECEIVE, actor)

    def resubmit(self, actor: Actor) -> CaseEvent:
        """补正后重新收件: the applicant is back with what the notice listed.

        A new receipt starts: the 5-working-day limit counts from today, and this receipt
        will get its own single outcome.
        """
        self._allowed(Action.RESUBMIT, actor)
        return self._receive(Action.RESUBMIT, actor)

    def _receive(self, action: Action, actor: Actor) -> CaseEvent:
        today = self.today()
        receipt = self._record.receipts + 1
        self._record = self._record.model_copy(
            update={"received_on": today, "receipts": receipt}
        )
        return self._move(
            action,
            actor,
            {
                "receipt": receipt,
                "received_on": today.isoformat(),
                "correction_deadline": self._calendar.correction_deadline(today).isoformat(),
                "materials": [_material_entry(c) for c in self.checklist()],
            },
        )

    # ---- the one outcome of a receipt ----------------------------------------------

    def accept(self, actor: Actor) -> CaseEvent:
        """受理 → 受理凭证. Every required material must be satisfied."""
        self._allowed(Action.ACCEPT, actor)
        self._require_all_checked()
        problems = self.problems()
        if problems:
            names = "、".join(p.material.name for p in problems)
            raise ValidationFailed(
                msg("材料不齐全或不符合要求，不能受理：{materials}。请出具一次性告知书或按容缺、告知承诺办理",
                    materials=names),
                code="case.incomplete",
            )
        return self._accepted(Action.ACCEPT, actor, {})

    def request_correction(self, actor: Actor, *, note: str = "") -> CaseEvent:
        """一次性告知 → 一次性告知书 listing every missing and defective material.

        Raises:
            ValidationFailed: materials not all checked yet (the notice must be complete),
                nothing to correct, or the 5-working-day limit has passed.
        """
        self._allowed(Action.REQUEST_CORRECTION, actor)
        self._require_all_checked()
        problems = self.problems()
        if not problems:
            raise ValidationFailed(
                msg("材料齐全，无需补正，请直接受理"), code="case.nothing_to_correct"
            )
        assert self._record.received_on is not None  # set by every receipt
        deadline = self._calendar.correction_deadline(self._record.received_on)
        today = self.today()
        if today > deadline:
            raise ValidationFailed(
                msg(
                    "已超过一次性告知期限（收件后5个工作日，截至{deadline:%Y年%m月%d日}）。"
                    "依法自收到申请材料之日起即为受理，请按受理处理",
                    deadline=deadline,
                ),
                code="case.correction_overdue",
            )
        return self._move(
            Action.REQUEST_CORRECTION,
            actor,
            {
                "problems": [_material_entry(p) for p in problems],
                "received_on": self._record.received_on.isoformat(),
                "notice_deadline": deadline.isoformat(),
                "issued_on": today.isoformat(),
                "note": note.strip(),
            },
        )

    def accept_pending(self, actor: Actor, *, supply_by: _dt.date) -> CaseEvent:
        """容缺受理 → 容缺受理通知书; missing non-key materials to supply by ``supply_by``.

        Raises:
            ValidationFailed: nothing is missing, something is defective, a missing
                material is not 容缺-allowed, or the deadline is not in the future.
        """
        self._allowed(Action.ACCEPT_PENDING, actor)
        self._require_all_checked()
        problems = self.problems()
        if not problems:
            raise ValidationFailed(
                msg("材料齐全，无需容缺，请直接受理"), code="case.nothing_pending"
            )
        defective = [p.material.name for p in problems if p.status is CheckStatus.DEFECTIVE]
        if defective:
            raise ValidationFailed(
                msg("材料不符合要求的不能容缺受理：{materials}", materials="、".join(defective)),
                code="case.pending_defective",
            )
        not_allowed = [p.material.name for p in problems if not p.material.pending_allowed]
        if not_allowed:
            raise ValidationFailed(
                msg("以下材料不允许容缺：{materials}", materials="、".join(not_allowed)),
                code="case.pending_not_allowed",
            )
        if supply_by <= self.today():
            raise ValidationFailed(
                msg("容缺材料的补齐期限应晚于今天"), code="case.pending_deadline"
            )
        self._record = self._record.model_copy(update={"pending_until": supply_by})
        return self._accepted(
            Action.ACCEPT_PENDING,
            actor,
            {
                "pending": [_material_entry(p) for p in problems],
                "supply_by": supply_by.isoformat(),
            },
        )

    def accept_on_commitment(
        self, actor: Actor, *, applicant_chose: bool, commitment_ref: str = ""
    ) -> CaseEvent:
        """告知承诺 → 告知承诺书; the signed commitment replaces what is missing.

        Raises:
            ValidationFailed: the item does not allow 告知承诺, or the applicant did not
                choose it (是否采用告知承诺方式由申请人自主决定).
        """
        self._allowed(Action.ACCEPT_ON_COMMITMENT, actor)
        if not self._item.commitment_allowed:
            raise ValidationFailed(
                msg("该事项未实行告知承诺制"), code="case.commitment_not_allowed"
            )
        if not applicant_chose:
            raise ValidationFailed(
                msg("是否采用告知承诺方式由申请人自主决定，请先征得申请人同意"),
                code="case.commitment_not_chosen",
            )
        self._require_all_checked()
        return self._accepted(
            Action.ACCEPT_ON_COMMITMENT,
            actor,
            {
                "committed": [_material_entry(p) for p in self.problems()],
                "commitment_ref": commitment_ref.strip(),
            },
        )

    def reject(self, actor: Actor, *, reason: str, redress: str, approved_by: Actor) -> CaseEvent:
        """不予受理 → 不予受理通知书. Needs a 首席代表's approval.

        From ``accepted_pending`` only once the supply deadline has passed.

        Raises:
            NotPermitted: ``approved_by`` is not a 首席代表.
            ValidationFailed: no reason, no redress, or the 容缺 deadline is still open.
        """
        self._allowed(Action.REJECT, actor)
        if approved_by.role is not Role.CHIEF:
            raise NotPermitted(
                msg("窗口无否决权：不予受理须经首席代表审核同意"), code="case.reject_needs_chief"
            )
        _check_reason_and_redress(reason, redress)
        if self.state is CaseState.ACCEPTED_PENDING:
            assert self._record.pending_until is not None  # set by accept_pending
            if self.today() <= self._record.pending_until:
                raise ValidationFailed(
                    msg("容缺材料补齐期限（{until:%Y年%m月%d日}）未到，不能不予受理",
                        until=self._record.pending_until),
                    code="case.pending_open",
                )
        return self._move(
            Action.REJECT,
            actor,
            {
                "reason": reason.strip(),
                "redress": redress.strip(),
                "approver": _actor_entry(approved_by),
                "materials": [_material_entry(c) for c in self.checklist()],
            },
        )

    def _accepted(
        self, action: Action, actor: Actor, extra: dict[str, JsonValue]
    ) -> CaseEvent:
        today = self.today()
        promised = self._calendar.deadline(today, self._item.promised_days, self._item.day_unit)
        self._record = self._record.model_copy(
            update={"accepted_on": today, "promised_by": promised}
        )
        details: dict[str, JsonValue] = {
            "accepted_on": today.isoformat(),
            "promised_days": self._item.promised_days,
            "day_unit": self._item.day_unit.value,
            "promised_by": promised.isoformat(),
            "materials": [_material_entry(c) for c in self.checklist()],
        }
        details.update(extra)
        return self._move(action, actor, details)

    # ---- after acceptance -------------------------------------------------------------

    def supply_pending(self, actor: Actor) -> CaseEvent:
        """容缺材料补齐: every missing material is now marked satisfied, in time."""
        self._allowed(Action.SUPPLY_PENDING, actor)
        still = self.problems()
        if still:
            names = "、".join(p.material.name for p in still)
            raise ValidationFailed(
                msg("以下材料尚未补齐：{materials}", materials=names), code="case.pending_missing"
            )
        assert self._record.pending_until is not None
        if self.today() > self._record.pending_until:
            raise ValidationFailed(
                msg("已超过容缺材料补齐期限（{until:%Y年%m月%d日}）",
                    until=self._record.pending_until),
                code="case.pending_overdue",
            )
        return self._move(
            Action.SUPPLY_PENDING,
            actor,
            {"materials": [_material_entry(c) for c in self.checklist()]},
        )

    def forward(self, actor: Actor, *, handover_ref: str = "") -> CaseEvent:
        """推送后台审批 (with the 材料移交清单 reference when paper goes along)."""
        self._allowed(Action.FORWARD, actor)
        return self._move(Action.FORWARD, actor, {"handover_ref": handover_ref.strip()})

    def decide_at_window(self, actor: Actor, *, chief: Actor, opinion: str = "") -> CaseEvent:
        """窗口办结 ("最多签两次"): the clerk and the 首席代表 sign; the case is approved.

        Raises:
            ValidationFailed: the item may not be decided at the window.
            NotPermitted: the second signature is not a different 首席代表.
        """
        self._allowed(Action.DECIDE_AT_WINDOW, actor)
        if not self._item.window_decidable:
            raise ValidationFailed(
                msg("该事项不能在窗口直接办结，请推送后台审批"), code="case.not_decidable"
            )
        if chief.role is not Role.CHIEF or chief.id == actor.id:
            raise NotPermitted(
                msg("窗口办结须经办人和首席代表两人签批"), code="case.needs_two_signatures"
            )
        return self._move(
            Action.DECIDE_AT_WINDOW,
            actor,
            {
                "signatures": [_actor_entry(actor), _actor_entry(chief)],
                "opinion": opinion.strip() or "同意",
                "decided_on": self.today().isoformat(),
            },
        )

    def approve(self, actor: Actor, *, decision_ref: str = "") -> CaseEvent:
        """准予办理 (the back office or the platform decided)."""
        self._allowed(Action.APPROVE, actor)
        return self._move(
            Action.APPROVE,
            actor,
            {"decision_ref": decision_ref.strip(), "decided_on": self.today().isoformat()},
        )

    def deny(self, actor: Actor, *, reason: str, redress: str, decision_ref: str = "") -> CaseEvent:
        """不予办理: the decision states the reason and the rights of redress."""
        self._allowed(Action.DENY, actor)
        _check_reason_and_redress(reason, redress)
        return self._move(
            Action.DENY,
            actor,
            {
                "reason": reason.strip(),
                "redress": redress.strip(),
                "decision_ref": decision_ref.strip(),
                "decided_on": self.today().isoformat(),
            },
        )

    def publish_result(self, actor: Actor, *, result_ref: str) -> CaseEvent:
        """The result (licence, approval or decision document) is ready to hand out."""
        self._allowed(Action.PUBLISH_RESULT, actor)
        if not result_ref.strip():
            raise ValidationFailed(msg("请填写办理结果文书编号"), code="case.result_ref")
        return self._move(
            Action.PUBLISH_RESULT,
            actor,
            {
                "result_ref": result_ref.strip(),
                "result_name": self._item.result_name,
                "decision": "approved" if self.state is CaseState.APPROVED else "denied",
                "delivery_options": [d.value for d in self._item.delivery],
            },
        )

    def deliver(
        self, actor: Actor, *, method: DeliveryMethod, reference: str = "", recipient: str = ""
    ) -> CaseEvent:
        """出件 by one of the item's delivery methods.

        Args:
            method: how the result left the hall.
            reference: EMS waybill number, locker compartment or print job; required for
                EMS and lockers.
            recipient: who signed for it at the window (申请人 / 代理人).

        Raises:
            ValidationFailed: the item does not offer that method, or its reference or
                signer is missing.
        """
        self._allowed(Action.DELIVER, actor)
        if method not in self._item.delivery:
            raise ValidationFailed(msg("该事项不支持此出件方式"), code="case.delivery_method")
        if method in (DeliveryMethod.EMS, DeliveryMethod.LOCKER) and not reference.strip():
            raise ValidationFailed(
                msg("邮寄须填写运单号，智能文件柜须填写柜格号"), code="case.delivery_reference"
            )
        if method is DeliveryMethod.WINDOW and not recipient.strip():
            raise ValidationFailed(msg("窗口领取须由领取人签收"), code="case.delivery_signer")
        return self._move(
            Action.DELIVER,
            actor,
            {
                "method": method.value,
                "reference": reference.strip(),
                "recipient": recipient.strip(),
                "delivered_on": self.today().isoformat(),
            },
        )

    def withdraw(self, actor: Actor, *, reason: str) -> CaseEvent:
        """撤回申请 (the applicant, or a clerk on their written request)."""
        self._allowed(Action.WITHDRAW, actor)
        if not reason.strip():
            raise ValidationFailed(msg("请写明撤回原因"), code="case.withdraw_reason")
        return self._move(Action.WITHDRAW, actor, {"reason": reason.strip()})

    def assign_official_number(self, actor: Actor, official_number: str) -> CaseEvent | None:
        """The platform's official case number. Idempotent for the same number.

        Returns:
            the ``numbered`` event, or ``None`` when the case already had this number.

        Raises:
            IllegalTransition: a different official number was already assigned.
        """
        self._allowed(Action.NUMBERED, actor)
        text = official_number.strip()
        if not _OFFICIAL.match(text):
            raise ValidationFailed(msg("正式办件编号格式不正确"), code="case.official_number")
        current = self._record.official_number
        if current == text:
            return None
        if current is not None:
            raise IllegalTransition(msg("办件已有正式编号，不能更改"), code="case.renumber")
        self._record = self._record.model_copy(update={"official_number": text})
        return self._append(
            Action.NUMBERED,
            actor,
            self.state,
            self.state,
            {"official_number": text, "provisional_number": self._record.number},
        )

    # ---- machinery -------------------------------------------------------------------

    def _allowed(self, action: Action, actor: Actor) -> None:
        sources, _ = TRANSITIONS[action]
        if self.state not in sources:
            raise IllegalTransition(
                msg("办件当前状态为“{state}”，不能“{action}”",
                    state=STATE_NAMES[self.state], action=ACTION_NAMES[action]),
                code="case.illegal_transition",
                state=self.state.value,
                action=action.value,
            )
        if actor.role not in ROLES[action]:
            raise NotPermitted(
                msg("“{role}”岗位不能“{action}”",
                    role=ROLE_NAMES[actor.role], action=ACTION_NAMES[action]),
                code="case.role",
                role=actor.role.value,
                action=action.value,
            )

    def _require_all_checked(self) -> None:
        unchecked = [c.material.name for c in self.checklist() if c.status is CheckStatus.UNCHECKED]
        if unchecked:
            raise ValidationFailed(
                msg("还有材料未核验：{materials}", materials="、".join(unchecked)),
                code="case.unchecked",
            )

    def _move(self, action: Action, actor: Actor, details: dict[str, JsonValue]) -> CaseEvent:
        target = TRANSITIONS[action][1]
        assert target is not None
        return self._append(action, actor, self.state, target, details)

    def _append(
        self,
        action: Action,
        actor: Actor,
        from_state: CaseState | None,
        to_state: CaseState,
        details: dict[str, JsonValue],
    ) -> CaseEvent:
        event = CaseEvent(
            case_number=self._record.number,
            sequence=len(self._record.events) + 1,
            action=action,
            from_state=from_state,
            to_state=to_state,
            actor_id=actor.id,
            actor_role=actor.role,
            channel=actor.channel,
            terminal_id=actor.terminal_id,
            hall_id=actor.hall_id,
            at=self._clock.now(),
            details=copy.deepcopy(details),
        )
        self._record = self._record.model_copy(
            update={"state": to_state, "events": (*self._record.events, event)}
        )
        log.info(
            "case %s: %s %s -> %s by %s",
            self._record.number,
            action.value,
            from_state.value if from_state else "-",
            to_state.value,
            actor.role.value,
        )
        return event


def _check_item_offered(item: ServiceItem, applicant: Applicant, channel: Channel) -> None:
    if item.status is ItemStatus.WITHDRAWN:
        raise ValidationFailed(
            msg("该事项已调整：{note}", note=item.withdrawn_note), code="case.item_withdrawn"
        )
    if applicant.kind not in item.audience:
        raise ValidationFailed(
            msg("该事项的服务对象为{audience}", audience=audience_text(item.audience)),
            code="case.audience",
        )
    if channel is Channel.KIOSK and not item.kiosk_enabled:
        raise ValidationFailed(
            msg("该事项暂不支持自助终端申请，请到窗口办理"), code="case.not_kiosk"
        )
    if channel is Channel.ONLINE and not item.online_enabled:
        raise ValidationFailed(msg("该事项暂不支持网上申请"), code="case.not_online")


def _check_mark_fits(material: Material, mark: MaterialMark) -> None:
    if mark.kind is MarkKind.ELICENCE and mark.licence_type != material.elicence_type:
        raise ValidationFailed(
            msg("“{name}”不能用该类电子证照替代", name=material.name), code="mark.licence_type"
        )
    if mark.kind is MarkKind.SHARED_DATA and not material.shared_data:
        raise ValidationFailed(
            msg("“{name}”不能通过共享数据获取", name=material.name), code="mark.shared"
        )
    if mark.kind is MarkKind.NOT_APPLICABLE and material.required:
        raise ValidationFailed(
            msg("“{name}”是必要材料，不能标为不涉及", name=material.name), code="mark.required"
        )
