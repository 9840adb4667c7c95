"""Register services without a display: validation, flags, workflows, stock-take."""

from __future__ import annotations

from datetime import date

import pytest

from sme_guard.db.database import Database
from sme_guard.domain.codes import BadgeStatus
from sme_guard.domain.registers import BADGES, DEVICE_SECURITY_SETTINGS, DEVICES, MEDIA, PEOPLE
from sme_guard.errors import UserError
from sme_guard.services import registers, stocktake, workflows
from sme_guard.services.flags import Flag, FlagContext
from sme_guard.services.registers import RecordInvalidError
from tests import factories

TODAY = date(2026, 11, 27)


def _flags(db: Database, register: registers.Register) -> dict[int, tuple[Flag, ...]]:
    rows = registers.load_rows(db, register, FlagContext(TODAY))
    return dict(zip(rows.ids, rows.flags, strict=True))


def test_form_values_are_read_like_a_person_types_them(db: Database) -> None:
    yamada = factories.person(db, "山田 太郎")
    medium = factories.medium(
        db, "USB-001", quantity="１２", custodian_id="山田太郎", next_migration_on="令和8年4月1日"
    )
    record = registers.get_record(db, MEDIA, medium)
    assert record["quantity"] == 12 and record["custodian_id"] == yamada
    assert record["next_migration_on"] == date(2026, 4, 1)


def test_every_bad_field_is_named_and_nothing_is_saved(db: Database) -> None:
    factories.medium(db, "USB-001")
    with pytest.raises(RecordInvalidError) as caught:
        factories.medium(
            db, "usb-001", kind="フロッピー", quantity=-1, next_migration_on="2024/2/30", custodian_id="誰か"
        )
    problems = {key: problem.en for key, problem in caught.value.problems.items()}
    assert problems == {
        "asset_number": "'usb-001' is already used",
        "kind": problems["kind"],
        "quantity": "must be 0 or more (-1)",
        "next_migration_on": "'2024/2/30' is not a real date",
        "custodian_id": "no employee named '誰か'",
    }
    assert problems["kind"].startswith("'フロッピー' is not one of: USB memory")
    assert "資産番号" in caught.value.ja and "数量" in caught.value.ja
    assert registers.load_rows(db, MEDIA, FlagContext(TODAY)).ids == [1]


def test_required_fields_and_date_order(db: Database) -> None:
    with pytest.raises(RecordInvalidError) as caught:
        registers.save_record(
            db,
            BADGES,
            None,
            {
                "badge_number": "",
                "medium": "ICカード",
                "status": "有効",
                "issued_on": "2026/4/1",
                "valid_until": "2026/3/31",
            },
        )
    assert {k: p.en for k, p in caught.value.problems.items()} == {
        "badge_number": "required",
        "valid_until": "is before issued",
    }


def test_backup_media_past_migration_and_leavers_are_flagged(db: Database) -> None:
    leaver = factories.person(db, "佐藤 花子", left_on="2026/10/31")
    due = factories.medium(
        db, "HDD-001", kind="外付けHDD", long_term_backup=True, next_migration_on="2026/11/1"
    )
    later = factories.medium(
        db, "HDD-002", kind="外付けHDD", long_term_backup=True, next_migration_on="2027/1/1"
    )
    held = factories.medium(db, "USB-009", custodian_id=leaver)
    flags = _flags(db, MEDIA)
    assert flags[due] == (Flag.MIGRATION_DUE,)
    assert flags[later] == ()
    assert flags[held] == (Flag.HELD_BY_LEAVER,)
    assert _flags(db, PEOPLE)[leaver] == (Flag.LEFT_WITH_ITEMS,)


def test_devices_with_a_setting_off_or_old_patches_are_flagged(db: Database) -> None:
    settings = {key: True for key in DEVICE_SECURITY_SETTINGS}
    base = {"kind": "スマートフォン", "ownership": "会社支給", "status": "使用中"}
    good = registers.save_record(
        db, DEVICES, None, {**base, **settings, "asset_number": "D-1", "last_patch_on": "2026/11/1"}
    )
    off = registers.save_record(
        db,
        DEVICES,
        None,
        {**base, **settings, "asset_number": "D-2", "encryption": False, "last_patch_on": "2026/11/1"},
    )
    old = registers.save_record(
        db, DEVICES, None, {**base, **settings, "asset_number": "D-3", "last_patch_on": "2026/5/1"}
    )
    flags = _flags(db, DEVICES)
    assert flags == {good: (), off: (Flag.SETTINGS_OFF,), old: (Flag.PATCH_OLD,)}

    workflows.record_settings_check(db, off, ["encryption", "jailbreak"], TODAY)
    record = registers.get_record(db, DEVICES, off)
    assert record["encryption"] is True
    assert record["settings_checked_on"] == TODAY and record["jailbreak_checked_on"] == TODAY
    assert _flags(db, DEVICES)[off] == ()


def test_disposal_warns_for_nand_and_keeps_the_medium_in_the_register(db: Database) -> None:
    assert workflows.disposal_warning(True, "overwrite") is not None
    assert workflows.disposal_warning(True, "physical_destruction") is None
    assert workflows.disposal_warning(False, "magnetic_erase") is None
    medium = factories.medium(db, "USB-001", nand_flash=True)
    with pytest.raises(RecordInvalidError) as caught:
        workflows.dispose_medium(db, medium, {"disposal_method": "物理的破壊"})
    assert set(caught.value.problems) == {"disposal_disposed_on"}
    workflows.dispose_medium(
        db,
        medium,
        {
            "disposal_method": "物理的破壊",
            "disposal_disposed_on": "2026/11/20",
            "disposal_performed_by": "○○リサイクル",
            "disposal_certificate_no": "C-77",
        },
    )
    record = registers.get_record(db, MEDIA, medium)
    assert record["status"] == "disposed" and record["disposal_method"] == "physical_destruction"
    assert record["disposal_certificate_no"] == "C-77"
    assert registers.load_rows(db, MEDIA, FlagContext(TODAY)).ids == [medium]


