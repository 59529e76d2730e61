"""Brackets around a name or an office: where the officials finder looks for a person
named in brackets after an office ("the head of the agency (Maria Lopez)") or before an
office in brackets ("Maria Lopez (head of the agency)").

Private to :mod:`claimkit.normalize._officials`, which reads the name in the place these
functions give with its own rules (capitalised words, no title word, no known body).
"""

from __future__ import annotations

import re

__all__ = ["bracket_after", "bracket_around"]

#: how far after an office its bracket may open ("der Chef der Bundesagentur für Arbeit (")
_OPEN_REACH = 80
#: how far a bracket may run (a name, or an office and its body)
_CLOSE_REACH = 90
#: how many words may stand between a bracket's opening and the office in it ("(the
#: head of", "(Ticaret Bakanı)", "(Kepala Badan ...)")
_WORDS_BEFORE_OFFICE = 4
#: what no office runs past to its bracket: a sentence's end, a clause mark, a quote,
#: another bracket
_STOP = re.compile(r"[.;:!?()\[\]\"“”«»\n]")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def bracket_after(text: str, e: int) -> tuple[int, int] | None:
    """(start, end) of what a bracket holds when it opens after the office ending at ``e``,
    within :data:`_OPEN_REACH` characters and with no sentence or clause mark, quote or
    other bracket between; None otherwise."""
    k = text.find("(", e, e + _OPEN_REACH)
    if k < 0 or _STOP.search(text, e, k) is not None:
        return None
    close = text.find(")", k + 1, k + 1 + _CLOSE_REACH)
    if close < 0 or _STOP.search(text, k + 1, close) is not None:
        return None
    return k + 1, close


def bracket_around(text: str, q: int, e: int) -> tuple[int, int] | None:
    """(start, end) of the bracket that holds the office at ``[q, e)``, opened at most
    :data:`_WORDS_BEFORE_OFFICE` words before it ("(ministro da Agricultura)", "(the head
    of ...)", "(Ticaret Bakanı)") and closed within reach after it; None otherwise."""
    k = text.rfind("(", max(0, q - 40), q)
    if k < 0 or _STOP.search(text, k + 1, q) is not None or len(_WORD.findall(text, k + 1, q)) > _WORDS_BEFORE_OFFICE:
        return None
    close = text.find(")", e, e + _CLOSE_REACH)
    if close < 0 or _STOP.search(text, e, close) is not None:
        return None
    return k + 1, close
