"""The kiosk's start-up path imports nothing heavy before its home screen is shown.

A fresh ``govterm kiosk`` process (same command line, settings file and composition
root as a terminal; offscreen) on a store that already holds the demo catalog and a
gateway URL, so every citizen service is offered. A probe records ``sys.modules`` at
the kiosk window's first paint; the libraries behind papers, scanning, HTTP, the
gateway and pinyin must not be among them. Once the window has painted, its deferred
screens are built and the gateway link is made; the probe checks that too, so the
deferral does not simply drop them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from govterm.app import import_catalog_dir
from sync.store import open_store

REPO = Path(__file__).resolve().parents[2]
HALL = "wh-zwzx"
NOT_BEFORE_HOME = ("reportlab", "pypdf", "qrcode", "requests", "pyzbar", "fastapi",
                   "uvicorn", "pypinyin", "jieba")

PROBE = r"""
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget
from govterm.app import application

HEAVY = tuple(sys.argv[1].split(","))
app = application()
seen = {}

class Probe(QObject):
    def eventFilter(self, watched, event):
        if (event.type() == QEvent.Type.Paint and "at_paint" not in seen
                and isinstance(watched, QWidget)
                and watched.window().objectName() == "KioskWindow"):
            seen["at_paint"] = sorted(m for m in HEAVY if m in sys.modules)
            window = watched.window()
            window.screens_built.connect(lambda: done(window))
        return False

def done(window):
    seen["ticket_screen"] = type(window.ticket).__name__
    seen["help_button_shown"] = window.help_button.isVisibleTo(window)
    seen["screens"] = window.stack.count()
    seen["after"] = sorted(m for m in HEAVY if m in sys.modules)
    print(json.dumps(seen), flush=True)
    app.quit()

probe = Probe()
app.installEventFilter(probe)
QTimer.singleShot(60_000, app.quit)  # never hang a test run
from govterm.__main__ import main
sys.exit(main(sys.argv[2:]))
"""


def test_home_is_shown_before_any_heavy_library_is_imported(tmp_path: Path) -> None:
    data = tmp_path / "kiosk"
    store = open_store(data)
    try:
        import_catalog_dir(store, REPO / "resources" / "catalog")
    finally:
        store.close()
    config = tmp_path / "govterm.toml"
    config.write_text(
        f'[terminal]\nid = "K01"\nhall_id = "{HALL}"\nname = "自助终端 01"\n\n'
        # a closed loopback port: the terminal offers its services, gateway calls fail fast
        '[gateway]\nurl = "http://127.0.0.1:9"\n',
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("GOVTERM_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-c", PROBE, ",".join(NOT_BEFORE_HOME),
         "--config", str(config), "--data-dir", str(data), "kiosk"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines, result.stderr[-3000:]
    seen = json.loads(lines[-1])

    assert seen["at_paint"] == []
    # then, after the first paint, the deferred screens are built with their services
    assert seen["ticket_screen"] == "TicketScreen"
    assert seen["help_button_shown"] is True
    assert seen["screens"] >= 14  # home, search, 6 catalog screens, 8 citizen screens
    assert {"requests", "reportlab"} <= set(seen["after"])
    assert "pypinyin" not in seen["after"]  # nothing made search keys
