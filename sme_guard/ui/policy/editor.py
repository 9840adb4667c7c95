"""The form of one version of the basic policy or the security rules: the title, the basic
policy's sections (heading and text each) or the rules' introduction with a preview of the
rules drawn from the records, and a note. Read-only once issued."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sme_guard.domain.codes import PolicyKind
from sme_guard.exchange.policy_export import web_page
from sme_guard.services.details import DetailInvalidError
from sme_guard.services.policies import PolicyDocument
from sme_guard.ui.guidelines.editor import plain_label, show_error
from sme_guard.ui.registers.detail_page import error_label


def _text_box(height: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setMinimumHeight(height)
    box.setTabChangesFocus(True)
    return box


class SectionEditor(QFrame):
    """One section of the basic policy: its heading and its text."""

    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.number = QLabel(f"{number}.")
        self.heading = QLineEdit()
        self.body = _text_box(70)
        self.error = error_label()
        form = QFormLayout(self)
        form.addRow(self.number, self.heading)
        form.addRow(self.body)
        form.addRow(self.error)


class PolicyEditor(QWidget):
    """The version shown: a draft to edit, or an issued version to read."""

    changed = Signal()

    def __init__(self, kind: PolicyKind, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind, self.lang = kind, lang
        self.document: PolicyDocument | None = None
        self.sections: dict[str, SectionEditor] = {}
        self.dirty = False
        self._filling = False

        self.state = plain_label()
        self.errors = error_label()
        self.title = QLineEdit()
        self.title_error = error_label()
        self.intro = _text_box(90)
        self.intro_error = error_label()
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.notes = _text_box(44)
        self.notes.setMaximumHeight(80)
        self.notes.setPlaceholderText(self.tr("For the office only; not printed"))
        for signal in (self.title.textEdited, self.intro.textChanged, self.notes.textChanged):
            signal.connect(self._edited)

        inner = QWidget()
        self.form = QFormLayout(inner)
        self.form.addRow(self.tr("Title *"), self.title)
        self.form.addRow("", self.title_error)
        if kind is PolicyKind.RULES:
            self.form.addRow(self.tr("Introduction *"), self.intro)
            self.form.addRow("", self.intro_error)
        self.section_list = QVBoxLayout()
        self.form.addRow(self.section_list)
        self.form.addRow(self.tr("Notes"), self.notes)
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(inner)
        self.scroller = scroller

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state)
        layout.addWidget(self.errors)
        if kind is PolicyKind.RULES:
            scroller.setMaximumHeight(260)
            layout.addWidget(scroller)
            layout.addWidget(QLabel(self.tr("The rules as they will print (drawn from the records):")))
            layout.addWidget(self.preview, 1)
        else:
            layout.addWidget(scroller, 1)
        self.show_document(None)

    def _edited(self) -> None:
        if not self._filling:
            self.dirty = True
            self.changed.emit()

    def _make_sections(self, document: PolicyDocument) -> None:
        while self.section_list.count():
            item = self.section_list.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.sections = {}
        for number, section in enumerate(document.sections, start=1):
            editor = SectionEditor(number)
            editor.heading.setText(section.heading)
            editor.body.setPlainText(section.body)
            editor.heading.textEdited.connect(self._edited)
            editor.body.textChanged.connect(self._edited)
            self.sections[section.key] = editor
            self.section_list.addWidget(editor)

    def show_document(self, document: PolicyDocument | None) -> None:
        """Show a version (None: nothing to show) and forget unsaved edits."""
        self._filling = True
        self.document = document
        self.clear_problems()
        if document is None:
            self.state.setText(self.tr("No version yet. Start one with “New version”."))
            for box in (self.title, self.intro, self.notes):
                box.clear()
            self.preview.clear()
            self.sections = {}
            self.setEnabled(False)
        else:
            self.setEnabled(True)
            info = document.info
            if info.issued_on is None:
                self.state.setText(
                    self.tr(
                        "Version {number} — draft. Edit it, save, then issue it; an issued version is "
                        "not changed again."
                    ).format(number=info.version)
                )
            else:
                self.state.setText(
                    self.tr(
                        "Version {number} — issued on {date}. An issued version is not changed: make a "
                        "new version to change it."
                    ).format(number=info.version, date=info.issued_on.isoformat())
                )
            self.title.setText(info.title)
            self.intro.setPlainText(document.intro)
            self.notes.setPlainText(info.notes or "")
            if self.kind is PolicyKind.POLICY:
                self._make_sections(document)
            else:
                self.preview.setHtml(web_page(document))
        read_only = document is None or document.info.issued
        for box in (self.title,):
            box.setReadOnly(read_only)
        for text in (self.intro, self.notes):
            text.setReadOnly(read_only)
        for editor in self.sections.values():
            editor.heading.setReadOnly(read_only)
            editor.body.setReadOnly(read_only)
        self.dirty = False
        self._filling = False

    def values(self) -> dict[str, Any]:
        """The form's content as ``policies.save_draft`` takes it."""
        return {
            "title": self.title.text(),
            "notes": self.notes.toPlainText(),
            "intro": self.intro.toPlainText(),
            "sections": {
                key: {"heading": editor.heading.text(), "body": editor.body.toPlainText()}
                for key, editor in self.sections.items()
            },
        }

    def show_problems(self, error: BaseException) -> bool:
        """Each problem under its field; False when ``error`` is not one. The office's name and
        representative are the tab's (``other`` lists what is not on this form)."""
        if not isinstance(error, DetailInvalidError):
            return False
        problems = error.problems
        for key, target in (("title", self.title_error), ("intro", self.intro_error)):
            problem = problems.get(key)
            show_error(target, problem.message(self.lang) if problem else None)
        first: QWidget | None = None
        for key, editor in self.sections.items():
            lines = [
                problems[f"{key}.{part}"].message(self.lang)
                for part in ("heading", "body")
                if f"{key}.{part}" in problems
            ]
            show_error(editor.error, "\n".join(lines) or None)
            if lines and first is None:
                first = editor
        show_error(self.errors, error.message(self.lang))
        if first is not None:
            self.scroller.ensureWidgetVisible(first)
        return True

    def clear_problems(self) -> None:
        for label in (self.errors, self.title_error, self.intro_error):
            show_error(label, None)
        for editor in self.sections.values():
            show_error(editor.error, None)
