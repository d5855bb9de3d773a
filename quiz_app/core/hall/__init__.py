"""Hall: the projected quiz for a whole hall (the game, its answer sources, the session bound
to the store)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._surface import lazy_surface

if TYPE_CHECKING:
    from .answer_source import (
        MAX_TEAM_NAME,
        MAX_TEAMS,
        AnswerSink,
        AnswerSource,
        DiscussionSource,
        EntryMiss,
        HallParticipant,
        TeamEntryResult,
        TeamFileError,
        TeamKeyEntry,
        TeamSource,
        default_team_names,
        load_team_file,
        parse_team_names,
    )
    from .board import BOARD_ROWS, BoardEntry, Standing, board_entries
    from .game import (
        EXTRA_SECONDS,
        HALL_STATE_FORMAT,
        SAVE_EVERY,
        TEAM_MARK,
        HallEvent,
        HallGame,
        HallRefusal,
        HallRefused,
        HallState,
        Phase,
        PhaseChanged,
        QuestionClosed,
        TimeUp,
    )
    from .session import (
        HallSession,
        SavedHall,
        find_resumable,
        hall_dir,
        spec_path,
    )

_SURFACE = {
    "AnswerSink": "answer_source",
    "BOARD_ROWS": "board",
    "BoardEntry": "board",
    "AnswerSource": "answer_source",
    "DiscussionSource": "answer_source",
    "EXTRA_SECONDS": "game",
    "EntryMiss": "answer_source",
    "HALL_STATE_FORMAT": "game",
    "HallEvent": "game",
    "HallGame": "game",
    "HallParticipant": "answer_source",
    "HallRefusal": "game",
    "HallRefused": "game",
    "HallSession": "session",
    "HallState": "game",
    "MAX_TEAMS": "answer_source",
    "MAX_TEAM_NAME": "answer_source",
    "Phase": "game",
    "PhaseChanged": "game",
    "QuestionClosed": "game",
    "SAVE_EVERY": "game",
    "SavedHall": "session",
    "Standing": "board",
    "TEAM_MARK": "game",
    "TeamEntryResult": "answer_source",
    "TeamFileError": "answer_source",
    "TeamKeyEntry": "answer_source",
    "TeamSource": "answer_source",
    "TimeUp": "game",
    "board_entries": "board",
    "default_team_names": "answer_source",
    "find_resumable": "session",
    "hall_dir": "session",
    "load_team_file": "answer_source",
    "parse_team_names": "answer_source",
    "spec_path": "session",
}

__all__ = [
    "AnswerSink",
    "BOARD_ROWS",
    "BoardEntry",
    "AnswerSource",
    "DiscussionSource",
    "EXTRA_SECONDS",
    "EntryMiss",
    "HALL_STATE_FORMAT",
    "HallEvent",
    "HallGame",
    "HallParticipant",
    "HallRefusal",
    "HallRefused",
    "HallSession",
    "HallState",
    "MAX_TEAMS",
    "MAX_TEAM_NAME",
    "Phase",
    "PhaseChanged",
    "QuestionClosed",
    "SAVE_EVERY",
    "SavedHall",
    "Standing",
    "TEAM_MARK",
    "TeamEntryResult",
    "TeamFileError",
    "TeamKeyEntry",
    "TeamSource",
    "TimeUp",
    "board_entries",
    "default_team_names",
    "find_resumable",
    "hall_dir",
    "load_team_file",
    "parse_team_names",
    "spec_path",
]

__getattr__, __dir__ = lazy_surface(__name__, _SURFACE)
