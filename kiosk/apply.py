"""自助申报: a guided application at the kiosk, handed in with a printed 受理凭证.

Three pages: the form (情形, materials — 免提交 by e-licence or "请到窗口提交", the
pre-filled phone and address, how to receive the result), the review, and the result.
Submitting saves the case under a provisional number with its ``case.submitted``
outbox event in one transaction (``CaseRepository.create``), prints the 80 mm 受理凭证
with its QR code through the durable print queue, and asks the sync engine to push.
Offline it works the same and says so; the receipt says the number is provisional.
The document camera is not part of this terminal: materials without an e-licence are
handed in at a window, and the screen says so instead of pretending to scan them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.case import Case, CaseEvent
from core.catalog import DeliveryMethod, ServiceItem
from core.masking import mask_name
from core.pinyin_ime import InputPurpose
from core.self_service import KIOSK_DELIVERY, SelfServiceApplication, kiosk_actor
from documents.from_case import applicant_party, issuer_for
from documents.layout import PaperSize
from documents.papers import AcceptancePaper, MaterialChannel, ReceivedMaterial
from kiosk.citizen_parts import (
    JobWatcher,
    OutcomeCard,
    action_button,
    message_of,
    outcome_page,
)
from kiosk.help import FittedColumns
from kiosk.scan_service import ItemChosen
from kiosk.services import KioskServices
from sync.print_queue import JobState, PrintJob
from widgets.i18n import arg, is_language_change
from widgets.keyboard import OnScreenKeyboard
from widgets.labels import label
from widgets.layout import MessageLine, clear_layout, heading, styled_label
from widgets.task_runner import TaskRunner

log = logging.getLogger(__name__)

_HINTS = {
    DeliveryMethod.KIOSK_PRINT: QT_TRANSLATE_NOOP(
        "ApplyScreen", "办结后凭短信取件码到24小时自助终端打印"),
    DeliveryMethod.LOCKER: QT_TRANSLATE_NOOP("ApplyScreen", "办结后凭短信取件码到智能文件柜自取"),
    DeliveryMethod.EMS: QT_TRANSLATE_NOOP("ApplyScreen", "办结后通过EMS免费寄递"),
    DeliveryMethod.MOBILE: QT_TRANSLATE_NOOP("ApplyScreen", "办结后电子证照推送至“爱山东”APP"),
    DeliveryMethod.WINDOW: QT_TRANSLATE_NOOP("ApplyScreen", "办结后凭本凭证到统一出件窗口领取"),
}
"""How the result reaches the applicant: printed on the receipt (Chinese) and shown on
the receipt page (translated)."""


_INLINE_CAPTIONS_WIDTH = 1400
"""From this screen width on (a landscape display) field captions go beside the fields."""


@dataclass(frozen=True, slots=True)
class Submitted:
    """What a submission produced."""

    number: str
    job_id: str


def acceptance_receipt(
    case: Case, event: CaseEvent, *, services: KioskServices, delivery: DeliveryMethod,
    terminal_id: str,
) -> AcceptancePaper:
    """The 受理凭证 of a case handed in at the kiosk (from its 收件 event)."""
    materials = tuple(
        ReceivedMaterial(name=c.material.name, channel=MaterialChannel.ELICENCE,
                         form=c.material.form.value)
        for c in case.checklist()
        if c.mark is not None and c.mark.satisfied
    )
    return AcceptancePaper(
        issuer=issuer_for(services.hall, department=case.item.department,
                          terminal_id=terminal_id),
        case_number=case.number,
        provisional=case.record.official_number is None,
        item_name=case.item.name,
        item_code=case.item.id,
        situation=case.item.situation(case.record.situation_id).name,
        applicant=applicant_party(case.record.applicant),
        clerk="自助终端",
        issued_at=event.at,
        materials=materials,
        accepted_at=event.at,
        promised_days=case.item.promised_days,
        day_unit=case.item.day_unit.value,
        deadline=None,
        pickup_hint=_HINTS.get(delivery, ""),
    )


class ApplyScreen(QWidget):
    """The guided self-service application.

    Args:
        services: the kiosk's citizen services.
        runner: saves, renders and queues off the GUI thread.
        terminal_id: printed on the receipt and in provisional numbers.
        parent: the Qt parent.

    Signals:
        submitted(Submitted): the case was saved and its receipt queued.
        finished(): the citizen tapped 完成 under the receipt.
    """

    submitted = Signal(object)
    finished = Signal()

    def __init__(
        self,
        *,
        services: KioskServices,
        runner: TaskRunner,
        terminal_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self._terminal = terminal_id
        self._app: SelfServiceApplication | None = None
        self._chosen: ItemChosen | None = None
        self._result: Submitted | None = None
        self._job_state: JobState | None = None
        self._busy = False
        self._watcher = JobWatcher(queue=services.print_queue, health=services.health,
                                   parent=self)
        self._watcher.job_changed.connect(self._on_job)
        layout = QVBoxLayout(self)
        # a landscape screen in 长辈模式 holds the form, the keyboard and 下一步 with
        # little to spare: thin margins above and below
        layout.setContentsMargins(48, 12, 48, 12)
        layout.setSpacing(8)
        self._title = heading(name="ApplyTitle")
        layout.addWidget(self._title)
        self.message = MessageLine(name="ApplyMessage")
        layout.addWidget(self.message)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        self._build_form()
        self._build_review()
        self._build_done()
        self._retranslate()

    # -- pages ---------------------------------------------------------------------------

    def _build_form(self) -> None:
        self.form_page = QWidget()
        page = QVBoxLayout(self.form_page)
        page.setContentsMargins(0, 0, 0, 0)
        self._item = styled_label("", role="subtitle")
        self._item.setObjectName("ApplyItem")
        page.addWidget(self._item)
        self._situations = QHBoxLayout()
        page.addLayout(self._situations)
        self._materials_box = QVBoxLayout()
        page.addLayout(self._materials_box)
        # as many to a row as fit: four on a landscape screen, where 长辈模式 has no
        # height to spare for a second row above the keyboard and 下一步; fewer in
        # portrait, where four English labels side by side were wider than the screen
        self._deliveries = FittedColumns(columns=4, spacing=12)
        page.addLayout(self._deliveries)
        # the fields come pre-filled from the 居民码, so their placeholders never show:
        # a visible label says what each one is (see _place_fields)
        fields = QGridLayout()
        self._fields = fields
        self._fields_inline: bool | None = None
        self.phone = QLineEdit()
        self.phone.setObjectName("ApplyPhone")
        self.address = QLineEdit()
        self.address.setObjectName("ApplyAddress")
        self._phone_label = styled_label("", role="muted", wrap=False)
        self._address_label = styled_label("", role="muted", wrap=False)
        self._place_fields(inline=False)
        page.addLayout(fields)
        page.addStretch(1)
        self.keyboard = OnScreenKeyboard()
        self.keyboard.attach(self.phone)
        self.keyboard.attach(self.address, purpose=InputPurpose.TEXT)
        page.addWidget(self.keyboard)
        self.next_button = action_button(name="ApplyNext")
        self.next_button.clicked.connect(self.review)
        page.addWidget(self.next_button)
        self.pages.addWidget(self.form_page)

    def _place_fields(self, *, inline: bool) -> None:
        """Captions beside the fields on a wide screen, above them on a narrow one.

        Beside them saves the line that a landscape screen in 长辈模式 needs for
        下一步 under the keyboard; on a portrait screen there is height to spare and
        the fields keep the whole width, so a phone number is never cut short.
        """
        if inline == self._fields_inline:
            return
        self._fields_inline = inline
        fields = self._fields
        for widget in (self._phone_label, self.phone, self._address_label, self.address):
            fields.removeWidget(widget)
        for column in range(4):
            fields.setColumnStretch(column, 0)
        if inline:
            fields.addWidget(self._phone_label, 0, 0)
            fields.addWidget(self.phone, 0, 1)
            fields.addWidget(self._address_label, 0, 2)
            fields.addWidget(self.address, 0, 3)
            fields.setColumnStretch(1, 1)
            fields.setColumnStretch(3, 2)
        else:
            fields.addWidget(self._phone_label, 0, 0)
            fields.addWidget(self._address_label, 0, 1)
            fields.addWidget(self.phone, 1, 0)
            fields.addWidget(self.address, 1, 1)
            fields.setColumnStretch(0, 1)
            fields.setColumnStretch(1, 2)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        self._place_fields(inline=event.size().width() >= _INLINE_CAPTIONS_WIDTH)
        super().resizeEvent(event)

    def _build_review(self) -> None:
        """What will be submitted and what happens then, as a card, with 提交 under it."""
        self._review_hint = styled_label("", role="subtitle")
        self._review_hint.setObjectName("ApplyReviewHint")
        self.review_card = OutcomeCard(name="ApplyReview", marked=False, wide_summary=True)
        self.review_card.add_headline(self._review_hint)
        row = QHBoxLayout()
        row.setSpacing(16)
        self.edit_button = action_button(name="ApplyEdit", primary=False)
        self.edit_button.clicked.connect(lambda: self.pages.setCurrentWidget(self.form_page))
        self.submit_button = action_button(name="ApplySubmit")
        self.submit_button.clicked.connect(self.submit)
        row.addWidget(self.edit_button)
        row.addWidget(self.submit_button, 1)
        self.review_page = outcome_page(self.review_card, row)
        self.pages.addWidget(self.review_page)

    def _build_done(self) -> None:
        """The receipt page: what happened, the case's summary, what to do next, 完成."""
        self.number_label = styled_label("", role="title")
        self.number_label.setObjectName("ApplyNumber")
        self.done_text = styled_label("", role="subtitle")
        self.done_text.setObjectName("ApplyDoneText")
        self.print_status = styled_label("", role="body")
        self.print_status.setObjectName("ApplyPrintStatus")
        self.outcome = OutcomeCard(name="ApplyOutcome")
        self.outcome.add_headline(self.done_text)
        self.outcome.add_headline(self.number_label)
        self.outcome.add_before_steps(self.print_status)
        self.finish_button = action_button(name="ApplyFinish")
        self.finish_button.clicked.connect(self.finished)
        self.done_page = outcome_page(self.outcome, self.finish_button)
        self.pages.addWidget(self.done_page)

    # -- the session ---------------------------------------------------------------------

    def start(self, chosen: ItemChosen) -> None:
        """Begin an application for ``chosen.item`` with the resolved identity."""
        self.forget_personal_data()
        services = self._services
        actor = kiosk_actor(session_id=services.next_session_id(),
                            terminal_id=self._terminal, hall_id=services.hall.id)
        app = SelfServiceApplication(actor=actor, clock=services.clock,
                                     calendar=services.calendar)
        try:
            app.start(chosen.item, chosen.identified.holder)
        except Exception as error:  # noqa: BLE001 - shown, the citizen chooses again
            self.message.error(message_of(error))
            self._item.setText(chosen.item.name)
            return
        self._app = app
        self._chosen = chosen
        applicant = app.applicant
        assert applicant is not None
        self.phone.setText(applicant.phone)
        self.address.setText(applicant.address)
        self._draw_form()
        self.pages.setCurrentWidget(self.form_page)

    def holds_personal_data(self) -> bool:
        return self._app is not None or self._result is not None

    def forget_personal_data(self) -> None:
        self._app = None
        self._chosen = None
        self._result = None
        self._busy = False
        for field in (self.phone, self.address):
            field.setText("")
        for text in (self._item, self.number_label, self.done_text, self.print_status):
            text.setText("")
        self.outcome.clear()
        self.review_card.clear()
        clear_layout(self._materials_box)
        clear_layout(self._situations)
        clear_layout(self._deliveries)
        self.message.clear_message()
        self.pages.setCurrentWidget(self.form_page)

    def application(self) -> SelfServiceApplication | None:
        return self._app

    # -- form ----------------------------------------------------------------------------

    def _draw_form(self) -> None:
        app = self._app
        if app is None or app.item is None:
            return
        item = app.item
        self._item.setText(item.name)
        clear_layout(self._situations)
        if len(item.situations) > 1:
            chosen = app.flow.situation
            for situation in item.situations:
                button = action_button(situation.name, name=f"situation-{situation.id}",
                                       primary=chosen is not None and chosen.id == situation.id)
                button.clicked.connect(lambda _=False, s=situation.id: self._situation(s))
                self._situations.addWidget(button)
        clear_layout(self._materials_box)
        for line in app.lines():
            if line.by_elicence:
                text = arg(self.tr("✓ %1 —— 电子证照“%2”免提交"), line.material.name,
                           line.licence_name)
                role = "good"
            elif line.at_window:
                text = arg(self.tr("✗ %1 —— 本终端无高拍仪，请到窗口提交"), line.material.name)
                role = "badge-danger"
            else:
                text = arg(self.tr("○ %1 —— 非必需"), line.material.name)
                role = "muted"
            row = styled_label(text, role=role)
            row.setObjectName(f"material-{line.material.id}")
            self._materials_box.addWidget(row)
        clear_layout(self._deliveries)
        delivery = app.flow.delivery
        methods = [d for d in KIOSK_DELIVERY if d in item.delivery]
        for method in methods:
            button = action_button(label(method), name=f"delivery-{method.value}",
                                   primary=method is delivery)
            button.clicked.connect(lambda _=False, m=method: self._delivery(m))
            self._deliveries.add(button)

    def _situation(self, situation_id: str) -> None:
        if self._app is not None:
            self._app.choose_situation(situation_id)
            self._draw_form()

    def _delivery(self, method: DeliveryMethod) -> None:
        if self._app is not None:
            self._app.choose_delivery(method)
            self._draw_form()

    def review(self) -> None:
        """下一步: check the form and show what will be submitted."""
        app = self._app
        if app is None:
            return
        if app.flow.situation is None:
            self.message.error(self.tr("请先选择办理情形"))
            return
        try:
            app.set_contact(phone=self.phone.text(), address=self.address.text())
        except Exception as error:  # noqa: BLE001 - a clear message; nothing is lost
            self.message.error(message_of(error))
            return
        self.message.clear_message()
        applicant = app.applicant
        item = app.item
        assert applicant is not None
        assert item is not None
        lines = app.lines()
        at_window = [line.material.name for line in lines if line.at_window]
        by_licence = [line.material.name for line in lines if line.by_elicence]
        situation = app.flow.situation
        delivery = app.flow.delivery
        self.review_card.set_facts([
            (self.tr("事项"), item.name),
            # a 情形 the citizen chose decides the materials: it is checked here too
            (self.tr("办理情形"), situation.name if situation and len(item.situations) > 1 else ""),
            (self.tr("申请人"), arg(self.tr("%1（%2）"), applicant.name, applicant.masked_id)),
            (self.tr("联系电话"), applicant.masked_phone),
            (self.tr("联系地址"), applicant.address),
            (self.tr("电子证照免提交"), "、".join(by_licence)),
            (self.tr("需到窗口补交"), "、".join(at_window)),
            (self.tr("承诺时限"), self._promised(item)),
            (self.tr("结果领取"), label(delivery) if delivery else ""),
        ])
        # what 提交 sets going, so nobody submits without knowing what comes next
        after = [self.tr("本机打印受理凭证，凭证上的二维码可查询办理进度")]
        if delivery in _HINTS:
            after.append(self.tr(_HINTS[delivery]))
        self.review_card.set_steps(self.tr("提交后"), after)
        self.pages.setCurrentWidget(self.review_page)

    # -- submission ----------------------------------------------------------------------

    def submit(self) -> None:
        """提交: save the case with its outbox event and queue the receipt."""
        app = self._app
        if app is None or self._busy:
            return
        self._busy = True
        services = self._services
        terminal = self._terminal
        delivery = app.flow.delivery
        assert delivery is not None
        form = app.flow.prefill()

        def work() -> Submitted:
            events: list[CaseEvent] = []

            def build(number: str) -> Case:
                case, event = app.submit(number)
                events.append(event)
                return case

            case = services.cases.create(build, delivery=delivery, form=form)
            paper = acceptance_receipt(case, events[-1], services=services, delivery=delivery,
                                       terminal_id=terminal)
            rendered = services.papers.acceptance(paper, size=PaperSize.RECEIPT_80MM)
            job = services.print_queue.submit(
                rendered.pdf, paper="acceptance_receipt", title=f"受理凭证 {case.number}",
                printer=services.receipt_printer, case_ref=case.record.number,
            )
            return Submitted(number=case.number, job_id=job)

        self.message.notice(self.tr("正在提交，请稍候…"))
        self._runner.run_catalog(work, on_done=self._on_submitted, on_error=self._on_failed,
                                 owner=self)

    def _on_submitted(self, result: Submitted) -> None:
        self._busy = False
        self._result = result
        self.message.clear_message()
        self._services.sync_now()
        self._job_state = None
        self._show_print_state()
        self._show_outcome()
        self.pages.setCurrentWidget(self.done_page)
        log.info("kiosk application %s submitted", result.number)
        self.submitted.emit(result)

    def _show_outcome(self) -> None:
        """Fill the receipt page from the submission and the application behind it."""
        result, app = self._result, self._app
        if result is None:
            return
        self.number_label.setText(arg(self.tr("办件编号 %1"), result.number))
        if self._services.online():
            self.done_text.setText(self.tr(
                "申请已提交。正式编号将在平台受理后生成，可凭受理凭证二维码查询进度。"))
        else:
            self.done_text.setText(arg(self.tr(
                "网络中断，已保存，编号为临时编号 %1，恢复后自动提交"), result.number))
        if app is None or app.item is None or app.applicant is None:
            return
        item, delivery = app.item, app.flow.delivery
        self.outcome.set_facts([
            (self.tr("事项"), item.name),
            (self.tr("申请人"), arg(self.tr("%1（%2）"), mask_name(app.applicant.name),
                                    app.applicant.masked_id)),
            (self.tr("承诺时限"), self._promised(item)),
            (self.tr("结果领取"), label(delivery) if delivery else ""),
        ])
        steps = []  # taking the receipt: the print state heads the steps
        if delivery in _HINTS:
            steps.append(self.tr(_HINTS[delivery]))
        at_window = [line.material.name for line in app.lines() if line.at_window]
        if at_window:
            steps.append(arg(self.tr("请携带以下材料到窗口补交：%1"), "、".join(at_window)))
        self.outcome.set_steps(self.tr("接下来"), steps)

    def _promised(self, item: ServiceItem) -> str:
        """The promised time: "5 个工作日", or 即时办结."""
        if not item.promised_days:
            return self.tr("即时办结")
        return arg(self.tr("%1 个%2"), item.promised_days, label(item.day_unit))

    def _on_failed(self, error: BaseException) -> None:
        self._busy = False
        self.message.error(message_of(error))

    def _on_job(self, job: PrintJob) -> None:
        if self._result is None or job.id != self._result.job_id:
            return
        self._job_state = job.state
        self._show_print_state()

    def _show_print_state(self) -> None:
        if self._result is None:
            return
        if self._job_state is JobState.DONE:
            self.print_status.setText(self.tr("受理凭证已打印，请取走凭证"))
        elif self._job_state is JobState.FAILED:
            self.print_status.setText(self.tr(
                "打印机暂时无法打印（已通知工作人员）。申请已保存，凭证将由工作人员补打，"
                "请记下上方办件编号，也可稍后在“办件查询”中查询"))
        else:
            self.print_status.setText(self.tr("正在打印受理凭证，请稍候…"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._title.setText(self.tr("自助申请"))
        self.phone.setPlaceholderText(self.tr("联系电话"))
        self.address.setPlaceholderText(self.tr("联系地址"))
        self._phone_label.setText(self.tr("联系电话"))
        self._address_label.setText(self.tr("联系地址"))
        self.next_button.setText(self.tr("下一步：核对信息"))
        self.edit_button.setText(self.tr("返回修改"))
        self._review_hint.setText(self.tr("请核对以下信息，确认无误后提交"))
        if self.pages.currentWidget() is self.review_page:
            self.review()  # the captions in the new language
        self.submit_button.setText(self.tr("确认提交"))
        self.finish_button.setText(self.tr("完成"))
        self._draw_form()
        self._show_outcome()
        self._show_print_state()

