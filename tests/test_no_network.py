"""The app opens no network socket: a whole GUI session (every tab and sub-tab shown, an
Excel export and PDFs saved) creates no internet socket, makes no connection and looks up
no host name.

Three watches at once: Python's audit events (every ``socket`` made or connected and every
name looked up, whoever does it), ``socket`` itself monkeypatched (an internet socket is
refused), and the kernel's view: a thread keeps reading this process's open files in
/proc/self/fd against the internet sockets in /proc/self/net/{tcp,udp,raw}{,6}, which also
sees sockets that Qt's C++ opens without Python. Unix-domain sockets (X, D-Bus) are allowed.
"""

from __future__ import annotations

import socket
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QTabWidget
from pytestqt.qtbot import QtBot

from sme_guard.db.database import open_database
from sme_guard.domain.registers import MEDIA, PEOPLE
from sme_guard.services.registers import save_record

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/net/tcp").exists(), reason="reads the kernel's socket tables in /proc (Linux)"
)

INET = (socket.AF_INET, socket.AF_INET6)
NET_TABLES = ("tcp", "tcp6", "udp", "udp6", "udplite", "udplite6", "raw", "raw6")

# --- what Python does: audit events (a hook cannot be removed, so it records only while on)

_audit: dict[str, Any] = {"on": False, "seen": []}


def _audit_hook(event: str, args: tuple[Any, ...]) -> None:
    if not _audit["on"] or not event.startswith("socket."):
        return
    if event == "socket.__new__":
        if args[1] in INET:
            _audit["seen"].append((event, args[1:]))
    elif event in ("socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"):
        address = args[1] if len(args) > 1 else None
        if not isinstance(address, str | bytes):  # a Unix socket's address is a path
            _audit["seen"].append((event, address))
    elif event in (
        "socket.getaddrinfo",
        "socket.gethostbyname",
        "socket.gethostbyaddr",
        "socket.getnameinfo",
    ):
        _audit["seen"].append((event, args))


sys.addaudithook(_audit_hook)


# --- what the kernel sees ----------------------------------------------------------------------


def _socket_inodes() -> set[int]:
    """The inodes of the sockets this process has open."""
    found = set()
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = str(fd.readlink())
        except OSError:  # closed meanwhile
            continue
        if target.startswith("socket:["):
            found.add(int(target[len("socket:[") : -1]))
    return found


def _inet_inodes() -> set[int]:
    """The inodes of every internet socket the kernel lists (bound, listening or connected)."""
    found = set()
    for table in NET_TABLES:
        try:
            lines = Path(f"/proc/self/net/{table}").read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if len(fields) > 9:
                found.add(int(fields[9]))
    return found


def _unix_inodes() -> set[int]:
    lines = Path("/proc/self/net/unix").read_text().splitlines()[1:]
    return {int(line.split()[6]) for line in lines if len(line.split()) > 6}


def _inet_sockets() -> set[int]:
    return _socket_inodes() & _inet_inodes()


class _Watch:
    """Samples the process's sockets every few milliseconds while the session runs."""

    def __init__(self) -> None:
        self.before = _socket_inodes()
        self.inet: set[int] = set()
        self.other: set[int] = set()  # neither Unix nor internet: listed for the message
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.005):
            self.sample()

    def sample(self) -> None:
        new = _socket_inodes() - self.before
        if new:
            self.inet |= new & _inet_inodes()
            self.other |= new - _unix_inodes() - self.inet
        self.samples += 1

    def __enter__(self) -> _Watch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()


def test_the_watch_sees_an_internet_socket() -> None:
    """The kernel-side watch works: a UDP socket bound to the loopback is seen (no traffic)."""
    with _Watch() as watch:
        probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            probe.bind(("127.0.0.1", 0))
            watch.sample()
            assert watch.inet
        finally:
            probe.close()


