"""Crash safety, bounded: a worker importing Excel files and saving records is killed with
SIGKILL at random (seeded) points; after every kill the database opens, passes SQLite's
integrity and foreign-key checks (and the audit chain, where the app has one), and every
import is wholly in or wholly out. The full form (200 kills) is ``benchmarks/crash.py``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="the crash harness forks and kills (POSIX only)"),
]

KILLS = 20


def test_random_kills_leave_a_sound_database_and_whole_imports(tmp_path: Path) -> None:
    command = [
        sys.executable,
        "-m",
        "benchmarks.crash",
        "--kills",
        str(KILLS),
        "--seed",
        "7",
        "--rows",
        "150",
        "--max-delay",
        "1.0",
        "--folder",
        str(tmp_path / "crash"),
        "--json",
    ]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=240, check=False)
    assert done.stdout.strip(), done.stderr
    results = json.loads(done.stdout.strip().splitlines()[-1])
    landed = results["landed"]
    print(
        f"\ncrash harness: {results['kills']} kills "
        f"({landed.get('mid-import', 0)} mid-import, {landed.get('mid-save', 0)} mid-save), "
        f"{results['imports_completed']} imports and {results['saves_completed']} saves done, "
        f"{results['corrupt']} corrupt, {results['partial_imports']} partial imports, "
        f"{results['failed_checks']} failed checks, audit verified: {results['audit_verified']}, "
        f"{results['seconds']:.1f} s"
    )
    assert results["problems"] == []
    assert results["kills"] == KILLS
    assert (results["corrupt"], results["partial_imports"], results["failed_checks"]) == (0, 0, 0)
    assert results["worker_failures"] == 0
    assert done.returncode == 0
    # The kills did land inside the write paths, and the workers got work done between them.
    assert landed.get("mid-import", 0) >= 2 and landed.get("mid-save", 0) >= 2
    assert results["in_flight_rolled_back"] + results["in_flight_committed"] == landed.get("mid-import", 0)
    assert results["imports_completed"] > KILLS and results["saves_completed"] > KILLS
    assert results["batches_checked"] > 0
