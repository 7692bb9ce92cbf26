"""Write the demo people and enterprises: ``python -m resources.demo._build.build``.

Everyone here is fictional. ID numbers use Weihai area codes (3710xx) and made-up
sequence numbers with correct check characters; USCCs are made up with correct check
characters; e-licence identifiers follow GB/T 36904 with MOD 37,36 check characters.
"""

# Data rows read best on one line and as positional rows.
# ruff: noqa: E501, PLR0917

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from core.elicence import make_identifier
from core.identifiers import resident_id_check_char, uscc_check_char
from resources.catalog._build.common import REGIONS, agency_code

OUT = Path(__file__).resolve().parent.parent


def _uscc(first17: str) -> str:
    return first17 + uscc_check_char(first17)


def _rid(area: str, born: str, seq: str) -> str:
    first17 = area + born + seq
    return first17 + resident_id_check_char(first17)


# 证照类型代码 = defining department's USCC + 3-digit number. The 公安部 and 住建部 and
# 市场监管总局 codes are the ones seen in published identifiers; the others are demo
# values with valid check characters (the national 证照目录 is not public here).
_MPS = "11100000000013127D"  # 公安部
_MOHURD = "11100000000013338W"  # 住房和城乡建设部
_SAMR = "11100000MB0341032Y"  # 国家市场监督管理总局
TYPE_CODES: dict[str, str] = {
    "resident_id": _MPS + "001",
    "household_register": _MPS + "002",
    "residence_permit": _MPS + "003",
    "driving_licence": _MPS + "011",
    "vehicle_licence": _MPS + "012",
    "marriage_cert": _uscc("11100000000013106") + "001",
    "divorce_cert": _uscc("11100000000013106") + "002",
    "birth_cert": _uscc("11100000MB0315728") + "001",
    "social_security_card": _uscc("11100000MB0153420") + "001",
    "retirement_cert": _uscc("11100000MB0153420") + "005",
    "employment_card": _uscc("11100000MB0153420") + "007",
    "property_cert": _uscc("11100000MB0324118") + "001",
    "property_cert_corp": _uscc("11100000MB0324118") + "002",
    "disability_cert": _uscc("51100000500000142") + "001",
    "veteran_card": _uscc("11100000MB0181430") + "001",
    "diploma": _uscc("11100000000013353") + "001",
    "business_licence": _SAMR + "001",
    "food_business_permit": _SAMR + "014",
    "drug_business_permit": _uscc("11100000MB0350127") + "003",
    "road_transport_permit": _uscc("11100000000013266") + "001",
    "vehicle_transport_cert": _uscc("11100000000013266") + "002",
    "construction_permit": _MOHURD + "002",
    "planning_permit": _uscc("11100000MB0324118") + "011",
}
NAMES = {
    "resident_id": "居民身份证", "household_register": "居民户口簿", "driving_licence": "机动车驾驶证",
    "vehicle_licence": "机动车行驶证", "marriage_cert": "结婚证", "divorce_cert": "离婚证",
    "social_security_card": "社会保障卡", "retirement_cert": "退休审批表（退休证明）",
    "employment_card": "就业创业证", "property_cert": "不动产权证书",
    "disability_cert": "中华人民共和国残疾人证", "veteran_card": "退役军人优待证", "diploma": "学历证书",
    "business_licence": "营业执照", "food_business_permit": "食品经营许可证",
    "drug_business_permit": "药品经营许可证", "road_transport_permit": "道路运输经营许可证",
    "vehicle_transport_cert": "道路运输证", "construction_permit": "建筑工程施工许可证",
    "planning_permit": "建设工程规划许可证", "property_cert_corp": "不动产权证书（单位）",
}
# Issuing agencies: the same fictional USCCs the catalog's 实施编码 use.
ISSUERS: dict[str, tuple[str, str]] = {
    "police-hc": ("威海市公安局环翠分局", agency_code(REGIONS["环翠区"], 17)),
    "police-wd": ("威海市公安局文登分局", agency_code(REGIONS["文登区"], 17)),
    "police-rs": ("乳山市公安局", agency_code(REGIONS["乳山市"], 17)),
    "police-rc": ("荣成市公安局", agency_code(REGIONS["荣成市"], 17)),
    "traffic": ("山东省威海市公安局交通警察支队", agency_code(REGIONS["威海市"], 17, 1)),
    "civil": ("威海市环翠区民政局婚姻登记处", agency_code(REGIONS["环翠区"], 11)),
    "civil-wd": ("威海市文登区民政局婚姻登记处", agency_code(REGIONS["文登区"], 11)),
    "hrss": ("威海市人力资源和社会保障局", agency_code(REGIONS["威海市"], 14)),
    "land": ("威海市自然资源和规划局", agency_code(REGIONS["威海市"], 30)),
    "dpf": ("威海市环翠区残疾人联合会", agency_code(REGIONS["环翠区"], 50)),
    "vet": ("威海市环翠区退役军人事务局", agency_code(REGIONS["环翠区"], 42)),
    "edu": ("鲁东大学", _uscc("12370000495571006")),
    "samr": ("威海市市场监督管理局", agency_code(REGIONS["威海市"], 26)),
    "samr-jk": ("威海市经济技术开发区市场监督管理局", agency_code(REGIONS["威海经济技术开发区"], 26)),
    "approve": ("威海市行政审批服务局", agency_code(REGIONS["威海市"], 60)),
    "approve-hc": ("环翠区行政审批服务局", agency_code(REGIONS["环翠区"], 60)),
    "trans": ("威海市交通运输局", agency_code(REGIONS["威海市"], 33)),
}

