"""Quiz: one participant's attempt (building it, the engine, scoring, identity, trainer PIN)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._surface import lazy_surface

if TYPE_CHECKING:
    from .attempt import (
        AnswerRecord,
        AttemptQuestion,
        AttemptResult,
        AttemptSpec,
        Excluded,
        QuestionScore,
    )
    from .build import (
        attempt_rng,
        build_attempt,
    )
    from .engine import (
        ActionRefused,
        AnswerRefused,
        Attempt,
        AttemptFinished,
        AttemptState,
        Checkpoint,
        Event,
        FinishReason,
        NavigationRefused,
        QuestionShown,
        QuestionTimedOut,
        RefusalReason,
    )
    from .identity import (
        IdentityCheck,
        IdentityProblem,
        check_identity,
        roster_match,
    )
    from .scoring import (
        SPEED_MAX,
        accuracy_share,
        competition_ranks,
        round_half_up,
        score_attempt,
        score_question,
        speed_points,
    )
    from .trainer import (
        PIN_MAX,
        PIN_MIN,
        PinCheck,
        PinHash,
        PinLock,
        TrainerSettings,
        settings_path,
        valid_pin,
    )

_SURFACE = {
    "ActionRefused": "engine",
    "AnswerRecord": "attempt",
    "AnswerRefused": "engine",
    "Attempt": "engine",
    "AttemptFinished": "engine",
    "AttemptQuestion": "attempt",
    "AttemptResult": "attempt",
    "AttemptSpec": "attempt",
    "AttemptState": "engine",
    "Checkpoint": "engine",
    "Event": "engine",
    "FinishReason": "engine",
    "IdentityCheck": "identity",
    "IdentityProblem": "identity",
    "NavigationRefused": "engine",
    "PIN_MAX": "trainer",
    "PIN_MIN": "trainer",
    "PinCheck": "trainer",
    "PinHash": "trainer",
    "PinLock": "trainer",
    "QuestionScore": "attempt",
    "QuestionShown": "engine",
    "QuestionTimedOut": "engine",
    "RefusalReason": "engine",
    "SPEED_MAX": "scoring",
    "TrainerSettings": "trainer",
    "Excluded": "attempt",
    "accuracy_share": "scoring",
    "attempt_rng": "build",
    "build_attempt": "build",
    "check_identity": "identity",
    "competition_ranks": "scoring",
    "roster_match": "identity",
    "round_half_up": "scoring",
    "score_attempt": "scoring",
    "score_question": "scoring",
    "settings_path": "trainer",
    "speed_points": "scoring",
    "valid_pin": "trainer",
}

__all__ = [
    "ActionRefused",
    "AnswerRecord",
    "AnswerRefused",
    "Attempt",
    "AttemptFinished",
    "AttemptQuestion",
    "AttemptResult",
    "AttemptSpec",
    "AttemptState",
    "Checkpoint",
    "Event",
    "FinishReason",
    "IdentityCheck",
    "IdentityProblem",
    "NavigationRefused",
    "PIN_MAX",
    "PIN_MIN",
    "PinCheck",
    "PinHash",
    "PinLock",
    "QuestionScore",
    "QuestionShown",
    "QuestionTimedOut",
    "RefusalReason",
    "SPEED_MAX",
    "TrainerSettings",
    "Excluded",
    "accuracy_share",
    "attempt_rng",
    "build_attempt",
    "check_identity",
    "competition_ranks",
    "roster_match",
    "round_half_up",
    "score_attempt",
    "score_question",
    "settings_path",
    "speed_points",
    "valid_pin",
]

__getattr__, __dir__ = lazy_surface(__name__, _SURFACE)
