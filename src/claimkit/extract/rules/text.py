"""Script-aware sentence and clause segmentation for the rules backend.

Offsets always index the original text, so a clause is a slice of
``Document.text`` by construction. Sentences end at 。！？；!?; (and a closing
quote after them), at line breaks, and at a period followed by a space unless
it ends an abbreviation or an initial ("U.S.", "Mr."; "ok. 200", "5 mld. zł", "т.е. он":
:func:`_is_abbreviation`). Clauses split a
sentence at commas, colons and semicolons (not inside numbers such as
"10,000"), and in Japanese also at 、; clauses too short to state a claim are
joined to their neighbour.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from claimkit.normalize.dates import month_names
from claimkit.normalize.quantities import unit_words
from claimkit.text import (
    CJK_SCRIPTS,
    SCRIPT_RANGES,
    Script,
    char_class,
    dominant_script,
    latin_only,
)

__all__ = ["NAME_WORD", "Sentence", "lower_words", "marker_index", "pick_languages", "segment"]

# Both patterns open with one character class, and each branch then checks by a lookbehind
# which character it was: the regex engine skips ahead to the next character of the class
# (its search for a pattern that starts with a class), where a pattern that opens with
# alternatives is tried at every position. Same matches as the plain forms in the comments
# (tests/test_rules_bounded.py compares them).
_SENT_END = re.compile(
    r"[。！？；!?;…\n.]"
    r"(?:(?<=[。！？；!?;…])[。！？；!?;…]*[」』”’\"')）]*"  # [。！？；!?;…]+[」』”’"')）]*: enders, closing quotes
    r"|(?<=\n)\n*"  # \n+
    r"|(?<=[^\s.]\.)[”’\"')）]*(?=\s|$))"  # (?<=[^\s.])\.[”’"')）]*(?=\s|$): a period before a space
)
#: [,，;；:：]|(?<=\s)[-–—•](?=\s)
_CLAUSE_SPLIT = re.compile(r"[,，;；:：\-–—•](?:(?<=[,，;；:：])|(?<=\s[-–—•])(?=\s))")
_JA_SPLIT = re.compile(r"、")
_UNSPACED = "".join(char_class(SCRIPT_RANGES[s]) for s in (Script.HAN, Script.KANA))
#: a space between two Chinese or Japanese words: these scripts leave no space inside a
#: clause, so a headline's space parts two statements ("王毅同埃及外长通电话 中方将提供援助")
_CJK_SPACE = re.compile(f"(?<=[{_UNSPACED}」』”）)])[ \u3000](?=[{_UNSPACED}「『“（(])")
_ABBREV = frozenset(
    ["mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "sen", "rep", "gov", "pres", "prof", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "e.u", "u.n", "approx",
     # Polish abbreviations inside names and phrases, never at a sentence end: "Agencja ONZ
     # ds. Uchodźców" (do spraw: for), "rozmowy ws. pokoju" (w sprawie), "tzw." (so-called),
     # "m.in." (among others), "np." (for example)
     "ds", "ws", "tzw", "m.in", "np",
     # company forms, inside a sentence far more often than at its end ("Minera Andina S.A.
     # se comprometió", "Acciaierie Venete S.p.A. ha respinto", "Anadolu Çimento A.Ş.,")
     "s.a", "s.p.a", "s.r.l", "s.l", "s.a.b", "ltda", "a.ş", "e.v", "d.d", "d.o.o", "o.o", "plc"]
)
#: abbreviations newspapers write before a number ("ok. 200 mln zł", "ca. 300", "env. 5
#: millions", "ок. 40 человек", "бл. 5 млн", "yakl. 5 milyon", "art. 5", "nr. 3"): before a digit
#: they end no sentence, where a sentence's last word ("in 2024. 300 people died") does; before
#: a lower-case word every short word does not (:data:`_SHORT_WORD`)
_BEFORE_NUMBER = frozenset(
    [  # "about" in en, de, fr, es, pt, it, nl, sv, da, no, pl, cs, sk, ru, uk, tr
     "ca", "cca", "approx", "aprox", "env", "rd", "ok", "ок", "бл", "прибл", "yakl", "circa",
     # "number", "article", "point", "page", "paragraph", "years", "hour" before their number
     # (one letter, "p. 5", "s. 12", "п. 3", is an initial anyway)
     "nr", "núm", "num", "art", "pkt", "ust", "par", "str", "pág", "pag", "pp",
     "čl", "br", "st", "ст", "стр", "гл", "рр", "гг", "godz",
     # "that is", "for example", "among others" before a figure ("tj. 5 mld", "т.е. 300")
     "tj", "tzn", "npr", "např", "napr", "т.е", "т.к", "т.ч", "z.b", "d.h", "u.a", "e.g", "i.e",
     "p.ex", "ex", "ej", "es", "bijv", "t.ex", "bl.a", "o.a", "örn", "mis", "dll", "vb", "usw"]
)
#: the longest word before a period and a lower-case word read as an abbreviation: a
#: sentence starts with a capital in every script that has one, so "ok. tysiąca osób",
#: "5 mld. zł", "300 tys. zł", "т.е. подтвердил", "su vb. konularda", "nelayan, dll. di",
#: "Mio. oder" do not end one; a longer word there is a sentence end written in lower case
_SHORT_WORD = 5
#: number scales written with a period before a capitalised noun (German nouns, currency
#: codes): "5 Mio. Euro", "2 Mrd. Dollar", "3 Tsd. Menschen"; no sentence end after a number
#: when the next word is a currency or a count
_SCALES_BEFORE_NOUN = frozenset(["mio", "mrd", "tsd", "mln", "mld", "mil", "mlrd", "bn"])
_TRIM = " \t\r\n\u3000\"'“”‘’「」『』«»()（）[]【】-–—•·*"
_CJK_MIN = 6
_LATIN_MIN = 14
_ABBREV_LOOKBACK = 8
#: the longest sentence scanned as one: longer ones (a page with no punctuation,
#: a 30 MB line) are cut into windows of about this many characters, at a space
#: when there is one near the end, so the work per window is bounded
MAX_SENTENCE = 1200
#: the longest clause: longer ones are cut the same way
MAX_CLAUSE = 400


@dataclass(frozen=True)
class Sentence:
    """A sentence and its clauses, as ``(start, end)`` offsets into ``text``.

    ``script`` is the sentence's :func:`~claimkit.text.dominant_script`,
    classified once here for the clause split and the choice of cue languages.
    The clauses are split on first use: a sentence with no cue is never split.
    """

    start: int
    end: int
    script: Script = Script.LATIN
    text: str = field(default="", repr=False, compare=False)

    @cached_property
    def clauses(self) -> tuple[tuple[int, int], ...]:
        """The sentence's clauses (:func:`segment`), as offsets into ``text``."""
        return _clauses(self.text, self.start, self.end, self.script)


