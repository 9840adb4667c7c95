"""Editing the office's own task sheet or control item, field by field as the legend lists
them (0.凡例, 0.2). Lists are typed one entry per line; the text is kept in the UI language
and the other language gets the same text until someone translates it."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sme_guard.domain.catalog import Catalog, Term, Text
from sme_guard.services.values import Problem
from sme_guard.ui.registers.detail_page import error_label

VOCABULARIES = {
    "entities": "entities",
    "impacts": "impacts",
    "threats": "threats",
    "responsibility": "responsibilities",
}
TEXTS = ("objective", "weakness", "risk_scenario")
LISTS = ("technical_measures", "human_measures", "points")
# How a typed measure line says it is (参考): as the guideline writes it, full or half width.
REFERENCE_MARKS = ("(参考)", "（参考）", "(reference)")
RELATED_LINE = re.compile(r"^\s*(\d+)\s*[:：]\s*([\d,、\s]+)$")


def _text(value: Any, lang: str) -> str:
    if isinstance(value, Text):
        return value.get(lang)
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("ja") or "")
    return "" if value is None else str(value)


def _box(text: str = "", height: int = 60) -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setFixedHeight(height)
    return box


def _lines(box: QPlainTextEdit) -> list[str]:
    return [line.strip() for line in box.toPlainText().splitlines() if line.strip()]


class _EntryDialog(QDialog):
    save_requested = Signal()

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 760)
        self.form = QFormLayout()
        inner = QWidget()
        inner.setLayout(self.form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.errors = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.errors)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save_requested)
        self.buttons.rejected.connect(self.reject)
        self.labels: dict[str, str] = {}

    def add_row(self, key: str, caption: str, widget: Any) -> None:
        self.labels[key] = caption
        self.form.addRow(caption, widget)

    def show_problems(self, problems: dict[str, Problem], lang: str) -> None:
        lines = []
        for key, problem in problems.items():
            field = key.split(".")[0]
            where = self.labels.get(field, key)
            position = key.split(".")[1] if key.count(".") and key.split(".")[1].isdigit() else None
            if position is not None:
                where += f" ({int(position) + 1})"
            lines.append(f"{where}: {problem.message(lang)}")
        self.errors.setText("\n".join(lines))
        self.errors.show()


class SheetEditor(_EntryDialog):
    """Every field of the task-sheet template; the legend's own labels and check boxes."""

    def __init__(
        self, catalog: Catalog, data: dict[str, Any], lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Own task sheet"), parent)
        self.lang = lang
        self.data = data
        fields = {f.code: f.label.get(lang) for f in catalog.legend.sheet_fields}
        number = data.get("number")
        self.number = QLabel(f"No.{number}" if number else self.tr("numbered when saved"))
        self.add_row("number", fields.get("number", "No."), self.number)
        self.title_edit = QLineEdit(_text(data.get("title"), lang))
        self.add_row("title", self.tr("Task"), self.title_edit)
        self.phase = QComboBox()
        self.phase.addItem("", "")
        for phase in catalog.legend.phases:
            self.phase.addItem(phase.label.get(lang), phase.code)
        self.phase.setCurrentIndex(max(0, self.phase.findData(data.get("phase") or "")))
        self.add_row("phase", self.tr("Phase"), self.phase)
        self.boxes: dict[str, dict[str, QCheckBox]] = {}
        for key, vocabulary in VOCABULARIES.items():
            terms: list[Term] = getattr(catalog.legend, vocabulary)
            grid = QGridLayout()
            boxes = {}
            for index, term in enumerate(terms):
                box = QCheckBox(term.label.get(lang))
                box.setChecked(term.code in (data.get(key) or ()))
                boxes[term.code] = box
                grid.addWidget(box, index // 2, index % 2)
            self.boxes[key] = boxes
            holder = QWidget()
            holder.setLayout(grid)
            self.add_row(key, fields.get(key, key), holder)
        self.texts = {key: _box(_text(data.get(key), lang)) for key in TEXTS}
        for key, text_box in self.texts.items():
            self.add_row(key, fields.get(key, key), text_box)
        hint = self.tr("one per line")
        self.lists = {key: _box("\n".join(_text(v, lang) for v in data.get(key) or []), 80) for key in LISTS}
        for key, list_box in self.lists.items():
            list_box.setPlaceholderText(hint)
            self.add_row(key, fields.get(key, key), list_box)
        self.notes = _box(_text(data.get("notes"), lang), 44)
        self.add_row("notes", fields.get("notes", "notes"), self.notes)
        related = [
            f"{r['item'] if isinstance(r, dict) else r.item}: "
            + ", ".join(str(n) for n in (r["measures"] if isinstance(r, dict) else r.measures))
            for r in data.get("related_measures") or []
        ]
        self.related = _box("\n".join(related), 60)
        self.related.setPlaceholderText(self.tr("item: measures, one item per line, e.g. 9: 1, 2"))
        self.add_row("related_measures", fields.get("related_measures", "related"), self.related)

    def values(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "title": self.title_edit.text(),
            "phase": self.phase.currentData(),
            **{key: [c for c, box in boxes.items() if box.isChecked()] for key, boxes in self.boxes.items()},
            **{key: box.toPlainText().strip() for key, box in self.texts.items()},
            **{key: _lines(box) for key, box in self.lists.items()},
            "notes": self.notes.toPlainText().strip() or None,
            "related_measures": self._related(),
        }
        if self.data.get("number"):
            data["number"] = self.data["number"]
        return data

    def _related(self) -> list[Any]:
        related: list[Any] = []
        for line in _lines(self.related):
            match = RELATED_LINE.match(line)
            if match is None:
                related.append(line)  # refused by the service, named with its line
                continue
            numbers = [int(n) for n in re.split(r"[,、\s]+", match[2]) if n]
            related.append({"item": int(match[1]), "measures": numbers})
        return related


class ItemEditor(_EntryDialog):
    """An own control item: title, 管理目的, 管理策 (a line starting (参考) is a reference
    measure), 運用で心がけるポイント."""

    def __init__(
        self, catalog: Catalog, data: dict[str, Any], lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Own control item"), parent)
        self.data = data
        fields = {f.code: f.label.get(lang) for f in catalog.legend.item_fields}
        number = data.get("number")
        self.add_row(
            "number", self.tr("No."), QLabel(str(number) if number else self.tr("numbered when saved"))
        )
        self.title_edit = QLineEdit(_text(data.get("title"), lang))
        self.add_row("title", self.tr("Control item"), self.title_edit)
        self.objective = _box(_text(data.get("objective"), lang))
        self.add_row("objective", fields.get("objective", "objective"), self.objective)
        reference = REFERENCE_MARKS[0]
        measures = [
            (reference if (m.get("reference") if isinstance(m, dict) else m.reference) else "")
            + _text(m.get("text") if isinstance(m, dict) else m.text, lang)
            for m in data.get("measures") or []
        ]
        self.measures = _box("\n".join(measures), 120)
        self.measures.setPlaceholderText(
            self.tr("one per line; start a line with (参考) for a reference measure")
        )
        self.add_row("measures", fields.get("measures", "measures"), self.measures)
        points = [
            _text(p.get("text") if isinstance(p, dict) else p.text, lang) for p in data.get("points") or []
        ]
        self.points = _box("\n".join(points), 80)
        self.points.setPlaceholderText(self.tr("one per line"))
        self.add_row("points", fields.get("points", "points"), self.points)

    def values(self) -> dict[str, Any]:
        measures = []
        for line in _lines(self.measures):
            mark = next((m for m in REFERENCE_MARKS if line.startswith(m)), None)
            text = line.removeprefix(mark).strip() if mark else line
            measures.append({"text": text, "reference": mark is not None})
        data: dict[str, Any] = {
            "title": self.title_edit.text(),
            "objective": self.objective.toPlainText().strip(),
            "measures": measures,
            "points": _lines(self.points),
        }
        if self.data.get("number"):
            data["number"] = self.data["number"]
        return data
