"""The service catalog: 事项 (implementation list), 情形, 材料, 一件事, halls.

These models are the schema the demo catalog, the gateway's published catalog and
the terminal cache all share. They are validated when loaded; a catalog that breaks a
rule below is refused with a message that names the item and the rule.

Vocabulary (see DESIGN.md, Glossary):
    ServiceItem  政务服务事项 (实施清单 entry)
    Situation    办理情形 — decides which materials apply
    Material     申请材料
    Bundle       一件事 / 主题集成服务
    Hall         政务服务中心 / 便民服务中心 / 政务+ 合作网点 / 自助终端点位
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ItemType(StrEnum):
    """事项类型 (the ten kinds of 政务服务事项 in the national standard)."""

    LICENSING = "行政许可"
    PENALTY = "行政处罚"
    COMPULSION = "行政强制"
    LEVY = "行政征收"
    PAYMENT = "行政给付"
    INSPECTION = "行政检查"
    CONFIRMATION = "行政确认"
    AWARD = "行政奖励"
    ADJUDICATION = "行政裁决"
    OTHER_POWER = "其他行政权力"
    PUBLIC_SERVICE = "公共服务"


class Audience(StrEnum):
    """服务对象."""

    PERSONAL = "个人"
    ENTERPRISE = "法人"


class Level(StrEnum):
    """行使层级."""

    PROVINCE = "省级"
    CITY = "市级"
    DISTRICT = "区县级"
    TOWN = "镇街级"
    VILLAGE = "村居级"


class DayUnit(StrEnum):
    """时限单位: legal and promised limits are counted in working or natural days."""

    WORKING = "工作日"
    NATURAL = "自然日"


class ItemKind(StrEnum):
    """办件类型: 即办件 (done on the spot) or 承诺件 (done within the promised days)."""

    IMMEDIATE = "即办件"
    PROMISED = "承诺件"


class MaterialForm(StrEnum):
    """材料形式."""

    ORIGINAL = "原件"
    COPY = "复印件"
    ORIGINAL_AND_COPY = "原件和复印件"
    ELECTRONIC = "电子件"


class MaterialSource(StrEnum):
    """来源渠道."""

    APPLICANT = "申请人自备"
    GOVERNMENT = "政府部门核发"
    FORM = "申请表格(窗口/网上提供)"
    OTHER = "其他"


class DeliveryMethod(StrEnum):
    """出件方式."""

    WINDOW = "window"  # 窗口领取
    EMS = "ems"  # 邮政寄递
    KIOSK_PRINT = "kiosk_print"  # 自助终端打印
    LOCKER = "locker"  # 智能文件柜自取
    MOBILE = "mobile"  # 电子证照推送到手机 (爱山东)


class HallKind(StrEnum):
    """点位类型 on the 政务服务地图."""

    CENTRE = "政务服务中心"
    STATION = "便民服务中心"  # 镇街/村居
    PARTNER = "政务+合作网点"  # bank, post, telecom outlets
    KIOSK_POINT = "24小时自助服务区"


class ItemStatus(StrEnum):
    ACTIVE = "active"
    WITHDRAWN = "withdrawn"  # 事项已取消/调整: shown with a notice, never silently dropped


class Material(_Model):
    """申请材料.

    Attributes:
        id: stable within its item, e.g. ``"m1"``.
        elicence_type: the 电子证照 type code (see :data:`ELICENCE_TYPES`) that satisfies
            this material without paper (免提交), or ``None`` when none can.
        pending_allowed: 容缺 — may be accepted while missing, supplied later.
        shared_data: satisfied by 部门共享数据 (e.g. 户籍信息 via 数据共享) without paper.
    """

    id: NonEmpty
    name: NonEmpty
    form: MaterialForm
    copies: int = Field(ge=0, le=20)
    required: bool = True
    pending_allowed: bool = False
    elicence_type: str | None = None
    shared_data: bool = False
    source: MaterialSource = MaterialSource.APPLICANT
    notes: str = ""


class Situation(_Model):
    """办理情形: one path through an item; it names the materials that apply."""

    id: NonEmpty
    name: NonEmpty
    description: str = ""
    material_ids: tuple[str, ...] = Field(min_length=1)


class Fee(_Model):
    """收费项目. An item with no fees is shown as "不收费"."""

    name: NonEmpty
    amount: NonEmpty  # "80元/本", "按面积: 住宅每件80元" … free text as the guide states it
    basis: str = ""  # 收费依据


class Step(_Model):
    """办理流程 step."""

    name: NonEmpty
    description: str = ""


class ServiceItem(_Model):
    """政务服务事项 (实施清单 entry) with every element of its 办事指南.

    ``id`` is the 实施编码 (implementation code), unique in the catalog; ``basic_code`` is
    the 基本编码 shared by every region's implementation of the same item.
    """

    id: NonEmpty
    basic_code: NonEmpty
    name: NonEmpty
    aliases: tuple[str, ...] = ()
    type: ItemType
    audience: tuple[Audience, ...] = Field(min_length=1)
    department: NonEmpty
    level: Level
    region: NonEmpty  # 威海市 / 环翠区 / 经济技术开发区 / 某镇街
    themes: tuple[str, ...] = ()  # 主题分类: 户籍办理, 社会保障, 婚育收养 …
    kind: ItemKind
    conditions: tuple[str, ...] = Field(min_length=1)  # 受理条件
    materials: tuple[Material, ...] = Field(min_length=1)
    situations: tuple[Situation, ...] = Field(min_length=1)
    steps: tuple[Step, ...] = Field(min_length=1)
    legal_days: int = Field(ge=0)  # 法定办结时限
    promised_days: int = Field(ge=0)  # 承诺办结时限
    day_unit: DayUnit = DayUnit.WORKING
    fees: tuple[Fee, ...] = ()
    legal_basis: tuple[str, ...] = Field(min_length=1)  # 设定依据
    result_name: NonEmpty  # 审批结果名称
    result_type: NonEmpty  # 证照 / 批文 / 其他
    delivery: tuple[DeliveryMethod, ...] = Field(min_length=1)
    hall_ids: tuple[str, ...] = Field(min_length=1)  # 办理地点 (halls that accept it)
    phone: NonEmpty  # 咨询电话
    complaint_phone: NonEmpty = "12345"  # 监督投诉电话
    plain_text: NonEmpty  # 白话版 guide
    kiosk_enabled: bool = False  # may be applied for at a self-service terminal
    appointment_enabled: bool = False
    online_enabled: bool = True  # 全程网办 on 爱山东
    window_decidable: bool = False  # hall may conclude at the window (最多签两次)
    commitment_allowed: bool = False  # 告知承诺制
    max_visits: int = Field(default=1, ge=0, le=2)  # 最多跑一次/零跑腿
    popularity: int = Field(default=0, ge=0)  # 热度, ranks search and "hot items"
    version: int = Field(default=1, ge=1)
    status: ItemStatus = ItemStatus.ACTIVE
    withdrawn_note: str = ""

    @model_validator(mode="after")
    def _check(self) -> ServiceItem:
        ids = [m.id for m in self.materials]
        if len(set(ids)) != len(ids):
            raise ValueError(f"{self.id} {self.name}: duplicate material ids")
        known = set(ids)
        for situation in self.situations:
            unknown = set(situation.material_ids) - known
            if unknown:
                raise ValueError(
                    f"{self.id} {self.name}: situation {situation.id} names unknown "
                    f"materials {sorted(unknown)}"
                )
        if self.promised_days > self.legal_days and self.legal_days:
            raise ValueError(f"{self.id} {self.name}: promised days exceed legal days")
        if self.kind is ItemKind.IMMEDIATE and self.promised_days != 0:
            raise ValueError(f"{self.id} {self.name}: 即办件 must promise 0 days")
        if self.status is ItemStatus.WITHDRAWN and not self.withdrawn_note:
            raise ValueError(f"{self.id} {self.name}: withdrawn item needs a note")
        return self

    @property
    def is_free(self) -> bool:
        return not self.fees

    def material(self, material_id: str) -> Material:
        for m in self.materials:
            if m.id == material_id:
                return m
        raise KeyError(material_id)

    def situation(self, situation_id: str) -> Situation:
        for s in self.situations:
            if s.id == situation_id:
                return s
        raise KeyError(situation_id)

    def materials_for(self, situation_id: str) -> tuple[Material, ...]:
        """The materials that apply in one 情形, in the item's order."""
        wanted = set(self.situation(situation_id).material_ids)
        return tuple(m for m in self.materials if m.id in wanted)