_TRIM_LEFT = _TRIM + ",，、;；:：.。"
_TRIM_RIGHT = _TRIM + ",，、;；:：.。!?！？…"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without the spaces, quotes and punctuation at either end (str.strip, in C)."""
    piece = text[start:end]
    left = piece.lstrip(_TRIM_LEFT)
    start += len(piece) - len(left)
    return start, start + len(left.rstrip(_TRIM_RIGHT))


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` ends an abbreviation, not the sentence.

    An initial, a word of :data:`_ABBREV` anywhere; a word of :data:`_BEFORE_NUMBER`
    before a digit; a word of at most :data:`_SHORT_WORD` letters before a lower-case
    word; a scale after a number before a currency or count ("5 Mio. Euro").
    """
    i = dot
    floor = max(0, dot - _ABBREV_LOOKBACK)
    while i > floor and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    word = text[i:dot].casefold()
    if len(word) == 1 or word in _ABBREV:
        return True
    nxt = _NEXT_WORD.match(text, dot + 1)
    if not word or nxt is None:
        return False
    first = nxt.group(1)[0]
    if first.isdigit():
        return word in _BEFORE_NUMBER
    if first.islower():
        return len(word.replace(".", "")) <= _SHORT_WORD
    return (word in _SCALES_BEFORE_NOUN and i > 0 and text[i - 1] in " \u00a0"
            and text[i - 2: i - 1].isdigit() and nxt.group(1) in unit_words())


#: the word after a period (past closing quotes and spaces on the same line)
_NEXT_WORD = re.compile(r"[”’\"')）]*[ \t\u00a0]+(\w+)")


#: a day number and its period ("3.", "24."), then a word: an ordinal day, not a sentence end,
#: when the word is a month name or starts in lower case ("am 3. März", "24. ožujka", "den 3. und 4.")
_ORDINAL = re.compile(r"(?<![\w.,])\d{1,2}\.[\s\u00a0]+(\w+)")


def _is_ordinal(text: str, dot: int) -> bool:
    start = max(0, dot - 2)
    m = _ORDINAL.match(text, start if text[start].isdigit() else start + 1)
    if m is None or m.start(1) <= dot:
        return False
    word = m.group(1)
    return word[0].islower() or word.lower() in month_names()


