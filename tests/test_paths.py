"""Bundled folders are found from a checkout, an installed wheel and a frozen build."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from sme_guard import paths
from tests.conftest import REPO


def test_checkout_layout() -> None:
    assert paths.catalog_dir() == REPO / "catalog"
    assert (paths.i18n_dir() / "sme_guard_ja.qm").is_file()
    assert (paths.resources_dir() / "fonts" / "BIZUDGothic-Regular.ttf").is_file()
    assert (paths.resources_dir() / "fonts" / "OFL.txt").is_file()


def test_frozen_layout_is_preferred(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "catalog").mkdir()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.catalog_dir() == tmp_path / "catalog"


def test_data_folder_holds_default_database_and_backups(data_dir: Path) -> None:
    assert paths.default_database() == data_dir / "sme_guard.sqlite3"
    assert paths.backup_dir(paths.default_database()) == data_dir / "backups"
    assert data_dir.is_dir()


def test_a_named_database_keeps_its_backups_beside_it(tmp_path: Path) -> None:
    database = tmp_path / "総務 データ" / "office.sqlite3"
    assert paths.backup_dir(database) == tmp_path / "総務 データ" / "office-backups"


def test_default_data_folder_is_the_platform_one(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.delenv(paths.DATA_DIR_ENV)
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda app, appauthor: f"/fake/{app}")
    monkeypatch.setattr(Path, "mkdir", lambda *a, **k: None)
    assert paths.data_dir() == Path("/fake/SMEGuard")


@pytest.mark.slow
def test_the_wheel_carries_the_data_folders_and_finds_them(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("sme_guard-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "site")
    for needed in (
        "sme_guard/_data/catalog/items.yaml",
        "sme_guard/_data/catalog/sheets.yaml",
        "sme_guard/_data/i18n/sme_guard_ja.qm",
        "sme_guard/_data/resources/fonts/BIZUDGothic-Regular.ttf",
        "sme_guard/_data/resources/fonts/OFL.txt",
        "sme_guard/db/migrations/versions/0001_initial_schema.py",
        "sme_guard/db/migrations/script.py.mako",
    ):
        assert needed in names
    # Run from the unpacked wheel, far from the checkout: paths must point into the wheel.
    code = (
        "from sme_guard import paths; from sme_guard.services.catalog import load_catalog;"
        "print(paths.catalog_dir()); print(len(load_catalog().items))"
    )
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, check=True
    )
    folder, items = result.stdout.split()
    assert Path(folder) == tmp_path / "site" / "sme_guard" / "_data" / "catalog"
    assert items == "9"
