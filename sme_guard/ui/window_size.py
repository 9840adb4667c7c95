"""The main window's first size: it fits the screen it opens on, and starts maximised where the
screen is small (a 1366x768 laptop); a kept geometry is used as it was, pulled back onto a
smaller screen than the one it was saved on."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QWidget

PREFERRED = QSize(1200, 780)
# Below this the window starts maximised: the tables and the form need every pixel.
SMALL_SCREEN = QSize(1440, 900)


def _available(window: QWidget) -> QRect | None:
    screen = window.screen()
    return screen.availableGeometry() if screen is not None else None


def fit_to_screen(window: QWidget) -> None:
    area = _available(window)
    if area is None:
        window.resize(PREFERRED)
        return
    size = PREFERRED.boundedTo(area.size() * 0.95)
    window.resize(size)
    window.move(area.center() - window.rect().center())
    if area.width() < SMALL_SCREEN.width() or area.height() < SMALL_SCREEN.height():
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def keep_on_screen(window: QWidget) -> None:
    area = _available(window)
    if area is None or window.isMaximized():
        return
    if window.width() > area.width() or window.height() > area.height():
        window.resize(window.size().boundedTo(area.size()))
    frame = window.frameGeometry()
    if not area.intersects(frame):
        window.move(area.topLeft())
