"""The main window: the tabs of DESIGN.md, the database it works on, its kept geometry."""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget

from sme_guard.db.database import Database, open_database
from sme_guard.domain.due import Target
from sme_guard.domain.registers import Register
from sme_guard.errors import CatalogError, DatabaseDamagedError
from sme_guard.services.catalog import bundled_catalog
from sme_guard.ui import first_start, settings
from sme_guard.ui.catalog.catalog_tab import CatalogTab
from sme_guard.ui.data_safety import DataSafety
from sme_guard.ui.editing import EditMenu
from sme_guard.ui.empty_state import EmptyState
from sme_guard.ui.errors import report_error
from sme_guard.ui.home.home_tab import HomeTab
from sme_guard.ui.lazy_page import LazyPage
from sme_guard.ui.office_settings_dialog import OfficeSettingsDialog
from sme_guard.ui.read_only import read_only_badge
from sme_guard.ui.tasks import Runner
from sme_guard.ui.window_size import fit_to_screen, keep_on_screen

if TYPE_CHECKING:
    from sme_guard.ui.assessment.assessment_tab import AssessmentTab
    from sme_guard.ui.guidelines.guidelines_tab import GuidelinesTab
    from sme_guard.ui.incidents.incidents_tab import IncidentsTab
    from sme_guard.ui.policy.policy_tab import PolicyTab
    from sme_guard.ui.registers.register_tab import RegisterTab
    from sme_guard.ui.registers.screens import RegisterGroup

log = logging.getLogger(__name__)

# The registers under the main tabs that group several (ui.registers.screens.GROUPS; repeated
# here so that start-up does not import the register screens).
REGISTER_GROUPS = {"assets": ("media", "devices", "badges"), "access": ("cloud_services", "accounts")}


