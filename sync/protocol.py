"""The wire protocol between terminals and the platform gateway (前置机).

Every request and response body the gateway accepts or returns is one of the pydantic
models below; the terminal's sync engine and the gateway both import this module, so
the two sides cannot drift. SYNC.md describes the protocol; this module is its schema.

Conventions:

- JSON everywhere except snapshot chunks (gzip NDJSON) and blobs (raw bytes).
- Cursors are opaque strings. Clients store them and send them back; they never parse
  them (the gateway encodes the stream epoch and a sequence number inside).
- Errors that are not per-event come back as :class:`ErrorBody` with a stable ``code``
  and a Chinese ``message`` safe to show to staff.
- Requests after enrolment are signed (see :func:`sign_request`); the signature travels
  in headers, never in the URL.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import struct
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Annotated, Any, Literal
from urllib.parse import quote

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from core.errors import Msg

PROTOCOL_VERSION = 1

MAX_BATCH_EVENTS = 200
"""Most events one ``POST /v1/events:batch`` may carry."""

MAX_BATCH_BYTES = 1_000_000
"""Largest request body of one event batch (1 MB)."""

MAX_PAGE_LIMIT = 1000
"""Most rows one change page returns."""

MAX_WAIT_SECONDS = 30
"""Longest long-poll wait a client may ask for."""

MAX_VERIFY_IDS = 5000
"""Most ids one verify request may name."""

SIGNATURE_WINDOW_SECONDS = 300
"""How far a request's timestamp may be from the gateway's clock (±)."""

HEADER_DEVICE = "X-Govterm-Device"
HEADER_TIMESTAMP = "X-Govterm-Timestamp"
HEADER_NONCE = "X-Govterm-Nonce"
HEADER_SIGNATURE = "X-Govterm-Signature"
HEADER_CONTENT_SHA256 = "X-Govterm-Content-Sha256"
SIGNATURE_ALGORITHM = "GOVTERM-HMAC-SHA256"

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
_UUID_RE = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
EventId = Annotated[str, StringConstraints(pattern=_UUID_RE)]
Sha256Hex = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class _Wire(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --------------------------------------------------------------------------- streams


class Stream(StrEnum):
    """Server-owned data streams a terminal pulls (SYNC.md, Pull)."""

    ITEMS = "items"  # 实施清单 (ServiceItem docs)
    BUNDLES = "bundles"  # 一件事
    HALLS = "halls"  # 政务服务地图 points
    LICENCE_TYPES = "licence_types"  # 电子证照 types
    DIRECTORY = "directory"  # departments, phones, staff directory
    HOLIDAYS = "holidays"  # 法定节假日 and 调休 working days
    CONFIG = "config"  # terminal configuration
    KEYS = "keys"  # public keys (居民码 verification …)
    PICKUPS = "pickups"  # results awaiting pickup — hall-scoped
    CASE_STATUS = "case_status"  # case progress — hall-scoped


HALL_SCOPED_STREAMS: frozenset[Stream] = frozenset({Stream.PICKUPS, Stream.CASE_STATUS})
"""Streams whose rows belong to one hall; a terminal only sees its own hall's rows."""

LONG_POLL_STREAMS: frozenset[Stream] = frozenset({Stream.PICKUPS, Stream.CASE_STATUS})
"""Streams that accept ``wait=`` (long-poll) on the change feed."""

CATALOG_STREAMS: tuple[Stream, ...] = (
    Stream.LICENCE_TYPES,
    Stream.HALLS,
    Stream.ITEMS,
    Stream.BUNDLES,
)


# ------------------------------------------------------------------------- digests


def row_hash(row_id: str, version: int) -> int:
    """The unsigned 64-bit hash of one ``(id, version)`` pair used in stream digests."""
    raw = hashlib.sha256(f"{row_id}\x1f{version}".encode()).digest()
    value: int = struct.unpack(">Q", raw[:8])[0]
    return value


def digest_of(rows: Iterable[tuple[str, int]]) -> StreamDigest:
    """The digest of live (not deleted) rows: their count and the sum of row hashes.

    The sum is taken modulo 2**64, so adding and removing rows can be done
    incrementally on either side.
    """
    count = 0
    total = 0
    for row_id, version in rows:
        count += 1
        total = (total + row_hash(row_id, version)) % 2**64
    return StreamDigest(count=count, sum=f"{total:016x}")


class StreamDigest(_Wire):
    """Count of live rows and the 64-bit sum of ``row_hash(id, version)`` (16 hex)."""

    count: int = Field(ge=0)
    sum: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")]


