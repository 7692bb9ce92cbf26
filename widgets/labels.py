"""Translatable display names for the catalog's enumerations and the home tiles.

The catalog's own text (item names, conditions …) is shown as published; these are
the fixed vocabularies around it, which foreign applicants need in English. The texts
are marked with ``QT_TRANSLATE_NOOP`` here and translated when shown, never at import.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.catalog import (
    Audience,
    DayUnit,
    DeliveryMethod,
    HallKind,
    ItemKind,
    ItemType,
    Level,
    MaterialForm,
    MaterialSource,
)
from core.terminal import Tile

_CONTEXT = "Labels"

_LABELS: dict[Enum, str] = {
    Tile.PERSONAL: QT_TRANSLATE_NOOP("Labels", "个人服务"),
    Tile.ENTERPRISE: QT_TRANSLATE_NOOP("Labels", "法人服务"),
    Tile.BUNDLES: QT_TRANSLATE_NOOP("Labels", "一件事"),
    Tile.DEPARTMENTS: QT_TRANSLATE_NOOP("Labels", "部门"),
    Tile.HOT: QT_TRANSLATE_NOOP("Labels", "热门事项"),
    Tile.SEARCH: QT_TRANSLATE_NOOP("Labels", "搜索"),
    Tile.SCAN: QT_TRANSLATE_NOOP("Labels", "扫码办事"),
    Tile.PROGRESS: QT_TRANSLATE_NOOP("Labels", "办件查询"),
    Tile.PICKUP: QT_TRANSLATE_NOOP("Labels", "自助取件"),
    Tile.TICKET: QT_TRANSLATE_NOOP("Labels", "取号"),
    Tile.APPOINTMENT: QT_TRANSLATE_NOOP("Labels", "预约签到"),
    Tile.MAP: QT_TRANSLATE_NOOP("Labels", "政务服务地图"),
    Tile.EVALUATION: QT_TRANSLATE_NOOP("Labels", "好差评"),
    Tile.HELP: QT_TRANSLATE_NOOP("Labels", "呼叫帮办"),
    Audience.PERSONAL: QT_TRANSLATE_NOOP("Labels", "个人"),
    Audience.ENTERPRISE: QT_TRANSLATE_NOOP("Labels", "法人"),
    ItemKind.IMMEDIATE: QT_TRANSLATE_NOOP("Labels", "即办件"),
    ItemKind.PROMISED: QT_TRANSLATE_NOOP("Labels", "承诺件"),
    DayUnit.WORKING: QT_TRANSLATE_NOOP("Labels", "工作日"),
    DayUnit.NATURAL: QT_TRANSLATE_NOOP("Labels", "自然日"),
    MaterialForm.ORIGINAL: QT_TRANSLATE_NOOP("Labels", "原件"),
    MaterialForm.COPY: QT_TRANSLATE_NOOP("Labels", "复印件"),
    MaterialForm.ORIGINAL_AND_COPY: QT_TRANSLATE_NOOP("Labels", "原件和复印件"),
    MaterialForm.ELECTRONIC: QT_TRANSLATE_NOOP("Labels", "电子件"),
    MaterialSource.APPLICANT: QT_TRANSLATE_NOOP("Labels", "申请人自备"),
    MaterialSource.GOVERNMENT: QT_TRANSLATE_NOOP("Labels", "政府部门核发"),
    MaterialSource.FORM: QT_TRANSLATE_NOOP("Labels", "申请表格(窗口/网上提供)"),
    MaterialSource.OTHER: QT_TRANSLATE_NOOP("Labels", "其他"),
    DeliveryMethod.WINDOW: QT_TRANSLATE_NOOP("Labels", "窗口领取"),
    DeliveryMethod.EMS: QT_TRANSLATE_NOOP("Labels", "邮政寄递"),
    DeliveryMethod.KIOSK_PRINT: QT_TRANSLATE_NOOP("Labels", "自助终端打印"),
    DeliveryMethod.LOCKER: QT_TRANSLATE_NOOP("Labels", "智能文件柜自取"),
    DeliveryMethod.MOBILE: QT_TRANSLATE_NOOP("Labels", "电子证照推送到手机"),
    HallKind.CENTRE: QT_TRANSLATE_NOOP("Labels", "政务服务中心"),
    HallKind.STATION: QT_TRANSLATE_NOOP("Labels", "便民服务中心"),
    HallKind.PARTNER: QT_TRANSLATE_NOOP("Labels", "政务+合作网点"),
    HallKind.KIOSK_POINT: QT_TRANSLATE_NOOP("Labels", "24小时自助服务区"),
    Level.PROVINCE: QT_TRANSLATE_NOOP("Labels", "省级"),
    Level.CITY: QT_TRANSLATE_NOOP("Labels", "市级"),
    Level.DISTRICT: QT_TRANSLATE_NOOP("Labels", "区县级"),
    Level.TOWN: QT_TRANSLATE_NOOP("Labels", "镇街级"),
    Level.VILLAGE: QT_TRANSLATE_NOOP("Labels", "村居级"),
    ItemType.LICENSING: QT_TRANSLATE_NOOP("Labels", "行政许可"),
    ItemType.PENALTY: QT_TRANSLATE_NOOP("Labels", "行政处罚"),
    ItemType.COMPULSION: QT_TRANSLATE_NOOP("Labels", "行政强制"),
    ItemType.LEVY: QT_TRANSLATE_NOOP("Labels", "行政征收"),
    ItemType.PAYMENT: QT_TRANSLATE_NOOP("Labels", "行政给付"),
    ItemType.INSPECTION: QT_TRANSLATE_NOOP("Labels", "行政检查"),
    ItemType.CONFIRMATION: QT_TRANSLATE_NOOP("Labels", "行政确认"),
    ItemType.AWARD: QT_TRANSLATE_NOOP("Labels", "行政奖励"),
    ItemType.ADJUDICATION: QT_TRANSLATE_NOOP("Labels", "行政裁决"),
    ItemType.OTHER_POWER: QT_TRANSLATE_NOOP("Labels", "其他行政权力"),
    ItemType.PUBLIC_SERVICE: QT_TRANSLATE_NOOP("Labels", "公共服务"),
}


def label(value: Enum) -> str:
    """The display name of ``value`` in the current language."""
    source = _LABELS.get(value)
    if source is None:
        return str(value.value)
    return QCoreApplication.translate(_CONTEXT, source)
