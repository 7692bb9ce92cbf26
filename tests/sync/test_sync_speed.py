"""What the fast first pull must not give up: exact docs, a clean swap, safe resumes.

A snapshot rebuild stages rows in scratch tables of ``cache.db`` and renames them into
place, keeps each doc's JSON text exactly as the gateway sent it, downloads the next
chunk on a helper thread, and builds search keys from pinyin cached per word. These
tests pin down that none of that changes what ends up cached (timings live in
``bench/sync.py``, never here).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from pypinyin import Style, pinyin

from core.errors import Offline
from sync.catalog_files import load_catalog
from sync.protocol import SnapshotChunk, SnapshotIndex, Stream, digest_of
from sync.search_index import entry_for, pinyin_variants
from sync.snapshot import SnapshotBuilder, cache_digest
from sync.store import Store, open_store
from sync.transport import BadAnswer
from tests.helpers.catalog import small_catalog
from tests.helpers.gateway import RunningGateway
from tests.helpers.terminal_sync import (
    gateway,  # noqa: F401  (fixture)
    gateway_digest,
    terminal,
)

HALL = "371002001"
DEMO = Path(__file__).resolve().parents[2] / "resources" / "catalog"


class ChunkSource:
    """A :class:`sync.snapshot.SnapshotSource` serving NDJSON lines we wrote ourselves."""

    def __init__(
        self, stream: str, chunks: Sequence[Sequence[bytes]], *, snapshot_id: str = "s1"
    ) -> None:
        self.stream = stream
        self.served: list[str] = []
        self.threads: set[str] = set()
        self.fail_at: int | None = None
        self._data: dict[str, bytes] = {}
        listed: list[SnapshotChunk] = []
        pairs: list[tuple[str, int]] = []
        for n, lines in enumerate(chunks):
            data = gzip.compress(b"".join(line + b"\n" for line in lines), mtime=0)
            url = f"/chunk/{n}"
            self._data[url] = data
            digest = hashlib.sha256(data).hexdigest()
            listed.append(
                SnapshotChunk(n=n, rows=len(lines), bytes=len(data), sha256=digest, url=url)
            )
            for line in lines:
                row = json.loads(line)
                pairs.append((row["id"], row["version"]))
        self.index = SnapshotIndex(
            stream=Stream(stream),
            snapshot_id=snapshot_id,
            epoch=1,
            cursor="cursor-after-snapshot",
            digest=digest_of(pairs),
            chunks=listed,
        )

    def snapshot_index(self, stream: str) -> SnapshotIndex:
        assert stream == self.stream
        return self.index

    def snapshot_chunk(self, url: str, *, expected_sha256: str) -> bytes:
        self.threads.add(threading.current_thread().name)
        if self.fail_at is not None and len(self.served) == self.fail_at:
            self.fail_at = None
            raise Offline("网络中断")
        self.served.append(url)
        return self._data[url]


def _line(row_id: str, version: int, doc_text: str) -> bytes:
    head = json.dumps(row_id, ensure_ascii=False)
    return f'{{"id":{head},"version":{version},"doc":{doc_text}}}'.encode()


def _halls(n: int) -> list[bytes]:
    return [
        _line(
            f"H-{k:03d}",
            1,
            json.dumps({"id": f"H-{k:03d}", "name": f"第{k}便民服务中心"}, ensure_ascii=False),
        )
        for k in range(n)
    ]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "terminal") as opened:
        yield opened


def _tables(store: Store) -> set[str]:
    with store.cache.read() as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _doc_text(store: Store, stream: str, row_id: str) -> str:
    with store.cache.read() as conn:
        return str(
            conn.execute(f"SELECT doc FROM [{stream}] WHERE id = ?", (row_id,)).fetchone()[0]
        )


# ------------------------------------------------------------------ docs as sent


def test_docs_are_cached_as_the_exact_json_the_gateway_sent(store: Store) -> None:
    canonical = '{"id":"H-1","name":"环翠区政务服务中心","note":"含\\"引号\\"与\\\\反斜杠"}'
    odd_id = 'H-2 "特别"'
    source = ChunkSource(
        "halls",
        [
            [
                _line("H-1", 3, canonical),
                # keys in another order and spaces: still taken, its doc re-serialised
                '{"version": 1, "doc": {"id": "H-3", "name": "文登区"}, "id": "H-3"}'.encode(),
            ],
            [_line(odd_id, 1, json.dumps({"id": odd_id, "name": "乳山市"}, ensure_ascii=False))],
        ],
    )
    builder = SnapshotBuilder(store=store)
    try:
        report = builder.rebuild("halls", source)
    finally:
        builder.close()

    assert report is not None
    assert report.rows == 3
    assert _doc_text(store, "halls", "H-1") == canonical  # byte for byte
    assert json.loads(_doc_text(store, "halls", "H-3")) == {"id": "H-3", "name": "文登区"}
    assert store.cached_doc("halls", odd_id) == {"id": odd_id, "name": "乳山市"}
    assert store.sync_state("halls").cursor == "cursor-after-snapshot"  # type: ignore[union-attr]
    assert cache_digest(store, "halls") == source.index.digest


@pytest.mark.parametrize(
    "bad",
    [
        b"not json at all",
        b'{"id":"H-9","version":1}',  # no doc
        b'{"id":"H-9","version":0,"doc":{}}',  # versions start at 1
        b'{"id":"H-9","version":"1","doc":{}}',
        b'{"id":"H-9","version":1,"doc":[1,2]}',  # a doc is an object
        b'{"id":"H-9","version":1,"doc":{"name":"\xff\xfe"}}',  # not UTF-8
    ],
)
def test_a_malformed_row_is_refused_and_nothing_is_swapped_in(store: Store, bad: bytes) -> None:
    good = _halls(3)
    source = ChunkSource("halls", [good])
    source_bad = ChunkSource("halls", [good])
    # Same index (digest, sha256 of a chunk we control), but a row garbled inside it.
    data = gzip.compress(b"\n".join([*good[:2], bad]) + b"\n", mtime=0)
    source_bad._data["/chunk/0"] = data  # noqa: SLF001 - the wire bytes under test
    source_bad.index.chunks[0] = source_bad.index.chunks[0].model_copy(
        update={"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
    )
    builder = SnapshotBuilder(store=store)
    try:
        with pytest.raises(BadAnswer):
            builder.rebuild("halls", source_bad)
        assert cache_digest(store, "halls").count == 0
        report = builder.rebuild("halls", source)  # a good copy later goes in whole
    finally:
        builder.close()
    assert report is not None
    assert report.rows == 3


# ------------------------------------------------------------------ swap and scratch tables


def test_a_reset_swaps_the_table_in_whole_and_leaves_no_scratch_tables(
    gateway: RunningGateway,  # noqa: F811
    tmp_path: Path,
) -> None:
    gateway.publish(small_catalog())
    kiosk = terminal(gateway, tmp_path / "kiosk")
    try:
        kiosk.engine.pull()
        before = _tables(kiosk.store)
        with kiosk.store.cache.read() as conn:
            indexes = conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
            ).fetchall()
            search_before = conn.execute(
                "SELECT * FROM search_entries ORDER BY stream, id"
            ).fetchall()

        gateway.store.reset_epoch(Stream.ITEMS)
        report = kiosk.engine.pull()

        assert "items" in report.rebuilt
        assert _tables(kiosk.store) == before
        assert not any(name.startswith("snapshot_rows_") for name in before)
        with kiosk.store.cache.read() as conn:
            assert (
                conn.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
                ).fetchall()
                == indexes
            )
            assert conn.execute("SELECT * FROM search_entries ORDER BY stream, id").fetchall() == (
                search_before
            )
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert cache_digest(kiosk.store, "items") == gateway_digest(gateway, "items", HALL)
    finally:
        kiosk.close()


def test_an_interrupted_rebuild_resumes_but_restages_after_a_schema_change(store: Store) -> None:
    source = ChunkSource("halls", [_halls(2), _halls(4)[2:], _halls(6)[4:]])
    source.fail_at = 1
    builder = SnapshotBuilder(store=store)
    try:
        with pytest.raises(Offline):
            builder.rebuild("halls", source)
        assert builder.in_progress("halls")
        assert cache_digest(store, "halls").count == 0
        # A migration that changed the stream's table meanwhile: the staged copy no
        # longer fits, so the chunk already staged is downloaded again.
        with store.cache.transaction() as conn:
            conn.execute("ALTER TABLE halls ADD COLUMN extra TEXT")
        report = builder.rebuild("halls", source)
    finally:
        builder.close()

    assert report is not None
    assert (report.resumed, report.fetched, report.rows) == (0, 3, 6)
    assert source.served == ["/chunk/0", "/chunk/0", "/chunk/1", "/chunk/2"]
    with store.cache.read() as conn:
        columns = [r[1] for r in conn.execute("PRAGMA table_info(halls)")]
    assert columns == ["id", "version", "deleted", "doc", "extra"]


def test_a_stop_mid_download_keeps_what_was_staged_and_ends_the_helper(store: Store) -> None:
    source = ChunkSource("halls", [_halls(2), _halls(4)[2:], _halls(6)[4:]])

    def stop_after_first_chunk() -> bool:  # the engine's stop flag, set mid-download
        with store.cache.read() as conn:
            return bool(conn.execute("SELECT COUNT(*) FROM snapshot_staged_chunks").fetchone()[0])

    builder = SnapshotBuilder(store=store, should_stop=stop_after_first_chunk)
    try:
        assert builder.rebuild("halls", source) is None
        assert builder.in_progress("halls")
        assert not [t for t in threading.enumerate() if t.name.startswith("snapshot-")]
        assert source.threads == {"snapshot-halls"}  # downloads never ran on our thread
    finally:
        builder.close()

    resumed = SnapshotBuilder(store=store)
    try:
        report = resumed.rebuild("halls", source)
    finally:
        resumed.close()
    assert report is not None
    assert (report.resumed, report.fetched, report.rows) == (1, 2, 6)
    assert cache_digest(store, "halls") == source.index.digest


def test_rows_staged_by_an_older_version_are_dropped_from_the_staging_file(tmp_path: Path) -> None:
    data_dir = tmp_path / "terminal"
    data_dir.mkdir()
    old = sqlite3.connect(data_dir / "snapshot-staging.db")
    old.execute("CREATE TABLE snap_rows (stream TEXT, id TEXT, version INTEGER, doc TEXT)")
    old.executemany(
        "INSERT INTO snap_rows VALUES ('items', ?, 1, ?)",
        [(str(n), "x" * 2000) for n in range(500)],
    )
    old.commit()
    old.close()
    size_before = (data_dir / "snapshot-staging.db").stat().st_size

    with open_store(data_dir) as opened:
        builder = SnapshotBuilder(store=opened)
        builder.note_reset("items", 1000.0)
        assert builder.resets_since("items", 0.0) == 1
        builder.close()

    assert (data_dir / "snapshot-staging.db").stat().st_size < size_before / 4


# ------------------------------------------------------------------ search keys


def _names(catalog_dir: Path) -> list[str]:
    catalog = load_catalog(catalog_dir)
    texts = {i.name for i in catalog.items} | {a for i in catalog.items for a in i.aliases}
    texts |= {b.name for b in catalog.bundles} | {i.department for i in catalog.items}
    return sorted(texts)


def test_pinyin_cached_per_word_reads_names_as_pypinyin_reads_them_whole() -> None:
    texts = [*_names(DEMO), "重庆银行行长", "长春市长", "一行人", "单县单先生", "乐亭音乐"]
    for text in texts:
        whole = pinyin(text, style=Style.NORMAL, heteronym=True, errors="ignore")
        variants = pinyin_variants(text)
        if not whole:
            assert variants == ()
            continue
        primary = " ".join(options[0] for options in whole)
        assert variants[0] == primary, text  # the phrase-aware reading comes first


def test_search_keys_of_items_that_share_a_name_differ_only_where_the_items_do() -> None:
    item = small_catalog().items[0]
    doc: dict[str, Any] = item.model_dump(mode="json")
    twin = {**doc, "id": "371082-TWIN", "region": "荣成市", "hall_ids": ["rc-zwzx"]}

    first, second = entry_for("items", doc), entry_for("items", twin)

    assert (first.pinyin, first.aliases, first.name) == (second.pinyin, second.aliases, second.name)
    assert first.codes != second.codes
    assert "荣成市" in second.codes
    assert second.id == "371082-TWIN"
