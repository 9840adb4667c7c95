"""The home list as a table model: when, area, what, detail; overdue lines in red."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from sme_guard.domain.due import DueItem, area_label
from sme_guard.ui.plain_table_model import ALERT_COLOR

Index = QModelIndex | QPersistentModelIndex
WHEN, AREA, TITLE, DETAIL = range(4)


class DueModel(QAbstractTableModel):
    def __init__(
        self, headers: tuple[str, str, str, str], lang: str, now_text: str, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.headers = headers
        self.lang = lang
        self.now_text = now_text  # shown for a line due now (never done, no date to wait for)
        self.items: list[DueItem] = []

    def set_items(self, items: list[DueItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def item(self, row: int) -> DueItem | None:
        return self.items[row] if 0 <= row < len(self.items) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == WHEN:
                return item.due_on.isoformat() if item.due_on else self.now_text
            if column == AREA:
                return area_label(item.area, self.lang)
            return item.title if column == TITLE else item.detail
        if role == Qt.ItemDataRole.ForegroundRole and item.overdue:
            return ALERT_COLOR
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.detail
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None
