"""A register as a table shows it: visible columns, display text, search, status filter, sort.

Qt-free and built off the GUI thread. At 100k rows Qt's sort/filter proxy model takes seconds per
sort or keystroke; sorting and filtering a list of row numbers in Python takes tens of ms.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sme_guard.domain.codes import label
from sme_guard.domain.registers import Column
from sme_guard.domain.text import fold
from sme_guard.services.flags import FLAGGED_REGISTERS, flag_label
from sme_guard.services.registers import RegisterRows
from sme_guard.services.values import format_datetime, format_decimal

# Status filter choices besides a single status code.
ACTIVE = "@active"  # everything not disposed / returned / revoked (the default)
ALL = "@all"
FLAGGED = "@flagged"  # rows that need attention


def _formatter(column: Column, lang: str) -> Callable[[Any], str]:
    if column.kind == "bool":
        return lambda value: "✓" if value else ""
    if column.kind == "date":
        return lambda value: (
            value.isoformat() if isinstance(value, date) else ("" if value is None else str(value))
        )
    if column.kind == "datetime":
        return lambda value: "" if value is None else format_datetime(value)
    if column.kind == "code" and column.codes is not None:
        labels = {member.value: label(member, lang) for member in column.codes}
        return lambda value: "" if value is None else labels.get(value, str(value))
    if column.kind == "number":
        return lambda value: "" if value is None else format_decimal(value)
    return lambda value: "" if value is None else str(value)


@dataclass
class Listing:
    rows: RegisterRows
    lang: str
    visible: list[int]  # indexes into rows.columns, in display order
    formatters: list[Callable[[Any], str]] = field(default_factory=list)
    # What each displayed column shows: an index into ``visible``, or None for the flags,
    # which come second (right after the number), where they are seen without scrolling.
    positions: list[int | None] = field(default_factory=list)
    haystack: list[str] = field(default_factory=list)
    order: list[int] = field(default_factory=list)  # row numbers shown, in display order
    sort_column: int | None = None  # index into visible, or len(visible) for the flags column
    descending: bool = False
    _sorted: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, rows: RegisterRows, lang: str) -> Listing:
        """Ready to show; call ``with_search_index`` (off the GUI thread) before filtering by text."""
        visible = [i for i, column in enumerate(rows.columns) if column.in_table]
        listing = cls(rows=rows, lang=lang, visible=visible)
        listing.formatters = [_formatter(rows.columns[i], lang) for i in visible]
        if rows.register.key in FLAGGED_REGISTERS:
            listing.positions = [0, None, *range(1, len(visible))]
        else:  # no flags to show: no empty column
            listing.positions = list(range(len(visible)))
        listing._sorted = list(range(len(rows.rows)))
        listing.order = list(listing._sorted)
        return listing

    def search_index(self) -> list[str]:
        """One folded text per row (every visible cell and flag), for ``apply``.

        Built apart from ``build`` so that a 100k-row table shows before it is ready.
        """
        # Fold each distinct cell text once: names, places and codes repeat across rows.
        folded: dict[str, str] = {}

        def fold_cached(text: str) -> str:
            result = folded.get(text)
            if result is None:
                result = folded[text] = fold(text)
            return result

        cells = list(zip(self.formatters, self.visible, strict=True))
        return [
            " ".join([*(fold_cached(f(row[i])) for f, i in cells), *(fold_cached(t) for t in labels)])
            for row, labels in zip(self.rows.rows, self.flag_texts(), strict=True)
        ]

    def flag_texts(self) -> list[list[str]]:
        return [[flag_label(f, self.lang) for f in flags] for flags in self.rows.flags]

    # -- what a cell shows

    @property
    def column_count(self) -> int:
        return len(self.positions)

    def column(self, position: int) -> Column | None:
        """The register column shown at ``position``; None for the flags column."""
        shown = self.positions[position]
        return None if shown is None else self.rows.columns[self.visible[shown]]

    def header(self, position: int) -> str:
        column = self.column(position)
        if column is None:
            return "注意" if self.lang == "ja" else "Attention"
        return column.label(self.lang)

    def text(self, row: int, position: int) -> str:
        shown = self.positions[position]
        if shown is None:
            return "、".join(flag_label(f, self.lang) for f in self.rows.flags[row])
        return self.formatters[shown](self.rows.rows[row][self.visible[shown]])

    def value(self, row: int, position: int) -> Any:
        shown = self.positions[position]
        if shown is None:
            return len(self.rows.flags[row]) or None
        return self.rows.rows[row][self.visible[shown]]

    # -- which rows, in which order

    def years(self) -> list[str]:
        """The years the register's year column holds, newest first (for a year filter)."""
        key = self.rows.register.year_key
        if key is None:
            return []
        at = self.rows.index(key)
        column = self.rows.columns[at]
        formatter = _formatter(column, self.lang)
        return sorted({formatter(row[at])[:4] for row in self.rows.rows if row[at] is not None}, reverse=True)

    def apply(
        self, query: str, status: str, filters: dict[str, str] | None = None, year: str | None = None
    ) -> None:
        """Filter by search words (every word somewhere in the row), by status, by the
        register's extra coded columns (``filters``: key -> code) and by year."""
        words = fold(query).split()
        if words and not self.haystack:
            self.haystack = self.search_index()  # not built in the background yet
        register = self.rows.register
        rows, flags, haystack = self.rows.rows, self.rows.flags, self.haystack
        # People have no status: the active ones have not left, or still hold something.
        # Other registers without a status (plans) are always active.
        status_key = register.status_key or ("left_on" if register.key == "people" else None)
        at = self.rows.index(status_key) if status_key else -1
        order = self._sorted
        # One comprehension per condition: a Python call per row would double the time.
        if status == FLAGGED:
            order = [i for i in order if flags[i]]
        elif status in (ACTIVE, ALL) and status_key is None:
            pass
        elif status == ACTIVE and register.status_key is None:
            order = [i for i in order if rows[i][at] is None or flags[i]]
        elif status == ACTIVE:
            closed = register.closed_statuses
            order = [i for i in order if rows[i][at] not in closed]
        elif status != ALL:
            order = [i for i in order if rows[i][at] == status]
        for key, code in (filters or {}).items():
            at_key = self.rows.index(key)
            order = [i for i in order if rows[i][at_key] == code]
        if year and register.year_key:
            at_year = self.rows.index(register.year_key)
            formatter = _formatter(self.rows.columns[at_year], self.lang)  # local time, not UTC
            order = [
                i
                for i in order
                if rows[i][at_year] is not None and formatter(rows[i][at_year]).startswith(year)
            ]
        for word in words:
            order = [i for i in order if word in haystack[i]]
        self.order = list(order) if order is self._sorted else order

    def sort(self, position: int | None, descending: bool) -> None:
        """Sort every row by a visible column (None: as loaded); filters keep this order."""
        self.sort_column, self.descending = position, descending
        if position is None:
            self._sorted = list(range(len(self.rows.rows)))
        else:
            column = self.column(position)
            is_code = column is not None and column.kind == "code"
            sort_value = self.text if is_code else self.value  # codes sort by their label
            keys: list[Any] = [sort_value(i, position) for i in range(len(self.rows.rows))]
            # Blanks go last in either direction; text compares folded (width, case, kana).
            filled = [i for i, key in enumerate(keys) if key is not None and key != ""]
            if filled and isinstance(keys[filled[0]], str):
                cache: dict[str, str] = {}
                for i in filled:
                    keys[i] = cache.get(keys[i]) or cache.setdefault(keys[i], fold(keys[i]))
            filled.sort(key=keys.__getitem__, reverse=descending)
            blank = [i for i, key in enumerate(keys) if key is None or key == ""]
            self._sorted = filled + blank
        shown = set(self.order)
        self.order = [i for i in self._sorted if i in shown]

    def row_of_id(self, record_id: int) -> int | None:
        try:
            return self.rows.ids.index(record_id)
        except ValueError:
            return None

    def keep_shown(self, record_id: int) -> None:
        """Show a record the filters leave out (one just closed, still in the form), at its
        place in the sort order, until the next filter or reload."""
        row = self.row_of_id(record_id)
        if row is None or row in self.order:
            return
        rank = {i: n for n, i in enumerate(self._sorted)}
        at = next((n for n, i in enumerate(self.order) if rank[i] > rank[row]), len(self.order))
        self.order.insert(at, row)
