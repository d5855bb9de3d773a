"""Item analysis of a session's finished attempts (classical test theory). Qt-free.

Per question, over the attempts that contained it (draws may give people different
questions):

* **facility** ``p`` (*tingkat kesukaran*): the mean share of the question's weight earned,
  unanswered counting as 0. For single and true/false questions this is exactly the
  proportion who answered correctly; for a ``multiple`` question with partial credit it
  is the mean partial share.
* **discrimination** ``r`` (*daya pembeda*): the corrected point-biserial correlation,
  i.e. the Pearson correlation between the score on this question (0..1) and the
  participant's score on the *rest* of the test (the share of the other questions'
  weight earned, 0..1; the question itself is left out so it does not correlate with
  itself). This is the statistic Moodle reports as "discrimination index"; it uses
  everybody (no 27% cut, so no arbitrary tie-breaking at the group boundary). ``None``
  with fewer than 3 attempts or when either score does not vary.
* **option counts**: how often each option was chosen (every chosen key of a
  ``multiple`` answer counts), and how many left it unanswered. A *distractor* (a wrong
  option) nobody chose is listed when at least one person answered.
* **flags** (codes; the UI and the export word them in Indonesian): facility > 0.9
  (too easy), facility < 0.2 (too hard), negative discrimination, unused distractor;
  only for questions at least ``MIN_FLAG_N`` (10) attempts contained.

Per session, **KR-20** reliability: ``k/(k-1) * (1 - sum(var_i) / var_total)`` with
population variances, item scores 0/1 (a partial-credit share counts as its fraction, which
makes it Cronbach's alpha; identical to KR-20 when every item is right/wrong). It needs
every attempt to have the same scored questions, at least 2 questions, 2 attempts and a
total score that varies; otherwise ``kr20`` is None and ``kr20_note`` says why.

Polls (survey questions) get option counts only.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from ..model import Question, QuestionType
from ..quiz import AnswerRecord, AttemptResult, AttemptSpec

__all__ = [
    "EASY_ABOVE",
    "HARD_BELOW",
    "MIN_DISCRIMINATION_N",
    "MIN_FLAG_N",
    "ItemAnalysis",
    "ItemFlag",
    "ItemStats",
    "Kr20Note",
    "OptionCount",
    "analyse",
    "kr20",
    "pearson",
]

EASY_ABOVE = 0.9
HARD_BELOW = 0.2
MIN_DISCRIMINATION_N = 3
MIN_FLAG_N = 10  # fewer attempts than this: values shown, nothing flagged (too noisy)


class ItemFlag(StrEnum):
    TOO_EASY = "too_easy"
    TOO_HARD = "too_hard"
    NEGATIVE_DISCRIMINATION = "negative_discrimination"
    UNUSED_DISTRACTOR = "unused_distractor"


class Kr20Note(StrEnum):
    TOO_FEW_ATTEMPTS = "too_few_attempts"  # fewer than 2 finished attempts
    TOO_FEW_QUESTIONS = "too_few_questions"  # fewer than 2 scored questions
    DIFFERENT_QUESTIONS = "different_questions"  # draws gave people different questions
    NO_VARIANCE = "no_variance"  # everybody had the same total


class ScoredAttempt(Protocol):
    """What the analysis reads: ``store.AttemptRecord`` fits."""

    @property
    def spec(self) -> AttemptSpec: ...

    @property
    def answers(self) -> Mapping[str, AnswerRecord]: ...

    @property
    def result(self) -> AttemptResult | None: ...


@dataclass(frozen=True)
class OptionCount:
    key: str  # the bank's own option key (B/S for true/false)
    text: str
    count: int
    correct: bool


@dataclass(frozen=True)
class ItemStats:
    question_id: str
    category: str
    type: QuestionType
    text: str
    answer: frozenset[str]
    n: int  # attempts that contained the question
    answered: int
    unanswered: int
    facility: float | None  # None for polls
    discrimination: float | None
    options: tuple[OptionCount, ...]
    unused_distractors: tuple[str, ...] = ()
    flags: frozenset[ItemFlag] = field(default_factory=frozenset)


@dataclass(frozen=True)
class ItemAnalysis:
    items: tuple[ItemStats, ...]
    n_attempts: int
    kr20: float | None
    kr20_note: Kr20Note | None = None

    def flagged(self) -> tuple[ItemStats, ...]:
        return tuple(i for i in self.items if i.flags)


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson correlation; None when fewer than 2 pairs or either side has no variance."""
    n = len(xs)
    if n < 2 or n != len(ys):
        return None
    mx, my = math.fsum(xs) / n, math.fsum(ys) / n
    sxy = math.fsum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = math.fsum((x - mx) ** 2 for x in xs)
    syy = math.fsum((y - my) ** 2 for y in ys)
    if sxx <= 1e-12 or syy <= 1e-12:
        return None
    return max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))


def _pvariance(values: Sequence[float]) -> float:
    n = len(values)
    mean = math.fsum(values) / n
    return math.fsum((v - mean) ** 2 for v in values) / n


def kr20(scores: Sequence[Sequence[float]]) -> tuple[float | None, Kr20Note | None]:
    """KR-20 (alpha) of a persons x items score matrix (each score 0..1)."""
    if len(scores) < 2:
        return None, Kr20Note.TOO_FEW_ATTEMPTS
    k = len(scores[0])
    if k < 2:
        return None, Kr20Note.TOO_FEW_QUESTIONS
    totals = [math.fsum(row) for row in scores]
    var_total = _pvariance(totals)
    if var_total <= 1e-12:
        return None, Kr20Note.NO_VARIANCE
    item_var = math.fsum(_pvariance([row[j] for row in scores]) for j in range(k))
    return k / (k - 1) * (1 - item_var / var_total), None


