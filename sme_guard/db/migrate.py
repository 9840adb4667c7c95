"""Bring a database to the newest schema with Alembic (imported only when needed)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from sme_guard.db import audit_triggers
from sme_guard.db.migrations import BEFORE_AUDIT_TRAIL

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


class ForeignKeyViolationError(RuntimeError):
    """A migration left rows pointing at nothing; it was rolled back."""


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    with engine.connect() as connection:
        # SQLite alters a table by copying it and dropping the old one; with foreign keys on,
        # the drop would cascade into the rows that refer to it. SQLite's documented
        # procedure: keys off (only possible outside a transaction), check them before the
        # commit, keys on again.
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                # A batch table rebuild drops a table's audit triggers, a new column is
                # missing from them, a new table has none: they follow each DDL statement,
                # and are all brought up to date at the end.
                stop = audit_triggers.keep_audited(connection)
                try:
                    command.upgrade(alembic_config(connection), revision)
                finally:
                    stop()
                if current_revision(connection) not in BEFORE_AUDIT_TRAIL:
                    audit_triggers.install_all(connection)
                broken = connection.execute(text("PRAGMA foreign_key_check")).first()
                if broken is not None:
                    raise ForeignKeyViolationError(
                        f"migration to {revision} broke a reference: {tuple(broken)}"
                    )
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
