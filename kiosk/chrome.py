"""The kiosk's header and footer: always visible, the same on every screen."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from core.terminal import TerminalProfile
from widgets.i18n import arg, is_language_change
from widgets.icons import icon, icon_pixmap, icon_size
from widgets.layout import styled_label

log = logging.getLogger(__name__)

FOOTER_PADDING = 10
"""Space above and below the footer's row (and its 呼叫帮办 button), in px."""

_WEEKDAYS = (
    QT_TRANSLATE_NOOP("KioskHeader", "星期一"),
    QT_TRANSLATE_NOOP("KioskHeader", "星期二"),
    QT_TRANSLATE_NOOP("KioskHeader", "星期三"),
    QT_TRANSLATE_NOOP("KioskHeader", "星期四"),
    QT_TRANSLATE_NOOP("KioskHeader", "星期五"),
    QT_TRANSLATE_NOOP("KioskHeader", "星期六"),
    QT_TRANSLATE_NOOP("KioskHeader", "星期日"),
)

_SHORT_WEEKDAYS = (
    QT_TRANSLATE_NOOP("KioskHeader", "周一"),
    QT_TRANSLATE_NOOP("KioskHeader", "周二"),
    QT_TRANSLATE_NOOP("KioskHeader", "周三"),
    QT_TRANSLATE_NOOP("KioskHeader", "周四"),
    QT_TRANSLATE_NOOP("KioskHeader", "周五"),
    QT_TRANSLATE_NOOP("KioskHeader", "周六"),
    QT_TRANSLATE_NOOP("KioskHeader", "周日"),
)


