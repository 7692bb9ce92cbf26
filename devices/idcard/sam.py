"""The 公安部 SAM module serial protocol of second-generation ID-card readers (二代证).

Every certified reader contains a SAM (security access module) that authenticates the
card and returns its contents; most readers expose the SAM on a UART (115200 8N1) or a
USB-serial bridge. Frame layout, as published by reader vendors (e.g. eastcoms.com
"身份证阅读器模块SAM通讯协议", softs.im "身份证阅读器通信协议")::

    host → SAM:  AA AA AA 96 69 | len_hi len_lo | CMD PARA | data | CHK
    SAM → host:  AA AA AA 96 69 | len_hi len_lo | SW1 SW2 SW3 | data | CHK

``len`` counts everything after itself, checksum included; ``CHK`` is the XOR of every
byte after the preamble except itself. Commands used here: ``20 01`` find card,
``20 02`` select card, ``30 01`` read text and photo, ``11 FF`` SAM status. ``SW3``:
``90`` success, ``9F`` card found, ``80`` no card found, ``81`` select failed,
``41`` read failed, ``10`` checksum error, ``11`` length error, ``21`` bad command.

The read reply's data is ``text_len(2) photo_len(2) text photo``; the 256-byte text is
UCS-2 little-endian in fixed fields (name 15 chars, gender 1, ethnicity code 2, birth
date 8, address 35, ID number 18, issuing authority 15, valid from 8, valid until 8
or "长期", 18 reserved). The 1024-byte photo is in the encrypted ``wlt`` format that
only the vendor's licensed decoder library turns into a picture; we pass it on as is.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from functools import reduce

PREAMBLE = bytes((0xAA, 0xAA, 0xAA, 0x96, 0x69))
TEXT_SIZE = 256
PHOTO_SIZE = 1024

# (field, characters) in card order; 128 UCS-2 characters = 256 bytes.
TEXT_FIELDS: tuple[tuple[str, int], ...] = (
    ("name", 15),
    ("gender", 1),
    ("ethnicity", 2),
    ("birth", 8),
    ("address", 35),
    ("id_number", 18),
    ("issuer", 15),
    ("valid_from", 8),
    ("valid_until", 8),
    ("reserved", 18),
)


class Sw3(IntEnum):
    OK = 0x90
    FOUND = 0x9F
    NOT_FOUND = 0x80
    SELECT_FAILED = 0x81
    READ_FAILED = 0x41
    CHECKSUM_ERROR = 0x10
    LENGTH_ERROR = 0x11
    BAD_COMMAND = 0x21


FIND = (0x20, 0x01)
SELECT = (0x20, 0x02)
READ_BASE = (0x30, 0x01)
SAM_STATUS = (0x11, 0xFF)


class SamFrameError(ValueError):
    """Bytes that are not a valid SAM frame."""


def xor(data: bytes) -> int:
    return reduce(lambda a, b: a ^ b, data, 0)


def _frame(body: bytes) -> bytes:
    length = len(body) + 1
    head = bytes((length >> 8, length & 0xFF))
    return PREAMBLE + head + body + bytes((xor(head + body),))


def command(cmd: int, para: int, data: bytes = b"") -> bytes:
    """A host → SAM frame."""
    return _frame(bytes((cmd, para)) + data)


def reply(sw3: int, data: bytes = b"", *, sw1: int = 0, sw2: int = 0) -> bytes:
    """A SAM → host frame (used by the simulator)."""
    return _frame(bytes((sw1, sw2, sw3)) + data)


@dataclass(frozen=True, slots=True)
class SamReply:
    sw1: int
    sw2: int
    sw3: int
    data: bytes


def parse_body(length_bytes: bytes, rest: bytes) -> bytes:
    """Check a frame's checksum given its two length bytes and what follows them.

    Returns:
        The body (without checksum).

    Raises:
        SamFrameError: checksum or length mismatch.
    """
    length = length_bytes[0] << 8 | length_bytes[1]
    if len(rest) != length or length < 1:
        raise SamFrameError("SAM frame length mismatch")
    body, check = rest[:-1], rest[-1]
    if xor(length_bytes + body) != check:
        raise SamFrameError("SAM frame checksum mismatch")
    return body


def parse_reply(body: bytes) -> SamReply:
    if len(body) < 3:
        raise SamFrameError("SAM reply too short")
    return SamReply(body[0], body[1], body[2], body[3:])


def encode_text(values: dict[str, str]) -> bytes:
    """The 256-byte text block from field values (padded with spaces)."""
    out = bytearray()
    for name, chars in TEXT_FIELDS:
        text = values.get(name, "")[:chars].ljust(chars)
        out += text.encode("utf-16-le")
    return bytes(out)


def decode_text(block: bytes) -> dict[str, str]:
    """Field values from the 256-byte text block (trailing spaces removed)."""
    if len(block) != TEXT_SIZE:
        raise SamFrameError("ID card text block must be 256 bytes")
    values: dict[str, str] = {}
    pos = 0
    for name, chars in TEXT_FIELDS:
        raw = block[pos : pos + 2 * chars]
        pos += 2 * chars
        values[name] = raw.decode("utf-16-le", "replace").rstrip(" \x00")
    return values


def read_payload(text: bytes, photo: bytes) -> bytes:
    """The data of a successful ``30 01`` reply."""
    sizes = (len(text) >> 8, len(text) & 0xFF, len(photo) >> 8, len(photo) & 0xFF)
    return bytes(sizes) + text + photo


def split_payload(data: bytes) -> tuple[bytes, bytes]:
    """``(text, photo)`` from a ``30 01`` reply's data."""
    if len(data) < 4:
        raise SamFrameError("ID card read reply too short")
    text_len = data[0] << 8 | data[1]
    photo_len = data[2] << 8 | data[3]
    if len(data) != 4 + text_len + photo_len:
        raise SamFrameError("ID card read reply length mismatch")
    return data[4 : 4 + text_len], data[4 + text_len :]


ETHNICITIES: dict[int, str] = dict(
    enumerate(
        (
            "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗",
            "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山",
            "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌",
            "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒",
            "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙",
            "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
        ),
        start=1,
    )
)
"""GB/T 3304 ethnicity codes 1…56 (the card stores them as two digits)."""


def ethnicity_name(code: str) -> str:
    """``"01"`` → ``"汉"``; 97 其他, 98 外国血统中国籍人士; unknown codes are kept."""
    special = {"97": "其他", "98": "外国血统中国籍人士"}
    if code in special:
        return special[code]
    if code.isdigit() and int(code) in ETHNICITIES:
        return ETHNICITIES[int(code)]
    return code
