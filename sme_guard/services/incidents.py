"""障害・事故 (control 3): numbering, the status workflow, prevention actions, notifications
through the contact tree, external reports, linked assets and measures; and the contact tree.

The incident's own fields are a register (``INCIDENTS``) saved through
``services.registers``; what hangs off an incident is managed here, one function per action.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, func, select

from sme_guard.db.database import Database
from sme_guard.domain.codes import INCIDENT_TYPE_IMPACTS, IncidentStatus, IncidentType
from sme_guard.domain.registers import BADGES, DEVICES, INCIDENTS, MEDIA, PEOPLE, Register
from sme_guard.errors import UserError
from sme_guard.services import settings as office_settings
from sme_guard.services.details import DetailInvalidError, day_field, person_field, required_text
from sme_guard.services.registers import (
    RecordInvalidError,
    get_record,
    people_index,
    save_record,
    table_named,
    table_of,
)
from sme_guard.services.values import Problem, ValueProblemError, parse_email, parse_phone, parse_text

NUMBER_PATTERN = re.compile(r"^(\d{4})-(\d{1,6})$")
ASSET_KEYS = {"media": "medium_id", "devices": "device_id", "badges": "badge_id"}
ASSET_REGISTERS = {"media": MEDIA, "devices": DEVICES, "badges": BADGES}


class IncidentRuleError(UserError):
    """A workflow step the guideline's process does not allow (e.g. closing too early)."""


# ---------------------------------------------------------------- numbering


def format_number(year: int, sequence: int) -> str:
    return f"{year}-{sequence:03d}"


def prepare_new(connection: Connection, values: dict[str, Any], today: date) -> None:
    """Give a new incident its number: the next of its year (from when it occurred), never
    reused even after a deletion; a number brought in by an import is kept and counted."""
    counters = table_named("incident_counter")
    given = values.get("number")
    match = NUMBER_PATTERN.match(str(given)) if given else None
    if match:
        year, sequence = int(match[1]), int(match[2])
    else:
        occurred = values.get("occurred_at")
        year = occurred.astimezone().year if isinstance(occurred, datetime) else today.year
        sequence = 0
    row = connection.execute(
        select(counters.c.id, counters.c.last_sequence).where(counters.c.year == year)
    ).first()
    last = row[1] if row else 0
    if not match:
        sequence = last + 1
    if row is None:
        connection.execute(counters.insert().values(year=year, last_sequence=sequence))
    elif sequence > last:
        connection.execute(counters.update().where(counters.c.id == row[0]).values(last_sequence=sequence))
    values["number"] = format_number(year, sequence) if not match else str(given)
    values["year"], values["sequence"] = year, sequence
    values.setdefault("status", IncidentStatus.RECEIVED.value)


def number_problem(number: Any) -> Problem | None:
    if number and not NUMBER_PATTERN.match(str(number)):
        return Problem(
            f"番号「{number}」は「2026-001」の形にしてください", f"number '{number}' must look like 2026-001"
        )
    return None


# ---------------------------------------------------------------- the workflow


def closing_problem(
    connection: Connection, incident_id: int | None, root_cause: str | None
) -> Problem | None:
    """Why an incident may not be closed yet (3③): no root cause, or prevention actions open."""
    if not (root_cause or "").strip():
        return Problem(
            "根本原因が記入されていないため完了にできません(管理策3③)。",
            "The root cause is empty, so the incident cannot be closed (control 3③).",
        )
    if incident_id is None:
        return None
    actions = table_named("incident_action")
    open_actions = connection.execute(
        select(func.count()).where(actions.c.incident_id == incident_id, actions.c.done_on.is_(None))
    ).scalar_one()
    if open_actions:
        return Problem(
            f"未完了の再発防止策が {open_actions} 件あるため完了にできません(管理策3③)。",
            f"{open_actions} prevention action(s) are not done yet, so the incident cannot be closed (control 3③).",
        )
    return None


def record_status_change(
    connection: Connection, incident_id: int, status: str, when: datetime, note: str | None = None
) -> None:
    """The dated line of the status history (inside the caller's transaction)."""
    changes = table_named("incident_status_change")
    connection.execute(
        changes.insert().values(incident_id=incident_id, status=status, changed_at=when, note=note)
    )


