"""Work handed from the server and writer threads to the thread that owns the desk (the
UI thread), in order and in short turns. No Qt."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

__all__ = ["DRAIN_BUDGET", "OwnerInbox", "Post"]

DRAIN_BUDGET = 0.008  # seconds of owner-thread work per turn of its event loop

Post = Callable[[Callable[[], None]], None]


class OwnerInbox:
    """``put(fn)`` from any thread; ``fn`` runs on the owner thread through ``post`` (in
    the app: a queued Qt signal). One drain is posted at a time and runs for at most
    :data:`DRAIN_BUDGET` before yielding, so a burst of 300 joins or answers never holds
    the UI thread in one long stretch."""

    def __init__(self) -> None:
        self.post: Post | None = None
        self._inbox: deque[Callable[[], None]] = deque()
        self._lock = threading.Lock()
        self._posted = False

    def put(self, fn: Callable[[], None]) -> None:
        assert self.post is not None, "start_server() first"
        with self._lock:
            self._inbox.append(fn)
            if self._posted:
                return
            self._posted = True
        self.post(self._drain)

    def _drain(self) -> None:
        end = time.perf_counter() + DRAIN_BUDGET
        while time.perf_counter() < end:
            with self._lock:
                if not self._inbox:
                    self._posted = False
                    return
                fn = self._inbox.popleft()
            fn()
        with self._lock:
            if not self._inbox:
                self._posted = False
                return
        assert self.post is not None
        self.post(self._drain)
