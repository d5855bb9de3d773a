"""Where the answers of a hall game come from: one interface, several sources.

Qt-free. The hall game (:mod:`quiz_app.core.hall.game`) is an :class:`AnswerSink`: a source
*pushes* answers into it with ``sink.submit(participant_id, letters, at=clock())``. The
game checks them (question open, time left, valid letters), stamps the time taken and
keeps the last answer per participant (a correction replaces the earlier one while the
question is open).

Answers are given as the **letters shown on the projector** (``A``, ``B``, … in display
order), never as the bank's option keys: a card held up in the hall, a phone button or a
clicker only knows what it saw on the screen. The game maps letters to option keys.

Sources implemented now:

* :class:`TeamSource` — the trainer defines teams (``Meja 1`` … ``Meja N`` or names from a
  text file) and keys the A/B/C/D card each team holds up on the console. The time of
  keying is the answer time. :class:`TeamKeyEntry` turns keystrokes such as ``7B`` into
  answers.
* :class:`DiscussionSource` — no answers collected: show, time, reveal, explain.

A later source (participants' phones over Wi-Fi) implements the same :class:`AnswerSource`
protocol: it lists its participants, is attached to the sink and calls ``submit`` from the
thread that owns the game (the UI thread), with the clock reading of when the answer was
made.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from ..errors import Issue, QuizError
from ..quiz import AnswerRecord
from ..userfile import decode_utf8, read_user_bytes

__all__ = [
    "MAX_TEAMS",
    "MAX_TEAM_NAME",
    "AnswerSink",
    "AnswerSource",
    "DiscussionSource",
    "EntryMiss",
    "HallParticipant",
    "TeamEntryResult",
    "TeamFileError",
    "TeamKeyEntry",
    "TeamSource",
    "default_team_names",
    "load_team_file",
    "parse_team_names",
]

MAX_TEAMS = 99  # keyed with at most two digits on the console
MAX_TEAM_NAME = 60  # fits two lines of the leaderboard at the guaranteed minimum size


@dataclass(frozen=True)
class HallParticipant:
    """Someone (a team, later a phone) who answers in the hall. ``id`` is stable for the
    whole presentation (it survives a resume); ``name`` is what the leaderboard shows."""

    id: str
    name: str


@runtime_checkable
class AnswerSink(Protocol):
    """What a source feeds answers into (the hall game)."""

    def submit(
        self, participant_id: str, letters: Iterable[str], at: float | None = None
    ) -> AnswerRecord:
        """Record ``participant_id``'s answer to the open question.

        ``letters`` are display letters (``{"B"}``; several for a multiple-answer
        question). ``at`` is the clock reading when the answer was made (default: now).
        Returns the stored record; raises ``hall.HallRefused`` when not accepted.
        """
        ...

    @property
    def accepting(self) -> bool:
        """Whether an answer would be accepted right now."""
        ...


@runtime_checkable
class AnswerSource(Protocol):
    """A way of collecting answers in the hall."""

    @property
    def kind(self) -> str:
        """A short code: ``"teams"``, ``"discussion"`` (later ``"phones"``)."""
        ...

    @property
    def collects_answers(self) -> bool:
        """False for a source that never submits (discussion): no scores, no ranking."""
        ...

    def participants(self) -> tuple[HallParticipant, ...]:
        """Who may answer, in a stable order (the leaderboard's tie order)."""
        ...

    def attach(self, sink: AnswerSink) -> None:
        """Start feeding ``sink``. Called once by whoever runs the game."""
        ...

    def detach(self) -> None:
        """Stop feeding (the presentation ended). Idempotent."""
        ...


# --------------------------------------------------------------------------- sources


class DiscussionSource:
    """No answers: the trainer shows, times, reveals and explains."""

    kind = "discussion"
    collects_answers = False

    def participants(self) -> tuple[HallParticipant, ...]:
        return ()

    def attach(self, sink: AnswerSink) -> None:
        self._sink = sink

    def detach(self) -> None:
        self._sink = None


class TeamSource:
    """Teams holding up letter cards; the trainer keys each team's card on the console."""

    kind = "teams"
    collects_answers = True

    def __init__(self, names: Sequence[str]) -> None:
        if not names:
            raise TeamFileError("Belum ada tim; tentukan minimal satu tim.")
        if len(names) > MAX_TEAMS:
            raise TeamFileError(f"Paling banyak {MAX_TEAMS} tim, bukan {len(names)}.")
        self._teams = tuple(
            HallParticipant(f"tim-{i:02d}", name) for i, name in enumerate(names, start=1)
        )
        self._sink: AnswerSink | None = None

    def participants(self) -> tuple[HallParticipant, ...]:
        return self._teams

    def attach(self, sink: AnswerSink) -> None:
        self._sink = sink

    def detach(self) -> None:
        self._sink = None

    def team(self, number: int) -> HallParticipant:
        """Team by its 1-based number (as printed on the table card)."""
        if not 1 <= number <= len(self._teams):
            raise IndexError(number)
        return self._teams[number - 1]

    def key(self, number: int, letters: Iterable[str], at: float | None = None) -> AnswerRecord:
        """The trainer keyed team ``number``'s card(s). Raises IndexError for an unknown
        team number and ``hall.HallRefused`` when the game does not accept the answer."""
        if self._sink is None:
            raise RuntimeError("TeamSource is not attached to a game")
        return self._sink.submit(self.team(number).id, letters, at)


# --------------------------------------------------------------------------- keying


@dataclass(frozen=True)
class TeamEntryResult:
    """What a keystroke sequence means: team ``number`` answered ``letters``.

    ``toggle`` is True when a letter was typed again without a new team number (for a
    multiple-answer question: add or remove that letter from the team's choice)."""

    number: int
    letters: frozenset[str]
    toggle: bool = False


@dataclass(frozen=True)
class EntryMiss:
    """A letter that could not become an answer, and why: ``number`` names no team (1 to
    ``team_count``), or no team number was typed at all (``number`` None)."""

    number: int | None
    team_count: int


class TeamKeyEntry:
    """Turns console keystrokes into team answers with as few keys as possible.

    Type the team number, then the letter: ``7`` ``B`` → team 7 answered B (two keys;
    ``1`` ``2`` ``C`` for team 12). The letter commits at once, no Enter needed. A letter
    typed right after a committed answer (no new number) applies to the same team again:
    for a one-answer question it replaces the answer, for a multiple-answer question it
    toggles that letter (``7`` ``A`` ``C`` → team 7 chose A and C). Backspace removes the
    last digit; Escape clears.
    """

    def __init__(self, team_count: int) -> None:
        self.team_count = team_count
        self._digits = ""
        self._last: int | None = None

    @property
    def pending(self) -> str:
        """The digits typed so far (shown on the console)."""
        return self._digits

    def clear(self) -> None:
        self._digits = ""
        self._last = None

    def backspace(self) -> None:
        self._digits = self._digits[:-1]

    def digit(self, d: str) -> int | None:
        """Add a digit. Returns the team number now selected (None when it names no team).

        A digit that would make the number exceed the team count starts a new number,
        so ``7`` ``8`` with 10 teams selects team 8, not 78.
        """
        if len(d) != 1 or not d.isdigit():
            raise ValueError(d)
        candidate = self._digits + d
        if int(candidate) > self.team_count or len(candidate) > len(str(self.team_count)):
            candidate = d
        self._digits = candidate.lstrip("0") or ("0" if candidate else "")
        self._last = None
        number = int(self._digits) if self._digits else 0
        return number if 1 <= number <= self.team_count else None

    def letter(self, letter: str, allowed: Sequence[str]) -> TeamEntryResult | EntryMiss | None:
        """A letter key. Returns the answer to submit; an :class:`EntryMiss` when the typed
        number names no team or no team was selected (the console says which); None when
        the letter is not an option of the current question."""
        letter = letter.upper()
        if letter not in allowed:
            return None
        if self._digits:
            number = int(self._digits)
            self._digits = ""
            if not 1 <= number <= self.team_count:
                self._last = None
                return EntryMiss(number, self.team_count)
            self._last = number
            return TeamEntryResult(number, frozenset({letter}), toggle=False)
        if self._last is not None:
            return TeamEntryResult(self._last, frozenset({letter}), toggle=True)
        return EntryMiss(None, self.team_count)


# --------------------------------------------------------------------------- team names


class TeamFileError(QuizError):
    """The team list (``--teams N`` or a team file) cannot be used."""


def default_team_names(count: int) -> list[str]:
    """``Meja 1`` … ``Meja N``."""
    if not 1 <= count <= MAX_TEAMS:
        raise TeamFileError(
            f"Jumlah tim harus antara 1 dan {MAX_TEAMS}, bukan {count}."
        )
    return [f"Meja {i}" for i in range(1, count + 1)]


def parse_team_names(text: str, path: str = "") -> list[str]:
    """Team names, one per line. Blank lines and lines starting with ``#`` are skipped;
    spaces around a name are removed. Collects every problem (with its line) and raises
    one :class:`TeamFileError`."""
    issues: list[Issue] = []
    names: list[str] = []
    name_lines: list[int] = []
    seen: dict[str, int] = {}
    for lineno, raw in enumerate(text.splitlines(), start=1):
        name = " ".join(raw.split())
        if not name or name.startswith("#"):
            continue
        if len(name) > MAX_TEAM_NAME:
            issues.append(Issue(path, lineno, 0,
                                f"nama tim terlalu panjang ({len(name)} karakter, paling "
                                f"banyak {MAX_TEAM_NAME}); singkat namanya, misalnya "
                                "'Dinkes' untuk 'Dinas Kesehatan'"))
            continue
        if any(unicodedata.category(c) == "Cc" for c in name):
            issues.append(Issue(path, lineno, 0, "nama tim berisi karakter kontrol; ketik "
                                "ulang nama tim di baris ini"))
            continue
        if any(sep in raw for sep in ("\t", ";")):
            issues.append(Issue(path, lineno, 0,
                                "baris berisi tab atau titik koma, seperti tabel; tulis satu "
                                "nama tim saja di setiap baris"))
            continue
        folded = name.casefold()
        if folded in seen:
            issues.append(Issue(path, lineno, 0,
                                f"nama tim '{name}' sudah ada di baris {seen[folded]}; "
                                "setiap tim perlu nama yang berbeda"))
            continue
        seen[folded] = lineno
        names.append(name)
        name_lines.append(lineno)
    if not names and not issues:
        issues.append(Issue(path, 0, 0, "berkas tim kosong; tulis satu nama tim di setiap baris"))
    if len(names) > MAX_TEAMS:
        # located at the first name over the limit, so the trainer sees where to cut
        issues.append(Issue(path, name_lines[MAX_TEAMS], 0,
                            f"terlalu banyak tim ({len(names)}); paling banyak {MAX_TEAMS} "
                            f"tim, dan nama di baris ini adalah tim ke-{MAX_TEAMS + 1}"))
    if issues:
        raise TeamFileError(issues)
    return names


MAX_TEAM_FILE = 256 * 1024


def load_team_file(path: Path | str) -> list[str]:
    """Read a UTF-8 text file of team names (a BOM from Notepad is fine) through the
    guarded reader: a folder, a FIFO or a device, a huge or binary file is refused."""
    path = Path(path)
    shown = str(path)
    data = read_user_bytes(path, max_bytes=MAX_TEAM_FILE, error=TeamFileError,
                           what="berkas tim")
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise TeamFileError(Issue(shown, line, 0, "berkas tim bukan berkas teks biasa "
                                  "(misalnya berkas Excel); tulis nama tim di berkas .txt, "
                                  "satu per baris"))
    text = decode_utf8(data, shown, error=TeamFileError, what="berkas tim bukan teks UTF-8",
                       hint="simpan ulang sebagai 'UTF-8' (Notepad: Simpan Sebagai → "
                       "Pengodean UTF-8)")
    return parse_team_names(text, shown)
