"""人社, 医保, 公积金, 民政, 卫健, 残联, 退役军人, 教育."""

# The catalog text is data: a guide sentence stays on one line so it reads as written.
# ruff: noqa: E501

from __future__ import annotations

from typing import Any

from resources.catalog._build.builder import Dept, in_district, in_town, item
from resources.catalog._build.common import form, material

HRSS = Dept("renshe", "威海市人力资源和社会保障局", 14, "0631-12333",
            district_name="{d}人力资源和社会保障局")
MEDI = Dept("yibao", "威海市医疗保障局", 36, "0631-5899120",
            district_name="{d}医疗保障局")
HPF = Dept("gongjijin", "威海市住房公积金管理中心", 38, "0631-12329",
           halls=("wh-zwzx", "zz-wh", "ccb-zwj"),
           district_name="威海市住房公积金管理中心{d}管理部")
CIVIL = Dept("minzheng", "威海市民政局", 11, "0631-5233630", district_name="{d}民政局")
HEALTH = Dept("weijian", "威海市卫生健康委员会", 18, "0631-5221563",
              district_name="{d}卫生健康局")
DPF = Dept("canlian", "威海市残疾人联合会", 50, "0631-5231581", district_name="{d}残疾人联合会")
VET = Dept("tuiyijunren", "威海市退役军人事务局", 42, "0631-5236186",
           district_name="{d}退役军人事务局")
EDU = Dept("jiaoyu", "威海市教育局", 7, "0631-5233735", district_name="{d}教育和体育局")

_SI_LAW = ["《中华人民共和国社会保险法》"]
_CARD_LAW = ["《社会保障卡管理办法》（人社部发〔2011〕47号）",
             "《山东省社会保障卡一卡通管理办法》"]
_HPF_LAW = ["《住房公积金管理条例》", "《威海市住房公积金提取管理办法》"]
_MA_LAW = ["《中华人民共和国社会保险法》", "《山东省医疗保障条例》"]


