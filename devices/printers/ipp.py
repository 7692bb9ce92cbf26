"""Just enough of the Internet Printing Protocol (RFC 8010/8011) to drive CUPS.

An IPP request is an HTTP POST of ``application/ipp``: a version, an operation id, a
request id, attribute groups (each attribute a tag-length-value triple), an
end-of-attributes tag, then the document. The reply has the same shape with a status
code instead of the operation. We encode the handful of value types our requests use
and decode every attribute generically (unknown types are kept as raw bytes), which is
all :mod:`devices.printers.cups` needs; no pycups or libcups binding is involved.
"""

from __future__ import annotations

import http.client
import itertools
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import IntEnum

IppValue = int | bool | str | bytes


class Op(IntEnum):
    """Operation ids."""

    PRINT_JOB = 0x0002
    CANCEL_JOB = 0x0008
    GET_JOB_ATTRIBUTES = 0x0009
    GET_PRINTER_ATTRIBUTES = 0x000B
    PAUSE_PRINTER = 0x0010
    RESUME_PRINTER = 0x0011
    CUPS_ADD_MODIFY_PRINTER = 0x4003


class Tag(IntEnum):
    """Delimiter and value tags."""

    OPERATION = 0x01
    JOB = 0x02
    END = 0x03
    PRINTER = 0x04
    INTEGER = 0x21
    BOOLEAN = 0x22
    ENUM = 0x23
    TEXT = 0x41
    NAME = 0x42
    KEYWORD = 0x44
    URI = 0x45
    CHARSET = 0x47
    LANGUAGE = 0x48
    MIME = 0x49


class JobState(IntEnum):
    """``job-state`` values."""

    PENDING = 3
    HELD = 4
    PROCESSING = 5
    STOPPED = 6
    CANCELED = 7
    ABORTED = 8
    COMPLETED = 9


class PrinterStateValue(IntEnum):
    """``printer-state`` values."""

    IDLE = 3
    PROCESSING = 4
    STOPPED = 5


_TEXT_TAGS = frozenset(range(0x41, 0x4A)) | {0x35, 0x36}
_INT_TAGS = frozenset({Tag.INTEGER, Tag.ENUM})

STATUS_OK_MAX = 0x00FF
STATUS_NOT_FOUND = 0x0406
STATUS_NOT_ACCEPTING = 0x0506


@dataclass(frozen=True, slots=True)
class Attribute:
    """One attribute to send: its tag, name and values."""

    tag: Tag
    name: str
    values: tuple[IppValue, ...]

    @classmethod
    def of(cls, tag: Tag, name: str, *values: IppValue) -> Attribute:
        return cls(tag, name, values)


@dataclass(slots=True)
class Response:
    """A decoded reply.

    Attributes:
        status: the IPP status code (``<= 0x00FF`` is success).
        groups: attribute groups in order, each ``(group tag, {name: [values]})``.
    """

    status: int
    groups: list[tuple[int, dict[str, list[IppValue]]]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status <= STATUS_OK_MAX

    def first(self, group: int) -> dict[str, list[IppValue]]:
        """The first group with tag ``group`` (empty when absent)."""
        for tag, attrs in self.groups:
            if tag == group:
                return attrs
        return {}

    def get(self, group: int, name: str) -> list[IppValue]:
        return self.first(group).get(name, [])

    def message(self) -> str:
        values = self.get(Tag.OPERATION, "status-message")
        return str(values[0]) if values else f"IPP status 0x{self.status:04x}"


class IppError(OSError):
    """The server could not be reached or did not speak IPP."""


_request_ids = itertools.count(1)


def _encode_value(tag: Tag, value: IppValue) -> bytes:
    if tag in _INT_TAGS:
        return struct.pack(">i", int(value))
    if tag is Tag.BOOLEAN:
        return b"\x01" if value else b"\x00"
    if isinstance(value, bytes):
        return value
    return str(value).encode("utf-8")


def encode(
    op: Op,
    groups: Sequence[tuple[Tag, Iterable[Attribute]]],
    *,
    request_id: int | None = None,
    data: bytes = b"",
) -> bytes:
    """An IPP/1.1 request body."""
    rid = next(_request_ids) if request_id is None else request_id
    out = bytearray(struct.pack(">BBHI", 1, 1, op, rid))
    for group, attributes in groups:
        out.append(group)
        for attr in attributes:
            for i, value in enumerate(attr.values):
                name = attr.name.encode("ascii") if i == 0 else b""
                raw = _encode_value(attr.tag, value)
                out += struct.pack(">BH", attr.tag, len(name)) + name
                out += struct.pack(">H", len(raw)) + raw
    out.append(Tag.END)
    return bytes(out) + data


def _decode_value(tag: int, raw: bytes) -> IppValue:
    if tag in _INT_TAGS and len(raw) == 4:
        return int(struct.unpack(">i", raw)[0])
    if tag == Tag.BOOLEAN and len(raw) == 1:
        return raw != b"\x00"
    if tag in _TEXT_TAGS:
        return raw.decode("utf-8", "replace")
    return raw


def decode(body: bytes) -> Response:
    """Decode a reply; raises :class:`IppError` when it is not IPP."""
    if len(body) < 9:
        raise IppError("short IPP response")
    _major, _minor, status, _rid = struct.unpack(">BBHI", body[:8])
    response = Response(status)
    pos = 8
    current: dict[str, list[IppValue]] | None = None
    last: str | None = None
    try:
        while pos < len(body):
            tag = body[pos]
            pos += 1
            if tag == Tag.END:
                break
            if tag < 0x10:
                current = {}
                response.groups.append((tag, current))
                last = None
                continue
            (name_len,) = struct.unpack(">H", body[pos : pos + 2])
            name = body[pos + 2 : pos + 2 + name_len].decode("ascii", "replace")
            pos += 2 + name_len
            (value_len,) = struct.unpack(">H", body[pos : pos + 2])
            raw = body[pos + 2 : pos + 2 + value_len]
            pos += 2 + value_len
            if current is None:
                raise IppError("attribute outside a group")
            if name:
                last = name
                current.setdefault(name, []).append(_decode_value(tag, raw))
            elif last is not None:
                current[last].append(_decode_value(tag, raw))
    except struct.error as exc:
        raise IppError(f"truncated IPP response: {exc}") from exc
    return response


def operation_attributes(uri: str, user: str, *extra: Attribute) -> list[Attribute]:
    """The attributes every request starts with (RFC 8011 §4.1.4)."""
    return [
        Attribute.of(Tag.CHARSET, "attributes-charset", "utf-8"),
        Attribute.of(Tag.LANGUAGE, "attributes-natural-language", "zh-cn"),
        Attribute.of(Tag.URI, "printer-uri", uri),
        Attribute.of(Tag.NAME, "requesting-user-name", user),
        *extra,
    ]


def post(host: str, port: int, path: str, body: bytes, *, timeout: float) -> Response:
    """POST one request and decode the reply.

    Raises:
        IppError: connection refused, timeout, HTTP error or not IPP.
    """
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        conn.request("POST", path, body=body, headers={"Content-Type": "application/ipp"})
        reply = conn.getresponse()
        payload = reply.read()
        if reply.status != 200:
            raise IppError(f"HTTP {reply.status} {reply.reason}")
    except (OSError, http.client.HTTPException) as exc:
        if isinstance(exc, IppError):
            raise
        raise IppError(str(exc) or type(exc).__name__) from exc
    finally:
        conn.close()
    return decode(payload)
