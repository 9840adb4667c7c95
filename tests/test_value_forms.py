"""Data hygiene: フリガナ kept as full-width katakana, e-mail, phone and postcode checked for
their form with a clear message, the same in a form and on import."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from sme_guard.db.database import Database
from sme_guard.domain.registers import PEOPLE, Column
from sme_guard.exchange.excel import import_register
from sme_guard.services import incidents, registers
from sme_guard.services.registers import RecordInvalidError
from sme_guard.services.values import PeopleIndex, ValueProblemError, parse_value


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("ｽｽﾞｷ ﾀﾛｳ", "スズキ\u3000タロウ"),
        ("すずき たろう", "スズキ\u3000タロウ"),
        ("ヤマダ", "ヤマダ"),
        ("", None),
    ],
)
def test_kana_is_kept_as_full_width_katakana(typed: str, kept: str | None) -> None:
    assert parse_value(PEOPLE.column("kana"), typed, PeopleIndex([])) == kept


@pytest.mark.parametrize(
    ("form", "typed", "kept"),
    [
        ("email", "ｙａｍａｄａ@example.co.jp", "yamada@example.co.jp"),
        ("phone", "０３（1234）5678", "03-1234-5678"),
        ("phone", "+81 3 1234 5678", "+81-3-1234-5678"),
        ("postcode", "〒1000001", "100-0001"),
        ("postcode", "１００－０００１", "100-0001"),
    ],
)
def test_contact_details_are_kept_in_one_way_of_writing(form: str, typed: str, kept: str) -> None:
    column = Column("x", "欄", "Field", text_form=form)  # type: ignore[arg-type]
    assert parse_value(column, typed, PeopleIndex([])) == kept


@pytest.mark.parametrize(
    ("form", "typed", "message"),
    [
        (
            "email",
            "yamada@example",
            "「yamada@example」はメールアドレスの形ではありません(例: yamada@example.co.jp)",
        ),
        ("phone", "内線なし", "「内線なし」は電話番号の形ではありません(例: 03-1234-5678)"),
        ("phone", "12", "「12」は電話番号の形ではありません(例: 03-1234-5678)"),
        ("postcode", "100-001", "「100-001」は郵便番号の形ではありません(例: 100-0001)"),
    ],
)
def test_a_value_not_of_its_form_is_refused_with_an_example(form: str, typed: str, message: str) -> None:
    column = Column("x", "欄", "Field", text_form=form)  # type: ignore[arg-type]
    with pytest.raises(ValueProblemError) as refused:
        parse_value(column, typed, PeopleIndex([]))
    assert refused.value.problem.ja == message


def test_the_form_and_the_contact_tree_apply_the_same_rules(db: Database) -> None:
    raw = {"name": "鈴木 太郎", "kana": "ｽｽﾞｷ ﾀﾛｳ", "employment_type": "regular", "role": "employee"}
    with pytest.raises(RecordInvalidError) as refused:
        registers.save_record(db, PEOPLE, None, {**raw, "email": "yamada@example"})
    assert set(refused.value.problems) == {"email"}
    person = registers.save_record(db, PEOPLE, None, {**raw, "phone": "090 1234 5678"})
    saved = registers.get_record(db, PEOPLE, person)
    assert (saved["kana"], saved["phone"]) == ("スズキ\u3000タロウ", "090-1234-5678")
    from sme_guard.services.details import DetailInvalidError

    with pytest.raises(DetailInvalidError) as caught:
        incidents.save_contact(db, None, {"role": "責任者", "person_id": person, "email": "suzuki@"})
    assert set(caught.value.problems) == {"email"}


def test_an_import_folds_kana_and_names_a_bad_email_by_row(db: Database, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["氏名", "フリガナ", "雇用形態", "役割", "メール"])
    sheet.append(["山田 花子", "やまだ はなこ", "正社員", "従業員", "hanako@example.co.jp"])
    sheet.append(["佐藤 一郎", "ｻﾄｳ ｲﾁﾛｳ", "パート・アルバイト", "従業員", "sato@example"])
    path = tmp_path / "people.xlsx"
    book.save(path)
    report = import_register(db, PEOPLE, path, lang="ja")
    assert [line for line in report.lines("ja") if "メール" in line] == [
        "3行目: メール: 「sato@example」はメールアドレスの形ではありません(例: yamada@example.co.jp)"
    ]
    ((person_id, _name),) = registers.person_choices(db)
    assert registers.get_record(db, PEOPLE, person_id)["kana"] == "ヤマダ\u3000ハナコ"
