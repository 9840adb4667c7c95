"""Excel export and import of 100k storage media against openpyxl's and SQLAlchemy's floor.

Figures:
- export 100k: ``export_registers`` vs a raw write-only workbook of the same cell values;
- export memory: peak RSS growth of an export process at 100k rows vs at 10k (flat = ~1x);
- import 100k: ``import_register`` into an empty database vs a read-only scan of the same
  file plus a Core bulk insert of the same rows;
- import peak RSS: the whole import process, against an absolute limit.

Memory is measured in child processes (``python -m benchmarks.excel export|import ...``),
so each starts from the same baseline. Linux only (/proc/self/status).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

REPO = Path(__file__).resolve().parent.parent
ROWS = 100_000
SMALL = 10_000
PEOPLE_COUNT = 300
RUNS = 3
IMPORT_RSS_LIMIT_MB = 250.0


def make_database(path: Path, rows: int) -> None:
    """``rows`` media with every column filled, 2% disposed, and the people they name."""
    from sqlmodel import SQLModel

    from sme_guard.db.database import open_database
    from sme_guard.domain.codes import DisposalMethod, MediumKind, MediumStatus
    from sme_guard.domain.registers import MEDIA, PEOPLE
    from sme_guard.services.registers import table_of

    kinds = [m.value for m in MediumKind]
    statuses = [m.value for m in MediumStatus if m is not MediumStatus.DISPOSED]
    methods = [m.value for m in DisposalMethod]
    start = date(2020, 4, 1)
    database = open_database(path)
    with database.engine.begin() as connection:
        connection.execute(
            insert(table_of(PEOPLE)),
            [
                {"name": f"社員 {n:03d}", "kana": f"しゃいん {n}", "department": "総務部"}
                for n in range(PEOPLE_COUNT)
            ],
        )
        media = []
        disposals = []
        for n in range(rows):
            disposed = n % 50 == 7
            media.append(
                {
                    "asset_number": f"M-{n:06d}",
                    "kind": kinds[n % len(kinds)],
                    "nand_flash": n % 3 == 0,
                    "quantity": 1 + n % 4,
                    "location": f"本社{n % 5 + 1}階 書庫{n % 7}",
                    "custodian_id": n % PEOPLE_COUNT + 1,
                    "holds_important_info": n % 2 == 0,
                    "storage_place": "耐火金庫" if n % 4 == 0 else "施錠キャビネット",
                    "storage_environment": "温度・湿度管理",
                    "authorised": n % 10 != 0,
                    "long_term_backup": n % 6 == 0,
                    "lifetime_until": start + timedelta(days=1500 + n % 900),
                    "next_migration_on": start + timedelta(days=700 + n % 800),
                    "status": MediumStatus.DISPOSED.value if disposed else statuses[n % len(statuses)],
                    "last_stocktake_on": start + timedelta(days=n % 1500),
                    "notes": f"点検済み {n}" if n % 3 == 0 else None,
                }
            )
            if disposed:
                disposals.append(
                    {
                        "medium_id": n + 1,
                        "disposed_on": start + timedelta(days=n % 1500),
                        "method": methods[n % len(methods)],
                        "performed_by": "業者A",
                        "verified_by": f"社員 {n % PEOPLE_COUNT:03d}",
                        "verified_on": start + timedelta(days=n % 1500 + 1),
                        "certificate_no": f"C-{n}",
                    }
                )
        connection.execute(insert(table_of(MEDIA)), media)
        connection.execute(insert(SQLModel.metadata.tables["medium_disposal"]), disposals)
    database.close()


def _empty_database(path: Path) -> None:
    from sme_guard.db.database import open_database
    from sme_guard.domain.registers import PEOPLE
    from sme_guard.services.registers import table_of

    database = open_database(path)  # migrated, with the people the media name
    with database.engine.begin() as connection:
        connection.execute(
            insert(table_of(PEOPLE)),
            [
                {"name": f"社員 {n:03d}", "kana": f"しゃいん {n}", "department": "総務部"}
                for n in range(PEOPLE_COUNT)
            ],
        )
    database.close()


def _fresh_copy(template: Path, target: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(template, target)
    return target


def _export(database_path: Path, out: Path) -> float:
    """Seconds for ``export_registers`` (opening the database is not part of the figure)."""
    from sme_guard.db.database import open_database
    from sme_guard.domain.registers import MEDIA
    from sme_guard.exchange.excel import export_registers

    database = open_database(database_path)
    try:
        start = time.perf_counter()
        export_registers(database, [MEDIA], out, "ja")
        return time.perf_counter() - start
    finally:
        database.close()


def _raw_write(rows: list[tuple[Any, ...]], out: Path) -> None:
    from openpyxl import Workbook  # type: ignore[import-untyped]

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("記憶媒体")
    for row in rows:
        sheet.append(row)
    workbook.save(out)


def _import(database_path: Path, source: Path) -> float:
    """Seconds for ``import_register``; fails unless every row was taken."""
    from sme_guard.db.database import open_database
    from sme_guard.domain.registers import MEDIA
    from sme_guard.exchange.excel import import_register

    database = open_database(database_path)
    try:
        start = time.perf_counter()
        report = import_register(database, MEDIA, source)
        elapsed = time.perf_counter() - start
    finally:
        database.close()
    if report.rejections or report.rows_inserted != report.rows_read:
        raise RuntimeError(f"import did not take every row: {report.summary('en')}")
    return elapsed


def _floor_import(
    database_path: Path, source: Path, rows: list[dict[str, Any]], disposals: list[Any]
) -> float:
    """Seconds for a read-only scan of ``source`` plus a Core bulk insert of ``rows``."""
    from openpyxl import load_workbook
    from sqlmodel import SQLModel

    from sme_guard.db.database import open_database
    from sme_guard.domain.registers import MEDIA
    from sme_guard.services.registers import table_of

    start = time.perf_counter()
    workbook = load_workbook(source, read_only=True, data_only=True)
    for _row in workbook.worksheets[0].iter_rows(values_only=True):
        pass
    workbook.close()
    scanned = time.perf_counter() - start
    database = open_database(database_path)
    try:
        start = time.perf_counter()
        with database.engine.begin() as connection:
            connection.execute(insert(table_of(MEDIA)), rows)
            connection.execute(insert(SQLModel.metadata.tables["medium_disposal"]), disposals)
        inserted = time.perf_counter() - start
    finally:
        database.close()
    return scanned + inserted


def _stored_rows(database_path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    from sqlmodel import SQLModel

    from sme_guard.db.database import open_database
    from sme_guard.domain.registers import MEDIA
    from sme_guard.services.registers import table_of

    skip = {"id", "created_at", "updated_at"}
    database = open_database(database_path)
    try:
        with database.engine.connect() as connection:
            media = [
                {k: v for k, v in row.items() if k not in skip}
                for row in connection.execute(select(table_of(MEDIA))).mappings()
            ]
            disposal_table = SQLModel.metadata.tables["medium_disposal"]
            disposals = [
                {k: v for k, v in row.items() if k not in skip}
                for row in connection.execute(select(disposal_table)).mappings()
            ]
    finally:
        database.close()
    return media, disposals


def _status_kb(field: str) -> int:
    with Path("/proc/self/status").open(encoding="ascii") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def _child(argv: list[str]) -> None:
    """``export DB OUT`` or ``import DB FILE``: prints RSS before and peak, in kB, as JSON."""
    command, database, target = argv
    import openpyxl  # noqa: F401  (the baseline includes the libraries)

    import sme_guard.exchange.excel  # noqa: F401

    before = _status_kb("VmRSS")
    if command == "export":
        _export(Path(database), Path(target))
    else:
        _import(Path(database), Path(target))
    # VmHWM, not ru_maxrss: Linux hands a child its parent's peak in ru_maxrss at exec.
    peak = _status_kb("VmHWM")
    print(json.dumps({"before": before, "peak": peak}))


def _run_child(env: dict[str, str], *args: str) -> dict[str, int]:
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.excel", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"benchmark child {args[0]} failed:\n{result.stderr}")
    values: dict[str, int] = json.loads(result.stdout.strip().splitlines()[-1])
    return values


def measure() -> list[dict[str, object]]:
    saved = os.environ.get("SME_GUARD_DATA_DIR")
    try:
        return _measure()
    finally:
        if saved is None:
            os.environ.pop("SME_GUARD_DATA_DIR", None)
        else:
            os.environ["SME_GUARD_DATA_DIR"] = saved


def _measure() -> list[dict[str, object]]:
    from openpyxl import load_workbook

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        # Backups and logs of the benchmark databases stay in the temporary folder.
        env = {**os.environ, "SME_GUARD_DATA_DIR": str(folder / "data")}
        os.environ["SME_GUARD_DATA_DIR"] = env["SME_GUARD_DATA_DIR"]
        big, small = folder / "big.sqlite3", folder / "small.sqlite3"
        make_database(big, ROWS)
        make_database(small, SMALL)
        empty = folder / "empty.sqlite3"
        _empty_database(empty)

        # (a) export time, interleaved with the floor so machine noise hits both alike
        exported = folder / "export.xlsx"
        _export(big, exported)  # warm up (imports, page cache)
        workbook = load_workbook(exported, read_only=True)
        cells = list(workbook.worksheets[0].iter_rows(values_only=True))
        workbook.close()
        ours, floor = [], []
        for _ in range(RUNS):
            start = time.perf_counter()
            _raw_write(cells, folder / "raw.xlsx")
            floor.append(time.perf_counter() - start)
            ours.append(_export(big, exported))
        del cells

        # (b) export memory: growth of the peak RSS at 100k vs 10k rows
        growth = {}
        for label, database in (("small", small), ("big", big)):
            sample = _run_child(env, "export", str(database), str(folder / f"{label}.xlsx"))
            growth[label] = (sample["peak"] - sample["before"]) / 1024

        # (c) import time into an empty database
        media, disposals = _stored_rows(big)
        target = folder / "target.sqlite3"
        imported, import_floor = [], []
        for _ in range(RUNS):
            import_floor.append(_floor_import(_fresh_copy(empty, target), exported, media, disposals))
            imported.append(_import(_fresh_copy(empty, target), exported))
        del media, disposals

        # (d) peak RSS of a whole import process
        sample = _run_child(env, "import", str(_fresh_copy(empty, target)), str(exported))
        import_peak = sample["peak"] / 1024

    return [
        {
            "figure": "excel export (100k media)",
            "ours": statistics.median(ours),
            "floor": statistics.median(floor),
            "unit": "s",
            "goal": 1.2,
        },
        {
            "figure": "excel export RSS 100k/10k",
            "ours": growth["big"],
            "floor": growth["small"],
            "unit": "MB",
            "goal": 1.5,
        },
        {
            "figure": "excel import (100k media)",
            "ours": statistics.median(imported),
            "floor": statistics.median(import_floor),
            "unit": "s",
            "goal": 1.5,
        },
        {
            "figure": "excel import peak RSS",
            "ours": import_peak,
            "unit": "MB",
            "limit": IMPORT_RSS_LIMIT_MB,
        },
    ]


if __name__ == "__main__":
    _child(sys.argv[1:])
