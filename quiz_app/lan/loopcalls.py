"""Calls from other threads onto the phone server's asyncio loop, one wake-up per batch.
No Qt.

Every ``loop.call_soon_threadsafe`` writes to the loop's self-pipe, and that write lets
go of the GIL; the calling thread (the UI thread handing out a phone's new screen, the
writer thread acknowledging a commit) then waits up to a whole switch interval to get it
back while the server thread is busy. Calls made while the loop has not yet taken the
previous ones therefore share one wake-up (18,602 calls took 5,232-7,083 wake-ups in
``bench/lan.py --scenario selfpaced``), and they still run in call order.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

__all__ = ["LoopCalls"]


class LoopCalls:
    def __init__(self) -> None:
        self._calls: list[tuple[Callable[..., None], tuple[Any, ...]]] = []
        self._lock = threading.Lock()
        self._posted = False

    def call(self, loop: asyncio.AbstractEventLoop | None, fn: Callable[..., None],
             *args: Any) -> None:
        """Thread-safe: run ``fn(*args)`` on ``loop`` after the calls made before it."""
        if loop is None or loop.is_closed():
            return
        with self._lock:
            self._calls.append((fn, args))
            if self._posted:
                return
            self._posted = True
        try:
            loop.call_soon_threadsafe(self._run)
        except RuntimeError:  # the loop closed meanwhile: nothing runs any more
            with self._lock:
                self._calls.clear()
                self._posted = False

    def _run(self) -> None:
        with self._lock:
            calls, self._calls = self._calls, []
            self._posted = False
        for fn, args in calls:
            try:
                fn(*args)
            except Exception:  # as asyncio does for each callback: log, run the rest
                log.exception("phone server call %r failed", fn)
