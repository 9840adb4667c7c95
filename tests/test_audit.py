"""The audit trail (変更履歴): every path that writes is recorded, the chain detects an entry
edited or deleted outside the app, and ``sme-guard check`` says so."""

from __future__ import annotations

import getpass
import json
import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import insert, text, update
from sqlmodel import SQLModel

import sme_guard.domain.tables  # noqa: F401  (registers every table)
from sme_guard.cli import main
from sme_guard.db import audit_triggers, migrate
from sme_guard.db import database as database_module
from sme_guard.db.audit_check import check
from sme_guard.db.database import Database, open_database
from sme_guard.db.engine import make_engine
from sme_guard.db.migrations import HEAD_REVISION
from sme_guard.domain.registers import MEDIA, PEOPLE
from sme_guard.exchange.excel import import_register
from sme_guard.services import audit, registers
from sme_guard.services.audit import AuditFilter, AuditLine
from sme_guard.services.check import check_file
from sme_guard.services.registers import table_named
from tests import factories

USER = getpass.getuser()


def _raw_entries(db: Database) -> list[dict[str, Any]]:
    with sqlite3.connect(db.path) as connection:
        connection.row_factory = sqlite3.Row
        return [dict(row) for row in connection.execute("SELECT * FROM audit_entry ORDER BY id")]


def _report(db: Database) -> Any:
    report = audit.verify(db)
    return report


def _tamper(db: Database, sql: str, *params: Any) -> None:
    """What someone with the sqlite3 shell can do: no app functions, no app triggers."""
    connection = sqlite3.connect(db.path)
    try:
        connection.execute(sql, params)
        connection.commit()
    finally:
        connection.close()


def _busy(db: Database) -> None:
    """A database that has seen a bit of everything."""
    yamada = factories.person(db, "山田 太郎", department="総務部")
    sato = factories.person(db, "佐藤 花子")
    for n in range(30):
        factories.medium(db, f"USB-{n:03d}", custodian_id=yamada if n % 2 else sato, notes="一行目\n二行目")
    first = factories.medium(db, "HDD-001", kind="external_hdd")
    registers.save_record(
        db,
        MEDIA,
        first,
        {
            "asset_number": "HDD-001",
            "kind": "external_hdd",
            "quantity": 2,
            "status": "disposed",
            "disposal_disposed_on": date(2026, 11, 1),
            "disposal_method": "physical_destruction",
        },
    )
    registers.delete_record(db, MEDIA, factories.medium(db, "TMP-1"))
    person = table_named("person")
    with db.engine.begin() as connection:
        connection.execute(update(person).where(person.c.id == sato).values(phone="03-0000"))


# ------------------------------------------------------------------ every table, every path


def test_every_table_has_its_three_triggers_at_head(db: Database) -> None:
    """A table added without triggers (or without a label for the history) fails here."""
    tables = set(SQLModel.metadata.tables) - {"audit_entry"}
    with db.engine.connect() as connection:
        installed = audit_triggers.installed_triggers(connection)
        assert audit_triggers.stale_tables(connection) == []
        assert set(audit_triggers.audited_tables(connection)) == tables
    for table in tables:
        for action in ("insert", "update", "delete"):
            assert audit_triggers.trigger_name(table, action) in installed, (table, action)
    assert set(audit.TABLE_LABELS) == tables


def test_a_saved_record_is_recorded_with_the_os_user_and_its_fields(db: Database) -> None:
    yamada = factories.person(db, "山田 太郎")
    registers.save_record(
        db,
        PEOPLE,
        yamada,
        {"name": "山田 太郎", "employment_type": "regular", "role": "system_admin", "phone": "03-1234-5678"},
    )
    entries = _raw_entries(db)
    assert [(e["table_name"], e["record_id"], e["action"], e["field"]) for e in entries] == [
        ("person", yamada, "insert", None),
        ("person", yamada, "update", "role"),
        ("person", yamada, "update", "phone"),
    ]
    assert {e["os_user"] for e in entries} == {USER}
    assert json.loads(entries[0]["new_value"])["name"] == "山田 太郎" and entries[0]["old_value"] is None
    assert (entries[1]["old_value"], entries[1]["new_value"]) == ("employee", "system_admin")
    assert (entries[2]["old_value"], entries[2]["new_value"]) == (None, "03-1234-5678")


