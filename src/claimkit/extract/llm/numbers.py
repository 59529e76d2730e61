"""Numbers as a model writes them in the article's language, read as numbers.

A model answering about a Chinese, Arabic or Russian article writes a number the
way that language's newspapers do: with a scale word (``"1亿"``, ``"2 тыс."``,
``"1,5 milyon"``, ``"100 triệu"``, ``"2 Mio."``, ``"mil millones"``) or in the
script's digits (``"٢٠٠٠"``, ``"۱۵۰۰"``, ``"２０００"``). :func:`ascii_digits`
(:func:`claimkit.text.ascii_digits`, named here for :mod:`.coerce`) writes every
script's decimal digits (and the Arabic decimal and thousands marks) as ASCII; :func:`split_scale` takes a trailing scale off a number, so that
:mod:`.coerce` reads the head with its usual locale rules and multiplies.

Nothing is guessed: a tail that is not a scale word of the table (a unit, a
currency, ``"soldiers"``) leaves the value as it is, for validation to drop and
name. The scale words are those of :mod:`claimkit.normalize.quantities`.
"""

from __future__ import annotations

import re

from claimkit.normalize.quantities import SCALE_WORDS
from claimkit.text import ascii_digits

__all__ = ["ascii_digits", "split_scale"]

#: the scale words of normalize/quantities.py, case-folded and without a final period, and
#: their power of ten; a run of them adds up (``mil millones`` is 10^9)
_SCALE_WORDS: dict[str, int] = {w.casefold().rstrip("."): p for w, p in SCALE_WORDS.items()}

#: CJK scale characters; a run of them adds up (``千万`` is 10^7, ``百万`` 10^6)
_SCALE_CHARS = {"十": 1, "百": 2, "千": 3, "万": 4, "萬": 4, "亿": 8, "億": 8, "兆": 12,
                "백": 2, "천": 3, "만": 4, "억": 8, "조": 12}

_HEAD = re.compile(r"^(-?\d[\d\s.,'’\u00a0\u202f]*?)\s*([^\d\s.,'’].*)$", re.DOTALL)


def _scale_power(tail: str) -> int | None:
    """The power of ten a run of scale words or characters says, or None."""
    compact = tail.replace(" ", "")
    if compact and all(c in _SCALE_CHARS for c in compact):
        return sum(_SCALE_CHARS[c] for c in compact)
    words = [w.rstrip(".") for w in tail.casefold().split()]
    whole = " ".join(words)
    if whole in _SCALE_WORDS:
        return _SCALE_WORDS[whole]
    if words and all(w in _SCALE_WORDS for w in words):
        return sum(_SCALE_WORDS[w] for w in words)
    return None


def split_scale(text: str) -> tuple[str, int] | None:
    """``(head, power)`` when ``text`` is a number followed by scale words
    (``"1,5 milyon"`` -> ``("1,5", 6)``, ``"1亿"`` -> ``("1", 8)``); else None."""
    m = _HEAD.match(text.strip())
    if m is None:
        return None
    power = _scale_power(m.group(2).strip())
    return (m.group(1).strip(), power) if power is not None else None
