"""Collect the error message templates of each package into its English ``.ts`` file.

Error text for people is written in Chinese with :func:`core.errors.msg` in layers that
have no Qt, so Qt's ``lupdate`` cannot see it. This script reads the source instead:

- every ``msg("…")`` template of the packages people see goes into
  ``resources/i18n/errors_en.ts`` (context ``Errors``), once however many places use
  it; translations already there are kept, new templates are added unfinished,
  templates no longer in the source are dropped;
- the ``.ts`` is compiled to the ``errors_en.qm`` that ``widgets.i18n.LanguageManager``
  loads beside ``govterm_en.qm``.

It also reports Chinese text given to an exception without ``msg`` (an f-string or a
plain literal), which the UI could not translate.

Usage (from the repository root)::

    .venv/bin/python scripts/error_texts.py            # update the .ts, compile the .qm
    .venv/bin/python scripts/error_texts.py --check    # report only; exit 1 on problems

Fill in ``<translation>`` entries by hand (or in Qt Linguist) and run it again.
``tests/test_error_texts.py`` keeps every template translated and the ``.qm`` current.
"""

from __future__ import annotations

import argparse
import ast
import builtins
import os
import re
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ERRORS_TS = ROOT / "resources" / "i18n" / "errors_en.ts"
"""The English translation source of every error template."""
ERRORS_QM = ERRORS_TS.with_suffix(".qm")
"""The compiled translation ``widgets.i18n.LanguageManager`` loads."""
CONTEXT = "Errors"
PACKAGES = (
    "core", "sync", "gateway", "devices", "documents", "govterm", "kiosk", "window_client",
    "widgets",
)
"""Packages whose error text people can see (the terminal shows the gateway's too)."""

_CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]")
_BUILTIN_EXCEPTIONS = frozenset(
    name for name, value in vars(builtins).items()
    if isinstance(value, type) and issubclass(value, BaseException)
)
_TRANSLATED = frozenset({"tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP"})
"""Qt's own translation calls: their text is translated where it is written."""



@dataclass
class Scan:
    """What one package's source says about error text."""

    templates: dict[str, list[str]] = field(default_factory=dict)
    """Each ``msg`` template and where it is used (``path:line``)."""
    problems: list[str] = field(default_factory=list)
    """Chinese error text that bypasses ``msg``, or a ``msg`` without a literal."""


def placeholders(template: str) -> set[str]:
    """The names of a template's placeholders (doubled braces are literal)."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}
    except ValueError:
        return set()


def _callee(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _has_chinese(node: ast.AST) -> bool:
    """Whether an argument holds Chinese literal text outside any call of its own.

    ``"中文"``, ``f"中文{x}"``, ``message or "中文"`` and ``a if b else "中文"`` do;
    text inside a nested call is checked when that call is visited.
    """
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and bool(_CJK.search(node.value))
    if isinstance(node, ast.Call | ast.Lambda):
        return False
    return any(_has_chinese(child) for child in ast.iter_child_nodes(node))


class _Visitor(ast.NodeVisitor):
    def __init__(self, where: str, scan: Scan, error_classes: set[str]) -> None:
        self.where = where
        self.scan = scan
        self.error_classes = error_classes
        self.in_raise = 0
        self.in_msg = 0
        self.in_error_class = False

    def visit_ClassDef(self, node: ast.ClassDef) -> None:  # noqa: N802 - ast visitor
        outer = self.in_error_class
        self.in_error_class = node.name in self.error_classes
        self.generic_visit(node)
        self.in_error_class = outer

    def visit_Raise(self, node: ast.Raise) -> None:  # noqa: N802 - ast visitor
        self.in_raise += 1
        self.generic_visit(node)
        self.in_raise -= 1

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802 - ast visitor
        name = _callee(node)
        if name in _TRANSLATED:
            return
        if name == "msg":
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                self.scan.templates.setdefault(first.value, []).append(
                    f"{self.where}:{node.lineno}")
            else:
                self.scan.problems.append(
                    f"{self.where}:{node.lineno}: msg() needs a string literal template")
            self.in_msg += 1
            self.generic_visit(node)
            self.in_msg -= 1
            return
        is_error = name in self.error_classes or name == "__init__" and self.in_error_class or (
            self.in_raise and name and name not in _BUILTIN_EXCEPTIONS)
        if is_error and not self.in_msg:
            for argument in [*node.args, *(k.value for k in node.keywords)]:
                if _has_chinese(argument):
                    self.scan.problems.append(
                        f"{self.where}:{argument.lineno}: Chinese text for {name}() "
                        "without msg(); the UI cannot translate it")
        self.generic_visit(node)


def _error_classes(trees: list[ast.Module]) -> set[str]:
    """Names of the exception classes defined in the scanned source."""
    bases: dict[str, set[str]] = {}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {
                    b.id if isinstance(b, ast.Name) else b.attr if isinstance(b, ast.Attribute)
                    else "" for b in node.bases}
    known = set(_BUILTIN_EXCEPTIONS)
    changed = True
    while changed:
        changed = False
        for name, parents in bases.items():
            if name not in known and parents & known:
                known.add(name)
                changed = True
    return known - _BUILTIN_EXCEPTIONS


def _files(package: str) -> list[Path]:
    return sorted(p for p in (ROOT / package).rglob("*.py") if "__pycache__" not in p.parts)


def scan_package(package: str, error_classes: set[str] | None = None) -> Scan:
    """Read one package's source for ``msg`` templates and untranslatable error text."""
    scan = Scan()
    parsed = [(p, ast.parse(p.read_text(encoding="utf-8"), str(p))) for p in _files(package)]
    if error_classes is None:
        error_classes = all_error_classes()
    for path, tree in parsed:
        _Visitor(str(path.relative_to(ROOT)), scan, error_classes).visit(tree)
    for template, where in scan.templates.items():
        problem = template_problem(template)
        if problem:
            scan.problems.append(f"{where[0]}: template {template!r}: {problem}")
    return scan


