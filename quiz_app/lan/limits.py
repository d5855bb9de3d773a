"""Rate limits for the phone server: token buckets per address and per seat token. No Qt."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Bucket", "Limits", "RateLimiter"]


@dataclass(frozen=True)
class Limits:
    """Requests per second (``rate``) and the burst allowed above it, per kind.

    The defaults fit a hall: a phone loads the page a few times, joins once or twice and
    sends a handful of messages per question. A load test over loopback, where every
    simulated phone shares 127.0.0.1, raises the per-address limits.
    """

    http_rate: float = 2.0  # page loads, question images and API calls per address
    http_burst: float = 20.0
    join_rate: float = 0.2  # join attempts per address (one every 5 s)
    join_burst: float = 6.0
    message_rate: float = 4.0  # WebSocket messages per seat token
    message_burst: float = 30.0
    max_tracked: int = 5000  # addresses/tokens remembered; the oldest are forgotten


class Bucket:
    """A token bucket: ``take()`` is True while the caller stays within rate and burst."""

    __slots__ = ("rate", "burst", "tokens", "stamp")

    def __init__(self, rate: float, burst: float, now: float) -> None:
        self.rate = rate
        self.burst = burst
        self.tokens = burst
        self.stamp = now

    def take(self, now: float, cost: float = 1.0) -> bool:
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= cost:
            self.tokens -= cost
            return True
        return False


class RateLimiter:
    """Buckets keyed by address or token, bounded in number (oldest forgotten first)."""

    def __init__(self, rate: float, burst: float, clock: Callable[[], float],
                 max_tracked: int = 5000) -> None:
        self._rate = rate
        self._burst = burst
        self._clock = clock
        self._max = max_tracked
        self._buckets: dict[str, Bucket] = {}

    def allow(self, key: str) -> bool:
        now = self._clock()
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= self._max:
                self._buckets.pop(next(iter(self._buckets)))
            bucket = self._buckets[key] = Bucket(self._rate, self._burst, now)
        return bucket.take(now)
