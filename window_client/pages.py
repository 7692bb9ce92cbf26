"""The pages of the counter client and what every page is given.

A page is a module that defines one :class:`PageSpec` (conventionally ``PAGE``) and is
listed once in :mod:`window_client.registry`. The main window builds the left
navigation from that list: a page appears for a clerk who holds one of its roles
(no roles = everyone), with its icon and shortcut, and its widget is built lazily the
first time it is opened, from a :class:`PageContext`.

The context carries what pages share: the services (store-backed repositories, the
gateway clients), the task runner, the :class:`CounterDesk` (who is logged in, at
which window, and which queue ticket is being served, so the case opened for a ticket
is linked to it: 一号办到底), the message bar and navigation to another page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from core.accounts import ClerkSession
from core.case import Role
from widgets.task_runner import TaskRunner

if TYPE_CHECKING:
    from window_client.chrome import MessageBar
    from window_client.help_poller import HelpPoller
    from window_client.services import WindowServices

log = logging.getLogger(__name__)

PAGES_CONTEXT = "WindowPages"
"""Translation context of page titles (marked with ``QT_TRANSLATE_NOOP``)."""


class Page(Protocol):
    """What the navigation needs to know about a page."""

    @property
    def key(self) -> str:
        """A stable id (``"queue"``), used by :meth:`PageContext.open_page`."""
        ...

    @property
    def title(self) -> str:
        """The Chinese title, marked with ``QT_TRANSLATE_NOOP("WindowPages", …)``."""
        ...

    @property
    def icon(self) -> str:
        """An icon name from ``resources/icons``."""
        ...

    @property
    def roles(self) -> frozenset[Role]:
        """Roles that may open the page; empty = every clerk."""
        ...

    @property
    def shortcut(self) -> str:
        """A key sequence that opens the page (``"Ctrl+1"``); ``""`` for none."""
        ...

    def build(self, context: PageContext) -> QWidget:
        """Make the page's widget (called once, when first opened)."""
        ...


@dataclass(frozen=True, slots=True)
class PageSpec:
    """A :class:`Page` made of plain values and a widget factory."""

    key: str
    title: str
    icon: str
    factory: Callable[[PageContext], QWidget]
    roles: frozenset[Role] = frozenset()
    shortcut: str = ""

    def build(self, context: PageContext) -> QWidget:
        return self.factory(context)


_ROLE_NAMES: dict[Role, str] = {
    Role.CLERK: QT_TRANSLATE_NOOP("WindowPages", "综合受理"),
    Role.ISSUER: QT_TRANSLATE_NOOP("WindowPages", "出件"),
    Role.CHIEF: QT_TRANSLATE_NOOP("WindowPages", "首席代表"),
    Role.ADMIN: QT_TRANSLATE_NOOP("WindowPages", "管理员"),
    Role.REVIEWER: QT_TRANSLATE_NOOP("WindowPages", "后台审批"),
    Role.APPLICANT: QT_TRANSLATE_NOOP("WindowPages", "申请人"),
    Role.PLATFORM: QT_TRANSLATE_NOOP("WindowPages", "平台"),
}


def role_name(role: Role) -> str:
    """A role's name in the current language."""
    return QCoreApplication.translate(PAGES_CONTEXT, _ROLE_NAMES.get(role, role.value))


_LIST_SEPARATOR = QT_TRANSLATE_NOOP("WindowPages", "、")


def join_list(parts: Iterable[str]) -> str:
    """Names in a row, with the current language's separator (甲、乙 / A, B)."""
    return QCoreApplication.translate(PAGES_CONTEXT, _LIST_SEPARATOR).join(parts)


def page_title(page: Page) -> str:
    """The page's title in the current language."""
    return QCoreApplication.translate(PAGES_CONTEXT, page.title)


def allowed(page: Page, session: ClerkSession) -> bool:
    """Whether the logged-in clerk may open ``page``."""
    return not page.roles or any(session.clerk.has(role) for role in page.roles)


@dataclass(frozen=True, slots=True)
class ServedTicket:
    """The queue ticket being served at this window (一号办到底).

    Attributes:
        number: ``A012``.
        area: the business area prefix.
        area_name: its name.
        green: the 绿色通道 kind (``""`` for none).
    """

    number: str
    area: str
    area_name: str
    green: str = ""


class CounterDesk(QObject):
    """Who sits at this window and whom they serve, shared by every page.

    Signals:
        session_changed(object): the :class:`ClerkSession` changed (login, 潮汐窗口
            areas, logout → ``None``).
        ticket_changed(object): the :class:`ServedTicket` being served changed
            (``None`` when nobody is being served).
        case_linked(str): a case number was linked to the served ticket.
    """

    session_changed = Signal(object)
    ticket_changed = Signal(object)
    case_linked = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session: ClerkSession | None = None
        self._ticket: ServedTicket | None = None

    @property
    def session(self) -> ClerkSession | None:
        return self._session

    def require_session(self) -> ClerkSession:
        """The session; pages only exist while someone is logged in."""
        if self._session is None:
            raise RuntimeError("no clerk is logged in")
        return self._session

    @property
    def ticket(self) -> ServedTicket | None:
        return self._ticket

    def set_session(self, session: ClerkSession | None) -> None:
        self._session = session
        if session is None:
            self.set_ticket(None)
        self.session_changed.emit(session)

    def set_ticket(self, ticket: ServedTicket | None) -> None:
        if ticket != self._ticket:
            self._ticket = ticket
            self.ticket_changed.emit(ticket)


@dataclass(frozen=True, slots=True)
class PageContext:
    """What a page is built from.

    Attributes:
        services: the window client's services.
        runner: all blocking work goes through it.
        desk: the logged-in clerk and the served ticket.
        messages: the non-modal message bar.
        open_page: show another page by key (``"acceptance"``).
        help_feed: the shell's watch on the hall's help feed (the 帮办与告警 page
            shows its feeds instead of polling itself); ``None`` without a gateway.
    """

    services: WindowServices
    runner: TaskRunner
    desk: CounterDesk
    messages: MessageBar
    open_page: Callable[[str], None]
    help_feed: HelpPoller | None = None
