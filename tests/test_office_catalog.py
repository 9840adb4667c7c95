"""The office's own control items and task sheets: stored, validated like the bundled
catalog, assessed with it, and shared as a catalog file."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from sme_guard.db.database import Database, open_database
from sme_guard.domain.catalog import ControlItem, TaskSheet
from sme_guard.errors import CatalogError
from sme_guard.services import office_catalog as oc
from sme_guard.services import office_catalog_checks as checks
from sme_guard.services import office_catalog_files as files
from sme_guard.services.catalog import bundled_catalog


def _item(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": {"ja": "テレワーク", "en": "Telework"},
        "objective": {
            "ja": "自宅での作業の情報を守るため",
            "en": "To protect information when working at home",
        },
        "measures": [
            {"text": {"ja": "VPN で社内に接続する", "en": "Connect to the office through a VPN"}},
            {
                "text": {"ja": "離席時は画面をロックする", "en": "Lock the screen when leaving"},
                "reference": True,
            },
        ],
        "points": [{"text": {"ja": "家族と共用しない", "en": "Do not share the PC with family"}}],
        "related": [{"item": 5}],
    }
    data.update(changes)
    return data


def _sheet(item_number: int = 101, **changes: Any) -> dict[str, Any]:
    data = oc.blank_sheet_template(bundled_catalog())
    data.update(
        phase="at_home",
        title={"ja": "自宅での作業", "en": "Working at home"},
        entities=["pc"],
        impacts=["confidentiality"],
        threats=["employee_self"],
        responsibility=["employee"],
        objective={"ja": "情報の漏えいを防ぐため", "en": "To prevent leakage"},
        weakness={"ja": "私物の PC を使っている", "en": "A private PC is used"},
        risk_scenario={"ja": "家族が画面を見る", "en": "Family members see the screen"},
        technical_measures=[{"ja": "会社の PC を使う", "en": "Use a company PC"}],
        related_measures=[{"item": item_number, "measures": [1, 2]}],
    )
    data.update(changes)
    return data


def _stored(database: Database) -> list[tuple[str, str, int]]:
    with sqlite3.connect(database.path) as connection:
        return connection.execute(
            "SELECT kind, entry_id, number FROM office_catalog_entry ORDER BY entry_id"
        ).fetchall()


@pytest.fixture
def other_db(tmp_path: Path) -> Iterator[Database]:
    """A second office's fresh database."""
    database = open_database(tmp_path / "other-office.sqlite3")
    yield database
    database.close()


# ---------------------------------------------------------------- creating


def test_own_item_and_sheet_join_the_catalog_after_the_bundled_ones(db: Database) -> None:
    bundled = bundled_catalog()
    assert oc.effective_catalog(db) is bundled  # nothing of its own yet
    assert (oc.next_item_number(db), oc.next_sheet_number(db)) == (101, 101)

    item = oc.save_item(db, _item())
    sheet = oc.save_sheet(db, _sheet(item.number))

    assert (item.id, item.origin, [m.id for m in item.measures]) == (
        "own-101",
        "office",
        ["own-101-m1", "own-101-m2"],
    )
    assert [m.reference for m in item.measures] == [False, True]
    assert item.points[0].id == "own-101-p1"
    assert item.related[0].name == bundled.item(5).title  # type: ignore[union-attr]  # named from the catalog
    assert (sheet.id, sheet.origin, sheet.related_measures[0].name) == ("own-sheet-101", "office", item.title)

    catalog = oc.effective_catalog(db)
    assert catalog.items == [*bundled.items, item]
    assert catalog.sheets == [*bundled.sheets, sheet]
    assert catalog.references == bundled.references
    assert oc.office_entries(db) == ([item], [sheet])
    assert (oc.next_item_number(db), oc.next_sheet_number(db)) == (102, 102)


def test_saving_an_existing_number_updates_it(db: Database) -> None:
    item = oc.save_item(db, _item())
    changed = oc.save_item(db, {**item.model_dump(mode="json"), "title": {"ja": "在宅勤務"}})
    assert (changed.id, changed.title.ja, changed.title.en) == ("own-101", "在宅勤務", "在宅勤務")
    assert _stored(db) == [("item", "own-101", 101)]


