"""Cue lexicons of the rules backend: loading, merging and compiling to regexes.

The lexicons are data so users can extend them without touching code: the
bundled ``claimkit/data/cues.json`` (the built-in claim types, the modifiers
and the language settings), the cue file each registered claim type may
declare (:attr:`claimkit.schemas.ClaimBase.cues`), and user files. All share
one format; see the ``_about`` entry of the bundled file and
``docs/offline-extractor.md``. Each (language, category) compiles once to a
single alternation.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path, PurePosixPath
from typing import Any

import ahocorasick

from claimkit.errors import InputError
from claimkit.io import read_settings
from claimkit.schemas import ClaimBase
from claimkit.text import ARABIC_MARKS, fold_case_loose, is_unspaced

__all__ = ["MODIFIERS", "CueBook", "LanguageCues", "cue_file", "load_cues", "mark_word_starts"]

#: modifier categories (plain lists); every other list of a language is a claim type's cues
MODIFIERS = (
    "negation", "hedge", "condition", "future", "action", "question", "purpose", "reporting",
    "oblique", "readiness", "call", "hypothetical", "timeframe", "nominal",
    "threat", "partial", "possessed", "genitive", "pronoun", "generic", "host", "host_after", "thanks",
    "anaphor", "anaphor_after", "venue", "joint", "both", "sides", "until", "speech", "physical",
    "agreement", "signing", "called_off", "recurring", "coordinator", "belief", "travel", "auxiliary",
    "participle", "adnominal", "condition_name", "head_case", "attributive", "relative",
    "attribution", "between", "agent", "passive", "expected", "reporting_genitive", "title_anaphor",
    "analyst", "complementizer", "consequence", "dative", "announcing", "outcome", "credit",
    "actor_object", "object_lead", "comitative", "subject_relative", "adverbial", "group", "case_article",
    "common_subject", "actor_subject",
)  # fmt: skip
#: list entries of a language that are word sets, not cue patterns
_WORD_SETS = frozenset({"markers", "clitics", "bracket"})
#: a word starts after neither a letter nor a hyphen ("comprometeu-se" holds no word "se")
_NOT_AFTER = r"(?<![\w-])"
#: a cue's " ... " gap: at most 40 characters of its clause, so no comma (a match across
#: clauses, which no clause holds, would take the next clause's cue with it); a comma or
#: a point between two digits is part of a number ("4,5 Milliarden", "1.000 Soldaten"), and
#: a point before a lower-case word ends an abbreviation ("2 tys. żołnierzy", "500 тыс.
#: долларов"), no sentence
_GAP = r"(?:[^.;:!?。！？；\n,،，]|(?<=\d)[.,](?=\d)|\.(?= (?-i:[^\W\d_A-ZÀ-ÞА-ЯЁЄІЇҐĄĆĘŁŃÓŚŹŻČŠŽĐİŞĞŐŰŘŤĎŇĚŮ]))){0,40}?"


def _gap(chars: int) -> str:
    """The pattern of a cue's `` ... `` gap of at most ``chars`` characters (a language's
    ``gap``: German sets 90 for its verb brackets, "stellt ... bereit")."""
    return _GAP.replace("40", str(int(chars)))


@dataclass(frozen=True)
class Bracket:
    """A language's verb brackets (``bracket``, ``bracket_gap``): a gapped cue whose last
    word is one of ``closers`` (a separable prefix, "sagte ... zu", "lehnte ... ab",
    "schloss ... aus", or the noun of a verb phrase, "stellte ... in Aussicht") closes
    its clause: the closer is followed by punctuation, the end of the text or one of
    ``joins`` (a coordinator: "und"), and the gap reaches the whole clause (``gap``),
    so "sagte ... zu" is no match of "sagte am Montag zu Journalisten"."""

    closers: frozenset[str] = frozenset()
    gap: str = _GAP
    joins: tuple[str, ...] = ()

    def closes(self, cue: str) -> bool:
        """Whether ``cue`` is a bracket: a gap in it, its last word a closer."""
        return " ... " in cue and fold_case_loose(cue.split()[-1].strip("*")) in self.closers

    @property
    def end(self) -> str:
        """What follows a closer: punctuation, the end of a line (a headline's) or of the
        text, or a joining word."""
        joins = "".join(rf"|\s+{re.escape(j)}(?![\w-])" for j in self.joins)
        return rf"(?=[^\S\n]*(?:[^\w\s]|\n|$){joins})"


#: no verb brackets (a language without ``bracket``)
_NO_BRACKET = Bracket()


def _word(word: str) -> str:
    r"""One word of a cue: ``*`` at its end allows more letters; at its start, any letters before.

    A leading ``*`` is not compiled to ``\w*`` (which backtracks over a long
    word: quadratic in it); the word just needs no start boundary, and the
    match starts at the written part ("*mayacak*" matches "mayacağ..." inside
    "katılmayacağını").
    """
    core = re.escape(word.strip("*"))
    return core + (r"\w*" if word.endswith("*") else "")


def _start(clitics: tuple[str, ...]) -> str:
    """A word start, or a word start then one of ``clitics`` (Arabic و ب ل ال ...)."""
    options = [_NOT_AFTER] + [rf"(?<=(?<![\w-]){re.escape(c)})" for c in clitics]
    return "(?:" + "|".join(options) + ")"


def _pattern(cue: str, boundary: str, clitics: tuple[str, ...] = ()) -> str:
    return "".join(_parts(cue, boundary, clitics))


def _parts(
    cue: str, boundary: str, clitics: tuple[str, ...] = (), gap: str = _GAP, bracket: Bracket = _NO_BRACKET
) -> tuple[str, str]:
    """``cue``'s pattern as its start boundary ("" for none: a zero-width assertion that
    depends only on the position) and the rest (:func:`_compile` shares the boundary);
    a verb bracket (:class:`Bracket`) reaches its clause and ends it."""
    cue = cue.strip()
    if boundary == "auto":
        boundary = "none" if is_unspaced(cue) else "word"
    closes = bracket.closes(cue)
    pieces = cue.split(" ... ")
    parts = [r"\s+".join(_word(w) for w in piece.split()) for piece in pieces]
    if boundary in ("word", "start"):  # a word after a gap starts a word: "sagt* ... zu" is no
        # match of "sagte nichts dazu", "schloss ... aus" none of "schloss daraus"
        parts[1:] = [_NOT_AFTER + p if w[:1].isalnum() else p for w, p in zip(pieces[1:], parts[1:], strict=True)]
    regex = (bracket.gap if closes else gap).join(parts)
    first, last = cue.lstrip("*")[:1], cue.rstrip("*")[-1:]
    start = ""
    if boundary in ("word", "start", "clitic") and not cue.startswith("*") and first.isalnum():
        start = _start(clitics if boundary == "clitic" else ())
    if boundary == "word" and not cue.endswith("*") and last.isalnum():
        regex += r"(?![\w-])"
    elif boundary == "clitic" and not cue.endswith("*") and len(cue) <= _PARTICLE and last.isalnum():
        # a particle is a word of its own: "لا" (not) is no start of "لاجئ" (refugee) or
        # "بلاده" (his country), "أي" (any) none of "أيضا" (also), "قد" (may) none of "قدرا"
        regex += r"(?![\w-])"
    if closes:
        regex += bracket.end
    return start, regex


#: a cue of at most this many letters is a particle in a language whose words take
#: clitics (Arabic لا لن لم قد أي في مع): it ends where its word ends
_PARTICLE = 2


#: what :func:`mark_word_starts` turns into a space: every character before which a word may start
_NOT_WORD = re.compile(r"[^\w -]")  # spaces are left as they are: fewer replacements


def mark_word_starts(folded: str) -> str:
    r"""``" " + folded + " "`` with every character that is neither a word character nor a
    hyphen turned into a space (same length plus two).

    A cue whose pattern starts with the word-start boundary ``(?<![\w-])`` can
    only match where this text has a space just before: its head is looked for
    with that space in front (``" a"``, not ``"a"`` inside every word), so the
    head automaton proposes far fewer places. Heads are marked the same way, so
    every place a head occurs in the folded text it occurs here too. The space
    after the end stands for the end of the text, which a word may end at
    (:func:`_spaced`).
    """
    return " " + _NOT_WORD.sub(" ", folded) + " "


def _anchored(cue: str, boundary: str) -> bool:
    """Whether every match of ``cue``'s pattern (:func:`_pattern`) starts at a word start."""
    cue = cue.strip()
    if boundary == "auto":
        boundary = "none" if is_unspaced(cue) else "word"
    return boundary in ("word", "start") and not cue.startswith("*") and cue[:1].isalnum()


