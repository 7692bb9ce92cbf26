"""Embedded font subsets are built once per set of characters and change nothing printed."""

from __future__ import annotations

import dataclasses
from concurrent.futures import ThreadPoolExecutor

import pytest

from documents import fonts as fonts_module
from documents.layout import PaperSize
from documents.maker import PaperMaker
from tests.documents import pdfcheck, samples


@pytest.fixture
def cache(monkeypatch: pytest.MonkeyPatch) -> fonts_module._SubsetCache:
    fresh = fonts_module._SubsetCache(fonts_module._SUBSET_CACHE_BYTES)
    monkeypatch.setattr(fonts_module, "_SUBSETS", fresh)
    return fresh


def test_a_cached_subset_gives_the_same_pdf(
    maker: PaperMaker, cache: fonts_module._SubsetCache
) -> None:
    built = maker.acceptance(samples.acceptance(), size=PaperSize.RECEIPT_80MM).pdf
    assert cache.hits == 0
    assert cache.misses > 0
    reused = maker.acceptance(samples.acceptance(), size=PaperSize.RECEIPT_80MM).pdf
    assert cache.hits == cache.misses
    assert reused == built
    assert all(f.embedded and f.subset for f in pdfcheck.fonts(reused))


def test_the_same_characters_in_another_order_reuse_the_subset(
    maker: PaperMaker, cache: fonts_module._SubsetCache
) -> None:
    first = maker.ticket(dataclasses.replace(samples.ticket(), business="不动产登记"))
    misses = cache.misses
    second = maker.ticket(dataclasses.replace(samples.ticket(), business="登记不动产"))
    assert cache.misses == misses  # every subset came from the cache
    assert "不动产登记" in pdfcheck.all_text(first.pdf)
    assert "登记不动产" in pdfcheck.all_text(second.pdf)


def test_new_characters_get_a_new_subset(
    maker: PaperMaker, cache: fonts_module._SubsetCache
) -> None:
    maker.ticket(samples.ticket())
    misses = cache.misses
    paper = maker.ticket(dataclasses.replace(samples.ticket(), business="婚姻登记"))
    assert cache.misses > misses
    assert "婚姻登记" in pdfcheck.all_text(paper.pdf)


def test_the_cache_keeps_to_its_size(maker: PaperMaker, monkeypatch: pytest.MonkeyPatch) -> None:
    small = fonts_module._SubsetCache(60_000)
    monkeypatch.setattr(fonts_module, "_SUBSETS", small)
    for business in ("综合受理", "不动产登记", "婚姻登记", "社保医保", "公积金提取"):
        maker.ticket(dataclasses.replace(samples.ticket(), business=business))
    assert 0 < small._bytes <= 60_000


def test_papers_made_on_several_threads_at_once_are_whole(
    maker: PaperMaker, cache: fonts_module._SubsetCache
) -> None:
    def make(n: int) -> bytes:
        if n % 2:
            return maker.acceptance(samples.acceptance(), size=PaperSize.RECEIPT_80MM).pdf
        return maker.progress(samples.progress()).pdf

    serial = [make(n) for n in range(2)]
    cache._entries.clear()
    cache._bytes = 0
    with ThreadPoolExecutor(max_workers=4) as pool:
        parallel = list(pool.map(make, range(12)))
    assert parallel == [serial[n % 2] for n in range(12)]
