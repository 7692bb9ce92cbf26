"""Catalog search that finds what people type: hanzi, pinyin, initials, aliases, typos.

Two halves:

- **Keys** (:func:`entry_for`): computed once per row when the row is written to
  ``cache.db`` (import or sync), stored in ``search_entries``: the normalised name,
  aliases, themes, codes, the pinyin of name and aliases (phrase-aware readings from
  pypinyin, plus variants for characters with several readings such as 行 háng/xíng or
  重 zhòng/chóng), and where the item is handled (its 基本编码, level, region and
  halls). Nothing here runs at start-up or per keystroke.
- **Index** (:class:`SearchIndex`): built lazily from those rows (a few hundred ms for
  100k items, on the worker thread), then answers each keystroke in a few ms.

One row per service. The same 事项 is implemented by the city and by every district
or town under one 基本编码; a citizen at one hall wants one row for it. The index
groups rows by basic code and shows the implementation this terminal prefers
(:class:`HomePlace`): the one handled at its hall, else the one of its region, else
the city-level one (then province, district, town), the most popular first among
equals; withdrawn implementations only when no active one is left. A hit says how
many other halls handle the service (:attr:`core.search.SearchHit.other_places`);
:meth:`SearchIndex.implementations` lists them all. Browsing lists (hot, by theme, by
department) show the same one row per service.

Ranking classes, best first; popularity of the service breaks ties within a class,
items and 一件事 alike; withdrawn results come last:

1. the name itself (or an implementation/basic code, or the whole name read in pinyin);
2. the name starts with the query (hanzi or pinyin);
3. an alias is the query (hanzi or pinyin), or the query is all the initials of the
   name, of an alias, or of a word after a qualifier (``hz`` → 护照);
4. the query starts an alias, or is the beginning of such initials (``gj`` → 公积金);
5. the query appears inside the name or an alias (pinyin only on syllable boundaries);
6. one typo away, or a homophone typed by a pinyin IME;
7. a department or theme word.

Initials match only from the start of a reading: the whole name or alias, or the rest
of it after the qualifiers in :data:`QUALIFIERS` (``居民身份证`` answers ``jmsfz`` and
``sfz``; ``机动车驾驶证`` answers ``jsz``), never at an arbitrary syllable: ``hz`` must
not find 机动车驾驶证期满**换证**. Splitting names into words needs a dictionary
(jieba) the terminal does not carry; item names are built as "qualifier + thing +
action", so stripping a short, fixed list of qualifiers finds the word people
abbreviate.

How the index is fast: every key kind is one long string ("blob") of entries separated
by ``\\x00``, entries ordered by their hottest service (popularity, withdrawn last),
and each entry knows the services it stands for, not the rows: a name shared by forty
regional implementations is one owner, checked once.
``str.find`` and compiled regexes scan a blob at C speed, so the first matches found are
the hottest ones and a scan stops as soon as enough services are collected. Pinyin is
stored one syllable per character (a private-use code point per syllable), so a pinyin
match always starts on a syllable boundary and ``huzhao``, ``hu zhao`` and ``huzh`` (a
syllable still being typed) all become short regexes over a blob no longer than the
names.
"""

from __future__ import annotations

import gzip
import logging
import re
import string
import threading
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from core.catalog import Audience, Level
from core.errors import EnvironmentProblem, msg
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
PART_SEP = "\x1e"
"""Splits a key column in two parts.

``pinyin``: the name's readings, then the aliases' readings. ``codes``: the codes a
person may type (implementation and basic code, normalised), then the placement:
basic code, level, region and hall ids as the catalog spells them. Rows written before
these parts existed have neither; the index treats all their readings as the name's
and :func:`has_placement` tells the cache to look their placement up.
"""

QUALIFIERS: tuple[str, ...] = (
    "中华人民共和国", "山东省", "威海市", "城乡居民", "内地居民", "居民", "普通", "城镇职工",
    "职工", "个人", "单位", "住房", "机动车", "基本",
)  # fmt: skip
"""Words item names start with that people leave out when they abbreviate.

The initials of what follows them are keys too: 居民身份证 → ``sfz``, 住房公积金提取 →
``gjjtq``, 职工基本养老保险 → ``ylbx``. Stripped repeatedly, longest first.
"""

_SEP = "\x00"
_MAX_VARIANTS = 3  # pinyin readings kept per key: the phrase-aware one + 2 alternatives
_FUZZY_WHEN_FEWER_THAN = 3  # typo tolerance kicks in when exact kinds found fewer rows
_MAX_SEGMENTATIONS = 32
_MAX_REGEX_BRANCHES = 96
_SYLLABLE_BASE = 0xE000  # private-use area: one code point per pinyin syllable

