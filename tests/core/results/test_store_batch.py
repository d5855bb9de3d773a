"""Group commit: several writes share one transaction; a refused write changes nothing."""

from __future__ import annotations

import sqlite3

import pytest

from quiz_app.core.errors import StoreError
from quiz_app.core.model import Participant
from quiz_app.core.quiz import AnswerRecord, build_attempt
from quiz_app.core.results import DB_FILENAME, ResultsStore
from tests.helpers.fakes import make_bank, make_plan


def test_batch_commits_once_and_keeps_the_good_writes(tmp_path):
    store = ResultsStore.open_in(tmp_path)
    plan = make_plan(order="bank", question_time_limit=60)
    spec = build_attempt(plan, [make_bank(3)], "s")
    sid = store.create_session("s", plan).id
    ids = [store.start_attempt(sid, Participant(f"P{i}"), spec) for i in range(3)]
    chosen = store.start_attempt(sid, Participant("Q"), spec, attempt_id="a" * 32)
    assert chosen == "a" * 32
    qid = spec.questions[0].id
    other = sqlite3.connect(tmp_path / DB_FILENAME)
    with store.batch():
        for aid in ids:
            store.record_answer(aid, AnswerRecord(qid, frozenset({"A"}), 1.0))
        with pytest.raises(StoreError):
            store.record_answer("nope", AnswerRecord(qid, frozenset({"A"}), 1.0))
        # nothing is visible to another reader before the batch commits
        assert other.execute("SELECT count(*) FROM answers").fetchone()[0] == 0
        assert len(store.attempts(sid)) == 4  # reads work inside the batch
    assert other.execute("SELECT count(*) FROM answers").fetchone()[0] == 3
    with pytest.raises(RuntimeError), store.batch(), store.batch():
        pass
    other.close()
    store.close()
