"""What claims that come later in corpus order can change in the meeting clusters.

A claim store validates new claims after every stored one (``claims.seq``),
so a group-local incremental validation (``docs/store.md``, "What a
group-local validation would re-read") rests on two facts of
:mod:`claimkit.consistency.grouping`, pinned here: a day-dated report is
placed before any later claim and keeps its cluster whatever comes after
(the cluster may gain members, never lose or swap its day-dated ones); a
report dated by month is placed after every day-dated one, by the
best-scoring cluster of its days, so a later day-dated report can move it.
"""

from __future__ import annotations

from typing import Any

import pytest

from claimkit.consistency import validate
from claimkit.schemas import DocumentClaims
from tests._store_corpus import records

PARTS = {"RU": "Russia", "FR": "France", "DE": "Germany"}


def _meeting(doc: str, when: str, place: str | None, parts: list[str]) -> DocumentClaims:
    sent = f"Leaders met in {place or 'a city'} ({doc})."
    actors = [{"text": PARTS[p], "name": PARTS[p], "kind": "country", "iso_code": p,
               "resolved": True} for p in parts]
    published = when if len(when) == 10 else f"{when}-28"
    claim: dict[str, Any] = {
        "type": "meeting", "id": f"mee-{doc}", "doc_id": doc, "actor": actors[:1],
        "evidence": [{"start": 0, "end": len(sent), "text": sent, "alignment": "exact"}],
        "date": {"value": when, "granularity": "day" if len(when) == 10 else "month"},
        "participants": actors, "location": place, "status": "held"}
    return DocumentClaims.model_validate({
        "document": {"id": doc, "text": sent, "url": f"https://{doc}.example/a",
                     "published": published, "language": "en"},
        "claims": [claim]})


def _group_of(recs: list[DocumentClaims], claim_id: str) -> set[str]:
    groups = [set(g.claims) for g in validate(recs).groups if claim_id in g.claims]
    assert len(groups) == 1, groups
    return groups[0]


def test_a_later_day_dated_report_moves_a_month_dated_one() -> None:
    stored = [_meeting("d1", "2024-03-10", "Paris", ["RU", "FR"]),
              _meeting("d2", "2024-03-12", "Paris", ["RU", "FR", "DE"]),
              _meeting("d3", "2024-03", "Paris", ["RU", "FR", "DE"])]
    # the March report shares three participants with the 12th, two with the 10th
    assert _group_of(stored, "mee-d3") == {"mee-d2", "mee-d3"}
    # a later report of the 10th names Germany: the 10th now scores three too, a tie
    later = [*stored, _meeting("d4", "2024-03-10", "Paris", ["DE"])]
    assert _group_of(later, "mee-d4") == {"mee-d1", "mee-d4"}
    assert _group_of(later, "mee-d3") == {"mee-d3"}
    assert _group_of(later, "mee-d2") == {"mee-d2"}
    # guard: a later report of another city leaves the March report where it was
    elsewhere = [*stored, _meeting("d5", "2024-03-10", "Rome", ["DE"])]
    assert _group_of(elsewhere, "mee-d3") == {"mee-d2", "mee-d3"}


def _day_dated_mates(recs: list[DocumentClaims], ids: set[str]) -> dict[str, frozenset[str]]:
    """For each day-dated meeting of ``ids``: the day-dated meetings of ``ids`` in its group."""
    day = {c.id for r in recs for c in r.claims if c.id in ids and c.type == "meeting"
           and c.date is not None and c.date.value and len(c.date.value) == 10}
    out: dict[str, frozenset[str]] = {}
    for g in validate(recs).groups:
        mates = frozenset(set(g.claims) & day)
        out.update((cid, mates) for cid in mates)
    return out


@pytest.mark.parametrize("seed", [3, 4])
def test_day_dated_reports_keep_their_clusters_whatever_comes_later(seed: int) -> None:
    old = list(records(1500, seed=seed, days=40, outlets=10))
    new = list(records(300, seed=seed + 100, days=40, outlets=10, start=50_000))
    ids = {c.id for r in old for c in r.claims}
    before = _day_dated_mates(old, ids)
    after = _day_dated_mates(old + new, ids)
    assert before and after == before
    # the new reports do join stored clusters (the test would hold vacuously otherwise)
    new_ids = {c.id for r in new for c in r.claims}
    joined = [g for g in validate(old + new).groups
              if g.type == "meeting" and new_ids & set(g.claims) and ids & set(g.claims)]
    assert joined
