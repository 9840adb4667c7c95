"""The IT continuity tab, driven on real widgets: plan editing, step order, protection,
scenarios, review and drills, and a plan from an example template."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from sme_guard.db.database import Database
from sme_guard.domain.registers import PLANS
from sme_guard.services import clock, continuity, registers
from sme_guard.ui import dialogs
from sme_guard.ui.app import configure_application
from sme_guard.ui.continuity.continuity_tab import ContinuityTab
from sme_guard.ui.continuity.drill_dialog import DrillDialog
from sme_guard.ui.continuity.template_dialog import TemplateDialog
from sme_guard.ui.tasks import SynchronousRunner
from tests import factories
from tests.backdating import made_on
from tests.qt_helpers import type_text

TODAY = date(2026, 11, 27)


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    seen: dict[str, Any] = {"confirm": True, "errors": [], "save": None}
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _t, _q: bool(seen["confirm"]))
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, text: seen["errors"].append(text))
    monkeypatch.setattr(dialogs, "save_file", lambda *_args: seen["save"])
    return seen


@pytest.fixture
def tab(qapp: QApplication, qtbot: QtBot, db: Database) -> Iterator[ContinuityTab]:
    configure_application(qapp, "ja")
    widget = ContinuityTab("ja", SynchronousRunner())
    qtbot.addWidget(widget)
    widget.resize(1400, 860)
    widget.show()
    widget.set_database(db)
    yield widget


def _plan(db: Database, name: str = "会計システム", **values: Any) -> int:
    return registers.save_record(db, PLANS, None, {"name": name, "review_interval_days": "365", **values})


def _open(tab: ContinuityTab, plan_id: int) -> None:
    tab.reload(plan_id)
    assert tab.current_id == plan_id


def _cells(model: Any, column: int) -> list[str]:
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_a_plan_is_typed_into_the_form_and_saved(tab: ContinuityTab, db: Database) -> None:
    owner = factories.person(db, "山田 太郎")
    tab.reload()
    form = tab.form
    tab.new_action.trigger()
    type_text(form.editors["name"], "ファイルサーバー")
    form.editors["business_impact"].setPlainText("見積書と図面が開けず、営業が止まる")
    form.editors["damage_and_risk"].setPlainText("図面の消失、納期遅れ")
    type_text(form.editors["rto_hours"], "0.5")
    type_text(form.editors["rpo_hours"], "２４")
    form.editors["owner_id"].setCurrentIndex(form.editors["owner_id"].findData(owner))
    form.editors["depends_on_contact_tree"].setChecked(True)
    tab.save_button.click()

    plan_id = tab.current_id
    assert plan_id is not None
    saved = registers.get_record(db, PLANS, plan_id)
    assert saved["rto_hours"] == 0.5 and saved["rpo_hours"] == 24.0
    assert saved["owner_id"] == owner and saved["depends_on_contact_tree"] is True
    assert saved["review_interval_days"] == 365  # the default interval of 4②
    headers = [tab.model.headerData(i, Qt.Orientation.Horizontal) for i in range(tab.model.columnCount())]
    assert _cells(tab.model, headers.index("目標復旧時間(時間)")) == ["0.5"]


def test_a_wrong_objective_is_named_under_its_field_and_nothing_is_saved(
    tab: ContinuityTab, db: Database
) -> None:
    tab.reload()
    tab.new_action.trigger()
    type_text(tab.form.editors["name"], "メール")
    type_text(tab.form.editors["rto_hours"], "半日")
    tab.save_button.click()
    assert not tab.form.errors["rto_hours"].isHidden() and "数値" in tab.form.errors["rto_hours"].text()
    assert continuity.plan_choices(db) == []


def test_steps_are_added_edited_reordered_and_removed(tab: ContinuityTab, db: Database) -> None:
    plan_id = _plan(db, rto_hours="2")
    _open(tab, plan_id)
    page = tab.steps
    for who, what, minutes in (
        ("システム管理者", "被害範囲を確認する", "20"),
        ("システム管理者", "バックアップから復元する", "90"),
        ("各従業員", "動作を確認する", "30"),
    ):
        page.who.setText(who)
        type_text(page.what, what)
        page.minutes.setText(minutes)
        page.add_button.click()
    assert _cells(page.steps, 2) == ["被害範囲を確認する", "バックアップから復元する", "動作を確認する"]
    assert "140" in page.total.text() and "120" in page.total.text()  # over the 2-hour objective
    assert "目標" in page.total.text()

    page.view.selectRow(2)
    page.up_button.click()
    assert _cells(page.steps, 2) == ["被害範囲を確認する", "動作を確認する", "バックアップから復元する"]
    assert page.view.selectionModel().selectedRows()[0].row() == 1  # the moved step stays selected
    page.up_button.click()
    stored = continuity.detail(db, plan_id, TODAY).steps
    assert [(s.position, s.what) for s in stored] == [
        (1, "動作を確認する"),
        (2, "被害範囲を確認する"),
        (3, "バックアップから復元する"),
    ]

    page.view.selectRow(2)
    assert page.what.text() == "バックアップから復元する"
    page.minutes.setText("60")
    page.update_button.click()
    assert continuity.detail(db, plan_id, TODAY).steps[2].duration_minutes == 60

    page.view.selectRow(0)
    page.remove_button.click()
    stored = continuity.detail(db, plan_id, TODAY).steps
    assert [(s.position, s.what) for s in stored] == [
        (1, "被害範囲を確認する"),
        (2, "バックアップから復元する"),
    ]


def test_a_step_without_what_is_refused_with_the_field_named(tab: ContinuityTab, db: Database) -> None:
    plan_id = _plan(db)
    _open(tab, plan_id)
    tab.steps.who.setText("総務")
    tab.steps.minutes.setText("十分")
    tab.steps.add_button.click()
    assert not tab.steps.errors.isHidden()
    assert "作業内容" in tab.steps.errors.text() or "What" in tab.steps.errors.text()
    assert tab.steps.who.text() == "総務"  # what was typed is kept
    assert continuity.detail(db, plan_id, TODAY).steps == ()


def test_protection_checklist_and_dependencies_are_saved(tab: ContinuityTab, db: Database) -> None:
    server = _plan(db, "ファイルサーバー")
    plan_id = _plan(db)
    _open(tab, plan_id)
    page = tab.protection
    model = page.model
    assert model.rowCount() == 5  # the standard measures are always listed
    model.setData(model.index(0, 1), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    model.setData(model.index(0, 2), "毎晩 NAS へ、週 1 回は社外保管", Qt.ItemDataRole.EditRole)
    type_text(page.own_name, "保守契約")
    page.add_button.click()
    assert model.rowCount() == 6
    items = [page.dependencies.item(i) for i in range(page.dependencies.count())]
    assert [item.text() for item in items] == ["ファイルサーバー"]  # never the plan itself
    items[0].setCheckState(Qt.CheckState.Checked)
    page.save_button.click()

    detail = continuity.detail(db, plan_id, TODAY)
    assert [(p.measure, p.name, p.in_place, p.note) for p in detail.protections] == [
        ("backup", None, True, "毎晩 NAS へ、週 1 回は社外保管"),
        ("other", "保守契約", False, None),
    ]
    assert detail.depends_on == ((server, "ファイルサーバー"),)
    assert page.model.rowCount() == 6  # reloaded from the database as saved


def test_a_circular_dependency_is_refused_with_the_plans_named(
    tab: ContinuityTab, db: Database, answers: dict[str, Any]
) -> None:
    server = _plan(db, "ファイルサーバー")
    plan_id = _plan(db)
    continuity.set_dependencies(db, server, [plan_id])
    _open(tab, plan_id)
    tab.protection.dependencies.item(0).setCheckState(Qt.CheckState.Checked)
    tab.protection.save_button.click()
    assert answers["errors"] and "循環" in answers["errors"][0] and "ファイルサーバー" in answers["errors"][0]
    assert continuity.detail(db, plan_id, TODAY).depends_on == ()


def test_scenarios_of_the_guideline_and_own_ones(tab: ContinuityTab, db: Database) -> None:
    plan_id = _plan(db)
    _open(tab, plan_id)
    page = tab.scenarios
    page.kind.setCurrentIndex(page.kind.findData("earthquake"))
    assert not page.name.isEnabled()
    page.response.setPlainText("安全確認の後、クラウドの会計データで業務を再開")
    page.add_button.click()
    page.kind.setCurrentIndex(page.kind.findData("custom"))
    assert page.name.isEnabled()
    page.response.setPlainText("LAN から切り離す")
    page.add_button.click()
    assert "名称" in page.errors.text()  # an own disaster needs its name
    type_text(page.name, "ランサムウェア")
    page.add_button.click()
    assert _cells(page.scenarios, 0) == ["地震", "ランサムウェア"]
    stored = continuity.detail(db, plan_id, TODAY).scenarios
    assert [(s.scenario, s.name, s.response) for s in stored] == [
        ("earthquake", None, "安全確認の後、クラウドの会計データで業務を再開"),
        ("custom", "ランサムウェア", "LAN から切り離す"),
    ]


def test_review_today_clears_the_due_flag(tab: ContinuityTab, db: Database) -> None:
    plan_id = _plan(db, last_reviewed_on=None)
    tab.reload(plan_id)
    assert tab.model.listing is not None
    assert _cells(tab.model, 1) == [""]  # made today: not due for a year
    made_on(db, "continuity_plan", plan_id, date(2025, 6, 1))
    tab.reload(plan_id)
    flags = _cells(tab.model, 1)
    assert flags == ["見直し期限"]  # made long ago, never reviewed: due
    assert "見直していません" in tab.review.review_status.text()
    type_text(tab.review.review_note, "連絡先を更新")
    tab.review.review_button.click()
    assert _cells(tab.model, 1) == [""]
    detail = continuity.detail(db, plan_id, TODAY)
    assert detail.values["last_reviewed_on"] == TODAY and detail.next_review_on == date(2027, 11, 27)
    assert [(r.reviewed_on, r.note) for r in detail.reviews] == [(TODAY, "連絡先を更新")]
    assert _cells(tab.review.reviews, 1) == ["連絡先を更新"]


def test_a_drill_over_its_objective_is_flagged_and_its_plan_change_linked(
    tab: ContinuityTab, db: Database, qtbot: QtBot, answers: dict[str, Any]
) -> None:
    sato, suzuki = factories.person(db, "佐藤 花子"), factories.person(db, "鈴木 一郎")
    plan_id = _plan(db, rto_hours="4")
    continuity.save_scenario(db, plan_id, None, {"scenario": "blackout", "response": "UPS で停止"})
    continuity.mark_reviewed(db, plan_id, date(2026, 4, 1), None)
    _open(tab, plan_id)
    page = tab.review
    page.log_button.click()
    dialog = page.dialog
    assert isinstance(dialog, DrillDialog)
    assert dialog.held_on.text() == "2026-11-27"
    assert dialog.scenario.findText("大規模停電") >= 0  # the plan's scenarios are offered
    dialog.scenario.setCurrentText("大規模停電")
    for row in range(dialog.participants.count()):
        dialog.participants.item(row).setCheckState(Qt.CheckState.Checked)
    type_text(dialog.minutes, "300")
    dialog.findings.setPlainText("復元手順書の場所が分からなかった")
    dialog.plan_changed.setChecked(True)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible() and "計画" in dialog.errors.text()  # how it changed must be said
    dialog.change_note.setPlainText("手順書をサーバーラックに掲示")
    with qtbot.waitSignal(dialog.finished):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    detail = continuity.detail(db, plan_id, TODAY)
    (drill,) = detail.drills
    assert drill.minutes_achieved == 300 and drill.objective_minutes == 240 and drill.over_objective
    assert set(drill.participant_ids) == {sato, suzuki}
    assert drill.scenario == "大規模停電"
    # The change is a review of the plan, linked from the drill.
    assert (
        detail.reviews[0].id == drill.change_review_id
        and detail.reviews[0].note == "手順書をサーバーラックに掲示"
    )
    assert detail.values["last_reviewed_on"] == TODAY
    assert page.drills.alerts == {0}
    assert "超過" in _cells(page.drills, 3)[0]
    assert "訓練で目標超過" in _cells(tab.model, 1)[0]

    # Changing the objective later does not rewrite whether that drill met it.
    registers.save_record(db, PLANS, plan_id, {**registers.get_record(db, PLANS, plan_id), "rto_hours": 8})
    assert continuity.detail(db, plan_id, TODAY).drills[0].over_objective

    page.drills_view.selectRow(0)
    page.remove_button.click()
    detail = continuity.detail(db, plan_id, TODAY)
    assert detail.drills == () and [r.reviewed_on for r in detail.reviews] == [date(2026, 4, 1)]
    assert detail.values["last_reviewed_on"] == date(2026, 4, 1)


def test_a_plan_starts_from_an_example_template(tab: ContinuityTab, db: Database) -> None:
    tab.reload()
    tab.toolbar_actions["template"].trigger()
    dialog = tab.open_dialog
    assert isinstance(dialog, TemplateDialog)
    assert dialog.choices.count() >= 3 and "(例)" in dialog.choices.item(0).text()
    dialog.choices.setCurrentRow(0)
    template = dialog.template()
    assert template is not None
    dialog.name.setText("本社の会計")
    dialog.accept()

    plan_id = tab.current_id
    assert plan_id is not None
    detail = continuity.detail(db, plan_id, TODAY)
    assert detail.name == "本社の会計"
    assert [s.what for s in detail.steps] == [s.what for s in template.ja.steps]
    assert tab.form.editors["business_impact"].toPlainText() == template.ja.business_impact
    assert _cells(tab.steps.steps, 2) == [s.what for s in template.ja.steps]


def test_the_plan_is_printed_where_the_user_chooses(
    tab: ContinuityTab, db: Database, answers: dict[str, Any], tmp_path: Path
) -> None:
    plan_id = _plan(db)
    continuity.save_step(db, plan_id, None, {"what": "サーバーを再起動する"})
    _open(tab, plan_id)
    answers["save"] = tmp_path / "計画.pdf"
    tab.toolbar_actions["print"].trigger()
    assert (tmp_path / "計画.pdf").read_bytes().startswith(b"%PDF")


def test_the_protection_model_keeps_qt_model_rules(
    qtmodeltester: Any, tab: ContinuityTab, db: Database
) -> None:
    plan_id = _plan(db)
    continuity.set_protections(
        db, plan_id, [continuity.ProtectionLine("other", "保守契約", True, "年1回点検")]
    )
    _open(tab, plan_id)
    model = tab.protection.model
    assert model.rowCount() == 6
    assert not model.remove(0)  # a standard measure is always listed
    qtmodeltester.check(model)
    assert model.remove(5) and model.rowCount() == 5
    qtmodeltester.check(model)