def change_status(
    database: Database, incident_id: int, status: IncidentStatus, now: datetime, note: str | None = None
) -> None:
    """Move an incident along 受付 → 対応中 → 再発防止策実施中 → 完了 (or back), dated.

    Closing needs a root cause and every prevention action done (3③).
    """
    incidents = table_named("incident")
    with database.engine.begin() as connection:
        row = connection.execute(
            select(incidents.c.status, incidents.c.root_cause).where(incidents.c.id == incident_id)
        ).first()
        if row is None:
            raise UserError("この記録は削除されています。", "This record has been deleted.")
        if row[0] == status.value:
            return
        if status is IncidentStatus.CLOSED and (problem := closing_problem(connection, incident_id, row[1])):
            if not (row[1] or "").strip():
                raise RecordInvalidError({"root_cause": problem}, INCIDENTS)  # the form shows the field
            raise IncidentRuleError(problem.ja, problem.en)
        closed_on = now.astimezone().date() if status is IncidentStatus.CLOSED else None
        connection.execute(
            incidents.update()
            .where(incidents.c.id == incident_id)
            .values(status=status.value, closed_on=closed_on)
        )
        record_status_change(connection, incident_id, status.value, now, note)


def record_created(connection: Connection, incident_id: int, now: datetime) -> None:
    """The first status change: received."""
    record_status_change(connection, incident_id, IncidentStatus.RECEIVED.value, now)


# ---------------------------------------------------------------- what hangs off an incident


@dataclass(frozen=True)
class StatusChange:
    status: str
    changed_at: datetime
    note: str | None


@dataclass(frozen=True)
class ActionLine:
    id: int
    description: str
    owner_id: int | None
    owner: str
    due_on: date | None
    done_on: date | None


@dataclass(frozen=True)
class NotificationLine:
    id: int
    contact_entry_id: int | None
    role: str
    person: str
    notified_at: datetime
    channel: str | None
    note: str | None


@dataclass(frozen=True)
class ReportLine:
    id: int
    reported_to: str
    reported_on: date | None
    reference: str | None
    note: str | None


@dataclass(frozen=True)
class AssetLine:
    id: int
    register: Register
    record_id: int
    number: str


@dataclass(frozen=True)
class IncidentDetail:
    id: int
    values: dict[str, Any]  # the register fields, as ``get_record`` gives them
    status_changes: list[StatusChange]
    actions: list[ActionLine]
    notifications: list[NotificationLine]
    reports: list[ReportLine]
    assets: list[AssetLine]
    measures: list[str]  # catalog measure ids, e.g. ctl-09-m2

    @property
    def open_actions(self) -> int:
        return sum(a.done_on is None for a in self.actions)


def detail(database: Database, incident_id: int) -> IncidentDetail:
    values = get_record(database, INCIDENTS, incident_id)
    person = table_of(PEOPLE)
    changes, actions = table_named("incident_status_change"), table_named("incident_action")
    notifications, contacts = table_named("incident_notification"), table_named("contact_entry")
    reports, assets, measures = (
        table_named("incident_external_report"),
        table_named("incident_asset"),
        table_named("incident_measure"),
    )
    with database.engine.connect() as connection:
        status_changes = [
            StatusChange(*row)
            for row in connection.execute(
                select(changes.c.status, changes.c.changed_at, changes.c.note)
                .where(changes.c.incident_id == incident_id)
                .order_by(changes.c.changed_at, changes.c.id)
            )
        ]
        action_lines = [
            ActionLine(row[0], row[1], row[2], row[3] or "", row[4], row[5])
            for row in connection.execute(
                select(
                    actions.c.id,
                    actions.c.description,
                    actions.c.owner_id,
                    person.c.name,
                    actions.c.due_on,
                    actions.c.done_on,
                )
                .select_from(actions.outerjoin(person, person.c.id == actions.c.owner_id))
                .where(actions.c.incident_id == incident_id)
                .order_by(actions.c.id)
            )
        ]
        notified = [
            NotificationLine(row[0], row[1], row[2] or "", row[3] or "", row[4], row[5], row[6])
            for row in connection.execute(
                select(
                    notifications.c.id,
                    notifications.c.contact_entry_id,
                    contacts.c.role,
                    person.c.name,
                    notifications.c.notified_at,
                    notifications.c.channel,
                    notifications.c.note,
                )
                .select_from(
                    notifications.outerjoin(
                        contacts, contacts.c.id == notifications.c.contact_entry_id
                    ).outerjoin(person, person.c.id == notifications.c.person_id)
                )
                .where(notifications.c.incident_id == incident_id)
                .order_by(notifications.c.notified_at, notifications.c.id)
            )
        ]
        report_lines = [
            ReportLine(*row)
            for row in connection.execute(
                select(
                    reports.c.id,
                    reports.c.reported_to,
                    reports.c.reported_on,
                    reports.c.reference,
                    reports.c.note,
                )
                .where(reports.c.incident_id == incident_id)
                .order_by(reports.c.id)
            )
        ]
        asset_lines = []
        for row in connection.execute(
            select(assets).where(assets.c.incident_id == incident_id).order_by(assets.c.id)
        ).mappings():
            key = next(k for k, column in ASSET_KEYS.items() if row[column] is not None)
            register = ASSET_REGISTERS[key]
            table = table_of(register)
            assert register.number_key
            number = connection.execute(
                select(table.c[register.number_key]).where(table.c.id == row[ASSET_KEYS[key]])
            ).scalar()
            asset_lines.append(AssetLine(row["id"], register, row[ASSET_KEYS[key]], number or ""))
        measure_ids = list(
            connection.execute(
                select(measures.c.measure_id)
                .where(measures.c.incident_id == incident_id)
                .order_by(measures.c.id)
            ).scalars()
        )
    return IncidentDetail(
        incident_id, values, status_changes, action_lines, notified, report_lines, asset_lines, measure_ids
    )


