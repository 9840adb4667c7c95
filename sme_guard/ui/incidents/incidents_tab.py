"""The 障害・事故 tab: the incident log with its workflow pages, and the contact tree."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QWidget

from sme_guard.domain.registers import INCIDENTS, Register
from sme_guard.services import clock, incidents, registers
from sme_guard.ui.incidents.contact_tree_tab import ContactTreeTab
from sme_guard.ui.incidents.incident_pages import LinksPage, ReportingPage, WorkflowPage
from sme_guard.ui.registers.register_tab import RegisterTab
from sme_guard.ui.registers.screens import register_tab
from sme_guard.ui.tasks import Runner


class IncidentsTab(QTabWidget):
    def __init__(self, lang: str, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.log: RegisterTab = register_tab(INCIDENTS, lang, runner)
        self.workflow = WorkflowPage(self.log)
        self.reporting = ReportingPage(self.log)
        self.links = LinksPage(self.log)
        self.log.side_pages.setMinimumWidth(440)  # the workflow pages need more room than a form
        self.log.add_page(QCoreApplication.translate("IncidentsTab", "Handling"), self.workflow)
        self.log.add_page(QCoreApplication.translate("IncidentsTab", "Reporting"), self.reporting)
        self.log.add_page(QCoreApplication.translate("IncidentsTab", "Links"), self.links)
        self.contacts = ContactTreeTab(lang, runner)
        self.addTab(self.log, QCoreApplication.translate("IncidentsTab", "Incident log"))
        self.addTab(self.contacts, QCoreApplication.translate("IncidentsTab", "Contact tree"))
        self.log.loaded.connect(self._people_for_actions)
        self.log.loaded.connect(self.contacts.ensure_loaded)  # the reporting page lists the tree
        self.contacts.changed.connect(self.reporting.set_tree)

    def _people_for_actions(self) -> None:
        self.workflow.set_people(self.log.people)

    def record_from_asset(self, register: Register, record_id: int) -> None:
        """A new incident about an asset (e.g. a badge reported lost), filled in for the user to
        complete (its severity is theirs to judge) and linked to the asset when saved."""
        database, lang = self.log.require_database(), self.lang

        def done(values: dict[str, object]) -> None:
            self.setCurrentWidget(self.log)
            draft = incidents.draft_from_asset(register, values, lang, clock.now())
            self.log.new_record(
                draft, lambda db, raw: incidents.record_about_asset(db, raw, register, record_id)
            )

        self.log.run(lambda: registers.get_record(database, register, record_id), done)
