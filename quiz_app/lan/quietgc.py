"""No full garbage-collector passes while a phone server runs. No Qt.

CPython's cyclic collector runs a full (generation-2) pass over every tracked object
whenever the long-lived objects grew by a quarter. It holds the GIL throughout, in
whichever thread happened to allocate, so every thread of the app waits for it, the UI
thread included. With the phone server that growth is exactly what happens: 500 phones
joining, each with its connection, seat and attempt objects. Measured with ``bench/lan.py``
(500 phones, 2 busy cores): three full passes per run, 26-70 ms of CPU each, stretched to
140-360 ms of wall time because the collecting thread is preempted while it holds the GIL;
each of the longest UI stalls of a run overlapped one of them.

While a server runs (:func:`hold` at start, :func:`release` at stop, counted, so two
servers can overlap):

* everything that exists at start (modules, Qt wrappers, banks, the session) moves to the
  collector's permanent generation (:func:`gc.freeze`): it outlives the server anyway;
* automatic full passes wait for :data:`FULL_PASS_EVERY` younger passes (Python's default
  is 10); generation 0 and 1 still run as usual, so short-lived cycles (most asyncio and
  aiohttp garbage) are still freed at once. What reaches generation 2 meanwhile (the
  connections of phones that dropped, finished attempts) waits for a later full pass;
  at about 3.5 generation-1 passes a second under full load that is one full pass every
  few minutes of load instead of three in ten seconds.

When the last server stops, the frozen objects become collectable again (so does what
the bank loader froze; the next full pass walks it once) and the previous thresholds
return.
"""

from __future__ import annotations

import gc
import threading

__all__ = ["FULL_PASS_EVERY", "active", "hold", "release"]

FULL_PASS_EVERY = 1000  # generation-1 passes between two automatic full passes

_lock = threading.Lock()
_holders = 0
_saved: tuple[int, int, int] | None = None


def hold() -> None:
    """A server starts: freeze what exists, defer automatic full passes."""
    global _holders, _saved
    with _lock:
        _holders += 1
        if _holders == 1:
            t0, t1, t2 = gc.get_threshold()
            _saved = (t0, t1, t2)
            gc.set_threshold(t0, t1, max(t2, FULL_PASS_EVERY))
        gc.freeze()


def release() -> None:
    """A server stopped: when it was the last one, undo :func:`hold`."""
    global _holders, _saved
    with _lock:
        if _holders == 0:
            return
        _holders -= 1
        if _holders == 0:
            gc.unfreeze()
            if _saved is not None:
                gc.set_threshold(*_saved)
            _saved = None


def active() -> bool:
    return _holders > 0