# Ranking classes (module docstring), best first.
_C_EXACT, _C_PREFIX, _C_ALIAS, _C_START, _C_CONTAINS, _C_FUZZY, _C_TEXT = range(7)
_CLASSES = 7
# (whole entry, start of entry, inside entry) classes per key field
_NAME_CLASSES = (_C_EXACT, _C_PREFIX, _C_CONTAINS)
_ALIAS_CLASSES = (_C_ALIAS, _C_START, _C_CONTAINS)
_INITIALS_CLASSES = (_C_ALIAS, _C_START, _C_START)  # initials are only scanned anchored

_LEVEL_ORDER = {
    str(level): n
    for n, level in enumerate(
        (Level.CITY, Level.PROVINCE, Level.DISTRICT, Level.TOWN, Level.VILLAGE)
    )
}
_LEVEL_UNKNOWN = len(Level)

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
    # pypinyin is imported where keys are made, not with this module: its phrase
    # dictionary costs ~0.2 s and ~56 MB, which a kiosk that only searches never needs
    from pypinyin.seg.simpleseg import seg as segment_words

    readings = [options for word in segment_words(run) for options in _word_readings(word)]
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


@lru_cache(maxsize=65536)
def _word_readings(word: str) -> tuple[tuple[str, ...], ...]:
    """Readings per hanzi of one word as pypinyin segments a run (cached per word).

    ``pinyin(run)`` segments the run and converts each word on its own, so converting
    the words one by one gives the same readings; names are built from a few thousand
    words, so most of a 100k-item catalog's names need no conversion at all. A list
    of one all-hanzi word is converted as it is, without segmenting it again.
    """
    from pypinyin import Style, pinyin

    found = pinyin([word], style=Style.NORMAL, heteronym=True, errors="ignore")
    return tuple(tuple(options) for options in found)


@lru_cache(maxsize=16384)
def _char_readings(char: str) -> tuple[str, ...]:
    """Every reading of one character on its own (no phrase context)."""
    from pypinyin import Style, pinyin

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


# ------------------------------------------------------------------ typed characters

HANZI_READINGS_FILE = (
    Path(__file__).resolve().parent.parent / "resources" / "ime" / "pinyin.tsv.gz"
)
"""The on-screen keyboard's pinyin dictionary, whose ``C`` records the index reads."""

CharReadings = Callable[[str], tuple[str, ...]]
"""Every toneless reading of one typed character (``签`` → ``("qian",)``); empty if unknown."""


class HanziReadings:
    """Every reading of a character, from syllable → characters records.

    What a query needs at run time to read a *typed* character as sound: a mixed query
    (``公积jin``) and the homophone fallback (户口**签**移 → 户口迁移, the commonest slip
    of a pinyin input method). Keys are still made with pypinyin where rows are written
    (it reads phrases in context); a typed character needs only its readings, which the
    on-screen keyboard's dictionary already lists: its ``C`` records are pypinyin's
    character readings (``resources/ime/build_dictionary.py``), ~27,000 characters in
    ~55 KB of text. Keeping the records as they are and looking a character up on
    demand (≈ 15 µs, cached) costs far less memory than a character → readings dict,
    and a kiosk never imports pypinyin (≈ 37 MB and 0.2 s) to search.

    Args:
        syllables: toneless syllable (``v`` for ü) → the characters read so, most
            frequent first.
    """

    def __init__(self, syllables: Mapping[str, str]) -> None:
        self._syllables = tuple(syllables.items())
        self._cached = lru_cache(maxsize=4096)(self._find)

    @classmethod
    def parse(cls, lines: Iterable[str]) -> HanziReadings:
        """Read the ``C`` records of the keyboard dictionary's format; skip the others.

        Raises:
            ValueError: a ``C`` record is malformed, or there is none.
        """
        syllables: dict[str, str] = {}
        for number, raw in enumerate(lines, 1):
            if not raw.startswith("C\t"):
                continue
            _, syllable, chars = (raw.rstrip("\n").split("\t") + ["", ""])[:3]
            if not syllable.isascii() or not syllable.isalpha() or not chars:
                raise ValueError(f"line {number}: not a syllable record")
            syllables[syllable] = chars
        if not syllables:
            raise ValueError("no syllable records: not a pinyin dictionary")
        return cls(syllables)

    @classmethod
    def load(cls, path: Path = HANZI_READINGS_FILE) -> HanziReadings:
        """Read ``path`` (gzip text, see :meth:`parse`): ≈ 30 ms.

        Raises:
            EnvironmentProblem: the file is missing or corrupt (a broken installation).
        """
        try:
            with gzip.open(path, "rt", encoding="utf-8") as lines:
                table = cls.parse(lines)
        except (OSError, EOFError, UnicodeDecodeError, ValueError) as exc:
            raise EnvironmentProblem(
                msg("拼音词库缺失或损坏: {path} ({exc})", path=path, exc=exc)
            ) from exc
        log.info("character readings loaded: %d syllables", len(table._syllables))
        return table

    def __call__(self, char: str) -> tuple[str, ...]:
        """Every reading of ``char``, the one it is likeliest read by first."""
        return self._cached(char)

    def _find(self, char: str) -> tuple[str, ...]:
        found = [(chars.find(char), s) for s, chars in self._syllables if char in chars]
        return tuple(s for _, s in sorted(found))


