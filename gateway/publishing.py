"""Publishing server-owned streams: 同源发布、同步更新 (000 二(五)).

A published catalog replaces the catalog streams: rows whose content changed get a new
version in the feed, rows that disappeared become tombstones, and items marked
withdrawn stay (with their note) so terminals show "已停止办理" rather than losing them.
Unchanged rows are not republished, so terminals pull only what changed.

The same goes for the other city-wide streams:

- ``directory`` — built from the catalog (halls, their windows from the business
  areas, hours, phones, the departments serving there) and the terminals enrolled at
  each hall; ``publish-catalog`` publishes it right after the catalog.
- ``holidays`` — one row per year (``resources/holidays/<year>.json``), validated with
  :meth:`core.calendar.WorkingCalendar.from_dict`; a terminal rebuilds its calendar
  with ``WorkingCalendar.from_dict({"years": cached_docs("holidays")})``.
- ``config`` — one row per top-level table of a TOML or JSON file.
- ``keys`` — published by :class:`gateway.keys.KeyRing`.
"""

from __future__ import annotations

import json
import logging
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.calendar import WorkingCalendar
from core.catalog import Catalog
from core.errors import ValidationFailed, msg
from gateway.store import DeviceRecord, GatewayStore
from sync.protocol import CATALOG_STREAMS, Stream

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class StreamChange:
    stream: Stream
    changed: int
    deleted: int


@dataclass(frozen=True, slots=True)
class PublishReport:
    catalog_version: int
    streams: tuple[StreamChange, ...] = field(default_factory=tuple)

    @property
    def total_changed(self) -> int:
        return sum(s.changed + s.deleted for s in self.streams)


def catalog_docs(catalog: Catalog) -> dict[Stream, dict[str, dict[str, Any]]]:
    """The feed documents of each catalog stream, keyed by row id."""
    return {
        Stream.LICENCE_TYPES: {t.code: t.model_dump(mode="json") for t in catalog.licence_types},
        Stream.HALLS: {h.id: h.model_dump(mode="json") for h in catalog.halls},
        Stream.ITEMS: {i.id: i.model_dump(mode="json") for i in catalog.items},
        Stream.BUNDLES: {b.id: b.model_dump(mode="json") for b in catalog.bundles},
    }


def publish_catalog(store: GatewayStore, catalog: Catalog) -> PublishReport:
    """Publish ``catalog`` in one transaction and rebuild the catalog snapshots."""
    return publish_streams(store, catalog_docs(catalog), version=catalog.version)


def publish_directory(store: GatewayStore, catalog: Catalog) -> PublishReport:
    """Publish the ``directory`` built from ``catalog`` and the enrolled terminals.

    ``govterm gateway publish-catalog`` runs it after :func:`publish_catalog`; run it
    again after enrolling terminals so the directory lists them.
    """
    docs = {Stream.DIRECTORY: directory_docs(catalog, store.devices())}
    return publish_streams(store, docs, version=catalog.version)


def _window(area: str) -> dict[str, str]:
    """``"A 综合受理区"`` → ``{"code": "A", "name": "综合受理区"}`` (queue prefix + name)."""
    code, _, name = area.strip().partition(" ")
    if not name:
        return {"code": "", "name": code}
    return {"code": code, "name": name.strip()}


def directory_docs(
    catalog: Catalog, devices: Iterable[DeviceRecord] = ()
) -> dict[str, dict[str, Any]]:
    """The ``directory`` stream: one row per hall (``hall:<id>``) and per department.

    A hall row lists its windows, hours, phone, the departments whose items it accepts
    (with their consultation phones) and the terminals enrolled there when published.
    """
    terminals: dict[str, list[dict[str, str]]] = {}
    for device in devices:
        if not device.revoked:
            terminals.setdefault(device.hall_id, []).append(
                {
                    "terminal_id": device.terminal_id,
                    "name": device.terminal_name,
                    "slot": device.slot,
                }
            )
    departments: dict[str, dict[str, set[str]]] = {}
    for item in catalog.items:
        entry = departments.setdefault(
            item.department, {"phones": set(), "complaint": set(), "halls": set()}
        )
        entry["phones"].add(item.phone)
        entry["complaint"].add(item.complaint_phone)
        entry["halls"].update(item.hall_ids)
    docs: dict[str, dict[str, Any]] = {}
    for hall in catalog.halls:
        serving = sorted(d for d, e in departments.items() if hall.id in e["halls"])
        docs[f"hall:{hall.id}"] = {
            "kind": "hall",
            "hall_id": hall.id,
            "name": hall.name,
            "hall_kind": hall.kind.value,
            "address": hall.address,
            "phone": hall.phone,
            "hours": hall.hours,
            "windows": [_window(a) for a in hall.business_areas],
            "departments": [
                {"name": d, "phones": sorted(departments[d]["phones"])} for d in serving
            ],
            "terminals": sorted(terminals.get(hall.id, []), key=lambda t: t["slot"]),
        }
    for name, entry in sorted(departments.items()):
        docs[f"dept:{name}"] = {
            "kind": "department",
            "name": name,
            "phones": sorted(entry["phones"]),
            "complaint_phones": sorted(entry["complaint"]),
            "hall_ids": sorted(entry["halls"]),
        }
    return docs