def hrss() -> list[dict[str, Any]]:
    card_apply = item(
        HRSS, 1, "社会保障卡申领", type="公共服务",
        conditions=["在本市参加社会保险或在本市居住的人员（含新生儿）"],
        materials=[material("m1", "id"), material("m2", "photo_ss"),
                   material("m3", "hukou", name="居民户口簿或出生医学证明（未满16周岁）",
                            required=False), material("m4", "agent")],
        legal=30, promised=1,
        basis=_SI_LAW + _CARD_LAW, result="第三代社会保障卡", result_type="证照",
        delivery=("window", "ems", "mobile"),
        aliases=("社保卡", "办社保卡", "医保卡", "sbk", "社保卡办理"),
        themes=("社会保障", "证件办理"),
        plain="第一次办社保卡，带身份证到社保窗口或合作银行网点，现场拍照，即时制卡的网点当场拿卡；也可以在“爱山东”申请后邮寄到家，同时领电子社保卡。",
        kiosk=True, popularity=4200)
    card_loss = item(
        HRSS, 2, "社会保障卡挂失与解挂", type="公共服务", kind="即办件",
        conditions=["社会保障卡遗失、被盗的持卡人或其代理人"],
        materials=[material("m1", "id"), material("m2", "agent")],
        legal=1, promised=0, basis=_CARD_LAW, result="挂失（解挂）成功回执",
        delivery=("window", "kiosk_print"),
        aliases=("社保卡丢了", "社保卡挂失", "医保卡丢了"), themes=("社会保障",),
        plain="社保卡丢了先挂失，防止被人盗用：打12333、用“爱山东”或在自助终端上刷身份证就能挂失；找到了再解挂。",
        kiosk=True, decidable=True, popularity=2100)
    card_replace = item(
        HRSS, 3, "社会保障卡补领、换领", type="公共服务",
        conditions=["社会保障卡遗失（已挂失）、损坏或需要升级为第三代社保卡的持卡人"],
        materials=[material("m1", "id"), material("m2", None, name="原社会保障卡（换领时）",
                                                     form="原件", copies=0, required=False,
                                                     elicence_type="social_security_card"),
                   material("m3", "photo_ss"), material("m4", "agent")],
        situations=[("遗失补领", "已办理挂失", ["m1", "m3", "m4"]),
                    ("损坏换领", "", ["m1", "m2", "m3", "m4"])],
        legal=30, promised=1, basis=_CARD_LAW, result="第三代社会保障卡", result_type="证照",
        delivery=("window", "ems", "locker"),
        aliases=("补社保卡", "换社保卡", "社保卡坏了", "社保卡补办"), themes=("社会保障", "证件办理"),
        plain="社保卡丢了（先挂失）或者坏了，带身份证到社保窗口或即时制卡银行网点重新办一张，工本费免收。",
        kiosk=True, popularity=2700)
    retire = item(
        HRSS, 10, "职工基本养老保险待遇申领（退休）", type="行政给付",
        conditions=["达到法定退休年龄", "累计缴纳基本养老保险费满15年"],
        materials=[form("m1", "基本养老保险待遇申领表"), material("m2", "id"),
                   material("m3", None, name="本人档案（企业职工）", form="原件", copies=0,
                            notes="档案由存档机构调转，本人无需携带"),
                   material("m4", "ss_card", notes="用于养老金发放，需开通金融功能"),
                   material("m5", "bank_card", required=False)],
        legal=30, promised=10, unit="工作日", basis=_SI_LAW +
        ["《国务院关于完善企业职工基本养老保险制度的决定》（国发〔2005〕38号）"],
        result="退休审批表及养老金核定表", result_type="批文", delivery=("window", "mobile"),
        aliases=("退休", "办退休", "退休手续", "领养老金", "养老金"),
        themes=("社会保障", "退休养老"),
        plain="到了退休年龄、社保交满15年，就能申请领养老金。单位职工由单位统一申报，灵活就业的人带身份证和社保卡自己来办，10个工作日内核定，下个月开始发。",
        decidable=False, popularity=2300)
    pension_transfer = item(
        HRSS, 11, "职工基本养老保险关系转移接续", type="公共服务",
        conditions=["跨省、跨统筹地区流动就业的参保人员"],
        materials=[form("m1", "基本养老保险关系转移接续申请表"), material("m2", "id"),
                   material("m3", None, name="参保缴费凭证", form="原件", copies=0,
                            shared_data=True, notes="通过全国社保转移平台获取")],
        legal=45, promised=15, basis=_SI_LAW +
        ["《城镇企业职工基本养老保险关系转移接续暂行办法》（国办发〔2009〕66号）"],
        result="基本养老保险关系转移接续联系函", result_type="批文",
        aliases=("社保转移", "养老保险转移", "社保转到威海"), themes=("社会保障", "跨省通办"),
        plain="从外地来威海工作，原来交的养老保险可以转过来，年限累计计算。在“掌上12333”或窗口申请，两地社保网上对接。",
        popularity=1200)
    resident_pension = item(
        HRSS, 12, "城乡居民基本养老保险参保登记", type="公共服务", kind="即办件",
        conditions=["年满16周岁（不含在校学生），非国家机关和事业单位工作人员及不属于职工基本养老保险覆盖范围的城乡居民"],
        materials=[material("m1", "id"), material("m2", "hukou")],
        legal=1, promised=0, basis=["《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）"],
        result="参保登记信息", delivery=("window",),
        aliases=("居民养老保险", "农村养老保险", "新农保", "交养老保险"),
        themes=("社会保障",),
        plain="没有单位、不交职工社保的城乡居民，可以参加居民养老保险，在村里、街道便民服务中心就能登记。",
        decidable=True, popularity=900)
    resident_pension_pay = item(
        HRSS, 13, "城乡居民基本养老保险待遇申领", type="行政给付",
        conditions=["年满60周岁、累计缴费满15年，且未领取国家规定的基本养老保障待遇"],
        materials=[form("m1", "城乡居民基本养老保险待遇领取申请表"), material("m2", "id"),
                   material("m3", "hukou"), material("m4", "ss_card")],
        legal=20, promised=5, basis=["《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）"],
        result="待遇核定通知", delivery=("window", "mobile"),
        aliases=("居民养老金", "农村养老金", "60岁领养老金"), themes=("社会保障", "退休养老"),
        plain="交居民养老保险满15年、年满60岁，就能按月领养老金。到镇街便民服务中心申请即可。",
        popularity=800)
    unemp = item(
        HRSS, 20, "失业保险金申领", type="行政给付",
        conditions=["失业前用人单位和本人已缴纳失业保险费满一年",
                    "非因本人意愿中断就业", "已进行失业登记，并有求职要求"],
        materials=[material("m1", "id"),
                   material("m2", None, name="解除或终止劳动关系的证明", form="原件", copies=0,
                            shared_data=True, notes="单位已在系统中办理减员的免于提交"),
                   material("m3", "ss_card")],
        legal=10, promised=1, basis=["《失业保险条例》", "《山东省失业保险规定》"],
        result="失业保险金核定通知", delivery=("mobile", "window"),
        aliases=("失业金", "领失业金", "失业保险", "失业补助"), themes=("社会保障", "就业创业"),
        plain="非自己原因丢了工作，且交失业保险满一年，可以领失业保险金。手机上“爱山东”就能申请，钱按月打到社保卡里。",
        kiosk=True, popularity=2000)
    emp_card = item(
        HRSS, 21, "就业创业证申领", type="公共服务", kind="即办件",
        conditions=["在法定劳动年龄内、有劳动能力和就业要求的城乡劳动者"],
        materials=[material("m1", "id"), material("m2", "photo_ss", required=False)],
        legal=1, promised=0, basis=["《就业服务与就业管理规定》"],
        result="就业创业证（电子证）", result_type="证照", delivery=("mobile", "window"),
        aliases=("就业证", "失业证", "创业证"), themes=("就业创业",),
        plain="找工作、享受创业补贴、领失业金都会用到就业创业证，现在是电子证，窗口或网上当场办好。",
        kiosk=True, decidable=True, popularity=700)
    unit_reg = item(
        HRSS, 30, "单位社会保险参保登记", type="公共服务", audience=("法人",), kind="即办件",
        conditions=["依法设立的用人单位，自成立之日起30日内"],
        materials=[material("m1", "biz"), form("m2", "社会保险登记表"),
                   material("m3", "corp_agent")],
        legal=15, promised=0, basis=_SI_LAW + ["《社会保险费征缴暂行条例》"],
        result="社会保险登记信息", delivery=("window", "mobile"),
        aliases=("单位开户", "企业社保开户", "公司交社保"), themes=("社会保障", "企业开办"),
        plain="公司成立后30天内要办社保登记。开办企业时勾选“社保登记”，营业执照一出来就同步办好，不用再跑。",
        decidable=True, popularity=1300)
    staff_add = item(
        HRSS, 31, "职工参保登记（增员）", type="公共服务", audience=("法人",), kind="即办件",
        conditions=["用人单位招用职工，自用工之日起30日内"],
        materials=[form("m1", "职工参保登记表"), material("m2", "rep_id", name="职工居民身份证",
                                                           form="复印件")],
        legal=1, promised=0, basis=_SI_LAW, result="职工参保信息", delivery=("mobile", "window"),
        aliases=("社保增员", "新员工交社保", "员工参保"), themes=("社会保障", "员工保障"),
        plain="新招员工要在30天内给他办社保增员，网上办理当场生效；通过“员工保障一件事”可以和医保、公积金一起办。",
        decidable=True, popularity=1600)
    injury = item(
        HRSS, 40, "工伤认定申请", type="行政确认", audience=("个人", "法人"),
        conditions=["职工发生事故伤害或被诊断为职业病，用人单位自事故发生之日起30日内，职工或近亲属1年内提出"],
        materials=[form("m1", "工伤认定申请表"), material("m2", "id"),
                   material("m3", None, name="劳动关系证明（劳动合同等）", form="复印件",
                            copies=1, shared_data=True, notes="已参保的以社保参保记录为证明"),
                   material("m4", None, name="医疗诊断证明或职业病诊断证明书", form="原件",
                            copies=1)],
        legal=60, promised=30, unit="自然日", basis=["《工伤保险条例》", "《工伤认定办法》"],
        result="认定工伤（视同工伤）决定书", result_type="批文",
        aliases=("工伤", "上班受伤", "工伤申报"), themes=("社会保障",),
        plain="上班时间因工作受了伤，单位要在30天内申请工伤认定，单位不报的，本人或家属一年内可以自己申请。",
        popularity=600)
    loan = item(
        HRSS, 50, "创业担保贷款申请", type="公共服务", audience=("个人", "法人"),
        conditions=["符合条件的城镇登记失业人员、高校毕业生、返乡创业农民工、退役军人等创业者",
                    "个人贷款最高30万元，小微企业最高400万元"],
        materials=[form("m1", "创业担保贷款申请表"), material("m2", "id"), material("m3", "biz"),
                   material("m4", None, name="创业项目说明及经营场所证明", form="原件", copies=1,
                            pending_allowed=True)],
        legal=20, promised=10, basis=["《财政部 人力资源社会保障部 中国人民银行关于进一步加大创业担保贷款贴息力度全力支持重点群体创业就业的通知》（财金〔2020〕21号）"],
        result="创业担保贷款审核意见", result_type="批文",
        aliases=("创业贷款", "贴息贷款", "创业补贴"), themes=("就业创业",),
        plain="自己创业缺资金，符合条件的可以申请最高30万元的创业担保贷款，财政贴息。",
        commitment=True, popularity=500)
    skill = item(
        HRSS, 51, "职业技能提升补贴申领", type="行政给付",
        conditions=["参加失业保险1年以上，取得职业资格证书或职业技能等级证书之日起12个月内"],
        materials=[material("m1", "id"), material("m2", None,
                                                 name="职业资格证书或职业技能等级证书",
                                                 form="原件", copies=0, shared_data=True),
                   material("m3", "ss_card")],
        legal=20, promised=10, basis=["《失业保险条例》", "《人力资源社会保障部 财政部关于失业保险支持参保职工提升职业技能有关问题的通知》"],
        result="补贴发放通知", delivery=("mobile",),
        aliases=("技能补贴", "考证补贴", "技能提升补贴"), themes=("就业创业",),
        plain="交了一年以上失业保险的职工，考下职业资格证或技能等级证一年内可以领补贴，初级1000元、中级1500元、高级2000元，手机上就能申请。",
        kiosk=True, popularity=800)
    out = [card_apply, card_loss, card_replace, retire, pension_transfer, resident_pension,
           resident_pension_pay, unemp, emp_card, unit_reg, staff_add, injury, loan, skill]
    for district, phone in (("环翠区", "0631-5206688"), ("文登区", "0631-8460333"),
                            ("荣成市", "0631-7558333"), ("乳山市", "0631-6652333"),
                            ("威海经济技术开发区", "0631-5981333")):
        out.append(in_district(card_replace, HRSS, district, phone))
    town_steps = [("申请", "到镇街便民服务中心社保窗口提出申请"),
                  ("受理登记", "工作人员当场核验身份并录入系统"),
                  ("办结", "当场办结")]
    for town, phone in (("竹岛街道", "0631-5225611"), ("皇冠街道", "0631-5961211"),
                        ("张村镇", "0631-5301121"), ("田和街道", "0631-5688311")):
        out.append(in_town(resident_pension, town, phone, steps=town_steps))
        out.append(in_town(resident_pension_pay, town, phone))
    return out


