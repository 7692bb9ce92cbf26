"""不动产登记, 住建, 市场监管, 行政审批, 交通运输, 税务."""

# The catalog text is data: a guide sentence stays on one line so it reads as written.
# ruff: noqa: E501

from __future__ import annotations

from typing import Any

from resources.catalog._build.builder import Dept, in_district, item
from resources.catalog._build.common import form, material

LAND = Dept("ziranziyuan", "威海市自然资源和规划局（威海市不动产登记中心）", 30, "0631-5803166",
            district_name="{d}不动产登记中心")
BUILD = Dept("zhujian", "威海市住房和城乡建设局", 31, "0631-5233900")
SAMR = Dept("shichangjianguan", "威海市市场监督管理局", 26, "0631-5806315",
            halls=("wh-zwzx", "zz-wh"), district_name="威海市{d}市场监督管理局")
APPROVE = Dept("xingzhengshenpi", "威海市行政审批服务局", 60, "0631-5238311",
               district_name="{d}行政审批服务局")
TRANS = Dept("jiaotong", "威海市交通运输局", 33, "0631-5233586")
TAX = Dept("shuiwu", "国家税务总局威海市税务局", 70, "0631-12366",
           district_name="国家税务总局威海市{d}税务局")

_RE_LAW = ["《中华人民共和国民法典》", "《不动产登记暂行条例》", "《不动产登记暂行条例实施细则》"]
_RE_FEE = [("不动产登记费（住宅）", "80元/件", "财税〔2016〕79号、发改价格规〔2016〕2559号"),
           ("不动产登记费（非住宅）", "550元/件", "同上"),
           ("不动产权证书工本费", "第一本免收，每增加一本10元", "同上")]
_REG_LAW = ["《中华人民共和国市场主体登记管理条例》", "《中华人民共和国市场主体登记管理条例实施细则》"]


