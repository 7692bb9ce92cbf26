"""Shared pieces of the demo catalog build: regions, agencies, halls, licence types,
the material library and the item builder.

Run ``python -m resources.catalog._build.build`` from the repository root; it writes
the JSON files one directory up. The JSON is what ships; this script only keeps codes,
halls and materials consistent across 130+ items.
"""

# The catalog text is data: a guide sentence stays on one line so it reads as written.
# ruff: noqa: E501

from __future__ import annotations

import copy
from typing import Any

from core.identifiers import uscc_check_char

# 行政区划代码 of Weihai and the districts/zones the catalog covers.
REGIONS: dict[str, str] = {
    "威海市": "371000",
    "环翠区": "371002",
    "文登区": "371003",
    "荣成市": "371082",
    "乳山市": "371083",
    "威海火炬高技术产业开发区": "371071",
    "威海经济技术开发区": "371072",
    "威海临港经济技术开发区": "371073",
}

# 事项类型 → the 2-digit type segment of the 基本编码 (00 + type + dept + main + sub).
TYPE_CODES: dict[str, str] = {
    "行政许可": "01",
    "行政处罚": "02",
    "行政强制": "03",
    "行政征收": "04",
    "行政给付": "05",
    "行政检查": "06",
    "行政确认": "07",
    "行政奖励": "08",
    "行政裁决": "09",
    "其他行政权力": "10",
    "公共服务": "20",
}


def uscc(first17: str) -> str:
    """A 统一社会信用代码 with its GB 32100 check character."""
    return first17 + uscc_check_char(first17)


def agency_code(area: str, dept_no: int, unit_no: int = 0) -> str:
    """The (fictional, check-valid) USCC of an implementing agency in ``area``.

    机关法人 codes start with ``11``; positions 3-8 carry the 行政区划代码, so the 实施编码
    built from it shows which region implements the item.
    """
    return uscc(f"11{area}00418{dept_no:02d}{unit_no:02d}")


# ---------------------------------------------------------------------------------
# 电子证照 types the materials refer to.
LICENCE_TYPES: list[dict[str, str]] = [
    {"code": "resident_id", "name": "居民身份证", "issuer": "公安机关", "holder": "个人"},
    {"code": "household_register", "name": "居民户口簿", "issuer": "公安机关", "holder": "个人"},
    {"code": "residence_permit", "name": "居住证", "issuer": "公安机关", "holder": "个人"},
    {"code": "driving_licence", "name": "机动车驾驶证", "issuer": "公安机关交通管理部门",
     "holder": "个人"},
    {"code": "vehicle_licence", "name": "机动车行驶证", "issuer": "公安机关交通管理部门",
     "holder": "个人"},
    {"code": "marriage_cert", "name": "结婚证", "issuer": "民政部门婚姻登记机关", "holder": "个人"},
    {"code": "divorce_cert", "name": "离婚证", "issuer": "民政部门婚姻登记机关", "holder": "个人"},
    {"code": "birth_cert", "name": "出生医学证明", "issuer": "卫生健康部门", "holder": "个人"},
    {"code": "social_security_card", "name": "社会保障卡", "issuer": "人力资源和社会保障部门",
     "holder": "个人"},
    {"code": "retirement_cert", "name": "退休审批表（退休证明）", "issuer": "人力资源和社会保障部门",
     "holder": "个人"},
    {"code": "property_cert", "name": "不动产权证书", "issuer": "不动产登记机构", "holder": "个人"},
    {"code": "disability_cert", "name": "中华人民共和国残疾人证", "issuer": "残疾人联合会",
     "holder": "个人"},
    {"code": "veteran_card", "name": "退役军人优待证", "issuer": "退役军人事务部门", "holder": "个人"},
    {"code": "diploma", "name": "学历证书", "issuer": "教育部门", "holder": "个人"},
    {"code": "employment_card", "name": "就业创业证", "issuer": "人力资源和社会保障部门",
     "holder": "个人"},
    {"code": "business_licence", "name": "营业执照", "issuer": "市场监督管理部门", "holder": "法人"},
    {"code": "food_business_permit", "name": "食品经营许可证", "issuer": "行政审批服务部门",
     "holder": "法人"},
    {"code": "drug_business_permit", "name": "药品经营许可证", "issuer": "药品监督管理部门",
     "holder": "法人"},
    {"code": "road_transport_permit", "name": "道路运输经营许可证", "issuer": "行政审批服务部门",
     "holder": "法人"},
    {"code": "vehicle_transport_cert", "name": "道路运输证", "issuer": "交通运输部门",
     "holder": "法人"},
    {"code": "construction_permit", "name": "建筑工程施工许可证", "issuer": "行政审批服务部门",
     "holder": "法人"},
    {"code": "planning_permit", "name": "建设工程规划许可证", "issuer": "自然资源和规划部门",
     "holder": "法人"},
    {"code": "land_use_permit", "name": "建设用地规划许可证", "issuer": "自然资源和规划部门",
     "holder": "法人"},
    {"code": "property_cert_corp", "name": "不动产权证书（单位）", "issuer": "不动产登记机构",
     "holder": "法人"},
]

