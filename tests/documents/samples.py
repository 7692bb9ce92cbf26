"""Realistic paper data for tests, the benchmark and looking at the papers."""

from __future__ import annotations

import datetime as dt

from documents.papers import (
    AcceptancePaper,
    CommitmentPaper,
    CorrectionPaper,
    HandedMaterial,
    HandoverEntry,
    HandoverPaper,
    Issuer,
    MaterialChannel,
    MaterialProblem,
    Party,
    PendingPaper,
    PickupMethod,
    PickupPaper,
    ProgressEvent,
    ProgressPaper,
    ReceivedMaterial,
    RejectionPaper,
    ResultStamp,
    TicketPaper,
)

# A valid 身份号码 (check character computed) and a mobile number: must never be printed.
FULL_ID = "371002199003154527"
FULL_PHONE = "13863151234"
AGENT_ID = "37100219650812002X"
AGENT_PHONE = "15906301234"
NOW = dt.datetime(2025, 3, 17, 9, 42)

ISSUER = Issuer(
    hall_id="WH-HC-01",
    hall_name="威海市环翠区政务服务中心",
    department="威海市环翠区行政审批服务局",
    terminal_id="W03",
    phone="0631-5201234",
    window="3",
)
KIOSK = Issuer(
    hall_id="WH-HC-01",
    hall_name="威海市环翠区政务服务中心",
    department="威海市环翠区行政审批服务局",
    terminal_id="K07",
    phone="0631-5201234",
)
APPLICANT = Party(name="王晓梅", id_number=FULL_ID, phone=FULL_PHONE)
AGENT = Party(name="刘建国", id_number=AGENT_ID, phone=AGENT_PHONE)
COMPANY = Party(
    name="王晓梅",
    id_number=FULL_ID,
    phone=FULL_PHONE,
    organisation="威海海蓝食品有限公司",
    uscc="91371002MA3C4L8Q2X",
)


def acceptance(*, provisional: bool = False, issuer: Issuer = ISSUER) -> AcceptancePaper:
    return AcceptancePaper(
        issuer=issuer,
        case_number="T-K07-20250317-0012" if provisional else "3710022503170012",
        provisional=provisional,
        item_name="食品经营许可证核发",
        item_code="11371002MB28531234437211300100001",
        situation="新办（仅销售预包装食品以外的食品）",
        applicant=COMPANY,
        agent=AGENT,
        clerk="李娜",
        issued_at=NOW,
        materials=(
            ReceivedMaterial(
                name="食品经营许可申请书", channel=MaterialChannel.PAPER, form="原件", copies=1
            ),
            ReceivedMaterial(
                name="营业执照", channel=MaterialChannel.ELICENCE, form="电子件", copies=0
            ),
            ReceivedMaterial(
                name="法定代表人（负责人）身份证明", channel=MaterialChannel.SHARED, form="电子件"
            ),
            ReceivedMaterial(
                name="与食品经营相适应的主要设备设施布局、操作流程等文件（含经营场所平面图、"
                "设备布局图及食品安全自查、从业人员健康管理、进货查验记录等制度文本）",
                channel=MaterialChannel.PAPER,
                form="复印件",
                copies=2,
            ),
            ReceivedMaterial(
                name="授权委托书", channel=MaterialChannel.PAPER, form="原件", copies=1
            ),
        ),
        accepted_at=NOW,
        promised_days=5,
        deadline=dt.date(2025, 3, 24),
        pickup_hint="窗口领取或EMS免费邮寄",
    )


def correction(problems: int = 3) -> CorrectionPaper:
    base = [
        MaterialProblem(
            name="经营场所平面图", missing=True, requirement="原件1份，标明各功能区面积"
        ),
        MaterialProblem(
            name="食品安全管理制度文本",
            missing=False,
            reason="缺少进货查验记录制度；未加盖公章",
            requirement="补充后加盖公章，原件1份",
        ),
        MaterialProblem(
            name="法定代表人身份证复印件",
            missing=False,
            reason="复印件不清晰，无法辨认证件号码",
            requirement="清晰复印件1份",
        ),
    ]
    listed = [
        base[i]
        if i < len(base)
        else MaterialProblem(
            name=f"第{i + 1}项补充材料：从业人员健康证明（冷链食品岗位）",
            missing=i % 2 == 0,
            reason="" if i % 2 == 0 else "证明已过有效期",
            requirement="原件1份",
        )
        for i in range(problems)
    ]
    return CorrectionPaper(
        issuer=ISSUER,
        case_number="3710022503170013",
        item_name="食品经营许可证核发",
        situation="新办",
        applicant=APPLICANT,
        clerk="李娜",
        issued_at=NOW,
        received_at=dt.datetime(2025, 3, 17, 9, 15),
        problems=tuple(listed),
        supply_by=dt.date(2025, 4, 16),
    )


