"""Issue 11, hall items: skip voids a question, scores over the questions played, the
first leaderboard has no arrows, ties at the cut of the board stay visible, team keying
and team files say what went wrong and where."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quiz_app.core.hall import (
    EntryMiss,
    HallGame,
    HallSession,
    HallState,
    Phase,
    TeamFileError,
    TeamKeyEntry,
    TeamSource,
    board_entries,
    load_team_file,
    parse_team_names,
)
from quiz_app.core.model import Order, Scoring
from quiz_app.core.quiz import Excluded
from quiz_app.core.results import ResultsStore
from tests.helpers.fakes import FakeClock, make_bank, make_plan, make_spec


def speed_plan(**kw):
    base = dict(order=Order.BANK, shuffle_options=False, question_time_limit=20,
                scoring=Scoring.SPEED)
    base.update(kw)
    return make_plan(**base)


def game_for(clock: FakeClock, n: int = 5, teams: int = 3) -> HallGame:
    spec = make_spec(speed_plan(), [make_bank(n)])
    names = [f"Meja {i}" for i in range(1, teams + 1)]
    return HallGame(spec, TeamSource(names).participants(), clock)


def play(game: HallGame, clock: FakeClock, answers: dict[str, str], wait: float = 2.0) -> None:
    """Start, key ``answers`` (team id -> letter) ``wait`` seconds apart, reveal."""
    game.start()
    for pid, letter in answers.items():
        clock.advance(wait)
        game.submit(pid, letter)
    game.reveal()


# --------------------------------------------------------------------------- item 3: skip


def test_skip_voids_the_question_for_everyone_even_answers_keyed_before_it():
    clock = FakeClock()
    game = game_for(clock)
    assert not game.skip_voids_answers  # nothing keyed yet
    game.start()
    clock.advance(2)
    game.submit("tim-01", "A")  # right, 900 points if it counted
    assert game.skip_voids_answers
    game.skip()
    assert game.index == 1 and game.phase is Phase.READY
    assert game.is_skipped(0)
    assert [s.points for s in game.standings()] == [0, 0, 0]
    result = game.result("tim-01")
    assert result.raw_points == 0 and result.correct == 0
    assert result.per_question[0].excluded is Excluded.SKIPPED


def test_skipping_a_revealed_question_only_moves_on():
    clock = FakeClock()
    game = game_for(clock)
    play(game, clock, {"tim-01": "A"})
    assert not game.skip_voids_answers
    game.skip()
    assert not game.is_skipped(0)
    assert game.standings()[0].points == 950


def test_a_skip_survives_a_resume():
    clock = FakeClock()
    game = game_for(clock)
    game.start()
    game.submit("tim-02", "A")
    game.skip()
    state = HallState.from_dict(json.loads(json.dumps(game.snapshot().to_dict())))
    again = HallGame(game.spec, game.participants, FakeClock(),
                     answers={"tim-02": game.answers("tim-02")}, state=state)
    assert again.is_skipped(0) and all(s.points == 0 for s in again.standings())


# --------------------------------------------------------------------------- item 6: played


def test_ending_early_scores_over_the_questions_played(tmp_path: Path):
    clock = FakeClock()
    source = TeamSource(["Meja 1", "Meja 2"])
    session = HallSession.create(tmp_path / "data", tmp_path / "bank.yaml", speed_plan(),
                                 [make_bank(15)], source, clock)
    game = session.game
    for q in range(4):  # Meja 1 right on all four, Meja 2 right on the first only
        session.start()
        clock.advance(2)
        source.key(1, "A")
        source.key(2, "A" if q == 0 else "B")
        session.reveal()
        session.next()
        session.next()
    assert game.phase is Phase.READY and game.index == 4
    session.end()
    assert game.played_count == 4
    assert game.result("tim-01").nilai == 100.0
    assert game.result("tim-02").nilai == 25.0
    assert game.average_nilai() == 62.5  # not 16,67: the 11 unplayed do not count
    r = game.result("tim-01")
    assert (r.correct, r.wrong, r.unanswered) == (4, 0, 0)
    assert [q.excluded for q in r.per_question[4:]] == [Excluded.NOT_SHOWN] * 11
    with ResultsStore.open_in(tmp_path / "data") as store:
        stored = {a.participant.name: a.result.nilai for a in store.attempts(session.session_id)}
    assert stored == {"Meja 1": 100.0, "Meja 2": 25.0}
    session.close()


def test_a_skipped_question_is_not_played():
    clock = FakeClock()
    game = game_for(clock, n=4)
    play(game, clock, {"tim-01": "A", "tim-02": "B"})
    game.next()
    game.next()
    game.start()
    game.submit("tim-02", "A")
    game.skip()
    game.end()
    assert game.played_count == 1 and game.skipped_count == 1
    assert game.result("tim-01").nilai == 100.0
    assert game.result("tim-02").nilai == 0.0


# --------------------------------------------------------------------------- item 7


def test_the_first_leaderboard_has_no_earlier_ranking():
    clock = FakeClock()
    game = game_for(clock)
    play(game, clock, {"tim-01": "A", "tim-03": "A"})
    assert [(s.rank, s.previous_rank, s.change) for s in game.standings()] == [
        (1, None, 0), (2, None, 0), (3, None, 0)]
    game.next()
    game.next()
    play(game, clock, {"tim-03": "A"})
    assert {s.participant.id: s.previous_rank for s in game.standings()} == {
        "tim-01": 1, "tim-02": 3, "tim-03": 2}


def test_a_skipped_first_question_gives_no_earlier_ranking_either():
    clock = FakeClock()
    game = game_for(clock)
    game.skip()
    play(game, clock, {"tim-02": "A"})
    assert all(s.previous_rank is None for s in game.standings())


# --------------------------------------------------------------------------- item 9e: ties


def test_teams_tied_at_the_cut_are_never_split():
    clock = FakeClock()
    game = game_for(clock, teams=13)
    # nine teams right at distinct times, four silent (tied at 0 from place 10)
    game.start()
    for i in range(1, 10):
        clock.advance(1)
        game.submit(f"tim-{i:02d}", "A")
    game.reveal()
    entries = board_entries(game.standings(), limit=10)
    assert len(entries) == 10
    assert [len(e.standings) for e in entries] == [1] * 9 + [4]
    last = entries[-1]
    assert last.rank == 10 and last.points == 0
    assert {s.participant.name for s in last.standings} == {
        "Meja 10", "Meja 11", "Meja 12", "Meja 13"}


def test_a_board_that_fits_lists_every_team_on_its_own_row():
    clock = FakeClock()
    game = game_for(clock, teams=10)
    play(game, clock, {"tim-01": "A"})
    entries = board_entries(game.standings(), limit=10)
    assert [len(e.standings) for e in entries] == [1] * 10


# --------------------------------------------------------------------------- item 9a, 9c


def test_a_letter_for_a_team_that_does_not_exist_says_why():
    entry = TeamKeyEntry(6)
    assert entry.digit("9") is None
    miss = entry.letter("A", "ABCD")
    assert miss == EntryMiss(number=9, team_count=6)
    assert entry.pending == ""
    assert entry.letter("A", "ABCD") == EntryMiss(number=None, team_count=6)
    assert entry.letter("E", "ABCD") is None  # not an option: nothing to say here


def test_too_many_teams_names_the_first_line_over_the_limit(tmp_path):
    text = "# daftar\n" + "\n".join(f"Tim {i}" for i in range(1, 101)) + "\n"
    with pytest.raises(TeamFileError) as exc:
        parse_team_names(text, "tim.txt")
    assert str(exc.value).startswith("tim.txt:101: ")  # the 100th name, after the comment


def test_a_binary_team_file_names_the_line(tmp_path):
    path = tmp_path / "tim.txt"
    path.write_bytes(b"Dinkes\nBappeda\nPK\x03\x04\x00\x00\n")
    with pytest.raises(TeamFileError) as exc:
        load_team_file(path)
    assert f"{path}:3:" in str(exc.value)


def test_a_skip_survives_a_crash_through_the_resume_file(tmp_path: Path):
    from quiz_app.core.hall import find_resumable

    clock = FakeClock()
    source = TeamSource(["Meja 1", "Meja 2"])
    data = tmp_path / "data"
    session = HallSession.create(data, tmp_path / "bank.yaml", speed_plan(), [make_bank(3)],
                                 source, clock)
    session.start()
    source.key(1, "A")
    session.skip()
    assert session.store is not None
    session.store.close()  # the crash: nothing finished, only the files remain
    saved = find_resumable(data)[0]
    again = HallSession.resume(data, saved, TeamSource(["Meja 1", "Meja 2"]), FakeClock())
    assert again.game.index == 1 and again.game.is_skipped(0)
    assert all(s.points == 0 for s in again.game.standings())
    again.close()
