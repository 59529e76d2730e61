"""Parquet shards (``claimkit[parquet]``, pyarrow): one flat row per claim, lossless.

A shard written with ``shard_format="parquet"`` has one row per claim (a
record without claims, or a failure, has one row whose claim columns are
empty), in the order of the records, with these columns (all strings but
``actors``, a list of strings):

``doc_id``, ``record`` (``document`` or ``failure``), ``claim_id``, ``type``,
``actors`` (the actors' labels), ``date`` (the claim's date value),
``modality``, ``language``, ``published``, ``url``, ``claim`` (the claim as
JSON), ``data`` (the whole record as claimkit JSONL writes it, on the
record's first row only).

So a data frame tool reads the claims flat (``pandas.read_parquet``,
``duckdb``), and :func:`read_shard` gives back the records exactly (from
``data``): a rerun resumes a Parquet shard as it does a JSONL one.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from claimkit.errors import ConfigError
from claimkit.schemas import DocumentClaims, Failure

__all__ = ["COLUMNS", "read_shard", "write_shard"]

COLUMNS = ("doc_id", "record", "claim_id", "type", "actors", "date", "modality", "language",
           "published", "url", "claim", "data")

Record = DocumentClaims | Failure


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ConfigError("Parquet shards need pyarrow: pip install 'claimkit[parquet]'") from None
    return pa, pq


def _text(value: str | None) -> str | None:
    """A string Parquet takes (UTF-8): a lone surrogate becomes U+FFFD (``data`` keeps it)."""
    return None if value is None else value.encode("utf-8", "replace").decode("utf-8")


def _rows(record: Record) -> Iterable[dict[str, Any]]:
    from claimkit.io import dump_record

    data: str | None = dump_record(record)  # JSON escapes for a lone surrogate
    if isinstance(record, Failure):
        yield {"doc_id": _text(record.doc_id), "record": "failure", "data": data}
        return
    doc = record.document
    base = {"doc_id": _text(doc.id), "record": "document", "language": doc.language,
            "published": doc.published.isoformat() if doc.published else None, "url": _text(doc.url)}
    if not record.claims:
        yield {**base, "data": data}
    for c in record.claims:
        modality = getattr(c.modality, "value", c.modality)
        yield {**base, "claim_id": _text(c.id), "type": c.type,
               "actors": [_text(a.label) for a in c.actor],
               "date": c.date.value if c.date is not None else None,
               "modality": None if modality is None else str(modality),
               "claim": _text(json.dumps(c.model_dump(mode="json"), ensure_ascii=False)),
               "data": data}
        data = None


def write_shard(records: Iterable[Record], path: Path) -> None:
    """Write ``records`` to ``path`` as one Parquet file, then fsync it."""
    pa, pq = _pyarrow()
    schema = pa.schema([(n, pa.list_(pa.string()) if n == "actors" else pa.string())
                        for n in COLUMNS])
    rows = [row for r in records for row in _rows(r)]
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, str(path))
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def read_shard(path: Path) -> list[Record]:
    """The records of a Parquet shard (from its ``data`` column)."""
    from claimkit.io import parse_record

    _, pq = _pyarrow()
    out: list[Record] = []
    for n, data in enumerate(pq.read_table(str(path), columns=["data"]).column("data").to_pylist()):
        if data is not None:
            record = parse_record(data, source=str(path), lineno=n + 1)
            if isinstance(record, DocumentClaims | Failure):
                out.append(record)
    return out
