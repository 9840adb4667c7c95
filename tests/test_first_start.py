"""はじめに: a new office's first start, from an empty database to its name saved, its first
employees and checks, and a ホーム with nothing overdue and the next steps."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sme_guard.db.database import open_database
from sme_guard.domain.registers import MEDIA, PEOPLE
from sme_guard.services import clock, recurring_checks, registers, setup
from sme_guard.services import settings as office_settings
from sme_guard.ui import dialogs
from sme_guard.ui.app import configure_application
from sme_guard.ui.main_window import MainWindow
from sme_guard.ui.setup_wizard import SetupWizard
from sme_guard.ui.tasks import SynchronousRunner

TODAY = date(2026, 11, 27)


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    monkeypatch.setattr(clock, "now", lambda: datetime(2026, 11, 27, 1, 0, tzinfo=UTC))


@pytest.fixture
def window(qapp: QApplication, qtbot: QtBot) -> Iterator[MainWindow]:
    configure_application(qapp, "ja")
    main = MainWindow("ja", SynchronousRunner())
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    yield main


def _next(wizard: SetupWizard, qtbot: QtBot) -> None:
    page = wizard.currentPage()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is not page)


def test_a_new_office_is_set_up_and_home_has_nothing_overdue(
    window: MainWindow,
    db_path: Path,
    qtbot: QtBot,
    tmp_path: Path,
    files_written: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window.open_database(db_path)
    wizard = window.setup_wizard
    assert isinstance(wizard, SetupWizard) and wizard.isVisible()  # an empty database: offered
    office = wizard.office_page
    wizard.next()
    assert not office.errors.isHidden() and "入力してください" in office.errors.text()  # the name is needed
    assert wizard.currentPage() is office
    office.name.setText("株式会社サンプル商事")
    office.representative.setText("代表取締役 山田 太郎")
    office.manager.setText("佐藤 花子")
    _next(wizard, qtbot)

    people = wizard.people_page
    assert people.name.text() == "佐藤 花子"  # who runs the app, offered as the first employee
    people.kana.setText("ｻﾄｳ ﾊﾅｺ")
    people.add_button.click()
    assert "雇用形態" in people.errors.text()  # chosen, never assumed
    people.employment.setCurrentIndex(people.employment.findData("regular"))
    people.add_button.click()
    assert [people.people.item(i).text() for i in range(people.people.count())] == ["佐藤 花子"]
    _next(wizard, qtbot)

    checks = wizard.checks_page
    lines = {line.code: line for line in checks.lines}
    tamper_box, tamper_first = checks.rows[lines["website_tamper_check"].id]
    assert tamper_box.isChecked() and tamper_first.text() == "2026-12-27"  # one interval at most
    assert tamper_first.property("calendar")  # a calendar beside the typed date
    network_box, _first = checks.rows[lines["network_access_check"].id]
    network_box.setChecked(False)  # no servers here
    tamper_first.setText("令和9年1月10日")
    _next(wizard, qtbot)

    pdf = tmp_path / "checklist.pdf"
    monkeypatch.setattr(dialogs, "save_file", lambda *_args: pdf)
    wizard.checklist_page.print_button.click()
    assert files_written == [pdf] and pdf.stat().st_size > 10_000
    with qtbot.waitSignal(window.home.loaded):
        wizard.accept()

    database = window.database
    assert database is not None
    assert setup.office(database) == setup.Office("株式会社サンプル商事", "代表取締役 山田 太郎", "佐藤 花子")
    assert office_settings.get_text(database, office_settings.OFFICE_REPRESENTATIVE) == "代表取締役 山田 太郎"
    assert office_settings.get_text(database, office_settings.SET_UP_ON) == "2026-11-27"
    saved = {line.code: line for line in recurring_checks.checks(database, TODAY)}
    assert saved["website_tamper_check"].first_due_on == date(2027, 1, 10)
    assert not saved["network_access_check"].enabled
    (person,) = registers.person_choices(database)
    assert registers.get_record(database, PEOPLE, person[0])["role"] == "employee"
    # ホーム: nothing overdue, and what to do next (the employees done).
    assert not any(item.overdue for item in window.home.model.items)
    assert window.home.steps_box.isVisible()
    steps = window.home.steps_label.text()
    assert "<s>従業員を登録する</s>" in steps and 'href="assets"' in steps
    window.home.steps_label.linkActivated.emit("assets")
    assert window.tabs.currentWidget() is window.pages["assets"]
    assert not setup.needs_setup(database)


def test_set_up_is_skippable_not_offered_again_and_reachable_from_the_menu(
    qapp: QApplication, qtbot: QtBot, db_path: Path
) -> None:
    configure_application(qapp, "ja")
    first = MainWindow("ja", SynchronousRunner())
    qtbot.addWidget(first)
    first.show()
    first.open_database(db_path)
    wizard = first.setup_wizard
    assert isinstance(wizard, SetupWizard)
    assert wizard.button(wizard.WizardButton.CancelButton).text() == "後で設定する"
    wizard.reject()  # skipped
    first.close()
    again = MainWindow("ja", SynchronousRunner())
    qtbot.addWidget(again)
    again.show()
    again.open_database(db_path)
    assert again.setup_wizard is None  # not offered a second time
    again.setup_action.trigger()  # File → はじめに…
    assert isinstance(again.setup_wizard, SetupWizard) and again.setup_wizard.isVisible()
    again.setup_wizard.reject()


def test_next_steps_end_once_every_register_has_a_record(db_path: Path) -> None:
    from sme_guard.domain.registers import CLOUD_SERVICES, PLANS
    from sme_guard.services import assessments, incidents

    database = open_database(db_path)
    try:
        steps = setup.next_steps(database)
        assert [s.key for s in steps] == [
            "people",
            "assets",
            "access",
            "contacts",
            "continuity",
            "assessment",
        ]
        assert not any(s.done for s in steps) and setup.needs_setup(database)
        person = registers.save_record(
            database, PEOPLE, None, {"name": "山田", "employment_type": "regular", "role": "employee"}
        )
        assert not setup.needs_setup(database)  # something entered: not a new office any more
        registers.save_record(
            database,
            MEDIA,
            None,
            {"asset_number": "M-1", "kind": "usb_memory", "quantity": 1, "status": "in_use"},
        )
        registers.save_record(database, CLOUD_SERVICES, None, {"name": "メール", "status": "in_use"})
        incidents.save_contact(database, None, {"role": "責任者", "person_id": person})
        registers.save_record(database, PLANS, None, {"name": "会計", "review_interval_days": 365})
        assert [s.key for s in setup.next_steps(database) if not s.done] == ["assessment"]
        assessments.start_run(database, {"name": "初回", "held_on": "2026-11-27"})
        assert setup.next_steps(database) == []
    finally:
        database.close()
