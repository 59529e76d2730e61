"""Claim models: validation rules, the type registry, JSONL round trips, JSON Schema drift."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import Field
from pydantic import ValidationError as PydanticValidationError

from claimkit.errors import InputError, SchemaError
from claimkit.io import dump_record, parse_record, schema_documents
from claimkit.schemas import (
    Actor,
    ActorKind,
    ClaimBase,
    DateRef,
    Document,
    DocumentClaims,
    Failure,
    Meeting,
    Modality,
    Pledge,
    PledgeWhat,
    Quantity,
    QuantityQualifier,
    Refusal,
    Span,
    WarningClaim,
    claim_model,
    claim_types,
    parse_claim,
    register_claim_type,
)

TEXT = "Britain will send troops. Russia rejected it. The summit was held in Paris."


def _span(text: str, quote: str) -> Span:
    start = text.index(quote)
    return Span(start=start, end=start + len(quote), text=quote)


def test_span_rejects_text_of_wrong_length() -> None:
    with pytest.raises(PydanticValidationError):
        Span(start=0, end=3, text="ab")
    with pytest.raises(PydanticValidationError):
        Span(start=5, end=3, text="")


def test_models_are_frozen_and_forbid_extra_fields() -> None:
    span = _span(TEXT, "Britain")
    with pytest.raises(PydanticValidationError):
        span.start = 1  # type: ignore[misc]
    with pytest.raises(PydanticValidationError):
        Actor(text="x", nickname="y")  # type: ignore[call-arg]


def test_date_granularity_is_derived_and_checked() -> None:
    assert DateRef(value="2025-03").granularity == "month"
    assert DateRef(value="2025-03-27").granularity == "day"
    with pytest.raises(PydanticValidationError):
        DateRef(value="2025-03-27", granularity="year")
    with pytest.raises(PydanticValidationError):
        DateRef(value="27 March")


def test_claim_id_is_stable_and_depends_on_spans() -> None:
    a = Pledge(doc_id="d", evidence=[_span(TEXT, "Britain will send troops")])
    b = Pledge(doc_id="d", evidence=[_span(TEXT, "Britain will send troops")])
    c = Pledge(doc_id="d", evidence=[_span(TEXT, "Russia rejected it")])
    assert a.id == b.id and a.id != c.id
    assert a.id.startswith("ple-")


def test_builtin_types_are_registered_under_their_names() -> None:
    types = claim_types()
    assert types["pledge"] is Pledge and types["refusal"] is Refusal
    assert types["warning"] is WarningClaim and types["meeting"] is Meeting
    with pytest.raises(SchemaError, match="unknown claim type 'gossip'"):
        claim_model("gossip")


def test_parse_claim_dispatches_on_type() -> None:
    claim = parse_claim({"type": "refusal", "doc_id": "d", "what": "foreign troops"})
    assert isinstance(claim, Refusal) and claim.what == "foreign troops"
    with pytest.raises(SchemaError):
        parse_claim(["not", "a", "dict"])


def test_register_rejects_bad_models() -> None:
    with pytest.raises(SchemaError):
        register_claim_type(Actor)  # type: ignore[arg-type]

    class NoName(ClaimBase):
        pass

    with pytest.raises(SchemaError):
        register_claim_type(NoName)

    class Other(ClaimBase):
        type: Literal["pledge"] = "pledge"

    with pytest.raises(SchemaError, match="already registered"):
        register_claim_type(Other)


def _full_record() -> DocumentClaims:
    doc = Document(id="d#1", text=TEXT, source="d.txt", source_offset=10, language="en")
    claims: list[ClaimBase] = [
        Pledge(
            doc_id=doc.id,
            actor=[Actor(text="Britain", name="United Kingdom", kind=ActorKind.country, iso_code="GB", resolved=True)],
            evidence=[_span(TEXT, "Britain will send troops")],
            modality=Modality.firm,
            what=PledgeWhat.troops,
            recipient=Actor(text="Ukraine", name="Ukraine"),
            quantity=Quantity(value=10000, value_max=30000, unit="troops", qualifier=QuantityQualifier.exact, raw="10,000 to 30,000 troops"),
            date=DateRef(value="2025-03-27", raw="on Thursday", resolution="relative"),
        ),
        Refusal(doc_id=doc.id, evidence=[_span(TEXT, "Russia rejected it")], what="foreign troops", ungrounded=["a made-up quote"]),
        Meeting(doc_id=doc.id, evidence=[_span(TEXT, "The summit was held in Paris")], location="Paris",
                participant_count=Quantity(value=26, unit="countries", qualifier="at_least")),
    ]
    return DocumentClaims(document=doc, claims=claims, backend="rules")


def test_jsonl_round_trip_is_lossless() -> None:
    record = _full_record()
    back = parse_record(dump_record(record))
    assert back == record
    assert [type(c) for c in back.claims] == [Pledge, Refusal, Meeting]  # type: ignore[union-attr]
    failure = Failure(doc_id="x", source="x.txt", kind="decode", message="x.txt: binary file")
    assert parse_record(dump_record(failure)) == failure


@given(
    text=st.text(min_size=1, max_size=60),
    data=st.data(),
)
def test_round_trip_any_text_and_span(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    span = Span(start=start, end=end, text=text[start:end])
    record = DocumentClaims(
        document=Document(id="p", text=text),
        claims=[WarningClaim(doc_id="p", evidence=[span], consequence=text)],
    )
    assert parse_record(dump_record(record)) == record


def test_user_claim_type_flows_through_records_and_schema() -> None:
    class Ceasefire(ClaimBase):
        type: Literal["ceasefire_test"] = "ceasefire_test"
        parties: list[Actor] = Field(default_factory=list, description="Who agreed to stop firing.")

    register_claim_type(Ceasefire)
    record = DocumentClaims(
        document=Document(id="c", text="They agreed a truce."),
        claims=[{"type": "ceasefire_test", "doc_id": "c", "parties": [{"text": "They"}]}],  # type: ignore[list-item]
    )
    assert isinstance(record.claims[0], Ceasefire)
    assert parse_record(dump_record(record)) == record
    schemas = schema_documents()
    assert "claim.ceasefire_test.schema.json" in schemas
    mapping = schemas["claim.schema.json"]["discriminator"]["mapping"]
    assert "ceasefire_test" in mapping and "pledge" in mapping


def test_committed_json_schemas_match_the_models(repo_root: Path) -> None:
    """Fails when schemas/ drifts from the models: run `claimkit schema -o schemas`.

    Runs in a fresh interpreter so user types registered by other tests do not count.
    """
    import subprocess
    import sys

    code = (
        "import json, pathlib; from claimkit.io import schema_documents; "
        "d = pathlib.Path('schemas'); "
        "bad = [n for n, s in schema_documents().items() "
        "if not (d / n).exists() or json.loads((d / n).read_text('utf-8')) != s]; "
        "extra = [p.name for p in d.glob('*.json') if p.name not in schema_documents()]; "
        "print(json.dumps(bad + extra))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=repo_root, capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == [], "schemas/ is out of date: run `claimkit schema -o schemas`"
    assert {p.name for p in (repo_root / "schemas").glob("claim.*.schema.json")} >= {
        f"claim.{t}.schema.json" for t in ("pledge", "refusal", "warning", "meeting")
    }


def test_importing_schemas_does_not_import_openai() -> None:
    import subprocess
    import sys

    code = "import sys, claimkit.schemas; print('openai' in sys.modules or 'instructor' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf"), "NaN", "Infinity"])
@pytest.mark.parametrize("field", ["value", "value_max"])
def test_a_quantity_is_a_finite_number_or_none(field: str, value: object) -> None:
    # NaN (and infinity) is no number a text states, and JSON cannot write it: pydantic wrote
    # it as null, so `claimkit export` of an imported NaN gave null. Refused, field named.
    with pytest.raises(PydanticValidationError, match=rf"{field}\n.*finite number"):
        Quantity(**{field: value})  # type: ignore[arg-type]


def test_a_record_line_with_a_nan_quantity_is_refused_not_nulled(tmp_path: Path) -> None:
    from claimkit.io import read_records

    doc = Document(id="d", text="26 countries met.", language="en")
    claim = Meeting(doc_id="d", evidence=[Span(start=0, end=17, text="26 countries met.")],
                    participant_count=Quantity(value=26, unit="countries"))
    line = dump_record(DocumentClaims(document=doc, claims=[claim]))
    assert parse_record(line) == parse_record(dump_record(parse_record(line)))  # lossless
    bad = line.replace('"value":26.0', '"value":NaN')
    assert bad != line
    path = tmp_path / "claims.jsonl"
    path.write_text(bad + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"line 1: .*participant_count.value: Input should be a finite number"):
        list(read_records(path))
