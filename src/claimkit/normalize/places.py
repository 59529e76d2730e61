"""Places: city names in many languages and scripts -> canonical English name.

The one table of "where" for the whole library: the rules extractor finds
meeting locations with :func:`find_places`, and the validator compares
locations across articles with :func:`resolve_place` ("Kiev", "Київ",
"基辅" and "Kyiv" are one place). The names are data
(``claimkit/data/places.json``), extended by the ``places`` object of the
gazetteer files named in ``CLAIMKIT_GAZETTEER`` (see ``docs/normalize.md``).

Matching rules (why they are there):

* Latin, Cyrillic, Greek... names match case-sensitively ("Nice" the city,
  not "nice") on word boundaries; a ``*`` at the end of a name allows more
  letters there, for inflected languages ("Києв*" matches "Києві").
* Chinese, Korean and Arabic names match anywhere: there are no spaces to
  anchor on, and Korean particles and Arabic clitics attach to the name.
* Katakana names do not match inside a longer katakana word.

:meth:`Places.find` scans a text once: every name is compiled into one regular
expression whose alternatives are grouped by first character, so the regex
engine skips every position whose character starts no name.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from claimkit.errors import InputError
from claimkit.normalize._gazetteer_index import (
    _lang,
    _lang_ok,
    _languages,
    _nfc,
    digest_after,
    env_cached,
    merge_sources,
)
from claimkit.normalize.mentions import PlaceMention
from claimkit.text import fold, is_unspaced

__all__ = ["Places", "find_places", "resolve_place"]

logger = logging.getLogger(__name__)

_WORD = re.compile(r"\w")
# katakana letters and the long-vowel mark; the middle dot (U+30FB) separates words
_KATA = "\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9f"
_KATA_RE = re.compile(f"[{_KATA}]")
_STRIP = " \t\n\"'“”‘’«»「」『』()[]《》.,:;!?、。，："
_MEMO_SIZE = 100_000


@dataclass(frozen=True)
class _Matcher:
    regex: re.Pattern[str] | None
    exact: dict[str, tuple[str, frozenset[str] | None]]
    prefixes: dict[str, tuple[str, frozenset[str] | None]]
    loose: dict[str, str | None]


class Places:
    """Known places and how they are written, with one-pass finding and lookup.

    Build one with :meth:`default` (bundled data plus the ``places`` of the
    files named in ``CLAIMKIT_GAZETTEER``) or :meth:`load`; or pass parsed
    documents (``{"places": {"Kyiv": ["Kiev", "Київ*"]}}``). The matcher is
    built on first use.
    """

    def __init__(self, data: Iterable[Mapping[str, Any]] = ()) -> None:
        """Merge place documents (the parsed JSON of place or gazetteer files), in order."""
        self._aliases: dict[str, list[tuple[str, frozenset[str] | None]]] = {}
        self._matcher: _Matcher | None = None
        self._memo: dict[str, str | None] = {}
        self._seats: dict[str, str] = {}
        #: a hash of every document merged, in order (:attr:`digest`)
        self._sources = ""
        for doc in data:
            self._merge(doc)

    @property
    def digest(self) -> str:
        """A short hash of the documents merged into this table, in order (the rules
        backend's version names it)."""
        return self._sources[:16]

    # ------------------------------------------------------------------ loading

    @classmethod
    def default(cls) -> Places:
        """The bundled places plus those of the files in ``CLAIMKIT_GAZETTEER`` (cached)."""
        return env_cached(_DEFAULT_CACHE, cls.load)

    @classmethod
    def load(cls, *paths: str | os.PathLike[str], include_default: bool = True) -> Places:
        """Read the ``places`` object of JSON files (gazetteer files may hold one).

        Args:
            *paths: user files; later files add names to earlier ones.
            include_default: start from the bundled ``claimkit/data/places.json``.

        Raises:
            InputError: a file is missing, is not JSON, or its ``places`` is malformed.
        """
        places = cls()
        merge_sources(places._merge, "data/places.json" if include_default else None, paths)
        return places

    def extended(self, places: Mapping[str, Iterable[Any]]) -> Places:
        """A copy with more names: ``{"Kyiv": ["Kyjiw"], "Lutsk": ["Lutsk", "Луцьк*"]}``."""
        new = Places()
        new._aliases = {name: list(al) for name, al in self._aliases.items()}
        new._seats = dict(self._seats)
        new._sources = self._sources
        new._merge({"places": places})
        return new

    def _merge(self, doc: Mapping[str, Any]) -> None:
        self._sources = digest_after(self._sources, doc)
        places = doc.get("places") or {}
        seats = doc.get("seats") or {}
        if not isinstance(seats, Mapping):
            raise InputError("places", "'seats' must be an object of English place name -> the "
                             "government seated there, e.g. {\"Moscow\": \"Russia\"}")
        self._seats.update({_nfc(str(k)): str(v) for k, v in seats.items()})
        if not isinstance(places, Mapping):
            raise InputError("places", "'places' must be an object of English name -> list of "
                             "names as written, e.g. {\"Kyiv\": [\"Kiev\", \"Київ*\"]}")
        for name, aliases in places.items():
            if isinstance(aliases, str) or not isinstance(aliases, Iterable):
                raise InputError("places", f"place {name!r}: give a list of names as written")
            canonical = _nfc(str(name))
            bucket = self._aliases.setdefault(canonical, [])
            for a in aliases:
                if isinstance(a, Mapping):
                    bucket.append((_nfc(str(a["text"])), _languages(a.get("lang"))))
                else:
                    bucket.append((_nfc(str(a)), None))
        self._matcher = None
        self._memo = {}

    @property
    def names(self) -> list[str]:
        """Canonical English names of every known place."""
        return sorted(self._aliases)

    def seat_of(self, name: str) -> str | None:
        """Whose government sits in the place ``name`` (canonical English), or None.

        News lets a capital stand for its government ("Moscow said", "Washington
        refused"): ``seat_of("Moscow") == "Russia"``, ``seat_of("Brussels") ==
        "European Union"``. From the ``seats`` object of the place files.
        """
        return self._seats.get(name)

    # ------------------------------------------------------------------ matcher

    def _built(self) -> _Matcher:
        if self._matcher is None:
            self._matcher = _build(self._aliases)
        return self._matcher

    def find(self, text: str, *, language: str | None = None) -> list[PlaceMention]:
        """Every place named in ``text``, longest name first, non-overlapping, in order.

        Args:
            text: any text.
            language: ISO 639-1 code of the text; names restricted to other
                languages are skipped. ``None`` accepts every name.

        Returns:
            Mentions with offsets into ``text`` and the canonical English name.
        """
        m = self._built()
        if m.regex is None:
            return []
        lang = _lang(language)
        out: list[PlaceMention] = []
        search = m.regex.search
        pos = 0
        while True:
            hit = search(text, pos)
            if hit is None:
                return out
            s, e = hit.span()
            if not _start_ok(text, s):
                pos = s + 1
                continue
            found = _name_of(m, hit.group())
            if found is None or not _lang_ok(found[1], lang):
                pos = s + 1
                continue
            out.append(PlaceMention(s, e, text[s:e], found[0]))
            pos = e

    def resolve(self, name: str) -> str | None:
        """The canonical English name of a place name, or None when unknown.

        Case, accents and punctuation do not matter ("kiev", "Ha Noi",
        "Washington, D.C."); inflected forms are read through :meth:`find`
        ("Києві" -> "Kyiv"). Memoised per distinct string.
        """
        memo = self._memo
        if name in memo:
            return memo[name]
        m = self._built()
        s = _nfc(name).strip(_STRIP)
        result = m.loose.get(fold(s)) if s else None
        if result is None and s:
            found = self.find(s)
            if len(found) == 1 and found[0].start == 0 and found[0].end == len(s):
                result = found[0].name
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        memo[name] = result
        return result


_DEFAULT_CACHE: dict[str, Places] = {}


def _start_ok(text: str, i: int) -> bool:
    if i == 0:
        return True
    c = text[i]
    if _ARABIC_LETTER.match(c) and _ARABIC_LETTER.match(text, i - 1):
        return _proclitics_before(text, i)
    if is_unspaced(c, katakana=False):
        return True
    if _KATA_RE.match(c):
        return _KATA_RE.match(text, i - 1) is None
    return not c.isalnum() or _WORD.match(text, i - 1) is None


#: an Arabic letter (hamza to yeh)
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
#: what may stand glued before a place's name in an Arabic word: one or two proclitics
#: ("و" and, "ب" in, "ل" for, "ف" so, "ك" like), not the article ("ال", "لل")
_ARABIC_PROCLITICS = re.compile("(?<![\u0621-\u064a])(?!لل)[وفبلك]{1,2}$")


def _proclitics_before(text: str, i: int) -> bool:
    """Whether the letters of the Arabic word before ``text[i]`` are proclitics alone
    ("وسيول", "بسيول": Seoul), not the article: "السيول" is "the floods", not Seoul."""
    return _ARABIC_PROCLITICS.search(text, max(0, i - 3), i) is not None


def _name_of(m: _Matcher, matched: str) -> tuple[str, frozenset[str] | None] | None:
    key = " ".join(matched.split()) if any(c.isspace() for c in matched) else matched
    hit = m.exact.get(key)
    if hit is not None:
        return hit
    for k in range(len(key), 0, -1):  # a '*' name: the longest stem that matched
        hit = m.prefixes.get(key[:k])
        if hit is not None:
            return hit
    return None


def _piece(core: str, star: bool) -> str:
    body = r"\s+".join(re.escape(w) for w in core.split())
    last = core[-1]
    if star:
        return body + r"\w*"
    if is_unspaced(last, katakana=False):
        return body
    if _KATA_RE.match(last):
        return body + f"(?![{_KATA}])"
    return body + r"(?!\w)" if last.isalnum() else body


def _build(aliases: Mapping[str, list[tuple[str, frozenset[str] | None]]]) -> _Matcher:
    exact: dict[str, tuple[str, frozenset[str] | None]] = {}
    prefixes: dict[str, tuple[str, frozenset[str] | None]] = {}
    loose: dict[str, str | None] = {}
    clashes: set[str] = set()

    def add_loose(text: str, name: str) -> None:
        key = fold(text)
        if key and loose.get(key, name) != name:
            loose[key] = None  # two places: never guess
        elif key:
            loose.setdefault(key, name)

    pieces: dict[str, dict[str, str]] = {}  # first character -> {piece: core}
    for name, items in aliases.items():
        add_loose(name, name)
        for text, langs in items:
            star = text.endswith("*")
            core = " ".join(text.rstrip("*").split())
            if not core:
                continue
            add_loose(core, name)
            table = prefixes if star else exact
            old = table.get(core)
            if old is not None and old[0] != name:
                clashes.add(core)
                continue
            table[core] = (name, langs)
            pieces.setdefault(core[0], {})[_piece(core, star)] = core
    for core in clashes:  # a name given to two places is left out
        exact.pop(core, None)
        prefixes.pop(core, None)
        logger.debug("place name %r given to two places; ignored", core)
    groups: list[str] = []
    for first, by_piece in sorted(pieces.items()):
        alts = sorted((p for p, core in by_piece.items() if core not in clashes),
                      key=lambda p: (-len(by_piece[p]), p))
        if not alts:
            continue
        # each branch starts with a literal, so the regex engine can skip positions
        # whose character starts no name (a charset prefix check in C)
        head = re.escape(first)
        rests = [p[len(head):] for p in alts]
        groups.append(head + ("(?:" + "|".join(rests) + ")" if len(rests) > 1 else rests[0]))
    regex = re.compile("|".join(groups)) if groups else None
    logger.debug("places: %d places, %d names", len(aliases), len(exact) + len(prefixes))
    return _Matcher(regex, exact, prefixes, {k: v for k, v in loose.items() if v is not None})


def find_places(text: str, *, language: str | None = None) -> list[PlaceMention]:
    """:meth:`Places.find` with :meth:`Places.default`."""
    return Places.default().find(text, language=language)


def resolve_place(name: str) -> str | None:
    """:meth:`Places.resolve` with :meth:`Places.default`: ``"Kiev"`` -> ``"Kyiv"``."""
    return Places.default().resolve(name)
