"""Alembic migrations. Opening a database upgrades it to HEAD_REVISION.

HEAD_REVISION is repeated here so that start-up can tell "already current" without
importing Alembic; a test keeps it equal to the newest script's revision.
"""

HEAD_REVISION = "0004"
