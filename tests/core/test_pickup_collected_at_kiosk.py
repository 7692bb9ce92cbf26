"""On the wired kiosk with a real gateway: a result collected elsewhere is said as such.

Another terminal of the hall hands the result out; the gateway marks it collected
and the kiosk's next pull brings that. The applicant who then types the right code
and ID tail at the kiosk is told when it was collected (and where to ask), not that
the code is wrong; a wrong ID tail still learns nothing and counts as a failure.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sync.protocol import EventKind, PickupCollected
from tests.e2e import test_kiosk_pickup
from tests.e2e.test_kiosk_citizen import HALL, _holders
from tests.e2e.test_kiosk_pickup import Kiosk, _answered, pick_up_by_code, ready_for_pickup
from tests.helpers.terminal_sync import enqueue, terminal

kiosk = test_kiosk_pickup.kiosk  # the wired kiosk fixture, shared

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_a_result_collected_at_another_terminal_is_said_with_its_time(
    qtbot, kiosk: Kiosk, tmp_path: Path
):
    official, code = ready_for_pickup(qtbot, kiosk)
    tail = _holders()[0][0].id_number[-4:]
    with kiosk.gateway.store.db.read() as tx:
        row = tx.one("SELECT pickup_id FROM pickups WHERE case_number = ?", (official,))
    assert row is not None
    pickup_id = str(row[0])

    # the neighbouring kiosk hands it out; the gateway records when
    other = terminal(kiosk.gateway, tmp_path / "k02", hall_id=HALL, slot="K02")
    try:
        enqueue(other.store, EventKind.PICKUP_COLLECTED.value, PickupCollected(
            pickup_id=pickup_id, method="print", verified_by="pickup_code",
        ).model_dump(mode="json"))
        other.engine.push()
    finally:
        other.close()
    assert kiosk.pickup_state(official) == "collected"
    when = kiosk.gateway.clock.now()
    kiosk.gateway.clock.advance(hours=2)
    kiosk.sync()

    screen = kiosk.window.pickup
    wrong_tail = "0000" if tail != "0000" else "1111"
    pick_up_by_code(qtbot, kiosk, code, wrong_tail)
    qtbot.waitUntil(lambda: _answered(screen), timeout=10000)
    assert "不正确，还可尝试4次" in screen.message.text()
    assert "领取，" not in screen.message.text()
    kiosk.window.end_session()

    pick_up_by_code(qtbot, kiosk, code, tail)
    qtbot.waitUntil(lambda: _answered(screen), timeout=10000)
    assert screen.message.text() == (
        f"该结果已于 {when:%Y年%m月%d日 %H:%M} 领取，如有疑问请呼叫帮办或到窗口咨询"
    )
    assert kiosk.a4.printed == []
    assert not screen.holds_personal_data()
    kiosk.window.end_session()

    # the right code did not reset the count of wrong ones
    pick_up_by_code(qtbot, kiosk, code, wrong_tail)
    qtbot.waitUntil(lambda: _answered(screen), timeout=10000)
    assert "还可尝试3次" in screen.message.text()
