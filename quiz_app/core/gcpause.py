"""Pausing Python's cyclic garbage collector around bulk decoding.

Decoding a big session allocates millions of small objects that all stay alive; the
cyclic collector would walk them again and again, holding the GIL the whole time (and so
freezing the UI thread while a worker loads). ``paused_gc()`` switches automatic
collection off for the block; with ``freeze=True`` it then moves everything alive into the
permanent generation (``gc.freeze``), so no later pass walks the loaded objects either.
They are still freed as usual when the last reference goes (they hold no cycles).

Nested and concurrent uses (several workers) are counted: the collector is switched back
on only when the last block ends, and only if it was on before the first.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def paused_gc(*, freeze: bool = False) -> Iterator[None]:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
        if freeze:
            gc.freeze()
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()


def drop_gradually(items: list[object]) -> None:
    """Let go of ``items`` one at a time. Freeing a big structure at once (10,000 attempts,
    a million numbers) is one long C call that keeps the GIL, and a UI thread waiting for
    it freezes; one item at a time, other threads get their turns in between. ``items``
    must hold the last references (drop the container that held them first)."""
    while items:
        items.pop()