def rejection() -> RejectionPaper:
    return RejectionPaper(
        issuer=ISSUER,
        case_number="3710022503170014",
        item_name="公共场所卫生许可",
        applicant=APPLICANT,
        clerk="李娜",
        issued_at=NOW,
        received_at=dt.datetime(2025, 3, 17, 9, 20),
        reason="申请经营的场所位于规划确定的居民住宅楼内，依法不属于可以从事该项经营活动的场所，"
        "且该事项依法不属于本机关职权范围。",
        legal_basis=("《中华人民共和国行政许可法》第三十二条第一款第（二）项",),
        review_body="威海市环翠区人民政府",
        court="威海市环翠区人民法院",
        approved_by="赵志刚（首席事务代表）",
    )


def pending() -> PendingPaper:
    return PendingPaper(
        issuer=ISSUER,
        case_number="3710022503170015",
        item_name="建设工程规划许可证核发",
        applicant=COMPANY,
        clerk="李娜",
        issued_at=NOW,
        accepted_at=NOW,
        missing=(
            MaterialProblem(name="建设工程设计方案审查意见", missing=True, requirement="原件1份"),
            MaterialProblem(
                name="人防工程审批意见", missing=True, reason="审批中", requirement="复印件1份"
            ),
        ),
        supply_by=dt.date(2025, 4, 1),
    )


def commitment() -> CommitmentPaper:
    return CommitmentPaper(
        issuer=ISSUER,
        case_number="3710022503170016",
        item_name="食品经营许可证核发",
        applicant=COMPANY,
        clerk="李娜",
        issued_at=NOW,
        conditions=(
            "经营场所面积、布局与申请书所填内容一致，并符合食品安全要求。",
            "已建立从业人员健康管理、进货查验记录等食品安全管理制度。",
            "从业人员均持有有效健康证明。",
        ),
    )


def handover(cases: int = 3) -> HandoverPaper:
    names = ["王晓梅", "刘建国", "欧阳娜娜", "张三"]
    entries = tuple(
        HandoverEntry(
            case_number=f"37100225031700{20 + i}",
            item_name="食品经营许可证核发" if i % 2 == 0 else "公共场所卫生许可",
            applicant_name=names[i % len(names)],
            materials=(
                HandedMaterial(name="申请书", pages=2, copies=1),
                HandedMaterial(name="经营场所平面图", form="复印件", pages=1, copies=2),
            ),
        )
        for i in range(cases)
    )
    return HandoverPaper(
        issuer=ISSUER,
        list_number="YJ-20250317-03",
        to_department="威海市环翠区市场监督管理局（食品经营许可科）",
        entries=entries,
        handed_by="李娜",
        issued_at=NOW,
    )


def ticket(*, green: str = "") -> TicketPaper:
    return TicketPaper(
        issuer=KIOSK,
        ticket_number="A012",
        business="综合受理",
        waiting_ahead=5,
        issued_at=NOW,
        green_channel=green,
    )


def pickup(method: PickupMethod = PickupMethod.LOCKER) -> PickupPaper:
    detail = {
        PickupMethod.LOCKER: "B-07",
        PickupMethod.EMS: "1123456789012",
        PickupMethod.WINDOW: "5号窗口",
        PickupMethod.KIOSK_PRINT: "K07",
    }[method]
    return PickupPaper(
        issuer=KIOSK,
        case_number="3710022503100008",
        item_name="食品经营许可证核发",
        result_name="食品经营许可证（正本、副本）",
        method=method,
        detail=detail,
        recipient=APPLICANT,
        delivered_at=NOW,
        clerk="周敏",
    )


def progress() -> ProgressPaper:
    return ProgressPaper(
        issuer=KIOSK,
        case_number="3710022503170012",
        item_name="食品经营许可证核发",
        applicant=APPLICANT,
        state="审批中",
        events=(
            ProgressEvent(at=dt.datetime(2025, 3, 17, 9, 15), what="收件", by="综合受理3号窗口"),
            ProgressEvent(at=dt.datetime(2025, 3, 17, 9, 42), what="受理", by="综合受理3号窗口"),
            ProgressEvent(at=dt.datetime(2025, 3, 17, 14, 5), what="移交审批", by="市场监督管理局"),
            ProgressEvent(
                at=dt.datetime(2025, 3, 18, 10, 30), what="现场核查", by="食品经营许可科"
            ),
        ),
        next_step="审批决定（审批通过后短信通知领取）",
        deadline=dt.date(2025, 3, 24),
        issued_at=dt.datetime(2025, 3, 19, 16, 3),
    )


def result_stamp() -> ResultStamp:
    return ResultStamp(
        issuer=KIOSK,
        case_number="3710022503100008",
        result_name="食品经营许可证",
        printed_at=NOW,
    )
