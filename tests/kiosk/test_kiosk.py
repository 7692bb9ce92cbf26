"""The kiosk as a citizen uses it: tiles, on-screen keyboard, guides, language, layout."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QLabel, QWidget

from core.terminal import Orientation, Tile
from kiosk.window import served_tiles
from tests.helpers.catalog import InMemoryCatalog, small_catalog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def tap(qtbot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_on_keyboard(qtbot, window, text: str) -> None:
    for char in text:
        tap(qtbot, window.search.keyboard.key(char))


def search_for(qtbot, window, text: str) -> None:
    tap(qtbot, window.home.tile_button(Tile.SEARCH))
    assert window.current_screen() is window.search
    type_on_keyboard(qtbot, window, text)
    qtbot.waitUntil(lambda: window.search.is_showing_results_for(text))


def visible_widgets(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget) if w.isVisibleTo(root) and w.isVisible()]


def test_initials_on_the_keyboard_find_the_passport_and_its_guide(
    qtbot, make_window, catalog, profile
):
    window = make_window(catalog=catalog, profile=profile)
    search_for(qtbot, window, "hz")
    rows = window.search.results.rows()
    assert [r.hit.name for r in rows] == ["普通护照签发"]
    assert rows[0].height() >= 60
    assert window.search.findChild(QLabel, "GroupHeading").text() == "出入境"

    tap(qtbot, rows[0])
    qtbot.waitUntil(lambda: window.guide.shown_item_id() == "370000-CR-001")
    assert window.current_screen() is window.guide
    texts = [label.text() for label in window.guide.findChildren(QLabel)]
    assert "居民身份证" in texts
    assert window.guide.findChild(QLabel, "FeeValue").text() == "护照工本费 120元/本"
    assert "可用电子证照免提交" in texts
    assert window.guide.findChild(QLabel, "GuideQr").pixmap().width() >= 200

    # back returns to the results, home to the tiles
    tap(qtbot, window.header.back_button)
    assert window.current_screen() is window.search
    tap(qtbot, window.header.home_button)
    assert window.current_screen() is window.home
    assert not window.header.back_button.isVisible()


def test_choosing_a_situation_changes_the_materials(qtbot, make_window, catalog, profile):
    window = make_window(catalog=catalog, profile=profile)
    search_for(qtbot, window, "huzhao")
    tap(qtbot, window.search.results.rows()[0])
    qtbot.waitUntil(lambda: window.guide.shown_item_id() is not None)

    def materials() -> list[str]:
        return [
            label.text()
            for card in window.guide.findChildren(QWidget, "MaterialCard")
            if card.isVisible()
            for label in card.findChildren(QLabel)[:1]
        ]

    # Cards added to a page on display are shown on the next pass of the event loop.
    qtbot.waitUntil(lambda: materials() == ["居民身份证", "出入境证件相片"])
    tap(qtbot, window.guide.findChild(QAbstractButton, "situation-s2"))
    qtbot.waitUntil(lambda: "居民户口簿" in materials())
    texts = [label.text() for label in window.guide.findChildren(QLabel) if label.isVisible()]
    assert "可容缺后补" in texts


def test_free_item_says_free(qtbot, make_window, catalog, profile):
    window = make_window(catalog=catalog, profile=profile)
    search_for(qtbot, window, "gjj")
    assert window.search.results.rows(), "公积金 by initials"
    tap(qtbot, window.search.keyboard.clear_key())  # 清空
    assert window.search.field.text() == ""
    type_on_keyboard(qtbot, window, "gongjijin")
    qtbot.waitUntil(lambda: window.search.is_showing_results_for("gongjijin"))
    tap(qtbot, window.search.results.rows()[0])
    qtbot.waitUntil(lambda: window.guide.shown_item_id() == "370000-GJJ-003")
    assert window.guide.findChild(QLabel, "FeeValue").text() == "不收费"


def test_nothing_found_says_what_to_try(qtbot, make_window, catalog, profile):
    window = make_window(catalog=catalog, profile=profile)
    search_for(qtbot, window, "xq")
    empty = window.search.findChild(QLabel, "EmptyState")
    assert empty.isVisible()
    assert "未找到“xq”相关事项" in empty.text()
    assert "拼音首字母" in empty.text()
    assert "呼叫工作人员" in empty.text()
    assert catalog.zero_result_queries[-1] == "xq"
    tap(qtbot, window.search.keyboard.backspace_key())
    assert window.search.field.text() == "x"


def test_withdrawn_item_is_marked_and_shows_its_note(qtbot, make_window, catalog, profile):
    window = make_window(catalog=catalog, profile=profile)
    search_for(qtbot, window, "gaqz")  # 港澳签注 alias
    row = window.search.results.rows()[0]
    assert row.badge_text() == "已停止办理"
    tap(qtbot, row)
    qtbot.waitUntil(lambda: window.guide.shown_item_id() == "370000-CR-009")
    notice = window.guide.findChild(QLabel, "WithdrawnNotice")
    qtbot.waitUntil(notice.isVisible)
    assert "电子签注" in notice.text()


def test_bundle_page_lists_its_items_and_opens_them(qtbot, make_window, catalog, profile):
    window = make_window(catalog=catalog, profile=profile)
    tap(qtbot, window.home.tile_button(Tile.BUNDLES))
    qtbot.waitUntil(window.list.is_loaded)
    assert window.list.title.text() == "一件事"
    tap(qtbot, window.list.list.rows()[0])
    qtbot.waitUntil(lambda: window.bundle.shown_bundle_id() == "B-EMP-01")
    names = [row.hit.name for row in window.bundle.items.rows()]
    assert names == ["企业职工参保登记", "职工医保参保登记"]
    texts = [label.text() for label in window.bundle.findChildren(QLabel)]
    assert "承诺办结时限: 1 个工作日" in texts
    tap(qtbot, window.bundle.items.rows()[1])
    qtbot.waitUntil(lambda: window.guide.shown_item_id() == "370000-YB-005")
    tap(qtbot, window.header.back_button)
    assert window.current_screen() is window.bundle


def test_browse_by_department_and_by_theme(qtbot, make_window, catalog, profile):
    window = make_window(catalog=catalog, profile=profile)
    tap(qtbot, window.home.tile_button(Tile.DEPARTMENTS))
    qtbot.waitUntil(lambda: bool(window.departments.body.findChildren(QAbstractButton)))
    tap(qtbot, window.departments.department_button("威海市人力资源和社会保障局"))
    qtbot.waitUntil(window.list.is_loaded)
    assert {r.hit.name for r in window.list.list.rows()} == {
        "灵活就业人员参保登记",
        "企业职工参保登记",
    }

    tap(qtbot, window.header.home_button)
    tap(qtbot, window.home.tile_button(Tile.ENTERPRISE))
    qtbot.waitUntil(lambda: bool(window.themes.body.findChildren(QAbstractButton)))
    tap(qtbot, window.themes.theme_button("社会保障"))
    qtbot.waitUntil(window.list.is_loaded)
    assert {r.hit.name for r in window.list.list.rows()} == {"企业职工参保登记", "职工医保参保登记"}


def test_service_map_lists_halls_with_hours(qtbot, make_window, catalog, profile):
    window = make_window(catalog=catalog, profile=profile)
    tap(qtbot, window.home.tile_button(Tile.MAP))
    qtbot.waitUntil(lambda: bool(window.map.hall_names()))
    assert "威海市政务服务中心" in window.map.hall_names()
    texts = [label.text() for label in window.map.findChildren(QLabel)]
    assert "时间: 周一至周五 9:00-12:00, 13:30-17:00; 自助区24小时" in texts


def test_bank_outlet_shows_only_its_tiles(qtbot, make_window, catalog, profile):
    bank = replace(profile, tiles=(Tile.SEARCH, Tile.PERSONAL, Tile.HOT, Tile.PICKUP))
    window = make_window(catalog=catalog, profile=bank)
    assert window.home.tiles() == (Tile.SEARCH, Tile.PICKUP, Tile.PERSONAL, Tile.HOT)
    for tile in (Tile.TICKET, Tile.ENTERPRISE, Tile.MAP):
        with pytest.raises(KeyError):
            window.home.tile_button(tile)


def test_a_terminal_without_citizen_services_offers_no_tile_that_does_nothing(
    qtbot, make_window, catalog, profile
):
    # no gateway credential: the composition root offers only what works without one
    offline = replace(profile, tiles=served_tiles(profile, services=False, queue=False,
                                                  helpdesk=False))
    window = make_window(catalog=catalog, profile=offline)
    shown = set(window.home.tiles())
    assert not shown & {Tile.TICKET, Tile.PICKUP, Tile.SCAN, Tile.HELP, Tile.EVALUATION}
    for tile in shown:
        screen_before = window.current_screen()
        tap(qtbot, window.home.tile_button(tile))
        assert window.current_screen() is not screen_before
        tap(qtbot, window.header.home_button)


def test_switching_to_english_retranslates_what_is_visible(
    qtbot, make_window, language, catalog, profile
):
    window = make_window(catalog=catalog, profile=profile)
    assert window.home.tile_button(Tile.PERSONAL).text() == "个人服务"
    assert window.header.language_button.text() == "English"
    with qtbot.waitSignal(language.language_changed):
        tap(qtbot, window.header.language_button)
    assert language.language() == "en"
    qtbot.waitUntil(lambda: window.home.tile_button(Tile.PERSONAL).text() == "Personal services")
    assert window.header.language_button.text() == "中文"
    assert "Wednesday" in window.header.findChild(QLabel, "Clock").text()
    search_for(qtbot, window, "hz")
    tap(qtbot, window.search.results.rows()[0])
    qtbot.waitUntil(lambda: window.guide.shown_item_id() is not None)
    assert window.guide.tabs.tabText(1) == "Plain language"
    assert window.guide.findChild(QLabel, "FeeValue").text() == "护照工本费 120元/本"
    tap(qtbot, window.header.language_button)
    qtbot.waitUntil(lambda: window.guide.tabs.tabText(1) == "白话版")


def _scrolled_by(widget: QWidget) -> QWidget | None:
    """The viewport of the scroll area ``widget`` sits in, if any."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent.viewport()
        parent = parent.parentWidget()
    return None


