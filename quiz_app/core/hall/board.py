"""The hall's ranking as the leaderboard shows it: one participant's place, and the rows of
the projected board (ties at its cut are never split). Qt-free."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .answer_source import HallParticipant

__all__ = ["BOARD_ROWS", "BoardEntry", "Standing", "board_entries"]

BOARD_ROWS = 10  # rows of the projected leaderboard


@dataclass(frozen=True)
class Standing:
    """One participant's place. ``rank`` is competition ranking (1, 1, 3); ties share a
    rank. ``previous_rank`` is the rank before the last closed question (None before the
    first one)."""

    rank: int
    participant: HallParticipant
    points: float
    correct: int
    previous_rank: int | None = None

    @property
    def change(self) -> int:
        """Places gained (positive, ▲) or lost (negative, ▼) since the previous ranking."""
        return 0 if self.previous_rank is None else self.previous_rank - self.rank


@dataclass(frozen=True)
class BoardEntry:
    """One row of the projected leaderboard: one team, or every team tied at the place
    where the board is cut (so a tie is never split between shown and hidden)."""

    rank: int
    standings: tuple[Standing, ...]

    @property
    def points(self) -> float:
        return self.standings[0].points

    @property
    def grouped(self) -> bool:
        return len(self.standings) > 1


def board_entries(standings: Sequence[Standing], limit: int = BOARD_ROWS) -> list[BoardEntry]:
    """At most ``limit`` rows of ``standings``: one team per row, except that the teams
    sharing the rank that crosses the cut share the last row (all of them, named or
    counted by the view) instead of some being shown and the others hidden."""
    out: list[BoardEntry] = []
    i = 0
    while i < len(standings) and len(out) < limit:
        j = i
        while j < len(standings) and standings[j].rank == standings[i].rank:
            j += 1
        group = tuple(standings[i:j])
        if len(out) + len(group) <= limit:
            out.extend(BoardEntry(s.rank, (s,)) for s in group)
        else:
            out.append(BoardEntry(group[0].rank, group))
        i = j
    return out
