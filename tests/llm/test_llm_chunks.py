"""Chunking a long article loses nothing: claims whose quotes lie in different
chunks are joined, claims seen twice where chunks overlap are merged.

THE REPLIES ARE SCRIPTED: the gold responder answers each chunk with the gold
claims it states, carrying only the quotes that lie in that chunk (see
scripted_server.py). The tests show the plumbing loses nothing, not that a
model is good.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from conftest import BUILTIN_TYPES, FAKE_KEY, FAST, MODEL
from scripted_server import ScriptedServer, load_gold_claims

from claimkit.evaluate import evaluate
from claimkit.extract.llm.chunking import chunk_text, merge_claims, same_statement
from claimkit.extract.llm.openai import OpenAIBackend
from claimkit.extract.pipeline import aextract
from claimkit.schemas import Actor, Document, DocumentClaims, Pledge, Quantity, Span

Section = tuple[str, int, int]  # a seed's id and its place in the long article


@pytest.fixture(scope="module")
def long_article(articles_dir: Path) -> tuple[str, list[Section]]:
    """The five sample articles (five languages) as one document: its text, and
    where each article lies in it."""
    text, sections = "", []
    for path in sorted(articles_dir.glob("*.txt")):
        if text:
            text += "\n\n"
        part = path.read_text(encoding="utf-8")
        sections.append((path.stem, len(text), len(text) + len(part)))
        text += part
    return text, sections


def _run(text: str, gold_dir: Path, tmp_path: Path, **settings: Any) -> tuple[DocumentClaims, int]:
    with ScriptedServer(load_gold_claims(gold_dir)) as server:
        backend = OpenAIBackend(cache=False, types=BUILTIN_TYPES, model=MODEL,
                                base_url=server.base_url, api_key=FAKE_KEY,
                                cache_dir=tmp_path / "cache", **{**FAST, **settings})
        run = asyncio.run(aextract([Document(id="long", text=text)], backend=backend,
                                   normalize=False))
        requests = len(server.requests)
    (record,) = run.records
    assert isinstance(record, DocumentClaims), record
    return record, requests


def _per_section(record: DocumentClaims, sections: list[Section]) -> list[DocumentClaims]:
    """The long article's claims as claims of each article: a claim's evidence in the
    article's section, moved to the article's offsets.

    The same statement made in two articles is one claim of the long article
    (the guidelines annotate a claim repeated in one article once): it counts
    for each article it is quoted in.
    """
    text = record.document.text
    out = []
    for stem, start, end in sections:
        claims = []
        for claim in record.claims:
            spans = [Span(start=s.start - start, end=s.end - start, text=s.text)
                     for s in claim.evidence if start <= s.start and s.end <= end]
            if spans:
                claims.append(claim.model_copy(update={"evidence": spans, "doc_id": stem}))
        out.append(DocumentClaims(document=Document(id=stem, text=text[start:end]),
                                  claims=claims, backend=record.backend))
    return out


@pytest.mark.parametrize(("size", "overlap"),
                         [(1000, 0), (1600, 0), (4000, 0), (1000, 300), (1600, 500)])
def test_chunking_a_long_article_loses_nothing(long_article, gold_dir, gold_claims, tmp_path,
                                               size, overlap):
    text, sections = long_article
    chunks = chunk_text(text, size, overlap)
    gold_quotes = [g["evidence"] for claims in gold_claims.values() for g in claims]
    # the test is about something: claims whose quotes lie in different chunks
    split = [qs for qs in gold_quotes if not any(all(q in c.text for q in qs) for c in chunks)]
    assert len(chunks) > 3 and split
    # a quote that a cut goes through is in no chunk: lost without overlap (rare:
    # cuts are made at paragraph and sentence ends), never with it
    stated = [[q for q in qs if any(q in c.text for c in chunks)] for qs in gold_quotes]
    lost = sum(len(qs) for qs in gold_quotes) - sum(len(qs) for qs in stated)
    assert lost <= (1 if overlap == 0 else 0), lost

    record, requests = _run(text, gold_dir, tmp_path, chunk_chars=size, chunk_overlap=overlap,
                            min_chunk_chars=500, context_window=1_000_000)
    assert requests == len(chunks)
    for claim in record.claims:  # spans are the whole document's, in order, grounded
        assert not claim.ungrounded
        assert [s.start for s in claim.evidence] == sorted(s.start for s in claim.evidence)
        for span in claim.evidence:
            assert text[span.start : span.end] == span.text
    # every gold claim of every article found whole, nothing else, nothing glued
    records = _per_section(record, sections)
    got = sorted(sorted(s.text for s in c.evidence) for r in records for c in r.claims)
    assert got == sorted(sorted(qs) for qs in stated if qs)
    report = evaluate(gold_dir, records)
    assert report.overall.fn == 0 and report.overall.fp == 0, report.overall


def _pledge(start: int, what: str = "troops", actor: str = "United Kingdom",
            **fields: Any) -> Pledge:
    text = "x" * 20
    return Pledge(doc_id="d", actor=[Actor(text=actor, name=actor)], what=what,
                  evidence=[Span(start=start, end=start + 20, text=text)], **fields)


def test_pieces_of_one_statement_in_two_chunks_are_joined():
    a, b = _pledge(10, summary="first"), _pledge(5000, quantity=Quantity(value=5))
    (joined,) = merge_claims([[a], [b]])
    assert [s.start for s in joined.evidence] == [10, 5000]
    assert joined.summary == "first" and joined.quantity == Quantity(value=5)  # filled in
    assert joined.id not in (a.id, b.id)


@pytest.mark.parametrize("other", [
    _pledge(5000, what="money"),  # another object
    _pledge(5000, actor="France"),  # another actor
    _pledge(5000, date={"value": "2025-01-01"}),  # another date ...
])
def test_different_statements_are_not_joined(other):
    a = _pledge(10, date={"value": "2025-03-01"})
    assert not same_statement(a, other)
    assert len(merge_claims([[a], [other]])) == 2


def test_quantities_that_disagree_keep_two_claims_and_one_chunk_keeps_its_two():
    a, b = _pledge(10, quantity=Quantity(value=5)), _pledge(5000, quantity=Quantity(value=7))
    assert len(merge_claims([[a], [b]])) == 2
    assert len(merge_claims([[a, _pledge(5000)]])) == 2  # one chunk's two claims stay two
    # a claim of a third chunk joins, but never two claims of one chunk into one
    c, d = _pledge(9000), _pledge(12000)
    assert len(merge_claims([[_pledge(10)], [c, d]])) == 2



def test_claims_that_name_no_object_are_never_joined():
    a, b = _pledge(10), _pledge(5000)
    a, b = (c.model_copy(update={"what": None}) for c in (a, b))
    assert not same_statement(a, b)
    assert len(merge_claims([[a], [b]])) == 2
