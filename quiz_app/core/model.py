"""Frozen domain data: banks, categories, questions, options."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

BANK_FORMAT = "kuis-bank/1"
OPTION_KEYS = ("A", "B", "C", "D", "E", "F", "G", "H")
TRUE_KEY = "B"  # Benar
FALSE_KEY = "S"  # Salah


class QuestionType(StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUE_FALSE = "true_false"
    POLL = "poll"


class Difficulty(StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


class Option(NamedTuple):
    key: str
    text: str


@dataclass(frozen=True)
class Category:
    id: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class Question:
    """One question, with bank defaults already applied.

    ``answer`` is the set of correct option keys. A ``true_false`` question has
    two synthesised options, ``B`` (Benar) and ``S`` (Salah). A ``poll`` has no answer.
    ``time_limit`` is None when neither the question nor the bank defaults set one
    (the plan then decides).
    """

    id: str
    category: str
    type: QuestionType
    text: str
    options: tuple[Option, ...]
    answer: frozenset[str]
    explanation: str = ""
    reference: str = ""
    difficulty: Difficulty | None = None
    points: float = 1.0
    time_limit: int | None = None
    shuffle: bool = True
    image: Path | None = None
    tags: tuple[str, ...] = ()
    line: int = 0

    @property
    def scored(self) -> bool:
        return self.type is not QuestionType.POLL

    def option(self, key: str) -> Option:
        for opt in self.options:
            if opt.key == key:
                return opt
        raise KeyError(key)

    @property
    def option_keys(self) -> tuple[str, ...]:
        return tuple(o.key for o in self.options)


@dataclass(frozen=True)
class Bank:
    id: str
    title: str
    categories: tuple[Category, ...]
    questions: tuple[Question, ...]
    path: Path | None = None
    language: str = "id"
    version: str = ""
    description: str = ""
    format: str = BANK_FORMAT
    _by_id: dict[str, Question] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update({q.id: q for q in self.questions})

    def question(self, question_id: str) -> Question:
        return self._by_id[question_id]

    def category(self, category_id: str) -> Category:
        for c in self.categories:
            if c.id == category_id:
                return c
        raise KeyError(category_id)


PLAN_FORMAT = "kuis-plan/1"


class Order(StrEnum):
    SHUFFLED = "shuffled"
    BANK = "bank"


class Scoring(StrEnum):
    ACCURACY = "accuracy"
    SPEED = "speed"


class MultipleScoring(StrEnum):
    PARTIAL = "partial"
    ALL_OR_NOTHING = "all_or_nothing"


class Navigation(StrEnum):
    FREE = "free"
    FORWARD = "forward"


class Review(StrEnum):
    ANSWERS = "answers"
    SCORE = "score"
    NONE = "none"


class TestKind(StrEnum):
    __test__ = False  # not a pytest test class, despite the name
    TEST = "test"
    PRETEST = "pretest"
    POSTTEST = "posttest"
    SURVEY = "survey"


DEFAULT_QUESTION_TIME = 30


@dataclass(frozen=True)
class DrawRule:
    """Draw ``count`` questions from one category (any bank) or from one bank."""

    count: int
    category: str | None = None
    bank: str | None = None


@dataclass(frozen=True)
class Plan:
    """A reusable session set-up (``kuis-plan/1``). A bare bank runs with these defaults."""

    title: str
    banks: tuple[str, ...]
    draw: tuple[DrawRule, ...] = ()
    order: Order = Order.SHUFFLED
    shuffle_options: bool = True
    time_limit: int | None = None
    question_time_limit: int | None = None
    pass_mark: float = 70.0
    scoring: Scoring = Scoring.ACCURACY
    multiple_scoring: MultipleScoring = MultipleScoring.PARTIAL
    navigation: Navigation = Navigation.FREE
    review: Review = Review.ANSWERS
    kind: TestKind = TestKind.TEST
    seed: str = ""
    description: str = ""
    path: Path | None = None
    format: str = PLAN_FORMAT

    def question_time(self, question: Question) -> int:
        """Plan override > question (with bank default applied) > 30 s.

        This is every question's countdown in the hall (presenter mode) and the *T* of
        speed points; whether self-paced mode runs it is :meth:`question_countdown`."""
        if self.question_time_limit is not None:
            return self.question_time_limit
        if question.time_limit is not None:
            return question.time_limit
        return DEFAULT_QUESTION_TIME

    def survey_question(self, question: Question) -> bool:
        """A question that only asks an opinion: a poll, or any question of a survey."""
        return self.kind is TestKind.SURVEY or question.type is QuestionType.POLL

    def question_countdown(self, question: Question) -> bool:
        """Whether self-paced (participant) mode runs a countdown on ``question``.

        * survey questions: never;
        * a plan with ``question_time_limit``: always;
        * a plan with only a whole-test ``time_limit``: never (the test clock alone
          runs, so 20 questions in 20 minutes can really use the 20 minutes);
        * otherwise: yes, with :meth:`question_time` (question, bank default, 30 s)."""
        if self.survey_question(question):
            return False
        if self.question_time_limit is not None:
            return True
        return self.time_limit is None


class EmployeeType(StrEnum):
    PNS = "PNS"
    PPPK = "PPPK"
    GUEST = "Tamu"


@dataclass(frozen=True)
class Participant:
    """A person taking a test. ``nip`` is 18 digits, or None for a guest."""

    name: str
    nip: str | None = None
    position: str = ""  # Jabatan
    unit: str = ""  # Unit Kerja / OPD
    rank: str = ""  # Golongan
    extra: tuple[tuple[str, str], ...] = ()

    @property
    def employee_type(self) -> EmployeeType:
        if not self.nip:
            return EmployeeType.GUEST
        return EmployeeType.PPPK if self.nip[12] == "2" else EmployeeType.PNS