class _ShippedReadings:
    """The readings of the installed dictionary file, read on first use, once a process.

    A missing or corrupt file is logged once; then no typed character has a reading,
    so a mixed or misspelt hanzi query finds only what it spells exactly.
    """

    def __init__(self, path: Path = HANZI_READINGS_FILE) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._table: CharReadings | None = None

    def __call__(self, char: str) -> tuple[str, ...]:
        table = self._table
        if table is None:
            with self._lock:
                if self._table is None:
                    try:
                        self._table = HanziReadings.load(self._path)
                    except EnvironmentProblem:
                        log.exception("typed hanzi will not be matched by sound")
                        self._table = lambda _char: ()
                table = self._table
        return table(char)


shipped_readings: CharReadings = _ShippedReadings()
"""The default :data:`CharReadings` of an index: the installed keyboard dictionary."""


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
        codes = normalize(str(doc["id"]))
    else:
        department = str(doc.get("department", ""))
        themes = [str(t) for t in doc.get("themes", ())]
        category = themes[0] if themes else department
        typed = [str(doc["id"]), str(doc.get("basic_code", ""))]
        codes = with_placement(
            LIST_SEP.join(normalize(c) for c in typed if c),
            basic_code=str(doc.get("basic_code", "")),
            level=str(doc.get("level", "")),
            region=str(doc.get("region", "")),
            hall_ids=[str(h) for h in doc.get("hall_ids", ())],
        )
    readings, alias_keys = _text_keys(name, tuple(aliases))
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
        aliases=alias_keys,
        pinyin=readings,
        codes=codes,
    )


@lru_cache(maxsize=65536)
def _text_keys(name: str, aliases: tuple[str, ...]) -> tuple[str, str]:
    """``(pinyin, aliases)`` keys of a name and its aliases.

    Cached because a service's name and aliases repeat in every district and town
    that implements it: a 100k-item catalog has only a few thousand distinct names,
    and a first pull computes each one's keys once.
    """
    name_readings = pinyin_variants(normalize(name))
    alias_readings: dict[str, None] = {}
    for alias in aliases:
        for reading in pinyin_variants(normalize(alias)):
            if reading not in name_readings:
                alias_readings.setdefault(reading)
    readings = VARIANT_SEP.join(name_readings)
    if alias_readings:
        readings += PART_SEP + VARIANT_SEP.join(alias_readings)
    return readings, LIST_SEP.join(normalize(a) for a in aliases)


def has_placement(codes: str | None) -> bool:
    """Whether a ``codes`` key carries the item's placement (rows written since it does)."""
    return codes is not None and PART_SEP in codes


def with_placement(
    codes: str, *, basic_code: str, level: str, region: str, hall_ids: Sequence[str]
) -> str:
    """A ``codes`` key with the item's placement appended (see :data:`PART_SEP`)."""
    typed = codes.partition(PART_SEP)[0]
    return typed + PART_SEP + LIST_SEP.join((basic_code, level, region, *hall_ids))


@dataclass(frozen=True, slots=True)
class HomePlace:
    """Where the terminal stands: its hall and that hall's region.

    Empty for a terminal (or a test, or the gateway) that has no hall: then the
    city-level implementation of each service is the one shown.
    """

    hall_id: str = ""
    region: str = ""


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
    basic_code: str = ""
    level: str = ""
    region: str = ""
    hall_ids: tuple[str, ...] = ()

    def hit(self, matched_on: MatchedOn, score: float, *, other_places: int = 0) -> SearchHit:
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
            basic_code=self.basic_code,
            region=self.region,
            hall_ids=self.hall_ids,
            other_places=other_places,
        )


