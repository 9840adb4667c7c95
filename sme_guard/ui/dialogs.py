"""Every message box and file dialog goes through here, so tests patch one module."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from sme_guard.ui.icons import icon


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def show_info(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.information(parent, title, message)


def confirm(parent: QWidget | None, title: str, question: str) -> bool:
    answer = QMessageBox.question(
        parent, title, question, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    )
    return answer == QMessageBox.StandardButton.Yes


def ask(parent: QWidget | None, title: str, text: str, accept: str, reject: str) -> bool:
    """A question with two named answers; True for ``accept``."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    accept_button = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(reject, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(accept_button)
    box.exec()
    return box.clickedButton() is accept_button


def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def save_file(parent: QWidget | None, title: str, suggested_name: str, filter_text: str) -> Path | None:
    """A file to write, starting in Documents; None when cancelled."""
    start = str(Path(_documents()) / suggested_name)
    path, _selected = QFileDialog.getSaveFileName(parent, title, start, filter_text)
    return Path(path) if path else None


def open_file(parent: QWidget | None, title: str, filter_text: str) -> Path | None:
    path, _selected = QFileDialog.getOpenFileName(parent, title, _documents(), filter_text)
    return Path(path) if path else None


def file_written(parent: QWidget | None, path: Path) -> None:
    """A PDF or Excel file was written: say where, and offer to open it or its folder."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("Dialogs", "File saved"),
        QCoreApplication.translate("Dialogs", "Saved to {path}").format(path=path),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    open_file = box.addButton(
        QCoreApplication.translate("Dialogs", "Open"), QMessageBox.ButtonRole.AcceptRole
    )
    open_file.setIcon(icon("external-link"))
    open_folder = box.addButton(
        QCoreApplication.translate("Dialogs", "Open folder"), QMessageBox.ButtonRole.ActionRole
    )
    open_folder.setIcon(icon("folder-open"))
    box.addButton(QCoreApplication.translate("Dialogs", "Close"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(open_file)
    box.exec()
    if box.clickedButton() is open_file:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    elif box.clickedButton() is open_folder:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


def ask_unsaved(parent: QWidget | None) -> str:
    """Save / Don't save / Cancel, as Windows apps ask before unsaved edits are lost."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("Dialogs", "Unsaved changes"),
        QCoreApplication.translate(
            "Dialogs", "The record in the form has changes that are not saved. Save them?"
        ),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    save = box.addButton(QCoreApplication.translate("Dialogs", "Save"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(
        QCoreApplication.translate("Dialogs", "Don't save"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.addButton(QCoreApplication.translate("Dialogs", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.exec()
    clicked = box.clickedButton()
    return SAVE if clicked is save else DISCARD if clicked is discard else CANCEL


def ask_drafts(parent: QWidget | None, parts: list[str]) -> str:
    """Before closing: DISCARD the unsaved drafts ``parts`` (named), or CANCEL to go back to them."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("Dialogs", "Unsaved changes"),
        QCoreApplication.translate("Dialogs", "These have changes that are not saved:\n{parts}").format(
            parts="\n".join(f"・{part}" for part in parts)
        ),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    discard = box.addButton(
        QCoreApplication.translate("Dialogs", "Close without saving"), QMessageBox.ButtonRole.DestructiveRole
    )
    back = box.addButton(QCoreApplication.translate("Dialogs", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)
    box.exec()
    return DISCARD if box.clickedButton() is discard else CANCEL
