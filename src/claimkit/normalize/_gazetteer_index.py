"""Private helpers of the gazetteer: alias records, the index, case and title rules.

Split from :mod:`claimkit.normalize.actors` to keep that module about the
public :class:`~claimkit.normalize.actors.Gazetteer`; nothing here is public API.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from claimkit.errors import InputError
from claimkit.io import parse_json, read_settings
from claimkit.text import (
    SCRIPT_RANGES,
    Script,
    char_class,
    fold_case,
    is_cjk,
    is_katakana,
    is_word_char,
    word_ok_before,
)

#: Environment variable naming extra gazetteer files (os.pathsep-separated).
ENV_VAR = "CLAIMKIT_GAZETTEER"
T = TypeVar("T")


def digest_after(digest: str, doc: Any) -> str:
    """The digest of the data documents a table merged (``digest``, "" for none) and ``doc``
    after them, in a form that does not depend on key order: what a backend's version names
    of a gazetteer or place table (its ``digest``). A string, so the table still pickles."""
    text = json.dumps(doc, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256((digest + "\n" + text).encode("utf-8", "surrogatepass")).hexdigest()


def env_cached(cache: dict[str, T], load: Callable[..., T]) -> T:
    """``load(*paths, include_default=True)`` for the files named in ``CLAIMKIT_GAZETTEER``.

    Cached in ``cache`` per value of the variable, so tables are built once per setting.
    """
    env = os.environ.get(ENV_VAR, "")
    cached = cache.get(env)
    if cached is None:
        paths = [p for p in env.split(os.pathsep) if p.strip()]
        cached = cache[env] = load(*paths, include_default=True)
    return cached

FUZZY_FLOOR = 90.0
FUZZY_MIN_LEN = 6
END = "\0"


def _lang(language: str | None) -> str | None:
    """The primary subtag of a language tag, lower case ("pt-BR", "pt_br" -> "pt"); None for none."""
    if not language:
        return None
    return language.replace("_", "-").split("-")[0].lower()


def length_automaton(words: Iterable[str]) -> Any:
    """An Aho-Corasick automaton (pyahocorasick) of ``words``: word -> its length; None
    when there is none (the offices, titles and date words the finders look for)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for w in words:
        automaton.add_word(w, len(w))
    if not len(automaton):
        return None
    automaton.make_automaton()
    return automaton


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s.strip())


@dataclass(frozen=True)
class _Alias:
    text: str
    entry: int
    languages: frozenset[str] | None
    stem: bool = False  # inserted without its final vowel, for inflected languages
    demonym: bool = False  # a country adjective: an actor only beside an actor noun
    #: what the end checks ask of the alias's last character, found once, not at every hit
    last_katakana: bool = field(init=False, repr=False, compare=False)
    last_word: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        last = self.text[-1:]
        object.__setattr__(self, "last_katakana", bool(last) and is_katakana(last))
        object.__setattr__(self, "last_word", bool(last) and is_word_char(last))


class _Titles:
    """Folded titles grouped by length, longest first: a lookup per length, not per title.

    The groups are kept per last character (a title ending where a name starts
    ends with the character before it) and, for CJK titles after a name, per
    first character: a place is tested only against the lengths of the titles
    that can be there, not against every title length.
    """

    def __init__(self, titles: list[str]) -> None:
        self.titles = titles
        by_last: dict[str, dict[int, set[str]]] = {}
        cjk_by_first: dict[str, dict[int, set[str]]] = {}
        for t in titles:
            if not t:
                continue
            by_last.setdefault(t[-1], {}).setdefault(len(t), set()).add(t)
            if is_cjk(t[0]):
                cjk_by_first.setdefault(t[0], {}).setdefault(len(t), set()).add(t)
        #: last character -> (length, titles of that length ending with it), longest first
        self.by_last = {c: sorted(g.items(), reverse=True) for c, g in by_last.items()}
        #: first character -> (length, CJK titles of that length starting with it), longest first
        self.cjk_by_first = {c: sorted(g.items(), reverse=True) for c, g in cjk_by_first.items()}