def medical() -> list[dict[str, Any]]:
    resident = item(
        MEDI, 1, "城乡居民基本医疗保险参保登记", type="公共服务", kind="即办件",
        conditions=["本市户籍或持有本市居住证、未参加职工基本医疗保险的城乡居民（含新生儿、在校学生）"],
        materials=[material("m1", "id"), material("m2", "hukou"),
                   material("m3", "birth_cert", required=False, notes="新生儿参保时提供")],
        situations=[("成年居民参保", "", ["m1", "m2"]), ("新生儿参保", "出生后90日内", ["m2", "m3"])],
        legal=1, promised=0, basis=_MA_LAW + ["《威海市城乡居民基本医疗保险办法》"],
        result="参保登记信息", delivery=("window", "mobile"),
        aliases=("居民医保", "交医保", "农村合作医疗", "新农合", "医保参保"),
        themes=("医疗保障", "生育收养"),
        plain="没有单位职工医保的居民、学生和新生儿可以参加居民医保。新生儿出生90天内参保，出生当天起就能报销。",
        kiosk=True, decidable=True, popularity=2600)
    remote = item(
        MEDI, 2, "异地就医备案", type="公共服务", kind="即办件",
        conditions=["参加本市基本医疗保险，异地长期居住、异地工作、转诊转院或临时外出就医的人员"],
        materials=[material("m1", "ss_card", name="社会保障卡或医保电子凭证"),
                   form("m2", "异地就医备案表（承诺制）", "承诺居住情况即可，不再提供居住证明")],
        situations=[("异地长期居住（含异地安置退休）", "", ["m1", "m2"]),
                    ("转诊转院", "由本市定点医院出具转诊意见，已联网上传", ["m1", "m2"]),
                    ("临时外出就医", "", ["m1", "m2"])],
        legal=1, promised=0, basis=_MA_LAW + ["《国家医保局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》（医保发〔2022〕22号）"],
        result="异地就医备案信息", delivery=("mobile", "window"),
        aliases=("异地医保", "外地看病", "异地报销", "医保备案", "跨省就医"),
        themes=("医疗保障", "跨省通办"),
        plain="要去外地长住或看病，先办异地就医备案，之后在外地医院看病可以直接刷医保卡结算。手机“国家医保服务平台”或“爱山东”上就能办，当场生效。",
        kiosk=True, decidable=True, popularity=3300)
    chronic = item(
        MEDI, 3, "门诊慢特病待遇认定", type="行政确认",
        conditions=["参加本市基本医疗保险，患有高血压、糖尿病、恶性肿瘤门诊治疗等门诊慢特病病种的参保人员"],
        materials=[form("m1", "门诊慢特病待遇申请表"), material("m2", "ss_card"),
                   material("m3", None, name="二级及以上定点医疗机构的诊断证明及相关检查报告",
                            form="原件", copies=1,
                            notes="在定点医院直接申报的由医院上传，无需本人提交")],
        legal=30, promised=10, basis=_MA_LAW + ["《山东省医疗保障局关于规范统一门诊慢特病病种管理的通知》"],
        result="门诊慢特病待遇认定结果", delivery=("mobile", "window"),
        aliases=("慢性病", "门诊慢性病", "慢病卡", "特殊病", "门慢"),
        themes=("医疗保障",),
        plain="得了高血压、糖尿病这类需要长期吃药的病，申请认定门诊慢特病后，门诊买药也能报销。可以直接在看病的定点医院申请。",
        popularity=2100)
    manual = item(
        MEDI, 4, "医疗费用手工（零星）报销", type="行政给付",
        conditions=["因急诊、异地未备案等原因未能直接结算医疗费用的参保人员"],
        materials=[material("m1", "ss_card"),
                   material("m2", None, name="医疗费用票据", form="原件", copies=1),
                   material("m3", None, name="费用明细清单及出院记录（住院）", form="原件", copies=1),
                   material("m4", "bank_card")],
        legal=30, promised=20, basis=_MA_LAW, result="医疗费用报销结算单",
        delivery=("window", "mobile"), aliases=("医保报销", "医药费报销", "零星报销", "手工报销"),
        themes=("医疗保障",),
        plain="在外地看病没能直接刷卡结算，回来带发票、费用清单到医保窗口报销，钱打到本人银行卡。",
        popularity=1500)
    birth = item(
        MEDI, 5, "生育医疗费及生育津贴申领", type="行政给付",
        conditions=["参加职工基本医疗保险（含生育保险）的职工，符合生育政策"],
        materials=[material("m1", "id"), material("m2", "birth_cert"),
                   material("m3", None, name="住院病历（出院记录）", form="复印件", copies=1,
                            shared_data=True, notes="本市定点医院已联网的免于提交")],
        legal=30, promised=10, basis=_MA_LAW + ["《山东省职工生育保险规定》"],
        result="生育津贴核定通知", delivery=("mobile", "window"),
        aliases=("生育津贴", "生育保险", "产假工资", "生育报销"), themes=("医疗保障", "生育收养"),
        plain="职工生孩子，生育医疗费在医院直接结算；生育津贴由单位或本人申请，发到单位或本人账户。",
        popularity=1400)
    unit = item(
        MEDI, 6, "职工基本医疗保险参保登记", type="公共服务", audience=("法人",), kind="即办件",
        conditions=["用人单位招用职工，自用工之日起30日内"],
        materials=[form("m1", "职工医疗保险参保登记表"), material("m2", "biz")],
        legal=1, promised=0, basis=_MA_LAW, result="参保登记信息", delivery=("mobile", "window"),
        aliases=("职工医保", "员工医保增员", "单位医保"), themes=("医疗保障", "员工保障"),
        plain="单位给新员工办职工医保，和社保增员一起在“员工保障一件事”里一次办完。",
        decidable=True, popularity=1100)
    care = item(
        MEDI, 7, "长期护理保险待遇申请", type="行政给付",
        conditions=["参加本市基本医疗保险，因年老、疾病、伤残等导致失能，经评估达到重度失能标准"],
        materials=[form("m1", "长期护理保险待遇申请表"), material("m2", "ss_card"),
                   material("m3", None, name="近6个月病历资料", form="复印件", copies=1)],
        legal=30, promised=15, basis=_MA_LAW + ["《威海市长期护理保险办法》"],
        result="失能评估结论及待遇核定", result_type="批文",
        aliases=("长护险", "失能护理", "护理保险"), themes=("医疗保障", "退休养老"),
        plain="家里老人长期卧床、生活不能自理，可以申请长期护理保险，评估通过后护理费用大部分由医保支付。",
        popularity=700)
    out = [resident, remote, chronic, manual, birth, unit, care]
    for district, phone in (("环翠区", "0631-5299120"), ("文登区", "0631-8460120"),
                            ("荣成市", "0631-7569120"), ("乳山市", "0631-6659120")):
        out.append(in_district(remote, MEDI, district, phone))
    for town, phone in (("竹岛街道", "0631-5225612"), ("皇冠街道", "0631-5961212"),
                        ("张村镇", "0631-5301122")):
        out.append(in_town(resident, town, phone))
    return out


