"""The paper maker: turns a paper's data into a PDF ready for the printer.

Usage::

    maker = PaperMaker(fonts=FontSet(), key=VerificationKey("k1", secret))
    paper = maker.acceptance(AcceptancePaper(...), size=PaperSize.RECEIPT_80MM)
    printer.print_pdf(paper.pdf)

Every method returns a :class:`RenderedPaper` with the PDF bytes, the verification code
printed on it and the QR payload; :meth:`PaperMaker.verify` checks a code against a
paper's data.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

from core.masking import mask_name
from documents.fonts import FontSet
from documents.layout import (
    INK,
    Banner,
    BigText,
    Footer,
    PaperSize,
    QrCode,
    Rule,
    SealArea,
    Typesetter,
    render_a4,
    render_receipt,
)
from documents.papers import (
    AcceptancePaper,
    CommitmentPaper,
    CorrectionPaper,
    HandoverPaper,
    Issuer,
    MaterialProblem,
    PaperKind,
    Party,
    PendingPaper,
    PickupMethod,
    PickupPaper,
    ProgressPaper,
    RejectionPaper,
    ResultStamp,
    TicketPaper,
    format_date,
    format_time,
)
from documents.result import result_digest, stamp_result
from documents.verification import (
    KeyFields,
    VerificationKey,
    code_matches,
    qr_payload,
    verification_code,
)

log = logging.getLogger(__name__)

CasePaper = AcceptancePaper | CorrectionPaper | RejectionPaper | PendingPaper | CommitmentPaper
Paper = CasePaper | HandoverPaper | TicketPaper | PickupPaper | ProgressPaper

_RECEIPT_ONLY = (PaperKind.TICKET,)
_BOTH_SIZES = (PaperKind.ACCEPTANCE, PaperKind.PICKUP, PaperKind.PROGRESS)


@dataclass(frozen=True, slots=True)
class RenderedPaper:
    """A paper ready to print.

    Attributes:
        kind: which paper.
        number: the case, ticket or list number it carries.
        size: A4 or 80 mm.
        pdf: the PDF bytes.
        verification_code: ``XXXX-XXXX`` as printed.
        qr_payload: what its QR code says.
        missing_glyphs: characters no font had, printed as 〓 (with a footnote).
    """

    kind: PaperKind
    number: str
    size: PaperSize
    pdf: bytes
    verification_code: str
    qr_payload: str
    missing_glyphs: tuple[str, ...] = ()


class PaperMaker:
    """Lays out every paper the hall prints.

    Args:
        fonts: the registered CJK faces.
        key: the hall's verification key.
        verify_url: when set, QR codes carry ``<url>?t=&n=&c=`` instead of the compact form.
    """

    def __init__(self, *, fonts: FontSet, key: VerificationKey, verify_url: str = "") -> None:
        self._fonts = fonts
        self._key = key
        self._url = verify_url

    # --- verification -------------------------------------------------------------------

    def code_for(self, paper: Paper, *, size: PaperSize = PaperSize.A4) -> str:
        """The verification code ``paper`` gets when printed in ``size``."""
        return verification_code(self._key, paper.kind.value, _fields(paper, size))

    def verify(self, paper: Paper, code: str, *, size: PaperSize = PaperSize.A4) -> bool:
        """Whether ``code`` (as printed or typed) belongs to this paper's data."""
        return code_matches(self._key, paper.kind.value, _fields(paper, size), code)

    # --- papers ---------------------------------------------------------------------------

    def render(self, paper: Paper, *, size: PaperSize = PaperSize.A4) -> RenderedPaper:
        """Any paper, in ``size`` (tickets are always 80 mm)."""
        if paper.kind in _RECEIPT_ONLY:
            size = PaperSize.RECEIPT_80MM
        elif paper.kind not in _BOTH_SIZES:
            size = PaperSize.A4
        ts = Typesetter(self._fonts, size)
        code = self.code_for(paper, size=size)
        payload = qr_payload(paper.kind.value, paper.number, code, url=self._url)
        story = self._story(ts, paper, code, payload)
        story += ts.missing_note()
        title = _title(paper, size)
        if size is PaperSize.A4:
            issued = paper.delivered_at if isinstance(paper, PickupPaper) else paper.issued_at
            footer = Footer(
                hall_name=paper.issuer.hall_name,
                hall_id=paper.issuer.hall_id,
                terminal_id=paper.issuer.terminal_id,
                issued=format_time(issued),
                number=paper.number,
                code=code,
            )
            pdf = render_a4(ts, story, footer, title=title)
        else:
            pdf = render_receipt(
                story,
                title=title,
                author=paper.issuer.hall_name,
                font=self._fonts.hei,
                glyphs=ts.glyphs,
            )
        if ts.missing:
            # the count only: the characters may belong to a name
            log.warning("%s printed with %d character(s) no font has", paper.kind, len(ts.missing))
        return RenderedPaper(
            kind=paper.kind,
            number=paper.number,
            size=size,
            pdf=pdf,
            verification_code=code,
            qr_payload=payload,
            missing_glyphs=tuple(dict.fromkeys(ts.missing)),
        )

    def acceptance(
        self, paper: AcceptancePaper, *, size: PaperSize = PaperSize.A4
    ) -> RenderedPaper:
        """受理凭证 (A4 受理通知书 at the window, 80 mm at a kiosk)."""
        return self.render(paper, size=size)

    def correction(self, paper: CorrectionPaper) -> RenderedPaper:
        """一次性告知书 (A4)."""
        return self.render(paper)

    def rejection(self, paper: RejectionPaper) -> RenderedPaper:
        """不予受理通知书 (A4)."""
        return self.render(paper)

    def pending(self, paper: PendingPaper) -> RenderedPaper:
        """容缺受理通知书 (A4)."""
        return self.render(paper)

    def commitment(self, paper: CommitmentPaper) -> RenderedPaper:
        """告知承诺书 (A4)."""
        return self.render(paper)

    def handover(self, paper: HandoverPaper) -> RenderedPaper:
        """材料移交清单 (A4)."""
        return self.render(paper)

    def ticket(self, paper: TicketPaper) -> RenderedPaper:
        """取号小票 (80 mm)."""
        return self.render(paper, size=PaperSize.RECEIPT_80MM)

    def pickup(
        self, paper: PickupPaper, *, size: PaperSize = PaperSize.RECEIPT_80MM
    ) -> RenderedPaper:
        """取件凭条 (80 mm) or 出件签收单 (A4, with signature lines)."""
        return self.render(paper, size=size)

    def progress(self, paper: ProgressPaper, *, size: PaperSize = PaperSize.A4) -> RenderedPaper:
        """办件进度单."""
        return self.render(paper, size=size)

    def print_result_document(self, pdf_bytes: bytes, *, stamp: ResultStamp) -> RenderedPaper:
        """A result document synced from the platform, checked and stamped on every page.

        Raises:
            UserFacingError: (code ``paper.result_invalid``) the bytes are not a readable PDF.
        """
        ts = Typesetter(self._fonts, PaperSize.A4)
        pdf, code, payload = stamp_result(
            pdf_bytes, stamp=stamp, key=self._key, typesetter=ts, verify_url=self._url
        )
        return RenderedPaper(
            kind=PaperKind.RESULT,
            number=stamp.case_number,
            size=PaperSize.A4,
            pdf=pdf,
            verification_code=code,
            qr_payload=payload,
            missing_glyphs=tuple(dict.fromkeys(ts.missing)),
        )

    def verify_result(self, pdf_bytes: bytes, stamp: ResultStamp, code: str) -> bool:
        """Whether ``code`` is the stamp code of this (unstamped) result document."""
        fields = stamp.key_fields(digest=result_digest(pdf_bytes))
        return code_matches(self._key, PaperKind.RESULT.value, fields, code)

    # --- stories --------------------------------------------------------------------------

    def _story(self, ts: Typesetter, paper: Paper, code: str, payload: str) -> list[Flowable]:
        receipt = ts.size is PaperSize.RECEIPT_80MM
        if isinstance(paper, TicketPaper):
            return _ticket(ts, paper, code, payload)
        head = (
            _receipt_head(ts, paper.issuer, _title(paper, ts.size))
            if receipt
            else _a4_head(
                ts,
                paper.issuer,
                _title(paper, ts.size),
                number=paper.number,
                code=code,
                payload=payload,
            )
        )
        body: list[Flowable]
        match paper:
            case AcceptancePaper():
                body = _acceptance_receipt(ts, paper) if receipt else _acceptance_a4(ts, paper)
            case CorrectionPaper():
                body = _correction(ts, paper)
            case RejectionPaper():
                body = _rejection(ts, paper)
            case PendingPaper():
                body = _pending(ts, paper)
            case CommitmentPaper():
                body = _commitment(ts, paper)
            case HandoverPaper():
                body = _handover(ts, paper)
            case PickupPaper() if paper.is_notice:
                body = _pickup_notice(ts, paper)
            case PickupPaper():
                body = _pickup_receipt(ts, paper) if receipt else _pickup_a4(ts, paper)
            case ProgressPaper():
                body = _progress(ts, paper)
        if receipt:
            issued = paper.delivered_at if isinstance(paper, PickupPaper) else paper.issued_at
            body += _receipt_foot(
                ts, paper.issuer, issued, number=paper.number, code=code, payload=payload
            )
        return head + body


