"""Help → About: the version, where the data lives, and the licences of what the app bundles.

The notices are files in ``resources/`` (bundled with the wheel and the frozen build), so the
office manager can read them without the internet: ``licenses/THIRD_PARTY_NOTICES.txt`` (every
bundled component, with its copyright and licence), the GNU LGPL and GPL texts (Qt, PySide6)
and the font's SIL Open Font License.
"""

from __future__ import annotations

import html
import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sme_guard import __version__, paths

# (key, file under resources/), in the order of the dialog's list; the first is shown first.
NOTICE_FILES = (
    ("notices", Path("licenses") / "THIRD_PARTY_NOTICES.txt"),
    ("ofl", Path("fonts") / "OFL.txt"),
    ("lgpl", Path("licenses") / "LGPL-3.0.txt"),
    ("gpl", Path("licenses") / "GPL-3.0.txt"),
    ("lgpl21", Path("licenses") / "LGPL-2.1.txt"),
)


def _link(path: Path) -> str:
    # The visible text is the plain path; the href carries the file URL to open.
    url = QUrl.fromLocalFile(str(path)).toString(QUrl.ComponentFormattingOption.FullyEncoded)
    return f'<a href="{html.escape(url)}">{html.escape(str(path))}</a>'


class AboutDialog(QDialog):
    def __init__(self, database: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About SME Guard"))
        self.resize(720, 620)
        self.data_folder = paths.data_dir()

        heading = QLabel(
            self.tr(
                "<h3>SME Guard {version}</h3><p>Information-security registers, incident log, "
                "continuity plans and self-assessment for a small office, after the JNSA guideline.</p>"
            ).format(version=__version__)
        )
        heading.setWordWrap(True)

        self.version_label = QLabel(__version__)
        self.components_label = QLabel(
            self.tr("Python {python}, Qt {qt}, PySide6 {pyside}").format(
                python=platform.python_version(), qt=qVersion(), pyside=PySide6.__version__
            )
        )
        self.database_label = QLabel(str(database) if database else self.tr("(not open)"))
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label = QLabel(_link(self.data_folder))
        self.folder_label.setToolTip(self.tr("Open the data folder"))
        self.folder_label.setOpenExternalLinks(False)  # opened here, so tests can see it
        self.folder_label.linkActivated.connect(self.open_data_folder)
        for label in (self.database_label, self.folder_label):
            label.setWordWrap(True)

        facts = QFormLayout()
        facts.addRow(self.tr("Version:"), self.version_label)
        facts.addRow(self.tr("Components:"), self.components_label)
        facts.addRow(self.tr("Database:"), self.database_label)
        facts.addRow(self.tr("Data folder:"), self.folder_label)

        self.notice_choice = QComboBox()
        titles = {
            "notices": self.tr("Bundled software and their licences"),
            "ofl": self.tr("SIL Open Font License 1.1 (BIZ UDGothic font)"),
            "lgpl": self.tr("GNU Lesser General Public License v3 (Qt, PySide6)"),
            "gpl": self.tr("GNU General Public License v3 (part of the LGPL)"),
            "lgpl21": self.tr("GNU Lesser General Public License v2.1 (libiconv, inside lxml)"),
        }
        for key, _file in NOTICE_FILES:
            self.notice_choice.addItem(titles[key], key)
        self.notices = QPlainTextEdit()
        self.notices.setObjectName("licence_text")  # legal texts, shown as written (English)
        self.notices.setReadOnly(True)
        self.notices.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.notices.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.notice_choice.currentIndexChanged.connect(self._show_notice)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(facts)
        layout.addWidget(QLabel(self.tr("Licences:")))
        layout.addWidget(self.notice_choice)
        layout.addWidget(self.notices, 1)
        layout.addWidget(buttons)
        self._show_notice()

    def _show_notice(self, _index: int = 0) -> None:
        key = self.notice_choice.currentData()
        file = dict(NOTICE_FILES)[key]
        try:
            text = (paths.resources_dir() / file).read_text(encoding="utf-8")
        except OSError as exc:  # a damaged installation: say which file is missing
            text = self.tr("The file {file} could not be read: {error}").format(file=file, error=exc)
        self.notices.setPlainText(text)

    def open_data_folder(self, _href: str = "") -> None:
        """Opens the folder in Explorer (the file manager elsewhere)."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_folder)))