#: an agency in brackets and the dash of a dateline right after a period: the dateline goes
#: on ("Zagreb, 3. stu. (Hina) - ...", "Ankara, 3 Kas. (AA) - ..."; not "... (Hina). Vlada")
_AGENCY_NEXT = re.compile(r"[ \t]*[(（][^()（）\n]{1,40}[)）][ \t]*\.?[ \t]*(?:--?|[–—])(?![-–—]*\w)")


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    bounds = []
    start = 0
    for m in _SENT_END.finditer(text):
        if text[m.start()] == "." and (
            _is_abbreviation(text, m.start()) or _is_ordinal(text, m.start())
            or _AGENCY_NEXT.match(text, m.end()) is not None
        ):
            continue
        bounds.append((start, m.end()))
        start = m.end()
    bounds.append((start, len(text)))
    out = []
    for s, e in bounds:
        s, e = _trim(text, s, e)
        if e - s > MAX_SENTENCE:
            out.extend(windows(text, s, e, MAX_SENTENCE))
        elif e > s:
            out.append((s, e))
    return out


_SPACE = re.compile(r"\s")


def windows(text: str, start: int, end: int, size: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut into pieces of at most ``size`` characters.

    A cut falls on the last whitespace of the last quarter of a window when
    there is one, else at ``size`` exactly (unspaced scripts, hostile input).
    Linear in ``end - start``.
    """
    if end - start <= size:  # the common case: one window, trimmed
        start, end = _trim(text, start, end)
        return [(start, end)] if end > start else []
    out = []
    while end - start > size:
        cut = start + size
        spaces = [m.start() for m in _SPACE.finditer(text, cut - size // 4, cut)]
        if spaces:
            cut = spaces[-1] + 1
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return [(s, e) for s, e in (_trim(text, s, e) for s, e in out) if e > s]


def _clauses(text: str, start: int, end: int, script: Script) -> tuple[tuple[int, int], ...]:
    cuts = [m for m in _CLAUSE_SPLIT.finditer(text, start, end) if not _inside_number(text, m.start())]
    positions = [m.start() for m in cuts]
    if script is Script.KANA:
        positions += [m.start() for m in _JA_SPLIT.finditer(text, start, end)]
    if script is Script.KANA or script is Script.HAN:
        positions += [m.start() for m in _CJK_SPACE.finditer(text, start, end)]
    positions.sort()
    pieces = []
    prev = start
    for p in positions:
        pieces.append((prev, p))
        prev = p + 1
    pieces.append((prev, end))
    trimmed = [w for s, e in pieces for w in windows(text, s, e, MAX_CLAUSE)]
    minimum = _CJK_MIN if script in CJK_SCRIPTS else _LATIN_MIN
    merged: list[tuple[int, int]] = []
    pending: tuple[int, int] | None = None
    for s, e in trimmed:
        if pending is not None:
            s = pending[0]
            pending = None
        if e - s < minimum:
            pending = (s, e)
            continue
        merged.append((s, e))
    if pending is not None:
        if merged:
            merged[-1] = (merged[-1][0], pending[1])
        else:
            merged.append(pending)
    if script is Script.LATIN and len(merged) > 1:
        merged = _join_infinitives(text, merged)
    return tuple(merged) or ((start, end),)


#: a German infinitive group at the end of a clause: "zu" and a verb, or a verb with "zu"
#: inside ("bereitzustellen", "aufzunehmen")
_INFINITIVE_END = re.compile(r"(?:\bzu\s+[a-zäöüß]+|\b[a-zäöüß]{2,}zu[a-zäöüß]{2,}(?:en|ern|eln))\W*$")
#: words that open an infinitive group of its own: purpose ("um ... zu"), manner, comparison
_INFINITIVE_OWN = re.compile(r"(?i:um|ohne|statt|anstatt|außer|als)\b")


def _join_infinitives(text: str, clauses: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Clauses with a German infinitive group after a comma joined to the clause before:
    the group is what the verb before it says ("sagte zu, 24 Kampfjets zu liefern",
    "lehnte es ab, weitere Flüchtlinge aufzunehmen", "kündigte an, 50 Millionen Euro
    bereitzustellen"), its comma is punctuation, not a clause of its own. A group of its
    own (purpose: "um ... zu"; "ohne ... zu") stays apart."""
    out = [clauses[0]]
    for s, e in clauses[1:]:
        prev_s, prev_e = out[-1]
        if (
            text[prev_e:s].strip() in (",", "")
            and "," in text[prev_e:s + 1]
            and _INFINITIVE_END.search(text, s, e) is not None
            and _INFINITIVE_OWN.match(text, s) is None
        ):
            out[-1] = (prev_s, e)
        else:
            out.append((s, e))
    return out


def _inside_number(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


def segment(text: str) -> list[Sentence]:
    """Split ``text`` into sentences and clauses (offsets into ``text``)."""
    if latin_only(text):  # every sentence is Latin: no script count per sentence
        return [Sentence(s, e, Script.LATIN, text) for s, e in _sentence_bounds(text)]
    return [Sentence(s, e, dominant_script(text[s:e]), text) for s, e in _sentence_bounds(text)]


_WORD = re.compile(r"\w+", re.UNICODE)

#: a word that may be (part of) a name: a letter, then letters, digits, apostrophes and
#: hyphens ("O'Brien", "Jean-Paul", "Sokołowem")
NAME_WORD = re.compile(r"[^\W\d_][\w'’\-]*")


def lower_words(text: str) -> frozenset[str]:
    """The words (:data:`NAME_WORD`) ``text`` writes in lower case: a capitalised word the
    text also writes so is a common word opening a sentence, no name."""
    return frozenset(w for w in NAME_WORD.findall(text) if w.islower())


def marker_index(markers: Mapping[str, frozenset[str]]) -> dict[str, tuple[str, ...]]:
    """Which languages each marker word belongs to (the inverse of ``markers``)."""
    out: dict[str, list[str]] = {}
    for code, words in markers.items():
        for w in words:
            out.setdefault(w, []).append(code)
    return {w: tuple(codes) for w, codes in out.items()}


def pick_languages(
    text: str,
    doc_language: str | None,
    by_script: dict[str, list[str]],
    markers: Mapping[str, frozenset[str]],
    index: Mapping[str, tuple[str, ...]] | None = None,
    script: Script | None = None,
) -> list[str]:
    """Which languages' cues to apply to one sentence.

    The sentence's script narrows the choice; among Latin or Cyrillic
    languages, frequent function words ("markers") pick the language, and the
    document's language is added when it uses the same script. Pages mix
    languages (an English summary under a Chinese article), so this is decided
    per sentence, not per document. ``index`` is :func:`marker_index` of
    ``markers``, built once by the caller (each word is looked up once);
    ``script`` is :func:`~claimkit.text.dominant_script` of ``text`` when the
    caller has it (:attr:`Sentence.script`).
    """
    if script is None:
        script = dominant_script(text)
    doc = (doc_language or "").split("-")[0].lower() or None
    if script is Script.KANA:
        return ["ja"]
    if script is Script.HAN:
        return ["zh", "ja"] if doc == "ja" else ["zh"]
    if script is Script.HANGUL:
        return ["ko"]
    candidates = by_script.get(script, [])
    if not candidates:
        return [doc] if doc else []
    scores = _marker_scores(text, candidates, marker_index(markers) if index is None else index)
    if script is Script.CYRILLIC and any(ch in text for ch in "іїєґІЇЄҐ"):
        scores["uk"] = scores.get("uk", 0) + 3
    chosen = _best_scored(candidates, scores, doc)
    if doc in candidates and doc not in chosen:
        chosen.append(doc)
    if not chosen:
        chosen = ["en"] if "en" in candidates else candidates[:1]
    return chosen


def _best_scored(candidates: list[str], scores: Mapping[str, int], doc: str | None) -> list[str]:
    """The candidate with the most markers, the document's language or English first among
    equals, else the first listed (what ``max`` by score, document, English gives); none
    when no candidate has a marker. The scores are compared in C first: most sentences
    leave one candidate at the top, and none needs a key per candidate."""
    top = max(map(scores.__getitem__, candidates))
    if top <= 0:
        return []
    tied = [c for c in candidates if scores[c] == top]
    return [tied[0] if len(tied) == 1 else max(tied, key=lambda c: (c == doc, c == "en"))]


def _marker_scores(
    text: str, candidates: Iterable[str], index: Mapping[str, tuple[str, ...]]
) -> dict[str, int]:
    """How many of ``text``'s words are markers of each candidate language."""
    scores = dict.fromkeys(candidates, 0)
    # only the marker words are looked at: the filter runs in C over the rest
    for w in filter(index.__contains__, _WORD.findall(text.casefold())):
        for code in index[w]:
            if code in scores:
                scores[code] += 1
    return scores


def unique(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out
