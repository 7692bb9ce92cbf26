"""The counter client's pages, in navigation order: one line per page.

To add a page, write a module that defines a :class:`~window_client.pages.PageSpec`
named ``PAGE`` and add it to :data:`PAGES` below. The navigation shows the pages a
clerk's roles allow; page shortcuts must not clash (a test checks).
"""

from __future__ import annotations

from window_client import (
    acceptance,
    alerts,
    complaints,
    conclusion,
    consultation,
    deadlines,
    handover,
    issuing,
    items,
    materials,
    queue_page,
    statistics,
)
from window_client.pages import Page

PAGES: tuple[Page, ...] = (
    queue_page.PAGE,
    consultation.PAGE,
    acceptance.PAGE,
    materials.PAGE,
    handover.PAGE,
    deadlines.PAGE,
    items.PAGE,
    statistics.PAGE,
    alerts.PAGE,
    issuing.PAGE,
    conclusion.PAGE,
    complaints.PAGE,
)
