"""The clerk's counter window: login, then pages chosen in a left navigation.

The window is a frame, not a god object: it shows the :class:`LoginScreen` until a
clerk logs in, then the header (clerk, role, window number, business areas,
online/offline with pending events), the non-modal :class:`MessageBar` and the pages of
:data:`window_client.registry.PAGES` that the clerk's roles allow. Each page is built
the first time it is opened, from a :class:`PageContext`. Page shortcuts (Ctrl+1 …)
work from anywhere in the window; logging out drops every page, so nothing of one
clerk's work stays on screen for the next.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.accounts import ClerkSession
from core.errors import UserFacingError
from sync.help_protocol import HelpTicket
from sync.status import SyncStatus
from widgets.i18n import LanguageManager, arg, is_language_change
from widgets.icons import icon, icon_size
from widgets.task_runner import TaskRunner
from window_client.alerts import place_name, topic_name
from window_client.chrome import HeaderBar, MessageBar, SyncStatusRelay, user_text
from window_client.help_poller import HelpPoller
from window_client.login import LoginScreen
from window_client.pages import CounterDesk, Page, PageContext, allowed, join_list, page_title
from window_client.registry import PAGES
from window_client.services import WindowServices

log = logging.getLogger(__name__)

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
HELP_PAGE = "help"
"""The 帮办与告警 page's key: its navigation entry carries the open-request badge."""


