"""统一出件: results ready at this hall, handed out one way or another, all registered.

A result arrives from the platform (the ``case_status`` stream the sync engine pulls,
applied to the local cases) and appears here. The 出件 clerk hands it out by one of
the ways the item offers:

- **窗口领取** — the applicant (or agent) signs, either on the signature pad (the strokes
  are kept as a PNG with the delivery) or on the printed 出件签收单 ("已在纸质签收单
  签字"); the 出件签收单 is printed either way.
- **EMS 邮寄** — the waybill number is checked (UPU S10 with its check digit, or the
  13-digit domestic number) and recorded; the 邮寄 note is printed.
- **自助终端打印 / 智能文件柜** — the gateway issues a pickup code (only its salted hash
  reaches the kiosks); the code is shown once, the notice printed, and the SMS to the
  applicant is recorded as 待发送短信 (no SMS gateway is connected here). The case
  becomes 已出件 when the applicant collects it at the kiosk or locker.
- **手机端电子证照** — the push is recorded.

Every hand-over at the window is a ``deliver`` transition (outbox, synced) plus an
audit entry ``result.delivered`` with the method, which the hall statistics count.
"""

from __future__ import annotations

import datetime as _dt
import logging
import re
from dataclasses import dataclass, field
from typing import Protocol

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QIODevice,
    QPointF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QShortcut,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.accounts import ClerkSession
from core.case import Action, Actor, Case, CaseState, Role
from core.catalog import DeliveryMethod
from core.errors import UserFacingError, ValidationFailed, msg
from core.masking import mask_name, mask_phone
from documents.from_case import delivery_paper, issuer_for
from documents.layout import PaperSize
from documents.maker import RenderedPaper
from documents.papers import Party, PickupMethod, PickupPaper
from sync.results_protocol import PickupIssued, PickupIssueRequest
from widgets.i18n import arg, is_language_change
from widgets.layout import card, styled_label
from widgets.task_runner import TaskRunner
from window_client.chrome import MessageBar, user_text
from window_client.pages import CounterDesk, PageContext, PageSpec, join_list
from window_client.services import WindowServices
from window_client.work_list import WorkList

log = logging.getLogger(__name__)

DELIVERED_AUDIT_ACTION = "result.delivered"
"""What the hall statistics count (``gateway.stats.DELIVERY_AUDIT_ACTION``)."""

PICKUP_AUDIT_ACTION = "result.pickup_code_issued"

SMS_PENDING = "待发送短信"
"""How the pickup-code SMS is recorded: no SMS gateway is connected to this client."""

METHOD_NAMES: dict[DeliveryMethod, str] = {
    DeliveryMethod.WINDOW: QT_TRANSLATE_NOOP("Issuing", "窗口领取"),
    DeliveryMethod.EMS: QT_TRANSLATE_NOOP("Issuing", "EMS邮寄"),
    DeliveryMethod.KIOSK_PRINT: QT_TRANSLATE_NOOP("Issuing", "自助终端打印"),
    DeliveryMethod.LOCKER: QT_TRANSLATE_NOOP("Issuing", "智能文件柜"),
    DeliveryMethod.MOBILE: QT_TRANSLATE_NOOP("Issuing", "手机端电子证照"),
}

_PAPER_METHODS: dict[DeliveryMethod, PickupMethod] = {
    DeliveryMethod.WINDOW: PickupMethod.WINDOW,
    DeliveryMethod.EMS: PickupMethod.EMS,
    DeliveryMethod.KIOSK_PRINT: PickupMethod.KIOSK_PRINT,
    DeliveryMethod.LOCKER: PickupMethod.LOCKER,
}

# ---- EMS waybill numbers --------------------------------------------------------------

_S10 = re.compile(r"^[A-Z]{2}(\d{8})(\d)[A-Z]{2}$")
_DOMESTIC = re.compile(r"^[19]\d{12}$")
_S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)


