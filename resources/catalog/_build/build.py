"""Write the demo catalog JSON: ``python -m resources.catalog._build.build``.

The output directory is ``resources/catalog``; every file is pretty-printed UTF-8.
"""

# The catalog text is data: a guide sentence stays on one line so it reads as written.
# ruff: noqa: E501

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from resources.catalog._build import business, police, welfare
from resources.catalog._build.common import HALLS, LICENCE_TYPES, form, material

OUT = Path(__file__).resolve().parent.parent
VERSION = 1
PUBLISHED = "2024-03-01"


def _departments() -> dict[str, list[dict[str, Any]]]:
    return {
        "gongan": police.items(),
        "renshe": welfare.hrss(),
        "yibao": welfare.medical(),
        "gongjijin": welfare.housing_fund(),
        "minzheng": welfare.civil(),
        "weijian": welfare.health(),
        "canlian-tuiyijunren": welfare.disabled_and_veterans(),
        "jiaoyu": welfare.education(),
        "ziranziyuan": business.land(),
        "zhujian": business.construction(),
        "shichangjianguan": business.market(),
        "xingzhengshenpi": business.approval(),
        "jiaotong": business.transport(),
        "shuiwu": business.tax(),
    }


def _city(items: list[dict[str, Any]], name: str) -> str:
    for it in items:
        if it["name"] == name and it["level"] == "市级":
            return str(it["id"])
    raise KeyError(name)


def _bundles(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    def b(bid: str, name: str,  # noqa: PLR0917  # a bundle reads best as a row
 aliases: list[str], audience: list[str], lead: str, desc: str,
          names: list[str], materials: list[dict[str, Any]], days: int, halls: list[str],
          kiosk: bool, popularity: int) -> dict[str, Any]:
        return {"id": bid, "name": name, "aliases": aliases, "audience": audience,
                "lead_department": lead, "description": desc,
                "item_ids": [_city(items, n) for n in names], "materials": materials,
                "promised_days": days, "day_unit": "工作日", "hall_ids": halls,
                "kiosk_enabled": kiosk, "popularity": popularity, "version": 1,
                "status": "active"}

    return [
        b("yjs-yuangongbaozhang", "员工保障一件事", ["员工入职", "新员工参保", "员工保障"], ["法人"],
          "威海市人力资源和社会保障局",
          "企业招用员工后，社保增员、职工医保参保、公积金个人账户设立一表申请、同步办理；员工离职时一次减员。",
          ["职工参保登记（增员）", "职工基本医疗保险参保登记", "住房公积金个人账户设立与转移"],
          [form("m1", "员工保障一件事申请表（增减员）"), material("m2", "biz"),
           material("m3", "rep_id", name="员工居民身份证")],
          1, ["jk-zwzx", "wh-zwzx"], False, 1500),
        b("yjs-kaibanqiye", "开办企业一件事", ["开公司", "企业开办一窗通", "注册公司"], ["法人"],
          "威海市市场监督管理局",
          "营业执照、公章刻制、发票申领、社保登记、医保登记、公积金开户、银行预约开户一表填报，一个工作日内办结。",
          ["企业设立登记", "单位社会保险参保登记", "住房公积金单位缴存登记",
           "职工基本医疗保险参保登记"],
          [form("m1", "企业开办一表通申请表"), material("m2", None, name="公司章程", copies=1),
           material("m3", "rep_id", name="股东、法定代表人身份证件"),
           material("m4", None, name="住所使用证明", copies=1, pending_allowed=True,
                    notes="可签署住所承诺书替代")],
          1, ["wh-zwzx", "jk-zwzx", "gq-zwzx"], True, 2600),
        b("yjs-chusheng", "出生一件事", ["新生儿", "宝宝出生", "生孩子办证"], ["个人"],
          "威海市卫生健康委员会",
          "出生医学证明、出生登记（落户）、城乡居民医保参保、社会保障卡申领一次申请、一次办好。",
          ["出生医学证明签发", "出生登记", "城乡居民基本医疗保险参保登记", "社会保障卡申领"],
          [form("m1", "出生一件事联办申请表"), material("m2", "id", name="父母双方居民身份证"),
           material("m3", "hukou", name="落户方居民户口簿"), material("m4", "marriage")],
          3, ["wh-zwzx", "hc-zwzx"], True, 1800),
        b("yjs-tuixiu", "退休一件事", ["退休", "办退休"], ["个人"],
          "威海市人力资源和社会保障局",
          "养老保险待遇申领、医保退休人员待遇核定、公积金离退休提取一次申请，退休当月同步办结。",
          ["职工基本养老保险待遇申领（退休）", "住房公积金提取"],
          [form("m1", "退休一件事联办申请表"), material("m2", "id"), material("m3", "ss_card")],
          10, ["wh-zwzx"], False, 1200),
        b("yjs-budongchan-shuidianqi", "不动产登记+水电气暖过户一件事",
          ["二手房过户", "水电气过户", "房屋过户一件事"], ["个人", "法人"],
          "威海市自然资源和规划局（威海市不动产登记中心）",
          "二手房交易、契税缴纳、不动产转移登记与供水、供电、燃气、供热、有线电视过户一窗受理、同步办结。",
          ["不动产转移登记", "契税申报"],
          [form("m1", "不动产登记及水电气暖过户联办申请书"),
           material("m2", "id", name="买卖双方居民身份证"), material("m3", "property"),
           material("m4", None, name="水电气暖户号或缴费凭证", copies=0, pending_allowed=True)],
          1, ["wh-zwzx", "wd-zwzx", "rc-zwzx", "rs-zwzx"], False, 2100),
        b("yjs-qiyezhuxiao", "企业注销一件事", ["公司注销", "关公司"], ["法人"],
          "威海市市场监督管理局",
          "税务注销、营业执照注销、社保和公积金账户注销一网申请、信息共享、同步办理。",
          ["税务注销", "企业注销登记"],
          [form("m1", "企业注销一件事申请表"), material("m2", "biz"),
           material("m3", None, name="清算报告或全体投资人承诺书", copies=1)],
          3, ["wh-zwzx", "jk-zwzx"], False, 900),
        b("yjs-canjiren", "残疾人服务一件事", ["残疾人证和补贴", "残疾人一件事"], ["个人"],
          "威海市残疾人联合会",
          "残疾人证核发与困难残疾人生活补贴、重度残疾人护理补贴一次申请、联审联办。",
          ["残疾人证核发", "困难残疾人生活补贴和重度残疾人护理补贴申领"],
          [form("m1", "残疾人服务一件事申请表"), material("m2", "id"), material("m3", "hukou"),
           material("m4", "photo", copies=2)],
          15, ["wh-zwzx", "zd-bmzx", "hg-bmzx"], False, 500),
    ]


def _dump(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    departments = _departments()
    everything = [it for items in departments.values() for it in items]
    items_dir = OUT / "items"
    items_dir.mkdir(exist_ok=True)
    for old in items_dir.glob("*.json"):
        old.unlink()
    for slug, items in departments.items():
        _dump(items_dir / f"{slug}.json", items)
    _dump(OUT / "meta.json", {"version": VERSION, "published": PUBLISHED})
    _dump(OUT / "licence_types.json", LICENCE_TYPES)
    _dump(OUT / "halls.json", HALLS)
    _dump(OUT / "bundles.json", _bundles(everything))


if __name__ == "__main__":
    main()
