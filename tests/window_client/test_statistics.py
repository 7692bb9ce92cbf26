"""The statistics page against a real gateway: numbers, tooltips, CSV and XLSX read back."""

from __future__ import annotations

import csv
import dataclasses
import datetime as _dt
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt

from core.accounts import Account, AuditNote, Clerk, ScryptParams, hash_secret
from core.case import Role
from core.clock import hall_date
from sync.accounts_store import AccountStore
from sync.help_client import HttpDeskTransport
from sync.store import open_store
from tests.gateway.events import event, submission
from tests.gateway.test_stats import _catalog, _push, _window_case
from tests.helpers.catalog import InMemoryCatalog
from tests.helpers.gateway import RunningGateway, gateway  # noqa: F401  (fixture)
from tests.helpers.printer import FakePrinter
from tests.window_client.conftest import build_services
from widgets.task_runner import TaskRunner
from window_client.results_desk import DeskServices
from window_client.statistics import StatisticsPage

HALL = "H-WH-01"


def test_statistics_page_shows_and_exports_what_was_sent(
    qtbot, gateway: RunningGateway, tmp_path: Path  # noqa: F811 - the fixture
) -> None:
    gateway.publish(_catalog())
    client = gateway.enrol(hall_id=HALL, slot="W03")
    _push(
        client,
        event(1, "case.submitted", _window_case(1, item="370000-CR-001", state="accepted",
                                                actor="wh-wangfang")),
        event(2, "case.submitted", submission("TK01-20260302-1", channel="kiosk")),
        event(3, "evaluation.submitted", {"level": 1, "reasons": ["办事效率低"],
                                          "case_number": None, "channel": "kiosk"}),
    )
    transport = HttpDeskTransport(base_url=gateway.url, credential=client.credential,
                                  clock=lambda: gateway.clock.now().timestamp())
    runner = TaskRunner()
    try:
        page = StatisticsPage(desk=DeskServices(transport=transport), runner=runner,
                              today=hall_date(gateway.clock.now()))
        qtbot.addWidget(page)
        page.resize(1200, 900)
        page.show()
        page.refresh()
        qtbot.waitUntil(lambda: page.report is not None, timeout=10_000)
        assert page.report is not None
        assert "办件 2 件" in page.summary.text()
        assert {c.label: c.count for c in page.charts["by_channel"].counts()} == {
            "窗口": 1, "自助终端": 1}
        online = page.indicator_labels["online_rate"]
        assert "50.0%" in online.text()
        assert "÷" in online.toolTip()
        page.grab().save(str(tmp_path / "statistics.png"))

        written = page.export_to(tmp_path / "stats.csv", "csv")
        assert written is not None
        with written.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        assert rows[0] == ["类别", "项目", "编码/账号", "数值", "说明"]
        assert ["概况", "办件总数", "", "2", ""] in rows
        assert any(r[:4] == ["指标", "在线申办率", "", "50.0%"] for r in rows)
        assert ["按渠道", "窗口", "", "1", ""] in rows
        assert ["按事项", "普通护照签发", "370000-CR-001", "1", ""] in rows
        assert ["概况", "差评数", "", "1", ""] in rows

        book = load_workbook(page.export_to(tmp_path / "stats.xlsx", "xlsx"))
        assert "指标" in book.sheetnames
        sheet = book["概况"]
        values = [[c.value for c in row] for row in sheet.iter_rows()]
        assert values[0] == ["类别", "项目", "编码/账号", "数值", "说明"]
        assert ["概况", "办件总数", None, "2", None] in values

        # A range with nothing in it.
        page.start.setDate(page.start.date().addDays(-40))
        page.end.setDate(page.start.date())
        page.refresh()
        qtbot.waitUntil(lambda: page.report is not None and page.report.total_cases == 0,
                        timeout=10_000)
        assert page.report.start < hall_date(gateway.clock.now()) - _dt.timedelta(days=30)
    finally:
        runner.shutdown()


