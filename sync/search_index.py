"""Catalog search that finds what people type: hanzi, pinyin, initials, aliases, typos.

Two halves:

- **Keys** (:func:`entry_for`): computed once per row when the row is written to
  ``cache.db`` (import or sync), stored in ``search_entries``: the normalised name,
  aliases, themes, codes, and the pinyin of name and aliases (phrase-aware readings from
  pypinyin, plus variants for characters with several readings such as 行 háng/xíng or
  重 zhòng/chóng). Nothing here runs at start-up or per keystroke.
- **Index** (:class:`SearchIndex`): built lazily from those rows (a few hundred ms for
  100k items, on the worker thread), then answers each keystroke in a few ms.

How the index is fast: every key kind is one long string ("blob") of entries separated
by ``\\x00``, entries ordered by their best row's rank (popularity, withdrawn last).
``str.find`` and compiled regexes scan a blob at C speed, so the first matches found are
the hottest ones and a scan stops as soon as enough rows are collected. Pinyin is stored
one syllable per character (a private-use code point per syllable), so a pinyin match
always starts on a syllable boundary and ``huzhao``, ``hu zhao`` and ``huzh`` (a syllable
still being typed) all become short regexes over a blob no longer than the names.
"""

from __future__ import annotations

import logging
import re
import string
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pypinyin import Style, pinyin

from core.catalog import Audience
from core.search import HitKind, MatchedOn, SearchHit

log = logging.getLogger(__name__)

ENTRY_COLUMNS: tuple[str, ...] = (
    "stream", "id", "name", "department", "category", "audiences", "status", "popularity",
    "themes", "aliases", "pinyin", "codes",
)  # fmt: skip
"""The ``search_entries`` columns :meth:`SearchIndex.from_entries` reads, in order."""

BUNDLE_CATEGORY = "一件事"
"""The result group every 一件事 is shown under."""

LIST_SEP = "\x1f"  # joins aliases, themes, codes, audiences in search_entries
VARIANT_SEP = "|"  # joins pinyin variants ("hu zhao|...")

_SEP = "\x00"
_MAX_VARIANTS = 3  # pinyin readings kept per key: the phrase-aware one + 2 alternatives
_FUZZY_WHEN_FEWER_THAN = 3  # typo tolerance kicks in when exact kinds found fewer rows
_MAX_SEGMENTATIONS = 32
_MAX_REGEX_BRANCHES = 96
_SYLLABLE_BASE = 0xE000  # private-use area: one code point per pinyin syllable

# Groups, best first. Within a group rows are ordered by rank (popularity).
_EXACT, _PREFIX, _CONTAINS, _FUZZY, _TEXT = range(5)

_KIND_ORDER = {kind: n for n, kind in enumerate(MatchedOn)}
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_ASCII_LETTERS = re.compile(r"[a-z]+")
_NOT_KEY = re.compile(r"[\s\u3000·•、，。；：,.;:!?！？\"'“”‘’]+")


def normalize(text: str) -> str:
    """The form both keys and queries are compared in.

    Full-width letters and digits become ASCII (NFKC), case folds, and spaces and
    common punctuation vanish, so ``"Hu Zhao"``, ``"huzhao"`` and ``"ｈｕｚｈａｏ"`` agree.
    """
    return _NOT_KEY.sub("", unicodedata.normalize("NFKC", text).lower())


@lru_cache(maxsize=65536)
def _run_readings(run: str) -> tuple[tuple[str, ...], ...]:
    """Readings per hanzi of one run, best first; non-hanzi dropped.

    The first reading is pypinyin's phrase-aware choice (银行 → hang); the character's
    other common readings follow (行 → xing, heng …), so a phrase pypinyin reads wrongly
    or a person reads differently can still match.
    """
    readings = pinyin(run, style=Style.NORMAL, heteronym=True, errors="ignore")
    han = _HAN_RUNS.findall(run)
    chars = "".join(han)
    out: list[tuple[str, ...]] = []
    for n, options in enumerate(readings):
        alternates = _char_readings(chars[n]) if len(readings) == len(chars) else ()
        clean = tuple(
            dict.fromkeys(o for o in (*options, *alternates) if o.isascii() and o.isalpha())
        )
        if clean:
            out.append(clean)
    return tuple(out)


@lru_cache(maxsize=16384)
def _char_readings(char: str) -> tuple[str, ...]:
    """Every reading of one character on its own (no phrase context)."""
    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
    return tuple(found[0]) if found else ()


