"""Text helpers shared by every layer: folding, scripts and word boundaries.

One implementation of each concept, standard library only, so that the
grounding, normalisation, extraction and consistency layers agree on what a
"Han character" or a "folded name" is.

Folding, two forms for two jobs:

* :func:`fold_case` lower-cases character by character and keeps the length,
  so an offset into the folded text is an offset into the original. Use it to
  *find* things in running text.
* :func:`fold` is a loose key (case, accents and punctuation ignored) for
  *looking up* whole names: ``fold("Jean-Noël") == "jean noel"``. Offsets mean
  nothing in it.

Scripts come from one table, :data:`SCRIPT_RANGES`; every classifier here
(:func:`script_of`, :func:`dominant_script`, :func:`is_unspaced`,
:func:`is_cjk`, :func:`is_katakana`, :func:`written_in`, :func:`is_word_char`)
reads it. Scripts not in the table (Greek, Hebrew, Thai, ...) are reported as
``None`` by :func:`script_of` and are not counted by :func:`dominant_script`.

:func:`dominant_script` runs once per sentence in the rules backend, so it
never loops over characters in Python: ASCII text and text without a
non-Latin character are answered at once (``str.isascii``, one regex search),
Japanese after one count, and the rest by counting each script's runs with a
compiled regex. On 1 MB of mixed news text cut into 9,000 sentences that is
about 2-3 µs a sentence, against about 50 µs for a per-character loop.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Collection, Iterable, Mapping
from enum import StrEnum
from functools import lru_cache
from types import MappingProxyType
from typing import Final

__all__ = [
    "ARABIC_MARKS",
    "CJK_CHAR",
    "CJK_SCRIPTS",
    "SCRIPT_RANGES",
    "Script",
    "char_class",
    "dominant_script",
    "drop_arabic_marks",
    "first_chars",
    "fold",
    "fold_case",
    "fold_case_loose",
    "is_cjk",
    "is_katakana",
    "is_unspaced",
    "is_word_char",
    "latin_only",
    "script_of",
    "windows_around",
    "word_ok_after",
    "word_ok_before",
    "words",
    "written_in",
]


class Script(StrEnum):
    """The writing systems claimkit tells apart (values are the cue files' ``script`` names).

    ``KANA`` is Japanese hiragana and katakana together; :func:`is_katakana`
    separates the two where it matters (katakana names are word-like).
    """

    LATIN = "latin"
    CYRILLIC = "cyrillic"
    ARABIC = "arabic"
    HAN = "han"
    KANA = "kana"
    HANGUL = "hangul"


# ---------------------------------------------------------------- the table

_Ranges = tuple[tuple[int, int], ...]  # inclusive code point ranges

_HIRAGANA: _Ranges = ((0x3040, 0x309F),)
_KATAKANA: _Ranges = (
    (0x30A0, 0x30FF),  # katakana (with the middle dot and the long-vowel mark)
    (0x31F0, 0x31FF),  # katakana phonetic extensions (small letters for Ainu)
    (0xFF66, 0xFF9F),  # half-width katakana
)

#: Code point ranges (inclusive) of each :class:`Script`. No two ranges overlap.
SCRIPT_RANGES: Final[Mapping[Script, _Ranges]] = MappingProxyType({
    Script.LATIN: (
        (0x0041, 0x005A), (0x0061, 0x007A),  # ASCII letters
        (0x00C0, 0x00D6), (0x00D8, 0x00F6), (0x00F8, 0x024F),  # Latin-1 letters, Extended-A/B
        (0x0250, 0x02AF),  # IPA extensions
        (0x1D00, 0x1DBF),  # phonetic extensions (+ supplement)
        (0x1E00, 0x1EFF),  # Latin Extended Additional (Vietnamese)
        (0x2090, 0x209C), (0x2184, 0x2184),  # subscript letters, reversed c
        (0x2C60, 0x2C7F), (0xA720, 0xA7FF), (0xAB30, 0xAB6F),  # Extended-C, -D, -E
        (0xFB00, 0xFB06),  # ligatures ﬀ ﬁ ﬂ
        (0xFF21, 0xFF3A), (0xFF41, 0xFF5A),  # full-width letters
        (0x1DF00, 0x1DFFF),  # Extended-G
    ),
    Script.CYRILLIC: (
        (0x0400, 0x052F),  # Cyrillic and Cyrillic Supplement
        (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F),  # Extended-C, -A, -B
    ),
    Script.ARABIC: (
        (0x0600, 0x06FF),  # Arabic (with its comma, question mark and digits)
        (0x0750, 0x077F),  # Arabic Supplement
        (0x0870, 0x08FF),  # Arabic Extended-B and -A
        (0xFB50, 0xFDFF),  # presentation forms A
        (0xFE70, 0xFEFC),  # presentation forms B (not U+FEFF, the byte order mark)
    ),
    Script.HAN: (
        (0x2E80, 0x2EFF), (0x2F00, 0x2FDF),  # radicals (PDF text has ⽇ for 日)
        (0x3005, 0x3005), (0x3007, 0x3007),  # 々 (iteration mark), 〇 (zero)
        (0x3021, 0x3029), (0x3038, 0x303B),  # Hangzhou numerals, 〻
        (0x3400, 0x4DBF),  # extension A
        (0x4E00, 0x9FFF),  # unified ideographs
        (0xF900, 0xFAFF),  # compatibility ideographs
        (0x20000, 0x3FFFF),  # SIP and TIP: extensions B-H, compatibility supplement
    ),
    Script.KANA: _HIRAGANA + _KATAKANA,
    Script.HANGUL: (
        (0x1100, 0x11FF),  # jamo
        (0x3130, 0x318F),  # compatibility jamo
        (0xA960, 0xA97F),  # jamo extended-A
        (0xAC00, 0xD7AF),  # syllables
        (0xD7B0, 0xD7FF),  # jamo extended-B
        (0xFFA0, 0xFFDC),  # half-width jamo
    ),
})

#: Scripts written one syllable or word per character, without spaces in Chinese and Japanese.
CJK_SCRIPTS: Final = frozenset({Script.HAN, Script.KANA, Script.HANGUL})

_SPANS = sorted((lo, hi, s) for s, ranges in SCRIPT_RANGES.items() for lo, hi in ranges)
_STARTS = [lo for lo, _, _ in _SPANS]
_ENDS = [hi for _, hi, _ in _SPANS]
_OWNERS = [s for _, _, s in _SPANS]


def char_class(ranges: _Ranges) -> str:
    """The inside of a regex character class matching ``ranges``."""
    return "".join(
        re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}"
        for lo, hi in ranges
    )


_RUNS: Final = {s: re.compile(f"[{char_class(r)}]+") for s, r in SCRIPT_RANGES.items()}
_NOT_LATIN_RE: Final = re.compile(
    "[" + "".join(char_class(r) for s, r in SCRIPT_RANGES.items() if s is not Script.LATIN) + "]"
)
_KATAKANA_RE: Final = re.compile(f"[{char_class(_KATAKANA)}]")
#: one character of a CJK script (Han, kana, Hangul), for counting and substitution
CJK_CHAR: Final = re.compile(
    "[" + "".join(char_class(SCRIPT_RANGES[s]) for s in sorted(CJK_SCRIPTS)) + "]"
)
_UNSPACED_SCRIPTS: Final = CJK_SCRIPTS | {Script.ARABIC}


# ------------------------------------------------------------ classifiers


def script_of(c: str) -> Script | None:
    """The :class:`Script` of the character ``c`` per :data:`SCRIPT_RANGES`, or None.

    ``script_of("я") == Script.CYRILLIC``, ``script_of("カ") == Script.KANA``;
    digits, punctuation and other scripts (Greek, Thai, ...) give ``None``,
    except those inside a script's block (Arabic-Indic digits are Arabic).
    """
    o = ord(c)
    i = bisect_right(_STARTS, o) - 1
    if i >= 0 and o <= _ENDS[i]:
        return _OWNERS[i]
    return None


def is_cjk(c: str) -> bool:
    """True when the character ``c`` is Han, kana or Hangul (one character ~ one syllable)."""
    return script_of(c) in CJK_SCRIPTS


def is_katakana(c: str) -> bool:
    """True for a katakana character (full or half width, with ``・`` and ``ー``)."""
    return _KATAKANA_RE.match(c) is not None


def is_unspaced(s: str, *, katakana: bool = True) -> bool:
    """True when ``s`` has a character of a script whose words need no boundary to match.

    Those are Han, kana and Hangul (no spaces, or particles glued to the
    word) and Arabic (proclitics such as و "and" glued to the next word).
    With ``katakana=False`` katakana does not count: katakana spells foreign
    names and loanwords, which must not match inside a longer katakana word.
    """
    if s.isascii():
        return False
    for c in s:  # called on one character or a short cue: no regex needed
        script = script_of(c)
        if script in _UNSPACED_SCRIPTS and (
                katakana or script is not Script.KANA or not is_katakana(c)):
            return True
    return False


def written_in(s: str, scripts: Collection[Script], *, ignore: str = "") -> bool:
    """True when every character of ``s`` is a letter of one of ``scripts`` or is in ``ignore``.

    ``written_in("Hà Nội", {Script.LATIN}, ignore=" ") is True``.
    """
    return all(c in ignore or (c.isalpha() and script_of(c) in scripts) for c in s)


def _count(script: Script, text: str) -> int:
    return sum(map(len, _RUNS[script].findall(text)))


def _first(script: Script, text: str) -> int:
    m = _RUNS[script].search(text)
    return m.start() if m else len(text)


def latin_only(text: str) -> bool:
    """True when ``text`` has no letter of a non-Latin script of the table: then
    :func:`dominant_script` of ``text`` and of every slice of it is :attr:`Script.LATIN`
    (one regex search for a whole document instead of one per sentence)."""
    return text.isascii() or _NOT_LATIN_RE.search(text) is None


def dominant_script(text: str) -> Script:
    """The script most of ``text`` is written in; :attr:`Script.LATIN` when there is none.

    Japanese mixes kanji with kana, so two kana characters make the text
    :attr:`Script.KANA`; Korean may quote Han, so more Hangul than Han makes it
    :attr:`Script.HANGUL`. Otherwise the most frequent script wins, and on a
    tie the one that appears first.
    """
    if latin_only(text):
        return Script.LATIN  # Latin letters only, or no letters of the table at all
    kana = _count(Script.KANA, text)
    if kana >= 2:
        return Script.KANA
    counts = {s: kana if s is Script.KANA else _count(s, text) for s in Script}
    if counts[Script.HANGUL] > counts[Script.HAN]:
        return Script.HANGUL
    most = max(counts.values())  # > 0: the text has a non-Latin character of the table
    tied = [s for s, n in counts.items() if n == most]
    return tied[0] if len(tied) == 1 else min(tied, key=lambda s: _first(s, text))


# --------------------------------------------------------- word boundaries


def is_word_char(c: str) -> bool:
    """True for a letter, digit or combining mark of a script written with spaces.

    Han, kana and Hangul characters are not word characters (a name there
    needs no boundary); neither are spaces and punctuation.
    """
    if c.isascii():
        return c.isalnum()
    return (c.isalnum() or unicodedata.category(c) == "Mn") and not is_cjk(c)


# Arabic proclitics written attached to the next word: "و" (and), "ب" (with/in),
# "ل" (for), "ف" (so), "ك" (like).
_ARABIC_PROCLITICS = frozenset("وفبلك")


def word_ok_before(text: str, i: int) -> bool:
    """True when a word of a spaced script may start at ``text[i]``.

    That is at the start of the text, after a non-word character, or after
    one Arabic proclitic standing at a word start ("وباريس" holds "باريس").
    """
    if i == 0:
        return True
    prev = text[i - 1]
    if not is_word_char(prev):
        return True
    return prev in _ARABIC_PROCLITICS and (i == 1 or not is_word_char(text[i - 2]))


def word_ok_after(text: str, j: int) -> bool:
    """True when a word of a spaced script may end just before ``text[j]``."""
    return j >= len(text) or not is_word_char(text[j])


# ---------------------------------------------------------------- folding

_QUOTE_CHARS = "’‘＇`ʼ"


def _fold_char(c: str) -> str:
    low = c.lower()
    # keep offsets stable: a character whose lower case is longer stays as is
    return low if len(low) == 1 else c


def fold_case(s: str) -> str:
    """``s`` lower-cased character by character, with one apostrophe; same length as ``s``.

    ``fold_case("Jean’s") == "jean's"``. A character whose lower case is
    longer (``"İ"`` lower-cases to ``"i̇"``, two code points) is kept as it is,
    so ``fold_case(s)[i:j]`` always corresponds to ``s[i:j]``.
    """
    for quote in _QUOTE_CHARS:  # str.replace is a C loop; str.translate looks up each character
        if quote in s:
            s = s.replace(quote, "'")
    low = s.lower()
    if len(low) == len(s):  # lower() never shortens, so every character mapped 1:1
        return low
    # character by character: "İ" stays, "Σ" is "σ" wherever it stands (no final "ς");
    # every other character lowers alone as in a string, so the runs between are lowered
    # whole (in C), not one character at a time
    parts = _FOLD_APART.split(s)
    parts[::2] = [p.lower() for p in parts[::2]]
    parts[1::2] = [_fold_char(c) for c in parts[1::2]]
    return "".join(parts)


#: the characters whose lower case in a string is not their own (İ lowers to two code
#: points; Σ to ς at a word's end): :func:`fold_case` lowers them one by one
_FOLD_APART = re.compile("([İΣ])")


#: what ``re.IGNORECASE`` equates beyond ``str.lower`` (Turkish dotted and dotless i, long s)
_LOOSE_CASE_PAIRS = (("İ", "i"), ("ı", "i"), ("ſ", "s"))


def fold_case_loose(s: str) -> str:
    """:func:`fold_case`, also folding what ``re.IGNORECASE`` equates (``İ ı`` -> ``i``, ``ſ`` -> ``s``).

    Same length as ``s``. An automaton that finds literals in this form finds
    every place a case-insensitive pattern starting with them can match.
    """
    for c, folded in _LOOSE_CASE_PAIRS:
        if c in s:
            s = s.replace(c, folded)
    return fold_case(s)


#: Arabic vowel marks (harakat, U+064B..U+0652) and tatweel (U+0640): written or not
ARABIC_MARKS: Final = re.compile("[\u0640\u064b-\u0652]")
_NOT_ARABIC_MARK = re.compile("[^\u0640\u064b-\u0652]+")


def drop_arabic_marks(s: str) -> tuple[str, list[int]] | None:
    """``s`` without :data:`ARABIC_MARKS`, and where each of its characters was in ``s``
    (one more entry: ``len(s)``), so a span ``(a, b)`` of it is ``(at[a], at[b])`` of
    ``s`` (marks after its last letter included); None when ``s`` has no such mark.

    Linear: one regex search, and for a text with marks one pass over its runs.
    """
    if ARABIC_MARKS.search(s) is None:
        return None
    runs = [m.span() for m in _NOT_ARABIC_MARK.finditer(s)]
    at = [i for a, b in runs for i in range(a, b)]
    at.append(len(s))
    return "".join(s[a:b] for a, b in runs), at


_NON_WORD = re.compile(r"[\W_]+")
# letters NFKD does not decompose; they matter for Vietnamese, Nordic, Polish,
# German, French and Turkish names
_EXTRA = str.maketrans({"đ": "d", "ø": "o", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i"})
# kana voicing marks: NFKD splits バ (ba) into ハ (ha) + U+3099, but they make another letter
_KANA_MARKS = frozenset("\u3099\u309a")


@lru_cache(maxsize=200_000)
def fold(s: str) -> str:
    """Case-, accent- and punctuation-insensitive key: ``"Jean-Noël"`` -> ``"jean noel"``.

    Case-folds, strips diacritics (NFKD, then drops combining marks; ``đ ø ł ß
    æ œ ı`` are spelled out; kana keep their voicing marks, so ``パリ`` is not
    ``ハリ``), and turns each run of punctuation, spaces and underscores into
    one space. For whole-name lookups, never for finding names in running
    text (lengths change). Memoised: a corpus repeats the same names many times.
    """
    if s.isascii():  # NFKD, combining marks and _EXTRA change nothing in ASCII
        stripped = s.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", s.casefold())
        kept = "".join(ch for ch in decomposed
                       if ch in _KANA_MARKS or not unicodedata.combining(ch))
        # NFC puts voiced kana and Hangul syllables (split into jamo by NFKD) back together
        stripped = unicodedata.normalize("NFC", kept).translate(_EXTRA)
    return _NON_WORD.sub(" ", stripped).strip()


def words(s: str) -> list[str]:
    """The words of ``fold(s)``: ``words("Emmanuel Macron's") == ["emmanuel", "macron", "s"]``."""
    return fold(s).split()


def first_chars(*groups: Iterable[str]) -> str:
    """The first characters of the words of ``groups``, escaped for a regex character class
    (a lookahead ``(?=[...])`` before a pattern's alternations fails at once where no match
    can start)."""
    return "".join(sorted({re.escape(w[0]) for words in groups for w in words if w}))


def windows_around(
    spans: Iterable[tuple[int, int]], size: int, before: int, after: int
) -> list[tuple[int, int]]:
    """``(start, end)`` windows reaching ``before`` characters before and ``after`` after each
    span (sorted by start), clipped to ``[0, size)``; overlapping or touching ones merged.

    For running a costly pattern only where a match can be: every match holds
    an anchor (a digit, a name) and reaches at most so far beyond it.
    """
    out: list[tuple[int, int]] = []
    for s, e in spans:
        lo, hi = max(0, s - before), min(size, e + after)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out
