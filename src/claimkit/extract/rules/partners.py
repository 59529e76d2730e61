"""People in no gazetteer named bare after "with" in Russian, Ukrainian, Polish and
Croatian: "встретился с Иваном Петровым", "зустрівся з Тарасом Бондаренком", "rozmawiał z
Janem Kowalskim", "sastao se s Ivanom Horvatom".

The gazetteer knows famous people and the officials finder reads a name after a title; a
meeting's other party named with no title was found by neither. These languages put the
person after the comitative preposition in the instrumental, which marks the name: a
first name and a surname (two capitalised words) whose endings are both a man's
instrumental ("-ом", "-ем" and "-ым", "-им"; Polish "-em" and "-im", "-ym"; Croatian
"-om", "-em"), or a woman's with a surname of a declining shape ("Анной Петровой",
"Anną Kowalską"), are a person, put back in the nominative
(:func:`~claimkit.normalize._name_cases.nominative`) and romanised (a Russian or
Ukrainian name in Polish letters too: "z Iwanem Sokołowem" is Ivan Sokolov,
:func:`~claimkit.normalize._polish_transcription.east_slavic`). A name another finder
took (a country, a place, a known person) is left to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from claimkit.extract.rules.support import Mention
from claimkit.normalize._name_cases import COMITATIVE, nominative
from claimkit.normalize._names import romanised
from claimkit.normalize._polish_transcription import east_slavic
from claimkit.schemas import Actor, ActorKind

__all__ = ["comitative_people"]

#: per language: the comitative prepositions, then (first name, surname) endings of a man's
#: name in the instrumental and of a woman's (her surname of a declining shape: "-овой",
#: "-ской", "-ską"; one that does not decline, "Шевчук", tells no case)
_SHAPES: dict[str, tuple[str, tuple[str, str], tuple[str, str] | None]] = {
    "ru": (COMITATIVE["ru"], ("(?:ом|ем|ём)", "(?:ым|им|ом|ем)"), ("(?:ой|ей|ёй)", "(?:ов|ев|ёв|ин|ын|ск|цк)ой")),
    "uk": (COMITATIVE["uk"], ("(?:ом|ем|єм)", "(?:им|ом|ем)"), ("(?:ою|ею|єю)", "(?:ов|ев|єв|ін|ин|ськ|цьк)ою")),
    "pl": (COMITATIVE["pl"], ("em", "(?:im|ym|em)"), ("ą", "(?:sk|ck|dzk)ą")),
    "hr": (COMITATIVE["hr"], ("(?:om|em)", "(?:om|em)"), None),
}
#: what follows a name: no further word with a capital ("с Иваном Петровым Сергеевичем")
_NEXT_CAPITAL = re.compile(r"[ \u00a0]+[^\W\d_]")


def _pattern(lang: str) -> re.Pattern[str]:
    """The comitative preposition of ``lang`` and two words whose endings are a man's or a
    woman's name in the instrumental (group 1); :func:`_capitalised` checks their capitals."""
    prepositions, man, woman = _SHAPES[lang]
    names = "|".join(rf"[^\W\d_]+{first}[ \u00a0][^\W\d_-]+(?:-[^\W\d_]+)?{last}"
                     for first, last in [man, *([woman] if woman else [])])
    return re.compile(rf"(?<![\w-])(?:{prepositions})[ \u00a0]+({names})(?![\w-])", re.IGNORECASE)


_PATTERNS = {lang: _pattern(lang) for lang in _SHAPES}


def _capitalised(words: str) -> bool:
    """Every word of ``words`` a capital, then lower-case letters (a hyphen inside)."""
    return all(w[:1].isupper() and w[1:].replace("-", "").islower() for w in words.split())


def comitative_people(text: str, lang: str | None, taken: Sequence[Mention],
                      known: Callable[[str], Actor | None]) -> list[Mention]:
    """The people named bare in the instrumental after "with" in ``text`` (see the module),
    as person actors in the nominative and in English spelling; none that a mention of
    ``taken`` overlaps or that ``known`` (the gazetteer) resolves."""
    pattern = _PATTERNS.get(lang or "")
    if pattern is None:
        return []
    out: list[Mention] = []
    for m in pattern.finditer(text):
        s, e = m.span(1)
        written = m.group(1)
        nxt = _NEXT_CAPITAL.match(text, e)
        if not _capitalised(written) or (nxt is not None and text[nxt.end() - 1].isupper()):
            continue  # a lower-case word, or a longer name ("с Иваном Петровым Сергеевичем")
        if any(t.start < e and s < t.end for t in taken) or known(written) is not None:
            continue
        base = nominative(written, lang or "", instrumental=True)
        name = romanised(base, lang) or (lang == "pl" and east_slavic(base)) or base
        out.append(Mention(s, e, Actor(text=written, name=name, kind=ActorKind.person)))
    return out
