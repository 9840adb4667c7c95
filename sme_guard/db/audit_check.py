"""``sme-guard check``: is the database sound, and does its audit trail hold?

Five checks, all in one read transaction (a consistent snapshot while the app is in use):

1. ``PRAGMA integrity_check`` — the file's pages and indexes;
2. ``PRAGMA foreign_key_check`` — no row refers to a missing row;
3. every table has its three audit triggers, as the current columns need them;
4. the hash chain — each entry's hash recomputed, and each entry's ``previous_hash`` equal
   to the hash of the entry before it: an entry edited or deleted outside the app (which
   cannot recompute the hashes without writing them all again) is found, and the first
   broken one named;
5. the trail against the tables — each record replayed from its entries (insert or
   baseline, then updates, delete) must equal the row in its table. This finds what the
   chain cannot: the newest entries deleted (the chain that is left is intact), and a
   table changed with its triggers dropped.

Streaming: the chain in id order, the replay one table at a time merged with the table's
rows by id, so memory stays flat however long the trail is.

A damaged file may stop a check half-way (SQLite cannot read a page, a stored definition is
not text): the report then keeps what was verified before and says at which step, and why,
it stopped (``CheckReport.stopped``); the steps after it are not checked.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from sme_guard.db.audit_triggers import (
    AUDIT_TABLE,
    BASELINE,
    GENESIS_HASH,
    TIMESTAMPS,
    audited_tables,
    chain_hash,
    stale_tables,
    table_columns,
)
from sme_guard.db.migrations import BEFORE_AUDIT_TRAIL
from sme_guard.errors import DatabaseError

MISMATCH_LIMIT = 50  # differences kept for the report (all are counted)
FETCH = 2000

ChainProblem = Literal["changed", "unlinked"]
# The steps in the order they run: "file" (an SQLite file with content) and "schema" (its
# stored definitions can be read) come before the five checks.
Step = Literal["file", "schema", "integrity", "revision", "references", "chain", "triggers", "trail"]
STEPS: tuple[Step, ...] = (
    "file",
    "schema",
    "integrity",
    "revision",
    "references",
    "chain",
    "triggers",
    "trail",
)
# Errors with which reading a damaged file stops (SQLAlchemy's, or the engine's plain message
# for them; UnicodeDecodeError: SQLite's message quotes a stored definition that is not text).
READ_FAILURES = (sqlite3.Error, UnicodeDecodeError, DBAPIError, DatabaseError)
MismatchKind = Literal["no_history", "deleted_in_history", "gone", "differs", "unreadable"]


@dataclass(frozen=True)
class ChainBreak:
    """The first entry that does not verify.

    ``changed``: its content no longer gives its hash (edited after it was written).
    ``unlinked``: its previous_hash is not the hash of the entry before it (an entry before
    it was deleted, or replaced together with its hash). ``after_id`` is the entry before
    it (None: it is the first entry left)."""

    entry_id: int
    at: str  # as stored: UTC, "YYYY-MM-DD HH:MM:SS.ffffff"
    table_name: str
    record_id: int | None
    problem: ChainProblem
    after_id: int | None = None


@dataclass(frozen=True)
class Mismatch:
    """A record whose row differs from what its history says.

    ``no_history``: a row the trail never saw written; ``deleted_in_history``: a row whose
    history ends with its deletion; ``gone``: a record the trail says exists but the table
    has not; ``differs``: a field's value differs (``history`` and ``actual`` hold both);
    ``unreadable``: an entry's record is not valid JSON."""

    table_name: str
    record_id: int
    kind: MismatchKind
    field: str | None = None
    history: str | None = None
    actual: str | None = None
    last_entry_id: int | None = None  # the record's newest entry, if any


@dataclass(frozen=True)
class Stopped:
    """Where the check stopped and why: ``reason`` is SQLite's words (English, as SQLite
    writes them), None when even they could not be read; at the step "file" the file's kind
    (``probe.FileKind``: "empty" or "not-sqlite")."""

    step: Step
    reason: str | None

    def reached(self, step: Step) -> bool:
        """Whether ``step`` ran to its end before the check stopped."""
        return STEPS.index(step) < STEPS.index(self.step)


