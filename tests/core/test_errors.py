"""Translatable error text: ``msg`` keeps its template and values."""

from __future__ import annotations

import copy
import json
import pickle

import pytest

from core.errors import DeviceUnavailable, Msg, ValidationFailed, msg


def test_msg_is_the_filled_in_chinese_text():
    text = msg("还需 {days} 个工作日，{name}", days=3, name="张三")
    assert text == "还需 3 个工作日，张三"
    assert isinstance(text, str)
    assert text.template == "还需 {days} 个工作日，{name}"
    assert text.params == {"days": 3, "name": "张三"}
    assert json.dumps(text, ensure_ascii=False) == '"还需 3 个工作日，张三"'


def test_msg_survives_copy_and_pickle():
    text = msg("窗口 {number} 暂停服务", number=7)
    for again in (copy.deepcopy(text), pickle.loads(pickle.dumps(text))):  # noqa: S301 - own data
        assert isinstance(again, Msg)
        assert (again, again.template, again.params) == (text, text.template, text.params)


def test_literal_braces_are_doubled_and_missing_values_fail_loudly():
    assert msg("格式为 {{年}}-{month}", month=5) == "格式为 {年}-5"
    with pytest.raises(KeyError):
        msg("还需 {days} 天")


def test_errors_keep_the_template():
    error = ValidationFailed(msg("密码至少需要{min}位", min=8), code="password.short", min=8)
    assert error.message.template == "密码至少需要{min}位"
    assert str(error) == "密码至少需要8位"
    device = DeviceUnavailable("printer", msg("打印机缺纸，请联系工作人员"))
    assert isinstance(device.reason, Msg)
