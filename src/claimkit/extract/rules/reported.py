"""People in no gazetteer named beside a verb of saying: "..., Tom Harrison said.",
"a déclaré Marc Delorme", "заявил Игорь Смирнов".

The gazetteer knows famous people and the officials finder reads a name after a title;
a spokesperson, a mayor or an expert named bare next to a ``reporting`` verb was
found by neither, and the claim was given to the country alone. Here two or three
capitalised words right after such a verb, or right before it at the start of a
sentence or after a comma, a quote or a dash, are a person's name, unless another
finder took any of them (a country, a place, an organisation, a known person).

Only languages whose scripts mark names with capitals and whose nouns are not all
capitalised (:data:`LANGUAGES`); German, where "sagte Regierungssprecher Kern" is a title
and a name, only after the verb and when the first word may be a given name (at most
:data:`_GIVEN_NAME_MAX` letters: "..., sagte Jens Hartmann am Montag").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from functools import lru_cache

from claimkit.extract.rules.cues import LanguageCues
from claimkit.extract.rules.support import CueScan, Mention
from claimkit.normalize._name_cases import in_dative, nominative
from claimkit.normalize._names import ar_given_name, ar_name_word, romanised
from claimkit.normalize._polish_transcription import east_slavic
from claimkit.schemas import Actor, ActorKind

__all__ = ["LANGUAGES", "reported_people"]

#: the languages read (capitalised names, lower-case common nouns)
LANGUAGES = frozenset({"en", "fr", "es", "it", "pt", "pl", "hr", "ru", "uk", "tr", "id", "vi"})
#: a capitalised word of a name: a capital, then lower-case letters (apostrophes and
#: hyphens inside: "O'Neill", "Jean-Pierre"); no digits, no capitals inside ("McDonald"
#: aside, acronyms and brand names stay out)
_WORD = r"(?:[^\W\d_a-zа-яёіїєґ](?:[^\W\d_A-ZА-ЯЁІЇЄҐ]|['’\-](?=[^\W\d_]))+|Mc[A-Z][a-z]+)"
#: two or three such words, one space apart
_NAME = re.compile(rf"{_WORD}(?:[ \u00a0]{_WORD}){{1,2}}")
#: capitalised words that open no person's name: articles and determiners ("told The
#: Associated Press", "dijo El País")
_NOT_FIRST = frozenset({
    "The", "A", "An", "This", "That", "Le", "La", "Les", "Un", "Une", "El", "Los", "Las", "Una",
    "Il", "Lo", "Gli", "Uno", "O", "Os", "As", "Um", "Uma", "Ta", "To", "Ten",
    "Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Einem", "Einen", "Einer", "Anfang", "Ende",
    "Mitte", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag",
})
#: the languages whose every noun is capitalised, read only after the verb: a name put
#: after its verb of saying ("..., sagte Jens Hartmann am Montag", "erklärte Anna Weber,
#: ..."), where a title before it is the officials finder's ("sagte Regierungssprecher
#: Kern": taken); before the verb two capitalised words open many sentences ("Am Montag
#: sagte ...")
_AFTER_ONLY = frozenset({"de"})
#: the longest first word of a name read in those languages: a given name, not a compound
#: noun or title ("Regierungssprecher Stefan Kern")
_GIVEN_NAME_MAX = 10
#: what may follow a name after a verb: punctuation, a lower-case word, the end
_AFTER_OK = re.compile(r"(?:[^\w\s]|_|\s*$|[ \u00a0]+[^\W\d_A-ZА-ЯЁІЇЄҐ])")
#: what opens the place before a name that precedes the verb: a sentence start, a
#: comma, a quote or a dash (", Tom Harrison said"); a courtesy title may follow
#: (:func:`_courtesy`)
_OPENS = r"(?:^|[.!?,;:”\"»“«—–\-\n]\s*)"
#: how far after the verb the name may start ("said on Monday Tom ..." is too far: a space)
_GAP = re.compile(r"[ \u00a0]+")


def reported_people(
    text: str, scan: CueScan, lc: LanguageCues, taken: Sequence[Mention], language: str | None,
    known: Callable[[str], Actor | None], honorifics: frozenset[str],
) -> list[Mention]:
    """The names of people beside the ``reporting`` verbs of ``lc`` that no mention in
    ``taken`` (actors and places found) overlaps and ``known`` (the gazetteer) does not
    resolve ("told Agence France Presse": a news agency the finders leave out), as person
    actors (Cyrillic names romanised); a courtesy title of ``honorifics`` (the gazetteer's,
    as written: "Mr", "Pak", "M.") before a name is left out of it. A Slavic name in the
    dative after the verb is whom it was said to ("сообщил Ивану Петрову"): no speaker."""
    if lc.code == "ar":
        return _ar_reported(text, scan, lc, taken, known)
    after_only = lc.code in _AFTER_ONLY
    if lc.code not in LANGUAGES and not after_only:
        return []
    courtesy = _courtesy(honorifics)
    out: list[Mention] = []
    near, said = _Near(taken), _Near(())  # by start: no loop over every mention for each verb
    for rs, re_ in scan.spans(lc, "reporting", 0, len(text)):
        span = _after(text, re_, near, courtesy[0])
        if span is not None and in_dative(text[span[0] : span[1]], lc.code):
            span = None  # "заявив Петру Іваненку": said to him, not by him
        span = span or (None if after_only else _before(text, rs, courtesy[1]))
        if span is not None and after_only and len(text[span[0] : span[1]].split()[0]) > _GIVEN_NAME_MAX:
            span = None  # a compound noun, a title ("Regierungssprecher"), opens it: no given name
        if span is None or text[span[0] : span[1]].split()[0] in _NOT_FIRST or near.overlaps(*span) or said.overlaps(*span):
            continue
        written = text[span[0] : span[1]]
        if known(written) is not None:
            continue
        base = _as_subject(written, lc, text, (rs, re_), after=span[0] >= re_)
        name = romanised(base, language) or (language == "pl" and east_slavic(base)) or base
        out.append(Mention(span[0], span[1], Actor(text=written, name=name, kind=ActorKind.person)))
        said.add(out[-1])
    return out


class _Near:
    """Mentions looked up by their starts (two bisects within the longest mention's
    length), in the order given: the ones a span overlaps, the ones starting inside one."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.mentions = list(mentions)
        self.order = sorted(range(len(self.mentions)), key=lambda k: self.mentions[k].start)
        self.starts = [self.mentions[k].start for k in self.order]
        self.reach = max((m.end - m.start for m in self.mentions), default=0)

    def add(self, m: Mention) -> None:
        at = bisect_right(self.starts, m.start)
        self.order.insert(at, len(self.mentions))
        self.starts.insert(at, m.start)
        self.mentions.append(m)
        self.reach = max(self.reach, m.end - m.start)

    def overlaps(self, s: int, e: int) -> bool:
        """Whether a mention overlaps ``[s, e)``."""
        lo, hi = bisect_left(self.starts, s - self.reach), bisect_left(self.starts, e)
        return any(self.mentions[k].end > s for k in self.order[lo:hi])

    def starting_in(self, s: int, e: int) -> list[Mention]:
        """The mentions starting inside ``(s, e)``, in the order given."""
        lo, hi = bisect_right(self.starts, s), bisect_left(self.starts, e)
        return [self.mentions[k] for k in sorted(self.order[lo:hi])]


