"""棚卸: walk the list, mark each item found (with where it really was) or missing, finish."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sme_guard.db.database import Database
from sme_guard.domain.codes import label
from sme_guard.domain.registers import Register
from sme_guard.domain.text import fold
from sme_guard.services import clock, stocktake
from sme_guard.services.stocktake import Result, StockTakeInfo, StockTakeLine
from sme_guard.ui import dialogs
from sme_guard.ui.errors import report_error
from sme_guard.ui.headers import full_names
from sme_guard.ui.plain_table_model import PlainTableModel, plain_table_view
from sme_guard.ui.tasks import Runner

Index = QModelIndex | QPersistentModelIndex

RESULT_TEXT = {
    "ja": {"found": "確認済", "missing": "不明", None: ""},
    "en": {"found": "Found", "missing": "Missing", None: ""},
}
COLOURS = {"found": QBrush(QColor("#dff3e3")), "missing": QBrush(QColor("#fbe0e0"))}


HEADERS = {
    "ja": ("番号", "所在(台帳)", "結果", "所在(実際)"),
    "en": ("Number", "Expected location", "Result", "Found at"),
}


class StockTakeModel(QAbstractTableModel):
    def __init__(self, lang: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.lines: list[StockTakeLine] = []
        self.rows_by_number: dict[str, int] = {}

    def set_lines(self, lines: list[StockTakeLine]) -> None:
        self.beginResetModel()
        self.lines = lines
        # A scan is one dict lookup, however long the list (100k rows: microseconds).
        self.rows_by_number = {fold(line.number.strip()): row for row, line in enumerate(lines)}
        self.endResetModel()

    def row_of(self, scanned: str) -> int | None:
        """The row of a typed or scanned number (full-width and case folded)."""
        return self.rows_by_number.get(fold(scanned.strip()))

    def set_line(self, row: int, line: StockTakeLine) -> None:
        self.lines[row] = line
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            values = [
                line.number,
                line.expected_location,
                RESULT_TEXT[self.lang][line.result],
                line.found_location,
            ]
            return values[index.column()] or ""
        if role == Qt.ItemDataRole.BackgroundRole:
            return COLOURS.get(line.result or "")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < 4
        ):
            return HEADERS[self.lang][section]
        return None


def save_result(
    parent: QWidget,
    runner: Runner,
    database: Database,
    lang: str,
    take: StockTakeInfo,
    on_error: Callable[[BaseException], None],
) -> None:
    """Ask where the kept result of a stock-take goes and print it there, off the GUI thread."""
    name = f"stock-take-result-{take.register.key}-{take.finished_on or take.started_on}.pdf"
    title = QCoreApplication.translate("StockTakeDialog", "Save the stock-take result")
    path = dialogs.save_file(parent, title, name, "PDF (*.pdf)")
    if path is None:
        return

    def work() -> None:
        from sme_guard.exchange.stocktake_print import print_stocktake_result

        print_stocktake_result(database, take.id, path, lang)

    runner.submit(work, lambda _r: dialogs.file_written(parent, path), on_error)


class StockTakeDialog(QDialog):
    """Starts a stock-take (or continues the running one) of one register."""

    def __init__(
        self,
        database: Database,
        runner: Runner,
        register: Register,
        lang: str,
        started_by: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database, self.runner, self.register, self.lang = database, runner, register, lang
        self.take_id: int | None = None
        self.finished_take: StockTakeInfo | None = None
        self._pending: set[int] = set()  # rows scanned, not saved yet
        self.setWindowTitle(self.tr("Stock-take: {register}").format(register=register.label(lang)))
        self.resize(760, 560)
        self.summary = QLabel()
        self.find_box = QLineEdit()
        self.find_box.setPlaceholderText(self.tr("Type or scan a number, Enter marks it found"))
        # The outcome of the last scan, big enough to read from a step away.
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        font = self.feedback.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.feedback.setFont(font)
        self.scans = PlainTableModel([self.tr("Scanned"), self.tr("Result")], self)
        self.scans_view = plain_table_view(self.scans)
        self.scans_view.setMaximumHeight(140)
        self.location_box = QLineEdit()
        self.location_box.setPlaceholderText(self.tr("Where it really was (if not where the register says)"))
        if register.location_key is not None:  # the register's location column takes no more
            self.location_box.setMaxLength(register.column(register.location_key).max_length)
        self.model = StockTakeModel(lang, self)
        self.table = full_names(QTableView())
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.found_button = QPushButton(self.tr("Found"))
        self.missing_button = QPushButton(self.tr("Missing"))
        self.clear_button = QPushButton(self.tr("Clear"))
        self.finish_button = QPushButton(self.tr("Finish stock-take"))
        self.close_button = QPushButton(self.tr("Close (continue later)"))
        for button in (
            self.found_button,
            self.missing_button,
            self.clear_button,
            self.finish_button,
            self.close_button,
        ):
            # Enter belongs to the number field (a scanner ends each number with it); an
            # auto-default button would take it as a second click.
            button.setAutoDefault(False)
        marks = QHBoxLayout()
        marks.addWidget(self.location_box, 1)
        for button in (self.found_button, self.missing_button, self.clear_button):
            marks.addWidget(button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.close_button)
        bottom.addWidget(self.finish_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.find_box)
        layout.addWidget(self.feedback)
        layout.addWidget(self.scans_view)
        layout.addWidget(self.table, 1)
        layout.addLayout(marks)
        layout.addLayout(bottom)

        self.find_box.returnPressed.connect(self.scan)
        self.found_button.clicked.connect(lambda: self._mark_selected("found"))
        self.missing_button.clicked.connect(lambda: self._mark_selected("missing"))
        self.clear_button.clicked.connect(lambda: self._mark_selected(None))
        self.finish_button.clicked.connect(self._finish)
        self.close_button.clicked.connect(self.reject)

        def begin() -> int:
            running = stocktake.open_stocktake(database, register)
            if running is not None:
                return running
            return stocktake.start_stocktake(database, register, started_by, clock.today())

        self.runner.submit(begin, self._started, self._failed)

    def _started(self, take_id: int) -> None:
        self.take_id = take_id
        database = self.database
        self.runner.submit(lambda: stocktake.lines(database, take_id), self._shown, self._failed)

    def _shown(self, lines: list[StockTakeLine]) -> None:
        self.model.set_lines(lines)
        self._update_summary()
        self.find_box.setFocus()

    def _update_summary(self) -> None:
        lines = self.model.lines
        found = sum(line.result == "found" for line in lines)
        missing = sum(line.result == "missing" for line in lines)
        self.summary.setText(
            self.tr("{found} found, {missing} missing, {open} not checked yet").format(
                found=found, missing=missing, open=len(lines) - found - missing
            )
        )

    def _mark_selected(self, result: Result | None) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._mark(rows[0].row(), result)

    def _mark(self, row: int, result: Result | None, then: Callable[[], None] | None = None) -> None:
        line, database, location = (
            self.model.lines[row],
            self.database,
            self.location_box.text().strip() or None,
        )

        def done(_result: object) -> None:
            self.location_box.clear()
            marked = replace(line, result=result, found_location=location if result == "found" else None)
            self.model.set_line(row, marked)
            self.table.selectRow(row)
            self._update_summary()
            if then is not None:
                then()

        self.runner.submit(
            lambda: stocktake.mark(database, line.item_id, result, location), done, self._failed
        )

    def scan(self) -> None:
        """A number typed or scanned (a scanner types it and presses Enter): mark it found, or
        say why not — the scan stays in the list below either way."""
        scanned = self.find_box.text().strip()
        self.find_box.clear()
        if not scanned:
            return
        row = self.model.row_of(scanned)
        if row is None:
            database = self.database
            self.runner.submit(
                lambda: stocktake.identify(database, scanned),
                lambda found: self._not_on_list(scanned, found),
                self._failed,
            )
            return
        number = self.model.lines[row].number
        if self.model.lines[row].result == "found" or row in self._pending:
            self._feedback(False, self.tr("{number} was already scanned").format(number=number), scanned)
            return
        self._mark(
            row,
            "found",
            lambda: self._feedback(True, self.tr("✓ {number} found").format(number=number), scanned),
        )

    def _not_on_list(self, scanned: str, found: list[stocktake.Identified]) -> None:
        here = [f for f in found if f.register is self.register]
        if here and here[0].closed:
            status = here[0].register.status_codes
            state = label(status(here[0].status), self.lang) if status else here[0].status
            text = self.tr("{number} is {state}: it should not be here any more").format(
                number=here[0].number, state=state
            )
        elif found and not here:
            text = self.tr("{number} belongs to another register: {register}").format(
                number=found[0].number, register=found[0].register.label(self.lang)
            )
        else:
            text = self.tr("{number} is not on this stock-take's list").format(number=scanned)
        self._feedback(False, text, scanned)

    def _feedback(self, good: bool, text: str, scanned: str) -> None:
        self.feedback.setText(text)
        self.feedback.setStyleSheet(f"color: {'#1b7f3b' if good else '#b00020'};")
        self.scans.set_rows([(scanned, text), *self.scans.rows])
        if not good:
            QApplication.beep()  # heard while looking at the shelf, not the screen

    def _finish(self) -> None:
        unchecked = sum(line.result is None for line in self.model.lines)
        if unchecked and not dialogs.confirm(
            self,
            self.tr("Finish stock-take"),
            self.tr(
                "{count} items are not checked yet. Finish anyway? They will be listed as not checked."
            ).format(count=unchecked),
        ):
            return
        database, take_id = self.database, self.take_id
        assert take_id is not None
        self.runner.submit(
            lambda: stocktake.finish_stocktake(database, take_id, clock.today()), self._finished, self._failed
        )

    def _finished(self, result: StockTakeInfo) -> None:
        self.finished_take = result
        counts = self.tr(
            "{found} found, {missing} missing, {unchecked} not checked. The result is kept."
        ).format(found=result.found, missing=result.missing, unchecked=result.unchecked)
        if dialogs.confirm(
            self, self.tr("Stock-take finished"), counts + "\n\n" + self.tr("Save the result as a PDF?")
        ):
            save_result(self, self.runner, self.database, self.lang, result, self._failed)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._pending.clear()  # a failed save may be scanned again
        report_error(error, self.lang)
        if self.take_id is None:
            self.reject()


class StockTakeHistoryDialog(QDialog):
    """The kept results of a register's stock-takes, each printable again."""

    def __init__(
        self, database: Database, runner: Runner, register: Register, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.database, self.runner, self.lang = database, runner, lang
        self.setWindowTitle(self.tr("Stock-take history: {register}").format(register=register.label(lang)))
        self.resize(640, 360)
        self.takes: list[StockTakeInfo] = []
        self.model = PlainTableModel(
            [
                self.tr("Started"),
                self.tr("Finished"),
                self.tr("By"),
                self.tr("Found"),
                self.tr("Missing"),
                self.tr("Not checked"),
            ],
            self,
        )
        self.table = plain_table_view(self.model)
        self.print_button = QPushButton(self.tr("Save as PDF…"))
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self._print)
        close.clicked.connect(self.accept)
        runner.submit(lambda: stocktake.history(database, register), self._shown, self._failed)

    def _shown(self, takes: list[StockTakeInfo]) -> None:
        self.takes = takes
        running = self.tr("(running)")
        self.model.set_rows(
            [
                (
                    t.started_on.isoformat(),
                    t.finished_on.isoformat() if t.finished_on else running,
                    t.started_by or "",
                    str(t.found),
                    str(t.missing),
                    str(t.unchecked),
                )
                for t in takes
            ]
        )
        if takes:
            self.table.selectRow(0)

    def _print(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        save_result(self, self.runner, self.database, self.lang, self.takes[rows[0].row()], self._failed)

    def _failed(self, error: BaseException) -> None:
        report_error(error, self.lang)
