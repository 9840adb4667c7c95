"""What people type comes out as they typed it, and never as something else.

Excel: every user-text cell of every export (each register, the plans' detail sheets, the
self-assessment sheets) that Excel would take for a formula (= + - @) is a text cell marked
with a quote prefix; no cell anywhere is a formula. PDF: reportlab markup in user text
(``<b>太字</b> & <i>``) prints literally in every printout: stock-take sheet and result,
incident report, contact tree, plan, checklist and assessment report, annual report, labels.

One office is filled through the services with a different value in every user-text field,
so a field that came out unescaped is named.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from sme_guard.db.database import Database
from sme_guard.domain.registers import (
    ACCOUNTS,
    BADGES,
    CLOUD_SERVICES,
    DEVICES,
    INCIDENTS,
    MEDIA,
    PEOPLE,
    PLANS,
    REGISTERS,
    Register,
)
from sme_guard.exchange.assessment_excel import export_assessments
from sme_guard.exchange.assessment_print import print_checklist, print_report
from sme_guard.exchange.excel import FORMULA_STARTS, PLAN_DETAILS, export_sheets, with_details
from sme_guard.exchange.incident_print import print_contact_tree, print_incident
from sme_guard.exchange.labels_print import print_labels
from sme_guard.exchange.pdf.labels import SHEETS
from sme_guard.exchange.plan_print import print_plan
from sme_guard.exchange.report_print import print_annual_report
from sme_guard.exchange.stocktake_print import print_stocktake_result, print_stocktake_sheet
from sme_guard.services import assessments, clock, continuity, incidents, registers, settings, stocktake
from sme_guard.services.continuity import ProtectionLine
from sme_guard.services.registers import save_record

TODAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 0, 30, tzinfo=UTC)
# What a spreadsheet would run: a DDE command, and the starts Excel turns into formulas.
INJECTIONS = ["=cmd|' /C calc'!A0", "+1", "-1", "@SUM(1)"]


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    monkeypatch.setattr(clock, "now", lambda: NOW)


@dataclass
class Texts:
    """Hands out a distinct hostile text per field and remembers which field got which."""

    make: Callable[[int, str], str]
    given: dict[str, str] = field(default_factory=dict)

    def __call__(self, name: str) -> str:
        text = self.make(len(self.given), name)
        assert text not in self.given.values()
        self.given[name] = text
        return text


def _text_columns(register: Register) -> list[str]:
    """Free-text columns (an e-mail, a phone number, a postcode or a フリガナ must look like one)."""
    return [c.key for c in register.columns if c.kind == "text" and c.editable and c.text_form is None]


def _record(database: Database, register: Register, text: Texts, prefix: str, **values: Any) -> int:
    """A record whose every text field holds its own hostile text."""
    fields = {key: text(f"{prefix}.{key}") for key in _text_columns(register) if key not in values}
    return save_record(database, register, None, {**fields, **values})


@dataclass(frozen=True)
class Office:
    person: int
    medium: int
    incident: int
    plan: int
    run: int
    stocktake: int


def _fill(database: Database, text: Texts) -> Office:
    """Every user-text field of the office, through the services the screens use."""
    settings.set_text(database, settings.OFFICE_NAME, text("office name"))
    person = _record(database, PEOPLE, text, "person", employment_type="regular", role="employee")
    disposal = {
        key: text(f"disposed medium.{key}") for key in _text_columns(MEDIA) if key.startswith("disposal_")
    }
    medium = _record(
        database,
        MEDIA,
        text,
        "medium",
        kind="usb_memory",
        quantity=1,
        status="in_use",
        custodian_id=person,
        **{key: None for key in disposal},
    )
    _record(
        database,
        MEDIA,
        text,
        "disposed medium",
        kind="ssd",
        quantity=1,
        status="disposed",
        disposal_disposed_on=date(2026, 4, 1),
        disposal_method="overwrite",
        **disposal,
    )
    service = _record(database, CLOUD_SERVICES, text, "cloud", status="in_use", owner_id=person)
    _record(
        database,
        ACCOUNTS,
        text,
        "account",
        system=registers.get_record(database, CLOUD_SERVICES, service)["name"],
        privilege="admin",
        auth_method="password",
        status="active",
        person_id=person,
    )
    _record(
        database,
        DEVICES,
        text,
        "device",
        kind="smartphone",
        ownership="company",
        status="in_use",
        user_id=person,
        allowed_cloud_services=[registers.get_record(database, CLOUD_SERVICES, service)["name"]],
    )
    _record(database, BADGES, text, "badge", medium="ic_card", status="active", holder_id=person)
    incident = _record(
        database,
        INCIDENTS,
        text,
        "incident",
        occurred_at=datetime(2026, 10, 1, 9, 0).astimezone(),
        incident_type="leak",
        severity="high",
    )
    incidents.save_action(
        database, incident, None, {"description": text("action.description"), "owner_id": person}
    )
    incidents.save_report(
        database,
        incident,
        {
            "reported_to": text("report.reported_to"),
            "reference": text("report.reference"),
            "note": text("report.note"),
        },
    )
    incidents.link_asset(database, incident, MEDIA, medium)
    incidents.save_contact(
        database,
        None,
        {
            "role": text("contact.role"),
            "person_id": person,
            "phone": "03-1234-5678",  # a phone number and an address must look like one
            "email": "contact@example.jp",
            "notes": text("contact.notes"),
        },
    )
    plan = _record(
        database, PLANS, text, "plan", owner_id=person, review_interval_days=365, depends_on_contact_tree=True
    )
    first = _record(database, PLANS, text, "first plan", review_interval_days=365)
    continuity.set_dependencies(database, plan, [first])
    continuity.set_protections(
        database, plan, [ProtectionLine("other", text("protection.name"), True, text("protection.note"))]
    )
    continuity.save_step(
        database,
        plan,
        None,
        {
            "who": text("step.who"),
            "what": text("step.what"),
            "location": text("step.location"),
            "duration_minutes": 30,
        },
    )
    continuity.save_scenario(
        database,
        plan,
        None,
        {"scenario": "custom", "name": text("scenario.name"), "response": text("scenario.response")},
    )
    continuity.mark_reviewed(database, plan, date(2026, 5, 1), text("review.note"))
    continuity.save_drill(
        database,
        plan,
        None,
        {
            "held_on": date(2026, 6, 1),
            "scenario": text("drill.scenario"),
            "steps_exercised": text("drill.steps_exercised"),
            "minutes_achieved": 50,
            "result": text("drill.result"),
            "findings": text("drill.findings"),
            "plan_changed": True,
            "change_note": text("drill.change_note"),
        },
        [person],
    )
    run = assessments.start_run(
        database,
        {
            "name": text("run.name"),
            "held_on": "2026-11-01",
            "assessor": text("run.assessor"),
            "notes": text("run.notes"),
        },
    )
    assessments.save_measure(
        database,
        run,
        "ctl-02-m1",
        {"status": "partial", "evidence": text("answer.evidence"), "owner_id": person},
    )
    assessments.save_measure(database, run, "ctl-02-m2", {"status": "not_done", "owner_id": person})
    assessments.save_sheet(
        database,
        run,
        "sheet-001",
        {
            "applies": True,
            "technical_status": "not_done",
            "human_status": "done",
            "owner_id": person,
            "notes": text("sheet answer.notes"),
        },
    )
    take = stocktake.start_stocktake(database, MEDIA, text("stocktake.started_by"), TODAY)
    for line in stocktake.lines(database, take):
        stocktake.mark(database, line.item_id, "missing")
    stocktake.finish_stocktake(database, take, TODAY)
    return Office(person, medium, incident, plan, run, take)


# --- Excel -----------------------------------------------------------------------------------


def _injection(number: int, name: str) -> str:
    """The four injections as they are, then each with a number after it (short enough for
    every field's maximum length, an asset number's 20 characters too)."""
    start = INJECTIONS[number % len(INJECTIONS)]
    return start if number < len(INJECTIONS) else f"{start}{number}"


# Sheets that are not a register's: the columns whose cells come from user text.
USER_COLUMNS = {
    "保護対策": {"plan", "name", "note"},
    "復旧手順": {"plan", "who", "what", "location"},
    "災害シナリオ(参考)": {"plan", "name", "response"},
    "依存関係": {"plan", "depends_on"},
    "見直し履歴": {"plan", "note"},
    "訓練": {"plan", "scenario", "participants", "steps_exercised", "result", "findings", "change_note"},
    "点検一覧": {"run", "assessor", "notes"},
    "管理策": {"run", "evidence", "owner"},
    "業務シート": {"run", "owner", "notes"},
    "管理項目別の実施率": {"run"},
}


def _sheet_columns(title: str) -> dict[str, str]:
    """Header label -> column key, for every sheet an export writes in Japanese."""
    from sme_guard.exchange.assessment_excel import assessment_sheets

    for register in REGISTERS.values():
        if register.ja == title:
            return {c.ja: c.key for c in register.columns}
    sheets = [*PLAN_DETAILS, *assessment_sheets(None, [])]  # type: ignore[arg-type]
    for sheet in sheets:
        if sheet.ja == title:
            return {c.ja: c.key for c in sheet.columns}
    raise AssertionError(f"unknown sheet {title}")


def _expected_columns(title: str) -> set[str]:
    if title in USER_COLUMNS:
        return USER_COLUMNS[title]
    register = next(r for r in REGISTERS.values() if r.ja == title)
    return {c.key for c in register.columns if c.kind == "person" or c.key in _text_columns(register)}


def _check_workbook(path: Path, given: set[str]) -> set[tuple[str, str]]:
    """Every formula-like cell is quoted text holding what was typed; returns (sheet, column)
    of each such cell."""
    covered: set[tuple[str, str]] = set()
    workbook = load_workbook(path)  # not read-only: the cell styles (quote prefix) are read too
    for sheet in workbook.worksheets:
        columns = _sheet_columns(sheet.title)
        header = [cell.value for cell in sheet[1]]
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula: {cell.value}"
                value = cell.value
                if not (isinstance(value, str) and value.startswith(FORMULA_STARTS)):
                    continue
                where = f"{sheet.title}!{cell.coordinate} ({header[cell.column - 1]})"
                assert cell.data_type == "s", where
                assert cell.quotePrefix, f"{where}: no quote prefix"
                assert value in given or any(value.startswith(g) for g in given), (
                    f"{where}: {value!r} changed"
                )
                covered.add((sheet.title, columns[str(header[cell.column - 1])]))
    return covered


def test_every_export_keeps_formula_like_user_text_as_quoted_text(db: Database, tmp_path: Path) -> None:
    text = Texts(_injection)
    _fill(db, text)
    given = set(text.given.values())
    registers = tmp_path / "registers.xlsx"
    export_sheets(db, with_details(REGISTERS.values()), registers, "ja")
    runs = tmp_path / "assessments.xlsx"
    export_assessments(db, runs, "ja")
    covered = _check_workbook(registers, given) | _check_workbook(runs, given)
    titles = [s.title for path in (registers, runs) for s in load_workbook(path, read_only=True).worksheets]
    expected = {(title, key) for title in titles for key in _expected_columns(title)}
    assert expected - covered == set(), "user-text columns without a formula-like cell to check"
    # The raw files hold no formula at all.
    import zipfile

    for path in (registers, runs):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.startswith("xl/worksheets/"):
                    assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name), name


# --- PDF -------------------------------------------------------------------------------------

pdf_tools = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def _markup(number: int, name: str) -> str:
    return f"<b>太字{number}</b> & <i>"


def _flat(pdf: Path) -> str:
    done = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True, encoding="utf-8"
    )
    return re.sub(r"\s+", "", done.stdout)


def _printed(pdf: Path, text: Texts) -> set[str]:
    """The fields whose text the PDF shows, each with its markup as characters.

    A narrow table cell wraps its text, and the reading order then runs through the cells
    beside it; so rather than whole strings, the tags are counted: every field's word that
    shows comes with its ``<b>``, ``</b>``, ``&`` and ``<i>`` (no printout has such text of
    its own), and a field whose markup was taken as markup would lose them."""
    flat = _flat(pdf)
    words = re.findall(r"太字(\d+)", flat)
    for tag in ("<b>", "</b>", "<i>"):
        assert flat.count(tag) == len(words), (
            f"{pdf.name}: {tag} {flat.count(tag)} times, {len(words)} fields"
        )
    assert flat.count("&") >= len(words), pdf.name
    numbers = {int(n) for n in words}
    return {name for name, value in text.given.items() if int(re.findall(r"太字(\d+)", value)[0]) in numbers}


@pytest.fixture
def office(db: Database) -> Iterator[tuple[Office, Texts]]:
    text = Texts(_markup)
    yield _fill(db, text), text


def _fields(prefix: str, register: Register, *skip: str) -> set[str]:
    return {f"{prefix}.{key}" for key in _text_columns(register) if key not in skip}


@pdf_tools
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("stocktake sheet", {"office name", "medium.asset_number", "medium.location", "person.name"}),
        (
            "stocktake result",
            {"office name", "medium.asset_number", "medium.location", "person.name", "stocktake.started_by"},
        ),
        (
            "incident",
            _fields("incident", INCIDENTS)
            | {"office name", "action.description", "person.name", "medium.asset_number"}
            | {"report.reported_to", "report.reference", "report.note"},
        ),
        (
            "contact tree",
            {"office name", "contact.role", "person.name", "contact.notes"},
        ),
        (
            "plan",
            _fields("plan", PLANS)
            | {"office name", "person.name", "first plan.name", "protection.name", "protection.note"}
            | {"step.who", "step.what", "step.location", "scenario.name", "scenario.response", "review.note"}
            | {
                "drill.scenario",
                "drill.steps_exercised",
                "drill.result",
                "drill.findings",
                "drill.change_note",
            }
            | {"contact.role"},
        ),
        (
            "checklist",
            {
                "office name",
                "run.name",
                "run.assessor",
                "answer.evidence",
                "person.name",
                "sheet answer.notes",
            },
        ),
        ("assessment report", {"office name", "run.name", "run.assessor", "person.name"}),
        (
            "annual report",
            {"office name", "run.name", "plan.name", "drill.scenario", "drill.change_note", "review.note"},
        ),
        ("labels", {"office name", "medium.asset_number", "medium.location"}),
        ("device stocktake sheet", {"office name", "device.asset_number", "device.model", "person.name"}),
        ("badge labels", {"office name", "badge.badge_number", "person.name"}),
    ],
)
def test_every_printout_prints_markup_in_user_text_literally(
    office: tuple[Office, Texts], db: Database, tmp_path: Path, name: str, expected: set[str]
) -> None:
    ids, text = office
    pdf = tmp_path / f"{name}.pdf"
    printers: dict[str, Callable[[], Any]] = {
        "stocktake sheet": lambda: print_stocktake_sheet(db, MEDIA, pdf, "ja", TODAY),
        "stocktake result": lambda: print_stocktake_result(db, ids.stocktake, pdf, "ja"),
        "incident": lambda: print_incident(db, ids.incident, pdf, "ja"),
        "contact tree": lambda: print_contact_tree(db, pdf, "ja", TODAY),
        "plan": lambda: print_plan(db, ids.plan, pdf, "ja", TODAY),
        "checklist": lambda: print_checklist(db, pdf, "ja", TODAY, [2], [1], ids.run),
        "assessment report": lambda: print_report(db, ids.run, pdf, "ja", TODAY),
        "annual report": lambda: print_annual_report(db, 2026, pdf, "ja", TODAY),
        "labels": lambda: print_labels(db, MEDIA, pdf, lang="ja", sheet=SHEETS["24"], today=TODAY),
        "device stocktake sheet": lambda: print_stocktake_sheet(db, DEVICES, pdf, "ja", TODAY),
        "badge labels": lambda: print_labels(db, BADGES, pdf, lang="ja", sheet=SHEETS["12"], today=TODAY),
    }
    printers[name]()
    shown = _printed(pdf, text)
    assert expected - shown == set(), f"{name}: not printed literally"
