"""Crash safety: SIGKILL at random points during Excel imports and record saves.

One database lives through every kill. A worker process loops over the app's real write
paths:

- it writes an .xlsx of N storage media (every tenth disposed, with its disposal record) or
  N incidents, each file marked with a prefix of its own, and imports it through the command
  line (``sme-guard import media|incidents --file F --db D``, run as ``cli.main``);
- it opens the database as the app does and saves records one by one through
  ``services.registers.save_record``: disposed media with their disposal records, incidents
  (numbered, with their first status change), plain media, and updates.

The harness kills the worker with SIGKILL at a random, seeded moment: a third of the kills
are aimed at an import, a third at the saves (each at a random point of a random round), a
third anywhere. Then it opens the database as the app does and checks:

- ``open_database`` succeeds;
- ``PRAGMA integrity_check`` is ok and ``PRAGMA foreign_key_check`` finds nothing;
- the audit chain verifies (``sme_guard.services.audit.verify``, where the app has it);
- every import is wholly in or wholly out: N rows of its prefix or none, with every disposal
  record and incident history of the file;
- every save is whole: a disposed medium has its disposal record, an incident its status
  history, and the incident counters are ahead of every number.

Each worker is forked from the harness (which has imported the app once), so a kill costs no
interpreter start-up; the worker shares nothing with the harness but a few bytes saying what
it is doing (import, save, ...), so the harness can tell where each kill landed. POSIX only.

    python benchmarks/crash.py                      # 200 kills (about 8 minutes)
    python benchmarks/crash.py --kills 20 --json    # the bounded form the test suite runs
"""

from __future__ import annotations

import argparse
import contextlib
import json
import mmap
import os
import random
import shutil
import signal
import struct
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

KILLS = 200
ROWS = 200  # rows per imported file
SAVES = 30  # records saved one by one per round
MAX_DELAY = 1.0  # seconds: a kill aimed anywhere lands in the first rounds
# Kills in turn aimed at an import, at the saves and anywhere: an aimed kill waits until the
# worker has done 1 to 3 rounds and is in that phase, then lands at a random moment within
# as long as the phase took last time (so some land just after it, too).
AIMS = (b"I", b"S", None)
NAMES = ("山田 太郎", "佐藤 花子", "鈴木 一郎")  # the employees the files name
YEAR = 2025  # the year of every incident (numbered 2025-001, ...)

# What the worker is doing, in a shared page: phase (1 byte), prefix of the file being
# imported (31 bytes), imports done, saves done, seconds the last import and the last round
# of saves took.
LAYOUT = struct.Struct("<c31sIIdd")
PHASES = {
    b"B": "starting",
    b"P": "writing the file",
    b"I": "mid-import",
    b"O": "opening",
    b"S": "mid-save",
    b"C": "closing",
}


# --- the worker -----------------------------------------------------------------------------


class _Status:
    def __init__(self, page: mmap.mmap) -> None:
        self.page = page
        self.imports = self.saves = 0
        self.prefix = b""
        self.took = {b"I": 0.0, b"S": 0.0}
        self.phase, self.since = b"B", time.perf_counter()

    def set(self, phase: bytes, prefix: str | None = None) -> None:
        if prefix is not None:
            self.prefix = prefix.encode()
        if phase != self.phase:
            now = time.perf_counter()
            if self.phase in self.took:
                self.took[self.phase] = now - self.since
            self.phase, self.since = phase, now
        self.page[: LAYOUT.size] = LAYOUT.pack(
            phase, self.prefix, self.imports, self.saves, self.took[b"I"], self.took[b"S"]
        )


def _write_media(path: Path, prefix: str, rows: int) -> None:
    from openpyxl import Workbook

    from sme_guard.domain.codes import DisposalMethod, MediumKind, MediumStatus, label

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("記憶媒体")
    sheet.append(["資産番号", "種類", "数量", "状態", "所在", "管理者", "備考", "廃棄日", "廃棄方法"])
    for n in range(rows):
        disposed = n % 10 == 0
        sheet.append(
            [
                f"{prefix}{n:04d}",
                label(MediumKind.USB_MEMORY if n % 2 else MediumKind.SSD, "ja"),
                1 + n % 3,
                label(MediumStatus.DISPOSED if disposed else MediumStatus.IN_USE, "ja"),
                f"書庫 {n % 7}",
                NAMES[n % len(NAMES)],
                f"取り込み {n}\n二行目" if n % 5 == 0 else None,
                date(2025, 4, 1 + n % 28) if disposed else None,
                label(DisposalMethod.PHYSICAL_DESTRUCTION, "ja") if disposed else None,
            ]
        )
    workbook.save(path)


