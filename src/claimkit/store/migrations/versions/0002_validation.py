"""Validation in the store: event keys, actor names, groups, findings; claims.root.

Claims stored at 0001 have no event keys: :func:`claimkit.store.open_store`
computes them after this upgrade (``ClaimStore.rekey``), since keys come from
the claim models, not from SQL.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("root", sa.Integer))
        batch.create_index("ix_claims_root", ["root"])
    op.create_table(
        "event_keys",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key", sa.Text, nullable=False, unique=True),
    )
    op.create_table(
        "claim_keys",
        sa.Column("claim_seq", sa.Integer, sa.ForeignKey("claims.seq"), nullable=False),
        sa.Column("key_id", sa.Integer, sa.ForeignKey("event_keys.id"), nullable=False),
        sa.Column("active", sa.Integer, nullable=False),
    )
    op.create_index("ix_claim_keys_key", "claim_keys", ["key_id", "claim_seq"])
    op.create_index("ix_claim_keys_claim", "claim_keys", ["claim_seq"])
    _results()


def _results() -> None:
    """Actor names, event groups and findings of validation."""
    op.create_table(
        "actor_names",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("first", sa.Integer, nullable=False),
    )
    op.create_table(
        "event_groups",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("root", sa.Integer, nullable=False),
        sa.Column("group_id", sa.Text, nullable=False),
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("sources", sa.Integer, nullable=False),
        sa.Column("n_claims", sa.Integer, nullable=False),
        sa.Column("languages", sa.Text, nullable=False),
        sa.Column("date_from", sa.Text),
        sa.Column("date_to", sa.Text),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("ix_groups_root", "event_groups", ["root"])
    op.create_index("ix_groups_sources", "event_groups", ["sources"])
    op.create_index("ix_groups_group_id", "event_groups", ["group_id"])
    op.create_table(
        "group_claims",
        sa.Column("group_seq", sa.Integer, sa.ForeignKey("event_groups.seq"), nullable=False),
        sa.Column("claim_seq", sa.Integer, sa.ForeignKey("claims.seq"), nullable=False),
    )
    op.create_index("ix_group_claims_group", "group_claims", ["group_seq"])
    op.create_index("ix_group_claims_claim", "group_claims", ["claim_seq"])
    op.create_table(
        "findings",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("root", sa.Integer, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("severity", sa.Text, nullable=False),
        sa.Column("group_id", sa.Text),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("ix_findings_root", "findings", ["root"])
    op.create_index("ix_findings_kind", "findings", ["kind"])
    op.create_table(
        "finding_claims",
        sa.Column("finding_seq", sa.Integer, sa.ForeignKey("findings.seq"), nullable=False),
        sa.Column("claim_seq", sa.Integer, sa.ForeignKey("claims.seq"), nullable=False),
    )
    op.create_index("ix_finding_claims_finding", "finding_claims", ["finding_seq"])
    op.create_index("ix_finding_claims_claim", "finding_claims", ["claim_seq"])


def downgrade() -> None:
    for name in ("finding_claims", "findings", "group_claims", "event_groups", "actor_names",
                 "claim_keys", "event_keys"):
        op.drop_table(name)
    with op.batch_alter_table("claims") as batch:
        batch.drop_index("ix_claims_root")
        batch.drop_column("root")
