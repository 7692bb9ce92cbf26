"""The ID-card reader contract, the card data, and the SAM serial reader."""

from __future__ import annotations

import datetime as _dt
import logging
import threading
import time
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from core.errors import DeviceUnavailable, UserFacingError, ValidationFailed, msg
from core.identifiers import validate_resident_id
from core.masking import mask_id_number, mask_name
from devices.idcard import sam

log = logging.getLogger(__name__)

LONG_TERM = "长期"


class IdCardUnavailable(DeviceUnavailable):
    """The reader cannot be used: port missing, SAM silent or faulty.

    Args:
        reason: plain-language Chinese text saying what is wrong and what to do.
    """

    def __init__(self, reason: str) -> None:
        super().__init__("idcard", reason)


class CardNotReadable(UserFacingError):
    """No card on the reader, or the card could not be read; the citizen can act."""


@dataclass(frozen=True, slots=True)
class IdCardData:
    """What a second-generation ID card holds.

    Personal fields are left out of ``repr`` so the object can never leak a full ID
    number into a log line; use :attr:`masked` for logs and screens.

    Attributes:
        name: 姓名.
        gender: ``"男"`` or ``"女"``.
        ethnicity: 民族, e.g. ``"汉"``.
        birth_date: 出生日期.
        address: 住址.
        id_number: 公民身份号码, validated (check character, birth date).
        issuer: 签发机关.
        valid_from: 有效期起.
        valid_until: 有效期止; None for 长期 (long-term).
        photo_wlt: the encrypted photo as read (needs the vendor's decoder), or None.
    """

    name: str = field(repr=False)
    gender: str
    ethnicity: str
    birth_date: _dt.date = field(repr=False)
    address: str = field(repr=False)
    id_number: str = field(repr=False)
    issuer: str
    valid_from: _dt.date
    valid_until: _dt.date | None
    photo_wlt: bytes | None = field(default=None, repr=False)

    @property
    def masked(self) -> str:
        """``张* 371002********123X`` — safe for logs and screens."""
        return f"{mask_name(self.name)} {mask_id_number(self.id_number)}"

    def is_valid_on(self, day: _dt.date) -> bool:
        """Whether the card is within its validity period on ``day``."""
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


@runtime_checkable
class IdCardReader(Protocol):
    """Reads the card placed on it."""

    def read(self) -> IdCardData:
        """Read the card on the reader now.

        Raises:
            CardNotReadable: no card, or it moved / failed authentication; ask again.
            IdCardUnavailable: the reader itself is not working.
        """
        ...


def _date(text: str, what: str) -> _dt.date:
    try:
        return _dt.datetime.strptime(text, "%Y%m%d").date()
    except ValueError:
        # One sentence per field, so each translates as a whole.
        message = (msg("身份证信息中的出生日期无效，请重新放置身份证") if what == "出生日期"
                   else msg("身份证信息中的有效期无效，请重新放置身份证"))
        raise CardNotReadable(message, code="idcard.bad_date", what=what) from None


def card_from_text(text: bytes, photo: bytes | None) -> IdCardData:
    """Build and validate :class:`IdCardData` from the SAM's text block.

    Raises:
        CardNotReadable: a field is malformed or the ID number fails its check.
    """
    values = sam.decode_text(text)
    try:
        id_number = validate_resident_id(values["id_number"])
    except ValidationFailed:
        raise CardNotReadable(
            msg("身份证号码校验未通过，请重新放置身份证；如仍失败请到服务窗口办理"),
            code="idcard.bad_number",
        ) from None
    gender = {"1": "男", "2": "女"}.get(values["gender"])
    if gender is None or not values["name"]:
        raise CardNotReadable(msg("身份证信息不完整，请重新放置身份证"), code="idcard.incomplete")
    until = values["valid_until"]
    return IdCardData(
        name=values["name"],
        gender=gender,
        ethnicity=sam.ethnicity_name(values["ethnicity"]),
        birth_date=_date(values["birth"], "出生日期"),
        address=values["address"],
        id_number=id_number,
        issuer=values["issuer"],
        valid_from=_date(values["valid_from"], "有效期"),
        valid_until=None if until == LONG_TERM else _date(until, "有效期"),
        photo_wlt=photo or None,
    )