@dataclass
class _Index:
    by_key: dict[str, list[_Alias]]
    #: the alias keys' automata: folded alias key (or capitals-only alias) -> (length, aliases)
    automata: _Automata
    abbrev: dict[str, tuple[int, frozenset[str] | None, str]]
    titles: _Titles
    fuzzy_single: dict[str, set[int]]
    fuzzy_multi: dict[str, set[int]]
    loose: dict[str, list[_Alias]] = field(default_factory=dict)
    fuzzy_cache: dict[str, int | None] = field(default_factory=dict)
    #: the lengths within 2 characters of a key of each fuzzy table: a string of another
    #: length cannot match (one set lookup per string)
    lengths: dict[int, frozenset[int]] = field(default_factory=dict)

    #: one character class of the single-character abbreviations (found in one pass)
    abbrev_chars: re.Pattern[str] | None = None
    #: the actor nouns a demonym must qualify (:class:`~claimkit.normalize._demonyms.ActorNouns`)
    nouns: Any = None
    #: the finder of officials in no gazetteer (:class:`~claimkit.normalize._officials.OfficialFinder`)
    officials: Any = None
    #: the folded country adjectives and their stems (an inflected adjective opens with one)
    demonym_stems: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        for keys in (self.fuzzy_single, self.fuzzy_multi):
            self.lengths[id(keys)] = frozenset(len(k) + d for k in keys for d in (-2, -1, 0, 1, 2))
        if self.abbrev:
            self.abbrev_chars = re.compile("[" + re.escape("".join(self.abbrev)) + "]")


