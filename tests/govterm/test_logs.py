"""Log files: rotating, in the data dir, and never holding a full ID or phone number."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from govterm.logs import LogSetup, setup_logging

ID_NUMBER = "37100219900307123X"
PHONE = "13863112345"


@pytest.fixture
def console() -> io.StringIO:
    return io.StringIO()


@pytest.fixture
def logs(tmp_path: Path, console: io.StringIO) -> Iterator[LogSetup]:
    setup = setup_logging(
        log_dir=tmp_path / "logs", level="DEBUG", max_bytes=10_000, backups=2, console=console
    )
    yield setup
    setup.close()


def test_file_is_in_the_log_dir_and_console_shows_warnings_only(
    console: io.StringIO, logs: LogSetup, tmp_path: Path
) -> None:
    log = logging.getLogger("govterm.test")
    log.info("kiosk started on terminal %s", "K03")
    log.warning("printer out of paper")
    for handler in logs.handlers:
        handler.flush()
    assert logs.file == tmp_path / "logs" / "govterm.log"
    text = logs.file.read_text(encoding="utf-8")
    assert "kiosk started on terminal K03" in text
    assert "printer out of paper" in text
    err = console.getvalue()
    assert "printer out of paper" in err
    assert "kiosk started" not in err


def test_no_full_id_or_phone_number_reaches_the_file(console: io.StringIO, logs: LogSetup) -> None:
    log = logging.getLogger("govterm.test")
    log.info("applicant %s phone %s", ID_NUMBER, PHONE)
    log.info(f"f-string slipped through: {ID_NUMBER}/{PHONE}")  # noqa: G004 — on purpose
    try:
        raise ValueError(f"bad applicant {ID_NUMBER}")
    except ValueError:
        log.exception("acceptance failed for %s", PHONE)
    for handler in logs.handlers:
        handler.flush()
    text = logs.file.read_text(encoding="utf-8")
    err = console.getvalue()
    for output in (text, err):
        assert ID_NUMBER not in output
        assert PHONE not in output
    assert "371002********123X" in text
    assert "138****2345" in text
    assert "ValueError: bad applicant 371002********123X" in text  # traceback scrubbed too


def test_file_rotates(logs: LogSetup) -> None:
    log = logging.getLogger("govterm.test")
    for n in range(400):
        log.debug("line %d %s", n, "x" * 60)
    rotated = sorted(p.name for p in logs.file.parent.iterdir())
    assert rotated == ["govterm.log", "govterm.log.1", "govterm.log.2"]


def test_close_removes_the_handlers(tmp_path: Path) -> None:
    before = list(logging.getLogger().handlers)
    setup = setup_logging(log_dir=tmp_path, console=io.StringIO())
    assert len(logging.getLogger().handlers) == len(before) + 2
    setup.close()
    assert logging.getLogger().handlers == before
