"""The hash-chained audit log: links, outbox events, masking, and tampering with the file."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.case import Actor, Channel, Role
from sync.audit import GENESIS, AuditLog, entry_hash
from sync.protocol import AuditEntry, payload_sha256
from sync.store import Store, open_store
from tests.helpers.clock import FakeClock

CLERK = Actor(id="hc-lixue", role=Role.CLERK, channel=Channel.WINDOW, terminal_id="W02",
              hall_id="hc-zwzx")
CHIEF = Actor(id="hc-yujun", role=Role.CHIEF, channel=Channel.WINDOW, terminal_id="W01",
              hall_id="hc-zwzx")
PERSON_ID = "371002199001011237"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "data")
    yield s
    s.close()


@pytest.fixture
def audit(store: Store, clock: FakeClock) -> AuditLog:
    return AuditLog(store=store, now=clock.now, terminal_id="W02")


def _fill(audit: AuditLog, n: int = 5) -> None:
    for i in range(n):
        audit.viewed_personal_data(CLERK, f"case:TW02-20260302-{i + 1}", "申请人身份证号码")


def _outbox(store: Store) -> list[tuple[str, dict[str, object], str]]:
    with store.journal.read() as conn:
        rows = conn.execute("SELECT kind, payload, sha256 FROM outbox ORDER BY seq").fetchall()
    return [(r[0], json.loads(r[1]), r[2]) for r in rows]


def _tamper(store: Store, sql: str, *args: object) -> None:
    """Change the journal behind the program's back, as someone with the file would."""
    conn = sqlite3.connect(store.journal.path)
    try:
        conn.execute(sql, args)
        conn.commit()
    finally:
        conn.close()


def test_entries_chain_and_each_goes_to_the_outbox(audit: AuditLog, store: Store) -> None:
    first = audit.record(CLERK, "case.open", "case:TW02-20260302-1", {"item": "个体工商户设立登记"})
    second = audit.decided(CLERK, "case:TW02-20260302-1", "accept")
    assert first.seq == 1
    assert first.prev_hash == GENESIS
    assert second.prev_hash == first.hash
    assert first.details["role"] == "综合受理"
    assert first.details["terminal"] == "W02"
    events = _outbox(store)
    assert [k for k, _, _ in events] == ["audit.entry", "audit.entry"]
    payload = AuditEntry.model_validate(events[1][1])
    assert payload.entry_hash == second.hash
    assert payload.prev_hash == first.hash
    assert events[1][2] == payload_sha256(events[1][1])


def test_the_gateway_can_recompute_each_link_from_the_event(
    audit: AuditLog, store: Store
) -> None:
    _fill(audit, 3)
    for _, payload, _ in _outbox(store):
        body = {k: v for k, v in payload.items() if k not in ("entry_hash", "prev_hash")}
        assert entry_hash(str(payload["prev_hash"]), body) == payload["entry_hash"]


def test_times_strictly_increase_even_when_the_clock_stands_still(
    audit: AuditLog, clock: FakeClock
) -> None:
    _fill(audit, 3)
    clock.set(clock.now() - dt.timedelta(hours=1))  # the clock jumped back
    _fill(audit, 1)
    times = [e.at for e in audit.entries()]
    assert all(a < b for a, b in zip(times, times[1:], strict=False))
    assert audit.verify_chain().ok


def test_entry_rolls_back_with_the_change_it_records(audit: AuditLog, store: Store) -> None:
    def change_that_fails() -> None:
        with store.local_change() as conn:
            conn.execute(
                "INSERT INTO drafts (id, kind, created_at, updated_at, doc) VALUES"
                " ('d1', 'case', 'x', 'x', '{}')"
            )
            audit.decided(CLERK, "case:d1", "accept", conn=conn)
            raise RuntimeError("the change failed")

    with pytest.raises(RuntimeError, match="failed"):
        change_that_fails()
    assert audit.entries() == []
    assert _outbox(store) == []
    assert audit.record(CLERK, "case.open", "case:d1").seq == 1  # no gap
    assert audit.verify_chain().ok


