"""``sme-guard check``: the database file checked as it is, and the report people read.

The file is read through a read-only connection (it is not created, migrated or changed,
another program's file included; the app may keep working on it meanwhile). A file that
cannot be read to the end still gets a report: what was verified, and the step where
reading stopped and why (``CheckReport.stopped``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sme_guard.db.audit_check import CheckReport, Mismatch, Step, Stopped
from sme_guard.db.database import Database
from sme_guard.db.engine import make_engine
from sme_guard.db.migrations import HEAD_REVISION
from sme_guard.db.probe import file_kind
from sme_guard.errors import UserError
from sme_guard.services.audit import field_label, table_label, verify
from sme_guard.services.values import format_datetime


class NoDatabaseError(UserError):
    """``check`` of a file that is not there (it is not created)."""


def check_file(path: Path) -> CheckReport:
    """``verify`` for a database file, opened read-only as it is."""
    path = path.expanduser().resolve()
    if not path.is_file():
        raise NoDatabaseError(f"データベース {path} はありません。", f"There is no database {path}.")
    kind = file_kind(path)
    if kind != "sqlite":
        return CheckReport(expected_revision=HEAD_REVISION, stopped=Stopped("file", kind))
    engine = make_engine(path, read_only=True)
    try:
        return verify(Database(path=path, engine=engine, read_only=True))
    finally:
        engine.dispose()


def _when(at: str) -> str:
    """A stored time as local time; as stored when it is not one (an edited entry)."""
    try:
        return format_datetime(at)
    except ValueError:
        return at


def _mismatch_text(mismatch: Mismatch, lang: str) -> str:
    table = table_label(mismatch.table_name, lang)
    record = f"{table} #{mismatch.record_id}"
    last = mismatch.last_entry_id
    if mismatch.kind == "no_history":
        return (
            f"{record}: this record is not in the history (written outside the app, or its entries were deleted)"
            if lang == "en"
            else f"{record}: 変更履歴にない記録です(アプリ以外で書き込まれたか、履歴が削除されています)"
        )
    if mismatch.kind == "deleted_in_history":
        return (
            f"{record}: the history (entry #{last}) says it was deleted, but it is there"
            if lang == "en"
            else f"{record}: 変更履歴(#{last})では削除されていますが、記録が残っています"
        )
    if mismatch.kind == "gone":
        return (
            f"{record}: the history (last entry #{last}) has it, but it was deleted without an entry"
            if lang == "en"
            else f"{record}: 変更履歴(最後は #{last})にある記録が、履歴なしで削除されています"
        )
    if mismatch.kind == "unreadable":
        return (
            f"{record}: entry #{last} cannot be read"
            if lang == "en"
            else f"{record}: 変更履歴 #{last} を読めません"
        )
    field = field_label(mismatch.table_name, mismatch.field, lang)
    return (
        f"{record}, {field}: the history (last entry #{last}) says {mismatch.history!r}, "
        f"the database holds {mismatch.actual!r}"
        if lang == "en"
        else f"{record} の {field}: 変更履歴(最後は #{last})では {mismatch.history!r}、"
        f"データベースでは {mismatch.actual!r} です"
    )


def _revision_lines(report: CheckReport, en: bool, ok: str, bad: str, _lang: str) -> list[str]:
    if report.revision == report.expected_revision:
        return [
            f"Schema version {report.revision}: {ok}"
            if en
            else f"スキーマのバージョン {report.revision}: {ok}"
        ]
    if report.revision_ok:
        return [
            f"Schema version {report.revision}: {ok} (older than this app's {report.expected_revision}; "
            "brought up to date, and its change history begun, when the app opens it)"
            if en
            else f"スキーマのバージョン {report.revision}: {ok}(このアプリの {report.expected_revision} より古い版です。"
            "アプリで開くと更新され、変更履歴の記録が始まります)"
        ]
    if report.revision is None:
        return [
            f"Schema version: {bad} — this is not SME Guard's database"
            if en
            else f"スキーマのバージョン: {bad} — SMEガードのデータベースではありません"
        ]
    return [
        f"Schema version {report.revision}: {bad} — written by a newer version of the app "
        f"(this one uses {report.expected_revision}); check it with that version"
        if en
        else f"スキーマのバージョン {report.revision}: {bad} — 新しいバージョンのアプリで作成されています"
        f"(このアプリは {report.expected_revision})。そのバージョンで確認してください"
    ]


def _integrity_lines(report: CheckReport, en: bool, ok: str, bad: str, _lang: str) -> list[str]:
    name = "Integrity (PRAGMA integrity_check)" if en else "整合性 (PRAGMA integrity_check)"
    if not report.integrity:
        return [f"{name}: {ok}"]
    return [f"{name}: {bad}", *(f"  {message}" for message in report.integrity[:20])]


def _reference_lines(report: CheckReport, en: bool, ok: str, bad: str, lang: str) -> list[str]:
    name = "References (PRAGMA foreign_key_check)" if en else "参照 (PRAGMA foreign_key_check)"
    if not report.foreign_keys:
        return [f"{name}: {ok}"]
    count = len(report.foreign_keys)
    lines = [
        f"{name}: {bad} — {count} rows refer to missing rows"
        if en
        else f"{name}: {bad} — {count} 行が存在しない行を参照しています"
    ]
    for table, rowid, parent in report.foreign_keys[:20]:
        lines.append(
            f"  {table_label(table, lang)} #{rowid} → {table_label(parent, lang)}"
            if en
            else f"  {table_label(table, lang)} #{rowid} → {table_label(parent, lang)}(存在しません)"
        )
    return lines


def _skipped(en: bool) -> str:
    return "not checked (no history yet)" if en else "未確認(変更履歴はまだありません)"


def _trigger_lines(report: CheckReport, en: bool, ok: str, bad: str, _lang: str) -> list[str]:
    name = "Recording of changes (triggers)" if en else "変更の記録 (トリガー)"
    if not report.trail_expected:
        return [f"{name}: {_skipped(en)}"]
    if not report.missing_triggers:
        return [f"{name}: {ok}"]
    names = ", ".join(report.missing_triggers)
    return [
        f"{name}: {bad} — missing or altered on {names}; their changes are not recorded"
        if en
        else f"{name}: {bad} — {names} のトリガーがないか変更されています(変更が記録されません)"
    ]


def _chain_lines(report: CheckReport, en: bool, ok: str, bad: str, lang: str) -> list[str]:
    if report.chain_break is None:
        return [
            f"History hash chain: {ok} ({report.entries_checked:,} entries)"
            if en
            else f"変更履歴のハッシュ連鎖: {ok}({report.entries_checked:,} 件)"
        ]
    found = report.chain_break
    where = f"{table_label(found.table_name, lang)} #{found.record_id}"
    when = _when(found.at)
    if found.problem == "changed":
        why = (
            "its contents were changed after it was written"
            if en
            else "記録された後に内容が書き換えられています"
        )
    elif found.after_id is None:
        why = "entries before it were deleted" if en else "これより前の履歴が削除されています"
    else:
        why = (
            f"it does not follow entry #{found.after_id}: entries between them were deleted, or #{found.after_id} was replaced"
            if en
            else f"#{found.after_id} の次の履歴になっていません(間の履歴が削除されたか、#{found.after_id} が置き換えられています)"
        )
    return [
        f"History hash chain: {bad} — {report.broken_entries:,} of {report.entries_checked:,} entries "
        f"do not verify; the first is entry #{found.entry_id} ({when}, {where}): {why}"
        if en
        else f"変更履歴のハッシュ連鎖: {bad} — {report.entries_checked:,} 件中 {report.broken_entries:,} 件が"
        f"検証できません。最初は履歴 #{found.entry_id}({when}、{where}): {why}"
    ]


def _trail_lines(report: CheckReport, en: bool, ok: str, bad: str, lang: str) -> list[str]:
    name = "History against the data" if en else "変更履歴と現在のデータの照合"
    if not report.trail_expected:
        return [f"{name}: {_skipped(en)}"]
    if report.mismatch_count == 0:
        return [
            f"{name}: {ok} ({report.records_checked:,} records)"
            if en
            else f"{name}: {ok}({report.records_checked:,} 件)"
        ]
    return [
        f"{name}: {bad} — {report.mismatch_count:,} differences"
        if en
        else f"{name}: {bad} — {report.mismatch_count:,} 件の食い違い",
        *(f"  {_mismatch_text(m, lang)}" for m in report.mismatches[:20]),
    ]


def _why_stopped(stop: Stopped, en: bool) -> str:
    """Why reading stopped, in words: the file's kind, or SQLite's own message."""
    if stop.step == "file":
        if stop.reason == "empty":
            return "the file is empty (0 bytes)" if en else "ファイルが空です(0 バイト)"
        return "it is not an SQLite database" if en else "SQLite のデータベースではありません"
    if stop.reason is None:
        return (
            "SQLite's own message about it cannot be read: a stored table, index or trigger definition is damaged"
            if en
            else "SQLite のエラーメッセージも読めません。保存されている表・索引・トリガーの定義が壊れています"
        )
    return f"SQLite: {stop.reason}"


def _partial(report: CheckReport, step: Step, en: bool) -> str:
    """What a step had verified when reading stopped in it."""
    if step == "chain" and report.entries_checked:
        count = report.entries_checked
        return f" ({count:,} entries read before it stopped)" if en else f"({count:,} 件を読んだところで停止)"
    if step == "trail" and report.records_checked:
        count = report.records_checked
        return (
            f" ({count:,} records compared before it stopped)"
            if en
            else f"({count:,} 件を照合したところで停止)"
        )
    return ""


# The lines of each step, in the order people read them.
_Lines = Callable[[CheckReport, bool, str, str, str], list[str]]
SECTIONS: tuple[tuple[Step, str, str, _Lines], ...] = (
    ("revision", "Schema version", "スキーマのバージョン", _revision_lines),
    ("integrity", "Integrity (PRAGMA integrity_check)", "整合性 (PRAGMA integrity_check)", _integrity_lines),
    (
        "references",
        "References (PRAGMA foreign_key_check)",
        "参照 (PRAGMA foreign_key_check)",
        _reference_lines,
    ),
    ("triggers", "Recording of changes (triggers)", "変更の記録 (トリガー)", _trigger_lines),
    ("chain", "History hash chain", "変更履歴のハッシュ連鎖", _chain_lines),
    ("trail", "History against the data", "変更履歴と現在のデータの照合", _trail_lines),
)


def report_lines(report: CheckReport, lang: str) -> list[str]:
    """What was checked and what was found, one line each, for the command line. A check that
    stopped keeps the lines of what it verified; the step it stopped in says why, the ones
    after it say they were not checked."""
    en = lang == "en"
    ok, bad = ("ok", "PROBLEM") if en else ("OK", "異常")
    stop = report.stopped
    lines: list[str] = []
    if stop is not None and stop.step in ("file", "schema"):
        name = "Reading the file" if en else "ファイルの読み取り"
        lines.append(f"{name}: {bad} — {_why_stopped(stop, en)}")
    for step, name_en, name_ja, section in SECTIONS:
        name = name_en if en else name_ja
        if report.reached(step):
            lines += section(report, en, ok, bad, lang)
        elif stop is not None and stop.step == step:
            stopped_here = "reading stopped here" if en else "ここで読み取りが止まりました"
            lines.append(
                f"{name}: {bad} — {stopped_here}{_partial(report, step, en)}: {_why_stopped(stop, en)}"
            )
        else:
            lines.append(f"{name}: {'not checked' if en else '未確認'}")
    if report.ok:
        lines.append("Result: everything holds." if en else "結果: 問題はありません。")
    elif stop is not None and stop.reason == "not-sqlite":
        lines.append(
            "Result: this is not a database; nothing could be checked."
            if en
            else "結果: データベースではないため、何も確認できません。"
        )
    elif stop is not None:
        lines.append(
            "Result: the file is damaged; the check stopped where it could not be read (see above). "
            "What is marked ok was verified; the rest could not be checked."
            if en
            else "結果: ファイルが破損しているため、読み取れなくなったところで確認を中止しました(上記参照)。"
            "OK の項目は確認済みです。それ以外は確認できていません。"
        )
    else:
        lines.append("Result: problems found (see above)." if en else "結果: 問題があります(上記参照)。")
    return lines
