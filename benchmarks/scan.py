"""Stock-take scans at 100,000 items: matching a scanned number, beside a plain dict lookup."""

from __future__ import annotations

import os
import random
import statistics
import time

from sme_guard.services.stocktake import StockTakeLine

ROWS = 100_000
SCANS = 500


def measure() -> list[dict[str, object]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from sme_guard.ui.registers.stocktake_dialog import StockTakeModel

    app = QApplication.instance() or QApplication([])
    lines = [StockTakeLine(n, n, f"M-{n:06d}", "書庫", None, None) for n in range(ROWS)]
    model = StockTakeModel("ja")
    model.set_lines(lines)
    plain = {line.number: row for row, line in enumerate(lines)}
    # What a scanner sends: upper or lower case, sometimes full width from an IME left on.
    picks = random.Random(7).sample(range(ROWS), SCANS)
    scans = [
        lines[i].number.lower() if i % 3 else "".join(chr(ord(c) + 0xFEE0) for c in lines[i].number)
        for i in picks
    ]
    ours, floor = [], []
    for scan, pick in zip(scans, picks, strict=True):
        started = time.perf_counter()
        row = model.row_of(scan)
        ours.append(time.perf_counter() - started)
        assert row == pick
        started = time.perf_counter()
        plain.get(lines[pick].number)
        floor.append(time.perf_counter() - started)
    del app
    return [
        {
            "figure": "scan match (100k items)",
            "ours": statistics.median(ours) * 1000,
            "floor": statistics.median(floor) * 1000,
            "unit": "ms",
            "limit": 5.0,
        }
    ]