def housing_fund() -> list[dict[str, Any]]:
    withdraw = item(
        HPF, 1, "住房公积金提取", type="公共服务",
        conditions=["租赁住房、购买或建造自住住房、偿还购房贷款本息、离休退休、与单位终止劳动关系且户口迁出本市或在异地就业等情形"],
        materials=[material("m1", "id"),
                   material("m2", None, name="本人名下银行卡（借记卡）", form="原件", copies=0,
                            notes="已绑定的免于提供"),
                   material("m3", None, name="房屋租赁合同或住房租赁备案信息", form="原件",
                            copies=0, shared_data=True, pending_allowed=True,
                            notes="无自有住房情况通过不动产数据共享核查"),
                   material("m4", "property", name="购房合同、不动产权证书或购房发票"),
                   material("m5", None, name="住房贷款合同及还款明细", form="原件", copies=0,
                            shared_data=True, notes="本中心贷款免于提供"),
                   material("m6", None, name="退休证明", form="原件", copies=0,
                            elicence_type="retirement_cert", shared_data=True),
                   material("m7", None, name="解除劳动关系证明及户口迁出或异地参保证明",
                            form="原件", copies=1)],
        situations=[("租房提取", "本人及配偶在本市无自有住房", ["m1", "m2", "m3"]),
                    ("购房提取", "购买本市自住住房（新建商品房、二手房）", ["m1", "m2", "m4"]),
                    ("偿还购房贷款本息提取", "", ["m1", "m2", "m5"]),
                    ("离退休提取", "销户提取", ["m1", "m2", "m6"]),
                    ("离职提取", "与单位终止劳动关系，户口迁出本市或在异地就业", ["m1", "m2", "m7"])],
        legal=3, promised=1, basis=_HPF_LAW, result="住房公积金提取到账", result_type="其他",
        delivery=("mobile",),
        aliases=("公积金", "取公积金", "提公积金", "公积金提取", "租房提取", "gjj"),
        themes=("住房保障", "公积金"),
        plain="公积金可以用来付房租、买房、还房贷，退休或离职离开威海也可以全部取出来。大部分情形在“爱山东”或自助终端上就能办，钱直接打到银行卡。",
        kiosk=True, popularity=6100)
    loan = item(
        HPF, 2, "住房公积金个人住房贷款", type="公共服务",
        conditions=["连续足额缴存住房公积金6个月以上", "购买、建造本市自住住房，且符合首套或二套贷款条件"],
        materials=[form("m1", "住房公积金贷款申请表"), material("m2", "id"),
                   material("m3", "marriage", notes="已婚的提供；婚姻状况通过民政数据共享核验"),
                   material("m4", None, name="购房合同及首付款发票", form="原件", copies=1),
                   material("m5", None, name="收入证明", form="原件", copies=1,
                            pending_allowed=True, notes="缴存基数可直接核实收入的免于提交")],
        legal=15, promised=5, basis=_HPF_LAW + ["《威海市住房公积金贷款管理办法》"],
        result="住房公积金借款合同", result_type="其他", delivery=("window",),
        aliases=("公积金贷款", "用公积金买房", "公积金买房贷款"), themes=("住房保障", "公积金"),
        plain="连续交公积金半年以上，在威海买自住房可以申请公积金贷款，利率比商业贷款低。带上购房合同来窗口，5个工作日出审批结果。",
        appointment=True, popularity=2400)
    open_acc = item(
        HPF, 3, "住房公积金单位缴存登记", type="公共服务", audience=("法人",), kind="即办件",
        conditions=["本市行政区域内的单位，自设立之日起30日内"],
        materials=[form("m1", "住房公积金单位缴存登记表"), material("m2", "biz"),
                   material("m3", "corp_agent")],
        legal=5, promised=0, basis=_HPF_LAW, result="单位住房公积金账户", delivery=("mobile",),
        aliases=("公积金开户", "单位开公积金", "公司开公积金户"),
        themes=("公积金", "企业开办", "员工保障"),
        plain="公司成立30天内要办公积金开户，开办企业时一并勾选，营业执照出来就自动开好。",
        decidable=True, popularity=1000)
    personal = item(
        HPF, 4, "住房公积金个人账户设立与转移", type="公共服务", audience=("法人", "个人"),
        kind="即办件",
        conditions=["单位新录用职工自录用之日起30日内设立个人账户；跨单位、跨城市就业的办理转移接续"],
        materials=[form("m1", "住房公积金个人账户设立（转移）清册"),
                   material("m2", "rep_id", name="职工居民身份证", form="复印件")],
        legal=5, promised=0, basis=_HPF_LAW, result="个人住房公积金账户", delivery=("mobile",),
        aliases=("公积金增员", "公积金转移", "公积金异地转移"), themes=("公积金", "员工保障"),
        plain="新员工的公积金账户由单位网上设立；换了城市工作，在新城市申请转移，原来的钱会自动转过来。",
        decidable=True, popularity=1200)
    proof = item(
        HPF, 5, "住房公积金缴存使用证明出具", type="公共服务", kind="即办件",
        conditions=["住房公积金缴存职工"],
        materials=[material("m1", "id")], legal=1, promised=0, basis=_HPF_LAW,
        result="住房公积金缴存使用证明", delivery=("kiosk_print", "window", "mobile"),
        aliases=("公积金证明", "打印公积金", "公积金缴存证明", "公积金明细"),
        themes=("公积金",),
        plain="买房、落户、贷款需要公积金缴存证明，刷身份证在自助终端上当场打印，带电子印章。",
        kiosk=True, decidable=True, popularity=1900)
    out = [withdraw, loan, open_acc, personal, proof]
    for district, phone in (("文登区", "0631-8451329"), ("荣成市", "0631-7581329"),
                            ("乳山市", "0631-6651329")):
        out.append(in_district(withdraw, HPF, district, phone))
        out.append(in_district(loan, HPF, district, phone))
    return out


