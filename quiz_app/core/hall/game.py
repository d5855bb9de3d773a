"""The hall game: one projected, trainer-paced quiz for a whole hall. Qt-free.

:class:`HallGame` is the state machine; :class:`HallSession` wires it to the results store
and to a small resume file, so a crashed presentation continues at the question it was on.

Phases of one question (the trainer drives them from the console)::

    READY ──start──▶ RUNNING ◀──pause/resume──▶ PAUSED
                        │ time runs out           │
                        ▼                         │
                     TIME_UP ──reveal──▶ REVEALED ◀┘ (reveal also from RUNNING/PAUSED)
                                           │ next
                                           ▼
                            LEADERBOARD (optional) ──next──▶ READY of the next question
                                                             … or FINISHED after the last

``skip`` leaves a question without revealing it and *excludes* it from scoring: nobody
gets points for it, not even a team that keyed the right card before the skip (a revealed
question is only left). ``end`` finishes at once.

Scoring over the questions played
---------------------------------
A question is *played* once it closed without being skipped. Points, ranks and *nilai*
count only played questions: a skipped question and the questions a presentation never
reached (ended early) are excluded (:class:`~quiz_app.core.quiz.Excluded`) in every team's result,
so "3 of 15 shown" is scored out of 3, not 15.

Timing rules
------------
* Every deadline is read from the injected clock (monotonic seconds), never from ticks;
  the UI calls :meth:`HallGame.poll` on each timer tick only to learn what changed.
* A question's countdown is its ``time_limit`` from the shared :class:`AttemptSpec` plus
  any ``+10 s`` the trainer added. Paused time does not count.
* An answer's ``time_taken`` is the running (unpaused) time from the question's start to
  the moment of keying. Answers keyed while paused are accepted with the time frozen at
  the pause. Answers after the time is up, or once the question is closed, are refused.
* Speed points use the spec's ``time_limit`` as T (extra seconds do not change T; an
  answer in the extra time gets the minimum speed points for a right answer, 500).
* When a question closes (time up, reveal, skip, end) every participant without an answer
  gets an empty-choice record, exactly like a self-paced attempt whose question timed out.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from ..clock import Clock
from ..errors import QuizError
from ..model import OPTION_KEYS, Plan, QuestionType
from ..quiz import (
    AnswerRecord,
    AttemptQuestion,
    AttemptResult,
    AttemptSpec,
    Excluded,
    QuestionScore,
    competition_ranks,
    round_half_up,
    score_attempt,
    score_question,
)
from .answer_source import HallParticipant
from .board import Standing

log = logging.getLogger(__name__)

__all__ = [
    "EXTRA_SECONDS",
    "HALL_STATE_FORMAT",
    "SAVE_EVERY",
    "TEAM_MARK",
    "HallEvent",
    "HallGame",
    "HallRefusal",
    "HallRefused",
    "HallState",
    "Phase",
    "PhaseChanged",
    "QuestionClosed",
    "TimeUp",
]


EXTRA_SECONDS = 10
HALL_STATE_FORMAT = "kuis-aula/1"
SAVE_EVERY = 5.0  # seconds of running time between resume-file writes
# Participant.extra of a hall team: tells exports apart, and lets a self-paced resume offer
# skip team attempts (they are resumed by presenter mode, see find_resumable)
TEAM_MARK = ("mode", "tim-aula")


class Phase(StrEnum):
    READY = "ready"  # the question is announced; its countdown has not started
    RUNNING = "running"
    PAUSED = "paused"
    TIME_UP = "time_up"
    REVEALED = "revealed"
    LEADERBOARD = "leaderboard"
    FINISHED = "finished"


OPEN_PHASES = (Phase.RUNNING, Phase.PAUSED)


class HallRefusal(StrEnum):
    NO_ANSWERS = "no_answers"  # discussion mode
    UNKNOWN_PARTICIPANT = "unknown_participant"
    NOT_OPEN = "not_open"  # not started yet, or already closed
    TIME_UP = "time_up"
    INVALID_CHOICE = "invalid_choice"
    WRONG_PHASE = "wrong_phase"  # an action that does not fit the phase


class HallRefused(QuizError):
    """An answer or an action was not accepted. ``reason`` is a code for the UI to word;
    the message is for logs."""

    def __init__(self, reason: HallRefusal, message: str) -> None:
        super().__init__(message)
        self.reason = reason


# --------------------------------------------------------------------------- events


@dataclass(frozen=True)
class PhaseChanged:
    phase: Phase
    index: int


@dataclass(frozen=True)
class TimeUp:
    index: int


@dataclass(frozen=True)
class QuestionClosed:
    """No more answers for question ``index``. ``unanswered`` holds the empty-choice
    records to persist for participants who gave no answer."""

    index: int
    unanswered: tuple[tuple[str, AnswerRecord], ...]


HallEvent = PhaseChanged | TimeUp | QuestionClosed


@dataclass(frozen=True)
class HallState:
    """Everything but the answers needed to continue a presentation."""

    index: int = 0
    phase: Phase = Phase.READY
    used: dict[str, float] = field(default_factory=dict)  # question id -> running seconds
    extra: dict[str, int] = field(default_factory=dict)  # question id -> seconds added
    closed: tuple[int, ...] = ()  # indices, in the order they closed
    show_leaderboard: bool = True
    skipped: tuple[int, ...] = ()  # closed by a skip: excluded for everyone

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "phase": str(self.phase),
            "used": self.used,
            "extra": self.extra,
            "closed": list(self.closed),
            "show_leaderboard": self.show_leaderboard,
            "skipped": list(self.skipped),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> HallState:
        return cls(
            index=int(d["index"]),
            phase=Phase(d["phase"]),
            used={str(k): float(v) for k, v in d["used"].items()},
            extra={str(k): int(v) for k, v in d["extra"].items()},
            closed=tuple(int(i) for i in d["closed"]),
            show_leaderboard=bool(d["show_leaderboard"]),
            skipped=tuple(int(i) for i in d.get("skipped", ())),  # absent before issue 11
        )


# --------------------------------------------------------------------------- the game


class HallGame:
    """The hall quiz as a state machine over one shared :class:`AttemptSpec`.

    ``participants`` are who may answer (none: discussion, nothing is scored). ``answers``
    and ``state`` restore a crashed presentation: a question that was running comes back
    paused with the time it had used.
    """

    def __init__(
        self,
        spec: AttemptSpec,
        participants: Sequence[HallParticipant],
        clock: Clock,
        *,
        collect_answers: bool = True,
        answers: Mapping[str, Mapping[str, AnswerRecord]] | None = None,
        state: HallState | None = None,
        open_roster: bool = False,
    ) -> None:
        if not spec.questions:
            raise HallRefused(HallRefusal.WRONG_PHASE, "Rencana ini tidak berisi soal.")
        self._spec = spec
        self._participants = tuple(participants)
        self._by_id = {p.id: p for p in self._participants}
        self._clock = clock
        # open_roster: participants join while the game runs (phones), see add_participant
        self._collect = collect_answers and (bool(self._participants) or open_roster)
        self._answers: dict[str, dict[str, AnswerRecord]] = {p.id: {} for p in self._participants}
        qids = {aq.id for aq in spec.questions}
        for pid, recs in (answers or {}).items():
            if pid in self._answers:
                self._answers[pid].update({q: r for q, r in recs.items() if q in qids})
        st = state or HallState()
        n = len(spec.questions)
        self._index = min(max(0, st.index), n - 1)
        self._used = [float(st.used.get(aq.id, 0.0)) for aq in spec.questions]
        self._extra = [int(st.extra.get(aq.id, 0)) for aq in spec.questions]
        self._closed: list[int] = [i for i in st.closed if 0 <= i < n]
        self._skipped: set[int] = {i for i in st.skipped if i in self._closed}
        self._show_leaderboard = st.show_leaderboard
        phase = st.phase
        if phase is Phase.RUNNING:
            phase = Phase.PAUSED  # after a crash the trainer resumes explicitly
        if phase in OPEN_PHASES and self._index in self._closed:
            phase = Phase.REVEALED
        self._phase = phase
        self._run_start: float | None = None  # clock reading when the current run began
        self._used_at_run_start = self._used[self._index]
        self._pending: list[HallEvent] = []
        # (question id, record) -> its score; a record is immutable, so this never goes stale
        self._scores: dict[tuple[str, AnswerRecord | None], QuestionScore] = {}

    # ------------------------------------------------------------------ queries

    @property
    def spec(self) -> AttemptSpec:
        return self._spec

    @property
    def plan(self) -> Plan:
        return self._spec.plan

    @property
    def participants(self) -> tuple[HallParticipant, ...]:
        return self._participants

    @property
    def collects_answers(self) -> bool:
        return self._collect

    @property
    def phase(self) -> Phase:
        return self._phase

    @property
    def index(self) -> int:
        return self._index

    @property
    def total(self) -> int:
        return len(self._spec.questions)

    @property
    def is_last(self) -> bool:
        return self._index >= self.total - 1

    @property
    def current(self) -> AttemptQuestion:
        return self._spec.questions[self._index]

    @property
    def next_question(self) -> AttemptQuestion | None:
        """The question after the current one (for the trainer's preview)."""
        return None if self.is_last else self._spec.questions[self._index + 1]

    @property
    def show_leaderboard(self) -> bool:
        return self._show_leaderboard

    @show_leaderboard.setter
    def show_leaderboard(self, on: bool) -> None:
        self._show_leaderboard = bool(on)

    @property
    def accepting(self) -> bool:
        """Whether an answer would be accepted now (AnswerSink)."""
        return self._collect and self._phase in OPEN_PHASES and self.remaining() > 0

    def is_closed(self, index: int | None = None) -> bool:
        return (self._index if index is None else index) in self._closed

    def is_skipped(self, index: int | None = None) -> bool:
        return (self._index if index is None else index) in self._skipped

    @property
    def played(self) -> tuple[int, ...]:
        """Indices of the questions that count, in the order they closed (closed, not
        skipped)."""
        return tuple(i for i in self._closed if i not in self._skipped)

    @property
    def played_count(self) -> int:
        return len(self.played)

    @property
    def skipped_count(self) -> int:
        return len(self._skipped)

    @property
    def skip_voids(self) -> bool:
        """Whether :meth:`skip` would void the current question (it was not revealed)."""
        return self._phase in (Phase.READY, *OPEN_PHASES, Phase.TIME_UP)

    @property
    def skip_voids_answers(self) -> bool:
        """Whether a skip would throw away answers already keyed (the UI asks first)."""
        return self._collect and self.skip_voids and bool(self.answered())

    def time_limit(self, index: int | None = None) -> int:
        """The countdown of a question in seconds, including seconds added."""
        i = self._index if index is None else index
        return self._spec.questions[i].time_limit + self._extra[i]

    def elapsed(self, index: int | None = None) -> float:
        """Running (unpaused) seconds of a question so far, at most its time limit."""
        i = self._index if index is None else index
        if i != self._index:
            return self._used[i]
        return self._elapsed_at(self._clock())

    def remaining(self) -> float:
        """Seconds left on the current question's countdown."""
        return max(0.0, self.time_limit() - self.elapsed())

    def letters(self, index: int | None = None) -> tuple[str, ...]:
        """Display letters of a question's options, in display order (``A``, ``B`` …)."""
        aq = self._spec.questions[self._index if index is None else index]
        return OPTION_KEYS[: len(aq.option_order)]

    def key_for_letter(self, letter: str, index: int | None = None) -> str:
        aq = self._spec.questions[self._index if index is None else index]
        i = OPTION_KEYS.index(letter)
        if i >= len(aq.option_order):
            raise ValueError(letter)
        return aq.option_order[i]

    def letter_for_key(self, key: str, index: int | None = None) -> str:
        aq = self._spec.questions[self._index if index is None else index]
        return OPTION_KEYS[aq.option_order.index(key)]

    def correct_letters(self, index: int | None = None) -> frozenset[str]:
        i = self._index if index is None else index
        aq = self._spec.questions[i]
        return frozenset(self.letter_for_key(k, i) for k in aq.question.answer)

    def answer(self, participant_id: str, index: int | None = None) -> AnswerRecord | None:
        aq = self._spec.questions[self._index if index is None else index]
        return self._answers[participant_id].get(aq.id)

    def answers(self, participant_id: str) -> dict[str, AnswerRecord]:
        return dict(self._answers[participant_id])

    def answered(self, index: int | None = None) -> dict[str, AnswerRecord]:
        """Participant id → non-empty answer to a question."""
        aq = self._spec.questions[self._index if index is None else index]
        out: dict[str, AnswerRecord] = {}
        for pid, recs in self._answers.items():
            rec = recs.get(aq.id)
            if rec is not None and rec.choice:
                out[pid] = rec
        return out

    def tally(self, index: int | None = None) -> dict[str, int]:
        """Display letter → how many participants chose it (a multiple-answer choice
        counts for each of its letters)."""
        i = self._index if index is None else index
        counts = dict.fromkeys(self.letters(i), 0)
        for rec in self.answered(i).values():
            for key in rec.choice:
                counts[self.letter_for_key(key, i)] += 1
        return counts

    def standings(self, *, previous: bool = True) -> list[Standing]:
        """Ranking over the played questions (the open one never counts before it is
        closed, so the leaderboard cannot leak answers). ``previous_rank`` is the rank
        before the last played question; None while only one question was played."""
        played = self.played
        now = self._rank_over(played)
        before = self._rank_over(played[:-1]) if previous and len(played) > 1 else None
        prev_rank = {s.participant.id: s.rank for s in before} if before else {}
        return [
            Standing(s.rank, s.participant, s.points, s.correct, prev_rank.get(s.participant.id))
            for s in now
        ]

    def _rank_over(self, indices: Sequence[int]) -> list[Standing]:
        plan = self.plan
        rows: list[tuple[float, int]] = []
        for p in self._participants:
            points = 0.0
            correct = 0
            for i in indices:
                aq = self._spec.questions[i]
                rec = self._answers[p.id].get(aq.id)
                key = (aq.id, rec)
                qs = self._scores.get(key)
                if qs is None:  # scoring is exact (Fractions): remember it for hundreds
                    qs = self._scores[key] = score_question(aq, rec, plan)
                points += qs.points
                correct += 1 if qs.correct else 0
            rows.append((round(points, 6), correct))
        ranks = competition_ranks(rows)
        order = sorted(range(len(rows)), key=lambda i: (ranks[i], i))
        return [Standing(ranks[i], self._participants[i], rows[i][0], rows[i][1])
                for i in order]

    def excluded(self) -> dict[str, Excluded]:
        """Question id → why it does not count: skipped, or not shown (yet)."""
        out: dict[str, Excluded] = {}
        for i, aq in enumerate(self._spec.questions):
            if i in self._skipped:
                out[aq.id] = Excluded.SKIPPED
            elif i not in self._closed:
                out[aq.id] = Excluded.NOT_SHOWN
        return out

    def result(self, participant_id: str) -> AttemptResult:
        """The participant's attempt result over the played questions (skipped and
        never-shown questions are excluded, see :meth:`excluded`)."""
        return score_attempt(self._spec, self._answers[participant_id], self.total_elapsed(),
                             excluded=self.excluded())

    def total_elapsed(self) -> float:
        return sum(self.elapsed(i) for i in range(self.total))

    def average_nilai(self) -> float | None:
        """Mean *nilai* of all participants over the played questions (2 decimals,
        half-up); None when nothing is scored (discussion, only polls, nothing played)."""
        if not self._collect:
            return None
        results = [self.result(p.id) for p in self._participants]
        if not results or not results[0].graded:
            return None
        return round_half_up(sum(r.nilai for r in results) / len(results), 2)

    def snapshot(self) -> HallState:
        used = list(self._used)
        used[self._index] = self.elapsed()
        return HallState(
            index=self._index,
            phase=self._phase,
            used={aq.id: used[i] for i, aq in enumerate(self._spec.questions) if used[i] > 0},
            extra={aq.id: self._extra[i] for i, aq in enumerate(self._spec.questions)
                   if self._extra[i]},
            closed=tuple(self._closed),
            show_leaderboard=self._show_leaderboard,
            skipped=tuple(i for i in self._closed if i in self._skipped),
        )

    def add_participant(self, participant: HallParticipant) -> bool:
        """A participant who joins while the game runs (a phone). Questions closed before
        they joined count as unanswered. Returns False when the id is already known."""
        if not self._collect:
            raise HallRefused(HallRefusal.NO_ANSWERS, "Mode diskusi tidak mengumpulkan jawaban.")
        if participant.id in self._by_id:
            return False
        self._participants = (*self._participants, participant)
        self._by_id[participant.id] = participant
        self._answers[participant.id] = {}
        return True

    # ------------------------------------------------------------------ answers

    def prepare(
        self, participant_id: str, letters: Iterable[str], at: float | None = None
    ) -> AnswerRecord:
        """Check an answer and build its record without keeping it (persist it, then
        :meth:`commit`). Raises :class:`HallRefused`."""
        if not self._collect:
            raise HallRefused(HallRefusal.NO_ANSWERS, "Mode diskusi tidak mengumpulkan jawaban.")
        if participant_id not in self._by_id:
            raise HallRefused(HallRefusal.UNKNOWN_PARTICIPANT,
                              f"Peserta {participant_id!r} tidak dikenal.")
        now = self._clock()
        self._apply_deadline(now)
        if self._phase is Phase.TIME_UP:
            raise HallRefused(HallRefusal.TIME_UP, "Waktu soal ini sudah habis.")
        if self._phase not in OPEN_PHASES:
            raise HallRefused(HallRefusal.NOT_OPEN, "Soal ini tidak sedang menerima jawaban.")
        when = now if at is None else min(float(at), now)
        t = self._elapsed_at(when)
        if t >= self.time_limit():
            raise HallRefused(HallRefusal.TIME_UP, "Waktu soal ini sudah habis.")
        aq = self.current
        wanted = {str(x).upper() for x in letters}
        allowed = self.letters()
        unknown = sorted(wanted - set(allowed))
        if unknown:
            raise HallRefused(HallRefusal.INVALID_CHOICE,
                              f"Pilihan {', '.join(unknown)} tidak ada pada soal ini.")
        if len(wanted) > 1 and aq.question.type is not QuestionType.MULTIPLE:
            raise HallRefused(HallRefusal.INVALID_CHOICE, "Soal ini hanya punya satu jawaban.")
        keys = frozenset(self.key_for_letter(x) for x in wanted)
        return AnswerRecord(aq.id, keys, round(t, 3))

    def commit(self, participant_id: str, record: AnswerRecord) -> None:
        self._answers[participant_id][record.question_id] = record

    def submit(
        self, participant_id: str, letters: Iterable[str], at: float | None = None
    ) -> AnswerRecord:
        """AnswerSink: accept an answer (empty ``letters`` withdraws an earlier one)."""
        record = self.prepare(participant_id, letters, at)
        self.commit(participant_id, record)
        return record

    # ------------------------------------------------------------------ actions

    def poll(self) -> list[HallEvent]:
        """Call on every UI tick: applies the deadline as of now, returns what changed."""
        self._apply_deadline(self._clock())
        return self._drain()

    def start(self) -> list[HallEvent]:
        self._require(Phase.READY)
        self._run(self._clock())
        self._set_phase(Phase.RUNNING)
        return self._drain()

    def pause(self) -> list[HallEvent]:
        now = self._clock()
        self._apply_deadline(now)
        if self._phase is Phase.RUNNING:
            self._stop(now)
            self._set_phase(Phase.PAUSED)
        elif self._phase is not Phase.TIME_UP:
            self._require(Phase.RUNNING)
        return self._drain()

    def resume(self) -> list[HallEvent]:
        self._require(Phase.PAUSED)
        self._run(self._clock())
        self._set_phase(Phase.RUNNING)
        self._apply_deadline(self._clock())
        return self._drain()

    def toggle_pause(self) -> list[HallEvent]:
        return self.resume() if self._phase is Phase.PAUSED else self.pause()

    def add_time(self, seconds: int = EXTRA_SECONDS) -> list[HallEvent]:
        """Add seconds to the current countdown (before or while it runs)."""
        now = self._clock()
        self._apply_deadline(now)
        self._require(Phase.READY, Phase.RUNNING, Phase.PAUSED)
        self._extra[self._index] += int(seconds)
        return self._drain()

    def reveal(self) -> list[HallEvent]:
        now = self._clock()
        self._apply_deadline(now)
        self._require(Phase.RUNNING, Phase.PAUSED, Phase.TIME_UP)
        self._close(now)
        self._set_phase(Phase.REVEALED)
        return self._drain()

    def next(self) -> list[HallEvent]:
        self._require(Phase.REVEALED, Phase.LEADERBOARD)
        if (self._phase is Phase.REVEALED and self._show_leaderboard and self._collect
                and not self.is_last):
            self._set_phase(Phase.LEADERBOARD)
        else:
            self._go_next()
        return self._drain()

    def skip(self) -> list[HallEvent]:
        """Leave the current question without revealing it, voiding it for everyone (see
        :attr:`skip_voids`); on a revealed question or the leaderboard, just move on."""
        now = self._clock()
        self._apply_deadline(now)
        if self._phase is Phase.FINISHED:
            self._require(Phase.READY)  # raises
        if self.skip_voids:
            self._skipped.add(self._index)
        self._close(now)
        self._go_next()
        return self._drain()

    def end(self) -> list[HallEvent]:
        """Finish now. Idempotent."""
        if self._phase is not Phase.FINISHED:
            now = self._clock()
            self._apply_deadline(now)
            if self._phase in (*OPEN_PHASES, Phase.TIME_UP):
                self._close(now)
            self._set_phase(Phase.FINISHED)
        return self._drain()

    def advance(self) -> list[HallEvent]:
        """One step forward, as a presentation clicker means it: start → reveal → next."""
        self._apply_deadline(self._clock())
        match self._phase:
            case Phase.READY:
                return self.start()
            case Phase.RUNNING | Phase.PAUSED | Phase.TIME_UP:
                return self.reveal()
            case Phase.REVEALED | Phase.LEADERBOARD:
                return self.next()
        return self._drain()

    # ------------------------------------------------------------------ internals

    def _require(self, *phases: Phase) -> None:
        if self._phase not in phases:
            raise HallRefused(
                HallRefusal.WRONG_PHASE,
                f"Tidak dapat dilakukan pada tahap '{self._phase}' "
                f"(hanya pada: {', '.join(str(p) for p in phases)}).",
            )

    def _elapsed_at(self, t: float) -> float:
        if self._run_start is None or t <= self._run_start:
            base = self._used[self._index] if self._run_start is None else self._used_at_run_start
            return min(base, float(self.time_limit()))
        return min(self._used_at_run_start + (t - self._run_start), float(self.time_limit()))

    def _run(self, now: float) -> None:
        self._used_at_run_start = self._used[self._index]
        self._run_start = now

    def _stop(self, now: float) -> None:
        if self._run_start is not None:
            self._used[self._index] = self._elapsed_at(now)
            self._run_start = None
            self._used_at_run_start = self._used[self._index]

    def _apply_deadline(self, now: float) -> None:
        if self._phase is not Phase.RUNNING:
            return
        if self._elapsed_at(now) >= self.time_limit():
            self._stop(now)
            self._used[self._index] = float(self.time_limit())
            self._pending.append(TimeUp(self._index))
            self._close(now)
            self._set_phase(Phase.TIME_UP)

    def _close(self, now: float) -> None:
        self._stop(now)
        if self._index in self._closed:
            return
        self._closed.append(self._index)
        aq = self.current
        empty: list[tuple[str, AnswerRecord]] = []
        if self._collect:
            spent = round(self._used[self._index], 3)
            for p in self._participants:
                if aq.id not in self._answers[p.id]:
                    rec = AnswerRecord(aq.id, frozenset(), spent)
                    self._answers[p.id][aq.id] = rec
                    empty.append((p.id, rec))
        self._pending.append(QuestionClosed(self._index, tuple(empty)))

    def _go_next(self) -> None:
        if self.is_last:
            self._set_phase(Phase.FINISHED)
            return
        self._index += 1
        self._run_start = None
        self._used_at_run_start = self._used[self._index]
        self._set_phase(Phase.READY)

    def _set_phase(self, phase: Phase) -> None:
        self._phase = phase
        self._pending.append(PhaseChanged(phase, self._index))

    def _drain(self) -> list[HallEvent]:
        out, self._pending = self._pending, []
        return out


