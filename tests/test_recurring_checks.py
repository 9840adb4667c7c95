"""定期点検 without a display: the schedule file, defaults, own checks, completions."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from sme_guard.db.database import Database
from sme_guard.domain.recurring import CompletedBy
from sme_guard.domain.registers import MEDIA
from sme_guard.errors import CatalogError
from sme_guard.services import incidents, recurring_checks, settings, stocktake
from sme_guard.services.catalog import (
    bundled_catalog,
    bundled_check_schedule,
    load_check_schedule,
    schedule_point_ids,
)
from sme_guard.services.details import DetailInvalidError
from sme_guard.services.recurring_checks import CheckRuleError
from sme_guard.services.registers import save_record
from tests.conftest import REPO

TODAY = date(2026, 11, 27)


def _by_code(db: Database) -> dict[str, recurring_checks.CheckLine]:
    return {line.code: line for line in recurring_checks.checks(db, TODAY)}


# ---------------------------------------------------------------- the schedule file


def test_the_bundled_schedule_serves_catalog_points_that_exist() -> None:
    schedule = load_check_schedule()
    known = schedule_point_ids(bundled_catalog())
    assert 10 <= len(schedule.checks) <= 13
    for check in schedule.checks:
        assert check.points and set(check.points) <= known, check.code
        assert check.title.ja and check.title.en
    by_code = {c.code: c for c in schedule.checks}
    assert by_code["media_stocktake"].points[0] == "ctl-09-p1"
    assert by_code["website_tamper_check"].interval_days == 30
    assert {c.completed_by for c in schedule.checks if c.completed_by} == set(CompletedBy)
    header = (REPO / "catalog" / "recurring_checks.yaml").read_text(encoding="utf-8").splitlines()[:4]
    assert any("suggestions" in line for line in header)


def _write(tmp_path: Path, checks: list[dict[str, object]]) -> Path:
    path = tmp_path / "recurring_checks.yaml"
    path.write_text(yaml.safe_dump({"checks": checks}, allow_unicode=True), encoding="utf-8")
    return path


GOOD = {
    "code": "website_tamper_check",
    "title": {"ja": "改ざん確認", "en": "Tamper check"},
    "points": ["ctl-12-p1"],
    "interval_days": 30,
}


def test_an_unknown_point_is_refused_naming_file_check_and_field(tmp_path: Path) -> None:
    path = _write(tmp_path, [GOOD, {**GOOD, "code": "typo", "points": ["ctl-12-p9"]}])
    with pytest.raises(CatalogError) as caught:
        load_check_schedule(path)
    assert caught.value.en == "recurring_checks.yaml: typo: points: ctl-12-p9 is not in the catalog"


def test_a_missing_title_is_refused_naming_the_check_and_field(tmp_path: Path) -> None:
    entry = {k: v for k, v in GOOD.items() if k != "title"}
    with pytest.raises(CatalogError) as caught:
        load_check_schedule(_write(tmp_path, [entry]))
    assert caught.value.en.startswith("recurring_checks.yaml: website_tamper_check: title: Field required")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"points": ["item 9"]}, "not a catalog point, measure or sheet id: item 9"),
        ({"interval_days": 0}, "interval_days: Input should be greater than or equal to 1"),
        ({"colour": "red"}, "colour: Extra inputs are not permitted"),
        ({"completed_by": "stocktake:printers"}, "completed_by: Input should be"),
    ],
)
def test_other_mistakes_are_named(tmp_path: Path, change: dict[str, object], message: str) -> None:
    with pytest.raises(CatalogError, match=message):
        load_check_schedule(_write(tmp_path, [{**GOOD, **change}]))


def test_a_code_used_twice_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="code used twice: website_tamper_check"):
        load_check_schedule(_write(tmp_path, [GOOD, GOOD]))


# ---------------------------------------------------------------- defaults


def test_defaults_are_loaded_once_and_keep_the_offices_changes(db: Database) -> None:
    added = recurring_checks.ensure_defaults(db)
    schedule = bundled_check_schedule()
    assert added == [c.code for c in schedule.checks]
    lines = _by_code(db)
    assert list(lines) == [c.code for c in schedule.checks]
    tamper = lines["website_tamper_check"]
    assert (tamper.interval_days, tamper.enabled, tamper.own) == (30, True, False)
    assert tamper.title("ja") == "公開Webサイトの改ざん確認"
    assert tamper.title("en") == "Check the public website has not been tampered with"
    assert tamper.points == ("ctl-12-p1",)

    recurring_checks.set_interval(db, tamper.id, "14")
    recurring_checks.set_enabled(db, lines["device_control_check"].id, False)
    assert recurring_checks.ensure_defaults(db) == []
    again = _by_code(db)
    assert len(again) == len(schedule.checks)
    assert again["website_tamper_check"].interval_days == 14
    assert again["device_control_check"].enabled is False
    assert again["device_control_check"].overdue is False  # switched off: never overdue


def test_the_interval_must_be_a_whole_number_of_days(db: Database) -> None:
    recurring_checks.ensure_defaults(db)
    check = _by_code(db)["user_id_review"]
    for bad in ("0", "abc", ""):
        with pytest.raises(DetailInvalidError) as caught:
            recurring_checks.set_interval(db, check.id, bad)
        assert list(caught.value.problems) == ["interval_days"]


def test_the_contact_tree_interval_is_the_office_setting(db: Database) -> None:
    settings.set_int(db, settings.CONTACTS_CONFIRM_DAYS, 120)
    recurring_checks.ensure_defaults(db)
    contact = _by_code(db)["contact_tree_confirmation"]
    assert contact.interval_days == 120
    recurring_checks.set_interval(db, contact.id, 90)
    assert settings.get_int(db, settings.CONTACTS_CONFIRM_DAYS) == 90
    assert incidents.confirmation(db, TODAY).interval_days == 90


# ---------------------------------------------------------------- completions


def test_a_completion_dates_the_check(db: Database) -> None:
    recurring_checks.ensure_defaults(db, today=TODAY)
    tamper = _by_code(db)["website_tamper_check"]
    # Never done: due one interval after it was added, not at once.
    assert (tamper.last_done_on, tamper.next_due_on, tamper.overdue) == (None, date(2026, 12, 27), False)
    recurring_checks.record_completion(
        db, tamper.id, {"done_on": "2026/11/1", "done_by": "山田", "note": "異常なし"}
    )
    second = recurring_checks.record_completion(db, tamper.id, {"done_on": "令和8年11月20日"})
    tamper = _by_code(db)["website_tamper_check"]
    assert tamper.last_done_on == date(2026, 11, 20)
    assert tamper.next_due_on == date(2026, 12, 20)
    assert tamper.overdue is False
    history = recurring_checks.completions(db, tamper.id)
    assert [(c.done_on, c.done_by, c.note) for c in history] == [
        (date(2026, 11, 20), None, None),
        (date(2026, 11, 1), "山田", "異常なし"),
    ]
    recurring_checks.delete_completion(db, second)
    assert _by_code(db)["website_tamper_check"].next_due_on == date(2026, 12, 1)


def test_a_completion_with_a_bad_date_is_refused_naming_the_field(db: Database) -> None:
    recurring_checks.ensure_defaults(db)
    tamper = _by_code(db)["website_tamper_check"]
    with pytest.raises(DetailInvalidError) as caught:
        recurring_checks.record_completion(db, tamper.id, {"done_on": "2026/2/30", "done_by": "山田"})
    assert {k: p.en for k, p in caught.value.problems.items()} == {
        "done_on": "'2026/2/30' is not a real date"
    }
    with pytest.raises(DetailInvalidError) as caught:
        recurring_checks.record_completion(db, tamper.id, {"done_by": "山田"})
    assert {k: p.en for k, p in caught.value.problems.items()} == {"done_on": "required"}
    assert recurring_checks.completions(db, tamper.id) == []


def test_a_check_done_by_another_record_takes_its_date_from_it(db: Database) -> None:
    recurring_checks.ensure_defaults(db, today=date(2025, 11, 27))  # set up a year ago
    lines = _by_code(db)
    media = lines["media_stocktake"]
    assert media.completed_by is CompletedBy.MEDIA_STOCKTAKE
    assert media.nothing_to_check and not media.overdue  # no media: nothing to count
    with pytest.raises(CheckRuleError, match="stock-take of storage media"):
        recurring_checks.record_completion(db, media.id, {"done_on": "2026/11/1"})

    save_record(
        db, MEDIA, None, {"asset_number": "M-1", "kind": "usb_memory", "quantity": 1, "status": "in_use"}
    )
    media = _by_code(db)["media_stocktake"]  # something to count, never counted since its first due
    assert (media.next_due_on, media.overdue) == (media.first_due_on, True)
    take = stocktake.start_stocktake(db, MEDIA, "山田", date(2026, 3, 1))
    stocktake.finish_stocktake(db, take, date(2026, 3, 2))
    media = _by_code(db)["media_stocktake"]
    assert (media.last_done_on, media.next_due_on, media.overdue) == (
        date(2026, 3, 2),
        date(2026, 3, 2) + timedelta(days=365),
        False,
    )

    contact = lines["contact_tree_confirmation"]
    incidents.confirm_tree(db, date(2026, 5, 1), None)
    contact = _by_code(db)["contact_tree_confirmation"]
    assert (contact.last_done_on, contact.next_due_on, contact.overdue) == (
        date(2026, 5, 1),
        date(2026, 10, 28),
        True,
    )


# ---------------------------------------------------------------- own checks


def test_own_checks_are_added_completed_and_deleted(db: Database) -> None:
    recurring_checks.ensure_defaults(db)
    first = recurring_checks.add_own_check(
        db, {"title": "UPSのバッテリー確認", "interval_days": "180", "points": "ctl-04-m1, ctl-04-p1"}
    )
    second = recurring_checks.add_own_check(db, {"title": "金庫の鍵の確認", "interval_days": 30})
    lines = _by_code(db)
    assert list(lines)[-2:] == ["own-1", "own-2"]
    ups = lines["own-1"]
    assert (ups.id, ups.own, ups.title("en"), ups.points, ups.interval_days) == (
        first,
        True,
        "UPSのバッテリー確認",
        ("ctl-04-m1", "ctl-04-p1"),
        180,
    )
    recurring_checks.record_completion(db, first, {"done_on": date(2026, 11, 1), "done_by": "田中"})
    assert _by_code(db)["own-1"].next_due_on == date(2027, 4, 30)

    recurring_checks.update_own_check(
        db, second, {"title": "金庫の鍵と暗証番号の確認", "points": ["ctl-09-m3"]}
    )
    assert _by_code(db)["own-2"].points == ("ctl-09-m3",)

    recurring_checks.delete_own_check(db, first)
    assert "own-1" not in _by_code(db)
    assert recurring_checks.completions(db, first) == []
    third = recurring_checks.add_own_check(db, {"title": "三つ目", "interval_days": 7})
    assert next(line.code for line in recurring_checks.checks(db, TODAY) if line.id == third) == "own-3"


def test_an_own_check_needs_a_title_an_interval_and_real_points(db: Database) -> None:
    with pytest.raises(DetailInvalidError) as caught:
        recurring_checks.add_own_check(db, {"title": " ", "interval_days": "0", "points": "ctl-9-p1"})
    assert set(caught.value.problems) == {"title", "interval_days", "points"}
    with pytest.raises(DetailInvalidError) as caught:
        recurring_checks.add_own_check(
            db, {"title": "確認", "interval_days": 30, "points": ["ctl-09-p9"]}, catalog=bundled_catalog()
        )
    assert caught.value.problems["points"].en.startswith("ctl-09-p9 is not a catalog entry")


def test_a_default_cannot_be_deleted_only_switched_off(db: Database) -> None:
    recurring_checks.ensure_defaults(db)
    tamper = _by_code(db)["website_tamper_check"]
    with pytest.raises(CheckRuleError, match="switch it off"):
        recurring_checks.delete_own_check(db, tamper.id)
    assert "website_tamper_check" in _by_code(db)
    recurring_checks.set_enabled(db, tamper.id, False)
    assert _by_code(db)["website_tamper_check"].enabled is False