def land() -> list[dict[str, Any]]:
    transfer = item(
        LAND, 1, "不动产转移登记", type="行政确认", audience=("个人", "法人"),
        conditions=["已登记的不动产因买卖、赠与、继承、离婚析产等原因权利发生转移"],
        materials=[form("m1", "不动产登记申请书"), material("m2", "id", name="双方身份证明"),
                   material("m3", "property"),
                   material("m4", None, name="不动产买卖合同（网签备案合同）", form="原件",
                            copies=1, shared_data=True, notes="住建部门网签数据共享"),
                   material("m5", None, name="赠与合同或公证书", form="原件", copies=1),
                   material("m6", None, name="继承权公证书或法院生效文书", form="原件", copies=1),
                   material("m7", "divorce", notes="离婚协议或判决书中对房屋有约定"),
                   material("m8", None, name="契税完税凭证", form="原件", copies=0,
                            shared_data=True, notes="税务部门同窗办理、数据共享"),
                   material("m9", "marriage", required=False, notes="买受人已婚的，用于确定共有方式")],
        situations=[("二手房买卖", "存量房买卖", ["m1", "m2", "m3", "m4", "m8", "m9"]),
                    ("赠与", "", ["m1", "m2", "m3", "m5", "m8"]),
                    ("继承、受遗赠", "", ["m1", "m2", "m3", "m6", "m8"]),
                    ("离婚析产", "", ["m1", "m2", "m3", "m7"])],
        legal=30, promised=1, fees=_RE_FEE, basis=_RE_LAW,
        result="不动产权证书（电子证照同步生成）", result_type="证照",
        delivery=("window", "ems", "mobile", "locker"),
        aliases=("房产过户", "过户", "二手房过户", "房子过户", "买房过户", "房产证过户"),
        themes=("不动产登记", "住房保障"),
        plain="二手房买卖、赠与、继承都要办转移登记。买卖双方一起到不动产窗口，交易、缴税、登记一个窗口办完，1个工作日出证，还能顺带办水电气暖过户。",
        appointment=True, popularity=3800)
    first = item(
        LAND, 2, "国有建设用地使用权及房屋所有权首次登记", type="行政确认", audience=("法人",),
        conditions=["房地产开发项目竣工验收备案后，开发企业申请"],
        materials=[form("m1", "不动产登记申请书"), material("m2", "biz"),
                   material("m3", None, name="土地权属来源材料", form="原件", copies=1,
                            elicence_type="property_cert_corp"),
                   material("m4", None, name="建设工程符合规划的材料", form="原件", copies=1,
                            shared_data=True),
                   material("m5", None, name="竣工验收备案材料", form="原件", copies=1,
                            shared_data=True),
                   material("m6", None, name="房屋测绘报告（房产面积测绘成果）", form="原件",
                            copies=1)],
        legal=30, promised=5, fees=_RE_FEE[1:], basis=_RE_LAW,
        result="不动产权证书（首次登记）", result_type="证照", delivery=("window", "mobile"),
        aliases=("大证", "首次登记", "初始登记"), themes=("不动产登记", "工程建设"),
        plain="开发商楼盘竣工验收后办的首次登记，俗称“办大证”，办完后购房人才能办自己的房产证。",
        popularity=400)
    mortgage = item(
        LAND, 3, "抵押权首次登记", type="行政确认", audience=("个人", "法人"),
        conditions=["以不动产设定抵押，抵押合同已签订"],
        materials=[form("m1", "不动产登记申请书"), material("m2", "id"), material("m3", "property"),
                   material("m4", None, name="主债权合同及抵押合同", form="原件", copies=1,
                            notes="银行“总对总”线上推送的免于提交")],
        legal=30, promised=1, fees=[("抵押登记费（住宅）", "80元/件", "财税〔2016〕79号"),
                                    ("抵押登记费（非住宅）", "550元/件", "同上")],
        basis=_RE_LAW, result="不动产登记证明（抵押权）", result_type="证照",
        delivery=("mobile", "window"), aliases=("房产抵押", "抵押登记", "房贷抵押"),
        themes=("不动产登记",),
        plain="用房子做抵押向银行贷款，要办抵押登记。合作银行可以在网点直接提交，不用再跑登记中心。",
        popularity=1500)
    release = item(
        LAND, 4, "抵押权注销登记", type="行政确认", audience=("个人", "法人"), kind="即办件",
        conditions=["主债权消灭、抵押权已实现或抵押权人放弃抵押权"],
        materials=[form("m1", "不动产登记申请书"), material("m2", "id"),
                   material("m3", None, name="不动产登记证明（抵押权）", form="原件", copies=0),
                   material("m4", None, name="抵押权人同意注销的证明", form="原件", copies=1,
                            notes="银行线上推送的免于提交")],
        legal=30, promised=0, basis=_RE_LAW, result="注销登记完成", delivery=("mobile", "window"),
        aliases=("解押", "房贷还清", "注销抵押", "房子解押"), themes=("不动产登记",),
        plain="房贷还清了要办抵押注销（解押），银行线上推送后当场办结，不收费。",
        decidable=True, popularity=1600)
    notice = item(
        LAND, 5, "预告登记（预购商品房）", type="行政确认", audience=("个人",),
        conditions=["购买期房，已签订商品房买卖合同并网签备案"],
        materials=[form("m1", "不动产登记申请书"), material("m2", "id"),
                   material("m3", None, name="商品房买卖合同（网签备案）", form="原件", copies=1,
                            shared_data=True),
                   material("m4", "marriage", required=False)],
        legal=30, promised=1, fees=[("预告登记费", "不收费", "财税〔2016〕79号")], basis=_RE_LAW,
        result="不动产登记证明（预告登记）", result_type="证照", delivery=("mobile", "window"),
        aliases=("期房预告", "网签预告", "预告登记"), themes=("不动产登记", "住房保障"),
        plain="买期房签完合同后办预告登记，防止开发商一房多卖；开发企业和银行可以代办。",
        popularity=900)
    query = item(
        LAND, 6, "不动产登记资料查询", type="公共服务", audience=("个人", "法人"),
        kind="即办件",
        conditions=["权利人、利害关系人查询不动产登记资料"],
        materials=[material("m1", "id"), material("m2", "agent")],
        legal=1, promised=0, basis=_RE_LAW + ["《不动产登记资料查询暂行办法》"],
        result="不动产登记信息查询结果证明", delivery=("kiosk_print", "window", "mobile"),
        aliases=("查房产", "房产证明", "无房证明", "名下房产查询", "有无房产证明"),
        themes=("不动产登记",),
        plain="需要开名下有房或无房证明的，刷身份证在24小时自助终端上当场打印，带电子签章。",
        kiosk=True, decidable=True, popularity=2700)
    reissue = item(
        LAND, 7, "不动产权证书换证、补证", type="行政确认", audience=("个人", "法人"),
        conditions=["不动产权证书损坏或遗失"],
        materials=[form("m1", "不动产登记申请书"), material("m2", "id"),
                   material("m3", None, name="损坏的不动产权证书（换证时）", form="原件",
                            copies=0, required=False)],
        legal=30, promised=5, fees=[("不动产权证书工本费", "10元/本", "财税〔2016〕79号")],
        basis=_RE_LAW, result="不动产权证书", result_type="证照",
        aliases=("房产证丢了", "补房产证", "换房产证"), themes=("不动产登记",),
        plain="房产证丢了或坏了可以补办、换办，遗失的会在网站公告15个工作日后补发，工本费10元。",
        popularity=500)
    planning = item(
        LAND, 20, "建设工程规划许可证核发", type="行政许可", audience=("法人",),
        conditions=["在城市、镇规划区内进行建筑物、构筑物、道路、管线和其他工程建设"],
        materials=[form("m1", "建设工程规划许可申请表"), material("m2", "biz"),
                   material("m3", None, name="使用土地的有关证明文件", form="原件", copies=1,
                            elicence_type="land_use_permit", shared_data=True),
                   material("m4", None, name="建设工程设计方案", form="电子件", copies=0)],
        legal=20, promised=5, basis=["《中华人民共和国城乡规划法》", "《山东省城乡规划条例》"],
        result="建设工程规划许可证", result_type="证照", delivery=("window", "mobile"),
        aliases=("工程规划许可", "规划证"), themes=("工程建设",),
        plain="建设项目设计方案审查通过后核发工程规划许可证，是办施工许可的前置条件。",
        commitment=True, popularity=200)
    out = [transfer, first, mortgage, release, notice, query, reissue, planning]
    for district, phone in (("文登区", "0631-8458166"), ("荣成市", "0631-7569166"),
                            ("乳山市", "0631-6656166")):
        out.append(in_district(transfer, LAND, district, phone))
        out.append(in_district(mortgage, LAND, district, phone))
    return out


