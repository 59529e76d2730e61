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
    "INVISIBLE_RANGES",
    "SCRIPT_RANGES",
    "ReadingForm",
    "Script",
    "ascii_digits",
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
    "reading_form",
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


#: the scripts in their order (a tuple: iterating the enum itself costs a call per member)
_SCRIPTS: Final = tuple(Script)


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
    counts = {s: kana if s is Script.KANA else _count(s, text) for s in _SCRIPTS}
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
    return _wide_word_char(c)


@lru_cache(maxsize=8192)
def _wide_word_char(c: str) -> bool:
    """:func:`is_word_char` of a character past ASCII (a category and a script looked up:
    memoised, the characters of a script's texts recur)."""
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


#: a decimal digit of another script than ASCII's (Arabic-Indic, Persian, Devanagari, full-width):
#: a digit, then not an ASCII one (the same characters as ``(?![0-9])\d``; opening with the
#: class, the search skips in C to the next digit instead of trying the lookahead everywhere)
_OTHER_DIGIT: Final = re.compile(r"\d(?<![0-9])")


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


#: the Arabic decimal and thousands separators, and the Arabic comma written as the latter
_NUMBER_MARKS: Final = str.maketrans({"\u066b": ".", "\u066c": ",", "\u060c": ","})


def ascii_digits(s: str) -> str:
    """``s`` with the decimal digits of every script as ASCII digits (Arabic-Indic ``٢٠``,
    Persian ``۱۵``, Devanagari ``५``, full-width ``２０``: ``"٣٫٥"`` -> ``"3.5"``) and the
    Arabic decimal and thousands marks (and comma) as ``.`` and ``,``; the length is kept,
    every other character unchanged. The one digit folding of the grounding's matching
    form and of the LLM backend's reading of numbers."""
    if s.isascii():
        return s
    folded = _OTHER_DIGIT.sub(lambda d: str(unicodedata.decimal(d.group())), s)
    # the marks are rare: three scans in C cost less than a translate, which looks every
    # character up in the table's dict (a third of this function's time on news text)
    if "\u066b" in folded or "\u066c" in folded or "\u060c" in folded:
        folded = folded.translate(_NUMBER_MARKS)
    return s if folded == s else folded  # ``s`` itself when nothing changed: callers test it


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


# ------------------------------------------------------------ reading form
#
# What a reader sees of a text, for matching: characters that show nothing (zero-width
# spaces and joiners, the soft hyphen, byte order marks inside the text, bidi controls,
# variation selectors, Arabic tatweel) are left out, spaces that look like a space
# (no-break, narrow, thin, ...) are a space, full-width Latin letters and digits are
# ASCII, and decomposed accents are composed (NFC). Offsets map back to the text.

#: characters that show nothing: Unicode's default-ignorable format characters (soft
#: hyphen, Mongolian vowel separator, zero-width space/non-joiner/joiner, LRM/RLM, bidi
#: embeddings, overrides and isolates, word joiner, invisible operators, BOM, interlinear
#: annotation marks, shorthand and musical format controls, tags), the combining grapheme
#: joiner, variation selectors, and Arabic tatweel (a stretch of the line, no letter). Not
#: the Arabic number signs (U+0600..U+0605), which are drawn.
INVISIBLE_RANGES: Final[_Ranges] = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x0640, 0x0640),
    (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x2064),
    (0x2066, 0x206F), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB),
    (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0001, 0xE0001), (0xE0020, 0xE007F),
    (0xE0100, 0xE01EF),
)
#: spaces drawn as a space (no-break, en/em/thin/hair, narrow no-break, medium
#: mathematical): one ASCII space each. Not U+3000, the ideographic space, which
#: Chinese and Japanese typography uses as such (the segmenter knows it).
_SPACE_LIKE = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"
_ZWSP = "\u200b"
_INVISIBLE_RUN: Final = re.compile(f"[{char_class(INVISIBLE_RANGES)}]+")
# a class with ranges past U+FFFF searches several times slower than one without: the ones
# inside it first, and any character past U+1BC9F (emoji too) as one range
_INVISIBLE_BMP: Final = re.compile(f"[{char_class(tuple(r for r in INVISIBLE_RANGES if r[1] <= 0xFFFF))}]")
_PAST_BMP: Final = re.compile("[\U0001bca0-\U0010ffff]")
_WIDE: Final = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
#: full-width Latin letters and digits: ASCII
_TO_ASCII: Final = str.maketrans(
    {chr(o): chr(o - 0xFEE0) for lo, hi in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
     for o in range(lo, hi + 1)}
)
#: full-width punctuation and the ideographic space, which Chinese and Japanese write, and
#: a text in another script written wide (``ＰＡＲＩＳ，　２７．``) only shows as ASCII
_WIDE_PUNCT: Final = re.compile("[\u3000\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff5e]")
_WIDE_TO_ASCII: Final = str.maketrans(
    {"\u3000": " ", **{chr(o): chr(o - 0xFEE0) for o in range(0xFF01, 0xFF5F)}}
)

