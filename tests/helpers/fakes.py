"""Shared test helpers: a controllable clock and small factories for banks and plans.

Everything is built from the model dataclasses directly (no YAML), e.g.::

    bank = make_bank(n_questions=20, categories=("a", "b"))
    plan = make_plan(order=Order.BANK, time_limit=600)
    spec = make_spec(plan, [bank])
    clock = FakeClock()
    attempt = Attempt(spec, clock)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from quiz_app.core.model import (
    FALSE_KEY,
    OPTION_KEYS,
    TRUE_KEY,
    Bank,
    Category,
    MultipleScoring,
    Navigation,
    Option,
    Order,
    Plan,
    Question,
    QuestionType,
    Review,
    Scoring,
    TestKind,
)
from quiz_app.core.quiz import AttemptSpec

__all__ = ["FakeClock", "make_bank", "make_plan", "make_question", "make_spec"]


class FakeClock:
    """A monotonic clock that only moves when told. Callable, so it is a ``Clock``."""

    def __init__(self, start: float = 1000.0) -> None:
        self._now = float(start)

    def now(self) -> float:
        return self._now

    def __call__(self) -> float:
        return self._now

    def advance(self, seconds: float) -> float:
        if seconds < 0:
            raise ValueError("a monotonic clock cannot go back")
        self._now += seconds
        return self._now

    def set(self, t: float) -> None:
        if t < self._now:
            raise ValueError("a monotonic clock cannot go back")
        self._now = float(t)


_DEFAULT_ANSWER = {
    QuestionType.SINGLE: ("A",),
    QuestionType.MULTIPLE: ("A", "B"),
    QuestionType.TRUE_FALSE: (TRUE_KEY,),
    QuestionType.POLL: (),
}


def make_question(
    id: str = "q1",
    *,
    type: QuestionType | str = QuestionType.SINGLE,
    category: str = "umum",
    n_options: int = 4,
    options: Sequence[tuple[str, str]] | None = None,
    answer: Iterable[str] | str | None = None,
    points: float = 1.0,
    time_limit: int | None = None,
    shuffle: bool = True,
    text: str | None = None,
    **extra: Any,
) -> Question:
    """A valid question. Defaults: 4 options A-D; answer A (single), A+B (multiple),
    B=Benar (true_false), none (poll). ``answer="AC"`` means keys A and C.
    ``options`` (key, text) pairs override ``n_options``."""
    qtype = QuestionType(type)
    if qtype is QuestionType.TRUE_FALSE:
        opts = (Option(TRUE_KEY, "Benar"), Option(FALSE_KEY, "Salah"))
    elif options is not None:
        opts = tuple(Option(k, t) for k, t in options)
    else:
        opts = tuple(Option(k, f"Pilihan {k} soal {id}") for k in OPTION_KEYS[:n_options])
    if answer is None:
        keys: frozenset[str] = frozenset(_DEFAULT_ANSWER[qtype])
    elif isinstance(answer, str):
        keys = frozenset(answer)  # option keys are single letters: "AB" = {A, B}
    else:
        keys = frozenset(answer)
    if qtype is QuestionType.POLL:
        keys = frozenset()
    return Question(
        id=id,
        category=category,
        type=qtype,
        text=text if text is not None else f"Pertanyaan {id}?",
        options=opts,
        answer=keys,
        points=points,
        time_limit=time_limit,
        shuffle=shuffle,
        **extra,
    )


def make_bank(
    n_questions: int = 10,
    *,
    id: str = "bank",
    categories: Sequence[str] = ("umum",),
    questions: Sequence[Question] | None = None,
    type: QuestionType | str = QuestionType.SINGLE,
    **question_kwargs: Any,
) -> Bank:
    """A bank of ``n_questions`` questions ``{id}-001`` ... spread round-robin over
    ``categories`` (or exactly ``questions`` when given)."""
    if questions is None:
        questions = [
            make_question(
                f"{id}-{i + 1:03d}",
                type=type,
                category=categories[i % len(categories)],
                **question_kwargs,
            )
            for i in range(n_questions)
        ]
    cat_ids = list(dict.fromkeys([*categories, *(q.category for q in questions)]))
    return Bank(
        id=id,
        title=f"Bank {id}",
        categories=tuple(Category(c, f"Kategori {c}") for c in cat_ids),
        questions=tuple(questions),
    )


_PLAN_ENUMS: dict[str, Any] = {
    "order": Order,
    "scoring": Scoring,
    "multiple_scoring": MultipleScoring,
    "navigation": Navigation,
    "review": Review,
    "kind": TestKind,
}


def make_plan(**overrides: Any) -> Plan:
    """A plan with test-friendly defaults (banks=() means "all banks given")."""
    fields: dict[str, Any] = {"title": "Uji", "banks": ()}
    fields.update(overrides)
    for key in ("banks", "draw"):
        if key in fields and not isinstance(fields[key], tuple):
            fields[key] = tuple(fields[key])
    for key, enum in _PLAN_ENUMS.items():
        if key in fields:
            fields[key] = enum(fields[key])
    return Plan(**fields)


def make_spec(
    plan: Plan | None = None,
    banks: Sequence[Bank] | None = None,
    seed: str = "peserta-1",
) -> AttemptSpec:
    """``build_attempt`` with defaults: a 10-question bank and a default plan."""
    from quiz_app.core.quiz import build_attempt

    return build_attempt(
        plan if plan is not None else make_plan(),
        banks if banks is not None else [make_bank()],
        seed,
    )
