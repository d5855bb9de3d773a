"""The phone writer's commits never copy the write-ahead log back into the database (an
acknowledgement would wait for it: 0.2-1.9 s in bench/lan.py --scenario selfpaced); its
checkpointer thread does, and nothing committed is lost on the way. No Qt."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from quiz_app.core.model import Participant
from quiz_app.core.results import DB_FILENAME, ResultsStore
from quiz_app.lan.writer import StoreWriter
from tests.helpers.fakes import make_bank, make_plan, make_spec

# each commit appends its changed 4 KB pages to the log: 400 commits are well over SQLite's
# 1,000-page automatic checkpoint (attempts are small since issue 14: questions are stored
# once per session, so the log is pages rewritten, not new data)
ATTEMPTS = 400


def fill(data_dir: Path, writer: StoreWriter) -> int:
    plan = make_plan()
    with ResultsStore.open_in(data_dir) as store:
        session_id = store.create_session("Uji log", plan).id
    spec = make_spec(plan, [make_bank(n_questions=40)])
    acked: list[bool] = []
    done = threading.Event()
    for i in range(ATTEMPTS):
        person = Participant(f"Peserta {i}", f"19850312201001{1 + i % 2}{i:03d}")

        def write(store: ResultsStore, person: Participant = person) -> None:
            store.start_attempt(session_id, person, spec)

        def ack(ok: bool) -> None:
            acked.append(ok)
            if len(acked) == ATTEMPTS:
                done.set()

        writer.put(write, ack)  # one commit each, as spread-out phone answers are
        writer.flush()
    assert done.wait(30) and all(acked)
    return session_id


def in_main_file(data_dir: Path) -> int:
    """Attempts in the database file itself, the log ignored (``immutable``); 0 while a
    checkpoint is half-way through copying."""
    conn = sqlite3.connect(f"file:{data_dir / DB_FILENAME}?immutable=1", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM attempts").fetchone()[0])
    except sqlite3.DatabaseError:
        return 0
    finally:
        conn.close()


def sizes(data_dir: Path) -> tuple[int, int]:
    db = data_dir / DB_FILENAME
    wal = db.with_name(db.name + "-wal")
    return db.stat().st_size, wal.stat().st_size if wal.exists() else 0


def test_commits_leave_the_log_to_the_checkpointer(tmp_path: Path) -> None:
    data = tmp_path / "data"
    writer = StoreWriter(data, checkpoint_every=3600.0)  # the checkpointer stays asleep
    writer.start()
    try:
        fill(data, writer)
        db, wal = sizes(data)
        assert wal > 4096 * 1000, "the log was folded back during the commits"
        assert db < wal / 4
    finally:
        writer.stop()
    # the writer's connection folds the log back when it closes: nothing is lost
    conn = sqlite3.connect(data / DB_FILENAME)
    try:
        assert conn.execute("SELECT count(*) FROM attempts").fetchone()[0] == ATTEMPTS
    finally:
        conn.close()


def test_the_checkpointer_folds_the_log_back_while_the_writer_runs(tmp_path: Path) -> None:
    data = tmp_path / "data"
    writer = StoreWriter(data, checkpoint_every=0.05)
    writer.start()
    try:
        fill(data, writer)
        end = time.monotonic() + 10
        while in_main_file(data) < ATTEMPTS and time.monotonic() < end:
            time.sleep(0.05)
        assert in_main_file(data) == ATTEMPTS, "the checkpointer did not copy the log back"
        with ResultsStore.open_in(data, check=False) as store:  # another reader sees it all
            assert len(store.sessions()) == 1
    finally:
        writer.stop()
