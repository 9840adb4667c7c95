"""A tab whose feature has not been built yet says so, and says what will be there."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget


class EmptyState(QWidget):
    def __init__(self, title: str, text: str, note: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(title)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.body = QLabel(f'<p style="line-height: 150%">{html.escape(text)}</p>')
        self.note = QLabel(note)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        self.note.setVisible(bool(note))
        column = QWidget()
        column.setMinimumWidth(360)
        column.setMaximumWidth(640)
        column_layout = QVBoxLayout(column)
        self.body.setTextFormat(Qt.TextFormat.RichText)  # for the line height Japanese needs
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        for label in (self.heading, self.body, self.note):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            column_layout.addWidget(label)
        # Stretches on both sides, not an alignment flag: a word-wrapped label only gets its
        # full height when the layout hands it a definite width.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 3)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
