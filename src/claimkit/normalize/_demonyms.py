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

__all__ = ["ActorNouns", "demonym_stem", "nisba_adjectives"]

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
    """The actor nouns (word beginnings) and titles (whole words), per language and for any."""

    def __init__(self, nouns: Mapping[str, Iterable[str]], titles: Iterable[str],
                 heads: Mapping[str, Iterable[str]] | None = None) -> None:
        self._titles = frozenset(fold_case(t) for t in titles if t.strip())
        #: per language, the nouns that are a title only before a name: "глава" (head of;
        #: also "chapter") governs "глава МИД", "глава Казахстана", qualifies no adjective
        self._heads = {lang: tuple(fold_case(w) for w in words if w.strip())
                       for lang, words in (heads or {}).items()}
        self._by_lang: dict[str, tuple[frozenset[str], tuple[int, ...]]] = {}
        every: set[str] = set()
        for lang, words in nouns.items():
            own = frozenset(fold_case(w) for w in words if w.strip())
            every |= own
            self._by_lang[lang] = (own, _lengths(own))
        self._any = (frozenset(every), _lengths(every))
        self._title_words = max((t.count(" ") + 1 for t in self._titles), default=1)
        #: (word, noun set) -> whether the word opens with one of the nouns (:meth:`_opens_noun`)
        self._opens: dict[tuple[str, frozenset[str]], bool] = {}

    def _is_noun(self, words: list[str], k: int,
                 nouns: tuple[frozenset[str], tuple[int, ...]]) -> bool:
        """Whether the words from ``words[k]`` on open with an actor noun or a title
        (after an elided article: "l'ambassadeur", "L'esercito")."""
        if self._opens_noun(words[k], nouns):
            return True
        return any(" ".join(words[k:k + n]) in self._titles
                   for n in range(1, min(self._title_words, len(words) - k) + 1))

    def _opens_noun(self, word: str, nouns: tuple[frozenset[str], tuple[int, ...]]) -> bool:
        """Whether ``word`` (an elided article before it left out) begins with an actor noun
        of ``nouns``; remembered per word and noun set (a text repeats its words)."""
        key = (word, nouns[0])  # a frozenset keeps its hash: a cheap key
        found = self._opens.get(key)
        if found is None:
            if len(self._opens) >= _MEMO_SIZE:
                self._opens.clear()
            bare = _ELIDED.sub("", word)
            found = self._opens[key] = any(bare[:n] in nouns[0] for n in nouns[1] if n <= len(bare))
        return found

    def ends_title(self, folded: str) -> bool:
        """Whether ``folded`` (text before a name, case folded) ends with a title of the
        gazetteer, one word or several, followed only by spaces ("министр обороны ",
        "minister spraw zagranicznych "): the name after it is the title's owner."""
        if not folded[-1:].isspace():
            return False
        words = _WORDS.findall(folded)[-self._title_words:]
        return any(" ".join(words[k:]) in self._titles for k in range(len(words)))

    def is_noun(self, folded_word: str, lang: str | None) -> bool:
        """Whether a folded word is an actor noun of ``lang`` (an inflected ending allowed:
        "правительства", "rządu"), a one-word title, or a head noun of ``lang`` before a
        name ("глава": :attr:`_heads`)."""
        if folded_word.startswith(self._heads.get(lang or "", ())):
            return True
        return self._is_noun([folded_word], 0, self._by_lang.get(lang or "", self._any))

    def qualifies(self, folded: str, start: int, end: int, lang: str | None) -> bool:
        """Whether the adjective at ``folded[start:end]`` qualifies an actor noun.

        The noun may follow ("Polish government", "polski rząd") or precede
        ("governo português", "rząd polski", "الحكومة البريطانية"), with at most one
        word between them. A few words each side are read, whatever the text's size.
        An adjective that is the whole text (a name given to ``resolve``) qualifies.
        """
        if start == 0 and end == len(folded):
            return True
        if _nisba_surname(folded, start):
            return False
        nouns = self._by_lang.get(lang or "", self._any)
        after = _WORDS.findall(folded, end, end + _WINDOW)[: 1 + self._title_words]
        if any(self._is_noun(after, k, nouns) for k in range(min(2, len(after)))):
            return True
        before = _WORDS.findall(folded, max(0, start - _WINDOW), start)
        if before and max(0, start - _WINDOW) > 0:
            before = before[1:]  # the first may be cut
        reach = 2 + _ar_portfolio_words(before)
        return any(self._is_noun(before, k, nouns)
                   for k in range(max(0, len(before) - reach), len(before)))


