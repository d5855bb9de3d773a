"""Scoring: pure functions from (attempt spec, answers) to points and *nilai*.

Rules (the trainer-facing version with worked examples is ``docs/scoring.md``):

* ``single`` and ``true_false``: the question's full weight (``points``) or 0.
* ``multiple`` with ``partial``: ``max(0, (right chosen - wrong chosen) / right total)``
  of the weight; with ``all_or_nothing``: full weight only for exactly the right set.
* ``poll``: never scored; not counted as benar, salah or tidak dijawab, nor in max points.
* Counts: *benar* (full credit), *sebagian benar* (a ``multiple`` with partial credit,
  more than 0 and less than the full weight), *salah* (answered, nothing earned) and
  *tidak dijawab*; they add up to the scored questions.
* ``speed`` mode: a question earns ``round((1 - (t/T)/2) * 1000 * points * share)`` speed
  points, where ``t`` is the answer time, ``T`` the question's time limit and ``share`` the
  accuracy share above (1 for a fully correct answer, the partial share for a partly right
  ``multiple``, else 0). With ``points: 1`` and a fully correct answer this is Kahoot's
  formula: 1000 at t=0, 500 at t=T. Rounding is half-up.
* *nilai* (0-100, two decimals, ROUND_HALF_UP) always measures accuracy: the
  points-weighted share of the achievable points, also in speed mode, so a pass mark
  means the same in both modes. It is computed with exact fractions, then rounded once.
* An *excluded* question (``score_attempt(..., excluded=)``: skipped by the trainer, or
  never shown because a hall presentation ended early) counts nowhere, like a poll: the
  attempt is scored over the questions that were played.
* Ranking (hall leaderboard, export): more points first, then more correct answers;
  equal pairs share a rank (competition ranking 1, 1, 3).
* An attempt with nothing to score (only polls, or all weights 0) gets nilai 0,
  max points 0 and ``passed = True`` (nothing to fail); ``AttemptResult.graded`` is False
  so reports can show "-" instead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from math import floor

from ..model import MultipleScoring, Plan, Question, QuestionType, Scoring
from .attempt import (
    AnswerRecord,
    AttemptQuestion,
    AttemptResult,
    AttemptSpec,
    Excluded,
    QuestionScore,
)

SPEED_MAX = 1000

__all__ = [
    "SPEED_MAX",
    "accuracy_share",
    "competition_ranks",
    "round_half_up",
    "score_attempt",
    "score_question",
    "speed_points",
]


def _exact(x: float) -> Fraction:
    """A float as the decimal its author most likely wrote (``0.1`` → 1/10)."""
    return Fraction(repr(float(x)))


def round_half_up(value: Fraction | float, places: int = 2) -> float:
    """Round half away from zero at ``places`` decimals (2.345 → 2.35, never banker's)."""
    v = value if isinstance(value, Fraction) else _exact(value)
    scale = 10**places
    sign = -1 if v < 0 else 1
    n = floor(abs(v) * scale + Fraction(1, 2))
    return float(Decimal(sign * n).scaleb(-places))


def accuracy_share(question: Question, choice: frozenset[str], plan: Plan) -> Fraction:
    """Share (0..1) of the question's weight earned by ``choice``; 0 for polls."""
    answer = question.answer
    if question.type == QuestionType.POLL or not choice or not answer:
        return Fraction(0)
    if question.type == QuestionType.MULTIPLE:
        if plan.multiple_scoring == MultipleScoring.ALL_OR_NOTHING:
            return Fraction(1 if choice == answer else 0)
        right = len(choice & answer)
        wrong = len(choice - answer)
        return max(Fraction(0), Fraction(right - wrong, len(answer)))
    # single / true_false: exactly one key, and it is a right one
    return Fraction(1 if len(choice) == 1 and choice <= answer else 0)


def speed_points(share: Fraction | float, time_taken: float, time_limit: float,
                 weight: float = 1.0) -> int:
    """Kahoot-style points: ``round((1 - (t/T)/2) * 1000 * weight * share)``, half-up.

    ``t`` is clamped into ``[0, T]`` (the engine refuses answers after the deadline, so a
    valid record always has ``t < T``). A zero or negative ``T`` counts as t/T = 0.
    """
    s = share if isinstance(share, Fraction) else _exact(share)
    if s <= 0:
        return 0
    limit = _exact(time_limit)
    ratio = Fraction(0) if limit <= 0 else min(max(_exact(time_taken), Fraction(0)), limit) / limit
    value = (1 - ratio / 2) * SPEED_MAX * _exact(weight) * s
    return int(round_half_up(value, 0))


def _max_points(question: Question, plan: Plan) -> Fraction:
    if not question.scored:
        return Fraction(0)
    weight = _exact(question.points)
    return weight * SPEED_MAX if plan.scoring == Scoring.SPEED else weight


def score_question(aq: AttemptQuestion, rec: AnswerRecord | None, plan: Plan) -> QuestionScore:
    """Score one question of an attempt. ``rec`` None (or an empty choice) = not answered."""
    q = aq.question
    choice = rec.choice if rec is not None else frozenset()
    answered = bool(choice)
    if not q.scored:
        return QuestionScore(q.id, q.category, 0.0, 0.0, None, answered, 0.0)
    share = accuracy_share(q, choice, plan)
    if plan.scoring == Scoring.SPEED:
        t = rec.time_taken if rec is not None else 0.0
        points = float(speed_points(share, t, aq.time_limit, q.points))
    else:
        points = float(share * _exact(q.points))
    correct = (choice == q.answer if q.type == QuestionType.MULTIPLE else share == 1)
    return QuestionScore(
        question_id=q.id,
        category=q.category,
        points=points,
        max_points=float(_max_points(q, plan)),
        correct=correct if answered else None,
        answered=answered,
        fraction=float(share),
    )


def _nilai(earned: Fraction, possible: Fraction) -> float:
    if possible <= 0:
        return 0.0
    return round_half_up(earned * 100 / possible, 2)


def score_attempt(
    spec: AttemptSpec,
    answers: Mapping[str, AnswerRecord],
    duration: float = 0.0,
    *,
    excluded: Mapping[str, Excluded] | None = None,
) -> AttemptResult:
    """Score a whole attempt. ``answers`` maps question id → record (missing = unanswered).
    Questions in ``excluded`` (id → why) count nowhere; their score carries the reason."""
    plan = spec.plan
    excluded = excluded or {}
    per_question: list[QuestionScore] = []
    earned = possible = Fraction(0)
    max_total = Fraction(0)
    cat_earned: dict[str, Fraction] = {}
    cat_possible: dict[str, Fraction] = {}
    raw = 0.0
    correct = partial = wrong = unanswered = 0
    for aq in spec.questions:
        q = aq.question
        rec = answers.get(q.id)
        why = excluded.get(q.id)
        if why is not None:
            per_question.append(QuestionScore(q.id, q.category, 0.0, 0.0, None,
                                              bool(rec is not None and rec.choice), 0.0, why))
            continue
        max_total += _max_points(q, plan)
        qs = score_question(aq, rec, plan)
        per_question.append(qs)
        if not q.scored:
            continue
        raw += qs.points
        weight = _exact(q.points)
        share = accuracy_share(q, rec.choice if rec is not None else frozenset(), plan)
        earned += share * weight
        possible += weight
        cat_earned[q.category] = cat_earned.get(q.category, Fraction(0)) + share * weight
        cat_possible[q.category] = cat_possible.get(q.category, Fraction(0)) + weight
        if not qs.answered:
            unanswered += 1
        elif qs.correct:
            correct += 1
        elif share > 0:
            partial += 1
        else:
            wrong += 1
    nilai = _nilai(earned, possible)
    per_category = {
        cat: _nilai(cat_earned[cat], total) for cat, total in cat_possible.items() if total > 0
    }
    max_points = float(max_total)
    graded = possible > 0
    return AttemptResult(
        raw_points=raw,
        max_points=max_points,
        nilai=nilai,
        nilai_per_category=per_category,
        correct=correct,
        wrong=wrong,
        partial=partial,
        unanswered=unanswered,
        duration=float(duration),
        passed=(nilai >= plan.pass_mark) if graded else True,
        per_question=tuple(per_question),
    )


def competition_ranks(scores: Sequence[tuple[float, int]]) -> list[int]:
    """The rank of each ``(points, correct)`` pair, in input order: more points first, then
    more correct answers; equal pairs share a rank (1, 1, 3)."""
    keyed = [(round(points, 6), correct) for points, correct in scores]
    order = sorted(range(len(keyed)), key=lambda i: (-keyed[i][0], -keyed[i][1], i))
    ranks = [0] * len(keyed)
    for pos, i in enumerate(order, start=1):
        prev = order[pos - 2] if pos > 1 else None
        ranks[i] = ranks[prev] if prev is not None and keyed[prev] == keyed[i] else pos
    return ranks
