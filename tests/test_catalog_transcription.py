"""The bundled catalog is a faithful transcription of the guideline excerpt."""

from __future__ import annotations

import re

import pytest

from sme_guard.domain.catalog import Catalog
from sme_guard.services.catalog import load_catalog
from tests.conftest import EXCERPT

PAGE_HEADER = "上付き(N)は参考資料の番号を示す"
VOCABULARIES = [("entities", 14), ("impacts", 4), ("threats", 7), ("responsibilities", 3)]
HEADINGS = ("影響", "脅威の要因", "実施責任", "セキュリティの対策の目的")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="module")
def excerpt() -> str:
    """The excerpt without page headers and page numbers, all whitespace removed."""
    lines = [
        line
        for line in EXCERPT.read_text(encoding="utf-8").splitlines()
        if line.strip() != PAGE_HEADER and not line.strip().isdigit()
    ]
    return _squash("\n".join(lines))


def test_counts_match_the_excerpt(catalog: Catalog) -> None:
    assert [i.number for i in catalog.items] == [2, 3, 4, 5, 6, 9, 10, 12, 18]
    measures = [m for i in catalog.items for m in i.measures]
    assert len(measures) == 42
    assert sorted(f"{i.number}-{m.no}" for i, m in catalog.measures() if m.reference) == sorted(
        ["2-3", "4-3", "6-7", "6-8", "9-4", "9-5", "12-2", "12-3", "12-4"]
    )
    assert sum(len(i.points) for i in catalog.items) == 22
    assert [s.number for s in catalog.sheets] == [1, 6, 48, 49, 53]


def _japanese_texts(catalog: Catalog) -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = []
    for item in catalog.items:
        texts += [(item.id, item.title.ja), (item.id, item.objective.ja)]
        for measure in item.measures:
            texts.append((measure.id, measure.text.ja + ("(参考)" if measure.reference else "")))
        texts += [(point.id, point.text.ja) for point in item.points]
        texts += [(item.id, related.name.ja) for related in item.related]
    for sheet in catalog.sheets:
        for field in ("title", "objective", "weakness", "risk_scenario", "notes"):
            value = getattr(sheet, field)
            if value is not None:
                texts.append((f"{sheet.id}.{field}", value.ja))
        for field in ("technical_measures", "human_measures", "points"):
            texts += [(f"{sheet.id}.{field}", text.ja) for text in getattr(sheet, field)]
        texts += [(f"{sheet.id}.related", r.name.ja) for r in sheet.related_measures]
    texts += [(ref.id, ref.name.ja) for ref in catalog.references]
    return texts


def test_every_japanese_text_is_written_as_in_the_excerpt(catalog: Catalog, excerpt: str) -> None:
    missing = [(where, text) for where, text in _japanese_texts(catalog) if _squash(text) not in excerpt]
    assert missing == []


def test_measure_texts_are_whole_and_flags_separate(catalog: Catalog, excerpt: str) -> None:
    for _item, measure in catalog.measures():
        assert not measure.text.ja.startswith(tuple("①②③④⑤⑥⑦⑧⑨"))
        assert "(参考)" not in measure.text.ja
        # A measure text ends where the next one (or the next section) begins.
        assert _squash(measure.text.ja + ("(参考)" if measure.reference else "")) in excerpt


def test_spot_checks(catalog: Catalog) -> None:
    item9 = catalog.item(9)
    assert item9 is not None
    assert item9.objective.ja == "情報の漏えい、改ざん、消去、破壊を防止するため"
    assert item9.measures[1].text.ja == (
        "使用した記憶媒体(ハードディスク、テープ、USB メモリー、CD、DVD、スマートカード等)を廃棄する場合は、"
        "保存した情報が解読できないように、信頼できる方法で、記憶媒体の物理的破壊(10)、情報の磁気的な消去"
        "または上書き消去(11)を行う"
    )
    assert item9.measures[3].reference and item9.measures[3].text.ja.endswith("デバイス制御を行う")
    item5 = catalog.item(5)
    assert item5 is not None and item5.measures[5].text.ja.startswith("パスワード(9)は例えば「12 文字以上")
    assert item5.points[0].text.ja == "退職、人事異動に伴う、ユーザ ID、アクセス権限の見直しを行う"
    sheet6 = catalog.sheet(6)
    assert sheet6 is not None and sheet6.phase == "in_office"
    assert [p.ja for p in sheet6.points] == [
        "認証システムのパスワードポリシーを確認する",
        "パスワードルールが周知徹底されているかユーザに確認する",
    ]
    sheet1 = catalog.sheet(1)
    assert sheet1 is not None
    assert [(r.item, r.measures) for r in sheet1.related_measures] == [(1, [1, 2]), (5, [1, 3, 4])]
    sheet49 = catalog.sheet(49)
    assert sheet49 is not None
    assert [(r.item, r.measures) for r in sheet49.related_measures] == [(10, [2, 3, 4, 5, 9])]


