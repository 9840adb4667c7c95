"""A damaged catalog file is rejected with its file, entry and field named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from sme_guard.errors import CatalogError
from sme_guard.paths import catalog_dir
from sme_guard.services.catalog import load_catalog, search


@pytest.fixture
def catalog_copy(tmp_path: Path) -> Path:
    target = tmp_path / "catalog"
    shutil.copytree(catalog_dir(), target)
    return target


def _edit(folder: Path, name: str, change: object) -> None:
    path = folder / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)  # type: ignore[operator]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def _error(folder: Path) -> str:
    with pytest.raises(CatalogError) as caught:
        load_catalog(folder)
    return caught.value.en


def test_missing_text_names_file_entry_and_field(catalog_copy: Path) -> None:
    def blank(data: dict) -> None:  # type: ignore[type-arg]
        data["items"][5]["measures"][1]["text"]["ja"] = ""

    _edit(catalog_copy, "items.yaml", blank)
    message = _error(catalog_copy)
    assert message.startswith("items.yaml: ctl-09: measures.1.text.ja:")


def test_unknown_key_is_rejected_not_ignored(catalog_copy: Path) -> None:
    def typo(data: dict) -> None:  # type: ignore[type-arg]
        data["sheets"][0]["risk_senario"] = data["sheets"][0].pop("risk_scenario")

    _edit(catalog_copy, "sheets.yaml", typo)
    message = _error(catalog_copy)
    assert "sheets.yaml: sheet-001:" in message and "risk_senario" in message and "risk_scenario" in message


def test_unknown_checkbox_code_names_sheet_and_field(catalog_copy: Path) -> None:
    def bad_code(data: dict) -> None:  # type: ignore[type-arg]
        data["sheets"][3]["impacts"].append("privacy")

    _edit(catalog_copy, "sheets.yaml", bad_code)
    assert "sheet-049: impacts: unknown code 'privacy'" in _error(catalog_copy)


def test_related_measure_that_does_not_exist(catalog_copy: Path) -> None:
    def bad_measure(data: dict) -> None:  # type: ignore[type-arg]
        data["sheets"][1]["related_measures"][0]["measures"] = [7]

    _edit(catalog_copy, "sheets.yaml", bad_measure)
    assert "sheet-006: related_measures: item 5 has no measure ⑦" in _error(catalog_copy)


def test_measure_numbering_must_be_continuous(catalog_copy: Path) -> None:
    def gap(data: dict) -> None:  # type: ignore[type-arg]
        del data["items"][0]["measures"][1]

    _edit(catalog_copy, "items.yaml", gap)
    assert "items.yaml: ctl-02:" in _error(catalog_copy)


def test_broken_yaml_names_the_line(catalog_copy: Path) -> None:
    path = catalog_copy / "legend.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "  - [unclosed")
    path.write_text("\n".join(lines), encoding="utf-8")
    message = _error(catalog_copy)
    assert message.startswith("legend.yaml line ")


def test_missing_file(catalog_copy: Path) -> None:
    (catalog_copy / "references.yaml").unlink()
    assert _error(catalog_copy) == "references.yaml: file is missing"


def test_search_folds_width_case_and_kana(catalog_copy: Path) -> None:
    catalog = load_catalog(catalog_copy)
    # Full-width "ＵＳＢ" and half-width katakana find the item on storage media.
    items, _sheets = search(catalog, "ＵＳＢ ﾒﾓﾘｰ")
    assert 9 in [i.number for i in items]
    items, sheets = search(catalog, "jailbreak")
    assert [s.number for s in sheets] == [49]
    items, sheets = search(catalog, "password policy")
    assert 5 in [i.number for i in items] and 6 in [s.number for s in sheets]
    assert search(catalog, "存在しない語") == ([], [])
