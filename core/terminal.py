"""What one terminal is: its identity, place, orientation and the tiles it offers."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Tile(StrEnum):
    """Home-screen tiles of the kiosk (PRODUCT.md, Kiosk)."""

    PERSONAL = "personal"  # 个人服务
    ENTERPRISE = "enterprise"  # 法人服务
    BUNDLES = "bundles"  # 一件事
    DEPARTMENTS = "departments"  # 部门
    HOT = "hot"  # 热门事项
    SEARCH = "search"  # 搜索
    SCAN = "scan"  # 扫码办事
    PROGRESS = "progress"  # 办件查询
    PICKUP = "pickup"  # 自助取件
    TICKET = "ticket"  # 取号
    APPOINTMENT = "appointment"  # 预约签到
    MAP = "map"  # 政务服务地图
    EVALUATION = "evaluation"  # 好差评
    HELP = "help"  # 呼叫帮办


ALL_TILES: tuple[Tile, ...] = tuple(Tile)


class Orientation(StrEnum):
    LANDSCAPE = "landscape"  # 1920×1080
    PORTRAIT = "portrait"  # 1080×1920


@dataclass(frozen=True, slots=True)
class TerminalProfile:
    """The configuration of one terminal, as enrolled at its hall.

    A bank or post outlet offers fewer tiles and no queue; a hall terminal offers all.
    """

    terminal_id: str
    hall_id: str
    name: str  # shown in the footer: "环翠区政务服务中心 · 自助终端 03"
    tiles: tuple[Tile, ...] = ALL_TILES
    orientation: Orientation = Orientation.LANDSCAPE
    elder_mode_default: bool = False
    extra: dict[str, str] = field(default_factory=dict)

    def offers(self, tile: Tile) -> bool:
        return tile in self.tiles
