"""JSONL records: reading, writing, bad lines, claims iteration."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimkit.errors import InputError
from claimkit.io import export_schemas, iter_claims, read_records, write_records
from claimkit.schemas import Document, DocumentClaims, Failure, Refusal, Span

DOC = Document(id="a", text="Russia rejected it.")
REC = DocumentClaims(document=DOC, claims=[Refusal(doc_id="a", evidence=[Span(start=0, end=15, text="Russia rejected")])])
FAIL = Failure(source="b.bin", stage="load", kind="decode", message="b.bin: binary file")


def test_write_then_read(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        assert write_records([REC, FAIL], fh) == 2
    assert list(read_records(out)) == [REC, FAIL]
    assert [c.id for c in iter_claims(read_records(out))] == [REC.claims[0].id]


def test_bad_line_names_file_and_line(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    out.write_text(REC.model_dump_json() + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"o\.jsonl: line 2: invalid JSON"):
        list(read_records(out))
    # a truncated last line after a killed run can be skipped
    assert list(read_records(out, strict=False)) == [REC]


def test_record_of_unknown_shape_is_an_input_error(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    out.write_text('{"record": "document", "claims": []}\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(InputError, match=r": line 1: not a claimkit record \(document"):
        list(read_records(out))
    out.write_text('{"record": "document", "document": {"id": "x", "text": ""}, "claims": [{"type": "gossip"}]}\n', encoding="utf-8")
    with pytest.raises(InputError, match="unknown claim type 'gossip'"):
        list(read_records(out))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nope.jsonl"):
        list(read_records(tmp_path / "nope.jsonl"))


def test_export_schemas_writes_valid_json_schema(tmp_path: Path) -> None:
    import json

    import jsonschema

    paths = export_schemas(tmp_path / "s")
    names = {p.name for p in paths}
    assert {"claim.schema.json", "document_claims.schema.json", "claim.pledge.schema.json"} <= names
    schema = json.loads((tmp_path / "s" / "document_claims.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(REC.model_dump_json()), schema)
    bad = json.loads(REC.model_dump_json())
    bad["claims"][0]["modality"] = "maybe"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
