""" "Today" for the services; tests replace ``today`` to make reminders deterministic."""

from __future__ import annotations

from datetime import date


def today() -> date:
    return date.today()
