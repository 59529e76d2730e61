"""Bodies in no gazetteer named as the subject that opens a sentence right before a claim
verb: "Grupa Azoty zobowiązała się dostarczyć ...", "Petroperú, en un comunicado, rechazó
...", "PDFORRA, the association of enlisted personnel, warned ...".

The gazetteer knows famous bodies, the organisation finders a body by its shape (an
organisation word, "Ministerio de ...", a phrase before its own acronym); a company, a
union or an agency named by its proper name alone was found by none of them, and the
claim went to whoever the sentence before named, most often a country. Here the
capitalised words (one to four, after an article) that open a sentence are that
sentence's subject when a cue of a verbal claim type follows them, right away, after an
apposition set off by commas or after at most two short lower-case words (an auxiliary:
"has", "ha", "a", "je"), and when they are a proper name: no word of them is written in
lower case anywhere in the text (the first word of a sentence is capitalised whatever it
is: "Officials warned", "En Uyuni, ..."), and a single word also has a capital inside
("PDFORRA", "ČEPS") or is written capitalised inside a sentence somewhere in the text ("la
estatal Petroperú"). No words another finder took (a country, a place, a person, a known
body), no ``common_subject``, ``pronoun`` or ``title_anaphor`` word. The name stays as
written, its kind unknown (a body or a person no finder knows: both are written so).

Only languages whose scripts mark names with capitals and whose nouns are not all
capitalised (:data:`claimkit.extract.rules.reported.LANGUAGES`; not German).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache, partial

from claimkit.extract.rules.cues import LanguageCues
from claimkit.extract.rules.reported import LANGUAGES
from claimkit.extract.rules.support import CueScan, Mention
from claimkit.extract.rules.text import NAME_WORD as _TOKEN
from claimkit.extract.rules.text import lower_words
from claimkit.normalize._gazetteer_index import Occupied
from claimkit.normalize._organisations import organisation_words
from claimkit.schemas import Actor
from claimkit.text import fold_case

__all__ = ["proper_subjects"]

#: articles that may open the sentence before the name ("The British Museum", "La Sonatrach")
_ARTICLES = frozenset({"the", "la", "le", "les", "l", "el", "los", "las", "il", "lo", "gli", "o", "os", "a", "as"})
#: the most capitalised words a name read here may have
_MAX_WORDS = 4
#: the most lower-case words, and their longest, between the name and the cue (an auxiliary)
_MAX_GAP_WORDS = 2
_MAX_GAP_LETTERS = 6
#: the longest apposition set off by commas between the name and the cue
_APPOSITION = re.compile(r",[^,.;:!?()\"“”«»]{1,80},\s*")
#: what ends a sentence before a cue: its start is after the last of these
_SENTENCE_END = re.compile(r"[.!?\n]\s+|\n")
#: how far back a cue's sentence start is looked for
_REACH = 300


def proper_subjects(
    text: str, scan: CueScan, lc: LanguageCues, types: Iterable[str], taken: Sequence[Mention],
    known: Callable[[str], Actor | None], actor_nouns: Iterable[str] = (),
) -> list[Mention]:
    """The proper names that open the sentence of a cue of one of ``types`` as its subject
    (module docstring), as actors of unknown kind written as in the text; none that a
    mention of ``taken`` overlaps or that ``known`` (the gazetteer) resolves, none opening
    with a word of ``actor_nouns`` (the backend's gazetteer's nouns of a home body or an
    office of the language) or an organisation word (:func:`_noun_of_body`)."""
    if lc.code not in LANGUAGES:
        return []
    nouns = _body_nouns(lc.code, tuple(actor_nouns))
    out: list[Mention] = []
    occupied = Occupied(len(text), ((m.start, m.end) for m in taken))  # taken and out: a mask, linear in a long text
    lower: frozenset[str] | None = None  # read on the first name to test
    inside = cache(partial(_inside_sentence, text))  # each word looked for once in the text
    for kind in types:
        for cs, _ in scan.spans(lc, kind, 0, len(text)):
            span = _opening_name(text, _sentence_start(text, cs), cs)
            if span is None or occupied.overlaps(*span):
                continue
            span = _without_opener(text, span, inside)
            written = text[span[0] : span[1]]
            lower = lower_words(text) if lower is None else lower
            if not _proper(text, written, lower, inside) or known(written) is not None or _common(scan, lc, span) or (
                    _noun_of_body(nouns, written)):
                continue
            out.append(Mention(span[0], span[1], Actor(text=written, name=written)))
            occupied.add(*span)
    return sorted(out, key=lambda m: m.start)


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding ``at`` starts (after the last sentence end before it)."""
    lo = max(0, at - _REACH)
    start = lo
    for m in _SENTENCE_END.finditer(text, lo, at):
        start = m.end()
    return start


