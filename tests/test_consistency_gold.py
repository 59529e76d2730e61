"""The gold claims of the five sample articles, loaded as claims and validated.

What a careful reader of the five articles expects: Russia's rejection of
foreign troops in Ukraine is reported by four articles (zh, ja, vi, id); the
London summit of 2 March 2025 by the English and the Vietnamese article; the
relative dates of the articles without a publication date cannot be anchored;
and nothing is a conflict (the 27-country Paris summit of March 2025 and the
"26 countries pledged troops" of the September summit are different events).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimkit.consistency import ValidationReport, validate
from claimkit.schemas import DocumentClaims

from ._gold_claims import gold_records


@pytest.fixture(scope="module")
def records(gold_dir: Path, articles_dir: Path) -> list[DocumentClaims]:
    return gold_records(gold_dir, articles_dir)


@pytest.fixture(scope="module")
def report(records: list[DocumentClaims]) -> ValidationReport:
    return validate(records)


def _stem(doc_id: str) -> str:
    return doc_id.split("_", 1)[0]


def test_russia_rejection_of_foreign_troops_is_corroborated_by_the_undated_articles(
    report: ValidationReport,
) -> None:
    groups = {g.label.rsplit(" · ", 1)[-1]: g for g in report.groups
              if g.label.startswith("refusal · Russia · troops")}
    # 000's report (a February 2026 article) is dated by its own words, "去年12月"
    # (last December): 2025; 003 by its own dated claims (all of 2025); 002 and 004,
    # with no date at all, by the dated positions they share with other articles
    assert sorted(groups) == ["2025"]
    group = groups["2025"]
    assert sorted({_stem(d) for d in group.doc_ids}) == ["000", "002", "003", "004"]
    assert len(group.languages) == 4
    assert any(f.kind == "corroboration" and f.group == group.id for f in report.findings)


def test_undated_articles_are_placed_in_2025_apart_from_the_2026_reports(
    report: ValidationReport,
) -> None:
    coalition = {g.label.rsplit(" · ", 1)[-1]: sorted({_stem(d) for d in g.doc_ids})
                 for g in report.groups if g.label.startswith("pledge · Coalition of the Willing · troops")}
    assert coalition == {"2025": ["002", "003", "004"], "2026": ["000"]}
    assert not any(g.label.endswith("year unknown") for g in report.groups if g.type != "meeting")


def test_london_summit_is_reported_in_english_and_vietnamese(report: ValidationReport) -> None:
    london = [g for g in report.groups if g.type == "meeting" and g.date_from == "2025-03-02"]
    assert len(london) == 1
    assert sorted(_stem(d) for d in london[0].doc_ids) == ["001", "003"]
    assert london[0].languages == ["en", "vi"]


def test_paris_summits_of_march_and_september_stay_apart(report: ValidationReport) -> None:
    for g in report.groups:
        if g.type == "meeting" and g.date_from == "2025-03-27":
            assert {_stem(d) for d in g.doc_ids} == {"001"}


def test_no_group_mixes_articles_of_different_years(
    report: ValidationReport, records: list[DocumentClaims]
) -> None:
    years = {r.document.id: r.document.published.year for r in records if r.document.published}
    for g in report.groups:
        assert len({years[d] for d in g.doc_ids if d in years}) <= 1, g.label


def test_no_conflict_or_contradiction_on_the_gold_claims(report: ValidationReport) -> None:
    wrong = [f for f in report.findings if f.kind in ("conflict", "contradiction", "stance_change", "integrity")]
    assert wrong == []


def test_unanchored_dates_only_where_there_is_no_publication_date(
    report: ValidationReport, records: list[DocumentClaims]
) -> None:
    undated = {r.document.id for r in records if r.document.published is None}
    assert {_stem(d) for d in undated} >= {"003", "004"}
    flagged = [f for f in report.findings if f.kind == "unanchored_date"]
    docs = {doc for f in flagged for doc, _ in f.spans}
    assert docs and docs <= undated
    assert any(_stem(d) == "004" for d in docs)  # "pada hari Kamis": Thursday of which week?