def s10_check_digit(serial: str) -> int:
    """The UPU S10 check digit of an 8-digit serial (weights 8 6 4 2 3 5 9 7, mod 11)."""
    total = sum(int(d) * w for d, w in zip(serial, _S10_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: 0, 11: 5}.get(check, check)


def waybill_number(text: str) -> str:
    """A checked EMS waybill number (upper-cased, spaces removed).

    Accepts the international UPU S10 form (``EA123456785CN``: two letters, eight
    digits, the check digit, two letters) and the 13-digit domestic EMS number
    starting with 1 or 9.

    Raises:
        ValidationFailed: anything else, including a wrong S10 check digit.
    """
    value = re.sub(r"\s+", "", text).upper()
    match = _S10.match(value)
    if match is not None:
        if s10_check_digit(match.group(1)) != int(match.group(2)):
            raise ValidationFailed(msg("EMS运单号校验位不正确，请核对后重新输入"), code="ems.check")
        return value
    if _DOMESTIC.match(value):
        return value
    raise ValidationFailed(
        msg("EMS运单号格式不正确：应为13位数字，或如 EA123456785CN 的国际格式"), code="ems.format"
    )


# ---- what the page works with (no Qt below this line until the widgets) -----------------


class BlobSink(Protocol):
    """Where signature images are kept (``sync.engine.BlobFolder`` fits)."""

    def put(self, data: bytes) -> str:
        """Keep ``data``; returns its sha256."""
        ...


@dataclass(frozen=True, slots=True)
class ReadyResult:
    """One result waiting at this hall (no personal data beyond the masked name).

    Attributes:
        number: the local (provisional) number, the key of the local case.
        shown_number: the official number once the platform gave one.
        official: whether it has an official number (self-service needs one).
        methods: the ways the item offers to hand it out.
        chosen: the way the applicant chose at acceptance.
        held: whether this terminal holds the case; ``False`` for a case accepted at a
            kiosk or another window, known from the hall's ``case_status`` stream
            (``number`` is then its official number).
    """

    number: str
    shown_number: str
    official: bool
    item_name: str
    result_name: str
    applicant: str
    agent: str
    methods: tuple[DeliveryMethod, ...]
    chosen: DeliveryMethod | None
    ready_on: _dt.date | None
    held: bool = True


@dataclass(frozen=True, slots=True)
class Signature:
    """How the recipient signed: on the pad (PNG) or on the printed 签收单."""

    png: bytes | None = None

    @property
    def on_paper(self) -> bool:
        return self.png is None


@dataclass(frozen=True, slots=True)
class Delivered:
    """What one hand-over produced."""

    number: str
    method: DeliveryMethod
    reference: str
    papers: tuple[RenderedPaper, ...] = ()
    jobs: tuple[str, ...] = ()
    issued: PickupIssued | None = None
    signature_sha256: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)


