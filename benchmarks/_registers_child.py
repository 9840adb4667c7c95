"""Child process for the register figures (a fresh process, so peak RSS is ours alone).

``ours DB``: the media tab; ``floor DB``: sqlite3 rows in a bare model and view, with plain
Python search and sort. Prints one JSON object: open/search/sort timings and peak RSS.
"""

from __future__ import annotations

import json
import os
import resource
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QAbstractTableModel, QEventLoop, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QTableView

QUERIES = ["金", "金庫", "金庫 1", "金庫 12", "m-0", "m-00", "m-001", "m-0012", "書庫3", "usb"]


class _Plain(QAbstractTableModel):
    def __init__(self, rows: list[tuple[Any, ...]]) -> None:
        super().__init__()
        self.rows = rows

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return len(self.rows[0]) if self.rows else 0

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            value = self.rows[index.row()][index.column()]
            return "" if value is None else str(value)
        return None


def main(mode: str, database_path: str) -> None:
    from sme_guard.db.database import open_database
    from sme_guard.ui.app import create_application

    app = create_application("ja")
    database = open_database(Path(database_path))
    result: dict[str, float] = {}
    if mode == "floor":
        floor(database_path, result)
    else:
        ours(app, database, result)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))
    database.close()


def floor(database_path: str, result: dict[str, float]) -> None:
    """The same rows straight from sqlite3 into a bare model and view; plain search and sort."""
    started = time.perf_counter()
    raw = (
        sqlite3.connect(database_path)
        .execute(
            "SELECT m.asset_number, m.kind, m.quantity, m.location, p.name, m.holds_important_info, "
            "m.next_migration_on, m.status, m.last_stocktake_on FROM storage_medium m "
            "LEFT JOIN person p ON p.id = m.custodian_id ORDER BY m.id"
        )
        .fetchall()
    )
    plain = QTableView()
    plain.resize(1000, 600)
    plain.setModel(_Plain(raw))
    plain.show()
    plain.viewport().repaint()
    result["open"] = time.perf_counter() - started
    column = [str(row[3]) for row in raw]
    times = []
    for query in QUERIES:
        started = time.perf_counter()
        _ = [i for i, text in enumerate(column) if query in text]
        times.append(time.perf_counter() - started)
    result["search"] = statistics.median(times)
    times = []
    for position in range(len(raw[0])):
        keys = ["" if row[position] is None else str(row[position]) for row in raw]
        started = time.perf_counter()
        sorted(range(len(keys)), key=keys.__getitem__)
        times.append(time.perf_counter() - started)
    result["sort"] = statistics.median(times)


def ours(app: QApplication, database: Any, result: dict[str, float]) -> None:
    import sme_guard.domain.tables  # noqa: F401  (paid once at start-up, not per tab)
    from sme_guard.domain.registers import MEDIA
    from sme_guard.ui.registers.screens import register_tab
    from sme_guard.ui.tasks import Runner

    tab = register_tab(MEDIA, "ja", Runner())
    tab.resize(1200, 700)
    tab.show()
    app.processEvents()
    loop = QEventLoop()
    tab.loaded.connect(loop.quit)
    QTimer.singleShot(30_000, loop.quit)
    started = time.perf_counter()
    tab.set_database(database)
    loop.exec()
    tab.table.viewport().repaint()
    result["open"] = time.perf_counter() - started
    assert tab.model.rowCount() > 0

    QTimer.singleShot(300, loop.quit)  # the search index is built after the first paint
    loop.exec()
    tab.runner.wait()
    app.processEvents()

    # Search: each keystroke re-filters every row.
    times = []
    for query in QUERIES:
        started = time.perf_counter()
        tab.search_box.setText(query)
        times.append(time.perf_counter() - started)
    tab.search_box.clear()
    result["search"] = statistics.median(times)

    # Sort: by each column through the header.
    times = []
    for position in range(tab.model.columnCount()):
        started = time.perf_counter()
        tab.table.sortByColumn(position, Qt.SortOrder.AscendingOrder)
        times.append(time.perf_counter() - started)
    result["sort"] = statistics.median(times)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
