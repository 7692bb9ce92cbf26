"""统计: the hall's figures from the gateway, as indicator cards and bar charts.

The clerk picks a date range and presses 查询 (or F5); the report is aggregated on the
gateway in real time (seed 003 §12). Each indicator's definition is its tooltip.
Charts are painted here (horizontal bars with their numbers), so they look the same
on every platform without the QtCharts add-on. 导出 writes CSV or XLSX with Chinese
headers.

The gateway counts cases by the account that took them (``wh-wangfang``); the page
names the clerks from the hall's accounts on this terminal (王芳), adding the account
only where two clerks share a name, and the export keeps the account beside the name.
"""

from __future__ import annotations

import datetime as _dt
import logging
from collections.abc import Callable, Sequence
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

from core.accounts import Clerk
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


def clerk_labels(counts: Sequence[Count], clerks: Sequence[Clerk]) -> list[Count]:
    """The by-clerk bars labelled with the clerks' names instead of their accounts.

    A name two accounts share gets its account in brackets (王芳（wh-wangfang）); an
    account not in ``clerks`` (made on another terminal, since deleted) stays as it
    is. The key stays the account id.

    Args:
        counts: the report's ``by_clerk`` counts (label = key = the account id).
        clerks: the hall's clerks known to this terminal.
    """
    names = {c.id: c.name for c in clerks}
    holders: dict[str, set[str]] = {}
    for clerk in clerks:
        holders.setdefault(clerk.name, set()).add(clerk.id)
    for count in counts:  # a shared name may also hide among the report's accounts
        if count.key in names:
            holders.setdefault(names[count.key], set()).add(count.key)
    labelled = []
    for count in counts:
        name = names.get(count.key)
        if name is None:
            label = count.label
        elif len(holders[name]) > 1:
            label = f"{name}（{count.key}）"
        else:
            label = name
        labelled.append(count.model_copy(update={"label": label}))
    return labelled


ClerkDirectory = Callable[[], Sequence[Clerk]]
"""Reads the hall's clerks (on the catalog thread): names for the accounts."""


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
    """Date range, indicators, breakdown charts and export.

    Args:
        desk: the gateway's desk (the statistics endpoint).
        runner: the task runner.
        today: the hall's date, the default end of the range.
        clerks: reads the hall's clerks, so 按经办人 shows names; ``None`` shows the
            accounts.
        messages: accepted for symmetry with the other pages; the page reports in
            its own status line.
        parent: the Qt parent.
    """

    def __init__(  # noqa: PLR0913 - keyword-only dependencies
        self,
        *,
        desk: DeskServices,
        runner: TaskRunner,
        today: _dt.date,
        clerks: ClerkDirectory | None = None,
        messages: object | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._messages = messages
        self._directory = clerks
        self._clerks: tuple[Clerk, ...] = ()
        self.report: StatsReport | None = None
        outer = QVBoxLayout(self)
        outer.addLayout(self._build_bar(today))
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

    def _build_bar(self, today: _dt.date) -> QHBoxLayout:
        """The date range, 查询 and the export buttons."""
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
        return bar

    def refresh(self) -> None:
        """Ask the gateway for the range's report (on the pool lane)."""
        start = self.start.date().toPython()
        end = self.end.date().toPython()
        assert isinstance(start, _dt.date)
        assert isinstance(end, _dt.date)
        self.status.setText(self.tr("正在统计…"))
        directory = self._directory
        if directory is not None:  # clerks added since the last query get their names
            self._runner.run_catalog(
                lambda: tuple(directory()),
                on_done=self._clerks_loaded,
                on_error=self._clerks_failed,
                key="statistics-clerks",
                owner=self,
            )
        self._runner.run(
            lambda: self._desk.stats.report(start, end),
            on_done=self._show,
            on_error=self._failed,
            key="statistics",
            owner=self,
        )

    def _clerks_loaded(self, clerks: tuple[Clerk, ...]) -> None:
        self._clerks = clerks
        if self.report is not None:
            self.charts["by_clerk"].set_counts(self.labelled_report().by_clerk)

    def _clerks_failed(self, error: BaseException) -> None:
        # the figures still show, by account; names are a courtesy
        log.warning("clerk names not read: %s", type(error).__name__)

    def labelled_report(self) -> StatsReport:
        """The shown report with clerks named (what the chart shows and the export writes).

        Raises:
            RuntimeError: no report has been shown yet.
        """
        if self.report is None:
            raise RuntimeError("no statistics report yet")
        return self.report.model_copy(
            update={"by_clerk": clerk_labels(self.report.by_clerk, self._clerks)}
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
        labelled = self.labelled_report()
        for key, chart in self.charts.items():
            counts = getattr(labelled, key)
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
            report = self.labelled_report()
            written = write_csv(report, path) if kind == "csv" else write_xlsx(report, path)
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
        desk=desk,
        runner=context.runner,
        today=hall_date(context.services.clock.now()),
        clerks=context.services.hall_clerks,
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