class Bundle(_Model):
    """一件事: several items, one form, one set of materials (一表申请、一套材料)."""

    id: NonEmpty
    name: NonEmpty
    aliases: tuple[str, ...] = ()
    audience: tuple[Audience, ...] = Field(min_length=1)
    lead_department: NonEmpty
    description: NonEmpty
    item_ids: tuple[str, ...] = Field(min_length=2)
    materials: tuple[Material, ...] = Field(min_length=1)  # the merged set
    promised_days: int = Field(ge=0)
    day_unit: DayUnit = DayUnit.WORKING
    hall_ids: tuple[str, ...] = Field(min_length=1)
    kiosk_enabled: bool = False
    popularity: int = Field(default=0, ge=0)
    version: int = Field(default=1, ge=1)
    status: ItemStatus = ItemStatus.ACTIVE


class Hall(_Model):
    """A place on the 政务服务地图: hall, station, partner outlet or kiosk point."""

    id: NonEmpty
    name: NonEmpty
    kind: HallKind
    level: Level
    region: NonEmpty
    address: NonEmpty
    hours: NonEmpty  # "周一至周五 9:00-12:00, 13:30-17:00; 自助区24小时"
    phone: NonEmpty
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    directions: str = ""  # 交通指引: buses, parking
    business_areas: tuple[str, ...] = ()  # 综合受理区 A, 不动产 B … (queue prefixes)
    version: int = Field(default=1, ge=1)