def civil() -> list[dict[str, Any]]:
    law_m = ["《中华人民共和国民法典》", "《婚姻登记条例》"]
    marry = item(
        CIVIL, 1, "内地居民结婚登记", type="行政确认", kind="即办件",
        conditions=["男年满22周岁、女年满20周岁，双方自愿", "双方均无配偶，且无禁止结婚的亲属关系",
                    "双方亲自到场（全国通办试点地区可在一方经常居住地办理）"],
        materials=[material("m1", "id", name="双方居民身份证"),
                   material("m2", "hukou", name="双方居民户口簿",
                            notes="全国通办：一方居住证可替代"),
                   material("m3", "photo", name="双方近期半身免冠合影照片（红底二寸）", copies=3)],
        legal=1, promised=0, basis=law_m, result="结婚证", result_type="证照",
        delivery=("window", "mobile"), aliases=("领结婚证", "结婚", "登记结婚", "扯证"),
        themes=("婚育收养",),
        plain="两个人一起带身份证、户口簿和三张红底合影照片到婚姻登记处，当场领证，不收费。可以提前在“爱山东”预约好日子。",
        appointment=True, decidable=True, popularity=2500,
        halls=("wh-zwzx",))
    divorce = item(
        CIVIL, 2, "内地居民离婚登记", type="行政确认",
        conditions=["双方自愿离婚并对子女抚养、财产及债务处理等事项协商一致",
                    "提交申请之日起30日离婚冷静期届满后30日内，双方亲自到场申请发证"],
        materials=[material("m1", "id", name="双方居民身份证"), material("m2", "hukou"),
                   material("m3", "marriage", shared_data=False),
                   form("m4", "离婚协议书（一式三份）", "可在窗口领取范本")],
        legal=30, promised=30, unit="自然日", basis=law_m, result="离婚证", result_type="证照",
        delivery=("window",), aliases=("离婚", "协议离婚", "办离婚"), themes=("婚育收养",),
        plain="协议离婚要两个人一起来两次：第一次提交申请，30天冷静期过后30天内再一起来领离婚证。",
        appointment=True, online=False, visits=2, popularity=900, halls=("wh-zwzx",))
    reissue = item(
        CIVIL, 3, "补领婚姻登记证", type="行政确认", kind="即办件",
        conditions=["结婚证、离婚证遗失或损毁，当事人依法办理过婚姻登记"],
        materials=[material("m1", "id"), material("m2", "hukou"),
                   material("m3", "photo", name="近期半身免冠照片（补结婚证为双方合影）", copies=2)],
        legal=1, promised=0, basis=law_m, result="结婚证（离婚证）", result_type="证照",
        delivery=("window",), aliases=("结婚证丢了", "补结婚证", "补办结婚证"),
        themes=("婚育收养",),
        plain="结婚证丢了，带身份证、户口簿和照片到任一婚姻登记处补领，档案可网上调取。",
        decidable=True, popularity=700, halls=("wh-zwzx",))
    dibao = item(
        CIVIL, 10, "最低生活保障审核确认", type="行政给付",
        conditions=["持有本市户籍，共同生活的家庭成员人均收入低于当地最低生活保障标准",
                    "家庭财产状况符合规定"],
        materials=[form("m1", "最低生活保障申请书"), material("m2", "id"), material("m3", "hukou"),
                   form("m4", "家庭经济状况核对授权书"),
                   material("m5", None, name="家庭成员收入情况说明", form="原件", copies=1,
                            pending_allowed=True)],
        legal=30, promised=20, basis=["《社会救助暂行办法》", "《山东省社会救助办法》",
                                       "《山东省最低生活保障办法》"],
        result="最低生活保障金领取确认", result_type="批文",
        aliases=("低保", "申请低保", "困难补助"), themes=("社会救助",),
        plain="家里人均收入低于威海低保标准的，可以到户籍所在地的镇街便民服务中心申请低保，审核通过后每月发放低保金。",
        commitment=True, popularity=1000)
    tekun = item(
        CIVIL, 11, "特困人员救助供养审核确认", type="行政给付",
        conditions=["老年人、残疾人以及未满16周岁的未成年人，同时无劳动能力、无生活来源、无法定赡养抚养扶养义务人或其义务人无履行能力"],
        materials=[form("m1", "特困人员救助供养申请书"), material("m2", "id"),
                   material("m3", "hukou"), material("m4", "disability", required=False)],
        legal=30, promised=20, basis=["《社会救助暂行办法》", "《特困人员认定办法》"],
        result="特困人员救助供养证明", result_type="批文",
        aliases=("五保", "特困供养", "特困救助"), themes=("社会救助",),
        plain="无劳动能力、无收入、无人赡养的老人、残疾人和未成年人，可以申请特困供养，可以选择在家供养或到敬老院集中供养。",
        popularity=300)
    elderly = item(
        CIVIL, 20, "80周岁以上老年人高龄津贴申领", type="行政给付",
        conditions=["本市户籍、年满80周岁的老年人"],
        materials=[material("m1", "id"), material("m2", "hukou"),
                   material("m3", "bank_card", name="本人社保卡或银行卡", pending_allowed=False)],
        legal=20, promised=5, basis=["《中华人民共和国老年人权益保障法》", "《山东省老年人权益保障条例》"],
        result="高龄津贴发放确认", delivery=("mobile",),
        aliases=("高龄补贴", "老年补贴", "高龄津贴", "80岁补贴"), themes=("退休养老",),
        plain="家里老人满80岁，到镇街便民服务中心申请高龄津贴，每月发到本人卡上；子女可以带老人身份证代办。",
        kiosk=True, popularity=1200)
    funeral = item(
        CIVIL, 30, "基本殡葬服务费用减免", type="行政给付",
        conditions=["本市户籍居民死亡后在本市殡仪馆火化"],
        materials=[material("m1", None, name="死亡医学证明或死亡证明", form="原件", copies=1,
                            shared_data=True), material("m2", "id", name="逝者及经办人居民身份证")],
        legal=5, promised=0, kind="即办件", basis=["《殡葬管理条例》", "《山东省殡葬管理规定》"],
        result="基本殡葬服务费用减免结算", delivery=("window",),
        aliases=("丧葬费", "殡葬补贴", "火化费减免", "身后事"), themes=("身后事",),
        plain="本市户籍居民去世后在殡仪馆火化，遗体接运、火化等基本殡葬费用直接减免，在殡仪馆当场结算。",
        decidable=True, popularity=300)
    org = item(
        CIVIL, 40, "社会团体成立登记", type="行政许可", audience=("法人",),
        conditions=["有50个以上的个人会员或者30个以上的单位会员", "有规范的名称、住所和章程",
                    "有合法的资产和经费来源，全市性社会团体有3万元以上活动资金"],
        materials=[form("m1", "社会团体法人登记申请表"),
                   material("m2", None, name="业务主管单位批准文件", form="原件", copies=1),
                   material("m3", None, name="章程草案及验资报告", form="原件", copies=1),
                   material("m4", None, name="住所使用权证明", form="复印件", copies=1)],
        legal=60, promised=15, basis=["《社会团体登记管理条例》"], result="社会团体法人登记证书",
        result_type="证照", aliases=("成立协会", "社团登记", "成立商会"), themes=("社会组织",),
        plain="成立协会、商会等社会团体，需要先取得业务主管单位同意，再到民政局登记。",
        popularity=100)
    out = [marry, divorce, reissue, dibao, tekun, elderly, funeral, org]
    for district, phone, hall in (("文登区", "0631-8451662", "wd-zwzx"),
                                  ("荣成市", "0631-7561662", "rc-zwzx"),
                                  ("乳山市", "0631-6651662", "rs-zwzx")):
        local = in_district(marry, CIVIL, district, phone)
        local["hall_ids"] = [hall]
        out.append(local)
    town_steps = [("申请", "向户籍所在地镇街便民服务中心提出申请"),
                  ("入户调查", "镇街会同村（居）委会入户调查、民主评议并公示"),
                  ("审核确认", "镇街审核确认（已下放至镇街）"), ("发放", "次月起按月发放")]
    for town, phone in (("竹岛街道", "0631-5225613"), ("张村镇", "0631-5301123"),
                        ("皇冠街道", "0631-5961213"), ("田和街道", "0631-5688313")):
        out.append(in_town(dibao, town, phone, steps=town_steps))
        out.append(in_town(elderly, town, phone))
    return out


