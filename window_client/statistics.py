"""统计: the hall's figures from the gateway, as indicator cards and bar charts.

The clerk picks a date range and presses 查询 (or F5); the report is aggregated on the
gateway in real time (seed 003 §12). Each indicator's definition is its tooltip.
Charts are painted here (horizontal bars with their numbers), so they look the same
on every platform without the QtCharts add-on. 导出 writes CSV or XLSX with Chinese
headers.
"""

from __future__ import annotations

import datetime as _dt
import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPaintEvent, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.clock import HALL_TZ, hall_date
from core.errors import EnvironmentProblem, UserFacingError
from sync.stats_protocol import Count, StatsReport
from widgets.i18n import arg, error_text
from widgets.layout import styled_label
from widgets.task_runner import TaskRunner
from window_client.pages import PAGES_CONTEXT, PageContext, PageSpec
from window_client.results_desk import DeskServices
from window_client.statistics_export import write_csv, write_xlsx

log = logging.getLogger(__name__)

STATS_CONTEXT = "StatsLabels"
_GATEWAY_LABELS = (
        QT_TRANSLATE_NOOP("StatsLabels", "草稿"),
        QT_TRANSLATE_NOOP("StatsLabels", "已收件"),
        QT_TRANSLATE_NOOP("StatsLabels", "已受理"),
        QT_TRANSLATE_NOOP("StatsLabels", "容缺受理"),
        QT_TRANSLATE_NOOP("StatsLabels", "告知承诺受理"),
        QT_TRANSLATE_NOOP("StatsLabels", "待补正"),
        QT_TRANSLATE_NOOP("StatsLabels", "不予受理"),
        QT_TRANSLATE_NOOP("StatsLabels", "审查中"),
        QT_TRANSLATE_NOOP("StatsLabels", "准予办理"),
        QT_TRANSLATE_NOOP("StatsLabels", "不予办理"),
        QT_TRANSLATE_NOOP("StatsLabels", "待领取"),
        QT_TRANSLATE_NOOP("StatsLabels", "已出件"),
        QT_TRANSLATE_NOOP("StatsLabels", "已撤回"),
        QT_TRANSLATE_NOOP("StatsLabels", "待回访"),
        QT_TRANSLATE_NOOP("StatsLabels", "已回访"),
        QT_TRANSLATE_NOOP("StatsLabels", "已整改"),
        QT_TRANSLATE_NOOP("StatsLabels", "整改已认可"),
        QT_TRANSLATE_NOOP("StatsLabels", "已关闭"),
        QT_TRANSLATE_NOOP("StatsLabels", "非常满意"),
        QT_TRANSLATE_NOOP("StatsLabels", "满意"),
        QT_TRANSLATE_NOOP("StatsLabels", "基本满意"),
        QT_TRANSLATE_NOOP("StatsLabels", "不满意"),
        QT_TRANSLATE_NOOP("StatsLabels", "非常不满意"),
        QT_TRANSLATE_NOOP("StatsLabels", "窗口"),
        QT_TRANSLATE_NOOP("StatsLabels", "自助终端"),
        QT_TRANSLATE_NOOP("StatsLabels", "网上/掌上"),
        QT_TRANSLATE_NOOP("StatsLabels", "窗口领取"),
        QT_TRANSLATE_NOOP("StatsLabels", "邮政寄递"),
        QT_TRANSLATE_NOOP("StatsLabels", "自助终端打印"),
        QT_TRANSLATE_NOOP("StatsLabels", "智能文件柜"),
        QT_TRANSLATE_NOOP("StatsLabels", "手机端推送"),
        QT_TRANSLATE_NOOP("StatsLabels", "在线申办率"),
        QT_TRANSLATE_NOOP("StatsLabels", "综合窗口通办比例"),
        QT_TRANSLATE_NOOP("StatsLabels", "即办件占比"),
        QT_TRANSLATE_NOOP("StatsLabels", "承诺时限压减"),
        QT_TRANSLATE_NOOP("StatsLabels", "主动评价率"),
        QT_TRANSLATE_NOOP("StatsLabels", "差评整改率"),
)
"""The fixed Chinese labels the gateway's report carries (channels, case states,
ratings, follow-up states, delivery ways, the plan's indicators), marked so the page
shows them in the clerk's language; item names and clerk accounts are data."""
_DATA_CHARTS = frozenset({"by_item", "by_clerk"})


