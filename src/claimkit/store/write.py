"""Writing records into the store: exactly once per (document id, prompt version).

A document record, its claims, spans, actors and link keys go in one
transaction: a killed writer leaves a document wholly stored or not at all,
and a document already stored under the same version is skipped (a rerun,
``--resume`` or three concurrent writers never duplicate it).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from claimkit.io import dump_record
from claimkit.normalize.actors import Gazetteer
from claimkit.normalize.places import Places
from claimkit.schemas import Actor, ClaimBase, DocumentClaims, Failure, Usage
from claimkit.store import tables as t
from claimkit.store.keys import ClaimKeys, date_bounds, key_claims

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

__all__ = ["RunInfo", "WriteCounts", "Writer", "upsert"]

Record = DocumentClaims | Failure


@dataclass
class WriteCounts:
    """What a writer stored and skipped."""

    documents: int = 0
    claims: int = 0
    failures: int = 0
    skipped: int = 0
    usage: Usage = field(default_factory=Usage)

    def describe(self) -> str:
        return (f"{self.documents} documents ({self.claims} claims) stored, "
                f"{self.skipped} already there, {self.failures} failures")


@dataclass(frozen=True)
class RunInfo:
    """The run a writer records (the ``runs`` table)."""

    command: str
    backend: str | None = None
    model: str | None = None
    version: str | None = None


def upsert(conn: Connection, table: Any) -> Any:
    """The dialect's INSERT, which has ``on_conflict_do_nothing`` / ``_do_update``."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table)


class Writer:
    """Stores records; one transaction per batch (``add``) or per record (``add_one``)."""

    def __init__(self, engine: Engine, run: RunInfo, *, gazetteer: Gazetteer | None = None,
                 places: Places | None = None, url: str = "") -> None:
        self.engine = engine
        #: the store's URL as it may be shown
        self.url = url
        self.gazetteer = gazetteer
        self.places = places
        self.counts = WriteCounts()
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with engine.begin() as conn:
            self.run_id = int(conn.execute(
                t.runs.insert().returning(t.runs.c.id),
                {"started": now, "command": run.command, "backend": run.backend,
                 "model": run.model, "version": run.version, "documents": 0, "claims": 0,
                 "requests": 0, "prompt_tokens": 0, "completion_tokens": 0},
            ).scalar_one())

    def add(self, records: Iterable[Record], batch: int = 200) -> WriteCounts:
        """Store records in batches of ``batch`` (one transaction each)."""
        chunk: list[Record] = []
        for record in records:
            chunk.append(record)
            if len(chunk) >= batch:
                self._write(chunk)
                chunk = []
        if chunk:
            self._write(chunk)
        return self.counts

    def add_one(self, record: Record) -> bool:
        """Store one record now (its own transaction); False if it was already there."""
        before = self.counts.skipped
        self._write([record])
        return self.counts.skipped == before

    def stored_ids(self) -> set[str]:
        """Ids of the documents the store holds (under any version)."""
        with self.engine.connect() as conn:
            return set(conn.execute(
                t.documents.select().with_only_columns(t.documents.c.doc_id)).scalars())

    def close(self) -> None:
        """Write the run's totals."""
        u = self.counts.usage
        with self.engine.begin() as conn:
            conn.execute(
                t.runs.update().where(t.runs.c.id == self.run_id).values(
                    documents=self.counts.documents, claims=self.counts.claims,
                    requests=u.requests, prompt_tokens=u.prompt_tokens,
                    completion_tokens=u.completion_tokens, cost_usd=u.cost_usd,
                )
            )

    def _write(self, records: Sequence[Record]) -> None:
        with self.engine.begin() as conn:
            stored: list[tuple[int, DocumentClaims]] = []
            for record in records:
                if isinstance(record, Failure):
                    conn.execute(t.failures.insert(), _failure_row(record, self.run_id))
                    self.counts.failures += 1
                    continue
                seq = _insert_document(conn, record, self.run_id)
                if seq is None:
                    self.counts.skipped += 1
                    continue
                stored.append((seq, record))
                self.counts.documents += 1
                self.counts.claims += len(record.claims)
                if record.usage is not None:
                    self.counts.usage = self.counts.usage + record.usage
            if stored:
                write_claims(conn, stored, self.gazetteer, self.places)


def _failure_row(record: Failure, run_id: int) -> dict[str, Any]:
    return {"run_id": run_id, "doc_id": record.doc_id, "source": record.source,
            "kind": record.kind, "record": dump_record(record)}


def _insert_document(conn: Connection, record: DocumentClaims, run_id: int) -> int | None:
    """The new document's seq, or None when (doc id, version) is already stored."""
    d = record.document
    meta = record.model_copy(update={"claims": []})
    row = {
        "doc_id": d.id, "version": record.version or "", "run_id": run_id,
        "source": d.source, "url": d.url, "title": d.title,
        "published": d.published.isoformat() if d.published else None,
        "language": d.language, "backend": record.backend, "model": record.model,
        "text_hash": hashlib.sha256(d.text.encode("utf-8", "surrogatepass")).hexdigest(),
        "text": d.text, "record": dump_record(meta),
    }
    stmt = upsert(conn, t.documents).on_conflict_do_nothing(
        index_elements=["doc_id", "version"]
    ).returning(t.documents.c.seq)
    seq = conn.execute(stmt, row).scalar()
    return None if seq is None else int(seq)