# ---------------------------------------------------------------------------------
# The material library: common materials, referenced by key from the item definitions.
# Every entry is a complete Material; items may override fields.
_F = "申请表格(窗口/网上提供)"
_GOV = "政府部门核发"
LIB: dict[str, dict[str, Any]] = {
    "id": {"name": "居民身份证", "form": "原件", "copies": 0, "elicence_type": "resident_id",
           "source": _GOV, "notes": "现场核验后退还；出示“爱山东”电子身份证亦可"},
    "id_copy": {"name": "居民身份证", "form": "原件和复印件", "copies": 1,
                "elicence_type": "resident_id", "source": _GOV,
                "notes": "复印件正反面印在同一页A4纸上"},
    "hukou": {"name": "居民户口簿", "form": "原件", "copies": 0,
              "elicence_type": "household_register", "shared_data": True, "source": _GOV,
              "notes": "本市户籍可通过户籍信息共享核验，免于提交"},
    "marriage": {"name": "结婚证", "form": "原件", "copies": 0, "elicence_type": "marriage_cert",
                 "shared_data": True, "source": _GOV},
    "divorce": {"name": "离婚证或人民法院生效的离婚判决书、调解书", "form": "原件", "copies": 0,
                "elicence_type": "divorce_cert", "source": _GOV},
    "birth_cert": {"name": "出生医学证明", "form": "原件", "copies": 0,
                   "elicence_type": "birth_cert", "shared_data": True, "source": _GOV},
    "ss_card": {"name": "社会保障卡", "form": "原件", "copies": 0,
                "elicence_type": "social_security_card", "source": _GOV,
                "notes": "可出示电子社保卡"},
    "property": {"name": "不动产权证书（或房屋所有权证、国有土地使用证）", "form": "原件",
                 "copies": 0, "elicence_type": "property_cert", "shared_data": True,
                 "source": _GOV},
    "driving": {"name": "机动车驾驶证", "form": "原件", "copies": 0,
                "elicence_type": "driving_licence", "source": _GOV},
    "vehicle": {"name": "机动车行驶证", "form": "原件", "copies": 0,
                "elicence_type": "vehicle_licence", "source": _GOV},
    "disability": {"name": "中华人民共和国残疾人证", "form": "原件", "copies": 0,
                   "elicence_type": "disability_cert", "shared_data": True, "source": _GOV},
    "veteran": {"name": "退役军人优待证或退出现役证明", "form": "原件", "copies": 0,
                "elicence_type": "veteran_card", "source": _GOV},
    "biz": {"name": "营业执照", "form": "原件", "copies": 0, "elicence_type": "business_licence",
            "shared_data": True, "source": _GOV,
            "notes": "可出示电子营业执照，通过“企业码”调用免于提交"},
    "photo": {"name": "近期正面免冠彩色照片", "form": "原件", "copies": 2,
              "notes": "二寸白底；窗口可现场免费采集"},
    "photo_ss": {"name": "近期正面免冠彩色照片（电子照片）", "form": "电子件", "copies": 0,
                 "pending_allowed": True, "notes": "可在窗口或自助终端现场拍摄，也可从身份证照片库调取"},
    "agent": {"name": "委托代理人身份证及授权委托书", "form": "原件", "copies": 1,
              "required": False, "notes": "委托他人代办时提供"},
    "rep_id": {"name": "法定代表人身份证件", "form": "复印件", "copies": 1,
               "elicence_type": "resident_id", "source": _GOV},
    "corp_agent": {"name": "经办人身份证件及单位授权委托书（加盖公章）", "form": "原件", "copies": 1,
                   "required": False, "notes": "非法定代表人本人办理时提供"},
    "bank_card": {"name": "本人名下银行卡（借记卡）", "form": "复印件", "copies": 1,
                  "pending_allowed": True, "notes": "用于待遇发放；社保卡已激活金融功能的可不提供"},
    "commit": {"name": "告知承诺书", "form": "原件", "copies": 1, "source": _F,
               "notes": "选择告知承诺方式办理的，签署后替代相关证明"},
}