class IssuingDesk:
    """The 统一出件 steps over the local store and the gateway; every call blocks.

    Store work runs on the catalog thread, gateway calls in the pool; the page chains
    them through the task runner.

    Args:
        services: the window client's services.
        signatures: where signature images are kept; ``None`` = the pad is not offered.
    """

    def __init__(self, *, services: WindowServices, signatures: BlobSink | None) -> None:
        self._services = services
        self._signatures = signatures

    @property
    def can_keep_signatures(self) -> bool:
        return self._signatures is not None

    # -- reading --------------------------------------------------------------------------

    def ready(self) -> list[ReadyResult]:
        """Apply the pulled case status, then list this terminal's results awaiting 出件."""
        cases = self._services.cases
        cases.apply_status()
        out: list[ReadyResult] = []
        for summary in cases.list_cases(states=[CaseState.RESULT_READY]):
            record = cases.record(summary.number)
            if record is None:
                continue
            try:
                item = self._services.catalog.item(record.item_id)
            except KeyError:
                log.warning("case %s: item %s not in the catalog", summary.number, record.item_id)
                continue
            published = next(
                (e for e in reversed(record.events) if e.to_state is CaseState.RESULT_READY),
                None,
            )
            result = published.details.get("result") if published is not None else None
            result_name = item.result_name
            if isinstance(result, dict) and isinstance(result.get("name"), str):
                result_name = str(result["name"])
            try:
                chosen: DeliveryMethod | None = DeliveryMethod(summary.delivery)
            except ValueError:
                chosen = None
            out.append(
                ReadyResult(
                    number=summary.number,
                    shown_number=summary.shown_number,
                    official=summary.official_number is not None,
                    item_name=item.name,
                    result_name=result_name,
                    applicant=summary.applicant,
                    agent=mask_name(record.agent.name) if record.agent else "",
                    methods=item.delivery,
                    chosen=chosen,
                    ready_on=published.at.date() if published is not None else None,
                )
            )
        return out + self._hall_ready()

    def _hall_ready(self) -> list[ReadyResult]:
        """Results of this hall accepted elsewhere (a kiosk, another window)."""
        out: list[ReadyResult] = []
        for case in self._services.cases.hall_cases(states=[CaseState.RESULT_READY]):
            try:
                item = self._services.catalog.item(case.item_id)
            except KeyError:
                log.warning("case %s: item %s not in the catalog", case.case_number, case.item_id)
                continue
            try:
                chosen: DeliveryMethod | None = DeliveryMethod(case.delivery)
            except ValueError:
                chosen = None
            try:
                ready_on: _dt.date | None = _dt.datetime.fromisoformat(case.updated_at).date()
            except ValueError:
                ready_on = None
            out.append(
                ReadyResult(
                    number=case.case_number,
                    shown_number=case.case_number,
                    official=True,
                    item_name=item.name,
                    result_name=case.result_name or item.result_name,
                    applicant=case.applicant,
                    agent="",
                    methods=item.delivery,
                    chosen=chosen,
                    ready_on=ready_on,
                    held=False,
                )
            )
        return out

    def recipients(self, number: str) -> tuple[str, ...]:
        """Who may sign for the result: the applicant and the agent (full names).

        Empty for a case accepted elsewhere: this terminal knows only the masked name,
        so the clerk types the name from the recipient's ID card.
        """
        record = self._services.cases.record(number)
        if record is None:
            if self._services.cases.hall_case(number) is not None:
                return ()
            raise ValidationFailed(msg("本机没有这个办件"), code="case.unknown")
        names = [record.applicant.contact_name or record.applicant.name]
        if record.agent is not None:
            names.append(record.agent.name)
        return tuple(names)

    # -- handing out ------------------------------------------------------------------------

    def deliver(  # noqa: PLR0913 - one hand-over, every fact of it
        self,
        number: str,
        *,
        session: ClerkSession,
        method: DeliveryMethod,
        reference: str = "",
        recipient: str = "",
        signature: Signature | None = None,
    ) -> Delivered:
        """Hand out at the window, by EMS or to the phone: ``deliver`` + audit + paper.

        Raises:
            ValidationFailed: bad waybill, missing signer, method the item lacks …
            IllegalTransition: the result is not (or no longer) waiting.
            NotPermitted: the clerk's roles may not hand out results.
        """
        services = self._services
        if method in (DeliveryMethod.KIOSK_PRINT, DeliveryMethod.LOCKER):
            raise ValidationFailed(msg("自助取件请使用“转自助取件”"), code="issuing.self_service")
        if method is DeliveryMethod.EMS:
            reference = waybill_number(reference)
        if method is DeliveryMethod.WINDOW:
            if signature is None:
                raise ValidationFailed(
                    msg("请领取人在签名板上签字，或确认已在纸质签收单签字"),
                    code="issuing.signature"
                )
            if signature.png is not None and self._signatures is None:
                raise ValidationFailed(
                    msg("本机不能保存签名图像，请改用纸质签收单签字"),
                    code="issuing.signature_store"
                )
        actor = _issuer_actor(session)
        if services.cases.record(number) is None:
            return self._deliver_elsewhere_accepted(
                number, session=session, actor=actor, method=method, reference=reference,
                recipient=recipient, signature=signature,
            )
        case = self._load(number)
        event = case.deliver(actor, method=method, reference=reference, recipient=recipient)
        digest = ""
        if signature is not None and signature.png is not None and self._signatures is not None:
            digest = self._signatures.put(signature.png)
        # the signature travels with the deliver step: the engine uploads it first
        services.cases.save(case, attachments=[digest] if digest else ())
        details: dict[str, object] = {
            "method": method.value,
            "reference": reference,
            "window": session.window,
            "official_number": case.record.official_number or "",
        }
        if method is DeliveryMethod.WINDOW:
            details["signature"] = "pad" if digest else "paper"
            if digest:
                details["signature_sha256"] = digest
        services.audit.record(actor, DELIVERED_AUDIT_ACTION, f"case:{number}", details)
        papers: tuple[RenderedPaper, ...] = ()
        jobs: tuple[str, ...] = ()
        if method is not DeliveryMethod.MOBILE:
            paper = delivery_paper(
                case,
                event,
                hall=services.catalog.hall(services.hall_id),
                terminal_id=services.terminal_id,
                window=session.window,
                clerk=session.clerk.name,
            )
            papers = (services.papers.render(paper),)  # A4 出件签收单 with signature lines
            jobs = tuple(
                services.print_queue.submit(
                    p.pdf,
                    paper=p.kind.value,
                    title=f"出件签收单 {case.number}",
                    printer=services.a4_printer,
                    case_ref=case.number,
                )
                for p in papers
            )
        services.nudge_sync()
        log.info("case %s delivered (%s)", number, method.value)
        return Delivered(
            number=case.number,
            method=method,
            reference=reference,
            papers=papers,
            jobs=jobs,
            signature_sha256=digest,
        )

    def _deliver_elsewhere_accepted(  # noqa: PLR0913 - deliver's facts, passed on
        self,
        number: str,
        *,
        session: ClerkSession,
        actor: Actor,
        method: DeliveryMethod,
        reference: str,
        recipient: str,
        signature: Signature | None,
    ) -> Delivered:
        """出件 of a case this terminal does not hold: a step requested from the gateway.

        The same rules as :meth:`core.case.Case.deliver` are checked here (the item's
        methods, a waybill, a signer); the gateway checks the case's state again.
        """
        services = self._services
        hall_case = services.cases.hall_case(number)
        if hall_case is None:
            raise ValidationFailed(msg("本大厅没有这个办件编号"), code="case.unknown")
        item = services.catalog.item(hall_case.item_id)
        if method not in item.delivery:
            raise ValidationFailed(msg("该事项不支持此出件方式"), code="case.delivery_method")
        if method is DeliveryMethod.WINDOW and not recipient.strip():
            raise ValidationFailed(msg("窗口领取须由领取人签收"), code="case.delivery_signer")
        digest = ""
        if signature is not None and signature.png is not None and self._signatures is not None:
            digest = self._signatures.put(signature.png)
        details: dict[str, object] = {
            "method": method.value,
            "reference": reference,
            "window": session.window,
            "official_number": number,
        }
        if method is DeliveryMethod.WINDOW:
            details["signature"] = "pad" if digest else "paper"
            if digest:
                details["signature_sha256"] = digest
        services.cases.request_step(
            number,
            action=Action.DELIVER,
            actor=actor,
            reason=f"出件（{METHOD_NAMES[method]}）" + (f"：{reference}" if reference else ""),
            details=details,
            attachments=[digest] if digest else (),
        )
        services.audit.record(actor, DELIVERED_AUDIT_ACTION, f"case:{number}", details)
        papers: tuple[RenderedPaper, ...] = ()
        jobs: tuple[str, ...] = ()
        if method is not DeliveryMethod.MOBILE:
            hall = services.catalog.hall(services.hall_id)
            paper = PickupPaper(
                issuer=issuer_for(hall, department=item.department,
                                  terminal_id=services.terminal_id, window=session.window),
                case_number=number,
                item_name=item.name,
                result_name=hall_case.result_name or item.result_name,
                method=_PAPER_METHODS[method],
                detail=reference or (f"{session.window}号窗口" if session.window
                                     else services.terminal_id),
                recipient=Party(name=recipient.strip() or hall_case.applicant),
                delivered_at=services.clock.now(),
                clerk=session.clerk.name,
            )
            papers = (services.papers.pickup(paper, size=PaperSize.A4),)
            jobs = tuple(
                services.print_queue.submit(
                    p.pdf, paper=p.kind.value, title=f"出件签收单 {number}",
                    printer=services.a4_printer, case_ref=number,
                )
                for p in papers
            )
        services.nudge_sync()
        log.info("case %s (accepted elsewhere) delivered (%s)", number, method.value)
        return Delivered(
            number=number, method=method, reference=reference, papers=papers, jobs=jobs,
            signature_sha256=digest,
        )

    def issue_pickup(
        self, number: str, *, session: ClerkSession, method: DeliveryMethod, compartment: str = ""
    ) -> PickupIssued:
        """Ask the gateway for a pickup code (pool lane: network).

        Raises:
            ValidationFailed: no gateway, no official number yet, no compartment.
        """
        desk = self._services.desk
        if desk is None:
            raise ValidationFailed(
                msg("未连接前置机：自助取件码须由前置机签发，请联网后再试"), code="issuing.offline"
            )
        if method not in (DeliveryMethod.KIOSK_PRINT, DeliveryMethod.LOCKER):
            raise ValidationFailed(msg("只有自助打印和智能文件柜需要取件码"), code="issuing.method")
        if method is DeliveryMethod.LOCKER and not compartment.strip():
            raise ValidationFailed(
                msg("请填写放入结果的智能文件柜柜格号"), code="pickup.compartment"
            )
        record = self._services.cases.record(number)
        if record is None:
            hall_case = self._services.cases.hall_case(number)
            if hall_case is None:
                raise ValidationFailed(msg("本机没有这个办件"), code="case.unknown")
            official: str | None = hall_case.case_number
        else:
            official = record.official_number
        if official is None:
            raise ValidationFailed(
                msg("办件尚未取得正式编号，请等待同步完成后再转自助取件"), code="issuing.no_number"
            )
        request = PickupIssueRequest(
            method=method.value,  # type: ignore[arg-type]  # checked above
            compartment=compartment.strip() if method is DeliveryMethod.LOCKER else "",
            clerk_id=session.clerk.id,
        )
        return desk.pickups.issue(official, request)

    def record_pickup(
        self, number: str, *, session: ClerkSession, issued: PickupIssued
    ) -> Delivered:
        """Register the hand-over to self-service, note the pending SMS, print the notice.

        The 自助取件通知 carries the pickup code: the applicant takes it away.
        """
        services = self._services
        record = services.cases.record(number)
        hall_case = services.cases.hall_case(issued.case_number) if record is None else None
        if record is None and hall_case is None:
            raise ValidationFailed(msg("本机没有这个办件"), code="case.unknown")
        method = DeliveryMethod(issued.method)
        services.audit.record(
            _issuer_actor(session),
            PICKUP_AUDIT_ACTION,
            f"case:{number}",
            {
                "method": method.value,
                "compartment": issued.compartment,
                "pickup_id": issued.pickup_id,
                "reissued": issued.reissued,
                "sms": SMS_PENDING,
                "phone": mask_phone(record.applicant.phone) if record is not None else "",
            },
        )
        hall = services.catalog.hall(services.hall_id)
        if record is not None:
            item = services.catalog.item(record.item_id)
            recipient = Party(name=record.applicant.contact_name or record.applicant.name,
                              id_number=record.applicant.id_number)
        else:
            assert hall_case is not None
            item = services.catalog.item(hall_case.item_id)
            recipient = Party(name=issued.applicant or hall_case.applicant)
        paper = PickupPaper(
            issuer=issuer_for(hall, department=item.department,
                              terminal_id=services.terminal_id, window=session.window),
            case_number=issued.case_number,
            item_name=issued.item_name,
            result_name=issued.result_name,
            method=PickupMethod.LOCKER if method is DeliveryMethod.LOCKER
            else PickupMethod.KIOSK_PRINT,
            detail=issued.compartment if method is DeliveryMethod.LOCKER
            else QCoreApplication.translate("Issuing", "本大厅24小时自助终端"),
            recipient=recipient,
            delivered_at=services.clock.now(),
            clerk=session.clerk.name,
            pickup_code=issued.code,
        )
        rendered = services.papers.pickup(paper, size=PaperSize.A4)
        job = services.print_queue.submit(
            rendered.pdf,
            paper=rendered.kind.value,
            title=f"自助取件通知 {issued.case_number}",
            printer=services.a4_printer,
            case_ref=number,
        )
        services.nudge_sync()
        return Delivered(
            number=issued.case_number,
            method=method,
            reference=issued.compartment,
            papers=(rendered,),
            jobs=(job,),
            issued=issued,
            notes=(SMS_PENDING,),
        )

    def _load(self, number: str) -> Case:
        services = self._services
        record = services.cases.record(number)
        if record is None:
            raise ValidationFailed(msg("本机没有这个办件"), code="case.unknown")
        item = services.catalog.item(record.item_id)
        return services.cases.load(number, item=item, calendar=services.calendar)


