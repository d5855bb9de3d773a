"""The attempt controller: owns one engine ``Attempt``, the results store writes and a
QTimer whose tick only polls the engine and asks views to redraw.

Every deadline lives in the engine and is read from the injected clock; the controller
never counts ticks. Each answer change is committed to the store (one small transaction)
*before* ``saved`` is emitted, so a view shows "tersimpan" only for committed answers.
The attempt state is checkpointed on every answer, on every question change and at least
every :data:`CHECKPOINT_EVERY` seconds of clock time.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from ...core.clock import Clock
from ...core.errors import StoreError
from ...core.quiz import (
    ActionRefused,
    AnswerRecord,
    Attempt,
    AttemptFinished,
    AttemptResult,
    Event,
    FinishReason,
    QuestionShown,
    QuestionTimedOut,
    RefusalReason,
)
from ...core.results import ResultsStore

CHECKPOINT_EVERY = 5.0  # seconds of clock time between checkpoints (at most)
TICK_MS = 200


class AttemptController(QObject):
    shown = Signal(int)  # the engine moved to question index (time-out or navigation)
    timed_out = Signal(int)  # the question at index ran out of time
    saved = Signal(str, bool)  # question id, committed to the store?
    refused = Signal(object)  # RefusalReason of an action the engine refused
    store_failed = Signal(str)  # message of a StoreError
    finished = Signal(object)  # AttemptResult, after the store has it
    ticked = Signal()

    def __init__(self, store: ResultsStore, attempt_id: str, attempt: Attempt, clock: Clock,
                 parent: QObject | None = None, tick_ms: int = TICK_MS) -> None:
        super().__init__(parent)
        self.store = store
        self.attempt_id = attempt_id
        self.attempt = attempt
        self.clock = clock
        self._last_checkpoint = clock()
        self._saved: dict[str, bool] = {qid: True for qid in attempt.answers}
        self.write_seconds: list[float] = []  # duration of each store write (measured)
        self.finish_reason: FinishReason | None = None
        self.result: AttemptResult | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.poll)

    # ------------------------------------------------------------------ life cycle

    def start(self) -> None:
        """Start (or resume) the attempt and the tick."""
        events = self.attempt.start()
        if not self.attempt.is_finished:
            self._timer.start()
        self._checkpoint()
        self.shown.emit(self.attempt.current_index)
        self._handle(events)

    def stop(self) -> None:
        """Stop ticking; save where the attempt is (the window closes, the app quits)."""
        self._timer.stop()
        if self.attempt.is_started and not self.attempt.is_finished:
            self._checkpoint()

    @property
    def running(self) -> bool:
        return self.attempt.is_started and not self.attempt.is_finished

    def is_saved(self, question_id: str) -> bool:
        return self._saved.get(question_id, False)

    # ------------------------------------------------------------------ tick

    def poll(self) -> None:
        events = self.attempt.poll()
        self._handle(events)
        if self.running and self.clock() - self._last_checkpoint >= CHECKPOINT_EVERY:
            self._checkpoint()
        self.ticked.emit()

    # ------------------------------------------------------------------ actions

    def choose(self, key: str) -> None:
        """Choose option ``key`` (toggles it on a multiple-answer question)."""
        try:
            record = self.attempt.toggle(key)
        except ActionRefused as exc:
            self._refused(exc)
            return
        self._persist(record)

    def toggle_flag(self) -> None:
        try:
            record = self.attempt.flag()
        except ActionRefused as exc:
            self._refused(exc)
            return
        self._persist(record)

    def advance(self) -> bool:
        """Enter: leave the question for the next one. Returns True on the last question
        (the caller shows the finish confirmation)."""
        if not self.running:
            return False
        if self.attempt.is_last:
            return True
        before = self.attempt.current_index
        try:
            record = self.attempt.skip() if not self._answered() else None
            if record is None:
                self.attempt.next()
        except ActionRefused as exc:
            self._refused(exc)
            return False
        if record is not None:
            self._persist(record)
        self._moved(before)
        return False

    def back(self) -> None:
        self._navigate(lambda: self.attempt.back())

    def forward(self) -> None:
        if not self.attempt.free_navigation:
            self.refused.emit(RefusalReason.NAVIGATION)
            return
        self._navigate(lambda: self.attempt.next())

    def go_to(self, index: int) -> None:
        self._navigate(lambda: self.attempt.go_to(index))

    def submit(self) -> None:
        """The participant sends the answers (finish confirmation)."""
        self._handle(self.attempt.finish())

    def end_by_trainer(self) -> None:
        """The trainer ends this attempt now; it is scored with the answers so far."""
        self._handle(self.attempt.time_up())

    # ------------------------------------------------------------------ internals

    def _answered(self) -> bool:
        record = self.attempt.record()
        return record is not None and bool(record.choice)

    def _navigate(self, move: Callable[[], object]) -> None:
        before = self.attempt.current_index
        try:
            move()
        except ActionRefused as exc:
            self._refused(exc)
            return
        self._moved(before)

    def _moved(self, before: int) -> None:
        if self.attempt.current_index != before:
            self._checkpoint()
            self.shown.emit(self.attempt.current_index)

    def _refused(self, exc: ActionRefused) -> None:
        self.refused.emit(exc.reason)
        # a refusal because the test time just ran out finishes the attempt on next poll
        self._handle(self.attempt.poll())

    def _handle(self, events: Sequence[Event]) -> None:
        for event in events:
            if isinstance(event, QuestionTimedOut):
                if event.record is not None:
                    self._persist(event.record, checkpoint=False)
                self.timed_out.emit(event.index)
            elif isinstance(event, QuestionShown):
                self._checkpoint()
                self.shown.emit(event.index)
            elif isinstance(event, AttemptFinished):
                self._finished(event)

    def _finished(self, event: AttemptFinished) -> None:
        self._timer.stop()
        self.finish_reason = event.reason
        result = self.result = self.attempt.result()
        try:
            self._timed(lambda: self.store.finish_attempt(self.attempt_id, result, event.elapsed))
        except StoreError as exc:
            self.store_failed.emit(exc.message)
        self.finished.emit(self.result)

    def _persist(self, record: AnswerRecord, *, checkpoint: bool = True) -> None:
        self._saved[record.question_id] = False
        try:
            if checkpoint and self.running:
                cp = self.attempt.checkpoint()
                self._timed(lambda: self.store.record_answer(
                    self.attempt_id, record, elapsed=cp.elapsed, current_index=cp.current,
                    question_time_used=cp.question_time_used))
                self._last_checkpoint = self.clock()
            else:
                self._timed(lambda: self.store.record_answer(self.attempt_id, record))
        except StoreError as exc:
            self.saved.emit(record.question_id, False)
            self.store_failed.emit(exc.message)
            return
        self._saved[record.question_id] = True
        self.saved.emit(record.question_id, True)

    def _checkpoint(self) -> None:
        if not self.running:
            return
        cp = self.attempt.checkpoint()
        try:
            self._timed(lambda: self.store.checkpoint(
                self.attempt_id, cp.elapsed, cp.current, question_time_used=cp.question_time_used))
        except StoreError as exc:
            self.store_failed.emit(exc.message)
        self._last_checkpoint = self.clock()

    def _timed(self, write: Callable[[], None]) -> None:
        start = time.perf_counter()
        write()
        self.write_seconds.append(time.perf_counter() - start)