def _write_incidents(path: Path, prefix: str, rows: int) -> None:
    from openpyxl import Workbook

    from sme_guard.domain.codes import IncidentType, Severity, label

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("障害・事故")
    sheet.append(["発生日時", "種類", "重大度", "何を", "誰が"])
    for n in range(rows):
        sheet.append(
            [
                datetime(YEAR, 1 + n % 12, 1 + n % 28, 9, 30),
                label(IncidentType.OTHER, "ja"),
                label(Severity.LOW, "ja"),
                f"{prefix}{n:04d}",
                NAMES[0],
            ]
        )
    workbook.save(path)


def _worker(database_path: Path, folder: Path, run: int, rows: int, status: _Status) -> None:
    from sme_guard import cli
    from sme_guard.db.database import open_database
    from sme_guard.domain.codes import DisposalMethod, IncidentType, MediumKind, MediumStatus, Severity
    from sme_guard.domain.registers import INCIDENTS, MEDIA
    from sme_guard.services.registers import save_record

    book = folder / f"import-{run}.xlsx"
    round_ = 0
    while True:
        round_ += 1
        incidents = round_ % 3 == 0  # media twice, then incidents
        prefix = f"{'J' if incidents else 'I'}{run:04d}{round_:03d}-"
        status.set(b"P", prefix)
        (_write_incidents if incidents else _write_media)(book, prefix, rows)
        status.set(b"I")
        argv = [
            "import",
            "incidents" if incidents else "media",
            "--file",
            str(book),
            "--db",
            str(database_path),
        ]
        code = cli.main([*argv, "--lang", "en"])
        if code != 0:
            raise SystemExit(f"import {prefix} exited {code}")
        status.imports += 1
        status.set(b"O", "")
        database = open_database(database_path)
        for n in range(SAVES):
            status.set(b"S")
            number = f"S{run:04d}{round_:03d}{n:02d}"
            kind = n % 4
            if kind == 0:  # two tables in one transaction
                save_record(
                    database,
                    MEDIA,
                    None,
                    {
                        "asset_number": number,
                        "kind": MediumKind.SD_CARD.value,
                        "quantity": 1,
                        "status": MediumStatus.DISPOSED.value,
                        "disposal_disposed_on": date(2025, 5, 1),
                        "disposal_method": DisposalMethod.OVERWRITE.value,
                        "disposal_performed_by": "業者A",
                    },
                )
            elif kind == 1:  # numbered from the counter, with its first status change
                save_record(
                    database,
                    INCIDENTS,
                    None,
                    {
                        "occurred_at": datetime(YEAR, 6, 1, 10, 0).astimezone(),
                        "incident_type": IncidentType.MALFUNCTION.value,
                        "severity": Severity.MEDIUM.value,
                        "what": number,
                    },
                )
            elif kind == 2:
                save_record(
                    database,
                    MEDIA,
                    None,
                    {
                        "asset_number": number,
                        "kind": MediumKind.USB_MEMORY.value,
                        "quantity": 2,
                        "status": MediumStatus.IN_USE.value,
                    },
                )
            else:  # an update of the plain medium saved just before
                record = _medium_id(database, f"S{run:04d}{round_:03d}{n - 1:02d}")
                save_record(database, MEDIA, record, {"location": f"金庫 {round_}", "quantity": 3})
            status.saves += 1
        status.set(b"C")
        database.close()


def _medium_id(database: Any, number: str) -> int:
    from sqlalchemy import select

    from sme_guard.domain.registers import MEDIA
    from sme_guard.services.registers import table_of

    table = table_of(MEDIA)
    with database.engine.connect() as connection:
        return int(connection.execute(select(table.c.id).where(table.c.asset_number == number)).scalar_one())


