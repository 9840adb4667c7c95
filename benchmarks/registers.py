"""Register screens at 100,000 storage media: open the tab, search per keystroke, sort, memory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from sqlalchemy import insert

from sme_guard.db.database import open_database
from sme_guard.domain.registers import MEDIA, PEOPLE
from sme_guard.services.registers import table_of

CHILD = Path(__file__).with_name("_registers_child.py")
ROWS = 100_000


def make_database(path: Path, rows: int = ROWS) -> None:
    database = open_database(path)
    kinds = ["usb_memory", "external_hdd", "sd_card", "optical", "ssd"]
    with database.engine.begin() as connection:
        connection.execute(
            insert(table_of(PEOPLE)),
            [{"name": f"社員 {n}", "employment_type": "regular", "role": "employee"} for n in range(500)],
        )
        connection.execute(
            insert(table_of(MEDIA)),
            [
                {
                    "asset_number": f"M-{n:06d}",
                    "kind": kinds[n % 5],
                    "quantity": 1,
                    "location": f"{'金庫' if n % 3 else '書庫'}{n % 40}",
                    "custodian_id": n % 500 + 1,
                    "status": "disposed" if n % 17 == 0 else "in_use",
                    "long_term_backup": n % 9 == 0,
                    "next_migration_on": date(2026, 1 + n % 12, 1),
                }
                for n in range(rows)
            ],
        )
    database.close()


def measure() -> list[dict[str, object]]:
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "bench.sqlite3"
        make_database(database)
        env = {
            **os.environ,
            "SME_GUARD_DATA_DIR": str(Path(folder) / "data"),
            "XDG_CONFIG_HOME": str(Path(folder) / "config"),  # no saved widths or sort order
            "QT_QPA_PLATFORM": "offscreen",
        }
        ours: dict[str, float] = {}
        floor: dict[str, float] = {}
        for mode, target in (("ours", ours), ("floor", floor)):
            output = subprocess.run(
                [sys.executable, str(CHILD), mode, str(database)],
                capture_output=True,
                text=True,
                env=env,
                check=True,
            ).stdout
            target.update(json.loads(output.strip().splitlines()[-1]))
    return [
        {
            "figure": "media tab open (100k)",
            "ours": ours["open"],
            "floor": floor["open"],
            "unit": "s",
            "limit": 0.6,
        },
        {
            "figure": "search per keystroke",
            "ours": ours["search"],
            "floor": floor["search"],
            "unit": "s",
            "limit": 0.05,
        },
        {
            "figure": "sort by a column",
            "ours": ours["sort"],
            "floor": floor["sort"],
            "unit": "s",
            "limit": 0.1,
        },
        {
            "figure": "peak RSS, media tab",
            "ours": ours["peak_rss_mb"],
            "floor": floor["peak_rss_mb"],
            "unit": "MB",
            "limit": 250,
        },
    ]
