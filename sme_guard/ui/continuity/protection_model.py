"""The protection checklist of a plan (4①) as an editable table: every standard measure,
then the office's own; ticked when in place, with a note."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from sme_guard.domain.codes import ProtectionMeasure
from sme_guard.services.continuity import ProtectionLine

Index = QModelIndex | QPersistentModelIndex
MEASURE, IN_PLACE, NOTE = range(3)
STANDARD = tuple(m for m in ProtectionMeasure if m != ProtectionMeasure.OTHER)


@dataclass(frozen=True)
class _Row:
    line: ProtectionLine
    own: bool  # the office's own measure: its name can be edited and the row removed


class ProtectionModel(QAbstractTableModel):
    def __init__(self, headers: tuple[str, str, str], lang: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.lang = lang
        self.rows: list[_Row] = []
        self.dirty = False

    def set_lines(self, lines: tuple[ProtectionLine, ...]) -> None:
        saved = {line.measure: line for line in lines if line.measure != ProtectionMeasure.OTHER}
        rows = [
            _Row(saved.get(m.value) or ProtectionLine(m.value, None, False, None), False) for m in STANDARD
        ]
        rows += [_Row(line, True) for line in lines if line.measure == ProtectionMeasure.OTHER]
        self.beginResetModel()
        self.rows = rows
        self.dirty = False
        self.endResetModel()

    def lines(self) -> list[ProtectionLine]:
        """What to save: standard measures only when ticked or noted, every own measure."""
        return [r.line for r in self.rows if r.own or r.line.in_place or r.line.note]

    def add_own(self, name: str) -> int:
        row = len(self.rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.append(_Row(ProtectionLine(ProtectionMeasure.OTHER.value, name, False, None), True))
        self.endInsertRows()
        self.dirty = True
        return row

    def remove(self, row: int) -> bool:
        if not (0 <= row < len(self.rows)) or not self.rows[row].own:
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.rows[row]
        self.endRemoveRows()
        self.dirty = True
        return True

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == IN_PLACE:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == NOTE or (index.column() == MEASURE and self.rows[index.row()].own):
            return flags | Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.rows[index.row()].line
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == MEASURE:
                return line.title(self.lang)
            if column == NOTE:
                return line.note or ""
        if role == Qt.ItemDataRole.CheckStateRole and column == IN_PLACE:
            return Qt.CheckState.Checked if line.in_place else Qt.CheckState.Unchecked
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == IN_PLACE:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            line = replace(row.line, in_place=checked)
        elif role == Qt.ItemDataRole.EditRole and column == NOTE:
            line = replace(row.line, note=str(value).strip() or None)
        elif role == Qt.ItemDataRole.EditRole and column == MEASURE and row.own and str(value).strip():
            line = replace(row.line, name=str(value).strip())
        else:
            return False
        self.rows[index.row()] = replace(row, line=line)
        self.dirty = True
        self.dataChanged.emit(index, index, [role])
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None
