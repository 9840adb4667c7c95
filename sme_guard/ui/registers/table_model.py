"""A register table over a ``Listing`` snapshot: plain rows, Python-side sort and filter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from sme_guard.services.listing import Listing

Index = QModelIndex | QPersistentModelIndex

RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
FLAGGED = QBrush(QColor("#fff1cc"))


class RegisterTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.listing: Listing | None = None

    def set_listing(self, listing: Listing | None) -> None:
        self.beginResetModel()
        self.listing = listing
        self.endResetModel()

    def refilter(
        self, query: str, status: str, filters: dict[str, str], year: str | None, keep: int | None = None
    ) -> None:
        """``keep``: a record shown even if the filters leave it out (the one in the form)."""
        if self.listing is None:
            return
        self.beginResetModel()
        self.listing.apply(query, status, filters, year)
        if keep is not None:
            self.listing.keep_shown(keep)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.listing is None else len(self.listing.order)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.listing is None else self.listing.column_count

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        listing = self.listing
        if listing is None or not index.isValid():
            return None
        row = listing.order[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return listing.text(row, index.column())
        if role == Qt.ItemDataRole.BackgroundRole:
            return FLAGGED if listing.rows.flags[row] else None
        if role == Qt.ItemDataRole.ToolTipRole and listing.column(index.column()) is None:
            return listing.text(row, index.column()) or None
        if role == RECORD_ID_ROLE:
            return listing.rows.ids[row]
        if role == SORT_ROLE:
            return listing.value(row, index.column())
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or self.listing is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.listing.header(section) if 0 <= section < self.listing.column_count else None
        return str(section + 1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self.listing is None:
            return
        # A reset, not a layout change: the tab re-selects the current record by its id.
        self.beginResetModel()
        self.listing.sort(column, order == Qt.SortOrder.DescendingOrder)
        self.endResetModel()

    def record_id(self, row: int) -> int | None:
        if self.listing is None or not 0 <= row < len(self.listing.order):
            return None
        return self.listing.rows.ids[self.listing.order[row]]

    def row_of(self, record_id: int) -> int | None:
        if self.listing is None:
            return None
        position = self.listing.row_of_id(record_id)
        if position is None:
            return None
        try:
            return self.listing.order.index(position)
        except ValueError:
            return None
