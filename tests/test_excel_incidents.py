"""The incident log to and from Excel: date-times in local time, multi-line text, numbers kept
or given as the app gives them, the status workflow's rules, and the command line.

Times are typed as local wall-clock times (as people type them), so the expectations hold in
any time zone; a moment stored in UTC is expected as ``.astimezone()`` shows it here."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from sme_guard.cli import main
from sme_guard.db.database import Database, open_database
from sme_guard.domain.codes import IncidentStatus, label
from sme_guard.domain.registers import INCIDENTS, MEDIA, PEOPLE
from sme_guard.exchange.excel import export_registers, import_register
from sme_guard.services import clock, incidents, registers
from sme_guard.services.registers import table_of

TODAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
KEYS = [c.key for c in INCIDENTS.columns] + ["year", "sequence"]
FORMULA_LIKE = "=原因調査中\n+再発防止策は別紙"


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    monkeypatch.setattr(clock, "now", lambda: NOW)


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Database]:
    """A second, empty database to import into."""
    opened = open_database(tmp_path / "other.sqlite3")
    yield opened
    opened.close()


def _incident(database: Database, when: Any, **extra: Any) -> int:
    values = {"incident_type": "情報漏えい", "severity": "高", "occurred_at": when, **extra}
    return registers.save_record(database, INCIDENTS, None, values)


def _fill(database: Database) -> dict[str, int]:
    """Every kind of field: date-times, multi-line and formula-like text, impacts, a closed
    incident, one of last year, and a gap in the numbers left by a deletion."""
    leak = _incident(
        database,
        "2026/11/20 9:30",
        discovered_at="2026/11/20 10:05",
        reported_at=datetime(2026, 11, 21, 0, 15, tzinfo=UTC),
        who="営業部 佐藤",
        what="顧客名簿\n(300件)",
        how="メールの誤送信\n宛先の自動補完",
        result="社外の1社に送信",
        impact_confidentiality=True,
        impact_legality=True,
        threat_source="employee_self",
        root_cause="宛先の自動補完が有効だった",
        recovery_method="先方に削除を依頼",
        timeline="11/20 発見\n11/21 報告",
    )
    incidents.change_status(database, leak, IncidentStatus.IN_PROGRESS, NOW)
    incidents.change_status(database, leak, IncidentStatus.CLOSED, NOW, "対応完了")
    old = _incident(
        database,
        "2025/12/31 23:00",
        incident_type="停止",
        severity="中",
        impact_availability=True,
        timeline=FORMULA_LIKE,
    )
    incidents.change_status(database, old, IncidentStatus.IN_PROGRESS, NOW)
    gone = _incident(database, "2026/11/25 14:30")
    kept = _incident(database, "令和8年11月26日 8時00分", incident_type="ウイルス感染", severity="重大")
    registers.delete_record(database, INCIDENTS, gone)
    return {"leak": leak, "old": old, "kept": kept}


def _minute(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(second=0, microsecond=0)
    return value


def _stored(database: Database) -> dict[str, dict[str, Any]]:
    """Every stored field of every incident by number, date-times to the minute."""
    table = table_of(INCIDENTS)
    with database.engine.connect() as connection:
        return {
            row["number"]: {key: _minute(row[key]) for key in KEYS}
            for row in connection.execute(select(table)).mappings()
        }


def _ids(database: Database) -> dict[str, int]:
    table = table_of(INCIDENTS)
    with database.engine.connect() as connection:
        return {number: i for i, number in connection.execute(select(table.c.id, table.c.number))}


def _history(database: Database, number: str) -> list[tuple[str, str | None]]:
    detail = incidents.detail(database, _ids(database)[number])
    return [(c.status, c.note) for c in detail.status_changes]


def _local(value: datetime) -> datetime:
    return value.astimezone().replace(tzinfo=None)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_round_trip_is_lossless_and_numbering_continues(
    db: Database, other: Database, tmp_path: Path, lang: str
) -> None:
    _fill(db)
    path = tmp_path / "障害・事故.xlsx"
    assert export_registers(db, [INCIDENTS], path, lang) == 3
    report = import_register(other, INCIDENTS, path, lang=lang)
    assert (report.rows_read, report.rows_inserted, report.rows_updated) == (3, 3, 0)
    assert (report.rejections, report.ignored_columns) == ([], [])
    source = _stored(db)
    assert sorted(source) == ["2025-001", "2026-001", "2026-003"]
    assert _stored(other) == source
    leak = source["2026-001"]
    assert leak["status"] == "closed" and leak["closed_on"] == NOW.astimezone().date()
    assert leak["what"] == "顧客名簿\n(300件)" and leak["timeline"] == "11/20 発見\n11/21 報告"
    assert source["2025-001"]["timeline"] == FORMULA_LIKE
    # The imported history says the status came from the file, after the first change.
    note = "Excel から取込" if lang == "ja" else "Imported from Excel"
    assert _history(other, "2026-001") == [("received", None), ("closed", note)]
    assert _history(other, "2026-003") == [("received", None)]

    # Numbers go on after the imported ones, per year, and are never reused.
    fresh = _incident(other, "2026/11/27 11:00")
    last_year = _incident(other, "2025/12/1 9:00")
    numbers = {i: n for n, i in _ids(other).items()}
    assert (numbers[fresh], numbers[last_year]) == ("2026-004", "2025-002")

    # The same file again updates every incident and changes nothing.
    before = _stored(other)
    again = import_register(other, INCIDENTS, path, lang=lang)
    assert (again.rows_inserted, again.rows_updated, again.rejections) == (0, 3, [])
    assert _stored(other) == before
    assert _history(other, "2026-001") == [("received", None), ("closed", note)]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_export_has_datetime_cells_wrapped_text_and_drop_downs(
    db: Database, tmp_path: Path, lang: str
) -> None:
    _fill(db)
    path = tmp_path / "out.xlsx"
    export_registers(db, [INCIDENTS], path, lang)
    sheet = load_workbook(path)[INCIDENTS.label(lang)]
    columns = INCIDENTS.columns
    assert [c.value for c in sheet[1]] == [c.label(lang) for c in columns]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:T{sheet.max_row}"
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows.replace("$", "") == "1:1"
    rows = {
        row[0].value: {c.key: cell for c, cell in zip(columns, row, strict=True)}
        for row in sheet.iter_rows(min_row=2)
    }
    assert list(rows) == ["2026-001", "2025-001", "2026-003"]
    leak = rows["2026-001"]
    for key in ("occurred_at", "discovered_at", "reported_at"):
        assert leak[key].is_date and leak[key].number_format == "yyyy/mm/dd hh:mm", key
    # Typed local times come back as typed; a moment saved in UTC in this PC's time.
    assert leak["occurred_at"].value == datetime(2026, 11, 20, 9, 30)
    assert leak["discovered_at"].value == datetime(2026, 11, 20, 10, 5)
    assert leak["reported_at"].value == _local(datetime(2026, 11, 21, 0, 15, tzinfo=UTC))
    assert leak["closed_on"].is_date and leak["closed_on"].number_format == "yyyy/mm/dd"
    assert leak["status"].value == label(IncidentStatus.CLOSED, lang)
    assert leak["what"].value == "顧客名簿\n(300件)" and leak["what"].alignment.wrap_text
    assert leak["impact_confidentiality"].value == ("はい" if lang == "ja" else "yes")
    timeline = rows["2025-001"]["timeline"]
    assert (timeline.value, timeline.data_type, timeline.alignment.wrap_text) == (FORMULA_LIKE, "s", True)
    assert timeline.quotePrefix
    for index, column in enumerate(columns, start=1):
        letter = sheet.cell(1, index).column_letter
        assert sheet.column_dimensions[letter].width >= (17 if column.kind == "datetime" else column.width)
    validations = {
        cell_range.min_col: v.formula1.strip('"').split(",")
        for v in sheet.data_validations.dataValidation
        for cell_range in v.sqref.ranges
    }
    status = [c.key for c in columns].index("status") + 1
    assert validations[status] == [label(s, lang) for s in IncidentStatus]
    assert sorted(validations) == [i for i, c in enumerate(columns, start=1) if c.kind in {"code", "bool"}]


def _serial(day: date, hours: float) -> float:
    return (day - date(1899, 12, 30)).days + hours / 24


HEADER = [
    "番号",
    "種類",
    "重大度",
    "発生日時",  # the label without its "(いつ)"
    "誰が",
    "どのようにして",
    "影響: 機密性",
    "状態",
    "完了日",
    "根本原因",
    "メモ",
]


def _user_sheet(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "事故一覧"
    rows: list[list[Any]] = [
        ["障害・事故 一覧(総務部)"],  # 1: a title
        HEADER,  # 2
        [
            None,
            "情報漏えい",
            "高",
            "2026/11/27 14:30",
            "佐藤",
            "誤送信\n宛先の自動補完",
            "はい",
            None,
            None,
            None,
            "新規",
        ],
        [None, "停止", "中", "令和8年11月27日 9時05分", None, None, None, None, None, None, None],  # 4
        [
            "2025-014",
            "ウイルス感染",
            "重大",
            datetime(2025, 6, 1, 8, 15),
            "他事業所",
            None,
            "○",
            "完了",
            "2025/6/30",
            "添付ファイル",
            None,
        ],
        [
            "2026-001",
            "誤動作",
            "低",
            _serial(date(2026, 11, 26), 18),
            None,
            None,
            None,
            "対応中",
            None,
            None,
            "更新",
        ],
        ["26-1", "停止", "中", "2026/11/1 8:00", None, None, None, None, None, None, None],  # 7
        [None, "停止", "中", "2026/2/30 10:00", None, None, None, None, None, None, None],  # 8
        [None, "地震", "高", "2026/11/1 8:00", None, None, None, None, None, None, None],  # 9
        ["2025-14", "停止", "中", "2025/6/2 8:00", None, None, None, None, None, None, None],  # 10
        [None, "停止", "中", "2026/11/3 8:00", None, None, None, "完了", None, None, None],  # 11
        [None, "停止", "中", "2026/11/4 8:00", None, None, None, None, "2026/11/5", None, None],  # 12
        [None, None, None, None, None, None, None, None, None, None, "以上"],  # 13: a note
    ]
    for row in rows:
        sheet.append(row)
    workbook.save(path)


USER_EN = [
    "row 7: No.: number '26-1' must look like 2026-001",
    "row 8: Occurred (when): '2026/2/30' is not a real date",
    "row 9: Type: '地震' is not one of: Outage, Malfunction, Damage, Information leak, Tampering, "
    "Access violation, Malware infection, External attack, Loss or theft, Other",
    "row 10: No.: '2025-014' repeats row 5 of this file",
    "row 11: Status: The root cause is empty, so the incident cannot be closed (control 3③).",
    "row 12: Closed on: only a closed incident has this date",
]
USER_JA = [
    "7行目: 番号: 番号「26-1」は「2026-001」の形にしてください",
    "8行目: 発生日時(いつ): 「2026/2/30」は存在しない日付です",
    "9行目: 種類: 「地震」は選べません(停止、誤動作、破損、情報漏えい、改ざん、アクセス違反、ウイルス感染、外部からの攻撃、紛失・盗難、その他 のいずれか)",
    "10行目: 番号: 「2025-014」は5行目と重複しています",
    "11行目: 状態: 根本原因が記入されていないため完了にできません(管理策3③)。",
    "12行目: 完了日: 状態が「完了」のときだけ入力できます",
]


def test_a_user_sheet_imports_its_good_rows_and_names_the_bad_ones(db: Database, tmp_path: Path) -> None:
    existing = _incident(db, "2026/11/20 9:30", what="既存")
    path = tmp_path / "user.xlsx"
    _user_sheet(path)
    report = import_register(db, INCIDENTS, path, lang="en")
    assert report.sheet == "事故一覧" and report.ignored_columns == ["メモ"]
    assert report.lines() == USER_EN
    assert report.lines("ja") == USER_JA
    assert (report.rows_read, report.rows_inserted, report.rows_updated, report.rows_rejected) == (
        10,
        3,
        1,
        6,
    )

    stored = _stored(db)
    assert sorted(stored) == ["2025-014", "2026-001", "2026-002", "2026-003"]
    # Rows without a number take the next ones of the year they occurred in, in file order.
    first, second = stored["2026-002"], stored["2026-003"]
    assert _local(first["occurred_at"]) == datetime(2026, 11, 27, 14, 30)
    assert (first["who"], first["how"], first["impact_confidentiality"]) == (
        "佐藤",
        "誤送信\n宛先の自動補完",
        True,
    )
    assert (first["status"], first["year"], first["sequence"]) == ("received", 2026, 2)
    assert _local(second["occurred_at"]) == datetime(2026, 11, 27, 9, 5)
    # Another office's number is kept, with its status and closed-on date.
    brought = stored["2025-014"]
    assert _local(brought["occurred_at"]) == datetime(2025, 6, 1, 8, 15)
    assert (brought["incident_type"], brought["severity"], brought["status"]) == (
        "malware",
        "critical",
        "closed",
    )
    assert (brought["closed_on"], brought["year"], brought["sequence"]) == (date(2025, 6, 30), 2025, 14)
    assert _history(db, "2025-014") == [("received", None), ("closed", "Imported from Excel")]
    # A known number updates that incident; its other fields stay.
    updated = stored["2026-001"]
    assert _ids(db)["2026-001"] == existing
    assert _local(updated["occurred_at"]) == datetime(2026, 11, 26, 18, 0)
    assert (updated["incident_type"], updated["severity"], updated["what"]) == ("malfunction", "low", "既存")
    assert updated["status"] == "in_progress"
    assert _history(db, "2026-001") == [("received", None), ("in_progress", "Imported from Excel")]
    # The counters moved past the imported numbers.
    assert registers.get_record(db, INCIDENTS, _incident(db, "2025/7/1 9:00"))["number"] == "2025-015"
    assert registers.get_record(db, INCIDENTS, _incident(db, "2026/11/27 15:00"))["number"] == "2026-004"


def test_dry_run_checks_everything_and_writes_nothing(db: Database, tmp_path: Path) -> None:
    _incident(db, "2026/11/20 9:30")
    before = _stored(db)
    path = tmp_path / "user.xlsx"
    _user_sheet(path)
    report = import_register(db, INCIDENTS, path, dry_run=True, lang="en")
    assert report.lines() == USER_EN
    assert (report.rows_inserted, report.rows_updated) == (3, 1)
    assert _stored(db) == before
    assert _history(db, "2026-001") == [("received", None)]
    assert registers.get_record(db, INCIDENTS, _incident(db, "2026/11/27 15:00"))["number"] == "2026-002"


def test_an_edited_export_moves_incidents_through_the_workflow(db: Database, tmp_path: Path) -> None:
    ids = _fill(db)
    incidents.save_action(db, ids["kept"], None, {"description": "パターンファイルの更新"})
    path = tmp_path / "out.xlsx"
    export_registers(db, [INCIDENTS], path, "ja")
    workbook = load_workbook(path)
    sheet = workbook[INCIDENTS.ja]
    column = {c.key: i for i, c in enumerate(INCIDENTS.columns, start=1)}
    row = {sheet.cell(r, 1).value: r for r in range(2, sheet.max_row + 1)}
    sheet.cell(row["2026-001"], column["status"]).value = "対応中"  # reopened; 完了日 left as it was
    sheet.cell(row["2025-001"], column["status"]).value = "完了"
    sheet.cell(row["2025-001"], column["root_cause"]).value = "電源の劣化"
    sheet.cell(row["2026-003"], column["status"]).value = "完了"  # an action is still open
    sheet.cell(row["2026-003"], column["root_cause"]).value = "未更新の端末"
    workbook.save(path)

    report = import_register(db, INCIDENTS, path, lang="en")
    assert report.lines() == [
        "row 4: Status: 1 prevention action(s) are not done yet, so the incident cannot be closed (control 3③)."
    ]
    assert (report.rows_updated, report.rows_rejected) == (2, 1)
    stored = _stored(db)
    assert (stored["2026-001"]["status"], stored["2026-001"]["closed_on"]) == ("in_progress", None)
    assert (stored["2025-001"]["status"], stored["2025-001"]["closed_on"]) == ("closed", TODAY)
    assert stored["2025-001"]["root_cause"] == "電源の劣化"
    assert (stored["2026-003"]["status"], stored["2026-003"]["root_cause"]) == ("received", None)
    assert _history(db, "2025-001")[-1] == ("closed", "Imported from Excel")


def test_a_sheet_needs_no_status_or_number_column(db: Database, tmp_path: Path) -> None:
    workbook = Workbook()
    workbook.active.append(["Type", "Severity", "Occurred", "What"])
    workbook.active.append(["Outage", "Low", "2026-11-27 08:00", "NAS"])
    workbook.save(tmp_path / "min.xlsx")
    report = import_register(db, INCIDENTS, tmp_path / "min.xlsx", lang="en")
    assert (report.rows_inserted, report.rejections) == (1, [])
    assert _stored(db)["2026-001"]["status"] == "received"


# --- the command line ---------------------------------------------------------------------


def test_cli_exports_incidents_alone_and_in_all(
    capsys: pytest.CaptureFixture[str], db_path: Path, db: Database, tmp_path: Path
) -> None:
    _fill(db)
    registers.save_record(
        db, PEOPLE, None, {"name": "山田 太郎", "employment_type": "regular", "role": "employee"}
    )
    registers.save_record(
        db, MEDIA, None, {"asset_number": "M-1", "kind": "ssd", "quantity": 1, "status": "in_use"}
    )
    one = tmp_path / "incidents.xlsx"
    assert main(["--lang", "en", "export", "incidents", "--db", str(db_path), "--out", str(one)]) == 0
    assert capsys.readouterr().out.strip() == str(one)
    sheet = load_workbook(one)["Incidents"]
    assert sheet.max_row == 4 and sheet.cell(2, 1).value == "2026-001"
    every = tmp_path / "all.xlsx"
    assert main(["export", "all", "--db", str(db_path), "--out", str(every), "--lang", "ja"]) == 0
    assert load_workbook(every).sheetnames[:5] == [
        "記憶媒体",
        "スマートデバイス",
        "社員証",
        "従業員",
        "障害・事故",
    ]


def test_cli_imports_incidents_with_exit_codes(
    capsys: pytest.CaptureFixture[str], db_path: Path, db: Database, tmp_path: Path
) -> None:
    _fill(db)
    exported = tmp_path / "incidents.xlsx"
    assert main(["export", "incidents", "--db", str(db_path), "--out", str(exported)]) == 0
    fresh = tmp_path / "fresh.sqlite3"
    capsys.readouterr()
    assert main(["--lang", "en", "import", "incidents", "--db", str(fresh), "--file", str(exported)]) == 0
    assert capsys.readouterr().out == "3 rows read: 3 added, 0 updated, 0 rejected\n"

    user = tmp_path / "user.xlsx"
    _user_sheet(user)
    assert main(["--lang", "en", "import", "incidents", "--db", str(fresh), "--file", str(user)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "ignored columns: メモ" and out[1:-1] == USER_EN
    assert out[-1] == "10 rows read: 3 added, 1 updated, 6 rejected"

    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a workbook")
    assert main(["--lang", "ja", "import", "incidents", "--db", str(fresh), "--file", str(broken)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "を読み込めません" in captured.err
    headless = Workbook()
    headless.active.append(["メモ"])
    headless.save(tmp_path / "headless.xlsx")
    assert (
        main(
            [
                "--lang",
                "en",
                "import",
                "incidents",
                "--db",
                str(fresh),
                "--file",
                str(tmp_path / "headless.xlsx"),
            ]
        )
        == 2
    )
    assert "No header row of incidents" in capsys.readouterr().err
    database = open_database(fresh)
    try:
        assert sorted(_stored(database)) == [
            "2025-001",
            "2025-014",
            "2026-001",
            "2026-003",
            "2026-004",
            "2026-005",
        ]
    finally:
        database.close()