def canonical_json(value: Any) -> bytes:
    """The canonical UTF-8 JSON of a payload: sorted keys, no spaces, no escaping."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def payload_sha256(payload: Mapping[str, Any]) -> str:
    """The sha256 (hex) of an event payload's canonical JSON."""
    return hashlib.sha256(canonical_json(payload)).hexdigest()


# ------------------------------------------------------------------------- errors


class WireText(_Wire):
    """A placeholder's value that is itself translatable text (a ``Msg`` in a ``Msg``)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    template: str
    params: dict[str, WireParam] = Field(default_factory=dict)


class WireMoment(_Wire):
    """A placeholder's value that is a date or a date and time, in ISO 8601.

    It travels as a moment rather than as text so the terminal can format it by the
    (translated) template's own spec, e.g. ``{until:%H:%M}``.
    """

    model_config = ConfigDict(extra="ignore", frozen=True)

    kind: Literal["date", "datetime"]
    iso: str


WireParam = str | int | float | bool | None | WireText | WireMoment
"""A value of an error message's placeholder as it travels in JSON."""


def _wire_param(value: object) -> WireParam:
    """``value`` as JSON carries it; anything else travels as its text."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return float(value) if isinstance(value, float) else int(value)
    if isinstance(value, Msg):
        return WireText(template=value.template,
                        params={k: _wire_param(v) for k, v in value.params.items()})
    if isinstance(value, dt.datetime):
        return WireMoment(kind="datetime", iso=value.isoformat())
    if isinstance(value, dt.date):
        return WireMoment(kind="date", iso=value.isoformat())
    return str(value)


def _read_param(value: WireParam) -> object:
    """A placeholder's value back from the wire (raises ``ValueError`` when malformed)."""
    if isinstance(value, WireText):
        return Msg(value.template, {k: _read_param(v) for k, v in value.params.items()})
    if isinstance(value, WireMoment):
        if value.kind == "date":
            return dt.date.fromisoformat(value.iso)
        return dt.datetime.fromisoformat(value.iso)
    return value


class ErrorDetail(_Wire):
    """What went wrong, for the terminal to show and to decide on (by ``code``).

    ``message`` is the Chinese text, safe to show to staff. When the gateway wrote it
    with :func:`core.errors.msg`, ``template`` and ``params`` carry the template and its
    values so the terminal can show it in the person's language (:meth:`text`); a
    gateway that predates them sends neither and the plain message is shown.
    """

    # A terminal must still read the error of a gateway newer than itself.
    model_config = ConfigDict(extra="ignore", frozen=True)

    code: str
    message: str  # Chinese, safe to show to staff
    server_time: float | None = None  # set on clock errors so a terminal can correct
    template: str | None = None  # the message's msg() template (Chinese, ``{name}`` holes)
    params: dict[str, WireParam] | None = None  # the template's values

    @classmethod
    def of(cls, code: str, message: str, *, server_time: float | None = None) -> ErrorDetail:
        """The detail of ``message``, with its template and values when it is a ``Msg``."""
        if not isinstance(message, Msg):
            return cls(code=code, message=message, server_time=server_time)
        return cls(
            code=code,
            message=str(message),
            server_time=server_time,
            template=message.template,
            params={name: _wire_param(value) for name, value in message.params.items()},
        )

    def text(self) -> str:
        """The message to show: a translatable ``Msg`` when its template came along.

        The template is used only when it fills with the sent values to exactly the sent
        message; otherwise (or from an older gateway) the plain Chinese message is kept.
        """
        if self.template is None or self.params is None:
            return self.message
        try:
            rebuilt = Msg(self.template, {k: _read_param(v) for k, v in self.params.items()})
        except (KeyError, IndexError, ValueError, TypeError):
            return self.message
        return rebuilt if rebuilt == self.message else self.message


WireText.model_rebuild()


class ErrorBody(_Wire):
    """Body of every non-2xx answer except ``410`` (see :class:`ResetBody`)."""

    error: ErrorDetail


class ResetBody(_Wire):
    """``410 Gone``: the cursor is older than retention or the epoch changed.

    The client must rebuild the stream from a snapshot. Never cached.
    """

    reset: Literal["snapshot"] = "snapshot"
    stream: Stream
    reason: str


# ------------------------------------------------------------------------ enrolment


