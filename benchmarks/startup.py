"""Start-up: process start to painted main window on a 10k-record database."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import insert

from sme_guard.db.database import open_database
from sme_guard.domain.tables import IdBadge, Person, SmartDevice, StorageMedium

CHILD = Path(__file__).with_name("_startup_child.py")
RUNS = 7


def make_database(path: Path, records: int = 10_000) -> None:
    """10k records across the registers, written with Core inserts."""
    database = open_database(path)
    share = records // 4
    with database.engine.begin() as connection:
        connection.execute(
            insert(Person.__table__),  # type: ignore[attr-defined]
            [{"name": f"社員 {n}", "kana": f"しゃいん {n}", "department": "総務部"} for n in range(share)],
        )
        connection.execute(
            insert(StorageMedium.__table__),  # type: ignore[attr-defined]
            [
                {"asset_number": f"M-{n:05d}", "custodian_id": n % share + 1, "location": "書庫"}
                for n in range(share)
            ],
        )
        connection.execute(
            insert(SmartDevice.__table__),  # type: ignore[attr-defined]
            [
                {"asset_number": f"D-{n:05d}", "user_id": n % share + 1, "model": "iPhone"}
                for n in range(share)
            ],
        )
        connection.execute(
            insert(IdBadge.__table__),  # type: ignore[attr-defined]
            [
                {"badge_number": f"B-{n:05d}", "holder_id": n % share + 1, "issued_on": date(2026, 4, 1)}
                for n in range(share)
            ],
        )
    database.close()


def _time_to_ready(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, str(CHILD), *args], stdout=subprocess.PIPE, text=True, env=env)
    assert child.stdout is not None
    line = child.stdout.readline()
    elapsed = time.perf_counter() - start
    child.wait(timeout=30)
    if line.strip() != "ready":
        raise RuntimeError(f"{args[0]} did not become ready (exit {child.returncode})")
    return elapsed


def measure() -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "bench.sqlite3"
        make_database(database)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "SME_GUARD_DATA_DIR": str(Path(folder) / "data"),
            "XDG_CONFIG_HOME": str(Path(folder) / "config"),  # fresh settings: opens on ホーム
        }
        ours, floor = [], []
        for _ in range(RUNS):  # interleaved, so machine noise hits both alike
            floor.append(_time_to_ready(["floor"], env))
            ours.append(_time_to_ready(["app", str(database)], env))
    return {
        "figure": "startup (10k records)",
        "ours": statistics.median(ours),
        "floor": statistics.median(floor),
        "unit": "s",
        "goal": 1.5,
    }
