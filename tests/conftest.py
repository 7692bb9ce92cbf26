"""Test-wide setup. Qt must run offscreen before any QApplication exists."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest

from tests.helpers.postgres import postgres_server, postgres_url  # noqa: F401  (pytest fixtures)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
"""CI (``CI=true bash .ci/run``) installs every Debian package the tests need
(packaging/apt-packages.txt), so there a test that skips for a missing program, font or
server is a failure: a green run must have run everything. Locally skips stay skips.

The PostgreSQL fixtures are registered here, once, so every directory's tests share one
throw-away cluster per session (it starts only when a test asks for it)."""

if TYPE_CHECKING:
    from PySide6.QtGui import QFont, QPalette
    from PySide6.QtWidgets import QApplication


@dataclass(frozen=True)
class _Look:
    """What :func:`widgets.theme.apply_theme` changes on the one QApplication."""

    style: str
    palette: QPalette
    font: QFont
    style_sheet: str
    properties: frozenset[bytes]

    @classmethod
    def of(cls, app: QApplication) -> _Look:
        return cls(
            style=app.style().name(),
            palette=app.palette(),
            font=app.font(),
            style_sheet=app.styleSheet(),
            properties=frozenset(bytes(name.data()) for name in app.dynamicPropertyNames()),
        )

    def restore(self, app: QApplication) -> None:
        if app.style().name() != self.style:
            app.setStyle(self.style)
        if app.palette() != self.palette:
            app.setPalette(self.palette)
        if app.font() != self.font:
            app.setFont(self.font)
        if app.styleSheet() != self.style_sheet:
            app.setStyleSheet(self.style_sheet)
        for name in app.dynamicPropertyNames():
            if bytes(name.data()) not in self.properties:
                app.setProperty(bytes(name.data()).decode(), None)


_pristine: list[_Look] = []


@pytest.fixture(scope="session")
def qapp(qapp: QApplication) -> QApplication:
    """pytest-qt's application, with its look as created remembered for every test."""
    _pristine.append(_Look.of(qapp))
    return qapp


@pytest.fixture(autouse=True)
def _pristine_application_look() -> Iterator[None]:
    """Each test starts from the application's own look, not the last test's theme.

    There is one QApplication per test session; a test that applies the kiosk or
    window theme (directly or by building a whole UI) would otherwise hand its fonts,
    palette and style sheet to every later test, and layouts measured there (the hall
    display on a 1080p screen) would depend on which tests ran before.
    """
    yield
    if not _pristine:
        return
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if isinstance(app, QApplication):
        _pristine[0].restore(app)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """In CI, a skipped test fails, saying why it would have been skipped."""
    outcome = yield
    report = outcome.get_result()
    if IN_CI and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, where nothing may be: {reason}"


def pytest_collectreport(report: pytest.CollectReport) -> None:
    """In CI, a test module that skips itself as a whole fails the same way."""
    if IN_CI and report.skipped:
        report.outcome = "failed"
