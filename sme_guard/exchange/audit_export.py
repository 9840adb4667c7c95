"""The audit trail (変更履歴) to Excel: one sheet, oldest entry first, streamed.

Values are as the screens show them (labels, local times, records as "field: value"
lists); the last column keeps each entry's hash, so a printout can be matched with the
database. Import this module lazily, as ``sme_guard.exchange.excel``.
"""

from __future__ import annotations

from pathlib import Path

from sme_guard.db.database import Database
from sme_guard.domain.registers import Column
from sme_guard.exchange.excel import Cancelled, Progress, RowsSheet, export_sheets
from sme_guard.services import audit
from sme_guard.services.audit import AuditFilter

EXPORT_COLUMNS = (
    Column("id", "履歴番号", "Entry", "int", width=9),
    Column("at", "日時", "When", "datetime"),
    Column("os_user", "利用者(OS)", "User (OS)", width=14),
    Column("table", "台帳・記録", "Register or record type", width=22),
    Column("record", "記録", "Record", width=18),
    Column("action", "操作", "Action", width=10),
    Column("field", "項目", "Field", width=18),
    Column("old", "変更前", "Before", width=40, multiline=True),
    Column("new", "変更後", "After", width=40, multiline=True),
    Column("hash", "ハッシュ", "Hash", width=20),
)


def audit_sheet(filters: AuditFilter = AuditFilter()) -> RowsSheet:  # noqa: B008
    return RowsSheet(
        "変更履歴",
        "Change history",
        EXPORT_COLUMNS,
        lambda connection, lang: audit.export_rows(connection, filters, lang),
        count=lambda connection: audit.export_count(connection, filters),
    )


def export_audit(
    database: Database,
    path: Path,
    lang: str,
    filters: AuditFilter = AuditFilter(),  # noqa: B008
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Write the (filtered) trail to ``path``; returns the number of entries written."""
    return export_sheets(database, [audit_sheet(filters)], path, lang, progress, cancelled)