def _lengths(words: Iterable[str]) -> tuple[int, ...]:
    return tuple(sorted({len(w) for w in words}))


#: an elided article or preposition before a noun ("l'", "dell'", "d’")
_ELIDED = re.compile(r"^[^\W\d_]{1,5}['’]")
#: words whose noun test is remembered; the memo is emptied when full
_MEMO_SIZE = 100_000
#: characters read each side of a demonym for its noun
_WINDOW = 80
_WORDS = re.compile(_WORD)


_ARABIC_NAME = re.compile(r"[\u0621-\u064a]{3,}")
#: the Arabic word before a definite adjective ("حسن السوداني": the word "حسن")
_ARABIC_WORD_BEFORE = re.compile(r"([\u0621-\u064a]+)[ \u00a0]+$")
#: a definite Arabic word: the article (after a proclitic: "والجيش", "للجيش"), or a
#: pronoun suffix ("نظيره", "حكومتها"; "عبدالله" is a name)
_ARABIC_DEFINITE = re.compile(r"^(?:[وفبك]?ال|لل)|(?<!ل)(?:ه|ها|هم|هما|هن|كم|نا)$")


#: at most this many definite words of an Arabic portfolio between a title and its country
#: adjective ("وزير *المياه والري* المصري", "وزير الخارجية *والتعاون الدولي* السوداني")
_AR_PORTFOLIO_WORDS = 3
#: a definite Arabic word, alone or after the conjunction "و" ("المياه", "والري")
_AR_DEFINITE_WORD = re.compile(r"و?ال[\u0621-\u064a]{2,}")


def _ar_portfolio_words(before: list[str]) -> int:
    """How many words before an adjective, beyond the one word that may stand between it
    and its noun, are a title's Arabic portfolio: the definite words (the first with "و" or
    not) right before it, at most :data:`_AR_PORTFOLIO_WORDS`, when one of them is joined by
    "و" (a portfolio of several words: "وزير المياه *والري* المصري", the minister of water and
    irrigation); none otherwise."""
    run = 0
    for word in reversed(before[-_AR_PORTFOLIO_WORDS:]):
        if _AR_DEFINITE_WORD.fullmatch(word) is None:
            break
        run += 1
    joined = any(w.startswith("وال") for w in before[len(before) - run:])
    return max(0, run - 1) if joined else 0


def _nisba_surname(folded: str, start: int) -> bool:
    """Whether the definite Arabic adjective at ``start`` follows an indefinite word: a
    name ("حسن السوداني", "قال السوداني"), whose nisba is a family name, not a country: an
    adjective agrees with its noun, and a definite one follows a definite noun ("الجيش
    السوداني", "نظيره السوداني")."""
    if not folded.startswith("ال", start):
        return False
    before = _ARABIC_WORD_BEFORE.search(folded, max(0, start - 30), start)
    return before is not None and _ARABIC_DEFINITE.search(before.group(1)) is None


def nisba_adjectives(name: str) -> tuple[str, ...]:
    """The Arabic adjectives (nisba, masculine and feminine) of a one-word Arabic country
    name: the article and a final "ية", "يا" or "ا" off, then "ال" before and "ي" or "ية"
    after ("مصر" -> "المصري", "المصرية"; "العراق" -> "العراقي"; "سوريا" -> "السوري";
    "فرنسا" -> "الفرنسي"; "السعودية" -> "السعودي"); none for another name, nor for a
    name ending in "ي", whose adjective would be a word ("مالي": "المالي" is financial)."""
    if _ARABIC_NAME.fullmatch(name) is None or name.endswith("ي"):
        return ()
    base = name[2:] if name.startswith("ال") else name
    for end in ("ية", "يا", "ا", "ة"):
        if base.endswith(end) and len(base) > len(end) + 1:
            base = base[:-len(end)]
            break
    return (f"ال{base}ي", f"ال{base}ية")