def _run_worker(database_path: Path, folder: Path, run: int, rows: int, page: mmap.mmap) -> None:
    """In the forked child: never returns into the harness."""
    code = 0
    try:
        log = os.open(folder / f"worker-{run}.log", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(log, 1)
        os.dup2(log, 2)
        status = _Status(page)
        status.set(b"B", "")
        _worker(database_path, folder, run, rows, status)
    except BaseException as exc:  # the harness reads the log
        import traceback

        traceback.print_exc()
        code = exc.code if isinstance(exc, SystemExit) and isinstance(exc.code, int) else 3
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code or 3)


# --- the checks -----------------------------------------------------------------------------


def _audit_verify() -> Any:
    try:
        from sme_guard.services import audit
    except ImportError:
        return None
    return getattr(audit, "verify", None)


def check_database(database_path: Path, rows: int) -> tuple[list[str], dict[str, int]]:
    """Open the database as the app does and list what is wrong with it (nothing, we hope).

    Returns the problems and the counts of batches: imports whole, partial."""
    from sqlalchemy import text

    from sme_guard.db.database import open_database

    problems: list[str] = []
    counts = {"batches": 0, "partial": 0, "corrupt": 0, "audit_checked": 0}
    try:
        database = open_database(database_path)
    except Exception as exc:
        counts["corrupt"] = 1
        return [f"open_database failed: {type(exc).__name__}: {exc}"], counts
    try:
        with database.engine.connect() as connection:
            integrity = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check")]
            if integrity != ["ok"]:
                counts["corrupt"] = 1
                problems.append(f"integrity_check: {integrity[:5]}")
            foreign = list(connection.exec_driver_sql("PRAGMA foreign_key_check"))
            if foreign:
                problems.append(f"foreign_key_check: {foreign[:5]}")
            length = len("I0000000-")
            for table, column, letter in (("storage_medium", "asset_number", "I"), ("incident", "what", "J")):
                found = connection.execute(
                    text(
                        f"SELECT substr({column}, 1, :length), count(*) FROM {table} "
                        f"WHERE {column} LIKE :pattern GROUP BY 1"
                    ),
                    {"length": length, "pattern": f"{letter}%"},
                ).all()
                counts["batches"] += len(found)
                for prefix, count in found:
                    if count != rows:
                        counts["partial"] += 1
                        problems.append(f"partial import {prefix}: {count} of {rows} rows")
            # The disposal records of each imported file came with it (every tenth row).
            disposals = connection.execute(
                text(
                    "SELECT substr(m.asset_number, 1, :length), count(d.id) FROM storage_medium m "
                    "JOIN medium_disposal d ON d.medium_id = m.id WHERE m.asset_number LIKE 'I%' GROUP BY 1"
                ),
                {"length": length},
            ).all()
            for prefix, count in disposals:
                if count != (rows + 9) // 10:
                    counts["partial"] += 1
                    problems.append(f"partial import {prefix}: {count} disposal records")
            lonely = connection.execute(
                text(
                    "SELECT count(*) FROM storage_medium m LEFT JOIN medium_disposal d ON d.medium_id = m.id "
                    "WHERE (m.status = 'disposed') != (d.id IS NOT NULL)"
                )
            ).scalar_one()
            if lonely:
                problems.append(f"{lonely} media whose disposal record is missing or extra")
            historyless = connection.execute(
                text(
                    "SELECT count(*) FROM incident i WHERE NOT EXISTS "
                    "(SELECT 1 FROM incident_status_change c WHERE c.incident_id = i.id)"
                )
            ).scalar_one()
            if historyless:
                problems.append(f"{historyless} incidents without their first status change")
            behind = connection.execute(
                text(
                    "SELECT i.year, max(i.sequence), c.last_sequence FROM incident i "
                    "LEFT JOIN incident_counter c ON c.year = i.year GROUP BY i.year "
                    "HAVING c.last_sequence IS NULL OR c.last_sequence < max(i.sequence)"
                )
            ).all()
            if behind:
                problems.append(f"incident counters behind their numbers: {behind}")
        verify = _audit_verify()
        if verify is not None:
            counts["audit_checked"] = 1
            report = verify(database)
            if not getattr(report, "ok", False):
                problems.append(f"audit chain broken at {getattr(report, 'chain_broken_at', '?')}")
    except Exception as exc:
        problems.append(f"check failed: {type(exc).__name__}: {exc}")
    finally:
        database.close()
    return problems, counts


# --- the harness ----------------------------------------------------------------------------