def _assert_nothing_cut_off(window) -> None:
    # lay out what is pending first: a widget not laid out yet sits at (0, 0)
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    frame = QRect(QPoint(0, 0), window.size())
    for widget in visible_widgets(window.current_screen()) + visible_widgets(window.header):
        if widget.parent() is None or widget.window() is not window:
            continue
        top_left = widget.mapTo(window, QPoint(0, 0))
        rect = QRect(top_left, widget.size())
        if isinstance(widget, QAbstractButton):
            name = widget.objectName() or widget.text()
            viewport = _scrolled_by(widget)
            if viewport is None:
                assert frame.contains(rect), f"{name} off screen"
            else:  # a scroll area may hold more than the screen, up and down, never sideways
                left = viewport.mapTo(window, QPoint(0, 0)).x()
                assert left <= rect.left(), f"{name} cut off on the left"
                assert rect.right() < left + viewport.width(), f"{name} cut off on the right"
            assert widget.height() >= 60, f"{widget.text()!r} is too small to touch"
        if isinstance(widget, QLabel) and not widget.wordWrap() and widget.text():
            assert widget.sizeHint().width() <= widget.width() + 2, f"{widget.text()!r} cut"


@pytest.mark.parametrize("elder", [False, True])
@pytest.mark.parametrize("orientation", list(Orientation))
def test_screens_fit_the_display(  # noqa: PLR0917 - pytest fixtures
    qtbot, make_window, kiosk_app, catalog, profile, orientation, elder
):
    from widgets.theme import apply_theme

    apply_theme(kiosk_app, mode="kiosk", elder=elder)
    window = make_window(catalog=catalog, profile=replace(profile, orientation=orientation))
    expected = (1080, 1920) if orientation is Orientation.PORTRAIT else (1920, 1080)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == expected)
    _assert_nothing_cut_off(window)
    search_for(qtbot, window, "sb")
    _assert_nothing_cut_off(window)
    tap(qtbot, window.search.results.rows()[0])
    qtbot.waitUntil(lambda: window.guide.shown_item_id() is not None)
    assert (window.width(), window.height()) == expected
    _assert_nothing_cut_off(window)


