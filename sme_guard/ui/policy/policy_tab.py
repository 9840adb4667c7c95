"""The 方針・SECURITY ACTION tab: the office's name and representative (who the documents name
and who signs them), the basic policy (基本方針) and the security rules (対策基準) as versions,
and SECURITY ACTION (declarations, ★★ readiness, self-diagnosis results)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sme_guard.db.database import Database
from sme_guard.domain.codes import PolicyKind, label
from sme_guard.services import policies
from sme_guard.services.details import DetailInvalidError
from sme_guard.ui.database_view import DatabaseView
from sme_guard.ui.guidelines.editor import show_error
from sme_guard.ui.policy.action_page import SecurityActionPage
from sme_guard.ui.policy.document_page import DocumentPage
from sme_guard.ui.registers.detail_page import error_label
from sme_guard.ui.tasks import Runner


class PolicyTab(DatabaseView, QWidget):
    loaded = Signal()
    changed = Signal()  # issued, published, declared, diagnosed: the home list follows

    def __init__(self, lang: str, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("policy")
        self.lang = lang
        self.runner = runner
        self.database: Database | None = None
        self._stale = False
        self.identity_dirty = False

        self.office_name = QLineEdit()
        self.office_name.setPlaceholderText(self.tr("e.g. 株式会社サンプル"))
        self.representative = QLineEdit()
        self.representative.setPlaceholderText(self.tr("e.g. 代表取締役 山田 太郎"))
        self.identity_button = QPushButton(self.tr("Save office details"))
        self.identity_error = error_label()
        identity = QGroupBox(self.tr("Who the documents name and who signs them"))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Office name")))
        row.addWidget(self.office_name, 2)
        row.addWidget(QLabel(self.tr("Representative")))
        row.addWidget(self.representative, 2)
        row.addWidget(self.identity_button)
        identity_layout = QVBoxLayout(identity)
        identity_layout.addLayout(row)
        identity_layout.addWidget(self.identity_error)
        for field in (self.office_name, self.representative):
            field.textEdited.connect(self._identity_edited)
        self.identity_button.clicked.connect(self.save_identity)

        self.policy = DocumentPage(self, PolicyKind.POLICY)
        self.rules = DocumentPage(self, PolicyKind.RULES)
        self.security_action = SecurityActionPage(self)
        self.pages = QTabWidget()
        self.pages.addTab(self.policy, self.tr("Basic policy"))
        self.pages.addTab(self.rules, self.tr("Security rules"))
        self.pages.addTab(self.security_action, self.tr("SECURITY ACTION"))
        for page in (self.policy, self.rules, self.security_action):
            page.changed.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.addWidget(identity)
        layout.addWidget(self.pages, 1)

    def _identity_edited(self) -> None:
        self.identity_dirty = True

    def _changed(self) -> None:
        self.security_action.reload()  # readiness follows issuing and publishing
        self.changed.emit()

    def reload(self) -> None:
        database = self.database
        if database is None:
            return
        self._stale = False
        if not self.identity_dirty:
            self.runner.submit(
                lambda: policies.office_identity(database), self._show_identity, self.show_error
            )
        self.policy.reload()
        self.rules.reload()
        self.security_action.reload()
        self.loaded.emit()

    def _show_identity(self, identity: tuple[str, str]) -> None:
        if not self.identity_dirty:
            self.office_name.setText(identity[0])
            self.representative.setText(identity[1])

    def save_identity(self) -> None:
        database = self.require_database()
        raw = {"office_name": self.office_name.text(), "representative": self.representative.text()}

        def done(_result: object) -> None:
            self.identity_dirty = False
            self.show_office_problems(None)
            self.status_message(self.tr("Office details saved."))
            self.policy.reload()  # a draft shows the office as it is now
            self.rules.reload()

        self.runner.submit(lambda: policies.save_office_identity(database, raw), done, self.show_error)

    def show_office_problems(self, error: BaseException | None) -> None:
        """Under the office's name and representative: what issuing found missing there."""
        problems = error.problems if isinstance(error, DetailInvalidError) else {}
        lines = [problems[k].message(self.lang) for k in ("office_name", "representative") if k in problems]
        show_error(self.identity_error, "\n".join(lines) or None)

    def show_page(self, page: str) -> None:
        """Show "policy", "rules" or "security_action" (a home line's target)."""
        pages = {"policy": self.policy, "rules": self.rules, "security_action": self.security_action}
        self.pages.setCurrentWidget(pages.get(page, self.policy))

    def discard_edits(self) -> bool:
        return self.policy.discard_edits() and self.rules.discard_edits()

    def unsaved_parts(self) -> list[str]:
        """What on this tab has changes not saved (asked about when the window closes)."""
        parts = [
            self.tr("{document}, version {number} (draft)").format(
                document=label(info.kind, self.lang), number=info.version
            )
            for page in (self.policy, self.rules)
            if page.editor.dirty and (info := page.shown()) is not None
        ]
        if self.identity_dirty:
            parts.append(self.tr("Office name and representative"))
        if self.security_action.has_unsaved_changes:
            parts.append(self.tr("SECURITY ACTION declaration"))
        return parts
