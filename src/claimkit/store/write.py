"""Writing records into the store: exactly once per (document id, prompt version).

A document record, its claims, spans, actors and link keys go in one
transaction: a killed writer leaves a document wholly stored or not at all,
and a document already stored under the same version is skipped (a rerun,
``--resume`` or three concurrent writers never duplicate it).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import typing
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

    from claimkit.extract.runner import RunSettings

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
        self.cache = KeyCache()
        #: documents whose stored rows of other settings a new record replaces (:meth:`replace`)
        self._replacing: tuple[RunSettings, frozenset[str]] | None = None
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with engine.begin() as conn:
            self.run_id = int(conn.execute(
                t.runs.insert().returning(t.runs.c.id),
                {"started": now, "command": run.command, "backend": run.backend,
                 "model": run.model, "version": run.version, "documents": 0, "claims": 0,
                 "requests": 0, "prompt_tokens": 0, "completion_tokens": 0},
            ).scalar_one())

    def add(self, records: Iterable[Record], batch: int = 1000) -> WriteCounts:
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

    def replace(self, settings: RunSettings, doc_ids: Iterable[str]) -> None:
        """From now on, storing a record of one of ``doc_ids`` removes the document's stored
        rows that ``settings`` did not produce (claims, spans, actors, keys; the validation
        of their components is dropped), in the same transaction: the store holds the old
        claims or the new ones, never both (``extract --resume --on-mismatch redo``)."""
        self._replacing = (settings, frozenset(doc_ids))

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
        self.cache.discard()
        with self.engine.begin() as conn:
            bulk_load(conn)
            failures = [r for r in records if isinstance(r, Failure)]
            docs = [r for r in records if not isinstance(r, Failure)]
            rows = [_failure_row(r, self.run_id) for r in failures]
            bulk_insert(conn, t.failures, _FAILURE_COLS, rows)
            self._remove_replaced(conn, docs)
            stored = _insert_documents(conn, docs, self.run_id)
            if stored:
                write_claims(conn, stored, self.gazetteer, self.places, cache=self.cache)
        self.cache.keep()
        self.counts.failures += len(failures)
        self.counts.skipped += len(docs) - len(stored)
        for _, record in stored:
            self.counts.documents += 1
            self.counts.claims += len(record.claims)
            if record.usage is not None:
                self.counts.usage = self.counts.usage + record.usage


    def _remove_replaced(self, conn: Connection, docs: Sequence[DocumentClaims]) -> None:
        """Remove the stored rows of other settings of the documents being replaced."""
        if self._replacing is None:
            return
        from claimkit.store.resume import remove_documents, replaced_seqs

        settings, replacing = self._replacing
        ids = {d.document.id for d in docs if d.document.id in replacing}
        if ids:
            stale = remove_documents(conn, replaced_seqs(conn, settings, ids))
            relabel(conn, stale, self.gazetteer, self.places)


class KeyCache:
    """Link key ids and actor-name orders a writer has committed (never changed once stored).

    Entries found in a transaction wait in ``pending`` until it commits
    (``keep``); a rolled-back transaction's are dropped (``discard``).
    """

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.first: dict[str, int] = {}
        self.pending_ids: dict[str, int] = {}
        self.pending_first: dict[str, int] = {}

    def keep(self) -> None:
        self.ids.update(self.pending_ids)
        self.first.update(self.pending_first)
        self.discard()

    def discard(self) -> None:
        self.pending_ids = {}
        self.pending_first = {}


def bulk_load(conn: Connection) -> None:
    """SQLite: foreign keys checked at commit (the pragma ends with the transaction)."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")


_FAILURE_COLS = ("run_id", "doc_id", "source", "kind", "record")
_DOC_COLS = ("doc_id", "version", "run_id", "source", "url", "title", "published", "language",
             "backend", "model", "text_hash", "text", "record")
_CLAIM_COLS = ("doc_seq", "ordinal", "claim_id", "doc_id", "type", "modality", "date_value",
               "date_from", "date_to", "language", "actors", "summary", "evidence", "data")
_SPAN_COLS = ("claim_seq", "ordinal", "start", "end", "text", "alignment")
_ACTOR_COLS = ("claim_seq", "field", "label", "name", "kind", "iso_code", "key")
#: bound parameters in one multi-row statement (SQLite allows 32,766, PostgreSQL 65,535)
_MAX_PARAMS = 30_000


