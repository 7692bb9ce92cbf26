"""Errors are shown in the current language, with their values filled in."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from core.errors import DeviceUnavailable, Offline, ValidationFailed, msg
from widgets.i18n import error_text, translate_text

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context><name>Errors</name>
<message><source>还需 {days} 个工作日</source>
<translation>{days} more working days</translation></message>
<message><source>打印机缺纸</source><translation>The printer is out of paper</translation></message>
<message><source>{what}未完成</source><translation>{what} not finished</translation></message>
<message><source>材料核验</source><translation>Checking materials</translation></message>
<message><source>办结于 {at:%Y年%m月%d日}</source>
<translation>Done on {at:%Y-%m-%d}</translation></message>
<message><source>网络中断 {code}</source><translation>Network down {other}</translation></message>
</context>
</TS>
"""


@pytest.fixture
def english(qapp, tmp_path: Path):
    ts = tmp_path / "t_en.ts"
    ts.write_text(TS, encoding="utf-8")
    qm = tmp_path / "t_en.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_templates_are_translated_then_filled(english):
    assert translate_text(msg("还需 {days} 个工作日", days=3)) == "3 more working days"
    error = ValidationFailed(msg("还需 {days} 个工作日", days=2))
    assert error_text(error) == "2 more working days"
    device = DeviceUnavailable("printer", msg("打印机缺纸"))
    assert error_text(device) == "The printer is out of paper"


def test_values_that_are_texts_and_dates_are_shown_in_english(english):
    nested = msg("{what}未完成", what=msg("材料核验"))
    assert translate_text(nested) == "Checking materials not finished"
    done = msg("办结于 {at:%Y年%m月%d日}", at=datetime(2026, 11, 21, tzinfo=UTC))
    assert done == "办结于 2026年11月21日"
    assert translate_text(done) == "Done on 2026-11-21"


def test_untranslated_or_mismatched_text_stays_chinese(english):
    assert error_text(Offline(msg("平台暂时无法连接"))) == "平台暂时无法连接"
    assert translate_text("平台暂时无法连接") == "平台暂时无法连接"
    assert translate_text(msg("网络中断 {code}", code=7)) == "网络中断 7"


def test_without_the_translator_chinese_is_shown(qapp):
    assert error_text(ValidationFailed(msg("还需 {days} 个工作日", days=3))) == "还需 3 个工作日"


def test_a_bug_is_not_described():
    assert error_text(KeyError("x")) is None
