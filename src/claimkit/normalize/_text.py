"""Character classes and folding shared by the actor, date and quantity finders."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "is_cased_word", "loose_fold", "script_class", "word_ok_after", "word_ok_before"]

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "＇": "'", "`": "'", "ʼ": "'"})


def _fold_char(c: str) -> str:
    low = c.lower()
    # keep offsets stable: a character whose lower case is longer stays as is
    return low if len(low) == 1 else c


def fold(s: str) -> str:
    """Lower-case ``s`` character by character (same length) with one apostrophe."""
    s = s.translate(_APOSTROPHES)
    low = s.lower()
    if len(low) == len(s):  # lower() never shortens, so every character mapped 1:1
        return low
    return "".join(_fold_char(c) for c in s)


def script_class(c: str) -> str:
    """'han', 'kana', 'kata', 'hangul', 'word' (letters/digits of spaced scripts) or 'other'."""
    o = ord(c)
    if 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x2FFFF:
        return "han"
    if 0x3040 <= o <= 0x309F:
        return "kana"
    if 0x30A0 <= o <= 0x30FF or 0x31F0 <= o <= 0x31FF or 0xFF66 <= o <= 0xFF9F:
        return "kata"
    if 0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
        return "hangul"
    if c.isalnum() or unicodedata.category(c) == "Mn":
        return "word"
    return "other"


# Arabic proclitics written attached to the next word: "و" (and), "ب" (with/in),
# "ل" (for), "ف" (so), "ك" (like).
_ARABIC_PROCLITICS = frozenset("وفبلك")


def word_ok_before(text: str, i: int) -> bool:
    """True when a word of a spaced script may start at ``text[i]``."""
    if i == 0:
        return True
    prev = text[i - 1]
    cls = script_class(prev)
    if cls != "word":
        return True
    return prev in _ARABIC_PROCLITICS and (i == 1 or script_class(text[i - 2]) != "word")


def word_ok_after(text: str, j: int) -> bool:
    """True when a word of a spaced script may end just before ``text[j]``."""
    return j >= len(text) or script_class(text[j]) != "word"


def is_cased_word(s: str) -> bool:
    """True when ``s`` starts with an upper-case letter (a proper noun in Latin/Cyrillic)."""
    return bool(s) and s[0].isupper()


_NON_WORD = re.compile(r"[^\w]+")
# letters NFKD does not decompose; they matter for Vietnamese, Nordic and Polish names
_LOOSE_EXTRA = str.maketrans({"đ": "d", "ø": "o", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe",
                              "ı": "i"})


def loose_fold(s: str) -> str:
    """Case-, accent- and punctuation-insensitive key: ``"Jean-Noël"`` -> ``"jean noel"``.

    Used for whole-name lookups (never for finding names in running text,
    where offsets must stay stable): a name typed without its diacritics
    ("Lars Lokke Rasmussen", "Ha Noi") still finds its entry.
    """
    decomposed = unicodedata.normalize("NFKD", s.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.translate(_LOOSE_EXTRA)
    return _NON_WORD.sub(" ", stripped).replace("_", " ").strip()
