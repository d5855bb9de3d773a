"""Plain data shared by the engine, scoring, the results store and export.

An ``AttemptSpec`` is the concrete test one participant gets: which questions, in which
order, with options in which order, and each question's time limit. It is deterministic
from (plan, banks, seed), and it is stored whole with the attempt so a resume after a
crash is identical even if the bank file changed meanwhile.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ..model import OPTION_KEYS, Plan, Question


@dataclass(frozen=True)
class AttemptQuestion:
    question: Question
    option_order: tuple[str, ...]  # option keys in display order
    time_limit: int  # seconds, resolved through Plan.question_time

    @property
    def id(self) -> str:
        return self.question.id

    @property
    def letters(self) -> tuple[str, ...]:
        """The letters shown on the options, in display order: A, B, C … by position for
        every question type, so true/false reads A = Benar, B = Salah in the test as on
        the projector's tiles (where teams hold up A/B cards)."""
        return OPTION_KEYS[: len(self.option_order)]

    def key_for_letter(self, letter: str) -> str | None:
        """The option key shown under display letter ``letter``, or None."""
        letters = self.letters
        return self.option_order[letters.index(letter)] if letter in letters else None


@dataclass(frozen=True)
class AttemptSpec:
    seed: str
    plan: Plan
    questions: tuple[AttemptQuestion, ...]


@dataclass(frozen=True)
class AnswerRecord:
    """The participant's final choice for one question.

    ``choice`` empty means not answered (skipped, or time ran out). ``time_taken`` is the
    seconds from first showing the question to the (last) answer, read from the clock.
    """

    question_id: str
    choice: frozenset[str] = frozenset()
    time_taken: float = 0.0
    flagged: bool = False


class Excluded(StrEnum):
    """Why a question of an attempt does not count at all (hall mode): not in benar,
    salah or tidak dijawab, not in the points, not in *nilai*."""

    SKIPPED = "skipped"  # the trainer skipped it: no points for anyone
    NOT_SHOWN = "not_shown"  # the presentation ended before it was shown


@dataclass(frozen=True)
class QuestionScore:
    question_id: str
    category: str
    points: float  # awarded (speed points in speed mode)
    max_points: float
    correct: bool | None  # None for polls and unanswered
    answered: bool
    fraction: float  # 0..1 share of the question's weight earned (accuracy)
    excluded: Excluded | None = None  # set when the question does not count (see Excluded)


@dataclass(frozen=True)
class AttemptResult:
    raw_points: float
    max_points: float
    nilai: float  # 0..100, 2 decimals
    nilai_per_category: dict[str, float] = field(default_factory=dict)
    correct: int = 0  # fully right
    wrong: int = 0  # answered, nothing earned
    unanswered: int = 0
    duration: float = 0.0  # seconds
    passed: bool = False
    per_question: tuple[QuestionScore, ...] = ()
    partial: int = 0  # "sebagian benar": a multiple-answer question with partial credit

    @property
    def graded(self) -> bool:
        """False when nothing was scored (only polls, e.g. a survey): nilai and
        ``passed`` are then meaningless and reports should show "-"."""
        return self.max_points > 0
