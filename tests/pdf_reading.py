"""Reading PDFs back with poppler (pdftotext, pdfinfo, pdffonts) in the PDF tests."""

from __future__ import annotations

import subprocess
from pathlib import Path


def run(*args: str | Path) -> str:
    return subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, check=True, encoding="utf-8"
    ).stdout


def pages(pdf: Path) -> list[str]:
    found = run("pdftotext", "-layout", pdf, "-").split("\f")
    if found and not found[-1].strip():
        found.pop()  # pdftotext ends with a form feed
    return found


def text(pdf: Path) -> str:
    return "\n".join(pages(pdf))


def page_count(pdf: Path) -> int:
    info = dict(line.split(":", 1) for line in run("pdfinfo", pdf).splitlines() if ":" in line)
    return int(info["Pages"])


def fonts(pdf: Path) -> list[tuple[str, str]]:
    rows = run("pdffonts", pdf).splitlines()[2:]
    return [(row.split()[0], row.split()[-5]) for row in rows if row.strip()]
