"""A second start on the same database brings the first window forward instead.

The running app listens on a local socket (``QLocalServer``: a named pipe on Windows, a Unix
domain socket elsewhere; never a network socket) whose name is a hash of the user and the
database path. The second start, refused by the database's instance lock
(``sme_guard.db.lock``), asks the user, sends ``show`` and quits.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from sme_guard.ui import dialogs

log = logging.getLogger(__name__)

SHOW = b"show\n"
TIMEOUT_MS = 2000


def server_name(database: Path) -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        user = str(os.getuid()) if hasattr(os, "getuid") else ""
    key = f"{user}\n{os.path.normcase(str(database.expanduser().resolve()))}"
    return "sme-guard-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


class InstanceServer(QObject):
    """Listens for later starts on the same database; ``show_requested`` when one asks."""

    show_requested = Signal()

    def __init__(self, database: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(database)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._connected)

    def listen(self) -> bool:
        # The caller holds the database's lock, so a socket of this name is a crash's leftover.
        QLocalServer.removeServer(self.name)
        if not self.server.listen(self.name):
            log.warning("cannot listen for other starts: %s", self.server.errorString())
            return False
        return True

    def close(self) -> None:
        self.server.close()

    def _connected(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(self._ready)
            socket.disconnected.connect(socket.deleteLater)
            self._read(socket)  # what arrived with the connection

    @Slot()
    def _ready(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if socket.bytesAvailable() and SHOW.strip() in bytes(socket.readAll().data()):
            self.show_requested.emit()


def _send(database: Path, message: bytes) -> bool:
    socket = QLocalSocket()
    socket.connectToServer(server_name(database))
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    sent = True
    if message:
        socket.write(message)
        sent = socket.waitForBytesWritten(TIMEOUT_MS)
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(TIMEOUT_MS)
    return sent


def has_window(database: Path) -> bool:
    """Whether a running SME Guard window listens for ``database`` (asks it nothing)."""
    return _send(database, b"")


def ask_to_show(database: Path) -> bool:
    """Ask the window working on ``database`` to come to the front."""
    if sys.platform == "win32":  # pragma: no cover - let the other process take the foreground
        import ctypes

        ctypes.windll.user32.AllowSetForegroundWindow(-1)  # ASFW_ANY
    return _send(database, SHOW)


def second_start(database: Path) -> int:
    """The database is locked by another SME Guard: say so; show its window or quit."""
    title = QCoreApplication.translate("SingleInstance", "SME Guard is already open")
    if not has_window(database):  # a command (import, restore) is working on it
        message = QCoreApplication.translate(
            "SingleInstance",
            "The database {path} is in use by another SME Guard without a window (a "
            "command-line import or restore). Try again when it has finished.",
        )
        dialogs.show_error(None, title, message.format(path=database))
        return 1
    question = QCoreApplication.translate(
        "SingleInstance",
        "SME Guard is already open with the database {path}.\n\n"
        "Only one SME Guard works on a database at a time, so that no change is lost. "
        "Bring the open window to the front, or quit?",
    ).format(path=database)
    show = QCoreApplication.translate("SingleInstance", "Show the open window")
    if dialogs.ask(None, title, question, show, QCoreApplication.translate("SingleInstance", "Quit")):
        ask_to_show(database)
    return 0
