"""One citizen's session at the kiosk, and the one place its personal data is wiped.

Everything personal a screen holds — a resolved 居民码 identity, e-licences, a pickup
code, a typed name, search text and results — is registered with the window's
:class:`KioskSession`. When the citizen finishes, walks away (idle timeout) or the
kiosk recovers from an error, :meth:`KioskSession.end` wipes it all at once:

1. every registered holder's ``forget_personal_data()`` is called;
2. every value kept with :meth:`KioskSession.keep` is dropped;
3. every text field under the window is emptied (``setText("")`` also empties the
   undo history, so nothing comes back with Ctrl+Z), and every widget under the window
   that has ``forget_personal_data()`` (keyboards, screens) is told to forget;
4. the clipboard is cleared;
5. the catalog's pending zero-result search is written (``flush_misses``), so the
   typed query leaves the catalog's memory.

:meth:`KioskSession.leftovers` then names anything still holding data; it is empty
after every end, and the tests check it together with every label and field of the
window.

A screen opts in like this::

    class PickupScreen(QWidget):
        def __init__(self, *, session: KioskSession, ...):
            session.register(self)

        def holds_personal_data(self) -> bool:
            return self._identity is not None

        def forget_personal_data(self) -> None:
            self._identity = None
            self._name_label.setText("")
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

log = logging.getLogger(__name__)


@runtime_checkable
class PersonalDataHolder(Protocol):
    """Something that holds a citizen's data for the length of a session."""

    def forget_personal_data(self) -> None:
        """Drop everything personal (labels too); must not raise."""
        ...


class EndReason(StrEnum):
    """Why a session ended."""

    FINISHED = "finished"  # the citizen tapped 首页 / 退出 / 完成
    IDLE = "idle"  # nobody touched the kiosk until the countdown ran out
    ERROR = "error"  # the crash handler sent the kiosk home
    STAFF = "staff"  # staff reset the terminal


@dataclass(frozen=True, slots=True)
class SessionEnd:
    """What :meth:`KioskSession.end` did (payload of :attr:`KioskSession.ended`).

    Attributes:
        reason: why it ended.
        at: when.
        holders: registered holders told to forget.
        values: kept values dropped.
        fields: text fields that had text and were emptied.
    """

    reason: EndReason
    at: datetime
    holders: int
    values: int
    fields: int


class KioskSession(QObject):
    """Owns what a session knows about a person, and wipes it at the end.

    Args:
        root: the window whose fields and screens are wiped.
        catalog: the catalog; its ``flush_misses()`` is called at the end if it has one.
        now: the clock for :class:`SessionEnd`.
        parent: the Qt parent.

    Signals:
        ended(SessionEnd): a session was wiped.
    """

    ended = Signal(object)

    def __init__(
        self,
        *,
        root: QWidget | None = None,
        catalog: object | None = None,
        now: Callable[[], datetime] = datetime.now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._root = root
        self._catalog = catalog
        self._now = now
        self._holders: list[weakref.ReferenceType[PersonalDataHolder]] = []
        self._values: dict[str, object] = {}

    def set_root(self, root: QWidget) -> None:
        """The window to wipe (when the session is made before the window)."""
        self._root = root

    # -- what screens hold ---------------------------------------------------------------

    def register(self, holder: PersonalDataHolder) -> None:
        """Tell ``holder`` to forget at every end; held weakly (a screen may go first).

        Register once, when the holder is built, not once per session.
        """
        if not isinstance(holder, PersonalDataHolder):
            raise TypeError(f"{type(holder).__name__} has no forget_personal_data()")
        if any(ref() is holder for ref in self._holders):
            return
        self._holders.append(weakref.ref(holder))

    def keep(self, key: str, value: object) -> None:
        """Keep a personal value for this session (``"identity"``, ``"elicences"`` …)."""
        self._values[key] = value

    def get(self, key: str) -> object | None:
        """A value kept with :meth:`keep`, or ``None``."""
        return self._values.get(key)

    def drop(self, key: str) -> None:
        """Forget one kept value now."""
        self._values.pop(key, None)

    def holds_personal_data(self) -> bool:
        """Whether anything of a person is held: kept values, a holder, a field."""
        return bool(self.leftovers())

    def leftovers(self) -> list[str]:
        """What still holds personal data, by name (empty right after :meth:`end`)."""
        found = [f"value {key}" for key in self._values]
        for holder in self._live_holders():
            check = getattr(holder, "holds_personal_data", None)
            if callable(check) and check():
                found.append(f"holder {type(holder).__name__}")
        found.extend(f"field {name}" for name in self._filled_fields())
        return found

    # -- the end -------------------------------------------------------------------------

    def end(self, reason: EndReason) -> SessionEnd:
        """Wipe everything personal; see the module docstring for what that means."""
        holders = self._live_holders()
        for holder in holders:
            self._forget(holder)
        values = len(self._values)
        self._values.clear()
        fields = self._clear_fields()
        if self._root is not None:
            told = {id(holder) for holder in holders}
            for widget in self._root.findChildren(QWidget):
                if id(widget) not in told and isinstance(widget, PersonalDataHolder):
                    self._forget(widget)
        clipboard = QApplication.clipboard()
        if clipboard is not None:
            clipboard.clear()
        flush = getattr(self._catalog, "flush_misses", None)
        if callable(flush):
            try:
                flush()
            except Exception:
                # the wipe must finish even if the journal is unwritable
                log.exception("could not write the pending zero-result search")
        result = SessionEnd(reason, self._now(), len(holders), values, fields)
        log.info(
            "session ended (%s): %d holders, %d values, %d fields wiped",
            reason.value,
            result.holders,
            result.values,
            result.fields,
        )
        self.ended.emit(result)
        return result

    # -- internals -----------------------------------------------------------------------

    def _live_holders(self) -> list[PersonalDataHolder]:
        live = [h for h in (ref() for ref in self._holders) if h is not None]
        if len(live) != len(self._holders):
            self._holders = [weakref.ref(h) for h in live]
        return live

    @staticmethod
    def _forget(holder: PersonalDataHolder) -> None:
        try:
            holder.forget_personal_data()
        except Exception:
            # one broken screen must not leave the others' data behind
            log.exception("%s failed to forget its personal data", type(holder).__name__)

    def _fields(self) -> list[QWidget]:
        if self._root is None:
            return []
        found: list[QWidget] = list(self._root.findChildren(QLineEdit))
        found += self._root.findChildren(QTextEdit)
        found += self._root.findChildren(QPlainTextEdit)
        return found

    def _filled_fields(self) -> list[str]:
        names = []
        for field in self._fields():
            if isinstance(field, QLineEdit):
                text = field.text()
            elif isinstance(field, QTextEdit | QPlainTextEdit):
                text = field.toPlainText()
            else:
                continue
            if text:
                names.append(field.objectName() or type(field).__name__)
        return names

    def _clear_fields(self) -> int:
        cleared = 0
        for field in self._fields():
            if isinstance(field, QLineEdit):
                cleared += bool(field.text())
                field.setText("")  # unlike clear(), also empties the undo history
            elif isinstance(field, QTextEdit | QPlainTextEdit):
                cleared += bool(field.toPlainText())
                field.clear()  # clears the undo/redo history too
        return cleared