# Letters of one script that look like letters of another, written inside a word of the
# other (a Cyrillic "а" in "Mаcron", a Latin "y" in "Пyтин"): one script per word
_LATIN_LOOK: Final = {
    "cyrillic": dict(zip("аеорсухѕіјһԁԛԝӏАВЕКМНОРСТУХЅІЈԚԜ", "aeopcyxsijhdqwlABEKMHOPCTYXSIJQW", strict=True)),
    "greek": dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοικν", "ABEZHIKMNOPTYXoikv", strict=True)),
}
_CYRILLIC_LOOK: Final = {v: k for k, v in _LATIN_LOOK["cyrillic"].items()}
_TO_LATIN: Final = str.maketrans({**_LATIN_LOOK["cyrillic"], **_LATIN_LOOK["greek"]})
_LOOKS_LATIN: Final = frozenset(_LATIN_LOOK["cyrillic"]) | frozenset(_LATIN_LOOK["greek"])
_TO_CYRILLIC: Final = str.maketrans(_CYRILLIC_LOOK)
#: the Latin letters look-alikes are mixed with (ASCII, Latin-1, Extended-A/B and Additional;
#: a short class searches fast)
_LAT = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_CYR_GRK = "\u0370-\u052f"
_GREEK_OR_CYRILLIC: Final = re.compile(f"[{_CYR_GRK}]")
#: two letters side by side, one Latin and one Cyrillic or Greek (every word mixing the
#: scripts has such a pair)
_MIXED: Final = re.compile(f"[{_LAT}][{_CYR_GRK}]|[{_CYR_GRK}][{_LAT}]")
_WORD_AT: Final = re.compile(r"[^\W\d_]*")


def _one_script_words(text: str) -> str:
    """``text`` with each word mixing Latin and Cyrillic or Greek letters written in one
    script, where its other letters have a look-alike there (one for one)."""
    out: list[str] = []
    done = 0  # the text before ``done`` is copied
    latin_text = dominant_script(text) is Script.LATIN
    for m in _MIXED.finditer(text):
        if m.start() < done:
            continue  # inside a word already seen
        start = m.start()
        while start > done and text[start - 1].isalpha():
            start -= 1  # each character is stepped over once: linear
        end = _WORD_AT.match(text, m.start()).end()  # type: ignore[union-attr]  # * matches
        out.append(text[done:start])
        out.append(_in_one_script(text[start:end], latin_text))
        done = end
    out.append(text[done:])
    return "".join(out)


def _in_one_script(word: str, latin_text: bool) -> str:
    """``word`` in the script its letters without a look-alike are written in (in the text's
    script when all have one); as it is when those are of both scripts, or a letter of the
    other script has no look-alike."""
    latin = any(c not in _CYRILLIC_LOOK and script_of(c) is Script.LATIN for c in word)
    other = any(c not in _LOOKS_LATIN and script_of(c) is not Script.LATIN for c in word)
    if latin == other:  # letters only Latin has and letters only Cyrillic has, or neither
        if latin:
            return word
        latin = latin_text
    done = word.translate(_TO_LATIN if latin else _TO_CYRILLIC)
    return done if _MIXED.search(done) is None else word


