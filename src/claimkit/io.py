"""JSONL reading and writing of output records, and JSON Schema export.

An output file holds one JSON object per line: a :class:`DocumentClaims`
(``"record": "document"``) per document that finished, or a :class:`Failure`
(``"record": "failure"``) per document or file that did not.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from claimkit.errors import InputError
from claimkit.schemas import (
    SCHEMA_VERSION,
    ClaimBase,
    Document,
    DocumentClaims,
    Failure,
    claim_types,
)

__all__ = [
    "Record",
    "dump_record",
    "export_schemas",
    "iter_claims",
    "parse_record",
    "read_records",
    "schema_documents",
    "write_records",
]

Record = DocumentClaims | Failure


def dump_record(record: Record) -> str:
    """One JSONL line (without the newline) for a record."""
    return record.model_dump_json()


def parse_record(line: str, *, source: str = "<string>", lineno: int = 0) -> Record:
    """Parse one JSONL line into a record.

    Raises:
        InputError: the line is not JSON or not a claimkit record.
    """
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{source}:{lineno}", f"not JSON ({exc.msg})") from None
    if not isinstance(data, dict):
        raise InputError(f"{source}:{lineno}", "a record must be a JSON object")
    try:
        if data.get("record") == "failure":
            return Failure.model_validate(data)
        return DocumentClaims.model_validate(data)
    except PydanticValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        raise InputError(f"{source}:{lineno}", f"not a claimkit record ({loc}: {err['msg']})") from None
    except Exception as exc:  # SchemaError from an unknown claim type
        raise InputError(f"{source}:{lineno}", str(exc)) from None


def read_records(path: str | os.PathLike[str], *, strict: bool = True) -> Iterator[Record]:
    """Yield the records of a JSONL output file, in file order.

    Args:
        path: the file (``-`` reads standard input).
        strict: raise on a bad line; when False, skip it (a truncated last
            line after a killed run is the usual case).

    Raises:
        InputError: the file is missing, or (strict) a line is not a record.
    """
    name = os.fspath(path)
    if name == "-":
        import sys

        yield from _read_lines(sys.stdin, name, strict)
        return
    try:
        fh = open(name, encoding="utf-8")  # noqa: SIM115 - closed by the with below; open errors get their own message
    except OSError as exc:
        raise InputError(name, exc.strerror or "cannot be opened") from None
    with fh:
        yield from _read_lines(fh, name, strict)


def _read_lines(fh: IO[str], name: str, strict: bool) -> Iterator[Record]:
    for lineno, line in enumerate(fh, 1):
        if not line.strip():
            continue
        try:
            yield parse_record(line, source=name, lineno=lineno)
        except InputError:
            if strict:
                raise


def iter_claims(records: Iterable[Record]) -> Iterator[ClaimBase]:
    """All claims of the document records, in order."""
    for record in records:
        if isinstance(record, DocumentClaims):
            yield from record.claims


def write_records(records: Iterable[Record], fh: IO[str]) -> int:
    """Write records as JSONL, flushing after each so a crash loses nothing written."""
    n = 0
    for record in records:
        fh.write(dump_record(record) + "\n")
        fh.flush()
        n += 1
    return n


def schema_documents() -> dict[str, dict[str, Any]]:
    """JSON Schema documents by file name, for every registered model."""
    out: dict[str, dict[str, Any]] = {}
    models: dict[str, type[BaseModel]] = {
        "document": Document,
        "document_claims": DocumentClaims,
        "failure": Failure,
    }
    for type_name, claim_model in claim_types().items():
        models[f"claim.{type_name}"] = claim_model
    for name, model in models.items():
        out[f"{name}.schema.json"] = _with_id(model.model_json_schema(), name)
    claim_schema = DocumentClaims.model_json_schema()
    union = claim_schema["$defs"]
    out["claim.schema.json"] = _with_id(
        {
            "title": "Claim",
            "description": "Any registered claim type, discriminated by `type`.",
            **claim_schema["properties"]["claims"]["items"],
            "$defs": union,
        },
        "claim",
    )
    return out


def _with_id(schema: dict[str, Any], name: str) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://claimkit.dev/schemas/v{SCHEMA_VERSION}/{name}.schema.json",
        **schema,
    }


def export_schemas(directory: str | os.PathLike[str]) -> list[Path]:
    """Write one JSON Schema file per model into ``directory``; return the paths."""
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for filename, schema in sorted(schema_documents().items()):
        path = target / filename
        path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written
