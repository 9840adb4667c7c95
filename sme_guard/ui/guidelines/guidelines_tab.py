"""The 従業員向けガイドライン tab: the smart-device (10⑨) and SNS (18①) guidelines as versions,
the office's decision per point, printing with the acknowledgment slip, and who acknowledged
which version when."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from sme_guard.db.database import Database
from sme_guard.domain.codes import GuidelineKind, label
from sme_guard.services import clock
from sme_guard.services import staff_guidelines as guidelines
from sme_guard.services.staff_guidelines import GuidelineDocument, PersonStatus, VersionInfo
from sme_guard.ui import dialogs
from sme_guard.ui.database_view import DatabaseView
from sme_guard.ui.guidelines.acknowledgments import AcknowledgmentsPage, RecordAcknowledgmentDialog
from sme_guard.ui.guidelines.editor import GuidelineEditor
from sme_guard.ui.icons import icon
from sme_guard.ui.plain_table_model import PlainTableModel, plain_table_view
from sme_guard.ui.tasks import Runner
from sme_guard.ui.versions_view import row_to_show, select_quietly

Loaded = tuple[list[VersionInfo], list[PersonStatus]]


class GuidelinesTab(DatabaseView, QWidget):
    loaded = Signal()
    # Acknowledgments of the devices guideline date the users' smart devices (10⑨): the
    # register screens reload.
    changed = Signal()

    def __init__(self, lang: str, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guidelines")
        self.lang = lang
        self.runner = runner
        self.database: Database | None = None
        self.versions: list[VersionInfo] = []
        self.statuses: list[PersonStatus] = []
        self.current: VersionInfo | None = None
        self.open_dialog: QDialog | None = None
        self._stale = False
        self._shown_id: int | None = None  # the version in the editor

        self.kind_box = QComboBox()
        for kind in GuidelineKind:
            self.kind_box.addItem(label(kind, lang), kind.value)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addWidget(QLabel(self.tr("Guideline: ")))
        self.toolbar.addWidget(self.kind_box)
        self.toolbar.addSeparator()
        self.toolbar_actions: dict[str, QAction] = {}
        self._action("new", self.tr("New version"), self.new_version, "file-plus")
        self._action("save", self.tr("Save"), self.save, "device-floppy")
        self._action("issue", self.tr("Issue…"), self.issue, "file-certificate")
        self._action("delete", self.tr("Delete version"), self.delete, "trash")
        self.toolbar.addSeparator()
        self._action("print", self.tr("Print…"), self.print_guideline, "printer")

        self.version_model = PlainTableModel(
            [self.tr("Version"), self.tr("Title"), self.tr("Issued"), self.tr("Acknowledged")], self
        )
        self.version_view = plain_table_view(self.version_model)
        self.version_view.setMinimumWidth(260)
        self.version_view.setWordWrap(False)
        header = self.version_view.horizontalHeader()
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.editor = GuidelineEditor(lang)
        self.editor.changed.connect(self._update_actions)
        splitter = QSplitter()
        splitter.addWidget(self.version_view)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([400, 880])
        self.acknowledgments = AcknowledgmentsPage()
        self.acknowledgments.record_requested.connect(self.record_acknowledgments)
        self.acknowledgments.remove_requested.connect(self.remove_acknowledgment)
        self.pages = QTabWidget()
        self.pages.addTab(splitter, self.tr("Versions"))
        self.pages.addTab(self.acknowledgments, self.tr("Acknowledgments"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.pages, 1)
        self.kind_box.currentIndexChanged.connect(self._kind_chosen)
        self.version_view.selectionModel().selectionChanged.connect(self._version_chosen)
        self._kind_index = 0
        self._update_actions()

    def _action(self, key: str, text: str, slot: Callable[[], None], icon_name: str) -> None:
        action = QAction(icon(icon_name), text, self)
        action.triggered.connect(slot)
        self.toolbar.addAction(action)
        self.toolbar_actions[key] = action

    @property
    def kind(self) -> GuidelineKind:
        return GuidelineKind(self.kind_box.currentData())

    def shown(self) -> VersionInfo | None:
        """The version in the editor."""
        document = self.editor.document
        return document.info if document is not None else None

    def _update_actions(self) -> None:
        has_database, info = self.database is not None, self.shown()
        draft = info is not None and not info.issued
        self.toolbar_actions["new"].setEnabled(has_database and not any(not v.issued for v in self.versions))
        self.toolbar_actions["save"].setEnabled(draft)
        self.toolbar_actions["issue"].setEnabled(draft)
        self.toolbar_actions["delete"].setEnabled(info is not None and (draft or info.acknowledged == 0))
        self.toolbar_actions["print"].setEnabled(info is not None)

    # ------------------------------------------------------------------ loading

    def reload(self, select_id: int | None = None) -> None:
        """Read the kind's versions and the employees' status; show ``select_id`` (else the
        version shown before, else the draft or the newest version)."""
        database, kind = self.database, self.kind
        if database is None:
            return
        self._stale = False
        keep = select_id if select_id is not None else self._shown_id

        def work() -> Loaded:
            return guidelines.versions(database, kind), guidelines.acknowledgment_status(database, kind)

        def done(result: Loaded) -> None:
            if kind != self.kind:
                return  # another kind was chosen meanwhile; its own load follows
            self.versions, self.statuses = result
            self.current = next((v for v in self.versions if v.issued), None)
            self.version_model.set_rows([self._version_row(v) for v in self.versions])
            self.acknowledgments.show_status(self.current, self.statuses)
            if not self.versions:
                self._shown_id = None
                self._show_document(None)
                return
            row = row_to_show(self.versions, keep)
            target = self.versions[row].id
            select_quietly(self.version_view, row)  # the load below is the one wanted
            if target == self._shown_id and self.editor.dirty and select_id is None:
                self._update_actions()  # a refresh from elsewhere keeps the edits in progress
                return
            self._load_version(target)

        self.runner.submit(work, done, self.show_error)

    def _version_row(self, info: VersionInfo) -> list[str]:
        issued = info.issued_on.isoformat() if info.issued_on else self.tr("Draft")
        return [
            self.tr("Version {number}").format(number=info.version),
            info.title,
            issued,
            str(info.acknowledged),
        ]

    def _selected_id(self) -> int | None:
        rows = self.version_view.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.versions):
            return None
        return self.versions[rows[0].row()].id

    def _version_chosen(self, _selected: QItemSelection, deselected: QItemSelection) -> None:
        chosen = self._selected_id()
        if chosen is None or chosen == self._shown_id:
            return
        if not self._discard_edits():
            # Back to the version being edited, without asking again.
            ids = [v.id for v in self.versions]
            if self._shown_id in ids:
                select_quietly(self.version_view, ids.index(self._shown_id))
            return
        self._load_version(chosen)

    def _load_version(self, guideline_id: int) -> None:
        database, lang = self.require_database(), self.lang
        self._shown_id = guideline_id
        self.runner.submit(
            lambda: guidelines.document(database, guideline_id, lang), self._show_document, self.show_error
        )

    def _show_document(self, document: GuidelineDocument | None) -> None:
        if document is not None and document.info.id != self._shown_id:
            return  # an older load finishing after a newer choice
        self._shown_id = document.info.id if document is not None else None
        self.editor.show_document(document)
        self._update_actions()
        self.loaded.emit()

    def unsaved_parts(self) -> list[str]:
        """The guideline draft, when its changes are not saved (asked about when the window closes)."""
        info = self.shown()
        if info is None or not self.editor.dirty:
            return []
        return [
            self.tr("{guideline}, version {number} (draft)").format(
                guideline=label(info.kind, self.lang), number=info.version
            )
        ]

    def _discard_edits(self) -> bool:
        """True when there are no unsaved edits, or the user lets them go."""
        if not self.editor.dirty:
            return True
        return dialogs.confirm(
            self,
            self.tr("Unsaved changes"),
            self.tr("The draft has changes that are not saved. Discard them?"),
        )

    def _kind_chosen(self) -> None:
        if not self._discard_edits():
            self.kind_box.blockSignals(True)
            self.kind_box.setCurrentIndex(self._kind_index)
            self.kind_box.blockSignals(False)
            return
        self._kind_index = self.kind_box.currentIndex()
        self._shown_id = None
        self.editor.show_document(None)
        self.reload()

    def select_kind(self, kind: GuidelineKind | str) -> None:
        self.kind_box.setCurrentIndex(self.kind_box.findData(GuidelineKind(kind).value))

    def show_acknowledgments(self, kind: GuidelineKind | str) -> None:
        """Who has (not) acknowledged the guideline of ``kind`` (from a ホーム line)."""
        self.select_kind(kind)
        self.pages.setCurrentWidget(self.acknowledgments)

    # ------------------------------------------------------------------ versions

    def new_version(self) -> None:
        if not self._discard_edits():
            return
        database, kind, lang = self.require_database(), self.kind, self.lang

        def done(guideline_id: int) -> None:
            self.status_message(self.tr("New version started from the one before."))
            self.pages.setCurrentIndex(0)
            self.reload(guideline_id)

        self.runner.submit(lambda: guidelines.new_draft(database, kind, lang), done, self.show_error)

    def _failed(self, error: BaseException) -> None:
        if not self.editor.show_problems(error):
            self.show_error(error)

    def save(self) -> None:
        info = self.shown()
        if info is None or info.issued:
            return
        database, raw, guideline_id = self.require_database(), self.editor.values(), info.id

        def done(_result: object) -> None:
            self.editor.clear_problems()
            self.status_message(self.tr("Draft saved."))
            self.reload(guideline_id)

        self.runner.submit(lambda: guidelines.save_draft(database, guideline_id, raw), done, self._failed)

    def issue(self) -> None:
        info = self.shown()
        if info is None or info.issued:
            return
        today = clock.today()
        if not dialogs.confirm(
            self,
            self.tr("Issue version"),
            self.tr(
                "Issue version {number} today ({date})? An issued version can no longer be changed; "
                "a change will be a new version. Staff can then acknowledge it."
            ).format(number=info.version, date=today.isoformat()),
        ):
            return
        database, raw, guideline_id = self.require_database(), self.editor.values(), info.id

        def done(_result: object) -> None:
            self.editor.clear_problems()
            self.status_message(self.tr("Version {number} issued.").format(number=info.version))
            self.reload(guideline_id)

        # What the form shows is saved and issued in one step.
        self.runner.submit(lambda: guidelines.issue(database, guideline_id, today, raw), done, self._failed)

    def delete(self) -> None:
        info = self.shown()
        if info is None:
            return
        question = (
            self.tr("Delete the draft of version {number}?")
            if not info.issued
            else self.tr("Delete version {number}? Nobody has acknowledged it; it was issued on {date}.")
        ).format(number=info.version, date=info.issued_on.isoformat() if info.issued_on else "")
        if not dialogs.confirm(self, self.tr("Delete version"), question):
            return
        database, guideline_id = self.require_database(), info.id

        def done(_result: object) -> None:
            self._shown_id = None
            self.editor.show_document(None)
            self.reload()

        self.runner.submit(lambda: guidelines.delete_version(database, guideline_id), done, self.show_error)

    def print_guideline(self) -> None:
        info = self.shown()
        if info is None:
            return
        database, lang, guideline_id = self.require_database(), self.lang, info.id
        name = self.tr("{guideline}-v{number}.pdf").format(
            guideline=label(info.kind, lang), number=info.version
        )
        path = dialogs.save_file(self, self.tr("Save the guideline"), name, "PDF (*.pdf)")
        if path is None:
            return

        def build(target: Path) -> None:
            from sme_guard.exchange.guideline_print import print_guideline  # reportlab when first used

            print_guideline(database, guideline_id, target, lang, clock.today())

        done_text = (
            self.tr("Saved to {path}.")
            if info.issued
            else self.tr("Saved to {path} (the draft as last saved, marked as a draft).")
        )

        def done(_result: object) -> None:
            self.status_message(done_text.format(path=path))
            dialogs.file_written(self, path)

        self.runner.submit(lambda: build(path), done, self.show_error)

    # ------------------------------------------------------------------ acknowledgments

    def record_acknowledgments(self) -> None:
        issued = [v for v in self.versions if v.issued]
        if not issued:
            return
        dialog = RecordAcknowledgmentDialog(issued, self.statuses, clock.today(), self)
        database, kind = self.require_database(), self.kind

        def save() -> None:
            guideline_id, people, day = (
                dialog.guideline_id(),
                dialog.person_ids(),
                dialog.acknowledged_on.text(),
            )

            def done(count: int) -> None:
                dialog.accept()
                self.status_message(self.tr("{count} acknowledgments recorded.").format(count=count))
                self.reload()
                if kind == GuidelineKind.DEVICES:
                    self.changed.emit()

            def failed(error: BaseException) -> None:
                if not dialog.show_problems(error, self.lang):
                    self.show_error(error)

            self.runner.submit(
                lambda: guidelines.record_acknowledgments(database, guideline_id, people, day), done, failed
            )

        dialog.save_requested.connect(save)
        self.open_dialog = dialog
        dialog.open()

    def remove_acknowledgment(self) -> None:
        chosen = self.acknowledgments.selected()
        if chosen is None or chosen.acknowledgment_id is None:
            return
        if not dialogs.confirm(
            self,
            self.tr("Remove acknowledgment"),
            self.tr("Remove the record that {name} acknowledged version {number} on {date}?").format(
                name=chosen.name,
                number=chosen.version,
                date=chosen.acknowledged_on.isoformat() if chosen.acknowledged_on else "",
            ),
        ):
            return
        database, kind, ack_id = self.require_database(), self.kind, chosen.acknowledgment_id

        def done(_result: Any) -> None:
            self.status_message(self.tr("Acknowledgment removed."))
            self.reload()
            if kind == GuidelineKind.DEVICES:
                self.changed.emit()

        self.runner.submit(lambda: guidelines.remove_acknowledgment(database, ack_id), done, self.show_error)
