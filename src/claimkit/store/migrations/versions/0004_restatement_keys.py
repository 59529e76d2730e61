"""Link keys revised: ``r|TYPE|DOC|PLACE`` joins a document's restatements of one meeting.

No table changes. The validator's link keys (``claimkit.consistency.links``)
gained a key, so a store opened from an older revision has every claim's keys
rebuilt and its stored validation cleared (the next ``validate`` re-validates
every claim: a component stored under the old keys may now join another).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing in the tables: opening the store rebuilds the keys (KEYS_REVISION)."""


def downgrade() -> None:
    """Nothing in the tables."""