def save_action(database: Database, incident_id: int, action_id: int | None, raw: Mapping[str, Any]) -> int:
    """A recurrence-prevention action (3③): what, who owns it, when it is due, when done."""
    actions = table_named("incident_action")
    problems: dict[str, Problem] = {}
    with database.engine.begin() as connection:
        values = {
            "description": required_text(raw.get("description"), "description", problems),
            "owner_id": person_field(people_index(connection), raw.get("owner_id"), "owner_id", problems),
            "due_on": day_field(raw.get("due_on"), "due_on", problems),
            "done_on": day_field(raw.get("done_on"), "done_on", problems),
        }
        if problems:
            raise DetailInvalidError(problems)
        if action_id is None:
            inserted = connection.execute(
                actions.insert().values(incident_id=incident_id, **values)
            ).inserted_primary_key
            assert inserted is not None
            return int(inserted[0])
        connection.execute(actions.update().where(actions.c.id == action_id).values(**values))
        return action_id


def set_action_done(database: Database, action_id: int, done_on: date | None) -> None:
    actions = table_named("incident_action")
    with database.engine.begin() as connection:
        connection.execute(actions.update().where(actions.c.id == action_id).values(done_on=done_on))


def delete_line(database: Database, table_name: str, line_id: int) -> None:
    """Remove an action, notification, report, asset link or measure link."""
    if table_name not in {
        "incident_action",
        "incident_notification",
        "incident_external_report",
        "incident_asset",
        "incident_measure",
    }:
        raise ValueError(table_name)
    table = table_named(table_name)
    with database.engine.begin() as connection:
        connection.execute(table.delete().where(table.c.id == line_id))


def record_notification(
    database: Database,
    incident_id: int,
    contact_entry_id: int,
    notified_at: datetime,
    channel: str | None = None,
) -> int:
    """Someone on the contact tree was told (3①); the record keeps who, as the tree had it."""
    contacts, notifications = table_named("contact_entry"), table_named("incident_notification")
    with database.engine.begin() as connection:
        person_id = connection.execute(
            select(contacts.c.person_id).where(contacts.c.id == contact_entry_id)
        ).scalar()
        inserted = connection.execute(
            notifications.insert().values(
                incident_id=incident_id,
                contact_entry_id=contact_entry_id,
                person_id=person_id,
                notified_at=notified_at,
                channel=channel,
            )
        ).inserted_primary_key
        assert inserted is not None
        return int(inserted[0])


def save_report(database: Database, incident_id: int, raw: Mapping[str, Any]) -> int:
    """届け出 to an outside body (12 運用②)."""
    reports = table_named("incident_external_report")
    problems: dict[str, Problem] = {}
    values = {
        "reported_to": required_text(raw.get("reported_to"), "reported_to", problems),
        "reported_on": day_field(raw.get("reported_on"), "reported_on", problems),
        "reference": parse_text(raw.get("reference")),
        "note": parse_text(raw.get("note")),
    }
    if problems:
        raise DetailInvalidError(problems)
    with database.engine.begin() as connection:
        inserted = connection.execute(
            reports.insert().values(incident_id=incident_id, **values)
        ).inserted_primary_key
        assert inserted is not None
        return int(inserted[0])


