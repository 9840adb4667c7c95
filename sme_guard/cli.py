"""Command line: the same services as the GUI, for automation and for tests.

``sme-guard [--db PATH] [--lang ja|en]`` opens the GUI; sub-commands work without a display.
Exit codes: 0 done, 1 a problem the message explains, 2 bad usage. ``import``: 0 every row
taken, 1 some rows rejected (each printed), 2 nothing could be read. ``export plans`` writes
the IT continuity plans with a sheet for each kind of line they have (protection, recovery
steps, disaster scenarios, dependencies, reviews, drills); plans are not imported.
``restore FILE`` checks the file and backs up the current data before it replaces anything.
Commands that write (``import``, ``restore``) refuse while the app (or another writing
command) holds the database's instance lock; the others only read and may run beside it.
``check`` verifies the database (integrity, references) and its audit trail (the hash chain,
and the trail against the data); it exits 0 only when everything holds, and names the first
broken entry otherwise. ``export audit`` writes the audit trail (変更履歴). ``export policy``
and ``export rules`` write the basic policy or the security rules as .docx, plain text or HTML
(``--format``; the version in force unless ``--version``); ``pdf policy|rules`` prints them.
``due`` prints what ホーム lists (the same service), ``--json`` for other programs; it exits 0.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from sme_guard import __version__, paths
from sme_guard.errors import DatabaseDamagedError, UserError
from sme_guard.language import LANGUAGES, system_language
from sme_guard.logs import configure_logging

if TYPE_CHECKING:  # the CLI imports the data layer only for the command that needs it
    from sme_guard.db.database import Database
    from sme_guard.domain.registers import Register

log = logging.getLogger(__name__)


# Register keys (sme_guard.domain.registers.REGISTERS) by command-line name. Plans are
# export-only: a plan's lines (steps, drills, ...) are not a sheet an import could take.
IMPORTS: dict[str, str] = {
    "media": "media",
    "devices": "devices",
    "badges": "badges",
    "people": "people",
    "incidents": "incidents",
    "cloud-services": "cloud_services",
    "accounts": "accounts",
}
EXPORTS: dict[str, tuple[str, ...]] = {
    **{name: (key,) for name, key in IMPORTS.items()},
    "plans": ("plans",),  # with its detail sheets (sme_guard.exchange.excel.DETAILS)
    "assessments": (),  # self-assessment runs: not a register (see run_export)
    "audit": (),  # the audit trail (変更履歴): not a register (see run_export)
    "policy": (),  # the basic policy (基本方針): a document, see --format
    "rules": (),  # the security rules (対策基準): a document, see --format
    "all": ("media", "devices", "badges", "people", "incidents", "plans", "cloud_services", "accounts"),
}
# The formats of ``export policy|rules`` (sme_guard.exchange.policy_export.Format).
DOCUMENT_FORMATS = ("docx", "txt", "html")
# Exit code of an import that could read nothing (argparse uses 2 for bad usage, too).
IMPORT_UNREADABLE = 2


def _common_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    # Accepted before and after the sub-command; SUPPRESS keeps a sub-parser from
    # overwriting a value given before it.
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--db", type=Path, default=default, help="database file (default: the data folder's)")
    parser.add_argument("--lang", choices=LANGUAGES, default=default, help="language (default: the system's)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sme-guard",
        description="SMEガード 情報セキュリティ管理台帳 / SME Guard information-security registers",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _common_options(parser, suppress=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    catalog = commands.add_parser("catalog", help="print the guideline catalog")
    catalog.add_argument("--json", action="store_true", help="as JSON (both languages)")
    _common_options(catalog, suppress=True)

    backup = commands.add_parser("backup", help="write a consistent copy of the database")
    backup.add_argument("--out", type=Path, help="target file (default: the backups folder)")
    _common_options(backup, suppress=True)

    restore = commands.add_parser(
        "restore",
        help="replace the database with a backup file, after checking it (the current data is "
        "backed up first); refused while SME Guard has the database open",
    )
    restore.add_argument("file", type=Path, help="the backup file (e.g. from the backups folder)")
    _common_options(restore, suppress=True)

    check = commands.add_parser(
        "check",
        help="verify the database (integrity, references) and its audit trail (hash chain, trail "
        "against the data); exit 0 only when everything holds",
    )
    _common_options(check, suppress=True)

    export = commands.add_parser(
        "export",
        help="write registers to an Excel file (one sheet each; plans with their steps, drills, "
        "reviews and other lines), or the basic policy or security rules as a document",
    )
    export.add_argument("register", choices=list(EXPORTS), help="what to export")
    export.add_argument(
        "--out", type=Path, required=True, help="target file (.xlsx; policy, rules: see --format)"
    )
    export.add_argument(
        "--format",
        dest="file_format",
        choices=list(DOCUMENT_FORMATS),
        help="policy, rules: docx (Word, default), txt or html (for the office's web page, without "
        "the signature line)",
    )
    export.add_argument(
        "--version",
        dest="document_version",
        type=int,
        help="policy, rules: the version to export (default: the one in force; a draft by its number)",
    )
    _common_options(export, suppress=True)

    import_ = commands.add_parser("import", help="read a register from an Excel file")
    import_.add_argument("register", choices=list(IMPORTS), help="which register the sheet holds")
    import_.add_argument("--file", type=Path, required=True, help="the .xlsx file")
    import_.add_argument("--dry-run", action="store_true", help="check every row, save nothing")
    _common_options(import_, suppress=True)

    due = commands.add_parser(
        "due", help="print what the home screen lists: overdue and due within --days (exit 0)"
    )
    due.add_argument(
        "--json", action="store_true", help="as JSON: area, title, due date, overdue, what it opens"
    )
    due.add_argument("--days", type=int, default=30, help="how many days ahead (default: 30)")
    _common_options(due, suppress=True)

    pdf = commands.add_parser("pdf", help="print to PDF (A4, Japanese font embedded)")
    pdf.add_argument("kind", choices=list(PDFS), help="what to print")
    pdf.add_argument(
        "target",
        nargs="?",
        default="",
        help="stocktake: the register (media, devices, badges); stocktake-result: the register "
        "(its latest finished stock-take) or a stock-take number; incident: its number (2026-001); "
        "labels: the register; contacts: none; plan: its name (e.g. 会計システム); "
        "checklist, assessment, sheets: none (see their options); report: none (see --year); "
        "password-policy: none; guideline: devices or sns (see --version); policy, rules: none "
        "(see --version)",
    )
    pdf.add_argument("--out", type=Path, required=True, help="target .pdf file")
    labels = pdf.add_argument_group("labels")
    labels.add_argument("--ids", help="labels: record ids, comma-separated (default: every open item)")
    labels.add_argument("--sheet", choices=["12", "24", "44"], default="24", help="labels per A4 sheet")
    labels.add_argument("--start", type=int, default=1, help="labels: first free position on the sheet")
    labels.add_argument("--outlines", action="store_true", help="labels: draw the label edges (test print)")
    assessment = pdf.add_argument_group("checklist, assessment, sheets (self-assessment)")
    assessment.add_argument("--items", help="checklist: control item numbers, comma-separated (e.g. 2,9)")
    assessment.add_argument(
        "--sheets",
        help="checklist, sheets: task sheet numbers, comma-separated (e.g. 1,49); "
        "with neither --items nor --sheets the whole catalog",
    )
    filled = assessment.add_mutually_exclusive_group()
    filled.add_argument("--blank", action="store_true", help="checklist: blank, to fill by hand (default)")
    filled.add_argument(
        "--run", type=int, help="checklist: filled from this assessment; assessment: the one to report"
    )
    pdf.add_argument("--year", type=int, help="report: the year of the annual report (default: this year)")
    pdf.add_argument(
        "--version",
        dest="guideline_version",
        type=int,
        help="guideline, policy, rules: the version to print (default: the current one; a draft by "
        "its number)",
    )
    _common_options(pdf, suppress=True)
    return parser


def _database_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else paths.default_database()


def run_catalog(args: argparse.Namespace) -> int:
    from sme_guard.services.catalog import bundled_catalog, catalog_as_json, catalog_as_text

    catalog = bundled_catalog()
    if args.json:
        json.dump(catalog_as_json(catalog), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(catalog_as_text(catalog, args.lang))
    return 0


def run_backup(args: argparse.Namespace) -> int:
    from sme_guard.db.backup import backup_to, backup_with_reason
    from sme_guard.db.database import open_database

    database = open_database(_database_path(args))
    try:
        if args.out:
            target = backup_to(database.path, args.out.expanduser().resolve())
        else:
            target = backup_with_reason(database.path, paths.backup_dir(database.path), "manual")
    finally:
        database.close()
    print(target)
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from sme_guard.db.lock import InstanceLock
    from sme_guard.db.restore import restore

    path = _database_path(args).expanduser().resolve()
    source = args.file.expanduser().resolve()
    with InstanceLock(path):  # not while the app (or an import) works on the database
        previous = restore(path, source)
    if args.lang == "ja":
        print(f"{path} を {source} から復元しました。")
        if previous is not None:
            print(f"復元前のデータ: {previous}")
    else:
        print(f"Restored {path} from {source}.")
        if previous is not None:
            print(f"The data before the restore: {previous}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    from sme_guard.services.check import check_file, report_lines

    path = _database_path(args).expanduser().resolve()
    print(f"データベース: {path}" if args.lang == "ja" else f"Database: {path}")
    report = check_file(path)
    for line in report_lines(report, args.lang):
        print(line)
    if report.integrity or (report.stopped is not None and report.stopped.reason != "not-sqlite"):
        print_backup_offer(path, args.lang)
    return 0 if report.ok else 1


def print_backup_offer(database: Path, lang: str) -> None:
    """For a damaged database: the newest backup that passes the checks, and how to restore
    it (or where the backups are kept, when none does)."""
    from sme_guard.db.restore import newest_good_backup

    folder = paths.backup_dir(database)
    found = newest_good_backup(folder)
    if found is None:
        print(
            f"確認に合格するバックアップは見つかりませんでした。バックアップの保存先: {folder}"
            if lang == "ja"
            else f"No backup that passes the checks was found. The backups are kept in: {folder}",
            file=sys.stderr,
        )
        return
    made = found.made.strftime("%Y-%m-%d %H:%M")
    command = f'sme-guard --db "{database}" restore "{found.path}"'
    print(
        f"確認に合格する最新のバックアップ({made}): {found.path}\n"
        f"復元するには(現在のファイルは先にバックアップされます): {command}"
        if lang == "ja"
        else f"The newest backup that passes the checks ({made}): {found.path}\n"
        f"To restore it (the current file is backed up first): {command}",
        file=sys.stderr,
    )


def run_due(args: argparse.Namespace) -> int:
    from sme_guard.db.database import open_database
    from sme_guard.domain.due import area_label
    from sme_guard.services import clock, home

    if args.days < 0:
        raise UserError("--days は 0 以上にしてください。", "--days must be 0 or more.")
    database = open_database(_database_path(args))
    try:
        items = home.home_list(database, clock.today(), args.lang, horizon_days=args.days)
    finally:
        database.close()
    if args.json:
        json.dump([home.as_json(item) for item in items], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    ja = args.lang == "ja"
    for item in items:
        when = item.due_on.isoformat() if item.due_on else ("今すぐ" if ja else "now")
        mark = ("期限切れ" if ja else "overdue") if item.overdue else ""
        print(f"{when:<10}  {mark:<8}  {area_label(item.area, args.lang)}: {item.title} — {item.detail}")
    overdue = home.overdue_count(items)
    if ja:
        print(f"期限切れ {overdue} 件、{args.days} 日以内に期限 {len(items) - overdue} 件")
    else:
        print(f"{overdue} overdue, {len(items) - overdue} due within {args.days} days")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from sme_guard.db.database import open_database
    from sme_guard.domain.registers import REGISTERS
    from sme_guard.exchange.excel import export_sheets, with_details

    target = args.out.expanduser().resolve()
    documents = ("policy", "rules")
    if (args.file_format is not None or args.document_version is not None) and args.register not in documents:
        raise UserError(
            "--format と --version は policy と rules の出力だけに指定できます",
            "--format and --version apply to policy and rules only",
        )
    database = open_database(_database_path(args))
    try:
        if args.register in documents:
            from sme_guard.exchange.policy_print import export_policy_file
            from sme_guard.services import policies

            policy_id = policies.find_version(database, args.register, args.document_version)
            export_policy_file(database, policy_id, target, args.file_format or "docx")
        elif args.register == "assessments":
            from sme_guard.exchange.assessment_excel import export_assessments
            from sme_guard.services.office_catalog import effective_catalog

            export_assessments(database, target, args.lang, effective_catalog(database))
        elif args.register == "audit":
            from sme_guard.exchange.audit_export import export_audit

            export_audit(database, target, args.lang)
        else:
            sheets = with_details(REGISTERS[key] for key in EXPORTS[args.register])
            export_sheets(database, sheets, target, args.lang)
    finally:
        database.close()
    print(target)
    return 0


def run_import(args: argparse.Namespace) -> int:
    from sme_guard.db.database import open_database
    from sme_guard.db.lock import InstanceLock
    from sme_guard.domain.registers import REGISTERS
    from sme_guard.exchange.excel import WorkbookError, import_register

    register = REGISTERS[IMPORTS[args.register]]
    # An import writes: not while the app has the database open (a dry run only reads).
    lock: AbstractContextManager[object] = (
        nullcontext() if args.dry_run else InstanceLock(_database_path(args))
    )
    with lock:
        database = open_database(_database_path(args))
        try:
            report = import_register(
                database, register, args.file.expanduser().resolve(), dry_run=args.dry_run, lang=args.lang
            )
        except WorkbookError as exc:
            print(exc.message(args.lang), file=sys.stderr)
            return IMPORT_UNREADABLE
        finally:
            database.close()
    if report.ignored_columns:
        ignored = ("、" if args.lang == "ja" else ", ").join(report.ignored_columns)
        print(f"無視した列: {ignored}" if args.lang == "ja" else f"ignored columns: {ignored}")
    for line in report.lines(args.lang):
        print(line)
    print(report.summary(args.lang))
    return 1 if report.rejections else 0


def run_gui(args: argparse.Namespace) -> int:
    from sme_guard.ui.app import run

    return run(database=_database_path(args), lang=args.lang)


def _stocktake_register(target: str) -> Register:
    from sme_guard.domain.registers import REGISTERS

    register = REGISTERS.get(target)
    if register is None or not register.stocktake:
        raise UserError(
            f"棚卸の対象は media、devices、badges のいずれかです(指定: {target})",
            f"stock-takes are of media, devices or badges (not {target})",
        )
    return register


def _pdf_stocktake(database: Database, args: argparse.Namespace) -> None:
    from sme_guard.exchange.stocktake_print import print_stocktake_sheet
    from sme_guard.services import clock

    count = print_stocktake_sheet(
        database, _stocktake_register(args.target), args.out, args.lang, clock.today()
    )
    print(f"{args.out} ({count})")


def _pdf_stocktake_result(database: Database, args: argparse.Namespace) -> None:
    from sme_guard.exchange.stocktake_print import print_stocktake_result
    from sme_guard.services import stocktake

    if args.target.isdigit():
        take_id = int(args.target)
    else:
        finished = [t for t in stocktake.history(database, _stocktake_register(args.target)) if t.finished_on]
        if not finished:
            raise UserError(
                f"{args.target} の終了した棚卸はまだありません",
                f"no finished stock-take of {args.target} yet",
            )
        take_id = finished[0].id
    print_stocktake_result(database, take_id, args.out, args.lang)
    print(args.out)


def _pdf_incident(database: Database, args: argparse.Namespace) -> None:
    from sqlalchemy import select

    from sme_guard.domain.registers import INCIDENTS
    from sme_guard.exchange.incident_print import print_incident
    from sme_guard.services.registers import table_of

    table = table_of(INCIDENTS)
    with database.engine.connect() as connection:
        incident_id = connection.execute(select(table.c.id).where(table.c.number == args.target)).scalar()
    if incident_id is None:
        raise UserError(
            f"障害・事故 {args.target} は記録されていません", f"there is no incident {args.target}"
        )
    print_incident(database, incident_id, args.out, args.lang)
    print(args.out)


def _pdf_plan(database: Database, args: argparse.Namespace) -> None:
    from sme_guard.exchange.plan_print import print_plan
    from sme_guard.services import clock, continuity

    plan_id = continuity.find_plan(database, args.target)
    if plan_id is None:
        raise UserError(
            f"IT継続計画「{args.target}」はありません", f"there is no continuity plan '{args.target}'"
        )
    print_plan(database, plan_id, args.out, args.lang, clock.today())
    print(args.out)


def _pdf_contacts(database: Database, args: argparse.Namespace) -> None:
    from sme_guard.exchange.incident_print import print_contact_tree
    from sme_guard.services import clock

    print_contact_tree(database, args.out, args.lang, clock.today())
    print(args.out)


def _pdf_labels(database: Database, args: argparse.Namespace) -> None:
    from sme_guard.exchange.labels_print import office_sheet, print_labels
    from sme_guard.services import clock

    try:
        ids = [int(part) for part in args.ids.split(",")] if args.ids else None
    except ValueError as exc:
        raise UserError(
            f"--ids は番号をカンマで区切って指定してください(指定: {args.ids})",
            f"--ids takes numbers separated by commas (not {args.ids})",
        ) from exc
    count = print_labels(
        database,
        _stocktake_register(args.target),
        args.out,
        lang=args.lang,
        sheet=office_sheet(database, args.sheet),
        start=args.start,
        ids=ids,
        today=clock.today(),
        outlines=args.outlines,
    )
    print(f"{args.out} ({count})")


def _numbers(option: str, value: str | None) -> list[int] | None:
    if value is None:
        return None
    try:
        return [int(part) for part in value.split(",") if part.strip()]
    except ValueError as exc:
        raise UserError(
            f"{option} は番号をカンマで区切って指定してください(指定: {value})",
            f"{option} takes numbers separated by commas (not {value})",
        ) from exc


def _pdf_checklist(database: Database, args: argparse.Namespace) -> None:
    from sme_guard.exchange.assessment_print import print_checklist
    from sme_guard.services import clock

    print_checklist(
        database,
        args.out,
        args.lang,
        clock.today(),
        _numbers("--items", args.items),
        _numbers("--sheets", args.sheets),
        args.run,
    )
    print(args.out)


def _pdf_assessment(database: Database, args: argparse.Namespace) -> None:
    from sme_guard.exchange.assessment_print import print_report
    from sme_guard.services import clock

    if args.run is None:
        raise UserError(
            "報告する自己点検を --run で指定してください", "name the assessment to report with --run"
        )
    print_report(database, args.run, args.out, args.lang, clock.today())
    print(args.out)


def _pdf_sheets(database: Database, args: argparse.Namespace) -> None:
    from sme_guard.exchange.assessment_print import print_task_sheets
    from sme_guard.services import clock

    print_task_sheets(database, args.out, args.lang, clock.today(), _numbers("--sheets", args.sheets))
    print(args.out)


def _pdf_report(database: Database, args: argparse.Namespace) -> None:
    from sme_guard.exchange.report_print import print_annual_report
    from sme_guard.services import clock

    today = clock.today()
    year = args.year if args.year is not None else today.year
    print_annual_report(database, year, args.out, args.lang, today)
    print(args.out)


def _pdf_password_policy(database: Database, args: argparse.Namespace) -> None:
    from sme_guard.exchange.password_print import print_password_notice
    from sme_guard.services import clock

    print_password_notice(database, args.out, args.lang, clock.today())
    print(args.out)


def _pdf_guideline(database: Database, args: argparse.Namespace) -> None:
    from sme_guard.domain.codes import GuidelineKind
    from sme_guard.exchange.guideline_print import print_guideline
    from sme_guard.services import clock, staff_guidelines

    kinds = [kind.value for kind in GuidelineKind]
    if args.target not in kinds:
        raise UserError(
            f"ガイドラインは {'、'.join(kinds)} のいずれかです(指定: {args.target})",
            f"a guideline is one of {', '.join(kinds)} (not {args.target})",
        )
    guideline_id = staff_guidelines.find_version(database, args.target, args.guideline_version)
    print_guideline(database, guideline_id, args.out, args.lang, clock.today())
    print(args.out)


def _pdf_policy(database: Database, args: argparse.Namespace) -> None:
    from sme_guard.exchange.policy_print import print_policy
    from sme_guard.services import policies

    print_policy(database, policies.find_version(database, args.kind, args.guideline_version), args.out)
    print(args.out)


PDFS: dict[str, Callable[[Database, argparse.Namespace], None]] = {
    "stocktake": _pdf_stocktake,
    "stocktake-result": _pdf_stocktake_result,
    "incident": _pdf_incident,
    "contacts": _pdf_contacts,
    "plan": _pdf_plan,
    "labels": _pdf_labels,
    "checklist": _pdf_checklist,
    "assessment": _pdf_assessment,
    "sheets": _pdf_sheets,
    "report": _pdf_report,
    "password-policy": _pdf_password_policy,
    "guideline": _pdf_guideline,
    "policy": _pdf_policy,
    "rules": _pdf_policy,
}


def run_pdf(args: argparse.Namespace) -> int:
    from sme_guard.db.database import open_database

    database = open_database(_database_path(args))
    try:
        PDFS[args.kind](database, args)
    finally:
        database.close()
    return 0


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: run_gui,
    "catalog": run_catalog,
    "backup": run_backup,
    "restore": run_restore,
    "check": run_check,
    "due": run_due,
    "export": run_export,
    "import": run_import,
    "pdf": run_pdf,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.lang = args.lang or system_language()
    log_file = configure_logging()
    try:
        return COMMANDS[args.command](args)
    except DatabaseDamagedError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        print_backup_offer(_database_path(args).expanduser().resolve(), args.lang)
        return 1
    except UserError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 1
    except Exception:
        log.exception("unexpected error in %s", args.command or "gui")
        message = (
            f"予期しないエラーが発生しました。詳細はログ {log_file} に記録されています。"
            if args.lang == "ja"
            else f"An unexpected error occurred. The details are in the log {log_file}."
        )
        print(message, file=sys.stderr)
        return 1
