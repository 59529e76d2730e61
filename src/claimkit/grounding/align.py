"""Quote -> Span alignment: find the words a model quoted in the article.

A model asked for evidence returns quotes that are almost, but not exactly, in
the article: whitespace collapsed, curly quotes made straight, full-width
punctuation made half-width, case changed, trailing punctuation dropped, the
middle elided with ``...``, a typo or two, diacritics lost. Sometimes it
returns a sentence that is not in the article at all. :func:`align_quote`
turns every real quote into the right :class:`~claimkit.schemas.Span` and
refuses (returns ``None`` for) the rest.

Stages, first success wins:

1. **exact**: ``text.find(quote)`` (then the quote with its surrounding
   whitespace stripped).
2. **normalized**: both sides in a matching form (NFKC, case folding, no
   whitespace, quote/dash/apostrophe variants, diacritics removed; see
   ``_normalize``), mapped back to source offsets; then the same
   with leading and trailing punctuation of the quote ignored.
3. **elision**: a quote ``"A ... B"`` (also ``…``, ``……``, ``[...]``) maps to the
   span from ``A`` to ``B`` when the pieces are found in order and close
   together.
4. **fuzzy**: character-level optimal string alignment with a strict floor
   that depends on the quote's length (``_fuzzy.allowed_edits``);
   candidate windows come from rare trigram seeds, so the cost grows with the
   quote, not with the document.

A quote that occurs several times takes the occurrence nearest the claim's
other evidence (``near``), else the first. ``Span.text`` is always
``text[start:end]``.

Example::

    >>> from claimkit.grounding import align_quote
    >>> span = align_quote("He said: “We will not send troops.”", "we will NOT send troops")
    >>> (span.start, span.end, span.text, span.alignment.value)
    (10, 33, 'We will not send troops', 'normalized')
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence

from claimkit.grounding._fuzzy import FuzzyIndex, allowed_edits
from claimkit.grounding._normalize import NormalizedText, normalize, strip_punct
from claimkit.schemas import Alignment, Span

__all__ = ["Aligner", "align_quote", "align_quotes"]

logger = logging.getLogger(__name__)

# "...", ". . .", "…", "……", "⋯⋯", optionally in brackets: an elided middle.
_ELISION = re.compile(r"\s*[\[(]?\s*(?:\.\s*){3,}\.*\s*[\])]?\s*|\s*[\[(]?\s*[…⋯]+\s*[\])]?\s*")
_MAX_OCCURRENCES = 10_000  # bound on occurrences of one piece of an elided quote
_MAX_NEAR = 16  # `near` spans that steer the fuzzy search (all of them still rank results)
#: Longest quote (normalised characters) the fuzzy and elision stages try: their
#: alignment costs grow with the square of the quote's length, so a longer
#: quote must be found exactly or in matching form (no quote/document pair
#: costs more than linear time in the document).
MAX_FUZZY_QUOTE = 2000
#: Longest normalised document the fuzzy stage indexes (its trigram index
#: costs ~40 bytes per character); longer documents are matched exactly or in
#: matching form only. LLM backends send chunks far below this.
MAX_FUZZY_TEXT = 2_000_000


def _gap(a: tuple[int, int], b: Span) -> int:
    """Characters between range ``a`` and span ``b`` (0 when they touch or overlap)."""
    return max(0, b.start - a[1], a[0] - b.end)


def _pick(candidates: Sequence[tuple[int, int]], near: Sequence[Span]) -> tuple[int, int]:
    """The candidate nearest ``near``, or the first one.

    Nearest: fewest characters between the candidate and a ``near`` span;
    ties go to the closer midpoint (an overlap beats a mere touch), then to
    the earliest candidate.
    """
    if not near:
        return candidates[0]

    def key(c: tuple[int, int]) -> tuple[int, int, int]:
        return (
            min(_gap(c, s) for s in near),
            min(abs((c[0] + c[1]) - (s.start + s.end)) for s in near),
            c[0],
        )

    return min(candidates, key=key)


def _find_all(haystack: str, needle: str, limit: int) -> list[int]:
    """Start offsets of ``needle`` in ``haystack`` (overlapping), at most ``limit``."""
    out: list[int] = []
    i = haystack.find(needle)
    while i >= 0 and len(out) < limit:
        out.append(i)
        i = haystack.find(needle, i + 1)
    return out


def _occurrences(haystack: str, needle: str, anchors: Sequence[tuple[int, int]]) -> list[int]:
    """The first start of ``needle``, plus the starts right before and after each anchor.

    These are the only occurrences the ``near`` rule can choose (the one
    nearest an anchor is the last one starting before it or the first one
    starting at or after it), found with a few C-speed searches however often
    the needle repeats.
    """
    first = haystack.find(needle)
    if first < 0:
        return []
    starts = {first}
    for a_start, _a_end in anchors:
        after = haystack.find(needle, a_start)
        if after >= 0:
            starts.add(after)
        before = haystack.rfind(needle, 0, max(0, a_start - 1 + len(needle)))
        if before >= 0:
            starts.add(before)
    return sorted(starts)


class Aligner:
    """Aligns quotes to one document, reusing its preprocessing.

    Normalisation of the document and its fuzzy index are built on first use
    and kept, so one ``Aligner`` per document makes many quotes cheap.

    Args:
        text: the document text that spans index into.

    Example::

        >>> aligner = Aligner("Paris, 27 March. Macron hosted the summit.")
        >>> aligner.align("macron hosted the summit").start
        17
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._nt_cache: NormalizedText | None = None
        self._fz_cache: FuzzyIndex | None = None

    @property
    def _nt(self) -> NormalizedText:
        if self._nt_cache is None:
            self._nt_cache = NormalizedText(self.text)
        return self._nt_cache

    @property
    def _fz(self) -> FuzzyIndex:
        if self._fz_cache is None:
            self._fz_cache = FuzzyIndex(self._nt.norm)
        return self._fz_cache

    def _span(self, start: int, end: int, alignment: Alignment) -> Span:
        return Span(start=start, end=end, text=self.text[start:end], alignment=alignment)

    # ------------------------------------------------------------------ stages

    def _exact(self, quote: str, near: Sequence[Span]) -> Span | None:
        anchors = [(sp.start, sp.end) for sp in near]
        for q in dict.fromkeys((quote, quote.strip())):
            starts = _occurrences(self.text, q, anchors) if q else []
            if starts:
                start, end = _pick([(s, s + len(q)) for s in starts], near)
                return self._span(start, end, Alignment.exact)
        return None

    def _anchors(self, near: Sequence[Span]) -> list[tuple[int, int]]:
        """``near`` spans in normalised offsets."""
        return [(self._nt.from_source(sp.start), self._nt.from_source(sp.end)) for sp in near]

    def _normalized(self, qn: str, near: Sequence[Span]) -> Span | None:
        anchors = self._anchors(near)
        for needle in dict.fromkeys((qn, strip_punct(qn))):
            starts = _occurrences(self._nt.norm, needle, anchors) if needle else []
            if starts:
                source = [self._nt.to_source(s, s + len(needle)) for s in starts]
                start, end = _pick(source, near)
                return self._span(start, end, Alignment.normalized)
        return None

    def _fuzzy_ranges(self, needle: str, near: Sequence[Span]) -> list[tuple[int, int, int]]:
        """``(distance, start, end)`` normalised ranges of a fuzzy match, best first."""
        edits = allowed_edits(needle)
        if edits <= 0 or len(needle) > MAX_FUZZY_QUOTE or len(self._nt.norm) > MAX_FUZZY_TEXT:
            return []
        focus = [pos for anchor in self._anchors(near[:_MAX_NEAR]) for pos in anchor]
        return self._fz.search(needle, edits, focus)

    def _fuzzy(self, qn: str, near: Sequence[Span]) -> Span | None:
        needle = strip_punct(qn) or qn
        found = self._fuzzy_ranges(needle, near)
        if not found:
            return None
        best = found[0][0]
        ranges = sorted(self._nt.to_source(s, e) for d, s, e in found if d == best)
        start, end = _pick(ranges, near)
        return self._span(start, end, Alignment.fuzzy)

    def _piece_ranges(self, piece: str, near: Sequence[Span]) -> list[tuple[int, int, bool]]:
        """Normalised ranges of one piece of an elided quote, in order; flag = fuzzy."""
        found = _find_all(self._nt.norm, piece, _MAX_OCCURRENCES)
        if found:
            return [(s, s + len(piece), False) for s in found]
        return sorted((s, e, True) for _, s, e in self._fuzzy_ranges(piece, near))

    def _elided(self, quote: str, near: Sequence[Span]) -> Span | None:
        pieces = [strip_punct(normalize(p)) for p in _ELISION.split(quote)]
        pieces = [p for p in pieces if p]
        if len(pieces) < 2:
            # "... B" or "A ...": only one end given; align it as a quote.
            return self._align_plain(pieces[0], near) if pieces else None
        occurrences = [self._piece_ranges(p, near) for p in pieces]
        if not all(occurrences):
            return None
        starts = [[o[0] for o in occ] for occ in occurrences]
        # How far apart consecutive pieces may be: "close together".
        max_gap = max(300, 4 * sum(len(p) for p in pieces))
        chains: list[tuple[int, int, bool]] = []
        for s0, e0, fz0 in occurrences[0]:
            end, fuzzy = e0, fz0
            for occ, occ_starts in zip(occurrences[1:], starts[1:], strict=True):
                k = bisect_left(occ_starts, end)  # first piece starting after `end`
                if k == len(occ) or occ_starts[k] > end + max_gap:
                    break
                end, fuzzy = occ[k][1], fuzzy or occ[k][2]
            else:
                chains.append((s0, end, fuzzy))
        if not chains:
            return None
        # Several chains: nearest to `near`, else the tightest, else the first.
        by_range = {self._nt.to_source(s, e): fz for s, e, fz in chains}
        ranges = sorted(by_range, key=lambda r: (r[1] - r[0], r[0]))
        start, end = _pick(ranges, near)
        alignment = Alignment.fuzzy if by_range[(start, end)] else Alignment.normalized
        return self._span(start, end, alignment)

    def _align_plain(self, qn: str, near: Sequence[Span]) -> Span | None:
        return self._normalized(qn, near) or self._fuzzy(qn, near)

    # ------------------------------------------------------------------ public

    def align(self, quote: str, near: Sequence[Span] = ()) -> Span | None:
        """The span of ``quote`` in the text, or None when it is not there.

        Args:
            quote: words a model says are in the text.
            near: the claim's other evidence; when the quote occurs several
                times, the occurrence nearest these spans is taken (else the
                first).

        Returns:
            A :class:`Span` whose ``text`` is ``text[start:end]`` and whose
            ``alignment`` says which stage matched, or None for an empty,
            whitespace-only or ungroundable quote.
        """
        if not isinstance(quote, str) or not quote.strip() or not self.text:
            return None
        near = tuple(near)
        span = self._exact(quote, near)
        if span is not None:
            return span
        qn = normalize(quote)
        if not qn:
            return None
        span = self._normalized(qn, near)
        if span is None and len(qn) <= MAX_FUZZY_QUOTE and _ELISION.search(quote):
            span = self._elided(quote, near)
        if span is None:
            span = self._fuzzy(qn, near)
        if span is None:
            logger.debug("quote not found in text: %.80r", quote)
        return span

    def align_many(self, quotes: Iterable[str], near: Sequence[Span] = ()) -> list[Span | None]:
        """:meth:`align` each quote, in order, with the same ``near``."""
        return [self.align(q, near) for q in quotes]


def align_quote(text: str, quote: str, *, near: Sequence[Span] = ()) -> Span | None:
    """Return the span of ``quote`` in ``text``, or None when it is not there.

    See the module docstring for the matching stages. For many quotes of one
    document use :func:`align_quotes` or an :class:`Aligner`.

    Args:
        text: the document text.
        quote: the words to find.
        near: spans of the claim's other evidence (tie-break between repeats).

    Returns:
        The span, or None for an empty or ungroundable quote. Never raises for
        string input.
    """
    return Aligner(text).align(quote, near)


def align_quotes(
    text: str, quotes: Sequence[str], *, near: Sequence[Span] = ()
) -> list[Span | None]:
    """Align many quotes of one document, sharing its preprocessing.

    Args:
        text: the document text.
        quotes: the quotes, e.g. all evidence of all claims of the document.
        near: spans used to choose between repeated occurrences.

    Returns:
        One ``Span`` or None per quote, in order.
    """
    return Aligner(text).align_many(quotes, near)