def test_only_japanese_text_is_accepted_and_used_for_english(db: Database) -> None:
    item = oc.save_item(
        db,
        {
            "title": {"ja": "テレワーク"},
            "objective": {"ja": "自宅での作業の情報を守るため", "en": ""},
            "measures": [{"text": {"ja": "VPN で社内に接続する"}}],
        },
    )
    sheet = oc.save_sheet(
        db,
        _sheet(
            title={"ja": "自宅での作業"},
            objective={"ja": "情報の漏えいを防ぐため"},
            weakness={"ja": "私物の PC を使っている", "en": "  "},
            risk_scenario={"ja": "家族が画面を見る"},
            technical_measures=[{"ja": "会社の PC を使う"}],
            notes={"ja": "", "en": ""},
            related_measures=[{"item": item.number, "measures": [1]}],
        ),
    )
    assert (item.title.en, item.objective.en, item.measures[0].text.en) == (
        "テレワーク",
        "自宅での作業の情報を守るため",
        "VPN で社内に接続する",
    )
    assert (sheet.title.en, sheet.weakness.en, sheet.technical_measures[0].en, sheet.notes) == (
        "自宅での作業",
        "私物の PC を使っている",
        "会社の PC を使う",
        None,
    )


# ---------------------------------------------------------------- refusing


@pytest.mark.parametrize(
    ("changes", "field", "japanese"),
    [
        ({"impacts": ["confidentiality", "reputation"]}, "impacts", "凡例にない"),
        ({"title": {"ja": "", "en": ""}}, "title", "入力してください"),
        ({"technical_measures": [], "human_measures": []}, "technical_measures", "技術的対策か人的対策"),
        ({"phase": "lunch"}, "phase", "凡例にない区分"),
        ({"threats": []}, "threats", "1つ以上"),
        ({"related_measures": [{"item": 101, "measures": [3]}]}, "related_measures.0.measures", "③"),
        ({"related_measures": [{"item": 77, "measures": [1]}]}, "related_measures.0.item", "77"),
        ({"number": 6}, "number", "101"),
        ({"unknown_field": "x"}, "unknown_field", "この項目はありません"),
    ],
)
def test_a_bad_sheet_is_refused_with_the_field_named_and_nothing_written(
    db: Database, changes: dict[str, Any], field: str, japanese: str
) -> None:
    oc.save_item(db, _item())
    with pytest.raises(checks.OfficeEntryInvalidError) as caught:
        oc.save_sheet(db, _sheet(**changes))
    problems = caught.value.problems
    assert field in problems, problems
    assert japanese in problems[field].ja and problems[field].en
    assert field in caught.value.en and japanese in caught.value.ja
    assert _stored(db) == [("item", "own-101", 101)]


def test_every_problem_of_a_form_is_reported_at_once(db: Database) -> None:
    with pytest.raises(checks.OfficeEntryInvalidError) as caught:
        oc.save_sheet(
            db, _sheet(title={"ja": ""}, impacts=["nope"], technical_measures=[], related_measures=[])
        )
    assert {"title", "impacts", "technical_measures", "human_measures"} <= set(caught.value.problems)


def test_a_bad_item_is_refused_with_the_field_named(db: Database) -> None:
    bad_measure = _item(measures=[{"text": {"ja": "VPN で社内に接続する"}}, {"text": {"ja": " ", "en": ""}}])
    with pytest.raises(checks.OfficeEntryInvalidError) as caught:
        oc.save_item(db, bad_measure)
    assert set(caught.value.problems) == {"measures.1.text"}
    with pytest.raises(checks.OfficeEntryInvalidError) as caught:
        oc.save_item(db, _item(measures=[], related=[{"item": 42, "name": {"ja": "なし"}}]))
    assert "measures" in caught.value.problems
    with pytest.raises(checks.OfficeEntryInvalidError) as caught:
        oc.save_item(db, _item(related=[{"item": 42, "name": {"ja": "なし"}}]))
    assert "related.0.item" in caught.value.problems
    assert _stored(db) == []


def test_removing_a_measure_a_sheet_relates_to_is_refused(db: Database) -> None:
    item = oc.save_item(db, _item())
    oc.save_sheet(db, _sheet(item.number))
    shorter = {**item.model_dump(mode="json"), "measures": [{"text": {"ja": "VPN で社内に接続する"}}]}
    with pytest.raises(checks.OfficeEntryInvalidError) as caught:
        oc.save_item(db, shorter)
    assert "No.101" in caught.value.problems["measures"].ja
    assert oc.office_entries(db)[0] == [item]


