"""Catalog search through the real store: what people type finds the right item first."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from core.catalog import Audience, ItemStatus
from core.search import CatalogQuery, HitKind, MatchedOn
from sync.catalog_cache import CatalogCache, import_catalog
from sync.search_index import normalize, pinyin_variants
from sync.store import ChangeRow, Store, open_store
from tests.sync.catalog_builder import item, search_catalog


class _Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2022, 5, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> _Clock:
    return _Clock()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path) as opened:
        import_catalog(opened, search_catalog())
        yield opened


@pytest.fixture
def catalog(store: Store, clock: _Clock) -> CatalogCache:
    return CatalogCache(store, terminal_id="T03", clock=clock)


def test_it_is_a_catalog_query(catalog: CatalogCache) -> None:
    query: CatalogQuery = catalog
    assert query.item("I-HZ").name == "护照签发"


@pytest.mark.parametrize(
    ("typed", "first", "matched_on"),
    [
        ("护照签发", "I-HZ", MatchedOn.EXACT),
        ("护照", "I-HZ", MatchedOn.PREFIX),
        ("积金提取", "I-GJJ", MatchedOn.NAME),
        ("huzhao", "I-HZ", MatchedOn.PINYIN),
        ("hu zhao", "I-HZ", MatchedOn.PINYIN),
        ("HuZhao", "I-HZ", MatchedOn.PINYIN),
        ("huzh", "I-HZ", MatchedOn.PINYIN),  # a syllable still being typed
        ("hz", "I-HZ", MatchedOn.INITIALS),
        ("sbk", "I-SBK", MatchedOn.INITIALS),
        ("gjj", "I-GJJ", MatchedOn.INITIALS),
        ("公积jin", "I-GJJ", MatchedOn.PINYIN),
        ("住房gongji", "I-GJJ", MatchedOn.PINYIN),
        ("社保卡", "I-SBK", MatchedOn.ALIAS),
        ("开公司", "I-YYZZ", MatchedOn.ALIAS),
        ("户口签移", "I-HK", MatchedOn.FUZZY),  # homophone typed by a pinyin IME
        ("户口千移", "I-HK", MatchedOn.FUZZY),
        ("户口迁一", "I-HK", MatchedOn.FUZZY),
        ("户口移", "I-HK", MatchedOn.FUZZY),  # a character missing
        ("户口迁迁移", "I-HK", MatchedOn.FUZZY),  # one extra
        ("营业照执", "I-YYZZ", MatchedOn.FUZZY),  # two swapped
        ("shebaoka", "I-SBK", MatchedOn.PINYIN),
        ("shebaoak", "I-SBK", MatchedOn.FUZZY),
        ("shebeoka", "I-SBK", MatchedOn.FUZZY),
        ("sheboka", "I-SBK", MatchedOn.FUZZY),
        ("yinhang", "I-YH", MatchedOn.PINYIN),  # 行 read háng here
        ("chongqing", "I-CQ", MatchedOn.PINYIN),  # 重 read chóng here
        ("出入境", "I-HZ", MatchedOn.TEXT),  # a theme word
        ("自然资源", "I-BDC", MatchedOn.TEXT),  # a department word
        ("i-gjj", "I-GJJ", MatchedOn.EXACT),  # an implementation code
        ("ＳＢＫ", "I-SBK", MatchedOn.INITIALS),  # full-width letters
    ],
)
def test_what_people_type_finds_the_right_item_first(
    catalog: CatalogCache, typed: str, first: str, matched_on: MatchedOn
) -> None:
    hits = catalog.search(typed)
    assert hits, typed
    assert (hits[0].id, hits[0].matched_on) == (first, matched_on)


def test_exact_name_then_prefix_then_popularity(catalog: CatalogCache) -> None:
    # "护照签发" is exact; 护照加注 (prefix, less popular) follows; the withdrawn one is last
    hits = catalog.search("护照")
    assert [h.id for h in hits] == ["I-HZ", "I-HZ2", "I-OLD"]
    assert hits[0].score > hits[1].score > hits[2].score
    exact = catalog.search("护照加注")
    assert exact[0].id == "I-HZ2"
    assert exact[0].matched_on is MatchedOn.EXACT


def test_prefix_outranks_a_hotter_contains_match(store: Store, clock: _Clock) -> None:
    extra = [
        item("I-A", "申领社会保障卡补换", popularity=10_000),  # contains, very hot
        item("I-B", "社会保障卡密码重置", popularity=1),  # prefix, cold
    ]
    doc_rows = [ChangeRow("upsert", i.id, 1, json.loads(i.model_dump_json())) for i in extra]
    store.apply_page("items", doc_rows, "c1")
    hits = CatalogCache(store, clock=clock).search("社会保障卡")
    ids = [h.id for h in hits]
    assert ids.index("I-B") < ids.index("I-A")
    assert hits[ids.index("I-A")].matched_on is MatchedOn.NAME


def test_withdrawn_items_are_found_flagged_and_last(catalog: CatalogCache) -> None:
    hits = catalog.search("护照签发")
    assert hits[-1].id == "I-OLD"
    assert hits[-1].status == "withdrawn"
    assert all(h.status == "active" for h in hits[:-1])
    assert catalog.item("I-OLD").status is ItemStatus.WITHDRAWN


def test_results_carry_a_category_for_grouping(catalog: CatalogCache) -> None:
    hits = {h.id: h for h in catalog.search("保障")}
    assert hits["I-SBK"].category == "社会保障"
    assert hits["B-YG"].category == "一件事"
    assert hits["B-YG"].kind is HitKind.BUNDLE
    assert catalog.search("新员工入职")[0].id == "B-YG"


def test_audience_filter(catalog: CatalogCache) -> None:
    personal = catalog.search("公积金", audience=Audience.PERSONAL)
    enterprise = catalog.search("公积金", audience=Audience.ENTERPRISE)
    assert [h.id for h in personal] == ["I-GJJ"]
    assert [h.id for h in enterprise] == ["I-GJJJ"]


def test_limit_and_empty_query(catalog: CatalogCache) -> None:
    assert len(catalog.search("h", limit=2)) == 2
    assert catalog.search("   ") == []
    assert catalog.search("护照", limit=0) == []


def test_pinyin_keys_cover_heteronyms() -> None:
    assert pinyin_variants(normalize("银行"))[0] == "yin hang"
    assert pinyin_variants(normalize("重庆"))[0] == "chong qing"
    # 行政 is xíng; its háng reading is kept as a variant for people who type it so
    variants = pinyin_variants(normalize("行政"))
    assert variants[0] == "xing zheng"
    assert any(v.startswith("hang") for v in variants)


# ------------------------------------------------------------------------ search misses


def _misses(store: Store) -> list[tuple[str, str, str]]:
    with store.journal.read() as conn:
        rows = conn.execute("SELECT at, query, terminal_id FROM search_misses ORDER BY id")
        return [tuple(r) for r in rows]


def test_zero_result_searches_are_recorded_once_per_typed_word(
    catalog: CatalogCache, store: Store, clock: _Clock
) -> None:
    for typed in ("火", "火星", "火星移", "火星移民"):  # keystroke by keystroke
        assert catalog.search(typed) == []
    assert _misses(store) == []  # still being typed: no journal write per keystroke
    clock.now += timedelta(minutes=5)
    assert catalog.search("qqqqxx") == []
    assert [m[1] for m in _misses(store)] == ["火星移民"]
    assert catalog.search("护照")  # a hit is not a miss, but it ends the word before it
    misses = _misses(store)
    assert [m[1] for m in misses] == ["火星移民", "qqqqxx"]
    assert misses[0][2] == "T03"
    assert catalog.search("xqzvwk") == []
    catalog.flush_misses()  # the session ended
    assert catalog.search_misses()[0][1] == "xqzvwk"


def test_numbers_typed_into_search_are_not_kept(catalog: CatalogCache, store: Store) -> None:
    assert catalog.search("37100219900101123X") == []
    catalog.flush_misses()
    assert _misses(store)[0][1] == "*" * 18


# ------------------------------------------------------------------------------ browsing


def test_browsing(catalog: CatalogCache) -> None:
    hot = catalog.hot_items(limit=3)
    assert [h.id for h in hot] == ["I-HZ", "I-GJJ", "I-HK"]  # withdrawn I-OLD is hottest
    assert [h.id for h in catalog.hot_items(audience=Audience.ENTERPRISE, limit=1)] == ["I-YYZZ"]
    assert [h.id for h in catalog.bundles()] == ["B-YG"]
    assert catalog.bundles(audience=Audience.PERSONAL) == []
    departments = dict(catalog.departments())
    assert departments["威海市公安局出入境管理支队"] == 2  # withdrawn not counted
    assert {h.id for h in catalog.by_department("威海市住房公积金管理中心")} == {"I-GJJ", "I-GJJJ"}
    themes = dict(catalog.themes())
    assert themes["出入境"] == 2
    assert (
        "住房保障" not in dict(catalog.themes(audience=Audience.PERSONAL))
        or dict(catalog.themes(audience=Audience.PERSONAL))["住房保障"] == 1
    )
    assert [h.id for h in catalog.by_theme("社会保障")] == ["I-SBK", "I-SBKG"]


def test_documents(catalog: CatalogCache) -> None:
    assert catalog.bundle("B-YG").item_ids == ("I-SBK", "I-GJJJ")
    assert catalog.hall("H1").name == "环翠区政务服务中心"
    assert [h.id for h in catalog.halls()] == ["H1"]
    assert [t.code for t in catalog.licence_types()] == ["resident_id"]
    for missing in (lambda: catalog.item("nope"), lambda: catalog.bundle("nope")):
        with pytest.raises(KeyError):
            missing()
    with pytest.raises(KeyError):
        catalog.hall("nope")


# --------------------------------------------------------------------- keeping current


def test_sync_changes_reach_search(store: Store, catalog: CatalogCache) -> None:
    assert catalog.search("huzhao")[0].id == "I-HZ"
    renamed = item("I-HZ", "普通护照签发", popularity=900, version=2)
    new = item("I-NEW", "港澳通行证签注", popularity=5)
    store.apply_page(
        "items",
        [
            ChangeRow("upsert", "I-HZ", 2, json.loads(renamed.model_dump_json())),
            ChangeRow("upsert", "I-NEW", 1, json.loads(new.model_dump_json())),
            ChangeRow("delete", "I-HZ2", 2),
        ],
        "c9",
    )
    assert catalog.search("gangao")[0].id == "I-NEW"
    assert "I-HZ2" not in {h.id for h in catalog.search("护照")}
    assert catalog.search("护照签发")[0].name == "普通护照签发"
    with pytest.raises(KeyError):
        catalog.item("I-HZ2")


def test_reimport_replaces_and_tombstones(store: Store, catalog: CatalogCache) -> None:
    smaller = search_catalog().model_copy(
        update={"items": tuple(i for i in search_catalog().items if i.id != "I-YH")}
    )
    result = catalog.replace(smaller)
    assert result.removed == 1
    assert "I-YH" not in {h.id for h in catalog.search("yinhang")}
    with pytest.raises(KeyError):
        catalog.item("I-YH")


# ------------------------------------------------------------------------------ threads


def test_search_from_a_worker_thread_while_sync_writes(store: Store, clock: _Clock) -> None:
    catalog = CatalogCache(store, clock=clock)
    stop = threading.Event()
    errors: list[BaseException] = []

    def sync_writer() -> None:
        version = 2
        try:
            while not stop.is_set() and version < 40:
                changed = item("I-CS", "出生医学证明首次签发", popularity=150, version=version)
                doc = json.loads(changed.model_dump_json())
                store.apply_page("items", [ChangeRow("upsert", "I-CS", version, doc)], str(version))
                version += 1
        except BaseException as exc:  # reported to the main thread below
            errors.append(exc)

    writer = threading.Thread(target=sync_writer)
    writer.start()
    with ThreadPoolExecutor(max_workers=1) as worker:  # the UI's one task-runner thread
        results = [worker.submit(catalog.search, q) for q in ["hz", "sbk", "户口签移"] * 20]
        firsts = [f.result(timeout=60)[0].id for f in results]
    stop.set()
    writer.join(timeout=60)
    assert errors == []
    assert firsts == ["I-HZ", "I-SBK", "I-HK"] * 20
