"""Scoring rules, with hand-computed examples (the same ones as docs/scoring.md)."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz_app.core.model import MultipleScoring, Order, QuestionType, Scoring
from quiz_app.core.quiz import (
    AnswerRecord,
    AttemptQuestion,
    AttemptSpec,
    accuracy_share,
    round_half_up,
    score_attempt,
    score_question,
    speed_points,
)
from tests.helpers.fakes import make_bank, make_plan, make_question, make_spec


def aq(q, time_limit: int = 30) -> AttemptQuestion:
    return AttemptQuestion(q, q.option_keys, time_limit)


def spec_of(questions, **plan_overrides) -> AttemptSpec:
    plan = make_plan(**plan_overrides)
    return AttemptSpec("s", plan, tuple(aq(q) for q in questions))


def rec(qid: str, *keys: str, t: float = 0.0, flagged: bool = False) -> AnswerRecord:
    return AnswerRecord(qid, frozenset(keys), t, flagged)


# ----------------------------------------------------------------- single questions


@pytest.mark.parametrize(
    ("qtype", "answer", "choice", "points", "correct"),
    [
        (QuestionType.SINGLE, "B", ("B",), 10.0, True),
        (QuestionType.SINGLE, "B", ("C",), 0.0, False),
        (QuestionType.SINGLE, "B", ("B", "C"), 0.0, False),  # two keys is never right
        (QuestionType.TRUE_FALSE, "B", ("B",), 10.0, True),
        (QuestionType.TRUE_FALSE, "S", ("B",), 0.0, False),
    ],
)
def test_single_and_true_false_all_or_nothing(qtype, answer, choice, points, correct):
    q = make_question("q", type=qtype, answer=answer, points=10)
    s = score_question(aq(q), rec("q", *choice), make_plan())
    assert s.points == points
    assert s.max_points == 10.0
    assert s.correct is correct
    assert s.answered


def test_unanswered_scores_zero_and_correct_is_none():
    q = make_question("q", points=5)
    for r in (None, rec("q")):
        s = score_question(aq(q), r, make_plan())
        assert (s.points, s.max_points, s.correct, s.answered) == (0.0, 5.0, None, False)


@pytest.mark.parametrize(
    ("choice", "share"),
    [
        (("A", "B", "C"), Fraction(1)),
        (("A", "B"), Fraction(2, 3)),
        (("A",), Fraction(1, 3)),
        (("A", "B", "D"), Fraction(1, 3)),  # 2 right - 1 wrong = 1 of 3
        (("A", "D"), Fraction(0)),  # 1 - 1 = 0
        (("D",), Fraction(0)),  # max(0, -1/3)
        (("A", "B", "C", "D"), Fraction(2, 3)),  # choosing everything is not free
    ],
)
def test_multiple_partial(choice, share):
    q = make_question("m", type="multiple", answer="ABC", points=3)
    plan = make_plan(multiple_scoring=MultipleScoring.PARTIAL)
    assert accuracy_share(q, frozenset(choice), plan) == share
    s = score_question(aq(q), rec("m", *choice), plan)
    assert s.points == pytest.approx(float(share * 3))
    assert s.fraction == pytest.approx(float(share))
    assert s.correct is (share == 1)  # partly right counts as salah


def test_multiple_all_or_nothing():
    q = make_question("m", type="multiple", answer="ABC", points=3)
    plan = make_plan(multiple_scoring=MultipleScoring.ALL_OR_NOTHING)
    assert score_question(aq(q), rec("m", "A", "B"), plan).points == 0.0
    assert score_question(aq(q), rec("m", "A", "B", "C"), plan).points == 3.0


def test_poll_is_never_scored():
    q = make_question("p", type="poll", points=10)
    s = score_question(aq(q), rec("p", "A"), make_plan())
    assert (s.points, s.max_points, s.correct, s.answered) == (0.0, 0.0, None, True)


# ----------------------------------------------------------------- whole attempts


def worked_example_questions():
    return [
        make_question("s1", category="berakhlak", answer="A", points=10),
        make_question("s2", category="berakhlak", answer="A", points=10),
        make_question("s3", category="netralitas", answer="B", points=20),
        make_question("m1", type="multiple", category="netralitas", answer="ABC", points=30),
        make_question("p1", type="poll", category="pendapat"),
        make_question("s4", category="netralitas", answer="C", points=10),
    ]


def test_worked_example_accuracy():
    spec = spec_of(worked_example_questions(), pass_mark=70)
    answers = {
        "s1": rec("s1", "A"),  # benar 10
        "s2": rec("s2", "B"),  # salah 0
        "s3": rec("s3", "B"),  # benar 20
        "m1": rec("m1", "A", "B"),  # sebagian benar, 2/3 of 30 = 20
        "p1": rec("p1", "A"),  # poll: ignored
        # s4 tidak dijawab
    }
    r = score_attempt(spec, answers, duration=95.5)
    assert r.raw_points == pytest.approx(50.0)
    assert r.max_points == 80.0
    assert r.nilai == 62.5  # 50 / 80
    assert r.nilai_per_category == {"berakhlak": 50.0, "netralitas": 66.67}  # 40/60
    # the multiple-answer question with partial credit is "sebagian benar", not "salah"
    assert (r.correct, r.partial, r.wrong, r.unanswered) == (2, 1, 1, 1)
    assert r.duration == 95.5
    assert r.passed is False
    assert r.graded
    assert [s.question_id for s in r.per_question] == ["s1", "s2", "s3", "m1", "p1", "s4"]


def test_nilai_rounds_half_up_not_bankers():
    # 1 of 800 points = 0.125 % -> 0.13 (Python's round() would give 0.12)
    qs = [make_question("a", points=1), make_question("b", points=799)]
    r = score_attempt(spec_of(qs), {"a": rec("a", "A"), "b": rec("b", "B")})
    assert r.nilai == 0.13
    assert round_half_up(0.125) == 0.13
    assert round_half_up(2.675) == 2.68  # float 2.675 is below 2.675; we round the decimal
    assert round_half_up(Fraction(2, 3) * 100) == 66.67
    assert round_half_up(Fraction(1, 3) * 100) == 33.33


def test_decimal_weights_are_exact():
    # 0.1 + 0.2 of 0.3 is exactly 100, not 99.99999999999999
    qs = [make_question("a", points=0.1), make_question("b", points=0.2)]
    r = score_attempt(spec_of(qs), {"a": rec("a", "A"), "b": rec("b", "A")})
    assert r.nilai == 100.0
    assert r.passed


def test_pass_mark_is_inclusive_on_the_rounded_nilai():
    qs = [make_question(f"q{i}") for i in range(10)]
    answers = {f"q{i}": rec(f"q{i}", "A") for i in range(7)}
    assert score_attempt(spec_of(qs, pass_mark=70), answers).passed
    assert not score_attempt(spec_of(qs, pass_mark=70.01), answers).passed


def test_survey_of_only_polls():
    qs = [make_question(f"p{i}", type="poll", category="pendapat") for i in range(3)]
    r = score_attempt(spec_of(qs, pass_mark=70), {"p0": rec("p0", "A")})
    assert (r.nilai, r.max_points, r.raw_points) == (0.0, 0.0, 0.0)
    assert (r.correct, r.wrong, r.unanswered) == (0, 0, 0)
    assert r.nilai_per_category == {}
    assert r.passed is True
    assert r.graded is False


def test_answers_for_unknown_questions_are_ignored():
    qs = [make_question("a")]
    r = score_attempt(spec_of(qs), {"a": rec("a", "A"), "zzz": rec("zzz", "A")})
    assert r.nilai == 100.0 and r.correct == 1


# ----------------------------------------------------------------- speed mode


@pytest.mark.parametrize(
    ("t", "expected"),
    [(0, 1000), (30, 500), (15, 750), (7.5, 875), (29.97, 501), (29.99, 500), (1, 983)],
)
def test_speed_formula(t, expected):
    # round((1 - (t/T)/2) * 1000): 29.97 -> 500.5 -> 501 (half-up); 1 -> 983.33 -> 983
    assert speed_points(1, t, 30) == expected


def test_speed_points_zero_when_wrong_and_weighted_by_points():
    assert speed_points(0, 0, 30) == 0
    assert speed_points(1, 0, 30, weight=2) == 2000  # a "double points" question
    assert speed_points(Fraction(2, 3), 0, 30) == 667  # partial multiple: 666.67
    assert speed_points(1, 45, 30) == 500  # clamped (the engine refuses late answers)


def test_speed_mode_attempt_and_nilai_still_measures_accuracy():
    qs = [
        make_question("a", answer="A"),
        make_question("b", answer="A"),
        make_question("m", type="multiple", answer="AB"),
        make_question("p", type="poll"),
    ]
    answers = {
        "a": rec("a", "A", t=0.0),  # 1000
        "b": rec("b", "B", t=3.0),  # wrong: 0
        "m": rec("m", "A", t=15.0),  # half right: 0.5 * 750 = 375
        "p": rec("p", "A", t=1.0),
    }
    speed = score_attempt(spec_of(qs, scoring=Scoring.SPEED), answers)
    accuracy = score_attempt(spec_of(qs, scoring=Scoring.ACCURACY), answers)
    assert speed.raw_points == 1375
    assert speed.max_points == 3000
    assert speed.nilai == accuracy.nilai == 50.0  # (1 + 0 + 0.5) / 3
    assert speed.passed == accuracy.passed
    assert [s.points for s in speed.per_question] == [1000, 0, 375, 0]


# ----------------------------------------------------------------- properties

TYPES = st.sampled_from(list(QuestionType))


@st.composite
def questions_and_answers(draw):
    n = draw(st.integers(1, 12))
    qs = []
    answers = {}
    for i in range(n):
        qtype = draw(TYPES)
        n_opt = draw(st.integers(2, 6))
        keys = ("B", "S") if qtype == QuestionType.TRUE_FALSE else tuple("ABCDEF"[:n_opt])
        if qtype == QuestionType.MULTIPLE:
            answer = draw(st.sets(st.sampled_from(keys), min_size=1))
        else:
            answer = {draw(st.sampled_from(keys))}
        points = draw(st.sampled_from([0, 0.5, 1, 2, 2.5, 10, 100]))
        q = make_question(
            f"q{i}", type=qtype, n_options=n_opt, answer=answer, points=points,
            category=draw(st.sampled_from(["a", "b", "c"])),
        )
        qs.append(q)
        if draw(st.booleans()):
            choice = draw(st.sets(st.sampled_from(keys)))
            answers[q.id] = AnswerRecord(q.id, frozenset(choice), draw(st.floats(0, 30)))
    return qs, answers


PLAN_VARIANTS = st.fixed_dictionaries(
    {
        "scoring": st.sampled_from(list(Scoring)),
        "multiple_scoring": st.sampled_from(list(MultipleScoring)),
        "pass_mark": st.floats(0, 100),
    }
)


@settings(max_examples=150, deadline=None)
@given(questions_and_answers(), PLAN_VARIANTS)
def test_nilai_always_between_0_and_100(qa, plan_kw):
    qs, answers = qa
    r = score_attempt(spec_of(qs, **plan_kw), answers)
    assert 0.0 <= r.nilai <= 100.0
    assert all(0.0 <= v <= 100.0 for v in r.nilai_per_category.values())
    assert 0.0 <= r.raw_points <= r.max_points + 1e-9
    assert r.nilai == round(r.nilai, 2)
    scored = sum(1 for q in qs if q.type != QuestionType.POLL)
    assert r.correct + r.partial + r.wrong + r.unanswered == scored


@settings(max_examples=100, deadline=None)
@given(questions_and_answers(), PLAN_VARIANTS, st.randoms(use_true_random=False))
def test_option_order_never_changes_the_score(qa, plan_kw, rnd):
    qs, answers = qa
    spec = spec_of(qs, **plan_kw)
    permuted = []
    for a in spec.questions:
        order = list(a.option_order)
        rnd.shuffle(order)
        permuted.append(replace(a, option_order=tuple(order)))
    assert score_attempt(replace(spec, questions=tuple(permuted)), answers) == score_attempt(
        spec, answers
    )


@settings(max_examples=30, deadline=None)
@given(st.text(max_size=12), st.text(max_size=12))
def test_shuffled_specs_of_the_same_questions_score_alike(seed1, seed2):
    bank = make_bank(8, categories=("a", "b"), type="multiple", answer="AB")
    plan = make_plan(order=Order.SHUFFLED)
    s1, s2 = make_spec(plan, [bank], seed1), make_spec(plan, [bank], seed2)
    answers = {q.id: rec(q.id, "A", "C") for q in bank.questions[::2]}
    r1, r2 = score_attempt(s1, answers), score_attempt(s2, answers)
    assert (r1.nilai, r1.nilai_per_category, r1.correct, r1.wrong) == (
        r2.nilai, r2.nilai_per_category, r2.correct, r2.wrong
    )


def test_a_result_stored_before_partial_was_counted_reads_its_partials():
    """Results stored by an older version counted a partly right answer under "wrong"."""
    from quiz_app.core.results import attempt_result_from_dict, attempt_result_to_dict

    spec = spec_of(worked_example_questions(), pass_mark=70)
    r = score_attempt(spec, {"s1": rec("s1", "A"), "s2": rec("s2", "B"),
                             "m1": rec("m1", "A", "B")})
    old = attempt_result_to_dict(r)
    del old["partial"]
    old["wrong"] = 2  # s2 and m1, as the old scoring counted them
    back = attempt_result_from_dict(old)
    assert (back.correct, back.partial, back.wrong) == (1, 1, 1)
    assert attempt_result_from_dict(attempt_result_to_dict(r)) == r
