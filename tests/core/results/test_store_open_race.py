"""Two windows opening the results file of a new laptop at once (the results window reads
the session list while a double-clicked session file is joined): both must open it. Before
the fix one of them said the file was "bukan basis data hasil Kuis ASN" or "database is
locked", and the results window waited on that warning."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from quiz_app.core.results import ResultsStore
from quiz_app.core.results.storeopen import switch_to_wal


def _open_together(folder: Path, openers: int) -> list[str]:
    errors: list[str] = []
    start = threading.Barrier(openers)

    def open_one(check: bool) -> None:
        start.wait()
        try:
            with ResultsStore.open_in(folder, check=check) as store:
                store.sessions()
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=open_one, args=(i == 0,)) for i in range(openers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return errors


def test_a_new_store_opened_by_several_windows_at_once_opens_for_all(tmp_path: Path) -> None:
    failures = []
    for trial in range(40):
        failures += _open_together(tmp_path / f"laptop{trial}", 3)
    assert failures == []
    with ResultsStore.open_in(tmp_path / "laptop0") as store:
        assert store.sessions() == []


def test_the_switch_to_wal_waits_for_a_reader_to_let_go(tmp_path: Path) -> None:
    db = tmp_path / "results.sqlite3"
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN")
    holder.execute("SELECT * FROM t").fetchall()  # a shared lock: no journal change now
    conn = sqlite3.connect(db, isolation_level=None, timeout=0)
    now = [0.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds
        if len(waits) == 3:
            holder.execute("COMMIT")

    switch_to_wal(conn, lambda: now[0], sleep)
    assert len(waits) == 3
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_the_switch_to_wal_gives_up_at_its_deadline(tmp_path: Path) -> None:
    db = tmp_path / "results.sqlite3"
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN")
    holder.execute("SELECT * FROM t").fetchall()
    conn = sqlite3.connect(db, isolation_level=None, timeout=0)
    now = [0.0]

    def sleep(seconds: float) -> None:
        now[0] += seconds

    with pytest.raises(sqlite3.OperationalError, match="locked"):
        switch_to_wal(conn, lambda: now[0], sleep, wait_s=1.0)
    assert 0.99 <= now[0] <= 1.1
    holder.execute("COMMIT")
