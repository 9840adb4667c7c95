"""Run the benchmarks and print each figure beside its raw-library floor."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

FIGURES = ["startup"]


def main(names: list[str]) -> int:
    rows = []
    for name in names or FIGURES:
        module = importlib.import_module(f"benchmarks.{name}")
        rows.append(module.measure())
    print(f"{'figure':<28} {'ours':>10} {'floor':>10} {'ratio':>7} {'goal':>7}  result")
    failed = 0
    for row in rows:
        ratio = row["ours"] / row["floor"]
        ok = ratio <= row["goal"]
        failed += not ok
        unit = row["unit"]
        print(
            f"{row['figure']:<28} {row['ours']:>9.3f}{unit} {row['floor']:>9.3f}{unit} "
            f"{ratio:>6.2f}x {row['goal']:>6.2f}x  {'ok' if ok else 'OVER GOAL'}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