@dataclass
class Results:
    kills: int = 0
    seed: int = 0
    rows_per_import: int = ROWS
    landed: dict[str, int] = field(default_factory=dict)  # phase -> kills
    imports_completed: int = 0  # by the workers, over all runs
    saves_completed: int = 0
    in_flight_committed: int = 0  # imports killed at their very end: wholly in
    in_flight_rolled_back: int = 0  # imports killed midway: wholly out
    batches_checked: int = 0  # import files found in the database at the end
    corrupt: int = 0
    partial_imports: int = 0
    failed_checks: int = 0  # kills after which any check failed
    worker_failures: int = 0  # workers that stopped by themselves (an error) before the kill
    audit_verified: bool = False
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.corrupt or self.partial_imports or self.failed_checks or self.worker_failures)


def _seed_people(database_path: Path) -> None:
    from sme_guard.db.database import open_database
    from sme_guard.domain.codes import EmploymentType, PersonRole
    from sme_guard.domain.registers import PEOPLE
    from sme_guard.services.registers import save_record

    database = open_database(database_path)
    try:
        for name in NAMES:
            save_record(
                database,
                PEOPLE,
                None,
                {
                    "name": name,
                    "employment_type": EmploymentType.REGULAR.value,
                    "role": PersonRole.EMPLOYEE.value,
                },
            )
    finally:
        database.close()


def _in_flight(database_path: Path, prefix: str) -> int:
    import sqlite3

    table, column = ("incident", "what") if prefix.startswith("J") else ("storage_medium", "asset_number")
    connection = sqlite3.connect(database_path)
    try:
        query = f"SELECT count(*) FROM {table} WHERE {column} LIKE ?"
        return int(connection.execute(query, (prefix + "%",)).fetchone()[0])
    finally:
        connection.close()


