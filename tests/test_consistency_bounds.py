"""Issue 17: a claim's time bound decides which position group it may join.

An undated claim is bounded by its article's publication date (its year); a
claim with no date in an article with no publication date that nothing places
in time (see test_consistency_placement.py) has no bound and never joins a
year's group, even the only one of its block: one shared block is not enough
to say it is the same time. Hand-made claim sets in several languages.
"""

from __future__ import annotations

from typing import Any

from claimkit.consistency import group_events, validate
from claimkit.schemas import Actor, DocumentClaims

from .test_consistency import GB, RU, kinds, record


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


# ------------------------------------------------- who corroborates a position


def refusal(doc_id: str, text: str, quote: str, actor: Actor, language: str = "en") -> DocumentClaims:
    return record(doc_id, text, [{"kind": "refusal", "quote": quote, "actor": [actor],
                                  "what": "sending troops to Ukraine"}], language=language)


def corroborated(recs: list[DocumentClaims]) -> list[str]:
    return [f.message for f in kinds(validate(recs).findings, "corroboration")]


def test_an_unresolved_actor_does_not_corroborate() -> None:
    def ruritania(resolved: bool) -> Actor:
        return Actor(text="Ruritania", name="Ruritania", kind="country", resolved=resolved)

    texts = [("a", "Ruritania will not send troops.", "Ruritania will not send troops", "en"),
             ("b", "Ruritania schickt keine Truppen.", "Ruritania schickt keine Truppen", "de")]
    unresolved = [refusal(d, t, q, ruritania(False), lang) for d, t, q, lang in texts]
    assert len([g for g in group_events(unresolved) if g.type == "refusal"]) == 1  # still grouped
    assert corroborated(unresolved) == []
    assert len(corroborated([refusal(d, t, q, ruritania(True), lang) for d, t, q, lang in texts])) == 1


def test_an_actor_whose_words_name_someone_else_does_not_corroborate() -> None:
    us = Actor(text="Washington", name="United States", kind="country", iso_code="US", resolved=True)
    recs = [refusal("a", "Washington will not send troops.", "Washington will not send troops", us)]
    misread = Actor(text="Frankreich", name="United States", kind="country", iso_code="US", resolved=True)
    recs.append(refusal("b", "Frankreich schickt keine Truppen.", "Frankreich schickt keine Truppen",
                        misread, "de"))
    assert corroborated(recs) == []  # "Frankreich" names France, not the United States
    right = Actor(text="США", name="United States", kind="country", iso_code="US", resolved=True)
    recs[1] = refusal("b", "США не пошлют войска.", "США не пошлют войска", right, "ru")
    assert len(corroborated(recs)) == 1
    # a person's words given an organisation's name: "Macron" speaks for France, not NATO
    nato = Actor(text="NATO", name="NATO", kind="organisation", resolved=True)
    macron = Actor(text="Macron", name="NATO", kind="organisation", resolved=True)
    recs = [refusal("a", "NATO will not send troops.", "NATO will not send troops", nato),
            refusal("b", "Macron: pas de troupes.", "Macron: pas de troupes", macron, "fr")]
    assert corroborated(recs) == []
    rutte = Actor(text="Rutte", name="NATO", kind="organisation", resolved=True)
    recs[1] = refusal("b", "Rutte: geen troepen.", "Rutte: geen troepen", rutte, "nl")
    assert len(corroborated(recs)) == 1


def test_an_actor_taken_from_another_sentence_does_not_corroborate() -> None:
    ru = Actor(text="Россия", name="Russia", kind="country", iso_code="RU", resolved=True)
    base = refusal("a", "Russia will not accept troops in Ukraine.", "Russia will not accept troops", RU)
    # the quote names no one; the actor's words are elsewhere in the article
    elsewhere = refusal("b", "Россия протестует. Войска в Украину не будут отправлены.",
                        "Войска в Украину не будут отправлены", ru, "ru")
    assert corroborated([base, elsewhere]) == []
    # the same words inside the quote, or a surname for a full name, are found
    inside = refusal("b", "Россия не примет войска в Украине.", "Россия не примет войска", ru, "ru")
    assert len(corroborated([base, inside])) == 1
    putin = Actor(text="Vladimir Putin", name="Vladimir Putin", kind="person", resolved=True)
    surname = refusal("c", "Vladimir Putin spoke. Putin rejects troops in Ukraine.",
                      "Putin rejects troops in Ukraine", putin)
    assert len(corroborated([base, surname])) == 1
    # a normalised name that is not in the article at all is trusted ("he" in the quote)
    translated = refusal("d", "Он не примет войска в Украине.", "Он не примет войска", RU, "ru")
    assert len(corroborated([base, translated])) == 1