class EnrolRequest(_Wire):
    """``POST /v1/enrol`` — a terminal trades a one-time code for a credential."""

    code: Annotated[str, StringConstraints(strip_whitespace=True, min_length=4, max_length=64)]
    terminal_name: str = Field(default="", max_length=100)
    app_version: str = Field(default="", max_length=40)
    # The seq of the first event the terminal will send as this device: a re-enrolled
    # terminal keeps its journal and carries on its outbox sequence, and the new
    # device's ledger starts there instead of at 1.
    first_seq: int = Field(default=1, ge=1)


class DeviceCredential(_Wire):
    """What enrolment returns; the terminal keeps ``secret`` in its protected config."""

    device_id: str
    secret: str  # base64url, 32 random bytes; signs every later request
    hall_id: str
    slot: str
    terminal_id: str  # the hall-unique terminal id used in provisional numbers
    server_time: float


class EnrolmentCodeRequest(_Wire):
    """Admin: ``POST /v1/admin/enrolment-codes``."""

    hall_id: Text
    slot: Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z_-]{1,16}$")]
    valid_minutes: int = Field(default=60 * 24, ge=1, le=60 * 24 * 30)


class EnrolmentCode(_Wire):
    code: str
    hall_id: str
    slot: str
    expires_at: float


class RevokeResult(_Wire):
    device_id: str
    revoked: bool


# ------------------------------------------------------------------------- manifest


class SnapshotPointer(_Wire):
    """The newest snapshot of a stream: fetch its chunk list, then follow ``cursor``."""

    snapshot_id: str
    rows: int
    cursor: str


class StreamManifest(_Wire):
    stream: Stream
    epoch: int
    cursor: str  # high-water cursor: a client holding it is up to date
    digest: StreamDigest
    snapshot: SnapshotPointer | None = None


class Manifest(_Wire):
    """``GET /v1/sync/manifest`` (ETag / If-None-Match → 304)."""

    protocol: int = PROTOCOL_VERSION
    server_time: float
    hall_id: str
    device_id: str
    streams: list[StreamManifest]


# ---------------------------------------------------------------------- change feed


class ChangeItem(_Wire):
    op: Literal["upsert", "delete"]
    id: str
    version: int = Field(ge=1)
    doc: dict[str, Any] | None = None  # None for deletes (tombstones)


class ChangePage(_Wire):
    """``GET /v1/streams/{stream}/changes?cursor=&limit=[&wait=]``.

    Apply ``items`` and store ``next_cursor`` in one transaction; fetch again while
    ``has_more``.
    """

    stream: Stream
    items: list[ChangeItem]
    next_cursor: str
    has_more: bool


class SnapshotChunk(_Wire):
    n: int = Field(ge=0)
    rows: int = Field(ge=0)
    bytes: int = Field(ge=0)
    sha256: Sha256Hex  # of the gzip bytes as served
    url: str


class SnapshotIndex(_Wire):
    """``GET /v1/streams/{stream}/snapshot``: an immutable set of chunks.

    Each chunk is gzip-compressed NDJSON, one ``{"id","version","doc"}`` per line.
    After loading every chunk (and checking ``digest``), continue with the change
    feed from ``cursor``.
    """

    stream: Stream
    snapshot_id: str
    epoch: int
    cursor: str
    digest: StreamDigest
    chunks: list[SnapshotChunk]


class VerifyRequest(_Wire):
    """``POST /v1/streams/{stream}/verify``: ask about ids the terminal holds."""

    ids: list[str] = Field(max_length=MAX_VERIFY_IDS)


class VerifyResult(_Wire):
    """Current versions of the live ids asked about, and the ids that are gone.

    A cached row whose version differs from ``versions[id]`` is stale; one listed
    in ``gone`` must be deleted.
    """

    stream: Stream
    versions: dict[str, int]
    gone: list[str]


# --------------------------------------------------------------------------- events


class EventKind(StrEnum):
    CASE_SUBMITTED = "case.submitted"
    CASE_TRANSITION_REQUESTED = "case.transition_requested"
    EVALUATION_SUBMITTED = "evaluation.submitted"
    SEARCH_MISS = "search.miss"
    AUDIT_ENTRY = "audit.entry"
    DEVICE_HEALTH = "device.health"
    PICKUP_COLLECTED = "pickup.collected"
    CONSULTATION_LOGGED = "consultation.logged"
    CASE_MATERIALS_DIGITISED = "case.materials_digitised"


class Event(_Wire):
    """One outbox entry. ``sha256`` is :func:`payload_sha256` of ``payload``."""

    event_id: EventId
    seq: int = Field(ge=1)  # gapless per device
    kind: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    schema_version: int = Field(default=1, ge=1)
    created_at: float  # terminal clock, unix seconds
    payload: dict[str, Any]
    sha256: Sha256Hex


