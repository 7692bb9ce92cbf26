"""The SAM ID-card reader against its simulator, through a real pseudo-terminal pair."""

from __future__ import annotations

import datetime as _dt
import logging
from collections.abc import Iterator

import pytest

from devices.idcard import sam
from devices.idcard.reader import (
    CardNotReadable,
    IdCardReader,
    IdCardUnavailable,
    SamSerialReader,
)
from devices.idcard.simulator import DEMO_CARD, SamSimulator


@pytest.fixture
def sim() -> Iterator[SamSimulator]:
    simulator = SamSimulator()
    yield simulator
    simulator.close()


@pytest.fixture
def reader(sim: SamSimulator) -> Iterator[SamSerialReader]:
    device = SamSerialReader(sim.path, timeout=2.0)
    yield device
    device.close()


def test_frame_layout_matches_the_published_protocol() -> None:
    # 寻找身份证: AA AA AA 96 69 00 03 20 01 22 (XOR of 00 03 20 01 = 22)
    assert sam.command(0x20, 0x01) == bytes.fromhex("AAAAAA9669000320 0122")
    # the "read failed" reply quoted by vendors: AA AA AA 96 69 00 04 00 00 41 45
    assert sam.reply(0x41) == bytes.fromhex("AAAAAA96690004000041 45")


def test_reads_and_validates_a_card(
    sim: SamSimulator, reader: SamSerialReader, caplog: pytest.LogCaptureFixture
) -> None:
    assert isinstance(reader, IdCardReader)
    sim.place(**DEMO_CARD)
    with caplog.at_level(logging.DEBUG):
        card = reader.read()
    assert card.name == "张三"
    assert card.gender == "男"
    assert card.ethnicity == "汉"
    assert card.birth_date == _dt.date(1990, 1, 1)
    assert card.id_number == "371002199001011237"
    assert card.address.startswith("山东省威海市")
    assert card.valid_until == _dt.date(2040, 1, 1)
    assert card.photo_wlt is not None
    assert len(card.photo_wlt) == sam.PHOTO_SIZE
    assert card.is_valid_on(_dt.date(2026, 3, 2))
    # The full number never reaches a log line or a repr.
    assert "371002199001011237" not in caplog.text
    assert "371002********1237" in caplog.text
    assert "371002199001011237" not in repr(card)
    assert "张三" not in repr(card)


def test_long_term_card(sim: SamSimulator, reader: SamSerialReader) -> None:
    sim.place(**{**DEMO_CARD, "valid_until": "长期", "gender": "2", "ethnicity": "03"})
    card = reader.read()
    assert card.valid_until is None
    assert (card.gender, card.ethnicity) == ("女", "回")


def test_no_card_and_failed_reads_ask_the_citizen(
    sim: SamSimulator, reader: SamSerialReader
) -> None:
    with pytest.raises(CardNotReadable, match="请将身份证平放在读卡区"):
        reader.read()
    sim.place(**DEMO_CARD)
    sim.fail_read = True
    with pytest.raises(CardNotReadable, match="重新放置"):
        reader.read()


def test_a_card_with_a_bad_check_character_is_refused(
    sim: SamSimulator, reader: SamSerialReader
) -> None:
    sim.place(**{**DEMO_CARD, "id_number": "371002199001011238"})
    with pytest.raises(CardNotReadable, match="校验未通过") as refused:
        reader.read()
    assert "371002199001011238" not in str(refused.value)


def test_silent_reader_and_missing_port_are_unavailable(sim: SamSimulator) -> None:
    sim.silent = True
    with pytest.raises(IdCardUnavailable, match="无应答"):
        SamSerialReader(sim.path, timeout=0.2)
    with pytest.raises(IdCardUnavailable, match="无法打开"):
        SamSerialReader("/dev/no-such-reader")
