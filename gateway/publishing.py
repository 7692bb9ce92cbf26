"""Catalog publishing: 同源发布、同步更新 (000 二(五)).

A published catalog replaces the catalog streams: rows whose content changed get a new
version in the feed, rows that disappeared become tombstones, and items marked
withdrawn stay (with their note) so terminals show "已停止办理" rather than losing them.
Unchanged rows are not republished, so terminals pull only what changed.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from core.catalog import Catalog
from gateway.store import GatewayStore
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
        "published catalog version %s: %s",
        version,
        ", ".join(f"{c.stream.value} +{c.changed}/-{c.deleted}" for c in changes),
    )
    return report


__all__ = [
    "CATALOG_STREAMS",
    "PublishReport",
    "StreamChange",
    "catalog_docs",
    "publish_catalog",
    "publish_streams",
]
