"""Alembic's environment for the claim store: always run on a connection claimkit gives it."""

from __future__ import annotations

from alembic import context

from claimkit.store.tables import VERSION_TABLE, metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    version_table=VERSION_TABLE,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
