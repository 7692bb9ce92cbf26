"""收件受理: from the item to the right legal paper, keyboard first.

The page renders :class:`core.acceptance.AcceptanceFlow` and calls its methods; every
rule (what is complete, which outcomes are open, who may reject) lives there. Keys:

- item: type in the search box, arrows, Enter;
- 情形: arrows, Enter;
- applicant: scan a 居民码/企业码 (wedge scanner or typed into the code box, Enter), or
  type name / ID number / phone (Enter moves on, the last Enter saves);
- agent: Enter = 本人办理, or fill the agent fields (Ctrl+Enter saves them);
- materials: P 纸质已核验, S 共享数据, M 缺少, D 不符合要求 (reason, Enter), N 本次不涉及,
  Backspace clears; the cursor moves to the next row after each mark;
- outcome: 1 受理, 2 一次性告知, 3 容缺受理, 4 告知承诺, 5 不予受理 (needs a 首席代表, who
  enters their own account and password on this screen); F9 starts the next applicant.

Executing saves the case and its outbox event in one transaction (``sync.cases``),
makes the paper from the outcome event (``documents.from_case``), shows it in a
preview rendered by QtPdf and puts it in the durable print queue. Offline, the case
keeps its provisional ``T…`` number and goes out when the gateway is back.
"""

from __future__ import annotations

import datetime as _dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QIODevice,
    QSize,
    Qt,
)
from PySide6.QtGui import QImage, QKeyEvent, QKeySequence, QPixmap, QResizeEvent, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.acceptance import AcceptanceFlow, Executed, Outcome, OutcomeOption, Step
from core.accounts import ClerkSession
from core.case import Agent, AgentKind, Applicant, CheckStatus, MarkKind, Role
from core.catalog import Audience, ServiceItem
from core.clock import hall_date
from core.errors import UserFacingError, ValidationFailed, msg
from core.masking import mask_id_number, mask_phone
from documents.from_case import paper_for
from documents.maker import RenderedPaper
from documents.papers import PaperKind
from widgets.i18n import arg, is_language_change
from widgets.layout import card, styled_label
from window_client.chrome import user_text
from window_client.deadlines import follow_case_status
from window_client.items import ItemListPanel
from window_client.pages import CounterDesk, PageContext, PageSpec, join_list
from window_client.services import WindowServices

log = logging.getLogger(__name__)

MATERIAL_KEYS: dict[int, MarkKind] = {
    Qt.Key.Key_P: MarkKind.PAPER,
    Qt.Key.Key_S: MarkKind.SHARED_DATA,
    Qt.Key.Key_M: MarkKind.MISSING,
    Qt.Key.Key_D: MarkKind.DEFECTIVE,
    Qt.Key.Key_N: MarkKind.NOT_APPLICABLE,
}
OUTCOME_KEYS: dict[int, Outcome] = {
    Qt.Key.Key_1: Outcome.ACCEPT,
    Qt.Key.Key_2: Outcome.CORRECTION,
    Qt.Key.Key_3: Outcome.PENDING,
    Qt.Key.Key_4: Outcome.COMMITMENT,
    Qt.Key.Key_5: Outcome.REJECT,
}
PENDING_WORKING_DAYS = 5
"""Default 容缺 deadline: materials supplied within this many working days."""
_ITEMS_MIN_WIDTH = 260
"""Narrowest useful item list (a name and its department on two lines)."""
_PAPER_MIN_WIDTH = 340
_PAPER_MAX_WIDTH = 560
"""The paper preview's width: below the minimum its text blurs, above the maximum
it only takes room from the form."""
_PAPER_RENDER_WIDTH = 1100
"""Pixels the paper's first page is rendered at, then scaled down to its box."""

_STATUS_NAMES = {
    CheckStatus.SATISFIED: QT_TRANSLATE_NOOP("AcceptancePage", "已核验"),
    CheckStatus.MISSING: QT_TRANSLATE_NOOP("AcceptancePage", "缺少"),
    CheckStatus.DEFECTIVE: QT_TRANSLATE_NOOP("AcceptancePage", "不符合要求"),
    CheckStatus.NOT_APPLICABLE: QT_TRANSLATE_NOOP("AcceptancePage", "不涉及"),
    CheckStatus.UNCHECKED: QT_TRANSLATE_NOOP("AcceptancePage", "待核验"),
}
_MARK_NAMES = {
    MarkKind.PAPER: QT_TRANSLATE_NOOP("AcceptancePage", "纸质"),
    MarkKind.ELICENCE: QT_TRANSLATE_NOOP("AcceptancePage", "电子证照"),
    MarkKind.SHARED_DATA: QT_TRANSLATE_NOOP("AcceptancePage", "共享数据"),
    MarkKind.MISSING: QT_TRANSLATE_NOOP("AcceptancePage", "缺少"),
    MarkKind.DEFECTIVE: QT_TRANSLATE_NOOP("AcceptancePage", "不符合要求"),
    MarkKind.NOT_APPLICABLE: QT_TRANSLATE_NOOP("AcceptancePage", "不涉及"),
}
_OUTCOME_NAMES = {
    Outcome.ACCEPT: QT_TRANSLATE_NOOP("AcceptancePage", "1 受理 → 受理凭证"),
    Outcome.CORRECTION: QT_TRANSLATE_NOOP("AcceptancePage", "2 一次性告知 → 一次性告知书"),
    Outcome.PENDING: QT_TRANSLATE_NOOP("AcceptancePage", "3 容缺受理 → 容缺受理通知书"),
    Outcome.COMMITMENT: QT_TRANSLATE_NOOP("AcceptancePage", "4 告知承诺 → 告知承诺书"),
    Outcome.REJECT: QT_TRANSLATE_NOOP("AcceptancePage", "5 不予受理 (须首席代表同意)"),
}