@lru_cache(maxsize=65536)
def pinyin_variants(text: str) -> tuple[str, ...]:
    """Pinyin readings of ``text``, space-separated syllables, best first.

    The first is pypinyin's phrase-aware reading (银行 → ``yin hang``, 重庆 → ``chong
    qing``). Characters with other common readings add variants, one changed character
    each, so a name pypinyin reads wrongly is still found by its other reading.

    Args:
        text: already normalised text.

    Returns:
        Up to three variants; empty when the text has no hanzi.
    """
    readings: list[tuple[str, ...]] = []
    for run in _HAN_RUNS.findall(text):
        readings.extend(_run_readings(run))
    if not readings:
        return ()
    primary = [options[0] for options in readings]
    variants = [" ".join(primary)]
    for pos, options in enumerate(readings):
        if len(variants) >= _MAX_VARIANTS:
            break
        if len(options) > 1:
            alt = list(primary)
            alt[pos] = options[1]
            variants.append(" ".join(alt))
    return tuple(dict.fromkeys(variants))


_HAN_RUNS = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


@dataclass(frozen=True, slots=True)
class SearchEntry:
    """The precomputed search keys of one item or bundle (a ``search_entries`` row)."""

    stream: str
    id: str
    name: str
    department: str
    category: str
    audiences: str
    status: str
    popularity: int
    themes: str
    aliases: str
    pinyin: str
    codes: str

    def as_row(self) -> dict[str, object]:
        return {
            "stream": self.stream,
            "id": self.id,
            "name": self.name,
            "department": self.department,
            "category": self.category,
            "audiences": self.audiences,
            "status": self.status,
            "popularity": self.popularity,
            "themes": self.themes,
            "aliases": self.aliases,
            "pinyin": self.pinyin,
            "codes": self.codes,
        }


def entry_for(stream: str, doc: Mapping[str, Any]) -> SearchEntry:
    """Search keys for one ``items`` or ``bundles`` doc (a ServiceItem/Bundle as JSON).

    Reads only the fields search needs, so a 100k-item pull does not validate every
    material of every item twice.
    """
    name = str(doc["name"])
    aliases = [str(a) for a in doc.get("aliases", ()) if str(a).strip()]
    if stream == "bundles":
        department = str(doc.get("lead_department", ""))
        themes: list[str] = []
        category = BUNDLE_CATEGORY
        codes = [str(doc["id"])]
    else:
        department = str(doc.get("department", ""))
        themes = [str(t) for t in doc.get("themes", ())]
        category = themes[0] if themes else department
        codes = [str(doc["id"]), str(doc.get("basic_code", ""))]
    pinyins: list[str] = []
    for text in [name, *aliases]:
        pinyins.extend(pinyin_variants(normalize(text)))
    return SearchEntry(
        stream=stream,
        id=str(doc["id"]),
        name=name,
        department=department,
        category=category,
        audiences=LIST_SEP.join(str(a) for a in doc.get("audience", ())),
        status=str(doc.get("status", "active")),
        popularity=int(doc.get("popularity", 0)),
        themes=LIST_SEP.join(themes),
        aliases=LIST_SEP.join(normalize(a) for a in aliases),
        pinyin=VARIANT_SEP.join(dict.fromkeys(pinyins)),
        codes=LIST_SEP.join(normalize(c) for c in codes if c),
    )


# ----------------------------------------------------------------------------- index


@dataclass(frozen=True, slots=True)
class IndexedRow:
    """What the index keeps per item or bundle: enough to render a result row."""

    kind: HitKind
    id: str
    name: str
    department: str
    category: str
    audiences: tuple[Audience, ...]
    themes: tuple[str, ...]
    popularity: int
    withdrawn: bool

    def hit(self, matched_on: MatchedOn, score: float) -> SearchHit:
        return SearchHit(
            kind=self.kind,
            id=self.id,
            name=self.name,
            department=self.department,
            category=self.category,
            audiences=self.audiences,
            matched_on=matched_on,
            score=score,
            status="withdrawn" if self.withdrawn else "active",
        )