def health() -> list[dict[str, Any]]:
    law = ["《中华人民共和国母婴保健法》", "《中华人民共和国母婴保健法实施办法》"]
    birth_cert = item(
        HEALTH, 1, "出生医学证明签发", type="公共服务",
        conditions=["在本市助产机构出生的新生儿；院外出生的须经医学确认"],
        materials=[material("m1", "id", name="父母双方居民身份证"),
                   form("m2", "出生医学证明自填单"),
                   material("m3", None, name="医学出生证明（住院分娩记录）", form="原件",
                            copies=0, shared_data=True, notes="助产机构内部调取")],
        situations=[("首次签发", "在助产机构出生", ["m1", "m2", "m3"]),
                    ("补发、换发", "遗失或信息有误", ["m1", "m2"])],
        legal=30, promised=3, basis=law + ["《国家卫生计生委关于启用和规范管理新版〈出生医学证明〉的通知》"],
        result="出生医学证明", result_type="证照", delivery=("window", "mobile"),
        aliases=("出生证", "出生证明", "宝宝出生证", "出生医学证"), themes=("生育收养",),
        plain="孩子在医院出生后，父母在医院填好信息，出院前后就能拿到出生医学证明；通过“出生一件事”还能同时报户口、办医保和社保卡。",
        popularity=1600)
    fertility = item(
        HEALTH, 2, "生育登记", type="公共服务", kind="即办件",
        conditions=["夫妻生育子女（第一、二、三孩）"],
        materials=[material("m1", "id", name="夫妻双方居民身份证"), material("m2", "marriage")],
        legal=1, promised=0, basis=["《中华人民共和国人口与计划生育法》", "《山东省人口与计划生育条例》"],
        result="生育登记信息", delivery=("mobile",),
        aliases=("准生证", "生育服务证", "怀孕登记", "二胎登记", "三孩登记"),
        themes=("生育收养",),
        plain="以前叫“准生证”，现在改为生育登记，夫妻在“爱山东”上填一下就行，无需到现场，不收费。",
        kiosk=True, decidable=True, popularity=1300)
    doctor = item(
        HEALTH, 10, "医师执业注册", type="行政许可",
        conditions=["取得医师资格，经拟执业的医疗、预防、保健机构同意"],
        materials=[form("m1", "医师执业注册申请审核表"), material("m2", "id"),
                   material("m3", None, name="医师资格证书", form="原件", copies=0,
                            shared_data=True),
                   material("m4", None, name="6个月内健康体检证明", form="原件", copies=1,
                            pending_allowed=True)],
        legal=20, promised=5, basis=["《中华人民共和国医师法》", "《医师执业注册管理办法》"],
        result="医师执业证书", result_type="证照", delivery=("mobile", "window"),
        aliases=("医师注册", "医生执业证"), themes=("医疗卫生",),
        plain="取得医师资格后，由拟执业的医院同意，网上申请执业注册，5个工作日出电子证。",
        popularity=200)
    nurse = item(
        HEALTH, 11, "护士执业注册", type="行政许可",
        conditions=["取得护士执业资格，经执业所在医疗卫生机构同意"],
        materials=[form("m1", "护士执业注册申请审核表"), material("m2", "id"),
                   material("m3", None, name="护士执业资格考试成绩合格证明", form="原件",
                            copies=0, shared_data=True),
                   material("m4", None, name="6个月内健康体检证明", form="原件", copies=1,
                            pending_allowed=True)],
        legal=20, promised=5, basis=["《护士条例》", "《护士执业注册管理办法》"],
        result="护士执业证书（电子证照）", result_type="证照", delivery=("mobile",),
        aliases=("护士注册", "护士证"), themes=("医疗卫生",),
        plain="护士考试合格后由医院在电子化注册系统申报，审核通过后发电子证照。",
        popularity=150)
    out = [birth_cert, fertility, doctor, nurse]
    for district, phone in (("环翠区", "0631-5202363"), ("文登区", "0631-8452363")):
        out.append(in_district(fertility, HEALTH, district, phone))
    return out


