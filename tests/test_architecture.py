"""The layers of DESIGN.md hold: domain and services never import Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

QT_FREE_PACKAGES = ["domain", "services", "db", "exchange"]


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


@pytest.mark.parametrize("package", QT_FREE_PACKAGES)
def test_core_layers_do_not_import_qt_in_source(package: str) -> None:
    offenders = [
        f"{path.relative_to(REPO)}: {name}"
        for path in sorted((REPO / "sme_guard" / package).rglob("*.py"))
        for name in _imports(path)
        if name.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6"}
    ]
    assert offenders == []


def test_core_layers_do_not_pull_in_qt_when_imported() -> None:
    # Catches indirect imports too (a service importing a module that imports Qt).
    modules = [
        ".".join(path.relative_to(REPO).with_suffix("").parts)
        for package in QT_FREE_PACKAGES
        for path in sorted((REPO / "sme_guard" / package).rglob("*.py"))
        if "migrations" not in path.parts
    ]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "import sme_guard.cli\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'PySide6'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_registers_do_not_use_qtablewidget() -> None:
    offenders = [
        str(path.relative_to(REPO))
        for path in (REPO / "sme_guard").rglob("*.py")
        if "QTableWidget" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_start_up_does_not_import_the_exchange_libraries() -> None:
    # openpyxl, reportlab, python-docx (lxml) and Alembic cost start-up time; they load when first needed.
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "import sme_guard.ui.app, sme_guard.ui.main_window\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'openpyxl', 'reportlab', 'alembic', 'docx', 'lxml'}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
