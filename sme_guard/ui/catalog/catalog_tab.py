"""The カタログ tab: a searchable tree of items and sheets beside the selected entry."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QUrl
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from sme_guard.domain.catalog import Catalog
from sme_guard.services.catalog import search
from sme_guard.ui import settings
from sme_guard.ui.catalog.render import render_item, render_reference, render_sheet
from sme_guard.ui.catalog.tree_model import ENTRY_ID_ROLE, CatalogTreeModel, Entry, Group
from sme_guard.ui.headers import full_names
from sme_guard.ui.icons import icon

GROUP_TITLES = {
    "items": {"ja": "第1部 情報セキュリティ管理策", "en": "Part 1: Control items"},
    "sheets": {"ja": "第2部 業務に基づく対策", "en": "Part 2: Task sheets"},
    "references": {"ja": "関連項目(抜粋外)", "en": "Related items (not in the excerpt)"},
}


class CatalogTab(QWidget):
    def __init__(self, catalog: Catalog, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._current: str | None = None

        self.search_box = QLineEdit()
        self.search_box.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_box.setPlaceholderText(
            self.tr("Search items and sheets (any field, Japanese or English)")
        )
        self.search_box.setClearButtonEnabled(True)
        self.language_box = QComboBox()
        self.language_box.addItem("日本語", "ja")
        self.language_box.addItem("English", "en")
        self.language_box.setToolTip(self.tr("Language of the guideline text"))
        saved = settings.CATALOG_LANGUAGE.get() or lang
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(saved)))

        self.model = CatalogTreeModel(self)
        self.tree = full_names(QTreeView())
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.no_match = QLabel()
        self.no_match.setWordWrap(True)
        self.no_match.hide()

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Search:")))
        bar.addWidget(self.search_box, 1)
        bar.addWidget(QLabel(self.tr("Text language:")))
        bar.addWidget(self.language_box)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree)
        left_layout.addWidget(self.no_match)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(1, 3)
        if not self.splitter.restoreState(settings.CATALOG_SPLITTER.get()):
            self.splitter.setSizes([380, 820])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

        self.search_box.textChanged.connect(self._refresh)
        self.language_box.currentIndexChanged.connect(self._language_changed)
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        self.detail.anchorClicked.connect(self._follow_link)
        self.splitter.splitterMoved.connect(
            lambda *_: settings.CATALOG_SPLITTER.set(self.splitter.saveState())
        )
        self._refresh()

    @property
    def lang(self) -> str:
        return str(self.language_box.currentData())

    def _groups(self) -> list[Group]:
        lang = self.lang
        query = self.search_box.text()
        items, sheets = search(self._catalog, query)
        references = [] if query.strip() else self._catalog.references
        groups = [
            Group(
                GROUP_TITLES["items"][lang],
                [Entry(i.id, f"{i.number}. {i.title.get(lang)}", i.objective.get(lang)) for i in items],
            ),
            Group(
                GROUP_TITLES["sheets"][lang],
                [Entry(s.id, f"No.{s.number} {s.title.get(lang)}", s.weakness.get(lang)) for s in sheets],
            ),
        ]
        if references:
            groups.append(
                Group(
                    GROUP_TITLES["references"][lang],
                    [
                        Entry(r.id, f"{r.number}. {r.name.get(lang)}" if r.number else r.name.get(lang))
                        for r in references
                    ],
                )
            )
        return groups

    def _refresh(self) -> None:
        selected = self._current
        groups = self._groups()
        self.model.set_groups(groups)
        self.tree.expandAll()
        found = sum(len(g.entries) for g in groups)
        self.no_match.setVisible(found == 0)
        self.no_match.setText(
            self.tr("Nothing in the catalog matches “{query}”.").format(query=self.search_box.text())
        )
        index = self.model.find(selected) if selected else QModelIndex()
        if not index.isValid() and found:
            first_group = next(row for row, g in enumerate(groups) if g.entries)
            index = self.model.index(0, 0, self.model.index(first_group, 0))
        if index.isValid():
            self.tree.setCurrentIndex(index)
        else:
            self._show(None)

    def _language_changed(self) -> None:
        settings.CATALOG_LANGUAGE.set(self.lang)
        self._refresh()
        self._show(self._current)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        entry_id = indexes[0].data(ENTRY_ID_ROLE) if indexes else None
        if entry_id:
            self._show(entry_id)

    def show_entry(self, entry_id: str) -> None:
        """Select an entry by its stable id (e.g. ``ctl-09``, ``sheet-049``)."""
        index = self.model.find(entry_id)
        if not index.isValid() and self.search_box.text():
            self.search_box.clear()
            index = self.model.find(entry_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)

    def _follow_link(self, url: QUrl) -> None:
        kind, _, number = url.toString().partition(":")
        if kind == "item" and (item := self._catalog.item(int(number))):
            self.show_entry(item.id)
        elif kind == "sheet" and (sheet := self._catalog.sheet(int(number))):
            self.show_entry(sheet.id)

    def _show(self, entry_id: str | None) -> None:
        self._current = entry_id
        lang = self.lang
        catalog = self._catalog
        html = ""
        if entry_id:
            item = next((i for i in catalog.items if i.id == entry_id), None)
            sheet = next((s for s in catalog.sheets if s.id == entry_id), None)
            reference = next((r for r in catalog.references if r.id == entry_id), None)
            if item:
                html = render_item(catalog, item, lang)
            elif sheet:
                html = render_sheet(catalog, sheet, lang)
            elif reference:
                html = render_reference(reference, lang)
        self.detail.setHtml(html)

    def current_entry(self) -> str | None:
        return self._current
