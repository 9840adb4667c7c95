"""The layers of DESIGN.md hold: each imports only the ones below it; the core never imports Qt."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import REPO

QT_FREE_PACKAGES = ["domain", "services", "db", "exchange"]
LAYERS_TOP_DOWN = ["cli", "ui", "exchange", "services", "db", "domain"]


def test_layer_contract_lists_design_md_layers() -> None:
    # The contract is what lint-imports checks; it must say what DESIGN.md says, top down.
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    (contract,) = config["contracts"]
    named = [layer.removeprefix("sme_guard.") for layer in contract["layers"]]
    assert [layer for layer in named if layer in LAYERS_TOP_DOWN] == LAYERS_TOP_DOWN
    assert named.index("cli") < named.index("ui")


def test_no_module_imports_a_layer_above_its_own() -> None:
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint_imports, "import-linter is part of the test extra"
    result = subprocess.run(
        [lint_imports, "--no-cache"], cwd=REPO, capture_output=True, text=True, encoding="utf-8"
    )
    assert result.returncode == 0, result.stdout
    assert "1 kept, 0 broken" in result.stdout


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


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _dotted(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = _dotted(node.value)
        return f"{inner}.{node.attr}" if inner else None
    return None


def private_names_imported(source: str, is_module: Callable[[str], bool]) -> list[str]:
    """Private names (``_x``) a module takes from another sme_guard module: ``from m import _x``,
    ``m._x`` after ``import m`` / ``from package import m``, and ``sme_guard.m._x``."""
    tree = ast.parse(source)
    modules: dict[str, str] = {}  # local name -> sme_guard module it is bound to
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("sme_guard") and alias.asname:
                    modules[alias.asname] = alias.name
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level == 0 and not module.startswith("sme_guard"):
                continue
            for alias in node.names:
                if _is_private(alias.name):
                    found.append(f"from {'.' * node.level}{module} import {alias.name}")
                elif node.level == 0 and is_module(f"{module}.{alias.name}"):
                    modules[alias.asname or alias.name] = f"{module}.{alias.name}"
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _is_private(node.attr):
            owner = _dotted(node.value)
            if owner is None:
                continue
            head, _, rest = owner.partition(".")
            target = modules.get(head, head if head == "sme_guard" else None)
            if target is not None:
                found.append(f"{target}{'.' + rest if rest else ''}.{node.attr}")
    return found


def _is_sme_guard_module(name: str) -> bool:
    path = REPO.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def test_private_name_checker_finds_each_form() -> None:
    source = (
        "import sme_guard.services.catalog as catalog\n"
        "from sme_guard.services import values\n"
        "from sme_guard.exchange.pdf.layout import _fit, para\n"
        "import sme_guard.db.engine\n"
        "catalog._read_yaml\nvalues._cache\nsme_guard.db.engine._connect\n"
        "self._x\nlocal._y\nvalues.__name__\n"
    )
    assert private_names_imported(source, _is_sme_guard_module) == [
        "from sme_guard.exchange.pdf.layout import _fit",
        "sme_guard.services.catalog._read_yaml",
        "sme_guard.services.values._cache",
        "sme_guard.db.engine._connect",
    ]


def test_no_module_uses_another_modules_private_names() -> None:
    # Shared building blocks are public (exchange/pdf/blocks.py, services.catalog.read_yaml, ...);
    # a leading underscore means "only this module uses it".
    offenders = [
        f"{path.relative_to(REPO)}: {name}"
        for path in sorted((REPO / "sme_guard").rglob("*.py"))
        if "versions" not in path.parts
        for name in private_names_imported(path.read_text(encoding="utf-8"), _is_sme_guard_module)
    ]
    assert offenders == []