def construction() -> list[dict[str, Any]]:
    completion = item(
        BUILD, 1, "房屋建筑和市政基础设施工程竣工验收备案", type="其他行政权力", audience=("法人",),
        conditions=["工程竣工验收合格之日起15日内，建设单位申请"],
        materials=[form("m1", "工程竣工验收备案表"), material("m2", "biz"),
                   material("m3", None, name="工程竣工验收报告", form="原件", copies=1),
                   material("m4", None, name="规划、消防等部门出具的认可文件或准许使用文件",
                            form="原件", copies=1, shared_data=True),
                   material("m5", None, name="施工单位签署的工程质量保修书", form="原件",
                            copies=1),
                   material("m6", None, name="住宅质量保证书和住宅使用说明书（商品住宅）",
                            form="原件", copies=1, pending_allowed=True)],
        legal=15, promised=3, unit="自然日",
        basis=["《建设工程质量管理条例》", "《房屋建筑和市政基础设施工程竣工验收备案管理办法》"],
        result="竣工验收备案证明", result_type="批文", delivery=("window", "mobile"),
        aliases=("竣工备案", "竣工验收"), themes=("工程建设",),
        plain="工程竣工验收合格后15天内，建设单位办竣工验收备案，之后才能交房、办首次登记。",
        popularity=250)
    presale = item(
        BUILD, 2, "商品房预售许可", type="行政许可", audience=("法人",),
        conditions=["已交付全部土地使用权出让金并取得土地使用权证书",
                    "持有建设工程规划许可证和施工许可证", "投入开发建设的资金达到工程建设总投资的25%以上"],
        materials=[form("m1", "商品房预售许可申请表"), material("m2", "biz"),
                   material("m3", None, name="建设工程规划许可证", form="原件", copies=0,
                            elicence_type="planning_permit", shared_data=True),
                   material("m4", None, name="建筑工程施工许可证", form="原件", copies=0,
                            elicence_type="construction_permit", shared_data=True),
                   material("m5", None, name="投资达到25%以上的证明", form="原件", copies=1)],
        legal=10, promised=5, basis=["《中华人民共和国城市房地产管理法》", "《城市商品房预售管理办法》"],
        result="商品房预售许可证", result_type="证照", delivery=("window",),
        aliases=("预售证", "预售许可"), themes=("工程建设", "住房保障"),
        plain="开发商卖期房之前要取得预售许可证，购房者可以在网上查到楼盘是否有预售证。",
        popularity=150)
    rental = item(
        BUILD, 3, "公共租赁住房保障申请", type="行政给付",
        conditions=["本市城区户籍或稳定就业的外来务工人员、新就业大学生", "家庭人均收入和住房面积低于规定标准"],
        materials=[form("m1", "公共租赁住房申请表"), material("m2", "id"), material("m3", "hukou"),
                   form("m4", "家庭经济状况核对授权书"),
                   material("m5", None, name="收入情况说明", form="原件", copies=1,
                            pending_allowed=True)],
        legal=40, promised=25, basis=["《公共租赁住房管理办法》", "《威海市公共租赁住房管理办法》"],
        result="公共租赁住房保障资格确认", result_type="批文",
        aliases=("公租房", "廉租房", "申请公租房", "住房补贴"), themes=("住房保障",),
        plain="住房困难、收入不高的家庭和新就业大学生可以申请公租房或租赁补贴。",
        commitment=True, popularity=600)
    return [completion, presale, rental]


