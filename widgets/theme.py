"""The look of both modes: palette, style sheet, Chinese font, sizes.

Widgets never hard-code colours or font sizes; they set a ``role`` dynamic property
(``"title"``, ``"tile"``, ``"row"`` …) and the style sheet in
``resources/themes/govterm.qss`` styles it. Sizes that code needs (icon sizes, grid
columns, items per page) come from :func:`theme_metrics`.

Elder mode (长辈模式) makes text ≥ 30 px and shows fewer items per screen; every touch
target of the kiosk is ≥ 60 px in both modes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from string import Template
from typing import Literal, cast

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

Mode = Literal["kiosk", "window"]

THEMES_DIR = Path(__file__).resolve().parent.parent / "resources" / "themes"

# Preferred first; the rest are what Chinese desktops (UOS/Kylin, Windows, macOS) ship.
CJK_FAMILIES: tuple[str, ...] = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "SimHei",
)

_MODE_PROPERTY = "govterm_theme_mode"
_ELDER_PROPERTY = "govterm_theme_elder"


@dataclass(frozen=True, slots=True)
class Colours:
    """The calm government palette (text colours pass WCAG 4.5:1 on their backgrounds)."""

    primary: str = "#0F4C9E"  # 政务蓝
    primary_dark: str = "#0A3772"
    primary_light: str = "#E8F0FB"
    background: str = "#F2F5FA"
    surface: str = "#FFFFFF"
    border: str = "#D3DCE8"
    text: str = "#1B2430"
    muted: str = "#4E5A6B"
    danger: str = "#A61B1B"
    danger_light: str = "#FDECEC"
    success: str = "#0B6B3A"
    success_light: str = "#E6F4EC"
    warning_light: str = "#FFF6E0"


# Foreground/background pairs the style sheet puts text in (role: fg on bg). 长辈模式
# asks for ≥ 4.5:1 (WCAG AA) for each; tests compute it with :func:`contrast_ratio`.
TEXT_PAIRS: tuple[tuple[str, str, str], ...] = (
    ("body", "text", "background"),
    ("card", "text", "surface"),
    ("muted", "muted", "background"),
    ("muted-on-card", "muted", "surface"),
    ("header", "#FFFFFF", "primary"),
    ("footer", "#FFFFFF", "primary_dark"),
    ("primary-button", "#FFFFFF", "primary"),
    ("secondary-button", "primary", "surface"),
    ("notice", "danger", "danger_light"),
    ("good", "success", "success_light"),
    ("badge", "primary_dark", "primary_light"),
    ("key-action", "primary_dark", "primary_light"),
    ("candidate", "primary_dark", "#E4EAF3"),
    ("banner", "text", "warning_light"),
)

# Roles added with the kiosk's unattended basics (pinyin bar, countdown, status banner).
_EXTRA_QSS = """
QLabel[role="preedit"] {
    color: $primary_dark; font-size: ${subtitle}px; font-weight: 700; padding: 0 ${pad}px;
    min-width: ${title}px;
}
QPushButton#key-previous-page, QPushButton#key-next-page { padding: 0 ${pad}px; }
QPushButton[role="candidate"] { min-height: ${key}px; }
QPushButton[role="key-action"]:disabled { color: $muted; background: $background; }
QLabel[role="countdown"] { color: $danger; font-size: ${countdown}px; font-weight: 700; }
QFrame[role="banner"] { background: $warning_light; border-bottom: 2px solid $border; }
QLabel[role="banner-text"] { color: $text; font-size: ${body}px; font-weight: 700; }
"""


def _luminance(colour: str) -> float:
    q = QColor(colour)

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(q.redF()) + 0.7152 * channel(q.greenF()) + 0.0722 * channel(q.blueF())


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two colours (``"#RRGGBB"``), from 1 to 21."""
    a, b = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def resolve_colour(name: str, colours: Colours | None = None) -> str:
    """A palette name (``"primary"``) or a literal ``"#RRGGBB"`` as ``"#RRGGBB"``."""
    return name if name.startswith("#") else str(getattr(colours or Colours(), name))


@dataclass(frozen=True, slots=True)
class ThemeMetrics:
    """Sizes for one mode; pixel values are logical pixels.

    Attributes:
        body: body text size.
        small: the smallest text shown (captions, footers).
        title: screen titles.
        target: the minimum height of anything touchable.
        icon: tile icon size.
        tile_columns_landscape: home grid columns at 1920×1080.
        tile_columns_portrait: home grid columns at 1080×1920.
        page_size: list rows per page before paging kicks in.
    """

    mode: Mode
    elder: bool
    body: int
    small: int
    title: int
    subtitle: int
    target: int
    icon: int
    tile_columns_landscape: int
    tile_columns_portrait: int
    page_size: int


