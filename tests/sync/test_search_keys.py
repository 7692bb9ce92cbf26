"""The precomputed search keys carry what grouping and ranking need, through every path."""

from __future__ import annotations

import json
from pathlib import Path

from core.catalog import Level
from sync.search_index import (
    LIST_SEP,
    PART_SEP,
    SearchIndex,
    entry_for,
    has_placement,
    with_placement,
)
from sync.store import ChangeRow, open_store
from tests.sync.catalog_builder import item


def _doc(**update: object) -> dict[str, object]:
    base = item("I-CS", "出生登记", aliases=("报户口", "出生登记")).model_copy(update=update)
    doc: dict[str, object] = json.loads(base.model_dump_json())
    return doc


def test_item_keys_carry_the_placement_after_the_typed_codes() -> None:
    doc = _doc(
        basic_code="000717002000", level=Level.DISTRICT, region="环翠区", hall_ids=("a", "b")
    )
    entry = entry_for("items", doc)
    typed, _, place = entry.codes.partition(PART_SEP)
    assert typed.split(LIST_SEP) == ["i-cs", "000717002000"]  # what a person may type
    assert place.split(LIST_SEP) == ["000717002000", "区县级", "环翠区", "a", "b"]
    assert has_placement(entry.codes)
    assert not has_placement(typed)
    assert with_placement(entry.codes, basic_code="x", level="", region="", hall_ids=()) == (
        typed + PART_SEP + LIST_SEP.join(("x", "", ""))
    )


def test_name_readings_come_before_alias_readings() -> None:
    entry = entry_for("items", _doc())
    names, _, aliases = entry.pinyin.partition(PART_SEP)
    assert names.split("|")[0] == "chu sheng deng ji"
    # an alias that reads like the name adds nothing; 报户口 is an alias reading
    assert "chu sheng deng ji" not in aliases.split("|")
    assert aliases.split("|")[0] == "bao hu kou"


def test_an_item_without_aliases_has_no_alias_part() -> None:
    assert PART_SEP not in entry_for("items", _doc(aliases=())).pinyin


def test_bundle_keys_have_no_placement() -> None:
    doc = {"id": "B-1", "name": "出生一件事", "lead_department": "卫健委", "audience": ["个人"]}
    entry = entry_for("bundles", doc)
    assert entry.codes == "b-1"
    index = SearchIndex.from_entries([tuple(entry.as_row().values())])
    assert index.search("出生")[0].basic_code == ""


def test_synced_rows_get_the_same_keys_as_imported_ones(tmp_path: Path) -> None:
    doc = _doc(hall_ids=("H1",))
    with open_store(tmp_path) as store:
        store.apply_page("items", [ChangeRow("upsert", "I-CS", 1, doc)], "c1")
        with store.cache.read() as conn:
            codes, readings = conn.execute(
                "SELECT codes, pinyin FROM search_entries WHERE id = 'I-CS'"
            ).fetchone()
    entry = entry_for("items", doc)
    assert (codes, readings) == (entry.codes, entry.pinyin)