@dataclass(frozen=True, slots=True)
class _Service:
    """The implementations of one service (one basic code, or one 一件事), preferred first.

    Attributes:
        members: row ranks, the one shown first.
        rank: the service's place in popularity order (its hottest active row).
        withdrawn: no implementation is active.
        other_places: halls of the other active implementations not among the shown one's.
    """

    members: tuple[int, ...]
    rank: int
    withdrawn: bool
    other_places: int

    @property
    def shown(self) -> int:
        return self.members[0]


class _Field:
    """One key kind as a blob of unique entries, hottest first."""

    __slots__ = ("blob", "exact", "owners", "starts")

    def __init__(self, pairs: Iterable[tuple[str, int]]) -> None:
        groups: dict[str, list[int]] = {}
        for text, owner in pairs:
            if text and _SEP not in text:
                owners = groups.setdefault(text, [])
                if not owners or owners[-1] != owner:
                    owners.append(owner)
        entries = sorted(groups.items(), key=lambda kv: min(kv[1]))
        # owners are service numbers, hottest first, each once
        self.owners: list[tuple[int, ...]] = [tuple(sorted(set(o))) for _, o in entries]
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
    """Best (class, kind) per service, filtered by audience."""

    def __init__(self, index: SearchIndex, audience: Audience | None) -> None:
        self.audiences = index.shown_audiences
        self.audience = audience
        self.best: dict[int, tuple[int, int, MatchedOn]] = {}

    def add(self, service: int, cls: int, kind: MatchedOn) -> bool:
        """Record a match of a service; True when it is new and for the audience."""
        if self.audience is not None and self.audience not in self.audiences[service]:
            return False
        key = (cls, _KIND_ORDER[kind], kind)
        old = self.best.get(service)
        if old is None:
            self.best[service] = key
            return True
        if key[:2] < old[:2]:
            self.best[service] = key
        return False

    def __len__(self) -> int:
        return len(self.best)


def _group_kind(field_kind: MatchedOn, cls: int) -> MatchedOn:
    if field_kind is not MatchedOn.NAME:
        return field_kind
    return {_C_EXACT: MatchedOn.EXACT, _C_PREFIX: MatchedOn.PREFIX}.get(cls, MatchedOn.NAME)


