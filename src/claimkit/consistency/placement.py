"""Placing undated position claims in time: the year that bounds them.

A "position" claim (a pledge, a refusal...) is grouped with the reports of
the same actor and object *in the same year*. Its year is its date's, else
its article's publication year. Without either, three readings of the
documents themselves can still bound it, in this order:

1. **its own quoted date words**: an undated claim whose quotes say when
   ("去年12月", "in March 2025") read with the normaliser's
   :func:`claimkit.normalize.find_dates`, anchored on the publication date;
   used when every date found in its quotes falls in one year;
2. **its article's own dated claims**: an article without a publication date
   with at least :data:`MIN_VOTES` dated claims (events still to come, a
   "scheduled" meeting, are not counted), all in one year ``Y`` (one
   date alone may be a target, "by 2028"), the latest at least
   :data:`ARTICLE_LAG_DAYS` before the year ends (news reports recent events,
   so it was published in ``Y``);
3. **the dated positions it shares with other articles**: an article still
   without a year whose claims join blocks (same type, actor and object) that
   other articles report in exactly one known year: each such block votes for
   its year, and the article is placed in ``Y`` when at least
   :data:`MIN_VOTES` blocks vote for ``Y`` and more than half of all votes
   are for ``Y``. A block reported in several years casts no vote. Repeated
   until no article moves, so an article placed in one round can place
   another in the next.

One shared block is never enough (a position repeated every year may be
known in only one year of the corpus), and an article's claims of unknown year
all move together: an article is from one time.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from claimkit.normalize.dates import find_dates, month_names
from claimkit.schemas import ClaimBase, Document

if TYPE_CHECKING:
    from claimkit.consistency.grouping import ClaimInfo

__all__ = ["ARTICLE_LAG_DAYS", "MIN_VOTES", "Placement", "article_years", "place_articles", "quoted_year"]

#: an article without a publication date is taken to be from the year of its dated
#: claims only when the latest is at least this many days before that year ends
ARTICLE_LAG_DAYS = 31
#: an article is placed by the positions it shares with others only when at
#: least this many of its blocks vote for one year
MIN_VOTES = 2
#: rounds of placement by shared positions (each round places at least one article)
MAX_ROUNDS = 8
K = TypeVar("K", bound=Hashable)

#: quotes longer than this are not searched for date words (a whole paragraph says more than when)
_MAX_QUOTE = 400


_DIGITS = re.compile(r"\d+")
#: after a number: 月/年 ("12月", "2025年"), or a day-month separator and a number ("10/4")
_AFTER_NUMBER = re.compile(r"\s?[月年]|\s?[./-]\s?\d{1,2}(?!\d)")
_WORD_AFTER = re.compile(r"\.?\s{0,2}([^\W\d_]++)")
_WORD_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_]++)\.?\s{0,2}$")


def _may_date_a_year(text: str) -> bool:
    """Whether ``text`` may hold a date that says its year or month: a cheap test before
    :func:`find_dates` (weekdays and "yesterday" keep the publication's year).

    Looks only around numbers: a year ("2025"), a number before 月/年, a numeric
    day and month ("10/4"), or a month name next to a number ("27 March", "März 2025").
    """
    for m in _DIGITS.finditer(text):
        start, end = m.span()
        run = m.group()
        if len(run) == 4 and 1800 <= int(run) < 2200:
            return True
        if len(run) > 2:
            continue
        if _AFTER_NUMBER.match(text, end):
            return True
        words = [w.group(1) for w in (_WORD_AFTER.match(text, end),
                                      _WORD_BEFORE.search(text, max(0, start - 24), start)) if w]
        if words:
            months = month_names()
            if any(w.casefold() in months or f"{w.casefold()}." in months for w in words):
                return True
    return False


def quoted_year(claim: ClaimBase, document: Document | None) -> int | None:
    """The one year the date words of an undated claim's quotes fall in, else None.

    Relative words ("去年12月", "1 December" in a February article) are
    anchored on the document's publication date; without it only words naming
    their year count. Only dates with a number are read: a weekday or
    "yesterday" keeps the publication's year. A date after the publication's
    year is a target ("troops ready by March 2026" in a 2025 article), not when
    the claim was made: not counted.
    """
    published = document.published if document is not None else None
    language = document.language if document is not None else None
    years: set[int] = set()
    for span in claim.evidence:
        text = span.text
        if not text or len(text) > _MAX_QUOTE or not _may_date_a_year(text):
            continue
        for m in find_dates(text, published=published, language=language):
            value = m.date.value
            if value and len(value) >= 4 and value[:4].isdigit():
                years.add(int(value[:4]))
    if published is not None:
        years = {y for y in years if y <= published.year}
    return years.pop() if len(years) == 1 else None


def article_years(infos: Iterable[ClaimInfo]) -> dict[str, int]:
    """The year of each article without a publication date, from its own dated claims.

    Only articles with at least :data:`MIN_VOTES` dated claims, all in one
    year, the latest at least :data:`ARTICLE_LAG_DAYS` before the year ends,
    get one.
    """
    return _years_of_spans(_dated_spans(infos))


def _dated_spans(infos: Iterable[ClaimInfo]) -> dict[str, list[tuple[int, int]]]:
    """Per article without a publication date, the day ranges of its dated claims, but
    those of events still to come (a status that is not a past one: "scheduled" for
    January, in an article of December, says nothing of the article's year)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for info in infos:
        doc = info.document
        if doc is None or doc.published is not None or info.date is None or _upcoming(info):
            continue
        spans.setdefault(info.doc, []).append((info.date[0], info.date[1]))
    return spans


def _upcoming(info: ClaimInfo) -> bool:
    """Whether a claim reports an event still to come (its status says so)."""
    name = info.traits.status_field
    if name is None:
        return False
    status = getattr(info.claim, name, None)
    status = getattr(status, "value", status)
    return status is not None and status not in info.traits.past_statuses


def _years_of_spans(spans: Mapping[str, list[tuple[int, int]]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for doc_id, ss in spans.items():
        if len(ss) < MIN_VOTES:
            continue
        first = dt.date.fromordinal(min(lo for lo, _ in ss))
        last = dt.date.fromordinal(max(hi for _, hi in ss))
        if first.year == last.year and (last + dt.timedelta(days=ARTICLE_LAG_DAYS)).year == last.year:
            out[doc_id] = last.year
    return out


@dataclass
class Placement:
    """What placing undated articles needs to know of a corpus, mergeable across its parts.

    A distributed engine (or a claim store) that groups parts of a corpus
    apart computes one per part (:func:`claimkit.consistency.placement_of`),
    merges them (:meth:`merge`), and passes :meth:`years` to every part's
    ``build_context(..., years=...)``: the parts then place undated articles
    as one validation of the whole corpus does.

    Attributes:
        known: per position block, the years its claims of known year give.
        unknown: per article of unknown year, the blocks of its claims of unknown year.
        spans: per article without a publication date, its dated claims' day ranges.
    """

    known: dict[Hashable, set[int]] = field(default_factory=dict)
    unknown: dict[str, list[Hashable]] = field(default_factory=dict)
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def merge(self, other: Placement) -> Placement:
        """Both parts' knowledge (a document's claims are expected in one part)."""
        known = {k: set(v) for k, v in self.known.items()}
        for k, v in other.known.items():
            known.setdefault(k, set()).update(v)
        unknown = {d: list(b) for d, b in self.unknown.items()}
        for d, b in other.unknown.items():
            unknown.setdefault(d, []).extend(b)
        spans = {d: list(x) for d, x in self.spans.items()}
        for d, x in other.spans.items():
            spans.setdefault(d, []).extend(x)
        return Placement(known, unknown, spans)

    def years(self) -> dict[str, int]:
        """The year of every article it can place (its own dates first, then shared positions)."""
        known = {k: set(v) for k, v in self.known.items()}
        unknown = dict(self.unknown)
        own = {d: y for d, y in _years_of_spans(self.spans).items() if d in unknown}
        for doc_id, year in own.items():
            for block in unknown.pop(doc_id):
                known.setdefault(block, set()).add(year)
        own.update(place_articles(unknown, known))
        return own


def place_articles(unknown: Mapping[str, Sequence[K]], known: dict[K, set[int]]) -> dict[str, int]:
    """Years of articles placed by the positions they share with other articles.

    Args:
        unknown: per article of unknown year, the blocks its claims of unknown
            year are in (a block: any hashable key, e.g. type, actor, object).
        known: per block, the years in which other claims report it; updated
            in place with the years of the articles placed.

    Returns:
        ``{article: year}`` for the articles placed (see the module docstring).
    """
    placed: dict[str, int] = {}
    pending = dict(unknown)
    for _ in range(MAX_ROUNDS):
        this_round: dict[str, int] = {}
        for doc_id, blocks in sorted(pending.items()):
            year = _vote(blocks, known)
            if year is not None:
                this_round[doc_id] = year
        if not this_round:
            break
        for doc_id, year in this_round.items():  # decided on the round's start state
            for block in pending.pop(doc_id):
                known.setdefault(block, set()).add(year)
        placed.update(this_round)
    return placed


def _vote(blocks: Sequence[K], known: Mapping[K, set[int]]) -> int | None:
    votes: Counter[int] = Counter()
    for block in set(blocks):
        years = known.get(block)
        if years is not None and len(years) == 1:
            votes[next(iter(years))] += 1
    if not votes:
        return None
    (year, n), = votes.most_common(1)
    return year if n >= MIN_VOTES and 2 * n > sum(votes.values()) else None