class _Field:
    """One key kind as a blob of unique entries, hottest first."""

    __slots__ = ("blob", "exact", "owners", "starts")

    def __init__(self, pairs: Iterable[tuple[str, int]]) -> None:
        groups: dict[str, list[int]] = {}
        for text, rank in pairs:
            if text and _SEP not in text:
                ranks = groups.setdefault(text, [])
                if not ranks or ranks[-1] != rank:
                    ranks.append(rank)
        entries = sorted(groups.items(), key=lambda kv: min(kv[1]))
        self.owners: list[tuple[int, ...]] = [tuple(sorted(r)) for _, r in entries]
        self.exact: dict[str, int] = {text: n for n, (text, _) in enumerate(entries)}
        starts: list[int] = []
        pos = 1
        for text, _ in entries:
            starts.append(pos)
            pos += len(text) + 1
        self.starts = starts
        self.blob = _SEP + _SEP.join(text for text, _ in entries) + _SEP

    def entry_len(self, n: int) -> int:
        end = self.starts[n + 1] if n + 1 < len(self.starts) else len(self.blob)
        return end - self.starts[n] - 1

    def _next_entry(self, n: int) -> int:
        return self.starts[n + 1] if n + 1 < len(self.starts) else len(self.blob)

    def scan(
        self, needle: str | re.Pattern[str], *, anchored: bool = False
    ) -> Iterator[tuple[int, int, int]]:
        """(entry, offset in entry, match length) for each entry with a match.

        Args:
            needle: a literal, or a compiled regex that never matches the separator.
            anchored: only matches at the start of an entry.
        """
        blob, starts = self.blob, self.starts
        if isinstance(needle, str):
            literal = _SEP + needle if anchored else needle

            def find(pos: int) -> tuple[int, int] | None:
                at = blob.find(literal, pos)
                return None if at == -1 else (at, at + len(literal))

        else:
            rx = _compiled(f"{_SEP}(?:{needle.pattern})") if anchored else needle

            def find(pos: int) -> tuple[int, int] | None:
                m = rx.search(blob, pos)
                return None if m is None else (m.start(), m.end())

        pos = 0
        while (found := find(pos)) is not None:
            start, end = found
            if anchored:
                start += 1  # the separator in front of the entry
            n = bisect_right(starts, start) - 1
            yield n, start - starts[n], end - start
            # one hit per entry: continue after it (keep its separator when anchored)
            pos = self._next_entry(n) - (1 if anchored else 0)


@dataclass(frozen=True, slots=True)
class _Matcher:
    """What to look for in one field: a literal or a regex, plus exact keys."""

    literal: str | None = None
    pattern: str | None = None
    exact: tuple[str, ...] = ()

    def scan(self, field: _Field, *, prefix: bool) -> Iterator[tuple[int, int, int]]:
        if self.literal is not None:
            return field.scan(self.literal, anchored=prefix)
        assert self.pattern is not None
        return field.scan(_compiled(self.pattern), anchored=prefix)


@lru_cache(maxsize=512)
def _compiled(source: str) -> re.Pattern[str]:
    return re.compile(source)


class _Hits:
    """Best (group, kind) per row, filtered by audience."""

    def __init__(self, rows: list[IndexedRow], audience: Audience | None) -> None:
        self.rows = rows
        self.audience = audience
        self.best: dict[int, tuple[int, int, MatchedOn]] = {}

    def add(self, rank: int, group: int, kind: MatchedOn) -> bool:
        """Record a match; True when the row is new and passes the filter."""
        if self.audience is not None and self.audience not in self.rows[rank].audiences:
            return False
        key = (group, _KIND_ORDER[kind], kind)
        old = self.best.get(rank)
        if old is None:
            self.best[rank] = key
            return True
        if key[:2] < old[:2]:
            self.best[rank] = key
        return False

    def __len__(self) -> int:
        return len(self.best)


def _group_kind(field_kind: MatchedOn, group: int) -> MatchedOn:
    if field_kind is not MatchedOn.NAME:
        return field_kind
    return {_EXACT: MatchedOn.EXACT, _PREFIX: MatchedOn.PREFIX}.get(group, MatchedOn.NAME)


