"""Catalog search per keystroke on a large catalog, beside a bare SQLite FTS5 baseline.

Run::

    .venv/bin/python -m bench.search            # 100,000 items (the budget's size)
    .venv/bin/python -m bench.search --items 20000

It generates a realistic catalog (the same 实施清单 item, one 基本编码, implemented in a
heavy-tailed number of the city's 39 regions and towns under the same name; names
varied by object, action and situation words; Zipf-like popularity), imports
it into a store in a temporary directory, builds the search index, and then replays
what people type, one keystroke at a time (every prefix of each word is one query).
For each keystroke it times our :class:`sync.catalog_cache.CatalogCache` search and a
bare FTS5 trigram query over the same names and pinyin in the same run (ours folds the
implementations into one row per service for a terminal in a district hall; the bare
query does not), and prints
p50/p95/max of both with their ratio. Budget (DESIGN.md): p95 ≤ 5 ms per keystroke.

Figures only; no test asserts on time.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from core.catalog import (
    Audience,
    Bundle,
    Catalog,
    DeliveryMethod,
    ELicenceType,
    Hall,
    HallKind,
    ItemKind,
    ItemStatus,
    ItemType,
    Level,
    Material,
    MaterialForm,
    ServiceItem,
    Situation,
    Step,
)
from sync.catalog_cache import CatalogCache, import_catalog
from sync.search_index import PART_SEP
from sync.store import open_store

BUDGET_P95_MS = 5.0
HOME_HALL = "H-01"  # 环翠区政务服务中心 in the generated catalog

TYPED: tuple[str, ...] = (
    "护照",
    "hz",
    "huzhao",
    "hu zhao",
    "sbk",
    "shebaoka",
    "社保卡",
    "公积金提取",
    "gjj",
    "gongjijin",
    "公积jin",
    "不动产登记",
    "yyzz",
    "营业执照",
    "户口签移",  # homophone typo
    "shebaoak",  # typo
    "员工保障一件事",
    "出入境",
    "火星移民",  # nothing matches
    "xqzvw",  # nothing matches
)

# (object, department, theme, audience, aliases): the things 政务服务 items are about
_OBJECTS: tuple[tuple[str, str, str, Audience, tuple[str, ...]], ...] = (
    ("护照", "公安局出入境管理大队", "出入境", Audience.PERSONAL, ("办护照",)),
    ("往来港澳通行证", "公安局出入境管理大队", "出入境", Audience.PERSONAL, ("港澳通行证",)),
    ("往来台湾通行证", "公安局出入境管理大队", "出入境", Audience.PERSONAL, ("台湾通行证",)),
    ("居民身份证", "公安局", "户籍办理", Audience.PERSONAL, ("身份证",)),
    ("户口", "公安局", "户籍办理", Audience.PERSONAL, ("户籍",)),
    ("居住证", "公安局", "户籍办理", Audience.PERSONAL, ()),
    ("社会保障卡", "人力资源和社会保障局", "社会保障", Audience.PERSONAL, ("社保卡",)),
    ("城乡居民基本养老保险", "社会保险事业中心", "社会保障", Audience.PERSONAL, ("养老保险",)),
    ("职工基本医疗保险", "医疗保障局", "医疗保障", Audience.PERSONAL, ("医保",)),
    ("失业保险金", "人力资源和社会保障局", "就业创业", Audience.PERSONAL, ("失业金",)),
    ("工伤保险待遇", "人力资源和社会保障局", "社会保障", Audience.PERSONAL, ("工伤",)),
    ("住房公积金", "住房公积金管理中心", "住房保障", Audience.PERSONAL, ("公积金",)),
    ("不动产", "自然资源和规划局", "不动产", Audience.PERSONAL, ("房产证", "房本")),
    ("营业执照", "市场监督管理局", "市场准入", Audience.ENTERPRISE, ("执照",)),
    ("食品经营许可证", "市场监督管理局", "市场准入", Audience.ENTERPRISE, ("食品证",)),
    ("药品经营许可证", "市场监督管理局", "市场准入", Audience.ENTERPRISE, ()),
    ("个体工商户", "市场监督管理局", "市场准入", Audience.PERSONAL, ("个体户",)),
    ("建筑工程施工许可证", "住房和城乡建设局", "工程建设", Audience.ENTERPRISE, ("施工证",)),
    ("建设工程规划许可证", "自然资源和规划局", "工程建设", Audience.ENTERPRISE, ()),
    ("排污许可证", "生态环境局", "生态环境", Audience.ENTERPRISE, ()),
    ("道路运输经营许可证", "交通运输局", "交通出行", Audience.ENTERPRISE, ()),
    ("机动车驾驶证", "公安局交通警察支队", "交通出行", Audience.PERSONAL, ("驾照",)),
    ("机动车", "公安局交通警察支队", "交通出行", Audience.PERSONAL, ("车辆",)),
    ("残疾人证", "残疾人联合会", "社会救助", Audience.PERSONAL, ()),
    ("最低生活保障", "民政局", "社会救助", Audience.PERSONAL, ("低保",)),
    ("结婚登记", "民政局", "婚育收养", Audience.PERSONAL, ("领结婚证",)),
    ("出生医学证明", "卫生健康局", "婚育收养", Audience.PERSONAL, ("出生证",)),
    ("生育津贴", "医疗保障局", "婚育收养", Audience.PERSONAL, ("生育险",)),
    ("教师资格", "教育和体育局", "教育科研", Audience.PERSONAL, ("教师证",)),
    ("医师执业", "卫生健康局", "医疗卫生", Audience.PERSONAL, ()),
    ("渔业捕捞许可证", "海洋发展局", "农林牧渔", Audience.ENTERPRISE, ("捕捞证",)),
    ("林木采伐许可证", "自然资源和规划局", "农林牧渔", Audience.ENTERPRISE, ("采伐证",)),
    ("取水许可", "水务局", "生态环境", Audience.ENTERPRISE, ()),
    ("银行账户", "人民银行中心支行", "企业经营", Audience.ENTERPRISE, ("开户",)),
    ("税务登记", "税务局", "税收财务", Audience.ENTERPRISE, ("报税",)),
    ("重庆籍人员社保关系", "社会保险事业中心", "社会保障", Audience.PERSONAL, ()),
)
_ACTIONS = (
    "申领", "补领", "换领", "注销", "变更登记", "延续", "查询", "核发", "备案", "提取",
    "缴存", "转移接续", "认定", "审批", "迁入", "迁出", "挂失", "签注", "设立登记",
)  # fmt: skip
_SITUATIONS = (
    "", "", "", "（首次）", "（到期换领）", "（遗失补领）", "（港澳居民）", "（外国人）",
    "（企业）", "（个人）", "（异地）", "（退休）", "（购房）", "（租房）", "（代办）",
)  # fmt: skip
_REGIONS = (
    "威海市", "环翠区", "文登区", "荣成市", "乳山市", "经济技术开发区", "火炬高技术产业开发区",
    "临港经济技术开发区", "南海新区",
)  # fmt: skip
_TOWNS = (
    "鲸园街道", "竹岛街道", "环翠楼街道", "怡园街道", "田和街道", "皇冠街道", "凤林街道",
    "西苑街道", "孙家疃街道", "张村镇", "羊亭镇", "温泉镇", "桥头镇", "泊于镇", "崮山镇",
    "宋村镇", "汪疃镇", "苘山镇", "初村镇", "草庙子镇", "泽库镇", "米山镇", "天福街道",
    "龙山街道", "石岛管理区", "宁津街道", "港湾街道", "桃园街道", "王连街道", "东山街道",
)  # fmt: skip


def _template() -> ServiceItem:
    return ServiceItem(
        id="template",
        basic_code="template",
        name="模板事项",
        type=ItemType.PUBLIC_SERVICE,
        audience=(Audience.PERSONAL,),
        department="威海市人民政府",
        level=Level.CITY,
        region="威海市",
        kind=ItemKind.PROMISED,
        conditions=("申请人符合法定条件",),
        materials=(
            Material(id="m1", name="居民身份证", form=MaterialForm.ORIGINAL, copies=1),
            Material(id="m2", name="申请表", form=MaterialForm.ORIGINAL, copies=1),
        ),
        situations=(Situation(id="s1", name="一般情形", material_ids=("m1", "m2")),),
        steps=(Step(name="申请"), Step(name="受理"), Step(name="审核"), Step(name="办结")),
        legal_days=20,
        promised_days=5,
        legal_basis=("《山东省政务服务管理办法》",),
        result_name="办理结果",
        result_type="其他",
        delivery=(DeliveryMethod.WINDOW, DeliveryMethod.EMS),
        hall_ids=("H-00",),
        phone="0631-12345",
        plain_text="带上身份证，到政务服务中心综合窗口办理。",
    )


def _halls(places: Sequence[str]) -> tuple[Hall, ...]:
    """One hall per place: the city centre, district centres, town stations."""
    halls = []
    for n, place in enumerate(places):
        level = Level.CITY if n == 0 else Level.DISTRICT if place in _REGIONS else Level.TOWN
        kind = HallKind.STATION if level is Level.TOWN else HallKind.CENTRE
        halls.append(
            Hall(
                id=f"H-{n:02d}",
                name=f"{place}{'便民' if kind is HallKind.STATION else '政务'}服务中心",
                kind=kind,
                level=level,
                region=place,
                address=f"{place}人民路{n + 1}号",
                hours="周一至周五 9:00-17:00",
                phone="0631-5200000",
                latitude=37.51,
                longitude=122.12,
            )
        )
    return tuple(halls)


def generate_catalog(n_items: int, *, seed: int = 7) -> Catalog:
    """A valid catalog of ``n_items`` items shaped like a city's 实施清单.

    Each basic item (对象 + 动作 + 情形, one 基本编码) is implemented in a heavy-tailed
    number of places (1 to all 39: the city, its districts and towns), with the same
    name and a department and hall of each place, so search has to fold most rows
    into services.
    """
    rng = random.Random(seed)
    template = _template()
    places = [*_REGIONS, *_TOWNS]
    halls = _halls(places)
    basics = [
        (obj, action, situation, dept, theme, aud, aliases)
        for obj, dept, theme, aud, aliases in _OBJECTS
        for action in _ACTIONS
        for situation in dict.fromkeys(_SITUATIONS)
    ]
    rng.shuffle(basics)
    items: list[ServiceItem] = []
    b = 0
    while len(items) < n_items:
        obj, action, situation, dept, theme, aud, aliases = basics[b % len(basics)]
        basic_code = f"B{b:06d}"
        b += 1
        heat = int(100_000 / (1 + rng.paretovariate(0.8)))  # Zipf-like: a few are hot
        implemented = min(len(places), int(rng.paretovariate(0.6)), n_items - len(items))
        first = 0 if rng.random() < 0.7 else rng.randrange(len(places))  # mostly the city
        for k in range(implemented):
            at = (first + k) % len(places)
            place, hall = places[at], halls[at]
            withdrawn = rng.random() < 0.01
            items.append(
                template.model_copy(
                    update={
                        "id": f"3710{len(items):08d}",
                        "basic_code": basic_code,
                        "name": f"{obj}{action}{situation}",
                        "aliases": tuple(f"{a}{action}" for a in aliases),
                        "department": f"{place}{dept}",
                        "level": hall.level,
                        "region": place,
                        "hall_ids": (hall.id,),
                        "themes": (theme,),
                        "audience": (aud,),
                        "popularity": heat if at == 0 else heat * 2 // 5,
                        "status": ItemStatus.WITHDRAWN if withdrawn else ItemStatus.ACTIVE,
                        "withdrawn_note": "该事项已调整" if withdrawn else "",
                    }
                )
            )
    bundle = Bundle(
        id="BD-001",
        name="员工保障一件事",
        aliases=("新员工入职",),
        audience=(Audience.ENTERPRISE,),
        lead_department="威海市人力资源和社会保障局",
        description="员工参保、公积金缴存一次办。",
        item_ids=(items[0].id, items[1].id),
        materials=(Material(id="m1", name="营业执照", form=MaterialForm.COPY, copies=1),),
        promised_days=3,
        hall_ids=(halls[0].id,),
        popularity=5000,
    )
    return Catalog(
        version=1,
        published="2022-06-01",
        licence_types=(
            ELicenceType(
                code="resident_id", name="居民身份证", issuer="公安机关", holder=Audience.PERSONAL
            ),
        ),
        halls=halls,
        items=tuple(items),
        bundles=(bundle,),
    )


def keystrokes(words: Sequence[str]) -> list[str]:
    """Every prefix of every word: what a search box sees while someone types."""
    return [word[:end] for word in words for end in range(1, len(word) + 1)]


def _percentiles(samples_ms: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples_ms)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered), p95, ordered[-1]


def _time_each(
    fn: Callable[[str], object], queries: Sequence[str], rounds: int
) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU (this thread) milliseconds per query.

    The CPU figure does not grow when other processes share the cores, so it is the
    one to compare between runs on a busy machine; the wall figure is what a person
    waits on an idle terminal.
    """
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(rounds):
        for q in queries:
            started, started_cpu = time.perf_counter(), time.thread_time()
            fn(q)
            cpu.append((time.thread_time() - started_cpu) * 1000)
            wall.append((time.perf_counter() - started) * 1000)
    return wall, cpu


