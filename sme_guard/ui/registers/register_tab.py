"""One register screen: toolbar, search, status filter, sortable table, and the record form."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from sme_guard.db.database import Database
from sme_guard.domain.codes import label
from sme_guard.domain.registers import Register
from sme_guard.services import clock, registers
from sme_guard.services import settings as office_settings
from sme_guard.services.flags import FLAGGED_REGISTERS, FlagContext
from sme_guard.services.listing import ACTIVE, ALL, FLAGGED, Listing
from sme_guard.services.registers import RecordInvalidError
from sme_guard.ui import dialogs
from sme_guard.ui.database_view import DatabaseView
from sme_guard.ui.headers import full_names
from sme_guard.ui.icons import icon
from sme_guard.ui.registers.record_form import RecordForm
from sme_guard.ui.registers.table_model import RegisterTableModel
from sme_guard.ui.settings import register_setting
from sme_guard.ui.tasks import Runner

INDEX_DELAY_MS = 150  # the table paints first, then the search index is built


class RegisterTab(DatabaseView, QWidget):
    """Reloads after every change; the form edits one record at a time."""

    loaded = Signal()
    changed = Signal()  # something was saved: other registers may show it (pickers, flags)
    record_shown = Signal(object)  # the id of the record in the form (None: a new one)
    incident_requested = Signal(object, int)  # (register, record id): record an incident about it
    file_dropped = Signal(object)  # the Path of an Excel file dropped on the tab, to import

    def __init__(self, register: Register, lang: str, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.lang = lang
        self.runner = runner
        self.database: Database | None = None
        self.current_id: int | None = None
        self.current_values: dict[str, Any] = {}  # the record as last loaded
        self.people: list[tuple[int, str]] = []  # (id, name) of every employee, for pickers
        self._dirty = False
        self._stale = False  # changed elsewhere while hidden: reload when shown
        self._generation = 0  # of the newest load
        self._restored_view = False
        self.toolbar_actions: dict[str, QAction] = {}  # the register's workflow actions, by name
        self._applies: dict[QAction, Callable[[dict[str, Any]], bool]] = {}
        self.open_dialog: QDialog | None = None  # the workflow dialog last opened
        self.progress_dialog: QProgressDialog | None = None  # of a running import or export
        self._save_new: Callable[[Database, dict[str, Any]], int] | None = None  # see new_record
        self._widths = register_setting(register.key, "widths")
        self._sort = register_setting(register.key, "sort")

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.new_action = self._action(self.tr("New"), self.new_record, "file-plus")
        self.new_action.setToolTip(self.tr("New record (Ctrl+N)"))
        self.delete_action = self._action(self.tr("Delete"), self.delete_record, "trash")
        self.delete_action.setToolTip(self.tr("Delete the record (Del, with a question)"))
        # 変更履歴 of the record in the form: every change, by whom and when.
        self.history_action = self.add_action(
            self.tr("History…"), self.show_history, writes=False, icon_name="history"
        )
        self.toolbar.addSeparator()

        self.search_box = QLineEdit()
        self.search_box.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(self.tr("Search every column (Japanese, kana, any width)"))
        self.search_box.setToolTip(self.tr("Search (Ctrl+F)"))
        self.status_box = QComboBox()
        active = self._active_label(register.key)
        if active is not None:
            self.status_box.addItem(active, ACTIVE)
        if register.key in FLAGGED_REGISTERS:
            self.status_box.addItem(self.tr("Needs attention"), FLAGGED)
        self.status_box.addItem(self.tr("All"), ALL)
        if register.status_codes is not None:
            for member in register.status_codes:
                self.status_box.addItem(label(member, lang), member.value)
        # The register's extra filters: a coded column each, and a year.
        self.filter_boxes: dict[str, QComboBox] = {}
        for key in register.filters:
            column = register.column(key)
            box = QComboBox()
            box.addItem(column.label(lang) + ": " + self.tr("All"), None)
            assert column.codes is not None
            for member in column.codes:
                box.addItem(label(member, lang), member.value)
            self.filter_boxes[key] = box
        self.year_box: QComboBox | None = None
        if register.year_key:
            self.year_box = QComboBox()
            self.year_box.addItem(self.tr("Every year"), None)
        self.count_label = QLabel()

        self.model = RegisterTableModel(self)
        self.table = full_names(QTableView())
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        # Several rows may be selected (e.g. to print their labels); the form shows the current one.
        self.table.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        # Fixed row heights: the view never measures 100k rows.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setStretchLastSection(True)

        self.form = RecordForm(register, lang)
        self.save_button = QPushButton(icon("device-floppy"), self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.revert_button = QPushButton(icon("arrow-back-up"), self.tr("Revert"))
        self.revert_button.setToolTip(self.tr("Undo the changes in the form (Esc)"))
        self.form_title = QLabel()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.form_scroll = scroll
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        form_page = QWidget()
        form_layout = QVBoxLayout(form_page)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addWidget(scroll, 1)
        form_layout.addLayout(buttons)
        # Registers with more to a record than its fields (an incident's actions) add pages.
        self.side_pages = QTabWidget()
        self.side_pages.addTab(form_page, self.tr("Record"))
        self.side_pages.tabBar().setVisible(False)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.form_title)
        side_layout.addWidget(self.side_pages, 1)

        filters = QHBoxLayout()
        filters.addWidget(self.search_box, 1)
        filters.addWidget(self.status_box)
        for box in self.filter_boxes.values():
            filters.addWidget(box)
        if self.year_box is not None:
            filters.addWidget(self.year_box)
        filters.addWidget(self.count_label)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 2)
        side.setMinimumWidth(320)
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)

        self.search_box.textChanged.connect(self._refilter)
        self.status_box.currentIndexChanged.connect(self._refilter)
        for box in [*self.filter_boxes.values(), *([self.year_box] if self.year_box else [])]:
            box.currentIndexChanged.connect(self._refilter)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.horizontalHeader().sectionResized.connect(self._save_widths)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sorted)
        self.save_button.clicked.connect(lambda: self.save())
        self.revert_button.clicked.connect(self._revert)
        self.form.changed.connect(self._mark_dirty)
        # Delete on the table, Esc in the form: the keys Windows apps use there.
        delete_key = QAction(self)
        delete_key.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.triggered.connect(self.delete_record)
        self.table.addAction(delete_key)
        revert_key = QAction(self)
        revert_key.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        revert_key.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        revert_key.triggered.connect(lambda: self.revert())
        side.addAction(revert_key)
        self.form.problem_shown.connect(self._show_field)
        self.setAcceptDrops(True)
        self._set_enabled(False)

    def _active_label(self, key: str) -> str | None:
        """The "not closed" filter in the register's own words (None: a register without
        statuses, where it would be the same as All)."""
        labels = {
            "media": self.tr("Not disposed"),
            "devices": self.tr("Not disposed"),
            "badges": self.tr("Not returned or revoked"),
            "people": self.tr("Current staff"),
            "incidents": self.tr("Open"),
            "cloud_services": self.tr("In use"),
            "accounts": self.tr("Not disabled"),
        }
        return labels.get(key)

    # ------------------------------------------------------------------ plumbing

    def _action(self, text: str, slot: Callable[[], None], icon_name: str) -> QAction:
        action = QAction(icon(icon_name), text, self)
        action.triggered.connect(slot)
        self.toolbar.addAction(action)
        return action

    def add_action(
        self,
        text: str,
        slot: Callable[[], None],
        needs_record: bool = True,
        applies: Callable[[dict[str, Any]], bool] | None = None,
        *,
        icon_name: str,
        writes: bool = True,
    ) -> QAction:
        """``applies``: whether the action makes sense for the record in the form (an account
        already disabled is not disabled again); ``icon_name``: its Tabler icon, shown beside it.
        ``writes=False``: it only reads (print, export, history), so it stays on for a database
        opened read-only."""
        action = self._action(text, slot, icon_name)
        action.setProperty("needs_record", needs_record)
        action.setProperty("writes", writes)
        if applies is not None:
            self._applies[action] = applies
        return action

    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        """Service work off the GUI thread; problems shown where they belong."""
        self.runner.submit(work, on_done, self._failed)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, RecordInvalidError):
            self.form.show_problems(error.problems)
            self.status_message(error.message(self.lang))
            return
        self.show_error(error)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.toolbar, self.search_box, self.status_box, self.table, self.side_pages):
            widget.setEnabled(enabled)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_record, editable = self.current_id is not None, self.editable
        for action in self.toolbar.actions():
            if action.property("writes") and not editable:
                action.setEnabled(False)  # a database opened read-only
            elif action.property("needs_record"):
                applies = self._applies.get(action)
                action.setEnabled(has_record and (applies is None or applies(self.current_values)))
            elif action.property("writes"):
                action.setEnabled(True)
        self.new_action.setEnabled(editable)
        self.delete_action.setEnabled(has_record and editable)
        self.save_button.setEnabled(editable)
        self.revert_button.setEnabled(self._dirty)
        self.form.set_read_only(not editable)

    # ------------------------------------------------------------------ loading

    def set_database(self, database: Database) -> None:
        self.database = database
        self._set_enabled(True)
        self.refresh()

    def _dropped_workbook(self, event: QDragEnterEvent | QDropEvent) -> Path | None:
        urls = event.mimeData().urls() if self.editable else []  # a drop imports: it writes
        paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
        return paths[0] if len(paths) == 1 and paths[0].suffix.lower() in (".xlsx", ".xlsm") else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_workbook(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_workbook(event)
        if path is not None:
            event.acceptProposedAction()
            self.file_dropped.emit(path)

    def reload(self, select_id: int | None = None) -> None:
        database, register, lang = self.database, self.register, self.lang
        if database is None:
            return
        self._stale = False
        keep = select_id if select_id is not None else self.current_id
        # Loads run on a thread pool: only the newest one may fill the table.
        self._generation += 1
        generation = self._generation

        def work() -> tuple[Listing, list[tuple[int, str]], dict[str, list[str]]]:
            days = office_settings.get_int(database, office_settings.PATCH_MAX_AGE_DAYS)
            rows = registers.load_rows(database, register, FlagContext(clock.today(), days), table_only=True)
            people, choices = registers.person_choices(database), registers.name_choices(database, register)
            return Listing.build(rows, lang), people, choices

        def done(result: tuple[Listing, list[tuple[int, str]], dict[str, list[str]]]) -> None:
            if generation == self._generation:
                self._loaded(*result, keep)

        self.run(work, done)

    def _loaded(
        self,
        listing: Listing,
        people: list[tuple[int, str]],
        choices: dict[str, list[str]],
        select_id: int | None,
    ) -> None:
        self.people = people
        self.form.set_people(people)
        self.form.set_choices(choices)
        sort_column, descending = self._saved_sort(listing)
        listing.sort(sort_column, descending)
        self._update_years(listing)
        listing.apply(*self._filters())
        if select_id is not None:
            listing.keep_shown(select_id)  # e.g. just closed: it stays until the user moves on
        self.model.set_listing(listing)
        if not self._restored_view:
            self._restore_view(sort_column, descending)
        self._update_count()
        row = self.model.row_of(select_id) if select_id is not None else None
        if row is not None:
            self.table.selectRow(row)
        elif select_id is None:
            self._show_record(None)
        elif select_id != self.current_id:
            self._show_record(select_id)  # asked for (from ホーム) though filtered out: the form shows it
        # A record filtered out of the list (e.g. just closed) stays in the form.
        self.loaded.emit()
        if not listing.haystack:
            # After the first paint: a worker holding the GIL would slow the painting down.
            QTimer.singleShot(INDEX_DELAY_MS, self, lambda: self._index(listing))

    def show_record(self, record_id: int | None) -> None:
        """Bring a record into the form (and the table, unless filtered out)."""
        self.reload(record_id)

    def _index(self, listing: Listing) -> None:
        if self.model.listing is listing and not listing.haystack:
            self.run(listing.search_index, lambda index: self._indexed(listing, index))

    def _indexed(self, listing: Listing, index: list[str]) -> None:
        # Assigned here, on the GUI thread; a search typed meanwhile built its own.
        if not listing.haystack:
            listing.haystack = index

    def _saved_sort(self, listing: Listing) -> tuple[int | None, bool]:
        column, _, direction = self._sort.get().partition(",")
        if column.isdigit() and int(column) < listing.column_count:
            return int(column), direction == "desc"
        return None, False

    def _restore_view(self, sort_column: int | None, descending: bool) -> None:
        self._restored_view = True
        header = self.table.horizontalHeader()
        widths = [int(w) for w in self._widths.get().split(",") if w.isdigit()]
        listing = self.model.listing
        assert listing is not None
        char = self.fontMetrics().horizontalAdvance("0")
        for position in range(listing.column_count):
            if position < len(widths):
                header.resizeSection(position, widths[position])
            else:
                # Saved or declared widths: measuring 100k rows' contents takes seconds.
                column = listing.column(position)
                header.resizeSection(position, char * (column.width if column else 14) + 16)
        header.blockSignals(True)
        if sort_column is not None:
            order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            header.setSortIndicator(sort_column, order)
        else:
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)

    def _save_widths(self) -> None:
        if not self._restored_view or self.model.listing is None:
            return
        header = self.table.horizontalHeader()
        self._widths.set(",".join(str(header.sectionSize(i)) for i in range(self.model.columnCount())))

    def _sorted(self, column: int, order: Qt.SortOrder) -> None:
        if self.model.listing is None:
            return
        self._sort.set(f"{column},{'desc' if order == Qt.SortOrder.DescendingOrder else 'asc'}")
        self._reselect()

    def _filters(self) -> tuple[str, str, dict[str, str], str | None]:
        extras = {key: box.currentData() for key, box in self.filter_boxes.items() if box.currentData()}
        year = self.year_box.currentData() if self.year_box else None
        return self.search_box.text(), self.status_box.currentData(), extras, year

    def _update_years(self, listing: Listing) -> None:
        if self.year_box is None:
            return
        current = self.year_box.currentData()
        self.year_box.blockSignals(True)
        while self.year_box.count() > 1:
            self.year_box.removeItem(1)
        for year in listing.years():
            self.year_box.addItem(year, year)
        self.year_box.setCurrentIndex(max(0, self.year_box.findData(current)))
        self.year_box.blockSignals(False)

    def add_page(self, title: str, page: QWidget) -> None:
        """A page beside the form for what hangs off the current record."""
        self.side_pages.addTab(page, title)
        self.side_pages.tabBar().setVisible(True)

    def _refilter(self) -> None:
        self.model.refilter(*self._filters(), keep=self.current_id)
        self._update_count()
        self._reselect()

    def _reselect(self) -> None:
        row = self.model.row_of(self.current_id) if self.current_id is not None else None
        if row is not None:
            self.table.blockSignals(True)
            self.table.selectRow(row)
            self.table.blockSignals(False)

    def _update_count(self) -> None:
        listing = self.model.listing
        shown = len(listing.order) if listing else 0
        total = len(listing.rows.ids) if listing else 0
        self.count_label.setText(self.tr("{shown} of {total}").format(shown=f"{shown:,}", total=f"{total:,}"))

    # ------------------------------------------------------------------ the form

    def selected_ids(self) -> list[int]:
        """The records of the selected rows, in table order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [record_id for row in rows if (record_id := self.model.record_id(row)) is not None]

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record_id = self.model.record_id(current.row()) if current.isValid() else None
        if record_id is None or record_id == self.current_id:
            return
        if self._dirty and not dialogs.confirm(
            self, self.tr("Unsaved changes"), self.tr("Discard the changes to the current record?")
        ):
            self._reselect()
            return
        self._show_record(record_id)

    def _show_field(self, editor: QWidget) -> None:
        """A refused save: the form's page comes forward and scrolls to the field."""
        self.side_pages.setCurrentIndex(0)
        self.form_scroll.ensureWidgetVisible(editor)

    def _show_record(self, record_id: int | None, draft: dict[str, Any] | None = None) -> None:
        self.current_id = record_id
        self._dirty = False
        self._save_new = None
        if record_id is None:
            self.current_values = {}
            title = self.tr("New record")
            self.form_title.setText(f"<b>{title}</b>")
            self.form.set_values(draft or {})
            if draft:
                self._mark_dirty()  # filled in for the user, not saved yet
            self.record_shown.emit(None)
            self._update_buttons()
            return
        database, register = self.database, self.register
        assert database is not None

        def shown(values: dict[str, Any]) -> None:
            if self.current_id != record_id:
                return  # another record was chosen meanwhile
            self.current_values = values
            self.form.set_values(values)
            self.record_shown.emit(record_id)
            number = values.get(register.number_key or "name") or ""
            self.form_title.setText(f"<b>{register.label(self.lang)}: {number}</b>")
            self._update_buttons()

        self.run(lambda: registers.get_record(database, register, record_id), shown)

    def _mark_dirty(self) -> None:
        self._dirty = True
        self._update_buttons()

    def _revert(self) -> None:
        self._show_record(self.current_id)

    def revert(self, ask: bool = True) -> None:
        """Back to the record as saved (Esc); unsaved edits are only dropped after a question."""
        if not self._dirty:
            return
        if ask and not dialogs.confirm(
            self, self.tr("Unsaved changes"), self.tr("Discard the changes to the current record?")
        ):
            return
        self._revert()

    def has_unsaved_changes(self) -> bool:
        return self._dirty

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def new_record(
        self,
        draft: dict[str, Any] | None = None,
        save: Callable[[Database, dict[str, Any]], int] | None = None,
    ) -> None:
        """An empty form, or one filled in with ``draft`` (unsaved); ``save`` saves it instead
        of the register's save (e.g. an incident linked to the asset it is about)."""
        if self._dirty and not dialogs.confirm(
            self, self.tr("Unsaved changes"), self.tr("Discard the changes to the current record?")
        ):
            return
        self.table.clearSelection()
        self._show_record(None, draft)
        self._save_new = save
        self.side_pages.setCurrentIndex(0)
        first = next(self.form.editors[c.key] for c in self.register.columns if c.editable)
        first.setFocus()

    def save(self, on_saved: Callable[[], None] | None = None) -> None:
        """Save the form (Ctrl+S); ``on_saved`` runs once it is saved (e.g. closing the window)."""
        database, register, record_id = self.database, self.register, self.current_id
        if database is None:
            return
        values = self.form.values()
        save_new = self._save_new if record_id is None else None

        def done(saved_id: int) -> None:
            self._dirty = False
            self.form.show_problems({})
            self.status_message(self.tr("Saved."))
            self.reload(saved_id)
            self._show_record(saved_id)  # what the app filled in (a number) shows at once
            self.changed.emit()
            if on_saved is not None:
                on_saved()

        if save_new is not None:
            self.run(lambda: save_new(database, values), done)
        else:
            self.run(lambda: registers.save_record(database, register, record_id, values), done)

    def delete_record(self) -> None:
        database, register, record_id = self.database, self.register, self.current_id
        if database is None or record_id is None:
            return
        if not dialogs.confirm(
            self,
            self.tr("Delete"),
            self.tr("Delete this record from the register? This cannot be undone."),
        ):
            return

        def done(_result: object) -> None:
            self.current_id = None
            self.status_message(self.tr("Deleted."))
            self.reload()
            self.changed.emit()

        self.run(lambda: registers.delete_record(database, register, record_id), done)

    def run_action(self, work: Callable[[], Any], message: str) -> None:
        """A workflow on the current record, then a reload that keeps it selected."""

        def done(_result: object) -> None:
            self.status_message(message)
            self.reload(self.current_id)
            if self.current_id is not None:
                self._show_record(self.current_id)
            self.changed.emit()

        self.run(work, done)

    def save_printout(
        self, title: str, name: str, build: Callable[[Path], Any], saved: Callable[[Any, Path], str]
    ) -> None:
        """Ask where a PDF goes, build it off the GUI thread, then say where it went."""
        path = dialogs.save_file(self, title, name, "PDF (*.pdf)")
        if path is not None:

            def done(result: Any) -> None:
                self.status_message(saved(result, path))
                dialogs.file_written(self, path)

            self.run(lambda: build(path), done)

    def show_history(self) -> None:
        """The record's change history (and that of the lines belonging to it)."""
        if self.current_id is None or self.database is None:
            return
        from sme_guard.ui.audit.history_dialog import RecordHistoryDialog

        number = self.current_values.get(self.register.number_key or "name") or f"#{self.current_id}"
        dialog = RecordHistoryDialog(
            self.database,
            self.runner,
            self.register.table_name,
            self.current_id,
            f"{self.register.label(self.lang)} {number}",
            self.lang,
            self,
        )
        self.open_dialog = dialog
        dialog.open()