class SearchIndex:
    """In-memory search over precomputed keys.

    Build it with :meth:`from_entries` from ``search_entries`` rows in rank order
    (active before withdrawn, then popularity descending). Immutable once built;
    searching it from any thread is safe.
    """

    def __init__(self, rows: list[IndexedRow], keys: list[tuple[str, str, str, str]]) -> None:
        """Index ``rows``; ``keys[i]`` = (aliases, pinyin, codes, name) keys of row i."""
        self.rows = rows
        alias_pairs: list[tuple[str, int]] = []
        self._codes: dict[str, list[int]] = {}
        for rank, (aliases, _, codes, _) in enumerate(keys):
            if aliases:
                alias_pairs.extend((a, rank) for a in aliases.split(LIST_SEP))
            if codes:
                for code in codes.split(LIST_SEP):
                    self._codes.setdefault(code, []).append(rank)
        syllables, pinyin_pairs, initial_pairs = _encode_pinyin(keys)
        normalized: dict[str, str] = {}
        self._names = _Field(
            (normalized.get(k[3]) or normalized.setdefault(k[3], normalize(k[3])), rank)
            for rank, k in enumerate(keys)
        )
        self._aliases = _Field(alias_pairs)
        self._pinyin = _Field(pinyin_pairs)
        self._initials = _Field(initial_pairs)
        self._syllables = syllables
        self._syllable_prefixes: dict[str, str] = {}
        for s, ch in syllables.items():
            for end in range(1, len(s) + 1):
                self._syllable_prefixes[s[:end]] = self._syllable_prefixes.get(s[:end], "") + ch
        self._max_syllable = max((len(s) for s in syllables), default=0)
        self._by_department: dict[str, list[int]] = {}
        self._by_theme: dict[str, list[int]] = {}
        for rank, row in enumerate(rows):
            if row.department:
                self._by_department.setdefault(row.department, []).append(rank)
            for theme in row.themes:
                self._by_theme.setdefault(theme, []).append(rank)
        self._normalized_text = [
            (normalize(word), ranks)
            for word, ranks in (*self._by_department.items(), *self._by_theme.items())
        ]

    @classmethod
    def from_entries(cls, entries: Iterable[Sequence[Any]]) -> SearchIndex:
        """Build from ``search_entries`` rows as tuples in :data:`ENTRY_COLUMNS` order.

        Rows must come in rank order: active before withdrawn, then most popular first.
        """
        rows: list[IndexedRow] = []
        keys: list[tuple[str, str, str, str]] = []
        audiences_seen: dict[str, tuple[Audience, ...]] = {}
        themes_seen: dict[str, tuple[str, ...]] = {}
        for stream, row_id, name, dept, category, aud, status, popularity, themes, *rest in entries:
            audiences = audiences_seen.get(aud or "")
            if audiences is None:
                audiences = audiences_seen[aud or ""] = tuple(
                    Audience(a) for a in (aud or "").split(LIST_SEP) if a
                )
            theme_tuple = themes_seen.get(themes or "")
            if theme_tuple is None:
                theme_tuple = themes_seen[themes or ""] = (
                    tuple(themes.split(LIST_SEP)) if themes else ()
                )
            rows.append(
                IndexedRow(
                    kind=HitKind.BUNDLE if stream == "bundles" else HitKind.ITEM,
                    id=row_id,
                    name=name,
                    department=dept or "",
                    category=category or "",
                    audiences=audiences,
                    themes=theme_tuple,
                    popularity=popularity,
                    withdrawn=status == "withdrawn",
                )
            )
            aliases, pinyins, codes = rest
            keys.append((aliases or "", pinyins or "", codes or "", name))
        return cls(rows, keys)

    def __len__(self) -> int:
        return len(self.rows)

    # ---------------------------------------------------------------------- search

    def search(
        self, text: str, *, audience: Audience | None = None, limit: int = 50
    ) -> list[SearchHit]:
        """Ranked results for what a person typed (see the module docstring)."""
        q = normalize(text)
        if not q or limit <= 0:
            return []
        hits = _Hits(self.rows, audience)
        for rank in self._codes.get(q, ()):
            hits.add(rank, _EXACT, MatchedOn.EXACT)
        literal = _Matcher(literal=q, exact=(q,))
        self._search_field(self._names, literal, MatchedOn.NAME, hits, limit)
        self._search_field(self._aliases, literal, MatchedOn.ALIAS, hits, limit)
        letters_only = _ASCII_LETTERS.fullmatch(q) is not None
        if letters_only:
            self._search_field(self._initials, literal, MatchedOn.INITIALS, hits, limit)
        pinyin_matcher = self._pinyin_matcher(q)
        if pinyin_matcher is not None:
            self._search_field(self._pinyin, pinyin_matcher, MatchedOn.PINYIN, hits, limit)
        if len(hits) < _FUZZY_WHEN_FEWER_THAN:
            self._fuzzy(q, letters_only, hits, limit)
        self._text(q, hits, limit)
        return self._ranked(hits, limit)

    def _search_field(
        self, field: _Field, matcher: _Matcher, kind: MatchedOn, hits: _Hits, want: int
    ) -> None:
        for key in matcher.exact:
            n = field.exact.get(key)
            if n is not None:
                added = 0
                for rank in field.owners[n]:
                    if hits.add(rank, _EXACT, _group_kind(kind, _EXACT)):
                        added += 1
                        if added >= want:
                            break
        if self._collect(field, matcher.scan(field, prefix=False), kind, hits, want):
            return
        # Enough contains-matches were found before the end of the blob; rarer rows
        # that *start* with the query outrank them, so look for those separately.
        self._collect(field, matcher.scan(field, prefix=True), kind, hits, want)

    @staticmethod
    def _collect(
        field: _Field,
        matches: Iterator[tuple[int, int, int]],
        kind: MatchedOn,
        hits: _Hits,
        want: int,
        *,
        group_override: int | None = None,
    ) -> bool:
        """Add matches until ``want`` new rows; True when the scan reached the end."""
        added = 0
        for n, offset, length in matches:
            if group_override is not None:
                group = group_override
            elif offset == 0:
                group = _EXACT if length == field.entry_len(n) else _PREFIX
            else:
                group = _CONTAINS
            # one name can stand for hundreds of regional items: hottest first, enough
            for rank in field.owners[n]:
                if hits.add(rank, group, _group_kind(kind, group)):
                    added += 1
                    if added >= want:
                        return False
        return True

    def _text(self, q: str, hits: _Hits, want: int) -> None:
        """Department and theme words (公安, 社会保障 …)."""
        if not _HAN.search(q):
            return
        added = 0
        for word, ranks in self._normalized_text:
            if q in word:
                for rank in ranks:
                    if hits.add(rank, _TEXT, MatchedOn.TEXT):
                        added += 1
                        if added >= want:
                            return

    # --------------------------------------------------------------------- pinyin

    def _segment(self, letters: str, *, partial_tail: bool) -> list[str]:
        """Regex branches: ways to read ``letters`` as syllables in the index.

        With ``partial_tail`` the last syllable may still be being typed (``huzh``).
        """
        out: list[str] = []
        syllables, prefixes = self._syllables, self._syllable_prefixes
        budget = [400]  # bounded depth-first search: "aaaaaaaa" must not explode

        def walk(i: int, acc: str) -> None:
            budget[0] -= 1
            if budget[0] < 0 or len(out) >= _MAX_SEGMENTATIONS:
                return
            if i == len(letters):
                out.append(acc)
                return
            rest = letters[i:]
            # a syllable still being typed: any syllable it begins (zh → zha, zhao …)
            if (
                partial_tail
                and rest in prefixes
                and (rest not in syllables or len(prefixes[rest]) > 1)
            ):
                out.append(f"{acc}[{prefixes[rest]}]")
            for j in range(i + 1, min(len(letters), i + self._max_syllable) + 1):
                ch = syllables.get(letters[i:j])
                if ch is not None:
                    walk(j, acc + ch)

        walk(0, "")
        return list(dict.fromkeys(out))

    def _hanzi_class(self, ch: str) -> str | None:
        readings = _run_readings(ch)
        chars = "".join(
            self._syllables[r] for options in readings for r in options if r in self._syllables
        )
        return f"[{chars}]" if chars else None

    def _pinyin_matcher(self, q: str, *, need_letters: bool = True) -> _Matcher | None:
        """Pinyin (``huzhao``, ``hu zhao``, ``huzh``) or mixed (``公积jin``) queries.

        Without ``need_letters`` a hanzi-only query becomes "anything that sounds the
        same": the commonest typo of a pinyin input method (户口签移 → 户口迁移).
        """
        if not self._syllables or not q:
            return None
        pieces: list[str] = []
        tokens = re.findall(r"[a-z]+|.", q)
        has_letters = False
        for pos, token in enumerate(tokens):
            if token.isascii() and token.isalpha():
                has_letters = True
                branches = self._segment(token, partial_tail=pos == len(tokens) - 1)
                if not branches:
                    return None
                pieces.append(branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})")
            elif _HAN.fullmatch(token):
                cls = self._hanzi_class(token)
                if cls is None:
                    return None
                pieces.append(cls)
            else:
                return None
        if need_letters and not has_letters:
            return None
        exact = tuple(p for p in pieces if "[" not in p and "(" not in p)
        pattern = "".join(pieces)
        whole = ("".join(exact),) if len(exact) == len(pieces) else ()
        return _Matcher(pattern=pattern, exact=whole)

    # ---------------------------------------------------------------------- fuzzy

    def _fuzzy(self, q: str, letters_only: bool, hits: _Hits, want: int) -> None:
        """One wrong, missing, extra or swapped character."""
        if letters_only:
            if len(q) >= 4:
                branches: list[str] = []
                for variant in _edits(q, string.ascii_lowercase):
                    branches.extend(self._segment(variant, partial_tail=True))
                    if len(branches) >= _MAX_REGEX_BRANCHES:
                        break
                if branches:
                    pattern = "|".join(dict.fromkeys(branches[:_MAX_REGEX_BRANCHES]))
                    self._collect(
                        self._pinyin,
                        self._pinyin.scan(_compiled(pattern)),
                        MatchedOn.FUZZY,
                        hits,
                        want,
                        group_override=_FUZZY,
                    )
            return
        if len(q) >= 2:
            homophones = self._pinyin_matcher(q, need_letters=False)
            if homophones is not None and homophones.pattern is not None:
                self._collect(
                    self._pinyin,
                    self._pinyin.scan(_compiled(homophones.pattern)),
                    MatchedOn.FUZZY,
                    hits,
                    want,
                    group_override=_FUZZY,
                )
        if len(q) < 3:
            return
        verify = _compiled(_fuzzy_pattern(q))
        # One edit leaves half of the query intact (pigeonhole): find entries holding
        # either half with str.find, then check just those entries with the regex.
        half = len(q) // 2
        anchors = [q[:half], q[half:]] if len(q) >= 4 else [q[:2], q[1:]]
        for field in (self._names, self._aliases):
            self._collect(
                field,
                _verified(field, anchors, verify),
                MatchedOn.FUZZY,
                hits,
                want,
                group_override=_FUZZY,
            )

    # --------------------------------------------------------------------- results

    def _ranked(self, hits: _Hits, limit: int) -> list[SearchHit]:
        rows = self.rows
        order = sorted(hits.best.items(), key=lambda kv: (rows[kv[0]].withdrawn, kv[1][0], kv[0]))
        total = max(len(rows), 1)
        out: list[SearchHit] = []
        for rank, (group, _, kind) in order[:limit]:
            row = rows[rank]
            score = (5 - group) + (1 - rank / total) - (10 if row.withdrawn else 0)
            out.append(row.hit(kind, round(score, 6)))
        return out

    # -------------------------------------------------------------------- browsing

    def _listed(
        self, ranks: Iterable[int], audience: Audience | None, *, active_only: bool = True
    ) -> list[SearchHit]:
        out: list[SearchHit] = []
        total = max(len(self.rows), 1)
        for rank in ranks:
            row = self.rows[rank]
            if active_only and row.withdrawn:
                continue
            if audience is not None and audience not in row.audiences:
                continue
            out.append(row.hit(MatchedOn.TEXT, round(1 - rank / total, 6)))
        return out

    def hot_items(self, *, audience: Audience | None = None, limit: int = 12) -> list[SearchHit]:
        out: list[SearchHit] = []
        for hit in self._listed(
            (r for r, row in enumerate(self.rows) if row.kind is HitKind.ITEM), audience
        ):
            out.append(hit)
            if len(out) >= limit:
                break
        return out

    def bundles(self, *, audience: Audience | None = None) -> list[SearchHit]:
        return self._listed(
            (r for r, row in enumerate(self.rows) if row.kind is HitKind.BUNDLE), audience
        )

    def departments(self) -> list[tuple[str, int]]:
        counts = [
            (dept, sum(1 for r in ranks if self._active_item(r)))
            for dept, ranks in self._by_department.items()
        ]
        return sorted(((d, c) for d, c in counts if c), key=lambda dc: (-dc[1], dc[0]))

    def by_department(self, department: str) -> list[SearchHit]:
        ranks = self._by_department.get(department, [])
        return self._listed((r for r in ranks if self.rows[r].kind is HitKind.ITEM), None)

    def themes(self, *, audience: Audience | None = None) -> list[tuple[str, int]]:
        counts = []
        for theme, ranks in self._by_theme.items():
            n = sum(
                1
                for r in ranks
                if self._active_item(r) and (audience is None or audience in self.rows[r].audiences)
            )
            if n:
                counts.append((theme, n))
        return sorted(counts, key=lambda tc: (-tc[1], tc[0]))

    def by_theme(self, theme: str, *, audience: Audience | None = None) -> list[SearchHit]:
        return self._listed(self._by_theme.get(theme, []), audience)

    def _active_item(self, rank: int) -> bool:
        row = self.rows[rank]
        return row.kind is HitKind.ITEM and not row.withdrawn