def material(mid: str, key: str | None = None, **over: Any) -> dict[str, Any]:
    """A complete Material dict: the library entry ``key`` (if any) with overrides."""
    base: dict[str, Any] = {
        "form": "原件",
        "copies": 1,
        "required": True,
        "pending_allowed": False,
        "elicence_type": None,
        "shared_data": False,
        "source": "申请人自备",
        "notes": "",
    }
    if key is not None:
        base.update(copy.deepcopy(LIB[key]))
    base.update(over)
    base["id"] = mid
    ordered = {k: base[k] for k in ("id", "name", "form", "copies", "required",
                                     "pending_allowed", "elicence_type", "shared_data",
                                     "source", "notes")}
    if ordered["pending_allowed"] and ordered["elicence_type"] == "resident_id":
        raise ValueError(f"{mid}: identity documents are key materials, never 容缺")
    return ordered


def form(mid: str, name: str, notes: str = "") -> dict[str, Any]:
    """An application form provided by the window or online (一表申请)."""
    return material(mid, None, name=name, form="原件", copies=1, source=_F,
                    notes=notes or "窗口、自助终端和“爱山东”可在线填写，已有信息自动预填")


# ---------------------------------------------------------------------------------
# Halls on the 政务服务地图.
def _hall(hid: str, name: str, kind: str, level: str, region: str,  # noqa: PLR0917  # a row
          address: str, hours: str,
          phone: str, lat: float, lon: float, directions: str,
          areas: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"id": hid, "name": name, "kind": kind, "level": level, "region": region,
            "address": address, "hours": hours, "phone": phone, "latitude": lat,
            "longitude": lon, "directions": directions, "business_areas": list(areas),
            "version": 1}


_CENTRE_HOURS = ("周一至周五 8:30-12:00，13:30-17:30（夏季 14:00-18:00）；"
                 "周六上午 9:00-12:00 延时服务（预约）；24小时自助服务区全天开放")
_STATION_HOURS = "周一至周五 8:30-12:00，13:30-17:00；午间、周末可电话预约"
_BANK_HOURS = "周一至周日 9:00-17:00（法定节假日以网点公告为准）"

