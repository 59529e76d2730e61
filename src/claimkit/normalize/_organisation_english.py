"""The English name of a body found by its shape, composed word by word.

:func:`claimkit.normalize._organisations.english_name` first reads a ministry's
portfolios ("Ministerio de Agricultura"); a body it cannot read that way is composed
here from the ``english`` part of its language's organisation table:

``bodies``
    an organisation word as written -> an English template, the body's own words
    going into ``{}`` ("Agence": "{} Agency", "Bundesamt": "Federal Office for {}",
    "Kurumu": "{} Authority", 委员会: "{} Commission"); the ``heads`` of the
    portfolio reading count too;
``adjectives`` and ``nouns``
    the common words of names, folded, -> English ("nationale": "National",
    "sécurité": "Security"); a key ending in ``-`` is a stem that takes any of the
    table's ``endings`` ("национальн-": "National" reads "Национальный",
    "национальной"); German nouns missing from the table are read as compounds of
    known parts ("Strahlenschutz": "Radiation Protection");
``order``
    how the words of a name stand: ``romance`` (the adjective after its noun:
    "Agence nationale de sécurité sanitaire"), ``slavic`` (the adjective before its
    noun, genitives after: "Служба гражданской авиации"), ``head_last`` (Turkish: the
    words before the head in English order), and ``places_first`` (Vietnamese and
    Indonesian: "Hiệp hội Lương thực Việt Nam" is "Vietnam Food Association").

English puts the adjectives of the head first, then the complements (their chain of
genitives read backwards: "coopératives de pêcheurs" is "Fishers Cooperatives"), then
the head: "Agence nationale de sécurité sanitaire" -> "National Health Security
Agency"; a country after an "of" join stays after it ("Associação Médica de
Moçambique" -> "Medical Association of Mozambique"). A company's own name the text
gives by its form ("PT Pertamina", ПАО «Северсталь») is a proper name inside another
body, kept as written (romanised from Cyrillic): "Serikat Pekerja Pertamina" is
"Pertamina Workers Union". Any other word the tables do not know leaves the name as
written (None here): never half English.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from importlib import resources

from claimkit.normalize.countries import country_name, country_table
from claimkit.text import fold

__all__ = ["composed_english"]


@dataclass(frozen=True)
class _Compose:
    """One language's tables for composing a body's English name (module docstring)."""

    heads: tuple[tuple[str, str], ...]  # as written -> template, longest first
    adjectives: dict[str, str]
    nouns: dict[str, str]
    stems: tuple[tuple[str, str, bool], ...]  # stem, English, adjective; longest first
    endings: tuple[str, ...]
    skip: frozenset[str]
    ands: frozenset[str]
    order: str
    places_first: bool
    longest: int
    compounds: bool = False
    linkers: tuple[str, ...] = field(default=())


@functools.cache
def _compose_table(lang: str) -> _Compose | None:
    """The composing tables of ``lang``; None when its ``english`` part has no ``bodies``."""
    path = resources.files("claimkit").joinpath(f"normalize/data/organisations/{lang}.json")
    raw = json.loads(path.read_text("utf-8")).get("english") if path.is_file() else None
    if not raw or not raw.get("bodies"):
        return None
    heads = {**raw.get("heads", {}), **raw["bodies"]}
    adjectives = {fold(k): v for k, v in raw.get("adjectives", {}).items() if not k.endswith("-")}
    nouns = {fold(k): v for k, v in {**raw.get("words", {}), **raw.get("nouns", {})}.items()
             if not k.endswith("-")}
    stems = [(fold(k[:-1]), v, True) for k, v in raw.get("adjectives", {}).items() if k.endswith("-")]
    stems += [(fold(k[:-1]), v, False) for k, v in raw.get("nouns", {}).items() if k.endswith("-")]
    longest = max((len(k.split()) for k in (*adjectives, *nouns)), default=1)
    return _Compose(
        heads=tuple(sorted(heads.items(), key=lambda kv: len(kv[0]), reverse=True)),
        adjectives=adjectives, nouns=nouns,
        stems=tuple(sorted(stems, key=lambda s: len(s[0]), reverse=True)),
        endings=tuple(sorted(raw.get("endings", ()), key=len, reverse=True)),
        skip=frozenset(fold(w) for w in raw.get("skip", ())) | frozenset(fold(w) for w in raw.get("joins", ())),
        ands=frozenset(fold(w) for w in raw.get("and", ())), order=raw.get("order", "romance"),
        places_first=bool(raw.get("places_first")),
        longest=max(longest, 3), compounds=bool(raw.get("compounds")), linkers=tuple(raw.get("linkers", ())))


def composed_english(name: str, lang: str, proper: Collection[str] = ()) -> str | None:
    """The English name of the body ``name`` (as written, in ``lang``) composed from its
    language's tables (module docstring); ``proper`` are names the text gives as a
    company's own ("Pertamina" of "PT Pertamina"), kept inside as written (romanised
    from Cyrillic); None when a word is unknown."""
    table = _compose_table(lang)
    if table is None:
        return None
    for head, template in table.heads:
        if name.startswith(head) and (len(name) == len(head) or not name[len(head)].isalnum()):
            rest, first = name[len(head):], True
        elif name.endswith(head) and (len(name) == len(head) or not name[-len(head) - 1].isalnum()):
            rest, first = name[: len(name) - len(head)], False
        else:
            continue
        words = _WORDS.findall(rest)
        if lang == "ar":  # "والثروة": and the ...
            words = [p for w in words for p in (("و", w[1:]) if w.startswith("وال") else (w,))]
        items = _items(words, table, frozenset(proper))
        if items is None:
            return None
        if not first or table.order == "head_last":
            return _head_last(items, template)
        return _head_first(items, template, table)
    return None


#: the words of a name: an elided article or join apart ("d'", "l'"), a comma apart
_WORDS = re.compile(r"[^\s,'’]+['’]?|,")


def _joined(words: list[str]) -> str:
    """Words read back together as written ("Côte d' Ivoire" is "Côte d'Ivoire")."""
    return "".join(w if w.endswith(("'", "’")) or i == len(words) - 1 else w + " " for i, w in enumerate(words))


#: one read word: kind ("adj", "noun", "place", "and", "join") and its English
_Item = tuple[str, str]


def _items(words: list[str], table: _Compose, proper: frozenset[str]) -> list[_Item] | None:
    """The words of a name after (or before) its head as English items, the longest
    known run of words first; None when a word is unknown."""
    out: list[_Item] = []
    i = 0
    while i < len(words):
        if words[i] == ",":
            out.append(("and", "and"))
            i += 1
            continue
        got = _read(words, i, table, proper)
        if got is None:
            return None
        kind, english, n = got
        out.append((kind, english))
        i += n
    return out


def _read(words: list[str], i: int, table: _Compose, proper: frozenset[str]) -> tuple[str, str, int] | None:
    """The item the words from ``i`` make: (kind, English, how many words)."""
    for n in range(min(table.longest, len(words) - i), 0, -1):
        key = fold(_joined(words[i : i + n]))
        if n == 1 and key in table.ands:
            return "and", "and", 1
        if n == 1 and key in table.skip:
            return "join", "", 1
        if key in table.adjectives:
            return "adj", table.adjectives[key], n
        if key in table.nouns:
            return "noun", table.nouns[key], n
        written = _joined(words[i : i + n])
        place = _place(written, table)
        if place is not None:
            return "place", place, n
        if written in proper:
            return "noun", _romanised(written), n
    key = fold(words[i])
    stem = _stem(key, table)
    if stem is not None:
        return stem[0], stem[1], 1
    parts = _compound(key, table) if table.compounds else None
    return ("noun", parts, 1) if parts else None


def _romanised(written: str) -> str:
    """A proper name as written, in Latin letters when it is Cyrillic."""
    if re.search(r"[А-Яа-яЁёЄєІіЇїҐґ]", written):
        from claimkit.normalize._names import romanised

        return romanised(written, None) or written
    return written


def _stem(key: str, table: _Compose) -> tuple[str, str] | None:
    """A word read as a stem of the tables and one of the language's endings."""
    for stem, english, adjective in table.stems:
        if key.startswith(stem) and key[len(stem):] in table.endings:
            return ("adj" if adjective else "noun"), english
    return None