def _spaced(cue: str, boundary: str) -> bool:
    r"""Whether every match of a word-start ``cue`` (:func:`_anchored`) has, right after its
    head (:func:`head`), a character that :func:`mark_word_starts` turns into a space, or
    the end of the text: the head is a whole first word followed by more words (``\s+``)
    or the whole cue with a word end after it (``(?![\w-])``). Such a head is looked for
    with that space after it too (``" in "``: not in "into" or "inside")."""
    cue = cue.strip()
    if boundary == "auto":
        boundary = "none" if is_unspaced(cue) else "word"
    pieces = cue.split(" ... ")
    words = pieces[0].split()
    if words[0].endswith("*"):
        return False
    if len(words) >= 2:
        return True
    return len(pieces) == 1 and boundary == "word" and not cue.endswith("*") and cue[-1:].isalnum()


def head(cue: str) -> str:
    """The literal a match of ``cue`` starts with: its first word without ``*``, folded.

    Every match of the cue's pattern starts at this literal (a leading ``*``
    only drops the start boundary), so the places it occurs in the folded text
    are the only places the pattern needs to be tried.
    """
    first = cue.strip().split(" ... ")[0].split()[0]
    return fold_case_loose(first.strip("*"))


def _unique(cues: Iterable[str]) -> list[str]:
    """The cues without repeats, longest first, and without Arabic vowel marks: the text
    is scanned without them too (:class:`~claimkit.extract.rules.support.CueScan`), so a
    cue matches whether or not either writes them ("ستُرسل", "اتصالاً")."""
    plain = {ARABIC_MARKS.sub("", c) for c in cues if c}
    return sorted({c for c in plain if c.strip("* ")}, key=lambda c: (-len(c), c))


