"""Ranking across kinds of match: the kind decides, popularity only breaks ties.

Each catalog here makes the worse kinds of match the more popular ones, so an order
that leaned on popularity would come out reversed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from core.catalog import Catalog
from core.search import MatchedOn
from sync.catalog_cache import CatalogCache, import_catalog
from sync.store import open_store
from tests.sync.catalog_builder import HALL, LICENCES, bundle, item


def _catalog() -> Catalog:
    items = (
        item("EXACT", "护照", popularity=1),
        item("PREFIX", "护照签发", popularity=10),
        item("ALIAS", "出国证件办理", aliases=("护照",), popularity=100),
        item("ALIAS-START", "证件补办", aliases=("护照补办",), popularity=1_000),
        item("INSIDE", "普通护照换发", popularity=10_000),
        item("TEXT", "出境备案", department="护照管理处", popularity=100_000),
        item("OTHER", "户口迁移", popularity=1_000_000),
        item("NEVER", "驾驶证换证", popularity=2_000_000),  # 换证 is hz, but inside
    )
    return Catalog(
        version=1,
        published="2022-06-01",
        licence_types=LICENCES,
        halls=(HALL,),
        items=items,
        bundles=(
            bundle("B-HZ", "护照一件事", ("EXACT", "PREFIX"), popularity=5),
            bundle("B-ALIAS", "出国一件事", ("EXACT", "ALIAS"), aliases=("护照",), popularity=50),
        ),
    )


@pytest.fixture
def catalog(tmp_path: Path) -> Iterator[CatalogCache]:
    with open_store(tmp_path) as store:
        import_catalog(store, _catalog())
        yield CatalogCache(store, home_hall_id=HALL.id)


def test_hanzi_query_ranks_by_kind_of_match(catalog: CatalogCache) -> None:
    hits = catalog.search("护照")
    assert [h.id for h in hits] == [
        "EXACT",  # the name itself
        "PREFIX",  # names starting with it: items and 一件事 by popularity
        "B-HZ",
        "ALIAS",  # an alias that is the query, bundles too
        "B-ALIAS",
        "ALIAS-START",  # an alias starting with it
        "INSIDE",  # inside a name
        "TEXT",  # a department word
    ]
    assert [h.matched_on for h in hits] == [
        MatchedOn.EXACT,
        MatchedOn.PREFIX,
        MatchedOn.PREFIX,
        MatchedOn.ALIAS,
        MatchedOn.ALIAS,
        MatchedOn.ALIAS,
        MatchedOn.NAME,
        MatchedOn.TEXT,
    ]
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert len(set(scores)) == len(scores)


def test_pinyin_query_ranks_the_same_way(catalog: CatalogCache) -> None:
    hits = catalog.search("huzhao")
    assert [h.id for h in hits] == [
        "EXACT",
        "PREFIX",
        "B-HZ",
        "ALIAS",
        "B-ALIAS",
        "ALIAS-START",
        "INSIDE",
    ]
    assert {h.matched_on for h in hits} == {MatchedOn.PINYIN}


def test_initials_rank_whole_before_start_and_never_inside(catalog: CatalogCache) -> None:
    hits = catalog.search("hz")
    # all the initials of a name or alias first, then the readings they only start;
    # 普通护照换发 counts: 护照 follows the qualifier 普通, so "hz" starts a word there
    assert [h.id for h in hits] == [
        "ALIAS",
        "B-ALIAS",
        "EXACT",
        "INSIDE",
        "ALIAS-START",
        "PREFIX",
        "B-HZ",
    ]
    assert {h.matched_on for h in hits} == {MatchedOn.INITIALS}
    # 驾驶证换证 ends in 换证 (hz), the hottest of all, and is not a match
    assert "NEVER" not in {h.id for h in catalog.search("hz")}
    assert [h.id for h in catalog.search("hzhf")] == ["INSIDE"]


def test_a_typo_ranks_below_every_exact_kind(tmp_path: Path) -> None:
    catalog = _catalog()
    catalog = catalog.model_copy(
        update={
            "items": (
                item("RIGHT", "护照迁发证明", popularity=1),
                item("TYPO", "护照签发", popularity=1_000),  # 迁 typed for 签
            )
        },
    )
    catalog = catalog.model_copy(update={"bundles": ()})
    with open_store(tmp_path) as store:
        import_catalog(store, catalog)
        hits = CatalogCache(store).search("护照迁发")
    assert [(h.id, h.matched_on) for h in hits] == [
        ("RIGHT", MatchedOn.PREFIX),
        ("TYPO", MatchedOn.FUZZY),
    ]


def test_a_hit_is_light_but_says_where(catalog: CatalogCache) -> None:
    hit = catalog.search("护照签发")[0]
    assert replace(hit, score=0) == replace(
        hit,
        score=0,
        basic_code="BPREFIX",
        region="威海市",
        hall_ids=(HALL.id,),
        other_places=0,
    )
