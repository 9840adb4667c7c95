"""Pages beside an incident's form: its workflow and actions, who was told, what it touches."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from sme_guard.domain.catalog import circled
from sme_guard.domain.codes import IncidentStatus, label
from sme_guard.domain.registers import BADGES, DEVICES, MEDIA
from sme_guard.services import clock, incidents
from sme_guard.services.catalog import bundled_catalog
from sme_guard.services.details import DetailInvalidError
from sme_guard.services.incidents import ContactLine, IncidentDetail
from sme_guard.services.values import ValueProblemError, format_datetime, parse_datetime
from sme_guard.ui.date_field import add_calendar
from sme_guard.ui.plain_table_model import PlainTableModel, plain_table_view
from sme_guard.ui.registers.detail_page import DetailPage, selected_row
from sme_guard.ui.registers.record_form import ERROR_STYLE
from sme_guard.ui.registers.register_tab import RegisterTab


class IncidentPage(DetailPage):
    """Shows the detail of the incident in the tab's form; every change reloads it."""

    detail: IncidentDetail | None

    def __init__(self, tab: RegisterTab) -> None:
        super().__init__(tab, incidents.detail)


class WorkflowPage(IncidentPage):
    """Status 受付 → 対応中 → 再発防止策実施中 → 完了, and the prevention actions (3③)."""

    def __init__(self, tab: RegisterTab) -> None:
        super().__init__(tab)
        lang = tab.lang
        self.status_label = QLabel()
        self.status_buttons: dict[str, QPushButton] = {}
        buttons = QGridLayout()
        for index, status in enumerate(IncidentStatus):
            button = QPushButton(label(status, lang))
            button.clicked.connect(partial(self._move, status))
            self.status_buttons[status.value] = button
            buttons.addWidget(button, index // 2, index % 2)
        self.history = PlainTableModel([self.tr("When"), self.tr("Status"), self.tr("Note")], self)
        self.prevention_actions = PlainTableModel(
            [self.tr("Prevention action"), self.tr("Owner"), self.tr("Due"), self.tr("Done")], self
        )
        self.actions_view = plain_table_view(self.prevention_actions)
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("What will be done so that it does not happen again"))
        self.owner = QComboBox()
        self.due = QLineEdit()
        add_calendar(self.due)
        self.due.setPlaceholderText(self.tr("Due date"))
        self.action_error = QLabel()
        self.action_error.setStyleSheet(ERROR_STYLE)
        self.action_error.hide()
        self.add_button = QPushButton(self.tr("Add action"))
        self.done_button = QPushButton(self.tr("Done today"))
        self.delete_button = QPushButton(self.tr("Remove"))
        new_action = QGridLayout()
        new_action.addWidget(self.description, 0, 0, 1, 3)
        new_action.addWidget(self.owner, 1, 0)
        new_action.addWidget(self.due, 1, 1)
        new_action.addWidget(self.add_button, 1, 2)
        action_buttons = QHBoxLayout()
        action_buttons.addStretch(1)
        action_buttons.addWidget(self.done_button)
        action_buttons.addWidget(self.delete_button)

        status_box = QGroupBox(self.tr("Status (each change is dated)"))
        status_layout = QVBoxLayout(status_box)
        status_layout.addWidget(self.status_label)
        status_layout.addLayout(buttons)
        status_layout.addWidget(plain_table_view(self.history))
        actions_box = QGroupBox(self.tr("Root cause removed by (control 3③)"))
        actions_layout = QVBoxLayout(actions_box)
        actions_layout.addWidget(self.actions_view)
        actions_layout.addLayout(action_buttons)
        actions_layout.addLayout(new_action)
        actions_layout.addWidget(self.action_error)
        layout = QVBoxLayout(self)
        layout.addWidget(status_box)
        layout.addWidget(actions_box, 1)
        self.add_button.clicked.connect(self._add_action)
        self.done_button.clicked.connect(self._done)
        self.delete_button.clicked.connect(self._remove)
        self.setEnabled(False)

    def set_people(self, people: list[tuple[int, str]]) -> None:
        self.owner.clear()
        self.owner.addItem(self.tr("(owner)"), None)
        for person_id, name in people:
            self.owner.addItem(name, person_id)

    def show_detail(self) -> None:
        detail, lang = self.detail, self.tab.lang
        if detail is None:
            self.status_label.clear()
            self.history.set_rows([])
            self.prevention_actions.set_rows([])
            return
        status = IncidentStatus(detail.values["status"])
        self.status_label.setText(self.tr("Now: {status}").format(status=label(status, lang)))
        for value, button in self.status_buttons.items():
            button.setEnabled(value != status.value)
        self.history.set_rows(
            [
                (format_datetime(c.changed_at), label(IncidentStatus(c.status), lang), c.note or "")
                for c in detail.status_changes
            ]
        )
        open_text = self.tr("open")
        self.prevention_actions.set_rows(
            [
                (
                    a.description,
                    a.owner,
                    a.due_on.isoformat() if a.due_on else "",
                    a.done_on.isoformat() if a.done_on else open_text,
                )
                for a in detail.actions
            ]
        )

    def _move(self, status: IncidentStatus) -> None:
        detail = self.detail
        if detail is None:
            return
        database, now = self.database, clock.now()
        self.change(
            lambda: incidents.change_status(database, detail.id, status, now),
            self.tr("Status changed to {status}.").format(status=label(status, self.tab.lang)),
        )

    def _add_action(self) -> None:
        detail = self.detail
        if detail is None:
            return
        database = self.database
        raw = {
            "description": self.description.text(),
            "owner_id": self.owner.currentData(),
            "due_on": self.due.text(),
        }

        def work() -> None:
            incidents.save_action(database, detail.id, None, raw)

        def done(_result: object) -> None:
            self.description.clear()
            self.due.clear()
            self.load(detail.id)

        names = {
            "description": self.tr("Action"),
            "owner_id": self.tr("Owner"),
            "due_on": self.tr("Due date"),
        }
        self.submit(work, done, self.action_error, names)

    def _done(self) -> None:
        row = selected_row(self.actions_view)
        if self.detail is None or row is None:
            return
        action, database, today = self.detail.actions[row], self.database, clock.today()
        self.change(lambda: incidents.set_action_done(database, action.id, today), self.tr("Action done."))

    def _remove(self) -> None:
        row = selected_row(self.actions_view)
        if self.detail is None or row is None:
            return
        action, database = self.detail.actions[row], self.database
        self.change(
            lambda: incidents.delete_line(database, "incident_action", action.id), self.tr("Action removed.")
        )


