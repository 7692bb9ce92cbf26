"""Every kiosk screen fits its display, in every mode a citizen can choose.

The kiosk is wired as ``govterm kiosk`` wires it, against a real gateway on loopback
(``scripts/render_screens.py``'s hall: demo catalog and citizens, fake printers, a
simulated lock board), and every scene the render script knows is driven as a citizen
would, in landscape 1920×1080 and portrait 1080×1920, normal and 长辈模式, 中文 and
English. In each the window must stay the size of its display, and no visible button
or label may be cut off: not by the window's edge, not by a squeezed parent, not
sideways by a list that only scrolls up and down, and no button or one-line label may
be narrower than its text. Lists may scroll up and down inside their screen; the
screen itself may scroll only where a screen is allowed to (see ``MAY_SCROLL``). In
长辈模式 every button is at least 60 px high.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QLabel, QWidget

from core.terminal import Orientation
from kiosk.window import LANDSCAPE_SIZE, PORTRAIT_SIZE, KioskWindow, ScreenFrame
from scripts import render_screens as scenes
from widgets.i18n import LanguageManager
from widgets.task_runner import TaskRunner
from widgets.theme import apply_theme

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.qt_log_ignore("propagateSizeHints"),
    pytest.mark.timeout(600),
]

ELDER_TARGET = 60
VARIANTS = [
    (orientation, elder, language)
    for orientation in Orientation
    for elder in (False, True)
    for language in ("zh_CN", "en")
]


@dataclass
class Hall:
    """The wired hall, shared by every variant (results waiting for each)."""

    wired: scenes.WiredHall
    language: LanguageManager
    runner: TaskRunner


@pytest.fixture(scope="module")
def hall(qapp: QApplication) -> Iterator[Hall]:
    language = LanguageManager(qapp, translations_dir=scenes.TRANSLATIONS)
    runner = TaskRunner()
    with tempfile.TemporaryDirectory() as tmp, scenes.wired_hall(qapp, Path(tmp)) as wired:
        apply_theme(qapp, mode="kiosk")
        window = scenes.wired_window(qapp, wired, orientation=Orientation.LANDSCAPE,
                                     language=language, runner=runner)
        window.show()
        scenes.prepare_results(qapp, window, wired, len(VARIANTS))
        window.close()
        window.deleteLater()
        try:
            yield Hall(wired, language, runner)
        finally:
            language.set_language("zh_CN")
            apply_theme(qapp, mode="kiosk", elder=False)
            qapp.setStyleSheet("")
            runner.shutdown()


@pytest.mark.parametrize(
    "variant",
    VARIANTS,
    ids=[f"{o.value}-{'elder' if e else 'normal'}-{lang}" for o, e, lang in VARIANTS],
)
def test_every_screen_fits_its_display(
    qapp: QApplication, hall: Hall, variant: tuple[Orientation, bool, str], tmp_path: Path
) -> None:
    orientation, elder, language = variant
    number = VARIANTS.index(variant)
    apply_theme(qapp, mode="kiosk", elder=elder)
    hall.language.set_language(language)
    window = scenes.wired_window(qapp, hall.wired, orientation=orientation,
                                 language=hall.language, runner=hall.runner, elder=elder)
    window.show()
    display = PORTRAIT_SIZE if orientation is Orientation.PORTRAIT else LANDSCAPE_SIZE
    problems: list[str] = []
    walked = 0
    try:
        for tagged, scene in [
            *scenes._browse_scenes(hall.wired.catalog),  # noqa: SLF001 - the render script's scenes
            *scenes._citizen_scenes(qapp, hall.wired, number),  # noqa: SLF001
            *scenes._unattended_scenes(),  # noqa: SLF001
        ]:
            name = tagged.lstrip("=")
            if not tagged.startswith("="):
                window.end_session()
            scene(window)
            scenes._settle(qapp, hall.runner)  # noqa: SLF001 - the render script's settle
            walked += 1
            size = (window.width(), window.height())
            if size != display:
                problems.append(f"{name}: window {size}, display {display}")
            found = fit_problems(window, elder=elder, scene=name)
            if found:  # the picture, to look at what is wrong
                window.grab().save(str(tmp_path / f"{name}.png"))
            problems += [f"{name}: {p}" for p in found]
    finally:
        window.end_session()
        window.close()
        window.deleteLater()
        qapp.processEvents()
    assert walked > 30  # noqa: PLR2004 - every scene of the render script, not a few
    assert not problems, "\n".join([f"pictures in {tmp_path}", *problems])


MAY_SCROLL = frozenset({"home", "offline-banner"})
"""Screens that may scroll within their frame (a long banner above many tiles); the
others keep every control on the screen."""


def fit_problems(window: KioskWindow, *, elder: bool, scene: str) -> list[str]:
    """What is cut off, too narrow for its text, or too small to touch on ``window``."""
    problems = []
    widgets: list[QWidget] = [*window.findChildren(QAbstractButton), *window.findChildren(QLabel)]
    for widget in widgets:
        text = widget.text()  # type: ignore[attr-defined]
        if not widget.isVisible() or not text or widget.window() is not window:
            continue
        described = f"{type(widget).__name__} {widget.objectName()!r} {text[:30]!r}"
        clipped_by = _clipped_by(widget, window, frame_scrolls=scene in MAY_SCROLL)
        if clipped_by is not None:
            problems.append(f"{described} cut off by {clipped_by}")
        lines = text.replace("&&", "&").split("\n")
        need = max(widget.fontMetrics().horizontalAdvance(line) for line in lines)
        wraps = isinstance(widget, QLabel) and widget.wordWrap()
        if not wraps and widget.width() < need:
            problems.append(f"{described} {widget.width()} px wide, its text needs {need}")
        if (
            elder
            and isinstance(widget, QAbstractButton)
            and widget is not window.overlay.more_time
            and widget.height() < ELDER_TARGET
        ):
            problems.append(f"{described} only {widget.height()} px high in 长辈模式")
    return problems


def _clipped_by(widget: QWidget, window: QWidget, *, frame_scrolls: bool) -> str | None:
    """The ancestor that cuts ``widget`` off, if one does.

    A scroll area's viewport may cut it above or below (the citizen scrolls), never
    sideways; a screen's own frame may cut it only if the screen may scroll.
    """
    current = widget
    parent = widget.parentWidget()
    while parent is not None and current is not window:
        rect = current.rect()
        top_left = current.mapTo(parent, rect.topLeft())
        bottom_right = current.mapTo(parent, rect.bottomRight())
        area = parent.rect()
        if top_left.x() < area.left() or bottom_right.x() > area.right():
            return f"{type(parent).__name__} {parent.objectName()!r} (sideways)"
        scroller = parent.parentWidget()
        scrolls = isinstance(scroller, QAbstractScrollArea) and scroller.viewport() is parent
        if scrolls and (frame_scrolls or not isinstance(scroller, ScreenFrame)):
            # reached by scrolling up and down: the scroll area itself must not be cut
            current, parent = scroller, scroller.parentWidget()
            continue
        if top_left.y() < area.top() or bottom_right.y() > area.bottom():
            return f"{type(parent).__name__} {parent.objectName()!r}"
        current, parent = parent, parent.parentWidget()
    return None
