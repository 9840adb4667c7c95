"""The incident log and the contact tree, driven on real widgets."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from sme_guard.db.database import Database
from sme_guard.domain.registers import BADGES, INCIDENTS
from sme_guard.services import clock, incidents, registers
from sme_guard.ui import dialogs
from sme_guard.ui.app import configure_application
from sme_guard.ui.incidents.incidents_tab import IncidentsTab
from sme_guard.ui.main_window import MainWindow
from sme_guard.ui.tasks import SynchronousRunner
from tests import factories
from tests.qt_helpers import type_text

NOW = datetime(2026, 11, 27, 1, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: date(2026, 11, 27))
    monkeypatch.setattr(clock, "now", lambda: NOW)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    seen: dict[str, Any] = {"confirm": True, "errors": []}
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _t, _q: bool(seen["confirm"]))
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, text: seen["errors"].append(text))
    return seen


@pytest.fixture
def tab(qapp: QApplication, qtbot: QtBot, db: Database) -> Iterator[IncidentsTab]:
    configure_application(qapp, "ja")
    widget = IncidentsTab("ja", SynchronousRunner())
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    widget.log.set_database(db)
    widget.contacts.set_database(db)
    yield widget


def _shown(tab: IncidentsTab, position: int = 0) -> list[str]:
    model = tab.log.model
    return [model.data(model.index(row, position)) for row in range(model.rowCount())]


def _combo(box: QComboBox, text: str) -> None:
    index = box.findText(text)
    assert index >= 0, text
    box.setCurrentIndex(index)


def test_an_incident_is_recorded_in_the_order_of_3_2(tab: IncidentsTab, db: Database) -> None:
    form = tab.log.form
    tab.log.new_action.trigger()
    type_text(form.editors["occurred_at"], "2026/11/20 14:30")
    type_text(form.editors["who"], "営業部 佐藤")
    type_text(form.editors["what"], "顧客名簿のメール")
    form.editors["how"].setPlainText("宛先の自動補完で社外へ誤送信")
    form.editors["result"].setPlainText("取引先 1 社に届いた")
    _combo(form.editors["incident_type"], "情報漏えい")
    _combo(form.editors["severity"], "高")
    form.editors["impact_confidentiality"].setChecked(True)
    tab.log.save_button.click()
    assert _shown(tab) == ["2026-001"]
    record = registers.get_record(db, INCIDENTS, tab.log.current_id or 0)
    assert record["status"] == "received" and record["impact_confidentiality"] is True
    assert record["occurred_at"].astimezone().strftime("%Y-%m-%d %H:%M") == "2026-11-20 14:30"
    assert not form.editors["number"].isEnabled() and form.editors["number"].text() == "2026-001"
    # The form asks in the order of 3②: when, who, what, how, and the result.
    order = [c.key for c in form.columns]
    assert order[:8] == [
        "number",
        "occurred_at",
        "discovered_at",
        "reported_at",
        "who",
        "what",
        "how",
        "result",
    ]


def test_closing_is_refused_until_the_root_cause_and_actions_are_done(
    tab: IncidentsTab, db: Database, answers: dict[str, Any]
) -> None:
    owner = factories.person(db, "田中 次郎", phone="03-1234")
    incident = registers.save_record(
        db, INCIDENTS, None, {"incident_type": "停止", "severity": "中", "occurred_at": "2026/11/26 9:00"}
    )
    tab.log.reload(incident)
    page = tab.workflow
    page.status_buttons["in_progress"].click()
    assert page.status_label.text() == "現在: 対応中"
    tab.log.side_pages.setCurrentWidget(page)
    page.status_buttons["closed"].click()
    # Refused for the empty root cause: the form comes forward with the field and its reason.
    assert answers["errors"] == []
    assert tab.log.side_pages.currentIndex() == 0
    assert (
        tab.log.form.errors["root_cause"].text()
        == "根本原因が記入されていないため完了にできません(管理策3③)。"
    )
    assert not tab.log.form.errors["root_cause"].isHidden()
    tab.log.form.editors["root_cause"].setPlainText("UPS の電池切れ")
    tab.log.form.changed.emit()
    tab.log.save_button.click()
    type_text(page.description, "UPS の電池を交換し、点検を定期点検に加える")
    _combo(page.owner, "田中 次郎")
    type_text(page.due, "2026/12/5")
    page.add_button.click()
    assert page.prevention_actions.rows == [
        ("UPS の電池を交換し、点検を定期点検に加える", "田中 次郎", "2026-12-05", "未完了")
    ]
    page.status_buttons["closed"].click()
    assert answers["errors"][-1].startswith("未完了の再発防止策が 1 件あるため")
    page.actions_view.selectRow(0)
    page.done_button.click()
    page.status_buttons["closed"].click()
    assert page.status_label.text() == "現在: 完了"
    assert [row[1] for row in page.history.rows] == ["受付", "対応中", "完了"]
    assert registers.get_record(db, INCIDENTS, incident)["closed_on"] == date(2026, 11, 27)
    # Closed, so out of the 未完了 list, yet still listed and selected beside its form.
    assert tab.log.status_box.currentText() == "未完了"
    assert tab.log.model.rowCount() == 1 and tab.log.selected_ids() == [incident]
    assert owner


def test_an_action_without_a_description_is_named(tab: IncidentsTab, db: Database) -> None:
    incident = registers.save_record(
        db, INCIDENTS, None, {"incident_type": "停止", "severity": "中", "occurred_at": "2026/11/26 9:00"}
    )
    tab.log.reload(incident)
    tab.workflow.add_button.click()
    assert not tab.workflow.action_error.isHidden()
    assert tab.workflow.action_error.text() == "対策: 入力してください"


def test_contact_tree_and_who_was_told(tab: IncidentsTab, db: Database, answers: dict[str, Any]) -> None:
    factories.person(db, "社長 一郎", phone="03-1234")
    factories.person(db, "総務 花子", phone="03-1234")
    tab.contacts.reload()
    contacts = tab.contacts
    for role, name in (("総務担当", "総務 花子"), ("経営者", "社長 一郎")):
        contacts.new_button.click()
        type_text(contacts.role, role)
        _combo(contacts.person, name)
        contacts.save_button.click()
    assert [row[2] for row in contacts.model.rows] == ["総務 花子", "社長 一郎"]
    assert contacts.model.rows[0][3] == "03-1234"  # the employee's phone
    contacts.table.selectRow(1)
    contacts.up_button.click()
    assert [row[2] for row in contacts.model.rows] == ["社長 一郎", "総務 花子"]
    assert "確認されていません" in contacts.confirmation_label.text()
    contacts.confirm_button.click()
    assert contacts.confirmation_label.text().startswith("最終確認 2026-11-27")

    incident = registers.save_record(
        db,
        INCIDENTS,
        None,
        {"incident_type": "ウイルス感染", "severity": "高", "occurred_at": "2026/11/27 9:00"},
    )
    tab.log.reload(incident)
    first = incidents.contacts(db)[0]
    tab.reporting.tell_buttons[first.id].click()
    assert [row[2] for row in tab.reporting.notified.rows] == ["社長 一郎"]
    tab.reporting.add_report.click()
    assert tab.reporting.report_error.text() == "入力してください"
    type_text(tab.reporting.reported_to, "IPA")
    type_text(tab.reporting.reference, "受付 77")
    tab.reporting.add_report.click()
    assert tab.reporting.reports.rows == [("IPA", "", "受付 77")]


def test_links_to_assets_and_measures(tab: IncidentsTab, db: Database, answers: dict[str, Any]) -> None:
    registers.save_record(db, BADGES, None, {"badge_number": "B-0001", "medium": "ic_card", "status": "lost"})
    incident = registers.save_record(
        db, INCIDENTS, None, {"incident_type": "その他", "severity": "低", "occurred_at": "2026/11/27 9:00"}
    )
    tab.log.reload(incident)
    links = tab.links
    _combo(links.asset_register, "社員証")
    type_text(links.asset_number, "B-9999")
    links.link_asset.click()
    assert answers["errors"] == ["社員証「B-9999」は台帳にありません。"]
    type_text(links.asset_number, "b-0001")
    links.link_asset.click()
    assert links.assets.rows == [("社員証", "B-0001")]
    links.measure_box.setCurrentIndex(links.measure_box.findData("ctl-05-m3"))
    links.link_measure.click()
    assert links.measures.rows[0][0].startswith("5 ③ 認証のためのユーザ ID")
    links.measures_view.selectRow(0)
    links.unlink_measure.click()
    assert links.measures.rows == []


def test_filters_by_type_and_year(tab: IncidentsTab, db: Database) -> None:
    for when, kind in (("2025/6/1 10:00", "停止"), ("2026/3/1 10:00", "停止"), ("2026/4/1 10:00", "改ざん")):
        registers.save_record(
            db, INCIDENTS, None, {"incident_type": kind, "severity": "中", "occurred_at": when}
        )
    tab.log.reload()
    log = tab.log
    assert log.year_box is not None
    assert [log.year_box.itemText(i) for i in range(log.year_box.count())] == ["すべての年", "2026", "2025"]
    _combo(log.year_box, "2026")
    assert sorted(_shown(tab)) == ["2026-001", "2026-002"]
    _combo(log.filter_boxes["incident_type"], "改ざん")
    assert _shown(tab) == ["2026-002"]


def test_a_lost_badge_can_open_a_linked_incident(
    qapp: QApplication, qtbot: QtBot, db: Database, answers: dict[str, Any]
) -> None:
    badge = registers.save_record(
        db, BADGES, None, {"badge_number": "B-0042", "medium": "ic_card", "status": "active"}
    )
    configure_application(qapp, "ja")
    window = MainWindow("ja", SynchronousRunner())
    qtbot.addWidget(window)
    window.show()
    window._database_ready(db)
    window.tabs.setCurrentWidget(window.pages["assets"])
    window.assets_tab.setCurrentIndex(2)
    badges = window.assets_tab.registers["badges"]
    badges.table.selectRow(0)
    badges.toolbar_actions["lost"].trigger()
    assert window.tabs.currentWidget() is window.pages["incidents"]
    # Filled in as a loss (confidentiality and availability touched), not saved: the severity
    # is for the person recording it to judge.
    log = window.incidents_tab.log
    assert registers.load_rows(db, INCIDENTS, incidents_context()).ids == []
    form = log.form
    assert form.editors["incident_type"].currentData() == "loss_theft"  # type: ignore[attr-defined]
    assert form.editors["impact_confidentiality"].isChecked()  # type: ignore[attr-defined]
    assert form.editors["severity"].currentData() is None  # type: ignore[attr-defined]
    log.save()
    assert form.errors["severity"].text() == "入力してください"
    severity = form.editors["severity"]
    severity.setCurrentIndex(severity.findData("high"))  # type: ignore[attr-defined]
    log.save()
    (incident_id,) = registers.load_rows(db, INCIDENTS, incidents_context()).ids
    detail = incidents.detail(db, incident_id)
    assert detail.values["what"] == "社員証 B-0042 の紛失"
    assert [(a.register.key, a.record_id) for a in detail.assets] == [("badges", badge)]
    assert window.incidents_tab.log.current_id == incident_id


def incidents_context() -> Any:
    from sme_guard.services.flags import FlagContext

    return FlagContext(date(2026, 11, 27))


def test_plain_table_model_is_valid(tab: IncidentsTab, qtmodeltester: Any) -> None:
    tab.workflow.history.set_rows([("a", "b", "c")])
    qtmodeltester.check(tab.workflow.history)
    assert isinstance(tab, QWidget)


def test_report_and_contact_tree_are_printed_from_the_screens(
    tab: IncidentsTab, db: Database, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess

    targets = iter([tmp_path / "report.pdf", tmp_path / "tree.pdf"])
    monkeypatch.setattr(dialogs, "save_file", lambda _p, _t, _n, _f: next(targets))
    incident = registers.save_record(
        db,
        INCIDENTS,
        None,
        {
            "incident_type": "改ざん",
            "severity": "重大",
            "occurred_at": "2026/11/27 8:00",
            "what": "Web サイト",
        },
    )
    tab.log.reload(incident)
    tab.log.toolbar_actions["report"].trigger()
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "report.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "2026-001" in text and "Web サイト" in text
    tab.contacts.print_button.click()
    assert (
        "緊急連絡網"
        in subprocess.run(
            ["pdftotext", str(tmp_path / "tree.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout
    )


def test_a_past_notification_time_can_be_typed(tab: IncidentsTab, db: Database) -> None:
    person = factories.person(db, "社長 一郎", phone="03-1234")
    rung = incidents.save_contact(db, None, {"role": "経営者", "person_id": person})
    tab.contacts.reload()
    incident = registers.save_record(
        db, INCIDENTS, None, {"incident_type": "停止", "severity": "中", "occurred_at": "2026/11/27 9:00"}
    )
    tab.log.reload(incident)
    type_text(tab.reporting.told_at, "2026/11/27 25:00")
    tab.reporting.tell_buttons[rung].click()
    assert tab.reporting.told_error.text() == "「2026/11/27 25:00」の時刻は存在しません"
    tab.reporting.told_at.clear()
    type_text(tab.reporting.told_at, "2026/11/27 9:40")
    tab.reporting.tell_buttons[rung].click()
    assert tab.reporting.notified.rows[0][0] == "2026-11-27 09:40"
