"""Masking personal data on screens, paper and in logs."""

from __future__ import annotations

import pytest

from core.identifiers import resident_id_check_char, uscc_check_char
from core.masking import mask_id_number, mask_name, mask_phone, mask_uscc, scrub

ID = "37100219900101123" + resident_id_check_char("37100219900101123")
ID_X = "11010519491231002X"
USCC = "91110000710925462X"
USCC_LETTERS = "91371000MA3C4" + "ABCD"
USCC_LETTERS += uscc_check_char(USCC_LETTERS)


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        (ID_X, "110105********002X"),
        ("11010519491231002x", "110105********002X"),
        (" 11010519491231002X ", "110105********002X"),
        ("110105491231002", "110105*****1002"),  # old 15-digit number
        ("1234", "****"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_id_number(value: str | None, masked: str) -> None:
    assert mask_id_number(value) == masked


def test_mask_uscc() -> None:
    assert mask_uscc(USCC) == "911100********462X"
    assert mask_uscc("123") == "***"
    assert mask_uscc(None) == ""


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("13812345678", "138****5678"),
        ("138 1234 5678", "138****5678"),
        ("138-1234-5678", "138****5678"),
        ("+86 138 1234 5678", "138****5678"),
        ("008613812345678", "138****5678"),
        ("0631-5201234", "0631-****234"),
        ("06315201234", "0631-****234"),
        ("010-87654321-802", "010-*****321-802"),
        ("12345678", "*****678"),
        ("12345", "*****"),
        ("abc", "***"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_phone(value: str | None, masked: str) -> None:
    assert mask_phone(value) == masked


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("张三", "张*"),
        ("李小明", "李**"),
        ("欧阳娜娜", "欧阳**"),
        ("欧阳修", "欧阳*"),
        ("欧阳", "欧*"),  # a two-character name is a surname + given name
        ("司马相如", "司马**"),
        ("王", "*"),
        ("买买提·艾力", "买**·艾*"),
        ("John Smith", "J*** S****"),
        ("  张  三 ", "张**"),  # inner spaces collapse to one and are masked too
        ("", ""),
        (None, ""),
    ],
)
def test_mask_name(value: str | None, masked: str) -> None:
    assert mask_name(value) == masked


def test_scrub_masks_everything_personal_in_a_log_line() -> None:
    line = f"收件 申请人身份证{ID}，电话13812345678，企业{USCC_LETTERS}，代理人{ID_X}"
    out = scrub(line)
    for secret in (ID, "13812345678", USCC_LETTERS, ID_X):
        assert secret not in out
    assert mask_id_number(ID) in out
    assert "138****5678" in out
    assert mask_uscc(USCC_LETTERS) in out
    assert out.startswith("收件 申请人身份证")


def test_scrub_masks_a_mistyped_id_number_too() -> None:
    wrong = ID[:-1] + ("0" if ID[-1] != "0" else "1")
    assert wrong not in scrub(f"id={wrong}")


@pytest.mark.parametrize(
    "line",
    [
        "+86 138-1234-5678",
        "tel:008613812345678;",
        "手机 138 1234 5678 已登记",
    ],
)
def test_scrub_masks_formatted_mobiles(line: str) -> None:
    out = scrub(line)
    assert "1234" not in out.replace("****", "")
    assert "5678" in out


@pytest.mark.parametrize(
    "line",
    [
        "case T03-20260302-17 accepted in 120 ms",
        "order 1234567890123456789012 ok",  # longer digit runs are not identifiers
        "uuid 3f1c2a9e-1d2b-4c3d-9e8f-123456789012",
        "版本 12 已同步 500 条",
        "",
    ],
)
def test_scrub_leaves_other_text_alone(line: str) -> None:
    assert scrub(line) == line


def test_scrub_is_idempotent() -> None:
    once = scrub(f"{ID} 13812345678 {USCC}")
    assert scrub(once) == once
