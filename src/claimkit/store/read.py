"""Reading records back out of the store, streaming: JSONL (lossless), CSV and Parquet (flat)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any

from sqlalchemy import select

from claimkit.errors import ConfigError
from claimkit.io import dump_record, write_csv
from claimkit.schemas import ClaimBase, DocumentClaims, Failure, claim_model
from claimkit.store import tables as t

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

    from claimkit.consistency.models import ValidationReport

__all__ = ["FLAT_COLUMNS", "flat_rows", "iter_records", "load_claims", "stored_report",
           "write_export"]

#: the columns of a flat export (CSV, Parquet): one row per claim
FLAT_COLUMNS = ("claim_id", "doc_id", "type", "actors", "modality", "date_value", "date_from",
                "date_to", "language", "summary", "evidence", "url", "title", "published",
                "data")


def load_claims(rows: Any) -> list[ClaimBase]:
    """Claims from ``(type, data)`` rows; user types come back as their own models."""
    return list(iter_claims(rows))


def iter_claims(rows: Any) -> Iterator[ClaimBase]:
    """:func:`load_claims`, one claim at a time."""
    for type_, data in rows:
        yield claim_model(type_).model_validate_json(data)


def iter_records(engine: Engine, batch: int = 500) -> Iterator[DocumentClaims | Failure]:
    """Every stored record, documents in the order they were stored, then failures."""
    last = 0
    while True:
        with engine.connect() as conn:
            docs = conn.execute(
                t.documents.select().with_only_columns(t.documents.c.seq, t.documents.c.record)
                .where(t.documents.c.seq > last).order_by(t.documents.c.seq).limit(batch)
            ).all()
            if not docs:
                break
            by_doc = _claims_of(conn, docs[0][0], docs[-1][0])
        for seq, meta in docs:
            record = DocumentClaims.model_validate_json(meta)
            yield record.model_copy(update={"claims": by_doc.get(seq, [])})
        last = docs[-1][0]
    with engine.connect() as conn:
        for (text,) in conn.execute(
            t.failures.select().with_only_columns(t.failures.c.record).order_by(t.failures.c.seq)
        ):
            yield Failure.model_validate_json(text)


def records_of(engine: Engine, doc_ids: Iterable[str], chunk: int = 500) -> Iterator[DocumentClaims]:
    """The stored document records of ``doc_ids`` (every version of each), read by id, not
    by a scan of the store."""
    c, d = t.claims.c, t.documents.c
    ids = sorted(set(doc_ids))
    for i in range(0, len(ids), chunk):
        with engine.connect() as conn:
            docs = conn.execute(select(d.seq, d.record).where(d.doc_id.in_(ids[i:i + chunk]))
                                .order_by(d.seq)).all()
            claims: dict[int, list[ClaimBase]] = {}
            for doc_seq, type_, data in conn.execute(
                    select(c.doc_seq, c.type, c.data).where(c.doc_seq.in_([s for s, _ in docs]))
                    .order_by(c.doc_seq, c.ordinal)):
                claims.setdefault(doc_seq, []).append(claim_model(type_).model_validate_json(data))
        for seq, meta in docs:
            record = DocumentClaims.model_validate_json(meta)
            yield record.model_copy(update={"claims": claims.get(seq, [])})


def _claims_of(conn: Connection, lo: int, hi: int) -> dict[int, list[ClaimBase]]:
    c = t.claims.c
    out: dict[int, list[ClaimBase]] = {}
    rows = conn.execute(
        t.claims.select().with_only_columns(c.doc_seq, c.type, c.data)
        .where(c.doc_seq.between(lo, hi)).order_by(c.doc_seq, c.ordinal)
    )
    for doc_seq, type_, data in rows:
        out.setdefault(doc_seq, []).append(claim_model(type_).model_validate_json(data))
    return out


def stored_report(engine: Engine) -> ValidationReport:
    """The stored groups and findings as one report."""
    from sqlalchemy import func, select

    from claimkit.consistency.models import EventGroup, Finding, ValidationReport

    with engine.connect() as conn:
        groups = [EventGroup.model_validate_json(x) for x in conn.execute(
            t.groups.select().with_only_columns(t.groups.c.data).order_by(t.groups.c.seq)
        ).scalars()]
        findings = [Finding.model_validate_json(x) for x in conn.execute(
            t.findings.select().with_only_columns(t.findings.c.data).order_by(t.findings.c.seq)
        ).scalars()]
        n_claims = conn.execute(select(func.count()).select_from(t.claims)).scalar_one()
        n_docs = conn.execute(select(func.count()).select_from(t.documents)).scalar_one()
    return ValidationReport.model_construct(groups=groups, findings=findings,
                                            n_claims=n_claims, n_documents=n_docs)


def flat_rows(engine: Engine, batch: int = 5000) -> Iterator[dict[str, Any]]:
    """One flat row per claim, in stored order."""
    c, d = t.claims.c, t.documents.c
    cols = [c.seq, c.claim_id, c.doc_id, c.type, c.actors, c.modality, c.date_value, c.date_from,
            c.date_to, c.language, c.summary, c.evidence, d.url, d.title, d.published, c.data]
    last = 0
    while True:
        with engine.connect() as conn:
            rows = conn.execute(
                t.claims.join(t.documents, d.seq == c.doc_seq).select()
                .with_only_columns(*cols).where(c.seq > last).order_by(c.seq).limit(batch)
            ).all()
        if not rows:
            return
        for row in rows:
            yield dict(zip(FLAT_COLUMNS, row[1:], strict=True))
        last = rows[-1][0]


def write_export(engine: Engine, fh: IO[str] | None, path: str | None, fmt: str) -> int:
    """Write the store as ``fmt`` (jsonl, csv, parquet) to ``fh`` or ``path``; the rows written."""
    n = 0
    if fmt == "jsonl":
        assert fh is not None
        for record in iter_records(engine):
            fh.write(dump_record(record) + "\n")
            n += 1
    elif fmt == "csv":
        assert fh is not None
        n = write_csv(fh, FLAT_COLUMNS, flat_rows(engine))
    else:
        n = _parquet(engine, path)
    return n


def _parquet(engine: Engine, path: str | None, batch: int = 50_000) -> int:
    if not path or path == "-":
        raise ConfigError("--format parquet needs -o FILE")
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ConfigError("--format parquet needs pyarrow: pip install 'claimkit[parquet]'") from None
    schema = pa.schema([(name, pa.string()) for name in FLAT_COLUMNS])
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        chunk: list[dict[str, Any]] = []
        for row in flat_rows(engine):
            chunk.append(row)
            if len(chunk) >= batch:
                writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
                n += len(chunk)
                chunk = []
        if chunk or n == 0:
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            n += len(chunk)
    return n