_TITLES: dict[PaperKind, str] = {
    PaperKind.ACCEPTANCE: "受理凭证",
    PaperKind.CORRECTION: "一次性告知书",
    PaperKind.REJECTION: "不予受理通知书",
    PaperKind.PENDING: "容缺受理通知书",
    PaperKind.COMMITMENT: "告知承诺书",
    PaperKind.HANDOVER: "材料移交清单",
    PaperKind.TICKET: "取号凭条",
    PaperKind.PICKUP: "取件凭条",
    PaperKind.PROGRESS: "办件进度单",
    PaperKind.RESULT: "结果文书",
}


def _title(paper: Paper, size: PaperSize) -> str:
    kind = paper.kind
    if isinstance(paper, PickupPaper) and paper.is_notice:
        return "自助取件通知"
    if kind is PaperKind.PICKUP and size is PaperSize.A4:
        return "出件签收单"
    return _TITLES[kind]


def _fields(paper: Paper, size: PaperSize) -> KeyFields:
    if isinstance(paper, PickupPaper):
        return paper.key_fields(masked=size is PaperSize.RECEIPT_80MM)
    return paper.key_fields()


# --- shared pieces ------------------------------------------------------------------------


def _a4_head(
    ts: Typesetter, issuer: Issuer, title: str, *, number: str, code: str, payload: str
) -> list[Flowable]:
    qr_size = 22 * mm
    qr_cell = [QrCode(payload, qr_size), ts.para(f"校验码 {code}", ts.small_center)]
    centre = [ts.para(issuer.hall_name, ts.subtitle), Spacer(1, 2 * mm), ts.para(title, ts.title)]
    side = 0.2 * ts.width
    head = Table(
        [[Spacer(1, 1), centre, qr_cell]],
        colWidths=[side, ts.width - 2 * side, side],
        hAlign="CENTER",
    )
    head.setStyle(
        ts.style(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (2, 0), (2, 0), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [
        head,
        Spacer(1, 1 * mm),
        ts.para(f"编号：{number}", ts.right),
        Rule(space=2),
        Spacer(1, 2 * mm),
    ]


def _receipt_head(ts: Typesetter, issuer: Issuer, title: str) -> list[Flowable]:
    return [
        ts.para(issuer.hall_name, ts.subtitle),
        Spacer(1, 1 * mm),
        ts.para(title, ts.title),
        Rule(dashed=True),
    ]


def _receipt_foot(
    ts: Typesetter, issuer: Issuer, issued: dt.datetime, *, number: str, code: str, payload: str
) -> list[Flowable]:
    when = format_time(issued)
    return [
        Rule(dashed=True),
        QrCode(payload, 30 * mm),
        ts.para(f"校验码 {code}", ts.subtitle),
        Spacer(1, 1 * mm),
        ts.para(f"编号 {number}", ts.small_center),
        ts.para(f"{issuer.hall_name}（{issuer.hall_id}）", ts.small_center),
        ts.para(f"终端 {issuer.terminal_id} · 打印时间 {when}", ts.small_center),
    ]


def _info_table(ts: Typesetter, rows: Sequence[tuple[str, str]]) -> Table:
    """Label / value rows in a bordered two-column table."""
    data = [
        [ts.para(label, ts.cell_head), ts.para(value, ts.cell)] for label, value in rows if value
    ]
    table = Table(data, colWidths=[0.2 * ts.width, 0.8 * ts.width], hAlign="LEFT")
    table.setStyle(
        ts.style(
            [
                ("GRID", (0, 0), (-1, -1), 0.6, INK),
                ("BACKGROUND", (0, 0), (0, -1), _SHADE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _lines(ts: Typesetter, rows: Sequence[tuple[str, str]]) -> list[Flowable]:
    """Label：value lines for an 80 mm receipt."""
    return [ts.labelled(label, value) for label, value in rows if value]


def _party_rows(party: Party, role: str, *, masked: bool) -> list[tuple[str, str]]:
    if party.organisation:
        return [
            (f"{role}单位", party.organisation),
            ("统一社会信用代码", party.uscc),
            ("经办人", party.shown_name(masked=masked)),
            ("经办人证件号码", party.shown_id),
            ("经办人联系电话", party.shown_phone),
        ]
    return [
        (role, party.shown_name(masked=masked)),
        (f"{role}证件号码", party.shown_id),
        (f"{role}联系电话", party.shown_phone),
    ]


def _case_rows(paper: CasePaper, *, masked: bool = False) -> list[tuple[str, str]]:
    rows = [
        ("办件编号", paper.case_number + ("（临时编号）" if paper.provisional else "")),
        ("事项名称", paper.item_name),
        ("事项编码", paper.item_code),
        ("办理情形", paper.situation),
        *_party_rows(paper.applicant, "申请人", masked=masked),
    ]
    if paper.agent is not None:
        rows += [
            ("代办人（帮办代办）", paper.agent.shown_name(masked=masked)),
            ("代办人证件号码", paper.agent.shown_id),
            ("代办人联系电话", paper.agent.shown_phone),
        ]
    return rows


def _addressee(paper: CasePaper) -> str:
    return paper.applicant.organisation or paper.applicant.name


def _signoff(ts: Typesetter, issuer: Issuer, when: str, clerk: str) -> list[Flowable]:
    window = f"（{issuer.window}号窗口）" if issuer.window else ""
    left = f"窗口工作人员：{clerk}{window}" if clerk else ""
    return [Spacer(1, 2 * mm), SealArea(ts, [issuer.department, when], 26 * mm, left=left)]


def _problem_table(ts: Typesetter, problems: Sequence[MaterialProblem]) -> Table:
    rows = [
        [str(i), p.name, p.status, p.reason or ("未提交" if p.missing else ""), p.requirement]
        for i, p in enumerate(problems, start=1)
    ]
    return ts.table(
        ["序号", "材料名称", "情况", "原因说明", "补正要求"],
        rows,
        [0.07, 0.33, 0.1, 0.25, 0.25],
        align_center=(0, 2),
    )


def _contact(ts: Typesetter, issuer: Issuer) -> list[Flowable]:
    phone = f"{issuer.phone}　　监督投诉电话：12345" if issuer.phone else "12345"
    return [ts.labelled("咨询电话" if issuer.phone else "监督投诉电话", phone)]


_SHADE = colors.Color(0.92, 0.92, 0.92)


# --- the papers ---------------------------------------------------------------------------


def _deadline_text(paper: AcceptancePaper) -> str:
    if paper.promised_days == 0:
        return "即办件，当场办结"
    when = f"，预计 {format_date(paper.deadline)} 前办结" if paper.deadline else ""
    return f"{paper.promised_days}个{paper.day_unit}{when}"


def _acceptance_a4(ts: Typesetter, paper: AcceptancePaper) -> list[Flowable]:
    story: list[Flowable] = [
        ts.para(f"{_addressee(paper)}：", ts.body),
        ts.para(
            f"您于{format_time(paper.accepted_at)}提交的“{paper.item_name}”申请，"
            "申请材料齐全、符合法定形式，本机关决定予以受理。现出具本凭证，请妥善保管。",
            ts.indented,
        ),
        Spacer(1, 3 * mm),
        _info_table(
            ts,
            [
                *_case_rows(paper),
                ("受理时间", format_time(paper.accepted_at)),
                ("承诺办理时限", _deadline_text(paper)),
                ("结果领取方式", paper.pickup_hint),
            ],
        ),
        ts.para("已收取的申请材料", ts.heading),
        ts.table(
            ["序号", "材料名称", "材料形式", "份数", "提交方式"],
            [
                [str(i), m.name, m.form, str(m.copies) if m.copies else "—", m.channel.value]
                for i, m in enumerate(paper.materials, start=1)
            ],
            [0.07, 0.47, 0.16, 0.1, 0.2],
            align_center=(0, 2, 3, 4),
        ),
        Spacer(1, 2 * mm),
        ts.labelled("进度查询", paper.progress_query),
        *_contact(ts, paper.issuer),
    ]
    if paper.provisional:
        story.append(
            ts.para(
                "本凭证编号为本机生成的临时编号，网络恢复后将取得正式受理编号并短信告知；"
                "凭本凭证二维码均可查询办理进度。",
                ts.body,
            )
        )
    return story + _signoff(ts, paper.issuer, format_date(paper.issued_at), paper.clerk)


def _acceptance_receipt(ts: Typesetter, paper: AcceptancePaper) -> list[Flowable]:
    story = _lines(
        ts,
        [
            ("办件编号", paper.case_number + ("（临时）" if paper.provisional else "")),
            ("事项", paper.item_name),
            ("情形", paper.situation),
            ("申请单位", paper.applicant.organisation),
            ("申请人", paper.applicant.name),
            ("证件号码", paper.applicant.shown_id),
            ("联系电话", paper.applicant.shown_phone),
            ("代办人", paper.agent.name if paper.agent else ""),
            ("受理时间", format_time(paper.accepted_at)),
            ("承诺时限", _deadline_text(paper)),
            ("领取方式", paper.pickup_hint),
        ],
    )
    story.append(ts.para("已收取材料", ts.heading))
    for i, m in enumerate(paper.materials, start=1):
        copies = f"，{m.copies}份" if m.copies else ""
        story.append(ts.para(f"{i}. {m.name}（{m.channel.value}{copies}）", ts.cell))
    story.append(Spacer(1, 1 * mm))
    story += _lines(ts, [("进度查询", paper.progress_query), ("咨询电话", paper.issuer.phone)])
    if paper.provisional:
        story.append(ts.para("离线受理：编号为临时编号，联网后取得正式编号并短信告知。", ts.small))
    return story


def _correction(ts: Typesetter, paper: CorrectionPaper) -> list[Flowable]:
    count = len(paper.problems)
    return [
        ts.para(f"{_addressee(paper)}：", ts.body),
        ts.para(
            f"您于{format_time(paper.received_at)}提交的“{paper.item_name}”申请材料，"
            f"经审查，有以下{count}项材料不齐全或者不符合法定形式。现一次性告知如下，"
            f"请于{format_date(paper.supply_by)}前补齐补正全部材料：",
            ts.indented,
        ),
        Spacer(1, 2 * mm),
        _info_table(ts, [*_case_rows(paper), ("收件时间", format_time(paper.received_at))]),
        ts.para(f"需补齐补正的材料（共{count}项）", ts.heading),
        _problem_table(ts, paper.problems),
        Spacer(1, 2 * mm),
        ts.labelled(
            "补正期限",
            f"请于{format_date(paper.supply_by)}前到本中心窗口或通过“爱山东”APP一次性补齐补正。",
        ),
        ts.labelled("法律依据", paper.legal_note),
        *_contact(ts, paper.issuer),
        *_signoff(ts, paper.issuer, format_date(paper.issued_at), paper.clerk),
    ]


def _rejection(ts: Typesetter, paper: RejectionPaper) -> list[Flowable]:
    basis = "；".join(paper.legal_basis)
    return [
        ts.para(f"{_addressee(paper)}：", ts.body),
        ts.para(
            f"您于{format_time(paper.received_at)}提出的“{paper.item_name}”申请，经审查，"
            "不符合受理条件，本机关决定不予受理。",
            ts.indented,
        ),
        Spacer(1, 2 * mm),
        _info_table(ts, _case_rows(paper)),
        ts.para("不予受理的理由", ts.heading),
        ts.para(paper.reason, ts.indented),
        ts.para("法律依据", ts.heading),
        ts.para(basis, ts.indented),
        ts.para("救济途径", ts.heading),
        ts.para(
            f"如不服本决定，可以自收到本通知书之日起{paper.review_days}日内向{paper.review_body}"
            f"申请行政复议，或者在{paper.litigation_months}个月内依法向{paper.court}提起行政诉讼。",
            ts.indented,
        ),
        Spacer(1, 2 * mm),
        ts.labelled("审核（首席代表）", paper.approved_by),
        *_contact(ts, paper.issuer),
        *_signoff(ts, paper.issuer, format_date(paper.issued_at), paper.clerk),
    ]


def _pending(ts: Typesetter, paper: PendingPaper) -> list[Flowable]:
    rows = [
        [str(i), p.name, p.reason or "容缺", p.requirement]
        for i, p in enumerate(paper.missing, start=1)
    ]
    return [
        ts.para(f"{_addressee(paper)}：", ts.body),
        ts.para(
            f"您于{format_time(paper.accepted_at)}提交的“{paper.item_name}”申请，主要申请材料齐全，"
            f"次要材料尚有欠缺，符合容缺受理条件，本机关予以容缺受理。请于{format_date(paper.supply_by)}"
            "前补齐下列容缺材料：",
            ts.indented,
        ),
        Spacer(1, 2 * mm),
        _info_table(ts, [*_case_rows(paper), ("受理时间", format_time(paper.accepted_at))]),
        ts.para(f"容缺材料（共{len(paper.missing)}项）", ts.heading),
        ts.table(
            ["序号", "材料名称", "说明", "补交要求"],
            rows,
            [0.08, 0.4, 0.22, 0.3],
            align_center=(0,),
        ),
        Spacer(1, 2 * mm),
        ts.labelled("补交期限", format_date(paper.supply_by)),
        ts.labelled("逾期后果", paper.consequences),
        *_contact(ts, paper.issuer),
        *_signoff(ts, paper.issuer, format_date(paper.issued_at), paper.clerk),
    ]


def _commitment(ts: Typesetter, paper: CommitmentPaper) -> list[Flowable]:
    story: list[Flowable] = [
        _info_table(ts, _case_rows(paper)),
        ts.para("一、行政机关告知", ts.heading),
        ts.para(paper.department_statement, ts.indented),
        ts.para("二、申请人承诺符合下列条件", ts.heading),
    ]
    story += [ts.para(f"{i}. {c}", ts.body) for i, c in enumerate(paper.conditions, start=1)]
    story.append(ts.para("三、不实承诺的法律后果", ts.heading))
    story += [ts.para(f"{i}. {c}", ts.body) for i, c in enumerate(paper.consequences, start=1)]
    story.append(ts.para("四、申请人声明", ts.heading))
    story.append(
        ts.para(
            "本人（单位）已知晓行政机关告知的全部内容，所填写的信息和所作承诺真实、准确、完整，"
            "愿意承担不实承诺的法律责任。本承诺书一式两份，申请人和行政机关各执一份。",
            ts.indented,
        )
    )
    sign = Table(
        [
            [ts.para("申请人（签字/盖章）：", ts.body), ts.para("行政机关（盖章）：", ts.body)],
            [ts.para("", ts.body), ts.para(paper.issuer.department, ts.body)],
            [
                ts.para("日期：______年____月____日", ts.body),
                ts.para("日期：______年____月____日", ts.body),
            ],
        ],
        colWidths=[ts.width / 2, ts.width / 2],
        rowHeights=[10 * mm, 14 * mm, 10 * mm],
    )
    sign.setStyle(ts.style([("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    story += [Spacer(1, 4 * mm), KeepTogether([sign])]
    return story


def _handover(ts: Typesetter, paper: HandoverPaper) -> list[Flowable]:
    rows: list[list[str]] = []
    spans: list[tuple[int, int, int]] = []
    sheets = 0
    for i, entry in enumerate(paper.entries, start=1):
        if len(entry.materials) > 1:
            first_row = len(rows)
            last_row = first_row + len(entry.materials) - 1
            spans += [(c, first_row, last_row) for c in range(4)]
        for j, m in enumerate(entry.materials):
            sheets += m.pages * m.copies
            first = j == 0
            rows.append(
                [
                    str(i) if first else "",
                    entry.case_number if first else "",
                    entry.item_name if first else "",
                    mask_name(entry.applicant_name) if first else "",
                    m.name,
                    m.form,
                    str(m.pages),
                    str(m.copies),
                ]
            )
    window = f"（{paper.issuer.window}号窗口）" if paper.issuer.window else ""
    sign = Table(
        [
            [
                ts.para(f"移交人（前台）：{paper.handed_by}{window}", ts.body),
                ts.para("接收人（后台）：", ts.body),
            ],
            [
                ts.para(f"移交时间：{format_time(paper.issued_at)}", ts.body),
                ts.para("接收时间：______年____月____日____时____分", ts.body),
            ],
            [ts.para("签字：", ts.body), ts.para("签字：", ts.body)],
        ],
        colWidths=[ts.width / 2, ts.width / 2],
        rowHeights=[9 * mm, 9 * mm, 14 * mm],
    )
    sign.setStyle(ts.style([("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    return [
        _info_table(
            ts,
            [
                ("移交部门", f"{paper.issuer.hall_name} 综合受理窗口"),
                ("接收部门", paper.to_department),
                ("合计", f"办件 {len(paper.entries)} 件，材料 {len(rows)} 项，共 {sheets} 页"),
            ],
        ),
        Spacer(1, 3 * mm),
        ts.table(
            ["序号", "办件编号", "事项名称", "申请人", "材料名称", "形式", "页数", "份数"],
            rows,
            [0.06, 0.2, 0.17, 0.09, 0.24, 0.09, 0.075, 0.075],
            align_center=(0, 3, 5, 6, 7),
            spans=spans,
        ),
        Spacer(1, 3 * mm),
        ts.para("请接收人当面清点材料，核对无误后签字确认。", ts.small),
        CondPageBreak(40 * mm),
        KeepTogether([sign]),
    ]


def _ticket(ts: Typesetter, paper: TicketPaper, code: str, payload: str) -> list[Flowable]:
    story: list[Flowable] = [
        ts.para(paper.issuer.hall_name, ts.subtitle),
        ts.para("排队取号凭条" if not paper.appointment else "预约签到凭条", ts.small_center),
        Rule(dashed=True),
        ts.para(paper.business, ts.title),
        BigText(ts, paper.ticket_number, 44),
    ]
    if paper.green_channel:
        story.append(Banner(ts, f"绿色通道 · {paper.green_channel}优先", 11))
    story += [
        Spacer(1, 2 * mm),
        ts.para(f"您前面还有 {paper.waiting_ahead} 人等候", ts.subtitle),
        ts.para(f"取号时间 {format_time(paper.issued_at)}", ts.center),
        Spacer(1, 1 * mm),
        ts.para(paper.notice, ts.small_center),
        Rule(dashed=True),
        QrCode(payload, 24 * mm),
        ts.para("扫码查看排队进度", ts.small_center),
        ts.para(
            f"校验码 {code} · {paper.issuer.hall_id} · 终端 {paper.issuer.terminal_id}",
            ts.small_center,
        ),
    ]
    return story


def _pickup_rows(paper: PickupPaper, *, masked: bool) -> list[tuple[str, str]]:
    detail_label = {
        PickupMethod.LOCKER: "格口号",
        PickupMethod.EMS: "EMS运单号",
        PickupMethod.WINDOW: "出件窗口",
        PickupMethod.KIOSK_PRINT: "打印终端",
    }[paper.method]
    return [
        ("办件编号", paper.case_number),
        ("事项名称", paper.item_name),
        ("结果名称", paper.result_name),
        ("出件方式", paper.method.value),
        (detail_label, paper.detail),
        ("领取人", paper.recipient.shown_name(masked=masked)),
        ("证件号码", paper.recipient.shown_id),
        ("出件时间", format_time(paper.delivered_at)),
    ]


def _pickup_receipt(ts: Typesetter, paper: PickupPaper) -> list[Flowable]:
    story = _lines(ts, _pickup_rows(paper, masked=True))
    if paper.method is PickupMethod.LOCKER:
        story.insert(0, Banner(ts, f"请到 {paper.detail} 号格口取件", 11))
    story.append(ts.para("请妥善保管本凭条，如有疑问请凭条到出件窗口咨询。", ts.small))
    return story


def _pickup_notice(ts: Typesetter, paper: PickupPaper) -> list[Flowable]:
    """自助取件通知: where the result waits, and the code that opens it (A4 or 80 mm)."""
    where = (
        f"智能文件柜 {paper.detail} 号柜格"
        if paper.method is PickupMethod.LOCKER
        else paper.detail or "24小时自助终端"
    )
    rows = [
        ("办件编号", paper.case_number),
        ("事项名称", paper.item_name),
        ("结果名称", paper.result_name),
        ("取件方式", paper.method.value),
        ("取件地点", where),
        ("申请人", paper.recipient.shown_name(masked=True)),
        ("通知时间", format_time(paper.delivered_at)),
    ]
    receipt = ts.size is PaperSize.RECEIPT_80MM
    return [
        ts.para(
            "您的办件结果已可自助领取。请凭下方取件码和申请人身份证号后4位取件。",
            ts.small if receipt else ts.indented,
        ),
        Spacer(1, 2 * mm),
        Banner(ts, f"取件码 {paper.pickup_code}", 14 if receipt else 22),
        Spacer(1, 3 * mm),
        *(_lines(ts, rows) if receipt else [_info_table(ts, rows)]),
        Spacer(1, 2 * mm),
        ts.para(
            "取件码仅限本人使用，请勿告知他人；工作人员不会索要取件码。"
            "取件码遗失可到出件窗口重新签发，原取件码随即作废。",
            ts.small,
        ),
    ]


def _pickup_a4(ts: Typesetter, paper: PickupPaper) -> list[Flowable]:
    sign = Table(
        [
            [ts.para("领取人签字：", ts.body), ts.para(f"出件人：{paper.clerk}", ts.body)],
            [
                ts.para("签收日期：______年____月____日", ts.body),
                ts.para(f"出件日期：{format_date(paper.delivered_at)}", ts.body),
            ],
        ],
        colWidths=[ts.width / 2, ts.width / 2],
        rowHeights=[14 * mm, 10 * mm],
    )
    sign.setStyle(ts.style([("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    return [
        ts.para(
            "以下办件结果已送达，请领取人核对结果文书的名称、份数与内容，确认无误后签字。",
            ts.indented,
        ),
        Spacer(1, 2 * mm),
        _info_table(ts, _pickup_rows(paper, masked=False)),
        Spacer(1, 4 * mm),
        KeepTogether([sign]),
    ]


def _progress(ts: Typesetter, paper: ProgressPaper) -> list[Flowable]:
    receipt = ts.size is PaperSize.RECEIPT_80MM
    rows = [
        ("办件编号", paper.case_number),
        ("事项名称", paper.item_name),
        ("申请人", paper.applicant.shown_name(masked=True)),
        ("当前状态", paper.state),
        ("下一步", paper.next_step),
        ("办结期限", format_date(paper.deadline) if paper.deadline else "—"),
        ("查询时间", format_time(paper.issued_at)),
    ]
    timeline = [[format_time(e.at), e.what, e.by] for e in sorted(paper.events, key=lambda e: e.at)]
    if receipt:
        story = _lines(ts, rows)
        story.append(ts.para("办理过程", ts.heading))
        story.append(ts.table(["时间", "环节", "办理单位"], timeline, [0.38, 0.3, 0.32]))
        return story
    return [
        _info_table(ts, rows),
        ts.para("办理过程", ts.heading),
        ts.table(
            ["序号", "时间", "办理环节", "办理单位/窗口"],
            [[str(i), *r] for i, r in enumerate(timeline, start=1)],
            [0.08, 0.27, 0.35, 0.3],
            align_center=(0,),
        ),
        Spacer(1, 2 * mm),
        *_contact(ts, paper.issuer),
    ]
