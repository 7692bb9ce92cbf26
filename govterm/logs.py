"""Logging for every govterm mode: a rotating file in the data dir and a quiet console.

Every formatted line, tracebacks included, passes through :func:`core.masking.scrub`
before it reaches a handler, so no full ID number or phone number is ever written.
"""

from __future__ import annotations

import logging
import logging.handlers
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from core.masking import scrub

log = logging.getLogger(__name__)

LOG_FILE_NAME = "govterm.log"
FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


class ScrubbingFormatter(logging.Formatter):
    """A formatter whose output (message, exception and stack) is scrubbed of PII."""

    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


@dataclass
class LogSetup:
    """What :func:`setup_logging` installed, so it can be taken down again."""

    file: Path
    handlers: list[logging.Handler] = field(default_factory=list)

    def close(self) -> None:
        root = logging.getLogger()
        for handler in self.handlers:
            root.removeHandler(handler)
            handler.close()
        self.handlers.clear()


def setup_logging(
    *,
    log_dir: Path,
    level: str = "INFO",
    max_bytes: int = 5_000_000,
    backups: int = 5,
    console_level: int = logging.WARNING,
    console: TextIO | None = None,
) -> LogSetup:
    """Send the root logger to ``log_dir/govterm.log`` (rotating) and the console.

    Args:
        log_dir: created when missing.
        level: the file's level name (``"INFO"``, ``"DEBUG"`` …).
        max_bytes: size at which the file rotates.
        backups: rotated files kept.
        console_level: what reaches the console (warnings and worse by default).
        console: the console stream; ``sys.stderr`` when omitted.

    Returns:
        The installed handlers; :meth:`LogSetup.close` removes them.
    """
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE_NAME
    formatter = ScrubbingFormatter(FORMAT)
    file_handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
    )
    file_handler.setLevel(getattr(logging, level.upper()))
    file_handler.setFormatter(formatter)
    console_handler = logging.StreamHandler(console)
    console_handler.setLevel(console_level)
    console_handler.setFormatter(formatter)
    root = logging.getLogger()
    root.setLevel(min(file_handler.level, console_level))
    root.addHandler(file_handler)
    root.addHandler(console_handler)
    logging.captureWarnings(True)
    log.info("logging to %s", path)
    return LogSetup(file=path, handlers=[file_handler, console_handler])
