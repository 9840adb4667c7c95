"""Records the tests make, in one place (each test file used to keep its own copy).

``person`` and ``medium`` go through the register service, as a form does; ``inserted_person``
and ``inserted_device`` write the bare row (no register rules) for tests that are about
something else; the rest set up guidelines, the policy and an assessment the way a user would.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Table, select

from sme_guard.db.database import Database
from sme_guard.domain.assets import SmartDevice
from sme_guard.domain.codes import GuidelineKind, PolicyKind
from sme_guard.domain.people import Person
from sme_guard.domain.registers import MEDIA, PEOPLE
from sme_guard.services import assessments, policies, registers
from sme_guard.services import staff_guidelines as sg


def _table(model: Any) -> Table:
    table: Table = model.__table__
    return table


# ---------------------------------------------------------------- registers


def person(db: Database, name: str, role: str = "employee", **values: Any) -> int:
    """An employee (正社員 unless ``values`` say otherwise), saved as the register form saves."""
    return registers.save_record(
        db, PEOPLE, None, {"name": name, "employment_type": "regular", "role": role, **values}
    )


def medium(db: Database, number: str, **values: Any) -> int:
    """A USB memory in use unless ``values`` say otherwise, saved as the register form saves."""
    fields = {"asset_number": number, "kind": "usb_memory", "quantity": 1, "status": "in_use", **values}
    return registers.save_record(db, MEDIA, None, fields)


def inserted_person(db: Database, name: str, *, kana: str | None = None, left_on: date | None = None) -> int:
    with db.engine.begin() as connection:
        result = connection.execute(
            _table(Person).insert().values(name=name, kana=kana or name, left_on=left_on)
        )
        return int(result.inserted_primary_key[0])  # type: ignore[index]


def inserted_device(db: Database, number: str, user_id: int | None, *, status: str = "in_use") -> int:
    with db.engine.begin() as connection:
        result = connection.execute(
            _table(SmartDevice).insert().values(asset_number=number, user_id=user_id, status=status)
        )
        return int(result.inserted_primary_key[0])  # type: ignore[index]


def device_acknowledged_on(db: Database, device_id: int) -> date | None:
    table = _table(SmartDevice)
    with db.engine.connect() as connection:
        return connection.execute(
            select(table.c.guideline_acknowledged_on).where(table.c.id == device_id)
        ).scalar_one()


# ---------------------------------------------------------------- staff guidelines


def guideline_content(doc: sg.GuidelineDocument, **changes: tuple[str | None, str | None]) -> dict[str, Any]:
    """The form's content for ``doc``, with some points' (decision, conditions) changed."""
    choices = {p.key: {"decision": p.decision, "conditions": p.conditions} for p in doc.points}
    for key, (decision, conditions) in changes.items():
        choices[key] = {"decision": decision, "conditions": conditions}
    return {"title": doc.info.title, "notes": doc.info.notes, "choices": choices}


def issued_guideline(
    db: Database, kind: GuidelineKind, on: date, **changes: tuple[str | None, str | None]
) -> int:
    guideline_id = sg.new_draft(db, kind, "ja")
    sg.issue(db, guideline_id, on, guideline_content(sg.document(db, guideline_id), **changes))
    return guideline_id


# ---------------------------------------------------------------- the policy


def office_identity(
    db: Database, name: str = "株式会社サンプル", representative: str = "代表取締役 山田 太郎"
) -> None:
    policies.save_office_identity(db, {"office_name": name, "representative": representative})


def issued_policy(db: Database, day: date = date(2026, 4, 1)) -> int:
    policy_id = policies.new_draft(db, PolicyKind.POLICY, "ja")
    policies.issue(db, policy_id, day)
    return policy_id


def seeded_assessment(db: Database) -> dict[str, int]:
    """An office's answers: adopted (実施済, 一部実施 with owners), planned (a target date),
    not applicable (with and without a reason), 未実施 without a plan."""
    yamada = inserted_person(db, "山田 太郎")
    sato = inserted_person(db, "佐藤 花子")
    run = assessments.start_run(db, {"name": "2026年度 自己点検", "held_on": "2026-04-01"})
    answers: dict[str, dict[str, Any]] = {
        "ctl-09-m1": {"status": "done", "owner_id": yamada, "evidence": "記憶媒体台帳で管理"},
        "ctl-09-m2": {"status": "partial", "owner_id": sato, "due_on": "2026-12-31"},
        "ctl-09-m4": {"status": "not_done", "owner_id": yamada, "due_on": "2027-03-31"},
        "ctl-09-m5": {"status": "not_applicable", "reason": "長期保管するバックアップはない"},
        "ctl-12-m3": {"status": "not_applicable"},
        "ctl-09-m3": {"status": "not_done"},
    }
    for measure, raw in answers.items():
        assessments.save_measure(db, run, measure, raw)
    return {"run": run, "yamada": yamada, "sato": sato}
