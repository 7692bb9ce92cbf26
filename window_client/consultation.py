"""解答咨询: log a consultation answered at the window, without a case (004 二(一)1).

The clerk finds the item asked about with the same search as 收件受理 (type, arrows,
Enter), or types a free topic, writes a summary of the answer and saves with
Ctrl+Enter. The queue ticket being served is linked. The entry goes into the outbox as
``consultation.logged`` in one journal transaction, so the hall's statistics count it;
it holds no personal data.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QLineEdit,
    QListView,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core.accounts import ClerkSession
from core.case import Role
from core.clock import Clock
from core.errors import UserFacingError, ValidationFailed, msg
from core.search import CatalogQuery
from sync.protocol import ConsultationLogged, EventKind
from sync.store import Store, enqueue_event
from widgets.i18n import arg, is_language_change
from widgets.layout import card, styled_label
from widgets.task_runner import TaskRunner
from window_client.chrome import MessageBar, user_text
from window_client.items import ItemListPanel
from window_client.pages import CounterDesk, PageContext, PageSpec

log = logging.getLogger(__name__)

LIST_STYLE = (
    "QListWidget::item { padding: 6px 8px; }"
    " QListWidget::item:selected { background: #DCE6F5; color: #0B2A5B; }"
)
"""Selected rows stay readable (the theme leaves list selection to the platform)."""

MAX_ANSWER = 1000


@dataclass(frozen=True, slots=True)
class LoggedConsultation:
    """A consultation saved with its outbox event."""

    payload: ConsultationLogged
    seq: int


class ConsultationLog:
    """Writes consultations to the outbox; blocks (run it on the catalog thread).

    Args:
        store: the terminal's store (one journal transaction per entry).
        catalog: to name the item asked about.
        clock: the terminal's clock.
        nudge: asks the sync engine to push soon.
    """

    def __init__(
        self,
        *,
        store: Store,
        catalog: CatalogQuery,
        clock: Clock,
        nudge: Callable[[], None] | None = None,
    ) -> None:
        self._store = store
        self._catalog = catalog
        self._clock = clock
        self._nudge = nudge

    def log(
        self,
        *,
        session: ClerkSession,
        topic: str,
        answer: str,
        item_id: str = "",
        ticket: str = "",
    ) -> LoggedConsultation:
        """Save one consultation.

        Raises:
            ValidationFailed: no topic, no answer, an answer too long or an unknown item.
        """
        topic, answer = topic.strip(), answer.strip()
        item_name = ""
        if item_id:
            try:
                item_name = self._catalog.item(item_id).name
            except KeyError:
                raise ValidationFailed(
                    msg("所选事项已不在事项清单中"), code="consult.item"
                ) from None
        if not topic:
            topic = item_name
        if not topic:
            raise ValidationFailed(msg("请选择咨询的事项, 或填写咨询主题"), code="consult.topic")
        if not answer:
            raise ValidationFailed(msg("请填写答复摘要"), code="consult.answer")
        if len(answer) > MAX_ANSWER:
            raise ValidationFailed(
                msg("答复摘要不能超过{limit}字, 请精简", limit=MAX_ANSWER),
                code="consult.answer_long"
            )
        payload = ConsultationLogged(
            consultation_id=str(uuid.uuid4()),
            topic=topic[:100],
            item_id=item_id,
            item_name=item_name,
            answer=answer,
            ticket_number=ticket,
            clerk_id=session.clerk.id,
            window_no=session.window,
            at=self._clock.now().timestamp(),
        )
        with self._store.local_change() as conn:
            event = enqueue_event(
                EventKind.CONSULTATION_LOGGED.value, payload.model_dump(mode="json"), conn=conn
            )
        log.info("consultation logged at window %s (event %d)", session.window, event.seq)
        if self._nudge is not None:
            self._nudge()
        return LoggedConsultation(payload=payload, seq=event.seq)


class ConsultationPage(QWidget):
    """解答咨询: item search on the left, topic/answer/ticket on the right.

    Signals:
        logged(object): a :class:`LoggedConsultation` was saved.
    """

    logged = Signal(object)

    def __init__(  # noqa: PLR0913, PLR0915 - the page's collaborators and widgets
        self,
        *,
        journal: ConsultationLog | None,
        catalog: CatalogQuery,
        hall_id: str,
        runner: TaskRunner,
        counter: CounterDesk,
        messages: MessageBar,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ConsultationPage")
        self._journal = journal
        self._catalog = catalog
        self._runner = runner
        self._counter = counter
        self._messages = messages
        self._item_id = ""
        self._busy = False
        self.history: list[LoggedConsultation] = []

        self.items = ItemListPanel(catalog=catalog, runner=runner, hall_id=hall_id)
        self.items.item_opened.connect(self.choose_item)
        form_card, box = card(spacing=8)
        self._title = styled_label("", role="subtitle", wrap=False)
        self.item_label = styled_label("", role="badge")
        self.item_label.setObjectName("ConsultItem")
        self.topic = QLineEdit()
        self.topic.setObjectName("ConsultTopic")
        self.answer = QPlainTextEdit()
        self.answer.setObjectName("ConsultAnswer")
        self.answer.setMinimumHeight(200)
        self.ticket = QLineEdit()
        self.ticket.setObjectName("ConsultTicket")
        self.save_button = QPushButton()
        self.save_button.setProperty("role", "primary")
        self.save_button.clicked.connect(self.save)
        self.unavailable = styled_label("", role="notice")
        form = QFormLayout()
        self._topic_label = styled_label("", wrap=False)
        self._answer_label = styled_label("", wrap=False)
        self._ticket_label = styled_label("", wrap=False)
        form.addRow(self._topic_label, self.topic)
        form.addRow(self._answer_label, self.answer)
        form.addRow(self._ticket_label, self.ticket)
        box.addWidget(self._title)
        box.addWidget(self.unavailable)
        box.addWidget(self.item_label)
        box.addLayout(form)
        box.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        self._history_title = styled_label("", role="section", wrap=False)
        self.history_list = QListWidget()
        self.history_list.setStyleSheet(LIST_STYLE)
        self.history_list.setObjectName("ConsultHistory")
        self.history_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # a long answer summary wraps to the panel instead of scrolling sideways
        self.history_list.setWordWrap(True)
        self.history_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.history_list.setResizeMode(QListView.ResizeMode.Adjust)
        box.addWidget(self._history_title)
        box.addWidget(self.history_list, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(form_card)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.items)
        splitter.addWidget(right)
        splitter.setSizes([600, 1100])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        self.topic.returnPressed.connect(self.answer.setFocus)
        counter.ticket_changed.connect(lambda _t: self._fill_ticket())
        self.item_label.hide()
        self._retranslate()
        self._fill_ticket()

    def focus_first(self) -> None:
        self._fill_ticket()
        self.items.focus_search()

    def choose_item(self, item_id: str) -> None:
        """The item asked about (Enter in the search list)."""
        catalog = self._catalog
        self._runner.run_catalog(
            lambda: catalog.item(item_id),
            on_done=lambda item: self._item_chosen(item_id, item.name),
            on_error=lambda error: self._messages.error(user_text(error)),
            key="consult-item",
            owner=self,
        )

    def _item_chosen(self, item_id: str, name: str) -> None:
        self._item_id = item_id
        self.item_label.setText(arg(self.tr("咨询事项: %1"), name))
        self.item_label.show()
        if not self.topic.text().strip():
            self.topic.setText(name)
        self.answer.setFocus()

    def save(self) -> None:
        """Ctrl+Enter: save the consultation with its outbox event."""
        journal = self._journal
        if journal is None:
            self._messages.warning(self.tr("本窗口端没有本地数据库, 无法登记咨询"))
            return
        if self._busy:
            return
        session = self._counter.require_session()
        topic, answer = self.topic.text(), self.answer.toPlainText()
        item_id, ticket = self._item_id, self.ticket.text().strip().upper()
        self._busy = True
        self._runner.run_catalog(
            lambda: journal.log(
                session=session, topic=topic, answer=answer, item_id=item_id, ticket=ticket
            ),
            on_done=self._saved,
            on_error=self._failed,
            key="consult-save",
            owner=self,
        )

    def _saved(self, entry: LoggedConsultation) -> None:
        self._busy = False
        self.history.append(entry)
        p = entry.payload
        self.history_list.insertItem(0, f"{p.topic} — {p.answer[:40]}")
        self._messages.success(arg(self.tr("咨询已登记: %1"), p.topic))
        self._item_id = ""
        self.item_label.hide()
        self.topic.clear()
        self.answer.clear()
        self.logged.emit(entry)
        self.items.focus_search()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        if not isinstance(error, UserFacingError):
            log.error("consultation not saved", exc_info=(type(error), error, error.__traceback__))
        self._messages.error(user_text(error))

    def _fill_ticket(self) -> None:
        ticket = self._counter.ticket
        if ticket is not None:
            self.ticket.setText(ticket.number)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._title.setText(self.tr("解答咨询 (不生成办件)"))
        self._topic_label.setText(self.tr("咨询主题"))
        self._answer_label.setText(self.tr("答复摘要"))
        self._ticket_label.setText(self.tr("排队号"))
        self.topic.setPlaceholderText(self.tr("在左侧检索事项后按 Enter, 或直接填写主题"))
        self.answer.setPlaceholderText(self.tr("答复要点 (不要填写身份证号、电话等个人信息)"))
        self.ticket.setPlaceholderText(self.tr("正在办理的排队号 (可空)"))
        self.save_button.setText(self.tr("登记 (Ctrl+Enter)"))
        self._history_title.setText(self.tr("本次登录已登记的咨询"))
        self.unavailable.setText(
            "" if self._journal is not None else self.tr("本窗口端没有本地数据库, 无法登记咨询")
        )
        self.unavailable.setVisible(self._journal is None)


def _consultation_page(context: PageContext) -> QWidget:
    services = context.services
    journal = (
        ConsultationLog(
            store=services.store,
            catalog=services.catalog,
            clock=services.clock,
            nudge=services.nudge_sync,
        )
        if services.store is not None
        else None
    )
    return ConsultationPage(
        journal=journal,
        catalog=services.catalog,
        hall_id=services.hall_id,
        runner=context.runner,
        counter=context.desk,
        messages=context.messages,
    )


PAGE = PageSpec(
    key="consultation",
    title=QT_TRANSLATE_NOOP("WindowPages", "解答咨询"),
    icon="help",
    factory=_consultation_page,
    roles=frozenset({Role.CLERK, Role.CHIEF}),
    shortcut="Ctrl+3",
)