def disabled_and_veterans() -> list[dict[str, Any]]:
    dis_law = ["《中华人民共和国残疾人保障法》", "《中国残疾人证管理办法》"]
    card = item(
        DPF, 1, "残疾人证核发", type="公共服务",
        conditions=["符合《残疾人残疾分类和分级》标准的本市户籍视力、听力、言语、肢体、智力、精神及多重残疾人"],
        materials=[form("m1", "中华人民共和国残疾人证申请表"), material("m2", "id"),
                   material("m3", "hukou"), material("m4", "photo", copies=2),
                   material("m5", "disability", name="原残疾人证（换领、迁移时）", required=False)],
        situations=[("新办", "经指定医院残疾评定", ["m1", "m2", "m3", "m4"]),
                    ("换领（有效期满或等级变化）", "", ["m1", "m2", "m4", "m5"]),
                    ("迁移", "户籍迁入本市", ["m1", "m2", "m3", "m5"])],
        legal=30, promised=10, basis=dis_law, result="中华人民共和国残疾人证（第三代）",
        result_type="证照", delivery=("window", "ems", "mobile"),
        aliases=("残疾证", "办残疾证", "残疾评定", "残疾人证"), themes=("残疾人服务",),
        plain="本市户籍残疾人到户籍所在地镇街或县级残联申请，到指定医院评定等级后发证；行动不便的可以申请上门评残。",
        popularity=900)
    subsidy = item(
        DPF, 2, "困难残疾人生活补贴和重度残疾人护理补贴申领", type="行政给付",
        conditions=["持有第三代残疾人证", "困难残疾人生活补贴：低保家庭中的残疾人；重度残疾人护理补贴：残疾等级一、二级"],
        materials=[form("m1", "残疾人两项补贴申请审批表"), material("m2", "disability"),
                   material("m3", "id"), material("m4", "bank_card")],
        legal=30, promised=15, basis=["《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）"],
        result="两项补贴发放确认", delivery=("mobile",),
        aliases=("残疾人补贴", "护理补贴", "两项补贴"), themes=("残疾人服务", "社会救助"),
        plain="低保家庭的残疾人可领生活补贴，一、二级残疾人可领护理补贴，在镇街便民服务中心或“爱山东”申请，每月发放。",
        popularity=600)
    aids = item(
        DPF, 3, "残疾人辅助器具适配申请", type="公共服务",
        conditions=["持有残疾人证、有辅助器具需求的本市户籍残疾人"],
        materials=[form("m1", "辅助器具适配申请表"), material("m2", "disability")],
        legal=30, promised=15, basis=dis_law, result="辅助器具发放",
        delivery=("window", "ems"), aliases=("轮椅", "助听器", "辅具", "假肢"),
        themes=("残疾人服务",),
        plain="需要轮椅、助听器、拐杖等辅助器具的残疾人，可以免费或补贴适配，申请后由辅具中心评估配发。",
        popularity=250)
    rehab = item(
        DPF, 4, "残疾儿童康复救助申请", type="行政给付",
        conditions=["0-6周岁视力、听力、言语、肢体、智力等残疾儿童和孤独症儿童"],
        materials=[form("m1", "残疾儿童康复救助申请审批表"), material("m2", "hukou"),
                   material("m3", None, name="医疗机构诊断证明", form="原件", copies=1)],
        legal=15, promised=10, basis=["《残疾预防和残疾人康复条例》", "《国务院关于建立残疾儿童康复救助制度的意见》"],
        result="康复救助审批", result_type="批文",
        aliases=("孤独症救助", "残疾儿童康复", "康复救助"), themes=("残疾人服务", "社会救助"),
        plain="6岁以下残疾儿童做康复训练，费用可以申请救助，家长带孩子户口簿和诊断证明申请。",
        popularity=200)
    vet_law = ["《中华人民共和国退役军人保障法》", "《军人抚恤优待条例》"]
    vcard = item(
        VET, 1, "退役军人优待证申领", type="公共服务",
        conditions=["已在本市退役军人服务中心（站）采集信息的退役军人、其他优抚对象"],
        materials=[material("m1", "id"), material("m2", None, name="退役证件（退伍证、转业证等）",
                                                     form="原件", copies=0, shared_data=True),
                   material("m3", "photo_ss")],
        legal=30, promised=20, basis=vet_law + ["《退役军人、其他优抚对象优待证管理办法（试行）》"],
        result="中华人民共和国退役军人优待证", result_type="证照", delivery=("window", "ems"),
        aliases=("优待证", "退伍军人证", "军人优待证"), themes=("退役军人服务",),
        plain="退役军人可以申领优待证，凭证乘坐公共交通、游览景区等享受优待。到镇街退役军人服务站或“爱山东”申请。",
        popularity=700)
    settle = item(
        VET, 2, "自主就业退役士兵一次性经济补助金发放", type="行政给付",
        conditions=["本市入伍、退役后选择自主就业的退役士兵，在规定时间内报到"],
        materials=[material("m1", "id"), material("m2", None, name="退出现役证明", form="原件",
                                                     copies=1, elicence_type="veteran_card"),
                   material("m3", "bank_card")],
        legal=30, promised=15, basis=vet_law + ["《退役士兵安置条例》"],
        result="经济补助金发放", delivery=("mobile",),
        aliases=("退伍费", "退伍补助", "退役补助金"), themes=("退役军人服务",),
        plain="选择自主就业的退役士兵，报到后领取地方一次性经济补助金。",
        popularity=300)
    disabled_vet = item(
        VET, 3, "残疾等级评定（因战因公致残的退役军人）", type="行政确认",
        conditions=["因战、因公致残，未评定或需调整残疾等级的退役军人"],
        materials=[form("m1", "残疾等级评定审批表"), material("m2", "id"),
                   material("m3", None, name="致残经过证明及医疗诊断证明", form="原件", copies=1)],
        legal=60, promised=40, unit="自然日", basis=vet_law + ["《伤残抚恤管理办法》"],
        result="残疾军人证", result_type="证照", aliases=("伤残评定", "伤残军人", "残疾军人证"),
        themes=("退役军人服务",),
        plain="因战因公致残的退役军人申请评定残疾等级，评定后按等级领抚恤金。",
        popularity=80)
    vstation = item(
        VET, 4, "退役军人信息采集", type="公共服务", kind="即办件",
        conditions=["本市户籍或在本市居住的退役军人"],
        materials=[material("m1", "id"), material("m2", None, name="退役证件（退伍证、转业证等）",
                                                     form="原件", copies=0)],
        legal=1, promised=0, basis=vet_law, result="信息采集完成",
        delivery=("window",), aliases=("退役军人登记", "光荣牌", "退役军人采集"),
        themes=("退役军人服务",),
        plain="退役军人带身份证和退伍证到镇街退役军人服务站登记信息，之后可以申领优待证、悬挂光荣牌。",
        decidable=True, popularity=200)
    out = [card, subsidy, aids, rehab, vcard, settle, disabled_vet, vstation]
    for town, phone in (("竹岛街道", "0631-5225614"), ("皇冠街道", "0631-5961214")):
        out.append(in_town(card, town, phone, name="残疾人证核发（镇街受理）"))
        out.append(in_town(vstation, town, phone))
    return out


