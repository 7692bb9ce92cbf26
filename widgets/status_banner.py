"""The kiosk's status banner: offline since when, how old the data is, what cannot work.

A citizen at 2 a.m. must see at once that the terminal is working from its own copy of
the catalog, and that the printer is out of paper before choosing something that needs
it. The banner is driven by plain objects:

- the sync engine's status (``sync.status.SyncStatus``, or anything of the
  :class:`ConnectivityStatus` shape), delivered through a :class:`StatusFeed` that
  brings the engine thread's callbacks to the GUI thread;
- the device-health model (``devices.health.HealthBoard``: ``features_available()``
  returns a ``Features`` of booleans; anything of the :class:`FeatureHealth` shape).

:func:`hidden_tiles` turns unavailable features into home tiles to hide; they come
back when the device recovers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterable, Mapping
from datetime import datetime, timedelta
from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QWidget

from core.terminal import Tile
from widgets.i18n import arg, is_language_change
from widgets.icons import icon_pixmap
from widgets.layout import styled_label
from widgets.theme import Colours

log = logging.getLogger(__name__)

# Data older than this is called out even while online (a sync that silently stalls).
STALE_AFTER = timedelta(hours=2)
REFRESH_MS = 30_000
_TEXT_MIN_WIDTH = 320  # px; the banner's text wraps within whatever the window has

# Feature names: the fields of devices.health.Features, and what needs them.
RECEIPT_PRINTING = "receipt_printing"  # 受理凭证, 取号小票
SELF_PRINT_PICKUP = "self_print_pickup"  # result documents on the A4 printer
LOCKER_PICKUP = "locker_pickup"  # 智能文件柜
SCANNING = "scanning"  # 居民码/企业码, receipt QR
IDCARD_READING = "idcard_reading"  # 刷身份证
ONLINE = "online"  # the gateway

# A tile shows when one of its alternatives is fully available.
TILE_NEEDS: Mapping[Tile, tuple[frozenset[str], ...]] = {
    Tile.PICKUP: (frozenset({SELF_PRINT_PICKUP}), frozenset({LOCKER_PICKUP})),
    Tile.TICKET: (frozenset({RECEIPT_PRINTING}),),
    Tile.APPOINTMENT: (frozenset({RECEIPT_PRINTING}),),
    Tile.SCAN: (frozenset({SCANNING}),),
    Tile.HELP: (frozenset({ONLINE}),),
}

_FEATURE_LABELS: dict[str, object] = {
    RECEIPT_PRINTING: QT_TRANSLATE_NOOP("StatusBanner", "凭条打印"),
    SELF_PRINT_PICKUP: QT_TRANSLATE_NOOP("StatusBanner", "自助打印取件"),
    LOCKER_PICKUP: QT_TRANSLATE_NOOP("StatusBanner", "智能文件柜取件"),
    SCANNING: QT_TRANSLATE_NOOP("StatusBanner", "扫码"),
    IDCARD_READING: QT_TRANSLATE_NOOP("StatusBanner", "刷身份证"),
    ONLINE: QT_TRANSLATE_NOOP("StatusBanner", "联网服务"),
    # devices.health roles, for devices reported broken
    "receipt_printer": QT_TRANSLATE_NOOP("StatusBanner", "凭条打印"),
    "a4_printer": QT_TRANSLATE_NOOP("StatusBanner", "文件打印"),
    "scanner": QT_TRANSLATE_NOOP("StatusBanner", "扫码"),
    "locker": QT_TRANSLATE_NOOP("StatusBanner", "智能文件柜"),
    "idcard": QT_TRANSLATE_NOOP("StatusBanner", "身份证阅读"),
}


class ConnectivityStatus(Protocol):
    """What the banner reads of the sync status (``sync.status.SyncStatus`` fits)."""

    @property
    def online(self) -> bool: ...

    @property
    def offline_since(self) -> datetime | None: ...

    def oldest_data_age(self, now: datetime) -> timedelta | None: ...


class FeatureHealth(Protocol):
    """What the banner reads of device health (``devices.health.HealthBoard`` fits).

    ``features_available()`` returns an object with one boolean attribute per feature
    (``devices.health.Features``), a mapping of feature → available, or the names of
    the available features.
    """

    def features_available(self) -> object: ...


def unavailable_features(
    available: object, *, known: Iterable[str] = _FEATURE_LABELS
) -> frozenset[str]:
    """The features that cannot work now.

    Args:
        available: what ``features_available()`` returned (see :class:`FeatureHealth`).
        known: the feature names to look for on an object or in a collection.
    """
    if isinstance(available, Mapping):
        return frozenset(str(name) for name, ok in available.items() if not ok)
    if isinstance(available, Collection) and not isinstance(available, str):
        present = {str(name) for name in available}
        return frozenset(name for name in known if name not in present)
    return frozenset(
        name
        for name in known
        if isinstance(getattr(available, name, None), bool) and not getattr(available, name)
    )


def reported_down(health: object) -> frozenset[str] | None:
    """Roles of devices reported unavailable (``HealthBoard.devices()``), if it says.

    A device that was never fitted is absent, not broken: the tiles needing it are
    hidden, but the banner only names devices that failed.
    """
    devices = getattr(health, "devices", None)
    if not callable(devices):
        return None
    return frozenset(
        str(getattr(device, "role", ""))
        for device in devices()
        if not getattr(device, "usable", True)
    )


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
    """ "3 分钟" / "2 小时" / "1 天", translated."""
    minutes = int(age.total_seconds() // 60)
    if minutes < 1:
        return QCoreApplication.translate("StatusBanner", "不到 1 分钟")
    if minutes < 60:
        return arg(QCoreApplication.translate("StatusBanner", "%1 分钟"), minutes)
    if minutes < 48 * 60:
        return arg(QCoreApplication.translate("StatusBanner", "%1 小时"), minutes // 60)
    return arg(QCoreApplication.translate("StatusBanner", "%1 天"), minutes // (24 * 60))


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
        # the text wraps to the width it is given and never asks for more: three
        # English lines side by side widened a portrait kiosk window to 1733 px
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self._text.setSizePolicy(policy)
        self._text.setMinimumWidth(_TEXT_MIN_WIDTH)
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
                            self.tr("网络已断开（自 %1 起），正在使用本机保存的数据"),
                            since.strftime("%H:%M"),
                        )
                    )
                else:
                    lines.append(self.tr("网络未连接，正在使用本机保存的数据"))
            if age is not None and (not status.online or age >= STALE_AFTER):
                lines.append(arg(self.tr("数据更新于 %1前"), age_text(age)))
        if self._unavailable:
            names = [
                QCoreApplication.translate("StatusBanner", str(_FEATURE_LABELS[f]))
                for f in sorted(self._unavailable)
                if f in _FEATURE_LABELS
            ]
            if names:
                lines.append(arg(self.tr("暂不可用：%1"), self.tr("、").join(names)))
            else:
                lines.append(self.tr("部分设备暂不可用，相关服务已暂停"))
        self._text.setText(self.tr(" · ").join(lines))
        self.setVisible(bool(lines))
