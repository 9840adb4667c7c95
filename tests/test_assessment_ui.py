"""The 自己点検 tab, driven on real widgets: a run from start to score, task sheets and open
risks, and two runs compared."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from sme_guard.db.database import Database
from sme_guard.domain.registers import PEOPLE
from sme_guard.services import assessments, clock, registers
from sme_guard.services.catalog import bundled_catalog
from sme_guard.ui import dialogs
from sme_guard.ui.app import configure_application
from sme_guard.ui.assessment.assessment_tab import AssessmentTab
from sme_guard.ui.assessment.run_dialogs import NewRunDialog
from sme_guard.ui.tasks import SynchronousRunner
from tests.qt_helpers import type_text

TODAY = date(2026, 11, 27)


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    seen: dict[str, Any] = {"confirm": True, "errors": []}
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _t, _q: bool(seen["confirm"]))
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, text: seen["errors"].append(text))
    return seen


@pytest.fixture
def tab(qapp: QApplication, qtbot: QtBot, db: Database) -> Iterator[AssessmentTab]:
    configure_application(qapp, "ja")
    widget = AssessmentTab("ja", SynchronousRunner())
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    widget.set_database(db)
    yield widget


def _cells(model: Any, column: int) -> list[str]:
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def _start(tab: AssessmentTab, name: str, *, from_last: bool = False) -> None:
    tab.toolbar_actions["new"].trigger()
    dialog = tab.open_dialog
    assert isinstance(dialog, NewRunDialog)
    dialog.name.setText(name)
    dialog.from_last.setChecked(from_last)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def _answer(tab: AssessmentTab, item_number: int, measure_row: int, status: str, **fields: str) -> None:
    page = tab.measures
    page.select_item(item_number)
    page.measures_view.selectRow(measure_row)
    page.status.buttons[status].click()
    for key, text in fields.items():
        getattr(page, key).setText(text)
    page.save_button.click()


def test_a_run_is_answered_and_scored(tab: AssessmentTab, db: Database) -> None:
    owner = registers.save_record(
        db, PEOPLE, None, {"name": "山田 太郎", "employment_type": "regular", "role": "system_admin"}
    )
    tab.reload()
    assert "まだ" in tab.summary.text()  # no run yet
    _start(tab, "2026年度 自己点検")
    (run,) = assessments.runs(db)
    assert run.name == "2026年度 自己点検" and run.held_on == TODAY
    assert "0%" in tab.summary.text()  # nothing answered counts as 未実施

    catalog = bundled_catalog()
    item = catalog.item(9)
    assert item is not None
    baseline = [m for m in item.measures if not m.reference]
    page = tab.measures
    page.select_item(9)
    assert "記憶媒体" in page.item_text.toPlainText()  # 管理目的 and points beside the measures
    assert page.measures.rowCount() == len(item.measures)
    _answer(tab, 9, 0, "done", evidence="台帳で管理")
    page.owner.setCurrentIndex(page.owner.findData(owner))
    _answer(tab, 9, 1, "partial", due="2027-03-31")
    _answer(tab, 9, 2, "not_applicable")

    saved = assessments.answers(db, run.id)
    first, second = (saved.measure(m.id) for m in item.measures[:2])
    assert (first.status, first.evidence) == ("done", "台帳で管理")
    assert (second.status, second.owner_id, second.due_on) == ("partial", owner, date(2027, 3, 31))
    # 1 + 0.5 over the counted measures (対象外 left out), shown as a percentage with counts.
    counted = len(baseline) - (0 if item.measures[2].reference else 1)
    expected = 100 * 1.5 / counted
    assert f"{expected:.0f}%" in page.item_score.text()
    row = [i.number for i in catalog.items].index(9)
    assert _cells(page.items, 2)[row] == f"{expected:.0f}%"
    total = sum(len([m for m in i.measures if not m.reference]) for i in catalog.items) - (
        0 if item.measures[2].reference else 1
    )
    assert f"{100 * 1.5 / total:.0f}%" in tab.summary.text()


def test_reference_measures_are_scored_apart(tab: AssessmentTab, db: Database) -> None:
    catalog = bundled_catalog()
    item = next(i for i in catalog.items if any(m.reference for m in i.measures))
    row = next(r for r, m in enumerate(item.measures) if m.reference)
    tab.reload()
    _start(tab, "点検")
    tab.measures.select_item(item.number)
    assert "(参考" in _cells(tab.measures.measures, 0)[row]
    _answer(tab, item.number, row, "done")
    run = assessments.answers(db, assessments.runs(db)[0].id)
    score = assessments.item_score(item, run)
    assert score.reference.done == 1 and score.baseline.done == 0  # never counted in the baseline
    assert "0%" in tab.summary.text()


def test_a_wrong_target_date_is_named_and_not_saved(tab: AssessmentTab, db: Database) -> None:
    tab.reload()
    _start(tab, "点検")
    _answer(tab, 2, 0, "partial", due="来年")
    assert not tab.measures.errors.isHidden() and "目標日" in tab.measures.errors.text()
    run = assessments.answers(db, assessments.runs(db)[0].id)
    assert run.measures == {}


def test_task_sheets_are_answered_and_open_risks_listed(tab: AssessmentTab, db: Database) -> None:
    catalog = bundled_catalog()
    tab.reload()
    _start(tab, "点検")
    page = tab.sheets
    tab.pages.setCurrentWidget(page)
    # Nothing answered yet: the empty risk list is not an all-clear, and says so.
    assert page.risks.rows == []
    assert (
        page.risks_note.text()
        == "業務シート 5 件のうち 5 件が未回答です。未回答のシートのリスクは評価されていません。"
    )
    sheet = catalog.sheets[0]
    page.select_sheet(sheet.number)
    assert sheet.title.ja in page.sheet_text.toPlainText()
    # The sheet's 実施責任 boxes are preselected.
    assert {code for code, box in page.responsibility.items() if box.isChecked()} == set(sheet.responsibility)
    page.applies.setCurrentIndex(page.applies.findData(True))
    page.technical.buttons["partial"].click()
    page.human.buttons["not_done"].click()
    type_text(page.due, "2027-01-31")
    page.save_button.click()

    run = assessments.answers(db, assessments.runs(db)[0].id)
    answer = run.sheet(sheet)
    assert (answer.applies, answer.technical_status, answer.human_status) == (True, "partial", "not_done")
    assert answer.due_on == date(2027, 1, 31)
    assert _cells(page.risks, 0) == [f"No.{sheet.number}"]
    assert _cells(page.sheets, 2)[0] == "該当"

    other = catalog.sheets[1]
    page.select_sheet(other.number)
    page.applies.setCurrentIndex(page.applies.findData(False))
    page.save_button.click()
    assert _cells(page.risks, 0) == [f"No.{sheet.number}"]  # a sheet that does not apply is no risk
    assert "3 件が未回答" in page.risks_note.text()


def test_a_related_measure_in_a_sheet_opens_its_item(tab: AssessmentTab) -> None:
    tab.reload()
    _start(tab, "点検")
    tab.pages.setCurrentWidget(tab.sheets)
    tab.show_link("item:9")
    assert tab.pages.currentWidget() is tab.measures
    assert tab.measures.current_item is not None and tab.measures.current_item.number == 9


def test_two_runs_are_compared(tab: AssessmentTab, db: Database) -> None:
    tab.reload()
    _start(tab, "2025年度")
    _answer(tab, 2, 0, "done")
    _answer(tab, 2, 1, "partial")
    first = assessments.runs(db)[0].id
    _start(tab, "2026年度", from_last=True)
    second = assessments.runs(db)[0]
    assert second.name == "2026年度"
    kept = assessments.answers(db, second.id)
    assert kept.measure("ctl-02-m1").status == "done"  # started from the last run's answers
    _answer(tab, 2, 0, "not_done")
    _answer(tab, 2, 1, "done")

    page = tab.compare
    assert page.before.currentData() == first and page.after.currentData() == second.id
    page.refresh()
    assert [row[0] for row in page.improved.rows] == ["2② " + bundled_catalog().items[0].measures[1].text.ja]
    assert page.fell_back.rows[0][1:] == ("実施済", "未実施")
    row = _cells(page.items, 0).index("2. クラウドサービスの利用")
    assert page.items.rows[row][3] != ""


def test_deleting_a_run_asks_first(tab: AssessmentTab, db: Database, answers: dict[str, Any]) -> None:
    tab.reload()
    _start(tab, "点検")
    answers["confirm"] = False
    tab.toolbar_actions["delete"].trigger()
    assert len(assessments.runs(db)) == 1
    answers["confirm"] = True
    tab.toolbar_actions["delete"].trigger()
    assert assessments.runs(db) == []
    assert "まだ" in tab.summary.text()


def test_an_own_task_sheet_is_created_and_assessed(tab: AssessmentTab, db: Database, qtbot: QtBot) -> None:
    from sme_guard.ui.assessment.entry_editors import SheetEditor

    tab.reload()
    _start(tab, "点検")
    own = tab.own
    own.buttons["new_sheet"].click()
    editor = own.dialog
    assert isinstance(editor, SheetEditor)
    assert "情報を処理・保存するための実体" in editor.labels.values()  # the legend's own fields
    type_text(editor.title_edit, "訪問者の受付")
    editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert editor.isVisible() and not editor.errors.isHidden()  # nothing ticked or written yet
    assert "影響" in editor.errors.text()
    editor.phase.setCurrentIndex(editor.phase.findData("arrival"))
    for key, code in (
        ("entities", next(iter(editor.boxes["entities"]))),
        ("impacts", "confidentiality"),
        ("threats", next(iter(editor.boxes["threats"]))),
        ("responsibility", "business_manager"),
    ):
        editor.boxes[key][code].setChecked(True)
    editor.texts["objective"].setPlainText("来訪者による情報の持ち出しを防ぐ")
    editor.texts["weakness"].setPlainText("受付簿がない")
    editor.texts["risk_scenario"].setPlainText("来訪者が執務室に入り書類を持ち出す")
    editor.lists["human_measures"].setPlainText("受付簿に記入してもらう\n来訪者バッジを渡す")
    editor.related.setPlainText("9: 1")
    with qtbot.waitSignal(editor.finished):
        editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    catalog = tab.catalog
    assert catalog is not None
    sheet = next(s for s in catalog.sheets if s.origin == "office")
    assert sheet.title.ja == "訪問者の受付" and [m.ja for m in sheet.human_measures] == [
        "受付簿に記入してもらう",
        "来訪者バッジを渡す",
    ]
    assert [e[2] for e in tab.own.entries.rows] == ["訪問者の受付"]

    # Assessed like the guideline's sheets.
    page = tab.sheets
    page.select_sheet(sheet.number)
    assert "訪問者の受付" in page.sheet_text.toPlainText()
    page.applies.setCurrentIndex(page.applies.findData(True))
    page.human.buttons["not_done"].click()
    page.save_button.click()
    answer = assessments.answers(db, assessments.runs(db)[0].id).sheet(sheet)
    assert answer.applies and answer.human_status == "not_done"
    assert f"No.{sheet.number}" in _cells(page.risks, 0)


def test_an_own_catalog_file_moves_to_another_office(
    tab: AssessmentTab, db: Database, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sme_guard.db.database import open_database
    from sme_guard.services import office_catalog, office_catalog_files

    tab.reload()
    tab.own.copy_from.setCurrentIndex(tab.own.copy_from.findData(bundled_catalog().sheets[0].number))
    tab.own.buttons["copy_sheet"].click()
    assert len(tab.own.entries.rows) == 1 and "（写）" in tab.own.entries.rows[0][2]
    target = tmp_path / "自社.yaml"
    monkeypatch.setattr(dialogs, "save_file", lambda *_args: target)
    tab.own.buttons["export"].click()
    other = open_database(tmp_path / "other.sqlite3")
    try:
        summary = office_catalog_files.import_office_catalog(other, target)
        assert summary.sheets_added == 1
        assert office_catalog.office_entries(other) == office_catalog.office_entries(db)
    finally:
        other.close()


def test_the_report_checklist_and_excel_go_where_the_user_chooses(
    tab: AssessmentTab, db: Database, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import load_workbook

    from sme_guard.ui.assessment.run_dialogs import ChecklistDialog

    tab.reload()
    _start(tab, "点検")
    _answer(tab, 9, 0, "done")
    chosen: dict[str, Any] = {}
    monkeypatch.setattr(dialogs, "save_file", lambda *_args: chosen["path"])
    chosen["path"] = tmp_path / "report.pdf"
    tab.toolbar_actions["report"].trigger()
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")

    chosen["path"] = tmp_path / "checklist.pdf"
    tab.toolbar_actions["checklist"].trigger()
    dialog = tab.open_dialog
    assert isinstance(dialog, ChecklistDialog)
    dialog.filled.setChecked(True)
    dialog.accept()
    assert (tmp_path / "checklist.pdf").read_bytes().startswith(b"%PDF")

    chosen["path"] = tmp_path / "runs.xlsx"
    tab.toolbar_actions["export"].trigger()
    sheet = load_workbook(tmp_path / "runs.xlsx")["管理策"]
    statuses = [row[7] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert statuses.count("実施済") == 1


def test_the_checklist_dialog_has_headings_and_select_all_or_none(
    tab: AssessmentTab, monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    from sme_guard.ui.assessment.run_dialogs import ChecklistDialog

    catalog = bundled_catalog()
    tab.reload()
    monkeypatch.setattr(dialogs, "save_file", lambda *_args: tmp_path / "checklist.pdf")
    tab.toolbar_actions["checklist"].trigger()
    dialog = tab.open_dialog
    assert isinstance(dialog, ChecklistDialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert (dialog.items.title(), dialog.sheets.title()) == ("管理項目(第1部)", "業務シート(第2部)")
    assert dialog.chosen_items() == [i.number for i in catalog.items]
    total = len(catalog.sheets)
    assert dialog.sheets.count.text() == f"{total} 件中 {total} 件を選択"
    dialog.items.none_button.click()
    dialog.sheets.none_button.click()
    assert (dialog.chosen_items(), dialog.chosen_sheets()) == ([], [])
    assert not ok.isEnabled()  # a checklist of nothing is not printed
    dialog.sheets.all_button.click()
    assert dialog.chosen_sheets() == [s.number for s in catalog.sheets] and ok.isEnabled()
    dialog.sheets.list.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.sheets.count.text() == f"{total} 件中 {total - 1} 件を選択"
    ok.click()
    assert (tmp_path / "checklist.pdf").read_bytes().startswith(b"%PDF")


def test_esc_in_an_answer_puts_back_what_was_saved(
    tab: AssessmentTab, answers: dict[str, Any], qtbot: QtBot
) -> None:
    from PySide6.QtTest import QTest

    tab.reload()
    _start(tab, "点検")
    _answer(tab, 9, 0, "partial", evidence="金庫で保管")
    page = tab.measures
    page.measures_view.selectRow(0)
    page.evidence.setText("書きかけ")
    page.status.buttons["done"].click()
    answers["confirm"] = False  # "discard the changes?" - no: they stay
    page.evidence.setFocus()
    QTest.keyClick(page.evidence, Qt.Key.Key_Escape)
    assert page.evidence.text() == "書きかけ"
    answers["confirm"] = True
    QTest.keyClick(page.evidence, Qt.Key.Key_Escape)
    assert page.evidence.text() == "金庫で保管" and page.status.value() == "partial"

    sheets = tab.sheets
    tab.pages.setCurrentWidget(sheets)
    sheets.sheets_view.selectRow(0)
    sheets.notes.setText("メモ")
    sheets.notes.setFocus()
    QTest.keyClick(sheets.notes, Qt.Key.Key_Escape)
    assert sheets.notes.text() == ""
