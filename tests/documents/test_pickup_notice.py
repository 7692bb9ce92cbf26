"""自助取件通知: the pickup code the applicant takes away is printed, and only there."""

from __future__ import annotations

import dataclasses

import pytest

from documents.layout import PaperSize
from documents.maker import PaperMaker
from documents.papers import PickupMethod
from tests.documents import samples
from tests.documents.pdfcheck import all_text, qr_codes, render_png


@pytest.mark.parametrize("size", [PaperSize.A4, PaperSize.RECEIPT_80MM])
@pytest.mark.parametrize("method", [PickupMethod.LOCKER, PickupMethod.KIOSK_PRINT])
def test_notice_prints_the_code_where_to_collect_and_no_full_id(
    maker: PaperMaker, method: PickupMethod, size: PaperSize
) -> None:
    paper = dataclasses.replace(samples.pickup(method), pickup_code="480913")

    rendered = maker.pickup(paper, size=size)
    text = all_text(rendered.pdf).replace(" ", "").replace("\n", "")

    assert "自助取件通知" in text
    assert "取件码480913" in text
    assert "身份证号后4位" in text
    assert paper.case_number in text
    if method is PickupMethod.LOCKER:
        assert "B-07号柜格" in text
    assert samples.APPLICANT.id_number not in text
    assert "领取人签字" not in text  # a notice, not the 出件签收单


def test_code_stays_out_of_qr_and_verification_fields(maker: PaperMaker) -> None:
    plain = samples.pickup(PickupMethod.LOCKER)
    notice = dataclasses.replace(plain, pickup_code="480913")

    rendered = maker.pickup(notice, size=PaperSize.A4)

    assert "480913" not in rendered.qr_payload
    assert maker.code_for(notice) == maker.code_for(plain)
    assert all("480913" not in code for code in qr_codes(render_png(rendered.pdf)))


def test_papers_without_a_code_are_unchanged(maker: PaperMaker) -> None:
    slip = maker.pickup(samples.pickup(PickupMethod.LOCKER))
    signed = maker.pickup(samples.pickup(PickupMethod.WINDOW), size=PaperSize.A4)

    assert "取件凭条" in all_text(slip.pdf).replace(" ", "")
    assert "取件码" not in all_text(slip.pdf)
    assert "出件签收单" in all_text(signed.pdf).replace(" ", "")