def test_an_unchanged_save_adds_nothing(db: Database) -> None:
    values = {
        "asset_number": "USB-1",
        "kind": "usb_memory",
        "quantity": 1,
        "status": "in_use",
        "notes": "金庫",
    }
    medium = registers.save_record(db, MEDIA, None, values)
    before = len(_raw_entries(db))
    registers.save_record(db, MEDIA, medium, values)
    with db.engine.begin() as connection:  # touching only updated_at is no change either
        table = table_named("storage_medium")
        connection.execute(update(table).where(table.c.id == medium).values(notes="金庫"))
    assert len(_raw_entries(db)) == before


def test_a_delete_records_the_whole_old_record(db: Database) -> None:
    medium = factories.medium(db, "USB-9", location="書庫", notes="廃棄予定")
    registers.delete_record(db, MEDIA, medium)
    last = _raw_entries(db)[-1]
    assert (last["table_name"], last["record_id"], last["action"], last["new_value"]) == (
        "storage_medium",
        medium,
        "delete",
        None,
    )
    old = json.loads(last["old_value"])
    assert (old["asset_number"], old["location"], old["notes"], old["quantity"]) == (
        "USB-9",
        "書庫",
        "廃棄予定",
        "1",
    )


def test_a_raw_core_insert_is_recorded(db: Database) -> None:
    with db.engine.begin() as connection:
        connection.execute(
            insert(table_named("person")),
            [
                {"name": "鈴木 一郎", "employment_type": "regular", "role": "employee"},
                {"name": "鈴木 二郎", "employment_type": "regular", "role": "employee"},
            ],
        )
    entries = _raw_entries(db)
    assert [(e["action"], e["os_user"], json.loads(e["new_value"])["name"]) for e in entries] == [
        ("insert", USER, "鈴木 一郎"),
        ("insert", USER, "鈴木 二郎"),
    ]
    assert audit.verify(db).ok