def test_personal_data_is_masked(audit: AuditLog, store: Store) -> None:
    entry = audit.record(
        CLERK,
        "personal_data.view",
        f"holder:{PERSON_ID}",
        {"id_number": PERSON_ID, "phone": "13812345678",
         "note": f"申请人{PERSON_ID}，电话13812345678", "nested": [{"mobile": "13912345678"}]},
    )
    with store.journal.read() as conn:
        raw = conn.execute("SELECT subject, details FROM audit_log").fetchone()
    text = raw[0] + raw[1] + json.dumps(_outbox(store), ensure_ascii=False)
    assert PERSON_ID not in text
    assert "13812345678" not in text
    assert "13912345678" not in text
    assert entry.details["id_number"] == "371002********1237"
    assert entry.details["phone"] == "138****5678"


def test_decision_names_the_second_signature(audit: AuditLog) -> None:
    entry = audit.decided(CLERK, "case:TW02-20260302-1", "reject", reason="不属于本机关职权范围",
                          approved_by=CHIEF)
    assert entry.action == "decision.reject"
    assert entry.details["approved_by"] == "hc-yujun"
    assert audit.entries(subject="case:TW02-20260302-1") == [entry]


def test_intact_chain_verifies(audit: AuditLog) -> None:
    assert audit.verify_chain().ok
    _fill(audit)
    report = audit.verify_chain()
    assert report.ok
    assert report.entries == 5


def test_edited_row_is_found(audit: AuditLog, store: Store) -> None:
    _fill(audit)
    _tamper(store, "UPDATE audit_log SET details = ? WHERE seq = 3", '{"what":"无"}')
    report = audit.verify_chain()
    assert not report.ok
    assert report.first_bad_seq == 3
    assert "第3条" in report.problem


def test_edited_row_with_a_forged_hash_is_found(audit: AuditLog, store: Store) -> None:
    _fill(audit)
    row = audit.entries()[2]
    forged_body = {"action": row.action, "actor": "someone-else", "subject": row.subject,
                   "at": row.at.timestamp(), "details": row.details}
    forged = entry_hash(row.prev_hash, forged_body)
    _tamper(store, "UPDATE audit_log SET actor = 'someone-else', hash = ? WHERE seq = 3", forged)
    report = audit.verify_chain()
    assert not report.ok
    assert report.first_bad_seq == 3


def test_deleted_row_is_found(audit: AuditLog, store: Store) -> None:
    _fill(audit)
    _tamper(store, "DELETE FROM audit_log WHERE seq = 2")
    report = audit.verify_chain()
    assert not report.ok
    assert report.first_bad_seq == 2


def test_deleted_last_row_is_found(audit: AuditLog, store: Store) -> None:
    _fill(audit)
    _tamper(store, "DELETE FROM audit_log WHERE seq = 5")
    report = audit.verify_chain()
    assert not report.ok
    assert report.first_bad_seq == 5


def test_deleted_and_renumbered_rows_are_found(audit: AuditLog, store: Store) -> None:
    _fill(audit)
    _tamper(store, "DELETE FROM audit_log WHERE seq = 2")
    _tamper(store, "UPDATE audit_log SET seq = seq - 1 WHERE seq > 2")
    _tamper(store, "UPDATE counters SET value = 4 WHERE name = 'audit_seq'")
    report = audit.verify_chain()
    # From the file alone this reads like an altered entry 1 with a forged hash, so
    # the earliest entry that may be bad is named, and the message says both.
    assert not report.ok
    assert report.first_bad_seq == 1
    assert "删除" in report.problem


def test_reordered_rows_are_found(audit: AuditLog, store: Store) -> None:
    _fill(audit)
    _tamper(store, "UPDATE audit_log SET seq = 100 WHERE seq = 3")
    _tamper(store, "UPDATE audit_log SET seq = 3 WHERE seq = 4")
    _tamper(store, "UPDATE audit_log SET seq = 4 WHERE seq = 100")
    report = audit.verify_chain()
    assert not report.ok
    assert report.first_bad_seq == 3


def test_forged_first_link_is_found(audit: AuditLog, store: Store) -> None:
    _fill(audit, 2)
    _tamper(store, "UPDATE audit_log SET prev_hash = ? WHERE seq = 1", "f" * 64)
    report = audit.verify_chain()
    assert not report.ok
    assert report.first_bad_seq == 1


def test_chain_survives_a_restart(tmp_path: Path, clock: FakeClock) -> None:
    with open_store(tmp_path / "d") as s:
        _fill(AuditLog(store=s, now=clock.now), 2)
    with open_store(tmp_path / "d") as s:
        log = AuditLog(store=s, now=clock.now)
        entry = log.record("system", "terminal.start", "terminal:W02")
        assert entry.seq == 3
        assert log.verify_chain().ok
