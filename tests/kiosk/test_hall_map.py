"""政务服务地图: this terminal's hall first, then the others from the nearest."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from core.catalog import Hall
from kiosk.browse import HallMapScreen, distance_km, nearest_first
from sync.catalog_files import load_catalog
from tests.helpers.catalog import InMemoryCatalog

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def halls() -> tuple[Hall, ...]:
    return load_catalog(REPO / "resources" / "catalog").halls


def test_own_hall_first_then_by_distance(halls: tuple[Hall, ...]) -> None:
    ordered = nearest_first(halls, "wh-zwzx")
    assert ordered[0].id == "wh-zwzx"
    # its own 24小时自助服务区 is next door; the bank outlet comes after it, not first
    assert ordered[1].id == "zz-wh"
    distances = [distance_km(ordered[0], h) for h in ordered[1:]]
    assert distances == sorted(distances)
    assert ordered[-1].id == "rs-zwzx"  # 乳山, the farthest from the city centre
    assert sorted(h.id for h in ordered) == sorted(h.id for h in halls)


def test_unknown_hall_lists_centres_first(halls: tuple[Hall, ...]) -> None:
    ordered = nearest_first(halls, "nowhere")
    kinds = [h.kind.value for h in ordered]
    assert kinds[0] == "政务服务中心"
    assert kinds[-1] == "政务+合作网点"
    assert len(ordered) == len(halls)


def test_distance_is_in_kilometres(halls: tuple[Hall, ...]) -> None:
    by_id = {h.id: h for h in halls}
    # 威海市 to 乳山市: 0.59° north-south (65 km) and 0.58° east-west (51 km) at 37°N
    assert 82 < distance_km(by_id["wh-zwzx"], by_id["rs-zwzx"]) < 84  # noqa: PLR2004
    assert distance_km(by_id["wh-zwzx"], by_id["wh-zwzx"]) == 0


def test_map_marks_where_the_citizen_is(qtbot, kiosk_app, runner, halls) -> None:
    catalog = InMemoryCatalog(load_catalog(REPO / "resources" / "catalog"))
    screen = HallMapScreen(catalog=catalog, runner=runner, here="hc-zwzx")
    qtbot.addWidget(screen)
    screen.load()
    qtbot.waitUntil(lambda: bool(screen.hall_names()))
    assert screen.hall_names()[0] == "环翠区政务服务中心"
    marks = [w.text() for w in screen.findChildren(QLabel, "HallDistance")]
    assert marks[0] == "您在这里"
    assert all(m.startswith("约 ") and m.endswith(" 公里") for m in marks[1:])
    assert len(marks) == len(halls)
