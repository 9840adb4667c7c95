"""The basic policy and the security rules from the database: PDF, .docx, text, HTML."""

from __future__ import annotations

from pathlib import Path

from sme_guard.db.database import Database
from sme_guard.exchange.policy_export import Format, export_policy
from sme_guard.services import policies


def print_policy(database: Database, policy_id: int, path: Path) -> None:
    """One version on A4 (a draft marked as such), in the language it was written in."""
    from sme_guard.exchange.pdf.policy import build_policy_pdf  # reportlab when first used

    build_policy_pdf(path, policies.document(database, policy_id))


def export_policy_file(database: Database, policy_id: int, path: Path, file_format: Format | str) -> None:
    """One version as .docx, plain text or HTML (the web formats without the signature line)."""
    export_policy(path, policies.document(database, policy_id), file_format)
