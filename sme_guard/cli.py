"""Command line: the same services as the GUI, for automation and for tests.

``sme-guard [--db PATH] [--lang ja|en]`` opens the GUI; sub-commands work without a display.
Exit codes: 0 done, 1 a problem the message explains, 2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from sme_guard import __version__, paths
from sme_guard.errors import UserError
from sme_guard.language import LANGUAGES, system_language
from sme_guard.logs import configure_logging

log = logging.getLogger(__name__)


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


def run_gui(args: argparse.Namespace) -> int:
    from sme_guard.ui.app import run

    return run(database=_database_path(args), lang=args.lang)


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: run_gui,
    "catalog": run_catalog,
    "backup": run_backup,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.lang = args.lang or system_language()
    log_file = configure_logging()
    try:
        return COMMANDS[args.command](args)
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