def _compile(
    cues: Iterable[str], boundary: str, clitics: tuple[str, ...] = (), gap: str = _GAP,
    bracket: Bracket = _NO_BRACKET,
) -> re.Pattern[str] | None:
    unique = _unique(cues)
    if not unique:
        return None
    # a run of cues with the same start boundary checks it once, not once per cue: at one
    # position the boundary either holds or not (zero width), so "B(?:c1|c2)" matches what
    # "(?:Bc1)|(?:Bc2)" does, in the same order; and a cue that now starts with its first
    # letter is skipped by the regex engine on that letter alone (Arabic: 15 clitic
    # lookbehinds were tried before every cue)
    runs: list[tuple[str, list[str]]] = []
    for cue in unique:
        start, rest = _parts(cue, boundary, clitics, gap, bracket)
        if runs and runs[-1][0] == start:
            runs[-1][1].append(rest)
        else:
            runs.append((start, [rest]))
    alternatives = "|".join(
        f"(?:{start}(?:{'|'.join(f'(?:{rest})' for rest in rests)}))" for start, rests in runs
    )
    return re.compile(alternatives, re.IGNORECASE)


@dataclass
class LanguageCues:
    """Compiled cues of one language.

    ``patterns`` holds one regex per category (claim types and modifiers);
    ``fields`` one regex per value of each keyword map, keyed ``type.field``.
    """

    code: str
    script: str
    boundary: str
    negation_after: bool
    patterns: dict[str, re.Pattern[str]] = field(default_factory=dict)
    fields: dict[str, dict[str, re.Pattern[str]]] = field(default_factory=dict)
    markers: frozenset[str] = frozenset()
    #: Aho-Corasick automata (:func:`_automata`) of the cue heads: those whose cues may
    #: start anywhere, over the folded text, and those whose cues start at a word start
    #: only, over :func:`mark_word_starts` of it
    heads: Any = None
    word_heads: Any = None
    #: the keyword maps' patterns by ``type.field=value``, scanned with the categories
    keyword_patterns: dict[str, re.Pattern[str]] = field(default_factory=dict)
    #: the names of the categories the head automata hold, sorted: a hit gives a category
    #: as its rank here (:func:`_automata`)
    categories: tuple[str, ...] = ()

    def scan(
        self, text: str, folded: str, marked: str | None = None
    ) -> dict[str, list[tuple[int, int]]]:
        """Every category's matches in ``text``.

        ``folded`` is :func:`~claimkit.text.fold_case_loose` of ``text`` and
        ``marked`` :func:`mark_word_starts` of ``folded`` (computed here when
        not given). One pass of the head automaton over ``marked`` (C speed,
        linear) gives the places a cue may start; each category's pattern is
        tried there alone (``match`` at that offset), skipping places inside
        its previous match, which gives what ``finditer`` over the whole text would.
        """
        out: dict[str, list[tuple[int, int]]] = {}
        names, patterns = self.categories, self._ranked
        spans: list[tuple[int, int]] = []
        match: Callable[[str, int], re.Match[str] | None] = _NEVER.match  # the first place sets it
        rank, last = -1, 0
        # the places by category (in the order of their names), each by offset: one sort of
        # integers (the category's rank above _PLACE_BITS, the place below), in C
        for key in self._places(folded, marked):
            if key >> _PLACE_BITS != rank:
                rank, last, spans = key >> _PLACE_BITS, 0, []
                out[names[rank]] = spans
                match = patterns[rank]
            at = key & _PLACE_MASK
            if at < last:
                continue  # inside the previous match, or the same place again
            m = match(text, at)
            if m is not None:
                end = m.end()
                if end > at:
                    spans.append((at, end))
                    last = end
        return out

    def _places(self, folded: str, marked: str | None) -> list[int]:
        """Where each category's cues may start: the head automata's hits, each as the
        category's rank in :attr:`categories` above :data:`_PLACE_BITS` and the place
        below (:func:`_automata`), sorted."""
        places: list[int] = []
        for automaton, where in ((self.heads, folded), (self.word_heads, marked)):
            if automaton is None:
                continue
            if where is None:
                where = mark_word_starts(folded)
            places += [end - back + rank for end, (back, ranks) in automaton.iter(where) for rank in ranks]
        places.sort()
        return places

    @cached_property
    def _ranked(self) -> tuple[Callable[[str, int], re.Match[str] | None], ...]:
        """The ``match`` of each category's pattern, in the order of :attr:`categories`."""
        return tuple((self.patterns.get(cat) or self.keyword_patterns[cat]).match for cat in self.categories)

    def find(self, category: str, text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        """Matches of one category in ``text[start:end]`` (offsets into ``text``)."""
        pattern = self.patterns.get(category)
        if pattern is not None:
            yield from pattern.finditer(text, start, len(text) if end is None else end)


class CueBook:
    """All languages' cue lexicons and the per-type declarations, compiled lazily.

    City names live in :mod:`claimkit.normalize.places`; a ``cities`` object in
    a cue file (``{"Kyiv": ["Kyjiw"]}``, the format before ``places.json``) is
    still read into :attr:`city_names` and added to the places the backend uses.

    Args:
        data: the parsed JSON documents to merge, in order (later ones add
            cues to earlier ones' lists).

    Attributes:
        raw: merged language entries by language code.
        types: merged ``types`` declarations by claim type.
        precedence: the ``precedence`` rules of every document, in order.
        aliases: language-level keys of the version 1 format (``what``) and
            the keyword map (``pledge.what``) they stand for.
    """

    def __init__(self, data: Iterable[Mapping[str, Any]] = ()) -> None:
        self.raw: dict[str, dict[str, Any]] = {}
        self.types: dict[str, dict[str, Any]] = {}
        self.precedence: list[dict[str, Any]] = []
        self.aliases: dict[str, str] = {}
        self.city_names: dict[str, list[str]] = {}
        self._compiled: dict[str, LanguageCues] = {}
        self._digest: str | None = None
        for doc in data:
            self.add(doc)

    @property
    def digest(self) -> str:
        """A short hash of the merged cue data (languages, types, precedence, aliases,
        cities), made once per book: equal for books of the same data, whatever order
        their keys came in (the rules backend's version names it)."""
        if self._digest is None:
            merged = {"languages": self.raw, "types": self.types, "precedence": self.precedence,
                      "aliases": self.aliases, "cities": self.city_names}
            text = json.dumps(merged, sort_keys=True, ensure_ascii=False, default=str)
            self._digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        return self._digest

    def add(self, doc: Mapping[str, Any], owner: str | None = None, source: str = "cue data") -> None:
        """Merge one cue document.

        Args:
            doc: the parsed JSON object.
            owner: the claim type whose file this is: its unqualified keyword
                maps (``"fields": {"action": ...}``) belong to that type.
            source: named in error messages.

        Raises:
            InputError: a keyword map names no claim type and the file has no owner.
        """
        self._compiled.clear()
        self._digest = None
        self.aliases.update({str(k): str(v) for k, v in (doc.get("aliases") or {}).items()})
        for name, decl in (doc.get("types") or {}).items():
            _merge_type(self.types.setdefault(str(name), {}), decl)
        self.precedence.extend(dict(rule) for rule in doc.get("precedence") or [])
        for code, spec in (doc.get("languages") or {}).items():
            self._merge_language(self.raw.setdefault(code, {}), spec, owner, source)
        for name, aliases in (doc.get("cities") or {}).items():
            self.city_names.setdefault(name, []).extend(str(a) for a in aliases)

    def _merge_language(
        self, target: dict[str, Any], spec: Mapping[str, Any], owner: str | None, source: str
    ) -> None:
        for key, value in spec.items():
            if key == "fields" or (isinstance(value, dict) and key in self.aliases):
                maps = value if key == "fields" else {self.aliases[key]: value}
                fields = target.setdefault("fields", {})
                for name, keywords in maps.items():
                    _merge_keywords(fields.setdefault(_qualify(name, owner, source), {}), keywords)
            elif isinstance(value, list):
                target.setdefault(key, []).extend(str(v) for v in value)
            elif isinstance(value, dict):
                raise InputError(source, f"unknown keyword map {key!r}: put it under 'fields'")
            else:
                target[key] = value

    @property
    def languages(self) -> list[str]:
        return sorted(self.raw)

    def claim_categories(self) -> list[str]:
        """Names of the claim types that have cues in some language (first-seen order)."""
        seen: dict[str, None] = {}
        for spec in self.raw.values():
            for key, value in spec.items():
                if isinstance(value, list) and key not in MODIFIERS and key not in _WORD_SETS:
                    seen.setdefault(key, None)
        return list(seen)

    def field_values(self, key: str) -> list[str]:
        """The values the keyword map ``key`` (``type.field``) gives in any language."""
        seen: dict[str, None] = {}
        for spec in self.raw.values():
            for value in (spec.get("fields") or {}).get(key, {}):
                seen.setdefault(str(value), None)
        return list(seen)

    def markers(self, code: str) -> frozenset[str] | None:
        """The marker words of ``code`` (:attr:`LanguageCues.markers`), or None when it has no
        cues; read from the data, without compiling the language's patterns (that waits
        for the first sentence in the language: :meth:`language`)."""
        spec = self.raw.get(_base_code(code))
        return None if spec is None else _markers(spec)

    def language(self, code: str) -> LanguageCues | None:
        """The compiled cues of ``code`` (``zh-Hant`` -> ``zh``), or None."""
        found = self._compiled.get(code)  # a base code compiled already: asked once a sentence
        if found is not None:
            return found
        code = _base_code(code)
        if code in self._compiled:
            return self._compiled[code]
        spec = self.raw.get(code)
        if spec is None:
            return None
        boundary = str(spec.get("boundary", "word"))
        lc = LanguageCues(
            code=code,
            script=str(spec.get("script", "latin")),
            boundary=boundary,
            negation_after=bool(spec.get("negation_after", False)),
            markers=_markers(spec),
        )
        clitics = tuple(sorted({str(c) for c in spec.get("clitics", [])}, key=len))
        gap = _gap(spec["gap"]) if "gap" in spec else _GAP
        bracket = _bracket(spec)
        heads: dict[tuple[str, bool, bool], set[str]] = {}
        for cat, cues in spec.items():
            if isinstance(cues, list) and cat not in _WORD_SETS:
                pattern = _compile(cues, boundary, clitics, gap, bracket)
                if pattern is not None:
                    lc.patterns[cat] = pattern
                    for cue in _unique(cues):
                        heads.setdefault(_head_key(cue, boundary), set()).add(cat)
        for key, keywords in (spec.get("fields") or {}).items():
            compiled = {
                v: p for v, words in keywords.items() if (p := _compile(words, boundary, clitics, gap, bracket))
            }
            if compiled:
                lc.fields[key] = compiled
            for value, pattern in compiled.items():
                lc.keyword_patterns[f"{key}={value}"] = pattern
                for word in _unique(keywords[value]):
                    heads.setdefault(_head_key(word, boundary), set()).add(f"{key}={value}")
        lc.categories = tuple(sorted({cat for cats in heads.values() for cat in cats}))
        lc.heads, lc.word_heads = _automata(heads, lc.categories)
        self._compiled[code] = lc
        return lc

    def scripts(self) -> dict[str, list[str]]:
        """Language codes by the script their cues are written in."""
        out: dict[str, list[str]] = {}
        for code, spec in sorted(self.raw.items()):
            out.setdefault(str(spec.get("script", "latin")), []).append(code)
        return out


def _base_code(code: str) -> str:
    """``zh-Hant`` -> ``zh``, ``pt_BR`` -> ``pt``."""
    return code.split("-")[0].split("_")[0].lower()


def _bracket(spec: Mapping[str, Any]) -> Bracket:
    """The verb brackets of a language entry: its ``bracket`` closers, its ``bracket_gap``
    reach (else its ``gap``) and its ``coordinator`` words as joins."""
    closers = spec.get("bracket")
    if not closers:
        return _NO_BRACKET
    reach = spec.get("bracket_gap", spec.get("gap", 40))
    joins = tuple(sorted({str(w) for w in spec.get("coordinator", []) if " " not in str(w)}))
    return Bracket(frozenset(fold_case_loose(str(c)) for c in closers), _gap(reach), joins)


def _markers(spec: Mapping[str, Any]) -> frozenset[str]:
    return frozenset(m.casefold() for m in spec.get("markers", []))


def _head_key(cue: str, boundary: str) -> tuple[str, bool, bool]:
    """The head of ``cue``, whether its matches start at a word start only, and whether
    (then) a space follows the head (:func:`_spaced`)."""
    anchored = _anchored(cue, boundary)
    return head(cue), anchored, anchored and _spaced(cue, boundary)


#: a place of a text in the key of a head automaton's hit (:func:`_automata`): the bits
#: below the category's rank (a text of up to 2**40 characters)
_PLACE_BITS = 40
_PLACE_MASK = (1 << _PLACE_BITS) - 1
#: a pattern that matches nowhere
_NEVER = re.compile(r"(?!)")


def _automata(heads: Mapping[tuple[str, bool, bool], set[str]], categories: Sequence[str]) -> tuple[Any, Any]:
    """Aho-Corasick automata (pyahocorasick) of ``heads``: ``(anywhere, at word starts)``.

    Each key gives ``(back, ranks)``: a key ending at ``end`` of the text the
    automaton runs over is a place ``end - back`` of the original text where
    the categories of ``ranks`` may match, each rank the index of a category in
    ``categories`` shifted above :data:`_PLACE_BITS` (``end - back + rank``
    is then one integer: sorted, they come by category and by place). The first
    automaton runs over the folded text and holds the heads as they are; the
    second runs over :func:`mark_word_starts` of it (one character longer at its
    start) and holds the heads of word-start cues, marked the same way, after a
    space, and before one when every match has one there (:func:`_spaced`).
    """
    rank = {cat: i << _PLACE_BITS for i, cat in enumerate(categories)}
    keys: tuple[dict[str, tuple[int, set[int]]], dict[str, tuple[int, set[int]]]] = ({}, {})
    for (name, anchored, spaced), cats in heads.items():
        if not name:
            continue
        key = " " + _NOT_WORD.sub(" ", name) + " " * spaced if anchored else name
        back = len(name) + spaced if anchored else len(name) - 1
        keys[anchored].setdefault(key, (back, set()))[1].update(rank[cat] for cat in cats)
    return _automaton(keys[False]), _automaton(keys[True])


def _automaton(keys: Mapping[str, tuple[int, set[int]]]) -> Any:
    if not keys:
        return None
    automaton = ahocorasick.Automaton()
    for key, (back, ranks) in keys.items():
        automaton.add_word(key, (back, tuple(sorted(ranks))))
    automaton.make_automaton()
    return automaton


def _qualify(name: str, owner: str | None, source: str) -> str:
    if "." in name:
        return name
    if owner is None:
        raise InputError(source, f"keyword map {name!r} names no claim type: write 'type.{name}'")
    return f"{owner}.{name}"


def _merge_keywords(target: dict[str, list[str]], keywords: Mapping[str, Any]) -> None:
    for value, words in keywords.items():
        target.setdefault(str(value), []).extend(str(w) for w in words)


def _merge_type(target: dict[str, Any], decl: Mapping[str, Any]) -> None:
    """Later declarations override a field's role and scalars, and add merge rules."""
    for key, value in decl.items():
        if key == "fields":
            target.setdefault("fields", {}).update(value)
        elif key == "merge":
            target.setdefault("merge", []).extend(value)
        else:
            target[key] = value


# ------------------------------------------------------------------- loading

_BUNDLED: dict[str, Any] | None = None
_DEFAULT: CueBook | None = None


def _bundled() -> dict[str, Any]:
    """The parsed bundled cue file (read once; never modified)."""
    global _BUNDLED
    if _BUNDLED is None:
        raw = resources.files("claimkit").joinpath("data/cues.json").read_text("utf-8")
        _BUNDLED = json.loads(raw)
    return _BUNDLED


def _parse(text: str, source: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(source, f"cue file is not JSON ({exc.msg}, line {exc.lineno})") from None
    if not isinstance(data, dict) or not all(
        isinstance(data.get(key, {}), dict) for key in ("languages", "types")
    ):
        raise InputError(source, "a cue file is an object with a 'languages' object")
    if not isinstance(data.get("precedence", []), list):
        raise InputError(source, "'precedence' of a cue file is a list of rules")
    return data


def _read(path: Path | Traversable, source: str) -> dict[str, Any]:
    try:  # a file: never a read that waits or never ends (a FIFO, /dev/urandom), bounded
        text = read_settings(path, what="a cue file") if isinstance(path, Path) else path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(source, f"cue file cannot be read ({exc})") from None
    return _parse(text, source)


def cue_file(model: type[ClaimBase]) -> Path | Traversable | None:
    """Where the cue file a claim type declares (``cues = "cues.json"``) is.

    A relative path is resolved against the package of the module that
    declares ``cues`` (with :mod:`importlib.resources`, so an installed or
    zipped package works), else against that module's file.

    Raises:
        InputError: a relative path whose module cannot be located.
    """
    declared = model.cues
    if not declared:
        return None
    path = Path(declared)
    if path.is_absolute():
        return path
    owner = next((c for c in model.__mro__ if "cues" in vars(c)), model)
    module = sys.modules.get(owner.__module__)
    parts = PurePosixPath(declared.replace(os.sep, "/")).parts
    if module is not None:
        spec = getattr(module, "__spec__", None)
        package = module.__name__ if hasattr(module, "__path__") else getattr(spec, "parent", "")
        if package:
            return resources.files(package).joinpath(*parts)
        module_file = getattr(module, "__file__", None)
        if module_file:  # a script run as __main__, a top-level module
            return Path(module_file).resolve().parent.joinpath(*parts)
    raise InputError(
        f"claim type {model.__name__}", f"cannot locate cue file {declared!r}: give an absolute path"
    )


def load_cues(
    *extra: str | os.PathLike[str] | Mapping[str, Any],
    models: Iterable[type[ClaimBase]] = (),
) -> CueBook:
    """The bundled cue lexicons, then the cue files of ``models``, then ``extra`` files or dicts.

    Raises:
        InputError: a file is missing or is not a cue JSON object.
    """
    global _DEFAULT
    files = [(m, f) for m in models if (f := cue_file(m)) is not None]
    if not extra and not files and _DEFAULT is not None:
        return _DEFAULT
    book = CueBook([_bundled()])
    for model, path in files:
        name = str(model.model_fields["type"].default)
        book.add(_read(path, str(path)), owner=name, source=str(path))
    for item in extra:
        if isinstance(item, Mapping):
            book.add(item)
        else:
            book.add(_read(Path(item), str(item)), source=str(item))
    if not extra and not files:
        _DEFAULT = book
    return book