_serials: dict[str, int] = {}


def lic(type_code: str, issuer: str, holder: tuple[str, str], number: str, issued: str,
        until: str | None, data: dict[str, str]) -> dict[str, Any]:
    issuer_name, issuer_code = ISSUERS[issuer]
    year = issued[:4]
    _serials[year] = _serials.get(year, 0) + 1
    serial = f"{year}{issuer_code[2:8]}{_serials[year]:06d}"
    return {
        "identifier": make_identifier(TYPE_CODES[type_code], issuer_code, serial),
        "type_code": type_code, "name": NAMES[type_code],
        "holder_name": holder[0], "holder_id": holder[1], "number": number,
        "issuer": issuer_name, "issued_on": issued, "valid_until": until, "data": data,
    }


def _id_card(who: tuple[str, str], issuer: str, issued: str, until: str | None,
             ethnicity: str, address: str) -> dict[str, Any]:
    return lic("resident_id", issuer, who, who[1], issued, until,
               {"民族": ethnicity, "住址": address, "签发机关": ISSUERS[issuer][0]})


def _hukou(who: tuple[str, str], issuer: str, issued: str, head: str, relation: str,
           address: str, marital: str, education: str, military: str = "未服兵役") -> dict[str, Any]:
    return lic("household_register", issuer, who, f"3710{issued[2:4]}{who[1][-6:-1]}", issued,
               None, {"户主姓名": head, "与户主关系": relation, "户籍地址": address,
                      "婚姻状况": marital, "文化程度": education, "兵役状况": military})


def _ss(who: tuple[str, str], issued: str) -> dict[str, Any]:
    return lic("social_security_card", "hrss", who, f"M{who[1][-5:-1]}{issued[2:4]}71", issued,
               str(int(issued[:4]) + 10) + issued[4:], {"社会保障号码": who[1], "发卡银行": "威海市商业银行"})