def _metrics(mode: Mode, elder: bool) -> ThemeMetrics:
    if mode == "window":
        return ThemeMetrics(mode, False, 15, 13, 22, 17, 32, 24, 4, 4, 200)
    if elder:
        return ThemeMetrics(mode, True, 32, 30, 48, 38, 96, 96, 3, 2, 5)
    return ThemeMetrics(mode, False, 24, 22, 40, 30, 72, 80, 4, 3, 8)


def theme_metrics(app: QApplication) -> ThemeMetrics:
    """The metrics of the theme last applied to ``app`` (kiosk, normal if none yet)."""
    mode = app.property(_MODE_PROPERTY) or "kiosk"
    elder = bool(app.property(_ELDER_PROPERTY))
    return _metrics(cast(Mode, mode), elder)


def pick_cjk_family() -> str | None:
    """The first installed Chinese font family of :data:`CJK_FAMILIES`, if any."""
    installed = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    for family in CJK_FAMILIES:
        if family in installed:
            return family
    return None


def _font(metrics: ThemeMetrics) -> QFont:
    font = QFont()
    family = pick_cjk_family()
    if family is None:
        # Boxes instead of hanzi are the worst failure a hall terminal can show.
        log.warning("no Chinese font found among %s; install fonts-noto-cjk", CJK_FAMILIES)
        font.setFamilies(list(CJK_FAMILIES))
    else:
        font.setFamilies([family, *[f for f in CJK_FAMILIES if f != family]])
    font.setPixelSize(metrics.body)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def _palette(c: Colours) -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    palette.setColor(role.Window, QColor(c.background))
    palette.setColor(role.WindowText, QColor(c.text))
    palette.setColor(role.Base, QColor(c.surface))
    palette.setColor(role.AlternateBase, QColor(c.primary_light))
    palette.setColor(role.Text, QColor(c.text))
    palette.setColor(role.Button, QColor(c.surface))
    palette.setColor(role.ButtonText, QColor(c.text))
    palette.setColor(role.Highlight, QColor(c.primary))
    palette.setColor(role.HighlightedText, QColor("#FFFFFF"))
    palette.setColor(role.PlaceholderText, QColor(c.muted))
    palette.setColor(role.ToolTipBase, QColor(c.surface))
    palette.setColor(role.ToolTipText, QColor(c.text))
    palette.setColor(role.Link, QColor(c.primary))
    return palette


def style_sheet(mode: Mode, *, elder: bool = False, themes_dir: Path = THEMES_DIR) -> str:
    """The style sheet for ``mode``, with sizes and colours filled in."""
    metrics = _metrics(mode, elder)
    template = Template((themes_dir / "govterm.qss").read_text(encoding="utf-8"))
    colours = Colours()
    values: dict[str, object] = {
        name: getattr(colours, name) for name in Colours.__dataclass_fields__
    }
    values.update(
        body=metrics.body,
        small=metrics.small,
        title=metrics.title,
        subtitle=metrics.subtitle,
        target=metrics.target,
        half_target=metrics.target // 2,
        pad=max(8, metrics.body // 2),
        radius=12 if mode == "kiosk" else 6,
        row=metrics.target,
        # Keys are a dense grid: large enough to touch (≥ 60 px), small enough that
        # the keyboard leaves room for results in 长辈模式.
        key=max(60, metrics.target * 3 // 4),
        countdown=metrics.title * 2,
    )
    mode_file = themes_dir / f"{mode}.qss"
    extra = Template(mode_file.read_text(encoding="utf-8")) if mode_file.exists() else None
    text = template.substitute(values) + Template(_EXTRA_QSS).substitute(values)
    if extra is not None:
        text += "\n" + extra.substitute(values)
    return text


def apply_theme(
    app: QApplication, *, mode: Mode, elder: bool = False, themes_dir: Path = THEMES_DIR
) -> None:
    """Apply palette, style sheet and Chinese font for ``mode``.

    Calling it again (the 长辈模式 toggle) restyles every widget in place.

    Args:
        app: the application.
        mode: ``"kiosk"`` (touch, large) or ``"window"`` (clerk desktop, dense).
        elder: 长辈模式 — larger text and targets, fewer items per screen (kiosk only).
        themes_dir: where ``govterm.qss`` and ``<mode>.qss`` live.
    """
    elder = elder and mode == "kiosk"
    metrics = _metrics(mode, elder)
    app.setProperty(_MODE_PROPERTY, mode)
    app.setProperty(_ELDER_PROPERTY, elder)
    app.setStyle("Fusion")  # the same look on UOS, Kylin and Windows
    colours = Colours()
    app.setPalette(_palette(colours))
    app.setFont(_font(metrics))
    app.setStyleSheet(style_sheet(mode, elder=elder, themes_dir=themes_dir))
    log.info("theme applied: mode=%s elder=%s", mode, elder)