class SearchIndex:
    """In-memory search over precomputed keys, one result per service.

    Build it with :meth:`from_entries` from ``search_entries`` rows in rank order
    (active before withdrawn, then popularity descending). Immutable once built;
    searching it from any thread is safe.

    Attributes:
        rows: every item and 一件事, in rank order.
        service_of: the service (index into the service list) of each row.
        shown_audiences: the audiences of each service's shown implementation.
    """

    def __init__(
        self,
        rows: list[IndexedRow],
        keys: list[tuple[str, str, str, str]],
        *,
        home: HomePlace | None = None,
        readings: CharReadings | None = None,
    ) -> None:
        """Index ``rows``; ``keys[i]`` = (aliases, pinyin, codes, name) keys of row i.

        ``readings`` reads typed hanzi as sound (default: :data:`shipped_readings`).
        """
        self.rows = rows
        self.home = home or HomePlace()
        self._readings = readings or shipped_readings
        self._services, self.service_of, self._by_basic = _services(rows, self.home)
        self.shown_audiences = [rows[s.shown].audiences for s in self._services]
        of = self.service_of
        alias_pairs: list[tuple[str, int]] = []
        self._codes: dict[str, list[int]] = {}
        for rank, (aliases, _, codes, _) in enumerate(keys):
            if aliases:
                alias_pairs.extend((a, of[rank]) for a in aliases.split(LIST_SEP))
            if codes:
                for code in codes.split(LIST_SEP):
                    self._codes.setdefault(code, []).append(of[rank])
        encoded = _encode_pinyin(keys, of)
        normalized: dict[str, str] = {}
        self._names = _Field(
            (normalized.get(k[3]) or normalized.setdefault(k[3], normalize(k[3])), of[rank])
            for rank, k in enumerate(keys)
        )
        self._aliases = _Field(alias_pairs)
        self._name_pinyin = _Field(encoded.names)
        self._alias_pinyin = _Field(encoded.aliases)
        self._initials = _Field(encoded.initials)
        self._syllables = encoded.syllables
        self._syllable_prefixes: dict[str, str] = {}
        for s, ch in self._syllables.items():
            for end in range(1, len(s) + 1):
                self._syllable_prefixes[s[:end]] = self._syllable_prefixes.get(s[:end], "") + ch
        self._max_syllable = max((len(s) for s in self._syllables), default=0)
        self._normalized_text = _text_words(rows, of)
        # browsing shows services: the shown implementation's department and themes
        self._shown_by_department: dict[str, list[int]] = {}
        self._shown_by_theme: dict[str, list[int]] = {}
        for number, service in enumerate(self._services):
            row = rows[service.shown]
            if row.kind is HitKind.ITEM:
                self._shown_by_department.setdefault(row.department, []).append(number)
                for theme in row.themes:
                    self._shown_by_theme.setdefault(theme, []).append(number)

    @classmethod
    def from_entries(
        cls,
        entries: Iterable[Sequence[Any]],
        *,
        home: HomePlace | None = None,
        readings: CharReadings | None = None,
    ) -> SearchIndex:
        """Build from ``search_entries`` rows as tuples in :data:`ENTRY_COLUMNS` order.

        Rows must come in rank order: active before withdrawn, then most popular first.
        An item row without a placement (written by an older version, see
        :func:`has_placement`) is its own service.

        Args:
            entries: the rows.
            home: where the terminal stands; decides which implementation is shown.
            readings: every reading of a typed character, for mixed (``公积jin``) and
                homophone queries; default :data:`shipped_readings`.
        """
        rows: list[IndexedRow] = []
        keys: list[tuple[str, str, str, str]] = []
        audiences_seen: dict[str, tuple[Audience, ...]] = {}
        themes_seen: dict[str, tuple[str, ...]] = {}
        halls_seen: dict[str, tuple[str, ...]] = {}
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
            aliases, pinyins, codes = rest
            typed, _, place = (codes or "").partition(PART_SEP)
            basic_code = level = region = ""
            hall_ids: tuple[str, ...] = ()
            if place:
                basic_code, level, region, halls = (place.split(LIST_SEP, 3) + ["", "", ""])[:4]
                hall_ids = halls_seen.get(halls) or halls_seen.setdefault(
                    halls, tuple(h for h in halls.split(LIST_SEP) if h)
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
                    basic_code=basic_code,
                    level=level,
                    region=region,
                    hall_ids=hall_ids,
                )
            )
            keys.append((aliases or "", pinyins or "", typed, name))
        return cls(rows, keys, home=home, readings=readings)

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def services(self) -> int:
        """How many services (basic codes and 一件事) the rows make."""
        return len(self._services)

    # ---------------------------------------------------------------------- search

    def search(
        self, text: str, *, audience: Audience | None = None, limit: int = 50
    ) -> list[SearchHit]:
        """Ranked results for what a person typed (see the module docstring)."""
        q = normalize(text)
        if not q or limit <= 0:
            return []
        hits = _Hits(self, audience)
        for service in self._codes.get(q, ()):
            hits.add(service, _C_EXACT, MatchedOn.EXACT)
        literal = _Matcher(literal=q, exact=(q,))
        self._search_field(
            self._names, literal, MatchedOn.NAME, classes=_NAME_CLASSES, hits=hits, want=limit
        )
        self._search_field(
            self._aliases, literal, MatchedOn.ALIAS, classes=_ALIAS_CLASSES, hits=hits, want=limit
        )
        letters_only = _ASCII_LETTERS.fullmatch(q) is not None
        if letters_only:
            self._search_field(
                self._initials,
                literal,
                MatchedOn.INITIALS,
                classes=_INITIALS_CLASSES,
                hits=hits,
                want=limit,
                anchored_only=True,
            )
        pinyin_matcher = self._pinyin_matcher(q)
        if pinyin_matcher is not None:
            for field, classes in (
                (self._name_pinyin, _NAME_CLASSES),
                (self._alias_pinyin, _ALIAS_CLASSES),
            ):
                self._search_field(
                    field, pinyin_matcher, MatchedOn.PINYIN, classes=classes, hits=hits, want=limit
                )
        if len(hits) < _FUZZY_WHEN_FEWER_THAN:
            self._fuzzy(q, letters_only, hits, limit)
        self._text(q, hits, limit)
        return self._ranked(hits, limit)

    def _search_field(
        self,
        field: _Field,
        matcher: _Matcher,
        kind: MatchedOn,
        *,
        classes: tuple[int, int, int],
        hits: _Hits,
        want: int,
        anchored_only: bool = False,
    ) -> None:
        whole = classes[0]
        for key in matcher.exact:
            n = field.exact.get(key)
            if n is not None:
                added = 0
                for service in field.owners[n]:
                    if hits.add(service, whole, _group_kind(kind, whole)):
                        added += 1
                        if added >= want:
                            break
        if not anchored_only and self._collect(
            field, matcher.scan(field, prefix=False), kind, classes=classes, hits=hits, want=want
        ):
            return
        # Enough contains-matches were found before the end of the blob; rarer rows
        # that *start* with the query outrank them, so look for those separately.
        self._collect(
            field, matcher.scan(field, prefix=True), kind, classes=classes, hits=hits, want=want
        )

    @staticmethod
    def _collect(
        field: _Field,
        matches: Iterator[tuple[int, int, int]],
        kind: MatchedOn,
        *,
        classes: tuple[int, int, int],
        hits: _Hits,
        want: int,
        class_override: int | None = None,
    ) -> bool:
        """Add matches until ``want`` new services; True when the scan reached the end."""
        added = 0
        for n, offset, length in matches:
            if class_override is not None:
                cls = class_override
            elif offset == 0:
                cls = classes[0] if length == field.entry_len(n) else classes[1]
            else:
                cls = classes[2]
            matched_on = _group_kind(kind, cls)
            for service in field.owners[n]:
                if hits.add(service, cls, matched_on):
                    added += 1
                    if added >= want:
                        return False
        return True

    def _text(self, q: str, hits: _Hits, want: int) -> None:
        """Department and theme words (公安, 社会保障 …)."""
        if not _HAN.search(q):
            return
        added = 0
        for word, services in self._normalized_text:
            if q in word:
                for service in services:
                    if hits.add(service, _C_TEXT, MatchedOn.TEXT):
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

    def warm_up(self) -> None:
        """Read the typed characters' readings now (not on the first mixed query)."""
        self._readings("一")

    def _hanzi_class(self, ch: str) -> str | None:
        """A character class of the syllables ``ch`` may be read as (no pypinyin)."""
        syllables = self._syllables
        chars = "".join(syllables[r] for r in self._readings(ch) if r in syllables)
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
        pinyin_fields = (self._name_pinyin, self._alias_pinyin)
        if letters_only:
            if len(q) >= 4:
                branches: list[str] = []
                for variant in _edits(q, string.ascii_lowercase):
                    branches.extend(self._segment(variant, partial_tail=True))
                    if len(branches) >= _MAX_REGEX_BRANCHES:
                        break
                if branches:
                    pattern = _compiled("|".join(dict.fromkeys(branches[:_MAX_REGEX_BRANCHES])))
                    for field in pinyin_fields:
                        self._collect(
                            field,
                            field.scan(pattern),
                            MatchedOn.FUZZY,
                            classes=_NAME_CLASSES,
                            hits=hits,
                            want=want,
                            class_override=_C_FUZZY,
                        )
            return
        if len(q) >= 2:
            homophones = self._pinyin_matcher(q, need_letters=False)
            if homophones is not None and homophones.pattern is not None:
                for field in pinyin_fields:
                    self._collect(
                        field,
                        field.scan(_compiled(homophones.pattern)),
                        MatchedOn.FUZZY,
                        classes=_NAME_CLASSES,
                        hits=hits,
                        want=want,
                        class_override=_C_FUZZY,
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
                classes=_NAME_CLASSES,
                hits=hits,
                want=want,
                class_override=_C_FUZZY,
            )

    # --------------------------------------------------------------------- results

    def _ranked(self, hits: _Hits, limit: int) -> list[SearchHit]:
        services = self._services
        order = sorted(
            hits.best.items(), key=lambda kv: (services[kv[0]].withdrawn, kv[1][0], kv[0])
        )
        total = max(len(self.rows), 1)
        out: list[SearchHit] = []
        for number, (cls, _, kind) in order[:limit]:
            service = services[number]
            score = (_CLASSES - cls) + (1 - service.rank / total) - (10 if service.withdrawn else 0)
            out.append(self._shown_hit(service, kind, round(score, 6)))
        return out

    def _shown_hit(self, service: _Service, kind: MatchedOn, score: float) -> SearchHit:
        return self.rows[service.shown].hit(kind, score, other_places=service.other_places)

    # -------------------------------------------------------------------- browsing

    def _listed(
        self, numbers: Iterable[int], audience: Audience | None, *, kind: HitKind = HitKind.ITEM
    ) -> Iterator[SearchHit]:
        """Active services of one kind, as their shown implementation, in the given order."""
        total = max(len(self.rows), 1)
        for number in numbers:
            service = self._services[number]
            row = self.rows[service.shown]
            if service.withdrawn or row.kind is not kind:
                continue
            if audience is not None and audience not in row.audiences:
                continue
            yield self._shown_hit(service, MatchedOn.TEXT, round(1 - service.rank / total, 6))

    def hot_items(self, *, audience: Audience | None = None, limit: int = 12) -> list[SearchHit]:
        out: list[SearchHit] = []
        if limit <= 0:
            return out
        for hit in self._listed(range(len(self._services)), audience):
            out.append(hit)
            if len(out) >= limit:
                break
        return out

    def bundles(self, *, audience: Audience | None = None) -> list[SearchHit]:
        return list(self._listed(range(len(self._services)), audience, kind=HitKind.BUNDLE))

    def departments(self) -> list[tuple[str, int]]:
        counts = [
            (dept, sum(1 for n in numbers if not self._services[n].withdrawn))
            for dept, numbers in self._shown_by_department.items()
        ]
        return sorted(((d, c) for d, c in counts if c), key=lambda dc: (-dc[1], dc[0]))

    def by_department(self, department: str) -> list[SearchHit]:
        return list(self._listed(self._shown_by_department.get(department, []), None))

    def themes(self, *, audience: Audience | None = None) -> list[tuple[str, int]]:
        counts = []
        for theme, numbers in self._shown_by_theme.items():
            n = sum(
                1
                for number in numbers
                if not self._services[number].withdrawn
                and (
                    audience is None
                    or audience in self.rows[self._services[number].shown].audiences
                )
            )
            if n:
                counts.append((theme, n))
        return sorted(counts, key=lambda tc: (-tc[1], tc[0]))

    def by_theme(self, theme: str, *, audience: Audience | None = None) -> list[SearchHit]:
        return list(self._listed(self._shown_by_theme.get(theme, []), audience))

    def implementations(self, basic_code: str) -> list[SearchHit]:
        """Every active implementation of a service, the shown one first.

        Each hit's ``other_places`` counts the halls of the others not among its own.
        """
        number = self._by_basic.get(basic_code)
        if number is None:
            return []
        active = [r for r in self._services[number].members if not self.rows[r].withdrawn]
        everywhere = {h for r in active for h in self.rows[r].hall_ids}
        total = max(len(self.rows), 1)
        return [
            self.rows[r].hit(
                MatchedOn.TEXT,
                round(1 - r / total, 6),
                other_places=len(everywhere.difference(self.rows[r].hall_ids)),
            )
            for r in active
        ]


