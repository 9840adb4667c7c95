"""Alembic migrations. Opening a database upgrades it to HEAD_REVISION.

HEAD_REVISION is repeated here so that start-up can tell "already current" without
importing Alembic; a test keeps it equal to the newest script's revision.
"""

HEAD_REVISION = "0008"
# Revisions before the audit trail's triggers (0005): an upgrade that ends at one of them
# does not install triggers.
BEFORE_AUDIT_TRAIL = frozenset({"0001", "0002", "0003", "0004"})
