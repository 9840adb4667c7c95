"""Column headers that never cut a name silently: a header too narrow for its text ends in
"…", and hovering it shows the whole name (unless the model gives a tooltip of its own)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QToolTip, QTreeView

View = TypeVar("View", bound=QAbstractItemView)


class _FullNameTips(QObject):
    def __init__(self, header: QHeaderView) -> None:
        super().__init__(header)
        self.header = header

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
            return False
        header, model = self.header, self.header.model()
        section = header.logicalIndexAt(event.pos())
        if model is None or section < 0:
            return False
        orientation = header.orientation()
        if model.headerData(section, orientation, Qt.ItemDataRole.ToolTipRole):
            return False  # the model's own tooltip says more
        name = model.headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
        if not name:
            return False
        QToolTip.showText(event.globalPos(), str(name), header)
        return True


def full_names(view: View) -> View:
    """Headers of ``view`` elide with "…" and show the full name on hover; returns the view."""
    header = view.header() if isinstance(view, QTreeView) else None
    if isinstance(view, QTableView):
        header = view.horizontalHeader()
    assert header is not None, "a table or a tree"
    header.setTextElideMode(Qt.TextElideMode.ElideRight)
    header.viewport().installEventFilter(_FullNameTips(header))
    header.setProperty("full_names", True)
    return view