def _aim(
    page: mmap.mmap, pid: int, phase: bytes, rounds: int, timeout: float = 30.0
) -> tuple[int, int, float]:
    """Wait until the worker has done ``rounds`` rounds and is in ``phase``; returns
    ``os.waitpid``'s answer if it stopped meanwhile, else (0, 0), and how long the phase
    took last time."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        now, _prefix, imports, saves, took_import, took_saves = LAYOUT.unpack(page[: LAYOUT.size])
        took = took_import if phase == b"I" else took_saves
        if now == phase and imports > rounds and saves >= rounds * SAVES and took:
            return 0, 0, took
        stopped = os.waitpid(pid, os.WNOHANG)
        if stopped[0]:
            return stopped[0], stopped[1], 0.0
        time.sleep(0.0002)
    return 0, 0, 0.0


def run(
    kills: int = KILLS,
    seed: int = 1,
    rows: int = ROWS,
    max_delay: float = MAX_DELAY,
    folder: Path | None = None,
    progress: bool = False,
) -> Results:
    """Kill ``kills`` workers and check the database after each kill."""
    if not hasattr(os, "fork"):
        raise SystemExit("the crash harness needs POSIX fork()")
    own = folder is None
    folder = Path(tempfile.mkdtemp(prefix="sme-guard-crash-")) if folder is None else folder
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["SME_GUARD_DATA_DIR"] = str(folder / "data")  # the log file, backups
    # Import what the worker uses before forking, so a worker starts at once.
    import sme_guard.cli
    import sme_guard.domain.tables
    import sme_guard.exchange.excel
    import sme_guard.services.registers  # noqa: F401

    database_path = folder / "office.sqlite3"
    _seed_people(database_path)
    rng = random.Random(seed)
    results = Results(seed=seed, rows_per_import=rows, audit_verified=_audit_verify() is not None)
    landed: Counter[str] = Counter()
    page = mmap.mmap(-1, mmap.PAGESIZE)  # shared with the forked workers
    started = time.perf_counter()
    try:
        for number in range(1, kills + 1):
            page[: LAYOUT.size] = LAYOUT.pack(b"B", b"", 0, 0, 0.0, 0.0)
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:
                _run_worker(database_path, folder, number, rows, page)
            aim, rounds, share = AIMS[(number - 1) % len(AIMS)], rng.randint(1, 3), rng.random()
            done, wait_status, took = _aim(page, pid, aim, rounds) if aim else (0, 0, max_delay)
            if not done:
                time.sleep(share * took)
                done, wait_status = os.waitpid(pid, os.WNOHANG)
            phase, prefix, imports, saves, _, _ = LAYOUT.unpack(page[: LAYOUT.size])
            if done:  # it stopped by itself: an error the log tells
                results.worker_failures += 1
                log = (folder / f"worker-{number}.log").read_text(encoding="utf-8", errors="replace")
                results.problems.append(
                    f"kill {number}: worker exited ({wait_status}) before the kill: {log[-2000:]}"
                )
            else:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                phase, prefix, imports, saves, _, _ = LAYOUT.unpack(page[: LAYOUT.size])  # final word
            results.kills += 1
            landed[PHASES.get(phase, "?")] += 1
            results.imports_completed += imports
            results.saves_completed += saves
            if phase == b"I":
                found = _in_flight(database_path, prefix.rstrip(b"\0").decode())
                if found == rows:
                    results.in_flight_committed += 1
                elif found == 0:
                    results.in_flight_rolled_back += 1
            problems, counts = check_database(database_path, rows)
            results.corrupt += counts["corrupt"]
            results.partial_imports += counts["partial"]
            results.batches_checked = counts["batches"]
            if problems:
                results.failed_checks += 1
                results.problems += [f"kill {number} ({PHASES.get(phase, '?')}): {p}" for p in problems]
            if progress and number % 10 == 0:
                print(f"  {number} kills, {dict(landed)}", file=sys.stderr, flush=True)
            if results.corrupt:
                break  # nothing after a corrupt database means anything
    finally:
        page.close()
        results.seconds = time.perf_counter() - started
        results.landed = dict(landed)
        if own and results.ok:
            shutil.rmtree(folder, ignore_errors=True)
        elif not results.ok:
            results.problems.append(f"database and worker logs kept in {folder}")
    return results


def table(results: Results) -> str:
    landed = results.landed
    elsewhere = sum(v for k, v in landed.items() if k not in ("mid-import", "mid-save"))
    lines = [
        f"{'kills':<44} {results.kills:>6}",
        f"{'  landed mid-import':<44} {landed.get('mid-import', 0):>6}",
        f"{'    import wholly out (rolled back)':<44} {results.in_flight_rolled_back:>6}",
        f"{'    import wholly in (killed after commit)':<44} {results.in_flight_committed:>6}",
        f"{'  landed mid-save':<44} {landed.get('mid-save', 0):>6}",
        f"{'  landed elsewhere (file, open, close)':<44} {elsewhere:>6}",
        f"{'imports completed by the workers':<44} {results.imports_completed:>6}",
        f"{'records saved by the workers':<44} {results.saves_completed:>6}",
        f"{'import files in the database at the end':<44} {results.batches_checked:>6}",
        f"{'corrupt databases':<44} {results.corrupt:>6}",
        f"{'partial imports':<44} {results.partial_imports:>6}",
        f"{'failed checks':<44} {results.failed_checks:>6}",
        f"{'workers that failed before their kill':<44} {results.worker_failures:>6}",
        f"{'audit chain verified after every kill':<44} {'yes' if results.audit_verified else 'n/a':>6}",
        f"{'rows per import / seed':<44} {f'{results.rows_per_import}/{results.seed}':>6}",
        f"{'seconds':<44} {results.seconds:>6.1f}",
    ]
    lines += results.problems[:20]
    return "\n".join(lines)


def measure() -> list[dict[str, Any]]:
    """For benchmarks/run.py: the full form, as absolute limits of 0."""
    results = run(progress=True)
    print(table(results), file=sys.stderr)
    return [
        {
            "figure": f"crash: corrupt ({results.kills} kills)",
            "ours": results.corrupt,
            "unit": "",
            "limit": 0,
        },
        {"figure": "crash: partial imports", "ours": results.partial_imports, "unit": "", "limit": 0},
        {
            "figure": "crash: failed checks",
            "ours": results.failed_checks + results.worker_failures,
            "unit": "",
            "limit": 0,
        },
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=KILLS)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rows", type=int, default=ROWS, help="rows per imported file")
    parser.add_argument("--max-delay", type=float, default=MAX_DELAY, help="seconds before a kill, at most")
    parser.add_argument("--folder", type=Path, help="keep the database and logs here")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    results = run(args.kills, args.seed, args.rows, args.max_delay, args.folder, progress=not args.json)
    if args.json:
        print(json.dumps(asdict(results), ensure_ascii=False))
    else:
        print(table(results))
    return 0 if results.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
