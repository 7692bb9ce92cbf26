"""Every error message a person can see has an English translation, compiled and current.

``scripts/error_texts.py`` collects the ``msg(...)`` templates of every package into
``resources/i18n/errors_en.ts`` and compiles it; this test reads the source the same way
and fails on Chinese error text written without ``msg`` (an f-string the UI could not
translate), on a template with no English, on an English text whose placeholders differ
from the template's, and on a ``.qm`` older than its ``.ts``.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTranslator

from scripts import error_texts

CLASSES = error_texts.all_error_classes()


@pytest.mark.parametrize("package", error_texts.PACKAGES)
def test_error_text_of_package_is_written_with_msg(package: str) -> None:
    scan = error_texts.scan_package(package, CLASSES)
    assert not scan.problems, "\n".join(scan.problems)


def test_every_template_has_current_english(qapp) -> None:
    templates = error_texts.all_templates(CLASSES).templates
    translations = error_texts.read_translations(error_texts.ERRORS_TS)
    missing = sorted(t for t in templates if not translations.get(t))
    assert not missing, (
        f"{len(missing)} templates without English; run scripts/error_texts.py and "
        "translate them:\n" + "\n".join(missing))
    assert set(translations) == set(templates), "stale templates; run scripts/error_texts.py"
    mismatched = [
        f"{template!r} → {english!r}" for template, english in translations.items()
        if english is not None
        and error_texts.placeholders(template) != error_texts.placeholders(english)]
    assert not mismatched, "\n".join(mismatched)
    translator = QTranslator()
    assert translator.load(str(error_texts.ERRORS_QM))
    stale = [t for t, english in translations.items()
             if translator.translate(error_texts.CONTEXT, t) != english]
    assert not stale, "errors_en.qm is older than errors_en.ts; run scripts/error_texts.py"
