"""One kind of policy document on screen - the basic policy or the security rules: its
versions, the version shown in the editor, and the actions on it (new version, save, issue,
delete, print, export; the rules are redrawn from the records, the basic policy's publication
is recorded)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelection, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from sme_guard.domain.codes import PolicyKind, label
from sme_guard.services import clock, policies
from sme_guard.services.details import DetailInvalidError
from sme_guard.services.policies import PolicyDocument, PolicyInfo
from sme_guard.ui import dialogs
from sme_guard.ui.date_field import add_calendar
from sme_guard.ui.guidelines.editor import show_error
from sme_guard.ui.icons import icon
from sme_guard.ui.plain_table_model import PlainTableModel, plain_table_view
from sme_guard.ui.policy.editor import PolicyEditor
from sme_guard.ui.registers.detail_page import error_label
from sme_guard.ui.versions_view import row_to_show, select_quietly

if TYPE_CHECKING:
    from sme_guard.ui.policy.policy_tab import PolicyTab

EXPORTS = {  # the file dialog's filter (translated where it is shown) and the suffix
    "docx": (QT_TRANSLATE_NOOP("DocumentPage", "Word (*.docx)"), ".docx"),
    "txt": (QT_TRANSLATE_NOOP("DocumentPage", "Text (*.txt)"), ".txt"),
    "html": (QT_TRANSLATE_NOOP("DocumentPage", "HTML (*.html)"), ".html"),
}


class PublicationDialog(QDialog):
    """Where and when an issued basic policy was published (公表)."""

    save_requested = Signal()

    def __init__(self, info: PolicyInfo, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record publication"))
        self.published_on = QLineEdit(
            info.published_on.isoformat() if info.published_on else today.isoformat()
        )
        add_calendar(self.published_on)
        self.published_where = QLineEdit(info.published_where or "")
        self.published_where.setPlaceholderText(
            self.tr("e.g. https://www.example.co.jp/security/ or the notice board at reception")
        )
        self.published_where.setMinimumWidth(420)
        self.errors = error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save_requested)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Published on *"), self.published_on)
        form.addRow(self.tr("Where *"), self.published_where)
        form.addRow(self.errors)
        form.addRow(buttons)

    def values(self) -> dict[str, str]:
        return {"published_on": self.published_on.text(), "published_where": self.published_where.text()}

    def show_problems(self, error: BaseException, lang: str) -> bool:
        if not isinstance(error, DetailInvalidError):
            return False
        show_error(self.errors, error.message(lang))
        return True


class DocumentPage(QWidget):
    loaded = Signal()
    changed = Signal()  # a version was issued, published or deleted: the home list follows

    def __init__(self, tab: PolicyTab, kind: PolicyKind) -> None:
        super().__init__()
        self.tab, self.kind, self.lang = tab, kind, tab.lang
        self.versions: list[PolicyInfo] = []
        self._shown_id: int | None = None
        self.open_dialog: QDialog | None = None

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar_actions: dict[str, QAction] = {}
        self._action(
            "new", self.tr("New version"), self.new_version, "file-plus", QKeySequence.StandardKey.New
        )
        self._action("save", self.tr("Save"), self.save, "device-floppy", QKeySequence.StandardKey.Save)
        if kind is PolicyKind.RULES:
            self._action("redraw", self.tr("Redraw from the records"), self.redraw, "refresh")
        self._action("issue", self.tr("Issue…"), self.issue, "file-certificate")
        self._action("delete", self.tr("Delete version"), self.delete, "trash")
        self.toolbar.addSeparator()
        self._action("print", self.tr("Print PDF…"), self.print_pdf, "printer")
        self._action("docx", self.tr("Word…"), lambda: self.export("docx"), "file-export")
        self._action("txt", self.tr("Text…"), lambda: self.export("txt"), "file-export")
        self._action("html", self.tr("HTML…"), lambda: self.export("html"), "file-export")
        if kind is PolicyKind.POLICY:
            self.toolbar.addSeparator()
            self._action("publish", self.tr("Record publication…"), self.record_publication, "external-link")

        headers = [self.tr("Version"), self.tr("Title"), self.tr("Issued")]
        if kind is PolicyKind.POLICY:
            headers.append(self.tr("Published"))
        self.version_model = PlainTableModel(headers, self)
        self.version_view = plain_table_view(self.version_model)
        self.version_view.setMinimumWidth(240)
        self.version_view.setWordWrap(False)
        header = self.version_view.horizontalHeader()
        for column in range(len(headers)):
            if column != 1:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.editor = PolicyEditor(kind, self.lang)
        self.editor.changed.connect(self._update_actions)
        splitter = QSplitter()
        splitter.addWidget(self.version_view)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([330, 950])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(splitter, 1)
        self.version_view.selectionModel().selectionChanged.connect(self._version_chosen)
        self._update_actions()

    def _action(
        self,
        key: str,
        text: str,
        slot: Callable[[], None],
        icon_name: str,
        shortcut: QKeySequence.StandardKey | None = None,
    ) -> None:
        action = QAction(icon(icon_name), text, self)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.toolbar.addAction(action)
        self.toolbar_actions[key] = action

    def shown(self) -> PolicyInfo | None:
        document = self.editor.document
        return document.info if document is not None else None

    def _update_actions(self) -> None:
        has_database, info = self.tab.database is not None, self.shown()
        draft = info is not None and not info.issued
        newest = self.versions[0].id if self.versions else None
        self.toolbar_actions["new"].setEnabled(has_database and not any(not v.issued for v in self.versions))
        for key in ("save", "issue", "redraw"):
            if key in self.toolbar_actions:
                self.toolbar_actions[key].setEnabled(draft)
        self.toolbar_actions["delete"].setEnabled(
            info is not None and (draft or (info.published_on is None and info.id == newest))
        )
        for key in ("print", "docx", "txt", "html"):
            self.toolbar_actions[key].setEnabled(info is not None)
        if "publish" in self.toolbar_actions:
            self.toolbar_actions["publish"].setEnabled(info is not None and info.issued)

    # ------------------------------------------------------------------ loading

    def reload(self, select_id: int | None = None) -> None:
        """Read the versions; show ``select_id`` (else the one shown before, else the draft or the
        newest)."""
        database, kind = self.tab.database, self.kind
        if database is None:
            return
        keep = select_id if select_id is not None else self._shown_id

        def done(found: list[PolicyInfo]) -> None:
            self.versions = found
            self.version_model.set_rows([self._row(v) for v in found])
            if not found:
                self._shown_id = None
                self._show_document(None)
                return
            row = row_to_show(found, keep)
            select_quietly(self.version_view, row)  # the load below is the one wanted
            if found[row].id == self._shown_id and self.editor.dirty and select_id is None:
                self._update_actions()  # a refresh from elsewhere keeps the edits in progress
                return
            self._load(found[row].id)

        self.tab.runner.submit(lambda: policies.versions(database, kind), done, self.tab.show_error)

    def _row(self, info: PolicyInfo) -> list[str]:
        row = [
            self.tr("Version {number}").format(number=info.version),
            info.title,
            info.issued_on.isoformat() if info.issued_on else self.tr("Draft"),
        ]
        if self.kind is PolicyKind.POLICY:
            row.append(info.published_on.isoformat() if info.published_on else "")
        return row

    def _selected_id(self) -> int | None:
        rows = self.version_view.selectionModel().selectedRows()
        return self.versions[rows[0].row()].id if rows and rows[0].row() < len(self.versions) else None

    def _version_chosen(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        chosen = self._selected_id()
        if chosen is None or chosen == self._shown_id:
            return
        if not self.discard_edits():
            ids = [v.id for v in self.versions]
            if self._shown_id in ids:  # back to the version being edited, without asking again
                select_quietly(self.version_view, ids.index(self._shown_id))
            return
        self._load(chosen)

    def _load(self, policy_id: int) -> None:
        database = self.tab.require_database()
        self._shown_id = policy_id
        self.tab.runner.submit(
            lambda: policies.document(database, policy_id), self._show_document, self.tab.show_error
        )

    def _show_document(self, document: PolicyDocument | None) -> None:
        if document is not None and document.info.id != self._shown_id:
            return  # an older load finishing after a newer choice
        self._shown_id = document.info.id if document is not None else None
        self.editor.show_document(document)
        self._update_actions()
        self.loaded.emit()

    def discard_edits(self) -> bool:
        """True when there are no unsaved edits, or the user lets them go."""
        if not self.editor.dirty:
            return True
        return dialogs.confirm(
            self,
            self.tr("Unsaved changes"),
            self.tr("The draft has changes that are not saved. Discard them?"),
        )

    # ------------------------------------------------------------------ versions

    def _failed(self, error: BaseException) -> None:
        self.tab.show_office_problems(error)
        if not self.editor.show_problems(error):
            self.tab.show_error(error)

    def _after(self, message: str, policy_id: int | None) -> Callable[[object], None]:
        def done(_result: object) -> None:
            self.editor.clear_problems()
            self.tab.show_office_problems(None)
            self.tab.status_message(message)
            self.reload(policy_id)
            self.changed.emit()

        return done

    def new_version(self) -> None:
        if not self.discard_edits():
            return
        database, kind, lang = self.tab.require_database(), self.kind, self.lang

        def done(policy_id: int) -> None:
            self.tab.status_message(self.tr("New version started."))
            self.reload(policy_id)

        self.tab.runner.submit(lambda: policies.new_draft(database, kind, lang), done, self._failed)

    def save(self) -> None:
        info = self.shown()
        if info is None or info.issued:
            return
        database, raw, policy_id = self.tab.require_database(), self.editor.values(), info.id
        self.tab.runner.submit(
            lambda: policies.save_draft(database, policy_id, raw),
            self._after(self.tr("Draft saved."), policy_id),
            self._failed,
        )

    def redraw(self) -> None:
        info = self.shown()
        if info is None or info.issued or not self.discard_edits():
            return
        database, policy_id = self.tab.require_database(), info.id
        self.editor.dirty = False
        self.tab.runner.submit(
            lambda: policies.redraw_rules(database, policy_id),
            self._after(self.tr("The rules were drawn again from the records."), policy_id),
            self._failed,
        )

    def issue(self) -> None:
        info = self.shown()
        if info is None or info.issued:
            return
        if self.tab.identity_dirty:
            dialogs.show_info(
                self,
                self.tr("Issue version"),
                self.tr("Save the office's name and representative first: the version is issued with them."),
            )
            return
        today = clock.today()
        if not dialogs.confirm(
            self,
            self.tr("Issue version"),
            self.tr(
                "Issue version {number} today ({date}) with the office's name and representative above? "
                "An issued version can no longer be changed; a change will be a new version."
            ).format(number=info.version, date=today.isoformat()),
        ):
            return
        database, raw, policy_id = self.tab.require_database(), self.editor.values(), info.id
        self.tab.runner.submit(
            lambda: policies.issue(database, policy_id, today, raw),
            self._after(self.tr("Version {number} issued.").format(number=info.version), policy_id),
            self._failed,
        )

    def delete(self) -> None:
        info = self.shown()
        if info is None:
            return
        question = (
            self.tr("Delete the draft of version {number}?")
            if not info.issued
            else self.tr("Delete version {number}, issued on {date}? It has not been published.")
        ).format(number=info.version, date=info.issued_on.isoformat() if info.issued_on else "")
        if not dialogs.confirm(self, self.tr("Delete version"), question):
            return
        database, policy_id = self.tab.require_database(), info.id
        self._shown_id = None
        self.editor.show_document(None)
        self.tab.runner.submit(
            lambda: policies.delete_version(database, policy_id),
            self._after(self.tr("Version deleted."), None),
            self.tab.show_error,
        )

    # ------------------------------------------------------------------ output

    def _target(self, suffix: str, filter_text: str) -> Path | None:
        info = self.shown()
        if info is None:
            return None
        name = self.tr("{policy}-v{number}").format(policy=label(self.kind, self.lang), number=info.version)
        name += suffix
        return dialogs.save_file(self, self.tr("Save the document"), name, filter_text)

    def _saved_text(self, info: PolicyInfo) -> str:
        return (
            self.tr("Saved to {path}.")
            if info.issued
            else self.tr("Saved to {path} (the draft as last saved, marked as a draft).")
        )

    def print_pdf(self) -> None:
        info, path = self.shown(), self._target(".pdf", "PDF (*.pdf)")
        if info is None or path is None:
            return
        database, policy_id = self.tab.require_database(), info.id

        def build() -> None:
            from sme_guard.exchange.policy_print import print_policy  # reportlab when first used

            print_policy(database, policy_id, path)

        text = self._saved_text(info).format(path=path)
        self.tab.runner.submit(build, lambda _r: self.tab.status_message(text), self.tab.show_error)

    def export(self, file_format: str) -> None:
        filter_text, suffix = EXPORTS[file_format]
        info, path = self.shown(), self._target(suffix, self.tr(str(filter_text)))
        if info is None or path is None:
            return
        database, policy_id = self.tab.require_database(), info.id

        def build() -> None:
            from sme_guard.exchange.policy_print import export_policy_file  # python-docx when first used

            export_policy_file(database, policy_id, path, file_format)

        text = self._saved_text(info).format(path=path)
        self.tab.runner.submit(build, lambda _r: self.tab.status_message(text), self.tab.show_error)

    def record_publication(self) -> None:
        info = self.shown()
        if info is None or not info.issued:
            return
        dialog = PublicationDialog(info, clock.today(), self)
        database, policy_id = self.tab.require_database(), info.id

        def save() -> None:
            raw = dialog.values()

            def done(result: object) -> None:
                dialog.accept()
                self._after(self.tr("Publication recorded."), policy_id)(result)

            def failed(error: BaseException) -> None:
                if not dialog.show_problems(error, self.lang):
                    self.tab.show_error(error)

            self.tab.runner.submit(
                lambda: policies.record_publication(database, policy_id, raw), done, failed
            )

        dialog.save_requested.connect(save)
        self.open_dialog = dialog
        dialog.open()
