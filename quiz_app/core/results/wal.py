"""Checkpoints of the store's write-ahead log, moved off the commits that acknowledge.

SQLite copies the WAL back into the database file (a *checkpoint*) inside whichever
commit takes the log past 1,000 pages. With the phone writer committing an answer at a
time, that commit then waits for hundreds of page writes and an fsync of the database
file, and so do the phones whose answers it carries: measured with ``bench/lan.py
--scenario selfpaced`` (300 phones), single commits of 0.2-1.9 s wall with under 30 ms of
CPU, the whole tail of the acknowledgement times. A connection that calls
:func:`defer_checkpoints` leaves that work to :func:`checkpoint_wal`, run from another
connection on another thread; WAL mode lets both go on at the same time, and every commit
is still fsync'ed before it returns (``synchronous = FULL``).
"""

from __future__ import annotations

import sqlite3

from ..errors import StoreError
from .store import ResultsStore

__all__ = ["checkpoint_wal", "defer_checkpoints"]


def defer_checkpoints(store: ResultsStore) -> None:
    """This connection's commits no longer run the automatic checkpoint."""
    try:
        store._connection().execute("PRAGMA wal_autocheckpoint = 0").fetchone()
    except sqlite3.Error as exc:
        raise StoreError(f"Basis data hasil tidak dapat diatur: {exc}.", store.path) from exc


def checkpoint_wal(store: ResultsStore) -> int:
    """A passive checkpoint: copies what it can into the database file without waiting
    for a writer, and returns the number of log frames not yet copied."""
    try:
        row = store._connection().execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    except sqlite3.Error as exc:
        raise StoreError(f"Log basis data hasil tidak dapat dipindahkan: {exc}.",
                         store.path) from exc
    _busy, log, done = (int(x) for x in row)
    return max(0, log - done)
