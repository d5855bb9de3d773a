"""Resume an attempt after a crash or power cut, exactly as it was last saved (no Qt).

The results store keeps the spec (questions, option order, time limits), every committed
answer and the last checkpoint (test time used, question on screen, time used per
question). :func:`resume_attempt` rebuilds the engine from that; after ``start()`` the
remaining test time is ``limit - elapsed at the last checkpoint``.
"""

from __future__ import annotations

from ..clock import Clock
from ..quiz import Attempt
from .records import AttemptRecord

__all__ = ["remaining_time", "resume_attempt"]


def resume_attempt(record: AttemptRecord, clock: Clock) -> Attempt:
    """A not-yet-started :class:`Attempt` carrying the stored state; call ``start()``."""
    return Attempt(
        record.spec,
        clock,
        answers=record.answers,
        elapsed=record.elapsed,
        current=record.current_index,
        question_time_used=record.question_time_used,
    )


def remaining_time(record: AttemptRecord) -> float | None:
    """Whole-test seconds left as last saved; None when the plan has no test time limit."""
    return resume_attempt(record, lambda: 0.0).test_remaining()