class WindowClientWindow(QMainWindow):
    """The clerk's window.

    Args:
        services: what the client works with (built by the composition root).
        language: switches 中文/English at run time.
        runner: the task runner; when omitted the window makes one and shuts it down
            when it closes.
        pages: the pages to offer (default: :data:`window_client.registry.PAGES`).
        parent: the Qt parent.

    Signals:
        page_changed(str): the page with this key is now shown.
        session_started(object): a clerk logged in (:class:`ClerkSession`).
        session_ended(): the clerk logged out.
    """

    page_changed = Signal(str)
    session_started = Signal(object)
    session_ended = Signal()

    help_poller: HelpPoller | None = None
    """Watches the hall's help feed while a clerk is logged in (with a gateway)."""

    def __init__(
        self,
        *,
        services: WindowServices,
        language: LanguageManager,
        runner: TaskRunner | None = None,
        pages: Sequence[Page] = PAGES,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("WindowClientWindow")
        self.services = services
        self._language = language
        self._owns_runner = runner is None
        self.runner = runner if runner is not None else TaskRunner(parent=self)
        self._all_pages = tuple(pages)
        self._pages: dict[str, Page] = {}
        self._widgets: dict[str, QWidget] = {}
        self._shortcuts: list[QShortcut] = []
        self.desk = CounterDesk(self)

        self.header = HeaderBar()
        self.messages = MessageBar()
        self.login = LoginScreen(services=services, runner=self.runner)
        self.nav = _page_nav()
        self.nav.currentItemChanged.connect(self._nav_changed)
        self.stack = QStackedWidget()
        self.stack.setObjectName("PageStack")
        work = QWidget()
        work_layout = QHBoxLayout(work)
        work_layout.setContentsMargins(0, 0, 0, 0)
        work_layout.setSpacing(0)
        work_layout.addWidget(self.nav)
        work_layout.addWidget(self.stack, 1)
        self.body = QStackedWidget()
        self.body.addWidget(self.login)
        self.body.addWidget(work)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.messages)
        layout.addWidget(self.body, 1)
        self.setCentralWidget(central)

        self.header.logout_requested.connect(self.log_out)
        self.header.areas_requested.connect(self.change_areas)
        self.header.language_requested.connect(language.toggle)
        self.login.logged_in.connect(self.start_session)
        self._relay: SyncStatusRelay | None = None
        if services.sync_status is not None:
            self._relay = SyncStatusRelay(services.sync_status, self)
            self._relay.changed.connect(self._status_changed)
            self.header.show_status(services.sync_status.status)
        self._retranslate()
        self.resize(1920, 1080)
        self.login.reset()

    # -- session -------------------------------------------------------------------

    @property
    def session(self) -> ClerkSession | None:
        return self.desk.session

    def start_session(self, session: ClerkSession) -> None:
        """Show the pages the clerk's roles allow and open the first one."""
        self.desk.set_session(session)
        self.header.show_session(session)
        self._pages = {p.key: p for p in self._all_pages if allowed(p, session)}
        self.nav.blockSignals(True)
        self.nav.clear()
        for page in self._pages.values():
            row = QListWidgetItem(icon(page.icon, size=28, colour="#FFFFFF"), "")
            row.setData(KEY_ROLE, page.key)
            row.setSizeHint(QSize(200, 56))
            self.nav.addItem(row)
            if page.shortcut:
                shortcut = QShortcut(QKeySequence(page.shortcut), self)
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                shortcut.activated.connect(lambda key=page.key: self.open_page(key))
                self._shortcuts.append(shortcut)
        self.nav.blockSignals(False)
        self._retranslate_nav()
        self.body.setCurrentIndex(1)
        self.messages.dismiss()
        self._watch_help()
        self.session_started.emit(session)
        if self._pages:
            self.open_page(next(iter(self._pages)))
        else:
            self.messages.warning(self.tr("您的岗位在本窗口端没有可用的功能, 请联系管理员"))

    def log_out(self) -> None:
        """Drop every page (nothing of this clerk's work stays) and show the login."""
        session = self.desk.session
        self._unwatch_help()
        for shortcut in self._shortcuts:
            shortcut.setEnabled(False)
            shortcut.deleteLater()
        self._shortcuts.clear()
        for widget in self._widgets.values():
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self._widgets.clear()
        self._pages.clear()
        self.nav.clear()
        self.messages.dismiss()
        self.desk.set_session(None)
        self.header.show_session(None)
        self.body.setCurrentIndex(0)
        self.login.reset()
        if session is not None:
            log.info("clerk %s logged out of window %s", session.clerk.id, session.window)
        self.session_ended.emit()

    def change_areas(self) -> None:
        """潮汐窗口: choose the business areas this window handles from now on."""
        session = self.desk.session
        if session is None:
            return
        services = self.services
        self.runner.run_catalog(
            services.hall_areas,
            on_done=lambda areas: self._ask_areas(session, areas),
            on_error=lambda error: self.messages.error(user_text(error)),
            key="window-areas",
            owner=self,
        )

    def _ask_areas(self, session: ClerkSession, hall_areas: tuple[str, ...]) -> None:
        dialog = AreasDialog(
            choices=list(dict.fromkeys([*hall_areas, *session.business_areas])),
            chosen=session.business_areas,
            parent=self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        chosen = dialog.chosen()
        accounts = self.services.accounts
        self.runner.run_catalog(
            lambda: accounts.set_business_areas(session, chosen),
            on_done=self._areas_changed,
            on_error=self._areas_failed,
            key="window-areas-set",
            owner=self,
        )

    def _areas_changed(self, session: ClerkSession) -> None:
        self.desk.set_session(session)
        self.header.show_session(session)
        self.messages.success(
            arg(self.tr("本窗口业务区已改为: %1"), join_list(session.business_areas))
        )

    def _areas_failed(self, error: BaseException) -> None:
        if not isinstance(error, UserFacingError):
            log.error("areas change failed", exc_info=(type(error), error, error.__traceback__))
        self.messages.error(user_text(error))

    # -- pages -----------------------------------------------------------------------

    def page_keys(self) -> list[str]:
        """The pages the logged-in clerk sees, in navigation order."""
        return list(self._pages)

    def current_page(self) -> str | None:
        widget = self.stack.currentWidget()
        for key, page_widget in self._widgets.items():
            if page_widget is widget:
                return key
        return None

    def page(self, key: str) -> QWidget:
        """The page's widget, built on first use.

        Raises:
            KeyError: no such page for this clerk.
        """
        widget = self._widgets.get(key)
        if widget is None:
            page = self._pages[key]
            widget = page.build(
                PageContext(
                    services=self.services,
                    runner=self.runner,
                    desk=self.desk,
                    messages=self.messages,
                    open_page=self.open_page,
                    help_feed=self.help_poller,
                )
            )
            widget.setObjectName(widget.objectName() or f"Page_{key}")
            self._widgets[key] = widget
            self.stack.addWidget(widget)
        return widget

    def open_page(self, key: str) -> None:
        """Show page ``key`` and put the cursor where work on it starts."""
        if key not in self._pages:
            self.messages.warning(self.tr("您的岗位不能使用该功能"))
            return
        widget = self.page(key)
        self.stack.setCurrentWidget(widget)
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            if item is not None and item.data(KEY_ROLE) == key:
                self.nav.blockSignals(True)
                self.nav.setCurrentRow(row)
                self.nav.blockSignals(False)
        focus_first = getattr(widget, "focus_first", None)
        if callable(focus_first):
            focus_first()
        self.page_changed.emit(key)

    def _nav_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.open_page(str(current.data(KEY_ROLE)))

    # -- help requests from the kiosks ------------------------------------------------

    def _watch_help(self) -> None:
        """Watch the hall's help feed for this session, whichever page is open."""
        desk = self.services.desk
        if desk is None or HELP_PAGE not in self._pages:
            return
        poller = HelpPoller(desk=desk, runner=self.runner, parent=self)
        poller.help_requested.connect(self._help_requested)
        poller.open_count_changed.connect(lambda _count: self._retranslate_nav())
        self.help_poller = poller
        poller.start()

    def _unwatch_help(self) -> None:
        poller, self.help_poller = self.help_poller, None
        if poller is not None:
            poller.stop()
            poller.deleteLater()

    def _help_requested(self, ticket: HelpTicket) -> None:
        """A citizen pressed 呼叫帮办: say where, non-modally, with a way to take it."""
        help_id = ticket.help_id
        self.messages.notify(
            arg(self.tr("%1 呼叫帮办（%2），请前往协助"), place_name(ticket.place),
                topic_name(ticket)),
            action=self.tr("响应并查看"),
            on_action=lambda: self.take_help(help_id),
        )

    def take_help(self, help_id: str) -> None:
        """Take a help request from the notice, then show it on the 帮办与告警 page."""
        session = self.desk.session
        poller = self.help_poller
        if session is None or poller is None:
            return
        help_client = poller.desk.help
        clerk = session.clerk
        window_no = session.window
        self.runner.run(
            lambda: help_client.acknowledge(
                help_id, clerk_id=clerk.id, clerk_name=clerk.name, window_no=window_no
            ),
            on_done=self._help_taken,
            on_error=self._help_take_failed,
            owner=self,
        )

    def _help_taken(self, ticket: HelpTicket) -> None:
        self.open_page(HELP_PAGE)
        self.messages.success(
            arg(self.tr("已响应 %1 的帮办请求，请前往协助"), place_name(ticket.place))
        )
        if self.help_poller is not None:
            self.help_poller.poll_now()

    def _help_take_failed(self, error: BaseException) -> None:
        self.open_page(HELP_PAGE)
        self.messages.error(user_text(error))

    # -- status, language, closing --------------------------------------------------

    def _status_changed(self, status: SyncStatus) -> None:
        self.header.show_status(status)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("一窗受理 · 窗口端"))
        self.header.language.setText("中文" if self._language.language() == "en" else "English")
        self._retranslate_nav()

    def _retranslate_nav(self) -> None:
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            if item is None:
                continue
            page = self._pages.get(str(item.data(KEY_ROLE)))
            if page is not None:
                hint = f"  ({page.shortcut})" if page.shortcut else ""
                title = page_title(page)
                waiting = self.help_poller.open_count if self.help_poller is not None else 0
                if page.key == HELP_PAGE and waiting:
                    title = arg(self.tr("%1 · %2 待响应"), title, waiting)
                item.setText(title)
                item.setToolTip(page_title(page) + hint)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self._unwatch_help()
        if self._relay is not None:
            self._relay.close()
        if self._owns_runner:
            desk = self.services.desk
            if desk is not None:
                # Ends the help feed's long-poll at once; otherwise the shutdown below
                # waits up to the poll's 25 s for the gateway to answer.
                desk.transport.close()
            self.runner.shutdown()
        super().closeEvent(event)