def _issuer_actor(session: ClerkSession) -> Actor:
    """The clerk as 出件 (or 综合受理 / 首席代表, who may also hand out)."""
    for role in (Role.ISSUER, Role.CLERK, Role.CHIEF):
        if session.clerk.has(role):
            return session.actor(role)
    return session.actor()  # raises NotPermitted at ``deliver`` through the role rules


# ---- widgets ----------------------------------------------------------------------------


class SignaturePad(QWidget):
    """A surface the recipient signs on with a finger, stylus or mouse.

    Strokes are kept as vector paths and rendered to a PNG on demand, so the image has
    the pad's size whatever the screen scaling.

    Signals:
        changed(bool): strokes were added or cleared (``True`` = something is signed).
    """

    changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SignaturePad")
        self.setMinimumSize(420, 160)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self._strokes: list[list[QPointF]] = []

    @property
    def is_empty(self) -> bool:
        return not any(len(s) > 1 for s in self._strokes)

    def clear(self) -> None:
        self._strokes.clear()
        self.update()
        self.changed.emit(False)

    def add_stroke(self, points: list[QPointF]) -> None:
        """Add one stroke (what a drag does; used by scripted input too)."""
        if len(points) > 1:
            self._strokes.append(list(points))
            self.update()
            self.changed.emit(True)

    def to_png(self) -> bytes:
        """The signature as a PNG (black ink on white)."""
        image = QImage(self.width(), self.height(), QImage.Format.Format_Grayscale8)
        image.fill(QColor("white"))
        painter = QPainter(image)
        self._paint_strokes(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # PySide6 takes str
        buffer.close()
        return bytes(data.data())

    def _paint_strokes(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("black"), 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        for stroke in self._strokes:
            if len(stroke) < 2:  # noqa: PLR2004 - a line needs two points
                continue
            path = QPainterPath(stroke[0])
            for point in stroke[1:]:
                path.lineTo(point)
            painter.drawPath(path)

    def paintEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#9aa5b1"), 1, Qt.PenStyle.DashLine))
        base = self.height() - 28
        painter.drawLine(16, base, self.width() - 16, base)
        painter.drawText(18, base + 20, self.tr("领取人签名"))
        self._paint_strokes(painter)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self._strokes.append([event.position()])

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.buttons() & Qt.MouseButton.LeftButton and self._strokes:
            self._strokes[-1].append(event.position())
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton and self._strokes:
            if len(self._strokes[-1]) < 2:  # noqa: PLR2004 - a tap is no stroke
                self._strokes.pop()
            else:
                self.changed.emit(True)


_WAYS = (
    DeliveryMethod.WINDOW,
    DeliveryMethod.EMS,
    DeliveryMethod.KIOSK_PRINT,
    DeliveryMethod.LOCKER,
    DeliveryMethod.MOBILE,
)


def _captioned_field(
    name: str, max_length: int
) -> tuple[QWidget, QVBoxLayout, QLabel, QLineEdit]:
    """A hand-over way's form: a caption over its one field (waybill, compartment)."""
    form = QWidget()
    box = QVBoxLayout(form)
    box.setContentsMargins(0, 0, 0, 0)
    caption = styled_label("", role="caption")
    box.addWidget(caption)
    field = QLineEdit()
    field.setObjectName(name)
    field.setMaxLength(max_length)
    box.addWidget(field)
    return form, box, caption, field


class IssuingPage(QWidget):
    """统一出件: the results list on the left, the hand-over on the right.

    Keyboard: ↑/↓ choose a result, Enter confirms the hand-over, Esc backs out
    (clears the signature, then the form), F5 refreshes.

    Signals:
        results_shown(object): the list of :class:`ReadyResult` was rendered.
        delivered(object): a :class:`Delivered` came back.
    """

    results_shown = Signal(object)
    delivered = Signal(object)

    def __init__(  # noqa: PLR0915 - the page's widgets, built once
        self,
        *,
        desk: IssuingDesk,
        runner: TaskRunner,
        counter: CounterDesk,
        messages: MessageBar,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._counter = counter
        self._messages = messages
        self._results: list[ReadyResult] = []
        self._recipients: tuple[str, ...] = ()
        self.last: Delivered | None = None
        self.busy = False

        outer = QHBoxLayout(self)
        self.work = WorkList.add_to(
            outer, name="ReadyResults", chosen=self._chosen, refresh=self.refresh
        )
        self.heading, self.results = self.work.heading, self.work.items
        self.refresh_button = self.work.refresh_button

        frame, right = card()
        self.detail = styled_label("", role="body")
        right.addWidget(self.detail)
        ways = QHBoxLayout()
        self.way_group = QButtonGroup(self)
        self.way_buttons: dict[DeliveryMethod, QRadioButton] = {}
        for index, method in enumerate(_WAYS):
            button = QRadioButton()
            button.setMinimumHeight(40)
            self.way_group.addButton(button, index)
            self.way_buttons[method] = button
            ways.addWidget(button)
        self.way_group.idToggled.connect(self._way_toggled)
        right.addLayout(ways)

        self.forms = QStackedWidget()
        # 窗口领取
        window_form = QWidget()
        wl = QVBoxLayout(window_form)
        wl.setContentsMargins(0, 0, 0, 0)
        self.recipient_hint = styled_label("", role="caption")
        wl.addWidget(self.recipient_hint)
        self.recipient = QLineEdit()
        self.recipient.setObjectName("Recipient")
        wl.addWidget(self.recipient)
        self.pad = SignaturePad()
        self.pad.changed.connect(lambda _signed: self._refresh_actions())
        wl.addWidget(self.pad, 1)
        pad_row = QHBoxLayout()
        self.clear_pad = QPushButton()
        self.clear_pad.clicked.connect(self.pad.clear)
        pad_row.addWidget(self.clear_pad)
        self.signed_on_paper = QRadioButton()
        self.signed_on_pad = QRadioButton()
        self.sign_group = QButtonGroup(self)
        self.sign_group.addButton(self.signed_on_pad)
        self.sign_group.addButton(self.signed_on_paper)
        self.signed_on_pad.setChecked(True)
        self.sign_group.buttonToggled.connect(lambda *_: self._refresh_actions())
        pad_row.addWidget(self.signed_on_pad)
        pad_row.addWidget(self.signed_on_paper)
        pad_row.addStretch(1)
        wl.addLayout(pad_row)
        self.forms.addWidget(window_form)
        # EMS
        ems_form, el, self.waybill_label, self.waybill = _captioned_field("Waybill", 20)
        el.addStretch(1)
        self.forms.addWidget(ems_form)
        # 自助打印 / 智能文件柜
        self_form, sl, self.compartment_label, self.compartment = _captioned_field(
            "Compartment", 16
        )
        self.code_view = styled_label("", role="title")
        self.code_view.setObjectName("PickupCode")
        self.code_view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        code_font = self.code_view.font()
        code_font.setPointSize(max(code_font.pointSize(), 10) * 2)
        code_font.setBold(True)
        self.code_view.setFont(code_font)
        sl.addWidget(self.code_view)
        self.self_note = styled_label("", role="caption")
        sl.addWidget(self.self_note)
        sl.addStretch(1)
        self.forms.addWidget(self_form)
        # 手机端
        mobile_form = QWidget()
        ml = QVBoxLayout(mobile_form)
        ml.setContentsMargins(0, 0, 0, 0)
        self.mobile_note = styled_label("", role="caption")
        ml.addWidget(self.mobile_note)
        ml.addStretch(1)
        self.forms.addWidget(mobile_form)
        right.addWidget(self.forms, 1)

        self.outcome = styled_label("", role="body")
        self.outcome.setObjectName("IssuingOutcome")
        self.outcome.setMinimumHeight(48)
        right.addWidget(self.outcome)
        self.confirm = QPushButton()
        self.confirm.setProperty("role", "primary")
        self.confirm.setMinimumHeight(52)
        self.confirm.clicked.connect(self.confirm_selected)
        right.addWidget(self.confirm)
        outer.addWidget(frame, 3)

        for line in (self.recipient, self.waybill, self.compartment):
            line.returnPressed.connect(self.confirm_selected)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh)
        self._retranslate()
        self._show_selected(None)

    # -- state --------------------------------------------------------------------------

    def selected(self) -> ReadyResult | None:
        return self.work.selected(self._results)

    def method(self) -> DeliveryMethod | None:
        index = self.way_group.checkedId()
        return _WAYS[index] if index >= 0 else None

    def choose(self, method: DeliveryMethod) -> None:
        """Pick the hand-over way (as clicking its button does)."""
        button = self.way_buttons[method]
        if button.isEnabled():
            button.setChecked(True)

    # -- loading ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the results waiting at this hall (after applying pulled status)."""
        self.heading.setText(self.tr("待出件结果（正在刷新…）"))
        self._runner.run_catalog(
            self._desk.ready,
            on_done=self._show_results,
            on_error=self._failed,
            key=f"issuing-ready-{id(self)}",
            owner=self,
        )

    def _show_results(self, results: list[ReadyResult]) -> None:
        previous = self.selected()
        self._results = results
        self.results.blockSignals(True)
        self.results.clear()
        for r in results:
            chosen = _method_name(r.chosen) if r.chosen else "—"
            text = arg(self.tr("%1  %2\n%3 · 申请人 %4 · 选择：%5"), r.shown_number, r.item_name,
                       r.result_name, r.applicant, chosen)
            if not r.held:
                text += self.tr(" · 他处受理")
            self.results.addItem(QListWidgetItem(text))
        self.results.blockSignals(False)
        self.heading.setText(arg(self.tr("待出件结果（%1 件）"), len(results)))
        row = next((i for i, r in enumerate(results)
                    if previous is not None and r.number == previous.number), 0)
        if results:
            self.results.setCurrentRow(row)
            self._chosen(row)
        else:
            self._show_selected(None)
        self.results_shown.emit(results)

    def _chosen(self, row: int) -> None:
        result = self._results[row] if 0 <= row < len(self._results) else None
        self._show_selected(result)
        if result is None:
            return
        number = result.number
        self._runner.run_catalog(
            lambda: self._desk.recipients(number),
            on_done=self._show_recipients,
            on_error=self._failed,
            key=f"issuing-recipients-{id(self)}",
            owner=self,
        )

    def _show_recipients(self, names: tuple[str, ...]) -> None:
        self._recipients = names
        if names and not self.recipient.text().strip():
            self.recipient.setText(names[0])
        result = self.selected()
        if not names and result is not None and not result.held:
            # accepted at a kiosk or another window: only the masked name is known here
            self.recipient_hint.setText(arg(
                self.tr("他处受理的办件，本机只知道申请人 %1：请核对领取人身份证件后填写姓名"),
                result.applicant))
            return
        self.recipient_hint.setText(
            arg(self.tr("领取人（申请人或代理人）：%1"), join_list(mask_name(n) for n in names))
        )

    def _show_selected(self, result: ReadyResult | None) -> None:
        self.recipient.clear()
        self.waybill.clear()
        self.compartment.clear()
        self.code_view.clear()
        self.pad.clear()
        self.outcome.clear()
        self._recipients = ()
        if result is None:
            self.detail.setText(
                self.tr("没有待出件的结果。新结果由平台同步后会出现在这里（F5 刷新）。")
            )
            for button in self.way_buttons.values():
                button.setEnabled(False)
            self._refresh_actions()
            return
        lines = [
            arg(self.tr("办件编号：%1"), result.shown_number),
            arg(self.tr("事项：%1"), result.item_name),
            arg(self.tr("结果：%1"), result.result_name),
            arg(self.tr("申请人：%1"), result.applicant),
        ]
        if result.agent:
            lines.append(arg(self.tr("代理人：%1"), result.agent))
        if result.chosen is not None:
            lines.append(arg(self.tr("申请时选择的出件方式：%1"), _method_name(result.chosen)))
        self.detail.setText("\n".join(lines))
        for method, button in self.way_buttons.items():
            button.setEnabled(method in result.methods)
        preferred = result.chosen if result.chosen in result.methods else result.methods[0]
        if preferred is not None:
            self.way_buttons[preferred].setChecked(True)
        self._way_toggled(self.way_group.checkedId(), True)

    def _way_toggled(self, index: int, checked: bool) -> None:
        if not checked or index < 0:
            return
        method = _WAYS[index]
        page = {
            DeliveryMethod.WINDOW: 0,
            DeliveryMethod.EMS: 1,
            DeliveryMethod.KIOSK_PRINT: 2,
            DeliveryMethod.LOCKER: 2,
            DeliveryMethod.MOBILE: 3,
        }[method]
        self.forms.setCurrentIndex(page)
        locker = method is DeliveryMethod.LOCKER
        self.compartment.setVisible(locker)
        self.compartment_label.setVisible(locker)
        self.code_view.clear()
        self._refresh_actions()
        focus = {0: self.recipient, 1: self.waybill, 2: self.compartment if locker else
                 self.confirm, 3: self.confirm}[page]
        focus.setFocus()

    def _refresh_actions(self) -> None:
        method = self.method()
        result = self.selected()
        self.confirm.setEnabled(result is not None and method is not None and not self.busy)
        pad = self._desk.can_keep_signatures
        self.signed_on_pad.setEnabled(pad)
        if not pad and self.signed_on_pad.isChecked():
            self.signed_on_paper.setChecked(True)
        self.pad.setEnabled(pad and self.signed_on_pad.isChecked())
        self._retranslate_confirm()

    # -- handing out ------------------------------------------------------------------------

    def confirm_selected(self) -> None:
        """Enter: hand the selected result out the chosen way."""
        result = self.selected()
        method = self.method()
        if result is None or method is None or self.busy:
            return
        session = self._counter.require_session()
        number = result.number
        if method in (DeliveryMethod.KIOSK_PRINT, DeliveryMethod.LOCKER):
            compartment = self.compartment.text()
            self._start()
            self._runner.run(
                lambda: self._desk.issue_pickup(number, session=session, method=method,
                                                compartment=compartment),
                on_done=lambda issued: self._record_pickup(number, session, issued),
                on_error=self._failed,
                owner=self,
            )
            return
        signature: Signature | None = None
        recipient = ""
        if method is DeliveryMethod.WINDOW:
            recipient = self.recipient.text().strip()
            if not recipient:
                self._messages.info(self.tr("请填写领取人姓名（申请人或代理人）"))
                self.recipient.setFocus()
                return
            if self.signed_on_paper.isChecked():
                signature = Signature()
            elif self.pad.is_empty:
                self._messages.info(self.tr("请领取人在签名板上签字，或选择“已在纸质签收单签字”"))
                self.pad.setFocus()
                return
            else:
                signature = Signature(png=self.pad.to_png())
        reference = self.waybill.text() if method is DeliveryMethod.EMS else ""
        self._start()
        self._runner.run_catalog(
            lambda: self._desk.deliver(number, session=session, method=method,
                                       reference=reference, recipient=recipient,
                                       signature=signature),
            on_done=self._done,
            on_error=self._failed,
            owner=self,
        )

    def _record_pickup(self, number: str, session: ClerkSession, issued: PickupIssued) -> None:
        # The code exists only in this answer: show it before anything else can fail.
        self.code_view.setText(arg(self.tr("取件码 %1"), issued.code))
        self._runner.run_catalog(
            lambda: self._desk.record_pickup(number, session=session, issued=issued),
            on_done=self._done,
            on_error=self._failed,
            owner=self,
        )

    def _start(self) -> None:
        self.busy = True
        self.outcome.setText(self.tr("正在办理…"))
        self._refresh_actions()

    def _done(self, done: Delivered) -> None:
        self.busy = False
        self.last = done
        if done.issued is not None:
            where = (arg(self.tr("智能文件柜 %1 号柜格"), done.issued.compartment)
                     if done.method is DeliveryMethod.LOCKER
                     else self.tr("24小时自助终端"))
            text = arg(
                self.tr("%1 已转%2自助取件。取件码只显示这一次，请告知申请人；"
                        "短信通知已记录为“待发送短信”（本机未接入短信平台）。取件通知已送打印。"),
                done.number, where)
            if done.issued.reissued:
                text += self.tr("原取件码已作废。")
        elif done.method is DeliveryMethod.MOBILE:
            text = arg(self.tr("%1 已推送手机端电子证照，已登记出件。"), done.number)
        elif done.method is DeliveryMethod.EMS:
            text = arg(self.tr("%1 已登记EMS邮寄，运单号 %2，邮寄单已送打印。"), done.number,
                       done.reference)
        else:
            text = arg(self.tr("%1 已窗口出件，出件签收单已送打印。"), done.number)
        self.outcome.setText(text)
        self._messages.success(text, seconds=0)
        self.delivered.emit(done)
        if done.issued is None:
            self.refresh()
        else:
            self._refresh_actions()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        if not isinstance(error, UserFacingError):
            log.error("issuing step failed", exc_info=(type(error), error, error.__traceback__))
        text = user_text(error)
        self.outcome.setText(text)
        self._messages.error(text)
        self._refresh_actions()
        if self.method() is DeliveryMethod.EMS:
            self.waybill.setFocus()
            self.waybill.selectAll()

    def keyPressEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()  # type: ignore[attr-defined]
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.confirm_selected()
            return
        if key == Qt.Key.Key_Escape:
            if not self.pad.is_empty:
                self.pad.clear()
            else:
                self._show_selected(self.selected())
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]

    # -- language -----------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.refresh_button.setText(self.tr("刷新 (F5)"))
        for method, button in self.way_buttons.items():
            button.setText(_method_name(method))
        self.clear_pad.setText(self.tr("重签 (Esc)"))
        self.signed_on_pad.setText(self.tr("在签名板签字"))
        self.signed_on_paper.setText(self.tr("已在纸质签收单签字"))
        self.recipient.setPlaceholderText(self.tr("领取人姓名"))
        self.waybill_label.setText(self.tr("EMS运单号（13位数字，或如 EA123456785CN 的国际格式）"))
        self.waybill.setPlaceholderText(self.tr("扫描或输入运单号"))
        self.compartment_label.setText(self.tr("智能文件柜柜格号"))
        self.self_note.setText(self.tr(
            "确认后前置机签发6位取件码，申请人凭取件码和身份证号后4位在自助终端或文件柜取件。"
            "本机未接入短信平台：短信通知记录为“待发送短信”。"))
        self.mobile_note.setText(self.tr("电子证照推送到申请人的“爱山东”手机端，确认后登记出件。"))
        if not self._results:
            self.heading.setText(self.tr("待出件结果"))
        self._retranslate_confirm()

    def _retranslate_confirm(self) -> None:
        method = self.method()
        if method in (DeliveryMethod.KIOSK_PRINT, DeliveryMethod.LOCKER):
            self.confirm.setText(self.tr("签发取件码并打印通知 (Enter)"))
        elif method is DeliveryMethod.MOBILE:
            self.confirm.setText(self.tr("登记推送并出件 (Enter)"))
        else:
            self.confirm.setText(self.tr("确认出件并打印签收单 (Enter)"))


def _method_name(method: DeliveryMethod) -> str:
    return QCoreApplication.translate("Issuing", METHOD_NAMES[method])


def _issuing_page(context: PageContext) -> QWidget:
    services = context.services
    page = IssuingPage(
        desk=IssuingDesk(services=services, signatures=services.blobs),
        runner=context.runner,
        counter=context.desk,
        messages=context.messages,
    )
    page.refresh()
    return page


PAGE = PageSpec(
    key="issuing",
    title=QT_TRANSLATE_NOOP("WindowPages", "统一出件"),
    icon="pickup",
    factory=_issuing_page,
    roles=frozenset({Role.ISSUER, Role.CHIEF}),
    shortcut="Ctrl+6",
)
