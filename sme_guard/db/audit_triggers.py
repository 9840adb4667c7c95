"""変更履歴 written by SQLite itself: triggers on every table, chained by SHA-256.

Every table but ``audit_entry`` has three triggers (after insert, update, delete) that write
``audit_entry`` rows, so every path that changes the data through SQL is recorded: the GUI,
the Excel import, the command line, raw Core or DB-API statements and the migrations' data
fixes. An INSERT or DELETE writes one row holding the whole record as a JSON object; an
UPDATE writes one row per field whose value changed (``created_at``/``updated_at`` alone are
not a change; nor are they part of an inserted or deleted record's JSON). Values are stored as
SQLite's text form (``CAST(x AS TEXT)``), so a check can compare the trail with the tables
exactly. A ``baseline`` entry (:func:`write_baseline`) holds a record the trail did not see
written, with its timestamps.

Each row carries the hash of the row before it (``previous_hash``) and its own hash
(``entry_hash`` = SHA-256 of the JSON array ``[previous_hash, at, os_user, table_name,
record_id, action, field, old_value, new_value]``, UTF-8, no spaces). The triggers call two
functions that every connection of the app registers (:func:`register_functions`):
``sg_chain`` (the hash) and ``sg_user`` (the OS user). A program without them, such as the
sqlite3 shell, cannot change an audited table at all ("no such function"); it can edit or
delete ``audit_entry`` rows, which breaks the chain (``sme_guard.db.audit_check``).

Migrations need nothing: while they run, :func:`keep_audited` (set up by
``migrate.upgrade``) gives a table its triggers again right after each CREATE TABLE or ALTER
TABLE (a batch rebuild drops them, a new column is missing from them), and
:func:`install_all` brings them all up to date at the end. Only a migration that rewrites
values inside a table rebuild (the temporary copy has no triggers) calls
:func:`write_baseline` for that table.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, event

log = logging.getLogger(__name__)

AUDIT_TABLE = "audit_entry"
# Tables whose changes are not recorded: the trail itself and Alembic's bookkeeping.
NOT_AUDITED = frozenset({AUDIT_TABLE, "alembic_version"})
# A batch migration's temporary copy of a table, and SQLite's own tables.
NOT_AUDITED_PREFIXES = ("sqlite_", "_alembic_tmp_")
# Changed on every save; an UPDATE that changes only these is not a change worth a row.
TIMESTAMPS = ("created_at", "updated_at")
GENESIS_HASH = "0" * 64  # the previous_hash of the first entry
TRIGGER_PREFIX = "audit_"
ACTIONS = ("insert", "update", "delete")
BASELINE = "baseline"  # AuditAction.BASELINE: a record as it was when the trail began
# json_object takes two arguments per column; SQLite allows 127 arguments by default.
MAX_COLUMNS = 63

_ENTRY_COLUMNS = (
    "created_at, updated_at, at, os_user, table_name, record_id, action, field, "
    "old_value, new_value, previous_hash, entry_hash"
)
# UTC with microseconds, the format SQLAlchemy stores datetimes in; SQLite's 'now' is the
# same for every call within one statement, so the time stored is the time hashed.
_NOW = "strftime('%Y-%m-%d %H:%M:%f000', 'now')"
_PREVIOUS = f"COALESCE((SELECT entry_hash FROM {AUDIT_TABLE} ORDER BY id DESC LIMIT 1), '{GENESIS_HASH}')"

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_user: str | None = None


# ------------------------------------------------------------------ the functions


def chain_hash(
    previous: str,
    at: str,
    os_user: str,
    table_name: str,
    record_id: int,
    action: str,
    field: str | None,
    old_value: str | None,
    new_value: str | None,
) -> str:
    """The entry_hash of an entry: SHA-256 (hex) of its fields and the previous hash."""
    data = _encode([previous, at, os_user, table_name, record_id, action, field, old_value, new_value])
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()


def os_user() -> str:
    """Who is logged in to this PC (the Windows account name), as the trail records it."""
    global _user
    if _user is None:
        try:
            _user = getpass.getuser()
        except Exception:  # no USERNAME/LOGNAME and no password database entry
            log.warning("the OS user name is unknown; the audit trail records '?'")
            _user = "?"
    return _user


def register_functions(dbapi_connection: Any) -> None:
    """Give a sqlite3 connection the functions the triggers call (on every connect)."""
    dbapi_connection.create_function("sg_chain", 9, chain_hash, deterministic=True)
    dbapi_connection.create_function("sg_user", 0, os_user, deterministic=True)


# ------------------------------------------------------------------ the triggers


def is_audited(table: str) -> bool:
    return table not in NOT_AUDITED and not table.startswith(NOT_AUDITED_PREFIXES)


def trigger_name(table: str, action: str) -> str:
    return f"{TRIGGER_PREFIX}{table}_{action}"


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str | None) -> str:
    return "NULL" if text is None else "'" + text.replace("'", "''") + "'"


def _record_json(alias: str, columns: Sequence[str]) -> str:
    if len(columns) > MAX_COLUMNS:
        raise ValueError(f"the audit trail keeps records of at most {MAX_COLUMNS} columns")
    pairs = ", ".join(f"{_literal(c)}, CAST({alias}.{_quoted(c)} AS TEXT)" for c in columns)
    return f"json_object({pairs})"


def _entry(
    table: str,
    action: str,
    record: str,
    field: str | None,
    old: str,
    new: str,
    source: str = "",
    where: str = "",
) -> str:
    """One INSERT of an audit row; ``record``, ``old`` and ``new`` are SQL expressions.

    The values are computed once in the inner SELECT and hashed in the outer one, so the
    hash covers exactly what is stored."""
    name, action_text, field_text = _literal(table), _literal(action), _literal(field)
    inner = f"SELECT {_NOW} AS t, sg_user() AS u, {record} AS r, {old} AS o, {new} AS n, {_PREVIOUS} AS p" + (
        f" {source}" if source else ""
    )
    return (
        f"INSERT INTO {AUDIT_TABLE} ({_ENTRY_COLUMNS}) "
        f"SELECT e.t, e.t, e.t, e.u, {name}, e.r, {action_text}, {field_text}, e.o, e.n, e.p, "
        f"sg_chain(e.p, e.t, e.u, {name}, e.r, {action_text}, {field_text}, e.o, e.n) "
        f"FROM ({inner}) AS e" + (f" {where}" if where else "")
    )


def trigger_sql(table: str, columns: Sequence[str]) -> dict[str, str]:
    """The CREATE TRIGGER statements of a table with ``columns``, by trigger name."""
    quoted = _quoted(table)
    # The record without its bookkeeping times (the entry has its own): a tenth less trail.
    content = [column for column in columns if column not in TIMESTAMPS]
    insert = _entry(table, "insert", "NEW.id", None, "NULL", _record_json("NEW", content))
    delete = _entry(table, "delete", "OLD.id", None, _record_json("OLD", content), "NULL")
    updates = [
        _entry(
            table,
            "update",
            "NEW.id",
            column,
            f"CAST(OLD.{_quoted(column)} AS TEXT)",
            f"CAST(NEW.{_quoted(column)} AS TEXT)",
            where=f"WHERE OLD.{_quoted(column)} IS NOT NEW.{_quoted(column)}",
        )
        for column in columns
        if column not in TIMESTAMPS
    ]
    return {
        trigger_name(table, "insert"): (
            f"CREATE TRIGGER {_quoted(trigger_name(table, 'insert'))} AFTER INSERT ON {quoted} "
            f"BEGIN {insert}; END"
        ),
        trigger_name(table, "update"): (
            f"CREATE TRIGGER {_quoted(trigger_name(table, 'update'))} AFTER UPDATE ON {quoted} "
            f"BEGIN {'; '.join(updates)}; END"
        ),
        trigger_name(table, "delete"): (
            f"CREATE TRIGGER {_quoted(trigger_name(table, 'delete'))} AFTER DELETE ON {quoted} "
            f"BEGIN {delete}; END"
        ),
    }


Connectable = Connection | sqlite3.Connection


def _raw(connection: Connectable) -> sqlite3.Connection:
    """The sqlite3 connection (in the caller's transaction, if it began one)."""
    if isinstance(connection, sqlite3.Connection):
        return connection
    raw = connection.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def table_columns(connection: Connectable, table: str) -> list[str]:
    """The columns of ``table`` as the database has them now."""
    return [row[1] for row in _raw(connection).execute(f"PRAGMA table_info({_quoted(table)})")]


def audited_tables(connection: Connectable) -> list[str]:
    names = _raw(connection).execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    return [name for (name,) in names if is_audited(name)]


def expected_triggers(connection: Connectable) -> dict[str, str]:
    """Every audit trigger the database should have now, by name."""
    expected: dict[str, str] = {}
    for table in audited_tables(connection):
        expected.update(trigger_sql(table, table_columns(connection, table)))
    return expected


_OURS = "type = 'trigger' AND name LIKE '" + TRIGGER_PREFIX.replace("_", "\\_") + "%' ESCAPE '\\'"


def installed_triggers(connection: Connectable) -> dict[str, str]:
    """The audit triggers the database has, by name (their SQL as created)."""
    return dict(_raw(connection).execute(f"SELECT name, sql FROM sqlite_master WHERE {_OURS}"))


def _drop_triggers_on(raw: sqlite3.Connection, table: str) -> None:
    """Drop the audit triggers attached to ``table``, whatever their names."""
    names = [
        name
        for (name,) in raw.execute(f"SELECT name FROM sqlite_master WHERE {_OURS} AND tbl_name = ?", (table,))
    ]
    for name in names:
        raw.execute(f"DROP TRIGGER {_quoted(name)}")


def install(connection: Connectable, table: str, columns: Sequence[str] | None = None) -> None:
    """(Re)create the three triggers of ``table`` (its current columns unless given)."""
    if not is_audited(table):
        raise ValueError(f"{table} is not audited")
    raw = _raw(connection)
    if columns is None:
        columns = table_columns(raw, table)
    _drop_triggers_on(raw, table)
    for action in ACTIONS:
        raw.execute(f"DROP TRIGGER IF EXISTS {_quoted(trigger_name(table, action))}")
    for sql in trigger_sql(table, columns).values():
        raw.execute(sql)


def stale_tables(connection: Connectable) -> list[str]:
    """The tables whose triggers are missing, altered or behind their columns."""
    expected, installed = expected_triggers(connection), installed_triggers(connection)
    return [
        table
        for table in audited_tables(connection)
        if any(installed.get(name) != expected[name] for name in (trigger_name(table, a) for a in ACTIONS))
    ]


def install_all(connection: Connectable) -> list[str]:
    """Bring every table's triggers up to date with its columns; drop those of tables
    that are gone. Returns the tables whose triggers were (re)created."""
    raw = _raw(connection)
    expected = expected_triggers(raw)
    for name in installed_triggers(raw).keys() - expected.keys():
        raw.execute(f"DROP TRIGGER {_quoted(name)}")
    changed = stale_tables(raw)
    for table in changed:
        install(raw, table)
    return changed


def drop_all(connection: Connectable) -> None:
    raw = _raw(connection)
    for name in installed_triggers(raw):
        raw.execute(f"DROP TRIGGER {_quoted(name)}")


def write_baseline(connection: Connectable, tables: Iterable[str] | None = None) -> int:
    """One ``baseline`` entry per existing record of ``tables`` (default: every audited
    table): the record as it is, so that the trail accounts for data it did not see
    written. Returns the number of entries written."""
    raw = _raw(connection)
    written = 0
    for table in tables if tables is not None else audited_tables(raw):
        columns = table_columns(raw, table)
        ids = raw.execute(f"SELECT id FROM {_quoted(table)} ORDER BY id").fetchall()
        if not ids:
            continue
        statement = _entry(
            table,
            BASELINE,
            "b.id",
            None,
            "NULL",
            _record_json("b", columns),
            source=f"FROM {_quoted(table)} AS b WHERE b.id = ?",
        )
        # One statement per record: each must see the entry before it to chain to it.
        raw.executemany(statement, ids)
        written += len(ids)
    return written


# ------------------------------------------------------------------ during migrations

_CREATE_TABLE = re.compile(r'^\s*CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?"?([^\s"(]+)', re.IGNORECASE)
_ALTER_TABLE = re.compile(
    r'^\s*ALTER\s+TABLE\s+"?([^\s"]+)"?(?:\s+RENAME\s+TO\s+"?([^\s"]+))?', re.IGNORECASE
)


def keep_audited(connection: Connection) -> Callable[[], None]:
    """While a migration runs on ``connection``, keep every table audited as its DDL runs:
    a created table gets its triggers at once, an altered one (a new column, SQLite's
    rebuild-and-rename of a batch migration) gets them again, so a data fix later in the
    same migration is recorded. Does nothing before the trail exists (revisions before
    0005). Returns the function that stops it."""

    armed = [False]  # the statement under way is DDL on a table, and the trail exists

    def before(_conn: Any, cursor: Any, statement: str, *_args: Any) -> None:
        altered, created = _ALTER_TABLE.match(statement), _CREATE_TABLE.match(statement)
        armed[0] = bool(altered or created) and (
            cursor.connection.execute(f"SELECT 1 FROM sqlite_master WHERE {_OURS} LIMIT 1").fetchone()
            is not None
        )
        if altered and armed[0]:
            # SQLite refuses to drop or rename a column a trigger names: off first, on after.
            _drop_triggers_on(cursor.connection, altered.group(1))

    def after(_conn: Any, cursor: Any, statement: str, *_args: Any) -> None:
        if not armed[0]:
            return
        armed[0] = False
        altered, created = _ALTER_TABLE.match(statement), _CREATE_TABLE.match(statement)
        table = (altered.group(2) or altered.group(1)) if altered else created.group(1) if created else None
        if table is not None and is_audited(table):
            install(cursor.connection, table)

    event.listen(connection, "before_cursor_execute", before)
    event.listen(connection, "after_cursor_execute", after)

    def stop() -> None:
        event.remove(connection, "before_cursor_execute", before)
        event.remove(connection, "after_cursor_execute", after)

    return stop
