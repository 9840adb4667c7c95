"""The form for one record, built from the register's column definitions.

It hands back what was typed, untouched; the service parses and validates it, and any
problem is shown under its field.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sme_guard.domain.codes import INCIDENT_TYPE_IMPACTS, IncidentType, label
from sme_guard.domain.registers import Column, Grid, Register
from sme_guard.services.registers import DISPOSAL_PREFIX
from sme_guard.services.values import Problem, display
from sme_guard.ui.date_field import add_calendar
from sme_guard.ui.text_fields import PlainTextField

ERROR_STYLE = "color: #b00020;"


class RecordForm(QWidget):
    changed = Signal()
    problem_shown = Signal(object)  # the editor of the first field a save was refused for

    def __init__(
        self, register: Register, lang: str, keys: list[str] | None = None, parent: QWidget | None = None
    ) -> None:
        """``keys`` limits the form to some fields (e.g. the disposal record)."""
        super().__init__(parent)
        self.register = register
        self.lang = lang
        self.columns = [c for c in register.columns if keys is None or c.key in keys]
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        main = QFormLayout()
        layout.addLayout(main)
        disposal = QFormLayout()
        in_grid = {c.key: grid for grid in register.grids for c in grid.columns()}
        for column in self.columns:
            grid = in_grid.get(column.key)
            if grid is not None:
                if column.key == grid.columns()[0].key:  # the grid takes its first column's place
                    main.addRow(self._grid(grid))
                continue
            target = disposal if column.key.startswith(DISPOSAL_PREFIX) and keys is None else main
            caption = column.label(lang) + (" *" if column.required else "")
            target.addRow(caption, self._with_error(column, self._editor(column)))
        if disposal.rowCount():
            group = QGroupBox(self.tr("Disposal record (control 9②)"))
            group.setLayout(disposal)
            layout.addWidget(group)
        layout.addStretch(1)

    def _with_error(self, column: Column, editor: QWidget) -> QWidget:
        """The editor with the line under it where a problem with the field is shown."""
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.setSpacing(2)
        box_layout.addWidget(editor)
        box_layout.addWidget(error)
        self.editors[column.key] = editor
        self.errors[column.key] = error
        return box

    def _grid(self, grid: Grid) -> QGroupBox:
        """A row per item, a column per part (e.g. required / confirmed / note per area)."""
        group = QGroupBox(grid.label(self.lang))
        layout = QGridLayout(group)
        for col, (_key, ja, en, _kind) in enumerate(grid.parts, 1):
            layout.addWidget(QLabel(f"<b>{en if self.lang == 'en' else ja}</b>"), 0, col)
        columns = iter(grid.columns())
        for row, (_key, ja, en) in enumerate(grid.rows, 1):
            layout.addWidget(QLabel(en if self.lang == "en" else ja), row, 0)
            for col in range(1, len(grid.parts) + 1):
                column = next(columns)
                layout.addWidget(self._with_error(column, self._editor(column)), row, col)
        layout.setColumnStretch(len(grid.parts), 1)
        return group

    def _editor(self, column: Column) -> QWidget:
        editor: QWidget
        if column.kind == "links":
            # The records of another register to link to, ticked in a short list.
            editor = QListWidget()
            editor.setFixedHeight(self.fontMetrics().height() * 5 + 12)
            editor.itemChanged.connect(self.changed)
        elif column.kind == "bool":
            editor = QCheckBox()
            editor.toggled.connect(self.changed)
        elif column.kind in ("code", "person"):
            editor = QComboBox()
            if column.kind == "code" and column.codes is not None:
                if not column.required or column.default is None:
                    # Required without a default: blank until chosen (the save names it).
                    editor.addItem(self.tr("(choose)") if column.required else "", None)
                for member in column.codes:
                    editor.addItem(label(member, self.lang), member.value)
            editor.currentIndexChanged.connect(self.changed)
            if column.codes is IncidentType:
                editor.currentIndexChanged.connect(self._tick_impacts)
        elif column.multiline:
            editor = PlainTextField()
            editor.setFixedHeight(64)
            editor.textChanged.connect(self.changed)
        else:
            editor = QLineEdit()
            if column.kind == "date":
                editor.setPlaceholderText(self.tr("e.g. 2026-04-01, 2026/4/1, 令和8年4月1日"))
            elif column.kind == "datetime":
                editor.setPlaceholderText(self.tr("e.g. 2026/11/27 14:30"))
            if column.kind in ("date", "datetime") and column.editable:
                add_calendar(editor)
            editor.textEdited.connect(self.changed)
            if column.suggest is not None:
                completer = QCompleter(QStringListModel(editor), editor)
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                editor.setCompleter(completer)
        if column.kind == "text" and isinstance(editor, QLineEdit | QPlainTextEdit):
            # The longest value the field takes (not cut off when longer: the save says so).
            limit = self.tr("Up to {count} characters").format(count=f"{column.max_length:,}")
            editor.setToolTip(limit)
            if not editor.placeholderText():
                editor.setPlaceholderText(limit)
        if not column.editable:
            # Set by the app (a number, a status moved by its workflow): shown, not typed.
            editor.setEnabled(False)
        editor.setObjectName(column.key)
        editor.setAccessibleName(column.label(self.lang))
        return editor

    def set_read_only(self, read_only: bool) -> None:
        """Shown, not edited (a database opened read-only); text stays selectable to copy."""
        for column in self.columns:
            editor = self.editors[column.key]
            if isinstance(editor, QLineEdit | QPlainTextEdit):
                editor.setReadOnly(read_only)
            elif column.editable:
                editor.setEnabled(not read_only)

    def _tick_impacts(self) -> None:
        """A kind of incident chosen ticks the impacts it has by its nature (3②)."""
        box = self.editors.get("incident_type")
        assert isinstance(box, QComboBox)
        try:
            kind = IncidentType(box.currentData())
        except ValueError:
            return
        for key in INCIDENT_TYPE_IMPACTS.get(kind, ()):
            editor = self.editors.get(key)
            if isinstance(editor, QCheckBox):
                editor.setChecked(True)

    def set_people(self, people: list[tuple[int, str]]) -> None:
        for column in self.columns:
            if column.kind != "person":
                continue
            box = self.editors[column.key]
            assert isinstance(box, QComboBox)
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem("", None)
            for person_id, name in people:
                box.addItem(name, person_id)
            box.setCurrentIndex(max(0, box.findData(current)))
            box.blockSignals(False)

    def set_choices(self, choices: dict[str, list[str]]) -> None:
        """Names to link to or suggest, by column key (a register's current names)."""
        for column in self.columns:
            names = choices.get(column.key)
            editor = self.editors[column.key]
            if names is None:
                continue
            if isinstance(editor, QListWidget):
                ticked = set(self._ticked(editor))
                editor.blockSignals(True)
                editor.clear()
                for name in [*names, *sorted(ticked - set(names))]:
                    self._add_choice(editor, name, name in ticked)
                editor.blockSignals(False)
            elif isinstance(editor, QLineEdit) and (completer := editor.completer()) is not None:
                model = completer.model()
                assert isinstance(model, QStringListModel)
                model.setStringList(names)

    @staticmethod
    def _add_choice(editor: QListWidget, name: str, ticked: bool) -> None:
        item = QListWidgetItem(name, editor)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    @staticmethod
    def _ticked(editor: QListWidget) -> list[str]:
        items = (editor.item(row) for row in range(editor.count()))
        return [item.text() for item in items if item.checkState() == Qt.CheckState.Checked]

    def set_values(self, values: dict[str, Any]) -> None:
        """Show a record (``{}`` for a new one: defaults)."""
        for column in self.columns:
            editor = self.editors[column.key]
            value: Any = values.get(column.key) if values else column.default
            editor.blockSignals(True)
            if isinstance(editor, QListWidget):
                linked = set(value or ())
                known = {editor.item(row).text() for row in range(editor.count())}
                for name in sorted(linked - known):  # e.g. choices not loaded yet
                    self._add_choice(editor, name, True)
                for row in range(editor.count()):
                    item = editor.item(row)
                    item.setCheckState(
                        Qt.CheckState.Checked if item.text() in linked else Qt.CheckState.Unchecked
                    )
            elif isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, QComboBox):
                index = editor.findData(value)
                editor.setCurrentIndex(index if index >= 0 else 0)
            elif isinstance(editor, QPlainTextEdit):
                editor.setPlainText("" if value is None else str(value))
            elif isinstance(editor, QLineEdit):
                editor.setText("" if value is None else display(column, value, self.lang))
            editor.blockSignals(False)
        self.show_problems({})

    def values(self) -> dict[str, Any]:
        """What is typed, keyed by column; the service reads and checks it."""
        result: dict[str, Any] = {}
        editable = {c.key for c in self.columns if c.editable}
        for key, editor in self.editors.items():
            if key not in editable:
                continue
            if isinstance(editor, QListWidget):
                result[key] = self._ticked(editor)
            elif isinstance(editor, QCheckBox):
                result[key] = editor.isChecked()
            elif isinstance(editor, QComboBox):
                result[key] = editor.currentData()
            elif isinstance(editor, QPlainTextEdit):
                result[key] = editor.toPlainText()
            elif isinstance(editor, QLineEdit):
                result[key] = editor.text()
        return result

    def show_problems(self, problems: dict[str, Problem]) -> None:
        first: QWidget | None = None
        for key, label_widget in self.errors.items():
            problem = problems.get(key)
            label_widget.setVisible(problem is not None)
            label_widget.setText(problem.message(self.lang) if problem else "")
            if problem and first is None:
                first = self.editors[key]
        if first is not None:
            self.problem_shown.emit(first)  # the tab brings the form (and its page) forward
            first.setFocus()
