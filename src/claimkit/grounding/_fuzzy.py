"""Fuzzy search of a normalised quote in a normalised text.

Private helper of :mod:`claimkit.grounding`. Character-level, so it works the
same for text with spaces and for Chinese, Japanese, Korean or Thai text
without them (the normalised form has no spaces at all).

How it stays near-linear: a character trigram index of the text is built once
per document. A quote's trigrams that are rare in the text vote for the
diagonal (text offset minus quote offset) where the quote would start; only the
few best-voted windows are compared with rapidfuzz (C++), first
``fuzz.partial_ratio_alignment`` to place the quote inside the window, then an
optimal-string-alignment distance (a typo, including a swap of two letters,
costs 1) to settle both ends. Nothing compares the quote with every window.

The floor is strict and depends on the quote length: short quotes must match
almost exactly (see :func:`allowed_edits`).

Before a window is compared, it must hold as many of the quote's trigrams as a
match could keep (:func:`_enough_trigrams`: one edit breaks at most four of them):
a quote that is nowhere in the text (a model's invention, 1,000 characters of it)
costs a count of trigrams per window instead of a ~20 ms alignment, with the same
matches found.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import accumulate

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Levenshtein

from claimkit.text import is_cjk

__all__ = ["FuzzyIndex", "allowed_edits", "foreign_run"]

_Q = 3  # trigram seeds: specific enough in every script, survive 1 typo in 3
_MAX_OCC = 64  # a seed seen more often than this says little about where the quote is
_MAX_CANDIDATES = 8  # windows verified per quote


def allowed_edits(needle: str) -> int:
    """How many typos (OSA edits) a fuzzy match of ``needle`` may have.

    Length is weighed so that a CJK ideograph, kana or Hangul syllable counts
    as two characters (it carries about as much as a short word). Below a
    weight of 8 only an exact or normalised match is accepted.
    """
    weight = sum(2 if is_cjk(ch) else 1 for ch in needle)
    if weight < 8:
        return 0
    if weight < 16:
        return 1
    if weight < 32:
        return 2
    return int(weight * 0.08)


def foreign_run(needle: str, found: str) -> int:
    """Weight of the longest stretch of ``needle`` that ``found`` does not back up.

    Typos are scattered single characters; a fabricated quote that reuses an
    article sentence differs in one block ("pasukan tidak akan" where the text
    names three countries). The edit budget alone cannot tell them apart on a
    long quote; the size of the largest block of new material can. A stretch
    is backed up only by a matching run of weight 3 or more (three letters, or
    two CJK characters): single letters that happen to match inside a
    fabricated phrase do not count. Weights as in :func:`allowed_edits`.
    """
    cum = list(accumulate((2 if is_cjk(ch) else 1 for ch in needle), initial=0))
    longest, covered = 0, 0  # covered: end of the last solid match in needle
    for op in Levenshtein.opcodes(needle, found):
        i1, i2 = op.src_start, op.src_end
        if op.tag == "equal" and cum[i2] - cum[i1] >= 3:
            longest = max(longest, cum[i1] - cum[covered])
            covered = i2
    return max(longest, cum[-1] - cum[covered])


def max_foreign_run(max_edits: int) -> int:
    """The largest block of new material a fuzzy match may contain."""
    return max(8, max_edits // 2)


def _voted_buckets(seeds: list[tuple[int, list[int]]], width: int) -> list[int]:
    """Diagonal buckets (of ``width``) ranked by the rare seeds that vote for them."""
    rare = [s for s in seeds if len(s[1]) <= _MAX_OCC]
    if not rare:
        # Every seed is common (a quote from a repetitive text): use the
        # rarest few so the work stays bounded.
        rare = sorted(seeds, key=lambda s: len(s[1]))[:4]
    votes: defaultdict[int, int] = defaultdict(int)
    for j, pos in rare:
        for p in pos[: _MAX_OCC * 4]:
            votes[(p - j) // width] += 1
    # Indels move the diagonal a little: score a bucket with its right neighbour.
    paired = {b: v + votes.get(b + 1, 0) for b, v in votes.items()}
    return [b for b, _ in sorted(paired.items(), key=lambda bv: (-bv[1], bv[0]))]


def _buckets_near(seeds: list[tuple[int, list[int]]], width: int, f: int) -> list[int]:
    """The two best buckets from each seed's occurrences right before and after ``f``."""
    local: defaultdict[int, int] = defaultdict(int)
    for j, pos in seeds:
        k = bisect_left(pos, f + j)
        for p in pos[max(0, k - 1) : k + 1]:
            local[(p - j) // width] += 1
    ranked = sorted(local, key=lambda b: (-local[b] - local.get(b + 1, 0), abs(b * width - f)))
    return ranked[:2]


#: how far a match may end up outside its window: ``_refine`` widens it by
#: ``max_edits + 1``, then moves each end at most ``3 x 4`` characters
_SLACK = 13


def _trigrams(text: str) -> Counter[str]:
    return Counter(text[i : i + _Q] for i in range(len(text) - _Q + 1))


def _enough_trigrams(grams: Counter[str], norm: str, start: int, end: int, need: int) -> bool:
    """``norm[start:end]`` shares at least ``need`` trigrams (counted with their
    repeats) with the quote whose trigrams are ``grams``.

    A match within ``d`` edits (OSA) keeps at least ``len(quote) - 2 - 4 * d`` of
    the quote's trigrams: a substitution or deletion breaks the three that cover
    it, an insertion two, a swap of two letters four. A window (widened by what
    ``_refine`` may add) holding fewer cannot contain a match.
    """
    return sum((grams & _trigrams(norm[start:end])).values()) >= need


def _add_start(starts: list[int], start: int, width: int) -> None:
    if all(abs(start - s) > width for s in starts):
        starts.append(start)


class FuzzyIndex:
    """Trigram index of a normalised text for fuzzy quote search.

    Args:
        norm: the normalised text (see ``grounding/_normalize``).
    """

    __slots__ = ("_grams", "norm")

    def __init__(self, norm: str) -> None:
        self.norm = norm
        grams: defaultdict[str, list[int]] = defaultdict(list)
        for i in range(len(norm) - _Q + 1):
            grams[norm[i : i + _Q]].append(i)
        self._grams = grams

    def _diagonals(self, needle: str, width: int, focus: Sequence[int]) -> list[int]:
        """Start offsets (in ``norm``) of the windows worth verifying, best first.

        ``focus`` positions (the claim's other evidence) each add the best
        window next to them, so the nearest of many repeats can be chosen.
        """
        seeds: list[tuple[int, list[int]]] = []
        for j in range(len(needle) - _Q + 1):
            pos = self._grams.get(needle[j : j + _Q])
            if pos:
                seeds.append((j, pos))
        if not seeds:
            return []
        starts: list[int] = []
        for b in _voted_buckets(seeds, width):
            if len(starts) >= _MAX_CANDIDATES:
                break
            _add_start(starts, b * width, width)
        for f in focus:
            for b in _buckets_near(seeds, width, f):
                _add_start(starts, b * width, width)
        return starts

    def search(
        self, needle: str, max_edits: int, focus: Sequence[int] = ()
    ) -> list[tuple[int, int, int]]:
        """Places where ``needle`` matches with at most ``max_edits`` edits.

        ``focus``: normalised offsets near which to look as well (see
        :meth:`_diagonals`).

        Returns:
            ``(distance, start, end)`` triples in normalised offsets, sorted by
            distance then start; empty when nothing is close enough.
        """
        n, m = len(self.norm), len(needle)
        if max_edits <= 0 or m < _Q or n == 0:
            return []
        width = max(4, max_edits + 1)
        pad = max_edits + 2
        # Similarity a true match must at least reach in partial_ratio (Indel
        # based: one substitution or swap is two indels); a cheap first filter.
        cutoff = max(0.0, 100.0 * (1.0 - (2 * max_edits + 2 * pad) / (2 * m)))
        found: dict[tuple[int, int], int] = {}
        grams = _trigrams(needle)
        need = (m - _Q + 1) - 4 * max_edits  # trigrams any match keeps
        slack = max_edits + 1 + _SLACK
        for diag in self._diagonals(needle, width, focus):
            ws = max(0, diag - pad)
            we = min(n, diag + 2 * width + m + pad)
            if need > 0 and not _enough_trigrams(grams, self.norm, max(0, ws - slack),
                                                 min(n, we + slack), need):
                continue
            if we - ws >= m:
                al = fuzz.partial_ratio_alignment(needle, self.norm[ws:we], score_cutoff=cutoff)
                if al is None:
                    continue
                s0, e0 = ws + al.dest_start, ws + al.dest_end
            else:
                s0, e0 = ws, we
            dist, s, e = self._refine(needle, s0, e0, max_edits)
            if (
                dist <= max_edits
                and e > s
                and foreign_run(needle, self.norm[s:e]) <= max_foreign_run(max_edits)
            ):
                found[(s, e)] = dist
        return sorted((d, s, e) for (s, e), d in found.items())

    def _refine(self, needle: str, s: int, e: int, max_edits: int) -> tuple[int, int, int]:
        """Settle both ends of ``[s, e)`` to minimise the OSA distance to ``needle``.

        One Levenshtein alignment against the slightly widened window puts the
        ends near the first and last solid matches (insertions and deletions
        near the ends move them by up to ``max_edits``); a short local search
        then settles them, so the cost stays bounded for long quotes.
        """
        norm, m = self.norm, len(needle)
        ws, we = max(0, s - max_edits - 1), min(len(norm), e + max_edits + 1)
        solid = [
            op
            for op in Levenshtein.opcodes(needle, norm[ws:we])
            if op.tag == "equal" and op.src_end - op.src_start >= 2
        ]
        if solid:
            # Unmatched quote characters before the first (after the last)
            # solid match are typos of the text characters next to it.
            s = max(ws, ws + solid[0].dest_start - solid[0].src_start)
            e = min(we, ws + solid[-1].dest_end + (m - solid[-1].src_end))
        reach = min(max_edits + 1, 4)
        limit = m + (e - s)  # no distance exceeds this; cutoff only bounds the work
        best = OSA.distance(needle, norm[s:e], score_cutoff=limit)

        def key(d: int, a: int, b: int) -> tuple[int, int, int]:
            # Fewest edits; then the length closest to the quote's; then leftmost.
            return (d, abs((b - a) - m), a)

        for _ in range(3):
            moved = False
            for a in range(max(0, s - reach), min(e, s + reach + 1)):
                d = OSA.distance(needle, norm[a:e], score_cutoff=limit)
                if key(d, a, e) < key(best, s, e):
                    best, s, moved = d, a, True
            for b in range(max(s + 1, e - reach), min(len(norm), e + reach) + 1):
                d = OSA.distance(needle, norm[s:b], score_cutoff=limit)
                if key(d, s, b) < key(best, s, e):
                    best, e, moved = d, b, True
            if not moved:
                break
        return best, s, e
