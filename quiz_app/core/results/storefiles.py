"""Watching the results store's files while a :class:`~.store.ResultsStore` runs.

An answer is acknowledged once it is committed to the WAL (``results.sqlite3-wal``). If the
WAL (or the database) is deleted or replaced under the running app — a cleaning tool, a
user tidying the data folder, a sync client — SQLite keeps writing into the unlinked file,
and everything not yet checkpointed into the database vanishes with the process. So:

* the WAL is checkpointed (``PASSIVE``: never waits for readers) after every finished
  attempt and whenever :data:`CHECKPOINT_EVERY` seconds of the injected monotonic clock
  have passed since the last one, which bounds what a vanished WAL can take;
* before every write the database and WAL are compared (device, inode) with what the
  store opened; when one vanished or was replaced, the store copies what its open WAL
  still holds into the database (a checkpoint through the open file) and refuses this
  and every later write with a :class:`StoreError`, rather than acknowledge answers into
  a file nobody will read again.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from ..clock import Clock, monotonic_clock
from ..errors import StoreError

log = logging.getLogger(__name__)

__all__ = ["CHECKPOINT_EVERY", "StoreFiles"]

CHECKPOINT_EVERY = 30.0  # seconds

FileId = tuple[int, int]


def _identity(path: Path) -> FileId | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


class StoreFiles:
    """The identity of one store's database and WAL, and its checkpoint timer."""

    def __init__(self, db: Path, clock: Clock = monotonic_clock,
                 every: float = CHECKPOINT_EVERY) -> None:
        self.db = Path(db)
        self.wal = self.db.with_name(self.db.name + "-wal")
        self.clock = clock
        self.every = every
        self._db_id = _identity(self.db)
        self._wal_id = _identity(self.wal)
        self._last_checkpoint = clock()
        self.broken: str | None = None  # once set, every write is refused

    def _problem(self) -> str | None:
        if self._db_id is not None and _identity(self.db) != self._db_id:
            return "berkas basis data hasil (results.sqlite3) terhapus atau diganti"
        if self._wal_id is not None and _identity(self.wal) != self._wal_id:
            return "berkas jurnal basis data hasil (results.sqlite3-wal) terhapus atau diganti"
        return None

    def check(self, conn: sqlite3.Connection) -> None:
        """Before a write: refuse it (StoreError) when the files vanished or were replaced.
        The first time, what the open WAL still holds is rescued into the database."""
        if self.broken is None:
            problem = self._problem()
            if problem is None:
                return
            self.broken = problem
            log.error("%s saat aplikasi berjalan: %s", problem, self.db)
            self.checkpoint(conn)  # through the still-open files: the answers so far
        raise StoreError(
            f"Jawaban tidak dapat disimpan: {self.broken} saat aplikasi berjalan. Jawaban "
            "sebelumnya sudah dipindahkan ke basis data hasil. Tutup aplikasi, periksa "
            "folder data (jangan dibersihkan oleh aplikasi lain), lalu buka lagi.", self.db)

    def committed(self, conn: sqlite3.Connection) -> None:
        """After a commit: remember the WAL (it exists now) and checkpoint when due."""
        if self._wal_id is None:
            self._wal_id = _identity(self.wal)
        if self.clock() - self._last_checkpoint >= self.every:
            self.checkpoint(conn)

    def checkpoint(self, conn: sqlite3.Connection) -> None:
        """Copy the WAL into the database without waiting for readers (``PASSIVE``)."""
        self._last_checkpoint = self.clock()
        try:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except sqlite3.Error as exc:  # busy or read-only: the next one will try again
            log.warning("checkpoint basis data hasil gagal: %s", exc)
