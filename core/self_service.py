"""Self-service application at a kiosk (自助申报), on top of :class:`AcceptanceFlow`.

The kiosk's actor is the applicant (``Role.APPLICANT``, channel kiosk): it may open a
case and hand it in (收件), never accept it — the back office does that (the gateway's
upstream 预审). Only items flagged ``kiosk_enabled`` are offered, and the identity
always comes from a resolved 居民码/企业码, so every material whose e-licence the holder
has is satisfied without paper (免提交). Materials the kiosk cannot take (there is no
document camera here) are listed as "请到窗口提交" and recorded as missing, so the
back office's one-time notice (一次性告知) can name them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from core.acceptance import AcceptanceFlow
from core.calendar import WorkingCalendar
from core.case import (
    Actor,
    Applicant,
    Case,
    CaseEvent,
    CheckStatus,
    MarkKind,
    MaterialMark,
    Role,
)
from core.case import Channel as CaseChannel
from core.catalog import DeliveryMethod, Material, ServiceItem
from core.clock import Clock
from core.errors import ValidationFailed, msg
from core.holders import Citizen, Enterprise

log = logging.getLogger(__name__)

AT_WINDOW_REASON = msg("自助终端无法收取纸质材料，请到窗口提交")

KIOSK_DELIVERY = (DeliveryMethod.KIOSK_PRINT, DeliveryMethod.LOCKER, DeliveryMethod.EMS,
                  DeliveryMethod.MOBILE, DeliveryMethod.WINDOW)
"""The order a kiosk proposes delivery methods in: what the citizen can do here first."""


def kiosk_actor(*, session_id: str, terminal_id: str, hall_id: str) -> Actor:
    """The applicant at this kiosk, named by the session (never by a person's number)."""
    return Actor(id=session_id, role=Role.APPLICANT, channel=CaseChannel.KIOSK,
                 terminal_id=terminal_id, hall_id=hall_id)


@dataclass(frozen=True, slots=True)
class MaterialLine:
    """One material as the kiosk shows it.

    Attributes:
        material: the catalog material.
        by_elicence: satisfied by the holder's e-licence (免提交).
        licence_name: the e-licence's name when it is.
        at_window: must be handed in at a window (required, no e-licence).
    """

    material: Material
    by_elicence: bool
    licence_name: str
    at_window: bool


class SelfServiceApplication:
    """One application a citizen makes alone at a kiosk.

    Args:
        actor: :func:`kiosk_actor`.
        clock: the hall clock.
        calendar: the working-day calendar.
    """

    def __init__(self, *, actor: Actor, clock: Clock, calendar: WorkingCalendar) -> None:
        if actor.role is not Role.APPLICANT or actor.channel is not CaseChannel.KIOSK:
            raise ValueError("a kiosk application is made by the applicant at a kiosk")
        self._actor = actor
        self._clock = clock
        self._calendar = calendar
        self._flow = AcceptanceFlow(actor=actor, clock=clock, calendar=calendar)
        self._holder: Citizen | Enterprise | None = None

    @property
    def flow(self) -> AcceptanceFlow:
        return self._flow

    @property
    def item(self) -> ServiceItem | None:
        return self._flow.item

    @property
    def applicant(self) -> Applicant | None:
        return self._flow.applicant

    def start(self, item: ServiceItem, holder: Citizen | Enterprise) -> None:
        """Choose the item and take the identity from the resolved code.

        Raises:
            ValidationFailed: the item is not offered at kiosks, not in this hall, or
                not for this kind of applicant.
        """
        if not item.kiosk_enabled:
            raise ValidationFailed(
                msg("该事项暂不支持自助终端申请，请到窗口办理"), code="case.not_kiosk"
            )
        self._flow.choose_item(item)
        self._flow.use_identity(holder)
        self._holder = holder
        offered = [d for d in KIOSK_DELIVERY if d in item.delivery]
        self._flow.choose_delivery(offered[0])

    def choose_situation(self, situation_id: str) -> None:
        self._flow.choose_situation(situation_id)

    def set_contact(self, *, phone: str, address: str) -> None:
        """The phone and address the citizen confirmed or corrected (pre-filled).

        Raises:
            ValidationFailed: not a phone number (the message says what is expected).
        """
        current = self._need_applicant()
        self._flow.set_applicant(
            Applicant(
                kind=current.kind,
                name=current.name,
                id_number=current.id_number,
                phone=phone,
                contact_name=current.contact_name,
                address=address.strip(),
            )
        )

    def choose_delivery(self, method: DeliveryMethod) -> None:
        self._flow.choose_delivery(method)

    def lines(self) -> tuple[MaterialLine, ...]:
        """Every material of the chosen 情形: 免提交 by e-licence, or at the window."""
        lines = []
        holder = self._holder
        for check in self._flow.checklist():
            mark = check.mark
            by_licence = mark is not None and mark.kind is MarkKind.ELICENCE
            name = ""
            if by_licence and holder is not None and mark is not None:
                name = next((lic.name for lic in holder.licences
                             if lic.identifier == mark.licence_id), check.material.name)
            lines.append(MaterialLine(
                material=check.material,
                by_elicence=by_licence,
                licence_name=name,
                at_window=not by_licence and check.material.required,
            ))
        return tuple(lines)

    def submit(self, number: str) -> tuple[Case, CaseEvent]:
        """Open the case under ``number`` and hand it in (收件); for ``CaseRepository.create``.

        Raises:
            ValidationFailed: no 情形 or applicant yet, or a rule of :mod:`core.case`.
        """
        flow = self._flow
        item = flow.item
        situation = flow.situation
        applicant = flow.applicant
        if item is None or situation is None or applicant is None:
            raise ValidationFailed(msg("请先选择事项和办理情形"), code="acceptance.incomplete")
        case = Case.open(
            number=number, item=item, situation_id=situation.id, applicant=applicant,
            actor=self._actor, clock=self._clock, calendar=self._calendar,
        )
        marks = [c.mark for c in flow.checklist() if c.mark is not None]
        case.mark_all(marks)
        for check in case.checklist():
            if check.status is CheckStatus.UNCHECKED and check.material.required:
                case.mark(MaterialMark(material_id=check.material.id,
                                       kind=MarkKind.MISSING, reason=AT_WINDOW_REASON))
        event = case.receive(self._actor)
        log.info("kiosk application %s handed in", number)
        return case, event

    def _need_applicant(self) -> Applicant:
        applicant = self._flow.applicant
        if applicant is None:
            raise ValidationFailed(msg("请先扫描居民码/企业码"), code="acceptance.no_applicant")
        return applicant