_NEXT_TEXTS = {
    Step.DONE: QT_TRANSLATE_NOOP("AcceptancePage", "已完成，文书已送打印；F9 接待下一位"),
    Step.ITEM: QT_TRANSLATE_NOOP("AcceptancePage", "请搜索并选择要办理的事项"),
    Step.SITUATION: QT_TRANSLATE_NOOP("AcceptancePage", "请选择办理情形"),
    Step.APPLICANT: QT_TRANSLATE_NOOP("AcceptancePage", "请扫描居民码/企业码，或录入申请人信息"),
    Step.AGENT: QT_TRANSLATE_NOOP("AcceptancePage", "是否由代办人办理？本人办理请直接继续"),
    Step.MATERIALS: QT_TRANSLATE_NOOP("AcceptancePage", "请核验材料"),
    Step.OUTCOME: QT_TRANSLATE_NOOP("AcceptancePage", "材料已全部核验，请选择受理结果"),
}
"""The next step of :meth:`AcceptanceFlow.next_action`, as the page says it."""


class PaperView(QLabel):
    """A paper's rendered page, scaled to fit its box whenever the box changes.

    A label holding a fixed pixmap would keep its column at the width the page was
    first drawn at; this one lets the column narrow and shows the whole page.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._image: QImage | None = None

    def set_image(self, image: QImage | None) -> None:
        """Show ``image`` (``None`` empties the view)."""
        self._image = image
        if image is None:
            self.clear()
        else:
            self._scale()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._scale()

    def _scale(self) -> None:
        if self._image is None or self.width() < 2 or self.height() < 2:  # noqa: PLR2004 - not laid out
            return
        self.setPixmap(
            QPixmap.fromImage(self._image).scaled(
                self.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )


@dataclass(frozen=True, slots=True)
class Done:
    """What an executed acceptance produced: the case and its printed papers."""

    executed: Executed
    papers: tuple[RenderedPaper, ...]
    jobs: tuple[str, ...]

    @property
    def number(self) -> str:
        return self.executed.case.number


class AcceptancePage(QWidget):
    """收件受理 for any item (无差别), one applicant at a time.

    Args:
        services: catalog, cases, papers, print queue, identity, audit.
        context: the page context (runner, desk, messages).
        parent: the Qt parent.

    Signals are those of the widgets; tests read :meth:`flow`, :attr:`done` and the
    message bar.
    """

    def __init__(  # noqa: PLR0915 - one flat layout, read top to bottom
        self, *, context: PageContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("AcceptancePage")
        self._context = context
        self._services: WindowServices = context.services
        self._runner = context.runner
        self._desk: CounterDesk = context.desk
        self._busy = False
        self.done: Done | None = None
        self._flow = self._new_flow()

        # left: the item search
        self.items = ItemListPanel(
            catalog=self._services.catalog, runner=self._runner, hall_id=self._services.hall_id
        )
        self.items.item_opened.connect(self._open_item)
        # middle: the application
        self.next_label = styled_label("", role="notice")
        self.next_label.setObjectName("NextAction")
        self.item_label = styled_label("", role="subtitle")
        self.item_label.setObjectName("AcceptanceItem")
        self.situations = QListWidget()
        self.situations.setObjectName("SituationList")
        self.situations.setMaximumHeight(150)
        self.situations.itemActivated.connect(self._choose_situation)
        self._build_applicant()
        self._build_agent()
        self.checklist = QTableWidget(0, 4)
        self.checklist.setObjectName("Checklist")
        self.checklist.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.checklist.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.checklist.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.checklist.verticalHeader().hide()
        self.checklist.horizontalHeader().setStretchLastSection(True)
        self.checklist.setColumnWidth(0, 320)
        self.checklist.setColumnWidth(1, 110)
        self.checklist.setColumnWidth(2, 110)
        self.checklist.installEventFilter(self)
        self.defect_reason = QLineEdit()
        self.defect_reason.setObjectName("DefectReason")
        self.defect_reason.hide()
        self.defect_reason.returnPressed.connect(self._defect_entered)
        self.defect_reason.installEventFilter(self)
        self._build_outcomes()
        middle = QWidget()
        column = QVBoxLayout(middle)
        column.addWidget(self.next_label)
        column.addWidget(self.item_label)
        self._situation_title = styled_label("", role="section", wrap=False)
        column.addWidget(self._situation_title)
        column.addWidget(self.situations)
        column.addWidget(self._applicant_card)
        column.addWidget(self._agent_card)
        self._materials_title = styled_label("", role="section", wrap=False)
        column.addWidget(self._materials_title)
        self._keys_hint = styled_label("", role="muted")
        column.addWidget(self._keys_hint)
        column.addWidget(self.checklist, 1)
        column.addWidget(self.defect_reason)
        column.addWidget(self._outcome_card)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(middle)
        self._form_scroll = scroll
        # right: the paper, scaled to its column (a pixmap label would otherwise hold
        # the column at the width the page was first drawn at)
        self.preview = PaperView()
        self.preview.setObjectName("PaperPreview")
        self.preview_title = styled_label("", role="section")
        self.preview_title.setObjectName("PaperTitle")
        self.case_number = styled_label("", role="subtitle")
        self.case_number.setObjectName("CaseNumber")
        right = QWidget()
        right.setObjectName("PaperColumn")
        right_column = QVBoxLayout(right)
        right_column.addWidget(self.case_number)
        right_column.addWidget(self.preview_title)
        right_column.addWidget(self.preview, 1)
        # The paper column shows once there is a paper; until then the application
        # form has its width (no empty quarter of the screen beside it).
        self._paper_column = right
        right.hide()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.items)
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([400, 900, 460])
        self._splitter = splitter
        self._sizes_without_paper = splitter.sizes()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        restart = QShortcut(QKeySequence(Qt.Key.Key_F9), self)
        restart.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        restart.activated.connect(self.start_over)
        self._retranslate()
        self._refresh()

    # -- construction ------------------------------------------------------------------

    def _build_applicant(self) -> None:
        frame, box = card(spacing=6)
        self._applicant_card = frame
        self._applicant_title = styled_label("", role="section", wrap=False)
        box.addWidget(self._applicant_title)
        self.code = QLineEdit()
        self.code.setObjectName("IdentityCode")
        self.code.returnPressed.connect(self.resolve_code)
        box.addWidget(self.code)
        self.applicant_summary = styled_label("", role="good")
        self.applicant_summary.setObjectName("ApplicantSummary")
        self.applicant_summary.hide()
        box.addWidget(self.applicant_summary)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setObjectName("ApplicantName")
        self.id_number = QLineEdit()
        self.id_number.setObjectName("ApplicantId")
        self.phone = QLineEdit()
        self.phone.setObjectName("ApplicantPhone")
        self._name_label = styled_label("", wrap=False)
        self._id_label = styled_label("", wrap=False)
        self._phone_label = styled_label("", wrap=False)
        form.addRow(self._name_label, self.name)
        form.addRow(self._id_label, self.id_number)
        form.addRow(self._phone_label, self.phone)
        box.addLayout(form)
        self.name.returnPressed.connect(self.id_number.setFocus)
        self.id_number.returnPressed.connect(self.phone.setFocus)
        self.phone.returnPressed.connect(self.save_typed_applicant)

    def _build_agent(self) -> None:
        frame, box = card(spacing=6)
        self._agent_card = frame
        row = QHBoxLayout()
        self._agent_title = styled_label("", role="section", wrap=False)
        self.in_person = QPushButton()
        self.in_person.setObjectName("InPersonButton")
        self.in_person.setProperty("role", "primary")
        self.in_person.clicked.connect(lambda: self.set_agent(None))
        self.in_person.installEventFilter(self)  # Enter, not only Space, presses it
        row.addWidget(self._agent_title)
        row.addStretch(1)
        row.addWidget(self.in_person)
        box.addLayout(row)
        grid = QGridLayout()
        self.agent_name = QLineEdit()
        self.agent_name.setObjectName("AgentName")
        self.agent_id = QLineEdit()
        self.agent_id.setObjectName("AgentId")
        self.agent_phone = QLineEdit()
        self.agent_phone.setObjectName("AgentPhone")
        self.agent_ref = QLineEdit()
        self.agent_ref.setObjectName("AgentAuthorisation")
        self.agent_button = QPushButton()
        self.agent_button.setObjectName("AgentButton")
        self.agent_button.setProperty("role", "secondary")
        self.agent_button.clicked.connect(self.save_agent)
        fields = (
            self.agent_name,
            self.agent_id,
            self.agent_phone,
            self.agent_ref,
            self.agent_button,
        )
        for index, widget in enumerate(fields):
            grid.addWidget(widget, index // 3, index % 3)
        box.addLayout(grid)
        self.agent_ref.returnPressed.connect(self.save_agent)
        self.agent_summary = styled_label("", role="muted")
        self.agent_summary.setObjectName("AgentSummary")
        box.addWidget(self.agent_summary)

    def _build_outcomes(self) -> None:
        frame, box = card(spacing=6)
        self._outcome_card = frame
        self._outcome_title = styled_label("", role="section", wrap=False)
        box.addWidget(self._outcome_title)
        self.outcome_buttons: dict[Outcome, QPushButton] = {}
        row = QGridLayout()
        for index, outcome in enumerate(Outcome):
            button = QPushButton()
            button.setObjectName(f"Outcome_{outcome.value}")
            button.setProperty("role", "secondary")
            button.clicked.connect(lambda _c=False, o=outcome: self.choose_outcome(o))
            row.addWidget(button, index // 2, index % 2)
            self.outcome_buttons[outcome] = button
        box.addLayout(row)
        self.outcome_reasons = styled_label("", role="muted")
        self.outcome_reasons.setObjectName("OutcomeReasons")
        box.addWidget(self.outcome_reasons)
        form = QFormLayout()
        self.correction_note = QLineEdit()
        self.correction_note.setObjectName("CorrectionNote")
        self.supply_by = QLineEdit()
        self.supply_by.setObjectName("SupplyBy")
        self.commitment_ref = QLineEdit()
        self.commitment_ref.setObjectName("CommitmentRef")
        self.reject_reason = QLineEdit()
        self.reject_reason.setObjectName("RejectReason")
        self.reject_redress = QLineEdit()
        self.reject_redress.setObjectName("RejectRedress")
        self.chief_account = QLineEdit()
        self.chief_account.setObjectName("ChiefAccount")
        self.chief_password = QLineEdit()
        self.chief_password.setObjectName("ChiefPassword")
        self.chief_password.setEchoMode(QLineEdit.EchoMode.Password)
        self._extra_labels = [styled_label("", wrap=False) for _ in range(7)]
        for label, field in zip(
            self._extra_labels,
            (
                self.correction_note,
                self.supply_by,
                self.commitment_ref,
                self.reject_reason,
                self.reject_redress,
                self.chief_account,
                self.chief_password,
            ),
            strict=True,
        ):
            form.addRow(label, field)
        box.addLayout(form)
        self.reject_reason.returnPressed.connect(self.reject_redress.setFocus)
        self.reject_redress.returnPressed.connect(self.chief_account.setFocus)
        self.chief_account.returnPressed.connect(self.chief_password.setFocus)
        self.chief_password.returnPressed.connect(lambda: self.choose_outcome(Outcome.REJECT))
        self.commitment_ref.returnPressed.connect(lambda: self.choose_outcome(Outcome.COMMITMENT))
        self.supply_by.returnPressed.connect(lambda: self.choose_outcome(Outcome.PENDING))
        self.correction_note.returnPressed.connect(lambda: self.choose_outcome(Outcome.CORRECTION))
        self._outcome_card.installEventFilter(self)
        self._outcome_card.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # -- public API (what the keys do) ----------------------------------------------

    def flow(self) -> AcceptanceFlow:
        return self._flow

    def focus_first(self) -> None:
        """Where the cursor goes when the page is opened: the next required step."""
        self._focus_next()

    def start_over(self) -> None:
        """F9: the next applicant; nothing of the previous one stays on screen."""
        self._flow = self._new_flow()
        self.done = None
        self._context.messages.dismiss()
        for field in (
            self.code,
            self.name,
            self.id_number,
            self.phone,
            self.agent_name,
            self.agent_id,
            self.agent_phone,
            self.agent_ref,
            self.correction_note,
            self.supply_by,
            self.commitment_ref,
            self.reject_reason,
            self.reject_redress,
            self.chief_account,
            self.chief_password,
        ):
            field.clear()
        self.applicant_summary.hide()
        self.preview.set_image(None)
        self.preview_title.clear()
        if not self._paper_column.isHidden():
            self._paper_column.hide()
            self.items.show()  # it made room for the paper on a narrow screen
            self._splitter.setSizes(self._sizes_without_paper)
        self.case_number.clear()
        self.item_label.clear()
        self._refresh()
        self.items.focus_search()

    def refresh_case(self) -> None:
        """Re-read the saved case: shows the official number once the platform gave it."""
        if self.done is None:
            return
        cases = self._services.cases
        number = self.done.number
        self._runner.run_catalog(
            lambda: cases.record(number),
            on_done=self._show_case_record,
            on_error=self._failed,
            key="acceptance-record",
            owner=self,
        )

    def _show_case_record(self, record: object) -> None:
        official = getattr(record, "official_number", None)
        if self.done is None:
            return
        self.case_number.setText(
            arg(self.tr("办件编号: %1"), official)
            if official
            else arg(self.tr("临时编号: %1 (联网后由平台赋正式编号)"), self.done.number)
        )

    def resolve_code(self) -> None:
        """A 居民码/企业码 (scanned by the wedge scanner into the box, or typed)."""
        text = self.code.text().strip()
        self.code.clear()
        if not text or self._busy:
            return
        identity = self._services.identity
        if identity is None:
            self._context.messages.warning(
                self.tr("本终端未连接政务服务平台, 不能解析居民码/企业码; 请手工录入申请人")
            )
            self.name.setFocus()
            return
        self._busy = True
        self._runner.run(
            lambda: identity(text),
            on_done=self._identity_resolved,
            on_error=self._identity_failed,
            key="acceptance-identity",
            owner=self,
        )

    def save_typed_applicant(self) -> None:
        """The applicant typed by hand (ID number validated).

        Once saved the boxes show the number and phone masked; saving again (the name
        corrected) keeps the full values behind a box the clerk left as it was.
        """
        item = self._flow.item
        kind = Audience.PERSONAL
        if item is not None and Audience.PERSONAL not in item.audience:
            kind = Audience.ENTERPRISE
        saved = self._flow.applicant
        try:
            applicant = Applicant(
                kind=kind,
                name=self.name.text().strip(),
                id_number=_unmasked(self.id_number, saved.id_number if saved else "",
                                    mask_id_number),
                phone=_unmasked(self.phone, saved.phone if saved else "", mask_phone),
            )
            self._flow.set_applicant(applicant)
        except (ValueError, UserFacingError) as error:
            self._context.messages.error(_validation_text(error))
            return
        self._audit_view("typed", applicant)
        self._show_applicant(applicant, from_code=False)
        self._refresh()
        self._focus_next()

    def set_agent(self, agent: Agent | None) -> None:
        """本人办理 (``None``) or the agent; the boxes then show what was recorded.

        An agent's ID number and phone are masked in their boxes once saved (the full
        values stay in the flow and go into the case); 本人办理 empties the boxes.
        """
        try:
            self._flow.set_agent(agent)
        except UserFacingError as error:
            self._context.messages.error(user_text(error))
            return
        if agent is None:
            for field in (self.agent_name, self.agent_id, self.agent_phone, self.agent_ref):
                field.clear()
        else:
            self.agent_id.setText(mask_id_number(agent.id_number))
            self.agent_phone.setText(mask_phone(agent.phone))
        self.agent_summary.setText(
            self.tr("本人办理")
            if agent is None
            else arg(
                self.tr("代办人: %1 (%2), 授权: %3"),
                agent.name,
                mask_id_number(agent.id_number),
                agent.authorisation_ref,
            )
        )
        self._refresh()
        self._focus_next()

    def save_agent(self) -> None:
        """帮办代办: the agent with the authorisation reference.

        Saving again after a correction keeps the full ID number and phone behind the
        masked boxes the clerk did not retype.
        """
        saved = self._flow.agent
        try:
            agent = Agent(
                kind=AgentKind.PROXY,
                name=self.agent_name.text().strip(),
                id_number=_unmasked(self.agent_id, saved.id_number if saved else "",
                                    mask_id_number),
                phone=_unmasked(self.agent_phone, saved.phone if saved else "", mask_phone),
                authorisation_ref=self.agent_ref.text().strip(),
            )
        except (ValueError, UserFacingError) as error:  # a wrong check digit is the latter
            self._context.messages.error(_validation_text(error))
            return
        self.set_agent(agent)

    def mark_current(self, kind: MarkKind, *, reason: str = "") -> None:
        """Mark the selected checklist row."""
        row = self.checklist.currentRow()
        checks = self._flow.checklist()
        if not 0 <= row < len(checks):
            return
        material = checks[row].material
        if kind is MarkKind.DEFECTIVE and not reason:
            self.defect_reason.clear()
            self.defect_reason.setPlaceholderText(
                arg(self.tr("“%1”不符合要求的原因, Enter 确认, Esc 取消"), material.name)
            )
            self.defect_reason.show()
            self.defect_reason.setFocus()
            return
        try:
            self._flow.mark(material.id, kind, reason=reason)
        except UserFacingError as error:
            self._context.messages.error(user_text(error))
            return
        self._refresh()
        self._move_to_next_unchecked(row)

    def choose_outcome(self, outcome: Outcome) -> None:
        """Take ``outcome`` if the flow offers it; the paper follows."""
        if self._busy or self.done is not None:
            return
        option = next(o for o in self._flow.outcomes() if o.outcome is outcome)
        if not option.available:
            self._context.messages.warning(
                arg(
                    self.tr("不能选择“%1”: %2"),
                    self.tr(_OUTCOME_NAMES[outcome]),
                    user_text(ValidationFailed(option.reason)),
                )
            )
            return
        if outcome is Outcome.REJECT:
            self._reject()
            return
        if outcome is Outcome.COMMITMENT and not self.commitment_ref.text().strip():
            self._context.messages.info(self.tr("请填写申请人签署的告知承诺书编号, Enter 确认"))
            self.commitment_ref.setFocus()
            return
        supply_by: _dt.date | None = None
        if outcome is Outcome.PENDING:
            supply_by = self._supply_by()
            if supply_by is None:
                return
        self._execute(outcome, supply_by=supply_by)

    # -- steps ------------------------------------------------------------------------

    def _new_flow(self) -> AcceptanceFlow:
        session = self._desk.require_session()
        return AcceptanceFlow(
            actor=session.actor(Role.CLERK if session.clerk.has(Role.CLERK) else None),
            clock=self._services.clock,
            calendar=self._services.calendar,
        )

    def _open_item(self, item_id: str) -> None:
        catalog = self._services.catalog
        self._runner.run_catalog(
            lambda: catalog.item(item_id),
            on_done=self._item_loaded,
            on_error=lambda error: self._context.messages.error(user_text(error)),
            key="acceptance-item",
            owner=self,
        )

    def _item_loaded(self, item: ServiceItem) -> None:
        try:
            self._flow.choose_item(item)
        except UserFacingError as error:
            self._context.messages.error(user_text(error))
            return
        self.item_label.setText(f"{item.name} · {item.department}")
        self.situations.clear()
        for situation in item.situations:
            row = QListWidgetItem(situation.name)
            row.setData(Qt.ItemDataRole.UserRole, situation.id)
            self.situations.addItem(row)
        self.situations.setCurrentRow(0)
        self._refresh()
        self._focus_next()

    def _choose_situation(self, row: QListWidgetItem) -> None:
        try:
            self._flow.choose_situation(str(row.data(Qt.ItemDataRole.UserRole)))
        except UserFacingError as error:
            self._context.messages.error(user_text(error))
            return
        self._refresh()
        self._focus_next()

    def _identity_resolved(self, holder: object) -> None:
        self._busy = False
        try:
            applicant = self._flow.use_identity(holder)  # type: ignore[arg-type]
        except UserFacingError as error:
            self._context.messages.error(user_text(error))
            return
        self._audit_view("identity_code", applicant)
        self._show_applicant(applicant, from_code=True)
        self._refresh()
        self._focus_next()

    def _identity_failed(self, error: BaseException) -> None:
        self._busy = False
        if not isinstance(error, UserFacingError):
            log.warning("identity code not resolved: %s", type(error).__name__)
        self._context.messages.error(arg(self.tr("%1 (可手工录入申请人)"), user_text(error)))
        self.code.setFocus()

    def _show_applicant(self, applicant: Applicant, *, from_code: bool) -> None:
        self.name.setText(applicant.name)
        self.id_number.setText(mask_id_number(applicant.id_number))
        self.phone.setText(mask_phone(applicant.phone))
        elicences = sum(
            1
            for c in self._flow.checklist()
            if c.mark is not None and c.mark.kind is MarkKind.ELICENCE
        )
        source = self.tr("居民码/企业码") if from_code else self.tr("手工录入")
        self.applicant_summary.setText(
            arg(
                self.tr("%1 · %2 · 来源: %3 · 电子证照免提交 %4 项"),
                applicant.name,
                mask_id_number(applicant.id_number),
                source,
                elicences,
            )
        )
        self.applicant_summary.show()

    def _audit_view(self, source: str, applicant: Applicant) -> None:
        """Every view of personal data goes into the audit log (on the database thread)."""
        audit = self._services.audit
        session = self._desk.require_session()
        self._runner.run_catalog(
            lambda: audit.viewed_personal_data(
                session.actor(),
                f"applicant:{mask_id_number(applicant.id_number)}",
                "申请人姓名、身份号码、联系电话"
                + ("（居民码/企业码）" if source != "typed" else ""),
                purpose="收件受理",
            ),
            on_done=lambda _r: None,
            on_error=lambda error: self._context.messages.error(user_text(error)),
            owner=self,
        )

    def _supply_by(self) -> _dt.date | None:
        text = self.supply_by.text().strip()
        today = hall_date(self._services.clock.now())
        if not text:
            default = self._services.calendar.add_working_days(today, PENDING_WORKING_DAYS)
            self.supply_by.setText(default.isoformat())
            self._context.messages.info(
                arg(
                    self.tr("容缺材料补齐期限默认为 %1 (%2 个工作日), 可修改后 Enter 确认"),
                    default.isoformat(),
                    PENDING_WORKING_DAYS,
                )
            )
            self.supply_by.setFocus()
            self.supply_by.selectAll()
            return None
        try:
            day = _dt.date.fromisoformat(text)
        except ValueError:
            self._context.messages.error(self.tr("期限请按 2026-03-09 的格式填写"))
            self.supply_by.setFocus()
            return None
        if day <= today:
            self._context.messages.error(self.tr("补齐期限应晚于今天"))
            self.supply_by.setFocus()
            return None
        return day

    def _reject(self) -> None:
        """不予受理: the 首席代表 confirms with their own account and password here."""
        reason = self.reject_reason.text().strip()
        redress = self.reject_redress.text().strip()
        chief_id = self.chief_account.text().strip()
        password = self.chief_password.text()
        if not (reason and redress and chief_id and password):
            self._context.messages.info(
                self.tr("不予受理须写明理由和救济途径, 并由首席代表输入账号和密码确认")
            )
            for field in (
                self.reject_reason,
                self.reject_redress,
                self.chief_account,
                self.chief_password,
            ):
                if not field.text().strip():
                    field.setFocus()
                    break
            return
        self.chief_password.clear()
        accounts = self._services.accounts
        session = self._desk.require_session()

        def approve() -> ClerkSession:
            chief = accounts.login(chief_id, password, window=session.window)
            if not chief.clerk.has(Role.CHIEF):
                raise ValidationFailed(
                    msg("该账号不是首席代表, 不能批准不予受理"), code="acceptance.not_chief"
                )
            return chief

        self._busy = True
        self._runner.run_catalog(
            approve,
            on_done=lambda chief: self._approved(chief, reason, redress),
            on_error=self._failed,
            key="acceptance-chief",
            owner=self,
        )

    def _approved(self, chief: ClerkSession, reason: str, redress: str) -> None:
        self._busy = False
        self._execute(
            Outcome.REJECT,
            reason=reason,
            redress=redress,
            approved_by=chief.actor(Role.CHIEF),
            names={chief.clerk.id: chief.clerk.name},
        )

    def _execute(self, outcome: Outcome, **options: object) -> None:
        names = options.pop("names", {})
        flow = self._flow
        services = self._services
        session = self._desk.require_session()
        note = self.correction_note.text().strip()
        commitment = self.commitment_ref.text().strip()
        if outcome is Outcome.CORRECTION:
            options["note"] = note
        if outcome is Outcome.COMMITMENT:
            options.update(applicant_chose=True, commitment_ref=commitment)
        ticket = self._desk.ticket

        def work() -> Done:
            delivery = flow.delivery
            assert delivery is not None
            executed: list[Executed] = []

            def build(number: str):  # type: ignore[no-untyped-def]
                result = flow.execute(outcome, number=number, **options)  # type: ignore[arg-type]
                executed.append(result)
                return result.case

            # 一号办到底: the submission names the ticket served and the gateway links
            # it to the official number (a direct link would name the provisional one)
            services.cases.create(build, delivery=delivery, form=flow.prefill(),
                                  ticket_number=ticket.number if ticket is not None else "")
            result = executed[-1]
            papers = services.make_papers(
                paper_for(
                    result.case,
                    result.outcome,
                    hall=services.catalog.hall(services.hall_id),
                    terminal_id=services.terminal_id,
                    window=session.window,
                    clerk=session.clerk.name,
                    delivery=result.delivery,
                    names={session.clerk.id: session.clerk.name, **names},  # type: ignore[dict-item]
                )
            )
            jobs = tuple(
                services.print_queue.submit(
                    paper.pdf,
                    paper=paper.kind.value,
                    title=f"{_paper_title(paper)} {result.case.number}",
                    printer=services.a4_printer,
                    case_ref=result.case.number,
                )
                for paper in papers
            )
            return Done(executed=result, papers=papers, jobs=jobs)

        self._busy = True
        self._runner.run_catalog(
            work,
            on_done=self._executed,
            on_error=self._failed,
            key="acceptance-execute",
            owner=self,
        )

    def _executed(self, done: Done) -> None:
        self._busy = False
        self.done = done
        self._services.nudge_sync()
        if self._desk.ticket is not None:
            self._desk.case_linked.emit(done.number)
        titles = join_list(_paper_title(p) for p in done.papers)
        self._context.messages.success(
            arg(self.tr("办件 %1 已保存, 已送打印: %2; F9 接待下一位"), done.number, titles),
            seconds=0,
        )
        self._show_paper(done.papers[0])
        self._show_case_record(None)
        self._refresh()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        if not isinstance(error, UserFacingError):
            log.error("acceptance step failed", exc_info=(type(error), error, error.__traceback__))
        self._context.messages.error(user_text(error))

    def _show_paper(self, paper: RenderedPaper) -> None:
        """Render the PDF's first page with QtPdf into the preview."""
        if self._paper_column.isHidden():
            self._sizes_without_paper = self._splitter.sizes()
            self._paper_column.show()
            self._fit_columns()
        document = QPdfDocument(self)
        data = QByteArray(paper.pdf)
        buffer = QBuffer(self)
        buffer.setData(data)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document.load(buffer)
        size = document.pagePointSize(0)
        height = int(_PAPER_RENDER_WIDTH * size.height() / max(1.0, size.width()))
        self.preview.set_image(document.render(0, QSize(_PAPER_RENDER_WIDTH, height)))
        self.preview_title.setText(
            arg(self.tr("%1 · 共 %2 页 · 已送打印"), _paper_title(paper), document.pageCount())
        )
        document.close()
        buffer.close()
        self._preview_pages = document.pageCount()

    def _fit_columns(self) -> None:
        """Share the width between the item list, the form and the paper.

        The form must never need sideways scrolling. While a paper is shown the item
        list is not needed (F9 brings it back with the next applicant), so on a narrow
        screen (a 1366 px counter monitor) it makes room first; then the paper narrows
        to a width where its text can still be told apart.
        """
        if self._paper_column.isHidden():
            return
        splitter = self._splitter
        total = splitter.width() - 2 * splitter.handleWidth()
        scroll = self._form_scroll
        form = (
            scroll.widget().minimumSizeHint().width()
            + scroll.verticalScrollBar().sizeHint().width()
            + 2 * scroll.frameWidth()
        )
        paper = min(_PAPER_MAX_WIDTH, max(_PAPER_MIN_WIDTH, total // 4))
        room = total - form - paper
        if room >= _ITEMS_MIN_WIDTH:
            self.items.show()
            items = min(max(_ITEMS_MIN_WIDTH, total // 5), room)
        else:
            self.items.hide()
            items = 0
            paper = max(_PAPER_MIN_WIDTH, min(total // 3, total - form))
        splitter.setSizes([items, max(form, total - items - paper), paper])

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_columns()

    # -- rendering state ---------------------------------------------------------------

    def _refresh(self) -> None:
        flow = self._flow
        self.next_label.setText(self._next_text())
        has_item = flow.item is not None
        self.situations.setEnabled(has_item and self.done is None)
        self._fill_checklist()
        options = flow.outcomes() if flow.situation is not None else ()
        self._show_outcomes(options)

    def _next_text(self) -> str:
        """What to do next, in the clerk's language (a hint, not an error)."""
        action = self._flow.next_action()
        if action.step is Step.MATERIALS:
            name = next((c.material.name for c in self._flow.checklist()
                         if c.material.id == action.material_id), "")
            return arg(self.tr("请核验材料：%1"), name)
        return self.tr(_NEXT_TEXTS[action.step])

    def _fill_checklist(self) -> None:
        checks = self._flow.checklist()
        current = self.checklist.currentRow()
        self.checklist.setRowCount(len(checks))
        for row, check in enumerate(checks):
            material = check.material
            name = material.name + ("" if material.required else self.tr(" (非必要)"))
            mark = check.mark
            how = self.tr(_MARK_NAMES[mark.kind]) if mark is not None else ""
            detail = ""
            if mark is not None and mark.kind is MarkKind.DEFECTIVE:
                detail = mark.reason
            elif mark is not None and mark.kind is MarkKind.ELICENCE:
                detail = self._licence_name(mark.licence_id) or mark.licence_type or ""
            cells = (name, self.tr(_STATUS_NAMES[check.status]), how, detail)
            for column, text in enumerate(cells):
                self.checklist.setItem(row, column, QTableWidgetItem(text))
        if checks:
            self.checklist.setCurrentCell(max(0, min(current, len(checks) - 1)), 0)

    def _licence_name(self, licence_id: str | None) -> str:
        """The held e-licence's name (居民身份证 …) for the checklist's note."""
        holder = self._flow.holder
        if holder is None or not licence_id:
            return ""
        name = next((lic.name for lic in holder.licences if lic.identifier == licence_id), "")
        return arg(self.tr("电子证照：%1"), name) if name else ""

    def _show_outcomes(self, options: tuple[OutcomeOption, ...]) -> None:
        available = {o.outcome: o for o in options}
        reasons = []
        for outcome, button in self.outcome_buttons.items():
            option = available.get(outcome)
            enabled = option is not None and option.available and self.done is None
            button.setEnabled(enabled)
            button.setProperty("available", enabled)
            if option is not None and not option.available:
                reason = user_text(ValidationFailed(option.reason))
                button.setToolTip(reason)
                reasons.append(f"{self.tr(_OUTCOME_NAMES[outcome])[2:]}: {reason}")
            else:
                button.setToolTip("")
        self.outcome_reasons.setText("\n".join(reasons))

    def _focus_next(self) -> None:
        if self.done is not None:
            return
        step = self._flow.next_action().step
        if step is Step.ITEM:
            self.items.focus_search()
        elif step is Step.SITUATION:
            self.situations.setFocus()
        elif step is Step.APPLICANT:
            self.code.setFocus()
        elif step is Step.AGENT:
            self.in_person.setFocus()
        elif step is Step.MATERIALS:
            self._select_material(self._flow.next_action().material_id)
            self.checklist.setFocus()
        elif step is Step.OUTCOME:
            self._outcome_card.setFocus()

    def _select_material(self, material_id: str | None) -> None:
        for row, check in enumerate(self._flow.checklist()):
            if check.material.id == material_id:
                self.checklist.setCurrentCell(row, 0)

    def _move_to_next_unchecked(self, row: int) -> None:
        checks = self._flow.checklist()
        for index in range(row + 1, len(checks)):
            if checks[index].status is CheckStatus.UNCHECKED:
                self.checklist.setCurrentCell(index, 0)
                return
        if all(c.status is not CheckStatus.UNCHECKED for c in checks):
            self._outcome_card.setFocus()
        elif row + 1 < len(checks):
            self.checklist.setCurrentCell(row + 1, 0)

    def _defect_entered(self) -> None:
        reason = self.defect_reason.text().strip()
        if not reason:
            self._context.messages.warning(self.tr("请写明材料不符合要求的原因"))
            return
        self.defect_reason.hide()
        self.checklist.setFocus()
        self.mark_current(MarkKind.DEFECTIVE, reason=reason)

    # -- keys and language ---------------------------------------------------------

    def eventFilter(self, watched: object, event: QEvent) -> bool:  # noqa: N802, PLR0911 - Qt override, one return per key
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)  # type: ignore[arg-type]
        key = event.key()
        if watched is self.checklist:
            if key in MATERIAL_KEYS:
                self.mark_current(MATERIAL_KEYS[key])
                return True
            if key == Qt.Key.Key_Backspace:
                checks = self._flow.checklist()
                row = self.checklist.currentRow()
                if 0 <= row < len(checks):
                    self._flow.clear_mark(checks[row].material.id)
                    self._refresh()
                return True
        elif watched is self.in_person and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.set_agent(None)
            return True
        elif watched is self.defect_reason and key == Qt.Key.Key_Escape:
            self.defect_reason.hide()
            self.checklist.setFocus()
            return True
        elif watched is self._outcome_card and key in OUTCOME_KEYS:
            self.choose_outcome(OUTCOME_KEYS[key])
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._situation_title.setText(self.tr("办理情形 (↑↓ Enter)"))
        self._applicant_title.setText(self.tr("申请人"))
        self.code.setPlaceholderText(self.tr("扫描居民码/企业码, 或输入码后按 Enter"))
        self._name_label.setText(self.tr("姓名/名称"))
        self._id_label.setText(self.tr("身份号码/信用代码"))
        self._phone_label.setText(self.tr("联系电话"))
        self._agent_title.setText(self.tr("帮办代办"))
        self.in_person.setText(self.tr("本人办理 (Enter)"))
        self.agent_name.setPlaceholderText(self.tr("代办人姓名"))
        self.agent_id.setPlaceholderText(self.tr("代办人身份号码"))
        self.agent_phone.setPlaceholderText(self.tr("代办人电话"))
        self.agent_ref.setPlaceholderText(self.tr("授权委托书编号"))
        self.agent_button.setText(self.tr("登记代办人"))
        self._materials_title.setText(self.tr("材料核验"))
        self._keys_hint.setText(
            self.tr(
                "P 纸质已核验 · S 共享数据 · M 缺少 · D 不符合要求 · N 不涉及 · "
                "Backspace 清除; 电子证照由居民码/企业码自动标记"
            )
        )
        self.checklist.setHorizontalHeaderLabels(
            [self.tr("材料"), self.tr("状态"), self.tr("方式"), self.tr("说明")]
        )
        self._outcome_title.setText(self.tr("受理结果 (数字键 1-5)"))
        for outcome, button in self.outcome_buttons.items():
            button.setText(self.tr(_OUTCOME_NAMES[outcome]))
        labels = (
            self.tr("补正说明"),
            self.tr("容缺补齐期限"),
            self.tr("告知承诺书编号"),
            self.tr("不予受理理由"),
            self.tr("救济途径"),
            self.tr("首席代表账号"),
            self.tr("首席代表密码"),
        )
        for label, text in zip(self._extra_labels, labels, strict=True):
            label.setText(text)
        self._refresh_if_built()

    def _refresh_if_built(self) -> None:
        if hasattr(self, "_flow"):
            self._refresh()


def _unmasked(box: QLineEdit, saved: str, mask: Callable[[str], str]) -> str:
    """What ``box`` stands for: the saved full value while it still shows it masked.

    A box the clerk retyped is taken as typed (and validated as such).
    """
    text = box.text().strip()
    if saved and text == mask(saved):
        return saved
    return text


def _validation_text(error: BaseException) -> str:
    """A pydantic validation error's first message (our validators write Chinese)."""
    if isinstance(error, UserFacingError):
        return user_text(error)
    errors = getattr(error, "errors", None)
    if callable(errors):
        details = errors()
        if details:
            # the validator's own error keeps its translatable text; pydantic's copy does not
            cause = (details[0].get("ctx") or {}).get("error")
            if isinstance(cause, ValueError) and cause.args and isinstance(cause.args[0], str):
                return user_text(ValidationFailed(cause.args[0]))
            message = str(details[0].get("msg", ""))
            return user_text(ValidationFailed(message.removeprefix("Value error, ")))
    return user_text(ValidationFailed(str(error)))


def _paper_title(paper: RenderedPaper) -> str:
    return QCoreApplication.translate("AcceptancePage", _PAPER_TITLES.get(paper.kind, "文书"))


_PAPER_TITLES = {
    PaperKind.ACCEPTANCE: QT_TRANSLATE_NOOP("AcceptancePage", "受理凭证"),
    PaperKind.CORRECTION: QT_TRANSLATE_NOOP("AcceptancePage", "一次性告知书"),
    PaperKind.REJECTION: QT_TRANSLATE_NOOP("AcceptancePage", "不予受理通知书"),
    PaperKind.PENDING: QT_TRANSLATE_NOOP("AcceptancePage", "容缺受理通知书"),
    PaperKind.COMMITMENT: QT_TRANSLATE_NOOP("AcceptancePage", "告知承诺书"),
    PaperKind.HANDOVER: QT_TRANSLATE_NOOP("AcceptancePage", "材料移交清单"),
}


def _acceptance_page(context: PageContext) -> QWidget:
    page = AcceptancePage(context=context)
    # The official number appears by itself once a sync brought it.
    follow_case_status(context, page, page.refresh_case)
    return page


PAGE = PageSpec(
    key="acceptance",
    title=QT_TRANSLATE_NOOP("WindowPages", "收件受理"),
    icon="progress",
    factory=_acceptance_page,
    roles=frozenset({Role.CLERK, Role.CHIEF}),
    shortcut="Ctrl+2",
)
