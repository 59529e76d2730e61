"""Text folding shared by the key functions and the tables."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "words"]

_NON_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower-case, strip accents, turn punctuation runs into single spaces.

    ``fold("Péter Szijjártó") == "peter szijjarto"``. Cached because the same
    names recur across a corpus.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # đ/ø/ł do not decompose; they matter for Vietnamese, Nordic and Polish names
    stripped = stripped.translate(_EXTRA)
    return _NON_WORD.sub(" ", stripped).replace("_", " ").strip()


_EXTRA = str.maketrans({"đ": "d", "ø": "o", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i"})


def words(text: str) -> list[str]:
    """The folded words of ``text``."""
    return fold(text).split()
