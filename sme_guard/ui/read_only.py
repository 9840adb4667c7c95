"""How the main window says that the database was opened read-only (it is on a CD-R, a
write-protected USB stick or a read-only share): a badge beside the tabs, with the why."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

BADGE_STYLE = "QLabel { background: #fff4ce; color: #5c4400; border: 1px solid #e0c36b; padding: 2px 8px; }"


def read_only_badge() -> QLabel:
    badge = QLabel(QCoreApplication.translate("ReadOnly", "Read-only: saving is off"))
    badge.setObjectName("read_only_badge")
    badge.setStyleSheet(BADGE_STYLE)
    badge.setToolTip(
        QCoreApplication.translate(
            "ReadOnly",
            "This database is on media that cannot be written (a CD-R, a write-protected USB "
            "stick, a read-only share). You can view, search, export, print and check it. To make "
            "changes, copy it to a folder that can be written and open it there.",
        )
    )
    return badge