_FUZZY_CANDIDATES = 3000  # entries checked per anchor before giving up on a typo


def _verified(
    field: _Field, anchors: list[str], verify: re.Pattern[str]
) -> Iterator[tuple[int, int, int]]:
    """Entries containing an anchor whose text ``verify`` matches, hottest first."""
    seen: set[int] = set()
    blob, starts = field.blob, field.starts
    for anchor in anchors:
        for checked, (n, _, _) in enumerate(field.scan(anchor)):
            if checked >= _FUZZY_CANDIDATES:
                break
            if n in seen:
                continue
            seen.add(n)
            start = starts[n]
            if verify.search(blob, start, start + field.entry_len(n)):
                yield n, 0, 0


def _encode_pinyin(
    keys: list[tuple[str, str, str, str]],
) -> tuple[dict[str, str], list[tuple[str, int]], list[tuple[str, int]]]:
    """Syllable code points, and (encoded pinyin, rank) / (initials, rank) pairs."""
    syllables: dict[str, str] = {}
    pinyin_pairs: list[tuple[str, int]] = []
    initial_pairs: list[tuple[str, int]] = []
    done: dict[str, list[tuple[str, str]]] = {}  # the same name recurs in every region
    for rank, (_, pinyins, _, _) in enumerate(keys):
        if not pinyins:
            continue
        encodings = done.get(pinyins)
        if encodings is None:
            encodings = done[pinyins] = []
            for variant in pinyins.split(VARIANT_SEP):
                parts = variant.split(" ")
                encoded = []
                for s in parts:
                    ch = syllables.get(s)
                    if ch is None:
                        ch = syllables[s] = chr(_SYLLABLE_BASE + len(syllables))
                    encoded.append(ch)
                encodings.append(("".join(encoded), "".join(s[0] for s in parts)))
        for encoded_name, initials in encodings:
            pinyin_pairs.append((encoded_name, rank))
            initial_pairs.append((initials, rank))
    return syllables, pinyin_pairs, initial_pairs


