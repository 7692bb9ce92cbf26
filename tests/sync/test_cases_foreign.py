"""Steps on cases this terminal does not hold, and files that travel with a step.

A result accepted at a kiosk or at another window is ready at the hall; the window
that hands it out knows the case only from the hall's ``case_status`` stream. It asks
the gateway for the step with the official number; the gateway applies the rule book
to the case as it stands there. Everything runs against the real gateway on loopback.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from core.calendar import WorkingCalendar
from core.case import (
    Action,
    Actor,
    Applicant,
    Case,
    CaseState,
    Channel,
    MarkKind,
    MaterialMark,
    Role,
)
from core.catalog import Audience, Catalog, DeliveryMethod
from core.errors import IllegalTransition, NotPermitted, ValidationFailed
from sync.audit import AuditLog
from sync.cases import CaseRepository
from sync.catalog_files import load_catalog
from sync.engine import BLOB_DIR, BlobFolder
from tests.helpers.gateway import RunningGateway, running_gateway
from tests.helpers.terminal_sync import Terminal, outbox, terminal

REPO = Path(__file__).resolve().parents[2]
HALL = "hc-zwzx"
GETIHU = "113710020041826000000126004000"  # 个体工商户设立登记: window, kiosk_print, mobile
CALENDAR = WorkingCalendar.from_dict(
    {"years": [json.loads(p.read_text(encoding="utf-8"))
               for p in (REPO / "resources" / "holidays").glob("*.json")]}
)


@dataclass
class Window:
    """One window client: its enrolled terminal and its case repository."""

    terminal: Terminal
    cases: CaseRepository
    terminal_id: str

    def sync(self) -> None:
        self.terminal.engine.push()
        self.terminal.engine.pull()

    def actor(self, role: Role, clerk: str = "hc-lixue") -> Actor:
        return Actor(id=clerk, role=role, channel=Channel.WINDOW,
                     terminal_id=self.terminal_id, hall_id=HALL)


@pytest.fixture(scope="module")
def demo() -> Catalog:
    return load_catalog(REPO / "resources" / "catalog")


@pytest.fixture
def gateway(tmp_path: Path, demo: Catalog) -> Iterator[RunningGateway]:
    with running_gateway(tmp_path / "gateway.db") as running:
        running.publish(demo)
        yield running


def _window(gateway: RunningGateway, folder: Path, slot: str) -> Window:
    term = terminal(gateway, folder, hall_id=HALL, slot=slot)
    audit = AuditLog(store=term.store, now=gateway.clock.now, terminal_id=slot)
    cases = CaseRepository(store=term.store, audit=audit, terminal_id=slot, clock=gateway.clock)
    return Window(terminal=term, cases=cases, terminal_id=slot)


@pytest.fixture
def accepting(gateway: RunningGateway, tmp_path: Path) -> Iterator[Window]:
    """The window that accepted the case."""
    window = _window(gateway, tmp_path / "w01", "W01")
    yield window
    window.terminal.close()


@pytest.fixture
def issuing(gateway: RunningGateway, tmp_path: Path) -> Iterator[Window]:
    """The 统一出件 window, which never saw the case."""
    window = _window(gateway, tmp_path / "w02", "W02")
    yield window
    window.terminal.close()


def accept(window: Window, demo: Catalog, gateway: RunningGateway) -> str:
    item = next(i for i in demo.items if i.id == GETIHU)
    actor = window.actor(Role.CLERK)

    def build(number: str) -> Case:
        case = Case.open(
            number=number, item=item, situation_id=item.situations[0].id,
            applicant=Applicant(kind=Audience.PERSONAL, name="张三",
                                id_number="371002199001011237", phone="13812345678"),
            actor=actor, clock=gateway.clock, calendar=CALENDAR,
        )
        case.mark_all(MaterialMark(material_id=m.id, kind=MarkKind.PAPER)
                      for m in case.materials())
        case.receive(actor)
        case.accept(actor)
        return case

    return window.cases.create(build, delivery=DeliveryMethod.WINDOW).record.number


def result_ready(window: Window, demo: Catalog, gateway: RunningGateway) -> str:
    """Accept at ``window``, let the back office publish the result; the official number."""
    number = accept(window, demo, gateway)
    window.sync()
    for _ in range(6):
        gateway.clock.advance(_dt.timedelta(hours=3))
        gateway.services.run_upstream_once()
        if gateway_state(gateway) == "result_ready":
            break
    window.sync()
    window.cases.apply_status()
    record = window.cases.record(number)
    assert record is not None
    assert record.state is CaseState.RESULT_READY
    assert record.official_number is not None
    return record.official_number


def gateway_state(gateway: RunningGateway, number: str | None = None) -> str:
    with gateway.store.db.write() as tx:
        if number is None:
            row = tx.one("SELECT state FROM cases ORDER BY updated_at DESC LIMIT 1")
        else:
            row = tx.one("SELECT state FROM cases WHERE case_number = ?", (number,))
    assert row is not None
    return str(row[0])


def gateway_has_blob(gateway: RunningGateway, sha256: str) -> bool:
    with gateway.store.db.write() as tx:
        return bool(gateway.store.has_blob(tx, sha256))


def test_a_result_accepted_elsewhere_is_listed_and_delivered_through_the_gateway(
    gateway: RunningGateway, demo: Catalog, accepting: Window, issuing: Window
) -> None:
    official = result_ready(accepting, demo, gateway)
    issuing.sync()

    ready = issuing.cases.hall_cases(states=[CaseState.RESULT_READY])
    assert [c.case_number for c in ready] == [official]
    remote = ready[0]
    assert remote.item_id == GETIHU
    assert remote.applicant == "张*"  # masked: the status stream carries no more
    assert remote.provisional_number.startswith("TW01-")
    # the accepting window holds the case, so it lists it as its own, not as foreign
    assert accepting.cases.hall_cases(states=[CaseState.RESULT_READY]) == []

    signature = b"\x89PNG\r\n\x1a\n signature strokes"
    digest = BlobFolder(issuing.terminal.store.data_dir / BLOB_DIR).put(signature)
    issuing.cases.request_step(
        official, action=Action.DELIVER, actor=issuing.actor(Role.ISSUER, "hc-chenjing"),
        reason="出件（窗口领取）", details={"method": "window"}, attachments=[digest],
    )
    # on its way: not offered twice while the status has not caught up
    assert issuing.cases.hall_cases(states=[CaseState.RESULT_READY]) == []

    report = issuing.terminal.engine.push()
    assert report.acked >= 1
    assert report.rejected == 0
    assert gateway_state(gateway, official) == "delivered"
    assert gateway_has_blob(gateway, digest)  # the signature went up before the step
    assert hashlib.sha256(signature).hexdigest() == digest

    issuing.terminal.engine.pull()
    assert issuing.cases.hall_cases(states=[CaseState.RESULT_READY]) == []
    delivered = issuing.cases.hall_case(official)
    assert delivered is not None
    assert delivered.state is CaseState.DELIVERED
    # the accepting window's own record follows the platform
    accepting.sync()
    accepting.cases.apply_status()
    assert accepting.cases.record(official).state is CaseState.DELIVERED  # type: ignore[union-attr]
    # the decision is in this window's audit log, on an intact chain
    audit = AuditLog(store=issuing.terminal.store, terminal_id="W02")
    decided = audit.entries(subject=f"case:{official}")
    assert [(e.actor, e.details["to"]) for e in decided] == [("hc-chenjing", "delivered")]
    assert audit.verify_chain().ok


def test_a_step_the_gateway_refuses_is_rejected_and_the_case_offered_again(
    gateway: RunningGateway, demo: Catalog, accepting: Window, issuing: Window
) -> None:
    official = result_ready(accepting, demo, gateway)
    issuing.sync()
    issuing.cases.request_step(official, action=Action.DELIVER,
                               actor=issuing.actor(Role.ISSUER, "hc-chenjing"))
    # meanwhile the accepting window hands it out itself
    item = next(i for i in demo.items if i.id == GETIHU)
    case = accepting.cases.load(official, item=item, calendar=CALENDAR)
    case.deliver(accepting.actor(Role.CLERK), method=DeliveryMethod.MOBILE)
    accepting.cases.save(case)
    accepting.terminal.engine.push()

    report = issuing.terminal.engine.push()

    assert report.rejected == 1
    with issuing.terminal.store.journal.read() as conn:
        state, result = conn.execute(
            "SELECT state, result FROM outbox WHERE kind = 'case.transition_requested'"
        ).fetchone()
    assert state == "rejected"  # in the needs-attention list, never dropped
    assert "case.illegal_transition" in result
    # refused: until the status says otherwise, the case is offered again
    offered = issuing.cases.hall_cases(states=[CaseState.RESULT_READY])
    assert [c.case_number for c in offered] == [official]
    issuing.terminal.engine.pull()
    assert issuing.cases.hall_case(official).state is CaseState.DELIVERED  # type: ignore[union-attr]


def test_the_rules_are_checked_before_anything_is_queued(
    gateway: RunningGateway, demo: Catalog, accepting: Window, issuing: Window
) -> None:
    official = result_ready(accepting, demo, gateway)
    issuing.sync()
    before = len(outbox(issuing.terminal.store))

    with pytest.raises(ValidationFailed, match="本大厅没有"):
        issuing.cases.request_step("3710029999999999", action=Action.DELIVER,
                                   actor=issuing.actor(Role.ISSUER))
    with pytest.raises(NotPermitted):
        issuing.cases.request_step(official, action=Action.DELIVER,
                                   actor=issuing.actor(Role.ADMIN, "wh-admin"))
    with pytest.raises(IllegalTransition, match="不能"):
        issuing.cases.request_step(official, action=Action.ACCEPT,
                                   actor=issuing.actor(Role.CLERK))
    with pytest.raises(ValidationFailed, match="本机保存有这个办件"):
        accepting.cases.request_step(official, action=Action.DELIVER,
                                     actor=accepting.actor(Role.ISSUER))
    assert len(outbox(issuing.terminal.store)) == before


def test_files_saved_with_a_step_of_a_held_case_travel_with_that_step(
    gateway: RunningGateway, demo: Catalog, accepting: Window
) -> None:
    official = result_ready(accepting, demo, gateway)
    digest = BlobFolder(accepting.terminal.store.data_dir / BLOB_DIR).put(b"\x89PNG pad")
    item = next(i for i in demo.items if i.id == GETIHU)
    case = accepting.cases.load(official, item=item, calendar=CALENDAR)
    case.deliver(accepting.actor(Role.CLERK), method=DeliveryMethod.WINDOW, recipient="张三")
    accepting.cases.save(case, attachments=[digest])

    with accepting.terminal.store.journal.read() as conn:
        payload = json.loads(conn.execute(
            "SELECT payload FROM outbox WHERE kind = 'case.transition_requested'"
            " ORDER BY seq DESC LIMIT 1").fetchone()[0])
    assert payload["attachments"] == [digest]
    assert accepting.terminal.engine.push().acked >= 1
    assert gateway_has_blob(gateway, digest)
    assert gateway_state(gateway, official) == "delivered"