def _failure_row(record: Failure, run_id: int) -> tuple[Any, ...]:
    return (run_id, record.doc_id, record.source, record.kind, dump_record(record))


def _document_row(record: DocumentClaims, run_id: int) -> tuple[Any, ...]:
    d = record.document
    meta = record.model_copy(update={"claims": []})
    return (d.id, record.version or "", run_id, d.source, d.url, d.title,
            d.published.isoformat() if d.published else None, d.language, record.backend,
            record.model, hashlib.sha256(d.text.encode("utf-8", "surrogatepass")).hexdigest(),
            d.text, dump_record(meta))


def _insert_documents(conn: Connection, records: Sequence[DocumentClaims],
                      run_id: int) -> list[tuple[int, DocumentClaims]]:
    """The newly stored documents with their seqs (one held under (id, version) is skipped).

    One multi-row ``INSERT ... ON CONFLICT DO NOTHING RETURNING`` per chunk: the
    unique constraint decides, so concurrent writers never both store a document.
    """
    firsts: dict[tuple[str, str], DocumentClaims] = {}
    for r in records:
        firsts.setdefault((r.document.id, r.version or ""), r)
    rows = [_document_row(r, run_id) for r in firsts.values()]
    seqs: dict[tuple[str, str], int] = {}
    for doc_id, version, seq in insert_returning(
            conn, t.documents, _DOC_COLS, rows, ("doc_id", "version", "seq"),
            conflict="ON CONFLICT (doc_id, version) DO NOTHING"):
        seqs[(doc_id, version)] = int(seq)
    return [(seqs[k], r) for k, r in firsts.items() if k in seqs]


def write_claims(conn: Connection, stored: Sequence[tuple[int, DocumentClaims]],
                 gazetteer: Gazetteer | None, places: Places | None, *,
                 cache: KeyCache | None = None) -> None:
    """Claims of newly stored documents, with their spans, actors and link keys."""
    rows: list[tuple[Any, ...]] = []
    for seq, record in stored:
        lang = record.document.language
        rows.extend(_claim_row(seq, i, c, lang) for i, c in enumerate(record.claims))
    if not rows:
        return
    returned = insert_returning(conn, t.claims, _CLAIM_COLS, rows, ("seq", "doc_seq", "ordinal"))
    # (doc seq, ordinal) -> claim seq, by position: a document's claims are consecutive rows
    first = {r[0]: i for i, r in reversed(list(enumerate(rows)))}
    seqs = [0] * len(rows)
    for s, d, o in returned:
        seqs[first[int(d)] + int(o)] = int(s)
    all_claims = [c for _, r in stored for c in r.claims]
    keys = list(key_claims([r for _, r in stored], gazetteer=gazetteer, places=places))
    _write_spans_actors(conn, seqs, all_claims, keys)
    write_keys(conn, seqs, keys, cache=cache)


def relabel(conn: Connection, keys: Iterable[str], gazetteer: Gazetteer | None,
            places: Places | None) -> None:
    """Label the actor ``keys`` (none in ``actor_names``: their first claim was removed)
    by their first claim in the store now, as writing every stored claim in order would
    have: the names of the documents holding each key's first claim are written again
    (the labels of their other keys, met first already, stay)."""
    from sqlalchemy import func, select

    from claimkit.store.read import load_claims

    a, c, d = t.actors.c, t.claims.c, t.documents.c
    wanted = sorted(set(keys))
    firsts: set[int] = set()
    for i in range(0, len(wanted), 500):
        firsts.update(int(s) for s in conn.execute(
            select(func.min(a.claim_seq)).where(a.key.in_(wanted[i:i + 500])).group_by(a.key))
            .scalars())
    if not firsts:
        return
    records: list[DocumentClaims] = []
    seqs: list[int] = []
    for doc_seq, meta in conn.execute(
            select(d.seq, d.record).where(d.seq.in_(
                select(c.doc_seq).where(c.seq.in_(sorted(firsts))))).order_by(d.seq)):
        rows = conn.execute(select(c.seq, c.type, c.data).where(c.doc_seq == doc_seq)
                            .order_by(c.ordinal)).all()
        record = DocumentClaims.model_validate_json(meta)
        records.append(record.model_copy(update={"claims": load_claims((r[1], r[2]) for r in rows)}))
        seqs.extend(int(r[0]) for r in rows)
    keyed = list(key_claims(records, gazetteer=gazetteer, places=places))
    _write_names(conn, seqs, keyed, KeyCache())