class MainWindow(QMainWindow):
    database_opened = Signal(object)
    database_failed = Signal(object)

    def __init__(self, lang: str, runner: Runner | None = None) -> None:
        super().__init__()
        self.lang = lang
        self.runner = runner or Runner()
        self.database: Database | None = None
        self.database_path: Path | None = None  # the one opened last (kept while restoring)
        self._offer_restore = True
        self.setWindowTitle(self.tr("SME Guard — information security registers"))
        self.setMinimumSize(720, 480)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self._add_tabs()
        self._add_menus()
        self.database_label = QLabel()
        self.statusBar().addPermanentWidget(self.database_label)
        self.read_only_badge = read_only_badge()
        self.tabs.setCornerWidget(self.read_only_badge, Qt.Corner.TopRightCorner)
        self.read_only_badge.hide()

        if not self.restoreGeometry(settings.WINDOW_GEOMETRY.get()):
            fit_to_screen(self)
        else:
            keep_on_screen(self)
        self.restoreState(settings.WINDOW_STATE.get())
        self.tabs.setCurrentIndex(min(settings.CURRENT_TAB.get(), self.tabs.count() - 1))

    def _add_tabs(self) -> None:
        # ホーム is built at once: it is the first tab and says at start what is overdue.
        self.home = HomeTab(self.lang, self.runner)
        self.home.open_requested.connect(self.open_target)
        self.home.overdue_changed.connect(self._show_overdue)
        self.tabs.addTab(self.home, self.tr("Home"))
        self._reminded = False
        # The other screens sit at their places in the design's order, after ホーム; each is built
        # when first shown, so start-up does not pay for screens the user does not open.
        self.pages = {
            "assets": LazyPage(lambda: self._wire(self._build("assets"))),
            "people": LazyPage(lambda: self._wire(self._build("people"))),
            "access": LazyPage(lambda: self._wire(self._build("access"))),
            "incidents": LazyPage(lambda: self._wire(self._build("incidents"))),
            "continuity": LazyPage(lambda: self._wire(self._continuity_tab())),
            "assessment": LazyPage(lambda: self._wire(self._assessment_tab())),
            "guidelines": LazyPage(lambda: self._wire(self._guidelines_tab())),
            "policy": LazyPage(lambda: self._wire(self._policy_tab())),
        }
        self.tabs.insertTab(1, self.pages["assets"], self.tr("Asset registers"))
        self.tabs.insertTab(2, self.pages["people"], self.tr("Employees"))
        self.tabs.insertTab(3, self.pages["access"], self.tr("Cloud and accounts"))
        self.tabs.insertTab(4, self.pages["incidents"], self.tr("Incidents"))
        self.tabs.insertTab(5, self.pages["continuity"], self.tr("IT continuity"))
        self.tabs.insertTab(6, self.pages["assessment"], self.tr("Self-assessment"))
        self.tabs.insertTab(
            self.tabs.indexOf(self.pages["assessment"]) + 1,
            self.pages["guidelines"],
            self.tr("Staff guidelines"),
        )
        self.tabs.insertTab(
            self.tabs.indexOf(self.pages["guidelines"]) + 1,
            self.pages["policy"],
            self.tr("Policy and SECURITY ACTION"),
        )
        self.catalog_tab: CatalogTab | None = None
        try:
            self.catalog_tab = CatalogTab(bundled_catalog(), self.lang)
            catalog_page: QWidget = self.catalog_tab
        except CatalogError as exc:
            # The rest of the app works without the catalog; say exactly what is wrong with it.
            log.error("catalog rejected: %s", exc.en)
            catalog_page = EmptyState(self.tr("The catalog could not be loaded"), exc.message(self.lang))
        self.tabs.addTab(catalog_page, self.tr("Catalog"))

    def _add_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.setup_action = QAction(self.tr("&Getting started…"), self)  # はじめに
        self.setup_action.triggered.connect(self.show_setup)
        self.setup_action.setEnabled(False)  # until the database is open
        file_menu.addAction(self.setup_action)
        self.setup_wizard: QWidget | None = None
        self.settings_action = QAction(self.tr("Office &settings…"), self)
        self.settings_action.triggered.connect(self.show_office_settings)
        self.settings_action.setEnabled(False)  # until the database is open
        file_menu.addAction(self.settings_action)
        self.history_action = QAction(self.tr("Change &history…"), self)  # 変更履歴
        self.history_action.triggered.connect(self.show_change_history)
        self.history_action.setEnabled(False)  # until the database is open
        file_menu.addAction(self.history_action)
        self.data_safety = DataSafety(self)  # Back up to…, Restore from backup…
        file_menu.addAction(self.data_safety.backup_action)
        file_menu.addAction(self.data_safety.restore_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.edit_menu = EditMenu(self)  # Ctrl+S/N/F, F5, Delete, Esc; unsaved edits asked about
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about_action = QAction(self.tr("&About SME Guard"), self)
        about_action.triggered.connect(self.show_about)
        help_menu.addAction(about_action)

    def show_office_settings(self) -> None:
        if self.database is None:
            return
        dialog = OfficeSettingsDialog(self.database, self.runner, self.lang, self)
        dialog.accepted.connect(self.refresh_register_tabs)
        dialog.open()
        self.office_settings_dialog = dialog

    def show_setup(self) -> None:
        from sme_guard.ui.first_start import open_setup

        open_setup(self)

    def show_change_history(self) -> None:
        if self.database is None:
            return
        from sme_guard.ui.audit.history_dialog import AuditLogDialog  # built when first asked for

        dialog = AuditLogDialog(self.database, self.runner, self.lang, self)
        dialog.open()
        self.change_history_dialog = dialog

    def show_about(self) -> None:
        from sme_guard.ui.about_dialog import AboutDialog  # built when first asked for

        dialog = AboutDialog(self.database.path if self.database else None, self)
        dialog.open()
        self.about_dialog = dialog

    def open_database(self, path: Path, offer_restore: bool = True) -> None:
        """Open (and if needed migrate) the database off the GUI thread. A damaged one gets the
        offer of the newest good backup (``offer_restore``)."""
        self.database_path, self._offer_restore = path, offer_restore
        self.database_label.setText(self.tr("Opening {path} …").format(path=path))
        self.runner.submit(lambda: open_database(path), self._database_ready, self._database_error)

    @property
    def assets_tab(self) -> RegisterGroup:
        return self._group("assets")

    @property
    def access_tab(self) -> RegisterGroup:
        return self._group("access")

    def _group(self, name: str) -> RegisterGroup:
        from sme_guard.ui.registers.screens import RegisterGroup

        page = self.pages[name].content()
        assert isinstance(page, RegisterGroup)
        return page

    @property
    def people_tab(self) -> RegisterTab:
        from sme_guard.ui.registers.register_tab import RegisterTab

        page = self.pages["people"].content()
        assert isinstance(page, RegisterTab)
        return page

    @property
    def incidents_tab(self) -> IncidentsTab:
        from sme_guard.ui.incidents.incidents_tab import IncidentsTab

        page = self.pages["incidents"].content()
        assert isinstance(page, IncidentsTab)
        return page

    def _build(self, name: str) -> QWidget:
        # Screens are imported when first shown: start-up loads none of their modules.
        if name in ("assets", "access"):
            from sme_guard.ui.registers.screens import register_group

            return register_group(name, self.lang, self.runner)
        if name == "people":
            from sme_guard.ui.registers.screens import people_tab

            return people_tab(self.lang, self.runner)
        from sme_guard.ui.incidents.incidents_tab import IncidentsTab

        return IncidentsTab(self.lang, self.runner)

    def _continuity_tab(self) -> QWidget:
        from sme_guard.ui.continuity.continuity_tab import ContinuityTab  # built when first shown

        return ContinuityTab(self.lang, self.runner)

    def _assessment_tab(self) -> QWidget:
        from sme_guard.ui.assessment.assessment_tab import AssessmentTab  # built when first shown

        return AssessmentTab(self.lang, self.runner)

    def _guidelines_tab(self) -> QWidget:
        from sme_guard.ui.guidelines.guidelines_tab import GuidelinesTab  # built when first shown

        return GuidelinesTab(self.lang, self.runner)

    def _policy_tab(self) -> QWidget:
        from sme_guard.ui.policy.policy_tab import PolicyTab  # built when first shown

        return PolicyTab(self.lang, self.runner)

    @property
    def policy_tab(self) -> PolicyTab:
        from sme_guard.ui.policy.policy_tab import PolicyTab

        page = self.pages["policy"].content()
        assert isinstance(page, PolicyTab)
        return page

    @property
    def assessment_tab(self) -> AssessmentTab:
        from sme_guard.ui.assessment.assessment_tab import AssessmentTab

        page = self.pages["assessment"].content()
        assert isinstance(page, AssessmentTab)
        return page

    @property
    def guidelines_tab(self) -> GuidelinesTab:
        from sme_guard.ui.guidelines.guidelines_tab import GuidelinesTab

        page = self.pages["guidelines"].content()
        assert isinstance(page, GuidelinesTab)
        return page

    @property
    def continuity_tab(self) -> RegisterTab:
        from sme_guard.ui.registers.register_tab import RegisterTab

        page = self.pages["continuity"].content()
        assert isinstance(page, RegisterTab)
        return page

    def _registers_in(self, page: QWidget) -> list[RegisterTab]:
        from sme_guard.ui.incidents.incidents_tab import IncidentsTab
        from sme_guard.ui.registers.register_tab import RegisterTab
        from sme_guard.ui.registers.screens import RegisterGroup

        if isinstance(page, RegisterGroup):
            return list(page.registers.values())
        if isinstance(page, IncidentsTab):
            return [page.log]
        return [page] if isinstance(page, RegisterTab) else []

    def _wire(self, page: QWidget) -> QWidget:
        """Connect a page's registers when it is built, and give them the open database."""
        for tab in self._registers_in(page):
            tab.changed.connect(partial(self._reload_registers, except_tab=tab))
            tab.incident_requested.connect(self._record_incident)
            if self.database is not None:
                tab.set_database(self.database)
        for view in self._other_views(page):
            if self.database is not None:
                view.set_database(self.database)
        if page.objectName() == "guidelines":
            # Acknowledging the devices guideline dates the users' smart devices (10⑨).
            cast("GuidelinesTab", page).changed.connect(partial(self._reload_registers, except_tab=page))
        if page.objectName() == "policy":
            cast("PolicyTab", page).changed.connect(self.home.refresh)  # the SECURITY ACTION ★★ checklist
        return page

    def _show_overdue(self, overdue: int) -> None:
        """The tab bar shows how many lines the home list has (the count matches the list);
        at start, ホーム comes first if any is overdue."""
        index = self.tabs.indexOf(self.home)
        title, listed = self.tr("Home"), self.home.model.rowCount()
        self.tabs.setTabText(index, f"{title} ({listed})" if listed else title)
        if overdue and not self._reminded:
            self.tabs.setCurrentIndex(index)
        self._reminded = True

    def open_target(self, target: Target) -> None:
        """Open the record a home line is about."""
        group = next((g for g, keys in REGISTER_GROUPS.items() if target.key in keys), None)
        if target.screen == "register" and group is not None and target.key is not None:
            self.tabs.setCurrentWidget(self.pages[group])
            tab = self._group(group).registers[target.key]
            self._group(group).setCurrentWidget(tab)
            tab.show_record(target.record_id)
        elif target.screen == "stocktake" and target.key in ("media", "devices", "badges"):
            self.tabs.setCurrentWidget(self.pages["assets"])
            tab = self.assets_tab.registers[target.key]
            self.assets_tab.setCurrentWidget(tab)
            tab.toolbar_actions["stocktake"].trigger()
        elif target.screen == "register" and target.key == "people":
            self.tabs.setCurrentWidget(self.pages["people"])
            self.people_tab.show_record(target.record_id)
        elif target.screen == "register" and target.key == "incidents":
            self.tabs.setCurrentWidget(self.pages["incidents"])
            self.incidents_tab.setCurrentWidget(self.incidents_tab.log)
            self.incidents_tab.log.show_record(target.record_id)
        elif target.screen == "contacts":
            self.tabs.setCurrentWidget(self.pages["incidents"])
            self.incidents_tab.setCurrentWidget(self.incidents_tab.contacts)
        elif target.screen == "register" and target.key == "plans":
            self.tabs.setCurrentWidget(self.pages["continuity"])
            self.continuity_tab.show_record(target.record_id)
        elif target.screen == "assessment":
            self.tabs.setCurrentWidget(self.pages["assessment"])
            self.assessment_tab.open_answer(target.record_id, target.key)
        elif target.screen == "tab" and target.key in self.pages:  # a next step on ホーム
            self.tabs.setCurrentWidget(self.pages[target.key])
        elif target.screen == "guidelines" and target.key is not None:
            self.tabs.setCurrentWidget(self.pages["guidelines"])
            self.guidelines_tab.show_acknowledgments(target.key)
        elif target.screen == "policy":
            self.tabs.setCurrentWidget(self.pages["policy"])
            self.policy_tab.show_page(target.key or "policy")

    def _other_views(self, page: QWidget) -> list[Any]:
        """Views besides the registers that show the database (they have set_database/refresh)."""
        from sme_guard.ui.incidents.incidents_tab import IncidentsTab

        if isinstance(page, IncidentsTab):
            return [page.contacts]
        return [page] if page.objectName() in ("assessment", "guidelines", "policy") else []

    def register_tabs(self) -> list[RegisterTab]:
        """The register tabs built so far."""
        return [
            tab for page in self.pages.values() if page.built for tab in self._registers_in(page.content())
        ]

    def refresh_register_tabs(self) -> None:
        for tab in self.register_tabs():
            tab.refresh()

    def _record_incident(self, register: Register, record_id: int) -> None:
        self.tabs.setCurrentWidget(self.pages["incidents"])
        self.incidents_tab.record_from_asset(register, record_id)

    def _reload_registers(self, except_tab: QWidget) -> None:
        """A change in one register (or view) shows in the others: pickers, leaver flags, holdings."""
        for tab in self.register_tabs():
            if tab is not except_tab:
                tab.refresh()
        for page in self.pages.values():
            if page.built:
                for view in self._other_views(page.content()):
                    if view is not except_tab:
                        view.refresh()
        self.home.refresh()

    def _database_ready(self, database: Database) -> None:
        self.database = database
        if database.read_only:  # on a CD-R or a write-protected stick: read, export, print, check
            self.database_label.setText(self.tr("Database: {path} (read-only)").format(path=database.path))
        else:
            self.database_label.setText(self.tr("Database: {path}").format(path=database.path))
        self.read_only_badge.setVisible(database.read_only)
        for tab in self.register_tabs():
            tab.set_database(database)
        for page in self.pages.values():
            if page.built:
                for view in self._other_views(page.content()):
                    view.set_database(database)
        self.home.set_database(database)
        self.settings_action.setEnabled(not database.read_only)
        self.history_action.setEnabled(True)
        self.setup_action.setEnabled(True)
        self.data_safety.database_ready(database)
        self.database_opened.emit(database)
        first_start.offer_at_start(self, database)  # an empty database: はじめに

    def _database_error(self, error: BaseException) -> None:
        path = self.database_path
        if self._offer_restore and path is not None and self.data_safety.handle_open_error(error, path):
            return
        self.open_failed(error)

    def offer_restore(self, error: DatabaseDamagedError) -> bool:
        """Damage found in the open database while working (``ui.errors``): offer the newest
        good backup; the app goes on with the file as it is when that is declined."""
        if self.database is None or self.database_path is None:
            return False
        return self.data_safety.handle_open_error(error, self.database_path, at_start=False)

    def open_failed(self, error: BaseException, shown: bool = False) -> None:
        """No database to work on: say why (unless ``shown`` already) and tell the app."""
        self.database_label.setText(self.tr("No database open"))
        if not shown:
            report_error(error, self.lang)
        self.database_failed.emit(error)

    def close_database(self) -> None:
        """Close the database (before a restore); the screens keep their place."""
        self.runner.wait()  # a save in progress finishes first
        if self.database is not None:
            self.database.close()
            self.database = None
        self.settings_action.setEnabled(False)
        self.history_action.setEnabled(False)
        self.setup_action.setEnabled(False)
        self.data_safety.set_enabled(False)
        self.read_only_badge.hide()
        self.database_label.setText(self.tr("No database open"))

    def bring_to_front(self) -> None:
        """Another start on the same database asked this window to show itself."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        unsaved = self.edit_menu.unsaved_registers()
        if unsaved and not self.edit_menu.settle(unsaved, lambda: QTimer.singleShot(0, self.close)):
            event.ignore()  # cancelled, or closing once the save went through
            return
        if not self.edit_menu.let_drafts_go():
            event.ignore()
            return
        settings.WINDOW_GEOMETRY.set(self.saveGeometry())
        settings.WINDOW_STATE.set(self.saveState())
        settings.CURRENT_TAB.set(self.tabs.currentIndex())
        self.runner.wait()  # let a save in progress finish before the database closes
        if self.database is not None:
            self.database.close()
        super().closeEvent(event)