HALLS: list[dict[str, Any]] = [
    _hall("wh-zwzx", "威海市政务服务中心", "政务服务中心", "市级", "威海市",
          "山东省威海市环翠区青岛中路140号", _CENTRE_HOURS, "0631-5238345", 37.5051, 122.1160,
          "公交 1、12、16、24 路“市政务服务中心”站下车；中心东侧地面停车场及地下停车场免费停车1小时",
          ("A 综合受理区", "B 不动产登记区", "C 社保医保区", "D 公积金区", "E 公安户籍出入境区",
           "F 车驾管区", "G 税务区", "H 企业开办专区", "J 工程建设项目审批区", "K 统一出件区")),
    _hall("hc-zwzx", "环翠区政务服务中心", "政务服务中心", "区县级", "环翠区",
          "山东省威海市环翠区新威路17号", _CENTRE_HOURS, "0631-5233012", 37.5118, 122.1066,
          "公交 2、9、15 路“环翠区政府”站下车，步行约200米",
          ("A 综合受理区", "B 社保医保区", "C 市场准入区", "K 统一出件区")),
    _hall("wd-zwzx", "文登区政务服务中心", "政务服务中心", "区县级", "文登区",
          "山东省威海市文登区龙山路71号", _CENTRE_HOURS, "0631-8451234", 37.1943, 122.0582,
          "文登城区公交 3、7 路“政务服务中心”站下车；中心南侧停车场",
          ("A 综合受理区", "B 不动产登记区", "C 社保医保区", "D 公积金区", "K 统一出件区")),
    _hall("rc-zwzx", "荣成市政务服务中心", "政务服务中心", "区县级", "荣成市",
          "山东省威海市荣成市成山大道南段1号", _CENTRE_HOURS, "0631-7561234", 37.1652, 122.4861,
          "荣成公交 1、6 路“市民服务中心”站下车",
          ("A 综合受理区", "B 不动产登记区", "C 社保医保区", "D 公积金区", "K 统一出件区")),
    _hall("rs-zwzx", "乳山市政务服务中心", "政务服务中心", "区县级", "乳山市",
          "山东省威海市乳山市胜利街65号", _CENTRE_HOURS, "0631-6651234", 36.9190, 121.5400,
          "乳山公交 2、5 路“政务服务中心”站下车",
          ("A 综合受理区", "B 不动产登记区", "C 社保医保区", "K 统一出件区")),
    _hall("jk-zwzx", "威海经济技术开发区政务服务中心", "政务服务中心", "区县级", "威海经济技术开发区",
          "山东省威海市经济技术开发区海南路16号", _CENTRE_HOURS, "0631-5981000", 37.4700, 122.1620,
          "公交 7、31 路“经区政务服务中心”站下车；设“员工保障一件事”综合受理窗口",
          ("A 综合受理区", "B 企业服务区（好又快企业发展服务中心）", "C 社保医保区",
           "J 工程建设项目审批区", "K 统一出件区")),
    _hall("gq-zwzx", "威海火炬高技术产业开发区政务服务中心", "政务服务中心", "区县级",
          "威海火炬高技术产业开发区", "山东省威海市高区火炬路213号", _CENTRE_HOURS,
          "0631-5687000", 37.5262, 122.0606,
          "公交 12、21 路“高区管委”站下车",
          ("A 综合受理区", "B 企业服务区", "C 社保医保区", "K 统一出件区")),
    _hall("lg-zwzx", "威海临港经济技术开发区政务服务中心", "政务服务中心", "区县级",
          "威海临港经济技术开发区", "山东省威海市临港区草庙子镇开元东路1号", _CENTRE_HOURS,
          "0631-5796000", 37.3622, 122.0288,
          "公交 临港专线“临港区管委”站下车",
          ("A 综合受理区", "B 企业服务区", "K 统一出件区")),
    _hall("zd-bmzx", "环翠区竹岛街道便民服务中心", "便民服务中心", "镇街级", "竹岛街道",
          "山东省威海市环翠区竹岛街道海滨北路66号", _STATION_HOURS, "0631-5225610",
          37.4962, 122.1352, "公交 1、7 路“竹岛”站下车，沿海滨北路向南100米",
          ("A 综合受理", "B 社保医保民政")),
    _hall("hg-bmzx", "经济技术开发区皇冠街道便民服务中心", "便民服务中心", "镇街级", "皇冠街道",
          "山东省威海市经济技术开发区皇冠街道齐鲁大道5号", _STATION_HOURS, "0631-5961210",
          37.4789, 122.1561, "公交 7、12 路“皇冠”站下车",
          ("A 综合受理", "B 社保医保民政")),
    _hall("zc-bmzx", "环翠区张村镇便民服务中心", "便民服务中心", "镇街级", "张村镇",
          "山东省威海市环翠区张村镇张村路88号", _STATION_HOURS, "0631-5301120",
          37.4748, 122.0503, "公交 9、18 路“张村镇政府”站下车",
          ("A 综合受理", "B 社保医保民政")),
    _hall("ty-bmzx", "高区田和街道便民服务中心", "便民服务中心", "镇街级", "田和街道",
          "山东省威海市高区田和街道文化西路221号", _STATION_HOURS, "0631-5688310",
          37.5170, 122.0860, "公交 3、12 路“田和街道”站下车",
          ("A 综合受理", "B 社保医保民政")),
    _hall("ccb-zwj", "建设银行威海分行营业部“政务+金融”服务网点", "政务+合作网点", "市级", "威海市",
          "山东省威海市环翠区新威路22号 建设银行一楼大厅", _BANK_HOURS, "0631-5212345",
          37.5098, 122.1123, "公交 2、9 路“新威路”站下车；网点大堂经理可协助使用自助终端",
          ()),
    _hall("psbc-jk", "邮储银行威海经济技术开发区支行“政务+邮政”服务网点", "政务+合作网点", "区县级",
          "威海经济技术开发区", "山东省威海市经济技术开发区青岛中路106号", _BANK_HOURS,
          "0631-5962345", 37.4841, 122.1498,
          "公交 7、31 路“青岛中路”站下车；可办理社保、医保、公积金查询打印及材料免费寄递",
          ()),
    _hall("post-wd", "中国邮政文登区分公司营业厅“政务+邮政”服务网点", "政务+合作网点", "区县级",
          "文登区", "山东省威海市文登区米山路33号", _BANK_HOURS, "0631-8422345",
          37.1968, 122.0551, "文登公交 1、3 路“邮政局”站下车；可代收出入境证件和驾驶证寄递",
          ()),
    _hall("zz-wh", "威海市政务服务中心24小时自助服务区", "24小时自助服务区", "市级", "威海市",
          "山东省威海市环翠区青岛中路140号 东门一楼", "全天24小时开放（刷身份证或扫居民码进入）",
          "0631-5238345", 37.5049, 122.1166,
          "东门右侧独立入口；可自助取件、打印社保和公积金证明、查询办件进度、取号预约", ()),
    _hall("zz-hc", "环翠区政务服务中心24小时自助服务区", "24小时自助服务区", "区县级", "环翠区",
          "山东省威海市环翠区新威路17号 北门一楼", "全天24小时开放（刷身份证或扫居民码进入）",
          "0631-5233012", 37.5121, 122.1069, "北门独立入口，设智能文件柜", ()),
    _hall("zz-jk", "威海经济技术开发区24小时自助服务区", "24小时自助服务区", "区县级",
          "威海经济技术开发区", "山东省威海市经济技术开发区海南路16号 西门一楼",
          "全天24小时开放（刷身份证或扫居民码进入）", "0631-5981000", 37.4702, 122.1615,
          "西门独立入口，设智能文件柜和自助打证机", ()),
]

CITY_HALLS = ("wh-zwzx", "zz-wh")
DISTRICT_HALLS: dict[str, tuple[str, ...]] = {
    "环翠区": ("hc-zwzx", "zz-hc"),
    "文登区": ("wd-zwzx", "post-wd"),
    "荣成市": ("rc-zwzx",),
    "乳山市": ("rs-zwzx",),
    "威海经济技术开发区": ("jk-zwzx", "zz-jk", "psbc-jk"),
    "威海火炬高技术产业开发区": ("gq-zwzx",),
    "威海临港经济技术开发区": ("lg-zwzx",),
}
TOWN_HALLS: dict[str, tuple[str, str, str]] = {
    # town → (hall, district it belongs to, 镇街 name as an agency)
    "竹岛街道": ("zd-bmzx", "环翠区", "环翠区竹岛街道办事处"),
    "皇冠街道": ("hg-bmzx", "威海经济技术开发区", "威海经济技术开发区皇冠街道办事处"),
    "张村镇": ("zc-bmzx", "环翠区", "环翠区张村镇人民政府"),
    "田和街道": ("ty-bmzx", "威海火炬高技术产业开发区", "威海火炬高技术产业开发区田和街道办事处"),
}