def stopped_by(step: Step, error: BaseException) -> Stopped:
    """The stop at ``step`` for the exception that ended it (SQLite's own words)."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, UnicodeDecodeError):
            return Stopped(step, None)
        if isinstance(seen, sqlite3.Error):
            return Stopped(step, str(seen))
        seen = getattr(seen, "orig", None) or seen.__cause__
    return Stopped(step, str(error))


@dataclass
class CheckReport:
    revision: str | None = None
    expected_revision: str | None = None
    # False for a database from before the trail (an older app's backup): it has no
    # triggers and no trail to check yet; both begin when the app upgrades it.
    trail_expected: bool = True
    integrity: list[str] = field(default_factory=list)  # SQLite's messages; empty: ok
    # (table, rowid, referred table) of each row that refers to a missing row
    foreign_keys: list[tuple[str, int | None, str]] = field(default_factory=list)
    missing_triggers: list[str] = field(default_factory=list)  # tables whose triggers are missing or altered
    entries_checked: int = 0
    chain_break: ChainBreak | None = None
    broken_entries: int = 0  # entries that do not verify (the first is chain_break)
    records_checked: int = 0
    mismatches: list[Mismatch] = field(default_factory=list)  # the first MISMATCH_LIMIT
    mismatch_count: int = 0
    stopped: Stopped | None = None  # reading the file failed at this step; later ones not run

    def reached(self, step: Step) -> bool:
        """Whether ``step`` ran to its end (all of them, unless the check stopped; the trail's
        not in a database that is not this app's)."""
        if self.stopped is not None:
            return self.stopped.reached(step)
        return self.revision is not None or step not in ("chain", "triggers", "trail")

    @property
    def chain_broken_at(self) -> int | None:
        return self.chain_break.entry_id if self.chain_break else None

    @property
    def revision_ok(self) -> bool:
        """This app's version of the data, or an older one (upgraded when next opened)."""
        if self.expected_revision is None:
            return True
        return self.revision == self.expected_revision or self.revision in BEFORE_AUDIT_TRAIL

    @property
    def ok(self) -> bool:
        return (
            self.stopped is None
            and self.revision_ok
            and not self.integrity
            and not self.foreign_keys
            and not self.missing_triggers
            and self.chain_break is None
            and self.mismatch_count == 0
        )


def check_engine(engine: Engine, expected_revision: str | None = None) -> CheckReport:
    """``check`` on a connection of its own; a file that cannot even be connected to stops the
    check at its first step."""
    try:
        with engine.connect() as connection:
            return check(connection, expected_revision)
    except READ_FAILURES as exc:
        return CheckReport(expected_revision=expected_revision, stopped=stopped_by("schema", exc))


def check(connection: Connection, expected_revision: str | None = None) -> CheckReport:
    """Run every check on ``connection`` (its own read transaction), as far as the file can
    be read: a damaged one stops the check at the step that could not read it."""
    report = CheckReport(expected_revision=expected_revision)
    raw = connection.connection.driver_connection
    assert raw is not None
    step: Step = "schema"
    try:
        with connection.begin():
            raw.execute("SELECT count(*) FROM sqlite_master").fetchone()  # reads every definition
            step = "integrity"
            report.integrity = [row[0] for row in raw.execute("PRAGMA integrity_check")]
            if report.integrity == ["ok"]:
                report.integrity = []
            step = "revision"
            report.revision = _revision(raw)
            step = "references"
            report.foreign_keys = [
                (row[0], row[1], row[2]) for row in raw.execute("PRAGMA foreign_key_check")
            ]
            if report.revision is None:  # another program's database: it has no trail of ours
                return report
            report.trail_expected = report.revision not in BEFORE_AUDIT_TRAIL
            step = "chain"
            _check_chain(raw, report)
            if report.trail_expected:
                step = "triggers"
                report.missing_triggers = stale_tables(connection)
                step = "trail"
                for table in audited_tables(connection):
                    _check_table(raw, table, table_columns(connection, table), report)
    except READ_FAILURES as exc:  # a damaged file: say where reading stopped, and why
        report.stopped = stopped_by(step, exc)
    return report


def _revision(raw: sqlite3.Connection) -> str | None:
    try:
        row = raw.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" not in str(exc):
            raise
        return None
    return None if row is None else str(row[0])


def _rows(cursor: sqlite3.Cursor) -> Iterator[Any]:
    while batch := cursor.fetchmany(FETCH):
        yield from batch


# ------------------------------------------------------------------ the chain


def _check_chain(raw: sqlite3.Connection, report: CheckReport) -> None:
    cursor = raw.execute(
        "SELECT id, at, os_user, table_name, record_id, action, field, old_value, new_value, "
        f"previous_hash, entry_hash FROM {AUDIT_TABLE} ORDER BY id"
    )
    expected_previous, before = GENESIS_HASH, None
    for entry_id, at, user, table, record, action, name, old, new, previous, stored in _rows(cursor):
        report.entries_checked += 1
        problem: ChainProblem | None = None
        if previous != expected_previous:
            problem = "unlinked"
        elif _hash(previous, at, user, table, record, action, name, old, new) != stored:
            problem = "changed"
        if problem is not None:
            report.broken_entries += 1
            if report.chain_break is None:
                report.chain_break = ChainBreak(
                    entry_id,
                    str(at),
                    str(table),
                    record if isinstance(record, int) else None,
                    problem,
                    before,
                )
        # Go on from what is stored, so one edit is one broken entry, not all that follow.
        expected_previous, before = stored, entry_id


def _hash(*values: Any) -> str | None:
    try:
        return chain_hash(*values)
    except (TypeError, ValueError):  # a value of a type the triggers never write
        return None


# ------------------------------------------------------------------ the trail against the tables


def _histories(
    cursor: sqlite3.Cursor, report: CheckReport, table: str
) -> Iterator[tuple[int, dict[str, Any] | None, int]]:
    """(record id, the record as its history leaves it or None if deleted, newest entry id)
    for each record of the table the trail has entries of, by record id."""
    record: int | None = None
    state: dict[str, Any] | None = None
    last = 0
    for record_id, entry_id, action, name, new in _rows(cursor):
        if record_id != record:
            if record is not None:
                yield record, state, last
            record, state = record_id, None
        last = entry_id
        if action in ("insert", BASELINE):
            try:
                state = json.loads(new)
                if not isinstance(state, dict):
                    raise ValueError("not an object")
            except (TypeError, ValueError):
                _mismatch(report, Mismatch(table, record_id, "unreadable", last_entry_id=entry_id))
                state = {}
        elif action == "update":
            if state is None:  # an update of a record the trail never saw: check this field only
                state = {}
            state[name] = new
        elif action == "delete":
            state = None
    if record is not None:
        yield record, state, last


def _check_table(raw: sqlite3.Connection, table: str, columns: list[str], report: CheckReport) -> None:
    compared = [c for c in columns if c not in TIMESTAMPS]
    selected = ", ".join(f'CAST("{c}" AS TEXT)' for c in compared)
    rows = _rows(raw.execute(f'SELECT id, {selected} FROM "{table}" ORDER BY id'))
    histories = _histories(
        raw.execute(
            f"SELECT record_id, id, action, field, new_value FROM {AUDIT_TABLE} "
            "WHERE table_name = ? ORDER BY record_id, id",
            (table,),
        ),
        report,
        table,
    )
    row, history = next(rows, None), next(histories, None)
    while row is not None or history is not None:
        if history is None or (row is not None and row[0] < history[0]):
            assert row is not None
            report.records_checked += 1
            _mismatch(report, Mismatch(table, row[0], "no_history"))
            row = next(rows, None)
        elif row is None or history[0] < row[0]:
            record_id, state, last = history
            if state is not None:
                _mismatch(report, Mismatch(table, record_id, "gone", last_entry_id=last))
            history = next(histories, None)
        else:
            report.records_checked += 1
            record_id, state, last = history
            if state is None:
                _mismatch(report, Mismatch(table, record_id, "deleted_in_history", last_entry_id=last))
            else:
                for name, actual in zip(compared, row[1:], strict=True):
                    if name in state and state[name] != actual:
                        _mismatch(
                            report,
                            Mismatch(table, record_id, "differs", name, state[name], actual, last),
                        )
            row, history = next(rows, None), next(histories, None)


def _mismatch(report: CheckReport, mismatch: Mismatch) -> None:
    report.mismatch_count += 1
    if len(report.mismatches) < MISMATCH_LIMIT:
        report.mismatches.append(mismatch)
