"""Browse lists keep to their screen's width: long names wrap, nothing scrolls sideways."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from core.catalog import Audience
from core.terminal import Orientation
from kiosk.browse import DepartmentsScreen, ThemesScreen
from widgets.theme import apply_theme

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

NARROW = 420
"""Narrower than one line of a department's name in 长辈模式 English."""


@pytest.fixture
def elder(kiosk_app: QApplication) -> Iterator[QApplication]:
    apply_theme(kiosk_app, mode="kiosk", elder=True)
    yield kiosk_app
    apply_theme(kiosk_app, mode="kiosk")


def inside(widget: QWidget, area: QWidget) -> bool:
    left = widget.mapTo(area, widget.rect().topLeft()).x()
    right = widget.mapTo(area, widget.rect().topRight()).x()
    return left >= 0 and right <= area.width()


def test_departments_wrap_their_names_to_a_narrow_screen(
    qtbot, elder, language, runner, catalog
):
    language.set_language("en")
    screen = DepartmentsScreen(catalog=catalog, runner=runner, orientation=Orientation.PORTRAIT)
    qtbot.addWidget(screen)
    screen.resize(NARROW, 900)
    screen.show()
    screen.load()
    qtbot.waitUntil(lambda: bool(screen.body.findChildren(QAbstractButton)))
    rows = screen.body.findChildren(QAbstractButton)
    viewport = screen.scroll.viewport()
    # laid out (in a later turn of the event loop): every row within the viewport
    qtbot.waitUntil(lambda: screen.body.width() == viewport.width()
                    and all(inside(row, viewport) for row in rows))
    for row in rows:
        assert row.height() >= 60  # a 长辈模式 target
    long_row = screen.department_button("威海市人力资源和社会保障局")
    text = long_row.findChild(QLabel, "ChoiceText")
    assert text is not None
    assert text.text().startswith("威海市人力资源和社会保障局")
    assert text.fontMetrics().horizontalAdvance(text.text()) > viewport.width()  # must wrap
    assert text.height() > text.fontMetrics().height() * 1.5  # and it did
    assert inside(text, viewport)


def test_a_tapped_theme_row_names_its_theme(qtbot, kiosk_app, language, runner, catalog):
    screen = ThemesScreen(catalog=catalog, runner=runner, orientation=Orientation.LANDSCAPE)
    qtbot.addWidget(screen)
    screen.resize(1200, 800)
    screen.show()
    screen.show_audience(Audience.ENTERPRISE)
    qtbot.waitUntil(lambda: bool(screen.body.findChildren(QAbstractButton)))
    row = screen.theme_button("社会保障")
    with qtbot.waitSignal(screen.theme_chosen) as chosen:
        qtbot.mouseClick(row, Qt.MouseButton.LeftButton)
    assert chosen.args == ["社会保障"]