def _compound(key: str, table: _Compose) -> str | None:
    """A German compound read as known nouns in a row, a linking letter allowed between
    ("strahlenschutz" -> "Radiation Protection"); None when a part is unknown."""
    if key in table.nouns:
        return table.nouns[key]
    for cut in range(len(key) - 3, 2, -1):
        head = key[:cut]
        english = table.nouns.get(head) or table.adjectives.get(head)
        for link in ("", *table.linkers):
            if english is None and head.endswith(link) and link:
                english = table.nouns.get(head[: -len(link)])
        if english is not None:
            tail = _compound(key[cut:], table)
            if tail is not None:
                return f"{english} {tail}"
    return None


def _place(written: str, table: _Compose) -> str | None:
    """The English name of a country as written (in the nominative, or with one of the
    language's endings off: "Казахстана"), else None."""
    countries = country_table()
    code = countries.get(written)
    if code is None and len(written) > 4:
        code = next((countries[c] for e in table.endings if e and written.endswith(e)
                     for c in (written[: -len(e)], written[: -len(e)] + "а", written[: -len(e)] + "я")
                     if c in countries), None)
    return country_name(code) if code else None


def _head_last(items: list[_Item], template: str) -> str | None:
    """A head-last name's English: its words in their own order before the head."""
    words = [e for k, e in items if k != "join"]
    if not words or words[0] == "and" or words[-1] == "and":
        return None
    return _filled(template, " ".join(words))