def test_leaver_returns_and_hands_over_what_they_hold(db: Database) -> None:
    leaver = factories.person(db, "鈴木 一郎")
    successor = factories.person(db, "田中 次郎")
    badge = registers.save_record(
        db, BADGES, None, {"badge_number": "B-1", "holder_id": leaver, "medium": "ICカード", "status": "有効"}
    )
    device = registers.save_record(
        db,
        DEVICES,
        None,
        {
            "asset_number": "D-1",
            "user_id": leaver,
            "kind": "タブレット",
            "ownership": "会社支給",
            "status": "使用中",
        },
    )
    medium = factories.medium(db, "USB-1", custodian_id=leaver)
    held = workflows.mark_left(db, leaver, date(2026, 11, 30))
    assert [(h.register.key, h.name) for h in held] == [
        ("badges", "B-1"),
        ("devices", "D-1"),
        ("media", "USB-1"),
    ]
    assert _flags(db, BADGES)[badge] == ()  # leaves at the end of the month: not yet
    workflows.return_item(db, BADGES, badge, TODAY)
    workflows.return_item(db, DEVICES, device, TODAY)
    workflows.reassign_item(db, MEDIA, medium, successor)
    assert workflows.holdings(db, leaver) == []
    assert registers.get_record(db, BADGES, badge)["returned_on"] == TODAY
    assert registers.get_record(db, DEVICES, device)["status"] == "stored"
    assert registers.get_record(db, MEDIA, medium)["custodian_id"] == successor
    with pytest.raises(UserError, match="has left"):
        workflows.reassign_item(db, MEDIA, medium, leaver)


def test_badge_actions(db: Database) -> None:
    badge = registers.save_record(
        db,
        BADGES,
        None,
        {"badge_number": "B-1", "medium": "ICカード", "status": "有効", "valid_until": "2026/10/31"},
    )
    assert _flags(db, BADGES)[badge] == (Flag.EXPIRED,)
    workflows.set_badge_status(db, badge, BadgeStatus.LOST, TODAY)
    assert _flags(db, BADGES)[badge] == (Flag.LOST, Flag.EXPIRED)
    workflows.set_badge_status(db, badge, BadgeStatus.REVOKED, TODAY)
    assert registers.get_record(db, BADGES, badge)["status"] == "revoked"
    assert _flags(db, BADGES)[badge] == ()


def test_a_person_who_holds_items_cannot_be_deleted(db: Database) -> None:
    person = factories.person(db, "高橋 三郎")
    factories.medium(db, "USB-1", custodian_id=person)
    with pytest.raises(UserError, match="still holds USB-1"):
        registers.delete_record(db, PEOPLE, person)
    assert registers.load_rows(db, PEOPLE, FlagContext(TODAY)).ids == [person]


def test_stocktake_marks_found_and_missing_and_keeps_the_result(db: Database) -> None:
    a = factories.medium(db, "USB-1", location="書庫")
    b = factories.medium(db, "USB-2", location="書庫")
    factories.medium(db, "USB-3", location="金庫")
    factories.medium(db, "USB-4", status="廃棄済")
    take = stocktake.start_stocktake(db, MEDIA, "総務 山田", TODAY)
    with pytest.raises(UserError, match="already running"):
        stocktake.start_stocktake(db, MEDIA, "総務 山田", TODAY)
    lines = stocktake.lines(db, take)
    assert [line.number for line in lines] == ["USB-1", "USB-2", "USB-3"]  # disposed ones are not expected
    stocktake.mark(db, lines[0].item_id, "found", "総務部 棚B")
    stocktake.mark(db, lines[1].item_id, "missing")
    result = stocktake.finish_stocktake(db, take, TODAY)
    assert (result.found, result.missing, result.unchecked) == (1, 1, 1)
    assert registers.get_record(db, MEDIA, a)["last_stocktake_on"] == TODAY
    assert registers.get_record(db, MEDIA, a)["location"] == "総務部 棚B"
    assert registers.get_record(db, MEDIA, b)["last_stocktake_on"] is None
    assert stocktake.open_stocktake(db, MEDIA) is None
    assert [h.id for h in stocktake.history(db, MEDIA)] == [take]
    with pytest.raises(UserError, match="already been finished"):
        stocktake.mark(db, lines[2].item_id, "found")


def test_a_partial_disposal_record_is_named_not_a_database_error(db: Database) -> None:
    medium = factories.medium(db, "USB-001")
    with pytest.raises(RecordInvalidError) as caught:
        registers.save_record(db, MEDIA, medium, {"disposal_certificate_no": "C-1"})
    assert {k: p.en for k, p in caught.value.problems.items()} == {
        "disposal_disposed_on": "needed for a disposal record",
        "disposal_method": "needed for a disposal record",
    }
    with pytest.raises(RecordInvalidError) as caught:
        registers.save_record(db, MEDIA, medium, {"disposal_disposed_on": "2026/11/1"})
    assert set(caught.value.problems) == {"disposal_method"}
    assert registers.get_record(db, MEDIA, medium)["disposal_certificate_no"] is None
