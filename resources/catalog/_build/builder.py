"""The item builder: turns compact definitions into complete ServiceItem dicts."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from resources.catalog._build.common import (
    CITY_HALLS,
    DISTRICT_HALLS,
    REGIONS,
    TOWN_HALLS,
    TYPE_CODES,
    agency_code,
)


@dataclass(frozen=True)
class Dept:
    """A department at city level: its file slug, name, number (basic-code segment)."""

    slug: str
    name: str
    no: int
    phone: str
    halls: tuple[str, ...] = CITY_HALLS
    # The name its district counterpart takes, with {d} for the district, e.g.
    # "{d}民政局"; None when the department has no district offices.
    district_name: str | None = None


IMMEDIATE_STEPS = [
    ("申请", "携带材料到综合受理窗口或在“爱山东”APP、自助终端提交申请"),
    ("受理审核", "窗口工作人员当场核验材料，材料齐全、符合法定形式的当场受理并审核"),
    ("办结出件", "当场办结，结果当场领取或推送电子证照"),
]
PROMISED_STEPS = [
    ("申请", "线上通过“爱山东”APP（威海分厅）或线下到综合受理窗口提交申请"),
    ("受理", "综合受理窗口核验材料；材料不全的一次性告知需补正的全部内容"),
    ("审查", "后台审批人员审查，必要时现场核查"),
    ("决定", "作出准予或不予的决定；不予的说明理由并告知复议、诉讼权利"),
    ("送达", "统一出件窗口领取、免费邮寄或自助终端领取"),
]


def _situations(raw: list[tuple[str, str, list[str]]] | None,
                materials: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if raw is None:
        return [{"id": "s1", "name": "一般情形", "description": "",
                 "material_ids": [m["id"] for m in materials]}]
    return [{"id": f"s{n}", "name": name, "description": desc, "material_ids": mids}
            for n, (name, desc, mids) in enumerate(raw, start=1)]


def item(dept: Dept, no: int, name: str, *, type: str, audience: tuple[str, ...] = ("个人",),
         kind: str = "承诺件", conditions: list[str], materials: list[dict[str, Any]],
         situations: list[tuple[str, str, list[str]]] | None = None,
         steps: list[tuple[str, str]] | None = None, legal: int, promised: int,
         unit: str = "工作日", fees: list[tuple[str, str, str]] | None = None,
         basis: list[str], result: str, result_type: str = "其他",
         delivery: tuple[str, ...] = ("window", "ems"), aliases: tuple[str, ...] = (),
         themes: tuple[str, ...] = (), plain: str, kiosk: bool = False,
         appointment: bool = True, online: bool = True, decidable: bool = False,
         commitment: bool = False, visits: int = 1, popularity: int = 100,
         sub: int = 0, halls: tuple[str, ...] | None = None) -> dict[str, Any]:
    """One city-level 实施清单 entry; ``no`` is the item's number within the department."""
    basic = f"00{TYPE_CODES[type]}{dept.no:02d}{no:03d}{sub:03d}"
    chosen_steps = steps if steps is not None else (
        IMMEDIATE_STEPS if kind == "即办件" else PROMISED_STEPS)
    return {
        "id": agency_code(REGIONS["威海市"], dept.no) + basic,
        "basic_code": basic,
        "name": name,
        "aliases": list(aliases),
        "type": type,
        "audience": list(audience),
        "department": dept.name,
        "level": "市级",
        "region": "威海市",
        "themes": list(themes),
        "kind": kind,
        "conditions": conditions,
        "materials": materials,
        "situations": _situations(situations, materials),
        "steps": [{"name": n, "description": d} for n, d in chosen_steps],
        "legal_days": legal,
        "promised_days": 0 if kind == "即办件" else promised,
        "day_unit": unit,
        "fees": [{"name": n, "amount": a, "basis": b} for n, a, b in (fees or [])],
        "legal_basis": basis,
        "result_name": result,
        "result_type": result_type,
        "delivery": list(delivery),
        "hall_ids": list(halls if halls is not None else dept.halls),
        "phone": dept.phone,
        "complaint_phone": "12345",
        "plain_text": plain,
        "kiosk_enabled": kiosk,
        "appointment_enabled": appointment,
        "online_enabled": online,
        "window_decidable": decidable,
        "commitment_allowed": commitment,
        "max_visits": visits,
        "popularity": popularity,
        "version": 1,
        "status": "active",
        "withdrawn_note": "",
    }


def in_district(base: dict[str, Any], dept: Dept, district: str, phone: str,
                popularity_share: float = 0.4) -> dict[str, Any]:
    """The same item as implemented by ``dept``'s office in ``district`` (区县级)."""
    if dept.district_name is None:
        raise ValueError(f"{dept.name} has no district offices")
    local = copy.deepcopy(base)
    area = REGIONS[district]
    local["id"] = agency_code(area, dept.no) + base["basic_code"]
    local["department"] = dept.district_name.format(d=district)
    local["level"] = "区县级"
    local["region"] = district
    local["hall_ids"] = list(DISTRICT_HALLS[district])
    local["phone"] = phone
    local["popularity"] = int(base["popularity"] * popularity_share)
    return local


def in_town(base: dict[str, Any], town: str, phone: str, *, name: str | None = None,
            steps: list[tuple[str, str]] | None = None,
            plain: str | None = None) -> dict[str, Any]:
    """The item as received at a 镇街 便民服务中心 (镇街级, 就近办)."""
    hall, district, agency = TOWN_HALLS[town]
    local = copy.deepcopy(base)
    area = REGIONS[district]
    unit = 50 + list(TOWN_HALLS).index(town)
    local["id"] = agency_code(area, 90, unit) + base["basic_code"]
    local["department"] = agency
    local["level"] = "镇街级"
    local["region"] = town
    local["hall_ids"] = [hall]
    local["phone"] = phone
    local["popularity"] = int(base["popularity"] * 0.2)
    if name is not None:
        local["name"] = name
    if steps is not None:
        local["steps"] = [{"name": n, "description": d} for n, d in steps]
    if plain is not None:
        local["plain_text"] = plain
    return local
