"""The bundled example continuity plans (catalog/plan_templates.yaml) and plans made from them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import select

from sme_guard.db.database import Database
from sme_guard.domain.codes import DisasterScenario, ProtectionMeasure
from sme_guard.domain.plan_templates import PlanTemplate
from sme_guard.errors import CatalogError
from sme_guard.paths import catalog_dir
from sme_guard.services import continuity
from sme_guard.services.catalog import PLAN_TEMPLATES_FILE, bundled_plan_templates, load_plan_templates
from sme_guard.services.registers import table_named

CODES = ["accounting", "file_server", "email", "crm_cloud", "website"]
STANDARD_SCENARIOS = {
    DisasterScenario.EARTHQUAKE,
    DisasterScenario.FIRE,
    DisasterScenario.FLOOD,
    DisasterScenario.BLACKOUT,
}
TODAY = date(2025, 4, 1)
# Another name than the bundled one: the message must name the file it was given.
BROKEN = "broken_templates.yaml"


def _template(code: str) -> PlanTemplate:
    return next(t for t in bundled_plan_templates() if t.code == code)


# ---------------------------------------------------------------- the bundled file


def test_bundled_file_loads_with_the_five_examples() -> None:
    templates = load_plan_templates()
    assert [t.code for t in templates] == CODES
    assert bundled_plan_templates() == templates
    assert all(t.example for t in templates)
    assert [t.ja.name for t in templates] == [
        "会計システム",
        "ファイルサーバー / NAS",
        "メール",
        "顧客管理クラウド(SaaS)",
        "ホームページ(Webサイト)",
    ]


def test_the_file_says_it_is_an_example_not_the_guideline() -> None:
    head = (catalog_dir() / PLAN_TEMPLATES_FILE).read_text(encoding="utf-8").split("templates:")[0]
    assert "ガイドラインの本文ではありません" in head
    assert "not text of the guideline" in head
    assert "書き換えて" in head and "Rewrite" in head


@pytest.mark.parametrize("code", CODES)
def test_each_template_covers_control_4_in_both_languages(code: str) -> None:
    template = _template(code)
    assert template.uses_contact_tree
    assert template.review_interval_days in (180, 365)  # 4②: reviewed at least once a year
    assert template.rto_hours > 0 and template.rpo_hours > 0
    for lang in ("ja", "en"):
        content = template.content(lang)
        assert content.name and content.summary and "\n" not in content.summary
        assert content.business_impact and content.damage_and_risk  # 4①
        assert len(content.protections) >= 3  # 4①: バックアップ, リプリケーション, 冗長化 等
        assert len(content.steps) >= 3
        assert all(step.who and step.what for step in content.steps)
        scenarios = {s.scenario for s in content.scenarios}
        assert scenarios >= STANDARD_SCENARIOS, (code, lang)  # 4③: 地震, 火災, 水害, 大規模停電
        assert all(s.response for s in content.scenarios)


@pytest.mark.parametrize("code", CODES)
def test_english_has_the_same_shape_as_japanese(code: str) -> None:
    # The English is a translation: same measures, same steps with the same times, same disasters.
    template = _template(code)
    ja, en = template.ja, template.en
    assert ja.name != en.name and ja.business_impact != en.business_impact
    assert [(p.measure, p.name is None) for p in ja.protections] == [
        (p.measure, p.name is None) for p in en.protections
    ]
    assert [(s.minutes, s.location is None) for s in ja.steps] == [
        (s.minutes, s.location is None) for s in en.steps
    ]
    assert [(s.scenario, s.name is None) for s in ja.scenarios] == [
        (s.scenario, s.name is None) for s in en.scenarios
    ]


@pytest.mark.parametrize("code", CODES)
def test_steps_fit_within_the_recovery_time_objective(code: str) -> None:
    # A template must not teach an impossible plan: following its steps one after another
    # brings the system back within its RTO.
    template = _template(code)
    for lang in ("ja", "en"):
        minutes = [step.minutes for step in template.content(lang).steps]
        assert None not in minutes, f"{code}/{lang}: every step needs a time"
        assert sum(m for m in minutes if m is not None) <= template.rto_hours * 60, (code, lang)


def test_protection_lines_are_one_per_measure() -> None:
    # The plan's checklist keeps one line per standard measure (set_protections drops repeats),
    # so a template listing one twice would lose a line at the first save.
    for template in bundled_plan_templates():
        for lang in ("ja", "en"):
            keys = [(p.measure, p.name) for p in template.content(lang).protections]
            assert len(keys) == len(set(keys)), (template.code, lang)
            assert all(p.note for p in template.content(lang).protections)


# ---------------------------------------------------------------- broken copies


def _bundled_data() -> dict[str, Any]:
    data = yaml.safe_load((catalog_dir() / PLAN_TEMPLATES_FILE).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _write(folder: Path, data: Any) -> Path:
    path = folder / BROKEN
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _error(path: Path) -> str:
    with pytest.raises(CatalogError) as caught:
        load_plan_templates(path)
    return caught.value.message("en")


def _broken(tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> str:
    data = _bundled_data()
    change(data)
    return _error(_write(tmp_path, data))


def _custom_index(content: dict[str, Any]) -> int:
    return next(i for i, s in enumerate(content["scenarios"]) if s["scenario"] == "custom")


def test_an_unchanged_copy_loads(tmp_path: Path) -> None:
    # The broken variants below differ from this only by the change each makes.
    templates = load_plan_templates(_write(tmp_path, _bundled_data()))
    assert templates == bundled_plan_templates()


def test_missing_example_flag(tmp_path: Path) -> None:
    message = _broken(tmp_path, lambda data: data["templates"][1].pop("example"))
    assert message.startswith(f"{BROKEN}: file_server: ")
    assert "example" in message


def test_example_false_is_refused(tmp_path: Path) -> None:
    def not_an_example(data: dict[str, Any]) -> None:
        data["templates"][2]["example"] = False

    message = _broken(tmp_path, not_an_example)
    assert message.startswith(f"{BROKEN}: email: ")
    assert "example: true" in message


def test_unknown_protection_measure(tmp_path: Path) -> None:
    def bad_measure(data: dict[str, Any]) -> None:
        data["templates"][0]["ja"]["protections"][1]["measure"] = "mirroring"

    message = _broken(tmp_path, bad_measure)
    assert message.startswith(f"{BROKEN}: accounting: ")
    assert "ja.protections.1.measure" in message


def test_other_protection_without_name(tmp_path: Path) -> None:
    def unnamed(data: dict[str, Any]) -> None:
        protections = data["templates"][1]["en"]["protections"]
        index = next(i for i, p in enumerate(protections) if p["measure"] == ProtectionMeasure.OTHER)
        del protections[index]["name"]

    message = _broken(tmp_path, unnamed)
    assert message.startswith(f"{BROKEN}: file_server: ")
    assert "en.protections." in message and "name" in message


def test_custom_scenario_without_name(tmp_path: Path) -> None:
    def unnamed(data: dict[str, Any]) -> None:
        content = data["templates"][3]["en"]
        del content["scenarios"][_custom_index(content)]["name"]

    message = _broken(tmp_path, unnamed)
    index = _custom_index(_bundled_data()["templates"][3]["en"])
    assert message.startswith(f"{BROKEN}: crm_cloud: ")
    assert f"en.scenarios.{index}" in message and "name" in message


def test_unknown_key_is_a_typo_not_ignored(tmp_path: Path) -> None:
    def typo(data: dict[str, Any]) -> None:
        step = data["templates"][4]["ja"]["steps"][2]
        step["minuts"] = step.pop("minutes")

    message = _broken(tmp_path, typo)
    assert message.startswith(f"{BROKEN}: website: ")
    assert "ja.steps.2.minuts" in message


def test_unknown_key_at_template_level(tmp_path: Path) -> None:
    def typo(data: dict[str, Any]) -> None:
        data["templates"][0]["rto_hour"] = data["templates"][0].pop("rto_hours")

    message = _broken(tmp_path, typo)
    assert message.startswith(f"{BROKEN}: accounting: ")
    assert "rto_hour:" in message and "rto_hours:" in message  # the typo and the missing field


def test_negative_minutes(tmp_path: Path) -> None:
    def negative(data: dict[str, Any]) -> None:
        data["templates"][2]["en"]["steps"][0]["minutes"] = -5

    message = _broken(tmp_path, negative)
    assert message.startswith(f"{BROKEN}: email: ")
    assert "en.steps.0.minutes" in message


def test_template_without_steps(tmp_path: Path) -> None:
    def no_steps(data: dict[str, Any]) -> None:
        data["templates"][3]["ja"]["steps"] = []

    message = _broken(tmp_path, no_steps)
    assert message.startswith(f"{BROKEN}: crm_cloud: ")
    assert "ja.steps" in message


def test_entry_without_code_is_named_by_position(tmp_path: Path) -> None:
    def no_code(data: dict[str, Any]) -> None:
        del data["templates"][3]["code"]

    message = _broken(tmp_path, no_code)
    assert message.startswith(f"{BROKEN}: entry 4: ")
    assert "code" in message


def test_duplicate_codes(tmp_path: Path) -> None:
    def duplicate(data: dict[str, Any]) -> None:
        data["templates"][4]["code"] = "email"

    message = _broken(tmp_path, duplicate)
    assert message.startswith(f"{BROKEN}: ")
    assert "unique" in message and "email" in message


@pytest.mark.parametrize(
    "data",
    [
        ["accounting", "email"],  # a list at the top, not a mapping
        "templates",
        {"template": []},  # a typo in the top key
        {"templates": {"code": "email"}},  # a mapping where the list belongs
    ],
)
def test_top_level_must_be_a_templates_list(tmp_path: Path, data: Any) -> None:
    message = _error(_write(tmp_path, data))
    assert message == f"{BROKEN}: needs a top-level list 'templates:'"


def test_empty_list_is_refused(tmp_path: Path) -> None:
    message = _error(_write(tmp_path, {"templates": []}))
    assert message.startswith(f"{BROKEN}: templates: ")


def test_invalid_yaml_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / BROKEN
    lines = (catalog_dir() / PLAN_TEMPLATES_FILE).read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("- code: email"))
    lines[number + 1] = "  example: [true"  # an unclosed flow sequence
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    message = _error(path)
    assert message.startswith(f"{BROKEN} line ")
    assert "not valid YAML" in message
    line = int(message.removeprefix(f"{BROKEN} line ").split(":")[0])
    assert number + 2 <= line <= number + 4  # at or just after the broken line


def test_missing_file(tmp_path: Path) -> None:
    assert _error(tmp_path / BROKEN) == f"{BROKEN}: file is missing"


# ---------------------------------------------------------------- plans made from a template


def _template_code(database: Database, plan_id: int) -> str | None:
    plans = table_named("continuity_plan")
    with database.engine.connect() as connection:
        code = connection.execute(select(plans.c.template_code).where(plans.c.id == plan_id)).scalar_one()
    return None if code is None else str(code)


def test_plan_from_template_copies_everything(db: Database) -> None:
    template = _template("accounting")
    content = template.ja
    plan_id = continuity.create_from_template(db, template, "ja")
    plan = continuity.detail(db, plan_id, TODAY)

    assert plan.name == "会計システム"
    assert plan.values["business_impact"] == content.business_impact
    assert plan.values["damage_and_risk"] == content.damage_and_risk
    assert plan.values["rto_hours"] == 24 and plan.values["rpo_hours"] == 24
    assert plan.values["review_interval_days"] == template.review_interval_days
    assert plan.values["depends_on_contact_tree"] is True
    assert plan.values["owner_id"] is None  # the office picks its own owner
    assert _template_code(db, plan_id) == "accounting"

    # Protections are a checklist to work through: none is ticked as already in place.
    assert sorted((p.measure, p.name or "", p.note or "") for p in plan.protections) == sorted(
        (p.measure.value, p.name or "", p.note or "") for p in content.protections
    )
    assert not any(p.in_place for p in plan.protections)
    assert {p.title("ja") for p in plan.protections} >= {"バックアップ", "保守契約"}

    assert [(s.position, s.who, s.what, s.location, s.duration_minutes) for s in plan.steps] == [
        (position, s.who, s.what, s.location, s.minutes) for position, s in enumerate(content.steps, start=1)
    ]
    assert plan.steps_minutes == sum(s.minutes or 0 for s in content.steps)
    assert plan.objective_minutes == 24 * 60

    assert [(s.scenario, s.name, s.response) for s in plan.scenarios] == [
        (s.scenario.value, s.name, s.response) for s in content.scenarios
    ]
    assert [s.title("ja") for s in plan.scenarios] == [
        "地震",
        "火災",
        "水害",
        "大規模停電",
        "ランサムウェア感染",
    ]

    # An example copied today has not been reviewed for this office yet; it falls due one
    # review interval after it was made, not on day one (4②).
    assert plan.reviews == () and not plan.review_due
    assert plan.next_review_on is not None and plan.next_review_on > TODAY


def test_second_plan_from_the_same_template_gets_a_number(db: Database) -> None:
    template = _template("email")
    first = continuity.create_from_template(db, template, "ja")
    second = continuity.create_from_template(db, template, "ja")
    third = continuity.create_from_template(db, template, "ja")
    names = [continuity.detail(db, p, TODAY).name for p in (first, second, third)]
    assert names == ["メール", "メール (2)", "メール (3)"]
    # Each copy has its own steps, not shared with the first.
    assert len(continuity.detail(db, second, TODAY).steps) == len(template.ja.steps)
    assert len(continuity.detail(db, first, TODAY).steps) == len(template.ja.steps)


def test_plan_from_template_with_its_own_name(db: Database) -> None:
    template = _template("file_server")
    plan_id = continuity.create_from_template(db, template, "ja", "  本社NAS  ")
    assert continuity.detail(db, plan_id, TODAY).name == "本社NAS"
    # A name the user typed is not quietly changed: a taken one is refused.
    with pytest.raises(continuity.PlanRuleError, match="本社NAS"):
        continuity.create_from_template(db, template, "ja", "本社NAS")
    assert len(continuity.plan_choices(db)) == 1
    blank = continuity.create_from_template(db, template, "ja", "   ")
    assert continuity.detail(db, blank, TODAY).name == "ファイルサーバー / NAS"


def test_plan_from_template_in_english(db: Database) -> None:
    template = _template("crm_cloud")
    content = template.en
    plan_id = continuity.create_from_template(db, template, "en")
    plan = continuity.detail(db, plan_id, TODAY)
    assert plan.name == "Customer management cloud (SaaS)"
    assert plan.values["business_impact"] == content.business_impact
    assert plan.values["damage_and_risk"] == content.damage_and_risk
    assert [s.what for s in plan.steps] == [s.what for s in content.steps]
    assert plan.steps[0].who == "Each employee"
    assert {p.note for p in plan.protections} == {p.note for p in content.protections}
    assert [s.response for s in plan.scenarios] == [s.response for s in content.scenarios]
    assert plan.scenarios[-1].title("en") == "Cloud provider outage"
    assert _template_code(db, plan_id) == "crm_cloud"
    # The Japanese and English plans of one template are different plans with different names.
    ja_id = continuity.create_from_template(db, template, "ja")
    assert continuity.detail(db, ja_id, TODAY).name == "顧客管理クラウド(SaaS)"


@pytest.mark.parametrize("code", CODES)
def test_every_template_makes_a_plan_whose_steps_fit_its_objective(db: Database, code: str) -> None:
    # Through the plan's own arithmetic (what the plan screen and the drill compare with).
    plan = continuity.detail(db, continuity.create_from_template(db, _template(code), "ja"), TODAY)
    assert plan.steps_minutes is not None and plan.objective_minutes is not None
    assert plan.steps_minutes <= plan.objective_minutes
    assert {s.scenario for s in plan.scenarios} >= {s.value for s in STANDARD_SCENARIOS}