def education() -> list[dict[str, Any]]:
    teacher = item(
        EDU, 1, "教师资格认定", type="行政许可",
        conditions=["遵守宪法和法律，热爱教育事业", "具备相应学历、普通话水平二级乙等以上",
                    "中小学教师资格考试合格（或免试认定改革范围内的毕业生）"],
        materials=[form("m1", "教师资格认定申请表"), material("m2", "id"),
                   material("m3", None, name="学历证书", form="原件", copies=0,
                            elicence_type="diploma", shared_data=True),
                   material("m4", None, name="普通话水平测试等级证书", form="原件", copies=0,
                            shared_data=True),
                   material("m5", None, name="体检合格证明", form="原件", copies=1)],
        legal=30, promised=20, basis=["《中华人民共和国教师法》", "《教师资格条例》"],
        result="教师资格证书", result_type="证照", delivery=("window", "ems"),
        aliases=("教师资格证", "教资认定", "教师证"), themes=("教育",),
        plain="考完教师资格考试，在“中国教师资格网”报名认定，到指定医院体检，20个工作日出证，可以邮寄。",
        popularity=900)
    aid = item(
        EDU, 2, "家庭经济困难学生资助申请", type="行政给付",
        conditions=["本市就读、家庭经济困难的学前、义务教育、普通高中、中职学生"],
        materials=[form("m1", "家庭经济困难学生认定申请表"), material("m2", "hukou"),
                   material("m3", None, name="低保、特困或残疾等证明", form="原件", copies=1,
                            shared_data=True, notes="民政、残联数据共享核验")],
        legal=30, promised=20, basis=["《学生资助资金管理办法》（财教〔2021〕310号）"],
        result="资助认定结果", delivery=("mobile",), aliases=("助学金", "学生资助", "贫困生"),
        themes=("教育", "社会救助"),
        plain="家庭困难的学生，通过学校申请资助，低保、特困、残疾家庭的孩子通过数据共享直接认定。",
        popularity=300)
    transfer = item(
        EDU, 3, "义务教育阶段转学", type="公共服务",
        conditions=["义务教育阶段学生因户籍迁移、家庭住址变动等原因需要转学"],
        materials=[form("m1", "转学申请表"), material("m2", "hukou"),
                   material("m3", "property", name="房产证明或租赁合同", required=False)],
        legal=15, promised=10, basis=["《中华人民共和国义务教育法》", "《中小学生学籍管理办法》"],
        result="转学手续", aliases=("转学", "孩子转学", "学籍转接"), themes=("教育",),
        plain="孩子要转学，先联系转入学校同意接收，再通过学籍系统办理转出转入。",
        popularity=400)
    return [teacher, aid, transfer]
