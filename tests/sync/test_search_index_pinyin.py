"""pypinyin is a key-making library: searching and building the index need none of it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sync.search_index import QUALIFIER_READINGS, QUALIFIERS, pinyin_variants

REPO = Path(__file__).resolve().parents[2]


def test_the_written_out_qualifier_readings_are_what_pypinyin_reads() -> None:
    assert set(QUALIFIER_READINGS) == set(QUALIFIERS)
    for qualifier, reading in QUALIFIER_READINGS.items():
        assert pinyin_variants(qualifier)[0] == reading, qualifier


def test_opening_the_catalog_and_building_its_index_does_not_import_pypinyin(
    tmp_path: Path,
) -> None:
    from govterm.app import import_catalog_dir
    from sync.store import open_store

    store = open_store(tmp_path)
    try:
        import_catalog_dir(store, REPO / "resources" / "catalog")  # keys are made here
    finally:
        store.close()
    script = (
        "import sys; from pathlib import Path\n"
        "from sync.store import open_store\n"
        "from sync.catalog_cache import CatalogCache\n"
        f"store = open_store(Path({str(tmp_path)!r}))\n"
        "catalog = CatalogCache(store, terminal_id='K01', home_hall_id='wh-zwzx')\n"
        "catalog.prepare()\n"
        "hits = catalog.search('hz')\n"
        "store.close()\n"
        "print(len(hits), 'pypinyin' in sys.modules)\n"
    )
    out = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True,
        timeout=120, check=True,
    ).stdout.split()
    assert int(out[0]) > 0
    assert out[1] == "False"
