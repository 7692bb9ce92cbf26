"""CJK fonts that reportlab can embed, found once and registered once.

reportlab embeds only TrueType-outline fonts (a subset of the glyphs used goes into each
PDF). Noto Sans CJK, the screen font, has CFF outlines and cannot be embedded, so papers
use two TrueType faces:

- ``song`` (宋体-like, for the body of A4 notices): AR PL UMing CN (Debian
  ``fonts-arphic-uming``);
- ``hei`` (黑体, for headings and everything on an 80 mm thermal receipt, where thin
  Ming strokes print badly): WenQuanYi Micro Hei (Debian ``fonts-wqy-microhei``).

Characters neither face has (rare surname characters of CJK Extension B such as 𠮷) are
looked up in the fallback faces found on the system (HanaMin A/B from
``fonts-hanazono`` cover Extension B). A character no face has is printed as 〓, the
typesetter's mark for a missing character, and the paper says so in a footnote: a
silently dropped or boxed character on a legal paper is worse than a visible gap.

Discovery order for each face: the path given in the settings, then ``fc-match`` for the
known family names, then the known Debian paths. If no usable face is found,
:class:`~core.errors.EnvironmentProblem` is raised at construction.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import threading
import zlib
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import (
    FF_NONSYMBOLIC,
    FF_SYMBOLIC,
    SUBSETN,
    TTFError,
    TTFont,
    makeToUnicodeCMap,
)

from core.errors import EnvironmentProblem, msg

log = logging.getLogger(__name__)

MISSING_MARK = "〓"
"""Printed in place of a character no available font has (GB typesetting convention)."""

NO_FONT_MESSAGE = msg("未找到可嵌入的中文字体，请安装 fonts-wqy-microhei 或在设置中指定字体路径")

# Characters every face must have to be accepted: common hanzi and the punctuation
# official papers use (〔〕 in document numbers, full-width brackets, the yuan sign).
_PROBE = "受理凭证一次性告知书不予容缺承诺办件号〔〕、“”（）：；《》￥０１２３"


@dataclass(frozen=True, slots=True)
class FontFile:
    """A font file and the index of the face inside it (a .ttc holds several)."""

    path: Path
    index: int = 0


@dataclass(frozen=True, slots=True)
class FontSettings:
    """Where to look for fonts; every field is optional.

    Attributes:
        song: a TrueType 宋体-like face for the body of A4 papers.
        hei: a TrueType 黑体 face for headings and receipts.
        fallbacks: extra faces tried, in order, for characters the two faces lack.
    """

    song: FontFile | None = None
    hei: FontFile | None = None
    fallbacks: tuple[FontFile, ...] = ()


_SONG_CANDIDATES: tuple[tuple[str, FontFile], ...] = (
    ("AR PL UMing CN", FontFile(Path("/usr/share/fonts/truetype/arphic/uming.ttc"), 0)),
    ("AR PL SungtiL GB", FontFile(Path("/usr/share/fonts/truetype/arphic/gbsn00lp.ttf"), 0)),
    ("WenQuanYi Zen Hei", FontFile(Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), 0)),
    ("WenQuanYi Micro Hei", FontFile(Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), 0)),
)
_HEI_CANDIDATES: tuple[tuple[str, FontFile], ...] = (
    ("WenQuanYi Micro Hei", FontFile(Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), 0)),
    ("WenQuanYi Zen Hei", FontFile(Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), 0)),
    ("AR PL UMing CN", FontFile(Path("/usr/share/fonts/truetype/arphic/uming.ttc"), 0)),
)
_FALLBACK_CANDIDATES: tuple[tuple[str, FontFile], ...] = (
    ("WenQuanYi Zen Hei", FontFile(Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), 0)),
    (
        "Droid Sans Fallback",
        FontFile(Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"), 0),
    ),
    ("HanaMinA", FontFile(Path("/usr/share/fonts/truetype/hanazono/HanaMinA.ttf"), 0)),
    ("HanaMinB", FontFile(Path("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"), 0)),
)


@dataclass(frozen=True, slots=True, eq=False)
class _Face:
    name: str  # the name registered with reportlab
    file: FontFile
    codepoints: frozenset[int] = field(repr=False)


# reportlab's font registry is process-wide; load each file once.
_LOADED: dict[FontFile, _Face] = {}

# Embedded subsets, compressed, shared by every paper of the process. A subset is the
# glyph list of one embedded font (≤ 256 glyphs); building it (reportlab walks the glyph
# table in Python), deflating it (≈ 15–55 KB) and writing its 256 widths out one number
# at a time was most of the time a receipt took. Papers of one kind repeat their
# glyphs, and layout.py assigns glyph codes in sorted order, so the same set of
# characters gives the same subset whatever the order of the text.
# Bounded: a kiosk prints for months, and its memory may grow ≤ 2 % over 10,000 sessions.
_SUBSET_CACHE_BYTES = 2 * 1024 * 1024
# zlib level 1 deflates a font program ~5× faster than the default 6 for 3–9 % more
# bytes; a subset is deflated once and then served from the cache.
_FONT_DEFLATE_LEVEL = 1


@dataclass(frozen=True, slots=True)
class _EmbeddedSubset:
    """The PDF pieces of one font subset, ready to put into any document."""

    program: bytes  # the TrueType subset, deflated when ``deflated``
    length1: int  # its length before deflating (the PDF's /Length1)
    widths: bytes  # the /Widths array as written
    to_unicode: bytes  # the ToUnicode CMap (copy-paste and search), deflated likewise
    deflated: bool

    @property
    def nbytes(self) -> int:
        return len(self.program) + len(self.widths) + len(self.to_unicode)


class _SubsetCache:
    """Byte-bounded LRU of embedded subsets; safe to use from several render threads."""

    def __init__(self, max_bytes: int) -> None:
        self._max = max_bytes
        self._bytes = 0
        self._entries: OrderedDict[tuple[object, ...], _EmbeddedSubset] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: tuple[object, ...]) -> _EmbeddedSubset | None:
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return found

    def put(self, key: tuple[object, ...], subset: _EmbeddedSubset) -> None:
        with self._lock:
            if key in self._entries:
                return
            self._entries[key] = subset
            self._bytes += subset.nbytes
            while self._bytes > self._max and len(self._entries) > 1:
                _, old = self._entries.popitem(last=False)
                self._bytes -= old.nbytes


_SUBSETS = _SubsetCache(_SUBSET_CACHE_BYTES)


class _Written(pdfdoc.PDFObject):  # type: ignore[misc]  # reportlab ships no type hints
    """A PDF value already written out (numbers only: no references, nothing to encrypt)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def format(self, document: Any) -> bytes:
        return self.data


