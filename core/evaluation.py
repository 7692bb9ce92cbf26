"""好差评: five-level evaluations and the follow-up every bad review gets.

Levels follow the national 政务服务"好差评" system: 非常满意 (5) … 非常不满意 (1). A
rating of 1 or 2 is a bad review (差评): it must say what went wrong (at least one
reason) and opens a :class:`BadReviewFollowUp` — verify and call back, rectify within
5 working days, and record the complainant's verdict (件件有回访、件件有整改、件件有
记录, seed 003 §14; 实名差评100%整改, seed 000 三(四)5).

Reasons are offered per level. The national standard groups offline evaluation under
服务效率、服务水平、服务态度 and online evaluation under 办事效率、办事指南精确度、办事
便捷度、平台操作性; the lists below cover those dimensions in the words hall
evaluation pads use. "其他" always needs a comment.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from enum import IntEnum, StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from core.calendar import Countdown, WorkingCalendar
from core.case import Role
from core.catalog import NonEmpty
from core.clock import Clock, hall_date
from core.errors import IllegalTransition, NotPermitted, ValidationFailed, msg

RECTIFY_WORKING_DAYS = 5
"""差评整改时限: 5 working days from the review (PRODUCT.md, window client)."""

OTHER = "其他"
MAX_COMMENT = 500


class Rating(IntEnum):
    VERY_DISSATISFIED = 1
    DISSATISFIED = 2
    BASICALLY_SATISFIED = 3
    SATISFIED = 4
    VERY_SATISFIED = 5

    @property
    def label(self) -> str:
        return RATING_NAMES[self]

    @property
    def is_bad(self) -> bool:
        """★1–2: a bad review that needs follow-up."""
        return self <= Rating.DISSATISFIED


RATING_NAMES: Mapping[Rating, str] = {
    Rating.VERY_SATISFIED: msg("非常满意"),
    Rating.SATISFIED: msg("满意"),
    Rating.BASICALLY_SATISFIED: msg("基本满意"),
    Rating.DISSATISFIED: msg("不满意"),
    Rating.VERY_DISSATISFIED: msg("非常不满意"),
}

_GOOD = (
    "服务态度热情",
    "办事效率高",
    "一次性告知到位",
    "办事指南准确清晰",
    "申请材料精简",
    "办事流程便捷",
    "不用跑腿或只跑一次",
    "帮办代办贴心",
    "自助设备好用",
    "大厅环境舒适",
    OTHER,
)
_MIDDLE = (
    "服务态度一般",
    "办理时间较长",
    "排队等候较久",
    "办事指南不够清晰",
    "材料要求较多",
    "自助设备操作不便",
    OTHER,
)
_BAD = (
    "服务态度差",
    "办事效率低",
    "排队等候时间过长",
    "超过承诺时限",
    "未一次性告知",
    "要求提供办事指南以外的材料",
    "办事指南与实际不符",
    "流程繁琐",
    "多次跑动",
    "推诿扯皮",
    "业务不熟练",
    "系统或设备故障",
    "收费不合理",
    OTHER,
)

REASONS: Mapping[Rating, tuple[str, ...]] = {
    Rating.VERY_SATISFIED: _GOOD,
    Rating.SATISFIED: _GOOD,
    Rating.BASICALLY_SATISFIED: _MIDDLE,
    Rating.DISSATISFIED: _BAD,
    Rating.VERY_DISSATISFIED: _BAD,
}
"""The reasons a person may tick, per level, in display order."""


class EvaluationChannel(StrEnum):
    """评价渠道."""

    WINDOW_PAD = "window_pad"  # 窗口评价器
    KIOSK = "kiosk"  # 自助终端
    ONLINE = "online"  # 政务服务网 / 爱山东
    QR_CODE = "qr_code"  # 扫码评价
    SMS = "sms"  # 短信评价
    HOTLINE = "hotline"  # 12345


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Evaluation(_Model):
    """One evaluation of one service, tied to a case number and/or a ticket number.

    Attributes:
        id: a UUID the terminal makes (the outbox dedupes on it).
        case_number: the 办件 evaluated (provisional or official number).
        ticket_number: the 取号 ticket evaluated ("一号办到底").
        clerk_id / window_no: who and where, for the window's statistics.
        contact_phone: for the call-back; ``None`` for an anonymous review.
    """

    id: NonEmpty
    case_number: str | None = None
    ticket_number: str | None = None
    rating: Rating
    reasons: tuple[str, ...] = ()
    comment: str = Field(default="", max_length=MAX_COMMENT)
    channel: EvaluationChannel
    at: _dt.datetime
    hall_id: str = ""
    item_id: str = ""
    clerk_id: str = ""
    window_no: str = ""
    contact_phone: str | None = Field(default=None, repr=False)

    @field_validator("comment")
    @classmethod
    def _strip(cls, value: str) -> str:
        return value.strip()

    @model_validator(mode="after")
    def _rules(self) -> Evaluation:
        if not (self.case_number or self.ticket_number):
            raise ValidationFailed(msg("评价须对应办件编号或排队号"), code="evaluation.subject")
        if self.at.tzinfo is None:
            raise ValidationFailed(msg("评价时间缺少时区"), code="evaluation.time")
        allowed = REASONS[self.rating]
        unknown = [r for r in self.reasons if r not in allowed]
        if unknown:
            raise ValidationFailed(
                msg("“{rating}”下没有这些选项：{options}",
                    rating=self.rating.label, options="、".join(unknown)),
                code="evaluation.reason",
            )
        if len(set(self.reasons)) != len(self.reasons):
            raise ValidationFailed(msg("评价原因有重复"), code="evaluation.reason")
        if self.rating.is_bad and not self.reasons:
            raise ValidationFailed(
                msg("请至少选择一项不满意的原因"), code="evaluation.bad_needs_reason"
            )
        if OTHER in self.reasons and not self.comment:
            raise ValidationFailed(
                msg("选择“其他”时请简要说明"), code="evaluation.other_needs_comment"
            )
        return self

    @property
    def is_bad(self) -> bool:
        return self.rating.is_bad

    @property
    def subject(self) -> str:
        """The case number if there is one, else the ticket number."""
        return self.case_number or self.ticket_number or ""


# ---- follow-up of a bad review ---------------------------------------------------


class FollowUpState(StrEnum):
    OPEN = "open"  # 待核实回访
    CALLED_BACK = "called_back"  # 已回访核实
    RECTIFIED = "rectified"  # 已整改
    VERIFIED = "verified"  # 评价人认可整改结果
    CLOSED = "closed"  # 经核实关闭 (不实差评, 无法联系 …)


FOLLOW_UP_NAMES: Mapping[FollowUpState, str] = {
    FollowUpState.OPEN: msg("待回访"),
    FollowUpState.CALLED_BACK: msg("已回访"),
    FollowUpState.RECTIFIED: msg("已整改"),
    FollowUpState.VERIFIED: msg("整改已认可"),
    FollowUpState.CLOSED: msg("已关闭"),
}

_SUPERVISORS = frozenset({Role.CHIEF, Role.ADMIN})


class FollowUpStep(_Model):
    """One recorded step of a follow-up."""

    state: FollowUpState
    at: _dt.datetime
    actor_id: NonEmpty
    note: str


class BadReviewFollowUp(_Model):
    """The obligation a bad review creates; replaced, never mutated.

    Attributes:
        round: 1 for the first rectification; a rejected verdict starts the next.
        rectify_by: the last working day to rectify in this round.
    """

    evaluation_id: NonEmpty
    subject: NonEmpty  # case or ticket number
    state: FollowUpState = FollowUpState.OPEN
    opened_on: _dt.date
    rectify_by: _dt.date
    round: int = Field(default=1, ge=1)
    rectified_late: bool = False
    steps: tuple[FollowUpStep, ...] = ()

    @property
    def done(self) -> bool:
        return self.state in (FollowUpState.VERIFIED, FollowUpState.CLOSED)


class FollowUps:
    """The rules of bad-review follow-up.

    Args:
        clock: step times and today's date.
        calendar: counts the 5 working days to rectify.
    """

    def __init__(self, *, clock: Clock, calendar: WorkingCalendar) -> None:
        self._clock = clock
        self._calendar = calendar

    def open(self, evaluation: Evaluation) -> BadReviewFollowUp:
        """Open the follow-up of a bad review (refused for any other rating)."""
        if not evaluation.is_bad:
            raise ValidationFailed(msg("只有差评需要整改回访"), code="followup.not_bad")
        opened = hall_date(evaluation.at)
        return BadReviewFollowUp(
            evaluation_id=evaluation.id,
            subject=evaluation.subject,
            opened_on=opened,
            rectify_by=self._calendar.add_working_days(opened, RECTIFY_WORKING_DAYS),
        )

    def call_back(
        self, follow_up: BadReviewFollowUp, *, actor_id: str, summary: str, reached: bool
    ) -> BadReviewFollowUp:
        """回访核实: what the complainant said, or that they could not be reached."""
        self._expect(follow_up, FollowUpState.OPEN, msg("回访"))
        note = _required(summary, msg("请填写回访核实情况"))
        return self._step(
            follow_up,
            FollowUpState.CALLED_BACK,
            actor_id,
            note if reached else f"未联系上评价人：{note}",
        )

    def rectify(
        self, follow_up: BadReviewFollowUp, *, actor_id: str, measures: str
    ) -> BadReviewFollowUp:
        """整改: the measures taken. Late rectification is recorded as late."""
        self._expect(follow_up, FollowUpState.CALLED_BACK, msg("整改"))
        note = _required(measures, msg("请填写整改措施"))
        late = hall_date(self._clock.now()) > follow_up.rectify_by
        updated = self._step(follow_up, FollowUpState.RECTIFIED, actor_id, note)
        return updated.model_copy(update={"rectified_late": follow_up.rectified_late or late})

    def verdict(
        self, follow_up: BadReviewFollowUp, *, actor_id: str, satisfied: bool, note: str = ""
    ) -> BadReviewFollowUp:
        """The complainant's verdict on the rectification.

        Satisfied closes the follow-up as verified; not satisfied starts another round
        with a fresh 5-working-day limit.
        """
        self._expect(follow_up, FollowUpState.RECTIFIED, msg("记录评价人意见"))
        if satisfied:
            return self._step(
                follow_up, FollowUpState.VERIFIED, actor_id, note.strip() or "评价人认可整改结果"
            )
        today = hall_date(self._clock.now())
        reopened = self._step(
            follow_up, FollowUpState.OPEN, actor_id, note.strip() or "评价人不认可，重新整改"
        )
        return reopened.model_copy(
            update={
                "round": follow_up.round + 1,
                "rectify_by": self._calendar.add_working_days(today, RECTIFY_WORKING_DAYS),
            }
        )

    def close(
        self, follow_up: BadReviewFollowUp, *, actor_id: str, role: Role, reason: str
    ) -> BadReviewFollowUp:
        """Close without the complainant's approval (核实为不实差评, 无法联系 …).

        Only a 首席代表 or 管理员 may, and never silently: a reason is required.
        """
        if follow_up.done:
            raise IllegalTransition(
                msg("差评整改已{state}，不能关闭", state=FOLLOW_UP_NAMES[follow_up.state]),
                code="followup.done",
            )
        if role not in _SUPERVISORS:
            raise NotPermitted(msg("关闭差评须由首席代表或管理员审核"), code="followup.close_role")
        note = _required(reason, msg("请写明关闭原因"))
        return self._step(follow_up, FollowUpState.CLOSED, actor_id, note)

    def countdown(self, follow_up: BadReviewFollowUp) -> Countdown | None:
        """Time left to rectify, while rectification is still due."""
        if follow_up.state not in (FollowUpState.OPEN, FollowUpState.CALLED_BACK):
            return None
        return self._calendar.countdown(
            follow_up.rectify_by, hall_date(self._clock.now()), warn_within=1
        )

    def _expect(self, follow_up: BadReviewFollowUp, state: FollowUpState, what: str) -> None:
        if follow_up.state is not state:
            raise IllegalTransition(
                msg("差评当前状态为“{state}”，不能{action}",
                    state=FOLLOW_UP_NAMES[follow_up.state], action=what),
                code="followup.illegal",
            )

    def _step(
        self, follow_up: BadReviewFollowUp, state: FollowUpState, actor_id: str, note: str
    ) -> BadReviewFollowUp:
        if not actor_id.strip():
            raise ValidationFailed(msg("缺少经办人"), code="followup.actor")
        step = FollowUpStep(state=state, at=self._clock.now(), actor_id=actor_id, note=note)
        return follow_up.model_copy(update={"state": state, "steps": (*follow_up.steps, step)})


def _required(text: str, message: str) -> str:
    if not text.strip():
        raise ValidationFailed(message, code="followup.text")
    return text.strip()
