"""Item analysis checked against a small example worked out by hand.

Six participants, five single-choice questions (key A, options A-D), filled through the
engine and the real store. 1 = right:

    person  answers (q1..q5)   q1 q2 q3 q4 q5  total
    P1      A A A A B           1  1  1  1  0    4
    P2      A A A B C           1  1  1  0  0    3
    P3      A A A C D           1  1  1  0  0    3
    P4      A A B B A           1  1  0  0  1    3
    P5      A B C D B           1  0  0  0  0    1
    P6      A - B B A           1  0  0  0  1    2      (q2 left unanswered)

Facility p: q1 6/6 = 1, q2 4/6 = .667, q3 3/6 = .5, q4 1/6 = .167, q5 2/6 = .333.

KR-20 = k/(k-1) * (1 - sum(pq) / var(total)), population variances:
    totals 4,3,3,3,1,2: mean 8/3, var = (16+1+1+1+25+4)/9/6 = 8/9
    sum pq = 0 + 2/9 + 1/4 + 5/36 + 2/9 = 30/36 = 5/6
    KR-20 = 5/4 * (1 - (5/6)/(8/9)) = 5/4 * 3/48 = 5/64 = 0.078125

Discrimination r = Pearson(item score, rest score = total - item):
    q2: x 1,1,1,1,0,0  rest 3,2,2,2,1,2  -> sum dxdr 1, sum dx2 4/3, sum dr2 2  -> sqrt(3/8)
    q3: x 1,1,1,0,0,0  rest 3,2,2,3,1,2  -> .5 / sqrt(1.5 * 17/6)              -> sqrt(1/17)
    q4: x 1,0,0,0,0,0  rest 3,3,3,3,1,2  -> .5 / sqrt(5/6 * 3.5)               -> sqrt(3/35)
    q5: x 0,0,0,1,0,1  rest 4,3,3,2,1,1  -> (-5/3) / sqrt(4/3 * 22/3)          -> -5/sqrt(88)
    q1: everybody right, no variance -> None

Option counts: q1 A6 (B, C, D unused); q2 A4 B1, 1 blank (C, D unused); q3 A3 B2 C1 (D
unused); q4 A1 B3 C1 D1; q5 A2 B2 C1 D1.
Flags: q1 too easy + unused distractors; q2, q3 unused distractors; q4 too hard (< .2);
q5 negative discrimination.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from quiz_app.core.model import DrawRule, Participant
from quiz_app.core.results import (
    ItemFlag,
    Kr20Note,
    ResultsStore,
    analyse,
    kr20,
    load_results,
    pearson,
)
from tests.helpers.fakes import make_plan, make_question
from tests.helpers.results import bank_of, fixed_spec, take

ANSWERS = [
    "AAAAB",
    "AAABC",
    "AAACD",
    "AABBA",
    "ABCDB",
    "A-BBA",
]


@pytest.fixture
def store(tmp_path: Path):
    with ResultsStore.open_in(tmp_path) as s:
        yield s


def _hand_example(store: ResultsStore) -> int:
    bank = bank_of([make_question(f"q{i}", category="umum", answer="A") for i in range(1, 6)],
                   [("umum", "Umum")])
    plan = make_plan(order="bank", shuffle_options=True, banks=(bank.id,))
    sid = store.create_session("Analisis", plan).id
    for n, row in enumerate(ANSWERS, start=1):
        spec = fixed_spec(bank, plan, seed=f"p{n}")
        answers = {f"q{i}": key for i, key in enumerate(row, start=1) if key != "-"}
        take(store, sid, Participant(f"P{n}", None), spec, answers)
    return sid


def test_hand_computed_example(store: ResultsStore) -> None:
    sid = _hand_example(store)
    # six people: below the default minimum for flags, so ask for flags from 5 on
    result = analyse(load_results(store, sid).attempts, min_flag_n=5)
    assert result.n_attempts == 6
    items = {i.question_id: i for i in result.items}
    assert [i.question_id for i in result.items] == ["q1", "q2", "q3", "q4", "q5"]

    facility = {q: items[q].facility for q in items}
    assert facility == pytest.approx({"q1": 1, "q2": 4 / 6, "q3": 0.5, "q4": 1 / 6,
                                      "q5": 2 / 6})
    assert result.kr20 == pytest.approx(5 / 64) and result.kr20_note is None

    assert items["q1"].discrimination is None
    assert items["q2"].discrimination == pytest.approx(math.sqrt(3 / 8))
    assert items["q3"].discrimination == pytest.approx(math.sqrt(1 / 17))
    assert items["q4"].discrimination == pytest.approx(math.sqrt(3 / 35))
    assert items["q5"].discrimination == pytest.approx(-5 / math.sqrt(88))

    def counts(q: str) -> dict[str, int]:
        return {o.key: o.count for o in items[q].options}

    assert counts("q1") == {"A": 6, "B": 0, "C": 0, "D": 0}
    assert counts("q2") == {"A": 4, "B": 1, "C": 0, "D": 0}
    assert items["q2"].unanswered == 1 and items["q2"].answered == 5 and items["q2"].n == 6
    assert counts("q4") == {"A": 1, "B": 3, "C": 1, "D": 1}
    assert [o.correct for o in items["q4"].options] == [True, False, False, False]
    assert items["q1"].unused_distractors == ("B", "C", "D")
    assert items["q2"].unused_distractors == ("C", "D")
    assert items["q3"].unused_distractors == ("D",)

    flags = {q: set(items[q].flags) for q in items}
    assert flags == {
        "q1": {ItemFlag.TOO_EASY, ItemFlag.UNUSED_DISTRACTOR},
        "q2": {ItemFlag.UNUSED_DISTRACTOR},
        "q3": {ItemFlag.UNUSED_DISTRACTOR},
        "q4": {ItemFlag.TOO_HARD},
        "q5": {ItemFlag.NEGATIVE_DISCRIMINATION},
    }
    assert len(result.flagged()) == 5
    default = analyse(load_results(store, sid).attempts)  # MIN_FLAG_N = 10
    assert not default.flagged() and default.kr20 == result.kr20
    assert [i.facility for i in default.items] == [i.facility for i in result.items]


def test_kr20_notes_and_helpers() -> None:
    assert kr20([[1, 0]]) == (None, Kr20Note.TOO_FEW_ATTEMPTS)
    assert kr20([[1], [0]]) == (None, Kr20Note.TOO_FEW_QUESTIONS)
    assert kr20([[1, 0], [0, 1]]) == (None, Kr20Note.NO_VARIANCE)
    # two identical items, persons 1,1 / 0,0: perfectly consistent -> 1
    assert kr20([[1, 1], [0, 0]])[0] == pytest.approx(1.0)
    assert pearson([1, 1, 1], [0, 1, 2]) is None
    assert pearson([0, 1, 2], [0, 2, 4]) == pytest.approx(1.0)
    assert pearson([1], [1]) is None


def test_draws_give_no_kr20(store: ResultsStore) -> None:
    bank = bank_of([make_question(f"q{i}", answer="A") for i in range(1, 7)], [("umum", "Umum")])
    plan = make_plan(banks=(bank.id,), draw=[DrawRule(3, category="umum")], order="bank")
    sid = store.create_session("Acak", plan).id
    from quiz_app.core.quiz import build_attempt

    seen = set()
    for n in range(4):
        spec = build_attempt(plan, [bank], f"orang-{n}")
        seen.add(tuple(aq.id for aq in spec.questions))
        take(store, sid, Participant(f"O{n}", None), spec, {aq.id: "A" for aq in spec.questions})
    assert len(seen) > 1
    result = analyse(load_results(store, sid).attempts)
    assert result.kr20 is None and result.kr20_note is Kr20Note.DIFFERENT_QUESTIONS
    assert sum(i.n for i in result.items) == 4 * 3


def test_polls_and_partial_credit(store: ResultsStore) -> None:
    bank = bank_of(
        [
            make_question("m1", type="multiple", answer="AB"),
            make_question("poll", type="poll", n_options=3),
            make_question("tf", type="true_false", answer="B"),
        ],
        [("umum", "Umum")],
    )
    plan = make_plan(order="bank", shuffle_options=False, banks=(bank.id,))
    sid = store.create_session("Campur", plan).id
    spec = fixed_spec(bank, plan)
    take(store, sid, Participant("X", None), spec, {"m1": "A", "poll": "C", "tf": "B"})
    take(store, sid, Participant("Y", None), spec, {"m1": "AB", "poll": "C", "tf": "S"})
    items = {i.question_id: i for i in analyse(load_results(store, sid).attempts).items}
    assert items["m1"].facility == pytest.approx(0.75)  # (0.5 + 1) / 2: mean partial share
    assert {o.key: o.count for o in items["m1"].options} == {"A": 2, "B": 1, "C": 0, "D": 0}
    poll = items["poll"]
    assert poll.facility is None and poll.discrimination is None and not poll.flags
    assert {o.key: o.count for o in poll.options} == {"A": 0, "B": 0, "C": 2}
    assert {o.key: o.count for o in items["tf"].options} == {"B": 1, "S": 1}
    assert items["tf"].unused_distractors == ()  # true/false has no distractors to flag


def test_analysis_ignores_unfinished_and_orders_by_category(store: ResultsStore) -> None:
    bank = bank_of(
        [make_question("z1", category="zeta"), make_question("a10", category="alfa"),
         make_question("a2", category="alfa")],
        [("zeta", "Zeta"), ("alfa", "Alfa")],
    )
    plan = make_plan(order="bank", banks=(bank.id,))
    sid = store.create_session("Urut", plan).id
    spec = fixed_spec(bank, plan)
    take(store, sid, Participant("X", None), spec, {"z1": "A"})
    take(store, sid, Participant("Y", None), spec, {"z1": "A"}, finish=False)
    res = load_results(store, sid)
    result = analyse(res.attempts, ["zeta", "alfa"])
    assert result.n_attempts == 1
    assert [i.question_id for i in result.items] == ["z1", "a2", "a10"]
