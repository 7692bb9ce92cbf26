"""The kiosk's status banner: offline since when, how old the data is, what cannot work.

A citizen at 2 a.m. must see at once that the terminal is working from its own copy of
the catalog, and that the printer is out of paper before choosing something that needs
it. The banner is driven by plain objects:

- the sync engine's status (``sync.status.SyncStatus``, or anything of the
  :class:`ConnectivityStatus` shape), delivered through a :class:`StatusFeed` that
  brings the engine thread's callbacks to the GUI thread;
- a device-health model with ``features_available()`` (``devices.health``, or anything
  of the :class:`FeatureHealth` shape).

:func:`hidden_tiles` turns unavailable features into home tiles to hide; they come
back when the device recovers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterable, Mapping
from datetime import datetime, timedelta
from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from core.terminal import Tile
from widgets.i18n import arg, is_language_change
from widgets.icons import icon_pixmap
from widgets.layout import styled_label
from widgets.theme import Colours

log = logging.getLogger(__name__)

# Data older than this is called out even while online (a sync that silently stalls).
STALE_AFTER = timedelta(hours=2)
REFRESH_MS = 30_000

# Feature names of the device-health model (devices.health) and what needs them.
PRINT_RECEIPT = "receipt_printer"  # 80 mm slips: tickets, pickup slips
PRINT_A4 = "a4_printer"  # result documents, 受理凭证
LOCKER = "locker"  # 智能文件柜
SCANNER = "scanner"  # 居民码/企业码, receipt QR
NETWORK = "network"  # the gateway

# A tile shows when one of its alternatives is fully available.
TILE_NEEDS: Mapping[Tile, tuple[frozenset[str], ...]] = {
    Tile.PICKUP: (frozenset({PRINT_A4}), frozenset({LOCKER})),
    Tile.TICKET: (frozenset({PRINT_RECEIPT}),),
    Tile.APPOINTMENT: (frozenset({PRINT_RECEIPT}),),
    Tile.SCAN: (frozenset({SCANNER}),),
    Tile.HELP: (frozenset({NETWORK}),),
}

_FEATURE_LABELS: dict[str, object] = {
    PRINT_RECEIPT: QT_TRANSLATE_NOOP("StatusBanner", "凭条打印"),
    PRINT_A4: QT_TRANSLATE_NOOP("StatusBanner", "文件打印"),
    LOCKER: QT_TRANSLATE_NOOP("StatusBanner", "智能文件柜"),
    SCANNER: QT_TRANSLATE_NOOP("StatusBanner", "扫码"),
    NETWORK: QT_TRANSLATE_NOOP("StatusBanner", "联网服务"),
}


class ConnectivityStatus(Protocol):
    """What the banner reads of the sync status (``sync.status.SyncStatus`` fits)."""

    @property
    def online(self) -> bool: ...

    @property
    def offline_since(self) -> datetime | None: ...

    def oldest_data_age(self, now: datetime) -> timedelta | None: ...


class FeatureHealth(Protocol):
    """What the banner reads of device health (``devices.health`` fits).

    ``features_available()`` returns the available feature names, or a mapping of
    feature name → available.
    """

    def features_available(self) -> Collection[str] | Mapping[str, bool]: ...


def unavailable_features(
    available: Collection[str] | Mapping[str, bool], *, known: Iterable[str] = _FEATURE_LABELS
) -> frozenset[str]:
    """The known features that cannot work now.

    A mapping says per feature; a plain collection lists what works, so every known
    feature missing from it does not.
    """
    if isinstance(available, Mapping):
        return frozenset(name for name, ok in available.items() if not ok)
    present = {str(name) for name in available}
    return frozenset(name for name in known if name not in present)


def hidden_tiles(
    unavailable: Collection[str], *, needs: Mapping[Tile, tuple[frozenset[str], ...]] = TILE_NEEDS
) -> frozenset[Tile]:
    """Tiles none of whose alternatives can work with ``unavailable`` features down."""
    down = set(unavailable)
    return frozenset(
        tile
        for tile, alternatives in needs.items()
        if alternatives and all(alternative & down for alternative in alternatives)
    )


def age_text(age: timedelta) -> str:
    """"3 分钟" / "2 小时" / "1 天", translated."""
    minutes = int(age.total_seconds() // 60)
    context = "StatusBanner"
    if minutes < 1:
        return QCoreApplication.translate(context, "不到 1 分钟")
    if minutes < 60:
        return arg(QCoreApplication.translate(context, "%1 分钟"), minutes)
    if minutes < 48 * 60:
        return arg(QCoreApplication.translate(context, "%1 小时"), minutes // 60)
    return arg(QCoreApplication.translate(context, "%1 天"), minutes // (24 * 60))


class StatusFeed(QObject):
    """Brings status updates from any thread to the GUI thread.

    Args:
        parent: the Qt parent.

    Signals:
        sync_changed(object): a new sync status (``SyncStatus``), on the GUI thread.
        health_changed(): device health changed; read ``features_available()`` again.
    """

    sync_changed = Signal(object)
    health_changed = Signal()

    def __init__(self, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe: list[Callable[[], None]] = []

    def follow_sync(self, board: object) -> None:
        """Subscribe to a ``StatusBoard`` (``subscribe(listener) -> unsubscribe``)."""
        subscribe = getattr(board, "subscribe", None)
        if callable(subscribe):
            # Signal.emit is thread-safe; the queued connection delivers on our thread.
            self._unsubscribe.append(subscribe(self.sync_changed.emit))

    def follow_health(self, health: object) -> None:
        """Subscribe to a health model that has ``subscribe(listener)``, if it does."""
        subscribe = getattr(health, "subscribe", None)
        if callable(subscribe):
            unsubscribe = subscribe(lambda *_: self.health_changed.emit())
            if callable(unsubscribe):
                self._unsubscribe.append(unsubscribe)

    def close(self) -> None:
        """Stop listening."""
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()


class StatusBanner(QFrame):
    """One line under the header: offline since HH:MM, data age, what is unavailable.

    Hidden while everything works and the data is fresh.

    Args:
        now: the clock (injected for tests).
        parent: the Qt parent.

    Signals:
        unavailable_changed(frozenset): the set of unavailable features changed.
    """

    unavailable_changed = Signal(object)

    def __init__(
        self, *, now: Callable[[], datetime] = datetime.now, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("StatusBanner")
        self.setProperty("role", "banner")
        self._now = now
        self._status: ConnectivityStatus | None = None
        self._unavailable: frozenset[str] = frozenset()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 8, 24, 8)
        layout.setSpacing(16)
        self._icon = styled_label("", role="banner-text", wrap=False)
        self._icon.setPixmap(icon_pixmap("warning", size=32, colour=Colours().text))
        self._text = styled_label("", role="banner-text")
        self._text.setObjectName("StatusBannerText")
        layout.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self._text, 1)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._render)
        self._timer.start()
        self.hide()

    def set_sync_status(self, status: ConnectivityStatus) -> None:
        """A new connectivity snapshot."""
        self._status = status
        self._render()

    def set_unavailable(self, features: Collection[str]) -> None:
        """The features that cannot work now (empty when all can)."""
        unavailable = frozenset(features)
        if unavailable != self._unavailable:
            self._unavailable = unavailable
            self.unavailable_changed.emit(unavailable)
        self._render()

    def unavailable(self) -> frozenset[str]:
        return self._unavailable

    def text(self) -> str:
        """What the banner says ("" when hidden)."""
        return self._text.text() if not self.isHidden() else ""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._render()
        super().changeEvent(event)

    def _render(self) -> None:
        lines = []
        now = self._now()
        status = self._status
        if status is not None:
            age = status.oldest_data_age(now)
            if not status.online:
                since = status.offline_since
                if since is not None:
                    lines.append(
                        arg(
                            self.tr("网络已断开 (自 %1 起), 正在使用本机保存的数据"),
                            since.strftime("%H:%M"),
                        )
                    )
                else:
                    lines.append(self.tr("网络未连接, 正在使用本机保存的数据"))
            if age is not None and (not status.online or age >= STALE_AFTER):
                lines.append(arg(self.tr("数据更新于 %1 前"), age_text(age)))
        if self._unavailable:
            names = [
                QCoreApplication.translate("StatusBanner", str(_FEATURE_LABELS[f]))
                for f in sorted(self._unavailable)
                if f in _FEATURE_LABELS
            ]
            if names:
                lines.append(arg(self.tr("暂不可用: %1"), self.tr("、").join(names)))
            else:
                lines.append(self.tr("部分设备暂不可用, 相关服务已暂停"))
        self._text.setText(self.tr(" · ").join(lines))
        self.setVisible(bool(lines))