def _translated(counts: Sequence[Count]) -> list[Count]:
    return [
        c.model_copy(update={"label": QCoreApplication.translate(STATS_CONTEXT, c.label)})
        for c in counts
    ]


_BAR = QColor("#1f6fb2")
_TEXT = QColor("#1d2733")


class BarChart(QWidget):
    """Horizontal bars with labels and counts; no data → a quiet "暂无数据"."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._counts: list[Count] = []
        self.setMinimumHeight(120)

    def set_counts(self, counts: Sequence[Count]) -> None:
        self._counts = list(counts)[:12]
        self.setMinimumHeight(48 + 30 * max(len(self._counts), 1))
        self.updateGeometry()
        self.update()

    def counts(self) -> list[Count]:
        return list(self._counts)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(420, 48 + 30 * max(len(self._counts), 1))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(_TEXT)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(QRectF(8, 4, self.width() - 16, 28), self._title)
        font.setBold(False)
        painter.setFont(font)
        if not self._counts:
            painter.drawText(QRectF(8, 36, self.width() - 16, 24), self.tr("暂无数据"))
            return
        top = max(c.count for c in self._counts) or 1
        metrics = painter.fontMetrics()
        # as wide as the longest label (an item's full name), at most 45 % of the chart;
        # a label longer than that is elided, never cut at its first character
        widest = max(metrics.horizontalAdvance(c.label) for c in self._counts) + 20.0
        label_w = min(widest, self.width() * 0.45)
        bar_w = self.width() - label_w - 70
        for n, count in enumerate(self._counts):
            y = 38 + n * 30
            painter.setPen(_TEXT)
            label = metrics.elidedText(count.label, Qt.TextElideMode.ElideMiddle,
                                       int(label_w - 12))
            painter.drawText(
                QRectF(8, y, label_w - 12, 24),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
                label,
            )
            width = max(bar_w * count.count / top, 2.0)
            painter.fillRect(QRectF(label_w, y + 4, width, 16), _BAR)
            painter.drawText(
                QRectF(label_w + width + 6, y, 60, 24),
                int(Qt.AlignmentFlag.AlignVCenter),
                str(count.count),
            )
        painter.end()


class StatisticsPage(QWidget):
    """Date range, indicators, breakdown charts and export."""

    def __init__(
        self,
        *,
        desk: DeskServices,
        runner: TaskRunner,
        today: _dt.date,
        messages: object | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._messages = messages
        self.report: StatsReport | None = None
        outer = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.start = QDateEdit(QDate(today.year, today.month, 1))
        self.end = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.query = QPushButton(self.tr("查询 (F5)"))
        self.query.setProperty("role", "primary")
        self.query.clicked.connect(self.refresh)
        self.csv = QPushButton(self.tr("导出 CSV"))
        self.xlsx = QPushButton(self.tr("导出 Excel"))
        self.csv.clicked.connect(lambda: self._ask_export("csv"))
        self.xlsx.clicked.connect(lambda: self._ask_export("xlsx"))
        bar.addWidget(QLabel(self.tr("统计区间")))
        bar.addWidget(self.start)
        bar.addWidget(QLabel(self.tr("至")))
        bar.addWidget(self.end)
        bar.addWidget(self.query)
        bar.addStretch(1)
        bar.addWidget(self.csv)
        bar.addWidget(self.xlsx)
        outer.addLayout(bar)
        self.status = styled_label("", role="body")
        outer.addWidget(self.status)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self._grid = QVBoxLayout(body)
        self.summary = styled_label("", role="subtitle")
        self._grid.addWidget(self.summary)
        self._cards = QGridLayout()
        self._grid.addLayout(self._cards)
        self.indicator_labels: dict[str, QLabel] = {}
        charts = QGridLayout()
        self.charts = {
            "by_item": BarChart(self.tr("按事项")),
            "by_channel": BarChart(self.tr("按渠道")),
            "by_clerk": BarChart(self.tr("按经办人")),
            "by_outcome": BarChart(self.tr("按受理结果")),
            "deliveries": BarChart(self.tr("出件方式")),
            "evaluations": BarChart(self.tr("好差评")),
            "follow_ups": BarChart(self.tr("差评整改")),
        }
        for n, chart in enumerate(self.charts.values()):
            charts.addWidget(chart, n // 2, n % 2)
        self._grid.addLayout(charts)
        self._grid.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        QShortcut(QKeySequence("F5"), self, activated=self.refresh)
        self.csv.setEnabled(False)
        self.xlsx.setEnabled(False)

    def refresh(self) -> None:
        """Ask the gateway for the range's report (on the pool lane)."""
        start = self.start.date().toPython()
        end = self.end.date().toPython()
        assert isinstance(start, _dt.date)
        assert isinstance(end, _dt.date)
        self.status.setText(self.tr("正在统计…"))
        self._runner.run(
            lambda: self._desk.stats.report(start, end),
            on_done=self._show,
            on_error=self._failed,
            key="statistics",
            owner=self,
        )

    def _failed(self, error: BaseException) -> None:
        text = error_text(error)
        if text is not None:
            self.status.setText(text)
        else:
            log.error("statistics failed: %s", type(error).__name__)
            self.status.setText(self.tr("统计失败，请稍后重试"))

    def _show(self, report: StatsReport) -> None:
        self.report = report
        self.status.setText(
            arg(self.tr("统计时间 %1（实时汇聚）"),
                _dt.datetime.fromtimestamp(report.generated_at, HALL_TZ).strftime("%H:%M:%S"))
        )
        wait = report.waiting.average_seconds
        self.summary.setText(
            arg(
                self.tr("办件 %1 件 · 窗口办结 %2 件 · 取号 %3 人 · 平均等候 %4 分钟 · 评价 %5 条（差评 %6）"),  # noqa: E501 - one translatable text
                report.total_cases,
                report.window_decisions,
                report.tickets,
                "—" if wait is None else f"{wait / 60:.1f}",
                report.evaluations_total,
                report.bad_reviews,
            )
        )
        for n, indicator in enumerate(report.indicators):
            card = self.indicator_labels.get(indicator.key)
            if card is None:
                card = QLabel()
                card.setObjectName("IndicatorCard")
                card.setWordWrap(True)
                card.setMinimumHeight(72)
                card.setFrameShape(QFrame.Shape.StyledPanel)
                self.indicator_labels[indicator.key] = card
                self._cards.addWidget(card, n // 3, n % 3)
            value = "—" if indicator.value is None else f"{indicator.value * 100:.1f}%"
            name = QCoreApplication.translate(STATS_CONTEXT, indicator.name)
            card.setText(f"<b>{name}</b><br><span style='font-size:22px'>{value}</span>"
                         f"  <small>{indicator.target}</small>")
            card.setToolTip(indicator.definition)
        for key, chart in self.charts.items():
            counts = getattr(report, key)
            chart.set_counts(counts if key in _DATA_CHARTS else _translated(counts))
        self.csv.setEnabled(True)
        self.xlsx.setEnabled(True)

    def _ask_export(self, kind: str) -> None:
        if self.report is None:
            return
        suffix = "csv" if kind == "csv" else "xlsx"
        name = f"统计_{self.report.start:%Y%m%d}-{self.report.end:%Y%m%d}.{suffix}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出统计"), name)
        if path:
            self.export_to(Path(path), kind)

    def export_to(self, path: Path, kind: str) -> Path | None:
        """Write the shown report as ``csv`` or ``xlsx``; returns the path, or None."""
        if self.report is None:
            return None
        try:
            written = write_csv(self.report, path) if kind == "csv" else write_xlsx(
                self.report, path
            )
        except (UserFacingError, EnvironmentProblem) as exc:  # a full disk, a locked file
            self.status.setText(error_text(exc) or "")
            return None
        self.status.setText(arg(self.tr("已导出：%1"), str(written)))
        return written


def _statistics_page(context: PageContext) -> QWidget:
    desk = context.services.desk
    if desk is None:
        return styled_label(QCoreApplication.translate(PAGES_CONTEXT, _NO_GATEWAY), role="body")
    page = StatisticsPage(
        desk=desk, runner=context.runner, today=hall_date(context.services.clock.now())
    )
    page.refresh()
    return page


_NO_GATEWAY = QT_TRANSLATE_NOOP("WindowPages", "未连接前置机：统计需要联网")


PAGE = PageSpec(
    key="statistics",
    title=QT_TRANSLATE_NOOP("WindowPages", "统计"),
    icon="progress",
    factory=_statistics_page,
    roles=frozenset(),
    shortcut="Ctrl+8",
)
