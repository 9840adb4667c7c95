"""The frozen build: PyInstaller builds build.spec, and the programs it made run on their own.

The build is made once per run (about half a minute on two cores) in a temporary folder; the
programs run from there with the repository out of reach (another working folder, no
PYTHONPATH), so each file they need must have come from the bundle. ``pytest -s`` prints the
build time and the folder's size.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import docx
import openpyxl
import pytest

from sme_guard.db.database import open_database
from sme_guard.domain.registers import BADGES, PEOPLE
from sme_guard.services import policies, registers
from sme_guard.services.catalog import bundled_catalog, catalog_as_json
from sme_guard.ui.app import STARTUP_CHECK_ENV
from tests import pdf_reading
from tests.conftest import REPO

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("pdffonts") is None, reason="needs poppler-utils"),
]

BUILD_TIMEOUT = 900  # seconds; about 30 here
RUN_TIMEOUT = 120
EXE = ".exe" if sys.platform == "win32" else ""


@dataclass(frozen=True)
class Build:
    folder: Path  # dist/SMEGuard
    seconds: float
    size: int  # bytes

    @property
    def cli(self) -> Path:
        return self.folder / f"sme-guard{EXE}"

    @property
    def gui(self) -> Path:
        return self.folder / f"SMEGuard{EXE}"


def _size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    pytest.importorskip("PyInstaller", reason="PyInstaller is in the test extras")
    out = tmp_path_factory.mktemp("frozen")
    started = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level=WARN",
            f"--distpath={out / 'dist'}",
            f"--workpath={out / 'work'}",
            str(REPO / "build.spec"),
        ],
        cwd=out,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-5000:]
    folder = out / "dist" / "SMEGuard"
    built = Build(folder, time.perf_counter() - started, _size(folder))
    print(f"\nfrozen build: {built.seconds:.0f} s, {built.size / 2**20:.0f} MiB in {folder}")
    return built


@pytest.fixture
def frozen_env(tmp_path: Path) -> dict[str, str]:
    """The frozen programs' environment: a data folder and settings of their own, headless,
    and nothing that would lead Python back to the checkout."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "SME_GUARD"))}
    env |= {
        "SME_GUARD_DATA_DIR": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # QSettings on Linux
        "LANG": "C.UTF-8",
    }
    return env


def _run(build: Build, env: dict[str, str], cwd: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(build.cli), *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=RUN_TIMEOUT,
        check=False,
    )


def test_the_folder_holds_both_programs_and_the_bundled_data(build: Build) -> None:
    assert build.gui.is_file() and build.cli.is_file()
    internal = build.folder / "_internal"
    for needed in (
        "catalog/items.yaml",
        "i18n/sme_guard_ja.qm",
        "resources/fonts/BIZUDGothic-Regular.ttf",
        "resources/fonts/OFL.txt",
        "resources/licenses/THIRD_PARTY_NOTICES.txt",
        "resources/licenses/LGPL-3.0.txt",
        "resources/licenses/LGPL-2.1.txt",
        "catalog/policy_templates.yaml",
        "catalog/security_action.yaml",
        "resources/icons/sme_guard.ico",
        "sme_guard/db/migrations/versions/0001_initial_schema.py",
    ):
        assert (internal / needed).is_file(), needed
    names = [path.name for path in internal.rglob("*")]
    # Qt modules and plugins the app does not use stay out (most of a naive build's size).
    assert not [n for n in names if re.search(r"Qt6(Quick|Qml|Pdf|Svg|WebEngine|VirtualKeyboard)", n)]
    assert sorted(n for n in names if n.endswith(".qm") and n != "sme_guard_ja.qm") == [
        "qt_ja.qm",
        "qtbase_ja.qm",
    ]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads ELF dependencies with ldd")
def test_no_bundled_library_misses_one_it_links(build: Build) -> None:
    internal = build.folder / "_internal"
    qt_lib = internal / "PySide6" / "Qt" / "lib"
    env = {**os.environ, "LD_LIBRARY_PATH": f"{internal}:{qt_lib}"}
    missing = []
    for library in internal.rglob("*.so*"):
        if library.is_symlink() or not library.is_file():
            continue
        linked = subprocess.run(["ldd", str(library)], capture_output=True, text=True, env=env, check=False)
        missing += [
            f"{library.name}: {line.strip()}" for line in linked.stdout.splitlines() if "not found" in line
        ]
    assert missing == []