def test_elder_mode_enlarges_text_and_shows_fewer_tiles_per_row(
    qtbot, make_window, kiosk_app, catalog, profile
):
    window = make_window(catalog=catalog, profile=profile)
    tile = window.home.tile_button(Tile.BUNDLES)  # 4th tile: end of row 1, or row 2
    normal_row = window.home._grid.getItemPosition(window.home._grid.indexOf(tile))
    tap(qtbot, window.header.elder_button)
    from widgets.theme import theme_metrics

    metrics = theme_metrics(kiosk_app)
    assert metrics.elder
    assert metrics.body >= 30
    assert kiosk_app.font().pixelSize() >= 30
    elder_position = window.home._grid.getItemPosition(window.home._grid.indexOf(tile))
    assert elder_position != normal_row
    assert window.home._grid.columnCount() >= 3
    tap(qtbot, window.header.elder_button)
    assert not theme_metrics(kiosk_app).elder


def test_the_real_demo_catalog_through_the_real_store(qtbot, make_window, profile, tmp_path):
    from tests.helpers.catalog import real_catalog

    with real_catalog(tmp_path) as real:
        if real is None:
            pytest.skip("the demo catalog loader (sync.catalog_files) is not in the tree yet")
        window = make_window(catalog=real, profile=profile)
        search_for(qtbot, window, "hz")
        rows = window.search.results.rows()
        assert any("护照" in r.hit.name for r in rows)
        row = next(r for r in rows if "护照" in r.hit.name)
        tap(qtbot, row)
        qtbot.waitUntil(lambda: window.guide.shown_item_id() == row.hit.id)
        assert window.guide.findChild(QLabel, "FeeValue").text()
        window.close()


def test_in_memory_helper_matches_the_protocol():
    catalog = InMemoryCatalog(small_catalog())
    assert catalog.search("hz")[0].matched_on.value == "initials"