def _stream(data: bytes, *, deflated: bool) -> Any:
    stream = pdfdoc.PDFStream(content=data)
    if deflated:
        # Already deflated: a /Filter present tells reportlab not to deflate again.
        stream.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])
    return stream


class _PaperFont(TTFont):  # type: ignore[misc]  # reportlab ships no type hints
    """A reportlab TrueType font whose embedded subsets come from :data:`_SUBSETS`.

    Overrides ``addObjects`` of reportlab 4/5; the objects it writes are the ones
    reportlab writes (font, widths, ToUnicode CMap, descriptor, font program), only
    made once per subset. The font program is built under a lock because reportlab's
    parser keeps its read position on the face, which several render threads share.
    """

    def __init__(self, name: str, path: str, *, subfont_index: int) -> None:
        super().__init__(name, path, subfontIndex=subfont_index)
        self._subset_lock = threading.Lock()

    def addObjects(self, doc: Any) -> None:  # noqa: N802  (reportlab's name)
        try:
            state = self.state[doc]
        except KeyError:
            state = self.state[doc] = TTFont.State(self._asciiReadable)
        state.frozen = 1
        face = self.face
        fonts = doc.idToObject["BasicFonts"].dict
        for n, subset in enumerate(state.subsets):
            internal = self.getSubsetInternalName(n, doc)[1:]
            base = b"".join((SUBSETN(n), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
            embedded = self._embedded(n, subset, base, deflate=bool(doc.compression))
            # Objects are registered in reportlab's order, so the PDF is the one it writes.
            to_unicode = doc.Reference(
                _stream(embedded.to_unicode, deflated=embedded.deflated), "toUnicodeCMap:" + base
            )
            program = _stream(embedded.program, deflated=embedded.deflated)
            program.dictionary["Length1"] = embedded.length1
            descriptor = pdfdoc.PDFDictionary(
                {
                    "Type": "/FontDescriptor",
                    "Ascent": face.ascent,
                    "CapHeight": face.capHeight,
                    "Descent": face.descent,
                    "Flags": (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC,
                    "FontBBox": pdfdoc.PDFArray(face.bbox),
                    "FontName": pdfdoc.PDFName(base),
                    "ItalicAngle": face.italicAngle,
                    "StemV": face.stemV,
                    "FontFile2": doc.Reference(program, f"fontFile:{face.filename}({base})"),
                    "MissingWidth": face.defaultWidth,
                }
            )
            font = pdfdoc.PDFTrueTypeFont()
            font.__Comment__ = f"Font {self.fontName} subset {n}"
            font.Name = internal
            font.BaseFont = base
            font.FirstChar = 0
            font.LastChar = len(subset) - 1
            font.Widths = _Written(embedded.widths)
            font.ToUnicode = to_unicode
            font.FontDescriptor = doc.Reference(descriptor, "fontDescriptor:" + base)
            doc.Reference(font, internal)
            fonts[internal] = font
        del self.state[doc]

    def _embedded(
        self, n: int, subset: Sequence[int], base: str, *, deflate: bool
    ) -> _EmbeddedSubset:
        key = (self.face.filename, self.face.subfontNameX, deflate, n, tuple(subset))
        found = _SUBSETS.get(key)
        if found is not None:
            return found
        with self._subset_lock:
            program: bytes = self.face.makeSubset(subset)
        widths: bytes = pdfdoc.PDFArray([self.face.getCharWidth(c) for c in subset]).format(None)
        cmap = makeToUnicodeCMap(base, subset).encode("latin-1")
        if deflate:
            level = _FONT_DEFLATE_LEVEL
            made = _EmbeddedSubset(
                zlib.compress(program, level), len(program), widths, zlib.compress(cmap), True
            )
        else:
            made = _EmbeddedSubset(program, len(program), widths, cmap, False)
        _SUBSETS.put(key, made)
        return made


def assign_glyph_codes(doc: Any, chars_by_font: Mapping[str, Iterable[str]]) -> None:
    """Give the characters a paper will draw their glyph codes in sorted order.

    reportlab numbers glyphs in the order text is first drawn; numbering them in a
    fixed order first makes the embedded subset depend only on *which* characters a
    paper has, so the subset cache serves papers whose text differs only in order.
    ASCII is left alone (reportlab gives it its own codes).

    Args:
        doc: the reportlab document (``canvas._doc``) before anything is drawn.
        chars_by_font: registered font name → characters drawn in it.
    """
    for name, chars in chars_by_font.items():
        font = pdfmetrics.getFont(name)
        if not isinstance(font, _PaperFont):
            continue
        wanted = sorted({c for c in chars if ord(c) > 127 and ord(c) in font.face.charToGlyph})
        if wanted:
            font.splitString("".join(wanted), doc)


@dataclass(frozen=True, slots=True)
class TextRun:
    """A stretch of text that one registered font can draw."""

    font: str
    text: str


class FontSet:
    """The faces papers are set in, registered with reportlab.

    Args:
        settings: configured paths, tried before discovery.
        discover: look for fonts with ``fc-match`` and the known Debian paths when the
            settings name none (tests turn it off to prove the error).

    Raises:
        EnvironmentProblem: no embeddable CJK face could be found.
    """

    def __init__(self, *, settings: FontSettings | None = None, discover: bool = True) -> None:
        settings = settings or FontSettings()
        song = _first_usable(_candidates(settings.song, _SONG_CANDIDATES, discover=discover))
        hei = _first_usable(_candidates(settings.hei, _HEI_CANDIDATES, discover=discover))
        if song is None and hei is None:
            raise EnvironmentProblem(NO_FONT_MESSAGE)
        # One face is enough to print: the other role borrows it.
        self._song: _Face = song or hei  # type: ignore[assignment]
        self._hei: _Face = hei or song  # type: ignore[assignment]
        extra: list[_Face] = []
        fallback_files = list(settings.fallbacks)
        if discover:
            fallback_files += [f for _, f in _FALLBACK_CANDIDATES]
        for file in fallback_files:
            face = _load(file, probe="")
            if face is not None and face not in (self._song, self._hei) and face not in extra:
                extra.append(face)
        self._fallbacks = tuple(extra)
        log.info(
            "paper fonts: song=%s hei=%s fallbacks=%d",
            self._song.file.path.name,
            self._hei.file.path.name,
            len(self._fallbacks),
        )

    @property
    def song(self) -> str:
        """reportlab name of the body (宋体) face."""
        return self._song.name

    @property
    def hei(self) -> str:
        """reportlab name of the heading/receipt (黑体) face."""
        return self._hei.name

    @property
    def files(self) -> dict[str, FontFile]:
        """Registered name → file, for reports and ``govterm doctor``."""
        faces = (self._song, self._hei, *self._fallbacks)
        return {f.name: f.file for f in faces}

    def covers(self, font: str, char: str) -> bool:
        """Whether the registered face ``font`` has a glyph for ``char``."""
        for face in (self._song, self._hei, *self._fallbacks):
            if face.name == font:
                return ord(char) in face.codepoints
        return False

    def runs(self, text: str, font: str) -> tuple[list[TextRun], list[str]]:
        """Split ``text`` into runs that each have one face able to draw them.

        Args:
            text: what to print.
            font: the face the text is meant to be set in.

        Returns:
            The runs, and the characters no face has (each printed as :data:`MISSING_MARK`).
        """
        primary = self._face(font)
        if primary.codepoints.issuperset(map(ord, text)):  # the usual case, checked in C
            return ([TextRun(primary.name, text)] if text else []), []
        order = (primary, *(f for f in (self._song, self._hei, *self._fallbacks) if f != primary))
        runs: list[TextRun] = []
        missing: list[str] = []
        for char in text:
            code = ord(char)
            chosen = primary.name
            shown = char
            if code not in primary.codepoints and not char.isspace():
                for face in order[1:]:
                    if code in face.codepoints:
                        chosen = face.name
                        break
                else:
                    missing.append(char)
                    shown = MISSING_MARK
            if runs and runs[-1].font == chosen:
                runs[-1] = TextRun(chosen, runs[-1].text + shown)
            else:
                runs.append(TextRun(chosen, shown))
        return runs, missing

    def _face(self, font: str) -> _Face:
        for face in (self._song, self._hei, *self._fallbacks):
            if face.name == font:
                return face
        raise KeyError(font)


def _candidates(
    configured: FontFile | None, known: Sequence[tuple[str, FontFile]], *, discover: bool
) -> Iterable[tuple[FontFile, bool]]:
    """(file, configured?) in the order they are tried."""
    if configured is not None:
        yield configured, True
    if not discover:
        return
    for family, _ in known:
        found = _fc_match(family)
        if found is not None:
            yield found, False
    for _, file in known:
        yield file, False


def _first_usable(candidates: Iterable[tuple[FontFile, bool]]) -> _Face | None:
    for file, configured in candidates:
        face = _load(file, probe=_PROBE)
        if face is not None:
            return face
        if configured:
            log.warning("configured paper font %s is not an embeddable CJK font", file.path)
    return None


def _fc_match(family: str) -> FontFile | None:
    """Ask fontconfig where ``family`` is; ``None`` if fontconfig is absent or has no match."""
    exe = shutil.which("fc-match")
    if exe is None:
        return None
    try:
        done = subprocess.run(
            [exe, "-f", "%{file}\t%{index}\t%{family}", family],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    parts = done.stdout.split("\t")
    if done.returncode != 0 or len(parts) < 3 or family not in parts[2]:
        return None  # fontconfig substituted another family: let the known paths decide
    try:
        return FontFile(Path(parts[0]), int(parts[1] or 0))
    except ValueError:
        return None


def _load(file: FontFile, *, probe: str) -> _Face | None:
    """Register ``file`` with reportlab if it is an embeddable face covering ``probe``."""
    face = _LOADED.get(file)
    if face is None:
        if not file.path.is_file():
            return None
        name = f"gt-{file.path.stem}-{file.index}"
        try:
            font = _PaperFont(name, str(file.path), subfont_index=file.index)
        except (TTFError, OSError, ValueError) as exc:
            # CFF-outline (OpenType/PostScript) fonts land here: reportlab cannot embed them.
            log.info("font %s not usable for papers: %s", file.path.name, exc)
            return None
        pdfmetrics.registerFont(font)
        face = _Face(name, file, frozenset(font.face.charToGlyph))
        _LOADED[file] = face
    if any(ord(c) not in face.codepoints for c in probe):
        return None
    return face
