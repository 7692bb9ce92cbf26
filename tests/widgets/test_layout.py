"""``clear_layout`` frees what it takes: widgets, spacers and nested layouts, safely."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from widgets.layout import FlowLayout, clear_layout


def _deferred_deletes() -> None:
    """Run the ``deleteLater`` calls, as the kiosk's event loop does on its next turn."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _fill(layout: QVBoxLayout, round_: int) -> dict[str, list[object]]:
    """Widgets, spacers, and layouts nested two deep, of every kind the screens use."""
    made: dict[str, list[object]] = {"widgets": [], "layouts": [], "items": []}
    for n in range(3):
        label = QLabel(f"第 {round_} 轮 标签 {n}")
        layout.addWidget(label)
        made["widgets"].append(label)
    layout.addSpacing(12)
    row = QHBoxLayout()
    chip = QPushButton(f"情形 {round_}")
    row.addWidget(chip)
    row.addStretch(1)
    inner = QVBoxLayout()
    badge = QLabel("可自助办理")
    inner.addWidget(badge)
    inner.addSpacing(4)
    row.addLayout(inner)
    layout.addLayout(row)
    grid = QGridLayout()
    cells = [QLabel(f"{r},{c}") for r in range(2) for c in range(2)]
    for index, cell in enumerate(cells):
        grid.addWidget(cell, *divmod(index, 2))
    layout.addLayout(grid)
    listed = FlowLayout(spacing=0)
    listed_button = QPushButton("邮寄")
    listed.addWidget(listed_button)
    listed.addItem(QVBoxLayout())  # an empty nested layout inside a Python layout
    layout.addLayout(listed)
    layout.addStretch(1)
    made["widgets"] += [chip, badge, *cells, listed_button]
    made["layouts"] += [row, inner, grid, listed]
    # every item the layouts hold, as the wrappers takeAt() will hand out
    for holder in (layout, row, inner, grid, listed):
        made["items"] += [holder.itemAt(i) for i in range(holder.count())]
    return made


@pytest.fixture
def host(qtbot):
    page = QWidget()
    layout = QVBoxLayout(page)
    page.resize(480, 640)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page, layout


def test_clearing_frees_widgets_spacers_and_nested_layouts(host):
    page, layout = host
    made = _fill(layout, 1)
    assert all(shiboken6.isValid(item) for item in made["items"])

    clear_layout(layout)

    assert layout.count() == 0
    # items, spacers and nested layouts are freed at once; a stale wrapper says so
    assert not any(shiboken6.isValid(item) for item in made["items"])
    assert not any(shiboken6.isValid(nested) for nested in made["layouts"])
    # widgets are hidden now and deleted on the event loop's next turn
    assert not any(widget.isVisible() for widget in made["widgets"])
    _deferred_deletes()
    assert not any(shiboken6.isValid(widget) for widget in made["widgets"])
    assert page.findChildren(QWidget) == []


def test_a_kept_nested_layout_fails_loudly_instead_of_crashing(host):
    _, layout = host
    nested = _fill(layout, 1)["layouts"][0]

    clear_layout(layout)

    with pytest.raises(RuntimeError, match="already deleted"):
        nested.count()


def test_refilled_again_and_again_shows_the_new_contents_and_keeps_nothing_old(qtbot, host):
    page, layout = host
    _fill(layout, 0)
    clear_layout(layout)
    _deferred_deletes()
    base = len(page.findChildren(QObject))
    for round_ in range(1, 41):
        made = _fill(layout, round_)
        qtbot.waitUntil(lambda m=made: all(w.isVisible() for w in m["widgets"]))
        first = made["widgets"][0]
        assert first.text() == f"第 {round_} 轮 标签 0"
        assert first.geometry().height() > 0
        clear_layout(layout)
        _deferred_deletes()
        assert layout.count() == 0
        assert not any(shiboken6.isValid(item) for item in made["items"])
        assert len(page.findChildren(QObject)) == base
    assert page.findChildren(QWidget) == []


def test_a_button_may_clear_the_layout_that_holds_it(qtbot, host):
    page, layout = host
    taps: list[int] = []

    def refill(round_: int) -> None:
        clear_layout(layout)  # from inside the button's own click: it is deleted later
        row = QHBoxLayout()
        button = QPushButton(f"下一步 {round_}")
        button.setObjectName("Next")
        button.clicked.connect(lambda _=False, n=round_: (taps.append(n), refill(n + 1)))
        row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)

    refill(0)
    for round_ in range(10):
        button = page.findChild(QPushButton, "Next")  # the one the last tap made
        qtbot.waitUntil(button.isVisible)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        _deferred_deletes()
        assert taps[-1] == round_
        assert [b.text() for b in page.findChildren(QPushButton)] == [f"下一步 {round_ + 1}"]


def test_clearing_a_nested_layout_keeps_the_one_that_holds_it(host):
    page, layout = host
    kept = QVBoxLayout()  # a screen keeps a layout added once to its page, then refills it
    layout.addLayout(kept)
    for round_ in range(5):
        kept.addWidget(QLabel(f"材料 {round_}"))
        inner = QHBoxLayout()
        inner.addWidget(QLabel("原件 1 份"))
        kept.addLayout(inner)
        clear_layout(kept)
        _deferred_deletes()
        assert shiboken6.isValid(kept)
        assert kept.count() == 0
        assert not shiboken6.isValid(inner)
    assert layout.count() == 1
    assert layout.itemAt(0).layout() is kept
    assert page.findChildren(QLabel) == []


def test_the_page_can_be_destroyed_after_its_layouts_were_cleared(qtbot):
    # a layout written in Python keeps its items in a list; PySide remembers the outer
    # layout as their owner when it is filled before being added: nothing of that may
    # dangle when the page goes
    page = QWidget()
    layout = QVBoxLayout(page)
    page.show()
    qtbot.waitExposed(page)
    for round_ in range(3):
        _fill(layout, round_)
        clear_layout(layout)
        _deferred_deletes()
    page.deleteLater()
    _deferred_deletes()
    assert not shiboken6.isValid(page)
    assert not shiboken6.isValid(layout)
