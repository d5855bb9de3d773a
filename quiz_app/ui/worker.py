"""Run core work off the UI thread and call back on it (the shape of Anki's QueryOp).

    run_in_worker(lambda: load_bank(path), on_done=self.show_bank, on_error=self.show_error)

``on_error`` receives QuizError (user-caused problems). Anything else is a bug: it is
re-raised on the UI thread so the excepthook (and tests) see it loudly, after
``on_crash`` (when given) has put the screen back in order (buttons enabled again: a
window must never stay "busy" forever because one job crashed).

With ``owner`` (the window that asked), the callbacks are dropped once that window's C++
object is gone. :func:`shutdown` (called when the event loop has ended) drops every
callback still to come and waits for running jobs, so no worker emits into objects that
Python is tearing down at exit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from shiboken6 import isValid

if TYPE_CHECKING:
    from ..core.errors import QuizError


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    crashed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self.setAutoDelete(False)

    def run(self) -> None:
        from ..core.errors import QuizError  # here, in the worker: not on the start-up path

        try:
            result = self.fn()
        except QuizError as exc:
            self.signals.failed.emit(exc)
            return
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread and re-raised there
            self.signals.crashed.emit(exc)
            return
        self.signals.done.emit(result)


_live: set[_Job] = set()
_closing = False


def closing() -> bool:
    """True once :func:`shutdown` ran: the application is on its way out."""
    return _closing


def shutdown(timeout_ms: int = 15_000) -> bool:
    """Drop all pending callbacks and wait for running jobs (at most ``timeout_ms``).
    True when every job ended in time."""
    global _closing
    _closing = True
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


def _reraise(exc: BaseException) -> None:
    raise exc


def run_in_worker(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[QuizError], None] | None = None,
    pool: QThreadPool | None = None,
    on_crash: Callable[[BaseException], None] | None = None,
    owner: QObject | None = None,
) -> _Job:
    job = _Job(fn)
    _live.add(job)

    def finish(callback: Callable[[Any], None] | None, value: Any) -> None:
        _live.discard(job)
        if _closing or (owner is not None and not isValid(owner)):
            return  # the app is quitting, or the window that asked is gone
        if callback is not None:
            callback(value)

    job.signals.done.connect(lambda v: finish(on_done, v))
    job.signals.failed.connect(lambda e: finish(on_error or _reraise, e))

    def crashed(exc: BaseException) -> None:
        _live.discard(job)
        try:
            if on_crash is not None and not _closing and (owner is None or isValid(owner)):
                on_crash(exc)
        finally:
            _reraise(exc)  # a bug stays loud (the excepthook opens no dialog when quitting)

    job.signals.crashed.connect(crashed)
    (pool or QThreadPool.globalInstance()).start(job)
    return job