def _clerk(account: str, name: str) -> Account:
    return Account(
        clerk=Clerk(id=account, name=name, roles=(Role.CLERK,), hall_id=HALL, window="3"),
        password_hash=hash_secret("Counter@2026", params=ScryptParams(n=2**4)),
    )


def test_by_clerk_shows_names_and_the_export_keeps_the_accounts(
    qtbot, gateway: RunningGateway, tmp_path: Path, paper_maker,  # noqa: F811 - the fixture
) -> None:
    gateway.publish(_catalog())
    client = gateway.enrol(hall_id=HALL, slot="W03")
    accepted = [("h-wangfang", 1), ("h-wangfang", 2), ("h-wangfang2", 3), ("h-liuyang", 4),
                ("h-gone", 5)]
    _push(client, *(
        event(n, "case.submitted", _window_case(n, item="370000-CR-001", state="accepted",
                                                actor=account))
        for account, n in accepted
    ))
    with open_store(tmp_path / "counter") as store:
        services = dataclasses.replace(build_services(
            store=store, clock=gateway.clock, catalog=InMemoryCatalog(_catalog()),
            hall_id=HALL, papers=paper_maker, printer=FakePrinter("a4"),
        ), store=store)  # as the composition root wires it: names come from the store
        accounts = AccountStore(store=store, audit=services.audit)
        for account, name in (("h-wangfang", "王芳"), ("h-wangfang2", "王芳"),
                              ("h-liuyang", "刘洋")):
            accounts.save(_clerk(account, name),
                          AuditNote(actor="h-admin", action="account.created",
                                    subject=f"account:{account}"))
        transport = HttpDeskTransport(base_url=gateway.url, credential=client.credential,
                                      clock=lambda: gateway.clock.now().timestamp())
        runner = TaskRunner()
        try:
            page = StatisticsPage(desk=DeskServices(transport=transport), runner=runner,
                                  today=hall_date(gateway.clock.now()),
                                  clerks=services.hall_clerks)
            qtbot.addWidget(page)
            page.resize(1200, 900)
            page.show()
            qtbot.mouseClick(page.query, Qt.MouseButton.LeftButton)
            chart = page.charts["by_clerk"]
            qtbot.waitUntil(
                lambda: "刘洋" in {c.label for c in chart.counts()}, timeout=10_000)
            shown = {c.label: c.count for c in chart.counts()}
            # two 王芳: each with the account; an account this terminal does not know
            # (made elsewhere, since removed) stays as it is
            assert shown == {"王芳（h-wangfang）": 2, "王芳（h-wangfang2）": 1, "刘洋": 1,
                             "h-gone": 1}
            assert "wh-wangfang" not in shown  # the demo clerks of another hall are not used
            below = page.charts["deliveries"]  # the named bars are laid out: none overlaps
            qtbot.waitUntil(lambda: below.y() > chart.geometry().bottom())
            page.grab().save(str(tmp_path / "statistics_names.png"))

            written = page.export_to(tmp_path / "stats.csv", "csv")
            assert written is not None
            with written.open(encoding="utf-8-sig", newline="") as f:
                rows = [r for r in csv.reader(f) if r[0] == "按经办人"]
            assert sorted(rows) == sorted([
                ["按经办人", "王芳（h-wangfang）", "h-wangfang", "2", ""],
                ["按经办人", "王芳（h-wangfang2）", "h-wangfang2", "1", ""],
                ["按经办人", "刘洋", "h-liuyang", "1", ""],
                ["按经办人", "h-gone", "h-gone", "1", ""],
            ])
            book = load_workbook(page.export_to(tmp_path / "stats.xlsx", "xlsx"))
            values = [[c.value for c in row] for row in book["按经办人"].iter_rows()]
            assert values[0] == ["类别", "项目", "编码/账号", "数值", "说明"]
            assert ["按经办人", "刘洋", "h-liuyang", "1", None] in values
        finally:
            runner.shutdown()