def write_claims(conn: Connection, stored: Sequence[tuple[int, DocumentClaims]],
                 gazetteer: Gazetteer | None, places: Places | None) -> None:
    """Claims of newly stored documents, with their spans, actors and link keys."""
    rows: list[dict[str, Any]] = []
    for seq, record in stored:
        lang = record.document.language
        rows.extend(_claim_row(seq, i, c, lang) for i, c in enumerate(record.claims))
    if not rows:
        return
    result = conn.execute(
        t.claims.insert().returning(t.claims.c.seq, sort_by_parameter_order=True), rows
    )
    seqs = [int(s) for s in result.scalars()]
    all_claims = [c for _, r in stored for c in r.claims]
    keys = list(key_claims([r for _, r in stored], gazetteer=gazetteer, places=places))
    _write_spans_actors(conn, seqs, all_claims, keys)
    write_keys(conn, seqs, keys)


def _claim_row(doc_seq: int, ordinal: int, c: ClaimBase, language: str | None) -> dict[str, Any]:
    lo, hi = date_bounds(c)
    return {
        "doc_seq": doc_seq, "ordinal": ordinal, "claim_id": c.id, "doc_id": c.doc_id,
        "type": c.type, "modality": c.modality.value if c.modality else None,
        "date_value": c.date.value if c.date else None, "date_from": lo, "date_to": hi,
        "language": language, "actors": " | ".join(a.label for a in c.actor),
        "summary": c.summary, "evidence": "\n".join(s.text for s in c.evidence),
        "data": c.model_dump_json(),
    }


def _actor_fields(c: ClaimBase) -> Iterator[tuple[str, Actor]]:
    for name in type(c).model_fields:
        value = getattr(c, name, None)
        if isinstance(value, Actor):
            yield name, value
        elif isinstance(value, list):
            for a in value:
                if isinstance(a, Actor):
                    yield name, a


def _write_spans_actors(conn: Connection, seqs: list[int], claims: list[ClaimBase],
                        keys: list[ClaimKeys]) -> None:
    spans: list[dict[str, Any]] = []
    actors: list[dict[str, Any]] = []
    for seq, c, ck in zip(seqs, claims, keys, strict=True):
        spans.extend(
            {"claim_seq": seq, "ordinal": i, "start": s.start, "end": s.end, "text": s.text,
             "alignment": s.alignment.value}
            for i, s in enumerate(c.evidence)
        )
        by_label = {label: k for k, label in reversed(ck.names)}
        actors.extend(
            {"claim_seq": seq, "field": name, "label": a.label, "name": a.name,
             "kind": a.kind.value if a.kind else None, "iso_code": a.iso_code,
             "key": by_label.get(a.label)}
            for name, a in _actor_fields(c)
        )
    bulk_insert(conn, t.spans, tuple(spans[0]) if spans else (),
                [tuple(r.values()) for r in spans])
    bulk_insert(conn, t.actors, tuple(actors[0]) if actors else (),
                [tuple(r.values()) for r in actors])


def write_keys(conn: Connection, seqs: Sequence[int], keys: Sequence[ClaimKeys]) -> None:
    """Link keys and first actor labels of claims (``seqs[i]`` has ``keys[i]``)."""
    distinct = sorted({k.removeprefix("~") for ck in keys for k in ck.links})
    if distinct:
        conn.execute(
            upsert(conn, t.event_keys).on_conflict_do_nothing(index_elements=["key"]),
            [{"key": k} for k in distinct],
        )
    ids = key_ids(conn, distinct)
    pairs: list[tuple[int, int, int]] = []
    for s, ck in zip(seqs, keys, strict=True):
        active = {k for k in ck.links if not k.startswith("~")}
        pairs.extend((s, ids[k], 1) for k in active)
        pairs.extend((s, ids[k[1:]], 0)
                     for k in ck.links if k.startswith("~") and k[1:] not in active)
    bulk_insert(conn, t.claim_keys, ("claim_seq", "key_id", "active"), pairs)
    first: dict[str, tuple[int, str]] = {}
    for s, ck in zip(seqs, keys, strict=True):
        for pos, (k, label) in enumerate(ck.names):
            order = s * 1000 + min(pos, 999)
            if k not in first or order < first[k][0]:
                first[k] = (order, label)
    if first:
        stmt = upsert(conn, t.actor_names)
        stmt = stmt.on_conflict_do_update(
            index_elements=["key"],
            set_={"label": stmt.excluded.label, "first": stmt.excluded.first},
            where=stmt.excluded.first < t.actor_names.c.first,
        )
        conn.execute(stmt, [{"key": k, "label": v[1], "first": v[0]} for k, v in first.items()])


def bulk_insert(conn: Connection, table: Any, cols: Sequence[str],
                rows: Sequence[tuple[Any, ...]]) -> None:
    """Many plain rows through the driver's ``executemany`` (SQLAlchemy's per-row parameter
    processing cost more than the insert itself)."""
    if not rows:
        return
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    quote = conn.dialect.identifier_preparer.quote
    sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in cols)}) "
           f"VALUES ({', '.join([mark] * len(cols))})")
    cursor = conn.connection.cursor()
    try:
        cursor.executemany(sql, rows)
    finally:
        cursor.close()


def key_ids(conn: Connection, keys: Sequence[str], chunk: int = 500) -> dict[str, int]:
    """The ids of stored link keys."""
    out: dict[str, int] = {}
    for i in range(0, len(keys), chunk):
        part = keys[i:i + chunk]
        for kid, key in conn.execute(
            t.event_keys.select().with_only_columns(t.event_keys.c.id, t.event_keys.c.key)
            .where(t.event_keys.c.key.in_(part))
        ):
            out[key] = int(kid)
    return out

