"""Matching normalisation for grounding, with a map back to original offsets.

Private helper of :mod:`claimkit.grounding`. The normalised form of a string is
built one character at a time (each source character becomes zero, one or a few
normalised characters), so every normalised character knows which source
character it came from. What the form folds together:

* Unicode NFKC (full-width and half-width forms, ligatures, ``…`` -> ``...``);
* case (``str.casefold``);
* diacritics: Latin, Greek and Cyrillic combining marks, Arabic harakat and
  Hebrew points are dropped, and a few letters with no decomposition
  (``đ``, ``ł``, ``ø``, ``œ`` ...) are spelled out;
* quote, apostrophe and dash variants (curly, guillemets, CJK corner brackets,
  en/em dashes, minus sign);
* CJK full stop and comma (``。`` ``、``) as ``.`` and ``,``; the Arabic comma,
  semicolon, question mark and decimal and thousands marks as their ASCII forms;
* digits of every script (Arabic-Indic ``٥``, Persian ``۵``, Devanagari ...) as ASCII
  digits (NFKC already folds full-width ``５``);
* Arabic letters that writers and models interchange: Persian ``ی`` and ``ک`` as
  ``ي`` and ``ك``, alef maksura ``ى`` as ``ي``, teh marbuta ``ة`` as ``ه`` (hamza seats
  and harakat go with the marks above);
* whitespace and invisible format characters are *removed*, not collapsed:
  models add or drop spaces between CJK characters, and web text carries stray
  spaces inside words ("É lys é e"); removing them makes all of those equal.

A quote is composed (NFC) before it is mapped: a model that writes Korean as
conjoining jamo or Vietnamese tones as combining marks gives the syllables of the
article (the document itself is mapped character by character, offsets kept).

The per-character mapping is cached, and a whole text is converted with
``str.translate`` (C speed), so normalising a 200 kB article costs milliseconds.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from itertools import accumulate

from claimkit.text import ascii_digits

__all__ = ["NormalizedText", "normalize", "strip_punct"]

# Combining marks that are "diacritics" for matching purposes. Thai, Devanagari,
# Japanese (dakuten) and other marks that change the letter are kept on purpose.
_STRIP_MARK_RANGES: tuple[tuple[int, int], ...] = (
    (0x0300, 0x036F),  # combining diacritical marks (Latin, Greek, Cyrillic, Vietnamese)
    (0x0483, 0x0489),  # Cyrillic combining marks
    (0x0591, 0x05BD),  # Hebrew points and accents
    (0x05BF, 0x05C7),
    (0x064B, 0x065F),  # Arabic harakat
    (0x0670, 0x0670),
    (0x1AB0, 0x1AFF),  # combining diacritical marks extended
    (0x1DC0, 0x1DFF),  # combining diacritical marks supplement
    (0x20D0, 0x20FF),  # combining marks for symbols
    (0xFE20, 0xFE2F),  # combining half marks
)

_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u2035\u0060\u00b4\u02bc\u02bb\u02b9\u2039\u203a"
_DOUBLE_QUOTES = (
    "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\u300c\u300d\u300e\u300f\u301d\u301e\u301f"
)
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63"

_VARIANTS: dict[str, str] = {
    **{c: "'" for c in _SINGLE_QUOTES},
    **{c: '"' for c in _DOUBLE_QUOTES},
    **{c: "-" for c in _DASHES},
    "\u3002": ".",  # ideographic full stop
    "\uff61": ".",  # half-width ideographic full stop
    "\u3001": ",",  # ideographic comma
    "\uff64": ",",
    "\u22ef": "...",  # midline ellipsis, used doubled in Chinese
    "\u0640": "",  # Arabic tatweel (elongation)
    "\u061b": ";",  # Arabic semicolon
    "\u061f": "?",  # Arabic question mark
    "\u06cc": "\u064a",  # Persian yeh as Arabic yeh
    "\u06a9": "\u0643",  # Persian keheh as Arabic kaf
    "\u0649": "\u064a",  # alef maksura as yeh (interchanged at the end of a word)
    "\u0629": "\u0647",  # teh marbuta as heh
    # Letters with a stroke or ligatures that NFD does not decompose.
    "\u0111": "d",  # đ (Vietnamese, Croatian)
    "\u0142": "l",  # ł
    "\u00f8": "o",  # ø
    "\u0127": "h",  # ħ
    "\u0131": "i",  # dotless ı
    "\u0153": "oe",  # œ
    "\u00e6": "ae",  # æ
    "\u00fe": "th",  # þ
}

_CACHE: dict[str, str] = {}


def _is_stripped_mark(ch: str) -> bool:
    o = ord(ch)
    return any(lo <= o <= hi for lo, hi in _STRIP_MARK_RANGES)


def _strip_marks(s: str) -> str:
    decomposed = unicodedata.normalize("NFD", s)
    if not any(_is_stripped_mark(c) for c in decomposed):
        # Keep the composed form: NFD would split Hangul syllables into jamo.
        return s
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not _is_stripped_mark(c)))


def _norm_char(c: str) -> str:
    """Normalised form of one source character (possibly empty or longer)."""
    cached = _CACHE.get(c)
    if cached is not None:
        return cached
    out: list[str] = []
    for ch in unicodedata.normalize("NFKC", c):
        for folded in _strip_marks(ch.casefold()):
            if folded.isspace() or unicodedata.category(folded) == "Cf":
                continue
            folded = ascii_digits(folded)  # ٥, ۵, ५ -> 5; Arabic ٫ ٬ ، -> . , ,
            out.append(_VARIANTS.get(folded, folded))
    result = "".join(out)
    _CACHE[c] = result
    return result


def _tables(text: str) -> tuple[dict[int, str], dict[int, str] | None]:
    """Translate tables for ``text``: to the normalised form, and to lengths.

    The second table maps each character to ``chr(len(normalised form))``; it
    is None when every character maps to exactly one character (then offsets
    are the identity).
    """
    chars = set(text)
    forms = {c: _norm_char(c) for c in chars}
    table = {ord(c): f for c, f in forms.items() if f != c}
    if all(len(f) == 1 for f in forms.values()):
        return table, None
    return table, {ord(c): chr(len(f)) for c, f in forms.items()}


def normalize(s: str) -> str:
    """The matching form of a quote ``s``, composed first (see the module docstring)."""
    s = unicodedata.normalize("NFC", s)
    return s.translate(_tables(s)[0])


def strip_punct(s: str) -> str:
    """``s`` without leading and trailing punctuation (Unicode category P*)."""
    i, j = 0, len(s)
    while i < j and unicodedata.category(s[i]).startswith("P"):
        i += 1
    while j > i and unicodedata.category(s[j - 1]).startswith("P"):
        j -= 1
    return s[i:j]


class NormalizedText:
    """A text, its matching form, and the map from normalised to source offsets.

    Attributes:
        text: the source text.
        norm: its normalised form.
    """

    __slots__ = ("_cum", "norm", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        table, lengths = _tables(text)
        self.norm = text.translate(table)
        # _cum[i] is the offset in ``norm`` where source character i starts.
        self._cum: list[int] | None = None
        if lengths is not None:
            self._cum = list(accumulate(map(ord, text.translate(lengths)), initial=0))

    def from_source(self, offset: int) -> int:
        """Normalised offset where source offset ``offset`` lands (clamped to the text)."""
        offset = min(max(offset, 0), len(self.text))
        return offset if self._cum is None else self._cum[offset]

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the normalised range ``[start, end)`` (``end > start``).

        The range is widened to whole source characters, and over combining
        marks that follow its last character (they were dropped from ``norm``).
        """
        if self._cum is None:
            return start, end
        # The last source char whose normalised start is <= k is the one that
        # produced normalised char k: deleted chars share the next char's start.
        s = bisect_right(self._cum, start) - 1
        e = bisect_right(self._cum, end - 1)
        text = self.text
        while e < len(text) and _is_stripped_mark(text[e]):
            e += 1
        return s, e
