"""The quiz engine: builds one participant's attempt and runs it as a state machine.

Qt-free. The UI feeds it events (``answer``, ``next`` ...) and calls :meth:`Attempt.poll`
on every timer tick; the engine reads the clock and reports what changed as plain
dataclasses. Deadlines always come from the clock, never from counting ticks.

Timing rules
------------
* A question has its own countdown only when the plan says so
  (:meth:`~quiz_app.core.model.Plan.question_countdown`): never on survey questions, and
  not when the plan has only a whole-test limit. The countdown is the spec's
  ``time_limit`` and is the **total** time spent on the question across all visits.
  The engine tracks time used per question; leaving and coming back (free navigation)
  continues the same budget, so back navigation can never extend a question's time.
  A question without a countdown stays open while the test lasts.
* The whole-test deadline is ``start + (plan.time_limit - elapsed)``, where ``elapsed``
  is time already used before a resume. The test clock runs while the attempt is in
  progress, whichever question is shown.
* An answer (or a change of answer) is accepted while both the question's and the test's
  time last, and refused with :class:`AnswerRefused` afterwards.
* When the shown question's time runs out, :meth:`Attempt.poll` reports
  :class:`QuestionTimedOut` and moves on to the next question that still has time
  (:class:`QuestionShown`); with free navigation it wraps around to earlier questions.
  When no question has time left, or the test time is up, the attempt finishes
  (:class:`AttemptFinished`)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from ..clock import Clock
from ..errors import QuizError
from ..model import (
    Navigation,
    Plan,
    QuestionType,
)
from .attempt import AnswerRecord, AttemptQuestion, AttemptResult, AttemptSpec
from .scoring import score_attempt

__all__ = [
    "ActionRefused",
    "AnswerRefused",
    "Attempt",
    "AttemptFinished",
    "AttemptState",
    "Checkpoint",
    "Event",
    "FinishReason",
    "NavigationRefused",
    "QuestionShown",
    "QuestionTimedOut",
    "RefusalReason",
]


# --------------------------------------------------------------------------- events


class AttemptState(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    FINISHED = "finished"


class FinishReason(StrEnum):
    SUBMITTED = "submitted"  # the participant pressed "Selesai"
    TEST_TIME_UP = "test_time_up"  # whole-test time ran out (or time_up() was called)
    NO_TIME_LEFT = "no_time_left"  # every question's own time has run out


@dataclass(frozen=True)
class QuestionTimedOut:
    """The shown question's time ran out. ``record`` is not None when it must be
    persisted (an unanswered question gets an empty-choice record)."""

    index: int
    question_id: str
    record: AnswerRecord | None


@dataclass(frozen=True)
class QuestionShown:
    """The engine moved to another question by itself (after a time-out, or on start)."""

    index: int
    previous: int


@dataclass(frozen=True)
class AttemptFinished:
    reason: FinishReason
    elapsed: float


Event = QuestionTimedOut | QuestionShown | AttemptFinished


class RefusalReason(StrEnum):
    NOT_STARTED = "not_started"
    FINISHED = "finished"
    QUESTION_TIME_UP = "question_time_up"
    TEST_TIME_UP = "test_time_up"
    INVALID_CHOICE = "invalid_choice"
    NAVIGATION = "navigation"
    NOT_FLAGGABLE = "not_flaggable"  # survey questions have no "ragu-ragu"


class ActionRefused(QuizError):
    """The engine refused an action; ``message`` is for the participant (Indonesian)."""

    def __init__(self, message: str, reason: RefusalReason) -> None:
        super().__init__(message)
        self.reason = reason
        self.args = (message,)

    def __str__(self) -> str:
        return self.message


class AnswerRefused(ActionRefused):
    """An answer (or flag) was not accepted: time is up, the attempt is not running, or
    the choice does not fit the question."""


class NavigationRefused(ActionRefused):
    """A move between questions is not allowed (e.g. going back with forward navigation)."""


@dataclass(frozen=True)
class Checkpoint:
    """What the store saves periodically so a crashed attempt can resume."""

    elapsed: float
    current: int
    question_time_used: dict[str, float] = field(default_factory=dict)


_MSG = {
    RefusalReason.NOT_STARTED: "Tes belum dimulai.",
    RefusalReason.FINISHED: "Tes sudah selesai; jawaban tidak dapat diubah lagi.",
    RefusalReason.QUESTION_TIME_UP: "Waktu untuk soal ini sudah habis; jawaban tidak diterima.",
    RefusalReason.TEST_TIME_UP: "Waktu tes sudah habis; jawaban tidak diterima.",
    RefusalReason.NOT_FLAGGABLE: "Pertanyaan survei tidak perlu ditandai ragu-ragu.",
}


# --------------------------------------------------------------------------- attempt


class Attempt:
    """One participant's run through an :class:`AttemptSpec`.

    States: not started → in progress → finished. Create it, call :meth:`start`, feed it
    the participant's actions, and call :meth:`poll` on every UI timer tick.

    To **resume** after a crash pass what was stored: ``answers``, ``elapsed`` (test time
    used at the last checkpoint), ``current`` (question index) and, if saved,
    ``question_time_used`` (from :meth:`checkpoint`; without it the time used on each
    question is taken from its answer's ``time_taken``). Then call :meth:`start` again.

    Every method that changes an answer returns the :class:`AnswerRecord` to persist;
    commit it before showing the answer as saved.
    """

    def __init__(
        self,
        spec: AttemptSpec,
        clock: Clock,
        *,
        answers: Mapping[str, AnswerRecord] | None = None,
        elapsed: float = 0.0,
        current: int = 0,
        question_time_used: Mapping[str, float] | None = None,
    ) -> None:
        self._spec = spec
        self._clock = clock
        self._questions = spec.questions
        ids = {aq.id for aq in spec.questions}
        self._answers: dict[str, AnswerRecord] = {
            qid: rec for qid, rec in (answers or {}).items() if qid in ids
        }
        used_in = question_time_used or {}
        # each question's own countdown; inf when it has none (Plan.question_countdown)
        self._limits: list[float] = [self._limit_of(aq) for aq in self._questions]
        self._used: list[float] = []
        for aq in self._questions:
            rec = self._answers.get(aq.id)
            used = max(float(used_in.get(aq.id, 0.0)), rec.time_taken if rec else 0.0, 0.0)
            self._used.append(min(used, self._limit_of(aq)))
        self._base_elapsed = max(0.0, float(elapsed))
        n = len(self._questions)
        self._current = min(max(0, current), max(0, n - 1))
        self._state = AttemptState.NOT_STARTED
        self._started_at = 0.0
        self._shown_at = 0.0
        self._visit_open = False  # the shown question had time left when shown
        self._visit_fired = False  # its time-out was already reported in this visit
        self._finish_reason: FinishReason | None = None
        self._final_elapsed = self._base_elapsed
        self._pending: list[Event] = []

    # ------------------------------------------------------------------ queries

    @property
    def spec(self) -> AttemptSpec:
        return self._spec

    @property
    def plan(self) -> Plan:
        return self._spec.plan

    @property
    def questions(self) -> tuple[AttemptQuestion, ...]:
        return self._questions

    def __len__(self) -> int:
        return len(self._questions)

    @property
    def state(self) -> AttemptState:
        return self._state

    @property
    def is_started(self) -> bool:
        return self._state is not AttemptState.NOT_STARTED

    @property
    def is_finished(self) -> bool:
        return self._state is AttemptState.FINISHED

    @property
    def finish_reason(self) -> FinishReason | None:
        return self._finish_reason

    @property
    def free_navigation(self) -> bool:
        return self.plan.navigation == Navigation.FREE

    @property
    def current_index(self) -> int:
        return self._current

    @property
    def current(self) -> AttemptQuestion:
        return self._questions[self._current]

    @property
    def can_go_back(self) -> bool:
        return self.free_navigation and self._current > 0 and not self.is_finished

    @property
    def is_last(self) -> bool:
        return self._current >= len(self._questions) - 1

    def record(self, index: int | None = None) -> AnswerRecord | None:
        """The stored record of a question (current by default), or None."""
        return self._answers.get(self._questions[self._index(index)].id)

    @property
    def answers(self) -> dict[str, AnswerRecord]:
        """Question id → record (a copy). Records with an empty choice are unanswered."""
        return dict(self._answers)

    @property
    def answered_count(self) -> int:
        return sum(1 for r in self._answers.values() if r.choice)

    @property
    def flagged_count(self) -> int:
        return sum(1 for r in self._answers.values() if r.flagged)

    @property
    def unanswered_count(self) -> int:
        return len(self._questions) - self.answered_count

    @property
    def elapsed(self) -> float:
        """Test time used (seconds), including time used before a resume."""
        if self._state is AttemptState.IN_PROGRESS:
            return self._base_elapsed + max(0.0, self._clock() - self._started_at)
        return self._final_elapsed

    def test_remaining(self) -> float | None:
        """Seconds left for the whole test; None when the plan has no test time limit."""
        limit = self.plan.time_limit
        if limit is None:
            return None
        return max(0.0, limit - self.elapsed)

    def question_used(self, index: int | None = None) -> float:
        """Seconds spent on a question so far (all visits together)."""
        i = self._index(index)
        used = self._used[i]
        if i == self._current and self._state is AttemptState.IN_PROGRESS:
            used += max(0.0, self._clock() - self._shown_at)
        return min(used, self._limits[i])

    def question_remaining(self, index: int | None = None) -> float:
        """Seconds left on a question's own timer (current question by default);
        ``inf`` for a question without a countdown."""
        i = self._index(index)
        return max(0.0, self._limits[i] - self.question_used(i))

    def question_limit(self, index: int | None = None) -> int | None:
        """A question's own countdown in seconds, or None when it has none."""
        aq = self._questions[self._index(index)]
        return aq.time_limit if self.plan.question_countdown(aq.question) else None

    def question_timed(self, index: int | None = None) -> bool:
        """Whether a question has its own countdown (the UI shows it only then)."""
        return self.question_limit(index) is not None

    def can_flag(self, index: int | None = None) -> bool:
        """Whether a question may be marked "ragu-ragu" (survey questions may not)."""
        return not self.plan.survey_question(self._questions[self._index(index)].question)

    def question_open(self, index: int | None = None) -> bool:
        """Whether a question still has time on its own timer (it may still be answered
        once shown, if the test time lasts too)."""
        return self.question_remaining(index) > 0

    def can_answer(self) -> bool:
        """Whether an answer to the current question would be accepted right now."""
        if self._state is not AttemptState.IN_PROGRESS or not self._questions:
            return False
        now = self._clock()
        return not self._test_over(now) and not self._question_over(now)

    def checkpoint(self) -> Checkpoint:
        """State to store for a resume (answers are stored separately, as they happen)."""
        return Checkpoint(
            elapsed=self.elapsed,
            current=self._current,
            question_time_used={
                aq.id: self.question_used(i) for i, aq in enumerate(self._questions)
            },
        )

    def result(self) -> AttemptResult:
        """Score of the answers so far (final once finished)."""
        return score_attempt(self._spec, self._answers, self.elapsed)

    # ------------------------------------------------------------------ events

    def start(self) -> list[Event]:
        """Start (or resume) the attempt. Returns events if it moves or ends at once."""
        if self._state is not AttemptState.NOT_STARTED:
            return self._drain([])
        now = self._clock()
        self._state = AttemptState.IN_PROGRESS
        self._started_at = now
        events: list[Event] = []
        if self._test_over(now):
            self._finish(FinishReason.TEST_TIME_UP, now, events)
            return self._drain(events)
        if not self._questions:
            self._finish(FinishReason.NO_TIME_LEFT, now, events)
            return self._drain(events)
        self._begin_visit(self._current, now)
        if not self._visit_open:
            target = self._next_open(self._current)
            if target is None:
                self._finish(FinishReason.NO_TIME_LEFT, now, events)
            else:
                previous = self._current
                self._show(target, now)
                events.append(QuestionShown(target, previous))
        return self._drain(events)

    def poll(self) -> list[Event]:
        """Call on every UI timer tick: applies deadlines as of now, returns what changed."""
        events: list[Event] = []
        if self._state is not AttemptState.IN_PROGRESS:
            return self._drain(events)
        now = self._clock()
        if self._test_over(now):
            self._finish(FinishReason.TEST_TIME_UP, now, events)
        elif self._visit_open and not self._visit_fired and self._question_over(now):
            i = self._current
            aq = self._questions[i]
            self._visit_fired = True
            record: AnswerRecord | None = None
            if not self._answer_of(aq.id).choice:
                old = self._answers.get(aq.id)
                record = AnswerRecord(
                    aq.id, frozenset(), self._limits[i], old.flagged if old else False
                )
                self._answers[aq.id] = record
            events.append(QuestionTimedOut(i, aq.id, record))
            target = self._next_open(i)
            if target is None:
                self._finish(FinishReason.NO_TIME_LEFT, now, events)
            else:
                self._show(target, now)
                events.append(QuestionShown(target, i))
        elif self._question_over(now) and not any(
            self._is_open(j) for j in range(len(self._questions)) if j != self._current
        ):
            # the last question with time left ran out while the participant moved away
            self._finish(FinishReason.NO_TIME_LEFT, now, events)
        return self._drain(events)

    tick = poll

    def answer(self, keys: str | Iterable[str]) -> AnswerRecord:
        """Set the current question's answer. ``keys``: one key (single, true/false, poll)
        or a set of keys (multiple); an empty set clears the answer. Changing an answer is
        allowed while the question's time lasts. Raises :class:`AnswerRefused`."""
        now = self._require_running(AnswerRefused)
        aq = self.current
        if self._question_over(now):
            raise AnswerRefused(_MSG[RefusalReason.QUESTION_TIME_UP],
                                RefusalReason.QUESTION_TIME_UP)
        choice = frozenset([keys] if isinstance(keys, str) else keys)
        valid = set(aq.question.option_keys)
        unknown = sorted(choice - valid)
        if unknown:
            raise AnswerRefused(
                f"Pilihan {', '.join(unknown)} tidak ada pada soal ini.",
                RefusalReason.INVALID_CHOICE,
            )
        if aq.question.type != QuestionType.MULTIPLE and len(choice) > 1:
            raise AnswerRefused(
                "Soal ini hanya menerima satu jawaban.", RefusalReason.INVALID_CHOICE
            )
        old = self._answers.get(aq.id)
        if old is not None and old.choice == choice:
            return old
        used = self._used[self._current] + max(0.0, now - self._shown_at)
        record = AnswerRecord(aq.id, choice, used, old.flagged if old else False)
        self._answers[aq.id] = record
        return record

    def toggle(self, key: str) -> AnswerRecord:
        """Multiple choice: add or remove ``key``. Other types: same as ``answer(key)``."""
        if self._state is AttemptState.IN_PROGRESS and self._questions and (
            self.current.question.type == QuestionType.MULTIPLE
        ):
            current = self._answer_of(self.current.id).choice
            return self.answer(current ^ {key})
        return self.answer(key)

    def flag(self, on: bool | None = None) -> AnswerRecord:
        """Toggle (or set) the "ragu-ragu" flag of the current question. Allowed while the
        test runs, even when the question's own time is up; refused on survey questions."""
        self._require_running(AnswerRefused)
        aq = self.current
        if not self.can_flag():
            raise AnswerRefused(_MSG[RefusalReason.NOT_FLAGGABLE], RefusalReason.NOT_FLAGGABLE)
        old = self._answers.get(aq.id)
        was = old.flagged if old is not None else False
        flagged = (not was) if on is None else bool(on)
        if old is not None and was == flagged:
            return old
        record = replace(old or AnswerRecord(aq.id), flagged=flagged)
        self._answers[aq.id] = record
        return record

    def skip(self) -> AnswerRecord:
        """Leave the current question (keeping any answer) and go to the next one.

        Returns the question's record (an empty-choice record if it had none) to persist.
        On the last question it stays there.
        """
        now = self._require_running(NavigationRefused)
        aq = self.current
        record = self._answers.get(aq.id)
        if record is None:
            used = min(self._limits[self._current],
                       self._used[self._current] + now - self._shown_at)
            record = AnswerRecord(aq.id, frozenset(), max(0.0, used), False)
            self._answers[aq.id] = record
        if not self.is_last:
            self._show(self._current + 1, now)
        return record

    def next(self) -> int:
        """Go to the next question (no-op on the last one). Returns the current index."""
        now = self._require_running(NavigationRefused)
        if not self.is_last:
            self._show(self._current + 1, now)
        return self._current

    def back(self) -> int:
        """Go to the previous question (free navigation only). Returns the current index."""
        if not self.free_navigation:
            raise NavigationRefused(
                "Tes ini tidak mengizinkan kembali ke soal sebelumnya.", RefusalReason.NAVIGATION
            )
        now = self._require_running(NavigationRefused)
        if self._current > 0:
            self._show(self._current - 1, now)
        return self._current

    def go_to(self, index: int) -> int:
        """Jump to question ``index`` (0-based; free navigation only)."""
        if not 0 <= index < len(self._questions):
            raise NavigationRefused(f"Soal nomor {index + 1} tidak ada.", RefusalReason.NAVIGATION)
        if index == self._current:
            return self._current
        if not self.free_navigation:
            raise NavigationRefused(
                "Tes ini hanya bisa maju satu per satu; tidak bisa melompat ke soal lain.",
                RefusalReason.NAVIGATION,
            )
        now = self._require_running(NavigationRefused)
        self._show(index, now)
        return self._current

    def time_up(self) -> list[Event]:
        """End the attempt now because time is up (e.g. the trainer stops the session)."""
        events: list[Event] = []
        if self._state is AttemptState.FINISHED:
            return self._drain(events)
        self._finish(FinishReason.TEST_TIME_UP, self._clock(), events)
        return self._drain(events)

    def finish(self) -> list[Event]:
        """The participant submits. If the test time had already run out, the reason is
        ``TEST_TIME_UP``. Idempotent."""
        events: list[Event] = []
        if self._state is AttemptState.FINISHED:
            return self._drain(events)
        now = self._clock()
        reason = FinishReason.SUBMITTED
        if self._state is AttemptState.IN_PROGRESS and self._test_over(now):
            reason = FinishReason.TEST_TIME_UP
        self._finish(reason, now, events)
        return self._drain(events)

    # ------------------------------------------------------------------ internals

    def _limit_of(self, aq: AttemptQuestion) -> float:
        return float(aq.time_limit) if self.plan.question_countdown(aq.question) else math.inf

    def _index(self, index: int | None) -> int:
        i = self._current if index is None else index
        if not 0 <= i < len(self._questions):
            raise IndexError(i)
        return i

    def _answer_of(self, qid: str) -> AnswerRecord:
        return self._answers.get(qid) or AnswerRecord(qid)

    def _test_deadline_left(self, now: float) -> float | None:
        limit = self.plan.time_limit
        if limit is None:
            return None
        return limit - (self._base_elapsed + (now - self._started_at))

    def _test_over(self, now: float) -> bool:
        left = self._test_deadline_left(now)
        return left is not None and left <= 0

    def _question_over(self, now: float) -> bool:
        used = self._used[self._current] + max(0.0, now - self._shown_at)
        return used >= self._limits[self._current]

    def _require_running(self, exc: type[ActionRefused]) -> float:
        if self._state is AttemptState.NOT_STARTED:
            raise exc(_MSG[RefusalReason.NOT_STARTED], RefusalReason.NOT_STARTED)
        if self._state is AttemptState.FINISHED:
            reason = (
                RefusalReason.TEST_TIME_UP
                if self._finish_reason is FinishReason.TEST_TIME_UP
                else RefusalReason.FINISHED
            )
            raise exc(_MSG[reason], reason)
        now = self._clock()
        if self._test_over(now):
            # the tick has not noticed yet: finish now, report it on the next poll()
            self._finish(FinishReason.TEST_TIME_UP, now, self._pending)
            raise exc(_MSG[RefusalReason.TEST_TIME_UP], RefusalReason.TEST_TIME_UP)
        return now

    def _begin_visit(self, index: int, now: float) -> None:
        self._current = index
        self._shown_at = now
        self._visit_open = self._used[index] < self._limits[index]
        self._visit_fired = False

    def _close_visit(self, now: float) -> None:
        i = self._current
        spent = max(0.0, now - self._shown_at)
        self._used[i] = min(self._limits[i], self._used[i] + spent)
        self._shown_at = now

    def _show(self, index: int, now: float) -> None:
        self._close_visit(now)
        self._begin_visit(index, now)

    def _is_open(self, index: int) -> bool:
        return self._used[index] < self._limits[index]

    def _next_open(self, index: int) -> int | None:
        n = len(self._questions)
        after = list(range(index + 1, n))
        candidates = after + list(range(0, index)) if self.free_navigation else after
        for j in candidates:
            if self._is_open(j):
                return j
        return None

    def _finish(self, reason: FinishReason, now: float, events: list[Event]) -> None:
        if self._state is AttemptState.IN_PROGRESS:
            left = self._test_deadline_left(now)
            if reason is FinishReason.TEST_TIME_UP and left is not None and left < 0:
                now += left  # a late tick: the test (and the question shown) ended earlier
            if self._questions:
                self._close_visit(now)
            elapsed = self._base_elapsed + max(0.0, now - self._started_at)
            if reason is FinishReason.TEST_TIME_UP and self.plan.time_limit is not None:
                elapsed = min(elapsed, float(self.plan.time_limit))
            self._final_elapsed = elapsed
        self._state = AttemptState.FINISHED
        self._finish_reason = reason
        events.append(AttemptFinished(reason, self._final_elapsed))

    def _drain(self, events: list[Event]) -> list[Event]:
        out = self._pending + events
        self._pending = []
        return out
