"""Small constructors for role-styled widgets, so screens read as what they show."""

from __future__ import annotations

import inspect
import logging

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)


def styled_label(text: str = "", *, role: str = "body", wrap: bool = True) -> QLabel:
    """A label styled by the theme's ``role`` (``title``, ``section``, ``muted`` …)."""
    widget = QLabel(text)
    widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    return widget


def card(*, horizontal: bool = False, spacing: int = 8) -> tuple[QFrame, QVBoxLayout | QHBoxLayout]:
    """A white rounded panel and its layout."""
    frame = QFrame()
    frame.setProperty("role", "card")
    layout: QVBoxLayout | QHBoxLayout = QHBoxLayout(frame) if horizontal else QVBoxLayout(frame)
    layout.setContentsMargins(16, 12, 16, 12)
    layout.setSpacing(spacing)
    return frame, layout


def heading(text: str = "", *, name: str) -> QLabel:
    """A screen's title, named for tests and for 朗读."""
    label = styled_label(text, role="title")
    label.setObjectName(name)
    return label


class MessageLine(QLabel):
    """One line of feedback: an error (red) or a notice (blue); empty hides it."""

    def __init__(self, *, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def error(self, text: str) -> None:
        self._say(text, "badge-danger")

    def notice(self, text: str) -> None:
        self._say(text, "notice")

    def clear_message(self) -> None:
        self.setText("")
        self.hide()

    def _say(self, text: str, role: str) -> None:
        self.setProperty("role", role)
        restyle(self)
        # a label polished without a role keeps the frame width it had then: the
        # style's padding only reaches the text through a style change
        QCoreApplication.sendEvent(self, QEvent(QEvent.Type.StyleChange))
        self.setText(text)
        self.setVisible(bool(text))


class FlowLayout(QLayout):
    """A layout written in Python that lays its shown items out in rows.

    It keeps the items and answers Qt's bookkeeping (``addItem``, ``count``, ``itemAt``,
    ``takeAt``); its height follows its width. A subclass says how rows are formed in
    :meth:`_arrange` and what size it asks for (``sizeHint``, ``minimumSize``).

    Args:
        spacing: between items, both ways.
        parent: the widget laid out, if any.
    """

    def __init__(self, *, spacing: int = 12, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def add(self, widget: QWidget) -> None:
        """Append ``widget`` after the ones already laid out."""
        self.addWidget(widget)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)
        self.invalidate()  # the rows, and the height asked for, change

    def count(self) -> int:  # noqa: D102 - Qt override
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            self.invalidate()
            return item
        return None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        margins = self.contentsMargins()
        widest = max((item.sizeHint().width() for item in self._shown()), default=0)
        width = widest + margins.left() + margins.right()
        return QSize(width, self.heightForWidth(width))

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        """Lay the items out in ``rect`` (when ``place``); the height they take.

        Here one item a row, each the full width; subclasses fill rows their own way.
        """
        margins = self.contentsMargins()
        width = rect.width() - margins.left() - margins.right()
        y = rect.y() + margins.top()
        for item in self._shown():
            height = (item.heightForWidth(width) if item.hasHeightForWidth()
                      else item.sizeHint().height())
            if place:
                item.setGeometry(QRect(rect.x() + margins.left(), y, width, height))
            y += height + self.spacing()
        if self._shown():
            y -= self.spacing()
        return y + margins.bottom() - rect.y()


def clear_layout(layout: QLayout) -> None:
    """Empty ``layout``, freeing every item it held and everything those items held.

    ``takeAt`` hands each item to the caller and Qt never frees it again (Qt's own idiom
    is ``delete child->widget(); delete child;``), so an item that is only taken leaks
    ≈ 50 bytes per label, row or stretch of every list or guide that is rebuilt: 2.4 KB
    a kiosk session, 21 MB over 10,000 (bench/README.md). Each taken item is freed
    here according to what it is:

    - a widget item: the widget is hidden and deleted later (it may be the very button
      whose click led here), the item itself now;
    - a nested layout: emptied the same way, detached, then deleted with its Python
      wrapper marked deleted, so a stale reference fails loudly instead of crashing;
    - a spacer (``addStretch``, ``addSpacing``): deleted now.

    Nested layouts are therefore owned by the layout that holds them: code that wants
    to refill a part of a screen keeps the *outer* layout (a widget's own layout or a
    layout added once to a page that is never cleared) and rebuilds what is inside it;
    it never keeps a nested layout across a clear of the layout that holds it.

    Args:
        layout: the layout to empty; it stays installed and can be filled again.
    """
    in_python = inspect.isfunction(getattr(type(layout), "takeAt", None))
    while layout.count():
        item = layout.takeAt(0)
        if item is None:  # a layout whose count() and takeAt() disagree: nothing to free
            log.warning("%s counts items it does not hand out", type(layout).__name__)
            break
        if in_python and item.layout() is None:
            item = _released(item)
        _free_item(item)


def _released(item: QLayoutItem) -> QLayoutItem:
    """``item`` as PySide's own ``takeAt`` hands it out: owned by no layout.

    PySide records which layout owns an item's wrapper when the item is added, and
    forgets it when a C++ ``takeAt`` hands the item out. A layout written in Python
    (:class:`FlowLayout`) takes its items out of a Python list, so PySide may
    still list the wrapper under its old layout; deleting the item then leaves that
    layout a dangling child, and the process crashes when the layout is destroyed.
    Passing the item once through a bare layout's ``addItem`` and ``takeAt`` ends that.
    """
    passage = QVBoxLayout()
    passage.addItem(item)
    taken = passage.takeAt(0)
    return taken if taken is not None else item


def _free_item(item: QLayoutItem) -> None:
    """Free ``item``, just taken from its layout, and what it holds."""
    widget = item.widget()
    nested = item.layout()
    if widget is not None:
        widget.hide()
        widget.deleteLater()
        shiboken6.delete(item)  # the item only; the widget goes in the next loop turn
    elif nested is not None:
        # ``item`` is ``nested`` itself (a layout is its own layout item): delete once
        clear_layout(nested)
        nested.setParent(None)  # detached (also from PySide's record) before deletion
        shiboken6.delete(nested)
    else:
        shiboken6.delete(item)


def restyle(widget: QWidget) -> None:
    """Re-apply the style sheet after a ``role`` property changed at run time."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