def market() -> list[dict[str, Any]]:
    setup = item(
        SAMR, 1, "企业设立登记", type="行政许可", audience=("法人",),
        conditions=["有符合规定的名称、住所、注册资本（认缴）、经营范围", "有符合公司法规定的章程和组织机构"],
        materials=[form("m1", "公司登记（备案）申请书", "通过“山东省企业开办一窗通”在线填报"),
                   material("m2", None, name="公司章程", form="原件", copies=1,
                            notes="可使用系统提供的章程范本"),
                   material("m3", "rep_id", name="股东、法定代表人、董事、监事、经理身份证件"),
                   material("m4", None, name="住所使用证明", form="原件", copies=1,
                            pending_allowed=True, notes="可选择住所申报承诺制，签署承诺书替代"),
                   material("m5", "commit", required=False)],
        situations=[("有限责任公司设立", "", ["m1", "m2", "m3", "m4"]),
                    ("住所承诺制设立", "以承诺替代住所证明", ["m1", "m2", "m3", "m5"])],
        legal=15, promised=1, basis=_REG_LAW + ["《中华人民共和国公司法》"],
        result="营业执照（纸质及电子营业执照）", result_type="证照",
        delivery=("window", "ems", "kiosk_print", "mobile"),
        aliases=("营业执照", "注册公司", "开公司", "办执照", "公司注册", "开办企业"),
        themes=("市场准入", "企业开办"),
        plain="开公司在“企业开办一窗通”上填一张表，执照、刻章、发票、社保、公积金、银行开户一起办，1个工作日内拿到营业执照，可以在自助终端上自己打印执照。",
        kiosk=True, commitment=True, popularity=3400)
    change = item(
        SAMR, 2, "企业变更登记", type="行政许可", audience=("法人",),
        conditions=["企业名称、住所、法定代表人、注册资本、经营范围、股东等登记事项发生变更，自作出变更决议之日起30日内"],
        materials=[form("m1", "公司登记（备案）申请书"), material("m2", "biz"),
                   material("m3", None, name="股东会决议或决定", form="原件", copies=1),
                   material("m4", None, name="修改后的章程或章程修正案", form="原件", copies=1),
                   material("m5", None, name="新住所使用证明", form="原件", copies=1)],
        situations=[("变更住所", "", ["m1", "m2", "m3", "m4", "m5"]),
                    ("变更法定代表人、股东、注册资本、经营范围", "", ["m1", "m2", "m3", "m4"])],
        legal=15, promised=1, basis=_REG_LAW, result="营业执照（变更后）", result_type="证照",
        delivery=("window", "ems", "kiosk_print", "mobile"),
        aliases=("公司变更", "换法人", "改经营范围", "变更地址", "执照变更"),
        themes=("市场准入",),
        plain="公司换地址、换法定代表人、改名称或经营范围，网上提交变更申请，1个工作日办结，换发新执照。",
        kiosk=True, popularity=1800)
    cancel = item(
        SAMR, 3, "企业注销登记", type="行政许可", audience=("法人",),
        conditions=["公司解散、依法清算完毕", "适用简易注销的：未发生债权债务或已清偿完毕，全体投资人书面承诺"],
        materials=[form("m1", "企业注销登记申请书"), material("m2", "biz"),
                   material("m3", None, name="清算报告（一般注销）", form="原件", copies=1),
                   material("m4", None, name="全体投资人承诺书（简易注销）", form="原件", copies=1,
                            source="申请表格(窗口/网上提供)"),
                   material("m5", None, name="清税证明", form="原件", copies=0,
                            shared_data=True, notes="税务部门信息共享，免于提交")],
        situations=[("简易注销", "公示20日无异议", ["m1", "m2", "m4"]),
                    ("一般注销", "成立清算组并公告45日", ["m1", "m2", "m3", "m5"])],
        legal=15, promised=1, basis=_REG_LAW, result="准予注销登记通知书", result_type="批文",
        delivery=("window", "mobile"),
        aliases=("公司注销", "注销执照", "关公司", "简易注销"), themes=("市场准入", "企业注销"),
        plain="公司不干了要注销。没有债务的可以简易注销，公示20天没人反对就能办完；通过“企业注销一件事”，税务、社保、公积金一并注销。",
        popularity=1100)
    individual = item(
        SAMR, 4, "个体工商户设立登记", type="行政许可", audience=("个人",), kind="即办件",
        conditions=["有经营能力的自然人，有固定经营场所"],
        materials=[form("m1", "个体工商户登记（备案）申请书"), material("m2", "id"),
                   material("m3", None, name="经营场所使用证明", form="原件", copies=1,
                            pending_allowed=True, notes="可签署住所承诺书替代")],
        legal=15, promised=0, basis=["《促进个体工商户发展条例》"] + _REG_LAW,
        result="营业执照（个体工商户）", result_type="证照",
        delivery=("window", "kiosk_print", "mobile"),
        aliases=("个体户", "个体营业执照", "开店执照", "小店执照"), themes=("市场准入", "企业开办"),
        plain="开个小店办个体户执照，只要身份证和经营场所证明，当场办结，可以在自助终端自己打印。",
        kiosk=True, decidable=True, commitment=True, popularity=2200)
    lost = item(
        SAMR, 5, "营业执照遗失补领、换发", type="行政许可", audience=("法人",), kind="即办件",
        conditions=["营业执照遗失或损坏"],
        materials=[form("m1", "营业执照补领（换发）申请书"),
                   material("m2", "rep_id", name="法定代表人身份证件")],
        legal=15, promised=0, basis=_REG_LAW, result="营业执照", result_type="证照",
        delivery=("window", "kiosk_print"), aliases=("执照丢了", "补执照", "营业执照补办"),
        themes=("市场准入",),
        plain="营业执照丢了，在国家企业信用信息公示系统自行声明作废后申请补领，当场办结。",
        kiosk=True, decidable=True, popularity=600)
    out = [setup, change, cancel, individual, lost]
    for district, phone in (("环翠区", "0631-5203315"), ("文登区", "0631-8453315"),
                            ("荣成市", "0631-7563315"), ("乳山市", "0631-6653315"),
                            ("威海经济技术开发区", "0631-5983315"),
                            ("威海火炬高技术产业开发区", "0631-5683315"),
                            ("威海临港经济技术开发区", "0631-5793315")):
        out.append(in_district(setup, SAMR, district, phone))
    for district, phone in (("环翠区", "0631-5203315"), ("威海经济技术开发区", "0631-5983315")):
        out.append(in_district(individual, SAMR, district, phone))
    return out


