"""Issue 14: validate does bounded work per claim on a pathological group.

Hostile claim sets where hundreds of claims fall on one place and day, or
quote the same words from hundreds of different texts. Not timing tests: the
bounds are asserted on structure (groups, finding counts, the one "limit"
finding); ``bench/validate.py --hostile`` prints the times.
"""

from __future__ import annotations

import random

from claimkit.consistency import validate
from claimkit.consistency.checks import MAX_LISTED, SYNDICATION_CANDIDATES
from claimkit.consistency.grouping import MAX_CANDIDATES
from claimkit.schemas import DocumentClaims

from .test_consistency import FR, GB, UA, kinds, person, record


def many_meetings(doc_id: str, n: int) -> DocumentClaims:
    """One article reporting ``n`` meetings in Paris on one day (distinct sentences), each
    with an envoy of its own (the same participants would be one meeting restated)."""
    sentences = [f"Leaders met in Paris, round {k}." for k in range(n)]
    return record(doc_id, " ".join(sentences), [
        {"kind": "meeting", "quote": s, "actor": [FR], "participants": [FR, GB, UA, person(f"Envoy {k}")],
         "location": "Paris", "date": "2025-03-27", "status": "held"} for k, s in enumerate(sentences)])


def test_thousands_of_meetings_at_one_place_and_day_give_bounded_groups_and_one_limit_finding() -> None:
    n = MAX_CANDIDATES + 144
    report = validate([many_meetings("a", n), many_meetings("b", n)])
    sizes = sorted(len(g.claims) for g in report.groups)
    assert sum(sizes) == 2 * n
    # b's k-th meeting joins a's k-th while a's first MAX_CANDIDATES candidates are tested
    assert sizes.count(2) == MAX_CANDIDATES and sizes.count(1) == 2 * (n - MAX_CANDIDATES)
    (limit,) = kinds(report.findings, "limit")
    assert limit.severity == "warning"
    # a's meetings past the first MAX_CANDIDATES + 1 (each has more candidates than are
    # tested, all a's own) and b's past the first MAX_CANDIDATES stopped at the limit
    capped = (n - MAX_CANDIDATES - 1) + (n - MAX_CANDIDATES)
    assert limit.details["capped"] == limit.details["claims_total"] == capped
    assert len(limit.claims) == MAX_LISTED
    assert f"the first {MAX_CANDIDATES} candidate events" in limit.message
    # one corroboration per two-document group, nothing else
    assert len(kinds(report.findings, "corroboration")) == MAX_CANDIDATES
    assert len(report.findings) == MAX_CANDIDATES + 1


def test_ordinary_groups_get_no_limit_finding() -> None:
    recs = [many_meetings(f"d{i}", 3) for i in range(20)]
    report = validate(recs)
    assert kinds(report.findings, "limit") == []
    assert sorted(len(g.doc_ids) for g in report.groups) == [20, 20, 20]


def _article(rng: random.Random) -> str:
    words = " ".join("".join(rng.choice("abcdefghijklmnop") for _ in range(7)) for _ in range(40))
    return f"Britain will send troops to Ukraine. {words}."


def test_an_equal_copy_counts_once_however_many_different_texts_quote_the_same_words() -> None:
    rng = random.Random(14)
    texts = [_article(rng) for _ in range(SYNDICATION_CANDIDATES + 40)]
    spec = {"kind": "pledge", "quote": "Britain will send troops", "actor": [GB], "what": "troops"}
    recs = [record(f"d{i}", t, [spec]) for i, t in enumerate(texts)]
    late = texts[-1]  # a text past the similarity candidates, copied by another outlet
    recs.append(record("copy", late.replace(". ", ".\n\n"), [spec]))  # spacing aside, equal
    (found,) = kinds(validate(recs).findings, "corroboration")
    assert found.details["documents"] == len(texts) + 1
    assert found.details["independent"] == len(texts)
