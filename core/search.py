"""What the screens may ask of the catalog, whatever stores it.

The terminal's implementation lives in ``sync`` (over ``cache.db``); screens and flows
depend only on this Protocol, so they can be tested against any catalog.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from core.catalog import Audience, Bundle, Hall, ServiceItem


class HitKind(StrEnum):
    ITEM = "item"
    BUNDLE = "bundle"


class MatchedOn(StrEnum):
    """Why a hit matched, best first; used for ranking and for the UI's hint."""

    EXACT = "exact"  # the name itself
    PREFIX = "prefix"  # the name starts with the query
    NAME = "name"  # hanzi substring of the name
    ALIAS = "alias"  # an alias or common wrong name
    PINYIN = "pinyin"  # full pinyin
    INITIALS = "initials"  # pinyin initials, e.g. "hz" → 护照
    FUZZY = "fuzzy"  # typo-tolerant match
    TEXT = "text"  # department, theme, conditions …


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result row, light enough to render without loading the item."""

    kind: HitKind
    id: str
    name: str
    department: str
    category: str  # the group the result list shows it under (theme or "一件事")
    audiences: tuple[Audience, ...]
    matched_on: MatchedOn
    score: float
    status: str = "active"  # "withdrawn" shows a notice instead of vanishing


class CatalogQuery(Protocol):
    """Read-only questions about the synced catalog."""

    def search(
        self, text: str, *, audience: Audience | None = None, limit: int = 50
    ) -> list[SearchHit]:
        """Results for what a person typed; zero-result queries are logged by the store."""
        ...

    def item(self, item_id: str) -> ServiceItem:
        """One item; raises ``KeyError`` when unknown."""
        ...

    def bundle(self, bundle_id: str) -> Bundle:
        """One 一件事; raises ``KeyError`` when unknown."""
        ...

    def hot_items(self, *, audience: Audience | None = None, limit: int = 12) -> list[SearchHit]:
        """Most used items (热门事项)."""
        ...

    def bundles(self, *, audience: Audience | None = None) -> list[SearchHit]:
        """All active 一件事."""
        ...

    def departments(self) -> list[tuple[str, int]]:
        """(department, number of active items), for browsing by department."""
        ...

    def by_department(self, department: str) -> list[SearchHit]:
        """Active items of one department."""
        ...

    def themes(self, *, audience: Audience | None = None) -> list[tuple[str, int]]:
        """(theme, number of items), for browsing by theme."""
        ...

    def by_theme(self, theme: str, *, audience: Audience | None = None) -> list[SearchHit]:
        """Items under one theme."""
        ...

    def halls(self) -> list[Hall]:
        """Every hall, station and outlet, for guides and the service map."""
        ...

    def hall(self, hall_id: str) -> Hall:
        """One hall; raises ``KeyError`` when unknown."""
        ...
