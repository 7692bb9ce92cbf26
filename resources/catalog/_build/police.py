"""威海市公安局: 户籍, 居民身份证, 出入境, 车驾管."""

# The catalog text is data: a guide sentence stays on one line so it reads as written.
# ruff: noqa: E501

from __future__ import annotations

from typing import Any

from resources.catalog._build.builder import Dept, in_district, item
from resources.catalog._build.common import form, material

POLICE = Dept("gongan", "威海市公安局", 17, "0631-5223110",
              district_name="威海市公安局{d}分局")

_HUKOU_LAW = ["《中华人民共和国户口登记条例》",
              "《山东省人民政府关于进一步推进户籍制度改革的实施意见》（鲁政发〔2015〕3号）"]
_ID_LAW = ["《中华人民共和国居民身份证法》", "《居民身份证制证用数字相片技术标准》（GA 461）"]
_EXIT_LAW = ["《中华人民共和国出境入境管理法》", "《中华人民共和国护照法》"]
_HK_LAW = ["《中国公民因私事往来香港地区或者澳门地区的暂行管理办法》"]
_TW_LAW = ["《中国公民往来台湾地区管理办法》"]
_DL_LAW = ["《中华人民共和国道路交通安全法》",
           "《机动车驾驶证申领和使用规定》（公安部令第162号）"]
_VEH_LAW = ["《中华人民共和国道路交通安全法》", "《机动车登记规定》（公安部令第164号）"]
_PHOTO_FEE_NOTE = "照片可在出入境窗口免费采集"


