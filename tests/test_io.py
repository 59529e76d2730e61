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


def _varied_records(gold_dir: Path, articles_dir: Path) -> list[DocumentClaims | Failure]:
    from ._gold_claims import gold_records
    from ._report_corpus import synthetic_records

    return [*gold_records(gold_dir, articles_dir), *synthetic_records(60, seed=7), REC, FAIL]


def test_the_fast_path_reads_what_the_full_path_reads(gold_dir: Path, articles_dir: Path) -> None:
    """pydantic's JSON parser (the fast path) and json.loads + validation give equal records."""
    import json

    from claimkit.io import _fast_record, _record, dump_record

    for rec in _varied_records(gold_dir, articles_dir):
        line = dump_record(rec).encode()
        full = _record(json.loads(line))
        fast = _fast_record(line)
        assert full == rec
        if isinstance(rec, Failure):
            assert fast is None  # failures take the full path
            continue
        assert fast == full and dump_record(fast) == dump_record(full)
        for a, b in zip(fast.claims, full.claims, strict=True):  # same value types (enums stay enums)
            assert {k: type(v) for k, v in a.__dict__.items()} == {k: type(v) for k, v in b.__dict__.items()}
            assert a.model_fields_set == b.model_fields_set


def test_lines_the_fast_path_refuses_take_the_full_path(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    line = REC.model_dump_json().replace("Russia rejected it.", "Russia\\ud800 rejected it.")
    out.write_text(f"{line}\n{FAIL.model_dump_json()}\n" + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    errors: list[InputError] = []
    got = list(read_records(out, strict=False, on_error=errors.append))
    assert len(got) == 2 and isinstance(got[0], DocumentClaims) and got[1] == FAIL
    assert got[0].document.text == "Russia\ufffd rejected it."
    assert [str(e) for e in errors] == [f"{out}: line 3: JSON nested too deeply; line skipped"]


def test_in_place_compaction_equals_the_copying_one(gold_dir: Path, articles_dir: Path) -> None:
    from claimkit.io import compact_records, dump_record

    records = _varied_records(gold_dir, articles_dir)
    lines = [dump_record(r) for r in records]
    copied = list(compact_records(records))
    assert [dump_record(r) for r in records] == lines  # the copying compactor leaves them alone
    fresh = [r.model_copy(deep=True) for r in records]
    in_place = list(compact_records(fresh, in_place=True))
    assert all(a is b for a, b in zip(in_place, fresh, strict=True))  # the very records given
    assert in_place == copied == records
    assert [dump_record(r) for r in in_place] == lines
    actors = [a for r in in_place if isinstance(r, DocumentClaims) for c in r.claims for a in c.actor]
    assert len({id(a) for a in actors}) == len(set(actors)) < len(actors)  # one object per value