# ---------------------------------------------------------------- copying, templates


def test_a_copy_of_bundled_sheet_1_has_all_its_fields(db: Database) -> None:
    original = bundled_catalog().sheet(1)
    assert original is not None
    copy = oc.copy_sheet(db, original)
    assert (copy.id, copy.number, copy.origin) == ("own-sheet-101", 101, "office")
    assert (copy.title.ja, copy.title.en) == (f"{original.title.ja}（写）", f"{original.title.en} (copy)")
    same = {"id", "number", "origin", "title"}
    assert copy.model_dump(exclude=same) == original.model_dump(exclude=same)
    assert oc.copy_sheet(db, copy).number == 102  # a copy of a copy gets the next number
    assert oc.effective_catalog(db).sheets[-2] == copy


def test_the_blank_templates_have_every_field(db: Database) -> None:
    catalog = bundled_catalog()
    sheet = oc.blank_sheet_template(catalog)
    assert set(sheet) == set(TaskSheet.model_fields) - {"id"}
    assert sheet["impacts"] == [] and sheet["title"] == {"ja": "", "en": ""} and sheet["number"] is None
    item = oc.blank_item_template(catalog)
    assert set(item) == set(ControlItem.model_fields) - {"id"}
    # Filled in by the office, the templates are saved as they are.
    item.update(title={"ja": "独自"}, objective={"ja": "目的"}, measures=[{"text": {"ja": "対策"}}])
    assert oc.save_item(db, item).id == "own-101"


# ---------------------------------------------------------------- deleting


def test_deleting_an_item_a_sheet_relates_to_is_refused(db: Database) -> None:
    item = oc.save_item(db, _item())
    sheet = oc.save_sheet(db, _sheet(item.number))
    with pytest.raises(oc.OfficeEntryInUseError) as caught:
        oc.delete_entry(db, item.id)
    assert "No.101 自宅での作業" in caught.value.ja and "Working at home" in caught.value.en
    assert len(_stored(db)) == 2
    oc.delete_entry(db, sheet.id)
    oc.delete_entry(db, item.id)
    assert _stored(db) == []
    with pytest.raises(oc.OfficeEntryNotFoundError):
        oc.delete_entry(db, "ctl-05")


def test_a_deleted_entrys_number_is_not_given_again(db: Database) -> None:
    # Assessment answers are stored under the ids (own-101-m1): a new item must not inherit them.
    item = oc.save_item(db, _item())
    sheet = oc.copy_sheet(db, bundled_catalog().sheets[0])
    oc.delete_entry(db, sheet.id)
    oc.delete_entry(db, item.id)
    assert (oc.next_item_number(db), oc.next_sheet_number(db)) == (102, 102)
    assert oc.save_item(db, _item()).id == "own-102"
    assert oc.save_item(db, _item(number=101)).id == "own-101"  # unless the office chooses it


# ---------------------------------------------------------------- damaged rows


def test_a_damaged_row_names_the_entry(db: Database) -> None:
    item = oc.save_item(db, _item())
    with db.engine.begin() as connection:  # written outside the services (the change is audited)
        connection.exec_driver_sql(
            'UPDATE office_catalog_entry SET data = \'{"id": "own-101", \' WHERE entry_id = ?', (item.id,)
        )
    with pytest.raises(CatalogError, match=r"own-101: not valid JSON") as caught:
        oc.effective_catalog(db)
    assert "own-101" in caught.value.ja
    oc.delete_entry(db, item.id)  # the way out: delete it
    assert oc.office_entries(db) == ([], [])


def test_a_row_that_no_longer_fits_the_schema_names_entry_and_field(db: Database) -> None:
    item = oc.save_item(db, _item())
    with db.engine.begin() as connection:  # written outside the services (the change is audited)
        connection.exec_driver_sql(
            "UPDATE office_catalog_entry SET data = json_remove(data, '$.objective') WHERE entry_id = ?",
            (item.id,),
        )
    with pytest.raises(CatalogError, match=r"own-101: objective"):
        oc.office_entries(db)


# ---------------------------------------------------------------- catalog files


