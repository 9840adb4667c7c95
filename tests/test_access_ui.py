"""クラウドサービス台帳 and アカウント台帳 driven like a user would: the security grid, the
flags of controls 2 and 5, a device's allowed services, leavers' and transfers' accounts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit, QListWidget
from pytestqt.qtbot import QtBot

from sme_guard.db.database import Database
from sme_guard.domain.registers import ACCOUNTS, CLOUD_SECURITY, CLOUD_SERVICES, DEVICES, PEOPLE, Register
from sme_guard.services import clock, registers
from sme_guard.services.flags import Flag, FlagContext
from sme_guard.ui import dialogs
from sme_guard.ui.app import configure_application
from sme_guard.ui.main_window import REGISTER_GROUPS
from sme_guard.ui.registers import screens
from sme_guard.ui.registers.register_tab import RegisterTab
from sme_guard.ui.registers.screens import register_tab
from sme_guard.ui.registers.workflow_dialogs import LeaverDialog, TransferDialog
from sme_guard.ui.tasks import SynchronousRunner
from tests import factories
from tests.qt_helpers import type_text

TODAY = date(2026, 11, 27)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    questions: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _t, question: questions.append(question) or True)
    return questions


@pytest.fixture
def make_tab(qapp: QApplication, qtbot: QtBot, db: Database) -> Callable[..., RegisterTab]:
    def make(register: Register, lang: str = "ja") -> RegisterTab:
        configure_application(qapp, lang)
        tab = register_tab(register, lang, SynchronousRunner())
        qtbot.addWidget(tab)
        tab.resize(1300, 800)
        tab.show()
        tab.set_database(db)
        return tab

    return make


def _service(db: Database, name: str, **extra: Any) -> int:
    return registers.save_record(db, CLOUD_SERVICES, None, {"name": name, "status": "in_use", **extra})


def _account(db: Database, number: str, system: str, login: str, **extra: Any) -> int:
    values = {"account_number": number, "system": system, "login": login, "status": "active", **extra}
    return registers.save_record(
        db, ACCOUNTS, None, {"privilege": "user", "auth_method": "password", **values}
    )


def _type(widget: QLineEdit, text: str) -> None:
    widget.clear()
    widget.setFocus()
    type_text(widget, text)


def _flags(db: Database, register: Register) -> dict[str, tuple[Flag, ...]]:
    rows = registers.load_rows(db, register, FlagContext(TODAY))
    number = rows.index(register.number_key or "name")
    return {row[number]: flags for row, flags in zip(rows.rows, rows.flags, strict=True)}


def _select(tab: RegisterTab, number: str) -> None:
    model = tab.model
    shown = [model.data(model.index(row, 0)) for row in range(model.rowCount())]
    tab.table.selectRow(shown.index(number))
    assert tab.current_values.get(tab.register.number_key or "name") == number


def test_a_cloud_service_is_entered_with_its_security_levels(
    make_tab: Callable[..., RegisterTab], db: Database, qtmodeltester: Any
) -> None:
    factories.person(db, "山田 太郎")
    tab = make_tab(CLOUD_SERVICES)
    form = tab.form
    tab.new_action.trigger()
    _type(form.editors["name"], "会計クラウド")
    _type(form.editors["provider"], "株式会社サンプル")
    _type(form.editors["datacentre_location"], "シンガポール")
    _type(form.editors["applicable_law"], "シンガポール法")
    importance: QComboBox = form.editors["importance"]
    importance.setCurrentIndex(importance.findText("高(機密・個人情報)"))
    # 2①: the office requires leak prevention and disaster recovery; 2②: leak prevention seen.
    for key in ("leakage_required", "disaster_required", "leakage_confirmed"):
        checkbox = form.editors[key]
        assert isinstance(checkbox, QCheckBox)
        checkbox.click()
    _type(form.editors["leakage_note"], "ISMS認証を確認")
    tab.save_button.click()

    service = registers.get_record(db, CLOUD_SERVICES, tab.current_id or 0)
    assert (service["leakage_required"], service["leakage_confirmed"], service["leakage_note"]) == (
        True,
        True,
        "ISMS認証を確認",
    )
    assert service["disaster_required"] and not service["disaster_confirmed"]
    assert (service["importance"], service["datacentre_location"]) == ("confidential", "シンガポール")
    # Disaster recovery required but not confirmed, and no multi-factor login: both flagged.
    assert set(_flags(db, CLOUD_SERVICES)["会計クラウド"]) == {Flag.UNCONFIRMED, Flag.NO_MFA}
    qtmodeltester.check(tab.model)

    form.editors["disaster_confirmed"].click()
    form.editors["mfa_enabled"].click()
    tab.save_button.click()
    assert _flags(db, CLOUD_SERVICES)["会計クラウド"] == ()
    tab.toolbar_actions["reviewed"].trigger()
    assert registers.get_record(db, CLOUD_SERVICES, tab.current_id or 0)["last_reviewed_on"] == TODAY


def test_the_form_lays_the_security_levels_out_as_a_grid(make_tab: Callable[..., RegisterTab]) -> None:
    tab = make_tab(CLOUD_SERVICES, "en")
    grid_editors = [tab.form.editors[c.key] for c in CLOUD_SECURITY.columns()]
    assert len(grid_editors) == 7 * 3
    # One row per area: the required and confirmed boxes sit side by side on the same line.
    required, confirmed = tab.form.editors["facility_required"], tab.form.editors["facility_confirmed"]
    assert required.mapTo(tab.form, required.rect().center()).y() == pytest.approx(
        confirmed.mapTo(tab.form, confirmed.rect().center()).y(), abs=2
    )


def test_a_device_picks_its_allowed_cloud_services_from_the_register(
    make_tab: Callable[..., RegisterTab], db: Database
) -> None:
    _service(db, "会計クラウド")
    _service(db, "Box")
    _service(db, "旧ストレージ", status="stopped")  # no longer used: not offered
    device = registers.save_record(
        db,
        DEVICES,
        None,
        {"asset_number": "D-1", "kind": "smartphone", "ownership": "company", "status": "in_use"},
    )
    tab = make_tab(DEVICES)
    _select(tab, "D-1")
    choices = tab.form.editors["allowed_cloud_services"]
    assert isinstance(choices, QListWidget)
    assert [choices.item(row).text() for row in range(choices.count())] == ["Box", "会計クラウド"]
    choices.item(1).setCheckState(Qt.CheckState.Checked)
    tab.save_button.click()
    assert registers.get_record(db, DEVICES, device)["allowed_cloud_services"] == ("会計クラウド",)
    # The acknowledgment date comes from the staff guideline, not from typing.
    assert not tab.form.editors["guideline_acknowledged_on"].isEnabled()


def test_an_account_suggests_cloud_services_and_refuses_a_second_id(
    make_tab: Callable[..., RegisterTab], db: Database
) -> None:
    _service(db, "会計クラウド")
    sato = factories.person(db, "佐藤 花子")
    _account(db, "A-1", "会計クラウド", "sato", person_id=sato)
    tab = make_tab(ACCOUNTS)
    system = tab.form.editors["system"]
    assert isinstance(system, QLineEdit) and system.completer() is not None
    assert system.completer().model().data(system.completer().model().index(0, 0)) == "会計クラウド"
    tab.new_action.trigger()
    _type(tab.form.editors["account_number"], "A-2")
    _type(system, "会計クラウド")
    _type(tab.form.editors["login"], "SATO")
    tab.save_button.click()
    error = tab.form.errors["login"]
    assert not error.isHidden() and "A-1" in error.text()
    assert len(registers.load_rows(db, ACCOUNTS, FlagContext(TODAY)).ids) == 1


def test_shared_ids_and_needless_admin_rights_are_flagged(db: Database) -> None:
    clerk, admin = factories.person(db, "佐藤 花子"), factories.person(db, "山田 太郎", role="system_admin")
    _account(db, "A-1", "会計", "sato", person_id=clerk, privilege="admin")
    _account(db, "A-2", "会計", "yamada", person_id=admin, privilege="admin")
    _account(db, "A-3", "複合機", "guest")  # nobody named
    _account(db, "A-4", "NAS", "office", person_id=admin, shared=True)
    flags = _flags(db, ACCOUNTS)
    assert flags == {
        "A-1": (Flag.NEEDLESS_ADMIN,),  # 5⑤: a clerk's role does not need it
        "A-2": (),
        "A-3": (Flag.SHARED_ID,),  # 5③
        "A-4": (Flag.SHARED_ID,),
    }


def test_a_leaver_s_accounts_are_disabled_not_handed_over(
    make_tab: Callable[..., RegisterTab], db: Database
) -> None:
    leaver = factories.person(db, "鈴木 一郎")
    factories.person(db, "田中 次郎")
    account = _account(db, "A-1", "会計クラウド", "suzuki", person_id=leaver)
    tab = make_tab(PEOPLE)
    _select(tab, "鈴木 一郎")
    tab.toolbar_actions["leaving"].trigger()
    dialog = tab.open_dialog
    assert isinstance(dialog, LeaverDialog)
    dialog.date_edit.setText("2026/11/30")
    dialog.leave_button.click()
    assert dialog.rows == {}  # nothing to return or hand over ...
    assert set(dialog.account_buttons) == {"会計クラウド suzuki"}  # ... but an account to disable
    assert _flags(db, ACCOUNTS)["A-1"] == ()  # left on the 30th: not yet
    dialog.account_buttons["会計クラウド suzuki"].click()
    saved = registers.get_record(db, ACCOUNTS, account)
    assert (saved["status"], saved["disabled_on"]) == ("disabled", TODAY)
    assert dialog.account_buttons == {}
    dialog.accept()


def test_a_transfer_reviews_each_account(
    make_tab: Callable[..., RegisterTab], db: Database, asked: list[str]
) -> None:
    mover = factories.person(db, "鈴木 一郎")
    kept = _account(db, "A-1", "メール", "suzuki", person_id=mover)
    dropped = _account(db, "A-2", "経理システム", "suzuki", person_id=mover)
    tab = make_tab(PEOPLE)
    _select(tab, "鈴木 一郎")
    tab.toolbar_actions["transfer"].trigger()
    dialog = tab.open_dialog
    assert isinstance(dialog, TransferDialog)
    dialog.department_edit.setText("営業部")
    dialog.transfer_button.click()
    assert registers.get_record(db, PEOPLE, mover)["department"] == "営業部"
    assert set(dialog.rows) == {"メール suzuki", "経理システム suzuki"}
    dialog.rows["経理システム suzuki"][0].click()  # Disable
    dialog.rows["メール suzuki"][1].click()  # Keep
    assert dialog.rows == {}
    assert registers.get_record(db, ACCOUNTS, dropped)["status"] == "disabled"
    assert registers.get_record(db, ACCOUNTS, kept)["last_reviewed_on"] == TODAY
    assert registers.get_record(db, ACCOUNTS, kept)["status"] == "active"
    dialog.accept()


def test_renaming_a_cloud_service_keeps_its_accounts(db: Database) -> None:
    service = _service(db, "Googleドライブ")
    account = _account(db, "A-1", "Googleドライブ", "yamada")
    registers.save_record(db, CLOUD_SERVICES, service, {"name": "Google Drive"})
    assert registers.get_record(db, ACCOUNTS, account)["system"] == "Google Drive"


def test_the_disable_action_asks_first_and_records_the_day(
    make_tab: Callable[..., RegisterTab], db: Database, asked: list[str]
) -> None:
    account = _account(db, "A-1", "NAS", "admin")
    tab = make_tab(ACCOUNTS)
    _select(tab, "A-1")
    tab.toolbar_actions["disable"].trigger()
    assert asked
    assert registers.get_record(db, ACCOUNTS, account)["disabled_on"] == TODAY


def test_the_main_window_knows_where_each_grouped_register_is() -> None:
    assert {name: tuple(r.key for r in group) for name, group in screens.GROUPS.items()} == REGISTER_GROUPS


def test_a_device_takes_its_new_user_s_acknowledgment_date(db: Database) -> None:
    from sme_guard.services import staff_guidelines as sg
    from tests.factories import issued_guideline

    yamada, sato = factories.person(db, "山田 太郎"), factories.person(db, "佐藤 花子")
    version = issued_guideline(db, sg.GuidelineKind.DEVICES, date(2026, 4, 1))
    sg.record_acknowledgments(db, version, [sato], date(2026, 4, 2))
    device = registers.save_record(
        db,
        DEVICES,
        None,
        {
            "asset_number": "D-1",
            "kind": "smartphone",
            "ownership": "company",
            "status": "in_use",
            "user_id": yamada,
        },
    )
    assert registers.get_record(db, DEVICES, device)["guideline_acknowledged_on"] is None
    registers.save_record(db, DEVICES, device, {"model": "iPhone"})  # same user: nothing changes
    registers.save_record(db, DEVICES, device, {"user_id": sato})  # handed to someone who acknowledged
    assert registers.get_record(db, DEVICES, device)["guideline_acknowledged_on"] == date(2026, 4, 2)
    registers.save_record(db, DEVICES, device, {"user_id": yamada})
    assert registers.get_record(db, DEVICES, device)["guideline_acknowledged_on"] is None


def test_both_registers_go_out_to_excel_and_back_from_the_command_line(
    db: Database, tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    from sme_guard.cli import main
    from sme_guard.db.database import open_database

    _service(db, "会計クラウド", leakage_required=True, mfa_enabled=True)
    _account(db, "A-1", "会計クラウド", "yamada", privilege="admin")
    db.close()
    other = tmp_path / "other.sqlite3"
    for name in ("cloud-services", "accounts"):
        sheet = tmp_path / f"{name}.xlsx"
        assert main(["export", name, "--db", str(db.path), "--out", str(sheet), "--lang", "ja"]) == 0
        assert main(["import", name, "--db", str(other), "--file", str(sheet), "--lang", "ja"]) == 0
    capsys.readouterr()
    copied = open_database(other)
    try:
        assert _flags(copied, CLOUD_SERVICES) == {"会計クラウド": (Flag.UNCONFIRMED,)}
        assert registers.get_record(copied, ACCOUNTS, 1)["privilege"] == "admin"
    finally:
        copied.close()


def test_deleting_an_employee_entered_by_mistake_clears_the_registers_naming_them(db: Database) -> None:
    mistake = factories.person(db, "山田 太郋")
    service = _service(db, "会計クラウド", owner_id=mistake)
    account = _account(db, "A-1", "会計クラウド", "yamada", person_id=mistake, status="disabled")
    registers.delete_record(db, PEOPLE, mistake)
    assert registers.get_record(db, CLOUD_SERVICES, service)["owner_id"] is None
    assert registers.get_record(db, ACCOUNTS, account)["person_id"] is None


def test_an_employee_who_still_has_an_active_account_is_not_deleted(db: Database) -> None:
    from sme_guard.errors import UserError

    person = factories.person(db, "鈴木 一郎")
    _account(db, "A-1", "会計クラウド", "suzuki", person_id=person)
    with pytest.raises(UserError, match="suzuki"):
        registers.delete_record(db, PEOPLE, person)


def test_a_rename_moves_accounts_whatever_their_case_and_refuses_a_clash(db: Database) -> None:
    from sme_guard.services.registers import RecordInvalidError

    box = _service(db, "Box")
    typed = _account(db, "A-1", "box", "yamada")  # typed in lower case
    _account(db, "A-2", "Dropbox", "yamada")
    registers.save_record(db, CLOUD_SERVICES, box, {"name": "Box Business"})
    assert registers.get_record(db, ACCOUNTS, typed)["system"] == "Box Business"
    with pytest.raises(RecordInvalidError) as refused:
        registers.save_record(db, CLOUD_SERVICES, box, {"name": "dropbox"})
    assert "A-2" in refused.value.problems["name"].ja
    assert registers.get_record(db, CLOUD_SERVICES, box)["name"] == "Box Business"  # nothing half-done
    assert registers.get_record(db, ACCOUNTS, typed)["system"] == "Box Business"


def test_full_width_names_link_to_the_service_typed(db: Database) -> None:
    first, second = _service(db, "Ｇｍａｉｌ"), _service(db, "ｇｍａｉｌ")  # SQLite keeps both apart
    device = registers.save_record(
        db,
        DEVICES,
        None,
        {
            "asset_number": "D-1",
            "kind": "smartphone",
            "ownership": "company",
            "status": "in_use",
            "allowed_cloud_services": ["Ｇｍａｉｌ"],
        },
    )
    assert registers.get_record(db, DEVICES, device)["allowed_cloud_services"] == ("Ｇｍａｉｌ",)
    assert first != second


def test_an_import_never_takes_the_acknowledgment_date_from_the_sheet(db: Database, tmp_path: Any) -> None:
    from openpyxl import Workbook

    from sme_guard.exchange.excel import import_register
    from sme_guard.services import staff_guidelines as sg
    from tests.factories import issued_guideline

    sato = factories.person(db, "佐藤 花子")
    sg.record_acknowledgments(
        db, issued_guideline(db, sg.GuidelineKind.DEVICES, date(2026, 4, 1)), [sato], date(2026, 4, 2)
    )
    kept = registers.save_record(
        db,
        DEVICES,
        None,
        {
            "asset_number": "D-1",
            "kind": "smartphone",
            "ownership": "company",
            "status": "in_use",
            "user_id": sato,
        },
    )
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["資産番号", "種類", "所有区分", "状態", "利用者", "ガイドライン確認日"])
    sheet.append(["D-1", "スマートフォン", "会社支給", "使用中", "佐藤 花子", "2020/1/1"])
    sheet.append(["D-2", "スマートフォン", "会社支給", "使用中", "佐藤 花子", None])
    workbook.save(tmp_path / "devices.xlsx")
    report = import_register(db, DEVICES, tmp_path / "devices.xlsx")
    assert (report.rows_updated, report.rows_inserted, report.rejections) == (1, 1, [])
    dates = {
        registers.get_record(db, DEVICES, record_id)["asset_number"]: registers.get_record(
            db, DEVICES, record_id
        )["guideline_acknowledged_on"]
        for record_id in registers.load_rows(db, DEVICES, FlagContext(TODAY)).ids
    }
    assert dates == {"D-1": date(2026, 4, 2), "D-2": date(2026, 4, 2)}
    assert kept


def test_disabling_an_account_twice_keeps_the_first_date(
    make_tab: Callable[..., RegisterTab], db: Database, asked: list[str]
) -> None:
    account = _account(db, "A-1", "NAS", "admin", status="disabled", disabled_on="2026-03-31")
    tab = make_tab(ACCOUNTS)
    tab.status_box.setCurrentIndex(tab.status_box.findData("@all"))
    _select(tab, "A-1")
    assert not tab.toolbar_actions["disable"].isEnabled()
    tab.toolbar_actions["disable"].trigger()
    assert registers.get_record(db, ACCOUNTS, account)["disabled_on"] == date(2026, 3, 31)


def test_an_employee_who_took_part_in_a_drill_is_kept_and_the_reason_named(db: Database) -> None:
    from sme_guard.domain.registers import PLANS
    from sme_guard.errors import UserError
    from sme_guard.services import continuity

    person = factories.person(db, "田中 次郎")
    plan = registers.save_record(db, PLANS, None, {"name": "会計システム", "review_interval_days": "365"})
    continuity.save_drill(db, plan, None, {"held_on": "2026-06-01", "minutes_achieved": 30}, [person])
    with pytest.raises(UserError) as refused:
        registers.delete_record(db, PEOPLE, person)
    assert "訓練の参加者" in refused.value.ja and "leaving" in refused.value.en
    assert registers.get_record(db, PEOPLE, person)["name"] == "田中 次郎"