def _opening_name(text: str, start: int, cue: int) -> tuple[int, int] | None:
    """The span of the capitalised words opening ``text[start:cue]`` (after an article)
    when only an apposition or a short auxiliary stands between them and the cue."""
    words = list(_TOKEN.finditer(text, start, cue))
    if not words or text[start:words[0].start()].strip():
        return None
    if words[0].group().lower() in _ARTICLES and len(words) > 1:
        words = words[1:]
    run: list[re.Match[str]] = []
    for w in words:
        if not w.group()[:1].isupper() or len(run) == _MAX_WORDS or (run and text[run[-1].end() : w.start()] != " "):
            break
        run.append(w)
    if not run:
        return None
    end = run[-1].end()
    rest = text[end:cue]
    apposition = _APPOSITION.match(rest)
    gap = rest[apposition.end() :] if apposition is not None else rest
    gap_words = gap.split()
    if len(gap_words) > _MAX_GAP_WORDS or any(
        not w.isalpha() or not w.islower() or len(w) > _MAX_GAP_LETTERS for w in gap_words
    ):
        return None
    if apposition is None and rest[:1] not in ("", " "):
        return None
    return run[0].start(), end


def _without_opener(text: str, span: tuple[int, int], inside: Callable[[str], bool]) -> tuple[int, int]:
    """``span`` without its first word when more words follow and the text never writes
    that word capitalised inside a sentence: a word that opens the sentence, a connective
    or an adverb ("Ранее Госпогранслужба", "Namun Yusril", "Intanto Enel"), no name's.
    ``inside``: :func:`_inside_sentence` of the text, asked once per word."""
    first = _TOKEN.match(text, span[0])
    if first is None or first.end() >= span[1] or inside(first.group()):
        return span
    return first.end() + 1, span[1]


def _proper(text: str, written: str, lower: frozenset[str], inside: Callable[[str], bool]) -> bool:
    """Whether ``written`` (capitalised words) is a proper name: none of its words is
    written in lower case in ``text``; a single word also has a capital inside or is
    written capitalised after a lower-case word somewhere in ``text`` (``inside``)."""
    words = written.split()
    if any(w.lower() in lower for w in words):
        return False
    if len(words) > 1 or any(c.isupper() for c in written[1:]):
        return True
    return inside(written)


def _inside_sentence(text: str, written: str) -> bool:
    """Whether ``text`` writes ``written`` right after a lower-case word somewhere. The
    pattern opens with the word itself (what stands before it is checked after it), so the
    regex engine skips ahead to the word's next occurrence instead of trying every place."""
    word = re.escape(written)
    for m in re.finditer(rf"{word}(?<![\w'’-]{word})(?![\w'’-])", text):
        before = _LAST_WORD.search(text, max(0, m.start() - 40), m.start())
        if before is not None and before.group(1).islower():
            return True
    return False


#: the word right before a place in the text, a space apart
_LAST_WORD = re.compile(r"([^\W\d_][\w'’\-]*)\s+$")


@cache
def _body_nouns(lang: str, actor_nouns: tuple[str, ...]) -> tuple[str, ...]:
    """``actor_nouns`` (the gazetteer's, word beginnings: "gobierno", "ministr") and the
    one-word organisation words of ``lang`` ("banco", "agencia"), folded."""
    nouns = [fold_case(w) for w in actor_nouns if w.strip()]
    return tuple(sorted({*nouns, *organisation_words(lang)}))


def _noun_of_body(nouns: tuple[str, ...], written: str) -> bool:
    """Whether a word of ``written`` opens with one of ``nouns`` (:func:`_body_nouns`: "El
    *Gobierno*", "*Banco* Central"): a home body the backend reads by its noun, or a body
    the organisation finders read by its shape, no proper name."""
    return any(fold_case(w).startswith(nouns) for w in written.split())


def _common(scan: CueScan, lc: LanguageCues, span: tuple[int, int]) -> bool:
    """Whether a ``common_subject``, ``pronoun`` or ``title_anaphor`` word is in ``span``."""
    return any(scan.has(lc, cat, *span) for cat in ("common_subject", "pronoun", "title_anaphor"))