class ReportingPage(IncidentPage):
    """Who on the contact tree was told, and when (3①); reports to outside bodies (12 運用②)."""

    def __init__(self, tab: RegisterTab) -> None:
        super().__init__(tab)
        self.tree: list[ContactLine] = []
        self.tree_box = QGroupBox(self.tr("Contact tree: record who was told (control 3①)"))
        self.told_at = QLineEdit()
        add_calendar(self.told_at)
        self.told_at.setPlaceholderText(self.tr("When (empty: now), e.g. 2026/11/27 14:30"))
        self.told_error = QLabel()
        self.told_error.setStyleSheet(ERROR_STYLE)
        self.told_error.hide()
        tree_outer = QVBoxLayout(self.tree_box)
        tree_outer.addWidget(self.told_at)
        tree_outer.addWidget(self.told_error)
        self.tree_layout = QFormLayout()
        tree_outer.addLayout(self.tree_layout)
        self.notified = PlainTableModel(
            [self.tr("Told at"), self.tr("Role"), self.tr("Person"), self.tr("How")], self
        )
        self.notified_view = plain_table_view(self.notified)
        self.reports = PlainTableModel([self.tr("Reported to"), self.tr("On"), self.tr("Reference")], self)
        self.reports_view = plain_table_view(self.reports)
        self.reported_to = QLineEdit()
        self.reported_to.setPlaceholderText(self.tr("To whom (e.g. the police, a supervisory body)"))
        self.reported_on = QLineEdit()
        add_calendar(self.reported_on)
        self.reported_on.setPlaceholderText(self.tr("Date"))
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("Reference"))
        self.add_report = QPushButton(self.tr("Add report"))
        self.report_error = QLabel()
        self.report_error.setStyleSheet(ERROR_STYLE)
        self.report_error.hide()
        new_report = QGridLayout()
        new_report.addWidget(self.reported_to, 0, 0, 1, 3)
        new_report.addWidget(self.reported_on, 1, 0)
        new_report.addWidget(self.reference, 1, 1)
        new_report.addWidget(self.add_report, 1, 2)
        reports_box = QGroupBox(self.tr("External reports (届け出)"))
        reports_layout = QVBoxLayout(reports_box)
        reports_layout.addWidget(self.reports_view)
        reports_layout.addLayout(new_report)
        reports_layout.addWidget(self.report_error)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree_box)
        layout.addWidget(self.notified_view, 1)
        layout.addWidget(reports_box, 1)
        self.add_report.clicked.connect(self._add_report)
        self.setEnabled(False)

    def set_tree(self, tree: list[ContactLine]) -> None:
        self.tree = tree
        while self.tree_layout.rowCount():
            self.tree_layout.removeRow(0)
        self.tell_buttons: dict[int, QPushButton] = {}
        if not tree:
            self.tree_layout.addRow(
                QLabel(self.tr("The contact tree is empty: fill it in on the Contact tree tab."))
            )
        for line in tree:
            button = QPushButton(self.tr("Told now"))
            button.clicked.connect(partial(self._tell, line))
            self.tell_buttons[line.id] = button
            self.tree_layout.addRow(f"{line.position}. {line.role}: {line.person} {line.phone or ''}", button)

    def show_detail(self) -> None:
        detail = self.detail
        if detail is None:
            self.notified.set_rows([])
            self.reports.set_rows([])
            return
        self.notified.set_rows(
            [
                (format_datetime(n.notified_at), n.role, n.person, n.channel or "")
                for n in detail.notifications
            ]
        )
        self.reports.set_rows(
            [
                (r.reported_to, r.reported_on.isoformat() if r.reported_on else "", r.reference or "")
                for r in detail.reports
            ]
        )

    def _tell(self, line: ContactLine) -> None:
        detail = self.detail
        if detail is None:
            return
        try:
            when = parse_datetime(self.told_at.text()) or clock.now()
        except ValueProblemError as exc:
            self.told_error.setText(exc.problem.message(self.tab.lang))
            self.told_error.show()
            return
        self.told_error.hide()
        self.told_at.clear()
        database = self.database
        self.change(
            lambda: incidents.record_notification(database, detail.id, line.id, when),
            self.tr("Recorded that {person} was told.").format(person=line.person),
        )

    def _add_report(self) -> None:
        detail = self.detail
        if detail is None:
            return
        database = self.database
        raw = {
            "reported_to": self.reported_to.text(),
            "reported_on": self.reported_on.text(),
            "reference": self.reference.text(),
        }

        def done(_result: object) -> None:
            for box in (self.reported_to, self.reported_on, self.reference):
                box.clear()
            self.report_error.hide()
            self.load(detail.id)

        def failed(error: BaseException) -> None:
            if isinstance(error, DetailInvalidError):
                # One line under the report's fields, which the placeholders already name.
                self.report_error.setText(
                    "\n".join(p.message(self.tab.lang) for p in error.problems.values())
                )
                self.report_error.show()
            else:
                self.tab.show_error(error)

        self.tab.runner.submit(lambda: incidents.save_report(database, detail.id, raw), done, failed)


