"""Theme, fonts, language switching, placeholders, icons, QR codes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QCoreApplication
from pyzbar.pyzbar import decode

from core.errors import EnvironmentProblem
from widgets.i18n import LanguageManager, arg
from widgets.icons import icon_pixmap
from widgets.qr import qr_pixmap
from widgets.theme import CJK_FAMILIES, apply_theme, pick_cjk_family, theme_metrics

REPO = Path(__file__).resolve().parents[2]


def test_arg_fills_placeholders_once():
    assert arg("%1 个%2", 7, "工作日") == "7 个工作日"
    assert arg("%1 and %2", "%2", "x") == "%2 and x"
    assert arg("%3", 1) == "%3"


def test_a_chinese_font_is_picked(qapp):
    family = pick_cjk_family()
    assert family in CJK_FAMILIES
    apply_theme(qapp, mode="kiosk")
    assert qapp.font().families()[0] == family
    qapp.setStyleSheet("")


@pytest.mark.parametrize(
    ("mode", "elder", "body", "target"),
    [("kiosk", False, 22, 60), ("kiosk", True, 30, 60), ("window", False, 13, 24)],
)
def test_sizes_per_mode(qapp, mode, elder, body, target):
    apply_theme(qapp, mode=mode, elder=elder)
    metrics = theme_metrics(qapp)
    assert metrics.body >= body
    assert metrics.small >= (22 if mode == "kiosk" and not elder else body)
    assert metrics.target >= target
    assert f"font-size: {metrics.title}px" in qapp.styleSheet()
    qapp.setStyleSheet("")


def test_language_switch_and_back(qtbot, qapp):
    manager = LanguageManager(qapp, translations_dir=REPO / "resources" / "i18n")
    assert manager.language() == "zh_CN"
    with qtbot.waitSignal(manager.language_changed) as blocker:
        manager.set_language("en")
    assert blocker.args == ["en"]
    assert QCoreApplication.translate("Labels", "个人服务") == "Personal services"
    manager.toggle()
    assert QCoreApplication.translate("Labels", "个人服务") == "个人服务"
    with pytest.raises(ValueError, match="unsupported"):
        manager.set_language("fr")


def test_translations_survive_their_files_being_replaced(qtbot, qapp, tmp_path):
    for name in ("govterm_en.qm", "errors_en.qm"):
        shutil.copy(REPO / "resources" / "i18n" / name, tmp_path / name)
    manager = LanguageManager(qapp, translations_dir=tmp_path)
    for name in ("govterm_en.qm", "errors_en.qm"):  # an update rewrites them in place
        (tmp_path / name).write_bytes(b"\0" * 64)
    manager.set_language("en")
    try:
        assert QCoreApplication.translate("Labels", "个人服务") == "Personal services"
        assert QCoreApplication.translate("Errors", "缺纸") == "Out of paper"
    finally:
        manager.set_language("zh_CN")


def test_missing_translation_is_an_environment_problem(qapp, tmp_path):
    with pytest.raises(EnvironmentProblem):
        LanguageManager(qapp, translations_dir=tmp_path)


def test_every_source_text_is_translated():
    ts = (REPO / "resources" / "i18n" / "govterm_en.ts").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in ts
    assert "<translation />" not in ts
    assert "<translation></translation>" not in ts


def test_icons_render(qapp):
    pixmap = icon_pixmap("search", size=48, colour="#FFFFFF")
    assert pixmap.deviceIndependentSize().width() == 48
    assert not pixmap.toImage().isNull()


def test_qr_code_decodes(qapp, tmp_path):
    url = "https://www.shandong.gov.cn/guide/item?code=370000-CR-001"
    path = tmp_path / "qr.png"
    qr_pixmap(url, size=240).save(str(path))
    decoded = decode(Image.open(path))
    assert decoded[0].data.decode() == url
