"""Issue 17: link keys say which claims can affect each other; their components are closed.

Each component of the graph "claims sharing a key", validated alone, gives the
groups and cross-document findings it has inside the whole corpus: checked on
the gold claims of the samples (dated, undated and placed articles) and on
hand-made corpora.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimkit.consistency import build_context, link_components, link_keys, validate
from claimkit.schemas import DocumentClaims

from ._gold_claims import gold_records
from .test_consistency import FR, GB, UA, summit
from .test_consistency_placement import ja_article, vi_article, year_reports

CROSS = ("corroboration", "conflict", "contradiction", "stance_change")


def _outcome(recs: list[DocumentClaims]) -> tuple[set[frozenset[str]], set[tuple[str, frozenset[str]]]]:
    report = validate(recs)
    groups = {frozenset(g.claims) for g in report.groups}
    findings = {(f.kind, frozenset(f.claims)) for f in report.findings if f.kind in CROSS}
    return groups, findings


def _by_component(recs: list[DocumentClaims]) -> list[list[DocumentClaims]]:
    infos = build_context(recs, group=False).infos
    roots = link_components(link_keys(i) for i in infos)
    parts: dict[int, list[tuple[int, int]]] = {}
    n = 0
    for r_i, rec in enumerate(recs):
        for c_i in range(len(rec.claims)):
            parts.setdefault(roots[n], []).append((r_i, c_i))
            n += 1
    out = []
    for members in parts.values():
        by_rec: dict[int, list[int]] = {}
        for r_i, c_i in members:
            by_rec.setdefault(r_i, []).append(c_i)
        out.append([recs[r].model_copy(update={"claims": [recs[r].claims[c] for c in cs]})
                    for r, cs in sorted(by_rec.items())])
    return out


def _assert_closed(recs: list[DocumentClaims]) -> int:
    whole_groups, whole_findings = _outcome(recs)
    groups: set[frozenset[str]] = set()
    findings: set[tuple[str, frozenset[str]]] = set()
    parts = _by_component(recs)
    for part in parts:
        g, f = _outcome(part)
        groups |= g
        findings |= f
    assert groups == whole_groups
    assert findings == whole_findings
    return len(parts)


def test_components_of_the_gold_claims_are_closed(gold_dir: Path, articles_dir: Path) -> None:
    recs = gold_records(gold_dir, articles_dir)
    n = _assert_closed(recs)
    assert 1 < n < sum(len(r.claims) for r in recs)  # neither one blob nor all alone


@pytest.mark.parametrize("corpus", ["placed", "events"])
def test_components_of_hand_made_corpora_are_closed(corpus: str) -> None:
    if corpus == "placed":
        recs = [year_reports(2025, "en25"), year_reports(2026, "en26", uk=False), ja_article(),
                vi_article(("2025-04-10", "2025-03-02"))]
    else:
        recs = [summit("a", None), summit("b", None, date="2025-03", language="ru"),
                summit("c", None, date="2025-03-28", location="Kyiv", participants=(FR, GB, UA)),
                summit("d", None, date="2025-03-26", location="London", published="2025-03-27")]
    _assert_closed(recs)


def test_an_undated_article_links_all_its_claims_and_passive_keys_link_only_to_active_ones() -> None:
    infos = build_context([ja_article()], group=False).infos
    assert len(set(link_components(link_keys(i) for i in infos))) == 1  # one d| key
    assert all("d|ja" in link_keys(i) for i in infos)
    assert link_components([{"~x"}, {"~x"}, {"y"}]) == [0, 1, 2]
    assert link_components([{"~x"}, {"x"}, {"~x", "z"}, {"z"}]) == [0, 0, 0, 0]


def test_placement_merged_over_parts_places_as_the_whole(gold_dir: Path, articles_dir: Path) -> None:
    from claimkit.consistency import Placement, placement_of

    recs = gold_records(gold_dir, articles_dir)
    whole = placement_of(build_context(recs, group=False))
    assert sorted(whole.years().items()) == [
        ("002_3674af07f950556f", 2025), ("003_186aaba948d91f0e", 2025), ("004_029c872e45ff0bb8", 2025)]
    merged = Placement()
    for part in (recs[:3], recs[3:5], recs[5:]):
        merged = merged.merge(placement_of(build_context(part, group=False)))
    assert merged.years() == whole.years()
    # one type's claims grouped alone, with the whole corpus's placement: the whole's groups
    refusals = [r.model_copy(update={"claims": [c for c in r.claims if c.type == "refusal"]}) for r in recs]
    alone = {frozenset(g.claims) for g in validate(refusals).groups}
    placed = build_context(refusals, group=merged)
    with_whole = {frozenset(placed.infos[i].claim.id for i in g.members) for g in placed.groups}
    full = {frozenset(g.claims) for g in validate(recs).groups if g.type == "refusal"}
    assert with_whole == full and alone != full  # alone, the undated articles are not placed