def _filled(template: str, words: str) -> str:
    """``template`` with ``words`` in it; without its slot (and the "of" before it) when
    there are none."""
    if words:
        return template.format(words)
    return re.sub(r"\s*(?:\b(?:of|for)\s+)?\{\}\s*", " ", template).strip()


def _head_first(items: list[_Item], template: str, table: _Compose) -> str | None:
    """A head-first name's English: the head's adjectives, the complements read backwards,
    the head, a country after it ("of X") or, in ``places_first`` languages, before."""
    phrases = _phrases(items, table.order == "slavic")
    if phrases is None:
        return None
    head, comps = phrases[0], phrases[1:]
    places = [p for p in comps if p[0] == "place"]
    comps = [p for p in comps if p[0] != "place"]
    if len(places) > 1 or (places and table.places_first is False and phrases[-1][0] != "place"):
        return None  # a country in the middle
    fields = " ".join(" ".join([*p[1], *p[2]]) for p in reversed(comps))
    out = " ".join([*head[1], _filled(template, fields)])
    if places:
        out = f"{places[0][2][0]} {out}" if table.places_first else f"{out} of {places[0][2][0]}"
    return out


#: a phrase: kind ("head", "noun", "place"), its adjectives' English, its nouns' English
_Phrase = tuple[str, list[str], list[str]]


def _phrases(items: list[_Item], adjective_first: bool) -> list[_Phrase] | None:
    """The items cut into phrases: a join, a country, or a noun after a noun (a genitive)
    opens one, and in ``adjective_first`` languages an adjective after a noun; an "and"
    keeps the next word in the phrase. Trailing adjectives stay with the phrase before."""
    phrases: list[_Phrase] = [("head", [], [])]
    joined = opened = False
    for kind, english in items:
        last = phrases[-1]
        if kind == "join":
            opened = not joined  # "et d'industrie": the join after "and" opens nothing
            continue
        if kind == "and":
            if not (last[1] or last[2]) or joined:
                return None
            joined = True
            continue
        new = _opens(kind, last, opened, joined, adjective_first)
        target = last[1] if kind == "adj" else last[2]
        if new:
            phrases.append(("place" if kind == "place" else "noun", [], []))
            target = phrases[-1][1] if kind == "adj" else phrases[-1][2]
        elif joined:
            target.append("and")
        target.append(english)
        joined = opened = False
    if joined or opened:
        return None
    return _trailing(phrases)


def _opens(kind: str, last: _Phrase, opened: bool, joined: bool, adjective_first: bool) -> bool:
    """Whether a word of ``kind`` after the phrase ``last`` opens a phrase of its own."""
    if kind == "place" or last[0] == "place" or opened:
        return True
    if joined:
        return False
    if kind == "noun" or adjective_first:
        return last[0] == "head" or bool(last[2])
    return False


def _trailing(phrases: list[_Phrase]) -> list[_Phrase] | None:
    """``phrases`` with a last phrase of adjectives alone merged into the one before it
    ("Izba Rolnicza": the head's adjective)."""
    if len(phrases) > 1 and phrases[-1][0] == "noun" and not phrases[-1][2]:
        kind, adjs, nouns = phrases[-2]
        phrases[-2:] = [(kind, [*adjs, *phrases[-1][1]], nouns)]
    if any(p[0] != "head" and not p[2] for p in phrases):
        return None
    return phrases
