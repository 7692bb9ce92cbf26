"""统一出件 for every result ready at the hall, and the pickup notice with its code.

Window W02 hands out a result accepted at window W01 (known to W02 only from the
hall's ``case_status`` stream), with the recipient's signature uploaded before the
step; a self-service hand-over prints the 自助取件通知 with the code on it.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from core.case import CaseState
from core.catalog import Catalog, DeliveryMethod
from tests.helpers.gateway import RunningGateway
from tests.helpers.printer import FakePrinter
from tests.helpers.terminal_sync import terminal
from tests.window_client.test_issuing import (  # noqa: F401  (fixtures: demo, gateway, counter)
    GETIHU,
    HALL,
    ID_CARD,
    PERSON_ID,
    Counter,
    counter,
    demo,
    gateway,
    make_counter,
    make_page,
    ready_result,
    sign,
)
from widgets.task_runner import TaskRunner

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def other_window(gateway: RunningGateway, tmp_path: Path, demo: Catalog,  # noqa: F811
                 paper_maker) -> Iterator[Counter]:
    """Window W01 of the same hall: it accepts; the page under test (W02) hands out."""
    term = terminal(gateway, tmp_path / "w01", hall_id=HALL, slot="W01")
    try:
        yield make_counter(gateway, term, demo, paper_maker, FakePrinter("a4"))
    finally:
        term.close()


def accepted_elsewhere(other: Counter, here: Counter, item_id: str) -> str:
    """A result accepted at ``other``, ready, and pulled by ``here``; its official number."""
    number = ready_result(other, item_id, DeliveryMethod.WINDOW)
    record = other.services.cases.record(number)
    assert record is not None
    assert record.official_number is not None
    here.sync()
    return record.official_number


def printed(printer: FakePrinter, index: int = -1) -> str:
    pdf = printer.printed[index].pdf
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def test_a_result_accepted_at_another_window_is_listed_signed_for_and_delivered(
    qtbot, counter: Counter, other_window: Counter, runner: TaskRunner,  # noqa: F811
    tmp_path: Path,
) -> None:
    official = accepted_elsewhere(other_window, counter, GETIHU)
    assert counter.services.cases.record(official) is None  # this window never held it

    page = make_page(qtbot, counter, runner, tmp_path, account="hc-yujun")
    with qtbot.waitSignal(page.results_shown, timeout=10_000):
        page.refresh()
    numbers = [r.number for r in page._results]
    assert official in numbers
    page.results.setCurrentRow(numbers.index(official))
    item = page.results.currentItem()
    assert item is not None
    assert "他处受理" in item.text()
    qtbot.waitUntil(lambda: "核对领取人身份证件" in page.recipient_hint.text(), timeout=5_000)
    assert page.recipient.text() == ""  # only the masked name is known here

    page.choose(DeliveryMethod.WINDOW)
    page.recipient.insert("张三")  # typed through the input method (QTest types ASCII only)
    sign(page)
    page.grab().save(str(tmp_path / "issuing_elsewhere.png"))
    with qtbot.waitSignal(page.delivered, timeout=10_000):
        qtbot.keyClick(page.recipient, Qt.Key.Key_Return)
    done = page.last
    assert done is not None
    assert done.signature_sha256

    text = counter.printed_text()
    assert "出件签收单" in text
    assert official in text
    assert "张三" in text
    assert PERSON_ID not in text

    counter.sync()
    assert counter.gateway_case(official)[0] == "delivered"
    with counter.gateway.store.db.write() as tx:
        assert counter.gateway.store.has_blob(tx, done.signature_sha256)
    qtbot.waitUntil(lambda: official not in [r.number for r in page._results], timeout=10_000)
    # the window that accepted it sees it handed out
    other_window.sync()
    other_window.services.cases.apply_status()
    held = other_window.services.cases.record(official)
    assert held is not None
    assert held.state is CaseState.DELIVERED


def test_locker_notice_of_a_result_accepted_elsewhere_prints_the_code(
    qtbot, counter: Counter, other_window: Counter, runner: TaskRunner,  # noqa: F811
    tmp_path: Path,
) -> None:
    official = accepted_elsewhere(other_window, counter, ID_CARD)
    page = make_page(qtbot, counter, runner, tmp_path, account="hc-yujun")
    with qtbot.waitSignal(page.results_shown, timeout=10_000):
        page.refresh()
    numbers = [r.number for r in page._results]
    page.results.setCurrentRow(numbers.index(official))
    page.choose(DeliveryMethod.LOCKER)
    qtbot.keyClicks(page.compartment, "B12")
    with qtbot.waitSignal(page.delivered, timeout=10_000):
        qtbot.keyClick(page.compartment, Qt.Key.Key_Return)
    done = page.last
    assert done is not None
    assert done.issued is not None

    text = counter.printed_text().replace(" ", "").replace("\n", "")
    assert "自助取件通知" in text
    assert f"取件码{done.issued.code}" in text
    assert "B12号柜格" in text
    assert counter.gateway_case(official) == ("result_ready", "locker")


def test_a_held_case_notice_carries_its_code_too(
    qtbot, counter: Counter, runner: TaskRunner, tmp_path: Path  # noqa: F811
) -> None:
    number = ready_result(counter, GETIHU, DeliveryMethod.WINDOW)
    page = make_page(qtbot, counter, runner, tmp_path)
    with qtbot.waitSignal(page.results_shown, timeout=10_000):
        page.refresh()
    page.results.setCurrentRow([r.number for r in page._results].index(number))
    page.choose(DeliveryMethod.KIOSK_PRINT)
    with qtbot.waitSignal(page.delivered, timeout=10_000):
        qtbot.keyClick(page.confirm, Qt.Key.Key_Return)
    done = page.last
    assert done is not None
    assert done.issued is not None
    text = counter.printed_text().replace(" ", "").replace("\n", "")
    assert f"取件码{done.issued.code}" in text
    assert "24小时自助终端" in text
    assert PERSON_ID not in text
