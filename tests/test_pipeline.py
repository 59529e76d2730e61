"""The extraction pipeline: drafts -> grounded claims -> one record per document."""

from __future__ import annotations

import pytest

from claimkit.errors import BackendError
from claimkit.extract import BackendResult, Draft, Extractor, FunctionBackend, build_claims, extract
from claimkit.schemas import Document, DocumentClaims, Failure, Pledge, Refusal, Span, Usage

TEXT = "Britain will send troops. Russia rejected foreign troops. Britain will send troops."
DOC = Document(id="d1", text=TEXT, language="en")


def test_located_spans_are_verified_and_bad_ones_regrounded() -> None:
    good = Span(start=0, end=24, text="Britain will send troops")
    wrong_offsets = Span(start=3, end=21, text="Russia rejected fo")  # text exists elsewhere
    claims = build_claims(DOC, [Draft(type="pledge", spans=(good,)), Draft(type="refusal", spans=(wrong_offsets,))])
    assert claims[0].evidence == [good]
    fixed = claims[1].evidence[0]
    assert TEXT[fixed.start : fixed.end] == "Russia rejected fo" and fixed.start == TEXT.index("Russia")


def test_quotes_are_grounded_and_unfound_quotes_kept_as_ungrounded() -> None:
    (claim,) = build_claims(
        DOC,
        [Draft(type="refusal", fields={"what": "foreign troops"},
               quotes=("Russia rejected foreign troops", "Moscow vowed revenge on the moon"))],
    )
    assert isinstance(claim, Refusal)
    assert [s.text for s in claim.evidence] == ["Russia rejected foreign troops"]
    assert claim.ungrounded == ["Moscow vowed revenge on the moon"]
    assert claim.doc_id == "d1" and claim.id.startswith("ref-")


def test_repeated_quote_takes_first_occurrence_without_other_evidence() -> None:
    (claim,) = build_claims(DOC, [Draft(type="pledge", quotes=("Britain will send troops",))])
    assert claim.evidence[0].start == 0


def test_duplicate_drafts_are_merged_by_id() -> None:
    draft = Draft(type="pledge", quotes=("Britain will send troops",))
    assert len(build_claims(DOC, [draft, draft])) == 1


def test_drafts_may_not_set_library_fields() -> None:
    from claimkit.errors import SchemaError

    with pytest.raises(SchemaError, match="library fills"):
        build_claims(DOC, [Draft(type="pledge", fields={"doc_id": "other"})])


def test_run_yields_one_record_per_document_and_survives_failures() -> None:
    def backend(document: Document) -> BackendResult:
        if document.id == "bad":
            raise BackendError("the model said no")
        if document.id == "unknown-type":
            return BackendResult(drafts=[Draft(type="gossip")])
        return BackendResult(
            drafts=[Draft(type="pledge", quotes=("will send troops",))],
            usage=Usage(requests=1, prompt_tokens=10, completion_tokens=5),
            model="m", version="v1",
        )

    docs = [DOC, Document(id="bad", text="x"), Document(id="unknown-type", text="y"), Document(id="d2", text="We will send troops.")]
    records = list(Extractor(FunctionBackend(backend, name="fn"), normalize=False).run(docs))
    assert [type(r) for r in records] == [DocumentClaims, Failure, Failure, DocumentClaims]
    assert records[1].kind == "backend" and "the model said no" in records[1].message  # type: ignore[union-attr]
    assert records[2].kind == "schema" and "gossip" in records[2].message  # type: ignore[union-attr]
    ok = records[3]
    assert isinstance(ok, DocumentClaims) and ok.backend == "fn" and ok.model == "m" and ok.version == "v1"
    assert ok.usage is not None and ok.usage.total_tokens == 15
    assert isinstance(ok.claims[0], Pledge)


def test_extract_accepts_plain_strings() -> None:
    records = extract(["Britain will send troops."], backend=FunctionBackend(lambda d: [Draft(type="pledge", quotes=("send troops",))]))
    (record,) = records
    assert isinstance(record, DocumentClaims) and record.document.id == "doc-1"
    assert record.claims[0].evidence[0].text == "send troops"


def test_integrity_helper_flags_a_bad_span() -> None:
    """The suite-wide span check (tests/conftest.py) can fail: it sees a forged span."""
    from tests.conftest import span_problems

    forged = Pledge.model_construct(id="p", doc_id="d1", type="pledge", evidence=[Span.model_construct(start=0, end=7, text="Germany", alignment="exact")])
    record = DocumentClaims.model_construct(document=DOC, claims=[forged])
    assert span_problems(record) == ["p 0:7 'Germany'"]
