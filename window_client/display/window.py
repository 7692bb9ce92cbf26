"""``govterm display``: the hall's call screen (叫号大屏), 1920×1080, readable across a hall.

The screen follows the gateway's call feed (:meth:`sync.queue_client.QueueClient.feed`,
a long-poll) on the task runner's pool — the GUI thread never waits on the network —
and shows:

- the newest call, huge: ``A012 → 3号窗口`` (a recall is marked 重呼);
- every window with the number it is serving;
- waiting people per business area;
- the recent calls;
- hall name, date and time, and a scrolling notice line;
- what is wrong, when something is: 未连接前置机 (with why: no address configured, not
  enrolled yet, unreachable, refused) while the screen keeps the last calls it knew,
  and 静默叫号 when calls cannot be spoken (no espeak-ng, no audio output).

Each new call is handed to the :class:`~window_client.display.voice.Announcer`, which
speaks it twice and queues the next one behind it.
"""

from __future__ import annotations

import datetime as _dt
import logging
from typing import Protocol

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from core.clock import HALL_TZ, Clock, SystemClock
from core.errors import EnvironmentProblem, UserFacingError
from sync.queue_protocol import CallEvent, CallFeed
from widgets.i18n import arg, is_language_change, translate_text
from widgets.task_runner import TaskRunner
from widgets.theme import pick_cjk_family
from window_client.display.voice import HEALTH_OK, Announcer

log = logging.getLogger(__name__)

_WEEKDAYS = "一二三四五六日"
_WEEKDAY_NAMES = (
    QT_TRANSLATE_NOOP("HallDisplayWindow", "星期一"),
    QT_TRANSLATE_NOOP("HallDisplayWindow", "星期二"),
    QT_TRANSLATE_NOOP("HallDisplayWindow", "星期三"),
    QT_TRANSLATE_NOOP("HallDisplayWindow", "星期四"),
    QT_TRANSLATE_NOOP("HallDisplayWindow", "星期五"),
    QT_TRANSLATE_NOOP("HallDisplayWindow", "星期六"),
    QT_TRANSLATE_NOOP("HallDisplayWindow", "星期日"),
)
RECENT = 5
"""Recent calls listed beside the current one."""
DEFAULT_NOTICE = str(
    QT_TRANSLATE_NOOP(
        "HallDisplayNotice",
        "请留意叫号，过号请到服务台重新取号；老年人、残疾人、孕期妇女、军人可走绿色通道优先办理；"
        "办事请携带身份证原件，可使用“爱山东”居民码免提交电子证照",
    )
)
"""The scrolling notice when the hall has set none (an English display shows it in English)."""

# The display is a dark, high-contrast board read from 10–20 m away; its look is its
# own (the desk themes are for arm's length), so it carries its style sheet with it.
_QSS = """
HallDisplayWindow { background: #06204A; }
QLabel { color: #FFFFFF; }
QLabel[role="hall"] { font-size: 60px; font-weight: bold; }
QLabel[role="clock"] { font-size: 46px; color: #DDE8FF; }
QLabel[role="status"] {
    font-size: 28px; color: #FFFFFF; background: #B3261E; border-radius: 8px; padding: 2px 12px;
}
QFrame[role="panel"] { background: #0B2F66; border-radius: 18px; }
QLabel[role="heading"] { font-size: 40px; color: #9EC5FF; font-weight: bold; }
QLabel[role="now-number"] { font-size: 180px; font-weight: bold; color: #FFD400; }
QLabel[role="now-arrow"] { font-size: 100px; color: #FFFFFF; }
QLabel[role="now-window"] { font-size: 130px; font-weight: bold; color: #FFFFFF; }
QLabel[role="now-kind"] { font-size: 44px; color: #FFD400; }
QLabel[role="window-no"] { font-size: 36px; color: #DDE8FF; }
QLabel[role="window-number"] { font-size: 54px; font-weight: bold; color: #FFD400; }
QLabel[role="area"] { font-size: 36px; }
QLabel[role="area-count"] { font-size: 44px; font-weight: bold; color: #7CFFB2; }
QLabel[role="recent"] { font-size: 40px; }
"""


class CallFeedSource(Protocol):
    """Where the display reads calls from (:class:`sync.queue_client.QueueClient`)."""

    def feed(self, *, after: int, wait: float = 0.0) -> CallFeed: ...


