"""Opening, creating and migrating the database: nothing is lost, nothing is replaced."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Boolean, Date, DateTime, Float, Integer, MetaData, insert, select, text
from sqlmodel import SQLModel

import sme_guard.domain.tables as tables
from sme_guard import paths
from sme_guard.db import database as database_module
from sme_guard.db import migrate
from sme_guard.db.backup import backup_to, backup_with_reason
from sme_guard.db.database import open_database
from sme_guard.db.engine import make_engine
from sme_guard.db.migrations import HEAD_REVISION
from sme_guard.errors import DatabaseTooNewError, DatabaseUnreadableError

# ---------------------------------------------------------------- helpers


def _revisions() -> list[str]:
    """The real migration chain, oldest first."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    return [s.revision for s in reversed(list(scripts.walk_revisions()))]


def _create_at(path: Path, revision: str) -> None:
    engine = make_engine(path)
    migrate.upgrade(engine, revision)
    engine.dispose()


def _value(column: Any, row: int) -> Any:
    if column.foreign_keys:
        return row  # every table gets rows 1..N, so row N of the parent exists
    kind = column.type
    if isinstance(kind, Boolean):
        return row % 2 == 0
    if isinstance(kind, Integer):
        return row * 7
    if isinstance(kind, Float):
        return row + 0.5
    if isinstance(kind, DateTime):
        return datetime(2026, 4, row, 9, 30, tzinfo=UTC)
    if isinstance(kind, Date):
        return date(2026, 4, row)
    return f"{column.table.name}.{column.name} 値{row}"


Snapshot = dict[str, tuple[list[str], list[tuple[Any, ...]]]]


def _fill_every_table(path: Path, rows: int = 3) -> Snapshot:
    """Insert ``rows`` rows into every table (parents first); return what was written."""
    engine = make_engine(path)
    metadata = MetaData()
    metadata.reflect(engine)
    written: Snapshot = {}
    with engine.begin() as connection:
        for table in metadata.sorted_tables:
            if table.name == "alembic_version":
                continue
            values = []
            for row in range(1, rows + 1):
                record = {c.name: _value(c, row) for c in table.columns if c.name != "id"}
                if table.name == "incident_asset":  # exactly one asset per link
                    record.update(device_id=None, badge_id=None)
                if table.name == "plan_dependency":  # a plan cannot depend on itself
                    record["depends_on_id"] = row % rows + 1
                if table.name == "self_diagnosis_answer":  # the sheet's points only
                    record["score"] = (4, 2, 0, -1)[row % 4]
                values.append(record)
            connection.execute(insert(table), values)
        for table in metadata.sorted_tables:
            if table.name != "alembic_version":
                rows_read = connection.execute(select(table).order_by(*table.primary_key))
                written[table.name] = ([c.name for c in table.columns], [tuple(r) for r in rows_read])
    engine.dispose()
    return written


def _read(path: Path, snapshot: Snapshot) -> Snapshot:
    """The same tables and columns as in ``snapshot``, read back from ``path``."""
    engine = make_engine(path)
    now = MetaData()
    now.reflect(engine, only=list(snapshot))
    result: Snapshot = {}
    with engine.connect() as connection:
        for name, (columns, _rows) in snapshot.items():
            table = now.tables[name]
            query = select(*(table.c[c] for c in columns)).order_by(*table.primary_key)
            result[name] = (columns, [tuple(r) for r in connection.execute(query)])
    engine.dispose()
    return result


# ---------------------------------------------------------------- creating


def test_new_database_is_built_by_the_migrations(db_path: Path) -> None:
    database = open_database(db_path)
    with database.engine.connect() as connection:
        assert migrate.current_revision(connection) == HEAD_REVISION
        assert compare_metadata(MigrationContext.configure(connection), SQLModel.metadata) == []
    tables = set(SQLModel.metadata.tables)
    assert {
        "person",
        "storage_medium",
        "medium_disposal",
        "smart_device",
        "id_badge",
        "incident",
        "incident_action",
        "incident_notification",
        "contact_entry",
        "continuity_plan",
        "plan_step",
        "drill",
        "assessment",
        "measure_result",
        "sheet_result",
        "recurring_check",
        "audit_entry",
    } <= tables
    database.close()


def test_head_revision_constant_matches_the_newest_script() -> None:
    assert migrate.head_revision() == HEAD_REVISION == _revisions()[-1]