#: an Arabic word, and what ends a name after a verb of saying: the particles that open
#: what is said ("قال محمد المومني *إن* ..."), prepositions, a day
_AR_WORD = re.compile(r"[\u0621-\u064a]+")
_AR_AFTER_NAME = frozenset({"إن", "أن", "إنه", "أنه", "إنها", "أنها", "بأن", "في", "من", "على", "إلى",
                            "عن", "مع", "خلال", "يوم", "أمس", "اليوم", "لوكالة", "للصحفيين", "لقناة"})


def _ar_reported(text: str, scan: CueScan, lc: LanguageCues, taken: Sequence[Mention],
                 known: Callable[[str], Actor | None]) -> list[Mention]:
    """Arabic: the person named right after a verb of saying ("وقال محمد المومني إن ..."):
    two or three words, the first a given name of the romanisation tables, up to a
    particle that opens what is said; in English spelling when the tables or the attested
    index give one (:func:`romanised`), else as written."""
    out: list[Mention] = []
    for _, re_ in scan.spans(lc, "reporting", 0, len(text)):
        span = _ar_name_after(text, re_)
        if span is None or any(m.start < span[1] and span[0] < m.end for m in [*taken, *out]):
            continue
        written = text[span[0]:span[1]]
        if known(written) is None:
            name = romanised(written, "ar") or written
            out.append(Mention(span[0], span[1], Actor(text=written, name=name, kind=ActorKind.person)))
    return out