def _label(text: str, role: str, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", role)
    label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
    return label


class FitLabel(QLabel):
    """A one-line label that shrinks its text to fit its width instead of cutting it off.

    The current call is drawn huge; an English "Window 12" is twice as wide as its
    Chinese "12号窗口", and the board must still fit a 1080p screen.
    """

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(0, super().minimumSizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        text = self.text()
        area = self.contentsRect()
        font = QFont(self.font())
        needed = QFontMetrics(font).horizontalAdvance(text)
        if needed > area.width() > 0 and font.pixelSize() > 0:
            font.setPixelSize(max(1, font.pixelSize() * area.width() // needed))
        painter = QPainter(self)
        painter.setFont(font)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawText(area, int(self.alignment()), text)
        painter.end()


def _fit_label(text: str, role: str) -> FitLabel:
    label = FitLabel(text)
    label.setProperty("role", role)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class NoticeTicker(QWidget):
    """A notice line scrolling right to left (公告滚动条)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._offset = 0.0
        self.setFixedHeight(84)
        self._timer = QTimer(self)
        self._timer.setInterval(30)
        self._timer.timeout.connect(self._step)

    def set_text(self, text: str) -> None:
        self._text = text
        self._offset = 0.0
        if text:
            self._timer.start()
        else:
            self._timer.stop()
        self.update()

    def text(self) -> str:
        return self._text

    def _step(self) -> None:
        self._offset += 3.0
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#FFD400"))
        if not self._text:
            return
        font = QFont(self.font())
        font.setPixelSize(44)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#06204A"))
        width = painter.fontMetrics().horizontalAdvance(self._text) + 160
        x = self.width() - (self._offset % (self.width() + width))
        painter.drawText(
            QRectF(x, 0, width, self.height()),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            self._text,
        )
        painter.end()


class HallDisplayWindow(QWidget):
    """The hall display.

    Args:
        queue: the call feed (a :class:`~sync.queue_client.QueueClient`).
        language: ``"zh_CN"`` or ``"en"`` (screen strings go through ``tr``).
        hall_name: shown in the header.
        announcer: speaks each call; ``None`` shows calls silently (静默叫号).
        runner: the task runner (one is made and owned when not given).
        clock: the time shown in the header.
        notice: the scrolling notice line.
        poll_wait: seconds each feed request may wait for a change (long-poll).
        parent: the Qt parent.

    Signals:
        feed_applied(CallFeed): a feed answer has been drawn.
        connection_changed(bool): the gateway became reachable (True) or not.
    """

    feed_applied = Signal(object)
    connection_changed = Signal(bool)

    def __init__(  # noqa: PLR0913 - every dependency is explicit
        self,
        *,
        queue: CallFeedSource,
        language: str = "zh_CN",
        hall_name: str,
        announcer: Announcer | None = None,
        runner: TaskRunner | None = None,
        clock: Clock | None = None,
        notice: str = "",
        poll_wait: float = 20.0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._queue = queue
        self._language = language
        self._announcer = announcer
        self._owns_runner = runner is None
        self._runner = runner or TaskRunner(pool_size=1, parent=self)
        self._clock = clock or SystemClock()
        self._poll_wait = poll_wait
        self._revision = 0
        self._last_seq = 0
        self._started = False
        self._closing = False
        self._online: bool | None = None
        self._offline_reason = ""
        self._recent: list[CallEvent] = []
        self.setStyleSheet(_QSS)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        family = pick_cjk_family()
        if family:
            font = self.font()
            font.setFamilies([family])
            self.setFont(font)
        self.resize(1920, 1080)
        self._build(hall_name)
        self._notice = notice
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_time)
        self._tick.start()
        self._show_time()
        if announcer is not None:
            announcer.health_changed.connect(lambda _text: self._show_status())
        self._retranslate()
        QTimer.singleShot(0, self, self._poll)

    # ---------------------------------------------------------------- layout

    def _build(self, hall_name: str) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(36, 24, 36, 0)
        root.setSpacing(20)
        header = QHBoxLayout()
        self.hall_label = _label(hall_name, "hall")
        self.clock_label = _label("", "clock", Qt.AlignmentFlag.AlignRight)
        header.addWidget(self.hall_label, 1)
        header.addWidget(self.clock_label)
        root.addLayout(header)
        # What is wrong (not connected, silent calling), one line across the board; it
        # is hidden when all is well and never pushes the board beyond the screen.
        self.status_label = _label("", "status", Qt.AlignmentFlag.AlignCenter)
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.status_label.hide()
        root.addWidget(self.status_label)

        body = QHBoxLayout()
        body.setSpacing(24)
        body.addLayout(self._build_left(), 13)
        body.addLayout(self._build_right(), 7)
        root.addLayout(body, 1)

        self.ticker = NoticeTicker(self)
        root.addWidget(self.ticker)

    def _build_left(self) -> QVBoxLayout:
        left = QVBoxLayout()
        left.setSpacing(24)
        now_panel = self._panel()
        now = QVBoxLayout(now_panel)
        now.setContentsMargins(32, 16, 32, 16)
        self.now_heading = _label("", "heading")
        now.addWidget(self.now_heading)
        row = QHBoxLayout()
        self.now_number = _fit_label("—", "now-number")
        self.now_arrow = _label("→", "now-arrow", Qt.AlignmentFlag.AlignCenter)
        self.now_window = _fit_label("", "now-window")
        row.addWidget(self.now_number, 5)
        row.addWidget(self.now_arrow, 1)
        row.addWidget(self.now_window, 5)
        now.addLayout(row)
        self.now_kind = _label("", "now-kind", Qt.AlignmentFlag.AlignCenter)
        now.addWidget(self.now_kind)
        left.addWidget(now_panel, 5)

        windows_panel = self._panel()
        windows_box = QVBoxLayout(windows_panel)
        windows_box.setContentsMargins(32, 12, 32, 12)
        self.windows_heading = _label("", "heading")
        windows_box.addWidget(self.windows_heading)
        self.windows_grid = QGridLayout()
        self.windows_grid.setHorizontalSpacing(24)
        windows_box.addLayout(self.windows_grid)
        windows_box.addStretch(1)
        left.addWidget(windows_panel, 3)
        return left

    def _build_right(self) -> QVBoxLayout:
        right = QVBoxLayout()
        right.setSpacing(24)
        waiting_panel = self._panel()
        self.waiting_box = QVBoxLayout(waiting_panel)
        self.waiting_box.setContentsMargins(28, 12, 28, 12)
        self.waiting_heading = _label("", "heading")
        self.waiting_box.addWidget(self.waiting_heading)
        self.waiting_grid = QGridLayout()
        self.waiting_box.addLayout(self.waiting_grid)
        self.waiting_box.addStretch(1)
        right.addWidget(waiting_panel, 1)
        recent_panel = self._panel()
        recent_box = QVBoxLayout(recent_panel)
        recent_box.setContentsMargins(28, 12, 28, 12)
        self.recent_heading = _label("", "heading")
        recent_box.addWidget(self.recent_heading)
        self.recent_labels = [_label("", "recent") for _ in range(RECENT)]
        for label in self.recent_labels:
            recent_box.addWidget(label)
        recent_box.addStretch(1)
        right.addWidget(recent_panel, 1)
        return right

    @staticmethod
    def _panel() -> QFrame:
        frame = QFrame()
        frame.setProperty("role", "panel")
        frame.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        return frame

    def _retranslate(self) -> None:
        self.now_heading.setText(self.tr("请以下号码到窗口办理"))
        self.windows_heading.setText(self.tr("各窗口办理中"))
        self.waiting_heading.setText(self.tr("等候人数"))
        self.recent_heading.setText(self.tr("最近叫号"))
        # A hall's own notice is shown as written; the default one has an English text.
        self.ticker.set_text(QCoreApplication.translate("HallDisplayNotice", self._notice))
        self._show_time()
        self._show_current()
        self._show_status()

    def set_hall_name(self, name: str) -> None:
        """Show another hall name (once the directory names the enrolled hall)."""
        self.hall_label.setText(name)

    def is_online(self) -> bool | None:
        """Whether the last feed request reached the gateway (``None`` before the first)."""
        return self._online

    def _show_status(self) -> None:
        lines = []
        if self._online is False and self._offline_reason:
            lines.append(arg(self.tr("未连接前置机，正在重连：%1"),
                             translate_text(self._offline_reason)))
        elif self._online is False:
            lines.append(self.tr("未连接前置机，正在重连"))
        if self._announcer is not None and self._announcer.health() != HEALTH_OK:
            health = QCoreApplication.translate("Announcer", self._announcer.health())
            lines.append(arg(self.tr("静默叫号：%1"), health))
        elif self._announcer is None:
            lines.append(self.tr("静默叫号：未配置语音"))
        self.status_label.setText(self.tr("；").join(lines))
        self.status_label.setVisible(bool(lines))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _show_time(self) -> None:
        now = self._clock.now().astimezone(HALL_TZ)
        # %6 is the ISO date, for a language that writes the date that way (English).
        self.clock_label.setText(
            arg(
                self.tr("%1年%2月%3日 %4  %5"),
                now.year,
                now.month,
                now.day,
                self.tr(_WEEKDAY_NAMES[now.weekday()]),
                now.strftime("%H:%M:%S"),
                now.strftime("%Y-%m-%d"),
            )
        )

    # ---------------------------------------------------------------- what is shown

    def current_call(self) -> CallEvent | None:
        """The call shown big (the newest)."""
        return self._recent[0] if self._recent else None

    def _window_text(self, window_no: str) -> str:
        return arg(self.tr("%1号窗口"), window_no)

    def _show_current(self) -> None:
        call = self.current_call()
        if call is None:
            self.now_number.setText("—")
            self.now_window.setText("")
            self.now_kind.setText("")
        else:
            self.now_number.setText(call.number)
            self.now_window.setText(self._window_text(call.window_no))
            self.now_kind.setText(self.tr("重呼") if call.kind == "recall" else "")
        older = self._recent[1:]
        for i, label in enumerate(self.recent_labels):
            item = older[i] if i < len(older) else None
            label.setText(
                "" if item is None else f"{item.number}  →  {self._window_text(item.window_no)}"
            )

    def _apply(self, feed: CallFeed) -> None:
        first = not self._started
        self._started = True
        self._revision = feed.revision
        fresh = [c for c in feed.calls if c.seq > self._last_seq]
        if fresh:
            self._last_seq = fresh[-1].seq
        for call in fresh:
            log.info(
                "hall display shows %s at window %s (%s)", call.number, call.window_no, call.kind
            )
            self._recent.insert(0, call)
            if self._announcer is not None and not first:
                self._announcer.announce(call.number, call.window_no, kind=call.kind)
        del self._recent[RECENT + 1 :]
        self._show_current()
        self._fill_windows(feed)
        self._fill_waiting(feed)

    @staticmethod
    def _clear(grid: QGridLayout) -> None:
        while grid.count():
            item = grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _fill_windows(self, feed: CallFeed) -> None:
        self._clear(self.windows_grid)
        for i, window in enumerate(feed.windows[:12]):
            text = window.current or (self.tr("暂停") if window.paused else "—")
            self.windows_grid.addWidget(
                _label(self._window_text(window.window_no), "window-no"), i // 3, (i % 3) * 2
            )
            self.windows_grid.addWidget(_label(text, "window-number"), i // 3, (i % 3) * 2 + 1)

    def _fill_waiting(self, feed: CallFeed) -> None:
        self._clear(self.waiting_grid)
        for i, area in enumerate(feed.waiting[:10]):
            self.waiting_grid.addWidget(_label(f"{area.area}  {area.name}", "area"), i, 0)
            self.waiting_grid.addWidget(
                _label(
                    arg(self.tr("%1 人"), area.waiting), "area-count", Qt.AlignmentFlag.AlignRight
                ),
                i,
                1,
            )

    # ---------------------------------------------------------------- feed

    def _poll(self) -> None:
        if self._closing:
            return
        after, wait = self._revision, self._poll_wait if self._started else 0.0
        self._runner.run(
            lambda: self._queue.feed(after=after, wait=wait),
            on_done=self._on_feed,
            on_error=self._on_error,
            key="hall-display-feed",
            owner=self,
        )

    def _on_feed(self, feed: CallFeed) -> None:
        self._set_online(True)
        self._apply(feed)
        self.feed_applied.emit(feed)
        QTimer.singleShot(0, self, self._poll)

    def _on_error(self, error: BaseException) -> None:
        if isinstance(error, UserFacingError):
            reason = error.message  # kept untranslated: shown in the language of the moment
        elif isinstance(error, EnvironmentProblem):
            first = error.args[0] if error.args else ""
            reason = getattr(error, "reason", "") or (first if isinstance(first, str) else "")
        else:  # a bug: logged with its traceback by the runner; the screen keeps polling
            reason = ""
        if self._online is not False or reason != self._offline_reason:
            log.warning("hall display feed failed: %s", type(error).__name__)
        self._offline_reason = reason
        self._set_online(False)
        self._show_status()
        QTimer.singleShot(3000, self, self._poll)

    def _set_online(self, online: bool) -> None:
        if online == self._online:
            return
        self._online = online
        if online:
            self._offline_reason = ""
        self._show_status()
        self.connection_changed.emit(online)

    def closeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        self._closing = True
        self._tick.stop()
        if self._owns_runner:
            self._runner.shutdown()
        super().closeEvent(event)  # type: ignore[arg-type]


def today_text(moment: _dt.datetime) -> str:
    """``2026年3月2日 星期一`` (for papers and logs)."""
    return f"{moment.year}年{moment.month}月{moment.day}日 星期{_WEEKDAYS[moment.weekday()]}"
