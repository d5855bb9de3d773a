"""results/checked.py reads back exactly what serialize.py writes, for every field the model
has: when a field is added to the model (and to serialize), these fail until the checked
reader learns it too — otherwise a merged package or a resumed presentation would drop it."""

from __future__ import annotations

from pathlib import Path

from quiz_app.core.model import Difficulty, DrawRule, Participant
from quiz_app.core.quiz import build_attempt, score_attempt
from quiz_app.core.quiz.attempt import AnswerRecord
from quiz_app.core.results import (
    answer_to_dict,
    attempt_result_to_dict,
    attempt_spec_to_dict,
    participant_to_dict,
    plan_to_dict,
)
from quiz_app.core.results.checked import (
    checked_answers,
    checked_participant,
    checked_plan,
    checked_result,
    checked_spec,
)
from tests.helpers.fakes import make_bank, make_plan, make_question


def rich_plan():
    return make_plan(
        title="Pretest Lengkap", banks=("lengkap",), draw=(DrawRule(count=3, bank="lengkap"),),
        order="bank", shuffle_options=False, time_limit=1200, question_time_limit=45,
        pass_mark=65.5, scoring="speed", multiple_scoring="all_or_nothing",
        navigation="forward", review="score", kind="pretest", seed="benih",
        description="Semua kolom terisi", path=Path("/data/rencana.yaml"))


def rich_spec():
    questions = [
        make_question("q1", text="Soal satu?", explanation="Karena.", reference="UU 20/2023",
                      difficulty=Difficulty.HARD, points=2.5, time_limit=30, shuffle=False,
                      image=Path("/data/gambar.png"), tags=("a", "b"), line=7),
        make_question("q2", type="multiple", answer="AC", category="lain"),
        make_question("q3", type="true_false", answer="S"),
    ]
    return build_attempt(rich_plan(), [make_bank(id="lengkap", questions=questions)], "s")


def test_plan_and_spec_round_trip_every_field() -> None:
    plan = rich_plan()
    assert checked_plan(plan_to_dict(plan), local=True) == plan
    spec = rich_spec()
    assert checked_spec(attempt_spec_to_dict(spec), local=True) == spec


def test_paths_are_dropped_unless_local() -> None:
    spec = checked_spec(attempt_spec_to_dict(rich_spec()))
    assert spec.plan.path is None and all(aq.question.image is None for aq in spec.questions)


def test_participant_answers_and_result_round_trip() -> None:
    person = Participant("Ani Lestari", "198503122010012002", "Analis", "BKPSDM", "III/c",
                         (("No. HP", "0812"),))
    assert checked_participant(participant_to_dict(person)) == person
    spec = rich_spec()
    answers = {aq.id: AnswerRecord(aq.id, frozenset(aq.question.answer), 3.5, flagged=True)
               for aq in spec.questions}
    assert checked_answers([answer_to_dict(a) for a in answers.values()], spec) == answers
    result = score_attempt(spec, answers, 42.0)
    assert checked_result(attempt_result_to_dict(result), spec) == result
