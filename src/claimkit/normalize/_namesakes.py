"""A known person's surname after another first name: another person, named as written.

Private to :mod:`claimkit.normalize.actors`. The gazetteer knows people by their
surname alone ("Macron", "Orbán", "Лавров"), so a text naming someone else with the
same surname ("Brigitte Macron", "Pablo Orbán", "Ольга Лаврова") read as the known
person: his name, his country, his claims. A surname mention written right after a
capitalised word that is a first name and none of the known person's (nor a form of
one: "Sergei"/"Sergey", "Wladimir"/"Vladimir", "Сергеем"/"Сергей") is that other
person, named as written, whom the gazetteer does not know.

What counts as a first name before the surname: a capitalised word, not in capitals
only, no title's word or listed non-name ("President", "Mr", "Monday"), no honorific,
no country adjective ("the French Macron"), no word of a headline in title case, no
part of another mention (a country: "France Macron"), no possessive ("Labour's");
and, where a capital does not tell a name (a sentence's first word: "Yesterday Macron";
every German noun: "Oppositionsführer Merz"), a first name the gazetteer writes for
someone ("Thomas", "Maria"). Scripts without capitals and the languages whose short
form of a name is the given name (Vietnamese) or that write one-word names (Indonesian)
are left as they are.

The one table of the known people's first names (:class:`KnownNames`) and the one
comparison (:meth:`KnownNames.own_first_name`) serve the officials' finder too
(:mod:`._officials`): a name after a title that ends in a known person's surname is his
when it opens with one of his first names ("Turkish President Tayyip Erdogan"), another
bearer's otherwise ("María del Carmen Ruiz Sánchez").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz.fuzz import ratio

from claimkit.normalize._names import PARTICLES_BETWEEN, romanised
from claimkit.normalize.mentions import ActorMention
from claimkit.schemas import Actor, ActorKind
from claimkit.text import Script, fold, fold_case, script_of

__all__ = ["KnownNames", "given_names", "with_namesakes"]

#: the word right before a mention, and the space that joins them (name particles between
#: allowed: "Pieter de Vries"); not after a full stop (an initial, "J. Smith") or a digit
_WORD_BEFORE = re.compile(rf"(?<![\w.'’-])([^\W\d_][\w'’-]*) {PARTICLES_BETWEEN}$")
#: what stands before a word that opens a sentence: the text's start, or a sentence's end
_SENTENCE_START = re.compile(r"(?:^|[.!?。:;\"“”«»„()\[\]–—-]\s*|\n\s*)$")
#: a possessive "Labour's", "Kremlin’s"
_POSSESSIVE = re.compile(r"['’]s?$")
#: languages whose every noun is capitalised: a capital before a surname does not tell a name
_NOUNS_CAPITALISED = frozenset({"de"})
#: languages left as they are: a Vietnamese name is shortened to its given name, written
#: last ("Bộ trưởng Hải"); many Indonesians have one name
_NOT_READ = frozenset({"vi", "id"})
#: scripts that write names with capitals
_CAPITALS = (Script.LATIN, Script.CYRILLIC)
#: how close two first names are when they are one name in two spellings or cases (0-100:
#: "Alaksandr"/"Alexander" 67, "Zhan-Noelem"/"Jean-Noël" 70; "Jean"/"Emmanuel" 50)
_SAME_NAME = 60
#: the shared opening that makes two first names one name ("Jean" in "Jean-Noël", "Сергеем")
_SAME_OPENING = 4


@dataclass(frozen=True)
class KnownNames:
    """The people of the gazetteer by their names' words (folded): each one's first
    names (the words before the last of his name and aliases: "Recep", "Tayyip") and
    surnames (their last words, and his aliases of one word), and every known first name."""

    firsts: Mapping[str, frozenset[str]]
    surnames: Mapping[str, frozenset[str]]
    known: frozenset[str]

    def own_first_name(self, person: str, word: str) -> bool:
        """Whether the folded ``word`` is one of ``person``'s first names in some spelling
        or form (:func:`_same_name`: "dmitriy" for Dmitry Peskov, "sergeem" for Sergey
        Lavrov) or its initial ("j" for John Smith)."""
        own = self.firsts.get(person, frozenset())
        if len(word) == 1:
            return any(f.startswith(word) for f in own)
        return any(_same_name(word, f) for f in own)


def given_names(entries: Iterable[tuple[str, Iterable[str]]]) -> KnownNames:
    """:class:`KnownNames` of the people ``entries`` names: (canonical name, aliases)."""
    firsts: dict[str, frozenset[str]] = {}
    surnames: dict[str, frozenset[str]] = {}
    for name, aliases in entries:
        written = [a.split() for a in (name, *aliases)]
        firsts[name] = frozenset(fold(w) for words in written for w in words[:-1])
        surnames[name] = frozenset(fold(words[-1]) for words in written if words)
    return KnownNames(firsts, surnames, frozenset(f for names in firsts.values() for f in names))


def with_namesakes(found: list[ActorMention], text: str, language: str | None,
                   not_name: Callable[[str, int], bool], people: KnownNames) -> list[ActorMention]:
    """``found`` with each known person's one-word mention written right after another
    first name (:func:`_other_first_name`) read as that other person, named as written
    ("Brigitte Macron", not Emmanuel Macron). ``not_name``: whether the folded word at a
    place is no first name (a title's word, a country adjective, a headline's word);
    ``people``: :func:`given_names`. The namesake's surname written alone elsewhere as he
    writes it and as the known person never is, is his too (:func:`_surnames_of_namesakes`)."""
    if language in _NOT_READ:
        return found
    out: list[ActorMention] = []
    taken = sorted((m.start, m.end) for m in found)  # mentions do not overlap
    namesakes: dict[tuple[str, str], Actor] = {}  # (known person, surname as written) -> the namesake
    for m in found:
        a = m.actor
        if _surname_alone(m):
            start = _other_first_name(text, m.start, (a.label, people), (language, not_name), taken)
            if start is not None:
                written = text[start:m.end]
                namesake = Actor(text=written, name=written, kind=ActorKind.person)
                namesakes.setdefault((a.label, m.text), namesake)
                m = ActorMention(start, m.end, written, namesake)
        out.append(m)
    return _surnames_of_namesakes(out, namesakes, people) if namesakes else out


def _surname_alone(m: ActorMention) -> bool:
    """A known person named by one capitalised word of a script with capitals."""
    a = m.actor
    return a.kind == ActorKind.person and a.resolved and " " not in m.text and m.text[:1].isupper() and (
        script_of(m.text[0]) in _CAPITALS)


def _surnames_of_namesakes(found: list[ActorMention], namesakes: Mapping[tuple[str, str], Actor],
                           people: KnownNames) -> list[ActorMention]:
    """``found`` with the surname of a namesake written alone elsewhere, as he writes it and
    no name of the known person ("Guverner ... Boris Vujčić" and the headline's "Vujčić", which
    the gazetteer read loosely as Aleksandar Vučić), read as the namesake: the text names
    only him so. A surname the known person is written with ("Macron" after "Brigitte
    Macron") stays his."""
    out = []
    for m in found:
        namesake = namesakes.get((m.actor.label, m.text)) if _surname_alone(m) else None
        if namesake is not None and fold(m.text) not in people.surnames.get(m.actor.label, frozenset()):
            m = ActorMention(m.start, m.end, m.text, namesake.model_copy(update={"text": m.text}))
        out.append(m)
    return out


def _other_first_name(text: str, at: int, whose: tuple[str, KnownNames],
                      how: tuple[str | None, Callable[[str, int], bool]], taken: list[tuple[int, int]]) -> int | None:
    """Where the first name written right before ``at`` starts, when it is a first name
    and none of the person's own (``whose``: the person, the people's names); None
    otherwise."""
    language, not_name = how
    w = _WORD_BEFORE.search(text, max(0, at - 40), at)
    if w is None:
        return None
    word = w.group(1)
    folded = fold(word)
    if not word[0].isupper() or word.isupper() or _POSSESSIVE.search(word) or not_name(fold_case(word), w.start(1)):
        return None
    i = bisect_right(taken, (w.start(1), len(text) + 1)) - 1  # the last mention starting at or before it
    if i >= 0 and taken[i][1] > w.start(1):
        return None  # a country or a body: "France Macron", "NATO Rutte"
    person, people = whose
    latin = romanised(word, language) if script_of(word[0]) == Script.CYRILLIC else None
    forms = {folded} if latin is None else {folded, fold(latin)}  # "Петер" is "Peter"
    if any(people.own_first_name(person, form) for form in forms):
        return None
    opens = _SENTENCE_START.search(text, max(0, w.start(1) - 3), w.start(1)) is not None
    if (opens or language in _NOUNS_CAPITALISED) and forms.isdisjoint(people.known):
        return None  # "Yesterday Macron", "Oppositionsführer Merz": no capital tells a name
    return w.start(1)


def _same_name(a: str, b: str) -> bool:
    """Two folded first names are one name in two spellings or forms."""
    if a == b:
        return True
    n = min(len(a), len(b), _SAME_OPENING)
    return (n >= _SAME_OPENING and a[:n] == b[:n]) or ratio(a, b) >= _SAME_NAME
