"""Time source for the quiz engine.

The engine never counts timer ticks: it reads a clock and compares with deadlines. A clock is
any zero-argument callable returning monotonic seconds as a float. The app passes
:func:`monotonic_clock`; tests pass ``tests.helpers.fakes.FakeClock``.
"""

from __future__ import annotations

import time
from collections.abc import Callable

Clock = Callable[[], float]

monotonic_clock: Clock = time.monotonic

__all__ = ["Clock", "monotonic_clock"]
