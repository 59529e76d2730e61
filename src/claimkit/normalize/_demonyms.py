"""Country adjectives (demonyms) and the actor nouns that make them name an actor.

Private to :mod:`claimkit.normalize.actors`. A demonym ("Polish", "português",
"американские", "Türk") names its country as an actor only where it qualifies
an actor noun: "the Polish government", "O Governo português", "Türk
yetkililer" (officials), but not "American weapons" or "Polish territory".
The nouns come from the gazetteer file (``actor_nouns``, per language) and its
titles; a noun may carry an inflected ending ("rządu", "Regierungen").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from claimkit.text import fold_case

__all__ = ["ActorNouns", "demonym_stem"]

#: the endings an adjective loses before its inflected endings are matched
_ADJ_ENDINGS = frozenset("aeiouyåäöüàáâãèéêìíîòóôõùúûаяоеиыьйуюієї")
#: a demonym's stem shorter than this takes no inflected ending ("Rus", "Hint")
_MIN_STEM = 4
#: words one may pass between the adjective and its noun ("the Polish *defence* ministry")
_WORD = r"[^\W\d_][\w'’\-]*"


def demonym_stem(key: str) -> str | None:
    """The stem of a folded one-word demonym that inflected endings attach to, or None.

    "американский" -> "американск", "polski" -> "polsk", "deutsch" -> "deutsch".
    """
    if " " in key:
        return None
    stem = key
    while stem and stem[-1] in _ADJ_ENDINGS and len(stem) > _MIN_STEM:
        stem = stem[:-1]
    return stem if len(stem) >= _MIN_STEM else None


class ActorNouns:
    """Compiled patterns of the actor nouns, per language and for any language."""

    def __init__(self, nouns: Mapping[str, Iterable[str]], titles: Iterable[str]) -> None:
        shared = {fold_case(t) for t in titles if t.strip()}
        every: set[str] = set()
        self._by_lang: dict[str, re.Pattern[str]] = {}
        for lang, words in nouns.items():
            own = {fold_case(w) for w in words if w.strip()}
            every |= own
            self._by_lang[lang] = _pattern(own, shared)
        self._any = _pattern(every, shared)

    def _pattern(self, lang: str | None) -> re.Pattern[str]:
        return self._by_lang.get(lang or "", self._any)

    def qualifies(self, folded: str, start: int, end: int, lang: str | None) -> bool:
        """Whether the adjective at ``folded[start:end]`` qualifies an actor noun.

        The noun may follow ("Polish government", "polski rząd") or precede
        ("governo português", "rząd polski", "الحكومة البريطانية"), with at most one
        word between them.
        """
        noun = self._pattern(lang)
        after = _AFTER.match(folded, end)
        if after is not None:
            for g in (1, 2):
                pos = after.start(g)
                if pos >= 0 and noun.match(folded, pos):
                    return True
        before = _BEFORE.search(folded[max(0, start - 80):start])
        if before is not None:
            base = max(0, start - 80)
            for g in (1, 2):
                pos = before.start(g)
                if pos >= 0 and noun.fullmatch(folded, base + pos, base + before.end(g)):
                    return True
        return False


#: the next word and the word after it
_AFTER = re.compile(rf"\s+({_WORD})(?:\s+({_WORD}))?")
#: the word before and the word before that (ending right before the adjective)
_BEFORE = re.compile(rf"(?:({_WORD})\s+)?({_WORD})\s+$")


def _alternatives(words: set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


def _pattern(nouns: set[str], titles: set[str]) -> re.Pattern[str]:
    """A noun is a word beginning (an inflected ending may follow); a title is whole words."""
    return re.compile(rf"(?:(?:{_alternatives(nouns)})[\w'’\-]*|(?:{_alternatives(titles)}))"
                      r"(?!\w)")