def _page_nav() -> QListWidget:
    """The left navigation: icon and title of each page the clerk may open."""
    nav = QListWidget()
    nav.setObjectName("PageNav")
    nav.setIconSize(icon_size(28))
    nav.setFixedWidth(220)
    # a long English title ("Concluded at the window") takes two lines, not an ellipsis
    nav.setWordWrap(True)
    nav.setTextElideMode(Qt.TextElideMode.ElideNone)
    return nav


class AreasDialog(QDialog):
    """Tick the business areas the window handles (潮汐窗口); digits toggle, Enter saves."""

    def __init__(
        self, *, choices: Sequence[str], chosen: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("AreasDialog")
        self.setWindowTitle(self.tr("更改本窗口业务区"))
        layout = QVBoxLayout(self)
        self.boxes: list[QCheckBox] = []
        for number, area in enumerate(choices, start=1):
            box = QCheckBox(f"{number}  {area}" if number < 10 else area)
            box.setProperty("area", area)
            box.setChecked(area in chosen)
            layout.addWidget(box)
            self.boxes.append(box)
            if number < 10:
                shortcut = QShortcut(QKeySequence(str(number)), self)
                shortcut.activated.connect(box.toggle)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> tuple[str, ...]:
        return tuple(str(b.property("area")) for b in self.boxes if b.isChecked())
