"""The IT継続計画 tab: the plans register, with pages for protection, steps, scenarios,
review and drills; plans from example templates; the printed plan; Excel export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from sme_guard.domain.registers import PLANS
from sme_guard.services import clock, continuity
from sme_guard.services.catalog import bundled_plan_templates
from sme_guard.ui.continuity.plan_pages import ProtectionPage, ReviewPage, ScenariosPage, StepsPage
from sme_guard.ui.continuity.template_dialog import TemplateDialog
from sme_guard.ui.registers.excel_actions import export_register
from sme_guard.ui.registers.register_tab import RegisterTab
from sme_guard.ui.tasks import Runner


class ContinuityTab(RegisterTab):
    def __init__(self, lang: str, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(PLANS, lang, runner, parent)
        self.setObjectName("register-plans")
        self.protection = ProtectionPage(self)
        self.steps = StepsPage(self)
        self.scenarios = ScenariosPage(self)
        self.review = ReviewPage(self)
        self.side_pages.setMinimumWidth(460)
        # A plan is mostly what hangs off it: the pages get more room than the short list.
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.add_page(self.tr("Protection"), self.protection)
        self.add_page(self.tr("Recovery steps"), self.steps)
        self.add_page(self.tr("Disasters (reference)"), self.scenarios)
        self.add_page(self.tr("Review and drills"), self.review)
        self.toolbar_actions["template"] = self.add_action(
            self.tr("New from example…"), self.new_from_template, needs_record=False, icon_name="template"
        )
        self.toolbar.addSeparator()
        self.toolbar_actions["print"] = self.add_action(
            self.tr("Print plan…"), self.print_plan, writes=False, icon_name="printer"
        )
        self.toolbar_actions["export"] = self.add_action(
            self.tr("Export to Excel…"),
            lambda: export_register(self),
            needs_record=False,
            writes=False,
            icon_name="file-export",
        )

    def new_from_template(self) -> None:
        dialog = TemplateDialog(bundled_plan_templates(), self.lang, self)
        database, lang = self.require_database(), self.lang

        def create() -> None:
            template, name = dialog.template(), dialog.chosen_name()
            if template is None:
                return

            def done(plan_id: int) -> None:
                self.status_message(self.tr("Plan created from the example. Rewrite it for your office."))
                self.reload(plan_id)
                self._show_record(plan_id)
                self.changed.emit()

            self.run(lambda: continuity.create_from_template(database, template, lang, name), done)

        dialog.accepted.connect(create)
        self.open_dialog = dialog
        dialog.open()

    def print_plan(self) -> None:
        database, plan_id, lang = self.require_database(), self.current_id, self.lang
        if plan_id is None:
            return

        def build(path: Path) -> None:
            from sme_guard.exchange.plan_print import print_plan

            print_plan(database, plan_id, path, lang, clock.today())

        self.save_printout(
            self.tr("Save the plan"),
            self.tr("plan-{name}.pdf").format(name=self.current_values.get("name", "")),
            build,
            lambda _result, path: self.tr("Plan saved to {path}.").format(path=path),
        )
