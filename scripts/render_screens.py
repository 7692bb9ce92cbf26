"""Render every kiosk and window-client screen to PNG, to look at them.

Usage (from the repository root)::

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/render_screens.py [--only home]

Pictures go to ``screenshots/out/`` (git-ignored), one per screen, orientation,
normal/长辈模式 and language, e.g. ``kiosk-guide-portrait-elder-en.png``. The demo
catalog is read through the real store when it exists, otherwise the small test
catalog of ``tests/helpers/catalog.py`` is used (the file name says which).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PySide6.QtWidgets import QApplication  # noqa: E402

from core.search import CatalogQuery  # noqa: E402
from core.terminal import Orientation, TerminalProfile, Tile  # noqa: E402
from widgets.i18n import LanguageManager  # noqa: E402
from widgets.task_runner import TaskRunner  # noqa: E402
from widgets.theme import apply_theme  # noqa: E402

log = logging.getLogger("render_screens")

OUT = REPO / "screenshots" / "out"
TRANSLATIONS = REPO / "resources" / "i18n"




def _settle(app: QApplication, runner: TaskRunner) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        app.processEvents()
        if runner.pending_count() == 0:
            break
        time.sleep(0.005)
    for _ in range(3):
        app.processEvents()


def _kiosk_scenes(catalog: CatalogQuery) -> Iterator[tuple[str, Callable[[object], None]]]:
    from kiosk.window import KioskWindow

    def search(text: str) -> Callable[[object], None]:
        def run(w: object) -> None:
            assert isinstance(w, KioskWindow)
            w.open_tile(Tile.SEARCH)
            w.search.field.setText(text)

        return run

    hits = catalog.search("护照") or catalog.hot_items(limit=1)
    item_id = hits[0].id
    bundles = catalog.bundles()
    departments = catalog.departments()

    def guide(materials: bool) -> Callable[[object], None]:
        def run(w: object) -> None:
            assert isinstance(w, KioskWindow)
            w.open_hit(hits[0])
            if materials:
                QApplication.processEvents()
                w.guide.guide.scroll_to_materials()

        return run

    yield "home", lambda w: None
    yield "search", search("hz")
    yield "search-empty", search("xyzq")
    yield "guide", guide(False)
    yield "guide-materials", guide(True)
    if bundles:
        yield "bundle", lambda w: w.open_hit(bundles[0])  # type: ignore[attr-defined]
    yield "departments", lambda w: w.open_tile(Tile.DEPARTMENTS)  # type: ignore[attr-defined]
    if departments:
        yield (
            "department-items",
            lambda w: (  # type: ignore[attr-defined]
                w.open_tile(Tile.DEPARTMENTS),
                w._open_department(departments[0][0]),
            ),
        )
    yield "personal", lambda w: w.open_tile(Tile.PERSONAL)  # type: ignore[attr-defined]
    yield "map", lambda w: w.open_tile(Tile.MAP)  # type: ignore[attr-defined]
    yield from _unattended_scenes()
    del item_id


def _unattended_scenes() -> Iterator[tuple[str, Callable[[object], None]]]:
    """The pinyin candidate bar, the idle countdown and the offline banner."""
    from datetime import timedelta

    from kiosk.window import KioskWindow
    from sync.status import SyncStatus

    def pinyin(w: object) -> None:
        assert isinstance(w, KioskWindow)
        w.open_tile(Tile.SEARCH)
        keyboard = w.search.keyboard
        keyboard.forget_personal_data()
        keyboard.input.set_chinese(True)
        for char in "zhangxiaoming":
            keyboard.key_typed.emit(char)

    def countdown(w: object) -> None:
        assert isinstance(w, KioskWindow)
        w.open_tile(Tile.SEARCH)
        w.search.keyboard.forget_personal_data()
        w.search.field.setText("hz")
        w.overlay.show_countdown(12)

    def offline(w: object) -> None:
        assert isinstance(w, KioskWindow)
        moment = datetime(2022, 6, 1, 2, 0)
        w.set_sync_status(
            SyncStatus(
                online=False,
                offline_since=moment - timedelta(minutes=47),
                last_pull={"catalog": moment - timedelta(hours=5)},
            )
        )
        w.banner.set_unavailable({"a4_printer", "locker"})

    yield "keyboard-pinyin", pinyin
    yield "countdown", countdown
    yield "offline-banner", offline  # last: the banner stays up once set


def render_kiosk(app: QApplication, catalog: CatalogQuery, source: str, only: str | None) -> int:
    from kiosk.window import KioskWindow

    language = LanguageManager(app, translations_dir=TRANSLATIONS)
    runner = TaskRunner()
    base = TerminalProfile(
        terminal_id="T-HC-03", hall_id="H-HC-01", name="环翠区政务服务中心 · 自助终端 03"
    )
    count = 0
    for orientation in Orientation:
        for elder in (False, True):
            for lang in ("zh_CN", "en"):
                apply_theme(app, mode="kiosk", elder=elder)
                language.set_language(lang)
                profile = replace(base, orientation=orientation)
                window = KioskWindow(
                    catalog=catalog,
                    profile=profile,
                    language=language,
                    runner=runner,
                    now=lambda: datetime(2022, 6, 1, 9, 30),
                )
                window.show()
                for name, scene in _kiosk_scenes(catalog):
                    if only and only not in name:
                        continue
                    window.go_home()
                    scene(window)
                    _settle(app, runner)
                    mode = "elder" if elder else "normal"
                    path = OUT / f"kiosk-{name}-{orientation.value}-{mode}-{lang}-{source}.png"
                    window.grab().save(str(path))
                    count += 1
                window.close()
                window.deleteLater()
                app.processEvents()
    language.set_language("zh_CN")
    runner.shutdown()
    return count


def render_window_client(
    app: QApplication, catalog: CatalogQuery, source: str, only: str | None
) -> int:
    if only and only not in "window":
        return 0
    from scripts.render_window_client import render

    hall_id = "wh-zwzx" if source == "demo" else "H-WH-01"
    return render(app, catalog, source, hall_id)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", help="render only scenes whose name contains this")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    from tests.helpers.catalog import InMemoryCatalog, real_catalog, small_catalog

    with tempfile.TemporaryDirectory() as tmp, real_catalog(Path(tmp)) as real:
        catalog: CatalogQuery = real if real is not None else InMemoryCatalog(small_catalog())
        source = "demo" if real is not None else "small"
        count = render_kiosk(app, catalog, source, args.only)
        count += render_window_client(app, catalog, source, args.only)
    sys.stdout.write(f"{count} screens rendered to {OUT}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
