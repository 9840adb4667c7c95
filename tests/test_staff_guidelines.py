"""Staff guidelines (10⑨, 18①): the points file, versions and drafts, issuing, validation that
names the point, acknowledgments and their rules, who has not acknowledged the current
version, and the smart devices' "guideline acknowledged on" that follows them."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import Table

from sme_guard.db.database import Database
from sme_guard.domain.assets import SmartDevice
from sme_guard.domain.codes import GuidelineDecision, GuidelineKind
from sme_guard.errors import CatalogError, UserError
from sme_guard.paths import catalog_dir
from sme_guard.services import clock
from sme_guard.services import guideline_points as gp
from sme_guard.services import staff_guidelines as sg
from sme_guard.services.catalog import bundled_catalog
from sme_guard.services.details import DetailInvalidError
from tests.conftest import EXCERPT
from tests.factories import (
    device_acknowledged_on,
    guideline_content,
    inserted_device,
    inserted_person,
    issued_guideline,
)

TODAY = date(2026, 11, 27)
DEVICES, SNS = GuidelineKind.DEVICES, GuidelineKind.SNS


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def _table(model: Any) -> Table:
    table: Table = model.__table__
    return table


# ---------------------------------------------------------------- the points file


def test_the_points_are_the_excerpts_words_with_their_references() -> None:
    points = gp.bundled_guideline_points()
    devices = points.of(DEVICES)
    assert [p.ref for p in devices.points] == [
        "10①",
        "10②",
        "10③",
        "10④",
        "10⑤",
        "10⑥",
        "10⑦",
        "10⑧",
        "10運用①",
    ]
    sns = points.of(SNS)
    fragments = [p.requirement.ja for p in sns.points if p.ref == "18①"]
    # 18① asks the guideline to settle five things; each is a point of its own.
    assert fragments == [
        "勤務先名の記載可否",
        "企業が持つ公開情報についての記載可否または記載範囲・記載条件",
        "SNS 上での顧客、取引先社員との交友方法",
        "私的情報の記載内容",
        "利用方法",
    ]
    assert {p.ref for p in sns.points} >= {"18運用①", "18運用②", "18運用③", "18運用④"}
    excerpt = "".join(EXCERPT.read_text(encoding="utf-8").split())
    for template in points.guidelines:
        assert "".join(template.purpose.ja.split()) in excerpt
        for point in template.points:
            assert "".join(point.requirement.ja.split()) in excerpt, point.key
            assert point.requirement.en and point.question.ja and point.question.en
    # The location-in-photos risk of sheet No.53 is part of the SNS linking point.
    linking = sns.point("automatic_linking")
    assert linking is not None and linking.sheets == (53,)
    assert linking.suggested_conditions is not None and "位置情報を削除" in linking.suggested_conditions.ja


def _write(tmp_path: Path, edit: Any) -> Path:
    data = yaml.safe_load((catalog_dir() / gp.GUIDELINES_FILE).read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / gp.GUIDELINES_FILE
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("edit", "named"),
    [
        (lambda d: d["guidelines"][0]["points"][1].update(ref="10⑳"), "devices.jailbreak: ref"),
        (
            lambda d: d["guidelines"][0]["points"][1]["requirement"].update(ja="ジェイルブレイクを許可する"),
            "devices.jailbreak: requirement",
        ),
        (lambda d: d["guidelines"][0]["points"][1].update(sheets=[99]), "devices.jailbreak: sheets"),
        (
            lambda d: d["guidelines"][1]["points"][0].pop("suggested_conditions"),
            "sns: points.0: a conditional suggestion needs suggested_conditions",
        ),
        (lambda d: d["guidelines"][1]["points"][1].update(key="employer_name"), "key used twice"),
        (lambda d: d["guidelines"].pop(), "missing: sns"),
        (lambda d: d["guidelines"][0]["points"][0].update(colour="red"), "colour"),
    ],
)
def test_a_wrong_points_file_is_refused_naming_file_entry_and_field(
    tmp_path: Path, edit: Any, named: str
) -> None:
    with pytest.raises(CatalogError) as caught:
        gp.load_guideline_points(_write(tmp_path, edit), catalog=bundled_catalog())
    assert gp.GUIDELINES_FILE in caught.value.en and named in caught.value.en


# ---------------------------------------------------------------- versions


def test_a_first_draft_starts_from_the_suggestions_and_is_saved(db: Database) -> None:
    assert sg.versions(db, DEVICES) == [] and sg.current_version(db, DEVICES) is None
    draft_id = sg.new_draft(db, DEVICES, "ja")
    doc = sg.document(db, draft_id)
    assert (doc.info.version, doc.info.title, doc.info.issued_on) == (
        1,
        "スマートデバイス使用ガイドライン",
        None,
    )
    apps = next(p for p in doc.points if p.key == "applications")
    assert apps.decision == GuidelineDecision.CONDITIONAL and apps.conditions is not None
    assert apps.conditions.startswith("会社が許可した")  # the suggestion, in the draft's language
    english = sg.document(db, sg.new_draft(db, SNS, "en"))
    assert english.info.title == "Guideline for the use of social media (SNS)"

    sg.save_draft(
        db,
        draft_id,
        guideline_content(
            doc, applications=("not_allowed", None), networks=("条件付きで可", "自宅の Wi-Fi のみ")
        )
        | {"title": "スマホのルール", "notes": "朝礼で説明"},
    )
    saved = sg.document(db, draft_id)
    by_key = {p.key: p for p in saved.points}
    assert saved.info.title == "スマホのルール" and saved.info.notes == "朝礼で説明"
    assert (by_key["applications"].decision, by_key["applications"].conditions) == ("not_allowed", None)
    assert (by_key["networks"].decision, by_key["networks"].conditions) == (
        "conditional",
        "自宅の Wi-Fi のみ",
    )
    assert [v.version for v in sg.versions(db, DEVICES)] == [1]


def test_saving_names_each_incomplete_point_and_saves_nothing(db: Database) -> None:
    draft_id = sg.new_draft(db, DEVICES, "ja")
    before = sg.document(db, draft_id)
    with pytest.raises(DetailInvalidError) as caught:
        sg.save_draft(
            db,
            draft_id,
            guideline_content(before, applications=(None, None), networks=("conditional", "  "))
            | {"title": " "},
        )
    problems = caught.value.problems
    assert set(problems) == {"title", "applications", "networks"}
    assert "条件を入力" in problems["networks"].ja and "needs the conditions" in problems["networks"].en
    assert "判断" in problems["applications"].ja
    # The message alone names the points by their reference and question.
    assert "10④ アプリケーション" in caught.value.ja and "10⑦" in caught.value.ja
    assert "10⑦ Connecting to Wi-Fi" in caught.value.en
    assert sg.document(db, draft_id) == before


def test_issuing_fixes_a_version_and_the_next_one_starts_from_it(db: Database) -> None:
    first = issued_guideline(db, DEVICES, date(2026, 4, 1), backup=("conditional", "毎週金曜にサーバーへ"))
    info = sg.current_version(db, DEVICES)
    assert info is not None and (info.id, info.version, info.issued_on) == (first, 1, date(2026, 4, 1))
    doc = sg.document(db, first)
    for change in (
        lambda: sg.save_draft(db, first, guideline_content(doc)),
        lambda: sg.issue(db, first, TODAY),
    ):
        with pytest.raises(sg.GuidelineRuleError, match="was issued on 2026-04-01 and cannot be changed"):
            change()

    second = sg.new_draft(db, DEVICES, "ja")
    with pytest.raises(sg.GuidelineRuleError, match="There is a draft already"):
        sg.new_draft(db, DEVICES, "ja")
    copied = {p.key: p for p in sg.document(db, second).points}
    assert copied["backup"].conditions == "毎週金曜にサーバーへ"  # from version 1, not the suggestion
    assert sg.current_version(db, DEVICES).id == first  # type: ignore[union-attr]  # a draft is not in force

    with pytest.raises(DetailInvalidError) as caught:
        sg.issue(db, second, date(2026, 3, 1))  # before version 1
    assert "第1版" in caught.value.problems["issued_on"].ja
    with pytest.raises(DetailInvalidError):
        sg.issue(db, second, date(2026, 12, 1))  # after today
    sg.issue(db, second, "2026/10/1")
    assert [(v.version, v.issued_on) for v in sg.versions(db, DEVICES)] == [
        (2, date(2026, 10, 1)),
        (1, date(2026, 4, 1)),
    ]
    assert sg.find_version(db, DEVICES, None) == second and sg.find_version(db, "devices", 1) == first
    with pytest.raises(UserError, match="no version 3"):
        sg.find_version(db, DEVICES, 3)
    assert sg.versions(db, SNS) == []  # kinds are numbered apart
    with pytest.raises(UserError, match="has not been issued yet"):
        sg.find_version(db, SNS, None)


def test_an_issued_version_keeps_its_texts_when_the_catalog_changes(db: Database, tmp_path: Path) -> None:
    first = issued_guideline(db, SNS, date(2026, 4, 1))
    draft = sg.new_draft(db, SNS, "ja")

    def reword(data: Any) -> None:
        data["guidelines"][1]["points"][0]["question"]["ja"] = "勤務先名をSNSに書くこと(改訂)"

    changed = gp.load_guideline_points(_write(tmp_path, reword))
    kept = sg.document(db, first, templates=changed).points[0]
    assert kept.question.ja == "SNS のプロフィールや投稿に勤務先名を記載すること"
    assert sg.document(db, draft, templates=changed).points[0].question.ja == "勤務先名をSNSに書くこと(改訂)"


def test_a_draft_or_an_unacknowledged_version_may_be_deleted(db: Database) -> None:
    yamada = inserted_person(db, "山田 太郎")
    first = issued_guideline(db, DEVICES, date(2026, 4, 1))
    sg.record_acknowledgments(db, first, [yamada], date(2026, 4, 2))
    with pytest.raises(sg.GuidelineRuleError, match="1 person has acknowledged it"):
        sg.delete_version(db, first)
    second = issued_guideline(db, DEVICES, date(2026, 5, 1))  # issued by mistake, nobody has read it
    sg.delete_version(db, second)
    draft = sg.new_draft(db, DEVICES, "ja")
    sg.delete_version(db, draft)
    assert [v.id for v in sg.versions(db, DEVICES)] == [first]
    with pytest.raises(UserError, match=r"deleted|removed already"):
        sg.document(db, draft)


# ---------------------------------------------------------------- acknowledgments


def test_acknowledgments_are_recorded_and_the_not_acknowledged_list_follows(db: Database) -> None:
    yamada = inserted_person(db, "山田 太郎", kana="やまだ たろう")
    sato = inserted_person(db, "佐藤 花子", kana="さとう はなこ")
    inserted_person(db, "鈴木 一郎", kana="すずき いちろう")
    inserted_person(db, "田中 退職", kana="たなか", left_on=date(2026, 3, 31))
    assert [s.name for s in sg.not_acknowledged(db, SNS)] == ["佐藤 花子", "鈴木 一郎", "山田 太郎"]

    first = issued_guideline(db, SNS, date(2026, 4, 1))
    assert sg.record_acknowledgments(db, first, [yamada, sato], "2026/4/3") == 2
    assert [s.name for s in sg.not_acknowledged(db, SNS)] == ["鈴木 一郎"]

    second = issued_guideline(db, SNS, date(2026, 10, 1), how_used=("allowed", None))
    sg.record_acknowledgments(db, second, [sato], "令和8年10月5日")
    status = {s.name: s for s in sg.acknowledgment_status(db, SNS)}
    assert "田中 退職" not in status  # people who left are not listed
    assert (
        status["佐藤 花子"].version,
        status["佐藤 花子"].acknowledged_on,
        status["佐藤 花子"].current,
    ) == (
        2,
        date(2026, 10, 5),
        True,
    )
    # Acknowledged an older version only: still on the list.
    assert (status["山田 太郎"].version, status["山田 太郎"].current) == (1, False)
    assert (status["鈴木 一郎"].version, status["鈴木 一郎"].acknowledged_on) == (None, None)
    assert [s.name for s in sg.not_acknowledged(db, SNS)] == ["鈴木 一郎", "山田 太郎"]
    assert [(v.version, v.acknowledged) for v in sg.versions(db, SNS)] == [(2, 1), (1, 2)]
    assert [a.name for a in sg.acknowledgments(db, first)] == ["佐藤 花子", "山田 太郎"]
    assert sg.not_acknowledged(db, DEVICES) != []  # the other kind is separate

    # A mistaken acknowledgment is removed; the person falls back to the version before.
    sg.remove_acknowledgment(db, status["佐藤 花子"].acknowledgment_id)  # type: ignore[arg-type]
    again = {s.name: s for s in sg.acknowledgment_status(db, SNS)}
    assert (again["佐藤 花子"].version, again["佐藤 花子"].current) == (1, False)
    with pytest.raises(UserError, match=r"deleted|removed already"):
        sg.remove_acknowledgment(db, status["佐藤 花子"].acknowledgment_id)  # type: ignore[arg-type]


def test_acknowledgments_are_refused_with_the_reason_under_the_field(db: Database) -> None:
    yamada = inserted_person(db, "山田 太郎")
    left = inserted_person(db, "田中 退職", left_on=date(2026, 9, 30))
    draft = sg.new_draft(db, DEVICES, "ja")
    with pytest.raises(sg.GuidelineRuleError, match="still a draft"):
        sg.record_acknowledgments(db, draft, [yamada], TODAY)
    sg.issue(db, draft, date(2026, 10, 1))

    cases: list[tuple[list[int], Any, str, str]] = [
        ([left], TODAY, "people", "退職した従業員です: 田中 退職"),
        ([yamada], "2026/9/30", "acknowledged_on", "発行日(2026-10-01)より前"),
        ([yamada], "2026/12/1", "acknowledged_on", "今日より後"),
        ([yamada], "きのう", "acknowledged_on", "日付として読めません"),
        ([yamada], "", "acknowledged_on", "入力してください"),
        ([], TODAY, "people", "選んでください"),
    ]
    for people, day, field, message in cases:
        with pytest.raises(DetailInvalidError) as caught:
            sg.record_acknowledgments(db, draft, people, day)
        assert message in caught.value.problems[field].ja, (people, day)
    assert sg.acknowledgments(db, draft) == []

    sg.record_acknowledgments(db, draft, [yamada], "2026/10/2")
    with pytest.raises(DetailInvalidError) as caught:
        sg.record_acknowledgments(db, draft, [yamada], TODAY)
    assert "確認済みです: 山田 太郎(2026-10-02)" in caught.value.problems["people"].ja
    assert [a.acknowledged_on for a in sg.acknowledgments(db, draft)] == [date(2026, 10, 2)]


# ---------------------------------------------------------------- smart devices (10⑨)


def test_a_devices_acknowledgment_dates_the_persons_devices(db: Database) -> None:
    yamada, sato = inserted_person(db, "山田 太郎"), inserted_person(db, "佐藤 花子")
    phone, tablet = inserted_device(db, "SD-001", yamada), inserted_device(db, "SD-002", yamada)
    disposed = inserted_device(db, "SD-003", yamada, status="disposed")
    other = inserted_device(db, "SD-004", sato)

    sns = issued_guideline(db, SNS, date(2026, 4, 1))
    sg.record_acknowledgments(db, sns, [yamada], "2026/4/2")
    assert device_acknowledged_on(db, phone) is None  # the SNS guideline is not the devices one

    first = issued_guideline(db, DEVICES, date(2026, 4, 1))
    sg.record_acknowledgments(db, first, [yamada], "2026/4/3")
    assert [device_acknowledged_on(db, d) for d in (phone, tablet, disposed, other)] == [
        date(2026, 4, 3),
        date(2026, 4, 3),
        None,  # disposed: its record is closed
        None,
    ]
    second = issued_guideline(db, DEVICES, date(2026, 10, 1))
    sg.record_acknowledgments(db, second, [yamada, sato], "2026/10/7")
    assert device_acknowledged_on(db, phone) == date(2026, 10, 7) and device_acknowledged_on(
        db, other
    ) == date(2026, 10, 7)

    # Removing the newer acknowledgment goes back to the older one's date.
    newer = next(a for a in sg.acknowledgments(db, second) if a.person_id == yamada)
    sg.remove_acknowledgment(db, newer.id)
    assert device_acknowledged_on(db, phone) == date(2026, 4, 3)

    with db.engine.connect() as connection:
        assert sg.device_acknowledged_on(connection, sato) == date(2026, 10, 7)
        assert sg.device_acknowledged_on(connection, yamada) == date(2026, 4, 3)
        assert sg.device_acknowledged_on(connection, None) is None


def test_a_device_handed_to_someone_gets_their_date(db: Database) -> None:
    from sme_guard.domain.registers import DEVICES as DEVICE_REGISTER
    from sme_guard.services import registers

    yamada, sato = inserted_person(db, "山田 太郎"), inserted_person(db, "佐藤 花子")
    guideline = issued_guideline(db, DEVICES, date(2026, 4, 1))
    sg.record_acknowledgments(db, guideline, [sato], "2026/4/10")
    phone = inserted_device(db, "SD-001", yamada)
    assert device_acknowledged_on(db, phone) is None
    registers.save_record(db, DEVICE_REGISTER, phone, {"user_id": sato})  # the form's path
    assert device_acknowledged_on(db, phone) == date(2026, 4, 10)
    # Changed behind the registers' back (a raw update): refresh_device_dates mends it.
    table = _table(SmartDevice)
    with db.engine.begin() as connection:
        connection.execute(table.update().where(table.c.id == phone).values(user_id=None))
        assert sg.refresh_device_dates(connection) == 1
        assert sg.refresh_device_dates(connection) == 0  # nothing else to change
    assert device_acknowledged_on(db, phone) is None
