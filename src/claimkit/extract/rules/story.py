"""The day a story tells of, for the rules backend: the lead's first date, the dateline's day.

News names the day of its events once, in the lead, and tells the rest after it; the
headline above it tells the same day's story. :func:`story_dates` finds that date (not
one on a date line such as "Agency · 2025-03-28 12:39"), :func:`dateline_day` the day a
document with no publication date was written, and :func:`in_headline` whether a claim's
sentence is the headline. The choice between the story's day and the publication day for
a claim is :func:`~.roles.story_choice`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence

from claimkit.extract.rules.support import Mention, Site
from claimkit.schemas import DateResolution

__all__ = ["dateline_day", "in_headline", "story_dates"]

#: how far into the text the lead goes: its first dated sentence says when the story is
_LEAD = 600
#: a line shorter than this, with no sentence end, holding a date is a date line
#: (the page's date or a headline, not a sentence of the story)
_DATE_LINE = 100
_SENTENCE_ENDS = (".", "。", "!", "?", "！", "？", "…", "\"", "”", "»", "」")


def in_headline(text: str, site: Site) -> bool:
    """The claim's sentence is the text's first line, above more lines, and ends as no
    sentence does: the article's headline. A closing quote ends a sentence only after a
    sentence end ('... he said."', 「…だ。」); a headline may close on a quote
    ('中国は「断固反対」', 'Macron : « Nous ne reculerons pas »')."""
    blank = _LEADING_SPACE.match(text, 0, site.sentence[0])
    if blank is None or blank.end() < site.sentence[0]:
        return False  # text before the sentence (asked first: the first line's end is not
        # looked for from every claim of a text without line breaks)
    line_end = text.find("\n")
    if not 0 <= site.sentence[1] <= line_end:
        return False
    return not text[:line_end].rstrip().rstrip(_CLOSING_QUOTES).rstrip().endswith(_SENTENCE_ENDS)


#: the spaces a text opens with (what ``str.strip`` takes: ``\s`` is ``str.isspace``)
_LEADING_SPACE = re.compile(r"\s*")


#: closing quotation marks, which end a sentence only after a sentence end
_CLOSING_QUOTES = "\"”»」"


def story_dates(text: str, dates: Sequence[Mention], published: dt.date | None) -> Mention | None:
    """The first day-precise date of a sentence in the lead, not after publication (None:
    none): :attr:`Scene.story`, once per document."""
    last = published.isoformat() if published is not None else "9999"
    return next((m for m, value in _lead_days(dates) if value <= last and not _on_date_line(text, m)), None)


def dateline_day(dates: Sequence[Mention]) -> dt.date | None:
    """The day of the article's first explicit day-precise date in its lead (a dateline,
    "LONDON, April 14, 2026 (Reuters) -", or a date line under the headline): the day a
    document with no publication date was written, against which "on Tuesday" resolves."""
    for m, value in _lead_days(dates):
        if m.value.resolution == DateResolution.explicit:
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                continue
    return None


def _lead_days(dates: Sequence[Mention]) -> Iterator[tuple[Mention, str]]:
    """The day-precise dates of the lead (its first :data:`_LEAD` characters), in order,
    with their ISO value ("2025-03-27")."""
    for m in dates:
        if m.start >= _LEAD:
            return
        value = m.value.value
        if value is not None and len(value) == len("2025-03-27"):
            yield m, value


def _on_date_line(text: str, m: Mention) -> bool:
    """A short line that is no sentence: "Agency · 2025-03-28 12:39", a headline."""
    start = text.rfind("\n", 0, m.start) + 1
    end = text.find("\n", m.end)
    line = text[start : len(text) if end < 0 else end].rstrip()
    return len(line) < _DATE_LINE and not line.endswith(_SENTENCE_ENDS)
