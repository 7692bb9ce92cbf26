"""Render the counter client's screens to PNG, to look at them.

Usage (from the repository root)::

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/render_window_client.py

Also called by ``scripts/render_screens.py``. The window runs on a temporary store
with the demo clerks; pictures go to ``screenshots/out/window-*.png``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PySide6.QtWidgets import QApplication  # noqa: E402

from core.clock import SystemClock  # noqa: E402
from core.search import CatalogQuery  # noqa: E402
from documents.fonts import FontSet  # noqa: E402
from documents.maker import PaperMaker  # noqa: E402
from sync.store import open_store  # noqa: E402
from tests.helpers.printer import FakePrinter  # noqa: E402
from tests.window_client.conftest import PAPER_KEY, build_services  # noqa: E402
from widgets.i18n import LanguageManager  # noqa: E402
from widgets.task_runner import TaskRunner  # noqa: E402
from widgets.theme import apply_theme  # noqa: E402
from window_client.window import WindowClientWindow  # noqa: E402

OUT = REPO / "screenshots" / "out"
TRANSLATIONS = REPO / "resources" / "i18n"
DEMO_LOGIN = ("wh-zhaomin", "Chief@2026")  # 首席代表 + 综合受理: sees every page


def settle(app: QApplication, runner: TaskRunner, seconds: float = 0.3) -> None:
    """Let queued work finish and the window repaint."""
    deadline = time.monotonic() + 10
    while runner.pending_count() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def render(app: QApplication, catalog: CatalogQuery, source: str, hall_id: str) -> int:
    """Render the login and every page in both languages; returns the count."""
    OUT.mkdir(parents=True, exist_ok=True)
    language = LanguageManager(app, translations_dir=TRANSLATIONS)
    apply_theme(app, mode="window")
    count = 0
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "store")
        runner = TaskRunner()
        try:
            clock = SystemClock()
            services = build_services(
                store=store,
                clock=clock,
                catalog=catalog,
                hall_id=hall_id,
                papers=PaperMaker(fonts=FontSet(), key=PAPER_KEY),
                printer=FakePrinter("a4"),
                terminal_id="W03",
            )
            for lang in ("zh_CN", "en"):
                language.set_language(lang)
                window = WindowClientWindow(services=services, language=language, runner=runner)
                window.resize(1920, 1080)
                window.show()
                settle(app, runner)
                window.grab().save(str(OUT / f"window-login-{lang}-{source}.png"))
                window.login.account.setText(DEMO_LOGIN[0])
                window.login.password.setText(DEMO_LOGIN[1])
                window.login.log_in()
                settle(app, runner)
                window.grab().save(str(OUT / f"window-login-areas-{lang}-{source}.png"))
                window.login.start_work()
                settle(app, runner)
                count += 2
                for key in window.page_keys():
                    window.open_page(key)
                    settle(app, runner)
                    window.grab().save(str(OUT / f"window-page-{key}-{lang}-{source}.png"))
                    count += 1
                window.close()
                window.deleteLater()
                app.processEvents()
        finally:
            language.set_language("zh_CN")
            runner.shutdown()
            store.close()
    return count


def main() -> int:
    app = QApplication(sys.argv)
    from tests.helpers.catalog import InMemoryCatalog, real_catalog, small_catalog

    with tempfile.TemporaryDirectory() as tmp, real_catalog(Path(tmp)) as real:
        if real is not None:
            count = render(app, real, "demo", "wh-zwzx")
        else:
            count = render(app, InMemoryCatalog(small_catalog()), "small", "H-WH-01")
    sys.stdout.write(f"{count} window-client screens rendered to {OUT}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
