"""Pages beside a plan's form: protection and dependencies, recovery steps, disaster
scenarios, and review and drills."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from sme_guard.domain.codes import DisasterScenario, label
from sme_guard.services import clock, continuity
from sme_guard.services.continuity import PlanDetail
from sme_guard.services.values import format_decimal
from sme_guard.ui import dialogs
from sme_guard.ui.continuity.drill_dialog import DrillDialog
from sme_guard.ui.continuity.protection_model import ProtectionModel
from sme_guard.ui.headers import full_names
from sme_guard.ui.plain_table_model import PlainTableModel, plain_table_view
from sme_guard.ui.registers.detail_page import DetailPage, error_label, selected_row
from sme_guard.ui.registers.record_form import ERROR_STYLE
from sme_guard.ui.registers.register_tab import RegisterTab


def _day(value: object) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else ""


class PlanPage(DetailPage):
    detail: PlanDetail | None

    def __init__(self, tab: RegisterTab) -> None:
        super().__init__(tab, lambda database, plan_id: continuity.detail(database, plan_id, clock.today()))


class ProtectionPage(PlanPage):
    """4①: how the system is protected (backup, replication, redundancy, ...) and which other
    plans must be recovered before this one."""

    def __init__(self, tab: RegisterTab) -> None:
        super().__init__(tab)
        self.model = ProtectionModel(
            (self.tr("Measure"), self.tr("In place"), self.tr("Note")), tab.lang, self
        )
        self.view = full_names(QTableView())
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.own_name = QLineEdit()
        self.own_name.setPlaceholderText(self.tr("Another measure, e.g. maintenance contract"))
        self.add_button = QPushButton(self.tr("Add"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.dependencies = QListWidget()
        self.save_button = QPushButton(self.tr("Save protection and dependencies"))
        self.errors = error_label()

        own = QHBoxLayout()
        own.addWidget(self.own_name, 1)
        own.addWidget(self.add_button)
        own.addWidget(self.remove_button)
        protection_box = QGroupBox(self.tr("Protection (control 4①)"))
        protection_layout = QVBoxLayout(protection_box)
        protection_layout.addWidget(self.view, 1)
        protection_layout.addLayout(own)
        dependency_box = QGroupBox(self.tr("Recovered only after these plans"))
        dependency_layout = QVBoxLayout(dependency_box)
        dependency_layout.addWidget(self.dependencies)
        layout = QVBoxLayout(self)
        layout.addWidget(protection_box, 3)
        layout.addWidget(dependency_box, 1)
        layout.addWidget(self.errors)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        self.add_button.clicked.connect(self._add_own)
        self.own_name.returnPressed.connect(self._add_own)
        self.remove_button.clicked.connect(self._remove_own)
        self.save_button.clicked.connect(self.save)
        self.setEnabled(False)

    def show_detail(self) -> None:
        detail = self.detail
        self.model.set_lines(detail.protections if detail else ())
        self.dependencies.clear()
        if detail is None:
            return
        database, plan_id = self.database, detail.id
        chosen = {plan for plan, _name in detail.depends_on}
        self.tab.run(lambda: continuity.plan_choices(database), partial(self._fill_plans, plan_id, chosen))

    def _fill_plans(self, plan_id: int, chosen: set[int], plans: list[tuple[int, str]]) -> None:
        if self.detail is None or self.detail.id != plan_id:
            return
        self.dependencies.clear()
        for other, name in plans:
            if other == plan_id:
                continue
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, other)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if other in chosen else Qt.CheckState.Unchecked)
            self.dependencies.addItem(item)

    def _add_own(self) -> None:
        name = self.own_name.text().strip()
        if name:
            self.view.selectRow(self.model.add_own(name))
            self.own_name.clear()

    def _remove_own(self) -> None:
        row = selected_row(self.view)
        if row is not None:
            self.model.remove(row)

    def checked_dependencies(self) -> list[int]:
        items = (self.dependencies.item(i) for i in range(self.dependencies.count()))
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    def save(self) -> None:
        detail = self.detail
        if detail is None:
            return
        database, lines, depends_on = self.database, self.model.lines(), self.checked_dependencies()

        def work() -> None:
            continuity.set_dependencies(database, detail.id, depends_on)
            continuity.set_protections(database, detail.id, lines)

        self.submit(
            work,
            lambda _result: self.change(lambda: None, self.tr("Protection and dependencies saved.")),
            self.errors,
            {"name": self.tr("Measure")},
        )


class StepsPage(PlanPage):
    """The ordered recovery steps: who does what, where, and how long it takes."""

    def __init__(self, tab: RegisterTab) -> None:
        super().__init__(tab)
        self.steps = PlainTableModel(
            [self.tr("No."), self.tr("Who"), self.tr("What"), self.tr("Where"), self.tr("Minutes")], self
        )
        self.view = plain_table_view(self.steps)
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        for column in (0, 1, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, self.fontMetrics().horizontalAdvance("0") * 16)
        self.total = QLabel()
        self.total.setWordWrap(True)
        self.up_button = QPushButton(self.tr("Earlier"))
        self.down_button = QPushButton(self.tr("Later"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.who = QLineEdit()
        self.who.setPlaceholderText(self.tr("Who"))
        self.what = QLineEdit()
        self.what.setPlaceholderText(self.tr("What is done"))
        self.where = QLineEdit()
        self.where.setPlaceholderText(self.tr("Where"))
        self.minutes = QLineEdit()
        self.minutes.setPlaceholderText(self.tr("Minutes"))
        self.add_button = QPushButton(self.tr("Add step"))
        self.update_button = QPushButton(self.tr("Update step"))
        self.errors = error_label()
        self._select_after_load: int | None = None

        order = QHBoxLayout()
        order.addWidget(self.up_button)
        order.addWidget(self.down_button)
        order.addStretch(1)
        order.addWidget(self.remove_button)
        editor = QGridLayout()
        editor.addWidget(self.what, 0, 0, 1, 4)
        editor.addWidget(self.who, 1, 0)
        editor.addWidget(self.where, 1, 1)
        editor.addWidget(self.minutes, 1, 2)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.update_button)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.total)
        layout.addLayout(order)
        layout.addLayout(editor)
        layout.addWidget(self.errors)
        layout.addLayout(buttons)
        self.up_button.clicked.connect(partial(self._move, -1))
        self.down_button.clicked.connect(partial(self._move, 1))
        self.remove_button.clicked.connect(self._remove)
        self.add_button.clicked.connect(lambda: self._save(None))
        self.update_button.clicked.connect(self._update)
        self.view.selectionModel().currentRowChanged.connect(self._edit_selected)
        self.setEnabled(False)

    def show_detail(self) -> None:
        detail = self.detail
        steps = detail.steps if detail else ()
        self.steps.set_rows(
            [
                (
                    str(s.position),
                    s.who or "",
                    s.what,
                    s.location or "",
                    "" if s.duration_minutes is None else str(s.duration_minutes),
                )
                for s in steps
            ]
        )
        self.view.resizeRowsToContents()
        self._show_total(detail)
        self.update_button.setEnabled(False)
        if self._select_after_load is not None and self._select_after_load < len(steps):
            self.view.selectRow(self._select_after_load)
        self._select_after_load = None

    def _show_total(self, detail: PlanDetail | None) -> None:
        if detail is None or not detail.steps:
            self.total.clear()
            return
        total, objective = detail.steps_minutes, detail.objective_minutes
        if total is None:
            self.total.setText(
                self.tr("Give every step its minutes to compare them with the recovery time objective.")
            )
            self.total.setStyleSheet("")
            return
        text = self.tr("Steps take {total} minutes in all.").format(total=total)
        if objective is not None:
            text += " " + self.tr("Recovery time objective: {objective} minutes.").format(objective=objective)
        over = objective is not None and total > objective
        if over:
            text += " " + self.tr("The steps take longer than the objective.")
        self.total.setText(text)
        self.total.setStyleSheet(ERROR_STYLE if over else "")

    def _edit_selected(self, current: QModelIndex) -> None:
        # The current row changes before the selection does: read the row from the signal.
        row = current.row() if current.isValid() else None
        if self.detail is None or row is None or row >= len(self.detail.steps):
            self.update_button.setEnabled(False)
            return
        step = self.detail.steps[row]
        self.who.setText(step.who or "")
        self.what.setText(step.what)
        self.where.setText(step.location or "")
        self.minutes.setText("" if step.duration_minutes is None else str(step.duration_minutes))
        self.update_button.setEnabled(True)

    def _update(self) -> None:
        row = selected_row(self.view)
        if self.detail is not None and row is not None:
            self._save(self.detail.steps[row].id)

    def _save(self, step_id: int | None) -> None:
        detail = self.detail
        if detail is None:
            return
        database = self.database
        raw = {
            "who": self.who.text(),
            "what": self.what.text(),
            "location": self.where.text(),
            "duration_minutes": self.minutes.text(),
        }

        def done(_result: object) -> None:
            for editor in (self.who, self.what, self.where, self.minutes):
                editor.clear()
            self.change(lambda: None, self.tr("Step saved."))

        self.submit(
            lambda: continuity.save_step(database, detail.id, step_id, raw),
            done,
            self.errors,
            {"what": self.tr("What is done"), "duration_minutes": self.tr("Minutes")},
        )

    def _move(self, offset: int) -> None:
        row = selected_row(self.view)
        detail = self.detail
        if detail is None or row is None:
            return
        step, database = detail.steps[row], self.database
        # The moved step stays selected, so it can be moved again at once.
        self._select_after_load = max(0, min(len(detail.steps) - 1, row + offset))
        self.change(
            lambda: continuity.move_step(database, detail.id, step.id, offset), self.tr("Step moved.")
        )

    def _remove(self) -> None:
        row = selected_row(self.view)
        detail = self.detail
        if detail is None or row is None:
            return
        step, database = detail.steps[row], self.database
        self.change(lambda: continuity.delete_step(database, detail.id, step.id), self.tr("Step removed."))


class ScenariosPage(PlanPage):
    """4③ (参考): the response to each disaster — the four the guideline names and own ones."""

    def __init__(self, tab: RegisterTab) -> None:
        super().__init__(tab)
        note = QLabel(self.tr("(Reference) The guideline lists this as a reference measure (4③)."))
        note.setWordWrap(True)
        self.scenarios = PlainTableModel([self.tr("Disaster"), self.tr("Response")], self)
        self.view = plain_table_view(self.scenarios)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.view.setWordWrap(True)
        self.kind = QComboBox()
        for member in DisasterScenario:
            self.kind.addItem(label(member, tab.lang), member.value)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Name of the disaster, e.g. ransomware"))
        self.response = QPlainTextEdit()
        self.response.setPlaceholderText(self.tr("What the office does in this disaster"))
        self.response.setFixedHeight(72)
        self.add_button = QPushButton(self.tr("Add"))
        self.update_button = QPushButton(self.tr("Update"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.errors = error_label()
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind)
        kind_row.addWidget(self.name, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.update_button)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.view, 1)
        layout.addLayout(kind_row)
        layout.addWidget(self.response)
        layout.addWidget(self.errors)
        layout.addLayout(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.add_button.clicked.connect(lambda: self._save(None))
        self.update_button.clicked.connect(self._update)
        self.remove_button.clicked.connect(self._remove)
        self.view.selectionModel().currentRowChanged.connect(self._edit_selected)
        self._kind_changed()
        self.setEnabled(False)

    def _kind_changed(self) -> None:
        self.name.setEnabled(self.kind.currentData() == DisasterScenario.CUSTOM.value)

    def show_detail(self) -> None:
        detail, lang = self.detail, self.tab.lang
        scenarios = detail.scenarios if detail else ()
        self.scenarios.set_rows([(s.title(lang), s.response or "") for s in scenarios])
        self.view.resizeRowsToContents()
        self.update_button.setEnabled(False)

    def _edit_selected(self, current: QModelIndex) -> None:
        row = current.row() if current.isValid() else None
        if self.detail is None or row is None or row >= len(self.detail.scenarios):
            self.update_button.setEnabled(False)
            return
        scenario = self.detail.scenarios[row]
        self.kind.setCurrentIndex(self.kind.findData(scenario.scenario))
        self.name.setText(scenario.name or "")
        self.response.setPlainText(scenario.response or "")
        self.update_button.setEnabled(True)

    def _update(self) -> None:
        row = selected_row(self.view)
        if self.detail is not None and row is not None:
            self._save(self.detail.scenarios[row].id)

    def _save(self, scenario_id: int | None) -> None:
        detail = self.detail
        if detail is None:
            return
        database = self.database
        raw = {
            "scenario": self.kind.currentData(),
            "name": self.name.text(),
            "response": self.response.toPlainText(),
        }

        def done(_result: object) -> None:
            self.name.clear()
            self.response.clear()
            self.change(lambda: None, self.tr("Scenario saved."))

        self.submit(
            lambda: continuity.save_scenario(database, detail.id, scenario_id, raw),
            done,
            self.errors,
            {"scenario": self.tr("Disaster"), "name": self.tr("Disaster")},
        )

    def _remove(self) -> None:
        row = selected_row(self.view)
        detail = self.detail
        if detail is None or row is None:
            return
        scenario, database = detail.scenarios[row], self.database
        self.change(lambda: continuity.delete_scenario(database, scenario.id), self.tr("Scenario removed."))


class ReviewPage(PlanPage):
    """4②: reviewed regularly; 4 運用①: drills, each against the recovery time objective."""

    def __init__(self, tab: RegisterTab) -> None:
        super().__init__(tab)
        self.review_status = QLabel()
        self.review_status.setWordWrap(True)
        self.review_note = QLineEdit()
        self.review_note.setPlaceholderText(self.tr("What was checked or changed"))
        self.review_button = QPushButton(self.tr("Reviewed today"))
        self.reviews = PlainTableModel([self.tr("Reviewed on"), self.tr("Note")], self)
        self.drills = PlainTableModel(
            [
                self.tr("Held on"),
                self.tr("Scenario"),
                self.tr("Participants"),
                self.tr("Recovery time"),
                self.tr("Plan changed"),
            ],
            self,
        )
        self.drills_view = plain_table_view(self.drills)
        self.drills_view.setWordWrap(True)
        self.drills_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.log_button = QPushButton(self.tr("Log drill…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.dialog: DrillDialog | None = None

        review_box = QGroupBox(self.tr("Review (control 4②)"))
        review_layout = QVBoxLayout(review_box)
        review_layout.addWidget(self.review_status)
        review_row = QHBoxLayout()
        review_row.addWidget(self.review_note, 1)
        review_row.addWidget(self.review_button)
        review_layout.addLayout(review_row)
        self.reviews_view = plain_table_view(self.reviews)
        self.reviews_view.setWordWrap(True)
        self.reviews_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        review_layout.addWidget(self.reviews_view)
        drill_box = QGroupBox(self.tr("Drills (control 4, operation ①)"))
        drill_layout = QVBoxLayout(drill_box)
        drill_layout.addWidget(self.drills_view)
        drill_buttons = QHBoxLayout()
        drill_buttons.addWidget(self.remove_button)
        drill_buttons.addStretch(1)
        drill_buttons.addWidget(self.edit_button)
        drill_buttons.addWidget(self.log_button)
        drill_layout.addLayout(drill_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(review_box)
        layout.addWidget(drill_box, 1)
        self.review_button.clicked.connect(self._reviewed)
        self.log_button.clicked.connect(lambda: self._open_drill(None))
        self.edit_button.clicked.connect(self._edit_drill)
        self.remove_button.clicked.connect(self._remove_drill)
        self.setEnabled(False)

    def show_detail(self) -> None:
        detail = self.detail
        if detail is None:
            self.review_status.clear()
            self.reviews.set_rows([])
            self.drills.set_rows([])
            return
        last = _day(detail.values.get("last_reviewed_on"))
        if detail.next_review_on is None:
            text = self.tr("Never reviewed: review the plan and record it.")
        elif not last:
            text = self.tr("Not reviewed yet; first review due {due}.").format(
                due=detail.next_review_on.isoformat()
            )
        else:
            text = self.tr("Last reviewed {last}; next review due {due}.").format(
                last=last, due=detail.next_review_on.isoformat()
            )
        if detail.review_due and detail.next_review_on is not None:
            text += " " + self.tr("The review is overdue.")
        self.review_status.setText(text)
        self.review_status.setStyleSheet(ERROR_STYLE if detail.review_due else "")
        after_drill = self.tr("After the drill of {day}: {note}")
        self.reviews.set_rows(
            [
                (
                    r.reviewed_on.isoformat(),
                    after_drill.format(day=r.after_drill_on.isoformat(), note=r.note or "")
                    if r.after_drill_on
                    else r.note or "",
                )
                for r in detail.reviews
            ]
        )
        self.reviews_view.resizeRowsToContents()
        self.drills.set_rows(
            [
                (
                    d.held_on.isoformat(),
                    d.scenario or "",
                    "、".join(d.participants) if self.tab.lang == "ja" else ", ".join(d.participants),
                    self._recovery_time(d.minutes_achieved, d.objective_minutes, d.over_objective),
                    d.change_note or "" if d.plan_changed else "",
                )
                for d in detail.drills
            ],
            alerts={row for row, d in enumerate(detail.drills) if d.over_objective},
        )
        self.drills_view.resizeRowsToContents()

    def _recovery_time(self, achieved: int | None, objective: int | None, over: bool) -> str:
        if achieved is None:
            return ""
        if objective is None:
            return self.tr("{achieved} min").format(achieved=achieved)
        text = self.tr("{achieved} / {objective} min").format(achieved=achieved, objective=objective)
        return text + " " + self.tr("(over the objective)") if over else text

    def _reviewed(self) -> None:
        detail = self.detail
        if detail is None:
            return
        database, note, today = self.database, self.review_note.text(), clock.today()

        def work() -> None:
            continuity.mark_reviewed(database, detail.id, today, note)

        self.review_note.clear()
        self.change(work, self.tr("Review recorded."))

    def _open_drill(self, row: int | None) -> None:
        detail = self.detail
        if detail is None:
            return
        drill = detail.drills[row] if row is not None else None
        rto = detail.values.get("rto_hours")
        dialog = DrillDialog(
            detail,
            drill,
            self.tab.people,
            clock.today(),
            None if rto is None else format_decimal(rto),
            self.tab.lang,
            self,
        )
        database, plan_id = self.database, detail.id

        def save() -> None:
            raw, participants = dialog.values(), dialog.participant_ids()
            drill_id = drill.id if drill else None

            def saved(_result: object) -> None:
                dialog.accept()
                self.change(lambda: None, self.tr("Drill saved."))

            self.submit(
                lambda: continuity.save_drill(database, plan_id, drill_id, raw, participants),
                saved,
                dialog.errors,
                dialog.field_names(),
            )

        dialog.save_requested.connect(save)
        self.dialog = dialog
        self.tab.open_dialog = dialog
        dialog.open()

    def _edit_drill(self) -> None:
        row = selected_row(self.drills_view)
        if row is not None:
            self._open_drill(row)

    def _remove_drill(self) -> None:
        row = selected_row(self.drills_view)
        detail = self.detail
        if detail is None or row is None:
            return
        if not dialogs.confirm(self, self.tr("Remove"), self.tr("Remove this drill from the record?")):
            return
        drill, database = detail.drills[row], self.database
        self.change(lambda: continuity.delete_drill(database, detail.id, drill.id), self.tr("Drill removed."))
