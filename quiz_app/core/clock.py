"""Time source for the quiz engine.

The engine never counts timer ticks: it reads a clock and compares with deadlines. A clock is
any zero-argument callable returning monotonic seconds as a float. The app passes
:func:`monotonic_clock`; tests pass ``tests.helpers.fakes.FakeClock``.

:class:`PausableClock` wraps a clock and can stand still: the participant's attempt runs on
one, paused while the trainer has the screen (the PIN prompt, the trainer menu).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Clock = Callable[[], float]

monotonic_clock: Clock = time.monotonic

__all__ = ["Clock", "PausableClock", "monotonic_clock"]


class PausableClock:
    """A clock that reads ``base`` minus the time spent paused.

    Pauses nest (``pause`` twice needs ``resume`` twice); while paused it returns the
    time at which the first pause began.
    """

    def __init__(self, base: Clock) -> None:
        self._base = base
        self._offset = 0.0  # seconds spent paused, already over
        self._depth = 0
        self._paused_at = 0.0

    def __call__(self) -> float:
        if self._depth:
            return self._paused_at - self._offset
        return self._base() - self._offset

    @property
    def is_paused(self) -> bool:
        return self._depth > 0

    def pause(self) -> None:
        if self._depth == 0:
            self._paused_at = self._base()
        self._depth += 1

    def resume(self) -> None:
        if self._depth == 0:
            raise RuntimeError("resume() without pause()")
        self._depth -= 1
        if self._depth == 0:
            self._offset += max(0.0, self._base() - self._paused_at)

    @contextmanager
    def paused(self) -> Iterator[None]:
        self.pause()
        try:
            yield
        finally:
            self.resume()