def test_items_only_named_are_references_never_content(catalog: Catalog) -> None:
    names = {ref.name.ja: ref.number for ref in catalog.references}
    assert names["セキュリティ境界と入退室管理"] == 1
    assert names["バックアップ"] is None and names["変更管理"] is None
    numbers = {i.number for i in catalog.items}
    assert all(ref.number not in numbers for ref in catalog.references)
    item3 = catalog.item(3)
    assert item3 is not None
    assert [(r.item, r.name.ja) for r in item3.related][1] == (None, "バックアップ")


def _boxes(block: str) -> list[tuple[bool, str]]:
    """(ticked, label) of each checkbox in a sheet's header, in print order."""
    header = _squash(block.split("セキュリティの対策の目的")[0])
    header = header.split("ための実体", 1)[1]
    boxes = []
    for mark, label in re.findall(r"([■□])([^■□]+)", header):
        for heading in HEADINGS:
            label = label.removesuffix(heading)
        boxes.append((mark == "■", label))
    return boxes


def _sheet_blocks() -> dict[int, str]:
    text = EXCERPT.read_text(encoding="utf-8")
    parts = re.split(r"業務 No\.(\d+)", text)
    return {int(parts[i]): parts[i + 1] for i in range(1, len(parts), 2)}


def test_checkbox_labels_follow_the_legend(catalog: Catalog) -> None:
    for number, block in _sheet_blocks().items():
        labels = [label for _ticked, label in _boxes(block)]
        start = 0
        for vocabulary, size in VOCABULARIES:
            terms = getattr(catalog.legend, vocabulary)
            assert len(terms) == size
            for term, label in zip(terms, labels[start : start + size], strict=True):
                assert label in {_squash(term.label.ja), *(_squash(a) for a in term.aliases)}, (number, label)
            start += size
        assert start == len(labels)


@pytest.mark.parametrize("number", [1, 6, 48, 49, 53])
def test_ticked_boxes_are_transcribed(catalog: Catalog, number: int) -> None:
    boxes = _boxes(_sheet_blocks()[number])
    sheet = catalog.sheet(number)
    assert sheet is not None
    recorded = {
        "entities": sheet.entities,
        "impacts": sheet.impacts,
        "threats": sheet.threats,
        "responsibilities": sheet.responsibility,
    }
    start = 0
    for vocabulary, size in VOCABULARIES:
        terms = getattr(catalog.legend, vocabulary)
        ticked = [
            term.code for term, (on, _label) in zip(terms, boxes[start : start + size], strict=True) if on
        ]
        assert sorted(recorded[vocabulary]) == sorted(ticked), vocabulary
        start += size


def test_sheet_phases_follow_the_excerpt_sections(catalog: Catalog) -> None:
    phases = {s.number: s.phase for s in catalog.sheets}
    assert phases == {1: "arrival", 6: "in_office", 48: "out_of_office", 49: "out_of_office", 53: "at_home"}
    labels = {p.code: p.label.ja for p in catalog.legend.phases}
    assert [labels[c] for c in ("arrival", "in_office", "out_of_office", "at_home")] == [
        "出社",
        "社内業務",
        "社外業務",
        "帰宅",
    ]


def test_every_text_has_an_english_translation(catalog: Catalog) -> None:
    for item in catalog.items:
        for measure in item.measures:
            assert measure.text.en.strip() and measure.text.en != measure.text.ja
    for sheet in catalog.sheets:
        assert sheet.risk_scenario.en != sheet.risk_scenario.ja