@pytest.fixture
def refused(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, Any]]]:
    """``socket`` itself refuses internet sockets, connections and name look-ups (and says so)."""
    tried: list[tuple[str, Any]] = []
    original_init = socket.socket.__init__

    def init(
        self: socket.socket, family: Any = -1, type: Any = -1, proto: Any = -1, fileno: Any = None
    ) -> None:
        if family in INET or (family == -1 and fileno is None):  # the default family is AF_INET
            tried.append(("socket", family))
            raise OSError("no network in SME Guard")
        original_init(self, family, type, proto, fileno)

    def connect(self: socket.socket, address: Any) -> None:
        tried.append(("connect", address))
        raise OSError("no network in SME Guard")

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        tried.append(("create_connection", address))
        raise OSError("no network in SME Guard")

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> list[Any]:
        tried.append(("getaddrinfo", host))
        raise socket.gaierror("no network in SME Guard")

    monkeypatch.setattr(socket.socket, "__init__", init)
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    _audit["seen"] = []
    _audit["on"] = True
    try:
        yield tried
    finally:
        _audit["on"] = False


def _show_every_tab(qapp: QApplication, qtbot: QtBot, window: Any, watch: _Watch) -> int:
    """Every tab of the window, then every sub-tab they built; returns how many were shown."""
    shown = 0
    done: set[tuple[int, int]] = set()
    while True:
        tabs = [(w, i) for w in window.findChildren(QTabWidget) for i in range(w.count())]
        todo = [(w, i) for w, i in tabs if (id(w), i) not in done]
        if not todo:
            return shown
        for widget, index in todo:
            done.add((id(widget), index))
            widget.setCurrentIndex(index)
            qapp.processEvents()
            qtbot.wait(30)
            watch.sample()
            shown += 1


def test_a_whole_gui_session_opens_no_network_socket(
    qapp: QApplication,
    qtbot: QtBot,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    refused: list[tuple[str, Any]],
) -> None:
    from sme_guard.ui import dialogs
    from sme_guard.ui.app import configure_application
    from sme_guard.ui.main_window import MainWindow
    from sme_guard.ui.tasks import SynchronousRunner

    database = open_database(db_path)  # something to list, export and print
    person = save_record(
        database, PEOPLE, None, {"name": "山田 太郎", "employment_type": "regular", "role": "employee"}
    )
    save_record(
        database,
        MEDIA,
        None,
        {
            "asset_number": "M-001",
            "kind": "usb_memory",
            "quantity": 1,
            "status": "in_use",
            "custodian_id": person,
        },
    )
    database.close()
    saved: list[Path] = []
    errors: list[str] = []

    def save_file(_parent: Any, _title: str, name: str, _filter: str) -> Path:
        saved.append(tmp_path / "out" / name)
        saved[-1].parent.mkdir(exist_ok=True)
        return saved[-1]

    monkeypatch.setattr(dialogs, "save_file", save_file)
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, text: errors.append(text))

    with _Watch() as watch:
        configure_application(qapp, "ja")
        window = MainWindow("ja", SynchronousRunner())
        qtbot.addWidget(window)
        window.resize(1200, 800)
        window.show()
        window.open_database(db_path)
        assert window.database is not None
        shown = _show_every_tab(qapp, qtbot, window, watch)
        media = window.assets_tab.registers["media"]
        media.toolbar_actions["export"].trigger()
        media.toolbar_actions["stocktake_sheet"].trigger()
        window.people_tab.toolbar_actions["export"].trigger()
        qtbot.waitUntil(lambda: len(saved) == 3 and all(p.exists() and p.stat().st_size for p in saved))
        watch.sample()
        window.close()
        qapp.processEvents()
        window.runner.wait()

    assert errors == []
    assert shown >= 9  # seven tabs, the three asset registers among them
    assert [p.suffix for p in saved] == [".xlsx", ".pdf", ".xlsx"]
    assert refused == [], f"socket was asked for the network: {refused}"
    assert _audit["seen"] == [], f"Python touched the network: {_audit['seen']}"
    assert watch.samples > 10
    assert watch.inet == set(), f"internet sockets opened during the session: {watch.inet}"
    assert watch.other == set(), f"sockets of an unexpected kind: {watch.other}"
