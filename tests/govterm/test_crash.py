"""Crash handling, each scenario in its own interpreter (it installs process-wide hooks)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ID_NUMBER = "37100219900307123X"


def _python(code: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GOVTERM_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _govterm(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GOVTERM_CONFIG": os.devnull}
    return subprocess.run(
        [sys.executable, "-m", "govterm", "--data-dir", str(data_dir), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


CRASHING_RUN = f"""
    from pathlib import Path
    import os
    from govterm.crash import CrashHandler
    from govterm.logs import setup_logging

    data = Path(os.environ["GOVTERM_DATA_DIR"])
    crash = CrashHandler(mode="window", version="test")
    crash.install()
    setup_logging(log_dir=data / "logs")
    crash.use_dir(data / "crash")
    raise RuntimeError("acceptance broke for {ID_NUMBER}")
"""


def test_unhandled_exception_writes_a_report_that_the_next_start_picks_up(
    tmp_path: Path,
) -> None:
    crashed = _python(CRASHING_RUN, tmp_path)
    assert crashed.returncode == 1
    reports = list((tmp_path / "crash").glob("crash-*.txt"))
    assert len(reports) == 1
    report = reports[0].read_text(encoding="utf-8")
    assert "mode: window" in report
    assert "RuntimeError: acceptance broke for 371002********123X" in report
    assert ID_NUMBER not in report
    assert ID_NUMBER not in crashed.stderr
    faults = list((tmp_path / "crash").glob("faulthandler-*.log"))
    assert all(f.stat().st_size == 0 for f in faults)  # no hard crash recorded

    next_start = _govterm("config", "path", data_dir=tmp_path)
    assert next_start.returncode == 0, next_start.stderr
    assert not list((tmp_path / "crash").glob("crash-*.txt"))
    assert (tmp_path / "crash" / "reported" / reports[0].name).exists()
    assert not any(f.exists() for f in faults)  # empty records are dropped
    log = (tmp_path / "logs" / "govterm.log").read_text(encoding="utf-8")
    assert f"an earlier run crashed: {reports[0].name}" in log
    assert "RuntimeError: acceptance broke for 371002********123X" in log


def test_hard_crash_leaves_a_faulthandler_record_for_the_next_start(tmp_path: Path) -> None:
    crashed = _python(
        """
        import faulthandler, os
        from pathlib import Path
        from govterm.crash import CrashHandler

        crash = CrashHandler(mode="kiosk")
        crash.install()
        crash.use_dir(Path(os.environ["GOVTERM_DATA_DIR"]) / "crash")
        faulthandler._sigsegv()
        """,
        tmp_path,
    )
    assert crashed.returncode != 0
    records = list((tmp_path / "crash").glob("faulthandler-*.log"))
    assert len(records) == 1
    assert "Segmentation fault" in records[0].read_text(encoding="utf-8")

    next_start = _govterm("config", "path", data_dir=tmp_path)
    assert next_start.returncode == 0, next_start.stderr
    assert (tmp_path / "crash" / "reported" / records[0].name).exists()
    log = (tmp_path / "logs" / "govterm.log").read_text(encoding="utf-8")
    assert "died hard (faulthandler)" in log


def test_kiosk_slot_exception_is_reported_and_the_window_returns_home(tmp_path: Path) -> None:
    run = _python(
        """
        import os, sys
        from pathlib import Path
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from govterm.crash import CrashHandler
        from govterm.logs import setup_logging

        data = Path(os.environ["GOVTERM_DATA_DIR"])
        crash = CrashHandler(mode="kiosk")
        crash.install()
        setup_logging(log_dir=data / "logs")
        crash.use_dir(data / "crash")
        app = QApplication([])
        went_home = []

        def return_home():
            went_home.append(True)
            app.quit()

        def broken_slot():
            raise KeyError("guide page lost its item")

        crash.set_return_home(return_home)
        QTimer.singleShot(0, broken_slot)
        status = app.exec()
        crash.close()
        sys.stdout.write(f"status={status} home={len(went_home)}\\n")
        """,
        tmp_path,
    )
    assert run.returncode == 0, run.stderr
    assert "status=0 home=1" in run.stdout
    reports = list((tmp_path / "crash").glob("crash-*.txt"))
    assert len(reports) == 1
    report = reports[0].read_text(encoding="utf-8")
    assert "mode: kiosk" in report
    assert "KeyError: 'guide page lost its item'" in report
    assert "in broken_slot" in report
    assert not list((tmp_path / "crash").glob("faulthandler-*.log"))  # clean exit: removed
