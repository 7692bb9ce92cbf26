"""The layer rules of DESIGN.md, checked on the source with ``ast``.

- ``core/`` is the pure domain: standard library (minus I/O, processes, threads and
  sockets) and pydantic only — no Qt, no SQLite, no HTTP, no files.
- Arrows point down the layout table: each package imports only the packages its row
  allows; nothing imports ``govterm`` (the composition root) but ``govterm`` itself.
- The UIs (``kiosk/``, ``window_client/``, ``widgets/``) run no SQL: the store owns it.

Every failure names the module, the line and the offending import or statement.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PROJECT = (
    "core",
    "sync",
    "gateway",
    "devices",
    "documents",
    "widgets",
    "kiosk",
    "window_client",
    "govterm",
)
NOT_PRODUCT = ("tests", "bench")

# Which project packages (or single modules) each package may import besides itself.
ALLOWED: dict[str, frozenset[str]] = {
    "core": frozenset(),
    "sync": frozenset({"core"}),
    # The gateway shares only the wire schemas with terminals (sync and queue protocols).
    "gateway": frozenset(
        {
            "core",
            "sync.protocol",
            "sync.queue_protocol",
            "sync.help_protocol",
            "sync.stats_protocol",
            "sync.results_protocol",
        }
    ),
    "devices": frozenset({"core"}),
    "documents": frozenset({"core"}),
    "widgets": frozenset({"core", "sync", "devices", "documents"}),
    "kiosk": frozenset({"core", "sync", "gateway", "devices", "documents", "widgets"}),
    "window_client": frozenset({"core", "sync", "gateway", "devices", "documents", "widgets"}),
    "govterm": frozenset(PROJECT),
}

# Standard-library modules the domain may not touch: files, processes, threads, network.
CORE_FORBIDDEN_STDLIB = frozenset(
    {
        "sqlite3",
        "urllib",
        "http",
        "socket",
        "socketserver",
        "ssl",
        "subprocess",
        "os",
        "io",
        "shutil",
        "pathlib",
        "tempfile",
        "glob",
        "threading",
        "multiprocessing",
        "concurrent",
        "asyncio",
        "signal",
        "ctypes",
        "logging.handlers",
    }
)
CORE_THIRD_PARTY = frozenset({"pydantic", "pydantic_core", "typing_extensions"})

UI_PACKAGES = ("kiosk", "window_client", "widgets")
SQL = re.compile(
    r"\bSELECT\b[\s\S]+\bFROM\b|\bINSERT\s+(OR\s+\w+\s+)?INTO\b|\bUPDATE\s+\w+\s+SET\b"
    r"|\bDELETE\s+FROM\b|\bCREATE\s+(TABLE|INDEX|VIRTUAL\s+TABLE|TRIGGER)\b|\bPRAGMA\s+\w+"
)
SQL_LIBRARIES = frozenset({"sqlite3", "sqlite_utils", "apsw", "psycopg", "sqlalchemy"})


@dataclass(frozen=True, slots=True)
class Import:
    module: str  # the module name as imported, absolute
    line: int


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> list[Path]:
    return sorted(p for package in PROJECT for p in (ROOT / package).rglob("*.py"))


def _imports(path: Path) -> Iterator[Import]:
    package = _module_name(path)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    return _imports_in(path.read_text(encoding="utf-8"), package=package)


def _imports_in(source: str, *, package: str) -> Iterator[Import]:
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the module's package
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            yield Import(target, node.lineno)
            for alias in node.names:  # from pkg import module
                yield Import(f"{target}.{alias.name}", node.lineno)


def _top(name: str) -> str:
    return name.split(".", maxsplit=1)[0]


def _is_within(name: str, allowed: str) -> bool:
    return name == allowed or name.startswith(allowed + ".")


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


MODULES = _modules()
UI_MODULES = [p for p in MODULES if p.relative_to(ROOT).parts[0] in UI_PACKAGES]
CORE_MODULES = [p for p in MODULES if p.relative_to(ROOT).parts[0] == "core"]


def test_the_project_has_modules_to_check() -> None:
    assert CORE_MODULES, "no modules under core/ — is the test looking in the right place?"
    assert len(MODULES) > len(CORE_MODULES)


def _core_problems(where: str, imports: Iterable[Import]) -> list[str]:
    problems = []
    for imp in imports:
        top = _top(imp.module)
        if top in ("core", "__future__"):
            continue
        if top in sys.stdlib_module_names:
            if any(_is_within(imp.module, bad) for bad in CORE_FORBIDDEN_STDLIB):
                problems.append(f"{where}:{imp.line} imports {imp.module} (I/O in the domain)")
        elif top not in CORE_THIRD_PARTY:
            problems.append(
                f"{where}:{imp.line} imports {imp.module} (core allows stdlib and pydantic)"
            )
    return problems


def _layer_problems(where: str, own: str, imports: Iterable[Import]) -> list[str]:
    allowed = ALLOWED[own]
    problems = []
    for imp in imports:
        top = _top(imp.module)
        if top in NOT_PRODUCT:
            problems.append(f"{where}:{imp.line} imports {imp.module} (test/bench code)")
            continue
        if top not in PROJECT or top == own:
            continue
        if any(_is_within(imp.module, a) for a in allowed):
            continue
        # "from sync import protocol" yields "sync" and "sync.protocol": judge the latter.
        if any(_is_within(a, imp.module) for a in allowed):
            continue
        problems.append(
            f"{where}:{imp.line} imports {imp.module}: {own}/ may import only "
            f"{', '.join(sorted(allowed)) or 'the standard library and pydantic'}"
        )
    return problems


@pytest.mark.parametrize("path", CORE_MODULES, ids=_rel)
def test_core_is_pure(path: Path) -> None:
    problems = _core_problems(_rel(path), _imports(path))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_layer_arrows_point_down(path: Path) -> None:
    own = path.relative_to(ROOT).parts[0]
    problems = _layer_problems(_rel(path), own, _imports(path))
    assert not problems, "\n".join(problems)


def test_rules_catch_a_domain_module_doing_io() -> None:
    source = "import sqlite3\nfrom pathlib import Path\nfrom PySide6.QtCore import QObject\n"
    problems = _core_problems("core/bad.py", _imports_in(source, package="core"))
    assert [p.split(" imports ")[1].split()[0] for p in problems] == [
        "sqlite3",
        "pathlib",
        "pathlib.Path",
        "PySide6.QtCore",
        "PySide6.QtCore.QObject",
    ]
    assert problems[0].startswith("core/bad.py:1 imports sqlite3")


def test_rules_catch_an_arrow_pointing_up() -> None:
    source = (
        "from widgets import theme\n"
        "import govterm.app\n"
        "from . import routes\n"
        "from sync import protocol\n"
    )
    problems = _layer_problems(
        "gateway/api/x.py", "gateway", _imports_in(source, package="gateway.api")
    )
    allowed = ", ".join(sorted(ALLOWED["gateway"]))
    assert problems == [
        f"gateway/api/x.py:1 imports widgets: gateway/ may import only {allowed}",
        f"gateway/api/x.py:1 imports widgets.theme: gateway/ may import only {allowed}",
        f"gateway/api/x.py:2 imports govterm.app: gateway/ may import only {allowed}",
    ]


def _string_constants(tree: ast.AST) -> Iterator[ast.Constant]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node


@pytest.mark.parametrize("path", UI_MODULES, ids=_rel)
def test_ui_runs_no_sql(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    problems = [
        f"{_rel(path)}:{node.lineno} has SQL {node.value.strip()[:60]!r}: the store owns SQL"
        for node in _string_constants(tree)
        if isinstance(node.value, str) and SQL.search(node.value)
    ]
    problems += [
        f"{_rel(path)}:{imp.line} imports {imp.module}: the UI talks to the store, not SQL"
        for imp in _imports(path)
        if _top(imp.module) in SQL_LIBRARIES
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "text",
    [
        "SELECT id, name FROM items WHERE id = ?",
        "insert into x values (1)".upper(),
        "UPDATE cases SET state = ?",
        "DELETE FROM outbox",
        "CREATE TABLE t (id)",
        "PRAGMA user_version",
    ],
)
def test_sql_pattern_catches_statements(text: str) -> None:
    assert SQL.search(text)


@pytest.mark.parametrize(
    "text", ["请选择办理情形", "Select the item you need", "Delete from the list", "更新 UPDATE"]
)
def test_sql_pattern_leaves_ui_text_alone(text: str) -> None:
    assert not SQL.search(text)