def test_connections_use_foreign_keys_wal_and_full_sync(db_path: Path) -> None:
    database = open_database(db_path)
    with database.engine.connect() as connection:
        pragma = lambda name: connection.execute(text(f"PRAGMA {name}")).scalar()  # noqa: E731
        assert (pragma("foreign_keys"), pragma("journal_mode"), pragma("synchronous")) == (1, "wal", 2)
    database.close()


def test_foreign_keys_are_enforced(db_path: Path) -> None:
    database = open_database(db_path)
    with pytest.raises(Exception, match="FOREIGN KEY"), database.session() as session:
        session.add(tables.StorageMedium(asset_number="USB-001", custodian_id=999))
    with database.session() as session:
        assert session.exec(select(tables.StorageMedium)).all() == []
    database.close()


def test_a_failed_unit_of_work_saves_nothing(db_path: Path) -> None:
    database = open_database(db_path)
    with pytest.raises(RuntimeError), database.session() as session:
        session.add(tables.Person(name="山田 花子"))
        session.flush()
        raise RuntimeError("the user's action failed halfway")
    with database.session() as session:
        assert session.exec(select(tables.Person)).all() == []
    database.close()


# ---------------------------------------------------------------- upgrading


def test_a_database_from_the_first_revision_upgrades_with_every_row(db_path: Path) -> None:
    _create_at(db_path, _revisions()[0])
    before = _fill_every_table(db_path)
    assert sum(len(rows) for _columns, rows in before.values()) > 60
    open_database(db_path).close()
    after = _read(db_path, before)
    # The upgrade to 0005 starts the audit trail: one "baseline" entry per record (of every
    # other table) follows the entries there were.
    columns, old_entries = before.pop("audit_entry")
    entries = after.pop("audit_entry")[1]
    assert entries[: len(old_entries)] == old_entries
    added = [dict(zip(columns, entry, strict=True)) for entry in entries[len(old_entries) :]]
    baseline = [entry for entry in added if entry["action"] == "baseline"]
    # 0008 gives each recurring check its first-due date (recorded like any change).
    assert {(e["action"], e["table_name"], e["field"]) for e in added if e["action"] != "baseline"} <= {
        ("update", "recurring_check", "first_due_on")
    }
    assert len(baseline) == sum(len(rows) for _columns, rows in before.values())
    assert after == before
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD_REVISION,)


EXTRA_REVISION = """
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("person") as batch:
        batch.add_column(sa.Column("nickname", sa.String(), nullable=True))
    op.create_table("scratch", sa.Column("id", sa.Integer, primary_key=True))
    {fail}


def downgrade():
    pass
"""


@pytest.fixture
def newer_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """An app version with one more migration than this one (optionally a failing one)."""

    def install(fail: bool) -> None:
        folder = tmp_path / "migrations"
        shutil.copytree(migrate.MIGRATIONS_DIR, folder)
        script = EXTRA_REVISION.format(down=HEAD_REVISION, fail='raise RuntimeError("boom")' if fail else "")
        (folder / "versions" / "9999_extra.py").write_text(script, encoding="utf-8")
        monkeypatch.setattr(migrate, "MIGRATIONS_DIR", folder)
        monkeypatch.setattr(database_module, "HEAD_REVISION", "9999")

    return install


def test_upgrade_backs_up_first_then_keeps_every_row(db_path: Path, newer_app: Any) -> None:
    open_database(db_path).close()
    before = _fill_every_table(db_path)
    newer_app(fail=False)
    open_database(db_path).close()

    backups = list(paths.backup_dir(db_path).glob("*-before-9999.sqlite3"))  # besides the daily one
    assert len(backups) == 1
    assert _read(backups[0], before) == before
    after = _read(db_path, before)
    assert after == before
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("9999",)
        assert "nickname" in [row[1] for row in connection.execute("PRAGMA table_info(person)")]


def test_a_failing_migration_changes_nothing(db_path: Path, newer_app: Any) -> None:
    open_database(db_path).close()
    before = _fill_every_table(db_path)
    newer_app(fail=True)
    with pytest.raises(RuntimeError, match="boom"):
        open_database(db_path)
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD_REVISION,)
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "scratch" not in tables
        assert "nickname" not in [row[1] for row in connection.execute("PRAGMA table_info(person)")]
    assert _read(db_path, before) == before


# ---------------------------------------------------------------- refusing


