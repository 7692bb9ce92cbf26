"""自助取件: identify, then print the result or open the locker, then the 取件凭条.

Identify by 居民码 (resolved online; must be the applicant) or by the SMS pickup code
plus the last 4 characters of the ID number (checked offline against the salted
hashes of the ``pickups`` stream). The result is *claimed* in the journal before it is
printed or the compartment opens, and *confirmed* (``pickup.collected`` to the
outbox) only when it came out, so it cannot be picked up twice, even offline. A device
failure releases the claim, says what to do, and tells staff; the citizen can come
back for it.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, replace

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from core.errors import DeviceUnavailable, Offline, UserFacingError, msg
from core.holders import Citizen
from core.pickup import PickupFlow, PickupOffer
from core.scan import ScanEvent
from devices.health import Health
from devices.health import Role as HealthRole
from devices.lockers.board import LockerUnavailable
from documents.from_case import issuer_for, pickup_slip
from documents.layout import PaperSize
from documents.papers import ResultStamp
from kiosk.citizen_parts import OutcomeCard, action_button, message_of, outcome_page
from kiosk.services import KioskServices, holder_from_resolved
from sync.print_queue import JobState
from widgets.i18n import arg, is_language_change
from widgets.keyboard import OnScreenKeyboard
from widgets.layout import MessageLine, clear_layout, heading, styled_label
from widgets.task_runner import TaskRunner

log = logging.getLogger(__name__)

ACTOR = "kiosk-pickup"


@dataclass(frozen=True, slots=True)
class Collected:
    """A pickup that came out."""

    case_number: str
    method: str
    compartment: str


@dataclass(frozen=True, slots=True)
class _Outcome:
    """What the result card shows: the result chosen, how it comes out, how far it got.

    ``state`` is ``"dispensing"``, ``"collected"`` or ``"failed"``.
    """

    offer: PickupOffer
    method: str
    state: str


class DispenseFailed(UserFacingError):
    """The device failed before the result came out; the claim was released."""


class PickupScreen(QWidget):
    """The 24-hour pickup.

    Args:
        services: the kiosk's citizen services.
        runner: identification, printing and the locker run off the GUI thread.
        terminal_id: printed on the slip and the result's stamp.
        parent: the Qt parent.

    Signals:
        collected(Collected): a result came out and its slip was queued.
        finished(): the citizen tapped 完成 (or 返回首页 after a failure).
    """

    collected = Signal(object)
    finished = Signal()

    def __init__(
        self, *, services: KioskServices, runner: TaskRunner, terminal_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self._terminal = terminal_id
        self._flow: PickupFlow | None = None
        self._busy = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 24)
        layout.setSpacing(12)
        self._title = heading(name="PickupTitle")
        self.prompt = styled_label("", role="subtitle")
        self.prompt.setObjectName("PickupPrompt")
        layout.addWidget(self._title)
        layout.addWidget(self.prompt)
        self.message = MessageLine(name="PickupMessage")
        layout.addWidget(self.message)
        self._choices = QVBoxLayout()
        layout.addLayout(self._choices)
        # the result: which result, how it comes out, what next, 完成 (shown from the
        # moment it is being dispensed; the entry gives way to it)
        self.outcome = OutcomeCard(name="PickupOutcome")
        self.finish_button = action_button(name="PickupFinish")
        self.finish_button.clicked.connect(self.finished)
        self.result_page = outcome_page(self.outcome, self.finish_button)
        self.result_page.hide()
        layout.addWidget(self.result_page, 1)
        self.entry = QWidget()
        entry = QVBoxLayout(self.entry)
        entry.setContentsMargins(0, 0, 0, 0)
        entry.addStretch(1)  # the fields and keyboard at the bottom, under the thumb
        fields = QHBoxLayout()
        self.code = QLineEdit()
        self.code.setObjectName("PickupCode")
        self.tail = QLineEdit()
        self.tail.setObjectName("PickupIdTail")
        self.tail.setMaxLength(4)
        self.ok = action_button(name="PickupOk")
        self.ok.clicked.connect(self.take_pickup_code)
        fields.addWidget(self.code, 2)
        fields.addWidget(self.tail, 1)
        fields.addWidget(self.ok)
        entry.addLayout(fields)
        self.keyboard = OnScreenKeyboard()
        self.keyboard.attach(self.code)
        self.keyboard.attach(self.tail)
        entry.addWidget(self.keyboard)
        layout.addWidget(self.entry, 1)
        layout.addStretch(0)  # the choice list stays at the top
        self._outcome: _Outcome | None = None
        self._retranslate()

    # -- the session ---------------------------------------------------------------------

    def reset(self) -> None:
        """Start afresh (entering from home): the waiting results as synced now."""
        self.forget_personal_data()

    def holds_personal_data(self) -> bool:
        return self._flow is not None and self._flow.verified_by is not None

    def forget_personal_data(self) -> None:
        self._flow = None
        self._busy = False
        self.code.setText("")
        self.tail.setText("")
        clear_layout(self._choices)
        self.message.clear_message()
        self._show_outcome(None)
        self.entry.show()
        self._update_prompt()

    def _new_flow(self) -> PickupFlow:
        services = self._services
        return PickupFlow(offers=services.pickups.offers(), clock=services.clock,
                          failures=services.code_attempts,
                          collected=services.pickups.collected())

    # -- identification ------------------------------------------------------------------

    def handle_scan(self, event: ScanEvent) -> None:
        """A 居民码 scanned on this screen."""
        if self._busy:
            return
        self._busy = True
        services = self._services
        text = event.text

        def work() -> tuple[PickupFlow, tuple[PickupOffer, ...]]:
            flow = self._new_flow()
            try:
                resolved = services.codes.resolve(text, purpose="pickup")
            except Offline:
                # Offline the code can be verified, but pickups carry no holder
                # reference to match it with: the SMS code works offline instead.
                services.codes.verify_offline(text)
                raise UserFacingError(
                    msg("网络中断，暂时无法用居民码核对领取人，请输入短信取件码和身份证号码后4位"),
                    code="pickup.offline_resident",
                ) from None
            holder = holder_from_resolved(resolved)
            if not isinstance(holder, Citizen):
                raise UserFacingError(msg("请使用领取人本人的居民码"), code="pickup.not_citizen")
            return flow, flow.identify_by_resident(holder)

        self._runner.run(work, on_done=self._on_identified, on_error=self._on_error,
                         key="kiosk-pickup", owner=self)

    def take_pickup_code(self) -> None:
        """确定 under the pickup code and ID tail."""
        if self._busy:
            return
        code, tail = self.code.text(), self.tail.text()

        def work() -> tuple[PickupFlow, tuple[PickupOffer, ...]]:
            flow = self._new_flow()
            return flow, (flow.identify_by_code(code, tail),)

        self._busy = True
        self._runner.run_catalog(work, on_done=self._on_identified, on_error=self._on_error,
                                 key="kiosk-pickup", owner=self)

    def _on_identified(self, result: tuple[PickupFlow, tuple[PickupOffer, ...]]) -> None:
        self._busy = False
        self._flow, found = result
        self.code.setText("")
        self.tail.setText("")
        self.message.clear_message()
        self.entry.hide()
        clear_layout(self._choices)
        if len(found) == 1:
            self.dispense()
            return
        for offer in found:
            button = QPushButton(arg(self.tr("%1 —— %2"), offer.item_name, offer.result_name))
            button.setObjectName(f"pickup-{offer.pickup_id}")
            button.setProperty("role", "row")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, o=offer: self._choose(o))
            self._choices.addWidget(button)
        self._update_prompt()

    def _choose(self, offer: PickupOffer) -> None:
        if self._flow is not None:
            self._flow.choose(offer.pickup_id)
            clear_layout(self._choices)
            self.dispense()

    def _on_error(self, error: BaseException) -> None:
        self._busy = False
        self.message.error(message_of(error))
        if self._outcome is not None:  # it failed while coming out: nothing came out
            self._show_outcome(replace(self._outcome, state="failed"))
            self._update_prompt()

    # -- dispensing ----------------------------------------------------------------------

    def dispense(self) -> None:
        """Print the result or open its compartment, then the slip."""
        flow = self._flow
        if flow is None or flow.chosen is None or self._busy:
            return
        self._busy = True
        offer = flow.chosen
        method = flow.method
        verified = flow.verified_by
        assert verified is not None
        self._show_outcome(_Outcome(offer, method, "dispensing"))
        self._update_prompt()

        def work() -> Collected:
            if method == "print":
                return self._print_result(offer, verified)
            return self._open_locker(offer, verified)

        self._runner.run(work, on_done=self._on_collected, on_error=self._on_error,
                         key="kiosk-pickup", owner=self)

    def _print_result(self, offer: PickupOffer, verified: str) -> Collected:
        """Worker thread: fetch, claim, stamp, print and wait for it to come out."""
        services = self._services
        document = services.results.fetch(offer)  # before the claim: nothing to undo
        services.pickups.claim(offer, method="print", verified_by=verified,  # type: ignore[arg-type]
                               actor=ACTOR)
        try:
            stamp = ResultStamp(
                issuer=issuer_for(services.hall, department=services.hall.name,
                                  terminal_id=self._terminal),
                case_number=offer.case_number, result_name=offer.result_name,
                printed_at=services.clock.now(),
            )
            rendered = services.papers.print_result_document(document, stamp=stamp)
            job = services.print_queue.submit(
                rendered.pdf, paper="result_document", title=f"结果文书 {offer.case_number}",
                printer=services.a4_printer, case_ref=offer.case_number,
            )
            state = _wait_for_job(services, job)
            if state is not JobState.DONE:
                # nobody should print an unclaimed result later: cancel, keep the record
                services.print_queue.cancel(job)
                raise DispenseFailed(
                    msg("打印机故障，结果文书未能打出，已通知工作人员。请稍后重新领取，或到出件窗口领取"),
                    code="pickup.print_failed",
                )
        except BaseException:
            services.pickups.release(offer.pickup_id, actor=ACTOR, reason="打印失败")
            raise
        return self._finish(offer, "print", "")

    def _open_locker(self, offer: PickupOffer, verified: str) -> Collected:
        """Worker thread: claim, open the compartment, wait for the door to close."""
        services = self._services
        locker = services.locker
        compartment = offer.compartment
        if locker is None or not compartment.isdigit():
            raise UserFacingError(
                msg("智能文件柜暂不可用，请到出件窗口领取"), code="pickup.no_locker")
        services.pickups.claim(offer, method="locker", verified_by=verified,  # type: ignore[arg-type]
                               actor=ACTOR)
        try:
            locker.open(int(compartment))
        except DeviceUnavailable as exc:
            services.pickups.release(offer.pickup_id, actor=ACTOR, reason="柜门未能打开")
            services.health.report("locker", HealthRole.LOCKER, Health.DEGRADED,
                                   staff_message=exc.reason,
                                   citizen_message="智能文件柜部分格口故障")
            raise DispenseFailed(
                msg("柜门未能打开，已通知工作人员，请到出件窗口领取或稍后再试"),
                code="pickup.locker_failed",
            ) from exc
        # The door opened: the result is out. Closing the door is the citizen's part.
        try:
            closed = locker.wait_closed(int(compartment), services.locker_close_timeout)
        except LockerUnavailable:
            closed = False
        if not closed:
            services.health.report("locker", HealthRole.LOCKER, Health.DEGRADED,
                                   staff_message=msg("{compartment}号格口柜门未关闭",
                                                     compartment=compartment),
                                   citizen_message="")
        return self._finish(offer, "locker", compartment)

    def _finish(self, offer: PickupOffer, method: str, compartment: str) -> Collected:
        services = self._services
        services.pickups.confirm(offer.pickup_id, actor=ACTOR)
        slip = pickup_slip(offer, hall=services.hall, terminal_id=self._terminal,
                           at=services.clock.now(), compartment=compartment)
        rendered = services.papers.pickup(slip, size=PaperSize.RECEIPT_80MM)
        services.print_queue.submit(rendered.pdf, paper="pickup_slip",
                                    title=f"取件凭条 {offer.case_number}",
                                    printer=services.receipt_printer,
                                    case_ref=offer.case_number)
        services.sync_now()
        return Collected(offer.case_number, method, compartment)

    def _on_collected(self, result: Collected) -> None:
        self._busy = False
        if self._flow is not None:
            self._flow.collected()
        self.message.clear_message()
        if self._outcome is not None:
            self._show_outcome(replace(self._outcome, state="collected"))
        self._update_prompt()
        log.info("pickup of %s done (%s)", result.case_number, result.method)
        self.collected.emit(result)

    # -- text ----------------------------------------------------------------------------

    def _update_prompt(self) -> None:
        flow, outcome = self._flow, self._outcome
        if outcome is not None and outcome.state == "collected":
            if outcome.method == "locker":
                self.prompt.setText(arg(self.tr(
                    "请到 %1 号格口取走文件并关好柜门；取件凭条正在打印"),
                    outcome.offer.compartment))
            else:
                self.prompt.setText(self.tr("结果文书已打印，请取走文件和取件凭条"))
        elif outcome is not None and outcome.state == "failed":
            self.prompt.setText(self.tr("未能出件，您的办理结果仍在等待领取"))
        elif flow is None:
            self.prompt.setText(self.tr("请扫描居民码，或输入短信取件码和身份证号码后4位"))
        elif flow.step.value == "choose":
            self.prompt.setText(self.tr("您有多件办理结果待领取，请选择要领取的结果"))
        elif flow.step.value == "dispense":
            if flow.method == "print":
                self.prompt.setText(self.tr("正在出件，请稍候…"))
            elif flow.chosen is not None and flow.chosen.compartment:
                # which door: the citizen stands before a wall of compartments
                self.prompt.setText(arg(self.tr(
                    "%1 号格口即将打开，请取走文件后关好柜门"), flow.chosen.compartment))
            else:
                self.prompt.setText(self.tr("柜门即将打开，请取走文件后关好柜门"))

    def _show_outcome(self, outcome: _Outcome | None) -> None:
        """The result card for ``outcome`` (``None`` hides it and shows the entry)."""
        self._outcome = outcome
        self.result_page.setVisible(outcome is not None)
        if outcome is None:
            self.outcome.clear()
            return
        self.entry.hide()
        offer, state = outcome.offer, outcome.state
        locker = outcome.method == "locker"
        if locker:
            how = arg(self.tr("智能文件柜 %1 号格口"), offer.compartment)
        else:
            how = self.tr("本机打印")
        self.outcome.set_tone({"dispensing": "wait", "collected": "good"}.get(state, "bad"))
        # the door to open, as large as a ticket number: the citizen faces a wall of them
        self.outcome.set_big(arg(self.tr("%1 号格口"), offer.compartment)
                             if locker and state != "failed" else "")
        self.outcome.set_facts([
            (self.tr("办理结果"), offer.result_name),
            (self.tr("事项"), offer.item_name),
            (self.tr("办件编号"), offer.case_number),
            (self.tr("领取人"), offer.applicant),
            # a compartment is already named large above the facts
            (self.tr("领取方式"), "" if locker and state != "failed" else how),
        ])
        if state == "collected":
            steps = [self.tr("请核对结果文书上的姓名和内容，如有疑问请拨打 12345 或到出件窗口咨询"),
                     self.tr("取件凭条是您已领取的凭证，请妥善保管；同一结果不能重复领取")]
            if locker:
                steps.insert(0, self.tr("取走文件后请关好柜门"))
            self.outcome.set_steps(self.tr("接下来"), steps)
        elif state == "dispensing" and locker:
            # the citizen walks off to a wall of doors: the way there, said once more
            self.outcome.set_steps(self.tr("请按以下步骤取件"), [
                arg(self.tr("到 %1 号格口取走文件"), offer.compartment),
                self.tr("取走文件后请关好柜门"),
                self.tr("关门后取件凭条自动打印，请一并取走"),
            ])
        else:
            self.outcome.set_steps("", ())
        # no way out while the printer or the door is working: the result is claimed
        self.finish_button.setVisible(state != "dispensing")
        self.finish_button.setText(
            self.tr("完成") if state == "collected" else self.tr("返回首页"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._title.setText(self.tr("自助取件"))
        self.code.setPlaceholderText(self.tr("短信取件码"))
        self.tail.setPlaceholderText(self.tr("身份证后4位"))
        self.ok.setText(self.tr("确定"))
        self._show_outcome(self._outcome)
        self._update_prompt()


def _wait_for_job(services: KioskServices, job_id: str, timeout: float = 120.0) -> JobState:
    """Worker thread: wait until the print job is done or failed (or gave up)."""
    finished = threading.Event()
    final = {JobState.DONE, JobState.FAILED, JobState.CANCELLED}

    def heard(job: object) -> None:
        if getattr(job, "id", None) == job_id and getattr(job, "state", None) in final:
            finished.set()

    unsubscribe = services.print_queue.subscribe(heard)
    try:
        if services.print_queue.get(job_id).state not in final:
            finished.wait(timeout)
    finally:
        unsubscribe()
    return services.print_queue.get(job_id).state
