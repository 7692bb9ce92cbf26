"""The catalog as the terminal holds it in ``cache.db``, behind ``core.search.CatalogQuery``.

The sync engine writes the ``items``, ``bundles``, ``halls`` and ``licence_types``
streams through :meth:`sync.store.Store.apply_page`; until the gateway delivers a
catalog (demo, tests, a kiosk provisioned from a file) :func:`import_catalog` loads a
whole validated :class:`core.catalog.Catalog` into the same tables.

:class:`CatalogCache` answers the screens' questions. Search runs on an in-memory
index built from the precomputed keys the first time it is needed (call
:meth:`CatalogCache.prepare` on the worker thread at start-up to have it ready before
the first keystroke) and rebuilt after the sync engine changed searchable rows.

Search and browsing show one row per service (基本编码), the implementation this
terminal's hall handles (see :mod:`sync.search_index`); give the cache the terminal's
hall with ``home_hall_id``.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from core.catalog import (
    Audience,
    Bundle,
    Catalog,
    ELicenceType,
    Hall,
    ServiceItem,
)
from core.search import SearchHit
from sync.search_index import (
    ENTRY_COLUMNS,
    CharReadings,
    HomePlace,
    SearchIndex,
    has_placement,
    with_placement,
)
from sync.store import ChangeRow, Clock, Store, index_search_entry

log = logging.getLogger(__name__)

_MISS_MERGE_WINDOW = timedelta(seconds=60)
_LONG_NUMBER = re.compile(r"\d[\dXx*]{5,}")  # ID or phone numbers typed into search

_INDEX_QUERY = (
    f"SELECT {', '.join(ENTRY_COLUMNS)} FROM search_entries"
    " ORDER BY status = 'withdrawn', popularity DESC, stream DESC, id"
)
_CODES = ENTRY_COLUMNS.index("codes")
# Placement of item rows whose search keys predate it (a cache written by an older
# govterm): read from the docs once per index build until the rows are synced again.
_PLACEMENT_QUERY = (
    "SELECT id, json_extract(doc, '$.basic_code'), json_extract(doc, '$.level'),"
    " json_extract(doc, '$.region'), json_extract(doc, '$.hall_ids')"
    " FROM items WHERE deleted = 0 AND doc IS NOT NULL"
)


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What :func:`import_catalog` wrote."""

    items: int
    bundles: int
    halls: int
    licence_types: int
    removed: int  # rows no longer in the catalog, now tombstones


def import_catalog(store: Store, catalog: Catalog) -> ImportResult:
    """Replace the cached catalog streams with a whole validated catalog.

    One transaction: either the whole catalog is in the cache afterwards or nothing
    changed. Rows the catalog no longer has become tombstones. Unlike a change-feed
    page this is a snapshot, so rows are replaced even when their version is equal
    (a demo catalog edited without bumping versions still takes effect).
    """
    removed = 0
    with store.cache.transaction() as conn:
        for stream, rows in (
            ("items", [(i.id, i.version, i, _item_keys(i)) for i in catalog.items]),
            ("bundles", [(b.id, b.version, b, _bundle_keys(b)) for b in catalog.bundles]),
            ("halls", [(h.id, h.version, h, None) for h in catalog.halls]),
            ("licence_types", [(t.code, catalog.version, t, None) for t in catalog.licence_types]),
        ):
            keep = {row_id for row_id, *_ in rows}
            live = [r[0] for r in conn.execute(f"SELECT id FROM [{stream}] WHERE deleted = 0")]
            gone = [row_id for row_id in live if row_id not in keep]
            for row_id in gone:
                conn.execute(
                    f"UPDATE [{stream}] SET deleted = 1, doc = NULL WHERE id = ?", (row_id,)
                )
                conn.execute(
                    "DELETE FROM search_entries WHERE stream = ? AND id = ?", (stream, row_id)
                )
            removed += len(gone)
            conn.executemany(
                f"INSERT OR REPLACE INTO [{stream}] (id, version, deleted, doc)"
                " VALUES (?, ?, 0, ?)",
                ((row_id, version, model.model_dump_json()) for row_id, version, model, _ in rows),
            )
            for row_id, version, _, keys in rows:
                if keys is not None:
                    index_search_entry(conn, stream, ChangeRow("upsert", row_id, version, keys))
        conn.execute(
            "INSERT INTO sync_state (stream, cursor, epoch, updated_at) VALUES ('catalog', ?,"
            " 'import', ?) ON CONFLICT (stream) DO UPDATE SET cursor = excluded.cursor,"
            " epoch = excluded.epoch, updated_at = excluded.updated_at",
            (str(catalog.version), store.clock().isoformat()),
        )
    store.bump_cache_generation()
    result = ImportResult(
        items=len(catalog.items),
        bundles=len(catalog.bundles),
        halls=len(catalog.halls),
        licence_types=len(catalog.licence_types),
        removed=removed,
    )
    log.info("catalog v%d imported: %s", catalog.version, result)
    return result


