"""Typed hanzi are read as sound from the keyboard's dictionary, never through pypinyin.

A homophone slip of a pinyin input method (户口签移 for 户口迁移) and a mixed query
(公积jin) need each typed character's readings. pypinyin costs a kiosk ≈ 37 MB for
good; the on-screen keyboard's dictionary lists the same readings in ≈ 55 KB.
"""

from __future__ import annotations

import gzip
import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.errors import EnvironmentProblem
from core.search import MatchedOn
from sync.catalog_cache import CatalogCache, import_catalog
from sync.search_index import (
    HANZI_READINGS_FILE,
    HanziReadings,
    _ShippedReadings,
)
from sync.store import Store, open_store
from tests.sync.catalog_builder import search_catalog

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def shipped() -> HanziReadings:
    return HanziReadings.load()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path) as opened:
        import_catalog(opened, search_catalog())
        yield opened


def _pypinyin_readings(char: str) -> set[str]:
    from pypinyin import Style, pinyin

    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
    return {r for r in (found[0] if found else ()) if r.isascii() and r.isalpha()}


def test_the_shipped_readings_are_pypinyins_for_common_and_catalog_characters(
    shipped: HanziReadings,
) -> None:
    with gzip.open(HANZI_READINGS_FILE, "rt", encoding="utf-8") as lines:
        ranked = next(line.rstrip("\n").split("\t")[1] for line in lines if line[:2] == "G\t")
    catalog_chars = {
        c for path in (REPO / "resources" / "catalog").rglob("*.json")
        for c in path.read_text(encoding="utf-8") if "\u4e00" <= c <= "\u9fff"
    }  # fmt: skip
    checked = catalog_chars | set(ranked[:6000])
    differ = {c for c in checked if set(shipped(c)) != _pypinyin_readings(c)}
    assert len(checked) >= 6000
    assert differ == set()


def test_a_character_reads_its_usual_reading_first(shipped: HanziReadings) -> None:
    assert shipped("签") == ("qian",)
    assert set(shipped("行")) >= {"xing", "hang"}
    assert shipped("行")[0] == "xing"
    assert shipped("绿")[0] == "lv"
    assert shipped("a") == ()
    assert shipped("﹏") == ()


# Two slips: one wrong character is a typo the hanzi edit search finds on its own;
# two are found only by reading them as sound (扣 kou like 口, 签 qian like 迁).
TWO_SLIPS = "户扣签移"


def test_a_homophone_slip_finds_the_item_through_an_injected_table(store: Store) -> None:
    # only what the table says
    table = HanziReadings({"qian": "迁签千", "hu": "户", "kou": "口扣", "yi": "移"})
    hits = CatalogCache(store, hanzi_readings=table).search(TWO_SLIPS)
    assert hits[0].id == "I-HK"
    assert hits[0].matched_on is MatchedOn.FUZZY


def test_without_readings_a_slip_is_not_read_as_sound(store: Store) -> None:
    def nothing(_char: str) -> tuple[str, ...]:
        return ()

    catalog = CatalogCache(store, hanzi_readings=nothing)
    assert "I-HK" not in [h.id for h in catalog.search(TWO_SLIPS)]
    assert catalog.search("户口迁移")[0].id == "I-HK"  # what is spelt right still is
    assert catalog.search("户口签移")[0].id == "I-HK"  # one slip: the hanzi edit search


def test_mixed_hanzi_and_pinyin_reads_the_hanzi_from_the_table(store: Store) -> None:
    catalog = CatalogCache(store, hanzi_readings=HanziReadings.load())
    hits = catalog.search("公积jin")
    assert hits[0].id == "I-GJJ"
    assert hits[0].matched_on is MatchedOn.PINYIN


def test_a_missing_dictionary_leaves_search_working_and_says_so_once(
    store: Store, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    readings = _ShippedReadings(tmp_path / "missing.tsv.gz")
    catalog = CatalogCache(store, hanzi_readings=readings)
    with caplog.at_level(logging.ERROR, logger="sync.search_index"):
        catalog.prepare()
        assert catalog.search("户口迁移")[0].id == "I-HK"
        assert "I-HK" not in [h.id for h in catalog.search(TWO_SLIPS)]
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1
    assert "missing.tsv.gz" in errors[0].getMessage() or errors[0].exc_info


def test_a_corrupt_dictionary_is_an_environment_problem(tmp_path: Path) -> None:
    garbage = tmp_path / "pinyin.tsv.gz"
    garbage.write_bytes(b"not gzip at all")
    with pytest.raises(EnvironmentProblem, match="拼音词库"):
        HanziReadings.load(garbage)
    foreign = tmp_path / "foreign.tsv.gz"
    with gzip.open(foreign, "wt", encoding="utf-8") as out:
        out.write("P\tni'hao\t你好\n")
    with pytest.raises(EnvironmentProblem, match="拼音词库"):
        HanziReadings.load(foreign)
    with pytest.raises(ValueError, match="line 2"):
        HanziReadings.parse(["C\tqian\t千\n", "C\t签\t\n"])


def test_a_homophone_search_does_not_import_pypinyin(tmp_path: Path) -> None:
    from govterm.app import import_catalog_dir

    with open_store(tmp_path) as store:
        import_catalog_dir(store, REPO / "resources" / "catalog")  # keys are made here
    script = (
        "import sys; from pathlib import Path\n"
        "from sync.store import open_store\n"
        "from sync.catalog_cache import CatalogCache\n"
        f"store = open_store(Path({str(tmp_path)!r}))\n"
        "catalog = CatalogCache(store, terminal_id='K01', home_hall_id='wh-zwzx')\n"
        "catalog.prepare()\n"
        f"slip = catalog.search({TWO_SLIPS!r})\n"
        "mixed = catalog.search('户口qianyi')\n"
        "store.close()\n"
        "print(slip[0].name if slip else '-', slip[0].matched_on if slip else '-',\n"
        "      mixed[0].name if mixed else '-', 'pypinyin' in sys.modules)\n"
    )
    out = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True,
        timeout=120, check=True,
    ).stdout.split()  # fmt: skip
    slip_name, slip_kind, mixed_name, imported = out
    assert slip_name.startswith("户口迁"), out
    assert slip_kind == "fuzzy"
    assert mixed_name.startswith("户口迁移"), out
    assert imported == "False"


QUERIES = (
    "户口签移", TWO_SLIPS, "户口qianyi", "公积jin", "营业zhizhao", "驾驶zheng", "身分证",
    "结婚登计", "社保卡", "护照", "hz", "银hang", "重qing", "行政许可", "残疾人证",
)  # fmt: skip


def test_the_demo_catalog_answers_as_it_did_with_pypinyin(tmp_path: Path) -> None:
    from govterm.app import import_catalog_dir
    from sync.search_index import _char_readings  # the key-making reader (pypinyin)

    with open_store(tmp_path) as store:
        import_catalog_dir(store, REPO / "resources" / "catalog")
        before = CatalogCache(store, home_hall_id="wh-zwzx", hanzi_readings=_char_readings)
        now = CatalogCache(store, home_hall_id="wh-zwzx")
        for query in QUERIES:
            then = [(h.id, h.matched_on, h.score) for h in before.search(query)]
            assert [(h.id, h.matched_on, h.score) for h in now.search(query)] == then, query
