"""Pinyin input for the on-screen keyboard: from typed letters to hanzi candidates.

A kiosk has no system input method, so names (张小明) and Chinese search words are
typed as pinyin on the on-screen keyboard and picked from a candidate bar. This module
is the pure part:

- :class:`PinyinDictionary` — characters per syllable, phrases per syllable sequence,
  surnames, parsed from the text of ``resources/ime/pinyin.tsv.gz`` (the widget layer
  reads the file; this module does no I/O);
- :class:`PinyinEngine` — segments what was typed into syllables (``xian`` is 先 or
  西安, ``zhangs`` ends in a syllable still being typed) and ranks candidates, with
  surnames first at the start of a name field;
- :class:`Composition` — the state of one composition: the letters typed so far
  (preedit), the candidate page, choosing (which may cover only the first syllables
  and leave the rest to compose), paging, backspace.

Anything with the :class:`InputMethod` shape can replace the engine (a system IME such
as fcitx reached through a bridge), the composition and keyboard stay the same.

``ü`` is typed as ``v`` (``lvzhou`` 绿洲); a ``ü`` that arrives from elsewhere is read
as ``v`` too, and ``lue``/``nue`` are accepted for ``lve``/``nve`` as every IME does.
An apostrophe separates syllables (``xi'an``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

log = logging.getLogger(__name__)

SEPARATOR = "'"
MAX_SEGMENTATIONS = 24
MAX_CANDIDATES = 80
_PREFIX_CHARS = 24  # characters taken from each syllable a partial syllable may become
_USUAL_READING = 40  # a character this far down a syllable's list is read so rarely
_ALIASES = {"lue": "lve", "nue": "nve"}


class InputPurpose(StrEnum):
    """What a field holds; it changes the ranking and the keyboard's starting mode."""

    TEXT = "text"  # free Chinese text
    NAME = "name"  # a person's name: surnames first, then common given-name characters
    SEARCH = "search"  # catalog search: letters search directly (pinyin, initials)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One choice of the candidate bar.

    Attributes:
        text: the hanzi it enters.
        consumed: how many of the typed letters it covers (separators included);
            letters after them stay in the composition.
    """

    text: str
    consumed: int


class InputMethod(Protocol):
    """What the keyboard needs from an input method."""

    def candidates(
        self, letters: str, *, purpose: InputPurpose = InputPurpose.TEXT, at_start: bool = True
    ) -> list[Candidate]:
        """Candidates for ``letters``, best first; empty when nothing matches.

        Args:
            letters: what was typed (lower-case a–z, ``v`` for ü, ``'`` separators).
            purpose: the field's purpose.
            at_start: the text will be entered at the start of the field (a name's
                surname position).
        """
        ...


def normalise(letters: str) -> str:
    """Lower-case, ``ü``→``v``, only letters and separators kept."""
    text = letters.lower().replace("ü", "v").replace("u:", "v")
    return "".join(c for c in text if ("a" <= c <= "z") or c == SEPARATOR)


@dataclass(frozen=True, slots=True)
class PinyinDictionary:
    """The data behind :class:`PinyinEngine`.

    Attributes:
        chars: syllable → characters read so, most frequent first.
        phrases: syllables joined by ``'`` → phrases, most frequent first.
        rank: character → its overall frequency rank (0 is the most frequent).
        surnames: single-character surnames with their surname reading, most common
            first (单 is read shan as a surname).
        compound_surnames: syllable key → compound surnames (欧阳 …).
        name_chars: characters common in given names.
    """

    chars: Mapping[str, str]
    phrases: Mapping[str, tuple[str, ...]]
    rank: Mapping[str, int]
    surnames: tuple[tuple[str, str], ...] = ()
    compound_surnames: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    name_chars: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, lines: Iterable[str]) -> PinyinDictionary:
        """Read the dictionary format of ``resources/ime/build_dictionary.py``.

        Raises:
            ValueError: a line is not of that format (a corrupt or foreign file).
        """
        chars: dict[str, str] = {}
        phrases: dict[str, tuple[str, ...]] = {}
        rank: dict[str, int] = {}
        surnames: tuple[tuple[str, str], ...] = ()
        compounds: dict[str, tuple[str, ...]] = {}
        name_chars: frozenset[str] = frozenset()
        for number, raw in enumerate(lines, 1):
            line = raw.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            kind, _, rest = line.partition("\t")
            if kind == "C":
                syllable, _, text = rest.partition("\t")
                chars[syllable] = text
            elif kind == "P":
                key, _, text = rest.partition("\t")
                phrases[key] = tuple(text.split(" "))
            elif kind == "G":
                rank = {c: i for i, c in enumerate(rest)}
            elif kind == "S":
                pairs = (entry.partition(":") for entry in rest.split(" "))
                surnames = tuple((name, reading) for name, _, reading in pairs)
            elif kind == "D":
                grouped: dict[str, list[str]] = {}
                for entry in rest.split(" "):
                    name, _, key = entry.partition(":")
                    grouped.setdefault(key, []).append(name)
                compounds = {k: tuple(v) for k, v in grouped.items()}
            elif kind == "N":
                name_chars = frozenset(rest)
            else:
                raise ValueError(f"line {number}: unknown record {kind!r}")
        if not chars:
            raise ValueError("no character records: not a pinyin dictionary")
        return cls(chars, phrases, rank, surnames, compounds, name_chars)


@dataclass(frozen=True, slots=True)
class _Piece:
    letters: str  # the syllable, or the start of one when partial
    end: int  # index in the typed text after this piece
    partial: bool


class _Collector:
    """Candidates in order, each text once, at most :data:`MAX_CANDIDATES`."""

    def __init__(self) -> None:
        self.candidates: list[Candidate] = []
        self._seen: set[str] = set()

    def add(self, texts: Iterable[str], consumed: int, *, limit: int = MAX_CANDIDATES) -> None:
        for taken, text in enumerate(texts):
            if taken >= limit or len(self.candidates) >= MAX_CANDIDATES:
                return
            if text and text not in self._seen:
                self._seen.add(text)
                self.candidates.append(Candidate(text, consumed))


class PinyinEngine:
    """Ranks hanzi candidates for typed pinyin; an :class:`InputMethod`.

    Args:
        dictionary: the parsed dictionary.
    """

    def __init__(self, *, dictionary: PinyinDictionary) -> None:
        self._d = dictionary
        self._syllables = frozenset(dictionary.chars) | frozenset(_ALIASES)
        prefixes: dict[str, list[str]] = {}
        for syllable in dictionary.chars:
            for size in range(1, len(syllable)):
                prefixes.setdefault(syllable[:size], []).append(syllable)
        self._completions = {p: tuple(s) for p, s in prefixes.items()}
        # phrases by (all syllables but the last, first letter of the last): the last
        # syllable may still be being typed.
        by_head: dict[tuple[str, str], list[str]] = {}
        for key in dictionary.phrases:
            head, _, last = key.rpartition(SEPARATOR)
            by_head.setdefault((head, last[:1]), []).append(key)
        self._phrase_heads = {k: tuple(v) for k, v in by_head.items()}
        self._surname_rank = {pair: i for i, pair in enumerate(dictionary.surnames)}

    # -- segmentation ---------------------------------------------------------------------

    def is_syllable(self, letters: str) -> bool:
        """Whether ``letters`` is one complete syllable."""
        return letters in self._syllables

    def segmentations(self, letters: str) -> list[tuple[str, ...]]:
        """Ways to read ``letters`` as syllables, best first (for tests and tooling).

        A last syllable still being typed is kept as it is (``zhangs`` → zhang, s).
        """
        return [tuple(p.letters for p in seg) for seg in self._segment(normalise(letters))]

    def _segment(self, text: str) -> list[tuple[_Piece, ...]]:
        found: list[tuple[_Piece, ...]] = []

        def walk(start: int, pieces: tuple[_Piece, ...]) -> None:
            if len(found) >= MAX_SEGMENTATIONS * 4:
                return
            while start < len(text) and text[start] == SEPARATOR:
                start += 1
            if start >= len(text):
                if pieces:
                    found.append(pieces)
                return
            stop = text.find(SEPARATOR, start)
            stop = len(text) if stop < 0 else stop
            for end in range(min(stop, start + 6), start, -1):
                piece = text[start:end]
                syllable = _ALIASES.get(piece, piece)
                if syllable in self._syllables:
                    walk(end, (*pieces, _Piece(syllable, end, partial=False)))
                elif end == stop and piece in self._completions:
                    # the syllable is still being typed (only at the end of a group)
                    walk(end, (*pieces, _Piece(piece, end, partial=True)))

        walk(0, ())

        def quality(seg: tuple[_Piece, ...]) -> tuple[int, int, int]:
            partial = sum(p.partial for p in seg)
            # a short dangling syllable start (xia + n) is worse than a long syllable
            return (partial, len(seg), -len(seg[0].letters))

        found.sort(key=quality)
        return found[:MAX_SEGMENTATIONS]

    # -- candidates -----------------------------------------------------------------------

    def candidates(
        self, letters: str, *, purpose: InputPurpose = InputPurpose.TEXT, at_start: bool = True
    ) -> list[Candidate]:
        """Candidates for ``letters``, best first (see :class:`InputMethod`)."""
        segs = self._segment(normalise(letters))
        if not segs:
            return []
        name_start = purpose is InputPurpose.NAME and at_start
        best = segs[0]
        end = best[-1].end
        out = _Collector()
        if name_start:
            out.add(self._compound_surnames(best), end)
            if len(best) > 1:
                out.add(self._compound_surnames(best[:2]), best[1].end)
        if purpose is InputPurpose.NAME and len(best) > 1:
            # a name is characters, not a word: 张晓明, not 张校名
            out.add([self._spelled(best, purpose=purpose, name_start=name_start)], end)
            # or only the given name was typed (晓明 as well as 肖明)
            out.add([self._spelled(best, purpose=purpose, name_start=False)], end)
        # the whole input as one phrase, read the best way
        out.add(self._phrases(best), end)
        if len(best) > 1:
            out.add([self._sentence(best, purpose=purpose, name_start=name_start)], end)
            out.add([self._spelled(best, purpose=purpose, name_start=name_start)], end)
        else:
            out.add(self._chars(best[0], purpose=purpose, name_start=name_start), end, limit=2)
        # the whole input read another way (xian → 西安), a few near the top
        complete = not any(p.partial for p in best)
        for other in segs[1:]:
            if other[-1].end == end and len(other) > 1:
                if complete and any(p.partial for p in other):
                    continue  # zhang is not zhan + g…
                out.add(self._phrases(other), end, limit=2)
        # the first syllables only; the rest stays to be composed
        for size in range(len(best) - 1, 1, -1):
            out.add(self._phrases(best[:size]), best[size - 1].end)
        out.add(self._chars(best[0], purpose=purpose, name_start=name_start), best[0].end)
        return out.candidates

    def _key(self, pieces: Sequence[_Piece]) -> str:
        return SEPARATOR.join(p.letters for p in pieces)

    def _phrases(self, pieces: Sequence[_Piece]) -> list[str]:
        if len(pieces) < 2 or any(p.partial for p in pieces[:-1]):
            return []
        if not pieces[-1].partial:
            return list(self._d.phrases.get(self._key(pieces), ()))
        head = self._key(pieces[:-1])
        start = pieces[-1].letters
        keys = [
            k
            for k in self._phrase_heads.get((head, start[:1]), ())
            if k.rpartition(SEPARATOR)[2].startswith(start)
        ]
        # several keys: keep each key's order, interleave by the keys' first phrase
        merged: list[str] = []
        for key in keys:
            merged.extend(self._d.phrases[key][:8])
        return merged

    def _chars(self, piece: _Piece, *, purpose: InputPurpose, name_start: bool) -> list[str]:
        if piece.partial:
            pool: set[str] = set()
            for syllable in self._completions.get(piece.letters, ()):
                pool.update(self._d.chars.get(syllable, "")[:_PREFIX_CHARS])
            ordered = sorted(pool, key=lambda c: self._d.rank.get(c, 1 << 20))
        else:
            ordered = list(self._d.chars.get(piece.letters, ""))
        if name_start:
            # surnames read so: 方 has a rare reading wang, but the surname is fang
            syllables = (
                self._completions.get(piece.letters, ()) if piece.partial else (piece.letters,)
            )
            ranks = {
                c: self._surname_rank[c, s]
                for c in ordered
                for s in syllables
                if (c, s) in self._surname_rank
            }
            surnames = sorted(ranks, key=ranks.__getitem__)
            return surnames + [c for c in ordered if c not in ranks]
        if purpose is InputPurpose.NAME:
            # given names: the common name characters of this reading, in their order
            common = [c for c in ordered[:_USUAL_READING] if c in self._d.name_chars]
            chosen = set(common)
            return common + [c for c in ordered if c not in chosen]
        return ordered

    def _compound_surnames(self, pieces: Sequence[_Piece]) -> tuple[str, ...]:
        if len(pieces) != 2 or any(p.partial for p in pieces):
            return ()
        return self._d.compound_surnames.get(self._key(pieces), ())

    def _spelled(self, pieces: Sequence[_Piece], *, purpose: InputPurpose, name_start: bool) -> str:
        """Character by character, each the best of its syllable (小明, 张晓明)."""
        parts = []
        for index, piece in enumerate(pieces):
            chars = self._chars(piece, purpose=purpose, name_start=name_start and index == 0)
            parts.append(chars[0] if chars else "")
        return "".join(parts)

    def _sentence(
        self, pieces: Sequence[_Piece], *, purpose: InputPurpose, name_start: bool
    ) -> str:
        """Greedy: the longest known phrase from the left, else the best character."""
        parts: list[str] = []
        index = 0
        first = True
        while index < len(pieces):
            taken = ""
            if not (first and name_start):
                for size in range(min(4, len(pieces) - index), 1, -1):
                    found = self._phrases(pieces[index : index + size])
                    if found:
                        taken, index = found[0], index + size
                        break
            if not taken:
                chars = self._chars(pieces[index], purpose=purpose, name_start=first and name_start)
                taken, index = (chars[0] if chars else ""), index + 1
            parts.append(taken)
            first = False
        return "".join(parts)


class Composition:
    """One composition on the keyboard: typed letters, candidate pages, choosing.

    Args:
        engine: where candidates come from.
        purpose: the purpose of the field being typed into.
        page_size: at most this many candidates per page; a narrow bar may show fewer
            and says so with :meth:`set_shown`, and paging follows what was shown.
    """

    def __init__(
        self,
        *,
        engine: InputMethod,
        purpose: InputPurpose = InputPurpose.TEXT,
        page_size: int = 8,
    ) -> None:
        self._engine = engine
        self._purpose = purpose
        self._page_size = max(1, page_size)
        self._letters = ""
        self._first = 0
        self._shown = self._page_size
        self._starts: list[int] = []  # where the earlier pages began, for 上一页
        self._candidates: list[Candidate] = []
        self.at_start = True

    @property
    def preedit(self) -> str:
        """The letters typed and not yet turned into hanzi."""
        return self._letters

    @property
    def purpose(self) -> InputPurpose:
        return self._purpose

    def is_active(self) -> bool:
        """Whether letters are waiting for a candidate."""
        return bool(self._letters)

    def set_purpose(self, purpose: InputPurpose, *, at_start: bool) -> None:
        """Type for another field; a composition in progress is kept and re-ranked."""
        self._purpose = purpose
        self.at_start = at_start
        self._refresh()

    def set_page_size(self, page_size: int) -> None:
        """At most this many candidates per page; back to the first page if changed."""
        size = max(1, page_size)
        if size != self._page_size:
            self._page_size = size
            self._to_first_page()

    def set_shown(self, count: int) -> None:
        """How many of :meth:`page` the bar could show (the rest start the next page)."""
        self._shown = max(1, min(count, self._page_size))

    def type(self, letter: str) -> None:
        """Add a letter (``v``/``ü`` for ü, ``'`` to separate syllables)."""
        added = normalise(letter)
        if not added or (added == SEPARATOR and not self._letters):
            return
        self._letters += added
        self._refresh()

    def backspace(self) -> bool:
        """Remove the last typed letter; ``False`` when there was none (the field's turn)."""
        if not self._letters:
            return False
        self._letters = self._letters[:-1]
        self._refresh()
        return True

    def page(self) -> list[Candidate]:
        """The candidates on the current page."""
        return self._candidates[self._first : self._first + self._page_size]

    def has_previous_page(self) -> bool:
        return self._first > 0

    def has_next_page(self) -> bool:
        return self._first + self._shown < len(self._candidates)

    def next_page(self) -> None:
        if self.has_next_page():
            self._starts.append(self._first)
            self._first += self._shown
            self._shown = self._page_size

    def previous_page(self) -> None:
        if self._starts:
            self._first = self._starts.pop()
            self._shown = self._page_size

    def _to_first_page(self) -> None:
        self._first = 0
        self._shown = self._page_size
        self._starts.clear()

    def choose(self, index: int) -> str:
        """Choose candidate ``index`` of the current page; returns the text to enter.

        The letters it covers leave the composition; the rest stay and are composed
        next (``zhangxiaoming``: choosing 张 leaves ``xiaoming``).

        Raises:
            IndexError: there is no such candidate on the page.
        """
        candidate = self.page()[index]
        self._letters = self._letters[candidate.consumed :].lstrip(SEPARATOR)
        self.at_start = False
        self._refresh()
        return candidate.text

    def commit_letters(self) -> str:
        """End the composition keeping the letters as typed (switching to 英)."""
        letters = self._letters.replace(SEPARATOR, "")
        self.reset()
        return letters

    def reset(self) -> None:
        """Forget the letters and candidates."""
        self._letters = ""
        self._candidates = []
        self._to_first_page()

    def _refresh(self) -> None:
        self._to_first_page()
        self._candidates = (
            self._engine.candidates(self._letters, purpose=self._purpose, at_start=self.at_start)
            if self._letters
            else []
        )