def _build_baseline(db_path: Path, cache_path: Path) -> sqlite3.Connection:
    """A bare FTS5 trigram table over the same names, pinyin and initials."""
    conn = sqlite3.connect(str(db_path))
    conn.execute(f"ATTACH DATABASE '{cache_path}' AS cache")
    conn.execute("CREATE VIRTUAL TABLE fts USING fts5(name, pinyin, initials, tokenize='trigram')")
    rows = conn.execute("SELECT rowid, name, pinyin FROM cache.search_entries").fetchall()
    conn.executemany(
        "INSERT INTO fts (rowid, name, pinyin, initials) VALUES (?, ?, ?, ?)",
        (
            (
                rowid,
                name,
                readings.replace(" ", ""),
                " ".join("".join(s[0] for s in v.split(" ")) for v in readings.split("|") if v),
            )
            for rowid, name, readings in ((r, n, p.replace(PART_SEP, "|")) for r, n, p in rows)
        ),
    )
    conn.commit()
    conn.execute("DETACH DATABASE cache")
    return conn


def _baseline_query(conn: sqlite3.Connection) -> Callable[[str], object]:
    def run(q: str) -> object:
        q = q.replace(" ", "").lower()
        if len(q) >= 3:  # trigram index
            phrase = '"' + q.replace('"', '""') + '"'
            return conn.execute("SELECT rowid FROM fts WHERE fts MATCH ? LIMIT 50", (phrase,))
        like = f"%{q}%"  # shorter than a trigram: FTS5 falls back to scanning
        return conn.execute(
            "SELECT rowid FROM fts WHERE name LIKE ? OR pinyin LIKE ? OR initials LIKE ? LIMIT 50",
            (like, like, like),
        ).fetchall()

    def fetched(q: str) -> object:
        result = run(q)
        return result.fetchall() if isinstance(result, sqlite3.Cursor) else result

    return fetched


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--items", type=int, default=100_000, help="catalog size")
    parser.add_argument("--rounds", type=int, default=3, help="replays of the keystrokes")
    args = parser.parse_args(argv)
    out = sys.stdout.write

    started = time.perf_counter()
    catalog = generate_catalog(args.items)
    services = len({i.basic_code for i in catalog.items})
    out(
        f"generated {len(catalog.items):,} items ({services:,} services, "
        f"{len(catalog.items) / services:.1f} implementations each on average) "
        f"in {time.perf_counter() - started:.1f} s\n"
    )
    with tempfile.TemporaryDirectory(prefix="govterm-bench-") as tmp:
        data_dir = Path(tmp) / "data"
        store = open_store(data_dir)
        started = time.perf_counter()
        import_catalog(store, catalog)
        out(f"imported into cache.db in {time.perf_counter() - started:.1f} s\n")
        store.close()

        started = time.perf_counter()
        store = open_store(data_dir)
        opened = time.perf_counter() - started
        # a terminal in a district hall: search folds implementations around it
        cache = CatalogCache(store, terminal_id="bench", home_hall_id=HOME_HALL)
        started = time.perf_counter()
        cache.prepare()
        built = time.perf_counter() - started
        out(f"store open {opened * 1000:.0f} ms; search index built in {built * 1000:.0f} ms\n")

        baseline_conn = _build_baseline(Path(tmp) / "baseline.db", data_dir / "cache.db")
        queries = keystrokes(TYPED)
        ours, ours_cpu = _time_each(cache.search, queries, args.rounds)
        bare, bare_cpu = _time_each(_baseline_query(baseline_conn), queries, args.rounds)
        baseline_conn.close()
        hit = max(cache.search("营业执照"), key=lambda h: h.other_places)
        out(
            f"one row per service, e.g. '营业执照' → {hit.name} of {hit.department}"
            f" (and {hit.other_places} other places)\n"
        )

        out(f"\n{len(queries)} keystrokes x {args.rounds} rounds on {args.items:,} items\n")
        for title, mine, theirs in (("wall", ours, bare), ("CPU", ours_cpu, bare_cpu)):
            out(f"{title:24}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}\n")
            ours_p = _percentiles(mine)
            bare_p = _percentiles(theirs)
            out(f"{'govterm search':24}" + "".join(f"{v:10.2f}" for v in ours_p) + "\n")
            out(f"{'bare FTS5 trigram':24}" + "".join(f"{v:10.2f}" for v in bare_p) + "\n")
            ratio = "".join(
                f"{o / b if b else float('inf'):10.2f}" for o, b in zip(ours_p, bare_p, strict=True)
            )
            out(f"{'ratio (ours / bare)':24}" + ratio + "\n")
            verdict = "within" if ours_p[1] <= BUDGET_P95_MS else "OVER"
            out(f"budget p95 <= {BUDGET_P95_MS} ms ({title}): {verdict}\n\n")

        slowest = sorted(
            zip(ours[: len(queries)], queries, strict=True), key=lambda t: t[0], reverse=True
        )[:5]
        out("slowest keystrokes (first round): ")
        out(", ".join(f"{q!r} {ms:.1f} ms" for ms, q in slowest) + "\n")
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