_NATURAL = re.compile(r"(\d+)")


def _natural(text: str) -> tuple[object, ...]:
    return tuple(int(p) if p.isdigit() else p.casefold() for p in _NATURAL.split(text))


@dataclass
class _Acc:
    question: Question
    shares: list[float] = field(default_factory=list)
    rests: list[float | None] = field(default_factory=list)
    answered: int = 0
    counts: dict[str, int] = field(default_factory=dict)


def analyse(
    attempts: Iterable[ScoredAttempt],
    category_order: Sequence[str] = (),
    *,
    min_flag_n: int = MIN_FLAG_N,
) -> ItemAnalysis:
    """Analyse finished attempts (those without a result are ignored).

    Items are ordered by ``category_order`` (unknown categories last), then by question
    id in natural order (``q2`` before ``q10``). A question fewer than ``min_flag_n``
    attempts contained gets its values but no flags: with draws from a large bank each
    question may reach only a handful of people, and flags on 3 answers are noise.
    """
    accs: dict[str, _Acc] = {}
    matrix: list[dict[str, float]] = []
    n_attempts = 0
    for rec in attempts:
        result = rec.result
        if result is None:
            continue
        n_attempts += 1
        weights: dict[str, float] = {}
        earned: dict[str, float] = {}
        excluded: set[str] = set()
        for aq, qs in zip(rec.spec.questions, result.per_question, strict=True):
            q = aq.question
            if qs.excluded is not None:  # a hall question skipped or never shown: no item
                excluded.add(q.id)
                continue
            acc = accs.get(q.id)
            if acc is None:
                acc = accs[q.id] = _Acc(q, counts={k: 0 for k in q.option_keys})
            answer = rec.answers.get(q.id)
            if answer is not None and answer.choice:
                acc.answered += 1
                for key in answer.choice:
                    acc.counts[key] = acc.counts.get(key, 0) + 1
            if q.scored and q.points > 0:
                weights[q.id] = q.points
                earned[q.id] = qs.fraction * q.points
        total_w, total_e = math.fsum(weights.values()), math.fsum(earned.values())
        row: dict[str, float] = {}
        for qid, w in weights.items():
            acc = accs[qid]
            share = earned[qid] / w
            row[qid] = share
            rest_w = total_w - w
            acc.shares.append(share)
            acc.rests.append((total_e - earned[qid]) / rest_w if rest_w > 0 else None)
        # polls and zero-weight questions: counted (n) but without a score
        for aq in rec.spec.questions:
            if aq.id not in weights and aq.id not in excluded:
                accs[aq.id].shares.append(math.nan)
                accs[aq.id].rests.append(None)
        matrix.append(row)

    items = [_item(acc, min_flag_n) for acc in accs.values()]
    order = {c: i for i, c in enumerate(category_order)}
    items.sort(key=lambda it: (order.get(it.category, len(order)), _natural(it.question_id)))

    value, note = _kr20_of(matrix)
    # Freed piece by piece: dropping 10,000 rows (or 200 lists of 2,500 shares) in one go is
    # one long C call that holds the GIL, and the UI thread waits for it (~50 ms each).
    while matrix:
        matrix.pop()
    while accs:
        accs.popitem()
    return ItemAnalysis(tuple(items), n_attempts, value, note)


def _kr20_of(matrix: list[dict[str, float]]) -> tuple[float | None, Kr20Note | None]:
    if len(matrix) < 2:
        return None, Kr20Note.TOO_FEW_ATTEMPTS
    ids = sorted(matrix[0])
    if any(sorted(row) != ids for row in matrix):
        return None, Kr20Note.DIFFERENT_QUESTIONS
    scores = [[row[q] for q in ids] for row in matrix]
    value = kr20(scores)
    while scores:  # row by row (see analyse)
        scores.pop()
    return value


def _item(acc: _Acc, min_flag_n: int) -> ItemStats:
    q = acc.question
    n = len(acc.shares)
    options = tuple(
        OptionCount(o.key, o.text, acc.counts.get(o.key, 0), o.key in q.answer)
        for o in q.options
    )
    flags: set[ItemFlag] = set()
    facility = discrimination = None
    unused: tuple[str, ...] = ()
    if q.scored and q.points > 0:
        facility = math.fsum(acc.shares) / n
        pairs = [(s, r) for s, r in zip(acc.shares, acc.rests, strict=True) if r is not None]
        if len(pairs) >= MIN_DISCRIMINATION_N:
            discrimination = pearson([p[0] for p in pairs], [p[1] for p in pairs])
        if facility > EASY_ABOVE:
            flags.add(ItemFlag.TOO_EASY)
        if facility < HARD_BELOW:
            flags.add(ItemFlag.TOO_HARD)
        if discrimination is not None and discrimination < 0:
            flags.add(ItemFlag.NEGATIVE_DISCRIMINATION)
        if acc.answered and q.type in (QuestionType.SINGLE, QuestionType.MULTIPLE):
            unused = tuple(o.key for o in options if not o.correct and o.count == 0)
            if unused:
                flags.add(ItemFlag.UNUSED_DISTRACTOR)
    if n < min_flag_n:
        flags.clear()
    return ItemStats(
        question_id=q.id,
        category=q.category,
        type=q.type,
        text=q.text,
        answer=q.answer,
        n=n,
        answered=acc.answered,
        unanswered=n - acc.answered,
        facility=facility,
        discrimination=discrimination,
        options=options,
        unused_distractors=unused,
        flags=frozenset(flags),
    )