def test_database_from_a_newer_app_is_refused_not_downgraded(db_path: Path) -> None:
    open_database(db_path).close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'f00d'")
    content = db_path.read_bytes()
    with pytest.raises(DatabaseTooNewError, match="newer version"):
        open_database(db_path)
    assert db_path.read_bytes() == content


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(db_path: Path) -> None:
    db_path.write_text("氏名,部署\n山田,総務\n", encoding="utf-8")
    with pytest.raises(DatabaseUnreadableError, match="not an SQLite database"):
        open_database(db_path)
    assert db_path.read_text(encoding="utf-8") == "氏名,部署\n山田,総務\n"


def test_another_programs_sqlite_file_is_refused(db_path: Path) -> None:
    with sqlite3.connect(db_path) as connection:
        connection.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    with pytest.raises(DatabaseUnreadableError, match="not this app's database"):
        open_database(db_path)
    with sqlite3.connect(db_path) as connection:
        assert [r[0] for r in connection.execute("SELECT name FROM sqlite_master")] == ["customers"]


def test_a_damaged_database_is_refused_never_replaced(db_path: Path) -> None:
    database = open_database(db_path)
    with database.session() as session:
        session.add_all(tables.Person(name=f"社員{n}", notes="x" * 500) for n in range(300))
    database.close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db_path.read_bytes())
    page = 4096
    data[page * 5 : page * 7] = b"\xff" * (page * 2)  # scribble over two pages
    db_path.write_bytes(bytes(data))
    with pytest.raises(DatabaseUnreadableError):
        open_database(db_path)
    assert db_path.read_bytes() == bytes(data)


def test_a_folder_given_as_database_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseUnreadableError, match="it is a folder"):
        open_database(tmp_path)


# ---------------------------------------------------------------- backups


def test_backup_is_a_consistent_copy_while_the_database_is_in_use(db_path: Path, tmp_path: Path) -> None:
    database = open_database(db_path)
    with database.session() as session:
        session.add(tables.Person(name="佐藤 一郎"))
    with database.engine.connect() as reader:
        reader.execute(text("SELECT * FROM person")).all()  # an open connection does not block it
        target = backup_to(db_path, tmp_path / "usb" / "copy.sqlite3")
    database.close()
    with sqlite3.connect(target) as connection:
        assert connection.execute("SELECT name FROM person").fetchall() == [("佐藤 一郎",)]
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert not list(target.parent.glob("*.partial"))


def test_backups_keep_only_the_newest(db_path: Path, tmp_path: Path) -> None:
    open_database(db_path).close()
    folder = tmp_path / "backups"
    made = [backup_with_reason(db_path, folder, "daily", keep=3) for _ in range(5)]
    assert sorted(folder.glob("*.sqlite3")) == sorted(made[-3:])


def test_a_locked_database_gives_a_plain_message(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sme_guard.db import engine as engine_module
    from sme_guard.errors import DatabaseLockedError

    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
    database = open_database(db_path)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program holds the write lock
    try:
        with (
            pytest.raises(DatabaseLockedError, match="in use by another program"),
            database.session() as session,
        ):
            session.add(tables.Person(name="鈴木 三郎"))
    finally:
        other.execute("ROLLBACK")
        other.close()
    with database.session() as session:
        assert session.exec(select(tables.Person)).all() == []
    database.close()


@pytest.mark.parametrize(
    ("message", "kind", "english"),
    [
        ("database or disk is full", "StorageFullError", "The disk is full"),
        ("attempt to write a readonly database", "ReadOnlyError", "read-only location"),
        ("file is not a database", "DatabaseDamagedError", "the file is damaged"),
        ("database disk image is malformed", "DatabaseDamagedError", "the file is damaged"),
        ("Could not decode to UTF-8 column 'name' with text 'x'", "DatabaseDamagedError", "damaged"),
        ("unable to open database file", "DatabaseUnreadableError", "cannot be opened"),
    ],
)
def test_known_sqlite_failures_become_plain_messages(message: str, kind: str, english: str) -> None:
    from sme_guard.db.engine import user_error_for

    error = user_error_for(sqlite3.OperationalError(message), Path("office.sqlite3"))
    assert type(error).__name__ == kind
    assert error is not None and english in error.en and "office.sqlite3" in error.ja
    assert user_error_for(ValueError("a bug"), Path("x")) is None
