"""Every UI string has its Japanese translation, and the compiled file matches the source."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import REPO

TS = REPO / "i18n" / "sme_guard_ja.ts"
QM = REPO / "i18n" / "sme_guard_ja.qm"


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if not found:
        pytest.fail(f"{name} (from PySide6) is needed to check the translations")
    return found


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    messages = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            messages[(name, message.findtext("source") or "")] = message.find("translation")  # type: ignore[assignment]
    return messages


def test_every_string_is_translated() -> None:
    untranslated = [
        key
        for key, translation in _messages(TS).items()
        if translation is None
        or translation.get("type") in {"unfinished", "obsolete", "vanished"}
        or not (translation.text or "").strip()
    ]
    assert untranslated == []


def test_the_ts_file_lists_every_string_in_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (REPO / "sme_guard" / "ui").rglob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    assert set(_messages(fresh)) == set(_messages(TS))


def test_the_compiled_file_is_current(tmp_path: Path) -> None:
    compiled = tmp_path / "check.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(compiled)], check=True, capture_output=True
    )
    assert compiled.read_bytes() == QM.read_bytes()


def test_placeholders_survive_translation() -> None:
    import re

    for (context, source), translation in _messages(TS).items():
        wanted = sorted(re.findall(r"\{\w+\}", source))
        assert sorted(re.findall(r"\{\w+\}", translation.text or "")) == wanted, (context, source)
