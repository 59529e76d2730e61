"""Actors: countries, people, organisations and groups, from names in any language.

A :class:`Gazetteer` holds entries (canonical English name, kind, aliases in
many scripts, titles) and the country names of CLDR/pycountry (see
:mod:`claimkit.normalize.countries`). It never guesses: a name that is not in
it, or that is ambiguous (an alias of two entries), stays as written with
``resolved=False``.

Matching rules (why they are there):

* Exact aliases after lower-casing, on word boundaries for spaced scripts and
  katakana, anywhere for Han and Hangul (no spaces to anchor on).
* A one-word alias written with a capital ("Anh", "Nga", "Trump") only matches
  a capitalised word, and an all-caps alias ("US", "AS", "NATO") only matches
  exactly, because "anh", "us", "as" are common words; an alias of several
  capitalised words ("Islamic State") only matches them capitalised ("an Islamic
  state" is no name).
* Single-character CJK abbreviations (英, 美, 俄, 米, 露) only count next to
  another one (英法, 俄乌, 日米) or before a word like 方/军/首相, or as a
  whole string in :meth:`Gazetteer.resolve`.
* Titles: "British Prime Minister Stamer", "Presiden Prancis Emmanuel Macron",
  "英国首相斯塔默", "マクロン大統領" give one mention of the person covering the
  title; a title alone ("French President") is never a name.
* Misspellings: Latin/Cyrillic capitalised words of 6+ letters (phrases of
  several capitalised words, with short particles such as "von der" between) within a fuzzy ratio of 90 of a person/organisation alias
  with the same first letter (rapidfuzz). Short words are never fuzzy-matched.
* Inflected languages (ru, uk, pl, hr, ...): a name may carry up to three
  more letters ("Путина", "Rosji") when ``language`` says so.
"""

from __future__ import annotations

import logging
import os
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from claimkit.errors import InputError
from claimkit.normalize._demonyms import ActorNouns, demonym_stem, nisba_adjectives
from claimkit.normalize._gazetteer_index import (
    CAPITALISED_WORD,
    ENV_VAR,
    FUZZY_MIN_LEN,
    NAME_GAP,
    Occupied,
    _Alias,
    _alias_spec,
    _Automata,
    _case_ok,
    _fuzzy,
    _fuzzy_ok,
    _Index,
    _lang,
    _lang_ok,
    _languages,
    _nfc,
    _skip_space,
    _title_at,
    _Titles,
    _trie_add,
    digest_after,
    env_cached,
    gazetteer_shape,
    merge_sources,
)
from claimkit.normalize._names import (
    chinese_from_palladius,
    in_english_order,
    romanised,
    traditional_chinese,
    with_full_names,
)
from claimkit.normalize._namesakes import KnownNames, given_names, with_namesakes
from claimkit.normalize._officials import Official, OfficialFinder, family_repeats
from claimkit.normalize._organisations import english_name, with_organisations
from claimkit.normalize._polish_transcription import east_slavic
from claimkit.normalize.countries import cldr_names, country_name, country_table, is_country_code
from claimkit.normalize.mentions import ActorMention
from claimkit.schemas import Actor, ActorKind
from claimkit.text import (
    CJK_CHAR,
    Script,
    fold,
    fold_case,
    is_katakana,
    is_word_char,
    script_of,
    word_ok_after,
    word_ok_before,
)

__all__ = ["ENV_VAR", "Gazetteer", "GazetteerEntry", "find_actors", "resolve_actor"]

logger = logging.getLogger(__name__)

_INFLECTING = frozenset({"ru", "uk", "be", "pl", "hr", "sr", "bs", "sl", "cs", "sk", "bg",
                         "lt", "lv", "fi", "et", "hu", "tr"})  # fmt: skip
_STEM_VOWELS = frozenset("aeiouyаяоеиыьйуюієї")
_MAX_SUFFIX = 3
#: Korean suffixes that make a word an adjective or an -ism, not a name: 인도적 지원
#: (humanitarian aid, not India), 인도주의 (humanitarianism), 중국적 (Chinese-style)
_KO_NOT_A_NAME_BEFORE = ("적", "주의")
_CONNECTORS = ("'s", "の", "s'")


#: a ministry and its portfolio in the genitive (up to three words) right before a name: the
#: name owns the ministry, which speaks for it ("Министерство энергетики России пообещало",
#: "Міністерство оборони України попередило", "Ministerstwo Rozwoju Polski")
_MINISTRY_BEFORE = re.compile(r"(?<!\w)(?:министерств|міністерств|ministerstw|ministarstv)[оаoa](?:\s+[^\W\d_][\w'’-]*){1,3}\s+$",
                              re.IGNORECASE)


@dataclass(frozen=True)
class GazetteerEntry:
    """One actor of the gazetteer.

    Attributes:
        name: canonical English name ("Keir Starmer", "United Kingdom", "NATO").
        kind: person, country, organisation or group.
        iso_code: ISO 3166-1 alpha-2 code, for countries.
        aliases: names as written in texts, any script ("Стармер", "斯塔默").
        titles: titles that may precede or follow the name ("Prime Minister").
        affiliation: for people, whom they speak for: an ISO 3166-1 alpha-2
            code ("GB") or an organisation's canonical name ("NATO",
            "European Union"); see :meth:`Gazetteer.affiliation`.
        media: a news agency or outlet ("Agence France-Presse", "Voice of
            America"): a source, not an actor. :meth:`Gazetteer.find` covers its
            name (so "France" inside it is no mention) and returns no mention of it.
        parent: for an agency, the canonical name of the body it belongs to
            ("United Nations" for the World Food Programme): :meth:`Gazetteer.find`
            reads the agency and its parent written together ("Programa Mundial de
            Alimentos de la ONU", "the UN's World Food Programme") as the agency.
        central_bank_of: for a country's central bank, the country's ISO 3166-1
            alpha-2 code: an unqualified "the central bank" in an article at home
            in that country is this bank (:meth:`Gazetteer.central_bank`).
    """

    name: str
    kind: ActorKind
    iso_code: str | None = None
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    affiliation: str | None = None
    media: bool = False
    parent: str | None = None
    central_bank_of: str | None = None

    def actor(self, text: str) -> Actor:
        """An :class:`Actor` for this entry as written ``text``."""
        return Actor(text=text, name=self.name, kind=self.kind, iso_code=self.iso_code,
                     resolved=True)


