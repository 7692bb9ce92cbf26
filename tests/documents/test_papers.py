"""Every paper, read back as a person and a scanner would: text, fonts, QR, code."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest

from core.masking import mask_id_number, mask_name, mask_phone
from documents.layout import PaperSize
from documents.maker import PaperMaker, RenderedPaper
from documents.papers import PickupMethod
from documents.verification import parse_qr_payload
from tests.documents import pdfcheck, samples

A4 = PaperSize.A4
R80 = PaperSize.RECEIPT_80MM

# (id, factory, size, texts that must be on the paper)
CASES: list[tuple[str, Callable[[], Any], PaperSize, tuple[str, ...]]] = [
    (
        "acceptance-a4",
        samples.acceptance,
        A4,
        (
            "受理凭证",
            "食品经营许可证核发",
            "王晓梅",
            "威海海蓝食品有限公司",
            "刘建国",
            "授权委托书",
            "电子证照",
            "部门共享",
            "2025年3月24日",
            "0631-5201234",
        ),
    ),
    (
        "acceptance-80mm",
        lambda: samples.acceptance(provisional=True, issuer=samples.KIOSK),
        R80,
        ("受理凭证", "食品经营许可证核发", "王晓梅", "临时", "2025年3月24日"),
    ),
    (
        "correction",
        samples.correction,
        A4,
        (
            "一次性告知书",
            "经营场所平面图",
            "食品安全管理制度文本",
            "复印件不清晰",
            "第三十二条",
            "2025年4月16日",
            "盖章",
        ),
    ),
    (
        "rejection",
        samples.rejection,
        A4,
        (
            "不予受理通知书",
            "公共场所卫生许可",
            "行政复议",
            "60日",
            "6个月",
            "行政诉讼",
            "赵志刚",
            "威海市环翠区人民法院",
        ),
    ),
    (
        "pending",
        samples.pending,
        A4,
        ("容缺受理通知书", "建设工程设计方案审查意见", "人防工程审批意见", "2025年4月1日", "逾期"),
    ),
    (
        "commitment",
        samples.commitment,
        A4,
        ("告知承诺书", "从业人员均持有有效健康证明", "不实承诺", "申请人（签字/盖章）", "日期"),
    ),
    (
        "handover",
        samples.handover,
        A4,
        ("材料移交清单", "YJ-20250317-03", "经营场所平面图", "移交人", "接收人", "王**"),
    ),
    (
        "ticket",
        lambda: samples.ticket(green="老年人"),
        R80,
        ("A012", "综合受理", "5 人", "绿色通道", "老年人", "威海市环翠区政务服务中心"),
    ),
    (
        "pickup-80mm",
        samples.pickup,
        R80,
        ("取件凭条", "食品经营许可证（正本、副本）", "B-07", "智能文件柜", "王**"),
    ),
    (
        "pickup-a4",
        lambda: samples.pickup(PickupMethod.EMS),
        A4,
        ("出件签收单", "1123456789012", "EMS邮寄", "王晓梅", "领取人签字"),
    ),
    (
        "progress-a4",
        samples.progress,
        A4,
        ("办件进度单", "审批中", "现场核查", "审批决定", "2025年3月24日", "王**"),
    ),
    ("progress-80mm", samples.progress, R80, ("办件进度单", "移交审批", "审批中")),
]


@pytest.fixture(scope="module", params=CASES, ids=[c[0] for c in CASES])
def rendered(
    request: pytest.FixtureRequest, maker: PaperMaker
) -> tuple[Any, PaperSize, RenderedPaper, tuple[str, ...]]:
    _, factory, size, expected = request.param
    paper = factory()
    return paper, size, maker.render(paper, size=size), expected


def _squash(text: str) -> str:
    return "".join(text.split())


def test_key_fields_are_printed(rendered: Any) -> None:
    paper, _, out, expected = rendered
    text = _squash(pdfcheck.all_text(out.pdf))
    for wanted in (*expected, paper.number, out.verification_code, "WH-HC-01"):
        assert _squash(wanted) in text, wanted


def test_no_full_id_or_phone_number(rendered: Any) -> None:
    _, _, out, _ = rendered
    text = _squash(pdfcheck.all_text(out.pdf))
    for secret in (samples.FULL_ID, samples.FULL_PHONE, samples.AGENT_ID, samples.AGENT_PHONE):
        assert secret not in text
        assert secret not in out.pdf.decode("latin-1")


def test_fonts_are_embedded_subsets(rendered: Any) -> None:
    _, _, out, _ = rendered
    found = pdfcheck.fonts(out.pdf)
    assert found
    for font in found:
        assert font.embedded, font
        assert font.subset, font


def test_qr_code_scans_to_the_payload(rendered: Any, maker: PaperMaker) -> None:
    paper, size, out, _ = rendered
    codes = pdfcheck.qr_codes(pdfcheck.render_png(out.pdf))
    assert codes == [out.qr_payload]
    scanned = parse_qr_payload(codes[0])
    assert scanned.kind == paper.kind.value
    assert scanned.number == paper.number
    assert maker.verify(paper, scanned.code, size=size)


def test_changed_field_fails_verification(rendered: Any, maker: PaperMaker) -> None:
    paper, size, out, _ = rendered
    assert maker.verify(paper, out.verification_code.lower().replace("-", " "), size=size)
    forged = (
        dataclasses.replace(paper, issued_at=paper.issued_at.replace(day=18))
        if hasattr(paper, "issued_at")
        else dataclasses.replace(paper, delivered_at=paper.delivered_at.replace(day=18))
    )
    assert not maker.verify(forged, out.verification_code, size=size)
    renumbered = dataclasses.replace(
        paper,
        **{
            "ticket_number"
            if hasattr(paper, "ticket_number")
            else ("list_number" if hasattr(paper, "list_number") else "case_number"): "X999"
        },
    )
    assert not maker.verify(renumbered, out.verification_code, size=size)


def test_receipts_are_80mm_wide_and_a4_is_a4(rendered: Any) -> None:
    import io

    from pypdf import PdfReader

    _, size, out, _ = rendered
    box = PdfReader(io.BytesIO(out.pdf)).pages[0].mediabox
    if size is R80:
        assert float(box.width) == pytest.approx(80 / 25.4 * 72, abs=0.5)
    else:
        assert (float(box.width), float(box.height)) == pytest.approx((595.3, 841.9), abs=0.5)


def test_masking_per_paper(maker: PaperMaker) -> None:
    applicant = samples.APPLICANT
    handover = _squash(pdfcheck.all_text(maker.handover(samples.handover(4)).pdf))
    assert "王晓梅" not in handover
    assert "欧阳娜娜" not in handover
    assert mask_name("欧阳娜娜") in handover
    ticket = _squash(pdfcheck.all_text(maker.ticket(samples.ticket()).pdf))
    assert mask_name(applicant.name) not in ticket
    assert applicant.name not in ticket
    slip = _squash(pdfcheck.all_text(maker.pickup(samples.pickup()).pdf))
    assert applicant.name not in slip
    signed = _squash(pdfcheck.all_text(maker.pickup(samples.pickup(), size=A4).pdf))
    assert applicant.name in signed
    receipt = _squash(pdfcheck.all_text(maker.acceptance(samples.acceptance()).pdf))
    assert mask_id_number(samples.FULL_ID) in receipt
    assert mask_phone(samples.FULL_PHONE) in receipt


def test_many_materials_paginate_with_page_numbers(maker: PaperMaker) -> None:
    paper = samples.correction(40)
    out = maker.correction(paper)
    pages = [_squash(t) for t in pdfcheck.page_texts(out.pdf)]
    assert len(pages) >= 2
    for n, text in enumerate(pages, start=1):
        assert f"第{n}页共{len(pages)}页" in text
        assert out.verification_code in text
        assert "材料名称" in text  # the table header repeats on every page
    joined = "".join(pages)
    assert "共40项" in joined
    for problem in paper.problems:
        assert _squash(problem.name) in joined
    # the QR sits on the first page only
    assert pdfcheck.qr_codes(pdfcheck.render_png(out.pdf, page=1)) == [out.qr_payload]


def test_long_material_name_wraps_inside_the_page(maker: PaperMaker) -> None:
    long_name = "与食品经营相适应的主要设备设施布局、操作流程等文件" * 4
    paper = samples.acceptance()
    material = dataclasses.replace(paper.materials[0], name=long_name)
    out = maker.acceptance(dataclasses.replace(paper, materials=(material,)), size=R80)
    assert _squash(long_name) in _squash(pdfcheck.all_text(out.pdf))
    image = pdfcheck.render_png(out.pdf, dpi=100)
    # nothing printed in the 4 mm side margins of the 80 mm roll
    margin = round(4 / 25.4 * 100) - 2
    for x in (*range(margin), *range(image.width - margin, image.width)):
        column = [image.getpixel((x, y)) for y in range(image.height)]
        assert min(column) > 200, f"ink at x={x}"


def test_paper_without_problems_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one"):
        dataclasses.replace(samples.correction(), problems=())
