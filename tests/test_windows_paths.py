"""Windows: the data folder under %LOCALAPPDATA%, file dialogs in Documents, and folders an
office really has — Japanese names, spaces, "#" and "%", paths over 260 characters."""

from __future__ import annotations

from datetime import date
from pathlib import Path, PureWindowsPath

import openpyxl
import platformdirs
import platformdirs.windows
import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication, QFileDialog

from sme_guard import paths
from sme_guard.cli import main
from sme_guard.db.database import open_database
from sme_guard.domain.registers import BADGES, PEOPLE
from sme_guard.services import registers
from sme_guard.services.flags import FlagContext
from sme_guard.ui import dialogs
from tests import pdf_reading

# A folder name as a shared drive's often are. SQLite takes a path of at most 512 bytes of
# UTF-8 on Linux and macOS and 1040 on Windows (its default VFS): Japanese characters take 3
# bytes each, so the deep part is mostly ASCII to stay within the Linux limit.
LONG_FOLDER = "Office registers 2026 - backup copy"


@pytest.fixture
def office_folder(tmp_path: Path) -> Path:
    """A folder with Japanese characters, spaces, "#" and "%", deeper than MAX_PATH (260)."""
    folder = tmp_path / "事務所 データ #2 (100%)"
    while len(str(folder)) <= 270:
        folder /= LONG_FOLDER
    folder /= "総務部 共有"
    folder.mkdir(parents=True)
    return folder


def _badges(database_path: Path) -> list[str]:
    database = open_database(database_path)
    try:
        rows = registers.load_rows(database, BADGES, FlagContext(date.today()))
        return sorted(str(row[rows.index("badge_number")]) for row in rows.rows)
    finally:
        database.close()


def test_the_database_lives_backs_up_exports_prints_and_restores_in_such_a_folder(
    office_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = office_folder / "情報 台帳.sqlite3"
    assert len(str(db)) > 260
    database = open_database(db)
    registers.save_record(
        database, PEOPLE, None, {"name": "山田 太郎", "employment_type": "正社員", "role": "従業員"}
    )
    registers.save_record(
        database, BADGES, None, {"badge_number": "B-0001", "medium": "ic_card", "status": "active"}
    )
    database.close()

    # Each through the command line, the same code the menus and the frozen sme-guard.exe run.
    backup = office_folder / "USB メモリー" / "台帳 バックアップ 2026年.sqlite3"
    assert main(["--db", str(db), "backup", "--out", str(backup)]) == 0
    assert main(["--db", str(db), "backup"]) == 0  # to the backups folder beside it
    assert list((office_folder / "情報 台帳-backups").glob("情報 台帳-*-manual.sqlite3"))

    workbook = office_folder / "台帳 出力 #1.xlsx"
    assert main(["--db", str(db), "--lang", "ja", "export", "all", "--out", str(workbook)]) == 0
    cells = {
        str(cell.value)
        for sheet in openpyxl.load_workbook(workbook, read_only=True)
        for row in sheet.iter_rows()
        for cell in row
    }
    assert {"山田 太郎", "B-0001"} <= cells

    sheet = office_folder / "棚卸 表 (社員証).pdf"
    assert main(["--db", str(db), "--lang", "ja", "pdf", "stocktake", "badges", "--out", str(sheet)]) == 0
    assert "B-0001" in pdf_reading.text(sheet)
    assert any("BIZUDGothic" in name for name, _embedded in pdf_reading.fonts(sheet))

    database = open_database(db)
    registers.save_record(
        database, BADGES, None, {"badge_number": "B-0002", "medium": "ic_card", "status": "active"}
    )
    database.close()
    assert _badges(db) == ["B-0001", "B-0002"]

    capsys.readouterr()
    assert main(["--db", str(db), "--lang", "ja", "restore", str(backup)]) == 0
    assert "復元しました" in capsys.readouterr().out
    assert _badges(db) == ["B-0001"]  # the state of the backup
    kept = list((office_folder / "情報 台帳-backups").glob("情報 台帳-*-before-restore.sqlite3"))
    assert len(kept) == 1 and _badges(kept[0]) == ["B-0001", "B-0002"]  # nothing lost
    assert main(["--db", str(db), "check"]) == 0


def test_the_default_data_folder_on_windows_is_localappdata_smeguard(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # platformdirs' own Windows rules, with the folder Windows would report for
    # CSIDL_LOCAL_APPDATA (platformdirs reads this override before asking the shell).
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.windows.Windows)
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", r"C:\Users\総務 担当\AppData\Local")
    monkeypatch.setenv("WIN_PD_OVERRIDE_APPDATA", r"C:\Users\総務 担当\AppData\Roaming")
    monkeypatch.delenv(paths.DATA_DIR_ENV)
    made: list[Path] = []
    monkeypatch.setattr(Path, "mkdir", lambda self, *args, **kwargs: made.append(self))

    folder = PureWindowsPath(str(paths.data_dir()))
    # Local (not roaming: a database must not travel with a roaming profile), no vendor
    # folder in between, created on first use.
    assert folder == PureWindowsPath(r"C:\Users\総務 担当\AppData\Local\SMEGuard")
    assert PureWindowsPath(str(paths.default_database())) == folder / "sme_guard.sqlite3"
    assert [PureWindowsPath(str(path)) for path in made] == [folder, folder]


def test_file_dialogs_start_in_documents_with_the_suggested_name(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    starts: list[str] = []

    def save(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        starts.append(start)
        return "", ""

    def open_(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        starts.append(start)
        return str(Path(start) / "台帳 2026.xlsx"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_)
    documents = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))

    assert dialogs.save_file(None, "保存", "資産台帳 2026-11-27.xlsx", "Excel (*.xlsx)") is None  # cancelled
    assert dialogs.open_file(None, "開く", "Excel (*.xlsx)") == documents / "台帳 2026.xlsx"
    assert [Path(start) for start in starts] == [documents / "資産台帳 2026-11-27.xlsx", documents]


def test_pyinstaller_marks_the_executables_long_path_aware() -> None:
    """build.spec relies on PyInstaller's default manifest for paths over 260 characters."""
    pytest.importorskip("PyInstaller", reason="PyInstaller is in the test extras")
    from PyInstaller.utils.win32 import winmanifest

    manifest = winmanifest.create_application_manifest(None, False, False).decode("utf-8")
    assert "<longPathAware" in manifest and ">true</longPathAware>" in manifest
    assert 'level="asInvoker"' in manifest  # no administrator prompt


def test_a_path_longer_than_sqlite_takes_is_refused_with_its_length(tmp_path: Path) -> None:
    """Beyond SQLite's limit the file cannot be opened: say so, rather than "damaged"."""
    from sme_guard.db.database import MAX_PATH_BYTES
    from sme_guard.errors import DatabaseUnreadableError

    folder = tmp_path
    while len(str(folder).encode("utf-8")) <= MAX_PATH_BYTES:
        folder /= "事務所の共有フォルダ"
    folder.mkdir(parents=True)
    with pytest.raises(DatabaseUnreadableError) as refused:
        open_database(folder / "台帳.sqlite3")
    assert "too long" in refused.value.en and str(MAX_PATH_BYTES) in refused.value.ja
    assert list(folder.iterdir()) == []  # nothing created
