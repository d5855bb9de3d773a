"""Kill a real child process (engine + store) at random moments: no promised answer is lost.

See ``tests/helpers/crash_child.py`` for the protocol. 40 SIGKILLs on one data folder.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from quiz_app.core.model import Participant
from quiz_app.core.quiz import AnswerRecord, build_attempt
from quiz_app.core.results import DB_FILENAME, ResultsStore
from tests.helpers.crash_child import (
    CrashReport,
    Ledger,
    Pending,
    crash_bank,
    crash_plan,
    run_crash_loop,
    verify,
)

KILLS = 40


@pytest.mark.slow
def test_sigkill_loses_no_committed_answer(tmp_path: Path):
    seed = random.SystemRandom().randrange(2**32)
    print(f"crash seed={seed}")  # shown on failure; rerun with this seed to reproduce
    data = tmp_path / "data"
    report = run_crash_loop(data, KILLS, seed)
    detail = f"seed={seed} {report.summary()}\n" + "\n".join(report.problems[:20])
    assert report.kills == KILLS >= 30
    assert report.lost == 0, detail
    assert report.integrity_failures == 0, detail
    assert report.resume_failures == 0, detail
    # and the test really exercised something
    assert report.committed_answers >= 100, detail
    assert report.resumes >= 5, detail
    assert report.checkpoints >= 10, detail

    # the real files (not only the per-kill copies) are healthy and resumable
    with ResultsStore(data / DB_FILENAME) as store:
        assert store.integrity_check() == ["ok"]
        assert len(store.unfinished_attempts()) <= 2


def test_verify_detects_a_lost_answer(tmp_path: Path):
    """The checker itself: a promise missing from the store is counted as lost."""
    bank, plan = crash_bank(), crash_plan()
    db = tmp_path / DB_FILENAME
    with ResultsStore(db) as store:
        sid = store.create_session("Cek", plan).id
        spec = build_attempt(plan, [bank], "x")
        aid = store.start_attempt(sid, Participant("Ani"), spec)
    qid = spec.questions[0].id
    key = spec.questions[0].question.option_keys[0]
    lines = [
        f"STARTED {aid} x\n".encode(),
        f"INTENT ANSWER {aid} {qid} {key} 0 1.5 2.0 0\n".encode(),
        f"COMMITTED {aid} {qid} {key} 0 1.5 2.0 0\n".encode(),
    ]
    ledger = Ledger()
    assert ledger.feed(lines) is None
    report = CrashReport()
    verify(db, ledger, None, report, bank, plan)
    assert report.lost == 2  # the answer and the checkpointed elapsed
    assert report.integrity_failures == report.resume_failures == 0


def test_verify_accepts_the_announced_write(tmp_path: Path):
    """A write announced (INTENT) but not confirmed may or may not have landed."""
    bank, plan = crash_bank(), crash_plan()
    db = tmp_path / DB_FILENAME
    with ResultsStore(db) as store:
        sid = store.create_session("Cek", plan).id
        spec = build_attempt(plan, [bank], "y")
        aid = store.start_attempt(sid, Participant("Ani"), spec)
        qid = spec.questions[0].id
        key = spec.questions[0].question.option_keys[0]
        store.record_answer(aid, AnswerRecord(qid, frozenset({key}), 1.5), elapsed=2.0)
    lines = [
        f"STARTED {aid} y\n".encode(),
        f"INTENT ANSWER {aid} {qid} {key} 0 1.5 2.0 0\n".encode(),
        b"COMMITTED " + aid.encode(),  # cut off by the kill: no newline, no promise
    ]
    ledger = Ledger()
    pending = ledger.feed(lines)
    assert pending == Pending("ANSWER", [aid, qid, key, "0", "1.5", "2.0", "0"])
    report = CrashReport()
    verify(db, ledger, pending, report, bank, plan)
    assert report.ok, report.problems
    assert ledger.answers[(aid, qid)] == (frozenset({key}), False, 1.5)  # folded in


def test_verify_counts_integrity_failure(tmp_path: Path):
    db = tmp_path / DB_FILENAME
    db.write_bytes(b"rusak" * 1000)
    report = CrashReport()
    verify(db, Ledger(), None, report, crash_bank(), crash_plan())
    assert report.integrity_failures == 1
    assert "cannot open" in report.problems[0]
