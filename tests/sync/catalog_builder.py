"""Small, valid catalogs built from ``core.catalog`` models, for store and search tests."""

from __future__ import annotations

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

HALL = Hall(
    id="H1",
    name="环翠区政务服务中心",
    kind=HallKind.CENTRE,
    level=Level.DISTRICT,
    region="环翠区",
    address="威海市环翠区青岛北路1号",
    hours="周一至周五 9:00-17:00; 自助区24小时",
    phone="0631-5230000",
    latitude=37.5,
    longitude=122.1,
)
LICENCES = (
    ELicenceType(
        code="resident_id", name="居民身份证", issuer="公安机关", holder=Audience.PERSONAL
    ),
)


def item(
    item_id: str,
    name: str,
    *,
    aliases: tuple[str, ...] = (),
    department: str = "威海市公安局",
    themes: tuple[str, ...] = (),
    audience: tuple[Audience, ...] = (Audience.PERSONAL,),
    popularity: int = 0,
    status: ItemStatus = ItemStatus.ACTIVE,
    version: int = 1,
) -> ServiceItem:
    """A complete, valid item that differs from others only where a test cares."""
    return ServiceItem(
        id=item_id,
        basic_code=f"B{item_id}",
        name=name,
        aliases=aliases,
        type=ItemType.PUBLIC_SERVICE,
        audience=audience,
        department=department,
        level=Level.CITY,
        region="威海市",
        themes=themes,
        kind=ItemKind.PROMISED,
        conditions=("符合条件的申请人",),
        materials=(
            Material(
                id="m1",
                name="居民身份证",
                form=MaterialForm.ORIGINAL,
                copies=1,
                elicence_type="resident_id",
            ),
        ),
        situations=(Situation(id="s1", name="一般情形", material_ids=("m1",)),),
        steps=(Step(name="受理"), Step(name="办结")),
        legal_days=20,
        promised_days=5,
        legal_basis=("《中华人民共和国行政许可法》",),
        result_name=f"{name}结果",
        result_type="其他",
        delivery=(DeliveryMethod.WINDOW,),
        hall_ids=("H1",),
        phone="0631-12345",
        plain_text=f"{name}的白话版办事指南。",
        popularity=popularity,
        status=status,
        withdrawn_note="该事项已调整，请咨询窗口。" if status is ItemStatus.WITHDRAWN else "",
        version=version,
    )


def bundle(
    bundle_id: str,
    name: str,
    item_ids: tuple[str, ...],
    *,
    popularity: int = 0,
    aliases: tuple[str, ...] = (),
) -> Bundle:
    return Bundle(
        id=bundle_id,
        name=name,
        aliases=aliases,
        audience=(Audience.ENTERPRISE,),
        lead_department="威海市人力资源和社会保障局",
        description=f"{name}：一表申请、一套材料。",
        item_ids=item_ids,
        materials=(Material(id="m1", name="营业执照", form=MaterialForm.COPY, copies=1),),
        promised_days=5,
        hall_ids=("H1",),
        popularity=popularity,
    )


def search_catalog() -> Catalog:
    """A catalog where every kind of query has exactly one right first answer."""
    items = (
        item(
            "I-HZ",
            "护照签发",
            aliases=("办护照", "出国护照"),
            department="威海市公安局出入境管理支队",
            themes=("出入境",),
            popularity=900,
        ),
        item(
            "I-HZ2",
            "护照加注",
            department="威海市公安局出入境管理支队",
            themes=("出入境",),
            popularity=100,
        ),
        item(
            "I-HK", "户口迁移", aliases=("迁户口", "户籍迁移"), themes=("户籍办理",), popularity=800
        ),
        item("I-HKX", "户口登记项目变更更正", themes=("户籍办理",), popularity=300),
        item(
            "I-SBK",
            "社会保障卡申领",
            aliases=("社保卡", "办社保卡"),
            department="威海市人力资源和社会保障局",
            themes=("社会保障",),
            popularity=700,
        ),
        item(
            "I-SBKG",
            "社会保障卡挂失",
            department="威海市人力资源和社会保障局",
            themes=("社会保障",),
            popularity=200,
        ),
        item(
            "I-GJJ",
            "住房公积金提取",
            aliases=("公积金提取", "取公积金"),
            department="威海市住房公积金管理中心",
            themes=("住房保障",),
            popularity=850,
        ),
        item(
            "I-GJJJ",
            "住房公积金缴存登记",
            department="威海市住房公积金管理中心",
            themes=("住房保障",),
            audience=(Audience.ENTERPRISE,),
            popularity=400,
        ),
        item(
            "I-YH",
            "银行开户许可",
            department="中国人民银行威海市中心支行",
            audience=(Audience.ENTERPRISE,),
            popularity=50,
        ),
        item("I-CQ", "重庆籍人员社保关系转入", department="威海市社会保险事业中心", popularity=10),
        item(
            "I-BDC",
            "不动产登记资料查询",
            aliases=("查房产",),
            department="威海市自然资源和规划局",
            themes=("不动产",),
            popularity=600,
        ),
        item(
            "I-YYZZ",
            "营业执照设立登记",
            aliases=("办执照", "开公司"),
            department="威海市市场监督管理局",
            themes=("市场准入",),
            audience=(Audience.ENTERPRISE,),
            popularity=750,
        ),
        item(
            "I-OLD",
            "护照签发（旧版流程）",
            department="威海市公安局出入境管理支队",
            themes=("出入境",),
            popularity=5000,
            status=ItemStatus.WITHDRAWN,
        ),
        item(
            "I-CS",
            "出生医学证明首次签发",
            themes=("婚育收养",),
            department="威海市卫生健康委员会",
            popularity=150,
        ),
    )
    bundles = (
        bundle(
            "B-YG", "员工保障一件事", ("I-SBK", "I-GJJJ"), popularity=650, aliases=("新员工入职",)
        ),
    )
    return Catalog(
        version=1,
        published="2022-05-01",
        licence_types=LICENCES,
        halls=(HALL,),
        items=items,
        bundles=bundles,
    )