def test_catalog_json_is_the_bundled_catalog(
    build: Build, frozen_env: dict[str, str], tmp_path: Path
) -> None:
    result = _run(build, frozen_env, tmp_path, "catalog", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == json.loads(json.dumps(catalog_as_json(bundled_catalog())))


def test_exports_and_prints_from_a_database_it_creates(
    build: Build, frozen_env: dict[str, str], tmp_path: Path
) -> None:
    db = tmp_path / "事務所 データ" / "情報 台帳.sqlite3"
    # The frozen program creates the database: Alembic runs the bundled migration scripts.
    created = _run(build, frozen_env, tmp_path, "--db", db, "backup", "--out", tmp_path / "first.sqlite3")
    assert created.returncode == 0, created.stderr
    database = open_database(db)  # already at the newest schema: nothing to migrate here
    registers.save_record(
        database, PEOPLE, None, {"name": "山田 太郎", "employment_type": "正社員", "role": "従業員"}
    )
    for number in ("B-0001", "B-0002"):
        registers.save_record(
            database, BADGES, None, {"badge_number": number, "medium": "ic_card", "status": "active"}
        )
    database.close()

    workbook = tmp_path / "台帳 出力.xlsx"
    result = _run(build, frozen_env, tmp_path, "--db", db, "--lang", "ja", "export", "all", "--out", workbook)
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(workbook, read_only=True)
    cells = {str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None}
    assert {"山田 太郎", "B-0001", "B-0002"} <= cells
    assert "氏名" in cells  # Japanese headers

    sheet = tmp_path / "棚卸表.pdf"
    result = _run(
        build, frozen_env, tmp_path, "--db", db, "--lang", "ja", "pdf", "stocktake", "badges", "--out", sheet
    )
    assert result.returncode == 0, result.stderr
    text = pdf_reading.text(sheet)
    assert "B-0001" in text and "棚卸" in text
    # The bundled font, embedded: the Japanese prints the same on every PC.
    fonts = pdf_reading.fonts(sheet)
    assert fonts and all(name.endswith(("BIZUDGothic-Regular", "BIZUDGothic-Bold")) for name, _ in fonts)
    assert {embedded for _name, embedded in fonts} == {"yes"}

    # QR labels: reportlab picks its barcode modules by name at run time.
    labels = tmp_path / "labels.pdf"
    result = _run(build, frozen_env, tmp_path, "--db", db, "pdf", "labels", "badges", "--out", labels)
    assert result.returncode == 0, result.stderr
    assert "B-0002" in pdf_reading.text(labels)

    check = _run(build, frozen_env, tmp_path, "--db", db, "check")
    assert check.returncode == 0, check.stdout + check.stderr  # the audit chain, hashed frozen and not


def test_the_policy_goes_to_word_and_pdf_frozen(
    build: Build, frozen_env: dict[str, str], tmp_path: Path
) -> None:
    """python-docx's template and lxml come from the bundle; the text is the PDF's."""
    db = tmp_path / "方針.sqlite3"
    created = _run(build, frozen_env, tmp_path, "--db", db, "backup", "--out", tmp_path / "first.sqlite3")
    assert created.returncode == 0, created.stderr
    database = open_database(db)
    policies.save_office_identity(
        database, {"office_name": "株式会社サンプル", "representative": "代表取締役 山田 太郎"}
    )
    policy_id = policies.new_draft(database, "policy", "ja")
    policies.issue(database, policy_id, date.today())
    database.close()
    word, pdf = tmp_path / "基本方針.docx", tmp_path / "基本方針.pdf"
    result = _run(
        build, frozen_env, tmp_path, "--db", db, "export", "policy", "--format", "docx", "--out", word
    )
    assert result.returncode == 0, result.stderr
    result = _run(build, frozen_env, tmp_path, "--db", db, "pdf", "policy", "--out", pdf)
    assert result.returncode == 0, result.stderr
    text = "".join(p.text for p in docx.Document(str(word)).paragraphs)
    assert text.startswith("情報セキュリティ基本方針1. 目的株式会社サンプル(以下「当社」")
    assert "代表取締役 山田 太郎" in text and "代表取締役 山田 太郎" in pdf_reading.text(pdf)


def _start_gui(program: list[str], env: dict[str, str], tmp_path: Path) -> dict[str, object]:
    report = tmp_path / "started.json"
    db = tmp_path / "GUI データ" / "台帳.sqlite3"
    result = subprocess.run(
        [*program, "--lang", "ja", "--db", str(db)],
        cwd=tmp_path,
        env={**env, STARTUP_CHECK_ENV: str(report)},
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    facts: dict[str, object] = json.loads(report.read_text(encoding="utf-8"))
    assert facts["database"] == str(db) and db.is_file()
    assert facts["window_visible"] is True and facts["catalog_loaded"] is True
    assert facts["window_title"] == "SMEガード 情報セキュリティ管理台帳"  # the app's translation
    assert facts["qt_cancel"] == "キャンセル"  # Qt's own (qtbase_ja.qm)
    assert "BIZ UDGothic" in facts["font_families"]  # type: ignore[operator]
    bundled = {p.stem for p in (REPO / "resources" / "icons" / "tabler").glob("*.png")}
    assert facts["icons"] == dict.fromkeys(bundled, True)  # every toolbar icon came along and draws
    return facts


def test_the_gui_opens_offscreen_and_closes(build: Build, frozen_env: dict[str, str], tmp_path: Path) -> None:
    facts = _start_gui([str(build.gui)], frozen_env, tmp_path)
    assert facts["frozen"] is True
    internal = (build.folder / "_internal").resolve()
    folders = facts["folders"]
    assert isinstance(folders, dict)
    assert {name: Path(path) for name, path in folders.items()} == {
        name: internal / name for name in ("catalog", "i18n", "resources")
    }
    translators = [Path(p) for p in facts["translators"]]  # type: ignore[attr-defined]
    assert [p.name for p in translators] == ["qtbase_ja.qm", "sme_guard_ja.qm"]
    assert all(p.is_relative_to(internal) for p in translators)


def test_the_startup_check_works_unfrozen_too(frozen_env: dict[str, str], tmp_path: Path) -> None:
    env = {**frozen_env, "PYTHONPATH": str(REPO)}
    facts = _start_gui([sys.executable, "-m", "sme_guard"], env, tmp_path)
    assert facts["frozen"] is False
    assert facts["folders"] == {name: str(REPO / name) for name in ("catalog", "i18n", "resources")}