class FittedLabel(QLabel):
    """One line that shows the longest of its texts that fits, the shortest elided.

    The texts go from the fullest to the most compact; the label takes the width the
    layout gives it (it asks for none) and shows the first text that fits there. When
    even the last does not, it ends in …. The full text stays the accessible name, so
    朗读 and a screen reader still say all of it (no tooltip: on a touch screen a
    tooltip is a window of its own that swallows the next tap).

    Args:
        role: the theme's label role.
        parent: the Qt parent.
    """

    def __init__(self, *, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", role)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._texts: list[str] = []

    def set_texts(self, texts: list[str]) -> None:
        """The texts to choose from, the fullest first."""
        self._texts = [t for t in texts if t]
        full = self._texts[0] if self._texts else ""
        self.setAccessibleName(full)
        self._fit()

    def full_text(self) -> str:
        """The fullest text, whatever is shown."""
        return self._texts[0] if self._texts else ""

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() in {QEvent.Type.FontChange, QEvent.Type.StyleChange}:
            self._fit()  # 长辈模式's larger font needs the shorter text

    def _fit(self) -> None:
        if not self._texts:
            self.setText("")
            return
        room = self.contentsRect().width()
        metrics = self.fontMetrics()
        for text in self._texts:
            if metrics.horizontalAdvance(text) <= room:
                shown = text
                break
        else:
            shown = metrics.elidedText(self._texts[-1], Qt.TextElideMode.ElideRight, room)
        if shown != self.text():
            self.setText(shown)


class KioskHeader(QWidget):
    """Back and home, the hall's name, date and time, 长辈模式 and language toggles.

    Args:
        profile: the terminal, for its hall name.
        now: the clock (injected so tests are deterministic).
        parent: the Qt parent.

    Signals:
        back_requested(): the person tapped 返回.
        home_requested(): the person tapped 首页.
        elder_toggled(bool): 长辈模式 was switched on (``True``) or off.
        language_toggle_requested(): the person tapped the 中文/English button.
        read_aloud_requested(): the person tapped 朗读 (shown only where voice works).
    """

    back_requested = Signal()
    home_requested = Signal()
    elder_toggled = Signal(bool)
    language_toggle_requested = Signal()
    read_aloud_requested = Signal()

    def __init__(
        self,
        *,
        profile: TerminalProfile,
        now: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Header")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._now = now
        self._english = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.setSpacing(16)

        self.back_button = self._nav("back", "BackButton")
        self.back_button.clicked.connect(self.back_requested)
        self.home_button = self._nav("home", "HomeButton")
        self.home_button.clicked.connect(self.home_requested)
        layout.addWidget(self.back_button)
        layout.addWidget(self.home_button)

        # Hall name over date and time, one line each: a name too long for the room
        # ends in …, and the date drops its year and weekday name before it does.
        # Wrapping them made a portrait header in 长辈模式 five lines (~200 px) tall.
        place = QVBoxLayout()
        place.setSpacing(0)
        self._hall = FittedLabel(role="hall")
        self._hall.setObjectName("HallName")
        self._hall.set_texts([profile.name])
        self._clock = FittedLabel(role="clock")
        self._clock.setObjectName("Clock")
        place.addStretch(1)
        place.addWidget(self._hall)
        place.addWidget(self._clock)
        place.addStretch(1)
        layout.addLayout(place, 1)

        self.read_button = QPushButton()
        self.read_button.setObjectName("ReadAloudButton")
        self.read_button.setProperty("role", "nav")
        self.read_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.read_button.clicked.connect(self.read_aloud_requested)
        self.read_button.hide()
        layout.addWidget(self.read_button)
        self.elder_button = self._nav("elder", "ElderButton")
        self.elder_button.setCheckable(True)
        self.elder_button.toggled.connect(self.elder_toggled)
        layout.addWidget(self.elder_button)
        self.language_button = self._nav("language", "LanguageButton")
        self.language_button.clicked.connect(self.language_toggle_requested)
        layout.addWidget(self.language_button)

        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        self._retranslate()
        self._tick()

    def set_navigation_visible(self, visible: bool) -> None:
        """Hide back/home on the home screen, show them everywhere else."""
        self.back_button.setVisible(visible)
        self.home_button.setVisible(visible)

    def set_elder(self, elder: bool) -> None:
        """Reflect 长辈模式 without emitting :attr:`elder_toggled`."""
        self.elder_button.blockSignals(True)
        self.elder_button.setChecked(elder)
        self.elder_button.blockSignals(False)

    def set_read_aloud_available(self, available: bool) -> None:
        """Show 朗读 only where read-out can work (a silent button would mislead)."""
        self.read_button.setVisible(available)

    def set_english(self, english: bool) -> None:
        """Reflect the current language on the toggle (it offers the *other* one)."""
        self._english = english
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.back_button.setText(self.tr("返回"))
        self.home_button.setText(self.tr("首页"))
        self.elder_button.setText(self.tr("长辈模式"))
        self.read_button.setText(self.tr("朗读"))
        # The toggle names the language it switches *to*, in that language.
        self.language_button.setText("中文" if self._english else "English")
        self._tick()

    def _tick(self) -> None:
        moment = self._now()
        weekday = self.tr(_WEEKDAYS[moment.weekday()])
        short_weekday = self.tr(_SHORT_WEEKDAYS[moment.weekday()])
        time = moment.strftime("%H:%M")
        self._clock.set_texts([
            arg(self.tr("%1 %2  %3"), moment.strftime("%Y-%m-%d"), weekday, time),
            arg(self.tr("%1 %2 %3", "the date without its year, the short weekday, the time"),
                moment.strftime("%m-%d"), short_weekday, time),
            arg(self.tr("%1 %2", "the date without its year and the time"),
                moment.strftime("%m-%d"), time),
        ])

    def _nav(self, icon_name: str, name: str) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.setProperty("role", "nav")
        glyph = icon(icon_name, size=32, colour="#FFFFFF")
        # A checked toggle turns white; its icon turns blue so it stays visible.
        glyph.addPixmap(
            icon_pixmap(icon_name, size=32, colour="#0F4C9E"), QIcon.Mode.Normal, QIcon.State.On
        )
        button.setIcon(glyph)
        button.setIconSize(icon_size(32))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button


class KioskFooter(QWidget):
    """The terminal's name and number and the 12345 hotline."""

    def __init__(self, *, profile: TerminalProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Footer")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._profile = profile
        layout = QHBoxLayout(self)
        # the 呼叫帮办 button is added to this row later: room above and below it, so
        # it does not sit on the screen's bottom edge
        layout.setContentsMargins(24, FOOTER_PADDING, 24, FOOTER_PADDING)
        layout.setSpacing(24)
        self._terminal = styled_label("", wrap=False)
        self._terminal.setObjectName("FooterTerminal")
        self._hotline = styled_label("", wrap=False)
        self._hotline.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self._terminal, 1)
        layout.addWidget(self._hotline)
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._terminal.setText(arg(self.tr("终端编号 %1"), self._profile.terminal_id))
        self._hotline.setText(self.tr("政务服务便民热线 12345"))