class EventBatch(_Wire):
    """``POST /v1/events:batch``: up to 200 events (1 MB), in ``seq`` order."""

    events: list[Event] = Field(min_length=1, max_length=MAX_BATCH_EVENTS)


class EventStatus(StrEnum):
    APPLIED = "applied"  # done now; ``result`` holds what the terminal needs
    DUPLICATE = "duplicate"  # seen before with the same payload; ``result`` is the original
    REJECTED = "rejected"  # will never apply; goes to the terminal's needs-attention list
    DEFERRED = "deferred"  # cannot apply yet (missing blob …); send again later


class EventResult(_Wire):
    event_id: str
    seq: int
    status: EventStatus
    result: dict[str, Any] = Field(default_factory=dict)
    code: str = ""  # machine-readable reason for rejected / deferred
    message: str = ""  # Chinese, for the needs-attention list
    original: EventStatus | None = None  # for duplicates: what the first delivery got


class BatchResult(_Wire):
    results: list[EventResult]
    contiguous_through_seq: int  # every seq ≤ this has been decided by the gateway


class LedgerEntry(_Wire):
    seq: int
    event_id: str
    sha256: str
    status: EventStatus


class Ledger(_Wire):
    """``GET /v1/devices/me/ledger?after_seq=&limit=``: what the gateway holds."""

    device_id: str
    contiguous_through_seq: int
    max_seq: int
    missing: list[int]  # seqs below max_seq that never arrived (first 1000)
    entries: list[LedgerEntry]


class BlobStored(_Wire):
    sha256: str
    bytes: int
    created: bool


# ------------------------------------------------------------------------ heartbeat


class Heartbeat(_Wire):
    """``POST /v1/devices/me/heartbeat`` (every few minutes)."""

    app_version: str = Field(default="", max_length=40)
    terminal_time: float
    cursors: dict[str, str] = Field(default_factory=dict)
    outbox_depth: int = Field(default=0, ge=0)
    oldest_pending_seconds: float = Field(default=0, ge=0)
    health: dict[str, str] = Field(default_factory=dict)  # device → "ok" | problem text


class HeartbeatAck(_Wire):
    server_time: float
    clock_offset_seconds: float  # server − terminal; positive: the terminal is behind
    behind: dict[str, int]  # stream → rows not yet pulled


class TerminalState(_Wire):
    """One line of the gateway's "terminals behind / unhealthy" view."""

    device_id: str
    hall_id: str
    slot: str
    terminal_name: str
    revoked: bool
    last_seen: float | None
    clock_offset_seconds: float | None
    outbox_depth: int | None
    behind: dict[str, int]
    health: dict[str, str]


# ------------------------------------------------------------------------ signatures


def _b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def canonical_query(pairs: Iterable[tuple[str, str]]) -> str:
    """Query parameters sorted and percent-encoded the same way on both sides."""
    encoded = sorted((quote(k, safe="-_.~"), quote(v, safe="-_.~")) for k, v in pairs)
    return "&".join(f"{k}={v}" for k, v in encoded)


def string_to_sign(
    *,
    method: str,
    path: str,
    query: Iterable[tuple[str, str]],
    timestamp: str,
    nonce: str,
    body_sha256: str,
) -> bytes:
    """The exact bytes a request signature covers.

    Args:
        method: HTTP method, any case.
        path: the request path as sent on the wire (percent-encoded), without query.
        query: decoded query pairs; order does not matter.
        timestamp: unix seconds as sent in the timestamp header.
        nonce: the random nonce header.
        body_sha256: hex sha256 of the raw request body (of ``b""`` when empty).
    """
    return "\n".join(
        (
            SIGNATURE_ALGORITHM,
            method.upper(),
            path,
            canonical_query(query),
            timestamp,
            nonce,
            body_sha256,
        )
    ).encode("utf-8")


def signature(secret: str, message: bytes) -> str:
    """HMAC-SHA256 of ``message`` under a device ``secret`` (base64url, unpadded)."""
    key = base64.urlsafe_b64decode(secret + "=" * (-len(secret) % 4))
    return _b64url(hmac.new(key, message, hashlib.sha256).digest())


