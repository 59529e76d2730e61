"""The store's tables (SQLAlchemy Core), as the newest migration leaves them.

The migrations under ``migrations/versions`` create these tables; a test
compares a migrated database with this metadata, so the two cannot drift.
JSON is kept as text: the exact serialisation of each model, which reads
back to an equal model on every database.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    UniqueConstraint,
)

__all__ = [
    "SCHEMA_HEAD",
    "VERSION_TABLE",
    "actor_names",
    "actors",
    "claim_keys",
    "claims",
    "documents",
    "event_keys",
    "failures",
    "finding_claims",
    "findings",
    "group_claims",
    "groups",
    "metadata",
    "runs",
    "spans",
]

#: the newest migration (``migrations/versions``)
SCHEMA_HEAD = "0004"
#: the revision whose code last changed the link keys (0003: ``u|DOC`` for unanchored
#: dates; 0004: ``r|TYPE|DOC|PLACE`` for a document's restatements of one meeting): a
#: store opened from an older revision has every claim's keys rebuilt and its stored
#: validation cleared
KEYS_REVISION = "0004"
#: Alembic's version table, under a name that says the database is a claim store
VERSION_TABLE = "claimkit_schema"

metadata = MetaData()


def _claim_seq() -> Column[int]:
    """The column every per-claim table starts with: the claim it belongs to."""
    return Column("claim_seq", Integer, ForeignKey("claims.seq"), nullable=False)


def _claim_links(name: str, owner: str, owner_column: str) -> Table:
    """A table linking rows of ``owner`` (a group, a finding) to the claims they hold.

    Its two indexes answer both ways: the claims of one row, the rows of one claim.
    """
    return Table(
        name, metadata,
        Column(owner_column, Integer, ForeignKey(f"{owner}.seq"), nullable=False),
        _claim_seq(),
        Index(f"ix_{name}_{owner_column.removesuffix('_seq')}", owner_column),
        Index(f"ix_{name}_claim", "claim_seq"),
    )


runs = Table(
    "runs", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started", Text, nullable=False),
    Column("command", Text, nullable=False),
    Column("backend", Text),
    Column("model", Text),
    Column("version", Text),
    Column("documents", Integer, nullable=False, default=0),
    Column("claims", Integer, nullable=False, default=0),
    Column("requests", Integer, nullable=False, default=0),
    Column("prompt_tokens", Integer, nullable=False, default=0),
    Column("completion_tokens", Integer, nullable=False, default=0),
    Column("cost_usd", Float),
)

documents = Table(
    "documents", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", Text, nullable=False),
    # the prompt/schema version of the extraction ("" when the record names none)
    Column("version", Text, nullable=False),
    Column("run_id", Integer, ForeignKey("runs.id")),
    Column("source", Text),
    Column("url", Text),
    Column("title", Text),
    Column("published", Text),
    Column("language", Text),
    Column("backend", Text),
    Column("model", Text),
    Column("text_hash", Text, nullable=False),
    Column("text", Text, nullable=False),
    # the record without its claims (document, backend, model, version, usage, warnings)
    Column("record", Text, nullable=False),
    UniqueConstraint("doc_id", "version", name="uq_documents_doc_version"),
)

claims = Table(
    "claims", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("doc_seq", Integer, ForeignKey("documents.seq"), nullable=False),
    Column("ordinal", Integer, nullable=False),
    Column("claim_id", Text, nullable=False),
    Column("doc_id", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("modality", Text),
    Column("date_value", Text),
    Column("date_from", Text),
    Column("date_to", Text),
    Column("language", Text),
    Column("actors", Text, nullable=False),
    Column("summary", Text),
    Column("evidence", Text, nullable=False),
    # the whole claim as JSON: user types and every field read back as they were
    Column("data", Text, nullable=False),
    # validation component (the smallest claim seq in it); NULL: not validated yet
    Column("root", Integer),
    Index("ix_claims_doc_seq", "doc_seq", "ordinal"),
    Index("ix_claims_type_date", "type", "date_from"),
    Index("ix_claims_date", "date_from"),
    Index("ix_claims_root", "root"),
)

spans = Table(
    "spans", metadata,
    _claim_seq(),
    Column("ordinal", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("alignment", Text, nullable=False),
    Index("ix_spans_claim", "claim_seq"),
)

actors = Table(
    "actors", metadata,
    _claim_seq(),
    Column("field", Text, nullable=False),
    Column("label", Text, nullable=False),
    Column("name", Text),
    Column("kind", Text),
    Column("iso_code", Text),
    Column("key", Text),
    Index("ix_actors_claim", "claim_seq"),
    Index("ix_actors_iso", "iso_code"),
    Index("ix_actors_key", "key"),
)

failures = Table(
    "failures", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("runs.id")),
    Column("doc_id", Text),
    Column("source", Text),
    Column("kind", Text, nullable=False),
    Column("record", Text, nullable=False),
)

# --- 0002: validation ------------------------------------------------------

event_keys = Table(
    "event_keys", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", Text, nullable=False, unique=True),
)

claim_keys = Table(
    "claim_keys", metadata,
    _claim_seq(),
    Column("key_id", Integer, ForeignKey("event_keys.id"), nullable=False),
    # 0: passive (links only with a claim that holds the key actively)
    Column("active", Integer, nullable=False),
    Index("ix_claim_keys_key", "key_id", "claim_seq"),
    Index("ix_claim_keys_claim", "claim_seq"),
)

actor_names = Table(
    "actor_names", metadata,
    Column("key", Text, primary_key=True),
    Column("label", Text, nullable=False),
    # where the label was first met: claim seq * 1000 + position in the claim
    Column("first", Integer, nullable=False),
)

groups = Table(
    "event_groups", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("root", Integer, nullable=False),
    Column("group_id", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("label", Text, nullable=False),
    Column("sources", Integer, nullable=False),
    Column("n_claims", Integer, nullable=False),
    Column("languages", Text, nullable=False),
    Column("date_from", Text),
    Column("date_to", Text),
    Column("data", Text, nullable=False),
    Index("ix_groups_root", "root"),
    Index("ix_groups_sources", "sources"),
    Index("ix_groups_group_id", "group_id"),
    # 0003: the group listing ("events reported by >= N outlets") from the index alone
    Index("ix_groups_listing", "sources", "seq", "group_id", "type", "label", "n_claims",
          "languages", "date_from", "date_to").ddl_if(dialect="sqlite"),
)

group_claims = _claim_links("group_claims", "event_groups", "group_seq")

findings = Table(
    "findings", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("root", Integer, nullable=False),
    Column("kind", Text, nullable=False),
    Column("severity", Text, nullable=False),
    Column("group_id", Text),
    Column("message", Text, nullable=False),
    Column("data", Text, nullable=False),
    Index("ix_findings_root", "root"),
    Index("ix_findings_kind", "kind"),
)

finding_claims = _claim_links("finding_claims", "findings", "finding_seq")