def people() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []

    def person(name: str, id_number: str, gender: str, ethnicity: str, hukou: str,
               residence: str, phone: str, licences: list[dict[str, Any]]) -> None:
        out.append({"name": name, "id_number": id_number, "gender": gender,
                    "ethnicity": ethnicity,
                    "birth_date": dt.date(int(id_number[6:10]), int(id_number[10:12]),
                                          int(id_number[12:14])).isoformat(),
                    "household_address": hukou, "residence_address": residence,
                    "phone": phone, "licences": licences})

    # 1. An elderly widow in 环翠区 (green channel, 高龄津贴 next year).
    a = "山东省威海市环翠区竹岛街道海滨北路118号3单元201户"
    w = ("于秀兰", _rid("371002", "19450214", "082"))
    person(w[0], w[1], "女", "汉族", a, a, "13563101842", [
        _id_card(w, "police-hc", "2012-03-05", None, "汉", a),
        _hukou(w, "police-hc", "2008-06-10", "于秀兰", "户主", a, "丧偶", "初中"),
        _ss(w, "2019-04-22"),
        lic("retirement_cert", "hrss", w, "威退字2000第01187号", "2000-03-01", None,
            {"退休日期": "2000-02", "原工作单位": "威海市第二毛纺织厂"}),
    ])
    # 2-3. A young couple in 经区 with a baby on the way (出生一件事).
    a2 = "山东省威海市经济技术开发区皇冠街道九龙湾小区12号楼1单元502户"
    h = ("刘海峰", _rid("371002", "19900721", "053"))
    wf = ("王丽娜", _rid("371082", "19921103", "028"))
    person(h[0], h[1], "男", "汉族", a2, a2, "15806312276", [
        _id_card(h, "police-hc", "2016-08-09", "2036-08-09", "汉", a2),
        _hukou(h, "police-hc", "2019-05-20", "刘海峰", "户主", a2, "已婚", "大学本科"),
        lic("marriage_cert", "civil", h, "J371002-2019-003517", "2019-05-18", None,
            {"婚姻状况": "已婚", "配偶姓名": "王丽娜", "登记日期": "2019-05-18"}),
        lic("driving_licence", "traffic", h, h[1], "2020-09-14", "2026-09-14",
            {"准驾车型": "C1", "初次领证日期": "2014-09-14"}),
        lic("property_cert", "land", h, "鲁（2019）威海市不动产权第0031877号", "2019-07-02", None,
            {"坐落": "威海经济技术开发区九龙湾小区12号楼1单元502", "共有情况": "共同共有",
             "用途": "城镇住宅用地/住宅", "房屋建筑面积": "98.46平方米"}),
        _ss(h, "2018-11-02"),
    ])
    person(wf[0], wf[1], "女", "汉族", a2, a2, "18863107735", [
        _id_card(wf, "police-rc", "2017-01-12", "2037-01-12", "汉", "山东省荣成市崂山街道"),
        _hukou(wf, "police-hc", "2019-05-20", "刘海峰", "妻", a2, "已婚", "硕士研究生"),
        lic("marriage_cert", "civil", wf, "J371002-2019-003517", "2019-05-18", None,
            {"婚姻状况": "已婚", "配偶姓名": "刘海峰", "登记日期": "2019-05-18"}),
        _ss(wf, "2020-03-16"),
    ])
    # 4. A man who retires this year in 文登区 (退休一件事, 公积金离退休提取).
    a4 = "山东省威海市文登区龙山街道文山路26号"
    r = ("孙建国", _rid("371003", "19640509", "031"))
    person(r[0], r[1], "男", "汉族", a4, a4, "13969001558", [
        _id_card(r, "police-wd", "2010-06-01", "2030-06-01", "汉", a4),
        _hukou(r, "police-wd", "1990-01-01", "孙建国", "户主", a4, "已婚", "高中", "退出现役"),
        lic("marriage_cert", "civil-wd", r, "文婚字第880312号", "1988-10-06", None,
            {"婚姻状况": "已婚", "配偶姓名": "毕桂芝", "登记日期": "1988-10-06"}),
        lic("driving_licence", "traffic", r, r[1], "2018-04-20", "2028-04-20",
            {"准驾车型": "B2", "初次领证日期": "1992-04-20"}),
        _ss(r, "2017-06-30"),
    ])
    # 5. A person with a disability (肢体二级) living alone in 环翠区.
    a5 = "山东省威海市环翠区张村镇张村社区华夏路7号"
    d = ("张志强", _rid("371002", "19780930", "117"))
    person(d[0], d[1], "男", "汉族", a5, a5, "13606319027", [
        _id_card(d, "police-hc", "2015-10-08", "2035-10-08", "汉", a5),
        _hukou(d, "police-hc", "2001-01-01", "张志强", "户主", a5, "未婚", "中专"),
        lic("disability_cert", "dpf", d, d[1] + "42", "2021-09-01", "2031-09-01",
            {"残疾类别": "肢体残疾", "残疾等级": "二级", "监护人": "无"}),
        _ss(d, "2019-12-05"),
    ])
    # 6. A military veteran in 环翠区 who drives for a living.
    a6 = "山东省威海市环翠区竹岛街道新威路85号2单元601户"
    v = ("曲卫东", _rid("371002", "19851212", "075"))
    person(v[0], v[1], "男", "汉族", a6, a6, "13792703361", [
        _id_card(v, "police-hc", "2014-02-17", "2034-02-17", "汉", a6),
        _hukou(v, "police-hc", "2009-12-20", "曲卫东", "户主", a6, "已婚", "大学专科", "退出现役"),
        lic("veteran_card", "vet", v, "371002-2022-00318", "2022-08-01", None,
            {"退役时间": "2009-12", "服役部队": "原济南军区某部", "优待类别": "退役军人"}),
        lic("driving_licence", "traffic", v, v[1], "2021-01-11", "2031-01-11",
            {"准驾车型": "A2", "初次领证日期": "2008-05-10"}),
        lic("vehicle_licence", "traffic", v, "鲁K·D7M21", "2021-07-03", None,
            {"号牌号码": "鲁K·D7M21", "车辆类型": "小型普通客车", "使用性质": "非营运"}),
        _ss(v, "2018-05-09"),
    ])
    # 7. A fresh graduate from 乳山 who came to work in 高区 (人才落户, 就业创业证).
    a7 = "山东省乳山市城区街道胜利街东段19号"
    g = ("丛晓雯", _rid("371083", "20010418", "046"))
    person(g[0], g[1], "女", "汉族", a7, "山东省威海市高区田和街道文化西路260号人才公寓3-1106", "17863108890", [
        _id_card(g, "police-rs", "2017-05-02", "2027-05-02", "汉", a7),
        _hukou(g, "police-rs", "2005-01-01", "丛国庆", "女", a7, "未婚", "大学本科"),
        lic("diploma", "edu", g, "104511202305001877", "2023-06-30", None,
            {"学历": "大学本科", "专业": "软件工程", "毕业院校": "鲁东大学", "毕业时间": "2023-06"}),
        lic("employment_card", "hrss", g, "3710002023091186", "2023-09-05", None,
            {"就业状态": "就业", "就业单位": "威海蓝湾置业有限公司"}),
    ])
    # 8. A divorced mother who runs a small shop (个体户) in 荣成.
    a8 = "山东省荣成市宁津街道东墩村68号"
    s = ("鞠红梅", _rid("371082", "19720825", "064"))
    person(s[0], s[1], "女", "汉族", a8, a8, "15963176204", [
        _id_card(s, "police-rc", "2011-11-30", "2031-11-30", "汉", a8),
        _hukou(s, "police-rc", "2016-03-02", "鞠红梅", "户主", a8, "离婚", "初中"),
        lic("divorce_cert", "civil", s, "L371082-2016-000213", "2016-02-19", None,
            {"婚姻状况": "离婚", "登记日期": "2016-02-19"}),
        _ss(s, "2020-07-14"),
    ])
    # 9. A Korean-ethnic retiree (朝鲜族) in 高区 who winters in 海南 (异地就医备案).
    a9 = "山东省威海市高区怡园街道海韵小区5号楼302户"
    k = ("金英子", _rid("371002", "19580326", "102"))
    person(k[0], k[1], "女", "朝鲜族", a9, a9, "13475137219", [
        _id_card(k, "police-hc", "2013-04-11", None, "朝鲜", a9),
        _hukou(k, "police-hc", "1995-09-01", "金英子", "户主", a9, "丧偶", "大学专科"),
        _ss(k, "2017-02-20"),
        lic("retirement_cert", "hrss", k, "威退字2008第00452号", "2008-04-01", None,
            {"退休日期": "2008-03", "原工作单位": "威海市立医院"}),
    ])
    return out