def sign_request(
    *,
    device_id: str,
    secret: str,
    method: str,
    path: str,
    query: Iterable[tuple[str, str]],
    body: bytes,
    timestamp: int,
    nonce: str,
) -> dict[str, str]:
    """The authentication headers of one request.

    Args:
        device_id: the enrolled device's id.
        secret: its secret from :class:`DeviceCredential`.
        method, path, query, body: the request exactly as it will be sent.
        timestamp: unix seconds from the terminal's clock (corrected by the offset the
            gateway reports, when known).
        nonce: 16+ random bytes, hex or base64url; never reused.
    """
    body_hash = hashlib.sha256(body).hexdigest()
    message = string_to_sign(
        method=method,
        path=path,
        query=query,
        timestamp=str(timestamp),
        nonce=nonce,
        body_sha256=body_hash,
    )
    return {
        HEADER_DEVICE: device_id,
        HEADER_TIMESTAMP: str(timestamp),
        HEADER_NONCE: nonce,
        HEADER_CONTENT_SHA256: body_hash,
        HEADER_SIGNATURE: signature(secret, message),
    }


# ------------------------------------------------------------------ event payloads


class _Payload(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CaseSubmitted(_Payload):
    """``case.submitted`` v1: a case the terminal received; the gateway numbers it.

    Result: ``{"case_number", "state"}``.
    """

    provisional_number: Text  # T{terminal}-{yyyymmdd}-{n}
    item_id: Text
    situation_id: str = ""
    state: str = "received"  # a window may submit its acceptance outcome directly
    channel: Literal["kiosk", "window", "mobile"] = "kiosk"
    actor: str = ""  # clerk id at a window, "" for a citizen at a kiosk
    delivery: str = "window"  # core.catalog.DeliveryMethod value
    applicant: dict[str, Any] = Field(default_factory=dict)
    agent: dict[str, Any] | None = None  # 帮办代办
    form: dict[str, Any] = Field(default_factory=dict)
    materials: list[dict[str, Any]] = Field(default_factory=list)
    attachments: list[Sha256Hex] = Field(default_factory=list)  # PUT /v1/blobs first
    # 一号办到底: the 取号 ticket the case was taken in under ("" when none); the
    # gateway links the case to it; the result then carries ``ticket_number``.
    ticket_number: str = Field(default="", max_length=16)


class Approver(_Payload):
    """The second person of a decision: the 首席代表 who approved a 不予受理 or co-signed
    a 窗口办结. ``id`` is a staff account, never an ID number."""

    id: Text
    role: Text  # core.case.Role value, e.g. "首席代表"


class CaseTransitionRequested(_Payload):
    """``case.transition_requested`` v1. Result: ``{"case_number", "state"}``.

    ``action`` and ``role`` are :class:`core.case.Action` / :class:`core.case.Role`
    values; the gateway applies the rule book of :mod:`core.case` (which states an
    action starts from, which roles may take it, 不予受理 only with a 首席代表's
    approval, 窗口办结 with two signatures). Rejected with ``result={"current_state"}``
    when the life cycle forbids it, ``case.role`` / ``case.reject_needs_chief`` …
    when the role rules do.
    """

    case_number: Text
    to_state: Text
    action: Text
    role: Text
    actor: str = ""
    reason: str = ""
    redress: str = ""  # 救济途径, required for 不予受理 and 不予办理
    approver: Approver | None = None
    channel: Literal["kiosk", "window", "mobile"] = "window"
    attachments: list[Sha256Hex] = Field(default_factory=list)  # PUT /v1/blobs first


class EvaluationSubmitted(_Payload):
    """``evaluation.submitted`` v1: 好差评, level 1 (非常不满意) … 5 (非常满意)."""

    level: int = Field(ge=1, le=5)
    case_number: str | None = None
    # the 取号 ticket evaluated; the gateway links the evaluation (its event id) to it
    ticket_number: str = Field(default="", max_length=16)
    clerk_id: str = ""
    reasons: list[str] = Field(default_factory=list)
    comment: str = Field(default="", max_length=500)
    channel: Literal["kiosk", "window", "mobile"] = "kiosk"


class SearchMiss(_Payload):
    """``search.miss`` v1: a search that found nothing, so the catalog can be fixed."""

    query: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]


class AuditEntry(_Payload):
    """``audit.entry`` v1: one link of the terminal's hash-chained audit log."""

    entry_hash: Sha256Hex
    prev_hash: str  # "" for the first entry of a chain
    action: Text
    actor: str = ""
    subject: str = ""  # masked
    at: float
    details: dict[str, Any] = Field(default_factory=dict)


class DeviceHealth(_Payload):
    """``device.health`` v1: device → "ok" or a problem in words staff understand."""

    devices: dict[str, str]


