"""窗口办结 ("最多签两次") against a real gateway: refused without a chief, done with one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from core.case import CaseState
from core.catalog import DeliveryMethod
from tests.window_client.test_issuing import (  # noqa: F401  (fixtures)
    GETIHU,
    Counter,
    accept_case,
    counter,
    demo,
    gateway,
)
from widgets.task_runner import TaskRunner
from window_client.chrome import MessageBar
from window_client.conclusion import ConclusionDesk, ConclusionPage
from window_client.issuing import IssuingDesk
from window_client.pages import CounterDesk


def make_page(qtbot, at: Counter, runner: TaskRunner, account: str) -> ConclusionPage:
    desk = CounterDesk()
    desk.set_session(at.login(account))
    host = QWidget()
    layout = QVBoxLayout(host)
    messages = MessageBar()
    layout.addWidget(messages)
    opened: list[str] = []
    page = ConclusionPage(desk=ConclusionDesk(services=at.services), runner=runner,
                          counter=desk, messages=messages, open_page=opened.append)
    page.opened = opened  # type: ignore[attr-defined]
    page.host = host  # type: ignore[attr-defined]  # keeps the host alive
    layout.addWidget(page)
    qtbot.addWidget(host)
    host.resize(1200, 760)
    host.show()
    qtbot.waitExposed(host)
    with qtbot.waitSignal(page.cases_shown, timeout=10_000):
        page.refresh()
    return page


def sign_with(qtbot, page: ConclusionPage, *, ref: str, chief: str, password: str) -> None:
    """Keys only: opinion kept, Enter, result number, Enter, chief, Enter, password, Enter."""
    assert page.opinion.hasFocus()
    qtbot.keyClick(page.opinion, Qt.Key.Key_Return)
    qtbot.keyClicks(page.result_ref, ref)
    qtbot.keyClick(page.result_ref, Qt.Key.Key_Return)
    qtbot.keyClicks(page.chief_account, chief)
    qtbot.keyClick(page.chief_account, Qt.Key.Key_Return)
    qtbot.keyClicks(page.chief_password, password)
    qtbot.keyClick(page.chief_password, Qt.Key.Key_Return)


def test_window_conclusion_needs_a_chief_and_goes_on_to_issuing(
    qtbot, counter: Counter, runner: TaskRunner, tmp_path: Path  # noqa: F811 - fixture
):
    number = accept_case(counter, GETIHU, delivery=DeliveryMethod.WINDOW)
    page = make_page(qtbot, counter, runner, "hc-lixue")
    assert [c.number for c in page._cases] == [number]
    page.window().grab().save(str(tmp_path / "conclusion.png"))

    # Without a chief: refused, nothing changes.
    sign_with(qtbot, page, ref="JY23710020000001", chief="", password="")
    qtbot.waitUntil(lambda: "首席代表" in page.outcome.text() and not page.busy)
    assert counter.services.cases.record(number).state is CaseState.ACCEPTED
    # The clerk's own account (not a chief) as the second signature: refused.
    qtbot.keyClick(page.chief_account, Qt.Key.Key_Escape)  # Esc: start the form again
    sign_with(qtbot, page, ref="JY23710020000001", chief="hc-lixue", password="Weihai@2026")
    qtbot.waitUntil(lambda: "不是本大厅的首席代表" in page.outcome.text() and not page.busy)
    # A wrong chief password: refused.
    qtbot.keyClick(page.chief_account, Qt.Key.Key_Escape)  # Esc: start the form again
    sign_with(qtbot, page, ref="JY23710020000001", chief="hc-yujun", password="wrong")
    qtbot.waitUntil(lambda: "密码" in page.outcome.text() and not page.busy)
    assert counter.services.cases.record(number).state is CaseState.ACCEPTED

    page._show(page.selected())
    with qtbot.waitSignal(page.concluded, timeout=10_000):
        sign_with(qtbot, page, ref="JY23710020000001", chief="hc-yujun", password="Chief@2026")
    assert page.last is not None
    assert page.last.chief_name == "于军"
    page.window().grab().save(str(tmp_path / "conclusion_done.png"))
    record = counter.services.cases.record(number)
    assert record.state is CaseState.RESULT_READY
    decided = next(e for e in record.events if e.action.value == "decide_at_window")
    assert [s["id"] for s in decided.details["signatures"]] == ["hc-lixue", "hc-yujun"]
    qtbot.keyClick(page.to_issuing, Qt.Key.Key_Return)
    assert page.opened == ["issuing"]
    audit = [
        e for e in counter.services.audit.entries() if e.action == "decision.decide_at_window"
    ]
    assert audit
    assert audit[0].details["approved_by"] == "hc-yujun"

    # Synced: the gateway checks the two signatures itself and moves the case on.
    counter.sync()
    counter.services.cases.apply_status()  # the number arrives; held requests go out
    counter.sync()
    official = counter.services.cases.record(number).official_number
    assert official is not None
    assert counter.gateway_case(official)[0] == "result_ready"
    # And it is waiting under 统一出件.
    ready = IssuingDesk(services=counter.services, signatures=None).ready()
    assert [r.number for r in ready] == [number]


def test_a_chief_cannot_sign_twice(
    qtbot, counter: Counter, runner: TaskRunner  # noqa: F811 - fixture
):
    number = accept_case(counter, GETIHU, delivery=DeliveryMethod.WINDOW, clerk="hc-lixue")
    page = make_page(qtbot, counter, runner, "hc-yujun")  # the chief is the clerk here
    sign_with(qtbot, page, ref="JY23710020000002", chief="hc-yujun", password="Chief@2026")
    qtbot.waitUntil(lambda: "两人签批" in page.outcome.text() and not page.busy)
    assert counter.services.cases.record(number).state is CaseState.ACCEPTED


def test_the_other_chief_signs_when_one_is_away(
    qtbot, counter: Counter, runner: TaskRunner  # noqa: F811 - fixture
):
    """Each demo hall has two 首席代表: a chief at the counter gets the other's signature."""
    number = accept_case(counter, GETIHU, delivery=DeliveryMethod.WINDOW, clerk="hc-lixue")
    page = make_page(qtbot, counter, runner, "hc-yujun")
    with qtbot.waitSignal(page.concluded, timeout=10_000):
        sign_with(qtbot, page, ref="JY23710020000003", chief="hc-wanglei",
                  password="Chief@2026")
    assert page.last is not None
    assert page.last.chief_name == "王磊"
    record = counter.services.cases.record(number)
    assert record.state is CaseState.RESULT_READY
    decided = next(e for e in record.events if e.action.value == "decide_at_window")
    assert [s["id"] for s in decided.details["signatures"]] == ["hc-yujun", "hc-wanglei"]
