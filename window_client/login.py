"""The clerk's login: account and password, then today's business areas of the window.

Keyboard first: Enter moves from the account to the password and logs in; on the
areas step the digits 1–9 toggle an area and Enter starts work. The password check
(scrypt, lockout after repeated failures) is :class:`core.accounts.Accounts`; it runs
on the task runner's database thread, never on the GUI thread. A clerk whose password
was reset by an administrator must choose a new one before anything else.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.accounts import AccountLocked, ClerkSession, LoginRefused
from core.errors import UserFacingError
from widgets.i18n import arg, is_language_change
from widgets.layout import card, clear_layout, styled_label
from widgets.task_runner import TaskRunner
from window_client.chrome import user_text
from window_client.pages import join_list, role_name
from window_client.services import WindowServices

log = logging.getLogger(__name__)


class LoginScreen(QWidget):
    """Account, password and window number; then the window's business areas.

    Args:
        services: accounts and the hall's areas.
        runner: the task runner.
        parent: the Qt parent.

    Signals:
        logged_in(object): the :class:`ClerkSession` to work in, with the areas chosen.
    """

    logged_in = Signal(object)

    def __init__(
        self, *, services: WindowServices, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("LoginScreen")
        self._services = services
        self._runner = runner
        self._session: ClerkSession | None = None
        self._busy = False
        # Kept only between a login with a reset password and the change it forces.
        self._old_password = ""
        self._typed_password = ""
        self.steps = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        frame, box = card(spacing=12)
        frame.setFixedWidth(640)
        self.heading = styled_label("", role="title", wrap=False)
        box.addWidget(self.heading)
        box.addWidget(self.steps)
        self.error = styled_label("", role="notice")
        self.error.setObjectName("LoginError")
        self.error.hide()
        box.addWidget(self.error)
        outer.addWidget(frame, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.steps.addWidget(self._credentials_step())
        self.steps.addWidget(self._password_step())
        self.steps.addWidget(self._areas_step())
        self._retranslate()

    def _credentials_step(self) -> QWidget:
        credentials = QWidget()
        form = QFormLayout(credentials)
        self.account = QLineEdit()
        self.account.setObjectName("LoginAccount")
        self.password = QLineEdit()
        self.password.setObjectName("LoginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.window_no = QLineEdit()
        self.window_no.setObjectName("LoginWindow")
        self.window_no.setMaxLength(8)
        self.submit = QPushButton()
        self.submit.setObjectName("LoginButton")
        self.submit.setProperty("role", "primary")
        self._account_label = styled_label("", wrap=False)
        self._password_label = styled_label("", wrap=False)
        self._window_label = styled_label("", wrap=False)
        form.addRow(self._account_label, self.account)
        form.addRow(self._password_label, self.password)
        form.addRow(self._window_label, self.window_no)
        form.addRow(self.submit)
        self.account.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.log_in)
        self.window_no.returnPressed.connect(self.log_in)
        self.submit.clicked.connect(self.log_in)
        return credentials

    def _password_step(self) -> QWidget:
        """A new password after an administrator's reset."""
        change = QWidget()
        change_form = QFormLayout(change)
        self.new_password = QLineEdit()
        self.new_password.setObjectName("NewPassword")
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_password = QLineEdit()
        self.repeat_password.setObjectName("RepeatPassword")
        self.repeat_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.change_button = QPushButton()
        self.change_button.setObjectName("ChangePasswordButton")
        self.change_button.setProperty("role", "primary")
        self._new_label = styled_label("", wrap=False)
        self._repeat_label = styled_label("", wrap=False)
        change_form.addRow(self._new_label, self.new_password)
        change_form.addRow(self._repeat_label, self.repeat_password)
        change_form.addRow(self.change_button)
        self.new_password.returnPressed.connect(self.repeat_password.setFocus)
        self.repeat_password.returnPressed.connect(self._change_password)
        self.change_button.clicked.connect(self._change_password)
        return change

    def _areas_step(self) -> QWidget:
        """Business areas of the window today (潮汐窗口)."""
        areas = QWidget()
        self._areas_layout = QVBoxLayout(areas)
        self.who = styled_label("", role="subtitle")
        self.who.setObjectName("LoginWho")
        self._areas_hint = styled_label("", role="muted")
        self._area_boxes_holder = QVBoxLayout()
        self.start = QPushButton()
        self.start.setObjectName("StartWorkButton")
        self.start.setProperty("role", "primary")
        self.start.clicked.connect(self.start_work)
        self._areas_layout.addWidget(self.who)
        self._areas_layout.addWidget(self._areas_hint)
        self._areas_layout.addLayout(self._area_boxes_holder)
        self._areas_layout.addWidget(self.start)
        self.area_boxes: list[QCheckBox] = []
        areas.installEventFilter(self)
        self._areas_page = areas
        return areas

    # -- public --------------------------------------------------------------------

    def reset(self) -> None:
        """Back to an empty login form (after logout)."""
        self._session = None
        self._busy = False
        self._old_password = ""
        self._typed_password = ""
        for field in (
            self.account,
            self.password,
            self.window_no,
            self.new_password,
            self.repeat_password,
        ):
            field.clear()
        self.error.hide()
        self.steps.setCurrentIndex(0)
        self.account.setFocus(Qt.FocusReason.OtherFocusReason)

    def error_text(self) -> str:
        return self.error.text() if not self.error.isHidden() else ""

    def log_in(self) -> None:
        """Check the account and password (on the database thread)."""
        if self._busy:
            return
        account = self.account.text().strip()
        password = self.password.text()
        if not account or not password:
            self._show_error(self.tr("请输入账号和密码"))
            (self.account if not account else self.password).setFocus()
            return
        self._busy = True
        self.error.hide()
        self._typed_password = password
        self.submit.setEnabled(False)
        accounts = self._services.accounts
        window = self.window_no.text().strip()
        self._runner.run_catalog(
            lambda: accounts.login(account, password, window=window),
            on_done=self._logged_in,
            on_error=self._login_failed,
            key="login",
            owner=self,
        )

    def start_work(self) -> None:
        """Confirm the areas chosen and hand the session to the window."""
        session = self._session
        if session is None or self._busy:
            return
        chosen = tuple(box.property("area") for box in self.area_boxes if box.isChecked())
        if not chosen:
            self._show_error(self.tr("请至少选择一个业务区"))
            return
        if chosen == session.business_areas:
            self.logged_in.emit(session)
            return
        self._busy = True
        accounts = self._services.accounts
        self._runner.run_catalog(
            lambda: accounts.set_business_areas(session, chosen),
            on_done=self._areas_set,
            on_error=self._step_failed,
            key="login-areas",
            owner=self,
        )

    # -- steps -----------------------------------------------------------------------

    def _logged_in(self, session: ClerkSession) -> None:
        self._busy = False
        self.submit.setEnabled(True)
        self.password.clear()
        self.error.hide()
        self._session = session
        self._old_password = self._typed_password if session.must_change_password else ""
        self._typed_password = ""
        if session.must_change_password:
            self.steps.setCurrentIndex(1)
            self.new_password.setFocus()
            self._show_error(self.tr("管理员重置了您的密码, 请先设置新密码"))
            return
        self._choose_areas(session)

    def _login_failed(self, error: BaseException) -> None:
        self._busy = False
        self._typed_password = ""
        self.submit.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        if isinstance(error, LoginRefused | AccountLocked):
            self._show_error(user_text(error))
            return
        log.error("login failed", exc_info=(type(error), error, error.__traceback__))
        self._show_error(user_text(error))

    def _change_password(self) -> None:
        session = self._session
        if session is None or self._busy:
            return
        new = self.new_password.text()
        if new != self.repeat_password.text():
            self._show_error(self.tr("两次输入的新密码不一致"))
            self.repeat_password.clear()
            self.repeat_password.setFocus()
            return
        old = self._old_password
        self._busy = True
        accounts = self._services.accounts
        self._runner.run_catalog(
            lambda: accounts.change_password(session, old, new),
            on_done=self._password_changed,
            on_error=self._step_failed,
            key="login-password",
            owner=self,
        )

    def _password_changed(self, session: ClerkSession) -> None:
        self._busy = False
        self._old_password = ""
        self.new_password.clear()
        self.repeat_password.clear()
        self._session = session
        self._choose_areas(session)

    def _choose_areas(self, session: ClerkSession) -> None:
        services = self._services
        self._runner.run_catalog(
            services.hall_areas,
            on_done=lambda hall_areas: self._show_areas(session, hall_areas),
            on_error=lambda _error: self._show_areas(session, ()),
            key="login-hall-areas",
            owner=self,
        )

    def _show_areas(self, session: ClerkSession, hall_areas: tuple[str, ...]) -> None:
        clear_layout(self._area_boxes_holder)
        self.area_boxes = []
        choices = list(dict.fromkeys([*hall_areas, *session.business_areas]))
        for number, area in enumerate(choices, start=1):
            box = QCheckBox(f"{number}  {area}" if number < 10 else area)
            box.setObjectName(f"Area{number}")
            box.setProperty("area", area)
            box.setChecked(area in session.business_areas)
            self._area_boxes_holder.addWidget(box)
            self.area_boxes.append(box)
        roles = join_list(role_name(role) for role in session.clerk.roles)
        self.who.setText(
            arg(self.tr("%1 · %2 · %3 号窗口"), session.clerk.name, roles, session.window or "—")
        )
        self.error.hide()
        self.steps.setCurrentIndex(2)
        self._areas_page.setFocus(Qt.FocusReason.OtherFocusReason)

    def _areas_set(self, session: ClerkSession) -> None:
        self._busy = False
        self._session = session
        self.logged_in.emit(session)

    def _step_failed(self, error: BaseException) -> None:
        self._busy = False
        if not isinstance(error, UserFacingError):
            log.error("login step failed", exc_info=(type(error), error, error.__traceback__))
        self._show_error(user_text(error))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    # -- keys and language ----------------------------------------------------------

    def eventFilter(self, watched: object, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            watched is self._areas_page
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            key = event.key()
            if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
                index = key - Qt.Key.Key_1
                if index < len(self.area_boxes):
                    box = self.area_boxes[index]
                    box.setChecked(not box.isChecked())
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.start_work()
                return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("窗口人员登录"))
        self._account_label.setText(self.tr("账号"))
        self._password_label.setText(self.tr("密码"))
        self._window_label.setText(self.tr("窗口号"))
        self.window_no.setPlaceholderText(self.tr("留空则使用账号登记的窗口"))
        self.submit.setText(self.tr("登录 (Enter)"))
        self._new_label.setText(self.tr("新密码"))
        self._repeat_label.setText(self.tr("再输一次"))
        self.change_button.setText(self.tr("修改密码"))
        self._areas_hint.setText(
            self.tr("今天本窗口办理的业务区 (潮汐窗口可随时在顶部更改); 数字键切换, Enter 开始")
        )
        self.start.setText(self.tr("开始工作 (Enter)"))
