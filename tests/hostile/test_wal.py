"""Issue 12 item 8: the WAL (or the database) deleted or replaced under a running store.
Every acknowledged answer survives a power cut afterwards, and no answer is acknowledged
into a file nobody will read again."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from quiz_app.core.errors import StoreError
from quiz_app.core.model import Participant
from quiz_app.core.quiz import AnswerRecord, build_attempt, score_attempt
from quiz_app.core.results import DB_FILENAME, ResultsStore
from quiz_app.core.results.storefiles import CHECKPOINT_EVERY
from tests.helpers.fakes import FakeClock, make_bank, make_plan

CHILD = Path(__file__).with_name("wal_child.py")


class Child:
    def __init__(self, data: Path) -> None:
        self.proc = subprocess.Popen([sys.executable, str(CHILD), str(data)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        ready = self.read().split()
        assert ready[0] == "READY", ready
        self.attempt, self.qids = ready[1], ready[2:]

    def read(self) -> str:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        assert line, "the child died"
        return line.strip()

    def answer(self, qid: str, key: str) -> str:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"answer {qid} {key}\n")
        self.proc.stdin.flush()
        return self.read()

    def power_cut(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None:
                pipe.close()


def stored_answers(data: Path, attempt: str) -> dict[str, str]:
    conn = sqlite3.connect(data / DB_FILENAME)
    try:
        return dict(conn.execute("SELECT question_id, choice_json FROM answers WHERE"
                                 " attempt_key = (SELECT attempt_key FROM attempts"
                                 " WHERE id = ?)", (attempt,)).fetchall())
    finally:
        conn.close()


def _delete_wal(data: Path) -> None:
    (data / f"{DB_FILENAME}-wal").unlink()


def _delete_wal_and_shm(data: Path) -> None:
    (data / f"{DB_FILENAME}-wal").unlink()
    (data / f"{DB_FILENAME}-shm").unlink()


def _replace_wal(data: Path) -> None:
    wal = data / f"{DB_FILENAME}-wal"
    copy = wal.with_name("salinan")
    shutil.copy(wal, copy)
    os.replace(copy, wal)


@pytest.mark.parametrize("damage", [_delete_wal, _delete_wal_and_shm, _replace_wal])
def test_vanished_wal_loses_no_acknowledged_answer(tmp_path: Path, damage) -> None:
    data = tmp_path / "data"
    child = Child(data)
    try:
        acked = [q for q in child.qids[:3] if child.answer(q, "A") == f"ACK {q}"]
        assert acked == child.qids[:3]
        damage(data)
        reply = child.answer(child.qids[3], "B")
        assert reply.startswith("REFUSED") and "results.sqlite3-wal" in reply, reply
        assert child.answer(child.qids[4], "B").startswith("REFUSED")  # and stays refused
    finally:
        child.power_cut()
    assert sorted(stored_answers(data, child.attempt)) == sorted(acked)


def test_replaced_database_refuses_writes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    child = Child(data)
    try:
        assert child.answer(child.qids[0], "A") == f"ACK {child.qids[0]}"
        db = data / DB_FILENAME
        shutil.copy(db, tmp_path / "lama.sqlite3")  # e.g. an old copy put back
        os.replace(tmp_path / "lama.sqlite3", db)
        reply = child.answer(child.qids[1], "A")
        assert reply.startswith("REFUSED") and "results.sqlite3" in reply, reply
    finally:
        child.power_cut()


def _db_alone(data: Path, tmp: Path) -> sqlite3.Connection:
    """The database file without its WAL: what a vanished WAL would leave."""
    alone = tmp / "alone"
    alone.mkdir(exist_ok=True)
    shutil.copy(data / DB_FILENAME, alone / DB_FILENAME)
    return sqlite3.connect(alone / DB_FILENAME)


def test_finished_attempts_and_the_timer_checkpoint(tmp_path: Path) -> None:
    clock = FakeClock()
    data = tmp_path / "data"
    plan = make_plan(order="bank", shuffle_options=False)
    spec = build_attempt(plan, [make_bank(3)], "s")
    with ResultsStore.open_in(data, clock=clock) as store:
        sid = store.create_session("Uji", plan).id
        one = store.start_attempt(sid, Participant("Ani"), spec)
        store.finish_attempt(one, score_attempt(spec, {}), 1.0)
        conn = _db_alone(data, tmp_path)
        assert conn.execute("SELECT status FROM attempts").fetchall() == [("finished",)]
        conn.close()

        two = store.start_attempt(sid, Participant("Budi"), spec)
        q = spec.questions[0].id
        store.record_answer(two, AnswerRecord(q, frozenset("A"), 1.0))
        conn = _db_alone(data, tmp_path)
        assert conn.execute("SELECT count(*) FROM answers").fetchone() == (0,)  # WAL only
        conn.close()
        clock.advance(CHECKPOINT_EVERY + 1)
        store.checkpoint(two, 2.0, 0)  # any write once the timer is due
        conn = _db_alone(data, tmp_path)
        assert conn.execute("SELECT count(*) FROM answers").fetchone() == (1,)
        conn.close()


def test_in_process_refusal_names_the_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    plan = make_plan(order="bank", shuffle_options=False)
    spec = build_attempt(plan, [make_bank(3)], "s")
    with ResultsStore.open_in(data) as store:
        sid = store.create_session("Uji", plan).id
        attempt = store.start_attempt(sid, Participant("Ani"), spec)
        _delete_wal(data)
        with pytest.raises(StoreError, match="results.sqlite3-wal") as exc:
            store.record_answer(attempt, AnswerRecord(spec.questions[0].id, frozenset("A")))
        assert str(data / DB_FILENAME) in str(exc.value)
