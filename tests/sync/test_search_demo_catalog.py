"""Search on the real demo catalog as a citizen at one hall sees it.

The demo catalog implements many items in the city and in several districts or towns
under one 基本编码. A terminal shows one row per service: the implementation of its
own hall, else of its region, else the city's; and it says where else it is handled.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.catalog import Catalog, Level, ServiceItem
from core.search import CatalogQuery, HitKind, MatchedOn, SearchHit, other_places
from sync.catalog_cache import CatalogCache, import_catalog
from sync.catalog_files import load_catalog
from sync.search_index import PART_SEP, initials_keys
from sync.store import ChangeRow, Store, open_store

DEMO = Path(__file__).resolve().parents[2] / "resources" / "catalog"

HUANCUI = "hc-zwzx"  # 环翠区政务服务中心
ZHUDAO = "zd-bmzx"  # 环翠区竹岛街道便民服务中心 (region 竹岛街道)
GAOQU = "gq-zwzx"  # 高区: few items of its own
WENDENG_POST = "post-wd"  # 文登 post office outlet (region 文登区)

BIRTH = "000717002000"  # 出生登记
COMPANY = "000126001000"  # 企业设立登记 (alias 营业执照), eight implementations
MARRIAGE = "000711001000"  # 内地居民结婚登记: 文登's is handled only at wd-zwzx
SUBSISTENCE = "000511010000"  # 最低生活保障审核确认: city and four streets


@pytest.fixture(scope="module")
def demo() -> Catalog:
    return load_catalog(DEMO)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, demo: Catalog) -> Iterator[Store]:
    with open_store(tmp_path_factory.mktemp("demo-store")) as opened:
        import_catalog(opened, demo)
        yield opened


def _at(store: Store, hall_id: str = "") -> CatalogCache:
    return CatalogCache(store, terminal_id="T-HC-03", home_hall_id=hall_id)


def _implementations(demo: Catalog, basic_code: str) -> list[ServiceItem]:
    return [i for i in demo.items if i.basic_code == basic_code]


def _one_row_per_service(hits: list[SearchHit]) -> None:
    codes = Counter(h.basic_code for h in hits if h.kind is HitKind.ITEM)
    assert codes, "no items to check"
    assert max(codes.values()) == 1, codes.most_common(3)


def test_the_demo_catalog_really_has_many_implementations(demo: Catalog) -> None:
    assert len(_implementations(demo, COMPANY)) == 8
    assert len(_implementations(demo, BIRTH)) == 6


# ------------------------------------------------------------------ one row per service


@pytest.mark.parametrize("typed", ["营业执照", "出生", "hz", "sbk", "gjj", "h", "登记", "chusheng"])
def test_each_service_is_listed_once(store: Store, typed: str) -> None:
    for hall in ("", HUANCUI, ZHUDAO):
        _one_row_per_service(_at(store, hall).search(typed, limit=50))


def test_the_implementation_of_this_hall_is_shown(store: Store, demo: Catalog) -> None:
    hits = [h for h in _at(store, HUANCUI).search("营业执照") if h.basic_code == COMPANY]
    assert len(hits) == 1
    shown = demo.item(hits[0].id)
    assert HUANCUI in shown.hall_ids
    assert shown.department == "威海市环翠区市场监督管理局"
    assert hits[0].region == "环翠区"
    assert hits[0].hall_ids == shown.hall_ids
    # every other hall that handles 企业设立登记 is counted once
    everywhere = {h for i in _implementations(demo, COMPANY) for h in i.hall_ids}
    assert hits[0].other_places == len(everywhere - set(shown.hall_ids)) == 11


def test_a_street_station_shows_its_own_implementation(store: Store, demo: Catalog) -> None:
    hit = _at(store, ZHUDAO).search("低保")[0]
    assert hit.basic_code == SUBSISTENCE
    assert demo.item(hit.id).hall_ids == (ZHUDAO,)
    assert hit.department == "环翠区竹岛街道办事处"


def test_else_the_implementation_of_the_halls_region(store: Store, demo: Catalog) -> None:
    # the 文登 post office does not handle marriages, but 文登区 does (at wd-zwzx)
    hit = next(h for h in _at(store, WENDENG_POST).search("结婚登记") if h.basic_code == MARRIAGE)
    shown = demo.item(hit.id)
    assert WENDENG_POST not in shown.hall_ids
    assert shown.region == "文登区"


def test_else_the_city_level_one(store: Store, demo: Catalog) -> None:
    for hall in ("", GAOQU):  # no hall, or a hall with no implementation of its own
        hit = next(h for h in _at(store, hall).search("出生登记") if h.basic_code == BIRTH)
        assert demo.item(hit.id).level is Level.CITY
        assert hit.department == "威海市公安局"


def test_implementations_list_every_place_preferred_first(store: Store, demo: Catalog) -> None:
    catalog: CatalogQuery = _at(store, HUANCUI)
    implementations = catalog.implementations(BIRTH)
    shown = catalog.search("出生登记")[0]
    assert implementations[0].id == shown.id
    assert {h.id for h in implementations} == {i.id for i in _implementations(demo, BIRTH)}
    assert implementations[1].region == "威海市"  # then the city, then the districts
    item = catalog.item(shown.id)
    places = other_places(item, implementations)
    assert places[:2] == ("wh-zwzx", "zz-wh")
    assert set(places) == {h for i in _implementations(demo, BIRTH) for h in i.hall_ids} - set(
        item.hall_ids
    )
    assert len(places) == shown.other_places
    assert catalog.implementations("no-such-code") == []


def test_browsing_lists_show_each_service_once(store: Store, demo: Catalog) -> None:
    catalog = _at(store, HUANCUI)
    hot = catalog.hot_items(limit=40)
    _one_row_per_service(hot)
    company = next(h for h in catalog.by_theme("市场准入") if h.basic_code == COMPANY)
    assert HUANCUI in company.hall_ids
    for theme, count in catalog.themes():
        listed = catalog.by_theme(theme)
        assert len(listed) == count
        assert len({h.basic_code for h in listed}) == count
    # the window client lists every item department by department: each service once
    everything = [h for d, _ in catalog.departments() for h in catalog.by_department(d)]
    _one_row_per_service(everything)
    active = {i.basic_code for i in demo.items if i.status.value == "active"}
    assert {h.basic_code for h in everything} == active
    departments = dict(catalog.departments())
    assert "威海市公安局环翠区分局" in departments
    assert "威海市公安局文登区分局" not in departments  # its services show 环翠's or the city's
    assert catalog.by_department("威海市公安局文登区分局") == []


def test_hot_items_rank_a_service_by_its_hottest_implementation(store: Store) -> None:
    # 出生登记 at 环翠 (popularity 1040) ranks where the city's (2600) would
    here = [h.basic_code for h in _at(store, HUANCUI).hot_items(limit=40)]
    city = [h.basic_code for h in _at(store).hot_items(limit=40)]
    assert here == city


# ---------------------------------------------------------------------------- initials


@pytest.mark.parametrize(
    ("typed", "first_name"),
    [
        ("hz", "普通护照签发"),
        ("sbk", "社会保障卡申领"),
        ("gjj", "住房公积金提取"),
        ("sfz", "居民身份证换领"),
    ],
)
def test_initials_find_the_common_abbreviation_first(
    store: Store, typed: str, first_name: str
) -> None:
    assert _at(store, HUANCUI).search(typed)[0].name == first_name


def test_initials_match_only_at_the_start_of_a_reading(store: Store) -> None:
    names = {h.name for h in _at(store, HUANCUI).search("hz", limit=50)}
    # 机动车驾驶证期满换证 ends in 换证 (hz); 农村合作医疗 has 合作 (hz) inside
    assert "机动车驾驶证期满换证" not in names
    assert "城乡居民基本医疗保险参保登记" not in names
    # 孩子上户口 (an alias of 出生登记) does start with 孩子: a fair start match, ranked
    # after the passport and shown once
    hits = _at(store, HUANCUI).search("hz")
    birth = [h for h in hits if h.basic_code == BIRTH]
    assert len(birth) == 1
    assert birth[0].matched_on is MatchedOn.INITIALS
    assert hits.index(birth[0]) > 0


def test_initials_after_a_qualifier_are_a_word_start(store: Store) -> None:
    # 居民身份证补领 has no alias "sfz": its name after 居民 starts with 身份证
    hits = _at(store, HUANCUI).search("sfz")
    assert "居民身份证补领" in {h.name for h in hits}
    # 住房公积金个人住房贷款: after 住房, 公积金…
    assert "住房公积金个人住房贷款" in {h.name for h in _at(store).search("gjjgr")}


def _keys(reading: str) -> list[str]:
    return initials_keys(reading.split(" "))


def test_initials_keys() -> None:
    assert _keys("ju min shen fen zheng") == ["jmsfz", "sfz"]
    assert _keys("zhong hua ren min gong he guo ju min shen fen zheng") == [
        "zhrmghgjmsfz",
        "jmsfz",
        "sfz",
    ]
    assert _keys("zhi gong ji ben yang lao bao xian") == [
        "zgjbylbx",
        "jbylbx",
        "ylbx",
    ]
    assert _keys("ji dong che jia shi zheng qi man huan zheng") == [
        "jdcjszqmhz",
        "jszqmhz",
    ]
    assert _keys("ju min") == ["jm"]  # a qualifier alone is not stripped
    assert _keys("hu zhao") == ["hz"]


# ----------------------------------------------------------------------------- ranking


def test_bundles_rank_with_items_by_name_and_alias(store: Store) -> None:
    catalog = _at(store, HUANCUI)
    hits = catalog.search("出生")
    assert [(h.name, h.matched_on) for h in hits[:3]] == [
        ("出生登记", MatchedOn.PREFIX),
        ("出生一件事", MatchedOn.PREFIX),
        ("出生医学证明签发", MatchedOn.PREFIX),
    ]
    assert hits[1].kind is HitKind.BUNDLE
    alias = catalog.search("宝宝出生")[0]
    assert (alias.name, alias.kind, alias.matched_on) == (
        "出生一件事",
        HitKind.BUNDLE,
        MatchedOn.ALIAS,
    )


def test_an_alias_that_is_the_query_beats_one_that_starts_with_it(store: Store) -> None:
    hits = _at(store, HUANCUI).search("公积金")
    assert hits[0].name == "住房公积金提取"  # alias 公积金 itself
    assert all(h.score < hits[0].score for h in hits[1:])


# ------------------------------------------------------------------- older caches, sync


def _strip_placements(store: Store) -> None:
    """Make the search keys look like an older govterm wrote them."""
    with store.cache.transaction() as conn:
        rows = conn.execute("SELECT id, codes, pinyin FROM search_entries WHERE stream = 'items'")
        for row_id, codes, readings in rows.fetchall():
            conn.execute(
                "UPDATE search_entries SET codes = ?, pinyin = ? WHERE stream = 'items' AND id = ?",
                (codes.partition(PART_SEP)[0], readings.replace(PART_SEP, "|"), row_id),
            )
    store.bump_cache_generation()


def test_keys_written_by_an_older_version_still_group(tmp_path: Path, demo: Catalog) -> None:
    with open_store(tmp_path) as store:
        import_catalog(store, demo)
        _strip_placements(store)
        hits = [h for h in _at(store, HUANCUI).search("营业执照") if h.basic_code == COMPANY]
        assert len(hits) == 1
        assert HUANCUI in hits[0].hall_ids
        assert hits[0].other_places == 11


def test_the_terminals_hall_arriving_after_the_items(tmp_path: Path, demo: Catalog) -> None:
    with open_store(tmp_path) as store:
        import_catalog(store, demo)
        post = next(h for h in demo.halls if h.id == WENDENG_POST)
        store.apply_page("halls", [ChangeRow("delete", WENDENG_POST, post.version + 1)], "h1")
        catalog = _at(store, WENDENG_POST)
        first = next(h for h in catalog.search("结婚登记") if h.basic_code == MARRIAGE)
        assert first.region == "威海市"  # the hall (so its region) is unknown yet
        doc = json.loads(post.model_dump_json())
        store.apply_page("halls", [ChangeRow("upsert", WENDENG_POST, post.version + 2, doc)], "h2")
        later = next(h for h in catalog.search("结婚登记") if h.basic_code == MARRIAGE)
        assert later.region == "文登区"