def link_asset(database: Database, incident_id: int, register: Register, record_id: int) -> None:
    assets = table_named("incident_asset")
    column = ASSET_KEYS[register.key]
    with database.engine.begin() as connection:
        exists = connection.execute(
            select(assets.c.id).where(assets.c.incident_id == incident_id, assets.c[column] == record_id)
        ).first()
        if exists is None:
            connection.execute(assets.insert().values(incident_id=incident_id, **{column: record_id}))


def record_about_asset(database: Database, raw: Mapping[str, Any], register: Register, asset_id: int) -> int:
    """Save a new incident (as typed in the form, e.g. from ``draft_from_asset``) and link the
    asset it is about."""
    incident_id = save_record(database, INCIDENTS, None, raw)
    link_asset(database, incident_id, register, asset_id)
    return incident_id


def link_asset_by_number(database: Database, incident_id: int, register: Register, number: str) -> None:
    """Link the asset the user names by its number (as printed on its label)."""
    table = table_of(register)
    assert register.number_key
    wanted = (number or "").strip()
    with database.engine.connect() as connection:
        found = connection.execute(
            select(table.c.id).where(func.lower(table.c[register.number_key]) == wanted.lower())
        ).scalar()
    if found is None:
        raise UserError(
            f"{register.ja}「{wanted}」は台帳にありません。",
            f"There is no {register.en.lower()} '{wanted}' in the register.",
        )
    link_asset(database, incident_id, register, found)


def link_measure(database: Database, incident_id: int, measure_id: str) -> None:
    measures = table_named("incident_measure")
    with database.engine.begin() as connection:
        exists = connection.execute(
            select(measures.c.id).where(
                measures.c.incident_id == incident_id, measures.c.measure_id == measure_id
            )
        ).first()
        if exists is None:
            connection.execute(measures.insert().values(incident_id=incident_id, measure_id=measure_id))


def unlink_measure(database: Database, incident_id: int, measure_id: str) -> None:
    measures = table_named("incident_measure")
    with database.engine.begin() as connection:
        connection.execute(
            measures.delete().where(
                measures.c.incident_id == incident_id, measures.c.measure_id == measure_id
            )
        )


def draft_from_asset(
    register: Register, values: Mapping[str, Any], lang: str, now: datetime
) -> dict[str, Any]:
    """A new incident pre-filled from a lost badge or medium: what, when, and the asset."""
    assert register.number_key
    number = values.get(register.number_key)
    what = (
        f"{register.label(lang)} {number} の紛失"
        if lang != "en"
        else f"Lost {register.label(lang).lower()} {number}"
    )
    # Lost (or stolen): what it held may be read by others, and the office is without it. The
    # severity is left for the person recording it to judge.
    return {
        "what": what,
        "occurred_at": now,
        "incident_type": IncidentType.LOSS_THEFT.value,
        **dict.fromkeys(INCIDENT_TYPE_IMPACTS[IncidentType.LOSS_THEFT], True),
    }


# ---------------------------------------------------------------- the contact tree (3①)


@dataclass(frozen=True)
class ContactLine:
    id: int
    position: int
    role: str
    person_id: int | None
    person: str
    alternate_id: int | None
    alternate: str
    phone: str | None
    email: str | None
    notes: str | None


@dataclass(frozen=True)
class Confirmation:
    confirmed_on: date | None
    confirmed_by: str
    interval_days: int
    overdue: bool


def contacts(database: Database) -> list[ContactLine]:
    entries, person = table_named("contact_entry"), table_of(PEOPLE)
    alternate = person.alias("alternate")
    query = (
        select(
            entries.c.id,
            entries.c.position,
            entries.c.role,
            entries.c.person_id,
            person.c.name,
            entries.c.alternate_person_id,
            alternate.c.name,
            entries.c.phone,
            entries.c.email,
            entries.c.notes,
        )
        .select_from(
            entries.outerjoin(person, person.c.id == entries.c.person_id).outerjoin(
                alternate, alternate.c.id == entries.c.alternate_person_id
            )
        )
        .order_by(entries.c.position, entries.c.id)
    )
    with database.engine.connect() as connection:
        return [
            ContactLine(r[0], r[1], r[2], r[3], r[4] or "", r[5], r[6] or "", r[7], r[8], r[9])
            for r in connection.execute(query)
        ]


