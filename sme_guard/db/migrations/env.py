"""Alembic environment: runs on the connection that sme_guard.db.migrate hands over."""

from alembic import context
from sqlmodel import SQLModel

import sme_guard.domain.tables  # noqa: F401  (registers every table)

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
