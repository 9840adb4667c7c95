""" "Today" and "now" for the services; tests replace them to make dates deterministic."""

from __future__ import annotations

from datetime import UTC, date, datetime


def today() -> date:
    return date.today()


def now() -> datetime:
    return datetime.now(UTC)