class SamSerialReader:
    """A reader whose SAM module is reachable on a serial port (UART or USB-serial).

    Readers that only ship a vendor SDK library (``libtermb.so``/``libsdtapi.so`` …)
    and no documented serial access need an adapter around that SDK instead; it is
    not included here because the SDK is licensed per vendor.

    Args:
        port: the serial device.
        baudrate: 115200 unless the SAM was reconfigured.
        timeout: seconds to wait for each reply.

    Raises:
        IdCardUnavailable: the port cannot be opened or the SAM does not answer.
    """

    def __init__(self, port: str, *, baudrate: int = 115200, timeout: float = 1.0) -> None:
        import serial

        try:
            self._port = serial.Serial(port, baudrate=baudrate, timeout=timeout)
        except (serial.SerialException, OSError) as exc:
            raise IdCardUnavailable(msg(
                "无法打开身份证阅读器串口 {port}：{error}。请检查连线和串口配置",
                port=port, error=str(exc),
            )) from exc
        self._timeout = timeout
        self._lock = threading.Lock()
        try:
            status = self._exchange(*sam.SAM_STATUS)
        except IdCardUnavailable:
            self._port.close()
            raise
        if status.sw3 != sam.Sw3.OK:
            self._port.close()
            raise IdCardUnavailable(
                msg("身份证阅读器自检失败（状态码 {code}），请联系运维", code=f"{status.sw3:02X}"))

    def close(self) -> None:
        self._port.close()

    def read(self) -> IdCardData:
        with self._lock:
            found = self._exchange(*sam.FIND)
            if found.sw3 != sam.Sw3.FOUND:
                raise CardNotReadable(msg("请将身份证平放在读卡区"), code="idcard.no_card")
            selected = self._exchange(*sam.SELECT)
            if selected.sw3 != sam.Sw3.OK:
                raise CardNotReadable(
                    msg("读卡失败，请将身份证重新放置并保持不动"), code="idcard.select"
                )
            content = self._exchange(*sam.READ_BASE)
        if content.sw3 != sam.Sw3.OK:
            raise CardNotReadable(msg("读卡失败，请将身份证重新放置并保持不动"), code="idcard.read")
        try:
            text, photo = sam.split_payload(content.data)
        except sam.SamFrameError:
            raise CardNotReadable(
                msg("读卡数据不完整，请重新放置身份证"), code="idcard.short") from None
        card = card_from_text(text, photo)
        log.info("ID card read: %s", card.masked)
        return card

    def _exchange(self, cmd: int, para: int) -> sam.SamReply:
        self._port.reset_input_buffer()
        self._port.write(sam.command(cmd, para))
        deadline = time.monotonic() + self._timeout
        try:
            body = self._read_frame(deadline)
        except sam.SamFrameError as exc:
            raise IdCardUnavailable(
                msg("身份证阅读器应答校验错误（{error}），请检查连线", error=str(exc))) from exc
        except OSError as exc:
            raise IdCardUnavailable(msg("身份证阅读器串口出错：{error}", error=str(exc))) from exc
        if body is None:
            raise IdCardUnavailable(msg("身份证阅读器无应答，请检查电源和连线"))
        return sam.parse_reply(body)

    def _read_frame(self, deadline: float) -> bytes | None:
        window = b""
        while window != sam.PREAMBLE:
            byte = self._port.read(1)
            if not byte or time.monotonic() > deadline:
                return None
            window = (window + byte)[-len(sam.PREAMBLE) :]
        length = self._read_exact(2, deadline)
        if len(length) < 2:
            return None
        rest = self._read_exact(length[0] << 8 | length[1], deadline)
        return sam.parse_body(length, rest)

    def _read_exact(self, size: int, deadline: float) -> bytes:
        data = b""
        while len(data) < size and time.monotonic() <= deadline:
            data += self._port.read(size - len(data))
        return data
