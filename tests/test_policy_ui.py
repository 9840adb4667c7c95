"""The 方針・SECURITY ACTION tab, driven on real widgets: the office's name and representative,
a basic policy drafted, edited, issued and published; the rules drawn from an assessment and
previewed; unsaved edits asked about; declarations and self-diagnosis results entered with
their checks and hints; a ホーム line opening the tab; the 対象外 reason on the assessment."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from sme_guard.db.database import Database
from sme_guard.domain.codes import PolicyKind, SecurityActionLevel
from sme_guard.domain.due import Target
from sme_guard.services import assessments, clock, policies
from sme_guard.services import security_action as action
from sme_guard.ui import dialogs
from sme_guard.ui.app import configure_application
from sme_guard.ui.assessment.assessment_tab import AssessmentTab
from sme_guard.ui.main_window import MainWindow
from sme_guard.ui.policy.diagnosis_dialog import DiagnosisDialog
from sme_guard.ui.policy.document_page import PublicationDialog
from sme_guard.ui.policy.policy_tab import PolicyTab
from sme_guard.ui.tasks import SynchronousRunner
from tests.factories import office_identity, seeded_assessment
from tests.qt_helpers import type_text

TODAY = date(2026, 11, 27)


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    seen: dict[str, Any] = {"confirm": True, "asked": [], "errors": [], "infos": [], "save": None}

    def confirm(_parent: Any, _title: str, question: str) -> bool:
        seen["asked"].append(question)
        return bool(seen["confirm"])

    monkeypatch.setattr(dialogs, "confirm", confirm)
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, text: seen["errors"].append(text))
    monkeypatch.setattr(dialogs, "show_info", lambda _p, _t, text: seen["infos"].append(text))
    monkeypatch.setattr(dialogs, "save_file", lambda *_args: seen["save"])
    return seen


@pytest.fixture
def tab(qapp: QApplication, qtbot: QtBot, db: Database) -> Iterator[PolicyTab]:
    configure_application(qapp, "ja")
    widget = PolicyTab("ja", SynchronousRunner())
    qtbot.addWidget(widget)
    widget.resize(1366, 740)
    widget.show()
    widget.set_database(db)
    yield widget


def _cells(model: Any, column: int) -> list[str]:
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_a_policy_is_drafted_edited_issued_and_published(
    tab: PolicyTab, db: Database, answers: dict[str, Any], qtmodeltester: Any
) -> None:
    page = tab.policy
    assert page.editor.document is None and page.toolbar_actions["new"].isEnabled()
    assert not page.toolbar_actions["issue"].isEnabled() and not page.toolbar_actions["print"].isEnabled()

    # Without the office's name there is nothing to fill the template with: said under it.
    page.toolbar_actions["new"].trigger()
    assert not tab.identity_error.isHidden() and "事業所名" in tab.identity_error.text()
    assert policies.versions(db, PolicyKind.POLICY) == []
    type_text(tab.office_name, "株式会社サンプル")
    type_text(tab.representative, "代表取締役 山田 太郎")
    tab.identity_button.click()
    assert policies.office_identity(db) == ("株式会社サンプル", "代表取締役 山田 太郎")

    page.toolbar_actions["new"].trigger()
    editor = page.editor
    assert editor.document is not None and editor.document.info.version == 1
    assert list(editor.sections) == [
        "purpose",
        "scope",
        "commitment",
        "compliance",
        "education",
        "incidents",
        "improvement",
    ]
    assert editor.sections["purpose"].body.toPlainText().startswith("株式会社サンプル(以下「当社」")
    assert not page.toolbar_actions["new"].isEnabled()  # one draft at a time
    education = editor.sections["education"]
    education.body.clear()
    assert editor.dirty
    page.toolbar_actions["save"].trigger()  # an empty section: named under it, nothing saved
    assert not education.error.isHidden() and "入力してください" in education.error.text()
    education.body.setFocus()
    type_text(education.body, "年2回、全員に研修を行います。")
    QTest.keySequence(education.body, QKeySequence(QKeySequence.StandardKey.Save))  # Ctrl+S
    assert education.error.isHidden() and not editor.dirty
    saved = policies.document(db, editor.document.info.id)
    assert {s.key: s.body for s in saved.sections}["education"] == "年2回、全員に研修を行います。"

    page.toolbar_actions["issue"].trigger()
    assert "第1版を本日(2026-11-27)" in answers["asked"][-1]
    issued = policies.current_version(db, PolicyKind.POLICY)
    assert issued is not None and issued.issued_on == TODAY
    assert editor.title.isReadOnly() and editor.sections["education"].body.isReadOnly()  # rebuilt on load
    assert not page.toolbar_actions["save"].isEnabled() and page.toolbar_actions["publish"].isEnabled()
    assert _cells(page.version_model, 2) == ["2026-11-27"]

    page.toolbar_actions["publish"].trigger()
    dialog = page.open_dialog
    assert isinstance(dialog, PublicationDialog) and dialog.published_on.text() == "2026-11-27"
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    save.click()  # where: missing
    assert dialog.isVisible() and "公表先" in dialog.errors.text()
    type_text(dialog.published_where, "https://www.example.co.jp/security/")
    save.click()
    assert not dialog.isVisible()
    info = policies.current_version(db, PolicyKind.POLICY)
    assert info is not None and info.published_where == "https://www.example.co.jp/security/"
    assert _cells(page.version_model, 3) == ["2026-11-27"]
    qtmodeltester.check(page.version_model)
    assert answers["errors"] == []


def test_the_rules_are_drawn_from_the_assessment_and_previewed(
    tab: PolicyTab, db: Database, answers: dict[str, Any], tmp_path: Any
) -> None:
    page = tab.rules
    tab.pages.setCurrentWidget(page)
    page.toolbar_actions["new"].trigger()
    assert answers["errors"] and "自己点検がまだありません" in answers["errors"][-1]
    office_identity(db)
    seeded = seeded_assessment(db)
    page.toolbar_actions["new"].trigger()
    preview = page.editor.preview.toPlainText()
    assert "採用している対策" in preview and "実施済、担当: 山田 太郎、方法: 記憶媒体台帳で管理" in preview
    assert "理由: 長期保管するバックアップはない" in preview
    page.editor.intro.clear()
    type_text(page.editor.intro, "当社の対策基準です。")
    page.toolbar_actions["save"].trigger()
    assert "当社の対策基準です。" in page.editor.preview.toPlainText()

    assessments.save_measure(db, seeded["run"], "ctl-09-m3", {"status": "done", "owner_id": seeded["sato"]})
    page.toolbar_actions["redraw"].trigger()
    assert "9③" in page.editor.preview.toPlainText().split("実施を計画している対策")[0]

    answers["save"] = tmp_path / "rules.docx"
    page.toolbar_actions["docx"].trigger()
    assert (tmp_path / "rules.docx").is_file()
    answers["save"] = tmp_path / "rules.pdf"
    page.toolbar_actions["print"].trigger()
    assert (tmp_path / "rules.pdf").is_file() and answers["errors"][1:] == []


def test_unsaved_edits_are_asked_about_before_they_are_dropped(
    tab: PolicyTab, db: Database, answers: dict[str, Any]
) -> None:
    office_identity(db)
    first = policies.new_draft(db, PolicyKind.POLICY, "ja")
    policies.issue(db, first, date(2026, 4, 1))
    draft = policies.new_draft(db, PolicyKind.POLICY, "ja")
    tab.reload()
    page = tab.policy
    assert page.shown() is not None and page.shown().id == draft  # type: ignore[union-attr]
    type_text(page.editor.title, "(改)")
    answers["confirm"] = False
    page.version_view.selectRow(1)  # the issued version
    assert answers["asked"][-1] == "下書きに保存していない変更があります。破棄しますか?"
    assert page.shown().id == draft and page.editor.title.text().endswith("(改)")  # type: ignore[union-attr]
    # Issuing with office details typed but not saved: first save them.
    type_text(tab.office_name, "株式会社")
    page.toolbar_actions["issue"].trigger()
    assert "先に事業所名と代表者を保存してください" in answers["infos"][-1]
    assert not policies.document(db, draft).info.issued


def test_declarations_and_self_diagnosis_results_are_entered_and_explained(
    tab: PolicyTab, db: Database, answers: dict[str, Any], qtmodeltester: Any
) -> None:
    page = tab.security_action
    tab.pages.setCurrentWidget(page)
    assert page.level.currentData() == SecurityActionLevel.TWO_STARS.value
    type_text(page.declaration_id, "123456789012")
    page.save_button.click()  # an ID without the date of the declaration
    assert "宣言日" in page.declaration_errors.text() and action.declarations(db) == []
    page.declaration_id.clear()
    page.save_button.click()
    [prepared] = action.declarations(db)
    assert prepared.level is SecurityActionLevel.TWO_STARS and prepared.declared_on is None
    assert _cells(page.declaration_model, 1) == ["準備中"]
    assert "そろうまで、足りないものをホームに表示します。" in page.readiness_note.text()

    page.add_diagnosis_button.click()
    dialog = page.open_dialog
    assert isinstance(dialog, DiagnosisDialog)
    for number, box in dialog.answers.items():
        if number != 7:
            box.setCurrentIndex(box.findData(0 if number == 9 else 4))
    assert dialog.total.text() == "合計: 92 点 / 100 点(25 問中 24 問回答)"
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    save.click()
    assert dialog.isVisible() and "No.7" in dialog.message.text() and not dialog.errors[7].isHidden()
    dialog.answers[7].setCurrentIndex(dialog.answers[7].findData(-1))
    save.click()
    assert not dialog.isVisible()
    [result] = action.diagnoses(db)
    assert result.answers[7] == -1 and result.total == 91
    assert _cells(page.diagnosis_model, 1) == ["91"]
    hints = page.hints.toPlainText()
    assert "No.7 メール・FAX の宛先の誤り — わからない (-1)" in hints
    assert "6⑥ 無線 LAN を使用する場合は" in hints and "SME Guard 独自の読み方" in hints
    step = page.readiness_layout.itemAt(0, page.readiness_layout.ItemRole.LabelRole).widget()
    assert step.text() == "済"
    qtmodeltester.check(page.declaration_model)
    qtmodeltester.check(page.diagnosis_model)

    # Esc on a changed result asks first.
    page.edit_diagnosis_button.click()
    edit = page.open_dialog
    assert isinstance(edit, DiagnosisDialog) and edit.diagnosis_id == result.id
    edit.answers[9].setCurrentIndex(edit.answers[9].findData(4))
    answers["confirm"] = False
    QTest.keyClick(edit, Qt.Key.Key_Escape)
    assert edit.isVisible() and answers["asked"][-1] == "回答は保存されていません。破棄しますか?"
    answers["confirm"] = True
    QTest.keyClick(edit, Qt.Key.Key_Escape)
    assert not edit.isVisible() and action.diagnoses(db)[0].answers[9] == 0


def test_a_home_line_opens_the_page_it_is_about(qapp: QApplication, qtbot: QtBot, db: Database) -> None:
    configure_application(qapp, "ja")
    action.save_declaration(db, None, {"level": "two_stars"})
    window = MainWindow("ja", SynchronousRunner())
    qtbot.addWidget(window)
    window.show()
    window.open_database(db.path)
    lines = [item for item in window.home.model.items if item.target.screen == "policy"]
    assert [line.target for line in lines] == [
        Target("policy", "security_action"),
        Target("policy", "policy"),
        Target("policy", "policy"),
    ]
    assert all(not line.overdue for line in lines)
    window.home.open_target(lines[0].target)
    assert window.tabs.currentWidget() is window.pages["policy"]
    assert window.policy_tab.pages.currentWidget() is window.policy_tab.security_action
    assert window.tabs.tabText(window.tabs.currentIndex()) == "方針・SECURITY ACTION"


def test_the_assessment_keeps_the_reason_a_measure_does_not_apply(
    qapp: QApplication, qtbot: QtBot, db: Database, answers: dict[str, Any]
) -> None:
    configure_application(qapp, "ja")
    run = assessments.start_run(db, {"name": "点検", "held_on": "2026-04-01"})
    tab = AssessmentTab("ja", SynchronousRunner())
    qtbot.addWidget(tab)
    tab.show()
    tab.set_database(db)
    page = tab.measures
    page.select_item(6)
    page.measures_view.selectRow(5)
    page.status.buttons["done"].click()
    assert not page.reason.isEnabled()
    page.status.buttons["not_applicable"].click()
    assert page.reason.isEnabled()
    type_text(page.reason, "無線LANを使っていない")
    page.save_button.click()
    assert assessments.answers(db, run).measure("ctl-06-m6").reason == "無線LANを使っていない"
