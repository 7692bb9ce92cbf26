"""Run-time language switching: 简体中文 (the source language) and English.

Every visible string is written in Chinese inside ``self.tr(...)`` /
``QT_TRANSLATE_NOOP(...)``; English comes from ``resources/i18n/govterm_en.qm``.
Placeholders are Qt style (``%1``, ``%2``) and are filled with :func:`arg` after
translation, so a translator can move them around; never format inside ``tr``.

Installing or removing the translator makes Qt send ``QEvent.LanguageChange`` to every
widget; screens re-translate in ``changeEvent`` (see :func:`is_language_change`).

Regenerating the translations (from the repository root)::

    # -extensions must come before the folders, or lupdate finds nothing and marks
    # every entry obsolete
    .venv/bin/pyside6-lupdate -extensions py widgets kiosk window_client \\
        -ts resources/i18n/govterm_en.ts
    # fill in the new <translation> entries (Qt Linguist: pyside6-linguist)
    .venv/bin/pyside6-lrelease resources/i18n/govterm_en.ts \\
        -qm resources/i18n/govterm_en.qm

Error messages come from layers without Qt (``core``, ``sync``, ``devices`` …). They
are written with :func:`core.errors.msg`; their templates live in the ``Errors``
context of ``resources/i18n/errors_en.ts``, kept by ``scripts/error_texts.py`` (it
also compiles the ``errors_en.qm`` this module loads beside ``govterm_en.qm``).
:func:`error_text` turns any error into the sentence to show, in the current language.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTranslator, Signal
from PySide6.QtWidgets import QApplication

from core.errors import DeviceUnavailable, EnvironmentProblem, Msg, UserFacingError, msg

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


ERRORS_CONTEXT = "Errors"
"""The translation context of every error message template."""


def translate_text(text: str) -> str:
    """``text`` in the current language.

    A :class:`~core.errors.Msg` is translated by its template and refilled with its
    values (values that are themselves ``Msg`` are translated the same way). A plain
    string is looked up whole (an older gateway's message); text with no translation
    is shown as it is, in Chinese, rather than not at all.
    """
    if not isinstance(text, Msg):
        return QCoreApplication.translate(ERRORS_CONTEXT, text)
    translated = QCoreApplication.translate(ERRORS_CONTEXT, text.template)
    if translated == text.template:
        return str(text)
    values = {name: translate_text(value) if isinstance(value, Msg) else value
              for name, value in text.params.items()}
    try:
        return translated.format_map(values)
    except (KeyError, IndexError, ValueError):
        log.warning("translation of %r does not fit its values", text.template)
        return str(text)


def error_text(error: BaseException) -> str | None:
    """What to tell the person about ``error``, in the current language.

    Returns:
        The translated message of a :class:`~core.errors.UserFacingError` or an
        :class:`~core.errors.EnvironmentProblem` (for a device problem, its reason;
        for any other, the text it was raised with);
        ``None`` for anything else, which is a bug: the caller logs it and shows its
        own general line.
    """
    if isinstance(error, UserFacingError):
        return translate_text(error.message)
    if isinstance(error, DeviceUnavailable):
        return translate_text(error.reason)
    if isinstance(error, EnvironmentProblem):
        first = error.args[0] if error.args else None
        return translate_text(first) if isinstance(first, str) and first else str(error)
    return None


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
        self._translators: list[QTranslator] = []
        # Read once into memory and kept here: Qt would otherwise map the files, and a
        # file replaced under a running terminal (an update) could pull pages from under
        # it. Qt does not copy the bytes, so they live as long as the translators.
        self._compiled: list[bytes] = []
        for qm in (translations_dir / "govterm_en.qm", translations_dir / "errors_en.qm"):
            translator = QTranslator(self)
            try:
                data = qm.read_bytes()
            except OSError:
                data = b""
            if not data or not translator.load(data, str(translations_dir)):
                raise EnvironmentProblem(msg("英文翻译文件缺失或损坏：{path}", path=str(qm)))
            self._compiled.append(data)
            self._translators.append(translator)

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
        for translator in self._translators:
            if language == "en":
                self._app.installTranslator(translator)
            else:
                self._app.removeTranslator(translator)
        self._language = "en" if language == "en" else "zh_CN"
        log.info("language switched to %s", self._language)
        self.language_changed.emit(self._language)

    def toggle(self) -> None:
        """Switch between Chinese and English (the header's 中文/English button)."""
        self.set_language("zh_CN" if self._language == "en" else "en")