#: a line break other than LF and CRLF (a lone CR, NEL, VT, FF, the Unicode line and
#: paragraph separators): one LF each
_ODD_BREAK: Final = re.compile("[\r\x0b\x0c\x85\u2028\u2029](?!(?<=\r)\n)")
#: more than one space, or a tab, between words (after the space-like ones are spaces): one space
_SPACE_RUN: Final = re.compile(" [ \t]+|\t[ \t]*")
#: a text with fewer spaces than one per this many characters, but with zero-width spaces,
#: writes its word breaks with them (a zero-width space between two letters is a space)
_CHARS_PER_SPACE = 20


class _Shift:
    """One rewrite of a text: ``pieces`` ``(r, k, o, m)`` say that ``k`` characters at ``r``
    of the new text stand for ``m`` characters at ``o`` of the old (``k`` 0: deleted; ``k``
    equal to ``m``: one for one); between pieces the texts run in step."""

    __slots__ = ("_at", "pieces")

    def __init__(self, pieces: list[tuple[int, int, int, int]]) -> None:
        self.pieces = pieces
        self._at = [r for r, _, _, _ in pieces]

    def start(self, i: int) -> int:
        """Where the character ``i`` of the new text starts in the old."""
        p = bisect_right(self._at, i) - 1
        if p < 0:
            return i
        r, k, o, m = self.pieces[p]
        if i < r + k:
            return o + (i - r) if k == m else o
        return o + m + (i - r - k)

    def end(self, j: int) -> int:
        """Where a span of the new text ending before ``j`` ends in the old (what lies
        between the span's last character and the next one is not in it)."""
        if j <= 0:
            return self.start(0) if j == 0 and not self.pieces else 0
        p = bisect_right(self._at, j - 1) - 1
        if p < 0:
            return j
        r, k, o, m = self.pieces[p]
        if j - 1 < r + k:
            return o + (j - r) if k == m else o + m
        return o + m + (j - r - k)


def _rewrite(text: str, found: Iterable[tuple[int, int, str]]) -> tuple[str, _Shift] | None:
    """``text`` with each ``(start, end, new)`` of ``found`` (in order, apart) put in,
    and the shift back; None when nothing changes."""
    parts: list[str] = []
    pieces: list[tuple[int, int, int, int]] = []
    done = length = 0
    for s, e, new in found:
        parts.append(text[done:s])
        length += s - done
        pieces.append((length, len(new), s, e - s))
        parts.append(new)
        length += len(new)
        done = e
    if not pieces:
        return None
    parts.append(text[done:])
    return "".join(parts), _Shift(pieces)


def _invisible(text: str) -> Iterable[tuple[int, int, str]]:
    """The runs of invisible characters, each left out, or a space where a zero-width
    space between two visible characters stands for one (see :data:`_CHARS_PER_SPACE`)."""
    spaces = sum(map(text.count, " \t\n" + _SPACE_LIKE))
    zwsp_spaces = (_ZWSP in text and (spaces + 1) * _CHARS_PER_SPACE < len(text)
                   and dominant_script(text) not in CJK_SCRIPTS)
    for m in _INVISIBLE_RUN.finditer(text):
        s, e = m.span()
        spaced = (zwsp_spaces and _ZWSP in m.group() and s > 0 and e < len(text)
                  and not text[s - 1].isspace() and not text[e].isspace())
        yield s, e, " " if spaced else ""


#: characters that combine with the one before (canonical combining class > 0) and the
#: Hangul vowel and final jamo, built on first use (only a text that is not NFC needs them)
@lru_cache(maxsize=1)
def _composing() -> re.Pattern[str]:
    marks = [o for o in range(0x300, 0x20000) if unicodedata.combining(chr(o))]
    ranges: list[tuple[int, int]] = []
    for o in marks:
        if ranges and ranges[-1][1] == o - 1:
            ranges[-1] = (ranges[-1][0], o)
        else:
            ranges.append((o, o))
    ranges.append((0x1160, 0x11FF))
    cls = char_class(tuple(sorted(ranges)))
    return re.compile(f"[^{cls}]?[{cls}]+")


def _decomposed(text: str) -> Iterable[tuple[int, int, str]]:
    """Each letter with its combining marks that NFC writes otherwise, composed."""
    if unicodedata.is_normalized("NFC", text):
        return
    for m in _composing().finditer(text):
        piece = m.group()
        composed = unicodedata.normalize("NFC", piece)
        if composed != piece:
            yield m.start(), m.end(), composed