def _edits(word: str, alphabet: str) -> Iterator[str]:
    """Every string one edit away from ``word`` (likeliest kinds first)."""
    n = len(word)
    for i in range(n - 1):  # swapped neighbours
        yield word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    for i in range(n):  # an extra key pressed
        yield word[:i] + word[i + 1 :]
    for i in range(n):  # a wrong key
        for c in alphabet:
            if c != word[i]:
                yield word[:i] + c + word[i + 1 :]
    for i in range(1, n):  # a key missed
        for c in alphabet:
            yield word[:i] + c + word[i:]


def _fuzzy_pattern(q: str) -> str:
    """A regex matching any substring within one edit of ``q`` (hanzi queries).

    An error at either end reduces to the rest of the query, which keeps every branch
    starting with a literal character: that lets the regex engine skip quickly.
    """
    any_char = f"[^{_SEP}]"
    n = len(q)
    # dropping an end character of a 3-character query leaves 2, which matches too much
    branches = [re.escape(q[1:]), re.escape(q[:-1])] if n >= 4 else []
    for i in range(1, n - 1):
        left, right = re.escape(q[:i]), re.escape(q[i + 1 :])
        branches.append(f"{left}{any_char}{right}")  # wrong character
        branches.append(f"{left}{right}")  # extra character typed
    for i in range(1, n):
        branches.append(f"{re.escape(q[:i])}{any_char}{re.escape(q[i:])}")  # one missing
    for i in range(n - 1):
        swapped = q[:i] + q[i + 1] + q[i] + q[i + 2 :]
        branches.append(re.escape(swapped))
    return "|".join(dict.fromkeys(branches))
