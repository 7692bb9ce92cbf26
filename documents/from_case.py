"""The inputs of :mod:`documents.papers`, built from a case and the event a paper is for.

DESIGN.md (Cases): every transition is an appended event, and the printed paper for
it is generated from that event. These functions read a :class:`core.case.Case`, the
:class:`core.case.CaseEvent` of the step, the item and the hall, and return the paper
data :class:`documents.maker.PaperMaker` lays out:

==========================  ===========================================
event                       paper
==========================  ===========================================
accept                      受理凭证 (:class:`AcceptancePaper`)
accept_on_commitment        告知承诺书 + 受理凭证
accept_pending              容缺受理通知书
request_correction          一次性告知书 — every missing and defective material
reject                      不予受理通知书, with the 首席代表 who approved it
deliver                     出件签收单 / 取件凭条
(any)                       办件进度单, 材料移交清单
==========================  ===========================================
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from core.case import (
    STATE_NAMES,
    Action,
    Agent,
    Applicant,
    Case,
    CaseEvent,
    CaseState,
    MarkKind,
)
from core.catalog import Audience, DeliveryMethod, Hall
from core.pickup import PickupOffer
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
)

CasePaper = AcceptancePaper | CorrectionPaper | PendingPaper | CommitmentPaper | RejectionPaper

DEFAULT_CORRECTION_DAYS = 30
"""Natural days an applicant gets to bring what a 一次性告知书 lists, unless the hall says."""

_CHANNELS: Mapping[str, MaterialChannel] = {
    MarkKind.PAPER.value: MaterialChannel.PAPER,
    MarkKind.ELICENCE.value: MaterialChannel.ELICENCE,
    MarkKind.SHARED_DATA.value: MaterialChannel.SHARED,
}
_PICKUP_METHODS: Mapping[DeliveryMethod, PickupMethod] = {
    DeliveryMethod.WINDOW: PickupMethod.WINDOW,
    DeliveryMethod.EMS: PickupMethod.EMS,
    DeliveryMethod.KIOSK_PRINT: PickupMethod.KIOSK_PRINT,
    DeliveryMethod.LOCKER: PickupMethod.LOCKER,
}
_DELIVERY_HINTS: Mapping[DeliveryMethod, str] = {
    DeliveryMethod.WINDOW: "办结后凭本凭证到统一出件窗口领取",
    DeliveryMethod.EMS: "办结后通过EMS免费寄递",
    DeliveryMethod.KIOSK_PRINT: "办结后凭短信取件码到24小时自助终端打印",
    DeliveryMethod.LOCKER: "办结后凭短信取件码到智能文件柜自取",
    DeliveryMethod.MOBILE: "办结后电子证照推送至“爱山东”APP",
}
_REVIEW_BODY = re.compile(r"向(?P<body>[^，。；]+?)申请行政复议")
_COURT = re.compile(r"向(?P<court>[^，。；]+?)提起行政诉讼")


class PaperData(ValueError):
    """The event does not carry what its paper needs (a bug upstream, not user input)."""


def issuer_for(hall: Hall, *, department: str, terminal_id: str, window: str = "") -> Issuer:
    """Who issues a paper: the hall, the responsible department, the terminal and window."""
    return Issuer(
        hall_id=hall.id,
        hall_name=hall.name,
        department=department,
        terminal_id=terminal_id,
        phone=hall.phone,
        window=window,
    )


def applicant_party(applicant: Applicant) -> Party:
    """The applicant as papers print them (masked by the paper itself)."""
    if applicant.kind is Audience.ENTERPRISE:
        return Party(
            name=applicant.contact_name or applicant.name,
            phone=applicant.phone,
            organisation=applicant.name,
            uscc=applicant.id_number,
        )
    return Party(name=applicant.name, id_number=applicant.id_number, phone=applicant.phone)


def agent_party(agent: Agent | None) -> Party | None:
    if agent is None:
        return None
    return Party(name=agent.name, id_number=agent.id_number, phone=agent.phone)


def _entries(event: CaseEvent, key: str) -> list[dict[str, Any]]:
    value = event.details.get(key)
    if not isinstance(value, list):
        raise PaperData(f"event {event.action.value} of {event.case_number} has no {key}")
    return [v for v in value if isinstance(v, dict)]


def _requirement(entry: Mapping[str, Any], case: Case) -> str:
    try:
        material = case.item.material(str(entry["id"]))
    except KeyError:
        return ""
    copies = f"{material.copies}份" if material.copies else ""
    note = f"；{material.notes}" if material.notes else ""
    return f"{material.form.value}{copies}{note}"


def _problems(entries: Sequence[Mapping[str, Any]], case: Case) -> tuple[MaterialProblem, ...]:
    return tuple(
        MaterialProblem(
            name=str(e["name"]),
            missing=e.get("status") == "missing",
            reason=str(e.get("reason", "")),
            requirement=_requirement(e, case),
        )
        for e in entries
        if e.get("status") in ("missing", "defective")
    )


def _received(entries: Sequence[Mapping[str, Any]]) -> tuple[ReceivedMaterial, ...]:
    out = []
    for e in entries:
        channel = _CHANNELS.get(str(e.get("mark", "")))
        if channel is None or e.get("status") != "satisfied":
            continue
        out.append(
            ReceivedMaterial(
                name=str(e["name"]),
                channel=channel,
                form=str(e.get("form", "")),
                copies=int(e.get("copies", 0)) if channel is MaterialChannel.PAPER else 0,
            )
        )
    return tuple(out)


def _receipt_time(case: Case, before: CaseEvent) -> _dt.datetime:
    for event in reversed(case.events[: before.sequence]):
        if event.action in (Action.RECEIVE, Action.RESUBMIT):
            return event.at
    return before.at


def _common(
    case: Case, event: CaseEvent, issuer: Issuer, clerk: str
) -> dict[str, Any]:
    record = case.record
    situation = case.item.situation(record.situation_id).name
    return {
        "issuer": issuer,
        "case_number": case.number,
        "provisional": record.official_number is None,
        "item_name": case.item.name,
        "item_code": case.item.id,
        "situation": situation,
        "applicant": applicant_party(record.applicant),
        "agent": agent_party(record.agent),
        "clerk": clerk,
        "issued_at": event.at,
    }


def paper_for(
    case: Case,
    event: CaseEvent,
    *,
    hall: Hall,
    terminal_id: str,
    window: str = "",
    clerk: str = "",
    delivery: DeliveryMethod | None = None,
    names: Mapping[str, str] | None = None,
    supply_by: _dt.date | None = None,
) -> tuple[CasePaper, ...]:
    """The papers an acceptance outcome prints, from its event.

    Args:
        case: the case after the event.
        event: the outcome event (accept, accept_pending, accept_on_commitment,
            request_correction or reject).
        hall: where it happened.
        terminal_id: the printing terminal.
        window: the window number.
        clerk: the clerk's name as printed.
        delivery: how the applicant wants the result (for the 受理凭证).
        names: staff account id → printed name (for the approving 首席代表).
        supply_by: the date a 一次性告知书 gives for the corrections (default:
            :data:`DEFAULT_CORRECTION_DAYS` natural days after it is issued).

    Raises:
        PaperData: the event is not one with an acceptance paper, or lacks its details.
    """
    issuer = issuer_for(hall, department=case.item.department, terminal_id=terminal_id,
                        window=window)
    common = _common(case, event, issuer, clerk)
    action = event.action
    if action in (Action.ACCEPT, Action.ACCEPT_ON_COMMITMENT):
        receipt = _acceptance(case, event, common, delivery)
        if action is Action.ACCEPT:
            return (receipt,)
        return (_commitment(case, event, common), receipt)
    if action is Action.REQUEST_CORRECTION:
        issued = event.at.date()
        return (
            CorrectionPaper(
                **common,
                received_at=_receipt_time(case, event),
                problems=_problems(_entries(event, "problems"), case),
                supply_by=supply_by or issued + _dt.timedelta(days=DEFAULT_CORRECTION_DAYS),
            ),
        )
    if action is Action.ACCEPT_PENDING:
        return (
            PendingPaper(
                **common,
                accepted_at=event.at,
                missing=_problems(_entries(event, "pending"), case),
                supply_by=_dt.date.fromisoformat(str(event.details["supply_by"])),
            ),
        )
    if action is Action.REJECT:
        return (_rejection(case, event, common, names or {}),)
    raise PaperData(f"no acceptance paper for {action.value}")


def _acceptance(
    case: Case, event: CaseEvent, common: dict[str, Any], delivery: DeliveryMethod | None
) -> AcceptancePaper:
    materials = list(_received(_entries(event, "materials")))
    if event.action is Action.ACCEPT_ON_COMMITMENT:
        materials += [
            ReceivedMaterial(name=str(e["name"]), channel=MaterialChannel.COMMITMENT)
            for e in _entries(event, "committed")
        ]
    promised_by = event.details.get("promised_by")
    return AcceptancePaper(
        **common,
        materials=tuple(materials),
        accepted_at=event.at,
        promised_days=case.item.promised_days,
        day_unit=case.item.day_unit.value,
        deadline=_dt.date.fromisoformat(promised_by) if isinstance(promised_by, str) else None,
        pickup_hint=_DELIVERY_HINTS.get(delivery, "") if delivery else "",
    )


def _commitment(case: Case, event: CaseEvent, common: dict[str, Any]) -> CommitmentPaper:
    conditions = list(case.item.conditions)
    conditions += [
        f"本人（单位）承诺已具备“{e['name']}”所证明的事项，并在核查时如实提供"
        for e in _entries(event, "committed")
    ]
    return CommitmentPaper(**common, conditions=tuple(conditions))


def _rejection(
    case: Case, event: CaseEvent, common: dict[str, Any], names: Mapping[str, str]
) -> RejectionPaper:
    redress = str(event.details.get("redress", ""))
    body = _REVIEW_BODY.search(redress)
    court = _COURT.search(redress)
    if body is None or court is None:
        raise PaperData(f"rejection of {event.case_number} lacks a readable redress text")
    approver = event.details.get("approver")
    approver_id = str(approver.get("id", "")) if isinstance(approver, dict) else ""
    return RejectionPaper(
        **common,
        received_at=_receipt_time(case, event),
        reason=str(event.details.get("reason", "")),
        legal_basis=case.item.legal_basis,
        review_body=body["body"],
        court=court["court"],
        approved_by=names.get(approver_id, approver_id),
    )


# ---- after acceptance ----------------------------------------------------------------------


def handover_paper(
    cases: Sequence[Case],
    *,
    hall: Hall,
    terminal_id: str,
    to_department: str,
    list_number: str,
    handed_by: str,
    at: _dt.datetime,
) -> HandoverPaper:
    """材料移交清单: the paper materials of ``cases`` going to one back office.

    Only materials received on paper are listed (e-licences and shared data travel
    electronically).

    Raises:
        PaperData: none of the cases has paper materials.
    """
    entries = []
    for case in cases:
        materials = tuple(
            HandedMaterial(
                name=c.material.name,
                form=c.material.form.value,
                copies=max(c.material.copies, 1),
            )
            for c in case.checklist()
            if c.mark is not None and c.mark.kind is MarkKind.PAPER
        )
        if materials:
            entries.append(
                HandoverEntry(
                    case_number=case.number,
                    item_name=case.item.name,
                    applicant_name=case.record.applicant.name,
                    materials=materials,
                )
            )
    if not entries:
        raise PaperData("no paper materials to hand over")
    return HandoverPaper(
        issuer=issuer_for(hall, department=to_department, terminal_id=terminal_id),
        list_number=list_number,
        to_department=to_department,
        entries=tuple(entries),
        handed_by=handed_by,
        issued_at=at,
    )


def delivery_paper(
    case: Case, event: CaseEvent, *, hall: Hall, terminal_id: str, window: str = "",
    clerk: str = "",
) -> PickupPaper:
    """出件签收单 (A4) / 取件凭条 for a ``deliver`` event.

    Raises:
        PaperData: not a deliver event, or a method without a paper (mobile).
    """
    if event.action is not Action.DELIVER:
        raise PaperData("not a deliver event")
    method = DeliveryMethod(str(event.details["method"]))
    if method not in _PICKUP_METHODS:
        raise PaperData("results pushed to the phone have no pickup paper")
    published = next(
        (e for e in reversed(case.events) if e.action is Action.PUBLISH_RESULT), None
    )
    result_name = case.item.result_name
    if published is not None and isinstance(published.details.get("result_name"), str):
        result_name = str(published.details["result_name"])
    recipient_name = str(event.details.get("recipient") or "")
    agent = case.record.agent
    if agent is not None and recipient_name == agent.name:
        recipient = Party(name=agent.name, id_number=agent.id_number)
    else:
        applicant = applicant_party(case.record.applicant)
        recipient = Party(name=recipient_name or applicant.name,
                          id_number=applicant.id_number)
    reference = str(event.details.get("reference", ""))
    return PickupPaper(
        issuer=issuer_for(hall, department=case.item.department, terminal_id=terminal_id,
                          window=window),
        case_number=case.number,
        item_name=case.item.name,
        result_name=result_name,
        method=_PICKUP_METHODS[method],
        detail=reference or (f"{window}号窗口" if window else terminal_id),
        recipient=recipient,
        delivered_at=event.at,
        clerk=clerk,
    )


def pickup_slip(
    offer: PickupOffer,
    *,
    hall: Hall,
    terminal_id: str,
    at: _dt.datetime,
    compartment: str = "",
) -> PickupPaper:
    """取件凭条 printed at the kiosk after a self-service pickup.

    The kiosk knows the applicant only by the masked name the feed carries, which is
    what an unattended slip may show anyway.
    """
    method = PickupMethod.LOCKER if offer.method == "locker" else PickupMethod.KIOSK_PRINT
    detail = compartment or offer.compartment if method is PickupMethod.LOCKER else terminal_id
    return PickupPaper(
        issuer=issuer_for(hall, department=hall.name, terminal_id=terminal_id),
        case_number=offer.case_number,
        item_name=offer.item_name,
        result_name=offer.result_name,
        method=method,
        detail=detail,
        recipient=Party(name=offer.applicant),
        delivered_at=at,
    )


_NEXT_STEPS: Mapping[CaseState, str] = {
    CaseState.DRAFT: "请提交申请",
    CaseState.RECEIVED: "等待窗口审查材料",
    CaseState.CORRECTION_REQUESTED: "请按一次性告知书补齐补正材料后再次提交",
    CaseState.ACCEPTED: "已受理，等待审批",
    CaseState.ACCEPTED_PENDING: "请在期限内补齐容缺材料",
    CaseState.ACCEPTED_ON_COMMITMENT: "已受理，等待审批；审批后将核查承诺内容",
    CaseState.IN_REVIEW: "审批中，请耐心等待",
    CaseState.APPROVED: "已准予办理，等待出件",
    CaseState.DENIED: "已作出不予办理决定，请领取决定书",
    CaseState.RESULT_READY: "结果已可领取",
    CaseState.DELIVERED: "已办结",
    CaseState.REJECTED: "已作出不予受理决定",
    CaseState.WITHDRAWN: "申请已撤回",
}


def progress_paper(
    case: Case, *, hall: Hall, terminal_id: str, at: _dt.datetime
) -> ProgressPaper:
    """办件进度单: the timeline of state changes, the next step, the promised date."""
    events = tuple(
        ProgressEvent(
            at=e.at,
            what=e.title,
            by="平台" if e.actor_id == "platform" or e.channel.value == "platform"
            else hall.name,
        )
        for e in case.events
        if e.from_state is not e.to_state or e.action is Action.NUMBERED
    )
    return ProgressPaper(
        issuer=issuer_for(hall, department=case.item.department, terminal_id=terminal_id),
        case_number=case.number,
        item_name=case.item.name,
        applicant=applicant_party(case.record.applicant),
        state=STATE_NAMES[case.state],
        events=events,
        next_step=_NEXT_STEPS[case.state],
        deadline=case.record.promised_by,
        issued_at=at,
    )