def approval() -> list[dict[str, Any]]:
    food = item(
        APPROVE, 1, "食品经营许可", type="行政许可", audience=("法人", "个人"),
        conditions=["具有与经营的食品品种、数量相适应的经营场所和设施",
                    "有专职或兼职的食品安全管理人员和保证食品安全的规章制度",
                    "仅销售预包装食品的实行备案管理"],
        materials=[form("m1", "食品经营许可申请书"), material("m2", "biz"),
                   material("m3", None, name="与食品经营相适应的主要设备设施布局、操作流程等文件",
                            form="原件", copies=1),
                   material("m4", None, name="食品安全自查、从业人员健康管理等规章制度",
                            form="原件", copies=1, pending_allowed=True),
                   material("m5", None, name="原食品经营许可证", form="原件", copies=0,
                            elicence_type="food_business_permit")],
        situations=[("新办", "", ["m1", "m2", "m3", "m4"]),
                    ("延续", "有效期届满前30个工作日", ["m1", "m2", "m5"]),
                    ("变更", "许可事项发生变化", ["m1", "m2", "m5"])],
        legal=20, promised=3, basis=["《中华人民共和国食品安全法》", "《食品经营许可和备案管理办法》"],
        result="食品经营许可证", result_type="证照", delivery=("window", "ems", "mobile"),
        aliases=("食品许可证", "餐饮许可证", "卫生许可证", "开饭店"), themes=("市场准入",),
        plain="开饭店、超市卖散装食品要办食品经营许可证，网上申请后现场核查，3个工作日出证；只卖包装好的食品做个备案就行。",
        commitment=True, popularity=1900)
    drug = item(
        APPROVE, 2, "药品零售企业经营许可", type="行政许可", audience=("法人",),
        conditions=["有依法经过资格认定的药师或者其他药学技术人员",
                    "有与所经营药品相适应的营业场所、设备、仓储设施和卫生环境",
                    "符合《药品经营质量管理规范》要求"],
        materials=[form("m1", "药品经营许可证申请表"), material("m2", "biz"),
                   material("m3", None, name="执业药师注册证", form="原件", copies=0,
                            shared_data=True),
                   material("m4", None, name="营业场所、仓库平面布置图及产权或租赁证明",
                            form="复印件", copies=1),
                   material("m5", None, name="质量管理文件及主要设施设备目录", form="原件",
                            copies=1)],
        legal=30, promised=10, basis=["《中华人民共和国药品管理法》", "《药品经营和使用质量监督管理办法》"],
        result="药品经营许可证", result_type="证照",
        aliases=("药店许可证", "开药店", "药品经营许可证"), themes=("市场准入", "医疗卫生"),
        plain="开药店要有执业药师、符合要求的场所和设施，申请后现场检查，10个工作日出证。",
        popularity=350)
    permit = item(
        APPROVE, 10, "建筑工程施工许可证核发", type="行政许可", audience=("法人",),
        conditions=["已办理用地批准手续，已取得建设工程规划许可证", "已确定施工企业，有满足施工需要的资金安排、施工图纸及技术资料"],
        materials=[form("m1", "建筑工程施工许可申请表"), material("m2", "biz"),
                   material("m3", None, name="建设工程规划许可证", form="原件", copies=0,
                            elicence_type="planning_permit", shared_data=True),
                   material("m4", None, name="中标通知书或直接发包备案材料", form="原件",
                            copies=1, shared_data=True),
                   material("m5", None, name="建设资金已落实承诺书", form="原件", copies=1,
                            source="申请表格(窗口/网上提供)"),
                   material("m6", None, name="施工图设计文件审查合格书", form="原件", copies=1,
                            pending_allowed=True)],
        situations=[("整体施工许可", "", ["m1", "m2", "m3", "m4", "m5", "m6"]),
                    ("分段办理（桩基础先行）", "扩大施工许可分段办理范围", ["m1", "m2", "m4", "m5"])],
        legal=7, promised=1, basis=["《中华人民共和国建筑法》", "《建筑工程施工许可管理办法》"],
        result="建筑工程施工许可证", result_type="证照", delivery=("window", "mobile"),
        aliases=("施工许可证", "施工证", "开工许可"), themes=("工程建设",),
        plain="工程开工前要办施工许可证，材料齐全1个工作日办结；桩基础等可以分段先办，让项目早进场。",
        commitment=True, popularity=500)
    transport = item(
        APPROVE, 20, "道路货物运输经营许可", type="行政许可", audience=("法人", "个人"),
        conditions=["有与其经营业务相适应并经检测合格的车辆", "有符合规定条件的驾驶人员",
                    "有健全的安全生产管理制度", "使用总质量4.5吨及以下普通货运车辆的无需办理"],
        materials=[form("m1", "道路货物运输经营申请表"), material("m2", "biz"),
                   material("m3", "driving", name="驾驶人员驾驶证及从业资格证"),
                   material("m4", None, name="安全生产管理制度文本", form="原件", copies=1),
                   material("m5", "commit", required=False,
                            notes="车辆尚未购置的，签署承诺书先行许可")],
        legal=20, promised=5, basis=["《中华人民共和国道路运输条例》", "《道路货物运输及站场管理规定》"],
        result="道路运输经营许可证", result_type="证照", delivery=("window", "mobile"),
        aliases=("货运许可证", "道路运输许可证", "运输经营许可"), themes=("交通运输", "市场准入"),
        plain="用大货车搞运输经营要办道路运输经营许可证，4.5吨及以下的普通货车不用办。",
        commitment=True, popularity=600)
    hygiene = item(
        APPROVE, 30, "公共场所卫生许可", type="行政许可", audience=("法人", "个人"),
        conditions=["宾馆、美容美发、游泳场所等公共场所，卫生设施和从业人员健康符合要求"],
        materials=[form("m1", "公共场所卫生许可申请表"), material("m2", "biz"),
                   material("m3", None, name="公共场所卫生检测或评价报告", form="原件", copies=1,
                            pending_allowed=True),
                   material("m4", "commit", required=False)],
        legal=20, promised=3, basis=["《公共场所卫生管理条例》", "《公共场所卫生管理条例实施细则》"],
        result="公共场所卫生许可证", result_type="证照",
        aliases=("卫生许可证", "理发店许可证", "宾馆卫生许可"), themes=("市场准入",),
        plain="开宾馆、理发店、游泳馆需要办卫生许可证，实行告知承诺制的当场出证。",
        commitment=True, popularity=400)
    out = [food, drug, permit, transport, hygiene]
    for district, phone in (("环翠区", "0631-5209311"), ("文登区", "0631-8459311"),
                            ("荣成市", "0631-7599311"), ("乳山市", "0631-6659311"),
                            ("威海经济技术开发区", "0631-5988311")):
        out.append(in_district(food, APPROVE, district, phone))
    out.append(in_district(permit, APPROVE, "威海经济技术开发区", "0631-5988312"))
    return out


