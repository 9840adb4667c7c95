"""Column names are never cut silently: a narrow header ends in "…" and hovering it shows the
whole name; a model's own header tooltip is left to say more."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView, QToolTip
from pytestqt.qtbot import QtBot

from sme_guard.ui.headers import full_names


def _hover(view: QTableView, column: int) -> str:
    header = view.horizontalHeader()
    point = QPoint(header.sectionViewportPosition(column) + 5, header.height() // 2)
    QToolTip.hideText()
    QApplication.sendEvent(
        header.viewport(), QHelpEvent(QEvent.Type.ToolTip, point, header.viewport().mapToGlobal(point))
    )
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_a_cut_header_ends_in_an_ellipsis_and_names_itself_in_full(qtbot: QtBot, qtmodeltester: Any) -> None:
    model = QStandardItemModel(1, 2)
    model.setHorizontalHeaderLabels(["資産番号", "最終パッチ適用日"])
    model.setHeaderData(
        0, Qt.Orientation.Horizontal, "台帳の番号(ラベルの QR コード)", Qt.ItemDataRole.ToolTipRole
    )
    qtmodeltester.check(model)
    view = full_names(QTableView())
    qtbot.addWidget(view)
    view.setModel(model)
    view.setColumnWidth(1, 40)
    view.show()
    qtbot.waitExposed(view)
    assert view.horizontalHeader().textElideMode() == Qt.TextElideMode.ElideRight
    assert _hover(view, 1) == "最終パッチ適用日"
    assert _hover(view, 0) == "台帳の番号(ラベルの QR コード)"  # the model's own tooltip
