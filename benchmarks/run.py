"""Run the benchmarks and print each figure beside its raw-library floor.

A module's ``measure()`` returns one row or a list of rows: ``{"figure", "ours", "floor",
"unit", "goal"}`` (goal: the largest ours/floor ratio), or ``{"figure", "ours", "unit",
"limit"}`` (optionally with an informative "floor") for an absolute bound such as peak memory
(ok while ours <= limit).
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

FIGURES = ["startup", "registers", "excel", "scan", "checklist", "crash"]


def _line(row: dict[str, Any]) -> tuple[str, bool]:
    unit = row["unit"]
    ours = f"{row['ours']:>9.3f}{unit}"
    floor = row.get("floor")
    shown_floor = f"{floor:>9.3f}{unit}" if floor else f"{'-':>11}"
    ratio = f"{row['ours'] / floor:>6.2f}x" if floor else f"{'-':>7}"
    if "limit" in row:  # an absolute bound; the floor, if any, is for information
        ok = row["ours"] <= row["limit"]
        limit = f"<={row['limit']:g}{unit}"
        return (
            f"{row['figure']:<28} {ours} {shown_floor} {ratio} {limit:>8}  {'ok' if ok else 'OVER LIMIT'}",
            ok,
        )
    ok = row["ours"] / floor <= row["goal"]
    return (
        f"{row['figure']:<28} {ours} {shown_floor} {ratio} {row['goal']:>7.2f}x  {'ok' if ok else 'OVER GOAL'}",
        ok,
    )


def main(names: list[str]) -> int:
    rows: list[dict[str, Any]] = []
    for name in names or FIGURES:
        module = importlib.import_module(f"benchmarks.{name}")
        measured = module.measure()
        rows += measured if isinstance(measured, list) else [measured]
    print(f"{'figure':<28} {'ours':>11} {'floor':>11} {'ratio':>7} {'goal':>8}  result")
    failed = 0
    for row in rows:
        line, ok = _line(row)
        failed += not ok
        print(line)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
