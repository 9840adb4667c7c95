"""Register use cases: list rows, read, validate, save and delete records.

Rows come back as plain tuples read with SQLAlchemy Core (ORM objects cost 4x at 100k rows);
every save is one transaction. The definitions of the registers are in
``sme_guard.domain.registers``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, Select, Table, func, select
from sqlalchemy.orm import aliased

from sme_guard.db.database import Database
from sme_guard.db.engine import user_error_for
from sme_guard.domain.registers import (
    ACCOUNTS,
    CLOUD_SERVICES,
    DEVICES,
    HELD_REGISTERS,
    INCIDENTS,
    PEOPLE,
    PLANS,
    REGISTERS,
    Column,
    Register,
)
from sme_guard.errors import UserError
from sme_guard.services import clock
from sme_guard.services.flags import FLAG_INPUTS, Flag, FlagChecker, FlagContext
from sme_guard.services.values import (
    NAME_SEPARATORS,
    PeopleIndex,
    Problem,
    ValueProblemError,
    parse_value,
    sql_lower,
)

DISPOSAL_PREFIX = "disposal_"


class RecordInvalidError(UserError):
    """A record was not saved; ``problems`` maps each field key to what is wrong with it."""

    def __init__(self, problems: Mapping[str, Problem], register: Register) -> None:
        self.problems = dict(problems)
        fields_ja = "、".join(register.column(k).ja for k in self.problems if k in _keys(register))
        fields_en = ", ".join(register.column(k).en for k in self.problems if k in _keys(register))
        super().__init__(f"入力内容を確認してください: {fields_ja}", f"Please check: {fields_en}")


def _keys(register: Register) -> set[str]:
    return {c.key for c in register.columns}


def table_named(name: str) -> Table:
    """A Core table by name (imports the table registry on first use, not at start-up)."""
    from sqlmodel import SQLModel

    import sme_guard.domain.tables  # noqa: F401  (registers the tables)

    return SQLModel.metadata.tables[name]


def table_of(register: Register) -> Table:
    return table_named(register.table_name)


def _disposal_table() -> Table:
    return table_named("medium_disposal")


def own_columns(register: Register) -> list[Column]:
    return [c for c in register.columns if not c.key.startswith(DISPOSAL_PREFIX)]


def link_columns(register: Register) -> list[Column]:
    return [c for c in register.columns if c.link is not None]


def _linked_names(column: Column, record_id: Any) -> Any:
    """The names of the records ``column`` links ``record_id`` to, as a query: a joined text
    ("A、B", by name) for tables and exports."""
    link = column.link
    assert link is not None
    links, target = table_named(link.table), table_named(link.target)
    names = (
        select(target.c[link.name].label("name"))
        .join(links, links.c[link.other] == target.c.id)
        .where(links.c[link.own] == record_id)
        .order_by(target.c[link.name])
        .subquery()
    )
    return select(func.group_concat(names.c.name, "、")).scalar_subquery()


def disposal_columns(register: Register) -> list[Column]:
    return [c for c in register.columns if c.key.startswith(DISPOSAL_PREFIX)]


@dataclass
class RegisterRows:
    """A snapshot of a register for a table view or an export: plain values, no session."""

    register: Register
    columns: list[Column]  # every column, in definition order
    ids: list[int] = field(default_factory=list)
    rows: list[tuple[Any, ...]] = field(default_factory=list)  # person columns hold names
    flags: list[tuple[Flag, ...]] = field(default_factory=list)

    def index(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)


def people_index(connection: Connection) -> PeopleIndex:
    person = table_of(PEOPLE)
    return PeopleIndex(connection.execute(select(person.c.id, person.c.name)))


@dataclass(frozen=True)
class RegisterQuery:
    """A register's rows as one SELECT: ``id``, the ``columns`` in order (people as names),
    then the flag inputs that are not columns (leaving dates, items held)."""

    select: Select[Any]
    columns: list[Column]

    @property
    def width(self) -> int:
        return len(self.columns)


def register_query(register: Register, *, table_only: bool = False) -> RegisterQuery:
    """``table_only``: just the columns a table shows and its flags need."""
    table = table_of(register)
    person = table_of(PEOPLE)
    selected: list[Any] = [table.c.id]
    joins: Any = table
    extra: list[Any] = []
    wanted = FLAG_INPUTS[register.key] | {c.key for c in register.columns if c.in_table}
    own = [c for c in own_columns(register) if not table_only or c.key in wanted or c.kind == "person"]
    for column in own:
        if column.kind == "person":
            holder = aliased(person, name=f"p_{column.key}")
            joins = joins.outerjoin(holder, holder.c.id == table.c[column.key])
            selected.append(holder.c.name)
            extra.append(holder.c.left_on)
            if register is ACCOUNTS:
                extra.append(holder.c.role)  # 5⑤: who may hold an administrator's privilege
        elif column.link is not None:
            selected.append(_linked_names(column, table.c.id))
        else:
            selected.append(table.c[column.key])
    disposal = [] if table_only else disposal_columns(register)
    if disposal:
        disposals = _disposal_table()
        joins = joins.outerjoin(disposals, disposals.c.medium_id == table.c.id)
        selected += [disposals.c[c.key.removeprefix(DISPOSAL_PREFIX)] for c in disposal]
    if register is PEOPLE:
        extra.append(_held_count(table))
    if register is PLANS:
        extra += [_latest_drill_over_objective(table), table.c.created_at]  # review due from when made
    query = select(*selected, *extra).select_from(joins).order_by(table.c.id)
    return RegisterQuery(query, own + disposal)


def load_rows(
    database: Database, register: Register, context: FlagContext, *, table_only: bool = False
) -> RegisterRows:
    """Every row of the register with display-ready person names and its flags.

    ``table_only`` reads just the columns a table shows and its flags need, raw (dates as
    ISO strings); exports and forms read every column as Python values.
    """
    built = register_query(register, table_only=table_only)
    query, columns, width = built.select, built.columns, built.width
    result = RegisterRows(register=register, columns=columns)
    flags_of = FlagChecker(register, columns, context)
    with database.engine.connect() as connection:
        if table_only:
            # Plain DB-API tuples, 2x faster at 100k rows: dates stay ISO strings (they sort
            # and show as they are), booleans 0/1.
            sql = str(query.compile(connection, compile_kwargs={"literal_binds": True}))
            try:
                records = connection.connection.driver_connection.execute(sql).fetchall()  # type: ignore[union-attr]
            except connection.dialect.loaded_dbapi.Error as exc:  # (SQLAlchemy's own mapping is bypassed)
                raise (user_error_for(exc, database.path) or exc) from exc
        else:
            records = connection.execute(query).all()
    result.ids = [record[0] for record in records]
    # One object per distinct value and flag set: codes, names, places and dates repeat, and
    # sqlite3 hands out a new string for every cell.
    shared: dict[Any, Any] = {}
    share = shared.setdefault
    unique = next((i + 1 for i, c in enumerate(columns) if c.key == register.number_key), -1)
    result.rows = [
        tuple([v if i == unique else share(v, v) for i, v in enumerate(record[1 : width + 1], 1)])
        for record in records
    ]
    result.flags = [
        share(flags, flags)
        for flags in (
            flags_of(values, record[width + 1 :]) for values, record in zip(result.rows, records, strict=True)
        )
    ]
    return result


def _held_count(person: Table) -> Any:
    """How many open badges, devices and media a person still holds (for the leaver flag)."""
    counts = []
    for register in HELD_REGISTERS:
        table = table_of(register)
        assert register.holder_key
        status = table.c[register.status_key] if register.status_key else None
        query = select(func.count()).where(table.c[register.holder_key] == person.c.id)
        if status is not None:
            query = query.where(status.not_in(register.closed_statuses))
        counts.append(query.scalar_subquery())
    return sum(counts[1:], counts[0])


def _latest_drill_over_objective(plan: Table) -> Any:
    """Whether the plan's latest drill took longer than the recovery time objective."""
    drill = table_named("drill")
    return (
        select(drill.c.minutes_achieved > drill.c.objective_minutes)
        .where(drill.c.plan_id == plan.c.id)
        .order_by(drill.c.held_on.desc(), drill.c.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def get_record(database: Database, register: Register, record_id: int) -> dict[str, Any]:
    """Every field of one record (person fields as ids), for the form."""
    table = table_of(register)
    with database.engine.connect() as connection:
        row = connection.execute(select(table).where(table.c.id == record_id)).mappings().first()
        if row is None:
            raise UserError("この記録は削除されています。", "This record has been deleted.")
        values = {c.key: row[c.key] for c in own_columns(register) if c.link is None}
        for column in link_columns(register):
            names = connection.execute(select(_linked_names(column, record_id))).scalar()
            values[column.key] = tuple(names.split("、")) if names else ()
        if disposal_columns(register):
            disposals = _disposal_table()
            found = (
                connection.execute(select(disposals).where(disposals.c.medium_id == record_id))
                .mappings()
                .first()
            )
            for column in disposal_columns(register):
                values[column.key] = found[column.key.removeprefix(DISPOSAL_PREFIX)] if found else None
    return values


def parse_record(
    register: Register, raw: Mapping[str, Any], people: PeopleIndex
) -> tuple[dict[str, Any], dict[str, Problem]]:
    """Parse typed or imported values; returns the values and a problem per unreadable field."""
    values: dict[str, Any] = {}
    problems: dict[str, Problem] = {}
    for column in register.columns:
        if column.key not in raw:
            continue
        try:
            values[column.key] = parse_value(column, raw[column.key], people)
        except ValueProblemError as exc:
            problems[column.key] = exc.problem
    return values, problems


def check_record(
    connection: Connection,
    register: Register,
    record_id: int | None,
    values: Mapping[str, Any],
    taken_numbers: set[str] | None = None,
    *,
    check_unique: bool = True,
) -> dict[str, Problem]:
    """Rules beyond a single value: required fields, unique numbers, dates in order.

    ``check_unique=False`` skips the per-record SELECT (an import checks numbers in bulk)."""
    problems: dict[str, Problem] = {}
    for column in register.columns:
        value = values.get(column.key)
        # An update may carry only some fields; a new record needs every required one that
        # people enter (the app sets the others, e.g. an incident's status).
        if (record_id is not None or not column.editable) and column.key not in values:
            continue
        if column.required and (value is None or value == ""):
            problems[column.key] = Problem("入力してください", "required")
    number_key = register.number_key
    if check_unique and number_key and values.get(number_key) and number_key not in problems:
        number = str(values[number_key])
        table = table_of(register)
        query = select(table.c.id).where(func.lower(table.c[number_key]) == sql_lower(number))
        if record_id is not None:
            query = query.where(table.c.id != record_id)
        if connection.execute(query).first() is not None or (
            taken_numbers is not None and sql_lower(number) in taken_numbers
        ):
            problems[number_key] = Problem(
                f"「{number}」はすでに使われています", f"'{number}' is already used"
            )
    for column in link_columns(register):
        names = values.get(column.key)
        if names and column.key not in problems:
            targets = _link_targets(connection, column)
            unknown = [n for n in names if sql_lower(n) not in targets]
            assert column.link is not None
            target = _register_of(column.link.target)
            assert target is not None  # a link names a register's table
            if unknown:
                problems[column.key] = Problem(
                    f"{target.ja}台帳にありません: {'、'.join(unknown)}",
                    f"not in the {target.en.lower()} register: {', '.join(unknown)}",
                )
    if register is ACCOUNTS and check_unique:
        problems.update(
            {k: v for k, v in account_problems(connection, record_id, values).items() if k not in problems}
        )
    if register is CLOUD_SERVICES and values.get("name") and "name" not in problems:
        name = str(values["name"])
        if NAME_SEPARATORS.search(name):
            # Devices list their allowed services by name, separated by these.
            problems["name"] = Problem(
                "「、」「,」や改行は名前に使えません", "may not contain '、', ',' or a line break"
            )
    for earlier, later in _date_order(register):
        start, end = values.get(earlier), values.get(later)
        if isinstance(start, date) and isinstance(end, date) and end < start:
            problems[later] = Problem(
                f"{register.column(earlier).ja}より前の日付です",
                f"is before {register.column(earlier).en.lower()}",
            )
    return problems


def _link_targets(connection: Connection, column: Column) -> dict[str, int]:
    """Folded name -> id of the records a links column may name."""
    link = column.link
    assert link is not None
    target = table_named(link.target)
    rows = connection.execute(select(target.c.id, target.c[link.name]))
    return {sql_lower(str(name)): target_id for target_id, name in rows}


def _register_of(table_name: str) -> Register | None:
    return next((r for r in REGISTERS.values() if r.table_name == table_name), None)


def account_problems(
    connection: Connection, record_id: int | None, values: Mapping[str, Any]
) -> dict[str, Problem]:
    """5③: a user ID names one person on its system; the same ID twice there is a mistake."""
    system, login = values.get("system"), values.get("login")
    if not system or not login:
        return {}
    table = table_of(ACCOUNTS)
    query = select(table.c.account_number).where(
        func.lower(table.c.system) == sql_lower(str(system)),
        func.lower(table.c.login) == sql_lower(str(login)),
    )
    if record_id is not None:
        query = query.where(table.c.id != record_id)
    other = connection.execute(query).scalar()
    if other is None:
        return {}
    return {
        "login": Problem(
            f"「{system}」のユーザーID「{login}」は管理番号 {other} で登録済みです",
            f"'{login}' on '{system}' is already registered as account {other}",
        )
    }


def _date_order(register: Register) -> list[tuple[str, str]]:
    pairs = {
        "accounts": [("issued_on", "disabled_on")],
        "badges": [("issued_on", "valid_until"), ("issued_on", "returned_on")],
        "people": [("joined_on", "left_on")],
        "media": [("disposal_disposed_on", "disposal_verified_on")],
    }
    return pairs.get(register.key, [])


def disposal_problems(register: Register, values: Mapping[str, Any]) -> dict[str, Problem]:
    """Any disposal field makes a disposal record, which needs its date and its method."""
    keys = [c.key for c in disposal_columns(register)]
    if not any(values.get(key) not in (None, "") for key in keys):
        return {}
    problems = {}
    if not values.get("disposal_disposed_on"):
        problems["disposal_disposed_on"] = Problem(
            "廃棄の記録には廃棄日が必要です", "needed for a disposal record"
        )
    if not values.get("disposal_method"):
        problems["disposal_method"] = Problem(
            "廃棄の記録には廃棄方法が必要です", "needed for a disposal record"
        )
    return problems


def _split(register: Register, values: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    # Besides the register's columns, a table may have columns the app fills (an incident's year).
    columns = table_of(register).c
    own = {
        k: v for k, v in values.items() if not k.startswith(DISPOSAL_PREFIX) and k in columns and k != "id"
    }
    disposal = {
        k.removeprefix(DISPOSAL_PREFIX): v for k, v in values.items() if k.startswith(DISPOSAL_PREFIX)
    }
    return own, disposal


def write_record(
    connection: Connection, register: Register, record_id: int | None, values: Mapping[str, Any]
) -> int:
    """Insert or update inside the caller's transaction (no checks: call check_record first)."""
    table = table_of(register)
    own, disposal = _split(register, values)
    if register is DEVICES and "user_id" in own:
        own = _acknowledged_by_user(connection, table, record_id, own)
    if record_id is None:
        inserted = connection.execute(table.insert().values(**own)).inserted_primary_key
        assert inserted is not None
        record_id = int(inserted[0])
    elif own:
        connection.execute(table.update().where(table.c.id == record_id).values(**own))
    if disposal_columns(register) and disposal:
        _write_disposal(connection, record_id, disposal)
    for column in link_columns(register):
        if column.key in values:
            _write_links(connection, column, record_id, values[column.key] or ())
    return record_id


def _acknowledged_by_user(
    connection: Connection, devices: Table, device_id: int | None, own: dict[str, Any]
) -> dict[str, Any]:
    """10⑨: a device's "guideline acknowledged on" is its user's acknowledgment of the staff
    guideline; it follows the device to a new user (an unchanged user keeps the date)."""
    if device_id is not None:
        before = connection.execute(select(devices.c.user_id).where(devices.c.id == device_id)).scalar()
        if before == own["user_id"]:
            return own
    from sme_guard.services.staff_guidelines import device_acknowledged_on

    return {**own, "guideline_acknowledged_on": device_acknowledged_on(connection, own["user_id"])}


def _write_links(connection: Connection, column: Column, record_id: int, names: tuple[str, ...]) -> None:
    link = column.link
    assert link is not None
    links, targets = table_named(link.table), _link_targets(connection, column)
    wanted = {targets[sql_lower(name)] for name in names}
    present = set(
        connection.execute(select(links.c[link.other]).where(links.c[link.own] == record_id)).scalars()
    )
    if present - wanted:
        connection.execute(
            links.delete().where(links.c[link.own] == record_id, links.c[link.other].in_(present - wanted))
        )
    for target_id in sorted(wanted - present):
        connection.execute(links.insert().values({link.own: record_id, link.other: target_id}))


def _rename_service(connection: Connection, service_id: int, new_name: Any) -> None:
    """A cloud service's accounts carry its name (matched as the accounts register matches
    systems, case aside): a renamed service keeps them. Refused when an account of the new
    name already has one of the same user IDs (it would be the same ID twice, 5③)."""
    services, accounts = table_of(CLOUD_SERVICES), table_of(ACCOUNTS)
    old_name = connection.execute(select(services.c.name).where(services.c.id == service_id)).scalar()
    if old_name is None or not new_name or old_name == new_name:
        return
    of_old = func.lower(accounts.c.system) == sql_lower(old_name)
    if sql_lower(old_name) != sql_lower(str(new_name)):
        logins = select(func.lower(accounts.c.login)).where(of_old)
        clash = connection.execute(
            select(accounts.c.account_number)
            .where(func.lower(accounts.c.system) == sql_lower(str(new_name)))
            .where(func.lower(accounts.c.login).in_(logins))
        ).scalar()
        if clash is not None:
            raise RecordInvalidError(
                {
                    "name": Problem(
                        f"「{new_name}」にはアカウント {clash} と同じユーザーIDがあり、名前を変えられません",
                        f"'{new_name}' has account {clash} with a user ID this service's accounts use",
                    )
                },
                CLOUD_SERVICES,
            )
    connection.execute(accounts.update().where(of_old).values(system=new_name))


def _write_disposal(connection: Connection, medium_id: int, disposal: dict[str, Any]) -> None:
    disposals = _disposal_table()
    existing = connection.execute(select(disposals.c.id).where(disposals.c.medium_id == medium_id)).first()
    if not any(v not in (None, "") for v in disposal.values()):
        if existing:
            connection.execute(disposals.delete().where(disposals.c.id == existing[0]))
        return
    if existing:
        connection.execute(disposals.update().where(disposals.c.id == existing[0]).values(**disposal))
    else:
        connection.execute(disposals.insert().values(medium_id=medium_id, **disposal))


def save_record(database: Database, register: Register, record_id: int | None, raw: Mapping[str, Any]) -> int:
    """Validate and save one record in one transaction; ``RecordInvalidError`` names each field."""
    with database.engine.begin() as connection:
        values, problems = parse_record(register, raw, people_index(connection))
        problems.update(
            {
                k: v
                for k, v in check_record(connection, register, record_id, values).items()
                if k not in problems
            }
        )
        for key, problem in disposal_problems(register, values).items():
            problems.setdefault(key, problem)
        if problems:
            raise RecordInvalidError(problems, register)
        if register is INCIDENTS and record_id is None:
            from sme_guard.services import incidents

            incidents.prepare_new(connection, values, clock.today())
            new_id = write_record(connection, register, None, values)
            incidents.record_created(connection, new_id, clock.now())
            return new_id
        if register is CLOUD_SERVICES and record_id is not None and "name" in values:
            _rename_service(connection, record_id, values["name"])
        return write_record(connection, register, record_id, values)


def delete_record(database: Database, register: Register, record_id: int) -> None:
    table = table_of(register)
    with database.engine.begin() as connection:
        if register is PEOPLE:
            held = holdings_of(connection, record_id)
            if held:
                numbers = ", ".join(h.name for h in held)
                raise UserError(
                    f"この従業員はまだ次のものを保有しているため削除できません: {numbers}",
                    f"This employee still holds {numbers}, so they cannot be deleted.",
                )
            _clear_person_references(connection, record_id)
        if disposal_columns(register):
            disposals = _disposal_table()
            connection.execute(disposals.delete().where(disposals.c.medium_id == record_id))
        connection.execute(table.delete().where(table.c.id == record_id))


def _clear_person_references(connection: Connection, person_id: int) -> None:
    """An employee deleted (entered by mistake) leaves the records that named them, without the
    name: closed items, owners, answers, contacts. A record that cannot be without its person
    (a drill's participant) keeps them, and the deletion is refused: their leaving is recorded
    instead."""
    from sqlmodel import SQLModel

    from sme_guard.services.audit import table_label

    person = table_of(PEOPLE)
    blocking: list[str] = []
    for table in SQLModel.metadata.sorted_tables:
        for column in table.columns:
            if not any(fk.column.table is person for fk in column.foreign_keys):
                continue
            if column.nullable:
                connection.execute(table.update().where(column == person_id).values({column.name: None}))
            elif (
                not any(fk.ondelete for fk in column.foreign_keys)
                and connection.execute(select(func.count()).where(column == person_id)).scalar()
            ):
                blocking.append(table.name)
    if blocking:
        ja = "、".join(table_label(name, "ja") for name in blocking)
        en = ", ".join(table_label(name, "en") for name in blocking)
        raise UserError(
            f"この従業員は{ja}に記録されているため削除できません。退職した場合は退職日を記録してください。",
            f"This employee is recorded in: {en}, so they cannot be deleted. Record their leaving instead.",
        )


@dataclass(frozen=True)
class Holding:
    register: Register
    record_id: int
    name: str  # its number, or for an account "system user-ID" (Register.describe_keys)
    status: str


def holdings_of(connection: Connection, person_id: int) -> list[Holding]:
    """What a person still holds (5 運用①): open badges, devices and media in their custody,
    and active accounts."""
    found = []
    for register in HELD_REGISTERS:
        table, key = table_of(register), register.holder_key
        assert key and register.number_key and register.status_key
        names = [table.c[k] for k in register.describe_keys or (register.number_key,)]
        described: Any = names[0]
        for name in names[1:]:
            described = described + " " + name  # e.g. "会計システム yamada"
        query = (
            select(table.c.id, described, table.c[register.status_key])
            .where(table.c[key] == person_id)
            .where(table.c[register.status_key].not_in(register.closed_statuses))
            .order_by(table.c[register.number_key])
        )
        found += [Holding(register, *row) for row in connection.execute(query)]
    return found


def person_choices(database: Database, *, active_only: bool = False) -> list[tuple[int, str]]:
    """(id, name) of every employee (or only those who have not left), by kana, for pickers."""
    person = table_of(PEOPLE)
    query = select(person.c.id, person.c.name).order_by(person.c.kana, person.c.name)
    if active_only:
        query = query.where(person.c.left_on.is_(None))
    with database.engine.connect() as connection:
        return list(connection.execute(query))


def name_choices(database: Database, register: Register) -> dict[str, list[str]]:
    """The names a form offers, by column key: records to link to, and text to suggest."""
    sources = {c.key: (c.link.target, c.link.name) for c in register.columns if c.link is not None}
    sources |= {c.key: c.suggest for c in register.columns if c.suggest is not None}
    if not sources:
        return {}
    with database.engine.connect() as connection:
        choices = {}
        for key, (table_name, column) in sources.items():
            table = table_named(table_name)
            query = select(table.c[column]).order_by(table.c[column])
            # A service no longer used is not offered (one already linked stays ticked in the form).
            target = _register_of(table_name)
            if target is not None and target.status_key:
                query = query.where(table.c[target.status_key].not_in(target.closed_statuses))
            choices[key] = list(connection.execute(query).scalars())
        return choices
