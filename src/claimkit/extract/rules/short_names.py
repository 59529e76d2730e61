"""A person named again by the surname (or the given name) alone after a full mention:
"Tedros warned ..." after "Tedros Adhanom Ghebreyesus", "Sokołow ostrzegł" after "z
Iwanem Sokołowem", "Клюге предупредил" after "Гансом Клюге".

The finders read a person by the full name (the gazetteer's, a title's holder, a name
beside a verb of saying or after "with"); the officials finder alone also reads its
holders' last words later on. A person found another way and named again by one word
was no one, and the claim went to whoever else the sentence or the one before named,
most often a country. Here, after a person's first mention, a capitalised word that no
other mention covers is that person when it is the last word of the mention as written,
or the first word of the person's canonical name written in that mention ("Tedros"),
and only one person of the text has that word. In Polish, Croatian, Russian and
Ukrainian the words are compared without a case ending ("Sokołowem" / "Sokołow",
"Петровой" / "Петрова"). A word beside another capitalised word ("Anna Kluge": another
person; unless the text also writes that word in lower case: "Then Kluge") or written in
lower case somewhere in the text itself (a noun) is no such repeat.

Only languages whose scripts mark names with capitals (German too: its nouns are
capitalised, but the lower-case guard and the one-person rule hold there as well).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from claimkit.extract.rules.reported import LANGUAGES
from claimkit.extract.rules.support import Mention
from claimkit.extract.rules.text import NAME_WORD as _TOKEN
from claimkit.extract.rules.text import lower_words
from claimkit.normalize._gazetteer_index import Occupied
from claimkit.schemas import ActorKind

__all__ = ["short_repeats"]

#: the languages read
_READ = LANGUAGES | {"de"}
#: the case endings a surname or a given name takes, per language, compared without
#: (longest first); a stem keeps at least :data:`_MIN_STEM` letters
_ENDINGS: dict[str, tuple[str, ...]] = {
    "pl": ("ego", "emu", "owi", "em", "om", "ie", "a", "u", "y", "i", "ą", "ę", "e"),
    "hr": ("ima", "ovi", "om", "em", "u", "a", "i", "e"),
    "ru": ("ого", "ему", "ым", "ом", "ем", "ой", "ою", "у", "ю", "а", "я", "е", "ы", "и", "о"),
    "uk": ("ого", "ому", "ові", "еві", "им", "ом", "ем", "ою", "ої", "ій", "у", "ю", "а", "я", "е", "і", "и", "о"),
}
_MIN_STEM = 4
#: the shortest word read as a repeat
_MIN_WORD = 3


def short_repeats(text: str, found: Sequence[Mention], taken: Sequence[Mention], language: str | None) -> list[Mention]:
    """The places where a person of ``found`` is named again by one word (module
    docstring), as mentions of that person's actor; none overlapping a mention of
    ``found`` or ``taken`` (places, dates)."""
    if language not in _READ:
        return []
    forms = _forms(text, found, language)
    if not forms:
        return []
    covered = Occupied(len(text), ((m.start, m.end) for m in (*found, *taken)))  # a mask: linear in a long text
    lower = lower_words(text)
    out: list[Mention] = []
    for t in _TOKEN.finditer(text):
        word = t.group()
        hit = forms.get(_stem(word, language)) if _capitalised(word) else None
        if hit is None or t.start() < hit[0] or word.casefold() in lower:
            continue
        if covered.overlaps(t.start(), t.end()) or _beside_name(text, t.start(), t.end(), lower):
            continue
        out.append(Mention(t.start(), t.end(), hit[1].value))
    return out


def _forms(text: str, found: Sequence[Mention], language: str) -> dict[str, tuple[int, Mention]]:
    """Stem of a word a person is named again by -> (end of the person's first mention,
    that mention), for the stems only one person has."""
    by_stem: dict[str, tuple[int, Mention]] = {}
    owners: dict[str, set[str]] = {}
    for m in found:
        if m.value.kind != ActorKind.person:
            continue
        for word in _words_of(text[m.start : m.end], m.value.name or m.value.label):
            stem = _stem(word, language)
            owners.setdefault(stem, set()).add(m.value.label)
            if stem not in by_stem or m.end < by_stem[stem][0]:
                by_stem[stem] = (m.end, m)
    return {stem: hit for stem, hit in by_stem.items() if len(owners[stem]) == 1}


def _words_of(written: str, name: str) -> Iterable[str]:
    """The words a person written as ``written`` (canonical ``name``) is named again by:
    the last word when it is capitalised and ``written`` has several; the first word of
    ``name`` when ``written`` holds it as a word."""
    words = _TOKEN.findall(written)
    if len(words) < 2:
        return
    if _capitalised(words[-1]):
        yield words[-1]
    given = name.split()[0] if len(name.split()) > 1 else ""
    if given and given != words[-1] and given.casefold() in {w.casefold() for w in words[:-1]}:
        yield given


def _capitalised(word: str) -> bool:
    """A capital, then at least one lower-case letter: no acronym, long enough."""
    return len(word) >= _MIN_WORD and word[0].isupper() and any(c.islower() for c in word[1:])


def _stem(word: str, language: str) -> str:
    """``word`` case-folded, without a case ending of ``language`` (:data:`_ENDINGS`)."""
    folded = word.casefold()
    for ending in _ENDINGS.get(language, ()):
        if folded.endswith(ending) and len(folded) - len(ending) >= _MIN_STEM:
            return folded[: -len(ending)]
    return folded


def _beside_name(text: str, lo: int, hi: int, lower: frozenset[str]) -> bool:
    """Whether a capitalised word stands one space after ``[lo, hi)`` or one space before
    it, unless the text also writes that one in lower case (a common word opening the
    sentence: "Then Kluge"): the word is part of another name ("Anna Kluge")."""
    after = _TOKEN.match(text, hi + 1) if text[hi : hi + 1] == " " else None
    if after is not None and after.group()[:1].isupper():
        return True
    before = _LAST_WORD.search(text, max(0, lo - 40), lo)
    return before is not None and before.group(1)[:1].isupper() and before.group(1).casefold() not in lower


#: the word one space before a place in the text
_LAST_WORD = re.compile(r"([^\W\d_][\w'’\-]*) $")