def _languages(value: Any) -> frozenset[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = [value]
    return frozenset(str(v).lower() for v in value)


def _read_file(path: Path) -> dict[str, Any]:
    if not path.exists() and not path.is_symlink():
        raise InputError(str(path), f"gazetteer file not found; fix the path or {ENV_VAR}")
    try:  # never a read that waits or never ends (a FIFO, /dev/urandom), nor an unbounded one
        doc = parse_json(read_settings(path, what="a gazetteer file"))
    except (OSError, ValueError) as exc:
        raise InputError(str(path), f"not a readable gazetteer JSON file: {exc}") from None
    if not isinstance(doc, dict):
        raise InputError(str(path), "a gazetteer file must hold a JSON object with 'entries'")
    return doc


def merge_sources(merge: Callable[[dict[str, Any]], None], bundled: str | None,
                  paths: Iterable[str | os.PathLike[str]]) -> None:
    """Hand ``merge`` (a gazetteer's or a place table's) the bundled data file ``bundled``
    (a path inside the ``claimkit`` package, such as ``data/places.json``; None: none),
    then each of the user's files (:func:`merge_files`), in order."""
    if bundled is not None:
        merge(json.loads(resources.files("claimkit").joinpath(bundled).read_text("utf-8")))
    merge_files(merge, paths)


def merge_files(merge: Callable[[dict[str, Any]], None], paths: Iterable[str | os.PathLike[str]]) -> None:
    """Read each gazetteer file and hand its JSON object to ``merge`` (a gazetteer's or a
    place table's), so that any error names the file: a value of the wrong shape (an
    entry that is a number, ``entries`` an object, an alias a list) is an ``InputError``
    on the file in one line, not a traceback, and so is a bad value ``merge`` found."""
    for p in paths:
        path = Path(p)
        doc = _read_file(path)
        try:
            merge(doc)
        except InputError as exc:
            raise InputError(str(path), exc.reason) from None
        except (TypeError, AttributeError, KeyError, ValueError) as exc:
            raise InputError(str(path), "not a gazetteer of the shape docs/normalize.md gives "
                             f"({type(exc).__name__}: {exc})") from None


#: the top-level keys of a gazetteer file that hold an object of lists (code or language ->
#: names), and those that hold a list of names
_OBJECT_OF_LISTS = ("countries", "demonyms", "actor_nouns", "head_nouns")
_LISTS = ("titles", "honorifics")
#: an entry's keys that hold one string, and those that hold a list of strings
_ENTRY_STRINGS = ("iso_code", "affiliation", "parent", "central_bank_of")
_ENTRY_LISTS = ("titles", "cldr")
_KINDS = ("person", "country", "organisation", "group")


def gazetteer_shape(doc: Any) -> str | None:
    """What is wrong with the shape of a gazetteer file's JSON ``doc`` (None: nothing):
    said once, at load, naming the key or the entry (its number and name), instead of a
    Python error deep in the loading or, for some, later when the index is built."""
    if not isinstance(doc, dict):
        return f"expected a JSON object, got {type(doc).__name__}"
    for key in _OBJECT_OF_LISTS:
        value = doc.get(key, {})
        if not isinstance(value, dict) or not all(isinstance(v, list) for v in value.values()):
            return f"{key!r} must be an object of lists of names"
    for key in _LISTS:
        if not isinstance(doc.get(key, []), list):
            return f"{key!r} must be a list"
    entries = doc.get("entries", [])
    if not isinstance(entries, list):
        return "'entries' must be a list of objects"
    for n, e in enumerate(entries, 1):
        problem = _entry_shape(e)
        if problem is not None:
            name = e.get("name") if isinstance(e, dict) else None
            return f"entry {n}{f' ({name!r})' if isinstance(name, str) else ''}: {problem}"
    return None


def _entry_shape(e: Any) -> str | None:
    """What is wrong with the shape of one gazetteer entry (None: nothing)."""
    if not isinstance(e, dict):
        return f"is {type(e).__name__}: each entry is an object with a 'name' and a 'kind'"
    if not isinstance(e.get("name"), str) or not e["name"].strip():
        return "needs a 'name' (a string)"
    if e.get("kind", "person") not in _KINDS:
        return f"'kind' is {e.get('kind')!r}: one of {', '.join(_KINDS)}"
    bad = [k for k in _ENTRY_STRINGS if e.get(k) is not None and not isinstance(e[k], str)]
    bad += [k for k in _ENTRY_LISTS if not isinstance(e.get(k) or [], list)
            or not all(isinstance(v, str) for v in e.get(k) or [])]
    if bad:
        return f"{bad[0]!r} must be {'a string' if bad[0] in _ENTRY_STRINGS else 'a list of strings'}"
    aliases = e.get("aliases", [])
    if not isinstance(aliases, list) or not all(_alias_ok(a) for a in aliases):
        return "'aliases' must be a list of names or {\"text\": name, \"lang\": codes} objects"
    return None


def _alias_ok(a: Any) -> bool:
    """An alias as a gazetteer file may write it: a name, or an object with its text and
    the languages it is read in (a code or a list of codes)."""
    if isinstance(a, str):
        return True
    if not isinstance(a, dict) or not isinstance(a.get("text"), str):
        return False
    lang = a.get("lang")
    return lang is None or isinstance(lang, str) or (isinstance(lang, list) and all(isinstance(x, str) for x in lang))


def _alias_spec(a: Any) -> tuple[str, frozenset[str] | None]:
    if isinstance(a, str):
        return (_nfc(a), None)
    return (_nfc(str(a["text"])), _languages(a.get("lang")))


def _trie_add(trie: dict[str, list[_Alias]], key: str, al: _Alias) -> None:
    trie.setdefault(key, []).append(al)


class _Automata:
    """The alias keys in two Aho-Corasick automata (pyahocorasick): one pass each.

    Keys whose every alias is written in capitals ("US", "UN", "AS", "UK", "EU")
    match only as written (:func:`_case_ok`), so they are looked for as written,
    in the text itself, not folded: "as", "un", "us" in running text and inside
    every word are then no hits at all (more than a third of the hits of a news
    text, each a step of the caller's loop in Python). Every other key is looked
    for in the folded text.

    The hits are the same as one automaton's over the folded text, less those whose
    every alias the case rule refuses; they come automaton by automaton, so a
    caller must not depend on their order across the two.
    """

    def __init__(self, keys: dict[str, list[_Alias]]) -> None:
        import ahocorasick

        #: folded key -> its aliases, as given (what one automaton of every key would hold)
        self.keys = keys
        folded: dict[str, tuple[int, tuple[_Alias, ...]]] = {}
        written: dict[str, list[_Alias]] = {}
        for key, aliases in keys.items():
            if not key:
                continue
            if all(_capitals_only(al.text) for al in aliases):
                # only a surface equal to an alias passes the case rule: look for each
                # alias whose key this is (not a stem's), as written
                for al in aliases:
                    if fold_case(al.text) == key:
                        written.setdefault(al.text, []).append(al)
                continue
            folded[key] = (len(key), tuple(aliases))
        self._folded, self._not_key, self._mark = _root_ordered(folded)
        self._written: Any = None
        if written:
            self._written = ahocorasick.Automaton()
            for text, aliases in written.items():
                self._written.add_word(text, (len(text), tuple(aliases)))
            self._written.make_automaton()

    def texts(self, text: str, folded: str) -> list[tuple[Any, str]]:
        """(automaton, the text to run it over): the folded keys over ``folded`` (the
        :func:`fold_case` of ``text``), the capitals-only aliases over ``text`` with
        curly apostrophes made straight, as :func:`_case_ok` compares them."""
        haystack = self._not_key.sub(self._mark, folded)
        if self._written is None:
            return [(self._folded, haystack)]
        plain = text.translate(_QUOTES) if "’" in text or "‘" in text else text
        return [(self._folded, haystack), (self._written, plain)]


def _root_ordered(words: dict[str, Any]) -> tuple[Any, re.Pattern[str], str]:
    """An Aho-Corasick automaton of ``words`` (word -> value) whose every step is short;
    the pattern of the characters in no word and the mark to write for them.

    pyahocorasick looks a character up among a node's children one by one, so at the
    root, where a pass over a text returns at every character that continues no word,
    a character that opens no word (a space, a digit, most Han characters) costs a look
    at each of the thousands of characters that open one. Here the text the automaton
    runs over has each character that is in no word replaced by one mark, and the root
    has a child for the mark and for every character of the words, in the order of how
    many words hold each (the most common first, the mark before them all); a child
    that opens no word leads to a character that never comes (in no word: always
    replaced), so it makes no hit. The hits are those of the plain automaton over the
    text itself: a word matches only where all its characters are.
    """
    import ahocorasick

    chars = {c for w in words for c in w}
    spare = (chr(c) for c in range(0x110000) if chr(c) not in chars)
    mark, never = next(spare), next(spare)
    held = Counter(c for w in words for c in set(w))
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append(w)
    automaton = ahocorasick.Automaton()
    for c in sorted(chars | {mark}, key=lambda c: (c != mark, -held[c], c)):
        for w in by_first.get(c, [c + never]):
            automaton.add_word(w, words.get(w))
    automaton.make_automaton()
    not_key = re.compile("[^" + "".join(re.escape(c) for c in sorted(chars)) + "]" if chars else "[^\\s\\S]")
    return automaton, not_key, mark


def _capitals_only(alias: str) -> bool:
    """An alias of two or more cased characters, all capitals ("US", "NATO"): it matches
    only a surface written as it is (:func:`_case_ok`)."""
    cased = [c for c in alias if c.lower() != c.upper()]
    return len(cased) >= 2 and all(c.isupper() for c in cased)


def _lang_ok(langs: frozenset[str] | None, lang: str | None) -> bool:
    return langs is None or lang is None or lang in langs


@functools.lru_cache(maxsize=1 << 16)
def _case_ok(alias: str, surface: str) -> bool:
    cased = [c for c in alias if c.lower() != c.upper()]
    if not cased:
        return True
    if _capitals_only(alias):
        return alias == surface.translate(_QUOTES)
    words = alias.split()
    if len(words) >= 2 and len(words[0]) <= 3 and words[1][:1].isupper():
        # a name made of an article and a noun ("La Réunion", "The Gambia", "El Salvador"):
        # in lower case it is the language's own phrase ("la réunion": the meeting)
        written = surface.split()
        return len(written) >= 2 and written[1][:1].isupper()
    if len(words) >= 2 and all(w[:1].isupper() for w in words):
        # a name of capitalised words ("Islamic State", "White House", "Islamischer
        # Staat"): with a word in lower case it is the language's own phrase ("an
        # Islamic state", "ein islamischer Staat")
        return all(w[:1].isupper() for w in surface.split())
    if " " not in alias and cased[0].isupper():
        first = next((c for c in surface if c.lower() != c.upper()), "")
        return first.isupper()
    return True


_QUOTES = str.maketrans({"’": "'", "‘": "'"})


_FUZZY_SCRIPTS = frozenset({Script.LATIN, Script.CYRILLIC})
_FUZZY_MAX = 100


#: letters of the fuzzy scripts (a letter: ``[^\W\d_]``, as ``str.isalpha``), or `` -'’.``
_FUZZY_CHARS = re.compile(
    "(?:(?=[^\\W\\d_])["
    + "".join(char_class(SCRIPT_RANGES[s]) for s in sorted(_FUZZY_SCRIPTS))
    + "]|[ \\-'’.])*"
)


#: the capitals of the fuzzy scripts (letters: ``[^\W\d_]``), as the inside of a character class
_CAPITALS = "".join(
    re.escape(chr(o))
    for s in sorted(_FUZZY_SCRIPTS)
    for lo, hi in SCRIPT_RANGES[s]
    for o in range(lo, hi + 1)
    if chr(o).isupper() and re.match(r"[^\W\d_]", chr(o))
)
#: a word starting with a capital of the fuzzy scripts (misspelled names are capitalised).
#: The pattern opens with the capital itself, so the regex engine skips ahead to the next
#: capital instead of trying the pattern at every place; "no letter before it" is then a
#: lookbehind over the letter before and the capital (same matches as
#: :data:`_CAPITALISED_WORD_PLAIN`, the form that checked it first)
CAPITALISED_WORD = re.compile(
    f"[{_CAPITALS}](?<![^\\W\\d_][\\s\\S])[^\\W\\d_]*(?:[-'’][^\\W\\d_]+)*"
)
_CAPITALISED_WORD_PLAIN = re.compile(
    f"(?<![^\\W\\d_])(?=[{_CAPITALS}])[^\\W\\d_]+(?:[-'’][^\\W\\d_]+)*"
)
#: between two capitalised words of one name: a space, or short particles ("von der", "de la", "bin")
NAME_GAP = re.compile(r" (?:[^\W\d_]{1,3} )*")


def _fuzzy_ok(s: str) -> bool:
    """Whether ``s`` may be matched fuzzily: Latin (incl. Vietnamese) or Cyrillic letters only.

    Spaces, hyphens, apostrophes and dots may come between the letters. Longer
    than any name (:data:`_FUZZY_MAX`): no (a 30 MB "word" is not scanned).
    One compiled pattern, no loop over characters in Python.
    """
    return len(s) <= _FUZZY_MAX and _FUZZY_CHARS.fullmatch(s) is not None


#: distinct strings whose fuzzy lookup is remembered; the memo is emptied when full
_FUZZY_MEMO = 100_000


def _fuzzy(index: _Index, keys: dict[str, set[int]], s: str, min_len: int) -> int | None:
    n = len(s)  # fold_case keeps the length
    lengths = index.lengths.get(id(keys), frozenset())
    if n < min_len or n not in lengths:
        return None  # only keys within two characters of its length could be taken
    cache = index.fuzzy_cache
    ck = ("M" if keys is index.fuzzy_multi else "S") + s
    if ck in cache:
        return cache[ck]
    if len(cache) >= _FUZZY_MEMO:
        cache.clear()
    key = fold_case(s)
    from rapidfuzz import fuzz, process

    hit: int | None = None
    if key not in index.by_key:  # exact aliases were handled (or refused) by the trie
        best = process.extract(key, keys.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_FLOOR,
                               limit=5)
        entries: set[int] = set()
        for cand, _score, _ in best:
            if cand[0] == key[0] and abs(len(cand) - len(key)) <= 2:
                entries |= keys[cand]
        if len(entries) == 1:
            hit = entries.pop()
    cache[ck] = hit
    return hit


def _skip_space(text: str, i: int) -> int:
    return i + 1 if i < len(text) and text[i] == " " else i


def _title_at(titles: _Titles, text: str, folded: str, p: int, *, forward: bool) -> int | None:
    """End (forward: CJK titles after a name) or start (backward) of a title touching ``p``.

    The longest title wins; one set lookup per title length.
    """
    if forward:
        for n, group in titles.cjk_by_first.get(folded[p:p + 1], ()):
            if folded[p:p + n] in group:
                return p + n
        return None
    for n, group in titles.by_last.get(folded[p - 1:p] if p > 0 else "", ()):
        if p >= n and folded[p - n:p] in group:
            q = p - n
            if not is_word_char(folded[q]) or word_ok_before(text, q):
                return q
    return None


class Occupied:
    """Spans taken so far (``[a, b)``), and whether a span ``[s, e)`` overlaps one.

    Two spans overlap when ``a < e and s < b``: the test a loop over every span
    taken makes, answered here in time of the span's length, not of the number of
    spans (a mask of the characters covered), so a long document with many
    mentions stays linear. Empty or out-of-text spans (which no finder makes) are
    answered by that loop, so the answer is the same for any span.
    """

    def __init__(self, size: int, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._mask = bytearray(size)
        #: spans the mask cannot hold (empty or outside the text): checked one by one
        self._odd: list[tuple[int, int]] = []
        #: every span, for a query the mask cannot answer
        self._all: list[tuple[int, int]] = []
        for a, b in spans:
            self.add(a, b)

    def add(self, a: int, b: int) -> None:
        """Take ``[a, b)``."""
        self._all.append((a, b))
        if 0 <= a < b <= len(self._mask):
            self._mask[a:b] = b"\1" * (b - a)
        else:
            self._odd.append((a, b))

    def overlaps(self, s: int, e: int) -> bool:
        """Whether ``[s, e)`` overlaps a span taken (``a < e and s < b`` for one of them)."""
        if not 0 <= s < e <= len(self._mask):
            return any(a < e and s < b for a, b in self._all)
        if self._mask.find(1, s, e) >= 0:  # any(mask[s:e]), in C
            return True
        return bool(self._odd) and any(a < e and s < b for a, b in self._odd)