class LinksPage(IncidentPage):
    """The assets the incident concerns and the guideline measures it relates to."""

    def __init__(self, tab: RegisterTab) -> None:
        super().__init__(tab)
        lang = tab.lang
        self.assets = PlainTableModel([self.tr("Register"), self.tr("Number")], self)
        self.assets_view = plain_table_view(self.assets)
        self.asset_register = QComboBox()
        for register in (MEDIA, DEVICES, BADGES):
            self.asset_register.addItem(register.label(lang), register)
        self.asset_number = QLineEdit()
        self.asset_number.setPlaceholderText(self.tr("Asset or badge number"))
        self.link_asset = QPushButton(self.tr("Link"))
        self.unlink_asset = QPushButton(self.tr("Remove"))
        self.measures = PlainTableModel([self.tr("Measure")], self)
        self.measures_view = plain_table_view(self.measures)
        self.measure_box = QComboBox()
        catalog = bundled_catalog()
        self.measure_texts: dict[str, str] = {}
        for item, measure in catalog.measures():
            text = f"{item.number} {circled(measure.no)} {measure.text.get(lang)}"
            self.measure_texts[measure.id] = text
            self.measure_box.addItem(text[:80], measure.id)
        self.link_measure = QPushButton(self.tr("Link"))
        self.unlink_measure = QPushButton(self.tr("Remove"))
        asset_row = QHBoxLayout()
        for widget in (self.asset_register, self.asset_number, self.link_asset, self.unlink_asset):
            asset_row.addWidget(widget)
        measure_row = QHBoxLayout()
        measure_row.addWidget(self.measure_box, 1)
        measure_row.addWidget(self.link_measure)
        measure_row.addWidget(self.unlink_measure)
        assets_box = QGroupBox(self.tr("Assets concerned"))
        assets_layout = QVBoxLayout(assets_box)
        assets_layout.addWidget(self.assets_view)
        assets_layout.addLayout(asset_row)
        measures_box = QGroupBox(self.tr("Related guideline measures"))
        measures_layout = QVBoxLayout(measures_box)
        measures_layout.addWidget(self.measures_view)
        measures_layout.addLayout(measure_row)
        layout = QVBoxLayout(self)
        layout.addWidget(assets_box, 1)
        layout.addWidget(measures_box, 1)
        self.link_asset.clicked.connect(self._link_asset)
        self.unlink_asset.clicked.connect(self._unlink_asset)
        self.link_measure.clicked.connect(self._link_measure)
        self.unlink_measure.clicked.connect(self._unlink_measure)
        self.setEnabled(False)

    def show_detail(self) -> None:
        detail, lang = self.detail, self.tab.lang
        self.assets.set_rows([(a.register.label(lang), a.number) for a in detail.assets] if detail else [])
        self.measures.set_rows([(self.measure_texts.get(m, m),) for m in detail.measures] if detail else [])

    def _link_asset(self) -> None:
        detail = self.detail
        if detail is None:
            return
        database, register, number = (
            self.database,
            self.asset_register.currentData(),
            self.asset_number.text(),
        )
        self.change(
            lambda: incidents.link_asset_by_number(database, detail.id, register, number),
            self.tr("Asset linked."),
        )
        self.asset_number.clear()

    def _unlink_asset(self) -> None:
        row = selected_row(self.assets_view)
        if self.detail is None or row is None:
            return
        link, database = self.detail.assets[row], self.database
        self.change(
            lambda: incidents.delete_line(database, "incident_asset", link.id), self.tr("Link removed.")
        )

    def _link_measure(self) -> None:
        detail = self.detail
        if detail is None:
            return
        database, measure_id = self.database, self.measure_box.currentData()
        self.change(
            lambda: incidents.link_measure(database, detail.id, measure_id), self.tr("Measure linked.")
        )

    def _unlink_measure(self) -> None:
        row = selected_row(self.measures_view)
        detail = self.detail
        if detail is None or row is None:
            return
        database, measure_id = self.database, detail.measures[row]

        def work() -> None:
            incidents.unlink_measure(database, detail.id, measure_id)

        self.change(work, self.tr("Link removed."))