def enterprises() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    rep_h = _rid("371002", "19900721", "053")  # 刘海峰
    rep_v = _rid("371002", "19851212", "075")  # 曲卫东
    rep_x = _rid("371002", "19760415", "039")  # 谷振涛 (not in people.json)
    rep_y = _rid("371082", "19690722", "027")  # 林淑芬 (not in people.json)

    def company(uscc: str, name: str, rep: str, rep_id: str, kind: str, capital: str,
                address: str, scope: str, established: str, phone: str,
                extra: list[tuple[str, str, str, str | None, dict[str, str]]]) -> None:
        who = (name, uscc)
        licences = [lic("business_licence", "samr-jk" if "经济技术开发区" in address else "samr",
                        who, uscc, established, None,
                        {"类型": kind, "注册资本": capital, "登记机关": "威海市市场监督管理局",
                         "营业期限": f"{established}至长期"})]
        for type_code, issuer, number, until, data in extra:
            licences.append(lic(type_code, issuer, who, number, established, until, data))
        out.append({"uscc": uscc, "name": name, "legal_representative": rep,
                    "legal_rep_id_number": rep_id, "type": kind, "registered_capital": capital,
                    "address": address, "business_scope": scope, "established_on": established,
                    "phone": phone, "licences": licences})

    company(_uscc("91371000MA3C8KQ26"), "威海海之澜精密机械有限公司", "谷振涛", rep_x,
            "有限责任公司（自然人投资或控股）", "800万元人民币",
            "山东省威海市经济技术开发区皇冠街道海南路56号",
            "一般项目：通用设备制造（不含特种设备制造）；机械零件、零部件加工；金属切削加工服务；货物进出口。",
            "2017-06-08", "0631-5987216", [])
    company(_uscc("91371002MA3P2WL41"), "威海福顺园餐饮管理有限公司", "刘海峰", rep_h,
            "有限责任公司（自然人独资）", "50万元人民币",
            "山东省威海市环翠区竹岛街道海滨北路96号",
            "许可项目：餐饮服务；食品销售。一般项目：餐饮管理。",
            "2021-03-15", "0631-5216677",
            [("food_business_permit", "approve-hc", "JY23710020031875", "2026-03-14",
              {"经营项目": "热食类食品制售；冷食类食品制售", "主体业态": "餐饮服务经营者（中型餐馆）"})])
    company(_uscc("91371000MA3F7RB53"), "威海仁和堂大药房连锁有限公司", "林淑芬", rep_y,
            "有限责任公司（自然人投资或控股）", "300万元人民币",
            "山东省威海市环翠区新威路52号",
            "许可项目：药品零售；第三类医疗器械经营。一般项目：第二类医疗器械销售；保健食品（预包装）销售。",
            "2018-09-20", "0631-5237709",
            [("drug_business_permit", "approve", "鲁CB6310128", "2028-09-19",
              {"经营方式": "零售（连锁）", "经营范围": "中药饮片、中成药、化学药制剂、生物制品"})])
    company(_uscc("91371000MA3R0TD14"), "威海通达顺物流有限公司", "曲卫东", rep_v,
            "有限责任公司（自然人投资或控股）", "200万元人民币",
            "山东省威海市临港经济技术开发区草庙子镇开元西路8号",
            "许可项目：道路货物运输（不含危险货物）。一般项目：普通货物仓储服务；国内货物运输代理。",
            "2022-04-11", "0631-5796218",
            [("road_transport_permit", "approve", "鲁交运管许可威字371000300245号", "2026-04-10",
              {"经营范围": "道路普通货物运输", "车辆数": "12"}),
             ("vehicle_transport_cert", "trans", "鲁交运管威字371000245117号", "2026-04-10",
              {"车辆号牌": "鲁K·5F386", "吨（座）位": "18吨"})])
    company(_uscc("91371000MA3D0XQ88"), "威海蓝湾置业有限公司", "谷振涛", rep_x,
            "有限责任公司（非自然人投资或控股的法人独资）", "10000万元人民币",
            "山东省威海市高区田和街道文化西路199号",
            "许可项目：房地产开发经营。一般项目：物业管理；住房租赁。",
            "2016-11-28", "0631-5688120",
            [("planning_permit", "land", "建字第371000202300087号", None,
              {"项目名称": "蓝湾·海悦府二期", "建设规模": "86400平方米"}),
             ("construction_permit", "approve", "371000202311280101", None,
              {"工程名称": "蓝湾·海悦府二期1#-6#楼", "合同价格": "21860万元"})])
    return out


def _dump(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    _dump(OUT / "people.json", people())
    _dump(OUT / "enterprises.json", enterprises())


if __name__ == "__main__":
    main()