def items() -> list[dict[str, Any]]:
    birth = item(
        POLICE, 2, "出生登记", type="行政确认", kind="即办件",
        conditions=["婴儿出生后一个月内，由户主、亲属、抚养人或者邻居向婴儿常住地户口登记机关申报",
                    "随父或随母在本市落户，父母一方为本市常住户口"],
        materials=[material("m1", "birth_cert", copies=0),
                   material("m2", "hukou", name="父亲或母亲的居民户口簿"),
                   material("m3", "id", name="父母双方居民身份证"),
                   material("m4", "marriage", name="父母结婚证",
                            notes="非婚生育的提供亲子关系证明，不需结婚证"),
                   material("m5", None, name="非婚生育子女的亲子鉴定证明", form="原件",
                            copies=1, required=False)],
        situations=[("婚内生育", "父母为夫妻关系", ["m1", "m2", "m3", "m4"]),
                    ("非婚生育", "父母未登记结婚", ["m1", "m2", "m3", "m5"])],
        legal=30, promised=0, unit="自然日", basis=_HUKOU_LAW,
        result="居民户口簿（出生登记页）", result_type="证照", delivery=("window",),
        aliases=("报户口", "上户口", "新生儿落户", "孩子上户口", "新生儿报户口"),
        themes=("户籍办理", "生育收养"),
        plain="孩子出生一个月内，带出生医学证明、户口簿、父母身份证和结婚证到户籍窗口，当场就能把孩子登记到户口簿上。也可以通过“出生一件事”和出生医学证明、医保参保一起办。",
        kiosk=False, decidable=True, popularity=2600)
    move_in = item(
        POLICE, 3, "户口迁入（市内及省内迁移）", type="行政许可",
        conditions=["在本市合法稳定就业并参加社会保险、合法稳定住所（含租赁）等落户条件之一",
                    "投靠直系亲属、购房、人才引进等落户政策规定的情形"],
        materials=[form("m1", "户口迁移申请表"),
                   material("m2", "id"), material("m3", "hukou"),
                   material("m4", "property", name="不动产权证书或购房合同（购房落户）"),
                   material("m5", None, name="劳动合同及社会保险缴费证明（就业落户）",
                            form="复印件", copies=1, shared_data=True,
                            notes="社保缴费信息通过数据共享核验"),
                   material("m6", None, name="全日制普通高校毕业证书（人才落户）", elicence_type="diploma",
                            form="原件", copies=0),
                   material("m7", None, name="亲属关系证明（投靠落户）", form="原件", copies=1,
                            pending_allowed=True, notes="户口簿、结婚证等能证明亲属关系的可不提供")],
        situations=[("购房落户", "在本市城区购买住房", ["m1", "m2", "m3", "m4"]),
                    ("就业落户", "在本市稳定就业并参保", ["m1", "m2", "m3", "m5"]),
                    ("人才落户", "全日制大专以上学历", ["m1", "m2", "m3", "m6"]),
                    ("投靠直系亲属", "夫妻、父母子女相互投靠", ["m1", "m2", "m3", "m7"])],
        legal=20, promised=3, basis=_HUKOU_LAW, result="准予迁入证明及居民户口簿",
        result_type="证照", aliases=("落户", "迁户口", "户口迁移", "买房落户", "人才落户"),
        themes=("户籍办理",),
        plain="在威海买了房、找了工作、大学毕业来威海，或者投靠家人，都可以把户口迁过来。省内迁移不用回原籍开迁移证，在威海一个窗口就办完。",
        decidable=True, popularity=1800)
    cross = item(
        POLICE, 4, "户口迁移“跨省通办”（迁入地受理）", type="行政许可",
        conditions=["符合本市落户条件的外省户籍人员", "原户籍地已实现户口迁移“跨省通办”"],
        materials=[form("m1", "户口迁移申请表"), material("m2", "id"),
                   material("m3", "hukou", name="原籍居民户口簿", shared_data=False),
                   material("m4", None, name="落户条件证明材料", form="原件", copies=1)],
        legal=20, promised=10, basis=_HUKOU_LAW + ["《公安部关于推行户口迁移网上办理“跨省通办”的通知》"],
        result="居民户口簿", result_type="证照", aliases=("外地户口迁到威海", "跨省迁户口"),
        themes=("户籍办理", "跨省通办"),
        plain="外省户口想迁到威海，不用两头跑：在威海户籍窗口申请，迁出手续由两地公安网上流转。",
        popularity=520)
    id_renew = item(
        POLICE, 5, "居民身份证换领", type="行政许可",
        conditions=["居民身份证有效期满、证件损坏或登记项目变更的本市户籍居民",
                    "非本市户籍居民可凭居民身份证异地受理（全国通办）"],
        materials=[material("m1", "id", name="原居民身份证", notes="有效期满或损坏的原证需交回"),
                   material("m2", "hukou", required=False,
                            notes="本市户籍信息可共享核验，一般免提交"),
                   material("m3", "photo_ss", name="数字相片",
                            notes="窗口免费现场采集，也可用自助终端拍摄")],
        legal=60, promised=15, unit="自然日",
        fees=[("居民身份证工本费（换领）", "20元/证", "《国家发展改革委、财政部关于居民身份证收费标准及有关问题的通知》"),
              ("损坏换领", "40元/证", "同上")],
        basis=_ID_LAW, result="中华人民共和国居民身份证", result_type="证照",
        delivery=("window", "ems", "locker"),
        aliases=("身份证", "换身份证", "身份证到期", "身份证过期", "办身份证", "sfz"),
        themes=("户籍办理", "证件办理"),
        plain="身份证快到期（到期前三个月就能办）或者坏了，带旧证来窗口拍照、按指纹，交20元，大约15天后可以到窗口取、寄到家，或者到24小时自助区的智能柜取。外地户口也能在威海办。",
        kiosk=True, popularity=5200)
    id_lost = item(
        POLICE, 6, "居民身份证补领", type="行政许可",
        conditions=["居民身份证丢失的中国公民"],
        materials=[material("m1", "hukou", required=True),
                   material("m2", "photo_ss", name="数字相片")],
        legal=60, promised=15, unit="自然日",
        fees=[("居民身份证工本费（补领）", "40元/证", "《国家发展改革委、财政部关于居民身份证收费标准及有关问题的通知》")],
        basis=_ID_LAW, result="中华人民共和国居民身份证", result_type="证照",
        delivery=("window", "ems", "locker"),
        aliases=("身份证丢了", "身份证补办", "补身份证", "身份证挂失"),
        themes=("户籍办理", "证件办理"),
        plain="身份证丢了，先在“爱山东”挂失，再到户籍窗口拍照补领，交40元。急用的可以同时办一张临时身份证。",
        kiosk=True, popularity=3100)
    temp_id = item(
        POLICE, 7, "临时居民身份证签发", type="行政许可", kind="即办件",
        conditions=["正在申请领取、换领、补领居民身份证期间，急需使用居民身份证的"],
        materials=[material("m1", "hukou"), material("m2", None, name="居民身份证受理回执",
                                                     form="原件", copies=0)],
        legal=3, promised=0, fees=[("临时居民身份证工本费", "10元/证", "发改价格〔2003〕2322号")],
        basis=["《中华人民共和国临时居民身份证管理办法》"], result="临时居民身份证",
        result_type="证照", delivery=("window",), aliases=("临时身份证", "急用身份证"),
        themes=("户籍办理", "证件办理"),
        plain="等新身份证期间急着坐火车、办银行业务，可以当场办一张临时身份证，有效期三个月，10元。",
        decidable=True, popularity=900)
    res_permit = item(
        POLICE, 8, "居住证签发", type="行政许可",
        conditions=["离开常住户口所在地，到本市居住半年以上",
                    "符合有合法稳定就业、合法稳定住所、连续就读条件之一"],
        materials=[form("m1", "居住证申领登记表"), material("m2", "id"),
                   material("m3", None, name="住所证明（房屋租赁合同或不动产权证书）",
                            form="复印件", copies=1,
                            notes="无法提供的，可签署告知承诺书替代"),
                   material("m4", "photo_ss", name="数字相片")],
        legal=15, promised=7, basis=["《居住证暂行条例》", "《山东省居住证管理办法》"],
        result="山东省居住证", result_type="证照", delivery=("window", "ems"),
        aliases=("居住证", "暂住证", "外地人办居住证"), themes=("户籍办理",),
        plain="外地户口在威海住满半年，有工作、有住处或在上学，就能办居住证，孩子上学、办社保都用得上。",
        commitment=True, popularity=1300)
    passport = item(
        POLICE, 20, "普通护照签发", type="行政许可",
        conditions=["中国公民因前往外国定居、探亲、学习、就业、旅行、从事商务活动等非公务原因出国",
                    "内地居民可在全国任一出入境管理机构申请（全国通办）"],
        materials=[form("m1", "中国公民出入境证件申请表", "窗口现场打印，无需提前填写"),
                   material("m2", "id"),
                   material("m3", "photo", name="出入境证件相片", copies=1,
                            notes=_PHOTO_FEE_NOTE),
                   material("m4", None, name="原护照", form="原件", copies=0, required=False,
                            notes="换发时交回")],
        situations=[("首次申请", "", ["m1", "m2", "m3"]),
                    ("换发（有效期不足6个月或签证页用完）", "", ["m1", "m2", "m3", "m4"])],
        legal=15, promised=7, fees=[("普通护照", "120元/本", "发改价格规〔2019〕1440号")],
        basis=_EXIT_LAW, result="中华人民共和国普通护照", result_type="证照",
        delivery=("window", "ems"), aliases=("护照", "办护照", "出国护照", "hz"),
        themes=("出入境",),
        plain="出国旅游、留学、探亲要办护照。带身份证到出入境窗口，照片可以现场免费拍，每本120元，7个工作日左右就好，可以选择邮寄到家。",
        appointment=True, popularity=3600)
    hk = item(
        POLICE, 21, "往来港澳通行证及签注签发", type="行政许可",
        conditions=["内地居民前往香港、澳门旅游、探亲、商务、学习等"],
        materials=[form("m1", "中国公民出入境证件申请表", "窗口现场打印"),
                   material("m2", "id"),
                   material("m3", "photo", name="出入境证件相片", copies=1,
                            notes=_PHOTO_FEE_NOTE)],
        situations=[("首次申请通行证及签注", "", ["m1", "m2", "m3"]),
                    ("续签签注（自助签注机办理）", "证件在有效期内", ["m2"])],
        legal=15, promised=7,
        fees=[("往来港澳通行证（电子卡式）", "60元/证", "发改价格规〔2019〕1440号"),
              ("赴港澳签注", "15元/次", "发改价格规〔2019〕1440号")],
        basis=_HK_LAW, result="往来港澳通行证及签注", result_type="证照",
        delivery=("window", "ems"),
        aliases=("港澳通行证", "去香港", "去澳门", "港澳签注", "续签港澳"),
        themes=("出入境",),
        plain="去香港、澳门要办往来港澳通行证。第一次办带身份证去出入境窗口，证件60元、每次签注15元；以后再签注可以在24小时自助签注机上直接办。",
        kiosk=True, popularity=2400)
    tw = item(
        POLICE, 22, "往来台湾通行证及签注签发", type="行政许可",
        conditions=["大陆居民前往台湾地区旅游、探亲、商务、学习等"],
        materials=[form("m1", "中国公民出入境证件申请表", "窗口现场打印"),
                   material("m2", "id"),
                   material("m3", "photo", name="出入境证件相片", copies=1,
                            notes=_PHOTO_FEE_NOTE),
                   material("m4", None, name="赴台事由证明（探亲、商务等签注）", form="原件",
                            copies=1, required=False, notes="团队旅游签注不需提供")],
        legal=15, promised=10,
        fees=[("往来台湾通行证（电子卡式）", "60元/证", "发改价格规〔2019〕1440号"),
              ("赴台签注", "15元/次", "发改价格规〔2019〕1440号")],
        basis=_TW_LAW, result="往来台湾通行证及签注", result_type="证照",
        aliases=("台湾通行证", "去台湾", "大通证"), themes=("出入境",),
        plain="去台湾需要办往来台湾通行证和签注，证件60元、签注15元，带身份证到出入境窗口办理。",
        popularity=400)
    dl_renew = item(
        POLICE, 40, "机动车驾驶证期满换证", type="行政许可", kind="即办件",
        conditions=["机动车驾驶证有效期满前90日内",
                    "身体条件符合《机动车驾驶证申领和使用规定》要求"],
        materials=[material("m1", "id"), material("m2", "driving"),
                   material("m3", None, name="驾驶人身体条件证明", form="原件", copies=1,
                            shared_data=True, notes="体检机构已联网上传的免于提交"),
                   material("m4", "photo", name="一寸白底证件照", copies=1,
                            notes="已有相片的可不提供")],
        legal=1, promised=0, fees=[("机动车驾驶证工本费", "10元/证", "发改价格〔2017〕1186号")],
        basis=_DL_LAW, result="机动车驾驶证", result_type="证照",
        delivery=("window", "ems", "mobile"),
        aliases=("驾照到期", "换驾照", "驾驶证换证", "驾照"), themes=("交通出行",),
        plain="驾照快到期了（到期前90天内），体检后带身份证和旧驾照，到车驾管窗口当场换新证；也可以在“交管12123”APP上申请邮寄。",
        kiosk=True, decidable=True, popularity=2900)
    dl_lost = item(
        POLICE, 41, "机动车驾驶证补证", type="行政许可", kind="即办件",
        conditions=["机动车驾驶证遗失的驾驶人"],
        materials=[material("m1", "id"),
                   material("m2", "photo", name="一寸白底证件照", copies=1, required=False)],
        legal=1, promised=0, fees=[("机动车驾驶证工本费", "10元/证", "发改价格〔2017〕1186号")],
        basis=_DL_LAW, result="机动车驾驶证", result_type="证照",
        delivery=("window", "ems", "mobile"),
        aliases=("驾照丢了", "补驾照", "驾驶证遗失"), themes=("交通出行",),
        plain="驾照丢了，带身份证到车驾管窗口或24小时自助机当场补办，10元。",
        kiosk=True, decidable=True, popularity=1100)
    veh_reg = item(
        POLICE, 42, "机动车注册登记", type="行政许可", audience=("个人", "法人"), kind="即办件",
        conditions=["新购机动车，已缴纳车辆购置税、投保交强险并经查验合格"],
        materials=[form("m1", "机动车注册、转移、注销登记/转入申请表"), material("m2", "id"),
                   material("m3", None, name="机动车来历证明（购车发票）", form="原件", copies=0,
                            shared_data=True, notes="全国统一发票已联网核验"),
                   material("m4", None, name="整车出厂合格证明或进口凭证", form="原件", copies=0),
                   material("m5", None, name="交通事故责任强制保险凭证", form="原件", copies=0,
                            shared_data=True),
                   material("m6", None, name="车辆购置税完税证明或免税凭证", form="原件",
                            copies=0, shared_data=True)],
        legal=2, promised=0,
        fees=[("机动车号牌工本费（汽车）", "100元/副", "发改价格〔2017〕1186号"),
              ("机动车行驶证工本费", "10元/证", "发改价格〔2017〕1186号"),
              ("机动车登记证书工本费", "10元/证", "发改价格〔2017〕1186号")],
        basis=_VEH_LAW, result="机动车登记证书、号牌、行驶证", result_type="证照",
        delivery=("window", "ems"), aliases=("新车上牌", "上牌照", "新车挂牌", "选号"),
        themes=("交通出行",),
        plain="买了新车，交完购置税、上好交强险，把车开到查验区验车后，在窗口当场选号、领牌照和行驶证。",
        decidable=True, popularity=1700)
    veh_transfer = item(
        POLICE, 43, "机动车转移登记", type="行政许可", audience=("个人", "法人"), kind="即办件",
        conditions=["机动车所有权发生转移（二手车买卖、赠与、继承等），车辆经查验合格"],
        materials=[form("m1", "机动车注册、转移、注销登记/转入申请表"),
                   material("m2", "id", name="现机动车所有人身份证明"),
                   material("m3", None, name="机动车登记证书", form="原件", copies=0),
                   material("m4", "vehicle"),
                   material("m5", None, name="二手车销售统一发票或所有权转移证明", form="原件",
                            copies=0)],
        legal=1, promised=0,
        fees=[("机动车行驶证工本费", "10元/证", "发改价格〔2017〕1186号")],
        basis=_VEH_LAW, result="机动车登记证书（转移登记记载）、行驶证", result_type="证照",
        delivery=("window",), aliases=("二手车过户", "车辆过户", "过户"), themes=("交通出行",),
        plain="二手车买卖后要过户。买卖双方带身份证、登记证书、行驶证和二手车发票，验车后当场办完。",
        decidable=True, popularity=1400)
    inspect = item(
        POLICE, 44, "核发机动车检验合格标志", type="行政确认", audience=("个人", "法人"),
        kind="即办件",
        conditions=["机动车已投保交强险，无未处理的交通违法和事故",
                    "非营运小微型载客汽车6年以内免检（6年、8年只需申领标志）"],
        materials=[material("m1", "vehicle"),
                   material("m2", None, name="交通事故责任强制保险凭证", form="原件", copies=0,
                            shared_data=True),
                   material("m3", None, name="机动车安全技术检验报告", form="原件", copies=0,
                            shared_data=True, notes="需上线检验的车辆提供，检验机构联网上传")],
        situations=[("免检车辆申领标志", "6年以内非营运小微型载客汽车", ["m1", "m2"]),
                    ("上线检验后申领", "", ["m1", "m2", "m3"])],
        legal=1, promised=0, basis=_VEH_LAW + ["《中华人民共和国道路交通安全法实施条例》"],
        result="机动车检验合格标志（电子）", result_type="证照", delivery=("mobile", "window"),
        aliases=("年检", "车辆年检", "年审", "验车", "免检标志"), themes=("交通出行",),
        plain="车辆年检：6年内的私家车免上线检测，直接在“交管12123”或窗口申领电子检验标志；其他车辆先到检测站检测，再领标志。不收费。",
        kiosk=True, decidable=True, popularity=2200)

    out = [birth, move_in, cross, id_renew, id_lost, temp_id, res_permit, passport, hk, tw,
           dl_renew, dl_lost, veh_reg, veh_transfer, inspect]
    # 户籍 and 身份证 are handled by every district branch's 户籍窗口.
    phones = {"环翠区": "0631-5227110", "文登区": "0631-8452110", "荣成市": "0631-7562110",
              "乳山市": "0631-6652110", "威海经济技术开发区": "0631-5982110"}
    for district, phone in phones.items():
        out.append(in_district(birth, POLICE, district, phone))
        out.append(in_district(id_renew, POLICE, district, phone))
    return out
