"""The basic policy (基本方針) and the security rules (対策基準): drafted from SME Guard's
template and from the office's own records, edited, issued as versions that never change,
published; the rules say what the office adopted, planned and judged not applicable (with the
reason) and never turn a measure answered 未実施 without a plan into a rule."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from sme_guard.db.database import Database
from sme_guard.domain.codes import GuidelineKind, PolicyKind
from sme_guard.errors import CatalogError, UserError
from sme_guard.services import assessments, clock, incidents, policies, recurring_checks, settings
from sme_guard.services import staff_guidelines as sg
from sme_guard.services.catalog import bundled_catalog, load_policy_templates
from sme_guard.services.details import DetailInvalidError
from sme_guard.services.policies import PolicyRuleError
from sme_guard.services.registers import table_named
from sme_guard.services.rules_draft import Category, NoAssessmentError
from tests.conftest import REPO
from tests.factories import (
    guideline_content,
    issued_policy,
    office_identity,
    seeded_assessment,
)

TODAY = date(2026, 11, 27)


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def _measures(doc: policies.PolicyDocument) -> dict[str, Any]:
    assert doc.rules is not None
    return {m.ref: m for item in doc.rules.items for m in item.measures}


# ---------------------------------------------------------------- the basic policy


def test_a_first_policy_is_drafted_from_the_template_with_the_office_name(db: Database) -> None:
    office_identity(db)
    policy_id = policies.new_draft(db, PolicyKind.POLICY, "ja")
    doc = policies.document(db, policy_id)
    assert doc.info.version == 1 and not doc.info.issued and doc.lang == "ja"
    assert doc.info.title == "情報セキュリティ基本方針"
    keys = [s.key for s in doc.sections]
    assert keys == ["purpose", "scope", "commitment", "compliance", "education", "incidents", "improvement"]
    assert doc.sections[0].body.startswith("株式会社サンプル(以下「当社」といいます)は")
    assert not any("{office}" in s.body for s in doc.sections)
    # A draft shows the office as it is now.
    assert (doc.office, doc.representative) == ("株式会社サンプル", "代表取締役 山田 太郎")


def test_a_policy_drafted_in_english_is_written_and_kept_in_english(db: Database) -> None:
    office_identity(db, "Sample Ltd.", "Taro Yamada, President")
    doc = policies.document(db, policies.new_draft(db, PolicyKind.POLICY, "en"))
    assert doc.lang == "en" and doc.info.title == "Information Security Policy"
    assert doc.sections[0].heading == "Purpose" and doc.sections[0].body.startswith(
        'Sample Ltd. (the "Company")'
    )


def test_the_policy_needs_the_office_name_before_a_draft_and_the_representative_to_issue(
    db: Database,
) -> None:
    with pytest.raises(DetailInvalidError) as refused:
        policies.new_draft(db, PolicyKind.POLICY, "ja")
    assert set(refused.value.problems) == {"office_name"}
    assert "事業所名" in refused.value.message("ja")
    assert policies.versions(db, PolicyKind.POLICY) == []

    office_identity(db, representative="")
    policy_id = policies.new_draft(db, PolicyKind.POLICY, "ja")
    with pytest.raises(DetailInvalidError) as refused:
        policies.issue(db, policy_id, TODAY)
    assert set(refused.value.problems) == {"representative"}
    assert "代表者" in refused.value.message("ja") and "Representative" in refused.value.message("en")
    assert not policies.document(db, policy_id).info.issued


def test_editing_a_draft_checks_each_section_and_saves_nothing_until_complete(db: Database) -> None:
    office_identity(db)
    policy_id = policies.new_draft(db, PolicyKind.POLICY, "ja")
    before = policies.document(db, policy_id)
    with pytest.raises(DetailInvalidError) as refused:
        policies.save_draft(
            db,
            policy_id,
            {
                "title": " ",
                "sections": {"education": {"heading": "教育", "body": ""}, "scope": {"heading": ""}},
            },
        )
    assert set(refused.value.problems) == {"title", "education.body", "scope.heading"}
    assert "教育: 本文" in refused.value.message("ja")
    assert policies.document(db, policy_id) == before

    policies.save_draft(
        db,
        policy_id,
        {
            "title": "情報セキュリティポリシー",
            "notes": "総会で説明",
            "sections": {"education": {"body": "年2回の研修を行います。"}},
        },
    )
    saved = policies.document(db, policy_id)
    assert saved.info.title == "情報セキュリティポリシー" and saved.info.notes == "総会で説明"
    assert {s.key: s.body for s in saved.sections}["education"] == "年2回の研修を行います。"
    assert {s.key: s.heading for s in saved.sections}["education"] == "教育"


def test_an_issued_version_never_changes(db: Database) -> None:
    office_identity(db)
    policy_id = issued_policy(db)
    issued = policies.document(db, policy_id)
    assert issued.info.issued_on == date(2026, 4, 1) and issued.established_on == date(2026, 4, 1)
    for change in (
        lambda: policies.save_draft(db, policy_id, {"title": "別の名前"}),
        lambda: policies.issue(db, policy_id, TODAY),
    ):
        with pytest.raises(PolicyRuleError, match="cannot be changed"):
            change()
    # The office renamed, a new representative: the issued version keeps what it was issued with.
    office_identity(db, "株式会社サンプル改", "代表取締役 佐藤 花子")
    assert policies.document(db, policy_id) == issued

    # A change is a new version, started from the text of the newest one.
    draft_id = policies.new_draft(db, PolicyKind.POLICY, "en")  # keeps the version's language
    draft = policies.document(db, draft_id)
    assert draft.info.version == 2 and draft.lang == "ja" and draft.sections == issued.sections
    assert draft.office == "株式会社サンプル改" and draft.established_on == date(2026, 4, 1)
    with pytest.raises(PolicyRuleError, match="draft already"):
        policies.new_draft(db, PolicyKind.POLICY, "ja")
    with pytest.raises(DetailInvalidError) as refused:
        policies.issue(db, draft_id, date(2026, 3, 1))
    assert "前の版" in refused.value.problems["issued_on"].ja
    with pytest.raises(DetailInvalidError) as refused:
        policies.issue(db, draft_id, date(2026, 12, 1))
    assert refused.value.problems["issued_on"].en == "cannot be later than today"
    policies.issue(db, draft_id, TODAY)
    assert policies.current_version(db, PolicyKind.POLICY).id == draft_id  # type: ignore[union-attr]
    revised = policies.document(db, draft_id)
    assert revised.office == "株式会社サンプル改" and revised.established_on == date(2026, 4, 1)
    assert policies.document(db, policy_id) == issued


def test_only_a_draft_or_an_unpublished_newest_version_can_be_deleted(db: Database) -> None:
    office_identity(db)
    first = issued_policy(db)
    policies.record_publication(
        db, first, {"published_on": "2026-04-02", "published_where": "https://example.jp/"}
    )
    with pytest.raises(PolicyRuleError):
        policies.delete_version(db, first)
    second = policies.new_draft(db, PolicyKind.POLICY, "ja")
    policies.issue(db, second, TODAY)
    policies.delete_version(db, second)  # issued by mistake, not published: may go
    assert [v.id for v in policies.versions(db, PolicyKind.POLICY)] == [first]


def test_publication_is_recorded_on_an_issued_policy_with_date_and_place(db: Database) -> None:
    office_identity(db)
    draft = policies.new_draft(db, PolicyKind.POLICY, "ja")
    with pytest.raises(PolicyRuleError):
        policies.record_publication(db, draft, {"published_on": "2026-04-02", "published_where": "web"})
    policies.issue(db, draft, date(2026, 4, 1))
    with pytest.raises(DetailInvalidError) as refused:
        policies.record_publication(db, draft, {"published_on": "2026-03-31", "published_where": " "})
    assert set(refused.value.problems) == {"published_on", "published_where"}
    policies.record_publication(
        db, draft, {"published_on": "2026/4/2", "published_where": "https://www.example.co.jp/security/"}
    )
    info = policies.document(db, draft).info
    assert (info.published_on, info.published_where) == (
        date(2026, 4, 2),
        "https://www.example.co.jp/security/",
    )


def test_find_version_names_the_one_in_force_or_a_number(db: Database) -> None:
    office_identity(db)
    with pytest.raises(UserError, match="not been issued"):
        policies.find_version(db, "policy", None)
    first = issued_policy(db)
    draft = policies.new_draft(db, "policy", "ja")
    assert policies.find_version(db, "policy", None) == first
    assert policies.find_version(db, "policy", 2) == draft
    with pytest.raises(UserError, match="no version 7"):
        policies.find_version(db, "policy", 7)


def test_damaged_stored_content_is_named_not_a_traceback(db: Database) -> None:
    office_identity(db)
    policy_id = issued_policy(db)
    with db.engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE security_policy SET content_json = '{broken' WHERE id = ?", (policy_id,)
        )
    with pytest.raises(UserError, match="cannot be read"):
        policies.document(db, policy_id)


# ---------------------------------------------------------------- the security rules


def test_rules_need_a_self_assessment(db: Database) -> None:
    with pytest.raises(NoAssessmentError):
        policies.new_draft(db, PolicyKind.RULES, "ja")
    assert policies.versions(db, PolicyKind.RULES) == []


def test_the_rules_hold_the_offices_own_answers_and_no_unplanned_measure_as_a_rule(db: Database) -> None:
    office_identity(db)
    seeded_assessment(db)
    rules_id = policies.new_draft(db, PolicyKind.RULES, "ja")
    doc = policies.document(db, rules_id)
    assert doc.rules is not None and doc.rules.source_name == "2026年度 自己点検"
    assert doc.intro.startswith("この対策基準は、株式会社サンプルの情報セキュリティ基本方針に基づき")
    measures = _measures(doc)
    adopted = measures["9①"]
    assert (
        adopted.category is Category.ADOPTED
        and adopted.owner == "山田 太郎"
        and adopted.how == "記憶媒体台帳で管理"
    )
    partial = measures["9②"]
    assert (
        partial.category is Category.ADOPTED
        and partial.owner == "佐藤 花子"
        and partial.due_on == date(2026, 12, 31)
    )
    planned = measures["9④"]
    assert planned.category is Category.PLANNED and planned.due_on == date(2027, 3, 31) and planned.reference
    assert measures["9⑤"].category is Category.NOT_APPLICABLE
    assert measures["9⑤"].reason == "長期保管するバックアップはない"
    assert measures["12③"].category is Category.NOT_APPLICABLE and measures["12③"].reason is None
    # Answered 未実施 without a date, and never answered: listed as such, never adopted or planned.
    for ref in ("9③", "2①", "18①"):
        assert measures[ref].category is Category.UNPLANNED
    item_9 = next(item for item in doc.rules.items if item.number == 9)
    assert [m.ref for m in item_9.of(Category.ADOPTED)] == ["9①", "9②"]
    assert [m.ref for m in item_9.of(Category.UNPLANNED)] == ["9③"]
    assert len(measures) == sum(len(item.measures) for item in bundled_catalog().items)


def test_the_rules_list_checks_guidelines_in_force_and_contact_roles(db: Database) -> None:
    office_identity(db)
    people = seeded_assessment(db)
    recurring_checks.ensure_defaults(db)
    stopped = next(line for line in recurring_checks.checks(db, TODAY) if line.code == "website_tamper_check")
    recurring_checks.set_enabled(db, stopped.id, False)
    guideline = sg.new_draft(db, GuidelineKind.DEVICES, "ja")
    sg.issue(
        db,
        guideline,
        date(2026, 5, 1),
        guideline_content(sg.document(db, guideline)) | {"title": "スマホ利用ルール"},
    )
    incidents.save_contact(
        db, None, {"role": "責任者", "person_id": people["yamada"], "alternate_person_id": people["sato"]}
    )
    rules = policies.document(db, policies.new_draft(db, PolicyKind.RULES, "ja")).rules
    assert rules is not None
    checks = {c.title: c for c in rules.checks}
    assert checks["記憶媒体の棚卸"].interval_days == 365 and checks["記憶媒体の棚卸"].serves == (
        "9 運用①",
        "9①",
    )
    assert stopped.title("ja") not in checks  # switched off: not a rule
    devices, sns = rules.guidelines
    assert (devices.title, devices.version, devices.issued_on, devices.ref) == (
        "スマホ利用ルール",
        1,
        date(2026, 5, 1),
        "10⑨",
    )
    assert sns.version is None and sns.ref == "18①"
    assert [(c.role, c.person, c.alternate) for c in rules.contacts] == [("責任者", "山田 太郎", "佐藤 花子")]


def test_a_draft_is_redrawn_from_the_records_but_issued_rules_keep_theirs(db: Database) -> None:
    office_identity(db)
    seeded = seeded_assessment(db)
    rules_id = policies.new_draft(db, PolicyKind.RULES, "ja")
    policies.save_draft(db, rules_id, {"title": "対策基準", "intro": "当社の対策です。"})
    assessments.save_measure(db, seeded["run"], "ctl-09-m3", {"status": "done", "owner_id": seeded["sato"]})
    policies.redraw_rules(db, rules_id)
    redrawn = policies.document(db, rules_id)
    assert _measures(redrawn)["9③"].category is Category.ADOPTED
    assert (redrawn.info.title, redrawn.intro) == ("対策基準", "当社の対策です。")  # the edits stay

    policies.issue(db, rules_id, TODAY)
    issued = policies.document(db, rules_id)
    assessments.save_measure(db, seeded["run"], "ctl-09-m1", {"status": "not_done"})
    newer = assessments.start_run(db, {"name": "2027年度", "held_on": "2026-11-20"}, from_run=seeded["run"])
    assessments.save_measure(db, newer, "ctl-09-m2", {"status": "done"})
    with pytest.raises(PolicyRuleError):
        policies.redraw_rules(db, rules_id)
    assert policies.document(db, rules_id) == issued
    # The next version is drawn from the newest assessment.
    second = policies.document(db, policies.new_draft(db, PolicyKind.RULES, "ja"))
    assert second.rules is not None and second.rules.source_name == "2027年度"
    assert _measures(second)["9②"].status == "done" and second.info.title == "対策基準"


def test_a_measures_reason_is_kept_only_while_it_is_not_applicable(db: Database) -> None:
    run = assessments.start_run(db, {"name": "点検", "held_on": "2026-04-01"})
    assessments.save_measure(
        db, run, "ctl-06-m6", {"status": "not_applicable", "reason": "無線LANを使っていない"}
    )
    assert assessments.answers(db, run).measure("ctl-06-m6").reason == "無線LANを使っていない"
    assessments.save_measure(db, run, "ctl-06-m6", {"status": "done", "reason": "無線LANを使っていない"})
    assert assessments.answers(db, run).measure("ctl-06-m6").reason is None


# ---------------------------------------------------------------- the template file


def test_the_template_file_says_it_is_the_apps_own_and_is_validated(tmp_path: Path) -> None:
    text = (REPO / "catalog" / "policy_templates.yaml").read_text(encoding="utf-8")
    assert "ガイドライン(JNSA)や IPA の文書の本文ではありません" in text
    load_policy_templates()  # the bundled file is valid
    broken = tmp_path / "policy_templates.yaml"
    broken.write_text(
        text.replace("written_for_this_app: true", "written_for_this_app: false"), encoding="utf-8"
    )
    with pytest.raises(CatalogError, match=r"policy_templates\.yaml: templates: written_for_this_app"):
        load_policy_templates(broken)
    broken.write_text(text.replace("- key: education", "- key: training"), encoding="utf-8")
    with pytest.raises(CatalogError, match="sections: the keys must be"):
        load_policy_templates(broken)


def test_an_issued_version_stores_its_language_office_and_representative(db: Database) -> None:
    office_identity(db)
    policy_id = issued_policy(db)
    table = table_named("security_policy")
    with db.engine.connect() as connection:
        raw = connection.execute(select(table.c.content_json).where(table.c.id == policy_id)).scalar_one()
    stored = json.loads(raw)
    assert (stored["lang"], stored["office"], stored["representative"]) == (
        "ja",
        "株式会社サンプル",
        "代表取締役 山田 太郎",
    )
    assert settings.office_representative(db) == "代表取締役 山田 太郎"
