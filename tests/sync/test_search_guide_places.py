"""The guide says where else a service is handled ("本事项还可在以下地点办理").

Read through the real store and search on the demo catalog, rendered by the guide
view both modes share.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from core.search import CatalogQuery
from tests.helpers.catalog import InMemoryCatalog, real_catalog, small_catalog
from widgets.guide_view import ItemGuideView, load_guide

HUANCUI = "hc-zwzx"


@pytest.fixture
def catalog(tmp_path: Path) -> Iterator[CatalogQuery]:
    with real_catalog(tmp_path, home_hall_id=HUANCUI) as real:
        assert real is not None
        yield real


def _birth(catalog: CatalogQuery) -> str:
    hit = catalog.search("出生登记")[0]
    assert hit.name == "出生登记"
    return hit.id


def test_guide_lists_the_other_places(catalog: CatalogQuery) -> None:
    data = load_guide(catalog, _birth(catalog))
    assert HUANCUI in data.item.hall_ids  # 环翠's own implementation
    here = {h.name for h in data.halls}
    elsewhere = [h.name for h in data.other_halls]
    assert "环翠区政务服务中心" in here
    assert elsewhere[0] == "威海市政务服务中心"  # the city first, then the districts
    assert "文登区政务服务中心" in elsewhere
    assert not here & set(elsewhere)
    assert len(elsewhere) == catalog.search("出生登记")[0].other_places


def test_a_service_handled_in_one_place_has_no_other_places(catalog: CatalogQuery) -> None:
    hit = catalog.search("教师资格认定")[0]
    assert hit.other_places == 0
    assert load_guide(catalog, hit.id).other_halls == ()


def test_the_in_memory_catalog_answers_the_same_question() -> None:
    catalog = InMemoryCatalog(small_catalog())
    data = load_guide(catalog, "370000-CR-001")
    assert data.other_halls == ()
    assert [h.basic_code for h in catalog.implementations("CR-001")] == ["CR-001"]


def test_the_guide_shows_them(qtbot: QtBot, catalog: CatalogQuery, tmp_path: Path) -> None:
    view = ItemGuideView(dense=False)
    qtbot.addWidget(view)
    view.resize(1080, 1600)
    data = load_guide(catalog, _birth(catalog))
    view.show_guide(data)
    view.show()
    qtbot.waitExposed(view)
    lines = [w.text() for w in view.findChildren(QLabel, "OtherPlace")]
    assert len(lines) == len(data.other_halls)
    assert lines[0].startswith("威海市政务服务中心")
    titles = [w.text() for w in view.findChildren(QLabel)]
    assert "本事项还可在以下地点办理" in titles
    # no place is cut off: every line is as wide as it needs or wraps
    for label in view.findChildren(QLabel, "OtherPlace"):
        assert label.wordWrap() or label.width() >= label.sizeHint().width()
    view.widget().grab().save(str(tmp_path / "guide-other-places.png"))
