"""The thin bridge between the phone server's thread and the GUI thread.

Server thread → GUI: :meth:`LanBridge.post` emits a queued signal carrying the work, so
it runs on the GUI thread (the game lives there). GUI → server: the session calls the
server's methods, which hop onto its loop with ``call_soon_threadsafe``.

Answers change the counts many times a second; :attr:`LanBridge.changed` is emitted at
most every :data:`REDRAW_MS` (≤ 5 Hz), never once per answer.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ..core.errors import StoreError
from ..lan.hall import PhoneHallSession

REDRAW_MS = 200


class LanBridge(QObject):
    posted = Signal(object)  # a callable to run on the GUI thread
    changed = Signal()  # joined/connected/answered changed (throttled)
    store_failed = Signal(object)  # a StoreError from the writer thread

    def __init__(self, session: PhoneHallSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.posted.connect(self._run, Qt.ConnectionType.QueuedConnection)
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setInterval(REDRAW_MS)
        self._timer.timeout.connect(self._flush)
        self._timer.start()
        session.on_change = self._mark
        session.on_error = self.store_failed.emit

    def post(self, fn: Callable[[], None]) -> None:
        """Thread-safe: run ``fn`` on the GUI thread, in order."""
        self.posted.emit(fn)

    def _run(self, fn: Callable[[], None]) -> None:
        fn()

    def _mark(self) -> None:
        self._dirty = True

    def _flush(self) -> None:
        if self._dirty:
            self._dirty = False
            self.changed.emit()

    def stop(self) -> None:
        self._timer.stop()
        self.session.on_change = None


__all__ = ["REDRAW_MS", "LanBridge", "StoreError"]
