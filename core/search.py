"""What the screens may ask of the catalog, whatever stores it.

The terminal's implementation lives in ``sync`` (over ``cache.db``); screens and flows
depend only on this Protocol, so they can be tested against any catalog.
"""

from __future__ import annotations

from collections.abc import Sequence
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
    """One search result row, light enough to render without loading the item.

    An item (事项) is usually implemented in several places under one 基本编码
    (``basic_code``): the city centre and each district or town. Search and browsing
    show one row per service, the implementation this terminal prefers (see
    :meth:`CatalogQuery.implementations`); ``other_places`` says how many other halls
    handle the same service, so a row can say "另有 3 处可办".
    """

    kind: HitKind
    id: str
    name: str
    department: str
    category: str  # the group the result list shows it under (theme or "一件事")
    audiences: tuple[Audience, ...]
    matched_on: MatchedOn
    score: float
    status: str = "active"  # "withdrawn" shows a notice instead of vanishing
    basic_code: str = ""  # 基本编码 shared by every region's implementation; "" for 一件事
    region: str = ""  # 实施区划 of this implementation (威海市, 环翠区, 竹岛街道 …)
    hall_ids: tuple[str, ...] = ()  # halls that accept this implementation
    other_places: int = 0  # halls handling the same service through other implementations


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

    def implementations(self, basic_code: str) -> list[SearchHit]:
        """Every active implementation of one service (基本编码), preferred first.

        The order is the one search uses to pick the row it shows: handled at this
        terminal's hall, then in its region, then city level, then by popularity.
        Empty for an unknown code.
        """
        ...


def other_places(item: ServiceItem, implementations: Sequence[SearchHit]) -> tuple[str, ...]:
    """Halls that handle ``item``'s service but not ``item`` itself, preferred first.

    What the guide lists under "本事项还可在以下地点办理".

    Args:
        item: the implementation on screen.
        implementations: :meth:`CatalogQuery.implementations` of its basic code.

    Returns:
        Hall ids, each once, in the order of ``implementations``.
    """
    own = set(item.hall_ids)
    found: dict[str, None] = {}
    for hit in implementations:
        if hit.id == item.id or hit.basic_code != item.basic_code:
            continue
        for hall_id in hit.hall_ids:
            if hall_id not in own:
                found.setdefault(hall_id)
    return tuple(found)