class ELicenceType(_Model):
    """电子证照 type: a code the catalog's materials refer to, and its name."""

    code: NonEmpty  # e.g. "resident_id", "household_register", "business_licence"
    name: NonEmpty  # 居民身份证, 居民户口簿, 营业执照 …
    issuer: NonEmpty  # 公安机关, 市场监督管理局 …
    holder: Audience


class Catalog(_Model):
    """A whole published catalog, validated for cross-references."""

    version: int = Field(ge=1)
    published: NonEmpty  # ISO date
    licence_types: tuple[ELicenceType, ...]
    halls: tuple[Hall, ...] = Field(min_length=1)
    items: tuple[ServiceItem, ...] = Field(min_length=1)
    bundles: tuple[Bundle, ...] = ()

    @model_validator(mode="after")
    def _check_references(self) -> Catalog:
        problems = list(_reference_problems(self))
        if problems:
            raise ValueError("; ".join(problems[:20]))
        return self

    def item(self, item_id: str) -> ServiceItem:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)


def _duplicates(values: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    dup: list[str] = []
    for v in values:
        if v in seen:
            dup.append(v)
        seen.add(v)
    return dup


def _reference_problems(catalog: Catalog) -> Iterable[str]:
    for what, ids in (
        ("item", [i.id for i in catalog.items]),
        ("bundle", [b.id for b in catalog.bundles]),
        ("hall", [h.id for h in catalog.halls]),
        ("licence type", [t.code for t in catalog.licence_types]),
    ):
        for dup in _duplicates(ids):
            yield f"duplicate {what} id {dup}"
    halls = {h.id for h in catalog.halls}
    types = {t.code for t in catalog.licence_types}
    items = {i.id for i in catalog.items}
    for item in catalog.items:
        for hall_id in set(item.hall_ids) - halls:
            yield f"{item.id} {item.name}: unknown hall {hall_id}"
        for m in item.materials:
            if m.elicence_type is not None and m.elicence_type not in types:
                yield f"{item.id} {item.name}: unknown e-licence type {m.elicence_type}"
    for bundle in catalog.bundles:
        for item_id in set(bundle.item_ids) - items:
            yield f"bundle {bundle.id}: unknown item {item_id}"
        for hall_id in set(bundle.hall_ids) - halls:
            yield f"bundle {bundle.id}: unknown hall {hall_id}"
        for m in bundle.materials:
            if m.elicence_type is not None and m.elicence_type not in types:
                yield f"bundle {bundle.id}: unknown e-licence type {m.elicence_type}"