def _checked(parse: Any, raw: Any, key: str, problems: dict[str, Problem]) -> Any:
    try:
        return parse(raw)
    except ValueProblemError as exc:
        problems[key] = exc.problem
        return None


def save_contact(database: Database, contact_id: int | None, raw: Mapping[str, Any]) -> int:
    """One rung of the escalation list; the phone and e-mail default to the person's."""
    entries, person = table_named("contact_entry"), table_of(PEOPLE)
    problems: dict[str, Problem] = {}
    with database.engine.begin() as connection:
        people = people_index(connection)
        values: dict[str, Any] = {
            "role": required_text(raw.get("role"), "role", problems),
            "person_id": person_field(people, raw.get("person_id"), "person_id", problems),
            "alternate_person_id": person_field(
                people, raw.get("alternate_person_id"), "alternate_person_id", problems
            ),
            "phone": _checked(parse_phone, raw.get("phone"), "phone", problems),
            "email": _checked(parse_email, raw.get("email"), "email", problems),
            "notes": parse_text(raw.get("notes")),
        }
        if values["person_id"] is None and "person_id" not in problems:
            problems["person_id"] = Problem("入力してください", "required")
        if problems:
            raise DetailInvalidError(problems)
        if values["phone"] is None or values["email"] is None:
            known = connection.execute(
                select(person.c.phone, person.c.email).where(person.c.id == values["person_id"])
            ).first()
            if known:
                values["phone"] = values["phone"] or known[0]
                values["email"] = values["email"] or known[1]
        if contact_id is None:
            last = connection.execute(select(func.max(entries.c.position))).scalar()
            inserted = connection.execute(
                entries.insert().values(position=(last or 0) + 1, **values)
            ).inserted_primary_key
            assert inserted is not None
            return int(inserted[0])
        connection.execute(entries.update().where(entries.c.id == contact_id).values(**values))
        return contact_id


def delete_contact(database: Database, contact_id: int) -> None:
    entries, notifications = table_named("contact_entry"), table_named("incident_notification")
    with database.engine.begin() as connection:
        # Past notifications keep the person they reached; only the link to the rung goes.
        connection.execute(
            notifications.update()
            .where(notifications.c.contact_entry_id == contact_id)
            .values(contact_entry_id=None)
        )
        connection.execute(entries.delete().where(entries.c.id == contact_id))
        _renumber(connection)


def move_contact(database: Database, contact_id: int, offset: int) -> None:
    """Move a rung up (-1) or down (+1) the escalation order."""
    entries = table_named("contact_entry")
    with database.engine.begin() as connection:
        ids = list(
            connection.execute(select(entries.c.id).order_by(entries.c.position, entries.c.id)).scalars()
        )
        index = ids.index(contact_id)
        target = max(0, min(len(ids) - 1, index + offset))
        ids.insert(target, ids.pop(index))
        for position, entry_id in enumerate(ids, start=1):
            connection.execute(entries.update().where(entries.c.id == entry_id).values(position=position))


def _renumber(connection: Connection) -> None:
    entries = table_named("contact_entry")
    ids = list(connection.execute(select(entries.c.id).order_by(entries.c.position, entries.c.id)).scalars())
    for position, entry_id in enumerate(ids, start=1):
        connection.execute(entries.update().where(entries.c.id == entry_id).values(position=position))


def confirm_tree(
    database: Database, today: date, confirmed_by_id: int | None, note: str | None = None
) -> None:
    """3 運用①: the tree was checked against the office as it is today."""
    confirmations = table_named("contact_tree_confirmation")
    with database.engine.begin() as connection:
        connection.execute(
            confirmations.insert().values(confirmed_on=today, confirmed_by_id=confirmed_by_id, note=note)
        )


def confirmation(database: Database, today: date) -> Confirmation:
    confirmations, person = table_named("contact_tree_confirmation"), table_of(PEOPLE)
    interval = office_settings.get_int(database, office_settings.CONTACTS_CONFIRM_DAYS)
    with database.engine.connect() as connection:
        row = connection.execute(
            select(confirmations.c.confirmed_on, person.c.name)
            .select_from(confirmations.outerjoin(person, person.c.id == confirmations.c.confirmed_by_id))
            .order_by(confirmations.c.confirmed_on.desc(), confirmations.c.id.desc())
        ).first()
    if row is None:
        return Confirmation(None, "", interval, True)
    return Confirmation(row[0], row[1] or "", interval, (today - row[0]).days > interval)
