"""Excluded questions (hall: skipped, or never shown) count nowhere; ranks share ties."""

from __future__ import annotations

from quiz_app.core.model import Order, Scoring
from quiz_app.core.quiz import AnswerRecord, Excluded, competition_ranks, score_attempt
from quiz_app.core.results import attempt_result_from_dict, attempt_result_to_dict
from tests.helpers.fakes import make_bank, make_plan, make_spec


def test_excluded_questions_count_nowhere():
    plan = make_plan(order=Order.BANK, shuffle_options=False, scoring=Scoring.SPEED,
                     question_time_limit=20)
    spec = make_spec(plan, [make_bank(4)])
    q1, q2, q3, _q4 = (aq.id for aq in spec.questions)
    answers = {q1: AnswerRecord(q1, frozenset("A"), 0.0),  # right: 1000
               q2: AnswerRecord(q2, frozenset("A"), 0.0),  # right, but skipped
               q3: AnswerRecord(q3, frozenset("B"), 0.0)}  # wrong
    whole = score_attempt(spec, answers)
    assert (whole.nilai, whole.raw_points, whole.unanswered) == (50.0, 2000, 1)
    part = score_attempt(spec, answers,
                         excluded={q2: Excluded.SKIPPED, spec.questions[3].id: Excluded.NOT_SHOWN})
    assert (part.nilai, part.raw_points, part.max_points) == (50.0, 1000, 2000)
    assert (part.correct, part.wrong, part.unanswered) == (1, 1, 0)
    assert [s.excluded for s in part.per_question] == [
        None, Excluded.SKIPPED, None, Excluded.NOT_SHOWN]
    assert part.per_question[1].answered and part.per_question[1].points == 0
    again = attempt_result_from_dict(attempt_result_to_dict(part))
    assert again == part
    assert "excluded" not in attempt_result_to_dict(whole)["per_question"][0]  # old shape kept


def test_competition_ranks_share_ties_by_points_then_correct():
    assert competition_ranks([(900, 1), (1900, 2), (900, 1), (900, 2), (0, 0)]) == [
        3, 1, 3, 2, 5]
    assert competition_ranks([]) == []