def template_problem(template: str) -> str | None:
    """Why ``template`` cannot be filled by name (``None`` when it can).

    Placeholders must be plain names (``{days}``, ``{at:%H:%M}``); positional ``{}``,
    ``{0}`` and attribute or index access are refused, as are unbalanced braces.
    """
    try:
        fields = list(string.Formatter().parse(template))
    except ValueError as exc:
        return str(exc)
    for _, name, _, _ in fields:
        if name is not None and not name.isidentifier():
            return f"placeholder {{{name}}} is not a name"
    return None


def all_error_classes() -> set[str]:
    """Exception classes defined anywhere in the scanned packages."""
    trees = [ast.parse(p.read_text(encoding="utf-8")) for pkg in PACKAGES for p in _files(pkg)]
    return _error_classes(trees)


def read_translations(path: Path) -> dict[str, str | None]:
    """Source → English of a ``.ts`` file's ``Errors`` context (``None``: unfinished)."""
    if not path.exists():
        return {}
    found: dict[str, str | None] = {}
    for message in ET.parse(path).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        finished = (translation is not None and translation.get("type") is None
                    and bool(translation.text))
        found[source] = translation.text if finished and translation is not None else None
    return found


def write_ts(path: Path, templates: dict[str, list[str]]) -> tuple[int, int]:
    """Rewrite ``path`` for ``templates``, keeping known translations.

    Returns:
        How many templates are translated and how many are not.
    """
    known = read_translations(path)
    ts = ET.Element("TS", version="2.1", language="en", sourcelanguage="zh_CN")
    context = ET.SubElement(ts, "context")
    ET.SubElement(context, "name").text = CONTEXT
    done = 0
    for template in sorted(templates):
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = template
        translation = ET.SubElement(message, "translation")
        english = known.get(template)
        if english:
            translation.text = english
            done += 1
        else:
            translation.set("type", "unfinished")
    ET.indent(ts)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(ts, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")
    return done, len(templates) - done


def all_templates(classes: set[str] | None = None) -> Scan:
    """Every package's templates and problems together."""
    classes = all_error_classes() if classes is None else classes
    merged = Scan()
    for package in PACKAGES:
        scan = scan_package(package, classes)
        for template, where in scan.templates.items():
            merged.templates.setdefault(template, []).extend(where)
        merged.problems += scan.problems
    return merged


def compile_qm() -> None:
    """Compile the ``.ts`` with ``pyside6-lrelease``, replacing the ``.qm`` atomically.

    A running program maps the ``.qm`` it loaded; writing a new file and renaming it
    over the old one leaves that mapping intact.
    """
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    fresh = ERRORS_QM.with_name(ERRORS_QM.name + ".new")
    subprocess.run([str(lrelease), "-silent", str(ERRORS_TS), "-qm", str(fresh)], check=True)
    os.replace(fresh, ERRORS_QM)


def main(argv: list[str] | None = None) -> int:
    """Update the ``.ts`` and compile the ``.qm``; with ``--check`` only report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="report only; exit 1 on problems")
    args = parser.parse_args(argv)
    scan = all_templates()
    for problem in scan.problems:
        sys.stderr.write(problem + "\n")
    if args.check:
        known = read_translations(ERRORS_TS)
        todo = sum(1 for template in scan.templates if not known.get(template))
    else:
        _, todo = write_ts(ERRORS_TS, scan.templates)
        compile_qm()
    sys.stdout.write(f"{len(scan.templates)} templates, {todo} to translate, "
                     f"{len(scan.problems)} problems\n")
    return 1 if todo or scan.problems else 0


if __name__ == "__main__":
    sys.exit(main())