class ReadingForm:
    """A text as a reader sees it (:func:`reading_form`), and the way back to the text."""

    __slots__ = ("_shifts", "text")

    def __init__(self, text: str, shifts: list[_Shift]) -> None:
        self.text = text
        self._shifts = shifts  # the last rewrite first

    def span(self, start: int, end: int) -> tuple[int, int]:
        """``(start, end)`` of the reading form as offsets into the original text:
        from its first character to its last (invisible ones on either side left out)."""
        if end <= start:
            for shift in self._shifts:
                start = shift.start(start)
            return start, start
        for shift in self._shifts:
            start, end = shift.start(start), shift.end(end)
        return start, end


def reading_form(text: str) -> ReadingForm | None:
    """``text`` as a reader sees it, for finding words in it; None when that is ``text``.

    Invisible characters (:data:`INVISIBLE_RANGES`: a zero-width space between
    letters, a soft hyphen, a byte order mark, bidi controls, tatweel) are left
    out, and zero-width spaces written instead of spaces are spaces; spaces of
    other widths (no-break, narrow) are ASCII spaces; full-width Latin letters and
    digits are ASCII; decomposed accents are composed (NFC). ``span`` maps
    offsets back, so what is found in the form is a slice of the text:
    ``reading_form("Mac\\u200bron").text == "Macron"``. Linear, and for a text
    without such characters (almost every text) a few searches in C: about 1 %
    of the rules backend's time on Russian, less on other texts.
    """
    if not _may_change(text):
        return None
    shifts: list[_Shift] = []  # the last rewrite first
    form = text
    if _INVISIBLE_BMP.search(form) is not None or _PAST_BMP.search(form) is not None:
        form = _apply(form, _invisible(form), shifts)
    for c in _SPACE_LIKE:
        if c in form:
            form = form.replace(c, " ")  # one for one, in C
    if _WIDE.search(form) is not None:
        form = form.translate(_TO_ASCII)
        if _WIDE_PUNCT.search(form) is not None and dominant_script(form) not in CJK_SCRIPTS:
            form = form.translate(_WIDE_TO_ASCII)  # a Latin text written wide: its punctuation too
    if _GREEK_OR_CYRILLIC.search(form) is not None and _MIXED.search(form) is not None:
        form = _one_script_words(form)
    if _ODD_BREAK.search(form) is not None:
        form = _apply(form, ((m.start(), m.end(), "\n") for m in _ODD_BREAK.finditer(form)), shifts)
    if "  " in form or "\t" in form:
        form = _apply(form, ((m.start(), m.end(), " ") for m in _SPACE_RUN.finditer(form)), shifts)
    form = _apply(form, _decomposed(form), shifts)
    return ReadingForm(form, shifts) if form != text else None


#: a character :func:`reading_form` may change (one class of few ranges: a fast search;
#: every character past U+1BC9F, emoji included, is let through to the full check)
_MAY_CHANGE: Final = re.compile(
    "[\t\r\x0b\x0c\x85\u00a0\u00ad\u034f\u061c\u0640\u1680\u180b-\u180f\u2000-\u200f"
    "\u2028-\u202f\u205f-\u206f\ufe00-\ufe0f\ufeff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
    "\ufff9-\ufffb"
    "\U0001bca0-\U0010ffff]"
)


def _may_change(text: str) -> bool:
    """False when :func:`reading_form` of ``text`` is ``text`` for sure (in C)."""
    if "  " in text:
        return True
    if text.isascii():
        return any(c in text for c in "\t\r\x0b\x0c")
    return (_MAY_CHANGE.search(text) is not None or not unicodedata.is_normalized("NFC", text)
            or (_GREEK_OR_CYRILLIC.search(text) is not None and _MIXED.search(text) is not None))


def _apply(text: str, found: Iterable[tuple[int, int, str]], shifts: list[_Shift]) -> str:
    """``text`` rewritten by ``found`` (:func:`_rewrite`), its shift put first in ``shifts``."""
    done = _rewrite(text, found)
    if done is None:
        return text
    shifts.insert(0, done[1])
    return done[0]
