"""The desk's plain data (seats, rows for the console) and what each phone sees. No Qt.

:func:`seat_screen` builds a seat's personal message from the engine's state. A question
carries its public text and options only; the key, the explanations and the references
are added (as the review) only once that participant has finished and only when the
plan's ``review`` allows it. A question with an image carries the image's token (never
a path), so only a phone on that question can fetch it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from ..core.model import OPTION_KEYS, Bank, Participant, Plan, QuestionType, Review, TestKind
from ..core.people import Roster
from ..core.quiz import Attempt, AttemptResult, build_attempt
from .server import SeatInfo

__all__ = ["DeskCounts", "DeskMode", "DeskRow", "DeskSeat", "DeskTest", "SeatStatus",
           "TakeoverRequest", "seat_screen"]


class DeskMode(StrEnum):
    IDLE = "idle"
    CHECKIN = "checkin"
    PLEDGE = "pledge"
    TEST = "test"


class SeatStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    FINISHED = "finished"


@dataclass(frozen=True)
class TakeoverRequest:
    id: str
    seat_id: str
    name: str


@dataclass(frozen=True)
class DeskRow:
    """One participant as the trainer's console shows it."""

    seat_id: str
    name: str
    nip: str | None
    checked_in: str | None  # ISO time (UTC) or None
    pledged: bool
    status: SeatStatus
    question: int  # 1-based question on screen (in progress)
    total: int
    answered: int
    away: int  # times the phone left the test page during the attempt
    nilai: float | None
    connected: bool = False


@dataclass
class DeskCounts:
    joined: int = 0
    connected: int = 0
    checked_in: int = 0
    pledged: int = 0
    not_started: int = 0
    in_progress: int = 0
    finished: int = 0


@dataclass
class DeskSeat:
    info: SeatInfo
    person: Participant
    checked_in: str | None = None
    pledged: str | None = None
    attempt_id: str | None = None
    attempt: Attempt | None = None
    result: AttemptResult | None = None
    stored_result: bool = False  # the finish is committed: the phone may see the result
    away: int = 0
    version: int = 0  # of the personal state: a late commit never restores an older one
    checkpointed: float = 0.0  # laptop clock of the attempt's last checkpoint


@dataclass
class DeskTest:
    session_id: int
    plan: Plan
    banks: tuple[Bank, ...]
    title: str
    count: int = -1  # questions per attempt (computed once)
    source: str = ""  # the plan or bank file (to resume after a crash)
    # image file -> its token on the phone server (``images.ImageShelf``); a seat's screen
    # carries only the token of the question that seat is on
    images: dict[Path, str] = field(default_factory=dict)

    def questions(self) -> int:
        if self.count < 0:
            try:
                self.count = len(build_attempt(self.plan, self.banks, "hitung").questions)
            except (ValueError, KeyError):
                self.count = 0
        return self.count


def seat_screen(mode: DeskMode, test: DeskTest, seat: DeskSeat, now: float,
                roster: Roster | None) -> dict[str, Any]:
    """The seat's own screen: never the key before the participant finished."""
    base: dict[str, Any] = {"type": "me", "mode": str(mode), "v": seat.version}
    if mode is DeskMode.CHECKIN:
        p = seat.person
        base.update(done=seat.checked_in is not None, at=seat.checked_in or "",
                    form={"name": p.name, "position": p.position, "unit": p.unit},
                    roster=bool(roster is not None and p.nip
                                and roster.find(p.nip) is not None))
        return base
    if mode is DeskMode.PLEDGE:
        base.update(done=seat.pledged is not None, at=seat.pledged or "")
        return base
    if mode is not DeskMode.TEST:
        return base
    plan = test.plan
    a = seat.attempt
    if a is None:
        base.update(phase="intro", title=test.title, kind=str(plan.kind),
                    n=test.questions(),
                    time_limit=plan.time_limit,
                    free=plan.navigation.value == "free")
        return base
    if a.is_finished:
        base.update(_result_state(a, seat.result, plan) if seat.stored_result
                    else {"phase": "saving"})
        return base
    aq = a.current
    q = aq.question
    by_key = {o.key: o for o in q.options}
    rec = a.record()
    summary = []
    for i in range(len(a)):
        r = a.record(i)
        summary.append([1 if r is not None and r.choice else 0,
                        1 if r is not None and r.flagged else 0,
                        1 if a.question_open(i) else 0])
    base.update(
        phase="question", q=a.current_index, n=len(a), text=q.text,
        img=test.images.get(q.image) if q.image is not None else None,
        multi=q.type is QuestionType.MULTIPLE, poll=q.type is QuestionType.POLL,
        options=[{"l": OPTION_KEYS[i], "t": by_key[k].text}
                 for i, k in enumerate(aq.option_order)],
        mine=_letters(aq.option_order, rec.choice if rec else ()),
        flagged=bool(rec and rec.flagged),
        q_left=round(a.question_remaining(), 1), test_left=_round(a.test_remaining()),
        clock=now, free=a.free_navigation, last=a.is_last,
        summary=summary,
    )
    return base


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _letters(order: Iterable[str], keys: Iterable[str]) -> list[str]:
    order = list(order)
    return sorted(OPTION_KEYS[order.index(k)] for k in keys if k in order)


def _result_state(a: Attempt, result: AttemptResult | None, plan: Plan) -> dict[str, Any]:
    """The finished participant's result, and the review when the plan allows it."""
    survey = plan.kind is TestKind.SURVEY
    show = not survey and plan.review is not Review.NONE and result is not None
    out: dict[str, Any] = {"phase": "result", "show_score": show, "survey": survey}
    if show and result is not None:
        out.update(graded=result.graded, nilai=result.nilai, passed=result.passed,
                   correct=result.correct, wrong=result.wrong, unanswered=result.unanswered,
                   pass_mark=plan.pass_mark)
    if plan.review is Review.ANSWERS and not survey and result is not None:
        scores = {s.question_id: s for s in result.per_question}
        review = []
        for i, aq in enumerate(a.questions):
            q = aq.question
            by_key = {o.key: o for o in q.options}
            rec = a.record(i)
            s = scores.get(aq.id)
            review.append({
                "n": i + 1, "text": q.text,
                "options": [{"l": OPTION_KEYS[j], "t": by_key[k].text}
                            for j, k in enumerate(aq.option_order)],
                "yours": _letters(aq.option_order, rec.choice if rec else ()),
                "key": _letters(aq.option_order, q.answer),
                "right": s.correct if s is not None else None,
                "explanation": q.explanation, "reference": q.reference,
            })
        out["review"] = review
    return out