def _media_workbook(path: Path, rows: list[tuple[Any, ...]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["資産番号", "種類", "数量", "状態", "所在"])
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


def test_an_excel_import_is_recorded_field_by_field(db: Database, tmp_path: Path) -> None:
    medium = factories.medium(db, "USB-1", location="書庫")
    source = _media_workbook(
        tmp_path / "media.xlsx",
        [("USB-1", "USBメモリー", 1, "使用中", "金庫"), ("USB-2", "SSD", 3, "保管中", "書庫")],
    )
    report = import_register(db, MEDIA, source)
    assert (report.rows_updated, report.rows_inserted) == (1, 1)
    lines = audit.entries(db, table="storage_medium")
    changed = [
        (line.record_id, line.action, line.field, line.old_value, line.new_value) for line in lines[:2]
    ]
    assert changed[1] == (medium, "update", "location", "書庫", "金庫")
    assert changed[0][:3] == (medium + 1, "insert", None)
    assert (
        lines[0].new_text.startswith("資産番号: USB-2、種類: SSD、")
        and "、数量: 3、所在: 書庫、" in lines[0].new_text
    )
    assert {line.os_user for line in lines} == {USER}
    assert audit.verify(db).ok


def test_a_command_line_import_is_recorded(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _media_workbook(tmp_path / "media.xlsx", [("USB-7", "USBメモリー", 1, "使用中", "金庫")])
    db.close()
    assert main(["--lang", "en", "import", "media", "--file", str(source), "--db", str(db.path)]) == 0
    (line,) = audit.entries(open_database(db.path), table="storage_medium")
    assert (line.action, line.os_user) == ("insert", USER)
    assert json.loads(line.new_value or "")["location"] == "金庫"


def test_rows_replaced_by_insert_or_replace_are_recorded_as_deleted(db: Database) -> None:
    medium = factories.medium(db, "USB-1")
    with db.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT OR REPLACE INTO storage_medium (id, created_at, updated_at, asset_number, kind, nand_flash, "
            "quantity, holds_important_info, authorised, long_term_backup, status) "
            "SELECT id, created_at, updated_at, 'USB-1b', kind, nand_flash, quantity, holds_important_info, "
            "authorised, long_term_backup, status FROM storage_medium WHERE id = ?",
            (medium,),
        )
    assert [e["action"] for e in _raw_entries(db)] == ["insert", "delete", "insert"]
    assert audit.verify(db).ok


def test_a_program_without_the_apps_functions_cannot_change_an_audited_table(db: Database) -> None:
    factories.person(db, "山田 太郎")
    with pytest.raises(sqlite3.OperationalError, match="no such function"):
        _tamper(db, "UPDATE person SET name = '田中'")
    with sqlite3.connect(db.path) as connection:
        assert connection.execute("SELECT name FROM person").fetchall() == [("山田 太郎",)]


# ------------------------------------------------------------------ the check


def test_a_fresh_and_a_busy_database_verify(db: Database) -> None:
    fresh = audit.verify(db)
    assert fresh.ok and fresh.entries_checked == 0 and fresh.revision == HEAD_REVISION
    _busy(db)
    report = audit.verify(db)
    assert report.ok, report
    assert report.entries_checked == len(_raw_entries(db)) > 30
    assert report.records_checked == 2 + 31 + 1  # people, media, the disposal record


def test_an_audit_row_edited_with_the_sqlite3_shell_is_found(db: Database) -> None:
    _busy(db)
    victim = next(e for e in _raw_entries(db) if e["field"] == "phone")
    _tamper(db, "UPDATE audit_entry SET new_value = '090-9999' WHERE id = ?", victim["id"])
    report = audit.verify(db)
    assert not report.ok
    assert report.chain_broken_at == victim["id"] and report.broken_entries == 1
    assert report.chain_break is not None and report.chain_break.problem == "changed"
    assert (report.chain_break.table_name, report.chain_break.record_id) == ("person", victim["record_id"])
    # The data no longer matches its (edited) history either.
    (mismatch,) = report.mismatches
    assert (mismatch.field, mismatch.history, mismatch.actual) == ("phone", "090-9999", "03-0000")


def test_an_edit_with_a_recomputed_hash_breaks_the_link_to_the_next_entry(db: Database) -> None:
    _busy(db)
    entries = _raw_entries(db)
    victim = entries[5]
    forged = audit_triggers.chain_hash(
        victim["previous_hash"],
        victim["at"],
        "someone",
        victim["table_name"],
        victim["record_id"],
        victim["action"],
        victim["field"],
        victim["old_value"],
        victim["new_value"],
    )
    _tamper(
        db, "UPDATE audit_entry SET os_user = 'someone', entry_hash = ? WHERE id = ?", forged, victim["id"]
    )
    report = audit.verify(db)
    assert report.chain_break is not None
    assert (report.chain_break.entry_id, report.chain_break.problem) == (entries[6]["id"], "unlinked")
    assert report.chain_break.after_id == victim["id"]


def test_a_deleted_audit_row_is_found(db: Database) -> None:
    _busy(db)
    entries = _raw_entries(db)
    _tamper(db, "DELETE FROM audit_entry WHERE id = ?", entries[10]["id"])
    report = audit.verify(db)
    assert report.chain_break is not None
    assert (report.chain_break.entry_id, report.chain_break.problem) == (entries[11]["id"], "unlinked")
    assert report.chain_break.after_id == entries[9]["id"]
    assert report.mismatch_count >= 1  # the record that entry created has no history now


def test_deleting_the_newest_entries_is_found_by_comparing_with_the_data(db: Database) -> None:
    """The chain that is left is intact; the data shows what its history lost."""
    _busy(db)
    newest = _raw_entries(db)[-1]
    assert (newest["table_name"], newest["field"]) == ("person", "phone")
    _tamper(db, "DELETE FROM audit_entry WHERE id = ?", newest["id"])
    report = audit.verify(db)
    assert report.chain_break is None and not report.ok
    (mismatch,) = report.mismatches
    assert (mismatch.table_name, mismatch.kind, mismatch.field, mismatch.actual) == (
        "person",
        "differs",
        "phone",
        "03-0000",
    )


def test_deleting_the_whole_trail_is_found(db: Database) -> None:
    _busy(db)
    _tamper(db, "DELETE FROM audit_entry")
    report = audit.verify(db)
    assert report.entries_checked == 0 and report.chain_break is None
    assert report.mismatch_count == report.records_checked == 34
    assert {m.kind for m in report.mismatches} == {"no_history"}


def test_an_edit_with_the_triggers_dropped_is_found(db: Database) -> None:
    _busy(db)
    _tamper(db, "DROP TRIGGER audit_storage_medium_update")
    _tamper(db, "UPDATE storage_medium SET location = '自宅' WHERE asset_number = 'USB-003'")
    report = audit.verify(db)
    assert report.missing_triggers == ["storage_medium"]
    (mismatch,) = report.mismatches
    assert (mismatch.field, mismatch.history, mismatch.actual) == ("location", None, "自宅")


def test_a_damaged_index_and_a_broken_reference_are_reported(db: Database) -> None:
    medium = factories.medium(db, "USB-1", location="金庫")
    with db.engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")  # as a buggy program would write
        media = table_named("storage_medium")
        connection.execute(update(media).where(media.c.id == medium).values(custodian_id=999))
        connection.commit()
    with sqlite3.connect(db.path) as connection:  # the index no longer describes its table
        connection.execute("PRAGMA writable_schema=ON")
        connection.execute(
            "UPDATE sqlite_master SET sql = 'CREATE INDEX ix_audit_entry_at ON audit_entry (os_user)' "
            "WHERE name = 'ix_audit_entry_at'"
        )
    db.close()
    report = check_file(db.path)
    assert report.foreign_keys == [("storage_medium", medium, "person")]
    assert any("ix_audit_entry_at" in message for message in report.integrity)
    assert report.chain_break is None and report.mismatch_count == 0
    assert not report.ok


def test_a_database_from_before_the_trail_has_nothing_to_check_yet(db_path: Path) -> None:
    engine = make_engine(db_path)
    migrate.upgrade(engine, "0004")
    with engine.connect() as connection:
        report = check(connection, HEAD_REVISION)
    engine.dispose()
    assert report.ok and not report.trail_expected and report.revision == "0004"


def test_the_upgrade_gives_every_record_a_baseline_entry(db_path: Path) -> None:
    engine = make_engine(db_path)
    migrate.upgrade(engine, "0004")
    with engine.begin() as connection:
        connection.execute(
            insert(table_named("person")),
            [{"name": f"社員{n}", "employment_type": "regular", "role": "employee"} for n in range(5)],
        )
        assert connection.execute(text("SELECT count(*) FROM audit_entry")).scalar() == 0
    engine.dispose()
    database = open_database(db_path)
    try:
        lines = audit.history(database, "person", 3)
        assert [(line.action, line.action_text) for line in lines] == [("baseline", "記録開始時の内容")]
        assert audit.verify(database).ok
        registers.save_record(
            database, PEOPLE, 3, {"name": "社員2", "employment_type": "contract", "role": "employee"}
        )
        assert [line.action for line in audit.history(database, "person", 3)] == ["update", "baseline"]
        assert audit.verify(database).ok
    finally:
        database.close()


LATER_REVISION = """
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("person", recreate="always") as batch:
        batch.add_column(sa.Column("nickname", sa.String(), nullable=True))
    op.create_table(
        "scratch",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("created_at", sa.DateTime, nullable=True),
        sa.Column("updated_at", sa.DateTime, nullable=True),
        sa.Column("word", sa.String, nullable=True),
    )
    op.add_column("person", sa.Column("extra", sa.String(), nullable=True))  # ALTER TABLE, no rebuild
    op.drop_column("person", "extra")  # SQLite refuses while a trigger names the column
    op.execute("UPDATE person SET kana = 'かな' WHERE kana IS NULL")  # a data fix


def downgrade():
    pass
"""


def test_a_later_migration_that_rebuilds_a_table_keeps_it_audited(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = open_database(db_path)
    factories.person(database, "山田 太郎")
    database.close()
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, folder)
    (folder / "versions" / "9999_later.py").write_text(
        LATER_REVISION.format(down=HEAD_REVISION), encoding="utf-8"
    )
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", folder)
    monkeypatch.setattr(database_module, "HEAD_REVISION", "9999")
    database = open_database(db_path)
    try:
        with database.engine.begin() as connection:
            assert audit_triggers.stale_tables(connection) == []
            assert "audit_scratch_insert" in audit_triggers.installed_triggers(connection)
            connection.exec_driver_sql("UPDATE person SET nickname = 'やまちゃん'")
            connection.exec_driver_sql("INSERT INTO scratch (word) VALUES ('x')")
        changes = [(e["table_name"], e["action"], e["field"], e["new_value"]) for e in _raw_entries(database)]
        assert changes[1:] == [
            ("person", "update", "kana", "かな"),  # the migration's data fix is in the trail
            ("person", "update", "nickname", "やまちゃん"),
            ("scratch", "insert", None, changes[-1][3]),
        ]
        with database.engine.connect() as connection:
            assert check(connection, "9999").ok
    finally:
        database.close()


# ------------------------------------------------------------------ reading the trail


def test_a_records_history_is_newest_first_with_its_lines_and_labels(db: Database) -> None:
    yamada = factories.person(db, "山田 太郎")
    medium = factories.medium(db, "USB-1", custodian_id=yamada, nand_flash=True)
    registers.save_record(
        db,
        MEDIA,
        medium,
        {
            "asset_number": "USB-1",
            "kind": "usb_memory",
            "quantity": 1,
            "status": "disposed",
            "custodian_id": yamada,
            "nand_flash": False,
            "disposal_disposed_on": date(2026, 11, 1),
            "disposal_method": "physical_destruction",
        },
    )
    factories.medium(db, "USB-2")  # another record: not in this history
    lines = audit.history(db, "storage_medium", medium)
    shown = [
        (line.table_text, line.action_text, line.field_text, line.old_text, line.new_text) for line in lines
    ]
    assert shown[:3] == [
        (
            "記憶媒体の廃棄記録",
            "追加",
            "",
            "",
            "記憶媒体: USB-1 (#1)、廃棄日: 2026-11-01、廃棄方法: 物理的破壊",
        ),
        ("記憶媒体", "変更", "状態", "使用中", "廃棄済"),
        ("記憶媒体", "変更", "NAND型フラッシュ", "はい", "いいえ"),
    ]
    assert shown[3][:2] == ("記憶媒体", "追加") and "管理者: 山田 太郎 (#1)" in shown[3][4]
    assert [line.record_text for line in lines[1:]] == ["USB-1 (#1)"] * 3
    english = audit.history(db, "storage_medium", medium, lang="en")
    assert (english[1].action_text, english[1].field_text, english[1].new_text) == (
        "Changed",
        "Status",
        "Disposed",
    )


def test_a_reused_id_starts_a_new_history(db: Database) -> None:
    first = factories.medium(db, "USB-1")
    registers.delete_record(db, MEDIA, first)
    second = factories.medium(db, "USB-2")
    assert second == first  # SQLite hands out the freed id again
    (line,) = audit.history(db, "storage_medium", second)
    assert json.loads(line.new_value or "")["asset_number"] == "USB-2"


def test_the_trail_is_filtered_by_table_user_dates_and_text(db: Database) -> None:
    _busy(db)
    total = audit.count(db)
    assert total == len(_raw_entries(db))
    assert {line.table_name for line in audit.entries(db, table="person")} == {"person"}
    assert len(audit.entries(db, limit=5)) == 5
    found = audit.entries(db, text="03-0000")
    assert [(line.field, line.new_value) for line in found] == [("phone", "03-0000")]
    assert audit.entries(db, text="100%_") == []  # LIKE wildcards are searched for as text
    assert audit.users(db) == [USER]
    assert audit.count(db, AuditFilter(user="someone else")) == 0
    today = date.today()
    assert audit.count(db, AuditFilter(since=today, until=today)) == total
    assert audit.count(db, AuditFilter(until=today - timedelta(days=1))) == 0
    newest = audit.entries(db)
    assert [line.id for line in newest] == sorted((line.id for line in newest), reverse=True)
    assert all(isinstance(line, AuditLine) and line.local_at.tzinfo is not None for line in newest)


def test_the_trail_goes_to_excel(db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _busy(db)
    db.close()
    target = tmp_path / "履歴.xlsx"
    assert main(["--lang", "ja", "export", "audit", "--out", str(target), "--db", str(db.path)]) == 0
    sheet = load_workbook(target, read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:7] == ("履歴番号", "日時", "利用者(OS)", "台帳・記録", "記録", "操作", "項目")
    assert len(rows) == 1 + len(_raw_entries(db))
    assert rows[1][2:6] == (USER, "従業員", "山田 太郎 (#1)", "追加")
    phone = next(row for row in rows if row[6] == "電話")
    assert phone[7:9] == (None, "03-0000")


# ------------------------------------------------------------------ the command


def test_check_exits_0_when_everything_holds(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    _busy(db)
    db.close()
    assert main(["--lang", "en", "check", "--db", str(db.path)]) == 0
    out = capsys.readouterr().out
    assert "Integrity (PRAGMA integrity_check): ok" in out
    assert "References (PRAGMA foreign_key_check): ok" in out
    assert "History hash chain: ok" in out and "Result: everything holds." in out


def test_check_names_the_first_broken_entry_and_exits_1(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    _busy(db)
    victim = _raw_entries(db)[7]
    db.close()
    connection = sqlite3.connect(db.path)  # the sqlite3 shell, as the issue says
    connection.execute("UPDATE audit_entry SET new_value = 'x' WHERE id = ?", (victim["id"],))
    connection.commit()
    connection.close()
    assert main(["--lang", "en", "check", "--db", str(db.path)]) == 1
    out = capsys.readouterr().out
    assert f"the first is entry #{victim['id']} (" in out
    assert "its contents were changed after it was written" in out
    assert "Result: problems found" in out
    assert main(["--lang", "ja", "check", "--db", str(db.path)]) == 1
    out = capsys.readouterr().out
    assert f"最初は履歴 #{victim['id']}(" in out and "記録された後に内容が書き換えられています" in out


def test_check_of_a_file_that_is_not_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("not a database", encoding="utf-8")
    assert main(["--lang", "en", "check", "--db", str(notes)]) == 1
    out = capsys.readouterr().out
    assert "Reading the file: PROBLEM — it is not an SQLite database" in out
    assert "Result: this is not a database; nothing could be checked." in out
    assert notes.read_text(encoding="utf-8") == "not a database"


def test_check_of_a_missing_file_creates_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none.sqlite3"
    assert main(["--lang", "en", "check", "--db", str(missing)]) == 1
    assert f"There is no database {missing}." in capsys.readouterr().err
    assert not missing.exists()


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="the sqlite3 shell is not installed")
def test_the_sqlite3_shell_can_edit_the_trail_but_check_finds_it(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    import subprocess

    _busy(db)
    victim = _raw_entries(db)[3]
    db.close()
    shell = shutil.which("sqlite3")
    assert shell is not None
    refused = subprocess.run(
        [shell, str(db.path), "UPDATE person SET name = '田中'"], capture_output=True, text=True
    )
    assert refused.returncode != 0 and "no such function" in refused.stderr
    edited = subprocess.run(
        [shell, str(db.path), f"UPDATE audit_entry SET os_user = 'admin' WHERE id = {victim['id']}"],
        capture_output=True,
        text=True,
    )
    assert edited.returncode == 0, edited.stderr
    assert main(["--lang", "en", "check", "--db", str(db.path)]) == 1
    assert f"the first is entry #{victim['id']} (" in capsys.readouterr().out


def test_every_column_the_trail_records_has_a_label() -> None:
    """No field key on screen: each column of each audited table is named in both languages."""
    unlabelled = [
        (table_name, column.name, lang)
        for table_name in audit.audited_table_names()
        for column in SQLModel.metadata.tables[table_name].columns
        for lang in ("ja", "en")
        if audit.field_label(table_name, column.name, lang) == column.name
    ]
    assert unlabelled == []


def test_internal_keys_are_shown_as_people_know_them(db: Database) -> None:
    from sme_guard.services import recurring_checks
    from tests.sample_office import fill_sample_office

    fill_sample_office(db, date(2026, 11, 27))
    recurring_checks.ensure_defaults(db, today=date(2026, 11, 27))
    lines = audit.entries(db, limit=10_000)

    def new_text(table_name: str, lang: str = "ja") -> str:
        return next(
            line.new_text
            for line in audit.entries(db, table=table_name, limit=10_000, lang=lang)
            if line.action == "insert"
        )

    assert "年内の連番: 1" in new_text("incident")
    assert "管理策: 2①" in new_text("measure_result") and "ctl-" not in new_text("measure_result")
    assert "業務シート: 業務シート No.1" in new_text("sheet_result")
    assert "台帳: 記憶媒体" in new_text("stock_take")
    assert "元にした例: " in new_text("continuity_plan") and "accounting" not in new_text("continuity_plan")
    checks = " ".join(line.new_text for line in lines if line.table_name == "recurring_check")
    assert "9 運用①" in checks and "初回期限: " in checks and "コード" not in checks
    assert "ctl-" not in checks and "first_due_on" not in checks
    guideline = new_text("staff_guideline")
    assert "10④ " in guideline and "{" not in guideline
    english = " ".join(line.new_text for line in audit.entries(db, table="recurring_check", lang="en"))
    assert "9 point ①" in english and "First due on: " in english
    setting = next(line for line in lines if line.table_name == "app_setting" and line.action == "insert")
    assert "office." not in setting.record_text and "office." not in setting.new_text