def transport() -> list[dict[str, Any]]:
    qual = item(
        TRANS, 1, "道路运输从业人员从业资格证核发", type="行政许可",
        conditions=["取得相应的机动车驾驶证", "年龄不超过60周岁", "3年内无重大以上交通责任事故",
                    "经考试合格"],
        materials=[form("m1", "道路运输从业资格申请表"), material("m2", "id"),
                   material("m3", "driving")],
        legal=10, promised=5, basis=["《中华人民共和国道路运输条例》", "《道路运输从业人员管理规定》"],
        result="道路运输从业资格证", result_type="证照", delivery=("window", "mobile"),
        aliases=("从业资格证", "货运资格证", "客运资格证"), themes=("交通运输",),
        plain="开货车、客车跑运输要有从业资格证，考试合格后5个工作日内发证。",
        popularity=500)
    car = item(
        TRANS, 2, "道路运输证配发", type="行政许可", audience=("法人", "个人"),
        conditions=["已取得道路运输经营许可，新增营运车辆"],
        materials=[form("m1", "营运车辆配发道路运输证申请表"), material("m2", "vehicle"),
                   material("m3", None, name="道路运输经营许可证", form="原件", copies=0,
                            elicence_type="road_transport_permit", shared_data=True)],
        legal=10, promised=1, basis=["《中华人民共和国道路运输条例》"],
        result="道路运输证", result_type="证照", delivery=("window", "mobile"),
        aliases=("营运证", "车辆营运证"), themes=("交通运输",),
        plain="运输企业新增营运车辆，凭行驶证申请配发道路运输证，1个工作日办结。",
        popularity=300)
    return [qual, car]


