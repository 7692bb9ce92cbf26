"""Read and write a catalog kept as a directory of JSON files, and the demo holders.

Layout of a catalog directory::

    meta.json            {"version": 1, "published": "2024-03-01"}
    licence_types.json   [ELicenceType, ...]
    halls.json           [Hall, ...]
    bundles.json         [Bundle, ...]               (optional)
    items/<dept>.json    [ServiceItem, ...] per department

A demo holders directory has ``people.json`` ([Citizen, ...]) and ``enterprises.json``
([Enterprise, ...]).

Every problem becomes :class:`core.errors.ValidationFailed` whose message names the
file, the entry (id and name where known) and the rule broken, in plain Chinese — a
catalog editor can fix it without reading a pydantic dump.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from core.catalog import Bundle, Catalog, ELicenceType, Hall, ServiceItem
from core.errors import ValidationFailed, msg
from core.holders import Citizen, Enterprise

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)

_RULES = {
    "missing": "缺少必填项",
    "extra_forbidden": "含有不认识的字段",
    "string_too_short": "不能为空",
    "too_short": "至少需要一项",
    "enum": "取值不在允许范围内",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "float_parsing": "应为数字",
    "greater_than_equal": "数值过小",
    "less_than_equal": "数值过大",
    "bool_parsing": "应为 true 或 false",
    "bool_type": "应为 true 或 false",
    "string_type": "应为文字",
    "list_type": "应为列表",
    "tuple_type": "应为列表",
    "date_from_datetime_parsing": "应为日期（YYYY-MM-DD）",
    "date_parsing": "应为日期（YYYY-MM-DD）",
    "date_type": "应为日期（YYYY-MM-DD）",
    "model_type": "应为对象",
    "dict_type": "应为对象",
}


def _describe(error: Mapping[str, Any]) -> str:
    """One pydantic error as '字段 a.b: 规则' in words."""
    where = ".".join(str(part) for part in error.get("loc", ()))
    kind = str(error.get("type", ""))
    if kind == "value_error":
        # Our own validators: their message is already written for people.
        rule = str(error.get("msg", "")).removeprefix("Value error, ")
    else:
        rule = _RULES.get(kind, str(error.get("msg", "")))
    return f"{where}：{rule}" if where else rule


def _label(entry: object) -> str:
    if isinstance(entry, Mapping):
        ident = entry.get("id") or entry.get("code") or entry.get("uscc")
        name = entry.get("name")
        parts = [str(p) for p in (ident, name) if p]
        if parts:
            return " ".join(parts)
    return ""


def _fail(path: Path, message: str, code: str) -> ValidationFailed:
    log.warning("catalog file rejected: %s (%s)", path.name, code)
    return ValidationFailed(message, code=code, file=str(path))


def _read_json(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise _fail(path, msg("{path}：文件不存在", path=path), "catalog.missing_file") from None
    except UnicodeDecodeError:
        raise _fail(
            path, msg("{path}：文件不是 UTF-8 编码", path=path), "catalog.encoding"
        ) from None
    except OSError as exc:
        raise _fail(
            path,
            msg("{path}：无法读取文件（{strerror}）", path=path, strerror=exc.strerror),
            "catalog.unreadable",
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise _fail(
            path,
            msg(
                "{path}：JSON 格式错误：第 {lineno} 行第 {colno} 列，{problem}",
                path=path,
                lineno=exc.lineno,
                colno=exc.colno,
                problem=exc.msg,
            ),
            "catalog.json",
        ) from None


def _read_list(path: Path, model: type[M], what: str) -> list[M]:
    data = _read_json(path)
    if not isinstance(data, list):
        raise _fail(
            path, msg("{path}：应为{what}列表（JSON 数组）", path=path, what=what), "catalog.shape"
        )
    out: list[M] = []
    for index, entry in enumerate(data, start=1):
        try:
            out.append(model.model_validate(entry))
        except ValidationError as exc:
            label = _label(entry) or f"第 {index} 项"
            rules = "；".join(_describe(e) for e in exc.errors()[:5])
            raise _fail(
                path,
                msg(
                    "{path}：{what}“{label}”不符合规则：{rules}",
                    path=path,
                    what=what,
                    label=label,
                    rules=rules,
                ),
                "catalog.invalid_entry",
            ) from None
    return out


def _read_meta(path: Path) -> tuple[int, str]:
    data = _read_json(path)
    if not isinstance(data, dict):
        raise _fail(
            path, msg("{path}：应为对象，含 version 和 published", path=path), "catalog.shape"
        )
    version, published = data.get("version"), data.get("published")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _fail(path, msg("{path}：version 应为不小于 1 的整数", path=path), "catalog.meta")
    if not isinstance(published, str) or not published.strip():
        raise _fail(
            path, msg("{path}：published 应为发布日期（YYYY-MM-DD）", path=path), "catalog.meta"
        )
    return version, published


def load_catalog(directory: Path) -> Catalog:
    """Load and validate a catalog directory.

    Raises:
        ValidationFailed: a file is missing, unreadable, not JSON, or an entry or a
            cross-reference breaks a rule; the message names the file and the entry.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise _fail(directory, msg("{path}：事项目录不存在", path=directory), "catalog.missing_dir")
    version, published = _read_meta(directory / "meta.json")
    licence_types = _read_list(directory / "licence_types.json", ELicenceType, "证照类型")
    halls = _read_list(directory / "halls.json", Hall, "办事地点")
    bundles_path = directory / "bundles.json"
    bundles = _read_list(bundles_path, Bundle, "一件事") if bundles_path.exists() else []
    item_files = sorted((directory / "items").glob("*.json"))
    if not item_files:
        raise _fail(
            directory / "items",
            msg("{path}：没有事项文件（items/*.json）", path=directory / "items"),
            "catalog.no_items",
        )
    items: list[ServiceItem] = []
    for path in item_files:
        items.extend(_read_list(path, ServiceItem, "事项"))
    try:
        catalog = Catalog(
            version=version,
            published=published,
            licence_types=tuple(licence_types),
            halls=tuple(halls),
            items=tuple(items),
            bundles=tuple(bundles),
        )
    except ValidationError as exc:
        rules = "；".join(_describe(e) for e in exc.errors()[:5])
        raise _fail(
            directory,
            msg("{path}：事项之间的引用不一致：{rules}", path=directory, rules=rules),
            "catalog.references",
        ) from None
    log.info(
        "catalog v%d loaded: %d items, %d bundles, %d halls",
        catalog.version,
        len(catalog.items),
        len(catalog.bundles),
        len(catalog.halls),
    )
    return catalog