def _fill(database: Database) -> tuple[ControlItem, TaskSheet, TaskSheet]:
    item = oc.save_item(database, _item())
    sheet = oc.save_sheet(database, _sheet(item.number, notes={"ja": "備考", "en": "Notes"}))
    copy = oc.copy_sheet(database, bundled_catalog().sheets[0])
    return item, sheet, copy


def test_export_then_import_into_a_fresh_database_gives_equal_entries(
    db: Database, other_db: Database, tmp_path: Path
) -> None:
    item, sheet, copy = _fill(db)
    path = tmp_path / "office-catalog.yaml"
    assert files.export_office_catalog(db, path) == (1, 2)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# SMEガード独自カタログ (office catalog file)")
    assert "テレワーク" in text  # readable Japanese, not escapes
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    data = yaml.safe_load(text)
    assert set(data) == {"items", "sheets"}
    # The catalog schema: the same field names as the bundled catalog files.
    assert set(data["items"][0]) == set(ControlItem.model_fields)
    assert set(data["sheets"][0]) == set(TaskSheet.model_fields)

    summary = files.import_office_catalog(other_db, path)
    assert summary == files.ImportSummary(items_added=1, items_updated=0, sheets_added=2, sheets_updated=0)
    assert oc.office_entries(other_db) == oc.office_entries(db) == ([item], [sheet, copy])
    assert oc.effective_catalog(other_db) == oc.effective_catalog(db)

    again = files.import_office_catalog(other_db, path)
    assert again == files.ImportSummary(items_added=0, items_updated=1, sheets_added=0, sheets_updated=2)
    assert len(_stored(other_db)) == 3


def _renumber(data: dict[str, Any], number: int) -> None:
    item = data["items"][0]
    item.update(number=number, id=f"own-{number:02d}")
    for kind, key in (("m", "measures"), ("p", "points")):
        for entry in item[key]:
            entry["id"] = f"own-{number:02d}-{kind}{entry['no']}"


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (lambda d: d["sheets"][0]["title"].update(ja=""), r"office-catalog\.yaml: own-sheet-101: title\.ja"),
        (lambda d: d["sheets"][1].update(impacts=["reputation"]), r"own-sheet-102: impacts: unknown code"),
        (lambda d: d["items"][0].pop("objective"), r"office-catalog\.yaml: own-101: objective"),
        (
            lambda d: d["items"][0]["measures"].pop(),
            r"own-sheet-101: related_measures: item 101 has no measure ②",
        ),
        (lambda d: _renumber(d, 5), r"office-catalog\.yaml: own-05: number"),
    ],
)
def test_a_file_with_one_bad_entry_writes_nothing(
    other_db: Database, db: Database, tmp_path: Path, spoil: Any, message: str
) -> None:
    _fill(db)
    path = tmp_path / "office-catalog.yaml"
    files.export_office_catalog(db, path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    spoil(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CatalogError, match=message):
        files.import_office_catalog(other_db, path)
    assert _stored(other_db) == []


def test_an_entry_claiming_to_be_from_the_guideline_is_refused(
    db: Database, other_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "guideline.yaml"
    sheet = bundled_catalog().sheets[0].model_dump(mode="json")
    path.write_text(yaml.safe_dump({"sheets": [sheet]}, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CatalogError, match=r"guideline\.yaml: sheet-001: origin") as caught:
        files.import_office_catalog(other_db, path)
    assert "ガイドライン" in caught.value.ja
    # An own entry whose id is a guideline id is refused too.
    own = {**sheet, "origin": "office"}
    path.write_text(yaml.safe_dump({"sheets": [own]}, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CatalogError, match=r"sheet-001: id"):
        files.import_office_catalog(other_db, path)
    assert _stored(other_db) == []


def test_a_file_that_is_no_catalog_is_refused(other_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    path.write_text("- 買い物: 牛乳\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"notes\.yaml: has no 'items:' or 'sheets:'"):
        files.import_office_catalog(other_db, path)
    path.write_text("items: [\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"notes\.yaml line \d+: not valid YAML"):
        files.import_office_catalog(other_db, path)


def test_export_to_a_missing_folder_is_a_plain_error(db: Database, tmp_path: Path) -> None:
    _fill(db)
    with pytest.raises(files.OfficeCatalogWriteError, match="cannot be written"):
        files.export_office_catalog(db, tmp_path / "no-such-folder" / "office.yaml")
