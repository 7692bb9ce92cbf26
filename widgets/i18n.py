"""Run-time language switching: 简体中文 (the source language) and English.

Every visible string is written in Chinese inside ``self.tr(...)`` /
``QT_TRANSLATE_NOOP(...)``; English comes from ``resources/i18n/govterm_en.qm``.
Placeholders are Qt style (``%1``, ``%2``) and are filled with :func:`arg` after
translation, so a translator can move them around; never format inside ``tr``.

Installing or removing the translator makes Qt send ``QEvent.LanguageChange`` to every
widget; screens re-translate in ``changeEvent`` (see :func:`is_language_change`).

Regenerating the translations (from the repository root)::

    .venv/bin/pyside6-lupdate widgets kiosk window_client -extensions py \\
        -ts resources/i18n/govterm_en.ts
    # fill in the new <translation> entries (Qt Linguist: pyside6-linguist)
    .venv/bin/pyside6-lrelease resources/i18n/govterm_en.ts \\
        -qm resources/i18n/govterm_en.qm
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QEvent, QObject, QTranslator, Signal
from PySide6.QtWidgets import QApplication

from core.errors import EnvironmentProblem

log = logging.getLogger(__name__)

Language = Literal["zh_CN", "en"]
SOURCE_LANGUAGE: Language = "zh_CN"
LANGUAGES: tuple[Language, ...] = ("zh_CN", "en")

_PLACEHOLDER = re.compile(r"%(\d)")


def arg(template: str, *values: object) -> str:
    """Fill Qt-style ``%1`` … ``%9`` placeholders of a translated template in one pass.

    One pass means a value that itself contains ``%2`` is never substituted again.

    Example:
        ``arg(self.tr("共 %1 项"), len(hits))``
    """

    def fill(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if 0 <= index < len(values) else match.group(0)

    return _PLACEHOLDER.sub(fill, template)


def is_language_change(event: QEvent) -> bool:
    """Whether a ``changeEvent`` asks the widget to re-translate itself."""
    return event.type() == QEvent.Type.LanguageChange


class LanguageManager(QObject):
    """Switches the application's language at run time.

    Args:
        app: the application the translator is installed on.
        translations_dir: where ``govterm_<lang>.qm`` files live.
        parent: the Qt parent.

    Raises:
        EnvironmentProblem: the English translation file is missing or unreadable (a
            broken installation; the kiosk must not offer a toggle that does nothing).

    Signals:
        language_changed(str): the language is now the given code (``"zh_CN"``/``"en"``);
            emitted after Qt has sent ``LanguageChange`` to every widget.
    """

    language_changed = Signal(str)

    def __init__(
        self, app: QApplication, *, translations_dir: Path, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._language: Language = SOURCE_LANGUAGE
        self._translator = QTranslator(self)
        qm = translations_dir / "govterm_en.qm"
        if not self._translator.load(str(qm)):
            raise EnvironmentProblem(f"英文翻译文件缺失或损坏: {qm}")

    def language(self) -> Language:
        """The current language code."""
        return self._language

    def set_language(self, language: str) -> None:
        """Switch to ``language`` (``"zh_CN"`` or ``"en"``); a no-op when already set.

        Raises:
            ValueError: for a language this product does not ship.
        """
        if language not in LANGUAGES:
            raise ValueError(f"unsupported language {language!r}")
        if language == self._language:
            return
        if language == "en":
            self._app.installTranslator(self._translator)
        else:
            self._app.removeTranslator(self._translator)
        self._language = "en" if language == "en" else "zh_CN"
        log.info("language switched to %s", self._language)
        self.language_changed.emit(self._language)

    def toggle(self) -> None:
        """Switch between Chinese and English (the header's 中文/English button)."""
        self.set_language("zh_CN" if self._language == "en" else "en")