def _ar_name_after(text: str, at: int) -> tuple[int, int] | None:
    """The span of two or three Arabic words one space after ``at`` that open with a listed
    given name and end before :data:`_AR_AFTER_NAME` or a mark, or None."""
    words: list[re.Match[str]] = []
    p, closed = at, False
    while text[p:p + 1] == " ":
        w = _AR_WORD.match(text, p + 1)
        if w is None or w.group() in _AR_AFTER_NAME or len(words) == 3:
            closed = w is not None and w.group() in _AR_AFTER_NAME
            break
        words.append(w)
        p = w.end()
    closed = closed or text[p:p + 1] in ("", "،", ",", ".", ":", "؛")
    if not closed or len(words) < 2 or not (ar_given_name(words[0].group()) or ar_name_word(
            f"{words[0].group()} {words[1].group()}")):
        return None
    return words[0].start(), p


def _as_subject(written: str, lc: LanguageCues, text: str, said: tuple[int, int], *, after: bool) -> str:
    """The name in the nominative when the reporting words at ``said`` before it take the
    genitive (``reporting_genitive`` of ``lc``: "по словам Игоря Смирнова", "за словами
    Тараса Гнатюка", "według Jana Kowalskiego")."""
    genitive = lc.patterns.get("reporting_genitive")
    if after and genitive is not None and genitive.fullmatch(text, *said):
        return nominative(written, lc.code)
    return written


@lru_cache(maxsize=8)
def _courtesy(honorifics: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A courtesy title of ``honorifics`` and the space after it ("Pak "), and what may
    stand before a name that precedes the verb (:data:`_OPENS`, then such a title or none)."""
    titles = "|".join(re.escape(h) for h in sorted(honorifics, key=lambda h: (-len(h), h)))
    title = rf"(?:{titles})[ \u00a0]+" if titles else r"(?!)"
    return re.compile(title), re.compile(rf"{_OPENS}(?:{title})?$")


def _after(text: str, at: int, taken: _Near, courtesy: re.Pattern[str]) -> tuple[int, int] | None:
    """The name one space after the verb ending at ``at`` (after a ``courtesy`` title,
    left out), ended by punctuation, a lower-case word, the text's end or a mention of
    ``taken`` ("Według Jana Kowalskiego Polska nie ...": the country after the name)."""
    gap = _GAP.match(text, at)
    if gap is None:
        return None
    title = courtesy.match(text, gap.end())
    m = _NAME.match(text, title.end() if title else gap.end())
    if m is None:
        return None
    end = m.end()
    for t in taken.starting_in(m.start(), end):  # the end only comes nearer: none is missed
        if m.start() < t.start < end and _GAP.fullmatch(text, text.rfind(" ", m.start(), t.start), t.start):
            end = text.rfind(" ", m.start(), t.start)  # the name stops before the mention
    if " " not in text[m.start() : end].strip() or (end == m.end() and _AFTER_OK.match(text, end) is None):
        return None
    return m.start(), end


def _before(text: str, at: int, opens: re.Pattern[str]) -> tuple[int, int] | None:
    """The name one space before the verb starting at ``at``, opening its sentence or
    standing after a comma, a quote or a dash (``opens``), a courtesy title between."""
    lo = max(0, at - 60)
    for m in _NAME.finditer(text, lo, at):
        if _GAP.fullmatch(text, m.end(), at) and opens.search(text, max(0, m.start() - 9), m.start()):
            return m.start(), m.end()
    return None