def load_demo_holders(directory: Path) -> tuple[list[Citizen], list[Enterprise]]:
    """Load ``people.json`` and ``enterprises.json`` of a demo directory.

    Raises:
        ValidationFailed: as for :func:`load_catalog`; messages never contain an ID
            number (entries are named by their ``name``).
    """
    directory = Path(directory)
    citizens = _read_list(directory / "people.json", Citizen, "居民")
    enterprises = _read_list(directory / "enterprises.json", Enterprise, "企业")
    return citizens, enterprises


def _dump(path: Path, data: object) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    path.write_text(text, encoding="utf-8")


def _plain(models: Sequence[BaseModel]) -> list[Any]:
    return [m.model_dump(mode="json") for m in models]


def catalog_to_json_dir(catalog: Catalog, directory: Path) -> None:
    """Write ``catalog`` in the directory layout :func:`load_catalog` reads.

    Items go one file per run of consecutive items of the same department
    (``items/001.json`` …), so reading the directory back gives the items in the same
    order. Existing item files are replaced: the result holds exactly this catalog.
    """
    directory = Path(directory)
    items_dir = directory / "items"
    items_dir.mkdir(parents=True, exist_ok=True)
    for old in items_dir.glob("*.json"):
        old.unlink()
    _dump(directory / "meta.json", {"version": catalog.version, "published": catalog.published})
    _dump(directory / "licence_types.json", _plain(catalog.licence_types))
    _dump(directory / "halls.json", _plain(catalog.halls))
    _dump(directory / "bundles.json", _plain(catalog.bundles))
    runs: list[list[ServiceItem]] = []
    for item in catalog.items:
        if runs and runs[-1][0].department == item.department:
            runs[-1].append(item)
        else:
            runs.append([item])
    width = max(3, len(str(len(runs))))
    for number, run in enumerate(runs, start=1):
        _dump(items_dir / f"{number:0{width}d}.json", _plain(run))
