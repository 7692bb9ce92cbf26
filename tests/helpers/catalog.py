"""A small in-memory catalog for UI tests, and the way to reach the real one.

:func:`real_catalog` opens the demo catalog through the real store and search
(``sync.catalog_cache``) when those modules and ``resources/catalog`` exist;
:class:`InMemoryCatalog` is a plain :class:`core.search.CatalogQuery` over
:class:`core.catalog.Catalog` models, used where the real one is not available.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from pypinyin import Style, lazy_pinyin

from core.catalog import (
    Audience,
    Bundle,
    Catalog,
    DeliveryMethod,
    ELicenceType,
    Fee,
    Hall,
    HallKind,
    ItemKind,
    ItemStatus,
    ItemType,
    Level,
    Material,
    MaterialForm,
    MaterialSource,
    ServiceItem,
    Situation,
    Step,
)
from core.search import CatalogQuery, HitKind, MatchedOn, SearchHit

REPO = Path(__file__).resolve().parents[2]


def _hit_for_item(item: ServiceItem, matched: MatchedOn, score: float) -> SearchHit:
    return SearchHit(
        kind=HitKind.ITEM,
        id=item.id,
        name=item.name,
        department=item.department,
        category=item.themes[0] if item.themes else item.department,
        audiences=item.audience,
        matched_on=matched,
        score=score,
        status=item.status.value,
        basic_code=item.basic_code,
        region=item.region,
        hall_ids=item.hall_ids,
    )


def _hit_for_bundle(bundle: Bundle, matched: MatchedOn, score: float) -> SearchHit:
    return SearchHit(
        kind=HitKind.BUNDLE,
        id=bundle.id,
        name=bundle.name,
        department=bundle.lead_department,
        category="一件事",
        audiences=bundle.audience,
        matched_on=matched,
        score=score,
        status=bundle.status.value,
    )


def _match(text: str, name: str, aliases: tuple[str, ...], extra: str) -> MatchedOn | None:
    lowered = text.lower()
    spellings = [(c, "".join(lazy_pinyin(c))) for c in (name, *aliases)]
    initials = ["".join(lazy_pinyin(c, style=Style.FIRST_LETTER)) for c in (name, *aliases)]
    checks = (
        (MatchedOn.EXACT, text == name),
        (MatchedOn.PREFIX, name.startswith(text)),
        (MatchedOn.NAME, text in name),
        (MatchedOn.ALIAS, any(text in alias for alias in aliases)),
        (MatchedOn.PINYIN, any(lowered in full for _, full in spellings)),
        (MatchedOn.INITIALS, any(lowered in short for short in initials)),
        (MatchedOn.TEXT, text in extra),
    )
    return next((matched for matched, ok in checks if ok), None)


_RANK = {m: i for i, m in enumerate(MatchedOn)}


class InMemoryCatalog:
    """A :class:`~core.search.CatalogQuery` over an in-memory :class:`Catalog`."""

    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self.zero_result_queries: list[str] = []

    def search(
        self, text: str, *, audience: Audience | None = None, limit: int = 50
    ) -> list[SearchHit]:
        text = text.strip()
        if not text:
            return []
        hits: list[SearchHit] = []
        for item in self._catalog.items:
            if audience is not None and audience not in item.audience:
                continue
            extra = " ".join((item.department, *item.themes))
            matched = _match(text, item.name, item.aliases, extra)
            if matched is not None:
                hits.append(_hit_for_item(item, matched, 100 - _RANK[matched]))
        for bundle in self._catalog.bundles:
            if audience is not None and audience not in bundle.audience:
                continue
            matched = _match(text, bundle.name, bundle.aliases, bundle.description)
            if matched is not None:
                hits.append(_hit_for_bundle(bundle, matched, 100 - _RANK[matched]))
        if not hits:
            self.zero_result_queries.append(text)
        hits.sort(key=lambda h: (-h.score, h.name))
        return hits[:limit]

    def item(self, item_id: str) -> ServiceItem:
        return self._catalog.item(item_id)

    def bundle(self, bundle_id: str) -> Bundle:
        for bundle in self._catalog.bundles:
            if bundle.id == bundle_id:
                return bundle
        raise KeyError(bundle_id)

    def _active(self) -> list[ServiceItem]:
        return [i for i in self._catalog.items if i.status is ItemStatus.ACTIVE]

    def hot_items(self, *, audience: Audience | None = None, limit: int = 12) -> list[SearchHit]:
        items = [i for i in self._active() if audience is None or audience in i.audience]
        items.sort(key=lambda i: -i.popularity)
        return [_hit_for_item(i, MatchedOn.TEXT, i.popularity) for i in items[:limit]]

    def bundles(self, *, audience: Audience | None = None) -> list[SearchHit]:
        return [
            _hit_for_bundle(b, MatchedOn.TEXT, b.popularity)
            for b in self._catalog.bundles
            if b.status is ItemStatus.ACTIVE and (audience is None or audience in b.audience)
        ]

    def departments(self) -> list[tuple[str, int]]:
        counts = Counter(i.department for i in self._active())
        return sorted(counts.items())

    def by_department(self, department: str) -> list[SearchHit]:
        return [
            _hit_for_item(i, MatchedOn.TEXT, i.popularity)
            for i in self._active()
            if i.department == department
        ]

    def themes(self, *, audience: Audience | None = None) -> list[tuple[str, int]]:
        counts: Counter[str] = Counter()
        for item in self._active():
            if audience is None or audience in item.audience:
                counts.update(item.themes)
        return sorted(counts.items())

    def by_theme(self, theme: str, *, audience: Audience | None = None) -> list[SearchHit]:
        return [
            _hit_for_item(i, MatchedOn.TEXT, i.popularity)
            for i in self._active()
            if theme in i.themes and (audience is None or audience in i.audience)
        ]

    def halls(self) -> list[Hall]:
        return list(self._catalog.halls)

    def hall(self, hall_id: str) -> Hall:
        for hall in self._catalog.halls:
            if hall.id == hall_id:
                return hall
        raise KeyError(hall_id)

    def implementations(self, basic_code: str) -> list[SearchHit]:
        """Active items with ``basic_code``, most popular first (no home hall here)."""
        items = [i for i in self._active() if i.basic_code == basic_code]
        items.sort(key=lambda i: -i.popularity)
        everywhere = {h for i in items for h in i.hall_ids}
        return [
            replace(
                _hit_for_item(i, MatchedOn.TEXT, i.popularity),
                other_places=len(everywhere - set(i.hall_ids)),
            )
            for i in items
        ]


def _id_card(**extra: object) -> Material:
    return Material(
        id="m1",
        name="居民身份证",
        form=MaterialForm.ORIGINAL,
        copies=1,
        elicence_type="resident_id",
        source=MaterialSource.GOVERNMENT,
        **extra,  # type: ignore[arg-type]
    )


def small_catalog() -> Catalog:
    """Seven items, two bundles, three halls: enough for every screen."""
    halls = (
        Hall(
            id="H-WH-01",
            name="威海市政务服务中心",
            kind=HallKind.CENTRE,
            level=Level.CITY,
            region="威海市",
            address="威海市环翠区青岛中路140号",
            hours="周一至周五 9:00-12:00, 13:30-17:00; 自助区24小时",
            phone="0631-5233000",
            latitude=37.5091,
            longitude=122.1164,
            directions="乘1路、12路公交至市民中心站; 地下停车场可停车",
            business_areas=("综合受理A", "不动产B", "出入境C"),
        ),
        Hall(
            id="H-HC-01",
            name="环翠区政务服务中心",
            kind=HallKind.CENTRE,
            level=Level.DISTRICT,
            region="环翠区",
            address="威海市环翠区新威路17号",
            hours="周一至周五 9:00-17:00",
            phone="0631-5210000",
            latitude=37.51,
            longitude=122.12,
        ),
        Hall(
            id="H-BANK-01",
            name="威海农商银行经区支行 政务+网点",
            kind=HallKind.PARTNER,
            level=Level.DISTRICT,
            region="经济技术开发区",
            address="威海市经区海滨南路2号",
            hours="周一至周日 9:00-17:00",
            phone="0631-5980000",
            latitude=37.48,
            longitude=122.16,
        ),
    )
    common = {
        "level": Level.CITY,
        "region": "威海市",
        "legal_basis": ("《中华人民共和国行政许可法》",),
        "hall_ids": ("H-WH-01",),
        "delivery": (DeliveryMethod.WINDOW,),
        "plain_text": "带上身份证到大厅综合窗口办理。",
        "conditions": ("申请人为本市户籍居民",),
        "steps": (Step(name="申请"), Step(name="受理"), Step(name="办结")),
    }
    passport = ServiceItem(
        id="370000-CR-001",
        basic_code="CR-001",
        name="普通护照签发",
        aliases=("办护照", "护照办理"),
        type=ItemType.LICENSING,
        audience=(Audience.PERSONAL,),
        department="威海市公安局出入境管理支队",
        level=Level.CITY,
        region="威海市",
        themes=("出入境",),
        kind=ItemKind.PROMISED,
        conditions=("中国公民因私出国", "未成年人由监护人陪同"),
        materials=(
            _id_card(),
            Material(
                id="m2",
                name="出入境证件相片",
                form=MaterialForm.ORIGINAL,
                copies=1,
                notes="现场免费采集",
            ),
            Material(
                id="m3",
                name="居民户口簿",
                form=MaterialForm.ORIGINAL_AND_COPY,
                copies=1,
                elicence_type="household_register",
                pending_allowed=True,
            ),
        ),
        situations=(
            Situation(id="s1", name="首次申领", material_ids=("m1", "m2")),
            Situation(id="s2", name="未满16周岁申领", material_ids=("m1", "m2", "m3")),
        ),
        steps=(
            Step(name="取号", description="到出入境窗口取号"),
            Step(name="受理", description="采集相片、指纹, 提交材料"),
            Step(name="审批", description="出入境管理部门审批"),
            Step(name="领取", description="邮寄或窗口领取"),
        ),
        legal_days=15,
        promised_days=7,
        fees=(Fee(name="护照工本费", amount="120元/本", basis="发改价格〔2017〕1186号"),),
        legal_basis=("《中华人民共和国护照法》第五条",),
        result_name="中华人民共和国普通护照",
        result_type="证照",
        delivery=(DeliveryMethod.WINDOW, DeliveryMethod.EMS),
        hall_ids=("H-WH-01", "H-HC-01"),
        phone="0631-5181234",
        plain_text="带上身份证, 到出入境窗口拍照、按指纹, 7个工作日后寄到家。",
        kiosk_enabled=False,
        appointment_enabled=True,
        popularity=980,
    )
    flexible = ServiceItem(
        id="370000-SB-010",
        basic_code="SB-010",
        name="灵活就业人员参保登记",
        aliases=("灵活就业社保",),
        type=ItemType.PUBLIC_SERVICE,
        audience=(Audience.PERSONAL,),
        department="威海市人力资源和社会保障局",
        themes=("社会保障",),
        kind=ItemKind.IMMEDIATE,
        materials=(_id_card(),),
        situations=(Situation(id="s1", name="本市户籍", material_ids=("m1",)),),
        legal_days=0,
        promised_days=0,
        result_name="参保登记信息",
        result_type="其他",
        phone="0631-12333",
        kiosk_enabled=True,
        popularity=870,
        **common,  # type: ignore[arg-type]
    )
    housing = ServiceItem(
        id="370000-GJJ-003",
        basic_code="GJJ-003",
        name="住房公积金提取",
        aliases=("公积金提取", "取公积金"),
        type=ItemType.PUBLIC_SERVICE,
        audience=(Audience.PERSONAL,),
        department="威海市住房公积金管理中心",
        themes=("住房保障",),
        kind=ItemKind.PROMISED,
        materials=(
            _id_card(),
            Material(id="m2", name="购房合同", form=MaterialForm.COPY, copies=1),
        ),
        situations=(Situation(id="s1", name="购买自住住房", material_ids=("m1", "m2")),),
        legal_days=5,
        promised_days=1,
        result_name="提取到账",
        result_type="其他",
        phone="0631-5201234",
        popularity=760,
        **common,  # type: ignore[arg-type]
    )
    sole_trader = ServiceItem(
        id="370000-SC-020",
        basic_code="SC-020",
        name="个体工商户设立登记",
        type=ItemType.LICENSING,
        audience=(Audience.ENTERPRISE,),
        department="威海市市场监督管理局",
        themes=("市场准入",),
        kind=ItemKind.IMMEDIATE,
        materials=(
            _id_card(),
            Material(id="m2", name="经营场所证明", form=MaterialForm.COPY, copies=1),
        ),
        situations=(Situation(id="s1", name="一般情形", material_ids=("m1", "m2")),),
        legal_days=15,
        promised_days=0,
        result_name="营业执照",
        result_type="证照",
        phone="0631-5311234",
        popularity=650,
        **common,  # type: ignore[arg-type]
    )
    employee = ServiceItem(
        id="370000-SB-030",
        basic_code="SB-030",
        name="企业职工参保登记",
        type=ItemType.PUBLIC_SERVICE,
        audience=(Audience.ENTERPRISE,),
        department="威海市人力资源和社会保障局",
        themes=("社会保障",),
        kind=ItemKind.IMMEDIATE,
        materials=(
            Material(
                id="m1",
                name="营业执照",
                form=MaterialForm.COPY,
                copies=1,
                elicence_type="business_licence",
            ),
            Material(id="m2", name="职工花名册", form=MaterialForm.ORIGINAL, copies=1),
        ),
        situations=(Situation(id="s1", name="新参保", material_ids=("m1", "m2")),),
        legal_days=0,
        promised_days=0,
        result_name="参保登记信息",
        result_type="其他",
        phone="0631-12333",
        popularity=540,
        **common,  # type: ignore[arg-type]
    )
    medical = ServiceItem(
        id="370000-YB-005",
        basic_code="YB-005",
        name="职工医保参保登记",
        type=ItemType.PUBLIC_SERVICE,
        audience=(Audience.ENTERPRISE,),
        department="威海市医疗保障局",
        themes=("社会保障",),
        kind=ItemKind.IMMEDIATE,
        materials=(
            Material(
                id="m1",
                name="营业执照",
                form=MaterialForm.COPY,
                copies=1,
                elicence_type="business_licence",
            ),
        ),
        situations=(Situation(id="s1", name="新参保", material_ids=("m1",)),),
        legal_days=0,
        promised_days=0,
        result_name="医保参保信息",
        result_type="其他",
        phone="0631-5361234",
        popularity=500,
        **common,  # type: ignore[arg-type]
    )
    withdrawn = ServiceItem(
        id="370000-CR-009",
        basic_code="CR-009",
        name="往来港澳通行证签注(纸质)",
        aliases=("港澳签注",),
        type=ItemType.LICENSING,
        audience=(Audience.PERSONAL,),
        department="威海市公安局出入境管理支队",
        themes=("出入境",),
        kind=ItemKind.IMMEDIATE,
        materials=(_id_card(),),
        situations=(Situation(id="s1", name="一般情形", material_ids=("m1",)),),
        legal_days=0,
        promised_days=0,
        fees=(Fee(name="签注费", amount="15元/次"),),
        result_name="签注",
        result_type="证照",
        phone="0631-5181234",
        status=ItemStatus.WITHDRAWN,
        withdrawn_note="该事项已于2022年1月1日调整为电子签注, 请到自助签注机办理。",
        **common,  # type: ignore[arg-type]
    )
    bundle = Bundle(
        id="B-EMP-01",
        name="员工保障一件事",
        aliases=("员工参保",),
        audience=(Audience.ENTERPRISE,),
        lead_department="威海市人力资源和社会保障局",
        description="企业新招用员工, 一次办理职工社保和医保参保登记。",
        item_ids=(employee.id, medical.id),
        materials=(
            Material(
                id="m1",
                name="营业执照",
                form=MaterialForm.COPY,
                copies=1,
                elicence_type="business_licence",
            ),
            Material(id="m2", name="职工花名册", form=MaterialForm.ORIGINAL, copies=1),
        ),
        promised_days=1,
        hall_ids=("H-WH-01",),
        popularity=300,
    )
    return Catalog(
        version=1,
        published="2022-06-01",
        licence_types=(
            ELicenceType(
                code="resident_id", name="居民身份证", issuer="公安机关", holder=Audience.PERSONAL
            ),
            ELicenceType(
                code="household_register",
                name="居民户口簿",
                issuer="公安机关",
                holder=Audience.PERSONAL,
            ),
            ELicenceType(
                code="business_licence",
                name="营业执照",
                issuer="市场监督管理局",
                holder=Audience.ENTERPRISE,
            ),
        ),
        halls=halls,
        items=(passport, flexible, housing, sole_trader, employee, medical, withdrawn),
        bundles=(bundle,),
    )


@contextmanager
def real_catalog(tmp_dir: Path, *, home_hall_id: str = "") -> Iterator[CatalogQuery | None]:
    """The demo catalog through the real store and search; ``None`` until both exist.

    The store lives in ``tmp_dir`` and is closed when the context ends.
    ``home_hall_id`` is the terminal's hall (search shows its implementations).
    """
    catalog_dir = REPO / "resources" / "catalog"
    try:
        from sync.catalog_cache import CatalogCache, import_catalog
        from sync.catalog_files import load_catalog  # type: ignore[import-not-found]
        from sync.store import open_store
    except ImportError:
        yield None
        return
    if not catalog_dir.is_dir():
        yield None
        return
    store = open_store(tmp_dir / "store")
    try:
        import_catalog(store, load_catalog(catalog_dir))
        cache = CatalogCache(store, terminal_id="T-TEST-01", home_hall_id=home_hall_id)
        cache.prepare()
        yield cache
    finally:
        store.close()