def _sql(conn: Connection, table: Any, cols: Sequence[str], rows: int) -> str:
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    quote = conn.dialect.identifier_preparer.quote
    one = f"({', '.join([mark] * len(cols))})"
    return (f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in cols)}) "
            f"VALUES {', '.join([one] * rows)}")


def _postgres_text(conn: Connection, rows: Sequence[tuple[Any, ...]]) -> Sequence[tuple[Any, ...]]:
    """``rows`` as PostgreSQL takes them: its text cannot hold NUL (U+0000), which a JSON
    string may (``"\\u0000"``), so a NUL in a flat column becomes U+FFFD there; the record's
    JSON column keeps it escaped, and the export stays lossless. Other databases: as given."""
    if conn.dialect.name != "postgresql":
        return rows
    return [row if not any(isinstance(v, str) and "\x00" in v for v in row) else
            tuple(v.replace("\x00", "\ufffd") if isinstance(v, str) else v for v in row)
            for row in rows]


def insert_returning(conn: Connection, table: Any, cols: Sequence[str],
                     rows: Sequence[tuple[Any, ...]], returning: Sequence[str], *,
                     conflict: str = "") -> list[tuple[Any, ...]]:
    """Insert ``rows`` as multi-row statements; the ``returning`` columns of the rows inserted.

    (The order of RETURNING rows is not promised: callers map them by key columns.)
    """
    quote = conn.dialect.identifier_preparer.quote
    tail = f" {conflict} RETURNING {', '.join(quote(c) for c in returning)}"
    step = max(1, _MAX_PARAMS // len(cols))
    rows = _postgres_text(conn, rows)
    out: list[tuple[Any, ...]] = []
    cursor = conn.connection.cursor()
    try:
        for i in range(0, len(rows), step):
            part = rows[i:i + step]
            cursor.execute(_sql(conn, table, cols, len(part)) + tail,
                           [v for row in part for v in row])
            out.extend(cursor.fetchall())
    finally:
        cursor.close()
    return out


def _claim_row(doc_seq: int, ordinal: int, c: ClaimBase, language: str | None) -> tuple[Any, ...]:
    lo, hi = date_bounds(c)
    return (doc_seq, ordinal, c.id, c.doc_id, c.type, c.modality.value if c.modality else None,
            c.date.value if c.date else None, lo, hi, language,
            " | ".join(a.label for a in c.actor), c.summary,
            "\n".join(s.text for s in c.evidence), c.model_dump_json())


@functools.cache
def _may_hold_actors(model: type[ClaimBase]) -> tuple[str, ...]:
    """The fields of ``model`` whose annotation admits an actor (or says nothing: ``Any``)."""
    return tuple(name for name, f in model.model_fields.items() if _admits_actor(f.annotation))


def _admits_actor(tp: Any) -> bool:
    if tp is Any or (isinstance(tp, type) and issubclass(tp, Actor)):
        return True
    return any(_admits_actor(a) for a in typing.get_args(tp))


def _actor_fields(c: ClaimBase) -> Iterator[tuple[str, Actor]]:
    for name in _may_hold_actors(type(c)):
        value = getattr(c, name, None)
        if isinstance(value, Actor):
            yield name, value
        elif isinstance(value, list):
            for a in value:
                if isinstance(a, Actor):
                    yield name, a


def _write_spans_actors(conn: Connection, seqs: list[int], claims: list[ClaimBase],
                        keys: list[ClaimKeys]) -> None:
    spans: list[tuple[Any, ...]] = []
    actors: list[tuple[Any, ...]] = []
    for seq, c, ck in zip(seqs, claims, keys, strict=True):
        spans.extend((seq, i, s.start, s.end, s.text, s.alignment.value)
                     for i, s in enumerate(c.evidence))
        by_label = {label: k for k, label in reversed(ck.names)}
        actors.extend((seq, name, a.label, a.name, a.kind.value if a.kind else None,
                       a.iso_code, by_label.get(a.label))
                      for name, a in _actor_fields(c))
    bulk_insert(conn, t.spans, _SPAN_COLS, spans)
    bulk_insert(conn, t.actors, _ACTOR_COLS, actors)


def write_keys(conn: Connection, seqs: Sequence[int], keys: Sequence[ClaimKeys], *,
               cache: KeyCache | None = None) -> None:
    """Link keys and first actor labels of claims (``seqs[i]`` has ``keys[i]``).

    With a ``cache``, keys whose ids the writer already holds are neither
    inserted nor looked up again.
    """
    cache = cache or KeyCache()
    known = cache.ids
    needed = {k.removeprefix("~") for ck in keys for k in ck.links}
    ids = {k: known[k] for k in needed if k in known}
    distinct = sorted(needed - ids.keys())
    if distinct:
        _execute_many(conn, t.event_keys, ("key",), [(k,) for k in distinct],
                      " ON CONFLICT (key) DO NOTHING")
    found = key_ids(conn, distinct)
    cache.pending_ids.update(found)
    ids.update(found)
    pairs: list[tuple[int, int, int]] = []
    for s, ck in zip(seqs, keys, strict=True):
        active = {k for k in ck.links if not k.startswith("~")}
        pairs.extend((s, ids[k], 1) for k in active)
        pairs.extend((s, ids[k[1:]], 0)
                     for k in ck.links if k.startswith("~") and k[1:] not in active)
    bulk_insert(conn, t.claim_keys, ("claim_seq", "key_id", "active"), pairs)
    _write_names(conn, seqs, keys, cache)


def _write_names(conn: Connection, seqs: Sequence[int], keys: Sequence[ClaimKeys],
                 cache: KeyCache) -> None:
    """The first label of each actor key (a key this writer stored before keeps its label:
    its later claims come after)."""
    first: dict[str, tuple[int, str]] = {}
    for s, ck in zip(seqs, keys, strict=True):
        for pos, (k, label) in enumerate(ck.names):
            order = s * 1000 + min(pos, 999)
            held = cache.first.get(k)
            if (held is None or order < held) and (k not in first or order < first[k][0]):
                first[k] = (order, label)
    if first:
        _execute_many(
            conn, t.actor_names, ("key", "label", "first"),
            [(k, v[1], v[0]) for k, v in sorted(first.items())],  # one lock order
            ' ON CONFLICT (key) DO UPDATE SET label = excluded.label, "first" = excluded."first"'
            ' WHERE excluded."first" < actor_names."first"')
        cache.pending_first.update({k: v[0] for k, v in first.items()})


def _execute_many(conn: Connection, table: Any, cols: Sequence[str],
                  rows: Sequence[tuple[Any, ...]], tail: str = "") -> None:
    """One prepared statement, all rows through the driver's ``executemany``."""
    if not rows:
        return
    cursor = conn.connection.cursor()
    try:
        cursor.executemany(_sql(conn, table, cols, 1) + tail, _postgres_text(conn, rows))
    finally:
        cursor.close()


def bulk_insert(conn: Connection, table: Any, cols: Sequence[str],
                rows: Sequence[tuple[Any, ...]]) -> None:
    """Many plain rows: PostgreSQL's ``COPY ... FROM STDIN`` (psycopg's ``cursor.copy``),
    elsewhere the driver's ``executemany`` (SQLAlchemy's per-row parameter processing
    cost more than the insert itself)."""
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        _execute_many(conn, table, cols, rows)
        return
    quote = conn.dialect.identifier_preparer.quote
    cursor: Any = conn.connection.cursor()  # psycopg's: DB-API has no copy
    try:
        with cursor.copy(f"COPY {quote(table.name)} ({', '.join(quote(c) for c in cols)}) "
                         "FROM STDIN") as copy:
            for row in _postgres_text(conn, rows):
                copy.write_row(row)
    finally:
        cursor.close()


def key_ids(conn: Connection, keys: Sequence[str], chunk: int = 500) -> dict[str, int]:
    """The ids of stored link keys."""
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    out: dict[str, int] = {}
    cursor = conn.connection.cursor()
    try:
        for i in range(0, len(keys), chunk):
            # each key as stored (see _postgres_text) -> the key asked for
            asked = {row[0]: k for row, k in zip(_postgres_text(conn, [(k,) for k in keys[i:i + chunk]]),
                                                 keys[i:i + chunk], strict=True)}
            cursor.execute(f"SELECT id, key FROM event_keys WHERE key IN "
                           f"({', '.join([mark] * len(asked))})", list(asked))
            out.update((asked[key], int(kid)) for kid, key in cursor.fetchall())
    finally:
        cursor.close()
    return out