class PickupCollected(_Payload):
    """``pickup.collected`` v1: a citizen took a result (printed or from a locker).

    Rejected (``pickup.already_collected``) when someone collected it first.
    """

    pickup_id: Text
    method: Literal["print", "locker"]
    verified_by: Literal["resident_code", "pickup_code"]


class ConsultationLogged(_Payload):
    """``consultation.logged`` v1: 解答咨询 at a window, without a case (004 二(一)1).

    Result: ``{}``. No personal data: the topic, the item asked about, what was
    answered, and the queue ticket the person held.
    """

    consultation_id: Annotated[str, StringConstraints(min_length=8, max_length=64)]
    topic: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
    item_id: str = Field(default="", max_length=64)
    item_name: str = Field(default="", max_length=200)
    answer: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)
    ]
    ticket_number: str = Field(default="", max_length=16)
    clerk_id: str = Field(default="", max_length=64)
    window_no: str = Field(default="", max_length=16)
    at: float  # terminal clock, unix seconds


class DigitisedMaterial(_Payload):
    """One digitised paper material: a blob by its sha256 (``PUT /v1/blobs`` first)."""

    sha256: Sha256Hex
    material_id: str = Field(default="", max_length=64)
    material_name: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    file_name: str = Field(default="", max_length=200)
    content_type: Literal["application/pdf", "image/jpeg", "image/png"]
    size: int = Field(ge=1)


class CaseMaterialsDigitised(_Payload):
    """``case.materials_digitised`` v1: scanned paper materials linked to a case.

    ``case_number`` is the official number, or the provisional one of a case this
    device submitted earlier (events apply in ``seq`` order, so the gateway knows it).
    Deferred until every attachment is uploaded. Result: ``{"case_number", "count"}``.
    """

    case_number: Text
    materials: list[DigitisedMaterial] = Field(min_length=1, max_length=50)
    attachments: list[Sha256Hex] = Field(min_length=1, max_length=50)
    clerk_id: str = ""


# ------------------------------------------------------------------ identity codes


class IdentityResolveRequest(_Wire):
    """``POST /v1/identity/resolve`` (signed): a scanned 居民码/企业码 text."""

    code: Annotated[str, StringConstraints(min_length=1, max_length=2000)]
    purpose: Literal["case", "pickup", "prefill", "query"] = "case"


class ResolvedLicence(_Wire):
    """One e-licence of the holder, as the terminal needs it for 免提交 and pre-fill."""

    identifier: str  # GB/T 36904 证照标识
    type_code: str  # catalog ELicenceType code; materials name the same code
    name: str
    number: str
    issuer: str
    issued_on: str  # ISO date
    valid_until: str | None  # None: 长期
    valid_today: bool  # only a licence in force replaces a paper material
    data: dict[str, str] = Field(default_factory=dict)


class ResolvedIdentity(_Wire):
    """What the gateway returns for a valid, unused code.

    The full ``id_number`` (身份号码 or 统一社会信用代码) is returned because a case
    submission carries it (``CaseSubmitted.applicant``) and forms pre-fill it; the
    terminal shows ``masked_id`` only, never logs the full value, and purges it with
    the case. ``prefill`` and ``licences`` are empty when the holder's app did not allow
    those uses for this code.
    """

    kind: Literal["citizen", "enterprise"]
    subject_ref: str  # the code's opaque holder handle (hex)
    code_id: str  # "<key id>:<nonce>", names this code in audit records
    name: str
    masked_name: str
    id_number: str
    masked_id: str
    masked_phone: str
    legal_representative: str = ""  # enterprises
    licences: list[ResolvedLicence] = Field(default_factory=list)
    prefill: dict[str, str] = Field(default_factory=dict)
    expires_at: float  # the code's expiry, unix seconds
    resolved_at: float


class DemoCodeRequest(_Wire):
    """Admin/demo: ``POST /v1/admin/identity/codes`` — a fresh code for a demo holder.

    ``holder`` is a name, a 1-based position in the published list, an ID number or a
    统一社会信用代码.
    """

    kind: Literal["citizen", "enterprise"] = "citizen"
    holder: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]
    minutes: int = Field(default=5, ge=1, le=24 * 60)
    offline: bool = True  # allow offline low-risk use (24-hour pickup)


class DemoCode(_Wire):
    text: str  # the QR content, "GT1:…"
    kind: Literal["citizen", "enterprise"]
    masked_name: str
    key_id: str
    expires_at: float