def _with_placements(conn: sqlite3.Connection, rows: list[Any]) -> list[Any]:
    """``rows`` with the placement of item rows that lack it, read from their docs."""
    places: dict[str, str] = {}
    for row_id, basic_code, level, region, hall_ids in conn.execute(_PLACEMENT_QUERY):
        try:
            halls = [str(h) for h in json.loads(hall_ids or "[]")]
        except ValueError:
            halls = []
        places[row_id] = with_placement(
            "", basic_code=basic_code or "", level=level or "", region=region or "", hall_ids=halls
        )
    out: list[Any] = []
    for row in rows:
        codes = row[_CODES]
        if row[0] == "items" and not has_placement(codes) and row[1] in places:
            out.append((*row[:_CODES], (codes or "") + places[row[1]], *row[_CODES + 1 :]))
        else:
            out.append(row)
    return out


def _item_keys(item: ServiceItem) -> dict[str, Any]:
    """The fields :func:`sync.search_index.entry_for` reads, without dumping the item."""
    return {
        "id": item.id,
        "basic_code": item.basic_code,
        "name": item.name,
        "aliases": item.aliases,
        "department": item.department,
        "themes": item.themes,
        "audience": [str(a) for a in item.audience],
        "popularity": item.popularity,
        "status": str(item.status),
        "level": str(item.level),
        "region": item.region,
        "hall_ids": item.hall_ids,
    }


def _bundle_keys(bundle: Bundle) -> dict[str, Any]:
    return {
        "id": bundle.id,
        "name": bundle.name,
        "aliases": bundle.aliases,
        "lead_department": bundle.lead_department,
        "audience": [str(a) for a in bundle.audience],
        "popularity": bundle.popularity,
        "status": str(bundle.status),
    }