def holiday_docs(calendar: WorkingCalendar) -> dict[str, dict[str, Any]]:
    """The ``holidays`` stream: one row per year, in the synced calendar format."""
    return {str(y["year"]): y for y in calendar.to_dict()["years"]}


def load_holidays(directory: Path) -> WorkingCalendar:
    """Read every ``<year>.json`` of a directory into one calendar.

    Raises:
        ValidationFailed: no files, unreadable JSON or an invalid schedule; the message
            names the file.
    """
    files = sorted(Path(directory).glob("*.json"))
    if not files:
        raise ValidationFailed(
            msg("{directory}：没有节假日文件（<年份>.json）", directory=directory),
            code="holidays.none",
        )
    years: list[Any] = []
    for path in files:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            years.extend(WorkingCalendar.from_dict(data).to_dict()["years"])
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValidationFailed(
                msg("{path}：无法读取（{exc}）", path=path.name, exc=exc), code="holidays.file"
            ) from None
        except ValidationFailed as exc:
            raise ValidationFailed(
                msg("{path}：{message}", path=path.name, message=exc.message), code=exc.code
            ) from None
    return WorkingCalendar.from_dict({"years": years})


def publish_holidays(store: GatewayStore, calendar: WorkingCalendar) -> PublishReport:
    """Make the ``holidays`` stream hold exactly the calendar's years."""
    return publish_streams(store, {Stream.HOLIDAYS: holiday_docs(calendar)})


def load_config(path: Path) -> dict[str, dict[str, Any]]:
    """Read a terminal configuration file (``.toml`` or ``.json``) into ``config`` rows.

    Every top-level key must be a table; it becomes one row (``[kiosk]`` → row
    ``kiosk``). Keep secrets out: every terminal of the city receives these rows.

    Raises:
        ValidationFailed: unreadable, not TOML/JSON, or a top-level value that is not a
            table.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationFailed(
            msg("{path}：无法读取配置文件（{exc}）", path=path, exc=exc), code="config.file"
        ) from None
    try:
        data = json.loads(text) if Path(path).suffix == ".json" else tomllib.loads(text)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ValidationFailed(
            msg("{path}：格式错误（{exc}）", path=path, exc=exc), code="config.syntax"
        ) from None
    if not isinstance(data, dict) or not data:
        raise ValidationFailed(msg("{path}：配置应为非空的表", path=path), code="config.shape")
    bad = [k for k, v in data.items() if not isinstance(v, dict)]
    if bad:
        raise ValidationFailed(
            msg(
                "{path}：顶层的 {bad} 应为表（如 [kiosk]），每个表是一条配置",
                path=path,
                bad="、".join(bad),
            ),
            code="config.shape",
        )
    return {str(k): v for k, v in data.items()}


def publish_config(store: GatewayStore, rows: Mapping[str, Mapping[str, Any]]) -> PublishReport:
    """Make the ``config`` stream hold exactly these rows."""
    return publish_streams(store, {Stream.CONFIG: rows})


def publish_streams(
    store: GatewayStore,
    docs: Mapping[Stream, Mapping[str, Mapping[str, Any]]],
    *,
    version: int = 0,
) -> PublishReport:
    """Make each named city-wide stream hold exactly the given docs.

    Raises:
        ValueError: a hall-scoped stream was named (those are fed by events).
    """
    changes: list[StreamChange] = []
    with store.db.write() as tx:
        for stream, rows in docs.items():
            if stream in (Stream.PICKUPS, Stream.CASE_STATUS):
                raise ValueError(f"{stream.value} 由办件事件产生，不能直接发布")
            changed, deleted = store.replace_stream(tx, stream, "", rows)
            changes.append(StreamChange(stream, len(changed), len(deleted)))
    for change in changes:
        if change.changed or change.deleted or store.latest_snapshot(change.stream, "") is None:
            store.snapshot(change.stream, "")
    report = PublishReport(version, tuple(changes))
    log.info(
        "published version %s: %s",
        version,
        ", ".join(f"{c.stream.value} +{c.changed}/-{c.deleted}" for c in changes),
    )
    return report


__all__ = [
    "CATALOG_STREAMS",
    "PublishReport",
    "StreamChange",
    "catalog_docs",
    "directory_docs",
    "holiday_docs",
    "load_config",
    "load_holidays",
    "publish_catalog",
    "publish_config",
    "publish_directory",
    "publish_holidays",
    "publish_streams",
]
