"""Records are stamped with the real time they were written; a test that needs a record made
long ago (a plan never reviewed since, an account never reviewed since set-up) backdates it."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sme_guard.db.database import Database
from sme_guard.services.registers import table_named


def made_on(db: Database, table_name: str, record_id: int, day: date) -> None:
    table = table_named(table_name)
    with db.engine.begin() as connection:
        connection.execute(
            table.update()
            .where(table.c.id == record_id)
            .values(created_at=datetime.combine(day, datetime.min.time(), UTC))
        )
