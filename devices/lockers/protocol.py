"""The lock-board serial protocol: frames, checksum, commands.

Pickup lockers (智能文件柜) are driven by lock-control boards (锁控板) on RS-232/RS-485,
one board per column of compartments. The boards sold in China speak small binary
protocols of one family — a start marker, an address, a command, a lock number,
optional data and an XOR check byte. Sources looked at: the 16-way lock board command
list at showdoc.com.cn ("16路锁控板_串口(私有)控制指令": node address, lock number,
open/query commands, a trailing check value), a vendor serial protocol at
wiki.koodle.cn ("命令头 + 命令字 + 长度字 + 数据域 + 校验字", XOR of every byte), and the
公安部 SAM ID-card module frame (``AA AA AA 96 69 | len | cmd | para | data | XOR``,
see :mod:`devices.idcard.sam`). None is a standard, so govterm defines its own frame in
that family; a board's firmware, or a small adapter in front of a vendor board,
implements it:

::

    STX  board  cmd  compartment  len  data[len]  BCC  ETX
    02   01-FE  ..   00-FF        00-FF ...       ..   03

- ``board``: address 1…254 (0xFF = broadcast, not used by the driver).
- ``compartment``: 1…255; 0 = the whole board (all-status).
- ``len``: number of data bytes.
- ``BCC``: XOR of ``board`` through the last data byte (header and data, not STX/ETX).
- A reply echoes board and compartment and sets bit 7 of ``cmd``.

Frames are delimited by the length field, not by scanning for ETX, so STX/ETX values
inside data are harmless; ETX is still checked, as a second guard against noise.

Commands (host → board) and replies:

=====  ==========  ==============================================================
cmd    name        reply data
=====  ==========  ==============================================================
0x31   open        1 byte: 0x00 opened, 0x01 jammed (lock did not release),
                   0x02 no such compartment
0x32   status      2 bytes: door (0 closed, 1 open), item (0 empty, 1 present,
                   0xFF no item sensor)
0x33   all-status  2 bytes per compartment 1…n, same meaning as status
=====  ==========  ==============================================================
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from functools import reduce

STX = 0x02
ETX = 0x03
REPLY_BIT = 0x80
HEADER_SIZE = 5  # STX board cmd compartment len
MAX_DATA = 255


class Command(IntEnum):
    OPEN = 0x31
    STATUS = 0x32
    ALL_STATUS = 0x33


class OpenResult(IntEnum):
    OPENED = 0x00
    JAMMED = 0x01
    NO_SUCH_COMPARTMENT = 0x02


DOOR_CLOSED = 0
DOOR_OPEN = 1
ITEM_ABSENT = 0
ITEM_PRESENT = 1
NO_ITEM_SENSOR = 0xFF


class FrameError(ValueError):
    """Bytes that are not a valid frame (bad checksum, bad ETX, wrong lengths)."""


@dataclass(frozen=True, slots=True)
class Frame:
    """One frame, either direction."""

    board: int
    cmd: int
    compartment: int
    data: bytes = b""

    def encode(self) -> bytes:
        if not 0 <= self.board <= 0xFF or not 0 <= self.compartment <= 0xFF:
            raise ValueError("board and compartment are one byte each")
        if len(self.data) > MAX_DATA:
            raise ValueError("at most 255 data bytes")
        body = bytes((self.board, self.cmd, self.compartment, len(self.data))) + self.data
        return bytes((STX,)) + body + bytes((bcc(body), ETX))

    @property
    def is_reply(self) -> bool:
        return bool(self.cmd & REPLY_BIT)


def bcc(body: bytes) -> int:
    """XOR of every byte (the block check character)."""
    return reduce(lambda a, b: a ^ b, body, 0)


def decode(raw: bytes) -> Frame:
    """Decode exactly one frame.

    Raises:
        FrameError: wrong markers, length, or checksum.
    """
    if len(raw) < HEADER_SIZE + 2 or raw[0] != STX:
        raise FrameError("frame too short or no STX")
    size = raw[4]
    if len(raw) != HEADER_SIZE + size + 2:
        raise FrameError("frame length does not match its len byte")
    if raw[-1] != ETX:
        raise FrameError("no ETX")
    body = raw[1 : HEADER_SIZE + size]
    if bcc(body) != raw[-2]:
        raise FrameError(f"checksum mismatch: got {raw[-2]:02x}, computed {bcc(body):02x}")
    return Frame(board=raw[1], cmd=raw[2], compartment=raw[3], data=bytes(raw[5 : 5 + size]))


def frame_length(header: bytes) -> int:
    """Total frame length given at least :data:`HEADER_SIZE` bytes starting at STX."""
    return HEADER_SIZE + header[4] + 2
