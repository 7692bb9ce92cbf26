"""Papers made from case events, rendered with PaperMaker and read back as a person would."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from core.acceptance import AcceptanceFlow, Outcome
from core.calendar import WorkingCalendar
from core.case import Actor, Applicant, Case, CaseState, Channel, MarkKind, Role, redress_text
from core.catalog import Audience, Catalog, DeliveryMethod, Hall
from core.clock import HALL_TZ
from core.pickup import PickupOffer
from documents.from_case import (
    PaperData,
    delivery_paper,
    handover_paper,
    paper_for,
    pickup_slip,
    progress_paper,
)
from documents.layout import PaperSize
from documents.maker import PaperMaker
from documents.papers import (
    AcceptancePaper,
    CommitmentPaper,
    CorrectionPaper,
    PendingPaper,
    RejectionPaper,
)
from sync.catalog_files import load_catalog
from tests.documents.pdfcheck import all_text
from tests.helpers.clock import FakeClock

REPO = Path(__file__).resolve().parents[2]
GETIHU = "113710020041826000000126004000"  # 个体工商户设立登记
CAL = WorkingCalendar.from_dict(
    {
        "years": [
            json.loads(p.read_text(encoding="utf-8"))
            for p in (REPO / "resources" / "holidays").glob("*.json")
        ]
    }
)
CLERK = Actor(id="hc-lixue", role=Role.CLERK, channel=Channel.WINDOW, terminal_id="W02",
              hall_id="hc-zwzx")
CHIEF = Actor(id="hc-yujun", role=Role.CHIEF, channel=Channel.WINDOW, terminal_id="W01",
              hall_id="hc-zwzx")
ISSUER = Actor(id="hc-chenjing", role=Role.ISSUER, channel=Channel.WINDOW, terminal_id="W02",
               hall_id="hc-zwzx")
PLATFORM = Actor(id="platform", role=Role.PLATFORM, channel=Channel.PLATFORM)
PERSON_ID = "371002199001011237"
PHONE = "13812345678"
NAMES = {"hc-yujun": "于军", "hc-lixue": "李雪"}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(REPO / "resources" / "catalog")


@pytest.fixture(scope="module")
def hall(catalog: Catalog) -> Hall:
    return next(h for h in catalog.halls if h.id == "hc-zwzx")


def _flow(catalog: Catalog, **marks: MarkKind) -> AcceptanceFlow:
    clock = FakeClock(dt.datetime(2026, 3, 2, 9, 30, tzinfo=HALL_TZ))
    flow = AcceptanceFlow(actor=CLERK, clock=clock, calendar=CAL)
    flow.choose_item(catalog.item(GETIHU))
    flow.set_applicant(Applicant(kind=Audience.PERSONAL, name="张三", id_number=PERSON_ID,
                                 phone=PHONE))
    flow.set_agent(None)
    for material_id, kind in marks.items():
        reason = "未加盖产权人印章" if kind is MarkKind.DEFECTIVE else ""
        flow.mark(material_id, kind, reason=reason)
    return flow


def _render(maker: PaperMaker, paper: object) -> str:
    text = "".join(all_text(maker.render(paper).pdf).split())  # type: ignore[arg-type]
    assert PERSON_ID not in text  # never a full ID number on paper
    assert PHONE not in text
    return text


def test_accept_gives_a_receipt_listing_how_each_material_came(
    catalog: Catalog, hall: Hall, maker: PaperMaker
) -> None:
    flow = _flow(catalog, m1=MarkKind.PAPER, m2=MarkKind.PAPER, m3=MarkKind.PAPER)
    flow.choose_delivery(DeliveryMethod.KIOSK_PRINT)
    done = flow.execute(Outcome.ACCEPT, number="TW02-20260302-1")
    (paper,) = paper_for(done.case, done.outcome, hall=hall, terminal_id="W02", window="2",
                         clerk="李雪", delivery=done.delivery)
    assert isinstance(paper, AcceptancePaper)
    assert paper.provisional
    assert paper.deadline == dt.date(2026, 3, 2)
    text = _render(maker, paper)
    for expected in ("受理", "TW02-20260302-1", "个体工商户设立登记", "经营场所使用证明",
                     "371002********1237", "自助终端打印", "环翠区政务服务中心"):
        assert expected in text, expected
    receipt = all_text(maker.acceptance(paper, size=PaperSize.RECEIPT_80MM).pdf)
    assert "TW02-20260302-1" in receipt


def test_correction_notice_lists_every_missing_and_defective_material(
    catalog: Catalog, hall: Hall, maker: PaperMaker
) -> None:
    flow = _flow(catalog, m1=MarkKind.MISSING, m2=MarkKind.PAPER, m3=MarkKind.DEFECTIVE)
    done = flow.execute(Outcome.CORRECTION, number="TW02-20260302-2")
    (paper,) = paper_for(done.case, done.outcome, hall=hall, terminal_id="W02", clerk="李雪")
    assert isinstance(paper, CorrectionPaper)
    assert [(p.name, p.missing) for p in paper.problems] == [
        ("个体工商户登记（备案）申请书", True),
        ("经营场所使用证明", False),
    ]
    assert paper.problems[1].reason == "未加盖产权人印章"
    assert paper.supply_by == dt.date(2026, 4, 1)
    text = _render(maker, paper)
    for expected in ("一次性告知", "个体工商户登记（备案）申请书", "经营场所使用证明",
                     "未加盖产权人印章", "共2项", "2026年4月1日"):
        assert expected in text, expected


def test_pending_notice_names_the_materials_and_deadline(
    catalog: Catalog, hall: Hall, maker: PaperMaker
) -> None:
    flow = _flow(catalog, m1=MarkKind.PAPER, m2=MarkKind.PAPER, m3=MarkKind.MISSING)
    done = flow.execute(Outcome.PENDING, number="TW02-20260302-3",
                        supply_by=dt.date(2026, 3, 9))
    (paper,) = paper_for(done.case, done.outcome, hall=hall, terminal_id="W02")
    assert isinstance(paper, PendingPaper)
    text = _render(maker, paper)
    assert "容缺" in text
    assert "经营场所使用证明" in text
    assert "2026年3月9日" in text


def test_commitment_gives_a_letter_and_a_receipt(
    catalog: Catalog, hall: Hall, maker: PaperMaker
) -> None:
    flow = _flow(catalog, m1=MarkKind.PAPER, m2=MarkKind.PAPER, m3=MarkKind.MISSING)
    done = flow.execute(Outcome.COMMITMENT, number="TW02-20260302-4", applicant_chose=True)
    letter, receipt = paper_for(done.case, done.outcome, hall=hall, terminal_id="W02")
    assert isinstance(letter, CommitmentPaper)
    assert isinstance(receipt, AcceptancePaper)
    assert any("经营场所使用证明" in c for c in letter.conditions)
    assert "告知承诺" in _render(maker, letter)
    assert "告知承诺" in _render(maker, receipt)


def test_rejection_names_the_chief_and_the_redress(
    catalog: Catalog, hall: Hall, maker: PaperMaker
) -> None:
    flow = _flow(catalog, m1=MarkKind.PAPER, m2=MarkKind.PAPER, m3=MarkKind.PAPER)
    done = flow.execute(
        Outcome.REJECT, number="TW02-20260302-5", reason="申请经营的项目属于禁止类",
        redress=redress_text("威海市环翠区人民政府", "威海市环翠区人民法院"), approved_by=CHIEF,
    )
    (paper,) = paper_for(done.case, done.outcome, hall=hall, terminal_id="W02", names=NAMES)
    assert isinstance(paper, RejectionPaper)
    assert (paper.review_body, paper.court, paper.approved_by) == (
        "威海市环翠区人民政府", "威海市环翠区人民法院", "于军"
    )
    text = _render(maker, paper)
    for expected in ("不予受理", "申请经营的项目属于禁止类", "威海市环翠区人民法院", "于军"):
        assert expected in text, expected


def test_no_acceptance_paper_for_other_events(catalog: Catalog, hall: Hall) -> None:
    done = _flow(catalog, m1=MarkKind.PAPER, m2=MarkKind.PAPER, m3=MarkKind.PAPER).execute(
        Outcome.ACCEPT, number="TW02-20260302-6")
    with pytest.raises(PaperData):
        paper_for(done.case, done.receipt, hall=hall, terminal_id="W02")


def _delivered(catalog: Catalog) -> Case:
    flow = _flow(catalog, m1=MarkKind.PAPER, m2=MarkKind.PAPER, m3=MarkKind.PAPER)
    case = flow.execute(Outcome.ACCEPT, number="TW02-20260302-7").case
    case.decide_at_window(CLERK, chief=CHIEF)
    case.publish_result(ISSUER, result_ref="(环)登字[2026]第0301号")
    case.deliver(ISSUER, method=DeliveryMethod.WINDOW, recipient="张三")
    return case


def test_handover_delivery_and_progress_papers(
    catalog: Catalog, hall: Hall, maker: PaperMaker
) -> None:
    case = _delivered(catalog)
    at = dt.datetime(2026, 3, 2, 16, 0, tzinfo=HALL_TZ)
    handover = handover_paper([case], hall=hall, terminal_id="W02",
                              to_department="环翠区行政审批服务局", list_number="HND-20260302-01",
                              handed_by="李雪", at=at)
    text = _render(maker, handover)
    assert "个体工商户登记（备案）申请书" in text
    assert "居民身份证" in text  # seen on paper, so it travels as paper
    signed = delivery_paper(case, case.last_event, hall=hall, terminal_id="W02", window="2",
                            clerk="陈静")
    assert signed.result_name == case.item.result_name
    assert "张三" in all_text(maker.pickup(signed, size=PaperSize.A4).pdf)
    progress = progress_paper(case, hall=hall, terminal_id="W02", at=at)
    assert progress.state == "已出件"
    text = _render(maker, progress)
    assert "窗口办结" in text
    assert "已办结" in text


def test_kiosk_pickup_slip(hall: Hall, maker: PaperMaker) -> None:
    offer = PickupOffer(pickup_id="PAAAAAAAAAA01", case_number="37100020260302000001",
                        item_name="个体工商户设立登记", delivery="locker", applicant="张*",
                        code_sha256="0" * 64, id_tail_sha256="0" * 64, state="waiting",
                        result={"result_name": "营业执照", "compartment": "B07"})
    slip = pickup_slip(offer, hall=hall, terminal_id="K03",
                       at=dt.datetime(2026, 3, 3, 20, 15, tzinfo=HALL_TZ))
    text = all_text(maker.pickup(slip).pdf)
    assert "B07" in text
    assert "营业执照" in text


def test_case_state_after_delivery(catalog: Catalog) -> None:
    assert _delivered(catalog).state is CaseState.DELIVERED
