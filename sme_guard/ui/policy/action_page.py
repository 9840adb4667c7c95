"""SECURITY ACTION on screen: the office's declarations (★ / ★★, date, 自己宣言ID), what ★★
still needs, and the results of IPA's 5-minute self-diagnosis with their scores, the change
since the one before, and for each answer below full points the catalog entries that address
it (SME Guard's own reading)."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sme_guard.db.database import Database
from sme_guard.domain.catalog import Catalog
from sme_guard.domain.codes import SecurityActionLevel, label
from sme_guard.domain.security_action import DiagnosisMap, score_label
from sme_guard.services import clock
from sme_guard.services import security_action as action
from sme_guard.services.details import DetailInvalidError
from sme_guard.services.security_action import Declaration, Diagnosis, Readiness
from sme_guard.ui import dialogs
from sme_guard.ui.date_field import add_calendar
from sme_guard.ui.guidelines.editor import plain_label, show_error
from sme_guard.ui.plain_table_model import PlainTableModel, plain_table_view
from sme_guard.ui.policy.diagnosis_dialog import DiagnosisDialog
from sme_guard.ui.registers.detail_page import error_label

if TYPE_CHECKING:
    from sme_guard.ui.policy.policy_tab import PolicyTab

DONE_STYLE = "color: #2e7d32; font-weight: bold;"
TODO_STYLE = "color: #b00020; font-weight: bold;"


@dataclass(frozen=True)
class Loaded:
    declarations: list[Declaration]
    readiness: Readiness
    diagnoses: list[Diagnosis]
    mapping: DiagnosisMap
    catalog: Catalog


def load(database: Database) -> Loaded:
    """Off the GUI thread: everything the page shows."""
    from sme_guard.services.catalog import bundled_diagnosis_map
    from sme_guard.services.office_catalog import effective_catalog

    return Loaded(
        action.declarations(database),
        action.readiness(database),
        action.diagnoses(database),
        bundled_diagnosis_map(),
        effective_catalog(database),
    )


class SecurityActionPage(QWidget):
    loaded = Signal()
    changed = Signal()  # the home list's ★★ checklist follows

    def __init__(self, tab: PolicyTab) -> None:
        super().__init__()
        self.tab, self.lang = tab, tab.lang
        self.data: Loaded | None = None
        self.open_dialog: QDialog | None = None
        self._record_id: int | None = None
        self._dirty = False

        # Declarations
        self.declaration_model = PlainTableModel(
            [self.tr("Level"), self.tr("Declared on"), self.tr("Self-declaration ID")], self
        )
        self.declaration_view = plain_table_view(self.declaration_model)
        self.declaration_view.setMaximumHeight(130)
        self.level = QComboBox()
        for level in SecurityActionLevel:
            self.level.addItem(label(level, self.lang), level.value)
        self.declared_on = QLineEdit()
        self.declared_on.setPlaceholderText(self.tr("blank: preparing, not declared yet"))
        add_calendar(self.declared_on)
        self.declaration_id = QLineEdit()
        self.declaration_id.setPlaceholderText(self.tr("given by IPA when the declaration is made"))
        self.declaration_notes = QLineEdit()
        self.declaration_errors = error_label()
        self.new_button = QPushButton(self.tr("New"))
        self.save_button = QPushButton(self.tr("Save"))
        self.delete_button = QPushButton(self.tr("Delete"))
        declaration_box = QGroupBox(self.tr("SECURITY ACTION declarations"))
        form = QFormLayout(declaration_box)
        form.addRow(self.declaration_view)
        form.addRow(self.tr("Level"), self.level)
        form.addRow(self.tr("Declared on"), self.declared_on)
        form.addRow(self.tr("Self-declaration ID"), self.declaration_id)
        form.addRow(self.tr("Notes"), self.declaration_notes)
        form.addRow(self.declaration_errors)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        form.addRow(buttons)

        # ★★ readiness
        readiness_box = QGroupBox(self.tr("Ready for two stars (★★)?"))
        self.readiness_layout = QFormLayout(readiness_box)
        self.readiness_note = plain_label(muted=True)

        # Self-diagnosis
        self.diagnosis_model = PlainTableModel(
            [
                self.tr("Date"),
                self.tr("Total"),
                self.tr("Part 1"),
                self.tr("Part 2"),
                self.tr("Part 3"),
                self.tr("Change"),
            ],
            self,
        )
        self.diagnosis_view = plain_table_view(self.diagnosis_model)
        header = self.diagnosis_view.horizontalHeader()
        for column in range(1, 6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.diagnosis_view.setMaximumHeight(170)
        self.add_diagnosis_button = QPushButton(self.tr("Record a result…"))
        self.edit_diagnosis_button = QPushButton(self.tr("Edit…"))
        self.delete_diagnosis_button = QPushButton(self.tr("Delete"))
        self.hints = QTextBrowser()
        self.hints.setOpenLinks(False)
        diagnosis_box = QGroupBox(self.tr("5-minute self-diagnosis (IPA)"))
        diagnosis_layout = QVBoxLayout(diagnosis_box)
        diagnosis_layout.addWidget(self.diagnosis_view)
        diagnosis_buttons = QHBoxLayout()
        for button in (self.add_diagnosis_button, self.edit_diagnosis_button, self.delete_diagnosis_button):
            diagnosis_buttons.addWidget(button)
        diagnosis_buttons.addStretch(1)
        diagnosis_layout.addLayout(diagnosis_buttons)
        diagnosis_layout.addWidget(self.hints, 1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(declaration_box)
        left_layout.addWidget(readiness_box)
        left_layout.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(diagnosis_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.declaration_view.selectionModel().selectionChanged.connect(self._declaration_chosen)
        self.diagnosis_view.selectionModel().selectionChanged.connect(lambda *_: self._show_hints())
        self.diagnosis_view.doubleClicked.connect(lambda _index: self.edit_diagnosis())
        self.new_button.clicked.connect(self.new_declaration)
        self.save_button.clicked.connect(self.save_declaration)
        self.delete_button.clicked.connect(self.delete_declaration)
        self.add_diagnosis_button.clicked.connect(lambda: self.edit_diagnosis(new=True))
        self.edit_diagnosis_button.clicked.connect(self.edit_diagnosis)
        self.delete_diagnosis_button.clicked.connect(self.delete_diagnosis)
        for field in (self.declared_on, self.declaration_id, self.declaration_notes):
            field.textEdited.connect(self._edited)
        self.level.activated.connect(self._edited)
        self._fill_form(None)

    def _edited(self) -> None:
        self._dirty = True

    # ------------------------------------------------------------------ loading

    def reload(self) -> None:
        database = self.tab.database
        if database is None:
            return
        self.tab.runner.submit(lambda: load(database), self._show, self.tab.show_error)

    def _show(self, data: Loaded) -> None:
        self.data = data
        self.declaration_model.set_rows(
            [
                (
                    label(d.level, self.lang),
                    d.declared_on.isoformat() if d.declared_on else self.tr("preparing"),
                    d.declaration_id or "",
                )
                for d in data.declarations
            ]
        )
        keep = self._record_id
        ids = [d.id for d in data.declarations]
        if keep in ids and not self._dirty:
            self.declaration_view.selectRow(ids.index(keep))
        self._show_readiness(data.readiness)
        self._show_diagnoses(data.diagnoses)
        self.delete_button.setEnabled(self._record_id is not None)
        self.loaded.emit()

    def _show_readiness(self, readiness: Readiness) -> None:
        while self.readiness_layout.rowCount():
            self.readiness_layout.removeRow(0)
        for step in readiness.steps:
            mark = QLabel(self.tr("Done") if step.done else self.tr("To do"))
            mark.setStyleSheet(DONE_STYLE if step.done else TODO_STYLE)
            text = plain_label(f"{step.title(self.lang)}\n{step.detail(self.lang)}")
            self.readiness_layout.addRow(mark, text)
        if readiness.complete:
            note = self.tr("Everything ★★ asks for besides the declaration is in place.")
        elif readiness.aiming_at_two_stars:
            note = self.tr("The home screen lists what is still missing until it is complete.")
        else:
            note = self.tr(
                "Record a ★★ declaration (a date is not needed while you prepare) and the home screen "
                "lists what is still missing."
            )
        self.readiness_note = plain_label(note, muted=True)
        self.readiness_layout.addRow(self.readiness_note)

    def _show_diagnoses(self, found: list[Diagnosis]) -> None:
        selected = self._diagnosis()
        rows = []
        for diagnosis in found:
            change = diagnosis.total_change
            rows.append(
                (
                    diagnosis.held_on.isoformat(),
                    str(diagnosis.total),
                    *(str(score) for score in diagnosis.part_scores),
                    "—" if change is None else f"{change:+d}",
                )
            )
        self.diagnosis_model.set_rows(rows)
        ids = [d.id for d in found]
        if found:
            self.diagnosis_view.selectRow(ids.index(selected.id) if selected and selected.id in ids else 0)
        self._show_hints()
        for button in (self.edit_diagnosis_button, self.delete_diagnosis_button):
            button.setEnabled(bool(found))

    def _diagnosis(self) -> Diagnosis | None:
        if self.data is None:
            return None
        rows = self.diagnosis_view.selectionModel().selectedRows()
        return (
            self.data.diagnoses[rows[0].row()] if rows and rows[0].row() < len(self.data.diagnoses) else None
        )

    def _show_hints(self) -> None:
        diagnosis, data = self._diagnosis(), self.data
        if diagnosis is None or data is None:
            none_yet = self.tr("No result yet. Answer IPA's self-diagnosis sheet and record the result here.")
            self.hints.setHtml(f"<p>{escape(none_yet)}</p>")
            return
        self.hints.setHtml(self._hints_html(diagnosis, data))

    def _hints_html(self, diagnosis: Diagnosis, data: Loaded) -> str:
        """The result, its change since the one before, and what addresses each answer below
        full points (every text escaped: topics and notes come from files and people)."""
        lang = self.lang
        result = self.tr("Result of {date}: {points} of 100 points").format(
            date=diagnosis.held_on.isoformat(), points=diagnosis.total
        )
        parts = [f"<h3>{escape(result)}</h3>"]
        if diagnosis.previous is not None:
            changes = ", ".join(f"No.{n} {a} → {b}" for n, a, b in diagnosis.changed_questions())
            since = self.tr("Since {date}: {change} points. {changes}").format(
                date=diagnosis.previous.held_on.isoformat(),
                change=f"{diagnosis.total_change or 0:+d}",
                changes=changes or self.tr("No answer changed."),
            )
            parts.append(f"<p>{escape(since)}</p>")
        suggestions = action.suggestions(diagnosis, data.catalog, lang, mapping=data.mapping)
        if not suggestions:
            parts.append(f"<p>{escape(self.tr('Every answer has full points.'))}</p>")
            return "".join(parts)
        intro = self.tr("Answers below full points, and what in the guideline addresses them:")
        nothing = self.tr("The catalog has no measure for this question.")
        parts.append(f"<p><b>{escape(intro)}</b></p>")
        for suggestion in suggestions:
            answer = f"{score_label(suggestion.score, lang)} ({suggestion.score})"
            head = f"No.{suggestion.question} {suggestion.topic} — {answer}"
            entries = [f"{ref} {text}".strip() for ref, text in suggestion.entries] or [nothing]
            items = "".join(f"<li>{escape(entry)}</li>" for entry in entries)
            parts.append(f"<p><b>{escape(head)}</b></p><ul>{items}</ul>")
        parts.append(f"<p><i>{escape(data.mapping.note.get(lang))}</i></p>")
        return "".join(parts)

    # ------------------------------------------------------------------ declarations

    def _declaration_chosen(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        data = self.data
        rows = self.declaration_view.selectionModel().selectedRows()
        if data is None or not rows or rows[0].row() >= len(data.declarations):
            return
        chosen = data.declarations[rows[0].row()]
        if chosen.id == self._record_id:
            return
        if self._dirty and not self._discard():
            return
        self._fill_form(chosen)

    @property
    def has_unsaved_changes(self) -> bool:
        return self._dirty

    def _discard(self) -> bool:
        return dialogs.confirm(
            self,
            self.tr("Unsaved changes"),
            self.tr("The declaration has changes that are not saved. Discard them?"),
        )

    def _fill_form(self, record: Declaration | None) -> None:
        self._record_id = record.id if record else None
        level = record.level if record else SecurityActionLevel.TWO_STARS
        self.level.setCurrentIndex(self.level.findData(level.value))
        self.declared_on.setText(record.declared_on.isoformat() if record and record.declared_on else "")
        self.declaration_id.setText(record.declaration_id or "" if record else "")
        self.declaration_notes.setText(record.notes or "" if record else "")
        show_error(self.declaration_errors, None)
        self.delete_button.setEnabled(record is not None)
        self._dirty = False

    def new_declaration(self) -> None:
        if self._dirty and not self._discard():
            return
        self.declaration_view.clearSelection()
        self._fill_form(None)
        self.declared_on.setFocus()

    def save_declaration(self) -> None:
        database, record_id = self.tab.require_database(), self._record_id
        raw = {
            "level": self.level.currentData(),
            "declared_on": self.declared_on.text(),
            "declaration_id": self.declaration_id.text(),
            "notes": self.declaration_notes.text(),
        }

        def done(saved_id: int) -> None:
            self._record_id, self._dirty = saved_id, False
            show_error(self.declaration_errors, None)
            self.tab.status_message(self.tr("Declaration saved."))
            self.reload()
            self.changed.emit()

        def failed(error: BaseException) -> None:
            if isinstance(error, DetailInvalidError):
                names = {
                    "level": self.tr("Level"),
                    "declared_on": self.tr("Declared on"),
                    "declaration_id": self.tr("Self-declaration ID"),
                }
                show_error(
                    self.declaration_errors,
                    "\n".join(
                        f"{names.get(k, k)}: {p.message(self.lang)}" for k, p in error.problems.items()
                    ),
                )
            else:
                self.tab.show_error(error)

        self.tab.runner.submit(lambda: action.save_declaration(database, record_id, raw), done, failed)

    def delete_declaration(self) -> None:
        record_id = self._record_id
        if record_id is None or not dialogs.confirm(
            self, self.tr("Delete declaration"), self.tr("Delete the declaration record shown?")
        ):
            return
        database = self.tab.require_database()

        def done(_result: object) -> None:
            self._fill_form(None)
            self.reload()
            self.changed.emit()

        self.tab.runner.submit(
            lambda: action.delete_declaration(database, record_id), done, self.tab.show_error
        )

    # ------------------------------------------------------------------ self-diagnosis

    def edit_diagnosis(self, new: bool = False) -> None:
        data = self.data
        if data is None:
            return
        current = None if new else self._diagnosis()
        if not new and current is None:
            return
        dialog = DiagnosisDialog(data.mapping, self.lang, clock.today(), current, self)
        database = self.tab.require_database()

        def save() -> None:
            raw, diagnosis_id = dialog.values(), dialog.diagnosis_id

            def done(_saved: int) -> None:
                dialog.dirty = False
                dialog.accept()
                self.tab.status_message(self.tr("Self-diagnosis saved."))
                self.reload()
                self.changed.emit()

            def failed(error: BaseException) -> None:
                if not dialog.show_problems(error):
                    self.tab.show_error(error)

            self.tab.runner.submit(lambda: action.save_diagnosis(database, diagnosis_id, raw), done, failed)

        dialog.save_requested.connect(save)
        self.open_dialog = dialog
        dialog.open()

    def delete_diagnosis(self) -> None:
        current = self._diagnosis()
        if current is None or not dialogs.confirm(
            self,
            self.tr("Delete result"),
            self.tr("Delete the self-diagnosis result of {date}?").format(date=current.held_on.isoformat()),
        ):
            return
        database, diagnosis_id = self.tab.require_database(), current.id

        def done(_result: object) -> None:
            self.reload()
            self.changed.emit()

        self.tab.runner.submit(
            lambda: action.delete_diagnosis(database, diagnosis_id), done, self.tab.show_error
        )
