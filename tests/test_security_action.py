"""SECURITY ACTION: declarations, self-diagnosis results (25 answers on IPA's 4/2/0/-1 scale,
part and total scores, the change since the last one), the catalog entries that address each
low answer (SME Guard's own reading, validated), and the ★★ checklist on ホーム until done."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sme_guard.db.database import Database
from sme_guard.domain.codes import PolicyKind, SecurityActionLevel
from sme_guard.domain.due import Area, Target
from sme_guard.errors import CatalogError
from sme_guard.services import clock, home, policies
from sme_guard.services import security_action as action
from sme_guard.services.catalog import bundled_catalog, load_diagnosis_map
from sme_guard.services.details import DetailInvalidError
from tests.conftest import REPO
from tests.factories import office_identity

TODAY = date(2026, 11, 27)


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def answers(**changes: int) -> dict[int, int]:
    """Every question answered 4, except ``q<n>=points``."""
    given = dict.fromkeys(range(1, 26), 4)
    given.update({int(key[1:]): value for key, value in changes.items()})
    return given


# ---------------------------------------------------------------- declarations


def test_a_declaration_is_prepared_then_declared_with_its_id(db: Database) -> None:
    record = action.save_declaration(db, None, {"level": "two_stars"})
    [prepared] = action.declarations(db)
    assert (prepared.level, prepared.declared_on, prepared.declaration_id) == (
        SecurityActionLevel.TWO_STARS,
        None,
        None,
    )
    with pytest.raises(DetailInvalidError) as refused:
        action.save_declaration(db, record, {"level": "two_stars", "declaration_id": "123456789012"})
    assert set(refused.value.problems) == {"declared_on"}  # an ID comes with a declaration
    with pytest.raises(DetailInvalidError) as refused:
        action.save_declaration(db, record, {"level": "three_stars", "declared_on": "2026-12-01"})
    assert set(refused.value.problems) == {"level", "declared_on"}
    action.save_declaration(
        db, record, {"level": "two_stars", "declared_on": "2026/11/20", "declaration_id": " 123456789012 "}
    )
    [declared] = action.declarations(db)
    assert (declared.declared_on, declared.declaration_id) == (date(2026, 11, 20), "123456789012")
    action.delete_declaration(db, record)
    assert action.declarations(db) == []


# ---------------------------------------------------------------- self-diagnosis


def test_a_result_needs_the_date_and_all_25_answers_on_the_sheets_scale(db: Database) -> None:
    given: dict[int, object] = dict(answers())
    del given[7]
    given[12] = 3
    given[20] = True
    with pytest.raises(DetailInvalidError) as refused:
        action.save_diagnosis(db, None, {"held_on": "", "answers": given})
    assert set(refused.value.problems) == {"held_on", "q7", "q12", "q20"}
    assert action.diagnoses(db) == []
    with pytest.raises(DetailInvalidError) as refused:
        action.save_diagnosis(db, None, {"held_on": "2026-12-01", "answers": answers()})
    assert set(refused.value.problems) == {"held_on"}


def test_results_are_kept_per_date_with_part_scores_total_and_change(db: Database) -> None:
    first = action.save_diagnosis(
        db, None, {"held_on": "2025-05-20", "answers": answers(q1=0, q2=2, q6=-1, q19=0)}
    )
    second = action.save_diagnosis(
        db,
        None,
        {"held_on": "2026-04-10", "notes": "総務で実施", "answers": answers(q2=4, q6=2, q19=0, q25=2)},
    )
    newest, oldest = action.diagnoses(db)
    assert (newest.id, oldest.id) == (second, first)
    assert oldest.part_scores == (20 - 4 - 2, 52 - 5, 28 - 4) and oldest.total == 85
    assert oldest.previous is None and oldest.total_change is None
    assert (
        newest.part_scores == (20, 52 - 2, 28 - 4 - 2) and newest.total == 92 and newest.notes == "総務で実施"
    )
    assert newest.total_change == 7 and newest.part_changes() == (6, 3, -2)
    assert newest.changed_questions() == [(1, 0, 4), (2, 2, 4), (6, -1, 2), (25, 4, 2)]
    assert newest.answers[6] == 2 and len(newest.answers) == 25

    # Editing a result changes only the answers that changed; deleting takes its answers.
    action.save_diagnosis(db, second, {"held_on": "2026-04-10", "answers": answers(q2=4, q6=2, q19=0, q25=4)})
    assert action.diagnoses(db)[0].total == 94
    action.delete_diagnosis(db, first)
    [only] = action.diagnoses(db)
    assert only.previous is None
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM self_diagnosis_answer").scalar() == 25


def test_each_low_answer_names_the_catalog_entries_that_address_it(db: Database) -> None:
    action.save_diagnosis(db, None, {"held_on": "2026-04-10", "answers": answers(q9=0, q7=-1, q3=2)})
    [result] = action.diagnoses(db)
    found = action.suggestions(result, bundled_catalog(), "ja")
    assert [(s.question, s.score) for s in found] == [(7, -1), (9, 0), (3, 2)]  # lowest first
    wireless = found[1]
    assert wireless.topic == "無線 LAN の安全な暗号化"
    assert wireless.entries[0] == ("6⑥", bundled_catalog().item(6).measures[5].text.ja)  # type: ignore[union-attr]
    assert ("6 運用③", bundled_catalog().item(6).points[2].text.ja) in wireless.entries  # type: ignore[union-attr]
    assert found[0].entries == (("参照: 電子メールの利用", ""),)  # an item the excerpt does not contain
    english = action.suggestions(result, bundled_catalog(), "en")
    assert (
        english[1].topic == "Secure encryption of wireless LANs"
        and english[0].entries[0][0] == "See: Use of e-mail"
    )


def test_the_mapping_file_is_the_apps_own_reading_and_is_validated(tmp_path: Path) -> None:
    text = (REPO / "catalog" / "security_action.yaml").read_text(encoding="utf-8")
    assert "SME Guard 独自の読み方です" in text and "own_reading: true" in text
    mapping = load_diagnosis_map()
    assert [p.questions for p in mapping.parts] == [
        tuple(range(1, 6)),
        tuple(range(6, 19)),
        tuple(range(19, 26)),
    ]
    assert "IPA・JNSA が示したものではありません" in mapping.note.ja

    broken = tmp_path / "security_action.yaml"
    broken.write_text(text.replace("own_reading: true", "own_reading: false"), encoding="utf-8")
    with pytest.raises(CatalogError, match="own_reading"):
        load_diagnosis_map(broken)
    broken.write_text(
        text.replace("[ctl-06-m6, ctl-06-p3, ctl-10-m7]", "[ctl-06-m9, ctl-06-p3]"), encoding="utf-8"
    )
    with pytest.raises(CatalogError, match=r"questions\.9: addressed_by: ctl-06-m9 is not in the catalog"):
        load_diagnosis_map(broken)
    broken.write_text(text.replace("questions: [19, 20,", "questions: [20,"), encoding="utf-8")
    with pytest.raises(CatalogError, match="parts: together they must hold"):
        load_diagnosis_map(broken)
    broken.write_text(
        text.replace("  topic: {ja: 従業員の守秘義務", "  topc: {ja: 従業員の守秘義務"), encoding="utf-8"
    )
    with pytest.raises(CatalogError, match="topc"):
        load_diagnosis_map(broken)


# ---------------------------------------------------------------- ★★ readiness on ホーム


def _checklist(db: Database) -> list[tuple[Area, str, bool, Target]]:
    return [
        (item.area, item.title, item.overdue, item.target)
        for item in home.due_items(db, TODAY, "ja")
        if item.area is Area.SECURITY_ACTION
    ]


def test_the_two_star_checklist_shows_on_home_until_it_is_complete(db: Database) -> None:
    assert _checklist(db) == []  # an office that does not aim at ★★ sees nothing of it
    action.save_declaration(db, None, {"level": "one_star", "declared_on": "2025-06-01"})
    assert _checklist(db) == []
    action.save_declaration(db, None, {"level": "two_stars"})
    assert _checklist(db) == [
        (Area.SECURITY_ACTION, "5分でできる自社診断の実施", False, Target("policy", "security_action")),
        (Area.SECURITY_ACTION, "情報セキュリティ基本方針の発行", False, Target("policy", "policy")),
        (Area.SECURITY_ACTION, "基本方針の公表", False, Target("policy", "policy")),
    ]
    action.save_diagnosis(db, None, {"held_on": "2026-04-10", "answers": answers()})
    office_identity(db)
    policy_id = policies.new_draft(db, PolicyKind.POLICY, "ja")
    assert [title for _a, title, _o, _t in _checklist(db)] == [
        "情報セキュリティ基本方針の発行",
        "基本方針の公表",
    ]
    policies.issue(db, policy_id, date(2026, 11, 1))
    ready = action.readiness(db)
    assert [s.detail("ja") for s in ready.steps[:2]] == ["2026-04-10 に実施", "第1版を 2026-11-01 に発行"]
    assert [title for _a, title, _o, _t in _checklist(db)] == ["基本方針の公表"]
    policies.record_publication(
        db,
        policy_id,
        {"published_on": "2026-11-02", "published_where": "https://www.example.co.jp/security/"},
    )
    assert _checklist(db) == []
    assert action.readiness(db).complete
    assert (
        action.readiness(db).steps[2].detail("en")
        == "Published on 2026-11-02 (https://www.example.co.jp/security/)"
    )

    # A new version of the policy must be published again.
    second = policies.new_draft(db, PolicyKind.POLICY, "ja")
    policies.issue(db, second, TODAY)
    assert [title for _a, title, _o, _t in _checklist(db)] == ["基本方針の公表"]
    assert home.counts(home.due_items(db, TODAY, "ja"))[Area.SECURITY_ACTION] == 1
