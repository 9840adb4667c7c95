"""The command line: catalog output, backups, and plain messages on bad input."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from sme_guard.cli import main
from sme_guard.db.database import open_database
from sme_guard.domain.tables import Person


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:  # type: ignore[type-arg]
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_catalog_json_has_the_documented_shape(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    data = _json(capsys, "--db", str(db_path), "catalog", "--json")
    item = data["items"][5]
    assert {"id", "number", "title", "objective", "measures", "points", "related"} <= set(item)
    assert item["id"] == "ctl-09" and item["number"] == 9
    assert item["title"] == {"ja": "記憶媒体の管理", "en": item["title"]["en"]}
    assert item["measures"][3] == {
        "id": "ctl-09-m4",
        "no": 4,
        "text": item["measures"][3]["text"],
        "reference": True,
    }
    assert set(item["points"][0]) >= {"no", "text"}
    sheet = next(s for s in data["sheets"] if s["number"] == 49)
    assert sheet["id"] == "sheet-049" and sheet["phase"] == "out_of_office"
    assert sheet["entities"] == ["application", "smart_device"]
    assert sheet["impacts"] == ["confidentiality", "integrity", "availability", "legality"]
    assert sheet["threats"] == ["employee_self", "external"]
    assert sheet["responsibility"] == ["system_admin", "business_manager"]
    assert sheet["related_measures"] == [
        {"item": 10, "name": sheet["related_measures"][0]["name"], "measures": [2, 3, 4, 5, 9]}
    ]
    assert [t["code"] for t in data["legend"]["impacts"]] == [
        "confidentiality",
        "integrity",
        "availability",
        "legality",
    ]


def test_options_work_after_the_command_too(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    assert main(["catalog", "--lang", "en", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "Part 1: Information security controls" in out and "9. Management of storage media" in out
    assert main(["--lang", "ja", "catalog"]) == 0
    out = capsys.readouterr().out
    assert "9. 記憶媒体の管理" in out and "(参考)" in out


@pytest.mark.parametrize("command", [["sme-guard"], [sys.executable, "-m", "sme_guard"]])
def test_installed_commands_run_without_a_display(tmp_path: Path, command: list[str]) -> None:
    if command == ["sme-guard"]:
        script = shutil.which("sme-guard", path=str(Path(sys.executable).parent))
        assert script, "the package must be installed (pip install -e .[test]) to provide sme-guard"
        command = [script]
    result = subprocess.run(
        [*command, "--db", str(tmp_path / "x.sqlite3"), "catalog", "--json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["items"]) == 9


def test_backup_command_writes_a_consistent_copy(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    database = open_database(db_path)
    with database.session() as session:
        session.add(Person(name="高橋 次郎"))
    database.close()
    target = tmp_path / "USB メモリー" / "控え.sqlite3"
    assert main(["backup", "--db", str(db_path), "--out", str(target)]) == 0
    assert capsys.readouterr().out.strip() == str(target)
    with sqlite3.connect(target) as connection:
        assert connection.execute("SELECT name FROM person").fetchall() == [("高橋 次郎",)]


def test_a_bad_database_gets_one_plain_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("not a database", encoding="utf-8")
    assert main(["--lang", "en", "backup", "--db", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == f"{bad} cannot be opened: it is not an SQLite database."
    assert main(["--lang", "ja", "backup", "--db", str(bad)]) == 1
    assert "SQLite のデータベースではありません" in capsys.readouterr().err


def test_an_unexpected_error_is_logged_not_dumped(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    import sme_guard.services.catalog as catalog_service

    def broken() -> None:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(catalog_service, "bundled_catalog", broken)
    assert main(["--lang", "en", "catalog"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "unexpected error" in err
    log = (data_dir / "logs" / "sme_guard.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "ZeroDivisionError: a bug" in log


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({"LANG": "ja_JP.UTF-8"}, "ja"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "ja_JP", "LANG": "C"}, "ja"),
    ],
)
def test_language_follows_the_system_unless_given(
    monkeypatch: pytest.MonkeyPatch, variables: dict[str, str], expected: str
) -> None:
    from sme_guard.language import system_language

    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    assert system_language() == expected


def test_due_prints_what_home_lists(
    capsys: pytest.CaptureFixture[str], db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    from sme_guard.domain.registers import BADGES, MEDIA
    from sme_guard.services import clock, home, registers

    monkeypatch.setattr(clock, "today", lambda: date(2026, 11, 27))
    # A fresh office: nothing overdue on its first day, even looking a year ahead.
    year = _json(capsys, "--db", str(db_path), "due", "--json", "--days", "365")
    assert year and not any(line["overdue"] for line in year)
    database = open_database(db_path)
    medium = registers.save_record(
        database,
        MEDIA,
        None,
        {
            "asset_number": "BK-1",
            "kind": "external_hdd",
            "quantity": 1,
            "status": "stored",
            "long_term_backup": True,
            "next_migration_on": "2026-10-01",
        },
    )
    registers.save_record(
        database,
        BADGES,
        None,
        {"badge_number": "B-1", "medium": "ic_card", "status": "active", "valid_until": "2026-11-01"},
    )
    listed = home.home_list(database, date(2026, 11, 27), "ja")
    database.close()
    lines = _json(capsys, "--db", str(db_path), "--lang", "ja", "due", "--json")
    assert lines == [home.as_json(item) for item in listed]
    assert lines[:2] == [
        {
            "area": "media",
            "title": "記憶媒体 BK-1 のバックアップの移行",
            "detail": "次回移行日 2026-10-01(9⑤ 記憶媒体の寿命)",
            "due_on": "2026-10-01",
            "overdue": True,
            "opens": {"screen": "register", "key": "media", "record_id": medium},
        },
        {
            "area": "badges",
            "title": "社員証 B-1 の有効期限切れ",
            "detail": "有効期限 2026-11-01: 回収・失効または更新(業務 No.1)",
            "due_on": "2026-11-01",
            "overdue": True,
            "opens": {"screen": "register", "key": "badges", "record_id": lines[1]["opens"]["record_id"]},
        },
    ]
    assert main(["--db", str(db_path), "--lang", "en", "due", "--days", "0"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("2026-10-01  overdue   Storage media: Move the backup on storage medium BK-1")
    assert out[-1] == "2 overdue, 0 due within 0 days"