def _text_words(
    rows: Sequence[IndexedRow], service_of: Sequence[int]
) -> list[tuple[str, tuple[int, ...]]]:
    """(normalised department or theme, the services of every row that has it)."""
    words: dict[str, dict[int, None]] = {}
    for rank, row in enumerate(rows):
        for word in (row.department, *row.themes):
            if word:
                words.setdefault(word, {})[service_of[rank]] = None
    return [(normalize(word), tuple(sorted(services))) for word, services in words.items()]


def _services(
    rows: Sequence[IndexedRow], home: HomePlace
) -> tuple[list[_Service], list[int], dict[str, int]]:
    """Group rows into services and order each one's implementations by preference.

    Returns:
        The services in rank order (active ones by popularity, then withdrawn ones),
        the service number of each row, and the service number of each basic code.
    """
    groups: dict[tuple[str, str], list[int]] = {}
    for rank, row in enumerate(rows):
        if row.kind is HitKind.ITEM and row.basic_code:
            key = ("basic", row.basic_code)
        else:
            key = (row.kind.value, row.id)
        groups.setdefault(key, []).append(rank)

    def preference(rank: int) -> tuple[bool, bool, bool, int, int]:
        row = rows[rank]
        return (
            row.withdrawn,
            not home.hall_id or home.hall_id not in row.hall_ids,
            not home.region or row.region != home.region,
            _LEVEL_ORDER.get(row.level, _LEVEL_UNKNOWN),
            rank,
        )

    services: list[_Service] = []
    service_of = [0] * len(rows)
    by_basic: dict[str, int] = {}
    # dict order is first-seen order, and rows come hottest first, withdrawn last
    for (what, code), ranks in groups.items():
        number = len(services)
        members = tuple(sorted(ranks, key=preference)) if len(ranks) > 1 else tuple(ranks)
        shown = rows[members[0]]
        other_places = 0
        if len(members) > 1 and not shown.withdrawn:
            own = set(shown.hall_ids)
            other_places = len(
                {h for r in members if not rows[r].withdrawn for h in rows[r].hall_ids} - own
            )
        services.append(
            _Service(
                members=members,
                rank=ranks[0],
                withdrawn=shown.withdrawn,
                other_places=other_places,
            )
        )
        for rank in ranks:
            service_of[rank] = number
        if what == "basic":
            by_basic[code] = number
    return services, service_of, by_basic


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


