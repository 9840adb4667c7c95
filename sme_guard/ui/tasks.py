"""Work off the GUI thread: database and file work runs on a QThreadPool and reports back
on the GUI thread. Tests swap in ``SynchronousRunner`` so results arrive at once."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class Progress(QObject):
    """Handed to long work: it reports progress (queued to the GUI thread) and asks whether
    the user cancelled. Safe to call from the worker thread."""

    changed = Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        self._cancel = threading.Event()

    def report(self, done: int, total: int) -> None:
        self.changed.emit(done, total)

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Relay(QObject):
    """Lives in the GUI thread; signals emitted from a worker are queued to it."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, on_done: Done, on_error: Failed) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self.finished.connect(self._done)
        self.failed.connect(self._error)

    @Slot(object)
    def _done(self, result: Any) -> None:
        self._on_done(result)

    @Slot(object)
    def _error(self, error: BaseException) -> None:
        self._on_error(error)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as exc:  # handed to the GUI thread, which shows or logs it
            self._report(self._relay.failed, exc)
        else:
            self._report(self._relay.finished, result)

    @staticmethod
    def _report(signal: Any, value: Any) -> None:
        try:
            signal.emit(value)
        except RuntimeError:
            # The application is quitting and the relay is gone: nobody is left to tell.
            log.debug("result of background work dropped at exit")


class Runner:
    """Runs work on the global thread pool."""

    def __init__(self) -> None:
        self._relays: set[_Relay] = set()

    def submit(self, work: Callable[[], Any], on_done: Done, on_error: Failed) -> None:
        relay = _Relay(on_done, on_error)
        self._relays.add(relay)  # keep it alive until the worker reports
        for signal in (relay.finished, relay.failed):
            signal.connect(lambda _value: self._relays.discard(relay))
        QThreadPool.globalInstance().start(_Job(work, relay))

    def wait(self) -> None:
        QThreadPool.globalInstance().waitForDone()


class SynchronousRunner(Runner):
    """Runs work at once on the calling thread (tests, command line)."""

    def submit(self, work: Callable[[], Any], on_done: Done, on_error: Failed) -> None:
        try:
            result = work()
        except Exception as exc:
            on_error(exc)
        else:
            on_done(result)
