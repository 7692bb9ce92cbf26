"""Statistics export: one table of rows with Chinese headers, written as CSV or XLSX.

The CSV is UTF-8 with a byte-order mark so Excel and WPS open the Chinese text
correctly; the XLSX has one sheet per section (openpyxl). Both carry the same rows.
Rows by item and by clerk carry the item's code or the clerk's account beside the
name, so a figure can be traced back (two clerks may share a name).
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

from core.errors import EnvironmentProblem, msg
from sync.stats_protocol import Count, StatsReport

log = logging.getLogger(__name__)

HEADERS = ("类别", "项目", "编码/账号", "数值", "说明")

Row = tuple[str, str, str, str, str]


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _minutes(seconds: float | None) -> str:
    return "—" if seconds is None else f"{seconds / 60:.1f}"


def _counts(section: str, counts: Sequence[Count], *, with_key: bool = False) -> list[Row]:
    return [(section, c.label, c.key if with_key else "", str(c.count), "") for c in counts]


def report_rows(report: StatsReport) -> list[Row]:
    """Every figure of ``report`` as (类别, 项目, 编码/账号, 数值, 说明) rows.

    Pass the report as shown (clerks named, see
    :meth:`~window_client.statistics.StatisticsPage.labelled_report`): 项目 is what the
    page shows, 编码/账号 the item code or clerk account it stands for.
    """
    period = f"{report.start:%Y-%m-%d} 至 {report.end:%Y-%m-%d}"
    rows: list[Row] = [
        ("概况", "统计区间", "", period, f"大厅 {report.hall_id}"),
        ("概况", "办件总数", "", str(report.total_cases), ""),
        ("概况", "窗口办结（最多签两次）", "", str(report.window_decisions), ""),
        ("概况", "取号人数", "", str(report.tickets), ""),
        ("概况", "平均等候（分钟）", "", _minutes(report.waiting.average_seconds),
         f"最长 {_minutes(report.waiting.max_seconds)} 分钟"),
        ("概况", "平均办理（分钟）", "", _minutes(report.handling.average_seconds),
         f"最长 {_minutes(report.handling.max_seconds)} 分钟"),
        ("概况", "评价总数", "", str(report.evaluations_total), ""),
        ("概况", "差评数", "", str(report.bad_reviews), ""),
    ]
    rows += [
        ("指标", i.name, "", _percent(i.value), f"{i.definition} 目标：{i.target or '—'}")
        for i in report.indicators
    ]
    rows += _counts("按事项", report.by_item, with_key=True)
    rows += _counts("按渠道", report.by_channel)
    rows += _counts("按经办人", report.by_clerk, with_key=True)
    rows += _counts("按受理结果", report.by_outcome)
    rows += _counts("按办件状态", report.by_state)
    rows += _counts("出件方式", report.deliveries)
    rows += _counts("评价等级", report.evaluations)
    rows += _counts("差评整改", report.follow_ups)
    return rows


def write_csv(report: StatsReport, path: Path) -> Path:
    """Write the rows as UTF-8 CSV (with BOM).

    Raises:
        EnvironmentProblem: the file cannot be written.
    """
    try:
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(HEADERS)
            writer.writerows(report_rows(report))
    except OSError as exc:
        raise EnvironmentProblem(
            msg("无法写入导出文件：{error}", error=exc.strerror or str(exc))) from exc
    log.info("statistics exported as CSV")
    return path


def write_xlsx(report: StatsReport, path: Path) -> Path:
    """Write the rows as an Excel workbook, one sheet per 类别.

    Raises:
        EnvironmentProblem: the file cannot be written.
    """
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for row in report_rows(report):
        title = row[0]
        sheet = book[title] if title in book.sheetnames else None
        if sheet is None:
            sheet = book.create_sheet(title)
            sheet.append(list(HEADERS))
            for column, width in zip("ABCDE", (14, 28, 34, 14, 60), strict=True):
                sheet.column_dimensions[column].width = width
        sheet.append(list(row))
    try:
        book.save(path)
    except OSError as exc:
        raise EnvironmentProblem(
            msg("无法写入导出文件：{error}", error=exc.strerror or str(exc))) from exc
    log.info("statistics exported as XLSX")
    return path