def tax() -> list[dict[str, Any]]:
    invoice = item(
        TAX, 1, "增值税发票代开", type="公共服务", audience=("个人", "法人"), kind="即办件",
        conditions=["已办理税务登记的小规模纳税人或自然人发生应税行为需要开具发票"],
        materials=[material("m1", "id"),
                   material("m2", None, name="付款方对款项的确认证明或合同", form="原件",
                            copies=1, pending_allowed=True)],
        legal=1, promised=0, basis=["《中华人民共和国发票管理办法》", "《中华人民共和国税收征收管理法》"],
        result="增值税发票", delivery=("window", "kiosk_print"),
        aliases=("代开发票", "开发票", "个人开发票"), themes=("税费办理",),
        plain="个人或没有开票资格的小规模纳税人需要发票，可以在税务窗口或自助办税终端代开。",
        kiosk=True, decidable=True, popularity=1400)
    deed = item(
        TAX, 2, "契税申报", type="行政征收", audience=("个人", "法人"), kind="即办件",
        conditions=["在本市境内承受土地、房屋权属转移的单位和个人"],
        materials=[material("m1", "id"),
                   material("m2", None, name="房屋买卖合同（网签）", form="原件", copies=0,
                            shared_data=True)],
        legal=1, promised=0, fees=[("契税", "按成交价3%-5%，首套、二套住房按规定减按1%-2%", "《中华人民共和国契税法》")],
        basis=["《中华人民共和国契税法》"], result="契税完税证明", delivery=("window", "mobile"),
        aliases=("交契税", "买房交税", "房屋契税"), themes=("税费办理", "不动产登记"),
        plain="买房要交契税，在不动产登记窗口“一窗办理”，交易、缴税、登记一起办，不用另跑税务局。",
        decidable=True, popularity=1500, halls=("wh-zwzx",))
    close = item(
        TAX, 3, "税务注销", type="其他行政权力", audience=("法人",),
        conditions=["纳税人因解散、破产、撤销等原因需要终止纳税义务",
                    "未领用发票、无欠税的纳税人可“即办”"],
        materials=[form("m1", "清税申报表"), material("m2", "biz")],
        legal=20, promised=1, basis=["《中华人民共和国税收征收管理法》", "《中华人民共和国税收征收管理法实施细则》"],
        result="清税证明", delivery=("window", "mobile"),
        aliases=("清税", "税务注销", "注销税务登记"), themes=("税费办理", "企业注销"),
        plain="公司注销前要先清税，没有欠税、没有未缴销发票的当场出清税证明。",
        popularity=700)
    out = [invoice, deed, close]
    out.append(in_district(invoice, TAX, "环翠区", "0631-5209366"))
    return out
