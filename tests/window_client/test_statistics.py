"""The statistics page against a real gateway: numbers, tooltips, CSV and XLSX read back."""

from __future__ import annotations

import csv
import datetime as _dt
from pathlib import Path

from openpyxl import load_workbook

from core.clock import hall_date
from sync.help_client import HttpDeskTransport
from tests.gateway.events import event, submission
from tests.gateway.test_stats import _catalog, _push, _window_case
from tests.helpers.gateway import RunningGateway, gateway  # noqa: F401  (fixture)
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
        assert rows[0] == ["类别", "项目", "数值", "说明"]
        assert ["概况", "办件总数", "2", ""] in rows
        assert any(r[:3] == ["指标", "在线申办率", "50.0%"] for r in rows)
        assert ["按渠道", "窗口", "1", ""] in rows
        assert ["概况", "差评数", "1", ""] in rows

        book = load_workbook(page.export_to(tmp_path / "stats.xlsx", "xlsx"))
        assert "指标" in book.sheetnames
        sheet = book["概况"]
        values = [[c.value for c in row] for row in sheet.iter_rows()]
        assert values[0] == ["类别", "项目", "数值", "说明"]
        assert ["概况", "办件总数", "2", None] in values or ["概况", "办件总数", "2", ""] in values

        # A range with nothing in it.
        page.start.setDate(page.start.date().addDays(-40))
        page.end.setDate(page.start.date())
        page.refresh()
        qtbot.waitUntil(lambda: page.report is not None and page.report.total_cases == 0,
                        timeout=10_000)
        assert page.report.start < hall_date(gateway.clock.now()) - _dt.timedelta(days=30)
    finally:
        runner.shutdown()
