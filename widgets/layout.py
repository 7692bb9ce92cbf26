"""Small constructors for role-styled widgets, so screens read as what they show."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLayout, QVBoxLayout, QWidget


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


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget and nested layout of ``layout``."""
    while layout.count():
        child = layout.takeAt(0)
        if child is None:
            break
        widget = child.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        elif child.layout() is not None:
            clear_layout(child.layout())


def restyle(widget: QWidget) -> None:
    """Re-apply the style sheet after a ``role`` property changed at run time."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
