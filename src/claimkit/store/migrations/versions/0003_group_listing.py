"""A covering index for listing event groups by independent outlets (SQLite).

"Events reported by >= 3 outlets" reads most of ``event_groups``; on SQLite
each row found through ``ix_groups_sources`` was a look-up into a table
whose rows carry the group's JSON. This index holds every column the listing
returns, so the query reads the index alone. PostgreSQL keeps the JSON out of
line (TOAST) and a B-tree entry has a size limit that a long label could
exceed, so it gets no such index.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_COLUMNS = ["sources", "seq", "group_id", "type", "label", "n_claims", "languages",
            "date_from", "date_to"]


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.create_index("ix_groups_listing", "event_groups", _COLUMNS)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.drop_index("ix_groups_listing", "event_groups")
