"""The kiosk's home screen: a grid of big tiles, only those this terminal offers."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from core.terminal import Orientation, TerminalProfile, Tile
from widgets.i18n import is_language_change
from widgets.icons import icon, icon_size
from widgets.labels import label
from widgets.layout import styled_label
from widgets.theme import ThemeMetrics

log = logging.getLogger(__name__)

# Tiles whose feature works in this release, in the order the grid shows them: the
# most used first (搜索, 扫码办事, 取号, 自助取件), the rest after. The grid lays out
# whatever is here; a terminal shows those its profile offers.
AVAILABLE_TILES: tuple[Tile, ...] = (
    Tile.SEARCH,
    Tile.SCAN,
    Tile.TICKET,
    Tile.PICKUP,
    Tile.PERSONAL,
    Tile.ENTERPRISE,
    Tile.BUNDLES,
    Tile.HOT,
    Tile.PROGRESS,
    Tile.APPOINTMENT,
    Tile.DEPARTMENTS,
    Tile.MAP,
    Tile.EVALUATION,
    Tile.HELP,
)

# (normal, 长辈模式): 长辈模式's taller tiles take more rows, so fewer per row
_MAX_ROWS_LANDSCAPE = (2, 3)
_MAX_ROWS_PORTRAIT = (5, 6)

_ICONS: dict[Tile, str] = {tile: tile.value for tile in Tile}
_COMPACT_ICON = 64  # 长辈模式 tiles with two-line labels (see HomeScreen._size_tiles)


_ONE_LINE = 17  # characters; a longer label of several words goes on two lines


def tile_text(text: str) -> str:
    """A tile's label, broken at the space nearest its middle when it is long.

    A tool button never wraps its text, so "One-stop service bundles" on one line made
    the grid (and the window) wider than a 1920 px screen in English.
    """
    if len(text) <= _ONE_LINE or " " not in text:
        return text
    middle = len(text) / 2
    cut = min((i for i, c in enumerate(text) if c == " "), key=lambda i: abs(i - middle))
    return text[:cut] + "\n" + text[cut + 1 :]


class HomeScreen(QWidget):
    """Big tiles for what the terminal offers.

    Args:
        profile: which tiles this terminal offers and its orientation.
        metrics: sizes of the current theme (normal or 长辈模式).
        parent: the Qt parent.

    Signals:
        tile_chosen(Tile): the person tapped a tile.
    """

    tile_chosen = Signal(object)

    def __init__(
        self, *, profile: TerminalProfile, metrics: ThemeMetrics, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._profile = profile
        self._metrics = metrics
        self._tiles: dict[Tile, QToolButton] = {}
        self._hidden: frozenset[Tile] = frozenset()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.setSpacing(24)
        self._welcome = styled_label("", role="title")
        self._welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._hint = styled_label("", role="muted")
        self._hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self._welcome)
        layout.addWidget(self._hint)
        self._grid = QGridLayout()
        self._grid.setSpacing(24)
        layout.addLayout(self._grid, 1)
        for tile in self.tiles():
            button = QToolButton()
            button.setObjectName(f"tile-{tile.value}")
            button.setProperty("role", "tile-accent" if tile is Tile.SEARCH else "tile")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, t=tile: self.tile_chosen.emit(t))
            self._tiles[tile] = button
        self.apply_metrics(metrics)
        self._retranslate()

    def tiles(self) -> tuple[Tile, ...]:
        """The tiles shown: offered, working in this release, and not hidden for now."""
        return tuple(
            t for t in AVAILABLE_TILES if self._profile.offers(t) and t not in self._hidden
        )

    def set_hidden_tiles(self, tiles: frozenset[Tile]) -> None:
        """Hide tiles whose device cannot work (no paper …); they return when it can."""
        if tiles != self._hidden:
            self._hidden = frozenset(tiles)
            self.apply_metrics(self._metrics)

    def tile_button(self, tile: Tile) -> QToolButton:
        """The button of ``tile``; ``KeyError`` when it is not shown."""
        return self._tiles[tile]

    def apply_metrics(self, metrics: ThemeMetrics) -> None:
        """Re-lay the grid for new sizes (长辈模式 has fewer, larger tiles per row)."""
        self._metrics = metrics
        portrait = self._profile.orientation is Orientation.PORTRAIT
        columns = metrics.tile_columns_portrait if portrait else metrics.tile_columns_landscape
        # every service on one screen: past the rows that fit, the grid gets wider
        max_rows = (_MAX_ROWS_PORTRAIT if portrait else _MAX_ROWS_LANDSCAPE)[metrics.elder]
        columns = max(columns, -(-len(self.tiles()) // max_rows))
        for tile, button in self._tiles.items():
            self._grid.removeWidget(button)
            if tile in self._hidden:
                button.hide()
            elif button.parent() is not None:  # a parentless show() would open a window
                button.show()
        for index, tile in enumerate(self.tiles()):
            row, column = divmod(index, columns)
            self._grid.addWidget(self._tiles[tile], row, column)
        for column in range(max(columns, self._grid.columnCount())):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        self._size_tiles()

    def _size_tiles(self) -> None:
        """Icon and text sizes of the tiles shown, for the mode and the labels' lines.

        In 长辈模式 a label on two lines (English) under a 96 px icon made three rows of
        tiles taller than a landscape screen: such tiles get a 64 px icon and the
        elder minimum text size (30 px), still far above the 60 px touch target.
        """
        metrics = self._metrics
        shown = [self._tiles[tile] for tile in self.tiles()]
        compact = metrics.elder and any("\n" in button.text() for button in shown)
        size = _COMPACT_ICON if compact else metrics.icon
        text = metrics.small if compact else metrics.subtitle
        for tile in self.tiles():
            button = self._tiles[tile]
            colour = "#FFFFFF" if tile is Tile.SEARCH else "#0F4C9E"
            button.setIcon(icon(_ICONS[tile], size=size, colour=colour))
            button.setIconSize(icon_size(size))
            button.setMinimumHeight(size + text + 40)
            wanted = f"font-size: {text}px;" if compact else ""
            if button.styleSheet() != wanted:
                button.setStyleSheet(wanted)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._welcome.setText(self.tr("您好，欢迎使用政务服务自助终端"))
        self._hint.setText(self.tr("请点击下方服务，或点“搜索”输入事项名称、拼音首字母"))
        for tile, button in self._tiles.items():
            button.setText(tile_text(label(tile)))
        self._size_tiles()
