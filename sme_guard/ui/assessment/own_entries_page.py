"""自社の項目: the office's own task sheets and control items — new, copied from a guideline
sheet, edited, deleted — and the catalog file that shares them with another office."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sme_guard.domain.catalog import Catalog, ControlItem, TaskSheet
from sme_guard.services import office_catalog, office_catalog_files
from sme_guard.services.office_catalog_checks import OfficeEntryInvalidError
from sme_guard.ui import dialogs
from sme_guard.ui.assessment.entry_editors import ItemEditor, SheetEditor
from sme_guard.ui.plain_table_model import PlainTableModel, plain_table_view
from sme_guard.ui.registers.detail_page import selected_row

if TYPE_CHECKING:
    from sme_guard.ui.assessment.assessment_tab import AssessmentTab


class OwnEntriesPage(QWidget):
    def __init__(self, tab: AssessmentTab) -> None:
        super().__init__()
        self.tab = tab
        intro = QLabel(
            self.tr(
                "Task sheets and control items of your own, assessed like the guideline's. "
                "The guideline's own catalog cannot be changed; copy a sheet to adapt it."
            )
        )
        intro.setWordWrap(True)
        self.entries = PlainTableModel([self.tr("Kind"), self.tr("No."), self.tr("Title")], self)
        self.view = plain_table_view(self.entries)
        self.rows: list[ControlItem | TaskSheet] = []
        self.copy_from = QComboBox()
        buttons = {
            "new_sheet": self.tr("New task sheet"),
            "copy_sheet": self.tr("Copy this sheet"),
            "new_item": self.tr("New control item"),
            "edit": self.tr("Edit…"),
            "delete": self.tr("Delete"),
            "export": self.tr("Save as catalog file…"),
            "import": self.tr("Read a catalog file…"),
        }
        self.buttons = {key: QPushButton(text) for key, text in buttons.items()}
        self.dialog: SheetEditor | ItemEditor | None = None
        create = QHBoxLayout()
        create.addWidget(self.buttons["new_sheet"])
        create.addWidget(self.copy_from, 1)
        create.addWidget(self.buttons["copy_sheet"])
        create.addWidget(self.buttons["new_item"])
        manage = QHBoxLayout()
        manage.addWidget(self.buttons["edit"])
        manage.addWidget(self.buttons["delete"])
        manage.addStretch(1)
        manage.addWidget(self.buttons["export"])
        manage.addWidget(self.buttons["import"])
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(create)
        layout.addWidget(self.view, 1)
        layout.addLayout(manage)
        self.buttons["new_sheet"].clicked.connect(self.new_sheet)
        self.buttons["copy_sheet"].clicked.connect(self.copy_sheet)
        self.buttons["new_item"].clicked.connect(self.new_item)
        self.buttons["edit"].clicked.connect(self.edit)
        self.view.doubleClicked.connect(self.edit)
        self.buttons["delete"].clicked.connect(self.delete)
        self.buttons["export"].clicked.connect(self.export)
        self.buttons["import"].clicked.connect(self.import_file)

    def show_catalog(self, catalog: Catalog) -> None:
        lang = self.tab.lang
        self.rows = [
            *(i for i in catalog.items if i.origin == "office"),
            *(s for s in catalog.sheets if s.origin == "office"),
        ]
        sheet, item = self.tr("Task sheet"), self.tr("Control item")
        self.entries.set_rows(
            [
                (sheet if isinstance(e, TaskSheet) else item, str(e.number), e.title.get(lang))
                for e in self.rows
            ]
        )
        current = self.copy_from.currentData()
        self.copy_from.clear()
        for entry in catalog.sheets:
            self.copy_from.addItem(f"No.{entry.number} {entry.title.get(lang)}", entry.number)
        self.copy_from.setCurrentIndex(max(0, self.copy_from.findData(current)))

    # ------------------------------------------------------------------ editing

    def _open(self, dialog: SheetEditor | ItemEditor, save: Any) -> None:
        database, lang = self.tab.require_database(), self.tab.lang

        def saved(_result: object) -> None:
            dialog.accept()
            self.tab.status_message(self.tr("Saved. It is assessed with the guideline's entries."))
            self.tab.reload()

        def failed(error: BaseException) -> None:
            if isinstance(error, OfficeEntryInvalidError):
                dialog.show_problems(error.problems, lang)
                return
            self.tab.show_error(error)

        dialog.save_requested.connect(
            lambda: self.tab.runner.submit(lambda: save(database, dialog.values()), saved, failed)
        )
        self.dialog = dialog
        self.tab.open_dialog = dialog
        dialog.open()

    def new_sheet(self) -> None:
        catalog = self.tab.catalog
        if catalog is not None:
            data = office_catalog.blank_sheet_template(catalog)
            self._open(SheetEditor(catalog, data, self.tab.lang, self), office_catalog.save_sheet)

    def new_item(self) -> None:
        catalog = self.tab.catalog
        if catalog is not None:
            data = office_catalog.blank_item_template(catalog)
            self._open(ItemEditor(catalog, data, self.tab.lang, self), office_catalog.save_item)

    def copy_sheet(self) -> None:
        catalog, number = self.tab.catalog, self.copy_from.currentData()
        sheet = catalog.sheet(number) if catalog is not None and number is not None else None
        if sheet is None:
            return
        database = self.tab.require_database()

        def copied(copy: TaskSheet) -> None:
            self.tab.status_message(self.tr("Copied as No.{number}.").format(number=copy.number))
            self.tab.reload()

        self.tab.runner.submit(
            lambda: office_catalog.copy_sheet(database, sheet), copied, self.tab.show_error
        )

    def edit(self) -> None:
        row, catalog = selected_row(self.view), self.tab.catalog
        if row is None or catalog is None:
            return
        entry = self.rows[row]
        data = entry.model_dump(mode="json")
        if isinstance(entry, TaskSheet):
            self._open(SheetEditor(catalog, data, self.tab.lang, self), office_catalog.save_sheet)
        else:
            self._open(ItemEditor(catalog, data, self.tab.lang, self), office_catalog.save_item)

    def delete(self) -> None:
        row = selected_row(self.view)
        if row is None:
            return
        entry = self.rows[row]
        if not dialogs.confirm(
            self,
            self.tr("Delete"),
            self.tr("Delete “{title}”? Answers given to it in past runs are no longer shown.").format(
                title=entry.title.get(self.tab.lang)
            ),
        ):
            return
        database = self.tab.require_database()
        self.tab.runner.submit(
            lambda: office_catalog.delete_entry(database, entry.id),
            lambda _r: self.tab.reload(),
            self.tab.show_error,
        )

    # ------------------------------------------------------------------ sharing

    def catalog_filter(self) -> str:
        return self.tr("SME Guard catalog file (*.yaml *.yml)")

    def export(self) -> None:
        path = dialogs.save_file(
            self, self.tr("Save as catalog file"), self.tr("own-catalog.yaml"), self.catalog_filter()
        )
        if path is None:
            return
        database = self.tab.require_database()

        def done(counts: tuple[int, int]) -> None:
            self.tab.status_message(
                self.tr("{items} items and {sheets} sheets saved to {path}.").format(
                    items=counts[0], sheets=counts[1], path=path
                )
            )

        self.tab.runner.submit(
            lambda: office_catalog_files.export_office_catalog(database, path), done, self.tab.show_error
        )

    def import_file(self, path: Path | None = None) -> None:
        path = path or dialogs.open_file(self, self.tr("Read a catalog file"), self.catalog_filter())
        if path is None:
            return
        database = self.tab.require_database()

        def done(summary: office_catalog_files.ImportSummary) -> None:
            self.tab.status_message(
                self.tr("Read: {added} added, {updated} updated.").format(
                    added=summary.items_added + summary.sheets_added,
                    updated=summary.items_updated + summary.sheets_updated,
                )
            )
            self.tab.reload()

        self.tab.runner.submit(
            lambda: office_catalog_files.import_office_catalog(database, path), done, self.tab.show_error
        )
