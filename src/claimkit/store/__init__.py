"""A claim store: the corpus in a database (SQLite file or PostgreSQL server).

::

    from claimkit.store import open_store

    with open_store("claims.db") as store:            # or "postgresql://user@host/db"
        store.add(records)                            # exactly once per (document, version)
        for report in store.validate():               # only what is not validated yet
            print(len(report.findings))
        rows = store.query(type="refusal", country="RU", date_from="2025-03-01")

Built on SQLAlchemy Core with Alembic migrations shipped in the package
(``claimkit[store]``; PostgreSQL through psycopg: ``claimkit[postgres]``).
See ``docs/store.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any

from claimkit.schemas import DocumentClaims, Failure
from claimkit.store._engine import ENV_DB, StoreError, database_error, resolve_url
from claimkit.store.write import RunInfo, WriteCounts, Writer

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from claimkit.consistency.models import ValidationReport
    from claimkit.normalize.actors import Gazetteer
    from claimkit.normalize.places import Places
    from claimkit.store.query import ClaimQuery, ClaimRow, GroupRow

__all__ = [
    "ENV_DB",
    "ClaimStore",
    "RunInfo",
    "StoreError",
    "WriteCounts",
    "Writer",
    "open_store",
    "resolve_url",
]


class ClaimStore:
    """An open store. Use :func:`open_store`; close it (or use ``with``)."""

    def __init__(self, engine: Engine, shown: str, migrated_from: str | None) -> None:
        self.engine = engine
        #: the URL with its password hidden
        self.url = shown
        #: the schema revision found when opened (None: created now)
        self.migrated_from = migrated_from

    def __enter__(self) -> ClaimStore:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        """Close the store; an error the database raised inside the block (a read-only file,
        a full disk, a lock held too long) becomes a :class:`StoreError` naming the store."""
        self.close()
        reason = database_error(exc)
        if reason is not None:
            raise StoreError(self.url, reason) from exc

    def close(self) -> None:
        self.engine.dispose()

    def writer(self, run: RunInfo, *, gazetteer: Gazetteer | None = None,
               places: Places | None = None) -> Writer:
        """A writer that records one run (``add``/``add_one``, then ``close``)."""
        return Writer(self.engine, run, gazetteer=gazetteer, places=places, url=self.url)

    def add(self, records: Iterable[DocumentClaims | Failure], *,
            command: str = "import") -> WriteCounts:
        """Store records (a document already stored under its version is skipped)."""
        writer = self.writer(RunInfo(command))
        try:
            return writer.add(records)
        finally:
            writer.close()

    def records(self) -> Iterator[DocumentClaims | Failure]:
        """Every stored record: documents in stored order, then failures."""
        from claimkit.store.read import iter_records

        return iter_records(self.engine)

    def export(self, fh: IO[str] | None, *, path: str | None = None, fmt: str = "jsonl") -> int:
        """Write the store as JSONL (lossless), CSV or Parquet (flat); the rows written."""
        from claimkit.store.read import write_export

        return write_export(self.engine, fh, path, fmt)

    def stored_ids(self, version: str | None = None) -> set[str]:
        """Ids of the documents stored (under ``version`` when given)."""
        from sqlalchemy import select

        from claimkit.store import tables as t

        stmt = select(t.documents.c.doc_id)
        if version is not None:
            stmt = stmt.where(t.documents.c.version == version)
        with self.engine.connect() as conn:
            return {row[0] for row in conn.execute(stmt)}

    def run_claims(self, run_id: int) -> list[int]:
        """Seqs of the claims a run stored."""
        from sqlalchemy import select

        from claimkit.store import tables as t

        c, d = t.claims.c, t.documents.c
        stmt = select(c.seq).join(t.documents, d.seq == c.doc_seq).where(d.run_id == run_id)
        with self.engine.connect() as conn:
            return [int(s) for s in conn.execute(stmt).scalars()]

    def validate(self, **options: Any) -> Iterator[ValidationReport]:
        """Validate what is new (see :func:`claimkit.store.validation.validate_store`)."""
        from claimkit.store.validation import validate_store

        return validate_store(self.engine, **options)

    def query(self, query: ClaimQuery | None = None, **filters: Any) -> list[ClaimRow]:
        """Claims matching the filters (see :class:`claimkit.store.query.ClaimQuery`)."""
        from claimkit.store.query import ClaimQuery, run_query

        return run_query(self.engine, query or ClaimQuery(**filters))

    def stored_report(self) -> ValidationReport:
        """The groups and findings the last validations stored (nothing is re-validated)."""
        from claimkit.store.read import stored_report

        return stored_report(self.engine)

    def groups(self, *, min_sources: int = 1, type: str | None = None,
               limit: int | None = None) -> list[GroupRow]:
        """Event groups reported by at least ``min_sources`` independent outlets."""
        from claimkit.store.query import query_groups

        return query_groups(self.engine, min_sources=min_sources, type_=type, limit=limit)


def open_store(url: str | None = None) -> ClaimStore:
    """Open (create, or migrate to the newest schema) the store at ``url``.

    Args:
        url: a SQLAlchemy URL (``sqlite:///claims.db``, ``postgresql://user@host/db``) or a
            file path (SQLite); default ``CLAIMKIT_DB``.

    Raises:
        ConfigError: no URL, or the ``store`` extra (or the PostgreSQL driver) missing.
        StoreError: not a database, another program's database, or a newer schema.
    """
    from claimkit.store._engine import connect
    from claimkit.store.tables import KEYS_REVISION

    engine, shown, before = connect(url)
    store = ClaimStore(engine, shown, before)
    if before is not None and before < KEYS_REVISION:
        from claimkit.store.validation import rekey

        rekey(engine, fresh=True)
    return store