class CatalogCache:
    """:class:`core.search.CatalogQuery` over the store's ``cache.db``.

    Safe to call from any thread (the UI's task runner uses one worker thread).

    Args:
        store: the open store.
        terminal_id: recorded with zero-result searches.
        home_hall_id: the hall the terminal stands in (``TerminalProfile.hall_id``): of
            the implementations of one service, search shows the one handled there,
            else the one of the hall's region, else the city-level one. Empty: the
            city-level one.
        clock: time source for search-miss records.
        hanzi_readings: every reading of a typed character, for mixed (``公积jin``) and
            homophone (户口签移) queries; default: the on-screen keyboard's dictionary
            file (:data:`sync.search_index.shipped_readings`), so searching never needs
            pypinyin, which only the writing of keys uses.
    """

    def __init__(
        self,
        store: Store,
        *,
        terminal_id: str = "",
        home_hall_id: str = "",
        clock: Clock | None = None,
        hanzi_readings: CharReadings | None = None,
    ) -> None:
        self._store = store
        self._hanzi_readings = hanzi_readings
        self._terminal_id = terminal_id
        self._home_hall_id = home_hall_id
        self._clock: Clock = clock or store.clock
        self._index: SearchIndex | None = None
        self._index_generation = -1
        self._build_lock = threading.Lock()
        self._miss_lock = threading.Lock()
        self._pending_miss: tuple[str, datetime] | None = None

    # --------------------------------------------------------------------- index

    def replace(self, catalog: Catalog) -> ImportResult:
        """Load a whole catalog into the cache (see :func:`import_catalog`)."""
        return import_catalog(self._store, catalog)

    def prepare(self) -> None:
        """Build the search index now (at start-up, on the worker thread).

        Also reads the typed characters' readings (≈ 30 ms), so the first mixed or
        misspelt hanzi query does not wait for them.
        """
        self._current_index().warm_up()

    def _current_index(self) -> SearchIndex:
        generation = self._store.cache_generation
        index = self._index
        if index is not None and self._index_generation == generation and self._home_known(index):
            return index
        with self._build_lock:
            index = self._index
            if (
                index is not None
                and self._index_generation == generation
                and self._home_known(index)
            ):
                return index
            started = self._clock()
            with self._store.cache.read() as conn:
                rows = conn.execute(_INDEX_QUERY).fetchall()
                missing = sum(1 for r in rows if r[0] == "items" and not has_placement(r[_CODES]))
                if missing:
                    rows = _with_placements(conn, rows)
            index = SearchIndex.from_entries(
                rows, home=self._home(), readings=self._hanzi_readings
            )
            self._index, self._index_generation = index, generation
            log.info(
                "search index built: %d rows, %d services, in %.0f ms%s",
                len(index),
                index.services,
                (self._clock() - started).total_seconds() * 1000,
                f" ({missing} rows placed from their docs)" if missing else "",
            )
            return index

    def _home(self) -> HomePlace:
        """The terminal's hall and its region, as the cache knows them now."""
        if not self._home_hall_id:
            return HomePlace()
        doc = self._store.cached_doc("halls", self._home_hall_id)
        if doc is None:
            # halls may sync after items on a first start: _home_known retries
            log.warning("hall %s of this terminal is not in the catalog yet", self._home_hall_id)
            return HomePlace(hall_id=self._home_hall_id)
        return HomePlace(hall_id=self._home_hall_id, region=str(doc.get("region", "")))

    def _home_known(self, index: SearchIndex) -> bool:
        """False when the index was built before the terminal's hall was in the cache."""
        if not self._home_hall_id or index.home.region:
            return True
        return self._store.cached_doc("halls", self._home_hall_id) is None

    # -------------------------------------------------------------------- search

    def search(
        self, text: str, *, audience: Audience | None = None, limit: int = 50
    ) -> list[SearchHit]:
        """Results for what a person typed; a query with no result is recorded.

        Searches come keystroke by keystroke, so a miss is held until the word is
        finished ("火", "火星", "火星移民" → one record, the longest) and written when the
        next unrelated query arrives or on :meth:`flush_misses` (end of a session).
        """
        hits = self._current_index().search(text, audience=audience, limit=limit)
        query = _LONG_NUMBER.sub(lambda m: "*" * len(m.group(0)), text.strip())[:200]
        if query:
            self._note(query, missed=not hits)
        return hits

    def _note(self, query: str, *, missed: bool) -> None:
        now = self._clock()
        with self._miss_lock:
            pending = self._pending_miss
            related = pending is not None and (
                query.startswith(pending[0]) or pending[0].startswith(query)
            )
            if pending is not None and related and now - pending[1] <= _MISS_MERGE_WINDOW:
                if missed:
                    self._pending_miss = (max(query, pending[0], key=len), now)
                return
            self._pending_miss = (query, now) if missed else None
        if pending is not None:
            self._write_miss(*pending)

    def flush_misses(self) -> None:
        """Write the zero-result query still being typed (call at the end of a session)."""
        with self._miss_lock:
            pending, self._pending_miss = self._pending_miss, None
        if pending is not None:
            self._write_miss(*pending)

    def _write_miss(self, query: str, at: datetime) -> None:
        with self._store.journal.transaction() as conn:
            conn.execute(
                "INSERT INTO search_misses (at, query, terminal_id) VALUES (?, ?, ?)",
                (at.isoformat(), query, self._terminal_id),
            )
        log.info("search without result recorded (%d characters)", len(query))

    def search_misses(self, *, limit: int = 100) -> list[tuple[str, str]]:
        """Recent zero-result queries as (time, query), newest first (for staff)."""
        self.flush_misses()
        with self._store.journal.read() as conn:
            rows = conn.execute(
                "SELECT at, query FROM search_misses ORDER BY id DESC LIMIT ?", (limit,)
            ).fetchall()
        return [(r[0], r[1]) for r in rows]

    # ----------------------------------------------------------------- documents

    def item(self, item_id: str) -> ServiceItem:
        """One item (withdrawn ones too: they show a notice); ``KeyError`` when unknown."""
        doc = self._store.cached_doc("items", item_id)
        if doc is None:
            raise KeyError(item_id)
        return ServiceItem.model_validate(doc)

    def bundle(self, bundle_id: str) -> Bundle:
        """One 一件事; ``KeyError`` when unknown."""
        doc = self._store.cached_doc("bundles", bundle_id)
        if doc is None:
            raise KeyError(bundle_id)
        return Bundle.model_validate(doc)

    def halls(self) -> list[Hall]:
        """Every hall, station and outlet."""
        return [Hall.model_validate(d) for d in self._store.cached_docs("halls")]

    def hall(self, hall_id: str) -> Hall:
        """One hall; ``KeyError`` when unknown."""
        doc = self._store.cached_doc("halls", hall_id)
        if doc is None:
            raise KeyError(hall_id)
        return Hall.model_validate(doc)

    def implementations(self, basic_code: str) -> list[SearchHit]:
        """Every active implementation of one service (基本编码), this terminal's first."""
        return self._current_index().implementations(basic_code)

    def licence_types(self) -> list[ELicenceType]:
        """Every 电子证照 type the catalog's materials may name."""
        return [ELicenceType.model_validate(d) for d in self._store.cached_docs("licence_types")]

    # ------------------------------------------------------------------ browsing

    def hot_items(self, *, audience: Audience | None = None, limit: int = 12) -> list[SearchHit]:
        """Most used active items (热门事项)."""
        return self._current_index().hot_items(audience=audience, limit=limit)

    def bundles(self, *, audience: Audience | None = None) -> list[SearchHit]:
        """All active 一件事, hottest first."""
        return self._current_index().bundles(audience=audience)

    def departments(self) -> list[tuple[str, int]]:
        """(department, number of active items), largest first."""
        return self._current_index().departments()

    def by_department(self, department: str) -> list[SearchHit]:
        """Active items of one department, hottest first."""
        return self._current_index().by_department(department)

    def themes(self, *, audience: Audience | None = None) -> list[tuple[str, int]]:
        """(theme, number of active items), largest first."""
        return self._current_index().themes(audience=audience)

    def by_theme(self, theme: str, *, audience: Audience | None = None) -> list[SearchHit]:
        """Active items under one theme, hottest first."""
        return self._current_index().by_theme(theme, audience=audience)