@dataclass(frozen=True, slots=True)
class _Readings:
    """Pinyin keys: (key, service) pairs per field, and the syllable table."""

    syllables: dict[str, str]
    names: list[tuple[str, int]]
    aliases: list[tuple[str, int]]
    initials: list[tuple[str, int]]


QUALIFIER_READINGS: dict[str, str] = {
    "中华人民共和国": "zhong hua ren min gong he guo", "山东省": "shan dong sheng",
    "威海市": "wei hai shi", "城乡居民": "cheng xiang ju min", "内地居民": "nei di ju min",
    "居民": "ju min", "普通": "pu tong", "城镇职工": "cheng zhen zhi gong", "职工": "zhi gong",
    "个人": "ge ren", "单位": "dan wei", "住房": "zhu fang", "机动车": "ji dong che",
    "基本": "ji ben",
}  # fmt: skip
"""The first of :func:`pinyin_variants` of each qualifier (a test keeps them equal).

Written out so that building the index from stored keys needs no pypinyin.
"""


@lru_cache(maxsize=1)
def _qualifier_readings() -> dict[str, tuple[tuple[str, ...], ...]]:
    """:data:`QUALIFIERS` as syllable tuples by first syllable, longest first."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for q in QUALIFIERS:
        known = QUALIFIER_READINGS.get(q)
        reading = tuple((known or pinyin_variants(q)[0]).split(" "))
        by_first.setdefault(reading[0], []).append(reading)
    return {s: tuple(sorted(set(r), key=lambda x: (-len(x), x))) for s, r in by_first.items()}


def initials_keys(syllables: Sequence[str]) -> list[str]:
    """The initials keys of one reading: the whole, then after each leading qualifier.

    ``["ju", "min", "shen", "fen", "zheng"]`` → ``["jmsfz", "sfz"]``.
    """
    initials = "".join(s[0] for s in syllables)
    keys = [initials]
    qualifiers = _qualifier_readings()
    start, count = 0, len(syllables)
    while (candidates := qualifiers.get(syllables[start])) is not None:
        for qualifier in candidates:
            end = start + len(qualifier)
            if end < count and tuple(syllables[start:end]) == qualifier:
                start = end
                keys.append(initials[start:])
                break
        else:
            break
    return keys


def _encode_pinyin(keys: list[tuple[str, str, str, str]], service_of: Sequence[int]) -> _Readings:
    """Syllable code points, and the encoded name/alias readings and initials per row."""
    syllables: dict[str, str] = {}

    def encode(variant: str) -> str:
        encoded = []
        for s in variant.split(" "):
            ch = syllables.get(s)
            if ch is None:
                ch = syllables[s] = chr(_SYLLABLE_BASE + len(syllables))
            encoded.append(ch)
        return "".join(encoded)

    out = _Readings(syllables=syllables, names=[], aliases=[], initials=[])
    # the same name recurs in every region: encode each readings key once
    done: dict[str, tuple[list[str], list[str], list[str]]] = {}
    for rank, (_, readings, _, _) in enumerate(keys):
        if not readings:
            continue
        encodings = done.get(readings)
        if encodings is None:
            name_part, _, alias_part = readings.partition(PART_SEP)
            names = [v for v in name_part.split(VARIANT_SEP) if v]
            aliases = [v for v in alias_part.split(VARIANT_SEP) if v]
            initials = dict.fromkeys(
                key for v in (*names, *aliases) for key in initials_keys(v.split(" "))
            )
            encodings = done[readings] = (
                [encode(v) for v in names],
                [encode(v) for v in aliases],
                list(initials),
            )
        service = service_of[rank]
        out.names.extend((e, service) for e in encodings[0])
        out.aliases.extend((e, service) for e in encodings[1])
        out.initials.extend((i, service) for i in encodings[2])
    return out


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
