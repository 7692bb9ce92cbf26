"""What each paper says: typed inputs, built by the caller from ``core.case`` events.

Personal data arrives in full (as the case holds it) and is masked here, per paper, so no
caller can forget: an ID number is never printed in full; a phone number never either.
Whether the *name* is masked depends on who keeps the paper:

===================  ===========  ==========================================================
paper                name         why
===================  ===========  ==========================================================
受理凭证/通知书        full         handed to the applicant, proves *their* application
一次性告知书           full         handed to the applicant, addressed to them
不予受理通知书         full         a legal decision addressed to the applicant
容缺受理通知书         full         handed to the applicant, addressed to them
告知承诺书            full         signed by the applicant; a legal commitment in their name
材料移交清单           masked       lists many applicants; travels between offices
取号小票              none         public, often left behind
取件凭条 (80 mm)       masked       printed at an unattended kiosk; slips get left in trays
出件签收单 (A4)        full         signed by the recipient, kept in the hall's files
办件进度单             masked       anyone holding the receipt QR can print it
===================  ===========  ==========================================================

Every paper names its *key fields*: the printed values its verification code covers
(see :mod:`documents.verification`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from core.masking import mask_id_number, mask_name, mask_phone


class PaperKind(StrEnum):
    """Short codes of the paper kinds; they appear in the QR payload."""

    ACCEPTANCE = "ACC"  # 受理凭证 / 受理通知书
    CORRECTION = "COR"  # 一次性告知书
    REJECTION = "REJ"  # 不予受理通知书
    PENDING = "PEN"  # 容缺受理通知书
    COMMITMENT = "COM"  # 告知承诺书
    HANDOVER = "HND"  # 材料移交清单
    TICKET = "TKT"  # 取号小票
    PICKUP = "PKP"  # 取件凭条 / 出件签收单
    PROGRESS = "PRG"  # 办件进度单
    RESULT = "RES"  # 结果文书 (synced from the platform)


def format_time(value: dt.datetime) -> str:
    """``2025年3月7日 09:30`` — how papers print a moment."""
    return f"{format_date(value)} {value:%H:%M}"


def format_date(value: dt.date) -> str:
    """``2025年3月7日`` (official papers write dates without leading zeros)."""
    return f"{value.year}年{value.month}月{value.day}日"


@dataclass(frozen=True, slots=True, kw_only=True)
class Issuer:
    """Who issues the paper and where it was printed.

    Attributes:
        hall_id: the hall's id in the catalog.
        hall_name: 政务服务中心 name as printed at the head of the paper.
        department: 受理/出具机关 (for notices: the approving department or the hall's office).
        terminal_id: the terminal (window client or kiosk) that printed it.
        phone: 咨询电话.
        window: 窗口号, when printed at a counter.
    """

    hall_id: str
    hall_name: str
    department: str
    terminal_id: str
    phone: str = ""
    window: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Party:
    """An applicant, agent or recipient, with personal data in full (masked when printed).

    Attributes:
        name: person's name, or the contact person of an enterprise.
        id_number: 身份证号码 (or other certificate number); never printed in full.
        phone: mobile number; printed masked.
        organisation: enterprise or organisation name for 法人 applicants (public).
        uscc: 统一社会信用代码 (public register data, printed in full).
    """

    name: str
    id_number: str = ""
    phone: str = ""
    organisation: str = ""
    uscc: str = ""

    def shown_name(self, *, masked: bool) -> str:
        return mask_name(self.name) if masked else self.name

    @property
    def shown_id(self) -> str:
        return mask_id_number(self.id_number) if self.id_number else ""

    @property
    def shown_phone(self) -> str:
        return mask_phone(self.phone) if self.phone else ""


class MaterialChannel(StrEnum):
    """How a material reached the case (受理凭证 says so for each)."""

    PAPER = "纸质"
    ELICENCE = "电子证照"
    SHARED = "部门共享"
    UPLOAD = "电子件上传"
    COMMITMENT = "告知承诺"


@dataclass(frozen=True, slots=True, kw_only=True)
class ReceivedMaterial:
    """One material received with the application."""

    name: str
    channel: MaterialChannel
    form: str = ""  # 原件 / 复印件 / 原件和复印件 / 电子件
    copies: int = 0
    pages: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class MaterialProblem:
    """A material that is missing or defective, and what must be done about it.

    Attributes:
        name: the material's name as the guide states it.
        missing: True when not supplied at all; False when supplied but defective.
        reason: what is wrong (for a defective one) — "复印件不清晰", "缺少法定代表人签字".
        requirement: what the applicant must bring (form, copies, notes).
    """

    name: str
    missing: bool
    reason: str = ""
    requirement: str = ""

    @property
    def status(self) -> str:
        return "缺少" if self.missing else "需补正"


@dataclass(frozen=True, slots=True, kw_only=True)
class _Case:
    """Fields every case paper has."""

    issuer: Issuer
    case_number: str
    provisional: bool = False  # number minted offline on the terminal (T…-yyyymmdd-n)
    item_name: str
    item_code: str = ""
    situation: str = ""
    applicant: Party
    agent: Party | None = None  # 帮办代办
    clerk: str = ""
    issued_at: dt.datetime

    @property
    def number(self) -> str:
        return self.case_number

    def _base_fields(self, *, masked: bool) -> list[tuple[str, str]]:
        return [
            ("number", self.case_number),
            ("issued", self.issued_at.isoformat(timespec="minutes")),
            ("hall", self.issuer.hall_id),
            ("terminal", self.issuer.terminal_id),
            ("item", self.item_name),
            ("applicant", self.applicant.shown_name(masked=masked)),
            ("applicant_id", self.applicant.shown_id),
            ("organisation", self.applicant.organisation),
            ("agent", self.agent.shown_name(masked=masked) if self.agent else ""),
        ]


@dataclass(frozen=True, slots=True, kw_only=True)
class AcceptancePaper(_Case):
    """受理凭证 / 受理通知书.

    Attributes:
        materials: everything received, each with how it came.
        accepted_at: when the case was accepted.
        promised_days: 承诺办结时限, with ``day_unit`` (工作日/自然日); 0 for 即办件.
        deadline: promised conclusion date, computed by the caller on the hall calendar.
        progress_query: how to follow the case ("扫描二维码或登录爱山东APP查询").
        pickup_hint: how the result will come (窗口领取/EMS/自助终端/智能柜).
    """

    kind = PaperKind.ACCEPTANCE
    materials: tuple[ReceivedMaterial, ...]
    accepted_at: dt.datetime
    promised_days: int
    day_unit: str = "工作日"
    deadline: dt.date | None
    progress_query: str = "扫描本凭证二维码，或登录“爱山东”APP、拨打咨询电话查询办理进度"
    pickup_hint: str = ""

    def key_fields(self) -> list[tuple[str, str]]:
        return [
            *self._base_fields(masked=False),
            ("accepted", self.accepted_at.isoformat(timespec="minutes")),
            ("deadline", self.deadline.isoformat() if self.deadline else ""),
            ("materials", str(len(self.materials))),
        ]


@dataclass(frozen=True, slots=True, kw_only=True)
class CorrectionPaper(_Case):
    """一次性告知书 (补正材料通知): every problem in one notice.

    Attributes:
        received_at: when the materials were received (the 5-working-day clock starts).
        problems: every missing and defective material; at least one.
        supply_by: the date by which to supply them.
    """

    kind = PaperKind.CORRECTION
    received_at: dt.datetime
    problems: tuple[MaterialProblem, ...]
    supply_by: dt.date
    legal_note: str = (
        "根据《中华人民共和国行政许可法》第三十二条规定，申请材料不齐全或者不符合法定形式的，"
        "行政机关应当当场或者在五日内一次告知申请人需要补正的全部内容。"
        "请您按本告知书所列内容一次性补齐补正材料；补齐补正后，本机关将依法受理。"
    )

    def __post_init__(self) -> None:
        if not self.problems:
            raise ValueError("a correction notice lists at least one material")

    def key_fields(self) -> list[tuple[str, str]]:
        return [
            *self._base_fields(masked=False),
            ("received", self.received_at.isoformat(timespec="minutes")),
            ("supply_by", self.supply_by.isoformat()),
            ("problems", "|".join(f"{p.name}:{p.status}" for p in self.problems)),
        ]


@dataclass(frozen=True, slots=True, kw_only=True)
class RejectionPaper(_Case):
    """不予受理通知书; approved by a 首席代表 (窗口无否决权、否决权上移).

    Attributes:
        reason: why the application cannot be accepted.
        legal_basis: the provisions relied on.
        review_body: where to apply for 行政复议.
        review_days: the time limit for 行政复议 (60 days under 行政复议法).
        court: where to bring 行政诉讼.
        litigation_months: the time limit for 行政诉讼 (6 months under 行政诉讼法).
        approved_by: the 首席代表 who approved the rejection.
    """

    kind = PaperKind.REJECTION
    received_at: dt.datetime
    reason: str
    legal_basis: tuple[str, ...]
    review_body: str
    review_days: int = 60
    court: str
    litigation_months: int = 6
    approved_by: str

    def __post_init__(self) -> None:
        if not self.approved_by.strip():
            raise ValueError("a rejection needs the approving chief representative")

    def key_fields(self) -> list[tuple[str, str]]:
        return [
            *self._base_fields(masked=False),
            ("reason", self.reason),
            ("approved_by", self.approved_by),
        ]


@dataclass(frozen=True, slots=True, kw_only=True)
class PendingPaper(_Case):
    """容缺受理通知书: accepted with non-key materials missing, to be supplied by a date."""

    kind = PaperKind.PENDING
    accepted_at: dt.datetime
    missing: tuple[MaterialProblem, ...]
    supply_by: dt.date
    consequences: str = (
        "逾期未补齐容缺材料的，本次申请按撤回处理（或依法作出不予许可决定），"
        "已作出的审批结果不予发放；因此产生的后果由申请人承担。"
    )

    def __post_init__(self) -> None:
        if not self.missing:
            raise ValueError("a 容缺 notice lists at least one material")

    def key_fields(self) -> list[tuple[str, str]]:
        return [
            *self._base_fields(masked=False),
            ("accepted", self.accepted_at.isoformat(timespec="minutes")),
            ("supply_by", self.supply_by.isoformat()),
            ("missing", "|".join(p.name for p in self.missing)),
        ]


@dataclass(frozen=True, slots=True, kw_only=True)
class CommitmentPaper(_Case):
    """告知承诺书: the department states the conditions; the applicant commits to them.

    Attributes:
        conditions: what the applicant commits to meet (the proofs it replaces).
        consequences: what follows a false commitment.
        department_statement: what the department commits to in return.
    """

    kind = PaperKind.COMMITMENT
    conditions: tuple[str, ...]
    consequences: tuple[str, ...] = (
        "申请人作出不实承诺的，行政机关将依法撤销已作出的行政决定，并依法追究申请人的法律责任。",
        "申请人的不实承诺将记入信用记录，依法实施失信惩戒。",
        "申请人未履行承诺的，行政机关责令限期整改；逾期不整改或整改后仍不符合条件的，依法撤销行政决定。",
    )
    department_statement: str = (
        "本机关已将办理本事项所需的条件、标准、技术要求及不实承诺的法律后果一次性告知申请人。"
        "申请人书面承诺符合条件并提交本承诺书后，本机关不再索要有关证明材料，依法作出行政决定，"
        "并将在作出决定后依法对承诺内容进行核查。"
    )

    def __post_init__(self) -> None:
        if not self.conditions:
            raise ValueError("a commitment letter states at least one condition")

    def key_fields(self) -> list[tuple[str, str]]:
        return [
            *self._base_fields(masked=False),
            ("conditions", str(len(self.conditions))),
        ]


@dataclass(frozen=True, slots=True, kw_only=True)
class HandedMaterial:
    """A paper material handed over: how many pages and copies."""

    name: str
    form: str = "原件"
    pages: int = 1
    copies: int = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class HandoverEntry:
    """One case on a handover list."""

    case_number: str
    item_name: str
    applicant_name: str  # masked when printed
    materials: tuple[HandedMaterial, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class HandoverPaper:
    """材料移交清单: paper materials from the front desk to a back-office department."""

    kind = PaperKind.HANDOVER
    issuer: Issuer
    list_number: str
    to_department: str
    entries: tuple[HandoverEntry, ...]
    handed_by: str
    issued_at: dt.datetime

    def __post_init__(self) -> None:
        if not self.entries:
            raise ValueError("a handover list names at least one case")

    @property
    def number(self) -> str:
        return self.list_number

    def key_fields(self) -> list[tuple[str, str]]:
        return [
            ("number", self.list_number),
            ("issued", self.issued_at.isoformat(timespec="minutes")),
            ("hall", self.issuer.hall_id),
            ("terminal", self.issuer.terminal_id),
            ("to", self.to_department),
            ("cases", "|".join(e.case_number for e in self.entries)),
            ("sheets", str(sum(m.pages * m.copies for e in self.entries for m in e.materials))),
        ]


@dataclass(frozen=True, slots=True, kw_only=True)
class TicketPaper:
    """取号小票.

    Attributes:
        ticket_number: "A012".
        business: the business area ("综合受理", "不动产登记").
        waiting_ahead: people waiting before this ticket.
        green_channel: the reason for priority (老年人、残疾人、孕期妇女、军人), or "".
        appointment: True for a checked-in appointment (预约签到).
    """

    kind = PaperKind.TICKET
    issuer: Issuer
    ticket_number: str
    business: str
    waiting_ahead: int = field(default=0)
    issued_at: dt.datetime
    green_channel: str = ""
    appointment: bool = False
    notice: str = "请留意叫号屏幕和语音提示，过号请重新取号。"

    def __post_init__(self) -> None:
        if self.waiting_ahead < 0:
            raise ValueError("waiting_ahead cannot be negative")

    @property
    def number(self) -> str:
        return self.ticket_number

    def key_fields(self) -> list[tuple[str, str]]:
        return [
            ("number", self.ticket_number),
            ("issued", self.issued_at.isoformat(timespec="minutes")),
            ("hall", self.issuer.hall_id),
            ("terminal", self.issuer.terminal_id),
            ("business", self.business),
            ("green", self.green_channel),
        ]


class PickupMethod(StrEnum):
    """出件方式 as printed."""

    KIOSK_PRINT = "自助打印"
    LOCKER = "智能文件柜"
    WINDOW = "窗口领取"
    EMS = "EMS邮寄"


@dataclass(frozen=True, slots=True, kw_only=True)
class PickupPaper:
    """取件凭条 (80 mm) / 出件签收单 (A4).

    Attributes:
        result_name: the result document (证照/批文) handed out.
        method: how it was delivered.
        detail: the compartment number, EMS waybill number or window.
        recipient: who took it (applicant or agent).
        delivered_at: when.
        pickup_code: the self-service pickup code, printed only on the 自助取件通知 the
            applicant takes away (the code is theirs); ``""`` on every other paper.
            It is kept out of :meth:`key_fields`, so neither the QR code nor the
            verification code carries it.
    """

    kind = PaperKind.PICKUP
    issuer: Issuer
    case_number: str
    item_name: str
    result_name: str
    method: PickupMethod
    detail: str = ""
    recipient: Party
    delivered_at: dt.datetime
    clerk: str = ""
    pickup_code: str = ""

    @property
    def number(self) -> str:
        return self.case_number

    @property
    def is_notice(self) -> bool:
        """Whether this is the 自助取件通知 carrying the pickup code."""
        return bool(self.pickup_code)

    def key_fields(self, *, masked: bool) -> list[tuple[str, str]]:
        return [
            ("number", self.case_number),
            ("issued", self.delivered_at.isoformat(timespec="minutes")),
            ("hall", self.issuer.hall_id),
            ("terminal", self.issuer.terminal_id),
            ("result", self.result_name),
            ("method", self.method.value),
            ("detail", self.detail),
            ("recipient", self.recipient.shown_name(masked=masked)),
        ]


@dataclass(frozen=True, slots=True, kw_only=True)
class ProgressEvent:
    """One line of a case's timeline."""

    at: dt.datetime
    what: str  # 收件 / 受理 / 移交审批 / 审批通过 …
    by: str = ""  # office or window, never a person's private data


@dataclass(frozen=True, slots=True, kw_only=True)
class ProgressPaper:
    """办件进度单: timeline, current state, next step, deadline."""

    kind = PaperKind.PROGRESS
    issuer: Issuer
    case_number: str
    item_name: str
    applicant: Party
    state: str  # 审批中 / 待补正 / 已办结 … as shown to the citizen
    events: tuple[ProgressEvent, ...]
    next_step: str
    deadline: dt.date | None
    issued_at: dt.datetime

    @property
    def number(self) -> str:
        return self.case_number

    def key_fields(self) -> list[tuple[str, str]]:
        return [
            ("number", self.case_number),
            ("issued", self.issued_at.isoformat(timespec="minutes")),
            ("hall", self.issuer.hall_id),
            ("terminal", self.issuer.terminal_id),
            ("item", self.item_name),
            ("applicant", self.applicant.shown_name(masked=True)),
            ("state", self.state),
            ("deadline", self.deadline.isoformat() if self.deadline else ""),
        ]


@dataclass(frozen=True, slots=True, kw_only=True)
class ResultStamp:
    """What is stamped on each page of a result document synced from the platform."""

    issuer: Issuer
    case_number: str
    result_name: str
    printed_at: dt.datetime

    @property
    def number(self) -> str:
        return self.case_number

    def key_fields(self, *, digest: str) -> list[tuple[str, str]]:
        return [
            ("number", self.case_number),
            ("issued", self.printed_at.isoformat(timespec="minutes")),
            ("hall", self.issuer.hall_id),
            ("terminal", self.issuer.terminal_id),
            ("result", self.result_name),
            ("sha256", digest),
        ]
