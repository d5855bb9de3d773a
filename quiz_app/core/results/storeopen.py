"""Opening the results file while another window or process may be creating it.

On a laptop that has never stored a result, the results window reads the session list
while the session file the trainer double-clicked is being joined: two connections open
a file that does not exist yet. One of them creates the tables and sets the schema
version in one transaction; the other must neither mistake the half-seen file for
somebody else's database nor give up because the first holds a lock for a moment.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable

from ..clock import Clock

__all__ = ["read_identity", "switch_to_wal"]

WAL_WAIT_S = 10.0  # as long as the connection's own busy timeout


def read_identity(conn: sqlite3.Connection) -> tuple[int, int, int]:
    """(schema version, application id, number of tables), read in one transaction so
    a creator's first step is seen whole or not at all."""
    conn.execute("BEGIN")
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        tables = int(conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0])
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")
    return version, app_id, tables


def switch_to_wal(conn: sqlite3.Connection, clock: Clock,
                  sleep: Callable[[float], None] = time.sleep,
                  wait_s: float = WAL_WAIT_S) -> None:
    """``PRAGMA journal_mode = WAL``, waiting for other connections to let go.

    Leaving the rollback journal needs the file to itself, and SQLite answers "database
    is locked" at once instead of calling the busy handler; so wait here, as a write
    would. Once the file is in WAL mode (it stays so) this returns at the first try.
    """
    deadline = clock() + wait_s
    while True:
        try:
            mode = str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]).lower()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            mode = ""
            if clock() >= deadline:
                raise
        if mode == "wal":
            return
        if clock() >= deadline:
            raise sqlite3.OperationalError("database is locked")
        sleep(0.02)
