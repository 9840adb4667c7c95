"""What the screens of versioned documents share (staff guidelines, the security policy and
rules): which version to show after a reload, and moving the selection in the list of
versions without setting off a second load."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtWidgets import QTableView


class Version(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def issued(self) -> bool: ...


def row_to_show(versions: Sequence[Version], keep: int | None) -> int:
    """The row of ``keep`` when it is still listed, else of the draft, else the newest (first)."""
    ids = [v.id for v in versions]
    if keep in ids:
        return ids.index(keep)
    return next((i for i, v in enumerate(versions) if not v.issued), 0)


def select_quietly(view: QTableView, row: int) -> None:
    """Select ``row`` without telling the selection's listeners (the caller loads it, or keeps
    the version being edited)."""
    selection = view.selectionModel()
    selection.blockSignals(True)
    view.selectRow(row)
    selection.blockSignals(False)