class Gazetteer:
    """Known actors and how they are written, with exact, title-aware and fuzzy lookup.

    Build one with :meth:`default` (bundled data plus files named in
    ``CLAIMKIT_GAZETTEER``) or :meth:`load`. Indexes are built on first use.
    """

    def __init__(self, data: Iterable[dict[str, Any]] = ()) -> None:
        """Merge gazetteer documents (the parsed JSON of gazetteer files), in order."""
        self._entries: list[GazetteerEntry] = []
        self._entry_aliases: list[list[tuple[str, frozenset[str] | None]]] = []
        self._by_name: dict[tuple[str, str], int] = {}
        self._country_aliases: dict[str, list[tuple[str, frozenset[str] | None]]] = {}
        self._demonyms: dict[str, list[tuple[str, frozenset[str] | None]]] = {}
        self._actor_nouns: dict[str, list[str]] = {}
        self._head_nouns: dict[str, list[str]] = {}
        self._abbrev: dict[str, tuple[str, frozenset[str] | None, str]] = {}
        self._titles: list[str] = []
        self._honorifics: list[tuple[str, frozenset[str] | None]] = []
        self._cldr: list[tuple[int, str]] = []
        self._index: _Index | None = None
        #: each person's first names and every known first name (:func:`given_names`), built on first use
        self._given: KnownNames | None = None
        #: the folded honorifics of each language, built on first use
        self._folded_honorifics: dict[str | None, frozenset[str]] = {}
        self._memo: dict[tuple[str, str | None, bool], GazetteerEntry | None] = {}
        #: the (frozen) actor of each entry as written, built once per distinct spelling
        self._actors: dict[tuple[int, str], Actor] = {}
        #: an official in no gazetteer, as written with the title -> whom they speak for
        self._official_groups: dict[str, str | None] = {}
        #: a hash of every document merged, in order (:attr:`digest`)
        self._sources = ""
        for doc in data:
            self._merge(doc)

    # ------------------------------------------------------------------ loading

    @classmethod
    def default(cls) -> Gazetteer:
        """The bundled gazetteer plus the files named in ``CLAIMKIT_GAZETTEER``.

        Cached per value of the variable, so the tables are built once.
        """
        return env_cached(_DEFAULT_CACHE, cls.load)

    @classmethod
    def load(cls, *paths: str | os.PathLike[str], include_default: bool = True) -> Gazetteer:
        """Read gazetteer JSON files (see ``docs/normalize.md`` for the format).

        Args:
            *paths: user files; later files extend earlier ones.
            include_default: start from the bundled ``claimkit/data/gazetteer.json``.

        Raises:
            InputError: a file is missing or is not a gazetteer JSON object.
        """
        gazetteer = cls()
        merge_sources(gazetteer._merge, "data/gazetteer.json" if include_default else None, paths)
        return gazetteer

    @property
    def digest(self) -> str:
        """A short hash of the documents merged into this gazetteer, in order: equal for
        gazetteers read from the same data (the rules backend's version names it)."""
        return self._sources[:16]

    def _merge(self, doc: dict[str, Any]) -> None:
        problem = gazetteer_shape(doc)
        if problem is not None:  # merge_files names the file
            raise InputError("gazetteer", f"{problem}; see docs/normalize.md")
        self._sources = digest_after(self._sources, doc)
        for t in [*doc.get("titles", []), *doc.get("honorifics", [])]:
            if isinstance(t, str) and t.strip():
                self._titles.append(_nfc(t))
        self._honorifics.extend(_alias_spec(t) for t in doc.get("honorifics", [])
                                if isinstance(t, dict) or (isinstance(t, str) and t.strip()))
        for key, aliases in doc.get("countries", {}).items():
            bucket = self._country_aliases.setdefault(_iso_code(key, "countries", "GB"), [])
            for a in aliases:
                bucket.append(_alias_spec(a))
        self._merge_demonyms(doc)
        for char, spec in doc.get("abbreviations", {}).items():
            if isinstance(spec, str):
                self._abbrev[char] = (spec.upper(), None, "")
            else:
                self._abbrev[char] = (str(spec["code"]).upper(), _languages(spec.get("lang")),
                                      str(spec.get("not_after", "")))
        for e in doc.get("entries", []):
            self._add_entry(e)
        self._index = None
        self._given = None
        self._folded_honorifics = {}
        self._memo = {}
        self._actors = {}

    def _merge_demonyms(self, doc: dict[str, Any]) -> None:
        for key, aliases in doc.get("demonyms", {}).items():
            self._demonyms.setdefault(_iso_code(key, "demonyms", "PL"), []).extend(_alias_spec(a) for a in aliases)
        for key, table in (("actor_nouns", self._actor_nouns), ("head_nouns", self._head_nouns)):
            for lang, nouns in doc.get(key, {}).items():
                table.setdefault(str(lang).lower(), []).extend(_nfc(str(n)) for n in nouns)

    def _add_entry(self, e: dict[str, Any]) -> None:
        try:
            name = _nfc(str(e["name"]))
            kind = ActorKind(str(e.get("kind", "person")))
        except (KeyError, ValueError) as exc:
            raise InputError("gazetteer", f"bad entry {e!r}: needs 'name' and a 'kind' of "
                             "person, country, organisation or group") from exc
        aliases = [_alias_spec(a) for a in e.get("aliases", [])]
        aliases.insert(0, (name, None))
        titles = tuple(_nfc(t) for t in e.get("titles", []))
        affiliation = _affiliation(e.get("affiliation"), name)
        key = (name, kind.value)
        idx = self._by_name.get(key)
        if idx is None:
            idx = self._new_entry(GazetteerEntry(name, kind, e.get("iso_code"), (), titles, affiliation,
                                                 bool(e.get("media", False)), e.get("parent") or None,
                                                 _code(e.get("central_bank_of"), name)), [])
        else:  # a later file extends the entry; its affiliation wins (office holders change)
            old = self._entries[idx]
            self._entries[idx] = replace(old, titles=old.titles + titles,
                                         affiliation=affiliation or old.affiliation,
                                         parent=e.get("parent") or old.parent,
                                         central_bank_of=_code(e.get("central_bank_of"), name) or old.central_bank_of)
        self._entry_aliases[idx].extend(aliases)
        # CLDR names of e.g. "EU", "UN": looked up when the index is built
        self._cldr.extend((idx, str(code)) for code in e.get("cldr", []) or [])
        self._titles.extend(titles)

    def honorifics(self, language: str | None = None) -> frozenset[str]:
        """The courtesy titles of every merged file (``honorifics``: Mr, M., Herr, pan,
        господин), as written, that ``language`` uses (any language: those of every one).

        The plain ones are read as titles in every language; one given as
        ``{"text": "Bu", "lang": ["id", "ms"]}`` (Indonesian "Bu", Turkish "this") is not,
        and is only left out of a name the rules backend reads beside a verb of saying.
        """
        lang = _lang(language)
        return frozenset(t for t, langs in self._honorifics if t and _lang_ok(langs, lang))

    def actor_nouns(self, language: str | None) -> tuple[str, ...]:
        """The nouns of a home body or an office of ``language`` in every merged file
        (``actor_nouns``: "gobierno", "ministr", "rząd"), as written; none for no language."""
        return tuple(self._actor_nouns.get(_lang(language) or "", ()))

    @property
    def entries(self) -> list[GazetteerEntry]:
        """All entries, countries included (builds the index on first use)."""
        self._built()
        return list(self._entries)

    # ----------------------------------------------------------------- indexing

    def _built(self) -> _Index:
        if self._index is None:
            self._index = self._build()
        return self._index

    def _country_entry(self, code: str) -> int:
        name = country_name(code) or code
        key = (name, ActorKind.country.value)
        idx = self._by_name.get(key)
        if idx is None:
            idx = self._new_entry(GazetteerEntry(name, ActorKind.country, code), [(name, None)])
        return idx

    def _new_entry(self, entry: GazetteerEntry, aliases: list[tuple[str, frozenset[str] | None]]) -> int:
        """Add ``entry``, whose name and kind no entry has yet, with ``aliases``; its index."""
        idx = len(self._entries)
        self._by_name[(entry.name, entry.kind.value)] = idx
        self._entries.append(entry)
        self._entry_aliases.append(aliases)
        return idx

    def _build(self) -> _Index:
        for idx, code in self._cldr:
            self._entry_aliases[idx].extend((n, None) for n in cldr_names(code))
        self._cldr = []
        for name, code in country_table().items():
            self._entry_aliases[self._country_entry(code)].append((name, None))
        demonyms = self._demonym_aliases()
        stems = set(demonyms) | {st for k in demonyms if (st := demonym_stem(k)) is not None}
        for code, aliases in self._country_aliases.items():
            self._entry_aliases[self._country_entry(code)].extend(
                a for a in aliases if not _demonym_form(a[0], demonyms, stems))
        abbrev = {c: (self._country_entry(code), langs, not_after) for c, (code, langs, not_after)
                  in self._abbrev.items() if is_country_code(code)}
        by_key: dict[str, list[_Alias]] = {}
        trie: dict[str, list[_Alias]] = {}
        fuzzy_single: dict[str, set[int]] = {}
        fuzzy_multi: dict[str, set[int]] = {}
        loose: dict[str, list[_Alias]] = {}
        for idx, aliases in enumerate(self._entry_aliases):
            entry = self._entries[idx]
            seen: set[tuple[str, frozenset[str] | None]] = set()
            for text, langs in aliases:
                text = _nfc(text)
                if not text or (text, langs) in seen:
                    continue
                seen.add((text, langs))
                al = _Alias(text, idx, langs)
                key = fold_case(text)
                by_key.setdefault(key, []).append(al)
                loose.setdefault(fold(text), []).append(al)
                _trie_add(trie, key, al)
                if (len(key) >= 5 and key[-1] in _STEM_VOWELS and " " not in key
                        and _fuzzy_ok(text)):
                    _trie_add(trie, key[:-1], _Alias(text, idx, langs, stem=True))
                if entry.kind != ActorKind.country and _fuzzy_ok(text):
                    target = fuzzy_multi if " " in key else fuzzy_single
                    if len(key) >= 5:
                        target.setdefault(key, set()).add(idx)
            self._entries[idx] = replace(entry, aliases=tuple(t for t, _ in aliases))
        for key, al in demonyms.items():
            # a demonym given alone to resolve() ("Polish") still names its country
            by_key.setdefault(key, []).append(al)
            loose.setdefault(fold(al.text), []).append(al)
            _trie_add(trie, key, al)
            stem = demonym_stem(key)
            if stem is not None and stem != key:
                _trie_add(trie, stem, replace(al, stem=True))
        titles = sorted({fold_case(t) for t in self._titles}, key=len, reverse=True)
        logger.debug("gazetteer: %d entries, %d alias keys", len(self._entries), len(by_key))
        index = _Index(by_key, _Automata(trie), abbrev, _Titles(titles), fuzzy_single,
                       fuzzy_multi, loose, nouns=ActorNouns(self._actor_nouns, self._titles, self._head_nouns))
        every = {lang: [*self._actor_nouns.get(lang, ()), *self._head_nouns.get(lang, ())]
                 for lang in {*self._actor_nouns, *self._head_nouns}}
        index.officials = OfficialFinder(index.titles, {k: al.entry for k, al in demonyms.items()}, every,
                                         self._state_bodies())
        index.demonym_stems = frozenset(stems)
        return index

    def _state_bodies(self) -> dict[int, int]:
        """The entry of each organisation of one state (its ``affiliation`` a country code:
        the Kremlin, a ministry, an armed force) -> that country's entry, for the officials
        finder: whoever speaks for the body speaks for the state."""
        bodies = [(idx, e.affiliation) for idx, e in enumerate(self._entries)
                  if e.kind == ActorKind.organisation and e.affiliation and is_country_code(e.affiliation)]
        return {idx: self._country_entry(code) for idx, code in bodies}

    def _demonym_aliases(self) -> dict[str, _Alias]:
        """Folded demonym -> its alias; a demonym of two countries is dropped (a guess)."""
        out: dict[str, _Alias] = {}
        clashes: set[str] = set()
        for code, aliases in self._demonyms.items():
            idx = self._country_entry(code)
            for text, langs in aliases:
                key = fold_case(text)
                old = out.get(key)
                if old is not None and old.entry != idx:
                    clashes.add(key)
                out[key] = _Alias(text, idx, langs, demonym=True)
        derived: dict[str, _Alias] = {}
        for idx, text in self._nisba_demonyms():
            key = fold_case(text)
            if key not in out:
                if key in derived and derived[key].entry != idx:
                    clashes.add(key)
                derived[key] = _Alias(text, idx, frozenset({"ar"}), demonym=True)
        out.update(derived)
        for key in clashes:
            out.pop(key, None)
        return out

    def _nisba_demonyms(self) -> list[tuple[int, str]]:
        """(country entry, adjective) of the Arabic country adjectives made from each
        country's one-word Arabic name (:func:`nisba_adjectives`: "العراق" -> "العراقي",
        "السعودية" -> "السعودي", "روسيا" -> "الروسية"); a demonym the gazetteer lists wins,
        and one made for two countries names neither; a form that is a country's name
        ("السعودية", Saudi Arabia) stays that name."""
        out: list[tuple[int, str]] = []
        names: set[str] = set()
        for idx, entry in enumerate(self._entries):
            if entry.kind == ActorKind.country:
                own = [*self._entry_aliases[idx], *self._country_aliases.get(entry.iso_code or "", [])]
                names.update(name for name, _ in own)
                out.extend((idx, form) for name, _ in own for form in nisba_adjectives(name))
        return [(idx, form) for idx, form in out if form not in names]

    # ----------------------------------------------------------------- resolve

    def resolve(self, text: str, *, language: str | None = None) -> Actor:
        """The actor a name (possibly with a title) denotes, or an unresolved Actor.

        Args:
            text: a name as written: "Britain", "英国首相斯塔默", "Stamer", "英".
            language: ISO 639-1 code of the text, enabling language-specific
                aliases and inflection; ``None`` accepts every alias.

        Returns:
            ``Actor(resolved=True)`` with the canonical name when exactly one
            entry matches, else ``Actor(text=text, resolved=False)``.
        """
        entry = self.lookup(text, language=language)
        return entry.actor(text) if entry is not None else Actor(text=text, resolved=False)

    def lookup(self, text: str, *, language: str | None = None,
               strict: bool = False) -> GazetteerEntry | None:
        """The entry a name denotes, or None when it is unknown or ambiguous.

        Tries, in order: an alias as written (the case rules of :meth:`find`
        apply), the same alias ignoring accents, case and punctuation
        ("Jean-Noel Barrot", "Lars Lokke Rasmussen", "Viet Nam"), a
        single-character CJK abbreviation ("英"), and, unless ``strict``, the
        only mention :meth:`find` sees in the text (titles, inflection and
        misspellings: "英国首相斯塔默", "Путина", "Stamer"). Memoised per
        distinct string, so callers may ask for the same name a million times.

        Args:
            text: a name as written.
            language: ISO 639-1 code of the text (see :meth:`resolve`).
            strict: whole-name aliases only: no titles, no fuzzy matching.
        """
        key = (text, language, strict)
        memo = self._memo
        if key in memo:
            return memo[key]
        idx = self._resolve_index(text, language, strict)
        entry = self._entries[idx] if idx is not None else None
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        memo[key] = entry
        return entry

    def central_bank(self, code: str) -> Actor | None:
        """The central bank of the country with ISO 3166-1 alpha-2 ``code`` (an entry's
        ``central_bank_of``; the last one loaded wins), or None."""
        code = code.upper()
        for entry in reversed(self._entries):
            if entry.central_bank_of == code:
                return entry.actor(entry.name)
        return None

    def affiliation(self, name_or_actor: str | Actor, *,
                    language: str | None = None) -> str | None:
        """Whom a person speaks for: an ISO 3166-1 alpha-2 code or an organisation's name.

        ``affiliation("Keir Starmer") == "GB"``, ``affiliation("Рютте") ==
        "NATO"``. None for anyone who is not a person of the gazetteer with an
        affiliation (countries, organisations, unknown names).

        Args:
            name_or_actor: a name as written, or an :class:`Actor` (its
                canonical name is tried first when it is resolved, else its text).
            language: ISO 639-1 code of the text (see :meth:`resolve`).
        """
        if isinstance(name_or_actor, Actor):
            a = name_or_actor
            if not a.resolved and a.kind == ActorKind.person:
                return self._official_group(a.text, language)
            texts = (a.name, a.text) if a.resolved else (a.text, a.name)
        else:
            texts = (name_or_actor, None)
        for t in texts:
            if t:
                entry = self.lookup(t, language=language)
                if entry is not None:
                    return entry.affiliation if entry.kind == ActorKind.person else None
        return None

    def inflected(self, written: str, *, language: str | None = None) -> bool:
        """Whether a one-word name as written is a name in an inflected case: no alias as
        written (nor ignoring accents and case) and no country adjective, so the text
        matched it with an ending ("Украине", "Францию", "Ukrajini", "Polskę"; not
        "Украина", "Китай", "США", "российская"). In a language with cases that form is
        no subject: a dative, an accusative, a genitive."""
        if " " in written.strip() or self.lookup(written, language=language, strict=True) is not None:
            return False
        key = fold_case(written.strip())
        stems = self._built().demonym_stems
        return not any(key[:n] in stems for n in range(1, len(key) + 1))

    def governed(self, text: str, start: int, end: int, *, language: str | None = None) -> bool:
        """Whether the name at ``text[start:end]`` is in an oblique case (:meth:`inflected`)
        and not the genitive of a group after an actor noun or a title ("правительство
        Франции", "МИД России", "rząd Niemiec", a title of several words: "Міністр
        закордонних справ Польщі", "Minister spraw zagranicznych Litwy"): the name of an object, a recipient or the
        one warned ("Россия предупредила Францию", "Україні Німеччина пообіцяла")."""
        if not self.inflected(text[start:end], language=language):
            return False
        nouns = self._built().nouns
        if nouns.ends_title(fold_case(text[max(0, start - _TITLE_REACH) : start])):
            return False  # a title of several words owns it: "Министр обороны Белоруссии"
        if _MINISTRY_BEFORE.search(text, max(0, start - _TITLE_REACH), start) is not None:
            return False  # a ministry and its portfolio own it: "Министерство энергетики России"
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        return before is None or not nouns.is_noun(fold_case(before.group(1)), _lang(language))

    def _official_group(self, written: str, language: str | None) -> str | None:
        """Whom an official in no gazetteer speaks for, from the title as written
        ("Israeli Defence Minister Israel Katz": "IL"); None when the title names no one."""
        if written not in self._official_groups:
            self.find(written, language=language)  # fills the table when it is an official
        return self._official_groups.get(written)

    def _resolve_index(self, text: str, language: str | None, strict: bool) -> int | None:
        index = self._built()
        lang = _lang(language)
        s = _nfc(text).strip(" \t\n\"'“”‘’«»「」『』()[]《》.,:;!?、。，：")
        if not s:
            return None
        hit = self._exact(index, s, lang)
        if hit is None:
            hit = self._loose(index, s, lang)
        if hit is None and len(s) == 1 and s in index.abbrev:
            idx, langs, _ = index.abbrev[s]
            if _lang_ok(langs, lang):
                hit = idx
        if hit is not None or strict:
            return hit
        mentions = self.find(s, language=language)
        if len(mentions) == 1:
            m = mentions[0]
            rest = (s[: m.start] + s[m.end:]).strip()
            if rest in ("", "'s", "’s", "s'") and m.actor.name and m.actor.kind:
                return self._by_name.get((m.actor.name, ActorKind(m.actor.kind).value))
        return None

    def _loose(self, index: _Index, s: str, lang: str | None) -> int | None:
        found = {al.entry for al in index.loose.get(fold(s), [])
                 if _lang_ok(al.languages, lang) and _case_ok(al.text, s)}
        return found.pop() if len(found) == 1 else None

    def _exact(self, index: _Index, s: str, lang: str | None) -> int | None:
        found = {al.entry for al in index.by_key.get(fold_case(s), [])
                 if _lang_ok(al.languages, lang) and _case_ok(al.text, s)}
        return found.pop() if len(found) == 1 else None

    # -------------------------------------------------------------------- find

    def find(self, text: str, *, language: str | None = None) -> list[ActorMention]:
        """All actor mentions in ``text``: non-overlapping, longest match first.

        Returns:
            Mentions sorted by start offset; ``mention.text == text[start:end]``.
        """
        index = self._built()
        lang = _lang(language)
        folded = fold_case(text)
        cands = self._trie_candidates(index, text, folded, lang)
        taken: list[tuple[int, int, int]] = []  # (start, end, entry)
        covered = bytearray(len(text))
        for start, end, idx in sorted(cands, key=lambda c: (c[0] - c[1], c[0])):
            if covered.find(1, start, end) >= 0:  # any(covered[start:end]), in C
                continue
            covered[start:end] = b"\1" * (end - start)
            taken.append((start, end, idx))
        taken.extend(self._abbrev_candidates(index, text, covered, lang))
        taken.extend(self._fuzzy_candidates(index, text, covered))
        taken.sort()
        taken = self._surnames(text, taken)
        taken = self._with_parents(text, taken)
        taken = self._family_repeats(index, text, taken, lang)
        officials = index.officials.find(text, folded, lang, taken, self._is_person, self._own_first_name)
        if not officials:
            found = self._with_titles(index, text, folded, taken)
        else:
            found = self._with_officials(index, (text, folded), taken, officials)
            reading = "zh-TW" if lang == "zh" and traditional_chinese(text) else lang
            found = _english_names(with_full_names(found, text, lang, index.officials.not_name), reading,
                                   self._official_groups)
        found = with_namesakes(found, text, lang, self._not_first_name(index, text, lang), self._given_names())
        for groups in (_GROUPS.get(lang or ""), _GROUP_NOUN_NAMES.get(lang or "")):
            if groups is not None:
                found = _with_groups(text, found, groups, lang)
        # bodies in no gazetteer, by their shape; not over a news outlet's name ("Agence France-Presse")
        outlets = [(s, e) for s, e, idx in taken if self._entries[idx].media]
        return with_organisations(text, found, lang, _title_case_line, outlets)

    def _with_officials(self, index: _Index, texts: tuple[str, str],
                        taken: list[tuple[int, int, int]],
                        officials: list[Official]) -> list[ActorMention]:
        """The mentions of ``taken`` that no official's title and name overlap, and each
        official that overlaps none of them nor an official before it; sorted by start.
        Overlaps are looked up in masks of the text (:class:`Occupied`), not by looping
        over every pair: linear in a long document with many officials."""
        text, folded = texts
        written = Occupied(len(text), (o.written for o in officials))
        kept = [t for t in taken if not written.overlaps(t[0], t[1])]
        found = self._with_titles(index, text, folded, kept)
        mentioned = Occupied(len(text), ((m.start, m.end) for m in found))
        for o in officials:
            if not mentioned.overlaps(o.start, o.end):
                mentioned.add(o.start, o.end)
                found.append(self._official_mention(text, o))
        found.sort(key=lambda m: m.start)
        return found

    def _surnames(self, text: str, taken: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
        """``taken`` with a name that is the surname of a person named in full in ``text``
        read as that person ("Luís Montenegro ... Montenegro garante": the prime minister,
        not the country; no alias may say so, it would name two entries)."""
        surnames: dict[str, int] = {}
        for s, e, idx in taken:
            words = text[s:e].split()
            if len(words) >= 2 and self._entries[idx].kind == ActorKind.person:
                surnames.setdefault(words[-1], idx)
        if not surnames:
            return taken
        return [(s, e, surnames.get(text[s:e], idx) if self._entries[idx].kind != ActorKind.person else idx)
                for s, e, idx in taken]

    def _family_repeats(self, index: _Index, text: str, taken: list[tuple[int, int, int]],
                        lang: str | None) -> list[tuple[int, int, int]]:
        """``taken`` with each place a Chinese or Korean person of it is named again by the
        family name and a title (:func:`family_repeats`: "조 장관은", "王外长") read as that
        person, not as the country the clause names."""
        title = index.officials.family_title(lang)
        people = [t for t in taken if self._is_person(t[2])] if title is not None else []
        if not people or title is None:
            return taken
        used = Occupied(len(text), ((s, e) for s, e, _ in taken))
        found = family_repeats(text, [(s, text[s:e], idx) for s, e, idx in people], title,
                               lambda s, e: not used.overlaps(s, e))
        return sorted([*taken, *found]) if found else taken

    def _with_parents(self, text: str,
                      taken: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
        """``taken`` (sorted) with an agency and its parent written together read as one
        mention of the agency: the parent after it ("Programa Mundial de Alimentos (PMA)
        de la ONU", "Światowy Program Żywnościowy ONZ") or before it ("the UN's World
        Food Programme", "BM Dünya Gıda Programı"); the agency's acronym in brackets
        between them is taken in."""
        entries = self._entries
        out: list[tuple[int, int, int]] = []
        i, n = 0, len(taken)
        while i < n:
            s, e, idx = taken[i]
            parent = entries[idx].parent
            j = i + 1
            while j < n and taken[j][2] == idx and "(" in text[e:taken[j][0]]:
                j += 1  # "Programme alimentaire mondial (PAM)": its own acronym
            if parent and j < n and entries[taken[j][2]].name == parent and \
                    _PARENT_AFTER.fullmatch(text, e, taken[j][0]):
                out.append((s, taken[j][1], idx))
                i = j + 1
                continue
            if i + 1 < n and entries[taken[i + 1][2]].parent == entries[idx].name and \
                    _PARENT_BEFORE.fullmatch(text, e, taken[i + 1][0]):
                out.append((s, taken[i + 1][1], taken[i + 1][2]))
                i += 2
                continue
            out.append(taken[i])
            i += 1
        return out

    def _given_names(self) -> KnownNames:
        """The words of the people's names (:func:`given_names`)."""
        if self._given is None:
            self._given = given_names(
                (e.name, [a for a, _ in self._entry_aliases[i]])
                for i, e in enumerate(self._entries) if e.kind == ActorKind.person)
        return self._given

    def _not_first_name(self, index: _Index, text: str, lang: str | None) -> Callable[[str, int], bool]:
        """Whether the word at a place of ``text`` is no first name: a title's word, a listed
        non-name, an honorific, a country adjective ("the French Macron"), or any word of a
        headline in title case."""
        honorifics = self._folded_honorifics.get(lang)
        if honorifics is None:
            honorifics = self._folded_honorifics[lang] = frozenset(fold_case(h) for h in self.honorifics(lang))
        officials = index.officials
        return lambda word, at: (word in honorifics or any(officials.not_name(word[:n]) for n in _stems(word))
                                 or word in officials.demonyms or _title_case_line(text, at))

    def _is_person(self, idx: int) -> bool:
        return self._entries[idx].kind == ActorKind.person

    def _own_first_name(self, idx: int, word: str) -> bool:
        """Whether the folded ``word`` is one of the first names of person ``idx``
        (:meth:`KnownNames.own_first_name`: "keir" for Keir Starmer): a name that opens
        otherwise and ends in the person's surname is another person's."""
        return self._given_names().own_first_name(self._entries[idx].name, word)

    def _official_mention(self, text: str, o: Official) -> ActorMention:
        """The mention of an official in no gazetteer: a person named as written, whose
        group (from the title) :meth:`affiliation` gives."""
        written = text[o.written[0]:o.written[1]]
        groups = self._official_groups
        if written not in groups:
            if len(groups) >= _MEMO_SIZE:
                groups.clear()
            entry = self._entries[o.group] if o.group is not None else None
            groups[written] = None if entry is None else (
                entry.iso_code if entry.kind == ActorKind.country else entry.name)
        return ActorMention(o.start, o.end, text[o.start:o.end],
                            Actor(text=written, name=o.name, kind=ActorKind.person))

    def _trie_candidates(self, index: _Index, text: str, folded: str,
                         lang: str | None) -> list[tuple[int, int, int]]:
        """For each place a name may start, its longest unambiguous alias there.

        Every alias occurrence comes from the alias automata (:class:`_Automata`: one
        pass each over the text, only of those that may hit in it); each is kept only
        where a name may start and when its end, case and language fit.
        """
        best: dict[int, tuple[int, int, int]] = {}  # start -> (end, key's end, entry)
        starts: dict[int, bool] = {}
        adjectives: dict[tuple[int, int], int] = {}  # spans a demonym matches -> its key's end
        named: set[tuple[int, int]] = set()  # spans an alias matches whole, not inflected
        name_keys: dict[tuple[int, int], int] = {}  # spans another alias matches -> its key's end
        for automaton, haystack in index.automata.texts(text, folded):
            for last, (length, aliases) in automaton.iter(haystack):
                i, j = last + 1 - length, last + 1
                ok = starts.get(i)
                if ok is None:
                    ok = starts[i] = _NAME_START.match(text, i) is not None and (
                        not is_word_char(text[i]) or word_ok_before(text, i))
                if not ok:
                    continue
                hits = self._alias_hits(index, aliases, text, folded, (i, j), lang,
                                        (adjectives, named, name_keys))
                if len(hits) == 1:  # one alias naming two entries is ambiguous: skip it
                    (entry, end), = hits.items()
                    # the furthest end wins, then the longer key (the one a single pass
                    # in text order met last), whatever order the automata come in
                    if i not in best or (end, j) >= best[i][:2]:
                        best[i] = (end, j, entry)
        # a word read as a demonym qualifying no actor noun is no inflected name either
        # ("Polskie jabłka": not "Polska" with an ending), unless a name is written whole
        # there ("Russia", not "russ-e" + "ia") or a name matches more of the word than the
        # demonym ("Armenije": "Armenij-e", not "armen-ije" of Italian "armeno"), or as
        # much, whole and not as a stem ("Nepalu": "Nepal-u", not "nepal-u" of "Nepali");
        # checked once per word kept
        nouns = index.nouns
        return [(i, end, entry) for i, (end, _, entry) in best.items()
                if (i, end) not in adjectives or (i, end) in named
                or name_keys.get((i, end), 0) > adjectives[(i, end)]
                or ((i, end) in name_keys and _capitalised_inside(text, i, lang))
                or nouns.qualifies(folded, i, end, lang)]

    def _alias_hits(self, index: _Index, aliases: tuple[_Alias, ...], text: str, folded: str,
                    span: tuple[int, int], lang: str | None,
                    marks: tuple[dict[tuple[int, int], int], set[tuple[int, int]],
                                 dict[tuple[int, int], int]]) -> dict[int, int]:
        """Entry -> end of each alias of one automaton hit at ``span`` that fits there.

        ``marks`` collects the spans of demonyms (adjectives, with the end of their
        key), of other aliases matched whole (named), and of other aliases matched with
        an ending (with the end of their key)."""
        i, j = span
        adjectives, named, name_keys = marks
        hits: dict[int, int] = {}
        for al in aliases:
            end = self._end_ok(al, text, i, j, lang)
            if end is None:
                continue
            if al.demonym:
                adjectives[(i, end)] = max(j, adjectives.get((i, end), 0))
            else:  # a whole name with an ending ("Nepal-u") beats a demonym's stem as long
                name_keys[(i, end)] = max(j if al.stem else j + 1, name_keys.get((i, end), 0))
            if end == j and not al.stem and not al.demonym:
                named.add((i, end))
            hits[al.entry] = max(end, hits.get(al.entry, 0))
        return hits

    def _end_ok(self, al: _Alias, text: str, i: int, j: int, lang: str | None) -> int | None:
        langs = al.languages
        if (langs is not None and lang is not None and lang not in langs) or not _case_ok(
                al.text, text[i:j]):
            return None
        if al.last_katakana and _joined(text, i, j):
            return None  # a katakana name inside a longer katakana word (not after ・: マーク・カーニー)
        if text.startswith(_KO_NOT_A_NAME_BEFORE, j) and script_of(al.text[-1]) is Script.HANGUL:
            return None
        if not al.last_word:
            return None if al.stem else j
        if word_ok_after(text, j):
            return None if al.stem else j
        if lang not in _INFLECTING and not al.demonym:
            return None
        k = j
        while k < len(text) and k - j < _MAX_SUFFIX + 1 and is_word_char(text[k]):
            k += 1
        return k if word_ok_after(text, k) and k > j else None

    def _abbrev_candidates(self, index: _Index, text: str, covered: bytearray,
                           lang: str | None) -> list[tuple[int, int, int]]:
        abbrev = index.abbrev
        if not abbrev:
            return []
        chars = index.abbrev_chars
        if chars is None:
            return []
        # an abbreviation right after a character that makes it part of a word
        # ("方法", "完美", "24日") is not one
        ok: dict[int, int] = {}
        for m in chars.finditer(text):
            i = m.start()
            entry, langs, not_after = abbrev[text[i]]
            if not covered[i] and _lang_ok(langs, lang) and not (i > 0 and text[i - 1] in not_after):
                ok[i] = entry
        return [(i, i + 1, entry) for i, entry in ok.items()
                if i - 1 in ok or i + 1 in ok or text.startswith(_ABBREV_CONTEXT, i + 1)
                or (lang == "ko" and _korean_alone(abbrev[text[i]][1], text, i))]

    def _fuzzy_candidates(self, index: _Index, text: str,
                          covered: bytearray) -> list[tuple[int, int, int]]:
        out: list[tuple[int, int, int]] = []
        run: list[re.Match[str]] = []

        def flush() -> None:
            if not run:
                return
            if len(run) >= 2:
                s, e = run[0].start(), run[-1].end()
                hit = _fuzzy(index, index.fuzzy_multi, text[s:e], 8)
                if hit is not None:
                    out.append((s, e, hit))
                    run.clear()
                    return
            for m in run:
                if len(m.group()) >= FUZZY_MIN_LEN:
                    hit = _fuzzy(index, index.fuzzy_single, m.group(), FUZZY_MIN_LEN)
                    if hit is not None:
                        out.append((m.start(), m.end(), hit))
            run.clear()

        for m in CAPITALISED_WORD.finditer(text):
            if covered.find(1, m.start(), m.end()) >= 0 or not _fuzzy_ok(m.group()):
                flush()
                continue
            if run and NAME_GAP.fullmatch(text, run[-1].end(), m.start()) is None:
                flush()
            run.append(m)
        flush()
        return out

    def _with_titles(self, index: _Index, text: str, folded: str,
                     taken: list[tuple[int, int, int]]) -> list[ActorMention]:
        """People's mentions widened over their titles ("Prime Minister Keir Starmer");
        a country or organisation mention absorbed into a title ("UK Prime Minister ...")
        is dropped as a mention of its own."""
        by_end = {e: (s, idx) for s, e, idx in taken}
        dropped: set[int] = set()
        spans: dict[int, tuple[int, int, int]] = {}
        for s, e, idx in taken:
            if self._entries[idx].kind != ActorKind.person:
                continue
            fwd = _title_at(index.titles, text, folded, _skip_space(text, e), forward=True)
            new_s, titled_before, absorbed = self._title_before(index, text, folded, s, by_end,
                                                                spans)
            if fwd or titled_before:
                dropped.update(absorbed)
                spans[s] = (new_s, fwd or e, idx)
        out: list[ActorMention] = []
        for s, e, idx in taken:
            # a news outlet's name is covered (no "France" in "France 24") but is no actor
            if s in dropped or self._entries[idx].media:
                continue
            s2, e2, _ = spans.get(s, (s, e, idx))
            written = text[s2:e2]
            out.append(ActorMention(s2, e2, written, self._actor(idx, written)))
        return out

    def _actor(self, idx: int, written: str) -> Actor:
        """``self._entries[idx].actor(written)``, memoised (bounded): a corpus writes the same
        names again and again, and an :class:`Actor` is frozen."""
        actors = self._actors
        actor = actors.get((idx, written))
        if actor is None:
            if len(actors) >= _MEMO_SIZE:
                actors.clear()
            actor = actors[(idx, written)] = self._entries[idx].actor(written)
        return actor

    def _title_before(self, index: _Index, text: str, folded: str, s: int,
                      by_end: dict[int, tuple[int, int]],
                      spans: dict[int, tuple[int, int, int]]) -> tuple[int, bool, list[int]]:
        """Where a person's mention starts once the titles before it are taken in, whether
        there was one, and the starts of non-person mentions absorbed on the way."""
        new_s, pos, titled, absorbed = s, s, False, []
        while True:
            p = pos
            while p > 0 and text[p - 1] in " \u00a0":
                p -= 1
            t = _title_at(index.titles, text, folded, p, forward=False)
            if t is not None:
                pos = new_s = t
                titled = True
                continue
            for conn in ("",) + _CONNECTORS:
                q = p - len(conn)
                if folded[q:p] == conn and q in by_end:
                    ms, midx = by_end[q]
                    if self._entries[midx].kind != ActorKind.person and ms not in spans:
                        absorbed.append(ms)
                        pos = new_s = ms
                        break
            else:
                return new_s, titled, absorbed


#: capitalised words of a group's name
_CAP = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]*"
#: groups in no gazetteer, named in capitalised words with a group noun: the noun last
#: ("Sudan Liberation Army", "National Union of Rail Workers", "Rapid Support Forces"),
#: or first in the Romance languages ("Ejército de Liberación Nacional", "Frente
#: Polisario", "Syndicat National des Journalistes"); an armed group, a union or a party
#: speaks for itself
_EN_GROUP = re.compile(
    rf"(?<![\w'’-])(?!(?:The|A|An|But|And|In|On|At|For|As|If|When|While|After|Before|Former|Both)\b)"
    rf"(?:{_CAP} (?:(?:of|for|and) )?){{1,4}}"
    r"(?:Army|Forces|Front|Movement|Union|Party|Brigades?|Militia|Federation|Confederation"
    r"|Association|Congress|Alliance|Organi[sz]ation|Guards?|Committee|Council|Corps|Court|Tribunal)"
    rf"(?: (?:of|for) (?:the )?{_CAP}(?: (?:and )?{_CAP}){{0,3}})?(?![\w-])"
)
_ROMANCE_GROUP = re.compile(
    r"(?<![\w'’-])(?:Ejército|Exército|Esercito|Armée|Frente|Front|Movimiento|Movimento|Mouvement"
    r"|Partido|Partito|Parti|Sindicato|Syndicat|Confederación|Confederação|Confederazione"
    r"|Confédération|Fuerzas|Forças|Forze|Alianza|Aliança|Alleanza|Brigadas|Brigate|Milicia|Milícia|Milizia)"
    r"(?: (?:de la |de los |de las |del |des |du |de l['’]|d['’]|de |della |dei |degli |delle |di |da |do |dos |das )?"
    rf"{_CAP}(?: (?:de la |de |del |des |du |y |e |et |di |della |dei |delle |da |do |dos |das )?{_CAP}){{0,4}})(?![\w-])"
)
_GROUPS = {"en": _EN_GROUP, "es": _ROMANCE_GROUP, "pt": _ROMANCE_GROUP, "it": _ROMANCE_GROUP, "fr": _ROMANCE_GROUP}

#: a name after a group noun that is not part of it ("le syndicat CGT", "Partia Razem",
#: "Tập đoàn Vingroup"): an acronym or one to three capitalised words (one word in
#: Vietnamese, whose every syllable may be capitalised, and in German, which capitalises
#: every noun: "Die Gewerkschaft Verdi warnte vor Streiks")
_ACRONYM = r"[A-ZÀ-ÖØ-ÞĀ-Ž]{2,}\b(?: [A-ZÀ-ÖØ-ÞĀ-Ž][a-zà-öø-ÿā-ž]+\b)?"
_NAME_AFTER = rf"(?P<name>{_ACRONYM}|{_CAP}(?: {_CAP}){{0,2}})(?![\w-])"
_NOUN_NAMES = {
    "es": r"\b(?:[Ee]l|[Ll]as?|[Ll]os) (?:sindicato|partido|empresa|compañía|petrolera|organización|ONG|patronal)",
    "fr": r"\b(?:[Ll]e|[Ll]a|[Ll]['’]) ?(?:syndicat|parti|entreprise|groupe|organisation|ONG|ong|compagnie)",
    "it": r"\b(?:[Ii]l|[Ll]a|[Ll]['’]) ?(?:sindacato|partito|gruppo|azienda|società|organizzazione|ong|Ong)",
    "pt": r"\b(?:[Oo]|[Aa]) (?:sindicato|partido|empresa|companhia|organização|ONG|petrolífera)",
    "pl": r"(?:\b[Zz]wiązek zawodowy|\b[Pp]artia|\b[Kk]oncern|\b[Ss]półka|\b[Oo]rganizacja|\b[Ss]yndykat)",
    "hr": r"(?:\b[Ss]tranka|\b[Ss]indikat|\b[Tt]vrtka|\b[Uu]druga|\b[Kk]ompanija)",
    "id": r"(?:\b[Pp]artai|\b[Ss]erikat [Pp]ekerja|\b[Pp]erusahaan|\b[Oo]rganisasi)",
}
_GROUP_NOUN_NAMES = {
    lang: re.compile(rf"{noun} {_NAME_AFTER}") for lang, noun in _NOUN_NAMES.items()
} | {
    "de": re.compile(
        r"\b(?:Die|die|Der|der|Den|den) \w*(?:[Gg]ewerkschaft|[Pp]artei|[Kk]onzern|[Oo]rganisation|[Vv]erband)"
        rf" (?P<name>{_ACRONYM}|{_CAP})(?![\w-])"),
    "vi": re.compile(r"\b(?:Tập đoàn|Công ty|Công đoàn|Tổ chức) (?P<name>[A-Z][A-Za-z0-9]{2,})(?![\w-])"),
}


def _with_groups(text: str, found: list[ActorMention], pattern: re.Pattern[str],
                 lang: str | None = None) -> list[ActorMention]:
    """``found`` with the groups in no gazetteer (:data:`_GROUPS`) that overlap no person
    and no longer mention: a country inside the name is part of it ("*Sudan* Liberation
    Army"), and a known name the group's span is ("European Union") stays as known. A
    whole name its language's organisation tables read is named in English
    (:func:`~claimkit.normalize._organisations.english_name`: "Sindicato de Trabajadores
    Forestales" is "Forestry Workers Union").

    The mentions a group overlaps are looked up by their starts (:class:`_Near`), not
    by a loop over every mention for each group (a long text names hundreds of groups
    and thousands of actors). A group added overlaps no later one (the pattern's matches
    do not overlap), so only ``found`` is looked in."""
    groups = [m for m in pattern.finditer(text)]
    if not groups:
        return found
    near = _Near(found)
    added: list[ActorMention] = []
    for g in groups:
        s, e = g.span()
        inside = [found[k] for k in near.overlapping(s, e)]
        if len(inside) > 1 or _title_case_line(text, s) or any(
                m.actor.kind == ActorKind.person or m.start != s or m.end >= e for m in inside):
            continue  # a known name inside opens the group's name ("Sudan Liberation Army")
        own = "name" in pattern.groupindex
        if own:  # a group noun before the name: the name alone
            s, e = g.span("name")
        near.removed.update(near.overlapping(s, e))
        name = text[s:e] if own else english_name(text[s:e], lang) or text[s:e]
        added.append(ActorMention(s, e, text[s:e], Actor(text=text[s:e], name=name,
                                                         kind=ActorKind.organisation)))
    kept = [m for k, m in enumerate(found) if k not in near.removed]
    return sorted([*kept, *added], key=lambda m: m.start)


class _Near:
    """The mentions of a list that overlap a span: those starting at most the longest
    mention's length before it and before its end (two bisects over their starts), less
    the ones :attr:`removed`; as indexes into the list."""

    def __init__(self, mentions: Sequence[ActorMention]) -> None:
        self.mentions = mentions
        self.order = sorted(range(len(mentions)), key=lambda k: mentions[k].start)
        self.starts = [mentions[k].start for k in self.order]
        self.reach = max((m.end - m.start for m in mentions), default=0)
        self.removed: set[int] = set()

    def overlapping(self, s: int, e: int) -> list[int]:
        lo, hi = bisect_left(self.starts, s - self.reach), bisect_left(self.starts, e)
        return [k for k in self.order[lo:hi] if k not in self.removed and self.mentions[k].end > s]


#: a word of four letters or more, for telling a headline in title case
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


#: the languages whose officials' names are spelt as the country their title names spells
#: them: Arabic ("ar-EG": "Ahmed Kouchouk"), Russian and Ukrainian ("ru-KG": a Kyrgyz
#: official's "ж" as "j", :func:`romanised`)
_BY_COUNTRY = frozenset({"ar", "ru", "uk"})

#: the countries whose officials' Han names a Japanese text writes as their own language
#: reads them: in pinyin ("中国外務省の林剣報道官" is Lin Jian, not "Tsurugi Hayashi")
_CHINESE_READING = frozenset({"CN", "TW", "HK", "MO", "SG"})


def _english_names(found: list[ActorMention], lang: str | None,
                   groups: Mapping[str, str | None] | None = None) -> list[ActorMention]:
    """``found`` with each person in no gazetteer whose name is written in Han, Kana or
    Hangul named in English spelling (:func:`romanised`), and a Japanese name written
    family name first in Latin letters in English order (:func:`in_english_order`); the
    name as written stays the actor's text. ``groups``: whom each official (by the title
    and name as written) speaks for; a Chinese official's Han name in a Japanese text is
    read as Chinese, a Taiwanese official's in Wade-Giles as Taiwan writes it ("Lin
    Chia-lung", not "Lin Jialong"), an Arab official's as names are spelt in the country
    the title names ("ar-EG": "Ahmed Kouchouk"; a Kyrgyz official's Cyrillic name with "ж"
    as "j", "Jo-", not "Zho-"), a Chinese official's Cyrillic name in a
    Russian or Ukrainian text as its Palladius syllables give it in pinyin ("Сунь Вэйдун":
    Sun Weidong; :func:`chinese_from_palladius`), a Russian or Ukrainian name in Polish
    letters in a Polish text as its Cyrillic is romanised ("Iwan Sokołow": Ivan Sokolov;
    :func:`east_slavic`). ``lang`` "zh-TW": a Chinese text in
    Traditional characters, whose people are read in Wade-Giles unless their title names
    the mainland, Hong Kong, Macau or Singapore (:data:`_CHINESE_READING`: pinyin)."""
    out = []
    for m in found:
        a = m.actor
        if a.kind == ActorKind.person and not a.resolved and a.name:
            group = groups.get(a.text) if groups else None
            reading = "zh-TW" if group == "TW" else "zh" if lang in ("ja", "zh-TW") and group in _CHINESE_READING else (
                f"{lang}-{group}" if lang in _BY_COUNTRY and group and len(group) == 2 else lang)
            chinese = lang in ("ru", "uk") and group in _CHINESE_READING
            english = (chinese and chinese_from_palladius(a.name, lang, taiwan=group == "TW")) or romanised(
                a.name, reading) or (lang == "pl" and east_slavic(a.name)) or in_english_order(a.name)
            if english:
                m = ActorMention(m.start, m.end, m.text, a.model_copy(update={"name": english}))
        out.append(m)
    return out


#: how many letters of an ending a title word may carry ("Başbakanı", "Sözcüsü": a title
#: and its possessive)
_TITLE_ENDING = 3


def _stems(word: str) -> range:
    """The lengths of ``word`` and of its stems without an ending of up to
    :data:`_TITLE_ENDING` letters, longest first (at least four letters kept)."""
    return range(len(word), max(3, len(word) - _TITLE_ENDING - 1), -1)


def _title_case_line(text: str, at: int) -> bool:
    """The line holding ``at`` writes every longer word with a capital: a headline in
    title case ("Hungary Blocks Union Funds For Kyiv"), where capitals make no name."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    words = 0
    # the first longer word in lower case answers: in prose it comes within a few words,
    # so a long line (a text without line breaks) is not read whole for every name asked
    for w in _LONG_WORD.finditer(text, start, len(text) if end < 0 else end):
        if not w.group()[0].isupper():
            return False
        words += 1
    return words >= 3


#: the word right before a name (a space apart)
#: characters read before a name for a title of several words that owns it
_TITLE_REACH = 80
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)\s+$")


def _capitalised_inside(text: str, i: int, lang: str | None) -> bool:
    """Whether the word at ``i`` is capitalised inside a sentence of an inflecting language:
    there a country's name is written with a capital and its adjective in lower case, so a
    word that a name (with an ending) and a demonym both match is the name: "iz Hrvatske"
    (not "hrvatske vlade"), "do Libii" (not Spanish "libio"), "do Polski" (not "polski"),
    "u Njemačkoj". Only after a word in lower case: at a sentence start, in a line of
    capitals or a headline in title case the capital tells nothing."""
    if lang not in _INFLECTING or not text[i].isupper() or not text[i + 1: i + 2].islower():
        return False
    k = i
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return k < i and k > 0 and text[k - 1].islower()


def _demonym_form(alias: str, demonyms: dict[str, _Alias], stems: set[str]) -> bool:
    """Whether an alias of the ``countries`` section is a demonym ("Polish") or, written in
    lower case, an inflected form of one ("spanische" of "spanisch"): the demonym, which
    must qualify an actor noun, replaces it. A country's own name (CLDR: "Polska", "Iran")
    and a capitalised plural noun ("Americans") stay."""
    key = fold_case(alias)
    if _nfc(alias) in country_table():
        return False
    if key in demonyms:
        return True
    if " " in key or not alias[:1].islower():
        return False
    return any(key[:n] in stems for n in range(max(1, len(key) - _MAX_SUFFIX - 1), len(key)))


#: between an agency and its parent written after it: a space, the agency's acronym in
#: brackets, a word for "of" ("of the", "de la", "der", "delle", "da", "của")
_PARENT_AFTER = re.compile(
    r"[\s\u00a0]*(?:\([^()]{1,15}\)[\s\u00a0]*)?(?:(?:of the|of|de la|de las|de los|de l['’]|del|des|de"
    r"|du|der|delle|della|dell['’]|degli|dei|di|da|das|do|dos|của)[\s\u00a0]*)?"
)
#: between a parent and its agency after it: a space, a possessive "'s", Japanese の, nothing
#: after Han ("联合国世界卫生组织")
_PARENT_BEFORE = re.compile(r"(?:['’]s)?[\s\u00a0]+|の|-|(?<=[\u4e00-\u9fff])")

_DEFAULT_CACHE: dict[str, Gazetteer] = {}
_MEMO_SIZE = 200_000


def _code(value: Any, name: str) -> str | None:
    """Entry ``name``'s ``central_bank_of``: an ISO 3166-1 alpha-2 code, upper case (None: none)."""
    if value is None or value == "":
        return None
    return _iso_code(value, "central_bank_of", "JP", f"entry {name!r}: ")


def _iso_code(value: Any, key: str, example: str, where: str = "") -> str:
    """``value`` of a gazetteer file's ``key`` as an ISO 3166-1 alpha-2 code, upper case;
    an :class:`InputError` naming ``where`` it stands (an entry), the value as written
    and a code such as ``example`` when it is none."""
    code = str(value).upper()
    if not is_country_code(code):
        raise InputError("gazetteer", f"{where}unknown ISO 3166 alpha-2 code {str(value)!r} in "
                         f"'{key}'; use codes such as '{example}'")
    return code


def _affiliation(value: Any, name: str) -> str | None:
    if value is None or value == "":
        return None
    aff = _nfc(str(value))
    if len(aff) == 2 and aff.isupper() and not is_country_code(aff):
        raise InputError("gazetteer", f"entry {name!r}: affiliation {aff!r} is not an ISO 3166 "
                         "alpha-2 code; use a code such as 'GB' or an organisation's name")
    return aff
_CJK_CLASS = CJK_CHAR.pattern[1:-1]
#: where a name may start (a superset; the trie walk checks each): a character
#: after none of a spaced script's letters or digits, any CJK character, and a
#: letter after an Arabic proclitic ("وباريس")
_NAME_START = re.compile(rf"(?<![^\W_{_CJK_CLASS}])\S|[{_CJK_CLASS}]|(?<=[وفبلك])\w")
# after a single-character abbreviation: "美方" (the US side), "俄军", "英首相", "米政府"
_ABBREV_CONTEXT = ("方", "军", "軍", "总统", "總統", "首相", "总理", "總理", "外长", "外長",
                   "防长", "政府", "大統領", "外相", "国防", "國防", "官员", "官員", "側")


def _korean_alone(langs: frozenset[str] | None, text: str, i: int) -> bool:
    """Whether the one-character country at ``i``, listed for Korean (``langs``), stands
    among no other Han character: a Korean headline's "北" ("北, 한국에 경고", "北한")."""
    return langs is not None and "ko" in langs and not any(
        script_of(c) == Script.HAN for c in (text[i - 1:i], text[i + 1:i + 2]) if c)


def resolve_actor(text: str, *, language: str | None = None) -> Actor:
    """:meth:`Gazetteer.resolve` with :meth:`Gazetteer.default`."""
    return Gazetteer.default().resolve(text, language=language)


def find_actors(text: str, *, language: str | None = None) -> list[ActorMention]:
    """:meth:`Gazetteer.find` with :meth:`Gazetteer.default`."""
    return Gazetteer.default().find(text, language=language)


#: the dots that separate the parts of a name written in katakana (マーク・カーニー)
_NAME_DOTS = frozenset("・･")


def _joined(text: str, i: int, j: int) -> bool:
    """``text[i:j]`` continues into a longer katakana word on either side; the dot
    between the parts of a name (or of two names) does not join."""
    around = (text[j] if j < len(text) else "", text[i - 1] if i > 0 else "")
    return any(c and c not in _NAME_DOTS and is_katakana(c) for c in around)
