"""Issue 17: a claim's time bound decides which position group it may join.

An undated claim is bounded by its article's publication date (its year); a
claim with no date in an article with no publication date has no bound and
never joins a year's group, even the only one of its block: nothing says it
is the same time. Hand-made claim sets in several languages.
"""

from __future__ import annotations

from typing import Any

from claimkit.consistency import group_events, validate
from claimkit.schemas import DocumentClaims

from .test_consistency import GB, kinds, record


def pledge(doc_id: str, *, published: str | None, date: str | None = None,
           language: str = "en", text: str = "Britain will send troops to Ukraine.",
           quote: str = "Britain will send troops") -> DocumentClaims:
    spec: dict[str, Any] = {"kind": "pledge", "quote": quote, "actor": [GB], "what": "troops"}
    if date is not None:
        spec["date"] = date
    return record(doc_id, text, [spec], published=published, language=language)


def pledge_groups(recs: list[DocumentClaims]) -> dict[str, list[str]]:
    return {g.label.rsplit(" · ", 1)[-1]: sorted(g.doc_ids)
            for g in group_events(recs) if g.type == "pledge"}


DE = ("Großbritannien wird Truppen in die Ukraine schicken.", "Großbritannien wird Truppen")
JA = ("英国はウクライナに部隊を派遣する。", "英国はウクライナに部隊を派遣する")


def test_unbounded_claims_never_join_the_only_year_of_their_block() -> None:
    recs = [pledge("en", published="2026-02-25"),
            pledge("de", published=None, language="de", text=DE[0], quote=DE[1]),
            pledge("ja", published=None, language="ja", text=JA[0], quote=JA[1])]
    assert pledge_groups(recs) == {"2026": ["en"], "year unknown": ["de", "ja"]}
    found = kinds(validate(recs).findings, "corroboration")
    # the two unbounded reports corroborate each other, never the 2026 one
    assert len(found) == 1 and "(de, ja)" in found[0].message and "2026" not in found[0].message


def test_a_claim_dated_by_its_own_words_joins_its_year_without_a_publication_date() -> None:
    recs = [pledge("en", published="2025-09-05"),
            pledge("de", published=None, date="2025-09-04", language="de", text=DE[0], quote=DE[1])]
    assert pledge_groups(recs) == {"2025": ["de", "en"]}
    assert len(kinds(validate(recs).findings, "corroboration")) == 1


def test_publication_years_bound_undated_claims() -> None:
    # undated claims of articles of two years: two groups; an unbounded one joins neither
    recs = [pledge("a", published="2025-03-28"), pledge("b", published="2026-01-10"),
            pledge("c", published=None, language="ja", text=JA[0], quote=JA[1])]
    assert pledge_groups(recs) == {"2025": ["a"], "2026": ["b"], "year unknown": ["c"]}
    assert kinds(validate(recs).findings, "corroboration") == []
