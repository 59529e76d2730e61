"""The first claim store: runs, documents, claims, spans, actors, failures.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    _runs_documents()
    _claims()
    _spans_actors_failures()


def _runs_documents() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("started", sa.Text, nullable=False),
        sa.Column("command", sa.Text, nullable=False),
        sa.Column("backend", sa.Text),
        sa.Column("model", sa.Text),
        sa.Column("version", sa.Text),
        sa.Column("documents", sa.Integer, nullable=False),
        sa.Column("claims", sa.Integer, nullable=False),
        sa.Column("requests", sa.Integer, nullable=False),
        sa.Column("prompt_tokens", sa.Integer, nullable=False),
        sa.Column("completion_tokens", sa.Integer, nullable=False),
        sa.Column("cost_usd", sa.Float),
    )
    op.create_table(
        "documents",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("doc_id", sa.Text, nullable=False),
        sa.Column("version", sa.Text, nullable=False),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id")),
        sa.Column("source", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Text),
        sa.Column("language", sa.Text),
        sa.Column("backend", sa.Text),
        sa.Column("model", sa.Text),
        sa.Column("text_hash", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("record", sa.Text, nullable=False),
        sa.UniqueConstraint("doc_id", "version", name="uq_documents_doc_version"),
    )


def _claims() -> None:
    op.create_table(
        "claims",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("doc_seq", sa.Integer, sa.ForeignKey("documents.seq"), nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("claim_id", sa.Text, nullable=False),
        sa.Column("doc_id", sa.Text, nullable=False),
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("modality", sa.Text),
        sa.Column("date_value", sa.Text),
        sa.Column("date_from", sa.Text),
        sa.Column("date_to", sa.Text),
        sa.Column("language", sa.Text),
        sa.Column("actors", sa.Text, nullable=False),
        sa.Column("summary", sa.Text),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("ix_claims_doc_seq", "claims", ["doc_seq", "ordinal"])
    op.create_index("ix_claims_type_date", "claims", ["type", "date_from"])
    op.create_index("ix_claims_date", "claims", ["date_from"])


def _spans_actors_failures() -> None:
    op.create_table(
        "spans",
        sa.Column("claim_seq", sa.Integer, sa.ForeignKey("claims.seq"), nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("alignment", sa.Text, nullable=False),
    )
    op.create_index("ix_spans_claim", "spans", ["claim_seq"])
    op.create_table(
        "actors",
        sa.Column("claim_seq", sa.Integer, sa.ForeignKey("claims.seq"), nullable=False),
        sa.Column("field", sa.Text, nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("name", sa.Text),
        sa.Column("kind", sa.Text),
        sa.Column("iso_code", sa.Text),
        sa.Column("key", sa.Text),
    )
    op.create_index("ix_actors_claim", "actors", ["claim_seq"])
    op.create_index("ix_actors_iso", "actors", ["iso_code"])
    op.create_index("ix_actors_key", "actors", ["key"])
    op.create_table(
        "failures",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id")),
        sa.Column("doc_id", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("record", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for name in ("failures", "actors", "spans", "claims", "documents", "runs"):
        op.drop_table(name)
