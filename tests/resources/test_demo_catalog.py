"""The shipped Weihai demo catalog and demo holders load, validate and are complete."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from core.catalog import Audience, Catalog, ItemKind, Level, MaterialSource
from core.elicence import validate_identifier
from core.errors import ValidationFailed
from core.identifiers import validate_resident_id, validate_uscc
from sync.catalog_files import catalog_to_json_dir, load_catalog, load_demo_holders

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "resources" / "catalog"
DEMO = ROOT / "resources" / "demo"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(CATALOG)


def test_counts(catalog: Catalog) -> None:
    assert len(catalog.items) >= 130
    city_departments = {i.department for i in catalog.items if i.level is Level.CITY}
    assert len(city_departments) >= 12
    assert {Level.CITY, Level.DISTRICT, Level.TOWN} <= {i.level for i in catalog.items}
    audiences = {a for i in catalog.items for a in i.audience}
    assert audiences == {Audience.PERSONAL, Audience.ENTERPRISE}
    assert len(catalog.bundles) >= 6


def test_every_district_of_weihai_is_covered(catalog: Catalog) -> None:
    regions = {i.region for i in catalog.items}
    for region in ("威海市", "环翠区", "文登区", "荣成市", "乳山市", "威海经济技术开发区",
                   "威海火炬高技术产业开发区", "威海临港经济技术开发区"):
        assert region in regions, region


def test_high_frequency_items_are_findable_by_their_common_names(catalog: Catalog) -> None:
    names = {alias for i in catalog.items for alias in (i.name, *i.aliases)}
    for wanted in ("身份证", "公积金", "营业执照", "护照", "社保卡", "异地就医备案", "过户",
                   "低保", "残疾证", "食品许可证", "施工许可证", "出生登记", "领结婚证"):
        assert any(wanted in n for n in names), wanted


def test_time_limits_follow_the_plans(catalog: Catalog) -> None:
    for it in catalog.items:
        if it.kind is ItemKind.IMMEDIATE:
            assert it.promised_days == 0, it.name
        else:
            assert 0 < it.promised_days <= it.legal_days, it.name
    immediate = sum(i.kind is ItemKind.IMMEDIATE for i in catalog.items)
    assert 0 < immediate < len(catalog.items)


def test_materials_refer_to_known_licence_types(catalog: Catalog) -> None:
    types = {t.code for t in catalog.licence_types}
    used = {m.elicence_type for i in catalog.items for m in i.materials if m.elicence_type}
    used |= {m.elicence_type for b in catalog.bundles for m in b.materials if m.elicence_type}
    assert used <= types
    assert {"resident_id", "household_register", "marriage_cert", "business_licence",
            "property_cert", "birth_cert", "social_security_card", "driving_licence",
            "disability_cert"} <= used


def test_pending_allowed_only_for_non_key_materials(catalog: Catalog) -> None:
    for it in catalog.items:
        for m in it.materials:
            if m.pending_allowed:
                # 容缺 is for non-key materials: never the identity, never the form.
                assert m.elicence_type not in {"resident_id", "business_licence"}, it.name
                assert m.source is not MaterialSource.FORM, it.name


def test_codes_carry_weihai_area_codes(catalog: Catalog) -> None:
    for it in catalog.items:
        assert it.id.endswith(it.basic_code)
        assert len(it.basic_code) == 12
        assert it.basic_code.isdigit()
        agency = it.id[: -len(it.basic_code)]
        validate_uscc(agency)
        assert agency[2:6] == "3710", it.name


def test_halls_are_in_weihai(catalog: Catalog) -> None:
    for hall in catalog.halls:
        # Weihai spans 36.8-37.6 N, 121.5-122.7 E (乳山 in the south-west, 荣成 in the east).
        assert 36.8 <= hall.latitude <= 37.6, hall.name
        assert 121.5 <= hall.longitude <= 122.7, hall.name
        assert hall.phone.startswith("0631-")
    kinds = {h.kind for h in catalog.halls}
    assert len(kinds) == 4


def test_every_bundle_item_exists_and_halls_are_known(catalog: Catalog) -> None:
    ids = {i.id for i in catalog.items}
    for bundle in catalog.bundles:
        assert set(bundle.item_ids) <= ids


def test_shipped_json_is_pretty_utf8() -> None:
    for path in CATALOG.rglob("*.json"):
        text = path.read_text(encoding="utf-8")
        assert "\\u" not in text, path  # ensure_ascii=False: Chinese readable in the file
        assert text.startswith(("[\n", "{\n")), path


def test_demo_holders_validate() -> None:
    citizens, enterprises = load_demo_holders(DEMO)
    assert len(citizens) >= 8
    assert len(enterprises) >= 4
    catalog_types = {t.code for t in load_catalog(CATALOG).licence_types}
    for person in citizens:
        validate_resident_id(person.id_number)
        assert person.id_number.startswith("3710")
        assert "resident_id" in person.licence_types()
    for company in enterprises:
        validate_uscc(company.uscc)
        assert "business_licence" in company.licence_types()
    holders = [*citizens, *enterprises]
    for holder in holders:
        for lic in holder.licences:
            assert validate_identifier(lic.identifier) == lic.identifier
            assert lic.type_code in catalog_types
    ages = {p.name: p.age_on(dt.date(2024, 3, 1)) for p in citizens}
    assert max(ages.values()) >= 75
    assert min(ages.values()) < 25


# ---------------------------------------------------------------------------------
# Broken catalogs give messages that name the file, the item and the rule.


@pytest.fixture
def copy_dir(tmp_path: Path) -> Path:
    target = tmp_path / "catalog"
    shutil.copytree(CATALOG, target, ignore=shutil.ignore_patterns("_build"))
    return target


def _first_item_file(directory: Path) -> Path:
    return sorted((directory / "items").glob("*.json"))[0]


def test_broken_item_names_file_item_and_rule(copy_dir: Path) -> None:
    path = _first_item_file(copy_dir)
    items = json.loads(path.read_text(encoding="utf-8"))
    victim = items[1]
    victim["promised_days"] = victim["legal_days"] + 5
    victim["kind"] = "承诺件"
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationFailed) as exc:
        load_catalog(copy_dir)
    message = exc.value.message
    assert path.name in message
    assert victim["id"] in message
    assert victim["name"] in message
    assert "promised days exceed legal days" in message
    assert "pydantic" not in message
    assert "https://" not in message


def test_missing_field_is_named_in_chinese(copy_dir: Path) -> None:
    path = _first_item_file(copy_dir)
    items = json.loads(path.read_text(encoding="utf-8"))
    del items[0]["phone"]
    items[0]["materials"][0]["form"] = "传真件"
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationFailed) as exc:
        load_catalog(copy_dir)
    assert "phone：缺少必填项" in exc.value.message
    assert "materials.0.form：取值不在允许范围内" in exc.value.message
    assert items[0]["name"] in exc.value.message


def test_invalid_json_names_file_and_position(copy_dir: Path) -> None:
    path = copy_dir / "halls.json"
    path.write_text('[{"id": "x",}]', encoding="utf-8")
    with pytest.raises(ValidationFailed) as exc:
        load_catalog(copy_dir)
    assert exc.value.code == "catalog.json"
    assert "halls.json" in exc.value.message
    assert "第 1 行" in exc.value.message


def test_dangling_reference_is_reported(copy_dir: Path) -> None:
    path = copy_dir / "bundles.json"
    bundles = json.loads(path.read_text(encoding="utf-8"))
    bundles[0]["item_ids"][0] = "NO-SUCH-ITEM"
    path.write_text(json.dumps(bundles, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationFailed) as exc:
        load_catalog(copy_dir)
    assert exc.value.code == "catalog.references"
    assert "NO-SUCH-ITEM" in exc.value.message


def test_missing_and_non_utf8_files(copy_dir: Path) -> None:
    (copy_dir / "meta.json").unlink()
    with pytest.raises(ValidationFailed, match="meta.json：文件不存在"):
        load_catalog(copy_dir)
    (copy_dir / "meta.json").write_bytes('{"version": 1, "published": "二〇二四"}'.encode("gbk"))
    with pytest.raises(ValidationFailed, match="UTF-8"):
        load_catalog(copy_dir)
    (copy_dir / "meta.json").write_text('{"version": 0, "published": "2024-01-01"}')
    with pytest.raises(ValidationFailed, match="version"):
        load_catalog(copy_dir)


def test_wrong_shape_is_reported(copy_dir: Path) -> None:
    (copy_dir / "licence_types.json").write_text('{"code": "x"}', encoding="utf-8")
    with pytest.raises(ValidationFailed, match="licence_types.json：应为证照类型列表"):
        load_catalog(copy_dir)


def test_bad_demo_person_is_named_without_their_number(tmp_path: Path) -> None:
    shutil.copytree(DEMO, tmp_path / "demo", ignore=shutil.ignore_patterns("_build"))
    path = tmp_path / "demo" / "people.json"
    people = json.loads(path.read_text(encoding="utf-8"))
    good_id = people[0]["id_number"]
    people[0]["id_number"] = good_id[:-1] + ("0" if good_id[-1] != "0" else "1")
    path.write_text(json.dumps(people, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationFailed) as exc:
        load_demo_holders(tmp_path / "demo")
    assert people[0]["name"] in exc.value.message
    assert "校验位" in exc.value.message
    assert good_id[:-1] not in exc.value.message


def test_round_trip_through_json_dir(catalog: Catalog, tmp_path: Path) -> None:
    catalog_to_json_dir(catalog, tmp_path / "out")
    again = load_catalog(tmp_path / "out")
    assert again == catalog


def test_shipped_json_matches_its_generator() -> None:
    # The JSON ships; the generator keeps it consistent. A hand edit of one file that the
    # generator does not know about would be lost on the next build, so they must agree.
    from resources.catalog._build import build

    for slug, items in build._departments().items():
        shipped = json.loads((CATALOG / "items" / f"{slug}.json").read_text(encoding="utf-8"))
        assert shipped == items, slug
