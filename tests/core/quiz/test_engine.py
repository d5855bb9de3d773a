"""build_attempt (which questions, order, options, time limits) and the Attempt machine."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz_app.core.errors import PlanError, QuizError
from quiz_app.core.model import (
    DrawRule,
    MultipleScoring,
    Navigation,
    Order,
    QuestionType,
    Scoring,
)
from quiz_app.core.quiz import (
    ActionRefused,
    AnswerRecord,
    AnswerRefused,
    Attempt,
    AttemptFinished,
    AttemptState,
    FinishReason,
    NavigationRefused,
    QuestionShown,
    QuestionTimedOut,
    RefusalReason,
    build_attempt,
)
from tests.helpers.fakes import FakeClock, make_bank, make_plan, make_question, make_spec


def ids(spec) -> list[str]:
    return [a.id for a in spec.questions]


# =============================================================== build_attempt: which


def test_no_draw_takes_every_question_of_every_bank():
    b1, b2 = make_bank(5, id="b1"), make_bank(3, id="b2")
    spec = build_attempt(make_plan(order=Order.BANK), [b1, b2], "x")
    assert ids(spec) == [q.id for q in (*b1.questions, *b2.questions)]
    assert spec.seed == "x"


def test_plan_banks_choose_and_order_the_banks():
    b1, b2, b3 = make_bank(2, id="b1"), make_bank(2, id="b2"), make_bank(2, id="b3")
    spec = build_attempt(make_plan(banks=("b3", "b1"), order="bank"), [b1, b2, b3], "x")
    assert ids(spec) == ["b3-001", "b3-002", "b1-001", "b1-002"]


def test_missing_bank_is_a_plan_error():
    with pytest.raises(PlanError, match="'nope'.*tidak dimuat"):
        build_attempt(make_plan(banks=("nope",)), [make_bank()], "x")


def test_duplicate_question_ids_across_banks_are_a_plan_error():
    b1 = make_bank(questions=[make_question("sama")], id="b1")
    b2 = make_bank(questions=[make_question("sama")], id="b2")
    with pytest.raises(PlanError, match="'sama'.*unik"):
        build_attempt(make_plan(), [b1, b2], "x")


def test_category_draw_takes_from_all_banks():
    b1 = make_bank(10, id="b1", categories=("a", "b"))
    b2 = make_bank(10, id="b2", categories=("a", "b"))
    plan = make_plan(draw=[DrawRule(count=8, category="a")])
    for seed in map(str, range(20)):
        spec = build_attempt(plan, [b1, b2], seed)
        assert len(spec.questions) == 8
        assert {a.question.category for a in spec.questions} == {"a"}
        assert len(set(ids(spec))) == 8
    # over many seeds, both banks contribute
    banks_seen = {
        i.split("-")[0] for s in range(20) for i in ids(build_attempt(plan, [b1, b2], str(s)))
    }
    assert banks_seen == {"b1", "b2"}


def test_bank_draw_takes_only_from_that_bank():
    b1, b2 = make_bank(10, id="b1"), make_bank(10, id="b2")
    spec = build_attempt(make_plan(draw=[DrawRule(count=4, bank="b2")]), [b1, b2], "x")
    assert len(spec.questions) == 4
    assert all(i.startswith("b2-") for i in ids(spec))


def test_several_rules_never_draw_a_question_twice():
    bank = make_bank(8, id="b1", categories=("a", "b"))  # 4 a, 4 b
    rules = [DrawRule(count=4, category="a"), DrawRule(count=4, bank="b1")]
    for seed in map(str, range(10)):
        spec = build_attempt(make_plan(draw=rules), [bank], seed)
        assert sorted(ids(spec)) == sorted(q.id for q in bank.questions)


def test_category_and_bank_in_one_rule_means_both():
    b1 = make_bank(6, id="b1", categories=("a", "b"))
    b2 = make_bank(6, id="b2", categories=("a", "b"))
    spec = build_attempt(make_plan(draw=[DrawRule(3, category="a", bank="b2")]), [b1, b2], "x")
    assert all(a.id.startswith("b2-") and a.question.category == "a" for a in spec.questions)


def test_over_drawing_raises_a_clear_plan_error():
    bank = make_bank(6, categories=("a", "b"))  # 3 a
    with pytest.raises(PlanError) as info:
        build_attempt(make_plan(draw=[DrawRule(count=5, category="a")]), [bank], "x")
    msg = info.value.message
    assert "kategori 'a'" in msg and "meminta 5 soal" in msg and "hanya tersedia 3" in msg


def test_over_drawing_counts_questions_taken_by_earlier_rules():
    bank = make_bank(8, id="b1", categories=("a", "b"))
    rules = [DrawRule(count=3, category="a"), DrawRule(count=6, bank="b1")]
    with pytest.raises(PlanError, match="hanya tersedia 5 soal.*sudah diambil"):
        build_attempt(make_plan(draw=rules), [bank], "x")


def test_unknown_category_and_negative_count():
    bank = make_bank(4)
    with pytest.raises(PlanError, match="kategori 'tidak-ada'.*hanya tersedia 0"):
        build_attempt(make_plan(draw=[DrawRule(1, category="tidak-ada")]), [bank], "x")
    with pytest.raises(PlanError, match="negatif"):
        build_attempt(make_plan(draw=[DrawRule(-1, category="umum")]), [bank], "x")


def test_a_plan_without_questions_is_refused():
    with pytest.raises(PlanError, match="tidak menghasilkan"):
        build_attempt(make_plan(draw=[DrawRule(0, category="umum")]), [make_bank(3)], "x")


# =============================================================== build_attempt: order


def test_bank_order_keeps_drawn_questions_in_bank_order():
    bank = make_bank(20, categories=("a", "b"))
    plan = make_plan(order=Order.BANK, draw=[DrawRule(5, category="b"), DrawRule(5, category="a")])
    position = {q.id: i for i, q in enumerate(bank.questions)}
    for seed in map(str, range(10)):
        got = ids(build_attempt(plan, [bank], seed))
        assert got == sorted(got, key=position.__getitem__)


def test_shuffled_order_is_a_permutation_and_actually_shuffles():
    bank = make_bank(20)
    spec = build_attempt(make_plan(order=Order.SHUFFLED), [bank], "x")
    assert sorted(ids(spec)) == [q.id for q in bank.questions]
    assert ids(spec) != [q.id for q in bank.questions]


def test_same_seed_same_spec_and_different_seed_different_order():
    bank = make_bank(20, categories=("a", "b"))
    plan = make_plan()
    assert build_attempt(plan, [bank], "ani") == build_attempt(plan, [bank], "ani")
    assert ids(build_attempt(plan, [bank], "ani")) != ids(build_attempt(plan, [bank], "budi"))
    # the plan's own seed is part of it too
    other = make_plan(seed="sesi-2")
    assert ids(build_attempt(other, [bank], "ani")) != ids(build_attempt(plan, [bank], "ani"))


@settings(max_examples=60, deadline=None)
@given(
    seed=st.text(max_size=20),
    n=st.integers(1, 30),
    n_draw=st.integers(0, 10),
    order=st.sampled_from(list(Order)),
    shuffle_options=st.booleans(),
)
def test_same_seed_same_attempt_property(seed, n, n_draw, order, shuffle_options):
    bank = make_bank(n, categories=("a", "b", "c"))
    draw = [DrawRule(min(n_draw, (n + 2) // 3), category="a")] if n_draw else []
    plan = make_plan(order=order, shuffle_options=shuffle_options, draw=draw)
    first = build_attempt(plan, [bank], seed)
    assert first == build_attempt(plan, [bank], seed)
    assert len(set(ids(first))) == len(first.questions)


# =============================================================== build_attempt: options


def test_options_shuffled_when_plan_and_question_allow():
    bank = make_bank(20)
    spec = build_attempt(make_plan(shuffle_options=True), [bank], "x")
    orders = [a.option_order for a in spec.questions]
    assert all(sorted(o) == ["A", "B", "C", "D"] for o in orders)
    assert any(o != ("A", "B", "C", "D") for o in orders)


def test_question_shuffle_false_always_wins():
    bank = make_bank(20, shuffle=False)
    spec = build_attempt(make_plan(shuffle_options=True), [bank], "x")
    assert all(a.option_order == ("A", "B", "C", "D") for a in spec.questions)


def test_plan_shuffle_options_false_keeps_bank_order():
    bank = make_bank(20)
    spec = build_attempt(make_plan(shuffle_options=False), [bank], "x")
    assert all(a.option_order == ("A", "B", "C", "D") for a in spec.questions)


def test_true_false_is_always_benar_then_salah():
    bank = make_bank(20, type="true_false")
    for seed in map(str, range(5)):
        spec = build_attempt(make_plan(shuffle_options=True), [bank], seed)
        assert all(a.option_order == ("B", "S") for a in spec.questions)


def test_time_limit_per_question_follows_plan_question_time():
    qs = [make_question("own", time_limit=20), make_question("none")]
    bank = make_bank(questions=qs)
    by_id = {a.id: a.time_limit for a in build_attempt(make_plan(), [bank], "x").questions}
    assert by_id == {"own": 20, "none": 30}
    plan = make_plan(question_time_limit=45)
    assert {a.time_limit for a in build_attempt(plan, [bank], "x").questions} == {45}


# =============================================================== Attempt: basics


def new_attempt(n=5, clock=None, bank=None, **plan_kw):
    plan_kw.setdefault("order", Order.BANK)
    plan_kw.setdefault("shuffle_options", False)
    spec = make_spec(make_plan(**plan_kw), [bank or make_bank(n)])
    clock = clock or FakeClock()
    return Attempt(spec, clock), clock


def test_states_and_refusal_before_start():
    a, _ = new_attempt()
    assert a.state is AttemptState.NOT_STARTED and not a.is_started
    with pytest.raises(AnswerRefused) as info:
        a.answer("A")
    assert info.value.reason is RefusalReason.NOT_STARTED
    assert str(info.value) == "Tes belum dimulai."
    assert isinstance(info.value, QuizError)
    assert a.start() == []
    assert a.state is AttemptState.IN_PROGRESS
    assert a.start() == []  # idempotent
    a.finish()
    assert a.state is AttemptState.FINISHED and a.is_finished


def test_answer_records_time_taken_from_the_clock():
    a, clock = new_attempt()
    a.start()
    clock.advance(4.25)
    r = a.answer("B")
    assert r == AnswerRecord("bank-001", frozenset("B"), 4.25, False)
    clock.advance(2)
    r2 = a.answer("C")  # changing the answer while time lasts is allowed
    assert r2.choice == frozenset("C") and r2.time_taken == 6.25
    clock.advance(1)
    assert a.answer("C") is r2  # same choice again: nothing changes, time kept
    assert a.answers == {"bank-001": r2}
    assert a.record() == r2 and a.record(1) is None


def test_invalid_choices_are_refused():
    a, _ = new_attempt()
    a.start()
    with pytest.raises(AnswerRefused, match="Pilihan E tidak ada") as info:
        a.answer("E")
    assert info.value.reason is RefusalReason.INVALID_CHOICE
    with pytest.raises(AnswerRefused, match="satu jawaban"):
        a.answer({"A", "B"})
    assert a.answers == {}


def test_multiple_toggle_and_set():
    bank = make_bank(3, type="multiple", answer="AB")
    a, clock = new_attempt(bank=bank)
    a.start()
    assert a.toggle("A").choice == {"A"}
    clock.advance(1)
    assert a.toggle("C").choice == {"A", "C"}
    r = a.toggle("C")
    assert r.choice == {"A"} and r.time_taken == 1
    assert a.answer(["A", "B"]).choice == {"A", "B"}
    assert a.answer([]).choice == frozenset()  # clearing is an answer change too
    assert a.answered_count == 0


def test_toggle_on_single_selects():
    a, _ = new_attempt()
    a.start()
    a.toggle("A")
    assert a.toggle("B").choice == {"B"}


def test_flag_and_counts():
    a, clock = new_attempt(n=4)
    a.start()
    clock.advance(3)
    r = a.flag()
    assert r == AnswerRecord("bank-001", frozenset(), 0.0, True)
    clock.advance(1)
    r = a.answer("A")
    assert r.flagged and r.time_taken == 4
    assert a.flag().flagged is False
    assert a.flag(on=True).flagged is True
    assert a.flag(on=True).flagged is True
    a.next()
    a.answer("B")
    assert (a.answered_count, a.flagged_count, a.unanswered_count) == (2, 1, 2)


def test_skip_records_the_question_and_moves_on():
    a, clock = new_attempt(n=3)
    a.start()
    clock.advance(2)
    r = a.skip()
    assert r == AnswerRecord("bank-001", frozenset(), 2.0, False)
    assert a.current_index == 1
    a.answer("A")
    kept = a.skip()
    assert kept.choice == {"A"} and a.current_index == 2
    a.skip()
    assert a.current_index == 2  # last question: stays
    assert a.next() == 2


def test_queries_for_the_ui():
    a, clock = new_attempt(n=3, time_limit=100, question_time_limit=30)
    assert a.test_remaining() == 100 and a.question_remaining() == 30
    a.start()
    clock.advance(12.5)
    assert a.current.id == "bank-001" and a.current_index == 0
    assert a.question_remaining() == 17.5 and a.question_used() == 12.5
    assert a.test_remaining() == 87.5 and a.elapsed == 12.5
    assert a.can_answer() and a.is_last is False and len(a) == 3
    assert a.free_navigation and not a.can_go_back


def test_no_test_time_limit():
    a, clock = new_attempt()
    a.start()
    clock.advance(10)
    assert a.test_remaining() is None


# =============================================================== deadlines


def test_question_time_up_auto_advances():
    a, clock = new_attempt(n=3, question_time_limit=30)
    a.start()
    clock.advance(29.9)
    assert a.poll() == []
    clock.advance(0.1)
    events = a.poll()
    assert events == [
        QuestionTimedOut(0, "bank-001", AnswerRecord("bank-001", frozenset(), 30.0)),
        QuestionShown(1, 0),
    ]
    assert a.current_index == 1 and a.question_remaining() == 30
    assert a.answers["bank-001"].choice == frozenset()
    assert a.poll() == []


def test_time_out_of_an_answered_question_keeps_the_answer():
    a, clock = new_attempt(n=3, question_time_limit=30)
    a.start()
    clock.advance(10)
    a.answer("A")
    clock.advance(25)
    assert a.poll() == [QuestionTimedOut(0, "bank-001", None), QuestionShown(1, 0)]
    assert a.answers["bank-001"].choice == {"A"}
    assert a.answers["bank-001"].time_taken == 10


def test_answer_after_the_question_deadline_is_refused_even_before_the_tick():
    a, clock = new_attempt(question_time_limit=30)
    a.start()
    a.answer("A")
    clock.advance(30)
    with pytest.raises(AnswerRefused) as info:
        a.answer("B")
    assert info.value.reason is RefusalReason.QUESTION_TIME_UP
    assert "habis" in str(info.value)
    assert not a.can_answer()
    assert a.answers["bank-001"].choice == {"A"}
    assert a.flag().flagged  # flagging is still allowed


def test_late_tick_does_not_give_the_next_question_less_time():
    a, clock = new_attempt(question_time_limit=30)
    a.start()
    clock.advance(37)  # the UI was busy: tick 7 s late
    a.poll()
    assert a.current_index == 1 and a.question_remaining() == 30
    assert a.question_used(0) == 30


def test_whole_test_time_limit_finishes_the_attempt():
    a, clock = new_attempt(n=5, question_time_limit=30, time_limit=50)
    a.start()
    clock.advance(30)
    assert [type(e) for e in a.poll()] == [QuestionTimedOut, QuestionShown]
    clock.advance(19)
    a.answer("A")
    assert a.test_remaining() == 1
    clock.advance(4)  # tick late: elapsed is still capped at the limit
    assert a.poll() == [AttemptFinished(FinishReason.TEST_TIME_UP, 50.0)]
    assert a.is_finished and a.finish_reason is FinishReason.TEST_TIME_UP
    assert a.elapsed == 50 and a.test_remaining() == 0
    with pytest.raises(AnswerRefused) as info:
        a.answer("B")
    assert info.value.reason is RefusalReason.TEST_TIME_UP
    assert a.poll() == []
    r = a.result()
    assert r.duration == 50 and r.correct == 1 and r.unanswered == 4


def test_answer_after_test_deadline_before_tick_is_refused_and_tick_reports_finish():
    a, clock = new_attempt(question_time_limit=30, time_limit=20)
    a.start()
    clock.advance(20)
    with pytest.raises(AnswerRefused) as info:
        a.answer("A")
    assert info.value.reason is RefusalReason.TEST_TIME_UP
    assert a.is_finished
    assert a.poll() == [AttemptFinished(FinishReason.TEST_TIME_UP, 20.0)]
    assert a.poll() == []
    assert a.answers == {}


def test_navigation_after_test_deadline_is_refused():
    a, clock = new_attempt(time_limit=20)
    a.start()
    clock.advance(21)
    with pytest.raises(NavigationRefused):
        a.next()
    assert a.is_finished


def test_last_question_timing_out_finishes_in_forward_mode():
    a, clock = new_attempt(n=2, question_time_limit=10, navigation=Navigation.FORWARD)
    a.start()
    clock.advance(10)
    a.poll()
    clock.advance(10)
    events = a.poll()
    assert events == [
        QuestionTimedOut(1, "bank-002", AnswerRecord("bank-002", frozenset(), 10.0)),
        AttemptFinished(FinishReason.NO_TIME_LEFT, 20.0),
    ]


def test_free_mode_time_out_wraps_to_questions_with_time_left():
    a, clock = new_attempt(n=3, question_time_limit=10)
    a.start()
    clock.advance(2)
    a.skip()  # q0 used 2
    clock.advance(10)
    a.poll()  # q1 out -> q2
    assert a.current_index == 2
    clock.advance(10)
    events = a.poll()  # q2 out -> back to q0, which has 8 s left
    assert events[-1] == QuestionShown(0, 2)
    assert a.question_remaining() == 8
    clock.advance(8)
    assert a.poll()[-1] == AttemptFinished(FinishReason.NO_TIME_LEFT, 30.0)


def test_time_up_ends_the_attempt_now():
    a, clock = new_attempt()
    a.start()
    clock.advance(5)
    assert a.time_up() == [AttemptFinished(FinishReason.TEST_TIME_UP, 5.0)]
    assert a.time_up() == []


def test_finish_and_result():
    a, clock = new_attempt(n=4, pass_mark=50)
    a.start()
    a.answer("A")
    a.next()
    a.answer("B")
    clock.advance(9)
    assert a.finish() == [AttemptFinished(FinishReason.SUBMITTED, 9.0)]
    assert a.finish() == []
    with pytest.raises(AnswerRefused) as info:
        a.answer("A")
    assert info.value.reason is RefusalReason.FINISHED
    clock.advance(100)
    r = a.result()
    assert (r.nilai, r.correct, r.wrong, r.unanswered, r.duration) == (25.0, 1, 1, 2, 9.0)
    assert not r.passed


def test_finish_after_the_deadline_reports_time_up():
    a, clock = new_attempt(time_limit=10)
    a.start()
    clock.advance(11)
    assert a.finish() == [AttemptFinished(FinishReason.TEST_TIME_UP, 10.0)]


def test_speed_mode_through_the_engine():
    a, clock = new_attempt(n=3, question_time_limit=20, scoring=Scoring.SPEED)
    a.start()
    a.answer("A")  # t=0 -> 1000
    a.next()
    clock.advance(10)
    a.answer("A")  # t=10 of 20 -> 750
    a.next()
    clock.advance(19)
    a.answer("B")  # wrong -> 0
    r = a.result()
    assert r.raw_points == 1750 and r.max_points == 3000
    assert r.nilai == 66.67


def test_speed_mode_late_answer_is_refused():
    a, clock = new_attempt(question_time_limit=20, scoring=Scoring.SPEED)
    a.start()
    clock.advance(20)
    with pytest.raises(AnswerRefused):
        a.answer("A")


# =============================================================== navigation


def test_forward_navigation_refuses_going_back():
    a, _ = new_attempt(navigation=Navigation.FORWARD)
    a.start()
    assert a.next() == 1
    assert not a.can_go_back
    with pytest.raises(NavigationRefused, match="tidak mengizinkan kembali") as info:
        a.back()
    assert info.value.reason is RefusalReason.NAVIGATION
    assert isinstance(info.value, ActionRefused)
    with pytest.raises(NavigationRefused):
        a.go_to(0)
    with pytest.raises(NavigationRefused):
        a.go_to(3)  # no jumping ahead either
    assert a.go_to(1) == 1  # staying put is fine
    assert a.current_index == 1


def test_free_navigation_back_and_go_to():
    a, _ = new_attempt(n=5)
    a.start()
    assert a.go_to(3) == 3
    assert a.back() == 2
    assert a.can_go_back
    assert a.go_to(0) == 0 and a.back() == 0
    with pytest.raises(NavigationRefused, match="nomor 6"):
        a.go_to(5)


def test_revisiting_continues_the_question_timer():
    a, clock = new_attempt(n=3, question_time_limit=30)
    a.start()
    clock.advance(20)
    a.next()
    clock.advance(5)
    a.back()
    assert a.question_remaining() == 10  # not a fresh 30
    clock.advance(9)
    a.answer("A")
    assert a.answers["bank-001"].time_taken == 29  # all visits together
    clock.advance(1)
    assert [type(e) for e in a.poll()] == [QuestionTimedOut, QuestionShown]
    assert a.current_index == 1 and a.question_remaining() == 25


def test_an_expired_question_can_be_viewed_but_not_answered():
    a, clock = new_attempt(n=3, question_time_limit=10)
    a.start()
    clock.advance(10)
    a.poll()  # -> q1
    a.go_to(0)
    clock.advance(5)
    assert a.poll() == []  # no second time-out, no auto-advance
    assert a.question_remaining() == 0
    with pytest.raises(AnswerRefused):
        a.answer("A")
    a.next()
    assert a.question_remaining() == 10  # q1 was not charged while q0 was shown


def test_moving_away_right_after_expiry_does_not_skip_a_question():
    a, clock = new_attempt(n=3, question_time_limit=10)
    a.start()
    clock.advance(11)  # expired, tick not yet seen
    assert a.next() == 1
    assert a.poll() == []  # the participant's move wins; no extra advance
    assert a.current_index == 1


# =============================================================== resume


def test_resume_gives_the_same_remaining_time_and_state():
    a, clock = new_attempt(n=4, question_time_limit=30, time_limit=200)
    a.start()
    clock.advance(5)
    saved = {}
    saved["bank-001"] = a.answer("A")
    clock.advance(3)
    a.next()
    clock.advance(4)
    saved["bank-002"] = a.flag()
    clock.advance(6)
    saved["bank-002"] = a.answer("C")
    clock.advance(2)
    cp = a.checkpoint()
    assert cp.elapsed == 20 and cp.current == 1
    assert cp.question_time_used["bank-001"] == 8 and cp.question_time_used["bank-002"] == 12
    before = (a.test_remaining(), a.question_remaining(), a.answers, a.current_index)

    # crash; much later the app restarts with a fresh monotonic clock
    clock2 = FakeClock(start=5.0)
    b = Attempt(
        a.spec, clock2, answers=saved, elapsed=cp.elapsed, current=cp.current,
        question_time_used=cp.question_time_used,
    )
    assert b.state is AttemptState.NOT_STARTED
    assert b.start() == []
    assert (b.test_remaining(), b.question_remaining(), b.answers, b.current_index) == before
    assert b.answers["bank-002"].flagged
    assert b.result() == a.result()
    clock2.advance(10)
    assert b.test_remaining() == 170 and b.elapsed == 30
    b.back()
    assert b.question_remaining() == 22  # question 1 still has its 8 s used


def test_resume_without_question_times_uses_answer_times():
    spec = make_spec(make_plan(order="bank", question_time_limit=30), [make_bank(3)])
    answers = {"bank-001": AnswerRecord("bank-001", frozenset("A"), 12.0)}
    b = Attempt(spec, FakeClock(), answers=answers, elapsed=12.0)
    b.start()
    assert b.question_remaining() == 18


def test_resume_onto_an_expired_question_moves_on():
    spec = make_spec(make_plan(order="bank", question_time_limit=30), [make_bank(3)])
    answers = {"bank-001": AnswerRecord("bank-001", frozenset(), 30.0)}  # timed out
    b = Attempt(spec, FakeClock(), answers=answers, elapsed=30.0, current=0)
    assert b.start() == [QuestionShown(1, 0)]
    assert b.current_index == 1


def test_resume_after_the_test_time_is_used_up_finishes_at_once():
    spec = make_spec(make_plan(time_limit=60), [make_bank(3)])
    b = Attempt(spec, FakeClock(), elapsed=61.0, current=2)
    assert b.start() == [AttemptFinished(FinishReason.TEST_TIME_UP, 60.0)]
    assert b.is_finished


def test_resume_ignores_unknown_answers_and_clamps_current():
    spec = make_spec(make_plan(), [make_bank(3)])
    b = Attempt(spec, FakeClock(), answers={"x": AnswerRecord("x")}, current=99)
    assert b.answers == {} and b.current_index == 2


# =============================================================== property: any sequence

ACTIONS = st.lists(
    st.one_of(
        st.tuples(st.just("advance"), st.floats(0, 25)),
        st.tuples(st.just("answer"), st.sampled_from(["A", "B", "C", "D", "E"])),
        st.tuples(st.just("toggle"), st.sampled_from(["A", "B", "C"])),
        st.tuples(st.sampled_from(["poll", "next", "back", "skip", "flag", "finish"]), st.none()),
        st.tuples(st.just("go_to"), st.integers(0, 5)),
    ),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(
    actions=ACTIONS,
    navigation=st.sampled_from(list(Navigation)),
    time_limit=st.one_of(st.none(), st.integers(5, 120)),
    multiple=st.sampled_from(list(MultipleScoring)),
    scoring=st.sampled_from(list(Scoring)),
)
def test_any_action_sequence_keeps_the_invariants(
    actions, navigation, time_limit, multiple, scoring
):
    qs = [
        make_question("s", time_limit=10),
        make_question("m", type=QuestionType.MULTIPLE, answer="AB", time_limit=15),
        make_question("t", type=QuestionType.TRUE_FALSE, time_limit=8),
        make_question("p", type=QuestionType.POLL, time_limit=12),
        make_question("s2", time_limit=20),
    ]
    plan = make_plan(
        navigation=navigation, time_limit=time_limit, multiple_scoring=multiple, scoring=scoring
    )
    clock = FakeClock()
    a = Attempt(build_attempt(plan, [make_bank(questions=qs)], "p"), clock)
    a.start()
    persisted: dict[str, AnswerRecord] = {}
    for name, arg in actions:
        try:
            if name == "advance":
                clock.advance(arg)
            elif name in ("answer", "toggle", "go_to"):
                out = getattr(a, name)(arg)
            else:
                out = getattr(a, name)()
        except ActionRefused:
            continue
        if name in ("answer", "toggle", "flag", "skip"):
            persisted[out.question_id] = out
        if name in ("poll", "finish"):
            for e in out:
                if isinstance(e, QuestionTimedOut) and e.record is not None:
                    persisted[e.question_id] = e.record
        for i in range(len(a)):
            limit = a.question_limit(i)
            assert 0 <= a.question_used(i) <= (limit if limit is not None else a.elapsed)
        if time_limit is not None:
            assert 0 <= a.elapsed <= time_limit or not a.is_finished
            assert a.test_remaining() >= 0
        for r in a.answers.values():
            limit = a.question_limit(next(i for i, q in enumerate(a.questions)
                                          if q.id == r.question_id))
            assert limit is None or r.time_taken < limit or not r.choice
    # everything the engine holds was handed out for persisting
    assert persisted == a.answers
    assert all(qid == r.question_id for qid, r in a.answers.items())
    result = a.result()
    assert 0 <= result.nilai <= 100


def test_attempt_ends_when_no_question_has_time_left_even_after_moving_away():
    a, clock = new_attempt(n=2, question_time_limit=10)
    a.start()
    clock.advance(10)
    a.poll()  # q0 out -> q1
    clock.advance(12)  # q1 out, but the participant goes back before the tick
    a.back()
    assert a.poll() == [AttemptFinished(FinishReason.NO_TIME_LEFT, 22.0)]
    assert not a.question_open(0) and not a.question_open(1)


# ============================================ per-question countdowns (issue 11.16)


def test_a_whole_test_limit_alone_sets_no_per_question_countdown():
    """20 questions in a 20-minute test: a participant may spend 5 minutes on one."""
    a, clock = new_attempt(n=20, time_limit=1200)
    assert a.question_limit() is None and not a.question_timed()
    a.start()
    clock.advance(300)
    assert a.poll() == []
    assert a.current_index == 0 and a.can_answer()
    assert a.answer("A").time_taken == 300
    assert a.question_remaining() == float("inf")
    clock.advance(900)
    assert a.poll() == [AttemptFinished(FinishReason.TEST_TIME_UP, 1200.0)]


def test_the_plan_can_still_ask_for_a_per_question_countdown_with_a_test_limit():
    a, clock = new_attempt(n=3, time_limit=600, question_time_limit=20)
    assert a.question_limit() == 20 and a.question_timed()
    a.start()
    clock.advance(20)
    assert [type(e) for e in a.poll()] == [QuestionTimedOut, QuestionShown]


def test_without_a_test_limit_questions_keep_their_own_or_default_time():
    qs = [make_question("own", time_limit=20), make_question("none")]
    a = Attempt(build_attempt(make_plan(order="bank"), [make_bank(questions=qs)], "x"),
                FakeClock())
    assert [a.question_limit(i) for i in range(2)] == [20, 30]


def test_survey_questions_have_no_countdown_and_no_ragu_ragu():
    qs = [make_question("p", type=QuestionType.POLL, time_limit=10), make_question("s")]
    a = Attempt(build_attempt(make_plan(order="bank"), [make_bank(questions=qs)], "x"),
                FakeClock())
    assert a.question_limit(0) is None and a.question_limit(1) == 30
    a.start()
    with pytest.raises(AnswerRefused) as info:
        a.flag()
    assert info.value.reason is RefusalReason.NOT_FLAGGABLE
    # a survey plan: no countdown on any question, even one with its own time
    survey = Attempt(build_attempt(make_plan(order="bank", kind="survey"),
                                   [make_bank(questions=[make_question("s", time_limit=15)])],
                                   "x"), FakeClock())
    assert survey.question_limit(0) is None
